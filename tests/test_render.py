"""Reports rendered from one Result: golden files for every format, the xlsx reopened, the HTML in a real browser.

Every example under examples/ (each `facts.json` / `facts.yaml` naming its set) is
rendered in every format and checked for the same numbers everywhere; the examples
that have a folder tests/golden/<example>/ are also compared with its
score.<ext> files (the xlsx as a text dump of its cells, merges, formats and
widths). After an intended change, or to give a new example its golden files,
regenerate them with one command and review the diff:

    UPDATE_GOLDEN=1 pytest tests/test_render.py
    git diff tests/golden
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from browser import A4_CONTENT_WIDTH_PX, Chromium
from conftest import NATIONAL_GRADES, ROOT
from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, score
from scoring_engine._arith import fixed, plain
from scoring_engine.cli import main
from scoring_engine.loader import resolve_set
from scoring_engine.render import BINARY_FORMATS, RENDERERS, render
from scoring_engine.reports.layouts import render_layout
from scoring_engine.reports.csv_text import BOM
from scoring_engine.reports.markdown import render_markdown
from scoring_engine.reports.rows import score_table
from scoring_engine.reports.xlsx import FACTS_SHEET, FIRST_ROW, SCORE_SHEET, SUMMARY_SHEET
from scoring_engine.result import IndicatorResult, Result

GOLDEN = ROOT / "tests" / "golden"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
EXTENSIONS = {"table": "txt", "json": "json", "markdown": "md", "csv": "csv", "html": "html", "xlsx": "xlsx.txt"}
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*/facts.*") if p.suffix in (".json", ".yaml", ".yml"))
# A new example is checked everywhere at once; its golden files come with UPDATE_GOLDEN=1.
GOLDEN_EXAMPLES = EXAMPLES if UPDATE else [p for p in EXAMPLES if (GOLDEN / p.parent.name).is_dir()]
SMALL = ROOT / "examples" / "small" / "facts.json"
RESULT_SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))

_results: dict[Path, Result] = {}


def result_for(facts_path: Path) -> Result:
    """The example scored as the CLI scores it: the set its facts file names, the facts section filled in."""
    if facts_path not in _results:
        facts = load_facts(facts_path)
        indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=facts_path.parent))
        _results[facts_path] = score(indicator_set, facts)
    return _results[facts_path]


def set_for(facts_path: Path) -> Any:
    """The set the example's facts file names."""
    return load_indicator_set(resolve_set(load_facts(facts_path).indicator_set, relative_to=facts_path.parent))


def cli(*args: str) -> tuple[int, bytes, str]:
    run = CliRunner().invoke(main, list(args))
    return run.exit_code, run.stdout_bytes, run.stderr


def example_id(path: Path) -> str:
    return path.parent.name


def test_every_format_is_registered():
    """The CLI's --format choices are exactly the registered renderers, and only xlsx is binary."""
    assert {"table", "json", "markdown", "csv", "xlsx", "html"} == set(RENDERERS)
    assert {"xlsx"} == set(BINARY_FORMATS)
    assert set(EXTENSIONS) == set(RENDERERS)


def test_there_is_an_example():
    """The golden tests have something to run on."""
    assert SMALL in GOLDEN_EXAMPLES


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("facts_path", GOLDEN_EXAMPLES, ids=example_id)
def test_golden(facts_path: Path, fmt: str, tmp_path: Path):
    """`scoring-engine score FACTS --format F` gives the golden file, byte for byte, and the Python API gives the same."""
    target = tmp_path / f"out.{fmt}"
    code, _, err = cli("score", str(facts_path), "--format", fmt, "--output", str(target))
    assert 0 == code, err
    produced = target.read_bytes()
    # The CLI prints the set's own layout: the self-evaluation set's is the 自评表.
    assert produced == _as_bytes(render_layout(result_for(facts_path), set_for(facts_path), fmt))
    text = masked(xlsx_dump(produced) if fmt == "xlsx" else produced.decode("utf-8"), result_for(facts_path))
    golden = GOLDEN / facts_path.parent.name / f"score.{EXTENSIONS[fmt]}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
        return
    assert golden.exists(), f"no golden file {golden.relative_to(ROOT)}: run UPDATE_GOLDEN=1 pytest tests/test_render.py and review it"
    assert golden.read_bytes().decode("utf-8") == text, f"{golden.relative_to(ROOT)} differs: if intended, UPDATE_GOLDEN=1 pytest tests/test_render.py"


def masked(text: str, result: Result) -> str:
    """The text with the set's and the facts' sha256 replaced by placeholders.

    The hashes change with any byte of the example files or the hashing itself;
    the golden files are about the reports, and other tests check the hashes are shown.
    """
    for digest, name in ((result.indicator_set.sha256, "<set-sha256>"), (result.facts_sha256, "<facts-sha256>")):
        text = text.replace(digest, name).replace(digest[:16], name)  # the table shows the first 16 digits
    return text


