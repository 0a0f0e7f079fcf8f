"""Values computed on first read: how a Result carries an audit trail that it builds only when asked.

A `Later` computes its value once, whichever thread reads it first, under
the engine's own decimal context whatever context that reader has set; a
`Deferred` field of a frozen dataclass accepts a Later in place of its value
and gives the value when read. The dataclass keeps what it was given (so
``Result(**result.__dict__)`` and ``dataclasses.replace`` work as for any
field), and every reader sees the same value: the object stays immutable to
its callers.
"""

from __future__ import annotations

import decimal
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from ._arith import CONTEXT

__all__ = ["Deferred", "Later", "given"]

T = TypeVar("T")
_NOT_YET = object()


class Later(Generic[T]):
    """A value computed by `make(*args)` on first read, once.

    `plan` is the scoring plan the value comes from, when it comes from one:
    writers use the plan's caches for what every result of a set shares.
    """

    __slots__ = ("_args", "_lock", "_make", "_value", "plan")

    def __init__(self, make: Callable[..., T], *args: Any, plan: Any = None):
        self._make: Callable[..., T] | None = make
        self._args = args  # make(*args): a function and its arguments, not a closure (fewer objects for a kept result)
        self._value: Any = _NOT_YET
        self._lock = threading.Lock()
        self.plan = plan

    def pending(self) -> tuple[Any, ...] | None:
        """The arguments `make` will be called with, while the value is not made yet (None once it is)."""
        args = self._args
        return args if self._make is not None else None

    def get(self) -> T:
        if self._make is not None:
            with self._lock:
                make = self._make
                if make is not None:
                    with decimal.localcontext(CONTEXT):  # the reader's context must not change an audit trail
                        self._value = make(*self._args)
                    self._make = None  # after the value: a reader outside the lock sees both or neither
                    self._args = ()
        value: T = self._value
        return value


class Deferred(Generic[T]):
    """A dataclass field whose value may be given as a Later (see the module's docstring)."""

    def __init__(self, default: Any = _NOT_YET):
        self._default = default
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> T: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T:
        if obj is None:  # the class itself: what dataclasses reads as the field's default
            if self._default is _NOT_YET:
                raise AttributeError(self._name)
            default: T = self._default
            return default
        value = obj.__dict__[self._name]
        return value.get() if isinstance(value, Later) else value  # type: ignore[no-any-return]

    def __set__(self, obj: object, value: T | Later[T]) -> None:
        obj.__dict__[self._name] = value  # only the dataclass's __init__ gets here: the class is frozen


def given(obj: object, name: str) -> Any:
    """What field `name` of `obj` was given: a Later not yet read stays a Later."""
    return obj.__dict__[name]
