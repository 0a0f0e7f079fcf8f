"""What real scoring standards say inside one rule: rounding as evaluators do it, element ladders, elements that do not apply,
偏离度调减, "=" targets, and reasons that name facts by their labels; each at its boundaries."""

from __future__ import annotations

import itertools
import re
from decimal import ROUND_DOWN, Decimal

import pytest
from conftest import row_group_set
from test_rules import leaf, one_indicator, scoring_error

from scoring_engine import Facts, FactsError, IndicatorSetError, parse_indicator_set, score
from scoring_engine._arith import round_half_up
from scoring_engine.reports.rows import losses

D = Decimal
RATE = "  v: {type: number}\n  t: {type: number}"

# ---------------------------------------------------------------- rounding in stages and per element

STAGED = one_indicator("{kind: formula, score: v}", "  v: {type: number}", weight=2, head="rounding: {stages: [3]}")


@pytest.mark.parametrize(("raw", "expected"), [
    ("1.7945", "1.80"),  # 1.7945 → 1.795 → 1.80 (straight: 1.79)
    ("1.7944", "1.79"),  # 1.794 → 1.79
    ("1.795", "1.80"),
    ("1.79", "1.79"),
])
def test_staged_rounding_rounds_to_three_decimals_first(raw: str, expected: str) -> None:
    """rounding.stages [3] rounds 1.7945 to 1.795 and then to 1.80; 1.7944 stays 1.79."""
    assert D(expected) == leaf(STAGED, {"v": D(raw)}).score


def test_the_reason_says_when_the_stages_changed_the_score() -> None:
    """A score the stages changed ends its reason with how it was rounded; one they did not change says nothing."""
    assert leaf(STAGED, {"v": D("1.7945")}).reason.endswith("；得分按先保留3位小数、再保留2位小数逐级四舍五入")
    assert "逐级" not in leaf(STAGED, {"v": D("1.7944")}).reason


def test_explain_shows_the_chain_of_roundings() -> None:
    """explain lists 1.7945 → 1.795 → 1.80 under rounding."""
    text = str(score(STAGED, {"v": D("1.7945")}).explain("x"))
    assert "逐级四舍五入：1.7945 → 1.795 → 1.80" in text


YEARS = """{kind: checklist, elements: [{name: 2022年度, met: a}, {name: 2023年度, met: b}]}"""
YEAR_FACTS = "  a: {type: number}\n  b: {type: number}"


def test_elements_rounded_one_by_one_add_up_to_another_total() -> None:
    """Each element rounded first: 1.7945 + 1.7945 gives 1.79 + 1.79 = 3.58, where the sum rounded once gives 3.59."""
    facts = {"a": D("0.89725"), "b": D("0.89725")}
    assert D("3.59") == leaf(one_indicator(YEARS, YEAR_FACTS, weight=4), facts).score
    per_element = leaf(one_indicator(YEARS, YEAR_FACTS, weight=4, head="rounding: {elements: true}"), facts)
    assert D("3.58") == per_element.score
    assert per_element.reason.endswith("（各要点得分保留2位小数四舍五入后相加）")


def test_a_checklist_can_round_its_elements_alone() -> None:
    """round_elements on one checklist rounds its elements; false there overrides the set's rounding.elements."""
    facts = {"a": D("0.89725"), "b": D("0.89725")}
    own = YEARS.replace("{kind: checklist,", "{kind: checklist, round_elements: true,")
    assert D("3.58") == leaf(one_indicator(own, YEAR_FACTS, weight=4), facts).score
    off = YEARS.replace("{kind: checklist,", "{kind: checklist, round_elements: false,")
    assert D("3.59") == leaf(one_indicator(off, YEAR_FACTS, weight=4, head="rounding: {elements: true}"), facts).score


def test_stages_and_elements_together_give_the_published_1_80() -> None:
    """With stages [3] and elements, a year's 1.7945 becomes 1.80, and the reason names both."""
    node = leaf(one_indicator(YEARS, YEAR_FACTS, weight=4, head="rounding: {stages: [3], elements: true}"),
                {"a": D("0.89725"), "b": D("0.9")})
    assert D("3.60") == node.score
    assert node.reason.endswith("（各要点得分先保留3位小数、再保留2位小数四舍五入后相加）")


THIRDS = """{kind: checklist, round_elements: true, elements: [{name: 要点1, met: a}, {name: 要点2, met: b}, {name: 要点3, met: c}]}"""
THIRDS_FACTS = "  a: {type: boolean}\n  b: {type: boolean}\n  c: {type: boolean}"


def test_rounded_elements_deductions_add_up_to_what_was_lost() -> None:
    """Two missed thirds of 2 with the met third rounded up to 0.67: the deductions show 0.67 + 0.66 = 1.33 and 2 − 1.33 =
    0.67, as without round_elements; the result's deductions and explain hold those, not 0.6666…7 (QA162 F2)."""
    rule = one_indicator(THIRDS, THIRDS_FACTS, weight=2)
    node = leaf(rule, {"a": False, "b": False, "c": True})
    assert node.reason == ("要点1：未满足（扣0.67分）；要点2：未满足（扣0.66分）；扣1.33分，得0.67分"
                           "（各要点得分保留2位小数四舍五入后相加）")
    assert [d.points for d in node.deductions] == [D("0.67"), D("0.66")]
    text = str(score(rule, {"a": False, "b": False, "c": True}).explain("x"))
    assert "扣0.67分：要点1：未满足\n  扣0.66分：要点2：未满足\n" in text and "66666666" not in text


def test_elements_rounded_up_are_said_to_add_what_they_gave_back() -> None:
    """7 points in four elements of 1.75 at precision 0, one met half: 1 + 2 + 2 + 2 = 7. The reason says the rounding
    added what the deduction took, 7 − 1 + 1 = 7; it said 扣0.75分，得7分, which gives 6 (QA162 F2). The 扣分明细 of the
    HTML report gives the reason, whose numbers add up to the points lost, not the deduction alone."""
    rule = THIRDS.replace("{name: 要点1, met: a}", "{name: 要点1, met: a}, {name: 要点4, met: d}")
    facts = "  a: {type: number, min: 0, max: 1}\n  b: {type: boolean}\n  c: {type: boolean}\n  d: {type: boolean}"
    result = score(one_indicator(rule, facts, weight=7, head="precision: 0"), {"a": D("0.5"), "b": True, "c": True, "d": True})
    node = result.indicator("x")
    assert node.score == 7
    assert node.reason == "要点1：部分满足（得50.00%）（扣1分）；扣1分，四舍五入加1分，得7分（各要点得分保留0位小数四舍五入后相加）"
    missed = leaf(one_indicator(rule, facts, weight=7, head="precision: 0"), {"a": D(0), "b": True, "c": True, "d": True})
    assert missed.reason.startswith("要点1：未满足（扣2分）；扣2分，四舍五入加1分，得6分")
    assert [why for _, _, why in losses(result)] == []  # nothing lost: no row
    [(_, lost, why)] = losses(score(one_indicator(rule, facts, weight=7, head="precision: 0"),
                                    {"a": D(0), "b": True, "c": True, "d": True}))
    assert lost == 1 and why == [missed.reason]


