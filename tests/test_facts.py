"""Facts: reading facts files and checking facts against what the indicator set declares."""

from __future__ import annotations

import datetime
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import scoring_engine
from scoring_engine import Facts, FactsError, IndicatorSet, Result
from scoring_engine._zh import translate
from portfolio import ROOT

D = Decimal

SET_TEXT = """
id: facts-test
name: 事实检查
version: "1"
facts:
  budget.total: {type: number, min: 0, unit: 万元, label: 预算资金}
  budget.paid: {type: number, min: 0, unit: 万元, label: 实际支出}
  quality.rate: {type: number, min: 0, max: 1, label: 质量达标率}
  output.done: {type: integer, min: 0, label: 实际完成数}
  project.level: {type: string, values: [省级, 市级, 县级], label: 项目级别}
  project.on_time: {type: boolean, label: 按期完成}
  dates.end: {type: date, label: 实际完成日期}
  decision.budget: {type: judgement, label: 预算编制科学性}
  benefit.social: {type: tier, label: 社会效益}
  findings: {type: list, label: 合规性问题}
  extra.note: {type: number, required: false}
  extra.base: {type: number, default: 5}
grades:
  - {label: 合格, min: 0}
indicators:
  - id: execution
    name: 预算执行率
    weight: 40
    rule: {kind: proportional, value: budget.paid, target: budget.total}
  - id: quality
    name: 质量
    weight: 10
    rule: {kind: formula, rate: "quality.rate if project.on_time and project.level != '县级' else quality.rate * output.done / max(output.done, 1)"}
  - id: quality.again
    name: 质量复核
    weight: 10
    rule: {kind: proportional, value: quality.rate}
  - id: budget
    name: 预算编制
    weight: 10
    rule: {kind: judgement, fact: decision.budget}
  - id: social
    name: 社会效益
    weight: 10
    rule: {kind: tiers, fact: benefit.social}
  - id: compliance
    name: 合规性
    weight: 20
    rule: {kind: deduction, findings: findings, points_each: 1}
"""
SET = scoring_engine.parse_indicator_set(SET_TEXT)

GOOD: dict[str, Any] = {
    "budget": {"total": 100, "paid": 80},
    "quality": {"rate": 0.9},
    "output": {"done": 3},
    "project": {"level": "省级", "on_time": True},
    "dates": {"end": "2020-11-30"},
    "decision": {"budget": {"score": 8, "reason": "测算依据充分"}},
    "benefit": {"social": {"tier": "达成年度指标", "score": 9, "reason": "覆盖率提高"}},
    "findings": ["未附发票"],
}


def with_fact(name: str, value: Any) -> dict[str, Any]:
    """GOOD with the dotted fact `name` set to `value` (or removed, for ...)."""
    facts = {k: dict(v) if isinstance(v, dict) else v for k, v in GOOD.items()}
    *parents, last = name.split(".")
    node = facts
    for part in parents:
        node = node[part]
    if value is ...:
        del node[last]
    else:
        node[last] = value
    return facts


def refusal(facts: dict[str, Any] | Facts, indicator_set: IndicatorSet = SET) -> FactsError:
    with pytest.raises(FactsError) as caught:
        scoring_engine.score(indicator_set, facts)
    return caught.value


def test_good_facts_score() -> None:
    """The reference facts fit the set and score without warnings."""
    result = scoring_engine.score(SET, GOOD)
    assert isinstance(result, Result)
    assert () == result.warnings


# ---------------------------------------------------------------- one problem each


def test_missing_required_fact() -> None:
    """A required fact that is absent is reported with its label, name and the indicators that read it."""
    error = refusal(with_fact("budget.paid", ...))
    assert 1 == len(error.problems)
    assert "budget.paid" == error.fact
    assert "required fact 实际支出 (budget.paid) is missing (read by execution)" in str(error)
    assert "add it to the facts given" == error.hint  # a mapping from Python: no file to add it to


def test_null_counts_as_missing() -> None:
    """A fact given as null is treated as missing."""
    assert "is missing" in str(refusal(with_fact("budget.paid", None)))


def test_optional_and_defaulted_facts_may_be_left_out() -> None:
    """A fact declared required: false, or with a default, may be absent, and the default is the value scored."""
    assert "extra.note" not in json.dumps(GOOD) and "extra.base" not in json.dumps(GOOD)
    result = scoring_engine.score(SET, GOOD)
    assert result.fact("extra.note") is None
    assert D(5) == result.fact("extra.base").value


@pytest.mark.parametrize("value", ["86%", "80", "1,200"])
def test_text_where_a_number_belongs(value: str) -> None:
    """Text in place of a number is refused with a hint to write a plain number."""
    error = refusal(with_fact("budget.paid", value))
    assert f"expected a number, got text {value!r}" in str(error)
    assert "write a plain number without quotes, commas, % or units" == error.hint


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_from_python_floats(value: float) -> None:
    """NaN and infinity passed as Python floats are refused as not numbers; a NaN, which is how pandas reads an empty
    cell, is said to be one, with how to leave such facts out (a notebook's row.to_dict() of a blank 实际支出)."""

    error = refusal(with_fact("budget.paid", value))
    if math.isnan(value):
        assert ("NaN and infinity are not numbers; NaN is how pandas reads an empty cell: leave out the facts whose cells "
                "are empty (row.dropna().to_dict())") == error.hint
        assert "NaN 和无穷大不是数字；pandas 把空单元格读作 NaN：单元格为空的事实不要传入（row.dropna().to_dict()）" == translate(error.hint)
    else:
        assert "NaN and infinity are not numbers" == error.hint


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_blank_project_detail_from_pandas_is_not_told_to_be_quoted(value: float) -> None:
    """A project detail that is NaN (how pandas reads an empty cell of a text column, e.g. a blank 单位) is told to be
    left out, as a fact's NaN is; it was told "write it in quotes, as text", which would give the detail 'nan' (QA157 F2).
    """
    error = refusal(Facts(values=GOOD, project={"name": "甲项目", "unit": value, "year": 2024}))
    assert f"$.project.unit: {value} is not a finite number" in str(error)
    if math.isnan(value):
        assert ("NaN and infinity are not numbers; NaN is how pandas reads an empty cell: leave out the facts whose cells "
                "are empty (row.dropna().to_dict())") == error.hint
    else:
        assert "NaN and infinity are not numbers" == error.hint


