"""Rule kind ``bands``: ordered ranges of a value, each worth points or a share of the weight."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, percent, plain, to_decimal_or_none
from .._display import share_written, show_written
from .._intervals import MIN_INCLUSIVE, Interval, gaps_and_overlaps
from ..errors import ScoringError
from ..formulas import Formula
from ._base import (Amount, FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template, amount, amount_of, reads,
                    shower, shown_later, unambiguous)


#: A band of one value (执行完毕 at exactly 100%) is no range: the kind for it is equal, with the bands under otherwise.
ONE_VALUE_HINT = ("a band of one value is scored by kind: equal (target: that value), with the bands under its otherwise: "
                  "see 'A value scored apart' in docs/indicator-sets.md")


class Band(NamedTuple):
    range: Interval
    amount: Amount
    label: str | None = None


class Bands(NamedTuple):
    """Ordered ranges of a value, each worth points or a share of the weight."""

    value: Formula
    bands: tuple[Band, ...]
    boundary: str
    display: str
    rounding: Rounding = Rounding(2)  # the set's: the value in the reason at its precision
    # The lowest and the highest bound of the bands (None where a band is open to that side): closed whatever the boundary.
    outermost: tuple[Decimal | None, Decimal | None] = (None, None)

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Bands | None:
        value = b.formula("value", gives="number")
        display = spec.get("display", "number")
        bands = []
        for i, raw in enumerate(spec["bands"]):
            worth = amount(raw, b, "bands", i)
            if worth is not None and b.weight is not None and not ZERO <= worth.of(b.weight) <= b.weight:
                b.problem(f"band worth {plain(worth.of(b.weight))} points, outside 0..{plain(b.weight)} (the weight)", "bands", i,
                          hint=f"give the band {plain(b.weight)} points at most, or raise the indicator's weight")
            interval = Interval(to_decimal_or_none(raw.get("min")), to_decimal_or_none(raw.get("max")))
            bands.append(Band(interval, worth or amount_of(Fraction(0), False), raw.get("label")))
        ranges = [band.range for band in bands]
        for i, message in gaps_and_overlaps(ranges, _bounds_shower(display)):
            one_value = ranges[i].low is not None and ranges[i].low == ranges[i].high
            b.problem(f"band {message}", "bands", i, hint=ONE_VALUE_HINT if one_value else
                      "each band's max must equal the min of the band above it")
        if value is None:
            return None
        return cls(value, tuple(bands), spec.get("boundary", MIN_INCLUSIVE), display, b.rounding, _outermost(tuple(bands)))

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.value)


def _bounds_shower(display: str) -> Callable[[Decimal], str]:
    """Band bounds as the set writes them: percentages with two decimals, numbers exactly."""
    return percent if display == "percent" else plain


def _outermost(bands: tuple[Band, ...]) -> tuple[Decimal | None, Decimal | None]:
    """The lowest and the highest bound of the bands (None where a band is open to that side)."""
    lows = [b.range.low for b in bands]
    highs = [b.range.high for b in bands]
    bottom = min(low for low in lows if low is not None) if None not in lows else None
    top = max(high for high in highs if high is not None) if None not in highs else None
    return bottom, top


def score(rule: Bands, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    # The outermost bounds are closed whatever the boundary rule: a lowest band (0, 0.8] still holds 0.
    bottom, top = rule.outermost
    for band in rule.bands:
        # (a bound that is None is not compared: a Decimal compared with None asks the numbers ABCs, slowly)
        at_edge = ((bottom is not None and value == bottom == band.range.low)
                   or (top is not None and value == top == band.range.high))
        if band.range.contains(value, rule.boundary) or at_edge:
            return _matched(rule, band, at_edge, value, band.amount.of(weight))
    show = _bounds_shower(rule.display)
    # the outermost bounds are closed (a lowest band (0, 0.7] holds 0); the value keeps the decimals that tell it from a
    # bound (100.00001%, not '100.00% is in no band that covers ≤ 100.00%')
    covered = ", ".join(b.range.text(show, rule.boundary, closed=_edges(rule, b, value=None)) for b in rule.bands)
    bounds = tuple(bound for b in rule.bands for bound in (b.range.low, b.range.high))
    shown = unambiguous(value, rule.display, bounds, rule.rounding.places if rule.display != "percent" else 2)
    raise ScoringError(f"value {shown} falls in no band (bands cover {covered})", expression=rule.value.text,
                       hint=_outside_hint(rule, value))


def _outside_hint(rule: Bands, value: Decimal) -> str | None:
    """What lets a value below or above every band be scored, as lint says it (QA309 5); None for a value between bands."""
    bottom, top = rule.outermost
    if bottom is not None and value < bottom:
        return f"add a lowest band without min, e.g. {{max: {plain(bottom)}, points: 0}}"
    return "add a highest band without max" if top is not None and value > top else None


def _edges(rule: Bands, band: Band, value: Decimal | None) -> tuple[bool, bool]:
    """Which ends of `band` are closed beyond what `boundary` says: the lowest min and the highest max written (only
    where `value` is, when one is given)."""
    bottom, top = rule.outermost
    low, high = band.range.low, band.range.high
    return (low is not None and low == bottom and (value is None or value == low),
            high is not None and high == top and (value is None or value == high))


def _matched(rule: Bands, band: Band, at_edge: bool, value: Decimal, points: Decimal) -> Outcome:
    """The outcome of the band `value` falls in; its details and reason fields are made only when read."""
    details = LazyMapping(_details, rule, band, at_edge, value, points)
    return Outcome(points, "bands", shown_later((value,), _fields, rule, band, at_edge, value), details)


def _details(rule: Bands, band: Band, at_edge: bool, value: Decimal, points: Decimal) -> dict[str, Any]:
    return {"value": value, "band": {"min": band.range.low, "max": band.range.high, "points": points,
                                     "text": _text(rule, band, at_edge, value)}}


def _text(rule: Bands, band: Band, at_edge: bool, value: Decimal) -> str:
    """The matched band as a reason names it: its label, or its range."""
    closed = _edges(rule, band, value) if at_edge else False
    return band.label or band.range.text(_bounds_shower(rule.display), rule.boundary, closed=closed)


def _fields(rule: Bands, band: Band, at_edge: bool, value: Decimal) -> dict[str, object]:
    shown = unambiguous(value, rule.display, (band.range.low, band.range.high), rule.rounding.places)
    return {"value": shower(rule.display, rule.rounding.places)(value), "value_text": shown,
            "band": _text(rule, band, at_edge, value)}


TEMPLATES = {
    "bands": Template("{value_text}，处于{band}区间，得{score}分", ("value", "value_text", "band")),
}


def steps(s: Story) -> list[str]:
    lines = [s.value_line("value", "取值")]
    value, percents = s.details.get("value"), s.spec.get("display") == "percent"
    if percents and isinstance(value, Decimal):  # −0.001% is not 0.00%, a bound of another band (QA36 F2), as in the reason
        bounds = tuple(to_decimal_or_none(band.get(end)) for band in s.spec.get("bands", []) for end in ("min", "max"))
        shown, told = s.show(value), unambiguous(value, "percent", bounds, 2)
        if told != shown and lines[0].endswith(f" = {shown}"):
            lines[0] = lines[0][: -len(shown)] + told
    show: Callable[[Decimal], str] = percent if percents else plain
    boundary = s.spec.get("boundary", MIN_INCLUSIVE)
    matched = s.details.get("band") or {}
    lines.append("分档：")
    for band in s.spec.get("bands", []):
        low, high = to_decimal_or_none(band.get("min")), to_decimal_or_none(band.get("max"))
        text = band.get("label") or Interval(low, high).text(show, boundary)
        worth = f"{show_written(band['points'])}分" if "points" in band else f"分值的{share_written(band.get('share', 0))}"
        hit = low == matched.get("min") and high == matched.get("max")
        lines.append(f"  {'→' if hit else ' '} {text}：{worth}{'（命中）' if hit else ''}")
    if matched:
        lines.append(f"落在“{matched.get('text')}”档，得{plain(matched.get('points', 0))}分")
    return lines


KIND = RuleKind(name="bands", chinese_name="分档计分", params=Bands, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"value", "band"}),
                points=(("bands", "points"),), formulas=(("value",),))
