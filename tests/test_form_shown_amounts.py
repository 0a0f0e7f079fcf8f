"""A form's numbers and amounts read as the clerk sees them: a number format that scales its number (`0,"人"`, `0!.0,"万"`)
is read as shown, exactly, or refused when what it shows cannot be told; a funds label that gives its amounts in 元 or
亿元 is refused on its cell rather than read as 万元 (QA200 1, 2, 3)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, add_side_row, refused_as_yuan_note, scored_form, written_form
from scoring_engine.cli import main
from scoring_engine.forms.number_formats import scaled_number, scaling

SHEET = "项目支出绩效自评表"
FACTS = ROOT / "indicator_sets" / "self-evaluation.facts.json"


def _form(tmp_path: Path, formats: dict[str, str] | None = None, **cells: object) -> Path:
    """The bundled self-evaluation facts written as the form, `cells` typed over it and `formats` given to cells."""
    form = written_form(FACTS, tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = book[SHEET]  # the cells the tests type are where these labels say
    assert sheet["D20"].value == "新增受益人口" and sheet["D14"].value == "每公里管网造价" and sheet["E5"].value == "全年预算数"
    for cell, value in cells.items():
        sheet[cell] = value
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(form)
    return form


def _imported(form: Path, tmp_path: Path) -> tuple[int, str, dict | None]:
    out = tmp_path / "facts.json"
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(out)])
    return run.exit_code, run.output, json.loads(out.read_text(encoding="utf-8")) if out.exists() else None


@pytest.mark.parametrize("number_format", ['0,"人"', "#,##0,", '#,##0.0,"人"'])
def test_people_stored_in_units_and_shown_in_thousands_are_read_as_the_thousands_shown(tmp_path: Path,
                                                                                       number_format: str) -> None:
    """4800000 in F20 formatted 0,"人" shows 4800人 against ≥5000人: it was read as 4800000 people, 96000% of the target,
    and took full marks over the unit's own 14.4. It is read as the 4800 shown: 15 × 96% = 14.40."""
    form = _form(tmp_path, {"F20": number_format}, E20="≥5000人", F20=4800000, G20=15)
    code, output = scored_form(form)
    assert 0 == code, output
    assert "99.40" in output and "100.00 / 100" not in output, output
    code, output, facts = _imported(form, tmp_path)
    written = json.dumps(facts, ensure_ascii=False)
    assert 0 == code and facts is not None and "4800" in written and "4800000" not in written, output


def test_a_cost_shown_with_a_point_typed_as_text_is_read_as_shown(tmp_path: Path) -> None:
    """1200000 in F14 formatted 0!.0,"万元/公里" shows 120.0万元/公里 against ≤100万元/公里: it was read as 1200000 and
    scored 0.00; read as the 120 shown it takes 100 ÷ 120 of the 10 points, 8.33."""
    form = _form(tmp_path, {"F14": '0!.0,"万元/公里"'}, E14="≤100万元/公里", F14=1200000, G14=10)
    code, output = scored_form(form)
    assert 0 == code, output
    assert "48.33" in output, output  # 产出指标: 50 - 10 + 8.33


def test_funds_shown_in_wan_by_a_scaling_format_are_read_exactly_as_shown(tmp_path: Path) -> None:
    """12345678 and 11111110 formatted 0!.0,"万" show 1234.6万 and 1111.1万: they were read as 12345678 万元. They are read
    as the 万元 shown, exactly (1234.5678, not the 1234.6 rounded for display)."""
    form = _form(tmp_path, {"E6": '0!.0,"万"', "F6": '0!.0,"万"'}, E6=12345678, F6=11111110)
    code, output, facts = _imported(form, tmp_path)
    assert 0 == code and facts is not None, output
    assert Decimal(str(facts["facts"]["budget.total"])) == Decimal("1234.5678")
    assert Decimal(str(facts["facts"]["budget.paid"])) == Decimal("1111.111")


