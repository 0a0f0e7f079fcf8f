"""Reasons whose numbers add up: at the set's precision, deductions that sum to the deduction shown, fractions exactly.

Every reason of every golden file, example and bundled case is read here: no
number in it has more decimals than its set's precision (rates, shown as
percentages, excepted), and wherever a reason lists deductions they add up to
what the indicator lost as printed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scoring_engine._arith import round_half_up
from scoring_engine import (Facts, IndicatorSetError, ScoringEngineError, load_facts, load_indicator_set, parse_indicator_set,
                            score)
from scoring_engine.cases import _facts_for, find_case_files, load_cases
from scoring_engine.reports.rows import reason_text
from scoring_engine.result import IndicatorResult, Result

D = Decimal
GOLDEN_JSON = sorted((ROOT / "tests" / "golden").glob("*/score.json"))
CASE_FILES = find_case_files([ROOT / "examples", ROOT / "indicator_sets"])
# A number with a decimal point that is not part of a name (rate_2022.x) and not a percentage (94.74%).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+\.(\d+)(?!\d)(?!%)")


# 'weight × target ÷ value': a lower-is-better equation keeps the decimals that make it hold on paper (checked below).
LOWER_EQUATION = re.compile(r"实际值([\d.]+)超过目标值([\d.]+)，得分 = ([\d.]+) × \2 ÷ \1 = ([\d.]+)分")
# What a rate was measured on: the value and target as the facts give them (0.8998 against 0.9 is not 0.90 against 0.9),
# and past a ceiling with a pass line, the rate worked out of them (完成率 = 0.02 ÷ 0.025 = 80.00%: QA342 F7).
MEASURED = re.compile(r"实际值[\d.]+，目标值[\d.]+，|实际值([\d.]+)超过目标值([\d.]+)，\w* = \2 ÷ \1 = ")
# A rescaled score's exact loss where the total converted at once counts it otherwise (rescaled.evened, QA339 F1).
EVENED = re.compile(r"折算为≈?[\d.]+分，为使各项得分合计")


def too_precise(text: str, precision: int) -> list[str]:
    """The numbers of `text` with more decimals than `precision`, percentages and a lower-is-better equation excepted."""
    text = EVENED.sub("", MEASURED.sub("", LOWER_EQUATION.sub("", text)))
    return [m.group(0) for m in NUMBER.finditer(text) if len(m.group(1)) > precision]


def test_the_number_reader_sees_long_decimals_and_lets_percentages_and_names_be() -> None:
    """The check below can fail: it finds 0.9999… and 1.750 at two decimals, not 93.255% nor a name like e1.25."""
    assert ["0.9999999999999999999999999999", "1.750"] == too_precise(
        "扣0.9999999999999999999999999999分；扣1.750分；93.255%；要点e1.25；扣0.42分", 2)
    assert [] == too_precise("扣1分，得4.00分", 2)
    assert ["4.00"] == too_precise("得4.00分", 0)


def _case_results() -> Iterator[tuple[str, Result]]:
    sets = {}
    for path in CASE_FILES:
        for case in load_cases(path):
            indicator_set = sets.setdefault(case.set_file, load_indicator_set(case.set_file))
            try:
                yield case.id, score(indicator_set, _facts_for(case, indicator_set))
            except ScoringEngineError:
                continue  # a case that expects an error has no reasons


CASE_RESULTS = list(_case_results())


def test_the_cases_cover_every_example_and_bundled_set() -> None:
    """The scored cases come from each example's and each bundled set's case file."""
    scored = {case_id.split("::")[0] for case_id, _ in CASE_RESULTS}
    assert {str(p) for p in CASE_FILES} == scored
    assert len(CASE_RESULTS) > 300


@pytest.mark.parametrize("path", GOLDEN_JSON, ids=lambda p: p.parent.name)
def test_no_golden_reason_prints_more_decimals_than_the_precision(path: Path) -> None:
    """In each golden result, no reason and no deduction shows more decimals than the set's precision."""
    document = json.loads(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: dict) -> None:
        found.extend(too_precise(node["reason"], document["precision"]))
        found.extend(too_precise(str(d["points"]), document["precision"]) for d in node.get("deductions", []))
        for child in node.get("children", []):
            visit(child)

    for top in document["indicators"]:
        visit(top)
    assert [] == [n for n in found if n]


def test_no_reason_of_an_example_or_bundled_case_prints_more_decimals_than_the_precision() -> None:
    """Every reason the reports print (with its deductions) for every example and case keeps to its set's precision
    (a value and target stated as measured excepted)."""
    found = [(case_id, node.id, number) for case_id, result in CASE_RESULTS for node in result.walk()
             for number in too_precise(reason_text(node), result.precision)]
    assert [] == found


