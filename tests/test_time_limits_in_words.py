"""A time limit written in words with no sign (3个月内, 3个月以内, 1年之内) in a 绩效目标 row: at most that time, however the
row names its 二级 or type, through a facts file and through the 自评表 alike (QA189 F1, QA190 F1, F4)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from example_sets import EXAMPLE_ROWS
from scoring_engine.cli import main


def _score(tmp_path: Path, row: dict[str, Any], *options: str) -> tuple[int, str]:
    """`score` of the self-evaluation facts with the first 产出 row (weight 20) replaced by `row`: exit code, output."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][0] = {"id": "t", "name": "项目完成时间", "weight": 20, **row}
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts), *options])
    return run.exit_code, run.output


def _line(output: str) -> str:
    return next(line for line in output.splitlines() if "项目完成时间" in line)


@pytest.mark.parametrize("row", [
    {"target": "3个月内", "actual": "5个月"}, {"target": "3个月以内", "actual": "5个月"},
    {"target": "3个月之内", "actual": "5个月"}, {"target": "3个月内完成", "actual": "5个月"},
    {"target": 3, "unit": "个月内", "actual": 5}, {"target": "3 个月以内", "actual": "5个月"},
    {"target": "3个月内", "actual": "5个月", "category": "时效指标"}, {"target": "3个月之内", "actual": "5个月", "category": "时效指标"},
    {"target": "3个月内", "actual": "5个月", "category": "数量指标"},
    {"target": "3 个月 之内", "actual": "5 个月"}, {"target": "3个月 内", "actual": "5个月"}])
def test_a_time_limit_in_words_without_a_sign_or_a_type_scores_as_at_most_that_time(tmp_path, row) -> None:
    """A row {target: 3个月内, actual: 5个月} with no type, with no 二级 or another, took full marks as a target to reach
    (实际值5，目标值3，完成率166.67%), and on a 时效指标 row 3个月内 was refused while 3个月以内 scored as ≤ (QA190 F4): 内,
    以内 and 之内 alike are read as ≤3个月, so 5 months score 20 × 3 ÷ 5 = 12.00; with spaces inside the unit as forms pad it
    (3 个月 之内) too, which was refused as no number with a unit while 3 个月 以内 was read (note37)."""
    code, output = _score(tmp_path, row)
    assert 0 == code, output
    assert "实际值5超过目标值3，得分 = 20 × 3 ÷ 5 = 12.00分" in _line(output), output


@pytest.mark.parametrize(("target", "actual", "score"), [("1年之内", "2年", "10.00"), ("1年内", "3年", "6.67")])
def test_a_time_limit_of_years_in_words_on_a_time_row_is_a_limit_too(tmp_path, target, actual, score) -> None:
    """On a 时效指标 row 1年之内 beside 2年 took full marks (200%), the sign of 30天内 was asked for: now each is ≤1年."""
    code, output = _score(tmp_path, {"category": "时效指标", "target": target, "actual": actual})
    assert 0 == code and f"{score}分" in _line(output) and "超过目标值1" in _line(output), output


def test_an_actual_written_with_within_keeps_its_meaning(tmp_path) -> None:
    """The same words in an actual do not change meaning: 2个月内 beside 3个月内 is 2 months, within the limit (it was read
    as 2 against a target of 3 to reach, 13.33 of 20); 2个月以内 is refused for its sign, as before."""
    code, output = _score(tmp_path, {"target": "3个月内", "actual": "2个月内"})
    assert 0 == code and "实际值2未超过目标值3，得满分20.00分" in _line(output), output
    code, output = _score(tmp_path, {"target": "3个月内", "actual": "2个月以内"})
    assert 1 == code and "实际值 '2个月以内' 带有比较符号" in output, output


