"""A symbolic link that leads to no file, said as what it is: links in a loop, or a link to a name that is not there.

Said so wherever a file or a folder is named (a set given by its path, an input of a batch, the folder to write
into), rather than "no such file" of a name `ls` lists, or "neither a file nor a bundled set id" (QA320 F7).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import Problem

__all__ = ["LOOP", "broken_link", "in_a_loop"]

#: What the system says of links in a loop, as every reader says it (`cannot read: Too many levels of symbolic links`).
LOOP = os.strerror(errno.ELOOP)


def in_a_loop(path: str | Path) -> bool:
    """Whether `path` is a link that leads, through links, back to itself."""
    try:
        os.stat(path)
    except OSError as err:
        return err.errno == errno.ELOOP
    except ValueError:
        return False
    return False


def broken_link(path: str | Path, name: str) -> Problem | None:
    """The problem of reading `path` (shown as `name`) when it is a link that leads to no file: in a loop of links, or to
    a name that is not there; None when it is no such link."""
    try:
        if not os.path.islink(path):
            return None
        if in_a_loop(path):
            return Problem(f"cannot read: {LOOP}", file=name, hint="remove the link, or make it name the file")
        if os.path.lexists(path) and not os.path.exists(path):
            return Problem(f"it is a link to {os.readlink(path)}, which does not exist", file=name,
                           hint="make the file it names, or remove the link")
    except (OSError, ValueError):
        return None
    return None
