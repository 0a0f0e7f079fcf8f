"""What a batch worker gives back for each document it scored: the rows and text the outputs write.

Its own module, so that the writers (reports/batch_*) can name it without
importing the worker, which imports the workbook writer.
"""

from __future__ import annotations


from .._record import record
from .rows import ProjectRow

__all__ = ["Entry"]


@record
class Entry:
    """One document done: its row, its JSON line's content (result or problems), and its row under the compared set."""

    row: ProjectRow
    # its JSON line's members but index, source and compare: "result":…,"need_explanation":… or "problems":…
    json: str | None = None
    other: ProjectRow | None = None
    # its 指标明细 rows as cells' XML (reports.batch_xlsx.detail_cells), made by the worker when nothing is compared
    details: tuple[str, ...] | None = None
    # the other set's "problems":[…] member (--compare-set), when it could not score the project and a .jsonl is written
    other_problems: str | None = None
