"""Target rows as the 绩效目标表 and the 自评表 write them: '≥50个', '≤90万元', '100%', '=1次', '效果明显'.

A row of a list fact with ``items: target`` is one 三级指标 of the project's own targets: its 二级 category, the
comparison (≥, ≤, =), the target value with its unit, the actual value, the weight, and the deviation explanation.
Real forms write the comparison and the unit into the value, in half- or full-width characters, and store numbers as
text; this module reads all of those into one TargetRow, and refuses anything else with a message that says what it
expected.

>>> parse_quantity("≥５０个")
Quantity(comparison='≥', value=Decimal('50'), unit='个')
>>> parse_quantity("≤ 90万元").unit
'万元'
>>> parse_quantity("100%").value
Decimal('1')
>>> parse_quantity("效果明显") is None
True
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ._numpy_values import NUMPY_HINT, kind_of, not_finite_hint, numpy_name
from ._arith import in_range, plain, round_half_up, too_many_digits
from ._record import record
from ._text import cut, quoted
from ._digit_groups import split_digits
from ._sign_words import WORD_SIGNS, in_signs as _in_signs
from ._time_units import (DURATION, FIRST_DAY, Deadline, date_text, day_of, days_or_longer, only_date, reach_within,
                          time_limit, only_done, time_unit, time_within, written_limit, year_limit, AS_TIER_OR_TIME)
from .judgements import TargetRow
from ._unit_slips import example as _example, units_disagree
from ._patterns import compile_later

__all__ = ["COMPARISONS", "QUALITATIVE", "ROW_KEYS", "Quantity", "dated_row", "parse_comparison", "parse_quantity",
           "row_document", "target_row", "written_quantity"]

#: The comparisons of the 指标性质 column, as the engine writes them.
COMPARISONS = ("≥", "≤", "=")
#: The key under which a set names the row type of qualitative rows (targets given as text).
QUALITATIVE = "定性"
#: Every key a target row may have, in the order the docs list them.
ROW_KEYS = ("id", "name", "category", "type", "comparison", "target", "actual", "unit", "weight", "tier", "score", "reason")

# Signs as forms write them, after NFKC (which turns ＞＝ into >= and ＝ into =).
_SIGNS = {"≥": "≥", ">=": "≥", "≧": "≥", "≤": "≤", "<=": "≤", "≦": "≤", "=": "=", "==": "="}
_STRICT = {">": "≥", "<": "≤", "＞": "≥", "＜": "≤"}
# Digits are 0-9 (full-width ones are made so first): any other script's, the Unicode of the Python reading them would
# choose (Kawi digits, Unicode 15, were a number on 3.12 and text on 3.11: QA80 F2).
# Thousands are grouped by a comma or a space (5 000, as GB/T 15835 writes them; a no-break or thin space is one after
# NFKC), groups of three digits after the first: 5 000 is 5000, and digits split otherwise (5 00, 2 3) are refused.
# Spaces around the number are taken whole (shared every way with the unit's \D*, 32,000 took 3.6 s: QA299 F1).
_QUANTITY = compile_later(r"(?P<sign>>=|<=|==|[≥≤≧≦=><])?\s*+(?P<number>[-+]?(\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+|\d+)(\.\d+)?"
                          r"|[-+]?\.\d+)\s*+(?P<unit>\D*)", re.ASCII)
_NUMBER_START = compile_later(r"[\d.]")  # before it, a quantity's sign or its words as typed (大于19栋's 大于: QA214 14)
_UNIT = compile_later(r"[^\d\s,.;:，；：。()（）<>=≥≤]{1,12}", re.ASCII)


@record
class Quantity:
    """A value as a form writes it: the comparison in front (if any), the number, the unit after it (if any).

    A percentage is read as a ratio with unit '%': '95%' is 0.95.
    """

    comparison: str | None
    value: Decimal
    unit: str | None


def _normal(text: str) -> str:
    """Full-width digits, signs and ％ as their ASCII forms, the signs of GB standards and engineering (⩽, 不大于 ≯) as
    ≤ and ≥; surrounding spaces gone."""
    return unicodedata.normalize("NFKC", text).strip().translate(_OTHER_SIGNS)


_OTHER_SIGNS = str.maketrans({"⩽": "≤", "≯": "≤", "⩾": "≥", "≮": "≥"})


def parse_comparison(text: str, words: str = "") -> str:
    """'≥', '≤' or '=' for a comparison as written ('>=', '＞＝', '≧'…, or the words a target writes it in: 不少于, 大于),
    or in `words` (大于 for >: said as written, QA214 14); ValueError(message, hint) otherwise."""
    written = WORD_SIGNS.get(_normal(text), _normal(text))  # 大于等于 as ≥, 大于 as >, as a target's words (QA217 8)
    if written in _SIGNS:
        return _SIGNS[written]
    if written in _STRICT or text.strip() in _STRICT:
        raise ValueError(f"comparison {quoted(words or text)} is strict",
                         f"the 指标性质 are ≥, ≤ and =: write {_STRICT.get(written, '≥')}")
    raise ValueError(f"comparison {quoted(text)} is not one of ≥, ≤, =",
                     "write ≥, ≤ or =, or 定性 for a target in words (full-width ＞＝ and ≧ are read as ≥)")


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a text writes ('≥50个', '≤90万元', '100%', '=1次', '1,182.33', and in words '不少于50个', '50个以上',
    '不超过90万元'), or None when it is no quantity.

    ValueError(message, hint) for text that starts like a quantity but is not one
    ('>50个' and '超过50个' are strict).

    >>> parse_quantity("不少于19栋"), parse_quantity("90%以上")
    (Quantity(comparison='≥', value=Decimal('19'), unit='栋'), Quantity(comparison='≥', value=Decimal('0.9'), unit='%'))
    """
    written = _in_signs(_normal(text))
    match = _QUANTITY.fullmatch(written)
    if match is None:
        split_digits(text, written)
        return None
    # a unit typed with spaces inside, as forms pad it (3 个月 之内, 5 万 元), is the unit without them
    sign, unit = match.group("sign"), "".join(match.group("unit").split()) or None
    if sign and _SIGNS.get(sign, _STRICT.get(sign)) == "≥" and unit is not None and time_within(match.group("number"), unit):
        raise ValueError(*reach_within(text, sign, match.group("number"), unit))  # ≥3个月内: 5个月 met it (QA172 F3, G1)
    comparison = parse_comparison(sign, _NUMBER_START.split(text.strip(), 1)[0].rstrip()) if sign else None  # 大于, ＞
    if unit is not None and (not _UNIT.fullmatch(unit) or any(unicodedata.category(ch) in ("Nd", "Cn") for ch in unit)):
        # (a digit of another script after the number, 9०公里, is no unit: QA83 F3; nor one the Python's Unicode lacks)
        raise ValueError(f"{quoted(text)} is not a number with a unit", "write e.g. ≥50个, ≤90万元, 100%")
    if unit is not None and "%" in unit and unit != "%":  # '85%%' was 85 in a unit of its own, scored at 9444%
        raise ValueError(f"{quoted(text)}: a percentage is written with % alone, not {unit}",
                         f"write e.g. {match.group('number')}%; a word such as 左右 goes in the reason")
    if unit is not None and _doubled(unit):
        raise ValueError(f"{quoted(text)}: the unit {unit} is typed twice",
                         f"write it once, e.g. {match.group('number')}{unit[:len(unit) // 2]}")
    number = match.group("number").replace(",", "").replace(" ", "")
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    refused = too_many_digits(number, value)  # 9.999…公里 of 31 digits would be scored as 10公里
    if refused is not None:
        raise ValueError(f"{quoted(text)}: {refused[0]}", refused[1])
    value = value / 100 if unit == "%" else value
    if not in_range(value):  # shown short: 1e30 typed in a cell of 公里 is 31 digits
        shown = text if len(number) <= 20 else f"{sign or ''}{format(Decimal(number).normalize(), 'E')}{unit or ''}"
        raise ValueError(f"{shown!r} is out of range (MAX_FACT_MAGNITUDE: under 1e15 in size, 1e-15 at least)",
                         "check the digits")
    return Quantity(comparison, value, unit)


