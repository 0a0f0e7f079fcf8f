"""What a formula can give for every project whose facts keep their declared bounds: a range, a truth, and whether it can fail.

Lint reasons over a compiled formula's tree without any facts: a number fact
lies within its declared ``min`` and ``max``, a derived value within what its
own formula gives, and each operation and function maps ranges to a range
(interval arithmetic, with ±∞ for an open side). A comparison whose ranges
decide it, or that compares an expression with itself, is always true or
always false. Every answer is conservative: the range holds every value the
formula can take (it may be wider), a truth is given only when it holds for
every project, and `safe` only when no operation can fail (a division by a
value that may be 0, the mean of a list that may be empty…). Facts missing
from a project are not counted as failures: a missing fact is reported as such
before any formula runs.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from ..model import FactSpec, IndicatorSet
from .calls import call
from .values import INFINITY, NUMERIC, UNKNOWN, Value, boolean, corners, divided, join, number, times

__all__ = ["Ranges"]


class Ranges:
    """Works out the Value of formulas over one set's declared facts and derived values (each derived value once)."""

    def __init__(self, indicator_set: IndicatorSet, names: Mapping[str, Value] | None = None) -> None:
        self.facts = indicator_set.facts
        self.names: dict[str, Value] = dict(names or {})
        for d in indicator_set.derived:  # in dependency order: each reads only names worked out before it
            value = self.of(d.formula.tree)
            if d.used is not None:  # the report's own value may stand in for it
                value = join([value, self.name(d.used.fact)])
            self.names.setdefault(d.name, value)

    def weighing(self, weight: Decimal | None) -> Ranges:
        """These ranges with the name `weight` a rule's formulas read: the indicator's weight (None: a row's, unknown)."""
        weighed = copy.copy(self)
        weighed.names = {**self.names, "weight": number(weight, weight) if weight is not None else number(Decimal(0), INFINITY)}
        return weighed

    def of(self, tree: ast.expr) -> Value:
        """The Value of a compiled formula's tree."""
        return self._value(tree)

    def name(self, name: str) -> Value:
        """The Value of fact or derived value `name` (a name the set does not declare, such as row.actual, is unknown)."""
        if name not in self.names:
            spec = self.facts.get(name)
            self.names[name] = UNKNOWN if spec is None else _fact(spec)
        return self.names[name]

    def _value(self, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant):
            return _constant(node.value)
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.BoolOp):
            return self._boolean(node)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.IfExp):
            test = self._value(node.test)
            if test.truth is not None and test.safe:
                return self._value(node.body if test.truth else node.orelse)
            joined = join([self._value(node.body), self._value(node.orelse)])
            return replace(joined, safe=joined.safe and test.safe)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return call(node.func.id, [self._value(a) for a in node.args])
        return UNKNOWN

    def _unary(self, node: ast.UnaryOp) -> Value:
        operand = self._value(node.operand)
        if isinstance(node.op, ast.Not):
            truth = None if operand.truth is None else not operand.truth
            return boolean(truth, operand.safe)
        numeric = operand.kind in NUMERIC
        if isinstance(node.op, ast.USub):
            return number(-operand.high, -operand.low, operand.integral, operand.safe and numeric)
        return number(operand.low, operand.high, operand.integral, operand.safe and numeric)

    def _binary(self, node: ast.BinOp) -> Value:
        a, b = self._value(node.left), self._value(node.right)
        safe = a.safe and b.safe and a.kind in NUMERIC and b.kind in NUMERIC
        integral = a.integral and b.integral
        if isinstance(node.op, ast.Add):
            return number(*corners(lambda x, y: x + y, a, b), integral, safe)
        if isinstance(node.op, ast.Sub):
            return number(*corners(lambda x, y: x - y, a, b), integral, safe)
        if isinstance(node.op, ast.Mult):
            return number(*corners(times, a, b), integral, safe)
        if isinstance(node.op, ast.Div):
            return number(*divided(a, b), False, safe and (b.low > 0 or b.high < 0))
        return UNKNOWN

    def _boolean(self, node: ast.BoolOp) -> Value:
        """and / or, evaluated left to right and stopping at the first operand that decides."""
        decides = isinstance(node.op, ast.Or)  # the truth that stops the evaluation
        safe, truths = True, []
        for operand in node.values:
            value = self._value(operand)
            if value.kind != "bool":
                return UNKNOWN  # and/or give an operand as it is: a check must give a bool
            if value.truth is decides:
                return boolean(decides, safe and value.safe)
            safe = safe and value.safe
            truths.append(value.truth)
        return boolean(not decides if all(t is (not decides) for t in truths) else None, safe)

    def _compare(self, node: ast.Compare) -> Value:
        """A chain of comparisons: true when every link is, false when one is."""
        left_node, left = node.left, self._value(node.left)
        truths, safe = [], True
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self._value(right_node)
            truth, ok = _link(op, left, right, ast.dump(left_node) == ast.dump(right_node))
            truths.append(truth)
            safe = safe and ok
            left_node, left = right_node, right
        truth = False if False in truths else True if all(t is True for t in truths) else None
        return boolean(truth, safe)


