"""Edges found by reviewing the engine: each test pins a behaviour a user relies on."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from conftest import ROOT
from scoring_engine import (Facts, FactsError, IndicatorSetError, ScoringError, load_facts, load_indicator_set,
                            parse_indicator_set, score)


def one_indicator(rule: str, facts: str = "v: {type: number}", weight: str = "10") -> str:
    return (
        "id: t\nname: t\nversion: '1'\n"
        f"facts:\n  {facts}\n"
        "grades: [{label: 优, min: 9}, {label: 差, min: 0}]\n"
        f"total: {weight}\n"
        f"indicators:\n  - id: a\n    name: 甲\n    weight: {weight}\n    rule: {rule}\n"
    )


def test_weight_can_be_read_by_a_rule_formula():
    """A rule formula may use `weight`, the indicator's own weight."""
    result = score(parse_indicator_set(one_indicator("{kind: formula, score: weight * v}")), {"v": D("0.5")})
    assert D("5.00") == result.total


def test_huge_fact_is_refused_before_scoring():
    """A number fact beyond 1e15 is a facts error naming the fact, never an arithmetic overflow."""
    indicator_set = parse_indicator_set(one_indicator("{kind: formula, score: v}"))
    with pytest.raises(FactsError) as err:
        score(indicator_set, {"v": D("1E+1000")})
    assert "v" == err.value.fact and "out of range" in str(err.value)


def test_overflow_inside_a_rule_is_a_scoring_error():
    """Arithmetic that leaves the decimal range inside a rule comes back as a ScoringError for the indicator."""
    indicator_set = parse_indicator_set(one_indicator("{kind: proportional, value: v, target: 0.000000000000001}"))
    with pytest.raises(ScoringError) as err:
        score(indicator_set, {"v": D("999999999999999")})
    assert "a" == err.value.indicator


def test_tag_on_a_mapping_is_refused():
    """A YAML tag on a mapping (e.g. a python object tag) is refused like one on a single value."""
    text = one_indicator("!!python/object:os.system {kind: formula, score: v}")
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(text)
    assert "tag tag:yaml.org,2002:python/object:os.system is not allowed" in str(err.value)


def test_rule_without_kind_is_one_problem():
    """A rule that forgets its kind gets one 'missing key' problem, not one per rule kind."""
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(one_indicator("{score: v}"))
    assert ["missing key 'kind'"] == [p.message for p in err.value.problems]


def test_formula_errors_are_reported_even_when_the_weight_is_broken():
    """A broken weight does not hide a forbidden construct in the same indicator's rule."""
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(one_indicator("{kind: formula, score: 'v ** 2'}", weight="'十'"))
    messages = " | ".join(p.message for p in err.value.problems)
    assert "weight must be a number" in messages and "operator ** is not allowed" in messages


def test_proportional_above_target_states_the_real_rate():
    """Full marks above target say the actual completion rate (120%), not the capped 100%."""
    result = score(parse_indicator_set(one_indicator("{kind: proportional, value: v, target: 10}")), {"v": 12})
    assert "实际值12，目标值10，完成率120.00%，达到目标，得满分10.00分" == result.indicator("a").reason


def test_clamped_score_says_so_in_its_reason():
    """A formula giving more than the weight is clamped, and the reason states the clamp."""
    result = score(parse_indicator_set(one_indicator("{kind: formula, rate: v}")), {"v": D("1.5")})
    assert D("10.00") == result.total
    assert result.indicator("a").reason.endswith("；计算值15超出0–10分，按10.00分计")
    assert ["clamp"] == [w.kind for w in result.warnings]


def test_a_clamp_warning_names_its_indicator_whatever_its_id():
    """A clamp warning starts with its indicator's id even where the id occurs in the message: ids 1 and 2 (in "21" and
    "82"), p (in "clamped"). It printed "原始得分 21 超出 0..20，取为 20", saying of no indicator (QA191 F2). A warning
    whose message names its fact itself (an undeclared fact) still names it once."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  v: {type: number}\n  w: {type: number}\n"
            "grades: [{label: 优, min: 90}, {label: 差, min: 0}]\nindicators:\n"
            "  - {id: '1', name: 决策, weight: 20, rule: {kind: formula, score: v}}\n"
            "  - {id: '2', name: 产出, weight: 40, rule: {kind: formula, score: w}}\n"
            "  - {id: p, name: 执行, weight: 40, rule: {kind: proportional, value: 0 - w, target: 1}}\n")
    result = score(parse_indicator_set(text), {"v": 21, "w": 82, "zz": 1})
    assert ["1：原始得分 21 超出 0–20 的范围，取为 20", "2：原始得分 82 超出 0–40 的范围，取为 40",
            "p：原始得分 -3280 超出 0–40 的范围，取为 0"] == [w.text("zh") for w in result.warnings if w.kind == "clamp"]
    assert ["1: raw score 21 is outside 0..20; clamped to 20", "2: raw score 82 is outside 0..40; clamped to 40",
            "p: raw score -3280 is outside 0..40; clamped to 0"] == [str(w) for w in result.warnings if w.kind == "clamp"]
    assert ["事实 zz 没有在体系中声明，已忽略"] == [w.text("zh") for w in result.warnings if w.kind == "undeclared_fact"]


def test_division_by_zero_names_the_divisor_fact():
    """Division by zero names the fact(s) of the divisor, the indicator and the formula."""
    text = one_indicator("{kind: formula, rate: v / w}", facts="v: {type: number}\n  w: {type: number}")
    with pytest.raises(ScoringError) as err:
        score(parse_indicator_set(text), {"v": 1, "w": 0})
    problem = err.value.problems[0]
    assert ("w", "a", "v / w") == (problem.fact, problem.indicator, problem.expression)


def test_short_fact_name_inside_a_word_is_still_shown():
    """The fact is named in the message even when its name occurs inside another word ('t' in 'the')."""
    # `score: t` of a text fact t is refused when the set loads; a value of a kind known only when scored reaches here
    text = one_indicator("{kind: formula, score: \"t if t != '' else 0\"}", facts="t: {type: string}")
    with pytest.raises(ScoringError) as err:
        score(parse_indicator_set(text), {"t": "x"})
    assert "in `t if t != '' else 0`" in str(err.value), err.value
    with pytest.raises(IndicatorSetError) as refused:
        parse_indicator_set(one_indicator("{kind: formula, score: t}", facts="t: {type: string}"))
    assert "t gives text" in str(refused.value) and "t" == refused.value.problems[0].fact


def test_called_lambda_is_named_as_a_lambda():
    """Calling a lambda is refused as a lambda, not as an oddly named function."""
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(one_indicator("{kind: formula, score: '(lambda x: x)(v)'}"))
    assert "lambda not allowed in formulas" in str(err.value)


@pytest.mark.parametrize(("value", "points"), [("0", "0.00"), ("0.8", "0.00"), ("0.81", "5.00"), ("1", "10.00")])
def test_bands_are_closed_at_their_outer_ends(value: str, points: str):
    """With max_inclusive, a lowest band (0, 0.8] still holds 0; the outermost ends always belong to their band."""
    rule = ("{kind: bands, value: v, boundary: max_inclusive, bands: "
            "[{min: 0, max: 0.8, points: 0}, {min: 0.8, max: 0.9, points: 5}, {min: 0.9, max: 1, points: 10}]}")
    result = score(parse_indicator_set(one_indicator(rule)), {"v": D(value)})
    assert D(points) == result.total


@pytest.mark.parametrize(("boundary", "value", "points"), [
    ("max_inclusive", "0.9", "0.00"), ("max_inclusive", "0.95", "8.00"), ("max_inclusive", "0.96", "10.00"),
    ("min_inclusive", "0.9", "8.00"), ("min_inclusive", "0.95", "10.00"), ("min_inclusive", "0.89", "0.00"),
])
def test_open_ended_neighbour_keeps_its_boundary_values(boundary: str, value: str, points: str):
    """With unbounded outer bands, a boundary value goes to the band the boundary rule gives it, nowhere else."""
    rule = (f"{{kind: bands, value: v, boundary: {boundary}, bands: "
            "[{min: 0.95, points: 10}, {min: 0.9, max: 0.95, points: 8}, {max: 0.9, points: 0}]}")
    assert D(points) == score(parse_indicator_set(one_indicator(rule)), {"v": D(value)}).total


def test_outer_edge_band_reason_shows_a_closed_range():
    """A value on the closed outer edge is described with ≤ on both sides, never as outside its own range."""
    rule = "{kind: bands, value: v, boundary: max_inclusive, bands: [{min: 0, max: 0.6, points: 0}, {min: 0.6, max: 1, points: 10}]}"
    result = score(parse_indicator_set(one_indicator(rule)), {"v": D(0)})
    assert "0 ≤ x ≤ 0.6" in result.indicator("a").reason


def test_checklist_element_findings_need_a_deduction():
    """An element deciding by findings must say what each finding deducts, or the set does not load."""
    rule = "{kind: checklist, elements: [{name: ①, findings: f}]}"
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(one_indicator(rule, facts="f: {type: list}"))
    assert "give exactly one of points_each or share_each" in str(err.value)


def test_mean_names_itself_when_given_findings():
    """mean() of a list of findings says mean needs numbers (not sum)."""
    text = one_indicator("{kind: formula, score: mean(f)}", facts="f: {type: list}")
    with pytest.raises(ScoringError) as err:
        score(parse_indicator_set(text), {"f": ["问题"]})
    assert "mean needs a number, got finding '问题'" in str(err.value)


def test_facts_of_a_not_applicable_indicator_may_be_left_out():
    """A required fact read only by indicators marked not applicable need not be given."""
    text = (
        "id: t\nname: t\nversion: '1'\nfacts:\n  v: {type: number}\n  w: {type: number}\n"
        "grades: [{label: 优, min: 9}, {label: 差, min: 0}]\ntotal: 10\n"
        "indicators:\n  - {id: a, name: 甲, weight: 5, rule: {kind: formula, rate: v}}\n"
        "  - {id: b, name: 乙, weight: 5, rule: {kind: formula, rate: w}}\n"
    )
    from scoring_engine import Facts

    result = score(parse_indicator_set(text), Facts(values={"v": 1}, not_applicable={"b": "本年度不涉及"}))
    assert D("10.00") == result.total
    with pytest.raises(FactsError):
        score(parse_indicator_set(text), {"v": 1})


@pytest.mark.parametrize(("facts", "rule", "words"), [
    ("v: {type: boolean, values: [a]}", "{kind: formula, score: 1}", "values lists the texts a string fact may take"),
    ("v: {type: number, items: number}", "{kind: formula, score: 1}", "items applies to list facts"),
    ("v: {type: list, min: 0}", "{kind: formula, score: 1}", "min and max apply to numbers"),
    ("v: {type: list, items: number}", "{kind: panel, method: weighted, trim: 1, parts: [{name: x, share: 1, score: 1}]}",
     "trim goes with method trimmed_mean"),
    ("v: {type: list}", "{kind: checklist, elements: [{name: ①, met: true, points_each: 1}]}",
     "points_each, share_each, zero_at_count and keyword_points go with findings"),
])
def test_keys_that_would_be_ignored_are_refused(facts: str, rule: str, words: str):
    """A key that has no effect where it is written is an error, so a typo never silently does nothing."""
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(one_indicator(rule, facts=facts))
    assert words in str(err.value)


def test_linear_reason_rounds_its_numbers():
    """Reasons show numbers at the set's precision (two decimals here), never 28-digit quotients; 50 ÷ 30 units keep
    one decimal more, so that the units × 2 round to the deduction (1.67 × 2 is 3.34, not 3.33)."""
    rule = "{kind: linear, value: v, target: 100, per: 30, points_each: 2}"
    reason = score(parse_indicator_set(one_indicator(rule)), {"v": 50}).indicator("a").reason
    assert "计1.667个单位扣3.33分" in reason


def test_row_rule_key_message_names_the_id_pattern():
    """A row type that is not a valid id is explained with the id rule, not the fact-name rule."""
    text = (
        "id: t\nname: t\nversion: '1'\nfacts:\n  rows: {type: list, items: target}\n"
        "grades: [{label: 优, min: 0}]\ntotal: 10\n"
        "indicators:\n  - id: a\n    name: 甲\n    weight: 10\n    children_from:\n      fact: rows\n"
        "      rules:\n        数量: {kind: proportional, value: row.actual, target: row.target}\n"
    )
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(text)
    assert "may use only ASCII letters, digits" in str(err.value)
    # QA338 L7: Chinese characters are letters too: the rule says which letters ("只能使用字母" refused 数量)
    assert "id '数量' 只能使用英文字母、数字和 '.'、'_'、'-'" in err.value.text("zh")


def test_a_weight_of_zero_is_told_what_to_write():
    """QA338 L9a: `weight: 0` was "weight 应大于 0，实际是数字 0" with no fix in brackets: it says what to write."""
    text = ("id: t\nname: t\nversion: '1'\ngrades: [{label: 优, min: 0}]\ntotal: 10\nindicators:\n"
            "  - {id: a, name: 甲, weight: 10, rule: {kind: formula, score: 10}}\n"
            "  - {id: b, name: 乙, weight: 0, rule: {kind: formula, score: 0}}\n")
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(text)
    [problem] = [p for p in err.value.problems if p.path == "$.indicators[1].weight"]
    assert "give it the points it counts for, above 0; an indicator that counts for nothing is left out" == problem.hint
    assert "weight 应大于 0，实际是数字 0（写它所占的分值（大于 0）；不计分的指标不要写进指标体系）" in problem.text("zh")


def test_a_weight_of_zero_in_a_profiles_change_is_told_to_remove_the_indicator():
    """QA341 6: `change: {satisfaction: {weight: 0}}` was told that an indicator counting for nothing is not written in
    the set, which it is not: the profile leaves it out with remove: [satisfaction]. An added one keeps the set's hint."""
    from pathlib import Path

    profile = "extends: self-evaluation\nid: p\nversion: '1'\nchange:\n  satisfaction: {weight: 0}\n"
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(profile, "p.yaml", folder=Path("."))
    [problem] = [p for p in err.value.problems if p.path == "$.change.satisfaction.weight"]
    assert "write remove: [satisfaction] in place of this change" in str(problem.hint)
    assert "（写它所占的分值（大于 0）；要去掉这个指标，把这条修改换成 remove: [satisfaction]）" in problem.text("zh")
    added = ("extends: self-evaluation\nid: p\nversion: '1'\nadd:\n"
             "  - {under: output, id: x, name: 新, weight: 0, rule: {kind: formula, score: 0}}\n")
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(added, "p.yaml", folder=Path("."))
    assert any("不计分的指标不要写进指标体系" in p.text("zh") for p in err.value.problems), err.value.text("zh")


