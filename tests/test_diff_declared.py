"""scoring-engine diff lists every change that can move a score: derived values, rounding, reason templates, facts
declared, caps, and a row group's standards, categories, comparisons and rules; "都相同" only when nothing differs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scoring_engine import load_indicator_set, parse_indicator_set
from scoring_engine.cli import main
from scoring_engine.diff import diff_sets
from scoring_engine.model import IndicatorSet
from scoring_engine.reports.diff import change_rows, render_diff_markdown, render_diff_table

SAME = "都相同"
HEAD = 'id: p\nname: 方案\nversion: "1"\n'
BASE_FACTS = Path(__file__).resolve().parent.parent / "indicator_sets" / "national-framework.facts.json"


def _profile(body: str, base: str = "national-framework") -> IndicatorSet:
    return parse_indicator_set(f"extends: {base}\n{HEAD}{body}", "p.yaml", folder=Path("."))


def _rows(old: IndicatorSet, new: IndicatorSet) -> list[tuple[str, str, str, str]]:
    diff = diff_sets(old, new)
    assert SAME not in render_diff_table(diff) and SAME not in render_diff_markdown(diff)  # never said to be the same
    return change_rows(diff)


def test_a_derived_value_computed_on_another_denominator_is_listed_beside_the_scores_it_moves(tmp_path: Path) -> None:
    """A province computing 执行率 on 预算数 (budget.total) instead of 到位资金: diff said the sets were the same in every
    respect, then showed 预算执行率 falling 6.00 → 5.40. The formula is listed now, before and after."""
    profile = tmp_path / "p.yaml"
    profile.write_text(f"extends: national-framework\n{HEAD}derived:\n"
                       '  execution_rate: {expr: "budget.paid / budget.total", label: 预算执行率（按预算数）}\n', encoding="utf-8")
    facts = json.loads(BASE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"], facts["facts"]["budget"]["arrived"], facts["facts"]["budget"]["paid"] = "p.yaml", 900, 900
    (tmp_path / "f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    rows = _rows(load_indicator_set("national-framework"), load_indicator_set(profile))
    title = "预算执行率（按预算数） (execution_rate)"
    assert ("派生值", title, "expr: ratio(budget.paid, budget.arrived, 0)", "expr: budget.paid / budget.total") in rows
    assert ("派生值", title, "label: 预算执行率", "label: 预算执行率（按预算数）") in rows
    done = CliRunner().invoke(main, ["diff", "national-framework", str(profile), "--facts", str(tmp_path / "f.json")])
    assert 0 == done.exit_code, done.output
    assert SAME not in done.stdout and "expr: budget.paid / budget.total" in done.stdout
    assert "6.00         5.40" in done.stdout


SMALL = ('id: s\nname: s\nversion: "1"\ngrades: [{label: 优, min: 90}, {label: 差, min: 0}]\n'
         "indicators: [{id: a, name: 甲, weight: 100, rule: {kind: formula, score: 100}}]\n")


def test_derived_values_and_facts_added_or_removed_are_listed() -> None:
    """A derived value or a fact a new set adds, or one it drops, was not listed."""
    old = parse_indicator_set(SMALL + "facts: {paid: {type: number, min: 0}, total: {type: number, min: 0}}\n"
                              "derived: {rate: {expr: paid / total, label: 执行率}}\n")
    new = parse_indicator_set(SMALL + "facts: {paid: {type: number, min: 0}, arrived: {type: number, min: 0, unit: 万元}}\n"
                              "derived: {share: paid / arrived}\n")
    assert [
        ("删除事实", "total", "type: number, min: 0", "—"),
        ("新增事实", "arrived", "—", "type: number, unit: 万元, min: 0"),
        ("删除派生值", "执行率 (rate)", "expr: paid / total", "—"),
        ("新增派生值", "share", "—", "expr: paid / arrived"),
    ] == _rows(old, new)


def test_stages_rounding_and_reason_templates_are_listed_with_the_not_applicable_mode() -> None:
    """`rounding: {stages: [3]}` moves 资金到位率 3.9945 → 3.995 → 4.00, and a `reasons:` override rewords every linear
    reason; before, diff listed only the not_applicable mode. Each is listed now, the rounding in words, a template
    the set no longer overrides as the engine's default."""
    base = load_indicator_set("national-framework")
    rows = _rows(base, _profile("rounding: {stages: [3]}\nnot_applicable: full_credit\n"
                                "reasons:\n  linear.partial: 超期{shortfall}个月，扣{deducted}分，得{score}分\n"))
    assert ("舍入", "分级舍入（rounding.stages）", "保留2位小数", "先保留3位小数、再保留2位小数") in rows
    assert ("理由模板", "linear.partial", base.reasons["linear.partial"], "超期{shortfall}个月，扣{deducted}分，得{score}分") in rows
    full = next(r for r in rows if r[:2] == ("理由模板", "linear.full"))
    assert (base.reasons["linear.full"], True) == (full[2], full[3].startswith("（默认）"))
    assert ("不适用指标的处理", "不适用指标", "分值按比例分给其他指标（rescale）", "得满分（full_credit）") in rows
    # the engine's own text written out is the default it was: no change (QA277 F7)
    written = _rows(base, _profile("reasons:\n  deduction.none: 未发现问题，得满分{score}分\n"))
    assert not [r for r in written if r[:2] == ("理由模板", "deduction.none")]
    elements = _rows(base, _profile("rounding: {elements: true}\n"))
    assert [("舍入", "要点舍入（rounding.elements）", "要点相加后四舍五入", "各要点先四舍五入再相加")] == elements