def _as_bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def xlsx_dump(data: bytes) -> str:
    """A workbook as reviewable text: per sheet the merges, widths, and each cell with its number format."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    lines = []
    for ws in book.worksheets:
        lines.append(f"== sheet {ws.title} {ws.dimensions}")
        lines.append("merged: " + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
        lines.append("widths: " + " ".join(f"{k}={v.width:g}" for k, v in sorted(ws.column_dimensions.items())))
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                shown = f"{cell.value!r}" + (f" [{cell.number_format}]" if not isinstance(cell.value, str) else "")
                lines.append(f"{cell.coordinate}: {shown}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the same numbers everywhere


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_every_report_shows_each_score_reason_total_and_grade(facts_path: Path):
    """Markdown, CSV and HTML each carry every indicator's printed score and reason, the total and the grade."""
    result = result_for(facts_path)
    p = result.precision
    for fmt in ("markdown", "csv", "html"):
        text = render(result, fmt)
        assert isinstance(text, str)
        assert fixed(result.total, p) in text, fmt
        assert result.grade in text, fmt
        for node in result.walk():
            if not node.children:
                assert node.name in text, (fmt, node.id)
                assert fixed(node.score, p) in text, (fmt, node.id)


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_csv_has_bom_and_adds_up(facts_path: Path):
    """The CSV starts with a BOM; its indicator rows add up to each subtotal and to the total row, as printed; under
    them, every warning and 需说明 of the result, as the 自评表's CSV gives them (QA64 F2)."""
    result = result_for(facts_path)
    text = render(result, "csv")
    assert text.startswith(BOM)
    records = list(csv.reader(io.StringIO(text[len(BOM):])))
    rows, rest = records[:records.index([])], records[records.index([]) + 1:]
    summary, notes = (rest[:rest.index([])], rest[rest.index([]) + 1:]) if [] in rest else (rest, [])
    assert [["提示", w.text("zh")] for w in result.warnings] + [["需说明", f.message] for f in result.flags] == notes
    table = score_table(result)
    assert list(table.header) == rows[0]
    body = rows[1:]
    assert len(table.rows) == len(body)
    assert ["一级指标", "分值", "得分", "得分率"] == summary[0]
    assert [top.name for top in result.indicators] + ["合计"] == [r[0] for r in summary[1:]]
    assert sum(Decimal(r[2]) for r in summary[1:-1]) == Decimal(summary[-1][2]) == result.total
    scores = [Decimal(r[table.score_column]) for r in body]
    kinds = [row.kind for row in table.rows]
    running = Decimal(0)
    for row, value in zip(table.rows, scores, strict=True):
        kind = row.kind
        if kind == "indicator" and len(row.path) == 1:
            continue  # a 一级 indicator without children is its own subtotal
        if kind == "indicator":
            running += value
        elif kind == "subtotal":
            assert running == value
            running = Decimal(0)
    leaves = sum(s for k, s in zip(kinds, scores, strict=True) if k == "indicator")
    assert leaves == scores[-1] == result.total
    assert f"等级：{result.grade}" == body[-1][-1]


def with_reason(result: Result, indicator_id: str, reason: str) -> Result:
    """The result with one indicator's reason replaced (a reason a set's own template could produce)."""

    def swap(node: IndicatorResult) -> IndicatorResult:
        if node.id == indicator_id:
            return dataclasses.replace(node, reason=reason)
        return dataclasses.replace(node, children=tuple(swap(c) for c in node.children))

    return dataclasses.replace(result, indicators=tuple(swap(top) for top in result.indicators))


def test_spreadsheets_never_run_text_as_a_formula():
    """A reason starting with '=' gets a leading apostrophe in the CSV and is a text cell (not a formula) in the xlsx."""
    formula = '=HYPERLINK("http://example.invalid","点此")'
    result = with_reason(result_for(SMALL), "process.funding", formula)
    rows = list(csv.reader(io.StringIO(render(result, "csv")[len(BOM):])))
    assert ["'" + formula] == [r[-1] for r in rows if len(r) > 1 and r[1] == "资金到位率"]
    ws = _workbook(render(result, "xlsx"))[SCORE_SHEET]
    cells = [c for row in ws.iter_rows() for c in row if c.value == formula]
    assert 1 == len(cells) and "s" == cells[0].data_type


