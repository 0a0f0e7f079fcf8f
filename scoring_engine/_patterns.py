"""Regular expressions compiled on first use, not at import.

`re` compiles in Python. The engine's readers of typed text (findings, targets, dates, amounts, a form's labels)
hold some 300 patterns, and compiling them all at import was a fifth of every command's start (70 ms of
`scoring-engine score examples/small/facts.json`), while a command uses a few of them. A module names its
patterns at its top as before, with `compile_later` for `re.compile`; each is compiled when first used, once.

A pattern may say, as `needs`, characters of which every match holds one (the longest patterns, of what a finding
or a form's note says, each need a colon, or one of a few words' characters): until it is compiled, a text holding none
of them is answered at once, no match, without compiling it. Most texts a command reads never need most patterns;
the answer is the same either way. tests/test_pattern_needs.py proves what each pattern says of its matches.

What stands for a pattern has the compiled one's methods and attributes, but it is no `re.Pattern`: `isinstance` says
so, and `re.sub(pattern, …)` and the other functions of `re` refuse it (call its own methods).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

__all__ = ["compile_later"]

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


def compile_later(pattern: AnyStr, flags: int = 0, needs: str = "") -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, compiled when one of its methods is first called; `.pattern` is there at once
    (a pattern built from another's text does not compile it). `needs`: characters of which every match holds at least
    one; before the pattern is compiled, a text (str) holding none of them is no match, told without compiling it."""
    if needs and not isinstance(pattern, str):  # a bytes pattern is given bytes, which hold no characters
        raise TypeError("needs is said of a text pattern only")
    return cast("re.Pattern[AnyStr]", _CompiledLater(pattern, flags, needs))


class _CompiledLater:
    """Stands for a compiled pattern until first used; from then on its methods are the compiled pattern's own, bound,
    found in the instance before the class's. Two threads using it first at once compile it twice, to the same."""

    def __init__(self, pattern: str | bytes, flags: int, needs: str = "") -> None:
        self.pattern = pattern
        self._flags = flags
        self.needs = needs

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
        return (compile_later, (self.pattern, self._flags, self.needs))

    def _without(self, text: Any) -> bool:
        """Whether `text` is a text holding none of the characters every match needs (none said: never)."""
        needs = self.needs
        return bool(needs) and type(text) is str and not any(map(text.__contains__, needs))

    def __repr__(self) -> str:
        return f"compile_later({self.pattern!r})"


def _first_call(name: str) -> Any:
    """The method `name` before the pattern is compiled: on a text that holds none of the characters every match needs,
    what the compiled pattern's gives there (called as most callers call it: the text alone, or a plain replacement
    and the text); else compiles the pattern, then calls the compiled one's."""
    unmatched = _UNMATCHED[name]

    def call(self: _CompiledLater, *args: Any, **kwargs: Any) -> Any:
        if not kwargs and self.needs and len(args) == unmatched[0] and self._without(args[-1]) and (
                len(args) == 1 or (type(args[0]) is str and "\\" not in args[0])):  # a template \\1 is checked when used
            return unmatched[1](args[-1])
        return getattr(self._compiled(), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


def _none() -> None:  # what an iterator of no matches calls (the kind of iterator finditer gives: callable_iterator)
    return None


#: What each method gives where nothing matches: the arguments it is called with (the text last), and its answer
_UNMATCHED: dict[str, tuple[int, Any]] = {
    "match": (1, lambda text: None), "fullmatch": (1, lambda text: None), "search": (1, lambda text: None),
    "findall": (1, lambda text: []), "finditer": (1, lambda text: iter(_none, None)), "split": (1, lambda text: [text]),
    "sub": (2, lambda text: text), "subn": (2, lambda text: (text, 0)),
}


for _name in _METHODS:
    setattr(_CompiledLater, _name, _first_call(_name))