@pytest.mark.parametrize(("number_format", "shift"), [
    ("General", 0), ("#,##0.00", 0), ("0.00%", 0), ('General"栋"', 0), ('#,##0.00" 万元";-#,##0.00', 0), ("0,", 3),
    ("#,##0,,", 6), ('0.00,"千"', 3), ("0\\.0", 1), ('0!.0,"万"', 4), ('"约"0,"人";"-"0,"人"', 3), ("_ * #,##0_ ;_ * -#,##0_ ", 0),
    ("0%,", "a comma neither between its digits nor right after them"),
    ("0.0!.0", "a point typed as text beside its decimal point"),
    ("0.00E+00,", "a percentage, fraction or exponent format that also scales"),
    ("[>=1000]0,;0", "a condition in square brackets choosing the section"),
])
def test_each_format_scales_its_number_as_spreadsheet_programs_show_it_or_is_said_to_be_unreadable(
        number_format: str, shift: int | str) -> None:
    """A comma after the last digit shows thousands, one between digits groups them; a point typed as text among the
    digits moves the decimal; a format whose scaling cannot be told is named with why."""
    assert scaling(number_format) == shift


def test_a_negative_number_is_shown_by_its_own_section_and_exactly() -> None:
    """-2500000 in 0,;(0,,) is shown by the second section, in millions; 1 in 0,,, is 0.000000001, not rounded."""
    assert scaled_number(Decimal(-2500000), "0,;(0,,)") == Decimal("-2.5")
    assert scaled_number(Decimal(1), "0,,,") == Decimal("1E-9")
    assert scaled_number(Decimal(4800000), '0,"人"') == Decimal(4800)


def test_a_number_whose_format_scales_it_unreadably_is_refused_on_its_cell_with_the_fix(tmp_path: Path) -> None:
    """A cell formatted 0%, (a percentage scaled too) shows a number that cannot be told for certain: refused on its
    cell, in Chinese under --lang zh, naming what it holds, its format and the fix; nothing scored."""
    form = _form(tmp_path, {"F20": "0%,"}, F20=4800000)
    code, output = scored_form(form)
    assert 1 == code, output
    assert f"{SHEET}!F20: the cell holds 4800000 and its number format 0%, does not show it as held" in output
    assert "set the cell's format to General (常规)" in output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code
    assert f"{SHEET}!F20：单元格存的是 4800000，其数字格式 0%, 显示的不是所存的数（格式中的逗号既不在数字各位之间，也不紧跟数字之后）" \
        in run.output and "把单元格格式设为常规，再按本意填写数字" in run.output, run.output


@pytest.mark.parametrize(("cells", "at", "label", "unit", "factor"), [
    ({"A5": "项目资金（元）", "E6": 1000000, "F6": 950000}, "A5", "项目资金（元）", "元", "0.0001"),
    ({"A5": "项目资金（亿元）", "E6": 1.2, "F6": 1.1}, "A5", "项目资金（亿元）", "亿元", "10000"),
    ({"E5": "全年预算数（元）", "E6": 1000000, "F6": 950000}, "E5", "全年预算数（元）", "元", "0.0001"),
    ({"B6": "年度资金总额（元）", "E6": 1000000, "F6": 950000}, "B6", "年度资金总额（元）", "元", "0.0001"),
    ({"E5": "全年预算数(单位:千元)", "E6": 1000, "F6": 950}, "E5", "全年预算数(单位:千元)", "千元", "0.1"),
])
def test_a_funds_label_giving_the_amounts_in_another_unit_than_wan_is_refused_on_its_cell(
        tmp_path: Path, cells: dict, at: str, label: str, unit: str, factor: str) -> None:
    """项目资金（元） over 1000000 and 950000 was read as 1000000 万元 and scored 99.50; 全年预算数（元） or 年度资金总额（元）
    made the facts missing, with a fix that brought 元 in as 万元. Each label is recognised and refused on its cell, as an
    amount typed 955000元 is, naming the unit and how it converts; `import` writes nothing."""
    form = _form(tmp_path, **cells)
    code, output = scored_form(form)
    assert 1 == code, output
    assert (f"{SHEET}!{at}: the label {label} gives the amounts in {unit}, and the form's amounts are read in 万元 "
            f"(type the amounts in 万元 (1 {unit} is {factor} 万元), and write 万元 in the label)") in output
    assert "missing" not in output and "budget.total" not in output, output
    code, output, facts = _imported(form, tmp_path)
    assert 0 != code and facts is None, output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert f"{SHEET}!{at}：标签 {label} 表明金额以 {unit} 计，而表上的金额按万元读取（金额请以万元填写（1 {unit} 为 {factor} 万元）" \
        in run.output, run.output


