"""Inputs a fuzzer found to end in an internal error (exit 3) or a traceback: each is one line naming what is wrong."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

SHEET = "项目支出绩效自评表"


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args))
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _facts_with_row(tmp_path: Path, group: str, index: int, row: dict) -> Path:
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    document["facts"]["targets"][group][index] = row
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _form(tmp_path: Path) -> Path:
    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == _run("score", str(facts), "--layout", "selfeval", "-o", str(form))[0]
    return form


def _rewrite_cell(form: Path, cell: str, xml: str) -> None:
    """The cell's XML replaced in the form sheet, as a writer other than a spreadsheet program might leave it."""
    with zipfile.ZipFile(form) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    sheet, count = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', xml, sheet, count=1)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_qualitative_row_with_a_score_but_no_tier_says_the_row_lacks_its_tier(tmp_path: Path) -> None:
    """{type: qualitative, score: 50, reason: x} without tier was an AttributeError (exit 3); without reason too it
    said '缺少事实 row（在事实文件中补上它）', a fact no one can add. The row is said to lack its tier."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    first = document["facts"]["targets"]["output"][0]
    row = {"name": "工程竣工验收合格", "type": "qualitative", "score": 1, "reason": "x"}
    if "weight" in first:
        row["weight"] = first["weight"]
    facts = _facts_with_row(tmp_path, "output", 0, row)
    code, said = _run("--lang", "zh", "score", str(facts))
    assert 1 == code and "第 1 行（工程竣工验收合格）：这一行没有填写档次（在这一行填写）" in said, said


def test_a_row_without_its_actual_is_said_to_lack_it_not_to_lack_a_fact_row_actual(tmp_path: Path) -> None:
    """'缺少事实 row.actual（在事实文件中补上它）' named a fact that does not exist: the row lacks its 实际完成值."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = dict(next(r for r in document["facts"]["targets"]["output"] if "actual" in r and "target" in r))
    index = document["facts"]["targets"]["output"].index(row)
    del row["actual"]
    code, said = _run("--lang", "zh", "score", str(_facts_with_row(tmp_path, "output", index, row)))
    assert 1 == code and f"（{row['name']}）：这一行没有填写实际完成值（在这一行填写）" in said and "row.actual" not in said, said


