"""The line a 自评表 prints under its funds block when the 预算执行率 it was scored on is not the 执行率 its row prints.

The official form's 执行率 is 全年执行数 ÷ 全年预算数 (B/A), and the form keeps it so. A set may score the rate on
another base: the bundled self-evaluation set, where the facts choose `budget.base: 调整后预算数`, scores
72 ÷ 80 = 90% where the row reads 100, 72 and 72%, and prints 得分 9.00 of 10 beside it, with no 需说明 for a 72%
project (QA324 F1). The set names what its funds indicator is scored on (`form: funds: rate`, and `base`, what
that rate divides 全年执行数 by); where it differs from B/A, the form says so under the block, with the figures:

    注：预算执行率按调整后预算数 80.00 万元计算：72.00 ÷ 80.00 = 90.00%，据此得分 9.00 分。

A form whose rate is B/A prints no such line: it is as it was. Reading a filled form back reads nothing of the line:
the funds block ends at the first row whose label cell holds text of no funds row, and no other block reads it.
"""

from __future__ import annotations

from decimal import Decimal

from .._arith import fixed, round_half_up, uncarried_places
from ..model import IndicatorSet
from ..result import Result
from .grid import percent_figure
from .labels import to_wan

__all__ = ["LEAD", "scored_rate_note"]

#: How the line begins, in every format.
LEAD = "注：预算执行率按"
_CLOSE = 12  # decimals two rates are compared at: the same rate worked out on amounts in another unit is the same


def scored_rate_note(result: Result, indicator_set: IndicatorSet) -> str:
    """The line under the funds block of `result`'s form, or "" where the rate scored is the row's B/A (or either is
    not known: a rate the set could not work out, an indicator marked 不适用, a row without its amounts)."""
    form = indicator_set.form
    row = form.funds.get("total", {})
    if form.funds_rate is None or form.funds_indicator is None:
        return ""
    scored = result.indicator(form.funds_indicator)
    rate = _number(result, form.funds_rate)
    budget, paid = (_amount(result, row.get(key)) for key in ("budget", "paid"))
    if scored.not_applicable is not None or rate is None or budget is None or paid is None or budget <= 0:
        return ""
    if _same(rate, paid / budget):
        return ""
    score = fixed(scored.score, result.precision)
    worked_out = fixed(rate * 100, uncarried_places(rate * 100, 2))
    base = _base(result, indicator_set, form.funds_base)
    if base is not None and base[1] > 0 and _same(paid / base[1], rate):
        label, amount = base
        return (f"{LEAD}{label} {_money(amount)} 万元计算：{_money(paid)} ÷ {_money(amount)} = {worked_out}%，"
                f"据此得分 {score} 分。")
    return f"{LEAD}指标体系口径为 {worked_out}%（上表执行率 {percent_figure(paid / budget)}%），据此得分 {score} 分。"


def _same(one: Decimal, other: Decimal) -> bool:
    return round_half_up(one, _CLOSE) == round_half_up(other, _CLOSE)


def _money(amount: Decimal) -> str:
    """An amount in 万元 with two decimals, or as many as it has (712.4215 is not 712.42)."""
    exponent = amount.normalize().as_tuple().exponent
    return fixed(amount, max(2, -exponent if isinstance(exponent, int) else 2))


def _number(result: Result, name: str | None) -> Decimal | None:
    """The number a fact or a derived value holds for the project, or None."""
    if name is None:
        return None
    fact = result.fact(name)
    if fact is not None:
        value = fact.value
    else:
        derived = next((d for d in result.derived if d.name == name and d.error is None), None)
        value = derived.value if derived is not None else None
    return value if isinstance(value, Decimal) and value.is_finite() else None


def _amount(result: Result, name: str | None) -> Decimal | None:
    """A funds fact's amount in 万元, as the form prints it."""
    value = _number(result, name)
    fact = result.fact(name) if name is not None and value is not None else None
    return to_wan(value, fact.unit) if value is not None and fact is not None else value


def _base(result: Result, indicator_set: IndicatorSet, name: str | None) -> tuple[str, Decimal] | None:
    """The base the rate divides by, as (what it is, its amount in 万元): a fact by its label; a derived value by the one
    fact it reads (through other derived values) that holds its amount, as `execution_base` takes 调整后预算数 where the
    facts choose it; else by its own label."""
    value = _number(result, name)
    if name is None or value is None:
        return None
    fact = result.fact(name)
    if fact is not None:
        return fact.label or name, to_wan(value, fact.unit)
    formulas = {d.name: d.formula.names for d in indicator_set.derived}
    read, waiting = set(), list(formulas.get(name, ()))
    while waiting:
        other = waiting.pop()
        if other not in read:
            read.add(other)
            waiting += formulas.get(other, ())
    holding = {(f.label or f.name, f.unit) for f in result.facts if f.name in read and f.value == value
               and isinstance(f.value, Decimal)}
    if len(holding) == 1:
        label, unit = holding.pop()
        return label, to_wan(value, unit)
    own = next((d.label for d in result.derived if d.name == name), None)
    return own or name, value
