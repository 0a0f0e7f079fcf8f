"""A form layout (the 自评表) as an Excel workbook: the form on sheet 1, merged cells as on paper, and the side sheet.

Numbers are numbers (amounts, weights, scores, rates as percentages, actual values
with their unit in the number format); text cells never become formulas. Printing:
A4 landscape, one page wide, the indicator heading repeated on every page, a
Chinese font. Sheet 表外事实 carries what the form has no place for (the set, the
facts not on the form, indicators not applicable, other project details), so the
workbook scores back to the same result (`scoring-engine score FORM.xlsx`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import _json
from .._arith import plain
from .._display import display_width
from .._row_fit import rows_example
from ..forms.documents import fact_document
from ..forms.finding_lines import findings_written, put_together
from ..forms.grid import Cell, Grid, percent_places, shown
from ..forms.template import default_words, row_keys, tier_example, type_words
from ..model import IndicatorSet
from ..result import Result
from .rows import provenance
from ._xlsx_text import LINE_HEIGHT, cell_text, sheet_name
from ._xlsx_text import wrapped_lines as _lines
from .xlsx import _save, _text, _widths, small_number_format

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FONT", "FORM_SHEET", "SIDE_SHEET", "SIDE_COLUMNS", "form_sheet_name", "form_workbook", "on_form_facts"]

SIDE_SHEET = "表外事实"
#: The 说明 of the blank form's 项目编号 row (项目 | id), whose value cell is text: an 18-digit id typed in it keeps its digits.
ID_ROW_NOTE = "项目编号；文字；财政部门抽查复核按项目编号和年度与本表对应，不填则按文件名对应"
#: The form's sheet when its title gives no name of its own (form_sheet_name).
FORM_SHEET = "自评表"
#: The side sheet's columns: what a row is (事实, 项目, 不适用, 指标体系, 来源), its name, value, unit, description.
SIDE_COLUMNS = ("类别", "名称", "值", "单位", "说明")
#: The font of the printed form: 宋体 is what the official forms use; spreadsheets substitute where it is missing.
FONT = "宋体"
_STYLES = {"title": (16, True, "center"), "subtitle": (11, False, "center"), "label": (11, True, "center"),
           "head": (11, True, "center"), "text": (11, False, "left"), "level": (11, False, "center"),
           "number": (11, False, "center"),
           "score": (11, False, "center"), "percent": (11, False, "center"), "dash": (11, False, "center")}


def on_form_facts(indicator_set: IndicatorSet) -> set[str]:
    """The facts the set's form shows in its cells (the rest go to the side sheet)."""
    form = indicator_set.form
    return {name for columns in form.funds.values() for name in columns.values()} | {t.fact for t in form.targets}


def form_sheet_name(title: str) -> str:
    """The form's sheet named from its title as Excel takes it (a title 附件1: … failed every writer: QA192 F1); 自评表 when
    the reader would take it for the side sheet (表外事实, 表外事实2), as a copy of it beside the real one."""
    from ..forms.workbook import _known_name

    name = sheet_name(title, fallback=FORM_SHEET)
    return FORM_SHEET if _known_name(name) == SIDE_SHEET else name


def form_workbook(grid: Grid, result: Result | None, indicator_set: IndicatorSet) -> bytes:
    """The workbook as bytes; `result` None gives the blank template (the side sheet then lists the facts to fill in)."""
    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = "scoring-engine"
    book.properties.title = cell_text(grid.title)
    _form_sheet(book.worksheets[0], grid)
    _side_sheet(book.create_sheet(SIDE_SHEET), result, indicator_set)
    return _save(book)