def test_rounding_that_gives_back_less_than_a_unit_is_not_said_to_add_it() -> None:
    """QA168 F6: two missed thirds of 2 at precision 0, the third not applicable rounded up from 0.67 to 1, said 扣0.7分 +
    扣0.6分 = 扣1.3分，四舍五入加0.3分，得1分: whole-point rounding adds no 0.3. Below a unit it is not said, and the
    deductions add up to what the score lost, 扣1分，得1分."""
    rule = THIRDS.replace("met: c}", "met: c, not_applicable: na}")
    facts = THIRDS_FACTS + "\n  na: {type: string, required: false}"
    node = leaf(one_indicator(rule, facts, weight=2, head="precision: 0"), {"a": False, "b": False, "c": True, "na": "不涉及"})
    assert node.score == 1
    assert node.reason.startswith("要点1：未满足（扣0.5分）；要点2：未满足（扣0.5分）；要点3不适用（不涉及），不扣分；扣1分，得1分"), \
        node.reason
    assert [d.points for d in node.deductions] == [D("0.5"), D("0.5")]


@pytest.mark.parametrize("head", ["precision: 0", "precision: 1", "precision: 2", "precision: 2\nrounding: {stages: [4]}"])
def test_rounded_elements_reasons_add_up_whatever_is_met(head: str) -> None:
    """Under round_elements, for every mix of met, missed, partial, judged and not applicable elements, the deductions a
    reason lists add up to its 扣…分 (none shown as 0), as the result's deductions do, and weight − 扣 (+ what rounding
    added) gives the score shown (QA162 F1, F2)."""
    rule = ("{kind: checklist, round_elements: true, elements: [{name: 要点1, met: a, share: 1/3}, "
            "{name: 要点2, met: b, share: 1/6}, {name: 要点3, met: c, not_applicable: na, share: 1/6}, "
            "{name: 要点4, judgement: j, share: 1/3}]}")
    facts = ("  a: {type: number, min: 0, max: 1}\n  b: {type: boolean}\n  c: {type: boolean}\n"
             "  na: {type: string, required: false}\n  j: {type: judgement}")
    places = int(head.split()[1])
    for weight in ("2", "7"):
        indicators = one_indicator(rule, facts, weight=weight, head=head)
        for a, b, c, na, judged in itertools.product(["0", "0.5", "0.8975", "1"], [True, False], [True, False],
                                                     [None, "不涉及"], ["0", "0.3", "1"]):
            judged_score = (D(weight) / 3 * D(judged)).quantize(D("0.0001"), rounding=ROUND_DOWN)
            given = {"a": D(a), "b": b, "c": c, "j": {"score": judged_score, "reason": "评价组判断"}} | ({"na": na} if na else {})
            node = leaf(indicators, given)
            found = re.search(r"扣([\d.]+)分(?:，四舍五入加([\d.]+)分)?，得([\d.]+)分", node.reason)
            if found is None:
                assert node.score == D(weight), node.reason
                continue
            lost, added, shown = D(found[1]), D(found[2] or 0), D(found[3])
            items = [D(i) for i in re.findall(r"（扣([\d.]+)分）", node.reason)]
            assert sum(items) == lost == sum(d.points for d in node.deductions) and 0 not in items, node.reason
            left = D(weight) - lost + added
            assert shown == node.score == (left if added else round_half_up(left, places)), node.reason


@pytest.mark.parametrize(("head", "words"), [
    ("rounding: {stages: [2]}", "stage 2 keeps no more decimals than precision (2)"),
    ("rounding: {stages: [3, 4]}", "stage 3 keeps no more decimals than the next stage (4)"),
    ("rounding: {stages: []}", "stages needs at least 1 item"),
])
def test_stages_that_keep_no_more_decimals_are_refused(head: str, words: str) -> None:
    """Each stage keeps more decimals than the next one and than precision."""
    with pytest.raises(IndicatorSetError, match=re.escape(words)):
        one_indicator(YEARS, YEAR_FACTS, weight=4, head=head)


# ---------------------------------------------------------------- element ladders, not applicable, labels

LADDER = """{kind: checklist, elements: [
  {name: ①档案, points: 3, findings: f, share_each: 1/3, zero_at_count: 3},
  {name: ②制度, points: 3, findings: g, share_each: 0.2, zero_at_count: 5}]}"""
LADDER_FACTS = "  f: {type: list}\n  g: {type: list}"


@pytest.mark.parametrize(("misses", "expected"), [(0, "3"), (1, "2"), (2, "1"), (3, "0")])
def test_each_miss_deducts_a_third_of_the_element(misses: int, expected: str) -> None:
    """Each miss takes exactly 1/3 of the element's 3 points; three or more, the element scores 0."""
    node = leaf(one_indicator(LADDER, LADDER_FACTS, weight=6), {"f": ["缺"] * misses, "g": []})
    assert D(expected) == node.details["elements"][0]["earned"]


def test_the_count_that_zeroes_an_element_takes_its_points_though_shares_are_left() -> None:
    """Three misses at 1/4 each leave a quarter, but three or more score 0, with the rule named in the reason."""
    rule = LADDER.replace("share_each: 1/3", "share_each: 1/4")
    node = leaf(one_indicator(rule, LADDER_FACTS, weight=6), {"f": ["甲", "乙", "丙"], "g": []})
    assert D(0) == node.details["elements"][0]["earned"]
    assert "①档案：甲；乙；丙；达到3处及以上，不得分（扣3分）" in node.reason
    two = leaf(one_indicator(rule, LADDER_FACTS, weight=6), {"f": ["甲", "乙"], "g": []})
    assert D("1.5") == two.details["elements"][0]["earned"]


