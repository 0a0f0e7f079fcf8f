"""The files beside a file that names one that is not there, for its did-you-mean: a misspelt name, or the sets there."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

__all__ = ["files_beside", "sets_among"]

#: A set's own keys, at the top of a YAML file or in a JSON one: what tells a set from a facts or a case file.
_SET_KEY = re.compile(rb'^(?:indicators|extends)[ \t]*:|"(?:indicators|extends)"\s*:', re.MULTILINE)
_LOOKED_INTO = 50  # files whose beginning is read, at most
_READ = 8192  # bytes of each


def files_beside(folder: Path) -> list[str]:
    """The names of the YAML and JSON files in `folder` (at most a few hundred looked at), for a did-you-mean."""
    try:
        names = [entry.name for _, entry in zip(range(500), os.scandir(folder), strict=False)]
    except OSError:
        return []
    return [n for n in names if n.lower().endswith((".yaml", ".yml", ".json"))]


def sets_among(folder: Path, names: list[str]) -> list[str]:
    """Those of `names` (files in `folder`) that look like indicator sets: an `indicators:` or `extends:` key near their
    start (QA67 F2: a facts file, even the one naming the missing set, was offered as the set)."""
    found = []
    for name in sorted(names)[:_LOOKED_INTO]:
        path = folder / name
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe is never opened: nobody may write to it
                continue
            with path.open("rb") as handle:
                if _SET_KEY.search(handle.read(_READ)):
                    found.append(name)
        except OSError:
            continue
    return found
