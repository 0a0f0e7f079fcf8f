"""Filled forms that cost the reader work per cell, and sheets listed so that openpyxl would drop them (QA111): each
read in bounded work or refused on its cell or sheet, never scored without the sheet."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT, scored_form, written_form
from scoring_engine.forms import sheet_xml
from scoring_engine.forms.workbook import _around

SETS = ROOT / "indicator_sets"
SHEET = "项目支出绩效自评表"


def _form(tmp_path: Path, **cells: object) -> Path:
    typed = {cell.replace("_", "!", 1) if "_" in cell else cell: value for cell, value in cells.items()}
    return written_form(SETS / "self-evaluation.facts.json", tmp_path / "form.xlsx", typed)


def _rezipped(form: Path, out: Path, edits: dict[str, tuple[bytes, bytes]]) -> Path:
    """`form` with, in each part named in `edits`, the first `old` replaced by `new`."""
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in edits:
                old, new = edits[info.filename]
                assert old in data, (info.filename, old)
                data = data.replace(old, new, 1)
            target.writestr(info.filename, data)
    return out


def test_a_shared_formula_is_written_out_for_its_cells_only_so_far(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F1: a shared formula was written out again from its first cell's text for every cell sharing it (a 3,000
    character formula over 80,000 cells: 131 s, 522 MB). Past MAX_SHARED_FORMULA_TEXT characters, a cell sharing one
    reads as a formula filled down; a read cell holding one is refused as a formula either way."""
    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    book[SHEET]["F13"] = "=G13/2"
    book[SHEET]["F14"] = "=G14/2"
    book.save(form)
    with zipfile.ZipFile(form) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    shared = re.sub(rb"<f>G13/2</f>", b'<f t="shared" ref="F13:F14" si="0">G13/2</f>', sheet, count=1)
    shared = re.sub(rb"<f>G14/2</f>", b'<f t="shared" si="0"/>', shared, count=1)
    forged = _rezipped(form, tmp_path / "shared.xlsx", {"xl/worksheets/sheet1.xml": (sheet, shared)})
    code, output = scored_form(forged)
    assert 1 == code and "F14" in output and "holds a formula (=G14/2)" in output, output
    monkeypatch.setattr(sheet_xml, "MAX_SHARED_FORMULA_TEXT", 0)
    code, output = scored_form(forged)
    assert 1 == code and "holds a formula (=…)" in output, output


def test_a_number_format_longer_than_excel_allows_shows_no_unit() -> None:
    """F2: a 60,000-character number format was read again for each number cell (1,000 cells: 29 s). Excel's formats
    are at most 255 characters: a longer one is forged, and shows no unit; one within shows its unit as before."""
    assert _around('0.00"万元"') == ("", "万元", False)
    assert _around('0.00"' + "万" * 300 + '"%') == ("", "", False)


def test_a_text_longer_than_a_cell_holds_is_refused_on_its_cell(tmp_path: Path) -> None:
    """F3: one shared text of 900,000 characters shown in 20,000 cells was scanned again for each (29 s). A cell holds
    at most 32,767 characters: a longer text is refused on the first cell showing it."""
    form = _form(tmp_path, 表外事实_A30="备注")  # openpyxl itself writes no more than a cell holds
    long = _rezipped(form, tmp_path / "long.xlsx", {"xl/worksheets/sheet2.xml": ("<t>备注</t>".encode(),
                                                                                ("<t>" + "长" * 40_000 + "</t>").encode())})
    code, output = scored_form(long)
    assert 1 == code and "表外事实!A30: the cell's text is longer than 32767 characters" in output, output


@pytest.mark.parametrize(("rels", "said"), [
    # a <sheet> without its r:id: openpyxl drops it, and the side sheet's facts (92.04 scored for 90.31)
    ({"xl/workbook.xml": (b' r:id="rId2"', b"")}, "the workbook lists sheet 表外事实 without naming its part"),
    # a worksheet's relationship typed chart sheet: dropped as a chart sheet, or read as one
    ({"xl/_rels/workbook.xml.rels": (b'relationships/worksheet" Target="/xl/worksheets/sheet2.xml"',
                                     b'relationships/chartsheet" Target="/xl/worksheets/sheet2.xml"')},
     "the workbook lists sheet 表外事实 as a chart sheet, but its part xl/worksheets/sheet2.xml is none"),
])
def test_a_sheet_listed_so_that_openpyxl_would_drop_it_is_refused(tmp_path: Path, rels: dict, said: str) -> None:
    """F7: the side sheet listed without its r:id, or with its relationship typed chart sheet, was dropped in
    silence, and the form scored without its facts."""
    form = _form(tmp_path, 表外事实_C3="bands")
    code, output = scored_form(_rezipped(form, tmp_path / "listed.xlsx", rels), "--set", "self-evaluation")
    assert 1 == code and said in output, output


def test_a_hidden_column_is_said_however_many_columns_are_listed_before_it(tmp_path: Path) -> None:
    """F8: the first 5,000 column ranges were taken before the hidden ones were picked out of them: 5,059 plain ones
    written first hid column I's warning. The hidden ones are picked first."""
    form = _form(tmp_path)
    book = openpyxl.load_workbook(form)
    book[SHEET].column_dimensions["I"].hidden = True
    book.save(form)
    with zipfile.ZipFile(form) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    columns = re.search(rb"<cols>", sheet)
    assert columns is not None
    plain = b"".join(b'<col min="%d" max="%d" width="9"/>' % (i, i) for i in range(41, 5100))
    forged = _rezipped(form, tmp_path / "cols.xlsx", {"xl/worksheets/sheet1.xml": (b"<cols>", b"<cols>" + plain)})
    code, output = scored_form(forged)
    assert 0 == code and "column I is hidden" in output, output
