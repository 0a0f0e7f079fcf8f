"""The number a cell's number format shows, where it is not the number the cell holds: a format that scales it.

A comma after a format's last digit placeholder shows the number in thousands (`0,"人"` shows 4800000 as 4800人,
`#,##0,,` in millions), and a point written as text among its digits (`0!.0` or `0\\.0`, no decimal point) shows it
divided by ten for each digit after that point (`0!.0,"万"` shows 12345678 as 1234.6万). The clerk reads and means the
number shown: it is read so, exactly (1234.5678, not the 1234.6 rounded for display). A format with conditions
(`[>9999]0!.0,"万";0`) shows a number by the section Excel chooses for it; several points typed as text (`0000"."00"."00`)
show a date, and scale nothing. A format whose scaling cannot be told for certain (a percentage scaled too, conditions
that leave the section unknown, a literal point beside a decimal point, a comma neither between digits nor at their
end) is refused on a cell a figure is read from (forms/reader): the clerk is to type the figure in a General cell.
"""

from __future__ import annotations

import functools
import operator
from decimal import Decimal
from typing import Any
from .._patterns import compile_later

__all__ = ["TYPE_AS_SHOWN", "Piece", "format_sections", "scaled_number", "scaling"]

_DIGITS = "0#?"  # a format's digit placeholders
_LONGEST_FORMAT = 255  # Excel's longest number format: a longer one is forged, and scales nothing here


def scaled_number(value: Decimal, number_format: Any) -> Decimal | str:
    """The number `value` shows in a cell of `number_format`, exactly; the reason it cannot be told when it cannot. The
    section that shows it is the one Excel takes: by the sign, or by the conditions in square brackets (`[>9999]`).

    >>> scaled_number(Decimal(4800000), '0,"人"'), scaled_number(Decimal(12345678), '0!.0,"万"')
    (Decimal('4800'), Decimal('1234.5678'))
    >>> scaled_number(Decimal(4800000), '#,##0'), scaled_number(Decimal(-2500000), '0,;(0,,)')
    (Decimal('4800000'), Decimal('-2.5'))
    >>> scaled_number(Decimal(123456), '[>9999]0!.0,"万";0'), scaled_number(Decimal(5000), '[>9999]0!.0,"万";0')
    (Decimal('12.3456'), Decimal('5000'))
    """
    sections = _parsed(number_format)
    at = _chosen(sections, value)
    if at is None:  # which section shows it cannot be told: refused only when one of them scales
        shifts = [shift for shift, _ in sections]
        shift: int | str = next((s for s in shifts if isinstance(s, str)), _CHOSEN if any(shifts) else 0)
    else:
        shift = sections[at][0]
    if isinstance(shift, str):
        return shift
    if not shift:
        return value
    shown = value.scaleb(-shift)
    if shown == shown.to_integral_value():
        return shown.quantize(Decimal(1)) if shown.adjusted() < 28 else shown
    return shown.normalize()


def scaling(number_format: Any, sign: str = "+") -> int | str:
    """The power of ten a format divides a number of `sign` ('+', '-', '0') by to show it (3 for a comma at its end), or
    the reason it cannot be told ('a percentage, fraction or exponent format that also scales'); a format whose
    conditions choose the section scales by the value (`scaled_number`), not told here when any section scales."""
    sections = _parsed(number_format)
    shifts = [shift for shift, _ in sections]
    if any(isinstance(s, str) for s in shifts):
        return next(s for s in shifts if isinstance(s, str))
    if any(condition is not None for _, condition in sections) and any(shifts):
        return _CHOSEN
    at = {"+": 0, "-": 1, "0": 2}[sign]
    return shifts[at] if at < len(shifts) else shifts[0]


_CHOSEN = "a condition in square brackets choosing the section"
_Condition = tuple[str, Decimal] | str  # [>9999] as ('>', 9999); a condition not read, as its text
_TESTS = {"<": operator.lt, ">": operator.gt, "=": operator.eq, "<=": operator.le, ">=": operator.ge, "<>": operator.ne}
_CONDITION = compile_later(r"(<>|[<>]=?|=)\s*(-?\d+(?:\.\d+)?)\s*")