@pytest.mark.parametrize(("misses", "expected"), [(4, "0.6"), (5, "0"), (6, "0")])
def test_twenty_percent_per_miss_and_five_or_more_score_zero(misses: int, expected: str) -> None:
    """−20% of the element per miss: four misses leave 20%; five or more, nothing."""
    node = leaf(one_indicator(LADDER, LADDER_FACTS, weight=6), {"f": [], "g": ["违规"] * misses})
    assert D(expected) == node.details["elements"][1]["earned"]


def test_an_element_ladder_never_takes_from_another_element() -> None:
    """Many findings empty their own element only."""
    node = leaf(one_indicator(LADDER, LADDER_FACTS, weight=6), {"f": ["缺"] * 9, "g": []})
    assert D("3.00") == node.score


NOT_APPLICABLE = """{kind: checklist, elements: [
  {name: ①方案, met: a},
  {name: ②竞赛, met: b, not_applicable: skipped}]}"""
NA_FACTS = "  a: {type: boolean}\n  b: {type: boolean, required: false, label: 竞赛按方案组织}\n  skipped: {type: string, required: false}"


def test_an_element_that_does_not_apply_keeps_its_points_with_the_reason() -> None:
    """The facts' text makes element ② not applicable: not deducted, the text in the reason, its fact not needed."""
    node = leaf(one_indicator(NOT_APPLICABLE, NA_FACTS), {"a": True, "skipped": "2024年度未举办"})
    assert D("10.00") == node.score
    assert "②竞赛不适用（2024年度未举办），不扣分；其余要点均已满足（共2项），得满分10.00分" == node.reason
    partial = leaf(one_indicator(NOT_APPLICABLE, NA_FACTS), {"a": False, "skipped": "2024年度未举办"})
    assert "①方案：未满足（扣5分）；②竞赛不适用（2024年度未举办），不扣分；扣5.00分，得5.00分" == partial.reason


THIRDS_NA = """{kind: checklist, round_elements: true, elements: [
  {name: 要点1, met: a, not_applicable: na}, {name: 要点2, met: b}, {name: 要点3, met: c, not_applicable: na}]}"""
THIRDS_NA_FACTS = "  a: {type: boolean}\n  b: {type: boolean}\n  c: {type: boolean}\n  na: {type: string, required: false}"


def test_an_element_that_does_not_apply_is_rounded_as_a_met_one_is() -> None:
    """Under round_elements an element that does not apply keeps its points rounded, as a met one does: 1.33 × 3 = 3.99
    whether the thirds of 4 are met or two do not apply, never 4.00 for not applying (QA162 F1); the reason says the
    rounding took 0.003 of it, not that it lost nothing, and explain shows the rounding."""
    rule = one_indicator(THIRDS_NA, THIRDS_NA_FACTS, weight=4)
    met = leaf(rule, {"a": True, "b": True, "c": True})
    excused = leaf(rule, {"a": True, "b": True, "c": True, "na": "本年度未举办"})
    assert met.score == excused.score == D("3.99")
    # the thousandths tie, and the extra one goes to the first (QA337 4: the 28-digit noise gave it to the last)
    assert excused.reason == ("要点1不适用（本年度未举办），按分值四舍五入（扣0.004分）；要点2：四舍五入（扣0.003分）；"
                              "要点3不适用（本年度未举办），按分值四舍五入（扣0.003分）；扣0.01分，得3.99分"
                              "（各要点得分保留2位小数四舍五入后相加）")
    text = str(score(rule, {"a": True, "b": True, "c": True, "na": "本年度未举办"}).explain("x"))
    assert "要点1：≈1.333333分，不适用（本年度未举办），不扣分，得1.33分（≈1.333333 → 1.33）" in text
    whole = one_indicator(THIRDS_NA.replace("{name: 要点2, met: b}", "{name: 要点2, met: b, points: 1}")
                          .replace("met: a,", "met: a, points: 1,").replace("met: c,", "met: c, points: 2,"),
                          THIRDS_NA_FACTS, weight=4, head="precision: 0")
    assert leaf(whole, {"a": True, "b": True, "c": True, "na": "今年不涉及"}).reason.startswith(
        "要点1不适用（今年不涉及），不扣分；要点3不适用（今年不涉及），不扣分；其余要点均已满足（共3项），得满分4分")


def test_an_element_applies_when_the_facts_give_no_reason() -> None:
    """Left out, the not-applicable text does not excuse the element: it is scored (and missed); empty text is refused."""
    node = leaf(one_indicator(NOT_APPLICABLE, NA_FACTS), {"a": True, "b": False})
    assert D("5.00") == node.score
    assert "②竞赛：未满足（竞赛按方案组织）（扣5分）" in node.reason
    with pytest.raises(FactsError, match="expected text, got empty text"):
        score(one_indicator(NOT_APPLICABLE, NA_FACTS), {"a": True, "b": False, "skipped": ""})


def test_an_applicable_element_still_needs_its_fact() -> None:
    """Without the not-applicable text, the element's own optional fact must be given."""
    assert "fact b is missing" in str(scoring_error(one_indicator(NOT_APPLICABLE, NA_FACTS), {"a": True}))


def test_a_missed_element_without_reason_names_the_label_not_the_fact() -> None:
    """未满足（a102.e1） becomes 未满足（项目立项符合相关政策）; a fact without label just says 未满足."""
    rule = "{kind: checklist, elements: [{name: ①, met: a102.e1}, {name: ②, met: b}]}"
    facts = "  a102.e1: {type: boolean, label: 项目立项符合相关政策}\n  b: {type: boolean}"
    node = leaf(one_indicator(rule, facts), {"a102.e1": False, "b": False})
    assert "①：未满足（项目立项符合相关政策）（扣5分）；②：未满足（扣5分）" in node.reason
    assert "a102" not in node.reason


# ---------------------------------------------------------------- 偏离度调减

OVER = ("{kind: proportional, value: v, target: t, "
        "over_target: {above: 0.2, per: 0.1, share_each: 0.1, units: started, max_share: 0.3}}")


@pytest.mark.parametrize(("value", "expected"), [
    (100, "10"), (120, "10"),  # at the target, and exactly at the threshold: no reduction
    (120.01, "9"), (130, "9"), (130.01, "8"),  # a begun step counts whole
    (150, "7"), (400, "7"),  # at most 30%
    (90, "9"),  # below the target: proportional as usual
])
def test_over_target_reduction_at_its_boundaries(value: float, expected: str) -> None:
    """Above 20% deviation, each begun 10 points deducts 10% of the weight, at most 30%; exactly 20% deducts nothing."""
    assert D(expected) == leaf(one_indicator(OVER, RATE), {"v": D(str(value)), "t": 100}).score


