"""Lists of numbers on a scale of 10 or more (专家评分（百分制）) typed as shares of 1: 0.95 where 95 was meant.

Scored as written, 0.95 of 100 takes nearly nothing (QA284 F3: 79.73 fell to 75.39 in silence), so the engine warns of
such a list, in a facts file or on a form alike (forms/cells places the warning on its cell).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ._arith import plain
from ._not_applicable import read_by_none
from .model import IndicatorSet
from .result import ScoreWarning

__all__ = ["shares_warnings"]


def shares_warnings(indicator_set: IndicatorSet, scaled: tuple[tuple[str, Decimal], ...], checked: Mapping[str, Any],
                    not_applicable: Mapping[str, object]) -> Iterator[ScoreWarning]:
    """A warning for each list of `scaled` (fact, the highest number it takes) whose numbers are all 1 or less, and not
    all 0, unless every indicator that reads it is marked not applicable: it scores nothing then (QA288 F7)."""
    for name, scale in scaled:
        numbers = checked.get(name)
        if not isinstance(numbers, tuple | list) or not numbers or not all(0 <= n <= 1 for n in numbers) or not any(numbers):
            continue
        if read_by_none(indicator_set, name, not_applicable):
            continue
        yield _as_shares(name, indicator_set.facts[name].label, numbers, scale)


def _as_shares(name: str, label: str | None, numbers: list[Decimal] | tuple[Decimal, ...], scale: Decimal) -> ScoreWarning:
    """The warning for a list of numbers on a scale of `scale` that are all shares of 1 (0.95, 0.9: 95 and 90 meant?)."""
    shown = "、".join(plain(n) for n in numbers[:3]) + ("、…" if len(numbers) > 3 else "")
    example = next(n for n in numbers if n)  # 0.95 for 95, never 0 for 0 (QA288 F7)
    return ScoreWarning("scale", f"every number of {label or name} ({shown}) is 1 or less, where its numbers go up to "
                                 f"{plain(scale)}; they are scored as written (if they are shares, write them on the "
                                 f"scale: {plain(example * scale)} for {plain(example)})", fact=name,
                        named=True)  # by its label: never its id before the file and cell it is placed on (QA288 F7)
