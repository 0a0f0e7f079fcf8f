"""Rule kind ``linear``: full marks at the target, minus points per unit of shortfall, zero at a floor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, Rounding, plain, round_half_up, to_decimal_or_none
from .._display import equals_text, share_written, show_number, show_written
from ..formulas import Formula
from ._base import (Amount, Deduction, FactView, Outcome, RuleKind, RuleSpec, Story, Template, amount, reads, shower,
                    shown_later, unambiguous, units_words)
from ._deductions import MORE_PLACES, settle_later, show_points


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
        value, target = b.formula("value", gives="number"), b.formula("target", gives="number")
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
    show = shower(rule.display, _places(rule))
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
    # the gap as the reason says it: 差3.65 beside 相差3.65, not 差3.7 at precision 1 (QA271 F2)
    taken = settle_later((Deduction(deducted, f"差{_gap(rule, shortfall)}"),), weight, weight - deducted, rule.rounding)
    fields = shown_later((value, target, shortfall, units, each), _partial_fields, rule, show, value, target, shortfall,
                         units, each, taken, (weight, deducted) if owed <= weight else None)
    return Outcome(weight - deducted, "linear.partial", fields, details, taken)


def _shown(show: Callable[[Decimal], str], **numbers: Decimal) -> dict[str, object]:
    """The numbers as the rule displays them, by field."""
    return {key: show(number) for key, number in numbers.items()}


def _partial_fields(rule: Linear, show: Callable[[Decimal], str], value: Decimal, target: Decimal, shortfall: Decimal,
                    units: Decimal, each: Decimal, taken: Sequence[Deduction],
                    lost: tuple[Decimal, Decimal] | None) -> dict[str, object]:
    equation = None if lost is None else _equation(rule, units, each, *lost)
    shown_units, shown_each, shown_deducted = equation or (_as_given(rule, units), _as_given(rule, each),
                                                           show_points(taken[0].points, rule.rounding))
    places = _places(rule)
    gap = _gap(rule, shortfall)
    if rule.display != "percent" and "." in gap:  # the value and the target with the shortfall's decimals, as they add up
        show = shower(rule.display, max(places, len(gap) - gap.index(".") - 1))
    listed = show_points(taken[0].points, rule.rounding)  # as the deductions list it: weight − the score shown
    return {"value": show(value), "target": show(target), "units": shown_units, "shortfall": gap,
            "per": _per(rule, show), "each": shown_each, "deducted": shown_deducted,
            # 扣5.453分 of units × points beside 扣5.5分 in the deductions, at precision 1: both said (QA309 3)
            "settled": "" if Decimal(listed) == Decimal(shown_deducted) else f"，得分四舍五入后计扣{listed}分",
            # 24 units at 2 points took the 6 there were: said, or '计24个单位扣6分' reads as a sum gone wrong
            "exhausted": "，扣完为止" if lost is None else ""}


def _gap(rule: Linear, shortfall: Decimal) -> str:
    """The shortfall as the reason and its deduction say it: a shortfall that is not a whole number of units keeps the
    decimals that say so (not '相差3，每3扣1分，计0个单位'), and one that ends is said whole."""
    places = _places(rule)
    if rule.display != "percent" and round_half_up(shortfall, places + MORE_PLACES) == shortfall:
        return plain(shortfall)
    whole = shortfall / rule.per
    multiples = tuple(whole.to_integral_value(rounding=way) * rule.per for way in (ROUND_FLOOR, ROUND_CEILING))
    return unambiguous(shortfall, rule.display, multiples, places)


def _places(rule: Linear) -> int:
    """The decimals the value, the target and the shortfall are shown with: the set's precision, or as many as one unit
    has (每0.5 at precision 0: '9.5与目标10相差0.5，计1个单位', not '10与目标10相差1，计1个单位': QA49 F4). Percentages
    keep their two decimals (shower, unambiguous)."""
    exponent = rule.per.normalize().as_tuple().exponent
    return max(rule.rounding.places, -exponent if isinstance(exponent, int) else 0)


def _per(rule: Linear, show: Callable[[Decimal], str]) -> str:
    """The size of a unit with the decimals it was written with (每0.01, not 每0 at precision 0; 每0.125%, not 每0.13%)."""
    if rule.display == "percent":
        hundred = rule.per * 100
        return show(rule.per) if round_half_up(hundred, 2) == hundred else f"{plain(hundred)}%"
    return show(rule.per) if round_half_up(rule.per, rule.rounding.places) == rule.per else plain(rule.per)


def _equation(rule: Linear, units: Decimal, each: Decimal, weight: Decimal, deducted: Decimal) -> tuple[str, str, str] | None:
    """The units, the points each and the deduction as the reason prints them, so that units × each gives the deduction
    on paper ('计3.5个单位扣1.75分' at precision 0, not '扣2分'), and weight − the deduction rounds to the score shown.

    Units that end are printed as they are and the deduction exactly; a repeating quotient (50 ÷ 30) keeps at least two
    decimals, and as many more as make its product round to the deduction printed (1.667 × 2 = 3.334: 扣3.33分).
    None when no such figures are found within MORE_PLACES more decimals (the settled deduction is printed instead).
    """
    places, most = rule.rounding.places, rule.rounding.places + MORE_PLACES
    shown_each = _as_given(rule, each)
    if Decimal(shown_each) != each:  # points each that do not end (a third of the weight): shown as before
        return None
    ends = round_half_up(units, most) == units
    score, read = rule.rounding.round(weight - deducted), rule.rounding.as_read(weight - deducted)
    for kept in range(places if ends else max(places, 2), most + 1):
        shown = round_half_up(deducted, kept)
        if shown == 0 or read(weight - shown) != score:
            continue
        if ends:
            if units * each == shown:
                return _as_given(rule, units), shown_each, plain(shown)
            continue
        for unit_places in range(kept, most + 1):
            if round_half_up(round_half_up(units, unit_places) * each, kept) == shown:
                return plain(round_half_up(units, unit_places)), shown_each, plain(shown)
    return None


def _as_given(rule: Linear, number: Decimal) -> str:
    """The units counted and the points each, as the reason's equation needs them: at the set's precision where that
    keeps them, with two decimals at least where they do not end (1.666…), else as they are (0.5 points each at
    precision 0 is 0.5, not 1: '计3.5个单位', not '计4个单位')."""
    if round_half_up(number, 6) != number:  # a repeating quotient (50 ÷ 30): two decimals at least, at precision 0 too
        return format(round_half_up(number, max(rule.rounding.places, 2)), "f")  # ('计15.67个单位', not 16: QA48 F4)
    return rule.rounding.show(number) if round_half_up(number, rule.rounding.places) == number else plain(number)


TEMPLATES = {
    "linear.full": Template("{value}达到目标{target}，得满分{score}分", ("value", "target")),
    "linear.partial": Template("{value}与目标{target}相差{shortfall}，"
                               "每{per}扣{each}分，计{units}个单位扣{deducted}分{exhausted}{settled}，得{score}分",
                               ("value", "target", "shortfall", "units", "per", "each", "deducted", "exhausted", "settled")),
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
                else f"分值的{share_written(s.spec.get('share_each', 0))}")
        units = f"{show_number(d['units'])} 个单位（{units_words(s.spec.get('units', 'exact'), '个单位')}）"
        exhausted = "，扣完为止" if d["deducted"] == s.weight else ""  # 7 units at 2 points took the 10 there were (QA48 F3)
        deducted = show_number(d["deducted"])  # a fraction of a unit: ≈5.452946, as other kinds say it, not 28 digits (QA309 2)
        lines.append(f"每差 {per} 扣 {each}，计 {units}，扣 {deducted} 分{exhausted}")
        lines.append(f"原始得分 = 分值 {plain(s.weight)} − {deducted} {equals_text(s.raw)}")
    else:
        lines.append("达到目标，得满分")
    return lines


KIND = RuleKind(name="linear", chinese_name="按差距扣分", params=Linear, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"value", "target", "shortfall", "units", "deducted"}),
                formulas=(("value",), ("target",)))