def _deductions_add_up(node: IndicatorResult, precision: int) -> bool:
    """The deductions shown for a leaf add up to what it lost as printed (before any rescaling), none of them 0.

    When one would show as 0 at the precision (half a point of two at precision 0), all keep as many more decimals as
    it takes, and add up to what was lost at those decimals.
    """
    if not node.deductions:
        return True
    weight = node.declared_weight if node.declared_weight is not None else node.weight
    score = node.details.get("rescaled", {}).get("score_before", node.score)
    places = max(precision, *(-d.points.as_tuple().exponent for d in node.deductions))
    lost = weight - score if places == precision else weight - round_half_up(node.raw_score, places)
    shown = sum((d.points for d in node.deductions), D(0))
    return lost == shown


def test_the_deductions_shown_add_up_in_every_example_and_case() -> None:
    """In every example and case, a leaf's deductions, each at the precision, add up to the points it lost as printed."""
    wrong = [(case_id, node.id, node.reason) for case_id, result in CASE_RESULTS for node in result.walk()
             if not node.children and not _deductions_add_up(node, result.precision)]
    assert [] == wrong
    assert any(node.deductions for _, result in CASE_RESULTS for node in result.walk())


def _checklist(weight: str, elements: int, head: str = "") -> str:
    names = "".join(f"  e{i}: {{type: boolean}}\n" for i in range(elements))
    listed = ", ".join(f"{{name: 要点{i + 1}, met: e{i}}}" for i in range(elements))
    return (f"id: t\nname: t\nversion: '1'\n{head}facts:\n{names}grades: [{{label: 合格, min: 0}}]\ntotal: {weight}\n"
            f"indicators:\n  - {{id: x, name: 要点计分, weight: {weight}, rule: {{kind: checklist, elements: [{listed}]}}}}\n")


def test_three_missed_thirds_of_three_points_deduct_one_point_each() -> None:
    """A checklist of weight 3 with three equal elements deducts exactly 1 per missed element, not 0.9999…."""
    result = score(parse_indicator_set(_checklist("3", 3)), {"e0": False, "e1": True, "e2": False}).indicator("x")
    assert [D(1), D(1)] == [d.points for d in result.deductions]
    assert "要点1：未满足（扣1分）；要点3：未满足（扣1分）；扣2.00分，得1.00分" == result.reason
    assert D(1) == result.details["elements"][0]["points"]


def test_thirds_of_an_odd_weight_are_apportioned_by_largest_remainder() -> None:
    """Three missed thirds of 1.25 points show 0.42 + 0.42 + 0.41, adding up to the 1.25 lost."""
    result = score(parse_indicator_set(_checklist("1.25", 3)), {"e0": False, "e1": False, "e2": False}).indicator("x")
    assert [D("0.42"), D("0.42"), D("0.41")] == [d.points for d in result.deductions]
    assert result.reason.endswith("扣1.25分，得0.00分")
    two = score(parse_indicator_set(_checklist("1.25", 3)), {"e0": False, "e1": True, "e2": False}).indicator("x")
    assert [D("0.42"), D("0.41")] == [d.points for d in two.deductions]
    assert two.reason.endswith("扣0.83分，得0.42分")


def test_every_element_met_scores_the_weight_exactly() -> None:
    """Six equal sixths of 1921 points, all met: full marks, 1921 exactly (not 1921.000…001 clamped back to the weight)."""
    result = score(parse_indicator_set(_checklist("1921", 6, head="precision: 0\n")), {f"e{i}": True for i in range(6)})
    assert "要点均已满足（共6项），得满分1921分" == result.indicator("x").reason
    assert D(1921) == result.indicator("x").raw_score


@settings(max_examples=60, deadline=None)
@given(weight=st.integers(min_value=1, max_value=2000), count=st.integers(min_value=2, max_value=7),
       met=st.lists(st.booleans(), min_size=7, max_size=7), precision=st.integers(min_value=0, max_value=3))
def test_checklist_deductions_always_add_up(weight: int, count: int, met: list[bool], precision: int) -> None:
    """For any weight, number of equal elements and misses, the deductions shown add up to weight − score at the precision
    (or at the decimals that keep each from showing as 0), and none shows as 0."""
    text = _checklist(str(D(weight).scaleb(-precision)), count, head=f"precision: {precision}\n")
    node = score(parse_indicator_set(text), {f"e{i}": met[i] for i in range(count)}).indicator("x")
    assert _deductions_add_up(node, precision)
    kept = max(precision, *(-d.points.as_tuple().exponent for d in node.deductions)) if node.deductions else precision
    assert [] == too_precise(node.reason, kept)
    assert all(d.points for d in node.deductions) and "扣0分" not in node.reason


DEDUCTION = """
id: t
name: t
version: '1'
facts:
  f: {type: list}
grades: [{label: 合格, min: 0}]
total: 10
indicators:
  - {id: x, name: 合规性, weight: 10, rule: {kind: deduction, findings: f, points_each: 3, zero_at_count: 5}}
"""