@functools.lru_cache(maxsize=256)  # a sheet's number cells share a few formats
def _parsed(number_format: Any) -> tuple[tuple[int | str, _Condition | None], ...]:
    """Each section's shift (or why it cannot be told) and its condition, if any; none for a format that is no text, or
    longer than any Excel writes."""
    if not isinstance(number_format, str) or len(number_format) > _LONGEST_FORMAT:
        return ()
    return tuple((_section_shift(parts), condition) for parts, condition in map(_tokens, format_sections(number_format)))


def _chosen(sections: tuple[tuple[int | str, _Condition | None], ...], value: Decimal) -> int | None:
    """The section that shows `value`, as Excel chooses it; None when that cannot be told for certain. Without
    conditions: a negative number by the second section, zero by the third, when there are. With them: the first section
    when its condition holds; else the second, unless it has a condition that does not hold, when it is the third,
    which has none. A condition not read, or a first section without one, tells nothing."""
    if not sections:
        return None
    conditions = [condition for _, condition in sections]
    if not any(c is not None for c in conditions):
        at = 1 if value < 0 else 2 if value == 0 else 0
        return at if at < len(sections) else 0
    if any(isinstance(c, str) for c in conditions) or conditions[0] is None:
        return None
    for at, condition in enumerate(conditions[:2]):
        if condition is None:  # the one section after the conditions takes the rest: [>9999]0,"万";0
            return at if at == len(sections) - 1 else None
        if not isinstance(condition, str) and _TESTS[condition[0]](value, condition[1]):
            return at
    return 2 if len(sections) > 2 and conditions[2] is None else None


#: One piece of a number format: ("text", t) quoted or escaped, ("bracket", t) for [t] ([Red], [>100], [$-804]), or
#: ("code", c) for any other character.
Piece = tuple[str, str]


def format_sections(text: str) -> list[list[Piece]]:
    """A number format's sections, split at each ; that is no text, each as its pieces in order; a _x spacer or a *x
    fill is no piece. What both readers of a format go by: the scale it shows a number at (here) and the unit it shows
    beside it (forms.workbook)."""
    sections: list[list[Piece]] = [[]]
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            end = len(text) if end < 0 else end
            sections[-1].append(("text", text[i + 1:end]))
            i = end + 1
        elif ch in "\\!" and i + 1 < len(text):
            sections[-1].append(("text", text[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(text):
            i += 2
        elif ch == "[":
            end = text.find("]", i)
            end = len(text) if end < 0 else end
            sections[-1].append(("bracket", text[i + 1:end]))
            i = end + 1
        elif ch == ";":
            sections.append([])
            i += 1
        else:
            sections[-1].append(("code", ch))
            i += 1
    return sections


def _tokens(section: list[Piece]) -> tuple[list[tuple[bool, str]], _Condition | None]:
    """A section's codes and literal texts in order, (literal?, text), and the condition ([>100]) choosing it, if any."""
    parts: list[tuple[bool, str]] = []
    condition: _Condition | None = None
    for kind, text in section:
        if kind == "text":
            parts.extend((True, c) for c in text)
        elif kind == "bracket":
            if text[:1] in ("<", ">", "="):
                found = _CONDITION.fullmatch(text)
                condition = text if found is None or condition is not None else (found[1], Decimal(found[2]))
        else:
            parts.append((text not in _DIGITS + ".,%/Ee", text))
    return parts, condition


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
    if len(literal_points) > 1 and point is None:  # 0000"."00"."00 shows 20240301 as 2024.03.01: a date, as typed
        literal_points = []
    if literal_points:
        if point is not None:
            return "a point typed as text beside its decimal point"
        shift += sum(1 for k in digits if k > literal_points[0])
    if shift and codes & {"%", "/", "E", "e"}:
        return "a percentage, fraction or exponent format that also scales"
    return shift


#: The fix for a number whose format scales it in a way that is not read.
TYPE_AS_SHOWN = "set the cell's format to General (常规) and type the figure as it is meant"
