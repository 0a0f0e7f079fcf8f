"""Exact decimal arithmetic shared by formulas, rules and the engine.

Every number the engine handles is a `Decimal`. Every public entry point runs
under the engine's own context (`in_engine_context`; scoring inside
`scoring_context()`), so that the caller's own decimal context (precision,
rounding, traps) can never change a score, a report or a check, and results
are identical across platforms and Python versions.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Hashable, Mapping
from contextlib import AbstractContextManager
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar, cast

from ._record import record
from ._patterns import compile_later

# 28 significant digits is far beyond any money amount or rate; the exponent
# bounds keep every intermediate value small, so no formula can build a giant.
CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999,
    Emax=999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

# CONTEXT rounding half up. Its quantize(value, step) is value.quantize(step, ROUND_HALF_UP, CONTEXT), with no keyword
# to parse nor context to look up: every leaf of every project is rounded through it.
HALF_UP = CONTEXT.copy()
HALF_UP.rounding = decimal.ROUND_HALF_UP
to_step_half_up = HALF_UP.quantize

ZERO = Decimal(0)
ONE = Decimal(1)
K = TypeVar("K", bound=Hashable)


def scoring_context() -> AbstractContextManager[decimal.Context]:
    """A thread-local decimal context for one scoring run."""
    return decimal.localcontext(CONTEXT)


F = TypeVar("F", bound=Callable[..., Any])


def in_engine_context(function: F) -> F:
    """`function` run under the engine's own decimal context, whatever context its caller has set.

    Every public entry point (loading, scoring, rendering, explaining, the cases)
    is wrapped: a program that set six digits rounding down, or traps on every
    rounding, gets the same bytes as any other.
    """

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return cast(F, run)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round half up (四舍五入) to `places` decimals: 2.345 → 2.35, not Python's 2.34.

    A value is first taken to GUARD_PLACES decimals: a third or a sixth of a point is carried to the context's 28
    digits, and 5 − 3 × 2/3 − 0.35 comes out 2.6499…9 (27 nines), which is 2.65 and rounds to 2.7, not 2.6.

    >>> round_half_up(Decimal("2.649999999999999999999999999"), 1), round_half_up(Decimal("-1E-27"), 0)
    (Decimal('2.7'), Decimal('0'))
    """
    if value.adjusted() < CONTEXT.prec - GUARD_PLACES:  # else it has fewer decimals than that, or none
        value = to_step_half_up(value, _GUARD)
    rounded = to_step_half_up(value, _QUANTA[places] if 0 <= places < _MOST_QUANTA else quantum(places))
    return rounded if rounded else rounded.copy_abs()  # −1e-27 is 0, not −0


def carried_up(value: Decimal, places: int) -> bool:
    """Whether rounding `value` half up to `places` decimals carries it up onto a number of fewer decimals, which it
    falls short of: 89.995 to 90.00, 99.9995 to 100.00 (printed beside a 90% line or a band from 100%, it misleads)."""
    shown = round_half_up(value, places)
    return shown > value and shown == round_half_up(value, places - 1)


def uncarried_places(value: Decimal, places: int, most: int = 10) -> int:
    """`places`, or as many more (up to `most`) as keep `value` from being carried up: 89.995 → 3, 89.9999 → 4."""
    while places < most and carried_up(value, places):
        places += 1
    return places


#: Decimals a value keeps before it is rounded: past these, digits are what carrying fractions to 28 digits left.
GUARD_PLACES = 20
_GUARD = Decimal(f"1e-{GUARD_PLACES}")  # exact constructors: import depends on no caller's context (QA127 F5)


def quantum(places: int) -> Decimal:
    """The unit of the last of `places` decimals: 1, 0.1, 0.01…"""
    return _QUANTA[places] if 0 <= places < len(_QUANTA) else Decimal(1).scaleb(-places)


_QUANTA = [Decimal(f"1e-{places}") for places in range(16)]  # 1, 0.1, 0.01…: made once
_MOST_QUANTA = len(_QUANTA)


def to_decimal_or_none(value: Decimal | int | str | None) -> Decimal | None:
    """A number read from YAML as a Decimal (YAML gives whole numbers as int); None stays None.

    >>> to_decimal_or_none(3), to_decimal_or_none(None)
    (Decimal('3'), None)
    """
    return None if value is None else Decimal(value)


#: Numbers read from a set or a facts file are 0, or at least SMALLEST_MAGNITUDE and below LARGEST_MAGNITUDE in size:
#: far above any amount in 万元 or count, far below overflow (facts.MAX_FACT_MAGNITUDE, _yaml.MAX_YAML_NUMBER).
LARGEST_MAGNITUDE = Decimal(10**15)  # an int made exactly, in no context: not Decimal(10) ** 15 (QA127 F5)
SMALLEST_MAGNITUDE = Decimal("1e-15")