def test_a_check_that_cannot_be_evaluated_says_so_first():
    """A cross-check reading a fact the project left out is a warning that starts by saying it could not be checked."""
    text = (
        "id: t\nname: t\nversion: '1'\nfacts:\n  v: {type: number}\n  w: {type: number, required: false}\n"
        "checks: [{expr: 'w <= v', message: 乙不得超过甲}]\n"
        "grades: [{label: 优, min: 9}, {label: 差, min: 0}]\ntotal: 10\n"
        "indicators:\n  - {id: a, name: 甲, weight: 10, rule: {kind: formula, rate: v}}\n"
    )
    [warning] = score(parse_indicator_set(text), {"v": 1}).warnings
    assert warning.message.startswith("cannot be checked (fact w is missing): 乙不得超过甲")


def test_projects_marking_different_indicators_not_applicable_each_get_their_own_rescaled_weights():
    """Under not_applicable: rescale, the weights worked out for one project's marks are kept for the next project with the
    same marks: projects with other marks (or none, or every one), scored in between on the same set, each get the weights
    and scores a freshly loaded set gives them."""
    text = (
        "id: t\nname: t\nversion: '1'\nnot_applicable: rescale\nfacts:\n  v: {type: number}\n"
        "grades: [{label: 优, min: 9}, {label: 差, min: 0}]\ntotal: 10\nindicators:\n"
        "  - id: a\n    name: 甲\n    weight: 5\n    rule: {kind: formula, score: weight * v}\n"
        "  - id: b\n    name: 乙\n    weight: 3\n    rule: {kind: formula, score: weight * v}\n"
        "  - id: c\n    name: 丙\n    weight: 2\n    rule: {kind: formula, score: weight * v}\n"
    )
    shared = parse_indicator_set(text)
    marks = [{"b": "不涉及"}, {}, {"a": "不涉及", "c": "不涉及"}, {"b": "不涉及"}, {"c": "不涉及"}, {"a": "不涉及", "c": "不涉及"}]
    for marked in marks:
        facts = {"values": {"v": D("0.5")}, "not_applicable": marked}
        kept = score(shared, Facts(**facts))
        fresh = score(parse_indicator_set(text), Facts(**facts))
        assert [(r.id, r.weight, r.score) for r in fresh.walk()] == [(r.id, r.weight, r.score) for r in kept.walk()]
        assert fresh.total == kept.total
    for _ in range(2):  # the second time too: an error is not kept as weights
        with pytest.raises(FactsError, match="every indicator"):
            score(shared, Facts(values={"v": D("0.5")}, not_applicable={"a": "x", "b": "x", "c": "x"}))


def test_a_target_rows_problem_is_said_of_the_row_in_the_facts_not_of_the_sets_line(tmp_path) -> None:
    """A row whose target is 0 (or that lacks what its rule reads) is a problem of the facts: it names the facts file,
    the row's number and name and its place ($.facts.targets.output[0].target), not the line of the bundled set."""
    import json

    from scoring_engine import ScoringError, load_facts, load_indicator_set, score
    from scoring_engine.loader import resolve_set

    from conftest import ROOT

    source = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    document = json.loads(source.read_text(encoding="utf-8"))
    row = next(r for r in document["facts"]["targets"]["output"] if isinstance(r.get("target"), (int, float, str)))
    index = document["facts"]["targets"]["output"].index(row)
    row["target"] = 0
    (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ScoringError) as caught:
        score(load_indicator_set(resolve_set("self-evaluation")), load_facts(tmp_path / "facts.json"))
    problem = caught.value.problems[0]
    assert (str(tmp_path / "facts.json"), None) == (problem.file, problem.line)
    assert f"$.facts.targets.output[{index}].target" == problem.path
    assert problem.message.startswith(f"row {index + 1} ({row['name']}): target must be above 0")