def _split_in_measured(key: str, text: str, units: tuple[Any, ...]) -> None:
    """split_digits of a row's `key` where the row is measured beside a number in one of `units` (the other side's, the
    unit column's), named by its field as parse_quantity's are."""
    try:
        split_digits(text, _in_signs(_normal(text)), measured=True, units=units)
    except ValueError as err:
        raise ValueError(f"{key} {err.args[0]}", err.args[1]) from None


def _doubled(unit: str) -> bool:
    """A unit typed twice ('万元万元', '个个'); not a unit of one Latin letter twice, which is a unit (mm, cc)."""
    half = len(unit) // 2
    return len(unit) % 2 == 0 and unit[:half] == unit[half:] and (half > 1 or not unit.isascii())


def _number_or_quantity(value: Any, key: str) -> Quantity | str:
    """A number field of a row: a number, or text holding a quantity; text that holds none is returned as text."""
    if isinstance(value, bool):  # each field's own fix: TRUE in 年度指标值 was told to write the value reached (QA165 F12)
        raise ValueError(f"{key} must be a number or text, got a true/false value",
                         _TRUE_FALSE_HINTS.get(key, f"write the {key} alone, e.g. 10"))
    if isinstance(value, (int, Decimal, float)):
        return Quantity(None, _bare_number(value, key), None)
    if isinstance(value, str) and value.strip():
        try:
            quantity = parse_quantity(value)
        except ValueError as err:  # named by its field, so that a form names the cell (年度指标值, not the row)
            if not any(words in err.args[0] for words in (" is out of range ", " is typed twice", "written with % alone",
                                                          " are split by a space",
                                                          " is a time to reach (")):
                raise
            raise ValueError(f"{key} {err.args[0]}", *err.args[1:]) from None
        return quantity if quantity is not None else value.strip()
    got = ("a date" if isinstance(value, datetime.date) else "empty text" if isinstance(value, str)
           else kind_of(value))  # a form's date cell, or a blank one
    hint = "a row judged by a date (按期完成) is written as its tier (达成年度指标…), or by the time taken (≤6个月)" \
        if isinstance(value, datetime.date) else NUMPY_HINT if numpy_name(value) else None
    raise ValueError(f"{key} must be a number or non-empty text, got {got}", hint)


