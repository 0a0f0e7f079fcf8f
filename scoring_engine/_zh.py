"""Messages in Chinese: the English text of a problem, warning or difference, matched against a catalog of its patterns.

Every message is made in English at the place that finds the mistake, with its
structured fields (file, line, indicator, fact, hint…); tools and tests read
those. For people (`Problem.text("zh")`, the command line), `translate` finds the English pattern a text was made from
in `_zh_catalog.CATALOG` and fills its Chinese template with the same names,
numbers and paths. A pattern's ``{name}`` takes any text (``{name:id}`` only a
name, ``{name:n}`` a number, ``{name:w}`` English words, ``{name:q}`` a text in quotes, ``{name:s}`` a word without
spaces, ``{name:ids}`` names or ids joined by ", ", ``{name:sheet}`` and ``{name:cell}`` a worksheet's name and a cell's
column and row); the template puts it back as written (``{name}``) or translated in turn (``{name!t}``: the nested
English of ``grade 良: gap: …``), or with its "or" and "and" in Chinese
(``{name!o}``), or a list's ", " as "、" (``{name!l}``: a list of free text the message was made with by
`_text.listing` keeps its items, and only the ", " between them becomes 、). The first pattern that matches the
whole text wins (one joining a hint and its sequel, ``{hint}; …``, is tried first); a text no pattern matches is left
as it is (tests/test_zh.py finds any such text in what a user can cause).

>>> translate("did you mean budget.paid?")
'是否想写 budget.paid？'
>>> translate("weights of the children of process add up to 90 (60 + 30), not 100")
'process 的下级指标分值合计为 90（60 + 30），不等于 100'
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any
from ._patterns import compile_later

__all__ = ["LANGUAGES", "translate"]

#: The languages messages are shown in: English as made, Chinese through the catalog.
LANGUAGES = ("en", "zh")

#: What a placeholder may take: any text, or (``{name:id}``) a name or id, (``{name:n}``) a number, (``{name:w}``) English words,
#: (``{name:ids}``) names or ids joined by ", " (explain's "did you mean a, b (名称)?"), (``{name:v}``) a value as shown,
#: never a fact's "label (name): " before it (QA276 F5: the value took it, and the line kept its English marks).
_KINDS = {"": ".+?", "id": r"[A-Za-z_][\w.\-]*", "n": r"[-+]?\d[\d.]*%?", "w": r"[A-Za-z][A-Za-z ()'-]*?", "q": r"'[^']*'",
          "s": r"\S+", "sheet": r"[^:\n]{1,31}?", "cell": r"[A-Z]{1,3}[0-9]{1,7}", "v": r"(?:(?!: ).)+?",
          "ids": r"[A-Za-z_][\w.\-]*(?:, [A-Za-z_][\w.\-]*)*…?"}
_PLACEHOLDER = compile_later(r"\{[^{}]*\}")
_BRACES = compile_later(r"\{\{|\}\}")  # a brace written as text
_MAX_TEXT = 5000  # longer texts (a hostile file's) are left as they are: every pattern would be tried on each


class _Entry:
    """One pattern of the catalog: the literal text it starts with, and (compiled when first needed) a regular
    expression with a group per placeholder; and the template."""

    def __init__(self, english: str, chinese: str) -> None:
        self.english = english
        self.chinese = chinese
        if _BRACES.search(english):  # braces written as text: the formatter's own reading
            literals = [literal for literal, _, _, _ in string.Formatter().parse(english)]
        else:  # the same pieces, split in C: the whole catalog is read for the first message a command shows
            literals = _PLACEHOLDER.split(english)
        self.prefix = literals[0] if literals else ""  # a text that does not start with it cannot match
        # nor one that lacks any of its literal parts: either way, no need to compile the pattern
        self.parts = tuple(sorted({literal for literal in literals[1:] if literal.strip()}, key=len, reverse=True))
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            parts: list[str] = []
            seen: set[str] = set()
            for literal, name, kind, _ in string.Formatter().parse(self.english):
                parts.append(re.escape(literal))
                if name is None:
                    continue
                parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{_KINDS[kind or '']})")
                seen.add(name)
            self._pattern = re.compile("".join(parts), re.S)
        return self._pattern


#: A list's ", ", and a text in double quotes, whose ", " is its own (a file named "省方案, 2024.yaml", offered to --set);
#: not in single quotes, which an item's own apostrophe would open (O'Neil 法: QA222 4). Only for a list no text kept
#: the items of (`_text.listing`): names and ids, which hold neither.
_LIST_COMMA = compile_later(r'("[^"]*")|, ')


class _Filler(string.Formatter):
    """Fills a template: `!t` translates the value, `!o` gives its "or"/"and" in Chinese, `!l` its list's commas,
    `!w` translates each of the words "or" joins (QA91 F3: 应为文字 or a number). `lists`: the items of the lists the
    text kept (`_text.listing`), which `!l` joins as they are, and `!t` hands on."""

    def __init__(self, lists: tuple[tuple[str, ...], ...] = ()) -> None:
        self.lists = lists

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "t":
            return translate(_keeping(str(value), self.lists))
        if conversion == "o":
            return re.sub(r",? (or|and) ", lambda m: " 或 " if m.group(1) == "or" else " 和 ", str(value))
        if conversion == "l":  # "年度指标值, 实际完成值" → "年度指标值、实际完成值"; "…, … (+3)" → "…、…（+3）"
            items = next((items for items in self.lists if ", ".join(items) == value), None)  # the list the text kept
            listed = "、".join(items) if items is not None else _LIST_COMMA.sub(lambda found: found.group(1) or "、", str(value))
            return re.sub(r" \(\+(\d+)\)$", r"（+\1）", listed)  # a list cut short (fact_values._one_of)
        if conversion == "w":  # "text or a number or true or false" → "文字、数字、true或false", each word translated
            parts = str(value).split(" or ")
            words = [translate(word) for word in parts]
            if any(said == part and " " in part for said, part in zip(words, parts, strict=True)):
                return translate(str(value))  # a phrase of its own: "a number or a fraction such as 1/3"
            return "、".join(words[:-1]) + "或" + words[-1] if len(words) > 1 else words[0]
        return super().convert_field(value, conversion)


    def parse(self, format_string: str) -> Any:
        # "实际是 {value!t}", "{key!t} 不能为负数": a space beside a translated value is marked, to go between two Chinese words
        after_translated = False
        for literal, name, spec, conversion in super().parse(format_string):
            text = _SPACE_IF_ENGLISH + literal[1:] if after_translated and literal.startswith(" ") else literal
            if conversion == "t" and text.endswith(" "):
                text = text[:-1] + _SPACE_IF_ENGLISH
            after_translated = conversion == "t"
            yield text, name, spec, conversion

    def vformat(self, format_string: str, args: Any, kwargs: Any) -> str:
        """The template filled, with no space between two Chinese words: "实际是列表", not "实际是 列表" (QA91 F7)."""
        if any(_SPACE_IF_ENGLISH in str(value) for value in kwargs.values()):  # never touch what a value holds
            return (_PlainFiller(self.lists) if self.lists else _PLAIN_FILLER).vformat(format_string, args, kwargs)
        filled = super().vformat(format_string, args, kwargs)
        if _SPACE_IF_ENGLISH not in filled:
            return filled
        return _chinese_next().sub("", filled).replace(_SPACE_IF_ENGLISH, " ")


class _PlainFiller(_Filler):
    """_Filler with every space of the template kept: for the values that hold the mark itself."""

    parse = string.Formatter.parse
    vformat = string.Formatter.vformat


_SPACE_IF_ENGLISH = "\ue000"
_CHINESE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # Chinese words and full-width punctuation


@lru_cache(maxsize=1)
def _chinese_next() -> re.Pattern[str]:
    """The mark between two Chinese characters, compiled when first needed (about 1 ms: not at every command's start)."""
    return re.compile(f"(?<=[{_CHINESE}]){_SPACE_IF_ENGLISH}(?=[{_CHINESE}])")
_FILLER = _Filler()
_PLAIN_FILLER = _PlainFiller()


_KEY = 8  # characters of a pattern's prefix its text is looked up by


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, tuple[int, ...]]:
    """The patterns of the catalog by the first `_KEY` characters of the literal text each starts with (all of it when
    shorter), in catalog order. A text is tried only against the patterns its own first characters could start: a
    command's first message reads the catalog's prefixes, and makes the entry of a pattern only when a text could match."""
    from ._zh_catalog import CATALOG

    index: dict[str, list[int]] = {}
    for i, (english, _) in enumerate(CATALOG):
        prefix = _Entry(english, "").prefix if _BRACES.search(english) else english.split("{", 1)[0]
        index.setdefault(prefix[:_KEY], []).append(i)
    return {key: tuple(indices) for key, indices in index.items()}


