"""What formulas compute with: the values the language knows, its operators and its functions.

Every operation checks what it is given and fails with a message naming the
operation (``/ needs a number, got text 'abc'``); the evaluator in `formulas`
runs checked trees with `OPERATORS` and `FUNCTIONS` only.
"""

from __future__ import annotations

import ast
import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ._arith import ONE, ZERO, plain, round_half_up
from ._record import record

__all__ = ["Finding", "Fail", "OPERATORS", "FUNCTIONS", "condition_value", "constant_argument_problem", "describe_value",
           "python_number_hint"]


@record
class Finding:
    """One finding (问题) of a list fact: its text and, optionally, its own points."""

    text: str
    points: Decimal | None = None


class Fail(Exception):
    """A run-time failure inside a formula; `evaluate` turns it into a ScoringError."""

    def __init__(self, message: str, fact: str | None = None):
        super().__init__(message)
        self.fact = fact


# ---------------------------------------------------------------- values


def _number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        return ONE if value else ZERO
    if isinstance(value, Decimal):
        return value
    raise Fail(f"{what} needs a number, got {describe_value(value)}")


#: A program's int or float given to Formula.evaluate, where the engine gives Decimals: said with the fix (QA317 9).
PYTHON_NUMBER_HINT = ("pass numbers as Decimal (Decimal(\"1.5\"), not 1.5 or 1): a formula computes with Decimal, as score() "
                      "reads the facts")


def python_number_hint(names: Any, read: frozenset[str]) -> str | None:
    """The hint for a failed formula that read a Python int or float from a program's dict; None otherwise (the engine
    gives Decimals, from views this reads nothing of)."""
    if type(names) is not dict:
        return None
    return PYTHON_NUMBER_HINT if any(type(names.get(name)) in (int, float) for name in read) else None


def describe_value(value: Any) -> str:
    """A value in a message, in words and never as a Python repr: text '是', boolean false, number 3, a list."""
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, tuple):
        return "a list"
    if isinstance(value, datetime.date):
        return f"date {value.isoformat()}"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, Decimal):
        return f"number {value}"
    if isinstance(value, Finding):
        return f"finding {value.text!r}"
    return type(value).__name__


def condition_value(value: Any) -> str:
    """What a condition gave instead of true or false, for a message: a number as written (-5, not Decimal('-5')),
    text in quotes, and a list or a date in words, never a Python repr (QA136 F4)."""
    if isinstance(value, Decimal):
        return plain(value)
    return repr(value) if isinstance(value, str) else describe_value(value)


def _date(value: Any, what: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    raise Fail(f"{what} needs a date, got {describe_value(value)}")


def _list(value: Any, what: str) -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value
    raise Fail(f"{what} needs a list fact, got {describe_value(value)}")


def _numbers(args: tuple[Any, ...], what: str) -> list[Decimal]:
    if len(args) == 1 and isinstance(args[0], tuple):
        args = args[0]
        if not args:
            raise Fail(f"{what} of an empty list")
    return [_number(a, what) for a in args]


# ---------------------------------------------------------------- operators


# Each operation tries the usual case first, two numbers, then checks what it was given.


def _add(a: Any, b: Any) -> Decimal:
    if type(a) is Decimal and type(b) is Decimal:
        return a + b
    return _number(a, "+") + _number(b, "+")


def _sub(a: Any, b: Any) -> Decimal:
    if type(a) is Decimal and type(b) is Decimal:
        return a - b
    return _number(a, "-") - _number(b, "-")


def _mul(a: Any, b: Any) -> Decimal:
    if type(a) is Decimal and type(b) is Decimal:
        return a * b
    return _number(a, "*") * _number(b, "*")


def _div(a: Any, b: Any) -> Decimal:
    if type(a) is Decimal and type(b) is Decimal and b:
        return a / b
    divisor = _number(b, "/")
    if divisor == 0:
        raise Fail("division by zero")
    return _number(a, "/") / divisor


def _ordered(op: Callable[[Any, Any], bool], symbol: str) -> Callable[[Any, Any], bool]:
    def compare(a: Any, b: Any) -> bool:
        if (type(a) is Decimal and type(b) is Decimal) or (isinstance(a, datetime.date) and isinstance(b, datetime.date)):
            return op(a, b)
        return op(_number(a, symbol), _number(b, symbol))

    return compare


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, str) != isinstance(b, str) or isinstance(a, datetime.date) != isinstance(b, datetime.date):
        raise Fail(f"cannot compare {describe_value(a)} with {describe_value(b)}")  # never equal: refused, not silently false
    return bool(a == b)


OPERATORS: dict[type, Callable[..., Any]] = {
    ast.Add: _add,
    ast.Sub: _sub,
    ast.Mult: _mul,
    ast.Div: _div,
    ast.USub: lambda a: -_number(a, "-"),
    ast.UAdd: lambda a: _number(a, "+"),
    ast.Not: lambda a: not a,
    ast.Eq: _equal,
    ast.NotEq: lambda a, b: not _equal(a, b),
    ast.Lt: _ordered(lambda a, b: a < b, "<"),
    ast.LtE: _ordered(lambda a, b: a <= b, "<="),
    ast.Gt: _ordered(lambda a, b: a > b, ">"),
    ast.GtE: _ordered(lambda a, b: a >= b, ">="),
}

