"""Standard input on the command line: the facts `score -` and `explain -` read from it, whose text says the language of
the run as a facts file's does (QA179 F2); `-` given to any other command or option, refused as not read there."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import IO, TYPE_CHECKING, BinaryIO, cast

import click

from ._files import load_facts_from
from ._messages import note_stdin

if TYPE_CHECKING:
    from .errors import Problem
    from .facts import Facts

__all__ = ["facts_from_stdin", "refuse_stdin", "set_named_on_stdin"]

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


#: Where a set named by a path in a facts file is looked for, as said of a file (_files.inside_folder).
_NAMING_FOLDER = "the folder of the file that names it"
#: ... and of facts piped in, which have no folder: the path is read from the current one.
FROM_STDIN = (" (the facts come from standard input, which has no folder: a path they name is read from the current folder; "
              "--set gives the set wherever it is)")


def set_named_on_stdin(problem: Problem) -> Problem:
    """A problem of the set that facts piped in name by a path, which told of the folder of the file naming it: said of
    the current folder, where standard input's path is read, with --set offered (QA337: `cat facts.json | score -`)."""
    if _NAMING_FOLDER not in problem.message:
        return problem
    return replace(problem, message=problem.message.replace(_NAMING_FOLDER, "the current folder") + FROM_STDIN)


#: What each parameter that names a file or a set is to be given as, where `-` (standard input) is not read; batch's
#: inputs and re-checks are refused by batch itself.
_NOT_READ = {
    "set_ref": "give the indicator set by its id or its file", "compare_set": "give the indicator set by its id or its file",
    "sets": "give the indicator set by its id or its file", "old_ref": "give the indicator set by its id or its file",
    "new_ref": "give the indicator set by its id or its file", "set_id": "give the id of a bundled set",
    "form": "give the filled form (.xlsx) by its path", "facts_files": "give each facts file by its path",
    "paths": "give the case files (*.cases.yaml) or their folders by path",
}


def refuse_stdin(ctx: click.Context) -> None:
    """`-` given where the command reads no standard input (`validate -`, `diff A B --facts -`, `score F --set -`): a
    usage error saying so, as batch's, where it was called a missing file or set (QA179 F5). A file named `-` is read."""
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        values = value if isinstance(value, (tuple, list)) else (value,)
        if param.name not in _NOT_READ or not any(str(v) == "-" for v in values if v is not None) or os.path.exists("-"):
            continue
        who = max(param.opts, key=len) if isinstance(param, click.Option) else ctx.command.name
        raise click.UsageError(f"{who} does not read standard input: {_NOT_READ[param.name]}", ctx)
