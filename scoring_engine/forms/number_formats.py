"""The number a cell's number format shows, where it is not the number the cell holds: a format that scales it.

A comma after a format's last digit placeholder shows the number in thousands (`0,"人"` shows 4800000 as 4800人,
`#,##0,,` in millions), and a point written as text among its digits (`0!.0` or `0\\.0`, no decimal point) shows it
divided by ten for each digit after that point (`0!.0,"万"` shows 12345678 as 1234.6万). The clerk reads and means the
number shown: it is read so, exactly (1234.5678, not the 1234.6 rounded for display). A format whose scaling cannot be
told for certain (a percentage scaled too, a section chosen by a condition, a literal point beside a decimal point, a
comma neither between digits nor at their end) is refused on its cell: the clerk is to type the figure in a General
cell.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

__all__ = ["TYPE_AS_SHOWN", "scaled_number", "scaling"]

_DIGITS = "0#?"  # a format's digit placeholders
_LONGEST_FORMAT = 255  # Excel's longest number format: a longer one is forged, and scales nothing here


def scaled_number(value: Decimal, number_format: Any) -> Decimal | str:
    """The number `value` shows in a cell of `number_format`, exactly; the reason it cannot be told when it cannot.

    >>> scaled_number(Decimal(4800000), '0,"人"'), scaled_number(Decimal(12345678), '0!.0,"万"')
    (Decimal('4800'), Decimal('1234.5678'))
    >>> scaled_number(Decimal(4800000), '#,##0'), scaled_number(Decimal(-2500000), '0,;(0,,)')
    (Decimal('4800000'), Decimal('-2.5'))
    """
    shift = scaling(number_format, "-" if value < 0 else "0" if value == 0 else "+")
    if isinstance(shift, str):
        return shift
    if not shift:
        return value
    shown = value.scaleb(-shift)
    if shown == shown.to_integral_value():
        return shown.quantize(Decimal(1)) if shown.adjusted() < 28 else shown
    return shown.normalize()


@functools.lru_cache(maxsize=256)  # a sheet's number cells share a few formats
def scaling(number_format: Any, sign: str = "+") -> int | str:
    """The power of ten a format divides a number of `sign` ('+', '-', '0') by to show it (3 for a comma at its end), or
    the reason it cannot be told ('a percentage, fraction or exponent format that also scales')."""
    if not isinstance(number_format, str) or len(number_format) > _LONGEST_FORMAT:
        return 0
    sections = [_tokens(s) for s in _sections(number_format)]
    shifts = [_section_shift(tokens) for tokens, _ in sections]
    if any(isinstance(s, str) for s in shifts):
        return next(s for s in shifts if isinstance(s, str))
    if any(conditional for _, conditional in sections) and any(shifts):
        return "a condition in square brackets choosing the section"
    at = {"+": 0, "-": 1, "0": 2}[sign]
    return shifts[at] if at < len(shifts) else shifts[0]


def _sections(text: str) -> list[str]:
    """The format's sections, split at each ; outside quotes, brackets and escapes."""
    found, start, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            i = len(text) if end < 0 else end + 1
            continue
        if ch in "\\!_*":
            i += 2
            continue
        if ch == "[":
            end = text.find("]", i)
            i = len(text) if end < 0 else end + 1
            continue
        if ch == ";":
            found.append(text[start:i])
            start = i + 1
        i += 1
    return [*found, text[start:]]


def _tokens(section: str) -> tuple[list[tuple[bool, str]], bool]:
    """A section's codes and literal texts in order, (literal?, text), and whether a condition ([>100]) chooses it."""
    parts: list[tuple[bool, str]] = []
    conditional, i = False, 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            parts.extend((True, c) for c in section[i + 1:end])
            i = end + 1
        elif ch in "\\!" and i + 1 < len(section):
            parts.append((True, section[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(section):
            i += 2
        elif ch == "[":
            end = section.find("]", i)
            conditional = conditional or section[i + 1:i + 2] in ("<", ">", "=")
            i = len(section) if end < 0 else end + 1
        else:
            parts.append((ch not in _DIGITS + ".,%/Ee", ch))
            i += 1
    return parts, conditional


def _section_shift(parts: list[tuple[bool, str]]) -> int | str:
    """The power of ten one section divides its number by, or why it cannot be told."""
    digits = [k for k, (literal, ch) in enumerate(parts) if not literal and ch in _DIGITS]
    if not digits:
        return 0
    first, last = digits[0], digits[-1]
    codes = {ch for literal, ch in parts if not literal}
    point = next((k for k, (literal, ch) in enumerate(parts) if not literal and ch == "."), None)
    literal_points = [k for k in range(first + 1, last) if parts[k] == (True, ".")]
    trailing = 0
    while last + 1 + trailing < len(parts) and parts[last + 1 + trailing] == (False, ","):
        trailing += 1
    for k, (literal, ch) in enumerate(parts):
        if literal or ch != "," or last < k <= last + trailing:
            continue
        if not (first < k < last and (point is None or k < point)):
            return "a comma neither between its digits nor right after them"
    shift = 3 * trailing
    if literal_points:
        if point is not None or len(literal_points) > 1:
            return "a point typed as text beside its decimal point"
        shift += sum(1 for k in digits if k > literal_points[0])
    if shift and codes & {"%", "/", "E", "e"}:
        return "a percentage, fraction or exponent format that also scales"
    return shift


#: The fix for a number whose format scales it in a way that is not read.
TYPE_AS_SHOWN = "set the cell's format to General (常规) and type the figure as it is meant"
