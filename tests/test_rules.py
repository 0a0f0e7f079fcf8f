"""Each rule kind's score at its edges, through the public API (parse_indicator_set + score)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import scoring_engine
from scoring_engine import Facts, FactsError, IndicatorResult, IndicatorSet, IndicatorSetError, Result, ScoringError

D = Decimal


def one_indicator(rule: str, facts: str, weight: int | str = 10, head: str = "") -> IndicatorSet:
    """A set with a single indicator `x` of `weight` scored by `rule` (YAML flow mapping), reading `facts`."""
    rule = "\n      ".join(line.strip() for line in rule.strip().splitlines())
    return scoring_engine.parse_indicator_set(f"""
id: test
name: 测试
version: "1"
total: {weight}
{head}
facts:
{facts}
grades:
  - {{label: 合格, min: 0}}
indicators:
  - id: x
    name: 测试指标
    weight: {weight}
    rule: {rule}
""")


def leaf(indicator_set: IndicatorSet, facts: dict[str, Any]) -> IndicatorResult:
    return scoring_engine.score(indicator_set, facts).indicator("x")


def points(indicator_set: IndicatorSet, facts: dict[str, Any]) -> Decimal:
    return leaf(indicator_set, facts).score


def scoring_error(indicator_set: IndicatorSet, facts: dict[str, Any] | Facts) -> ScoringError:
    with pytest.raises(ScoringError) as caught:
        scoring_engine.score(indicator_set, facts)
    return caught.value


VALUE_AND_TARGET = "  v: {type: number}\n  t: {type: number}"
VALUE = "  v: {type: number}"

# ---------------------------------------------------------------- proportional

PROPORTIONAL = one_indicator("{kind: proportional, value: v, target: t}", VALUE_AND_TARGET)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, D("10.00")), (50, D("5.00")), (86, D("8.60")), (120, D("10.00")), (0, D("0.00"))],
)
def test_proportional_is_weight_times_rate_capped_at_the_weight(value: int, expected: Decimal) -> None:
    """Proportional gives weight × value / target, and no more than the weight above the target."""
    assert expected == points(PROPORTIONAL, {"v": value, "t": 100})


def test_proportional_without_target_reads_the_value_as_a_rate() -> None:
    """With no target, the value is the rate itself."""
    rate_only = one_indicator("{kind: proportional, value: v}", VALUE)
    assert D("9.65") == points(rate_only, {"v": D("0.965")})


def test_proportional_reason_shows_the_rate_and_the_arithmetic() -> None:
    """A partial proportional score is explained as weight × rate = score."""
    assert "实际值86，目标值100，完成率86.00%，得分 = 10 × 86.00% = 8.60分" == leaf(PROPORTIONAL, {"v": 86, "t": 100}).reason


@pytest.mark.parametrize(("value", "shown", "score"), [("12.345", "12.345%", "6.17"), ("98.765", "98.765%", "49.38"),
                                                       ("0.005", "0.005%", "0.00"), ("86", "86.00%", "43.00")])
def test_the_rate_in_a_proportional_reason_makes_the_equation_hold_on_paper(value: str, shown: str, score: str) -> None:
    """Weight 50 and a rate of 12.345%: '50 × 12.35% = 6.17' does not hold by hand (6.175 → 6.18), so the rate is
    shown with the decimals the equation needs, and two when two suffice."""
    rule = one_indicator("{kind: proportional, value: v, target: t}", VALUE_AND_TARGET, weight=50)
    reason = leaf(rule, {"v": D(value), "t": 100}).reason
    assert reason.endswith(f"，完成率{shown}，得分 = 50 × {shown} = {score}分"), reason
    rate = D(shown.rstrip("%")) / 100
    assert D(score) == (50 * rate).quantize(D("0.01"), rounding="ROUND_HALF_UP")


def test_a_rate_above_100_percent_is_explained_in_words_not_as_an_internal_key() -> None:
    """Actual 120 against target 100: the story says the rate of 120% counts as 100%, and no 'uncapped_rate：1.2'
    line (an internal name) is left at the end."""
    told = str(scoring_engine.score(PROPORTIONAL, {"v": 120, "t": 100}).explain("x"))
    assert "（实际值 ÷ 目标值为 120.00%，超过100%的按100%计）" in told and "uncapped_rate" not in told


def test_proportional_with_zero_target_is_a_scoring_error() -> None:
    """A target of 0 cannot give a rate and is reported for the indicator."""
    error = scoring_error(PROPORTIONAL, {"v": 1, "t": 0})
    assert "x" == error.indicator
    assert "target must be above 0" in str(error)


FLOORED = one_indicator("{kind: proportional, value: v, target: t, floor: 0.6}", VALUE_AND_TARGET)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(59, D("0.00")), (60, D("0.00")), (61, D("0.25")), (80, D("5.00")), (100, D("10.00")), (130, D("10.00"))],
)
def test_proportional_with_floor(value: int, expected: Decimal) -> None:
    """Below the floor scores 0; above it, (rate − floor) / (1 − floor) × weight, capped at the weight."""
    assert expected == points(FLOORED, {"v": value, "t": 100})


def test_proportional_below_floor_says_so() -> None:
    """A rate below the floor is explained as below the floor."""
    assert "实际值59，目标值100，完成率59.00%，低于60.00%，不得分" == leaf(FLOORED, {"v": 59, "t": 100}).reason


@pytest.mark.parametrize(("direction", "value", "expected"), [
    ("both", 6, "实际值6超过目标值4，完成率 = 4 ÷ 6 = 66.67%，得分 = 10 × (66.67% − 60.00%) ÷ (100% − 60.00%) = 1.67分"),
    ("both", 12, "实际值12超过目标值4，完成率 = 4 ÷ 12 = 33.33%，低于60.00%，不得分"),
    ("both", 3, "实际值3，目标值4，完成率75.00%，得分 = 10 × (75.00% − 60.00%) ÷ (100% − 60.00%) = 3.75分"),
    ("lower_is_better", 5, "实际值5超过目标值4，完成率 = 4 ÷ 5 = 80.00%，得分 = 10 × (80.00% − 60.00%) ÷ (100% − 60.00%) = 5.00分"),
])
def test_a_value_past_its_target_with_a_pass_line_says_the_rate_is_target_over_value(direction: str, value: int,
                                                                                    expected: str) -> None:
    """QA342 F7: with direction both (or lower_is_better) and a floor, a value above the target read '实际值6，目标值4，
    完成率66.667%', as if 6 ÷ 4 were 66.667%: it says the value is past the target and the rate is 4 ÷ 6, as without a floor."""
    rule = one_indicator(f"{{kind: proportional, value: v, target: t, direction: {direction}, floor: 0.6}}", VALUE_AND_TARGET)
    assert expected == leaf(rule, {"v": value, "t": 4}).reason


