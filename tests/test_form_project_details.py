"""What a spreadsheet makes of a project detail a clerk types on a form: an 18-digit 项目编号 that lost its last digits,
a 项目名称 or id that became a date (QA192 F2): refused on the cell it came from, with the fix on the spreadsheet."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from scoring_engine.cli import main
from test_form_side_values import SET, side_sheet_form

_EXCEL_18_DIGITS = 1.23456789012346e17  # what Excel keeps of 123456789012345678 typed in a 常规 cell
_FILLED = {"a": 100, "sc": "[75]"}


def _form(tmp_path: Path, side: dict[str, object], name: object = "供水管网改造") -> tuple[Path, int]:
    """The set's form filled, a 项目 row on 表外事实 for each of `side` (its number format 常规, as Excel leaves it),
    `name` in the 项目名称 cell; the side sheet's first 项目 row."""
    form, _ = side_sheet_form(tmp_path, SET, _FILLED)
    book = openpyxl.load_workbook(form)
    sheet = book["表外事实"]
    first = sheet.max_row + 1
    for key, value in side.items():
        sheet.append(["项目", key, value])
    book.worksheets[0].cell(3, 2).value = name
    book.save(form)
    return form, first


def _run(tmp_path: Path, form: Path, command: str) -> tuple[int, str, Path]:
    out = tmp_path / "facts.json"
    out.unlink(missing_ok=True)
    args = ["-o", str(out)] if command == "import" else []
    run = CliRunner().invoke(main, ["--lang", "zh", command, str(form), "--set", str(tmp_path / "set.yaml"), *args])
    return run.exit_code, run.output, out


@pytest.mark.parametrize("command", ["score", "import"])
def test_an_18_digit_id_excel_rounded_is_refused_on_its_cell_with_the_spreadsheet_fix(tmp_path: Path, command: str) -> None:
    """An id of 18 digits typed in a 常规 cell (Excel keeps 1.23456789012346E+17) was said as $.project.id with the fix
    of a facts file (加上引号), and `import` wrote it as 123456789012346000, a file that failed the same way: now one line
    on 表外事实's cell, saying its last digits are lost and how to type it again, and no file written."""
    form, row = _form(tmp_path, {"id": _EXCEL_18_DIGITS})
    code, said, out = _run(tmp_path, form, command)
    assert code == 1 and not out.exists(), said
    lines = [line for line in said.splitlines() if line.startswith("错误")]
    assert len(lines) == 1, said
    assert f"表外事实!C{row}：项目信息“id”：1.23456789012346E+17 超出范围" in lines[0], said
    assert "显示为 1.23E+17 的编号已丢失末几位数字" in lines[0] and "设为“文本”后重新输入" in lines[0], said
    assert "$.project" not in said and "加上引号" not in said, said


def test_a_name_of_18_digits_is_refused_on_its_cell_not_read_with_its_digits_lost(tmp_path: Path) -> None:
    """A 项目名称 cell holding 1.23456789012346E+17 was read as the text 123456789012346000, digits lost in silence."""
    form, _ = _form(tmp_path, {}, name=_EXCEL_18_DIGITS)
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and "项目支出绩效自评表!B3：项目信息“项目名称”：1.23456789012346E+17 超出范围" in said, said
    assert "123456789012346000" not in said


@pytest.mark.parametrize("where", ["side id", "header name"])
def test_a_text_detail_excel_made_a_date_is_refused_on_its_cell(tmp_path: Path, where: str) -> None:
    """1-2 typed as an id became the date 2024-01-02 (scored as "2024-01-02T00:00:00" with no word), 3-4 typed as the
    name 2024-03-04 00:00:00: what was typed is lost, so the cell is named with how to type it again."""
    day = datetime.datetime(2024, 1, 2)
    form, row = _form(tmp_path, {"id": day}) if where == "side id" else _form(tmp_path, {}, name=day)
    cell = f"表外事实!C{row}：项目信息“id”" if where == "side id" else "项目支出绩效自评表!B3：项目信息“项目名称”"
    for command in ("score", "import"):
        code, said, out = _run(tmp_path, form, command)
        assert code == 1 and not out.exists(), said
        assert f"{cell}是日期（2024-01-02）" in said and "设为“文本”后重新输入" in said, said


def test_a_year_that_is_a_date_is_refused_with_the_year_to_type(tmp_path: Path) -> None:
    """2024 typed in a cell formatted as a date is 1905-07-16: no year a re-check could be matched by."""
    form, row = _form(tmp_path, {"year": datetime.datetime(1905, 7, 16)})
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and f"表外事实!C{row}：项目的年度是日期（1905-07-16），不是年份" in said and "例如 2024" in said, said


def test_a_date_of_the_projects_own_and_an_id_of_15_digits_are_kept(tmp_path: Path) -> None:
    """A detail that is a date (开工日期) is kept as its day, as a facts file writes it, not 2024-01-02T00:00:00; a
    number id Excel holds whole (15 digits) is kept as it is."""
    form, _ = _form(tmp_path, {"id": 123456789012345, "start": datetime.datetime(2024, 1, 2)})
    code, said, out = _run(tmp_path, form, "import")
    assert code == 0, said
    project = json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)["project"]
    assert project["start"] == "2024-01-02" and project["id"] == 123456789012345


def test_a_true_false_cell_in_a_project_detail_is_refused_on_its_cell(tmp_path: Path) -> None:
    """TRUE typed as a detail reached the facts check, which said it as $.project.unit: now said on its cell."""
    form, row = _form(tmp_path, {"unit": True})
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and f"表外事实!C{row}：项目信息“unit”是逻辑值（TRUE/FALSE）单元格" in said and "$.project" not in said, said


