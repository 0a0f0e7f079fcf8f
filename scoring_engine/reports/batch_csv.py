"""The batch's 汇总 sheet as CSV for Excel and WPS: UTF-8 with a byte-order mark, one row per scored project."""

from __future__ import annotations

import csv

from .._arith import fixed, percent
from .._output import AtomicOutput
from ..batch.rows import ProjectRow
from ..batch.summary import Summary
from .batch_output import BatchOutput
from .batch_tables import Rate, Score, cell_text, summary_cells, summary_columns, summary_table
from .csv_text import BOM, _text_cell


__all__ = ["BatchCsv"]


class BatchCsv(BatchOutput):
    """Writes the 汇总 rows once the batch is done (its columns depend on every set seen), from the rows kept on disk."""

    def start(self, summary: Summary) -> None:
        text = _Utf8(self.output)
        text.write(BOM)
        self.writer = csv.writer(text, lineterminator="\r\n")
        self.writer.writerow(summary_table(summary).header)
        self.columns = summary_columns(summary)

    def kept(self, row: ProjectRow) -> None:
        if row.ok and not row.batch:
            self.writer.writerow(_csv_cell(c) for c in summary_cells(row, self.columns))


def _csv_cell(cell: object) -> str:
    if type(cell) is Score:  # the usual cells first, without cell_text's tests in turn
        return fixed(cell.value, cell.places)
    if type(cell) is str:  # a name, a unit, a source, the flags: shown and guarded as the single report's CSV shows them
        return _text_cell(cell)
    if cell is None:
        return ""
    if type(cell) is Rate:
        return percent(cell.value)
    if type(cell) is int:
        return str(cell)
    text = cell_text(cell)
    # A text cell starting with = + - @ would run as a formula: a project name or a flag must not (numbers may be negative).
    return text if isinstance(cell, (Score, Rate, int)) else _text_cell(text)


class _Utf8:
    """The output as a text stream for csv.writer: each row encoded as it is written."""

    def __init__(self, output: AtomicOutput):
        self.output = output

    def write(self, text: str) -> None:
        self.output.write(text.encode("utf-8"))
