"""The per-row form of 需说明 (``explain_when: [{rows_below: 0.8, …}]``): target rows far below their weight, unexplained.

A self-evaluation form has a 偏差原因分析及改进措施 column for each 三级 row; a
set may require it filled wherever a row scores below a share of its weight
("得分低于分值80%的指标须说明偏差原因"). Each such row without a reason is a flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._arith import fixed, percent, plain
from .judgements import TargetRow
from .model import ExplainRule, IndicatorSet
from .result import Flag, IndicatorResult

__all__ = ["row_flags"]


def row_flags(rule: ExplainRule, indicator_set: IndicatorSet, tree: tuple[IndicatorResult, ...],
              values: Mapping[str, Any]) -> list[Flag]:
    """A flag for each target row scoring below `rule.rows_below` of its weight whose row gives no deviation reason."""
    assert rule.rows_below is not None
    scored = {node.id: node for top in tree for node in top.walk()}
    found = []
    for group in indicator_set.walk():
        if group.rows is None or group.id not in scored:
            continue
        rows: tuple[TargetRow, ...] = values.get(group.rows.fact) or ()
        for result, row in zip(scored[group.id].children, rows, strict=False):
            if result.score < rule.rows_below * result.weight and not (row.reason or "").strip():
                found.append(Flag(_message(rule, result, indicator_set.precision), f"rows_below: {plain(rule.rows_below)}"))
    return found


def _message(rule: ExplainRule, row: IndicatorResult, places: int) -> str:
    below = percent(rule.rows_below or Decimal(0), 0)
    return (f"{rule.message}（{row.name}（{row.id}）得{fixed(row.score, places)}分，低于分值{plain(row.weight)}的{below}，"
            "未说明偏差原因）")
