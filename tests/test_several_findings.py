"""Findings lines that hold several findings, or count them: what a careful auditor counts (QA277 F1, QA279)."""

from __future__ import annotations

import pytest

from scoring_engine._no_finding import says_none
from scoring_engine._several_findings import count_heading, holds_several

SEVERAL = ["1.资金滞留 2.超标准列支", "(1)资金滞留(2)超标准列支", "①资金滞留②超标准列支", "❶资金滞留❷超标准列支",
           "【1】资金滞留【2】超标准列支", "一、资金滞留 二、超标准列支", "一是资金滞留，二是超标准列支", "（十）资金滞留（十一）超标准列支",
           "存在2处问题：资金滞留、超标准列支", "经检查，发现2处问题：资金滞留、超标准列支", "主要存在2个问题：资金滞留、超标准列支",
           "检查中发现的问题主要有：1.资金滞留 2.超标准列支", "资金滞留、超标准列支等2处问题", "2023年：1.未按规定公示2.资金未到位",
           "1.未公开招标 2.项目变更未报批", "1、村级资金滞留 2、村组未公示",  # 2.项目: the item's words (QA281 F4)
           "问题1：未附发票 问题2：超标准列支", "第一，未附发票，第二，超标准列支",
           # numbered after a lead-in, counted before a comma, a note of points for each (QA294)
           "经检查，一是未附发票。二是坐支现金。", "存在2个方面问题。一是未附发票。二是坐支现金。",
           "发现2处问题，部分支出未附发票，坐支现金0.5万元", "共发现问题3处，未附发票、坐支现金、白条入账",
           "部分支出未附发票（扣1分）。坐支现金（扣1分）。", "未附发票，扣1分，坐支现金，扣1分"]
ONE = ["（一）违反《预算法》第五十七条第（二）项规定", "(1)未执行合同第4条第(2)项约定", "①号楼与②号楼之间道路未硬化",
       "①轴至②轴间墙体开裂", "1、合同约定分2)期支付，实际一次付清", "一、未按《实施方案》二、（三）要求开展绩效监控",
       "（1）资金未按“（2）专款专用”原则使用", "（一）未落实《通知》（二）中关于公示的要求", "两个标段的合同履约情况：均延期",
       "10个村的公示情况：未公示", "3笔支出存在问题：均无发票", "3次：会议未记录", "资金1.5万元未拨付 2.3万元滞留",
       "一、资料不全，涉及二、三季度", "第1、2项资料缺失", "发现1处问题：未附发票", "5户的公示情况：未公示", "违反第一、二条规定",
       "发现1处问题，未附发票", "未附发票（扣1分），涉及金额2万元", "资金拨付不及时，1.5万元滞留",
       # a finding, then how often it was found: not a count heading others (QA295 F2)
       "部分支出未附发票，共3处，涉及金额2万元。", "部分凭证无审批签字，有5处，已整改。", "会议费超标准列支，其中2处，超出标准0.8万元。",
       # any fault before the count, a span of numbers, a class named by its number (QA297 F3, F4)
       "以拨代支，共2处，涉及金额12万元", "公款私存，共2处，涉及3万元", "资金拨付滞后，第一、第二、第三季度均延迟1个月拨付",
       "经查，(1)班、(2)班学生补助未按时发放",
       # one finding whose note of points is said again after its detail (QA297 F6)
       "未附发票（扣1分），共1处，扣1分", "坐支现金（扣1分）涉及金额0.5万元（扣1分）", "资金使用不规范（扣1分）：主要是以拨代支12万元（扣1分）",
       # a fault, then told item by item (QA297 F5)
       "工程款提前支付，一是合同约定验收后支付，二是实际在验收前已支付", "预算调整未报批，1.调增设备费20万元，2.调减培训费5万元"]


@pytest.mark.parametrize("line", SEVERAL)
def test_a_line_holding_several_findings_is_told(line: str) -> None:
    """Numbered on the line in every style clerks and reports use, or counted before or after them: each finding may
    cost points, and read as one it took one (QA277 F1, QA279 F3)."""
    assert holds_several(line)


@pytest.mark.parametrize("line", ONE)
def test_a_line_of_one_finding_citing_numbers_or_counting_things_is_one(line: str) -> None:
    """A legal citation (第（二）项), a place (①号楼), a part of a document cited (《通知》（二）中), a count of things
    (3笔支出, 两个标段) is one finding: refused as several, the project left the batch (QA279 F4, F5)."""
    assert not holds_several(line) and count_heading(line) is None


@pytest.mark.parametrize(("line", "count"), [("存在2处问题：", 2), ("经检查，发现2处问题：", 2), ("检查发现2处问题：", 2),
                                             ("共发现3处问题：", 3), ("主要存在2个问题：", 2), ("（共2处）", 2), ("2处", 2),
                                             ("经评价，发现问题2处，具体为：", 2), ("存在问题（2处）：", 2), ("共2项问题，详见下表：", 2),
                                             ("发现2处问题，具体如下", 2), ("存在2处问题，分别为", 2)])  # no colon (QA295 F1)
def test_a_count_heading_or_closing_the_findings_is_told_with_its_number(line: str, count: int) -> None:
    """QA279 F2: 经检查，发现2处问题：⏎A⏎B gave 3 findings where there are 2; so did a closing （共2处）, and counts
    said otherwise (具体为：, （2处）：, 详见下表：: QA282 F4)."""
    assert count == count_heading(line)


@pytest.mark.parametrize("line", ["截留、挤占、挪用：否", "违规问题：不适用", "是否存在问题：否", "违规问题：--", "截留挪用：○",
                                  "检查结果：否", "是否存在截留挤占挪用：否", "截留、挤占、挪用：均不存在", "截留挤占挪用：☑否"])
def test_a_label_answered_no_says_none(line: str) -> None:
    """QA279 F1: 截留、挤占、挪用：否 cost 5 points where ：无 cost none; an answer of no after a label of problems says
    there are none. 合同：无 (no contract) is a finding."""
    assert says_none(line) and not says_none("合同：无")
