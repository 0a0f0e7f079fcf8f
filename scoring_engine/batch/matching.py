"""Which re-check without a project id is a project's: the one whose path ends like the project's the longest.

A re-checker who copies the units' folders (`复核/单位甲/p1.json` for
`自评/单位甲/p1.json`) keeps the end of each path: the file name, the folders
above it. So a project meets the re-check that shares the longest stretch of
path with it, counted from the end:

- at least the file name; and the folder above it too where the batch has two
  documents of that file name (单位甲's and 单位乙's `p1.json`), since the name
  alone then says neither;
- never a re-check that another document of the batch ends like as long or
  longer (`2023/甲/p1.json` does not take the re-check `2024/甲/p1.json` from
  `2024/甲/p1.json`; `x/甲/p1.json` and `y/甲/p1.json` are as near
  `复核/甲/p1.json`, so it is neither's), whatever order the folders come in;
- a JSONL line only the same line (`p.jsonl:3` with `p.jsonl:3`).

Both sides are indexed by the last one to SUFFIXES parts of their paths, so a
batch of 10⁵ project folders each holding `facts.json` looks each up by its
folders, not by comparing it with every other `facts.json`.

>>> batch = Paths()
>>> for path in ("/自评/2023/甲/p1.json", "/自评/2024/甲/p1.json"):
...     batch.add(parts(path))
>>> rechecks = Paths()
>>> rechecks.add(parts("/复核/2024/甲/p1.json"), 0)
>>> [rechecks.best(parts(path), batch, taken=set()) for path in ("/自评/2023/甲/p1.json", "/自评/2024/甲/p1.json")]
[None, 0]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from pathlib import PurePosixPath

__all__ = ["SUFFIXES", "Paths", "parts", "shared"]

#: The longest stretch of path (folders and file name) a path is indexed by.
SUFFIXES = 6
_JSONL_LINE = re.compile(r"(.+\.jsonl):\d+", re.IGNORECASE)
_DOCUMENT = re.compile(r"(?<=.)\.(json|ya?ml|xlsx|xlsm)$", re.IGNORECASE)  # a facts file's or a form's suffix


def parts(path: str) -> tuple[str, ...]:
    """The folders and file name of a path, the file name last ("/…/单位甲/p1.json", a JSONL line's "…/p.jsonl:17"); a
    document's file name without its suffix, so that a unit's form p1.xlsx meets the re-checker's facts file p1.json."""
    found = tuple(part for part in PurePosixPath(path).parts if part != "/")
    return (*found[:-1], _DOCUMENT.sub("", found[-1])) if found else found


def shared(these: tuple[str, ...], those: tuple[str, ...]) -> int:
    """How many parts two paths share, counted from the end."""
    most = min(len(these), len(those))
    return next((n for n in range(1, most + 1) if these[-n] != those[-n]), most + 1) - 1


def _file(path: tuple[str, ...]) -> tuple[str, ...]:
    """A JSONL line's path as its file's ("…/p.jsonl:17" → "…/p.jsonl"); any other path as it is."""
    line = _JSONL_LINE.fullmatch(path[-1]) if path else None
    return (*path[:-1], line.group(1)) if line else path


class Paths:
    """Paths indexed by their last 1 to SUFFIXES parts, each with an item (a re-check's place in its file)."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}
        self.names: Counter[str] = Counter()  # file name → how many paths have it (a JSONL file's lines count once)

    def add(self, path: tuple[str, ...], item: int = -1) -> None:
        if not path:
            return  # a document with no path (an input that could not be read): nothing to match by
        self.names[_file(path)[-1]] += 1
        for length in range(1, min(len(path), SUFFIXES) + 1):
            self.index.setdefault(path[-length:], []).append((path, item))

    def as_near(self, path: tuple[str, ...], common: int, besides: tuple[str, ...]) -> bool:
        """Whether a path other than `besides` ends like `path` (each as a file) for `common` parts or more."""
        whole, own = _file(path), _file(besides)
        return any(other != own and shared(other, whole) >= common
                   for other, _ in self.index.get(whole[-min(common, SUFFIXES):], ()))

    def best(self, path: tuple[str, ...], batch: Paths, taken: Collection[int]) -> int | None:
        """The item of the path not yet `taken` that ends like `path` the longest (the first of equals), and that no
        other path of the `batch` ends like as long or longer (two projects as near one re-check: it is neither's);
        None when there is none."""
        if not path:
            return None
        needed = 1 if batch.names.get(_file(path)[-1], 0) <= 1 else 2
        for length in range(min(len(path), SUFFIXES), needed - 1, -1):  # the longest stretch first
            found, most = None, length - 1
            for theirs, item in self.index.get(path[-length:], ()):
                common = shared(path, theirs)
                if common > most and item not in taken and not batch.as_near(theirs, common, path):
                    found, most = item, common
            if found is not None:
                return found
        return None

    def equals(self, path: tuple[str, ...], batch: Paths, item: int, common: int) -> list[int]:
        """The items other than `item` that end like `path` for `common` parts, as `item` does, and that `best` passed
        over only as the later of equals (no other path of the `batch` is as near them)."""
        return [other for theirs, other in self.index.get(path[-min(common, SUFFIXES):], ())
                if other != item and shared(path, theirs) == common and not batch.as_near(theirs, common, path)]
