"""A label on a form compared with the label a layout gives it, as people write it (full-width, spaced, with its unit)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .._text import prints_as_nothing
from .._patterns import compile_later

__all__ = ["CHINESE_DIGITS", "IN_WAN", "YEAR", "YEAR_PLAIN", "money_unit", "normal", "note_text", "plain_year", "same_label"]


def same_label(written: str, label: str) -> bool:
    """Whether a cell's text is the label: full-width forms, spaces and a trailing colon ignored."""
    return normal(written) == normal(label)


@lru_cache(maxsize=4096)  # a form's cells are compared with every label of its layout: the same few hundred texts
def normal(text: str) -> str:
    """A label or title as `same_label` compares it."""
    # a label with its unit written after it ('年度资金总额（万元）', '分值(分)') is the label: the unit is the form's own
    return _UNIT_AFTER.sub("", "".join(unicodedata.normalize("NFKC", text).split()).rstrip(":"))


# (万元), (分), 总分(100分), (满分100分), (100); an amount's unit, (元), (单位:亿元), (人民币:元), /元: the label, its unit
# refused in the funds block when it is not 万元 (`money_unit`, forms/funds.py: QA200 2, 3; 全年预算数/元: QA225 2)
_UNIT_AFTER = compile_later(r"\((?:万元|满分)?(?:\d+(?:\.\d+)?)?分?\)$"
                            r"|\((?:金额)?(?:单位:)?(?:人民币:?)?(?:千|万|百万|千万|亿)?元\)$|/(?:千|万|百万|千万|亿)?元$")
_MONEY = compile_later(r"(?:\((?:金额)?(?:单位:)?(?:人民币:?)?|^(?:(?:金额)?单位:)?(?:人民币)?|/)((?:千|万|百万|千万|亿)?元)\)?$"
                       # the unit among other words in the label's bracket: 预算执行情况（10分，单位：元） (QA204 2)
                       r"|\((?:[^()]*[,;、])?(?:金额)?单位:(?:人民币)?((?:千|万|百万|千万|亿)?元)(?:[,;、][^()]*)?\)$",
                       needs="(元")
#: An amount in each unit a label may give, in 万元.
IN_WAN = {"元": "0.0001", "千元": "0.1", "万元": "1", "百万元": "100", "千万元": "1000", "亿元": "10000"}
#: An amount in 万元, in each unit a set may declare a funds fact in: exact, both ways.
_FROM_WAN = {"元": Decimal(10000), "千元": Decimal(10), "百万元": Decimal("0.01"), "千万元": Decimal("0.001"),
             "亿元": Decimal("0.0001")}


_FAR_PAST = 20  # digits before the point: past MAX_FACT_MAGNITUDE (1e15), within the decimal context's 28


def from_wan(amount: Decimal, unit: str | None) -> Decimal:
    """An amount the form gives in 万元 as the set keeps a fact declared in `unit` (QA308 1: a set in 元 read the form's
    150 万元 as 150 元): 150 is 1500000 元; as it is in 万元, 万 or no unit.

    >>> from_wan(Decimal("95.5"), "元"), from_wan(Decimal("150"), "亿元"), from_wan(Decimal("150"), None)
    (Decimal('955000'), Decimal('0.015'), Decimal('150'))
    """
    factor = _FROM_WAN.get(unit or "")
    return amount if factor is None else _tidy(amount * factor)


def to_wan(amount: Decimal, unit: str | None) -> Decimal:
    """A fact's amount in `unit` as the form gives it, in 万元: 1234567 元 is 123.4567; as it is in 万元, 万 or none.

    >>> to_wan(Decimal("1500000"), "元"), to_wan(Decimal("1234567"), "元"), to_wan(Decimal("0.015"), "亿元")
    (Decimal('150'), Decimal('123.4567'), Decimal('150'))
    """
    factor = _FROM_WAN.get(unit or "")
    return amount if factor is None else _tidy(amount / factor)


def _tidy(amount: Decimal) -> Decimal:
    """`amount` without the zeros scaling left after its last digit (150.0000 is 150), never in E notation; one far past
    any amount a fact may hold as it is, to be refused where it is read (QA315 1: 1e24 万元 in 元 could not be quantized)."""
    if not amount.is_finite() or amount.adjusted() >= _FAR_PAST:
        return amount
    whole = amount.to_integral_value()
    return whole.quantize(Decimal(1)) if amount == whole else amount.normalize()


