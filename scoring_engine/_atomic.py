"""An output file written in pieces that appears whole or not at all.

The batch writes its outputs as the projects stream in: each goes to a
temporary file beside its target, and only when every output is complete are
they renamed into place. An interrupted or failed run leaves the targets as
they were. (cli.write_atomically does the same for a report held in memory.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from .errors import Problem, ScoringEngineError

__all__ = ["AtomicFile"]


class AtomicFile:
    """A temporary file beside `path`; commit() puts it in place (fsync, the mode a new file gets, rename), discard() drops it."""

    def __init__(self, path: Path):
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        try:
            fd, self.temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as err:
            raise ScoringEngineError(Problem(f"cannot write the output: {err.strerror}", file=str(path))) from None
        self.file: IO[bytes] = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as err:
            raise self._error(err) from None

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())  # on disk before the rename, or a crash could leave an empty file
            self.file.close()
            os.chmod(self.temporary, _mode(self.path))
            os.replace(self.temporary, self.path)
        except OSError as err:
            self.discard()
            raise self._error(err) from None

    def discard(self) -> None:
        self.file.close()
        Path(self.temporary).unlink(missing_ok=True)

    def _error(self, err: OSError) -> ScoringEngineError:
        return ScoringEngineError(Problem(f"cannot write the output: {err.strerror}", file=str(self.path)))


def _mode(path: Path) -> int:
    """The mode of the file being replaced, or what a newly created file would get (mkstemp's is 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
