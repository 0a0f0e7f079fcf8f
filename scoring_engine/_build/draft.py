"""What the checks of one set share while it is built."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from typing import Any

from .._arith import Rounding
from .._record import record
from ..model import ROW_NAMES
from .problems import ProblemLog

__all__ = ["Draft"]


@record(frozen=False)
class Draft:
    """The set as written (schema-checked), its problem log, and what the sections built so far tell the later ones."""

    data: Mapping[str, Any]
    log: ProblemLog
    total: Decimal
    precision: int
    # Names a formula may read, with their type: facts by declared type, derived values as "derived".
    scope: dict[str, str] = field(default_factory=dict)
    # Facts declared with a problem of their own (said there): their type is not known, so a reader is not told it
    # reads the wrong type (QA92 F9: a text fact with a broken values list was 'a number fact' to declare again).
    broken: set[str] = field(default_factory=set)
    # The derived values whose formula tells their kind (ratio(...) is a number), as declared types: what a condition
    # or a rule's formula reading one alone gives is then known when the set loads (QA135 F1).
    derived_types: dict[str, str] = field(default_factory=dict)
    rounding: Rounding | None = None  # the set's rounding: section, once read (sections.rounding)
    _rule_scopes: dict[bool, dict[str, str]] = field(default_factory=dict)

    def rule_scope(self, rows: bool) -> Mapping[str, str]:
        """What a rule's formulas may read: the scope and the indicator's weight, and a row's fields in a row group's rule.

        Made once, when the first rule is checked (the scope is complete by then).
        """
        if rows not in self._rule_scopes:
            self._rule_scopes[rows] = {**self.scope, "weight": "weight", **(ROW_NAMES if rows else {})}
        return self._rule_scopes[rows]

    def kinds(self, scope: Mapping[str, str]) -> Mapping[str, str]:
        """The types a formula's kind is judged by: `scope`'s, a derived value's its formula tells, and none for a fact
        whose declaration is broken (its stand-in "number" would say a true/false fact gives a number: QA136 F1)."""
        return _Kinds(scope, self.derived_types, self.broken)

    def label(self, name: str) -> str | None:
        """The label of a declared fact or derived value, for reasons; None when it has none."""
        for section in ("facts", "derived"):
            declared = self.data.get(section)
            entry = declared.get(name) if isinstance(declared, Mapping) else None
            label = entry.get("label") if isinstance(entry, Mapping) else None
            if isinstance(label, str):
                return label
        return None

    def declared_facts(self) -> Mapping[str, Any]:
        """The facts: section as written, or empty when it is not a mapping (the schema check has said so)."""
        facts = self.data.get("facts", {})
        return facts if isinstance(facts, Mapping) else {}


class _Kinds(Mapping[str, str]):
    """`Draft.kinds`, looked up name by name: a set of a thousand facts is not copied for each formula."""

    def __init__(self, scope: Mapping[str, str], derived: Mapping[str, str], broken: set[str]) -> None:
        self.scope, self.derived, self.broken = scope, derived, broken

    def __getitem__(self, name: str) -> str:
        if name in self.broken:
            return "derived"  # known only when computed: said of its declaration, not again of its readers
        return self.derived.get(name) or self.scope[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.scope)

    def __len__(self) -> int:
        return len(self.scope)