LOWER_IS_BETTER = one_indicator("{kind: proportional, value: v, target: t, direction: lower_is_better}", VALUE_AND_TARGET)


@pytest.mark.parametrize(
    ("cost", "expected"),
    [(80, D("10.00")), (100, D("10.00")), (125, D("8.00")), (200, D("5.00"))],
)
def test_proportional_lower_is_better(cost: int, expected: Decimal) -> None:
    """Lower is better: full at or below the target, then weight × target / value."""
    assert expected == points(LOWER_IS_BETTER, {"v": cost, "t": 100})


def test_a_value_past_or_beside_its_target_keeps_the_decimals_that_tell_them_apart() -> None:
    """'实际值90超过目标值90' and '实际值4不等于目标值4' were false once rounded to the set's precision: a value that
    differs from the target is shown with the decimals that tell it apart, as a band bound's is."""
    assert leaf(LOWER_IS_BETTER, {"v": D("100.004"), "t": 100}).reason.startswith("实际值100.004超过目标值100，")
    equal = one_indicator("{kind: equal, value: v, target: t}", VALUE_AND_TARGET)
    assert "实际值4.0000001不等于目标值4，不得分" == leaf(equal, {"v": D("4.0000001"), "t": 4}).reason
    assert "实际值4.5不等于目标值4，不得分" == leaf(equal, {"v": D("4.5"), "t": 4}).reason


# ---------------------------------------------------------------- bands

BANDS = """
  {{kind: bands, value: v, display: percent, {extra}
    bands: [{{min: 0.95, points: 10}}, {{min: 0.9, max: 0.95, points: 8}},
            {{min: 0.8, max: 0.9, share: 0.5}}, {{min: 0, max: 0.8, points: 0}}]}}"""
MIN_INCLUSIVE = one_indicator(BANDS.format(extra=""), VALUE)
MAX_INCLUSIVE = one_indicator(BANDS.format(extra="boundary: max_inclusive,"), VALUE)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.2", "10"), ("0.95", "10"), ("0.9499", "8"), ("0.9", "8"), ("0.8999", "5"), ("0.8", "5"), ("0.7999", "0"), ("0", "0")],
)
def test_bands_min_inclusive(value: str, expected: str) -> None:
    """By default a band holds its min and not its max: 95% is in the top band, 94.99% in the one below."""
    assert D(expected) == points(MIN_INCLUSIVE, {"v": D(value)})


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.2", "10"), ("0.9501", "10"), ("0.95", "8"), ("0.9001", "8"), ("0.9", "5"), ("0.8001", "5"), ("0.8", "0")],
)
def test_bands_max_inclusive(value: str, expected: str) -> None:
    """With boundary max_inclusive a band holds its max and not its min: 95% is in the 90–95% band."""
    assert D(expected) == points(MAX_INCLUSIVE, {"v": D(value)})


def test_bands_share_is_a_share_of_the_weight() -> None:
    """A band given as share: 0.5 is worth half the weight."""
    assert D("5.00") == points(MIN_INCLUSIVE, {"v": D("0.85")})


def test_bands_reason_names_the_band() -> None:
    """The reason shows the value and the band it fell in, as percentages when display is percent."""
    assert "93.20%，处于90.00% ≤ x < 95.00%区间，得8.00分" == leaf(MIN_INCLUSIVE, {"v": D("0.932")}).reason


def test_value_in_no_band_is_a_scoring_error() -> None:
    """A value no band covers is an error for the indicator, listing what the bands cover."""
    error = scoring_error(MIN_INCLUSIVE, {"v": D("-0.1")})
    assert "x" == error.indicator
    assert "falls in no band" in str(error)
    assert "v" == error.expression


# ---------------------------------------------------------------- linear

QUALITY = one_indicator("{kind: linear, value: v, target: 1, per: 0.01, share_each: 0.05, zero_at: 0.8, display: percent}", VALUE)


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("1", "10.00"), ("1.1", "10.00"), ("0.965", "8.25"), ("0.9", "5.00"), ("0.81", "0.50"), ("0.8", "0.00"), ("0.5", "0.00")],
)
def test_linear_deducts_per_unit_of_shortfall(rate: str, expected: str) -> None:
    """Linear: full at the target; each 1% short deducts 5% of the weight; at or below zero_at scores 0."""
    assert D(expected) == points(QUALITY, {"v": D(rate)})


def test_linear_reason_counts_the_units() -> None:
    """A partial linear score explains the shortfall, the units counted and the points deducted."""
    assert "96.50%与目标100.00%相差3.50%，每1.00%扣0.5分，计3.5个单位扣1.75分，得8.25分" == leaf(QUALITY, {"v": D("0.965")}).reason


@pytest.mark.parametrize(
    ("units", "rate", "expected"),
    [
        ("exact", "0.965", "6.50"),
        ("whole", "0.965", "7.00"),
        ("started", "0.965", "6.00"),
        ("whole", "0.96", "6.00"),
        ("started", "0.96", "6.00"),
    ],
)
def test_linear_units_whole_or_started(units: str, rate: str, expected: str) -> None:
    """units: whole counts only complete units of shortfall, started counts any begun unit, exact counts fractions."""
    rule = one_indicator(f"{{kind: linear, value: v, target: 1, per: 0.01, points_each: 1, units: {units}}}", VALUE)
    assert D(expected) == points(rule, {"v": D(rate)})


MONTHS_LATE = one_indicator("{kind: linear, value: v, target: 0, direction: lower_is_better, points_each: 2}", VALUE)


@pytest.mark.parametrize(
    ("late", "expected"),
    [("0", "10.00"), ("-1", "10.00"), ("1", "8.00"), ("2.5", "5.00"), ("5", "0.00"), ("6", "0.00")],
)
def test_linear_lower_is_better_never_goes_below_zero(late: str, expected: str) -> None:
    """Lower is better: each month late deducts 2 points; deductions stop at 0 however late."""
    assert D(expected) == points(MONTHS_LATE, {"v": D(late)})


@pytest.mark.parametrize(("late", "expected"), [("2", "6.00"), ("2.99", "4.02"), ("3", "0.00")])
def test_linear_lower_is_better_zero_at(late: str, expected: str) -> None:
    """Lower is better with zero_at: reaching zero_at scores 0 at once."""
    rule = one_indicator("{kind: linear, value: v, target: 0, direction: lower_is_better, points_each: 2, zero_at: 3}", VALUE)
    assert D(expected) == points(rule, {"v": D(late)})


