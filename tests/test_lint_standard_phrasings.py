"""lint: the 评分标准 as policy documents phrase it, read as the plain forms are (QA170 F5–F7): a band's points in a
clause after its range ('执行率≥90%的，得10分', '…的，满分10分'), both bounds around the rate ('80%≤执行率<90%').
Each case is examples/small/set.yaml with one standard (or rule) rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from scoring_engine._zh import translate
from scoring_engine.lint import LintWarning
from test_lint_standard_limits import EXECUTION, _mismatches


def _said(found: list[LintWarning]) -> list[tuple[str, str, str, str]]:
    return [(w.fields["quote"], w.fields["stated"], w.fields["param"], w.fields["actual"]) for w in found]


@pytest.mark.parametrize("standard", [
    "执行率≥95%的，得10分；90%≤执行率<95%的，得8分；80%≤执行率<90%的，得5分；低于80%的，不得分。",
    "执行率达到95%的，满分10分；90%（含）–95%的，得8分；80%（含）–90%的，得5分；低于80%的，得0分。",
    "执行率达到95%及以上的，得满分；95%>执行率≥90%的，计8分；80%（含）至90%（不含）的，记5分；执行率低于80%的，该项不得分。",
    "执行率达到95%及以上的，给予满分；90%≤执行率＜95%的，给予8分；执行率在80%（含）–90%之间的，给予5分；其余不得分。",
    "执行率≥95%，得10分；90%≤执行率<95%，得8分；80%≤执行率<90%，得5分；执行率<80%，不得分。",
])
def test_a_band_whose_points_follow_its_range_after_a_comma_is_clean_when_it_agrees(tmp_path: Path, standard: str) -> None:
    """QA170 F5: the bands as policy documents write them (的，得 / 满分 / 计 / 记 / 给予, '80%≤执行率<90%') give no
    warning where they say what the rule does."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (EXECUTION, standard))]


@pytest.mark.parametrize(("standard", "expected"), [
    ("执行率≥95%的，得9分；90%≤执行率<95%的，得7分；80%≤执行率<90%的，得4分；低于80%的，不得分。",
     [("执行率≥95%的，得9分", "9", "bands[0].points", "10"), ("90%≤执行率<95%的，得7分", "7", "bands[1].points", "8"),
      ("80%≤执行率<90%的，得4分", "4", "bands[2].points", "5")]),
    ("执行率达到95%的，满分9分；90%（含）–95%的，得8分；80%（含）–90%的，得5分；低于80%的，不得分。",
     [("执行率达到95%的，满分9分", "9", "bands[0].points", "10")]),
    ("执行率达到95%及以上的，得满分；95%>执行率≥90%的，计7分；80%（含）至90%（不含）的，记5分；执行率低于80%的，得1分。",
     [("95%>执行率≥90%的，计7分", "7", "bands[1].points", "8"), ("执行率低于80%的，得1分", "1", "bands[3].points", "0")]),
    ("执行率≥97%的，给予10分；90%≤执行率<97%的，给予8分；80%≤执行率<90%的，给予5分；低于80%的，不得分。",
     [("执行率≥97%的，给予10分", "≥97%", "bands[0]", "≥95%"), ("90%≤执行率<97%的，给予8分", "90%–97%", "bands[1]", "90%–95%")]),
])
def test_a_band_whose_points_follow_its_range_after_a_comma_is_compared(tmp_path: Path, standard: str,
                                                                        expected: list[tuple[str, ...]]) -> None:
    """QA170 F5: '执行率≥90%的，得10分' and '执行率达到90%的，满分10分' against a rule that gives 9 were not compared
    (lint said nothing); they are now read as '执行率≥90%得10分' is, with the same warning."""
    found = _mismatches(tmp_path, (EXECUTION, standard))
    assert expected == _said(found)
    quote, stated, param, actual = expected[0]
    assert f"评分标准写的是“{quote}”（{stated}），而规则的 {param} 是 {actual}" == translate(found[0].problem.message)


