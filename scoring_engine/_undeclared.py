"""The warnings for facts a document gives that its set does not declare (they are ignored, never scored)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import Problem, did_you_mean

#: Undeclared facts named one by one; past these, how many more.
SHOWN_UNDECLARED = 20


def undeclared_warnings(given: Mapping[str, Any], declared: Mapping[str, Any], source: str | None) -> list[Problem]:
    """The warnings for facts the set does not declare (the first few by name, then how many more).

    A mapping the set knows nothing of is one fact, by its own name: a profile's removed 生态效益
    ({tier, score, reason}) is benefit.ecological, not three made-up names each offered another fact; the did-you-mean of
    such a mapping offers only a declared fact the document does not give (one it gives is no typo of it).
    """
    names = [name for name in given if name not in declared]
    if not names:
        return []
    within = {name[:i] for name in declared for i, c in enumerate(name) if c == "."}  # budget, of budget.paid
    undeclared = list(dict.fromkeys(_outermost(name, declared, within) for name in names))
    missing = [name for name in declared if name not in given]
    # a mapping of made-up names (a removed indicator's {tier, score, reason}) is offered no fact the document gives
    warnings = [Problem(f"fact {name} is not declared by the set and is ignored", file=source, fact=name,
                        hint=did_you_mean(name, declared if name in given else missing))
                for name in undeclared[:SHOWN_UNDECLARED]]
    if len(undeclared) > SHOWN_UNDECLARED:
        warnings.append(Problem(f"{len(undeclared) - SHOWN_UNDECLARED} more facts are not declared by the set and are "
                                "ignored", file=source, hint="check that the facts file is meant for this set"))
    return warnings


def _outermost(name: str, declared: Mapping[str, Any], within: set[str]) -> str:
    """The first part of a dotted name that no declared fact is or lies within: benefit.ecological of
    benefit.ecological.tier, where benefit holds declared facts."""
    parts = name.split(".")
    for i in range(1, len(parts)):
        head = ".".join(parts[:i])
        if head not in within and head not in declared:
            return head
    return name
