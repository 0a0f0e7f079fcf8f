"""Engine values as short Chinese text, for explain and the reports.

>>> from decimal import Decimal
>>> show_value(Decimal("0.8385416666666666666666666667"))
'≈0.838542'
>>> show_value(Decimal("186.4"), "万元")
'186.4万元'
>>> show_value(True)
'是'
>>> show_value({"a": Decimal("1.5"), "b": ["x", "y"]})
'a：1.5；b：（x；y）'
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from typing import Any

from ._arith import GUARD_PLACES, exact, fixed, percent, plain, round_half_up, to_decimal
from ._formula_functions import Finding
from .judgements import Judgement, TargetRow, TierJudgement

__all__ = ["MAX_SHOWN_DECIMALS", "converted_lines", "display_width", "equals_text", "rounding_chain", "row_amount",
           "show_number", "show_value", "show_written"]

#: Numbers with more decimals than this are shown rounded, marked ≈ (the exact value is in the JSON result).
MAX_SHOWN_DECIMALS = 6
#: Decimals a number rounding would carry onto a shorter figure is shown with whole (a fact read from a file has 15 at
#: most; 0.30000000000000004 of a float has 17); past them it is noise of the 28-digit arithmetic, shown as the figure.
MOST_EXACT_DECIMALS = 20


def show_number(value: Decimal) -> str:
    """A number in plain notation; past MAX_SHOWN_DECIMALS decimals rounded half up and marked ≈, with more decimals
    where rounding would carry it to a shorter number: 0.89999966 is ≈0.8999997, not ≈0.9 beside a check that it is
    below 0.9 (QA59 F1). A value of at most MOST_EXACT_DECIMALS decimals that carries at every place is shown whole,
    on its own side of the figure (0.8999999999999, -0.1000000000000001, 80.00000000000001: QA135 F2, QA136 F2,
    QA137 F1); one of more (the 28 digits of 1/3 × 2.7) is cut at 2 × MAX_SHOWN_DECIMALS towards itself, ≈0.899999999999,
    still on its side (QA140 F1); noise below that (1E-28) is ≈0."""
    text = plain(value)
    decimals = len(text.partition(".")[2])
    if decimals <= MAX_SHOWN_DECIMALS:
        return text
    for places in range(MAX_SHOWN_DECIMALS, min(decimals, MOST_EXACT_DECIMALS) + 1):
        rounded = Decimal(fixed(value, places))
        if rounded == value:
            return plain(rounded)
        if len(plain(rounded).partition(".")[2]) == places:  # the last decimal kept is not a zero: no carry to hide it
            return "≈" + plain(rounded)
    places = 2 * MAX_SHOWN_DECIMALS
    rounded = Decimal(fixed(value, places))
    if not rounded:
        return "≈0"
    towards = ROUND_FLOOR if value < rounded else ROUND_CEILING
    return "≈" + plain(value.quantize(Decimal(1).scaleb(-places), towards, Context(prec=max(value.adjusted(), 0) + places + 2)))


def show_value(value: Any, unit: str | None = None) -> str:
    """A fact or derived value as a reader writes it: numbers plain (with the unit), 是/否, findings and judgements as text.

    Lists and mappings (a project detail written as an object) are shown item by
    item, never as Python would print them.
    """
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return show_number(value) + (unit or "")
    if isinstance(value, float) and math.isfinite(value):
        return show_number(Decimal(float.__repr__(value))) + (unit or "")  # via the shortest repr: 0.1 stays 0.1
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Finding):
        return value.text if value.points is None else f"{value.text}（{plain(value.points)}分）"
    if isinstance(value, Judgement):
        return f"{plain(value.score)}分：{value.reason}"
    if isinstance(value, TierJudgement):
        return f"{value.tier}，{plain(value.score)}分：{value.reason}"
    if isinstance(value, TargetRow):
        return _target_row(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "（无）"
        separator = "，" if all(isinstance(v, Decimal) for v in value) else "；"
        return separator.join(_item(v, unit) for v in value)
    if isinstance(value, Mapping):
        return "；".join(f"{show_value(k)}：{_item(v, unit)}" for k, v in value.items()) or "（无）"
    if value is None:
        return "（无）"
    return str(value)


def show_written(value: Any) -> str:
    """A rule parameter as written in the set, compactly: {min: 0.9, points: 10}."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {show_written(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show_written(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def share_written(value: Any) -> str:
    """A share as a rule writes it (0.2, or a fraction: 2/3), as a percentage, or as the fraction where no percentage
    shows it exactly: '20.00%', '2/3' (QA53 F1)."""
    share = exact(value if isinstance(value, str) else Decimal(str(value)))
    decimal = to_decimal(share)
    return percent(decimal) if decimal == share else f"{share.numerator}/{share.denominator}"


