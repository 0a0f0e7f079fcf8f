"""`Result.explain(id)` and `scoring-engine explain`: one indicator's whole story, told from the Result."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, parse_indicator_set, score
from scoring_engine._arith import fixed
from scoring_engine.cli import main
from scoring_engine.explain import UnknownIndicatorError, _names, _substitute
from scoring_engine.loader import resolve_set
from scoring_engine.result import Result

EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*/facts.*") if p.suffix in (".json", ".yaml", ".yml"))


@pytest.fixture(scope="module")
def result() -> Result:
    indicator_set, facts = load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS)
    return score(indicator_set, facts)


def story(result: Result, indicator_id: str) -> str:
    return str(result.explain(indicator_id))


def test_bands_story_has_standard_facts_with_units_formula_band_rounding_and_parent(result: Result):
    """预算执行率: the standard, the facts with units, the derived rate with numbers substituted, the band hit, rounding, the sums above it."""
    text = story(result, "process.execution")
    assert "执行率≥95%得10分；90%（含）–95%得8分" in text
    assert "实际支出（budget.paid） = 186.4万元" in text
    assert "实际到位资金（budget.arrived） = 200万元" in text
    assert "预算执行率（execution_rate） = budget.paid / budget.arrived\n      = 186.4 / 200\n      = 0.932" in text
    assert "→ 90.00% ≤ x < 95.00%：8分（命中）" in text
    assert "  x ≥ 95.00%：10分\n" in text
    assert "四舍五入保留2位小数：8.00" in text
    assert "过程（process）= 资金到位率 5.00 + 预算执行率 8.00 + 资金使用合规性 6.00 = 19.00（分值 25）" in text
    assert "总分 = 决策 10.50 + 过程 19.00 + 产出 29.74 + 效益 20.49 = 79.73 / 100，等级 中" in text


def test_formula_story_substitutes_every_name(result: Result):
    """成本节约率: the rule's formula with the derived value and both costs put in, then the rate and the raw score."""
    text = story(result, "output.cost")
    assert "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual" in text
    assert "= 1 if (≈-0.002151) >= 0 else 186 / 186.4" in text
    assert "= (186 - 186.4) / 186" in text
    assert "原始得分 ≈4.98927" in text
    assert "四舍五入保留2位小数：4.99" in text


def test_deduction_story_lists_every_finding_with_its_points(result: Result):
    """资金使用合规性: where the findings come from, named as 【读取的事实】 names it (not `findings.compliance（[2项]）`:
    QA284 F9), each finding with the points it cost, the count, and the raw score."""
    text = story(result, "process.compliance")
    assert "问题来源：资金使用合规性问题（findings.compliance）\n" in text
    assert "扣2分：2笔支出未附发票" in text
    assert "扣2分：1笔支出超范围列支" in text
    assert "发现问题 2 处，合计扣 4 分" in text
    assert "原始得分 = 分值 10 − 4（最低为0）= 6" in text


def test_checklist_tiers_panel_linear_and_proportional_stories(result: Result):
    """Each rule kind shows its own steps: elements, the tier and its range, reviewers' scores, units of shortfall, the floor."""
    assert "③不重复：2分，得0分：与其他项目存在重复" in story(result, "decision.basis")
    assert "评价组选定档次：达成年度指标（该档 8–10 分）" in story(result, "benefit.social")
    sustain = story(result, "benefit.sustain")
    assert "评审评分：88，92，85，79，90" in sustain and "去掉最高、最低后：85，88，90" in sustain
    assert "现场核查：86分 × 60%" in story(result, "benefit.management")
    assert "每差 1.00% 扣 分值的5.00%，计 3.5 个单位" in story(result, "output.quality")
    quantity = story(result, "output.quantity")
    assert "计划服务人次（output.services_planned） = 12000人次" in quantity
    assert "得分比例 = (完成率 − 60.00%) ÷ (100% − 60.00%) = 85.00%" in quantity
    timeliness = story(result, "output.timeliness")
    assert "= max(months_between(2024-10-31, 2024-12-20), 0)" in timeliness


def _by_method(banded: str) -> str:
    """A rule choosing by execution.method: proportional (按比例), or `banded` (分档), a YAML flow mapping."""
    return ("\n      kind: switch\n      by: execution.method\n      rules:\n"
            f"        按比例: {{kind: proportional, value: execution_rate}}\n        分档: {banded}")


# the banded variant chooses again, by execution.scale (a nested switch)
THREE_BANDS = ("{kind: switch, by: execution.scale, rules: {三档: {kind: bands, value: execution_rate, display: percent,"
               " bands: [{min: 1, points: 10}, {min: 0.8, max: 1, points: 7}, {max: 0.8, points: 0}]}}}")

SWITCH_SET = """
id: switch-story
name: 可选算法
version: "1"
total: 10
grades:
  - {label: 合格, min: 0}
facts:
  budget.arrived: {type: number, min: 0, unit: 万元, label: 实际到位资金}
  budget.paid: {type: number, min: 0, unit: 万元, label: 实际支出}
  execution.method: {type: string, values: [按比例, 分档], default: 按比例, label: 预算执行率计分方法}
  execution.scale: {type: string, values: [三档], default: 三档}
derived:
  execution_rate: {expr: budget.paid / budget.arrived, label: 预算执行率}
indicators:
  - id: execution
    name: 预算执行率
    weight: 10
    rule:{SWITCH}
""".replace("{SWITCH}", _by_method(THREE_BANDS))