# ---------------------------------------------------------------- deduction per finding

FINDINGS = one_indicator("{kind: deduction, findings: f, points_each: 2, zero_at_count: 4}", "  f: {type: list}")


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ([], "10.00"),
        (["未附发票"], "8.00"),
        (["未附发票", {"text": "超范围列支", "points": 0.5}], "7.50"),
        (["a", "b", "c"], "4.00"),
        (["a", "b", "c", "d"], "0.00"),
        ([{"text": "重大违规", "points": 20}], "0.00"),
    ],
)
def test_deduction_per_finding(found: list[Any], expected: str) -> None:
    """Each finding deducts points_each (or its own points); zero_at_count findings score 0; never below 0."""
    assert D(expected) == points(FINDINGS, {"f": found})


def test_deduction_lists_each_finding_with_its_points() -> None:
    """Every finding becomes a deduction carrying its text and the points it cost."""
    result = leaf(FINDINGS, {"f": ["未附发票", {"text": "超范围列支", "points": 0.5}]})
    assert [(D(2), "未附发票"), (D("0.5"), "超范围列支")] == [(d.points, d.reason) for d in result.deductions]
    assert "发现2处问题，扣2.5分，得7.50分" == result.reason


def test_deduction_without_findings_gives_full_marks() -> None:
    """No findings means full marks and a reason saying none were found."""
    result = leaf(FINDINGS, {"f": []})
    assert "未发现问题，得满分10.00分" == result.reason
    assert () == result.deductions


@pytest.mark.parametrize(("count", "expected"), [(0, "10.00"), (1, "7.50"), (3, "2.50"), (5, "0.00")])
def test_deduction_from_a_count(count: int, expected: str) -> None:
    """A whole count of findings deducts like a list of that many findings."""
    rule = one_indicator("{kind: deduction, findings: f, share_each: 0.25}", "  f: {type: integer, min: 0}")
    assert D(expected) == points(rule, {"f": count})


# ---------------------------------------------------------------- checklist

CHECKLIST = one_indicator(
    """
  {kind: checklist, elements: [
    {name: ①, met: a, reason: 不符合政策},
    {name: ②, met: b},
    {name: ③, judgement: j},
    {name: ④, findings: fs, points_each: 1}]}""",
    "  a: {type: boolean}\n  b: {type: number, min: 0, max: 1}\n  j: {type: judgement}\n  fs: {type: list}",
    weight=12,
)
ALL_MET = {"a": True, "b": 1, "j": {"score": 3, "reason": "测算充分"}, "fs": []}


def test_checklist_all_met_gives_full_marks() -> None:
    """Every element met gives the whole weight."""
    result = leaf(CHECKLIST, ALL_MET)
    assert D("12.00") == result.score
    assert "要点均已满足（共4项），得满分12.00分" == result.reason


def test_checklist_without_points_splits_the_weight_equally() -> None:
    """Elements given no points share the weight equally."""
    elements = leaf(CHECKLIST, ALL_MET).details["elements"]
    assert [D(3)] * 4 == [e["points"] for e in elements]


def test_checklist_partial_credit_per_element() -> None:
    """A missed element loses its share, a met share of 0.5 half of it, a judgement its shortfall, a finding its points."""
    result = leaf(CHECKLIST, {"a": False, "b": D("0.5"), "j": {"score": 2, "reason": "依据不足"}, "fs": ["缺少档案"]})
    earned = [e["earned"] for e in result.details["elements"]]
    assert [D(0), D("1.5"), D(2), D(2)] == earned
    assert D("5.50") == result.score
    assert "①：不符合政策（扣3分）" in result.reason
    assert "③：依据不足（扣1分）" in result.reason
    assert "④：缺少档案（扣1分）" in result.reason


def test_checklist_element_findings_floor_at_zero() -> None:
    """An element's own findings cannot take more than the element is worth."""
    result = leaf(CHECKLIST, {**ALL_MET, "fs": ["a", "b", "c", "d", "e"]})
    assert D("9.00") == result.score
    assert D(0) == result.details["elements"][3]["earned"]


def test_checklist_judgement_above_the_element_is_a_scoring_error() -> None:
    """An evaluator's element score above the element's points is refused."""
    error = scoring_error(CHECKLIST, {**ALL_MET, "j": {"score": 4, "reason": "很好"}})
    assert "outside 0..3" in str(error)
    assert "x" == error.indicator


@pytest.mark.parametrize("worth", ["points: 0", "share: 0"])
def test_a_checklist_element_worth_0_points_is_refused(worth: str) -> None:
    """An element of 0 points could never cost anything, and a project that missed it read '要点均已满足': refused."""
    with pytest.raises(scoring_engine.IndicatorSetError) as caught:
        one_indicator(f"{{kind: checklist, elements: [{{name: ①甲, points: 2, met: a}}, {{name: ②乙, {worth}, met: b}}]}}"
                      .replace("points: 2", "points: 2" if worth.startswith("points") else "share: 1"),
                      "  a: {type: boolean}\n  b: {type: boolean}", weight=2)
    assert ["element ②乙 is worth 0 points: not meeting it would cost nothing"] == [p.message for p in caught.value.problems]


@pytest.mark.parametrize(("met", "said"), [("-1", "met must be true/false or a share from 0 to 1, got -1"),
                                           ("1.5", "met must be true/false or a share from 0 to 1, got 1.5"),
                                           ("1/0", "met 1/0 fails for every project: division by zero")])
def test_a_checklist_element_whose_met_is_a_constant_out_of_range_is_refused(met: str, said: str) -> None:
    """QA125 F3: `met: -1` loaded, passed validate and lint, and every project failed: a constant `met` gives every
    project the same, so it is checked when the set loads; true, false and shares from 0 to 1 still load."""
    rule = "{kind: checklist, elements: [{name: ①甲, met: %s}, {name: ②乙, met: b}]}"
    with pytest.raises(scoring_engine.IndicatorSetError) as caught:
        one_indicator(rule % met, "  b: {type: boolean}", weight=2)
    assert [f"element ①甲: {said}"] == [p.message for p in caught.value.problems]
    for fine in ("true", "false", "0", "1", "0.5"):
        one_indicator(rule % fine, "  b: {type: boolean}", weight=2)


