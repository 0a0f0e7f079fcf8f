"""One form being read: the sheet, what was found on it so far, and every problem (all reported together), with the
reading of a single cell (a number with its unit, text, a score the unit typed)."""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from .._arith import plain
from .._text import cut, keeping_lists
from ..errors import ADD_THE_FACT, FactsError, Problem
from ..model import IndicatorSet
from .bases import SIDE_SHEET, base_file, base_version, how_to_read_with, version_fix
from .._time_units import written_limit
from ..target_rows import parse_quantity
from .layout import FormLayout, Labelled
from .workbook import Formula, Sheet, unmerge
from .._patterns import compile_later

__all__ = ["Blank", "FILL_THE_CELL", "FormReading", "NONE_WORDS", "SAME_UNIT", "SIDE_SHEET", "UNUSED", "another_layout",
           "bare_value", "form_kind", "form_kind_of", "is_percentage", "not_worked_out", "numeric", "one_line", "says_something",
           "shown_comparison", "unsigned_number", "with_unit"]

FILL_THE_CELL = "fill in the cell"
# The ways a unit is written beside a number on a form: 712.42万 is in 万元, 20分 in points.
SAME_UNIT = {"万元": ("万元", "万"), "分": ("分",)}
#: What a cell left unused holds: nothing, or the dash or slash the form itself prints there (G7, I7: "—"), as a Chinese
#: keyboard types it too ("——", full-width "－" and "／": QA140 F4).
UNUSED = ("", "—", "——", "-", "－", "/", "／")
#: The words a clerk writes for none in a 其中 row the project has no money of (无, 不适用, N/A in 其他资金: QA261 F9): the
#: row left unused, as a dash there; in 年度资金总额 no amount (0 is: QA262 F5).
NONE_WORDS = ("无", "不适用", "N/A", "n/a")


def not_worked_out(value: Formula) -> str:
    """What a cell holding a formula holds, in the words a typed 得分 or 执行率 is told of it."""
    return "an error value, which a formula that failed leaves" if value.error else "a formula, which is not worked out"


class Blank(NamedTuple):
    """A place on the form the reader found empty: its cell, what it is for, and how to fill it."""

    cell: str
    what: str
    hint: str = FILL_THE_CELL