@pytest.mark.parametrize("label", ["项目资金（万元）", "项目资金(万元)", "项目资金", "全年预算数（万元）"])
def test_a_funds_label_in_wan_or_without_a_unit_reads_as_before(tmp_path: Path, label: str) -> None:
    """（万元）, the form's own unit, and a label with no unit are read as the printed form's."""
    form = _form(tmp_path, **({"E5": label} if label.startswith("全年") else {"A5": label}))
    code, output = scored_form(form)
    assert 0 == code and "gives the amounts in" not in output, output


def _noted(tmp_path: Path, facts: str, cells: dict[str, object]) -> Path:
    """The bundled `facts` written as its form, the title's 年度 row unmerged (a clerk's note beside the year) and `cells`
    typed over its first sheet."""
    form = written_form(ROOT / "indicator_sets" / f"{facts}.facts.json", tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    for merged in [m for m in sheet.merged_cells.ranges if m.min_row == 2]:
        sheet.unmerge_cells(str(merged))
    for cell, value in cells.items():
        sheet[cell] = value
    book.save(form)
    return form


@pytest.mark.parametrize(("facts", "cells", "at", "label", "unit"), [
    ("self-evaluation", {"A2": "（2024年度）", "I2": "金额单位：元", "E6": 1000000, "F6": 950000}, "I2", "金额单位：元", "元"),
    ("self-evaluation", {"A2": "（2024年度）      金额单位：千元", "E6": 1000, "F6": 950}, "A2", "（2024年度）      金额单位：千元",
     "千元"),
    ("self-evaluation", {"J5": "单位：元", "E6": 1000000, "F6": 950000}, "J5", "单位：元", "元"),
    ("self-evaluation", {"J5": "（单位：元）", "E6": 1000000, "F6": 950000}, "J5", "（单位：元）", "元"),
    ("sichuan-self-evaluation", {"A5": "预算执行情况（10分，单位：元）", "F6": 1000000, "G6": 950000}, "A5",
     "预算执行情况（10分，单位：元）", "元"),
    ("sichuan-self-evaluation", {"L5": "金额单位：亿元", "F6": 0.01, "G6": 0.0095}, "L5", "金额单位：亿元", "亿元"),
])
def test_a_unit_note_written_for_the_form_anywhere_a_clerk_writes_it_is_refused_on_its_cell(
        tmp_path: Path, facts: str, cells: dict, at: str, label: str, unit: str) -> None:
    """金额单位：元 in the 年度 row beside the year, 单位：元 right of the funds heading, or 单位：元 among the block label's
    other words (预算执行情况（10分，单位：元）) was not seen: 1000000 元 was read as 1000000 万元, scored 99.50, and
    `import` wrote it. Each note is refused on its cell with how the unit converts, as one right above the heading is."""
    form = _noted(tmp_path, facts, cells)
    code, output = scored_form(form)
    assert 1 == code, output
    assert f"!{at}: the label {label} gives the amounts in {unit}, and the form's amounts are read in 万元" in output, output
    code, output, written = _imported(form, tmp_path)
    assert 0 != code and written is None, output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert f"!{at}：标签 {label} 表明金额以 {unit} 计，而表上的金额按万元读取" in run.output, run.output


@pytest.mark.parametrize("cells", [
    {"A2": "（2024年度）", "I2": "金额单位：万元"},
    {"A2": "（2024年度）  单位：万元", "J5": "单位：万元"},
    {"B3": "2024年元旦单元楼供水改造项目", "A2": "（2024年度）", "I2": "备注：单元楼按5元/人收费"},
    {"G4": "实施单位：元宝区水利局", "J6": "元旦前完成"},
])
def test_a_note_in_wan_or_a_text_only_mentioning_yuan_reads_as_before(tmp_path: Path, cells: dict) -> None:
    """A note giving the form's own 万元, and text that merely mentions 元 (单元, 元旦, 5元/人, a unit named 元宝区), are
    no unit note: the form scores as the printed one."""
    code, output = scored_form(_noted(tmp_path, "self-evaluation", cells))
    assert 0 == code and "gives the amounts in" not in output, output
    assert "100.00 / 100" in output, output


@pytest.mark.parametrize(("cell", "value", "number_format"), [
    ("资金明细!B2", 123456, "0.0%,"),
    ("资金明细!B2", 123456, '[>9999]0!.0,"万";0'),
    ("C32", 5, "0.0%,"),
    ("C32", 20240301, '0000"."00"."00'),
])
def test_a_number_format_on_a_cell_no_figure_is_read_from_refuses_nothing(
        tmp_path: Path, cell: str, value: int, number_format: str) -> None:
    """A format whose scaling cannot be told, on a cell the reader takes no figure from (an extra sheet 资金明细, a cell
    under the table), refused the whole form with exit 1 on a cell it never reads; the form scored 100.00 before it
    was read by formats, and does again."""
    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    named, _, ref = cell.rpartition("!")
    sheet = (book[named] if named in book.sheetnames else book.create_sheet(named)) if named else book[SHEET]
    sheet[ref] = value
    sheet[ref].number_format = number_format
    book.save(form)
    code, output = scored_form(form)
    assert 0 == code and "100.00 / 100" in output and "does not show it as held" not in output, output


def test_a_figure_read_from_the_side_sheet_in_an_unreadable_format_is_refused_on_its_cell(tmp_path: Path) -> None:
    """A cell is refused where a figure is read from it, on any sheet: a project detail of the 表外事实 sheet formatted
    0%, is refused on its cell with what it holds and the fix, and nothing is scored."""
    form = _form(tmp_path)
    row = add_side_row(form, "项目", "investment", "4800000")
    book = openpyxl.load_workbook(form)
    book["表外事实"].cell(row, 3).value = 4800000
    book["表外事实"].cell(row, 3).number_format = "0%,"
    book.save(form)
    code, output = scored_form(form)
    assert 1 == code, output
    assert f"表外事实!C{row}: the cell holds 4800000 and its number format 0%, does not show it as held" in output, output
    assert "set the cell's format to General (常规)" in output, output


@pytest.mark.parametrize(("value", "score"), [(4800000, "99.40"), (5200, "100.00")])
def test_a_format_whose_condition_chooses_its_section_is_read_by_the_section_that_shows_the_number(
        tmp_path: Path, value: int, score: str) -> None:
    """[>=10000]0,"人";0"人" shows 4800000 as 4800人 by its first section and 5200 as 5200人 by its second, as Excel
    chooses the section by the condition: each is read as shown (4800 of ≥5000 takes 14.40 of 15), where the form was
    refused for a condition choosing the section."""
    form = _form(tmp_path, {"F20": '[>=10000]0,"人";0"人"'}, E20="≥5000人", F20=value, G20=15)
    code, output = scored_form(form)
    assert 0 == code, output
    assert f"{score} / 100" in output, output


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (123456, '[>9999]0!.0,"万";0', Decimal("12.3456")), (5000, '[>9999]0!.0,"万";0', Decimal(5000)),
    (-20000, '[>9999]0!.0,"万";0', Decimal(-20000)), (-5000, "[<0]0,;[>100]0;0.0", Decimal(-5)),
    (5, "[<0]0,;[>100]0;0.0", Decimal(5)), (5, "[<=-100]0,;[<>0]0", Decimal(5)),
    (5, "[<0]0,;[>100]0", "a condition in square brackets choosing the section"),  # Excel shows ####
    (5, "[>100]0,", "a condition in square brackets choosing the section"),
    (5, "[>100]0,;0;0.0", "a condition in square brackets choosing the section"),
    (5, "0;[<0]0,", "a condition in square brackets choosing the section"),
    (5000, "[>=1000]0,;0", Decimal(5)), (999, "[>=1000]0,;0", Decimal(999)),
])
def test_a_conditional_format_scales_by_the_section_its_conditions_choose_or_is_said_unreadable(
        value: int, number_format: str, shown: Decimal | str) -> None:
    """Excel's rule: the first section when its condition holds, else the second, or the third when the second's
    condition fails too; where that cannot be told (no section left, a first section without a condition) and a
    section scales, the reason is said."""
    assert scaled_number(Decimal(value), number_format) == shown


