"""Reading a filled 自评表 (.xlsx) into facts, with the cell each fact came from.

The reader finds the form's blocks by their printed labels (the set's form layout names them), not by fixed
positions, so it tolerates the usual variations: merged cells (an empty 一级 or 二级 cell continues the one above),
weights inside labels ("产出指标(50分)"), extra blank rows, numbers stored as text, amounts written with their unit
("712.42万元"), full-width signs. Whatever it cannot read is an error naming the cell and what it expected. The side
sheet 表外事实 (written with every selfeval workbook) gives the facts the form has no place for.
"""

from __future__ import annotations

import datetime
import math
import os
import re
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import in_engine_context
from .._patterns import compile_later
from .._record import record
from .._text import cut
from ..errors import FactsError, Problem
from ..facts import Facts
from ..model import IndicatorSet
from ..plan import not_a_set
from .content import is_own_conclusion
from .details import project_detail
from .funds import check_funds, side_amounts_in_yuan
from .indicators import PUT_THE_ROW_BACK, read_indicators
from .label_cells import reason_words, refuse_header_formulas, refuse_heading_values, unread_funds_label
from .labels import CHINESE_DIGITS as _CHINESE_DIGITS, from_wan, normal, YEAR as _YEAR, YEAR_PLAIN as _YEAR_PLAIN
from .layout import Block, FormLayout, Labelled, form_layout, form_layouts
from .bases import base_version, changed_since, how_to_read_with, named_version, written_for, written_with
from .documents import set_named_from
from .number_formats import TYPE_AS_SHOWN
from .reading import (FILL_THE_CELL, NONE_WORDS, SIDE_SHEET, Blank, FormReading, another_layout, hidden_rows, named_set,
                      read_with, refuse_score_sheet, refused_values)
from .rescaled import judgements_settled
from .side import defaults_taken, read_side
from .unread import funds_row, unscored_funds
from .weights import compare_weights
from .workbook import Sheet, hidden_fix, open_workbook

__all__ = ["Blank", "FILL_THE_CELL", "ImportedFacts", "PUT_THE_ROW_BACK", "SIDE_SHEET", "read_form", "named_set", "FORM_SUFFIXES"]

#: The files read as filled forms (by `score`, `import` and `batch`).
FORM_SUFFIXES = (".xlsx", ".xlsm")


@record
class ImportedFacts:
    """The facts a form holds, and where each came from: fact path → sheet!cell. `empty` holds the places the reader
    found blank: fact path → (sheet!cell, what the cell is for), so that a fact the set needs and the form left empty is
    named by its cell (`forms.cells`). `names_set` is the set the workbook's side sheet names, if any.
    """

    facts: Facts
    provenance: Mapping[str, str] = field(default_factory=dict)
    empty: Mapping[str, Blank] = field(default_factory=dict)
    names_set: str | None = None
    # 得分 the unit typed where the set computes them (funds, a row, 总分): row path, funds id or "total" → (cell, number)
    typed: Mapping[str, tuple[str, Decimal]] = field(default_factory=dict)
    # What the unit typed that the set does not read (`forms.unread`), each on its cell: `score` and `import` warn of it.
    warnings: tuple[Problem, ...] = ()
    # Target rows read back from the rescaled weights the form shows: row path → (得分 typed, 分值 shown, 分值 declared).
    rescaled: Mapping[str, tuple[Decimal, Decimal, Decimal]] = field(default_factory=dict)
    # A group's fact → its weight with the form's 不适用 groups rescaled away: a sum of 分值 the form may show.
    group_weights: Mapping[str, Decimal] = field(default_factory=dict)
    side_tab: str = SIDE_SHEET  # the side sheet's tab as the clerk sees it (Sheet1 read as 表外事实: QA45 F12)
    other_layout: bool = False  # the form of `names_set` is of another layout: the line naming it is said alone (QA129 F5)

    def document(self) -> dict[str, Any]:
        """The facts file `import` writes: the facts document with the set the form was written for (QA205 5) and a
        provenance section."""
        document = self.facts.document()
        written = {"written_for": dict(self.facts.written_for)} if self.facts.written_for else {}
        return {**{k: document.pop(k) for k in ("indicator_set",) if k in document}, **written, **document,
                "provenance": dict(self.provenance)}