def in_range(number: Decimal) -> bool:
    """Whether a finite number read from a file is 0, or between 1e-15 and 1e15 in size.

    >>> in_range(Decimal("86.5")), in_range(Decimal(0)), in_range(Decimal("1e15")), in_range(Decimal("-1e-16"))
    (True, True, False, False)
    """
    magnitude = number.copy_abs()  # no context: abs() would overflow on 1E+1000 before we can say so
    return not magnitude or SMALLEST_MAGNITUDE <= magnitude < LARGEST_MAGNITUDE


_ZERO_WRITTEN = compile_later(r"[-+]?(0+\.?0*|\.0+)([eE][-+]?\d+)?")


def decimal_from_text(written: str) -> Decimal | None:
    """A number as a file writes it (JSON or YAML number syntax), exactly; None when no Decimal can hold its exponent.

    A zero is 0 whatever its exponent, even one past what a Decimal holds.

    >>> decimal_from_text("1.50"), decimal_from_text("0e-99999999999999999999"), decimal_from_text("1e-99999999999999999999")
    (Decimal('1.50'), Decimal('0'), None)
    """
    if _ZERO_WRITTEN.fullmatch(written):
        return ZERO
    try:
        return Decimal(written)
    except decimal.DecimalException:
        return None


def within_precision(number: Decimal) -> bool:
    """Whether a finite number holds at most the engine's 28 significant digits (trailing zeros hold nothing).

    Files are checked as they are read (too_many_digits, which names the digits); this is for a Decimal a program passes.

    >>> within_precision(Decimal("179.99")), within_precision(Decimal("179.99999999999999999999999999"))
    (True, False)
    """
    return _PLUS(number) == number


_PLUS = CONTEXT.plus  # rounds to CONTEXT.prec digits: a number it changes held more


def too_many_digits(written: str, number: Decimal) -> tuple[str, str] | None:
    """(message, hint) for a number written with more significant digits than the engine computes with (CONTEXT.prec):
    179.99999999999999999999999999, just under 90% of 200, would be shown as written but scored as 180.

    >>> too_many_digits("1.5", Decimal("1.5")) is None, too_many_digits("1." + "0" * 27 + "1", Decimal("1." + "0" * 27 + "1"))[0]
    (True, 'a number of 29 significant digits: the engine computes with 28')
    >>> too_many_digits("1." + "0" * 40, Decimal("1." + "0" * 40)) is None  # trailing zeros hold nothing
    True
    """
    if len(written) <= CONTEXT.prec + 1:  # 28 digits and a point: the usual number is told by its length alone
        return None
    # trailing zeros hold nothing (186.400000000000000000000000000000, a NUMERIC(38,30) export, is 186.4)
    digits = len("".join(map(str, number.as_tuple().digits)).rstrip("0"))
    if digits <= CONTEXT.prec:
        return None
    return (f"a number of {digits} significant digits: the engine computes with {CONTEXT.prec}",
            f"round it to at most {CONTEXT.prec} digits")


def normalised(number: Decimal) -> Decimal | None:
    """The one form a number read from a file is kept in, or None when it is not finite or out of range.

    Every zero becomes 0: ``0e-999999999`` is small to write but would print as a
    billion zeros. Any other number in range keeps its digits as written, and its
    exponent is bounded both ways by the range, so it prints in at most 16
    characters more than it was written in.

    >>> normalised(Decimal("0E-999999999")), normalised(Decimal("-0.00")), normalised(Decimal("86.50"))
    (Decimal('0'), Decimal('0'), Decimal('86.50'))
    >>> normalised(Decimal("1E+400")) is None, normalised(Decimal("NaN")) is None
    (True, True)
    """
    if not number.is_finite():
        return None
    if not number:
        return ZERO
    return number if in_range(number) else None


def plain(value: Decimal | int) -> str:
    """A number as plain text without exponent or trailing zeros: 0.860 → '0.86', 1E+2 → '100'; one no number of the
    engine's context is (sNaN, 1E+5000, as a message about such a value quotes it) as its text, in E notation.

    >>> plain(Decimal("0.860")), plain(Decimal("1E+2")), plain(Decimal("sNaN")), plain(Decimal("1E+5000")), plain(10 ** 5000)
    ('0.86', '100', 'sNaN', '1E+5000', '1.000000E+5000')
    """
    try:
        text = format(Decimal(value).normalize(CONTEXT), "f")
    except decimal.DecimalException:  # past the context's exponents, or signalling: never a score (QA306 1, 3)
        number = Decimal(value)
        return str(number) if not number.is_finite() or len(number.as_tuple().digits) <= 20 else f"{number:.6E}"
    return "0" if text in ("-0", "") else text


