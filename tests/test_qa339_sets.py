"""QA339: the bundled indicator sets against the documents they cite.

F1: an "=" target row scored 0 unless exactly equal ("=100%" with 98% got 0 of 20), and the docs said the 填表说明 says
so; it gives a rule for ≥ and ≤ only. The bundled sets now score "=" as both at once: full marks when equal, else
weight × the smaller of actual ÷ target and target ÷ actual, all or nothing on a target of 0 (an `equal` rule whose
`otherwise` is a `proportional` rule with `direction: both`).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from click.testing import CliRunner

from scoring_engine import IndicatorSetError, load_indicator_set, parse_indicator_set, score
from scoring_engine.cli import main
from scoring_engine._budget_share import budget_share

#: Every bundled set with "=" rows, and the groups holding them.
EQUAL_SETS = {"self-evaluation": ("output", "benefit", "satisfaction"),
              "sichuan-self-evaluation": ("output", "benefit", "satisfaction"),
              "hubei-self-evaluation": ("output", "benefit"), "henan-special-bond": ("cost", "output", "benefit"),
              "henan-special-bond-operation": ("cost", "output", "benefit"),
              "cost-type-self-evaluation": ("cost", "output", "benefit", "satisfaction")}


def _scored(set_id: str, group: str, target: str, actual: object) -> tuple[Decimal, str]:
    """The score and reason of one "=" row of weight `group`'s whole in the set's own example facts."""
    facts: dict[str, Any] = json.loads((ROOT / "indicator_sets" / f"{set_id}.facts.json").read_text(encoding="utf-8"))
    categories = load_indicator_set(ROOT / "indicator_sets" / f"{set_id}.yaml").indicator(group).rows
    assert categories is not None
    facts["facts"]["targets"][group] = [{"id": "x", "name": "测试行", "category": categories.categories[0],
                                         "target": target, "actual": actual}]
    result = score(load_indicator_set(ROOT / "indicator_sets" / f"{set_id}.yaml"), facts["facts"])
    row = result.indicator(f"{group}.x")
    return row.score / row.weight, row.reason


@pytest.mark.parametrize("set_id", EQUAL_SETS)
def test_an_equal_row_loses_in_proportion_either_way_and_all_on_a_target_of_0(set_id: str) -> None:
    """QA339 F1: a row "=100%" done 98% keeps 98% of its points, not 0; "=4次" done 5 keeps 4 ÷ 5; "=4次" done 3 keeps
    3 ÷ 4; equal keeps all; "=0起" keeps all at 0 and nothing at 1, in every group of every bundled set."""
    for group in EQUAL_SETS[set_id]:
        share, reason = _scored(set_id, group, "=100%", "98%")
        assert Decimal("0.98") == share.quantize(Decimal("0.01")) and reason.startswith("实际值98.00%，目标值100.00%，完成率98.00%")
        share, reason = _scored(set_id, group, "=4次", "5次")
        assert Decimal("0.8") == share.quantize(Decimal("0.01")) and reason.startswith("实际值5超过目标值4，得分 = "), reason
        assert Decimal("0.75") == _scored(set_id, group, "=4次", "3次")[0].quantize(Decimal("0.01"))
        share, reason = _scored(set_id, group, "=4次", "4次")
        assert 1 == share and reason.startswith("实际值4等于目标值4，得满分"), reason
        assert 1 == _scored(set_id, group, "=0起", "0起")[0]
        assert 0 == _scored(set_id, group, "=0起", "1起")[0]


def test_a_weight_of_20_done_98_percent_of_an_equal_100_percent_scores_19_60() -> None:
    """QA339 F1: the finding's own example, on Sichuan's form: 20 × 98% = 19.60, and the reason shows the product."""
    facts: dict[str, Any] = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text("utf-8"))
    facts["facts"]["targets"]["output"] = [
        {"id": "pipes", "name": "新建供水管网长度", "type": "quantitative", "weight": 20, "target": 10, "actual": 10},
        {"id": "cost", "name": "每公里管网造价", "type": "quantitative_lower", "weight": 10, "target": 100, "actual": 100},
        {"id": "quality", "name": "工程竣工验收合格率", "category": "质量指标", "comparison": "=", "weight": 20,
         "target": "100%", "actual": "98%"}]
    result = score(load_indicator_set(ROOT / "indicator_sets" / "sichuan-self-evaluation.yaml"), facts["facts"])
    quality = result.indicator("output.quality")
    assert Decimal("19.60") == quality.score
    assert "实际值98.00%，目标值100.00%，完成率98.00%，得分 = 20 × 98.00% = 19.60分" == quality.reason


_ONE = """id: t
name: t
version: "1"
total: 10
grades: [{label: 合格, min: 0}]
facts:
  a: {type: number, label: 实际}
  b: {type: number, label: 目标}
