"""What says "no finding" in a list of findings, as clerks write it: a form's findings cell holding it is empty, a facts
file's item holding it is refused; anything that names a problem is a finding and costs its points."""

from __future__ import annotations

import pytest

from scoring_engine._no_finding import says_none

#: Each says there is nothing to deduct for (QA47 F1, QA261 F1, F2).
NONE = ["无", "0处", "资料齐全", "经检查，未发现问题。", "未发现违规违纪问题",
        "无缺项", "无缺失", "无缺陷", "已全部开展", "均已及时归档", "全部完成", "无违规行为",  # in the cell's own words
        "无违反法律法规情况", "不存在不合规之处",
        "未发现截留、挤占、挪用资金等问题", "不存在截留、挤占、挪用、虚列支出等情况",  # naming what was not found
        "无截留、挤占、挪用、虚列支出等问题", "没有发现挪用资金的情况",
        "严格执行资金管理办法，杜绝截留挪用", "严格执行财务制度，未发现截留、挤占、挪用等问题。"]  # after how it was done

#: Each names a problem, however it begins.
FINDINGS = ["未附发票", "未按期报送", "无会议记录", "资料不全", "未及时归档验收报告", "部分票据不合规", "存在挪用资金情况",
            "挤占项目资金5万元", "未见验收报告", "未见会议纪要", "无法提供原始凭证", "会计凭证不完整", "没有按规定履行政府采购程序",
            "未发现问题台账缺失", "3处未附发票", "无验收报告", "无招标文件", "无专家论证", "无绩效评估", "未开展可行性研究",
            "未见集体决策记录", "部分资料未归档", "已开展但未形成报告", "严格执行制度", "未按合同约定支付",
            "未发现挪用，但有2处票据不全", "已全部开展，但未留存记录"]


@pytest.mark.parametrize("text", NONE)
def test_no_problem_found_as_clerks_write_it_says_none(text: str) -> None:
    """未发现截留、挤占、挪用资金等问题 was one finding, and took the 5 points the set deducts for 挪用; 无缺项 in the cell of
    the gaps was one gap (QA261 F1, F2)."""
    assert says_none(text)


@pytest.mark.parametrize("text", FINDINGS)
def test_a_finding_that_names_a_problem_is_no_none(text: str) -> None:
    """无会议记录 (no minutes kept), 未见验收报告 (the report not seen), a sentence saying none and then a problem: findings."""
    assert not says_none(text)


@pytest.mark.parametrize("text", ["无" + "违反" * 16000, "无" + "违反aaaaaaaaaaaaaaa" * 1900 + "x", "，".join(["严格执行制度"] * 5000),
                                  "未发现" + "截留、" * 10000 + "x"])
def test_a_cell_of_32000_characters_is_read_at_once(text: str) -> None:
    """The patterns hold no nested repetition that a long cell could make take seconds (it is read within a form's limits)."""
    import time

    start = time.process_time()
    says_none(text)
    assert time.process_time() - start < 1  # a bound on a blow-up, not a speed goal: about 0.01 s here
