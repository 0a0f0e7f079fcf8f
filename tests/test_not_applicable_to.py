"""not_applicable_to: an indicator marked 不适用 gives its weight to the one its set names (财预〔2021〕101号: without 满意度,
效益 gets its 10), shared among that one's leaves; any other marked indicator's weight is rescaled over all (QA60 F3)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scoring_engine import Facts, IndicatorSetError, parse_indicator_set, score
from scoring_engine._zh import translate

# What both sets below begin with: the rescale policy, one fact, two grades.
HEAD = """version: "1"
not_applicable: rescale
facts:
  a: {type: number, min: 0, max: 1}
grades: [{label: 优, min: 90}, {label: 差, min: 0}]
indicators:
"""

SET = """
id: moved
name: 转移分值
""" + HEAD + """  - {id: budget, name: 预算执行率, weight: 10, rule: {kind: proportional, value: a}}
  - id: benefit
    name: 效益指标
    weight: 30
    children:
      - {id: benefit.social, name: 社会效益, weight: 20, rule: {kind: proportional, value: a}}
      - {id: benefit.lasting, name: 可持续影响, weight: 10, rule: {kind: proportional, value: a}}
  - {id: output, name: 产出指标, weight: 50, rule: {kind: proportional, value: a}}
  - {id: satisfaction, name: 满意度, weight: 10, not_applicable_to: benefit, rule: {kind: proportional, value: a}}
"""


def _scores(text: str, marked: dict[str, str], a: str = "0.5") -> dict[str, Decimal]:
    result = score(parse_indicator_set(text), Facts(values={"a": Decimal(a)}, not_applicable=marked))
    return {i.id: i.weight for i in result.walk()} | {"total": result.total}


def test_a_marked_indicator_gives_its_weight_to_the_one_named_shared_among_its_leaves() -> None:
    """满意度 marked: its 10 goes to 效益 (30 → 40, 20/10 → 26.67/13.33), the other indicators keep their weights, and
    its reason says where the weight went."""
    weights = _scores(SET, {"satisfaction": "未设置满意度指标"}, a="1")
    assert (weights["benefit"], weights["benefit.social"], weights["benefit.lasting"]) == (40, Decimal("26.67"),
                                                                                         Decimal("13.33"))
    assert (weights["budget"], weights["output"], weights["satisfaction"], weights["total"]) == (10, 50, 0, 100)
    result = score(parse_indicator_set(SET), Facts(values={"a": 1}, not_applicable={"satisfaction": "未设置"}))
    assert "不适用（未设置），分值计入效益指标" == result.indicator("satisfaction").reason


def test_another_marked_indicator_is_rescaled_over_all_and_a_named_one_marked_too_rescales() -> None:
    """output has no not_applicable_to: its 50 is shared out over the rest (10/30/10 → 20/60/20); with 效益 marked as
    well, 满意度's weight has nowhere to go and is shared out too."""
    weights = _scores(SET, {"output": "不涉及"})
    assert (weights["budget"], weights["benefit"], weights["satisfaction"]) == (20, 60, 20)
    both = _scores(SET, {"satisfaction": "未设置", "benefit": "不涉及"})
    assert (both["budget"], both["output"], both["satisfaction"]) == (Decimal("16.67"), Decimal("83.33"), 0)


@pytest.mark.parametrize(("written", "said"), [
    ("not_applicable_to: benfit", "not_applicable_to names benfit, which is no indicator of the set"),
    ("not_applicable_to: satisfaction", "not_applicable_to names satisfaction, which is itself"),
])
def test_a_target_that_is_no_other_indicator_is_refused(written: str, said: str) -> None:
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(SET.replace("not_applicable_to: benefit", written))
    assert [said] == [p.message for p in err.value.problems]
    assert not translate(said).isascii()


def test_a_target_above_or_below_it_and_a_full_credit_set_are_refused() -> None:
    """Moving a weight into its own parent says nothing; under full_credit a marked indicator is scored its weight, so
    there is nothing to move."""
    inner = SET.replace("{id: benefit.lasting, name: 可持续影响, weight: 10,",
                        "{id: benefit.lasting, name: 可持续影响, weight: 10, not_applicable_to: benefit,")
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(inner)
    assert ["not_applicable_to names benefit, which is above or below it"] == [p.message for p in err.value.problems]
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(SET.replace("not_applicable: rescale", "not_applicable: full_credit"))
    assert ["not_applicable_to moves a weight, which only not_applicable: rescale does"] == \
        [p.message for p in err.value.problems]