def test_markdown_escapes_pipes_and_tags_but_keeps_names_readable():
    """A reason with '|', '<b>' or a line break cannot break the table; 'cost_saving_rate' and 'x < 95%' stay as written."""
    from scoring_engine.reports.markdown import _cell

    assert r"a\|b" == _cell("a|b")
    assert "&lt;b>bold" == _cell("<b>bold")
    assert "x < 95%" == _cell("x < 95%")
    assert "cost_saving_rate" == _cell("cost_saving_rate")
    assert "第一行<br>第二行" == _cell("第一行\n第二行")
    text = render_markdown(with_reason(result_for(SMALL), "process.funding", "甲|乙\n丙"))
    row = next(line for line in text.splitlines() if "资金到位率" in line)
    assert row.endswith(r"| 甲\|乙<br>丙 |")
    assert len(score_table(result_for(SMALL)).header) + 2 == len(re.split(r"(?<!\\)\|", row))


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_markdown_writes_each_group_name_once(facts_path: Path):
    """In the Markdown table each 一级 name appears once in its column, then its subtotal row."""
    result = result_for(facts_path)
    text = render_markdown(result)
    first_cells = [line.split("|")[1].strip() for line in text.split("## 一级指标汇总")[0].splitlines() if line.startswith("| ")]
    for top in result.indicators:
        if top.children:
            assert 1 == first_cells.count(top.name), top.id
            assert 1 == first_cells.count(f"**{top.name}小计**"), top.id
    assert f"**总分 {fixed(result.total, result.precision)} / {plain(result.max_total)}，等级：{result.grade}**" in text
    assert result.facts_sha256 in text and result.indicator_set.sha256 in text


# ---------------------------------------------------------------- xlsx


