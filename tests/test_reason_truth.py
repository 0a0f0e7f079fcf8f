"""Reasons true on paper at any precision: every number a reason prints is one a reader can check (QA19 F4).

At `precision: 0` a reason printed `4 × 2 ÷ 3 = 4分`, `调减0分` for 0.3 taken, `扣0分` for a third of a point and
`相差3，每3扣1分，计0个单位`. Scores stay rounded to the precision; only the numbers inside reasons keep decimals.
A value in no band was printed as the bound it exceeds (QA19 F7).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from scoring_engine import ScoringError, parse_indicator_set, score
from scoring_engine.result import IndicatorResult


def _leaf(rule: str, facts: str, given: dict, weight: str = "5", precision: int = 0) -> IndicatorResult:
    text = (f"id: t\nname: t\nversion: '1'\nprecision: {precision}\nfacts:\n{facts}"
            f"grades: [{{label: 合格, min: 0}}]\ntotal: {weight}\n"
            f"indicators:\n  - {{id: x, name: 甲, weight: {weight}, rule: {rule}}}\n")
    return score(parse_indicator_set(text), given).indicator("x")


CHECKLIST = ("{kind: checklist, elements: [{name: ①甲, met: a}, {name: ②乙, met: b},"
             " {name: ③丙, findings: gaps, share_each: 1/3}, {name: ④丁, met: c}, {name: ⑤戊, met: b}]}")
CHECKLIST_FACTS = "  a: {type: number}\n  b: {type: boolean}\n  gaps: {type: list}\n  c: {type: number}\n"


def test_a_checklist_deduction_of_a_third_of_a_point_does_not_print_as_0_at_precision_0() -> None:
    """Half, a third and a fifth of 1 point printed as '扣1分；扣0分；扣0分' at precision 0 (a finding that cost
    nothing): they now keep one decimal, 0.5 + 0.3 + 0.2, adding up to the 1 point lost as printed."""
    node = _leaf(CHECKLIST, CHECKLIST_FACTS, {"a": D("0.5"), "b": True, "gaps": ["未约定违约责任"], "c": D("0.8")})
    assert D(4) == node.score
    assert [D("0.5"), D("0.3"), D("0.2")] == [d.points for d in node.deductions]
    assert node.reason.startswith("①甲：部分满足（得50.00%）（扣0.5分）；③丙：未约定违约责任（扣0.3分）；④丁："), node.reason
    assert node.reason.endswith("（扣0.2分）；扣1分，得4分"), node.reason


def test_a_checklist_of_two_halves_missed_at_precision_0_shows_both() -> None:
    """Two missed halves of 1 point showed '扣1分' and '扣0分'; now '扣0.5分' each, and the indicator '扣1分'."""
    rule = "{kind: checklist, elements: [{name: 甲, met: a}, {name: 乙, met: b}]}"
    node = _leaf(rule, "  a: {type: boolean}\n  b: {type: boolean}\n", {"a": False, "b": False}, weight="1")
    assert "甲：未满足（扣0.5分）；乙：未满足（扣0.5分）；扣1分，得0分" == node.reason
    one = _leaf(rule, "  a: {type: boolean}\n  b: {type: boolean}\n", {"a": False, "b": True}, weight="1")
    assert "甲：未满足（扣0.5分）；扣0.5分，得1分" == one.reason  # 1 − 0.5 rounds half up to 1


def test_a_deduction_below_half_a_point_is_not_printed_as_0_at_precision_0() -> None:
    """A finding of 0.4 points said '扣0分，得10分'; it now says what it took."""
    node = _leaf("{kind: deduction, findings: f, points_each: 0.4}", "  f: {type: list}\n", {"f": ["甲"]}, weight="10")
    assert "发现1处问题，扣0.4分，得10分" == node.reason
    assert [D("0.4")] == [d.points for d in node.deductions]


def test_an_over_target_reduction_of_0_3_is_not_printed_as_0_at_precision_0() -> None:
    """偏离度调减 of 0.3 of 3 points printed '按偏离度调减0分…得3分'; it now prints 调减0.3分 (the score stays 3)."""
    rule = "{kind: proportional, value: v, target: 40, over_target: {above: 0.2, per: 0.1, share_each: 0.1, units: started}}"
    node = _leaf(rule, "  v: {type: number}\n", {"v": 52}, weight="3")
    assert D(3) == node.score
    assert "按偏离度调减0.3分" in node.reason, node.reason


def test_a_lower_is_better_equation_holds_on_paper_at_precision_0() -> None:
    """2.5 against a ceiling of 2.4 on 4 points printed '得分 = 4 × 2 ÷ 3 = 4分' (4 × 2 ÷ 3 is 2.67); value and target
    now keep the decimal that makes the equation give the score."""
    rule = "{kind: proportional, value: v, target: t, direction: lower_is_better}"
    node = _leaf(rule, "  v: {type: number}\n  t: {type: number}\n", {"v": D("2.5"), "t": D("2.4")}, weight="4")
    assert "实际值2.5超过目标值2.4，得分 = 4 × 2.4 ÷ 2.5 = 4分" == node.reason


def test_a_lower_is_better_equation_keeps_the_precision_when_it_holds() -> None:
    """Where the equation holds at the precision (3 against 2 on 6 points: 6 × 2 ÷ 3 = 4), nothing more is shown."""
    rule = "{kind: proportional, value: v, target: t, direction: lower_is_better}"
    node = _leaf(rule, "  v: {type: number}\n  t: {type: number}\n", {"v": D(3), "t": D(2)}, weight="6")
    assert "实际值3超过目标值2，得分 = 6 × 2 ÷ 3 = 4分" == node.reason


def test_a_linear_shortfall_short_of_a_whole_unit_does_not_print_as_one() -> None:
    """7.0001 against 10, 1 point per whole 3 short, printed '相差3，每3扣1分，计0个单位'; the shortfall keeps the
    decimals that tell it from 3, and the value the same decimals, so that the two add up (QA49 F4)."""
    rule = "{kind: linear, value: v, target: 10, per: 3, points_each: 1, units: whole}"
    node = _leaf(rule, "  v: {type: number}\n", {"v": D("7.0001")}, weight="10", precision=2)
    assert "7.0001与目标10相差2.9999，每3扣1分，计0个单位扣0分，得10.00分" == node.reason
    started = _leaf(rule.replace("whole", "started"), "  v: {type: number}\n", {"v": D("3.9999")}, weight="10", precision=2)
    assert "相差6.0001，每3扣1分，计3个单位扣3分" in started.reason, started.reason


BANDS_MI = ("{kind: bands, value: v, boundary: max_inclusive, display: percent, bands: [{min: 0.9, max: 1, points: 10},"
            " {min: 0.7, max: 0.9, points: 6}, {min: 0, max: 0.7, points: 0}]}")


def test_a_value_in_no_band_is_not_printed_as_the_bound_it_exceeds() -> None:
    """1.0000001 against bands up to 100% said '值 100.00% 不在任何档次内（档次覆盖 90.00% < x ≤ 100.00%…）', a
    contradiction; the value now keeps the decimals that tell it from the bound, and the lowest min is shown inclusive
    (as it is: 0 scores in the lowest band)."""
    with pytest.raises(ScoringError) as caught:
        _leaf(BANDS_MI, "  v: {type: number}\n", {"v": D("1.0000001")}, weight="10", precision=2)
    message = str(caught.value)
    assert "value 100.000010% falls in no band" in message, message
    assert "(bands cover 90.00% < x ≤ 100.00%, 70.00% < x ≤ 90.00%, 0.00% ≤ x ≤ 70.00%)" in message, message


def test_a_value_at_the_top_of_max_inclusive_bands_names_its_band_as_it_is() -> None:
    """A value of exactly 100% (the highest max) was said to fall in '90.00% ≤ x ≤ 100.00%', which also holds 90%
    (scored in the band below); only the end it is at is closed: '90.00% < x ≤ 100.00%'. 0 is in '0.00% ≤ x ≤ 70.00%'."""
    top = _leaf(BANDS_MI, "  v: {type: number}\n", {"v": D(1)}, weight="10", precision=2)
    assert "100.00%，处于90.00% < x ≤ 100.00%区间，得10.00分" == top.reason
    bottom = _leaf(BANDS_MI, "  v: {type: number}\n", {"v": D(0)}, weight="10", precision=2)
    assert "0.00%，处于0.00% ≤ x ≤ 70.00%区间，得0.00分" == bottom.reason


def test_a_zero_target_in_a_rule_is_told_to_use_direction_not_a_row_sign() -> None:
    """proportional with target 0 in a set was told '上限为 0 时写 ≤', a row's sign; a rule says direction."""
    with pytest.raises(ScoringError) as caught:
        _leaf("{kind: proportional, value: v, target: 0}", "  v: {type: number}\n", {"v": D(1)}, weight="10")
    assert "direction: lower_is_better" in (caught.value.hint or ""), caught.value.hint