def test_over_target_reduction_is_one_deduction_with_its_reason() -> None:
    """The reduction is listed as one deduction and the reason says the deviation, the threshold and the rule."""
    node = leaf(one_indicator(OVER, RATE), {"v": 136, "t": 100})
    assert [D(2)] == [d.points for d in node.deductions]
    assert ("实际值136，目标值100，偏离度36.00%超过20.00%，按偏离度调减2分"
            "（超过20.00%的部分每10.00%扣分值的10.00%，最多扣30.00%），得8.00分") == node.reason


def test_explain_of_an_over_target_reduction_says_how_steps_become_points_and_where_the_most_stops_them() -> None:
    """QA209 2, 3: explain said '超出部分计 55 步（每步 10.00%，units: started）' then '调减 1.8 分': nothing said that a step
    takes 10% of the weight nor that 30% at most is taken (55 steps are 33 points), and the option word was English."""
    steps = _explain_steps(OVER, {"v": 2000, "t": 300}, weight=6)
    assert ("超出部分 = (偏离度 − 20.00%) ÷ 每步 10.00% = ≈54.666667，计 55 步（不足一步的按一步计）\n"
            "  每步扣分值的 10.00%，55 步共扣 550.00%，即 33 分；最多扣分值的 30.00%，即 1.8 分\n"
            "  调减 1.8 分；原始得分 = 分值 6 − 1.8 = 4.2") in steps, steps
    whole = _explain_steps(OVER.replace("started, max_share: 0.3", "whole"), {"v": 145, "t": 100}, weight=7)
    assert "= 2.5，计 2 步（不足一步的不计）\n  每步扣分值的 10.00%，2 步共扣 20.00%，即 1.4 分\n  调减 1.4 分" in whole, whole
    exact = _explain_steps("{kind: proportional, value: v, target: t, over_target: {above: 0.2, per: 0.1, share_each: 0.5}}",
                           {"v": 400, "t": 100}, weight=10)
    assert "= 28 步（不足一步的按比例计）\n  每步扣分值的 50.00%，28 步共扣 1400.00%，即 140 分；扣完为止，即 10 分" in exact, exact
    assert all("units:" not in told.partition("【计算过程】")[2] for told in (steps, whole, exact))


def _explain_steps(rule: str, facts: dict[str, int], weight: int) -> str:
    return str(score(one_indicator(rule, RATE, weight), facts).explain("x"))


def test_over_target_by_default_takes_the_whole_excess() -> None:
    """With only above, the excess deviation itself is taken: 35% above 20% takes 15% of the weight."""
    node = leaf(one_indicator("{kind: proportional, value: v, target: t, over_target: {above: 0.2}}", RATE), {"v": 135, "t": 100})
    assert D("8.50") == node.score
    assert "按超出部分的比例扣减分值" in node.reason


def test_over_target_applies_only_when_its_condition_holds() -> None:
    """when: false (the target was not set too low) leaves full marks; a condition that is no yes/no is an error."""
    rule = OVER.replace("max_share: 0.3}", "max_share: 0.3, when: low}")
    facts = RATE + "\n  low: {type: boolean}\n  n: {type: number, default: 1}"
    assert D("10.00") == leaf(one_indicator(rule, facts), {"v": 150, "t": 100, "low": False}).score
    assert D("7.00") == leaf(one_indicator(rule, facts), {"v": 150, "t": 100, "low": True}).score
    other = one_indicator(rule.replace("when: low", "when: \"n if low else 'x'\""), facts)  # its kind: known when computed
    error = scoring_error(other, {"v": 150, "t": 100, "low": True, "n": 1})
    assert "over_target when must give true or false, got 1 in" in str(error), error


def test_an_over_target_condition_known_to_give_a_number_is_refused_when_the_set_loads() -> None:
    """QA136 F4: `over_target: {when: execution_rate}` passed validate, then failed every project that went over the
    line, saying `got Decimal('0.932')`. A condition known to give a number is refused at its line, with the fix."""
    rule = OVER.replace("max_share: 0.3}", "max_share: 0.3, when: n}")
    with pytest.raises(IndicatorSetError) as caught:
        one_indicator(rule, RATE + "\n  n: {type: number, default: 1}")
    assert "a condition must give true or false, and n gives a number" == caught.value.problems[0].message


@pytest.mark.parametrize("rule", [
    "{kind: formula, rate: \"'0.5' or 1\"}",
    "{kind: formula, score: \"'5'\"}",
    "{kind: formula, score: d}",
    "{kind: proportional, value: \"'0.5' or v\", target: t}",
    "{kind: proportional, value: v, target: s}",
    "{kind: linear, value: d, target: 0, per: 1, points_each: 1}",
    "{kind: bands, value: \"'0.5' or 1\", bands: [{min: 0, share: 1}]}",
])
def test_a_rule_formula_known_to_give_text_a_date_or_a_list_is_refused_when_the_set_loads(rule: str) -> None:
    """QA136 F6: `rate: "'0.5' or 1"`, a bands or proportional value of text passed validate, then failed every project
    ("the formula must be a number, got text '0.5'"). A formula a rule reads as a number that is known to give text, a
    date or a list is refused at its line, with the fix, in Chinese too."""
    with pytest.raises(IndicatorSetError) as caught:
        one_indicator(rule, RATE + "\n  s: {type: string}\n  d: {type: date}")
    problem = caught.value.problems[0]
    assert problem.message.startswith("the formula must give a number, and "), problem
    assert "公式必须得出数字" in problem.text("zh")


def test_over_target_of_a_lower_is_better_value_measures_how_far_below() -> None:
    """A cost 40% under its ceiling is 40% off target: 20% beyond the threshold takes 20% with the default rate."""
    rule = "{kind: proportional, value: v, target: t, direction: lower_is_better, over_target: {above: 0.2}}"
    assert D("8.00") == leaf(one_indicator(rule, RATE), {"v": 60, "t": 100}).score
    assert D("10.00") == leaf(one_indicator(rule, RATE), {"v": 80, "t": 100}).score


def test_over_target_reduces_each_row_of_a_target_table_by_its_own_target() -> None:
    """In a row group, the same rule reduces the row far past its own target and leaves the others."""
    text = row_group_set(20, "产出", """
      fact: rows
      rules:
        q: {kind: proportional, value: row.actual, target: row.target, over_target: {above: 0.2, per: 0.1, share_each: 0.1}}""")
    result = score(parse_indicator_set(text), {"rows": [
        {"name": "甲", "type": "q", "weight": 10, "target": 10, "actual": 15},
        {"name": "乙", "type": "q", "weight": 10, "target": 10, "actual": 11}]})
    assert [D("7.00"), D("10.00")] == [c.score for c in result.indicator("g").children]


