"""A sheet as the form reader reads it: its rows as openpyxl's own parser reads them, without what read-only reading
does with them in silence, and the marks read-only reading does not keep (merged ranges, hidden rows and columns).

openpyxl's read-only rows skip a row whose number is not above the one before (the form then "has no such row", or a
second 全年预算数 goes unseen), take a shared text of index -1 as the workbook's last one (a value read from another
cell), and fail with a bare ValueError naming no cell on a number that is none. Each is a file a spreadsheet program
calls damaged (QA95 F5, F7, F8): here it is refused on its row or cell, as the parser itself read it (QA105: checks of
the XML's text refused valid spellings, and missed forged ones).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from typing import IO, Any

from ..errors import FactsError, Problem
from .parts import utf16
from .._patterns import compile_later

__all__ = ["MAX_FORM_MERGES", "SAVE_AGAIN", "sheet_rows"]

#: Most merged ranges a sheet may hold: openpyxl makes an object of some 0.8 KB of each, all kept until the sheet is read
#: (QA221 8: 480,000 in a 2.2 MB form took 383 MB). A form has 30 to 300.
MAX_FORM_MERGES = 10_000
_MERGE = compile_later(rb"<(?:[\w.-]+:)?mergeCell[\s/>]")  # a <mergeCell>, not <mergeCells>, under any prefix
_MERGE_TEXT = compile_later(r"<(?:[\w.-]+:)?mergeCell[\s/>]")  # the same, in a part decoded from UTF-16

SAVE_AGAIN = "open it in a spreadsheet program and save it again as .xlsx"


class _NoSharedText(IndexError):
    def __init__(self, index: int, count: int):
        super().__init__(index)
        self.index, self.count = index, count


class _SharedTexts(list):  # type: ignore[type-arg]
    """The workbook's shared texts, refusing an index outside them (a list takes -1 as its last)."""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and not 0 <= index < len(self):
            raise _NoSharedText(index, len(self))
        return super().__getitem__(index)


