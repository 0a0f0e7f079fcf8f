"""Reasons at precision 0 and 1 true on paper (QA21 F4, F5, F10, F11, F13): the figures a reason prints give the score
it prints, and the numbers the user wrote or typed are printed as they are. Scores stay rounded half up.
"""

from __future__ import annotations

from decimal import Decimal as D

from scoring_engine import parse_indicator_set, score
from scoring_engine.result import IndicatorResult


def _leaf(rule: str, facts: str, given: dict, weight: str = "5", precision: int = 0) -> IndicatorResult:
    text = (f"id: t\nname: t\nversion: '1'\nprecision: {precision}\nfacts:\n{facts}"
            f"grades: [{{label: 合格, min: 0}}]\ntotal: {weight}\n"
            f"indicators:\n  - {{id: x, name: 甲, weight: {weight}, rule: {rule}}}\n")
    return score(parse_indicator_set(text), given).indicator("x")


V = "  v: {type: number}\n"


def test_a_linear_rules_unit_and_deduction_keep_the_decimals_that_make_units_times_points_hold() -> None:
    """At precision 0, per 0.01 printed '每0', per 0.5 '每1', 3.5 units × 0.5 '扣2分' and 49 ÷ 30 units '计2个单位扣2分':
    the unit is now printed as written, the deduction as units × points (the score stays rounded: 4 − 1.75 → 2), and a
    repeating quotient keeps two decimals (1.63, 1.67) as the docs say."""
    rate = _leaf("{kind: linear, value: v, target: 1, per: 0.01, points_each: 0.5}", V, {"v": D("0.965")}, "4")
    assert "每0.01扣0.5分，计3.5个单位扣1.75分，得分四舍五入后计扣2分，得2分" in rate.reason, rate.reason
    assert D(2) == rate.score
    half = _leaf("{kind: linear, value: v, target: 17.35, per: 0.5, units: whole, points_each: 1}", V, {"v": D("16.115")}, "3")
    assert "每0.5扣1分，计2个单位扣2分，得1分" in half.reason, half.reason
    late = "{kind: linear, value: v, target: 0, direction: lower_is_better, per: 30, points_each: 1}"
    assert "每30扣1分，计1.63个单位扣1.63分，得分四舍五入后计扣2分，得1分" in _leaf(late, V, {"v": 49}, "3").reason
    assert "每30扣1分，计1.67个单位扣1.67分，得分四舍五入后计扣2分，得1分" in _leaf(late, V, {"v": 50}, "3").reason
    assert "每30扣1分，计1.5个单位扣1.5分，得分四舍五入后计扣1分，得2分" in _leaf(late, V, {"v": 45}, "3").reason
    at_1 = _leaf("{kind: linear, value: v, target: 1, per: 0.01, points_each: 0.5}", V, {"v": D("0.965")}, "4", 1)
    assert "计3.5个单位扣1.75分，得分四舍五入后计扣1.7分，得2.3分" in at_1.reason, at_1.reason



def test_a_linear_rules_value_and_shortfall_add_up_to_the_units_it_counts() -> None:
    """At precision 0 with a unit of 0.5, 9.5 against 10 printed '10与目标10相差1，每0.5扣1分，计1个单位' (1 ÷ 0.5 is 2 units on
    paper) and 0.955 against 1 per 0.03 '0.96与目标1相差0.05，计1.5个单位' (QA49 F4): the value, the target and the shortfall
    now keep the decimals of the unit, or of the shortfall where it ends within a few more, so that they add up."""
    half = "{kind: linear, value: v, target: 10, per: 0.5, points_each: 1}"
    assert "9.5与目标10相差0.5，每0.5扣1分，计1个单位扣1分，得9分" == _leaf(half, V, {"v": D("9.5")}, "10").reason
    assert "8.5与目标10相差1.5，每0.5扣1分，计3个单位扣3分，得7分" == _leaf(half, V, {"v": D("8.5")}, "10").reason
    assert _leaf(half, V, {"v": D("9.47")}, "10").reason.startswith("9.47与目标10相差0.53，")
    rate = "{kind: linear, value: v, target: 1, per: 0.03, points_each: 0.5}"
    assert "0.955与目标1相差0.045，每0.03扣0.5分，计1.5个单位扣0.75分，得分四舍五入后计扣1分，得9分" == _leaf(rate, V, {"v": D("0.955")}, "10").reason
    assert "0.97与目标1相差0.03，每0.03扣0.5分，计1个单位扣0.5分，得10分" == _leaf(rate, V, {"v": D("0.97")}, "10").reason
    whole = "{kind: linear, value: v, target: 10, points_each: 1}"  # a unit of 1 at precision 0: as before
    assert "9与目标10相差1，每1扣1分，计1个单位扣1分，得9分" == _leaf(whole, V, {"v": 9}, "10").reason

def test_an_equal_rules_difference_at_the_edge_of_its_tolerance_does_not_print_past_it() -> None:
    """10.5 against 10 within 5% printed '实际值11与目标值10相差1，在允许偏差0.5（目标值的5.00%）以内' at precision 0 (1 is 10% of 10), and
    3.15 against 3 at precision 1 '相差0.2' (6.7%): the value and the difference now keep the decimals that stay within."""
    rule = "{kind: equal, value: v, target: 10, tolerance: 0.05}"
    assert "实际值10.5与目标值10相差0.5，在允许偏差0.5（目标值的5.00%）以内，得满分5分" == _leaf(rule, V, {"v": D("10.5")}).reason
    node = _leaf(rule.replace("10", "3"), V, {"v": D("3.15")}, precision=1)
    assert "实际值3.15与目标值3相差0.15，在允许偏差0.15（目标值的5.00%）以内，得满分5.0分" == node.reason, node.reason
    assert "实际值10.4与目标值10相差0.4，在允许偏差0.5（目标值的5.00%）以内" in _leaf(rule, V, {"v": D("10.4")}).reason


