"""结果应用 across a batch: how many projects of each grade carry its consequence, per 主管部门 and per unit, with the budgets.

A set may attach to each grade the consequence its local rules give it (a
grade's ``consequence``): Henan (豫财效〔2020〕10号) has 中 → 核减该项目预算
10%–30% and 差 → 核减30%以上直至取消. Where the words name a share of the
budget (one percentage, a range, or a bound), the batch adds up the evaluated
budgets of the projects concerned -- the fact the set's form puts in the
funds block as 全年预算数 (``form.funds.rows.total.budget``) -- and the amount
the share gives. A project whose budget is not known (the set's form names no
budget fact, or the project has none) is counted and said to be without one.
The words are read by `_budget_share`, as the set's checks read them.
The amounts are exact: the budgets as written, added, times the share.

>>> budget_share("核减该项目预算10%–30%")
Share(low=Decimal('0.1'), high=Decimal('0.3'))
>>> budget_share("核减30%以上，直至取消该项目")
Share(low=Decimal('0.3'), high=Decimal('1'))
>>> budget_share("下一年度预算按一定比例核减") is None
True
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._arith import ZERO
from .._budget_share import Share, Unusable, budget_share, unusable_share
from .._record import record

__all__ = ["Share", "Unusable", "budget_share", "unusable_share", "ConsequenceCount", "ConsequenceTally", "BATCH",
           "DEPARTMENT", "UNIT", "NOT_GIVEN"]

#: The scopes of the counts, in the order the outputs show them.
BATCH, DEPARTMENT, UNIT = "全部项目", "主管部门", "实施单位"
#: The name a project without a 主管部门 or unit is counted under.
NOT_GIVEN = "（未填写）"


@record
class ConsequenceCount:
    """The projects of one scope (a 主管部门, a unit, or the whole batch) with one grade and its consequence.

    `budget` adds up the known budgets of those projects (None for none),
    `budgeted` counts them, whether or not the consequence names a share.
    `amount_low` and `amount_high` are the budget times the share (None: no
    share, or no upper bound).
    """

    scope: str
    name: str
    grade: str
    consequence: str
    count: int
    share: Share | None
    budget: Decimal | None
    budgeted: int
    amount_low: Decimal | None
    amount_high: Decimal | None

    @property
    def unbudgeted(self) -> int:
        """Projects whose budget is not known."""
        return self.count - self.budgeted


class ConsequenceTally:
    """Counts projects by scope, name, grade and consequence as rows arrive; memory grows with units, not projects."""

    def __init__(self) -> None:
        # (scope, name, grade, consequence) → [grade rank, count, budget sum, budgeted]
        self.counts: dict[tuple[str, str, str, str], list[Any]] = {}

    def add(self, consequence: str, grade: str, rank: int, budget: Decimal | None, department: str | None,
            unit: str | None) -> None:
        # a unit is named with its 主管部门: 机关服务中心 of two departments are two units
        unit_name = f"{unit}（{department}）" if unit and department else unit or NOT_GIVEN
        for scope, name in ((BATCH, BATCH), (DEPARTMENT, department or NOT_GIVEN), (UNIT, unit_name)):
            entry = self.counts.setdefault((scope, name, grade, consequence), [rank, 0, ZERO, 0])
            entry[1] += 1
            if budget is not None:
                entry[2] += budget
                entry[3] += 1

    def counted(self) -> tuple[ConsequenceCount, ...]:
        """The counts: the batch, then each 主管部门, then each unit (by name), each by grade, highest first."""
        order = {BATCH: 0, DEPARTMENT: 1, UNIT: 2}
        found = []
        for (scope, name, grade, consequence), (_rank, count, budget, budgeted) in sorted(
                self.counts.items(), key=lambda item: (order[item[0][0]], item[0][1], item[1][0], item[0][2], item[0][3])):
            share = budget_share(consequence)
            known = budget if budgeted else None
            low = known * share.low if known is not None and share is not None else None
            high = known * share.high if known is not None and share is not None and share.high is not None else None
            found.append(ConsequenceCount(scope, name, grade, consequence, count, share, known, budgeted, low, high))
        return tuple(found)