def test_python_float_is_read_by_its_shortest_repr() -> None:
    """A Python float 0.1 is read as Decimal('0.1'), not as its binary approximation."""
    result = scoring_engine.score(SET, with_fact("quality.rate", 0.1))
    assert D("0.1") == result.indicator("quality.again").inputs["quality.rate"]


def test_true_is_not_a_number() -> None:
    """true in place of a number is refused, not read as 1."""
    error = refusal(with_fact("output.done", True))
    assert "expected a number, got true" in str(error)


def test_below_minimum() -> None:
    """A number below the declared minimum is refused, naming the minimum."""
    error = refusal(with_fact("budget.total", -1))
    assert "-1 is below the minimum 0" in str(error)
    assert "budget.total" == error.fact


def test_ratio_given_as_a_percentage_gets_a_hint() -> None:
    """86 for a ratio fact (max 1) is refused with a hint to write 0.86."""
    error = refusal(with_fact("quality.rate", 86))
    assert "86 is above the maximum 1" in str(error)
    assert "this fact is a ratio: write 0.86, not 86" == error.hint


def test_far_above_a_ratio_gets_no_percentage_hint() -> None:
    """150 for a ratio fact cannot be a percentage of 1 and gets no such hint."""
    error = refusal(with_fact("quality.rate", 150))
    assert "150 is above the maximum 1" in str(error)
    assert error.hint is None


def test_integer_given_a_fraction() -> None:
    """90.5 for an integer fact is refused as not a whole number."""
    error = refusal(with_fact("output.done", 90.5))
    assert "expected a whole number, got 90.5" in str(error)


def test_integer_given_a_whole_decimal() -> None:
    """90.0 for an integer fact is accepted as a whole number, worth the same as 90."""
    assert D(90) == scoring_engine.score(SET, with_fact("output.done", D("90.0"))).fact("output.done").value


@pytest.mark.parametrize(("value", "hint"), [("省", "did you mean '省级'?"), ("乡镇", "one of: 省级, 市级, 县级")])
def test_string_outside_its_values(value: str, hint: str) -> None:
    """A text fact outside its allowed values is refused with the closest value, or the list of values."""
    error = refusal(with_fact("project.level", value))
    assert f"{value!r} is not an allowed value" in str(error)
    assert hint == error.hint


def test_boolean_given_as_text() -> None:
    """'true' in quotes is refused for a boolean fact, with a hint to drop the quotes."""
    error = refusal(with_fact("project.on_time", "true"))
    assert "write true or false without quotes" == error.hint


@pytest.mark.parametrize(("value", "hint"), [("2024-11-31", "2024-11 has 30 days: check the day"),
                                           ("2023-02-29", "2023-02 has 28 days: check the day"),
                                           ("2020-13-01", "the month is from 01 to 12")])
def test_a_date_written_yyyy_mm_dd_that_does_not_exist_is_said_to_be_none(value: str, hint: str) -> None:
    """QA272 F6: 2024-11-31 was refused as 'expected a date YYYY-MM-DD, got text', a way of writing it the user had
    used: it is said to be no date, with the month's days."""
    error = refusal(with_fact("dates.end", value))
    assert f"there is no date {value}" in str(error) and hint == error.hint


@pytest.mark.parametrize(("value", "date"), [("２０２４-１０-３１", "2024-10-31"), ("2024-10-31 ", "2024-10-31"),
                                           ("2020-11-3", "2020-11-03"), ("2024-10-31T00:00:00", "2024-10-31"),
                                           ("２０２４年１０月３１日", "2024-10-31")])
def test_a_date_spelt_otherwise_is_refused_with_the_date_to_write(value: str, date: str) -> None:
    """QA276 F2: ２０２４-１０-３１ (an IME's full-width digits) was said to be no date, with 2024-10 只有 31 天：请核对日期
    for a day that is right; a trailing space, 2020-11-3 and a program's isoformat() text got an example only. Each is
    refused as written otherwise, with the date itself to write."""
    error = refusal(with_fact("dates.end", value))
    assert "expected a date YYYY-MM-DD" in str(error) and f"write the date as {date}" == error.hint


@pytest.mark.parametrize("value", ["30-11-2020", 20201331])
def test_date_format(value: Any) -> None:
    """A date not written YYYY-MM-DD, or not a real date, is refused with an example."""
    error = refusal(with_fact("dates.end", value))
    assert "expected a date YYYY-MM-DD" in str(error)
    assert "write e.g. 2020-11-30" == error.hint


@pytest.mark.parametrize("value", ["2020/11/30", "2020.11.30", 20201130, "20201130", Decimal(20201130), "2020年11月30日"])
def test_a_date_written_otherwise_is_refused_with_the_date_it_spells(value: Any) -> None:
    """20201130 or 2020/11/30 given for a date is refused with the date to write, 2020-11-30 (QA177 F2: only an example
    was given, 2020-11-30 whatever the date)."""
    error = refusal(with_fact("dates.end", value))
    assert "expected a date YYYY-MM-DD" in str(error)
    assert "write the date as 2020-11-30" == error.hint


@pytest.mark.parametrize(("value", "digits"), [(10 ** 40 - 1, 40), (10 ** 40, 41), (-(10 ** 20 - 1), 20), (2 ** 200, 61)])
def test_a_whole_number_past_every_bound_is_said_with_its_count_of_digits(value: int, digits: int) -> None:
    """QA310 6: forty 9s was "a number of about 41 digits", twenty 9s "about 21": the count is the number's own (the
    number is not converted to text to count them, which is slow or refused past 4,300 digits)."""
    error = refusal(with_fact("budget.paid", value))
    assert f"a number of {digits} digits is out of range" in str(error)


def test_a_giant_whole_number_is_refused_by_its_size_before_it_is_converted() -> None:
    """A caller's int of a million digits took score() 15 s: Decimal(int), whose time grows as the square of the
    digits, ran before the count of digits refused it. The conversion that every fact goes through refuses it first,
    by its size in bits, with its count of digits (not the number itself, cut short)."""
    from scoring_engine.fact_values import convert_number
    from scoring_engine.model import FactSpec

    with pytest.raises(ValueError) as refused:
        convert_number(7 * 10 ** 10_000, FactSpec(name="budget.paid", type="number"))
    assert refused.value.args == ("a number of 10001 digits is out of range (MAX_FACT_MAGNITUDE is 1e15)", "check the digits")


