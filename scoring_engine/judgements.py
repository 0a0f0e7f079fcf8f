"""What evaluators write into a facts file: a judgement, a tier judgement, a target row.

These are fact values, not rules: the facts reader builds them, the rule kinds
read them, and the result and the reports show them.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Any

from ._record import record

__all__ = ["Judgement", "TargetRow", "TierJudgement"]


@record
class Judgement:
    """An evaluator's score for an indicator (or a checklist element), with the reason."""

    score: Decimal
    reason: str


@record
class TierJudgement:
    """An evaluator's qualitative tier, the score chosen inside it, and the reason."""

    tier: str
    score: Decimal
    reason: str
    # A target row's 实际完成值 in words beside its tier: the tier again, or a wording of it the rule declares (tiers.score)
    worded: str | None = field(default=None, compare=False, repr=False)


@record
class TargetRow:
    """One row of a project's 绩效目标表: a 三级 target with its 二级 category, comparison, values, weight and reason.

    `type` names the rule of the group that scores it; a row that gives only a
    comparison (≥, ≤, =) or a qualitative target takes the type its group maps
    the comparison to. `reason` is the 偏差原因分析及改进措施 (or, for a
    qualitative row, why the tier was chosen); `target_text` a qualitative target.
    """

    name: str
    type: str | None = None
    id: str | None = None
    weight: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    unit: str | None = None
    tier: str | None = None
    score: Decimal | None = None
    reason: str | None = None
    category: str | None = None  # 二级指标: 数量指标, 质量指标…
    comparison: str | None = None  # ≥, ≤ or =
    target_text: str | None = None  # a qualitative target as written ("效果明显")
    #: The target as written when it is a time limit in words with no sign (3个月内, 30天以内, 1年之内): scored as ≤ unless
    #: the row's own type says otherwise, and refused by a type that scores ≥ (_row_fit: QA189 F1). What the row read, not
    #: written out with its fields (a result's facts).
    within: str | None = field(default=None, compare=False, repr=False, metadata={"written": False})
    #: The 实际完成值 in words beside another wording of it as the tier (达成预期指标 beside 达成年度指标, a synonym the
    #: set declares: QA268 F6); the rule scoring it tells whether they agree. Not written out: the tier says it.
    actual_words: str | None = field(default=None, compare=False, repr=False, metadata={"written": False})

    def values(self) -> dict[str, Any]:
        """The row's fields as the names a row rule reads."""
        found: dict[str, Any] = {f"row.{k}": getattr(self, k) for k in ("target", "actual", "weight", "unit")
                                 if getattr(self, k) is not None}
        if self.score is not None and self.reason:
            found["row"] = TierJudgement(self.tier, self.score, self.reason, self.actual_words) if self.tier \
                else Judgement(self.score, self.reason)
        return found
