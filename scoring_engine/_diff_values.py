"""How `diff` shows a value that changed in a rule as written: each difference (where, before, after), numbers written
two ways (0.5, 1/2) taken as one, and values that would read the same as written shown as JSON on both sides."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import _json
from ._arith import exact
from ._display import show_written
from ._patterns import compile_later

__all__ = ["differences", "reads_plainly", "shown_pair"]


def differences(a: Any, b: Any, where: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(where, before, after) for each value that differs between two rules as written; a value added or removed has
    None on the side that lacks it."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in [*a, *(k for k in b if k not in a)]:
            yield from differences(a.get(key), b.get(key), f"{where}.{key}" if where else str(key))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from differences(x, y, f"{where}[{i}]")
    elif a != b and not _same_number(a, b):
        yield where, *shown_pair(a, b)


def shown_pair(a: Any, b: Any) -> tuple[str | None, str | None]:
    """Two values that differ as the reports show them: as written (挪用), or both as JSON ("挪用", "挪用 ") where so
    written they would read the same or a text in either is not told apart from its neighbours (a separator in it, a
    space at an edge): [挪用, 截留] → ["挪用, 截留"] read the same both sides (QA341 4). None stays None."""
    before, after = (None if v is None else show_written(v) for v in (a, b))
    if before == after or not reads_plainly(a) or not reads_plainly(b):
        return _as_json(a), _as_json(b)
    return before, after


def _as_json(value: Any) -> str | None:
    return None if value is None else _json.dumps(value, indent=None)


_UNCLEAR_TEXT = compile_later(r"[,，、]|^\s|\s$|^$")


def reads_plainly(value: Any) -> bool:
    """Whether each text in a value, shown as written, is told apart from what is around it: no separator in it
    (, ， 、), no space at either end, not empty."""
    if isinstance(value, Mapping):
        return all(reads_plainly(k) and reads_plainly(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(reads_plainly(v) for v in value)
    return not isinstance(value, str) or not _UNCLEAR_TEXT.search(value)


_FRACTION = compile_later(r"\s*[0-9]{1,15}\s*/\s*0{0,5}[1-9][0-9]{0,14}\s*")  # the schema's points and shares: 1/3


def _same_number(a: Any, b: Any) -> bool:
    """Whether two values a rule writes are one number written two ways: 0.5 and 1/2, 1/2 and 2/4 (QA338 M2)."""
    def number(value: Any) -> Fraction | None:
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            return exact(value)
        return exact(value) if isinstance(value, str) and _FRACTION.fullmatch(value) else None
    first, second = number(a), number(b)
    return first is not None and first == second