def test_findings_past_the_weight_deduct_nothing_more() -> None:
    """每处扣3分，扣完为止: four findings show 3 + 3 + 3 + 1, the last one taking only what was left."""
    node = score(parse_indicator_set(DEDUCTION), {"f": ["甲", "乙", "丙", "丁"]}).indicator("x")
    assert [D(3), D(3), D(3), D(1)] == [d.points for d in node.deductions]
    assert "发现4处问题，扣10分，得0.00分" == node.reason


def test_the_count_that_zeroes_the_score_takes_what_the_findings_left() -> None:
    """At zero_at_count, a last deduction names the rule and takes the points the findings left."""
    text = DEDUCTION.replace("points_each: 3", "points_each: 1")
    node = score(parse_indicator_set(text), {"f": ["甲", "乙", "丙", "丁", "戊"]}).indicator("x")
    assert [D(1)] * 5 + [D(5)] == [d.points for d in node.deductions]
    assert "达到5处及以上，不得分" == node.deductions[-1].reason


def test_a_share_written_as_a_fraction_is_exact() -> None:
    """share_each: 1/3 of an element of 3 points deducts exactly 1 per finding."""
    text = DEDUCTION.replace("points_each: 3, zero_at_count: 5", "share_each: 1/3")
    node = score(parse_indicator_set(text), {"f": ["甲"]}).indicator("x")
    assert D("6.67") == node.score
    assert [D("3.33")] == [d.points for d in node.deductions]


def _refusal(text: str) -> str:
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, "t.yaml")
    return str(caught.value)


def test_a_fraction_above_one_is_refused_as_a_share() -> None:
    """share_each: 4/3 is more than the whole: refused when the set loads."""
    assert "share_each 4/3 is above 1 (the whole)" in _refusal(DEDUCTION.replace("points_each: 3", "share_each: 4/3"))


def test_a_fraction_where_a_number_is_needed_gets_a_hint_without_quotes() -> None:
    """total: 1/3 says fractions are for shares and points; the hint mentions quotes only when quotes were written."""
    message = _refusal(DEDUCTION.replace("total: 10", "total: 1/3"))
    assert "total must be a number, got text '1/3'" in message
    assert "fractions such as 1/3 are for shares and points; write a decimal number here" in message
    assert "quotes" not in message
    plain_text = _refusal(DEDUCTION.replace("total: 10", "total: ten"))
    assert "quotes" not in plain_text and "write a plain number, without thousands separators, units or %" in plain_text
    quoted = _refusal(DEDUCTION.replace("total: 10", 'total: "ten"'))
    assert "write a plain number, without quotes, thousands separators, units or %" in quoted


def test_text_that_is_no_fraction_is_refused_as_a_share() -> None:
    """share_each: a third is neither a number nor a fraction: the message says what a share takes."""
    message = _refusal(DEDUCTION.replace("points_each: 3", "share_each: a third"))
    assert "share_each must be a number or a fraction such as 1/3, got text 'a third'" in message


def test_a_linear_rules_units_and_points_each_keep_their_decimals_at_precision_0() -> None:
    """At precision 0, 0.5 points per 1% over 3.5 units printed as '每1%扣1分，计4个单位扣2分' (4 × 1 ≠ 2): they now
    keep their decimals (0.5, 3.5). The deduction keeps the decimals that make 3.5 × 0.5 hold (扣1.75分: '扣2分' was
    weight − the rounded score, which 3.5 × 0.5 does not give); the score stays at the precision (10 − 1.75 → 8)."""
    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8").replace("precision: 2", "precision: 0")
    assert "precision: 0" in text
    from scoring_engine import load_facts

    result = score(parse_indicator_set(text), load_facts(ROOT / "examples" / "small" / "facts.json"))
    reason = result.indicator("output.quality").reason
    assert "每1.00%扣0.5分，计3.5个单位扣1.75分，得分四舍五入后计扣2分，得8分" in reason, reason


def test_a_share_written_in_percent_is_told_the_number_to_write() -> None:
    """QA44 F10: share_each: 50% was told to write "a number such as 0.25", where 95% elsewhere is told 0.95."""
    message = _refusal(DEDUCTION.replace("points_each: 3", "share_each: 50%"))
    assert "a share is written as a number here: write 50% as 0.5" in message


@pytest.mark.parametrize(("paid", "shown"), [(8_884_999_999, "10 × 88.84999999% = 8.88分"),
                                             (8_885_000_000, "10 × 88.85% = 8.89分")])
