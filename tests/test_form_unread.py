"""What a clerk types on a filled 自评表 and the set does not read is named by its cell, in `score`, `import` and
`batch`: a 表外事实 row naming a fact the set does not declare, amounts on a funds row the set has no facts for, the
年度指标值 and 实际完成值 of a row the set scores from its facts. None of them was said before; the numbers were
dropped without a word. The forms `score` writes read back without any of these warnings."""

from __future__ import annotations

import csv
import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from example_sets import EXAMPLE_ROWS
from scoring_engine.cli import main
from scoring_engine.loader import bundled_sets

SHEET = "项目支出绩效自评表"
SICHUAN_SHEET = "部门预算项目支出绩效自评表"
NOT_READ = "不会被读取"


def _written(tmp_path: Path, set_id: str) -> Path:
    """The form `score --layout selfeval` writes of the set's bundled example facts."""
    form = tmp_path / f"{set_id}.xlsx"
    facts = ROOT / "indicator_sets" / f"{set_id}.facts.json"
    run = CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    return form


def _where(form: Path, text: str, sheet: int = 0) -> tuple[int, int]:
    """(row, column) of the first cell of the sheet holding `text`."""
    from openpyxl import load_workbook

    ws = load_workbook(form).worksheets[sheet]
    return next((c.row, c.column) for line in ws.iter_rows() for c in line if c.value == text)


def _edit(form: Path, cells: dict[str, Any], sheet: int = 0, append: list[list[Any]] | None = None) -> None:
    from openpyxl import load_workbook

    book = load_workbook(form)
    ws = book.worksheets[sheet]
    for cell, value in cells.items():
        ws[cell] = value
    for row in append or []:
        ws.append(row)
    book.save(form)


def _said(*args: str) -> list[str]:
    """The lines a command prints in Chinese (its 提示 and 错误)."""
    run = CliRunner().invoke(main, ["--lang", "zh", *args])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    return run.output.splitlines()


@pytest.mark.parametrize("set_id", sorted(bundled_sets()))
def test_a_form_the_tool_wrote_reads_back_without_a_word_about_unread_cells(tmp_path: Path, set_id: str):
    """The form `score` writes (its own rows' 年度指标值 and 实际完成值 left blank, a funds row the set has no facts for
    blank) reads back without a warning that something typed was not read: only what a clerk typed is named."""
    form = _written(tmp_path, set_id)
    for command in ("score", "import"):
        lines = _said(command, str(form))
        assert not [line for line in lines if NOT_READ in line or "没有在体系中声明" in line or "类别" in line], lines


def test_a_misspelt_fact_on_the_side_sheet_is_warned_of_as_in_a_facts_file(tmp_path: Path):
    """A 表外事实 row `事实 | budget.piad | 900` was ignored in silence, though the same typo in a facts file is warned
    of with its did-you-mean. The form gives the same warning on the cell, in `score` and `import`; a row of a 类别
    the reader does not read is named too."""
    form = _written(tmp_path, "national-framework")
    method, _ = _where(form, "survey.method", sheet=1)  # left blank: a fact the form gives is no slip (QA152 F4)
    _edit(form, {f"C{method}": None}, sheet=1, append=[["事实", "survey.methd", "ratio"], ["事项", "budget.paid", 900]])
    row, _ = _where(form, "survey.methd", sheet=1)
    said = f"表外事实!C{row}：事实 survey.methd 没有在体系中声明，已忽略（是否想写 survey.method？）"
    for command in ("score", "import"):
        lines = _said(command, str(form))
        assert any(said in line for line in lines), lines
        assert any(f"表外事实!A{row + 1}：该行的类别 事项 不是 事实、不适用、项目 之一，未读取该行" in line for line in lines)
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert f"表外事实!C{row}: fact survey.methd is not declared by the set and is ignored (did you mean survey.method?)" \
        in run.output


def test_a_misspelt_fact_whose_closest_the_form_gives_is_told_where_that_one_is(tmp_path: Path):
    """QA159 F2: `budget.piad` on 表外事实, budget.paid filled on the form, was offered the next closest fact a clerk
    would then fill wrongly (budget.initial, 年初预算数). The row is told where the fact it is closest to is given."""
    form = _written(tmp_path, "national-framework")
    paid, _ = _where(form, "survey.method", sheet=1)
    _edit(form, {}, sheet=1, append=[["事实", "survey.methd", "ratio"]])
    row, _ = _where(form, "survey.methd", sheet=1)
    lines = _said("score", str(form))
    said = f"表外事实!C{row}：事实 survey.methd 没有在体系中声明，已忽略（survey.method 已在 表外事实!C{paid} 填写）"
    assert any(said in line for line in lines), lines
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert f"(survey.method is given at 表外事实!C{paid})" in run.output and "did you mean" not in run.output, run.output