def test_a_panels_mean_keeps_the_decimals_that_give_its_score() -> None:
    """At precision 0 the mean of 84 and 85 printed '平均85分（满分100），折合8分' (85 ÷ 100 × 10 is 8.5, read as 9) and a
    part typed 84.5 printed as 85: the mean and the parts now keep the decimals that give the score on paper."""
    scores = "  s: {type: list, items: number}\n"
    mean = _leaf("{kind: panel, method: mean, scores: s, scale: 100}", scores, {"s": [84, 85]}, "10")
    assert "2位评审平均84.5分（满分100），折合8分" == mean.reason, mean.reason
    parts = "[{name: 现场核查, share: 0.6, score: a}, {name: 材料审核, share: 0.4, score: b}]"
    weighted = _leaf(f"{{kind: panel, method: weighted, scale: 100, parts: {parts}}}", "  a: {type: number}\n  b: {type: number}\n",
                     {"a": D("84.5"), "b": D("84.5")}, "10")
    assert "现场核查84.5分×60%，材料审核84.5分×40%，加权合计84.5分（满分100），折合8分" == weighted.reason, weighted.reason
    assert "2位评审平均86分（满分100），折合9分" == _leaf("{kind: panel, method: mean, scores: s, scale: 100}", scores,
                                                         {"s": [86, 86]}, "10").reason


def test_a_judged_score_the_precision_rounds_is_said_as_the_evaluator_gave_it() -> None:
    """At precision 0 a judged 3.5 read '评价人判断得4分' and a tier's 2.5 '得3分': the evaluator's own score was
    nowhere. The reason now says what they gave, then the rounded score; a score the precision keeps reads as before."""
    judged = "  j: {type: judgement}\n"
    node = _leaf("{kind: judgement, fact: j}", judged, {"j": {"score": 3.5, "reason": "基本充分"}}, "4")
    assert "评价人判断得3.5分，四舍五入得4分：基本充分" == node.reason, node.reason
    assert D(4) == node.score
    whole = _leaf("{kind: judgement, fact: j}", judged, {"j": {"score": 3, "reason": "充分"}}, "4")
    assert "评价人判断得3分：充分" == whole.reason
    tier = _leaf("{kind: tiers, fact: t}", "  t: {type: tier}\n", {"t": {"tier": "达成年度指标", "score": 2.5, "reason": "好"}}, "3")
    assert "达成年度指标（2.4–3分），评价人判断得2.5分，四舍五入得3分：好" == tier.reason, tier.reason


def test_deductions_with_more_decimals_than_the_precision_give_the_score_and_keep_what_was_typed() -> None:
    """At precision 0 a checklist losing 0.075 + 0.075 + 0.375 of 3 printed '扣0.1分；扣0.1分；扣0.3分；扣0.5分，得2分'
    (3 − 0.5 is 2.5, which rounds to 3), and findings typed 0.45 and 0.1 were listed 0.4 and 0.1, '扣0.5分，得9分': the
    deductions now keep the decimals they have, adding up to a loss that gives the score."""
    rule = ("{kind: checklist, elements: [{name: 甲, met: a}, {name: 乙, met: b}, {name: 丙, met: c}, {name: 丁, met: d}]}")
    facts = "".join(f"  {k}: {{type: number}}\n" for k in "abcd")
    node = _leaf(rule, facts, {"a": D("0.9"), "b": D("0.9"), "c": 1, "d": D("0.5")}, "3")
    assert D(2) == node.score
    assert node.reason.endswith("丁：部分满足（得50.00%）（扣0.375分）；扣0.525分，得2分"), node.reason
    found = _leaf("{kind: deduction, findings: f, points_each: 1}", "  f: {type: list}\n",
                  {"f": [{"text": "甲", "points": D("0.45")}, {"text": "乙", "points": D("0.1")}]}, "10")
    assert "发现2处问题，扣0.55分，得9分" == found.reason, found.reason
    assert [D("0.45"), D("0.1")] == [d.points for d in found.deductions]


def test_a_sets_own_judgement_reason_is_kept_when_the_precision_rounds_the_judged_score() -> None:
    """The rounded judgement reason (评价人判断得3.5分，四舍五入得4分) is the engine's; a set that writes its own
    `judgement` reason and not `judgement.rounded` has its own text used when the score is rounded too, not the engine's."""
    from scoring_engine import parse_indicator_set, score

    text = """
id: own
name: 自定理由
version: "1"
precision: 0
total: 5
grades:
  - {label: 合格, min: 3}
  - {label: 不合格, min: 0}
facts:
  j: {type: judgement, label: 判断}
reasons:
  judgement: 专家组评定{score}分（{reason}）
indicators:
  - {id: a, name: 判断, weight: 5, rule: {kind: judgement, fact: j}}
"""
    result = score(parse_indicator_set(text), {"j": {"score": 3.5, "reason": "依据基本充分"}})
    assert "专家组评定4分（依据基本充分）" == result.indicator("a").reason
