"""Rules that can never give their indicator's whole weight, and a linear rule whose zero line is past its target.

A bands rule whose best band gives 15 of a weight of 30 (the top band copied
from an indicator with a smaller weight), or tiers whose best ends below the
whole weight: no project scores full marks on the indicator, the set's best
total falls short of its total, and maybe of its top grade (QA55 F4). A linear
rule whose zero line lies at or beyond its target on the better side (zero_at
1.2 for a target of 1, higher being better) gives 0 to every project up to the
line, the one at its target too. Each holds for every project, from the rule
alone; the best total counts only these shortfalls, so it may be lower still.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .._arith import plain
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .ranges import Ranges

__all__ = ["BEST_TOTAL", "CEILING", "ZERO_PAST", "ceilings"]

CEILING = "its rule gives at most {most} of its weight {weight}: no project scores full marks on it"
CEILING_ROWS = "its rule gives a row at most {most} of the row's weight: no row scores full marks"
CEILING_HINT = "make the best band (or tier) give the whole weight (share: 1, or points: {weight})"
BEST_TOTAL = ("no project can be graded {grade} (min {min}): the rules of {ids} give at most {best} of the total {total}")
BEST_TOTAL_HINT = "make each of those rules give its whole weight, or lower the grade's min"
ZERO_PAST = ("zero_at {zero} is not {side} the target {target}: every project up to the zero line scores 0, one at its "
             "target too")
ZERO_PAST_HINT = "write zero_at {side} {target}: the value at which the score reaches 0, on the worse side of the target"


def ceilings(indicator_set: IndicatorSet, rules: list[RuleAt], ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each rule that never gives its whole weight, each zero line past its target, and a top grade the
    shortfalls put out of reach."""
    short: dict[str, Decimal] = {}  # a leaf's own rule (not a variant: another may reach it) → what it falls short by
    for at in rules:
        most = _most(at) if "otherwise" not in at.path else None  # an equal's otherwise scores what is not the target
        if at.rule.kind == "linear":
            yield from _zero_past(at, ranges, locator)
        elif most is not None and at.weight is None and most < 1:
            yield locator.warning("weight-ceiling", at.path, CEILING_ROWS, {"most": _share(most)}, CEILING_HINT,
                                  indicator=at.indicator)
        elif most is not None and at.weight is not None and most < at.weight:
            yield locator.warning("weight-ceiling", at.path, CEILING, {"most": plain(most), "weight": plain(at.weight)},
                                  CEILING_HINT, indicator=at.indicator)
            if at.path[-1] == "rule":
                short[at.indicator] = at.weight - most
    top = max(indicator_set.grades, key=lambda g: g.min, default=None)
    best = indicator_set.total - sum(short.values(), Decimal(0))
    if short and top is not None and best < top.min:
        index = indicator_set.grades.index(top)
        yield locator.warning("weight-ceiling", ("grades", index, "min"), BEST_TOTAL,
                              {"grade": top.label, "min": plain(top.min), "ids": ", ".join(short), "best": plain(best),
                               "total": plain(indicator_set.total)}, BEST_TOTAL_HINT)


def _most(at: RuleAt) -> Decimal | None:
    """The most a bands or tiers rule gives: in points of its weight, or as a share of a row's weight (None: unknown)."""
    params: Any = at.rule.params
    if at.rule.kind == "bands":
        amounts = [band.amount for band in params.bands]
        if at.weight is not None:
            return max(Decimal(a.of(at.weight)) for a in amounts)
        return max(Decimal(a.of(Decimal(1))) for a in amounts) if all(a.is_share for a in amounts) else None
    if at.rule.kind == "tiers":
        highs = [interval.high for _, interval in params.tiers]
        if not highs or any(high is None for high in highs):
            return None
        most = max(Decimal(high) for high in highs if high is not None)
        return most * at.weight if at.weight is not None else most
    return None


def _share(value: Decimal) -> str:
    return f"{plain(value * 100)}%"


def _zero_past(at: RuleAt, ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    params: Any = at.rule.params
    target = ranges.of(params.target.tree).point if params.zero_at is not None else None
    if target is None:
        return  # a target read from the facts: where it lies is the project's
    if params.zero_at <= target if params.lower_is_better else params.zero_at >= target:
        side = "above" if params.lower_is_better else "below"
        yield locator.warning("zero-past-target", (*at.path, "zero_at"), ZERO_PAST,
                              {"zero": plain(params.zero_at), "side": side, "target": plain(target)}, ZERO_PAST_HINT,
                              indicator=at.indicator)
