"""Filled forms as spreadsheet programs save them (QA56): a sum pasted as a value, an error value, a formula filled down
or entered as an array, a carriage return pasted from Word, a workbook of many sheets. What the clerk sees is what is
read, and what cannot be read is said of the cell, as the clerk sees it."""

from __future__ import annotations

import random
import re
import zipfile
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


def test_text_that_reads_as_excels_escape_of_a_character_comes_back_as_written(tmp_path: Path) -> None:
    """QA249: a project named 供水工程_x4E00_期 (a unit 水利局_x000D_二科) was written into the form as it stands, and read
    back, by Excel and by import alike, as 供水工程一期 (and a line break): the engine writes it as Excel does
    (_x005F_x4E00_), and the form's name comes back as the facts file wrote it, as do the report's cells."""
    import json

    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["project"]["name"] = "供水工程_x4E00_期"
    (tmp_path / "x.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    form, report, back = tmp_path / "form.xlsx", tmp_path / "report.xlsx", tmp_path / "back.json"
    for args in (["score", str(tmp_path / "x.json"), "--layout", "selfeval", "-o", str(form)],
                 ["score", str(tmp_path / "x.json"), "-o", str(report)], ["import", str(form), "-o", str(back)]):
        run = CliRunner().invoke(main, args)
        assert 0 == run.exit_code, run.output
    assert "供水工程_x4E00_期" == json.loads(back.read_text(encoding="utf-8"))["project"]["name"]
    book = openpyxl.load_workbook(report, read_only=True)
    shown = [cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
             if isinstance(cell, str) and "供水工程" in cell]
    assert shown and all("_x4E00_" in cell for cell in shown), shown


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


def test_a_workbook_of_many_sheets_of_rows_styled_to_their_end_is_read_at_once(tmp_path: Path) -> None:
    """A 50 KB workbook of a hundred sheets, each with a styled empty cell in column XFD on its rows, took two minutes
    (read-only reading made every row 16,384 cells wide), then was refused past a bound. Each row is read as the XML
    holds it: the form scores."""
    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    for number in range(3):
        extra = book.create_sheet(f"说明{number}")
        for row in range(1, 701):
            extra.cell(row, 16_384).number_format = "0.00"  # styled, empty: the row reads 16,384 cells wide
    book.save(form)
    code, output = _score(form)
    assert 0 == code, output


def test_a_whole_number_in_a_percentage_cell_is_refused_with_both_readings(tmp_path: Path) -> None:
    """95 typed before the cell was formatted 0.0% shows 9500.0%, and was read as the 9500% it shows, in silence: a
    满意度 of 95% scored as if far past its target (QA54 F8); then with a 提示, a target of 90 scoring 0.11 of 10 as
    ≥9000% (QA261 F4). It is refused on its cell, saying what it reads and how to type either; 9500% typed as text is
    read as written."""
    form = _form(tmp_path, E26="≥90%", F26=95)
    book = openpyxl.load_workbook(form)
    book[SHEET]["F26"].number_format = "0.0%"
    book.save(form)
    code, output = _score(form)
    assert 1 == code, output
    assert (f"{SHEET}!F26: the cell holds 95 in a percentage format, so it reads 9500% (if 95% is meant, type 95% or "
            "0.95; if 9500% is, type it as text, 9500%)") in output
    book[SHEET]["F26"].value = "9500%"
    book.save(form)
    assert 0 == _score(form)[0]
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
     if name == "xl/worksheets/sheet1.xml" else data, "sheet1.xml holds more than 500000 XML elements"),
    (lambda name, data: data.replace(b"</styleSheet>", b"<extLst>" + _forged_elements(550_000) + b"</extLst></styleSheet>")
     if name == "xl/styles.xml" else data, "part xl/styles.xml holds more than 500000 XML elements"),
    # 300,000 rows of one element each: openpyxl keeps each row, emptied, until the part ends (QA108 F2: 3.3 million empty
    # shared texts took 391 MB)
    (lambda name, data: data.replace(b"</sheetData>", re.sub(rb"(<./>)", rb"<row>\1</row>", _forged_elements(300_000))
                                     + b"</sheetData>")
     if name == "xl/worksheets/sheet2.xml" else data, "part xl/worksheets/sheet2.xml holds more than 500000 XML elements"),
    # two of the workbook's sheets are the one part, parsed again for each (QA108 F4: 3.4 MB took 40 minutes)
    (lambda name, data: data.replace(b"worksheets/sheet2.xml", b"worksheets/sheet1.xml")
     if name == "xl/_rels/workbook.xml.rels" else data, "two of its sheets are the one part xl/worksheets/sheet1.xml"),
    # the same split by <si/> in a sheet, or by a row of another namespace, where openpyxl lets go of nothing (QA106 F1)
    (lambda name, data: re.sub(rb'(<row r="6"[^>]*>)', lambda m: m.group(1) + _forged_elements(300_000) + b"<si/>"
                               + _forged_elements(300_000), data, count=1)
     if name == "xl/worksheets/sheet1.xml" else data, "sheet1.xml holds more than 500000 XML elements"),
    (lambda name, data: data.replace(b"</styleSheet>", b'<extLst xmlns:q="urn:q">' + _forged_elements(300_000)
                                     + b"<q:row/>" + _forged_elements(300_000) + b"</extLst></styleSheet>")
     if name == "xl/styles.xml" else data, "part xl/styles.xml holds more than 500000 XML elements"),
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
    (_e6(b'<c r="E6" t="n"><v>abc</v></c>'), "项目支出绩效自评表!E6: the cell's value is not what its type says"),
    (_e6(b'<c r="E6"><v>' + b"9" * 5000 + b"</v></c>"), "项目支出绩效自评表!E6: the cell's value is not what its type says"),
    (_e6(b'<c r="E6" t="b"><v>yes</v></c>'), "项目支出绩效自评表!E6: the cell's value is not what its type says"),
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


