"""需说明: the set's explain_when conditions become flags on the Result, in its JSON and in every single-project report."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import IndicatorSetError, load_facts, parse_indicator_set, render, score
from scoring_engine.cases import load_cases, run_case

RESULT_SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))
BASE = EXAMPLE_SET.read_text(encoding="utf-8")  # the small example scores 79.73, 中, with 预算执行率 93.2%


def _with_conditions(conditions: str) -> object:
    return parse_indicator_set(BASE + "\nexplain_when:\n" + conditions, str(EXAMPLE_SET))


def test_a_condition_met_becomes_a_flag_with_the_values_it_read():
    """A condition that holds gives a flag: the set's message, then the formula and the values it read."""
    result = score(_with_conditions("  - {when: execution_rate < 0.95, message: 预算执行率低于95%}\n"), load_facts(EXAMPLE_FACTS))
    assert ["预算执行率低于95%（execution_rate < 0.95；execution_rate = 0.932）"] == [str(f) for f in result.flags]
    assert "execution_rate < 0.95" == result.flags[0].expression


def test_a_condition_not_met_gives_no_flag():
    """A condition that does not hold leaves the result without flags, and a set without conditions never flags."""
    flagged = score(_with_conditions("  - {when: execution_rate < 0.9, message: 预算执行率低于90%}\n"), load_facts(EXAMPLE_FACTS))
    assert () == flagged.flags
    assert () == score(parse_indicator_set(BASE), load_facts(EXAMPLE_FACTS)).flags


def test_conditions_read_the_total_and_the_grade():
    """`total` and `grade` in a condition are the project's own, so a set can say 中/差 or 'below 80' must explain."""
    result = score(_with_conditions("  - {when: \"grade == '中'\", message: 评价结果为中}\n"
                                    "  - {when: total < 80, message: 总分低于80分}\n"
                                    "  - {when: total < 79, message: 总分低于79分}\n"), load_facts(EXAMPLE_FACTS))
    assert ["评价结果为中（grade == '中'；grade = 中）", "总分低于80分（total < 80；total = 79.73）"] == [str(f) for f in result.flags]


def test_a_condition_that_cannot_be_decided_is_a_warning_not_a_flag():
    """A condition whose formula fails, or gives no yes/no, adds an explain_when warning saying why, and no flag."""
    indicator_set = _with_conditions("  - {when: budget.total / (budget.paid - budget.paid) > 1, message: 除零}\n"
                                     "  - {when: \"budget.total if budget.total > 0 else '否'\", message: 不是是或否}\n")
    result = score(indicator_set, load_facts(EXAMPLE_FACTS))
    assert () == result.flags
    undecided = [w.message for w in result.warnings if w.kind == "explain_when"]
    assert 2 == len(undecided)
    assert undecided[0].startswith("cannot tell whether to explain (") and undecided[0].endswith("): 除零")
    assert "the condition must give true or false, got 200" in undecided[1]
    chinese = [w.text("zh") for w in result.warnings if w.kind == "explain_when"]
    assert chinese[0].startswith("无法判断是否需说明（") and "条件必须得出是或否，得到 200" in chinese[1]


@pytest.mark.parametrize(("section", "written", "said"), [
    ("explain_when", "  - {when: execution_rate, message: 预算执行率低于90%}\n", "execution_rate gives a number"),
    ("explain_when", "  - {when: execution_rate * 2, message: 翻倍}\n", "execution_rate * 2 gives a number"),
    ("explain_when", "  - {when: budget.total, message: 预算}\n", "budget.total gives a number"),
    ("explain_when", "  - {when: \"'否' or budget.total\", message: 文字}\n", "'否' or budget.total gives text"),
    ("checks", "  - {expr: budget.paid, message: 执行数}\n", "budget.paid gives a number"),
    ("caps", "  - {when: execution_rate, total_at_most: 80, message: 封顶}\n", "execution_rate gives a number"),
])
def test_a_condition_that_can_only_give_a_number_or_text_is_refused_when_the_set_loads(
        section: str, written: str, said: str) -> None:
    """QA135 F1: `when: execution_rate` (the `< 0.9` forgotten) passed validate and lint; a batch then left every
    project under 90% off 需说明 with exit 0. A condition whose kind is known (a fact, a derived ratio, arithmetic) to be
    a number, text or a date can never be true or false: it is refused at its line, with the fix, in Chinese too."""
    # the example declares checks: the bad one goes first among them (line 48), the other sections at the end
    text = BASE.replace("checks:\n", "checks:\n" + written) if section == "checks" else BASE + f"\n{section}:\n" + written
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, str(EXAMPLE_SET))
    problem = caught.value.problems[0]
    assert f"a condition must give true or false, and {said}" == problem.message
    assert problem.line is not None and problem.line in (48, BASE.count("\n") + 3)
    assert "条件必须得出是或否" in problem.text("zh") and "must" not in problem.text("zh")


