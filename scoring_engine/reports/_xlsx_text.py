"""Text as a workbook holds it, for every xlsx the engine writes (the reports, the 自评表, the batch workbook).

A cell's text: hidden characters shown as escapes, cut at Excel's limit (in UTF-16 units, as Excel counts) with a
mark that says so. A wrapped row's height: spreadsheets do not fit it on opening, so a row of several lines is given
one (wrapped_lines, row_height). A sheet's name: one Excel opens, whatever the text it is made from (a layout's title).
"""

from __future__ import annotations

from collections.abc import Iterable

from .._display import display_width
from .._text import one_line, visible
from .._patterns import compile_later

__all__ = ["CUT_MARK", "LINE_HEIGHT", "SHEET_NAME_CHARACTERS", "XLSX_CELL_CHARACTERS", "cell_text", "row_height",
           "sheet_name", "wrapped_lines"]

#: The most text a cell may hold (Excel's limit, in UTF-16 units); longer text is cut and marked with CUT_MARK.
XLSX_CELL_CHARACTERS = 32767
#: The end of a cut cell. The workbooks are for people and in Chinese, whatever the run's language (docs/batch.md).
CUT_MARK = "…（超出单元格容量，已截断；全文见 JSON 结果）"
#: The longest sheet name Excel takes, in UTF-16 units.
SHEET_NAME_CHARACTERS = 31
# The characters Excel refuses in a sheet name, as their full-width forms (a title 附件1: … keeps its colon, as ：).
_FULL_WIDTH = str.maketrans({"/": "／", "\\": "＼", "?": "？", "*": "＊", ":": "：", "[": "［", "]": "］"})
_RESERVED = "history"  # Excel keeps the name History for itself
#: What Excel reads as a character written by its code (_x000D_ a carriage return), in a text it holds.
_EXCEL_ESCAPE = compile_later(r"_(x[0-9A-Fa-f]{4}_)")
#: Points per line of 11-point text.
LINE_HEIGHT = 15


def _units(text: str) -> int:
    """`text`'s length in UTF-16 units: a character past the first plane (𠀀) counts two, as Excel counts it."""
    return len(text) + sum(ord(ch) > 0xFFFF for ch in text) if not text.isascii() else len(text)


def _cut(text: str, room: int) -> str:
    """The start of `text` that takes at most `room` UTF-16 units (never half a character)."""
    kept = []
    for ch in text:
        room -= 2 if ord(ch) > 0xFFFF else 1
        if room < 0:
            break
        kept.append(ch)
    return "".join(kept)


def cell_text(text: str) -> str:
    """`text` as a workbook may hold it: hidden characters (all XML 1.0 forbids among them) shown as escapes by
    _text.visible, text that reads as Excel's escape of a character (_x4E00_) kept as text by Excel's own escape of
    its underscore (_x005F_x4E00_), and cut to XLSX_CELL_CHARACTERS UTF-16 units, ending with CUT_MARK.

    >>> len(cell_text("\\U00020000" * 20000)) < 20000, cell_text("a\\u202eb"), cell_text("工程_x4E00_期")
    (True, 'a\\\\u202eb', '工程_x005F_x4E00_期')
    """
    shown = visible(text)
    if "_x" in shown:  # _x4E00_ typed: written as Excel writes it, else Excel and the form reader read it as 一 (QA249)
        shown = _EXCEL_ESCAPE.sub(r"_x005F_\1", shown)
    if len(shown) <= XLSX_CELL_CHARACTERS // 2 or _units(shown) <= XLSX_CELL_CHARACTERS:
        return shown
    return _cut(shown, XLSX_CELL_CHARACTERS - len(CUT_MARK)) + CUT_MARK


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` wide (a character's padding left aside): each line break
    starts one, and a line wider than the column takes more.

    >>> wrapped_lines("多行项目\\n第二行\\r第三行", 20), wrapped_lines("甲" * 20, 20), wrapped_lines("", 20)
    (3, 3, 1)
    """
    usable = max(width - 1.5, 1)
    return sum(max(1, -(-display_width(line) // int(usable))) for line in visible(text).split("\n")) if text else 1


def row_height(lines: int) -> int:
    """The height, in points, of a row whose tallest cell wraps to `lines` lines."""
    return LINE_HEIGHT * lines + 4


def sheet_name(text: str, taken: Iterable[str] = (), fallback: str = "Sheet") -> str:
    """`text` as a sheet name Excel opens: each character Excel refuses (/ \\ ? * : [ ]) as its full-width form, line
    breaks and hidden characters as one_line shows them, no apostrophe at either end, at most SHEET_NAME_CHARACTERS
    UTF-16 units, `fallback` when nothing is left, and numbered （2）, （3）… when a name in `taken` (or History) is the
    same but for letter case.

    >>> sheet_name("附件1: 项目支出绩效自评表"), sheet_name("[试行]2024/表"), sheet_name("'表'"), sheet_name("表", ["表"])
    ('附件1： 项目支出绩效自评表', '［试行］2024／表', '表', '表（2）')
    """
    name = _trimmed(one_line(text).translate(_FULL_WIDTH), SHEET_NAME_CHARACTERS) or fallback
    used = {_RESERVED, *(t.casefold() for t in taken)}
    numbered, number = name, 1
    while numbered.casefold() in used:
        number += 1
        numbered = _trimmed(name, SHEET_NAME_CHARACTERS - len(f"（{number}）")) + f"（{number}）"
    return numbered


def _trimmed(name: str, room: int) -> str:
    """`name` cut to `room` UTF-16 units, without spaces or apostrophes at its ends (Excel refuses an apostrophe there)."""
    trimmed = None
    while trimmed != name:
        trimmed = name
        name = (_cut(name, room) if _units(name) > room else name).strip().strip("'")
    return name