def money(value: Decimal | int) -> str:
    """An amount (a sum of 万元) with at least two decimals, as 财务 figures are written, never cut: 1374 → '1374.00',
    1605.5 → '1605.50', 0.125 → '0.125'."""
    text = plain(value)
    decimals = len(text.partition(".")[2])
    return text + ("." if not decimals else "") + "0" * max(2 - decimals, 0)


def fixed(value: Decimal, places: int) -> str:
    """Decimal rounded half up and shown with exactly `places` decimals."""
    return format(round_half_up(value, places), "f")


def percent(rate: Decimal, places: int = 2) -> str:
    """A rate as a percentage: 0.67663 → '67.66%'."""
    return fixed(rate * 100, places) + "%"


def cut_rate(rate: Decimal) -> Decimal:
    """A rate (a share: 0.8999) to 0.01%, rounded half up (83.045% is 83.05%), but cut where rounding up would reach a
    round figure (a whole tenth of a percent) the rate falls short of: a grade's line, a band's bound, the 90% of 需说明.
    89.999% is 89.99%, not 90.00% beside 良 or above 执行率低于90% (QA54 F1, QA86 F2); 99.9998% is 99.99%.

    >>> cut_rate(Decimal("0.89999")), cut_rate(Decimal("0.83045")), cut_rate(Decimal("0.999998")), cut_rate(Decimal("0.9"))
    (Decimal('0.8999'), Decimal('0.8305'), Decimal('0.9999'), Decimal('0.9000'))
    """
    return _cut(rate, 4, _RATE_FIGURE)


def cut_mean(mean: Decimal, places: int) -> Decimal:
    """A mean (or median) of totals to `places` decimals as `cut_rate` shows a rate: cut where rounding up would reach a
    whole tenth of a point it falls short of. 79.995 is 79.99 beside its 79.99% (QA135 F3), not 80.00, the line of 良;
    83.045 is 83.05.

    >>> cut_mean(Decimal("79.995"), 2), cut_mean(Decimal("83.045"), 2), cut_mean(Decimal("80"), 2)
    (Decimal('79.99'), Decimal('83.05'), Decimal('80.00'))
    """
    return _cut(mean, places, _POINT_FIGURE)


def _cut(value: Decimal, places: int, figure: Decimal) -> Decimal:
    rounded = round_half_up(value, places)
    if value < rounded and rounded % figure == 0:
        return value.quantize(Decimal(1).scaleb(-places), decimal.ROUND_DOWN)
    return rounded


def cut_percent(rate: Decimal) -> str:
    """`cut_rate` as printed: 89.99%."""
    return percent(cut_rate(rate))


_RATE_FIGURE = Decimal("0.001")  # a whole tenth of a percent
_POINT_FIGURE = Decimal("0.1")  # a whole tenth of a point


# ---------------------------------------------------------------- fractions written in a set

#: A fraction as a set may write a share or points: 1/3, 5 / 4 (at most 15 digits each side, as numbers in a set).
FRACTION_PATTERN = r"^\s*[0-9]{1,15}\s*/\s*0{0,5}[1-9][0-9]{0,14}\s*$"


def exact(value: Decimal | int | str) -> Fraction:
    """A number or a fraction written in a set, exactly: '1/3' stays one third, 0.1 stays one tenth.

    >>> exact("1/3"), exact(Decimal("0.25")), exact(2)
    (Fraction(1, 3), Fraction(1, 4), Fraction(2, 1))
    """
    if isinstance(value, str):
        numerator, _, denominator = value.partition("/")
        return Fraction(int(numerator), int(denominator or 1))
    return Fraction(value)


