"""A finding's text that holds several findings, or only says how many there are.

Each finding may cost points (每发现一处问题扣1分), so a line holding two, numbered
as a list typed without Alt+Enter (1.未附发票 2.超标准列支, （1）…（2）…), or
counting them (存在2处问题：未附发票、超标准列支), read as one finding took one
point where the standard takes two, in silence (QA277 F1). A count heading the
lines that name the findings (存在2处问题：⏎未附发票⏎超标准列支) is no finding of
its own, and tells how many lines should follow.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._fault_words import FAULT
from ._finding_points import points_said
from ._one_line_findings import faults_on_one_line
from ._patterns import compile_later


__all__ = ["count_heading", "holds_several", "numbered_inline", "said_count"]

_DIGITS = "零一二三四五六七八九"

# A list's numbers as a clerk types them inline, each style with the item's number: 1. 1、 1) | (1) | 【1】 | 一、 | (一) |
# 一是 | ①, ❶ or ➀ (kept from NFKC as a private character of its number, _CIRCLED). An arabic number before a digit is
# an amount (1.5万元), one after a digit or a point part of it; a Chinese numeral before another is a span (二、三季度).
# Each with whether a word after it may make it a number named (第（二）项, ①号楼, 分2)期) rather than a list's: a list's
# 2. or 一、 is followed by its item's words, 项目 too (QA281 F4).
_STYLES = ((compile_later(r"(?<![0-9.])([0-9]{1,2})[.、](?![0-9.])"), False), (compile_later(r"(?<![0-9.])([0-9]{1,2})\)"), True),
           (compile_later(r"\(([0-9]{1,2})\)"), True), (compile_later(r"【([0-9]{1,2})】"), False),
           (compile_later(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,2})[、.](?![一二三四五六七八九十])"), False),
           (compile_later(r"\(([一二三四五六七八九十]{1,2})\)"), True),
           (compile_later(r"(?<![一二三四五六七八九十])([一二三四五六七八九十])是"), False),
           (compile_later("([\ue001-\ue014])"), True),
           # 问题1：…问题2：…, 第一，…第二，… (QA280 F4)
           (compile_later(r"问题([0-9]{1,2})[:.、]"), False), (compile_later(r"第([一二三四五六七八九十])(?=[,、:])"), False))
#: A number that is no list's: an article, an item, a place or a stage named by it (第（二）项, 第4条第(2)项, ①号楼, ①轴,
#: 分2)期), or a part of a document cited (《实施方案》二、（三）, 《通知》（二）中, “（2）专款专用”) (QA279 F4)
_NAMED_BY = compile_later(r"号|轴|期|楼|层|栋|段|区|村|组|户|座|排|节|章|款|班|级|批|\(|项(?!目)|条(?!款)|目(?!标)|标(?!准)|"
                          r"中(?=关于|规定|要求|的)")  # never an item's words: ②中标单位, (2)项目, (2)条款 (QA281 F4)
_CITED_AFTER = frozenset("》“\"")
_MARKS = compile_later(r"[,、:;。\s]")
_CIRCLED = {**{chr(0x2460 + i): chr(0xE001 + i) for i in range(20)}, **{chr(0x2776 + i): chr(0xE001 + i) for i in range(10)},
            **{chr(0x2780 + i): chr(0xE001 + i) for i in range(10)}}
_CIRCLED_TABLE = str.maketrans(_CIRCLED)
# where a list's first number stands: at the start, or after a heading's colon (发现问题如下：1.…), or after a lead-in's
# comma or full stop (经检查，一是…。二是…; 存在2个方面问题。一是…: QA294)
_FIRST_AT = compile_later(r"(?:[^:,。]{0,30}[:,。])?")
# A count said first, before a colon: 存在2处问题：, 经检查，发现3个问题：, 共两处：, 问题2个：; a count of things
# (3笔支出存在问题：, 两个标段的…情况：, 3次：) is none (QA279 F5): a unit other than 处 counts findings only with 问题 or
# 不足 after it
_HOW_MANY = r"([0-9]{1,3}|[两一二三四五六七八九十]{1,3})"
_KINDS = r"(?:违规|违纪|违法|不合规|不规范|主要|和|及|、)*"
# 发现问题2个，具体如下： (QA280 F2); 发现2处问题，未附发票，坐支现金: the count before a comma as before a colon (QA294)
_THEN = r"(?:,?(?:具体)?(?:如下|如|为|是|分别为|分别是|详见下表|见下表|如下表))?[:,]"
#: the words that lead the findings after a count, without a colon (发现2处问题，具体如下)
_THEN_WORDS = compile_later(r"(?:具体)?(?:如下|如|为|是|分别为|分别是|详见下表|见下表|如下表)")
#: a word of fault before a count: the count is of that finding (未附发票，共3处, 以拨代支，共2处: QA297 F3), never a heading
_FAULT_BEFORE = FAULT
_COUNTED = compile_later(r"(?:[^:0-9]{0,12}?(?:发现|存在|共计|共有|共|有|其中))?(?:以下|如下)?" + _HOW_MANY + r"(处|个|项|条)"
                         + _KINDS + r"(方面的?问题|问题|不足(?:之处)?|方面)?" + _THEN + "|"  # 主要问题有以下3个方面： (QA282 F4)
                         r"(?:[^:0-9]{0,12}?(?:发现|存在))?问题(?:共|有)?\(?(?:共)?" + _HOW_MANY
                         + r"(?:处|个|项|条)\)?()" + _THEN, needs=",:问")
# A count alone, with its unit, or closing a list in brackets: 2处, 发现3处问题, 两处违规问题, （共2处）; 一 or 3 alone may
# name a finding (a case's placeholders)
_ALONE = compile_later(r"\(?(?:以上)?(?:发现|共计|共有|共|存在|有|合计|缺少|缺)?" + _HOW_MANY + r"(?:处|个|项|条)"
                       r"(?:(?:违规|违纪|违法|不合规|不规范|异常|和|及|、)*(?:问题|情况))?\)?", needs="个处条项")
# A count after the findings it closes: 未附发票、超标准列支等2处问题 (QA279 F3)
_COUNT_AFTER = compile_later(r"等" + _HOW_MANY + r"(?:处|个|项|条)(?:问题)?$")


def _bare(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())  # （1） as (1), １． as 1., no spaces


def _number(written: str) -> int:
    """1, 12, 二, 两, 十二, 二十, a circled number as _CIRCLED keeps it, as a number (the counts and list numbers a clerk
    writes); -1 for what is none of them."""
    if written.isascii() and written.isdigit():
        return int(written) if len(written) <= 6 else -1
    if "\ue001" <= written <= "\ue014":
        return ord(written) - 0xE000
    tens, ten, ones = written.replace("两", "二").rpartition("十")
    if any(c not in _DIGITS[1:] for c in tens + ones) or len(tens) > 1 or len(ones) > 1 or not (ten or ones):
        return -1
    return ((_DIGITS.index(tens) if tens else 1) * 10 if ten else 0) + (_DIGITS.index(ones) if ones else 0)


#: the longest text whose reading is kept (a portfolio's findings repeat, and every one is asked), as _no_finding keeps
#: what a short text says; and the longest read at all (a finding is shorter: a longer text is one as written)
_KEPT_LENGTH, _READ_LENGTH = 200, 2000


def numbered_inline(text: str) -> bool:
    """Whether `text` is a list numbered inline: its first item's number at its start (or after a heading's colon), the
    next number of the same style later (1.未附发票 2.超标准列支, （1）…（2）…, ①…②…, 一、… 二、…)."""
    return _numbered_kept(text) if len(text) <= _KEPT_LENGTH else len(text) <= _READ_LENGTH and _numbered(text)


@lru_cache(maxsize=4096)
def _numbered_kept(text: str) -> bool:
    return _numbered(text)


def _numbered(text: str) -> bool:
    bare = _bare(text.translate(_CIRCLED_TABLE))  # ① kept as its number's own character: NFKC would make it a bare 1
    start = _FIRST_AT.match(bare)
    head = start.end() if start and start.end() < len(bare) and bare[start.end() - 1] in ":,。" else 0
    if head and bare[head - 1] != ":" and FAULT.search(bare, 0, head):  # 工程款提前支付，一是…，二是…: one finding, told
        head = 0  # item by item, where 经检查，一是…。二是… is a list (QA297 F5)
    for style, named in _STYLES:
        for first in (style.match(bare, head), style.match(bare)):  # after a lead-in, or at the start (一是…，二是…)
            if first is None or not _a_list_number(bare, first, named):
                continue
            following = _number(first[1]) + 1
            # the next number after words of the item's own: 第一、第二、第三季度 is a span (QA297 F4)
            if any(_number(later[1]) == following and _a_list_number(bare, later, named)
                   and len(_MARKS.sub("", bare[first.end():later.start()])) > 1 for later in style.finditer(bare, first.end())):
                return True
    return _several_counted(bare)


def _a_list_number(bare: str, found: re.Match[str], named: bool) -> bool:
    """Whether a number found is a list's, not an article, an item or a place it names (第（二）项, ①号楼), nor a part of a
    document cited (《通知》（二）); `named`: a word after it may name it."""
    before = bare[found.start() - 1] if found.start() else ""
    return before != "第" and before not in _CITED_AFTER and not (named and _NAMED_BY.match(bare, found.end()))


def _several_counted(bare: str) -> bool:
    """Whether the text closes with a count of two or more of the findings it names (A、B等2处问题)."""
    counted = _COUNT_AFTER.search(bare.rstrip("。.;；"))
    return counted is not None and _number(counted[1]) > 1


def said_count(text: str) -> tuple[int, str] | None:
    """The count of findings `text` says first, before a colon, and what follows it (存在2处问题：未附发票、超标准列支 is
    (2, '未附发票、超标准列支'); 存在2处问题： is (2, '')), or a count alone (2处, 发现3处问题: (3, '')); None when it
    says none (a count of 0 says there is no finding: _no_finding)."""
    return _said_kept(text) if len(text) <= _KEPT_LENGTH else _said(text) if len(text) <= _READ_LENGTH else None


@lru_cache(maxsize=4096)
def _said_kept(text: str) -> tuple[int, str] | None:
    return _said(text)


def _said(text: str) -> tuple[int, str] | None:
    bare = _bare(text).rstrip("。.!！,，;；、")
    counted = _COUNTED.match(bare) if ":" in bare or "," in bare else None
    if counted is not None and bare[counted.end() - 1] == "," and _FAULT_BEFORE.search(
            bare, 0, counted.start(1) if counted[1] else counted.start(4)):
        counted = None  # 部分支出未附发票，共3处，涉及2万元: a finding and how often, not a count heading others (QA295 F2)
    if counted is not None and (counted[2] == "处" or counted[3] or counted[4] is not None):  # 3次：… counts no finding
        count, rest = _number(counted[1] or counted[4]), bare[counted.end():]
        rest = "" if _THEN_WORDS.fullmatch(rest) else rest  # 发现2处问题，具体如下 heads the lines below (QA295 F1)
    elif (alone := _ALONE.fullmatch(bare)) is not None:
        count, rest = _number(alone[1]), ""
    else:
        return None
    return (count, rest) if count > 0 else None


def count_heading(text: str) -> int | None:
    """The count a line says of the findings, naming none of them (存在2处问题：, 2处), None for any other text."""
    said = said_count(text)
    return said[0] if said is not None and not said[1] else None


#: a note of points inside a text, with words after it (未附发票（扣1分）。坐支现金（扣1分）: each finding noting its own)
_POINTS = r"扣除?[0-9.一二两三四五六七八九十半]{1,6}分"
_NOTE_ANY = compile_later(rf"\({_POINTS}\)|[,;。]?{_POINTS}", needs="(扣")
_NOTE_WITHIN = compile_later(rf"(?:\({_POINTS}\)|[,;。]{_POINTS}[,;。])"
                             r"(?=[,;。.!]*[^,;。.!(\[【扣])",
                             needs="(扣")  # words after it, not a second note (扣1分）（扣2分）: said twice)


def holds_several(text: str) -> bool:
    """Whether `text` holds several findings: a list numbered inline, a count of two or more before them, or notes of
    points for each (未附发票（扣1分）。坐支现金（扣1分）: QA294)."""
    said = said_count(text)
    return numbered_inline(text) or (said is not None and said[0] > 1 and bool(said[1])) or (
        "扣" in text and len(text) <= _READ_LENGTH and _NOTE_WITHIN.search(_bare(text)) is not None
        and points_said(text) is not None  # a note inside and one at the end: 未附发票（扣1分），涉及2万元 is one
        # ... each after a fault of its own: 坐支现金（扣1分）涉及金额0.5万元（扣1分） is one, its note said twice (QA297 F6)
        and len(faults_on_one_line(_NOTE_ANY.sub("。", _bare(text)))) > 1)
