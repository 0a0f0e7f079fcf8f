"""Standard input on the command line: the facts `score -` and `explain -` read from it, whose text says the language of
the run as a facts file's does (QA179 F2)."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, BinaryIO, cast

from ._files import load_facts_from
from ._messages import note_stdin

if TYPE_CHECKING:
    from .facts import Facts

__all__ = ["facts_from_stdin"]

_HEAD = 65536  # bytes kept for the language, as many as are looked at in a file


class _HeadKept:
    """A binary stream read through, its first _HEAD bytes kept."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.head = b""

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if len(self.head) < _HEAD:
            self.head += data[:_HEAD - len(self.head)]
        return data

    def fileno(self) -> int:
        return self._stream.fileno()


def facts_from_stdin() -> Facts:
    """The facts piped in; what they say in Chinese (or the bundled set they name) makes the run's lines Chinese, the
    errors of reading them too."""
    stream = getattr(sys.stdin, "buffer", None)
    kept = _HeadKept(stream) if stream is not None else None
    try:
        return load_facts_from(cast(BinaryIO, kept) if kept is not None else None)
    finally:
        if kept is not None:
            note_stdin(kept.head)
