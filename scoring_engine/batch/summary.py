"""Statistics over a batch, gathered one project at a time in memory that does not grow with the batch.

Per indicator set: count, mean, median, lowest and highest total, the grade
distribution, a histogram of totals and the mean 得分率 of each indicator (the
lowest are where points are lost). Across the batch: failures, 需说明 counts,
units and departments ranked by mean total, the ten best and worst projects,
the comparison figures, and 结果应用 (each grade's consequence, per
department and unit, with the budgets concerned: consequences.py), the funds (预算执行情况, and the
预算数 of each grade: funds.py). Totals are kept as a count per distinct total (at
most total × 10^precision + 1 of them), so the median is exact.

>>> from decimal import Decimal
>>> from scoring_engine.batch.rows import ProjectRow
>>> rows = [ProjectRow(index=i, source=f"{i}.json", set_id="s", grades=("优", "良", "中", "差"), total=Decimal(t), grade=g)
...         for i, (t, g) in enumerate([("91", "优"), ("85.5", "良"), ("72", "中")])]
>>> summary = summarise(rows)
>>> s = summary.sets[0]
>>> s.count, s.mean, s.median, s.lowest, s.highest
(3, Decimal('82.83'), Decimal('85.50'), Decimal('72'), Decimal('91'))
>>> [(g.label, g.count) for g in s.grades]
[('优', 1), ('良', 1), ('中', 1), ('差', 0)]
>>> [(p.rank, str(p.total)) for p in summary.best]
[(1, '91'), (2, '85.5'), (3, '72')]
"""

from __future__ import annotations

import dataclasses
import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import field
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from .._arith import ZERO, cut_mean, in_engine_context, round_half_up
from .._text import path_shown
from .._record import record
from .consequences import ConsequenceCount, ConsequenceTally
from .duplicates import UNMATCHED_NOTES as _NOTES, Duplicate, IdTally, same_year
from .funds import Funds, FundsTally
from .categories import CategoryStat, CategoryTally, add_rate, mean_rate
from .ranking import Names, Ranked, count, ranked, told_apart, unscored
from .rows import RECHECK, IndicatorRow, ProjectRow

__all__ = ["summarise", "Summariser", "Summary", "SetSummary", "GradeCount", "Bin", "IndicatorStat", "Ranked", "Placed", "Funds",
           "CategoryStat", "Unmatched", "HISTOGRAM_BINS", "RANKED", "SHOWN_PROBLEMS"]

HISTOGRAM_BINS = 10  # bins of the histogram of totals (each a tenth of the set's total)
RANKED = 10  # how many best and worst projects the summary names
#: Error lines of failed projects the summary keeps for the command line (the outputs list them all).
SHOWN_PROBLEMS = 20
# The fewest decimals a mean, a median or a mean difference of scores is shown with: a mean is not a score, and at
# precision 0 a county's mean of 77.54 shown as 78 would move a comparison with last year's by up to half a point.
MEAN_PLACES = 2
#: Distinct 年度 the summary keeps (a year is what a project writes: there is no bound but this one).
MOST_YEARS = 50


class Unmatched(NamedTuple):
    """A re-check that matched no project of the batch, as 统计, the page and the terminal name it."""

    source: str
    id: str
    year: str
    years: str  # the years the batch's projects of its id give (未填写 for none)
    differs: str = ""  # "name", "unit" or "other_year": the project its path meets gives another (QA117 F3, QA235 1);
    # "self": is it (QA120 F2); "duplicate", "tied": the re-check read first of its id, or as near by path, took it (QA175 F2);
    # "year": it gives no year, and the re-check of the project's year took the project (QA180 F8); _NOTES's others, QA307 4
    near: str = ""  # that project's source (that re-check's),
    ours: str = ""  # its name or unit (the project's source, where tied; the project's year, for "year"),
    theirs: str = ""  # and the re-check's

    @property
    def note(self) -> str:
        """Why it was not compared, where the batch can say (说明)."""
        if self.differs in _NOTES:
            return _NOTES[self.differs].format(near=self.near, ours=self.ours, theirs=self.theirs)
        if self.differs:
            what = {"name": "项目名称", "unit": "实施单位"}.get(self.differs, "年度")
            return f"按文件路径对应本批次{self.near}，但{what}不同（复核为{self.theirs}，本批次为{self.ours}），未比较"
        return ""