def test_checklist_with_points_per_element() -> None:
    """Elements with their own points earn exactly those points when met."""
    rule = one_indicator("{kind: checklist, elements: [{name: ①, points: 4, met: a}, {name: ②, points: 2, met: b}]}",
                         "  a: {type: boolean}\n  b: {type: boolean}", weight=6)
    assert D("4.00") == points(rule, {"a": True, "b": False})
    assert D("2.00") == points(rule, {"a": False, "b": True})


# ---------------------------------------------------------------- tiers

TIERS = one_indicator("{kind: tiers, fact: s}", "  s: {type: tier}")
TOP, MIDDLE, BOTTOM = "达成年度指标", "部分达成并具有一定效果", "未达成且效果较差"


def judged_tier(tier: str, score: str | int) -> dict[str, Any]:
    return {"s": {"tier": tier, "score": D(score), "reason": "评价组意见"}}


@pytest.mark.parametrize(
    ("tier", "score"),
    [(TOP, "8"), (TOP, "10"), (MIDDLE, "6"), (MIDDLE, "7.99"), (BOTTOM, "0"), (BOTTOM, "5.99")],
)
def test_tier_score_inside_its_tier_is_kept(tier: str, score: str) -> None:
    """A score inside its tier (low end included; the top tier's high end too) is the indicator's score."""
    assert D(score) == points(TIERS, judged_tier(tier, score))


@pytest.mark.parametrize(
    ("tier", "score"),
    [(TOP, "7.99"), (TOP, "10.5"), (MIDDLE, "8"), (MIDDLE, "5.99"), (BOTTOM, "6")],
)
def test_tier_score_outside_its_tier_is_a_scoring_error(tier: str, score: str) -> None:
    """A score outside the chosen tier's range (a lower tier's high end excluded) is refused, naming the tier."""
    error = scoring_error(TIERS, judged_tier(tier, score))
    assert f"outside tier {tier}" in str(error)
    assert "s" == error.fact


def test_tier_reason_carries_the_range_and_the_evaluators_reason() -> None:
    """The reason names the tier, its range in points and the evaluator's reason."""
    assert "达成年度指标（8–10分），得8.80分：评价组意见" == leaf(TIERS, judged_tier(TOP, "8.8")).reason


def test_a_tier_is_enforced_as_it_is_printed_at_the_sets_decimals() -> None:
    """Weight 13.33: 80% is 10.664, printed 10.66–13.33. A unit that picks the printed floor 10.66 is inside the tier
    (it was refused as below 10.664); 10.65 is not, and the refusal names the printed bounds."""
    rule = one_indicator("{kind: tiers, fact: s}", "  s: {type: tier}", weight="13.33")
    assert "达成年度指标（10.66–13.33分），得10.66分：评价组意见" == leaf(rule, judged_tier(TOP, "10.66")).reason
    assert "score 10.65 is outside tier 达成年度指标 [10.66, 13.33]" in str(scoring_error(rule, judged_tier(TOP, "10.65")))


def test_a_tier_score_is_enforced_as_it_is_printed_too() -> None:
    """7.995 in 部分达成 [6, 8) printed as 8.00, the least of the tier above, beside a refusal of 8 itself: the score is
    checked as printed. 5.996 prints 6.00, inside the tier, and is kept."""
    error = scoring_error(TIERS, judged_tier(MIDDLE, "7.995"))
    assert f"score 7.995 (8.00 as printed) is outside tier {MIDDLE} [6, 8)" in str(error)
    assert D("6.00") == points(TIERS, judged_tier(MIDDLE, "5.996"))
    assert "score 10.004 is above the weight 10" in str(scoring_error(TIERS, judged_tier(TOP, "10.004")))


def test_an_unknown_tier_is_never_offered_a_tier_of_the_opposite_sense() -> None:
    """全部达成 is one character from 部分达成 (a wording of the middle tier): a clerk who followed that suggestion
    would lower the project's tier. Suggestions agree on 部分, 未, 不."""
    rule = one_indicator("{kind: tiers, fact: s, synonyms: {达成年度指标: [达成], 部分达成并具有一定效果: [部分达成]}}",
                         "  s: {type: tier}")
    error = scoring_error(rule, judged_tier("全部达成", "9"))
    assert "部分达成" not in (error.problems[0].hint or "") and "'达成' (a wording of 达成年度指标)" in (error.problems[0].hint or "")
    for partly in ("部份达成", "未全部达成"):  # 部份 is a common variant of 部分; 未全部达成 is partly, not 未达成
        hint = scoring_error(rule, judged_tier(partly, "7")).problems[0].hint or ""
        assert "'部分达成' (a wording of 部分达成并具有一定效果)" in hint, (partly, hint)


def test_a_tier_written_as_a_synonym_is_reasoned_as_written_then_as_the_sets_tier() -> None:
    """A unit that wrote its standard's 基本达成目标 read a reason naming 达成年度指标 alone, a word its 评分标准 never
    uses (QA97 F2): the reason gives the word written, then the set's tier it stands for."""
    rule = one_indicator("{kind: tiers, fact: s, synonyms: {达成年度指标: [基本达成目标]}}", "  s: {type: tier}")
    assert "基本达成目标，即达成年度指标（8–10分），得9.00分：" in leaf(rule, judged_tier("基本达成目标", "9")).reason
    assert leaf(rule, judged_tier("达成年度指标", "9")).reason.startswith("达成年度指标（8–10分）")


def test_unknown_tier_label_is_a_scoring_error() -> None:
    """A tier label the set does not define is refused, listing the defined tiers."""
    error = scoring_error(TIERS, judged_tier("基本达成", "7"))
    assert "'基本达成' is not one of: 达成年度指标, 部分达成并具有一定效果, 未达成且效果较差" in str(error)


def test_custom_tiers() -> None:
    """A set's own tiers replace the default three, with the same inclusive/exclusive ends."""
    rule = one_indicator("{kind: tiers, fact: s, tiers: [{label: 好, min: 0.7}, {label: 差, min: 0}]}", "  s: {type: tier}")
    assert D("7.00") == points(rule, judged_tier("好", "7"))
    assert D("6.99") == points(rule, judged_tier("差", "6.99"))
    scoring_error(rule, judged_tier("差", "7"))


# ---------------------------------------------------------------- judgement

JUDGEMENT = one_indicator("{kind: judgement, fact: j}", "  j: {type: judgement}")


@pytest.mark.parametrize("score", ["0", "7.5", "10"])
def test_judgement_in_range_is_the_score(score: str) -> None:
    """An evaluator's score from 0 to the weight is taken as it is."""
    assert D(score) == points(JUDGEMENT, {"j": {"score": D(score), "reason": "测算依据基本充分"}})


