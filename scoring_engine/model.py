"""The indicator set as frozen data: what the loader builds and the engine reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import Any, Generic, TypeVar

from .formulas import Formula

__all__ = [
    "FACT_TYPES",
    "FactSpec",
    "Derived",
    "Check",
    "Grade",
    "Rule",
    "RowGroup",
    "Indicator",
    "IndicatorSet",
]

#: The types a fact can be declared with.
FACT_TYPES = ("number", "integer", "boolean", "string", "date", "list", "judgement", "tier")


@dataclass(frozen=True)
class FactSpec:
    """A fact the set reads: its type, bounds, unit and label."""

    name: str
    type: str
    label: str | None = None
    unit: str | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    required: bool = True
    default: Any = None
    values: tuple[str, ...] | None = None  # allowed values of a string fact
    items: str = "finding"  # list facts: "finding" (text, optional points) or "number"

    @property
    def title(self) -> str:
        """The label with the name, for messages: '预算资金 (budget.total)'."""
        return f"{self.label} ({self.name})" if self.label else self.name


@dataclass(frozen=True)
class Derived:
    """A named value computed once from the facts and shown in every breakdown."""

    name: str
    formula: Formula
    label: str | None = None


@dataclass(frozen=True)
class Check:
    """A cross-check on the facts; a failure is a warning, or an error if severity says so."""

    formula: Formula
    message: str
    severity: str = "warning"


@dataclass(frozen=True)
class Grade:
    """A grade and its inclusive lower bound (and exclusive upper bound, except at the top)."""

    label: str
    min: Decimal


P = TypeVar("P")


@dataclass(frozen=True)
class Rule(Generic[P]):
    """How a leaf indicator is scored: its kind, its parameters as that kind checked them, and the rule as written."""

    kind: str
    params: P  # an instance of the kind's parameter class (rules.RULE_KINDS[kind].params)
    spec: Mapping[str, Any] = field(compare=False)
    reads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RowGroup:
    """Children taken from a list fact of target rows (the project's own 绩效目标表).

    Each row names its type; the rule for that type scores it, reading the
    row's fields as ``row.target``, ``row.actual``, ``row.weight`` (and the row
    itself as a tier or judgement with ``fact: row``).
    """

    fact: str
    rules: Mapping[str, Rule[Any]]
    standards: Mapping[str, str] = field(default_factory=dict)


#: Names a row rule may read, with their types.
ROW_NAMES = {"row.target": "number", "row.actual": "number", "row.weight": "number"}


@dataclass(frozen=True)
class Indicator:
    """A node of the indicator tree; leaves carry a rule, parents carry children."""

    id: str
    name: str
    weight: Decimal
    standard: str | None = None
    rule: Rule[Any] | None = None
    children: tuple[Indicator, ...] = ()
    rows: RowGroup | None = None
    line: int | None = field(default=None, compare=False)

    @property
    def is_leaf(self) -> bool:
        """No children written in the set (a row group is a leaf until the facts give its rows)."""
        return not self.children

    def walk(self) -> Iterator[Indicator]:
        """This indicator and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class IndicatorSet:
    """A validated indicator set, ready to score facts."""

    id: str
    name: str
    version: str
    precision: int
    total: Decimal
    facts: Mapping[str, FactSpec]
    derived: tuple[Derived, ...]  # in dependency order
    checks: tuple[Check, ...]
    grades: tuple[Grade, ...]  # highest first
    indicators: tuple[Indicator, ...]
    not_applicable: str = "full_credit"  # or "rescale"
    reasons: Mapping[str, str] = field(default_factory=dict)
    sha256: str = ""
    source: str | None = field(default=None, compare=False)

    def walk(self) -> Iterator[Indicator]:
        """Every indicator, depth first in the order of the file."""
        for top in self.indicators:
            yield from top.walk()

    def indicator(self, indicator_id: str) -> Indicator:
        for node in self.walk():
            if node.id == indicator_id:
                return node
        raise KeyError(indicator_id)

    def grade_for(self, total: Decimal) -> str:
        """The label of the grade whose range holds `total`."""
        for grade in self.grades:
            if total >= grade.min:
                return grade.label
        return self.grades[-1].label

    def readers(self) -> Mapping[str, list[str]]:
        """Fact name → ids of the indicators that read it (directly or through derived values)."""
        return self._readers

    @cached_property
    def _readers(self) -> dict[str, list[str]]:
        # Computed once per set (the set is immutable), on first use. What each derived value reads, directly or
        # through others, is a bit per fact: a chain of thousands of derived values costs kilobytes, not a set each.
        bit = {name: 1 << i for i, name in enumerate(self.facts)}
        reach: dict[str, int] = {}
        for d in self.derived:  # dependency order: what a derived value reads is known before it is read
            reach[d.name] = _facts_read(d.formula.names, bit, reach)
        facts = list(self.facts)
        found: dict[str, list[str]] = {}
        for node in self.walk():
            if node.rows is not None:
                names = {node.rows.fact}.union(*(r.reads for r in node.rows.rules.values()))
            elif node.rule is not None:
                names = set(node.rule.reads)
            else:
                continue
            mask = _facts_read(names, bit, reach)
            for name in sorted(facts[i] for i in range(mask.bit_length()) if mask >> i & 1):
                found.setdefault(name, []).append(node.id)
        return found


def _facts_read(names: Iterable[str], bit: Mapping[str, int], reach: Mapping[str, int]) -> int:
    """The facts `names` read, directly or through derived values, one bit per fact."""
    mask = 0
    for name in names:
        mask |= bit.get(name, 0) | reach.get(name, 0)
    return mask
