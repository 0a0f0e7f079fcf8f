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
from decimal import Decimal
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
    """The closure that computes `node`, a tree rebuilt by the formula checker; TypeError for anything else."""
    handler = _BUILDERS.get(type(node))
    if handler is None:
        _refuse(node)
    return handler(node)  # type: ignore[misc]


def _refuse(node: ast.AST) -> Any:
    raise TypeError(f"{type(node).__name__} cannot be compiled: only checked formula trees can")


def _operator(op: ast.AST) -> Callable[..., Any]:
    found = OPERATORS.get(type(op))
    return found if found is not None else _refuse(op)


def _constant(node: ast.expr) -> Reader:
    value = node.value  # type: ignore[attr-defined]
    if not isinstance(value, (Decimal, str, bool)):  # the checker makes every number a Decimal
        return _refuse(node)  # type: ignore[no-any-return]
    return lambda names: value


def _name(node: ast.expr) -> Reader:
    key: str = node.id  # type: ignore[attr-defined]
    if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Load):
        return _refuse(node)  # type: ignore[no-any-return]

    def read(names: Mapping[str, Any]) -> Any:
        try:
            return names[key]
        except KeyError:
            raise Missing(key) from None

    return read


def facts_named(part: ast.AST) -> str | None:
    """The facts a failing operation names: every name inside `part` but the functions'."""
    found = sorted({n.id for n in ast.walk(part) if isinstance(n, ast.Name)} - set(FUNCTIONS))
    return ", ".join(found) or None


def _blame(err: Fail, part: ast.AST) -> None:
    """A failure inside an operation names the facts of `part`, unless an operation inside it already named some."""
    if err.fact is None:
        err.fact = facts_named(part)


def _blame_operands(err: Fail, node: ast.BinOp, values: tuple[Any, Any], part: ast.AST) -> None:
    """+ - * / failing on an operand that is not a number names that operand's facts, not the number beside it
    (`weight * (x or 'a')` is not the weight's fault); a division by zero names the divisor's (`part`)."""
    if err.fact is None:
        wrong = [side for side, value in zip((node.left, node.right), values, strict=True)
                 if not isinstance(value, (Decimal, bool))]
        err.fact = (", ".join(filter(None, map(facts_named, wrong))) or None) if wrong else facts_named(part)


def _operands(nodes: list[ast.expr]) -> tuple[tuple[bool, Any], ...] | None:
    """(is a name, the name or the constant) of each operand when every one is a name or a constant; else None.

    Such an operation reads its operands itself: the usual formula, `budget.paid / budget.total`, costs one call.
    """
    found: list[tuple[bool, Any]] = []
    for node in nodes:
        if isinstance(node, ast.Name):
            found.append((True, node.id))
        elif isinstance(node, ast.Constant):
            found.append((False, node.value))
        else:
            return None
    return tuple(found)


def _missing(operands: tuple[tuple[bool, Any], ...], names: Mapping[str, Any]) -> Missing:
    """The first operand name without a value (the one reading them in order would have stopped at)."""
    return Missing(next(key for is_name, key in operands if is_name and key not in names))


def _binary(node: ast.expr) -> Reader:
    if not isinstance(node, ast.BinOp):
        return _refuse(node)  # type: ignore[no-any-return]
    op = _operator(node.op)
    part = node.right if isinstance(node.op, ast.Div) else node
    operands = _operands([node.left, node.right])
    if operands is not None:
        (left_name, a), (right_name, b) = operands

        def read_both(names: Mapping[str, Any]) -> Any:
            try:
                return op(names[a] if left_name else a, names[b] if right_name else b)
            except KeyError:
                raise _missing(operands, names) from None
            except Fail as err:
                _blame_operands(err, node, (names[a] if left_name else a, names[b] if right_name else b), part)
                raise

        return read_both
    left, right = build(node.left), build(node.right)

    def run(names: Mapping[str, Any]) -> Any:
        first, second = left(names), right(names)  # an operation inside either names its own facts when it fails
        try:
            return op(first, second)
        except Fail as err:
            _blame_operands(err, node, (first, second), part)
            raise

    return run


def _unary(node: ast.expr) -> Reader:
    if not isinstance(node, ast.UnaryOp):
        return _refuse(node)  # type: ignore[no-any-return]
    op, operand = _operator(node.op), build(node.operand)

    def run(names: Mapping[str, Any]) -> Any:
        try:
            return op(operand(names))
        except Fail as err:
            _blame(err, node)
            raise

    return run


def _boolean(node: ast.expr) -> Reader:
    if not isinstance(node, ast.BoolOp) or not isinstance(node.op, (ast.And, ast.Or)):
        return _refuse(node)  # type: ignore[no-any-return]
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
    if not isinstance(node, ast.Compare):
        return _refuse(node)  # type: ignore[no-any-return]
    first = build(node.left)
    steps = [(_operator(op), build(c)) for op, c in zip(node.ops, node.comparators, strict=True)]

    def run(names: Mapping[str, Any]) -> Any:
        result: Any = True
        try:
            right = first(names)
            for op, comparator in steps:  # a < b < c: stops at the first comparison that fails
                if not result:
                    break
                left, right = right, comparator(names)
                result = op(left, right)
        except Fail as err:
            _blame(err, node)
            raise
        return result

    return run


def _choice(node: ast.expr) -> Reader:
    if not isinstance(node, ast.IfExp):
        return _refuse(node)  # type: ignore[no-any-return]
    test, body, orelse = build(node.test), build(node.body), build(node.orelse)
    return lambda names: body(names) if test(names) else orelse(names)


def _call(node: ast.expr) -> Reader:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or node.keywords or node.func.id not in FUNCTIONS:
        return _refuse(node)  # type: ignore[no-any-return]
    function = FUNCTIONS[node.func.id][0]
    operands = _operands(node.args)
    if operands is not None:
        def read_all(names: Mapping[str, Any]) -> Any:
            try:
                return function(*[names[key] if is_name else key for is_name, key in operands])
            except KeyError:
                raise _missing(operands, names) from None
            except Fail as err:
                _blame(err, node)
                raise

        return read_all
    args = [build(a) for a in node.args]

    def run(names: Mapping[str, Any]) -> Any:
        try:
            return function(*[a(names) for a in args])
        except Fail as err:
            _blame(err, node)
            raise

    return run


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
