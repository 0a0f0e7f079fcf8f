"""The projects' funds added up as a 自评总结报告 states them: 预算执行情况 across the batch, and the 预算数 of each grade.

A 部门自评总结报告 says how much money each result concerns ("自评为优的项目4个，
涉及资金1,200万元"), beside how much of the year's budget was spent. Both are
added up from each project's 预算数 and 执行数 where its set reads them
(rows.SetShape.funds); a project that gives none is counted in no amount.
Amounts in two units (万元, 元) are never added together.

>>> from decimal import Decimal
>>> from scoring_engine.batch.rows import ProjectRow
>>> tally = FundsTally()
>>> for budget, paid in (("500", "480"), ("300", "240"), ("200", None)):
...     tally.add(ProjectRow(index=0, source="p.json", budget_total=Decimal(budget), funds_unit="万元",
...                          budget_paid=Decimal(paid) if paid else None))
>>> f = tally.counted()[0]
>>> f.budgeted, f.budget, f.paid_count, f.paid, f.rate
(3, Decimal('1000'), 2, Decimal('720'), Decimal('0.9'))
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._arith import ZERO, percent
from .._record import record
from .rows import DEFAULT_EXECUTION_RATE, ProjectRow

__all__ = ["Funds", "FundsTally", "below_label"]


@record
class Funds:
    """The funds of the projects that give them, as a 自评总结报告 states them (预算执行情况)."""

    budgeted: int  # projects that give their 预算数
    budget: Decimal  # their 预算数 added up
    paid_count: int  # projects that give both 预算数 and 执行数
    paid: Decimal  # the 执行数 of those added up
    budget_of_paid: Decimal  # and their 预算数: the overall rate is paid ÷ this
    rated: int  # projects with a 预算执行率
    below: int  # of them, those under DEFAULT_EXECUTION_RATE (90%)
    unit: str  # the unit the sets of these projects declare for their 预算数 (万元), or "" for none
    # of `rated`, those whose funds indicator was scored on 执行数 ÷ another base than 预算数 (调整后预算数 chosen: QA324
    # F1), as their forms say: the overall rate and the count under 90% then say which rate each is
    other_base: int = 0

    @property
    def rate(self) -> Decimal | None:
        """执行数合计 ÷ 预算数合计, over the projects that give both."""
        return self.paid / self.budget_of_paid if self.budget_of_paid else None


class FundsTally:
    """预算执行情况 gathered one project at a time: one Funds for each unit the projects' sets declare."""

    def __init__(self) -> None:
        # unit → budgeted, budget, paid_count, paid, budget_of_paid, rated, below, other_base
        self.funds: dict[str, list[Any]] = {}

    def add(self, row: ProjectRow) -> None:
        if row.budget_total is None and row.execution_rate is None:
            return
        funds = self.funds.setdefault(row.funds_unit, [0, ZERO, 0, ZERO, ZERO, 0, 0, 0])
        if row.budget_total is not None:
            funds[0] += 1
            funds[1] += row.budget_total
            if row.budget_paid is not None:
                funds[2] += 1
                funds[3] += row.budget_paid
                funds[4] += row.budget_total
        if row.execution_rate is not None:
            funds[5] += 1
            funds[6] += row.execution_rate < DEFAULT_EXECUTION_RATE
            funds[7] += row.rate_elsewhere  # as its form's line under the funds block (forms/scored_rate.py)

    def counted(self) -> tuple[Funds, ...]:
        return tuple(Funds(budgeted, budget, paid_count, paid, budget_of_paid, rated, below, unit, other_base)
                     for unit, (budgeted, budget, paid_count, paid, budget_of_paid, rated, below, other_base)
                     in self.funds.items())


def below_label(f: Funds, named: str = "") -> str:
    """The label of the count of projects under 90% on 统计 and the page; where some sets score the rate on another base
    than 执行数 ÷ 预算数 (the overall rate's), it says the count is by each set's own rate, and of how many (QA324 F1:
    总体执行率72.00% beside 0 projects under 90%, with nothing to tell the two rates apart). `named`: the unit's group."""
    least = percent(DEFAULT_EXECUTION_RATE, 0)
    if not f.other_base:
        return f"预算执行率低于{least}的项目（{named}{f.rated}个有执行率）"
    return (f"预算执行率（指标体系口径）低于{least}的项目（{named}{f.rated}个有执行率，其中{f.other_base}个不是执行数÷预算数，"
            "如按调整后预算数计算）")
