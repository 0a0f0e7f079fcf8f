"""Rule kind ``equal``: "=" indicators (指标性质 =): full marks when the value equals the target, else per a rule.

Self-evaluation forms mark a target with ≥, ≤ or =; an "=" target ("=1次",
"=100%") is met only by that value. Within ``tolerance`` (a share of the
target) it still counts as equal; otherwise the rule under ``otherwise``
scores it, or it scores 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, fixed, percent, plain, round_half_up, to_decimal_or_none
from ..formulas import Formula
from ..model import Rule
from ._base import (RULE_KINDS, FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template, as_shown, reads, row_unit,
                    shower, shown_later, unambiguous)
from ._deductions import MORE_PLACES


class Equal(NamedTuple):
    """Full marks when the value equals the target (within a tolerance); otherwise a nested rule, or 0."""

    value: Formula
    target: Formula
    tolerance: Decimal  # a share of the target
    otherwise: Rule[Any] | None
    rounding: Rounding
    display: str = "number"
    rows: bool = False  # scores the rows of a target table, whose unit may make its values rates (%)

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Equal | None:
        value, target = b.formula("value", gives="number"), b.formula("target", gives="number")
        tolerance = to_decimal_or_none(spec.get("tolerance", 0)) or ZERO
        otherwise = b.rule("otherwise") if "otherwise" in spec else None
        if value is None or target is None or ("otherwise" in spec and otherwise is None):
            return None
        return cls(value, target, tolerance, otherwise, b.rounding, spec.get("display", "number"), b.rows)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.value, self.target) | (self.otherwise.reads if self.otherwise else frozenset())


def score(rule: Equal, weight: Decimal, facts: FactView) -> Outcome:
    value, target = facts.number(rule.value, "value"), facts.number(rule.target, "target")
    unit = row_unit(facts) if rule.rows else None  # a row in % shows its values as percentages
    difference = abs(value - target)
    fields = shown_later((value, target, difference), _fields, rule, unit, value, target, difference)
    details: dict[str, Any] = {"value": value, "target": target, "difference": difference}
    if difference == 0:
        return Outcome(weight, "equal.met", fields, {**details, "equal": True})
    if difference <= rule.tolerance * abs(target):
        return Outcome(weight, "equal.within", fields, {**details, "equal": True})
    if rule.otherwise is None:  # past a tolerance: said with it, or '实际值210不等于目标值200' reads as within 5%
        return Outcome(ZERO, "equal.missed.tolerance" if rule.tolerance else "equal.missed", fields,
                       {**details, "equal": False})
    chosen = rule.otherwise
    outcome = RULE_KINDS[chosen.kind].score(chosen.params, weight, facts)
    told = LazyMapping(_otherwise, details, chosen.kind, outcome.details)
    return Outcome(outcome.score, outcome.reason, outcome.fields, told, outcome.deductions)


def _otherwise(details: Mapping[str, Any], kind: str, chosen: Mapping[str, Any]) -> dict[str, Any]:
    """The details when the value missed and the rule for otherwise scored it: that rule's own under `otherwise`, so
    that its value (of another formula, `v * 2`) does not take the place of this rule's."""
    return {**details, "equal": False, "otherwise": {"kind": kind, **chosen}}


def _fields(rule: Equal, unit: str | None, value: Decimal, target: Decimal, difference: Decimal) -> dict[str, object]:
    display = "percent" if unit == "%" else rule.display
    kept = _kept(rule, display, difference, rule.tolerance * abs(target))
    allowed = rule.tolerance * abs(target)
    if kept is not None:  # the difference at the precision would be past the tolerance: all three keep the decimals
        apart = as_shown(difference, display, kept)
        return {"value": as_shown(value, display, kept), "target": as_shown(target, display, kept),
                "difference": apart, "tolerance": percent(rule.tolerance),
                "allowed": _allowed(allowed, display, difference, apart, kept)}
    show = shower(display, rule.rounding.places)
    # a value that differs from the target keeps the decimals that tell them apart: not '实际值4不等于目标值4'; one past
    # the tolerance, those that keep it past: 实际值210.004 of 200 ± 5%, not 210 (QA272 F3)
    lines = (target, target + allowed, target - allowed) if difference > allowed > 0 else (target,)
    # a difference that is not 0 does not print as 0 (相差0.3, not 相差0, at precision 0), nor as the tolerance
    apart = unambiguous(difference, display, (ZERO, allowed), rule.rounding.places)
    # the value with the difference's decimals, as they add up on paper: 94.5449 of 95.5 is 94.5449, 相差0.9551 (QA274)
    places = max(rule.rounding.places, len(apart) - apart.index(".") - 1) if display == "number" and "." in apart \
        else rule.rounding.places
    return {"value": unambiguous(value, display, lines, places), "target": show(target),
            "difference": apart, "tolerance": percent(rule.tolerance),
            "allowed": _allowed(allowed, display, difference, apart, rule.rounding.places)}


