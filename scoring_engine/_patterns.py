"""Regular expressions compiled on first use, not at import.

`re` compiles in Python. The engine's readers of typed text (findings, targets, dates, amounts, a form's labels)
hold some 300 patterns, and compiling them all at import was a fifth of every command's start (70 ms of
`scoring-engine score examples/small/facts.json`), while a command uses a few of them. A module names its
patterns at its top as before, with `compile_later` for `re.compile`; each is compiled when first used, once.

What stands for a pattern has the compiled one's methods and attributes, but it is no `re.Pattern`: `isinstance` says
so, and `re.sub(pattern, …)` and the other functions of `re` refuse it (call its own methods).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

__all__ = ["compile_later"]

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


def compile_later(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, compiled when one of its methods is first called; `.pattern` is there at once
    (a pattern built from another's text does not compile it)."""
    return cast("re.Pattern[AnyStr]", _CompiledLater(pattern, flags))


class _CompiledLater:
    """Stands for a compiled pattern until first used; from then on its methods are the compiled pattern's own, bound,
    found in the instance before the class's. Two threads using it first at once compile it twice, to the same."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[Any]:
        compiled: re.Pattern[Any] | None = self.__dict__.get("_pattern")
        if compiled is None:
            compiled = self._pattern = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    @property
    def groupindex(self) -> Any:
        return self._compiled().groupindex

    @property
    def groups(self) -> int:
        return self._compiled().groups

    @property
    def flags(self) -> int:  # as compiled: with the inline flags, (?i), and re.UNICODE for a text pattern
        return self._compiled().flags

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as what it stands for, compiled or not
        return (compile_later, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"compile_later({self.pattern!r})"


def _first_call(name: str) -> Any:
    """The method `name` before the pattern is compiled: compiles it, then calls the compiled one's."""
    def call(self: _CompiledLater, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._compiled(), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


for _name in _METHODS:
    setattr(_CompiledLater, _name, _first_call(_name))
