"""Fact values in the form a facts file writes them: what `import` writes and the form's side sheet carries."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..formulas import Finding
from ..judgements import Judgement, TargetRow, TierJudgement
from ..target_rows import row_document

__all__ = ["fact_document"]


def fact_document(value: Any) -> Any:
    """A fact's engine value written back as a facts file holds it (a finding as text or {text, points}, a row as its keys)."""
    if isinstance(value, TargetRow):
        return row_document(value)
    if isinstance(value, Finding):
        return value.text if value.points is None else {"text": value.text, "points": value.points}
    if isinstance(value, TierJudgement):
        return {"tier": value.tier, "score": value.score, "reason": value.reason}
    if isinstance(value, Judgement):
        return {"score": value.score, "reason": value.reason}
    if isinstance(value, (list, tuple)):
        return [fact_document(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): fact_document(v) for k, v in value.items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return Decimal(repr(value))
    return value
