"""The line a 自评表 prints under its funds block when the 预算执行率 it was scored on is not the 执行率 its row prints.

The official form's 执行率 is 全年执行数 ÷ 全年预算数 (B/A), and the form keeps it so. A set may score the rate on
another base: the bundled self-evaluation set, where the facts choose `budget.base: 调整后预算数`, scores
72 ÷ 80 = 90% where the row reads 100, 72 and 72%, and prints 得分 9.00 of 10 beside it, with no 需说明 for a 72%
project (QA324 F1). Where the scoring did so, the form says it under the block, with the figures:

    注：预算执行率按调整后预算数 80.00 万元计算：72.00 ÷ 80.00 = 90.00%，据此得分 9.00 分。

What the scoring did is read off the set and the project's values, never off a key of the set (QA328 F1: a key added
to the bundled sets changed their sha256, and every form filled before was told its set had changed; F2: a profile
dropping the value the key named was refused). The funds indicator's rule (the branch its switch chose) reads a
derived value whose formula divides the total row's 全年执行数 fact by something that is not that row's 全年预算数
for this project: that value is the rate scored, and the divisor its base, named by the one fact it reads that holds
its amount (调整后预算数), else by its own label. A rule that reads no such value gets no line (QA328 F3: a profile
scoring on 全年预算数 is told nothing), nor a form whose rate is B/A: it is as it was. The batch counts its projects
scored on another base by the same test (`scored_rate`). Reading a filled form back reads nothing of the line: the
funds block ends at the first row whose label cell holds text of no funds row, and no other block reads it.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Mapping
from decimal import Decimal, DecimalException
from typing import Any, NamedTuple

from .._arith import fixed, round_half_up, uncarried_places
from .._closures import Missing, build
from .._formula_functions import Fail
from .._later import Later, given
from ..audit import AuditTrail
from ..errors import ScoringError
from ..model import IndicatorSet, Rule
from ..result import Result
from .grid import percent_figure
from .labels import to_wan

__all__ = ["LEAD", "ScoredRate", "not_applicable_in", "scored_rate", "scored_rate_note"]

#: How the line begins, in every format.
LEAD = "注：预算执行率按"
_CLOSE = 12  # decimals two rates are compared at: the same rate worked out on amounts in another unit is the same
#: The largest rate a line says (printed to 10 decimals in percent, within 28 digits); made exactly, in no caller's
#: context (QA127 F5: Decimal(10) ** 9 overflowed an importer's Emax=1)
_MOST_RATE = Decimal("1e9")
ZERO = Decimal(0)


class ScoredRate(NamedTuple):
    """A project's 预算执行率 as its funds indicator read it, where that is not the form's B/A; amounts in 万元."""

    rate: Decimal
    budget: Decimal  # A
    paid: Decimal  # B
    base: tuple[str, Decimal] | None  # what B was divided by instead of A, named, with its amount; None: not known


def scored_rate(indicator_set: IndicatorSet, values: Mapping[str, Any],
                not_applicable: Collection[str] = ()) -> ScoredRate | None:
    """The rate the funds indicator was scored on, where it is 全年执行数 divided by another amount than 全年预算数 (the
    total row's facts of the set's `form: funds:`), by a derived value its rule reads; else None, and for an indicator
    marked 不适用 (in `not_applicable`). `values`: the project's facts and derived values, by name, as scored."""
    form = indicator_set.form
    row = form.funds.get("total", {})
    budget_name, paid_name = row.get("budget"), row.get("paid")
    if form.funds_indicator is None or form.funds_indicator in not_applicable or budget_name is None or paid_name is None:
        return None
    budget, paid = _number(values, budget_name), _number(values, paid_name)
    if budget is None or paid is None or budget <= 0:
        return None
    in_wan = to_wan(budget, _unit(indicator_set, budget_name)), to_wan(paid, _unit(indicator_set, paid_name))
    formulas = {d.name: d.formula.tree for d in indicator_set.derived}
    found: list[ScoredRate | None] = []  # each rate the rule reads: None for one that is B/A, or no rate a line prints
    for name in sorted(_read(indicator_set.indicator(form.funds_indicator).rule, values)):
        tree, rate = formulas.get(name), _number(values, name)
        if rate is None or not (isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Div)
                                and isinstance(tree.left, ast.Name) and tree.left.id == paid_name):
            continue
        divisor = _evaluated(tree.right, values)
        if divisor is None or divisor == budget or not ZERO <= rate < _MOST_RATE or _same(rate, in_wan[1] / in_wan[0]):
            found.append(None)  # (a rate past a billion times, of a base of 1e-11, is no rate a line prints: exit 3 it was)
        else:
            found.append(ScoredRate(rate, *in_wan, _base(indicator_set, values, tree.right, divisor)))
    # one rate read, and not B/A: a rule reading two (min(ra, rb)) may have scored on either (QA329 F1)
    return found[0] if len(found) == 1 else None