def test_diff_lists_where_a_weight_goes_when_it_changes() -> None:
    """A profile naming another indicator for 满意度's weight changes scores: diff lists it with both values."""
    from scoring_engine.diff import diff_sets
    from scoring_engine.reports.diff import change_rows

    rows = [row for row in change_rows(diff_sets(parse_indicator_set(SET), parse_indicator_set(
        SET.replace("not_applicable_to: benefit", "not_applicable_to: output")))) if row[0] == "不适用时分值计入"]
    assert [("benefit", "output")] == [row[2:] for row in rows]


TWO_TO_ONE = """
id: two
name: 两项满意度计入效益
""" + HEAD + """  - {id: budget, name: 预算执行率, weight: 15, rule: {kind: proportional, value: a}}
  - {id: output, name: 产出指标, weight: 40, rule: {kind: proportional, value: a}}
  - id: benefit
    name: 效益指标
    weight: 30
    children:
      - {id: benefit.a, name: 经济效益, weight: 2, rule: {kind: proportional, value: a}}
      - {id: benefit.b, name: 社会效益, weight: 14, rule: {kind: proportional, value: a}}
      - {id: benefit.c, name: 生态效益, weight: 14, rule: {kind: proportional, value: a}}
  - {id: sat.public, name: 群众满意度, weight: 10, not_applicable_to: benefit, rule: {kind: proportional, value: a}}
  - {id: sat.unit, name: 受益单位满意度, weight: 5, not_applicable_to: benefit, rule: {kind: proportional, value: a}}
"""


def test_weights_moving_to_one_indicator_are_shared_once_whatever_the_order_of_the_marks() -> None:
    """Two marked indicators naming 效益 (2 + 14 + 14 = 30, taking 10 and 5) gave 3.01 / 21 / 20.99 (shared twice, each
    time from rounded weights); 45 in proportion is 3 / 21 / 21 exactly (QA61 F1). The marks listed the other way give
    the same."""
    indicator_set = parse_indicator_set(TWO_TO_ONE)
    for marks in ({"sat.public": "无", "sat.unit": "无"}, {"sat.unit": "无", "sat.public": "无"}):
        result = score(indicator_set, Facts(values={"a": 1}, not_applicable=marks))
        assert [result.indicator(i).weight for i in ("benefit.a", "benefit.b", "benefit.c", "benefit")] == [3, 21, 21, 45]


def test_a_weight_with_nowhere_to_go_is_said_rescaled_and_a_profile_may_drop_the_transfer(tmp_path) -> None:
    """满意度 naming 效益 when every leaf of 效益 is marked too: its weight is rescaled over all, and its reason said it went
    to 效益 (QA61 F2). A profile writing not_applicable_to: null was refused; it drops the base's transfer (F3)."""
    marks = {"satisfaction": "未设置", "benefit.social": "无", "benefit.lasting": "无"}
    result = score(parse_indicator_set(SET), Facts(values={"a": 1}, not_applicable=marks))
    assert "分值按比例分配至其他指标" in result.indicator("satisfaction").reason
    (tmp_path / "base.yaml").write_text(SET, encoding="utf-8")
    (tmp_path / "profile.yaml").write_text("extends: base.yaml\nid: p\nchange:\n  satisfaction: {not_applicable_to: null}\n",
                                           encoding="utf-8")
    from scoring_engine import load_indicator_set

    dropped = score(load_indicator_set(tmp_path / "profile.yaml"), Facts(values={"a": 1}, not_applicable={"satisfaction": "无"}))
    assert dropped.indicator("benefit").weight == Decimal("33.33")