@pytest.mark.parametrize(("key", "value", "shown"), [("ratio", 1e-16, "1E-16"), ("amount", 1e20, "1E+20")])
def test_a_detail_out_of_range_that_lost_no_digits_gets_the_plain_fix(tmp_path: Path, key: str, value: float,
                                                                       shown: str) -> None:
    """A 项目 row ratio of 1e-16 or amount of 1E+20 was told that the spreadsheet keeps 15 digits and an id shown as
    1.23E+17 lost its last ones, which is not so of either: refused on its cell with the plain fix (QA194 F3)."""
    form, row = _form(tmp_path, {key: value})
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and f"表外事实!C{row}：项目信息“{key}”：{shown} 超出范围" in said, said
    assert "检查数位" in said and "15 位有效数字" not in said and "1.23E+17" not in said, said


@pytest.mark.parametrize(("key", "value"), [("amount", _EXCEL_18_DIGITS), ("合同编号", 1e20)])
def test_a_detail_whose_digits_a_spreadsheet_cut_still_gets_the_retype_fix(tmp_path: Path, key: str, value: float) -> None:
    """A number Excel kept to 15 digits (123456789012345678 typed) or any number in an id-like detail (合同编号) keeps the
    hint that its last digits are lost and how to type it again (QA194 F3)."""
    form, _ = _form(tmp_path, {key: value})
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and "显示为 1.23E+17 的编号已丢失末几位数字" in said, said


@pytest.mark.parametrize(("key", "value"), [("身份证号", 1.1010119900101e17), ("银行账号", 1e20), ("税号", 1e20),
                                            ("amount", 1.1010119900101e17), ("amount", 1.1010119900110e17)])
def test_an_id_number_or_fifteen_kept_digits_ending_in_zero_gets_the_retype_fix(tmp_path: Path, key: str,
                                                                                 value: float) -> None:
    """身份证号 1.1010119900101E+17 was told to check its digits: 号 did not make a detail id-like (身份证号, 银行账号, 税号),
    and the 15 digits Excel kept, the last 0 (or two), were counted as 14. Each gets the retype fix (QA196 R2)."""
    form, _ = _form(tmp_path, {key: value})
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and "显示为 1.23E+17 的编号已丢失末几位数字" in said and "检查数位" not in said, said


@pytest.mark.parametrize("label", ["项目编号", " 项目 编号 "])
def test_a_side_row_labelled_xiangmubianhao_is_the_projects_id(tmp_path: Path, label: str) -> None:
    """A clerk who adds the row 项目 | 项目编号 | P2024001 on 表外事实 gives the project's id, as the row 项目 | id does:
    it was read as a detail 项目编号 of its own, the 汇总's 项目编号 stayed empty and the re-check holding the same row
    under another file name matched nothing (QA325 F1)."""
    form, _ = _form(tmp_path, {label: "P2024001"})
    code, said, out = _run(tmp_path, form, "import")
    assert code == 0, said
    project = json.loads(out.read_text(encoding="utf-8"))["project"]
    assert project.get("id") == "P2024001" and "项目编号" not in project, project



@pytest.mark.parametrize("second", ["项目编号", "id"])
def test_a_xiangmubianhao_given_twice_is_named_as_the_form_names_it(tmp_path: Path, second: str) -> None:
    """QA327: two rows giving different 项目编号 (or a 项目编号 row and an id row) were refused as 'id 填写了两次', a word
    the clerk never wrote; the form's own label is named."""
    form, _ = _form(tmp_path, {"项目编号": "P2024001"})
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    side.append(["项目", second, "P2024002"])
    book.save(form)
    code, said, _ = _run(tmp_path, form, "score")
    assert code == 1 and "项目编号 填写了两次" in said and "id 填写了两次" not in said, said

def test_the_blank_form_has_a_text_row_for_the_id_that_a_recheck_matches_by(tmp_path: Path) -> None:
    """The blank form (`template`) has the row 项目 | id on 表外事实, its 说明 saying it is the 项目编号 a re-check is
    matched by, its value cell formatted as text (an 18-digit id keeps its digits); left blank it gives no id, filled it
    gives the id, and a re-check of another file name with that id is compared with it (QA325 F1)."""
    form, rows = side_sheet_form(tmp_path, SET, {})
    side = openpyxl.load_workbook(form)["表外事实"]
    assert side.cell(rows["id"], 1).value == "项目" and "项目编号" in side.cell(rows["id"], 5).value
    assert side.cell(rows["id"], 3).number_format == "@"
    blank_id, _ = side_sheet_form(tmp_path, SET, _FILLED)
    code, said, out = _run(tmp_path, blank_id, "import")
    assert code == 0 and "id" not in json.loads(out.read_text(encoding="utf-8")).get("project", {}), said
    (tmp_path / "自评").mkdir()
    (tmp_path / "复核").mkdir()
    for folder, name, actual in (("自评", "甲.xlsx", 100), ("复核", "丙.xlsx", 80)):
        filled, _ = side_sheet_form(tmp_path, SET, {**_FILLED, "a": actual, "id": "P2024001"})
        filled.rename(tmp_path / folder / name)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "自评"), "--compare-with", str(tmp_path / "复核"),
                                    "--set", str(tmp_path / "set.yaml"), "-q"])
    assert "与复核对比1个" in run.output and "复核中未找到对应项目" not in run.output, run.output
