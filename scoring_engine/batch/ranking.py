"""Units (实施单位) and 主管部门 ranked by their projects' mean 得分率, each as one name however its projects spell it.

A clerk's typing is no other unit: ' 市第一中学', '市第一中学　' (a full-width
space around it), '市第一 中学', '市第２幼儿园' (a full-width digit) are
'市第一中学' and '市第2幼儿园' (`same_name`). Each is named as its first project
spells it; spellings that differ by more than the spaces around are listed
(`Names.variants`), so that the bureau can have them corrected (QA34 F1: one
school was ranked three times).

>>> names = Names()
>>> [names.of(n) for n in ("市第一中学", " 市第一中学", "市第一中学\u3000", "市第２幼儿园", "市第2幼儿园")]
['市第一中学', '市第一中学', '市第一中学', '市第２幼儿园', '市第２幼儿园']
>>> names.variants()
(('市第２幼儿园', ('市第2幼儿园',)),)
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .._arith import ZERO, cut_mean, cut_rate
from .._record import record
from .._text import escape_char, is_hidden, prints_as_nothing
from .rows import ProjectRow
from .._patterns import compile_later

__all__ = ["Names", "Ranked", "count", "in_order", "ranked", "shown_spelling", "spellings_note", "told_apart", "unscored"]

_MOST_NAMES = 100_000  # spellings kept as written, to spare their NFKC (the names themselves are kept, as the rankings are)
_SHOWN_VARIANTS = 10  # names spelt several ways that the note lists


@record
class Ranked:
    """A unit or department: its projects' count, mean total and mean 得分率, and how many must explain themselves.

    Ranked by the mean 得分率 (each total ÷ its set's total): a set scored out
    of 80 ranks beside one out of 100. Equal means share a 名次 (1, 1, 3).
    """

    name: str
    count: int
    mean: Decimal | None  # None for projects scored out of different totals: a mean of 72/80 and 90/100 means nothing
    flagged: int
    places: int  # decimals the mean is shown with
    rank: int = 1
    department: str = ""  # a unit's 主管部门: units of one name in two departments are two units
    mean_rate: Decimal = ZERO  # 0–1, rounded to 0.01%
    failed: int = 0  # its projects that could not be scored: in none of the figures, but counted here


def same_name(text: str) -> str:
    """A name as units are told apart by it: NFKC, without spaces (around or inside: 市第一 中学 is 市第一中学) or the
    invisible characters a name pasted from a web page or Word carries (format characters: zero-width spaces, BOM,
    direction marks; fillers), Latin letters in either case (QA35 F4, QA37 F5)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not prints_as_nothing(c)).casefold()


class Names:
    """Each unit's and department's name as its first project spells it, and the other spellings met."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}  # as written → the name it counts under
        self.first: dict[str, str] = {}  # same_name → the first spelling (spaces around dropped)
        self.others: dict[str, list[str]] = {}  # the name → every spelling met, as written but for spaces around

    def of(self, written: Any) -> str:
        """The name `written` counts under ("" for none)."""
        if written is None or written == "":
            return ""
        text = str(written)
        found = self.seen.get(text)
        if found is None:
            key, visible = same_name(text), _visible(text)
            found = self.first.setdefault(key, visible) if key else ""  # only invisible characters: no name at all
            shown = shown_spelling(text)
            if key and shown not in self.others.setdefault(found, []):
                self.others[found].append(shown)
            if len(self.seen) < _MOST_NAMES:
                self.seen[text] = found
        return found

    def variants(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(name, other spellings) of each name spelt more than one way, in the order first met: not one that every
        project spells alike, if shown otherwise (市第七中学 高新校区 shown without its space: QA43 F8)."""
        return tuple((name, tuple(s for s in spellings if s != shown_spelling(name))) for name, spellings in self.others.items()
                     if len(spellings) > 1)


def _visible(text: str) -> str:
    """A name as a ranking shows it: without spaces around, or spaces between Chinese characters (a first project's
    市 教育局 is shown 市教育局: QA42 F7). Its invisible characters are kept, for every output to show as escapes as it
    shows them in the project's other cells (\\u202e单位A): dropped, the ranking and 结果应用 read 单位A beside the
    \\u202e单位A of the same page's 需说明 (QA316 F5; QA38 F10 had dropped them while outputs wrote them raw)."""
    return _SPACE_IN_CHINESE.sub("", text.strip())


