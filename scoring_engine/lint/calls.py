"""What the formula language's functions give, as ranges: min, max, abs, clamp, round_half_up, ratio, sum, count, mean, dates."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .values import INFINITY, NUMERIC, UNKNOWN, Value, divided, join, number

__all__ = ["call"]

_HALF = Decimal("0.5")  # rounding to 0 decimals or more moves a value by at most this


def call(name: str, args: list[Value]) -> Value:
    """The Value of function `name` given the Values of its arguments."""
    handler = _HANDLERS.get(name)
    return UNKNOWN if handler is None else handler(args)


def _safe(args: list[Value], kinds: tuple[str, ...] = NUMERIC) -> bool:
    return all(a.safe and a.kind in kinds for a in args)


def _extreme(args: list[Value], pick: Callable[..., Decimal]) -> Value:
    """min or max: of the numbers given, or of the items of one list (which may be empty: it can fail)."""
    if len(args) == 1 and args[0].kind == "list":
        items = args[0]
        return number(items.low, items.high, False, safe=False)
    return number(pick(a.low for a in args), pick(a.high for a in args), all(a.integral for a in args), _safe(args))


def _min(args: list[Value]) -> Value:
    return _extreme(args, min)


def _max(args: list[Value]) -> Value:
    return _extreme(args, max)


def _abs(args: list[Value]) -> Value:
    x = args[0]
    low = x.low if x.low >= 0 else -x.high if x.high <= 0 else Decimal(0)
    return number(low, max(abs(x.low), abs(x.high)), x.integral, _safe(args))


def _clamp(args: list[Value]) -> Value:
    """clamp(x, low, high) = min(max(x, low), high); it fails when low can be above high."""
    x, lo, hi = args
    low = min(max(x.low, lo.low), hi.low)
    high = min(max(x.high, lo.high), hi.high)
    return number(low, high, x.integral and lo.integral and hi.integral, _safe(args) and lo.high <= hi.low)


def _round(args: list[Value]) -> Value:
    x = args[0]
    places = args[1].point if len(args) > 1 else Decimal(0)
    whole_places = places is not None and places == places.to_integral_value() and 0 <= places <= 10
    return number(x.low - _HALF, x.high + _HALF, x.integral or places == 0, _safe(args) and whole_places)


def _ratio(args: list[Value]) -> Value:
    """ratio(a, b, if_zero=0): a / b, or if_zero when b is 0; it never divides by zero."""
    a, b = args[0], args[1]
    if_zero = args[2] if len(args) > 2 else number(Decimal(0), Decimal(0), True)
    quotient = number(*divided(a, b)) if b.low != 0 or b.high != 0 else if_zero
    found = join([quotient, if_zero]) if b.low <= 0 <= b.high else quotient
    return number(found.low, found.high, False, _safe(args))


def _sum(args: list[Value]) -> Value:
    """The sum of a list's items: at least 0 when no item is below 0, at most 0 when none is above."""
    items = args[0]
    low = Decimal(0) if items.low >= 0 else -INFINITY
    high = Decimal(0) if items.high <= 0 else INFINITY
    return number(low, high, False, _safe(args, ("list",)))


def _count(args: list[Value]) -> Value:
    return number(Decimal(0), INFINITY, True, _safe(args, ("list",)))


def _mean(args: list[Value]) -> Value:
    items = args[0]
    return number(items.low, items.high, False, safe=False)  # the mean of an empty list fails


def _between(args: list[Value]) -> Value:
    return number(-INFINITY, INFINITY, True, _safe(args, ("date",)))


_HANDLERS: dict[str, Callable[[list[Value]], Value]] = {
    "min": _min,
    "max": _max,
    "abs": _abs,
    "clamp": _clamp,
    "round_half_up": _round,
    "ratio": _ratio,
    "sum": _sum,
    "count": _count,
    "mean": _mean,
    "days_between": _between,
    "months_between": _between,
}
