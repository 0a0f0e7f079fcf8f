"""The score table as an Excel workbook (.xlsx), laid out like a hand-made 评分表.

Sheet 评分表: the 一级 / 二级 names in merged cells, weights and scores as
numbers (scores shown with the set's decimals), a subtotal row per 一级, the
total row (its value is the Result's total, which equals the sum of the printed
scores), column widths that fit Chinese text, A4 landscape printing.
Sheet 事实与来源: the project, the facts read with labels and units, the derived
values, the warnings and the provenance.

The same Result gives the same bytes: no timestamps are written.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .._arith import cut_rate, in_engine_context
from .._display import display_width, show_value
from ..result import Result
from .rows import ScoreTable, derived_note, project_items, provenance, score_table, title
from ._xlsx_text import CUT_MARK, XLSX_CELL_CHARACTERS, row_height
from ._xlsx_text import wrapped_lines as _lines
from ._xlsx_text import cell_text as _cell_text
from .summary import SUMMARY_HEADER, level_one_summary
from .._patterns import compile_later

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["CUT_MARK", "FACTS_SHEET", "FIRST_ROW", "SCORE_SHEET", "SUMMARY_SHEET", "XLSX_CELL_CHARACTERS", "render_xlsx",
           "small_number_format"]

SCORE_SHEET = "评分表"
SUMMARY_SHEET = "一级指标汇总"
FACTS_SHEET = "事实与来源"
#: The header of the score table is on this row of the score sheet (title and project above it).
FIRST_ROW = 3

# Column widths are in Excel's units (the width of "0"); a Chinese character takes two.
_WRAPPED_WIDTH = 44  # 评分标准 and 扣分原因 wrap at this width
_NAME_WIDTH = 20  # indicator names wrap past this width
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE = "docProps/core.xml"
_DATES = compile_later(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")  # openpyxl always writes "now"


@in_engine_context
def render_xlsx(result: Result) -> bytes:
    """The workbook as bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = "scoring-engine"
    book.properties.title = _cell_text(title(result))
    score_format = "0." + "0" * result.precision if result.precision else "0"
    _score_sheet(book.worksheets[0], result, score_table(result), score_format)
    _summary_sheet(book.create_sheet(SUMMARY_SHEET), result, score_format)
    _facts_sheet(book.create_sheet(FACTS_SHEET), result, score_format)
    return _save(book)


def _summary_sheet(ws: Worksheet, result: Result, score_format: str) -> None:
    """分值, 得分 and 得分率 per 一级 indicator (得分率 as a percentage number), then the total."""
    from openpyxl.styles import Font

    for col, name in enumerate(SUMMARY_HEADER, 1):
        _text(ws, 1, col, name).font = Font(bold=True)
    for r, (name, weight, score, _) in enumerate(level_one_summary(result), 2):
        _text(ws, r, 1, name)
        ws.cell(r, 2, weight)
        ws.cell(r, 3, score).number_format = score_format
        rate = ws.cell(r, 4, cut_rate(score / weight) if weight else None)  # as the other reports print it
        rate.number_format = "0.00%"
    _widths(ws, [20, 8, 10, 10])
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


# ---------------------------------------------------------------- sheet 1


