"""Filled forms as spreadsheet programs save them (QA56): a sum pasted as a value, an error value, a formula filled down
or entered as an array, a carriage return pasted from Word, a workbook of many sheets. What the clerk sees is what is
read, and what cannot be read is said of the cell, as the clerk sees it."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form, written_form
from scoring_engine.cli import main
from scoring_engine.forms.workbook import open_workbook

SETS = ROOT / "indicator_sets"
SHEET = "项目支出绩效自评表"


def _form(tmp_path: Path, facts: str = "self-evaluation", **cells: object) -> Path:
    """The bundled facts of `facts` written as the form (self-evaluation: E6 全年预算数, F13 新建供水管网长度, F14
    每公里管网造价, F15 a tier, F20 新增受益人口), with `cells` typed over it (side sheet cells as 表外事实_C3)."""
    typed = {cell.replace("_", "!", 1) if "_" in cell else cell: value for cell, value in cells.items()}
    return written_form(SETS / f"{facts}.facts.json", tmp_path / f"{facts}.xlsx", typed)


_score = scored_form


def test_a_sum_pasted_as_a_value_is_read_as_the_cell_shows_it(tmp_path: Path) -> None:
    """1000.1 + 3719.05 pasted as a value is stored 4719.150000000001 and shown 4719.15; read with the binary noise, a
    budget equal to its spending was 99.99999999999998% and lost a band (7 of 10). A number is read to the 15
    significant digits spreadsheet programs hold and show."""
    form = _form(tmp_path, E6=1000.1 + 3719.05, F6=4719.15, 表外事实_C3="bands")
    sheet = next(s for s in open_workbook(form) if s.name == SHEET)
    assert sheet.get(6, 5) == sheet.get(6, 6) == Decimal("4719.15")
    code, output = _score(form)
    assert 0 == code and "预算执行率" in output and "100.00%" in output and "99.99" not in output, output


def test_an_error_value_is_refused_as_one_not_read_as_text(tmp_path: Path) -> None:
    """#N/A left by a lookup pasted as values was read as the text '#N/A': in the national set's findings cell it was one
    finding and cost a point. It is refused on its cell as an error value."""
    form = _form(tmp_path, "national-framework")
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    row = next(r for r in range(1, side.max_row + 1) if side.cell(r, 2).value == "process.compliance_findings")
    side.cell(row, 3).value = "#N/A"  # openpyxl writes it as an error cell, as Excel does
    book.save(form)
    code, output = _score(form)
    assert 1 == code and f"表外事实!C{row}: holds the error value #N/A; expected a value" in output, output


@pytest.mark.parametrize(("value", "shown"), [
    (openpyxl.worksheet.formula.ArrayFormula("F14", "=86"), "holds a formula (=86)"),
    ("=F13*10", "holds a formula (=F13*10)"),
])
def test_a_formula_is_quoted_as_the_clerk_typed_it(tmp_path: Path, value: object, shown: str) -> None:
    """An array formula (as Excel 365 saves many) was quoted as '<openpyxl.worksheet.formula.ArrayFormula …>'."""
    code, output = _score(_form(tmp_path, F14=value))
    assert 1 == code and f"{SHEET}!F14: {shown}; expected the 实际完成值 itself" in output, output


def test_a_carriage_return_excel_escapes_is_read_as_the_cell_shows_it(tmp_path: Path) -> None:
    """Text pasted from Word ends in a carriage return, which Excel saves as _x000D_: '5200_x000D_' and a tier ending so
    were refused with text the clerk cannot see. The escape is decoded, and the cell reads as it shows."""
    code, output = _score(_form(tmp_path, F20="5200_x000D_\n", F15="达成年度指标_x000D_\n"))
    assert 0 == code and "_x000D_" not in output, output


def test_a_number_of_too_many_digits_is_said_on_its_own_cell(tmp_path: Path) -> None:
    """A 31-digit 实际完成值 was said at the 一级 cell, with the hint to unmerge the 一级 cells, which is not the fix."""
    code, output = _score(_form(tmp_path, F14="9.999999999999999999999999999999"))
    assert 1 == code and f"{SHEET}!F14: row 每公里管网造价: '9.999999999999999999999999999999'" in output, output
    assert "unmerge" not in output


def test_a_tier_thousands_of_characters_long_is_cut_in_the_message(tmp_path: Path) -> None:
    """A 1,000-character tier was printed whole (a line of 1,180 characters); at 100,000 the line was left English."""
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(_form(tmp_path, F15="基本达成" + "目" * 1000))])
    lines = [line for line in run.output.splitlines() if line.startswith("错误")]
    assert 1 == run.exit_code and lines and all(len(line) < 400 and "档次" in line for line in lines), run.output


def test_a_workbook_of_many_sheets_spanning_the_allowance_is_refused_at_once(tmp_path: Path) -> None:
    """The cells walked were bounded per sheet: a 50 KB workbook of a hundred sheets, each with a styled empty cell in
    column XFD on its rows, took two minutes. The bound is the whole workbook's."""
    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    for number in range(3):
        extra = book.create_sheet(f"说明{number}")
        for row in range(1, 701):
            extra.cell(row, 16_384).number_format = "0.00"  # styled, empty: the row reads 16,384 cells wide
    book.save(form)
    code, output = _score(form)
    assert 1 == code and "the workbook's sheets span more than 32768000 cells, empty ones included" in output, output