def _fact(spec: FactSpec) -> Value:
    """A declared fact: a number within its min and max, a bool, a text, a date or a list (of numbers within the bounds)."""
    low = spec.min if spec.min is not None else -INFINITY
    high = spec.max if spec.max is not None else INFINITY
    if spec.type in ("number", "integer"):
        return number(low, high, spec.type == "integer")
    if spec.type == "boolean":
        return boolean(None, True)
    if spec.type in ("string", "date"):
        return Value(spec.type, safe=True)
    if spec.type == "list":
        numbers = spec.items == "number"
        return Value("list", low if numbers else -INFINITY, high if numbers else INFINITY, safe=True)
    return UNKNOWN


def _constant(value: object) -> Value:
    if isinstance(value, bool):
        return boolean(value, True)
    if isinstance(value, Decimal):
        return number(value, value, value == value.to_integral_value())
    if isinstance(value, str):
        return Value("string", safe=True, text=value)
    return UNKNOWN


def _link(op: ast.cmpop, a: Value, b: Value, same: bool) -> tuple[bool | None, bool]:
    """One comparison a OP b: (always true / always false / None, whether it can never fail)."""
    ordered = isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE))
    numeric = a.kind in NUMERIC and b.kind in NUMERIC
    dates = a.kind == b.kind == "date"
    texts = a.kind == b.kind == "string"
    safe = a.safe and b.safe and (numeric or dates if ordered else numeric or texts or dates or a.kind == b.kind == "list")
    if same and safe:  # an expression against itself
        return isinstance(op, (ast.Eq, ast.LtE, ast.GtE)), True
    if texts and a.text is not None and b.text is not None:
        equal = a.text == b.text
        return (equal if isinstance(op, ast.Eq) else not equal) if isinstance(op, (ast.Eq, ast.NotEq)) else None, safe
    if not numeric:
        return None, safe
    return _decided(op, a, b), safe


def _decided(op: ast.cmpop, a: Value, b: Value) -> bool | None:
    """Whether a OP b holds for every pair of values of the two ranges (True), for none (False), or it depends (None)."""
    if isinstance(op, (ast.Gt, ast.GtE)):
        a, b = b, a
        op = ast.Lt() if isinstance(op, ast.Gt) else ast.LtE()
    if isinstance(op, ast.Lt):
        return True if a.high < b.low else False if a.low >= b.high else None
    if isinstance(op, ast.LtE):
        return True if a.high <= b.low else False if a.low > b.high else None
    apart = a.high < b.low or b.high < a.low
    equal = a.point is not None and a.point == b.point
    if isinstance(op, ast.Eq):
        return True if equal else False if apart else None
    if isinstance(op, ast.NotEq):
        return True if apart else False if equal else None
    return None