def test_a_difference_within_the_tolerance_is_not_printed_as_0_at_precision_0() -> None:
    """10.3 against 10 within 5% said '相差0' at precision 0; the difference keeps the decimal that says it is not 0."""
    node = _leaf("{kind: equal, value: v, target: 10, tolerance: 0.05}", "  v: {type: number}\n", {"v": D("10.3")})
    assert "实际值10.3与目标值10相差0.3，在允许偏差0.5（目标值的5.00%）以内，得满分5分" == node.reason


OVER = ("{kind: proportional, value: v, target: 30000, over_target: {above: 0.2, per: 0.1, share_each: 0.1, max_share: 0.3,"
        " units: started}}")


@pytest.mark.parametrize(("done", "said"), [(36001, "实际值36001，目标值30000，偏离度20.0033%超过20.00%，按偏离度调减1分"),
                                            (42001, "实际值42001，目标值30000，偏离度40.0033%超过20.00%，按偏离度调减3分")])
def test_an_over_target_deviation_just_past_a_line_is_not_printed_on_it(done: int, said: str) -> None:
    """QA272 F1: 36001 of 30000 printed '偏离度20.00%超过20.00%' (a number past itself), and 42001 '偏离度40.00%' beside 3
    steps, where 40.00% begins only the third. The deviation keeps the decimals that tell it from the line and the steps."""
    node = _leaf(OVER, "  v: {type: number}\n", {"v": done}, weight="10", precision=2)
    assert node.reason.startswith(said), node.reason