class FormReading:
    """One form being read: its sheet, what was found, and every problem (all reported together)."""

    def __init__(self, path: Path, sheet: Sheet, layout: FormLayout, indicator_set: IndicatorSet):
        self.path, self.sheet, self.layout, self.set = path, sheet, layout, indicator_set
        self.values: dict[str, Any] = {}
        self.project: dict[str, Any] = {}
        self.provenance: dict[str, str] = {}
        self.empty: dict[str, Blank] = {}
        self.typed: dict[str, tuple[str, Decimal]] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # what was typed and is not read (`forms.unread`)
        # a target row read back from rescaled weights (`forms.rescaled`): row path → (the 得分 typed, the 分值 shown, the
        # declared 分值), so that a tier's range is said on the form's own basis
        self.rescaled: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
        # a qualitative row whose 得分 more than one judgement gives back (a loss evened by a unit): fact → row → the
        # judgements, first the one read; which the whole form scores back to is kept when the form is read (QA342 F1)
        self.judgements: dict[str, dict[int, list[Decimal]]] = {}
        self.group_weights: dict[str, Decimal] = {}  # a group's fact → its weight with the form's 不适用 groups rescaled away
        self.weights_shown: dict[str, tuple[int, int]] = {}  # the funds' and 总分's 分值 cells, by indicator id or "total"

    def typed_score(self, key: str, row: int, col: int) -> None:
        """A score typed in the cell, kept under `key` to compare with the set's (a blank cell is none); text that is
        no number ('八') is said, as not compared."""
        value = self.sheet.get(row, col)
        if isinstance(value, str):  # a cell formatted as text: '19', '19分', '１９'
            written = value
            value = unicodedata.normalize("NFKC", value).strip().removesuffix("分").strip()
            value = Decimal(value) if re.fullmatch(r"-?\d+(\.\d+)?", value) else None
            if value is None and written.strip() not in UNUSED:
                self.warnings.append(Problem(
                    f"{self.sheet.ref(row, col)}: the score typed here ({cut(written.strip())}) is no number, so it is not "
                    "compared with the set's", file=str(self.path), hint="write the score as a number, such as 8"))
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and math.isfinite(value):
            self.typed[key] = (self.sheet.ref(row, col), Decimal(str(value)))
        elif value is not None and not isinstance(value, str):  # a formula (=SUM(H13:H22)), a date, TRUE: not compared
            formula = isinstance(value, Formula)
            self.warnings.append(Problem(
                f"{self.sheet.ref(row, col)}: the score typed here ({cut(str(value.text if formula else value))}) is "
                f"{not_worked_out(value) if formula else 'no number'}, so it is not compared with the set's",
                file=str(self.path), hint="type the score's value as a number, such as 8"))

    def is_tier(self, written: str) -> bool:
        """Whether a row rule of the set knows `written` as a tier (达成年度指标…): '完成' is text, no tier (QA171 F4)."""
        return any(getattr(rule.params, "tier_named", lambda _: False)(written) for group in self.set.row_groups
                   for rule in (group.rows.rules.values() if group.rows is not None else ()))

    def tier_hint(self, written: str) -> str:
        """The fix for a qualitative row whose 得分 is blank: its tier's range, or, for a tier no row rule of the set knows
        (`达成年度指标（12分）`), the tiers it does (QA72 F2: the range of a tier that is none was asked for first)."""
        labels: dict[str, None] = {}
        for group in self.set.row_groups:
            for rule in group.rows.rules.values() if group.rows is not None else ():
                tier_named = getattr(rule.params, "tier_named", None)
                if tier_named is not None and tier_named(written):
                    return f"write the points the row takes for its tier {written}, within that tier's range"
                labels.update(dict.fromkeys(label for label, _ in getattr(rule.params, "tiers", ())))
        return f"{written} is no tier of the set: write one of {'、'.join(labels)}, and the points the row takes within its range"

    def problem(self, row: int, col: int, message: str, hint: str | None = None, merged: bool = True) -> None:
        """A problem on the cell (row, col); an empty cell a merge covers is told to unmerge (`merged` False: the cell
        only places a problem of its whole row)."""
        over = self.sheet.merged_over(row, col) if merged else None
        hint = hint if over is None else unmerge(over)
        self.problems.append(Problem(f"{self.sheet.ref(row, col)}: {message}", file=str(self.path), hint=hint))

    def quoted_at(self, row: int, at: Mapping[str, int], message: str) -> str | None:
        """The value column of the row whose text a message quotes at its start ("'9.99…': a number of 31 significant
        digits"), to place it there rather than on the row's first cell."""
        for key in ("actual", "actual_value", "target", "target_value", "unit", "comparison"):
            text = self.sheet.text(row, at[key]) if key in at else ""
            if text and message.startswith("'" + text[:12]):
                return key
        return None

    def blank(self, row: int, col: int, what: str) -> Blank:
        """The empty cell (row, col), for `what`; one a merge covers says so (QA47 F6)."""
        cell, merged = self.sheet.ref(row, col), self.sheet.merged_over(row, col)
        return Blank(cell, what) if merged is None else Blank(cell, what, unmerge(merged))

    def find(self, label: Labelled, rows: list[int] | None = None) -> tuple[int, int] | None:
        """The first cell holding `label` (in `rows`, else anywhere), reading row by row."""
        for (r, c), value in sorted(self.sheet.cells.items()):
            if (rows is None or r in rows) and isinstance(value, str) and label.matches(value):
                return r, c
        return None

    def total_row(self, row_at: int, at: Mapping[str, int]) -> tuple[int, int] | None:
        """The 总分 row's label cell below the indicator heading `row_at`: a total word (总分, 合计…) in the 一级 column or
        left of it, where the form prints it; a 三级 row or 二级 category named 合计 is a row (QA132 F2). A form with none
        there (the row unmerged, 合计 typed in its 三级 column: QA133 F3) has it at the first row holding one and nothing
        else in its 三级, 年度指标值 and 实际完成值 cells ("—", "-" or "/" is nothing), with no 三级 row with its 分值 below
        it: an indicator row fills them (QA136 F3). A 分值 no row can weigh (a phone number 13800138000 or a date
        20240301 typed on a signature line under the table) is none (QA137 F7)."""
        label = Labelled(self.layout.total, also=self.layout.total_also)
        found = [(r, c) for (r, c), value in sorted(self.sheet.cells.items())
                 if r > row_at and isinstance(value, str) and label.matches(value)]
        printed = next(((r, c) for r, c in found if c <= at.get("level1", 0)), None)
        if printed is not None or "level3" not in at:
            return printed
        cells = [at[k] for k in ("level3", "target", "target_value", "actual", "actual_value") if k in at]
        # the last 三级 row: one with a weight in its 分值 (20, or '20' in a text cell), above 0 and at most the set's
        # total, not a note or signature under the table (联系电话 in D31, its number or 填表日期 beside it)
        last = max((r for r in self.sheet.rows if self.sheet.text(r, at["level3"])
                    and ("weight" not in at or self._weighs(r, at["weight"]))), default=0)
        return next(((r, c) for r, c in found if r >= last and all(k == c or self.unused(r, k) for k in cells)),
                    None)

    def unused(self, row: int, col: int) -> bool:
        """Whether the cell is left unused: empty, or holding the dash or slash the form prints there (`UNUSED`)."""
        value = self.sheet.get(row, col)
        return value is None or (isinstance(value, str) and value.strip() in UNUSED)

    def _weighs(self, row: int, col: int) -> bool:
        """Whether the 分值 cell holds a weight a row can have: a number above 0, at most the set's total."""
        weight = bare_value(self.sheet.get(row, col))
        return weight is not None and 0 < weight <= self.set.total

    def heading_row(self, columns: tuple[Labelled, ...], at_least: int) -> tuple[int, dict[str, int]] | None:
        """The first row holding at least `at_least` of the column labels, with the column of each label found."""
        for r in self.sheet.rows:
            found = {column.key: c for (row, c), value in self.sheet.cells.items() if row == r and isinstance(value, str)
                     for column in columns if column.matches(value)}
            if len(found) >= at_least:
                return r, found
        return None

    def right_of(self, row: int, col: int) -> tuple[int, int] | None:
        """The next non-empty cell to the right in the row (a merged value cell starts there)."""
        later = sorted(c for r, c in self.sheet.cells if r == row and c > col)
        return (row, later[0]) if later else None

    def number(self, row: int, col: int, what: str, unit: str | None = None) -> Decimal | None:
        """A number cell, or text holding one ('712.42', '712.42万元'); None when empty; a problem otherwise."""
        value = self.sheet.get(row, col)
        if value is None or (isinstance(value, str) and value.strip() in UNUSED):
            return None
        allowed = (None, *(SAME_UNIT.get(unit, (unit,)) if unit else ()))
        if isinstance(value, Decimal):
            shown = self.sheet.units.get((row, col))  # 12345000 formatted #,##0"元" is no amount in 万元
            if shown not in allowed:
                seen = plain(value * 100) if shown == "%" else plain(value)  # 0.9 formatted 0% is 90%, as the clerk sees it
                self.problem(row, col, f"expected {what}, got {seen}{shown}", _in_wan(value, shown, unit, formatted=True) or
                             f"the cell's number format shows {shown}: write a number in {unit}, in a cell formatted as a number")
                return None
            return value
        if isinstance(value, Formula):
            self.problem(row, col, f"{value.holds()}; expected {what}", value.fix())
            return None
        try:
            quantity = parse_quantity(value) if isinstance(value, str) else None
        except ValueError:
            quantity = None
        if quantity is None or quantity.comparison or quantity.unit not in allowed:
            got = ("a true/false cell" if isinstance(value, bool) else "a date" if hasattr(value, "isoformat")
                   else repr(str(value)[:40]))
            converted = _in_wan(quantity.value, quantity.unit, unit) if quantity and not quantity.comparison else None
            self.problem(row, col, f"expected {what}, got {got}",
                         converted or f"write a number{'' if unit is None else f' in {unit}'}")
            return None
        return quantity.value

    def text(self, row: int, col: int) -> str | None:
        value = self.sheet.get(row, col)
        if value is None:
            return None
        if isinstance(value, Formula):
            self.problem(row, col, f"{value.holds()}; expected text", "type the text itself")
            return None
        return str(value).strip() if not isinstance(value, Decimal) else format(value, "f")