@pytest.mark.parametrize(("target", "said"), [("3个月内", "3个月内"), ("3个月以内", "3个月以内"), ("1年之内", "1年之内")])
def test_a_time_limit_in_words_in_a_row_typed_to_reach_is_refused_with_a_fix_that_scores(tmp_path, target, said) -> None:
    """type quantitative (≥) with target 3个月内 and actual 5个月 took full marks at 166.67% (QA189 F1), with 3个月以内 it
    was refused as a comparison the row never wrote. Now it is one Chinese line naming the file, the row and the limit in
    the row's own words (1年之内, not 1年内), exit 1; each fix it offers then scores: type quantitative_lower, or no type,
    as a limit missed, and ≥ for a time to reach."""
    time = "1年" if target.startswith("1") else "3个月"
    actual = "2年" if target.startswith("1") else "5个月"
    code, output = _score(tmp_path, {"category": "时效指标", "type": "quantitative", "target": target, "actual": actual})
    assert 1 == code and 1 == len(output.splitlines()), output
    assert output.startswith("错误：") and "facts.json" in output and "第 1 行（项目完成时间）" in output, output
    assert f"指标值 {said} 是时限（{time}之内），但类型 quantitative 按要达到的目标（≥）计分" in output, output
    assert f"（时限把 type 写为 quantitative_lower（按 ≤ 计分）或不写 type；如本意是至少达到 {time}，写 ≥{time}）" in output
    for fixed in ({"type": "quantitative_lower"}, {}):
        code, output = _score(tmp_path, {"category": "时效指标", **fixed, "target": target, "actual": actual})
        assert 0 == code and "超过目标值" in _line(output) and "得满分" not in _line(output), output
    code, output = _score(tmp_path, {"category": "时效指标", "type": "quantitative", "target": f"≥{time}", "actual": actual})
    assert 0 == code and "达到目标，得满分20.00分" in _line(output), output


@pytest.mark.parametrize(("row", "reason"), [
    ({"type": "exact", "target": "3个月内", "actual": "3个月"}, "实际值3等于目标值3，得满分20.00分"),
    ({"type": "exact", "target": "3个月以内", "actual": "3个月"}, "实际值3等于目标值3，得满分20.00分"),
    ({"type": "exact", "target": "3个月以内", "actual": "2个月"}, "实际值2，目标值3，完成率66.67%，得分 = 20 × 66.67% = 13.33分"),
    ({"type": "qualitative", "target": "3个月内完成", "tier": "达成年度指标", "score": 18, "reason": "按期"},
     "达成年度指标（16–20分），得18.00分：按期"),
    ({"type": "qualitative", "target": "3个月以内", "tier": "达成年度指标", "score": 18, "reason": "按期"},
     "达成年度指标（16–20分），得18.00分：按期"),
    ({"type": "quantitative_lower", "target": "3个月之内", "actual": "2个月"}, "实际值2未超过目标值3，得满分20.00分"),
    ({"comparison": "=", "target": "3个月以内", "actual": "3个月"}, "实际值3等于目标值3，得满分20.00分")])
def test_a_row_scored_by_its_own_type_scores_by_it_whichever_word_closes_the_limit(tmp_path, row, reason) -> None:
    """A row whose type does not score a target to reach (exact, qualitative by its tier, quantitative_lower) scores as it
    did with 3个月内 (the refusal QA190 F1 found is not back); with 3个月以内 it was refused (类型 exact 与指标性质 ≤ 不一致:
    a comparison the row never wrote), and now scores as with 3个月内."""
    code, output = _score(tmp_path, row)
    assert 0 == code and reason in _line(output), output


def test_a_time_limit_in_words_is_written_in_a_result_as_a_row_it_reads_back_alike(tmp_path) -> None:
    """The result's facts write an untyped 3个月内 row with the ≤ it scored by, and nothing the row only read (no 'within'
    key the result's schema does not know); the row written is scored the same when given back."""
    code, output = _score(tmp_path, {"target": "3个月内", "actual": "5个月"}, "--format", "json")
    assert 0 == code and "within" not in output, output
    fact = next(fact for fact in json.loads(output)["facts"]["values"] if fact["name"] == "targets.output")
    written = next(row for row in fact["value"] if row.get("id") == "t")
    assert {"comparison": "≤", "target": 3, "unit": "个月"}.items() <= written.items(), written
    code, output = _score(tmp_path, {k: v for k, v in written.items() if k not in ("id", "name", "weight")})
    assert 0 == code and "12.00分" in _line(output), output


def test_a_time_limit_in_words_is_shown_as_written() -> None:
    """A row shown whole (a formula reading the rows) shows its limit in its own words: 1年之内, not ≤1年 nor 1年内."""
    from scoring_engine._display import show_value
    from scoring_engine.target_rows import target_row

    row = target_row(0, {"name": "项目完成时间", "type": "quantitative_lower", "target": "1年之内", "actual": "0.5年"})
    assert "项目完成时间：指标值1年之内，实际完成值0.5年" == show_value(row)


