"""Digits a space splits otherwise than into thousands (≥5 00人): a number written so is refused, not guessed."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ._text import quoted
from ._patterns import compile_later

__all__ = ["split_digits"]

# (spaces before the unit taken whole, as target_rows._QUANTITY's: QA299 F1)
_SPLIT = compile_later(r"(?P<sign>>=|<=|==|[≥≤≧≦=><])?\s*+(?P<number>[-+]?\d{1,3}(\s+\d+)+(\.\d+)?)\s*+(?P<unit>\D*)",
                       re.ASCII)


def split_digits(text: str, written: str, measured: bool = False, units: tuple[Any, ...] = ()) -> None:
    """ValueError for a number after a sign whose digits a space splits otherwise than into thousands (≥5 00人): which
    number was meant is a guess, and read as text it was a tier the row does not have (QA200 6). Without a sign the text
    is words, as a target judged by its tier writes them (1 2号楼主体完工, 6 7月完成主体: QA204 1), but where the row is
    `measured` (a number beside it, or a target it is the actual of) with no unit or one of the row's `units` after the
    digits: there it was said to make the row 定性 (QA206 3). Words after them (1 2号楼已完工 beside ≥2栋) are words there
    too, told what a measured row needs; made one number, 12号楼已完工, they were a unit the row has not (QA208 5)."""
    split = _SPLIT.fullmatch(written)
    tail = "".join(split.group("unit").split()) if split is not None else ""
    unit = not tail or any(isinstance(u, str) and "".join(unicodedata.normalize("NFKC", u).split()) == tail for u in units)
    if split is not None and (split.group("sign") or (measured and unit)):
        whole = "".join(split.group("number").split())
        raise ValueError(f"{quoted(text)}: the digits of {split.group('number')} are split by a space",
                         f"write the number without spaces, e.g. {split.group('sign') or ''}{whole}{split.group('unit')} "
                         "(a space is read only between groups of three digits: 5 000 is 5000)")