def test_amounts_on_a_funds_row_the_set_does_not_read_are_named_not_dropped(tmp_path: Path):
    """A set of the Sichuan layout that binds no facts to the 财政专户管理资金 row the form prints (a county that has no
    such funds; the bundled set reads the row since QA167 F4): 10 / 12 / 7 typed there were read as nothing and the form
    written back blanked the row, without a word. The cells are named as not read."""
    profile = tmp_path / "county.yaml"
    profile.write_text("extends: sichuan-self-evaluation\nid: county\nname: 某县\nversion: '2025'\nform:\n"
                       "  layout: selfeval-sichuan\n  funds:\n    indicator: budget\n    rows:\n"
                       "      total: {initial: budget.initial, budget: budget.total, paid: budget.paid, reason: budget.reason}\n"
                       "      fiscal: {initial: budget.fiscal.initial, budget: budget.fiscal.total, paid: budget.fiscal.paid}\n"
                       "  targets: {output: 产出指标, benefit: 效益指标, satisfaction: 满意度指标}\n", encoding="utf-8")
    form = tmp_path / "county.xlsx"
    facts = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    run = CliRunner().invoke(main, ["score", str(facts), "--set", str(profile), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    row, col = _where(form, "财政专户管理资金")
    amounts = {f"{letter}{row}": value for letter, value in zip("EFG", (10, 12, 7), strict=True)}
    assert col < 5
    _edit(form, amounts)
    said = (f"{SICHUAN_SHEET}!E{row}：行 财政专户管理资金：此处填写的年初预算数、调整后预算数、预算执行数（E{row}, F{row}, "
            f"G{row}）不会被读取：指标体系 county 没有这一行的事实（这些数不计分，工具写出的表中这一行留空）")
    for command in ("score", "import"):
        assert any(said in line for line in _said(command, str(form), "--set", str(profile))), command


def test_a_score_typed_on_a_sub_row_of_the_budget_is_named_not_dropped(tmp_path: Path):
    """QA23: 10 and 9.5 typed in the 分值 and 得分 of 其中：当年财政拨款 (printed as a dash) were read as nothing, without a
    word: the 预算执行率 is scored once, on the row of the whole budget. The cells are named."""
    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "其中：当年财政拨款")
    heading, _ = _where(form, "分值")
    from openpyxl import load_workbook

    ws = load_workbook(form).worksheets[0]
    weight, score = (next(c.column_letter for c in ws[heading] if c.value == label) for label in ("分值", "得分"))
    _edit(form, {f"{weight}{row}": 10, f"{score}{row}": 9.5})
    said = (f"!{weight}{row}：行 其中：当年财政拨款：此处填写的分值、得分（{weight}{row}, {score}{row}）不会被读取：预算执行率只在"
            "资金总额一行计一次分")
    assert any(said in line for line in _said("score", str(form)))


def test_values_typed_on_a_row_the_set_scores_from_facts_are_named_with_where_it_reads_them(tmp_path: Path):
    """The national form's 预算执行率 row is scored from facts on 表外事实: ≥90% and 80% typed in its 年度指标值 and
    实际完成值 were ignored without a word (the score stayed 5.70). One warning names both cells and the facts the row
    is scored from; the score is unchanged, and `batch` counts it among the project's 提示."""
    form = _written(tmp_path, "national-framework")
    row, _ = _where(form, "预算执行率")
    _edit(form, {f"E{row}": "≥90%", f"F{row}": "80%"})
    lines = [line for line in _said("score", str(form)) if NOT_READ in line]
    assert 1 == len(lines), lines
    assert f"{SHEET}!E{row}：行 预算执行率：此处填写的年度指标值、实际完成值（E{row}, F{row}）不会被读取：" \
           "该行按工作表 表外事实 中的事实 " in lines[0] and "budget.paid" in lines[0], lines
    assert "（填写这些事实，这些单元格留空）" in lines[0]
    out = tmp_path / "summary.csv"
    assert 0 == CliRunner().invoke(main, ["batch", str(form), "-q", "-o", str(out)]).exit_code
    (summary,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert "1" == summary["提示数"], summary


def test_an_empty_target_on_a_numeric_row_names_the_target_cell_to_fill(tmp_path: Path):
    """年度指标值 cleared on a row whose 实际完成值 is a number was reported on the 实际完成值 cell as "缺少事实 row（在事实
    文件中补上它）": the wrong cell, an internal name, and a facts file the clerk does not have. It names the empty
    年度指标值 cell and says to fill it."""
    form = _written(tmp_path, "self-evaluation")
    row, col = _where(form, "年度指标值")
    first = row + 1
    from openpyxl.utils import get_column_letter

    target = f"{get_column_letter(col)}{first}"
    _edit(form, {target: None})
    lines = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(lines) and f"{SHEET}!{target}：行 " in lines[0] and lines[0].endswith("：年度指标值未填写（填写该单元格）"), \
        lines
    assert "事实文件" not in lines[0]


@pytest.mark.parametrize("cells, said", [
    ({"F": Decimal("1e30")}, "全年执行数（budget.paid）：1E+30 超出范围"),
    ({"E": Decimal("1e-30")}, "全年预算数（budget.total）：1E-30 超出范围"),
    ({"F": Decimal("-1e30")}, "全年执行数（budget.paid）：-1E+30 超出范围"),
])
def test_an_amount_past_the_fact_bound_on_the_funds_row_is_refused_not_an_internal_error(tmp_path: Path, cells: dict[str, Any],
                                                                                         said: str):
    """QA28 F2: a 全年执行数 of 1e30 crashed score, import and batch (exit 3): the typed 执行率 was compared with the
    amounts before their range was checked. score refuses the amount at its cell (exit 1); import, which writes what
    the form holds for the unit to correct, says so."""
    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "年度资金总额")
    letters = _funds_columns(form, row)
    _edit(form, {f"{letters[key]}{row}": float(value) for key, value in cells.items()})
    for command, code in ((["score", str(form)], 1), (["import", str(form), "-o", str(tmp_path / "f.json")], 0)):
        run = CliRunner().invoke(main, ["--lang", "zh", *command])
        assert code == run.exit_code and said in run.output, run.output


def test_a_typed_rate_past_any_bound_is_said_to_differ_from_the_amounts(tmp_path: Path):
    """QA28 F2: a 执行率 typed as 1e27 (a cell only compared with the amounts) crashed the comparison; it is said to differ."""
    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "年度资金总额")
    rate = next(letter for letter, label in _funds_headings(form, row).items() if "执行率" in label)
    _edit(form, {f"{rate}{row}": 1e27})
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code and f"!{rate}{row}：表上填写的执行率 1" in run.output, run.output


def _funds_headings(form: Path, row: int) -> dict[str, str]:
    """Column letter → the heading of the funds block above `row` (年初预算数, 全年预算数, 全年执行数, 执行率…)."""
    from openpyxl import load_workbook

    ws = load_workbook(form).worksheets[0]
    heading = next(r for r in range(row - 1, 0, -1) if any(c.value == "全年预算数" for c in ws[r]))
    return {c.column_letter: str(c.value) for c in ws[heading] if c.value}


def _funds_columns(form: Path, row: int) -> dict[str, str]:
    """E and F by meaning: the columns of 全年预算数 and 全年执行数."""
    headings = {label: letter for letter, label in _funds_headings(form, row).items()}
    return {"E": headings["全年预算数"], "F": headings["全年执行数"]}


def test_a_fact_given_on_the_form_and_again_on_the_side_sheet_is_refused_with_both_cells(tmp_path: Path):
    """QA28 F1: 全年预算数 712.42 in its cell and `事实 | budget.total | 999` on 表外事实 kept the 999 without a word (91.00
    优秀 became 88.13 良好). Two different values of one fact, or one project detail, are refused naming both cells;
    the same value twice is no conflict."""
    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "年度资金总额")
    budget = _funds_columns(form, row)["E"]
    _edit(form, {}, sheet=1, append=[["事实", "budget.total", 999], ["项目", "name", "另一个项目"]])
    lines = _said("score", str(form))
    assert any(f"budget.total 填写了两次：项目支出绩效自评表!{budget}{row} 为 " in line and "此处为 999" in line for line in lines)
    assert any("name 填写了两次：" in line and "此处为 '另一个项目'" in line for line in lines), lines
    (tmp_path / "again").mkdir()
    again = _written(tmp_path / "again", "self-evaluation")
    from openpyxl import load_workbook

    total = load_workbook(again).worksheets[0][f"{budget}{row}"].value
    _edit(again, {}, sheet=1, append=[["事实", "budget.total", total]])
    assert not [line for line in _said("score", str(again)) if "填写了两次" in line]


@pytest.mark.parametrize("name, reason, said", [
    (None, "本项目不涉及", "B{row}：这一“不适用”行没有写指标"),
    ("  ", "本项目不涉及", "B{row}：这一“不适用”行没有写指标"),
    ("satisfaction", None, "C{row}：satisfaction 的“不适用”行没有写原因"),
])
def test_a_not_applicable_row_without_an_indicator_or_a_reason_is_refused_at_its_cell(tmp_path: Path, name: str | None,
                                                                                       reason: str | None, said: str):
    """QA27 F6: a 不适用 row with no name, or no reason, was passed over: the group was scored as applicable."""
    form = _written(tmp_path, "self-evaluation")
    _edit(form, {}, sheet=1, append=[["不适用", name, reason]])
    row, _ = _where(form, "不适用", sheet=1)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and f"表外事实!{said.format(row=row)}" in run.output, run.output


@pytest.mark.parametrize("typed, said", [("=SUM(I1:I5)", "是公式，不会计算"), (True, "（True）不是数字"),
                                         (datetime.datetime(2024, 5, 1), "不是数字")])
