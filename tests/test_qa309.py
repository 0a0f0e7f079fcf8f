"""QA309: a reviewer writing a new indicator set with authoring mistakes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS
from scoring_engine import parse_indicator_set, score
from scoring_engine.cli import main

ENGLISH = {"LANG": "C.UTF-8", "SCORING_ENGINE_LANG": ""}


def test_a_text_or_markdown_report_given_as_facts_is_named_in_its_language_and_a_facts_txt_is_still_read(
        tmp_path: Path) -> None:
    """QA309 1: a report score -o wrote as report.txt or out.markdown, given back as facts, was told 'JSON syntax:
    Expecting value' in English, where .md/.csv/.html are named for what they are in their language; a Chinese facts
    file with a typo saved as .markdown or facts.bak spoke English too. Now each is named in Chinese, and a facts file
    saved from Notepad as facts.txt is still scored."""
    for output in ("report.txt", "out.markdown"):
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(EXAMPLE_FACTS), "-o", str(tmp_path / output)])
        assert 0 == run.exit_code, run.output
    for name, kind in (("report.txt", "这是文本报告（score -o 写出的表格）"), ("out.markdown", "这是 Markdown 报告")):
        for command in (["score"], ["batch", "-o", str(tmp_path / "s.csv"), "-q"]):
            run = CliRunner().invoke(main, [command[0], str(tmp_path / name), *command[1:]], env=ENGLISH)
            assert f"错误：{tmp_path / name}: {kind}，不是事实文件" in run.stderr, run.output
            assert "JSON" not in run.stderr, run.output
    text = EXAMPLE_FACTS.read_text(encoding="utf-8")
    facts = json.loads(text)
    (tmp_path / "facts.txt").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(tmp_path / "facts.txt"), "--set", str(EXAMPLE_FACTS.parent / "set.yaml")],
                             env=ENGLISH)
    assert 0 == run.exit_code, run.output
    broken = json.dumps(facts, ensure_ascii=False, indent=1).replace(",", "", 1)
    (tmp_path / "facts.bak").write_text(broken, encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(tmp_path / "facts.bak")], env=ENGLISH)
    assert run.stderr.startswith("错误：") and "JSON 语法错误" in run.stderr, run.output
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 40)
    run = CliRunner().invoke(main, ["score", str(tmp_path / "noise.bin")], env=ENGLISH)
    assert run.stderr.startswith("error: "), run.output


def test_a_linear_rules_explain_steps_say_a_fraction_of_a_unit_as_other_kinds_do() -> None:
    """QA309 2: explain for a linear rule printed '计 10.90589270008795074758135444 个单位…扣 5.45294635004397537379067722
    分', 28 digits, where every other step says a long number the approximate way (≈4.547054). The units and the
    deduction are now ≈10.905893 and ≈5.452946; a deduction that ends is shown as it is."""
    indicator_set = parse_indicator_set(
        'id: t\nname: 测试\nversion: "1"\ntotal: 10\nfacts:\n  a: {type: number}\n  b: {type: number}\n'
        "grades: [{label: 合格, min: 0}]\nindicators:\n  - {id: x, name: 甲, weight: 10, rule: {kind: linear, value: a / b,"
        " target: 1, per: 0.01, share_each: 0.05, display: percent}}\n")
    steps = str(score(indicator_set, {"a": 1013, "b": 1137}).explain("x")).partition("【计算过程】")[2]
    assert "计 ≈10.905893 个单位（不足一个单位的按比例计），扣 ≈5.452946 分" in steps, steps
    assert "原始得分 = 分值 10 − ≈5.452946 ≈ 4.547054" in steps and "0587" not in steps, steps
    steps = str(score(indicator_set, {"a": 95, "b": 100}).explain("x")).partition("【计算过程】")[2]
    assert "计 5 个单位（不足一个单位的按比例计），扣 2.5 分" in steps, steps


def test_a_linear_reason_at_a_low_precision_names_the_deduction_the_deductions_list() -> None:
    """QA309 3: at precision 1 the reason said '计10.906个单位扣5.453分，得4.5分' while explain's 【扣分】 and the JSON
    deductions said 扣5.5分. The reason keeps units × points (扣5.453分) and says the deduction as listed, weight − the
    score shown ('，得分四舍五入后计扣5.5分'); the score is unchanged, and a deduction that needs no rounding is said once."""
    text = ('id: t\nname: 测试\nversion: "1"\ntotal: 10\nprecision: 1\nfacts:\n  a: {type: number}\n  b: {type: number}\n'
            "grades: [{label: 合格, min: 0}]\nindicators:\n  - {id: x, name: 甲, weight: 10, rule: {kind: linear, value: a / b,"
            " target: 1, per: 0.01, share_each: 0.05, zero_at: 0.8, display: percent}}\n")
    result = score(parse_indicator_set(text), {"a": 1013, "b": 1137})
    node = result.indicator("x")
    listed = [f"扣{d.points}分" for d in node.deductions]
    assert ["扣5.5分"] == listed and str(node.score) == "4.5"
    assert node.reason.endswith("计10.906个单位扣5.453分，得分四舍五入后计扣5.5分，得4.5分"), node.reason
    assert "扣5.5分：差10.91%" in str(result.explain("x"))
    exact = score(parse_indicator_set(text), {"a": 95, "b": 100}).indicator("x")
    assert exact.reason.endswith("计5个单位扣2.5分，得7.5分"), exact.reason


def test_band_bounds_written_as_percents_say_every_project_falls_in_the_lowest_band(tmp_path: Path) -> None:
    """QA309 4: bounds written 95/90/80 for a percent-displayed bands rule were said only to 'show as 9500%'; the real
    effect is that no rate reaches them and every project scores the lowest band, in silence. The warning says so (in
    Chinese 所有项目都落进最低一档而不报错) with the ratio to write."""
    from scoring_engine.lint import lint_file

    bands = "[{min: 95, points: 10}, {min: 90, max: 95, points: 8}, {min: 80, max: 90, points: 5}, {max: 80, points: 0}]"
    (tmp_path / "set.yaml").write_text(
        'id: t\nname: 测试\nversion: "1"\ntotal: 10\nfacts:\n  a: {type: number, min: 0}\n  b: {type: number, min: 1}\n'
        "grades: [{label: 合格, min: 0}]\nindicators:\n  - {id: x, name: 甲, weight: 10, standard: 执行率≥95%得10分,"
        f" rule: {{kind: bands, value: a / b, display: percent, bands: {bands}}}}}\n", encoding="utf-8")
    found = [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "percent-bound"]
    assert 3 == len(found), [str(w) for w in found]
    assert "band bound 95 is 9500% with display: percent, which no rate reaches: every project falls in the lowest band" \
        in str(found[0]) and "(write 0.95 for 95%)" in str(found[0]), str(found[0])
    assert "所有项目都落进最低一档而不报错" in found[0].text("zh") and "（95% 应写成 0.95）" in found[0].text("zh")


def _problem_text(text: str, facts: dict[str, object] | None = None) -> tuple[str, str]:
    """The first problem of a set (or of scoring it on `facts`) in English and in Chinese, with its hint."""
    from scoring_engine import ScoringEngineError

    try:
        result = score(parse_indicator_set(text), facts or {})
        result.indicator("x").score  # noqa: B018 (scored lazily in places: read)
    except ScoringEngineError as err:
        return err.problems[0].text("en"), err.problems[0].text("zh")
    raise AssertionError("no problem")


_HEAD = 'id: t\nname: 测试\nversion: "1"\ntotal: 100\n'


def test_a_grade_above_the_total_two_tiers_of_one_min_a_value_below_every_band_and_a_judged_score_too_high_say_the_fix(
        ) -> None:
    """QA309 5: '等级 优 从 900 分开始，高于总分 100', two tiers both at min 0.8 ('区间的 min 80.00% 不小于它的 max 80.00%',
    a max the author never wrote), '值 69.57% 不在任何档次内' and '判断得分 5.001 超出 0–5' gave no fix. Each now says
    what to write: a min from 0 to the total, a smaller min for the tier that repeats the min of the one above (said at
    its min), the lowest band lint suggests ({max: 0.8, points: 0}), a judged score from 0 to the weight."""
    one = "\nindicators:\n  - {id: x, name: 甲, weight: 100, rule: {kind: judgement, fact: j}}\n"
    en, zh = _problem_text(_HEAD + "facts:\n  j: {type: judgement}\ngrades: [{label: 优, min: 900}, {label: 差, min: 0}]" + one)
    assert "grade 优 starts at 900, above the total 100 (a grade's min is a total score in points: write one from 0 to 100)" \
        in en, en
    assert "（等级的 min 是按分计的总分：请写 0 到 100 之间的数）" in zh, zh
    en, zh = _problem_text(_HEAD + "facts:\n  j: {type: judgement}\ngrades: [{label: 合格, min: 0}]" + one,
                           {"j": {"score": Decimal("100.001"), "reason": "好"}})
    assert en.endswith("judged score 100.001 is outside 0..100 (the weight) (give a judged score from 0 to 100)"), en
    assert zh.endswith("（请给出 0–100 之间的判断得分）"), zh
    tiers = ("[{label: 好, min: 0.8}, {label: 中, min: 0.8}, {label: 差, min: 0}]")
    text = (_HEAD + "facts:\n  t: {type: tier}\ngrades: [{label: 合格, min: 0}]\nindicators:\n"
            f"  - id: x\n    name: 甲\n    weight: 100\n    rule:\n      kind: tiers\n      fact: t\n      tiers: {tiers}\n")
    en, zh = _problem_text(text)
    assert "tier 中: min 80.00% is the min of tier 好 too, which leaves it no range (give tier 中 a smaller min" in en, en
    assert "not below its max" not in en, en
    from scoring_engine import IndicatorSetError

    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text)
    assert "$.indicators[0].rule.tiers[1].min" == caught.value.problems[0].path  # at the repeated min
    bands = "[{min: 0.95, points: 100}, {min: 0.8, max: 0.95, points: 60}]"
    text = (_HEAD + "facts:\n  r: {type: number}\ngrades: [{label: 合格, min: 0}]\nindicators:\n"
            f"  - {{id: x, name: 甲, weight: 100, rule: {{kind: bands, value: r, display: percent, bands: {bands}}}}}\n")
    en, zh = _problem_text(text, {"r": Decimal("0.6957")})
    assert en.endswith("(add a lowest band without min, e.g. {max: 0.8, points: 0})"), en
    assert zh.endswith("（加一个不写 min 的最低档，例如 {max: 0.8, points: 0}）"), zh


def test_a_gap_between_grades_or_bands_is_said_at_the_entry_whose_max_stops_short(tmp_path: Path) -> None:
    """QA309 6: a gap left by a typo `max: 88` under a grade starting at 90 (or a band's `max: 0.68` under one from 0.7)
    was reported on the line of the entry above it, while an overlap points at the entry holding the bad max. A gap is
    now said at the entry whose written max makes it, as an overlap is."""
    bands = "\n".join(f"          - {band}" for band in (
        "{min: 0.8, points: 8}", "{min: 0.7, max: 0.8, points: 6}", "{min: 0.6, max: 0.68, points: 4}", "{max: 0.6, points: 0}"))
    text = ('id: t\nname: 测试\nversion: "1"\ntotal: 10\nfacts:\n  r: {type: number}\ngrades:\n  - {label: 优, min: 9}\n'
            "  - {label: 良, min: 8, max: 8.8}\n  - {label: 差, min: 0}\nindicators:\n  - id: x\n    name: 甲\n    weight: 10\n"
            f"    rule:\n      kind: bands\n      value: r\n      display: percent\n      bands:\n{bands}\n")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "validate", str(tmp_path / "set.yaml")])
    lines = text.splitlines()
    grade, band = lines.index("  - {label: 良, min: 8, max: 8.8}") + 1, lines.index(bands.splitlines()[2]) + 1
    assert f"set.yaml:{grade}:5: $.grades[1]: grade 良: gap: no range covers values from 8.8 to 9" in run.stderr, run.stderr
    assert f"set.yaml:{band}:" in run.stderr and "band gap: no range covers values from 68.00% to 70.00%" in run.stderr


def test_the_standard_text_lint_quotes_the_words_the_text_holds(tmp_path: Path) -> None:
    """QA309 8: with tiers renamed 好/较好/差 the lint said 评分标准写的是“差得0–60%” where the text says
    '未达成且效果较差得0–60%' (the label 差 found inside 较差), and '就业率80%以上（不含80%）得8分' was rendered （≥80%）
    where the text says >80%. The quote now runs from the start of its clause and the range is said as written."""
    from scoring_engine.lint import lint_file

    standard = "达成年度指标得80%–100%；部分达成并具有一定效果得60%–80%；未达成且效果较差得0–60%。"
    bands = "[{min: 0.95, points: 10}, {min: 0.6, max: 0.95, points: 5}, {max: 0.6, points: 0}]"
    (tmp_path / "set.yaml").write_text(
        'id: t\nname: 测试\nversion: "1"\ntotal: 20\nfacts:\n  t: {type: tier}\n  r: {type: number, min: 0, max: 1}\n'
        "grades: [{label: 合格, min: 0}]\nindicators:\n"
        f"  - {{id: x, name: 甲, weight: 10, standard: {standard}, rule: {{kind: tiers, fact: t, tiers: [{{label: 好, min: 0.9}},"
        " {label: 较好, min: 0.7}, {label: 差, min: 0}]}}\n"
        "  - {id: y, name: 乙, weight: 10, standard: 就业率80%以上（不含80%）得10分, rule: {kind: bands, value: r,"
        f" boundary: max_inclusive, display: percent, bands: {bands}}}}}\n", encoding="utf-8")
    said = [w.text("zh") for w in lint_file(tmp_path / "set.yaml")[1]]
    tier = [line for line in said if "tiers[差]" in line]
    assert tier and "评分标准写的是“未达成且效果较差得0–60%”" in tier[0], said
    band = [line for line in said if "bands[0]" in line]
    assert band and "“就业率80%以上（不含80%）得10分”（>80%）" in band[0], said
