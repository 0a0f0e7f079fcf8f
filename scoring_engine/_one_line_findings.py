"""A finding that may hold several, written on one line parted by 。 or ，(未附发票。坐支现金。): warned of, counted as one.

A line of findings numbered inline, or counted first, is refused (_several_findings). A line of sentences is not: a
finding is as often written as a fault and what tells of it (资金拨付不及时。项目资金于11月才拨付到位，滞后4个月。) as
several written one after another, and refusing the first would stop a correct form. Read as one, though, two faults
cost one finding's points in silence (QA294: all 89 such lines of its corpus). So the line is scored as written and a
warning names the findings it seems to hold (_fact_warnings), for the clerk to put each on a line of its own when they are
several.

A part of the line names a fault of its own when it holds a word of fault and is none of these, which tell of the
finding before it: a part that refers back or gives a detail, an amount, a measure or a cause (该…, 其中…, 涉及金额…,
滞后4个月, 主要原因…), a consequence (不符合…规定, 存在…隐患), a remark or a none; nor the instances after a verdict on a
category (差旅费报销不规范。报销单据未附审批单。). A part that adds (另有…, 同时…, 此外…) always names one. On QA294's
corpus this warns of 78 of the 89 lines holding several and of 11 of the 92 single findings; of 1,265 lines
of earlier corpora, each one finding, it warns of 2.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._fault_words import FAULT
from ._finding_points import points_said
from ._no_finding import is_remark, says_none
from ._patterns import compile_later

__all__ = ["CLAUSE", "faults_on_one_line"]

#: a word that names a fault (未, 不, 无 read with what follows: a none or a consequence is taken out first)
_FAULT = FAULT
#: what says there is none, or how the work was done well, inside a part (未发现挪用问题, 资金使用总体规范, 履行了…程序)
_NONE = compile_later(r"(?:未发现|没有发现|未见)[^,。;]*?(?:问题|情况|现象|缺陷|缺失|不足)|"
                      r"其[他它余][^,。;]*(?:符合|未发现|齐全|规范)[^,。;]*|"
                      r"[^,。;]{0,8}(?:无|没有)问题|"
                      r"(?:基本|总体|较为?|均)(?:规范|符合规定)|符合规定|履行了[^,。;]*", needs="其履未没符规问")
#: a consequence of the finding before it, never one of its own (不符合财务管理有关规定, 存在质量安全隐患, 无法证明…)
_CONSEQUENCE = compile_later(r"(?:不符合|违反)[^,。;]*(?:规定|要求|约定|标准|办法|制度)|存在[^,。;]*(?:隐患|风险)|"
                             r"(?:缺乏|无|没有)[^,。;]*依据|无法[^,。;]*|未(?:能)?(?:发挥|达到)[^,。;]*(?:效益|作用|效果|目的)|^(?:造成|导致|致使|影响)[^,。;]*|^(?:超出|超过|高于)(?:规定|开支)?标准$",
                             needs="不依存导影无未标致违造")
#: a remark on the finding, or what is to be done about it
_REMARK = compile_later(r"^(?:已|上述|以上|建议|应|请|截至评价时已|经核实系)")
#: a part that refers back or tells more of the finding before it
_DETAIL = compile_later(r"^(?:该|其中|其|此|经查|经核实|经检查|截至|截止|涉及|共计|共|合计|计|金额|主要原因|原因|由于|因|"
                        r"导致|造成|"
                        r"致使|从而|以致|如|例如|比如|即|具体|包括|均|仍|尚|影响|依据|按|对)")
#: an amount, a count or a date (涉及金额3.2万元, 共计5笔, 原定2023年6月完工)
_AMOUNT = compile_later(r"^(?:涉及|金额|合计|共计|共|计)?[0-9.]+(?:万?元|笔|张|个月|天|次|处)?|^(?:原定|原计划|实际)|^[0-9]{4}年")
#: a measure of the fault before it (滞后4个月, 账龄超过3年, 超出标准1.2万元, 仅为65%)
_MEASURE = compile_later(r"^[^,。0-9]{0,12}(?:超过|超出|超期|仅为?|达到?|滞后|延迟|推迟|低于|高于)[^,。0-9]{0,4}[约近]?[0-9.]+")
#: a verdict on a category, at a part's end: the parts after it name its instances (差旅费报销不规范。报销单据未附审批单。)
_VERDICT = compile_later(r"(?:不规范|不到位|不及时|不合规|不健全|不完善|不严格?|不全|不充分|不高|不符|不准确|不细化|不科学|"
                         r"不合理|不够[^,。]{0,4}|偏低|偏高|缓慢|较低|不足|有待[^,。]{0,4}|欠缺|混乱|缺失|不完整|不一致)"
                         r"(?:的)?(?:现象|情况|问题)?$", needs="不偏有欠混缓缺较")
#: a part that adds a finding (另有白条入账2笔, 同时…, 此外…)
_ADDS = compile_later(r"^(?:另有|另外|另|同时|此外|还|且|并|以及|而且)")
#: the longest line read: a finding is short, and a longer text is a paragraph of a report, told as one
_LONGEST = 300


def faults_on_one_line(text: str) -> tuple[str, ...]:
    """The parts of finding `text` that each seem to name a fault of their own, when there are two or more (未附发票。
    坐支现金。 gives both); () for a finding that reads as one."""
    return _faults(text) if len(text) <= _LONGEST else ()


@lru_cache(maxsize=4096)  # a portfolio's findings repeat
def _faults(text: str) -> tuple[str, ...]:
    said = points_said(text)
    written = (said[1] if said is not None else text).strip()
    line = unicodedata.normalize("NFKC", written)
    if not any(mark in line for mark in "。,;、"):  # the usual finding, told at once
        return ()
    label, colon, told = line.partition(":")
    if colon and _names_a_fault(label):  # 合同约定执行不到位：依据…，项目存在提前支付…: a finding, then what tells of it
        return ()
    heads: list[str] = []
    for part in _parts(told if colon else line):
        if not _names_a_fault(part):
            continue
        if not heads or _ADDS.match(part):
            heads.append(part)
        elif _DETAIL.match(part) or _MEASURE.match(part) or (
                (amount := _AMOUNT.match(part)) is not None and _FAULT.search(part, amount.end()) is None):
            continue  # tells of the finding before it (an amount naming no fault after it: not 3笔支出未附发票)
        elif _VERDICT.search(heads[-1]) and not _VERDICT.search(part):
            continue  # an instance of the verdict before it
        elif _restates(part, heads[-1]):
            continue  # of the same thing as the one before it (未设置…年度目标，缺少年度目标…)
        else:
            heads.append(part)
    return _as_written(heads, line, written) if len(heads) > 1 else ()


def _as_written(heads: list[str], line: str, written: str) -> tuple[str, ...]:
    """The parts found in the line as NFKC reads it, as the clerk wrote them (①号, ：, full-width digits: QA297 F8), where
    NFKC kept the line's length; else as read."""
    if len(line) != len(written):
        return tuple(heads)
    shown, at = [], 0
    for head in heads:
        found = line.find(head, at)
        shown.append(written[found:found + len(head)] if found >= 0 else head)
        at = found + len(head) if found >= 0 else at
    return tuple(shown)