#: A pattern that joins a hint and what is said after it ("{hint}; the profile … changed its weight …"): tried before
#: any other, whose last placeholder would take the words joined to it in English (QA337 1: "请给出 0–3; the profile …").
_JOINED = "{hint}; "


@lru_cache(maxsize=1)
def _joined() -> frozenset[int]:
    from ._zh_catalog import CATALOG

    return frozenset(i for i, (english, _) in enumerate(CATALOG) if english.startswith(_JOINED))


def _candidates(text: str) -> list[int]:
    """The catalog's patterns whose prefix `text` may start with, in catalog order (the first that matches wins), the
    patterns joining a hint and its sequel first."""
    index = _by_prefix()
    found: list[int] = []
    for length in range(min(len(text), _KEY) + 1):
        indices = index.get(text[:length])
        if indices:
            found.extend(indices)
    joined = _joined()
    found.sort(key=lambda i: (i not in joined, i))
    return found


_ENTRIES: dict[int, _Entry] = {}


def _entry(index: int) -> _Entry:
    entry = _ENTRIES.get(index)
    if entry is None:
        from ._zh_catalog import CATALOG

        entry = _ENTRIES.setdefault(index, _Entry(*CATALOG[index]))
    return entry


def translate(text: str) -> str:
    """`text` in Chinese when the catalog has its pattern, else as it is; the items of the lists it kept
    (`_text.listing`) joined with 、 as they are."""
    lists = getattr(text, "lists", None)
    return _translated(str(text), _Filler(lists)) if lists else _cached(text)


