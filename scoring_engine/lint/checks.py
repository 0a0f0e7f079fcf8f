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

__all__ = ["ALWAYS_FAILS", "NEVER_FAILS_BOUNDS", "NEVER_FAILS_CONSTANT", "NEVER_FAILS_ITSELF", "NEVER_FAILS_PLAIN",
           "NEVER_FAILS_VALUES", "checks"]

NEVER_FAILS_ITSELF = "check {number} can never fail: it compares {side} with itself"
NEVER_FAILS_BOUNDS = "check {number} can never fail: the declared bounds already guarantee it ({bounds})"
NEVER_FAILS_VALUES = "check {number} can never fail: what it compares can only take values that make it true ({bounds})"
NEVER_FAILS_PLAIN = "check {number} can never fail: it is true for every project"
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
    """What makes the check always true, with its fields: only the parts that decide it, not every name it reads."""
    if not check.formula.names:
        return NEVER_FAILS_CONSTANT, {}
    deciding = [node for node in _deciding(check.formula.tree, True, ranges) if isinstance(node, ast.Compare)]
    for node in deciding:
        for left, right in itertools.pairwise([node.left, *node.comparators]):
            if ast.dump(left) == ast.dump(right):
                return NEVER_FAILS_ITSELF, {"side": _source(left)}
    bounds: dict[str, bool] = {}  # what each compared side can be: whether it is a declared name
    for node in deciding:
        for side in (node.left, *node.comparators):
            value = ranges.of(side)
            if not _reads(side) or value.kind not in NUMERIC or not (value.low.is_finite() or value.high.is_finite()):
                continue
            # a sign, not the English "in" (QA67 F7)
            bounds.setdefault(f"{_source(side)} ∈ {shown_range(value, plain)}", isinstance(side, ast.Name))
    if not bounds:  # nothing to show: better no reason than an empty or unrelated one (QA139 F5)
        return NEVER_FAILS_PLAIN, {}
    # a side that is not a name (count(…) is never negative) is not guaranteed by declared bounds alone (QA139 F5)
    return NEVER_FAILS_BOUNDS if all(bounds.values()) else NEVER_FAILS_VALUES, {"bounds": "; ".join(bounds)}


def _deciding(node: ast.expr, truth: bool, ranges: Ranges) -> list[ast.expr]:
    """The parts of a condition that make it `truth` for every project, as `Ranges` decides and / or / not."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _deciding(node.operand, not truth, ranges)
    if isinstance(node, ast.BoolOp):
        stops = isinstance(node.op, ast.Or)  # the truth of an operand that decides the whole
        if truth is stops:  # the first operand that is always `truth` decides it
            first = next((v for v in node.values if ranges.of(v).truth is truth), None)
            return [] if first is None else _deciding(first, truth, ranges)
        return [part for v in node.values for part in _deciding(v, truth, ranges)]  # every operand does
    return [node]


def _reads(node: ast.expr) -> bool:
    """Whether an expression reads a fact or derived value (a function's name is not one)."""
    called = {id(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return any(isinstance(n, ast.Name) and id(n) not in called for n in ast.walk(node))


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