@record
class GradeCount:
    label: str
    count: int
    share: Decimal  # of the set's scored projects, 0–1
    budgeted: int = 0  # of its projects, those that give their 预算数 (where the set reads one)
    budget: Decimal = ZERO  # their 预算数 added up: the funds the grade concerns (涉及资金), in the set's funds_unit


@record
class Bin:
    """Totals from `low` (inclusive) to `high` (exclusive, inclusive for the last bin)."""

    low: Decimal
    high: Decimal
    count: int


@record
class IndicatorStat:
    """One indicator across the projects that have it (`count`): mean score and mean 得分率 (score ÷ weight), both over
    the projects that score it (`scored`: a project where it does not apply, weight 0, is left out of both)."""

    id: str
    name: str
    level: int
    count: int
    mean_score: Decimal | None  # None, as the rate, when it applies to no project (weight 0 in every one)
    mean_rate: Decimal | None
    scored: int = 0  # the projects the means are over: `count` less those where it does not apply (QA41 F6)
    weights_vary: bool = False  # rescaled in some projects: mean_score mixes weights, only mean_rate compares (QA235 2)


@record
class SetSummary:
    """The statistics of the projects scored under one indicator set."""

    set_id: str
    set_name: str
    set_version: str
    precision: int
    max_total: Decimal
    count: int
    mean: Decimal
    median: Decimal
    lowest: Decimal
    highest: Decimal
    grades: tuple[GradeCount, ...]
    histogram: tuple[Bin, ...]
    indicators: tuple[IndicatorStat, ...]  # in the order of the set
    flagged: int
    set_sha256: str = ""
    same_named: bool = False  # another set of the batch has this id and version (an edited copy): told by its sha256
    funds_unit: str = ""  # the unit the set declares for its 预算数 (万元)
    categories: tuple[CategoryStat, ...] = ()  # each 二级 category of its target rows (categories.py), as first met

    @property
    def mean_places(self) -> int:
        """Decimals of its mean, median and indicators' mean scores (the lowest and highest are scores: `precision`)."""
        return max(self.precision, MEAN_PLACES)

    @property
    def budget(self) -> Decimal:
        """The 预算数 of the set's projects that give one, added up: what each grade's budget is a share of."""
        return sum((g.budget for g in self.grades), ZERO)

    @property
    def version_shown(self) -> str:
        """The version as the outputs name the set: with the start of its sha256 when another set has its id and version."""
        return f"{self.set_version}，sha256 {self.set_sha256[:8]}" if self.same_named else self.set_version


@record
class Placed:
    """A project among the best or worst: enough to name it in a ranking."""

    index: int
    source: str
    name: str
    unit: str
    set_id: str
    total: Decimal
    grade: str
    places: int  # decimals of its set
    rank: int = 1  # 名次 among every project scored, by 得分率 (equal ones share it)
    max_total: Decimal = Decimal(100)  # its set's total: the 得分率 it is ranked by is total ÷ this


