"""Parts of rules no project can reach: a band outside every value its formula can give, a switch variant never chosen.

Overlapping, empty and gapped bands are refused when the set loads; what is
left is a band that lies beyond the range the facts' declared ``min`` and
``max`` give the value (a band ≥ 120 % of a rate declared at most 1), or that
holds no whole number when the value is one (a count). A switch's variant is
unreachable when the text fact choosing it declares the ``values`` it may take
and the variant's name is not one of them; a value it declares that names no
variant is a project that cannot be scored.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from .._arith import percent, plain
from .._intervals import MAX_INCLUSIVE, MIN_INCLUSIVE
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .ranges import Ranges
from .values import INFINITY, NUMERIC, Value, shown_range

__all__ = ["MISSING_VARIANT", "UNCOVERED", "UNREACHABLE_BAND", "UNREACHABLE_VARIANT", "unreachable"]

UNREACHABLE_BAND = "band {band} can never be reached: {value} always lies in {range}"
UNREACHABLE_BAND_HINT = "by the declared min and max of the facts it reads; remove the band, or correct the bounds"
UNCOVERED = "{value} may lie {side} {bound}, where no band is (it lies in {range}): such a project cannot be scored"
UNCOVERED_HINT_BELOW = "add a lowest band without min, e.g. {{max: {written}, points: 0}}"
UNCOVERED_HINT_ABOVE = "add a highest band without max"
UNREACHABLE_VARIANT = "variant {variant} can never be chosen: {fact} takes only {values}"
UNREACHABLE_VARIANT_HINT = "remove the variant, or add {variant} to the values of {fact}"
ALIAS_VARIANT_HINT = "{variant} is an alias of {value}, read as that value before the switch chooses: key the rule {key}"
MISSING_VARIANT = "{fact} may be {value}, for which the switch has no rule (it has {names}): such a project cannot be scored"
MISSING_VARIANT_HINT = "add a rule for {value} under rules, or remove it from the values of {fact}"


def unreachable(indicator_set: IndicatorSet, rules: list[RuleAt], ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each band and each switch variant that no project can reach."""
    for at in rules:
        if at.rule.kind == "bands":
            yield from _bands(ranges.weighing(at.weight), at, locator)
        elif at.rule.kind == "switch":
            yield from _variants(indicator_set, at, locator)


def _bands(ranges: Ranges, at: RuleAt, locator: Locator) -> Iterator[LintWarning]:
    params: Any = at.rule.params
    value = ranges.of(params.value.tree)
    if value.kind not in NUMERIC:
        return
    show: Callable[[Decimal], str] = percent if params.display == "percent" else plain
    lows = [b.range.low for b in params.bands]
    highs = [b.range.high for b in params.bands]
    bottom = None if None in lows else min(low for low in lows if low is not None)
    top = None if None in highs else max(high for high in highs if high is not None)
    for side, bound, beyond in (("below", bottom, value.low < bottom if bottom is not None else False),
                                ("above", top, value.high > top if top is not None else False)):
        if beyond:  # a value there lies in no band: such a project cannot be scored
            yield locator.warning("uncovered-value", (*at.path, "bands"), UNCOVERED,
                                  {"value": params.value.text, "side": side, "bound": show(bound),  # type: ignore[arg-type]
                                   "written": plain(bound), "range": shown_range(value, show)},  # type: ignore[arg-type]
                                  UNCOVERED_HINT_BELOW if side == "below" else UNCOVERED_HINT_ABOVE,
                                  indicator=at.indicator, expression=params.value.text)
    for j, band in enumerate(params.bands):
        low, high = band.range.low, band.range.high
        # The outermost bounds hold their edge whatever the boundary rule (as the kind scores).
        low_closed = params.boundary == MIN_INCLUSIVE or (low is not None and low == bottom)
        high_closed = params.boundary == MAX_INCLUSIVE or (high is not None and high == top)
        if _meets(value, low, low_closed, high, high_closed):
            continue
        yield locator.warning("unreachable-band", (*at.path, "bands", j), UNREACHABLE_BAND,
                              {"band": band.label or band.range.text(show, params.boundary), "value": params.value.text,
                               "range": shown_range(value, show)},
                              UNREACHABLE_BAND_HINT, indicator=at.indicator, expression=params.value.text)


def _meets(value: Value, low: Decimal | None, low_closed: bool, high: Decimal | None, high_closed: bool) -> bool:
    """Whether some value in the range (a whole number, when the value is always one) lies in the band."""
    band_low = -INFINITY if low is None else low
    band_high = INFINITY if high is None else high
    start, start_closed = (value.low, True) if value.low > band_low else (band_low, low_closed)
    end, end_closed = (value.high, True) if value.high < band_high else (band_high, high_closed)
    if not value.integral:
        return start < end or (start == end and start_closed and end_closed)
    if not start.is_finite() or not end.is_finite():
        return start < end
    first = math.ceil(start) + (1 if not start_closed and start == math.ceil(start) else 0)
    last = math.floor(end) - (1 if not end_closed and end == math.floor(end) else 0)
    return first <= last


def _variants(indicator_set: IndicatorSet, at: RuleAt, locator: Locator) -> Iterator[LintWarning]:
    params: Any = at.rule.params
    spec = indicator_set.facts.get(params.by)
    if spec is None or spec.values is None:
        return
    aliases = dict(spec.aliases)
    for choice in params.rules:
        if choice not in spec.values:  # a word a form writes for a value: the rule is keyed by the value (QA267 F5)
            hint = ALIAS_VARIANT_HINT.format(variant=choice, value=aliases[choice], key=aliases[choice]) if choice in aliases \
                else UNREACHABLE_VARIANT_HINT
            yield locator.warning("unreachable-variant", (*at.path, "rules", choice), UNREACHABLE_VARIANT,
                                  {"variant": choice, "fact": params.by, "values": ", ".join(spec.values)},
                                  hint, indicator=at.indicator, fact=params.by)
    for value in spec.values:
        if value not in params.rules:  # a declared value a project may give: scoring it fails
            yield locator.warning("missing-variant", (*at.path, "rules"), MISSING_VARIANT,
                                  {"fact": params.by, "value": value, "names": ", ".join(params.rules)},
                                  MISSING_VARIANT_HINT, indicator=at.indicator, fact=params.by, key=True)