def _form_sheet(ws: Worksheet, grid: Grid) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    ws.title = form_sheet_name(grid.title)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in grid.cells:
        size, bold, horizontal = _STYLES[cell.style]
        written = _write(ws, cell)
        written.font = Font(name=FONT, size=size, bold=bold)
        written.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        if cell.style not in ("title", "subtitle"):
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    ws.cell(r + 1, c + 1).border = box
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=cell.row + 1, start_column=cell.col + 1,
                           end_row=cell.row + cell.rowspan, end_column=cell.col + cell.colspan)
    for i, note in enumerate(grid.notes):
        row = grid.height + 2 + i
        _text(ws, row, 1, note).font = Font(name=FONT, size=11)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=grid.width)
    _widths(ws, grid.widths)
    _heights(ws, grid)
    _print_setup(ws, grid)


def _write(ws: Worksheet, cell: Cell) -> Any:
    """The cell's value: a number as a number (its unit in the number format), text as text, never a formula."""
    if isinstance(cell.value, Decimal):
        written = ws.cell(cell.row + 1, cell.col + 1, cell.value)
        written.number_format = _number_format(cell)
        return written
    if cell.value is None:
        return ws.cell(cell.row + 1, cell.col + 1)
    return _text(ws, cell.row + 1, cell.col + 1, cell.value)


def _number_format(cell: Cell) -> str:
    value = cell.value
    assert isinstance(value, Decimal)
    if cell.style == "percent":
        return "0%" if value * 100 == (value * 100).to_integral_value() else "0." + "0" * percent_places(value) + "%"
    if cell.style == "score" and cell.places is not None:
        return "0." + "0" * cell.places if cell.places else "0"
    shown_as = small_number_format(value) or "General"  # 0.00004 as its decimals, not 4E-05 (QA88 F3)
    unit = cell.unit or ""
    if unit and all(ch not in unit for ch in '"\\[];@'):
        return f'{shown_as}"{unit}"'
    return shown_as


def _heights(ws: Worksheet, grid: Grid) -> None:
    """Row heights for wrapped text: spreadsheets never fit them for merged cells."""
    lines = [1] * grid.height
    for cell in grid.cells:
        if cell.rowspan == 1:
            width = sum(grid.widths[cell.col:cell.col + cell.colspan])
            lines[cell.row] = max(lines[cell.row], _lines(shown(cell), width))
    for r, count in enumerate(lines):
        ws.row_dimensions[r + 1].height = (28 if r == 0 else LINE_HEIGHT * count + 6)


def _print_setup(ws: Worksheet, grid: Grid) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    if grid.repeat is not None:
        ws.print_title_rows = f"{grid.repeat[0] + 1}:{grid.repeat[1] + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5


def _worded(spec: Any, value: Any) -> Any:
    """A choice fact's value as the set's first alias for it words it (按比例 for proportional), as the form's clerk reads
    it and the reader takes it back; a value in Chinese as it is (按比例, not its short alias 比例: QA271 F5)."""
    if not isinstance(value, str) or any("\u4e00" <= ch <= "\u9fff" for ch in value):
        return value
    return next((written for written, meant in spec.aliases if meant == value), value)


def _typed_as(indicator_set: IndicatorSet, spec: Any) -> str:
    """How the side sheet's cell of `spec` is typed; a tier fact's example in its own tiers and points (QA271 F6)."""
    words = type_words(spec, on_form=True)
    if spec.type == "list" and spec.items == "target":  # typed as JSON, as the side sheet reads it, with its keys (QA337 5)
        return f"{words}，按 JSON 填写，如 {rows_example(indicator_set, spec.name)}；{row_keys()}"
    if spec.type != "tier":
        return words
    tier, points = tier_example(indicator_set, spec.name)
    return words.replace("达成年度指标，9分", f"{tier}，{points}分")


def _choices(spec: Any) -> str:
    """'可选值：齐全 / 基本齐全 / 缺失': the words a choice fact's cell takes, as the form shows them (QA271 F5: a clerk
    learnt them only by typing a wrong one)."""
    return "可选值：" + " / ".join(str(_worded(spec, value)) for value in spec.values) if spec.values else ""