@pytest.mark.parametrize(("rule", "words"), [
    ("{kind: proportional, value: v, over_target: {above: 0.2}}", "over_target needs a target"),
    ("{kind: proportional, value: v, target: t, over_target: {above: 0.2, max_share: 3/2}}", "max_share 3/2 is above 1"),
    ("{kind: proportional, value: v, target: t, over_target: {per: 0.1}}", "missing key 'above'"),
    ("{kind: bands, value: v, over_target: {above: 0.2}, bands: [{min: 0, points: 10}]}", "unknown key 'over_target'"),
])
def test_over_target_misused_is_refused(rule: str, words: str) -> None:
    """Without a target, with a share above the whole, without its threshold, or on another kind: refused."""
    with pytest.raises(IndicatorSetError, match=re.escape(words)):
        one_indicator(rule, RATE)


# ---------------------------------------------------------------- "=" targets

EQUAL = one_indicator("{kind: equal, value: v, target: t, tolerance: 0.05}", RATE)


@pytest.mark.parametrize(("value", "expected", "key"), [
    (100, "10", "等于"), (105, "10", "以内"), (95, "10", "以内"), (105.01, "0", "超出允许偏差"), (94.99, "0", "超出允许偏差"),
])
def test_equal_scores_full_within_the_tolerance_and_zero_outside(value: float, expected: str, key: str) -> None:
    """Equal, or within 5% of the target inclusive, is full marks; a hair outside is 0 without an otherwise rule."""
    node = leaf(EQUAL, {"v": D(str(value)), "t": 100})
    assert D(expected) == node.score
    assert key in node.reason


def test_equal_hands_a_value_that_is_not_equal_to_its_otherwise_rule() -> None:
    """otherwise scores the miss with its own kind and reason; explain tells both steps."""
    indicator_set = one_indicator("{kind: equal, value: v, target: t, otherwise: {kind: proportional, value: v, target: t}}", RATE)
    node = leaf(indicator_set, {"v": 3, "t": 4})
    assert D("7.50") == node.score
    assert "实际值3，目标值4，完成率75.00%，得分 = 10 × 75.00% = 7.50分" == node.reason
    text = str(score(indicator_set, {"v": 3, "t": 4}).explain("x"))
    assert "不等于目标值，按 otherwise 规则计分，即按比例计分（kind: proportional）" in text


def test_an_equal_row_in_percent_shows_percentages() -> None:
    """A "=100%" row of a target table says 实际值95.00%不等于目标值100.00%."""
    rules = '{fact: rows, comparisons: {"=": exact}, rules: {exact: {kind: equal, value: row.actual, target: row.target}}}'
    text = row_group_set(10, "质量", rules)
    result = score(parse_indicator_set(text), {"rows": [{"name": "验收合格率", "weight": 10, "target": "=100%", "actual": "95%"}]})
    assert "实际值95.00%不等于目标值100.00%，不得分" == result.indicator("g.1").reason


def test_an_equal_rule_with_a_broken_otherwise_is_refused() -> None:
    """The nested rule is checked like any rule: a missing key there is named at its place."""
    with pytest.raises(IndicatorSetError, match=r"missing key 'value'"):
        one_indicator("{kind: equal, value: v, target: t, otherwise: {kind: proportional}}", RATE)



@pytest.mark.parametrize(("typed", "meant"), [(">=", "≥"), ("<=", "≤"), ("=>", "≥")])
def test_a_comparison_typed_as_a_formula_writes_it_is_offered_its_sign_not_equal(typed: str, meant: str) -> None:
    """QA44 F3: `comparisons: {">=": …}` was asked "did you mean =?", which turns a ≥ row type into an equality one."""
    rules = f'{{fact: rows, comparisons: {{"{typed}": exact}}, rules: {{exact: {{kind: equal, value: row.actual, target: row.target}}}}}}'
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(row_group_set(10, "质量", rules))
    assert [f"did you mean {meant}?"] == [p.hint for p in caught.value.problems if "comparisons" in p.message]


def test_a_category_listed_twice_is_named_and_a_key_twice_on_one_line_is_placed_by_its_columns() -> None:
    """QA44 F10: a row group's categories listing 数量指标 twice said only "a category is listed twice"; a key given twice
    inside one {…} said "(line 85 and line 85)". The category is named; the key's two places are its columns."""
    rules = ('{fact: rows, categories: [数量指标, 质量指标, 数量指标], comparisons: {"=": exact}, '
             "rules: {exact: {kind: equal, value: row.actual, target: row.target}}}")
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(row_group_set(10, "质量", rules))
    assert "category 数量指标 is listed twice" in [p.message for p in caught.value.problems]
    rules = '{fact: rows, fact: rows, comparisons: {"=": exact}, rules: {exact: {kind: equal, value: row.actual, target: row.target}}}'
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(row_group_set(10, "质量", rules))
    assert any(re.fullmatch(r"duplicate key 'fact' \(on line \d+, at columns \d+ and \d+\)", p.message) for p in caught.value.problems)


TWO_STAGED = """id: t
name: t
version: '1'
precision: 1
rounding: {stages: [2]}
not_applicable: rescale
facts:
  v: {type: number}
  t: {type: number}
grades: [{label: 优, min: 90}, {label: 差, min: 0}]
indicators:
  - {id: a, name: 甲, weight: 63, rule: {kind: formula, score: v}}
  - {id: b, name: 乙, weight: 37, rule: {kind: formula, score: 0}}
"""


def test_a_rescaled_score_the_stages_change_says_so_and_explain_shows_its_own_chain() -> None:
    """With 乙 不适用, 甲's 4.0 of 63 is 6.349… of 100: the total goes through the stages, 6.35 → 6.4 (6.3 at once), and
    甲 is given what makes the scores add up to it: its loss 93.650… counted 93.6, which the reason and explain say
    (QA66 F1, as the 不适用 conversion works since QA339 F1); a rescaled score the stages do not change says nothing
    of a unit moved."""
    s = parse_indicator_set(TWO_STAGED)
    result = score(s, Facts(values={"v": D("4.0"), "t": D(1)}, not_applicable={"b": "本年度无此项"}))
    a = result.indicators[0]
    assert D("6.4") == a.score == result.total
    assert a.reason.endswith("失分59.0分按100 ÷ 63折算为≈93.651分，为使各项得分合计等于折算后的总分，计93.6分，得6.4分")
    assert "折算得分 = 100 − 93.6 = 6.4" in str(result.explain("a"))
    plain = score(s, Facts(values={"v": D("4.1"), "t": D(1)}, not_applicable={"b": "本年度无此项"})).indicators[0]
    assert D("6.5") == plain.score and "为使" not in plain.reason