def test_judgement_reason_is_the_evaluators() -> None:
    """The reason carries the evaluator's own words."""
    result = leaf(JUDGEMENT, {"j": {"score": D("3.5"), "reason": "单价未附询价材料"}})
    assert "评价人判断得3.50分：单价未附询价材料" == result.reason


def test_judgement_above_the_weight_is_a_scoring_error() -> None:
    """An evaluator's score above the weight is refused, naming the fact."""
    error = scoring_error(JUDGEMENT, {"j": {"score": D("10.01"), "reason": "很好"}})
    assert "outside 0..10" in str(error)
    assert "j" == error.fact


# ---------------------------------------------------------------- panel

SCORES = "  s: {type: list, items: number, min: 0, max: 100}"


def test_panel_mean_on_the_weights_scale() -> None:
    """Without a scale the reviewers score out of the weight and the mean is the score."""
    rule = one_indicator("{kind: panel, method: mean, scores: s}", SCORES)
    assert D("9.00") == points(rule, {"s": [8, 9, 10]})


def test_panel_trimmed_mean_drops_highest_and_lowest() -> None:
    """trimmed_mean drops one highest and one lowest score, averages the rest and converts from the scale."""
    rule = one_indicator("{kind: panel, method: trimmed_mean, scores: s, scale: 100}", SCORES)
    result = leaf(rule, {"s": [88, 92, 85, 79, 90]})
    assert D("8.77") == result.score  # (88 + 85 + 90) / 3 = 87.67 of 100 → 8.77 of 10
    assert [D(85), D(88), D(90)] == result.details["kept"]


def test_panel_trim_two_from_each_end() -> None:
    """trim: 2 drops the two highest and the two lowest scores."""
    rule = one_indicator("{kind: panel, method: trimmed_mean, trim: 2, scores: s, scale: 100}", SCORES)
    assert D("8.77") == points(rule, {"s": [10, 88, 92, 85, 79, 90, 100]})


def test_panel_trimming_everything_is_a_scoring_error_of_the_facts() -> None:
    """Two scores trimmed by one from each end leave nothing to average, which is an error; of the facts, named by the
    fact and its path, where it was placed at the set's line with no fact (QA276 F6: a web service mapping error.fact to
    its form's field got nothing)."""
    rule = one_indicator("{kind: panel, method: trimmed_mean, scores: s, scale: 100}", SCORES)
    error = scoring_error(rule, {"s": [88, 92]})
    assert "leave none after trimming" in str(error) and ("s", "$.facts.s") == (error.fact, error.first.path)


def test_a_plain_mean_of_no_scores_says_none_were_given() -> None:
    """QA253 F4: a mean of no reviewers' scores said they left none 'after trimming 0 from each end', and asked for 'at
    least 1 reviewers' scores' because 'the standard drops the highest and the lowest 0'. It says no score was given."""
    rule = one_indicator("{kind: panel, method: mean, scores: s, scale: 100}", SCORES)
    said = scoring_error(rule, {"s": []})
    assert "no reviewers' scores are given" in str(said) and "trimming" not in str(said), said


def test_panel_weighted_parts() -> None:
    """weighted combines the parts by their shares (现场 60% + 材料 40%) on the given scale."""
    rule = one_indicator(
        "{kind: panel, method: weighted, scale: 100, parts: [{name: 现场, share: 0.6, score: a}, {name: 材料, share: 0.4, score: b}]}",
        "  a: {type: number}\n  b: {type: number}",
    )
    result = leaf(rule, {"a": 86, "b": 78})
    assert D("8.28") == result.score  # 86 × 0.6 + 78 × 0.4 = 82.8 of 100
    assert "现场86分×60%，材料78分×40%，加权合计82.80分（满分100），折合8.28分" == result.reason


# ---------------------------------------------------------------- formula

SCORE_FORMULA = one_indicator("{kind: formula, score: v * 2}", VALUE)
RATE_FORMULA = one_indicator("{kind: formula, rate: v}", VALUE)


def test_formula_score_is_points() -> None:
    """score: gives points directly."""
    assert D("6.00") == points(SCORE_FORMULA, {"v": 3})


def test_formula_rate_is_a_share_of_the_weight() -> None:
    """rate: gives a share of the weight."""
    assert D("3.50") == points(RATE_FORMULA, {"v": D("0.35")})


@pytest.mark.parametrize(
    ("rule", "value", "raw", "kept"),
    [(SCORE_FORMULA, 7, "14", "10.00"), (SCORE_FORMULA, -1, "-2", "0.00"), (RATE_FORMULA, D("1.5"), "15", "10.00")],
    ids=["score-above", "score-below", "rate-above"],
)
def test_formula_outside_the_weight_is_clamped_with_a_warning(rule: IndicatorSet, value: Any, raw: str, kept: str) -> None:
    """A formula result outside 0..weight is clamped, and the clamp is recorded as a warning of kind 'clamp'."""
    result = scoring_engine.score(rule, {"v": value})
    x = result.indicator("x")
    assert D(kept) == x.score
    assert D(raw) == x.raw_score
    assert x.clamped
    assert [("clamp", "x")] == [(w.kind, w.indicator) for w in result.warnings]


def test_formula_inside_the_weight_has_no_clamp_warning() -> None:
    """A score inside 0..weight is not marked clamped and raises no warning."""
    result = scoring_engine.score(SCORE_FORMULA, {"v": 5})
    assert not result.indicator("x").clamped
    assert () == result.warnings


def test_formula_giving_a_boolean_is_an_error_not_one_or_zero_points() -> None:
    """A formula that gives true/false where points belong is an error, not 1 or 0 points: refused when the set loads
    where its kind is known then (QA137 F4), else when scored."""
    with pytest.raises(IndicatorSetError) as refused:
        one_indicator("{kind: formula, score: v > 1}", VALUE)
    assert "the formula must give a number, and v > 1 gives a true/false value" == refused.value.problems[0].message
    rule = one_indicator("{kind: formula, score: \"v > 1 if v else 0\"}", VALUE)  # its kind is known only when scored
    error = scoring_error(rule, {"v": 3})
    assert "must be a number" in str(error)
    assert "x" == error.indicator


# ---------------------------------------------------------------- the tree: rounding, not applicable, grades, checks

