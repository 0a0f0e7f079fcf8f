"""The per-一级 summary third-party reports print under their 评分表: 分值, 得分 and 得分率 of each 一级 indicator."""

from __future__ import annotations

from decimal import Decimal

from .._arith import ZERO, cut_percent, fixed, plain
from ..result import Result

__all__ = ["SUMMARY_HEADER", "grade_text", "level_one_summary"]

SUMMARY_HEADER = ("一级指标", "分值", "得分", "得分率")


def level_one_summary(result: Result) -> list[tuple[str, Decimal, Decimal, str]]:
    """(name, weight, score, 得分率 as text) per 一级 indicator, then their sum (合计) and the total a cap took it to
    (封顶后总分) when one did; 得分率 is '—' for a weight of 0, and is
    never rounded up onto a line it falls short of (89.999 of 100 is 89.99%, beside 良: QA86 F2)."""
    rows = [(top.name, top.weight, top.score, cut_percent(top.score / top.weight) if top.weight else "—")
            for top in result.indicators]
    summed = sum((top.score for top in result.indicators), ZERO)
    rows.append(("合计", result.max_total, summed, cut_percent(summed / result.max_total)))
    if summed != result.total:  # a cap took the total below the sum (QA253 F2)
        rows.append(("封顶后总分", result.max_total, result.total, cut_percent(result.total / result.max_total)))
    return rows


def summary_cells(result: Result) -> list[tuple[str, str, str, str]]:
    """The summary as printed text."""
    return [(name, plain(weight), fixed(score, result.precision), rate)
            for name, weight, score, rate in level_one_summary(result)]


def grade_text(result: Result) -> str:
    """The grade, followed by its consequence (结果应用) when the set declares one."""
    return result.grade + (f"（结果应用：{result.grade_consequence}）" if result.grade_consequence else "")