def test_switch_story_names_the_chosen_variant_then_tells_its_steps():
    """A switch names the variant its fact chose, then tells that rule's steps (through nested switches), never raw detail keys."""
    indicator_set = parse_indicator_set(SWITCH_SET)
    text = story(score(indicator_set, {"budget": {"arrived": 712.42, "paid": 650}}), "execution")
    assert "可选算法（kind: switch）" in text
    assert ("【计算过程】\n  选用算法：按比例（由 execution.method 选定），即按比例计分（kind: proportional）\n"
            "  实际值 value = execution_rate = ≈0.912383\n") in text
    assert "原始得分 = 分值 10 × ≈91.238314% ≈ 9.123831" in text  # a rate of endless decimals: ≈, six of them
    nested = story(score(indicator_set, {"budget": {"arrived": 712.42, "paid": 650}, "execution": {"method": "分档"}}), "execution")
    assert ("  选用算法：分档（由 execution.method 选定），即可选算法（kind: switch）\n"
            "  选用算法：三档（由 execution.scale 选定），即分档计分（kind: bands）\n") in nested
    assert "→ 80.00% ≤ x < 100.00%：7分（命中）" in nested
    assert not any(line.strip().startswith(("variant：", "kind：", "value：", "band：")) for line in text.splitlines() + nested.splitlines())


# an "=" rule whose missed target is scored by bands (预算执行率 100% for full marks)
EQUAL_RULE = ("{kind: equal, value: execution_rate, target: 1, display: percent, otherwise: {kind: bands, value: execution_rate,"
              " display: percent, bands: [{min: 1, points: 0, label: 超出预算}, {min: 0.8, max: 1, points: 7},"
              " {max: 0.8, points: 0, label: 低于80%}]}}")

EQUAL_OTHERWISE_SET = """
id: equal-otherwise-story
name: 等于目标值，否则分档
version: "1"
total: 20
grades:
  - {label: 合格, min: 0}
facts:
  budget.total: {type: number, min: 0, unit: 万元, label: 全年预算数}
  budget.paid: {type: number, min: 0, unit: 万元, label: 全年执行数}
  execution.method: {type: string, values: [按比例, 分档], default: 分档, label: 预算执行率计分方法}
derived:
  execution_rate: {expr: budget.paid / budget.total, label: 预算执行率}
indicators:
  - id: plain
    name: 预算执行率
    weight: 10
    rule: {EQUAL}
  - id: switched
    name: 预算执行率（可选算法）
    weight: 10
    rule:{SWITCH}
""".replace("{SWITCH}", _by_method(EQUAL_RULE)).replace("{EQUAL}", EQUAL_RULE)