def _national_form(tmp_path: Path, name: str, category: str, row: tuple[str, str], shown: int) -> tuple[Any, Path, Any, Any]:
    """The national 自评表 of a water project with a second row `name` (its target and actual `row`), its workbook, and
    that row's 年度指标值 and 实际完成值 cells (the actual shown as the number `shown`)."""
    from openpyxl import load_workbook

    from test_form_cells import _water_form

    rows = [{"name": "新建供水管网长度", "category": "数量指标", "weight": 40, "target": "≥10公里", "actual": "10公里"},
            {"name": name, "category": category, "weight": 10, "target": row[0], "actual": row[1]}]
    _, form = _water_form(tmp_path, "self-evaluation", rows)
    book = load_workbook(form)
    line = next(line for line in book.worksheets[0].iter_rows() if any(c.value == row[0] for c in line))
    written, reached = (c for c in line if c.value in (row[0], shown))
    return book, form, written, reached


@pytest.mark.parametrize("target", ["3个月内", "3个月之内", "3个月以内"])
def test_a_time_limit_in_words_on_the_form_scores_as_at_most_that_time(tmp_path, target) -> None:
    """On the 自评表 a 时效指标 row's 年度指标值 3个月内 (or 3个月之内) beside 5 months was refused for its sign, while
    3个月以内 scored as ≤: the form reads each as a facts file does, ≤3个月, 10 × 3 ÷ 5 = 6.00."""
    book, form, written, reached = _national_form(tmp_path, "工程完工时间", "时效指标", ("≤6个月", "7个月"), 7)
    written.value, reached.value = target, 5
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code, run.output
    assert "实际值5超过目标值3，得分 = 10 × 3 ÷ 5 = 6.00分" in run.output, run.output


@pytest.mark.parametrize("unit", ["个月内", "个月以内", "个月之内"])
def test_a_time_limit_in_words_beside_a_blank_comparison_on_the_sichuan_form_is_read_as_at_most(tmp_path, unit) -> None:
    """On the Sichuan form (its own 指标性质 column) a blank 指标性质 beside 6 in 度量单位 个月内 was refused as a target with no
    sign: the unit's 内 says ≤, as it does in a facts file, and 7 months score 20 × 6 ÷ 7 = 17.14."""
    from openpyxl import load_workbook

    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    first = document["facts"]["targets"]["output"][0]
    document["facts"]["targets"]["output"][0] = {"id": first["id"], "name": "工程完工时间", "weight": first["weight"],
                                                 "target": "≤6个月", "actual": "7个月"}
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "-o", str(form)]).exit_code
    book = load_workbook(form)
    line = next(line for line in book.worksheets[0].iter_rows() if any(c.value == "工程完工时间" for c in line))
    sign, written = (next(c for c in line if c.value == value) for value in ("≤", "个月"))
    sign.value, written.value = None, unit
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code, run.output
    assert "实际值7超过目标值6，得分 = 20 × 6 ÷ 7 = 17.14分" in run.output, run.output


_DEADLINE = "是期限（2024年底前），不是可与实际完成值比较计分的年数"
_AS_TIER = "把这一行写成定性指标：指标值写 2024年12月31日前，填写档次（达成年度指标…）及得分"


@pytest.mark.parametrize("row", [
    {"target": "2024年内完成", "actual": "2025年"}, {"target": "2024年之内", "actual": "2025年"},
    {"target": "2024年内", "actual": "2025年", "category": "质量指标"}, {"target": "2024年以内", "actual": "2025年"},
    {"target": "≤2024年", "actual": "2025年"}, {"target": "2024年底前", "actual": "2025年"},
    {"target": "2024年之内", "actual": "2025年", "name": "竣工年份"}, {"target": "≤2024", "actual": 2025, "name": "建成年份"},
    {"target": 2024, "unit": "年内", "actual": 2025}, {"target": "2024年内完成", "actual": "2025年", "type": "quantitative"},
    {"target": "≤2024年", "actual": "2025年", "type": "quantitative_lower"}])
def test_a_calendar_year_written_as_a_limit_is_a_deadline_not_a_number_of_years(tmp_path, row) -> None:
    """2024年内完成 (2024年之内, 2024年以内, ≤2024年, 2024年底前, ≤2024 in a row named 建成年份) beside an actual 2025年 was
    scored as at most 2024 years: 20 × 2024 ÷ 2025 = 19.99 of 20 for a year late (with type quantitative, refused with
    fixes that scored 19.99 again). A year as a limit is a deadline, which the engine judges by its tier (as 2024年12月底前),
    never measures: one Chinese line on the row, whatever its type, with the fix (QA194 F1)."""
    code, output = _score(tmp_path, dict(row))
    assert 1 == code and 1 == len(output.splitlines()), output
    assert output.startswith("错误：") and "第 1 行" in output and _DEADLINE in output and _AS_TIER in output, output
    assert "19.99" not in output and "≥2024" not in output, output