def scored_rate_note(result: Result, indicator_set: IndicatorSet) -> str:
    """The line under the funds block of `result`'s form, or "" where the rate scored is the row's B/A (or either is
    not known: a rate the set could not work out, an indicator marked 不适用, a row without its amounts)."""
    indicator = indicator_set.form.funds_indicator
    if indicator is None or result.indicator(indicator).not_applicable is not None:
        return ""
    values = {**{f.name: f.value for f in result.facts}, **{d.name: d.value for d in result.derived if d.error is None}}
    found = scored_rate(indicator_set, values)
    if found is None:
        return ""
    score = fixed(result.indicator(indicator).score, result.precision)
    worked_out = fixed(found.rate * 100, uncarried_places(found.rate * 100, 2))
    if found.base is not None and found.base[1] > 0 and _same(found.paid / found.base[1], found.rate):
        label, amount = found.base
        return (f"{LEAD}{label} {_money(amount)} 万元计算：{_money(found.paid)} ÷ {_money(amount)} = {worked_out}%，"
                f"据此得分 {score} 分。")
    return (f"{LEAD}指标体系口径为 {worked_out}%（上表执行率 {percent_figure(found.paid / found.budget)}%），"
            f"据此得分 {score} 分。")


def not_applicable_in(result: Result) -> Collection[str]:
    """The indicators `result` marks 不适用: from its audit trail while its indicator results are not made (the batch
    makes none for its rows), else from those."""
    tree = given(result, "indicators")
    waiting = tree.pending() if isinstance(tree, Later) else None
    if waiting and isinstance(waiting[0], AuditTrail):
        return waiting[0].not_applicable.keys()
    return {n.id for n in result.walk() if n.not_applicable is not None}


def _read(rule: Rule[Any] | None, values: Mapping[str, Any]) -> frozenset[str]:
    """The names a rule reads, of the rule a switch chose for the project's values (a switch by budget.method reads
    execution_rate in either variant; a profile's own rule its own value)."""
    while rule is not None and rule.kind == "switch":
        rule = rule.params.rules.get(_value(values, rule.params.by))
    return rule.reads if rule is not None else frozenset()


def _evaluated(tree: ast.expr, values: Mapping[str, Any]) -> Decimal | None:
    """The value of a formula's divisor for the project, or None."""
    if isinstance(tree, ast.Name):
        return _number(values, tree.id)
    try:
        value = build(tree)(values)
    except (Fail, Missing, ScoringError, DecimalException):
        return None
    return value if isinstance(value, Decimal) and value.is_finite() else None


def _base(indicator_set: IndicatorSet, values: Mapping[str, Any], tree: ast.expr,
          amount: Decimal) -> tuple[str, Decimal] | None:
    """The divisor as (what it is, its amount in 万元): the one declared fact it reads (through derived values) that
    holds its amount, as execution_base takes 调整后预算数 where the facts choose it; else a derived value by its label.
    A divisor worked out in the rate's own formula (budget.total - budget.cut) is named by none: a fact read there that
    holds the same amount (a 核减数 of half the budget) is not what it is (QA329 F3)."""
    if not isinstance(tree, ast.Name):
        return None
    formulas = {d.name: d.formula.names for d in indicator_set.derived}
    read, waiting = set(), [n.id for n in ast.walk(tree) if isinstance(n, ast.Name)]
    while waiting:
        name = waiting.pop()
        if name not in read:
            read.add(name)
            waiting += formulas.get(name, ())
    holding = {name for name in read if name in indicator_set.facts and _number(values, name) == amount}
    if len(holding) == 1:
        spec = indicator_set.facts[name := holding.pop()]
        return spec.label or name, to_wan(amount, spec.unit)
    if isinstance(tree, ast.Name) and tree.id in formulas:
        own = next(d.label for d in indicator_set.derived if d.name == tree.id)
        return own or tree.id, amount
    return None


def _same(one: Decimal, other: Decimal) -> bool:
    return round_half_up(one, _CLOSE) == round_half_up(other, _CLOSE)


def _money(amount: Decimal) -> str:
    """An amount in 万元 with two decimals, or as many as it has (712.4215 is not 712.42)."""
    exponent = amount.normalize().as_tuple().exponent
    return fixed(amount, max(2, -exponent if isinstance(exponent, int) else 2))


def _unit(indicator_set: IndicatorSet, name: str) -> str | None:
    spec = indicator_set.facts.get(name)
    return spec.unit if spec is not None else None


def _value(values: Mapping[str, Any], name: str) -> Any:
    """A fact or derived value by name; None when it has none, or failed (reading it raises then)."""
    try:
        return values.get(name)
    except ScoringError:
        return None


def _number(values: Mapping[str, Any], name: str) -> Decimal | None:
    value = _value(values, name)
    return value if isinstance(value, Decimal) and value.is_finite() else None