def _in_wan(amount: Decimal, written: str | None, unit: str | None, formatted: bool = False) -> str | None:
    """The fix for an amount typed (or `formatted` by the cell's number format) in another unit of money where 万元 is
    read, with the figure in 万元 (QA308 5: 955000元 was told to be written in 万元, not what that is); None for anything
    else."""
    from .labels import IN_WAN

    if unit != "万元" or written not in IN_WAN:
        return None
    said = f"{plain(amount)} {written} is {plain(amount * Decimal(IN_WAN[written]))} 万元"
    return f"the cell's number format shows {written}: {said}; write that in a cell formatted as a number" if formatted \
        else f"write the amount in 万元: {said}"


def bare_value(value: Any) -> Decimal | None:
    """The number of a value written without a unit ('95', 95, '≥95'); None for text that is no quantity, or has one."""
    if isinstance(value, Decimal):
        return value
    try:
        quantity = parse_quantity(value) if isinstance(value, str) else None
    except ValueError:  # said when the row is read
        return None
    return quantity.value if quantity is not None and quantity.unit is None else None


def is_percentage(value: Any) -> bool:
    """Whether a value is written as a percentage ('5%', '≤5%'; a number shown by a 0% format reads so)."""
    try:
        quantity = parse_quantity(value) if isinstance(value, str) else None
    except ValueError:  # said when the row is read
        return False
    return quantity is not None and quantity.unit == "%"


