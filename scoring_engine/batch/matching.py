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

Both sides are kept as a tree of their paths' parts read from the end (the file
name, the folder above it, …), so a project is looked up by walking its own
parts: the time goes with its path's length, not with how many documents end
like it (10⁵ project folders each holding `…/2024/资料/自评/facts.json` are no
slower to match than 10⁵ folders each holding its own name; indexed by their
last six parts, they were compared each with each, QA221 2). Whether another
document of the batch is as near a re-check depends only on how many parts the
re-check shares with the project (it shares those with both), so it is told
once per project, not once per re-check.

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
import unicodedata
from collections import Counter
from collections.abc import Collection
from pathlib import PurePosixPath
from .._patterns import compile_later

__all__ = ["Paths", "parts", "shared"]

_JSONL_LINE = compile_later(r"(.+\.jsonl):\d+", re.IGNORECASE)
_DOCUMENT = compile_later(r"(?<=.)\.(json|ya?ml|xlsx|xlsm)$", re.IGNORECASE)  # a facts file's or a form's suffix


def parts(path: str, exact: bool = False) -> tuple[str, ...]:
    """The folders and file name of a path, the file name last ("/…/单位甲/p1.json", a JSONL line's "…/p.jsonl:17"); a
    document's file name without its suffix, so that a unit's form p1.xlsx meets the re-checker's facts file p1.json;
    each as names are compared (`_as_name`: Proj.json is proj.json, Ｐ１.json P1.json, QA332 F3), or as written (`exact`).

    >>> parts("/自评/单位丙/Ｐ１.json") == parts("/自评/单位丙/p1.XLSX"), parts("/自评/P1.json", exact=True)
    (True, ('自评', 'P1'))
    """
    found = tuple(part if exact else _as_name(part) for part in PurePosixPath(path).parts if part != "/")
    return (*found[:-1], _DOCUMENT.sub("", found[-1])) if found else found


def _as_name(part: str) -> str:
    """A folder's or file's name as names are compared (a unit's, a project's): full-width letters and digits as
    half-width (NFKC), letters in either case alike; a re-checker who retyped 单位丙/Ｐ１.json as P1.json, or Proj.json as
    proj.json, keeps the same name."""
    return part.lower() if part.isascii() else unicodedata.normalize("NFKC", part).casefold()


def shared(these: tuple[str, ...], those: tuple[str, ...]) -> int:
    """How many parts two paths share, counted from the end."""
    most = min(len(these), len(those))
    return next((n for n in range(1, most + 1) if these[-n] != those[-n]), most + 1) - 1


def _file(path: tuple[str, ...]) -> tuple[str, ...]:
    """A JSONL line's path as its file's ("…/p.jsonl:17" → "…/p.jsonl"); any other path as it is."""
    line = _JSONL_LINE.fullmatch(path[-1]) if path else None
    return (*path[:-1], line.group(1)) if line else path


class _Node:
    """The paths that end in the same parts: how many, how many end here (no folder above), their items in the order
    added, and the nodes one folder further up, by its name; or, while only one path ends so, that path kept whole
    (`rest`), given nodes further up only when another joins it (most paths part from the others a few folders up)."""

    __slots__ = ("above", "count", "ends", "items", "rest")

    def __init__(self, rest: tuple[str, ...] | None = None, item: int = -1) -> None:
        self.above: dict[str, _Node] | None = None
        self.rest = rest
        self.count, self.ends = 0 if rest is None else 1, 0
        self.items: list[int] = [] if rest is None else [item]

    def spread(self, depth: int) -> None:
        """Give the one path kept whole in this node, `depth` parts from its end, a node further up (or end it here)."""
        path, self.rest = self.rest or (), None
        if len(path) == depth:
            self.ends = 1
        else:
            self.above = {path[-depth - 1]: _Node(path, self.items[0])}


