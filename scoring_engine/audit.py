"""The audit trail of a score, piece by piece: each indicator's result, the facts and derived values as read, the set.

`result.Result` gathers these pieces; `explain` reads them. Both import this
module, and it imports neither, so explain needs nothing of result.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .rules import Deduction

if TYPE_CHECKING:
    from .model import IndicatorSet

__all__ = ["DerivedValue", "FactValue", "IndicatorResult", "SetInfo", "fact_values"]


@dataclass(frozen=True)
class DerivedValue:
    """A derived value as computed for this project (or why it could not be)."""

    name: str
    expression: str
    value: Any  # as scored: the report's own value when the facts give one (see `used`)
    label: str | None = None
    error: str | None = None
    used: str | None = None  # the fact holding the value the report used, when the facts gave it
    stated: Any = None  # then: the value the stated formula gives


@dataclass(frozen=True)
class FactValue:
    """A fact of the project as the engine read it, with the label and unit its set declares."""

    name: str
    type: str
    value: Any
    label: str | None = None
    unit: str | None = None


def fact_values(indicator_set: IndicatorSet, values: Mapping[str, Any]) -> tuple[FactValue, ...]:
    """The set's declared facts that have a value, in the order the set declares them."""
    return tuple(FactValue(name, spec.type, values[name], spec.label, spec.unit)
                 for name, spec in indicator_set.facts.items() if name in values)


@dataclass(frozen=True)
class SetInfo:
    """Which indicator set scored the facts."""

    id: str
    name: str
    version: str
    sha256: str


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's score and everything that led to it."""

    id: str
    name: str
    level: int
    weight: Decimal  # the weight used (after rescaling for not-applicable indicators)
    score: Decimal  # rounded to the set's precision
    reason: str
    standard: str | None = None
    kind: str | None = None  # rule kind; None for a parent
    rule: Mapping[str, Any] | None = None  # the rule as written in the set
    inputs: Mapping[str, Any] = field(default_factory=dict)  # fact or derived name → value read
    details: Mapping[str, Any] = field(default_factory=dict)  # the values in between
    deductions: tuple[Deduction, ...] = ()
    raw_score: Decimal | None = None  # before clamping and rounding
    clamped: bool = False
    not_applicable: str | None = None  # the reason, when the facts mark it not applicable
    declared_weight: Decimal | None = None
    children: tuple[IndicatorResult, ...] = ()

    def walk(self) -> Iterator[IndicatorResult]:
        yield self
        for child in self.children:
            yield from child.walk()

    def paths(self, above: tuple[IndicatorResult, ...] = ()) -> Iterator[tuple[IndicatorResult, ...]]:
        """This indicator and each below it, depth first, each with its ancestors: (top,), (top, child)…"""
        path = (*above, self)
        yield path
        for child in self.children:
            yield from child.paths(path)