def _steps(text: str) -> list[str]:
    """The lines of the 【计算过程】 section of an explain text."""
    return text.split("【计算过程】\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_equal_otherwise_story_tells_the_otherwise_bands_also_when_a_switch_chose_the_equal_rule():
    """QA139 F2, F3: a value that misses an equal rule's target is scored by its otherwise bands, and explain says so (not
    '不等于目标值，不得分' beside the band as raw keys, while the indicator scores 7), whether or not a switch chose the rule;
    the bands' value is shown as a percentage, not （无）."""
    result = score(parse_indicator_set(EQUAL_OTHERWISE_SET), {"budget": {"total": 500, "paid": 450}})
    plain, switched = _steps(story(result, "plain")), _steps(story(result, "switched"))
    assert plain == ["  实际值 value = execution_rate = 0.9 = 90.00%", "  目标值 target = 1 = 100.00%", "  相差 10.00%",
                     "  不等于目标值，按 otherwise 规则计分，即分档计分（kind: bands）",
                     "  取值 value = execution_rate = 0.9 = 90.00%", "  分档：", "      超出预算：0分",
                     "    → 80.00% ≤ x < 100.00%：7分（命中）", "      低于80%：0分", "  落在“80.00% ≤ x < 100.00%”档，得7分"]
    assert switched == ["  选用算法：分档（由 execution.method 选定），即等于目标计分（kind: equal）", *plain]
    assert [i.score for i in result.indicators] == [Decimal(7), Decimal(7)]


def test_an_otherwise_rule_reading_another_value_keeps_the_equal_rules_own_in_the_details_and_the_story():
    """An equal rule whose otherwise reads another value (`budget.paid / 500`): the otherwise rule's value took the equal
    rule's place in one flat mapping, and the story said '实际值 value = execution_rate = 0.9 = 0.9…' of the other value,
    as did the JSON. Each rule's value is its own: the otherwise rule's under `otherwise`."""
    text = EQUAL_OTHERWISE_SET.replace("{kind: bands, value: execution_rate", "{kind: bands, value: budget.paid / 1000")
    assert text != EQUAL_OTHERWISE_SET
    result = score(parse_indicator_set(text), {"budget": {"total": 500, "paid": 450}})
    node = result.indicator("plain")
    assert Decimal("0.9") == node.details["value"] and Decimal("0.45") == node.details["otherwise"]["value"]
    lines = _steps(story(result, "plain"))
    assert "  实际值 value = execution_rate = 0.9 = 90.00%" == lines[0], lines
    assert "  取值 value = budget.paid / 1000 = 450 / 1000 = 45.00%" in lines, lines
    document = json.loads(result.to_json())
    (plain,) = [i for i in document["indicators"] if i["id"] == "plain"]
    assert ("0.9", "0.45") == (str(plain["details"]["value"]), str(plain["details"]["otherwise"]["value"]))


def test_the_facts_a_checklist_reads_are_listed_in_the_order_its_elements_are_written(result: Result):
    """A rule as written holds its lists as tuples: explain passed over the elements' formulas and listed the facts they
    read in name order (③ no_overlap first), not as the standard and the steps below them go."""
    section = story(result, "decision.basis").split("【读取的事实】")[1].split("【")[0]
    names = [line.split("（")[1].split("）")[0] for line in section.strip().splitlines()]
    assert ["decision.policy_basis", "decision.plan_match", "decision.no_overlap"] == names


def test_a_target_rows_facts_are_shown_under_the_row_with_its_unit() -> None:
    """QA170 F8: a 绩效目标表 row's story listed its facts as 'row.actual = 10 / row.target = 10': no fact, no row, no
    unit, where every other fact shows as 标签（id） = 值单位. They are shown under the row's fact and name, in its unit."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    result = score(load_indicator_set(ROOT / "indicator_sets" / "self-evaluation.yaml"), load_facts(facts))
    section = story(result, "output.pipes").split("【读取的事实】")[1].split("【")[0]
    assert ["产出指标（绩效目标表）（targets.output）第1行“新建供水管网长度”：", "row.actual = 10公里", "row.target = 10公里"] \
        == [line.strip() for line in section.strip().splitlines()]


def test_parent_story_adds_its_children(result: Result):
    """A 一级 indicator shows each child's score and their sum, then the total."""
    text = story(result, "decision")
    assert "立项依据充分性（decision.basis）：4.00 / 6" in text
    assert "合计 = 4.00 + 3.00 + 3.50 = 10.50" in text
    assert "总分 = " in text


def test_an_indicator_can_be_named_by_its_chinese_name(result: Result):
    """`explain 预算执行率` finds the indicator of that name."""
    assert "process.execution" == result.explain("预算执行率").indicator.id


def test_unknown_indicator_suggests_the_closest(result: Result):
    """A misspelt id raises a ScoringEngineError naming the indicator, with a did-you-mean."""
    with pytest.raises(UnknownIndicatorError) as caught:
        result.explain("process.executon")
    assert isinstance(caught.value, ScoringEngineError)
    assert "process.executon" == caught.value.indicator
    assert "did you mean process.execution (预算执行率)?" == caught.value.hint


def test_a_misspelt_name_two_indicators_share_offers_both_ids() -> None:
    """QA209 4: with output.1 and benefit.2 both named 新建供水管网长度, '-i 新建供水管网' was offered benefit.2 alone, as if
    the name were its only; the ids of both are offered, as the message for the exact name lists both."""
    indicator_set = parse_indicator_set(
        'id: t\nname: 测试\nversion: "1"\ntotal: 20\ngrades: [{label: 合格, min: 0}]\nindicators:\n'
        "  - {id: output, name: 产出, weight: 10, children: [{id: output.1, name: 新建供水管网长度, weight: 10,"
        " rule: {kind: formula, score: 10}}]}\n"
        "  - {id: benefit, name: 效益, weight: 10, children: [{id: benefit.2, name: 新建供水管网长度, weight: 10,"
        " rule: {kind: formula, score: 10}}]}\n")
    with pytest.raises(UnknownIndicatorError) as caught:
        score(indicator_set, {}).explain("新建供水管网")
    assert "did you mean output.1, benefit.2 (新建供水管网长度)?" == caught.value.hint
    assert "（是否想写 output.1、benefit.2（新建供水管网长度）？）" in caught.value.first.text("zh")


@pytest.mark.parametrize(("typed", "meant"), [("output.l", "output.1"), ("output.I", "output.1"), ("0utput.2", "output.2"),
                                               ("output.O", "output.0"), ("output.4", "output.3")])
def test_an_id_typed_with_a_look_alike_character_is_offered_the_id_it_looks_like(typed: str, meant: str) -> None:
    """An id copied off a printed form with l for 1 (output.l) is as close to output.1 as to output.2 and output.3, and
    was offered output.3, the last of them; the id it looks like is offered, and the last as before when none does."""
    rows = "".join(f"{{id: output.{n}, name: 产出{n}, weight: 5, rule: {{kind: formula, score: 5}}}}, " for n in range(4))
    indicator_set = parse_indicator_set(
        'id: t\nname: 测试\nversion: "1"\ntotal: 20\ngrades: [{label: 合格, min: 0}]\nindicators:\n'
        f"  - {{id: output, name: 产出, weight: 20, children: [{rows}]}}\n")
    with pytest.raises(UnknownIndicatorError) as caught:
        score(indicator_set, {}).explain(typed)
    assert f"did you mean {meant} (产出{meant[-1]})?" == caught.value.hint


def test_clamped_score_is_told(result: Result):
    """A raw score outside 0..weight is reported as clamped before the rounding."""
    node = result.indicator("benefit.social")
    clamped = dataclasses.replace(node, raw_score=Decimal("12.5"), clamped=True, score=Decimal("10.00"))
    changed = dataclasses.replace(result, indicators=tuple(
        dataclasses.replace(top, children=tuple(clamped if c.id == node.id else c for c in top.children)) for top in result.indicators))
    text = story(changed, "benefit.social")
    assert "原始得分 12.5\n  超出 0–10 的范围，截取到该范围内" in text


def test_result_from_score_carries_facts_with_labels_and_units():
    """A Result straight from score() holds every fact with its label and unit, so explain shows them."""
    plain_result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    assert "万元" == plain_result.fact("budget.total").unit
    assert "预算资金（budget.total） = 200万元" in story(plain_result, "process.funding")


def test_a_fact_the_project_does_not_give_is_named_by_its_label_as_the_others_are():
    """QA119 F6: a declared fact the rule reads and the project leaves out was listed by its bare id
    (budget.adjusted：未提供) among facts shown as label（id）; it is shown with its label too, from the API and the command."""
    path = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    facts = load_facts(path)
    assert "budget.adjusted" not in facts.values
    plain_result = score(load_indicator_set("self-evaluation"), facts)
    text = story(plain_result, "budget")
    assert "\n  调整后预算数（budget.adjusted）：未提供\n" in text
    assert "全年预算数（budget.total） = " in text
    run = CliRunner().invoke(main, ["explain", str(path), "-i", "budget"])
    assert 0 == run.exit_code and text == run.stdout


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_indicator_of_every_example_can_be_explained(facts_path: Path):
    """No indicator of any example breaks explain, and each story shows the indicator's printed score and the total."""
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=facts_path.parent))
    result = score(indicator_set, facts)
    for node in result.walk():
        text = story(result, node.id)
        assert fixed(node.score, result.precision) in text, node.id
        assert f"= {fixed(result.total, result.precision)} / " in text, node.id
        assert "【计入上级】" in text