def one_line(text: str, field_name: str) -> str:
    """A cell's text as the row holds it: a value or a tier broken over lines in its cell ('达成\\n年度指标', typed with
    Alt+Enter to fit the column) is one line; a reason keeps its lines."""
    return text.strip() if field_name == "reason" else "".join(line.strip() for line in text.strip().splitlines())


#: A number in a percentage cell read as 1000% or more: far more often a whole number typed before the cell was formatted
#: 0.0% (95 shown as 9500.0%) than a real rate. It is refused on its cell with both readings (QA54 F8: it was read in
#: silence; QA261 F4: read as shown with a 提示, a 满意度 target of 90 scored 0.11 of 10 as ≥9000%).
_PERCENT_SLIP = Decimal(10)


def with_unit(reading: FormReading, row: int, col: int, value: Any) -> Any:
    """A number cell as the form shows it: with the unit its format prints after it (18 as '18栋', 0.95 as '95%'), so
    that it is checked against the target's unit as typed text is."""
    unit = reading.sheet.units.get((row, col))
    sign = shown_comparison(reading.sheet.signs.get((row, col), ""))  # "≤"0% shows 0.1 as ≤10%: read with its sign, as typed
    if (unit is None and not sign) or not isinstance(value, Decimal):
        return value
    if unit == "%" and value >= _PERCENT_SLIP:  # 95 typed where the cell was formatted 0.0% afterwards: shown 9500.0%
        reading.problems.append(Problem(
            f"{reading.sheet.ref(row, col)}: the cell holds {plain(value)} in a percentage format, so it reads "
            f"{plain(value * 100)}%", file=str(reading.path),
            hint=f"if {plain(value)}% is meant, type {plain(value)}% or {plain(value / 100)}; if {plain(value * 100)}% "
                 f"is, type it as text, {plain(value * 100)}%"))
    return sign + (f"{plain(value * 100)}%" if unit == "%" else f"{plain(value)}{unit or ''}")


def shown_comparison(shown_before: str) -> str:
    """The text a cell's format shows before its number, when it is a comparison ('≤', '不高于', and '<', which reading
    refuses as strict); '' for any other ('¥', '约')."""
    if not shown_before:
        return ""
    try:
        quantity = parse_quantity(shown_before + "1")
    except ValueError:  # a strict sign: kept, to be refused as typed text is
        return shown_before
    return shown_before if quantity is not None and quantity.comparison else ""


def unsigned_number(target: Any, unit: Any = None) -> bool:
    """Whether a target is a number written without ≥, ≤ or = (a plain 19, or '19栋'); not a time limit in words (3个月内,
    read as ≤ as 3个月以内 is: QA189 F1)."""
    if isinstance(target, Decimal):
        return written_limit(target, unit) is None
    try:
        quantity = parse_quantity(target) if isinstance(target, str) else None
    except ValueError:
        return False
    return quantity is not None and quantity.comparison is None and written_limit(target, unit) is None


def numeric(value: Any) -> bool:
    try:
        return isinstance(value, str) and parse_quantity(value) is not None
    except ValueError:
        return True