def test_a_lower_is_better_equation_holds_as_a_reader_rounds_it_once() -> None:
    """7.6 × 7 ÷ 8.75 = 6.08 scores 6.1, which the stages do not change: the reason prints 8.75, not 8.8, for 7.6 × 7 ÷ 8.8
    is 6.045, 6.0 rounded once (6.1 only through the stages, which the reason does not mention: QA66 F2)."""
    s = parse_indicator_set(TWO_STAGED.replace("weight: 63, rule: {kind: formula, score: v}",
                                               "weight: 7.6, rule: {kind: proportional, value: v, target: t, "
                                               "direction: lower_is_better}").replace("weight: 37", "weight: 92.4"))
    a = score(s, {"v": D("8.75"), "t": D(7)}).indicators[0]
    assert D("6.1") == a.score
    assert "得分 = 7.6 × 7 ÷ 8.75 = 6.1分" in a.reason, a.reason


def test_a_clamped_rate_s_product_is_rounded_once_as_the_computed_value_beside_it() -> None:
    """QA68 F1: under stages [2], 63 × 101.98% = 64.2474 was printed 64.3 (64.25 through the stages) beside 计算值64.2:
    the score is clamped to 63, no stage gives it, and the reason says none, so the product is rounded once."""
    s = parse_indicator_set(TWO_STAGED.replace("rule: {kind: formula, score: v}", "rule: {kind: formula, rate: v}"))
    a = score(s, {"v": D("1.0198"), "t": D(1)}).indicators[0]
    assert D(63) == a.score
    assert "= 64.2分；计算值64.2" in a.reason, a.reason


PANEL = """id: t
name: t
version: '1'
precision: {precision}
{head}
facts:
  s: {{type: list, items: number}}
  a: {{type: number}}
  b: {{type: number}}
  c: {{type: number}}
grades: [{{label: 合格, min: 0}}]
total: {weight}
indicators:
  - {{id: p, name: 评审, weight: {weight}, rule: {rule}}}
"""


def test_a_panel_mean_no_decimals_show_exactly_is_marked_approximate() -> None:
    """QA68 F4: 3 reviewers' mean 75.0333… of 100, times 0.45, is 0.33765 → 0.3377, but 75.0333 (and every longer
    rounding of it) gives 0.3376: the mean is shown ≈75.0333, as a rate no decimals show is, not as if exact."""
    s = parse_indicator_set(PANEL.format(precision=4, head="", weight="0.45",
                                         rule="{kind: panel, method: mean, scores: s, scale: 100}"))
    p = score(s, {"s": [D("85.2"), D("80.6"), D("59.3")], "a": D(0), "b": D(0), "c": D(0)}).indicators[0]
    assert D("0.3377") == p.score and "3位评审平均≈75.0333分（满分100），折合0.3377分" in p.reason, p.reason


def test_a_clamped_panel_shows_the_mean_that_gives_its_computed_value_rounded_once() -> None:
    """QA68 F5: under stages [1] a weighted total clamped to the weight was shown 2254.03, whose ÷ 7 × 381 rounds to
    122684, beside 计算值122683: the total is shown with the decimals that give the 计算值, rounded once."""
    rule = ("{kind: panel, method: weighted, scale: 7, parts: [{name: 甲, share: 1/3, score: a}, {name: 乙, share: 1/3, "
            "score: b}, {name: 丙, share: 1/3, score: c}]}")
    s = parse_indicator_set(PANEL.format(precision=0, head="rounding: {stages: [1]}", weight="381", rule=rule))
    p = score(s, {"s": [], "a": D("97.18"), "b": D(82), "c": D("6582.9")}).indicators[0]
    assert "加权合计2254.027分（满分7），折合381分；计算值122683超出" in p.reason, p.reason


# ---------------------------------------------------------------- which rate a reason names, and heavier findings


def test_a_rate_read_alone_is_named_by_its_label_and_a_rate_against_a_target_shows_both() -> None:
    """The reason of 预算执行率 says 预算执行率, not 完成率 (QA93 F6); a surveyed 满意度 80% against a 90% target
    states both before its 完成率, so 88.89% does not read as the satisfaction itself."""
    alone = one_indicator("{kind: proportional, value: v}", "  v: {type: number, label: 预算执行率}")
    assert "预算执行率50.00%，得分 = 10 × 50.00% = 5.00分" == leaf(alone, {"v": D("0.5")}).reason
    unlabelled = one_indicator("{kind: proportional, value: v}", "  v: {type: number, label: 实际支出资金}")
    assert leaf(unlabelled, {"v": D("0.5")}).reason.startswith("完成率50.00%")
    against = one_indicator("{kind: proportional, value: v, target: t, floor: 0.6}",
                            "  v: {type: number, label: 满意度}\n  t: {type: number}")
    assert ("实际值0.8，目标值0.9，完成率88.89%，得分 = 10 × (88.89% − 60.00%) ÷ (100% − 60.00%) = 7.22分"
            == leaf(against, {"v": D("0.8"), "t": D("0.9")}).reason)
    assert leaf(against, {"v": D("0.5"), "t": D("0.9")}).reason.startswith("实际值0.5，目标值0.9，完成率55.56%，低于60.00%")


MISUSE = """{kind: deduction, findings: f, points_each: 1, zero_at_count: 4,
             keyword_points: [{keywords: [截留, 挤占, 挪用, 虚列支出], points: 5}, {keywords: [发票], points: 2}]}"""


@pytest.mark.parametrize(("findings", "expected", "deductions"), [
    (["挪用项目资金10万元用于单位日常办公"], "0.00", [("5", "挪用项目资金10万元用于单位日常办公（含“挪用”）")]),
    (["3笔支出未附发票"], "3.00", [("2", "3笔支出未附发票（含“发票”）")]),
    (["超范围列支会议费"], "4.00", [("1", "超范围列支会议费")]),
    ([{"text": "挤占项目资金0.5万元（已整改）", "points": 2}], "3.00", [("2", "挤占项目资金0.5万元（已整改）")]),
    (["虚列支出挤占专项发票", "超范围列支会议费"], "0.00",
     [("5", "虚列支出挤占专项发票（含“挤占”）"), ("0", "超范围列支会议费")]),
])
def test_a_finding_whose_text_names_a_heavier_kind_deducts_its_points(findings: list, expected: str,
                                                                        deductions: list[tuple[str, str]]) -> None:
    """存在截留、挤占、挪用、虚列支出的，每处扣5分 (QA93 F7): a finding holding one of the words deducts 5, not
    points_each, and its deduction names the word; its own points come first; the first entry that matches counts."""
    result = leaf(one_indicator(MISUSE, "  f: {type: list}", weight=5), {"f": findings})
    assert D(expected) == result.score
    assert deductions == [(str(d.points.normalize()), d.reason) for d in result.deductions]


