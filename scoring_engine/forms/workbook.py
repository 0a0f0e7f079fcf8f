"""Opening a filled form (.xlsx) from a stranger safely: within limits, as data, never evaluating anything.

Before openpyxl sees the file: its size, that it is a zip archive, how many entries
it has, how much they unpack to and how much each one expands (a zip bomb is
refused without being unpacked). openpyxl then reads it in read-only mode,
streaming the sheets; formulas are kept as formulas (a cell the reader needs that
holds a formula is an error naming the cell, never a value computed or cached by
whatever wrote the file), and at most MAX_FORM_ROWS × MAX_FORM_COLUMNS cells are read.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
import math
import re
import threading
import unicodedata
import warnings
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import plain
from .._files import read_bytes, shown_path
from .._old_workbooks import old_workbook_problem
from .._record import record
from ..errors import FactsError, Problem
from .archive import (MAX_FORM_ATTRIBUTES, MAX_FORM_ELEMENTS, MAX_FORM_ELEMENTS_IN_ALL, MAX_FORM_ENTRIES, MAX_FORM_RATIO,
                      MAX_FORM_SHEETS, MAX_FORM_UNPACKED, MAX_FORM_XML, check_archive, part_check, too_many_sheets)
from .number_formats import format_sections, scaled_number
from .sheet_xml import MAX_FORM_MERGES, SAVE_AGAIN, sheet_rows
from .._patterns import compile_later

__all__ = ["MAX_FORM_ATTRIBUTES", "MAX_FORM_BYTES", "MAX_FORM_COLUMNS", "MAX_FORM_ELEMENTS", "MAX_FORM_ELEMENTS_IN_ALL",
           "MAX_FORM_ENTRIES", "MAX_FORM_MERGES", "MAX_FORM_RATIO", "MAX_FORM_ROWS", "MAX_FORM_SHEETS", "MAX_FORM_UNPACKED",
           "MAX_FORM_XML", "Formula", "Sheet", "format_sign", "format_unit", "open_workbook", "unmerge"]

#: Largest form file read (bytes): a filled 自评表 is a few dozen kilobytes.
MAX_FORM_BYTES = 5_000_000
#: Most rows and columns of a sheet read; a sheet with content beyond them is refused.
MAX_FORM_ROWS = 2000
MAX_FORM_COLUMNS = 40
_EXCEL_ROWS = 1_048_576  # a sheet's rows in Excel: past them a row number is forged


@record
class Formula:
    """A cell that holds a formula, kept as written (the reader never evaluates it), or an error value (#N/A, #REF!):
    what a formula that failed leaves, pasted as values (QA56 F2: read as the text '#N/A', it was one finding)."""

    text: str
    error: bool = False

    def holds(self) -> str:
        """What the cell holds, for a message: 'holds a formula (=F6/E6)', 'holds the error value #N/A'."""
        return f"holds the error value {self.text[:20]}" if self.error else f"holds a formula ({self.text[:40]})"

    def fix(self) -> str:
        """How to give the value instead: a formula's as a value pasted over it, which Excel and WPS do in one step (QA261
        F7: =SUM(F7:F9) in 年度资金总额 is how most units fill the funds block); an error value's typed."""
        return "type the value itself" if self.error else \
            "type the value itself, or copy the cell and paste it over itself as values (选择性粘贴 → 数值)"

    def literal(self) -> str | None:
        """The text a formula of quoted text alone shows (="成本指标", ="项目"&"名称"): what the clerk is to type instead;
        None for any other formula, and for an error value.

        >>> Formula('="成本指标"').literal(), Formula('="项目"&"名称"').literal(), Formula("=B9").literal()
        ('成本指标', '项目名称', None)
        """
        found = None if self.error else _LITERAL.fullmatch(self.text)
        return "".join(p.replace('""', '"') for p in _QUOTED.findall(found.group(1))).strip() or None if found else None


