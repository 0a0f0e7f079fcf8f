"""Times and dates on a 时效指标 row: which units are a time taken, which text is a date, which number a day number.

A spreadsheet stores a date as the count of its days (45519 is 2024-08-15); a date pasted as a value, or a cell whose
date format was lost, shows that number. Beside a time of days or longer (≤6个月, ≤180日历天, ≤3个月内) such a number is
no time anyone took, so target_rows refuses it as a date; beside a rate (吨/日, 人次/年) or minutes it is an amount.

>>> days_or_longer("个自然月"), days_or_longer("个 月"), days_or_longer("年以内"), days_or_longer("吨/日")
(True, True, True, False)
>>> days_or_longer("小时", hours=True), days_or_longer("小时")
(True, False)
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._arith import plain
from ._text import quoted
from ._patterns import compile_later

__all__ = ["AS_TIER_OR_TIME", "DURATION", "FIRST_DAY", "LAST_DAY", "Deadline", "date_text", "day_of", "days_or_longer",
           "only_date", "only_done", "reach_within", "time_limit", "time_unit", "within_limit", "written_limit",
           "in_place_of_actual", "time_within", "year_fix", "year_in_date_row", "year_limit"]

#: A time a 时效指标 gives in days, hours or months: as often a limit (≤30天) as not, so its sign is not guessed (QA172 F1).
# 30天, 3个月内, 30天完成 (spaces taken whole: three \s* shared a run of 3,200 spaces every way before $ failed, 44 s: QA298 F2)
DURATION = compile_later(r"(工作日|天|日|小时|分钟|周|月)\s*+((以|之)?内)?\s*+(?:完成|办结|完工|竣工)?\s*+$")
#: A unit of days or longer, wholly once spaces and a closing 内/以内/之内 are gone (≤6个月, ≤180日历天, ≤3个月内, ≤2个季度):
#: a day number beside it is a date (QA168 F4, QA169 F1, F2). A rate (吨/日, 人次/年, 元/月) is none.
_DAYS_OR_LONGER = compile_later(r"个?(日历|自然)?(工作日|天|日|周|星期|月份|月|季度|年)")
_HOURS = compile_later(r"个?小时")
_MINUTES = compile_later(r"分钟")  # ≤30分钟内 is in minutes, as 20分钟 is (QA172 F2)
_WITHIN = compile_later(r"(以|之)?内$")
_DONE = compile_later(r"(完成|办结|完工|竣工)$")  # ≤30天完成, 3个月内办结: a time limit in 天, 个月 (QA185 F2)
_YEAR_UNITS = ("年", "年度")  # 2024 in 年: a year, a date target (QA185 F2)
#: A row's name saying it holds a date (项目完成时间, 竣工日期, 建成年份): a bare 2024 there is a year; elsewhere a bare 2000
#: is a count as any other (新增受益人口 2000 at 40000, QA187 F1).
_DATE_NAME = compile_later(r"日期|年份|期限|(完成|完工|竣工|开工|建成|交付(使用)?|办结|验收|投用|上线|实施|建设|启动|支付|拨付)"
                           r"(时间|时限|年度)")
#: A row's name ending saying it holds a year or a date (竣工年份, 完成年度, 竣工日期, 项目完成时间, 建设期限（年）目标): only
#: there is a bare ≤2024 a calendar year written as a limit. 期限内办结件数 or 支付日期偏差天数 ≤2000 is a count at most 2000
#: (QA196 R1); 竣工日期 ≤2024 is a deadline, not 2024 years (QA197 1).
#: A bracket after the name may only say 年 (竣工年份（年）): 完成时间（天） or 审批办结时间（分钟） is a length of time, as is
#: a name of an average or a handling time (平均办结时间, 审批办结时间: QA199 1).
# a bracket holding 年 (竣工年份（年）): looked ahead for, then taken whole (each 年 of an open bracket's run was tried as the
# one, with each end of the run: 32,000 characters took 7.6 s, QA298 F3)
_YEAR_NAME = compile_later(rf"(.*(年份|年度)|.*({_DATE_NAME.pattern}))(\((?=[^()]*年)[^()]*+\))?(目标值?|要求)?")
_LENGTH_NAME = compile_later("平均|办结")
_FIRST_YEAR, _LAST_YEAR = Decimal(1900), Decimal(2099)
#: A year's unit written as a limit, 年内, 年之内, 年底前, 年前, 年内完成 (2024年内: by the end of 2024, QA194 F1).
_YEAR_LIMIT = compile_later(r"年度?(?P<limit>(以|之)?内|[底末]前?|前)?(完成|办结|完工|竣工)?")
_AT_MOST = ("≤", "<=", "≦")
#: The fix for a date on a 时效指标 row where an amount or a tier is read.
AS_TIER_OR_TIME = "write the row as a tier (定性: 达成年度指标… with its score), or the time taken as an amount (≤6个月)"
_SPACES = compile_later(r"\s+")

# 2024.12, 2024-12-31, 20241231, 2024年底, 第四季度
_DATE_TEXT = compile_later(r"(19|20)\d\d\s*(年|[.\-/]\s*(0?[1-9]|1[0-2])(?!\d))|"
                           r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b|"
                           r"[一二三四1-4]\s*季度|[上下]半年|[年月][底末中初]", needs="12半季年月")
_YEAR = compile_later(r"(19|20)\d\d")
#: The numbers a date is written with (2024年, 12月, 31日, 2024.12.31, 20241231, 第四季度): a target with any other number
#: (2024年底前完成40000户, 2024年投入50000万元) is an amount, not a date.
_DATE_NUMBERS = compile_later(r"(19|20)\d\d\s*(年度?|[.\-/]\s*\d\d?(\s*[.\-/]\s*\d\d?)?)|(19|20)\d{6}|\d\d?\s*(月份?|[日号])|"
                              r"[一二三四1-4]\s*季度")
#: Ten years in each unit of a time (days for the rest, 3653): a target longer is a count (≥40000天 of care), no time limit.
_TEN_YEARS = {"年": Decimal(10), "季度": Decimal(40), "月份": Decimal(120), "月": Decimal(120), "周": Decimal(522),
              "星期": Decimal(522), "小时": Decimal(87660)}
_TO_REACH = (">", ">=", "≥", "≧")

FIRST_DAY, LAST_DAY = Decimal(36526), Decimal(54788)  # 2000-01-01 and 2049-12-31 as spreadsheets count days


def days_or_longer(unit: str, hours: bool = False) -> bool:
    """Whether a row's unit is a time of days or longer (or of hours, when `hours`: the target is far under a day
    number, ≤72小时), written with spaces inside or a closing 内 (个 月, 3个月以内) as forms write it."""
    written = _bare_unit(unit)
    return bool(_DAYS_OR_LONGER.fullmatch(written) or (hours and _HOURS.fullmatch(written)))


def _bare_unit(unit: str) -> str:
    """A unit without its spaces and a closing 内/以内/之内 (个 月以内 is 个月)."""
    return _WITHIN.sub("", _DONE.sub("", _SPACES.sub("", unicodedata.normalize("NFKC", unit))))


def time_limit(sign: object, value: Decimal, unit: object, hours: bool, name: object = None) -> bool:
    """Whether a target naming no 二级 is a time limit of days or longer (≤6个月, 30天, 1年内; ≤72小时 when `hours`) of ten
    years at most, beside which a day number is a date. A time to reach (≥40000天, ≥3000小时) or a count of days served
    (40000天) is an amount of that order, and so is the number beside it (QA183 F1). A year (2024 in 年 or 年度, or a
    bare 2024 in a row whose `name` says it is a date, 项目完成时间) is a date target: a day number beside it is a lost
    date, no count (QA185 F2), with a sign or without (≤2024 in 年, QA188 F1). A bare 2000 in any other row, with a sign
    or without (≥2000), is an amount (QA187 F1).

    >>> time_limit("≤", Decimal(6), "个月", False), time_limit(None, Decimal(40000), "天", False)
    (True, False)
    >>> time_limit("≥", Decimal(3), "个月", False), time_limit(None, Decimal(1), "年内", False)
    (False, True)
    >>> time_limit(None, Decimal(2024), "年", True), time_limit(None, Decimal(2024), None, True, "项目完成时间")
    (True, True)
    >>> time_limit(None, Decimal(2000), None, True, "新增受益人口（人）"), time_limit("≥", Decimal(2000), None, True, "人口")
    (False, False)
    >>> time_limit("≤", Decimal(2024), "年", True), time_limit("≤", Decimal(2024), None, True, "项目完成期限")
    (True, True)
    """
    if _year(value) and _year_unit(unit, name):  # its unit or its row's name says so, whatever the sign
        return True
    signed = isinstance(sign, str) and sign.strip() != ""
    reach = signed and unicodedata.normalize("NFKC", sign).strip() in _TO_REACH  # type: ignore[arg-type]
    if reach or not isinstance(unit, str) or not days_or_longer(unit, hours):
        return False
    written = _bare_unit(unit)
    kind = match.group(2) if (match := _DAYS_OR_LONGER.fullmatch(written)) else "小时"
    return abs(value) <= _TEN_YEARS.get(kind, Decimal(3653))


def _year_unit(unit: object, name: object) -> bool:
    """Whether a year's number is in a year's unit: 年 or 年度, or none in a row whose name says it holds a date."""
    if isinstance(unit, str) and unit.strip():
        return _bare_unit(unit) in _YEAR_UNITS
    return isinstance(name, str) and _DATE_NAME.search(unicodedata.normalize("NFKC", name)) is not None


def _year_name(name: object) -> bool:
    """Whether a row's name ends saying it holds a year or a date (建成年份, 项目完成年度, 竣工年份（年）, 竣工日期, 项目完成时间,
    建成年份目标): a bare 2024 there is one.

    >>> _year_name("竣工年份（年）"), _year_name("项目完成年度"), _year_name("期限内办结件数"), _year_name("年度办结件数")
    (True, True, False, False)
    >>> _year_name("竣工日期"), _year_name("资金拨付时间"), _year_name("项目建成年份目标"), _year_name("支付日期偏差天数")
    (True, True, True, False)
    >>> _year_name("平均响应时间"), _year_name("项目建设期限"), _year_name("完成时间（天）"), _year_name("审批办结时间")
    (False, True, False, False)
    """
    if not isinstance(name, str):
        return False
    written = _SPACES.sub("", unicodedata.normalize("NFKC", name))
    return _YEAR_NAME.fullmatch(written) is not None and _LENGTH_NAME.search(written) is None


def _year(value: Decimal) -> bool:
    """Whether a number is a year of 1900–2099, as a target written 2024 is."""
    return value == value.to_integral_value() and _FIRST_YEAR <= value <= _LAST_YEAR


class Deadline(ValueError):
    """year_limit's refusal, its args (message, hint) as any row's, with what a fix naming the row's group needs: the
    year, the comparison written beside it (指标性质, "" if none), and the type the row gives (None if none): the
    group, known once the facts are read against the set, tells which type scores the deadline by its tier (QA196 G3)."""

    def __init__(self, message: str, hint: str, year: str, sign: str, kind: str | None) -> None:
        super().__init__(message, hint)
        self.year, self.sign, self.kind = year, sign, kind

    def __reduce__(self) -> tuple[Any, ...]:
        return Deadline, (*self.args, self.year, self.sign, self.kind)

    def relabelled(self, label: str) -> Deadline:
        """The same refusal said of the row `label` (row 2 (建设工期))."""
        return Deadline(f"{label}: {self.args[0]}", self.args[1], self.year, self.sign, self.kind)


def year_limit(given: Mapping[str, Any], target: Any) -> Deadline | None:
    """The refusal of a measured row's target that is a calendar year (1900–2099) written as a limit: in 年 (or 年度)
    with 内, 以内, 之内, 前 or 底前 (2024年内完成, 2024 beside the unit 年内), or ≤ (≤2024年, ≤2024 in a row whose name
    ends saying it holds a year, 竣工年份; not 期限内办结件数 ≤2000, a count: QA196 R1). That is a deadline, the end of that
    year, no number of years: read as ≤2024 years, an actual 2025年 took 2024 ÷ 2025 of the points (QA194 F1). A deadline
    is judged by its tier, as 2024年12月底前 is; a date is never measured (`target_rows.dated_row`). None for any other
    target: 1年内, ≤30年, 2024年 (no limit) but in a row named for a date. Its fix is the one for any group
    (`_row_fit.deadline_fix` names the group's).

    >>> from scoring_engine.target_rows import parse_quantity as parse
    >>> [bool(year_limit({"target": t}, parse(t))) for t in ("2024年内完成", "≤2024年", "2024年底前", "10年以内", "2024年")]
    [True, True, True, False, False]
    >>> [bool(year_limit({"target": t, "name": "竣工日期"}, parse(t))) for t in ("2024", "2024年", "≥2024", "=2024", "10")]
    [True, True, True, False, False]
    """
    unit = target.unit or given.get("unit")
    written = _SPACES.sub("", unicodedata.normalize("NFKC", unit)) if isinstance(unit, str) else ""
    match = _YEAR_LIMIT.fullmatch(written) if written else None
    given_sign = unicodedata.normalize("NFKC", str(given.get("comparison") or "")).strip()
    sign = unicodedata.normalize("NFKC", str(target.comparison or "")).strip() or given_sign
    named = _year_name(given.get("name"))
    # a year with no sign nor limit word in a row named for a date (竣工日期 2024, 2024年) is its deadline as well: read as
    # a number to reach, 2025 beside it took full marks and 2023 lost points (QA196 G4, QA197 3)
    # (with ≥, 竣工日期 ≥2024 took full marks a year late as well, when a form's blank 指标性质 was filled so: QA204 5)
    plain_year = named and (not written or (match is not None and not match.group("limit")))
    reached = plain_year and sign in _TO_REACH
    if not _year(target.value) or not (match if written else named) \
            or not ((match and match.group("limit")) or sign in _AT_MOST or (plain_year and not sign) or reached):
        return None
    year = plain(target.value)
    text = quoted(given["target"].strip() if isinstance(given["target"], str) else f"{year}{written}")  # 2024 in 年内
    if not (match and match.group("limit")) and target.comparison is None and given_sign:  # ≤ in 指标性质 (QA196 G2)
        text = f"{text} with comparison {given_sign}"
    kind = None if given.get("type") is None else str(given["type"]).strip()
    said = "a year of a date, not a number to reach" if reached else \
        f"a deadline (by the end of {year}), not a number of years to score the actual against"
    return Deadline(f"target {text} is {said}", year_fix(year, given_sign, None if kind is None else ""), year, given_sign,
                    kind)


def year_in_date_row(given: Mapping[str, Any], target: Any) -> bool:
    """Whether a row named for a date (竣工日期) writes a calendar year with no sign (2024, 2024年): its deadline, which
    year_limit refuses beside a number with the fix that fits, not a target whose sign a form's blank 指标性质 should give
    (≥ there took full marks a year late: QA204 5)."""
    return target is not None and target.comparison is None and not given.get("comparison") and \
        year_limit(given, target) is not None


def year_fix(year: str, sign: str, kind: str | None, limit: str = "") -> str:
    """The fix for a calendar year written as a limit beside a number reached: the deadline 2024年12月31日前 judged by its
    tier, the 指标性质 `sign` written beside it cleared (with ≤ kept, the row is measured and its actual is missing: QA196
    G2), and the type the row needs, if any: `kind` named, or "" for the one its group scores by tier; or the time taken
    as an amount, with the type `limit` its group scores a limit by when the row needs it named (QA196 G3)."""
    typed = "" if kind is None else f", and type {kind}" if kind else ", and a type scored by its tier"
    amount = f" with type {limit}" if limit else ""
    return (f"write the row as a tier: target {year}年12月31日前 with its tier (达成年度指标…) and score{_cleared(sign)}{typed}; "
            f"or the time taken as an amount (≤6个月){amount}")


def in_place_of_actual(year: str, sign: str, kind: str) -> str:
    """The fix for a calendar year written as a limit in a row whose own type `kind` already scores it by its tier: its
    tier, score and reason written in place of the actual, the deadline as 2024年12月31日前 (QA196 G3)."""
    return (f"type {kind} judges the row by its tier: target {year}年12月31日前 with its tier (达成年度指标…), score and "
            f"reason in place of the actual{_cleared(sign)}")


def _cleared(sign: str) -> str:
    """The 指标性质 `sign` written beside a year as a limit, cleared: with ≤ kept, the row is measured (QA196 G2)."""
    return f", with comparison {sign} cleared (指标性质 left empty or 定性; no comparison in a facts file)" if sign else ""


def time_within(number: object, unit: str) -> bool:
    """Whether a number in `unit` is a time limit in words (its unit ends in 内: 3个月内, 1年之内) that is no calendar year:
    2024 in 年内 is a deadline, which a ≥ written before it (≥2024年内) does not make a time to reach (QA196 G1)."""
    if not within_limit(unit):
        return False
    try:
        value = Decimal(str(number))
    except ArithmeticError:
        return True
    match = _YEAR_LIMIT.fullmatch(_SPACES.sub("", unicodedata.normalize("NFKC", unit)))
    return not (match and match.group("limit") and value.is_finite() and _year(value))


def time_unit(unit: str) -> str:
    """A time's unit without the closing 内/以内/之内 of a limit (≤3个月内 is in months, as 2个月 is: QA171 F3), nor a closing
    完成/办结/完工/竣工 (≤30天完成 is in days, as 25天 is: QA187 F5); any other unit as written.

    >>> time_unit("个月内"), time_unit("年以内"), time_unit("小时之内"), time_unit("分钟内"), time_unit("国内")
    ('个月', '年', '小时', '分钟', '国内')
    >>> time_unit("天完成"), time_unit("个月内完成"), time_unit("个工作日内办结"), time_unit("完成"), time_unit("项目完工")
    ('天', '个月', '个工作日', '完成', '项目完工')
    """
    written = _WITHIN.sub("", _DONE.sub("", unit).rstrip())
    timed = days_or_longer(written, hours=True) or _MINUTES.fullmatch(_SPACES.sub("", written)) is not None
    return written if written != unit and timed else unit


def only_done(unit: str) -> bool:
    """Whether a unit is a closing 完成/办结/完工/竣工 alone (≤2024.12完成: a date with a word after it, no unit of its own,
    QA188 F2)."""
    return _DONE.fullmatch(_SPACES.sub("", unit)) is not None


def within_limit(unit: str) -> bool:
    """Whether a time's unit ends in the 内/以内/之内 of a limit, before any closing 完成 (个月内, 个月内完成; not 天完成).

    >>> within_limit("个月内"), within_limit("个月内完成"), within_limit("天完成"), within_limit("国内")
    (True, True, False, False)
    """
    written = _DONE.sub("", unit).rstrip()
    return time_unit(written) != written


_NUMBER_FIRST = compile_later(r"[-+]?(\d[\d,]*(\.\d+)?|\.\d+)\s*+(?P<unit>\D*)")  # no sign, no word before the number


def written_limit(target: object, unit: object = None) -> tuple[str, str] | None:
    """(its unit as written, the target as written) of a target that is a time written as a limit in words: its number
    first, no sign nor word before it, its unit (or the row's `unit`, beside a bare number) ending in 内, 以内 or 之内
    (QA189 F1). None for any other target: ≤3个月内 and 不超过3个月 have a sign, 3个月 and 90万元以内 are no limit in time.

    >>> written_limit("3个月内"), written_limit(" 30 天 以内"), written_limit(3, "个月之内")
    (('个月内', '3个月内'), ('天 以内', '30 天 以内'), ('个月之内', '3个月之内'))
    >>> written_limit("≤3个月内"), written_limit("3个月"), written_limit("90万元以内"), written_limit("不超过3个月内")
    (None, None, None, None)
    """
    if isinstance(target, str):
        match = _NUMBER_FIRST.fullmatch(unicodedata.normalize("NFKC", target).strip())
        written = match.group("unit").strip() if match else None
        if match is None or not within_limit(written or (unit if isinstance(unit, str) else "")):
            return None
        return (written, target.strip()) if written else (str(unit), f"{target.strip()}{unit}")
    number = Decimal(str(target)) if isinstance(target, (int, float, Decimal)) and not isinstance(target, bool) else None
    if number is None or not number.is_finite() or not isinstance(unit, str) or not within_limit(unit):
        return None
    return unit, f"{plain(number)}{unit}"


def reach_within(text: str, sign: str, number: str, unit: str) -> tuple[str, str]:
    """(message, hint) for a time written with ≥ (or >, 不少于) and a closing 内 (≥3个月内): 内 makes it a limit, ≥ a
    target to reach, and read as ≥ a project taking 5 months met it (QA172 F3). `unit` is one time_unit strips."""
    within, time = "".join(unit.split()), "".join(time_unit(unit).split())
    return (f"{quoted(text)} is a time to reach ({sign}{number}{time}), but a time ending in 内 is a limit (within "
            f"{number}{time})", f"write ≤{number}{within} for a time limit, or ≥{number}{time} if reaching {number}{time} "
            "was meant")


def day_of(number: Decimal) -> datetime.date | None:
    """The date a bare number stands for when it is a spreadsheet's day number of 2000–2049 (36526–54788), else None."""
    if not FIRST_DAY <= number <= LAST_DAY:
        return None
    return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(number))


def only_date(value: object) -> bool:
    """Whether a target is a date and nothing more (2024年12月底前, 2024.12, 12月底前完成, 上半年): no number in it but the
    date's. 2024年底前完成40000户 or 2024年投入50000万元 is an amount of that year, and the number beside it too (QA183 F2).

    >>> only_date("2024年12月31日前"), only_date("2024年底前完成40000户"), only_date("上半年完成40000人次")
    (True, False, False)
    """
    if not isinstance(value, str):
        return False
    text = unicodedata.normalize("NFKC", value)
    return date_text(text, False) and not any(ch.isdigit() for ch in _DATE_NUMBERS.sub("", text))


def date_text(text: str, number: bool) -> bool:
    """Whether a field is written as a date or a point in the year (2024.12, 2024年, 20241231, 第一季度); a `number`
    that is a year (2024) is one too."""
    text = unicodedata.normalize("NFKC", text)
    return bool(_DATE_TEXT.search(text) or (number and _YEAR.fullmatch(text)))
