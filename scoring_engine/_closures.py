"""A checked formula tree turned into nested Python closures, once, when the formula is compiled.

The second half of the sandbox. `formulas.compile_formula` checks a formula and
rebuilds its tree from the nodes the language allows; `build` turns that
rebuilt tree into closures that can do three things only: look a name up in the
mapping they are given, apply an operator of `OPERATORS`, and call a function
of `FUNCTIONS` by its name. A node of any other kind is refused, although the
checker never lets one through. Running a formula then costs a few calls per
node: nothing is parsed, walked or looked up by node type again.

A failing operation names the facts it was given (for a division, those of the
divisor), as the innermost operator or call around the failure sees them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from typing import Any

from ._formula_functions import FUNCTIONS, OPERATORS, Fail

__all__ = ["Missing", "Reader", "build"]

#: A compiled formula (or part of one): the values by name in, the value out.
Reader = Callable[[Mapping[str, Any]], Any]


class Missing(Exception):
    """A name the formula reads has no value; `formulas` turns it into a ScoringError naming the fact."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def build(node: ast.expr) -> Reader:
    """The closure that computes `node`, a tree rebuilt by the formula checker."""
    handler = _BUILDERS.get(type(node))
    if handler is None:
        raise TypeError(f"{type(node).__name__} cannot be compiled: only checked formula trees can")
    return handler(node)


def _constant(node: ast.expr) -> Reader:
    value = node.value  # type: ignore[attr-defined]
    return lambda names: value


def _name(node: ast.expr) -> Reader:
    key: str = node.id  # type: ignore[attr-defined]

    def read(names: Mapping[str, Any]) -> Any:
        try:
            return names[key]
        except KeyError:
            raise Missing(key) from None

    return read


def _facts_named(part: ast.AST) -> str | None:
    """The facts a failing operation names: every name inside `part` but the functions'."""
    found = sorted({n.id for n in ast.walk(part) if isinstance(n, ast.Name)} - set(FUNCTIONS))
    return ", ".join(found) or None


def _naming(part: ast.AST, run: Reader) -> Reader:
    """`run`, whose failures name the facts of `part` unless an operation inside already named some."""

    def named(names: Mapping[str, Any]) -> Any:
        try:
            return run(names)
        except Fail as err:
            if err.fact is None:
                err.fact = _facts_named(part)
            raise

    return named


def _binary(node: ast.expr) -> Reader:
    assert isinstance(node, ast.BinOp)
    op, left, right = OPERATORS[type(node.op)], build(node.left), build(node.right)
    part = node.right if isinstance(node.op, ast.Div) else node
    return _naming(part, lambda names: op(left(names), right(names)))


def _unary(node: ast.expr) -> Reader:
    assert isinstance(node, ast.UnaryOp)
    op, operand = OPERATORS[type(node.op)], build(node.operand)
    return _naming(node, lambda names: op(operand(names)))


def _boolean(node: ast.expr) -> Reader:
    assert isinstance(node, ast.BoolOp)
    values = [build(v) for v in node.values]
    stop_at = not isinstance(node.op, ast.And)  # `and` stops at the first false value, `or` at the first true one

    def run(names: Mapping[str, Any]) -> Any:
        value: Any = False
        for part in values:
            value = part(names)
            if bool(value) is stop_at:
                break
        return value

    return run


def _compare(node: ast.expr) -> Reader:
    assert isinstance(node, ast.Compare)
    first = build(node.left)
    steps = [(OPERATORS[type(op)], build(c)) for op, c in zip(node.ops, node.comparators)]

    def run(names: Mapping[str, Any]) -> Any:
        right = first(names)
        result: Any = True
        for op, comparator in steps:  # a < b < c: stops at the first comparison that fails
            if not result:
                break
            left, right = right, comparator(names)
            result = op(left, right)
        return result

    return _naming(node, run)


def _choice(node: ast.expr) -> Reader:
    assert isinstance(node, ast.IfExp)
    test, body, orelse = build(node.test), build(node.body), build(node.orelse)
    return lambda names: body(names) if test(names) else orelse(names)


def _call(node: ast.expr) -> Reader:
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords
    function = FUNCTIONS[node.func.id][0]  # a KeyError for any name the checker would have refused
    args = [build(a) for a in node.args]
    return _naming(node, lambda names: function(*[a(names) for a in args]))


_BUILDERS: dict[type[ast.AST], Callable[[ast.expr], Reader]] = {
    ast.Constant: _constant,
    ast.Name: _name,
    ast.BinOp: _binary,
    ast.UnaryOp: _unary,
    ast.BoolOp: _boolean,
    ast.Compare: _compare,
    ast.IfExp: _choice,
    ast.Call: _call,
}