@pytest.mark.parametrize("number_format", ['0000"."00"."00', "0000\\.00\\.00", "0!.0!.0"])
def test_a_date_shown_with_several_points_typed_as_text_is_read_as_held(number_format: str) -> None:
    """20240301 formatted 0000"."00"."00 shows 2024.03.01, a date, not a number with its decimal moved: it was refused for
    'a point typed as text beside its decimal point', which it has none of. It is read as held."""
    assert scaling(number_format) == 0
    assert scaled_number(Decimal(20240301), number_format) == Decimal(20240301)


@pytest.mark.parametrize(("facts", "cells", "at"), [
    ("self-evaluation", {"A32": "注：本表金额单位：元"}, "A32"),
    ("self-evaluation", {"A31": "说明：金额单位为元。"}, "A31"),
    ("self-evaluation", {"A29": "金额单位：元"}, "A29"),
    ("self-evaluation", {"A2": "（2024年度）   金额单位 ：元"}, "A2"),
    ("self-evaluation", {"A2": "（2024年度）   金额单位为元"}, "A2"),
    ("self-evaluation", {"A2": "（2024年度）   金额单位（元）"}, "A2"),
    ("self-evaluation", {"A2": "（2024年度）", "J2": "金额单位（元）"}, "J2"),
    ("sichuan-self-evaluation", {"A35": "注：金额单位：元"}, "A35"),
])
def test_a_yuan_note_under_the_funds_block_or_worded_as_clerks_word_it_is_refused_on_its_cell(
        tmp_path: Path, facts: str, cells: dict, at: str) -> None:
    """注：本表金额单位：元 under the table, 金额单位 ：元 with a space, 金额单位为元, 金额单位（元） beside the year or in a cell
    of its own two rows above the funds heading were not seen: 1000000 元 was read, scored and imported as 1000000 万元.
    Each is refused on its cell, as 金额单位：元 beside the year is."""
    amounts = {"E6": 1000000, "F6": 1000000} if facts == "self-evaluation" else {"F6": 1000000, "G6": 1000000}
    refused_as_yuan_note(_noted(tmp_path, facts, {**amounts, **cells}), at, cells[at].strip(), tmp_path)