def test_cli_explain_prints_the_story_and_exits_1_on_an_unknown_id(result: Result):
    """`scoring-engine explain FACTS --indicator ID` prints Result.explain; an unknown id is one error line and exit 1."""
    run = CliRunner().invoke(main, ["explain", str(EXAMPLE_FACTS), "--indicator", "process.execution"])
    assert 0 == run.exit_code
    assert story(result, "process.execution") == run.stdout
    run = CliRunner().invoke(main, ["explain", str(EXAMPLE_FACTS), "--indicator", "process.executon"])
    assert 1 == run.exit_code
    assert "error: indicator process.executon: no such indicator in set example-small (did you mean process.execution (预算执行率)?)\n" == run.stderr


def test_cli_explain_takes_a_set():
    """--set picks the indicator set, as for `score`."""
    run = CliRunner().invoke(main, ["explain", str(EXAMPLE_FACTS), "--set", str(EXAMPLE_SET), "-i", "decision"])
    assert 0 == run.exit_code
    assert run.stdout.startswith("决策（decision）")


def test_substitution_replaces_names_only():
    """Names are replaced by values; function names, numbers and quoted text are left as written."""
    values = {"budget.paid": "800", "budget.total": "1000", "region": "“城区”"}
    assert "min(800 / 1000, 1)" == _substitute("min(budget.paid / budget.total, 1)", values)
    assert '“城区” == "budget.paid"' == _substitute('region == "budget.paid"', values)
    assert ["budget.paid", "budget.total"] == _names("round_half_up(budget.paid / budget.total, 2)")
    assert [] == _names("min(a.b")  # does not tokenize: nothing to substitute


def test_a_rescaled_indicator_tells_the_scaling_step_in_words():
    """满意度 not applicable with not_applicable: rescale: an indicator's score 14 of 15 becomes 15.55 of 16.66. The
    story says how (the factor 100 ÷ 90, the points lost converted and taken from the weight used), in Chinese, not the
    raw keys declared_weight and score_before, and not a rounding of 14 to 15.55."""
    import json

    source = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    document = json.loads(source.read_text(encoding="utf-8"))
    document["not_applicable"] = {"satisfaction": "本项目无直接服务对象"}
    indicator_set = load_indicator_set(resolve_set("self-evaluation"))
    from scoring_engine.facts import Facts

    rescaled = score(indicator_set, Facts(values=load_facts(source).values, not_applicable=document["not_applicable"]))
    node = next(n for n in rescaled.walk() if "rescaled" in n.details and n.details["rescaled"]["score_before"] != n.score)
    text = str(rescaled.explain(node.id))
    declared, weight = node.details["rescaled"]["declared_weight"], node.weight
    assert f"因其他指标不适用，分值由 {declared} 按比例调整为 {weight}（按 100 ÷ 90 折算，" in text, text
    assert "declared_weight" not in text and "score_before" not in text