def test_a_facts_declaration_changed_or_added_is_listed_field_by_field() -> None:
    """A fact's type, bounds, unit or required changed, or a fact added: none was listed, though a project the
    old set scored may now be refused (or the other way round). Each field that changed is listed, as the set writes it."""
    base = load_indicator_set("national-framework")
    rows = _rows(base, _profile("facts:\n"
                                "  output.planned: {type: integer, min: 1, max: 1000, unit: 个, label: 计划产出数量}\n"
                                "  budget.paid: {type: number, min: 0, unit: 元, label: 实际支出资金, required: false, default: 0}\n"
                                "  budget.returned: {type: number, min: 0, unit: 万元, label: 收回资金}\n"))
    planned = base.facts["output.planned"]
    title = "计划产出数量 (output.planned)"  # the new set's label, as an indicator is named by its new name
    assert ("事实声明", title, f"type: {planned.type}", "type: integer") in rows
    assert ("事实声明", title, "—", "max: 1000") in rows and ("事实声明", title, f"label: {planned.label}", "label: 计划产出数量") in rows
    assert ("事实声明", "实际支出资金 (budget.paid)", "unit: 万元", "unit: 元") in rows
    assert ("事实声明", "实际支出资金 (budget.paid)", "required: true", "required: false") in rows
    assert ("新增事实", "收回资金 (budget.returned)", "—", "type: number, unit: 万元, min: 0") in rows


def test_caps_added_or_removed_are_listed() -> None:
    """A 一票否决 cap limits the total or the grade; the sentence that the sets are the same said caps were not compared."""
    set_text = SMALL + "facts: {fraud: {type: boolean}}\n"
    capped = set_text + "caps:\n  - {when: fraud, total_at_most: 59, message: 套取资金，总分不超过59分}\n"
    assert [("新增封顶", "套取资金，总分不超过59分", "—", "fraud：总分不超过59")] == _rows(
        parse_indicator_set(set_text), parse_indicator_set(capped))
    assert [("删除封顶", "套取资金，总分不超过59分", "fraud：总分不超过59", "—")] == _rows(
        parse_indicator_set(capped), parse_indicator_set(set_text))


def _children_from(standard: str, categories: str, comparisons: str, extra: str = "", rule: str = "") -> str:
    """A profile of self-evaluation rewriting 效益指标's row group whole."""
    return f"""change:
  benefit:
    children_from:
      fact: targets.benefit
      categories: [{categories}]
      comparisons: {{{comparisons}}}
      standards:
        quantitative: {standard}
        quantitative_lower: 定量指标（≤）：不超过目标值得满分；超过的，得分 = 分值 × 目标值 ÷ 实际值。
        qualitative: 定性指标：达成年度指标得分值的80%（含）–100%；部分达成并具有一定效果得60%（含）–80%（不含）；未达成且效果较差得0–60%（不含）。{extra}
      rules:
        quantitative: {{kind: proportional, value: row.actual, target: row.target{rule}}}
        quantitative_lower: {{kind: proportional, value: row.actual, target: row.target, direction: lower_is_better}}
        qualitative:
          kind: tiers
          fact: row
          synonyms:
            达成年度指标: [达成预期指标, 达成预期目标, 已达成, 达成, 基本达成目标]
            部分达成并具有一定效果: [部分达成年度指标并具有一定效果, 部分达成, 部分实现目标]
            未达成且效果较差: [未达成年度指标且效果较差, 未达成, 实现目标程度较低]
"""


FULL = "定量指标（≥）：达到目标值得满分；未达到的，得分 = 分值 × 实际值 ÷ 目标值。"
CATEGORIES = "经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标"
COMPARISONS = '"≥": quantitative, "≤": quantitative_lower, "=": exact, 定性: qualitative'
EXACT = ("\n        exact: 定量指标（=）：等于目标值得满分；低于目标值的，得分 = 分值 × 实际值 ÷ 目标值；"
         "高于目标值的，得分 = 分值 × 目标值 ÷ 实际值；目标值为0的，不等于0即不得分。")
EXACT_RULE = ("\n        exact: {kind: equal, value: row.actual, target: row.target, "
              "otherwise: {kind: proportional, value: row.actual, target: row.target, direction: both}}")


