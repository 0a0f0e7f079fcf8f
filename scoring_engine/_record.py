"""Records: what ``@dataclass(frozen=True)`` (or ``@dataclass``) makes, at a fraction of its cost when a module is imported.

``dataclass(frozen=True)`` writes six methods of each class as source text and compiles each with ``exec`` when its
module is imported: for the package's record classes that was a quarter of the command line's start (#10). A record is
still a dataclass (``fields``, ``replace``, ``asdict``, ``is_dataclass`` and pickling work as before) and is frozen,
compared, hashed and shown exactly as a frozen dataclass is; but each of ``__init__``, ``__eq__``, ``__hash__`` and
``__repr__`` is compiled from the same text only when it is first called (a command calls few of them); ``__init__``
only once it has made GENERIC_CALLS objects (a generic one sets the fields until then: a command makes few of most
records, and compiling the 20 a run makes was 4% of its time). The guard against assignment is shared by every record.
A method the class writes itself is kept, as ``dataclass`` keeps it.
``@record(frozen=False)`` is the plain ``@dataclass`` of a working object (a draft being built): no guard, no hash.

What ``dataclass`` offers beyond that (``kw_only``, ``InitVar``, ``order``, ``slots``) is refused, not ignored.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
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
    # A class body that writes __eq__ gets __hash__ = None from Python; dataclass still adds its own then. One that writes
    # __hash__ = None itself (and no __eq__) is unhashable, as with dataclass.
    own_hash = "__hash__" in cls.__dict__ and not (cls.__dict__["__hash__"] is None and "__eq__" in cls.__dict__)
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # type: ignore[assignment]
    fields = dataclasses.fields(cls)
    _refuse_what_is_not_supported(cls, fields)
    names = frozenset(f.name for f in fields)
    methods: dict[str, Any] = {"__init__": _first_init(cls), **{name: _first(cls, name) for name in ("__repr__", "__eq__")}}
    if frozen:
        methods |= {"__setattr__": _guard(cls, names, "assign to"), "__delattr__": _guard(cls, names, "delete")}
    for name, method in methods.items():
        if name not in own:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    if "__signature__" not in own:  # help() and a notebook's Shift-Tab show the fields before __init__ is compiled
        cls.__signature__ = _Signature(cls)  # type: ignore[attr-defined]
    if not own_hash:  # as dataclass: a frozen record is hashed by value, a mutable one not at all
        cls.__hash__ = _first(cls, "__hash__") if frozen else None  # type: ignore[assignment]
    return cls


class _Signature:
    """The class's signature as dataclass's __init__ gives it, made when first asked for (inspect.signature, help): the
    generic stand-in's is (*args, **kwargs). inspect is imported then, not when the package is (it costs ~5 ms)."""

    def __init__(self, record: type) -> None:
        self.record = record
        self.made: dict[type, Any] = {}  # by class: a subclass that adds fields shares the descriptor, not the signature

    def __get__(self, instance: Any, owner: type) -> Any:
        below = owner.__mro__[:owner.__mro__.index(self.record)] if self.record in owner.__mro__ else ()
        if any("__init__" in cls.__dict__ for cls in below):
            return None  # a subclass's own __init__ (a dataclass's too), or one it inherits, says it: inspect reads it
        if owner not in self.made:
            from inspect import Parameter, Signature

            self.made[owner] = Signature([Parameter(
                f.name, Parameter.POSITIONAL_OR_KEYWORD, annotation=f.type,
                default=f.default if f.default is not dataclasses.MISSING
                else _FACTORY if f.default_factory is not dataclasses.MISSING else Parameter.empty)
                for f in dataclasses.fields(owner) if f.init])
        return self.made[owner]