def _rescaled(tmp_path: Path, weight: int, other: int, v: str) -> str:
    """A facts file scoring 甲 (weight `weight`, its score the fact v = `v`) with 乙 (weight `other`) marked 不适用 under
    the rescale policy, so that 甲's weight is scaled to the whole total."""
    (tmp_path / "set.yaml").write_text(
        'id: rescale\nname: 不适用折算\nversion: "1"\nnot_applicable: rescale\n'
        "grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]\nfacts:\n  v: {type: number}\nindicators:\n"
        f"  - {{id: a, name: 甲, weight: {weight}, rule: {{kind: formula, score: v}}}}\n"
        f"  - {{id: b, name: 乙, weight: {other}, rule: {{kind: formula, score: {other}}}}}\n", encoding="utf-8")
    (tmp_path / "facts.json").write_text(f'{{"indicator_set": "set.yaml", "facts": {{"v": {v}}}, '
                                         '"not_applicable": {"b": "本年度不适用"}}', encoding="utf-8")
    return str(tmp_path / "facts.json")


def test_explain_of_a_rescaled_indicator_converts_the_score_the_engine_does(tmp_path: Path) -> None:
    """'折算得分 = 40 × 100 ÷ 80 = 50' then '四舍五入：50.01' (QA209): explain multiplied the rounded score, the engine the raw
    one. Now both convert the score written on the declared weight (40.00 of 40.004), as the 填表说明 adds up the scores
    written and converts their sum (QA339 F1): the points lost, 40.00 × 100 ÷ 80, taken from the weight used."""
    run = CliRunner().invoke(main, ["explain", _rescaled(tmp_path, 80, 20, "40.004"), "-i", "a"])
    assert 0 == run.exit_code, run.output
    assert ("四舍五入保留2位小数：40.00（按原分值 80 的得分）\n"
            "  因其他指标不适用，分值由 80 按比例调整为 100（按 100 ÷ 80 折算，总分为各适用指标得分合计折算后四舍五入）\n"
            "  失分 = 40.00 × 100 ÷ 80 = 50\n  四舍五入保留2位小数：50.00\n  折算得分 = 100 − 50.00 = 50.00\n") in run.output, \
        run.output


def test_a_rescaled_score_past_its_declared_weight_is_said_clamped_there_before_the_scaling(tmp_path: Path) -> None:
    """QA209 1: a formula giving 60 on a weight of 50 rescaled to 100 was told '超出 0–100 的范围，截取到该范围内' after the
    scaling, 60 being inside 0–100: the engine clamps to the declared 0–50 first (its warning: 取为 50), then scales 50."""
    run = CliRunner().invoke(main, ["--lang", "zh", "explain", _rescaled(tmp_path, 50, 50, "60"), "-i", "a"])
    assert 0 == run.exit_code, run.output
    assert ("原始得分 60\n  超出 0–50 的范围，截取为 50（见提示）\n  四舍五入保留2位小数：50.00（按原分值 50 的得分）\n"
            "  因其他指标不适用，分值由 50 按比例调整为 100（按 100 ÷ 50 折算，总分为各适用指标得分合计折算后四舍五入）\n"
            "  满分，折算得分 = 调整后的分值 100.00\n") in run.output, run.output
    assert "0–100" not in run.output


def _rescaled_reason(tmp_path: Path, head: str, weight: float, formula: str, other: float) -> Callable[[str], str]:
    """The reason of leaf a (weight `weight`, scored by `formula` of v) of a set that rescales, its sibling b (`other`)
    marked not applicable, for a value of v."""
    (tmp_path / "set.yaml").write_text(
        f'id: rescale\nname: 不适用折算\nversion: "1"\nnot_applicable: rescale\n{head}\nfacts:\n  v: {{type: number}}\n'
        f"indicators:\n  - {{id: a, name: 甲, weight: {weight}, rule: {{kind: formula, score: {formula}}}}}\n"
        f"  - {{id: b, name: 乙, weight: {other}, rule: {{kind: formula, score: {other}}}}}\n", encoding="utf-8")
    indicator_set = load_indicator_set(tmp_path / "set.yaml")
    from scoring_engine import Facts

    def reason(v: str) -> str:
        return score(indicator_set, Facts(values={"v": Decimal(v)}, not_applicable={"b": "本年度不适用"})).indicator("a").reason

    return reason


def test_a_rescaled_scores_reason_converts_the_score_written_as_a_reader_can_check(tmp_path: Path) -> None:
    """QA339 F1: the score is converted from the one written on the declared weight (40.00 of 40.004: the 填表说明 adds
    up the scores written, then converts the sum), its points lost times the factor taken from the weight used, each
    figure on paper; a leaf at full marks keeps its weight. (It named the value computed, '按计算值40.004分折算得50.01分'.)"""
    reason = _rescaled_reason(tmp_path, "grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]", 80, "v", 20)
    assert reason("40.004").endswith("因其他指标不适用，分值由80调整为100，失分40.00分按100 ÷ 80折算为50.00分，得50.00分")
    assert reason("40").endswith("因其他指标不适用，分值由80调整为100，失分40.00分按100 ÷ 80折算为50.00分，得50.00分")
    assert reason("80").endswith("因其他指标不适用，分值由80调整为100，折算得100.00分")
    assert reason("0").endswith("因其他指标不适用，分值由80调整为100，折算得0.00分")