def test_a_row_groups_standard_text_is_listed_like_a_leafs() -> None:
    """A city rewriting only 效益's ≥ standard (完成率低于60%不得分) got "the sets are the same in every respect". The
    standard is listed now, led by its row type."""
    base = load_indicator_set("self-evaluation")
    body = _children_from("定量指标（≥）：完成率低于60%不得分。", CATEGORIES, COMPARISONS, EXACT)
    rows = _rows(base, _profile(body.replace("\n      rules:\n", "\n      rules:" + EXACT_RULE + "\n"), "self-evaluation"))
    assert [("评分标准", "效益指标 (benefit)", f"quantitative: {FULL}", "quantitative: 定量指标（≥）：完成率低于60%不得分。")] == rows


def test_a_row_groups_categories_comparisons_and_each_row_types_rule_are_listed() -> None:
    """Dropping 可持续影响指标, the "=" comparison and the exact rows' standard and rule listed only the rule, and a
    changed value in one row type's rule was shown among every type's. Each is listed now: the categories, the
    comparison, and by row type the standard and the rule (what changed in it, or the whole rule added or removed)."""
    base = load_indicator_set("self-evaluation")
    body = _children_from(FULL, "经济效益指标, 社会效益指标, 生态效益指标", '"≥": quantitative, "≤": quantitative_lower, 定性: qualitative',
                          rule=", floor: 0.6")
    rows = _rows(base, _profile(body, "self-evaluation"))
    about = "效益指标 (benefit)"
    assert [
        ("行的二级指标", about, "经济效益指标、社会效益指标、生态效益指标、可持续影响指标", "经济效益指标、社会效益指标、生态效益指标"),
        ("指标性质", about, "=: exact", "—"),
        ("评分规则", about, "—", "quantitative.floor: 0.6"),
        ("评分标准", about, f"exact:{EXACT.partition('exact:')[2]}", "—"),
        ("评分规则", about, "exact: 等于目标计分（equal）：value: row.actual，target: row.target，otherwise: {kind: proportional, "
                           "value: row.actual, target: row.target, direction: both}", "—"),
    ] == rows


def test_a_row_types_rule_of_another_kind_or_rows_from_another_fact_are_listed() -> None:
    """A row type whose rule became another kind is shown whole, before and after, led by the row type; a group that
    takes its rows from another fact says so."""
    base = load_indicator_set("self-evaluation")
    bands = "{kind: bands, value: row.actual, bands: [{min: 1, share: 1}, {max: 1, share: 0}]}"
    body = _children_from(FULL, CATEGORIES, COMPARISONS, EXACT).replace("\n      rules:\n", "\n      rules:" + EXACT_RULE + "\n")
    body = body.replace("quantitative: {kind: proportional, value: row.actual, target: row.target}", f"quantitative: {bands}")
    rows = _rows(base, _profile(body.replace("fact: targets.benefit", "fact: targets.output"), "self-evaluation"))
    assert ("目标表事实", "效益指标 (benefit)", "targets.benefit", "targets.output") == rows[0]
    [rule] = [r for r in rows if r[0] == "评分规则"]
    assert rule[2].startswith("quantitative: 按比例计分（proportional）：") and rule[3].startswith("quantitative: 分档计分（bands）：")


def test_weight_rules_added_removed_or_changed_are_listed_with_their_source_in_every_format() -> None:
    """QA342 F4a: a weight rule decides whether a set loads (分值取整数 refuses a weight of 12.5), yet Henan's rule added to
    self-evaluation's, or removed, or a bound changed, was not listed, and the sets were "the same" but for the form."""
    import io

    import openpyxl

    from scoring_engine.reports.diff import render_diff_xlsx

    base, henan = load_indicator_set("self-evaluation"), load_indicator_set("henan-special-bond")
    added = ("新增分值规则", "分值规则 2（河南省说明：分值取整数）", "—", "integer: true")
    assert added in change_rows(diff_sets(base, henan))
    assert ("删除分值规则", "分值规则 2（河南省说明：分值取整数）", "integer: true", "—") in change_rows(diff_sets(henan, base))
    diff = diff_sets(base, henan)
    assert "分值规则 2（河南省说明：分值取整数）" in render_diff_table(diff)
    assert "| 新增分值规则 | 分值规则 2（河南省说明：分值取整数） | — | integer: true |" in render_diff_markdown(diff)
    sheet = openpyxl.load_workbook(io.BytesIO(render_diff_xlsx(diff))).worksheets[0]
    assert added in [tuple(row[:4]) for row in sheet.iter_rows(values_only=True)]
    stricter = _profile("weight_rules:\n  - {indicators: [output, benefit], min_share: 0.55, source: 省说明}\n")
    assert [("分值规则", "分值规则 1（省说明）", "min_share: 0.6", "min_share: 0.55"),
            ("分值规则", "分值规则 1（省说明）", "source: 财预〔2020〕10号 第十四条", "source: 省说明")] == _rows(
        load_indicator_set("national-framework"), stricter)
    same = _profile("weight_rules:\n  - {indicators: [output, benefit], min_share: 0.60, source: 财预〔2020〕10号 第十四条}\n")
    assert [] == change_rows(diff_sets(load_indicator_set("national-framework"), same))
    assert "分值规则、事实声明" in render_diff_table(diff_sets(base, base))