def read_with(named: str | None, indicator_set: IndicatorSet, source: str, version: str | None = None,
              refused: bool = False) -> list[Problem]:
    """A first line for the problems of a form its side sheet says was written for another set than the one it is read
    with (a Sichuan form read with self-evaluation: its blocks and columns are another layout's), or for another
    `version` of it (`named_version`: last year's form, read after the set was updated: QA89 F1); none otherwise."""
    if named is None or (named == indicator_set.id and version is None):
        return []
    if named == indicator_set.id and version is not None:
        return [Problem(f"{OTHER_VERSION}{version} of the set {named}, and is read here with its version "
                        f"{indicator_set.version}", file=source, hint=version_fix(indicator_set, named, version, source))]
    if named in indicator_set.base_ids and version is not None and not refused:  # refused: the plain line (QA150 F2)
        return [Problem(f"{OTHER_VERSION}{version} of the set {named}, and is read here with {indicator_set.id}, a profile of "
                        f"its version {base_version(indicator_set, named)}", file=source,
                        hint=version_fix(indicator_set, named, version, source))]
    # read with a profile of its set (a county's of the province's), the line stays (another layout, a newer base: QA145
    # F1, F2), but its fix is not to leave the profile's changes out (QA143 F2: the county's veto)
    how = base_file(indicator_set, named) or how_to_read_with(named, source)
    hint = f"{indicator_set.id} is a profile of {named}, whose changes apply; to score the form as {named} does: {how}" \
        if named in indicator_set.base_ids and not refused else how  # a refused form: nothing of the profile applied
    return [Problem(f"the form was written for the set {named}, and is read here with {indicator_set.id}", file=source,
                    hint=hint)]


def hidden_rows(sheet: Sheet, source: str, provenance: Mapping[str, str]) -> list[Problem]:
    """A line for each hidden row (and column: QA92 F5) of the form a fact was read from: a clerk hides a superseded row
    rather than delete it, and the printed form and the score would differ by it in silence (QA89 F4)."""
    name = sheet.ref(1, 1).rsplit("!", 1)[0]
    read = {int(found.group(1)) for cell in provenance.values() if cell.startswith(f"{name}!")
            and (found := _ROW_OF_CELL.search(cell)) is not None}
    from openpyxl.utils import column_index_from_string

    rows = [Problem(f"{name}!{r}:{r}: row {r} is hidden, and is read and scored as any other row", file=source,
                    hint="unhide it to check what it holds, and delete it if it no longer applies")
            for r in sorted(sheet.hidden & read)]
    letters = {found.group(1) for cell in provenance.values() if cell.startswith(f"{name}!")
               and (found := _COLUMN_OF_CELL.search(cell)) is not None}
    hidden = sorted((len(c), c) for c in letters if column_index_from_string(c) in sheet.hidden_columns)
    return rows + [Problem(f"{name}!{c}:{c}: column {c} is hidden, and is read and scored as any other column",
                           file=source, hint="unhide it to check what it holds") for _, c in hidden]


_ROW_OF_CELL = compile_later(r"[A-Z]{1,3}([0-9]{1,7})$")
_COLUMN_OF_CELL = compile_later(r"!([A-Z]{1,3})[0-9]{1,7}$")


#: The start of the line that says a form was written for another version of the set it is read with.
OTHER_VERSION = "the form was written for version "


def named_set(sheets: list[Sheet]) -> str | None:
    """The set a workbook written by `score --layout selfeval` or `template` names on its side sheet (指标体系), if any."""
    side = next((s for s in sheets if s.name == SIDE_SHEET), None)
    return next((side.text(r, 2) or None for r in side.rows if side.text(r, 1) == "指标体系"), None) if side else None


def form_kind_of(named: str | None) -> tuple[str, bool] | None:
    """The kind of form of the bundled set `named` (`form_kind`); None for a set that is not bundled (a province's own)."""
    from ..loader import bundled_sets, load_indicator_set

    return form_kind(load_indicator_set(named)) if named in bundled_sets() else None


def another_layout(named: str | None, reading: FormReading) -> bool:
    """Whether the form, which its side sheet says is of the set `named`, is of another layout than the set it is read
    with: each problem of reading or scoring it then follows from that, and the line naming its set is said alone (QA31
    F2). A bundled set's kind of form is known (`form_kind_of`); a province's own set's is not, so its form is of another
    layout when its funds or indicator heading is not this layout's columns (QA129 F5: a ganzhou form, 指标性质 column and
    all, read with self-evaluation was told its targets lack ≥ or ≤)."""
    if named is None or named == reading.set.id:
        return False
    kind = form_kind_of(named)
    if kind is not None:
        return kind != form_kind(reading.set)
    return not (_same_columns(reading, reading.layout.funds.columns, 3, not reading.set.form.funds)
                and _same_columns(reading, reading.layout.indicators.columns, 4, False))