#: The fix for TRUE or FALSE typed in a row's field, by the field (a weight or score: the number alone).
_TRUE_FALSE_HINTS = {"actual": "write the value reached, or for a row judged in words its tier (达成年度指标…)",
                     "target": "write the target as a number (≥10公里), or for a row judged in words as words (通过验收)"}


def _bare_number(value: int | Decimal | float, key: str) -> Decimal:
    """A number given as a number (a form's numeric cell, a file's number), within the bounds of any fact's number."""
    if (isinstance(value, float) and not math.isfinite(value)) or (isinstance(value, Decimal) and not value.is_finite()):
        raise ValueError(f"{key} must be a number, got {value}", not_finite_hint(value))
    number = Decimal(float.__repr__(value)) if isinstance(value, float) else Decimal(value)
    if not in_range(number):  # a cell of 1e30 (a file's number is bounded as it is read)
        raise ValueError(f"{key} {format(number, 'E')} is out of range (MAX_FACT_MAGNITUDE: under 1e15 in size, 1e-15 at least)",
                         "check the digits")
    return number


def _plain_number(value: Any, key: str) -> Decimal:
    """weight and score: a number, or a number stored as text ('16', '１６分')."""
    found = _number_or_quantity(value, key)
    if isinstance(found, str) or found.comparison or found.unit not in (None, "分"):
        raise ValueError(f"{key} must be a number, got {quoted(str(value))}", f"write the {key} alone, e.g. 10")
    if found.value < 0:
        raise ValueError(f"{key} must not be negative, got {plain(found.value)}", None)
    return found.value


