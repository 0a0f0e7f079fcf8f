"""Warnings of a fact's value as written, that the engine gives whatever rule reads it, unless every indicator reading it
is marked not applicable (its value scores nothing then: QA288 F7):

- a list of numbers on a scale of 10 or more (专家评分（百分制）) typed as shares of 1, 0.95 where 95 was meant: scored as
  written, 0.95 of 100 takes nearly nothing (QA284 F3: 79.73 fell to 75.39 in silence);
- a finding that may be several, written on one line (未附发票。坐支现金。: _one_line_findings): counted as one (QA294).

Either is said in a facts file or on a form alike (forms/cells places it on its cell).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ._arith import plain
from ._not_applicable import read_by_none
from ._one_line_findings import CLAUSE, faults_on_one_line
from ._text import cut, listing
from .model import IndicatorSet
from .result import ScoreWarning
from ._patterns import compile_later

__all__ = ["one_line_warnings", "shares_warnings"]

_LISTED = 5  # the findings a warning lists at most
_PARTED = compile_later("[。，,;；．、]")  # a mark that may part a line into findings (NFKC's forms too)


def one_line_warnings(indicator_set: IndicatorSet, lists: tuple[str, ...], checked: Mapping[str, Any],
                      not_applicable: Mapping[str, object]) -> Iterator[ScoreWarning]:
    """A warning for each finding of the findings facts `lists` that seems to hold several on one line, unless every
    indicator reading the fact is marked not applicable."""
    for name in lists:
        for finding in checked.get(name) or ():
            text = getattr(finding, "text", "")
            if _PARTED.search(text) is None:  # the usual finding, of one clause: told at once (a batch asks millions)
                continue
            found = faults_on_one_line(text)
            if not found or read_by_none(indicator_set, name, not_applicable):
                continue
            # the first few (a paragraph may hold dozens), an amount's thousands kept: 1,000元
            heads = [CLAUSE.sub("，", head) for head in found[:_LISTED]] + (["…"] if len(found) > _LISTED else [])
            label = indicator_set.facts[name].label or name
            quoted = "'" + cut(finding.text).replace("'", "’") + "'"
            yield ScoreWarning("one_line", listing(
                f"the finding {quoted} of {label} may be {len(found)} findings on one line ({', '.join(heads)}); it is "
                "counted as one (if they are several, write each on a line of its own, or as an item of its own in a "
                "facts file)", heads), fact=name, named=True)


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
