"""Points a rule gives or takes that the set's precision cannot print (0.75 at one decimal).

A set that prints one decimal, with a checklist of four elements of 3 points (0.75 each) or a deduction of 0.25 a
finding, scores and words each miss at the precision: 3 − 0.75 = 2.25 prints 2.3, and the reason says 扣0.7分 where
the standard says 0.75 (QA293 F3). Legal, and the rounding is documented, but after a change of precision it is
almost surely not meant. Points of no exact decimal form (5 over 3 elements) print rounded at any precision: not
warned of.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from .._arith import plain, round_half_up
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt

__all__ = ["FINER", "finer_points"]

FINER = ("its rule's points {points} have more decimals than the set prints ({places}): scores and reasons show them "
         "rounded ({example})")
FINER_HINT = "write precision: {needed}, or points the set prints as they are"
#: the parameters of a rule that are points given or taken (bands' and tiers' points, a deduction's, a keyword's)
_POINT_KEYS = frozenset({"points", "points_each", "deduct", "each"})
_MOST_PLACES = 6  # finer than this is a share no precision prints (1/3 as 0.333333): not the set's slip


def finer_points(indicator_set: IndicatorSet, rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each rule whose points (written, or a checklist's elements' shares of the weight) are finer than
    the set's precision."""
    places = indicator_set.precision
    for at in rules:
        finer = sorted({p for p in _points(at) if _decimals(p) > places and _decimals(p) <= _MOST_PLACES})
        if not finer:
            continue
        first = finer[0]
        example = f"{plain(first)} → {plain(round_half_up(first, places))}"
        yield locator.warning("precision-points", at.path, FINER,
                              {"points": ", ".join(plain(p) for p in finer[:3]), "places": places, "example": example,
                               "needed": max(_decimals(p) for p in finer)}, FINER_HINT, indicator=at.indicator)


def _points(at: RuleAt) -> Iterator[Decimal]:
    """The points the rule at `at` gives or takes, as written, and a checklist's elements' points of its weight."""
    yield from _written(at.rule.spec)
    if at.rule.kind == "checklist" and at.weight is not None:
        from ..rules.checklist import _points as element_points

        yield from element_points(at.rule.params, at.weight)


def _written(value: Any) -> Iterator[Decimal]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in _POINT_KEYS and isinstance(item, (Decimal, int)) and not isinstance(item, bool):
                yield Decimal(item)
            elif key == "keyword_points" and isinstance(item, Mapping):
                yield from (Decimal(v) for v in item.values() if isinstance(v, (Decimal, int)) and not isinstance(v, bool))
            elif key not in ("rules", "otherwise"):  # a switch's variants and an equal's otherwise are rules of their own
                yield from _written(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _written(item)


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