def test_a_total_typed_as_a_formula_a_date_or_true_is_said_not_compared(tmp_path: Path, typed: Any, said: str):
    """QA28 F5: a 总分 typed as =SUM(…) (the usual way a clerk fills it), a date or TRUE was passed over without the 提示
    that text ('八') gets, and quietly took the form out of batch's check of 表上总分."""
    form = _written(tmp_path, "self-evaluation")
    row, col = _where(form, "总分")
    from openpyxl.utils import get_column_letter

    from openpyxl import load_workbook

    ws = load_workbook(form).worksheets[0]
    cell = [c for c in ws[row] if c.column > col and isinstance(c.value, (int, float))][-1]  # 分值 100, then 得分
    _edit(form, {f"{get_column_letter(cell.column)}{row}": typed})
    assert any(f"!{get_column_letter(cell.column)}{row}：此处填写的得分" in line and said in line for line in _said("score", str(form)))


def test_an_amount_summed_by_a_formula_is_told_how_to_paste_it_as_values(tmp_path: Path):
    """A formula is never read for its value (the file may not hold one, or an old one); =SUM(…) in 年度资金总额 is how
    most units fill the funds block, and they were told only to type the value: the fix says how to keep it, pasted
    over itself as values (QA261 F7)."""
    from openpyxl.utils import get_column_letter

    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "年度资金总额")
    _, col = _where(form, "全年预算数")
    cell = f"{get_column_letter(col)}{row}"
    _edit(form, {cell: f"=SUM({get_column_letter(col)}{row + 1}:{get_column_letter(col)}{row + 3})"})
    assert any(f"!{cell}：单元格是公式（=SUM(" in line and line.endswith("（直接填写值，或复制该单元格后在原处“选择性粘贴 → 数值”）")
               for line in _said("score", str(form)))


def test_one_indicator_marked_not_applicable_twice_with_two_reasons_is_refused_with_both_cells(tmp_path: Path):
    """QA29 F4: `不适用 | satisfaction | 本项目不涉及` and `不适用 | 满意度指标 | 未开展调查` kept the last reason without
    a word; a reason typed as the number 0 was taken as the reason '0'."""
    form = _written(tmp_path, "self-evaluation")
    _edit(form, {}, sheet=1, append=[["不适用", "satisfaction", "本项目不涉及"], ["不适用", "满意度指标", "未开展调查"]])
    lines = _said("score", str(form))
    assert any("satisfaction 填写了两次：" in line and "为 '本项目不涉及'，此处为 '未开展调查'" in line for line in lines), lines
    again = tmp_path / "again"
    again.mkdir()
    form = _written(again, "self-evaluation")
    _edit(form, {}, sheet=1, append=[["不适用", "satisfaction", 0]])
    assert any("satisfaction 的“不适用”行所写原因是 0，不是文字说明" in line for line in _said("score", str(form)))


def test_a_number_where_a_qualitative_row_writes_its_tier_is_told_where_the_tier_goes(tmp_path: Path):
    """QA27 F8 (the form door): 0.9 typed in 实际完成值 of a qualitative row was told only that its 年度指标值 is empty;
    the fix also says a row judged by its tier writes the tier there."""
    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "达成年度指标")
    from openpyxl import load_workbook

    col = next(c.column_letter for c in load_workbook(form).worksheets[0][row] if c.value == "达成年度指标")
    _edit(form, {f"{col}{row}": 0.9})
    assert any("年度指标值未填写（填写该单元格；按档次评判的定性指标在实际完成值中填写档次（如 达成年度指标），而不是数字）" in line
               for line in _said("score", str(form)))


def test_a_required_fact_misspelt_on_the_side_sheet_is_said_on_its_row_not_as_a_row_to_add(tmp_path: Path):
    """QA33 F1: a 表外事实 row's name mistyped (poverty.plannd) left its fact missing, and `score` and `batch` said only
    that the form had no cell for it and to add a row, which leaves the mistyped one beside it. The error is on the
    row's cell, says what the row names, and that the name is what to fix."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    side = load_workbook(form).worksheets[1]
    row, fact = next((r[0].row, r[1].value) for r in side.iter_rows() if r[0].value == "事实" and "." in str(r[1].value))
    _edit(form, {f"B{row}": fact + "x"}, sheet=1)
    for command in (["score", str(form)], ["batch", str(form), "-q", "-o", str(tmp_path / "b.jsonl")]):
        lines = [line for line in _said(*command) if line.startswith("错误")]
        assert 1 == len(lines), lines
        assert f"表外事实!C{row}：" in lines[0] and f"这一行写的名称是 {fact}x（把这一行的名称改为 {fact}）" in lines[0]
        assert "加一行" not in lines[0]


def test_a_yes_or_no_fact_on_the_side_sheet_may_be_written_shi_or_fou(tmp_path: Path):
    """QA33 F2: a clerk types 是 and 否 for the side sheet's yes-or-no facts; each was refused (应为 true 或 false), and
    only after the form's other problems were fixed, so the form came back twice. 是 and 否 read as true and false."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    side = load_workbook(form).worksheets[1]
    rows = [(r[0].row, r[1].value, r[2].value) for r in side.iter_rows()
            if r[0].value == "事实" and national.facts.get(str(r[1].value)) is not None
            and national.facts[str(r[1].value)].type == "boolean"]
    assert rows, "the national form's side sheet lists yes-or-no facts"
    assert {"是", "否"} >= {value for _, _, value in rows}  # the form the tool writes says 是 or 否 too (QA37 F6)
    typed = {row: ("是" if i % 2 else " 否 ") for i, (row, _, _) in enumerate(rows)}  # both, one with spaces around
    _edit(form, {f"C{row}": text for row, text in typed.items()}, sheet=1)
    read = read_form(form, national).facts.values
    assert all(read[name] is (typed[row] == "是") for row, name, _ in rows)
    assert 0 == CliRunner().invoke(main, ["score", str(form)]).exit_code


