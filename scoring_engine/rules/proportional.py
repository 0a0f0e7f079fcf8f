"""Rule kind ``proportional``: value / target capped at 1 (or target / value when lower is better), optionally with a floor.

With ``direction: both`` a deviation either way loses in proportion: value / target below the target, target / value
above it (an "=" target scored as ≥ and ≤ at once; 0 against a target of 0 is full marks, anything else 0).

With ``over_target`` a value far past its target loses points by the deviation
(偏离度调减, 财预〔2020〕10号 第十六条; see ``_over_target``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, Rounding, exact, fixed, percent, plain, round_half_up, to_decimal, to_decimal_or_none
from .._display import equals_after, equals_text, rate_shown, share_written, show_number
from ..errors import ScoringError
from ..formulas import Formula
from ._base import (Deduction, FactView, Outcome, RuleKind, RuleSpec, Story, Template, equation_rate, reads, row_unit, shower,
                    shown_later, unambiguous, units_words)
from ._deductions import settle_later, show_points
from ._over_target import OverTarget, deviation, over_target


class Proportional(NamedTuple):
    """value / target capped at 1 (or target / value when lower is better), optionally with a floor."""

    value: Formula
    target: Formula | None
    lower_is_better: bool
    floor: Decimal | None
    rounding: Rounding
    display: str = "number"
    over_target: OverTarget | None = None
    rows: bool = False  # scores the rows of a target table, whose unit may make its values rates (%)
    rate_name: str = "完成率"  # a value that is itself a rate (no target) is named by its label: 预算执行率
    both: bool = False  # direction: both, a deviation either way loses in proportion

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Proportional | None:
        value, target = b.formula("value", gives="number"), b.formula("target", required=False, gives="number")
        floor = to_decimal_or_none(spec.get("floor"))
        if floor is not None and not ZERO <= floor < ONE:
            b.problem("floor must be a rate from 0 up to (not including) 1, e.g. 0.6", "floor")
            return None
        beyond = over_target(spec, b)
        if "over_target" in spec and "target" not in spec:
            b.problem("over_target needs a target: the deviation is measured from it", "over_target")
            return None
        both = spec.get("direction") == "both"
        if both and "over_target" in spec:
            b.problem("over_target is for a target to reach or a ceiling: with direction: both a value past the target "
                      "already loses points in proportion", "over_target")
            return None
        if value is None or ("target" in spec and target is None) or ("over_target" in spec and beyond is None):
            return None
        return cls(value, target, spec.get("direction") == "lower_is_better", floor, b.rounding,
                   spec.get("display", "number"), beyond, b.rows, _rate_name(value, target, b), both)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.value, self.target, self.over_target.when if self.over_target else None)


def _rate_name(value: Formula, target: Formula | None, b: RuleSpec) -> str:
    """What the reason calls the rate: the label of a value read alone with no target, if it names a rate
    (资金到位率, 预算执行率); else 完成率, which the reason then shows as 实际值 against 目标值."""
    label = b.label(value.text) if target is None and value.names == {value.text} else None
    return label if label and label.endswith("率") else "完成率"


def _fields(rule: Proportional, value: Decimal, target: Decimal, rate: Decimal, actual_rate: Decimal,
            unit: str | None, weight: Decimal) -> dict[str, object]:
    """The reason's fields: rates as percentages; value and target as the rule (or a row in %) displays them."""
    display = "percent" if unit == "%" else rule.display
    show = shower(display, rule.rounding.places)
    # a value past the target keeps the decimals that tell them apart: not '实际值90超过目标值90'
    fields: dict[str, object] = {"rate": _rate_shown(rule, rate, weight), "actual_rate": percent(actual_rate),
                                 "value": unambiguous(value, display, (target,), rule.rounding.places), "target": show(target)}
    if (rule.lower_is_better or rule.both) and value > target:  # the equation holds as printed: see _lower_equation
        fields["value"], fields["target"] = _lower_equation(rule, value, target, weight, display, fields["value"])
    if rule.floor is not None:
        fields["floor"] = _as_given(rule.floor, "percent")  # a pass line of 99.999% is not 100.00% (QA99 F2)
    fields["rate_name"] = rule.rate_name
    # weight × rate as computed: below 0 for a negative value, which the reason's clamp clause then takes up to 0, as a
    # formula's rate says it (QA191 F4: '得分 = 10 × -5.00% = 0.00分' was false)
    product = weight * rate
    read = rule.rounding.as_read(product) if ZERO <= product <= weight else rule.rounding.straight
    fields["product"] = fixed(read(product), rule.rounding.places)
    # a rate against a target says what it was measured on (满意度80%对目标90%, not a bare 完成率88.89%), each as given:
    # rounded, 299.9975 of 500 read 300 beside 完成率59.9995%，低于60% (QA99 F1), a target of 99.999% 100.00% (F2)
    fields["measured"] = (f"实际值{_as_given(value, display)}，目标值{_as_given(target, display)}，"
                          if rule.target is not None else "")
    fields["ratio"] = ""
    if (rule.lower_is_better or rule.both) and value > target:  # past the target the rate is target ÷ value: said so (QA342 F7)
        given, aim = _as_given(value, display), _as_given(target, display)
        fields["measured"], fields["ratio"] = f"实际值{given}超过目标值{aim}，", f" = {aim} ÷ {given} = "
    return fields


