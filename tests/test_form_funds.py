"""The funds block of a filled 自评表 checked against itself: a typed 执行率 and the 其中 rows (提示, never a score)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form, written_form
from scoring_engine.cli import main

SHEET = "项目支出绩效自评表"


def _filled(tmp_path: Path, **cells: object) -> Path:
    """The bundled self-evaluation facts written as the form (全年预算数 E6, 全年执行数 F6, 执行率 H6; 其中 rows 7–9), with
    `cells` typed over it."""
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx", cells)
    sheet = openpyxl.load_workbook(form)[SHEET]  # the cells the tests type are where these labels say
    assert sheet["E5"].value == "全年预算数" and sheet["H5"].value == "执行率" and sheet["B7"].value == "其中：当年财政拨款"
    return form


_run = scored_form


def test_a_typed_execution_rate_its_amounts_do_not_give_is_a_hint_and_the_computed_one_counts(tmp_path: Path) -> None:
    """全年预算数 500, 全年执行数 420 (84%), and the unit typed 90% in 执行率: the cell was read nowhere and nothing said
    so. A 提示 names the cell, the typed and the computed rate; the score is the computed one's."""
    code, output = _run(_filled(tmp_path, E6=500, F6=420, H6="90%"))
    assert 0 == code, output
    assert f"{SHEET}!H6: the form gives the 执行率 90% where its amounts give 420 ÷ 500 = 84%; the computed one counts" \
        in output
    assert "8.40" in output  # 10 × 84%


def test_a_negative_amount_is_refused_without_a_hint_of_the_rate_it_would_give(tmp_path: Path) -> None:
    """QA305 6: 全年执行数 typed −420 was refused on F6, and before that a 提示 compared the typed 90% with −84%, a rate
    of an amount no form holds: only the refusal is said."""
    code, output = _run(_filled(tmp_path, E6=500, F6=-420, H6="90%"))
    assert 1 == code, output
    assert f"{SHEET}!F6" in output and "H6" not in output


@pytest.mark.parametrize("typed", ["84%", "84.00%", "84", "0.84", "83.9%"])
def test_a_typed_execution_rate_that_agrees_to_its_decimals_says_nothing(tmp_path: Path, typed: object) -> None:
    """84% typed for 420 ÷ 500 in any of the ways a clerk types it (a percentage, 84, 0.84), or cut to fewer decimals than
    the computed rate has (83.9% for 83.96%), is the same rate."""
    amounts = {"E6": 500, "F6": 419.8} if typed == "83.9%" else {"E6": 500, "F6": 420}
    code, output = _run(_filled(tmp_path, **amounts, H6=typed))
    assert 0 == code and "the form gives the 执行率" not in output, output


def test_other_rows_that_do_not_add_up_to_the_total_are_a_hint_per_column(tmp_path: Path) -> None:
    """300 + 100 + 50 ≠ 500 and 250 + 100 + 20 ≠ 420 passed without a word. Each column of amounts whose 其中 rows do not
    add up to 年度资金总额 is a 提示 naming the cells; rows that add up say nothing."""
    code, output = _run(_filled(tmp_path, E6=500, F6=420, E7=300, F7=250, E8=100, F8=100, E9=50, F9=20))
    assert 0 == code, output
    assert f"{SHEET}!E6: the 全年预算数 of the 其中 rows add up to 450 (E7+E8+E9), not 500" in output
    assert f"{SHEET}!F6: the 全年执行数 of the 其中 rows add up to 370 (F7+F8+F9), not 420" in output
    code, output = _run(_filled(tmp_path, E6=500, F6=420, E7=300, F7=250, E8=100, F8=100, E9=100, F9=70))
    assert 0 == code and "其中 rows add up" not in output, output


@pytest.mark.parametrize(("cells", "warned"), [
    ({"E6": "500万", "F6": "420万", "H6": "90%"}, True),  # amounts in 万 are read as 万元, as where the set reads them
    ({"E6": 600, "F6": 500, "H6": 0.8333333333333334}, False),  # the quotient pasted as a value, in a 0.00% cell
    ({"E6": 500, "F6": 525, "H6": "1.05"}, False),  # an overspend typed as a ratio: 105%
    ({"E6": 600, "F6": 500, "H6": "84%"}, True),  # 83.33% rounds and cuts to 83%, never 84%
    ({"E6": 600, "F6": 500, "H6": "84.00%"}, True),
    ({"E6": 600, "F6": 500, "H6": "83%"}, False),
])
def test_a_typed_rate_is_compared_as_typed_rounded_or_cut_and_amounts_in_wan_count(tmp_path: Path, cells: dict,
                                                                                  warned: bool) -> None:
    """Amounts typed 500万 were scored but left out of the check (a wrong 90% passed); a pasted quotient
    (83.33333333333334%) and an overspend typed 1.05 were warned; 84% for 83.33% passed. A typed rate agrees when it is
    the computed one rounded half up or cut to its decimals (at most four), either reading of a bare number."""
    code, output = _run(_filled(tmp_path, **cells))
    assert 0 == code, output
    assert warned == ("the form gives the 执行率" in output), output


