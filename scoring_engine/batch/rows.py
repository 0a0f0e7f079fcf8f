"""One project of a batch as the summaries need it: a small record built from its Result, or the problems it failed with.

A Result carries the whole audit trail; the batch outputs need a fraction of it
(project details, total, grade, each indicator's score and reason, the warnings
count, the 需说明 flags). Building the record where the project is scored keeps
what crosses between processes, and what a summary holds, small.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from .._arith import CONTEXT, percent, plain
from ..errors import Problem
from ..model import IndicatorSet
from ..result import Result


__all__ = ["IndicatorRow", "ProjectRow", "project_row", "failed_row", "set_indicator_ids", "explain_flags", "PROJECT_KEYS",
           "DEFAULT_EXECUTION_RATE", "DEFAULT_GRADE_SHARE"]

#: The project details a summary shows, from the facts file's "project" section.
PROJECT_KEYS = ("id", "name", "unit", "department", "year")
#: Without explain_when in the set: 预算执行率 below this must be explained (Sichuan: 未达到90%的需说明原因).
DEFAULT_EXECUTION_RATE = Decimal("0.9")
#: Without explain_when in the set: a grade starting below this share of the total must be explained
#: (财预〔2020〕10号 第十八条 puts 中 and 差 below 80 of 100).
DEFAULT_GRADE_SHARE = Decimal("0.8")
_EXECUTION_NAMES = ("execution_rate",)
_EXECUTION_LABEL = "预算执行率"


@dataclass(frozen=True)
class IndicatorDifference:
    """One indicator's score in the other batch and this score minus it."""

    score: Decimal
    difference: Decimal


@dataclass(frozen=True)
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


@dataclass(frozen=True)  # not slots: a slotted dataclass pickles at half the speed
class IndicatorRow:
    """One indicator of one project: the weight used, the score and the reason as the result gives them."""

    id: str
    name: str
    level: int
    weight: Decimal
    score: Decimal
    reason: str
    in_set: bool = True  # False for a row of the project's own target table (children_from): not the same indicator across projects

    @property
    def rate(self) -> Decimal | None:
        """得分率: score ÷ weight, or None for an indicator of weight 0."""
        return CONTEXT.divide(self.score, self.weight) if self.weight else None  # whatever context the reader has set


@dataclass(frozen=True)
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
    precision: int = 2
    max_total: Decimal = Decimal(100)
    grades: tuple[str, ...] = ()  # the set's grade labels, highest first
    total: Decimal | None = None
    grade: str | None = None
    indicators: tuple[IndicatorRow, ...] = ()
    warnings: int = 0
    flags: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    internal: bool = False  # failed on a bug of the engine, not on its input
    batch: str = ""
    compare: Comparison | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        """The project's name, else its file name."""
        return self.project.get("name") or PurePath(self.source).name

    def keys(self) -> tuple[str, ...]:
        """What a re-check is matched by, first choice first: the project's id, then its file's path below its input folder."""
        file = f"file:{self.file or PurePath(self.source).name}"
        project_id = self.project.get("id")
        return (f"id:{project_id}", file) if project_id else (file,)

    @property
    def grade_rank(self) -> int | None:
        """0 for the set's highest grade, 1 for the next…"""
        return self.grades.index(self.grade) if self.grade in self.grades else None

    @property
    def set_key(self) -> tuple[str, str]:
        return self.set_id, self.set_version

    def tops(self) -> tuple[IndicatorRow, ...]:
        """The 一级 indicators."""
        return tuple(i for i in self.indicators if i.level == 1)

    def with_compare(self, comparison: Comparison | None) -> ProjectRow:
        return replace(self, compare=comparison)

    def summary_only(self) -> ProjectRow:
        """The row without the indicators below 一级: what the summaries need once the details are written."""
        compare = replace(self.compare, indicators={}) if self.compare is not None else None
        return replace(self, indicators=self.tops(), compare=compare)


def project_row(index: int, source: str, result: Result, indicator_set: IndicatorSet, batch: str = "", file: str = "",
                in_set: frozenset[str] | None = None) -> ProjectRow:
    """The record of a scored project; its flags are the set's explain_when flags, or the default rule's.

    `in_set` is the ids of the set's own indicators (computed when not given).
    """
    ids = in_set if in_set is not None else set_indicator_ids(indicator_set)
    indicators = tuple(IndicatorRow(n.id, n.name, n.level, n.weight, n.score, n.reason, n.id in ids) for n in result.walk())
    return ProjectRow(
        index=index,
        source=source,
        file=file,
        project=project_details(result.project),
        set_id=result.indicator_set.id,
        set_name=result.indicator_set.name,
        set_version=result.indicator_set.version,
        precision=result.precision,
        max_total=result.max_total,
        grades=tuple(g.label for g in indicator_set.grades),
        total=result.total,
        grade=result.grade,
        indicators=indicators,
        warnings=len(result.warnings),
        flags=explain_flags(result, indicator_set),
        batch=batch,
    )


def set_indicator_ids(indicator_set: IndicatorSet) -> frozenset[str]:
    """The ids of the indicators the set itself declares (a project's target rows are not among them)."""
    return frozenset(node.id for node in indicator_set.walk())


def failed_row(index: int, source: str, problems: tuple[Problem, ...], internal: bool = False, batch: str = "",
               project: Mapping[str, Any] | None = None, file: str = "") -> ProjectRow:
    """The record of a project that could not be scored: one line per problem."""
    return ProjectRow(index=index, source=source, file=file, project=project_details(project or {}),
                      problems=tuple(str(p) for p in problems), internal=internal, batch=batch)


def project_details(project: Mapping[str, Any]) -> dict[str, str]:
    """The project keys a summary shows, as text."""
    return {k: plain(v) if isinstance(v, Decimal) else str(v) for k in PROJECT_KEYS if (v := project.get(k)) not in (None, "")}


def explain_flags(result: Result, indicator_set: IndicatorSet) -> tuple[str, ...]:
    """需说明: the flags of the set's explain_when; for a set without any, the usual rule.

    The usual rule: a grade that starts below 80% of the total (中 and 差 in the
    national scheme), or a 预算执行率 below 90% where the set has one (a derived
    value or fact named execution_rate or labelled 预算执行率).
    """
    if indicator_set.explain_when:
        return tuple(str(f) for f in result.flags)
    found = []
    grade = next((g for g in indicator_set.grades if g.label == result.grade), None)
    if grade is not None and grade.min < indicator_set.total * DEFAULT_GRADE_SHARE:
        found.append(f"评价结果为{result.grade}，需说明原因（默认规则：{plain(indicator_set.total * DEFAULT_GRADE_SHARE)}分以下的等级）")
    rate = _execution_rate(result)
    if rate is not None and rate < DEFAULT_EXECUTION_RATE:
        found.append(f"预算执行率{percent(rate)}，低于{percent(DEFAULT_EXECUTION_RATE, 0)}，需说明原因（默认规则）")
    return tuple(found)


def _execution_rate(result: Result) -> Decimal | None:
    for d in result.derived:
        if (d.name in _EXECUTION_NAMES or d.label == _EXECUTION_LABEL) and isinstance(d.value, Decimal):
            return d.value
    for f in result.facts:
        if (f.name in _EXECUTION_NAMES or f.label == _EXECUTION_LABEL) and isinstance(f.value, Decimal):
            return f.value
    return None