@pytest.mark.parametrize("value", ["⁴⁵³¹¹", "①②③④⑤"])
def test_five_digits_of_no_number_given_for_a_date_are_refused_with_an_example(value: str) -> None:
    """QA315 2: superscript or circled digits, which str.isdigit takes and Decimal does not, given for a date were an
    internal error (exit 3) where a day number is looked for: they are text that is no date, refused with an example."""
    error = refusal(with_fact("dates.end", value))
    assert "expected a date YYYY-MM-DD" in str(error) and "write e.g. 2020-11-30" == error.hint


@pytest.mark.parametrize("value", [45311, "45311", Decimal(45311)])
def test_a_spreadsheets_day_number_given_for_a_date_is_refused_with_the_date_it_stands_for(value: Any) -> None:
    """QA308 6: 45311, what a date pasted without its format becomes in a spreadsheet, was refused with an example
    (2020-11-30); the line says which date the number stands for and to write it, as a 时效指标 row's does."""
    error = refusal(with_fact("dates.end", value))
    assert "expected a date YYYY-MM-DD" in str(error)
    assert "45311 is a spreadsheet's day number of 2024-01-20: write the date as 2024-01-20" == error.hint


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"score": 8}, "missing reason"),
        ({"reason": "很好"}, "missing score"),
        ({"score": 8, "reason": "很好", "tier": "达成"}, "unknown key 'tier'"),
        ({"score": 8, "reason": "  "}, "reason must be non-empty text"),
        ({"score": -1, "reason": "很好"}, "-1 is below the minimum 0"),
        ({"score": "8", "reason": "很好"}, "expected a number"),
        (8, "expected an object {score: …, reason: …}"),
    ],
)
def test_judgement_shape(value: Any, words: str) -> None:
    """A judgement fact must be exactly {score, reason} with a score of 0 or more and a non-empty reason."""
    error = refusal(with_fact("decision.budget", value))
    assert words in str(error)
    assert "decision.budget" == error.fact


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"tier": "达成年度指标", "score": 9}, "missing reason"),
        ({"score": 9, "reason": "好"}, "missing tier"),
        ("达成年度指标", "expected an object {tier: …, score: …, reason: …}"),
    ],
)
def test_tier_shape(value: Any, words: str) -> None:
    """A tier fact must be exactly {tier, score, reason}."""
    error = refusal(with_fact("benefit.social", value))
    assert words in str(error)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("无", "expected a list"),
        ([""], "a finding must be non-empty text"),
        ([{"txt": "未附发票"}], "unknown key 'txt'"),
        ([{"text": "未附发票", "points": -1}], "-1 is below the minimum 0"),
    ],
)
def test_list_of_findings_shape(value: Any, words: str) -> None:
    """A findings list holds non-empty texts or {text, points} objects with points of 0 or more."""
    assert words in str(refusal(with_fact("findings", value)))


@pytest.mark.parametrize("items", [["无"], ["未发现问题"], ["经检查，未发现违规问题。"], ["资料齐全"], ["0处"], ["N/A"],
                                   ["未附发票", "无"], [{"text": "未发现问题", "points": 1}], ["—"]])
def test_a_finding_saying_there_is_none_is_refused(items: list[Any]) -> None:
    """An item of a findings list that says there is none (无, 未发现问题, 资料齐全), as a clerk fills the facts skeleton,
    is refused at its place with the fix [], not counted as a finding that costs points (QA260 F1)."""
    error = refusal(with_fact("findings", items))
    where = next(i for i, item in enumerate(items) if item != "未附发票")
    assert (f"$.facts.findings[{where}]", "findings") == (error.first.path, error.fact)
    assert "says there is none" in error.message and "leave this item out; [] when there is none" == error.hint
    assert "不是问题：文字" in error.text("zh") and "删去这一项；没有问题时写 []" in error.text("zh")


@pytest.mark.parametrize("items", [["经检查："], ["检查结果：", "未附发票"], ["经查阅账簿凭证"], ["存在的问题：", "未附发票"],
                                   ["检查结果：（扣1分）"]])
def test_a_finding_that_only_says_how_the_work_was_checked_is_refused(items: list[Any]) -> None:
    """An item that only heads the findings (经检查：, 检查结果：), as a clerk copies a cell's first line into the list,
    is refused at its place, not counted as a finding that costs points (QA270 F3)."""
    error = refusal(with_fact("findings", items))
    assert ("$.facts.findings[0]", "findings") == (error.first.path, error.fact)
    assert "only says how the work was checked" in error.message and "只说明了怎样检查" in error.text("zh")


@pytest.mark.parametrize(("item", "points", "reason"), [
    ("提前支付工程款（扣2.5分）", "1", "提前支付工程款（写明扣2.5分，按评分标准计）"),
    ("提前支付工程款 (扣 3 分)。", "1", "提前支付工程款（写明扣3分，按评分标准计）"),
    ("提前支付工程款（扣1分）\n", "1", "提前支付工程款"), ("验收报告未归档（扣1分）；", "1", "验收报告未归档"),
    ("会议费超标2万元，按规定扣1分", "1", "会议费超标2万元，按规定扣1分"),  # words that end so, no note (QA274 F6)
    ("资金滞留 扣2分", "1", "资金滞留（写明扣2分，按评分标准计）"), ("资金滞留\u3000扣1分。", "1", "资金滞留"),  # QA275 F4
    ("会议费超标准列支（扣两分）", "1", "会议费超标准列支（写明扣2分，按评分标准计）"), ("未附发票（扣一分）", "1", "未附发票"),  # QA278 F3
    ("会议费超标 按规定扣1分", "1", "会议费超标 按规定扣1分"), ("单位绩效考核被 扣2分", "1", "单位绩效考核被 扣2分"),
    ("白条入账3笔（每笔扣1分，扣3分）", "1", "白条入账3笔（每笔扣1分，扣3分）"),
    ({"text": "提前支付工程款（扣2分）", "points": 2}, "2", "提前支付工程款")])
def test_a_findings_points_noted_at_its_end_are_checked_against_the_standard(item: Any, points: str, reason: str) -> None:
    """QA271 F3: 提前支付工程款（扣2.5分） took the rule's 1 point, and the reason printed '（扣2.5分）（扣1分）', two figures
    with no word between them. The standard decides what a finding costs (a note is no way to cut 挪用's 5 points to 1:
    QA273 F2): a note that agrees is said once, one that does not is said to be set aside; {text, points} gives a finding
    its own points."""
    leaf = scoring_engine.score(SET, with_fact("findings", [item])).indicator("compliance")
    assert D(20) - D(points) == leaf.score and [(reason, D(points))] == [(d.reason, d.points) for d in leaf.deductions]