@pytest.mark.parametrize(("cells", "typed", "computed"), [
    ({"E6": 1000, "F6": 899.96, "H6": 1}, "100%", "899.96 ÷ 1000 = 89.996%"),  # not 90%, above 未达到90%
    ({"E6": 1345.24, "F6": 1076.19, "H6": 1}, "100%", "1076.19 ÷ 1345.24 = 79.9999%"),  # not 80%
    ({"E6": 1234.5, "F6": 1100, "H6": 0.989999715361917}, "98.99997%", "1100 ÷ 1234.5 = 89.10%"),  # as the cell shows
    ({"E6": 1000, "F6": 833.35, "H6": 0.833449}, "83.345%", "833.35 ÷ 1000 = 83.335%"),  # never both 83.34%
])
def test_the_rates_of_a_typed_execution_rate_hint_are_never_rounded_up_onto_a_line_nor_shown_unrounded(
        tmp_path: Path, cells: dict, typed: str, computed: str) -> None:
    """QA186 F1: 899.96 ÷ 1000 was shown "= 90%" (rounded up onto the line its 需说明 says it falls short of; the score
    line said 89.996%), and a 执行率 typed 98.99997% as 98.9999715361917%. Each rate is shown as the form prints
    rates: two decimals, or as many more as keep it off a line it falls short of, and two that differ never alike."""
    code, output = _run(_filled(tmp_path, **cells))
    assert 0 == code, output
    assert f"{SHEET}!H6: the form gives the 执行率 {typed} where its amounts give {computed}; the computed one counts" \
        in output


def test_a_typed_execution_rate_written_as_a_bare_number_is_warned_in_chinese_on_a_chinese_run(tmp_path: Path) -> None:
    """QA23 F4: a 执行率 typed 50 (a bare number, for 91%) was warned in English among Chinese lines: the catalog held the
    wording of a rate typed with its %, not of a bare one."""
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(_filled(tmp_path, E6=500, F6=420, H6="50"))])
    assert 0 == run.exit_code, run.output
    assert f"{SHEET}!H6：表上填写的执行率 50 与表上金额算得的 420 ÷ 500 = 84% 不同，以计算结果为准" in run.output


def test_a_rate_typed_as_words_or_where_no_amounts_are_is_said_not_read(tmp_path: Path) -> None:
    """QA23 F2: a 执行率 typed 较高, and one typed on 其他资金 whose amounts are empty, were passed over without a word
    (the docs promise nothing typed is dropped silently). Each is a 提示 on its cell."""
    code, output = _run(_filled(tmp_path, H6="较高", H9="80%", E9=None, F9=None))
    assert 0 == code, output
    assert f"{SHEET}!H6: the 执行率 typed here (较高) is no rate, so it is not compared with the amounts" in output
    assert f"{SHEET}!H9: the 执行率 typed here is on a row without both its 全年预算数 and 全年执行数, so it is not read" \
        in output


def test_a_rate_given_as_a_formula_is_said_to_be_a_formula_not_worked_out(tmp_path: Path) -> None:
    """QA165 F10: 执行率 given as =F6/E6 was said to be 'no rate' (不是比率), as if its clerk had typed words; it is a
    formula the reader does not work out, said so with the fix to type its value, as a 得分 given as a formula is."""
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(_filled(tmp_path, E6=500, F6=420, H6="=F6/E6"))])
    assert 0 == run.exit_code, run.output
    assert f"{SHEET}!H6：此处填写的执行率（=F6/E6）是公式，不会计算，不与金额核对（直接填写执行率的数值，如 84%，或留空）" \
        in run.output, run.output