@in_engine_context
def read_form(path: str | os.PathLike[str], indicator_set: IndicatorSet, sheets: list[Sheet] | None = None) -> ImportedFacts:
    """The facts of the filled form at `path` for `indicator_set`, each with the cell it came from; `sheets` is the
    workbook already opened (`open_workbook(path)`), when the caller has it.
    Raises FactsError listing every cell it could not read, each naming the cell and what it expected.
    """
    if not isinstance(path, (str, os.PathLike)):  # a wrong argument named, as score() names it (QA317 3)
        raise TypeError(f"path is the filled form's file, as text or a Path, not {type(path).__name__}")
    if not isinstance(indicator_set, IndicatorSet):
        raise not_a_set(indicator_set)
    path = Path(path)
    sheets = open_workbook(path) if sheets is None else sheets
    form_sheets = [s for s in sheets if s.name != SIDE_SHEET]
    if not form_sheets:
        raise FactsError(Problem("the workbook has no form sheet", file=str(path)))
    layout = form_layout(indicator_set.form.layout)
    forms = _form_sheets(form_sheets, layout)
    if not forms:  # no 自评表 in it: the 评分表 report the tool writes is said as such (a 自评表 beside it is read: QA39 F7)
        refuse_score_sheet(sheets, str(path))
    if len(forms) > 1:  # a copy of the sheet, or two projects in one workbook: which one is the project is not ours to guess
        raise FactsError(Problem(f"the workbook holds {len(forms)} form sheets ({', '.join(s.name for s in forms)}); "
                                 "one workbook is one project's form", file=str(path),
                                 hint=hidden_fix("delete the extra sheets, or give each project its own workbook", forms)))
    reading = FormReading(path, forms[0] if forms else form_sheets[0], layout, indicator_set)
    _header(reading)
    _funds(reading)
    read_indicators(reading)
    side = next((s for s in sheets if s.name == SIDE_SHEET), None)
    not_applicable = read_side(reading, side) if side is not None else {}
    side_amounts_in_yuan(reading)
    named = named_set(sheets)
    version = named_version(sheets, base_version(indicator_set, named))
    recorded = written_for(side, version or base_version(indicator_set, named))
    # the set's file edited since the form was written, its id and version kept: said first (QA205 3)
    changed = changed_since(indicator_set, recorded.get("sha256"), str(path)) \
        if named == indicator_set.id and version is None else []
    # another set's form: a fact it has no row for is not a row to add to it (QA131 F6)
    defaults_taken(reading, not_applicable, side.tab or side.name if side is not None else SIDE_SHEET, named)
    compare_weights(reading, not_applicable)
    hidden = [p for sheet in (reading.sheet, side) if sheet for p in hidden_rows(sheet, str(path), reading.provenance)]
    other_layout = another_layout(named, reading)
    unshown = _unshown_read(reading, sheets)
    if unshown:  # said alone, as when the workbook was refused for it: what follows from a figure misread is no finding
        raise FactsError(read_with(named, indicator_set, str(path), version, refused=True) + unshown)
    if reading.problems:  # a form the side sheet says is another set's: that is what to fix first
        first = read_with(named, indicator_set, str(path), version, refused=True) + changed
        # another layout's blocks and columns (QA31 F2): every problem of the reading follows from it, so it alone is said
        if not first or not other_layout:  # and what scoring would refuse too
            first = first + reading.problems + refused_values(reading, not_applicable) + hidden
        raise FactsError(first)
    judgements_settled(reading, not_applicable)
    # the set named as the facts file `import` writes beside the form names it, so that both hash alike (QA205 4)
    facts = Facts(values=reading.values, not_applicable=not_applicable, project=reading.project,
                  indicator_set=set_named_from(path.parent, indicator_set) or indicator_set.id, source=str(path),
                  written_for=recorded or None)
    # a form of another set read as this one's, and scoring: said all the same (QA32 F5); alone when of another layout,
    # whose cells this layout's facts were read from (QA138 F2: a default taken for a fact of the wrong set)
    first = read_with(named, indicator_set, str(path), version) + changed
    warnings = first if other_layout else [*first, *hidden, *reading.warnings]
    return ImportedFacts(facts, reading.provenance, reading.empty, named, reading.typed, tuple(warnings), reading.rescaled,
                         reading.group_weights, side.tab or side.name if side is not None else SIDE_SHEET, other_layout)