@pytest.mark.parametrize(("target", "actual", "words"), [
    ("≥90%", 88, "actual 88 has no unit, beside the percentage ≥90%"),
    (90, "88%", "target 90 has no unit, beside the percentage 88%"),
])
def test_a_number_without_a_unit_beside_a_percentage_is_refused_not_read_as_8800_percent(target, actual, words,
                                                                                       tmp_path) -> None:
    """满意度 ≥90% with an actual of 88: read as a ratio, 88 is 8800% and took full marks (target 90 with 88%: 0.10
    points). A bare number above 1 beside a percentage is refused with the percentage to write; 0.88 is still 88%."""
    import json

    from scoring_engine import load_facts, load_indicator_set
    from scoring_engine.loader import resolve_set

    from conftest import ROOT

    indicator_set = load_indicator_set(resolve_set("self-evaluation"))
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))

    def scored(t, a):
        document["facts"]["targets"]["satisfaction"] = [{"name": "受益群众满意度", "type": "quantitative", "target": t,
                                                         "actual": a}]
        (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return score(indicator_set, load_facts(tmp_path / "facts.json"))

    with pytest.raises(FactsError) as caught:
        scored(target, actual)
    assert words in caught.value.problems[0].message
    assert "write 88%" in str(caught.value) if actual == 88 else "write 90%" in str(caught.value)
    assert scored("≥90%", 0.88).indicator("satisfaction").score == scored("≥90%", "88%").indicator("satisfaction").score
    with pytest.raises(FactsError) as caught:  # 1.05: 1.05% or 105%? Both are named
        scored("≥90%", 1.05)
    assert "write 1.05% if it is 1.05 percent, or 105% for the ratio 1.05" in str(caught.value)
    with pytest.raises(FactsError) as caught:  # 0.5 beside ≤2% (a 漏损率): 50% read as a ratio, 25 times the target
        scored("≤2%", 0.5)
    assert "write 0.5% if it is 0.5 percent, or 50% for the ratio 0.5" in str(caught.value)


@pytest.mark.parametrize(("target", "actual", "words"), [
    (95, 0.96, "target 95 is read as the ratio 95 (9500%) in a row whose unit is %"),
    (0.95, 60, "actual 60 is read as the ratio 60 (6000%) in a row whose unit is %"),
    (100, 99.999, "target 100 is read as the ratio 100 (10000%) in a row whose unit is %"),
    (5, 0.08, "target 5 and actual 0.08 are on two scales in a row whose unit is % (as ratios, 500% and 8%)"),
])
@pytest.mark.parametrize("unit", ["%", "％"])  # ％: as a Chinese input method types it
def test_a_percentage_without_its_sign_in_a_row_whose_unit_is_percent_is_refused(target, actual, words, unit,
                                                                                 tmp_path) -> None:
    """{target: 95, actual: 0.96, unit: "%"} scored 0.25 of 25 points, and {target: 0.95, actual: 60} full marks at
    "完成率6315.79%", without a word: in a row whose unit is %, numbers are ratios (as import writes them), and one of 10
    or more is a percentage written without its sign. Ratios (0.95 beside 1.2, 120%) are still read."""
    import json

    from scoring_engine import load_facts, load_indicator_set
    from scoring_engine.loader import resolve_set

    from conftest import ROOT

    indicator_set = load_indicator_set(resolve_set("self-evaluation"))
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))

    def scored(t, a):
        document["facts"]["targets"]["satisfaction"] = [{"name": "受益群众满意度", "type": "quantitative", "target": t,
                                                         "actual": a, "unit": unit}]
        (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return score(indicator_set, load_facts(tmp_path / "facts.json"))

    with pytest.raises(FactsError) as caught:
        scored(target, actual)
    assert words in caught.value.problems[0].message
    assert scored(0.95, 1.2).indicator("satisfaction").score == scored("95%", "120%").indicator("satisfaction").score
    assert scored(1.2, 1).indicator("satisfaction").score == scored("120%", "100%").indicator("satisfaction").score


def test_a_row_whose_comparison_is_qualitative_is_read_as_the_set_maps_it() -> None:
    """A Sichuan clerk marks a qualitative row's 指标性质 定性, as the 绩效目标表 does; it was refused with 'write ≥, ≤ or
    ='. 定性 is kept for the group to map (定性: qualitative); beside a numeric target it is refused, saying why."""
    from scoring_engine.target_rows import target_row

    row = target_row(0, {"name": "按期完工", "comparison": " 定性 ", "target": "按期完成", "actual": "达成年度指标"})
    assert ("定性", "达成年度指标") == (row.comparison, row.tier)
    with pytest.raises(ValueError, match="comparison 定性 is for a target in words, but the target '95%' is a number"):
        target_row(0, {"name": "合格率", "comparison": "定性", "target": "95%", "actual": "96%"})


def test_a_true_false_value_in_a_row_is_said_in_words() -> None:
    """A TRUE cell in 实际完成值 read 'got true' (English, and no fix): it is 'a true/false value', with what to write."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as caught:
        target_row(0, {"name": "按期完工", "target": "按期完成", "actual": True})
    assert ("row 1 (按期完工): actual must be a number or text, got a true/false value",
            "write the value reached, or for a row judged in words its tier (达成年度指标…)") == caught.value.args


@pytest.mark.parametrize(("key", "hint"), [
    ("target", "write the target as a number (≥10公里), or for a row judged in words as words (通过验收)"),
    ("weight", "write the weight alone, e.g. 10"), ("score", "write the score alone, e.g. 10")])
def test_a_true_false_value_in_a_rows_target_weight_or_score_gets_that_fields_fix(key: str, hint: str) -> None:
    """QA165 F12: TRUE in a row's target (年度指标值) was told to write the value reached (实际完成的数值), the fix for
    the actual; a weight or score, the same. Each field is told its own fix."""
    from scoring_engine.target_rows import target_row

    row = {"name": "管网长度", "target": "≥10公里", "actual": "9公里", key: True} if key != "score" else \
        {"name": "管网长度", "target": "按期完成", "actual": "达成年度指标", key: True}
    with pytest.raises(ValueError) as caught:
        target_row(0, row)
    assert (f"row 1 (管网长度): {key} must be a number or text, got a true/false value", hint) == caught.value.args


def test_a_quantity_written_with_more_digits_than_the_engine_computes_with_is_refused() -> None:
    """'9.999999999999999999999999999999公里' (31 digits) beside ≥10公里 took full marks: rounded to 28 digits it is 10."""
    from scoring_engine.target_rows import parse_quantity

    with pytest.raises(ValueError, match="a number of 31 significant digits: the engine computes with 28"):
        parse_quantity("9.999999999999999999999999999999公里")
    assert D("9.5") == parse_quantity("9.50000000000000000000000000000公里").value  # trailing zeros are no digits


@pytest.mark.parametrize("written", ["𑽙𑽐公里", "९०公里", "٩٠%", "≥९०"])
def test_a_quantity_in_digits_of_another_script_is_no_quantity_on_any_python(written: str) -> None:
    """QA80 F2: Kawi digits (Unicode 15) were a number (90) on Python 3.12 and text on 3.11, so one row scored full marks
    or failed by the Python reading it. Digits are 0-9 and their full-width forms; any other script's is text,
    whatever Unicode the Python knows."""
    from scoring_engine.target_rows import parse_quantity

    assert parse_quantity(written) is None
    assert D("90") == parse_quantity("９０公里").value  # full-width, as Chinese input methods type them
    for mixed in ("9०公里", "9𑽐公里"):  # a digit of another script after an ASCII one is no unit (QA83 F3)
        with pytest.raises(ValueError, match="is not a number with a unit"):
            parse_quantity(mixed)


@pytest.mark.parametrize(("written", "sign"), [("⩽5000人", "≤"), ("≯5000人", "≤"), ("⩾90%", "≥"), ("≮90%", "≥")])
def test_the_signs_of_gb_standards_are_read(written: str, sign: str) -> None:
    """⩽ and ⩾ (as GB standards print them) and ≯ ≮ (不大于, 不小于 in engineering specs) were read as no sign, and a
    number format showing ⩽ gave a target to reach."""
    from scoring_engine.target_rows import parse_quantity

    found = parse_quantity(written)
    assert found is not None and sign == found.comparison


@pytest.mark.parametrize(("target", "actual", "refused"), [("≥90", "0.95", True), ("≥0.9", "95", True), ("≥100", "0.5", True),
                                                           ("≥10", "9", False), ("≥12", "1", False), ("≥0.5", "0.4", False),
                                                           ("≥90%", "95%", False)])
def test_a_row_with_no_unit_whose_numbers_are_on_two_scales_is_refused(target: str, actual: str, refused: bool) -> None:
    """满意度 written target ≥90 and actual 0.95 (no unit anywhere) scored 0.95 ÷ 90: 1% of the points, without a word;
    0.9 beside 95 took full marks at 10556%. A fraction below 1 beside a number of 10 or more, with no unit, is refused
    with both readings; counts that are merely far apart (12 and 1) are read."""
    from scoring_engine.target_rows import target_row

    if not refused:
        assert target_row(0, {"name": "满意度", "target": target, "actual": actual if "%" in actual else D(actual)}).actual
        return
    with pytest.raises(ValueError, match="have no unit and are on two scales") as caught:
        target_row(0, {"name": "满意度", "target": target, "actual": D(actual)})
    assert "if they are percentages write" in caught.value.args[1]


@pytest.mark.parametrize(("row", "words"), [
    ({"target": 0.9, "actual": "95万元"}, "target 0.9 and actual 95 of a row in 万元 are 106 times apart"),
    ({"target": "≥95公里", "actual": 0.96}, "target 95 and actual 0.96 of a row in 公里 are 99 times apart"),
    ({"target": 1, "actual": 95}, "target 1 and actual 95 have no unit and are on two scales (95 times apart)"),
    ({"target": "≥1", "actual": 95}, "target 1 and actual 95 have no unit"),
    ({"target": 0.9, "actual": "85%%"}, "actual '85%%': a percentage is written with % alone, not %%"),
    ({"target": "≥90%", "actual": "85%个"}, "actual '85%个': a percentage is written with % alone, not %个"),
    ({"target": "90%左右", "actual": "92%"}, "target '90%左右': a percentage is written with % alone, not %左右"),
    ({"target": 100, "actual": "95万元万元"}, "actual '95万元万元': the unit 万元万元 is typed twice"),
    ({"target": "≥5个个", "actual": "5个"}, "target '≥5个个': the unit 个个 is typed twice"),
])
def test_a_bare_number_beside_a_unit_on_two_scales_or_a_mistyped_unit_is_refused_not_given_full_marks(row, words) -> None:
    """满意度 written target 0.9 beside actual '85%%' (a typo) or '95万元', or 1 (100%) beside 95, took full marks at
    9444%, 10556% and 9500%: the unit check saw one unit and the two-scales check looked only at rows without any, and
    only at fractions below 1. A bare number beside a unit is held to the two-scales check (when no unit column puts
    both in one unit), 1 beside a percentage without its sign is refused, and a unit typed twice or glued to % is
    refused, named by the field it is in."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as caught:
        target_row(0, {"name": "满意度", **{k: D(str(v)) if isinstance(v, float) else v for k, v in row.items()}})
    assert words in caught.value.args[0]


@pytest.mark.parametrize(("target", "actual", "unit"), [("≤3个月内", "2个月", "个月"), ("≤1年内", "0.5年", "年"),
                                                     ("≤15个工作日以内", "12个工作日", "个工作日"),
                                                     ("≤72小时之内", "48小时", "小时"),
                                                     ("≤30分钟内", "20分钟", "分钟")])
def test_a_time_limit_ending_in_within_is_in_the_actuals_unit(target: str, actual: str, unit: str) -> None:
    """QA171 F3: a 时效指标 row with target ≤3个月内 and actual 2个月 (or ≤1年内 and 0.5年) was refused as 单位不一致：
    个月内 / 个月. The 内/以内/之内 closing a limit is no part of its unit: the row is in 个月, and scores."""
    from scoring_engine.target_rows import target_row

    row = target_row(0, {"name": "项目完工时限", "category": "时效指标", "target": target, "actual": actual})
    assert (unit, "≤") == (row.unit, row.comparison)
    with pytest.raises(ValueError, match="units disagree"):  # another unit is still another unit
        target_row(0, {"name": "项目完工时限", "target": "≤3个月内", "actual": "2年"})


@pytest.mark.parametrize(("row", "unit"), [({"target": "≤30天完成", "actual": "25天"}, "天"),
                                         ({"target": "3个月内完成", "actual": "2个月"}, "个月"),
                                         ({"target": "≤15个工作日内办结", "actual": "12个工作日"}, "个工作日"),
                                         ({"target": "≤30", "unit": "天完成", "actual": "25天"}, "天"),
                                         ({"target": "≤6个月竣工", "actual": "5个月", "category": "时效指标"}, "个月")])
def test_a_time_limit_ending_in_to_finish_is_in_the_actuals_unit(row, unit) -> None:
    """QA187 F5: ≤30天完成 beside 25天 was refused as 单位不一致：天完成 / 天 (3个月内完成 beside 2个月 too), though ≤30天完成
    was read as a limit in 天 beside a lost date. A closing 完成/办结/完工/竣工 is no part of the unit: the row is in 天, and
    scores; ≥30天完成 is a time to reach (no 内), and ≥3个月内完成 is still refused for its 内."""
    from scoring_engine.target_rows import target_row

    scored = target_row(0, {"name": "项目完成时间", **row})
    assert unit == scored.unit and scored.actual < scored.target, scored
    assert "天" == target_row(0, {"name": "项目完成时间", "target": "≥30天完成", "actual": "35天"}).unit
    with pytest.raises(ValueError, match="a time ending in 内 is a limit"):
        target_row(0, {"name": "项目完成时间", "target": "≥3个月内完成", "actual": "5个月"})
    with pytest.raises(ValueError, match="units disagree"):  # another unit is still another unit
        target_row(0, {"name": "项目完成时间", "target": "≤30天完成", "actual": "2个月"})


def test_a_time_limit_to_finish_scores_through_score(tmp_path) -> None:
    """QA187 F5, through score: 项目完成时间 ≤30天完成 at 25天 exited 1 (单位不一致：天完成 / 天); it takes full marks, exit 0,
    and 3个月内完成 without a sign is told to write ≤3个月内完成 as 3个月内 is."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {"id": "pipes", "name": "项目完成时间", "type": "quantitative_lower", "weight": 20, "target": "≤30天完成", "actual": "25天"}
    document["facts"]["targets"]["output"][0] = row
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 0 == run.exit_code and "实际值25未超过目标值30，得满分20.00分" in run.output, run.output
    from scoring_engine._row_fit import unsigned_target

    said = unsigned_target("时效指标", "3个月内完成", None, "项目完成时间")
    assert said is not None and said[1].startswith("write ≤3个月内完成 for a time limit, or ≥3个月 if"), said


@pytest.mark.parametrize(("target", "unit"), [("3个月内", None), ("30天内", None), ("30 天以内", ""), (3, "个月内"),
                                           (72, "小时之内")])
def test_a_time_limit_ending_in_within_without_a_sign_is_refused_as_any_time_without_one(target, unit) -> None:
    """QA172 F1: a 时效指标 limit written 3个月内 (or 30天内) without a sign was read as a target to reach (≥), so a
    project finished a month late took full marks (实际值4，目标值3，完成率133.33%，得满分) and one finished early lost
    points; 3个月 was refused for its missing sign. A closing 内 makes it a time too: refused, told to write ≤3个月内."""
    from scoring_engine._row_fit import unsigned_target

    said = unsigned_target("时效指标", target, unit, "项目完工时限")
    assert said is not None and "has no sign" in said[0] and said[1].startswith(f"write ≤{target} for a time limit"), said


@pytest.mark.parametrize(("row", "limit", "reach"), [
    ({"target": "≥3个月内"}, "≤3个月内", "≥3个月"), ({"target": ">3个月内"}, "≤3个月内", "≥3个月"),
    ({"target": "不少于3个月内"}, "≤3个月内", "≥3个月"), ({"target": "大于 30 天以内"}, "≤30天以内", "≥30天"),
    ({"target": "＞＝72小时之内"}, "≤72小时之内", "≥72小时"), ({"target": "3个月内", "comparison": "≥"}, "≤3个月内", "≥3个月"),
    ({"target": 3, "unit": "个月内", "comparison": ">="}, "≤3个月内", "≥3个月")])
def test_a_time_limit_ending_in_within_written_with_a_sign_to_reach_is_refused(row, limit, reach) -> None:
    """QA172 F3: a 时效指标 limit written ≥3个月内 (内, within, makes it a limit; ≥ a target to reach) was scored as ≥, so
    a project taking 5 months met it at 166.67%; >3个月内 was told to write ≥ (≥3个月内). Each is refused on its row
    with both readings' spelling: ≤3个月内 for a time limit, ≥3个月 if reaching 3 months was meant."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as refused:
        target_row(0, {"name": "项目完工时限", "category": "时效指标", "actual": "5个月" if "unit" not in row else 5, **row})
    message, hint = refused.value.args
    assert message.startswith("row 1 (项目完工时限): target ") and "a time ending in 内 is a limit" in message, message
    assert hint.startswith(f"write {limit} for a time limit, or {reach} if reaching"), hint


def test_a_time_limit_ending_in_within_written_with_a_sign_to_reach_is_refused_from_a_facts_file(tmp_path) -> None:
    """QA172 F3 through score: a facts file's row ≥3个月内 beside 5个月 took full marks; it is one line in Chinese naming
    the fact and the row, with the fix, exit 1; 3个月内 without a sign is no longer told to write ≥3个月内."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][1] = {"id": "time", "name": "项目完工时限", "category": "时效指标", "weight": 10,
                                                 "target": "不少于3个月内", "actual": "5个月"}
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 1 == run.exit_code and 1 == len(run.output.splitlines()), run.output
    assert "（targets.output）：第 2 行（项目完工时限）：指标值 '不少于3个月内' 写的是要达到的时间（≥3个月），但以“内”结尾的时间是" \
           "时限（3个月之内）" in run.output and "（时限写 ≤3个月内；如本意是至少达到 3个月，写 ≥3个月）" in run.output, run.output
    from scoring_engine._row_fit import unsigned_target

    assert "≥3个月内" not in unsigned_target("时效指标", "3个月内", None, "项目完工时限")[1]  # type: ignore[index]


@pytest.mark.parametrize("row", [{"target": "≤6个月", "actual": 45519.0}, {"target": "≤30天", "actual": 45519},
                                 {"target": 6, "unit": "个月", "actual": 45519.0}, {"target": "≤3个月内", "actual": 45519},
                                 {"target": "2024年12月底前", "actual": 45519.0}, {"target": "≤72小时", "actual": 45519.0},
                                 {"target": "≤6个月", "actual": 45519.0, "category": "时效指标"}])
def test_a_day_number_beside_a_time_in_a_facts_files_row_is_refused_as_a_date(row) -> None:
    """A facts file's (or a program's) target row naming no 二级, beside ≤6个月, ≤30天 or 2024年12月底前, with an actual
    of 45519 or 45519.0 (a date that lost its format) was scored as 45519 months or days (0 points, exit 0); a float
    was so even in a 时效指标 row. It is refused as a form's cell is, with the date it stands for."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as refused:
        target_row(0, {"name": "项目完工时限", **row})
    message, hint = refused.value.args
    assert re.match(r"row 1 \(项目完工时限\): actual '45519(\.0)?' of a 时效指标 row is a date that lost its format \(Excel's "
                    r"day number of 2024-08-15\)", message), message
    assert "or the time taken as an amount" in hint


