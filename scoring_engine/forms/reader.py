"""Reading a filled 自评表 (.xlsx) into facts, with the cell each fact came from.

The reader finds the form's blocks by their printed labels (the set's form layout names them), not by fixed
positions, so it tolerates the usual variations: merged cells (an empty 一级 or 二级 cell continues the one above),
weights inside labels ("产出指标(50分)"), extra blank rows, numbers stored as text, amounts written with their unit
("712.42万元"), full-width signs. Whatever it cannot read is an error naming the cell and what it expected. The side
sheet 表外事实 (written with every selfeval workbook) gives the facts the form has no place for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import in_engine_context, plain
from .._record import record
from .._text import cut
from ..errors import FactsError, Problem
from ..facts import Facts
from ..model import Indicator, IndicatorSet, TargetBlock
from ..target_rows import dated_row, target_row, unsigned_target
from .content import NO_REASON, is_own_conclusion
from .funds import check_funds
from .labels import CHINESE_DIGITS as _CHINESE_DIGITS, YEAR as _YEAR, YEAR_PLAIN as _YEAR_PLAIN
from .layout import WEIGHT_IN_LABEL, FormLayout, form_layout, same_label
from .bases import base_version
from .reading import (FILL_THE_CELL, SIDE_SHEET, Blank, FormReading, another_layout, bare_value, hidden_rows,
                      how_to_read_with, is_percentage, named_set, named_version, numeric, one_line, read_with,
                      refuse_score_sheet, refused_values, unsigned_number, with_unit)
from .side import defaults_taken, read_side
from .unread import funds_row, other_form, own_row, unscored_funds
from .weights import compare_weights
from .workbook import Formula, Sheet, open_workbook

__all__ = ["Blank", "FILL_THE_CELL", "ImportedFacts", "SIDE_SHEET", "read_form", "named_set", "FORM_SUFFIXES"]

#: The files read as filled forms (by `score`, `import` and `batch`).
FORM_SUFFIXES = (".xlsx", ".xlsm")
PUT_THE_ROW_BACK = "put the row back as the form prints it, and fill it in"


# The indicator block's columns a form cannot be scored without, when its layout has them.
_NEEDED_COLUMNS = ("level3", "target", "target_value", "actual", "actual_value", "weight", "score")


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
        """The facts file `import` writes: the facts document with a provenance section."""
        return {**self.facts.document(), "provenance": dict(self.provenance)}


@in_engine_context
def read_form(path: str | Path, indicator_set: IndicatorSet, sheets: list[Sheet] | None = None) -> ImportedFacts:
    """The facts of the filled form at `path` for `indicator_set`, each with the cell it came from; `sheets` is the
    workbook already opened (`open_workbook(path)`), when the caller has it.
    Raises FactsError listing every cell it could not read, each naming the cell and what it expected.
    """
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
                                 hint="delete the extra sheets, or give each project its own workbook"))
    reading = FormReading(path, forms[0] if forms else form_sheets[0], layout, indicator_set)
    _header(reading)
    _funds(reading)
    _indicators(reading)
    side = next((s for s in sheets if s.name == SIDE_SHEET), None)
    not_applicable = read_side(reading, side) if side is not None else {}
    named = named_set(sheets)
    version = named_version(sheets, base_version(indicator_set, named))
    # another set's form: a fact it has no row for is not a row to add to it (QA131 F6)
    defaults_taken(reading, not_applicable, side.tab or side.name if side is not None else SIDE_SHEET, named)
    compare_weights(reading, not_applicable)
    hidden = [p for sheet in (reading.sheet, side) if sheet for p in hidden_rows(sheet, str(path), reading.provenance)]
    other_layout = another_layout(named, reading)
    if reading.problems:  # a form the side sheet says is another set's: that is what to fix first
        first = read_with(named, indicator_set, str(path), version, refused=True)
        # another layout's blocks and columns (QA31 F2): every problem of the reading follows from it, so it alone is said
        if not first or not other_layout:  # and what scoring would refuse too
            first = first + reading.problems + refused_values(reading, not_applicable) + hidden
        raise FactsError(first)
    facts = Facts(values=reading.values, not_applicable=not_applicable, project=reading.project,
                  indicator_set=indicator_set.id, source=str(path))
    # a form of another set read as this one's, and scoring: said all the same (QA32 F5); alone when of another layout,
    # whose cells this layout's facts were read from (QA138 F2: a default taken for a fact of the wrong set)
    first = read_with(named, indicator_set, str(path), version)
    warnings = first if other_layout else [*first, *hidden, *reading.warnings]
    return ImportedFacts(facts, reading.provenance, reading.empty, named, reading.typed, tuple(warnings), reading.rescaled,
                         reading.group_weights, side.tab or side.name if side is not None else SIDE_SHEET, other_layout)


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


def bundled_set_named(sheets: list[Sheet], source: str) -> str:
    """The bundled set the form names on its side sheet, to read it with when no --set is given; FactsError when it
    names none, or a set that is not bundled (a province's own file, which only --set can give)."""
    from ..loader import bundled_sets

    named = named_set(sheets)
    if named is None:  # a 自评表 names its set on its side sheet: a workbook that names none may be the 评分表 report
        refuse_score_sheet(sheets, source)
    if named is None and not any(s.name == SIDE_SHEET for s in sheets):  # not a form the tool wrote, or its sheet deleted
        raise FactsError(Problem(f"no indicator set: the workbook has no sheet {SIDE_SHEET}, where a form names its set",
                                 file=source, hint="pass --set ID|PATH, e.g. --set self-evaluation"))
    if named is None:
        raise FactsError(Problem(NO_FORM_SET, file=source))
    if named not in bundled_sets():  # a slip of a bundled set's id is said as one (QA54 F7)
        raise FactsError(Problem(f"the form names the set {named}, which is not bundled: pass --set ID|PATH", file=source,
                                 hint=how_to_read_with(named, source)))
    return named


def _header(reading: FormReading) -> None:
    """项目名称, 主管部门, 实施单位, the year, the goals and the closing rows, into the project details."""
    head = [(r, c, value) for (r, c), value in sorted(reading.sheet.cells.items()) if isinstance(value, str) and r <= 5]
    # （2023年度） first; else 2023年度 written without brackets ('2023年度项目支出绩效自评表'), never a date's 2023年
    # the title's rows first (a project name below may hold a year of its own: 2021年度…补助资金项目)
    found = next(((r, c, year) for pattern, rows in ((_YEAR, 2), (_YEAR_PLAIN, 2), (_YEAR, 5)) for r, c, value in head
                  if r <= rows and (m := pattern.search(value))
                  and 1900 <= (year := int(m.group(1).translate(_CHINESE_DIGITS))) <= 2100), None)
    if found:
        reading.project["year"] = found[2]
        reading.provenance["project.year"] = reading.sheet.ref(found[0], found[1])
    else:  # a 年度 line filled in a way not read (（24年度）, 2O24年度) is said: a re-check is matched by the year (QA79 F1)
        for r, c, value in (h for h in head if h[0] <= 2 and "年度" in h[2] and "表" not in h[2] and re.search(r"\d", h[2])):
            reading.warnings.append(Problem(
                f"{reading.sheet.ref(r, c)}: the year ({cut(value.strip().strip('()（） '))}) cannot be read, so the project has "
                "none",
                file=str(reading.path), hint="write it as （2024年度）"))
    for item in [i for line in reading.layout.header for i in line] + list(reading.layout.closing):
        at = reading.find(item)
        spot = reading.right_of(*at) if at else None
        if spot and not any(other.matches(reading.sheet.text(*spot)) for line in reading.layout.header for other in line):
            _project(reading, item.key, *spot)
    for item in reading.layout.goals.columns:
        at = reading.find(item)
        if at and reading.sheet.get(at[0] + 1, at[1]) is not None:
            _project(reading, item.key, at[0] + 1, at[1])


def _project(reading: FormReading, key: str, row: int, col: int) -> None:
    text = reading.text(row, col)
    if text and not (key == "conclusion" and is_own_conclusion(text)):  # the form's own words: no fact of the project
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
    first_column = min(columns.values())
    found: dict[str, int] = {}  # the row of each of the block's rows found
    for r in [r for r in reading.sheet.rows if row_at < r <= row_at + len(block.rows) + 5]:
        label = next((item for c in range(1, first_column) for item in block.rows if item.matches(reading.sheet.text(r, c))),
                     None)
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
            value = (reading.text(r, col) if column == "reason"
                     else reading.number(r, col, f"an amount in 万元 ({label.label})", "万元"))
            if value is not None:
                reading.values[fact] = value
                reading.provenance[fact] = reading.sheet.ref(r, col)
            else:
                column_label = next(c.label for c in block.columns if c.key == column)
                reading.empty[fact] = reading.blank(r, col, f"{label.label}的{column_label}")
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


def _bound_columns(funds: Mapping[str, Mapping[str, str]]) -> set[str]:
    """The funds block's columns the set reads on some row: the amounts and the reason, not the 得分 it computes."""
    return {column for columns in funds.values() for column in columns}


def _indicators(reading: FormReading) -> None:
    """The indicator block: each 三级 row under the 一级 of a row group becomes a target row of that group's fact."""
    targets = reading.set.form.targets
    columns = reading.layout.indicators.columns
    heading = reading.heading_row(columns, 4)
    total = _typed_scores(reading, heading) if heading is not None else None
    if not targets:
        return
    if heading is None or not {"level1", "level3"} <= set(heading[1]):
        reading.problems.append(Problem(f"{reading.sheet.name}: no indicator block (a row with 一级指标, 二级指标, 三级指标…)",
                                        file=str(reading.path)))
        return
    row_at, at = heading
    for column in columns:  # without them every row would be scored wrong, or fail on the set's rules far from here
        if column.key in _NEEDED_COLUMNS and column.key not in at:
            reading.problem(row_at, min(at.values()), f"the indicator block's heading has no column {column.label}",
                            f"write the heading as the form prints it: {column.label}")
    rows: dict[str, list[dict[str, Any]]] = {t.fact: [] for t in targets}
    first_row: dict[str, str] = {}  # a block's first 三级指标 cell: where an empty block is to be filled
    level1: tuple[int, TargetBlock | None] | None = None
    level2 = written_before = level2_at = ""
    for r in [r for r in reading.sheet.rows if row_at < r < (total[0] if total else 10**9)]:
        written1 = reading.sheet.text(r, at["level1"])
        # the same 一级 written again (its merged cells unmerged and filled down, to sort or filter) goes on as an empty one
        if written1 and not same_label(WEIGHT_IN_LABEL.sub("", written1), WEIGHT_IN_LABEL.sub("", written_before)):
            level1, level2, written_before = (r, _block(reading, r, at["level1"], written1)), "", written1
            if level1[1] is not None:
                first_row.setdefault(level1[1].fact, reading.sheet.ref(r, at["level3"]))
        if "level2" in at and reading.sheet.text(r, at["level2"]):
            level2 = "".join(reading.sheet.text(r, at["level2"]).split())  # '质量\n指标' (Alt+Enter in the cell)
            level2_at = reading.sheet.ref(r, at["level2"])  # where a 二级 the set has not is to be fixed (QA54 F6)
        name = reading.text(r, at["level3"])
        if not name and level1 is not None and level1[1] is not None:
            filled = [reading.layout.column(k) for k in ("target", "target_value", "actual", "actual_value", "weight", "score")
                      if k in at and not reading.unused(r, at[k])]  # not the form's own "—" (QA137 F8)
            if filled:
                reading.problem(r, at["level3"], f"the 三级指标 is empty, but the row has "
                                                 f"{', '.join(c.label for c in filled if c)}",
                                "write the indicator's name, or clear the row")
        if not name or level1 is None or level1[1] is None:
            continue
        fact = level1[1].fact
        row = _row(reading, r, at, name, level2, f"{fact}[{len(rows[fact])}]")  # numbered from 0, as $.facts paths are
        if row is not None and level2:
            reading.provenance[f"{fact}[{len(rows[fact])}].category"] = level2_at
        if row is not None:
            rows[fact].append(row)
    for block in targets:
        if rows[block.fact]:
            reading.values[block.fact] = rows[block.fact]
        elif block.fact in first_row:
            reading.empty[block.fact] = Blank(first_row[block.fact], f"{block.label}的三级指标")
        else:  # its 一级 label is not on the form: the rows were taken off with it
            reading.empty[block.fact] = Blank(reading.sheet.ref(row_at, at["level1"]),
                                              f"{block.label}的三级指标（表上没有“{block.label}”一栏）", PUT_THE_ROW_BACK)


def _typed_scores(reading: FormReading, heading: tuple[int, dict[str, int]]) -> tuple[int, int] | None:
    """总分 and each own row's 得分, typed where the set computes them, kept to be compared; the 总分 cell, if any."""
    row_at, at = heading
    total = reading.total_row(row_at, at)
    if total and "score" in at:
        reading.typed_score("total", total[0], at["score"])
    if total and "weight" in at:
        reading.weights_shown["total"] = (total[0], at["weight"])
    if {"level1", "level3"} <= set(at):
        _own_rows(reading, row_at, at)
    return total


def _own_rows(reading: FormReading, row_at: int, at: Mapping[str, int]) -> None:
    """The rows of the set's own tree (scored from the facts, on the side sheet too): each 得分 typed there kept to be
    compared with the set's score (a unit that lowers one, or fills them all, is told its own do not count), and a
    value typed in their 年度指标值 or 实际完成值 warned of, as not read."""
    own: Indicator | None = None  # the 一级 of the set's own tree the rows are under, when they are
    form = reading.set.form  # its row groups and funds are read from the form, not scored from facts
    read = {t.indicator for t in form.targets} | {form.funds_indicator}
    for r in [r for r in reading.sheet.rows if r > row_at]:
        written1 = reading.sheet.text(r, at["level1"])
        if written1:
            label = WEIGHT_IN_LABEL.sub("", written1)
            own = None if any(same_label(label, t.label) for t in form.targets) else \
                next((top for top in reading.set.indicators if same_label(label, top.name) and top.id not in read), None)
        name = reading.sheet.text(r, at["level3"])
        if own is not None and name:
            indicator = next((i for i in own.walk() if i.is_leaf and same_label(name, i.name)), None)
            if indicator is not None and "score" in at:
                reading.typed_score(indicator.id, r, at["score"])
            own_row(reading, r, at, name, indicator)


def _block(reading: FormReading, row: int, col: int, written: str) -> TargetBlock | None:
    """The row group a 一级 label names ('产出指标(50分)' too); a problem when it names none, or another weight."""
    weight = WEIGHT_IN_LABEL.search(written)
    label = WEIGHT_IN_LABEL.sub("", written)
    block = next((t for t in reading.set.form.targets if same_label(label, t.label)), None)
    if block is None:
        if any(same_label(label, top.name) for top in reading.set.indicators):
            return None  # an indicator of the set's own tree: scored from its facts, not read from the form
        names = ", ".join(t.label for t in reading.set.form.targets)
        reading.problem(row, col, f"一级指标 {written!r} is not one of the form's: {names}", other_form(reading.set))
        return None
    declared = reading.set.indicator(block.indicator).weight
    if weight and Decimal(weight.group(1)) != declared:
        reading.problem(row, col, f"the label gives {weight.group(1)} points, but {block.label} weighs {declared} in the set "
                                  f"{reading.set.id}", "correct the label or score the form with the set it was made for")
    return block


def _row(reading: FormReading, r: int, at: Mapping[str, int], name: str, category: str, where: str) -> dict[str, Any] | None:
    """One 三级 row as a target row; each cell checked and its place recorded."""
    item: dict[str, Any] = {"name": name}
    reading.provenance[f"{where}.name"] = reading.sheet.ref(r, at["level3"])
    if category:
        item["category"] = category
    before = len(reading.problems)
    blank: dict[str, Blank] = {}
    for key, field_name in (("target", "target"), ("target_value", "target"), ("comparison", "comparison"), ("unit", "unit"),
                            ("actual", "actual"), ("actual_value", "actual"), ("reason", "reason")):
        if key in at:
            value = reading.sheet.get(r, at[key])
            if isinstance(value, Formula):
                column = reading.layout.column(key)
                shown = column.label if column else field_name
                reading.problem(r, at[key], f"{value.holds()}; expected the {shown} itself",
                                _EXACT_HINT if key in ("target", "target_value", "comparison") else None)
            elif value is not None:
                item[field_name] = one_line(value, field_name) if isinstance(value, str) else \
                    with_unit(reading, r, at[key], value)
                reading.provenance[f"{where}.{field_name}"] = reading.sheet.ref(r, at[key])
            else:
                column = reading.layout.column(key)
                blank.setdefault(field_name, reading.blank(r, at[key], column.label if column else field_name))
    if "target" in blank and isinstance(item.get("actual"), Decimal) and blank["target"].hint == FILL_THE_CELL:
        blank["target"] = blank["target"]._replace(hint=f"{FILL_THE_CELL}; {_JUDGED_BY_TIER}")
    reading.empty.update((f"{where}.{name}", place) for name, place in blank.items() if name not in item)
    words = _signs_and_percents(reading, r, at, item, category)
    if "weight" in at:
        weight = reading.number(r, at["weight"], "the row's weight (分值), a number above 0", "分")
        if weight is None and len(reading.problems) == before:
            reading.problem(r, at["weight"], "expected the row's weight (分值), got an empty cell",
                            "write the points the row carries")
        item["weight"] = weight
        reading.provenance[f"{where}.weight"] = reading.sheet.ref(r, at["weight"])
    target = item.get("target")
    numeric_target = not words and (isinstance(target, Decimal) or numeric(target))  # '约9.5公里' beside ≥10公里: a slip
    if numeric_target and "score" in at:  # the set scores a quantitative row: a score typed there is compared with it
        reading.typed_score(where, r, at["score"])
    if isinstance(item.get("actual"), str) and not numeric(item.get("actual")) and not numeric_target and "score" in at:
        score = reading.number(r, at["score"], "the score the unit gave this qualitative row", "分")
        if score is None and len(reading.problems) == before:
            reading.problem(r, at["score"], f"row {cut(name)}: expected the score the unit gave this qualitative row, got "
                            "an empty cell", reading.tier_hint(item["actual"]))
        item["score"] = score
        item.setdefault("reason", NO_REASON)
        reading.provenance[f"{where}.score"] = reading.sheet.ref(r, at["score"])
    if len(reading.problems) > before:
        return None
    try:
        target_row(0, item)
    except ValueError as err:
        _row_problem(reading, r, at, name, str(err.args[0]).split(": ", 1)[-1], err.args[1] if len(err.args) > 1 else None)
        return None
    return {k: v for k, v in item.items() if v is not None}


def _signs_and_percents(reading: FormReading, r: int, at: Mapping[str, int], item: dict[str, Any], category: str) -> bool:
    """A row's numbers beside a 度量单位 of %, and a target whose sign the form leaves to be guessed; a date in a 时效 row
    (said before the score a row of words needs: a date is no tier, QA47 F4). True for a deadline in words (12月底前完成)."""
    name = item["name"]
    try:
        if dated_row(item):
            return True
    except ValueError as err:
        _row_problem(reading, r, at, name, *err.args)
        return False
    if "unit" in at and isinstance(item.get("unit"), str) and unicodedata.normalize("NFKC", item["unit"]) == "%":
        _beside_percent_column(reading, r, at, item)
    if "comparison" in at and "comparison" not in item and unsigned_number(item.get("target")):
        _row_problem(reading, r, at, name, f"comparison is empty, and the target {item['target']} has no sign",
                     "write ≥ for a target to reach, ≤ for a ceiling, = for an exact value")
    if "comparison" in at or not unsigned_number(target := item.get("target")):
        return False
    # the national form has no 指标性质 column: a 成本指标 written 100万元 was scored as ≥, and 125万元 took full marks
    guessed = unsigned_target(category, target, item.get("unit"), name)
    if guessed is not None:
        _row_problem(reading, r, at, name, *guessed)
    return False


def _beside_percent_column(reading: FormReading, r: int, at: Mapping[str, int], item: dict[str, Any]) -> None:
    """A row whose 度量单位 column says %: its bare numbers read on one scale, or none guessed.

    All above 1 (95 and 90) are percentages, as the 一体化 system shows them; all of 1 or less (0.95 and 0.9) are
    ratios, as a cell formatted 0% holds them. A bare number of 1 or less beside one above 1, or beside a percentage
    written with its sign (1 beside 20, 0.3 beside 5%), is 1% or 100%: not ours to guess, so both readings are named;
    so is one up to 2 beside one of 10 or more (1.05 beside 95: 1.05%, or 105% from a system that exports ratios).
    """
    keys = [k for k in ("target", "actual") if k in item]
    bare = {k: v for k in keys if (v := bare_value(item[k])) is not None and v != 0}
    # 1.05 beside 95 is 1.05% or the ratio 105% (an export of ratios): told apart from 5 beside 95, a low rate
    small = next((k for k, v in bare.items() if v <= 1 or (v <= 2 and max(bare.values()) >= 10)), None)
    if bare and small is None:
        for key in bare:
            item[key] = f"{plain(item[key])}%" if isinstance(item[key], Decimal) else f"{item[key]}%"
        return
    written = any(k not in bare and is_percentage(item[k]) for k in keys)
    if small is not None and (written or any(v > 1 for v in bare.values())):
        number = plain(bare[small])
        _row_problem(reading, r, at, item["name"], f"{small} {number} beside % has two readings in this row",
                     f"write {number}% if it is {number} percent, or {plain(bare[small] * 100)}% for the ratio {number}")


# What a row's problem is about, by its first word, and the columns that hold it (the first the form has).
_ABOUT = {"actual": ("actual", "actual_value"), "units": ("actual", "actual_value", "unit"), "target": ("target", "target_value"),
          "comparison": ("comparison", "target"), "unit": ("unit", "actual"), "weight": ("weight",), "score": ("score",),
          "tier": ("actual", "actual_value")}


def _row_problem(reading: FormReading, r: int, at: Mapping[str, int], name: str, message: str, hint: str | None) -> None:
    """A problem of a row read from the form, on the cell it is about, with the field named as the form prints it
    ('actual' is 实际完成值); on the whole row when no one cell is."""
    word = message.split(" ", 1)[0]
    key = next((k for k in _ABOUT.get(word, ()) if k in at), None) or reading.quoted_at(r, at, message)
    if key is None:  # the whole row: a merge over its first cell is no part of the problem (QA56 F4)
        first, last = min(at.values()), max(at.values())
        return reading.problem(r, first, f"row {cut(name)}: {message} (cells {reading.sheet.ref(r, first)}–"
                                         f"{reading.sheet.ref(r, last).split('!')[1]})", hint, merged=False)
    column = reading.layout.column(key)
    if column is not None and word in ("actual", "target", "comparison", "unit", "weight", "score"):
        message = column.label + message[len(word):]
    if word == "weight":  # a form has no "leave weight out": every row prints its 分值
        hint = "write the points the row carries"
    reading.problem(r, at[key], f"row {cut(name)}: {message}", hint)


#: A 实际完成值 that is a number asks for its 年度指标值; a qualitative row wrote a number where its tier goes.
_JUDGED_BY_TIER = "a row judged by its tier (定性) writes the tier in 实际完成值 (达成年度指标), not a number"
_EXACT_HINT = "a cell typed with = at its start is a formula: type '=100% (with an apostrophe first), or 等于100%"
