"""The ``over_target`` option: 偏离度调减, points taken off when the actual far exceeds a target set too low.

财预〔2020〕10号 第十六条: "对完成值高于指标值较多的，要分析原因，如果是由于年初指标值
设定明显偏低造成的，要按照偏离度适度调减分值". The rule fixes neither how much is
"较多" nor how much to take off, so a set says both: the deviation above which
points are reduced, and the reduction per step of the deviation beyond it. An
option of the kinds that compare an actual with a target (``proportional``,
and so the rows of a target table).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, exact, percent, to_decimal, to_decimal_or_none
from .._formula_functions import condition_value
from ..errors import ScoringError
from ..formulas import Formula
from ._base import FactView, RuleSpec, fraction

__all__ = ["OverTarget", "deviation", "over_target"]


class OverTarget(NamedTuple):
    """偏离度调减: above a deviation of `above`, each `per` of deviation beyond it takes `each` of the weight."""

    above: Decimal  # 偏离度 beyond which the target counts as set too low: 0.2 for 20%
    per: Decimal  # one step of the deviation beyond `above`
    each: Fraction  # the share of the weight one step takes
    units: str  # exact | whole | started: how the steps are counted
    most: Fraction | None  # the largest share of the weight taken; None: up to the whole
    when: Formula | None  # only when this is true (the evaluator found the target set too low)

    def reduction(self, deviation: Decimal, weight: Decimal, facts: FactView) -> tuple[Decimal, dict[str, Any]]:
        """The points taken off for `deviation` (0 when it is not above the threshold), and what was computed."""
        if deviation <= self.above:
            return ZERO, {}
        if self.when is not None:
            applies = facts.value(self.when)
            if not isinstance(applies, bool):
                raise ScoringError(f"over_target when must give true or false, got {condition_value(applies)}",
                                   expression=self.when.text)
            if not applies:
                return ZERO, {"deviation": deviation, "waived": True}
        steps = (deviation - self.above) / self.per
        if self.units != "exact":
            steps = steps.to_integral_value(rounding=ROUND_FLOOR if self.units == "whole" else ROUND_CEILING)
        share = steps * to_decimal(self.each)
        if self.most is not None:
            share = min(share, to_decimal(self.most))
        taken = min(share, ONE) * weight
        return taken, {"deviation": deviation, "steps": steps, "reduced": taken}

    def lines(self, deviation: Decimal) -> tuple[Decimal, ...]:
        """The deviations a reason must tell `deviation` from: the threshold, and the steps on either side of it."""
        steps = (deviation - self.above) / self.per
        return (self.above, *(self.above + steps.to_integral_value(rounding=way) * self.per
                              for way in (ROUND_FLOOR, ROUND_CEILING)))

    def words(self) -> str:
        """The option as a reason says it: '超过20.00%的部分每10.00%扣分值的10.00%，最多扣30.00%'."""
        each = to_decimal(self.each)
        rate = ("按超出部分的比例扣减分值" if self.per == 1 and each == 1
                else f"每{percent(self.per)}扣分值的{percent(each)}")
        most = f"，最多扣{percent(to_decimal(self.most))}" if self.most is not None else ""
        return f"超过{percent(self.above)}的部分{rate}{most}"


def over_target(spec: Mapping[str, Any], b: RuleSpec) -> OverTarget | None:
    """The rule's ``over_target`` option as written, or None when it has none or it is broken (problem recorded)."""
    raw = spec.get("over_target")
    if not isinstance(raw, Mapping):
        return None
    above, per = to_decimal_or_none(raw["above"]), to_decimal_or_none(raw.get("per", 1))
    each, most = fraction(raw, "share_each"), fraction(raw, "max_share")
    when = b.formula("over_target", "when", gives="condition") if "when" in raw else None
    broken = False
    for key, value in (("share_each", each), ("max_share", most)):
        if value is not None and value > 1:
            b.problem(f"{key} {raw[key]} is above 1 (the whole weight)", "over_target", key)
            broken = True
    if above is None or per is None or broken or ("when" in raw and when is None):
        return None
    return OverTarget(above, per, each if each is not None else exact(1), raw.get("units", "exact"), most, when)


def deviation(value: Decimal, target: Decimal, lower_is_better: bool) -> Decimal:
    """偏离度: how far the actual is past the target, as a share of the target (beyond a ≤ target: below it)."""
    return (target - value) / target if lower_is_better else (value - target) / target
