"""`scoring-engine batch` on a generated portfolio of 2,000 projects and a few broken ones, as a finance bureau runs it.

The batch runs twice, with --jobs 1 and --jobs 2, writing every output; the
tests compare the outputs with each other, with single-project scoring, and
reopen them (openpyxl for the workbook, headless Chromium for the page).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from browser import Chromium
from conftest import ROOT
from portfolio import SMALL_SET, write_folder, write_jsonl
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.reports.batch_xlsx import SHEETS
from scoring_engine.reports.csv_text import BOM

PROJECTS = 2000
OUTPUTS = ("summary.xlsx", "summary.csv", "summary.jsonl", "summary.html", "summary.docx")
RESULT_SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))


def _broken(folder: Path) -> dict[str, str]:
    """The broken documents, by the file (or JSONL line) that holds each, with words its error line must contain."""
    good = json.loads(next(folder.rglob("*.json")).read_text(encoding="utf-8"))
    broken = folder / "有问题的项目"
    broken.mkdir()
    (broken / "语法错误.json").write_text('{"facts": {"budget": ', encoding="utf-8")
    missing = json.loads(json.dumps(good))
    del missing["facts"]["budget"]["paid"]
    (broken / "缺少事实.json").write_text(json.dumps(missing, ensure_ascii=False), encoding="utf-8")
    few = json.loads(json.dumps(good))
    few["facts"]["survey"].update(very_satisfied=5, satisfied=5, neutral=5, dissatisfied=0, very_dissatisfied=0)
    (broken / "样本不足.json").write_text(json.dumps(few, ensure_ascii=False), encoding="utf-8")
    jsonl = broken / "补报.jsonl"
    write_jsonl(jsonl, 3, seed=7)
    with jsonl.open("a", encoding="utf-8") as out:
        out.write('{"facts": 1}\n')
    return {str(broken / "语法错误.json"): "JSON syntax", str(broken / "缺少事实.json"): "budget.paid",
            str(broken / "样本不足.json"): "满意度调查有效样本少于30份", f"{jsonl}:4": "facts must be"}


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The portfolio scored with --jobs 1 and --jobs 2: the folder, the broken files, each run's exit code, output and files."""
    folder = tmp_path_factory.mktemp("portfolio")
    files = write_folder(folder / "单位", PROJECTS)
    (folder / "单位" / "set.yaml").write_text(SMALL_SET.read_text(encoding="utf-8"), encoding="utf-8")  # a set in the folder: skipped
    (folder / "单位" / "set.cases.yaml").write_text("cases: []\n", encoding="utf-8")  # a case file: skipped
    broken = _broken(folder)
    runs = {}
    for jobs in (1, 2):
        out = tmp_path_factory.mktemp(f"jobs{jobs}")
        args = ["batch", str(folder), "--jobs", str(jobs)] + [arg for name in OUTPUTS for arg in ("--output", str(out / name))]
        run = CliRunner().invoke(main, args)
        runs[jobs] = {"code": run.exit_code, "stdout": run.stdout, "stderr": run.stderr,
                      "files": {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}}
    return {"folder": folder, "files": files, "broken": broken, "runs": runs}