@record
class Summary:
    """What the batch writers print besides the per-project rows."""

    documents: int
    scored: int
    failed: int
    internal: int  # failed on a bug of the engine
    flagged: int  # projects on the 需说明 list: by the set's rules, or a re-check's flag (not a second set's)
    sets: tuple[SetSummary, ...]
    units: tuple[Ranked, ...]  # by mean total, highest first
    departments: tuple[Ranked, ...]
    best: tuple[Placed, ...]
    worst: tuple[Placed, ...]  # lowest first
    best_tied: int = 0  # projects as good as the last of the best that the list leaves out (a tie cut by the ten)
    worst_tied: int = 0  # the same for the worst
    unranked_units: int = 0  # projects that name no 实施单位: in no unit's ranking
    unranked_departments: int = 0  # projects that name no 主管部门
    unranked_units_department: int = 0  # projects naming their unit but no 主管部门 where others name one: in no ranking
    unranked_units_department_failed: int = 0  # the same, failed
    unread_units: int = 0  # failed projects whose 实施单位 is unknown (facts that could not be read): in no ranking
    unread_departments: int = 0  # the same for the 主管部门
    # units and departments none of whose projects could be scored: (主管部门, name, projects failed), in no ranking
    unscored_units: tuple[tuple[str, str, int], ...] = ()
    unscored_departments: tuple[tuple[str, str, int], ...] = ()
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # unit or department names spelt several ways: the others
    years: tuple[str, ...] = ()  # the 年度 the projects give (at most MOST_YEARS): more than one, and the figures mix years
    # the projects' 预算数 and 执行数 added up, where any gives them: one Funds per unit the sets declare (万元, 元),
    # amounts of two units never added together
    funds: tuple[Funds, ...] = ()
    places: int = 2  # decimals of the batch-wide means (the finest of its sets, MEAN_PLACES at least)
    compared: int = 0
    compare_flagged: int = 0
    mean_difference: Decimal | None = None
    against: str | None = None
    other_failed: int = 0  # projects of the compared batch that could not be scored
    other_set: int = 0  # re-checks scored under another set than their project's: not compared
    same_set: int = 0  # projects scored under the --compare-set itself: not compared with themselves (QA334 F8)
    unmatched: int = 0  # projects of the re-check batch that match no project of this one
    recheck_unscored: int = 0  # scored re-checks of projects this batch could not score: not compared
    unmatched_shown: tuple[Unmatched, ...] = ()  # the first SHOWN_UNMATCHED
    form_totals: int = 0  # filled forms whose 总分 the unit typed: 汇总 shows it beside the total scored
    form_totals_differ: int = 0  # of them, those where the two differ
    problem_lines: tuple[str, ...] = ()  # the first SHOWN_PROBLEMS error lines of failed projects
    problem_lines_zh: tuple[str, ...] = ()  # the same in Chinese; problem_lines_left: lines past them (in 问题 only)
    problem_lines_left: int = 0
    consequences: tuple[ConsequenceCount, ...] = ()  # 结果应用: the batch, then each 主管部门, then each unit
    consequences_left: tuple[tuple[str, int], ...] = ()  # (set name, projects): scored, their grade carries no 结果应用
    # reports an earlier run wrote in --reports DIR that this one did not write again (a project that failed now, or is
    # no longer an input): they stand beside this run's, with the earlier figures (QA57 F2); the first SHOWN_EARLIER
    earlier_reports: tuple[str, ...] = ()
    earlier_count: int = 0
    duplicated: int = 0  # project ids (in one year) that more than one document of the batch gives
    recheck_duplicated: int = 0  # the same in the re-check batch
    duplicates: tuple[Duplicate, ...] = ()  # the first of them, the batch's then the re-check's


@record(frozen=False)
class _SetTotals:
    row: ProjectRow  # the first project: the set's names, precision and grades
    totals: Counter[Decimal] = field(default_factory=Counter)
    grades: Counter[str] = field(default_factory=Counter)
    grade_budgets: dict[str, list[Any]] = field(default_factory=dict)  # grade → [projects that give a 预算数, its sum]
    indicators: dict[str, list[Any]] = field(default_factory=dict)  # id → [name, level, count, score sum, rate sum, rated]
    categories: CategoryTally = field(default_factory=CategoryTally)
    flagged: int = 0

    def add(self, row: ProjectRow, flagged: bool) -> None:
        """A scored project of the set: its total, grade and budget, and each indicator's score."""
        assert row.total is not None and row.grade is not None
        self.totals[row.total] += 1
        self.grades[row.grade] += 1
        if row.budget_total is not None:
            budgets = self.grade_budgets.setdefault(row.grade, [0, ZERO])
            budgets[0] += 1
            budgets[1] += row.budget_total
        self.flagged += flagged
        parents: dict[int, IndicatorRow] = {}  # level → the last indicator of the set met at that level
        for i in row.indicators:
            if not i.in_set:  # a project's own target row: no other project has it, and there may be millions
                self.categories.add(parents.get(i.level - 1), i, parents.get(1))  # but its 二级 category is in every project
                continue
            parents[i.level] = i
            stat = self.indicators.get(i.id)
            if stat is None:  # made once per indicator, not for every project as setdefault's argument is
                stat = self.indicators[i.id] = [i.name, i.level, 0, ZERO, {}, 0]
            stat[2] += 1
            if i.weight:  # one that does not apply (weight 0) is left out of both means
                stat[3] += i.score
                add_rate(stat[4], i.score, i.weight)
                stat[5] += 1