@pytest.mark.parametrize(("row", "actual"), [({"target": "≤365天", "actual": 400.0}, D(400)),
                                             ({"target": "≥40000小时", "actual": 43800.0}, D(43800)),
                                             ({"target": "≥38000吨/日", "actual": 45519.0}, D(45519)),
                                             ({"target": "≤6个月", "actual": 45519, "category": "数量指标"}, D(45519)),
                                             ({"target": 6, "actual": 45519}, D(45519))])
def test_a_large_time_or_an_amount_beside_no_time_of_days_still_scores_from_a_facts_file(row, actual) -> None:
    """The bound of the day-number test, as the forms': 400 beside ≤365天 is a time taken (no time of days or longer
    reaches 2000–2049's day numbers, 100 years and more); hours of that order, a rate, a row of another 二级 or with no
    unit at all are read as their numbers."""
    from scoring_engine.target_rows import target_row

    assert actual == target_row(0, {"name": "项目完工时限", **row}).actual


def test_a_day_number_in_a_facts_file_is_one_line_naming_the_fact_and_row(tmp_path) -> None:
    """Through score: a YAML facts file's row ≤6个月 (no 二级) with actual 45519.0 scored 0.00 (实际值45519超过目标值6),
    exit 0; it is one line in Chinese naming the fact, the row and the fix, exit 1."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {"id": "time", "name": "项目完工时限", "weight": 10, "target": "≤6个月", "actual": 45519.0}
    document["facts"]["targets"]["output"][1] = row
    (facts := tmp_path / "facts.yaml").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 1 == run.exit_code and 1 == len(run.output.splitlines()), run.output
    assert "（targets.output）：第 2 行（项目完工时限）：时效指标行的实际完成值 '45519.0' 是失去日期格式的日期（Excel 中 " \
           "2024-08-15 的日序数）" in run.output and "或把所用时间写成数量（≤6个月）" in run.output, run.output


@pytest.mark.parametrize("row", [{"target": "≥40000天", "actual": 45000}, {"target": 40000, "unit": "天", "actual": 45000},
                                 {"target": "≥3000小时", "actual": 40000}, {"target": "不少于6个月", "actual": 45519},
                                 {"target": "≤3654天", "actual": 45519}, {"target": "≤11年", "actual": 45519}])
def test_a_count_of_days_or_a_time_to_reach_in_a_facts_files_row_scores_as_its_number(row) -> None:
    """QA183 F1: a facts file's row naming no 二级 that counts days served (日间照料累计服务天数 ≥40000天, or 40000 in 天)
    or hours to reach (≥3000小时) was refused as a date that lost its format, its actual (45000) being a day number;
    it scored 112.50% before. Only a time limit of ten years at most (≤6个月, ≤30天, 6个月) makes a day number a date."""
    from scoring_engine.target_rows import target_row

    assert D(row["actual"]) == target_row(0, {"name": "日间照料累计服务天数", **row}).actual


@pytest.mark.parametrize("row", [{"target": "≤3653天", "actual": 45519}, {"target": "≤10年", "actual": 45519},
                                 {"target": "1年内", "actual": 45519}, {"target": 30, "unit": "天", "actual": 45519},
                                 {"target": "≤120个月", "actual": 45519}, {"target": "≤3000小时", "actual": 45519}])
def test_a_day_number_beside_a_time_limit_of_ten_years_or_less_is_still_refused(row) -> None:
    """QA183 F1's bound: beside a time limit of ten years at most in its unit, a day number is still a date."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"a date that lost its format \(Excel's day number of 2024-08-15\)"):
        target_row(0, {"name": "项目完工时限", **row})


