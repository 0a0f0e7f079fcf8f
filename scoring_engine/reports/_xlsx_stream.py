"""A workbook written row by row to temporary files and zipped at the end: memory stays flat for millions of rows.

The batch workbook has one row per project and indicator: 2 million rows for a
province. openpyxl's write-only mode keeps memory flat too, but builds an
element per cell and costs about 11 µs a cell, more than scoring the project
(benchmarks/batch.py measures both). This writer emits the few SpreadsheetML
parts a workbook needs as text: text cells as inline strings (never formulas),
numbers exactly as their decimals, a bold header row that stays in view, column
widths and an autofilter. A cell holding a line break wraps, and its row is as tall as
its lines (spreadsheets do not fit a row's height on opening). A sheet that reaches Excel's 1,048,576 rows goes on
in a sheet of the same name numbered （2）, （3）…

No dates are written, so the same rows give the same bytes.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr, unescape

from ._xlsx_text import cell_text, row_height, sheet_name, wrapped_lines

__all__ = ["Book", "Sheet", "cells_xml", "MAX_ROWS", "TEXT", "HEADER", "RATE", "score_style", "SCORE_STYLES"]

#: Rows of one sheet (Excel's limit); the header row counts.
MAX_ROWS = 1_048_576
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_NO_STYLES = (0,) * 256  # a row given without styles: text and General
_DEFAULT_WIDTH = 8.43  # a column's width in Excel when the sheet gives it none

# Cell styles (indexes into cellXfs below).
TEXT = 0
HEADER = 1
RATE = 2  # 0.00%
SCORE_STYLES = 7  # scores with 0 to 6 decimals: styles 3 to 9


_KINDS = 3 + SCORE_STYLES  # the styles above
#: A style's twin whose text wraps (a cell holding a line break shows every line): its index plus this.
WRAPPED = _KINDS
_STYLE = ("", *(f' s="{i}"' for i in range(1, 2 * _KINDS)))  # a cell's style attribute by style index


def score_style(places: int) -> int:
    """The style showing a score with `places` decimals (0–6)."""
    return 3 + min(max(places, 0), SCORE_STYLES - 1)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FORMATS = [f'<numFmt numFmtId="{164 + p}" formatCode="{"0." + "0" * p if p else "0"}"/>' for p in range(SCORE_STYLES)]
# Each style's cell format (text, header, rate, the scores), then the same again with its text wrapped (WRAPPED).
_XFS = ('numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"',
        'numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"',
        'numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"',
        *(f'numFmtId="{164 + p}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"'
          for p in range(SCORE_STYLES)))
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><numFmts count="{SCORE_STYLES}">{"".join(_FORMATS)}</numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEFF2"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{2 * _KINDS}">' + "".join(f"<xf {xf}/>" for xf in _XFS)
    + "".join(f'<xf {xf} applyAlignment="1"><alignment wrapText="1"/></xf>' for xf in _XFS)
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _column(index: int) -> str:
    """'A' for 0, 'Z' for 25, 'AA' for 26…"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


@lru_cache(maxsize=8192)  # indicator ids and names, and many reasons, repeat on every project
def _text_cell(value: str, style: int) -> str:
    """A text cell, as an inline string (never a formula), without its reference: as the single report's workbook holds
    it (_xlsx_text.cell_text): every hidden character shown as its escape, none that XML forbids left (QA176 F2), cut at
    Excel's limit in UTF-16 units with the mark that says so (QA192 F4: 20,000 𠀀 were written whole, a cut said "…")."""
    value = cell_text(value)
    if "\n" in value:  # every line shown, not the last alone (QA192 F3); a cell without one pays a scan, once (cached)
        style += WRAPPED
    return f'<c{_STYLE[style]} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _row_xml(n: int, cells: str, widths: Sequence[float]) -> str:
    """A row's XML, its cells given as XML (`cells_xml`). A row holding a line break (its cell wraps) is as tall as
    its cell of most lines, by the single report's measure (_xlsx_text.row_height): spreadsheets keep a row one line
    tall on opening, and LibreOffice showed the last line alone (QA195 G1). Any other row has no height of its own."""
    if "\n" not in cells:  # a text's line breaks are written as they are, and nothing else in a row's XML has one
        return f'<row r="{n}">{cells}</row>'
    return f'<row r="{n}" ht="{row_height(_most_lines(cells, widths))}" customHeight="1">{cells}</row>'


