"""What every batch output shares: the file it writes whole or not at all, and the steps of run.py it may leave out.

run.py hands each output every project as it is scored (add), then, once the
batch is done, the summary (start), the rows kept on disk one by one in input
order when it `reads_kept` (kept), and the end (finish); prepare() writes its
last bytes to disk, commit() puts it in place, discard() removes what it wrote.
"""

from __future__ import annotations

from pathlib import Path

from .._output import AtomicOutput
from ..batch.entry import Entry
from ..batch.rows import ProjectRow
from ..batch.summary import Summary

__all__ = ["BatchOutput"]


class BatchOutput:
    """One output file of a batch; `against` names the other batch or set its projects are compared with, if any."""

    reads_kept = True

    def __init__(self, path: Path, against: str | None):
        self.output = AtomicOutput(path)
        self.against = against

    def add(self, row: ProjectRow, entry: Entry) -> None:
        """A project as it is scored, in input order."""

    def start(self, summary: Summary) -> None:
        """The batch is done: its summary."""

    def kept(self, row: ProjectRow) -> None:
        """A project's row read back from disk, in input order, when the output `reads_kept`."""

    def finish(self, summary: Summary) -> None:
        """The last of the output, after the rows."""

    def close(self) -> None:
        """Let go of what the output holds open besides its file (a workbook's sheets, the page's lists in waiting)."""

    def prepare(self) -> None:
        self.close()
        self.output.prepare()

    def commit(self) -> None:
        self.output.commit()

    def discard(self) -> None:
        self.close()
        self.output.discard()