class Summariser:
    """Gathers a Summary from project rows given one at a time (the rows of a compared batch count only as failures)."""

    def __init__(self) -> None:
        self.documents = self.failed = self.internal = self.flagged = self.other_failed = 0
        self.sets: dict[tuple[str, str, str], _SetTotals] = {}
        # (主管部门, name) → [count, total sum, flagged, {the set's total: the sum of totals out of it}]
        self.units: dict[tuple[str, str], list[Any]] = {}
        self.departments: dict[tuple[str, str], list[Any]] = {}
        self.unranked_units = self.unranked_departments = 0
        self.unread: Counter[str] = Counter()  # "units", "departments" → failed projects naming none
        self.failed_in: dict[str, Counter[tuple[str, str]]] = {"units": Counter(), "departments": Counter()}
        # (得分率, -index, -arrival, project): rows merged from several score_many runs may share an index.
        self.best: list[tuple[Decimal, int, int, Placed]] = []
        self.worst: list[tuple[Decimal, int, int, Placed]] = []
        self.rates: Counter[Decimal] = Counter()  # each project's 得分率, for the 名次 (there are as many as distinct totals)
        self.arrived = 0
        self.years: set[str] = set()
        self.funds = FundsTally()
        self.compared = self.compare_flagged = self.other_set = self.same_set = 0
        self.difference = ZERO
        self.against: str | None = None
        self.unmatched = self.recheck_unscored = 0
        self.unmatched_shown: tuple[Unmatched, ...] = ()
        self.form_totals = self.form_totals_differ = 0
        self.problem_lines: list[str] = []
        self.problem_lines_zh: list[str] = []
        self.problem_lines_left = 0  # lines past SHOWN_PROBLEMS: one project may fill them all (QA201 1)
        self.consequences = ConsequenceTally()
        self.ids = IdTally()
        self.recheck_ids: IdTally | None = None  # the re-check batch's, given when it is done
        self.names = Names()  # each unit and department under one name, however its projects spell it (QA34 F1)

    @in_engine_context  # the caller's decimal context cannot change a sum
    def add(self, row: ProjectRow) -> None:
        if not row.ok:
            room = SHOWN_PROBLEMS - len(self.problem_lines)
            batch = ("(re-check) " if row.batch == RECHECK else f"(the set {row.batch}) ", f"（{row.batch}）")  # QA175 F4
            for lines, own, of in ((self.problem_lines, row.problems, batch[0]),
                                   (self.problem_lines_zh, row.problems_zh or row.problems, batch[1])):
                shown = path_shown(row.source)  # as a problem names its file: a line break as \\n (QA332 F8)
                named = [line if line.startswith((row.source, shown)) else f"{shown}: {line}" for line in own[:max(room, 0)]]
                lines += [of + line if row.batch else line for line in named]
            self.problem_lines_left += len(row.problems) - min(len(row.problems), max(room, 0))
        if row.batch:
            self.other_failed += not row.ok
            return
        self.ids.add(row.project, row.source)
        self.documents += 1
        if not row.ok:
            self.failed += 1
            self.internal += row.internal
            department, unit = self.names.of(row.project.get("department")), self.names.of(row.project.get("unit"))
            for table, key in (("units", (department, unit)), ("departments", ("", department))):
                if key[1]:
                    self.failed_in[table][key] += 1  # a unit's forms that failed: its ranking counts them apart
                else:
                    self.unread[table] += 1  # said under the ranking
            return
        assert row.total is not None and row.grade is not None
        totals = self.sets.get(row.set_key)
        if totals is None:  # the set's first project (not made for every row, as setdefault's argument is)
            totals = self.sets[row.set_key] = _SetTotals(row)
        # on the 需说明 list: by the set's own rules, or flagged by a re-check
        flagged = bool(row.flags) or (row.compare is not None and row.compare.to_explain)
        totals.add(row, flagged)
        self.flagged += flagged
        department, unit = self.names.of(row.project.get("department")), self.names.of(row.project.get("unit"))
        self._rank(row, flagged, department, unit)
        self._place(row)
        self.funds.add(row)
        if row.consequence:
            self.consequences.add(row.consequence, row.grade, row.grade_rank or 0, row.budget, department, unit)
        else:  # said beside 全部项目, which counts only the projects with a consequence (QA259 F1)
            self.consequences.leave_out(row.set_name or row.set_id)
        if row.form_total is not None:
            self.form_totals += 1
            self.form_totals_differ += row.total != row.form_total  # as 汇总 shows it, with the typed total's decimals
        self.other_set += bool(row.compare_set)
        self.same_set += row.compare_same
        if row.compare is not None:
            self.against = self.against or row.compare.against
            self.compared += 1
            self.compare_flagged += row.compare.flagged
            self.difference += row.compare.difference

    def _rank(self, row: ProjectRow, flagged: bool, department: str, unit: str) -> None:
        """Count the project in its unit and its 主管部门 (a unit by its department and name), and its year."""
        if unit:
            count(self.units, (department, unit), row, flagged)
        else:
            self.unranked_units += 1
        if department:
            count(self.departments, ("", department), row, flagged)
        else:
            self.unranked_departments += 1
        year = row.project.get("year")
        if year not in (None, "") and len(self.years) < MOST_YEARS:
            self.years.add(same_year(year))  # 2024年 and ２０２４ are one year with 2024 (QA34 F2)

    def _place(self, row: ProjectRow) -> None:
        assert row.total is not None and row.grade is not None
        rate = row.total / row.max_total if row.max_total else ZERO
        self.rates[rate] += 1
        # Ties go to the earlier project, in both lists.
        self.arrived += 1
        placed: Placed | None = None  # made only for a project one of the lists takes
        for heap, key in ((self.best, (rate, -row.index, -self.arrived)), (self.worst, (-rate, -row.index, -self.arrived))):
            if len(heap) < RANKED or key > heap[0][:3]:  # the arrival count is unique: the project is never compared
                placed = placed or Placed(row.index, row.source, row.name, row.project.get("unit", ""), row.set_id, row.total,
                                          row.grade, row.precision, max_total=row.max_total)
                (heapq.heappush if len(heap) < RANKED else heapq.heapreplace)(heap, (*key, placed))

    @in_engine_context  # the caller's decimal context cannot change a mean
    def summary(self) -> Summary:
        p = max([MEAN_PLACES, *(s.row.precision for s in self.sets.values())])
        named = bool(self.departments or +self.failed_in["departments"])
        units, apart, apart_failed = told_apart(self.units, self.failed_in["units"], named)
        return Summary(
            documents=self.documents, scored=self.documents - self.failed, failed=self.failed, internal=self.internal,
            flagged=self.flagged,
            sets=_told_apart(tuple(_set_summary(s) for s in self.sets.values())),
            units=ranked(units, p, self.failed_in["units"]),
            departments=ranked(self.departments, p, self.failed_in["departments"]),
            unscored_units=unscored(self.units, self.failed_in["units"]),
            unscored_departments=unscored(self.departments, self.failed_in["departments"]),
            spellings=self.names.variants(),
            **self._placed(),
            unranked_units=self.unranked_units,
            unranked_units_department=apart, unranked_units_department_failed=apart_failed,
            unranked_departments=self.unranked_departments,
            unread_units=self.unread["units"], unread_departments=self.unread["departments"],
            years=tuple(sorted(self.years)),
            funds=self.funds.counted(),
            places=p,
            compared=self.compared,
            compare_flagged=self.compare_flagged,
            mean_difference=round_half_up(self.difference / self.compared, p) if self.compared else None,
            against=self.against,
            other_failed=self.other_failed,
            other_set=self.other_set, same_set=self.same_set,
            unmatched=self.unmatched, recheck_unscored=self.recheck_unscored,
            unmatched_shown=self.unmatched_shown,
            form_totals=self.form_totals,
            form_totals_differ=self.form_totals_differ,
            problem_lines=tuple(self.problem_lines),
            problem_lines_zh=tuple(self.problem_lines_zh), problem_lines_left=self.problem_lines_left,
            consequences=self.consequences.counted(), consequences_left=tuple(self.consequences.left_out.items()),
            duplicated=self.ids.count,
            recheck_duplicated=self.recheck_ids.count if self.recheck_ids is not None else 0,
            duplicates=self.ids.found() + (self.recheck_ids.found() if self.recheck_ids is not None else ()),
        )

    def _placed(self) -> dict[str, Any]:
        """The best and the worst, each with its 名次, and how many projects each list leaves out that tie with its last."""
        above: dict[Decimal, int] = {}  # 得分率 → how many projects score above it
        seen = 0
        for rate in sorted(self.rates, reverse=True):
            above[rate] = seen
            seen += self.rates[rate]
        found: dict[str, Any] = {}
        for name, heap, sign in (("best", self.best, 1), ("worst", self.worst, -1)):
            entries = sorted(heap, key=lambda e: e[:3], reverse=True)
            found[name] = tuple(dataclasses.replace(e[3], rank=above[e[0] * sign] + 1) for e in entries)
            found[f"{name}_tied"] = 0
            if entries:
                last = entries[-1][0] * sign
                found[f"{name}_tied"] = self.rates[last] - sum(1 for e in entries if e[0] * sign == last)
        return found