def _refuse_what_is_not_supported(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    every = cls.__dict__["__dataclass_fields__"].values()
    if len(every) != len(fields) or any(f.kw_only is True for f in fields) or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: a record has no InitVar, ClassVar, kw_only field nor __slots__")


def _guard(cls: Any, names: frozenset[str], doing: str) -> Callable[..., None]:
    def guard(self: Any, name: str, *value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot {doing} field {name!r}")
        if value:
            super(cls, self).__setattr__(name, *value)
        else:
            super(cls, self).__delattr__(name)

    return guard


def _first(cls: type, name: str) -> Callable[..., Any]:
    """The method `name` as a stand-in that compiles the class's own on its first call and puts it in its place."""

    def first(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = _compiled(cls, name)
        type.__setattr__(cls, name, made)
        return made(self, *args, **kwargs)

    return first


#: Objects a record's generic __init__ makes before the class's own is compiled: a command makes few of most records
#: (compiling an __init__ costs about 0.3 ms, a generic call a few µs), a batch makes thousands of some. Few: a class
#: made once a project is compiled by the 16th, so a batch pays the generic cost on its first projects alone.
GENERIC_CALLS = 16


def _first_init(cls: type) -> Callable[..., None]:
    """__init__ as a stand-in that sets the fields itself for the first GENERIC_CALLS objects, then compiles the class's
    own and puts it in its place. Arguments it would not bind (too many, unknown, a required one missing) go to the
    compiled one, which raises the TypeError Python words for that call."""
    plan: _InitPlan | None = None
    calls = 0

    def first(self: Any, *args: Any, **kwargs: Any) -> None:
        nonlocal plan, calls
        calls += 1
        if calls <= GENERIC_CALLS:
            plan = plan or _InitPlan(cls)
            values = plan.bound(args, kwargs)
            if values is not None:
                for name, value in values:
                    _set(self, name, value)
                if plan.post_init:
                    self.__post_init__()
                return
        made = _compiled(cls, "__init__")
        type.__setattr__(cls, "__init__", made)
        made(self, *args, **kwargs)

    return first


class _InitPlan:
    """What the __init__ dataclass writes does, as data: the parameters, and each field set in order with its value
    given, defaulted or made by its factory."""

    def __init__(self, cls: type):
        fields = dataclasses.fields(cls)
        self.names = tuple(f.name for f in fields if f.init)
        self.known = frozenset(self.names)
        self.required = frozenset(f.name for f in fields if f.init and f.default is dataclasses.MISSING
                                  and f.default_factory is dataclasses.MISSING)
        self.steps = [(f.name, f.init, f.default, None if f.default_factory is dataclasses.MISSING else f.default_factory)
                      for f in fields if f.init or f.default is not dataclasses.MISSING
                      or f.default_factory is not dataclasses.MISSING]  # neither given nor defaulted: set later
        self.post_init = hasattr(cls, "__post_init__")

    def bound(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[tuple[str, Any]] | None:
        """Each field and its value for a call with `args` and `kwargs`; None for a call that is wrong."""
        if len(args) > len(self.names):
            return None
        given = dict(zip(self.names, args, strict=False))  # the rest defaulted
        for key, value in kwargs.items():
            if key in given or key not in self.known:
                return None
            given[key] = value
        if not self.required <= given.keys():
            return None
        values = []
        for name, init, default, factory in self.steps:
            if init and name in given:
                value = given[name]
                if factory is not None and value is _FACTORY:
                    value = factory()
            else:
                value = factory() if factory is not None else default
            values.append((name, value))
        return values


def _compiled(cls: type, name: str) -> Callable[..., Any]:
    """The method `name` as dataclass writes it for a frozen class, compiled from the field names."""
    fields = dataclasses.fields(cls)
    given: dict[str, Any] = {"_set": _set, "_FACTORY": _FACTORY, "__name__": __name__}  # a method made here says so
    if name == "__init__":
        source = _init_source(fields, given, hasattr(cls, "__post_init__"))
    elif name == "__repr__":
        shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
        source = f'def __repr__(self):\n    return f"{{self.__class__.__qualname__}}({shown})"'
    else:
        kept = [f.name for f in fields if (f.compare if name == "__eq__" or f.hash is None else f.hash)]
        values = "".join(f"self.{n}," for n in kept)
        source = ("def __eq__(self, other):\n    if other.__class__ is self.__class__:\n"
                  f"        return ({values}) == ({values.replace('self.', 'other.')})\n    return NotImplemented"
                  if name == "__eq__" else f"def __hash__(self):\n    return hash(({values}))")
    made: dict[str, Any] = {}
    exec(source, given, made)  # our own text, from the field names
    method: Callable[..., Any] = made[name]
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    return reprlib.recursive_repr()(method) if name == "__repr__" else method


def _init_source(fields: tuple[dataclasses.Field[Any], ...], given: dict[str, Any], post_init: bool) -> str:
    """The __init__ dataclass would write for a frozen class: each field set in order, defaults and factories given."""
    params, body = ["self"], []
    for f in fields:
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
    if post_init:
        body.append("    self.__post_init__()")
    return f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass")


class _Factory:
    """The default of a parameter whose field has a default factory (as dataclass's own marker)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