def test_flags_are_in_the_json_result_and_match_the_schema():
    """The JSON result lists each flag with message and expression, and still validates against result.schema.json."""
    result = score(_with_conditions("  - {when: total < 80, message: 总分低于80分}\n"), load_facts(EXAMPLE_FACTS))
    document = json.loads(result.to_json())
    jsonschema.Draft202012Validator(RESULT_SCHEMA).validate(document)
    assert [{"message": "总分低于80分（total < 80；total = 79.73）", "expression": "total < 80"}] == document["flags"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_text_reports_list_the_flags_under_their_heading(fmt: str):
    """The table, Markdown and HTML reports show a 需说明 heading with each flag, and no heading when there is none."""
    flagged = score(_with_conditions("  - {when: total < 80, message: 总分低于80分}\n"), load_facts(EXAMPLE_FACTS))
    text = render(flagged, fmt)
    flag = "总分低于80分（总分 79.73）"  # the values by their labels: the formula stays in the JSON (QA263 F6)
    assert "需说明" in text
    assert (flag.replace("<", "&lt;") if fmt == "html" else flag) in text
    assert "需说明" not in render(score(parse_indicator_set(BASE), load_facts(EXAMPLE_FACTS)), fmt)


def test_the_xlsx_report_lists_the_flags_on_its_facts_sheet():
    """The workbook's second sheet has a 需说明 section with each flag."""
    from openpyxl import load_workbook

    from scoring_engine.reports.xlsx import FACTS_SHEET

    flagged = score(_with_conditions("  - {when: total < 80, message: 总分低于80分}\n"), load_facts(EXAMPLE_FACTS))
    cells = [c for row in load_workbook(io.BytesIO(render(flagged, "xlsx")))[FACTS_SHEET].iter_rows(values_only=True) for c in row]
    assert "需说明" in cells and "总分低于80分（总分 79.73）" in cells


def test_a_misspelt_name_in_a_condition_is_refused_with_its_line():
    """A condition reading an unknown name is a set error at load, with the line and a did-you-mean."""
    with pytest.raises(IndicatorSetError) as caught:
        _with_conditions("  - {when: executon_rate < 0.9, message: 预算执行率低于90%}\n")
    assert "did you mean execution_rate?" == caught.value.hint
    assert "$.explain_when[0].when" == caught.value.path


def test_text_ordered_against_a_grade_the_set_has_not_is_told_both_mistakes_at_once():
    """QA195 G3: `grade >= '良好'` in a set with no 良好 grade was told only that text is not ordered; once the author
    wrote `grade == '良好'`, validate then said 良好 is no grade. Both mistakes are now said at once, on the line. A
    formula that is not the language's own (a misspelt name) is still told that alone: its kinds are not judged."""
    with pytest.raises(IndicatorSetError) as caught:
        _with_conditions("  - {when: \"grade >= '良好'\", message: 等级}\n")
    assert ["cannot order text (grade, '良好') with >=: text is only compared with == and !=",
            "'良好' is not one of the values of grade: 优, 良, 中, 差"] == [p.message for p in caught.value.problems]
    assert len({(p.line, p.path) for p in caught.value.problems}) == 1
    assert "'良好' 不是 grade 的取值之一" in caught.value.problems[1].text("zh")
    with pytest.raises(IndicatorSetError) as caught:
        _with_conditions("  - {when: \"grade >= '良好' or executon_rate < 0.9\", message: 等级}\n")
    assert ["unknown name executon_rate"] == [p.message for p in caught.value.problems]


def _flag_cases(folder: Path, cases: str) -> list[Any]:
    """The outcomes of `cases` (YAML items) run on the example flagged below 80 points, files in `folder`."""
    (folder / "set.yaml").write_text(BASE + "\nexplain_when:\n  - {when: total < 80, message: 总分低于80分}\n", encoding="utf-8")
    (folder / "facts.json").write_bytes(EXAMPLE_FACTS.read_bytes())  # a case file names files inside its own folder
    path = folder / "set.cases.yaml"
    path.write_text("indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n" + cases, encoding="utf-8")
    return [run_case(case) for case in load_cases(path)]


def test_a_case_can_expect_flags(tmp_path: Path):
    """A case's `flags:` must each appear in some flag, and `flags: []` fails when the project is flagged."""
    outcomes = _flag_cases(tmp_path, "  - {name: 有, expect: {flags: [总分低于80分]}}\n"
                                     "  - {name: 无, expect: {flags: []}}\n"
                                     "  - {name: 别的, expect: {flags: [执行率]}}\n")
    assert () == outcomes[0].differences
    assert ("expected no flags, got: 总分低于80分（total < 80；total = 79.73）",) == outcomes[1].differences
    assert ("no flag contains '执行率' (flags: 总分低于80分（total < 80；total = 79.73）)",) == outcomes[2].differences


def test_a_fact_whose_declaration_is_broken_is_not_also_said_to_give_a_number_in_its_conditions() -> None:
    """QA136 F1: `type: bool` (a typo) stood for a number while the set was checked, and each condition reading the fact,
    alone or through a derived value, got a second, false error: 'extra.flag gives a number'. Only the typo is said."""
    text = BASE.replace("facts:\n", "facts:\n  extra.flag: {type: bool, label: 标志}\n", 1).replace(
        "checks:\n", "checks:\n  - {expr: extra.flag, message: 标志}\n", 1)
    text = text.replace("derived:\n", "derived:\n  flag2: {expr: extra.flag}\n", 1) + \
        "\nexplain_when:\n  - {when: flag2, message: 标志}\n"
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, str(EXAMPLE_SET))
    assert ["$.facts.extra.flag.type"] == [p.path for p in caught.value.problems], caught.value