def rounding_chain(chain: list[Decimal]) -> str:
    """A value and its roundings: '1.7945 → 1.795 → 1.80' (each rounding with the decimals it keeps). The value is
    shown as the rounding reads it, past the noise of the 28-digit arithmetic, when that has few decimals: 4/3 × 0.33375
    is 0.445 → 0.45, not ≈0.444999999999 → 0.45, false on paper (QA337 4); else as show_number shows it."""
    guarded = round_half_up(chain[0], GUARD_PLACES)
    short = guarded != chain[0] and len(plain(guarded).partition(".")[2]) <= MAX_SHOWN_DECIMALS
    return " → ".join([plain(guarded) if short else show_number(chain[0]), *(format(v, "f") for v in chain[1:])])


def rate_shown(rate: Decimal) -> str:
    """A rate as explain's steps show it: with the decimals it has, two at least, so that the equations after it hold on
    paper and a rate short of a line is not shown on it (QA74 F3: 89.998% shown 90.00%, then 10 × 90.00% = 8.9998, on a
    project flagged for a rate under 90%); one of more decimals (a third) as show_number shows a number: '≈' with six,
    or as many more as keep it off the line it falls short of (≈89.9999999%, not ≈90.000000%: QA76 F4).

    >>> rate_shown(Decimal("0.89998")), rate_shown(Decimal("0.9")), rate_shown(Decimal(1) / 3)
    ('89.998%', '90.00%', '≈33.333333%')
    >>> rate_shown(Decimal("0.8999999970000000089999999730"))
    '≈89.9999997%'
    """
    in_percent = (rate * 100).normalize()
    exponent = in_percent.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -10:
        return show_number(in_percent) + "%"
    return percent(rate) if exponent >= -2 else f"{format(in_percent, 'f')}%"


def equals_after(factor: str, text: str) -> str:
    """'= 5' after an equation's factor shown exactly; '≈ 5' after one shown rounded (≈89.9999997%), since the printed
    factors do not give the value exactly then (QA76 F4: 10 × ≈100.000000% = 9.999999999999)."""
    shown = equals_text(text)
    return "≈" + shown[1:] if factor.startswith("≈") and shown.startswith("=") else shown


def equals_text(text: str) -> str:
    """'= 5', or '≈ 4.98927' for a number shown rounded (show_number's '≈4.98927')."""
    return f"≈ {text[1:]}" if text.startswith("≈") else f"= {text}"


def row_amount(number: Decimal | None, unit: str | None) -> str:
    """A target row's 指标值 or 实际完成值 in its unit: 10公里; a row in % holds a ratio (0.95 is 95%)."""
    if number is None:
        return "（无）"
    return show_number(number * 100) + "%" if unit == "%" else show_number(number) + (unit or "")


def _target_row(row: TargetRow) -> str:
    """A row of a 绩效目标表 as the form prints it: 新建蓄水池：指标值≥19个，实际完成值18个（10分）."""
    def amount(number: Decimal | None) -> str:
        return row_amount(number, row.unit)

    target = row.target_text if row.target_text is not None else row.within if row.within is not None \
        else (row.comparison or "") + amount(row.target)  # a time limit in words as written: 1年之内 (QA189 F1)
    actual = row.tier if row.tier is not None else amount(row.actual)
    return f"{row.name}：指标值{target}，实际完成值{actual}" + (f"（{plain(row.weight)}分）" if row.weight is not None else "")


def _item(value: Any, unit: str | None) -> str:
    """An item of a list or mapping; a list or mapping of several items nested in it is bracketed."""
    text = show_value(value, unit)
    return f"（{text}）" if isinstance(value, (list, tuple, Mapping)) and len(value) > 1 else text


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal or a spreadsheet: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1 for ch in text)


def converted_lines(details: Mapping[str, Any], score: Decimal, p: int) -> tuple[str, ...]:
    """How a rescaled leaf's score was converted, as explain tells it from its `details` (QA339 F1): its score on the
    declared weight, rounded as any leaf's, then the points it lost times the factor, taken from the weight used, as the
    engine gives them out (_rescale_shares)."""
    rescaled = details["rescaled"]
    declared, weight, before = rescaled["declared_weight"], rescaled["weight"], rescaled["score_before"]
    chain = details.get("staged_rounding")
    lines = [f"逐级四舍五入：{rounding_chain(chain)}" if chain else
             f"四舍五入保留{p}位小数：{fixed(before, p)}（按原分值 {plain(declared)} 的得分）",
             f"因其他指标不适用，分值由 {plain(declared)} 按比例调整为 {plain(weight)}（按 {rescaled['factor']} 折算，"
             f"总分为各适用指标得分合计折算后四舍五入）"]
    lost = weight - score
    if before == declared and not lost:
        return (*lines, f"满分，折算得分 = 调整后的分值 {fixed(score, p)}")
    if not before and not score:
        return (*lines, f"得分为 0，折算得分 {fixed(score, p)}")
    exact = rescaled["points_lost"]
    lines.append(f"失分 = {fixed(declared - before, p)} × {rescaled['factor']} {equals_text(show_number(exact))}")
    lines.append(f"四舍五入保留{p}位小数：{fixed(lost, p)}" if round_half_up(exact, p) == lost else
                 f"为使各项得分合计等于折算后的总分（失分按最大余数分配），计 {fixed(lost, p)}")
    lines.append(f"折算得分 = {plain(weight)} − {fixed(lost, p)} = {fixed(score, p)}")
    return tuple(lines)