def _allowed(allowed: Decimal, display: str, difference: Decimal, apart: str, places: int) -> str:
    """The difference the tolerance allows, in the difference's own unit: 目标值95%的1.00% is 0.95%, which 相差0.96% is
    past (QA273 F5: '相差0.96%，超出允许偏差1.00%' put the share of the target beside the difference); the difference's
    own figure where they are equal (相差0.1 within 0.0999…: QA274 F7); a percentage with two decimals at least."""
    if allowed == difference:
        return apart
    scale = 100 if display == "percent" else 1
    if round_half_up(allowed * scale, MORE_PLACES + 2) == allowed * scale:  # as it is, where it ends: 0.5 of 10 ± 5%
        exact = allowed * scale
        return f"{fixed(exact, max(2, -int(exact.normalize().as_tuple().exponent)))}%" if display == "percent" else plain(exact)
    return unambiguous(allowed, display, (difference,), places)


def _kept(rule: Equal, display: str, difference: Decimal, allowed: Decimal) -> int | None:
    """The decimals a difference within the tolerance needs so as not to print past it (相差1 for 0.5 within 5% of
    10), or None when the set's precision does (a percentage starts at two decimals)."""
    first = 2 if display == "percent" else rule.rounding.places
    if not 0 < difference <= allowed:
        return None
    scale = 100 if display == "percent" else 1
    for kept in range(first, first + MORE_PLACES + 1):
        if round_half_up(difference * scale, kept) <= allowed * scale:
            return None if kept == first else kept
    return None


_FIELDS = ("value", "target", "difference", "tolerance", "allowed")

TEMPLATES = {
    "equal.met": Template("实际值{value}等于目标值{target}，得满分{score}分", _FIELDS),
    "equal.within": Template("实际值{value}与目标值{target}相差{difference}，在允许偏差{allowed}（目标值的{tolerance}）以内，"
                             "得满分{score}分", _FIELDS),
    "equal.missed": Template("实际值{value}不等于目标值{target}，不得分", _FIELDS),
    "equal.missed.tolerance": Template("实际值{value}与目标值{target}相差{difference}，"
                                       "超出允许偏差{allowed}（目标值的{tolerance}），不得分", _FIELDS),
}

#: The detail keys the kind's own steps show; the rule under `otherwise` tells the rest.
SHOWN = frozenset({"value", "target", "difference", "equal", "otherwise"})


def steps(s: Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值"), s.value_line("target", "目标值"), f"相差 {s.show(d.get('difference'))}"]
    tolerance = to_decimal_or_none(s.spec.get("tolerance", 0)) or ZERO
    if tolerance:
        lines.append(f"允许偏差：目标值的 {percent(tolerance)}")
    if d.get("equal"):
        lines.append("视为等于目标值，得满分")
        return lines
    otherwise = s.spec.get("otherwise")
    if not isinstance(otherwise, Mapping):
        lines.append("不等于目标值，不得分")
        return lines
    # a missed value is always scored by the rule under otherwise: its kind is the one written there, not the details'
    # "kind", which a switch that chose this rule does not hand on (QA139 F2)
    kind = RULE_KINDS.get(str(otherwise.get("kind")))
    named = f"{kind.chinese_name}（kind: {kind.name}）" if kind else f"kind: {otherwise.get('kind')}"
    # that rule's own value, band… (QA139 F3: its value was （无）), kept apart from this rule's
    inner = d.get("otherwise")
    told = {key: value for key, value in inner.items() if key != "kind"} if isinstance(inner, Mapping) else {}
    return [*lines, f"不等于目标值，按 otherwise 规则计分，即{named}", *s.variant(otherwise, told).tell()]


KIND = RuleKind(name="equal", chinese_name="等于目标计分", params=Equal, score=score, templates=TEMPLATES,
                steps=steps, shown=SHOWN, nests=frozenset({"otherwise"}), formulas=(("value",), ("target",)))