def test_a_row_score_typed_as_a_chinese_numeral_is_said_not_compared(tmp_path: Path) -> None:
    """QA23 F2: a row's 得分 typed 八 was dropped in silence (8分 beside it is read and compared). It is a 提示 on its
    cell, in Chinese on a Chinese run."""
    form = _filled(tmp_path)
    book = openpyxl.load_workbook(form)
    sheet = book[SHEET]
    row = next(r for r in range(13, sheet.max_row + 1) if isinstance(sheet.cell(r, 8).value, (int, float))
               and sheet.cell(r, 5).value)
    sheet.cell(row, 8).value = "八"
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 0 == run.exit_code, run.output
    assert f"{SHEET}!H{row}：此处填写的得分（八）不是数字，不与按体系计算的得分比较" in run.output


def test_import_warns_of_the_scores_the_unit_typed_as_score_does(tmp_path: Path) -> None:
    """A unit typed its own 得分 (10 for the funds, where 375 of 500 gives 7.50) and 总分 99.5: `score` warned of each,
    but `import` said nothing and its facts file keeps neither, so the self-score that ran high was lost on the way to
    a re-check (QA62 F1). `import` warns of each, as `score` does."""
    form = _filled(tmp_path, E6=500, F6=375, I6=10, H28=99.5)
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(tmp_path / "facts.json")])
    assert 0 == run.exit_code, run.output
    assert f"{SHEET}!I6: the form gives 10 points where the set scores 7.50; the set's score counts" in run.output
    assert f"{SHEET}!H28: the form gives the 总分 99.5 where the set scores " in run.output
    _, scored = _run(form)
    assert scored.count("the set's score counts") == run.output.count("the set's score counts") == 2


def test_import_of_a_form_that_does_not_score_names_the_typed_scores_it_does_not_keep(tmp_path: Path) -> None:
    """When the form's facts do not score yet (a 全年执行数 left blank), `import` still says that the 得分 typed is not
    kept: the facts file it writes holds the facts, and the set computes the score."""
    form = _filled(tmp_path, F6=None, I6=10)
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(tmp_path / "facts.json")])
    assert f"{SHEET}!I6: the form gives 10 points, which a facts file does not keep: the set computes the score" in run.output


@pytest.mark.parametrize(("paid", "shown", "fmt"), [("89.995", "89.995%", "0.000%"), ("99.9999", "99.9999%", "0.0000%"),
                                                    ("89.994", "89.99%", "0.00%"), ("90", "90%", "0%")])
def test_the_form_does_not_print_a_rate_rounded_up_onto_the_line_it_falls_short_of(tmp_path: Path, paid: str, shown: str,
                                                                                    fmt: str) -> None:
    """The 自评表 printed 执行率 89.995% as 90.00%, above its note 预算执行率低于90%, and 99.9995% as the 100.00% a band
    starts at (QA63 F1): the text formats and the workbook's number format keep the decimals that tell them apart."""
    import json

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    document["facts"]["budget"] = {"total": 100, "paid": float(paid)}
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "--format", "markdown"])
    assert 0 == run.exit_code, run.output
    assert f"| 10 | {shown} |" in run.output
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)]).exit_code
    assert fmt == openpyxl.load_workbook(form)[SHEET]["H6"].number_format


def test_small_amounts_on_the_form_show_their_decimals_with_their_unit_and_read_back(tmp_path: Path) -> None:
    """QA88 F3: on the 自评表 itself, 全年预算数 0.00009 and an output of 0.00004公里 were written in General, which
    Excel shows as 9E-05 and 4E-05公里; they get a format with their decimals, keep their unit, and read back the same."""
    import json

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"] = {"total": 0.00009, "paid": 0.00008}
    pipes = document["facts"]["targets"]["output"][0]
    pipes["target"], pipes["actual"] = 0.00005, 0.00004
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = written_form(facts, tmp_path / "form.xlsx")
    sheet = openpyxl.load_workbook(form)[SHEET]
    formats = {cell.number_format for row in sheet.iter_rows() for cell in row if cell.value in (9e-05, 8e-05, 4e-05)}
    assert {"0.00000", '0.00000"公里"'} == formats
    from_facts = CliRunner().invoke(main, ["--lang", "en", "score", str(facts), "--format", "json"])
    from_form = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--format", "json"])
    assert 0 == from_facts.exit_code == from_form.exit_code, from_form.output
    assert json.loads(from_facts.output)["total"] == json.loads(from_form.output)["total"]


