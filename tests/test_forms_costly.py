"""Filled forms that cost the reader work per cell, and sheets listed so that openpyxl would drop them (QA111): each
read in bounded work or refused on its cell or sheet, never scored without the sheet."""

from __future__ import annotations

import random
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


def _styles_with(tmp_path: Path, name: str, xfs: bytes) -> Path:
    """The form with `xfs` added to its styles' list of cell formats, as a bloated workbook's."""
    form = _form(tmp_path)
    return _rezipped(form, tmp_path / name, {"xl/styles.xml": (b"</cellXfs>", xfs + b"</cellXfs>")})


def test_styles_bloated_to_excels_limit_are_read_and_attributes_of_names_all_different_refused(tmp_path: Path) -> None:
    """QA113 F2: 50,000 centred, wrapped cell formats (under Excel's 64,000) were refused by the attribute limit set
    for smaller ones. QA111 F5: a million attributes each named anew took 343 MB: a part may hold at most 10,000
    names of attributes."""
    rng = random.Random(1)  # formats that differ as a bloated workbook's do (the same one over and over packs too well)
    centred = b"".join(b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" '
                       b'applyBorder="1" applyAlignment="1"><alignment horizontal="%s" vertical="center" indent="%d" '
                       b'textRotation="%d"/></xf>' % (rng.choice((0, 1, 2, 3, 4, 9, 10, 14)), rng.choice((b"left", b"center")),
                                                     rng.randrange(16), rng.randrange(91)) for _ in range(64_000))
    code, output = scored_form(_styles_with(tmp_path, "bloated.xlsx", centred))
    assert 0 == code, output
    named = b"".join(b'<x ' + b" ".join(b'n%d="1"' % (i * 100 + j) for j in range(100)) + b"/>" for i in range(2_000))
    code, output = scored_form(_styles_with(tmp_path, "named.xlsx", b"<extLst>" + named * 6 + b"</extLst>"))
    assert 1 == code and "or more than 10000 names of attributes" in output, output


@pytest.mark.parametrize("marked", [True, False])
def test_a_tag_in_a_part_written_in_utf16_is_bounded_as_its_characters_are(tmp_path: Path, marked: bool) -> None:
    """QA113 F1: written in UTF-16, a value of 丼 (bytes 3C 4E) put a '<' byte into every attribute, and a tag of a
    million attributes went past the bound on the bytes from one '<' to the next (414 MB). QA114 F1: so did a part
    without the byte order mark, beginning with a line break, which the parser reads as UTF-16 all the same."""
    form = _form(tmp_path)
    with zipfile.ZipFile(form) as archive:
        styles = archive.read("xl/styles.xml").decode("utf-8")
    tag = "<x " + " ".join(f'a{i}="丼"' for i in range(60_000)) + "/>"
    forged = styles.replace("<cellXfs", f"<extLst>{tag}{'<b/>' * 300_000}</extLst><cellXfs", 1)
    if marked:
        data = forged.replace("encoding='UTF-8'", "encoding='UTF-16'").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        written = data.encode("utf-16")
    else:
        written = ("\n" + forged[forged.index("<styleSheet"):]).encode("utf-16-le")
    out = tmp_path / "utf16.xlsx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, written if info.filename == "xl/styles.xml" else source.read(info.filename))
    code, output = scored_form(out)
    assert 1 == code and "part xl/styles.xml holds a tag or a text longer than 400000 characters" in output, output


def test_a_long_text_with_line_breaks_is_measured_as_it_shows(tmp_path: Path) -> None:
    """QA113 F3: 30,000 characters with a line break every 20, which Excel writes as _x000D_, were measured as written
    (38,500) and refused as longer than a cell holds."""
    form = _form(tmp_path, 表外事实_A30="备注")
    text = ("一" * 19 + "_x000D_\n") * 1_500
    long = _rezipped(form, tmp_path / "breaks.xlsx", {"xl/worksheets/sheet2.xml": ("<t>备注</t>".encode(),
                                                                                  f"<t>{text}</t>".encode())})
    code, output = scored_form(long, "--set", "self-evaluation")
    assert 0 == code and "longer than" not in output, output


def _merged(form: Path, out: Path, ranges: int) -> Path:
    """`form` with its form sheet holding `ranges` merged ranges in all, the ones added to the right of the form."""
    with zipfile.ZipFile(form) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    found = re.search(rb'<mergeCells count="(\d+)">', sheet)
    assert found is not None
    added = ranges - int(found[1])
    extra = b"".join(b'<mergeCell ref="J%d:K%d"/>' % (r, r) for r in range(1, added + 1))
    return _rezipped(form, out, {"xl/worksheets/sheet1.xml": (found[0], b'<mergeCells count="%d">' % ranges + extra)})


def test_a_sheet_of_more_merged_ranges_than_a_form_has_is_refused_naming_the_sheet(tmp_path: Path) -> None:
    """QA221 8: each merged range cost openpyxl some 0.8 KB, and 480,000 of them in a 2.2 MB form took 383 MB. A sheet
    may hold MAX_FORM_MERGES (a form has 30 to 300); one more is refused in one line naming the sheet and the fix, exit
    1, before openpyxl makes any of them."""
    from click.testing import CliRunner
    from openpyxl.worksheet.merge import MergeCells

    from scoring_engine.cli import main
    from scoring_engine.forms.workbook import MAX_FORM_MERGES

    form = _form(tmp_path)
    most = _merged(form, tmp_path / "most.xlsx", MAX_FORM_MERGES)
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(most), "-o", str(tmp_path / "most.json")])
    assert 0 == run.exit_code, run.output
    made = [0]
    real = MergeCells.from_tree.__func__  # type: ignore[attr-defined]

    def counted(cls: type, node: object) -> object:
        made[0] += 1
        return real(cls, node)

    more = _merged(form, tmp_path / "more.xlsx", MAX_FORM_MERGES + 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MergeCells, "from_tree", classmethod(counted))
        run = CliRunner().invoke(main, ["--lang", "en", "import", str(more), "-o", str(tmp_path / "more.json")])
    assert 1 == run.exit_code and 0 == made[0], run.output
    line = f"sheet {SHEET} holds {MAX_FORM_MERGES + 1} merged ranges; the limit is {MAX_FORM_MERGES} (MAX_FORM_MERGES)"
    assert line in run.output and "unmerge" in run.output and 1 == len(run.output.strip().splitlines()), run.output
    zh = CliRunner().invoke(main, ["--lang", "zh", "import", str(more), "-o", str(tmp_path / "more.json")])
    assert 1 == zh.exit_code and "合并" in zh.output and "merged ranges" not in zh.output, zh.output