def to_decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal: exact when it has a finite decimal form (1/4 → 0.25), else to 28 digits (1/3).

    >>> to_decimal(Fraction(3, 3)), to_decimal(Fraction(1, 8))
    (Decimal('1'), Decimal('0.125'))
    """
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


#: The longest decimal form `written` shows instead of the fraction.
_SHORT = 8


def written(value: Fraction) -> str:
    """A fraction as a set author would write it: 1/3, or 0.25 when it has a short decimal form.

    >>> written(Fraction(1, 3)), written(Fraction(1, 4)), written(Fraction(2))
    ('1/3', '0.25', '2')
    """
    text = plain(to_decimal(value))
    return text if len(text) <= _SHORT and to_decimal(value) == value else f"{value.numerator}/{value.denominator}"


# ---------------------------------------------------------------- rounding as evaluators do it


@record
class Rounding:
    """Where and how scores are rounded: to `places` decimals, first through `stages` (more decimals, in order).

    Evaluators round half up (四舍五入); some round in stages, 1.7945 → 1.795 → 1.80
    (straight to two decimals it would be 1.79).

    >>> Rounding(2, (3,)).round(Decimal("1.7945")), Rounding(2).round(Decimal("1.7945"))
    (Decimal('1.80'), Decimal('1.79'))
    """

    places: int
    stages: tuple[int, ...] = ()  # decimals kept before `places`, from the most: (4, 3)
    elements: bool = False  # round each element (要点) of a checklist before the elements are added

    def round(self, value: Decimal) -> Decimal:
        """`value` rounded half up through every stage, then to `places`."""
        return self.chain(value)[-1] if self.stages else round_half_up(value, self.places)

    def chain(self, value: Decimal) -> list[Decimal]:
        """`value` and each rounding of it, the last being the score: [1.7945, 1.795, 1.80]."""
        steps = [value]
        for places in (*self.stages, self.places):
            steps.append(round_half_up(steps[-1], places))
        return steps

    def staged(self, value: Decimal) -> bool:
        """Whether the stages change the result of rounding `value` (1.7945 → 1.80, not 1.79)."""
        return bool(self.stages) and self.round(value) != round_half_up(value, self.places)

    def as_read(self, exact: Decimal) -> Callable[[Decimal], Decimal]:
        """How a reader rounds an equation a reason prints for the score of `exact`: through the stages where they change
        that score (the reason then says so: `staged`), else straight to `places`, as one rounds on paper (QA66 F2:
        7.6 × 7 ÷ 8.8 = 6.045 is 6.0, though 6.1 through the stages, beside a score of 6.1 the stages do not change)."""
        return self.round if self.staged(exact) else self.straight

    def straight(self, value: Decimal) -> Decimal:
        """`value` rounded half up to `places` at once, without the stages."""
        return round_half_up(value, self.places)

    def words(self) -> str:
        """How this rounds, as a reason says it: '保留2位小数', or '先保留3位小数、再保留2位小数'."""
        kept = [*self.stages, self.places]
        if len(kept) == 1:
            return f"保留{self.places}位小数"
        return "、".join(f"{'先' if i == 0 else '再'}保留{places}位小数" for i, places in enumerate(kept))

    def show(self, value: Decimal) -> str:
        """A number in a reason: at most `places` decimals, without trailing zeros (2, 0.42, 1.5)."""
        if value.adjusted() + self.places >= CONTEXT.prec:  # too large to quantize: it has no decimals to round anyway
            return plain(value)
        return plain(round_half_up(value, self.places))


def apportion(weights: Mapping[K, Decimal], total: Decimal, places: int) -> dict[K, Decimal]:
    """Scale `weights` to add up to `total` exactly at `places` decimals (largest remainder, ties by order).

    >>> apportion({"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)}, Decimal(1), 2)
    {'a': Decimal('0.34'), 'b': Decimal('0.33'), 'c': Decimal('0.33')}
    """
    whole = Fraction(sum(weights.values(), ZERO))
    quantum = Decimal(1).scaleb(-places)
    # Each share in quanta, as an exact fraction: remainders that are equal compare equal, so that the tie goes to the
    # earlier key (28-digit quotients made 10 × 100/70 look larger than 3 × 100/70 by their last digit: QA41 F1).
    exact = {k: Fraction(w) * Fraction(total) / whole * 10 ** places for k, w in weights.items()}
    floors = {k: share.numerator // share.denominator for k, share in exact.items()}
    left = int(Fraction(total) * 10 ** places) - sum(floors.values())
    order = sorted(weights, key=lambda k: exact[k] - floors[k], reverse=True)  # stable: file order breaks ties
    shares = {k: Decimal(n).scaleb(-places) for k, n in floors.items()}
    for k in order[:left]:
        shares[k] += quantum
    return shares


def shared_again(declared: Mapping[K, Decimal], total: Decimal, places: int) -> dict[K, Decimal]:
    """Shares `declared` (each part's weight, adding up to their whole) scaled to `total`: equally when they are the
    whole split equally as apportion splits it (16.67, 16.67, 16.66 of 50: rows of equal weight), else in proportion.
    In proportion to the rounded shares, equal rows came out 0.02 apart (18.53, 18.52, 18.51 of 55.56: QA253 F1).

    >>> shared_again({"a": Decimal("16.67"), "b": Decimal("16.67"), "c": Decimal("16.66")}, Decimal("55.56"), 2)
    {'a': Decimal('18.52'), 'b': Decimal('18.52'), 'c': Decimal('18.52')}
    """
    equal = dict.fromkeys(declared, Decimal(1))
    evenly = apportion(equal, sum(declared.values(), ZERO), places) == dict(declared)
    return apportion(equal if evenly else declared, total, places)