TREE = """
id: tree
name: 测试
version: "1"
not_applicable: {policy}
facts:
  a: {{type: number}}
  b: {{type: number}}
  c: {{type: number}}
checks:
  - {{expr: "a <= 20", message: a超过20}}
  - {{expr: "b >= 0", message: b为负数, severity: error}}
grades:
  - {{label: 优, min: 90}}
  - {{label: 良, min: 80}}
  - {{label: 中, min: 60}}
  - {{label: 差, min: 0}}
indicators:
  - id: p
    name: 过程
    weight: 60
    children:
      - {{id: p.a, name: A, weight: 20, rule: {{kind: formula, score: a}}}}
      - {{id: p.b, name: B, weight: 20, rule: {{kind: formula, score: b}}}}
      - {{id: p.c, name: C, weight: 20, rule: {{kind: formula, score: c}}}}
  - id: q
    name: 产出
    weight: 40
    children:
      - {{id: q.a, name: QA, weight: 30, rule: {{kind: formula, score: a * 1.5}}}}
      - {{id: q.b, name: QB, weight: 10, rule: {{kind: formula, score: 10}}}}
"""
FULL_CREDIT = scoring_engine.parse_indicator_set(TREE.format(policy="full_credit"))
RESCALE = scoring_engine.parse_indicator_set(TREE.format(policy="rescale"))


def scores(result: Result) -> dict[str, Decimal]:
    return {node.id: node.score for node in result.walk()}


def weights(result: Result) -> dict[str, Decimal]:
    return {node.id: node.weight for node in result.walk()}


@pytest.mark.parametrize(("raw", "expected"), [("2.345", "2.35"), ("2.325", "2.33"), ("2.3449", "2.34"), ("9.995", "10.00")])
def test_scores_round_half_up(raw: str, expected: str) -> None:
    """A raw score of x.xx5 rounds up (四舍五入), never to even as Python's round() would."""
    assert D(expected) == scores(scoring_engine.score(FULL_CREDIT, {"a": 0, "b": D(raw), "c": 0}))["p.b"]


def test_precision_sets_the_decimals() -> None:
    """precision: 1 rounds each score half up to one decimal."""
    rule = one_indicator("{kind: formula, score: v}", VALUE, head="precision: 1")
    assert [D("2.3"), D("2.4"), D("2.3")] == [points(rule, {"v": D(v)}) for v in ("2.25", "2.35", "2.349")]


def test_parent_is_the_sum_of_its_childrens_rounded_scores() -> None:
    """A parent's score is the sum of its children's scores as printed, so the column adds up on paper."""
    result = scoring_engine.score(FULL_CREDIT, {"a": D("3.335"), "b": D("3.335"), "c": D("3.335")})
    got = scores(result)
    assert D("3.34") == got["p.a"]
    assert D("10.02") == got["p"]  # 3.34 × 3, not round(10.005) = 10.01
    assert got["p"] + got["q"] == result.total


def test_total_is_the_sum_of_the_top_level_scores() -> None:
    """The total equals the sum of the top-level scores exactly."""
    result = scoring_engine.score(FULL_CREDIT, {"a": D("7.777"), "b": D("1.115"), "c": D("19.999")})
    assert sum((t.score for t in result.indicators), D(0)) == result.total


@pytest.mark.parametrize(
    ("c", "total", "grade"),
    [("10", "90.00", "优"), ("9.99", "89.99", "良"), ("9.995", "90.00", "优"), ("9.994", "89.99", "良"), ("0", "80.00", "良")],
)
def test_grade_boundaries(c: str, total: str, grade: str) -> None:
    """A total of exactly 90 gets the top grade and 89.99 the next; the rounded total decides."""
    result = scoring_engine.score(FULL_CREDIT, {"a": 20, "b": 20, "c": D(c)})
    assert D(total) == result.total
    assert grade == result.grade


@pytest.mark.parametrize(("c", "total", "grade"), [("5", "60.00", "中"), ("4.99", "59.99", "差")])
def test_lowest_grade_boundary(c: str, total: str, grade: str) -> None:
    """A total of exactly 60 gets 中 and 59.99 gets 差."""
    result = scoring_engine.score(FULL_CREDIT, {"a": 10, "b": 20, "c": D(c)})
    assert D(total) == result.total
    assert grade == result.grade


def test_grade_below_every_min_but_zero() -> None:
    """A total of 0 gets the lowest grade."""
    result = scoring_engine.score(FULL_CREDIT, Facts({"a": 0, "b": 0, "c": 0}, not_applicable={}))
    assert D(10) == result.total  # q.b is worth 10 whatever the facts
    assert "差" == result.grade


def test_not_applicable_full_credit_gives_the_whole_weight() -> None:
    """Under full_credit an indicator marked not applicable scores its whole weight, with the reason given."""
    result = scoring_engine.score(FULL_CREDIT, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"p.b": "本项目无政府采购"}))
    node = result.indicator("p.b")
    assert D("20.00") == node.score
    assert "本项目无政府采购" == node.not_applicable
    assert "本项目无政府采购" in node.reason
    assert D("22.00") == result.indicator("p").score


def test_not_applicable_parent_applies_to_its_children() -> None:
    """Marking a parent not applicable marks every indicator below it."""
    result = scoring_engine.score(FULL_CREDIT, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"q": "不涉及"}))
    assert D("30.00") == result.indicator("q.a").score
    assert D("40.00") == result.indicator("q").score


@pytest.mark.parametrize("marked", [{"p.b": "无"}, {"q": "无"}, {"p.a": "无", "q.b": "无"}, {"p.a": "无", "p.b": "无"}])
def test_rescale_weights_still_add_up_exactly(marked: dict[str, str]) -> None:
    """Under rescale the applicable leaves share the whole total, adding up to it exactly at the set's precision."""
    result = scoring_engine.score(RESCALE, Facts({"a": 1, "b": 1, "c": 1}, not_applicable=marked))
    w = weights(result)
    leaves = [n for n in result.walk() if not n.children]
    assert D(100) == sum((n.weight for n in leaves), D(0))
    assert D(100) == w["p"] + w["q"]
    assert all(D(0) == n.weight for n in leaves if n.id in marked or n.id.split(".")[0] in marked)
    for n in leaves:
        assert n.weight == n.weight.quantize(D("0.01"))


def test_rescale_apportions_in_proportion_to_the_declared_weights() -> None:
    """Rescaling spreads a dropped indicator's weight over the others in proportion to their weights."""
    result = scoring_engine.score(RESCALE, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"p.b": "无"}))
    assert {"p.a": D(25), "p.c": D(25), "q.a": D("37.5"), "q.b": D("12.5")} == {
        k: v for k, v in weights(result).items() if k in ("p.a", "p.c", "q.a", "q.b")
    }


