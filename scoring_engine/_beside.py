"""The files beside a file that names one that is not there, for its did-you-mean: a misspelt name, or the sets there."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

__all__ = ["files_beside", "set_with_id", "sets_among"]

#: A set's own keys, at the top of a YAML file or in a JSON one: what tells a set from a facts or a case file.
_SET_KEY = re.compile(rb'^(?:indicators|extends)[ \t]*:|"(?:indicators|extends)"\s*:', re.MULTILINE)
_LOOKED_INTO = 50  # files whose beginning is read, at most
_SCANNED, _NAMES = 20_000, 500  # entries of a folder looked at, and YAML or JSON names kept of them
_READ = 8192  # bytes of each


def files_beside(folder: Path) -> list[str]:
    """The names of the YAML and JSON files in `folder` (at most a few hundred, among the first few thousand entries:
    a folder of 3,000 units' forms does not hide the set beside them, QA76 F2), for a did-you-mean."""
    try:
        names = [entry.name for _, entry in zip(range(_SCANNED), os.scandir(folder), strict=False)]
    except OSError:
        return []
    return [n for n in names if n.lower().endswith((".yaml", ".yml", ".json"))][:_NAMES]


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


def set_with_id(folder: Path, set_id: str, levels: int = 3) -> Path | None:
    """The file of the set whose id is `set_id`, in `folder` or up to `levels` folders above it (a bureau keeps its
    province's profile beside the folder of the units' forms), or None."""
    written = re.escape(set_id.encode("utf-8", "surrogateescape"))
    own = re.compile(rb'^id[ \t]*:[ \t]*["\']?' + written + rb'["\']?[ \t]*(#.*)?\r?$|"id"\s*:\s*"' + written + rb'"',
                     re.MULTILINE)
    for place in [folder, *folder.parents][:levels + 1]:
        for name in sets_among(place, files_beside(place)):
            try:
                with (place / name).open("rb") as handle:
                    if own.search(handle.read(_READ)):
                        return place / name
            except OSError:
                continue
    return None