@pytest.mark.parametrize(("target", "actual"), [("2024年底前完成40000户", 41000), ("2024年投入50000万元", 50000),
                                                ("上半年完成40000人次", 41000), ("2024年完成40000户改造", 40000)])
def test_a_target_in_words_with_a_year_and_an_amount_is_no_date(target, actual) -> None:
    """QA183 F2: a facts file's row naming no 二级 whose target is words with a year and an amount (2024年底前完成40000户
    at 41000) was told its actual is a date that lost its format; it is told, as before, that the target is words and
    the actual a number. A date and nothing more (2024年12月底前) still makes the day number beside it a date."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"is no number, so the row is qualitative, but actual is a number"):
        target_row(0, {"name": "农村改厕户数", "target": target, "actual": actual})


@pytest.mark.parametrize("target", ["2024年12月底前", "2024年底前", "12月底前完成", "≤2024.12", "2024-12-31前", "上半年",
                                    "2024年12月31日前完成", "第四季度末"])
def test_a_day_number_beside_a_date_alone_in_a_facts_files_row_is_refused(target) -> None:
    """QA183 F2's bound: beside a target that is a date and nothing more, a day number is still a date."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"a date that lost its format \(Excel's day number of 2024-08-15\)"):
        target_row(0, {"name": "项目完工时间", "target": target, "actual": 45519})


@pytest.mark.parametrize("row", [{"target": 2024, "unit": "年", "actual": 45519}, {"target": 2024, "unit": "年度", "actual": 45519},
                                 {"target": 2024, "actual": 45519}, {"target": "2024", "actual": 45519},
                                 {"target": "≤30天完成", "actual": 45519}, {"target": 30, "unit": "天完成", "actual": 45519},
                                 {"target": "3个月内完成", "actual": 45519}])
def test_a_day_number_beside_a_year_or_a_limit_in_days_to_finish_is_refused_as_a_lost_date(row) -> None:
    """QA185 F2: a facts file's row naming no 二级 with target 2024 in 年 (or 2024 with no unit) beside 45657 scored
    完成率2255.78%, full marks; 2024 is a year, so the day number beside it is a date that lost its format, as it was
    before QA183 F1. ≤30天完成 is a limit in 天 as ≤30天 is."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"a date that lost its format \(Excel's day number of 2024-08-15\)"):
        target_row(0, {"name": "项目完成时间", **row})


@pytest.mark.parametrize("row", [{"target": 2024, "unit": "年", "actual": 2024}, {"target": 2000, "actual": 2100},
                                 {"target": 2024.5, "actual": 45519}, {"target": 2200, "unit": "年", "actual": 45519}])
def test_a_year_beside_no_day_number_or_a_number_no_year_still_scores(row) -> None:
    """QA185 F2's bound: a year beside a number that is no day number, or a target that is no year of 1900–2099, scores."""
    from scoring_engine.target_rows import target_row

    assert D(str(row["actual"])) == target_row(0, {"name": "服务人次", **row}).actual


def test_a_year_target_beside_a_lost_date_is_refused_through_score(tmp_path) -> None:
    """QA185 F2, through score: 项目完成时间 target 2024 in 年 at 45657 scored 完成率2255.78%，得满分; it is refused (exit 1)
    naming the row and the date, Excel's 2024-12-31."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {"id": "t1", "name": "项目完成时间", "weight": 20, "target": 2024, "unit": "年", "actual": 45657}
    document["facts"]["targets"]["output"][0] = row
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 1 == run.exit_code and "第 1 行（项目完成时间）" in run.output and "2024-12-31 的日序数" in run.output, run.output


@pytest.mark.parametrize("row", [{"name": "项目完成期限", "target": 2024}, {"name": "竣工期限", "target": "≤2024", "unit": "年"},
                                 {"name": "项目完成时间", "target": "≥2024", "unit": "年"},
                                 {"name": "项目完成时间", "target": "≤2024"}, {"name": "项目实施时间", "target": 2024},
                                 {"name": "项目交付使用时间", "target": 2024}, {"name": "资金拨付时间", "target": 2024}])
def test_a_year_with_a_sign_or_in_a_deadline_row_beside_a_day_number_is_refused_as_a_lost_date(row) -> None:
    """QA188 F1: QA187 F1's narrowing scored 项目完成期限 2024 at 45657 (完成率2255.78%，得满分) and ≤2024 in 年 at 45657
    (0.89分): a year with a sign is still a year where its unit (年) or its row's name (…期限, 实施/交付使用/拨付时间)
    says the row holds a date, and the day number beside it a lost date."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"a date that lost its format \(Excel's day number of 2024-12-31\)"):
        target_row(0, {**row, "actual": 45657})


def test_a_date_written_with_a_closing_word_in_a_time_row_is_refused_as_a_date() -> None:
    """QA188 F2: ≤2024.12完成 against 2025.03完成 on a 时效指标 row took 2024.12 ÷ 2025.03 of the points (19.99 of 20 for
    three months late), though without 完成 it is refused as a date: the closing 完成 is no unit of its own."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=r"actual '2025.03完成' of a 时效指标 row is a date"):
        target_row(0, {"name": "项目完成时间", "category": "时效指标", "type": "quantitative_lower", "target": "≤2024.12完成",
                       "actual": "2025.03完成"})


@pytest.mark.parametrize("row", [{"name": "新增受益人口（人）", "target": 2000, "actual": 40000},
                                 {"name": "新增受益人口（人）", "target": "≥2000", "actual": 38000},
                                 {"name": "新增受益人口（人）", "target": "不少于2000", "actual": 38000},
                                 {"name": "改造户数（户）", "target": "2050", "actual": "40000"},
                                 {"name": "年度培训人次", "target": 2000, "actual": 40000}])
def test_a_bare_count_of_about_2000_beside_tens_of_thousands_scores_as_a_count(row) -> None:
    """QA187 F1: 新增受益人口（人） target 2000 (no unit) at 40000 was refused as a 时效指标 lost date since QA185 F2 read
    any bare 1900–2099 as a year; at a97ca53 it scored 完成率2000.00%. Only 2024 in 年/年度, or a bare 2024 in a row whose
    name says it holds a date (项目完成时间), is a year; a target with a sign (≥2000, 不少于2000) never is."""
    from scoring_engine.target_rows import target_row

    assert D(str(row["actual"])) == target_row(0, row).actual


def test_a_signed_actual_beside_a_signed_count_is_told_of_its_sign_not_a_lost_date() -> None:
    """QA187 F1: 植树数量（株） ≥2000 at ≥40000 was told 带有比较符号 before QA185 F2, then called a lost date; it is told of
    its sign again."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match="has a comparison sign"):
        target_row(0, {"name": "植树数量（株）", "target": "≥2000", "actual": "≥40000"})


def test_a_bare_count_of_2000_scores_through_score(tmp_path) -> None:
    """QA187 F1, through score: the self-evaluation facts with benefit 新增受益人口（人） 2000 at 40000 and no unit exited 1
    (实际完成值 '40000' 是失去日期格式的日期); it scores 完成率2000.00%, exit 0."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {"id": "people", "name": "新增受益人口（人）", "type": "quantitative", "weight": 15, "target": 2000, "actual": 40000}
    document["facts"]["targets"]["benefit"][0] = row
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 0 == run.exit_code and "完成率2000.00%" in run.output, run.output


def test_a_count_of_days_served_scores_through_score(tmp_path) -> None:
    """QA183 F1, through score: 日间照料累计服务天数 ≥40000天 at 45000 in a facts file's row was refused (exit 1, 时效指标行的
    实际完成值 '45000' 是失去日期格式的日期); it scores 完成率112.50%，得满分20.00分, exit 0."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {"id": "days", "name": "日间照料累计服务天数", "weight": 20, "target": "≥40000天", "actual": 45000}
    document["facts"]["targets"]["output"][0] = row
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 0 == run.exit_code and "实际值45000，目标值40000，完成率112.50%，达到目标，得满分20.00分" in run.output, run.output