_QUOTED = compile_later(r'"((?:[^"]|"")*)"')  # a text in a formula, its quotation marks doubled
_LITERAL = compile_later(r'=\s*({q}\s*(?:&\s*{q}\s*)*)'.format(q=r'"(?:[^"]|"")*"'))


@record
class Sheet:
    """A sheet's non-empty cells: (row, column), both from 1 → value (text, Decimal, bool, date or Formula)."""

    name: str
    cells: dict[tuple[int, int], Any]
    # The unit a number cell's format shows after it: General"栋" shows 18 as 18栋, 0% shows 0.95 as 95%.
    units: dict[tuple[int, int], str] = field(default_factory=dict)
    # The comparison sign a number cell's format shows before it: "≤"0% shows 0.1 as ≤10%.
    signs: dict[tuple[int, int], str] = field(default_factory=dict)
    tab: str = ""  # the name on the sheet's tab, where the reader knows it by another (Sheet1 read as 表外事实)
    # The columns the side sheet's 类别, 名称 and 值 are in, where a clerk moved them (a 序号 column left of the table, a
    # 备注 column between 名称 and 值): they are read as A, B and C, and each cell is cited where it is.
    columns: tuple[int, ...] = ()
    # The merged ranges, as (top, left, bottom, right) on the sheet: read-only reading does not see them, and a clerk
    # merges E13:E14 where two rows share a target (or E14:F14 over a target and its empty 实际完成值); the value is E13's
    # (E14's) alone.
    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden: frozenset[int] = frozenset()  # the rows hidden on the sheet: read as any other, and said so (QA89 F4)
    hidden_columns: frozenset[int] = frozenset()  # and its hidden columns, as they are on the sheet (QA92 F5)
    state: str = "visible"  # the sheet's own: hidden, or veryHidden (Excel's Unhide does not list it)
    # The number cells whose format does not show the number they hold as it can be read (`0%,`), each with what is said
    # of it: the cell keeps its number, and is refused only where a figure is read from it (forms/reader: QA204 3).
    unshown: dict[tuple[int, int], str] = field(default_factory=dict)

    def ref(self, row: int, col: int) -> str:
        """The cell's reference as people write it, by the name on its tab: 项目支出绩效自评表!F14."""
        from openpyxl.utils import get_column_letter

        name = self.tab or self.name
        if not re.fullmatch(r"\w+", name):  # as Excel's name box takes it: 'Sheet 1 (2)'!C26 (QA45 F12)
            name = "'" + name.replace("'", "''") + "'"
        return f"{name}!{get_column_letter(self.columns[col - 1] if col <= len(self.columns) else col)}{row}"

    def get(self, row: int, col: int) -> Any:
        return self.cells.get((row, col))

    def merged_over(self, row: int, col: int) -> str | None:
        """The merged range (E13:E14, or E14:F14: QA165 F8) an empty cell other than its first is part of: on screen it
        shows the first cell's value, which is that cell's alone. None for any other cell."""
        from openpyxl.utils import get_column_letter

        real = self.columns[col - 1] if col <= len(self.columns) else col
        for top, left, bottom, right in self.merges:
            if top <= row <= bottom and left <= real <= right and (row, real) != (top, left) and self.get(row, col) is None:
                return f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
        return None

    def text(self, row: int, col: int) -> str:
        value = self.cells.get((row, col))
        return value.strip() if isinstance(value, str) else ""

    @property
    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells})


def unmerge(merged: str) -> str:
    """The fix for an empty cell a merge covers (`Sheet.merged_over`): on screen it shows the value of the merge's first
    cell (across columns of one row, E14:F14, each cell's own value is typed: QA165 F8)."""
    each = "cell" if len({part.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for part in merged.split(":")}) == 1 else "row"
    return f"the merged cells {merged} hold one value, their first cell's: unmerge them and type each {each}'s own value"


#: Held while openpyxl's warnings are silenced: catch_warnings swaps the process's one list of filters, and two threads
#: reading forms at once, each putting back what it found, left the process ignoring every warning for good.
_QUIET = threading.Lock()


