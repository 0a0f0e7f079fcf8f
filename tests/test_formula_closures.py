"""Formulas compiled to closures compute what the checked tree computes on simpleeval, and can do nothing the checker refused."""

from __future__ import annotations

import ast
import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal, DecimalException
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from simpleeval import NameNotDefined, SimpleEval

from scoring_engine import _closures
from scoring_engine._arith import scoring_context
from scoring_engine._formula_functions import FUNCTIONS, OPERATORS, Fail
from scoring_engine.errors import FormulaError, ScoringError
from scoring_engine.formulas import DIVISION_HINT, Formula, compile_formula, evaluate

SCOPE = {"a": "number", "b": "number", "zero": "number", "s": "string", "flag": "boolean", "l": "list", "empty": "list",
         "d": "date", "e": "date", "x.y": "number", "gone": "number"}
NAMES = {"a": Decimal("1.5"), "b": Decimal(-2), "zero": Decimal(0), "s": "x", "flag": True, "l": (Decimal(1), Decimal(3)),
         "empty": (), "d": datetime.date(2024, 1, 31), "e": datetime.date(2024, 3, 1), "x.y": Decimal("0.25")}  # gone: missing


class _Reference(SimpleEval):  # type: ignore[misc]
    """The evaluator formulas ran on before they were compiled to closures: simpleeval over the checked tree."""

    def __init__(self, names: Mapping[str, Any]):
        super().__init__(operators=OPERATORS, functions={name: spec[0] for name, spec in FUNCTIONS.items()}, names=names)
        allowed = {ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call}
        self.nodes = {kind: handler for kind, handler in self.nodes.items() if kind in allowed}
        for kind in (ast.BinOp, ast.UnaryOp, ast.Compare, ast.Call):
            self.nodes[kind] = self._naming(self.nodes[kind])

    def _naming(self, handler: Callable[[ast.AST], Any]) -> Callable[[ast.AST], Any]:
        def run(node: ast.AST) -> Any:
            try:
                return handler(node)
            except Fail as err:
                if err.fact is None:
                    err.fact = self._blamed(node)
                raise

        return run

    def _blamed(self, node: ast.AST) -> str | None:
        """The facts a failure names: of + - * /, those of the operands that are not numbers (a failure inside an
        operand names none here); of a division by zero, the divisor's; of any other operation, all of its own."""
        part: ast.AST = node
        if isinstance(node, ast.BinOp):
            try:
                values = [self._eval(node.left), self._eval(node.right)]
            except Fail:
                return None
            wrong = [side for side, value in zip((node.left, node.right), values, strict=True) if not isinstance(value, (Decimal, bool))]
            if wrong:
                return ", ".join(filter(None, map(_names, wrong))) or None
            part = node.right if isinstance(node.op, ast.Div) else node
        return _names(part)


def _names(part: ast.AST) -> str | None:
    return ", ".join(sorted({n.id for n in ast.walk(part) if isinstance(n, ast.Name)} - set(FUNCTIONS))) or None


def _reference(formula: Formula, names: Mapping[str, Any]) -> Any:
    with scoring_context():
        try:
            return _Reference(names).eval(formula.text, previously_parsed=formula.tree)
        except Fail as err:  # worded as Formula.evaluate words it, hint included
            hint = DIVISION_HINT if str(err) == "division by zero" and "ratio(" not in formula.text else None
            raise ScoringError(str(err), expression=formula.text, fact=err.fact, hint=hint) from None
        except NameNotDefined as err:
            raise ScoringError(f"fact {err.name} is missing", expression=formula.text, fact=err.name,
                               hint="add it to the facts file") from None
        except DecimalException:
            raise ScoringError("number out of range", expression=formula.text) from None


def _outcome(run: Callable[[], Any]) -> tuple[str, Any]:
    try:
        value = run()
    except ScoringError as err:
        return "error", [(p.message, p.fact, p.expression, p.hint) for p in err.problems]
    return "value", (type(value).__name__, value)


_OPERAND = st.sampled_from(["a", "b", "zero", "s", "flag", "l", "empty", "d", "e", "x.y", "gone", "0", "2", "0.5", "'x'", "True"])
_CALLS = [("min", 1, 3), ("max", 1, 3), ("abs", 1, 1), ("clamp", 3, 3), ("round_half_up", 1, 2), ("ratio", 2, 3), ("sum", 1, 1),
          ("count", 1, 1), ("mean", 1, 1), ("days_between", 2, 2), ("months_between", 2, 2)]


def _expressions(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "and", "or"]), inner)
    call = st.sampled_from(_CALLS).flatmap(lambda c: st.lists(inner, min_size=c[1], max_size=c[2]).map(
        lambda args, name=c[0]: f"{name}({', '.join(args)})"))
    return st.one_of(
        binary.map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda x: f"(-{x})"),
        inner.map(lambda x: f"(not {x})"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} < {t[1]} <= {t[2]})"),
        call,
    )


_FORMULAS = st.recursive(_OPERAND, _expressions, max_leaves=8)


@settings(max_examples=1500, deadline=None)
@given(_FORMULAS)
def test_closures_compute_what_simpleeval_computes(text: str) -> None:
    """Any formula the checker accepts gives the same value, or the same error naming the same fact, both ways."""
    try:
        formula = compile_formula(text, SCOPE)
    except FormulaError:
        return
    assert _outcome(lambda: _reference(formula, NAMES)) == _outcome(lambda: evaluate(formula, NAMES))


@pytest.mark.parametrize("tree", [
    ast.Attribute(value=ast.Name(id="a", ctx=ast.Load()), attr="__class__", ctx=ast.Load()),
    ast.Subscript(value=ast.Name(id="l", ctx=ast.Load()), slice=ast.Constant(0), ctx=ast.Load()),
    ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=ast.Constant(1)),
    ast.BinOp(left=ast.Constant(2), op=ast.Pow(), right=ast.Constant(3)),
    ast.Call(func=ast.Name(id="eval", ctx=ast.Load()), args=[ast.Constant("1")], keywords=[]),
    ast.Call(func=ast.Attribute(value=ast.Constant("x"), attr="upper", ctx=ast.Load()), args=[], keywords=[]),
    ast.ListComp(elt=ast.Name(id="x", ctx=ast.Load()), generators=[]),
    ast.Constant(value=2.5),  # a float: the checker makes every number a Decimal
    ast.Name(id="a", ctx=ast.Store()),
])
def test_the_closures_refuse_what_the_checker_refuses(tree: ast.expr) -> None:
    """A tree holding a node, an operator or a function the language has not is refused when compiled, never run."""
    with pytest.raises(TypeError):
        _closures.build(tree)


def test_a_missing_name_is_a_scoring_error_naming_it() -> None:
    """Reading a fact the project does not give stops with the fact named, as it always has."""
    formula = compile_formula("a + gone", SCOPE)
    with pytest.raises(ScoringError) as err:
        evaluate(formula, NAMES)
    assert ("fact gone is missing", "gone") == (err.value.problems[0].message, err.value.fact)
