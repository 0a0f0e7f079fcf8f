"""The batch workbook (.xlsx): 汇总, 指标明细, 统计, 需说明, 问题, then 提示 when a scored project has any, and 结果应用 when a
set's grades carry consequences.

指标明细 is written as the projects arrive; the other sheets when the batch is
done, from the rows kept on disk (the 汇总 columns depend on every set seen).
Scores are numbers shown with their set's decimals, 得分率 percentages, text
always text (never a formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._output import advice
from ..audit import MAX_SHARED_JSON
from ..batch.compare import difference_places
from ..batch.entry import Entry
from ..batch.rows import IndicatorRow, ProjectRow
from ..batch.summary import Summary
from ..errors import Problem, ScoringEngineError
from ..plan import SharedTable
from ._xlsx_stream import HEADER, RATE, TEXT, Book, cells_xml, score_style
from .batch_output import BatchOutput
from .batch_said import SAID, SAID_SHEET, said_rows
from .batch_consequences import CONSEQUENCES, consequence_rows
from .batch_tables import (EXPLAIN, PROBLEMS, Heading, Rate, Score, detail_header,
                           detail_rows, explain_rows, indicator_details, problem_rows, statistics, summary_cells,
                           summary_columns, summary_table)

__all__ = ["BatchWorkbook", "SHEETS", "CONSEQUENCE_SHEET", "detail_cells"]

#: The sheets, in order.
SHEETS = ("汇总", "指标明细", "统计", "需说明", "问题")
#: The sheet after them when any project's grade carries a consequence (结果应用).
CONSEQUENCE_SHEET = "结果应用"

# As wide as the widest of its tables, the ranking of units: 名次, 实施单位, 主管部门, 项目数, 评分失败, 平均分,
# 平均得分率, 需说明 (a wider row would be cut)
_STATISTICS_WIDTHS = (30, 30, 16, 10, 12, 12, 12, 10)


class BatchWorkbook(BatchOutput):
    """Writes the workbook to a temporary file beside `path`; commit() puts it in place."""

    def __init__(self, path: Path, against: str | None):
        super().__init__(path, against)
        self.book = Book("项目支出绩效评价汇总", folder=str(path.parent) if str(path.parent) else ".")
        self.summary = self.book.sheet(SHEETS[0], (), ())  # its columns are known at the end
        detail = detail_header(against)
        self.detail = self.book.sheet(SHEETS[1], detail.header, detail.widths)
        self.statistics = self.book.sheet(SHEETS[2], (), (), filter=False)
        self.explain = self.book.sheet(SHEETS[3], EXPLAIN.header, EXPLAIN.widths)
        self.problems = self.book.sheet(SHEETS[4], PROBLEMS.header, PROBLEMS.widths)
        self.said: Any = None  # the 提示 sheet, made with the first project that has one

    def add(self, row: ProjectRow, entry: Entry) -> None:
        if row.ok and not row.batch:
            self.detail.append_cells(entry.details if entry.details is not None else detail_cells(row, self.against))

    def start(self, summary: Summary) -> None:
        table = summary_table(summary)
        self.summary.set_header(table.header, table.widths)
        self.columns = summary_columns(summary)

    def kept(self, row: ProjectRow) -> None:
        if not row.ok:
            for cells in problem_rows(row):
                self.problems.append(cells)
        elif not row.batch:
            self.summary.append(*_values_and_styles(summary_cells(row, self.columns)))
            for cells in explain_rows(row):
                self.explain.append(*_values_and_styles(cells))
            if row.said and self.said is None:
                self.said = self.book.sheet(SAID_SHEET, SAID.header, SAID.widths)
            for cells in said_rows(row):
                self.said.append(cells)

    def finish(self, summary: Summary) -> None:
        self.statistics.set_header((), _STATISTICS_WIDTHS, columns=len(_STATISTICS_WIDTHS))
        for cells in statistics(summary):
            self.statistics.append(*_values_and_styles(cells))
        if summary.consequences:
            applied = self.book.sheet(CONSEQUENCE_SHEET, CONSEQUENCES.header, CONSEQUENCES.widths)
            for cells in consequence_rows(summary):
                applied.append(*_values_and_styles(cells))
        try:
            self.book.save(self.output.file)
        except OSError as err:
            raise ScoringEngineError(Problem(f"cannot write the report: {err.strerror}", file=str(self.output.shown),
                                             hint=advice(err))) from None

    def close(self) -> None:
        self.book.close()  # saved in finish(), or left unsaved: its temporary sheet files go


def detail_cells(row: ProjectRow, against: str | None) -> list[str]:
    """Each 指标明细 row of a scored project as its cells' XML: made where the project is scored when nothing is
    compared (the parent then only writes them), else by the workbook, which knows each project's re-check."""
    kinds = detail_header(against).kinds
    styles = tuple(score_style(row.precision) if kind == "score" else RATE if kind == "rate" else TEXT for kind in kinds)
    if against is not None:  # the other side's weight and score with its set's decimals, the difference with the finer
        c = row.compare
        theirs = (c.precision, c.precision, difference_places(row, c)) if c is not None else (row.precision,) * 3
        styles = (*styles[:-4], *map(score_style, theirs), styles[-1])
        return [cells_xml(values, styles) for values in detail_rows(row, True)]
    project, details = cells_xml((row.index + 1, row.name), styles[:2]), styles[2:]
    return [project + _indicator_cells(i, details) for i in row.indicators]


#: An indicator's 指标明细 cells by what they show, for the projects that show the same (a checklist met in full); as
#: bounded as the plan's tables, and never the cells of a long reason.
_INDICATOR_CELLS = SharedTable(2048)


def _indicator_cells(indicator: IndicatorRow, styles: tuple[int, ...]) -> str:
    """The cells of `indicator_details`, as XML: kept by the numbers as written (10.0 and 10.00 show differently)."""
    i = indicator
    key = (i.id, i.name, i.level, str(i.weight), str(i.score), i.reason, styles)
    cells: str | None = _INDICATOR_CELLS.get(key)
    if cells is None:
        cells = cells_xml(indicator_details(i), styles)
        if len(cells) <= MAX_SHARED_JSON:
            _INDICATOR_CELLS.put(key, cells)
    return cells


def _values_and_styles(cells: Sequence[Any]) -> tuple[list[Any], list[int]]:
    values: list[Any] = []
    styles: list[int] = []
    for cell in cells:
        if isinstance(cell, Score):
            values.append(cell.value)
            styles.append(score_style(cell.places))
        elif isinstance(cell, Rate):
            values.append(cell.value)
            styles.append(RATE)
        elif isinstance(cell, Heading):
            values.append(cell.text)
            styles.append(HEADER)
        else:
            values.append(cell if cell is None or isinstance(cell, (str, int, Decimal)) else str(cell))
            styles.append(TEXT)
    return values, styles
