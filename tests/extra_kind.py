"""Rule kind ``pass_fail``, written the way a module of scoring_engine/rules/ is, for tests/test_rule_kinds.py.

Full marks when a value reaches a threshold, nothing below it (达标得满分，
未达标不得分). The test registers it and shows that the loader, the engine,
switch, the reasons table and explain take it with no change elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from scoring_engine._arith import ZERO, plain
from scoring_engine.formulas import Formula
from scoring_engine.rules import FactView, Outcome, RuleKind, RuleSpec, Story, Template


@dataclass(frozen=True)
class PassFail:
    """Full marks when a value reaches a threshold, nothing below it (达标得满分，未达标不得分)."""

    value: Formula
    min: Decimal

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> PassFail | None:
        value = b.formula("value")
        threshold = Decimal(str(spec["min"]))
        if threshold < 0:
            b.problem("min must be 0 or more", "min")
            return None
        return cls(value, threshold) if value else None

    @property
    def reads(self) -> frozenset[str]:
        return frozenset(self.value.names)


def score(rule: PassFail, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    fields = {"value": plain(value), "min": plain(rule.min)}
    if value >= rule.min:
        return Outcome(weight, "pass_fail.pass", fields, {"value": value})
    return Outcome(ZERO, "pass_fail.fail", fields, {"value": value})


def steps(s: Story) -> list[str]:
    reached = s.raw_score is not None and s.raw_score > 0
    return [s.value_line("value", "取值"), f"达标线 {plain(Decimal(str(s.spec['min'])))}：{'达标，得满分' if reached else '未达标，不得分'}"]


KIND = RuleKind(
    name="pass_fail",
    chinese_name="达标计分",
    params=PassFail,
    score=score,
    templates={
        "pass_fail.pass": Template("{value}达到{min}，得满分{score}分", ("value", "min")),
        "pass_fail.fail": Template("{value}未达到{min}，不得分", ("value", "min")),
    },
    steps=steps,
    shown=frozenset({"value"}),
)