def test_a_form_with_a_cell_that_cannot_be_read_also_names_the_values_the_set_refuses_in_the_same_run(tmp_path: Path):
    """QA33 F2: a form with a list typed as words and yes-or-no facts typed 对 came back twice: first the list's cell,
    then, once that was fixed, every yes-or-no cell. Both are said in one run, each on its cell."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    side = load_workbook(form).worksheets[1]
    kinds = {str(r[1].value): r[0].row for r in side.iter_rows() if r[0].value == "事实" and str(r[1].value) in national.facts}
    listed = next(row for name, row in kinds.items() if national.facts[name].type == "list")
    yes_no = [row for name, row in kinds.items() if national.facts[name].type == "boolean"][:2]
    _edit(form, {f"C{listed}": "资料不全；未按期报送", **{f"C{row}": "对" for row in yes_no}}, sheet=1)
    lines = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert any(f"表外事实!C{listed}：'资料不全；未按期报送' 可能是写在同一行的几个问题" in line for line in lines), lines
    for row in yes_no:  # told to write 是 or 否, as the form takes them (QA35 F5), not a facts file's true or false
        assert any(f"表外事实!C{row}：" in line and "应为 是 或 否，实际是文字 '对'" in line and line.endswith("（填写 是 或 否）")
                   for line in lines), lines
    blank = tmp_path / "blank.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "national-framework", "-o", str(blank)]).exit_code
    assert any("是 或 否" in str(r[4].value) for r in load_workbook(blank).worksheets[1].iter_rows() if len(r) > 4)
    skeleton = CliRunner().invoke(main, ["template", "national-framework", "--format", "json"]).stdout
    assert "true 或 false" in skeleton and "是 或 否" not in skeleton


def test_the_score_sheet_report_the_tool_wrote_is_said_to_be_one_not_read_as_a_form(tmp_path: Path):
    """QA36 F5: a firm re-scoring the 评分表 workbook it sent out was told to pass --set self-evaluation (another set),
    then, with --set, to add 47 rows to a sheet 表外事实 the workbook does not have. It is one line saying what the
    workbook is and what to score instead, with or without --set, and in a batch."""
    report = tmp_path / "r.xlsx"
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "scoresheet", "-o", str(report)]).exit_code
    said = "这个工作簿是 scoring-engine 写出的评分表（报告），不是填好的自评表（请对写出它的事实文件评分"
    for command in (["score", str(report)], ["score", str(report), "--set", "national-framework"],
                    ["batch", str(report), "-q"]):
        lines = [line for line in _said(*command) if line.startswith("错误")]
        assert 1 == len(lines) and said in lines[0], lines


def test_a_clerks_side_sheet_is_read_as_written_by_label_renamed_or_saying_none(tmp_path: Path):
    """QA38: a 表外事实 row naming its fact by the label the 说明 column prints (实际支出资金), the sheet renamed with a space
    after it, and a list of findings given as 无 were each refused (add a row / no side sheet / not JSON), and a formula
    in a value cell was said in English. The first three read as meant; the formula is said in Chinese."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    book = load_workbook(form)
    side = book.worksheets[1]
    rows = {str(r[1].value): r[0].row for r in side.iter_rows() if r[0].value == "事实"}
    listed = next(name for name in rows if national.facts[name].type == "list")
    labelled = next(name for name in rows if national.facts[name].type == "number" and national.facts[name].label)
    side[f"B{rows[labelled]}"] = national.facts[labelled].label
    side[f"C{rows[listed]}"] = "无"
    side.title = "表外事实 (2)"  # as Excel names a copied sheet (QA39 F10); "表外事实 " and "表外 事实" alike
    book.save(form)
    read = read_form(form, national)
    assert [] == read.facts.values[listed] and labelled in read.facts.values
    assert 0 == CliRunner().invoke(main, ["score", str(form)]).exit_code
    _edit(form, {f"C{rows[labelled]}": "=500+300"}, sheet=1)
    # said on the tab as the clerk sees it named (QA43 F3)
    assert any(line.endswith(f"'表外事实 (2)'!C{rows[labelled]}：单元格是公式（=500+300），应填写值"
                             "（直接填写值，或复制该单元格后在原处“选择性粘贴 → 数值”）")
               for line in _said("score", str(form)))


@pytest.mark.parametrize("none", ["／", "－", "无。", " 没有 "])
def test_a_list_of_findings_given_as_none_typed_full_width_or_as_a_sentence_is_empty(tmp_path: Path, none: str):
    """QA39 F12: 无 and / read as no findings, but what a Chinese input method types (／, －) and 无。 were refused."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    listed = next(name for name in rows if national.facts[name].type == "list")
    _edit(form, {f"C{rows[listed]}": none}, sheet=1)
    assert [] == read_form(form, national).facts.values[listed]


def test_a_yes_or_no_fact_given_twice_differently_is_said_with_the_shi_or_fou_typed(tmp_path: Path):
    """QA39 F12: a yes-or-no fact given on two rows, 是 and 否, was said as 'True' and 'False', which the clerk never typed."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    side = load_workbook(form).worksheets[1]
    row, name = next((r[0].row, str(r[1].value)) for r in side.iter_rows()
                     if r[0].value == "事实" and str(r[1].value) in national.facts
                     and national.facts[str(r[1].value)].type == "boolean")
    extra = side.max_row + 1
    _edit(form, {f"C{row}": "是", f"A{extra}": "事实", f"B{extra}": name, f"C{extra}": "否"}, sheet=1)
    lines = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert any(f"{name} 填写了两次：表外事实!C{row} 为 是，此处为 否" in line for line in lines), lines


def test_the_score_sheet_report_with_a_sheet_renamed_or_deleted_is_still_said_to_be_one(tmp_path: Path):
    """QA38: the 评分表 report with 事实与来源 renamed (事实与来源(2), as Excel names a copy) was read as a form again."""
    from openpyxl import load_workbook

    report = tmp_path / "r.xlsx"
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "scoresheet", "-o", str(report)]).exit_code
    book = load_workbook(report)
    book["事实与来源"].title = "事实与来源(2)"
    book.save(report)
    lines = [line for line in _said("score", str(report), "--set", "national-framework") if line.startswith("错误")]
    assert 1 == len(lines) and "这个工作簿是 scoring-engine 写出的评分表（报告）" in lines[0], lines


def test_a_form_beside_sheets_named_as_the_score_sheet_reports_are_is_read_as_a_form(tmp_path: Path):
    """QA39 F7: a real 自评表 whose workbook also held sheets named 评分表 and 一级指标汇总 was refused as the report."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    book = load_workbook(form)
    book.create_sheet("评分表")
    book.create_sheet("一级指标汇总")
    book.save(form)
    assert 0 == CliRunner().invoke(main, ["score", str(form)]).exit_code


def test_a_form_with_two_renamed_copies_of_the_side_sheet_is_refused_naming_them(tmp_path: Path):
    """QA42 F5: 表外事实 (2) and 表外事实 (3), the original deleted: both were taken as 表外事实, the first read and the other's
    different 执行数 passed over unsaid. Which is the unit's cannot be told: one error names both copies."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    book = load_workbook(form)
    side = book.worksheets[1]
    book.copy_worksheet(side).title = "表外事实 (3)"
    side.title = "表外事实 (2)"
    book.save(form)
    lines = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(lines) and "工作簿中有 2 个“表外事实”工作表的副本（表外事实 (2)、表外事实 (3)）；一份表只有一个" in lines[0], lines