@pytest.mark.parametrize("row", [{}, {"type": "qualitative"}, {"category": "时效指标"}, {"category": "质量指标"}])
def test_the_fix_offered_for_a_year_as_a_limit_scores_the_row_by_its_tier(tmp_path, row) -> None:
    """The fix the refusal offers, the deadline 2024年12月31日前 with its tier and score, scores the row by its tier with
    no type, a type scored by tier, on a 时效指标 row or another (QA194 F1)."""
    code, output = _score(tmp_path, {**row, "target": "2024年12月31日前", "tier": "达成年度指标", "score": 18, "reason": "按期"})
    assert 0 == code and "达成年度指标（16–20分），得18.00分：按期" in _line(output), output


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("1年内", "2年", "10.00"), ("2年之内", "3年", "13.33"), ("10年以内", "12年", "16.67"), ("≤30年", "31年", "19.35")])
def test_a_time_limit_of_years_is_still_a_number_of_years(tmp_path, target, actual, score) -> None:
    """A duration in years (1年内, 2年之内, 10年以内, ≤30年) is no calendar year: still scored as at most that time."""
    code, output = _score(tmp_path, {"target": target, "actual": actual})
    assert 0 == code and f"= {score}分" in _line(output), output


def test_a_calendar_year_as_a_limit_on_the_forms_is_refused_on_its_cell(tmp_path) -> None:
    """On the national 自评表 a 数量指标 row's 年度指标值 2024年内完成 beside 2025年, and on the Sichuan form a blank 指标性质
    beside 2024 in 度量单位 年内, scored 19.99 of 20 for a year late: each is refused on its cell as a deadline (QA194 F1),
    and the fix offered (2024年12月31日前, with the tier in 实际完成值 and the score) scores the row by its tier."""
    book, form, written, reached = _national_form(tmp_path, "项目完成时间", "数量指标", ("≥5个", "5个"), 5)
    written.value, reached.value = "2024年内完成", "2025年"
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and f"!{written.coordinate}：" in run.output and _DEADLINE in run.output, run.output
    written.value, reached.value = "2024年12月31日前", "达成年度指标"
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code and "达成年度指标（8–10分）" in run.output, run.output


def test_a_calendar_year_beside_within_on_the_sichuan_form_is_refused_on_its_cell(tmp_path) -> None:
    """On the Sichuan form, 2024 in 年度指标值 with 度量单位 年内 and a blank 指标性质, beside 2025 reached: refused before
    QA189 F1, then scored 19.99 of 20; a deadline now, refused on its cell (QA194 F1)."""
    book, form, (sign, target, unit, actual) = _sichuan_form(tmp_path)
    sign.value, target.value, unit.value, actual.value = None, 2024, "年内", 2025
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and f"!{target.coordinate}：" in run.output, run.output
    assert "指标值 '2024年内' " + _DEADLINE in run.output and "19.99" not in run.output, run.output