@pytest.mark.parametrize("cells", [
    {"A2": "（2024年度）", "A32": "注：本表金额单位：万元"},
    {"A2": "（2024年度）   单位：元氏县文化馆", "A32": "注：水价单位：元/吨"},
    {"A2": "（2024年度）", "I15": "单位：元，按结算价", "A32": "说明：单位（元/吨）"},
])
def test_a_wan_note_or_yuan_in_words_under_the_funds_block_reads_as_before(tmp_path: Path, cells: dict) -> None:
    """Under the funds block only a note's line (注, 说明, 金额单位) gives the unit, and only a money unit as the whole of
    what follows: 万元, 元/吨 and an indicator's words holding 单位：元 are no note, and the form scores as printed."""
    code, output = scored_form(_noted(tmp_path, "self-evaluation", cells))
    assert 0 == code and "gives the amounts in" not in output, output
    assert "100.00 / 100" in output, output


@pytest.mark.parametrize(("value", "number_format"), [
    (0.8, "0.0,%"), (1, "0.0%,"), (0.8, "[>0.5]0.0%,;0.0%"),
])
def test_a_typed_rate_whose_format_cannot_be_read_is_refused_on_its_cell(
        tmp_path: Path, value: float, number_format: str) -> None:
    """A 执行率 compared with the amounts whose number format does not show its number as held (0.8 as 0.0,%) was read as
    held and quoted as a figure the cell does not show (the 执行率 80% … 以计算结果为准), or read with no word; it is
    refused on its cell, as a typed 得分 or 分值 is."""
    form = _form(tmp_path, {"H6": number_format}, H6=value)
    code, output = scored_form(form)
    assert 1 == code, output
    assert f"!H6: the cell holds {value} and its number format {number_format} does not show it as held" in output
    assert "the form gives the 执行率" not in output, output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert f"!H6：单元格存的是 {value}，其数字格式 {number_format} 显示的不是所存的数" in run.output, run.output


