"""Rule kind ``proportional``: value / target capped at 1 (or target / value when lower is better), optionally with a floor."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, percent, plain
from .._display import equals_text
from ..errors import ScoringError
from ..formulas import Formula
from ._base import FactView, Outcome, RuleKind, RuleSpec, Story, Template, dec, reads, shown_later


class Proportional(NamedTuple):
    """value / target capped at 1 (or target / value when lower is better), optionally with a floor."""

    value: Formula
    target: Formula | None
    lower_is_better: bool
    floor: Decimal | None

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Proportional | None:
        value, target = b.formula("value"), b.formula("target", required=False)
        floor = dec(spec.get("floor"))
        if floor is not None and not ZERO <= floor < ONE:
            b.problem("floor must be a rate from 0 up to (not including) 1, e.g. 0.6", "floor")
            return None
        if value is None or ("target" in spec and target is None):
            return None
        return cls(value, target, spec.get("direction") == "lower_is_better", floor)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.value, self.target)


def score(rule: Proportional, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    target = facts.number(rule.target, "target") if rule.target else ONE
    if target <= 0:
        raise ScoringError(f"target must be above 0, got {plain(target)}", expression=rule.target.text if rule.target else None)
    if rule.lower_is_better:
        rate = ONE if value <= target else target / value
    else:
        rate = value / target
    actual_rate, rate = rate, min(rate, ONE)
    details: dict[str, Any] = {"value": value, "target": target, "rate": rate}
    if actual_rate != rate:
        details["uncapped_rate"] = actual_rate
    fields = shown_later(lambda: _fields(rule, rate, actual_rate, value, target), actual_rate, value, target)
    if rule.floor is not None:
        if rate < rule.floor:
            return Outcome(ZERO, "proportional.below_floor", fields, details)
        share = (rate - rule.floor) / (ONE - rule.floor)
        details["share"] = share
        return Outcome(share * weight, "proportional.above_floor", fields, details)
    if rule.lower_is_better:
        return Outcome(rate * weight, "proportional.lower_full" if rate == ONE else "proportional.lower_partial", fields, details)
    return Outcome(rate * weight, "proportional.full" if rate == ONE else "proportional.partial", fields, details)


def _fields(rule: Proportional, rate: Decimal, actual_rate: Decimal, value: Decimal, target: Decimal) -> dict[str, object]:
    fields: dict[str, object] = {"rate": percent(rate), "actual_rate": percent(actual_rate), "value": plain(value),
                                 "target": plain(target)}
    if rule.floor is not None:
        fields["floor"] = percent(rule.floor)
    return fields


_FIELDS = ("rate", "actual_rate", "value", "target")

TEMPLATES = {
    "proportional.full": Template("完成率{actual_rate}，达到目标，得满分{score}分", _FIELDS),
    "proportional.partial": Template("完成率{rate}，得分 = {weight} × {rate} = {score}分", _FIELDS),
    "proportional.lower_full": Template("实际值{value}未超过目标值{target}，得满分{score}分", _FIELDS),
    "proportional.lower_partial": Template("实际值{value}超过目标值{target}，得分 = {weight} × {target} ÷ {value} = {score}分",
                                           _FIELDS),
    "proportional.below_floor": Template("完成率{rate}，低于{floor}，不得分", (*_FIELDS, "floor")),
    "proportional.above_floor": Template("完成率{rate}，得分 = {weight} × ({rate} − {floor}) ÷ (100% − {floor}) = {score}分",
                                         (*_FIELDS, "floor")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值")]
    lines.append(s.value_line("target", "目标值") if "target" in s.spec else "目标值 = 1（未设目标，实际值即完成率）")
    if s.spec.get("direction") == "lower_is_better":
        lines.append(f"完成率 = 目标值 ÷ 实际值（越低越好；不超过目标为100%）= {percent(d['rate'])}")
    else:
        lines.append(f"完成率 = 实际值 ÷ 目标值（最高100%）= {percent(d['rate'])}")
    floor = dec(s.spec.get("floor"))
    if "share" in d and floor is not None:
        lines.append(f"得分比例 = (完成率 − {percent(floor)}) ÷ (100% − {percent(floor)}) = {percent(d['share'])}")
        lines.append(f"原始得分 = 分值 {plain(s.weight)} × {percent(d['share'])} {equals_text(s.raw)}")
    elif floor is not None:
        lines.append(f"完成率低于下限 {percent(floor)}，不得分")
    else:
        lines.append(f"原始得分 = 分值 {plain(s.weight)} × {percent(d['rate'])} {equals_text(s.raw)}")
    return lines


KIND = RuleKind(name="proportional", chinese_name="按比例计分", params=Proportional, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"value", "target", "rate", "share"}))
