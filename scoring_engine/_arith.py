"""Exact decimal arithmetic shared by formulas, rules and the engine.

Every number the engine handles is a `Decimal`; scoring runs inside
`scoring_context()` so that the caller's own decimal context (precision,
rounding, traps) can never change a score, and results are identical across
platforms and Python versions.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal

# 28 significant digits is far beyond any money amount or rate; the exponent
# bounds keep every intermediate value small, so no formula can build a giant.
CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999,
    Emax=999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

ZERO = Decimal(0)
ONE = Decimal(1)


def scoring_context() -> decimal.localcontext:
    """A thread-local decimal context for one scoring run."""
    return decimal.localcontext(CONTEXT)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round half up (四舍五入) to `places` decimals: 2.345 → 2.35, not Python's 2.34."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=CONTEXT)


def to_decimal(value: object) -> Decimal:
    """A Decimal from an int, Decimal or float (floats via their shortest repr, so 0.1 stays 0.1)."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"{type(value).__name__} is not a number")


def plain(value: Decimal | int) -> str:
    """A number as plain text without exponent or trailing zeros: 0.860 → '0.86', 1E+2 → '100'."""
    text = format(Decimal(value).normalize(CONTEXT), "f")
    return "0" if text in ("-0", "") else text


def fixed(value: Decimal, places: int) -> str:
    """Decimal rounded half up and shown with exactly `places` decimals."""
    return format(round_half_up(value, places), "f")


def percent(rate: Decimal, places: int = 2) -> str:
    """A rate as a percentage: 0.67663 → '67.66%'."""
    return fixed(rate * 100, places) + "%"