def test_the_rows_left_in_the_facts_of_a_row_group_marked_not_applicable_are_not_checked_against_its_weight() -> None:
    """A unit that marks its 产出 rows 不适用 but leaves last year's rows in (weights that add up to another total) is
    scored, not refused for weights no rule reads (QA66 F4); unmarked, the same rows are refused as before."""
    import json

    from conftest import ROOT
    from scoring_engine import FactsError, load_indicator_set

    s = load_indicator_set("self-evaluation")
    text = (ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8")
    document = json.loads(text, parse_float=Decimal)
    rows = document["facts"]["targets"]["output"]
    rows[0]["weight"] = Decimal(rows[0]["weight"]) + 5  # no longer adds up to the group's weight
    with pytest.raises(FactsError, match="rows' weights add up to"):
        score(s, Facts(values=document["facts"], project=document["project"]))
    result = score(s, Facts(values=document["facts"], project=document["project"],
                            not_applicable={"output": "本年度仅完成招标，产出尚未形成"}))
    output = next(i for i in result.indicators if i.id == "output")
    assert output.not_applicable == "本年度仅完成招标，产出尚未形成"
    assert result.total == sum((i.score for i in result.indicators), Decimal(0))


def test_the_form_says_where_a_marked_parents_weight_went(tmp_path) -> None:
    """QA116 F3: 满意度 (a parent with one leaf) marked, its weight to 项目效益 (not_applicable_to): the 自评表's note said
    '其他指标的分值已按比例调整', as if every indicator had been rescaled, because the parent's own reason sums its
    children. It says where the weight went, as the leaf's reason does."""
    from scoring_engine import load_facts, load_indicator_set
    from scoring_engine.reports.layouts import render_layout

    profile = tmp_path / "profile.yaml"
    profile.write_text("id: moved-satisfaction\nname: 满意度分值计入项目效益\nversion: '1'\nextends: national-framework\n"
                       "not_applicable: rescale\nchange:\n  benefit.satisfaction:\n    not_applicable_to: benefit.effects\n",
                       encoding="utf-8")
    indicator_set = load_indicator_set(profile)
    facts = load_facts(Path(__file__).resolve().parent.parent / "indicator_sets" / "national-framework.facts.json")
    marked = Facts(values=facts.values, not_applicable={"benefit.satisfaction": "未开展满意度调查"}, project=facts.project)
    form = render_layout(score(indicator_set, marked), indicator_set, "markdown", "selfeval")
    assert "不适用：满意度（benefit.satisfaction）：未开展满意度调查；其分值计入项目效益" in form
    assert "其他指标的分值已按比例调整" not in form


@pytest.mark.parametrize("policy", ["rescale", "full_credit"])
def test_a_project_marking_every_indicator_not_applicable_is_refused_under_either_policy(policy: str) -> None:
    """QA248 F2: under full_credit (the default) a project marking every indicator 不适用 (a web form's 'select all')
    scored 100.00 优 without a word, where rescale refuses it: nothing is left to score, under either policy, in the
    full audit and the scores-only path alike. One indicator left applicable is scored."""
    from scoring_engine import FactsError, scores_only

    indicator_set = parse_indicator_set(SET.replace("not_applicable: rescale", f"not_applicable: {policy}")
                                        .replace(" not_applicable_to: benefit,", ""))
    every = {"budget": "无", "benefit": "无", "output": "无", "satisfaction": "无"}
    for run in (score, scores_only):
        with pytest.raises(FactsError, match="every indicator is marked not applicable; nothing is left to score"):
            run(indicator_set, Facts(values={"a": Decimal("0.5")}, not_applicable=every))
        left = run(indicator_set, Facts(values={"a": Decimal("0.5")}, not_applicable={k: v for k, v in every.items()
                                                                                         if k != "output"}))
        assert left.total == (Decimal("75.00") if policy == "full_credit" else Decimal("50.00"))


def test_rows_of_equal_weight_stay_equal_when_another_indicator_is_not_applicable(tmp_path) -> None:
    """QA253 F1: three 产出 rows giving no 分值 split 50 as 16.67, 16.67, 16.66; with 满意度 not applicable the group's
    55.56 was shared in proportion to those rounded shares, 18.53, 18.52, 18.51, equal rows 0.02 apart, and the total
    92.33 where an equal split gave 92.34. Rows split equally share the weight used equally, and the 自评表 written
    of it reads back to the same scores without a word. (The total is now the scores written converted at once,
    83.10 × 100 ÷ 90 = 92.33, whatever the split: QA339 F1; row a's 15.79 converts to 17.54, no longer 17.55.)"""
    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form
    from scoring_engine.reports.layouts import render_layout

    indicator_set = load_indicator_set("self-evaluation")
    rows = [{"name": "a", "target": "≥19栋", "actual": "18栋"}, {"name": "b", "target": "≥3", "actual": 3},
            {"name": "c", "target": "≥3", "actual": 2}]
    facts = Facts(values={"budget": {"total": Decimal("712.42"), "paid": 700},
                          "targets": {"output": rows, "benefit": [{"name": "d", "target": "≥100", "actual": 99}],
                                      "satisfaction": [{"name": "x", "target": "≥90%", "actual": "95%"}]}},
                  not_applicable={"satisfaction": "未开展满意度调查"})
    result = score(indicator_set, facts)
    assert [(r.weight, r.score) for r in result.indicator("output").children] == \
        [(Decimal("18.52"), Decimal("17.54")), (Decimal("18.52"), Decimal("18.52")), (Decimal("18.52"), Decimal("12.35"))]
    assert Decimal("92.33") == result.total
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    read = read_form(form, indicator_set)
    again = score(indicator_set, read.facts)
    assert (again.total, [i.score for i in again.walk()]) == (result.total, [i.score for i in result.walk()])
    assert not read.warnings, read.warnings