@pytest.mark.parametrize("text", ["a，" + " " * 50000 + "扣1分" + " " * 50000 + "x", " " * 100000 + "扣1分x",
                                  "，扣1分 " * 20000 + "x", "x，扣1分" + " " * 100000])
def test_a_findings_note_of_points_is_found_at_once_in_a_long_text(text: str) -> None:
    """A run of spaces before or after a note's 扣N分 made the search for it take seconds, growing with the square of the
    run (50,000 spaces: 3 s); the note is looked for only near the text's end."""
    import time

    from scoring_engine._finding_points import points_said

    start = time.process_time()
    points_said(text)
    assert time.process_time() - start < 1  # a bound on a blow-up, not a speed goal: about 0.005 s here


@pytest.mark.parametrize(("finding", "score"), [("虚列项目支出8万元", "0"), ("项目资金被挪作他用", "0"),
                                               ("存在挪用风险，资金监管不到位", "4"), ("已建立防止挤占挪用的制度，但2笔支出未附发票", "4"),
                                               ("挪用项目资金5万元", "0"), ("挪用重大动物疫病预防控制补助资金5万元", "0"),
                                               ("为避免资金被财政收回而虚列支出12万元", "0"), ("挪用资金5万元存在风险", "0"),
                                               ("制度中未明确防止截留挪用的措施", "4"), ("挪用风险准备金10万元", "0"),
                                               ("存在挤占挪用项目资金风险", "4")])
def test_the_national_sets_misuses_are_told_from_their_risks(finding: str, score: str) -> None:
    """QA280 F6: 虚列项目支出 and 挪作他用 took 1 point where the standard (存在截留、挤占、挪用、虚列支出的，每处扣5分) takes 5;
    存在挪用风险 and 防止挤占挪用的制度 took 5 for no misuse at all. A risk or a guard is read where the word stands: 挪用…预防
    控制资金 and 挪用资金5万元存在风险 state the misuse (QA281 F1)."""
    document = json.loads((Path(__file__).parent.parent / "indicator_sets" / "national-framework.facts.json").read_text("utf-8"))
    document["facts"]["process"]["compliance_findings"] = [finding]
    national = scoring_engine.load_indicator_set("national-framework")
    assert D(score) == scoring_engine.score(national, document["facts"]).indicator("process.funds.compliance").score


@pytest.mark.parametrize(("findings", "score", "said"), [
    (["会议费超标准列支（扣2.5分）"], "4", "会议费超标准列支（写明扣2.5分，按评分标准计）"),
    (["挪用项目资金5万元（扣1分）"], "0", "挪用项目资金5万元（写明扣1分，按评分标准计）（含“挪用”）"),
    (["提前支付工程款（扣2.5分）\n", {"text": "未附发票", "points": 1}], "3", "提前支付工程款（写明扣2.5分，按评分标准计）"),
    (["检查结果：", "会议费超标准列支"], None, None)])
def test_a_national_facts_files_findings_are_read_whole_on_the_quick_path(findings: list[Any], score: str | None,
                                                                           said: str | None) -> None:
    """The reading of a facts document that skips converting plain texts one by one took 检查结果： for a finding; and a
    note of points was read one way alone in its list and another beside a {text, points} (QA273 F1). Each is read as the
    long way reads it: the standard's points (挪用 5), the note set aside, the heading refused."""
    document = json.loads((Path(__file__).parent.parent / "indicator_sets" / "national-framework.facts.json").read_text("utf-8"))
    document["facts"]["process"]["compliance_findings"] = findings
    document = document["facts"]
    national = scoring_engine.load_indicator_set("national-framework")
    if score is None:
        assert "only says how the work was checked" in refusal(document, national).message
    else:
        leaf = scoring_engine.score(national, document).indicator("process.funds.compliance")
        assert D(score) == leaf.score and said == leaf.deductions[0].reason


@pytest.mark.parametrize(("item", "said"), [({"text": "提前支付工程款（扣2.5分）", "points": 1}, "its points are 1"),
                                            ("（扣2分）", "says its points but not what was found"),
                                            ("未附发票（扣1分）（扣2分）", "says its points twice")])
def test_a_findings_points_said_twice_or_alone_are_refused(item: Any, said: str) -> None:
    """Points in the text and other points beside it, or twice in the text (QA284 F2), or points with no finding
    before them, are refused at the item: which is meant, or what was found, cannot be told."""
    error = refusal(with_fact("findings", [item]))
    assert "$.facts.findings[0]" == error.first.path and said in error.message


@pytest.mark.parametrize("items", [["共计扣2分"], ["未附发票", "以上问题已整改"], ["备注：已整改"], ["合计2.0万元"]])
def test_a_remark_or_a_total_given_as_a_finding_is_refused(items: list[str]) -> None:
    """QA284 F1: ["共计扣2分"] took 2 points, its reason 扣2分：共计扣2分; a remark (以上问题已整改) took one. Neither is a
    finding, on the quick path or the long one."""
    error = refusal(with_fact("findings", items))
    assert f"$.facts.findings[{len(items) - 1}]" == error.first.path, error.message
    assert "is a remark on the findings, a total or a signature" in error.message


@pytest.mark.parametrize("item", ["。", "？", "*", "（）", "……"])
def test_a_finding_of_marks_alone_is_refused(item: str) -> None:
    """QA278 F1: an item of marks alone (。, ？, ……) names no finding; counted as one, it cost a point in silence."""
    error = refusal(with_fact("findings", [item]))
    assert "$.facts.findings[0]" == error.first.path and "names nothing" in error.message


def test_a_whole_number_noted_where_the_standard_takes_part_of_a_point_is_said() -> None:
    """QA278 F2: 合同缺失（扣1分） where the standard takes 0.5 printed 合同缺失 alone, the note taken to agree as 0.5
    rounds to 1, while 扣1.0分 was said to differ. A whole number never rounds a part: the difference is said."""
    half = scoring_engine.parse_indicator_set(SET_TEXT.replace("points_each: 1", "points_each: 0.5"))
    [deduction] = scoring_engine.score(half, with_fact("findings", ["合同缺失（扣1分）"])).indicator("compliance").deductions
    assert "合同缺失（写明扣1分，按评分标准计）" == deduction.reason


@pytest.mark.parametrize(("items", "said"), [
    (["1.未附发票 2.超标准列支"], "holds several findings in one item"),
    (["存在2处问题：未附发票、超标准列支"], "holds several findings in one item"),
    (["存在2处问题：", "未附发票", "超标准列支"], "only says how many findings there are"),
    (["2处"], "only says how many findings there are")])
