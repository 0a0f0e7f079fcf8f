"""An indicator given by its name where its id goes: `Result.indicator`, `IndicatorSet.indicator` and explain's `-i` take
the name only one indicator has, and say which ids share a name that several have (QA153 F5: the set's did not)."""

from __future__ import annotations

from collections.abc import Mapping

from .errors import Problem, UnknownIndicatorError, did_you_mean

__all__ = ["close_to", "named"]


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


def close_to(wanted: str, names: Mapping[str, str], cutoff: float = 0.5) -> str | None:
    """The did-you-mean for `wanted`, no indicator's id nor name: the closest id or name among `names` (id → name), shown
    as its ids and then its name; None when none is close. `Result.indicator` and `IndicatorSet.indicator` alike
    (QA330 F10: the set's had none for a name).

    >>> close_to("预算执行", {"process.execution": "预算执行率", "output": "产出"})
    'did you mean process.execution (预算执行率)?'
    >>> close_to("PROCESS.EXECUTION", {"process.execution": "预算执行率"})
    'did you mean process.execution (预算执行率)?'
    """
    ids: dict[str, list[str]] = {}
    for i, name in names.items():
        ids.setdefault(name, []).append(i)

    def by_id(close: str) -> str:  # a close name is shown as the ids of its indicators (each one: QA209 4), then the name
        found = ids.get(close, [close]) if close not in names else [close]
        return f"{', '.join(found[:12])}{'…' if len(found) > 12 else ''} ({names[found[0]]})"

    folded = wanted.strip().casefold()  # PROCESS.FUNDS, ' process.funds': the same id, not a near one (QA337 7)
    same = next((i for i in names if i.casefold() == folded), None) or \
        next((i for i, name in names.items() if name.casefold() == folded), None)
    if same is not None and wanted.strip() in (same, names[same]):
        return f"write it without the spaces at either end: {wanted.strip()}"
    if same is not None:
        return f"did you mean {by_id(same)}?"
    return did_you_mean(wanted, [*names, *ids], cutoff=cutoff, show=by_id)