def test_an_elements_findings_take_keyword_points_of_the_element() -> None:
    """keyword_points under a checklist element deduct from that element only, as a share of its points."""
    rule = """{kind: checklist, elements: [
                {name: ①资金使用合规, points: 4, findings: f, points_each: 1, keyword_points: [{keywords: [挪用], share: 1}]},
                {name: ②资料齐全, points: 6, met: ok}]}"""
    result = leaf(one_indicator(rule, "  f: {type: list}\n  ok: {type: boolean}"), {"f": ["挪用资金"], "ok": True})
    assert D("6.00") == result.score


@pytest.mark.parametrize(("keyed", "words"), [
    ("[{points: 5}]", "keywords"),
    ("[{keywords: [], points: 5}]", "keywords"),
    ("[{keywords: [挪用]}]", "points or share"),
    ("[{keywords: [挪用], points: 5, share: 1}]", "points or share"),
])
def test_a_broken_keyword_points_entry_is_refused_where_it_is(keyed: str, words: str) -> None:
    """keyword_points without words, or without exactly one of points or share, is refused when the set loads."""
    with pytest.raises(IndicatorSetError) as caught:
        one_indicator(f"{{kind: deduction, findings: f, points_each: 1, keyword_points: {keyed}}}", "  f: {type: list}")
    assert words in str(caught.value) and ".keyword_points[0]" in caught.value.problems[0].path


@pytest.mark.parametrize(("value", "target", "said"), [
    ("299.9975", "500", "实际值299.9975，目标值500，完成率59.9995%，低于60.00%，不得分"),
    ("449.99999", "500", "实际值449.99999，目标值500，完成率89.999998%，"),
    ("0.99999", "0.99999", "实际值0.99999，目标值0.99999，完成率100.00%，达到目标"),
])
def test_what_a_rate_was_measured_on_is_said_as_given_not_rounded_onto_a_line(value: str, target: str, said: str) -> None:
    """实际值 299.9975 万元 of 500 read '实际值300，目标值500，完成率59.9995%，低于60.00%' (QA99 F1): the value and
    target a rate was measured on are said as the facts give them, so the reason never contradicts itself."""
    rule = one_indicator("{kind: proportional, value: v, target: t, floor: 0.6}", RATE)
    assert leaf(rule, {"v": D(value), "t": D(target)}).reason.startswith(said)


def test_a_pass_line_and_target_in_percent_are_not_carried_up() -> None:
    """A ≥99.999% target read 目标值100.00% beside a value that 'reached' it, and a floor of 99.999% read 100.00%
    (QA99 F2): percentages are said with the decimals they have."""
    rule = one_indicator("{kind: proportional, value: v, target: t, floor: 0.99999, display: percent}", RATE)
    reason = leaf(rule, {"v": D("0.99999"), "t": D("0.99999")}).reason
    assert reason.startswith("实际值99.999%，目标值99.999%，完成率100.00%，达到目标"), reason
    assert "低于99.999%" in leaf(rule, {"v": D("0.9"), "t": D("0.99999")}).reason


def test_keyword_points_never_read_the_names_a_count_gives_its_findings() -> None:
    """With a count as findings the engine names them 问题1…问题N; keyword [问题] matched those names and two findings
    cost 4 points, not 2 (QA99 F5). A count's findings take points_each."""
    rule = one_indicator("{kind: deduction, findings: n, points_each: 1, keyword_points: [{keywords: [问题], points: 2}]}",
                         "  n: {type: integer, min: 0}", weight=5)
    assert D("3.00") == leaf(rule, {"n": 2}).score


def test_a_floats_digits_are_said_in_full_not_rounded_onto_the_line() -> None:
    """0.5999999999999999 (a float column) read '实际值60.00%' beside '完成率59.99999999999999%，低于60.00%' (QA100 F1)."""
    rule = one_indicator("{kind: proportional, value: v, target: t, floor: 0.6, display: percent}", RATE)
    reason = leaf(rule, {"v": D("0.5999999999999999"), "t": D(1)}).reason
    assert reason.startswith("实际值59.99999999999999%，目标值100.00%，"), reason


def test_a_float_with_seventeen_digits_is_said_in_full() -> None:
    """0.1 + 0.2 = 0.30000000000000004 read ≈0.3 (QA101 F4): a float's 17 significant digits are all said."""
    rule = one_indicator("{kind: proportional, value: v, target: t}", RATE)
    assert leaf(rule, {"v": 0.1 + 0.2, "t": 1}).reason.startswith("实际值0.30000000000000004，目标值1，")


@pytest.mark.parametrize(("rule", "wanted", "gives"), [
    ("{kind: checklist, elements: [{name: ①, met: s}]}", "true/false or a share from 0 to 1", "text"),
    ("{kind: checklist, elements: [{name: ①, met: d}]}", "true/false or a share from 0 to 1", "a date"),
    ("{kind: checklist, elements: [{name: ①, met: l}]}", "true/false or a share from 0 to 1", "a list"),
    ("{kind: checklist, elements: [{name: ①, findings: s, points_each: 1}]}", "a list fact or a whole count", "text"),
    ("{kind: deduction, findings: s, points_each: 2}", "a list fact or a whole count", "text"),
    ("{kind: panel, method: mean, scores: v, scale: 100}", "a list fact", "a number"),
    ("{kind: panel, method: mean, scores: s, scale: 100}", "a list fact", "text"),
])
def test_a_met_findings_or_scores_formula_of_a_kind_it_never_takes_is_refused_when_the_set_loads(
        rule: str, wanted: str, gives: str) -> None:
    """QA138 F4: a checklist's `met` of a text, date or list fact, a deduction's `findings` of a text fact and a panel's
    `scores` of a number passed validate, then failed every project. Each is refused at its line, as a score, rate or
    value of the wrong kind is, with the fix, in Chinese too."""
    with pytest.raises(IndicatorSetError) as caught:
        one_indicator(rule, RATE + "\n  s: {type: string}\n  d: {type: date}\n  l: {type: list}")
    problem = caught.value.problems[0]
    assert problem.message.startswith(f"the formula must give {wanted}, and ") and problem.message.endswith(gives), problem
    assert "公式必须得出" in problem.text("zh") and "must" not in problem.text("zh")