@pytest.mark.parametrize(("section", "written", "said"), [
    ("caps", "  - {when: findings.compliance, total_at_most: 80, message: 有问题}\n", "findings.compliance gives a list"),
    ("explain_when", "  - {when: findings.compliance, message: 有问题}\n", "findings.compliance gives a list"),
])
def test_a_list_fact_as_a_condition_is_refused_when_the_set_loads(section: str, written: str, said: str) -> None:
    """QA136 F4: a list fact as a condition passed validate, then failed every project with Python's repr of its items
    (`Finding(text=…)`). It is refused at its line, with the fix: count its items."""
    with pytest.raises(IndicatorSetError) as caught:  # the example declares findings.compliance, a list
        parse_indicator_set(BASE + f"\n{section}:\n" + written, str(EXAMPLE_SET))
    problem = caught.value.problems[0]
    assert f"a condition must give true or false, and {said}" == problem.message
    assert "count(findings.compliance) > 0" in (problem.hint or "") and "列表" in problem.text("zh")


def test_a_check_giving_a_list_shows_its_values_in_words_and_in_chinese() -> None:
    """QA137 F2: a check reading a derived value that gave a list (its kind known only when scored) said 'got a list
    (mlist; mlist = (Finding(text=…, points=Decimal('2')), …))', and 'a list' stayed English under zh. The values are
    shown as the reports show them, and the message is Chinese."""
    text = BASE.replace("derived:\n", "derived:\n  mlist: {expr: \"findings.compliance if budget.total > 0 else 1\"}\n", 1)
    text = text.replace("checks:\n", "checks:\n  - {expr: mlist, message: 问题清单}\n", 1)
    result = score(parse_indicator_set(text, str(EXAMPLE_SET)), load_facts(EXAMPLE_FACTS))
    (warning,) = [w for w in result.warnings if "must give true or false" in w.message]
    assert "Finding(" not in warning.message and "Decimal(" not in warning.message, warning.message
    assert "实际是列表（" in warning.text("zh") and "a list" not in warning.text("zh"), warning.text("zh")


def test_a_flag_and_a_failed_check_read_in_chinese_by_the_labels_of_their_values() -> None:
    """QA259 F2, QA263 F6: the 需说明 list the bureau sends its units read `（execution_rate < 0.95；execution_rate =
    0.932）`, a rate as a fraction by its id beside 低于95%. In Chinese each value is given by its label, a rate labelled
    so as a percentage, an amount with its unit; the formula and `name = value` stay in the English text and the JSON."""
    text = BASE.replace("checks:\n", "checks:\n  - {expr: budget.paid > budget.total, message: 实际支出未超过预算资金}\n", 1)
    result = score(parse_indicator_set(text + "\nexplain_when:\n  - {when: execution_rate < 0.95, message: 预算执行率低于95%}\n"
                                       "  - {when: \"grade == '中' and total < 80\", message: 评价结果为中}\n", str(EXAMPLE_SET)),
                   load_facts(EXAMPLE_FACTS))
    assert ["预算执行率低于95%（预算执行率 93.20%）", "评价结果为中（等级 中，总分 79.73）"] == [f.text("zh") for f in result.flags]
    assert "预算执行率低于95%（execution_rate < 0.95；execution_rate = 0.932）" == result.flags[0].message
    (check,) = [w for w in result.warnings if w.expression == "budget.paid > budget.total"]
    assert check.text("zh").startswith("实际支出未超过预算资金（实际支出 ") and "万元，预算资金 " in check.text("zh")
    assert check.message.startswith("实际支出未超过预算资金（budget.paid > budget.total；budget.paid = ")