def money_unit(text: str) -> str | None:
    """The unit of amounts a label gives at its end, or a note gives alone, when it is not 万元: '元' for
    项目资金（元）, 全年预算数（单位：元）, 全年预算数/元, 全年预算数（人民币：元）, 金额单位：元 or 元 alone (QA225 2); None
    for （万元） and for a label with no unit.

    >>> money_unit("项目资金（元）"), money_unit("全年预算数（亿元）"), money_unit("金额单位：千元"), money_unit("资金（万元）")
    ('元', '亿元', '千元', None)
    >>> money_unit("全年预算数/元"), money_unit("全年预算数（人民币：元）"), money_unit("元"), money_unit("元/吨")
    ('元', '元', '元', None)
    """
    bare = "".join(note_text(text).split()).rstrip(":")
    found = _MONEY.search(bare)
    if found is None or (bare.endswith(")") != found.group(0).startswith("(")):
        return None
    unit = found.group(1) or found.group(2)
    return None if unit == "万元" else unit


def note_text(text: str) -> str:
    """A cell's text as a note is read from: NFKC, without the characters that print as nothing (a zero-width space or
    a BOM pasted from a web page or WeChat, 金额单位\u200b：元: QA225 2)."""
    normal = unicodedata.normalize("NFKC", text.translate(_COLONS))
    return normal if normal.isprintable() else "".join(c for c in normal if unicodedata.category(c) != "Cf")


#: Look-alikes of the colon some input methods give (金额单位∶元, U+2236; ˸, ꞉, ︰): read as the colon (QA227 9); and the
#: traditional forms of a note's words, as a form filled in Hong Kong's or Taiwan's input method gives them (註：本表金額單位
#: 為元: QA247 H2), read as the simplified.
_COLONS = str.maketrans({"∶": ":", "˸": ":", "꞉": ":", "︰": ":", "ː": ":", "⁚": ":",
                         **dict(zip("單額為註說幣資項計績評價貨數據經費預執補貼發與總標準內萬億備實際現報寫統採調變請見詳於頁欄種門戶覽釋須條",
                                    "单额为注说币资项计绩评价货数据经费预执补贴发与总标准内万亿备实际现报写统采调变请见详于页栏种门户览释须条",
                                    strict=True))})


# （2024年度）, （2024）, （2024年1-12月）, （2024.1-2024.12）: the 年度 line as clerks fill it (QA79 F1)
YEAR = compile_later(r"[(（]\s*([\d〇零一二三四五六七八九]{4})\s*(?:年度?|年\s*\d{1,2}\s*[-—–~～至到]\s*\d{1,2}\s*月"
               r"|[.．]\s*\d{1,2}\s*[-—–~～至到]\s*(?:\d{4}\s*[.．])?\s*\d{1,2})?\s*[)）]", needs="(（")
# at the start: a title, not a name's 2021年度; 2025年 alone in its cell, or starting a title that ends in 表
# (2024年项目支出绩效自评表), never a date's 2025年3月 nor a project's 2024年高标准农田建设项目
YEAR_PLAIN = compile_later(r"^\s*([\d〇零一二三四五六七八九]{4})\s*(?:年度|年?\s*$|年(?=\D.*表\s*$))")
CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")  # （二〇二一年度） is 2021


def plain_year(year: Any) -> str:
    """A year as a clerk may write it, in digits: 2024, '2024年', '2024年度', the full-width '２０２４', '二〇二四年' and
    'FY2024' are '2024'; 2024.0 too (a spreadsheet's number). Anything else is given back as text, tidied."""
    text = "".join(c for c in unicodedata.normalize("NFKC", str(year))
                   if not c.isspace() and not prints_as_nothing(c) and unicodedata.category(c) not in ("Cf", "Cc"))
    text = re.sub(r"年度?$", "", text)
    if _WRITTEN_YEAR.fullmatch(text):  # the zero typed as 〇, or as the circle ○ or the letter O (QA42 F4)
        text = text.translate(_YEAR_DIGITS)
    text = re.sub(r"^FY", "", text, flags=re.IGNORECASE)
    return text.split(".")[0] if re.fullmatch(r"\d{4}\.0+", text) else text


_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九○Oo", "00123456789000")  # 二〇二四 is 2024
_WRITTEN_YEAR = compile_later("[〇零一二三四五六七八九○Oo0-9]{4}")