def _most_lines(cells: str, widths: Sequence[float]) -> int:
    """The most lines a cell of a row wraps to in its column, the cells given as XML, in column order, each starting
    with <c (a text's own < is escaped)."""
    most = 1
    for column, cell in enumerate(cells.split("<c")[1:]):
        if "\n" in cell:
            text = unescape(cell.partition('<t xml:space="preserve">')[2].rpartition("</t>")[0])
            most = max(most, wrapped_lines(text, widths[column] if column < len(widths) else _DEFAULT_WIDTH))
    return most


def cells_xml(values: Sequence[Any], styles: Sequence[int]) -> str:
    """The cells of a row as XML, for `Sheet.append_cells` (a worker process makes them for the parent to write)."""
    cells: list[str] = []
    append = cells.append
    for value, style in zip(values, styles, strict=False):  # _NO_STYLES is longer than any row
        kind = type(value)  # told by type first: the cells are nearly all text and Decimals
        if kind is str or (kind is not Decimal and isinstance(value, str)):
            append(_text_cell(value, style))
        elif value is None:
            append("<c/>")
        else:
            text = format(value, "f") if kind is Decimal else str(int(value))
            append(f'<c{_STYLE[style]}><v>{"0" if text == "-0" else text}</v></c>')
    return "".join(cells)