@pytest.mark.parametrize("renamed", ["表外事实2", "表外事实-副本", "Sheet1", "表外事實"])
def test_a_side_sheet_renamed_near_its_name_or_past_knowing_is_read_by_its_heading(tmp_path: Path, renamed: str):
    """QA42 F7: a side sheet renamed 表外事实2, 表外事实-副本 or Sheet1 was "no sheet 表外事实" (with 47 rows to add), and
    Sheet1 beside the unit's own sheets 评分表 and 一级指标汇总 was said to be the 评分表 report. A copy's name is the
    sheet's; the one sheet headed 类别 | 名称 | 值 is the side sheet whatever its name."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    expected = _said("score", str(form))[-2:]
    book = load_workbook(form)
    book.worksheets[1].title = renamed
    for name in ("评分表", "一级指标汇总"):
        book.create_sheet(name)["A1"] = "本单位自用"
    book.save(form)
    run = CliRunner().invoke(main, ["score", str(form)])
    assert 0 == run.exit_code and run.output.splitlines()[-2:] == expected, run.output


def test_a_side_sheet_renamed_sheet1_beside_a_copy_is_refused_and_its_cells_are_cited_by_its_tab(tmp_path: Path):
    """QA43 F3: the side sheet renamed Sheet1 beside a copy named 表外事实 (2), with another 执行数, was read from one and
    the other passed over; and the cells of a sheet read as 表外事实 were cited as 表外事实!C26, a tab the workbook does
    not have. Two candidates are refused, naming both; one is cited by its tab's own name."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    book = load_workbook(form)
    side = book.worksheets[1]
    side.title = "Sheet1"
    book.save(form)
    rows = {str(r[1].value): r[0].row for r in side.iter_rows() if r[0].value == "事实"}
    _edit(form, {f"C{rows['budget.paid']}": "九百"}, sheet=1)
    assert any(f"Sheet1!C{rows['budget.paid']}：" in line for line in _said("score", str(form)))
    book = load_workbook(form)
    book["Sheet1"].delete_rows(rows["budget.paid"])
    book.save(form)  # a fact's row deleted: the row to add is on the tab as the clerk sees it named (QA45 F12)
    assert any("在工作表 Sheet1 加一行“事实 | budget.paid | 值”" in line for line in _said("score", str(form)))
    book = load_workbook(form)
    book.copy_worksheet(book.worksheets[1]).title = "表外事实 (2)"
    book.save(form)
    lines = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(lines) and "（Sheet1、表外事实 (2)）" in lines[0], lines


@pytest.mark.parametrize("tab", ["表外事实", "Sheet1"])
@pytest.mark.parametrize(("moved", "cited"), [("title row", "C"), ("序号 column", "D"), ("备注 column", "D")])
def test_a_side_sheet_whose_table_a_clerk_moved_is_read_from_its_heading(tmp_path: Path, tab: str, moved: str, cited: str):
    """QA46 F4: with a title row inserted above the side sheet's table, or a 序号 column left of it, the sheet renamed
    Sheet1 was "no sheet 表外事实", and named 表外事实 with the column its set was unknown (each of its facts "to add",
    an optional one taking its default); with a 备注 column between 名称 and 值, the note was read as the value (QA49 F2).
    The table is read from its heading 类别 | 名称 | 值, each cell cited where it is."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    expected = _said("score", str(form))[-2:]
    book = load_workbook(form)
    side = book.worksheets[1]
    side.title = tab
    rows = {str(r[1].value): r[0].row for r in side.iter_rows() if r[0].value == "事实"}
    if moved == "title row":
        side.insert_rows(1)
        side["A1"] = "表外事实（由单位填写）"
    elif moved == "序号 column":
        side.insert_cols(1)
        side["A1"] = "序号"
    else:  # between 名称 and 值, with a note on the row of budget.paid (QA49 F2: read as its value)
        side.insert_cols(3)
        side["C1"], side[f"C{rows['budget.paid']}"] = "备注", "以财务账为准"
    book.save(form)
    assert expected == _said("score", str(form))[-2:]
    _edit(form, {f"{cited}{rows['budget.paid'] + (moved == 'title row')}": "九百"}, sheet=1)
    assert any(f"{tab}!{cited}{rows['budget.paid'] + (moved == 'title row')}：" in line for line in _said("score", str(form)))


def test_a_fact_row_typed_above_the_side_tables_heading_is_read(tmp_path: Path):
    """QA49 F2: the side table found by its heading below a title was read from the heading down, and a fact row a
    clerk typed above it was dropped without a word (its fact then missing, or its default taken)."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    book = load_workbook(form)
    side = book.worksheets[1]
    row = next(r[0].row for r in side.iter_rows() if r[1].value == "budget.paid")
    side.delete_rows(row)
    side.insert_rows(1, 2)
    side["A1"], side["B1"], side["C1"] = "事实", "budget.paid", 500
    side.insert_cols(1)
    book.save(form)
    said = _said("explain", str(form), "-i", "process.funds.execution")
    assert any("50.00%" in line for line in said) and not any(line.startswith("错误") for line in said), said


@pytest.mark.parametrize("left", ["blank", "deleted"])
def test_a_fact_with_a_default_the_form_leaves_out_is_said_taken(tmp_path: Path, left: str):
    """QA46 F5: a unit that chose 分档 (budget.method: bands) and whose row of it was cleared or deleted was scored by
    proportion, the set's default, without a word (8.50 for 7.00 with 85% executed). The default is still taken, as the
    set declares, and said: on the blank cell, or with the row to add."""
    import json

    from openpyxl import load_workbook

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"].update(paid=85, method="bands")
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)]).exit_code
    assert not any("默认值" in line for line in _said("score", str(form)))
    book = load_workbook(form)
    row = next(r[0].row for r in book.worksheets[1].iter_rows() if r[1].value == "budget.method")
    if left == "blank":
        book.worksheets[1].cell(row, 3).value = None
    else:
        book.worksheets[1].delete_rows(row)
    book.save(form)
    said = [line for line in _said("score", str(form)) if "默认值" in line]
    assert 1 == len(said) and "（budget.method）" in said[0] and "按指标体系的默认值 'proportional' 计分" in said[0], said
    assert (f"表外事实!C{row}：" in said[0]) == (left == "blank")
    assert (left == "deleted") == ("请在工作表 表外事实 加一行“事实 | budget.method | 值”" in said[0])


def test_the_blank_form_says_what_a_fact_left_blank_is_taken_as(tmp_path: Path):
    """QA46 F5: the blank form's 说明 of a fact with a default says the default a blank cell is scored with."""
    from openpyxl import load_workbook

    blank = tmp_path / "blank.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "-o", str(blank)]).exit_code
    said = {r[1]: r[4] for r in load_workbook(blank).worksheets[1].iter_rows(values_only=True) if r[0] == "事实"}
    assert said["budget.method"].endswith("；不填按默认值 按比例") and "默认" not in said["budget.adjusted"]


@pytest.mark.parametrize("typed", ["ｂｕｄｇｅｔ．ｐａｉｄ", "budget。paid"])
def test_a_fact_row_whose_kind_cell_was_merged_away_or_whose_name_the_ime_typed_is_read(tmp_path: Path, typed: str):
    """QA47 F2, QA49 F5/F6: with the 类别 cells of the 事实 rows merged (only the first keeps 事实), each fact below was
    said missing, "add a row 事实 | … | 值" (the row is there), and one with a default took it (bands scored as
    proportion); budget.paid typed with the IME in full width (ｂｕｄｇｅｔ．ｐａｉｄ) or in Chinese mode (budget。paid)
    was a fact to add. A row with no 类别 naming a declared fact is a fact, and the names are read as meant."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    expected = _said("score", str(form))[-2:]
    book = load_workbook(form)
    side = book.worksheets[1]
    rows = {str(r[1].value): r[0].row for r in side.iter_rows() if r[0].value == "事实"}
    side.cell(rows["budget.paid"], 2).value = typed
    first, last = sorted(rows.values())[0], sorted(rows.values())[-1]
    side.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    book.save(form)
    assert expected == _said("score", str(form))[-2:]
    assert not any(line.startswith(("错误", "提示")) for line in _said("score", str(form)))


@pytest.mark.parametrize(("typed", "read"), [("1笔支出超范围列支", ["1笔支出超范围列支"]),
                                             ("资料不全\n未按期报送", ["资料不全", "未按期报送"])])
def test_findings_typed_in_a_cell_one_a_line_are_read_as_findings(tmp_path: Path, typed: str, read: list[str]):
    """QA44 F10: a clerk typing the findings in the cell (one, or one a line with Alt+Enter) was told to write JSON."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    listed = next(name for name in rows if national.facts[name].type == "list")
    _edit(form, {f"C{rows[listed]}": typed}, sheet=1)
    assert read == list(read_form(form, national).facts.values[listed])  # as a facts file gives them