def test_a_met_of_a_boolean_or_a_share_and_findings_of_a_count_still_load() -> None:
    """What these formulas take loads: a met of a true/false fact or a number share, findings of a list or a count."""
    facts = RATE + "\n  ok: {type: boolean}\n  n: {type: integer, min: 0}\n  l: {type: list}"
    one_indicator("{kind: checklist, elements: [{name: ①, met: ok}, {name: ②, met: v}, {name: ③, findings: l, "
                  "points_each: 1}]}", facts, weight=12)
    one_indicator("{kind: deduction, findings: n, points_each: 2}", facts)


@pytest.mark.parametrize(("derived", "rule", "hint"), [
    ("kindtext: {expr: s}", "{kind: formula, rate: kindtext}", "or a derived value that computes one"),
    ("kindtext: {expr: s}", "{kind: formula, rate: \"0 or kindtext\"}", "or a derived value that computes one"),
    ("kindtext: {expr: s}", "{kind: formula, rate: \"'0.5'\"}", "write the number without quotes"),
    ("flag: {expr: v > 1}", "{kind: formula, rate: flag}", "1 if X else 0"),
    ("kindtext: {expr: s}", "{kind: deduction, findings: kindtext, points_each: 1}", "or a whole count"),  # QA139 F6
    ("kindtext: {expr: s}", "{kind: checklist, elements: [{name: ①, met: kindtext}]}", "a true/false fact"),
])
def test_a_rule_formula_of_the_wrong_kind_is_told_the_fix_that_fits_it(derived: str, rule: str, hint: str) -> None:
    """QA137 F5: a derived value of text was told to 'declare the fact as a number', and `0 or kindtext` to write its
    number 'without quotes' though it has none. Each hint fits what was written; a true/false value is told how to
    give a number (QA137 F4: `rate: archive.ok` loaded, then failed every project)."""
    with pytest.raises(IndicatorSetError) as caught:
        one_indicator(rule, RATE + "\n  s: {type: string}", head=f"derived:\n  {derived}")
    assert hint in (caught.value.problems[0].hint or ""), caught.value.problems[0]


def test_a_judged_score_refused_as_printed_is_told_which_scores_the_tier_takes() -> None:
    """QA253 F3: at precision 0 a tier's score 2.4 of 3 (80%, the tier's least) prints 2 and is refused, told 'outside
    [2.4, 3]' and 'pick a score inside the tier', which it is. The hint says which printed scores the tier takes."""
    from scoring_engine import ScoringError, parse_indicator_set, score

    indicator_set = parse_indicator_set("""
id: p0
name: 定性取整
version: "1"
precision: 0
total: 10
grades: [{label: 合格, min: 6}, {label: 不合格, min: 0}]
facts:
  t: {type: tier, label: 效益}
indicators:
  - {id: t, name: 效益, weight: 3, rule: {kind: tiers, fact: t}}
  - {id: z, name: 其他, weight: 7, rule: {kind: formula, score: 7}}
""")
    for tier, given, taken in (("达成年度指标", 2.4, "3"), ("未达成且效果较差", 1.6, "0–1")):
        with pytest.raises(ScoringError) as caught:
            score(indicator_set, {"t": {"tier": tier, "score": given, "reason": "r"}})
        assert f"this tier takes those printed {taken}: pick one" in str(caught.value.first.hint), caught.value
    assert 3 == score(indicator_set, {"t": {"tier": "达成年度指标", "score": 3, "reason": "r"}}).indicator("t").score


def test_a_checklist_elements_judged_score_may_be_its_points_as_printed() -> None:
    """QA253 F3: an element worth 5/3 points refused 1.67, the full marks the sheet prints for it, told 'outside
    0–1.666666666666666666666666666' with no fix. 1.67 is its full marks; 1.68 is refused, told 0 to 1.67."""
    from scoring_engine import ScoringError, parse_indicator_set, score

    indicator_set = parse_indicator_set("""
id: k
name: 要点
version: "1"
total: 5
grades: [{label: 合格, min: 3}, {label: 不合格, min: 0}]
facts:
  e1: {type: boolean}
  e2: {type: boolean}
  j: {type: judgement}
indicators:
  - id: k
    name: 制度健全性
    weight: 5
    rule: {kind: checklist, elements: [{name: ①, met: e1}, {name: ②, met: e2}, {name: ③, judgement: j}]}
""")
    full = score(indicator_set, {"e1": True, "e2": True, "j": {"score": 1.67, "reason": "r"}})
    assert (full.total, full.indicator("k").reason.count("满分")) == (5, 1), full.indicator("k").reason
    with pytest.raises(ScoringError) as caught:
        score(indicator_set, {"e1": True, "e2": True, "j": {"score": 1.68, "reason": "r"}})
    assert "outside 0..1.67" in str(caught.value) and "write a score from 0 to 1.67" == caught.value.first.hint
    # QA255 M1: points that print lower (1/3 as 0.33, or 0 at precision 0) are full marks as printed, and the bound told
    # is the one checked
    thirds = parse_indicator_set(indicator_set_text := """
id: t
name: 要点
version: "1"
total: 1
grades: [{label: 合格, min: 0.6}, {label: 不合格, min: 0}]
facts:
  e1: {type: boolean}
  e2: {type: boolean}
  j: {type: judgement}
indicators:
  - {id: k, name: 要点, weight: 1, rule: {kind: checklist, elements: [{name: ①, met: e1}, {name: ②, met: e2},
     {name: ③, judgement: j}]}}
""")
    assert D(1) == score(thirds, {"e1": True, "e2": True, "j": {"score": 0.33, "reason": "r"}}).total
    with pytest.raises(ScoringError) as caught:
        score(thirds, {"e1": True, "e2": True, "j": {"score": 0.34, "reason": "r"}})
    assert "outside 0..0.33" in str(caught.value)
    whole = parse_indicator_set(indicator_set_text.replace("version: \"1\"", "version: \"1\"\nprecision: 0"))
    with pytest.raises(ScoringError) as caught:
        score(whole, {"e1": True, "e2": True, "j": {"score": 0.5, "reason": "r"}})
    assert "outside 0..0" in str(caught.value)
    assert D(1) == score(whole, {"e1": True, "e2": True, "j": {"score": 0.3, "reason": "r"}}).total
