"""Grades written in an order their ``min`` contradicts: ``优 min 90`` then ``良 min 95``.

The set's grades may be written in any order (each covers from its ``min`` to
the next one above), so a typo in a ``min`` is not refused: 良 written below 优
with ``min: 95`` takes every total from 95 up, and 优 only 90 to 95. Grades
written from the highest down (or from the lowest up) with one out of place are
almost always such a typo; the grade whose ``min`` breaks the order is named.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from itertools import pairwise

from .._arith import plain
from .._located import Located
from .found import LintWarning, Locator

__all__ = ["GRADE_ORDER", "grade_order"]

GRADE_ORDER = ("grade {grade} (min {min}) is written after {other} (min {other_min}), out of the order of the others: "
               "a total of {high} is graded {top}")
GRADE_ORDER_HINT = "check the min of {grade} and {other}: grades are ordered by their min, not by where they are written"


def grade_order(located: Located | None, locator: Locator) -> Iterator[LintWarning]:
    """A warning for the first grade whose ``min`` breaks the order the others are written in."""
    written = located.data.get("grades") if located is not None and isinstance(located.data, Mapping) else None
    if not isinstance(written, list):
        return
    grades = [(i, g["label"], Decimal(g["min"])) for i, g in enumerate(written)
              if isinstance(g, Mapping) and isinstance(g.get("label"), str) and isinstance(g.get("min"), (int, Decimal))
              and not isinstance(g.get("min"), bool)]
    if len(grades) < 3 or grades[0][2] == grades[-1][2]:
        return  # two grades are in order either way
    falling = grades[0][2] > grades[-1][2]
    for (_, above_label, above_min), (i, label, low) in pairwise(grades):
        if (low > above_min) if falling else (low < above_min):
            top, high = (label, low) if low > above_min else (above_label, above_min)
            yield locator.warning("grade-order", ("grades", i, "min"), GRADE_ORDER,
                                  {"grade": label, "min": plain(low), "other": above_label, "other_min": plain(above_min),
                                   "high": plain(high), "top": top}, GRADE_ORDER_HINT)
            return