@pytest.mark.parametrize("typed", ["未发现问题", "无问题", "无违规问题", "无此类问题", "不存在", "没有发现问题。", "N/A", "0",
                                   "0处", Decimal(0), "资料齐全", "档案完整", "符合要求", "未发现违规违纪问题", "无违纪违法问题",
                                   "经检查，未发现问题", "不存在问题，", "未发现问题（0处）", "〇处", "0.0", "未发现问题；"])
def test_no_problem_found_written_as_clerks_write_it_is_no_finding(tmp_path: Path, typed: Any):
    """QA47 F1: 未发现问题 (the engine's own words for a clean indicator), 无违规问题, N/A or 0 typed in a findings cell was
    one finding and cost its points (99.00 for 100.00, exit 0, no word), and so was 资料齐全 in the cell of what is
    missing. They say none, as 无 does; 无会议记录 (no minutes kept) is still a finding."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    listed = next(name for name in rows if national.facts[name].type == "list" and national.facts[name].items == "finding")
    _edit(form, {f"C{rows[listed]}": typed}, sheet=1)
    assert () == tuple(read_form(form, national).facts.values[listed])
    _edit(form, {f"C{rows[listed]}": "无会议记录"}, sheet=1)
    assert ["无会议记录"] == list(read_form(form, national).facts.values[listed])


@pytest.mark.parametrize("typed", ["未发现截留、挤占、挪用资金等问题", "不存在截留、挤占、挪用、虚列支出等情况",
                                   "严格执行资金管理办法，杜绝截留挪用", "无违规行为", "未发现截留、挤占、挪用等违规问题",
                                   "不存在挤占、挪用项目资金的情况"])
def test_a_sentence_ruling_out_the_misuses_the_set_deducts_for_costs_nothing(tmp_path: Path, typed: str):
    """QA261 F2: the sentence a unit writes to say its money was used properly, naming 截留、挤占、挪用, was one finding
    holding 挪用, and took all 5 points of 资金使用合规性 (95.00 for 100.00, no word). It says none."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set, score
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    _edit(form, {f"C{rows['process.compliance_findings']}": typed}, sheet=1)
    facts = read_form(form, national).facts
    assert () == tuple(facts.values["process.compliance_findings"])
    assert 5 == score(national, facts).indicator("process.funds.compliance").score


@pytest.mark.parametrize("typed", ["2处", "3", Decimal(2), "3处问题", "发现3处问题", "两处", "3个问题", "3处。", "2处（见附件）"])
def test_a_count_typed_for_findings_is_refused_at_its_cell(tmp_path: Path, typed: Any):
    """QA47 F1: 2处 in a findings cell was one finding (1 point where the unit meant two): a count says how many, not
    which, and each may cost other points; it is refused at its cell, saying to write each on its own line."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    _edit(form, {f"C{rows['process.compliance_findings']}": typed}, sheet=1)
    said = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(said) and f"表外事实!C{rows['process.compliance_findings']}：" in said[0], said
    assert "只写了问题的个数" in said[0] and "每行写一个问题" in said[0]


def test_a_finding_with_points_typed_as_json_or_an_invisible_line_or_a_time_in_a_side_sheet_cell(tmp_path: Path):
    """QA46: a finding typed as {"text": …, "points": 2} was read as plain text (1 point, not 2); a line of only a
    zero-width space counted as a finding; a time of day (12:00) in a cell crashed `import` (exit 3)."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    listed = next(name for name in rows if national.facts[name].type == "list")
    _edit(form, {f"C{rows[listed]}": '{"text": "挪用资金", "points": 5}\n资料不全\n\u200b'}, sheet=1)
    read = read_form(form, national).facts.values[listed]
    assert [{"text": "挪用资金", "points": Decimal(5)}, "资料不全"] == list(read)
    _edit(form, {f"C{rows['budget.paid']}": datetime.time(12, 0)}, sheet=1)
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form)])
    assert 1 == run.exit_code and "holds a time of day or a duration (12:00:00), which no fact takes" in run.output


@pytest.mark.parametrize("typed", ["900", " 900 ", "９００", "900.00", "900万元", "900万"])
def test_a_number_typed_as_text_on_the_side_sheet_is_read_as_the_form_sheet_reads_it(tmp_path: Path, typed: str):
    """QA47 F5: '900' in a side-sheet column formatted as 文本 (as WPS and Excel keep what is typed there), '９００' or
    '900万元' was refused, where the same text on the form sheet is read: a county's forms typed so failed one by one."""
    form = _written(tmp_path, "national-framework")
    from openpyxl import load_workbook

    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    _edit(form, {f"C{rows['budget.paid']}": 900}, sheet=1)
    expected = _said("score", str(form))[:-1]  # but the facts' hash: 900.00 is written with its decimals
    _edit(form, {f"C{rows['budget.paid']}": typed}, sheet=1)
    assert expected == _said("score", str(form))[:-1]


@pytest.mark.parametrize("heading", ["年度指标值", "分值"])
def test_an_empty_cell_of_cells_merged_across_two_rows_says_the_merge_is_why(tmp_path: Path, heading: str):
    """QA47 F6: clerks merge E13:E14 where two rows share a target (or G13:G14 a weight). On screen E14 shows the value;
    the workbook holds it in E13 alone, and E14 was said "未填写" with "填写该单元格", the cell the clerk sees filled. Which
    value each row meant cannot be told (a shared weight is no weight each), so the row is still refused, and the fix
    names the merge: unmerge it and type each row's own value."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    form = _written(tmp_path, "self-evaluation")
    top, _ = _where(form, "年度指标值")  # the target rows' heading (a 分值 heads the funds block too)
    book = load_workbook(form)
    sheet = book.worksheets[0]
    col = next(c.column for c in sheet[top] if c.value == heading)
    row = next(r for r in range(top + 1, sheet.max_row) if sheet.cell(r, col).value is not None
               and sheet.cell(r + 1, col).value is not None and sheet.cell(r, 1).value is None)  # two target rows
    sheet.cell(row + 1, col).value = None
    sheet.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    book.save(form)
    letter = get_column_letter(col)
    said = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(said) and f"{SHEET}!{letter}{row + 1}：" in said[0], said
    assert said[0].endswith(f"（合并单元格 {letter}{row}:{letter}{row + 1} 的值只属于其第一个单元格：请取消合并，在每一行填写该行自己的值）")


def test_an_empty_cell_of_cells_merged_across_columns_says_the_merge_is_why(tmp_path: Path):
    """QA165 F8: E15:F15 merged over a tier row's 年度指标值 and its empty 实际完成值 shows one value across both; F15 was
    said "未填写" with "填写该单元格", which cannot be done while it is merged. The fix names the merge, as one across rows
    does: unmerge it and type each cell's own value."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "self-evaluation")
    row, _ = _where(form, "工程竣工验收合格")
    book = load_workbook(form)
    sheet = book.worksheets[0]
    sheet[f"E{row}"], sheet[f"F{row}"] = sheet[f"F{row}"].value, None
    sheet.merge_cells(f"E{row}:F{row}")
    book.save(form)
    said = [line for line in _said("score", str(form)) if line.startswith("错误")]
    assert 1 == len(said) and f"{SHEET}!F{row}：行 工程竣工验收合格：实际完成值未填写" in said[0], said
    assert said[0].endswith(f"（合并单元格 E{row}:F{row} 的值只属于其第一个单元格：请取消合并，在每个单元格填写各自的值）")