def _unshown_read(reading: FormReading, sheets: list[Sheet]) -> list[Problem]:
    """A problem on each cell a figure was read from (a fact, a project detail, a row's cell, a typed 得分 or 分值, or a
    cell a problem is said of: a typed 执行率 compared with the amounts, `forms.funds`, QA206 2) whose number format does
    not show its number as it can be read (`Sheet.unshown`); a cell no reader takes a figure from (another sheet's, a
    note's) is read as before (QA204 3)."""
    read = {*reading.provenance.values(), *(cell for cell, _ in reading.typed.values()),
            *(reading.sheet.ref(r, c) for r, c in reading.weights_shown.values()),
            *(p.message.split(": ", 1)[0] for p in reading.problems)}
    return [Problem(f"{ref}: {said}", file=str(reading.path), hint=TYPE_AS_SHOWN)
            for sheet in sheets for (r, c), said in sorted(sheet.unshown.items()) if (ref := sheet.ref(r, c)) in read]


def _form_sheets(sheets: list[Sheet], layout: FormLayout) -> list[Sheet]:
    """The sheets that are the form: a form sheet heads its indicators with 三级指标 and 实际完成值 (a 绩效目标表 kept
    beside it has no 实际完成值)."""
    needed = [c for c in (layout.column("level3"), layout.column("actual") or layout.column("actual_value")) if c is not None]
    return [s for s in sheets
            if needed and all(any(isinstance(v, str) and c.matches(v) for v in s.cells.values()) for c in needed)]


def form_project(path: str | Path, indicator_set: IndicatorSet, sheets: list[Sheet] | None = None) -> dict[str, Any]:
    """The project details the header of the form at `path` gives (项目名称, 主管部门, 实施单位, the year), read on their
    own: what a form that cannot be scored is still listed under. FactsError when the workbook cannot be opened."""
    path = Path(path)
    form_sheets = [s for s in (open_workbook(path) if sheets is None else sheets) if s.name != SIDE_SHEET]
    layout = form_layout(indicator_set.form.layout)
    forms = _form_sheets(form_sheets, layout) or form_sheets
    if len(forms) != 1:  # none, or two projects' forms in one workbook: which project it is is not ours to guess (QA32 F4)
        return {}
    reading = FormReading(path, forms[0], layout, indicator_set)
    _header(reading)
    return reading.project


NO_FORM_SET = "no indicator set: the form names none; pass --set ID|PATH"  # no set on its side sheet, and no --set


def form_set_named(sheets: list[Sheet], source: str) -> str:
    """The set to read the form with when no --set is given: the bundled set it names on its side sheet, or the file of
    the set it names found near it whose sha256 the sheet records, the file it was written with (QA268 F3: a portfolio of
    two provincial sets' forms was refused whole by batch, each form told to pass --set, which then refused the other
    set's); FactsError when it names none, or a set that is neither (a province's own file, which only --set can give)."""
    from ..loader import bundled_sets

    named = named_set(sheets)
    if named is None:  # a 自评表 names its set on its side sheet: a workbook that names none may be the 评分表 report
        refuse_score_sheet(sheets, source)
    if named is None and not any(s.name == SIDE_SHEET for s in sheets):  # not a form the tool wrote, or its sheet deleted
        raise FactsError(Problem(f"no indicator set: the workbook has no sheet {SIDE_SHEET}, where a form names its set",
                                 file=source, hint=f"pass --set ID|PATH, e.g. --set {_set_by_title(sheets)}"))
    if named is None:
        raise FactsError(Problem(NO_FORM_SET, file=source))
    if named not in bundled_sets():  # a slip of a bundled set's id is said as one (QA54 F7)
        own = written_with(named, source, sheets)
        if own is not None:
            return own
        hint = how_to_read_with(named, source, sheets)  # its --set said once, by the hint when it says it (QA214 9)
        said = "" if hint.startswith("pass --set ") else ": pass --set ID|PATH"
        raise FactsError(Problem(f"the form names the set {named}, which is not bundled{said}", file=source, hint=hint))
    return named