def test_rescale_thirds_are_apportioned_to_add_up() -> None:
    """Three equal leaves sharing 100 get 33.34 + 33.33 + 33.33, not 33.33 three times."""
    result = scoring_engine.score(RESCALE, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"q": "无"}))
    assert [D("33.34"), D("33.33"), D("33.33")] == [result.indicator(i).weight for i in ("p.a", "p.b", "p.c")]


def test_rescale_gives_an_exactly_tied_remainder_to_the_earlier_leaf() -> None:
    """QA41 F1: with 效益 not applicable the national set's leaves share 100 over 70; 3 × 100/70 and 10 × 100/70 leave
    the same remainder (1/175 of a point past 4.28 and 14.28), and the cent went to the later, heavier leaf (its 28-digit
    quotient rounded up a last digit): 绩效目标合理性 4.28 and 实际完成率 14.29. Ties go to the leaf earlier in the file."""
    import json
    from pathlib import Path

    from scoring_engine._arith import apportion

    assert {"a": D("4.29"), "b": D("14.28"), "c": D("81.43")} == apportion({"a": D(3), "b": D(10), "c": D(57)}, D(100), 2)
    national = scoring_engine.load_indicator_set("national-framework")
    path = Path(__file__).resolve().parent.parent / "indicator_sets" / "national-framework.facts.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    result = scoring_engine.score(national, Facts(document["facts"], not_applicable={"benefit": "效益另行评价"}))
    assert (D("4.29"), D("14.28")) == (result.indicator("decision.goals.reasonable").weight,
                                       result.indicator("output.quantity.completion").weight)
    assert D(100) == sum((n.weight for n in result.walk() if not n.children), D(0))


def test_rescale_full_marks_stay_full_marks() -> None:
    """Under rescale an indicator that earned its whole declared weight earns its whole new weight."""
    result = scoring_engine.score(RESCALE, Facts({"a": 20, "b": 1, "c": 1}, not_applicable={"p.b": "无"}))
    assert D("12.50") == result.indicator("q.b").score
    assert D("25.00") == result.indicator("p.a").score
    assert D("0.00") == result.indicator("p.b").score


def test_rescale_with_everything_not_applicable_is_a_facts_error() -> None:
    """Marking every indicator not applicable under rescale leaves nothing to score, which is an error."""
    with pytest.raises(FactsError):
        scoring_engine.score(RESCALE, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"p": "无", "q": "无"}))


def test_not_applicable_unknown_id_is_a_facts_error_with_a_suggestion() -> None:
    """An unknown indicator id under not_applicable is refused with the closest id as a hint."""
    with pytest.raises(FactsError) as caught:
        scoring_engine.score(FULL_CREDIT, Facts({"a": 1, "b": 1, "c": 1}, not_applicable={"p.bb": "无"}))
    assert "did you mean p.b?" == caught.value.hint
    assert "unknown indicator p.bb" in str(caught.value)


def test_failed_warning_check_appears_in_the_warnings() -> None:
    """A failed check of severity warning is listed in result.warnings with the values it read."""
    result = scoring_engine.score(FULL_CREDIT, {"a": 21, "b": 1, "c": 1})
    checks = [w for w in result.warnings if w.kind == "check"]
    assert 1 == len(checks)
    assert "a超过20" in checks[0].message
    assert "a = 21" in checks[0].message
    assert "a <= 20" == checks[0].expression


def test_passing_checks_give_no_warnings() -> None:
    """Checks that hold leave result.warnings empty."""
    assert () == scoring_engine.score(FULL_CREDIT, {"a": 1, "b": 1, "c": 1}).warnings


def test_failed_error_check_raises() -> None:
    """A failed check of severity error stops scoring with a ScoringError carrying its message and formula."""
    error = scoring_error(FULL_CREDIT, {"a": 1, "b": -1, "c": 1})
    assert "b为负数" in str(error)
    assert "b >= 0" == error.expression


def test_every_failing_indicator_is_reported_together() -> None:
    """Scoring errors in several indicators are reported in one ScoringError, one problem each."""
    tree = scoring_engine.parse_indicator_set("""
id: two
name: 两个错误
version: "1"
facts:
  v: {type: number}
  t: {type: number}
grades:
  - {label: 合格, min: 0}
indicators:
  - {id: one, name: 一, weight: 50, rule: {kind: formula, rate: v / t}}
  - {id: two, name: 二, weight: 50, rule: {kind: proportional, value: v, target: t}}
""")
    error = scoring_error(tree, {"v": 1, "t": 0})
    assert ["one", "two"] == [p.indicator for p in error.problems]


def test_a_ceiling_of_zero_is_a_target_lower_is_better() -> None:
    """安全事故 ≤0起 (零事故): a target of 0 with lower_is_better scores full marks at 0 and nothing above it, with a
    reason that holds; a target of 0 to reach (≥0) is still refused."""
    from scoring_engine import parse_indicator_set, score

    text = """
id: zero
name: 零事故
version: "1"
facts:
  accidents: {type: number, min: 0, label: 安全事故}
grades:
  - {label: 合格, min: 60}
  - {label: 不合格, min: 0}
indicators:
  - {id: safety, name: 安全事故, weight: 100, rule: {kind: proportional, value: accidents, target: 0, direction: DIRECTION}}
"""
    lower, higher = (parse_indicator_set(text.replace("DIRECTION", d)) for d in ("lower_is_better", "higher_is_better"))

    def safety(indicator_set: IndicatorSet, accidents: int) -> IndicatorResult:
        return score(indicator_set, Facts(values={"accidents": Decimal(accidents)})).indicator("safety")

    assert (Decimal("100.00"), "实际值0未超过目标值0，得满分100.00分") == (safety(lower, 0).score, safety(lower, 0).reason)
    assert (Decimal("0.00"), "实际值2超过目标值0，得分 = 100 × 0 ÷ 2 = 0.00分") == (safety(lower, 2).score,
                                                                                   safety(lower, 2).reason)
    with pytest.raises(ScoringError, match="target must be above 0"):
        safety(higher, 0)


def test_a_band_of_one_value_is_refused_with_the_way_to_score_it() -> None:
    """'执行完毕且在预算内得10分' wants a band at exactly 100%: {min: 1, max: 1} is an empty range, and the hint said only
    'each band's min must equal the max of the band below it'. It now names kind: equal with the bands under otherwise."""
    with pytest.raises(scoring_engine.IndicatorSetError) as caught:
        one_indicator("{kind: bands, value: v, bands: [{min: 1, max: 1, points: 10}, {min: 1, points: 0}, {max: 1, points: 5}]}",
                      "  v: {type: number}")
    first = caught.value.problems[0]
    assert "range min 1 is not below its max 1" in first.message and "kind: equal" in (first.hint or "")