def test_a_finding_that_holds_several_or_only_counts_them_is_refused(items: list[Any], said: str) -> None:
    """QA277 F1: an item holding several findings (a list numbered inline, a count of two before them) took one finding's
    points, and a count heading the items (存在2处问题：) cost a point of its own. Each is refused at the item, on the
    national set's quick reading of a facts file as on the long one."""
    error = refusal(with_fact("findings", items))
    assert "$.facts.findings[0]" == error.first.path and said in error.message
    document = json.loads((Path(__file__).parent.parent / "indicator_sets" / "national-framework.facts.json").read_text("utf-8"))
    document["facts"]["process"]["compliance_findings"] = items
    assert said in refusal(document["facts"], scoring_engine.load_indicator_set("national-framework")).message


@pytest.mark.parametrize("finding", ["无会议记录", "未发现问题台账缺失", "资料不齐全", "3处未附发票"])
def test_a_finding_that_names_a_problem_still_counts(finding: str) -> None:
    """A finding that names a problem, however it begins (无会议记录: no minutes kept), is a finding and costs its points."""
    result = scoring_engine.score(SET, with_fact("findings", [finding]))
    assert D(19) == result.indicator("compliance").score


@pytest.mark.parametrize("item", [None, "x", 190])
def test_a_bad_score_in_a_list_of_numbers_is_said_at_its_item(item: Any) -> None:
    """QA276 F4: None, text or a score above the maximum among five experts' scores was said of the whole list, where NaN
    at the same place was said at [1]: which score to fix could not be told."""
    panel = scoring_engine.parse_indicator_set("""
id: panel
name: 专家评分
version: "1"
total: 10
facts:
  scores: {type: list, items: number, min: 0, max: 100}
grades: [{label: 合格, min: 0}]
indicators:
  - {id: p, name: 评分, weight: 10, rule: {kind: panel, method: mean, scores: scores, scale: 100}}
""")
    assert "$.facts.scores[1]" == refusal({"scores": [88, item, 85, 79, 90]}, panel).first.path


@pytest.mark.parametrize(("value", "said"), [(float("nan"), "实际支出（budget.paid）：nan 不是有限的数"),
                                             (1e300, "实际支出（budget.paid）：1E+300 超出范围")])
def test_a_number_no_fact_may_hold_is_said_in_chinese_marks(value: float, said: str) -> None:
    """QA276 F5: NaN and a number out of range read '实际支出 (budget.paid): nan 不是有限的数', the English marks kept in the
    Chinese line; they read as every other line of a fact does."""
    small = scoring_engine.load_indicator_set(str(Path(__file__).parent.parent / "examples" / "small" / "set.yaml"))
    document = json.loads((Path(__file__).parent.parent / "examples" / "small" / "facts.json").read_text("utf-8"))
    document["facts"]["budget"]["paid"] = value
    assert said in refusal(document["facts"], small).text("zh")


def test_list_of_numbers_is_checked_item_by_item() -> None:
    """Each item of a list of numbers is checked against the fact's bounds."""
    panel = scoring_engine.parse_indicator_set("""
id: panel
name: 专家评分
version: "1"
facts:
  scores: {type: list, items: number, min: 0, max: 100}
grades:
  - {label: 合格, min: 0}
indicators:
  - {id: x, name: 专家评分, weight: 100, rule: {kind: panel, method: mean, scores: scores, scale: 100}}
""")
    assert "120 is above the maximum 100" in str(refusal({"scores": [80, 120]}, panel))
    assert "expected a number" in str(refusal({"scores": [80, "九十"]}, panel))


# ---------------------------------------------------------------- names, warnings, several problems


def test_undeclared_fact_is_a_warning() -> None:
    """A fact the set does not declare is ignored with a warning of kind 'undeclared_fact'."""
    result = scoring_engine.score(SET, {**GOOD, "remark": 1})
    assert [("undeclared_fact", "remark")] == [(w.kind, w.fact) for w in result.warnings]


def test_undeclared_fact_close_to_a_declared_one_gets_a_suggestion() -> None:
    """A misspelt fact name is ignored with a warning suggesting the declared name."""
    facts = with_fact("budget.piad", 80)
    result = scoring_engine.score(SET, facts)
    assert 1 == len(result.warnings)
    assert "budget.piad" == result.warnings[0].fact
    assert "did you mean budget.paid?" in result.warnings[0].message


def test_nested_objects_read_as_dotted_names() -> None:
    """{"budget": {"paid": 80}} and {"budget.paid": 80} give the same facts and the same score."""
    flat = {k: v for k, v in GOOD.items() if k != "budget"} | {"budget.total": 100, "budget.paid": 80}
    nested = scoring_engine.score(SET, GOOD)
    assert nested.total == scoring_engine.score(SET, flat).total
    assert {"budget.paid": D(80), "budget.total": D(100)} == dict(nested.indicator("execution").inputs)


def test_judgement_object_is_not_read_as_nested_facts() -> None:
    """A declared judgement fact's {score, reason} stays one fact rather than being split into dotted names."""
    result = scoring_engine.score(SET, GOOD)
    assert () == result.warnings
    assert D("8.00") == result.indicator("budget").score


def test_every_problem_is_reported_together_with_its_readers() -> None:
    """All fact problems are raised at once, each naming its fact and the indicators that read it."""
    facts = with_fact("quality.rate", "九成")
    facts = {**facts, "output": {"done": 1.5}, "project": {"level": "乡", "on_time": True}, "budget": {"paid": 80}}
    error = refusal(facts)
    assert {"budget.total", "quality.rate", "output.done", "project.level"} == {p.fact for p in error.problems}
    assert 4 == len(str(error).splitlines())
    by_fact = {p.fact: p.message for p in error.problems}
    assert "(read by execution)" in by_fact["budget.total"]
    assert "(read by quality, quality.again)" in by_fact["quality.rate"]
    assert "(read by quality)" in by_fact["output.done"]


def test_problem_path_points_into_the_facts_document() -> None:
    """Each fact problem carries the JSON path of the fact in the facts file."""
    error = refusal(with_fact("budget.paid", "x"))
    assert "$.facts.budget.paid" == error.path


def test_facts_must_be_a_mapping() -> None:
    """Facts that are not an object of names and values are refused."""
    with pytest.raises(FactsError):
        scoring_engine.score(SET, Facts(values=[1, 2]))  # type: ignore[arg-type]


