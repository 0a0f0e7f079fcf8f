"""Checking one rule as written: its kind's parameter class does the checks through a RuleSpec."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._arith import Rounding
from .._formula_kinds import condition_problem, kind_problem
from .._frozen import frozen_data
from ..errors import did_you_mean
from ..formulas import Formula
from ..model import Rule
from ..rules import RULE_KINDS
from .draft import Draft
from .problems import Path

__all__ = ["check_rule", "RuleBuilder"]


def check_rule(draft: Draft, spec: Any, path: Path, weight: Decimal | None, indicator: str | None,
               rows: bool | None = None) -> Rule[Any] | None:
    """The rule written at `path`, or None (problems recorded).

    `weight` is None when unknown (a row group's rule, or a broken weight).
    """
    rows = path[-3:-2] == ("children_from",) if rows is None else rows
    if not isinstance(spec, Mapping):
        return None
    if not draft.log.ok(path):
        _formulas_beside(draft, spec, path, weight, indicator, rows)
        return None
    kind = RULE_KINDS[spec["kind"]]
    builder = RuleBuilder(draft, spec, path, weight, indicator, rows)
    params = kind.params.build(spec, builder)
    if params is None or builder.failed:
        return None
    # the rule as written, read-only as results hand it out: a caller's change would not reach the params checked from it
    return Rule(kind=spec["kind"], params=params, spec=frozen_data(spec), reads=params.reads)


#: What a kind's build may raise on a rule without the fields the schema refused (a required one read as spec["bands"]).
_WITHOUT_A_FIELD = (KeyError, IndexError, TypeError, ValueError, ArithmeticError, AttributeError)


def _formulas_beside(draft: Draft, spec: Mapping[str, Any], path: Path, weight: Decimal | None, indicator: str | None,
                     rows: bool) -> None:
    """The formulas and facts of a rule the schema refused fields of, checked all the same, so that a rule's problems
    are said in one run: a per written 1% hid the 10% of its target until the next (QA164 F10). The kind's build
    reads the fields the schema took; it records the problems of their formulas and facts, and none of its own (a
    field it misses was refused, and is said so)."""
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in RULE_KINDS or not draft.log.ok(path + ("kind",)):
        return
    if not all(isinstance(key, str) and key.isidentifier() for key in spec):  # '10)': a formula cut at a comma in { … },
        return  # said with the key its tail made; the formula cut short is no problem of its own
    nests = RULE_KINDS[kind].nests  # a rule refused inside one of them is checked as its own (QA166 F2)
    taken = {key: value for key, value in spec.items() if draft.log.ok(path + (key,))
             or (key in nests and path + (key,) not in draft.log.broken)}
    with contextlib.suppress(*_WITHOUT_A_FIELD):
        RULE_KINDS[kind].params.build(taken, _FieldsTaken(draft, taken, path, weight, indicator, rows))


class RuleBuilder:
    """What a rule's parameter class sees while it is checked (the rules.RuleSpec protocol)."""

    def __init__(self, draft: Draft, spec: Mapping[str, Any], path: Path, weight: Decimal | None, indicator: str | None,
                 rows: bool = False) -> None:
        self.draft, self.spec, self.path, self.weight, self.indicator, self.rows = draft, spec, path, weight, indicator, rows
        self.rounding = draft.rounding or Rounding(draft.precision)
        self.scope = draft.rule_scope(rows)  # a row group's rule also reads the row
        self.failed = False

    def _at(self, path: Path) -> Any:
        node: Any = self.spec
        for part in path:
            node = node[part]
        return node

    def problem(self, message: str, *path: str | int, hint: str | None = None, fact: str | None = None) -> None:
        """Record a problem at `path` inside the rule (about `fact`, where it names one)."""
        self.failed = True
        self.draft.log.add(self.path + path, message, hint, indicator=self.indicator, fact=fact)

    def label(self, name: str) -> str | None:
        """The label the set gives fact or derived value `name`, for reasons (None when it has none)."""
        return self.draft.label(name)

    def formula(self, *path: str | int, required: bool = True, gives: str | None = None) -> Formula | None:
        """Compile the formula at `path` inside the rule; None if absent or broken (problem recorded), or when it is
        known to give what it must not: `gives` "condition" (anything but true or false) or one of
        _formula_kinds.GIVES ("number": not text, a date or a list): it would fail for every project (QA136 F4, F6)."""
        try:
            source = self._at(path)
        except (KeyError, IndexError):
            if required:
                self.problem(f"missing key {path[-1]!r}", *path[:-1])
            return None
        before = len(self.draft.log.problems)
        formula = self.draft.log.compile(source, self.path + path, self.scope, self.indicator)
        self.failed |= len(self.draft.log.problems) > before
        if formula is None or gives is None:
            return formula
        kinds = self.draft.kinds(self.scope)
        wrong = condition_problem(formula.tree, kinds, formula.text) if gives == "condition" else \
            kind_problem(formula.tree, kinds, formula.text, gives)
        if wrong is not None:
            self.failed = True
            self.draft.log.add(self.path + path, wrong.message, wrong.hint, indicator=self.indicator,
                               expression=wrong.expression, fact=wrong.fact)
            return None
        return formula

    def rule(self, *path: str | int) -> Rule[Any] | None:
        """Check the rule nested at `path` (for kinds built from other rules); None if broken (problem recorded)."""
        return check_rule(self.draft, self._at(path), self.path + path, self.weight, self.indicator, rows=self.rows)

    def fact(self, *path: str | int, types: tuple[str, ...]) -> str | None:
        """The declared fact named at `path`, if it has one of `types`; None otherwise (problem recorded)."""
        name: str = self._at(path)
        if name == "row" and self.rows:
            return name  # the row itself: its tier or score with the reason
        declared = self.draft.declared_facts()
        if name not in declared:
            hint = did_you_mean(name, declared) or f"declare it under facts: with type: {types[0]}"
            self.problem(f"unknown fact {name}", *path, hint=hint, fact=name)  # a profile that removed it is told so
            return None
        kind = self.draft.scope.get(name)
        if kind not in types and name not in self.draft.broken:  # the set's facts that would do, or how to declare one
            fitting = sorted(n for n in declared if self.draft.scope.get(n) in types)
            hint = (f"facts of the set that would do: {', '.join(fitting[:5])}" if fitting else
                    f"declare a fact with type: {types[0]} under facts:")
            self.problem(f"fact {name} is a {kind} fact; this needs a {' or '.join(types)} fact", *path, hint=hint)
            return None
        return name


class _FieldsTaken(RuleBuilder):
    """The builder of a rule without the fields the schema refused: only a formula's or a fact's problems are said."""

    said = False  # while a fact is looked up

    def problem(self, message: str, *path: str | int, hint: str | None = None, fact: str | None = None) -> None:
        if self.said:
            super().problem(message, *path, hint=hint, fact=fact)
        self.failed = True

    def fact(self, *path: str | int, types: tuple[str, ...]) -> str | None:
        self.said = True
        try:
            return super().fact(*path, types=types)
        finally:
            self.said = False