def _workbook(data: bytes | str) -> Any:
    from openpyxl import load_workbook

    assert isinstance(data, bytes)
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_xlsx_numbers_match_the_result(facts_path: Path):
    """Reopened with openpyxl: each score cell is a number equal to the Result's, shown with the set's decimals, and the total is the sum of the printed scores."""
    result = result_for(facts_path)
    book = _workbook(render(result, "xlsx"))
    assert [SCORE_SHEET, SUMMARY_SHEET, FACTS_SHEET] == book.sheetnames
    assert [result.total, None] == [Decimal(str(book[SUMMARY_SHEET].cell(2 + len(result.indicators), 3).value)), None]
    ws = book[SCORE_SHEET]
    table = score_table(result)
    assert list(table.header) == [c.value for c in ws[FIRST_ROW]]
    score_col, weight_col = table.score_column + 1, table.weight_column + 1
    printed = []
    for i, row in enumerate(table.rows):
        cell = ws.cell(FIRST_ROW + 1 + i, score_col)
        assert isinstance(cell.value, (int, float)), cell.coordinate
        assert row.score == Decimal(str(cell.value)).quantize(Decimal(1).scaleb(-result.precision)), cell.coordinate
        assert "0." + "0" * result.precision == cell.number_format
        assert row.weight == Decimal(str(ws.cell(FIRST_ROW + 1 + i, weight_col).value))
        if row.kind == "indicator":
            printed.append(Decimal(fixed(Decimal(str(cell.value)), result.precision)))
    total = ws.cell(FIRST_ROW + len(table.rows), score_col)
    assert "合计" == ws.cell(FIRST_ROW + len(table.rows), 1).value
    assert sum(printed) == Decimal(str(total.value)) == result.total
    assert f"等级：{result.grade}" == ws.cell(FIRST_ROW + len(table.rows), len(table.header)).value


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_xlsx_merges_groups_and_fits_chinese(facts_path: Path):
    """Each 一级 name sits in one cell merged over its rows, and the name columns are wide enough for the Chinese names."""
    result = result_for(facts_path)
    ws = _workbook(render(result, "xlsx"))[SCORE_SHEET]
    merged = {str(r) for r in ws.merged_cells.ranges}
    table = score_table(result)
    for first, last in table.groups(1):
        if last > first:
            assert f"A{FIRST_ROW + 1 + first}:A{FIRST_ROW + 1 + last}" in merged
    from scoring_engine.render import display_width

    widest = max(display_width(r.path[0].name) for r in table.rows if r.kind == "indicator")
    assert ws.column_dimensions["A"].width >= widest
    assert ws.print_title_rows == f"${FIRST_ROW}:${FIRST_ROW}"


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_xlsx_facts_sheet_has_facts_units_and_provenance(facts_path: Path):
    """The second sheet lists each fact with its label, value and unit, and the sha256 of set and facts."""
    result = result_for(facts_path)
    ws = _workbook(render(result, "xlsx"))[FACTS_SHEET]
    rows = {r[3]: r for r in ws.iter_rows(values_only=True) if r[3] is not None}
    for fact in result.facts:
        if isinstance(fact.value, Decimal):
            label, value, unit, _ = rows[fact.name]
            assert (fact.label or fact.name) == label
            assert fact.value == Decimal(str(value))
            assert (fact.unit or None) == unit
    texts = [c for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert result.indicator_set.sha256 in texts and result.facts_sha256 in texts


def test_xlsx_is_the_same_bytes_every_time():
    """No timestamp in the workbook: the same Result gives the same bytes (a report's sha256 can be recorded)."""
    result = result_for(SMALL)
    assert render(result, "xlsx") == render(result, "xlsx")
    assert b"dcterms:modified" not in _zip_member(render(result, "xlsx"), "docProps/core.xml")


def _zip_member(data: Any, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


# ---------------------------------------------------------------- CLI and API edges


def test_binary_format_needs_output():
    """`--format xlsx` without --output is a usage error (exit 2) that says what to add."""
    code, out, err = cli("score", str(SMALL), "--format", "xlsx")
    assert 2 == code
    assert b"" == out
    assert "--output" in err


def test_render_unknown_format_suggests_one():
    """render() with a misspelt format is a ScoringEngineError with a did-you-mean."""
    with pytest.raises(ScoringEngineError) as caught:
        render(result_for(SMALL), "markdwon")
    assert "did you mean markdown?" == caught.value.hint


def test_json_with_facts_section_matches_the_schema():
    """The result with its facts section (labels, units, values) is still a valid result document."""
    document = json.loads(result_for(SMALL).to_json())
    jsonschema.Draft202012Validator(RESULT_SCHEMA).validate(document)
    budget = next(f for f in document["facts"]["values"] if f["name"] == "budget.total")
    assert {"name": "budget.total", "type": "number", "label": "预算资金", "unit": "万元", "value": 200} == budget


def test_html_is_self_contained():
    """No script, no link, no external URL; a Content Security Policy forbids every request; all text escaped."""
    result = result_for(SMALL)
    page = render(result, "html")
    assert isinstance(page, str)
    assert "<script" not in page and "<link" not in page and " src=" not in page and "url(" not in page
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg\")", page)
    assert "default-src 'none'" in page
    hostile = Result(**{**result.__dict__, "project": {"name": "<script>alert(1)</script>"}})
    assert "<script>alert" not in render(hostile, "html")


# ---------------------------------------------------------------- the HTML in a real browser

CJK_FONTS = ("CJK", "Source Han", "PingFang", "Hiragino", "YaHei", "WenQuanYi", "SimHei")


def test_browser_harness_sees_requests_and_errors(chromium: Chromium, tmp_path: Path):
    """The harness is not blind: a page that loads a stylesheet and an image and logs an error is caught on each count."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><link rel="stylesheet" href="https://example.invalid/x.css"></head>'
                   '<body><img src="http://example.invalid/a.png"><script>console.error("boom")</script></body></html>')
    page = chromium.open(bad.as_uri())
    assert {"https://example.invalid/x.css", "http://example.invalid/a.png"} <= set(page.requests())
    assert any("boom" in e for e in page.errors())


@pytest.mark.parametrize("facts_path", EXAMPLES, ids=example_id)
def test_html_in_a_real_browser(chromium: Chromium, facts_path: Path, tmp_path: Path):
    """Opened in headless Chromium the report loads with no console error and no request; total, grade, chart and table are in the DOM.

    How: Chromium runs with --remote-debugging-pipe and this test speaks the
    DevTools protocol over that pipe (no extra package). Network events list every
    request the page makes (blocked ones included) and the Runtime and Log events
    every console message, exception, CSP violation and failed load; the harness
    test above proves both are seen. The DOM is read with Runtime.evaluate, the
    fonts used for the Chinese title with CSS.getPlatformFontsForNode, and the
    page is laid out as print media at an A4 page's content width (it must not
    overflow), printed to an A4 PDF and captured as a full-page PNG. Set
    REPORT_ARTIFACTS=DIR to keep the PNG and PDF.
    """
    result = result_for(facts_path)
    report = tmp_path / "report.html"
    report.write_text(render(result, "html"), encoding="utf-8")
    page = chromium.open(report.as_uri())

    assert [] == page.requests()
    assert [] == page.errors()
    dom = page.evaluate("""JSON.stringify({
        total: document.querySelector('#total .value').textContent,
        grade: document.querySelector('#grade .value').textContent,
        bars: Array.from(document.querySelectorAll('svg.score-chart g.bar')).map(g => g.dataset.indicator),
        barWidths: Array.from(document.querySelectorAll('svg.score-chart g.bar rect')).map(r => r.getBBox().width),
        chartWidth: document.querySelector('svg.score-chart').getBoundingClientRect().width,
        rows: Array.from(document.querySelectorAll('table.score-table tbody tr[data-indicator]')).map(
            tr => [tr.dataset.indicator, tr.className, tr.querySelectorAll('td.num')[1].textContent]),
        lastRow: document.querySelector('table.score-table tbody tr:last-child').textContent,
    })""")
    dom = json.loads(dom)
    p = result.precision
    assert fixed(result.total, p) == dom["total"]
    assert result.grade == dom["grade"]
    assert [n.id for n in result.walk() if n.level <= 2] == dom["bars"]
    assert dom["chartWidth"] > 300 and max(dom["barWidths"]) > 100
    leaves = [[n.id, "indicator", fixed(n.score, p)] for n in result.walk() if not n.children]
    assert leaves == [r for r in dom["rows"] if r[1] == "indicator"]
    assert fixed(result.total, p) in dom["lastRow"] and result.grade in dom["lastRow"]

    fonts = page.fonts("h1")
    assert any(name in family for family in fonts for name in CJK_FONTS), f"the Chinese title is drawn with {fonts}: install fonts-noto-cjk"

    png = page.screenshot()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 1000 and height > 1000 and len(png) > 50_000  # a full page with text, not a blank
    printed_width, pdf = page.print_layout()
    assert printed_width <= A4_CONTENT_WIDTH_PX, "the printed page is wider than A4"
    assert pdf.startswith(b"%PDF")
    keep = os.environ.get("REPORT_ARTIFACTS")
    if keep:
        folder = Path(keep) / facts_path.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "report.png").write_bytes(png)
        (folder / "report.pdf").write_bytes(pdf)
        (folder / "report.html").write_bytes(report.read_bytes())


def test_long_unbroken_text_keeps_every_column_of_the_html_report_on_an_a4_page(chromium: Chromium, tmp_path: Path):
    """QA176 F3: a 270-character URL in a finding laid the page out 2006 px wide (扣分原因 cut off in print); a fact label of
    national-framework's length made the facts table's 名称 column 39 px (ids printed as dec/isi/on.) over 10 mostly
    empty pages; a 110-character 二级 name made 扣分明细 1445 px. Printed, every table fits A4's width, the ids of the
    facts' 名称 column keep room to be read (no narrower than a fifth of the page), and the URL wraps inside its cell."""
    from scoring_engine import Facts, parse_indicator_set

    url = "https://czj.example.gov.cn/zwgk/zcwj/2024/20240615_performance_report_" + "a" * 200 + ".pdf"
    written = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    written = written.replace("label: 实际支出}", "label: 实际支出（ratio 满意率 = " + "（非常满意 + 满意）÷ 有效问卷数" * 6 + "）}")
    written = written.replace("name: 立项依据充分性", "name: 立项依据充分性" + "，与部门职责和年度重点工作相匹配" * 7)
    document = json.loads(SMALL.read_text(encoding="utf-8"))
    document["facts"]["decision"]["goal_findings"] = [f"年度目标未细化，详见{url}"]
    result = score(parse_indicator_set(written, str(ROOT / "examples" / "small" / "set.yaml")),
                   Facts(values=document["facts"], project=document["project"]))
    report = tmp_path / "report.html"
    report.write_text(render(result, "html"), encoding="utf-8")
    page = chromium.open(report.as_uri())
    printed_width, _ = page.print_layout()
    assert printed_width <= A4_CONTENT_WIDTH_PX, "the printed page is wider than A4"
    right = json.loads(page.evaluate("JSON.stringify([...document.querySelectorAll('table, td, th')].map("
                                     "e => e.getBoundingClientRect().right))"))
    assert max(right) <= A4_CONTENT_WIDTH_PX
    names = json.loads(page.evaluate("JSON.stringify([...document.querySelectorAll('table.facts:not(.derived) td:last-child')]"
                                     ".map(e => e.getBoundingClientRect().width))"))
    assert names and min(names) >= A4_CONTENT_WIDTH_PX / 5, names