def _set_by_title(sheets: list[Sheet]) -> str:
    """The bundled set to suggest for a workbook with no side sheet: one whose form layout's title is the sheet's (the
    longest that ends its title, or its name: 部门预算项目支出绩效自评表 is Sichuan's, not the 项目支出绩效自评表 it ends
    in), a set of its own (extending none) with a funds block first; self-evaluation for a title of no layout. A
    Sichuan form was told to use self-evaluation, which cannot read it (QA186 F3)."""
    from ..loader import bundled_sets, load_indicator_set

    written = {normal(text) for sheet in sheets for text in (sheet.name, *(v for (r, _), v in sheet.cells.items()
                                                                         if r <= 2 and isinstance(v, str)))}
    titles = {key: normal(form_layout(key).title) for key in form_layouts()}
    found = sorted((len(title), key) for key, title in titles.items() if any(t.endswith(title) for t in written))
    if not found:
        return "self-evaluation"
    sets = [load_indicator_set(path) for path in bundled_sets().values()]
    fitting = sorted((bool(s.extends), not (s.form.funds or s.form.targets), s.id) for s in sets
                     if s.form.layout == found[-1][1])
    return fitting[0][2] if fitting else "self-evaluation"


def _header(reading: FormReading) -> None:
    """项目名称, 主管部门, 实施单位, the year, the goals and the closing rows, into the project details."""
    head = [(r, c, value) for (r, c), value in sorted(reading.sheet.cells.items()) if isinstance(value, str) and r <= 5]
    # （2023年度） first; else 2023年度 written without brackets ('2023年度项目支出绩效自评表'), never a date's 2023年
    # the title's rows first (a project name below may hold a year of its own: 2021年度…补助资金项目)
    found = next(((r, c, year) for pattern, rows in ((_YEAR, 2), (_YEAR_PLAIN, 2), (_YEAR, 5)) for r, c, value in head
                  if r <= rows and (m := pattern.search(value))
                  and 1900 <= (year := int(m.group(1).translate(_CHINESE_DIGITS))) <= 2100
                  and (rows == 2 or not _typed_year(reading))), None) or _typed_year(reading)
    if found:
        reading.project["year"] = found[2]
        reading.provenance["project.year"] = reading.sheet.ref(found[0], found[1])
    else:  # a 年度 line filled in a way not read (（24年度）, 2O24年度) is said: a re-check is matched by the year (QA79 F1)
        # (and a date, typed or as Excel stores 2024-03-01, or a month, （2024年3月）: which year it reports is not told by
        # when the form was filled: QA331 F2)
        shown = [(r, c, value.strip().strip('()（） ')) for r, c, value in head if r <= 2 and (
            ("年度" in value and "表" not in value and re.search(r"\d", value)) or _DATE_LINE.fullmatch(value))]
        # a number there that is no year (45292, a date's serial; 24: QA335 4), in the title's line only: the 年度 line
        # is merged from the first column, and a number beside it (a table's or an attachment's) is not its (QA336 3)
        shown += [(r, c, f"{value:%Y-%m-%d}" if isinstance(value, datetime.date) else str(value))
                  for (r, c), value in sorted(reading.sheet.cells.items()) if r <= 2 and (isinstance(value, datetime.date)
                  or (c == 1 and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)))]
        for r, c, value in shown:
            reading.warnings.append(Problem(
                f"{reading.sheet.ref(r, c)}: the year ({cut(value)}) cannot be read, so the project has none",
                file=str(reading.path), hint="write it as （2024年度）"))
    for item in [i for line in reading.layout.header for i in line] + list(reading.layout.closing):
        at = reading.find(item)
        spot = reading.right_of(*at) if at else None
        if spot and not any(other.matches(reading.sheet.text(*spot)) for line in reading.layout.header for other in line):
            _project(reading, item, *spot)
    for item in reading.layout.goals.columns:
        at = reading.find(item)
        if at and reading.sheet.get(at[0] + 1, at[1]) is not None:
            _project(reading, item, at[0] + 1, at[1])


#: A date or a month in the 年度 line: （2024年3月）, 2024年3月1日, 2024-03, 2024.3.1.
_DATE_LINE = compile_later(r"\s*[(（]?\s*\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-./]\s*\d{1,2}(?:\s*[-./]\s*\d{1,2})?)"
                           r"\s*[)）]?\s*")


def _typed_year(reading: FormReading) -> tuple[int, int, int] | None:
    """The year typed as a number in the title's rows (2024: what Excel keeps of 2024 typed in A2), where no text there
    gives one (QA331 F2: dropped without a word)."""
    return next(((r, c, int(value)) for (r, c), value in sorted(reading.sheet.cells.items())
                 if r <= 2 and c == 1 and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
                 and math.isfinite(value) and value == int(value) and 1900 <= value <= 2100), None)


