"""The 提示 of a batch's scored projects, as the workbook's 提示 sheet and the page's list show them (QA79 F2: a 95
typed in a % cell and read 9500% was a count in 汇总, its words in no sheet nor on the page)."""

from __future__ import annotations

from typing import Any

from .._text import path_shown
from ..batch.rows import ProjectRow
from .batch_tables import Table

__all__ = ["SAID", "SAID_SHEET", "said_rows"]

#: The sheet of each scored project's 提示, after 问题 (made only when a project has one).
SAID_SHEET = "提示"
SAID = Table(("序号", "来源", "项目名称", "实施单位", "提示"), (6, 30, 30, 24, 100))


def said_rows(row: ProjectRow) -> list[list[Any]]:
    """A row for each 提示 of a scored project, in Chinese as every sheet is."""
    project = row.project
    return [[row.index + 1, path_shown(row.source), project.get("name", ""), project.get("unit", ""), said.text("zh")]
            for said in row.said]