def _score_sheet(ws: Worksheet, result: Result, table: ScoreTable, score_format: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ws.title = SCORE_SHEET
    columns = len(table.header)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    shaded = PatternFill("solid", fgColor="EDEFF2")

    _text(ws, 1, 1, title(result)).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    s = result.indicator_set
    about = [f"{label}：{text}" for label, text in project_items(result)] + [f"指标体系：{s.name}（{s.id} {s.version}）"]
    _text(ws, 2, 1, "　".join(about)).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)

    for col, name in enumerate(table.header, 1):
        cell = _text(ws, FIRST_ROW, col, name)
        cell.font, cell.fill, cell.border, cell.alignment = bold, shaded, box, centred

    for i, row in enumerate(table.rows):
        r = FIRST_ROW + 1 + i
        cells: list[Any] = table.cells(row)
        cells[table.weight_column], cells[table.score_column] = row.weight, row.score
        for col, value in enumerate(cells, 1):
            cell = _text(ws, r, col, value) if isinstance(value, str) else ws.cell(r, col, value)
            cell.border = box
            cell.alignment = centred if col - 1 in (table.weight_column, table.score_column) or col <= table.levels else wrap
            if row.kind != "indicator":
                cell.font, cell.fill = bold, shaded
        ws.cell(r, table.score_column + 1).number_format = score_format
        depth = len(row.path) if row.kind == "indicator" else 1
        if depth < table.levels:  # the last name (or 小计 / 合计) spans the level columns left empty
            ws.merge_cells(start_row=r, start_column=depth, end_row=r, end_column=table.levels)
    for level in range(1, table.levels + 1):
        for first, last in table.groups(level):
            if last > first:
                ws.merge_cells(start_row=FIRST_ROW + 1 + first, start_column=level, end_row=FIRST_ROW + 1 + last,
                               end_column=level)

    after = FIRST_ROW + len(table.rows) + 2
    for j, warning in enumerate(result.warnings):
        _text(ws, after + j, 1, f"提示：{warning.text('zh')}").alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=after + j, start_column=1, end_row=after + j, end_column=columns)
    _fit_and_print(ws, result, table, after)


def _fit_and_print(ws: Worksheet, result: Result, table: ScoreTable, after: int) -> None:
    """Column widths and row heights that fit the text (warnings start at row `after`), and A4 landscape printing."""
    widths = []
    for col in range(len(table.header)):
        longest = max(display_width(table.header[col]), *(display_width(table.cells(row)[col]) for row in table.rows))
        cap = _WRAPPED_WIDTH if col in (table.standard_column, table.reason_column) else _NAME_WIDTH
        widths.append(min(longest + 2, cap))
    _widths(ws, widths)
    # Row heights for the wrapped text: spreadsheets do not fit them on opening (nor ever, for merged cells).
    for i, row in enumerate(table.rows):
        lines = max(_lines(text, width) for text, width in zip(table.cells(row), widths, strict=True))
        ws.row_dimensions[FIRST_ROW + 1 + i].height = row_height(lines)
    for r in (2, *range(after, after + len(result.warnings))):
        ws.row_dimensions[r].height = row_height(_lines(str(ws.cell(r, 1).value), sum(widths)))
    ws.freeze_panes = ws.cell(FIRST_ROW + 1, 1).coordinate
    ws.print_title_rows = f"{FIRST_ROW}:{FIRST_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


# ---------------------------------------------------------------- sheet 2


def _facts_sheet(ws: Worksheet, result: Result, score_format: str) -> None:
    """Four columns throughout: what (label), value, unit, the name in the set (or the formula)."""
    from openpyxl.styles import Alignment, Font

    rows: list[Sequence[Any]] = []
    headings: set[int] = set()  # row indexes (0-based) shown bold

    def section(name: str, header: Sequence[str] | None, body: Sequence[Sequence[Any]]) -> None:
        if rows:
            rows.append(())
        headings.add(len(rows))
        rows.append((name,))
        if header:
            headings.add(len(rows))
            rows.append(header)
        rows.extend(body)

    labels = [label for label, _ in project_items(result)]
    details: list[tuple[Any, ...]] = [(label, _detail_value(value))
                                      for label, value in zip(labels, result.project.values(), strict=True)]
    section("项目", None, details or [("（事实文件未给出项目信息）",)])
    section("评分结果", None, [("总分", result.total), ("满分", result.max_total), ("等级", result.grade)])
    if result.facts:
        section("事实", ("事实", "值", "单位", "名称"),
                [(f.label or f.name, _cell_value(f.value), f.unit or "", f.name) for f in result.facts])
    section("计算值", ("计算值", "值", "", "公式"),
            [(d.label or d.name, _cell_value(d.value) if d.error is None else f"无法计算：{d.error}", "",
              f"{d.name} = {d.expression}{derived_note(d)}")
             for d in result.derived])
    section("提示", None, [(w.text('zh'),) for w in result.warnings] or [("（无）",)])
    if result.flags:
        section("需说明", None, [(f.text('zh'),) for f in result.flags])
    section("来源", None, provenance(result))

    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, 1):
        for col, value in enumerate(values, 1):
            written = _text(ws, r, col, value) if isinstance(value, str) else ws.cell(r, col, value)
            written.alignment = wrap
            written.number_format = small_number_format(value) or written.number_format
            if r - 1 in headings:
                written.font = Font(bold=True)
        if len(values) == 1:  # a heading or a warning: the whole width
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        if values[:1] == ("总分",):
            ws.cell(r, 2).number_format = score_format
    caps = (30, _WRAPPED_WIDTH, 10, _WRAPPED_WIDTH)
    widths = [min(cap, max([8] + [display_width(_shown(v[col])) + 2 for v in rows if len(v) > max(col, 1)]))
              for col, cap in enumerate(caps)]
    _widths(ws, widths)
    for r, values in enumerate(rows, 1):
        spans = [sum(widths)] if len(values) == 1 else widths
        # a short row leaves its last columns empty
        lines = max((_lines(_shown(v), w) for v, w in zip(values, spans, strict=False)), default=0)
        ws.row_dimensions[r].height = row_height(lines) if values else None
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


