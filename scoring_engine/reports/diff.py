"""The comparison of two indicator sets (scoring-engine diff) as a terminal table, Markdown or a workbook.

Pure: a SetDiff and the project comparisons in, text or bytes out. Every view
holds the same rows: the changes (变化, 指标, 原, 新), then for each project its
totals and grades under both sets and the indicators whose score changed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from .._arith import ZERO, fixed
from .._display import display_width
from .._text import one_line
from ..diff import CHANGE_KINDS, ProjectComparison, SetDiff
from .._patterns import compile_later

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ..errors import Problem

__all__ = ["DIFF_FORMATS", "change_rows", "render_diff", "score_rows"]

DIFF_FORMATS = ("table", "markdown", "xlsx")
CHANGE_HEADER = ("变化", "指标", "原", "新")
SCORE_HEADER = ("项目", "指标", "原得分", "新得分", "差值")  # not 差, a grade (QA36 F8)
#: The workbook's 项目得分: the grades in columns of their own, after the scores, so that a total is a number (QA319 F6)
#: and what is not a number (why a side could not score, a warning) in 说明, so that every score column holds numbers alone
SCORE_SHEET_HEADER = (*SCORE_HEADER, "原等级", "新等级", "说明")
_SAME = ("两个指标体系的指标及其顺序、分值、评分标准、规则（含行组的行类型、指标性质和二级指标）、等级及其结果应用、"
         "核对、封顶、需说明条件、不适用指标的处理、舍入、分值规则、事实声明、派生值和理由模板都相同（表格样式不比较）。")
_TERMINAL_CELL = 60  # characters of a rule or a standard shown in a terminal cell; the other views show it whole


def _set_title(diff: SetDiff, which: str) -> str:
    s = diff.old if which == "old" else diff.new
    return f"{s.name}（{s.id} {s.version}）"


def change_rows(diff: SetDiff) -> list[tuple[str, str, str, str]]:
    """One row per change: what changed, the indicator (or grade) it is about, the value before and after ("—": none)."""
    rows = []
    for change in diff.changes:
        about = f"{change.name} ({change.indicator})" if change.indicator else change.name
        rows.append((CHANGE_KINDS[change.kind], about, change.old or "—", change.new or "—"))
    return rows


def _number(value: Decimal | None, places: int, none: str = "—") -> str:
    return none if value is None else fixed(value, places)


def _difference(old: Decimal | None, new: Decimal | None, places: int) -> str:
    """new − old; an indicator only one set has counts as 0 in the other, as in a batch's comparison, so that the
    differences of an indicator's children add up to its own (QA81 F4)."""
    if old is None and new is None:
        return "—"
    change = (new if new is not None else ZERO) - (old if old is not None else ZERO)
    return ("+" if change > 0 else "") + fixed(change, places)


def score_rows(diff: SetDiff, projects: Sequence[ProjectComparison],
               graded_apart: bool = False, brief: bool = False) -> list[tuple[str, ...]]:
    """Per project: the total (with the grades), then each indicator whose score changed; a project that failed, why.
    `graded_apart` (the workbook): the total's row is 总分 with the grades in two cells more, not 76.95（良）. `brief`
    (the terminal): a failed side said short, its problems being the error lines the command prints (QA338 L9b: 20 of
    them joined in the 差值 cell drew a rule thousands of dashes wide)."""
    places = max(diff.old.precision, diff.new.precision)  # the difference, finer of the two
    before, after = diff.old.precision, diff.new.precision  # each score as its own set prints it
    rows: list[tuple[str, ...]] = []
    named = Counter(p.name for p in projects)  # two files of one project name: each told by its file (QA81 F5)
    for p in (dataclasses.replace(p, name=f"{p.name}（{p.source}）") if named[p.name] > 1 else p for p in projects):
        if p.old_problems or p.new_problems:
            why = "；".join(f"{side}评分失败：" + _failed(problems, brief)
                           for side, problems in (("原", p.old_problems), ("新", p.new_problems)) if problems)
            if graded_apart:  # the failed side's score and the difference left empty: the columns stay numbers (QA322 F7)
                rows.append((p.name, "总分", _number(p.old_total, before, ""), _number(p.new_total, after, ""), "",
                             p.old_grade or "", p.new_grade or "", why))
            else:
                rows.append((p.name, "总分", _number(p.old_total, before), _number(p.new_total, after), why))
            continue
        change = _difference(p.old_total, p.new_total, places)
        if graded_apart:
            rows.append((p.name, "总分", _number(p.old_total, before), _number(p.new_total, after), change,
                         p.old_grade or "", p.new_grade or "", ""))
        else:
            old, new = f"{_number(p.old_total, before)}（{p.old_grade}）", f"{_number(p.new_total, after)}（{p.new_grade}）"
            rows.append((p.name, "总分（等级）", old, new, change))
        more = ("", "", "") if graded_apart else ()
        rows += [(p.name, f"{c.name} ({c.indicator})", _number(c.old, before), _number(c.new, after),
                  _difference(c.old, c.new, places), *more) for c in p.scores]
        rows += [(name, where, "", "", "", "", "", text) if graded_apart else (name, where, "", "", text)
                 for name, where, _, _, text in _warning_rows(p)]
    return rows


def _failed(problems: Sequence[Problem], brief: bool) -> str:
    """Why a side failed: each problem; `brief`, a problem alone, else how many, told in the error lines."""
    if brief and len(problems) > 1:
        return f"{len(problems)} 处问题，见错误行"
    return "；".join(problem.text("zh") for problem in problems)


