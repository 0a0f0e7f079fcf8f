"""The warnings for facts a document gives that its set does not declare (they are ignored, never scored)."""

from __future__ import annotations

import datetime
import itertools
import os
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._numpy_values import numpy_name
from ._own_values import written_form
from ._text import cut
from .errors import Problem, closest, did_you_mean

if TYPE_CHECKING:
    from .model import IndicatorSet

_EMPTY_NAME = '""'  # a fact named by an empty key, as a message shows it

#: Undeclared facts named one by one; past these, how many more.
SHOWN_UNDECLARED = 20


def removed_facts(indicator_set: IndicatorSet) -> dict[str, str]:
    """Fact name → the hint for a fact a profile removes (`facts: {name: null}`), given all the same (QA71 F6: it was
    offered another fact by its spelling, as a typo is)."""
    own = os.path.basename(indicator_set.source) if indicator_set.source else indicator_set.id  # (its id may be its base's)
    return {c.target: f"the profile {c.by or own} removes this fact (line {c.line})"
            for c in indicator_set.changes if c.what == "removed facts"}


def undeclared_warnings(given: Mapping[str, Any], declared: Mapping[str, Any], source: str | None,
                        removed: Mapping[str, str] | None = None) -> list[Problem]:
    """The warnings for facts the set does not declare (the first few by name, then how many more).

    A judgement the set knows nothing of is one fact, by its own name: a profile's removed 生态效益 ({tier, score,
    reason}) is benefit.ecological, not three made-up names each offered another fact; the did-you-mean of such a
    judgement offers only a declared fact the document does not give (one it gives is no typo of it).
    """
    names = [name for name in given if name not in declared]
    if not names:
        return []
    undeclared = judged_as_one(names)
    missing = [name for name in declared if name not in given]
    # a mapping of made-up names (a removed indicator's {tier, score, reason}) is offered no fact the document gives
    warnings = [Problem(f"fact {cut(name) or _EMPTY_NAME} is not declared by the set and is ignored", file=source, fact=name,
                        hint=(removed or {}).get(name) or did_you_mean(name, declared if name in given else missing))
                for name in undeclared[:SHOWN_UNDECLARED]]
    if len(undeclared) > SHOWN_UNDECLARED:
        warnings.append(Problem(f"{len(undeclared) - SHOWN_UNDECLARED} more facts are not declared by the set and are "
                                "ignored", file=source, hint="check that the facts file is meant for this set"))
    return warnings


def unwritable(given: Mapping[str, Any], declared: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(name, type) for each undeclared fact holding a value no facts file can (a Fraction, a set, bytes) from Python:
    ignored in scoring, it is still part of the facts the result's hash and to_json write, which could not write it."""
    for name, value in given.items():
        if name not in declared:
            odd = _odd(value)
            if odd is not None:
                yield name, odd


_WRITTEN = (str, int, float, Decimal, datetime.date, type(None))  # bool is an int


def _odd(value: Any, depth: int = 0) -> str | None:
    """The type of the first value within `value` that a facts file cannot hold, or None (depth bounded by the check)."""
    value = written_form(value)  # a Judgement or a Finding of a Result is written as a file writes it
    if isinstance(value, _WRITTEN):
        return None
    if isinstance(value, Mapping):
        return next((odd for item in value.values() if (odd := _odd(item, depth + 1)) is not None), None) if depth < 64 else None
    if isinstance(value, (list, tuple)):
        return next((odd for item in value if (odd := _odd(item, depth + 1)) is not None), None) if depth < 64 else None
    return numpy_name(value) or type(value).__name__  # a pandas column's np.int64 is said to be one


def judged_as_one(names: list[str]) -> list[str]:
    """`names` (of facts), the parts of one judgement among them (two or three: score and reason, a tier) as one fact."""
    heads = Counter(_judged(name) for name in names)
    return list(dict.fromkeys(head if heads[head] > 1 else name for name in names for head in (_judged(name),)))


def _judged(name: str) -> str:
    """The fact a judgement's part belongs to: benefit.ecological of benefit.ecological.tier (its score and reason too)."""
    head, _, last = name.rpartition(".")
    return head if head and last in _JUDGEMENT_PARTS else name


_JUDGEMENT_PARTS = frozenset({"tier", "score", "reason"})  # a judgement's keys (judgements.py), read as one fact


#: Undeclared names a missing fact is compared with, at most: a slip is one name among a few, not one in a million.
_MOST_COMPARED = 1_000


def given_instead(name: str, given: Mapping[str, Any], declared: Mapping[str, Any]) -> str | None:
    """The hint for required fact `name` left out when the facts give an undeclared name close to it: a slip
    (budget.piad for budget.paid) is named where it was written, not looked for as a missing value.

    >>> given_instead("budget.paid", {"budget.piad": 186.4, "budget.total": 200}, {"budget.paid": ..., "budget.total": ...})
    'budget.piad is given: did you mean budget.paid?'
    """
    # a judgement's parts as one fact: decision.allocation_judgement.reason is no slip of decision.allocation.basis
    undeclared = judged_as_one(list(itertools.islice((n for n in given if n not in declared), _MOST_COMPARED)))
    close = closest(name, undeclared)  # within the bounds of every did-you-mean (errors.MAX_SUGGESTION_*)
    return f"{close} is given: did you mean {name}?" if close is not None else None