def test_a_forms_hints_are_said_with_its_errors_not_only_once_they_are_fixed(tmp_path: Path):
    """A form with 预算执行率计分方法 left blank (the set's default taken: a 提示) and a 实际完成值 left blank (an error)
    said only the error; fixed, the next run said the 提示, a second trip for the clerk. Both are said at once."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "self-evaluation")
    book = load_workbook(form)
    side = book.worksheets[1]
    row = next(r[0].row for r in side.iter_rows() if r[1].value == "budget.method")
    side.cell(row, 3).value = None
    top, _ = _where(form, "年度指标值")
    sheet = book.worksheets[0]
    actual = next(c.column for c in sheet[top] if c.value == "实际完成值")
    sheet.cell(top + 1, actual).value = None
    book.save(form)
    said = _said("score", str(form))
    assert [line.split("：", 1)[0] for line in said] == ["提示", "错误"], said
    assert "budget.method" in said[0] and "实际完成值未填写" in said[1]


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
def test_a_printed_form_says_which_indicator_does_not_apply_and_why(tmp_path: Path, fmt: str):
    """QA53 F5: on the 自评表 in Markdown, CSV and HTML, 服务对象满意度 marked 不适用 appeared nowhere, nor its reason,
    while every other row's 分值 was rescaled for it (22.23 where the set says 20): a line under the form says so."""
    import json

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["not_applicable"] = {"satisfaction": "项目未设置满意度指标"}
    document["indicator_set"] = "self-evaluation"
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(facts), "--format", fmt, "--layout", "selfeval"])
    assert 0 == run.exit_code, run.output
    assert "不适用：服务对象满意度（satisfaction）：项目未设置满意度指标；其他指标的分值已按比例调整" in run.output


def test_a_side_rows_kind_typed_with_a_space_is_read_as_meant(tmp_path: Path):
    """QA54 F5: 类别 `事 实` on the side sheet's budget.method row (bands) was skipped, and the form scored with the
    default method (79.41 for 77.41), exit 0; `不 适用` was not read either, and the clerk told to fill rows in. The
    类别 is read without its spaces (and full-width letters), as the names are."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "self-evaluation")
    expected = _said("score", str(form))
    book = load_workbook(form)
    side = book.worksheets[1]
    row = next(r[0].row for r in side.iter_rows() if r[1].value == "budget.method")
    side.cell(row, 1).value = "事 实"
    book.save(form)
    assert expected == _said("score", str(form))


def test_the_conclusion_a_written_form_gives_itself_is_not_read_back_as_the_projects(tmp_path: Path):
    """QA54 F2: the Sichuan form writes 评价结论 '总分71.19分，等级：中' where the facts give none; `import` read it back as
    project.conclusion, so the facts changed on the round trip, and a form written again from corrected facts printed
    the old total and grade beside the new ones. The form's own words are not read back; a clerk's own are, also when
    they begin as the form's do and go on (总分…分，等级：中，项目完成良好: they were taken for the form's own and lost)."""
    import json

    form = _written(tmp_path, "sichuan-self-evaluation")
    out = tmp_path / "read.json"
    assert 0 == CliRunner().invoke(main, ["import", str(form), "-o", str(out)]).exit_code
    assert "conclusion" not in json.loads(out.read_text(encoding="utf-8")).get("project", {})
    from openpyxl import load_workbook

    book = load_workbook(form)
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)
                and c.value.startswith("总分") and "等级：" in c.value)
    for own in ("项目完成良好，群众满意", "总分71.19分，等级：中，项目完成良好，群众满意"):
        cell.value = own
        book.save(form)
        assert 0 == CliRunner().invoke(main, ["import", str(form), "-o", str(out)]).exit_code
        assert own == json.loads(out.read_text(encoding="utf-8"))["project"]["conclusion"]


def test_a_conclusion_typed_with_another_total_than_the_sets_is_said_and_one_that_agrees_is_not(tmp_path: Path):
    """QA314 2: a unit typed 评价结论 总分80分，等级良 on a Sichuan form the set scores 100.00: the text was printed as
    typed in every report, without a word. A 提示 names the cell and both totals; a total that agrees to the decimals
    typed (总分100分) is no difference, and a conclusion stating no total is none."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "sichuan-self-evaluation")
    book = load_workbook(form)
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)
                and c.value.startswith("总分") and "等级：" in c.value)
    for typed, said in (("总分80分，等级良", True), ("项目完成较好，总分：100分", False), ("项目完成良好", False),
                        ("总分80分。" + "项目完成良好。" * 400, True)):  # a long one is read in its first part (QA315 4)
        cell.value = typed
        book.save(form)
        lines = [line for line in _said("score", str(form)) if "评价结论" in line]
        assert lines == ([f"提示：{form}: 部门预算项目支出绩效自评表!{cell.coordinate}：评价结论写的总分 80 与按体系计算的 "
                          "100.00 不同，以计算结果为准"] if said else []), lines


def test_a_set_id_misspelt_on_the_side_sheet_is_offered_the_bundled_one_meant(tmp_path: Path):
    """QA54 F7: 表外事实's 指标体系 typed henan-special-bnod was told only to pass --set with the set's file; every other
    unknown name gets a did-you-mean, and this one does too."""
    from openpyxl import load_workbook

    form = _written(tmp_path, "self-evaluation")
    book = load_workbook(form)
    side = book.worksheets[1]
    row = next(r[0].row for r in side.iter_rows() if r[0].value == "指标体系")
    side.cell(row, 2).value = "self-evaluaton"
    book.save(form)
    said = _said("score", str(form))
    assert 1 == len(said) and said[0].endswith("（是否想写 self-evaluation？）"), said


