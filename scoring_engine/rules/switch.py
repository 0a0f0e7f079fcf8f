"""Rule kind ``switch``: one of several rules, chosen by a text fact (e.g. proportional or banded budget execution).

The indicator is scored, reasoned and explained exactly as by the chosen rule:
the switch adds no reason templates of its own, and its explain steps name the
chosen variant before telling that rule's story.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._display import show_value
from .._frozen import ReadOnly
from .._text import listing
from ..errors import ScoringError
from ..model import Rule
from ._base import RULE_KINDS, FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template


class Switch(NamedTuple):
    """One of several rules, chosen by a text fact (e.g. proportional or banded budget execution)."""

    by: str
    rules: Mapping[str, Rule[Any]]

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Switch | None:
        by = b.fact("by", types=("string",))
        rules = {choice: b.rule("rules", choice) for choice in spec["rules"]}
        checked = {choice: rule for choice, rule in rules.items() if rule is not None}
        if by is None or len(checked) != len(rules):
            return None
        return cls(by, ReadOnly(checked))  # read-only, as the set (QA153 F2)

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.by}).union(*(r.reads for r in self.rules.values()))


def score(rule: Switch, weight: Decimal, facts: FactView) -> Outcome:
    choice = facts.fact(rule.by)
    if choice not in rule.rules:
        said = f"{rule.by} is {choice!r}; the rule has variants {', '.join(rule.rules)}"
        raise ScoringError(listing(said, list(rule.rules)), fact=rule.by,
                           path=f"$.facts.{rule.by}")
    chosen = rule.rules[choice]
    outcome = RULE_KINDS[chosen.kind].score(chosen.params, weight, facts)
    details = LazyMapping(_details, choice, chosen.kind, outcome.details)
    return Outcome(outcome.score, outcome.reason, outcome.fields, details, outcome.deductions)


def _details(choice: str, kind: str, chosen: Mapping[str, Any]) -> dict[str, Any]:
    return {"variant": choice, "kind": kind, **chosen}


#: None: the reason is the chosen rule's, from its own kind's templates.
TEMPLATES: dict[str, Template] = {}

#: The detail keys the switch adds; the chosen rule's story tells the rest.
SHOWN = frozenset({"variant", "kind"})


def steps(s: Story) -> list[str]:
    variants: Mapping[str, Any] = s.spec.get("rules", {})
    by = str(s.spec.get("by", ""))
    # The fact's value names the variant; the details' "variant" is the innermost one when variants nest.
    choice = s.value(by)
    if choice not in variants:
        choice = s.details.get("variant")
    variant = variants.get(choice) if isinstance(choice, str) else None
    if not isinstance(variant, Mapping):
        return [f"{by} = {show_value(choice)}：没有对应的算法"]
    kind = RULE_KINDS.get(str(variant.get("kind")))
    named = f"{kind.chinese_name}（kind: {kind.name}）" if kind else f"kind: {variant.get('kind')}"
    rest = {key: value for key, value in s.details.items() if key not in SHOWN}
    return [f"选用算法：{choice}（由 {by} 选定），即{named}", *s.variant(variant, rest).tell()]


KIND = RuleKind(name="switch", chinese_name="可选算法", params=Switch, score=score, templates=TEMPLATES,
                steps=steps, shown=SHOWN,
                points=(("rules", "*"),), nests=frozenset({"rules"}))
