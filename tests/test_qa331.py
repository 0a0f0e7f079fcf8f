"""QA331: official forms filled as clerks fill them, and the reports `score -o` writes from them read back."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form, written_form
from scoring_engine.cli import main


@pytest.mark.parametrize(("name", "amounts"), [("self-evaluation", {"E6": 1200000, "F6": 1140000}),
                                               ("sichuan-self-evaluation", {"F6": 1200000, "G6": 1140000})])
def test_a_report_carrying_the_warning_of_amounts_in_yuan_is_scored_again_as_it_was_written(
        tmp_path: Path, name: str, amounts: dict[str, object]) -> None:
    """QA331 F1: the 提示 line `score -o` writes under its form ("提示：…E6：全年预算数 1200000 万元，即 120 亿元（若表中
    金额以元计…）") was read back as a note giving the form's amounts in 元: the report, and `import` of it, were refused
    on A25. The engine's own lines under its form (等级, then 需说明, 提示…) are no clerk's note; a clerk's 提示 saying
    the amounts are in 元 under a form without them is refused as before."""
    form = written_form(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / "form.xlsx", amounts)
    report = tmp_path / "report.xlsx"
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "-o", str(report)])
    assert 0 == run.exit_code, run.output
    notes = [c.value for c in openpyxl.load_workbook(report).worksheets[0]["A"] if isinstance(c.value, str)]
    assert any(n.startswith("提示：") and "以元计" in n for n in notes), notes
    code, output = scored_form(report)
    assert 0 == code and "gives the amounts in" not in output, output
    assert "万元 is 120 亿元 (if the form's amounts are in 元" in output, output  # the warning said again, as it was
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(report), "-o", str(tmp_path / "facts.json")])
    assert 0 == run.exit_code, run.output
    clerk = written_form(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / "clerk.xlsx",
                         {"A31": "提示：本表金额单位为元"})
    code, output = scored_form(clerk)
    assert 1 == code and "!A31: the label 提示：本表金额单位为元 gives the amounts in 元" in output, output


@pytest.mark.parametrize("name", ["self-evaluation", "sichuan-self-evaluation"])
@pytest.mark.parametrize(("typed", "year", "said"), [
    (2024, 2024, None), (2024.0, 2024, None), ("（2024年度）", 2024, None),
    (datetime.datetime(2024, 3, 1), None, "(2024-03-01)"), ("（2024年3月）", None, "(2024年3月)"),
    ("2024-2025年度", None, "(2024-2025年度)"), (45292, None, "(45292)"), (24, None, "(24)"), (2024.5, None, "(2024.5)")])
def test_the_year_typed_as_a_number_is_read_and_a_date_or_a_month_is_said(
        tmp_path: Path, name: str, typed: object, year: int | None, said: str | None) -> None:
    """QA331 F2: 2024 typed in A2 (a number, as Excel keeps it), a date, or （2024年3月） was dropped without a word: no
    project.year, an empty 年度 in the batch. A whole number is the year; a date or a month is said as a year not read
    (the date a form was filled tells no 年度), as 2024-2025年度 was; so is another number (45292, a date's serial in a
    General cell; 24; 2024.5: QA335 4)."""
    form = written_form(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / "form.xlsx", {"A2": typed})
    out = tmp_path / "facts.json"
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(out)])
    assert 0 == run.exit_code, run.output
    assert json.loads(out.read_text(encoding="utf-8")).get("project", {}).get("year") == year, run.output
    if said:
        assert f"!A2: the year {said} cannot be read, so the project has none" in run.output, run.output
    else:
        assert "the year" not in run.output, run.output


def _side_row(form: Path, name: str, value: object) -> Path:
    """`form` with its side sheet's 事实 row `name` holding `value`, the row added where there is none."""
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    row = next((r for r in range(1, side.max_row + 1) if side.cell(r, 2).value == name), None)
    if row is None:
        side.append(["事实", name, value])
    else:
        side.cell(row, 3).value = value
    book.save(form)
    return form


@pytest.mark.parametrize("name", ["self-evaluation", "cost-type-self-evaluation", "henan-special-bond", "hubei-self-evaluation"])
def test_the_adjusted_budget_chosen_as_the_base_and_left_blank_is_said_on_its_cell(tmp_path: Path, name: str) -> None:
    """QA331 F3: budget.base 调整后预算数 on 表外事实 with its budget.adjusted row left empty was told "…/indicator_sets/
    self-evaluation.yaml:111: 指标 budget：派生值 execution_rate：…缺少事实 budget.adjusted（…）（在事实文件中补上调整后预算数）": the
    set's YAML, a facts file's fix. It is now said on the empty cell, as any other; a form without the row (the report
    `score -o` writes) is told the row to add."""
    report = written_form(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(report)
    side = book["表外事实"]
    assert not any(side.cell(r, 2).value == "budget.adjusted" for r in range(1, side.max_row + 1))
    code, output = scored_form(_side_row(report, "budget.base", "调整后预算数"))
    assert 1 == code and ".yaml" not in output and "facts file" not in output, output
    assert "add a row 事实 | budget.adjusted | its value on the sheet 表外事实" in output, output
    book = openpyxl.load_workbook(report)
    book["表外事实"].append(["事实", "budget.adjusted", None])
    book.save(report)
    code, output = scored_form(report)
    assert 1 == code and ".yaml" not in output and "facts file" not in output, output
    assert "表外事实!C" in output and ": “调整后预算数” is empty (fact budget.adjusted) (fill in the cell)" in output, output


def _date_sets() -> list[str]:
    """The bundled sets that declare a date fact."""
    from scoring_engine import load_indicator_set

    names = sorted(p.stem for p in (ROOT / "indicator_sets").glob("*.yaml") if not p.stem.endswith(".cases"))
    return [n for n in names if any(f.type == "date" for f in load_indicator_set(n).facts.values())]


@pytest.mark.parametrize("written", ["2024-12-15", "2024年12月15日", datetime.datetime(2024, 12, 15)])
def test_a_forms_dates_hash_as_the_facts_import_writes_of_it(tmp_path: Path, written: object) -> None:
    """QA331 F7: a national-framework form's dates hashed as {"$date": "2024-12-15"}, the facts `import` writes of it as
    the text "2024-12-15": two facts sha256 for one project, where reports.md §Provenance says they hash alike. A date
    read from a form is the text import writes; checked for every bundled set with date facts."""
    sets = _date_sets()
    assert sets, "no bundled set declares a date fact"
    for name in sets:
        form = written_form(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / f"{name}.xlsx")
        book = openpyxl.load_workbook(form)
        side = book["表外事实"]
        from scoring_engine import load_indicator_set

        dates = {n for n, f in load_indicator_set(name).facts.items() if f.type == "date"}
        typed = [r for r in range(1, side.max_row + 1) if side.cell(r, 2).value in dates]
        assert typed, name
        for r in typed:
            side.cell(r, 3).value = written
        book.save(form)
        run = CliRunner().invoke(main, ["score", str(form), "--format", "json"])
        assert 0 == run.exit_code, run.output
        scored = json.loads(run.output[run.output.index("{"):])["facts"]["sha256"]
        out = tmp_path / f"{name}.json"
        run = CliRunner().invoke(main, ["import", str(form), "-o", str(out)])
        assert 0 == run.exit_code, run.output
        run = CliRunner().invoke(main, ["score", str(out), "--format", "json"])
        assert 0 == run.exit_code, run.output
        assert json.loads(run.output[run.output.index("{"):])["facts"]["sha256"] == scored, name


def _with_not_applicable(tmp_path: Path) -> Path:
    """The bundled national-framework facts with 效益 可持续影响 marked 不适用: the other weights are rescaled."""
    facts = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"] = "national-framework"
    facts.setdefault("not_applicable", {})["benefit.effects.sustainable"] = "项目无持续影响"
    path = tmp_path / "na.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("marked", [False, True])
def test_a_national_forms_own_row_whose_weight_the_clerk_changed_is_said(tmp_path: Path, marked: bool) -> None:
    """QA331 F4: G8 of a national-framework form (立项依据充分性, 3 分) changed to 10 was ignored without a word, while the
    funds' and the 总分's 分值 were compared: each row of the set's own tree now is, its rescaled weight (indicators marked
    不适用) taken as the form `score` writes prints it."""
    facts = _with_not_applicable(tmp_path) if marked else ROOT / "indicator_sets" / "national-framework.facts.json"
    report = written_form(facts, tmp_path / "report.xlsx")
    code, output = scored_form(report)
    assert 0 == code and "points, but" not in output, output
    sheet = openpyxl.load_workbook(report).worksheets[0]
    row = next(c.row for c in sheet["D"] if c.value == "立项依据充分性")
    shown = sheet[f"G{row}"].value
    written_form(facts, report, {f"G{row}": 10})
    code, output = scored_form(report)
    assert 0 == code, output
    assert f"!G{row}: the form gives 10 points, but 立项依据充分性 weighs 3 in the set national-framework" in output, \
        (shown, output)


def test_amounts_in_yuan_on_the_national_forms_side_sheet_are_warned_of_as_the_funds_blocks_are(tmp_path: Path) -> None:
    """QA331 F5: budget.total 10000000 on a national-framework form's 表外事实 (typed in 元) got no word, where every funds
    block warns "全年预算数 1000000 万元，即 100 亿元（若表中金额以元计…）": batch totals came out 10,000 times too large. The
    first fact in 万元 read from the side sheet at 100 亿元 or more is now warned of, once; the report `score -o` writes
    of it reads back."""
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    form = written_form(facts, tmp_path / "form.xlsx")
    code, output = scored_form(form)
    assert 0 == code and "亿元" not in output, output
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    rows = {side.cell(r, 2).value: r for r in range(1, side.max_row + 1)}
    for name in ("budget.total", "budget.arrived", "budget.paid"):
        side.cell(rows[name], 3).value = side.cell(rows[name], 3).value * 10000
    book.save(form)
    code, output = scored_form(form)
    assert 0 == code, output
    assert f"!C{rows['budget.total']}: the 预算资金 " in output and output.count("亿元 (if the form's amounts are in 元") == 1, \
        output
    report = tmp_path / "report.xlsx"
    run = CliRunner().invoke(main, ["score", str(form), "--layout", "selfeval", "-o", str(report)])
    assert 0 == run.exit_code, run.output
    code, output = scored_form(report)
    assert 0 == code and output.count("亿元 (if the form's amounts are in 元") == 1, output


def test_checks_of_facts_only_indicators_marked_not_applicable_read_are_not_warned_of(tmp_path: Path) -> None:
    """QA331 F6: the budget marked 不适用 (E6/F6 blank) gave "无法核对（缺少事实 budget.paid）：全年执行数超过全年预算数"
    and "…无法判断是否需说明（派生值 execution_rate：缺少事实 budget.paid）…": lines nothing can be done about, from a form
    and from facts alike. A check or 需说明 condition asking of a fact only 不适用 indicators read is not judged, in
    silence; one of a fact another indicator reads still is."""
    from scoring_engine import load_indicator_set, parse_facts, score

    indicator_set = load_indicator_set("self-evaluation")
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["facts"]["budget"] = {k: v for k, v in facts["facts"]["budget"].items() if k in ("method", "base")}
    facts["not_applicable"] = {"budget": "本年无预算资金"}
    result = score(indicator_set, parse_facts(json.dumps(facts, ensure_ascii=False)))
    assert not [w for w in result.warnings if w.kind in ("check", "explain_when")], result.warnings
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx",
                        {"E6": None, "F6": None, "表外事实!A40": "不适用", "表外事实!B40": "budget", "表外事实!C40": "本年无预算资金"})
    code, output = scored_form(form)
    assert 0 == code and "cannot be checked" not in output and "cannot tell whether" not in output, output


@pytest.mark.parametrize(("cells", "said"), [
    ({"E29": "≥90%", "F29": "约95%"}, "!F29: row 受益群众满意度: 实际完成值 must be a number for a numeric target, got text '约95%' "
                      "(write the value reached, e.g. 90%)"),
    ({"F23": "5200余人"}, "!F23: row 新增受益人口: units disagree: 人 / 余人 (余人 is 人 with 余, a figure not exact: "
                        "write the figure reached in 人, without 余)"),
    ({"D23": "投诉数", "E23": "≤5起", "F23": "2起投诉"},
     "!F23: row 投诉数: units disagree: 起 / 起投诉 (write the unit alone, 起, and 投诉 in the row’s name)"),
    ({"D23": "节约资金", "E23": "≥10万元", "F23": "120000元"},
     "!F23: row 节约资金: units disagree: 万元 / 元 (write the target and the actual in the same unit (1 元 is 0.0001 万元))"),
])
def test_a_rows_units_that_disagree_are_told_with_the_fix_their_difference_needs(
        tmp_path: Path, cells: dict[str, object], said: str) -> None:
    """QA331 F8: 约95% in a percent row was told "写达到的值，例如 18" (18 then refused as having no unit); 5200余人 and
    2起投诉 "单位不一致：人 / 余人", "起 / 起投诉"; 120000元 beside ≥10万元 had no conversion. Each fix now fits the row."""
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(form).worksheets[0]
    names = {c.value: c.row for c in sheet["D"] if isinstance(c.value, str)}
    row = names["新增受益人口"] if "F23" in cells else None
    satisfied = names.get("受益群众满意度")
    moved = {}
    for cell, value in cells.items():
        column, number = cell[0], int(cell[1:])
        moved[f"{column}{row if number == 23 else satisfied}"] = value
    written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", form, moved)
    code, output = scored_form(form)
    expected = said.replace("!F23", f"!F{row}").replace("!F29", f"!F{satisfied}")
    assert 1 == code and expected in output, output


def test_a_formula_for_a_name_is_told_once_and_95_in_a_percent_rate_cell_is_told_how_it_reads(tmp_path: Path) -> None:
    """QA331 F8: a 三级 name typed as a formula gave a second error, its consequence ("三级指标未填写，但这一行填了…");
    95 typed in a 执行率 cell formatted 0% was told only "表上填写的执行率 9500% … 不同", where a 实际完成值 so typed is
    told "该单元格设为百分比格式，填写的 95 读作 9500%"."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    form = written_form(facts, tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(form).worksheets[0]
    row = next(c.row for c in sheet["D"] if c.value == "新增受益人口")
    written_form(facts, form, {f"D{row}": "=A1"})
    code, output = scored_form(form)
    assert 1 == code and f"!D{row}: holds a formula (=A1); expected text" in output, output
    assert "三级指标 is empty" not in output, output
    form = written_form(facts, tmp_path / "rate.xlsx", {"E6": 100, "F6": 95})
    book = openpyxl.load_workbook(form)
    book.worksheets[0]["H6"] = 95
    book.worksheets[0]["H6"].number_format = "0%"
    book.save(form)
    code, output = scored_form(form)
    assert 0 == code and "!H6: the cell holds 95 in a percentage format, so it reads 9500% (if 95% is meant" in output, \
        output


_TWO_INDICATORS = """id: f6-test
name: F6测试
version: "1.0"
facts:
  a: {type: number, min: 0, unit: 万元, label: 甲}
  b: {type: number, min: 0, unit: 万元, label: 乙}
checks:
  - {expr: "a <= 10 and b <= 10", message: 甲或乙超过10}
  - {expr: "a <= 10", message: 甲超过10}
explain_when:
  - {when: "a < 5 or b < 5", message: 甲或乙低于5需说明}
  - {when: "a < 5 or grade == '差'", message: 甲低于5或等级为差需说明}
grades:
  - {label: 优, min: 90}
  - {label: 差, min: 0}
indicators:
  - {id: A, name: 指标甲, weight: 50, rule: {kind: proportional, value: a, target: 10}}
  - {id: B, name: 指标乙, weight: 50, rule: {kind: proportional, value: b, target: 10}}
"""


def test_a_condition_an_applicable_indicators_fact_or_the_grade_decides_is_still_judged() -> None:
    """QA335 2: the QA331 F6 skip looked at the first missing fact only: `a <= 10 and b <= 10`, a read only by A
    (不适用) and b = 20 by B, was dropped in silence, though b alone fails it; so was a 需说明 condition reading the grade.
    Only a condition wholly about facts of indicators marked 不适用 is left unjudged; the others are said as before."""
    from scoring_engine import Facts, parse_indicator_set, score

    indicator_set = parse_indicator_set(_TWO_INDICATORS)
    result = score(indicator_set, Facts(values={"b": 20}, not_applicable={"A": "本年无甲"}))
    said = [w.message for w in result.warnings]
    assert any("甲或乙超过10" in m for m in said) and any("甲或乙低于5需说明" in m for m in said), said
    assert any("甲低于5或等级为差需说明" in m for m in said), said  # the grade is known: not wholly of 不适用 facts
    assert not any(m.endswith("甲超过10") for m in said), said  # wholly of A's fact: not judged, in silence


@pytest.mark.parametrize("budget", [{"budget.total": None, "budget.paid": None}, {"budget": {"total": None, "paid": None}},
                                    {}])
def test_a_fact_left_null_is_not_given_for_the_not_applicable_skip(budget: dict[str, object]) -> None:
    """QA335 1: the facts `template --format json` writes give `"budget.paid": null`; with budget marked 不适用 they
    still got the lines QA331 F6 took away for the same facts left out or nested: null is not given, whatever its
    spelling."""
    from scoring_engine import load_indicator_set, parse_facts, score

    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    kept = {k: v for k, v in facts["facts"]["budget"].items() if k in ("method", "base")}
    facts["facts"]["budget"] = kept
    facts["facts"].update(budget)
    if "budget" in budget:
        facts["facts"]["budget"] = {**kept, **budget["budget"]}  # type: ignore[dict-item]
    facts["not_applicable"] = {"budget": "本年无预算资金"}
    result = score(load_indicator_set("self-evaluation"), parse_facts(json.dumps(facts, ensure_ascii=False)))
    assert not [w for w in result.warnings if w.kind in ("check", "explain_when")], result.warnings


def test_a_clerks_unit_note_merged_under_the_engines_lines_is_still_read(tmp_path: Path) -> None:
    """QA335 3: the QA331 F1 fix took every merged 需说明/提示 line under a report's 等级 line for the engine's own; a
    clerk's 提示：本表金额单位：元 typed and merged right under them was read as nothing, and 500000 万元 scored in silence.
    Only the engine's own warning of amounts in 元 is passed over; the clerk's note is refused as on any form."""
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx",
                        {"E6": 1200000, "F6": 1140000})
    report = tmp_path / "report.xlsx"
    assert 0 == CliRunner().invoke(main, ["--lang", "en", "score", str(form), "-o", str(report)]).exit_code
    book = openpyxl.load_workbook(report)
    sheet = book.worksheets[0]
    last = max(c.row for c in sheet["A"] if isinstance(c.value, str) and c.value.startswith(("提示：", "需说明：")))
    width = next(m.max_col for m in sheet.merged_cells.ranges if m.min_row == last and m.min_col == 1)
    sheet.cell(last + 1, 1, "提示：本表金额单位：元")
    sheet.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=width)
    book.save(report)
    code, output = scored_form(report)
    assert 1 == code and f"!A{last + 1}: the label 提示：本表金额单位：元 gives the amounts in 元" in output, output


@pytest.mark.parametrize("reason", ["本年度无预算安排（金额单位：元）", "本项目资金以元为单位核算，另行报送", "单位：元"])
def test_a_report_whose_not_applicable_reason_names_yuan_is_read_again(tmp_path: Path, reason: str) -> None:
    """QA336 1: a report `score -o` wrote, whose 不适用 line quotes a reason naming 元 as a unit, was refused when read
    again (the line taken for a note giving the form's amounts in 元): the engine's own lines under its form are no
    clerk's note, whatever they quote."""
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"] = "self-evaluation"
    facts["not_applicable"] = {"budget": reason}
    (tmp_path / "p.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "report.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(tmp_path / "p.json"), "-o", str(report)]).exit_code
    code, output = scored_form(report)
    assert 0 == code, output


def test_a_number_beside_the_title_is_no_year(tmp_path: Path) -> None:
    """QA336 3: any number in the title's two rows (a table's number in J1) was said as a year not read; only the 年度
    line (merged from the first column) is read for it."""
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx", {"J1": 3})
    code, output = scored_form(form)
    assert 0 == code and "the year" not in output, output
