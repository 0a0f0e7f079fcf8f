"""A finding written on one line that seems to hold several (未附发票。坐支现金。): counted as one, with a 提示 (QA294)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scoring_engine
from conftest import ROOT
from scoring_engine._one_line_findings import faults_on_one_line

SEVERAL = {"未附发票。坐支现金。": ("未附发票", "坐支现金"),
           "以拨代支12万元。白条入账3笔。坐支现金0.5万元。": ("以拨代支12万元", "白条入账3笔", "坐支现金0.5万元"),
           "部分支出未附发票，坐支现金0.5万元": ("部分支出未附发票", "坐支现金0.5万元"),
           "资金使用总体规范，但存在白条入账3笔，坐支现金0.5万元": ("但存在白条入账3笔", "坐支现金0.5万元"),
           "坐支现金0.5万元。整改中发现另有白条入账2笔。": ("坐支现金0.5万元", "整改中发现另有白条入账2笔"),
           "资金使用不规范。存在白条入账3笔。另有坐支现金0.5万元。": ("资金使用不规范", "另有坐支现金0.5万元"),
           "未发现截留挪用问题。部分支出未附发票。坐支现金。": ("部分支出未附发票", "坐支现金"),
           # a count that names a fault of its own is no amount of the one before it; a list parted by 、 (QA296 F2, F4)
           "提前支付合同价款；未按规定公开招标；3笔支出未附发票": ("提前支付合同价款", "未按规定公开招标", "3笔支出未附发票"),
           "存在未附发票、坐支现金等问题": ("未附发票", "坐支现金"), "未附发票、坐支现金": ("未附发票", "坐支现金"),
           # as written, never as NFKC reads them (QA297 F8: ①号 shown as 1号)
           "①号楼未验收。②号楼未结算。": ("①号楼未验收", "②号楼未结算"), "未附发票３笔。坐支现金。": ("未附发票３笔", "坐支现金")}
ONE = ["资金拨付不及时。项目资金于2023年11月才拨付到位，滞后4个月。", "部分支出未附发票。涉及金额3.2万元。",
       "差旅费报销不规范。报销单据未附出差审批单。", "往来款长期挂账，账龄超过3年", "部分支出未附发票，不符合财务管理有关规定",
       "未发现挪用问题。部分支出未附发票。", "部分支出未附发票。以上问题已责令整改。", "部分支出未附发票。建议加强票据管理。",
       "坐支现金0.5万元。经核实系经办人疏忽所致。", "部分支出未附发票。其他方面未发现问题。", "预算执行率偏低，仅为65%",
       "项目资金实行专账核算，但存在坐支现金0.5万元", "未附发票（扣1分）", "资金拨付滞后；主要原因是配套资金未到位",
       "部分设备闲置，未发挥应有效益。", "未建立项目资金管理办法，资金使用无制度依据。",  # consequences (QA295 F5)
       "项目建设严重超期，实际工期29个月，超期25个月", "会议通知、签到表缺失", "验收报告、监理日志缺失", "未按规定编制、报送决算",
       "资金拨付滞后，第一、第二批资金分别延迟3个月和2个月"]  # a measure after a longer subject (QA297 F8)


@pytest.mark.parametrize("line", SEVERAL)
def test_a_line_whose_parts_each_name_a_fault_is_told_with_them(line: str) -> None:
    """Read as one, these cost one finding's points where an auditor counts two or three, in silence (QA294: all 89
    such lines of its corpus): each part that names a fault of its own is found."""
    assert SEVERAL[line] == faults_on_one_line(line)


@pytest.mark.parametrize("line", ONE)
def test_a_finding_told_with_its_detail_cause_remark_or_a_none_is_one(line: str) -> None:
    """A fault and what tells of it (a detail, an amount, a measure, a consequence, a cause, an instance of a verdict),
    a remark, a remedy or a none beside it: one finding, warned of nothing."""
    assert () == faults_on_one_line(line)


def _small(findings: list[str], not_applicable: dict[str, str] | None = None) -> scoring_engine.Result:
    small = scoring_engine.load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["findings"]["compliance"] = findings
    document["not_applicable"] = not_applicable or {}
    return scoring_engine.score(small, scoring_engine.parse_facts(json.dumps(document)))


def test_a_facts_files_finding_that_seems_several_is_scored_as_one_with_a_warning_in_either_language() -> None:
    """The finding keeps the points of one, as written, and the warning names it, its label and the findings it seems
    to hold, with the fix; in Chinese whole. Marked 不适用, its indicator scores nothing, and nothing is said."""
    result = _small(["未附发票。坐支现金。", "超范围列支"])
    [warning] = [w for w in result.warnings if w.kind == "one_line"]
    assert "findings.compliance" == warning.fact and "6.00" == str(result.indicator("process.compliance").score)
    assert ("the finding '未附发票。坐支现金。' of 资金使用合规性问题 may be 2 findings on one line (未附发票, 坐支现金); "
            "it is counted as one") in warning.message, warning.message
    assert ("资金使用合规性问题中的 '未附发票。坐支现金。' 可能是写在同一行的 2 个问题（未附发票、坐支现金），按 1 个问题计分"
            "（若是几个问题，请每个问题在单元格中单独占一行，或在事实文件中单独写成一项）") == warning.text("zh")
    assert not [w for w in _small(["未附发票。坐支现金。"], {"process.compliance": "无资金支出"}).warnings if w.kind == "one_line"]
    assert not [w for w in _small(["未附发票", "坐支现金"]).warnings if w.kind == "one_line"]


def test_a_form_cell_whose_line_seems_several_is_warned_of_on_its_cell(tmp_path: Path) -> None:
    """On the 自评表 the 提示 gives the side sheet's cell the clerk typed the line in, not the fact's id (nor, since
    QA319 F1, the form's file: the result is the same whatever path names the form)."""
    from test_form_side_values import FINDINGS_SET, _scored, side_sheet_form

    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "未附发票。坐支现金。"})
    code, output = _scored(form, tmp_path)
    assert 0 == code and f"  - 表外事实!C{rows['found']}：合规性问题中的 '未附发票。坐支现金。' 可能是写在同一行的 2 个问题" \
        in output, output
    assert "found：" not in output


def test_the_findings_a_warning_names_are_as_written_and_a_paragraph_of_many_lists_a_few() -> None:
    """QA295 F5: the parts quoted kept the sentence's 。, an amount's 1,000 was parted at its comma and shown 1，000, and a
    line of 40 faults listed all 40. The parts are as written, 1,000 whole, and five are listed, then …"""
    assert ("坐支现金 1,000元", "白条入账2笔") == faults_on_one_line("坐支现金 1,000元，白条入账2笔。")
    many = "未附发票。坐支现金。白条入账。以拨代支。公款私存。重复报销。虚列支出。"
    [warning] = [w for w in _small([many]).warnings if w.kind == "one_line"]
    assert "may be 7 findings on one line (未附发票, 坐支现金, 白条入账, 以拨代支, 公款私存, …)" in warning.message, warning.message
