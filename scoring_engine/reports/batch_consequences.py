"""The 结果应用 table of a batch, as the workbook's sheet and the page print it: a row per scope (the batch, each 主管部门,
each unit), grade and consequence, with the budgets and amounts concerned, and a row for the projects whose grade
carries none, which the counts leave out (QA259 F1: 全部项目 counted 33 of 61 projects, and said nothing of the rest)."""

from __future__ import annotations

from typing import Any

from ..batch.consequences import BATCH, WAN_PLACES, ConsequenceCount, unusable_share
from ..batch.summary import Summary
from .batch_tables import Score, Table

__all__ = ["CONSEQUENCES", "LEFT_OUT", "consequence_rows", "consequence_note", "left_out_sets"]

CONSEQUENCES = Table(("范围", "名称", "等级", "结果应用", "项目数", "预算比例", "涉及预算（万元）", "按比例金额下限（万元）",
                      "按比例金额上限（万元）", "说明"), (10, 24, 8, 36, 8, 12, 16, 18, 18, 60))
#: What the 结果应用 cell of the row of projects whose grade carries no consequence says.
LEFT_OUT = "未规定结果应用"
_SETS_NAMED = 5  # the sets the row names; the others are counted


def consequence_rows(summary: Summary) -> list[list[Any]]:
    """A row per scope (the batch, each 主管部门, each unit), grade and consequence: the count, budgets and amounts as
    printed; after the batch's, the projects scored whose grade carries no consequence."""
    rows = [[c.scope, c.name, c.grade, c.consequence, c.count, c.share.text() if c.share else None,
             *(None if a is None else Score(a, WAN_PLACES) for a in c.printed()), consequence_note(c)]
            for c in summary.consequences]
    if summary.consequences_left:
        at = sum(c.scope == BATCH for c in summary.consequences)
        left = sum(count for _, count in summary.consequences_left)
        rows.insert(at, [BATCH, BATCH, "—", LEFT_OUT, left, None, None, None, None,
                         f"所用指标体系未对这些项目的等级规定结果应用，不计入各行：{left_out_sets(summary)}"])
    return rows


def left_out_sets(summary: Summary) -> str:
    """The sets of the projects whose grade carries no consequence, each with how many: 'self-evaluation 28个'."""
    named = [f"{name} {count}个" for name, count in summary.consequences_left[:_SETS_NAMED]]
    more = len(summary.consequences_left) - len(named)
    return "、".join(named) + (f"等{len(summary.consequences_left)}个指标体系" if more else "")


def consequence_note(c: ConsequenceCount) -> str:
    """What the amounts leave out: a consequence that names no share, budgets not known, a share with no upper bound."""
    notes = [] if c.share else [f"{u.note() if (u := unusable_share(c.consequence)) else '结果应用未规定预算比例'}，不计金额"]
    if c.unbudgeted:
        notes.append(f"{c.unbudgeted}个项目预算数未知（指标体系未指明全年预算数：自评表的全年预算数或事实 budget.total，"
                     "或项目未填写，或金额单位未注明、不是元、千元、万元、百万元、亿元之一），未计入金额")
    if c.share is not None and c.share.high is None and c.budget is not None:
        notes.append("比例未规定上限，不计上限金额")
    return "；".join(notes)