@pytest.fixture(scope="module")
def book(portfolio: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The --jobs 1 workbook reopened with openpyxl: each sheet's rows as values, by sheet name in order."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(portfolio["runs"][1]["files"]["summary.xlsx"]), read_only=True)
    sheets = {ws.title: list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets}
    workbook.close()
    return sheets


def _sheet_rows(book: dict[str, list[tuple[Any, ...]]], name: str) -> list[dict[str, Any]]:
    rows = book[name]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_batch_exits_1_and_writes_every_output(portfolio: dict[str, Any]):
    """Some projects failed, so the exit code is 1; every output is written all the same, and stdout summarises."""
    for jobs, run in portfolio["runs"].items():
        assert 1 == run["code"], run["stderr"]
        assert set(OUTPUTS) == set(run["files"]), jobs
        assert f"{PROJECTS + 3 + 4} projects: {PROJECTS + 3} scored, 4 failed" in run["stdout"]


def test_outputs_are_byte_identical_for_one_and_two_jobs(portfolio: dict[str, Any]):
    """--jobs 2 gives the same bytes as --jobs 1 in every output: order is input order, whatever the workers do."""
    one, two = portfolio["runs"][1]["files"], portfolio["runs"][2]["files"]
    for name in OUTPUTS:
        assert one[name] == two[name], name


def test_each_broken_project_is_one_problem_row_naming_its_file(portfolio: dict[str, Any], book: dict[str, Any]):
    """The 问题 sheet has exactly one row per broken project, naming its file (or JSONL line) and why it failed, in
    Chinese as every sheet is (the run itself speaks English: its error lines on stderr are English)."""
    problems = _sheet_rows(book, "问题")
    assert sorted(portfolio["broken"]) == sorted(row["来源"] for row in problems)
    in_chinese = {"JSON syntax": "JSON 语法错误", "facts must be": "facts 应为一组“名称: 值”"}
    for row in problems:
        words = portfolio["broken"][row["来源"]]
        assert in_chinese.get(words, words) in row["问题"], row
        assert "本批" == row["批次"]
    assert all(line.startswith("error: ") for line in portfolio["runs"][1]["stderr"].splitlines()[:4])


def test_totals_equal_single_project_scoring(portfolio: dict[str, Any], book: dict[str, Any]):
    """Every project's total and grade in 汇总 are what scoring it alone gives (score(), and `scoring-engine score` on a sample)."""
    summary = {row["来源"]: row for row in _sheet_rows(book, "汇总")}
    indicator_set = load_indicator_set(SMALL_SET)
    for path in portfolio["files"]:
        alone = score(indicator_set, load_facts(path))
        row = summary[str(path)]
        assert alone.total == Decimal(str(row["总分"])), path
        assert alone.grade == row["等级"], path
    for path in portfolio["files"][::400]:
        printed = CliRunner().invoke(main, ["score", str(path)]).stdout
        assert f"总分 {Decimal(str(summary[str(path)]['总分'])):.2f} / 100    等级 {summary[str(path)]['等级']}" in printed


def test_the_workbook_reopens_with_every_sheet(book: dict[str, Any]):
    """openpyxl reopens the workbook: the five sheets and 提示 (the portfolio's projects warn), a 汇总 row per scored
    project, a 指标明细 row per indicator, 统计 figures, a 提示 row for each of 汇总's 提示数 (QA79 F2)."""
    assert [*SHEETS, "提示"] == list(book)
    summary = _sheet_rows(book, "汇总")
    assert sum(row["提示数"] for row in summary) == len(_sheet_rows(book, "提示"))
    assert PROJECTS + 3 == len(summary)
    assert ["预算数（万元）", "执行数（万元）", "预算执行率（指标体系口径）", "决策得分", "决策得分率"] == list(summary[0])[10:15]
    assert {2024} == {row["年度"] for row in summary}  # a number, so that the sheet sorts and filters by year
    details = _sheet_rows(book, "指标明细")
    indicators = sum(1 for _ in load_indicator_set(SMALL_SET).walk())
    assert (PROJECTS + 3) * indicators == len(details)
    first = [d for d in details if d["序号"] == summary[0]["序号"]]
    assert sum(Decimal(str(d["得分"])) for d in first if d["级次"] == 1) == Decimal(str(summary[0]["总分"]))
    figures = {row[0]: row[1] for row in book["统计"] if len(row) > 1}
    assert PROJECTS + 7 == figures["输入文档"] and 4 == figures["评分失败"]


def test_projects_to_explain_follow_the_default_rule(book: dict[str, Any]):
    """The small set declares no explain_when: a project is on 需说明 when its grade is 中 or 差 or its 预算执行率 is under 90%."""
    explain = _sheet_rows(book, "需说明")
    flagged = {row["来源"] for row in explain}
    summary = _sheet_rows(book, "汇总")
    expected = {row["来源"] for row in summary if row["等级"] in ("中", "差") or "预算执行率" in (row["需说明"] or "")}
    assert expected == flagged
    assert any("预算执行率" in row["需说明事项"] for row in explain)


def test_the_summary_report_states_the_workbooks_figures(portfolio: dict[str, Any], book: dict[str, Any]):
    """The 自评总结报告 drafted as .docx states what 统计 counts (projects, failures, each grade, the units ranked) and
    lists each project that could not be scored, by its file."""
    from docx_text import docx_paragraphs, docx_tables

    data = portfolio["runs"][1]["files"]["summary.docx"]
    text = "\n".join(docx_paragraphs(data))
    figures = {row[0]: row[1] for row in book["统计"] if len(row) > 1}
    assert f"本批次共汇总{figures['输入文档']}个项目（2024年度）的自评材料，涉及20个实施单位、5个主管部门。" in text
    assert f"其中{figures['已评分']}个项目已按指标体系评分，{figures['评分失败']}个项目的材料未能评分（见附表）。" in text
    tables = docx_tables(data)
    grades = next(t for t in tables if t[0][:3] == ["等级", "项目数", "占比"])
    at = next(n for n, row in enumerate(book["统计"]) if row[:3] == ("等级", "项目数", "占比"))
    assert [row[:2] for row in grades[1:]] == [[g, str(c)] for g, c, *_ in book["统计"][at + 1:at + 1 + len(grades) - 1]]
    failed = next(t for t in tables if t[0][:2] == ["序号", "来源"] and t[0][-1] == "问题")
    assert sorted(portfolio["broken"]) == sorted(row[1] for row in failed[1:])


def test_the_csv_is_the_summary_sheet_with_a_bom(portfolio: dict[str, Any], book: dict[str, Any]):
    """The CSV starts with a BOM and holds the 汇总 sheet's header and rows, numbers as printed."""
    text = portfolio["runs"][1]["files"]["summary.csv"].decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[len(BOM):])))
    sheet = book["汇总"]
    assert list(sheet[0]) == rows[0]
    assert len(sheet) == len(rows)
    assert f"{Decimal(str(sheet[1][8])):.2f}" == rows[1][8]


