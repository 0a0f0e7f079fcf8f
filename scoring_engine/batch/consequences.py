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
The amounts are exact: the budgets as written, added, times the share. The outputs print them in 万元 to two decimals,
四舍五入, as every amount of 万元 (`ConsequenceCount.printed`), each built from the projects up so that every total printed
is the sum of the figures printed under it: each project's budget as 汇总 prints it, and its amounts that printed budget
times each end of the share, 四舍五入; a scope's figures add those of its projects.

>>> printed_wan(Decimal("123.456789")), printed_wan(Decimal("0.005")), printed_wan(Decimal(80))
(Decimal('123.46'), Decimal('0.01'), Decimal('80.00'))

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

from .._arith import ZERO, round_half_up
from .._budget_share import Share, Unusable, budget_share, unusable_share
from .._record import record
from .ranking import in_order

__all__ = ["Share", "Unusable", "budget_share", "unusable_share", "ConsequenceCount", "ConsequenceTally", "BATCH",
           "DEPARTMENT", "UNIT", "NOT_GIVEN", "WAN_PLACES", "printed_wan"]

#: The scopes of the counts, in the order the outputs show them.
BATCH, DEPARTMENT, UNIT = "全部项目", "主管部门", "实施单位"
#: The name a project without a 主管部门 or unit is counted under.
NOT_GIVEN = "（未填写）"
#: The decimals an amount of 万元 is printed with (to the 百元, as every 万元 figure of a finance document).
WAN_PLACES = 2


def printed_wan(amount: Decimal) -> Decimal:
    """An amount of 万元 as the outputs print it: to WAN_PLACES decimals, rounded half up (四舍五入)."""
    return round_half_up(amount, WAN_PLACES)


@record
class ConsequenceCount:
    """The projects of one scope (a 主管部门, a unit, or the whole batch) with one grade and its consequence.

    `budget` adds up the known budgets of those projects (None for none),
    `budgeted` counts them, whether or not the consequence names a share.
    `amount_low` and `amount_high` are the budget times the share (None: no
    share, or no upper bound). These three are exact (a program's figures);
    `printed` gives them as the outputs print them.
    `shown` adds the same budgets each as 汇总 prints it (`printed_wan`);
    `shown_low` and `shown_high` add each project's amounts: its shown budget
    times each end of the share, 四舍五入.
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
    shown: Decimal | None = None
    shown_low: Decimal | None = None
    shown_high: Decimal | None = None

    @property
    def unbudgeted(self) -> int:
        """Projects whose budget is not known."""
        return self.count - self.budgeted

    def printed(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """(涉及预算, 下限, 上限) as the outputs print them, in 万元 to two decimals, each the sum of its projects' figures
        as printed (a total printed is the sum of what is printed under it): a project's budget as 汇总 prints it, and that
        times each end of the share, 四舍五入. 568.456789万元 at 10%–30% was printed 56.8456789–170.5370367 (QA201 2);
        the amounts of 123.45 and 234.55 at 10% were printed 35.80 over 12.35 and 23.46 (QA204 4).
        A count made without the tally's sums (by a program) is printed as one project's."""
        if self.shown is not None:
            return self.shown, self.shown_low, self.shown_high
        if self.budget is None:
            return None, None, None
        budget = printed_wan(self.budget)
        low, high = _amounts(budget, self.share)
        return budget, low, high


def _amounts(budget: Decimal, share: Share | None) -> tuple[Decimal | None, Decimal | None]:
    """The amounts one project's printed budget gives at each end of the share, as printed (None: no share, no upper
    bound)."""
    if share is None:
        return None, None
    return printed_wan(budget * share.low), None if share.high is None else printed_wan(budget * share.high)


class ConsequenceTally:
    """Counts projects by scope, name, grade and consequence as rows arrive; memory grows with units, not projects."""

    def __init__(self) -> None:
        # (scope, name, grade, consequence) → [grade rank, count, budget sum, budgeted, the sums of the budgets and of
        # the amounts low and high as printed]
        self.counts: dict[tuple[str, Any, str, str], list[Any]] = {}  # (a unit's name: (unit, 主管部门), named at the end)
        self.departments = False  # whether any project gives its 主管部门
        self.left_out: dict[str, int] = {}  # set name → projects scored whose grade carries no consequence: in no count

    def add(self, consequence: str, grade: str, rank: int, budget: Decimal | None, department: str | None,
            unit: str | None) -> None:
        self.departments = self.departments or bool(department)
        shown = None if budget is None else printed_wan(budget)
        low, high = (None, None) if shown is None else _amounts(shown, budget_share(consequence))
        # the projects naming no unit are one row, whatever their 主管部门: rows alike named （未填写） read as one (QA312 2)
        for scope, name in ((BATCH, BATCH), (DEPARTMENT, department or NOT_GIVEN), (UNIT, (unit, department or "") if unit
                                                                                    else ("", ""))):
            entry = self.counts.setdefault((scope, name, grade, consequence), [rank, 0, ZERO, 0, ZERO, ZERO, ZERO])
            entry[1] += 1
            if budget is not None and shown is not None:
                entry[2] += budget
                entry[3] += 1
                entry[4] += shown
                entry[5] += ZERO if low is None else low  # a low of 0.00 kept as such: printed 0.00, not 0 (QA312 1)
                entry[6] += ZERO if high is None else high

    def leave_out(self, set_name: str) -> None:
        """A project scored under `set_name` whose grade carries no consequence: counted apart, said beside the batch's."""
        self.left_out[set_name] = self.left_out.get(set_name, 0) + 1

    def counted(self) -> tuple[ConsequenceCount, ...]:
        """The counts: the batch, then each 主管部门, then each unit (by name), each by grade, highest first."""
        order = {BATCH: 0, DEPARTMENT: 1, UNIT: 2}
        named = [((scope, self._name(name) if scope == UNIT else name, grade, consequence), entry)
                 for (scope, name, grade, consequence), entry in self.counts.items()]
        found = []
        named.sort(key=lambda item: (order[item[0][0]], in_order(item[0][1]), item[0][1], item[1][0], item[0][2], item[0][3]))
        for (scope, name, grade, consequence), (_rank, count, budget, budgeted, shown, shown_low, shown_high) in named:
            share = budget_share(consequence)
            known = budget if budgeted else None
            low = known * share.low if known is not None and share is not None else None
            high = known * share.high if known is not None and share is not None and share.high is not None else None
            found.append(ConsequenceCount(scope, name, grade, consequence, count, share, known, budgeted, low, high,
                                          *((shown, None if low is None else shown_low, None if high is None else shown_high)
                                            if budgeted else (None, None, None))))
        return tuple(found)

    def _name(self, unit: tuple[str, str]) -> str:
        """A unit named with its 主管部门 (机关服务中心 of two departments are two units); one that gives none, beside
        units that do, says so: 第一中学 alone read as the whole school's, beside 第一中学（市教育局） (QA237 3)."""
        name, department = unit
        if name and department:
            return f"{name}（{department}）"
        return f"{name}（未填写主管部门）" if name and self.departments else name or NOT_GIVEN
