"""Statistics over a batch, gathered one project at a time in memory that does not grow with the batch.

Per indicator set: count, mean, median, lowest and highest total, the grade
distribution, a histogram of totals and the mean 得分率 of each indicator (the
lowest are where points are lost). Across the batch: failures, 需说明 counts,
units and departments ranked by mean total, the ten best and worst projects,
the comparison figures, and 结果应用 (each grade's consequence, per
department and unit, with the budgets concerned: consequences.py). Totals are kept as a count per distinct total (at
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
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .._arith import ZERO, in_engine_context, round_half_up
from .consequences import ConsequenceCount, ConsequenceTally
from .duplicates import Duplicate, IdTally
from .rows import ProjectRow

__all__ = ["summarise", "Summariser", "Summary", "SetSummary", "GradeCount", "Bin", "IndicatorStat", "Ranked", "Placed",
           "HISTOGRAM_BINS", "RANKED", "SHOWN_PROBLEMS"]

#: Bins of the histogram of totals (each a tenth of the set's total).
HISTOGRAM_BINS = 10
#: How many best and worst projects the summary names.
RANKED = 10
#: Error lines of failed projects the summary keeps for the command line (the outputs list them all).
SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class GradeCount:
    label: str
    count: int
    share: Decimal  # of the set's scored projects, 0–1


@dataclass(frozen=True)
class Bin:
    """Totals from `low` (inclusive) to `high` (exclusive, inclusive for the last bin)."""

    low: Decimal
    high: Decimal
    count: int


@dataclass(frozen=True)
class IndicatorStat:
    """One indicator across the projects that have it: mean score and mean 得分率 (score ÷ weight)."""

    id: str
    name: str
    level: int
    count: int
    mean_score: Decimal
    mean_rate: Decimal | None  # None when every project gave it weight 0


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Ranked:
    """A unit or department: its projects' count and mean total, and how many must explain themselves."""

    name: str
    count: int
    mean: Decimal
    flagged: int
    places: int  # decimals the mean is shown with


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Summary:
    """What the batch writers print besides the per-project rows."""

    documents: int
    scored: int
    failed: int
    internal: int  # failed on a bug of the engine
    flagged: int
    sets: tuple[SetSummary, ...]
    units: tuple[Ranked, ...]  # by mean total, highest first
    departments: tuple[Ranked, ...]
    best: tuple[Placed, ...]
    worst: tuple[Placed, ...]  # lowest first
    places: int = 2  # decimals of the batch-wide figures (the finest of its sets)
    compared: int = 0
    compare_flagged: int = 0
    mean_difference: Decimal | None = None
    against: str | None = None
    other_failed: int = 0  # projects of the compared batch that could not be scored
    unmatched: int = 0  # projects of the re-check batch that match no project of this one
    unmatched_shown: tuple[tuple[str, str, str], ...] = ()  # the first SHOWN_UNMATCHED of them: source, id, year
    form_totals: int = 0  # filled forms whose 总分 the unit typed: 汇总 shows it beside the total scored
    form_totals_differ: int = 0  # of them, those where the two differ
    problem_lines: tuple[str, ...] = ()  # the first SHOWN_PROBLEMS error lines of failed projects
    problem_lines_zh: tuple[str, ...] = ()  # the same in Chinese
    consequences: tuple[ConsequenceCount, ...] = ()  # 结果应用: the batch, then each 主管部门, then each unit
    duplicated: int = 0  # project ids (in one year) that more than one document of the batch gives
    recheck_duplicated: int = 0  # the same in the re-check batch
    duplicates: tuple[Duplicate, ...] = ()  # the first of them, the batch's then the re-check's


@dataclass
class _SetTotals:
    row: ProjectRow  # the first project: the set's names, precision and grades
    totals: Counter[Decimal] = field(default_factory=Counter)
    grades: Counter[str] = field(default_factory=Counter)
    indicators: dict[str, list[Any]] = field(default_factory=dict)  # id → [name, level, count, score sum, rate sum, rated]
    flagged: int = 0