indicators:
  - id: x
    name: x
    weight: 10
    rule: {kind: proportional, value: a, target: b, direction: both%s}
"""


@pytest.mark.parametrize(("a", "b", "expected"), [(8, 10, "8"), (12.5, 10, "8"), (10, 10, "10"), (0, 0, "10"),
                                                  (3, 0, "0"), (0, 10, "0")])
def test_direction_both_takes_the_smaller_ratio(a: float, b: float, expected: str) -> None:
    """QA339 F1: `direction: both` is value ÷ target below the target and target ÷ value above it; 0 off a target of 0."""
    assert Decimal(expected) == score(parse_indicator_set(_ONE % ""), {"a": a, "b": b}).indicator("x").score


def test_direction_both_refuses_over_target() -> None:
    """QA339 F1: a value past the target already loses points with `both`: a reduction on top is refused, in Chinese."""
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(_ONE % ", over_target: {above: 0.2}")
    assert "direction: both 时超过目标值的部分已按比例扣分" in caught.value.text("zh")


@pytest.mark.parametrize("method", ["ratio", "weighted"])
@pytest.mark.parametrize(("rate", "points"), [("0.9", "10"), ("0.85", "8"), ("0.8", "8"), ("0.75", "5"), ("0.65", "5"),
                                              ("0.6", "5"), ("0.59", "0")])
def test_the_frameworks_satisfaction_bands_are_the_documented_ones(method: str, rate: str, points: str) -> None:
    """QA339 F2: national-framework scored 满意度 10/8/6/4/0 at 90/80/70/60, bands no source gives; the documented bands
    are ≥90% → 10, 80–90 → 8, 60–80 → 5, <60 → 0, for 满意率 and the weighted rate alike."""
    framework = load_indicator_set(ROOT / "indicator_sets" / "national-framework.yaml")
    facts: dict[str, Any] = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text("utf-8"))
    satisfied = int(Decimal(rate) * 100)  # of 100: 满意 in the ratio; 非常满意 beside 一般 in the weighted (1 and 0.5)
    facts["facts"]["survey"] = ({"method": method, "very_satisfied": 0, "satisfied": satisfied, "neutral": 100 - satisfied,
                                 "dissatisfied": 0, "very_dissatisfied": 0} if method == "ratio" else
                                {"method": method, "very_satisfied": 2 * satisfied - 100, "satisfied": 0,
                                 "neutral": 200 - 2 * satisfied, "dissatisfied": 0, "very_dissatisfied": 0})
    assert Decimal(points) == score(framework, facts["facts"]).indicator("benefit.satisfaction.beneficiaries").score


#: The weights of 产出 and 效益 in each set built on self-evaluation.
_OUTPUT_BENEFIT = {"self-evaluation": (50, 30), "sichuan-self-evaluation": (50, 30), "hubei-self-evaluation": (40, 40),
                   "cost-type-self-evaluation": (40, 20), "henan-special-bond": (40, 20),
                   "henan-special-bond-operation": (40, 20)}


@pytest.mark.parametrize("set_id", _OUTPUT_BENEFIT)
def test_only_the_henan_sets_require_whole_number_weights(set_id: str, tmp_path: Path) -> None:
    """QA339 F3: every bundled set declared `{integer: true, source: 河南省说明：分值取整数}`, a Henan note (a local rule).
    A profile weighing 产出 and 效益 half a point apart is refused by the Henan sets alone."""
    output, benefit = _OUTPUT_BENEFIT[set_id]
    profile = tmp_path / "p.yaml"
    profile.write_text(f'extends: {set_id}\nid: p\nname: p\nversion: "1"\nchange:\n  output: {{weight: {output - 0.5}}}\n'
                       f"  benefit: {{weight: {benefit + 0.5}}}\n", encoding="utf-8")
    if set_id.startswith("henan"):
        with pytest.raises(IndicatorSetError, match="河南省说明：分值取整数"):
            load_indicator_set(profile)
    else:
        assert Decimal(output) - Decimal("0.5") == load_indicator_set(profile).indicator("output").weight


def test_the_framework_declares_no_henan_note() -> None:
    """QA339 F3: national-framework keeps 第十四条's 产出 + 效益 ≥ 60% only."""
    text = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    assert "integer: true" not in text.partition("weight_rules:")[2].partition("grades:")[0]