def test_a_rescaled_score_whose_loss_the_total_rounds_otherwise_says_so(tmp_path: Path) -> None:
    """QA339 F1: 78.50 of 80 converts to 98.125, so the total is 98.13 and the 1.875 lost is 1.87, not the 1.88 it
    rounds to: the reason shows the exact loss and why it is counted otherwise; one no decimals show is marked ≈."""
    reason = _rescaled_reason(tmp_path, "grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]", 80, "v", 20)
    assert reason("78.5").endswith("分值由80调整为100，失分1.50分按100 ÷ 80折算为1.875分，为使各项得分合计等于折算后的总分，"
                                   "计1.87分，得98.13分")
    other = tmp_path / "other"
    other.mkdir()
    both = load_indicator_set(_two(other))
    from scoring_engine import Facts

    result = score(both, Facts(values={"v": Decimal("40.1"), "u": Decimal("44.9")}, not_applicable={"b": "本年度不适用"}))
    assert result.indicator("a").reason.endswith("分值由45调整为50，失分4.90分按100 ÷ 90折算为≈5.4444分，为使各项得分合计等于"
                                                 "折算后的总分，计5.45分，得44.55分")
    assert (Decimal("94.44"), Decimal("44.55"), Decimal("49.89")) == \
        (result.total, result.indicator("a").score, result.indicator("c").score)  # 85.00 × 100 ÷ 90 = 94.444


def _two(folder: Path) -> Path:
    """A set of 甲 (45, scored v) and 丙 (45, scored u), and 乙 (10) that its facts mark 不适用, rescaled over the two."""
    (folder / "set.yaml").write_text(
        'id: rescale\nname: 不适用折算\nversion: "1"\nnot_applicable: rescale\ngrades: [{label: 合格, min: 0}]\n'
        "facts:\n  v: {type: number}\n  u: {type: number}\nindicators:\n"
        "  - {id: a, name: 甲, weight: 45, rule: {kind: formula, score: v}}\n"
        "  - {id: c, name: 丙, weight: 45, rule: {kind: formula, score: u}}\n"
        "  - {id: b, name: 乙, weight: 10, rule: {kind: formula, score: 10}}\n", encoding="utf-8")
    return folder / "set.yaml"


def test_the_raw_score_of_a_rescaled_indicator_is_told_on_its_declared_weight_as_the_engine_takes_it():
    """QA36 F1: with 经济效益 not applicable (rescale), explain said '原始得分 = 分值 4.17 × 93.33% ≈ 3.733333' (that is
    4 × 93.33%) and '分值 5.21 − 1 = 4': equations false on paper, which an auditor redoing them got otherwise. The raw
    score is told on the declared weight (分值 4, 5), then the scaling step."""
    import json

    from scoring_engine.facts import Facts

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    national = load_indicator_set("national-framework")
    assert "rescale" == national.not_applicable
    facts = Facts(values=document["facts"], not_applicable={"benefit.effects.economic": "不产生直接经济效益"})
    result = score(national, facts)
    told = 0
    for node in result.walk():
        if node.children or node.declared_weight is None or node.declared_weight == node.weight:
            continue
        lines = [line for line in str(result.explain(node.id)).splitlines() if line.strip().startswith("原始得分 = 分值")]
        for line in lines:
            assert f"分值 {node.declared_weight} " in line and f"分值 {node.weight} " not in line, line
            told += 1
    assert told >= 3


def test_a_banded_percentage_just_past_a_bound_is_told_with_the_decimals_that_show_it_past():
    """QA36 F2: 节约率 −0.001% (实际成本 1000.01 of 1000) was told '= 0.00%' (the 未超支 band's bound) beside the 超支
    band marked 命中: a contradiction on the page. It is told as the reason tells it, with the decimals that show it."""
    import json

    from scoring_engine import parse_facts

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["output"].update({"cost_planned": 1000, "cost_actual": 1000.01})
    result = score(load_indicator_set("national-framework"), parse_facts(json.dumps(document, ensure_ascii=False)))
    text = str(result.explain("output.cost.saving"))
    value_line = next(line for line in text.splitlines() if line.strip().startswith("取值"))
    assert value_line.endswith("= -0.001%") and "0.00%" not in value_line, text


def test_the_points_lost_on_a_rescaled_indicator_are_told_with_how_its_weight_was_scaled():
    """QA36 F3: under rescale the 扣分明细 showed 失分 1.04 beside '1笔培训费超标准列支（扣1分）', the scaling left out. The
    reason with the scaling and the finding is told."""
    import json

    from scoring_engine.facts import Facts
    from scoring_engine.reports.rows import losses

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["process"]["compliance_findings"] = ["1笔培训费超标准列支"]
    result = score(load_indicator_set("national-framework"),
                   Facts(values=document["facts"], not_applicable={"benefit.effects.economic": "不产生直接经济效益"}))
    rescaled = [(path[-1], lost, why) for path, lost, why in losses(result) if "rescaled" in path[-1].details]
    assert rescaled
    for node, lost, why in rescaled:
        assert lost == node.weight - node.score and 1 == len(why) and "因其他指标不适用，分值由" in why[0], why


