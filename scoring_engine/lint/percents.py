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

__all__ = ["LOWEST_BAND", "PERCENT_BOUND", "percent_bounds"]

PERCENT_BOUND = "band bound {bound} is shown as {shown}: with display: percent a bound is a ratio"
#: Said where a rate (100%, 0%) falls in the lowest band: what the bound does to the scores (QA309 4).
LOWEST_BAND = ("band bound {bound} is {shown} with display: percent, which no rate reaches: every project falls in the "
               "lowest band, in silence; a bound is a ratio")
PERCENT_VALUE = "{key} {bound} is shown as {shown}: with display: percent it is a ratio"
# The numbers of a linear or proportional rule that are rates like the value when it is shown as a percentage.
_RATE_KEYS = {"linear": ("target", "zero_at", "per"), "proportional": ("target",), "equal": ("target",)}
PERCENT_BOUND_HINT = "write {ratio} for {bound}%"
_IMPLAUSIBLE = Decimal(10)


def percent_bounds(rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each bound of a percent-displayed bands rule that is written as a percentage, and for each target,
    zero line or step of a percent-displayed linear, proportional or equal rule (zero_at: 80 gave every project 0,
    '96.50%达到零分线8000.00%')."""
    for at in rules:
        params: Any = at.rule.params
        if at.rule.kind in _RATE_KEYS and getattr(params, "display", None) == "percent":
            yield from _rate_values(at, locator)
        if at.rule.kind != "bands" or params.display != "percent":
            continue
        said: set[Decimal] = set()  # a bound two bands share is said once, at its first place
        for j, band in enumerate(params.bands):
            for key, bound in (("min", band.range.low), ("max", band.range.high)):
                if bound is None or bound <= 1 or bound in said:
                    continue
                said.add(bound)
                if bound >= _IMPLAUSIBLE or f"{plain(bound)}%" in (at.standard or ""):
                    said_as = LOWEST_BAND if _rates_fall_lowest(params) else PERCENT_BOUND
                    yield locator.warning("percent-bound", (*at.path, "bands", j, key), said_as,
                                          {"bound": plain(bound), "shown": f"{plain(bound * 100)}%",
                                           "ratio": plain(bound / 100)},
                                          PERCENT_BOUND_HINT, indicator=at.indicator)


def _rates_fall_lowest(params: Any) -> bool:
    """Whether a rate of 0% and one of 100% both fall in the lowest of the bands (the one whose range starts lowest)."""
    bands = params.bands
    lowest = min(range(len(bands)), key=lambda j: (bands[j].range.low is not None, bands[j].range.low or 0))
    return all(bands[lowest].range.contains(rate, params.boundary) for rate in (Decimal(0), Decimal(1)))


def _rate_values(at: RuleAt, locator: Locator) -> Iterator[LintWarning]:
    for key in _RATE_KEYS[at.rule.kind]:
        written = at.rule.spec.get(key)
        if isinstance(written, bool) or not isinstance(written, (int, Decimal)) or written < 1:
            continue  # a formula, or a ratio; per: 1 (every 100 percentage points) is a percentage point written as 1
        number = Decimal(written)
        # target: 1 is 100%, and '每降低1%' in the standard says nothing of it: a percentage named there counts above 1
        named = number > 1 and f"{plain(number)}%" in (at.standard or "")
        if number >= _IMPLAUSIBLE or key == "per" or named:
            yield locator.warning("percent-bound", (*at.path, key), PERCENT_VALUE,
                                  {"key": key, "bound": plain(number), "shown": f"{plain(number * 100)}%",
                                   "ratio": plain(number / 100)}, PERCENT_BOUND_HINT, indicator=at.indicator)
