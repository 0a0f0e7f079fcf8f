"""Text from the facts in a batch's outputs: hidden characters shown as escapes, as the single reports show them."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from portfolio import SMALL_SET, beside_the_set, project
from scoring_engine.cli import main
from scoring_engine.reports.xlsx import CUT_MARK, XLSX_CELL_CHARACTERS

# Bidi overrides and zero-width characters reorder or hide what is next to them; a bare carriage return splits a line.
_RAW = ("\u202e", "\u200b", "\r")
_NAMES = [("\u202e项目001", "\u202e单位A"), ("正常项目", "单位\u200bB"), ("\n=1+1", "\r=1+1")]


def _batch(tmp_path: Path, names: list[tuple[str, str]], *outputs: str, lang: str = "zh") -> tuple[Any, list[Path]]:
    beside_the_set(tmp_path)
    lines = []
    for number, (name, unit) in enumerate(names):
        document = project(number, random.Random(number))
        document["project"] = {"name": name, "unit": unit, "id": f"X{number}", "year": 2024}
        lines.append(json.dumps(document, ensure_ascii=False))
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [tmp_path / o for o in outputs]
    run = CliRunner().invoke(main, ["--lang", lang, "batch", str(source), "-j1", *(a for p in paths for a in ("-o", str(p)))])
    assert 0 == run.exit_code, run.output
    return run, paths


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/worksheets/"))


def test_no_batch_output_writes_a_bidi_override_a_zero_width_space_or_a_bare_carriage_return_raw(tmp_path: Path):
    """QA176 F2: the batch page, CSV, workbook and .jsonl wrote a project's "\\u202e单位A" raw (the page drew a unit
    backwards in its tables) while `score` showed it as the visible escape \\u202e. Each now shows the escape."""
    _, (page, table, book, lines) = _batch(tmp_path, _NAMES, "b.html", "b.csv", "b.xlsx", "b.jsonl")
    texts = {"html": page.read_text(encoding="utf-8"), "xlsx": _xlsx_text(book),
             "jsonl": lines.read_text(encoding="utf-8"),
             "csv": table.read_bytes().decode("utf-8").replace("\r\n", "\n")}  # the CSV's own line ends aside
    for kind, text in texts.items():
        assert not [c for c in _RAW if c in text], kind
        assert "\\u202e单位A" in text and "单位\\u200bB" in text, kind
    assert '<td class="name">\\u202e单位A</td>' in texts["html"]  # in 得分最高的项目, 需说明的项目…
    rows = list(csv.reader(io.StringIO(texts["csv"].removeprefix("\ufeff"))))
    assert ["\\u202e项目001", "\\u202e单位A"] == [rows[1][2], rows[1][4]]


def test_a_batch_jsonl_line_escapes_hidden_characters_as_score_format_json_does(tmp_path: Path):
    """QA176 F2: the .jsonl wrote U+202E raw (json.dumps with ensure_ascii=False keeps it), while `score --format json`
    writes the JSON escape. Each line now reads back to the same text, written with the same escapes byte for byte."""
    from scoring_engine import load_facts, load_indicator_set, score
    from scoring_engine.render import render_json

    _, (lines,) = _batch(tmp_path, _NAMES[:1], "b.jsonl")
    line = lines.read_text(encoding="utf-8")
    assert ["\u202e项目001", "\u202e单位A"] == [json.loads(line)["result"]["project"][k] for k in ("name", "unit")]
    document = json.loads((tmp_path / "in.jsonl").read_text(encoding="utf-8"))
    (tmp_path / "one.json").write_text(json.dumps(document), encoding="utf-8")
    single = render_json(score(load_indicator_set(SMALL_SET), load_facts(tmp_path / "one.json")))
    project = json.dumps(json.loads(single)["project"], ensure_ascii=False, separators=(",", ":"))
    escaped = project.replace("\u202e", "\\u202e")  # as both write it: the JSON escape, and every other character as it is
    assert '"name": "\\u202e项目001"' in single and '"unit": "\\u202e单位A"' in single
    assert f'"project":{escaped}' in line


def test_a_csv_cell_starting_with_a_line_break_then_a_formula_is_guarded_whichever_the_break(tmp_path: Path):
    """QA176 F2: the batch CSV guarded "\\r=1+1" (written with its bare CR) but not "\\n=1+1", the same text once line
    breaks are one. Both are now the cell '\\n=1+1 (an apostrophe first), as the single report's CSV writes them."""
    _, (table,) = _batch(tmp_path, _NAMES[2:], "b.csv")
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert ["'\n=1+1", "'\n=1+1"] == [rows[1][2], rows[1][4]]


@pytest.mark.parametrize(("lang", "said"), [("zh", "又写作"), ("en", "also")], ids=["zh", "en"])
def test_the_terminal_note_on_a_unit_spelt_several_ways_keeps_to_its_line(tmp_path: Path, lang: str, said: str):
    """QA176 F2: the note on a unit typed three ways printed 又写作<U+202E>单位A、单位Ａ、单位, then A on a line of its own.
    The line break in a spelling is now shown as its code point, as an invisible character is; no line of the summary
    holds a hidden character raw."""
    names = [("项目0", "\u202e单位A"), ("项目1", "单位Ａ"), ("项目2", "单位\nA")]
    run, _ = _batch(tmp_path, names, "b.html", lang=lang)
    (note,) = [line for line in run.output.splitlines() if said in line]
    assert "\\u202e单位A" in note and "单位\\u000aA" in note
    assert not [c for c in run.output if c in _RAW]


def test_json_escapes_every_hidden_character_of_the_first_plane_and_past_it():
    """The quick search json_visible makes before looking at characters one by one passes over no hidden character:
    each of the first plane is escaped where it is one, and kept where it is not (so a .jsonl line and `score --format
    json` write the same bytes), and one past the first plane as its UTF-16 pair."""
    from scoring_engine._text import is_hidden, json_visible

    for code in range(0x10000):
        ch = chr(code)
        if ch not in '\n"\\':
            assert (json_visible(f'"{ch}"') != f'"{ch}"') == is_hidden(ch), hex(code)
    assert '"\\udb40\\udc01a"' == json_visible('"\U000e0001a"')


def _cells(book: Path, sheet: str, column: str) -> list[Any]:
    """The cells of the column headed `column` on the sheet `sheet` of the batch workbook, below its header."""
    rows = list(load_workbook(book)[sheet].iter_rows())
    at = [c.value for c in rows[0]].index(column)
    return [row[at] for row in rows[1:]]


def test_a_batch_workbook_cell_past_excels_limit_is_cut_in_utf16_units_and_says_so_as_the_reports_do(tmp_path: Path):
    """QA192 F4: the batch workbook cut a text at 32,767 characters counted one per character, so a name of 20,000 𠀀
    (40,000 UTF-16 units, Excel's count) was written whole past Excel's limit, and a cut text ended in a bare "…". It is
    now cut as the single report cuts (one function): at most XLSX_CELL_CHARACTERS units, ending with CUT_MARK."""
    names = [("\U00020000" * 20000, "单位A"), ("长" * 40000, "单位B"), ("短名", "单位C")]
    _, (book,) = _batch(tmp_path, names, "b.xlsx")
    for sheet in ("汇总", "指标明细"):
        cells = [c.value for c in _cells(book, sheet, "项目名称")]
        cut = [text for text in cells if text != "短名"]
        assert cut and all(text.endswith(CUT_MARK) for text in cut), sheet
        assert all(XLSX_CELL_CHARACTERS - 1 <= len(text.encode("utf-16-le")) // 2 <= XLSX_CELL_CHARACTERS for text in cut)
        assert "短名" in cells


def test_a_batch_workbook_cell_holding_a_line_break_wraps_so_every_line_shows_as_in_the_single_report(tmp_path: Path):
    """QA192 F3: a multi-line project name or unit ("农村供水\\n保障工程", a bare \\r too) was written to the batch
    workbook without wrapping, so Excel and Calc showed its last line alone; docs say a line break is a break inside
    the cell. Such a cell now wraps (as the single report's do); a cell without a break keeps the plain style."""
    names = [("农村供水\n保障工程", "某县\r水利局"), ("正常项目", "单位B")]
    _, (book,) = _batch(tmp_path, names, "b.xlsx")
    for sheet, column in (("汇总", "项目名称"), ("汇总", "实施单位"), ("指标明细", "项目名称")):
        cells = {c.value: c for c in _cells(book, sheet, column)}
        broken = [c for text, c in cells.items() if "\n" in text]
        assert broken and all(c.alignment.wrap_text for c in broken), (sheet, column)
        assert not any(c.alignment.wrap_text for text, c in cells.items() if "\n" not in text), (sheet, column)
    summary = load_workbook(book)["汇总"]
    assert not summary.cell(1, 1).alignment.wrap_text and summary.cell(1, 1).font.b  # the header keeps its own style


def test_a_batch_workbook_row_holding_a_multi_line_cell_is_as_tall_as_its_lines_and_other_rows_keep_their_height(
        tmp_path: Path):
    """QA195 G1: a project named "多行项目\\n第二行\\r第三行\\r\\n第四行" wrapped (QA192 F3), but its row was written as a
    bare <row r="2">, so LibreOffice kept the one-line height and showed the last line alone. A row holding a line
    break now carries a height (ht, customHeight) covering its cell of most lines, by the single report's measure; a
    row without one has no height of its own, as before."""
    from scoring_engine.reports._xlsx_text import LINE_HEIGHT, row_height, wrapped_lines

    names = [("多行项目\n第二行\r第三行\r\n第四行", "单位\n二"), ("正常项目", "单位B")]
    _, (book,) = _batch(tmp_path, names, "b.xlsx")
    workbook = load_workbook(book)
    for sheet in ("汇总", "指标明细"):
        ws = workbook[sheet]
        at = [c.value for c in ws[1]].index("项目名称")
        width = ws.column_dimensions[chr(ord("A") + at)].width
        tall = [r for r in range(2, ws.max_row + 1) if "\n" in ws.cell(r, at + 1).value]
        plain = [r for r in range(2, ws.max_row + 1) if ws.cell(r, at + 1).value == "正常项目"]
        assert tall and plain, sheet
        for r in tall:
            dimension = ws.row_dimensions[r]
            assert dimension.customHeight and dimension.height >= LINE_HEIGHT * 4, (sheet, r, dimension.height)
            assert dimension.height >= row_height(wrapped_lines(ws.cell(r, at + 1).value, width)), (sheet, r)
        assert all(ws.row_dimensions[r].height is None and not ws.row_dimensions[r].customHeight for r in plain), sheet
        assert ws.row_dimensions[1].height is None  # the header, without a break, as before
    with zipfile.ZipFile(book) as archive:
        summary = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<row r="2" ht="64" customHeight="1">' in summary and '<row r="3">' in summary
