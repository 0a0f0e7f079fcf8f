"""`batch --output NAME.docx`: the draft of a 部门项目支出绩效自评总结报告, as a 主管部门 edits it in Word or WPS.

Its sections in order, its title led by the 主管部门, the figures the terminal and 统计 give, the long lists bounded and
saying where the rest is, names that would break the XML, a batch where nothing scored, and the same bytes every run.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docx_text import docx_paragraphs, docx_styled, docx_tables
from portfolio import beside_the_set, projects
from scoring_engine.cli import main


def _folder(tmp_path: Path, count: int, **project: Any) -> Path:
    """`count` generated projects of the small set, each a facts file; `project` overrides their details."""
    folder = tmp_path / "projects"
    beside_the_set(folder)
    for document in projects(count, seed=11):
        document["project"].update(project)
        (folder / f"{document['project']['id']}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return folder


def _batch(*args: str) -> Any:
    return CliRunner().invoke(main, ["batch", "--quiet", *args])


def test_the_report_has_the_sections_of_a_summary_report_in_order(tmp_path: Path):
    """一、绩效自评工作开展情况 (scope, funds), 二、绩效自评结果及分析 (overall, indicators, rankings, 需说明), 三、结果应用 when the set
    has consequences, the title led by the one 主管部门 every project names."""
    folder = _folder(tmp_path, 30, department="市民政局")
    run = _batch(str(folder), "--lang", "zh", "--output", str(tmp_path / "报告.docx"))
    assert run.exit_code == 0, run.output
    styled = docx_styled((tmp_path / "报告.docx").read_bytes())
    assert ("Title", "市民政局项目支出绩效自评总结报告") == styled[0]
    headings = [text for style, text in styled if style.startswith("Heading")]
    assert ["一、绩效自评工作开展情况", "（一）自评范围", "（二）预算执行情况", "二、绩效自评结果及分析", "（一）总体情况",
            "（二）指标得分情况", "（三）单位和主管部门排名", "（四）项目得分情况", "（五）需说明的项目"] == headings
    text = "\n".join(t for _, t in styled)
    assert "本批次共汇总30个项目（2024年度）的自评材料，涉及20个实施单位、1个主管部门。全部项目均已按指标体系评分。" in text
    funds = next(line for line in run.stdout.splitlines() if line.startswith("预算执行："))
    assert funds.removeprefix("预算执行：") + "。" in text  # the terminal's figures, word for word


def test_the_report_lists_what_must_be_explained_and_bounds_long_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every project to explain up to the bound, with all its items, then where the others are; past the bound, those
    of lowest 得分率 (the ones a 主管部门 answers for first), in input order; the ten best and worst of a long batch."""
    from openpyxl import load_workbook

    from scoring_engine.reports import batch_docx

    monkeypatch.setattr(batch_docx, "SHOWN_EXPLAIN", 3)
    folder = _folder(tmp_path, 40)
    run = _batch(str(folder), "--lang", "zh", "--jobs", "1", "--output", str(tmp_path / "r.docx"), "--output", str(tmp_path / "r.xlsx"))
    assert run.exit_code == 0, run.output
    data = (tmp_path / "r.docx").read_bytes()
    explain = next(t for t in docx_tables(data) if t[0][-1] == "需说明事项")
    assert 1 + 3 == len(explain)
    flagged = int(run.stdout.split("需说明")[1].split("\n")[0])
    text = "\n".join(docx_paragraphs(data))
    assert f"共{flagged}个项目需说明原因并提出整改措施" in text
    assert f"以上按序号列出得分率最低的3个，其余{flagged - 3}个见工作簿 r.xlsx 的“需说明”表。" in text  # the workbook of the same run
    assert ["序号", "项目名称", "实施单位", "总分", "等级", "需说明事项"] == explain[0]  # a row a project, its items a line each
    book = load_workbook(tmp_path / "r.xlsx", read_only=True)
    totals = sorted({(Decimal(str(row[4])), row[0]) for row in book["需说明"].iter_rows(min_row=2, values_only=True)})
    assert [str(n) for _, n in sorted(totals[:3], key=lambda kept: kept[1])] == [row[0] for row in explain[1:]]  # the lowest
    items = [row for row in book["需说明"].iter_rows(min_row=2, values_only=True) if row[0] == int(explain[1][0])]
    assert "\n".join(row[-1] for row in items) == explain[1][-1]
    assert "得分最高的项目：" in text and "得分最低的项目：" in text


