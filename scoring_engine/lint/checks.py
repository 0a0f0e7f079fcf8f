"""Checks (``checks:``) that can never fail, or that fail for every project.

A check fails when it gives anything but true, or cannot be computed (a
division by zero). It can never fail when, for every project whose facts keep
their declared bounds, it gives true and no operation in it can fail: it
compares an expression with itself (``budget.paid <= budget.paid``), the
bounds already guarantee it (``budget.paid >= 0`` of a fact declared with
``min: 0``), or it reads no facts at all (``1 == 1``). It fails for every
project when it can never give true. The reasoning is `ranges`: a check that
might fail is never reported.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from decimal import Decimal

from .._arith import plain
from ..model import Check, IndicatorSet
from .found import LintWarning, Locator
from .ranges import Ranges
from .values import NUMERIC, shown_range
import itertools

__all__ = ["ALWAYS_FAILS", "NEVER_FAILS_BOUNDS", "NEVER_FAILS_CONSTANT", "NEVER_FAILS_ITSELF", "checks"]

NEVER_FAILS_ITSELF = "check {number} can never fail: it compares {side} with itself"
NEVER_FAILS_BOUNDS = "check {number} can never fail: the declared bounds already guarantee it ({bounds})"
NEVER_FAILS_CONSTANT = "check {number} can never fail: it reads no facts and is always true"
NEVER_FAILS_HINT = "correct the condition, or remove the check: it warns about nothing"
ALWAYS_FAILS = "check {number} fails for every project: it can never be true"
ALWAYS_FAILS_HINT = "correct the condition: as written every project gets its message ({message})"


def checks(indicator_set: IndicatorSet, ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each check that can never fail, and each that always fails."""
    for i, check in enumerate(indicator_set.checks):
        value = ranges.of(check.formula.tree)
        if value.kind != "bool" or value.truth is None:
            continue
        path = ("checks", i, "expr")
        fields = {"number": i + 1}
        if value.truth is False:
            yield locator.warning("check-always-fails", path, ALWAYS_FAILS, {**fields, "message": check.message},
                                  ALWAYS_FAILS_HINT, expression=check.formula.text)
        elif value.safe:
            message, more = _why(check, ranges)
            yield locator.warning("check-never-fails", path, message, {**fields, **more}, NEVER_FAILS_HINT,
                                  expression=check.formula.text)


def _why(check: Check, ranges: Ranges) -> tuple[str, dict[str, str]]:
    """Which of the three reasons makes the check always true, with its fields."""
    if not check.formula.names:
        return NEVER_FAILS_CONSTANT, {}
    for node in ast.walk(check.formula.tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            for left, right in itertools.pairwise(sides):
                if ast.dump(left) == ast.dump(right):
                    return NEVER_FAILS_ITSELF, {"side": _source(left)}
    bounds = []
    for name in sorted(check.formula.names):
        value = ranges.name(name)
        if value.kind in NUMERIC and (value.low.is_finite() or value.high.is_finite()):
            bounds.append(f"{name} ∈ {shown_range(value, plain)}")  # a sign, not the English "in" (QA67 F7)
    return NEVER_FAILS_BOUNDS, {"bounds": "; ".join(bounds)}


class _Shown:
    """A number constant shown as the set writes it (0.9, not Decimal('0.9'))."""

    def __init__(self, value: Decimal) -> None:
        self.value = value

    def __repr__(self) -> str:
        return plain(self.value)


def _source(node: ast.expr) -> str:
    """An expression of a compiled formula written back as text (on a copy: the compiled tree is shared)."""
    return ast.unparse(_Constants().visit(copy.deepcopy(node)))


class _Constants(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant(_Shown(node.value)) if isinstance(node.value, Decimal) else node