class Summariser:
    """Gathers a Summary from project rows given one at a time (the rows of a compared batch count only as failures)."""

    def __init__(self) -> None:
        self.documents = self.failed = self.internal = self.flagged = self.other_failed = 0
        self.sets: dict[tuple[str, str], _SetTotals] = {}
        self.units: dict[str, list[Any]] = {}
        self.departments: dict[str, list[Any]] = {}
        # (score, -index, -arrival, project): rows merged from several score_many runs may share an index.
        self.best: list[tuple[Decimal, int, int, Placed]] = []
        self.worst: list[tuple[Decimal, int, int, Placed]] = []
        self.arrived = 0
        self.compared = self.compare_flagged = 0
        self.difference = ZERO
        self.against: str | None = None
        self.unmatched = 0
        self.unmatched_shown: tuple[tuple[str, str, str], ...] = ()
        self.form_totals = self.form_totals_differ = 0
        self.problem_lines: list[str] = []
        self.problem_lines_zh: list[str] = []
        self.consequences = ConsequenceTally()
        self.ids = IdTally()
        self.recheck_ids: IdTally | None = None  # the re-check batch's, given when it is done

    @in_engine_context  # the caller's decimal context cannot change a sum
    def add(self, row: ProjectRow) -> None:
        if not row.ok:
            room = SHOWN_PROBLEMS - len(self.problem_lines)
            for lines, own in ((self.problem_lines, row.problems), (self.problem_lines_zh, row.problems_zh or row.problems)):
                named = [line if line.startswith(row.source) else f"{row.source}: {line}" for line in own[:max(room, 0)]]
                lines += [f"（{row.batch}）{line}" if row.batch else line for line in named]
        if row.batch:
            self.other_failed += not row.ok
            return
        self.ids.add(row.project, row.source)
        self.documents += 1
        if not row.ok:
            self.failed += 1
            self.internal += row.internal
            return
        assert row.total is not None and row.grade is not None
        totals = self.sets.setdefault(row.set_key, _SetTotals(row))
        totals.totals[row.total] += 1
        totals.grades[row.grade] += 1
        totals.flagged += bool(row.flags)
        self.flagged += bool(row.flags)
        for i in row.indicators:
            if not i.in_set:
                continue  # a project's own target row: no other project has it, and there may be millions
            stat = totals.indicators.setdefault(i.id, [i.name, i.level, 0, ZERO, ZERO, 0])
            stat[2] += 1
            stat[3] += i.score
            if i.weight:
                stat[4] += i.score / i.weight
                stat[5] += 1
        for name, table in ((row.project.get("unit"), self.units), (row.project.get("department"), self.departments)):
            if name:
                entry = table.setdefault(name, [0, ZERO, 0])
                entry[0] += 1
                entry[1] += row.total
                entry[2] += bool(row.flags)
        self._place(row)
        if row.consequence:
            self.consequences.add(row.consequence, row.grade, row.grade_rank or 0, row.budget, row.project.get("department"),
                                  row.project.get("unit"))
        if row.form_total is not None:
            self.form_totals += 1
            self.form_totals_differ += round_half_up(row.total - row.form_total, row.form_places) != 0  # as 汇总 shows it
        if row.compare is not None:
            self.against = self.against or row.compare.against
            self.compared += 1
            self.compare_flagged += row.compare.flagged
            self.difference += row.compare.difference

    def _place(self, row: ProjectRow) -> None:
        assert row.total is not None and row.grade is not None
        placed = Placed(row.index, row.source, row.name, row.project.get("unit", ""), row.set_id, row.total, row.grade,
                        row.precision)
        # Ties go to the earlier project, in both lists.
        self.arrived += 1
        _keep(self.best, (row.total, -row.index, -self.arrived, placed))
        _keep(self.worst, (-row.total, -row.index, -self.arrived, placed))

    @in_engine_context  # the caller's decimal context cannot change a mean
    def summary(self) -> Summary:
        p = max((s.row.precision for s in self.sets.values()), default=2)
        return Summary(
            documents=self.documents,
            scored=self.documents - self.failed,
            failed=self.failed,
            internal=self.internal,
            flagged=self.flagged,
            sets=tuple(_set_summary(s) for s in self.sets.values()),
            units=_ranked(self.units, p),
            departments=_ranked(self.departments, p),
            best=tuple(entry[3] for entry in sorted(self.best, key=lambda e: e[:3], reverse=True)),
            worst=tuple(entry[3] for entry in sorted(self.worst, key=lambda e: e[:3], reverse=True)),
            places=p,
            compared=self.compared,
            compare_flagged=self.compare_flagged,
            mean_difference=round_half_up(self.difference / self.compared, p) if self.compared else None,
            against=self.against,
            other_failed=self.other_failed,
            unmatched=self.unmatched,
            unmatched_shown=self.unmatched_shown,
            form_totals=self.form_totals,
            form_totals_differ=self.form_totals_differ,
            problem_lines=tuple(self.problem_lines),
            problem_lines_zh=tuple(self.problem_lines_zh),
            consequences=self.consequences.counted(),
            duplicated=self.ids.count,
            recheck_duplicated=self.recheck_ids.count if self.recheck_ids is not None else 0,
            duplicates=self.ids.found() + (self.recheck_ids.found() if self.recheck_ids is not None else ()),
        )