# ---------------------------------------------------------------- helpers


def _text(ws: Worksheet, row: int, col: int, text: str) -> Any:
    """A cell holding `text` as text, even when it starts with '=' (never a formula)."""
    cell = ws.cell(row, col, _cell_text(text))
    cell.data_type = "s"
    return cell


def small_number_format(value: Any) -> str | None:
    """The number format that shows a small number's decimals (0.0000003, which Excel's General shows as 3E-07: QA86
    F4), or None for any other value (General shows it as written).

    >>> small_number_format(Decimal("0.0000003")), small_number_format(Decimal("-0.00005")), small_number_format(Decimal("0.86"))
    ('0.0000000', '0.00000', None)
    """
    if not isinstance(value, Decimal) or not value or abs(value) >= _GENERAL_PLAIN:
        return None
    exponent = value.normalize().as_tuple().exponent
    return "0." + "0" * min(-exponent, 28) if isinstance(exponent, int) else None


_GENERAL_PLAIN = Decimal("0.0001")  # below it, General turns to an exponent


def _cell_value(value: Any) -> Any:
    """Numbers stay numbers; everything else as the text the reports show."""
    if isinstance(value, Decimal):
        return value
    return show_value(value)


def _detail_value(value: Any) -> Any:
    """A project detail as the 事实与来源 sheet writes it: a number given as one (year: 2024) as a number, as the facts'
    are (QA340 F4); one Excel would not keep whole (more than 15 digits: an id of 18), and any other value, as text."""
    if isinstance(value, float) and math.isfinite(value):
        value = Decimal(repr(value))
    if (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, Decimal) and value.is_finite()):
        number = Decimal(value)
        if len(number.normalize().as_tuple().digits) <= _EXCEL_DIGITS and abs(number) < _EXCEL_LARGEST:
            return number if isinstance(value, Decimal) else value
    return show_value(value)


_EXCEL_DIGITS = 15  # the significant digits a spreadsheet keeps of a number
_EXCEL_LARGEST = Decimal("1e15")  # past it General shows an exponent (1.23E+15), not the digits


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else show_value(value)


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _save(book: Any) -> bytes:
    """The workbook's bytes without a timestamp (document dates dropped, zip entries dated 1980-01-01).

    So the same Result always gives the same bytes, and the file's sha256 can be recorded.
    """
    from openpyxl.writer.excel import ExcelWriter

    first = io.BytesIO()
    with zipfile.ZipFile(first, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            stable = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o600 << 16
            data = source.read(entry.filename)
            target.writestr(stable, _DATES.sub(b"", data) if entry.filename == _CORE else data)
    return out.getvalue()
