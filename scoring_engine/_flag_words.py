"""The words of the 需说明 conditions a project meets, made when its flags are first read.

Whether a condition is met is decided while scoring (a condition that cannot
be decided is a warning then). Its words, the set's message with the values
the condition read (`with_values`, `in_words`), are the result's to build when
read: about half the national projects meet one, and their words cost about a
fifteenth of score(). They are made at once when a value read is a number too
large to be sure to show within the decimal context, so that such a failure
stays an error of scoring, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ._check_failure import in_words, with_values
from ._later import Later
from .errors import ScoringError
from .model import ExplainRule, IndicatorSet
from .result import Flag

__all__ = ["flags_of"]

#: A number of fewer integer digits shows in every way a flag shows it within the decimal context (as rules/_base's).
_SAFE_TO_SHOW = 15


def flags_of(found: Sequence[Flag | ExplainRule], values: Mapping[str, Any],
             indicator_set: IndicatorSet) -> tuple[Flag, ...] | Later[tuple[Flag, ...]]:
    """The flags `found` (a rule stands for its condition, met with `values`), in order: a Later when any are to be
    worded and the values they read show safely."""
    rules = [f for f in found if isinstance(f, ExplainRule)]
    if not rules:
        return tuple(found)  # type: ignore[arg-type]
    if all(_shows_safely(rule, values) for rule in rules):
        return Later(_worded, tuple(found), values, indicator_set)
    return _worded(found, values, indicator_set)


def _worded(found: Sequence[Flag | ExplainRule], values: Mapping[str, Any],
            indicator_set: IndicatorSet) -> tuple[Flag, ...]:
    return tuple(f if type(f) is Flag else _flag(f, values, indicator_set) for f in found)  # type: ignore[arg-type]


def _flag(rule: ExplainRule, values: Mapping[str, Any], indicator_set: IndicatorSet) -> Flag:
    assert rule.formula is not None
    return Flag(with_values(rule.message, rule.formula, values, written=rule.message), rule.formula.text,
                in_words(rule.message, rule.formula, values, indicator_set))


def _shows_safely(rule: ExplainRule, values: Mapping[str, Any]) -> bool:
    """Whether no value the condition reads is a number too large to show surely."""
    assert rule.formula is not None
    for name in rule.formula.names:
        try:
            value = values[name]
        except (KeyError, ScoringError):  # a derived value that failed: not shown (audit.readable)
            continue
        if type(value) is Decimal and not (value.is_finite() and value.adjusted() < _SAFE_TO_SHOW):
            return False
    return True
