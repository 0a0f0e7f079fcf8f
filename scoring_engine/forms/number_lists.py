"""A list of numbers typed in one cell of the side sheet (expert scores): one a line, or parted by commas.

Scores typed as percentages (95%⏎90%) are refused with the numbers to write (QA277 F4). Scores that are all shares of 1
where the fact's scores go up to 100 (0.95⏎0.9⏎0.85, as a cell formatted as a percentage keeps 95%) are warned of by
the engine, on a form or in a facts file alike (_fact_warnings), and said here of their cell (forms/cells).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any, Final

from .._arith import plain
from ..errors import Problem
from .reading import FormReading
from .._patterns import compile_later

__all__ = ["REFUSED", "numbers_typed"]

#: what numbers_typed gives for a cell it refused (the problem said)
REFUSED: Final = object()

_NUMBER = compile_later(r"[-+]?(\d{1,15}(\.\d{1,15})?|\.\d{1,15})")  # as a facts file writes one, at most 15 digits each side
_PERCENT = compile_later(r"(\d{1,3}(\.\d{1,6})?)\s*%")  # 95 % too (QA279 F8)
_CHINESE_COMMAS = compile_later("[，、；]")
#: a number written with thousands commas (1,234.5): one number; any other ASCII commas part numbers (95,90,85: QA288 F9)
_THOUSANDS = compile_later(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")


def numbers_typed(reading: FormReading, cell: str, value: Any, fact: str) -> list[Decimal] | object | None:
    """A list of numbers typed one a line, or parted by Chinese commas (88，91.5，79 or 88、91.5: QA271 F6), or one number
    alone, as the list; REFUSED for percentages, said at `cell`; None for anything else (JSON text, which is read as
    such, or what the JSON reading or the facts check words). ASCII commas part them too (95,90,85), but in a
    number written with thousands commas (1,234)."""
    if isinstance(value, Decimal):
        return [value]
    if not isinstance(value, str):
        return None
    parted = _CHINESE_COMMAS.sub("\n", value)  # before NFKC, which makes ， the ASCII comma
    # 85,100 is two scores where no number of a thousand or more is taken (QA295 F4)
    grouped = _scale(reading, fact) >= 1000
    lines = [part.strip() for line in unicodedata.normalize("NFKC", parted).splitlines()
             for part in (line.split(",") if "," in line and not (grouped and _THOUSANDS.fullmatch(line.strip())) else [line])
             if part.strip()]
    if lines and all(_NUMBER.fullmatch(line) for line in lines):
        return [Decimal(line) for line in lines]
    if lines and all(_PERCENT.fullmatch(line) or _NUMBER.fullmatch(line) for line in lines):
        scale = _scale(reading, fact)
        meant = [Decimal(found[1]) / 100 * (scale if scale > 1 else 1) if (found := _PERCENT.fullmatch(line))
                 else Decimal(line) for line in lines]
        typed = [line for line in lines if _PERCENT.fullmatch(line)]  # not the numbers written as such (QA288 F9)
        reading.problems.append(Problem(f"{cell}: the numbers are typed as percentages ({_shown(typed)})",
                                        file=str(reading.path),
                                        hint=f"write them as numbers, one a line ({_shown([plain(m) for m in meant])})"))
        return REFUSED
    if len(lines) > 1 and not lines[0].startswith(("[", "{")):  # one a line, one of them no number (QA284 F4: told JSON)
        at, line = next((i, line) for i, line in enumerate(lines, 1) if not _NUMBER.fullmatch(line)
                        and not _PERCENT.fullmatch(line))
        said = "line" if "\n" in value.strip() else "number"  # 95，90，八十五 typed on one line: its third number
        reading.problems.append(Problem(f"{cell}: {said} {at} {_quoted(line)} is not a number", file=str(reading.path),
                                        hint="write each number alone, one a line, such as 95 (no 分 or words)"))
        return REFUSED
    return None


def _quoted(line: str) -> str:
    return "'" + (line if len(line) <= 30 else line[:30] + "…").replace("'", "’") + "'"


def _scale(reading: FormReading, fact: str) -> Decimal:
    """The highest number the fact takes (100 for 百分制 scores), 1 when it declares none."""
    spec = reading.set.facts.get(fact)
    return spec.max if spec is not None and spec.max is not None else Decimal(1)


def _shown(items: list[str]) -> str:
    """The first few of a cell's numbers, as a message lists them."""
    return "、".join(items[:3]) + ("、…" if len(items) > 3 else "")