@pytest.mark.parametrize("note", [
    "注：1.本表金额单位：元；2.执行率保留两位小数。", "注：1.执行率保留两位小数；2.本表金额单位：元。", "注：1.金额单位：元",
    "注：①金额单位：元", "注：（一）金额单位：元", "注：表中金额单位均为元", "注：以上金额单位：元", "填表说明：金额单位：元",
    "（金额单位：元）", "单位：元", "1.金额单位：元",
])
def test_a_yuan_note_under_the_form_numbered_or_worded_as_clerks_word_it_is_refused_on_its_cell(
        tmp_path: Path, note: str) -> None:
    """A 元 note under the form numbered (注：1.本表金额单位：元；2.…, ①, （一）), worded (表中金额单位均为元, 以上金额单位：元),
    led by 填表说明, in brackets or a bare 单位：元 was not seen: 1000000 元 scored 99.50 and was imported as 1000000 万元.
    Each is refused on its cell, and nothing is imported."""
    refused_as_yuan_note(_noted(tmp_path, "self-evaluation", {"E6": 1000000, "F6": 950000, "A31": note}), "A31",
                              note, tmp_path)


@pytest.mark.parametrize("cells", [
    {"I14": "注：单位：元，已按万元折算填报"},
    {"I14": "说明：金额单位为元，表中已换算为万元/公里"},
    {"D5": "年初预算数", "I15": "单位：元，按结算价", "A31": "注：单价单位：元；水价单位：元/吨"},
    {"A2": "（2024年度）  单位：元宝山区水利局", "A31": "注：1.元旦前完成；2.按500元/人补助，单位：元氏县"},
])
def test_an_indicator_rows_reason_saying_yuan_or_yuan_in_words_under_the_form_reads_as_before(
        tmp_path: Path, cells: dict) -> None:
    """An indicator row's 偏差原因 saying its figure's unit (注：单位：元，已按万元折算填报 beside 每公里管网造价) was refused as
    a funds label; it is the row's own words, as 单价单位：元, 元/吨, 500元/人, 元旦 and a place named 元宝山区 or 元氏县 in
    a note are no unit of the form's amounts: the form scores as printed."""
    code, output = scored_form(_noted(tmp_path, "self-evaluation", cells))
    assert 0 == code and "gives the amounts in" not in output, output
    assert "100.00 / 100" in output, output


@pytest.mark.parametrize("cells", [
    {"B11": "（一）水费单价3.2（单位：元），年供水量50万吨。"},
    {"B11": "1.农村低保标准提高至每人每年6000（单位：元）；2.保障人数1000人。"},
    {"B11": "①农民人均增收800（单位：元）"},
    {"A30": "注：1.单价（单位：元）；2.金额（单位：万元）"},
    {"A31": "2.人均补助标准为1200（单位：元）"},
])
def test_a_goal_or_a_note_giving_one_figures_unit_in_brackets_reads_as_before(tmp_path: Path, cells: dict) -> None:
    """QA210 1, 2: a 年度总体目标 numbered （一） or 1. giving a figure's unit (水费单价3.2（单位：元）), and a note under the
    form whose first 单位：元 is one figure's (注：1.单价（单位：元）；2.金额（单位：万元）), were refused as notes giving the
    form's amounts in 元 after QA208 3's fix; the form scored 100.00 before, and does again. A goal row is read as a note
    only when it starts as one (注, 说明, 金额单位), and a bracketed 单位 after a figure or a word is that figure's."""
    code, output = scored_form(_noted(tmp_path, "self-evaluation", cells))
    assert 0 == code and "gives the amounts in" not in output, output
    assert "100.00 / 100" in output, output


@pytest.mark.parametrize(("at", "note"), [("A2", "2024年度（单位：元）"), ("A31", "注：项目资金（单位：元）"),
                                          ("A31", "注：本表（单位：元）"), ("B11", "（金额单位：元）"),
                                          ("B11", "1.金额单位：元"), ("A31", "金额（单位：元）")])