def _keeping(text: str, lists: tuple[tuple[str, ...], ...]) -> str:
    """A part of a text, keeping the lists the whole kept: a nested message's lists are the outer one's too."""
    if not lists:
        return text
    from ._text import listing

    return listing(text, *lists)


@lru_cache(maxsize=4096)
def _cached(text: str) -> str:
    return _translated(text, _FILLER)


def _translated(text: str, filler: _Filler) -> str:
    if not text or len(text) > _MAX_TEXT:
        return text
    for index in _candidates(text):
        entry = _entry(index)
        if not text.startswith(entry.prefix):  # a prefix longer than the key it was found by
            continue
        parts = entry.parts
        if (parts and parts[0] not in text) or not all(part in text for part in parts):  # the longest, most telling, first
            continue
        found = entry.pattern.fullmatch(text)
        if found:
            return _without_constants(filler.vformat(entry.chinese, (), found.groupdict()))
    return text


#: A limit's constant as the English names it, for docs/limits.md and tools: （MAX_FACTS_DEPTH）, （MAX_FORM_ROWS、
#: MAX_FORM_COLUMNS）, （MAX_FACT_MAGNITUDE：…）, （MAX_FACT_MAGNITUDE 为 1e15）. The Chinese says the limit's figure
#: without it (QA263 F4: a clerk who typed 元 for 万元 read MAX_FACT_MAGNITUDE).
_CONSTANT = compile_later(r"（(?:MAX|MOST)_[A-Z_]+(?:、(?:MAX|MOST)_[A-Z_]+)*）|(?<=（)(?:MAX|MOST)_[A-Z_]+(?:：| 为 )")


def _without_constants(text: str) -> str:
    if "MAX_" not in text and "MOST_" not in text:
        return text
    return _CONSTANT.sub(lambda m: "上限为 " if m.group().endswith(" 为 ") else "", text)
