"""The paths the batch's Python API takes, checked as arguments: a list of them, each a str or a Path."""

from __future__ import annotations

import os
from collections.abc import Iterable

__all__ = ["paths_given"]


def paths_given(what: str, given: Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    """`given` (the argument `what`) as a list of paths; TypeError for one path given alone (a string is iterable: each
    character would be a path) or an item that is no path, said of the argument, not by pathlib (QA77 F5, QA83 F4).

    >>> paths_given("skip", ["out.xlsx"])
    ['out.xlsx']
    >>> paths_given("skip", "out")
    Traceback (most recent call last):
    TypeError: skip is a list of paths, not one: pass [path]
    """
    if isinstance(given, (str, bytes, os.PathLike)):
        raise TypeError(f"{what} is a list of paths, not one: pass [path]")
    if not isinstance(given, Iterable):  # None for no inputs: said of the argument, not by list() (QA127 F6)
        raise TypeError(f"{what} is a list of paths (str or Path), not {given!r}" if given is None else
                        f"{what} is a list of paths (str or Path), not {type(given).__name__}")
    listed = list(given)
    for wrong in (p for p in listed if not isinstance(p, (str, os.PathLike))):
        raise TypeError(f"{what} is a list of paths (str or Path), not {wrong!r}")
    return listed