def _shown(value: Any) -> str:
    """A value as written in a row, for a message: a number as the cell shows it, text in quotes."""
    return plain(value) if isinstance(value, Decimal) else repr(value) if isinstance(value, str) else str(value)


def _text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be non-empty text", NUMPY_HINT if numpy_name(value) else None)
    return value.strip()


#: Two spellings of one unit, the first as the other: 月 is 个月, as clerks write a time both ways.
_SAME_UNIT = {"月": "个月", "月内": "个月内", "月以内": "个月以内"}


def _unit(*units: str | None) -> str | None:
    """The row's unit: the ones written must agree (％, as an input method types it, is %; ≤3个月内 is in 个月, as 2个月 is;
    a unit column's 个 月 is 个月, as in 2 个 月: QA204 6)."""
    written = ["".join(unicodedata.normalize("NFKC", u).split()) for u in units if u]
    written = [_SAME_UNIT.get(u, u) for u in written] if len(set(written)) > 1 else written  # 18月 beside ≤18个月 (QA261 F10)
    if len(set(written)) > 1 and len({time_unit(u) for u in written}) == 1:  # the limit's 内 is no unit (QA171 F3)
        return time_unit(written[0])
    if len(set(written)) > 1:
        raise ValueError(*units_disagree(written))  # how they differ, with its fix (QA331 F8)
    return written[0] if written else None


def _bare_beside_percent(*sides: tuple[str, Quantity, Any]) -> None:
    """A number written without a unit beside a percentage is read as a ratio (0.88 beside ≥90%); one above 1 (88 beside
    ≥90%) is a percentage without its sign, and read as a ratio it is 8800%: refused, with the number to write."""
    percent = next((written for _, q, written in sides if q.unit == "%"), None)
    ratio = next((q.value for _, q, _ in sides if q.unit == "%"), None)
    for key, quantity, _ in sides:
        if quantity.unit is None and percent is not None and ratio and quantity.value <= 1 and quantity.value >= 10 * ratio:
            # 0.5 beside ≤2% (a 漏损率, 事故率): read as a ratio it is 50%, 25 times the target; 0.5% is what was meant
            number = plain(quantity.value)
            raise ValueError(f"{key} {number} has no unit, beside the percentage {percent}",
                             f"write {number}% if it is {number} percent, or {plain(quantity.value * 100)}% for the ratio "
                             f"{number}")
        if quantity.unit is None and quantity.value > 1 and percent is not None:
            number = plain(quantity.value)
            hint = (f"write {number}% for a percentage; a number without a unit is read as a ratio "
                    f"({plain(quantity.value / 100)} is {number}%)") if quantity.value >= 10 else \
                f"write {number}% if it is {number} percent, or {plain(quantity.value * 100)}% for the ratio {number}"
            raise ValueError(f"{key} {number} has no unit, beside the percentage {percent}", hint)


#: A bare number of a row whose unit is % is a ratio (0.95 is 95%); one this large is a percentage without its sign.
_PERCENT_WITHOUT_SIGN = Decimal(10)
#: The largest ratio a target of a row in % plausibly is (a completion rate of 120% is 1.2): above it, beside an actual
#: of 1 or less, the two are on two scales.
_RATIO_TARGET_MOST = Decimal(2)


