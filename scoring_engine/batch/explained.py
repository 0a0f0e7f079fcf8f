"""The wording of the default 需说明 rule's flags: a 预算执行率 shown with the decimals that put it below the limit, and
the reason a unit gave on its form for it."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any

from .._arith import fixed, percent, round_half_up
from ..forms.reading import says_something

__all__ = ["below", "reason_given"]

_TENTH = Decimal("0.1")  # a whole tenth of a percent, as 汇总 shows a rate (_arith.cut_rate)



def reason_given(indicator_set: Any, values: Mapping[str, Any]) -> str:
    """The reason the unit gave on its form's funds block for the rate (a Sichuan form's 偏差原因), as the flag's end;
    "" when none was given: the bureau sees which projects still owe theirs without opening every form."""
    for columns in indicator_set.form.funds.values():
        fact = columns.get("reason")
        if fact is None:
            continue
        given, spec = values.get(fact), indicator_set.facts.get(fact)
        if isinstance(given, str) and says_something(given) and (spec is None or given != spec.default):
            return f"；单位已说明：{given.strip()}"
    return ""


def below(rate: Decimal, limit: Decimal) -> str:
    """`rate` as a percentage with the decimals that show it below `limit` (89.995%, not 90.00%): two, up to six; never
    rounded up onto a whole tenth it falls short of (86.9999%, not the 87.00% 汇总's 86.99% and the reason's 86.9999%
    contradict: QA213 1)."""
    for places in range(2, 7):
        shown = round_half_up(rate * 100, places)
        if shown < limit * 100 and not (shown > rate * 100 and shown % _TENTH == 0):
            return percent(rate, places)
    return "约" + fixed((rate * 100).quantize(Decimal(1).scaleb(-6), ROUND_DOWN), 6) + "%"