def test_a_rate_just_short_of_a_rounding_boundary_keeps_the_decimals_that_give_its_score(paid: int, shown: str):
    """QA48 F1: a rate of 88.84999999% was printed 88.850000%, six decimals rounded up, so that 10 × it gave 8.89 on
    paper for the 8.88 scored. The rate keeps the decimals that make the equation hold."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"].update(total=10_000_000_000, paid=paid)
    result = score(load_indicator_set("self-evaluation"), document["facts"])
    assert shown in reason_text(result.indicator("budget"))


def test_a_rate_no_decimals_show_exactly_enough_is_marked_approximate():
    """QA48 F1: 127 of 1200 is 10.58333…%, and 6 × it is 0.635 exactly, 0.64; every rounding of the rate gives 0.63 on
    paper. It is shown ≈10.583333%, as values with more decimals than a reader takes in are."""
    document = json.loads((ROOT / "examples" / "channel-restoration" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["output"].update(channel_planned_m=1200, channel_done_m=127)
    result = score(load_indicator_set(ROOT / "examples" / "channel-restoration" / "set.yaml"), document["facts"])
    assert "完成率≈10.583333%，得分 = 6 × ≈10.583333% = 0.64分" in reason_text(result.indicator("output.quantity.channel"))


@pytest.mark.parametrize(("precision", "shown"), [(0, "计15.67个单位扣10分，扣完为止，得0分"),
                                                  (2, "计15.67个单位扣10分，扣完为止，得0.00分")])
def test_units_that_do_not_end_keep_two_decimals_at_any_precision(precision: int, shown: str):
    """QA48 F4: at precision 0, 470 ÷ 30 = 15.67 units of a deduction that took the whole weight were printed 计16个单位,
    as if started units were counted; units that do not end keep two decimals, as the docs say."""
    text = (f"id: p\nname: 精度\nversion: '1'\nprecision: {precision}\nfacts:\n  days: {{type: number, min: 0}}\n"
            "grades: [{label: 合格, min: 6}, {label: 不合格, min: 0}]\ntotal: 10\nindicators:\n"
            "  - {id: c, name: 时限, weight: 10, rule: {kind: linear, value: days, target: 30, direction: lower_is_better, "
            "per: 30, points_each: 2}}\n")
    result = score(parse_indicator_set(text), {"days": 500})
    assert shown in reason_text(result.indicator("c"))


@pytest.mark.parametrize(("paid", "shown"), [("89.995", "89.995%"), ("89.9999", "89.9999%"), ("89.994", "89.99%"),
                                             ("90", "90.00%"), ("59.995", "59.995%")])
def test_a_rate_just_under_a_round_number_is_not_printed_as_it(paid: str, shown: str) -> None:
    """预算执行率 89.995%: the reason printed 完成率90.00%，得分 = 10 × 90.00%, beside the 需说明 of a rate under 90%
    (QA60 F5). A rate rounded up onto a shorter number keeps the decimals that tell it from that number."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"),
                          parse_float=D)
    document["facts"]["budget"]["paid"] = D(paid)
    result = score(load_indicator_set("self-evaluation"),
                   Facts(values=document["facts"], project=document["project"], not_applicable=document.get("not_applicable", {})))
    reason = next(node.reason for node in result.walk() if node.name == "预算执行率")
    assert f"预算执行率{shown}，得分 = 10 × {shown} = " in reason, reason


@pytest.mark.parametrize(("paid", "shown"), [("4499.75", "89.995%"), ("4499.9995", "89.99999%"), ("4500", "90.00%")])
def test_a_banded_rate_just_under_a_line_is_not_printed_as_the_line(paid: str, shown: str) -> None:
    """预算执行率 by bands at 89.995%: the reason said 90.00% beside a 需说明 of a rate under 90% (QA97 F1); the bands'
    own edges were kept apart, the 90% line of explain_when was not. A rate is never carried up onto a shorter number."""
    document = json.loads((ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json").read_text(encoding="utf-8"),
                          parse_float=D)
    document["facts"]["budget"].update(method="bands", total=D(5000), paid=D(paid))
    result = score(load_indicator_set("cost-type-self-evaluation"),
                   Facts(values=document["facts"], project=document["project"], not_applicable=document.get("not_applicable", {})))
    assert result.indicator("budget").reason.startswith(f"{shown}，处于"), result.indicator("budget").reason


def test_a_row_past_its_target_under_a_pass_line_shows_its_real_completion_rate() -> None:
    """A ≥ row with the 60% pass line at 31 of 30 printed 完成率100.00% and the floor's equation (QA97 F5): it is the
    standard's 完成率 103.33%, at full marks; a ≤ row under its ceiling says so, as one without a pass line does."""
    result = score(load_indicator_set("cost-type-self-evaluation"),
                   load_facts(ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json"))
    assert result.indicator("output.pipes").reason == "实际值31，目标值30，完成率103.33%，达到目标，得满分10.00分"
    assert result.indicator("cost.unit_cost").reason == "实际值1.1未超过目标值1.2，得满分4.00分"