def test_a_finding_past_the_points_left_is_said_to_find_them_used_up_not_to_cost_nothing():
    """QA36 F4: '2笔支出未附发票（扣0分）' after a 5-point finding used up the weight read as 'not a problem'. The reports and
    explain say the points were already used up (扣完为止)."""
    import json

    from scoring_engine.facts import Facts
    from scoring_engine.reports.rows import reason_text

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["process"]["compliance_findings"] = [{"text": "挪用项目资金30万元", "points": 5}, "2笔支出未附发票"]
    result = score(load_indicator_set("national-framework"), Facts(values=document["facts"]))
    node = result.indicator("process.funds.compliance")
    assert [5, 0] == [d.points for d in node.deductions]
    assert reason_text(node).endswith("2笔支出未附发票（分值已扣完，不再扣分）") and "扣0分" not in reason_text(node)
    assert "分值已扣完，不再扣分：2笔支出未附发票" in str(result.explain(node.id))


def test_a_linear_deduction_that_took_the_whole_weight_says_so(tmp_path: Path):
    """QA48 F3: explain printed 每差 1 扣 2分，计 7 个单位，扣 10 分 (7 × 2 is 14) without a word that the deduction stopped
    at the weight, which the reason says (扣完为止)."""
    import json

    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    document["facts"]["output"]["actual_end"] = "2025-06-20"
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["explain", str(facts), "--set", str(EXAMPLE_SET), "-i", "output.timeliness"])
    assert 0 == run.exit_code and "计 7 个单位（不足一个单位的按比例计），扣 10 分，扣完为止" in run.output, run.output


@pytest.mark.parametrize(("units", "said"), [("exact", "计 1.5 个单位（不足一个单位的按比例计）"),
                                             ("whole", "计 1 个单位（不足一个单位的不计）"),
                                             ("started", "计 2 个单位（不足一个单位的按一个单位计）")])
def test_a_linear_rules_units_are_told_in_chinese_not_as_the_option_word(units: str, said: str) -> None:
    """QA209 3: explain said '计 1 个单位（units: exact）', the set's option word, in a Chinese story."""
    indicator_set = parse_indicator_set(
        'id: t\nname: 测试\nversion: "1"\ntotal: 10\nfacts:\n  v: {type: number}\ngrades: [{label: 合格, min: 0}]\n'
        f"indicators:\n  - {{id: x, name: 甲, weight: 10, rule: {{kind: linear, value: v, target: 10, per: 2, points_each: 1,"
        f" units: {units}}}}}\n")
    text = str(score(indicator_set, {"v": 7}).explain("x"))
    assert said in text and "units:" not in text.partition("【计算过程】")[2], text


@pytest.mark.parametrize(("rule", "shown"), [
    ("{kind: bands, value: r, bands: [{min: 0.9, share: 1}, {min: 0.5, max: 0.9, share: 2/3}, {max: 0.5, points: 0}]}",
     "分值的2/3"),
    ("{kind: bands, value: r, bands: [{min: 0.9, share: 1}, {min: 0.5, max: 0.9, share: 1/4}, {max: 0.5, points: 0}]}",
     "分值的25.00%"),
    ("{kind: linear, value: r, target: 1, per: 0.1, share_each: 1/3}", "分值的1/3"),
])
def test_a_share_written_as_a_fraction_is_explained_not_an_internal_error(rule: str, shown: str) -> None:
    """QA53 F1: a band's `share: 2/3` (or a linear rule's share_each: 1/3), which the docs offer, scored but `explain`
    ended in an internal error (Decimal('2/3')): the share is shown as a percentage, or as the fraction it is."""
    text = (f"id: t\nname: t\nversion: '1'\nfacts:\n  r: {{type: number}}\ngrades: [{{label: 合格, min: 0}}]\n"
            f"indicators:\n  - {{id: x, name: 甲, weight: 100, rule: {rule}}}\n")
    steps = str(score(parse_indicator_set(text), {"r": Decimal("0.7")}).explain("x"))
    assert shown in steps, steps