@pytest.mark.parametrize("row", [{"target": 10, "actual": "10公里"}, {"target": "≥12个", "actual": 1},
                                 {"target": "≤0.5万元", "actual": "0.6万元"}, {"target": 0.9, "actual": "3天"},
                                 {"target": "≥90%", "actual": "85%"}, {"target": 5000, "actual": 5200, "unit": "人"},
                                 {"target": "≤3mm", "actual": "2mm"}, {"target": "≥500cc", "actual": "520cc"},
                                 {"target": 0.5, "actual": 12, "unit": "次"}, {"target": "≤0.5次", "actual": "12次"},
                                 {"target": 0.9, "actual": 712.42, "unit": "万元"}, {"target": "≥1", "actual": 150},
                                 {"target": "≥1个", "actual": 95}])
def test_a_unit_written_on_one_side_only_is_still_the_rows_unit_when_the_numbers_agree_in_scale(row) -> None:
    """A target of 10 beside an actual of '10公里' is one row in 公里, as the 绩效目标表 often writes it; a unit column
    puts both sides in its unit (≤0.5次 planned and 12 happened is a target missed, scored as one whichever way the unit
    is written); mm and cc are units, not a unit typed twice; ≥1 beside 150 may be a count."""
    from scoring_engine.target_rows import target_row

    assert target_row(0, {"name": "满意度", **row}).actual is not None


def test_a_cost_row_of_a_facts_file_without_a_sign_is_refused_as_on_a_form_not_scored_as_a_target_to_reach(tmp_path) -> None:
    """A 成本指标 row written {category: 成本指标, target: 100万元} with no comparison nor type was scored as ≥: a 30%
    overspend took 18 of 20 and a 10% saving lost points. The form without 指标性质 refused it; a facts file does too,
    saying to write ≤ (a row with its type, or a group whose sign chooses nothing, is scored as before)."""
    import json

    from scoring_engine import load_facts, load_indicator_set, score
    from scoring_engine.loader import resolve_set

    from conftest import ROOT

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    rows = document["facts"]["targets"]["output"]
    rows.append({"name": "保洁服务费", "category": "成本指标", "target": "100万元", "actual": "130万元", "weight": 1})
    (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(resolve_set("self-evaluation")), load_facts(tmp_path / "facts.json"))
    said = [p for p in caught.value.problems if "保洁服务费" in p.message]
    assert said and ("target 100万元 has no sign, and a 成本指标 row without one is scored as a target to reach (≥)"
                     in said[0].message) and said[0].hint.startswith("write ≤100万元 for a ceiling")


_FRACTIONS = """
id: fractions
name: 分数扣分
version: "1"
precision: {precision}
total: 10
grades:
  - {{label: 合格, min: 6}}
  - {{label: 不合格, min: 0}}
facts:
  f.issues: {{type: list, label: 问题}}
  c.a: {{type: number, min: 0, max: 1, label: 要点甲}}
  c.b: {{type: number, min: 0, max: 1, label: 要点乙}}
  c.f: {{type: list, label: 要点乙问题}}
indicators:
  - id: d
    name: 每处扣2/3分
    weight: 5
    rule: {{kind: deduction, findings: f.issues, points_each: 2/3}}
  - id: k
    name: 两要点
    weight: 5
    rule:
      kind: checklist
      elements:
        - {{name: 甲, met: c.a}}
        - {{name: 乙, findings: c.f, share_each: 1/6, zero_at_count: 3}}
"""


@pytest.mark.parametrize(("precision", "d", "k"), [(1, "2.7", "2.3"), (0, "3", "2")])
def test_a_score_exactly_at_a_half_through_fractions_rounds_half_up(precision: int, d: str, k: str) -> None:
    """5 − 3 × 2/3 − 0.35 is 2.65, but 2/3 carried to 28 digits made it 2.6499…9 and it printed 2.6 (not 2.7); a
    checklist element at its zero_at_count with share_each 1/6 ended −1e-27 below 0, and 2.25 + 0 printed 2 at precision
    1. Scores are taken to 20 decimals before they are rounded half up."""
    from scoring_engine import parse_indicator_set, score

    indicator_set = parse_indicator_set(_FRACTIONS.format(precision=precision))
    result = score(indicator_set, {"f": {"issues": ["一", {"text": "二", "points": 0.35}, "三", "四"]},
                                   "c": {"a": 0.9, "b": 0, "f": ["一", "二", "三"]}})
    assert (D(d), D(k)) == (result.indicator("d").score, result.indicator("k").score)


def test_a_row_giving_both_a_tier_and_a_numeric_actual_is_refused() -> None:
    """QA26 F5: a qualitative row with "actual": 90 beside its tier was scored by the tier without a word (the 90 read
    nowhere), and the form written from it put 90 where the tier belongs. One of the two is a slip: refused, saying
    which a row of each kind gives. The tier written twice, as text in actual too, stays accepted."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as caught:
        target_row(0, {"name": "竣工验收", "type": "qualitative", "target": "合格", "tier": "达成年度指标", "score": 20,
                       "actual": 90})
    assert ("row 1 (竣工验收): gives both a tier and an actual value, and only one of them is read",
            "a qualitative row gives its tier (档次), a quantitative row its actual value: leave out the other") == \
        caught.value.args
    assert "达成年度指标" == target_row(0, {"name": "竣工验收", "target": "合格", "tier": "达成年度指标",
                                           "actual": "达成年度指标", "score": 20}).tier


def test_a_quantitative_row_giving_a_score_is_refused() -> None:
    """QA27 F7: a score on a row scored from its actual value (新建供水管网长度 ≥10公里, 9.3公里, "score": 5) was read
    nowhere and nothing was said. Refused, saying why and what a row judged by its tier gives instead."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError) as caught:
        target_row(0, {"name": "新建供水管网长度", "target": "≥10公里", "actual": "9.3公里", "score": 5})
    assert ("row 1 (新建供水管网长度): gives both a score and a numeric actual value, and only one of them is read",
            "a row judged by its tier gives its tier (档次) and score, a row scored from its actual value no score: leave out "
            "the other") == caught.value.args


def test_thousands_of_not_applicable_entries_of_no_indicator_are_twenty_lines_and_a_count() -> None:
    """QA38 F9: 40,000 not_applicable keys naming no indicator printed 40,024 lines; a batch stops at 20. So does score."""
    import json

    from conftest import ROOT
    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("national-framework"),
              Facts(values=document["facts"], not_applicable={f"x{i}": "不适用" for i in range(1000)}))
    problems = caught.value.problems
    assert 21 == len(problems) and "980 more not_applicable entries are refused as these are" == problems[-1].message


def test_a_blank_reason_past_twenty_unknown_not_applicable_ids_is_still_shown() -> None:
    """QA39 F11: past 20 unknown ids, a mark of a real indicator with a blank reason was counted as "refused as these
    are", though it is fixed another way. The first problem of each other kind is shown, then the count."""
    import json

    from conftest import ROOT
    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    marked = {**{f"x{i}": "不适用" for i in range(25)}, "benefit": "   ", "output": ""}
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("national-framework"), Facts(values=document["facts"], not_applicable=marked))
    problems = caught.value.problems
    assert [("give the reason the indicator does not apply", "benefit"),
            ("6 more not_applicable entries are refused as these are", None)] == \
        [(p.message, p.indicator) for p in problems[20:]]


def test_a_mark_of_an_indicator_the_profile_removes_past_twenty_unknown_ids_is_still_shown(tmp_path) -> None:
    """QA43 F7: past 20 mistyped ids, a mark of an indicator the profile removes (fixed by deleting it, not correcting
    it) was counted as "refused as these are". It is shown, as the first of its kind."""
    import json

    from conftest import ROOT
    from scoring_engine import load_indicator_set

    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\nid: p\nremove: [output.cost]\nchange:\n  output: {rescale: true}\n",
                       encoding="utf-8")
    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    marked = {**{f"x{i}": "不适用" for i in range(25)}, "output.cost": "不涉及成本"}
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(profile), Facts(values=document["facts"], not_applicable=marked))
    assert "$.not_applicable.output.cost" == caught.value.problems[20].path


def test_a_marked_target_row_past_twenty_unknown_ids_is_still_shown(tmp_path) -> None:
    """QA45 F9: a 不适用 mark of a target row (fixed by deleting the row, or marking its group) past 20 mistyped ids was
    counted "refused as these are"; it is shown, as the first of its kind."""
    import json

    from conftest import ROOT
    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    marked = {**{f"x{i}": "不适用" for i in range(25)}, "output.1": "不涉及"}
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("self-evaluation"), Facts(values=document["facts"], not_applicable=marked))
    assert "$.not_applicable.output.1" == caught.value.problems[20].path