@pytest.mark.parametrize(("target", "actual"), [("达到", "达到"), ("abc", "abc"), ("1 1", "1 1"), ("达到", None)])
def test_a_target_in_words_in_a_quantitative_row_is_said_to_be_words_judged_by_tier_not_a_missing_actual(
        tmp_path: Path, target: str, actual: str | None) -> None:
    """QA203 8: a quantitative row with target 达到 and actual 达到 was told '这一行没有填写实际完成值', though the actual is
    filled (read as the row's tier). It is told the target is words, so the row is judged by its tier, which its type
    does not score, with the fix: a number for the target, or the group's tier type with tier, score and reason."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = {**document["facts"]["targets"]["output"][0], "target": target, "actual": actual}
    code, said = _run("--lang", "zh", "score", str(_facts_with_row(tmp_path, "output", 0, row)))
    assert 1 == code and "没有填写实际完成值" not in said, said
    assert f"第 1 行（{row['name']}）：指标值 '{target}' 不是数字，这一行应按档次评价，但 type quantitative 按实际完成的数值" \
           "评分" in said, said
    assert "把指标值写成数字（≥19栋、不少于19栋）并填写实际完成值，或写 type qualitative，并填写这一行的档次" in said, said
    code, said = _run("--lang", "en", "score", str(_facts_with_row(tmp_path, "output", 0, row)))
    assert f"target '{target}' is no number, so the row is judged by its tier, but type quantitative scores a number " \
           "reached" in said, said


def test_bare_numbers_of_a_row_too_far_apart_to_divide_are_refused_as_two_scales(tmp_path: Path) -> None:
    """1e-15 beside 999999999999999 (each within a fact's bounds) are 10³⁰ apart: showing how far overflowed (exit 3)."""
    facts = _facts_with_row(tmp_path, "satisfaction", 0, {"name": "受益群众满意度", "type": "quantitative",
                                                            "target": 0.000000000000001, "actual": 999999999999999})
    code, said = _run("--lang", "en", "score", str(facts))
    assert 1 == code and "have no unit and are on two scales (1E+30 times apart)" in said, said


def test_a_form_cell_of_1e30_or_an_infinite_number_is_one_line_naming_the_cell(tmp_path: Path) -> None:
    """A numeric cell of 1e30 reached the row checks unbounded, and <v>1e400</v> (read as infinity) crashed import and
    score (exit 3): the first is out of range, the second no number a workbook holds, each at its cell."""
    form = _form(tmp_path)
    _rewrite_cell(form, "F6", '<c r="F6" t="n"><v>1e400</v></c>')
    for command in ("score", "import"):
        code, said = _run("--lang", "en", command, str(form))
        assert 1 == code and f"{SHEET}!F6: the cell's number is inf, which no workbook holds" in said, said
    form = _form(tmp_path)
    from openpyxl import load_workbook

    book = load_workbook(form)
    ws = book[SHEET]
    actual = next(c for line in ws.iter_rows() for c in line if c.value == "实际完成值")
    cell = ws.cell(row=actual.row + 1, column=actual.column)
    cell.value = 1e30
    book.save(form)
    code, said = _run("--lang", "en", "score", str(form))
    assert 1 == code and f"{SHEET}!" in said and "is out of range (MAX_FACT_MAGNITUDE: under 1e15" in said, said


def test_a_workbook_with_a_broken_compressed_sheet_is_one_line_in_any_locale(tmp_path: Path, monkeypatch) -> None:
    """Guessing the language of the messages read the damaged part and raised zlib's error while the reader's own line
    was being shown: a traceback instead of 'cannot read the workbook'."""
    form = _form(tmp_path)
    with zipfile.ZipFile(form) as archive:
        parts = {info.filename: (info, archive.read(info.filename)) for info in archive.infolist()}
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (_, data) in parts.items():
            archive.writestr(name, data)
    raw = bytearray(broken.read_bytes())
    start = raw.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml") + 40
    raw[start:start + 20] = bytes(b ^ 0xFF for b in raw[start:start + 20])
    broken.write_bytes(bytes(raw))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "SCORING_ENGINE_LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, said = _run("score", str(broken))
    assert 1 == code and "Traceback" not in said and len(said.strip().splitlines()) == 1, said


def test_a_stale_dimension_in_a_form_hides_no_cell(tmp_path: Path) -> None:
    """A writer left <dimension ref="A1:E2"/> on a filled form: openpyxl's read-only mode took it as the sheet's size and
    the 全年执行数 in F6 and every row below 2 went unread (a different score, no word). The cells are read whatever
    the dimension says, as Excel and WPS show them."""
    form = _form(tmp_path)
    expected = _run("score", str(form), "--format", "json")
    with zipfile.ZipFile(form) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for part in [name for name in parts if name.startswith("xl/worksheets/sheet")]:
        xml, count = re.subn(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:E2"/>', parts[part].decode("utf-8"))
        assert count == 1
        parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert _run("score", str(form), "--format", "json") == expected


def test_a_form_whose_rows_reach_column_xfd_with_empty_cells_is_read_as_it_is(tmp_path: Path) -> None:
    """Read-only reading made each row as wide as its last cell: an empty cell in column XFD of many rows (a writer may
    style a row to its end) made tens of millions of cells, and was refused past a bound. The rows are read as the XML
    holds them, one cell each: the form scores as it did without them."""
    form = _form(tmp_path)
    expected = _run("score", str(form), "--format", "json")
    _add_rows(form, "".join(f'<row r="{r}"><c r="XFD{r}" s="0"/></row>' for r in range(100, 2200)))
    assert _run("score", str(form), "--format", "json") == expected


def _add_rows(form: Path, rows: str) -> None:
    with zipfile.ZipFile(form) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", rows + "</sheetData>").encode("utf-8")
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
