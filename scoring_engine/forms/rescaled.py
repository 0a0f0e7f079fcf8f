"""A form's qualitative 得分 where indicators are not applicable and the others' weights are rescaled.

Every 得分 a form shows is a row's score on the weight it was scored against:
the form `score` writes prints each so, and its 得分 column adds up to 总分.
With an indicator marked 不适用 under the set's ``rescale`` policy, that weight
is not the 分值 the row shows (6 becomes 6.66 when 满意度 is out). A
qualitative row's 得分 is the unit's judgement, which the engine reads on the
declared 分值 and scales: taken as typed, a written form would be scaled twice
(4.44 of 6.66 read as 4.44 of 6, scored 4.93) or refused (5.00 above a tier that
ends at 4.8). So a qualitative 得分 typed on such a form is read back to the
declared 分值 (4.44 × 6 ÷ 6.66 = 4), which the engine scales to the 得分 shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._arith import ZERO, apportion
from ..plan import plan_for
from .reading import FormReading

__all__ = ["judged_on_declared"]

_PLACES = 6  # a judgement read back keeps this many decimals: 7.78 × 8 ÷ 8.89 is 7.001125, scaled back to 7.78


def judged_on_declared(reading: FormReading, not_applicable: Mapping[str, str]) -> None:
    """Each qualitative row's typed score in `reading.values`, on a rescaled group, read back to the row's 分值."""
    used = _used_weights(reading, not_applicable)
    if not used:
        return
    for block in reading.set.form.targets:
        rows = reading.values.get(block.fact)
        declared = reading.set.indicator(block.indicator).weight
        weight = used.get(block.indicator)
        if not isinstance(rows, list) or weight is None or weight == declared:
            continue
        weights: list[Decimal] = [w for row in rows if isinstance(row, dict) and isinstance(w := row.get("weight"), Decimal)
                                  and w > 0]
        if len(weights) != len(rows):
            continue  # rows the facts check refuses anyway (or shares the group's weight equally: no row has one)
        shares = apportion(dict(enumerate(weights)), weight, reading.set.precision)
        for i, row in enumerate(rows):
            score = row.get("score")
            if isinstance(score, Decimal) and shares[i] > 0:  # (a row's score is the unit's judgement: quantitative
                # rows' typed 得分 are compared, not read)
                row["score"] = (score * weights[i] / shares[i]).quantize(Decimal(1).scaleb(-_PLACES)).normalize()


def _used_weights(reading: FormReading, not_applicable: Mapping[str, str]) -> dict[str, Decimal]:
    """Indicator id → the weight it is scored against, as the engine rescales it; {} when nothing is rescaled."""
    s = reading.set
    if s.not_applicable != "rescale" or not not_applicable:
        return {}
    plan = plan_for(s)
    if any(key not in plan.by_id for key in not_applicable):
        return {}  # refused when the facts are checked
    marked = {below for key in not_applicable for below in plan.by_id[key].below}
    applicable: dict[Any, Decimal] = {n.id: n.indicator.weight for n in plan.leaves if n.id not in marked}
    if not applicable:
        return {}
    weights = {n.id: ZERO for n in plan.leaves}
    weights.update(apportion(applicable, s.total, s.precision))
    return plan.weights_of(weights)
