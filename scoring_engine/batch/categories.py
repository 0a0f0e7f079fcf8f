"""The 二级 analysis of a batch: each category of the projects' target rows, as a 部门自评总结报告 analyses its results.

A 单位自评 set scores the project's own 绩效目标表: rows the set cannot know, each
named under a 二级 category of its group (产出指标: 数量、质量、时效、成本指标;
效益指标: 经济、社会、生态、可持续影响指标). No row is the same indicator from
one project to the next, so 统计's mean 得分率 per indicator stops at the groups;
the categories are what the projects share. Across the batch each category
counts its rows, how many scored their whole weight (达成), and their mean
得分率 (score ÷ the weight it was scored against). A row of weight 0 is left out;
a row that names no category is counted under UNCATEGORISED, so that every row
scored is in the table.

>>> from decimal import Decimal
>>> from scoring_engine.batch.rows import IndicatorRow
>>> group = IndicatorRow("output", "产出指标", 1, Decimal(50), Decimal(45), "")
>>> tally = CategoryTally()
>>> for points in ("25", "20"):
...     tally.add(group, IndicatorRow("output.a", "道路里程", 2, Decimal(25), Decimal(points), "", False, "数量指标"))
>>> [(c.group_name, c.category, c.count, c.reached, c.mean_rate) for c in tally.counted()]
[('产出指标', '数量指标', 2, 1, Decimal('0.9'))]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

from .._arith import ZERO
from .._record import record

if TYPE_CHECKING:
    from ..model import IndicatorSet


class _Indicator(Protocol):
    """What the tally reads of an indicator of a project's row (rows.IndicatorRow, which imports this module)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def weight(self) -> Decimal: ...
    @property
    def score(self) -> Decimal: ...

__all__ = ["CategoryStat", "CategoryTally", "UNCATEGORISED", "add_rate", "mean_rate", "row_groups", "target_rows"]

#: Where the rows that name no category are counted.
UNCATEGORISED = "（未填二级指标）"
# The 二级 categories of the national framework's 绩效目标表 (财预〔2021〕101号), in its order.
_NATIONAL = {name: i for i, name in enumerate(("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                                               "生态效益指标", "可持续影响指标", "服务对象满意度指标"))}


@record
class CategoryStat:
    """One 二级 category of a row group across the batch's projects."""

    group: str  # the group's id (output)
    group_name: str  # 产出指标
    category: str  # 数量指标
    count: int  # its rows, over every project
    reached: int  # of them, those that scored their whole weight
    mean_rate: Decimal  # their mean 得分率, exact (the writers round it)
    top_name: str = ""  # the name of the 一级 the group is under (产出), when the group is not a 一级 itself (QA162 F4)


class CategoryTally:
    """The rows of each (group, category), gathered one project at a time."""

    def __init__(self) -> None:
        # (group id, category) → [group name, rows, reached, rate sum, the name of the 一级 above the group or ""]
        self.found: dict[tuple[str, str], list[Any]] = {}

    def add(self, group: _Indicator | None, row: _Indicator, top: _Indicator | None = None) -> None:
        """A target row of `group` (its 一级 or parent indicator), under the 一级 `top` (None or `group`: the group is one);
        one of weight 0 counts in none, one without a category under UNCATEGORISED."""
        if group is None or not row.weight:
            return
        key = (group.id, row.category or UNCATEGORISED)
        tally = self.found.get(key)
        if tally is None:
            tally = self.found[key] = [group.name, 0, 0, {}, top.name if top is not None and top.id != group.id else ""]
        tally[1] += 1
        tally[2] += row.score >= row.weight
        add_rate(tally[3], row.score, row.weight)

    def counted(self, groups: Sequence[str] = ()) -> tuple[CategoryStat, ...]:
        """The categories group by group, in the order of `groups` (the set's indicators; others after them); within a
        group the national framework's categories in its order (数量, 质量, 时效, 成本…), then others as first met,
        then UNCATEGORISED."""
        place = {group: i for i, group in enumerate(groups)}
        met = {key: i for i, key in enumerate(self.found)}

        def order(key: tuple[str, str]) -> tuple[int, int, int]:
            group, category = key
            known = _NATIONAL.get(category, len(_NATIONAL) + (category == UNCATEGORISED))
            return place.get(group, len(place)), known, met[key]

        return tuple(CategoryStat(group, name, category, count, reached, mean_rate(rates, count), top)
                     for group, category in sorted(self.found, key=order)
                     for name, count, reached, rates, top in [self.found[group, category]])


def row_groups(indicator_set: IndicatorSet) -> tuple[tuple[str, str, int], ...]:
    """(id, fact, level) of each indicator whose children are the project's target rows, depth first."""
    found: list[tuple[str, str, int]] = []

    def walk(indicators: Any, level: int) -> None:
        for indicator in indicators:
            if indicator.rows is not None:
                found.append((indicator.id, indicator.rows.fact, level))
            walk(indicator.children, level + 1)

    walk(indicator_set.indicators, 1)
    return tuple(found)


def target_rows(groups: tuple[tuple[str, str, int], ...], values: Mapping[str, Any]) -> dict[str, tuple[str, int, str]]:
    """Each target row of the project as the engine names its leaf (group id, then the row's id or its place), with its
    name, level and category ("" for none)."""
    found: dict[str, tuple[str, int, str]] = {}
    for group, fact, level in groups:
        rows = values.get(fact)
        if not isinstance(rows, (tuple, list)):  # not applicable, or missing: no rows scored
            continue
        for i, row in enumerate(rows):
            found[f"{group}.{getattr(row, 'id', None) or i + 1}"] = (getattr(row, "name", None) or "", level + 1,
                                                                   getattr(row, "category", None) or "")
    return found


def add_rate(rates: dict[Decimal, Decimal], score: Decimal, weight: Decimal) -> None:
    """A 得分率 (score ÷ weight) added to a mean kept exact: scores summed by weight, divided once at the end (a sum of
    28-digit quotients made an exact mean of 0.86445 0.8644499…9, which rounds to 0.8644: QA59 F2)."""
    rates[weight] = rates.get(weight, ZERO) + score


def mean_rate(rates: Mapping[Decimal, Decimal], count: int) -> Decimal:
    """The mean 得分率 of `count` scores kept by `add_rate`: exact when it ends, else to the context's digits."""
    exact = sum((Fraction(score) / Fraction(weight) for weight, score in rates.items()), Fraction(0)) / count
    return Decimal(exact.numerator) / Decimal(exact.denominator)