@pytest.mark.parametrize("standard", [
    "执行率≥95%的，扣2分；90%（含）–95%得8分；80%（含）–90%得5分；低于80%不得分。",  # a deduction, not a band's points
    "执行率≥95%，最高10分；90%（含）–95%得8分；80%（含）–90%得5分；低于80%不得分。",  # a cap, said against the weight
])
def test_a_clause_after_a_range_that_is_no_bands_points_is_not_read_as_one(tmp_path: Path, standard: str) -> None:
    """QA170 F5: only points said alone after the range's clause are its band's: '…的，扣2分' and '…，最高10分' are not."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (EXECUTION, standard))]


COMPLIANCE = "每发现一处违规扣2分，扣完为止；发现5处及以上不得分。"
COMPLIANCE_RULE = "{kind: deduction, findings: findings.compliance, points_each: 2, zero_at_count: 5}"
KEYED = "每发现一处违规扣2分；存在截留、挤占、挪用、虚列支出的，每处扣5分，扣完为止；发现5处及以上不得分。"
BASIS = "①符合法律法规和发展政策；②与部门职责和年度计划相符；③未与其他项目重复。每项2分。"


def _keyed(points: int) -> str:
    return ("{kind: deduction, findings: findings.compliance, points_each: 2, zero_at_count: 5, "
            f"keyword_points: [{{keywords: [截留, 挤占, 挪用, 虚列支出], points: {points}}}]}}")


@pytest.mark.parametrize(("standard", "rule", "expected"), [
    (KEYED, _keyed(3), ("每处扣5分", "5", "keyword_points[0].points", "3")),
    ("存在截留、挤占、挪用、虚列支出的，每处扣5分，扣完为止；发现5处及以上不得分。", _keyed(3),
     ("每处扣5分", "5", "keyword_points[0].points", "3")),
    ("每发现一处违规扣减5分，扣完为止；发现5处及以上不得分。", COMPLIANCE_RULE, ("每发现一处违规扣减5分", "5", "points_each", "2")),
    ("每处问题扣除5分，扣完为止；发现5处及以上不得分。", COMPLIANCE_RULE, ("每处问题扣除5分", "5", "points_each", "2")),
])
def test_a_deduction_per_finding_the_rule_does_not_make_is_named(tmp_path: Path, standard: str, rule: str,
                                                                  expected: tuple[str, ...]) -> None:
    """QA170 F6: '存在截留、挤占、挪用…的，每处扣5分' against keyword_points of 3 was taken for a finding's own points and
    never compared (and alone, was compared with points_each); '每处扣减5分' and '每处扣除5分' were not read at all. Each
    is now set against the rule's amount for those findings."""
    [w] = _mismatches(tmp_path, (COMPLIANCE, standard), (COMPLIANCE_RULE, rule))
    assert expected == (w.fields["quote"], w.fields["stated"], w.fields["param"], w.fields["actual"])
    assert f"评分标准写的是“{expected[0]}”（{expected[1]}），而规则的 {expected[2]} 是 {expected[3]}" == translate(
        w.problem.message)


@pytest.mark.parametrize(("standard", "rule"), [
    (KEYED, _keyed(5)),
    (KEYED, COMPLIANCE_RULE),  # no keyword_points: 5 may be the points the facts give those findings
    ("每发现一处违规扣减2分，扣完为止；发现5处及以上不得分。", COMPLIANCE_RULE),
    ("每处扣除2分；存在挪用资金的，每处扣5分，扣完为止；发现5处及以上不得分。", _keyed(5)),
])
def test_a_deduction_per_finding_the_rule_makes_is_clean(tmp_path: Path, standard: str, rule: str) -> None:
    """QA170 F6: no false alarm where the text's amounts per finding are the rule's (or may be the findings' own)."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (COMPLIANCE, standard), (COMPLIANCE_RULE, rule))]


@pytest.mark.parametrize("standard", ["存在截留、挤占、挪用的，每处扣5分，扣完为止；发现5处及以上不得分。",
                                      "存在挪用资金等情况的，每处扣5分，扣完为止；发现5处及以上不得分。"])
def test_an_amount_for_named_kinds_of_findings_is_not_compared_with_points_each_without_keyword_points(
        tmp_path: Path, standard: str) -> None:
    """QA189 F4: '存在截留、挤占、挪用的，每处扣5分' alone, against a rule of points_each 2 and no keyword_points, was
    compared with points_each, where docs/authoring.md says such an amount may be the points those findings give
    themselves and is not flagged. A sentence naming no kind of finding is still compared with points_each."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (COMPLIANCE, standard))]
    [w] = _mismatches(tmp_path, (COMPLIANCE, "存在问题的，每处扣5分，扣完为止；发现5处及以上不得分。"))
    assert ("5", "points_each", "2") == (w.fields["stated"], w.fields["param"], w.fields["actual"])


