"""需说明 of target rows far above their target (`explain_when: [{rows_above: 1.5, message: …}]`, 财预〔2020〕10号 第十六条:
对完成值高于指标值较多的，要分析原因): each row to reach (≥) or equal (=) whose actual is at least that multiple of its
target, with no 偏差原因, is a flag of its own; a ceiling (≤) or a qualitative row never is."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from conftest import row_group_set
from scoring_engine import IndicatorSetError, parse_indicator_set, score
from scoring_engine._case_texts import contains, flags_of
from scoring_engine._result_json import result_json
from scoring_engine.diff import diff_sets
from scoring_engine.reports.diff import change_rows

MESSAGE = "完成值高于指标值较多的三级指标须分析原因"
GROUP = ("{fact: rows, comparisons: {'≥': q, '≤': low, '=': eq, 定性: t}, rules: {"
         "q: {kind: proportional, value: row.actual, target: row.target}, "
         "low: {kind: proportional, value: row.actual, target: row.target, direction: lower_is_better}, "
         "eq: {kind: equal, value: row.actual, target: row.target}, t: {kind: tiers, fact: row}}}")


def _set(condition: str = "rows_above: 1.5") -> str:
    return row_group_set(20, "效益", GROUP, head=f"explain_when:\n  - {{{condition}, message: {MESSAGE}}}\n")


def _flags(*rows: dict[str, Any], lang: str = "zh") -> list[str]:
    return [f.text(lang) for f in score(parse_indicator_set(_set()), {"rows": list(rows)}).flags]


def _refusal(condition: str) -> list[str]:
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(_set(condition), "t.yaml")
    return [p.message for p in caught.value.problems]


PEOPLE = {"id": "1", "name": "新增受益人口", "target": "≥5000人", "actual": "15000人"}


def test_a_row_far_above_its_target_without_a_reason_is_flagged_in_the_language_of_the_sets_message() -> None:
    """The flag names the row, its actual and target as written and how many times over it is, in Chinese after a
    Chinese message in every language (the JSON's and the batch JSONL's `message` with --lang zh too, as rows_below's
    and a condition's flags say theirs: QA341 5); after a message in English, in English, its Chinese kept for the
    Chinese reports."""
    chinese = f"{MESSAGE}（新增受益人口（g.1）完成值15000人，为指标值5000人的300%，未说明偏差原因）"
    assert [chinese] == _flags(PEOPLE) == _flags(PEOPLE, lang="en")
    result = score(parse_indicator_set(_set()), {"rows": [PEOPLE]})
    assert ["rows_above: 1.5"] == [f.expression for f in result.flags] and [chinese] == [str(f) for f in result.flags]
    assert chinese in result_json(result, lang="zh") and "actual 15000人" not in result_json(result, lang="zh")
    english = score(parse_indicator_set(_set().replace(MESSAGE, ENGLISH)), {"rows": [PEOPLE]}).flags
    assert [f"{ENGLISH} (新增受益人口 (g.1): actual 15000人 is 300% of the target 5000人, no deviation reason given)"] \
        == [f.text("en") for f in english]
    assert [f"{ENGLISH}（新增受益人口（g.1）完成值15000人，为指标值5000人的300%，未说明偏差原因）"] == [f.text("zh") for f in english]


ENGLISH = "rows far above their target must be explained"


def test_a_row_that_gives_its_reason_is_not_flagged() -> None:
    """The 偏差原因 analysed is what the policy asks for."""
    assert [] == _flags({**PEOPLE, "reason": "年初指标值按上年受益人口设定，偏低"})


@pytest.mark.parametrize(("actual", "flagged"), [("7500人", True), ("7499人", False), ("5000人", False)])
def test_a_row_at_the_multiple_exactly_is_flagged(actual: str, flagged: bool) -> None:
    """An actual that reaches 1.5 times its target (7500 of 5000) is flagged; 7499 is not."""
    assert flagged == bool(_flags({**PEOPLE, "actual": actual}))


def test_a_ceiling_far_under_is_a_saving_and_never_flagged() -> None:
    """A ≤ row (a cost ceiling), by its sign or by a type scored lower-is-better, is not flagged however far it is from
    its target; nor is a qualitative row judged by its tier."""
    assert [] == _flags({"name": "单位成本", "target": "≤100万元", "actual": "20万元"},
                        {"name": "单位成本", "type": "low", "target": 100, "actual": 300, "unit": "万元"},
                        {"name": "满意度", "target": "效果明显", "tier": "达成年度指标", "score": 6, "reason": "好"})


def test_an_equal_target_far_exceeded_is_flagged() -> None:
    """An = row (=1次) done twice is one far above its target."""
    assert [f"{MESSAGE}（培训次数（g.1）完成值2次，为指标值1次的200%，未说明偏差原因）"] == \
        _flags({"name": "培训次数", "target": "=1次", "actual": "2次"})


@pytest.mark.parametrize(("target", "actual", "said"), [("≥60%", "95%", "完成值95%，为指标值60%的158.33%"),
                                                        ("≥90%", "95%", None), ("≥50%", "75%", "完成值75%，为指标值50%的150%")])
def test_percentages_are_compared_as_rates_and_shown_as_written(target: str, actual: str, said: str | None) -> None:
    """95% of a target of 60% is 158.33% of it; 95% of 90% is not far above."""
    found = _flags({"name": "覆盖率", "target": target, "actual": actual})
    assert ([said] if said else []) == [f[f.index("）完成值") + 1:f.index("，未说明")] for f in found]


def test_a_case_may_expect_the_flag_in_chinese() -> None:
    """A test case's `flags:` matches the flag as printed in Chinese (the batch's 需说明 sheet) or as written in English."""
    indicator_set = parse_indicator_set(_set())
    texts = flags_of(score(indicator_set, {"rows": [PEOPLE]}), indicator_set)
    assert contains("完成值15000人，为指标值5000人的300%", texts)
    english = parse_indicator_set(_set().replace(MESSAGE, ENGLISH))
    texts = flags_of(score(english, {"rows": [PEOPLE]}), english)
    assert contains("完成值15000人，为指标值5000人的300%", texts) and contains("actual 15000人 is 300%", texts)


@pytest.mark.parametrize(("condition", "words"), [
    ("rows_above: 1", "rows_above must be above 1"), ("rows_above: 0.5", "rows_above must be above 1"),
    ("rows_above: '1.5'", "rows_above must be a number"), ("rows_above: true", "rows_above must be a number"),
    ("rows_above: 1.5, rows_below: 0.8", "exactly one of when (a formula), rows_below"),
    ("rows_above: 1.5, when: 'grade == \"合格\"'", "or rows_above (a multiple of a row's target)"),
])
def test_the_multiple_is_a_number_above_1_and_the_only_condition(condition: str, words: str) -> None:
    """A multiple of 1 or less would flag every row that meets its target; a condition gives one form only."""
    assert any(words in m for m in _refusal(condition)), _refusal(condition)


def test_diff_shows_a_changed_multiple() -> None:
    """Raising the multiple from 1.5 to 2 is a change of the 需说明 condition, both values shown."""
    rows = change_rows(diff_sets(parse_indicator_set(_set()), parse_indicator_set(_set("rows_above: 2"))))
    assert any("rows_above: 1.5" in row and "rows_above: 2" in row for row in rows), rows


def test_rows_below_is_unchanged_beside_it() -> None:
    """Both per-row forms in one set: each row is flagged by the condition it meets, in the set's order."""
    text = _set().replace("explain_when:\n", "explain_when:\n  - {rows_below: 0.8, message: 得分偏低}\n")
    rows = [PEOPLE, {"name": "蓄水池", "target": "≥4座", "actual": "2座"}]
    flags = [str(f) for f in score(parse_indicator_set(text), {"rows": rows}).flags]
    assert ["得分偏低（蓄水池（g.2）得5.00分，低于分值10的80%，未说明偏差原因）"] == flags[:1] and "完成值15000人" in flags[1]
    assert D("1.5") == parse_indicator_set(text).explain_when[1].rows_above


def test_a_row_at_the_ends_of_the_range_of_numbers_is_flagged_not_an_internal_error() -> None:
    """An = row in % of 1e-13% done 9999999999999% (10^28 times over, which no 0.01% keeps within 28 digits) is said as
    a whole percentage; it raised decimal.InvalidOperation."""
    found = _flags({"name": "x", "target": "=0.0000000000001%", "actual": "9999999999999%"})
    assert ["完成值9999999999999%，为指标值0.0000000000001%的9999999999999000000000000000%"] == \
        [f[f.index("）完成值") + 1:f.index("，未说明")] for f in found]
