"""The per-row form of 需说明 (``explain_when: [{rows_below: 0.8, …}]``): target rows far below their weight, unexplained.

A self-evaluation form has a 偏差原因分析及改进措施 column for each 三级 row; a
set may require it filled wherever a row scores below a share of its weight
("得分低于分值80%的指标须说明偏差原因"). Each such row without a reason is a flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from ._arith import fixed, percent, plain
from .judgements import TargetRow
from .model import ExplainRule
from .result import Flag

__all__ = ["ScoredRow", "row_flags"]


class ScoredRow(NamedTuple):
    """A target row as scored: its leaf's id, the row, its score and the weight it was scored against."""

    id: str
    row: TargetRow
    score: Decimal
    weight: Decimal


def row_flags(rule: ExplainRule, places: int, rows: Iterable[ScoredRow]) -> list[Flag]:
    """A flag for each target row scoring below `rule.rows_below` of its weight whose row gives no deviation reason."""
    assert rule.rows_below is not None
    return [Flag(_message(rule, scored, places), f"rows_below: {plain(rule.rows_below)}") for scored in rows
            if scored.score < rule.rows_below * scored.weight and not (scored.row.reason or "").strip()]


def _message(rule: ExplainRule, scored: ScoredRow, places: int) -> str:
    below = percent(rule.rows_below or Decimal(0), 0)
    return (f"{rule.message}（{scored.row.name}（{scored.id}）得{fixed(scored.score, places)}分，低于分值{plain(scored.weight)}的"
            f"{below}，未说明偏差原因）")