@pytest.mark.parametrize("subject", ["上述问题", "以上情况", "不合规情况", "违规违纪问题", "其他违规行为"])
def test_an_amount_for_findings_a_sentence_points_back_to_is_still_compared_with_points_each(tmp_path: Path,
                                                                                             subject: str) -> None:
    """QA190 F2: '存在上述问题的，每处扣5分' (以上情况, 不合规情况, 违规违纪问题) names no kind of finding, but was taken as
    naming some once such sentences were left uncompared without keyword_points: 5 against points_each 2 went unsaid."""
    [w] = _mismatches(tmp_path, (COMPLIANCE, f"存在{subject}的，每处扣5分，扣完为止；发现5处及以上不得分。"))
    assert ("5", "points_each", "2") == (w.fields["stated"], w.fields["param"], w.fields["actual"])


@pytest.mark.parametrize("tail", ["每项扣3分。", "每项不符合扣3分。", "每项未达到要求扣3分。", "每缺一项扣减3分。", "每缺少1项扣除3分。"])
def test_what_a_missing_element_costs_said_in_other_words_is_compared_with_each_elements_points(tmp_path: Path,
                                                                                                tail: str) -> None:
    """QA170 F6: '每项扣3分', '每项不符合扣3分', '每缺一项扣减3分' against elements of 2 points each gave no warning, as
    '每缺一项扣3分' does; and the same words with 2 are clean."""
    [w] = _mismatches(tmp_path, (BASIS, BASIS.replace("每项2分。", tail)))
    assert ("3", "elements[*].points", "2, 2, 2") == (w.fields["stated"], w.fields["param"], w.fields["actual"])
    assert [] == _mismatches(tmp_path, (BASIS, BASIS.replace("每项2分。", tail.replace("3", "2"))))


NATIONAL = ROOT / "indicator_sets" / "national-framework.yaml"
WEIGHTED = """                weighted:
                  kind: bands
                  value: satisfaction_weighted
                  display: percent
                  bands:
                    - {min: 0.9, points: 10}
                    - {min: 0.8, max: 0.9, points: 8}
                    - {min: 0.6, max: 0.8, points: 5}
"""
SATISFIED = "满意度≥90%得10分；80%（含）–90%得8分；60%（含）–80%得5分；低于60%不得分。"


def _national(tmp_path: Path, *edits: tuple[str, str]) -> list[LintWarning]:
    return _mismatches(tmp_path, *edits, base=NATIONAL)


def test_a_switchs_variant_that_strays_from_the_standard_the_others_keep_is_named(tmp_path: Path) -> None:
    """QA170 F7: a switch was told of a statement only when no variant agreed with it, so '满意度≥90%得10分' against a
    weighted variant giving 9 (the ratio variant giving 10) was silent. The straying variant is named, with the
    variants that keep the text."""
    [w] = _national(tmp_path, (WEIGHTED, WEIGHTED.replace("{min: 0.9, points: 10}", "{min: 0.9, points: 9}")))
    assert ("满意度≥90%得10分", "10", "rules[weighted].bands[0].points", "9") == (
        w.fields["quote"], w.fields["stated"], w.fields["param"], w.fields["actual"])
    assert "评分标准写的是“满意度≥90%得10分”（10），而规则的 rules[weighted].bands[0].points 是 9" == translate(
        w.problem.message)
    assert "switch 的其他算法 rules[ratio] 与评分标准一致：请让 rules[weighted] 也一致，或在评分标准中写明它有何不同" == translate(
        w.problem.hint or "")


def test_a_standard_that_states_each_variant_in_its_own_sentence_is_clean(tmp_path: Path) -> None:
    """QA170 F7: no false alarm where the text gives each variant its own numbers: each variant agrees with its sentence,
    and the other variant's sentence is not held against it."""
    weighted = WEIGHTED.replace("points: 8}", "points: 7}").replace("points: 5}", "points: 4}")
    text = f"按满意率计算的：{SATISFIED}按加权法计算的：{SATISFIED.replace('8分', '7分').replace('5分', '4分')}"
    assert [] == [str(w) for w in _national(tmp_path, (WEIGHTED, weighted), (SATISFIED, text))]
