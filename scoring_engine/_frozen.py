"""Read-only data a Result hands out and an indicator set holds: a rule as written, an indicator's inputs and details,
the project's details; the set's facts, reason templates, a switch's variants, a row group's rules, the form's funds.

A Result is immutable and shared between threads; a caller's change to one of
its dicts would change its to_json, render and explain. A set is shared by every
thread scoring with it, and scored through the plan compiled from it once: a change
to one of its dicts would change later results, or contradict them, while its sha256
stays (QA153 F2). These are dicts and lists that refuse
changes: JSON writers and callers take them as dicts and lists, they print as
dicts and lists do, and they cross to a worker process as results do (a
MappingProxyType does neither).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

__all__ = ["EMPTY", "ReadOnly", "ReadOnlyList", "frozen_data", "made_frozen", "read_only", "read_only_shallow"]

_T = TypeVar("_T")
_new = object.__new__


def made_frozen(kind: type[_T], fields: Mapping[str, Any]) -> _T:
    """`kind(**fields)` for a frozen dataclass given every field, equal to what its __init__ makes, without the
    object.__setattr__ per field that a frozen __init__ costs: what every scoring makes (findings and judgements of the
    facts, the Result or Scores) is made so."""
    made = _new(kind)
    made.__dict__.update(fields)
    return made


def _refuse(self: Any, *args: Any, **kwargs: Any) -> None:
    raise TypeError("a result's data and an indicator set's are read-only: copy it (dict(…), list(…)) to change it")


class ReadOnly(dict):  # type: ignore[type-arg]
    """A dict that cannot be changed."""

    __slots__ = ()

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return ReadOnly, (dict(self),)


class ReadOnlyList(list):  # type: ignore[type-arg]
    """A list that cannot be changed (it prints as the list does, where a tuple would not)."""

    __slots__ = ()

    __setitem__ = __delitem__ = append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __iadd__ = __imul__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return ReadOnlyList, (list(self),)


#: The inputs and details of an indicator with none (a parent): one read-only dict for all.
EMPTY = ReadOnly()
#: The types of the scalars YAML reads into (texts, numbers, true and false, null): no mapping or list is one of them.
_SCALARS = frozenset({str, int, Decimal, bool, float, type(None)})


def frozen_data(value: Any) -> Any:
    """`value` with every mapping in it read-only and every list a tuple (JSON writes them alike): a rule as written."""
    if type(value) in _SCALARS:  # most of a rule: kept without asking the Mapping ABC about it (a set's every rule is frozen)
        return value
    if isinstance(value, Mapping):
        return ReadOnly({key: frozen_data(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(frozen_data(item) for item in value)
    return value


def read_only(value: Any) -> Any:
    """`value` with every mapping and list in it read-only, each printing as before (an indicator's details).

    >>> details = read_only({"band": {"min": 1}, "elements": [{"earned": 2}]})
    >>> details, type(details["elements"]).__name__
    ({'band': {'min': 1}, 'elements': [{'earned': 2}]}, 'ReadOnlyList')
    """
    kind = type(value)
    if kind is ReadOnly or kind is ReadOnlyList:
        return value
    if kind is dict or isinstance(value, Mapping):
        return ReadOnly({key: read_only(item) for key, item in value.items()}) if value else EMPTY
    if isinstance(value, list):
        return ReadOnlyList([read_only(item) for item in value])
    if kind is tuple:  # a list fact's values: rebuilt only when something in it is not read-only already
        items = [read_only(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else tuple(items)
    return value


def read_only_shallow(mapping: Mapping[str, Any]) -> ReadOnly:
    """`mapping` read-only when its values are (an indicator's inputs: fact and derived values, which never change)."""
    return ReadOnly(mapping) if mapping else EMPTY