def test_a_yuan_note_in_brackets_after_a_word_or_in_a_goal_row_is_refused(tmp_path: Path, at: str, note: str) -> None:
    """QA211 1–3: after QA210's fix a bracketed 单位：元 after any word was taken as one figure's unit, so 2024年度（单位：元）
    and 注：项目资金（单位：元） were read in silence, 1000000 元 as 1000000 万元; a goal row's （金额单位：元） or 1.金额单位：元
    was no note; 金额（单位：元） under the form never was. Only a number or a price before the bracket makes it a
    figure's own unit; each of these is refused on its cell, and nothing is imported."""
    form = _noted(tmp_path, "self-evaluation", {"E6": 1000000, "F6": 950000, at: note})
    refused_as_yuan_note(form, at, note, tmp_path)


@pytest.mark.parametrize(("at", "note"), [("A2", "（2024年度）货币单位：元"), ("A2", "（2024年度）  资金单位：元"),
                                          ("A31", "注：本表金额以元为单位"), ("A31", "注：本表所列金额单位为元"),
                                          ("J5", "货币单位：元"), ("A2", "（2024年度）  金额：元"), ("A31", "注：金额：元"),
                                          # alone or after other words, as QA217 2 found them read in silence
                                          ("A31", "金额：元"), ("A31", "表中金额：元"), ("A30", "等级：优秀    金额：元"),
                                          ("I2", "金额 ：元"),
                                          # ending a goal, after its sentence (note38 Left)
                                          ("B11", "完成年度建设任务。（金额单位：元）"), ("B11", "完成年度建设任务；金额单位：元"),
                                          ("B11", "完成年度建设任务 （金额单位：元）"),
                                          # followed by more words, as before ec799a3 (QA219 1)
                                          ("A2", "（2024年度）  金额：元，下同"), ("A31", "注：金额：元，比例：%"),
                                          ("A31", "金额：元，下同"), ("A31", "金额：元（含税）"),
                                          # right after a goal's words, or worded otherwise (QA220 1)
                                          ("B11", "完成年度建设任务（金额单位：元）"), ("F11", "已完成年度建设任务（金额单位：元）"),
                                          ("B11", "完成年度建设任务、金额单位：元"), ("B11", "完成年度建设任务！（金额单位：元）"),
                                          ("B11", "完成年度建设任务。（单位：元）"), ("B11", "完成年度建设任务。（以下金额单位：元）"),
                                          ("B11", "完成年度建设任务。（本项目金额单位：元）"),
                                          ("B11", "完成年度建设任务。（所有金额单位：元）"),
                                          ("B11", "完成年度建设任务。（注：金额单位：元）"),
                                          # a 单位 note listing the money's units (QA222 1)
                                          ("A31", "金额单位：元、角、分"), ("A31", "注：金额单位：元，角，分")])
def test_a_yuan_note_worded_with_currency_or_funds_is_refused(tmp_path: Path, at: str, note: str) -> None:
    """QA212 1: 货币单位：元, 资金单位：元, 本表金额以元为单位, 本表所列金额单位为元 and 金额：元 (no 单位) were read in
    silence, 1000000 元 as 1000000 万元; each is refused on its cell, and nothing is imported."""
    form = _noted(tmp_path, "self-evaluation", {"E6": 1000000, "F6": 950000, at: note})
    refused_as_yuan_note(form, at, note, tmp_path)


@pytest.mark.parametrize("cells", [
    {"A31": "注：1.补助标准（单位：元）；2.金额单位：万元"},
    {"A31": "注：1.人均补助（单位：元）；2.金额单位：万元"},
    {"A31": "注：水价1200 （单位：元）"},
    {"A31": "1.部分报销凭证，金额：元、角、分填写不规范"},  # a problem found, no note (QA217 3)
    {"A31": "1.部分报销凭证，金额：元，角，分填写不规范"},  # the same with commas (QA220 2)
    {"B11": "完成年度建设任务（金额：500万元）"}, {"B11": "水费单价3.2（单位：元）"},  # a figure, a price's own unit
])
def test_a_note_saying_the_amounts_are_in_wan_or_giving_a_rates_unit_reads_as_before(tmp_path: Path, cells: dict) -> None:
    """QA212 2, 3: a note whose first item gives a rate's unit (补助标准（单位：元）) and whose second says 金额单位：万元 was
    refused as giving the amounts in 元, as was a figure's bracketed unit after a space; the form scores as printed."""
    code, output = scored_form(_noted(tmp_path, "self-evaluation", cells))
    assert 0 == code and "gives the amounts in" not in output, output
    assert "100.00 / 100" in output, output