def _bare_in_percent_row(*sides: tuple[str, Quantity | None]) -> None:
    """In a row written {unit: "%"}, numbers without a unit are ratios (as import writes them: 0.95); 95 there is 9500%,
    which scored a 96% actual at 1% of its points (95 beside 0.96) or 60% at full marks (0.95 beside 60): refused."""
    for key, quantity in sides:
        if quantity is not None and quantity.unit is None and quantity.value >= _PERCENT_WITHOUT_SIGN:
            number = plain(quantity.value)
            raise ValueError(f"{key} {number} is read as the ratio {number} ({plain(quantity.value * 100)}%) in a row "
                             "whose unit is %", f"write \"{number}%\", or the ratio {plain(quantity.value / 100)}")
    (_, target), (_, actual) = sides
    if (target is not None and actual is not None and target.unit is None and actual.unit is None
            and target.value > _RATIO_TARGET_MOST and 1 >= actual.value > 0):  # 5 beside 0.08: 500% and 8%, or 5%?
        t, a = plain(target.value), plain(actual.value)
        raise ValueError(f"target {t} and actual {a} are on two scales in a row whose unit is % (as ratios, "
                         f"{plain(target.value * 100)}% and {plain(actual.value * 100)}%)",
                         f"write both as percentages (\"{t}%\" / \"{plain(actual.value * 100)}%\", or \"{a}%\"), "
                         "or both as ratios")


def _two_scales(target: Quantity, actual: Quantity, unit: str | None) -> None:
    """Numbers of a row, at least one without a unit, one a fraction below 1 and the other 10 or more: a ratio beside a
    percentage without its sign (≥90 beside 0.95 scored 1% of the points; 0.9 beside 95, or 95万元, full marks at
    10556%): refused. (A row reached 1,000 times over, however its unit is written, is refused by the group that knows
    whether its rule is a ceiling: `_row_fit`.)"""
    small, large = sorted((target.value, actual.value))
    # a target of 1 (100%) beside 95, with no unit at all, is a ratio beside a percentage as 0.9 is; 1 beside 12 or 150,
    # or 12 planned and 1 reached, may be counts
    if (0 < small < 1 and large >= 10) or (target.value == 1 and 50 <= actual.value <= 100 and unit is None):
        raise ValueError(*two_scales(target.value, actual.value, unit))


def two_scales(target: Decimal, actual: Decimal, unit: str | None) -> tuple[str, str]:
    """(message, hint) for a row whose target and actual are on two scales, with how many times apart they are."""
    small, large = sorted((target, actual))
    t, a = plain(target), plain(actual)
    as_percent = [f"\"{plain(n * 100) if n <= 1 else plain(n)}%\"" for n in (target, actual)]
    apart = large / small  # up to 10³⁰ (1e15 beside 1e-15): past the context's digits it is shown as a power of ten
    times = plain(round_half_up(apart, 0)) if apart.adjusted() < 15 else f"{apart:.0E}"
    if unit is None:
        return (f"target {t} and actual {a} have no unit and are on two scales ({times} times apart)",
                f"if they are percentages write {as_percent[0]} and {as_percent[1]}; else give the row its unit")
    return (f"target {t} and actual {a} of a row in {unit} are {times} times apart, as if on two scales",
            f"check the digits, and write both in {unit}")


