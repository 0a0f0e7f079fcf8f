"""结果应用 across a batch: how many projects of each grade carry its consequence, per 主管部门 and per unit, with the budgets.

A set may attach to each grade the consequence its local rules give it (a
grade's ``consequence``): Henan (豫财效〔2020〕10号) has 中 → 核减该项目预算
10%–30% and 差 → 核减30%以上直至取消. Where the words name a share of the
budget (one percentage, a range, or a bound), the batch adds up the evaluated
budgets of the projects concerned -- the fact the set's form puts in the
funds block as 全年预算数 (``form.funds.rows.total.budget``) -- and the amount
the share gives. A project whose budget is not known (the set's form names no
budget fact, or the project has none) is counted and said to be without one.
The amounts are exact: the budgets as written, added, times the share.

>>> budget_share("核减该项目预算10%–30%")
Share(low=Decimal('0.1'), high=Decimal('0.3'))
>>> budget_share("核减30%以上，直至取消该项目")
Share(low=Decimal('0.3'), high=Decimal('1'))
>>> budget_share("下一年度预算按一定比例核减") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .._arith import ONE, ZERO, plain
from .._record import record

__all__ = ["Share", "budget_share", "ConsequenceCount", "ConsequenceTally", "BATCH", "DEPARTMENT", "UNIT", "NOT_GIVEN"]

#: The scopes of the counts, in the order the outputs show them.
BATCH, DEPARTMENT, UNIT = "全部项目", "主管部门", "实施单位"
#: The name a project without a 主管部门 or unit is counted under.
NOT_GIVEN = "（未填写）"

_NUMBER = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(_NUMBER + r"\s*%?\s*(?:-|–|—|~|至|到)\s*" + _NUMBER + r"\s*%")
_AT_LEAST = re.compile(r"(?:不低于|不少于|至少|最低)\s*" + _NUMBER + r"\s*%|" + _NUMBER + r"\s*%\s*(?:及以上|以上|或以上)")
_AT_MOST = re.compile(r"(?:不超过|不高于|最多|最高)\s*" + _NUMBER + r"\s*%|" + _NUMBER + r"\s*%\s*(?:以下|以内)")
_SINGLE = re.compile(_NUMBER + r"\s*%")
_WHOLE = ("取消", "收回全部", "全额收回", "全部收回")  # words that take the share up to the whole budget


@record
class Share:
    """A share of the budget, 0–1: `low` to `high`, or from `low` up with no bound named (`high` None)."""

    low: Decimal
    high: Decimal | None

    def text(self) -> str:
        """10%–30%, 30%以上, 12.5%: the percentages as written."""
        if self.high is None:
            return f"{_percent(self.low)}以上"
        return _percent(self.low) if self.low == self.high else f"{_percent(self.low)}–{_percent(self.high)}"


def _percent(share: Decimal) -> str:
    return f"{plain(share * 100)}%"


@lru_cache(maxsize=256)  # a set has a few consequences; every project of a grade names the same one
def budget_share(consequence: str) -> Share | None:
    """The share of the budget the consequence names, or None when it names none, or more than one.

    A range (10%–30%, 10-30%, 10%至30%), a lower bound (30%以上, 不低于30%),
    an upper bound (30%以下, 不超过30%) or one percentage (核减10%); full-width
    digits and ％ read as ASCII. A lower bound with 取消 goes up to the whole
    budget (核减30%以上直至取消).
    """
    text = unicodedata.normalize("NFKC", consequence)
    found: list[Share] = []
    for pattern, make in ((_RANGE, _range), (_AT_LEAST, _at_least), (_AT_MOST, _at_most), (_SINGLE, _single)):
        for match in pattern.finditer(text):
            found.append(make([Decimal(n) / 100 for n in match.groups() if n is not None], text))
        text = pattern.sub(" ", text)  # a number read once is not read again by the next pattern
    if len(found) != 1 or any(s.low > ONE or (s.high is not None and not s.low <= s.high <= ONE) for s in found):
        return None
    return found[0]


def _range(numbers: list[Decimal], _: str) -> Share:
    return Share(numbers[0], numbers[1])


def _at_least(numbers: list[Decimal], text: str) -> Share:
    return Share(numbers[0], ONE if any(word in text for word in _WHOLE) else None)


def _at_most(numbers: list[Decimal], _: str) -> Share:
    return Share(ZERO, numbers[0])


def _single(numbers: list[Decimal], _: str) -> Share:
    return Share(numbers[0], numbers[0])


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