def test_a_whole_number_in_a_percentage_cell_is_said_as_the_percentage_it_reads(tmp_path: Path) -> None:
    """95 typed before the cell was formatted 0.0% shows 9500.0%, and was read as the 9500% it shows, in silence: a
    满意度 of 95% scored as if far past its target (QA54 F8). It is still read as shown, with a 提示 on the cell saying
    what it reads and how to type 95%."""
    form = _form(tmp_path, E26="≥90%", F26=95)
    book = openpyxl.load_workbook(form)
    book[SHEET]["F26"].number_format = "0.0%"
    book.save(form)
    code, output = _score(form)
    assert 0 == code, output
    assert f"{SHEET}!F26: the cell holds 95 in a percentage format, so it reads 9500%" in output
    assert "if 95% is meant, type 95% or 0.95" in output
    quiet = _form(tmp_path, E26="≥90%", F26=0.95)  # 95.0% as typed with the format: nothing to say
    book = openpyxl.load_workbook(quiet)
    book[SHEET]["F26"].number_format = "0.0%"
    book.save(quiet)
    assert "percentage format" not in _score(quiet)[1]


def _forged_elements(count: int) -> bytes:
    """`count` empty elements of random one-letter names: a forgery that compresses no better than a real sheet."""
    rng = random.Random(count)
    return b"".join(b"<%c/>" % rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(count))


def _rezipped(form: Path, out: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """`form` with each part's bytes passed through `edit(name, data)`, written to `out`."""
    import zipfile

    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, edit(info.filename, source.read(info.filename)))
    return out