def open_workbook(path: Path) -> list[Sheet]:
    """Every sheet of the workbook at `path` as cells; FactsError naming the file for anything it cannot read.

    Read as every file is (`_files.read_bytes`): a regular file only, at most MAX_FORM_BYTES.
    """
    name = shown_path(path)
    refused = old_workbook_problem(path, name)  # as score and batch say it of the same file
    if refused is not None:
        raise FactsError(refused)
    data = read_bytes(path, MAX_FORM_BYTES, FactsError, "MAX_FORM_BYTES")
    check_archive(data, name)
    from .parts import CheckedArchive

    try:
        with _QUIET, warnings.catch_warnings():  # openpyxl's own (an unknown extension, a style it drops): its path
            warnings.simplefilter("ignore")  # and code line in English are nothing a clerk can act on (QA95 F4)
            # load_workbook, with every part it reads checked as it is handed over (forms.parts.CheckedArchive)
            reader = _reader_class()(io.BytesIO(data), read_only=True, keep_vba=False, data_only=False, keep_links=False)
            reader.archive = CheckedArchive(reader.archive, part_check(name))
            reader.form_name = name
            reader.read()
            book = reader.wb
            try:
                return _known_names(_sheets(book, name), name)
            finally:
                book.close()
    except FactsError:
        raise
    except Exception as err:  # openpyxl raises many kinds for a damaged or forged workbook; each is the file's fault
        # said as damage, openpyxl's own words kept apart for whoever looks into it (IndexError alone: QA203 9)
        raise FactsError(Problem(f"cannot read the workbook: it is damaged (detail: {type(err).__name__}: "
                                 f"{str(err)[:200]})", file=name, hint=SAVE_AGAIN)) from None


@functools.cache
def _reader_class() -> Any:
    """openpyxl's reader of a workbook, reading the worksheets it lists as `_listed` keeps them (openpyxl is loaded only
    when a form is read)."""
    from openpyxl.reader.excel import ExcelReader

    class FormReader(ExcelReader):
        form_name = ""

        def read_worksheets(self) -> None:
            unnamed = next((sheet for sheet in self.parser.sheets if not sheet.id), None)
            if unnamed is not None:  # openpyxl drops it, and its facts, in silence (QA111 F7)
                raise FactsError(Problem(f"the workbook lists sheet {str(unnamed.name)[:100]} without naming its part",
                                         file=self.form_name, hint=SAVE_AGAIN))
            types = {o.PartName.lstrip("/").lower(): str(o.ContentType) for o in self.package.Override}
            self.parser.sheets = _listed(self.parser.find_sheets(), self.valid_files, types, self.form_name)
            super().read_worksheets()

    return FormReader


def _listed(found: Any, parts: list[str], types: dict[str, str], name: str) -> list[Any]:
    """The worksheets the workbook lists, as openpyxl finds them (sheet, relationship), each to be read from its own part:
    a part named in other letter case is that part (part names ignore case; openpyxl dropped the sheet, and its facts,
    in silence: QA109 F6); a sheet whose part is missing, or that is another sheet's part (parsed again for each, 40
    minutes for 100: QA108 F4, QA109 F3), is refused before any is read. A chart sheet holds no cells and is not read
    (its drawings and charts were parsed again for every reference: QA109 F2); one whose part `types` (content types
    by part name, in lower case) says is no chart sheet is refused (QA111 F7: the side sheet, so typed, was dropped)."""
    by_case = {part.lower(): part for part in parts}  # the archive holds no two names that differ only in case
    kept, seen = [], set[str]()
    for sheet, rel in found:
        if "chartsheet" in str(rel.Type):
            if "chartsheet" in types.get(str(rel.target).lower(), "chartsheet"):
                continue
            raise FactsError(Problem(f"the workbook lists sheet {str(sheet.name)[:100]} as a chart sheet, but its part "
                                     f"{str(rel.target)[:100]} is none", file=name, hint=SAVE_AGAIN))
        part = by_case.get(str(rel.target).lower())
        if part is None or part in seen:
            said = (f"the workbook lists sheet {str(sheet.name)[:100]}, whose part {str(rel.target)[:100]} it does not hold"
                    if part is None else f"not an .xlsx workbook: two of its sheets are the one part {part[:100]}")
            raise FactsError(Problem(said, file=name, hint=SAVE_AGAIN))
        seen.add(part)
        rel.target = part  # the parser's own: openpyxl reads the sheet from it
        kept.append(sheet)
    return kept