def test_a_fact_a_profile_removes_given_on_the_side_sheet_is_said_removed_and_no_slip_of_a_fact_the_form_gives(tmp_path):
    """QA152 F4: a profile removing 生态效益 read a form giving benefit.ecological on 表外事实 and said 'did you mean
    benefit.economic?', a fact the form gives (following it: 'given twice'); a facts file giving it is told the profile
    removes it. The form is told the same, and a slip is never offered a fact the form gives."""
    profile = tmp_path / "province.yaml"
    profile.write_text("extends: national-framework\nid: province\nname: 某省\nremove: [benefit.effects.ecological]\n"
                       "change:\n  benefit.effects:\n    weight: 16\n    rescale: siblings\nfacts:\n  benefit.ecological: null\n",
                       encoding="utf-8")
    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    run = CliRunner().invoke(main, ["score", str(facts), "--set", str(profile), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    judged = '{"tier": "达成年度指标", "score": 3.5, "reason": "水土流失减少"}'
    _edit(form, {}, sheet=1, append=[["事实", "benefit.ecological", judged], ["事实", "benefit.economc", judged]])
    removed, _ = _where(form, "benefit.ecological", sheet=1)
    for command in ("score", "import"):
        lines = _said(command, str(form), "--set", str(profile))
        said = [line for line in lines if "benefit.ecological" in line or "benefit.economc" in line]
        assert 2 == len(said) and f"表外事实!C{removed}：事实 benefit.ecological 没有在体系中声明，已忽略（方案 province.yaml " \
            "删除了这个事实" in said[0], lines
        assert "是否想写 benefit.economic" not in " ".join(said), said  # offered: no; where it is given: yes (QA159 F2)
        assert "（benefit.economic 已在 表外事实!C" in said[1], said


def test_a_judgement_or_findings_given_twice_are_shown_in_words_not_as_python_writes_them(tmp_path: Path):
    """QA152 F5: a tier judgement or a list of findings given twice on 表外事实 was shown as Python prints it
    ({'tier': …, 'score': Decimal('3'), …}, ['1笔支出未附发票']). Each is shown as the tool shows values."""
    form = _written(tmp_path, "national-framework")
    findings, _ = _where(form, "process.compliance_findings", sheet=1)
    _edit(form, {f"C{findings}": "1笔支出未附发票"}, sheet=1, append=[
        ["事实", "benefit.economic", '{"tier": "部分达成并具有一定效果", "score": 3, "reason": "增收效果一般"}'],
        ["事实", "process.compliance_findings", "挪用资金\n未附发票"]])
    lines = _said("score", str(form))
    economic = [line for line in lines if "benefit.economic 填写了两次" in line]
    assert 1 == len(economic) and "为 达成年度指标，4分：经济效益目标全部实现，此处为 部分达成并具有一定效果，3分：增收效果一般" \
        in economic[0], lines
    listed = [line for line in lines if "process.compliance_findings 填写了两次" in line]
    assert 1 == len(listed) and f"表外事实!C{findings} 为 1笔支出未附发票，此处为 挪用资金；未附发票" in listed[0], lines
    assert "Decimal(" not in "\n".join(lines) and "['" not in "\n".join(lines), lines


def test_a_judgement_lacking_its_reason_or_a_finding_with_points_given_twice_is_shown_in_words(tmp_path: Path):
    """QA155 F10: a value given twice on 表外事实 was shown with its English keys when a judgement lacked its reason (为
    score：3; 为 tier：达成年度指标；score：9) and for a finding with its points (为 （text：…；points：3）). Each is shown
    in the tool's words."""
    form = tmp_path / "small.xlsx"
    small = ROOT / "examples" / "small"
    run = CliRunner().invoke(main, ["score", str(small / "facts.json"), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    _edit(form, {}, sheet=1, append=[["事实", "decision.budget_judgement", '{"score": 3}'],
                                     ["事实", "benefit.social", '{"tier": "达成年度指标", "score": 9}'],
                                     ["事实", "findings.compliance", '[{"text": "2笔支出未附发票", "points": 3}]']])
    lines = _said("score", str(form), "--set", str(small / "set.yaml"))
    said = "\n".join(line for line in lines if "填写了两次" in line)
    assert "此处为 3分（" in said and "此处为 达成年度指标，9分（" in said, lines
    assert "为 2笔支出未附发票（2分）；1笔支出超范围列支，此处为 2笔支出未附发票（3分）（" in said, lines
    assert 3 == said.count("填写了两次") and not any(word in said for word in ("score：", "tier：", "text：", "points")), lines


ROWS_FACTS = """{"facts": {"targets": [
  {"id": "buildings", "name": "安置房主体封顶栋数", "type": "quantity", "weight": 20, "target": 19, "actual": 18, "unit": "栋"},
  {"name": "建设工期（月）", "type": "timeliness", "weight": 15, "target": 12, "actual": 14},
  {"name": "安置群众满意度", "type": "qualitative", "weight": 15, "tier": "部分达成并具有一定效果", "score": 10, "reason": "回迁滞后"}
]}}"""


def test_a_form_written_of_a_set_whose_target_rows_go_on_the_side_sheet_scores_back_to_the_same_total(tmp_path: Path):
    """A set with a row group its `form: targets` does not map (the docs' example-rows set): the 自评表 `score` writes
    holds the rows as JSON on 表外事实, and score, import and batch read it back to the same 37.95 合格; they said the cell
    holding [{"id": "buildings", …}] was text, not a list (QA162 F3). A cell that is no JSON is told how to write rows."""
    rows, facts, form = tmp_path / "rows.yaml", tmp_path / "facts.json", tmp_path / "form.xlsx"
    rows.write_text(EXAMPLE_ROWS, encoding="utf-8")
    facts.write_text(ROWS_FACTS, encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(facts), "--set", str(rows), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    run = CliRunner().invoke(main, ["score", str(form), "--set", str(rows), "--format", "json"])
    assert 0 == run.exit_code, run.output
    assert '"total": 37.95' in run.output and '"grade": "合格"' in run.output
    imported = CliRunner().invoke(main, ["import", str(form), "--set", str(rows)])
    assert 0 == imported.exit_code, imported.output
    assert '"name": "安置房主体封顶栋数"' in imported.output
    summary = tmp_path / "summary.csv"
    batch = CliRunner().invoke(main, ["batch", str(form), "--set", str(rows), "-o", str(summary)])
    assert 0 == batch.exit_code, batch.output
    assert "37.95" in summary.read_text(encoding="utf-8-sig")
    row, column = _where(form, "targets", sheet=1)
    _edit(form, {f"{'ABC'[column]}{row}": '[{"name": "x", '}, sheet=1)
    said = _said("score", str(form), "--set", str(rows))
    assert any("表外事实!C3：列表类事实应按 JSON 填写" in line and '请写成 [{"name": "主体封顶栋数"' in line for line in said), said


@pytest.mark.parametrize("typed, score", [("经检查\n未发现问题", 5), ("严格执行资金管理办法\n但仍有2笔白条入账", 4),
                                          ("经检查\n存在2笔白条入账", 4)])
def test_a_line_naming_how_the_work_was_checked_is_no_finding_of_its_own(tmp_path: Path, typed: str, score: int):
    """经检查⏎未发现问题 cost a point: its first line was one finding; and 严格执行资金管理办法⏎但仍有2笔白条入账 two
    (QA265 F2). A line naming how the work was checked or done is neither a finding nor none."""
    from openpyxl import load_workbook

    from scoring_engine import load_indicator_set
    from scoring_engine import score as scored
    from scoring_engine.forms.reader import read_form

    form = _written(tmp_path, "national-framework")
    national = load_indicator_set("national-framework")
    rows = {str(r[1].value): r[0].row for r in load_workbook(form).worksheets[1].iter_rows() if r[0].value == "事实"}
    _edit(form, {f"C{rows['process.compliance_findings']}": typed}, sheet=1)
    assert score == scored(national, read_form(form, national).facts).indicator("process.funds.compliance").score
