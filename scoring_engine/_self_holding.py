"""A facts document a program passes that holds itself (``values["self"] = values``): it nests without end, and is
said once, at the place it holds itself, not at each of the paths it reaches past MAX_FACTS_DEPTH (QA330 F10: a facts
dict holding itself was 13 lines of "nested deeper than 20 levels")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .errors import json_path

__all__ = ["too_deep"]

Path = tuple[str | int, ...]


def too_deep(document: Any, path: Path, said: set[Path], most: int) -> Iterator[tuple[Path, str, str | None]]:
    """(path, message, hint) for the object or list at `path` of `document`, `most` levels deep: a value holding itself
    said at the first place it does, once whichever path reached it (`said`: the places said); else nested too deep.

    >>> values = {"a": 1}
    >>> values["self"] = values
    >>> list(too_deep({"facts": values}, ("facts", *["self"] * 20), set(), 20))
    [(('facts', 'self'), 'holds itself: the value here is the object at $.facts again, so it nests without end', \
'give each fact its own value, not the object that holds it')]
    """
    held = _held_again(document, path)
    if held is None:
        yield path, f"nested deeper than {most} levels (MAX_FACTS_DEPTH)", "facts nest a few levels at most"
    elif held[0] not in said:
        said.add(held[0])
        yield (held[0], f"holds itself: the value here is the {'list' if isinstance(_at(document, held[1]), list) else 'object'}"
               f" at {json_path(held[1])} again, so it nests without end",
               "give each fact its own value, not the object that holds it")


def _held_again(document: Any, path: Path) -> tuple[Path, Path] | None:
    """The first place along `path` whose value is one of the values above it (the same object), and that one's place."""
    seen: dict[int, int] = {}
    value = document
    for depth in range(len(path) + 1):
        if id(value) in seen:
            return path[:depth], path[:seen[id(value)]]
        seen[id(value)] = depth
        if depth == len(path) or (value := _child(value, path[depth])) is None:
            return None
    return None


def _at(document: Any, path: Path) -> Any:
    for part in path:
        document = _child(document, part)
    return document


def _child(value: Any, part: str | int) -> Any:
    """The item `part` of a mapping, list or tuple as document_problems walks it; None for any other."""
    if isinstance(value, Mapping):
        return value.get(part)
    if isinstance(value, (list, tuple)) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return None
