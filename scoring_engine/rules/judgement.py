"""Rule kind ``judgement``: the evaluator's score from the facts, within [0, weight], with a reason."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, plain
from ..errors import ScoringError
from ..judgements import Judgement
from ._base import FactView, Outcome, RuleKind, RuleSpec, Story, Template


class JudgementRule(NamedTuple):
    """The evaluator's score from the facts, within [0, weight], with a reason."""

    fact: str
    rounding: Rounding = Rounding(2)  # the set's: a judged score it rounds is said as judged, then as rounded

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> JudgementRule | None:
        fact = b.fact("fact", types=("judgement",))
        return cls(fact, b.rounding) if fact else None

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.fact})


def score(rule: JudgementRule, weight: Decimal, facts: FactView) -> Outcome:
    judged: Judgement = facts.fact(rule.fact)
    if not ZERO <= judged.score <= weight:
        raise ScoringError(f"judged score {plain(judged.score)} is outside 0..{plain(weight)} (the weight)", fact=rule.fact,
                           path=f"$.facts.{rule.fact}.score", hint=f"give a judged score from 0 to {plain(weight)}")
    if rule.rounding.round(judged.score) != judged.score:  # 3.5 at precision 0: the evaluator gave 3.5, not 4
        fields = {"reason": judged.reason, "judged": plain(judged.score)}
        return Outcome(judged.score, "judgement.rounded", fields, {"reason": judged.reason})
    return Outcome(judged.score, "judgement", {"reason": judged.reason}, {"reason": judged.reason})


TEMPLATES = {
    "judgement": Template("评价人判断得{score}分：{reason}", ("reason",)),
    "judgement.rounded": Template("评价人判断得{judged}分，四舍五入得{score}分：{reason}", ("judged", "reason")),
}


def steps(s: Story) -> list[str]:
    return [f"评价人判断 {s.raw} 分，理由：{s.details.get('reason')}"]


KIND = RuleKind(name="judgement", chinese_name="评价人判断", params=JudgementRule, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"reason"}))