def sheet_rows(ws: Any, name: str, read: list[Any] | None = None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Each row the sheet's XML holds, once and in order, as (its number, its cells that hold a value), read as
    read-only reading reads them (openpyxl 3.1's parser, the one it uses): the rows missing between are not made, nor
    the empty cells before a row's last (a styled empty cell in column XFD made 16,384 of them, and a forged row number
    in the trillions as many empty rows: QA56 F3, QA95 F1), and a stale <dimension> hides nothing. The parser is put in
    `read`: once the rows are all read, it holds what else it met on the sheet (merged ranges, hidden rows and
    columns), read in the same pass (QA109 F4: read again by patterns, a forged comment took a minute)."""
    from openpyxl.cell.read_only import ReadOnlyCell

    book = ws.parent
    with ws._get_source() as source:
        _few_merges(source, ws.title, name)  # before the parser makes any
        parser = _parser_class()(source, _SharedTexts(ws._shared_strings), data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        if read is not None:
            read.append(parser)
        rows = parser.parse()
        previous, seen = 0, set[tuple[int, int]]()
        while True:
            try:
                read = next(rows, None)
            except (ValueError, IndexError, TypeError, OverflowError) as err:  # a cell's value its type cannot be
                raise FactsError(_unread_cell(ws.title, parser.row_counter, parser.col_counter, err, name)) from None
            if read is None:
                return
            number, cells = read
            if number <= previous:
                raise FactsError(Problem(f"sheet {ws.title}: row {number} comes after row {previous} (rows out of order "
                                         "or given twice), which no spreadsheet program writes", file=name, hint=SAVE_AGAIN))
            previous = number
            _given_once(cells, seen, ws.title, name)
            yield number, tuple(ReadOnlyCell(ws, **cell) for cell in cells if cell["value"] is not None)


def _few_merges(source: IO[bytes], sheet: str, name: str) -> None:
    """Refuse a sheet whose XML holds more than MAX_FORM_MERGES merged ranges, counted in its characters (UTF-8 or
    UTF-16, as parts.scanned reads them) before openpyxl parses it."""
    if isinstance(source, io.BytesIO):  # forms.parts.CheckedArchive's: its bytes, not copied
        data = source.getvalue()
    else:
        data = source.read()
        source.seek(0)
    encoding = utf16(data)
    found = _MERGE.finditer(data) if encoding is None else _MERGE_TEXT.finditer(data.decode(encoding, errors="replace"))
    count = sum(1 for _ in found)
    if count > MAX_FORM_MERGES:
        raise FactsError(Problem(f"sheet {sheet} holds {count} merged ranges; the limit is {MAX_FORM_MERGES} "
                                 "(MAX_FORM_MERGES)", file=name, hint=_FEWER_MERGES))


_FEWER_MERGES = ("unmerge the cells the form does not merge (select them, then Merge & Center, Unmerge Cells), or save a "
                "copy of the form with fewer merged cells")


#: Most characters of shared formulas a sheet's parser writes out for the cells that share them; past it, such a cell
#: reads as a formula filled down ('='): each was written out again from the first cell's, for every cell (QA111 F1: a
#: 3,000-character formula shared by 80,000 cells took 131 s and 522 MB). A form's cells read hold a formula only to
#: be refused, named by it.
MAX_SHARED_FORMULA_TEXT = 1_000_000


@functools.cache
def _parser_class() -> Any:
    """openpyxl's sheet parser, writing shared formulas out for their cells within MAX_SHARED_FORMULA_TEXT."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser, _cast_number  # type: ignore[attr-defined]

    class FormParser(WorkSheetParser):
        written = 0

        def parse_cell(self, element: Any) -> Any:
            """A cell as openpyxl reads it, but a number in a date-formatted cell that is no date (20241231 typed in a
            yyyy-mm-dd cell) kept as the number typed, as the same cell without its format gives it: openpyxl makes it
            the error value #VALUE!, which the form then called what a formula that failed leaves (QA177 F2). An error
            value written as one (t="e") stays one."""
            cell = super().parse_cell(element)
            if cell["data_type"] == "e" and element.get("t", "n") == "n" and element.find(FORMULA_TAG) is None:
                cell["value"], cell["data_type"] = _cast_number(element.findtext(VALUE_TAG)), "n"
            return cell

        def parse_formula(self, element: Any) -> Any:
            formula = element.find(FORMULA_TAG)
            shared = self.shared_formulae.get(formula.get("si")) if formula.get("t") == "shared" else None
            if shared is not None:
                self.written += len(shared.tokenizer.formula)  # the text each cell gets is about as long
                if self.written > MAX_SHARED_FORMULA_TEXT:
                    return "="
            return super().parse_formula(element)  # type: ignore[no-untyped-call]

    return FormParser


def _given_once(cells: list[dict[str, Any]], seen: set[tuple[int, int]], sheet: str, name: str) -> None:
    """Refuse a cell whose reference names one given before (in its row or any other): read by its reference, the
    second would stand in for the first in silence (QA106 F4: F6 given twice, the second read). A cell's reference
    decides where it stands, whatever row it is written in (a row written without its number is counted, not named)."""
    from openpyxl.utils import get_column_letter

    for cell in cells:
        at = (cell["row"], cell["column"])
        if at in seen:  # an empty copy too: a reader that takes the last shows the cell empty (QA109 F5)
            where = f"{sheet}!{get_column_letter(at[1])}{at[0]}" if 1 <= at[1] <= 16_384 else f"sheet {sheet}"
            raise FactsError(Problem(f"{where}: the cell is given twice, which no spreadsheet program writes", file=name,
                                     hint=SAVE_AGAIN))
        if cell["value"] is not None:  # only cells with a value are kept (a forged million empty ones are not)
            seen.add(at)


def _unread_cell(sheet: str, row: int, column: int, err: Exception, name: str) -> Problem:
    """What the parser could not read, said where it was: a cell by its reference (the one being read), a cell's
    reference that is none in its row, or an element that is no cell on the sheet (a merged range, the page setup)."""
    import traceback

    from openpyxl.utils import get_column_letter

    reading = {frame.name for frame in traceback.extract_tb(err.__traceback__)}
    if isinstance(err, _NoSharedText):
        said = (f"{sheet}!{get_column_letter(column)}{row}: the cell's text is shared text {err.index}, which the "
                f"workbook does not hold ({err.count} shared texts, numbered from 0)")
    elif reading & {"coordinate_to_tuple", "coordinate_from_string"}:
        said = f"sheet {sheet}, row {row}: a cell's reference is not a cell's (such as F6)"
    elif "parse_cell" in reading and 1 <= column <= 16_384:
        said = (f"{sheet}!{get_column_letter(column)}{row}: the cell's value is not what its type says (a number, true or "
                "false, a date, or a shared text's number)")
    else:
        said = f"sheet {sheet}: an element that is no cell (a merged range, the page setup…) cannot be read"
    return Problem(said, file=name, hint=SAVE_AGAIN)
