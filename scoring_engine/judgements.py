"""What evaluators write into a facts file: a judgement, a tier judgement, a target row.

These are fact values, not rules: the facts reader builds them, the rule kinds
read them, and the result and the reports show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["Judgement", "TargetRow", "TierJudgement"]


@dataclass(frozen=True)
class Judgement:
    """An evaluator's score for an indicator (or a checklist element), with the reason."""

    score: Decimal
    reason: str


@dataclass(frozen=True)
class TierJudgement:
    """An evaluator's qualitative tier, the score chosen inside it, and the reason."""

    tier: str
    score: Decimal
    reason: str


@dataclass(frozen=True)
class TargetRow:
    """One row of a project's 绩效目标表: a target with its type, weight, values and reason."""

    name: str
    type: str
    id: str | None = None
    weight: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    unit: str | None = None
    tier: str | None = None
    score: Decimal | None = None
    reason: str | None = None

    def values(self) -> dict[str, Any]:
        """The row's fields as the names a row rule reads."""
        found: dict[str, Any] = {f"row.{k}": getattr(self, k) for k in ("target", "actual", "weight") if getattr(self, k) is not None}
        if self.score is not None and self.reason:
            found["row"] = TierJudgement(self.tier, self.score, self.reason) if self.tier else Judgement(self.score, self.reason)
        return found