#: The sheet names the reader looks for, as the tool writes them (forms.reading.SIDE_SHEET, reports.xlsx's).
_KNOWN_NAMES = ("表外事实", "评分表", "一级指标汇总", "事实与来源")


_COPY = compile_later(r"\(\d+\)|\d+|-?副本\d*")  # the number Excel gives a copied sheet (NFKC-narrowed), 表外事实2, 表外事实-副本
_SIDE_HEADING = ("类别", "名称", "值")  # the side sheet's first row, as reports.form_xlsx writes it
_HEADING_REACH = 10  # the side sheet's heading is looked for this far down and across


def _side_heading(sheet: Sheet) -> tuple[int, int, int] | None:
    """The columns of the side sheet's heading 类别 | 名称 | 值 on `sheet`, within its first rows and columns: written in
    A to C, and found where a clerk moved it (a 序号 column left of it, QA46 F4; a 备注 column before 值, QA49 F2).
    The leftmost such heading is the table's: a copy of it pasted to the right is not."""
    def bare(row: int, col: int) -> str:
        return "".join(sheet.text(row, col).split())

    found = [(c, r) for r, c in sheet.cells if r <= _HEADING_REACH and c <= _HEADING_REACH
             and (bare(r, c), bare(r, c + 1)) == _SIDE_HEADING[:2]]
    for c, r in sorted(found):
        value = next((v for v in range(c + 2, c + 2 + _HEADING_REACH) if bare(r, v) == _SIDE_HEADING[2]), None)
        if value is not None:
            return c, c + 1, value
    return None


