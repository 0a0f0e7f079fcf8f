"""What the form reader reads in a sheet's own XML besides its cells: what openpyxl's read-only reading would take in
silence, or fail on without naming a cell, in a workbook a spreadsheet program would call damaged (QA95), refused on
its row or cell before the cells are read.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import FactsError, Problem

__all__ = ["SAVE_AGAIN", "check_rows_and_values", "sheet_xml"]

SAVE_AGAIN = "open it in a spreadsheet program and save it again as .xlsx"


def sheet_xml(ws: Any) -> bytes | None:
    """The sheet's part of the workbook, as its XML (within the limits the archive was checked against); None from an
    openpyxl whose read-only sheet gives no access to it (merges and hidden rows are not named then, the cells are read
    all the same)."""
    try:
        with ws._get_source() as part:  # read-only mode's own access to the sheet's XML
            data: bytes = part.read()
            return data
    except AttributeError:
        return None


# (an attribute's value may be in single quotes, as XML allows)
_ROW = re.compile(rb'<(?:\w+:)?row\b([^>]*)>')
_ROW_NUMBER = re.compile(rb'\br\s*=\s*["\']([0-9]{1,10})["\']')
_CELL_VALUE = re.compile(rb'<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>([^<]*)<')  # a cell with its value and no formula
_CELL_TYPE = re.compile(rb'\bt\s*=\s*["\']([a-zA-Z]{0,9})["\']')
_CELL_REF = re.compile(rb'\br\s*=\s*["\']([A-Z]{1,3}[0-9]{1,7})["\']')


def check_rows_and_values(xml: bytes, ws: Any, name: str) -> None:
    """Refuse what read-only reading takes in silence or fails on without naming a cell, each as a spreadsheet program
    calls such a file damaged (QA95 F5, F7, F8): a row out of order or given twice (openpyxl skips it, and the form then
    "has no such row"); a cell's text that is a shared text the workbook does not hold (an index of -1 took the last
    one: a value read from elsewhere); a number or a true/false that is none (openpyxl's bare ValueError)."""
    previous = 0
    for match in _ROW.finditer(xml):
        given = _ROW_NUMBER.search(match.group(1))
        number = int(given.group(1)) if given else previous + 1  # a row without its number follows the one before
        if number <= previous:
            raise FactsError(Problem(f"sheet {ws.title}: row {number} comes after row {previous} (rows out of order or "
                                     "given twice), which no spreadsheet program writes", file=name, hint=SAVE_AGAIN))
        previous = number
    strings = getattr(ws, "_shared_strings", None)
    for match in _CELL_VALUE.finditer(xml):
        typed = _CELL_TYPE.search(match.group(1))
        said = _unread_value(typed.group(1) if typed else b"n", match.group(2).decode("utf-8", "replace").strip(),
                             None if strings is None else len(strings))
        if said is not None:
            where = _CELL_REF.search(match.group(1))
            raise FactsError(Problem(f"{ws.title}!{where.group(1).decode()}: {said}" if where else
                                     f"sheet {ws.title}, a cell without its reference: {said}",
                                     file=name, hint=SAVE_AGAIN))


def _unread_value(kind: bytes, value: str, shared: int | None) -> str | None:
    """What is wrong with a cell's value of type `kind` as openpyxl would read it (None: nothing); `shared`: how many
    shared texts the workbook holds, when known."""
    shown = value if len(value) <= 20 else value[:20] + "…"
    if kind == b"s":
        if shared is not None and not (value.isdigit() and int(value) < shared):
            return f"the cell's text is shared text {shown}, which the workbook does not hold ({shared} shared texts, " \
                   "numbered from 0)"
    elif kind in (b"n", b"b"):
        try:  # as openpyxl reads it: a number with a point or an exponent as a float, else whole
            float(value) if kind == b"n" and any(c in value for c in ".Ee") else int(value)
        except ValueError:
            return f"the cell holds {shown!r}, " + ("which is no number a workbook holds" if kind == b"n" else
                                                    "where its type says true or false (1 or 0)")
    return None
