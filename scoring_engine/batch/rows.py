"""One project of a batch as the summaries need it: a small record built from its Result, or the problems it failed with.

A Result carries the whole audit trail; the batch outputs need a fraction of it (project details, total, grade, each
indicator's score and reason, the warnings count, the 需说明 flags, the grade's consequence and the budget it concerns).
Building the record where the project is scored keeps what crosses between processes, and what a summary holds, small.
Summaries that show no reasons build it from `scores_only` (scores_row), without the audit trail."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import field, fields, replace
from functools import cached_property
from decimal import Decimal
from pathlib import PurePath
from typing import Any, NamedTuple, TypedDict, cast

from .._arith import CONTEXT, percent, plain
from .._frozen import made_frozen
from .._later import Later, given
from .._record import record
from .._text import without_surrogates
from ..audit import AuditTrail, Brief
from ..errors import Problem, ScoringError
from ..facts import Facts
from ..model import Indicator, IndicatorSet
from ..result import Result, Scores
from .categories import row_groups, target_rows
from .duplicates import same_id
from ..forms.scored_rate import not_applicable_in, scored_rate
from .explained import below, reason_given
from .matching import parts


__all__ = ["IndicatorRow", "ProjectRow", "SetShape", "project_row", "scores_row", "failed_row", "PROJECT_KEYS",
           "DEFAULT_EXECUTION_RATE", "DEFAULT_GRADE_SHARE", "BUDGET_ROW", "BUDGET_COLUMN"]

#: The project details a summary shows, from the facts file's "project" section.
PROJECT_KEYS = ("id", "name", "unit", "department", "year")
#: Without explain_when in the set: 预算执行率 below this must be explained (Sichuan: 未达到90%的需说明原因).
DEFAULT_EXECUTION_RATE = Decimal("0.9")
#: Without explain_when in the set: a grade starting below this share of the total must be explained
#: (财预〔2020〕10号 第十八条 puts 中 and 差 below 80 of 100).
DEFAULT_GRADE_SHARE = Decimal("0.8")
_EXECUTION_NAMES, _EXECUTION_LABEL = ("execution_rate",), "预算执行率"
#: Where a set's form names the year's budget (全年预算数): the funds block's row and column; and its 全年执行数.
BUDGET_ROW, BUDGET_COLUMN, PAID_COLUMN = "total", "budget", "paid"
_BUDGET_FACT, _PAID_FACT = "budget.total", "budget.paid"  # where a set without a form's funds block keeps them
# What one of each unit of money is in 万元, the unit of 结果应用's amounts (exact: a power of ten)
_IN_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "百万元": Decimal(100), "亿元": Decimal(10000)}


@record
class IndicatorDifference:
    """One indicator's score in the other batch and this score minus it, and its weight there (another set, or a re-check
    that found it not applicable, may weigh it otherwise); `missing`: the other side has no such indicator (0 there)."""

    score: Decimal
    difference: Decimal
    weight: Decimal | None = None
    name: str | None = None  # the other side's name of a target row paired by its id, where it was renamed
    missing: bool = False


#: `Comparison.against` for a re-check of the same projects (--compare-with); else the other set's id (--compare-set).
RECHECK = "复核"


@record
class Comparison:
    """This project against its counterpart in the other batch (`against`: "复核" or the other set's id)."""

    against: str
    source: str  # where the counterpart came from
    total: Decimal
    grade: str
    difference: Decimal
    grade_dropped: bool
    flagged: bool
    reasons: tuple[str, ...]
    indicators: Mapping[str, IndicatorDifference]
    # the counterpart's indicators this project's set does not have (another set that adds one, a re-check with more
    # target rows): their difference is in `indicators`, their names here for the rows that show them
    others: tuple[IndicatorRow, ...] = ()
    precision: int = 2  # the decimals of the other side's set: its total and scores are shown with them
    set_sha256: str = ""  # the other side's set's (--compare-set: told apart from an edited copy of one id and version)
    caps: tuple[str, ...] = ()  # what each cap that lowered the other side's total or grade says (QA307 2)

    @property
    def to_explain(self) -> bool:
        """Whether the flag puts the project on 需说明: a re-check's does (得分虚高 is the unit's to explain); a second
        set's does not, since what moved the score or the grade is that set's weights or grade lines, not the project."""
        return self.flagged and self.against == RECHECK


class IndicatorRow(NamedTuple):  # a tuple: a project has dozens, made, pickled and read many times faster than a dataclass's
    """One indicator of one project: the weight used, the score and the reason as the result gives them."""

    id: str
    name: str
    level: int
    weight: Decimal
    score: Decimal
    reason: str
    # False for a row of the project's own target table (children_from): not the same indicator across projects
    in_set: bool = True
    category: str = ""  # such a row's 二级 category (数量指标), as the project writes it

    @property
    def rate(self) -> Decimal | None:
        """得分率: score ÷ weight, or None for an indicator of weight 0."""
        return CONTEXT.divide(self.score, self.weight) if self.weight else None  # whatever context the reader has set


@record
class ProjectRow:
    """One project of a batch: where it came from, what it scored, or why it could not be scored.

    `index` is its place in the input (outputs keep input order); `batch` names
    the second batch of a comparison ("复核", or the other set) and is empty for
    the main one. A failed project has `problems` (one line each) and no total.
    """

    index: int
    source: str
    file: str = ""  # the document's path below its input folder (Document.name)
    project: Mapping[str, str] = field(default_factory=dict)
    set_id: str = ""
    set_name: str = ""
    set_version: str = ""
    set_sha256: str = ""  # two sets of one id and version (a county's edited copy) are told apart by it
    precision: int = 2
    max_total: Decimal = Decimal(100)
    grades: tuple[str, ...] = ()  # the set's grade labels, highest first
    grade_lines: tuple[Decimal, ...] = ()  # the lower line of each, out of max_total
    total: Decimal | None = None
    grade: str | None = None
    indicators: tuple[IndicatorRow, ...] = ()
    warnings: int = 0
    flags: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    problems_zh: tuple[str, ...] = ()  # the same lines in Chinese, for the command line of a Chinese run
    internal: bool = False  # failed on a bug of the engine, not on its input
    batch: str = ""
    compare: Comparison | None = None
    consequence: str | None = None  # 结果应用: what the set attaches to the grade
    budget: Decimal | None = None  # the year's budget (万元), when the consequence names a share of it and the set names the fact
    compare_failed: str = ""  # the source of the re-check (or of the other set's scoring) found and not scored
    compare_set: str = ""  # the set (id version) of the re-check found for this project, when it is not the project's
    recheck_elsewhere: str = ""  # the year of the project that took its id's re-check without a year (QA117 F6)
    recheck_taken: str = ""  # the project of its id and year read first, which took their re-check (QA307 7)
    compare_same: bool = False  # scored under the --compare-set itself: not compared with itself (QA334 F8)
    recheck_unscored: tuple[str, Decimal, str] | None = None  # a scored re-check of this failed project: source, total, grade
    said: tuple[Any, ...] = ()  # its 提示: the result's ScoreWarnings, then a form's reading Problems (each .text("zh"))
    form_total: Decimal | None = None  # the 总分 the unit typed on its filled form, where it typed one
    # its funds where the set gives them (`SetShape.funds`): 预算数, 执行数, 预算执行率, for 汇总 and a 自评总结报告's totals
    budget_total: Decimal | None = None
    budget_paid: Decimal | None = None
    execution_rate: Decimal | None = None
    funds_unit: str = ""  # the unit the set declares for its 预算数 (万元)
    rate_elsewhere: bool = False  # its funds indicator scored on 执行数 ÷ another base than 预算数 (QA324 F1)

    __hash__ = None  # type: ignore[assignment]  # unhashable, said of ProjectRow, as an Outcome (QA180 F6)

    def __repr__(self) -> str:  # short, as a Result's: every field was some 4,300 characters (QA180 F6)
        return f"ProjectRow(index={self.index!r}, source={self.source!r}, total={self.total!r}, grade={self.grade!r})"

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        """The project's name, else its file name."""
        return self.project.get("name") or PurePath(self.source).name

    @property
    def form_places(self) -> int:
        """The decimals 表上总分 and its difference are shown with: the set's, or the typed total's where it has more
        (99.995 is no 100.00, 83.449999999 no 83.450000 beside a difference of 0: QA237 1; a cell holds 15 digits)."""
        exponent = self.form_total.normalize().as_tuple().exponent if self.form_total is not None else 0
        return max(self.precision, -exponent if isinstance(exponent, int) else 0)

    @property
    def id_key(self) -> str:
        """The project's id as a re-check is matched by it ("" for none): spaces, full-width aside (case: `Recheck`)."""
        return same_id(self.project.get("id") or "")

    def path_parts(self, exact: bool = False) -> tuple[str, ...]:
        """The folders and file name of its document's path ("/…/单位甲/p1.json", a JSONL line's "…/p.jsonl:17"): what a
        re-check without an id is matched by (`matching`); as written (`exact`), where names compared case-blind tie."""
        return parts(self.file or PurePath(self.source).name, exact)

    @property
    def grade_rank(self) -> int | None:
        """0 for the set's highest grade, 1 for the next…"""
        return self.grades.index(self.grade) if self.grade in self.grades else None

    @property
    def set_key(self) -> tuple[str, str, str]:
        return self.set_id, self.set_version, self.set_sha256

    def tops(self) -> tuple[IndicatorRow, ...]:
        """The 一级 indicators."""
        return tuple(i for i in self.indicators if i.level == 1)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled for every project (into the rows file a batch reads back for each output, and from worker processes):
        # as a tuple of its fields with each Decimal as its text, which pickle writes and reads several times faster
        # than the dataclass and its Decimals. The text gives the Decimal back exactly, digits and exponent.
        state = self.__dict__
        values = [state[name] for name in _ROW_FIELDS]
        for i in _ROW_DECIMALS:
            values[i] = _as_text(values[i])
        values[_ROW_LINES] = tuple(map(_as_text, values[_ROW_LINES]))
        values[_ROW_INDICATORS] = tuple((i.id, i.name, i.level, _as_text(i.weight), _as_text(i.score), i.reason, i.in_set,
                                         i.category) for i in self.indicators)
        return _unpickled_row, (tuple(values),)

    def with_compare(self, comparison: Comparison | None) -> ProjectRow:
        return self if comparison is None and self.compare is None else _changed(self, compare=comparison)

    def summary_only(self) -> ProjectRow:
        """The row without the indicators below 一级: what the summaries need once the details are written."""
        compare = replace(self.compare, indicators={}, others=()) if self.compare is not None else None
        return _changed(self, indicators=self.tops(), compare=compare)


_ROW_FIELDS = tuple(f.name for f in fields(ProjectRow))
_ROW_DEFAULTS = {f.name: f.default for f in fields(ProjectRow)}  # index, source and project have none: always given


def _row(**given: Any) -> ProjectRow:  # ProjectRow(**given), for every project, without a frozen __init__'s setattr per field
    return made_frozen(ProjectRow, {**_ROW_DEFAULTS, **given})


def _changed(row: ProjectRow, **changes: Any) -> ProjectRow:  # replace(row, **changes), likewise
    return made_frozen(ProjectRow, {**row.__dict__, **changes})
_ROW_DECIMALS = tuple(_ROW_FIELDS.index(name) for name in ("max_total", "total", "budget", "form_total", "budget_total",
                                                            "budget_paid", "execution_rate"))
_ROW_INDICATORS, _ROW_LINES = _ROW_FIELDS.index("indicators"), _ROW_FIELDS.index("grade_lines")


def _as_text(value: Any) -> Any:
    return str(value) if type(value) is Decimal else value


def _as_number(value: Any) -> Any:
    if type(value) is not str:
        return value
    number = _NUMBERS.get(value)
    if number is None:
        if len(_NUMBERS) >= _MOST_NUMBERS:
            _NUMBERS.clear()
        number = _NUMBERS[value] = Decimal(value)
    return number


# The Decimal of each text read back, shared (a Decimal never changes): the same weights and scores recur in every row.
_NUMBERS: dict[str, Decimal] = {}
_MOST_NUMBERS = 10_000
_new_tuple = tuple.__new__


def _unpickled_row(values: tuple[Any, ...]) -> ProjectRow:
    """A ProjectRow from what its __reduce__ gave."""
    state = dict(zip(_ROW_FIELDS, values, strict=True))
    for i in _ROW_DECIMALS:
        name = _ROW_FIELDS[i]
        state[name] = _as_number(state[name])
    number = _as_number
    state["grade_lines"] = tuple(map(number, state["grade_lines"]))
    # each IndicatorRow made as its generated __new__ makes it, a frame less
    state["indicators"] = tuple(_new_tuple(IndicatorRow, (key, name, level, number(weight), number(points), reason, in_set,
                                                          category))
                                for key, name, level, weight, points, reason, in_set, category in values[_ROW_INDICATORS])
    row = object.__new__(ProjectRow)
    row.__dict__.update(state)  # as pickle itself restores a dataclass: its fields, without __init__
    return row


@record
class SetShape:
    """What the rows of one set's projects take from the set, worked out once per set.

    Its indicators as (id, name, level), depth first; its grade labels; where the default rule finds the 预算执行率
    (derived values, then facts, named execution_rate or labelled 预算执行率); the fact of the year's budget (预算数,
    `_funds_facts`), which 结果应用 takes a share of; the consequence of each grade.
    """

    set: IndicatorSet
    nodes: tuple[tuple[str, str, int], ...]
    ids: frozenset[str]
    grades: tuple[str, ...]
    rate_derived: tuple[str, ...]
    rate_facts: tuple[str, ...]
    budget_fact: str | None
    funds: tuple[str | None, str | None]  # the facts of the year's 预算数 and 执行数: the form's, else budget.total and .paid
    consequences: Mapping[str, str]  # grade label → consequence (结果应用)
    row_fields: Mapping[str, Any]  # what every row of the set has: its id, name, version, precision, total and grades
    row_groups: tuple[tuple[str, str, int], ...] = ()  # (id, fact, level) of each group of target rows (categories.py)

    @classmethod
    def of(cls, indicator_set: IndicatorSet) -> SetShape:
        nodes: list[tuple[str, str, int]] = []

        def add(indicator: Indicator, level: int) -> None:
            nodes.append((indicator.id, indicator.name, level))
            for child in indicator.children:
                add(child, level + 1)

        for top in indicator_set.indicators:
            add(top, 1)
        s = indicator_set
        grades = tuple(g.label for g in s.grades)
        return cls(s, tuple(nodes), frozenset(n[0] for n in nodes), grades,
                   tuple(d.name for d in s.derived if _is_rate(d.name, d.label)),
                   tuple(name for name, spec in s.facts.items() if _is_rate(name, spec.label)),
                   _funds_facts(s)[0], _funds_facts(s),
                   {g.label: g.consequence for g in s.grades if g.consequence},
                   {"set_id": s.id, "set_name": s.name, "set_version": s.version, "set_sha256": s.sha256,
                    "precision": s.precision, "max_total": s.total, "grades": grades,
                    "grade_lines": tuple(g.min for g in s.grades), "funds_unit": _unit(s)},
                   row_groups(s))

    @cached_property
    def rate_names(self) -> tuple[str, ...]:
        """Where the 预算执行率 is: the derived values, then the facts, named execution_rate or labelled 预算执行率."""
        return (*self.rate_derived, *self.rate_facts)

    @cached_property
    def rate_conditions(self) -> frozenset[str]:
        """The set's 需说明 conditions that read the 预算执行率 or the funds facts, as written (a Flag's expression)."""
        read = {*self.rate_names, *(name for name in self.funds if name)}
        return frozenset(r.formula.text for r in self.set.explain_when if r.formula is not None and r.formula.names & read)

    def budget_needed(self, grade: str) -> bool:
        """Whether a project of `grade` needs its budget: the grade has a consequence (whether or not its words name a
        share: 按一定比例核减 is applied to that budget all the same; QA34 F6), and the set names the fact."""
        return grade in self.consequences and self.budget_fact is not None


def _unit(s: IndicatorSet) -> str:
    name = _funds_facts(s)[0]
    spec = s.facts.get(name) if name else None
    return spec.unit or "" if spec is not None else ""


def _funds_facts(s: IndicatorSet) -> tuple[str | None, str | None]:
    """The facts that hold the year's 预算数 and 执行数: the form's funds block's totals, else the facts budget.total and
    budget.paid (the names every bundled set gives them), where the set declares them."""
    row = s.form.funds.get(BUDGET_ROW, {})
    budget, paid = row.get(BUDGET_COLUMN), row.get(PAID_COLUMN)
    return (budget or (_BUDGET_FACT if _BUDGET_FACT in s.facts else None),
            paid or (_PAID_FACT if _PAID_FACT in s.facts else None))


def _briefs(result: Result) -> Iterable[Brief]:
    """(id, name, level, weight, score, reason) of each indicator, depth first: from the audit trail while the result
    has not made its indicator results (making them costs more than the rows need), else from those results."""
    tree = given(result, "indicators")
    waiting = tree.pending() if isinstance(tree, Later) else None
    if waiting and isinstance(waiting[0], AuditTrail):
        return waiting[0].briefs()
    return ((n.id, n.name, n.level, n.weight, n.score, n.reason) for n in result.walk())


_NO_ROW = ("", 0, "")  # a leaf of no target row the values give


def _is_rate(name: str, label: str | None) -> bool:
    return name in _EXECUTION_NAMES or label == _EXECUTION_LABEL


def project_row(index: int, source: str, result: Result, shape: SetShape, batch: str = "", file: str = "",
                form_total: Decimal | None = None) -> ProjectRow:
    """The record of a scored project from its Result: every indicator with its reason, a target table's rows too."""
    ids = shape.ids
    values = _scored_values(result)
    rows = target_rows(shape.row_groups, values) if shape.row_groups else {}
    indicators = tuple(IndicatorRow(*brief) if brief[0] in ids else IndicatorRow(*brief, False, rows.get(brief[0], _NO_ROW)[2])
                       for brief in _briefs(result))
    funds = _funds(shape, values, not_applicable_in(result))
    return _row(index=index, source=source, file=file, project=project_details(result.project), total=result.total,
                      grade=result.grade, indicators=indicators, warnings=len(result.warnings), said=result.warnings,
                      flags=_flags(shape, result.flags, result.grade, funds["execution_rate"], values), batch=batch,
                      consequence=shape.consequences.get(result.grade), budget=_budget(shape, result.grade, values),
                      form_total=form_total, **funds, **shape.row_fields)


def scores_row(index: int, source: str, scores: Scores, facts: Facts, shape: SetShape, batch: str = "",
               file: str = "", form_total: Decimal | None = None) -> ProjectRow:
    """The record of a scored project from its scores alone (`scores_only`): the set's indicators, without reasons.

    What the summaries need (the 汇总, 统计 and page figures), at a fraction of the cost of the audit trail; a target
    table's rows with their category, for the 二级 analysis.
    """
    score_of, weight_of = scores.scores, scores.weights
    if shape.row_groups:  # with the target rows (for their categories), in the order scored
        nodes, rows = {key: (name, level) for key, name, level in shape.nodes}, target_rows(shape.row_groups, scores.values)
        indicators = tuple(IndicatorRow(key, *nodes[key], weight_of[key], points, "") if key in nodes else
                           IndicatorRow(key, *rows[key][:2], weight_of[key], points, "", False, rows[key][2])
                           for key, points in score_of.items() if key in nodes or (key in rows and key in weight_of))
    else:
        indicators = tuple(IndicatorRow(key, name, level, weight_of[key], score_of[key], "") for key, name, level in shape.nodes)
    funds = _funds(shape, scores.values, facts.not_applicable)
    return _row(index=index, source=source, file=file, project=project_details(facts.details()), total=scores.total,
                      grade=scores.grade, indicators=indicators, warnings=len(scores.warnings), said=scores.warnings,
                      flags=_flags(shape, scores.flags, scores.grade, funds["execution_rate"], scores.values), batch=batch,
                      consequence=shape.consequences.get(scores.grade), budget=_budget(shape, scores.grade, scores.values),
                      form_total=form_total, **funds, **shape.row_fields)


def failed_row(index: int, source: str, problems: tuple[Problem, ...], internal: bool = False, batch: str = "",
               project: Mapping[str, Any] | None = None, file: str = "") -> ProjectRow:
    """The record of a project that could not be scored: one line per problem."""
    # a fact's name quoted in a problem may hold a lone surrogate ("b\ud800" in a JSON key): every output holds its escape
    return _row(index=index, source=source, file=file, project=project_details(project or {}),
                      problems=tuple(without_surrogates(str(p)) for p in problems),
                      problems_zh=tuple(without_surrogates(p.text("zh")) for p in problems), internal=internal, batch=batch)


def project_details(project: Mapping[str, Any]) -> dict[str, str]:
    """The project keys a summary shows, as text. A value is tested by its kind, not compared: pandas' NA, refused as a
    detail, says its comparisons are no true or false (QA156 F5)."""
    return {k: plain(v) if isinstance(v, Decimal) else str(v) for k in PROJECT_KEYS
            if (v := project.get(k)) is not None and not (isinstance(v, str) and not v)}


def _flags(shape: SetShape, flags: tuple[Any, ...], grade: str, rate: Decimal | None,
           values: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """需说明: the flags of the set's explain_when; for a set that does not write it, the usual rule.

    The usual rule: a grade that starts below 80% of the total (中 and 差 in the national scheme), or a 预算执行率
    (`rate`) below 90% where the set has one (a derived value or fact named execution_rate or labelled 预算执行率).
    """
    indicator_set = shape.set
    # a set that writes explain_when, even empty (it requires no explanation: QA116 F4), has only its own; a condition
    # on the rate (or the funds) ends with the reason the unit gave for it
    if indicator_set.explain_when_written:
        said = [(f.text("zh") if f.zh else str(f), f.expression in shape.rate_conditions) for f in flags]  # by labels
        return tuple(text + reason_given(indicator_set, values or {}) if on_rate else text for text, on_rate in said)
    found = []
    limit = indicator_set.total * DEFAULT_GRADE_SHARE
    named = next((g for g in indicator_set.grades if g.label == grade), None)
    if named is not None and named.min < limit:
        found.append(f"评价结果为{grade}，需说明原因（默认规则：{plain(limit)}分以下的等级）")
    if rate is not None and rate < DEFAULT_EXECUTION_RATE:
        found.append(f"预算执行率{below(rate, DEFAULT_EXECUTION_RATE)}，低于{percent(DEFAULT_EXECUTION_RATE, 0)}，需说明原因"
                     f"（默认规则）{reason_given(indicator_set, values or {})}")
    return tuple(found)


def _scored_values(result: Result) -> Mapping[str, Any]:
    """The fact and derived values `result` was scored with, by name: those its facts section is made from, while it is
    not made yet (making it costs more than the two values a row reads), else its facts and derived values as made."""
    section = given(result, "facts")
    waiting = section.pending() if isinstance(section, Later) else None
    if waiting:  # Later(fact_values, indicator_set, values)
        return cast("Mapping[str, Any]", waiting[1])
    return {**{f.name: f.value for f in result.facts}, **{d.name: d.value for d in result.derived}}


def _budget(shape: SetShape, grade: str, values: Mapping[str, Any]) -> Decimal | None:
    """The year's budget in 万元 when the grade's consequence needs it (None when the set or the project gives none, or
    the set names no unit, or one of no known size: an amount is never made up): 结果应用 adds every set's budgets."""
    if not shape.budget_needed(grade):
        return None
    found = _value(values, shape.budget_fact or "")
    spec = shape.set.facts.get(shape.budget_fact or "")
    per_wan = _IN_WAN.get(spec.unit or "") if spec is not None else None
    return found * per_wan if isinstance(found, Decimal) and per_wan is not None else None


class Funds(TypedDict):
    budget_total: Decimal | None
    budget_paid: Decimal | None
    execution_rate: Decimal | None
    rate_elsewhere: bool


def _funds(shape: SetShape, values: Mapping[str, Any], not_applicable: Collection[str]) -> Funds:
    """The project's 预算数, 执行数 and 预算执行率 (the set's own, a derived value or fact named execution_rate or labelled
    预算执行率), each None where the set or the project gives none; and whether its funds indicator was scored on another
    base than 预算数, as its form says under the funds block (forms/scored_rate.py)."""
    budget, paid = (_value(values, name) if name else None for name in shape.funds)
    rate = next((v for name in shape.rate_names if isinstance(v := _value(values, name), Decimal)), None)
    return Funds(budget_total=budget if isinstance(budget, Decimal) else None, execution_rate=rate,
                 budget_paid=paid if isinstance(paid, Decimal) else None,
                 rate_elsewhere=scored_rate(shape.set, values, not_applicable) is not None)


def _value(values: Mapping[str, Any], name: str) -> Any:
    """A fact or derived value by name; None when it has none, or failed."""
    try:
        return values.get(name)
    except ScoringError:  # a derived value that could not be computed
        return None



