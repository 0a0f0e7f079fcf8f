"""Ranges of values (bands, grades, tiers): checking them for gaps and overlaps, finding a value's range."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

MIN_INCLUSIVE = "min_inclusive"  # [min, max): 90 belongs to 90–95, 95 to the next band up
MAX_INCLUSIVE = "max_inclusive"  # (min, max]: 95 belongs to 90–95


class Interval(NamedTuple):
    """A range of values; None means unbounded on that side."""

    low: Decimal | None
    high: Decimal | None

    def contains(self, value: Decimal, boundary: str = MIN_INCLUSIVE) -> bool:
        if boundary == MIN_INCLUSIVE:
            return (self.low is None or value >= self.low) and (self.high is None or value < self.high)
        return (self.low is None or value > self.low) and (self.high is None or value <= self.high)

    def text(self, show: Callable[[Decimal], str] = str, boundary: str = MIN_INCLUSIVE,
             closed: bool | tuple[bool, bool] = False) -> str:
        """'90% ≤ x < 95%' style text for reasons and reports; `closed` includes both ends, or (low, high) the ends given."""
        lower, upper = ("≤", "<") if boundary == MIN_INCLUSIVE else ("<", "≤")
        low_closed, high_closed = closed if isinstance(closed, tuple) else (closed, closed)
        lower, upper = "≤" if low_closed else lower, "≤" if high_closed else upper
        if self.low is None and self.high is None:
            return "任意值"
        if self.low is None:
            return f"x {upper} {show(self.high)}"  # type: ignore[arg-type]
        if self.high is None:
            return f"x {'≥' if lower == '≤' else '>'} {show(self.low)}"
        return f"{show(self.low)} {lower} x {upper} {show(self.high)}"


def gaps_and_overlaps(intervals: Sequence[Interval], show: Callable[[Decimal], str] = str) -> list[tuple[int, str]]:
    """(index, message) for every range that is empty; where none is, for every range that overlaps its neighbour, and
    every gap, said at the range whose written max stops short of the one above it (`max: 88` under a min of 90: the
    typo is there, not on the range above it, QA309 6)."""
    problems: list[tuple[int, str]] = []
    for i, iv in enumerate(intervals):
        if iv.low is not None and iv.high is not None and iv.low >= iv.high:
            problems.append((i, f"range min {show(iv.low)} is not below its max {show(iv.high)}"))
    if problems:  # min and max swapped: the gaps and overlaps it makes go once they are put right (QA67 F5)
        return problems
    order = sorted(range(len(intervals)), key=lambda i: (intervals[i].low is not None, intervals[i].low or 0))
    for before, after in pairwise(order):
        a, b = intervals[before], intervals[after]
        if b.low is None or a.low == b.low:
            problems.append((after,
                             f"overlaps another range starting at {show(a.low) if a.low is not None else 'the lowest value'}"))
        elif a.high is None:  # a range with neither min nor max covers everything
            start = show(a.low) if a.low is not None else "the lowest value"
            problems.append((after, f"overlaps the range starting at {start}, which has no max"))
        elif a.high > b.low:
            problems.append((before, f"max {show(a.high)} overlaps the range above it, which starts at {show(b.low)}"))
        elif a.high < b.low:
            problems.append((before, f"gap: no range covers values from {show(a.high)} to {show(b.low)}"))
    return problems