def dated_row(given: Mapping[str, Any]) -> bool:
    """Whether a 时效指标 row's target is a deadline in words judged by its tier (12月底前完成, not 12 in 月底前完成). A date
    measured (≤2024.12 against 2025.03 took 2024.12 ÷ 2025.03 of the points: QA47 F3), or as a tier (QA47 F4), is refused.
    A facts file's row naming no 二级 is a time row for the day numbers alone, by its time limit (≤6个月) or dated target."""
    timed = isinstance(given.get("category"), str) and "时效" in given["category"]
    if not timed and given.get("category") is not None:
        return False
    written = [given.get("unit")] + [q.unit for q in map(written_quantity, (given.get("target"), given.get("actual"))) if q]
    units: list[str] = [u.strip() for u in written if isinstance(u, str) and u.strip()]
    # 2024-12-31 pasted as a value into a General cell: 45657 (QA89 F3), beside ≤6个月 too (QA165 F4)
    hours = (target := written_quantity(given.get("target"))) is not None and abs(target.value) * 10 < FIRST_DAY
    dated = only_date(given.get("target")) or (target is not None and time_limit(  # ≤6个月, not ≥40000天 (QA183 F1, F2)
        target.comparison or given.get("comparison"), target.value, target.unit or given.get("unit"), hours, given.get("name")))
    for key in ("actual", "target") if ((not units or any(days_or_longer(u, hours) for u in units)) if timed else dated) else ():
        if (day := _day_number(given.get(key))) is not None:
            raise ValueError(f"{key} {quoted(str(given[key]))} of a 时效指标 row is a date that lost its format (Excel's "
                             f"day number of {day.isoformat()}), neither an amount nor a tier", AS_TIER_OR_TIME)
    if not timed or any(DURATION.search(u) or not u.startswith(("年", "月")) for u in map(time_unit, units) if not only_done(u)):
        return False  # a time taken (2000 in a row of 小时), or an amount in another unit (毫秒, 份): no year (QA49 F3)
    actual = given.get("actual")
    for key in ("actual", "target"):
        if not _date_in(given.get(key)):
            continue
        if key == "target" and isinstance(given["target"], str) and (
                given.get("tier") is not None or (isinstance(actual, str) and written_quantity(actual) is None)):
            return True
        raise ValueError(f"{key} {quoted(str(given[key]))} of a 时效指标 row is a date, neither an amount nor a tier",
                         AS_TIER_OR_TIME)
    return False


def written_quantity(value: Any) -> Quantity | None:  # what a number or a text holds ('900万元', '≥95%'), else None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float, str)) or (  # a program's 45519.0 too
            not isinstance(value, (int, str)) and not math.isfinite(value)):  # NaN is refused where the row is read
        return None
    try:
        return parse_quantity(value) if isinstance(value, str) else Quantity(None, Decimal(str(value)), None)
    except ValueError:  # said where the row is read
        return None


def _day_number(value: Any) -> datetime.date | None:
    """The date a bare number stands for when it is a spreadsheet's day number of 2000–2049 (36526–54788), as a date
    pasted as a value, or a cell whose date format was lost, holds it; None for any other value."""
    quantity = written_quantity(value)
    return None if quantity is None or quantity.unit else day_of(quantity.value)


def _date_in(value: Any) -> bool:
    """Whether a row's field is written as a date or a point in the year (2024.12, 2024年, 20241231, 第一季度)."""
    if (quantity := written_quantity(value)) is None and not isinstance(value, str):
        return False
    return date_text(value if isinstance(value, str) else plain(quantity.value), quantity is not None)  # type: ignore[union-attr]


def target_row(index: int, item: Any) -> TargetRow:
    """One row of a target table from its written form, or ValueError(message, hint) naming the row."""
    label = f"row {index + 1}"
    if type(item) is TargetRow:  # a row a Result carries, given back: read as the row a facts file writes
        item = row_document(item)
    try:
        if not isinstance(item, Mapping):
            raise ValueError(f"expected an object {{name: …, target: …, actual: …}}, got {kind_of(item)}", None)
        unknown = [k for k in item if k not in ROW_KEYS]
        if unknown:
            raise ValueError(f"unknown key {str(unknown[0])!r}", "a target row may have: " + ", ".join(ROW_KEYS))
        if item.get("name") is None:
            raise ValueError("missing name", "give the 三级指标 its name")
        if isinstance(item["name"], str) and item["name"].strip():
            label = f"row {index + 1} ({cut(item['name'])})"  # a name that is no text is not shown: its Python form would be
        return _row(item)
    except Deadline as err:  # its fix names the row's group where the facts are read against the set (QA196 G3)
        raise err.relabelled(label) from None
    except ValueError as err:
        raise ValueError(f"{label}: {err.args[0]}", err.args[1] if len(err.args) > 1 else None) from None