@pytest.mark.parametrize("set_id", ["henan-special-bond", "henan-special-bond-operation"])
@pytest.mark.parametrize(("total", "grade", "share"), [(95, "优秀", None), (85, "良好", None), (70, "中等", ("0.1", "0.3")),
                                                       (50, "差", ("0.3", "1"))])
def test_the_henan_grades_carry_henans_consequences(set_id: str, total: int, grade: str, share: Any) -> None:
    """QA339 F4: Henan's 结果应用 (中 → 按照被评价年度预算的10%–30%扣减; 差 → 30%以上，直至取消; both 取消同类项目资金申报权)
    was missing from the Henan sets: their grades carry it now, and the batch's 结果应用 reads the share of the budget."""
    facts: dict[str, Any] = json.loads((ROOT / "indicator_sets" / f"{set_id}.facts.json").read_text("utf-8"))
    output = min(40, total - 40)  # 成本, 预算执行率 and 满意度 keep their 40 points; 产出 and 效益 give the rest
    facts["facts"]["targets"]["output"] = [{"id": "q", "name": "污水处理量", "category": "数量指标", "target": "≥40万吨",
                                            "actual": f"{output}万吨"}]
    facts["facts"]["targets"]["benefit"] = [{"id": "b", "name": "削减量", "category": "生态效益指标", "target": "≥20吨",
                                             "actual": f"{total - 40 - output}吨"}]
    result = score(load_indicator_set(ROOT / "indicator_sets" / f"{set_id}.yaml"), facts["facts"])
    assert (Decimal(total), grade) == (result.total, result.grade)
    if share is None:
        assert not result.grade_consequence
        return
    assert result.grade_consequence and result.grade_consequence.endswith("；取消同类项目资金申报权")
    found = budget_share(result.grade_consequence)
    assert found is not None and (Decimal(share[0]), Decimal(share[1])) == (found.low, found.high)


@pytest.mark.parametrize("set_id", EQUAL_SETS)
@pytest.mark.parametrize(("words", "tier", "share"), [("部分达成年度指标并具有一定效果", "部分达成并具有一定效果", "0.65"),
                                                      ("未达成年度指标且效果较差", "未达成且效果较差", "0.3")])
def test_the_tier_words_of_the_10_hao_are_read_as_their_tiers(set_id: str, words: str, tier: str, share: str) -> None:
    """QA339 F5: the 10号 wording of the tiers, "部分达成年度指标并具有一定效果" and "未达成年度指标且效果较差", was refused
    (档次 … 不是以下之一); every bundled set that lists tier words reads it as its tier."""
    indicator_set = load_indicator_set(ROOT / "indicator_sets" / f"{set_id}.yaml")
    facts: dict[str, Any] = json.loads((ROOT / "indicator_sets" / f"{set_id}.facts.json").read_text("utf-8"))
    weight = indicator_set.indicator("output").weight
    facts["facts"]["targets"]["output"] = [{"id": "q", "name": "工程效果", "category": "数量指标", "target": "效果明显",
                                            "actual": words, "score": str(weight * Decimal(share)), "reason": "用例"}]
    row = score(indicator_set, facts["facts"]).indicator("output.q")
    assert weight * Decimal(share) == row.score and row.reason.startswith(f"{words}，即{tier}（"), row.reason


def test_sichuans_report_says_the_rate_under_90_percent_once_and_the_empty_reason_cell_apart(tmp_path: Path) -> None:
    """QA339 F6: a Sichuan project at 80% without a reason printed 需说明：预算执行率未达到90%，需说明原因 and 提示：预算执行率
    未达到90%，须说明原因, one line twice in two words (需, 须). The 需说明 stays; the check says what it finds (the reason
    cell left empty), in 需."""
    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text("utf-8"))
    document["facts"]["budget"] = {**document["facts"]["budget"], "paid": document["facts"]["budget"]["total"] * 0.8}
    document["facts"]["budget"].pop("reason", None)
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)]).output
    assert 1 == out.count("预算执行率未达到90%，需说明原因"), out
    assert 1 == out.count("预算执行率未达到90%，原因栏未填写，需补填原因") and "须" not in out, out
