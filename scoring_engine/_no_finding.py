"""What says "no finding" where a list of findings is written: 无, 没有, a dash, 未发现问题, 资料齐全, 0处.

A form's findings cell holding these is an empty list (forms/side.py); in a
facts file the same words as an item of the list are refused (fact_values.py):
counted as a finding, 未发现问题 cost a point in silence (QA260 F1).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

__all__ = ["COUNT", "says_none"]

_NONE = frozenset({"无", "没有", "暂无", "—", "——", "-", "/", "不涉及"})
_NONE_FOUND = frozenset({"N/A", "NA", "零", "〇"})  # and in a findings cell, where 0 counts findings (not in a list of numbers)
_KINDS = r"(违规|违纪|违法|不合规|不规范|异常|和|及|或|、)*"  # 违规违纪, 违纪违法: the kinds of problem an audit names
_COUNTED = r"(发现|共计|共有|共|存在|有)?([0-9]+|[〇零一二两三四五六七八九十百]+)[处个项条笔次件]?(问题|情况|{kinds}问题)?"
# "No problem found", as a clerk writes it in a findings cell (QA47 F1, QA49 F1: 未发现问题 was one finding, and cost a
# point): a check done, a negation, then at most the kinds of problem and a count of 0. 无会议记录 (no minutes kept) is a
# finding, and does not match.
_NO_PROBLEM = re.compile(r"((经|通过)?(检查|核查|审查|审核|自查|核实)[,:]?)?"
                         r"(暂未发现|尚未发现|未发现|没有发现|未见|未有|未出现|无|没有|不存在|暂无)(任何|明显|相关|此类|该类|上述|这类)?"
                         + _KINDS + r"(问题|情况|现象|事项|异常|违规)?"
                         r"(\((0+|〇|零)[处个项条笔次件]?\))?")
# ... or all in order, as a clerk affirms it in the cell of what is missing (资料齐全 in 档案缺失: QA47 F1)
_IN_ORDER = re.compile(r"(相关)?(资料|档案|手续|材料|票据|凭证|制度|程序|台账|资金使用|资金管理|使用|管理)?(均|都|全部)?"
                       r"(齐全|完整|完备|健全|规范|合规|符合(规定|要求)?|正常)+|(无需|不需要|不需)整改")
#: 2处, 发现3处问题, 两处: how many, not what (QA49 F8); with a note after it (见附件)
COUNT = re.compile(_COUNTED.format(kinds=_KINDS) + r"(\([^)]*\))?")
_ENDS = r"(等)?(的)?(问题|情况|现象|行为|事项|之处|异常)"  # what a clause saying none ends with
# None of a kind of problem found, or all of it ruled out (杜绝): 无缺项, 无违反法律法规情况, 未发现截留、挤占、挪用资金等问题,
# 不存在不合规之处 (QA261 F1, F2: the misuses a set deducts 5 points for, named in the sentence saying there are none,
# cost them). Only such words, never anything between: 未见专家论证情况 (no sign the appraisal was done), 未发现开展可行
# 性研究的情况 and 未发现挪用问题。但存在… are findings (QA262 F1); so are 无会议记录 and 未见验收报告.
_WRONG = (r"(?>(资金使用|资金|支出|使用)?(缺项|缺失|缺漏|缺陷|遗漏|漏项|差错|瑕疵|违规|违纪|违法|违约|不合规|不规范|"
          r"违反((?!等|的|问题|情况|现象|行为|事项|之处|异常|但|另|却|而)[^,;。、]){0,12}|截留|挤占|挪用|虚列|套取|骗取|冒领|侵占|超范围|超标准)(使用|列支)?(资金|支出|开支|行为)?)")
_NONE_OF = re.compile(r"((经|通过)?(检查|核查|审查|审核|自查|核实),?)?(暂未发现|尚未发现|未发现|没有发现|未见|未出现|没有出现|"
                      r"不存在|未有|无|没有|暂无|杜绝了?)(有)?(任何|明显|相关|此类|上述)?" + _WRONG + r"(?:[、和及或与]?" + _WRONG
                      + r")*+" + f"({_ENDS})?")
# All done, as a clerk affirms it in the cell of what is missing: 已全部开展, 均已及时归档 (a quantifier: 已开展 alone
# may be one of several)
_ALL_DONE = re.compile(r"((均已|都已|已全部|全部已|全部|均)(按时|及时|按期|如期|按规定|按要求)?|(已)?(按规定|按要求)?"
                       r"(及时|按时|按期))(开展|完成|归档|落实|报送|执行|到位|提交|公开|验收)(完毕|到位)?")
# A clause before one saying none that says how the work was done: 严格执行资金管理办法，杜绝截留挪用
_PREAMBLE = re.compile(r"(严格|认真)(执行|遵守|按照|落实)[^,;]{0,30}|(经|通过)?(检查|核查|审查|审核|自查|核实)")


def says_none(text: str, findings: bool = True) -> bool:
    """Whether text says "none" (无, 没有, a dash or a slash), typed full width too (／, －) or as a sentence (无。); for
    findings also "no problem found" as clerks write it (未发现违规违纪问题, 经检查，未发现问题, 资料齐全) and a count of
    0 (0处, 〇处).

    >>> says_none("经检查，未发现问题。"), says_none("资料齐全"), says_none("无会议记录")
    (True, True, False)
    """
    bare = "".join(unicodedata.normalize("NFKC", text).split()).rstrip("。.!！,，;；、")
    if bare in _NONE or not findings:
        return bare in _NONE
    if _says_none(bare):
        return True
    clauses = [clause for clause in re.split("[,;]", bare) if clause]  # 严格执行…，未发现截留挪用问题: each clause
    return len(clauses) > 1 and any(map(_says_none, clauses)) and all(
        _says_none(clause) or _PREAMBLE.fullmatch(clause) is not None for clause in clauses)


def _says_none(bare: str) -> bool:
    found = COUNT.fullmatch(bare)
    return (bare.upper() in _NONE_FOUND or _NO_PROBLEM.fullmatch(bare) is not None or _IN_ORDER.fullmatch(bare) is not None
            or _NONE_OF.fullmatch(bare) is not None
            or _ALL_DONE.fullmatch(bare) is not None or (found is not None and found[2].strip("0〇零") == "") or _zero(bare))


def _zero(text: str) -> bool:
    """Whether text is the number 0 (0.0 typed as text)."""
    try:
        return Decimal(text) == 0
    except ArithmeticError:
        return False