# ---------------------------------------------------------------- functions


def _min(*args: Any) -> Decimal:
    return min(_numbers(args, "min"))


def _max(*args: Any) -> Decimal:
    return max(_numbers(args, "max"))


def _abs(x: Any) -> Decimal:
    return abs(_number(x, "abs"))


def _bounds(low: Any, high: Any) -> tuple[Decimal, Decimal]:
    lo, hi = _number(low, "clamp"), _number(high, "clamp")
    if lo > hi:
        raise Fail(f"clamp: lower bound {lo} is above upper bound {hi}")
    return lo, hi


def _clamp(x: Any, low: Any, high: Any) -> Decimal:
    lo, hi = _bounds(low, high)
    return min(max(_number(x, "clamp"), lo), hi)


def _places(places: Any) -> int:
    digits = _number(places, "round_half_up")
    if digits != digits.to_integral_value() or not 0 <= digits <= 10:
        raise Fail("round_half_up: places must be a whole number from 0 to 10")
    return int(digits)


def _round_half_up(x: Any, places: Any = ZERO) -> Decimal:
    return round_half_up(_number(x, "round_half_up"), _places(places))


def _ratio(numerator: Any, denominator: Any, if_zero: Any = ZERO) -> Decimal:
    if type(numerator) is Decimal and type(denominator) is Decimal and denominator:
        return numerator / denominator
    below = _number(denominator, "ratio")
    if below == 0:
        return _number(if_zero, "ratio")
    return _number(numerator, "ratio") / below


def _sum(items: Any) -> Decimal:
    return sum((_number(v, "sum") for v in _list(items, "sum")), ZERO)


def _count(items: Any) -> Decimal:
    return Decimal(len(_list(items, "count")))


def _mean(items: Any) -> Decimal:
    values = _list(items, "mean")
    if not values:
        raise Fail("mean of an empty list")
    return sum((_number(v, "mean") for v in values), ZERO) / len(values)


def _days_between(start: Any, end: Any) -> Decimal:
    return Decimal((_date(end, "days_between") - _date(start, "days_between")).days)


def _months_between(start: Any, end: Any) -> Decimal:
    a, b = _date(start, "months_between"), _date(end, "months_between")
    return Decimal(-_whole_months(b, a) if b < a else _whole_months(a, b))


def _whole_months(a: datetime.date, b: datetime.date) -> int:
    """Whole months from `a` to `b` (not before it), as 民法典 第二百零二条 reckons a period: a month ends on its
    corresponding day, or on the month's last day when it has none (03-31 → 04-30 is a month; QA60 F2: it counted 0,
    and a 30-day delay scored better than a 28-day one)."""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day and b.day != _last_day(b):
        months -= 1
    return months


def _last_day(day: datetime.date) -> int:
    """The last day of `day`'s month, never leaving the dates Python has: December 9999's is the 31st, where the first of
    the next month is year 10000 (QA177 F1: any date in December 9999 crashed months_between). Not calendar: it imports
    locale with the package."""
    if day.month == 12:
        return 31
    return (datetime.date(day.year, day.month + 1, 1) - datetime.timedelta(days=1)).day


#: name → (function, fewest arguments, most arguments, one-line description)
FUNCTIONS: dict[str, tuple[Callable[..., Any], int, int, str]] = {
    "min": (_min, 1, 50, "smallest of the numbers (or of a list fact)"),
    "max": (_max, 1, 50, "largest of the numbers (or of a list fact)"),
    "abs": (_abs, 1, 1, "absolute value"),
    "clamp": (_clamp, 3, 3, "clamp(x, low, high): x limited to [low, high]"),
    "round_half_up": (_round_half_up, 1, 2, "round_half_up(x, places=0): 四舍五入"),
    "ratio": (_ratio, 2, 3, "ratio(a, b, if_zero=0): a / b, or if_zero when b is 0"),
    "sum": (_sum, 1, 1, "sum of a list fact of numbers"),
    "count": (_count, 1, 1, "number of items in a list fact"),
    "mean": (_mean, 1, 1, "arithmetic mean of a list fact of numbers"),
    "days_between": (_days_between, 2, 2, "days_between(start, end): days from start to end"),
    "months_between": (_months_between, 2, 2, "months_between(start, end): whole calendar months"),
}


def constant_argument_problem(name: str, constants: list[Any]) -> str | None:
    """What is wrong with the arguments of a call to `name` written as constants (None: an argument computed when
    scoring), said as scoring would: ``round_half_up(x, 2.5)`` fails for every project, so the set says so when it loads.
    """
    try:
        if name in ("days_between", "months_between"):
            return None  # dates: a constant is never one
        for value in constants:
            if name in ("sum", "count", "mean") and value is not None:  # text ('1') is refused when the set loads
                _list(value, name)
        if name == "round_half_up" and len(constants) == 2 and constants[1] is not None:
            _places(constants[1])
        elif name == "clamp" and constants[1] is not None and constants[2] is not None:
            _bounds(constants[1], constants[2])
    except Fail as failed:
        return str(failed)
    return None