def test_the_python_example_of_the_reports_doc_runs(monkeypatch: pytest.MonkeyPatch):
    """The Python example in docs/reports.md runs as written, from the repository's root."""
    doc = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, re.S)
    assert 1 == len(blocks)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {}
    exec(compile(blocks[0], "docs/reports.md", "exec"), namespace)
    assert isinstance(namespace["workbook"], bytes) and namespace["markdown"].startswith("# ")


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_a_reports_warnings_are_in_chinese_as_the_report_is(fmt: str, tmp_path: Path) -> None:
    """A fact the set does not declare (budget.payd) is warned of in the report in Chinese, like every other line of it,
    not as 'fact budget.payd is not declared by the set and is ignored'."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["payd"] = 190
    (tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "facts.json"), "--set",
                                    str(ROOT / "examples" / "small" / "set.yaml"), "--format", fmt])
    assert 0 == run.exit_code, run.output
    assert "事实 budget.payd 没有在体系中声明，已忽略" in run.stdout and "is not declared" not in run.stdout


def test_a_target_table_in_the_facts_section_reads_as_the_form_writes_it(tmp_path: Path) -> None:
    """The facts section (html, xlsx) printed a 绩效目标表 as Python's TargetRow(name='新建蓄水池', …Decimal('19')…)."""
    from scoring_engine import Facts, parse_indicator_set, render, score

    indicator_set = parse_indicator_set(
        'id: rows\nname: 目标表\nversion: "1"\ntotal: 10\ngrades: [{label: 合格, min: 6}, {label: 不合格, min: 0}]\n'
        "facts:\n  targets: {type: list, items: target, label: 绩效目标表}\n"
        "indicators:\n  - id: output\n    name: 产出指标\n    weight: 10\n    children_from:\n      fact: targets\n"
        "      rules:\n        quantity: {kind: proportional, value: row.actual, target: row.target}\n")
    rows = [{"name": "新建蓄水池", "type": "quantity", "target": 19, "actual": 18, "unit": "个"},
            {"name": "验收合格率", "type": "quantity", "target": "95%", "actual": "96%"}]
    page = render(score(indicator_set, Facts(values={"targets": rows})), "html")
    assert "TargetRow" not in page and "Decimal(" not in page
    assert "新建蓄水池：指标值19个，实际完成值18个；验收合格率：指标值95%，实际完成值96%" in page


