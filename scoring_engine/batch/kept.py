"""A batch's project rows kept on disk as they come: memory holds the projects in flight, never the batch."""

from __future__ import annotations

import contextlib
import errno
import pickle
import tempfile
from collections.abc import Iterator
from typing import IO

from ..errors import Problem, ScoringEngineError
from .rows import ProjectRow

__all__ = ["Rows", "temporary_file_error", "SPACE_ERRORS"]

#: The system errors that say a disk, or the user's share of it, is full.
SPACE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class Rows:
    """Project rows kept in a temporary file as they come, read back in order as often as needed.

    A temporary folder that is full or cannot be written (TMPDIR) stops the batch with a ScoringEngineError saying so.
    """

    def __init__(self) -> None:
        try:
            self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the rows are; closed by __exit__
        except OSError as err:
            raise temporary_file_error(err) from None
        self.end = 0  # where the next row goes: counted, as seeking to the end would write out the buffer each time
        self.writing = True  # the file is where the last row ended

    def __enter__(self) -> Rows:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # the buffer's last rows not written out: the run is over (or failing) anyway
            self.file.close()

    def add(self, row: ProjectRow) -> int:
        """Keep `row`; its offset finds it again."""
        try:
            if not self.writing:
                self.file.seek(self.end)
                self.writing = True
            offset = self.end
            self.end += self.file.write(pickle.dumps(row, pickle.HIGHEST_PROTOCOL))
        except OSError as err:
            raise temporary_file_error(err) from None
        return offset

    def at(self, offset: int) -> ProjectRow:
        self.writing = False
        try:
            self.file.seek(offset)
            row: ProjectRow = pickle.load(self.file)
        except OSError as err:
            raise temporary_file_error(err) from None
        return row

    def rows(self) -> Iterator[ProjectRow]:
        self.writing = False
        try:
            self.file.seek(0)  # writes out what the buffer holds
        except OSError as err:
            raise temporary_file_error(err) from None
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return


def temporary_file_error(err: OSError) -> ScoringEngineError:
    """A system error of a temporary file the batch keeps in the temporary folder (TMPDIR: its rows, the page's lists in
    waiting), said as the batch's own, with where the file is and what fits the error (QA163 F2, F3)."""
    return ScoringEngineError(Problem(f"cannot write the batch's temporary file: {err.strerror or err}",
                                      file=tempfile.gettempdir(),
                                      hint="free some space there, or point TMPDIR at a folder with room"
                                      if err.errno in SPACE_ERRORS else "point TMPDIR at a folder you may write in"))