def _score_example(tmp_path: Path, row: dict[str, Any]) -> tuple[int, str]:
    """`score` with the example-rows set of docs/indicator-sets.md (no `comparisons`): a row 建设工期 beside 安置房."""
    (rules := tmp_path / "set.yaml").write_text(EXAMPLE_ROWS, encoding="utf-8")
    rows = [{"name": "安置房", "type": "quantity", "weight": 20, "target": 19, "actual": 18, "unit": "栋"},
            {"name": "建设工期", "weight": 30, "actual": 14, **row}]
    (facts := tmp_path / "facts.json").write_text(json.dumps({"facts": {"targets": rows}}, ensure_ascii=False), "utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts), "--set", str(rules)])
    return run.exit_code, run.output


def test_a_limit_typed_to_reach_is_offered_no_type_only_where_a_row_without_type_scores_as_a_limit(tmp_path) -> None:
    """In a group whose set maps no comparison (the example-rows set), type quantity beside 12个月内 was told "或不写 type",
    and a row without type is refused there. Now the fixes offered are the group's limit type (timeliness) and ≥12个月, and
    each scores; where ≤ maps to a limit (self-evaluation) "或不写 type" is still offered and scores, tested above
    (QA194 F2)."""
    code, output = _score_example(tmp_path, {"type": "quantity", "target": "12个月内"})
    assert 1 == code and 1 == len(output.splitlines()), output
    assert "（时限把 type 写为 timeliness（按 ≤ 计分）；如本意是至少达到 12个月，写 ≥12个月）" in output, output
    assert "不写 type" not in output, output
    code, output = _score_example(tmp_path, {"type": "timeliness", "target": "12个月内"})
    assert 0 == code and "14与目标12相差2" in output, output
    code, output = _score_example(tmp_path, {"type": "quantity", "target": "≥12个月", "actual": "14个月"})
    assert 0 == code and "实际值14，目标值12，完成率116.67%，达到目标，得满分30.00分" in output, output


def test_an_untyped_limit_in_words_refused_by_its_group_is_named_as_written(tmp_path) -> None:
    """A row without type, target 12个月内, in a group that maps no comparison was refused as a row with 指标性质 ≤, which
    the row never wrote: the message names the limit as written (QA194 F2)."""
    code, output = _score_example(tmp_path, {"target": "12个月内"})
    assert 1 == code and "没有写 type，行组也不为时限 12个月内（≤）的行评分" in output and "指标性质 ≤" not in output, output


@pytest.mark.parametrize("name", ["期限内办结件数", "支付日期偏差天数", "年度办结件数"])
def test_a_count_at_most_a_year_like_number_in_a_row_named_for_a_period_or_a_date_is_still_a_count(tmp_path, name) -> None:
    """≤2000 with no unit in a row named 期限内办结件数 or 支付日期偏差天数 scored 20.00 for 1950, then was refused as the
    deadline 2000年底前: only a name that ends saying the row holds a year (建成年份) makes a bare ≤2024 a year (QA196 R1)."""
    code, output = _score(tmp_path, {"name": name, "target": "≤2000", "actual": 1950})
    line = next(line for line in output.splitlines() if name in line)
    assert 0 == code and "实际值1950未超过目标值2000，得满分20.00分" in line, output


_CLEAR = "并清除指标性质 {}（表中留空或写 定性；事实文件去掉 comparison）"


@pytest.mark.parametrize("row", [
    {"target": "≥2024年内", "actual": "2025年"}, {"target": "不少于2024年内", "actual": "2025年"},
    {"target": "≤2024年内", "actual": "2025年"}, {"target": "2024年内完成", "comparison": "≥", "actual": "2025年"},
    {"target": 2024, "unit": "年内", "comparison": "≥", "actual": 2025}, {"target": "≥2024年之内", "actual": 2025}])
def test_a_calendar_year_as_a_limit_is_a_deadline_whatever_sign_is_written(tmp_path, row) -> None:
    """≥2024年内 (不少于2024年内, comparison ≥ beside 2024年内完成) was told 时限写 ≤2024年内, itself refused, or ≥2024年,
    which scores a year late at full marks. A year as a limit is a deadline whatever the sign: the deadline's refusal, its
    fix the tier, and a comparison written beside it cleared (QA196 G1)."""
    code, output = _score(tmp_path, dict(row))
    assert 1 == code and 1 == len(output.splitlines()), output
    assert _DEADLINE in output and _AS_TIER in output and "时限写" not in output and "≥2024年" not in output.split("（")[-1]
    assert ("comparison" not in row) or _CLEAR.format(row["comparison"]) in output, output


@pytest.mark.parametrize("row", [{"comparison": "≤", "target": 2024, "unit": "年"}, {"comparison": "≤", "target": "2024年"}])
def test_a_year_made_a_limit_by_its_comparison_is_told_so_and_to_clear_it(tmp_path, row) -> None:
    """comparison ≤ beside 2024年 was refused as a deadline without saying the ≤ made it one nor that it must go: with it
    kept, the offered fix (2024年12月31日前, tier, score) was told its actual is missing. The message names the ≤ and the
    fix clears it (QA196 G2)."""
    code, output = _score(tmp_path, {**row, "actual": "2025年"})
    assert 1 == code and "指标值 '2024年'（指标性质 ≤）" + _DEADLINE in output and _CLEAR.format("≤") in output, output


@pytest.mark.parametrize("comparison", [None, "定性"])
def test_the_fix_for_a_year_with_a_comparison_scores_once_the_comparison_is_cleared(tmp_path, comparison) -> None:
    """The fix followed, comparison left out or 定性, scores the row by its tier (QA196 G1, G2)."""
    row = {"target": "2024年12月31日前", "tier": "达成年度指标", "score": 18, "reason": "按期", "comparison": comparison}
    code, output = _score(tmp_path, {k: v for k, v in row.items() if v is not None})
    assert 0 == code and "达成年度指标（16–20分），得18.00分：按期" in _line(output), output


def _sichuan_form(tmp_path: Path) -> tuple[Any, Path, Any]:
    """The Sichuan form of its facts with a row 项目完成时间 (≥6个), its workbook and its cells by value."""
    from openpyxl import load_workbook

    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    first = document["facts"]["targets"]["output"][0]
    document["facts"]["targets"]["output"][0] = {"id": first["id"], "name": "项目完成时间", "weight": first["weight"],
                                                 "category": "数量指标", "target": "≥6个", "actual": "7个"}
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "-o", str(form)]).exit_code
    book = load_workbook(form)
    line = next(line for line in book.worksheets[0].iter_rows() if any(c.value == "项目完成时间" for c in line))
    return book, form, [next(c for c in line if c.value == value) for value in ("≥", 6, "个", 7)]


