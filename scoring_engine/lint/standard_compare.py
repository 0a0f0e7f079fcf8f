"""How a number the 评分标准 states is set against the rule's, and how both are shown: the `Compared` each kind's
check in `standards` returns, and the comparisons the kinds share (an amount per finding, in points or as a share of
the weight; a zero line; a percentage against a ratio).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from .._arith import plain, round_half_up
from .._record import record
from .standard_text import Stated
from .._patterns import compile_later

__all__ = ["AS_POINTS", "AS_SHARE", "NOT_SET", "STANDARD", "Compared", "ratio_of", "compared_amount", "compared_amounts",
           "compared_lines", "in_text_unit", "ladder_amounts", "same_value", "shown_points", "shown_share", "shown_stated"]

STANDARD = "the 评分标准 says \"{quote}\" ({stated}), but the rule's {param} is {actual}"
NOT_SET = "not set"
# the rule's amount in the text's unit (QA119 F5): points against points, a share against a share
AS_POINTS = "the 评分标准 says \"{quote}\" ({stated}), but the rule deducts {points} points: its {param} is {actual} of {whole}"
AS_SHARE = "the 评分标准 says \"{quote}\" ({stated}), but the rule deducts {share} of {whole}: its {param} is {actual}"


def ratio_of(stated: str) -> str:
    """'50%' as the ratio a rule writes (0.5)."""
    try:
        return plain(Decimal(stated.removesuffix("%")) / 100) if stated.endswith("%") else stated
    except ArithmeticError:
        return stated


@record
class Compared:
    """A statement of the text set against the rule: whether they agree, and both numbers as shown."""

    start: int
    quote: str
    param: str
    stated: str
    actual: str
    agrees: bool
    message: str = STANDARD  # another template, with more fields, and the fix it names
    more: tuple[tuple[str, str], ...] = ()
    hint: str | None = None



def shown_share(value: Decimal | Fraction) -> str:
    if isinstance(value, Fraction) and any(value.denominator % p == 0 for p in (3, 7, 9, 11, 13)):
        return str(value)  # 1/3, not 33.33333333333333333333333333%
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else value
    return plain(exact * 100) + "%"


def shown_points(value: Decimal) -> str:
    """Points a rule works out as a share of a weight: a quotient that does not end (2 ÷ 3 = 0.666…) to four decimals,
    marked ≈, not as the engine's 28 digits (QA51 F5)."""
    rounded = round_half_up(value, 4)
    return plain(value) if round_half_up(value, 10) == value else f"≈{plain(rounded)}"


def shown_stated(stated: Stated) -> str:
    if stated.fraction is not None:
        return str(stated.fraction)
    return plain(stated.value) + ("%" if stated.percent else stated.unit)


def same_value(stated: Stated, actual: Decimal | None) -> bool:
    """Whether the rule's value is the stated one: as written, or (for "60%") its share 0.6."""
    return actual is not None and (actual == stated.value or (stated.percent and actual == stated.value / 100))


def compared_amount(stated: Stated, amount: Any, whole: Decimal | None) -> tuple[bool, str] | None:
    """Whether a stated deduction (points, or % of the whole) is the rule's amount, with the amount as shown; None when
    they cannot be compared (a share of a whole known only when scoring)."""
    if amount is None:
        return False, NOT_SET
    actual = shown_share(amount.value) if amount.is_share else plain(Decimal(amount.value.numerator) / amount.value.denominator)
    if stated.fraction is not None:  # compared exactly: 0.33 is not the 1/3 the text says
        if amount.is_share:
            return amount.value == stated.fraction, actual
        return (None if whole is None else (Fraction(amount.of(whole)) == stated.fraction * Fraction(whole), actual))
    if stated.percent and amount.is_share:
        return amount.value == Fraction(stated.value / 100), actual
    if not stated.percent and not amount.is_share:
        return amount.value == Fraction(stated.value), actual
    if whole is None:
        return None
    points = stated.value / 100 * whole if stated.percent else stated.value
    return amount.of(whole) == points, actual


def compared_amounts(stated: list[Stated], amount: Any, whole: Decimal | None, param: str) -> list[Compared]:
    """Deductions per finding: the rule agrees with all of them when it deducts one of them."""
    found = [(s, compared_amount(s, amount, whole)) for s in stated]
    known = [(s, result) for s, result in found if result is not None]
    any_agrees = any(agrees for _, (agrees, _) in known)
    key = param + ("share_each" if amount is not None and amount.is_share else "points_each")
    # When none agrees, the first is the rule's amount as the text says it; the others may be findings' own points.
    return [Compared(s.start, s.quote, key, shown_stated(s), actual, agrees or any_agrees or i > 0,
                     *in_text_unit(s, amount, whole))
            for i, (s, (agrees, actual)) in enumerate(known)]


