"""An indicator given by its name where its id goes: `Result.indicator`, `IndicatorSet.indicator` and explain's `-i` take
the name only one indicator has, and say which ids share a name that several have (QA153 F5: the set's did not)."""

from __future__ import annotations

from collections.abc import Mapping

from .errors import Problem, UnknownIndicatorError

__all__ = ["named"]


def named(wanted: str, names: Mapping[str, str], option: str = "") -> str | None:
    """The id of the one indicator named `wanted` among `names` (id → name, depth first); None when none is;
    UnknownIndicatorError naming the ids when several are. `option` is how an id is given (the command line's -i).

    >>> named("预算执行率", {"a": "预算执行率", "b": "产出"}), named("x", {"a": "预算执行率"})
    ('a', None)
    """
    found = [i for i, name in names.items() if name == wanted]
    if len(found) > 1:
        shown = ", ".join(found[:12]) + ("…" if len(found) > 12 else "")
        message = f"{len(found)} indicators are named {wanted}, so the name is ambiguous: {shown}"
        raise UnknownIndicatorError(Problem(message, indicator=wanted, hint=f"give the id, e.g. {option}{found[0]}"))
    return found[0] if found else None