def summarise(rows: Iterable[Any]) -> Summary:
    """The Summary of the project rows (or of score_many's outcomes, which carry their rows)."""
    summariser = Summariser()
    for item in rows:
        summariser.add(item if isinstance(item, ProjectRow) else item.row)
    return summariser.summary()


def _keep(heap: list[tuple[Decimal, int, int, Placed]], entry: tuple[Decimal, int, int, Placed]) -> None:
    if len(heap) < RANKED:
        heapq.heappush(heap, entry)  # the arrival count is unique, so the project itself is never compared
    elif entry[:3] > heap[0][:3]:
        heapq.heapreplace(heap, entry)


def _set_summary(s: _SetTotals) -> SetSummary:
    row, p = s.row, s.row.precision
    count = sum(s.totals.values())
    total = sum((value * n for value, n in s.totals.items()), ZERO)
    shares = [GradeCount(label, s.grades[label], Decimal(s.grades[label]) / count) for label in row.grades]
    indicators = tuple(IndicatorStat(key, name, level, n, round_half_up(scores / n, p), rates / rated if rated else None)
                       for key, (name, level, n, scores, rates, rated) in s.indicators.items())
    return SetSummary(row.set_id, row.set_name, row.set_version, p, row.max_total, count, round_half_up(total / count, p),
                      _median(s.totals, count, p), min(s.totals), max(s.totals), tuple(shares),
                      _histogram(s.totals, row.max_total),
                      indicators, s.flagged)


def _median(totals: Counter[Decimal], count: int, places: int) -> Decimal:
    middle = [(count - 1) // 2, count // 2]  # the same place twice for an odd count
    found: list[Decimal] = []
    seen = 0
    for value in sorted(totals):
        seen += totals[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return round_half_up((found[0] + found[1]) / 2, places)


def _histogram(totals: Counter[Decimal], max_total: Decimal) -> tuple[Bin, ...]:
    width = max_total / HISTOGRAM_BINS
    counts = [0] * HISTOGRAM_BINS
    for value, n in totals.items():
        counts[min(int(value / width), HISTOGRAM_BINS - 1) if value > 0 else 0] += n
    return tuple(Bin(width * i, width * (i + 1), counts[i]) for i in range(HISTOGRAM_BINS))


def _ranked(table: dict[str, list[Any]], places: int) -> tuple[Ranked, ...]:
    found = [Ranked(name, n, round_half_up(total / n, places), flagged, places) for name, (n, total, flagged) in table.items()]
    return tuple(sorted(found, key=lambda r: (-r.mean, r.name)))