def in_text_unit(stated: Stated, amount: Any, whole: Decimal | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The message for an amount, with the rule's in the text's unit where the units differ: 1 point against the 0.5
    point a share of 5% of 10 is, not against 5% (QA119 F5)."""
    if amount is None or not whole:
        return STANDARD, ()
    by_share = stated.percent or stated.fraction is not None
    if amount.is_share and not by_share:
        return AS_POINTS, (("points", shown_points(amount.of(whole))), ("whole", shown_points(whole)))
    if by_share and not amount.is_share:
        return AS_SHARE, (("share", shown_share(amount.value / Fraction(whole))), ("whole", shown_points(whole)))
    return STANDARD, ()


def compared_lines(stated: list[tuple[Stated, bool]], below: bool, actual: Decimal | None, param: str,
           target: Decimal | None = None) -> list[Compared]:
    """Zero lines ('低于60%不得分') on the side the rule scores 0 against its parameter; one agreeing is enough. With a
    constant `target`, a percentage may be one beyond it: '超过20%不得分' of a ratio to a norm of 1 is zero_at 1.2 (QA61 F6)."""
    kept = [s for s, is_below in stated if is_below == below]
    beyond = [target * (1 - s.value / 100) if below else target * (1 + s.value / 100)
              for s in kept if s.percent and target is not None]
    any_agrees = any(same_value(s, actual) for s in kept) or (actual is not None and actual in beyond)
    shown = plain(actual) if actual is not None else NOT_SET
    return [Compared(s.start, s.quote, param, shown_stated(s), shown, any_agrees) for s in kept]


def ladder_amounts(stated: list[Stated], ladder: Any, whole: Decimal | None, param: str) -> list[Compared]:
    """Deductions per finding against a ladder: each against its points_each (share_each), but one whose sentence names a
    word of the ladder's keyword_points ('存在截留、挤占、挪用的，每处扣5分' against keywords [挪用]) and that the
    points_each does not agree with, against those keyword_points' amount (QA170 F6: it was taken for a finding's own
    points and never compared)."""
    keyed = ladder.keyed if ladder is not None else ()
    each = ladder.each if ladder is not None else None
    general, found = [], []
    for s in stated:
        if not keyed and _names_kinds(s.clause):  # the findings' own points, as docs/authoring.md says (QA189 F4)
            continue
        hits = [i for i, k in enumerate(keyed) if any(word in s.clause for word in k.words)]
        plain_agrees = (compared_amount(s, each, whole) or (True,))[0] if each is not None else False
        if not hits or plain_agrees:
            general.append(s)
            continue
        results = [(i, result) for i in hits for result in (compared_amount(s, keyed[i].each, whole),) if result is not None]
        if not results:
            continue
        i, (_, actual) = results[0]
        key = f"{param}keyword_points[{i}]." + ("share" if keyed[i].each.is_share else "points")
        found.append(Compared(s.start, s.quote, key, shown_stated(s), actual, any(r[0] for _, r in results),
                              *in_text_unit(s, keyed[i].each, whole)))
    return compared_amounts(general, each, whole, param) + found


# '存在截留、挤占、挪用的，每处…': a sentence naming kinds of findings, not every finding ('存在问题的' names none)
_NAMES_KINDS = compile_later(r"存在(?P<kinds>[^，,；;。]+?)(?:等情况|等问题|情况|问题|行为)?的[，,]")
# …unless it points back or speaks of any finding: 存在上述问题的, 存在以上情况的, 存在不合规情况的, 存在违规违纪问题的 (QA190 F2)
_ANY_FINDING = compile_later(r"(上述|以上|前述|下列|相关|其他|其它|任何|各类|各种|此类|该类|这类).*|"
                             r"(不合规|不规范|违规|违纪|违法|违规违纪|违纪违规|违法违规)?(问题|情况|行为)?|缺陷|差错")


def _names_kinds(clause: str) -> bool:
    """Whether a deduction's sentence names kinds of findings ('存在截留、挤占、挪用的，每处扣5分'): with no
    keyword_points, its amount may be the points those findings give themselves, and is not compared with points_each."""
    m = _NAMES_KINDS.search(clause)
    return m is not None and _ANY_FINDING.fullmatch(m.group("kinds").strip()) is None