@pytest.mark.parametrize(("sign", "unit", "cleared"), [("≤", "年", None), ("≤", "年", "定性"), ("≥", "年内", None)])
def test_a_year_with_a_sign_in_the_sichuan_forms_nature_is_told_to_clear_it_and_the_fix_scores(tmp_path, sign, unit,
                                                                                                cleared) -> None:
    """On the Sichuan form ≤ in 指标性质 beside 2024 年 and 2025 reached was refused without naming the ≤ nor saying to
    clear it, and the fix followed with the ≤ kept was told its actual is missing; ≥ beside 2024 年内 was told 时限写
    ≤2024年内. Each is the deadline's refusal naming the sign, and the fix followed (指标性质 empty or 定性, 2024年12月31日前,
    the tier in 完成值, the score) scores (QA196 G1, G2)."""
    book, form, (nature, target, written, actual) = _sichuan_form(tmp_path)
    score = [c for c in book.worksheets[0][nature.row] if c.value == 20][-1]  # 得分, right of 权重
    nature.value, target.value, written.value, actual.value = sign, 2024, unit, 2025
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and f"!{target.coordinate}：" in run.output and _CLEAR.format(sign) in run.output, run.output
    assert _DEADLINE in run.output and "时限写" not in run.output, run.output
    assert unit != "年" or f"（指标性质 {sign}）" + _DEADLINE in run.output, run.output
    nature.value, target.value, actual.value, score.value = cleared, "2024年12月31日前", "达成年度指标", 18
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code and "达成年度指标" in run.output and "18.00" in run.output, run.output


_TIER_TYPE = re.compile(r"及得分(?:，并清除指标性质 \S+（[^）]*）)?，type 写 (\w+)；")
_LIMIT_TYPE = re.compile(r"或把所用时间写成数量（≤6个月），type 写 (\w+)）$")
_FOLLOWED = {"target": "2024年12月31日前", "tier": "达成年度指标", "score": 24, "reason": "按期", "actual": None}


@pytest.mark.parametrize("row", [{}, {"type": "quantity"}, {"type": "timeliness"}, {"comparison": "≤", "target": "2024年"}])
def test_the_fix_for_a_year_as_a_limit_names_the_types_a_group_mapping_no_comparison_scores_and_each_scores(tmp_path,
                                                                                                             row) -> None:
    """In the example-rows set (no comparisons: a row without type is scored by nothing), 2024年内完成 beside 2025年 was
    told to write 2024年12月31日前 with its tier and score, no type, and that fix followed was refused: 没有写 type. The
    fix names the group's tier type (qualitative) and, for the time taken as an amount, its limit type (timeliness) unless
    the row already has it; each followed as written scores (QA196 G3)."""
    code, output = _score_example(tmp_path, {"target": "2024年内完成", "actual": "2025年", **row})
    line = output.strip()
    assert 1 == code and 1 == len(output.splitlines()) and _DEADLINE in line and _AS_TIER in line, output
    tier = _TIER_TYPE.search(line)
    assert "行组按档次评分的类型" not in line and tier and "qualitative" == tier.group(1), output
    limit = _LIMIT_TYPE.search(line)
    assert (limit is None) if row.get("type") == "timeliness" else (limit and "timeliness" == limit.group(1)), output
    code, output = _score_example(tmp_path, {**_FOLLOWED, "type": tier.group(1)})
    assert 0 == code and "达成年度指标" in output and "24.00" in output, output
    code, output = _score_example(tmp_path, {**row, "type": limit.group(1) if limit else row["type"], "target": "≤6个月",
                                             "actual": "7个月", "comparison": None})
    assert 0 == code and "7与目标6相差1" in output, output