def _sign_slip(target: str) -> None:
    """A target begun with a comparison sign that a slip left without its number (≥, ≥ %), or typed twice (≥≥100, ≥=100):
    said so, not as a qualitative row's words (QA278 F7)."""
    signs = _LEADING_SIGNS.match(target)
    if signs is None:
        return
    if not any(c.isdigit() for c in target):
        raise ValueError(f"target {quoted(target)} gives a comparison but no number", "write the number after it: ≥19栋")
    if len(signs[1]) > 1:
        raise ValueError(f"target {quoted(target)} gives its comparison twice",
                         f"write one sign: {signs[1][0]}{target[signs.end():].strip()}")


_LEADING_SIGNS = compile_later(r"\s*([≥≤=<>＞＜＝≧≦]+)\s*")


def _judged_or_measured(given: Mapping[str, Any], target: Any, actual: Any, tier: str | None) -> None:
    """A row is judged by its tier (and a score in it) or measured by its actual value: one giving what both kinds give
    is refused, since one of the two would be read nowhere."""
    if tier is not None and actual is not None and not isinstance(actual, str):  # a tier and a number: one is not read
        raise ValueError("gives both a tier and an actual value, and only one of them is read",
                         "a qualitative row gives its tier (档次), a quantitative row its actual value: leave out the other")
    if isinstance(target, Quantity) and isinstance(actual, Quantity) and (late := year_limit(given, target)):
        raise late  # 2024年内完成 is a deadline: 2025年 took 2024 ÷ 2025 of the points as years (QA194 F1)
    if isinstance(target, str) and isinstance(actual, Quantity):  # a type written or not: words are no number to reach
        _split_in_measured("target", target, (actual.unit, given.get("unit")))  # 5 00人 beside 500人 (QA206 3)
        _sign_slip(target)
        raise ValueError(f"target {quoted(target)} is no number, so the row is qualitative, but actual is a number",
                         "write the target as a number (≥19栋, 不少于19栋), or the actual as a tier (达成年度指标)")
    if "score" in given and isinstance(actual, Quantity):  # the rule scores a number reached: a score given is read nowhere
        raise ValueError("gives both a score and a numeric actual value, and only one of them is read",
                         "a row judged by its tier gives its tier (档次) and score, a row scored from its actual value no "
                         "score: leave out the other")


def _signed(given: Mapping[str, Any], comparison: str | None, target: Quantity | None) -> tuple[str | None, str | None]:
    """The row's comparison, and its target as written if a time limit in words (3个月内, 1年之内, 30天以内: ≤ unless a type
    says how, QA189 F1; 以内's ≤ is a limit's word, as 内 is). ≥ beside a limit (≥3个月内) is refused (QA172 F3)."""
    limit = written_limit(given["target"], given.get("unit")) if target is not None else None
    sign = target.comparison if target is not None and limit is None else None
    if sign and comparison and comparison != sign:
        raise ValueError(f"comparison {comparison} disagrees with the target {quoted(str(given['target']))}",
                         "write the sign once")
    comparison = sign or comparison
    within = limit[0] if limit else ((target.unit or given.get("unit")) if target is not None else None)
    if target and comparison == "≥" and isinstance(within, str) and time_within(target.value, within):  # (QA172 F3, QA196 G1)
        said, fix = reach_within(str(given["target"]), "≥", plain(target.value), within)
        raise ValueError(f"target {said}", fix)
    limited = limit[1] if limit and comparison is None else None
    return "≤" if limited and "type" not in given else comparison, limited


