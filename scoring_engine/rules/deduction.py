"""Rule kind ``deduction``: each finding deducts points; floor 0; optionally N or more findings give 0."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, plain
from .._display import equals_text, show_number
from ..formulas import Formula
from ._base import Deduction, FactView, Outcome, RuleKind, RuleSpec, Story, Template, findings, reads, shown_later
from ._deductions import Ladder, ladder, settle_later, show_points


class PerFinding(NamedTuple):
    """Each finding (a list with texts, or a count) deducts points; floor 0; optionally N or more → 0."""

    findings: Formula
    ladder: Ladder
    rounding: Rounding

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> PerFinding | None:
        found = b.formula("findings", gives="findings")
        steps = ladder(spec, b)
        if found is None or steps is None:
            return None
        return cls(found, steps, b.rounding)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.findings)


def score(rule: PerFinding, weight: Decimal, facts: FactView) -> Outcome:
    found = findings(facts.value(rule.findings), rule.findings)
    # Each finding deducts until the weight is used up (扣完为止); the deductions shown add up to the points lost.
    taken = rule.ladder.climb(found, weight)
    deducted = sum((d.points for d in taken), ZERO)
    raw = weight - deducted
    deductions = settle_later(taken, weight, raw, rule.rounding)
    details = {"count": len(found), "deducted": deducted}
    if rule.ladder.zero_at is not None and len(found) >= rule.ladder.zero_at:
        return Outcome(ZERO, "deduction.zero_at", {"count": len(found), "zero_at": rule.ladder.zero_at}, details, deductions)
    if not found:
        return Outcome(weight, "deduction.none", {"count": 0}, details)
    return Outcome(raw, "deduction.some", shown_later((deducted,), _fields, rule, len(found), deductions), details, deductions)


def _fields(rule: PerFinding, count: int, deductions: Sequence[Deduction]) -> dict[str, object]:
    return {"count": count, "deducted": show_points(sum((d.points for d in deductions), ZERO), rule.rounding)}


TEMPLATES = {
    "deduction.none": Template("未发现问题，得满分{score}分", ("count",)),
    "deduction.some": Template("发现{count}处问题，扣{deducted}分，得{score}分", ("count", "deducted")),
    "deduction.zero_at": Template("发现{count}处问题，达到{zero_at}处，不得分", ("count", "zero_at")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    count, deducted = d.get("count", 0), show_number(d.get("deducted", 0))  # a third of 5 points: ≈1.666667, not 28 digits
    source = str(s.spec.get("findings", ""))
    # the source as the facts read name it, not its id with the list's value in ASCII brackets (QA284 F9)
    lines = [f"问题来源：{s.title(source)}", f"发现问题 {count} 处，合计扣 {deducted} 分（明细见“扣分”）"]
    zero_at = s.spec.get("zero_at_count")
    if zero_at is not None and count >= zero_at:
        lines.append(f"达到 {zero_at} 处及以上，不得分")
    else:
        lines.append(f"原始得分 = 分值 {plain(s.weight)} − {deducted}（最低为0）{equals_text(s.raw)}")
    return lines


KIND = RuleKind(name="deduction", chinese_name="按问题扣分", params=PerFinding, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"count", "deducted"}), formulas=(("findings",),))