def test_a_not_applicable_entry_without_an_id_is_said_so_in_either_language() -> None:
    """QA39 F11: an empty key was 'not_applicable names unknown indicator ' (nothing named), in English under Chinese."""
    import json

    from conftest import ROOT
    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("national-framework"), Facts(values=document["facts"], not_applicable={" ": "不适用"}))
    [problem] = caught.value.problems
    assert "not_applicable has an entry without an indicator id" == problem.message
    assert "not_applicable 中有一项没有写指标编号（写明不适用的指标的编号）" in problem.text("zh")


def test_a_zero_budget_is_said_on_the_fact_behind_the_divisor_with_what_the_facts_may_do():
    """QA48 F2: a 全年预算数 of 0 was "fact execution_base" (a derived value) divided by zero, with a fix to the bundled
    set's formula, which no clerk may make. It names budget.total = 0 and the indicator to mark not applicable; marked
    so, the project scores."""
    import json
    from pathlib import Path

    from scoring_engine import load_indicator_set

    root = Path(__file__).resolve().parent.parent
    document = json.loads((root / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"].update(total=0, paid=0)
    indicator_set = load_indicator_set("self-evaluation")
    with pytest.raises(ScoringError) as caught:
        score(indicator_set, Facts(values=document["facts"]))
    problem = caught.value.problems[0]
    assert "budget.total" == problem.fact and "division by zero: execution_base is 0 (budget.total = 0)" in problem.message
    assert "if it is so, mark budget not applicable, with the reason; else give the right budget.total" == problem.hint
    marked = score(indicator_set, Facts(values=document["facts"], not_applicable={"budget": "本年度未安排预算"}))
    assert D(0) == marked.indicator("budget").weight


def test_a_zero_budget_in_a_facts_file_is_said_of_that_file_not_of_the_sets(tmp_path):
    """QA305 2: scoring a facts file whose budget.total is 0 said the bundled set's file and line first
    (…/indicator_sets/self-evaluation.yaml:111), inside the installed package, and named the facts file nowhere; the
    fix is the facts', so the problem is said of the facts file, at the fact."""
    import json
    from pathlib import Path

    from scoring_engine import load_facts, load_indicator_set

    root = Path(__file__).resolve().parent.parent
    document = json.loads((root / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"].update(total=0, paid=0)
    facts_file = tmp_path / "zero.json"
    facts_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ScoringError) as caught:
        score(load_indicator_set("self-evaluation"), load_facts(facts_file))
    problem = caught.value.problems[0]
    assert (str(facts_file), None, "$.facts.budget.total") == (problem.file, problem.line, problem.path)
    assert str(problem).startswith(f"{facts_file}: indicator budget: derived value execution_rate: division by zero")


def test_a_divisor_written_as_an_expression_is_said_zero_not_the_fact_it_reads():
    """QA81 F1: a derived value divided by `cost - 186` with cost = 186 said "cost is 0", and sent the clerk to correct a
    right value. The divisor as the set writes it is 0, with the values of the facts it reads; the fix may be the facts
    or the set's divisor. A divisor that is one name is still said by that name."""
    text = one_indicator("{kind: formula, rate: saving}", facts="cost: {type: number}\nderived:\n  saving: "
                         "{expr: '(200 - cost) / (cost - 186)'}")
    with pytest.raises(ScoringError) as caught:
        score(parse_indicator_set(text), {"cost": 186})
    problem = caught.value.problems[0]
    assert "derived value saving: division by zero: its divisor cost - 186 is 0 (cost = 186)" == problem.message
    assert ("cost", "a") == (problem.fact, problem.indicator)
    assert "if it is so, mark a not applicable, with the reason; else check cost, and the divisor the set writes" == problem.hint
    assert ("派生值 saving：除数为零：除数 cost - 186 为 0（cost = 186）" in problem.text("zh")
            and "否则核对 cost，以及指标体系所写的除数" in problem.text("zh"))
    # QA83 F1: of several divisors made of the same facts, the one that is 0 is named, a name one too
    for formula in ("1 / (cost - 1) + 1 / (cost - 186)", "1 / cost + 1 / (cost - 186)"):
        twice = one_indicator("{kind: formula, rate: saving}", facts=f"cost: {{type: number}}\nderived:\n  saving: "
                              f"{{expr: '{formula}'}}")
        with pytest.raises(ScoringError) as caught:
            score(parse_indicator_set(twice), {"cost": 186})
        assert "derived value saving: division by zero: its divisor cost - 186 is 0 (cost = 186)" == \
            caught.value.problems[0].message
    named = one_indicator("{kind: formula, rate: saving}", facts="cost: {type: number}\nderived:\n  saving: "
                          "{expr: '(200 - cost) / cost'}")
    with pytest.raises(ScoringError) as caught:
        score(parse_indicator_set(named), {"cost": 0})
    assert "derived value saving: division by zero: cost is 0" == caught.value.problems[0].message


def test_a_zero_divisor_s_hint_names_only_the_indicators_that_fail_on_it_not_those_scoring_it_as_a_numerator():
    """QA153 F3: with budget.arrived and budget.paid 0, the hint said to mark process.execution and process.funding
    不适用; but 资金到位率 (process.funding) reads budget.arrived only over budget.total and scores 0.00 rightly: marked, it
    took its full 5 points, 76.73 中 became 81.73 良. The hint names the indicators that fail on the division: those
    reading the derived value, directly or through others, and those dividing by the zero fact in their own formula."""
    facts = load_facts(ROOT / "examples" / "small" / "facts.json")
    facts.values["budget"].update(arrived=0, paid=0)
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    with pytest.raises(ScoringError) as caught:
        score(small, facts)
    problem = caught.value.problems[0]
    assert "if it is so, mark process.execution not applicable, with the reason; else give the right budget.arrived" == \
        problem.hint
    assert "把 process.execution 标为不适用并写明理由" in problem.text("zh")
    followed = score(small, Facts(values=facts.values, not_applicable={"process.execution": "资金由财政直接支付"}))
    assert (D("0.00"), D("76.73"), "中") == (followed.indicator("process.funding").score, followed.total, followed.grade)
    leaves = "".join(f"  - {{id: {i}, name: {i}, weight: 10, rule: {{kind: formula, rate: '{rate}'}}}}\n" for i, rate in (
        ("chained", "pct / 100"), ("own", "min(paid / (arrived * 2), 1)"), ("numerator", "share"), ("kept", "paid / (arrived + 1)")))
    text = ("id: t\nname: t\nversion: '1'\ntotal: 40\ngrades: [{label: 优, min: 0}]\n"
            "facts: {arrived: {type: number}, paid: {type: number}}\n"
            "derived: {rate: paid / arrived, pct: rate * 100, share: arrived / 100}\nindicators:\n" + leaves)
    with pytest.raises(ScoringError) as caught:
        score(parse_indicator_set(text), {"arrived": 0, "paid": 0})
    assert caught.value.problems[0].hint.startswith("if it is so, mark chained, own not applicable, with the reason")


@pytest.mark.parametrize("row, refused", [
    ({"target": "≥1万人", "actual": 9600}, True), ({"target": 0.5, "actual": 5200, "unit": "万人"}, True),
    ({"type": "quantitative", "target": 0.5, "actual": 5200, "unit": "万人"}, True),
    ({"target": "≥0.5万人", "actual": "5200万人"}, True), ({"target": 2, "actual": 2000, "unit": "个"}, True),
    ({"target": "≥1", "actual": 999}, False), ({"target": 0.9, "actual": 712.42, "unit": "万元"}, False),
    ({"target": "≤1", "actual": 5000, "unit": "次"}, False), ({"target": "≤0.5次", "actual": "12次"}, False),
    ({"type": "quantitative_lower", "target": 1, "actual": 1200, "unit": "次"}, False)])
def test_a_row_reached_a_thousand_times_over_is_refused_however_its_unit_is_written(row, refused) -> None:
    """QA72 F1: ≥1万人 beside a bare 9600 (people counted in 人) took full marks at 完成率960000%, and 0.5 beside 5200 was
    refused with the unit written in the target but given full marks with it in the unit column (度量单位, `unit`). A row
    whose rule is not a ceiling, reached 1,000 times over or more, is refused as two scales whichever way its unit is
    written; a ceiling far exceeded, by its sign or by its type (QA73 F4), is a failure the row scores, and 999 times a
    target of 1 may be counts."""
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    benefit = facts.values["targets"]["benefit"]
    benefit[0] = {"id": "people", "name": "受益人口", "weight": 15, **{k: D(str(v)) if isinstance(v, float) else v
                                                                     for k, v in row.items()}}
    indicator_set = load_indicator_set("self-evaluation")
    if refused:
        with pytest.raises(FactsError) as caught:
            score(indicator_set, facts)
        assert any("times apart" in p.message for p in caught.value.problems), caught.value.problems
    else:
        assert score(indicator_set, facts).indicator("benefit.people").score is not None


def test_a_grade_label_given_twice_says_which_grade_has_it_too():
    """QA82 F8: 'grade label 良 used twice' gave no fix, and the 需说明 condition naming the grade it replaced was said
    first, in file order; the label's line says which grade has it too."""
    text = one_indicator("{kind: formula, score: v}").replace(
        "grades: [{label: 优, min: 9}, {label: 差, min: 0}]", "grades: [{label: 优, min: 9}, {label: 优, min: 5}, {label: 差, min: 0}]")
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text)
    [problem] = [p for p in caught.value.problems if "used twice" in p.message]
    assert "give each grade a label of its own: grade 1 is 优 too" == problem.hint


def test_a_judged_score_refused_under_a_rescaled_weight_says_it_is_on_the_declared_one():
    """With 满意度 not applicable, the report shows 运营管护机制 at 6 points; a unit that judged 5.5 of those 6 was refused
    with the range [3.2, 4], which no report of the project prints (QA97 F3): the hint says the score is on the declared
    weight 4, which the reports show as 6."""
    import json

    from scoring_engine import ScoringError, load_indicator_set, parse_facts

    from conftest import ROOT

    document = json.loads((ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["not_applicable"] = {"satisfaction": "未设置满意度指标"}
    row = next(r for r in document["facts"]["targets"]["benefit"] if r.get("type") == "qualitative")
    row.update(tier="达成年度指标", score=row["weight"] * 1.375)
    with pytest.raises(ScoringError) as caught:
        score(load_indicator_set("cost-type-self-evaluation"), parse_facts(json.dumps(document, ensure_ascii=False)))
    hint = caught.value.problems[0].hint
    assert hint.endswith(f"a score the facts give is on the declared weight {row['weight']}, which the reports show as 6 "
                         "(不适用 elsewhere)"), hint


NEGATIVE_ZERO_SET = """\
id: t
name: t
version: '1'
facts:
  plan: {type: number, min: 0}
  actual: {type: number, min: 0}
  a: {type: number}
derived:
  saved: {expr: "(actual - plan) / plan * -1"}
  least: {expr: "min(a * -1, 0)"}
grades: [{label: 优, min: 90}, {label: 差, min: 0}]
indicators:
  - {id: saving, name: 节约, weight: 40, rule: {kind: formula, rate: "(actual - plan) / plan * -1"}}
  - {id: minus, name: 负值, weight: 30, rule: {kind: formula, score: "a * -1"}}
  - {id: share, name: 比例, weight: 30, rule: {kind: proportional, value: "a * -1", target: 1}}
"""


def _signed_zeros(values: object) -> list[object]:
    """Every Decimal zero with a minus sign among `values`, looked for through dicts, lists and tuples."""
    if isinstance(values, D):
        return [values] if not values and values.is_signed() else []
    if isinstance(values, dict):
        return [z for v in values.values() for z in _signed_zeros(v)]
    if isinstance(values, (list, tuple)):
        return [z for v in values for z in _signed_zeros(v)]
    return []


def test_a_score_of_zero_times_minus_one_is_zero_never_minus_zero():
    """0 × -1 (a saving rate of plan = actual, a value a × -1 with a = 0) scores 0: the JSON writes "score": 0.00, and the
    Python API's scores, raw scores, derived values, scores_only and to_dict hold 0, never -0.00 (QA191 F1)."""
    from scoring_engine import render, scores_only

    indicator_set = parse_indicator_set(NEGATIVE_ZERO_SET)
    facts = {"plan": 100, "actual": 100, "a": 0}
    result = score(indicator_set, facts)
    assert [] == _signed_zeros([(i.score, i.raw_score) for i in result.walk()])
    assert [] == _signed_zeros([d.value for d in result.derived])
    assert [] == _signed_zeros(result.to_dict())
    assert [] == _signed_zeros(dict(scores_only(indicator_set, facts).scores))
    assert "-0" not in render(result, "json")
    assert 'width="-' not in render(result, "html")


def test_a_rule_kind_that_gives_minus_zero_scores_zero(monkeypatch):
    """A rule kind's own arithmetic giving -0 (a negative times 0) is scored 0: the leaf's score, its raw score, the
    JSON and scores_only never hold -0.00, whatever kind computed it (QA191 F1: the engine kept a raw -0 as in range)."""
    import dataclasses

    from scoring_engine import render, scores_only
    from scoring_engine.rules import RULE_KINDS

    formula = RULE_KINDS["formula"]

    def negated(params, weight, facts):  # the formula kind's outcome, its score negated: 0 gives -0
        outcome = formula.score(params, weight, facts)
        return outcome._replace(score=outcome.score.copy_negate())

    monkeypatch.setitem(RULE_KINDS, "formula", dataclasses.replace(formula, score=negated))
    indicator_set = parse_indicator_set(one_indicator("{kind: formula, score: v}"))
    result = score(indicator_set, {"v": 0})
    assert [] == _signed_zeros([(i.score, i.raw_score) for i in result.walk()] + [result.total])
    assert [] == _signed_zeros(dict(scores_only(indicator_set, {"v": 0}).scores))
    assert '"score": -' not in render(result, "json") and not result.warnings


def test_a_derived_value_that_underflows_to_zero_is_written_0_not_a_thousand_zeros():
    """A product of 80 factors of 1E-15 underflows to a zero of exponent about -1000 (with a minus sign, -0E…): the JSON
    report wrote "value": 0.000… with over a thousand zeros (QA203 11). Any zero a formula gives is 0, as a fact's is: the derived value and the
    formula rule's raw score hold Decimal 0, and the JSON writes 0."""
    from scoring_engine import render

    product = " * ".join(["tiny"] * 80)
    indicator_set = parse_indicator_set(f"""id: t
name: t
version: '1'
facts:
  tiny: {{type: number}}
derived:
  under: {{expr: "{product}"}}
  minus: {{expr: "-1 * {product}"}}
grades: [{{label: 合格, min: 0}}]
indicators:
  - {{id: x, name: 甲, weight: 100, rule: {{kind: formula, score: "{product}"}}}}
""")
    result = score(indicator_set, {"tiny": D("1E-15")})
    assert [("0", False)] * 2 == [(str(d.value), d.value.is_signed()) for d in result.derived]
    assert "0" == str(result.indicator("x").raw_score)
    assert "0" + "0" * 100 not in render(result, "json")


@pytest.mark.parametrize(("actual", "said"), [("达成预期指标", None), ("达成年度指标", None),
                                              ("部分达成", "actual '部分达成' and tier '达成年度指标' disagree")])
def test_a_row_giving_a_wording_of_its_tier_as_its_actual_is_scored_and_another_tier_refused(actual: str,
                                                                                              said: str | None) -> None:
    """QA268 F6: 达成预期指标 in 实际完成值 beside the tier 达成年度指标 was refused as disagreeing, though the set declares it
    a wording of that tier (a system exporting the form's columns and the tier: 133 of 170 projects). The row scores as
    the tier alone; a wording of another tier is still refused, where the row is scored."""
    import json

    from scoring_engine import ScoringError, load_facts, load_indicator_set, score

    path = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    facts = load_facts(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    (row,) = [r for r in document["facts"]["targets"]["output"] if r.get("tier")]
    row["actual"] = actual
    indicator_set = load_indicator_set("self-evaluation")
    if said is None:
        assert score(indicator_set, document["facts"]).total == score(indicator_set, facts).total
    else:
        with pytest.raises(ScoringError) as caught:
            score(indicator_set, document["facts"])
        assert said in str(caught.value)


@pytest.mark.parametrize(("finding", "points"), [("不存在挤占问题，但存在超标准列支", "4.00"), ("未发现挪用，但有2处票据不全", "4.00"),
                                                 ("存在挪用资金情况", "0.00"), ("挪用资金5万元，未整改", "0.00")])
def test_a_misuse_named_only_to_deny_it_beside_a_real_finding_takes_the_findings_points(finding: str, points: str) -> None:
    """QA265 F5: 不存在挤占问题，但存在超标准列支 took the 5 points the national set deducts for 挤占, though the finding is
    超标准列支 (1 point): a clause denying a problem names no keyword; one naming it does."""
    import json

    from scoring_engine import load_indicator_set, score

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["process"]["compliance_findings"] = [finding]
    result = score(load_indicator_set("national-framework"), document["facts"])
    assert D(points) == result.indicator("process.funds.compliance").score


@pytest.mark.parametrize(("target", "said"), [("≥", "gives a comparison but no number"), ("≥  %", "gives a comparison but no number"),
                                              ("≥≥100", "gives its comparison twice"), ("≥=100%", "gives its comparison twice")])
def test_a_target_of_a_sign_without_its_number_or_a_sign_typed_twice_is_said_so(target, said) -> None:
    """QA278 F7: ≥ with its number left out, or ≥≥100, was told 不是数字，所以这是定性指标: a row that says it is measured
    was taken for one judged in words. The slip itself is said, with the fix."""
    from scoring_engine.target_rows import target_row

    with pytest.raises(ValueError, match=said):
        target_row(0, {"name": "新建供水管网长度", "type": "quantity", "target": target, "actual": 100})


@pytest.mark.parametrize("marked", [{}, {"satisfaction": "未开展调查"}])
def test_more_rows_without_weights_than_the_precision_can_share_are_refused_naming_the_group(marked, tmp_path) -> None:
    """51 target rows without weights under a 50-point group at precision 0: equal shares would give a row 0 points (a
    row 得满分0分, a form that cannot be read back, and with 不适用 rescaling a division by 0, exit 3). The facts are
    refused in one line naming the group, its weight and the fix."""
    import json

    from scoring_engine import FactsError, load_facts, parse_indicator_set

    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    indicator_set = parse_indicator_set(text.replace("\nprecision: 2", "\nprecision: 0", 1))
    assert indicator_set.precision == 0
    rows = [{"name": f"产出{i}", "type": "quantitative", "target": 10, "actual": 10} for i in range(51)]
    document = {"facts": {"budget": {"total": 100, "paid": 100}, "targets": {
        "output": rows, "benefit": [{"name": "效益", "type": "quantitative", "target": 1, "actual": 1}],
        "satisfaction": [{"name": "满意度", "type": "quantitative", "target": 0.9, "actual": 0.95}]}},
        "not_applicable": marked}
    (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        score(indicator_set, load_facts(tmp_path / "facts.json"))
    said = [p for p in caught.value.problems if "rows without a weight" in p.message]
    assert len(said) == 1 and "group output" in said[0].message and "precision 0" in said[0].message
    assert said[0].hint == "merge rows: at most 50 rows share 50 points at this precision"
    rows.pop()  # 50 rows: 1 point each
    (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert score(indicator_set, load_facts(tmp_path / "facts.json")).total == 100