def _as_given(value: Decimal, display: str) -> str:
    """A value as the facts give it, in full: all of a float's digits (0.5999999999999999 is not ≈0.6 beside a pass line
    of 60%, QA100 F1; 0.30000000000000004, QA101 F4), past 17 digits (a formula's 28) ≈ as show_number words it; a
    percentage with two decimals at least."""
    number = value * 100 if display == "percent" else value
    shown = plain(number) if len(number.normalize().as_tuple().digits) <= _MOST_GIVEN_DIGITS else show_number(number)
    if display != "percent":
        return shown
    return (shown if "≈" in shown or len(shown.partition(".")[2]) >= 2 else fixed(number, 2)) + "%"


_MOST_GIVEN_DIGITS = 17  # a float's repr has at most 17 significant digits (0.30000000000000004)


def _lower_equation(rule: Proportional, value: Decimal, target: Decimal, weight: Decimal, display: str,
                    value_text: object) -> tuple[object, object]:
    """Value and target for '得分 = weight × target ÷ value = score': percentages with two decimals, numbers at the
    set's precision, or as many more decimals (up to six) as make the equation give the score as printed
    (10 × 0.15% ÷ 0.55% is 2.73, 10 × 0.1452% ÷ 0.5549% is 2.62; at precision 0, 4 × 2 ÷ 3 is 3, 4 × 2.4 ÷ 2.5 is 4)."""
    exact = weight * target / value
    score, read = rule.rounding.round(exact), rule.rounding.as_read(exact)
    percents = display == "percent"
    first = 2 if percents else rule.rounding.places
    for places in range(first, first + 7):
        kept = places + 2 if percents else places
        shown_value, shown_target = round_half_up(value, kept), round_half_up(target, kept)
        if shown_value and shown_target != shown_value and read(weight * shown_target / shown_value) == score:
            if percents:
                return percent(value, places), percent(target, places)
            return plain(shown_value), plain(shown_target)
    return value_text, percent(target, 2) if percents else shower(display, rule.rounding.places)(target)


def _rate_shown(rule: Proportional, rate: Decimal, weight: Decimal) -> str:
    """The rate for the reason's equation (weight × rate, or the share above the floor): see `equation_rate`."""
    if rate >= ONE:
        return percent(rate)
    if rule.floor is not None and rate < rule.floor:  # 59.995% is below 60%, not '60.00%，低于60.00%'
        return unambiguous(rate, "percent", (rule.floor,), 2)
    floor = rule.floor
    read = rule.rounding.as_read(weight * (rate if floor is None else (rate - floor) / (ONE - floor)))
    return equation_rate(rate, lambda r: read(weight * (r if floor is None else (r - floor) / (ONE - floor))))


def _reduced_fields(rule: Proportional, fields: Mapping[str, object], found: Decimal, value: Decimal, target: Decimal,
                    deductions: Sequence[Deduction]) -> dict[str, object]:
    beyond = rule.over_target
    assert beyond is not None
    # the deviation, and the value, with the decimals that tell them from the line and from the step they passed:
    # not '偏离度20.00%超过20.00%' of 20.0033%, nor 40.00% (two steps) beside the third it began (QA272 F1)
    lines = beyond.lines(found)
    past = tuple(target * (ONE - line if rule.lower_is_better else ONE + line) for line in lines)
    shown = dict(fields)
    if "value" in shown and rule.display == "number":
        shown["value"] = unambiguous(value, "number", (target, *past), rule.rounding.places)
    return {**shown, "deviation": unambiguous(found, "percent", lines, 2), "above": percent(beyond.above),
            "reduced": show_points(deductions[0].points, rule.rounding), "how": beyond.words()}