# ---------------------------------------------------------------- load_facts

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "nan.json": (b'{"facts": {"budget": {"paid": NaN}}}', "NaN is not a number"),
    "infinity.json": (b'{"facts": {"budget": {"paid": Infinity}}}', "Infinity is not a number"),
    "duplicate.json": (b'{"facts": {"budget.paid": 1, "budget.paid": 2}}', "duplicate key 'budget.paid'"),
    "invalid-utf8.json": (b'{"facts": {"name": "\xff\xfe"}}', "not UTF-8"),
    "truncated.json": (b'{"facts": {"budget": {"paid": 1', "JSON syntax"),
    "empty.json": (b"", "JSON syntax"),
    "two-documents.json": (b'{"facts": {}}\n{"facts": {}}', "JSON syntax"),
    "list.json": (b"[1, 2]", "must be a mapping"),
    "no-facts.json": (b'{"fact": {}}', "missing key 'facts'"),
    "facts-not-object.json": (b'{"facts": [1, 2]}', "facts must be a mapping"),
    # QA116 F6: an empty reason was "x must not be empty", with no fix, unlike a reason of only spaces
    "bad-not-applicable.json": (b'{"facts": {}, "not_applicable": {"x": ""}}',
                                "the reason x does not apply is empty (give the reason the indicator does not apply)"),
    "duplicate.yaml": (b"facts:\n  budget.paid: 1\n  budget.paid: 2\n", "duplicate key 'budget.paid' (first on line 2, again on line 3)"),
    "anchor.yaml": (b"facts:\n  a: &x 1\n  b: *x\n", "anchors and aliases"),
    "nan.yaml": (b"facts:\n  a: .nan\n", "not a finite number"),
    "syntax.yaml": (b"facts: {a: [1\n", "YAML syntax"),
    "tag.yaml": (b"facts:\n  a: !!python/name:os.system x\n", "is not allowed"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unreadable_facts_file_is_a_facts_error(name: str, tmp_path: Path) -> None:
    """A facts file that cannot be read raises FactsError naming the file and what is wrong, never another exception."""
    content, words = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FactsError) as caught:
        scoring_engine.load_facts(path)
    assert words in str(caught.value)
    assert str(path) == caught.value.file


def test_json_text_is_read_as_json_loads_reads_it() -> None:
    """parse_facts reads JSON text with one decoder kept for every document, and still refuses, as json.loads does, a
    byte-order mark left in the text (a JSONL line after the first, read as facts_from_text reads it: parse_facts drops
    a leading one, QA127 F4), now named with the fix, not in json's words (QA177 F4); and takes bytes as json.loads
    does."""
    from scoring_engine._files import facts_from_text

    with pytest.raises(FactsError) as caught:
        facts_from_text('\ufeff{"facts": {}}')
    assert "one byte order mark '\\uFEFF' too many at the start of the text" in str(caught.value)
    assert "delete it" in caught.value.problems[0].hint
    assert scoring_engine.parse_facts(b'{"facts": {"a": 1.50}}').values == {"a": Decimal("1.50")}  # type: ignore[arg-type]
    assert scoring_engine.parse_facts('{"facts": {"a": 1.50, "b": [1, 2]}}').values == {"a": Decimal("1.50"), "b": [1, 2]}


def test_json_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error is located by line and column: a comma after the last item on the comma's line, whichever
    Python reads it (3.11 and 3.12 stopped at the brace, a line on: QA80 F1)."""
    path = tmp_path / "broken.json"
    path.write_text('{\n  "facts": {\n    "a": 1,\n  }\n}', encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        scoring_engine.load_facts(path)
    assert 3 == caught.value.line
    assert caught.value.column is not None


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    """A GBK file is reported as GBK on the line of its first Chinese character, with how to save it as UTF-8 or read it as GB18030."""
    path = tmp_path / "gbk.json"
    path.write_bytes(b'{\n"facts": {\n"name": "' + "项目".encode("gbk") + b'"}}')
    with pytest.raises(FactsError) as caught:
        scoring_engine.load_facts(path)
    assert 3 == caught.value.line
    assert "the file is GBK/GB18030 text, not UTF-8" == caught.value.message
    assert caught.value.hint is not None and "记事本" in caught.value.hint and "--encoding gb18030" in caught.value.hint
    assert "项目" == scoring_engine.load_facts(path, encoding="gb18030").values["name"]


def test_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark, as Windows editors write, is skipped."""
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"facts": {"budget": {"paid": 80}}}')
    assert {"budget": {"paid": 80}} == dict(scoring_engine.load_facts(path).values)


def test_json_decimals_are_read_exactly(tmp_path: Path) -> None:
    """Numbers in a JSON facts file are read as exact Decimals, not floats."""
    path = tmp_path / "exact.json"
    path.write_text('{"facts": {"quality": {"rate": 0.965}}}', encoding="utf-8")
    value = scoring_engine.load_facts(path).values["quality"]["rate"]
    assert isinstance(value, Decimal)
    assert D("0.965") == value


def test_a_directory_is_a_facts_error(tmp_path: Path) -> None:
    """A folder given as the facts file is refused as a folder."""
    with pytest.raises(FactsError) as caught:
        scoring_engine.load_facts(tmp_path)
    assert "is a folder, not a file" in str(caught.value)


def test_a_missing_path_is_a_facts_error(tmp_path: Path) -> None:
    """A path that does not exist is refused as no such file."""
    path = tmp_path / "nowhere.json"
    with pytest.raises(FactsError) as caught:
        scoring_engine.load_facts(path)
    assert "no such file" in str(caught.value)
    assert str(path) == caught.value.file


def test_yaml_facts_file_reads_like_json(tmp_path: Path) -> None:
    """A .yaml facts file gives the same facts as the equivalent JSON file."""
    yaml_path, json_path = tmp_path / "facts.yaml", tmp_path / "facts.json"
    yaml_path.write_text("facts:\n  budget:\n    total: 100\n    paid: 80.5\n  findings: [未附发票]\n", encoding="utf-8")
    json_path.write_text('{"facts": {"budget": {"total": 100, "paid": 80.5}, "findings": ["未附发票"]}}', encoding="utf-8")
    assert scoring_engine.load_facts(json_path).values == scoring_engine.load_facts(yaml_path).values