def _side_sheet(ws: Worksheet, result: Result | None, indicator_set: IndicatorSet) -> None:
    from openpyxl.styles import Alignment, Font

    rows: list[Sequence[Any]] = [SIDE_COLUMNS, ("指标体系", indicator_set.id, indicator_set.version, "", indicator_set.name)]
    shown_on_form = on_form_facts(indicator_set)
    if result is None:
        for name, spec in indicator_set.facts.items():
            if name not in shown_on_form:
                bounds = "，".join(f"{k} {v}" for k, v in (("≥", spec.min), ("≤", spec.max)) if v is not None)
                default = ("是" if spec.default else "否") if isinstance(spec.default, bool) else \
                    default_words(_worded(spec, spec.default))
                left = f"不填按默认值 {default}" if spec.default is not None else ""  # QA46 F5; 是 or 否 as the cell takes it
                # a choice filled in with its default, to change where the project's is another: left blank, every form
                # filled from it was told the default was taken (QA259 F4); in the words its label shows (QA266 F5)
                chosen = _worded(spec, spec.default) if spec.type == "string" and spec.values and spec.default is not None \
                    else None
                rows.append(("事实", name, chosen, spec.unit or "",
                             "；".join(filter(None, (spec.label, _typed_as(indicator_set, spec), _choices(spec), bounds, left)))))
        rows.append(("项目", "id", None, "", ID_ROW_NOTE))  # the 项目编号 a re-check and 项目编号重复 match by (QA325 F1)
        rows += [("来源", "指标体系", f"{indicator_set.name}（{indicator_set.id} {indicator_set.version}）", "", ""),
                 ("来源", "指标体系 sha256", indicator_set.sha256, "", "")]
    else:
        for fact in result.facts:
            if fact.name not in shown_on_form:
                declared = indicator_set.facts.get(fact.name)
                value = _worded(declared, fact.value) if declared is not None else fact.value
                rows.append(("事实", fact.name, _side_value(fact_document(value), declared), fact.unit or "",
                             fact.label or ""))
        for top_na in _not_applicable(result):
            rows.append(("不适用", top_na[0], top_na[1], "", ""))
        form_fields = {"name", "department", "unit", "year", "goal", "outcome", "conclusion", "problems", "measures"}
        for key, value in result.project.items():
            if key not in form_fields:
                rows.append(("项目", key, _side_value(fact_document(value)), "", ""))
        rows += [("来源", label, text, "", "") for label, text in provenance(result)]
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            cell = _text(ws, r, c, value) if isinstance(value, str) else ws.cell(r, c, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.number_format = small_number_format(value) or ("@" if values[4:] == (ID_ROW_NOTE,) and c == 3
                                                                else cell.number_format)  # an id's digits kept as typed
            if r == 1:
                cell.font = Font(bold=True)
    widths = [8] + [min(44, max(8, *(display_width(str(v[i] or "")) + 2 for v in rows))) for i in range(1, 5)]
    _widths(ws, widths)
    _validations(ws, [(r, indicator_set.facts.get(values[1])) for r, values in enumerate(rows, 1) if values[0] == "事实"])


#: The bounds of a number fact's cell where the set gives none: the 15 digits a spreadsheet keeps.
_NO_BOUND = (Decimal("-999999999999999"), Decimal("999999999999999"))


def _validations(ws: Worksheet, facts: list[tuple[int, Any]]) -> None:
    """Excel's data validation on the value cells of yes-or-no, choice, number and whole-number facts: a drop-down of
    是 / 否 or of the choices as the form words them, numbers within the set's bounds. A value typed otherwise is
    questioned at once with what the cell takes (a clerk learnt it only from the score's error), as a warning the clerk
    may pass: the reader takes more than the drop-down offers (√ and ×, '900, 900万元 in a cell of 万元: QA341 1).
    Text, dates, findings and judgements are read in many forms: their cells are left free."""
    from openpyxl.worksheet.datavalidation import DataValidation

    made: dict[tuple[Any, ...], DataValidation] = {}
    for row, spec in facts:
        rule = _rule(spec) if spec is not None else None
        if rule is None:
            continue
        if rule not in made:
            kind, first, second, said = rule
            made[rule] = DataValidation(type=kind, formula1=first, formula2=second or None, allow_blank=True,
                                        operator="between" if kind != "list" else None, showErrorMessage=True,
                                        errorStyle="warning", errorTitle="请核对", error=said)
            ws.add_data_validation(made[rule])
        made[rule].add(f"C{row}")


def _rule(spec: Any) -> tuple[Any, str, str, str] | None:
    """(kind, formula1, formula2, the message) of `spec`'s cell, or None where the cell is left free."""
    unit = f"，单位 {spec.unit}" if spec.unit else ""
    if spec.type == "boolean":
        return ("list", '"是,否"', "", "应填 是 或 否（也可写 √ 或 ×）")
    if spec.type == "string" and spec.values:
        words = [str(_worded(spec, value)) for value in spec.values]
        listed = ",".join(words)
        if any(mark in word for word in words for mark in ',"') or len(listed) > 250:  # a list Excel cannot hold
            return None
        return ("list", f'"{listed}"', "", "应填以下之一：" + " / ".join(words))
    if spec.type not in ("number", "integer"):
        return None
    low, high = (spec.min if spec.min is not None else _NO_BOUND[0]), (spec.max if spec.max is not None else _NO_BOUND[1])
    bounds = "，".join(f"{k} {plain(v)}" for k, v in (("≥", spec.min), ("≤", spec.max)) if v is not None)
    said = ("应填整数" if spec.type == "integer" else "应填数字") + (f"，{bounds}" if bounds else "") + unit
    return ("whole" if spec.type == "integer" else "decimal", plain(low), plain(high), said)


def _side_value(value: Any, spec: Any = None) -> Any:
    """Numbers and text as themselves; a yes-or-no fact as 是 or 否, as the blank form asks for it (QA37 F6); findings and
    numbers one a line and a judgement in its words (达成年度指标，6分，理由), as the blank form teaches a clerk to type
    them (QA284 F7: the printed form wrote [] and {"tier": …}), where the reader takes them back as they were; other
    lists and objects as JSON text."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (Decimal, int)):
        return Decimal(value)
    if isinstance(value, str):
        return value
    typed = _typed_plainly(value, spec)
    return typed if typed is not None else _json.dumps(value, indent=None)


def _typed_plainly(value: Any, spec: Any) -> str | None:
    """`value` as a clerk types it in its cell, or None where the reader would not read it back the same."""
    kind = getattr(spec, "type", None)
    if kind == "list" and spec.items == "number" and value and all(isinstance(n, Decimal) for n in value):
        return "\n".join(plain(n) for n in value)
    if kind == "list" and spec.items == "finding" and isinstance(value, list):
        lines = [item if isinstance(item, str) else _json.dumps(item, indent=None) for item in value]
        plainly = all(isinstance(item, str) for item in value) and not any(  # beside JSON items, read back otherwise
            "\n" in line or "\r" in line or "；" in line or ";" in line or line.startswith(("{", "[")) for line in lines)
        texts = [line for line in lines if not line.startswith("{")]
        if plainly and findings_written(texts) == (texts, None, None) and put_together(texts) == texts:
            return "\n".join(lines) or "无"
        return None
    if kind in ("tier", "judgement") and isinstance(value, dict) and isinstance(value.get("score"), Decimal):
        tier, reason = value.get("tier", ""), value.get("reason", "")
        if isinstance(tier, str) and isinstance(reason, str) and "\n" not in reason and not any(
                mark in tier for mark in ",，;；:：、\n") and reason and reason.strip() == reason:
            return f"{tier + '，' if kind == 'tier' else ''}{plain(value['score'])}分，{reason}"
    return None


def _not_applicable(result: Result) -> list[tuple[str, str]]:
    """(indicator id, reason) for each indicator the facts marked not applicable (not those below it)."""
    found = []
    for path in result.paths():
        node = path[-1]
        if node.not_applicable is not None and not any(p.not_applicable is not None for p in path[:-1]):
            found.append((node.id, node.not_applicable))
    return found