def test_names_that_would_break_the_document_are_written_as_text(tmp_path: Path):
    """A project or unit name holding markup, an ampersand or a hidden character gives a well-formed document that shows
    the name as typed (the hidden character as its escape, as every output shows it)."""
    folder = _folder(tmp_path, 3, unit="<b>第一&二</b>单位\u200b", department="局]]>")
    run = _batch(str(folder), "--output", str(tmp_path / "r.docx"))
    assert run.exit_code == 0, run.output
    tables = docx_tables((tmp_path / "r.docx").read_bytes())
    ranking = next(t for t in tables if t[0][:2] == ["名次", "实施单位"])
    assert ["1", "<b>第一&二</b>单位\\u200b", "局]]>"] == ranking[1][:3]


def test_a_batch_where_nothing_scored_says_so_and_lists_each_failure(tmp_path: Path):
    """No figures to state: the report says so and lists each file that could not be scored; the exit code is 1."""
    folder = tmp_path / "坏"
    folder.mkdir()
    (folder / "a.json").write_text('{"facts": ', encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"indicator_set": "national-framework", "facts": {}}), encoding="utf-8")
    run = _batch(str(folder), "--output", str(tmp_path / "r.docx"))
    assert run.exit_code == 1
    data = (tmp_path / "r.docx").read_bytes()
    assert "本批次没有项目评分成功，无法统计。" in docx_paragraphs(data)
    failed = docx_tables(data)[-1]
    assert ["序号", "来源", "问题"] == failed[0]  # no name, unit or 主管部门 could be read: those columns are left out
    assert [str(folder / "a.json"), str(folder / "b.json")] == [row[1] for row in failed[1:]]