class Sheet:
    """One sheet (and its continuations): a header row, then rows appended one at a time to a temporary file."""

    def __init__(self, book: Book, name: str, header: Sequence[str], widths: Sequence[float], filter: bool = True):
        self.book, self.name, self.filter = book, name, filter
        self.set_header(header, widths)
        self.parts: list[tuple[IO[bytes], int]] = []  # (file, rows written) per sheet of this name
        self._row = 0
        self._file: IO[bytes] | None = None

    def set_header(self, header: Sequence[str], widths: Sequence[float], columns: int = 0) -> None:
        """The header row and column widths, before the first row (no header: no row 1 kept in view, no filter).

        `columns` is how many columns the rows may fill, when more than the header has."""
        self.header, self.widths = list(header), list(widths)
        self.letters = [_column(i) for i in range(max(len(header), columns))]

    def append(self, values: Sequence[Any], styles: Sequence[int] | None = None) -> None:
        """A row: text, Decimal or int per column (None leaves the cell empty); `styles` per column, else text and General."""
        self.append_rows((values,), styles)

    def append_rows(self, rows: Iterable[Sequence[Any]], styles: Sequence[int] | None = None) -> None:
        """Rows as `append` writes them, all with the same `styles`, written to the file in one piece (a project's 指标明细)."""
        parts: list[str] = []
        width = len(self.letters)
        for values in rows:
            if self._file is None or self._row >= MAX_ROWS:
                self._flush(parts)
                self._start()
            self._row += 1
            parts.append(_row_xml(self._row, cells_xml(values[:width], styles or _NO_STYLES), self.widths))
        self._flush(parts)

    def append_cells(self, rows: Iterable[str]) -> None:
        """Rows given as their cells' XML (`cells_xml`, of at most as many columns as the sheet has), in one piece."""
        parts: list[str] = []
        for cells in rows:
            if self._file is None or self._row >= MAX_ROWS:
                self._flush(parts)
                self._start()
            self._row += 1
            parts.append(_row_xml(self._row, cells, self.widths))
        self._flush(parts)

    def _flush(self, parts: list[str]) -> None:
        if parts:
            assert self._file is not None
            self._file.write("".join(parts).encode())
            parts.clear()

    def _start(self) -> None:
        if self._file is not None:
            self.parts.append((self._file, self._row))
        self._file = tempfile.TemporaryFile(dir=self.book.folder)  # noqa: SIM115 - a sheet part, open until it is full
        self._row = 0
        if self.header:
            self._row = 1
            self._file.write(_row_xml(1, cells_xml(self.header, [HEADER] * len(self.header)), self.widths).encode())

    def finished_parts(self) -> list[tuple[IO[bytes], int]]:
        if self._file is None:
            self._start()  # an empty sheet still has its header
        assert self._file is not None
        return [*self.parts, (self._file, self._row)]

    def part_xml(self, rows: int) -> tuple[str, str]:
        """The text before and after the rows of one sheet."""
        cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w:g}" customWidth="1"/>' for i, w in enumerate(self.widths))
        frozen = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' if self.header else ""
        extent = f"A1:{self.letters[-1]}{rows}" if self.letters and rows else "A1"
        head = (f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="{extent}"/>'
                f'<sheetViews><sheetView workbookViewId="0">{frozen}'
                f'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                f'{"<cols>" + cols + "</cols>" if cols else ""}<sheetData>')
        tail = "</sheetData>"
        if self.filter and rows > 1 and self.header:
            tail += f'<autoFilter ref="A1:{self.letters[len(self.header) - 1]}{rows}"/>'
        return head, tail + "</worksheet>"


class Book:
    """The workbook: sheets in the order they were added, saved as one .xlsx stream."""

    def __init__(self, title: str, folder: str | None = None):
        self.title, self.folder = title, folder
        self.sheets: list[Sheet] = []

    def sheet(self, name: str, header: Sequence[str], widths: Sequence[float], filter: bool = True) -> Sheet:
        sheet = Sheet(self, sheet_name(name, [s.name for s in self.sheets]), header, widths, filter)
        self.sheets.append(sheet)
        return sheet

    def save(self, target: IO[bytes]) -> None:
        """Write the .xlsx to `target`; each sheet's rows are copied from its temporary file, never held in memory."""
        parts = [(sheet, f"{sheet.name}（{k + 1}）" if k else sheet.name, file, rows)
                 for sheet in self.sheets for k, (file, rows) in enumerate(sheet.finished_parts())]
        with _archive(target) as archive:
            _put(archive, "[Content_Types].xml", _content_types(len(parts)))
            _put(archive, "_rels/.rels", f'{_HEAD}<Relationships xmlns="{_PKG}">'
                 f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                 f'<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
            _put(archive, "docProps/core.xml", f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                 f'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>scoring-engine</dc:creator>'
                 f"<dc:title>{escape(self.title)}</dc:title></cp:coreProperties>")
            sheets = "".join(f'<sheet name={quoteattr(name)} sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                             for i, (_, name, _, _) in enumerate(parts))
            _put(archive, "xl/workbook.xml",
                 f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
                 f"<sheets>{sheets}</sheets></workbook>")
            rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{_REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                           for i in range(len(parts)))
            _put(archive, "xl/_rels/workbook.xml.rels", f'{_HEAD}<Relationships xmlns="{_PKG}">{rels}'
                 f'<Relationship Id="rId{len(parts) + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
            _put(archive, "xl/styles.xml", _STYLES)
            for i, (sheet, _, file, rows) in enumerate(parts):
                head, tail = sheet.part_xml(rows)
                _stream(archive, f"xl/worksheets/sheet{i + 1}.xml", head.encode(), file, tail.encode())

    def close(self) -> None:
        """Remove the temporary files (saving does not). Closing one flushes what it still buffers, which a full disk
        refuses: the file goes all the same, and the error, said when it was written, is not raised twice."""
        for sheet in self.sheets:
            for file in [file for file, _ in sheet.parts] + ([sheet._file] if sheet._file is not None else []):
                with contextlib.suppress(OSError):
                    file.close()


def _content_types(sheets: int) -> str:
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml"'
                        f' ContentType="{kinds}.worksheet+xml"/>' for i in range(sheets))
    return (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{kinds}.styles+xml"/>{overrides}'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')


def _info(name: str, size: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    info.file_size = size  # lets zipfile choose ZIP64 for a sheet over 4 GB
    return info


@contextlib.contextmanager
def _archive(target: IO[bytes]) -> Iterator[zipfile.ZipFile]:
    """A zip archive written to `target`, closed when done. When writing it fails or is interrupted, it is dropped
    unclosed: its file is being discarded, and closing an archive with a member half-written raises over the cause
    (a Ctrl-C said as an internal error, exit 3: QA92 F2)."""
    archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
    try:
        yield archive
    except BaseException:
        archive.fp = None  # nothing to finish, nor for its __del__ to try again
        raise
    archive.close()


def _put(archive: zipfile.ZipFile, name: str, text: str) -> None:
    archive.writestr(_info(name), text.encode())


def _stream(archive: zipfile.ZipFile, name: str, head: bytes, file: IO[bytes], tail: bytes) -> None:
    size = file.seek(0, 2)
    file.seek(0)
    with archive.open(_info(name, len(head) + size + len(tail)), "w") as out:
        out.write(head)
        shutil.copyfileobj(file, out, 1 << 20)
        out.write(tail)