def test_a_year_as_a_limit_in_a_row_already_scored_by_its_tier_is_told_to_write_its_tier_in_place_of_the_actual(
        tmp_path) -> None:
    """A row of type qualitative (scored by tier) with 2024年内完成 and an actual 2025年 was told "type 写行组按档次评分的类型",
    the type it has. It is told to write its tier, score and reason in place of the actual, and that followed scores
    (QA196 G3)."""
    code, output = _score_example(tmp_path, {"type": "qualitative", "target": "2024年内完成", "actual": "2025年"})
    assert 1 == code and _DEADLINE in output and "type 写" not in output, output
    assert "（type qualitative 按档次评分：指标值写 2024年12月31日前，把实际完成值换成档次（达成年度指标…）、得分和理由）" in output, \
        output
    code, output = _score_example(tmp_path, {**_FOLLOWED, "type": "qualitative"})
    assert 0 == code and "达成年度指标" in output and "24.00" in output, output


@pytest.mark.parametrize("kind", ["quantitative", "qualitative"])
def test_the_fix_for_a_year_as_a_limit_in_a_typed_self_evaluation_row_names_its_types_and_scores(tmp_path, kind) -> None:
    """In the self-evaluation set a typed row was told to write "a type scored by its tier": the fix names qualitative
    (or, for a row of that type, says to write the tier in place of the actual) and the limit type quantitative_lower
    for the time taken; each followed scores. An untyped row's fix there is as it was, tested above (QA196 G3)."""
    code, output = _score(tmp_path, {"type": kind, "target": "2024年内完成", "actual": "2025年"})
    assert 1 == code and "行组按档次评分的类型" not in output, output
    if kind == "qualitative":
        assert "（type qualitative 按档次评分：指标值写 2024年12月31日前，把实际完成值换成档次（达成年度指标…）、得分和理由" in output
    else:
        assert "qualitative" == _TIER_TYPE.search(output.strip()).group(1), output  # type: ignore[union-attr]
        assert "quantitative_lower" == _LIMIT_TYPE.search(output.strip()).group(1), output  # type: ignore[union-attr]
        code, output = _score(tmp_path, {"type": "quantitative_lower", "target": "≤6个月", "actual": "7个月"})
        assert 0 == code and "= 17.14分" in _line(output), output
    code, output = _score(tmp_path, {**_FOLLOWED, "score": 18, "type": "qualitative"})
    assert 0 == code and "达成年度指标（16–20分），得18.00分：按期" in _line(output), output


@pytest.mark.parametrize("name", ["竣工日期", "项目完成时间", "资金拨付时间", "竣工验收时间", "项目建设期限", "项目建成年份目标"])
@pytest.mark.parametrize("row", [{"target": "≤2024", "actual": 2025}, {"target": 2024, "comparison": "≤", "actual": "2025年"}])
def test_a_bare_year_at_most_in_a_row_named_for_a_date_is_a_deadline(tmp_path, name, row) -> None:
    """竣工日期 ≤2024 beside 2025 was refused as the deadline 2024年底前, then (QA196 R1's fix, a year only in a name ending
    in 年份 or 年度) scored 19.99 of 20 for a year late: a name that ends saying the row holds a date or a year makes a
    bare ≤2024 a year, while one ending in a count (期限内办结件数) does not (QA197 1)."""
    code, output = _score(tmp_path, {**row, "name": name})
    assert 1 == code and _DEADLINE in output and "19.99" not in output, output


@pytest.mark.parametrize("name", ["完成时间（天）", "资金拨付时间（天）", "审批办结时间（分钟）", "平均办结时间（小时）", "审批办结时间"])
def test_a_bare_number_at_most_in_a_row_named_for_a_length_of_time_is_still_a_number(tmp_path, name) -> None:
    """完成时间（天） ≤2000 beside 1950 scored 20.00, then (QA197 1's fix, any bracket after a date word) was refused as the
    deadline 2000年底前: a bracket naming another unit than 年, or a name of an average or handling time, says the row
    holds a length of time (QA199 1)."""
    code, output = _score(tmp_path, {"name": name, "target": "≤2000", "actual": 1950})
    line = next((line for line in output.splitlines() if name in line), output)
    assert 0 == code and "实际值1950未超过目标值2000，得满分20.00分" in line, output