def test_example_facts_file_loads_and_scores() -> None:
    """The example facts file loads and fits the example set."""
    root = Path(__file__).resolve().parent.parent
    facts = scoring_engine.load_facts(root / "examples" / "small" / "facts.json")
    result = scoring_engine.score(scoring_engine.load_indicator_set(root / "examples" / "small" / "set.yaml"), facts)
    assert "某市社区养老服务补助项目" == result.project["name"]


def test_keys_given_twice_in_json_are_each_named_by_their_path() -> None:
    """A facts file exported from another system may hold hundreds of keys named paid or total: each key given twice is
    named with its place ($.facts.budget.paid, $.facts.rows[1].total) and the fact, all of them in one run."""
    text = ('{"facts": {"budget": {"total": 1, "paid": 2, "paid": 3},'
            ' "rows": [{"total": 1}, {"total": 2, "total": 3}]}, "facts": {}}')
    with pytest.raises(FactsError) as caught:
        scoring_engine.parse_facts(text, "f.json")
    assert ["$.facts", "$.facts.budget.paid", "$.facts.rows[1].total"] == [p.path for p in caught.value.problems]
    assert "budget.paid" == caught.value.problems[1].fact
    assert all(p.message.startswith("duplicate key") and p.hint == "keep one of them" for p in caught.value.problems)


def test_many_keys_given_twice_are_each_said_once_and_the_rest_counted() -> None:
    """Thirty keys given twice: twenty lines, the last saying how many more; a key given twice in each of 2,000 objects
    of one key is one line, not 2,000."""
    text = '{"facts": {' + ",".join(f'"k{i}": 1, "k{i}": 2' for i in range(30)) + "}}"
    with pytest.raises(FactsError) as caught:
        scoring_engine.parse_facts(text, "f.json")
    assert 20 == len(caught.value.problems) and "11 more keys given twice are not shown" == caught.value.problems[-1].message
    inner = '{"q": 1, "q": 2}'
    with pytest.raises(FactsError) as caught:
        scoring_engine.parse_facts('{"facts": {' + ",".join(f'"k": {inner}' for _ in range(2000)) + "}}", "f.json")
    assert ["duplicate key 'k' (given 2000 times)", "duplicate key 'q'"] == [p.message for p in caught.value.problems]


def test_the_facts_hash_is_the_same_for_a_json_file_its_yaml_with_quoted_dates_and_parse_facts(tmp_path: Path) -> None:
    """docs/reports.md: a facts file in JSON and the same facts in YAML, dates in quotes, give the same hash, and so does
    parse_facts of the file's text (what a back end should hash a request body with); an unquoted YAML date is a date,
    and a date-time for a date fact is refused rather than cut to its date."""
    import datetime

    import yaml

    from scoring_engine import load_facts, load_indicator_set, parse_facts, score

    small = Path(__file__).resolve().parent.parent / "examples" / "small"
    indicator_set = load_indicator_set(small / "set.yaml")
    text = (small / "facts.json").read_text(encoding="utf-8")
    quoted = tmp_path / "facts.yaml"
    quoted.write_text(yaml.safe_dump(json.loads(text), allow_unicode=True, default_style=None), encoding="utf-8")
    assert "'20" in quoted.read_text(encoding="utf-8")  # the dates are in quotes
    hashes = {score(indicator_set, facts).facts_sha256
              for facts in (load_facts(small / "facts.json"), load_facts(quoted), parse_facts(text))}
    assert 1 == len(hashes)
    values = json.loads(text)["facts"]
    values["output"]["actual_end"] = datetime.datetime(2024, 12, 20, 23, 30)
    with pytest.raises(FactsError, match="got the date and time 2024-12-20 23:30:00"):
        score(indicator_set, values)
    values["output"]["actual_end"] = datetime.datetime(2024, 12, 20)  # a form's date cell: midnight, no time zone
    assert score(indicator_set, values).total is not None


def _refused_national(group: str, name: str, value: Any, field: str | None = None) -> Any:
    """The first problem of the national set's bundled facts with fact `group.name` (or its `field`) set to `value`."""
    national = scoring_engine.load_indicator_set("national-framework")
    document = json.loads((Path(__file__).resolve().parent.parent / "indicator_sets" / "national-framework.facts.json")
                          .read_text(encoding="utf-8"))
    if field is None:
        document["facts"][group][name] = value
    else:
        document["facts"][group][name][field] = value
    with pytest.raises(FactsError) as caught:
        scoring_engine.score(national, Facts(document["facts"]))
    return caught.value.problems[0]


@pytest.mark.parametrize(("value", "path", "words"), [
    (["未附发票", None], "[1]", "expected a finding, got empty (null)"),
    (["未附发票", 5], "[1]", "expected a finding, got a number"),
    ([{"text": "超范围列支", "points": "5"}], "[0].points", "expected a number, got text '5'"),
    ("未附发票", "", "expected a list, got text")])
def test_a_bad_finding_is_said_at_its_place_in_the_list_in_words(value: Any, path: str, words: str) -> None:
    """QA41 F3: one bad finding of thirty was said at the list, not at the item, and as Python's type (got NoneType)."""
    problem = _refused_national("process", "compliance_findings", value)
    assert (f"$.facts.process.compliance_findings{path}", "process.compliance_findings") == (problem.path, problem.fact)
    assert words in problem.message and "NoneType" not in problem.message


@pytest.mark.parametrize("bad", ["5.5", float("nan")])
def test_a_judgements_bad_score_is_said_at_its_score_of_the_fact(bad: Any) -> None:
    """QA41 F4: a tier's score given as text was said at the fact, and NaN at a fact `benefit.social.score` that does not
    exist, without the label or the indicator that reads it. Both are said at `.score`, of the fact benefit.social."""
    problem = _refused_national("benefit", "social", bad, field="score")
    assert ("$.facts.benefit.social.score", "benefit.social") == (problem.path, problem.fact)
    assert "(read by benefit.effects.social)" in problem.message


@pytest.mark.parametrize(("bad", "words"), [(None, "空值（null）"), ([1], "列表")])
def test_a_judgements_score_of_another_kind_is_named_in_words_not_pythons(bad: Any, words: str) -> None:
    """QA45 F12: a tier's score given as null or a list said "实际是 None" / "实际是 [1]", Python's writing."""
    assert f"应为数字，实际是{words}" in _refused_national("benefit", "social", bad, field="score").text("zh")