def test_a_linear_deduction_that_takes_all_the_points_says_so() -> None:
    """'24与目标0相差24，每1扣2分，计24个单位扣6分' read as a sum gone wrong (24 × 2 is 48): a deduction capped at the
    weight ends with 扣完为止; one that is not reads as before."""
    late = one_indicator("{kind: linear, value: v, target: 0, direction: lower_is_better, points_each: 2}", VALUE, weight=6)
    assert "24与目标0相差24，每1扣2分，计24个单位扣6分，扣完为止，得0.00分" == leaf(late, {"v": 24}).reason
    assert "1与目标0相差1，每1扣2分，计1个单位扣2分，得4.00分" == leaf(late, {"v": 1}).reason
    assert "3与目标0相差3，每1扣2分，计3个单位扣6分，得0.00分" == leaf(late, {"v": 3}).reason


# ---------------------------------------------------------------- reasons an auditor re-does on paper


def test_a_rate_just_below_the_floor_is_not_printed_as_the_floor() -> None:
    """59.995% against a floor of 60% read '完成率60.00%，低于60.00%，不得分'."""
    rule = one_indicator("{kind: proportional, value: v, target: t, floor: 0.6}", VALUE_AND_TARGET)
    assert "实际值11999，目标值20000，完成率59.995%，低于60.00%，不得分" == leaf(rule, {"v": D("11999"), "t": 20000}).reason


def test_a_value_a_hair_from_its_bound_keeps_the_digits_that_tell_them_apart() -> None:
    """With amounts of 10¹² 万元 the decimals added to tell a value from its bound stopped at eight, and reasons read
    '90.00000000%，处于x < 90.00%区间' and '实际值4不等于目标值4'."""
    bands = one_indicator("{kind: bands, value: v, display: percent, bands: [{min: 0.9, points: 10}, {max: 0.9, points: 0}]}",
                          VALUE)
    rate = D("899999999999.99") / D("1000000000000")
    assert leaf(bands, {"v": rate}).reason.startswith("89.999999999999%，处于x < 90.00%区间")
    equal = one_indicator("{kind: equal, value: v, target: 4}", VALUE)
    assert leaf(equal, {"v": D("4.0000000001")}).reason.startswith("实际值4.0000000001不等于目标值4")


def test_a_rate_formula_above_100_percent_states_the_product_then_the_clamp() -> None:
    """'得分 = 10 × 133.33% = 10.00分' is false on paper; the clamp clause showed 13.33333333333333333333333333."""
    rule = one_indicator("{kind: formula, rate: v / t}", VALUE_AND_TARGET)
    result = scoring_engine.score(rule, {"v": 4, "t": 3})
    assert "按公式 v / t 得比率133.33%，得分 = 10 × 133.33% = 13.33分；计算值13.33超出0–10分，按10.00分计" == \
        result.indicator("x").reason
    assert ["x：原始得分 13.33 超出 0–10 的范围，取为 10"] == [w.text("zh") for w in result.warnings]


def test_a_proportional_rule_on_a_negative_value_states_the_product_then_the_clamp() -> None:
    """Paid -5 of 100: '得分 = 10 × -5.00% = 0.00分' was false on paper; the reason states the product, -0.50, then the clamp
    clause, as a formula's rate does (QA191 F4). A value the rule does not clamp keeps its reason."""
    rule = one_indicator("{kind: proportional, value: v, target: t}", VALUE_AND_TARGET)
    assert "实际值-5，目标值100，完成率-5.00%，得分 = 10 × -5.00% = -0.50分；计算值-0.5超出0–10分，按0.00分计" == \
        leaf(rule, {"v": -5, "t": 100}).reason
    assert "实际值45，目标值100，完成率45.00%，得分 = 10 × 45.00% = 4.50分" == leaf(rule, {"v": 45, "t": 100}).reason


def test_a_lower_is_better_percentage_equation_holds_as_printed() -> None:
    """'得分 = 10 × 0.15% ÷ 0.55% = 2.62分' is 2.73 on paper: the percentages keep the decimals that make it hold."""
    rule = one_indicator("{kind: proportional, value: v, target: t, direction: lower_is_better, display: percent}",
                         VALUE_AND_TARGET)
    reason = leaf(rule, {"v": D("0.005549"), "t": D("0.001452")}).reason
    assert "实际值0.5549%超过目标值0.1452%，得分 = 10 × 0.1452% ÷ 0.5549% = 2.62分" == reason


def test_a_tier_or_judged_score_the_facts_give_wrong_is_said_of_the_facts_file_not_the_set() -> None:
    """A clerk fixes a tier '较好' or a judged score above the weight in the facts file: the error names that file and the
    value's place there, not the line of the set's rule (which a clerk must not edit), and says what to write."""
    facts = Facts(values=judged_tier("较好", "7"), source="unit/p7.json")
    problem = scoring_error(TIERS, facts).problems[0]
    assert (problem.file, problem.line, problem.path) == ("unit/p7.json", None, "$.facts.s.tier")
    assert problem.hint == "write one of these tiers in the facts"
    judged = one_indicator("{kind: judgement, fact: j}", "  j: {type: judgement}")
    above = scoring_error(judged, Facts(values={"j": {"score": 11, "reason": "好"}}, source="unit/p8.json")).problems[0]
    assert (above.file, above.line, above.path) == ("unit/p8.json", None, "$.facts.j.score")


def test_tier_bounds_keep_two_decimals_at_precision_0_so_no_tier_is_empty_and_none_is_entered_below_it() -> None:
    """At precision 0 a 3-point indicator's tiers are 0–1.8, 1.8–2.4 and 2.4–3 (the standard's): a score printed 2 is in
    the middle tier (rounding its bounds to 2 and 2 left it empty), 1.6 printed 2 is not 达成年度指标, and the reason
    prints the standard's range."""
    rule = one_indicator("{kind: tiers, fact: s}", "  s: {type: tier}", weight=3, head="precision: 0\n")
    middle = scoring_engine.score(rule, judged_tier(MIDDLE, "2"))
    assert middle.total == D("2") and "部分达成并具有一定效果（1.8–2.4分，不含2.4分）" in middle.indicators[0].reason
    assert "outside tier 达成年度指标 [2.4, 3]" in str(scoring_error(rule, judged_tier(TOP, "1.6")))
    assert scoring_engine.score(rule, judged_tier(TOP, "3")).indicators[0].reason.startswith("达成年度指标（2.4–3分）")