def _parts(line: str) -> list[str]:
    """The sentences of a line, or, for one sentence, its clauses (never parting an amount's thousands: 1,000元)."""
    parts = [part.strip() for part in re.split("[。;]", line) if part.strip()]
    if len(parts) < 2:
        parts = [part.strip() for part in CLAUSE.split(line.rstrip("。.;")) if part.strip()]
    if len(parts) < 2 and "、" in line:  # 存在未附发票、坐支现金等问题: a list of faults, each its own
        listed = _LISTED_FAULTS.fullmatch(line.rstrip("。.;"))
        parts = [part.strip() for part in listed[1].split("、") if part.strip()] if listed else parts
    return parts


#: faults listed with 、 as one clause, then said to be several (等问题): 存在绩效目标设置不合理、项目管理不规范等问题
_LISTED_FAULTS = compile_later(r"(?:存在|发现|有)?(.+、.+?)(?:等(?:方面的?|几个|多个)?(?:问题|情况|不足))?")


CLAUSE = compile_later(r",(?![0-9]{3}(?![0-9]))")  # a comma, but in 1,000


#: a word of fault and the two characters after it (超标准, 以拨代支5万): what a finding says was done, not what of
_FAULT_AND_OBJECT = compile_later(f"(?:{_FAULT.pattern}).{{0,2}}")
#: words too common to tell what a finding is of
_COMMON = frozenset("项目资金部分支出单位存在情况问题规定管理相关有关按照的和与及等")


def _restates(part: str, head: str) -> bool:
    """Whether `part` names what `head` is of: three characters of it in a row, away from its words of fault (会议费,
    个人所得税, 年度目标; never 超标准列支 nor 标准列, which two findings of different things share)."""
    bare = _FAULT_AND_OBJECT.sub(lambda found: "|" * len(found[0]), re.sub(r"[0-9.,。;:、%]", "|", head))
    return any("|" not in three and not set(three) <= _COMMON and three in part
               for three in (bare[at:at + 3] for at in range(len(bare) - 2)))


def _names_a_fault(part: str) -> bool:
    if _REMARK.match(part) or is_remark(part) or says_none(part):
        return False
    return _FAULT.search(_CONSEQUENCE.sub("", _NONE.sub("", part))) is not None
