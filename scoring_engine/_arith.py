"""Exact decimal arithmetic shared by formulas, rules and the engine.

Every number the engine handles is a `Decimal`; scoring runs inside
`scoring_context()` so that the caller's own decimal context (precision,
rounding, traps) can never change a score, and results are identical across
platforms and Python versions.
"""

from __future__ import annotations

import decimal
from contextlib import AbstractContextManager
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


def scoring_context() -> AbstractContextManager[decimal.Context]:
    """A thread-local decimal context for one scoring run."""
    return decimal.localcontext(CONTEXT)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round half up (四舍五入) to `places` decimals: 2.345 → 2.35, not Python's 2.34."""
    quantum = _QUANTA[places] if 0 <= places < len(_QUANTA) else Decimal(1).scaleb(-places)
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=CONTEXT)


_QUANTA = [Decimal(1).scaleb(-places) for places in range(16)]  # 1, 0.1, 0.01…: made once


def to_decimal_or_none(value: Decimal | int | str | None) -> Decimal | None:
    """A number read from YAML as a Decimal (YAML gives whole numbers as int); None stays None.

    >>> to_decimal_or_none(3), to_decimal_or_none(None)
    (Decimal('3'), None)
    """
    return None if value is None else Decimal(value)


#: Numbers read from a set or a facts file are 0, or at least SMALLEST_MAGNITUDE and below LARGEST_MAGNITUDE in size:
#: far above any amount in 万元 or count, far below overflow (facts.MAX_FACT_MAGNITUDE, _yaml.MAX_YAML_NUMBER).
LARGEST_MAGNITUDE = Decimal(10) ** 15
SMALLEST_MAGNITUDE = Decimal("1e-15")


def in_range(number: Decimal) -> bool:
    """Whether a finite number read from a file is 0, or between 1e-15 and 1e15 in size.

    >>> in_range(Decimal("86.5")), in_range(Decimal(0)), in_range(Decimal("1e15")), in_range(Decimal("-1e-16"))
    (True, True, False, False)
    """
    magnitude = number.copy_abs()  # no context: abs() would overflow on 1E+1000 before we can say so
    return not magnitude or SMALLEST_MAGNITUDE <= magnitude < LARGEST_MAGNITUDE


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