class _Scored(Protocol):
    """What summarise takes besides a row: score_many's Outcome, which carries its row."""

    @property
    def row(self) -> ProjectRow: ...


def summarise(rows: Iterable[ProjectRow | _Scored]) -> Summary:
    """The Summary of the project rows (or of score_many's outcomes, which carry their rows)."""
    if isinstance(rows, (str, bytes, Mapping, ProjectRow)) or not hasattr(rows, "__iter__"):  # a dict: not its keys (QA317 11)
        raise TypeError(f"summarise takes score_many's outcomes (or their rows), not {type(rows).__name__}")
    summariser = Summariser()
    for item in rows:
        if isinstance(item, ProjectRow):
            summariser.add(item)
        elif isinstance(getattr(item, "row", None), ProjectRow):
            summariser.add(item.row)
        else:  # a Result or Scores holds no row: what the batch reads of each project (source, unit, funds…)
            raise TypeError(f"summarise takes score_many's outcomes (or their rows), not {type(item).__name__}")
    return summariser.summary()


def _set_summary(s: _SetTotals) -> SetSummary:
    row, p = s.row, max(s.row.precision, MEAN_PLACES)
    count = sum(s.totals.values())
    total = sum((value * n for value, n in s.totals.items()), ZERO)
    shares = [GradeCount(label, s.grades[label], Decimal(s.grades[label]) / count, *s.grade_budgets.get(label, (0, ZERO)))
              for label in row.grades]
    indicators = tuple(IndicatorStat(key, name, level, n, cut_mean(scores / rated, p) if rated else None,  # QA138 F1
                                     mean_rate(rates, rated) if rated else None, rated, len(rates) > 1)
                       for key, (name, level, n, scores, rates, rated) in s.indicators.items())
    return SetSummary(row.set_id, row.set_name, row.set_version, row.precision, row.max_total, count,
                      cut_mean(total / count, p), _median(s.totals, count, p), min(s.totals), max(s.totals), tuple(shares),
                      _histogram(s.totals, row.max_total),
                      indicators, s.flagged, row.set_sha256, funds_unit=row.funds_unit,
                      categories=s.categories.counted(tuple(s.indicators)))


def _told_apart(sets: tuple[SetSummary, ...]) -> tuple[SetSummary, ...]:
    """The sets, those that share an id and version with another marked so (their outputs name them by sha256 too)."""
    named = Counter((s.set_id, s.set_version) for s in sets)
    return tuple(dataclasses.replace(s, same_named=True) if named[s.set_id, s.set_version] > 1 else s for s in sets)


def _median(totals: Counter[Decimal], count: int, places: int) -> Decimal:
    middle = [(count - 1) // 2, count // 2]  # the same place twice for an odd count
    found: list[Decimal] = []
    seen = 0
    for value in sorted(totals):
        seen += totals[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return cut_mean((found[0] + found[1]) / 2, places)  # never up onto a grade's line it falls short of (QA135 F3)


def _histogram(totals: Counter[Decimal], max_total: Decimal) -> tuple[Bin, ...]:
    width = max_total / HISTOGRAM_BINS
    counts = [0] * HISTOGRAM_BINS
    for value, n in totals.items():
        counts[min(int(value / width), HISTOGRAM_BINS - 1) if value > 0 else 0] += n
    return tuple(Bin(width * i, width * (i + 1), counts[i]) for i in range(HISTOGRAM_BINS))