@pytest.mark.parametrize(("edit", "said"), [
    # an empty row with a huge number: the rows missing before it came one by one, empty, never counted (QA95 F1: a hang)
    (lambda name, data: data.replace(b"</sheetData>", b'<row r="99999999999999"/></sheetData>')
     if name == "xl/worksheets/sheet2.xml" else data, "has rows past row 1048576, the last a spreadsheet has"),
    # 2,000 sheets listed, all one part: each read as a sheet (QA95 F2: 60,000 took 50 s and 494 MB)
    (lambda name, data: data.replace(b"</sheets>", b"".join(
        b'<sheet name="s%d" sheetId="%d" r:id="rId1"/>' % (i, i + 10) for i in range(2000)) + b"</sheets>")
     if name == "xl/workbook.xml" else data, "MAX_FORM_SHEETS"),
    # 24 MB of elements a spreadsheet program never writes, which the parser would hold (QA95 F3: 48 MB took 2 GB)
    (lambda name, data: data.replace(b"</worksheet>", b"<extLst>" + b"".join(b'<x a="%d"/>' % i for i in range(1_700_000))
                                     + b"</extLst></worksheet>")
     if name == "xl/worksheets/sheet2.xml" else data, "MAX_FORM_XML"),
    # 4.6 million forged elements in one row of a 4 MB form took 1.5 GB and 10 s; in the styles 500 MB (MAX_FORM_ELEMENTS)
    (lambda name, data: re.sub(rb'(<row r="6"[^>]*>)', lambda m: m.group(1) + _forged_elements(550_000), data, count=1)
     if name == "xl/worksheets/sheet1.xml" else data, "part xl/worksheets/sheet1.xml holds 5500"),
    (lambda name, data: data.replace(b"</styleSheet>", b"<extLst>" + _forged_elements(550_000) + b"</extLst></styleSheet>")
     if name == "xl/styles.xml" else data, "part xl/styles.xml holds 5502"),
])
def test_a_forged_workbook_is_refused_by_a_limit_before_it_costs_minutes_or_gigabytes(tmp_path: Path, edit: Any,
                                                                                         said: str) -> None:
    """A few kilobytes of forged XML made the reader walk a hundred trillion empty rows, build 60,000 sheets, or hold
    2 GB: each is refused by the limit it passes (docs/limits.md), as one line naming the file."""
    form = _rezipped(_form(tmp_path), tmp_path / "forged.xlsx", edit)
    code, output = _score(form)
    assert 1 == code and said in output and "forged.xlsx" in output, output


def test_a_styled_empty_cell_in_the_last_row_of_a_sheet_is_read_as_nothing(tmp_path: Path) -> None:
    """QA96 F1: counting each empty row against the walk's bound refused a real form with one formatted empty cell in
    Excel's last row (A1048576), which scored before: a sheet's full height is within the bound."""
    from openpyxl.styles import Font

    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    for sheet in book.worksheets:
        sheet["A1048576"].font = Font(bold=True)
    book.save(form)
    code, output = _score(form)
    assert 0 == code, output


def _e6(cell: bytes) -> Callable[[str, bytes], bytes]:
    """An edit of the form's sheet that writes its cell E6 (全年预算数) as `cell`."""
    return lambda name, data: re.sub(rb'<c r="E6"[^>]*>.*?</c>', cell, data) if name == "xl/worksheets/sheet1.xml" else data


def _row_6_again(name: str, data: bytes) -> bytes:
    """Row 6 (全年预算数 in E6) given a second time after the last row, with E6 = 50."""
    if name != "xl/worksheets/sheet1.xml":
        return data
    row = re.search(rb'<row r="6"[^>]*>.*?</row>', data)
    assert row is not None
    again = re.sub(rb'<c r="E6"[^>]*>.*?</c>', b'<c r="E6"><v>50</v></c>', row.group(0))
    return data.replace(b"</sheetData>", again + b"</sheetData>")


@pytest.mark.parametrize(("edit", "said"), [
    # a shared text counted from the end (Python's list[-1]) gave the last text of the workbook (QA95 F5)
    (_e6(b'<c r="E6" t="s"><v>-1</v></c>'), "项目支出绩效自评表!E6: the cell's text is shared text -1, which the workbook"),
    (_e6(b'<c r="E6" t="s"><v>100000</v></c>'), "项目支出绩效自评表!E6: the cell's text is shared text 100000"),
    # openpyxl's bare ValueError, naming no cell (QA95 F7)
    (_e6(b'<c r="E6" t="n"><v>abc</v></c>'), "项目支出绩效自评表!E6: the cell holds 'abc', which is no number"),
    (_e6(b'<c r="E6"><v>' + b"9" * 5000 + b"</v></c>"), "项目支出绩效自评表!E6: the cell holds '99999999999999999999…'"),
    (_e6(b'<c r="E6" t="b"><v>yes</v></c>'), "the cell holds 'yes', where its type says true or false"),
    # a row given twice was skipped by read-only reading: the first one scored in silence (QA95 F8)
    (_row_6_again, "sheet 项目支出绩效自评表: row 6 comes after row"),
])
def test_a_damaged_cell_or_row_is_refused_on_its_cell_never_read_from_elsewhere(tmp_path: Path, edit: Any, said: str) -> None:
    """A form whose XML a spreadsheet program would call damaged: a cell's text pointing outside the workbook's shared
    texts, a number or a true/false that is none, a row given twice. Each is refused naming the sheet and the cell or row
    (and the fix, save it again), never scored with a value taken from another cell, nor with the row skipped."""
    form = _rezipped(_form(tmp_path), tmp_path / "damaged.xlsx", edit)
    code, output = _score(form)
    assert 1 == code and said in output and "damaged.xlsx" in output, output
    assert "save it again as .xlsx" in output