def _reduced(rule: Proportional, weight: Decimal, value: Decimal, target: Decimal, fields: Mapping[str, object],
             details: dict[str, Any], facts: FactView) -> Outcome | None:
    """The outcome when the value is so far past the target that points are reduced (偏离度调减); else None."""
    if rule.over_target is None or target == 0:  # 0 against a ceiling of 0 deviates by nothing
        return None
    beyond = rule.over_target
    taken, found = beyond.reduction(deviation(value, target, rule.lower_is_better), weight, facts)
    details.update(found)
    if taken == 0:
        return None
    gone = found["deviation"]
    reason = f"完成值偏离指标值{unambiguous(gone, 'percent', beyond.lines(gone), 2)}，按偏离度调减"
    deductions = settle_later((Deduction(taken, reason),), weight, weight - taken, rule.rounding)
    more = shown_later((found["deviation"],), _reduced_fields, rule, fields, found["deviation"], value, target, deductions)
    return Outcome(weight - taken, "proportional.over_target", more, details, deductions)


ZERO_TARGET_HINT = "a target to reach is above 0; a ceiling of 0 (≤0起, 零事故) is written with ≤"
#: The same for a rule in the set, not a row of a target table: a ceiling is said by the rule's direction.
ZERO_TARGET_RULE_HINT = "a target to reach is above 0; for a ceiling of 0 (零事故) write direction: lower_is_better"


