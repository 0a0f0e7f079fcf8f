"""Records: what ``@dataclass(frozen=True)`` (or ``@dataclass``) makes, at a fraction of its cost when a module is imported.

``dataclass(frozen=True)`` writes six methods of each class as source text and compiles each with ``exec`` when its
module is imported: for the package's record classes that was a quarter of the command line's start (#10). A record is
still a dataclass (``fields``, ``replace``, ``asdict``, ``is_dataclass`` and pickling work as before) and is frozen,
compared, hashed and shown exactly as a frozen dataclass is; but only ``__init__`` is compiled, and only when the class
is first made, and ``__eq__``, ``__hash__``, ``__repr__`` and the guard against assignment are functions shared by
every record, reading the class's field names. A method the class writes itself is kept, as ``dataclass`` keeps it.
``@record(frozen=False)`` is the plain ``@dataclass`` of a working object (a draft being built): no guard, no hash.

What ``dataclass`` offers beyond that (``kw_only``, ``InitVar``, ``order``, ``slots``) is refused, not ignored.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["record"]

_T = TypeVar("_T", bound=type)
_set = object.__setattr__


@overload
def record(cls: _T, /) -> _T: ...


@overload
def record(*, frozen: bool = True) -> Callable[[_T], _T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: _T | None = None, /, *, frozen: bool = True) -> _T | Callable[[_T], _T]:
    """Make `cls` a dataclass, frozen unless `frozen` is False, whose methods cost nothing to define (see the module's
    docstring)."""
    if cls is None:
        return lambda cls: _made(cls, frozen)
    return _made(cls, frozen)


def _made(cls: _T, frozen: bool) -> _T:
    own = set(cls.__dict__)
    # A class body that writes __eq__ gets __hash__ = None from Python; dataclass still adds its own then.
    own_hash = cls.__dict__.get("__hash__") is not None
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # type: ignore[assignment]
    fields = dataclasses.fields(cls)
    _refuse_what_is_not_supported(cls, fields)
    names = frozenset(f.name for f in fields)
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = tuple(f.name for f in fields if f.repr)
    methods: dict[str, Any] = {
        "__init__": _first_init(cls),
        "__repr__": _repr(shown),
        "__eq__": _eq(compared),
    }
    if frozen:
        methods |= {"__setattr__": _guard(cls, names, "assign to"), "__delattr__": _guard(cls, names, "delete")}
    for name, method in methods.items():
        if name not in own:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    if not own_hash:  # as dataclass: a frozen record is hashed by value, a mutable one not at all
        cls.__hash__ = _hash(hashed) if frozen else None  # type: ignore[assignment]
    return cls


def _refuse_what_is_not_supported(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    every = cls.__dict__["__dataclass_fields__"].values()
    if len(every) != len(fields) or any(f.kw_only is True for f in fields) or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: a record has no InitVar, ClassVar, kw_only field nor __slots__")


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these fields' values, as dataclass compares and hashes them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda made: (one(made),)
    return lambda made: ()


def _repr(shown: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    return __repr__


def _eq(compared: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _hash(hashed: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    return __hash__


def _guard(cls: Any, names: frozenset[str], doing: str) -> Callable[..., None]:
    def guard(self: Any, name: str, *value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot {doing} field {name!r}")
        if value:
            super(cls, self).__setattr__(name, *value)
        else:
            super(cls, self).__delattr__(name)

    return guard


def _first_init(cls: type) -> Callable[..., None]:
    """An __init__ that compiles the class's own on its first call and puts it in its place."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made = _compiled_init(cls)
        type.__setattr__(cls, "__init__", made)
        made(self, *args, **kwargs)

    return __init__


def _compiled_init(cls: type) -> Callable[..., None]:
    """The __init__ dataclass would write for a frozen class: each field set in order, defaults and factories given."""
    given: dict[str, Any] = {"_set": _set, "_FACTORY": _FACTORY}
    params, body = ["self"], []
    for f in dataclasses.fields(cls):
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            given[f"_factory_{f.name}"] = f.default_factory
            value = f"_factory_{f.name}()" if not f.init else f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
            default = "=_FACTORY"
        elif f.default is not dataclasses.MISSING:
            given[f"_default_{f.name}"] = f.default
            value = f.name if f.init else f"_default_{f.name}"
            default = f"=_default_{f.name}"
        elif not f.init:
            continue  # neither given nor defaulted: the class sets it itself, later
        else:
            default = ""
        if f.init:
            params.append(f.name + default)
        body.append(f"    _set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    made: dict[str, Any] = {}
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass")  # our own text, from the field names
    exec(source, given, made)
    init: Callable[..., None] = made["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _Factory:
    """The default of a parameter whose field has a default factory (as dataclass's own marker)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