class Paths:
    """Paths as a tree of their parts from the end (file name first), each with an item (a re-check's place in its
    file): the paths ending like one for n parts are those below the node n parts up its own, found by its parts."""

    def __init__(self, exact: bool = False) -> None:
        self.root = _Node()
        self.names: Counter[str] = Counter()  # file name → how many paths have it (a JSONL file's lines count once)
        self.exact = Paths() if exact else None  # the paths as written, where names compared case-blind tie
        self.written: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # item → its path, and as written

    def add(self, path: tuple[str, ...], item: int = -1, written: tuple[str, ...] | None = None) -> None:
        if not path:
            return  # a document with no path (an input that could not be read): nothing to match by
        if written is not None and self.exact is not None:
            self.exact.add(written)
        if written is not None and item >= 0:
            self.written[item] = (path, written)
        self.names[_file(path)[-1]] += 1
        node = self.root
        for depth, part in enumerate(reversed(path), 1):
            if node.above is None:
                node.above = {}
            child = node.above.get(part)
            if child is None:
                node.above[part] = _Node(path, item)
                return
            if child.rest is not None:
                child.spread(depth)
            child.count += 1
            child.items.append(item)
            node = child
        node.ends += 1

    def _along(self, path: tuple[str, ...]) -> tuple[list[_Node], int]:
        """The nodes of the paths ending like `path` for 1, 2, … parts, as far as any does (a path kept whole stands
        for each node it would have); and how many of those paths are `path` itself."""
        found, node = [], self.root
        for depth, part in enumerate(reversed(path), 1):
            if node.rest is not None:
                if len(node.rest) < depth or node.rest[-depth] != part:
                    break
            elif (child := node.above.get(part) if node.above else None) is None:
                break
            else:
                node = child
            found.append(node)
        if len(found) < len(path):
            return found, 0
        return found, node.ends if node.rest is None else int(len(node.rest) == len(path))

    def nearest(self, path: tuple[str, ...]) -> int:
        """How many parts the path other than `path` (each as a file) that ends the most like it shares with it, 0 for
        none: a re-check sharing that many or fewer with `path` is as near another document of the batch."""
        along, itself = self._along(_file(path))  # `path` itself may have been added more than once
        return next((n for n in range(len(along), 0, -1) if along[n - 1].count > itself), 0)

    def alike(self, path: tuple[str, ...]) -> tuple[int, int]:
        """How many parts the paths ending the most like `path` share with it, and how many paths do (0, 0 for none)."""
        along = self._along(path)[0]
        return (len(along), along[-1].count) if along else (0, 0)

    def best(self, path: tuple[str, ...], batch: Paths, taken: Collection[int]) -> int | None:
        """The item of the path not yet `taken` that ends like `path` the longest (the first of equals), and that no
        other path of the `batch` ends like as long or longer (two projects as near one re-check: it is neither's);
        None when there is none."""
        if not path:
            return None
        needed = 1 if batch.names.get(_file(path)[-1], 0) <= 1 else 2
        along = self._along(path)[0]
        # Below a node, those sharing more are taken (else found a node further up): the first not taken shares this many.
        for length in range(len(along), max(needed, batch.nearest(path) + 1) - 1, -1):  # the longest stretch first
            found = next((item for item in along[length - 1].items if item not in taken), None)
            if found is not None:
                return found
        return None

    def equals(self, path: tuple[str, ...], batch: Paths, item: int, common: int) -> list[int]:
        """The items other than `item` that end like `path` for `common` parts, as `item` does, and that `best` passed
        over only as the later of equals (no other path of the `batch` is as near them)."""
        along = self._along(path)[0]
        if not 0 < common <= len(along) or common <= batch.nearest(path):
            return []
        nearer = set(along[common].items) if common < len(along) else set()
        return [other for other in along[common - 1].items if other != item and other not in nearer]

    def written_alike(self, path: tuple[str, ...], written: tuple[str, ...], batch: Paths,
                      taken: Collection[int]) -> int | None:
        """Where `best` found none as names tie compared case-blind (P1.json and p1.json in one folder, QA332 F3 A): the
        item not taken whose path ends as `written` is written for the most parts, n, where no other path of the batch
        ends so written for n parts, and none ends like the item's for more than n (Ｐ１.json still meets neither)."""
        if not path or batch.exact is None:
            return None
        along, nearest = self._along(path)[0], batch.exact.nearest(written)
        for length in range(len(along), nearest, -1):
            nearer = set(along[length].items) if length < len(along) else set()
            for item in along[length - 1].items:
                if item in taken or item in nearer or item not in self.written:
                    continue
                theirs, as_written = self.written[item]
                if as_written[-length:] == written[-length:] and batch.alike(theirs)[0] == length:
                    return item
        return None
