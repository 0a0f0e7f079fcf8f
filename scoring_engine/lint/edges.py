"""A band edge the 评分标准 puts on one side and ``boundary`` on the other: "95%以上（不含95%）" with bands left
``min_inclusive``.

A value exactly at a bound two bands share belongs to one of them: the upper by
default (``boundary: min_inclusive``), the lower with ``max_inclusive``. The
standard says which with words: 含/不含, 及以上/及以下, ≥/≤, 低于/超过. Only
these explicit words are read (a bare 以上 or 以下 says nothing of its own
number), and a bound is named only when everything the standard says of it
agrees and the rule puts it on the other side.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .._arith import percent, plain
from .._intervals import MIN_INCLUSIVE
from .found import LintWarning, Locator, RuleAt
from .._patterns import compile_later

__all__ = ["BAND_EDGE", "band_edges"]

BAND_EDGE = ("the 评分标准 puts {bound} in the band {side} it ('{quote}'), but boundary: {boundary} puts it in the band "
             "{other} it")
BAND_EDGE_HINT = "write boundary: {wanted} in the rule"
BAND_EDGE_MIXED = ("the 评分标准 puts {above} in the band above it ('{quote_above}') and {below} in the band below it "
                   "('{quote_below}'): one boundary cannot say both")
BAND_EDGE_MIXED_HINT = 'score it with a formula that says each bound: kind: formula, score: "{formula}"'

_N = r"(?<![\d.])(?P<n>\d{1,15}(?:\.\d{1,15})?)(?P<pct>%)?"
_SAME = r"(?:\d{1,15}(?:\.\d{1,15})?%?)?"  # the number repeated inside the brackets: （含95%）
_IN = r"[（(]含" + _SAME + r"[）)]"
_OUT = r"[（(]不含" + _SAME + r"[）)]"
_TO = r"\s*+(?:[–—~～\-至]|到)\s*+"
# Where the standard puts the number it names: with the values above it, or with those below.
_ABOVE = [compile_later(p) for p in (_N + r"(?:" + _IN + r")?\s*及以上", _N + r"\s*以上\s*" + _IN,
                                  _N + _IN + r"\s*(?:以上|" + _TO + ")", r"(?:≥|>=|不低于|不少于|大于等于)\s*" + _N,
                                  r"(?:低于|小于(?!等于)|不足|未达到|<|＜)\s*" + _N,
                                  _N + r"\s*以下\s*" + _OUT, _N + _OUT + r"\s*以下")]
_BELOW = [compile_later(p) for p in (_N + r"(?:" + _IN + r")?\s*及以下", _N + r"\s*以下\s*" + _IN, _N + _IN + r"\s*以下",
                                  # (from a run of spaces' first only: found from each, 16,000 took 21 s: QA299 F5)
                                  r"(?<!\s)" + _TO + _N + _IN, r"(?:≤|<=|不超过|不高于|小于等于)\s*" + _N,
                                  r"(?:超过|高于|大于(?!等于)|>|＞)\s*" + _N, _N + r"\s*以上\s*" + _OUT, _N + _OUT + r"\s*以上")]


def band_edges(rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each bands rule whose standard puts a shared bound on the other side from its boundary."""
    for at in rules:
        if at.rule.kind != "bands" or not at.standard:
            continue
        params: Any = at.rule.params
        lows = {b.range.low for b in params.bands if b.range.low is not None}
        highs = {b.range.high for b in params.bands if b.range.high is not None}
        shared = lows & highs
        shown_as_percent = params.display == "percent"
        said = _said(at.standard, lows | highs, shown_as_percent)
        rule_above = params.boundary == MIN_INCLUSIVE
        stated = {bound: sides.pop() for bound in shared if len(sides := {a for v, a, _ in said if v == bound}) == 1}
        if len(set(stated.values())) == 2:  # 95%（不含） above, 90%（含） below: flipping boundary only moves the slip
            yield _mixed(at, said, stated, shown_as_percent, locator)
            continue
        for bound in sorted(shared, reverse=True):
            sides = {above for value, above, _ in said if value == bound}
            if len(sides) != 1 or sides == {rule_above}:
                continue
            quote = next(q for value, above, q in said if value == bound)
            show = percent if shown_as_percent or "%" in quote else plain
            yield locator.warning("band-edge", (*at.path, "boundary") if "boundary" in at.rule.spec else (*at.path, "bands"),
                                  BAND_EDGE, {"bound": show(bound), "side": "below" if rule_above else "above",
                                              "quote": quote, "boundary": params.boundary,
                                              "other": "above" if rule_above else "below",
                                              "wanted": "max_inclusive" if rule_above else "min_inclusive"},
                                  BAND_EDGE_HINT, indicator=at.indicator)
            break  # one boundary per rule: the first bound says it


def _mixed(at: RuleAt, said: list[tuple[Decimal, bool, str]], stated: dict[Decimal, bool], ratios: bool,
           locator: Locator) -> LintWarning:
    """The standard puts one shared bound with the band above it and another with the band below (QA55 F3)."""
    above, below = (max(b for b, side in stated.items() if side is wanted) for wanted in (True, False))
    quote = {bound: next(q for v, a, q in said if v == bound and a is stated[bound]) for bound in (above, below)}
    show = percent if ratios or "%" in quote[above] else plain
    return locator.warning("band-edge", (*at.path, "bands"), BAND_EDGE_MIXED,
                           {"above": show(above), "quote_above": quote[above], "below": show(below),
                            "quote_below": quote[below], "formula": _formula(at, stated)}, BAND_EDGE_MIXED_HINT,
                           indicator=at.indicator)


def _formula(at: RuleAt, stated: dict[Decimal, bool]) -> str:
    """The bands as one formula, each bound on the side the standard (else the boundary) puts it: 10 if r > 0.95 else 8
    if r >= 0.9 else 0; points of a row's weight (shares without a weight) are written as shares."""
    params: Any = at.rule.params
    value = params.value.text
    bands = sorted(params.bands, key=lambda b: b.range.low if b.range.low is not None else Decimal("-Infinity"), reverse=True)
    parts = []
    for band in bands:
        points = plain(band.amount.of(at.weight)) if at.weight is not None else plain(band.amount.of(Decimal(1)))
        low = band.range.low
        if low is None:
            parts.append(points)
            break
        inclusive = stated.get(low, params.boundary == MIN_INCLUSIVE)
        parts.append(f"{points} if {value} {'>=' if inclusive else '>'} {plain(low)} else")
    return " ".join(parts) if parts and not parts[-1].endswith(" else") else " ".join(parts) + " 0"


def _said(text: str, bounds: set[Decimal], ratios: bool) -> list[tuple[Decimal, bool, str]]:
    """(number, whether the text puts it with the values above it, the words) for each explicit statement. A percentage
    ("95%") is the ratio 0.95 where the rule shows ratios as percentages, or where 0.95 is one of its `bounds` and 95 is
    not (bands of a ratio whose reasons print it as a number)."""
    found = []
    for patterns, above in ((_ABOVE, True), (_BELOW, False)):
        for pattern in patterns:
            for m in pattern.finditer(text):
                number = Decimal(m.group("n"))
                if m.group("pct") and (ratios or (number / 100 in bounds and number not in bounds)):
                    number /= 100
                found.append((number, above, m.group(0).strip()))
    return found