@pytest.mark.parametrize("name", ["竣工日期", "项目完成时间", "竣工年份", "项目建成年份目标"])
@pytest.mark.parametrize(("target", "actual"), [(2024, 2025), ("2024", "2025"), ("2024年", "2025年"), (2024, 2023), (2024, 2024)])
def test_a_bare_year_in_a_row_named_for_a_date_is_a_deadline_not_a_number_to_reach(tmp_path, name, target, actual) -> None:
    """竣工日期 2024 beside 2025, with no sign, was read as a number to reach: a year late took full marks (完成率100.05%)
    and a year early lost points (2023: 19.99 of 20). A year with no sign in a row named for a date is its deadline, as
    ≤2024 there is: refused with the fix that judges it by its tier, which scores (note37; QA196 G4, QA197 3)."""
    code, output = _score(tmp_path, {"name": name, "target": target, "actual": actual})
    assert 1 == code and _DEADLINE in output and _AS_TIER in output, output
    assert "20.00" not in output and "19.99" not in output and "with comparison" not in output, output


@pytest.mark.parametrize("name", ["新增受益人口（人）", "完成时间（天）", "期限内办结件数"])
def test_a_bare_year_like_number_in_a_row_not_named_for_a_date_is_still_a_number(tmp_path, name) -> None:
    """Only a row named for a date reads a bare 2024 as a year: a count or a length of time of 2024 is scored as before."""
    code, output = _score(tmp_path, {"name": name, "target": 2024, "actual": 2025})
    line = next((line for line in output.splitlines() if name in line), output)
    assert 0 == code and "得满分20.00分" in line, output


def test_a_unit_column_written_with_spaces_inside_is_the_same_unit_as_the_actuals(tmp_path) -> None:
    """A row {unit: 个 月, target: 3, actual: 2 个 月} was refused as 单位不一致：个 月 / 个月, two units that look alike: the
    spaces inside a unit are no part of it, in the unit column as in the target and actual (QA204 6)."""
    code, output = _score(tmp_path, {"name": "办结时间", "type": "quantitative_lower", "target": 3, "unit": "个 月",
                                     "actual": "2 个 月"})
    assert 0 == code and "实际值2未超过目标值3，得满分20.00分" in next(
        (line for line in output.splitlines() if "办结时间" in line), output), output


@pytest.mark.parametrize(("sign", "said"), [(None, _DEADLINE), ("≥", "是日期中的年份，不是要达到的数量")])
def test_a_bare_year_in_a_date_row_of_the_sichuan_form_is_its_deadline_whatever_its_blank_nature_is_filled_with(
        tmp_path, sign, said) -> None:
    """On the Sichuan form 项目完成时间 2024 beside 2025 with 指标性质 blank was told to write ≥, ≤ or =, and ≥ written took
    full marks a year late (完成率100.05%). Blank, the row is refused as its deadline; with ≥, as a year no number to reach;
    the fix followed (指标性质 cleared, 2024年12月31日前, the tier in 完成值, the score) scores (QA204 5)."""
    book, form, (nature, target, written, actual) = _sichuan_form(tmp_path)
    score = [c for c in book.worksheets[0][nature.row] if c.value == 20][-1]  # 得分, right of 权重
    nature.value, target.value, written.value, actual.value = sign, 2024, None, 2025
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and f"!{target.coordinate}：" in run.output and said in run.output, run.output
    assert "没有写 ≥、≤ 或 =" not in run.output and "20.00" not in run.output, run.output
    nature.value, target.value, actual.value, score.value = None, "2024年12月31日前", "达成年度指标", 18
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code and "达成年度指标" in run.output and "18.00" in run.output, run.output


@pytest.mark.parametrize(("target", "actual"), [("≤18个月", "16月"), ("≤18月", "16个月"), ("18月内", "16个月")])
def test_months_written_as_yue_or_geyue_are_one_unit(tmp_path, target: str, actual: str) -> None:
    """≤18个月 beside 16月 was refused as 单位不一致：个月 / 月, one unit written two ways (QA261 F10)."""
    code, output = _score(tmp_path, {"name": "办结时间", "type": "quantitative_lower", "target": target, "actual": actual})
    assert 0 == code and "实际值16未超过目标值18，得满分20.00分" in next(
        (line for line in output.splitlines() if "办结时间" in line), output), output
