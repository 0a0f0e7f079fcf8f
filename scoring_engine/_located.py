"""Data read from YAML with the node tree it came from: where each value and key was written (file, line, column).

`_yaml` reads a file into a Located; the set builder, profiles and lint ask it
where a value is, to name the line in a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._record import record
from .errors import Problem

__all__ = ["CHINESE_QUOTES", "Located", "Path", "mark"]

CHINESE_QUOTES = "“”‘’「『"  # what a Chinese input method types for quotes

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"


@record(frozen=False)
class Located:
    """Data read from YAML, with the node tree it was read from for the (line, column) of any value or key, 1-based."""

    data: Any
    root: Node | None = None
    # Problems that leave the rest readable (duplicate keys, aliases, tags): the
    # caller reports them together with its own.
    problems: list[Problem] = field(default_factory=list)
    rejected: set[Path] = field(default_factory=set)  # values refused (and so read as None): already reported
    # The file writes an anchor or an alias: its node tree may repeat a node, or hold one inside itself. Read into the
    # data once each (the alias refused), the tree is never walked whole (a profile is not resolved onto its base).
    aliased: bool = False
    # A profile resolved onto its base (`_profiles`) mixes nodes of several files: each node's mark names its file.
    several_files: bool = False
    # Those files, the profile's first, then each base's in turn: which one is written on top of which.
    files: tuple[str | None, ...] = ()
    # The reader saw that every key and every text it read is printable: nothing is hidden in any name (a bidi override,
    # a zero-width space). False when it saw one that is not, and for data it did not read.
    printable: bool = False
    # The reader saw no Chinese quotation mark anywhere in the text: no value is typed in them (`_build.wrapped`), and a
    # large set is not walked once more to look. False for data it did not read.
    no_chinese_quotes: bool = False
    # id of a large mapping node → (its entries, their count, key → position), made on first look: a set asks where
    # each of a thousand facts is
    _entries: dict[int, tuple[Any, int, dict[str, int]]] = field(default_factory=dict, repr=False, compare=False)
    # path → (key node, value node, whether the path was found whole), while the tree stays as it is (`unchanged`)
    _found: dict[Path, tuple[Node | None, Node, bool]] | None = field(default=None, repr=False, compare=False)

    @contextmanager
    def unchanged(self) -> Iterator[None]:
        """Within it, the node at a path is looked up once, from its parent's: a set asks where each of its hundreds of
        indicators (six levels down) and facts is. Only while no node changes in place (a profile resolved)."""
        self._found = {}
        try:
            yield
        finally:
            self._found = None

    def where(self, path: Path, key: bool = False) -> tuple[int, int] | None:
        """Line and column of the value at `path` (or of its key), else of the nearest enclosing value."""
        if self.root is None:
            return None
        key_node, node, whole = self._walk(path)
        return mark(key_node if key and whole and key_node is not None else node)

    def file_at(self, path: Path, key: bool = False) -> str | None:
        """The file the value at `path` (or its key) was written in, when the data comes from several files."""
        if self.root is None or not self.several_files:
            return None
        key_node, node, _ = self._walk(path)
        name = (key_node if key and key_node is not None else node).start_mark.name
        return name if isinstance(name, str) else None

    def _walk(self, path: Path) -> tuple[Node | None, Node, bool]:
        """The key node and value node at `path`, and True; where it is not there, the last found on the way, and False."""
        found = self._found
        if found is not None:
            known = found.get(path)
            if known is not None:
                return known
            if path:
                parent = self._walk(path[:-1])
                if not parent[2]:
                    return parent
                child = self._child(parent[1], path[-1])
                known = found[path] = (child[0], child[1], True) if child is not None else (parent[0], parent[1], False)
                return known
        assert self.root is not None
        node, key_node = self.root, None
        for part in path:
            child = self._child(node, part)
            if child is None:
                return key_node, node, False
            key_node, node = child
        return key_node, node, True

    def on_top_of(self, upper: str | None, lower: str | None) -> bool:
        """Whether file `upper` is a profile written over file `lower` (its base, or a base of its base)."""
        return upper in self.files and lower in self.files and self.files.index(upper) < self.files.index(lower)

    def written(self, path: Path) -> str | None:
        """A plain scalar YAML read as something other than text (no → false, 1.10, 2024-01-01), as written: for hints."""
        node = self._node(path)
        if isinstance(node, ScalarNode) and not node.style and node.tag != _STR and path not in self.rejected:
            return str(node.value)
        return None

    def quoted(self, path: Path) -> bool:
        """Whether the value at `path` is a scalar written in quotes: for hints that mention quotes."""
        node = self._node(path)
        return isinstance(node, ScalarNode) and node.style in ("'", '"')

    def in_flow(self, path: Path) -> bool:
        """Whether the value at `path` is an item of a list (or a mapping) written in brackets, [a, b], not in '- ' lines."""
        parent = self._node(path[:-1]) if path else None
        return isinstance(parent, (SequenceNode, MappingNode)) and bool(parent.flow_style)

    def _node(self, path: Path) -> Node | None:
        node = self.root
        for part in path:
            found = self._child(node, part) if node is not None else None
            node = found[1] if found is not None else None
        return node

    def _child(self, node: Node, part: str | int) -> tuple[Node, Node] | None:
        """`_child(node, part)`, a large mapping's entries looked up by key rather than one by one.

        The index is checked against the node as it is now: resolving a profile changes nodes in place.
        """
        if not isinstance(node, MappingNode) or len(node.value) < _INDEXED or not isinstance(part, str):
            return _child(node, part)
        made = self._entries.get(id(node))
        if made is None or made[0] is not node.value or made[1] != len(node.value):
            index: dict[str, int] = {}
            for i, (key, _) in enumerate(node.value):
                if isinstance(key, ScalarNode) and key.tag == _STR:
                    index.setdefault(key.value, i)  # the first of duplicate keys, as _child finds it
            made = self._entries[id(node)] = (node.value, len(node.value), index)
        at = made[2].get(part)
        if at is not None:
            key, value = node.value[at]
            if key.value == part and isinstance(key, ScalarNode) and key.tag == _STR:
                return key, value
        return _child(node, part)  # not there, or changed in place since the index was made

    def paths(self) -> dict[tuple[int, int], Path]:
        """(line, column) → path of the value read there (an alias repeats a value: the first place counts)."""
        found: dict[tuple[int, int], Path] = {}
        seen: set[int] = set()
        stack: list[tuple[Path, Node]] = [((), self.root)] if self.root is not None else []
        while stack:  # depth first, in the order of the file
            path, node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            found.setdefault(mark(node), path)  # an alias cut to null keeps its anchor's mark: the anchor counts
            stack.extend(((*path, part), child) for part, (_, child) in reversed(_children(node)))
        return found


def _children(node: Node) -> list[tuple[str | int, tuple[Node, Node]]]:
    """(path part, (key node, value node)) of each entry read into the data (text keys, or list positions)."""
    if isinstance(node, MappingNode):
        return [(k.value, (k, v)) for k, v in node.value if isinstance(k, ScalarNode) and k.tag == _STR]
    if isinstance(node, SequenceNode):
        return [(i, (item, item)) for i, item in enumerate(node.value)]
    return []


#: A mapping of this many entries or more is looked up through an index of its keys (Located._child).
_INDEXED = 16


def _child(node: Node, part: str | int) -> tuple[Node, Node] | None:
    """The key node and value node under `part` of `node`, as the reader read them (the first of duplicate keys)."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == part and isinstance(key, ScalarNode) and key.tag == _STR:
                return key, value
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def mark(node: Node) -> tuple[int, int]:
    """Line and column (from 1) where `node` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1
