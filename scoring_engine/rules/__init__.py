"""The rule kinds: how a leaf indicator turns facts into a score.

One module per kind, each a whole unit registered once in `RULE_KINDS` as a
`RuleKind`: its parameter class (whose ``build`` checks the rule as written
when the set loads), its scoring function ``(params, weight, facts) -> Outcome``
(free of side effects), its reason templates, its explain steps and its Chinese
name. The scoring function returns the raw score; the engine clamps, rounds and
renders the reason, so every kind is audited the same way.

Adding a kind: write its module (``bands.py`` is a model), add it to the tuple
below, and describe it in the schema and the docs; tests/test_rule_kinds.py
checks that every piece is there.
"""

from __future__ import annotations

from ..judgements import Judgement, TargetRow, TierJudgement
from . import bands, checklist, deduction, equal, formula, judgement, linear, panel, proportional, switch, tiers
from ._base import MAX_FINDINGS_COUNT, RULE_KINDS, Deduction, FactView, Outcome, Params, RuleKind, RuleSpec, Story, Template
from .tiers import DEFAULT_TIERS

__all__ = [
           "DEFAULT_TIERS",
           "MAX_FINDINGS_COUNT",
           "RULE_KINDS",
           "Deduction",
           "FactView",
           "Judgement",
           "Outcome",
           "Params",
           "RuleKind",
           "RuleSpec",
           "Story",
           "TargetRow",
           "Template",
           "TierJudgement",
]

RULE_KINDS.update((kind.name, kind) for kind in (
    formula.KIND,
    proportional.KIND,
    equal.KIND,
    bands.KIND,
    linear.KIND,
    deduction.KIND,
    checklist.KIND,
    tiers.KIND,
    judgement.KIND,
    panel.KIND,
    switch.KIND,
))