def test_a_case_matches_a_flag_as_printed_in_chinese_and_as_written_with_its_formula(tmp_path: Path) -> None:
    """A case's expected words match the flag as `score --lang zh` prints it (values by their labels) and as cases
    written before said it (the formula, `name = value`): neither fails."""
    outcomes = _flag_cases(tmp_path, "  - {name: 新, expect: {flags: [总分低于80分（总分 79.73）]}}\n"
                                     "  - {name: 旧, expect: {flags: [总分低于80分（total < 80；total = 79.73）]}}\n"
                                     "  - {name: 错, expect: {flags: [总分低于80分（总分 80）]}}\n")
    assert [(), ()] == [o.differences for o in outcomes[:2]]
    assert "总分低于80分（总分 79.73）" in outcomes[2].chinese[outcomes[2].differences[0]]


def test_a_rate_worked_out_by_ratio_and_a_sum_of_amounts_read_as_a_share_and_in_their_unit() -> None:
    """QA269 F3, F4: the national set's 执行率 is ratio(paid, arrived, 0), and its flag read （预算执行率 0.7） beside the
    70.00% of its row; the channel example's 已付工程款合计 (two payments in 万元) read 1300 beside 1182.33万元."""
    import json

    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = document["facts"]["budget"]["arrived"] * 7 / 10
    flags = [f.text("zh") for f in score(load_indicator_set("national-framework"), document["facts"]).flags]
    assert "预算执行率低于90%，需说明原因（预算执行率 70.00%）" in flags, flags
    channel = ROOT / "examples" / "channel-restoration"
    document = json.loads((channel / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid_2022"] = 500
    result = score(load_indicator_set(str(channel / "set.yaml")), document["facts"])
    said = [w.text("zh") for w in result.warnings if w.kind == "check"]
    assert "已付工程款超过到位资金（已付工程款合计 1300万元，实际到位资金 1182.33万元）" in said, said


@pytest.mark.parametrize(("share", "shown"), [("3", "42.86%"), ("6.2999", "89.999%"), ("6.29996", "89.999%")])
def test_a_flagged_rate_is_shown_as_the_batchs_summary_shows_it_off_the_line_it_falls_short_of(share: str, shown: str):
    """QA283 F4: the 需说明 list sent to the units gave 预算执行率 ≈42.857143% beside 汇总's 42.86%. A rate is shown with
    two decimals, or as many more as keep it below the line it falls short of (89.999%, never 90.00%)."""
    import json

    from scoring_engine import load_indicator_set

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["arrived"] = 7
    document["facts"]["budget"]["paid"] = Decimal(share)
    flags = [f.text("zh") for f in score(load_indicator_set("national-framework"), document["facts"]).flags]
    assert f"预算执行率低于90%，需说明原因（预算执行率 {shown}）" in flags, flags


@pytest.mark.parametrize(("paid", "shown"), [("1000.004", "100.0004%"), ("1000", None), ("0.0000001", "0.00000001%")])
def test_a_flagged_rate_just_over_its_line_or_just_above_0_is_never_shown_on_it(tmp_path: Path, paid: str, shown: str | None):
    """QA288 F4: a rate of 100.0004% flagged as over 100% was shown 100.00%, on its line, and 0.00000001% as 0.00%. A
    rate is shown with as many decimals as keep it off every line its condition draws, and off 0."""
    import json

    from scoring_engine import load_indicator_set

    text = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    (tmp_path / "s.yaml").write_text(text.replace("explain_when:\n", "explain_when:\n  - {when: execution_rate > 1, message: "
                                                  "预算执行率超过100%}\n  - {when: execution_rate < 0.0001, message: 几乎未执行}\n",
                                                  1), encoding="utf-8")
    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["arrived"] = 1000
    document["facts"]["budget"]["paid"] = Decimal(paid)
    flags = [f.text("zh") for f in score(load_indicator_set(str(tmp_path / "s.yaml")), document["facts"]).flags]
    said = [flag for flag in flags if flag.startswith(("预算执行率超过100%", "几乎未执行"))]
    assert said == ([] if shown is None else [f"{said[0].split('（')[0]}（预算执行率 {shown}）"]), flags