def score(rule: Proportional, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    target = facts.number(rule.target, "target") if rule.target else ONE
    if target < 0 or (target == 0 and not (rule.lower_is_better or rule.both)):  # ≤0起 (零事故) is a target; ≥0 is none
        raise ScoringError(f"target must be above 0, got {plain(target)}", expression=rule.target.text if rule.target else None,
                           hint=None if target else ZERO_TARGET_HINT if rule.rows else ZERO_TARGET_RULE_HINT)
    rate = _rate(rule, value, target)
    actual_rate, rate = rate, min(rate, ONE)
    details: dict[str, Any] = {"value": value, "target": target, "rate": rate}
    if actual_rate != rate:
        details["uncapped_rate"] = actual_rate
    unit = row_unit(facts) if rule.rows else None  # a row in % shows its values as percentages
    fields = shown_later((actual_rate, value, target), _fields, rule, value, target, rate, actual_rate, unit, weight)
    if rule.floor is not None:
        if rate < rule.floor:
            return Outcome(ZERO, "proportional.below_floor", fields, details)
        share = (rate - rule.floor) / (ONE - rule.floor)
        details["share"] = share
        if share == ONE and rule.over_target and (reduced := _reduced(rule, weight, value, target, fields, details, facts)):
            return reduced
        if share == ONE:  # at or past the target: full marks, said with the real 完成率 (103.33%), not the floor's equation
            return Outcome(weight, "proportional.lower_full" if rule.lower_is_better else "proportional.full", fields, details)
        return Outcome(share * weight, "proportional.above_floor", fields, details)
    if rate == ONE and rule.over_target and (reduced := _reduced(rule, weight, value, target, fields, details, facts)):
        return reduced
    if rule.lower_is_better or (rule.both and value > target):
        return Outcome(rate * weight, "proportional.lower_full" if rate == ONE else "proportional.lower_partial", fields, details)
    return Outcome(rate * weight, "proportional.full" if rate == ONE else "proportional.partial", fields, details)


def _rate(rule: Proportional, value: Decimal, target: Decimal) -> Decimal:
    """value / target (higher is better); 1 up to the target and target / value past it (lower is better); with
    direction both, value / target below the target and target / value above it, and 0 off a target of 0."""
    if rule.lower_is_better:
        return ONE if value <= target else target / value
    if rule.both and value != target:
        return ZERO if target == 0 else value / target if value < target else target / value
    return ONE if rule.both else value / target


_FIELDS = ("rate", "actual_rate", "value", "target", "rate_name", "measured")

TEMPLATES = {
    "proportional.full": Template("{measured}{rate_name}{actual_rate}，达到目标，得满分{score}分", _FIELDS),
    "proportional.partial": Template("{measured}{rate_name}{rate}，得分 = {weight} × {rate} = {product}分",
                                     (*_FIELDS, "product")),
    "proportional.lower_full": Template("实际值{value}未超过目标值{target}，得满分{score}分", _FIELDS),
    "proportional.lower_partial": Template("实际值{value}超过目标值{target}，得分 = {weight} × {target} ÷ {value} = {score}分",
                                           _FIELDS),
    "proportional.below_floor": Template("{measured}{rate_name}{ratio}{rate}，低于{floor}，不得分", (*_FIELDS, "floor", "ratio")),
    "proportional.above_floor": Template("{measured}{rate_name}{ratio}{rate}，"
                                         "得分 = {weight} × ({rate} − {floor}) ÷ (100% − {floor}) = {score}分",
                                         (*_FIELDS, "floor", "ratio")),
    "proportional.over_target": Template("实际值{value}，目标值{target}，偏离度{deviation}超过{above}，"
                                         "按偏离度调减{reduced}分（{how}），得{score}分",
                                         (*_FIELDS, "floor", "deviation", "above", "reduced", "how")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值")]
    lines.append(s.value_line("target", "目标值") if "target" in s.spec else "目标值 = 1（未设目标，实际值即完成率）")
    if s.spec.get("direction") == "lower_is_better":
        lines.append(f"完成率 = 目标值 ÷ 实际值（越低越好；不超过目标为100%）= {rate_shown(d['rate'])}")
    elif s.spec.get("direction") == "both":
        lines.append(f"完成率 = 实际值 ÷ 目标值（低于目标时）或 目标值 ÷ 实际值（高于目标时），两个方向的偏离都按比例扣分"
                     f" = {rate_shown(d['rate'])}")
    else:
        lines.append(f"完成率 = 实际值 ÷ 目标值（最高100%）= {rate_shown(d['rate'])}")
    if "uncapped_rate" in d:
        lines.append(f"（实际值 ÷ 目标值为 {rate_shown(d['uncapped_rate'])}，超过100%的按100%计）")
    floor = to_decimal_or_none(s.spec.get("floor"))
    if "share" in d and floor is not None:
        lines.append(f"得分比例 = (完成率 − {percent(floor)}) ÷ (100% − {percent(floor)}) = {rate_shown(d['share'])}")
    if "deviation" in d:
        lines += _over_target_steps(s)
    elif "share" in d and floor is not None:
        share = rate_shown(d["share"])
        lines.append(f"原始得分 = 分值 {plain(s.weight)} × {share} {equals_after(share, s.raw)}")
    elif floor is not None:
        lines.append(f"完成率低于下限 {percent(floor)}，不得分")
    else:
        lines.append(f"原始得分 = 分值 {plain(s.weight)} × {rate_shown(d['rate'])} {equals_after(rate_shown(d['rate']), s.raw)}")
    return lines


def _over_target_steps(s: Story) -> list[str]:
    d, spec = s.details, s.spec.get("over_target", {})
    above = to_decimal_or_none(spec.get("above")) or ZERO
    lines = [f"偏离度 = |实际值 − 目标值| ÷ 目标值 = {rate_shown(d['deviation'])}，超过调减线 {percent(above)}"]
    if d.get("waived"):
        lines.append(f"调减条件 {spec.get('when')} 不成立，不调减；原始得分 {equals_text(s.raw)}")
        return lines
    per, steps = to_decimal_or_none(spec.get("per", 1)) or ONE, d["steps"]
    beyond, count = (d["deviation"] - above) / per, show_number(steps)
    counted = f"，计 {count} 步" if beyond != steps else " 步"
    lines.append(f"超出部分 = (偏离度 − {percent(above)}) ÷ 每步 {percent(per)} = {show_number(beyond)}{counted}"
                 f"（{units_words(spec.get('units', 'exact'), '步')}）")
    # how the steps become points, and where the most that is taken stops them (QA209 2: 55 steps, 1.8 points)
    share = steps * _share(spec.get("share_each", 1))
    said = (f"每步扣分值的 {share_written(spec.get('share_each', 1))}，{count} 步共扣 {rate_shown(share)}，"
            f"即 {show_number(share * s.weight)} 分")
    most = _share(spec["max_share"]) if "max_share" in spec else None
    if most is not None and share > most and most < ONE:
        said += f"；最多扣分值的 {share_written(spec['max_share'])}，即 {show_number(d['reduced'])} 分"
    elif share > ONE:
        said += f"；扣完为止，即 {show_number(d['reduced'])} 分"
    reduced = show_number(d["reduced"])
    lines += [said, f"调减 {reduced} 分；原始得分 = 分值 {plain(s.weight)} − {reduced} {equals_text(s.raw)}"]
    return lines


def _share(written: Any) -> Decimal:
    """A share as the rule writes it (0.1, 1/3) as a number."""
    return to_decimal(exact(written if isinstance(written, str) else Decimal(str(written))))


KIND = RuleKind(name="proportional", chinese_name="按比例计分", params=Proportional, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"value", "target", "rate", "uncapped_rate", "share", "deviation", "steps",
                                              "reduced", "waived"}),
                formulas=(("value",), ("target",), ("over_target", "when")))