@pytest.mark.parametrize(("arrived", "said"), [("1182.32", "（得99.999%）"), ("899.95", "（得89.995%）")])
def test_a_checklist_share_met_in_part_is_not_printed_as_all_of_it_nor_a_round_figure(arrived: str, said: str) -> None:
    """QA272 F2: an element met 99.9992% printed '资金未全部到位（得100.00%）', and 89.995% '得90.00%', the carry the
    reasons never make: the share keeps the decimals that keep it below."""
    rule = "{kind: checklist, elements: [{name: ①资金到位, met: a / t, reason: 资金未全部到位}, {name: ②乙, met: b}]}"
    total = "1182.33" if arrived.startswith("1182") else "1000"
    node = _leaf(rule, "  a: {type: number}\n  t: {type: number}\n  b: {type: boolean}\n",
                 {"a": D(arrived), "t": D(total), "b": True}, weight="10", precision=2)
    assert f"①资金到位：资金未全部到位{said}" in node.reason, node.reason


@pytest.mark.parametrize(("actual", "said"), [("210.004", "实际值210.004与目标值200相差10.004，超出允许偏差10（目标值的5.00%），不得分"),
                                              ("189.996", "实际值189.996与目标值200相差10.004，超出允许偏差10（目标值的5.00%），不得分")])
def test_a_value_just_past_an_equal_rules_tolerance_is_said_past_it(actual: str, said: str) -> None:
    """QA272 F3: 210.004 against 200 within 5% printed '实际值210不等于目标值200，不得分', a value the standard scores
    full. Past a tolerance the reason says the difference and the tolerance, with the decimals that keep it past."""
    node = _leaf("{kind: equal, value: v, target: 200, tolerance: 0.05}", "  v: {type: number}\n", {"v": D(actual)},
                 weight="10", precision=0)
    assert said == node.reason


