"""Rule kind ``linear``: full marks at the target, minus points per unit of shortfall, zero at a floor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, Rounding, percent, plain, round_half_up, to_decimal_or_none
from .._display import equals_text, show_written
from ..formulas import Formula
from ._base import (Amount, Deduction, FactView, Outcome, RuleKind, RuleSpec, Story, Template, amount, reads, shower,
                    shown_later, unambiguous)
from ._deductions import settle_later, show_points


class Linear(NamedTuple):
    """Full marks at the target, minus points per unit of shortfall, zero at a floor."""

    value: Formula
    target: Formula
    per: Decimal
    each: Amount
    zero_at: Decimal | None
    lower_is_better: bool
    units: str  # exact | whole | started
    display: str
    rounding: Rounding

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Linear | None:
        value, target = b.formula("value"), b.formula("target")
        per = Decimal(spec.get("per", ONE))
        if per <= 0:
            b.problem("per must be above 0 (the size of one unit of shortfall)", "per")
        each = amount(spec, b, points="points_each", share="share_each")
        if value is None or target is None or each is None or per <= 0:
            return None
        return cls(value, target, per, each, to_decimal_or_none(spec.get("zero_at")), spec.get("direction") == "lower_is_better",
                   spec.get("units", "exact"), spec.get("display", "number"), b.rounding)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.value, self.target)


def _units(shortfall: Decimal, rule: Linear) -> Decimal:
    """How many units of `rule.per` the shortfall counts: exactly, whole units only, or every unit started."""
    units = shortfall / rule.per
    if rule.units == "whole":
        return units.to_integral_value(rounding="ROUND_FLOOR")
    if rule.units == "started":
        return units.to_integral_value(rounding="ROUND_CEILING")
    return units


def score(rule: Linear, weight: Decimal, facts: FactView) -> Outcome:
    value, target = facts.number(rule.value, "value"), facts.number(rule.target, "target")
    show = shower(rule.display, rule.rounding.places)
    shortfall = value - target if rule.lower_is_better else target - value
    details: dict[str, Any] = {"value": value, "target": target, "shortfall": max(shortfall, ZERO)}
    if rule.zero_at is not None and (value >= rule.zero_at if rule.lower_is_better else value <= rule.zero_at):
        zero_at = rule.zero_at
        return Outcome(ZERO, "linear.zero", shown_later((value, target), _shown, show, value=value, target=target,
                                                         zero_at=zero_at), details)
    if shortfall <= 0:
        return Outcome(weight, "linear.full", shown_later((value, target), _shown, show, value=value, target=target), details)
    units = _units(shortfall, rule)
    each = rule.each.of(weight)
    owed = units * each
    deducted = min(owed, weight)
    details.update(units=units, deducted=deducted)
    taken = settle_later((Deduction(deducted, f"差{show(shortfall)}"),), weight, weight - deducted, rule.rounding)
    fields = shown_later((value, target, shortfall, units, each), _partial_fields, rule, show, value, target, shortfall,
                         units, each, taken, owed > weight)
    return Outcome(weight - deducted, "linear.partial", fields, details, taken)


def _shown(show: Callable[[Decimal], str], **numbers: Decimal) -> dict[str, object]:
    """The numbers as the rule displays them, by field."""
    return {key: show(number) for key, number in numbers.items()}


def _partial_fields(rule: Linear, show: Callable[[Decimal], str], value: Decimal, target: Decimal, shortfall: Decimal,
                    units: Decimal, each: Decimal, taken: Sequence[Deduction], exhausted: bool) -> dict[str, object]:
    # a shortfall that is not a whole number of units keeps the decimals that say so: not '相差3，每3扣1分，计0个单位'
    whole = shortfall / rule.per
    multiples = tuple(whole.to_integral_value(rounding=way) * rule.per for way in (ROUND_FLOOR, ROUND_CEILING))
    return {"value": show(value), "target": show(target), "units": _as_given(rule, units),
            "shortfall": unambiguous(shortfall, rule.display, multiples, rule.rounding.places),
            "per": show(rule.per), "each": _as_given(rule, each), "deducted": show_points(taken[0].points, rule.rounding),
            # 24 units at 2 points took the 6 there were: said, or '计24个单位扣6分' reads as a sum gone wrong
            "exhausted": "，扣完为止" if exhausted else ""}


def _as_given(rule: Linear, number: Decimal) -> str:
    """The units counted and the points each, as the reason's equation needs them: at the set's precision where that
    keeps them or they do not end (1.666…), else as they are (0.5 points each at precision 0 is 0.5, not 1: '计3.5个单位',
    not '计4个单位')."""
    at_precision = round_half_up(number, rule.rounding.places) == number or round_half_up(number, 6) != number
    return rule.rounding.show(number) if at_precision else plain(number)  # a repeating quotient (50 ÷ 30) at the precision


TEMPLATES = {
    "linear.full": Template("{value}达到目标{target}，得满分{score}分", ("value", "target")),
    "linear.partial": Template("{value}与目标{target}相差{shortfall}，"
                               "每{per}扣{each}分，计{units}个单位扣{deducted}分{exhausted}，得{score}分",
                               ("value", "target", "shortfall", "units", "per", "each", "deducted", "exhausted")),
    "linear.zero": Template("{value}达到零分线{zero_at}，不得分", ("value", "target", "zero_at")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值"), s.value_line("target", "目标值"), f"差距 = {s.show(d.get('shortfall'))}"]
    if "zero_at" in s.spec and "deducted" not in d and s.raw_score == 0:
        lines.append(f"达到零分线 {s.show(Decimal(s.spec['zero_at']))}，不得分")
    elif "deducted" in d:
        per = s.show(Decimal(s.spec.get("per", 1)))
        each = (f"{show_written(s.spec['points_each'])}分" if "points_each" in s.spec
                else f"分值的{percent(Decimal(s.spec.get('share_each', 0)))}")
        units = f"{plain(d['units'])} 个单位（units: {s.spec.get('units', 'exact')}）"
        lines.append(f"每差 {per} 扣 {each}，计 {units}，扣 {plain(d['deducted'])} 分")
        lines.append(f"原始得分 = 分值 {plain(s.weight)} − {plain(d['deducted'])} {equals_text(s.raw)}")
    else:
        lines.append("达到目标，得满分")
    return lines


KIND = RuleKind(name="linear", chinese_name="按差距扣分", params=Linear, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"value", "target", "shortfall", "units", "deducted"}))