@pytest.mark.parametrize("dash", ["—", "——", "－", "／"])
def test_the_forms_own_dash_typed_in_the_funds_block_is_no_value(tmp_path: Path, dash: str) -> None:
    """QA141 F3: ——, － and ／ (a Chinese keyboard's dashes) in 执行率 H6 and the 其中 row's 分值 and 得分 (G7, I7), where the
    form prints —, were told 'typed here are not read' and 'the 执行率 typed here (——) is no rate'; — was not. Each is
    what the form prints there: nothing to tell."""
    code, out = _run(_filled(tmp_path, H6=dash, G7=dash, I7=dash))
    assert 0 == code and "not read" not in out and "is no rate" not in out, out


@pytest.mark.parametrize("none", ["无", "不适用", "N/A"])
def test_none_typed_in_a_funds_row_the_project_has_no_money_of_is_no_value(tmp_path: Path, none: str) -> None:
    """无, 不适用 and N/A in the 其他资金 row were refused as no amount, where / and — there were read as the row left
    unused (QA261 F9): they are the same, and the project scores as with the row blank."""
    code, out = _run(_filled(tmp_path, D9=none, E9=none, F9=none))
    assert 0 == code and "错误" not in out and "error" not in out, out


def test_the_sichuan_forms_special_account_row_is_read_and_printed_back_as_the_other_rows(tmp_path: Path) -> None:
    """QA167 F4: the Sichuan form prints 财政专户管理资金 among its 其中 rows, but the set declared no facts for it: 40 / 40 /
    35 typed there were warned of as not read, and the form written back left the row blank. The row is read (as
    budget.special.*) and printed back as 其中：财政资金 is, and its amounts count in the 其中 rows' sums; the set's
    其中 facts are labelled by the form's columns (调整后预算数, 预算执行数), not the national form's 全年预算数/全年执行数."""
    import json

    sichuan = "部门预算项目支出绩效自评表"
    cells = {"E6": 100, "E7": 60, "F7": 60, "G7": 65, "E8": 40, "F8": 40, "G8": 35}  # F6, G6: 100, 100
    form = written_form(ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json", tmp_path / "form.xlsx", cells)
    sheet = openpyxl.load_workbook(form)[sichuan]
    assert sheet["B8"].value == "财政专户管理资金" and [sheet[f"{c}5"].value for c in "EFG"] == ["年初预算数", "调整后预算数",
                                                                                                "预算执行数"]
    read = tmp_path / "read.json"
    run = CliRunner().invoke(main, ["--lang", "zh", "import", str(form), "-o", str(read)])
    assert 0 == run.exit_code and "提示" not in run.output, run.output
    values = json.loads(read.read_text(encoding="utf-8"))["facts"]
    assert [40, 40, 35] == [values[f"budget.special.{key}"] for key in ("initial", "total", "paid")], values
    again = tmp_path / "again.xlsx"
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--layout", "selfeval", "-o", str(again)])
    assert 0 == run.exit_code and "不会被读取" not in run.output, run.output
    sheet = openpyxl.load_workbook(again)[sichuan]
    assert [[sheet[f"{c}{row}"].value for c in "EFG"] for row in (7, 8)] == [[60, 60, 65], [40, 40, 35]]
    from scoring_engine.loader import load_indicator_set

    declared = load_indicator_set("sichuan-self-evaluation").facts  # labelled by the form's columns, not 全年预算数/全年执行数
    assert [declared[f"budget.{row}.{key}"].label for row in ("fiscal", "special") for key in ("total", "paid")] == [
        "财政资金（调整后预算数）", "财政资金（预算执行数）", "财政专户管理资金（调整后预算数）", "财政专户管理资金（预算执行数）"]
    short = written_form(ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json", tmp_path / "short.xlsx",
                         {**cells, "F8": 30})
    code, output = _run(short)
    assert 0 == code and f"{sichuan}!F6: the 调整后预算数 of the 其中 rows add up to 90 (F7+F8), not 100" in output, output


def test_amounts_that_read_as_a_hundred_yi_or_more_are_a_hint_that_they_may_be_in_yuan(tmp_path: Path) -> None:
    """QA261 F11: 12000000 and 11400000 typed in 元 where no label said so were read as 万元 without a word (budget.total
    12000000 万元 in the facts import writes, summed so by batch); the score stands (the 执行率 is a ratio). A total of
    100 亿元 or more is a 提示, once; amounts a project spends are not."""
    code, output = _run(_filled(tmp_path, E6=12000000, F6=11400000))
    assert 0 == code and f"{SHEET}!E6: the 全年预算数 12000000 万元 is 1200 亿元 (if the form's amounts are in 元" in output, output
    assert 1 == output.count("亿元")
    code, output = _run(_filled(tmp_path, E6=500, F6=420))
    assert "亿元" not in output