def _warning_rows(p: ProjectComparison) -> list[tuple[str, str, str, str, str]]:
    """What scoring the project warned of under either set, each once, said of the set it came under when only one
    (QA293 F1: a fact misspelt was ignored, and the scores compared rested on its default without a word)."""
    old, new = ([w.text("zh") for w in warnings] for warnings in (p.old_warnings, p.new_warnings))
    said = [(text, "提示" if text in new else "提示（原体系）") for text in dict.fromkeys(old)]
    said += [(text, "提示（新体系）") for text in dict.fromkeys(new) if text not in old]
    return [(p.name, where, "", "", text) for text, where in said]


# ---------------------------------------------------------------- the views


def _terminal(text: str, start: int = 0) -> str:
    shown = one_line(text)
    if start:
        shown = "…" + shown[start:]
    return shown if len(shown) <= _TERMINAL_CELL else shown[:_TERMINAL_CELL - 1] + "…"


def _first_difference(row: Sequence[str], cut: Sequence[int]) -> int:
    """Where two long values cut side by side start to differ, less a little context: both are shown from there, so that
    two rules alike in their first fifty characters do not look the same."""
    if len(cut) != 2:
        return 0
    old, new = (one_line(row[i]) for i in cut)
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    return max(0, same - 12) if same > _TERMINAL_CELL - 12 else 0


def _aligned(header: Sequence[str], rows: Sequence[Sequence[str]], cut: Sequence[int] = ()) -> list[str]:
    """The rows under the header, each column as wide as its widest cell; the columns `cut` cut to _TERMINAL_CELL."""
    starts = [_first_difference(row, cut) for row in rows]
    cells = [list(header)] + [[_terminal(c, start) if i in cut else one_line(c) for i, c in enumerate(row)]
                              for row, start in zip(rows, starts, strict=True)]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return [lines[0], "-" * max(display_width(line) for line in lines), *lines[1:]]


def render_diff_table(diff: SetDiff, projects: Sequence[ProjectComparison] = ()) -> str:
    """The comparison for the terminal: the two sets, the changes, then the projects' scores."""
    lines = [f"原：{_set_title(diff, 'old')}", f"新：{_set_title(diff, 'new')}", ""]
    changes = change_rows(diff)
    lines += _aligned(CHANGE_HEADER, changes, cut=(2, 3)) if changes else [_SAME]
    if projects:
        lines += ["", *_aligned(SCORE_HEADER, score_rows(diff, projects, brief=True))]
    return "\n".join(lines) + "\n"


def render_diff_markdown(diff: SetDiff, projects: Sequence[ProjectComparison] = ()) -> str:
    """The comparison as Markdown tables, ready to paste into a note on this year's changes."""
    from .markdown import _cell

    def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
        body = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *body]

    lines = ["# 指标体系对比", "", f"原：{_cell(_set_title(diff, 'old'))}  ", f"新：{_cell(_set_title(diff, 'new'))}",
             "", "## 变化", ""]
    changes = change_rows(diff)
    lines += table(CHANGE_HEADER, changes) if changes else [_SAME]
    if projects:
        lines += ["", "## 项目得分", "", *table(SCORE_HEADER, score_rows(diff, projects))]
    return "\n".join(lines) + "\n"


def render_diff_xlsx(diff: SetDiff, projects: Sequence[ProjectComparison] = ()) -> bytes:
    """The comparison as a workbook: a sheet 变化, and a sheet 项目得分 when projects were compared."""
    from openpyxl import Workbook

    from .xlsx import _save, _text

    book = Workbook()
    book.properties.creator = "scoring-engine"
    heading = f"原：{_set_title(diff, 'old')}    新：{_set_title(diff, 'new')}"
    changes = change_rows(diff)
    _diff_sheet(book.worksheets[0], heading, ("变化", CHANGE_HEADER, (12, 36, 50, 50)), changes)
    if not changes:  # said, as the terminal says it, not a header over nothing (QA338 L5)
        _text(book.worksheets[0], 2, 1, _SAME)
    if projects:
        _diff_sheet(book.create_sheet(), heading, ("项目得分", SCORE_SHEET_HEADER, (36, 36, 16, 16, 12, 10, 10, 60)),
                    score_rows(diff, projects, graded_apart=True))
    return _save(book)


_NUMBER = compile_later(r"[+-]?\d{1,15}(?:\.\d{1,10})?")


def _diff_sheet(ws: Worksheet, heading: str, shape: tuple[str, Sequence[str], Sequence[int]],
                rows: Sequence[Sequence[str]]) -> None:
    """A sheet: the two sets on its first line, then the header (title, column names, widths) and the rows."""
    from openpyxl.styles import Alignment, Font

    from .xlsx import _text, _widths

    title, header, widths = shape
    ws.title = title
    _text(ws, 1, 1, heading)
    for col, name in enumerate(header, 1):
        _text(ws, 3, col, name).font = Font(bold=True)
    for r, row in enumerate(rows, 4):
        for col, value in enumerate(row, 1):
            if _NUMBER.fullmatch(value):  # a weight, score or difference: a number Excel adds up, shown as printed (QA69 F1)
                cell = ws.cell(r, col, Decimal(value))
                places = len(value.partition(".")[2])
                shown = "0." + "0" * places if places else "0"
                cell.number_format = f"+{shown};-{shown};{shown}" if value.startswith("+") else shown
            else:
                cell = _text(ws, r, col, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _widths(ws, widths)
    ws.freeze_panes = "A4"


def render_diff(diff: SetDiff, projects: Sequence[ProjectComparison], fmt: str) -> str | bytes:
    """The comparison in `fmt`: table, markdown or xlsx."""
    if fmt == "xlsx":
        return render_diff_xlsx(diff, projects)
    return render_diff_markdown(diff, projects) if fmt == "markdown" else render_diff_table(diff, projects)
