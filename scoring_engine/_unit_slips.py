"""What is said of a target row whose target and actual give two units, by how the two differ: a figure written as
not exact (5200余人 beside ≥5000人), words typed after the unit (2起投诉 beside ≤5起), or money in two units (120000元
beside ≥10万元), each with the fix it needs; any other pair as before (QA331 F8: 单位不一致：人 / 余人)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ._arith import plain

__all__ = ["example", "units_disagree"]

#: Money's units, in 元.
_MONEY = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "百万元": Decimal(1000000),
          "千万元": Decimal(10000000), "亿元": Decimal(100000000)}
#: What makes a figure not exact, before or after its unit: 5200余人, 5200多人, 5200人左右, 5200人以上.
_NOT_EXACT = ("余", "多", "左右", "以上", "上下", "许")


def units_disagree(written: Sequence[str]) -> tuple[str, str]:
    """The message and the fix for a row whose units `written` (as typed, first the unit column's or the target's)
    disagree.

    >>> units_disagree(["人", "余人"])[1]
    '余人 is 人 with 余, a figure not exact: write the figure reached in 人, without 余'
    >>> units_disagree(["起", "起投诉"])[1]
    'write the unit alone, 起, and 投诉 in the row’s name'
    >>> units_disagree(["万元", "元"])[1]
    'write the target and the actual in the same unit (1 元 is 0.0001 万元)'
    >>> units_disagree(["个", "栋"])
    ('units disagree: 个 / 栋', 'write the target and the actual in the same unit')
    """
    units = list(dict.fromkeys(written))
    said = f"units disagree: {' / '.join(units)}"
    if len(units) != 2:
        return said, "write the target and the actual in the same unit"
    first, second = units
    for one, other in ((first, second), (second, first)):
        word = next((w for w in _NOT_EXACT if other in (w + one, one + w)), None)
        if word is not None:
            return said, f"{other} is {one} with {word}, a figure not exact: write the figure reached in {one}, without {word}"
    for one, other in ((first, second), (second, first)):
        if other.startswith(one) and len(other) > len(one) and one not in _MONEY:
            return said, f"write the unit alone, {one}, and {other[len(one):]} in the row’s name"
    if first in _MONEY and second in _MONEY:
        return said, (f"write the target and the actual in the same unit (1 {second} is "
                      f"{plain(_MONEY[second] / _MONEY[first])} {first})")
    return said, "write the target and the actual in the same unit"


def example(target: Any) -> str:
    """The figure a row's actual is shown as, in the target's unit: a percentage as 90% (a fraction kept), 5000人.

    >>> from types import SimpleNamespace as Q
    >>> example(Q(value=Decimal("0.9"), unit="%")), example(Q(value=Decimal(5000), unit="人")), example(Q(value=3, unit=None))
    ('90%', '5000人', '3')
    """
    value = target.value * 100 if target.unit == "%" else target.value
    return f"{plain(Decimal(value))}{target.unit or ''}"
