"""The files a command has read, so that none of its outputs replaces one of them.

`score facts.json --format json -o facts.json` would replace the facts with
their result, and `import form.xlsx -o form.xlsx` the filled form with JSON:
the input is lost, and the next run says the file is something else. The
command line turns the record on (`remember`); every file read through
`_files.read_bytes` is then noted by device and inode (a link to it, or
another spelling of its path, is the same file), and `AtomicOutput` refuses
to replace one. The record is off for the Python API, whose reads have no
bound, and for `batch`, which reads its documents in worker processes and
checks its outputs against its inputs itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

__all__ = ["remembering", "note", "was_read"]

# (device, inode) of each file read, or None when nothing is noted; a context variable, so that a thread of a program
# that embeds the engine is never affected by another's record
_read: ContextVar[set[tuple[int, int]] | None] = ContextVar("files_read", default=None)


@contextmanager
def remembering(on: bool = True) -> Iterator[None]:
    """Note the files read while inside (when `on`), and forget them after."""
    token = _read.set(set() if on else None)
    try:
        yield
    finally:
        _read.reset(token)


def note(info: os.stat_result) -> None:
    """Note a file read, by what os.stat or os.fstat says of it."""
    read = _read.get()
    if read is not None:
        read.add((info.st_dev, info.st_ino))


def was_read(path: Path | str) -> bool:
    """Whether the file at `path` (links followed) is one noted as read."""
    read = _read.get()
    if not read:
        return False
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) in read