def test_a_formula_of_one_labelled_value_is_said_by_its_label() -> None:
    """QA271 F4: a formula rate of one derived value labelled 养护人员满意度（加权） read '按公式 staff_rate 得比率…' in the
    score table the bureau pastes into its report; it is said by the label, as a proportional rule says its rate."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  a: {type: number}\nderived:\n  staff_rate: {expr: a / 100, label: 养护人员满意度}\n"
            "grades: [{label: 合格, min: 0}]\ntotal: 4\nindicators:\n  - {id: x, name: 甲, weight: 4, rule: {kind: formula, rate: staff_rate}}\n")
    node = score(parse_indicator_set(text), {"a": 75}).indicator("x")
    assert "按公式 养护人员满意度 得比率75.00%，得分 = 4 × 75.00% = 3.00分" == node.reason


def test_a_caps_note_names_the_facts_that_met_it_by_their_labels() -> None:
    """QA271 F4: a cap's 提示 ended '（funds.fraud_found）' though the fact is labelled; the clerk reads the label and the
    value, and the English text keeps the condition for the set's author."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  fraud: {type: boolean, label: 发现虚报冒领、套取资金}\n"
            "caps: [{when: fraud, total_at_most: 59, message: 存在虚报冒领问题，总分按不超过59分计}]\n"
            "grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]\nindicators:\n"
            "  - {id: x, name: 甲, weight: 100, rule: {kind: formula, score: 80}}\n")
    (capped,) = score(parse_indicator_set(text), {"fraud": True}).warnings
    assert capped.text("zh").endswith("等级由合格调整为不合格（发现虚报冒领、套取资金 是）"), capped.text("zh")
    assert capped.message.endswith("（fraud）")


def test_an_equal_rule_in_percentages_says_the_tolerance_in_the_differences_unit() -> None:
    """QA273 F5: 94.04% against 95% within 1% of it printed '相差0.96%，超出允许偏差1.00%', a difference that on paper is
    inside: the tolerance is a share of the target, 0.95 of a percentage point. The allowance is said in the difference's
    unit, with the share it is of the target."""
    node = _leaf("{kind: equal, value: v, target: 0.95, tolerance: 0.01, display: percent}", "  v: {type: number}\n",
                 {"v": D("0.9404")}, weight="10", precision=2)
    assert "实际值94.04%与目标值95.00%相差0.96%，超出允许偏差0.95%（目标值的1.00%），不得分" == node.reason


def test_a_sets_own_equal_missed_text_is_kept_for_a_value_past_the_tolerance() -> None:
    """QA273 F6: a set overriding equal.missed had its text replaced by the default of the reason past a tolerance."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  v: {type: number}\ngrades: [{label: 合格, min: 0}]\ntotal: 10\n"
            "reasons: {equal.missed: '实际值{value}偏离目标值{target}（相差{difference}），本项不得分'}\n"
            "indicators:\n  - {id: x, name: 甲, weight: 10, rule: {kind: equal, value: v, target: 200, tolerance: 0.05}}\n")
    node = score(parse_indicator_set(text), {"v": D("210.004")}).indicator("x")
    assert "实际值210.004偏离目标值200（相差10.004），本项不得分" == node.reason


def test_a_notes_points_that_print_as_the_points_taken_agree() -> None:
    """QA274 F5: a third of 2 points noted as 扣0.67分 was said to be set aside for the standard's, then 0.67 taken."""
    rule = "{kind: checklist, elements: [{name: ①档案资料齐全, points: 2, findings: gaps, share_each: 1/3}, {name: ②乙, points: 2, met: b}]}"
    node = _leaf(rule, "  gaps: {type: list}\n  b: {type: boolean}\n", {"gaps": ["验收报告未归档（扣0.67分）"], "b": True},
                 weight="4", precision=2)
    assert "①档案资料齐全：验收报告未归档（扣0.67分）" in node.reason and "写明" not in node.reason, node.reason


@pytest.mark.parametrize(("precision", "target", "actual", "tolerance", "said"), [
    (0, "3", "3.0999", "0.0333", "相差0.1，在允许偏差0.1（目标值的3.33%）以内"),
    (2, "95.5", "94.5449", "0.01", "实际值94.5449与目标值95.5相差0.9551，超出允许偏差0.955（目标值的1.00%）")])
def test_an_equal_rules_difference_and_allowance_agree_on_paper(precision: int, target: str, actual: str, tolerance: str,
                                                                 said: str) -> None:
    """QA274 F7: a difference equal to its allowance printed '相差0.1，在允许偏差0.0999以内', a difference larger than what
    it is within; and 94.5449 was printed 94.54 beside 相差0.9551."""
    node = _leaf(f"{{kind: equal, value: v, target: {target}, tolerance: {tolerance}}}", "  v: {type: number}\n",
                 {"v": D(actual)}, weight="10", precision=precision)
    assert said in node.reason, node.reason
