"""The per-row forms of 需说明 (``explain_when: [{rows_below: 0.8, …}]``, ``[{rows_above: 1.5, …}]``): target rows far
below their weight, or far above their target, unexplained.

A self-evaluation form has a 偏差原因分析及改进措施 column for each 三级 row; a
set may require it filled wherever a row scores below a share of its weight
("得分低于分值80%的指标须说明偏差原因"), or wherever its actual reaches a multiple of
its target (财预〔2020〕10号 第十六条: 对完成值高于指标值较多的，要分析原因, a target set too
low). Each such row without a reason is a flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from ._arith import fixed, percent, plain, round_half_up
from ._check_failure import _has_cjk
from .judgements import TargetRow
from .model import ExplainRule, RowGroup
from .result import Flag

__all__ = ["ScoredRow", "condition", "row_flags"]

#: A percentage of fewer integer digits is shown to 0.01% within the decimal context's 28 digits.
_SHOWN_TO_HUNDREDTHS = 20


class ScoredRow(NamedTuple):
    """A target row as scored: its leaf's id, the row, its score, the weight it was scored against and its group."""

    id: str
    row: TargetRow
    score: Decimal
    weight: Decimal
    group: RowGroup


def condition(rule: ExplainRule) -> str:
    """A 需说明 condition as the set writes it: its formula, `rows_below: 0.8` or `rows_above: 1.5`."""
    if rule.formula is not None:
        return rule.formula.text
    if rule.rows_above is not None:
        return f"rows_above: {plain(rule.rows_above)}"
    return f"rows_below: {plain(rule.rows_below or 0)}"


def row_flags(rule: ExplainRule, places: int, rows: Iterable[ScoredRow]) -> list[Flag]:
    """A flag for each target row scoring below `rule.rows_below` of its weight, or whose actual reaches
    `rule.rows_above` times its target, whose row gives no deviation reason."""
    unexplained = [scored for scored in rows if not (scored.row.reason or "").strip()]
    if rule.rows_above is not None:
        return [_above(rule, scored) for scored in unexplained if _far_above(rule.rows_above, scored)]
    assert rule.rows_below is not None
    return [Flag(_message(rule, scored, places), condition(rule)) for scored in unexplained
            if scored.score < rule.rows_below * scored.weight]


def _message(rule: ExplainRule, scored: ScoredRow, places: int) -> str:
    below = percent(rule.rows_below or Decimal(0), 0)
    return (f"{rule.message}（{scored.row.name}（{scored.id}）得{fixed(scored.score, places)}分，低于分值{plain(scored.weight)}的"
            f"{below}，未说明偏差原因）")


def to_reach(scored: ScoredRow) -> bool:
    """Whether the row is measured as a number to reach (≥) or to equal (=): a target above 0 and an actual, both numbers,
    its rule reading both; not a ceiling (≤, `direction: lower_is_better`: far under a cost ceiling is a saving) nor a
    qualitative row (judged by its tier)."""
    row, group = scored.row, scored.group
    if row.target is None or row.actual is None or row.target <= 0:
        return False
    rule = group.rules.get(group.type_of(row) or "")
    if rule is None or not {"row.target", "row.actual"} <= rule.reads:
        return False
    return not getattr(rule.params, "lower_is_better", False) and group.comparison_of(row) != "≤"


def _far_above(times: Decimal, scored: ScoredRow) -> bool:
    """Whether the row is one to reach whose actual is at least `times` its target (1.5 times exactly is)."""
    row = scored.row
    return to_reach(scored) and row.actual is not None and row.target is not None and row.actual >= times * row.target


def _above(rule: ExplainRule, scored: ScoredRow) -> Flag:
    """The flag of a row far above its target: its actual and target as the row writes them (a rate as %), and how many
    times the one is the other, as a percentage; said in Chinese where the set's message is, in the JSON and the batch's
    JSONL too, else in English, its Chinese kept for the Chinese reports."""
    row = scored.row
    assert row.actual is not None and row.target is not None
    actual, target = _shown(row.actual, row.unit), _shown(row.target, row.unit)
    times = row.actual / row.target * 100  # to 0.01%, or whole past what 2 decimals keep (an = row in % of 1e-13%)
    share = f"{plain(round_half_up(times, 2) if times.adjusted() < _SHOWN_TO_HUNDREDTHS else times.to_integral_value())}%"
    chinese = f"{rule.message}（{row.name}（{scored.id}）完成值{actual}，为指标值{target}的{share}，未说明偏差原因）"
    if _has_cjk(rule.message):  # in the language of the set's message, as rows_below's and a condition's flags are (QA341 5)
        return Flag(chinese, condition(rule))
    return Flag(f"{rule.message} ({row.name} ({scored.id}): actual {actual} is {share} of the target {target}, "
                "no deviation reason given)", condition(rule), chinese)


def _shown(value: Decimal, unit: str | None) -> str:
    """A row's value with its unit: a rate (unit %) as a percentage, 0.95 as 95%."""
    return f"{plain(value * 100)}%" if unit == "%" else f"{plain(value)}{unit or ''}"