def _row(item: Mapping[str, Any]) -> TargetRow:
    given = {k: v for k, v in item.items() if v is not None}
    deadline = dated_row(given)  # a deadline in words, judged by its tier: its target is text
    written = given.get("comparison")
    # 定性 is the 指标性质 of a row whose target is words (the set maps it to a row type, as it maps ≥, ≤ and =)
    comparison = QUALITATIVE if isinstance(written, str) and written.strip() == QUALITATIVE else \
        parse_comparison(written) if isinstance(written, str) else None
    if "comparison" in given and not isinstance(given["comparison"], str):
        raise ValueError("comparison must be ≥, ≤ or =", None)
    target = given["target"].strip() if deadline else \
        _number_or_quantity(given["target"], "target") if "target" in given else None
    actual = _number_or_quantity(given["actual"], "actual") if "actual" in given else None
    target_number = target if isinstance(target, Quantity) else None
    comparison, limited = _signed(given, comparison, target_number)
    if comparison == QUALITATIVE and target_number is not None:
        raise ValueError(f"comparison {QUALITATIVE} is for a target in words, but the target {_shown(given['target'])} is a "
                         "number", "write ≥, ≤ or = for a numeric target")
    if isinstance(actual, Quantity) and actual.comparison:
        raise ValueError(f"actual {quoted(str(given['actual']))} has a comparison sign",
                         "write the value reached, without ≥, ≤ or =")
    tier = _text(given.get("tier"), "tier")
    _judged_or_measured(given, target, actual, tier)
    worded: str | None = None
    if isinstance(actual, str):
        if target_number is not None:
            _split_in_measured("actual", actual, (target_number.unit, given.get("unit")))
            raise ValueError(f"actual must be a number for a numeric target, got text {quoted(actual)}",  # in its unit
                             f"write the value reached, e.g. {_example(target_number)}")
        # a wording of the tier the set declares is told from another tier where the row is scored (tiers.score)
        tier, worded = (actual, None) if tier is None or tier == actual else (tier, actual)
    numbers = {k: _plain_number(given[k], k) for k in ("weight", "score") if k in given}
    for key, found in (("target", target_number), ("actual", actual)):
        if isinstance(found, Quantity) and found.value < 0:
            raise ValueError(f"{key} must not be negative, got {plain(found.value)}",
                             "write the amount as 0 or more; a fall or a saving is written as its size, with ≤ for a ceiling")
    if numbers.get("weight") == 0:
        raise ValueError("weight must be above 0", "leave weight out of every row for equal shares")
    unit = _unit(_text(given.get("unit"), "unit"), target_number.unit if target_number else None,
                 actual.unit if isinstance(actual, Quantity) else None)
    if unit == "%" and isinstance(actual, Quantity) and target_number is not None:
        _bare_beside_percent(("target", target_number, given.get("target")), ("actual", actual, given.get("actual")))
    if unit == "%":
        _bare_in_percent_row(("target", target_number), ("actual", actual if isinstance(actual, Quantity) else None))
    elif target_number is not None and isinstance(actual, Quantity) and given.get("unit") is None \
            and (target_number.unit is None or actual.unit is None):  # a unit column puts both sides in its unit
        _two_scales(target_number, actual, unit)  # a bare 0.9 beside 95万元 is as much a ratio as beside 95
    return TargetRow(
        name=_text(given["name"], "name") or "", type=_text(given.get("type"), "type"), id=_text(given.get("id"), "id"),
        weight=numbers.get("weight"), target=target_number.value if target_number else None,
        actual=actual.value if isinstance(actual, Quantity) else None, unit=unit, tier=tier, score=numbers.get("score"),
        reason=_text(given.get("reason"), "reason"), category=_text(given.get("category"), "category"),
        comparison=comparison, target_text=target if isinstance(target, str) else None, within=limited, actual_words=worded)


def row_document(row: TargetRow) -> dict[str, Any]:
    """The row as a facts file writes it (the inverse of target_row): only the keys it has, in ROW_KEYS order."""
    written: dict[str, Any] = {"id": row.id, "name": row.name, "category": row.category, "type": row.type,
                               "comparison": row.comparison, "target": row.target if row.target is not None else row.target_text,
                               "actual": row.actual, "unit": row.unit, "weight": row.weight, "tier": row.tier,
                               "score": row.score, "reason": row.reason}
    return {key: written[key] for key in ROW_KEYS if written[key] is not None}