def _from_heading(sheet: Sheet) -> Sheet:
    """The side sheet read from its heading's columns, as if written in A to C: its other columns are no part of it.
    Rows keep their places: a title row above the heading is no row (it names no fact), a fact row typed above it is
    one (QA49 F2)."""
    columns = _side_heading(sheet)
    if columns is None or columns == (1, 2, 3):
        return sheet
    at = {real: read for read, real in enumerate(columns, 1)}

    def moved(cells: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
        return {(r, at[c]): value for (r, c), value in cells.items() if c in at}

    return dataclasses.replace(sheet, cells=moved(sheet.cells), units=moved(sheet.units), signs=moved(sheet.signs),
                               unshown=moved(sheet.unshown), columns=columns)


def _known_names(sheets: list[Sheet], file: str) -> list[Sheet]:
    """The sheets, one renamed with spaces around or full-width letters (`表外事实 `) under the name the reader looks
    for, when no other sheet has it (QA38: the form was said to have no side sheet, and 54 rows to add); with no sheet
    named 表外事实, the one headed as it is (类别 | 名称 | 值: a tab renamed Sheet1). Two such sheets are refused: which
    is the unit's cannot be told (QA42 F5, QA43 F3); so is 表外事实 beside a copy of it (表外事实 (2): the copy, where the
    clerk may have typed, was not read: QA165 F3). A sheet renamed so keeps its tab's name for the cells it cites."""
    known = [_known_name(sheet.name) for sheet in sheets]
    side = _KNOWN_NAMES[0]
    there = side in {s.name for s in sheets}
    candidates = [s for s, k in zip(sheets, known, strict=True)
                  if k == side or (not there and _side_heading(s) is not None)]
    if len(candidates) > 1:
        raise FactsError(Problem(f"the workbook holds {len(candidates)} copies of the sheet {side} "
                                 f"({', '.join(s.name for s in candidates)}); a form has one", file=file,
                                 hint=hidden_fix(f"delete the copies that are not the unit's, and name the one kept {side}",
                                                 candidates)))
    if not there:
        known = [side if s.name in {c.name for c in candidates} else k for s, k in zip(sheets, known, strict=True)]
    named = [dataclasses.replace(sheet, name=k, tab=sheet.name) if k != sheet.name and known.count(k) == 1 and
             not any(s.name == k for s in sheets) else sheet for sheet, k in zip(sheets, known, strict=True)]
    return [_from_heading(sheet) if sheet.name == side else sheet for sheet in named]


def hidden_fix(fix: str, sheets: list[Sheet]) -> str:
    """The fix for a sheet given twice (`fix`), with how to see the copies of `sheets` that are hidden (QA165 F9: the
    clerk saw one sheet, and was told of two); a very hidden one, which Excel's Unhide does not list, is left behind."""
    hidden = [s.name for s in sheets if s.state == "hidden"]
    very = [s.name for s in sheets if s.state == "veryHidden"]
    if very:
        return (f"{fix}; the sheet {', '.join(very)} is very hidden, which Unhide does not list: select the tabs of the "
                "sheets to keep, right-click, Move or Copy, to (new book), and score the new workbook")
    if hidden:
        return (f"{fix}; the sheet {', '.join(hidden)} is hidden: right-click a sheet tab and choose Unhide to see it, "
                "then delete the sheet that is not the project's")
    return fix


def _known_name(name: str) -> str:
    """The name the reader looks for that a sheet's name is, written with spaces or as Excel names a copy (表外 事实,
    表外事实 (2)); else the name as it is."""
    bare = "".join(unicodedata.normalize("NFKC", name).split())
    return next((k for k in _KNOWN_NAMES if bare == k or (bare.startswith(k) and _COPY.fullmatch(bare[len(k):]))), name)


def _sheets(book: Any, name: str) -> list[Sheet]:
    """Every sheet as cells (each row as the XML holds it, forms/sheet_xml.sheet_rows: a 50 KB file of a hundred sheets
    with a styled empty cell in column XFD on their rows took two minutes, read 16,384 cells a row: QA56 F3)."""
    if len(book.sheetnames) > MAX_FORM_SHEETS:  # its list named otherwise than xl/workbook.xml
        raise too_many_sheets(len(book.sheetnames), name)
    return [_sheet(ws, name) for ws in book.worksheets]


def _sheet(ws: Any, name: str) -> Sheet:
    cells: dict[tuple[int, int], Any] = {}
    units: dict[tuple[int, int], str] = {}
    signs: dict[tuple[int, int], str] = {}
    unshown: dict[tuple[int, int], str] = {}
    read: list[Any] = []
    texts: dict[int, tuple[str, str | None]] = {}
    for number, row in sheet_rows(ws, name, read):
        if number > _EXCEL_ROWS:  # <row r="99999999999999"/> (the rows missing below it were once made one by one: QA95 F1)
            raise FactsError(Problem(f"sheet {ws.title} has rows past row {_EXCEL_ROWS}, the last a spreadsheet has",
                                     file=name, hint="this is not a form a spreadsheet program saved"))
        for cell in row:
            value = cell.value
            if isinstance(value, str) and cell.data_type != "f":  # as the clerk sees it (None: blank), once per text
                value = _shown_text(value, texts)
                if value is not None and len(value) > _LONGEST_TEXT:  # QA111 F3: 900,000 characters in 20,000 cells
                    raise FactsError(Problem(f"{ws.title}!{cell.coordinate}: the cell's text is longer than "
                                             f"{_LONGEST_TEXT} characters, which no cell holds", file=name, hint=SAVE_AGAIN))
            if value is None:
                continue
            r, c = cell.row, cell.column
            if r > MAX_FORM_ROWS or c > MAX_FORM_COLUMNS:
                raise FactsError(Problem(f"sheet {ws.title} has content beyond row {MAX_FORM_ROWS} or column {MAX_FORM_COLUMNS} "
                                         "(MAX_FORM_ROWS, MAX_FORM_COLUMNS)", file=name))
            kind = getattr(cell, "data_type", None)
            if kind == "f":  # an array formula's text is its own; a formula filled down shows only '=' as read
                text = getattr(value, "text", value)
                value = Formula(text if isinstance(text, str) and text != "=" else "=…")
            elif kind == "e":
                value = Formula(str(value), error=True)
            elif isinstance(value, float):
                if not math.isfinite(value):  # <v>1e400</v>: no spreadsheet program writes it, and it is no number
                    raise FactsError(Problem(f"{ws.title}!{cell.coordinate}: the cell's number is {value}, which no "
                                             "workbook holds (NaN or infinity)", file=name, hint="type the number again"))
                # as spreadsheet programs hold and show it: 15 significant digits. A sum pasted as a value holds the
                # binary noise of 1000.1 + 3719.05 = 4719.150000000001, shown 4719.15, and lost a band (QA56 F1)
                value = Decimal(format(value, ".15g"))
            elif isinstance(value, int) and not isinstance(value, bool):
                value = Decimal(value)
            if isinstance(value, Decimal):
                value = _as_shown(value, getattr(cell, "number_format", None), (r, c), unshown)
                before, after, percent = _around(getattr(cell, "number_format", None))
                if after in ("%", "％") and not percent:  # 95 in 0"%" shows 95% as typed: the ratio 0.95, as 0% would hold it
                    value, after = value.scaleb(-2), "%"
                unit = after or ("%" if percent else None)
                if unit is not None:
                    units[(r, c)] = unit
                if before:
                    signs[(r, c)] = before
            cells[(r, c)] = value
    merges, hidden, columns = _row_marks(read[0])
    return Sheet(str(ws.title), cells, units, signs, unshown=unshown, merges=merges, hidden=frozenset(r for r in hidden if any(
        (r, c) in cells for c in range(1, MAX_FORM_COLUMNS + 1))), hidden_columns=frozenset(columns),
        state=str(getattr(ws, "sheet_state", None) or "visible"))


def _as_shown(value: Decimal, number_format: Any, cell: tuple[int, int], unshown: dict[tuple[int, int], str]) -> Decimal:
    """A number cell's number as its format shows it: 4800000 formatted `0,"人"` is the 4800 the clerk sees (QA200 1).
    A format whose scaling cannot be told keeps the number held, and what is said of it in `unshown`: a figure read
    from the cell is refused (`Sheet.unshown`), a cell nothing reads is none of the reader's business (QA204 3)."""
    shown = scaled_number(value, number_format)
    if isinstance(shown, str):
        unshown[cell] = (f"the cell holds {plain(value)} and its number format {number_format} does not show it as held "
                         f"({shown}), so it is not read")
        return value
    return shown


_ESCAPE = compile_later(r"_x([0-9A-Fa-f]{4})_")  # _x005F_ is the underscore itself: '_x005F_x000D_' stays '_x000D_'


def _shown_text(text: str, texts: dict[int, tuple[str, str | None]]) -> str | None:
    """A text cell's value as it shows, Excel's escapes of what XML cannot hold read (_x000D_ is \\r); None when it shows
    nothing. A long one is worked out once for all the cells showing it (a shared text is the one string for each):
    one of 900,000 characters in 20,000 cells was read again for each (QA111 F3), and its length is the shown text's
    (QA113 F3: 30,000 characters with line breaks read as 38,500)."""
    kept = texts.get(id(text)) if len(text) > 200 else None
    if kept is not None and kept[0] is text:
        return kept[1]
    shown = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text
    result = shown if shown.strip() else None
    if len(text) > 200:
        texts[id(text)] = (text, result)  # the text kept with it, so that its id names no other
    return result
_MOST_MERGES = 5000  # a form has a few dozen; the rest of a forged list is not read


def _row_marks(parser: Any) -> tuple[tuple[tuple[int, int, int, int], ...], list[int], list[int]]:
    """The sheet's merged ranges, its hidden rows and its hidden columns (those of the form's width), as
    openpyxl's parser met them reading the sheet: only to say so where a cell they cover is read as empty, or is
    hidden. What names no range, row or column is no mark."""
    from openpyxl.utils import range_boundaries

    found: list[tuple[int, int, int, int]] = []
    for merged in parser.merged_cells.mergeCell if parser.merged_cells else ():  # the first 5000
        try:
            left, top, right, bottom = range_boundaries(merged.ref)
        except (ValueError, TypeError, AttributeError):
            continue
        if left is not None and top is not None and right is not None and bottom is not None and (top, left) != (bottom, right):
            found.append((top, left, bottom, right))
            if len(found) >= _MOST_MERGES:
                break
    hidden = list(itertools.islice((int(row) for row, attributes in parser.row_dimensions.items() if attributes.get(
        "hidden") in _TRUE and row.isdigit() and int(row) <= MAX_FORM_ROWS), _MOST_MERGES))
    columns: set[int] = set()
    for attributes in parser.column_dimensions.values():
        low, high = str(attributes.get("min")), str(attributes.get("max"))
        if attributes.get("hidden") in _TRUE and low.isdigit() and high.isdigit() and len(high) < 8:
            columns.update(range(int(low), min(int(high), MAX_FORM_COLUMNS) + 1))
    return tuple(found), hidden, sorted(columns)


_TRUE = ("1", "true")  # an XML true, as a spreadsheet program writes it
_LONGEST_FORMAT = 255  # Excel's longest number format: a longer one is forged, and shows no unit here
_LONGEST_TEXT = 32_767  # Excel's longest text in a cell


@functools.lru_cache(maxsize=256)  # a sheet's number cells share a few formats (QA111 F2: one was read again per cell)
def _around(number_format: Any) -> tuple[str, str, bool]:
    """The text a number format's first section (positive numbers) shows before the number and after it, and whether
    it shows the number as a percentage.

    Literal text is quoted ("元"), escaped (\\元, !元) or, for characters that are no format codes, written bare
    (元, ≤); [$-804] and [Red] sections, _x spacers and *x fills show no text.
    """
    if not isinstance(number_format, str) or len(number_format) > _LONGEST_FORMAT:
        return "", "", False
    # (literal?, text) in order, of the first section: ≤, 元, 万元 written bare are shown as they are
    parts = [(True, text) if kind == "text" else (not text.isascii(), text)
             for kind, text in format_sections(number_format)[0] if kind != "bracket"]
    codes = [k for k, (literal, _) in enumerate(parts) if not literal and parts[k][1].strip()]
    if not codes:
        return "", "", False
    before = "".join(t for literal, t in parts[:codes[0]] if literal)
    after = "".join(t for literal, t in parts[codes[-1] + 1:] if literal)
    return before.strip(), after.strip(), any(t == "%" for literal, t in parts if not literal)


def format_sign(number_format: Any) -> str | None:
    """The text a number format shows before the number ('≤' for "≤"0%, as a form may show 年度指标值 ≤10%; '不高于'),
    None when it shows none: a target is read with it, as when it is typed (the reader keeps it only when it is a
    comparison).

    >>> format_sign('"≤"0%'), format_sign('[$-804]"≥"General"栋"'), format_sign("0.00"), format_sign('\\≤0%')
    ('≤', '≥', None, '≤')
    """
    return _around(number_format)[0] or None


def format_unit(number_format: Any) -> str | None:
    """The unit a number format shows after the number: '栋' for General"栋" or 0.00"栋", '%' for 0% or 0.00%; None when
    it shows none. Only the format's first section (positive numbers) counts.

    >>> format_unit('General"栋"'), format_unit("0.00%"), format_unit("0.00"), format_unit('#,##0.00" 万元";-#,##0.00')
    ('栋', '%', None, '万元')
    >>> format_unit('#,##0\\元'), format_unit('#,##0元'), format_unit('0.00"元"_ '), format_unit('_ * #,##0.00_ ')
    ('元', '元', '元', None)
    """
    _, after, percent = _around(number_format)
    return after or ("%" if percent else None)
