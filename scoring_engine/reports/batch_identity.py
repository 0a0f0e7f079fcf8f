"""The tables of a batch's project ids: ids that more than one document gives, and re-checks that matched no project.

统计 and the page list both (the first of them: batch/summary.py bounds them); the terminal names a few.
"""

from __future__ import annotations

from typing import Any

from .._text import path_shown
from ..batch.summary import Summary, Unmatched

__all__ = ["MAIN_BATCH", "UNMATCHED_TITLE", "UNMATCHED_HEADER", "unmatched_cells", "DUPLICATES_TITLE", "DUPLICATES_HEADER",
           "duplicate_rows"]

MAIN_BATCH = "本批"  # what the 问题 sheet calls the batch being summarised (the others are 复核, or the other set's id)


UNMATCHED_TITLE = ("复核中未找到对应项目的文档（项目编号、年度或文件路径与本批次都不对应，"
                   "或是已对比项目的又一份复核，或如说明所述；最多列出前20份）")
UNMATCHED_HEADER = ("复核文档", "项目编号", "年度", "本批次该编号项目的年度", "说明")


def unmatched_cells(u: Unmatched) -> list[str]:
    """A re-check that matched nothing as 统计 and the page list it."""
    return [path_shown(u.source), u.id, u.year, u.years, u.note]


DUPLICATES_TITLE = "项目编号重复（每份文档都已评分并计入统计；复核只与第一份对比）"
DUPLICATES_HEADER = ("项目编号", "年度", "文档数", "批次", "文档")


def duplicate_rows(summary: Summary) -> list[list[Any]]:
    """The ids more than one document gives (the first SHOWN_DUPLICATES of each batch): id, year, how many, which."""
    return [[d.id, d.year, d.count, d.batch or MAIN_BATCH,
             "、".join(map(path_shown, d.sources)) + ("…" if d.count > len(d.sources) else "")]
            for d in summary.duplicates]