def test_the_jsonl_has_a_line_per_document_in_input_order(portfolio: dict[str, Any]):
    """One line per document, in input order: full result documents (valid per the schema) or the problems with their fields."""
    lines = [json.loads(line) for line in portfolio["runs"][1]["files"]["summary.jsonl"].decode("utf-8").splitlines()]
    assert list(range(PROJECTS + 7)) == [line["index"] for line in lines]
    failed = [line for line in lines if "problems" in line]
    assert sorted(portfolio["broken"]) == sorted(line["source"] for line in failed)
    assert all(p["message"] for line in failed for p in line["problems"])
    validator = jsonschema.Draft202012Validator(RESULT_SCHEMA)
    for line in lines[::250]:
        if "result" in line:
            validator.validate(line["result"])


def test_the_page_loads_in_a_browser_without_errors_or_requests(portfolio: dict[str, Any], book: dict[str, Any], chromium: Chromium,
                                                               tmp_path: Path):
    """Headless Chromium opens the summary page with no console error and no request; its charts and lists are there."""
    page_file = tmp_path / "summary.html"
    page_file.write_bytes(portfolio["runs"][1]["files"]["summary.html"])
    page = chromium.open(page_file.as_uri())
    assert [] == page.requests()
    assert [] == page.errors()
    dom = json.loads(page.evaluate("""JSON.stringify({
        grades: Array.from(document.querySelectorAll('svg.grade-chart g.grade')).map(g => g.dataset.grade),
        bins: Array.from(document.querySelectorAll('svg.histogram g.bin')).map(g => Number(g.dataset.count)),
        rates: document.querySelectorAll('svg.rate-chart g.rate').length,
        explain: document.querySelectorAll('table.explain tbody tr').length,
        problems: Array.from(document.querySelectorAll('table.problems tbody tr td:nth-child(2)')).map(td => td.textContent),
        ranked: document.querySelectorAll('table.ranking tbody tr').length,
    })"""))
    assert ["优", "良", "中", "差"] == dom["grades"]
    assert PROJECTS + 3 == sum(dom["bins"])
    assert dom["rates"] >= 4
    assert sorted(portfolio["broken"]) == sorted(dom["problems"])
    assert len(_sheet_rows(book, "需说明")) == dom["explain"]
    assert 20 + 5 == dom["ranked"]  # the 20 units, then their 5 主管部门
