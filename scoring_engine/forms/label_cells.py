"""The cells of a form that hold its labels, read as text: a 一级 or 二级 cell, a block's heading, a funds row's label,
the header. Anything else there (a formula, an error value, a number, a date) is refused on its own cell, as a value
cell's is: read as empty, a 二级 cell holding ="成本指标" gave its row the category of the row above, a formula in a
heading lost the column, and one in a funds row's label lost the row's amounts, in silence (QA165 F1). A reason cell
holds words too: a number there is refused on its cell (QA165 F6)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._arith import plain
from .._text import cut
from .layout import Labelled
from .reading import FormReading, says_something
from .workbook import Formula
from .._patterns import compile_later

__all__ = ["held", "label_text", "reason_words", "refuse_header_formulas", "refuse_heading_values", "unread_funds_label"]

TYPE_THE_TEXT = "type the text itself"


def label_text(reading: FormReading, row: int, col: int, what: str) -> str | None:
    """The text of a label cell ('' when it is empty). Anything else is a problem on the cell, and gives None, or the
    text a formula of quoted text alone shows (="成本指标"), read on with so that the rest of the form is said with it."""
    value = reading.sheet.get(row, col)
    if value is None or isinstance(value, str):
        return reading.sheet.text(row, col)
    _refuse(reading, row, col, value, what)
    return value.literal() if isinstance(value, Formula) else None


def refuse_heading_values(reading: FormReading, row: int, at: Mapping[str, int], count: int,
                          added: tuple[Labelled, ...] = ()) -> bool:
    """Each cell of a block's heading row that holds no text, within the block's `count` columns (found `at`) or left of
    them, refused: a column's heading (or the block's label) not read as text loses its column (偏差原因分析及改进措施
    written ="…": every reason dropped). Right of them, only a formula of a column `added` (="指标性质"): a note or a
    year beside the table is no heading (QA168 F2). True when there is one."""
    last = max(*at.values(), min(at.values()) + count - 1)
    found = sorted((c, value) for (r, c), value in reading.sheet.cells.items() if r == row and not isinstance(value, str)
                   and (c <= last or (isinstance(value, Formula) and any(a.matches(value.literal() or "") for a in added))))
    for c, value in found:
        _refuse(reading, row, c, value, "column heading")
    return bool(found)


def refuse_header_formulas(reading: FormReading, before: int, last: int) -> None:
    """Each formula or error value in the rows above the funds block (`before`) where a label the header reads is lost:
    项目名称, 主管部门 or 实施单位 not found (a label written as a formula is not), or the 年度 line in the top rows. Only
    a cell within the form's columns (up to `last`) that is not beside a note of the form's own (填报日期：=TODAY(), a
    helper =COUNTA(…) in K1 are not read: QA168 F1); a value the header reads was refused as it was read."""
    items = [i for line in reading.layout.header for i in line]
    lost = before if any(reading.find(i) is None for i in items) \
        else 6 if "year" not in reading.project else 0  # the year is read in the top five rows
    read = set(reading.provenance.values())
    for (r, c), value in sorted(reading.sheet.cells.items()):
        if r < min(before, lost) and c <= last and isinstance(value, Formula) and not _beside_a_note(reading, r, c, read):
            _refuse(reading, r, c, value, None)


def _beside_a_note(reading: FormReading, row: int, col: int, read: set[str]) -> bool:
    """Whether the nearest cell left of (row, col) holding anything holds text the header did not read (填报日期：)."""
    left = max((c for r, c in reading.sheet.cells if r == row and c < col), default=None)
    if left is None:
        return False
    value = reading.sheet.get(row, left)
    return isinstance(value, str) and bool(value.strip()) and reading.sheet.ref(row, left) not in read


def unread_funds_label(reading: FormReading, row: int, first_column: int) -> bool:
    """For a row of the funds block whose label was not found: True when its label cells hold text, which no funds row
    is (年度总体目标: the block has ended there); a formula or error value among them refused on its cell."""
    cells = [(c, reading.sheet.get(row, c)) for c in range(1, first_column)]
    for c, value in cells:
        if isinstance(value, Formula):
            _refuse(reading, row, c, value, "row's label")
    return any(isinstance(value, str) and value.strip() for _, value in cells)


def _refuse(reading: FormReading, row: int, col: int, value: Any, what: str | None) -> None:
    """The problem of a label cell holding `value`, said once on its cell (what is read there twice, and a value cell
    read with `reading.text`, is said once)."""
    cell = reading.sheet.ref(row, col)
    if any(p.message.startswith(f"{cell}: ") for p in reading.problems):
        return
    literal = value.literal() if isinstance(value, Formula) else None
    hint = f"{TYPE_THE_TEXT}: {literal}" if literal else TYPE_THE_TEXT
    if isinstance(value, Formula):
        reading.problem(row, col, f"{value.holds()}; expected {f'the {what} itself' if what else 'text'}", hint)
    else:
        got = held(value)
        reading.problem(row, col, f"expected the {what} as text, got {got}" if what else f"expected text, got {got}", hint)


def reason_words(reading: FormReading, row: int, col: int, label: str, row_name: str) -> str | None:
    """A reason cell's words (None when it is empty or says nothing, a dash or 无: the fact's default, as 需说明 reads
    it); a number, a date or true/false there, or a 文本 cell holding only a number, is refused on its cell: a reason of 0
    is a slip (the 得分 typed a column too far), not a reason given (QA165 F6: it was said of the whole row, as 'reason
    应为非空文字')."""
    value = reading.sheet.get(row, col)
    if isinstance(value, str) and _FIGURE.fullmatch(unicodedata.normalize("NFKC", value).strip()):
        value = Decimal(unicodedata.normalize("NFKC", value).strip().rstrip("%"))  # a 文本 cell's 0, as the number (QA237 5)
    elif value is None or isinstance(value, (str, Formula)):
        text = reading.text(row, col)
        return text if text is None or says_something(text) else None  # —, 无: no reason given, as 需说明 reads them
    reading.problem(row, col, f"row {cut(row_name)}: {label} holds {held(value)}; expected the reason in words",
                    "write the reason in words, or leave the cell empty")
    return None


_FIGURE = compile_later(r"[-+]?\d+(?:\.\d+)?%?")


def held(value: Any) -> str:
    """What a cell holding no text holds, for a message: 'the number 0', 'a date', 'a true/false cell'."""
    return "a true/false cell" if isinstance(value, bool) else "a date" if hasattr(value, "isoformat") \
        else f"the number {plain(value)}"