def _same_columns(reading: FormReading, columns: tuple[Labelled, ...], at_least: int, none_is_same: bool) -> bool:
    """Whether the sheet's heading of a block holds its `columns`, each of them and no other heading right of its first."""
    heading = reading.heading_row(columns, at_least)
    if heading is None:
        return none_is_same
    row, found = heading
    written = [v for (r, c), v in reading.sheet.cells.items()
               if r == row and c >= min(found.values()) and isinstance(v, str) and v.strip()]
    return set(found) == {c.key for c in columns} and all(any(c.matches(v) for c in columns) for v in written)


def form_kind(indicator_set: IndicatorSet) -> tuple[str, bool]:
    """A form's layout, and whether its rows are a funds block and target rows or the set's own indicators: a national
    framework's form read with self-evaluation is another kind of form, as a Sichuan one is (QA67 F4)."""
    return indicator_set.form.layout, bool(indicator_set.form.funds or indicator_set.form.targets)


def refused_values(reading: FormReading, not_applicable: dict[str, str]) -> list[Problem]:
    """What the set's declarations refuse among the values of a form that could not be read whole (a yes-or-no fact given
    a number…), each on its cell: said with the cells that could not be read, so that the form comes back once, not a
    second time for these (QA33 F2). Only facts read from a cell: one missing, or a group missing a row that could not be
    read, follows from the cells already said."""
    from ..facts import Facts, check_facts  # the checks of scoring, made early only for a form that is refused anyway

    facts = Facts(values=reading.values, not_applicable=not_applicable, project=reading.project,
                  indicator_set=reading.set.id, source=str(reading.path))
    try:
        check_facts(reading.set, facts, frozenset(not_applicable))
    except FactsError as err:  # only a value read from its cell: a group missing the row that failed is no news
        return [dataclasses.replace(q, message=keeping_lists(f"{cell}: {q.message}", q.message), file=str(reading.path),
                                    line=None, column=None, path=None) for p in err.problems
                if p.hint != ADD_THE_FACT and (cell := reading.provenance.get(p.fact or "")) is not None
                for q in (yes_or_no(p, reading.set),)]
    return []


#: The sheets of the 评分表 report `score --format xlsx` writes in the scoresheet layout (reports/xlsx.py): a report, not a
#: form to fill, and no 自评表 to read back (QA36 F5: read as one, it gave 47 missing facts to add to a sheet it lacks).
_SCORE_SHEET_REPORT = ("评分表", "一级指标汇总", "事实与来源")


def refuse_score_sheet(sheets: list[Sheet], source: str) -> None:
    """FactsError when the workbook is the 评分表 report the tool writes, said as such."""
    names = [s.name for s in sheets]  # 评分表 and another of its sheets: one renamed or deleted is still the report
    if _SCORE_SHEET_REPORT[0] in names and any(name in names for name in _SCORE_SHEET_REPORT[1:]):
        raise FactsError(Problem("this workbook is a 评分表 report written by scoring-engine, not a filled 自评表",
                                 file=source, hint="score the facts file it was written from; a report written with "
                                                   "--layout selfeval is a 自评表, which reads back"))


def yes_or_no(problem: Problem, indicator_set: IndicatorSet) -> Problem:
    """A yes-or-no fact's problem said for a form, where the clerk types 是 or 否, not true or false (QA35 F5)."""
    spec = indicator_set.facts.get(problem.fact or "")
    if spec is not None and spec.type == "boolean" and problem.hint == _TRUE_OR_FALSE:
        return dataclasses.replace(problem, message=problem.message.replace("expected true or false", "expected 是 or 否"),
                                   hint="write 是 or 否")
    return problem


_TRUE_OR_FALSE = "write true or false without quotes"  # facts.py's hint for a facts file's yes-or-no fact


#: What a form's reason cell holds when no reason is given.
_NO_REASON = frozenset({"", "—", "——", "-", "--", "/", "无", "暂无", "未说明", "n/a", "na", "没有", "不适用"})


def says_something(text: str) -> bool:
    """Whether a reason cell says anything: not a dash nor 无 (无。, N/A, 暂无 and full-width forms too)."""
    bare = unicodedata.normalize("NFKC", text).strip().rstrip("。.；;，,").strip().lower()
    return bare not in _NO_REASON