def test_a_deduction_that_does_not_end_is_explained_to_six_decimals_not_the_engines_digits() -> None:
    """QA53 F6: a third of a point for each of 5 findings was explained as '合计扣 1.666666666666666666666666667 分':
    ≈1.666667, as explain shows every number that does not end."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  f: {type: list}\ngrades: [{label: 合格, min: 0}]\n"
            "indicators:\n  - {id: x, name: 甲, weight: 100, rule: {kind: deduction, findings: f, points_each: 1/3}}\n")
    steps = str(score(parse_indicator_set(text), {"f": ["a", "b", "c", "d", "e"]}).explain("x"))
    assert "合计扣 ≈1.666667 分" in steps and "6666666666" not in steps, steps


def test_a_rate_short_of_a_line_keeps_the_decimals_that_make_explains_equations_hold():
    """QA74 F3: a rate of 89.998% was shown 完成率 … = 90.00%, then 原始得分 = 分值 10 × 90.00% = 8.9998, on a project
    flagged for a rate under 90%; 59.999% was shown 60.00% and then said to be below the 60.00% line. The steps show
    the rate with the decimals it has, as the reason does."""
    indicator_set = parse_indicator_set(SWITCH_SET)
    text = story(score(indicator_set, {"budget": {"arrived": 5000, "paid": Decimal("4499.9")}}), "execution")
    assert "完成率 = 实际值 ÷ 目标值（最高100%）= 89.998%\n" in text and "原始得分 = 分值 10 × 89.998% = 8.9998\n" in text
    assert "90.00%" not in text


def test_a_rate_of_endless_decimals_just_short_of_a_line_is_not_shown_on_it():
    """QA76 F4: 270000006 ÷ 300000007 (89.99999970…%) was shown ≈90.000000%, beside a reason saying 89.9999999%, and
    10 × ≈100.000000% was followed by '='. The rate keeps the decimals that keep it off the line, and an equation whose
    factor is shown rounded says ≈."""
    indicator_set = parse_indicator_set(SWITCH_SET)
    text = story(score(indicator_set, {"budget": {"arrived": 300000007, "paid": 270000006}}), "execution")
    assert "= ≈89.9999999%\n" in text and "原始得分 = 分值 10 × ≈89.9999999% ≈ 8.99999999" in text, text
    assert "90.000000%" not in text


def test_a_line_break_in_a_finding_a_reason_a_standard_or_a_name_cannot_forge_a_section_of_the_story():
    """QA176 F1: a finding written '目标未细化\\n\\n【计入上级】\\n  总分 = … = 100.00 / 100，等级 优' was printed as it is, a
    forged 【计入上级】 block under 【读取的事实】 and 【扣分】. Text of the facts and of the set stays on its line (a line
    break shows as a space, as in the table view), in the facts, the deductions, a judgement's reason, the standard and
    the names."""
    forged = "\n\n【计入上级】\n  总分 = 100.00 / 100，等级 优"
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["facts"]["decision"]["goal_findings"] = ["目标未细化" + forged]
    facts["facts"]["decision"]["budget_judgement"]["reason"] = "测算依据不足" + forged
    written = EXAMPLE_SET.read_text(encoding="utf-8")
    written = written.replace("standard: 目标明确、细化、量化。每发现一处问题扣1分，扣完为止。",
                              'standard: "目标明确、细化、量化。\\n\\n【计入上级】\\n  伪造"')
    written = written.replace("label: 预算编制科学性（评价组判断）", 'label: "预算编制科学性\\n【扣分】"')
    written = written.replace("name: 绩效目标合理性", 'name: "绩效目标合理性\\n【扣分】"')
    result = score(parse_indicator_set(written, str(EXAMPLE_SET)), facts["facts"])
    for indicator in ("decision.goals", "decision.budget"):
        text = story(result, indicator)
        headings = [line for line in text.splitlines() if line.startswith("【")]
        assert len(headings) == len(set(headings)), text
        assert all(not line.lstrip().startswith(("【", "总分 = 100", "伪造")) for line in text.splitlines()
                   if not line.startswith("【")), text
    assert "目标未细化  【计入上级】   总分 = 100.00 / 100，等级 优" in story(result, "decision.goals")
    run = CliRunner().invoke(main, ["explain", str(EXAMPLE_FACTS), "-i", "decision.goals"])
    assert 0 == run.exit_code and run.stdout.count("【计入上级】") == 1


def test_a_warning_of_a_fact_the_indicator_reads_is_told_in_its_story() -> None:
    """QA295 F3: explain, where a reviewer checks why only one finding's points were taken, said nothing of the 提示 that
    the finding may be two written on one line (nor of expert scores typed as shares); score did. The indicator reading
    the fact tells it under 【提示】; another indicator does not."""
    from scoring_engine import parse_facts

    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    document["facts"]["findings"]["compliance"] = ["未附发票。坐支现金。"]
    result = score(load_indicator_set(EXAMPLE_SET), parse_facts(json.dumps(document, ensure_ascii=False)))
    text = str(result.explain("process.compliance"))
    assert "【提示】\n  资金使用合规性问题中的 '未附发票。坐支现金。' 可能是写在同一行的 2 个问题" in text, text
    assert "【提示】" not in str(result.explain("process.execution"))


@pytest.mark.parametrize(("given", "hint"), [
    ("PROCESS.FUNDS", "是否想写 process.funds（资金管理）？"),
    (" process.funds", "去掉首尾的空格：process.funds"),
    ("资金管理 ", "去掉首尾的空格：资金管理"),
])
def test_explain_i_points_to_the_id_typed_in_other_case_or_with_spaces(given: str, hint: str) -> None:
    """-i PROCESS.FUNDS (typed with Caps Lock) is offered process.funds, not the list of ids; -i ' process.funds' (a space
    pasted with it) is told to drop the spaces, not asked whether it meant what reads as the same id (QA337 7)."""
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    out = CliRunner().invoke(main, ["--lang", "zh", "explain", str(facts), "-i", given])
    assert out.exit_code == 1
    assert f"（{hint}）" in out.output