def test_the_forms_own_fields_are_named_in_chinese_on_the_scoresheet() -> None:
    """The 年度总体目标 cells `import` reads (goal, outcome) were printed by their English keys on the 评分表's title line."""
    from scoring_engine import Facts, load_facts, load_indicator_set, score
    from scoring_engine.reports.layouts import render_layout

    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    project = {**facts.project, "goal": "完成管网建设", "outcome": "基本完成"}
    indicator_set = load_indicator_set(ROOT / "indicator_sets" / "self-evaluation.yaml")
    page = str(render_layout(score(indicator_set, Facts(values=facts.values, project=project)), indicator_set, "markdown",
                             "scoresheet"))
    assert "预期目标：完成管网建设　实际完成情况：基本完成" in page and "goal：" not in page


def test_a_projects_id_is_called_its_project_number_in_every_single_report() -> None:
    """QA176 F4: project.id was labelled 'id' (Markdown 'id：P2024-001', HTML <dt>id</dt>, the workbook's 事实与来源), where
    batch and docs/batch.md call it 项目编号."""
    import openpyxl

    from scoring_engine import Facts

    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    indicator_set = load_indicator_set(ROOT / "indicator_sets" / "self-evaluation.yaml")
    result = score(indicator_set, Facts(values=facts.values, project={**facts.project, "id": "P2024-001"}))
    assert "项目编号：P2024-001" in str(render_layout(result, indicator_set, "markdown", "scoresheet"))
    assert "<dt>项目编号</dt><dd>P2024-001</dd>" in str(render_layout(result, indicator_set, "html", "scoresheet"))
    book = openpyxl.load_workbook(io.BytesIO(_as_bytes(render_layout(result, indicator_set, "xlsx", "scoresheet"))))
    cells = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    assert ["项目编号", "P2024-001"] in [row[:2] for row in cells] and not [row for row in cells if row[:1] == ["id"]]


def test_a_project_detail_given_as_a_number_is_a_number_in_the_workbook() -> None:
    """QA340 F4: the 事实与来源 sheet wrote year: 2024 and "+k": 5 as text cells (Excel's green corner, no sum); they
    are numbers there as the facts are, a key that starts with + still text, and text stays text."""
    import openpyxl

    from scoring_engine import Facts

    facts = load_facts(ROOT / "examples" / "small" / "facts.json")
    indicator_set = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    project = {"name": "2024", "year": 2024, "+k": 5, "share": Decimal("0.25")}
    book = openpyxl.load_workbook(io.BytesIO(_as_bytes(render(score(indicator_set, Facts(values=facts.values,
                                                                                          project=project)), "xlsx"))))
    rows = {row[0].value: row[1] for row in book["事实与来源"].iter_rows(max_row=6)}
    assert [("s", "2024"), ("n", 2024), ("n", 5), ("n", 0.25)] == \
        [(rows[k].data_type, rows[k].value) for k in ("项目名称", "年度", "+k", "share")], rows
    assert "s" == next(row[0] for row in book["事实与来源"].iter_rows(max_row=6) if row[0].value == "+k").data_type


def test_a_small_fact_shows_its_decimals_in_the_workbook_not_an_exponent() -> None:
    """QA86 F4: a fact of 0.0000003 was written with Excel's General format, which shows 3E-07 where the html and
    Markdown reports print 0.0000003; such a number gets a format that shows its decimals, and stays a number."""
    import openpyxl

    indicator_set = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    facts = load_facts(ROOT / "examples" / "small" / "facts.json")
    tiny = dataclasses.replace(facts, values={**facts.values, "budget": {**facts.values["budget"], "paid": Decimal("0.0000003")}})
    book = openpyxl.load_workbook(io.BytesIO(render(score(indicator_set, tiny), "xlsx")))
    [cell] = [c for row in book["事实与来源"].iter_rows() for c in row if c.value == 3e-07]
    assert "0.0000000" == cell.number_format


_JUST_UNDER_THE_LINE = """\
id: just-under
name: 线下一点
version: "1"
total: 100
precision: 3
facts:
  a: {type: number, min: 0, max: 100000}
""" + NATIONAL_GRADES + """\
indicators:
  - id: output
    name: 产出指标
    weight: 40
    children:
      - {id: output.done, name: 完成率, weight: 40, rule: {kind: formula, rate: "a / 100000"}}
  - {id: rest, name: 效益指标, weight: 60, rule: {kind: formula, rate: "1"}}
"""