_SPACE_IN_CHINESE = compile_later(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def in_order(name: str) -> str:
    """What a unit's or department's name is put in order by: as it reads, without the invisible characters it keeps
    (\\ufeff市教育局 went after every other name, \\u202e单位A before: QA321 F1)."""
    return name if name.isprintable() else "".join(c for c in name if c.isspace() or not prints_as_nothing(c))


def shown_spelling(text: str) -> str:
    """A name as the note shows a spelling: spaces around dropped, an invisible character or a line break inside as its
    escape, \\u202e, as every output shows it in the project's cells (a spelling that differs by one must not read the
    same as the name, nor split the terminal's line; QA321 F2: <U+202E>单位A in the note beside \\u202e单位A in the ranking)."""
    return "".join(escape_char(c) if (prints_as_nothing(c) and not c.isspace()) or is_hidden(c) else c
                   for c in text.strip())


def spellings_note(variants: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """What the summaries say of names spelt several ways ("" for none)."""
    if not variants:
        return ""
    shown = "；".join(f"{shown_spelling(name)}（又写作{'、'.join(others)}）" for name, others in variants[:_SHOWN_VARIANTS])
    more = f"等{len(variants)}个" if len(variants) > _SHOWN_VARIANTS else ""
    return f"单位或主管部门名称写法不一，已按同一名称统计：{shown}{more}（请统一写法）"


def count(table: dict[tuple[str, str], list[Any]], key: tuple[str, str], row: ProjectRow, flagged: bool) -> None:
    """Count the project in a unit's or department's entry: [count, total sum, flagged, {its set's total: total sum}]."""
    assert row.total is not None
    entry = table.get(key)
    if entry is None:
        entry = table[key] = [0, ZERO, 0, {}]
    entry[0] += 1
    entry[1] += row.total
    entry[2] += flagged
    by_set = entry[3]
    by_set[row.max_total] = by_set.get(row.max_total, ZERO) + row.total


def told_apart(units: dict[tuple[str, str], list[Any]], failed: Counter[tuple[str, str]], departments_named: bool
               ) -> tuple[dict[tuple[str, str], list[Any]], int, int]:
    """The units to rank, and how many projects are left out, scored and failed (counted apart, as the 主管部门 ranking
    counts them: QA312 3): where any project of the batch names its 主管部门, those that name none. A unit is told apart by
    its 主管部门: a project of 市第一中学 without one was ranked as a unit of its own, its one total 1st beside the whole
    school's (QA186 F2). In a batch that names no 主管部门, units rank alone."""
    if not departments_named:
        return units, 0, 0
    apart = [key for key in units if not key[0]]
    return ({key: entry for key, entry in units.items() if key[0]}, sum(units[key][0] for key in apart),
            sum(failed[key] for key in apart))  # its failed projects too: named in no note of unscored


def unscored(table: dict[tuple[str, str], list[Any]], failed: Counter[tuple[str, str]]) -> tuple[tuple[str, str, int], ...]:
    """(主管部门, name, projects failed) of each unit or department none of whose projects could be scored."""
    return tuple(sorted((*key, n) for key, n in failed.items() if n and key not in table))


def ranked(table: dict[tuple[str, str], list[Any]], places: int, failed: Counter[tuple[str, str]]) -> tuple[Ranked, ...]:
    """Units or departments, by mean 得分率 (exact: as fractions), highest first; equal ones share a 名次, named in order."""
    rated = []
    for (department, name), (n, total, flagged, by_set) in table.items():
        rate = sum((Fraction(points) / Fraction(out_of) for out_of, points in by_set.items() if out_of), Fraction(0)) / n
        rated.append((-rate, name, department, n, total, flagged))
    rated.sort(key=lambda r: (r[0], in_order(r[1]), r[1], in_order(r[2]), r[2]))
    found: list[Ranked] = []
    for i, (rate, name, department, n, total, flagged) in enumerate(rated):
        rank = found[-1].rank if found and rated[i - 1][0] == rate else i + 1
        share = cut_rate(Decimal(-rate.numerator) / rate.denominator)
        mean = cut_mean(total / n, places) if len(table[department, name][3]) == 1 else None  # QA59 F3, QA135 F3
        found.append(Ranked(name, n, mean, flagged, places, rank, department, share, failed[(department, name)]))
    return tuple(found)
