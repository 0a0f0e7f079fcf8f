"""What a run's formulas and rules read: the values by name (once a derived value failed, reading it raises its error),
a leaf's own names over the project's, and the view a rule's scoring function reads (rules.FactView)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ._formula_functions import describe_value
from .errors import ADD_THE_FACT, ScoringError
from .formulas import Formula

__all__ = ["FailedValues", "LocalValues", "RuleView"]


class FailedValues(Mapping[str, Any]):
    """Fact and derived values by name, once a derived value failed: reading it raises its error."""

    def __init__(self, values: dict[str, Any], failed: dict[str, ScoringError]):
        self._values = values
        self._failed = failed

    def __getitem__(self, name: str) -> Any:
        if name in self._failed:
            raise self._failed[name]
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class LocalValues(Mapping[str, Any]):
    """The project's values seen from one leaf: its own names (the weight, a row's fields) over the project's."""

    def __init__(self, own: dict[str, Any], project: Mapping[str, Any]):
        self._own = own
        self._project = project

    def __getitem__(self, name: str) -> Any:
        own = self._own
        return own[name] if name in own else self._project[name]

    def __contains__(self, name: object) -> bool:
        return name in self._own or name in self._project

    def __iter__(self) -> Iterator[str]:
        return iter({**self._project, **self._own})

    def __len__(self) -> int:
        return len(set(self._project) | set(self._own))


class RuleView:
    """What a rule's scoring function reads (the rules.FactView protocol)."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]):
        self._values = values

    def value(self, formula: Formula) -> Any:
        name = formula.bare
        if name is not None:  # most formulas a rule reads are one name: read it straight
            try:
                return self._values[name]
            except KeyError:
                pass  # evaluate words it
        return formula.evaluate(self._values)

    def number(self, formula: Formula, what: str) -> Decimal:
        name = formula.bare
        if name is not None:  # one name, read straight as `value` reads it
            try:
                value = self._values[name]
            except KeyError:
                value = formula.evaluate(self._values)  # which words it
        else:
            value = formula.evaluate(self._values)
        if not isinstance(value, Decimal):
            raise ScoringError(f"{what} must be a number, got {describe_value(value)}", expression=formula.text)
        return value

    def fact(self, name: str) -> Any:
        if name not in self._values:
            raise ScoringError(f"fact {name} is missing", fact=name, hint=ADD_THE_FACT)
        return self._values[name]
