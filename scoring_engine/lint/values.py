"""The values lint reasons with: a range of numbers (±∞ for an open side), a truth, a type, and whether computing it can fail.

The arithmetic of ranges is here too (`corners`, `times`, `divided`, `join`):
each gives a range holding every value the operation can give (it may be wider).
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal

from .._record import record

__all__ = ["INFINITY", "NUMERIC", "UNKNOWN", "Value", "boolean", "corners", "divided", "join", "number", "shown_range", "times"]

INFINITY = Decimal("Infinity")
_CONTEXT = decimal.Context(prec=28, Emax=999_999, Emin=-999_999,
                           traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
NUMERIC = ("number", "bool")


@record
class Value:
    """What lint knows of a formula's value: its type, its range (numbers; a bool counts as 0 or 1), its truth, its safety.

    `kind` is number, bool, string, date, list or unknown; a list's range is its items' range.
    """

    kind: str
    low: Decimal = -INFINITY
    high: Decimal = INFINITY
    integral: bool = False  # every value it takes is a whole number
    truth: bool | None = None  # a bool that is always True or always False
    safe: bool = False  # it never raises an error
    text: str | None = None  # a text literal's value

    @property
    def point(self) -> Decimal | None:
        """The one number it always is, if it is."""
        return self.low if self.low == self.high and self.low.is_finite() else None


UNKNOWN = Value("unknown")


def number(low: Decimal, high: Decimal, integral: bool = False, safe: bool = True) -> Value:
    return Value("number", low, high, integral, safe=safe)


def boolean(truth: bool | None, safe: bool) -> Value:
    low, high = (Decimal(int(truth)),) * 2 if truth is not None else (Decimal(0), Decimal(1))
    return Value("bool", low, high, True, truth, safe)


def shown_range(value: Value, show: Callable[[Decimal], str]) -> str:
    """'[0, 1]', '[0, ∞)' or '(-∞, 5]' (the bounds shown with `show`)."""
    low = "(-∞" if not value.low.is_finite() else f"[{show(value.low)}"
    high = "∞)" if not value.high.is_finite() else f"{show(value.high)}]"
    return f"{low}, {high}"


def corners(op: Callable[[Decimal, Decimal], Decimal], a: Value, b: Value) -> tuple[Decimal, Decimal]:
    """The lowest and highest of `op` at the corners of the two ranges; the whole line when one is undefined (∞ − ∞)."""
    try:
        with decimal.localcontext(_CONTEXT):
            found = [op(x, y) for x in (a.low, a.high) for y in (b.low, b.high)]
    except (decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow):
        return -INFINITY, INFINITY
    return _plain_zero(min(found)), _plain_zero(max(found))


def _plain_zero(x: Decimal) -> Decimal:
    return x if x != 0 else Decimal(0)  # not 0E-1000026 or -0


def times(x: Decimal, y: Decimal) -> Decimal:
    return Decimal(0) if x == 0 or y == 0 else x * y  # a bound of 0 times an unbounded side is still 0


def divided(a: Value, b: Value) -> tuple[Decimal, Decimal]:
    """The range of a / b over the values of b other than 0 (a whole divisor steps over 0 to ±1)."""
    found = []
    if b.high > 0:
        found.append(_over_positive(a, max(b.low, Decimal(1) if b.integral else Decimal(0)), b.high))
    if b.low < 0:  # a / b = −(a / −b)
        low, high = _over_positive(a, -min(b.high, Decimal(-1) if b.integral else Decimal(0)), -b.low)
        found.append((-high, -low))
    found = [f for f in found if f[0] <= f[1]]
    if not found:
        return -INFINITY, INFINITY
    return min(f[0] for f in found), max(f[1] for f in found)


def _over_positive(a: Value, low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """The range of a / b for b in [low, high] above 0 (from just above 0 when `low` is 0), by the signs of a's bounds."""
    if low > high:
        return INFINITY, -INFINITY  # no such b: an empty range
    if a.low >= 0:
        return _quotient(a.low, high), _quotient(a.high, low)
    if a.high <= 0:
        return _quotient(a.low, low), _quotient(a.high, high)
    return _quotient(a.low, low), _quotient(a.high, low)


def _quotient(x: Decimal, y: Decimal) -> Decimal:
    """x / y for a bound y ≥ 0, where y = 0 stands for a divisor just above 0."""
    if x == 0:
        return Decimal(0)
    if y == 0:
        return INFINITY if x > 0 else -INFINITY
    with decimal.localcontext(_CONTEXT):
        quotient = x / y  # never ∞ / ∞: the callers divide an open bound only by a finite one
    return _plain_zero(quotient)


def join(values: list[Value]) -> Value:
    """A value that is one of `values`: the smallest range holding all of them."""
    kinds = {v.kind for v in values}
    truths = {v.truth for v in values}
    return Value(kinds.pop() if len(kinds) == 1 else "unknown", min(v.low for v in values), max(v.high for v in values),
                 all(v.integral for v in values), truths.pop() if len(truths) == 1 else None, all(v.safe for v in values))