def test_a_recheck_is_stated_in_the_scope_and_its_flags_are_to_explain(tmp_path: Path):
    """With --compare-with, the first section states the re-check as the terminal does (compared, flagged, mean
    difference)."""
    folder = _folder(tmp_path, 5)
    recheck = tmp_path / "复核"
    beside_the_set(recheck)
    for path in sorted(folder.glob("P*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        document["facts"]["budget"]["paid"] = 100  # the re-checker found less paid
        (recheck / path.name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = _batch(str(folder), "--lang", "zh", "--compare-with", str(recheck), "--output", str(tmp_path / "r.docx"))
    styled = docx_styled((tmp_path / "r.docx").read_bytes())
    assert ("Heading2", "（三）抽查复核情况") in styled
    compared = next(line for line in run.stdout.splitlines() if line.startswith("与复核对比"))
    count, flagged, difference = re.fullmatch(r"与复核对比(\d+)个，标记(\d+)个，平均总分差(-?[\d.]+)", compared).groups()
    text = "\n".join(t for _, t in styled)
    assert f"抽查复核{count}个项目，其中{flagged}个自评与复核差异较大" in text
    assert f"自评总分平均比复核高{difference}分。" in text  # the re-checker found less paid: the self-scores run high
    assert "和复核标记" in text
    flagged_table = next(t for t in docx_tables((tmp_path / "r.docx").read_bytes()) if t[0][-1] == "对比标记")
    assert int(flagged) == len(flagged_table) - 1


def test_the_report_is_the_same_bytes_every_run_and_a_valid_package(tmp_path: Path):
    """Nothing dated: two runs give the same bytes; the package holds the parts Word reads, each well-formed XML."""
    folder = _folder(tmp_path, 12)
    for name in ("a.docx", "b.docx"):
        assert _batch(str(folder), "--jobs", "2" if name == "a.docx" else "1", "--output", str(tmp_path / name)).exit_code == 0
    data = (tmp_path / "a.docx").read_bytes()
    assert data == (tmp_path / "b.docx").read_bytes()
    from xml.etree import ElementTree

    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/footer1.xml", "word/document.xml"] == archive.namelist()
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))


def test_a_report_written_alone_says_how_to_see_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """With no workbook written in the same run, a list cut at its bound says how to write one, as the terminal does,
    rather than send the reader to a workbook that does not exist."""
    from scoring_engine.reports import batch_docx

    monkeypatch.setattr(batch_docx, "SHOWN_FAILED", 1)
    folder = tmp_path / "坏"
    folder.mkdir()
    for name in ("a.json", "b.json", "c.json"):
        (folder / name).write_text('{"facts": ', encoding="utf-8")
    assert _batch(str(folder), "--jobs", "1", "--output", str(tmp_path / "r.docx")).exit_code == 1
    text = "\n".join(docx_paragraphs((tmp_path / "r.docx").read_bytes()))
    assert "以上列出前1个，其余2个加 --output 文件名.xlsx 再次运行，可在工作簿的“问题”表中看到全部。" in text
    assert "这些项目的材料均未能评分（见附表）" in text and "需说明的项目" not in text  # nothing was judged


def test_consequences_are_stated_per_grade_for_the_batch_and_each_department(tmp_path: Path):
    """结果应用: a sentence per grade, its projects the subject; the table holds the batch's and each 主管部门's rows, and
    says where each unit's are."""
    from portfolio import ROOT

    base = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    folder = tmp_path / "projects"
    folder.mkdir()
    for n, (unit, department) in enumerate([("一中", "教育局"), ("二中", "教育局"), ("医院", "卫健委")]):
        base["project"].update(id=f"P{n}", unit=unit, department=department)
        (folder / f"P{n}.json").write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    run = _batch(str(folder), "--lang", "zh", "--output", str(tmp_path / "r.docx"), "--output", str(tmp_path / "r.xlsx"))
    assert run.exit_code == 0, run.output
    data = (tmp_path / "r.docx").read_bytes()
    text = "\n".join(docx_paragraphs(data))
    assert "评价等级为优的3个项目，下一年度预算优先保障，涉及预算300.00万元。" in text
    table = next(t for t in docx_tables(data) if t[0][:2] == ["范围", "名称"])
    assert ["全部项目", "主管部门", "主管部门"] == [row[0] for row in table[1:] if row[2] == "优"]
    assert "各实施单位的结果应用见工作簿 r.xlsx 的“结果应用”表。" in text


def test_a_typed_total_that_differs_is_stated_in_the_scope(tmp_path: Path):
    """Forms whose 总分 the unit typed otherwise than computed are counted in （一）自评范围, as the terminal counts them:
    a self-score's quality is what the 主管部门 answers for."""
    from test_batch_forms import HOUSING, _cell, _edit, _form

    folder = tmp_path / "forms"
    folder.mkdir()
    for n, typed in enumerate([99, None]):
        form = _form(HOUSING, folder / f"f{n}.xlsx")
        if typed is not None:
            def change(book: Any, typed: int = typed) -> None:
                sheet = book.worksheets[0]
                row, col = _cell(sheet, "总分")
                [c for c in sheet[row] if isinstance(c.value, (int, float)) and c.column > col][-1].value = typed
            _edit(form, change)
    run = _batch(str(folder), "--lang", "zh", "--output", str(tmp_path / "r.docx"))
    said = next(line for line in run.stdout.splitlines() if line.startswith("表上填写了总分的"))
    assert said.split("（汇总")[0] + "。" in docx_paragraphs((tmp_path / "r.docx").read_bytes())