def _sheet_edit(edit: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, data: edit(data) if name == "xl/worksheets/sheet1.xml" else data


def _spelled_otherwise(data: bytes) -> bytes:
    """The sheet as valid XML written another way: attributes in single quotes, every element with a prefix, values
    spaced, a comment, a processing instruction and an empty value beside them (QA105 F1, F2)."""
    data = re.sub(rb'(\s[rts])="([^"]*)"', rb"\1='\2'", data)
    data = data.replace(b"<sheetData>", b"<sheetData><!-- row> </row> --><?note row>?>", 1)
    data = re.sub(rb"<(/?)(sheetData|row|c|v|f|is|t)\b", rb"<\1x:\2", data)
    data = data.replace(b"<worksheet ", b'<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ', 1)
    data = re.sub(rb"<x:v>([^<]*)</x:v>", rb"<x:v> \1 </x:v>", data)
    return re.sub(rb"(<x:row r='6'.*?)(</x:row>)", rb"\1<x:c r='Y6' t='str'><x:v>text</x:v></x:c><x:c r='Z6'><x:v></x:v></x:c>\2",
                  data, count=1, flags=re.S)


def test_a_sheet_written_as_valid_xml_another_way_scores_as_before(tmp_path: Path) -> None:
    """A form's sheet as other producers may write valid XML (single quotes, prefixes, spaced values, a comment and a
    processing instruction, an empty <v></v>, a text cell typed t='str') scores as the form does: the rows and cells are
    checked as openpyxl's parser reads them, not by the text of the XML (QA105: the text's checks refused these)."""
    form = _form(tmp_path)
    expected = _score(form, "--format", "json")
    again = _rezipped(form, tmp_path / "spelled.xlsx", _sheet_edit(_spelled_otherwise))
    assert b"<x:row r='6'" in zipfile.ZipFile(again).read("xl/worksheets/sheet1.xml")
    assert expected[0] == 0 and expected == _score(again, "--format", "json")


def test_rows_written_without_their_numbers_are_placed_by_their_cells(tmp_path: Path) -> None:
    """A sheet whose rows carry no r (valid: each is counted from the one before, though the form skips rows) is read by
    its cells' references, as before: no row or cell is taken for one given twice (QA106: such forms were refused)."""
    form = _form(tmp_path)
    expected = _score(form, "--format", "json")
    bare = _rezipped(form, tmp_path / "bare.xlsx", _sheet_edit(lambda d: re.sub(rb'(<row)\s+r="[0-9]+"', rb"\1", d)))
    assert b'<row r="' not in zipfile.ZipFile(bare).read("xl/worksheets/sheet1.xml")
    assert expected[0] == 0 and expected == _score(bare, "--format", "json")


@pytest.mark.parametrize(("edit", "said"), [
    # the forgeries of QA95, written as QA105 wrote them past the checks of the XML's text
    (lambda d: _spelled_otherwise(re.sub(rb'<c r="E6"[^>]*>.*?</c>', b'<c r="E6" t="s"><v xml:space="preserve">-1</v></c>', d)),
     "项目支出绩效自评表!E6: the cell's text is shared text -1"),
    (lambda d: re.sub(rb'<c r="E6"[^>]*>.*?</c>', b"<c r='E6' t = 's'><?pi?><v >-1</v></c>", d),
     "项目支出绩效自评表!E6: the cell's text is shared text -1"),
    (lambda d: _spelled_otherwise(_row_6_again("xl/worksheets/sheet1.xml", d)), "row 6 comes after row"),
    # a cell given twice in its row, or one whose reference names another row: read by its reference, the second stood in
    # for the first (QA106 F4)
    (lambda d: re.sub(rb'(<c r="F6"[^>]*>.*?</c>)', rb'\1<c r="F6"><v>100</v></c>', d, count=1, flags=re.S),
     "项目支出绩效自评表!F6: the cell is given twice"),
    (lambda d: re.sub(rb'(<row r="7"[^>]*>)', rb'\1<c r="F6"><v>100</v></c>', d, count=1), "项目支出绩效自评表!F6: the cell is given twice"),
    # a document type's entity gave a cell its value, and a few kilobytes of entities took 1.5 GB (QA106 F2)
    (lambda d: b'<!DOCTYPE worksheet [<!ENTITY v "99">]>' + re.sub(rb'<c r="E6"[^>]*>.*?</c>', b'<c r="E6"><v>&v;</v></c>', d,
                                                                   count=1), "sheet1.xml declares a document type"),
    # a row without its number is the one after the row before: row 7, and the form's own row 7 is then given twice
    (lambda d: re.sub(rb'(<row r="6"[^>]*>.*?</row>)', rb"\1<row/>", d, count=1, flags=re.S), "row 7 comes after row 7"),
])
def test_a_forgery_is_refused_however_its_xml_is_spelled(tmp_path: Path, edit: Any, said: str) -> None:
    """A shared text outside the workbook's, or a row given twice, is refused whichever way the XML spells it (single
    quotes, spaces around '=', a processing instruction, attributes on <v>, prefixes): never read from another cell."""
    form = _rezipped(_form(tmp_path), tmp_path / "forged.xlsx", _sheet_edit(edit))
    code, output = _score(form)
    assert 1 == code and said in output, output


def _moved_sheet(form: Path, out: Path, edit: Callable[[bytes], bytes]) -> Path:
    """`form` with its form sheet moved to xl/media/sheet1.bin (its relationship, of an odd type, and content type
    following it), the sheet's XML passed through `edit`: openpyxl reads it there all the same."""
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            name = info.filename
            if name == "xl/worksheets/sheet1.xml":
                name, data = "xl/media/sheet1.bin", edit(data)
            elif name == "xl/_rels/workbook.xml.rels":  # of a type openpyxl does not look at
                data = re.sub(rb'Type="[^"]*/worksheet"( Target="/?xl/worksheets/sheet1.xml")', rb'Type="urn:odd"\1', data)
                data = data.replace(b"worksheets/sheet1.xml", b"media/sheet1.bin")
            elif name == "[Content_Types].xml":  # and with no content type
                data = re.sub(rb'<Override PartName="/xl/worksheets/sheet1.xml"[^>]*/>', b"", data)
            target.writestr(name, data)
    return out


@pytest.mark.parametrize(("edit", "said"), [
    (lambda d: d, None),  # moved, and nothing else: read as before
    (lambda d: re.sub(rb'(<row r="6"[^>]*>)', lambda m: m.group(1) + _forged_elements(550_000), d, count=1),
     "part xl/media/sheet1.bin holds more than 500000 XML elements"),
    (lambda d: b'<!DOCTYPE worksheet [<!ENTITY v "99">]>' + re.sub(rb'<c r="F6"[^>]*>.*?</c>', b'<c r="F6"><v>&v;</v></c>', d,
                                                                   count=1), "part xl/media/sheet1.bin declares a document type"),
])
def test_a_part_openpyxl_reads_is_checked_wherever_it_lies_and_whatever_its_name(tmp_path: Path, edit: Any,
                                                                                 said: str | None) -> None:
    """QA107: the parts were found apart from openpyxl, which reads a sheet wherever the workbook's relationship puts it
    (xl/media/sheet1.bin): a flood there took 1 GB, an entity gave F6 its value. Each part is checked as openpyxl reads
    it, so what it reads is what is checked."""
    form = _form(tmp_path)
    moved = _moved_sheet(form, tmp_path / "moved.xlsx", edit)
    if said is None:
        assert _score(form, "--format", "json") == _score(moved, "--format", "json")
    else:
        code, output = _score(moved)
        assert 1 == code and said in output, output


def _forged_attributes(elements: int, each: int) -> bytes:
    """`elements` empty elements of `each` attributes of random one-letter names: compressing no better than a sheet."""
    rng = random.Random(elements)
    names = [bytes([letter]) for letter in b"abcdefghijklmnopqrstuvwxyz"]
    return b"".join(b"<x " + b" ".join(n + b'=""' for n in rng.sample(names, each)) + b"/>" for _ in range(elements))


def _in_all(name: str, data: bytes) -> bytes:
    """240,000 forged elements, under a megabyte, in each of five parts openpyxl parses: 1.2 million in all."""
    ends = {"[Content_Types].xml": b"</Types>", "docProps/core.xml": b"</cp:coreProperties>", "xl/styles.xml": b"</styleSheet>",
            "xl/worksheets/sheet1.xml": b"</worksheet>", "xl/worksheets/sheet2.xml": b"</worksheet>"}
    end = ends.get(name)
    return data if end is None else data.replace(end, b"<extLst>" + _forged_elements(240_000) + b"</extLst>" + end)


@pytest.mark.parametrize(("edit", "said"), [
    # attributes cost as elements do, and were not counted (QA109 F1: 2 million in one element took 655 MB; QA111 F5: a
    # million of unique names, 343 MB)
    (lambda name, data: data.replace(b"</styleSheet>", b"<extLst>" + _forged_attributes(130_000, 10) + b"</extLst></styleSheet>")
     if name == "xl/styles.xml" else data, "part xl/styles.xml holds more than 1200000 XML attributes"),
    # a parser makes all of one element's attributes before anything can count them: refused by the tag's length, a ">" in
    # each value too (QA111 F4)
    (lambda name, data: data.replace(b"</styleSheet>", b"<extLst><x " + b" ".join(b'a%d=">"' % i for i in range(60_000))
                                     + b"/>" + _forged_elements(300_000) + b"</extLst></styleSheet>")
     if name == "xl/styles.xml" else data, "part xl/styles.xml holds a tag or a text longer than 400000 characters"),
    # parts under a megabyte, each under every limit, are counted together (QA109 F7: 19 of them took 8 s)
    (_in_all, "the workbook's XML parts hold more than 1000000 elements in all (MAX_FORM_ELEMENTS_IN_ALL)"),
    # the same part read as two sheets is refused before either is parsed: here it is not even XML (QA109 F3)
    (lambda name, data: data.replace(b"worksheets/sheet2.xml", b"worksheets/sheet1.xml")
     if name == "xl/_rels/workbook.xml.rels" else b"<worksheet" if name == "xl/worksheets/sheet1.xml" else data,
     "two of its sheets are the one part xl/worksheets/sheet1.xml"),
    # a cell given again, empty: a reader that takes the last shows it empty, and 8.7 was scored (QA109 F5)
    (lambda name, data: re.sub(rb'(<row r="13".*?)</row>', rb'\1<c r="F13" s="12"/></row>', data, count=1)
     if name == "xl/worksheets/sheet1.xml" else data, "项目支出绩效自评表!F13: the cell is given twice"),
    # a sheet listed whose part is not in the workbook was dropped, its facts with it, in silence
    (lambda name, data: data.replace(b"worksheets/sheet2.xml", b"worksheets/sheet9.xml")
     if name == "xl/_rels/workbook.xml.rels" else data,
     "the workbook lists sheet 表外事实, whose part xl/worksheets/sheet9.xml it does not hold"),
])
def test_a_forgery_past_the_element_count_is_refused_by_what_it_costs(tmp_path: Path, edit: Any, said: str) -> None:
    """QA109: what the element count of one part did not see, each refused as one line naming the file and what is wrong:
    attributes, a tag too long to count, parts small enough not to be counted but many, one part read as two sheets, a
    cell given again empty, a sheet listed without its part."""
    form = _rezipped(_form(tmp_path), tmp_path / "forged.xlsx", edit)
    code, output = _score(form)
    assert 1 == code and said in output and "forged.xlsx" in output, output


def test_a_sheet_named_in_other_letter_case_and_a_chart_sheet_score_as_the_form_alone(tmp_path: Path) -> None:
    """QA109 F6: a sheet whose part the workbook names in other letter case (part names ignore case) was dropped, and
    the side sheet's 预算执行率 method with it: scored 92.04 instead of 90.31. F2: a chart sheet was read, its drawings
    and charts parsed again for every reference (14 KB took a minute); it holds no cells, and is not read: even a chart
    that is not XML leaves the form's score as it is."""
    from openpyxl.chart import BarChart, Reference

    form = _form(tmp_path, 表外事实_C3="bands")
    cased = _rezipped(form, tmp_path / "cased.xlsx", lambda name, data: data.replace(
        b"worksheets/sheet2.xml", b"worksheets/Sheet2.xml") if name == "xl/_rels/workbook.xml.rels" else data)
    charted = tmp_path / "charted.xlsx"
    book = openpyxl.load_workbook(form)
    chart = BarChart()
    chart.add_data(Reference(book[SHEET], min_col=6, min_row=13, max_row=15))
    book.create_chartsheet("图表").add_chart(chart)
    book.save(charted)
    broken = _rezipped(charted, tmp_path / "broken.xlsx", lambda name, data: b"<chart" if "charts/chart" in name else data)
    alone = _score(form, "--format", "json")
    assert 0 == alone[0] and '"budget.method"' in alone[1], alone
    assert [alone] * 3 == [_score(other, "--format", "json") for other in (cased, charted, broken)]


def test_a_row_written_in_a_comment_is_no_row_of_the_sheet(tmp_path: Path) -> None:
    """QA109 F4: the hidden rows were looked for again in the sheet's text by a pattern, which took a minute over a
    forged comment of 30,000 '<row', and took a row in a comment for one of the sheet's. They are what openpyxl's parser
    met reading the rows, in the same pass."""
    form = _rezipped(_form(tmp_path), tmp_path / "commented.xlsx", lambda name, data: data.replace(
        b"<sheetData>", b'<sheetData><!-- <row r="14" hidden="1"></row> -->') if name == "xl/worksheets/sheet1.xml" else data)
    code, output = _score(form)
    assert 0 == code and "hidden" not in output, output