@pytest.mark.parametrize(("name", "value", "said", "chinese"), [
    ("project.level", ["省级"], "expected text, got a list", "应为文字，实际是列表"),
    ("project.level", datetime.date(2024, 1, 1), "expected text, got the date 2024-01-01", "应为文字，实际是日期 2024-01-01"),
    ("dates.end", {"a": 1}, "expected a date YYYY-MM-DD, got an object", "应为日期 YYYY-MM-DD，实际是一组“名称: 值”"),
    ("dates.end", True, "expected a date YYYY-MM-DD, got true", "应为日期 YYYY-MM-DD，实际是 true"),
    ("project.on_time", datetime.date(2024, 1, 1), "expected true or false, got the date 2024-01-01",
     "应为 true 或 false，实际是日期 2024-01-01"),
    ("project.on_time", "yes", "expected true or false, got text 'yes'", "应为 true 或 false，实际是文字 'yes'"),
    ("budget.paid", datetime.datetime(2024, 1, 1, 10, 0), "expected a number, got a date and time", "应为数字，实际是日期和时刻"),
])
def test_a_value_of_the_wrong_kind_is_said_in_words_never_as_python_writes_it(name: str, value: Any, said: str,
                                                                            chinese: str) -> None:
    """QA91 F1, F2: a list, a mapping, a date given for a fact of another type was shown as Python writes it (['省级'],
    datetime.date(2024, 1, 1), True, 'date'), in English and inside Chinese lines: it is said in words, in both."""
    [problem] = refusal(with_fact(name, value)).problems
    assert said in problem.message, problem.message
    assert chinese in translate(problem.message), translate(problem.message)
    assert "datetime" not in problem.message and "[" not in problem.message


def test_a_judgement_given_for_another_set_is_named_whole_beside_a_missing_fact() -> None:
    """QA116 F5: facts written for a profile (a judgement decision.allocation_judgement: tier, score, reason) scored
    under its base named 'decision.allocation_judgement.reason is given' beside a missing fact: a part no one wrote as
    a fact. The judgement is named as the facts file writes it."""
    from scoring_engine._undeclared import given_instead

    given = {f"decision.allocation_judgement.{part}": "x" for part in ("tier", "score", "reason")}
    hint = given_instead("decision.allocation.basis", given, {"decision.allocation.basis": None})
    assert hint is not None and hint.startswith("decision.allocation_judgement is given"), hint


def test_an_optional_fact_left_out_that_a_rule_reads_is_named_by_its_label_with_not_applicable_offered() -> None:
    """QA272 F5: an optional fact left out, as it may be, stopped the project with '缺少事实 note（在事实文件中补上它）':
    no label, and no word of the other way out, marking the indicator that reads it not applicable."""
    text = ("id: t\nname: t\nversion: '1'\nfacts:\n  a: {type: number}\n  note: {type: number, required: false, label: 调整后预算数}\n"
            "grades: [{label: 合格, min: 0}]\nindicators:\n"
            "  - {id: x, name: 甲, weight: 50, rule: {kind: proportional, value: a / note}}\n"
            "  - {id: y, name: 乙, weight: 50, rule: {kind: proportional, value: a, target: 100}}\n")
    indicator_set = scoring_engine.parse_indicator_set(text)
    with pytest.raises(scoring_engine.ScoringError) as raised:
        scoring_engine.score(indicator_set, {"a": 90})
    error = raised.value
    assert ("x", "note") == (error.first.indicator, error.first.fact)
    assert "缺少事实 note" in error.text("zh") and "在事实文件中补上调整后预算数；该指标确实不适用时，写 not_applicable: {x: 不适用的理由}" in error.text("zh")
    assert D(95) == scoring_engine.score(indicator_set, Facts(values={"a": 90}, not_applicable={"x": "未调整预算"})).total


def test_expert_scores_of_a_hundred_points_given_as_percentages_or_shares_are_said_on_that_scale() -> None:
    """QA284 F3: in a facts file, 百分制 expert scores given as "95%" were told 看起来是 95%，即比率 0.95, and given as 0.95
    they scored 0.04 of 5 points (79.73 fell to 75.39, 良 to 中) with no 提示, where a form says both. The refusal names
    95 on the scale, and shares of 1 are scored as written with a warning naming the scale."""
    small = scoring_engine.load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["benefit"]["expert_scores"] = ["95%", 90, 88, 70, 80]
    error = refusal(scoring_engine.parse_facts(json.dumps(document)), small)
    assert "which looks like 95%, that is 95 on a scale of 100" in error.message, error.message
    assert "95%，按 100 分制即 95" in error.text("zh"), error.text("zh")
    from click.testing import CliRunner

    from scoring_engine.cli import main

    path = ROOT / "examples" / "small" / "facts.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["facts"]["benefit"]["expert_scores"] = ["95%", 90, 88, 70, 80]
    doc["indicator_set"] = str(ROOT / "examples" / "small" / "set.yaml")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", "-"], input=json.dumps(doc, ensure_ascii=False))
    assert "应为数字，实际是文字 '95%'，看起来是 95%，按 100 分制即 95" in run.output, run.output  # QA288 F3: half English
    document["facts"]["benefit"]["expert_scores"] = [0.95, 0.9, 0.88, 0.7, 0.8]
    result = scoring_engine.score(small, scoring_engine.parse_facts(json.dumps(document)))
    warning = next(w for w in result.warnings if w.kind == "scale")
    assert "benefit.expert_scores" == warning.fact and "(0.95、0.9、0.88、…) is 1 or less" in warning.message
    assert "write them on the scale: 95 for 0.95" in warning.message, warning.message
    document["facts"]["benefit"]["expert_scores"] = [95, 90, 88, 70, 80]
    assert not [w for w in scoring_engine.score(small, scoring_engine.parse_facts(json.dumps(document))).warnings
                if w.kind == "scale"]


def test_expert_scores_as_shares_are_not_warned_of_when_the_indicator_reading_them_is_not_applicable() -> None:
    """QA288 F7: with the only indicator that reads the expert scores marked 不适用, the list scores nothing, yet the
    `scale` warning said it was scored as written. Marked 不适用, nothing is said of it; applicable, it is warned of."""
    small = scoring_engine.load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["benefit"]["expert_scores"] = [0.95, 0.9, 0.88]
    applicable = scoring_engine.score(small, scoring_engine.parse_facts(json.dumps(document)))
    assert [w.fact for w in applicable.warnings if w.kind == "scale"] == ["benefit.expert_scores"]
    document["not_applicable"] = {"benefit.sustain": "项目无后续运行"}
    marked = scoring_engine.score(small, scoring_engine.parse_facts(json.dumps(document)))
    assert not [w for w in marked.warnings if w.kind == "scale"], marked.warnings
