"""The 自评表 as Markdown and CSV, which merge no cells: a 二级 leaf after a 二级 group shows — in its 二级 cell, not an
empty cell that reads as the group above again (QA340 F5); the xlsx, which merges, and reading it back are unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from scoring_engine import parse_indicator_set, score
from scoring_engine.reports.layouts import render_layout

SET = """
id: groups
name: 分组
version: '1'
facts:
  r: {type: number}
grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]
indicators:
  - id: A
    name: 产出
    weight: 100
    children:
      - id: g
        name: 数量指标
        weight: 60
        children:
          - {id: g1, name: 甲, weight: 30, rule: {kind: formula, score: 30}}
          - {id: g2, name: 乙, weight: 30, rule: {kind: formula, score: 30}}
      - {id: own, name: 质量达标率, weight: 40, rule: {kind: formula, score: 40}}
"""


def _rows(fmt: str) -> list[list[str]]:
    indicator_set = parse_indicator_set(SET)
    text = str(render_layout(score(indicator_set, {"r": 1}), indicator_set, fmt, "selfeval"))
    if fmt == "csv":
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("|")]


def test_a_level_two_leaf_after_a_group_is_not_read_as_that_group_in_markdown_or_csv() -> None:
    for fmt in ("markdown", "csv"):
        rows = _rows(fmt)
        [first] = [r for r in rows if "甲" in r]
        [second] = [r for r in rows if "乙" in r]
        [own] = [r for r in rows if "质量达标率" in r]
        at = first.index("数量指标")
        assert ("", "—") == (second[at], own[at]), (fmt, second, own)
        assert own.index("质量达标率") == at + 1, own


def test_the_workbook_form_with_such_a_leaf_reads_back_as_scored(tmp_path: Path) -> None:
    from scoring_engine.forms.reader import read_form

    indicator_set = parse_indicator_set(SET)
    book = render_layout(score(indicator_set, {"r": 1}), indicator_set, "xlsx", "selfeval")
    path = tmp_path / "form.xlsx"
    path.write_bytes(book if isinstance(book, bytes) else book.encode())
    import openpyxl

    ws = openpyxl.load_workbook(path).worksheets[0]
    assert "—" not in [c.value for row in ws.iter_rows() for c in row]
    read = read_form(path, indicator_set)
    assert score(indicator_set, read.facts).total == score(indicator_set, {"r": 1}).total
