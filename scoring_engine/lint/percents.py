"""Band bounds written as percentages where the rule reads ratios: ``min: 95`` for 95%.

A bands rule with ``display: percent`` reads a ratio (0.95 is 95%) and shows
its bounds as percentages, so a bound written 95 is 9500%: every project falls
below it, and the indicator silently scores the lowest band. Such a bound is
warned of when it is at least 10 (1000%, far above any rate a standard names),
or when the 评分标准 text names it with a percent sign ("≥95%").
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .._arith import plain
from .found import LintWarning, Locator, RuleAt

__all__ = ["PERCENT_BOUND", "percent_bounds"]

PERCENT_BOUND = "band bound {bound} is shown as {shown}: with display: percent a bound is a ratio"
PERCENT_BOUND_HINT = "write {ratio} for {bound}%"
_IMPLAUSIBLE = Decimal(10)


def percent_bounds(rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each bound of a percent-displayed bands rule that is written as a percentage."""
    for at in rules:
        params: Any = at.rule.params
        if at.rule.kind != "bands" or params.display != "percent":
            continue
        said: set[Decimal] = set()  # a bound two bands share is said once, at its first place
        for j, band in enumerate(params.bands):
            for key, bound in (("min", band.range.low), ("max", band.range.high)):
                if bound is None or bound <= 1 or bound in said:
                    continue
                said.add(bound)
                if bound >= _IMPLAUSIBLE or f"{plain(bound)}%" in (at.standard or ""):
                    yield locator.warning("percent-bound", (*at.path, "bands", j, key), PERCENT_BOUND,
                                          {"bound": plain(bound), "shown": f"{plain(bound * 100)}%",
                                           "ratio": plain(bound / 100)},
                                          PERCENT_BOUND_HINT, indicator=at.indicator)