def _project(reading: FormReading, item: Labelled, row: int, col: int) -> None:
    key = item.key
    if project_detail(reading, reading.sheet.ref(row, col), key, reading.sheet.get(row, col), item.label) is None:
        return  # empty, or refused on its cell (a date, a name of 18 digits): QA192 F2
    text = reading.text(row, col)
    # the form's own words are no fact of the project
    if text and not (key == "conclusion" and is_own_conclusion(text, [g.label for g in reading.set.grades])):
        reading.project[key] = text
        reading.provenance[f"project.{key}"] = reading.sheet.ref(row, col)


def _funds(reading: FormReading) -> None:
    binding, block = reading.set.form, reading.layout.funds
    heading = reading.heading_row(block.columns, 3)
    if not binding.funds:  # a set without funds: a block filled in all the same is named, not read (QA54 F4)
        return unscored_funds(reading, heading) if heading is not None else None
    if heading is None:
        reading.problems.append(Problem(f"{reading.sheet.name}: no funds block"
                                        f" (a row with {', '.join(c.label for c in block.columns[:3])})",
                                        file=str(reading.path), hint=f"the form {reading.layout.title} has one"))
        return
    row_at, columns = heading
    refuse_header_formulas(reading, row_at, max(columns.values()))
    refuse_heading_values(reading, row_at, columns, len(block.columns))
    first_column = min(columns.values())
    found: dict[str, int] = {}  # the row of each of the block's rows found
    ended = False  # past its rows: a label of no funds row (年度总体目标)
    for r in [r for r in reading.sheet.rows if row_at < r <= row_at + len(block.rows) + 5]:
        label = next((item for c in range(1, first_column) for item in block.rows if item.matches(reading.sheet.text(r, c))),
                     None)
        ended = ended or (label is None and unread_funds_label(reading, r, first_column))
        if label is not None:
            found.setdefault(label.key, r)
        if label is not None and label.key not in binding.funds:  # printed, but the set reads nothing there
            funds_row(reading, r, label.label, {k: c for k, c in columns.items() if k in _bound_columns(binding.funds)})
        if label is None or label.key not in binding.funds:
            continue
        for column, fact in binding.funds[label.key].items():
            col = columns.get(column)
            if col is None:
                continue
            written = reading.sheet.get(r, col)
            value = (reason_words(reading, r, col, _label(block, column), label.label) if column == "reason"
                     else None if label.key != "total" and isinstance(written, str) and written.strip() in NONE_WORDS
                     else reading.number(r, col, f"an amount in 万元 ({label.label}的{_label(block, column)})", "万元"))
            if value is not None:  # in the set's unit: the form's amounts are in 万元 (QA308 1)
                spec = reading.set.facts.get(fact)
                reading.values[fact] = from_wan(value, spec.unit) if isinstance(value, Decimal) and spec else value
                reading.provenance[fact] = reading.sheet.ref(r, col)
            else:
                reading.empty[fact] = reading.blank(r, col, f"{label.label}的{_label(block, column)}")
        if label.key == "total" and binding.funds_indicator is not None:
            if "weight" in columns:  # compared with the set's once the side sheet says what is 不适用 (forms.weights)
                reading.weights_shown[binding.funds_indicator] = (r, columns["weight"])
            if "score" in columns:
                reading.typed_score(binding.funds_indicator, r, columns["score"])
        elif label.key != "total":
            funds_row(reading, r, label.label, {k: c for k, c in columns.items() if k in ("weight", "score")}, scored=False)
    for row in block.rows:  # a row taken off the form: its facts are to be written there, not on the side sheet
        if row.key in binding.funds and row.key not in found:
            for column, fact in binding.funds[row.key].items():
                column_label = next((c.label for c in block.columns if c.key == column), column)
                reading.empty[fact] = Blank(reading.sheet.ref(row_at, first_column),
                                            f"{row.label}的{column_label}（表上没有“{row.label}”这一行）", PUT_THE_ROW_BACK)
    check_funds(reading, found, columns)


def _label(block: Block, key: str) -> str:
    """The label of the block's column `key`, as the form prints it."""
    return next(c.label for c in block.columns if c.key == key)


def _bound_columns(funds: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The funds block's columns the set reads on some row: the amounts and the reason, not the 得分 it computes."""
    return {column for columns in funds.values() for column in columns}
