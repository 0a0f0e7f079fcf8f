"""Formulas that fail for every project: ``1/0``, ``weight / 0``, ``round_half_up(x, 2.5)``.

A formula that reads nothing -- or only the indicator's declared weight --
gives the same outcome for every project, so one that fails (a division by
zero) fails each project scored with the set, while the set itself loads.
Evaluating it once here says so before any project is scored. So does a call
whose arguments written as constants are ones the function refuses (places of
2.5, clamp's bounds the wrong way round), whatever the facts it reads.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .._formula_functions import constant_argument_problem, describe_value
from ..errors import ScoringError
from ..formulas import Formula
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt

__all__ = ["FAILS_ALWAYS", "constant_failures"]

FAILS_ALWAYS = "formula {formula} reads no facts and fails for every project: {why}"
FAILS_ALWAYS_HINT = "correct the formula"
FAILS_BY_ARGUMENTS = "formula {formula} fails for every project: {why}"


def constant_failures(indicator_set: IndicatorSet, rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each formula of a rule, a derived value or a check that reads nothing and cannot be computed."""
    for at in rules:
        params: Any = at.rule.params
        for key, value in zip(getattr(params, "_fields", ()), params if hasattr(params, "_fields") else (), strict=False):
            if isinstance(value, Formula):
                yield from _failing(value, (*at.path, key), locator, at.indicator, weight=at.weight)
    for derived in indicator_set.derived:
        yield from _failing(derived.formula, ("derived", derived.name), locator, None)
    # conditions: a check, a 需说明 condition and a cap's must give true or false (QA110 F6: a 需说明 condition that
    # fails said "cannot tell whether an explanation is needed" on every project's report, and lint said nothing)
    conditions: list[tuple[tuple[str | int, ...], Formula]] = [(("checks", i), check.formula)
                                                                for i, check in enumerate(indicator_set.checks)]
    conditions += [(("explain_when", i, "when"), rule.formula) for i, rule in enumerate(indicator_set.explain_when)
                   if rule.formula is not None and rule.rows_below is None]
    conditions += [(("caps", i, "when"), cap.formula) for i, cap in enumerate(indicator_set.caps)]
    for path, formula in conditions:
        yield from _failing(formula, path, locator, None, condition=True)


def _failing(formula: Formula, path: tuple[str | int, ...], locator: Locator, indicator: str | None,
             condition: bool = False, weight: Decimal | None = None) -> Iterator[LintWarning]:
    known = {"weight": weight} if weight is not None else {}  # a rule's weight is declared: known now (QA125 F3)
    if formula.names - known.keys():
        why = next(filter(None, (_refused_arguments(node) for node in ast.walk(formula.tree))), None)
        message = FAILS_BY_ARGUMENTS
    else:
        try:
            value = formula.evaluate(known)
        except ScoringError as err:
            why, message = err.problems[0].message, FAILS_ALWAYS
        else:
            if not condition or isinstance(value, bool):
                return
            why, message = f"a condition must give true or false, and it gives {describe_value(value)}", FAILS_ALWAYS
    if why is not None:
        yield locator.warning("formula-fails", path, message, {"formula": f"`{formula.text}`", "why": why},
                              FAILS_ALWAYS_HINT, indicator=indicator, expression=formula.text)


def _refused_arguments(node: ast.AST) -> str | None:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        return None
    return constant_argument_problem(node.func.id, [_constant(a) for a in node.args])


def _constant(node: ast.expr) -> Any:
    """The value of an argument written as a constant (-1 too), else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and isinstance(node.operand.value, Decimal):
        return -node.operand.value
    return node.value if isinstance(node, ast.Constant) else None
