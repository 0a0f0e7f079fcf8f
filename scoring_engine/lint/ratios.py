"""Numbers written as percentages where the value they meet is a ratio: ``target: 90`` for a rate declared at most 1,
``execution_rate < 90`` in a 需说明 condition.

A rate is a ratio (0.9 is 90%). A value is known to be one when its declared
bounds keep it within 0..1, or when a rule reads it as a rate: a
``proportional`` rule without a target (the value is the completion rate) or a
rule with ``display: percent``. A number of 10 or more (1000%) met with such a
value is a percentage written as a whole number: the target is never reached,
the condition always holds. Rules shown as percentages are `percents`'.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Any

from .._arith import plain
from ..formulas import Formula
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .ranges import Ranges
from .values import NUMERIC, shown_range

__all__ = ["RATIO_COMPARED", "RATIO_NUMBER", "SHARE_NUMBER", "ratio_numbers", "share_numbers"]

RATIO_NUMBER = "{key} {bound} is set for {value}, a ratio ({why}): it reads as {shown}"
RATIO_COMPARED = "{value} is compared with {bound}, but it is a ratio ({why}): the number reads as {shown}"
RATIO_HINT = "write {ratio} for {bound}%"
IN_RANGE = "it lies in {range}"
READ_AS_RATE = "{indicator} reads it as a rate, 1 being 100%"
BANDS_AS_RATE = "the bands of {indicator} read it as a ratio: their bounds lie between {low} and {high}"
_IMPLAUSIBLE = Decimal(10)
_KEYS = {"linear": ("target", "zero_at"), "proportional": ("target",), "equal": ("target",)}


def ratio_numbers(indicator_set: IndicatorSet, rules: list[RuleAt], ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each rule number and each number in a check, cap or 需说明 condition written as a percentage where the
    value it meets is a ratio."""
    rates = _rates(rules)
    for at in rules:
        params: Any = at.rule.params
        if at.rule.kind not in _KEYS or getattr(params, "display", None) == "percent":  # shown as %: percents' warning
            continue
        why = _ratio(params.value.tree, ranges.weighing(at.weight), rates)
        for key in _KEYS[at.rule.kind]:
            written = at.rule.spec.get(key)
            if why and isinstance(written, (int, Decimal)) and not isinstance(written, bool) and written >= _IMPLAUSIBLE:
                yield locator.warning("percent-bound", (*at.path, key), RATIO_NUMBER,
                                      {"key": key, **_fields(Decimal(written), params.value.text, why)}, RATIO_HINT,
                                      indicator=at.indicator, expression=params.value.text)
    conditions: list[tuple[str, int, Formula | None]] = [("checks", i, c.formula) for i, c in enumerate(indicator_set.checks)]
    conditions += [("explain_when", i, e.formula) for i, e in enumerate(indicator_set.explain_when)]
    conditions += [("caps", i, c.formula) for i, c in enumerate(indicator_set.caps)]
    for part, i, formula in conditions:
        if formula is None:
            continue
        for side, number in _compared(formula.tree):
            why = _ratio(side, ranges, rates)
            if why:
                yield locator.warning("percent-compare", (part, i, "expr" if part == "checks" else "when"), RATIO_COMPARED,
                                      _fields(number, ast.unparse(side), why), RATIO_HINT, expression=formula.text)


#: Shares of the target a rule writes, and from what a number there reads as a percentage written whole: a tolerance of 1
#: already lets any value from 0 to twice the target be "equal"; a deviation threshold of 10 is 1000% over the target.
_SHARES = (("equal", ("tolerance",), Decimal(1)), ("proportional", ("over_target", "above"), _IMPLAUSIBLE))
SHARE_NUMBER = "{key} {bound} is a share of the target: it reads as {shown}"


def share_numbers(rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each equal rule's tolerance and proportional rule's over_target.above written as a percentage
    (tolerance: 5, above: 20), which is a share of the target (0.05, 0.2)."""
    for at in rules:
        for kind, path, least in _SHARES:
            written: Any = at.rule.spec if at.rule.kind == kind else None
            for key in path:
                written = written.get(key) if isinstance(written, dict) else None
            if isinstance(written, (int, Decimal)) and not isinstance(written, bool) and written >= least:
                number = Decimal(written)
                yield locator.warning("percent-share", (*at.path, *path), SHARE_NUMBER,
                                      {"key": ".".join(path), "bound": plain(number), "shown": f"{plain(number * 100)}%",
                                       "ratio": plain(number / 100)}, RATIO_HINT, indicator=at.indicator)


def _fields(number: Decimal, value: str, why: str) -> dict[str, str]:
    return {"bound": plain(number), "value": value, "why": why, "shown": f"{plain(number * 100)}%",
            "ratio": plain(number / 100)}


def _rates(rules: list[RuleAt]) -> dict[str, str]:
    """The names rules read as rates, each with why (of the first indicator that does)."""
    rates: dict[str, str] = {}
    for at in rules:
        params: Any = at.rule.params
        value = getattr(params, "value", None)
        if value is None or not isinstance(value.tree, ast.Name):
            continue
        if getattr(params, "display", None) == "percent" or (at.rule.kind == "proportional" and params.target is None):
            rates.setdefault(value.tree.id, READ_AS_RATE.format(indicator=at.indicator))
        elif at.rule.kind == "bands" and (bounds := _ratio_bounds(params.bands)):
            rates.setdefault(value.tree.id, BANDS_AS_RATE.format(indicator=at.indicator, low=plain(min(bounds)),
                                                                  high=plain(max(bounds))))
    return rates


def _ratio_bounds(bands: Any) -> list[Decimal]:
    """The bounds of bands that read a ratio (all between 0 and 2, one of them a fraction of 1: 0.6, 0.8, 1), or []."""
    bounds = [b for band in bands for b in (band.range.low, band.range.high) if b is not None]
    ratio = bool(bounds) and all(0 <= b <= 2 for b in bounds) and any(0 < b < 1 for b in bounds)
    return bounds if ratio else []


def _ratio(node: ast.expr, ranges: Ranges, rates: dict[str, str]) -> str | None:
    """Why the value of `node` is a ratio, or None when it may not be one."""
    value = ranges.of(node)
    if value.kind in NUMERIC and value.kind != "bool" and value.low >= 0 and value.high <= 1:
        return IN_RANGE.format(range=shown_range(value, plain))
    if isinstance(node, ast.Name) and node.id in rates:
        return rates[node.id]
    return None


def _compared(tree: ast.expr) -> Iterator[tuple[ast.expr, Decimal]]:
    """(expression, number) for each comparison of an expression with a number of 10 or more in `tree`."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for a, b in pairwise(sides):
            for side, other in ((a, b), (b, a)):
                if (isinstance(other, ast.Constant) and isinstance(other.value, Decimal) and other.value >= _IMPLAUSIBLE
                        and not isinstance(side, ast.Constant)):
                    yield side, other.value