def test_a_part_stored_twice_in_the_archive_is_refused(tmp_path: Path) -> None:
    """QA95 F6: a form sheet stored twice in the archive (the second with E6 = 50) was read from whichever copy the
    reader took, in silence, while another tool would show the other value. Refused as not a workbook, as Excel does."""
    import warnings
    import zipfile

    form = _form(tmp_path)
    forged = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(forged, "w") as target, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile's own "Duplicate name" warning: the forgery
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        sheet = source.read("xl/worksheets/sheet1.xml")
        target.writestr("xl/worksheets/sheet1.xml", re.sub(rb'<c r="E6"[^>]*>.*?</c>', b'<c r="E6"><v>50</v></c>', sheet))
    code, output = _score(forged)
    assert 1 == code and "not an .xlsx workbook: its part xl/worksheets/sheet1.xml is stored twice" in output, output


class _Sheet:
    title = "项目支出绩效自评表"
    _shared_strings = ("甲", "乙", "丙")


@pytest.mark.parametrize("xml", [
    b"<row r='1'><c r='A1' t='s'><v>2</v></c><c r='B1' t='str'><v>text</v></c></row>",  # attributes in single quotes
    b'<x:row r="1"><x:c r="A1" t="s"><x:v> 1 </x:v></x:c></x:row><x:row r="3"/>',  # prefixed, a number spaced
    b'<row><c t="inlineStr"><is><t>a</t></is></c></row><row><c><v>1E-3</v></c></row><row r="3"><c t="b"><v>1</v></c></row>',
    b'<row r="1"><c r="A1" t="d"><v>2024-06-30T00:00:00</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1"><v>.5</v></c></row>',
    b'<row r="1048576"><c r="A1048576" s="3"/></row>',
])
def test_a_sheet_written_as_valid_xml_another_way_passes_the_checks_of_its_rows_and_cells(xml: bytes) -> None:
    """The checks of a sheet's rows and cells read the XML as producers may write it: attributes in single quotes,
    namespace prefixes, rows and cells without their numbers, inline, date, error and formula texts, a number spaced
    or written .5 or 1E-3: none is refused (a valid form refused would be worse than the forgery the checks stop)."""
    from scoring_engine.forms.sheet_xml import check_rows_and_values

    check_rows_and_values(xml, _Sheet(), "form.xlsx")


@pytest.mark.parametrize(("xml", "said"), [
    (b"<row r='6'/><row/><row r='7'/>", "row 7 comes after row 7"),  # a row without its number is the one after
    (b"<row r='1'><c r='A1' t='s'><v>3</v></c></row>", "项目支出绩效自评表!A1: the cell's text is shared text 3"),
    (b"<row r='1'><c r='A1' t='n'><v>1,5</v></c></row>", "the cell holds '1,5', which is no number"),
])
def test_a_row_given_twice_or_a_cell_that_is_none_is_refused_however_its_xml_is_written(xml: bytes, said: str) -> None:
    """A row without its number is the one after the row before (so r=7 after it is row 7 again), and a cell's type and
    reference in single quotes are read as in double ones: the forgery is refused whichever way it is written."""
    from scoring_engine.errors import FactsError
    from scoring_engine.forms.sheet_xml import check_rows_and_values

    with pytest.raises(FactsError) as caught:
        check_rows_and_values(xml, _Sheet(), "form.xlsx")
    assert said in caught.value.problems[0].message