def test_a_score_rate_just_under_a_line_is_not_rounded_up_onto_it(tmp_path: Path) -> None:
    """QA86 F2: 89.999 of 100 showed 得分率 90.00% beside 良, and 29.999 of 40 showed 75.00%: like 预算执行率, a 得分率 is
    never rounded up onto a round figure it falls short of, in every report and in the batch."""
    import openpyxl

    (tmp_path / "set.yaml").write_text(_JUST_UNDER_THE_LINE, encoding="utf-8")
    (tmp_path / "p.json").write_text('{"project": {"name": "P"}, "facts": {"a": 74997.5}}', encoding="utf-8")
    runner = CliRunner()
    for form in ("csv", "markdown", "html"):
        ran = runner.invoke(main, ["score", str(tmp_path / "p.json"), "--set", str(tmp_path / "set.yaml"), "--format", form,
                                   "--layout", "scoresheet"])
        assert 0 == ran.exit_code and "89.99%" in ran.output and "74.99%" in ran.output, ran.output
        assert "90.00%" not in ran.output and "75.00%" not in ran.output
    xlsx = runner.invoke(main, ["score", str(tmp_path / "p.json"), "--set", str(tmp_path / "set.yaml"), "-o",
                                str(tmp_path / "p.xlsx")])
    assert 0 == xlsx.exit_code
    assert [Decimal("0.7499"), Decimal("1"), Decimal("0.8999")] == [Decimal(str(row[3])) for row in openpyxl.load_workbook(
        tmp_path / "p.xlsx").worksheets[1].iter_rows(min_row=2, values_only=True)]
    batch = runner.invoke(main, ["batch", str(tmp_path / "p.json"), "--set", str(tmp_path / "set.yaml"), "--quiet",
                                 "-o", str(tmp_path / "b.csv")])
    assert 0 == batch.exit_code, batch.output
    summary = (tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    assert "74.99%" in summary and "75.00%" not in summary, summary


OVER_TARGET = """
id: t
name: t
version: '1'
total: 20
grades: [{label: 合格, min: 0}]
reasons: {linear.partial: '超期{shortfall}个月，得{score}分'}
facts:
  v: {type: number}
  late: {type: integer}
indicators:
  - {id: a, name: 甲, weight: 10, rule: {kind: proportional, value: v, target: 100, over_target: {above: 0.2, per: 0.1,
     share_each: 0.1}}}
  - {id: b, name: 乙, weight: 10, rule: {kind: linear, value: late, target: 0, direction: lower_is_better, points_each: 1}}
"""


def test_a_reduction_the_reason_names_is_not_appended_again_in_the_scoresheet() -> None:
    """QA118 F4: the 评分表 appended '：差25（扣6分）' to '…应扣6分，得0.00分' (a linear rule's deduction, named by the set's
    template) and '：完成值偏离指标值36.00%，按偏离度调减（扣1.6分）' to '…按偏离度调减1.6分…'; 扣分明细 listed only '差25（扣6分）'.
    A rule's own reduction that its reason states is not appended; one a set's template leaves unsaid still is."""
    from scoring_engine import parse_indicator_set

    channel = result_for(ROOT / "examples" / "channel-restoration" / "facts.json")
    assert "实际工期超出计划25个月，每超期1个月扣1分，扣6分，扣完为止，得0.00分 |" in render_markdown(channel)
    html = str(render(channel, "html"))
    assert "差25" not in html and "<li>实际工期超出计划25个月，每超期1个月扣1分，扣6分，扣完为止，得0.00分</li>" in html
    result = score(parse_indicator_set(OVER_TARGET), {"v": 136, "late": 3})
    rows = {row.path[-1].name: row.reason for row in score_table(result).rows if row.path}
    assert rows["甲"].endswith("（超过20.00%的部分每10.00%扣分值的10.00%），得8.40分")
    assert "超期3个月，得7.00分：差3（扣3分）" == rows["乙"]  # the set's template does not say the 3 points


PER_POINT = ("id: t\nname: t\nversion: '1'\nprecision: 1\ngrades: [{label: 合格, min: 0}]\nfacts:\n  mqi: {type: number}\n"
             "indicators:\n  - {id: q, name: 路况技术指数, weight: 100, rule: {kind: linear, value: mqi, target: 80, per: 1, "
             "points_each: 0.5}}\n")


def test_a_linear_deduction_settled_at_the_sets_precision_is_not_said_again_with_other_figures() -> None:
    """QA271 F2: at precision 1 the 评分表 cell read '…相差3.65，…计3.65个单位扣1.825分，得98.2分：差3.7（扣1.8分）', one gap
    and one deduction in the sentence and others in the list after it. The reason names the deduction with the decimals
    that make units × points hold, and the list's figure only as its rounding ('，得分四舍五入后计扣1.8分': QA309 3); the
    deduction itself says the gap as the reason does."""
    from scoring_engine import parse_indicator_set

    result = score(parse_indicator_set(PER_POINT), {"mqi": Decimal("76.35")})
    (row,) = [row for row in score_table(result).rows if row.path]
    assert "76.35与目标80相差3.65，每1扣0.5分，计3.65个单位扣1.825分，得分四舍五入后计扣1.8分，得98.2分" == row.reason
    assert [(Decimal("1.8"), "差3.65")] == [(d.points, d.reason) for d in result.indicator("q").deductions]


def _wide_set(groups: dict[str, int]) -> Any:
    """A set of one 一级 per key with that many 二级, each scoring 1 of 1 from the fact x."""
    from portfolio import wide_set_yaml
    from scoring_engine import parse_indicator_set

    return parse_indicator_set(wide_set_yaml(groups))


def test_a_chart_taller_than_a_page_is_drawn_in_pieces_that_each_fit_on_a_printed_page() -> None:
    """QA176 F5: a chart of 50 二级 was one <svg> taller than an A4 page with break-inside: avoid: printed, the page after
    the title held only the heading 得分概览, and the chart began on the next page and was still sliced across pages. A
    tall chart is now several <svg> of one width, each short enough to print whole, cut between 一级 groups where a group
    fits in a piece (between rows where one does not), with the legend and the chart's title on the first; every bar is
    drawn once, in the set's order. A chart that fits is one <svg>, as before."""
    from scoring_engine.reports.chart import score_chart

    result = score(_wide_set({"a": 40, "b": 5, "c": 12}), {})
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", score_chart(result), re.S)
    assert len(svgs) > 2
    heights = [float(re.search(r' height="([\d.]+)"', s).group(1)) for s in svgs]  # type: ignore[union-attr]
    assert all(h <= 1000 / 2 for h in heights), heights  # half an A4 page's content (1017 px): little is left blank
    assert 1 == len({re.search(r' width="([\d.]+)"', s).group(1) for s in svgs})  # type: ignore[union-attr]
    bars = [re.findall(r'data-indicator="([^"]+)"', s) for s in svgs]
    assert [n.id for n in result.walk() if n.level <= 2] == [i for piece in bars for i in piece]
    assert ["b", "b0", "b1", "b2", "b3", "b4"] in bars and any(piece[0] == "c" for piece in bars)  # whole groups, each first
    assert ['class="legend"' in s for s in svgs] == [True] + [False] * (len(svgs) - 1)
    assert 1 == render(result, "html").count('id="chart-title"')
    assert 1 == render(result_for(SMALL), "html").count("<svg")


def test_a_very_long_indicator_name_leaves_the_chart_readable() -> None:
    """QA340 F7: one name of 280 characters made the chart 4,457 px wide, its bars a sliver once scaled to the page: a
    name is drawn at most CHART_LABEL_COLUMNS wide, cut with …, its whole name in the bar's <title>."""
    from scoring_engine import parse_indicator_set
    from scoring_engine.reports.chart import score_chart

    name = "很长的指标名称" * 40
    indicator_set = parse_indicator_set(
        "id: t\nname: t\nversion: '1'\ngrades: [{label: 合格, min: 0}]\ntotal: 20\nindicators:\n"
        f"  - {{id: a, name: {name}, weight: 10, rule: {{kind: formula, score: 5}}}}\n"
        "  - {id: b, name: 短<名>, weight: 10, rule: {kind: formula, score: 10}}\n")
    chart = score_chart(score(indicator_set, {}))
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', chart).group(1))  # type: ignore[union-attr]
    assert width < 900, width
    assert f"<title>{name}：得分 5.00 / 10</title>" in chart and "很长的指标名称很长的指标名称很长的指标…</text>" in chart
    assert ">短&lt;名&gt;</text>" in chart
    assert chart == score_chart(score(indicator_set, {}))


def test_the_facts_table_gives_the_values_the_widest_column_and_a_project_label_never_wraps():
    """QA180 F3/F9: the facts table gave 事实 34% and 值 28%, leaving 38% to 名称 (short ids), so a long row list
    wrapped to some 14 lines a cell (henan-special-bond-operation printed on 4 A4 pages, 3 before); and a project label
    wrapped mid-word beside a long value (项目名/称：). 值 is now the widest column, and a label stays on one line."""
    import re

    from scoring_engine.reports.html_page import _CSS

    widths = {int(n): int(w) for n, w in re.findall(r"table\.facts th:nth-child\((\d)\) \{ width: (\d+)%; \}", _CSS)}
    value, fact = widths[2], widths[1]
    assert value >= 50 and value > fact > 100 - value - fact - 5  # 值, then 事实, then 名称 (ids, wrapped anywhere)
    assert "dl.project dt { white-space: nowrap; }" in _CSS


def test_a_projects_note_is_called_by_its_chinese_name_in_the_report_header() -> None:
    """The bundled sets' example facts give project.note, which the scoresheet's header showed as 'note：…' beside
    评价类型 (QA263 F7): it is 备注."""
    from scoring_engine.render import render_markdown as markdown

    text = markdown(result_for(ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json"))
    assert "备注：cost-type-self-evaluation.cases.yaml" in text and "note：" not in text
