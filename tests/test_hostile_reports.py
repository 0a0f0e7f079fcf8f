"""Hostile text reaches every report inert: tests/hostile/reports.py's corpus rendered in every format and read back.

Each case writes its hostile text into every text of a real Result (names,
ids, reasons, standards, findings, warnings, facts, derived values, the set's
name, the grade, project keys and values) and renders it in every format in a
bounded child process. The outputs are then parsed as their readers parse
them -- Markdown as CommonMark with GFM tables, the HTML page, the CSV, the
workbook reopened by openpyxl, the JSON -- and must show the text as written,
with hidden characters as escapes, and nothing else: no forged row, heading,
link, image, tag, formula, unreadable workbook or Python repr.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hostile.bounded import Outcome, run_bounded
from hostile.reports import (
    CLASSES,
    MARKDOWN,
    TextCase,
    example_result,
    markdown_violations_of_cell,
    poisoned,
    render_all,
    text_cases,
    violations,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine._display import show_value
from scoring_engine._text import is_hidden, one_line, visible
from scoring_engine.cli import main
from scoring_engine.render import RENDERERS, render_xlsx
from scoring_engine.reports.xlsx import CUT_MARK, SCORE_SHEET, XLSX_CELL_CHARACTERS

CPU_SECONDS = 2.0
PEAK_MB = 80
CASES = text_cases()
BASE = example_result()
ORDINARY = render_all(BASE)  # also imports every renderer's modules once, before the children fork


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case rendered once in every format, each in its own bounded child."""
    return {case.id: run_bounded(lambda case=case: render_all(poisoned(BASE, case)), cpu_limit=5, timeout=30) for case in CASES}


def test_the_corpus_covers_every_class() -> None:
    """Each class of hostile report text has cases of its own, 80 in all at least."""
    assert set(CLASSES) == {case.cls for case in CASES}
    assert all(sum(case.cls == cls for case in CASES) >= 8 for cls in CLASSES)
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_text_is_shown_inert_in_every_format(case: TextCase, outcomes: dict[str, Outcome]) -> None:
    """Every format renders the poisoned Result, and reading each output back finds the text as written and nothing live."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status, f"{outcome.status}: {outcome.error_type}: {outcome.message}"
    assert [] == violations(outcome.value, poisoned(BASE, case))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rendering_hostile_text_stays_small_and_fast(case: TextCase, outcomes: dict[str, Outcome]) -> None:
    """Rendering all six formats takes under CPU_SECONDS and PEAK_MB, and no output grows past a small multiple of the ordinary one."""
    outcome = outcomes[case.id]
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB
    for fmt, output in outcome.value.items():
        assert len(output) < 20 * len(ORDINARY[fmt]), fmt


def _score_hostile_facts_file() -> dict[str, Any]:
    """Write a facts file whose project keys and values and finding texts are the Markdown corpus, score it from the
    command line into a file of every format, and return the files with the Result the API gives for the same facts."""
    example = Path(__file__).resolve().parent.parent / "examples" / "small"
    doc = json.loads((example / "facts.json").read_text(encoding="utf-8"))
    texts = list(MARKDOWN.values())
    doc["project"] = {"name": texts[0], **{f"{t}键": f"{t}值" for t in texts}}
    # a finding names something: marks alone (***, |---|) are refused as findings, and stay in the project's keys and values
    named = [t for t in texts if any(c.isalnum() for c in t)]
    doc["facts"]["findings"]["compliance"] = [{"text": t, "points": 1} for t in named[:3]] + named[3:6]
    doc["facts"]["decision"]["goal_findings"] = named[6:]
    outputs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "set.yaml").write_bytes((example / "set.yaml").read_bytes())
        (folder / "facts.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        for fmt in RENDERERS:
            done = CliRunner().invoke(main, ["score", str(folder / "facts.json"), "--format", fmt, "--output", str(folder / f"out.{fmt}")])
            if done.exit_code != 0:
                return {"failed": f"{fmt}: exit {done.exit_code}: {done.stderr} {done.exception!r}"}
            data = (folder / f"out.{fmt}").read_bytes()
            outputs[fmt] = data if fmt == "xlsx" else data.decode("utf-8")
        result = score(load_indicator_set(folder / "set.yaml"), load_facts(folder / "facts.json"))
    return {"outputs": outputs, "result": result}


def test_a_hostile_facts_file_gives_inert_reports_from_the_command_line() -> None:
    """End to end: Markdown injection in a real facts file's project keys, values and findings, scored from the command line
    into every format, reads back as plain text in each of them."""
    outcome = run_bounded(_score_hostile_facts_file, cpu_limit=10, timeout=60)
    assert "returned" == outcome.status, outcome.message
    assert "failed" not in outcome.value, outcome.value.get("failed")
    assert [] == violations(outcome.value["outputs"], outcome.value["result"])


def test_a_cell_past_excel_s_limit_is_cut_and_marked() -> None:
    """A reason longer than XLSX_CELL_CHARACTERS (counted in UTF-16 units, as Excel does) is cut to the limit and ends with CUT_MARK."""
    from openpyxl import load_workbook

    long_reason = "评" * 30_000 + "𠀀" * 5_000  # 40,000 UTF-16 units
    first = BASE.indicators[0].children[0]
    hostile = dataclasses.replace(BASE, indicators=(dataclasses.replace(
        BASE.indicators[0], children=(dataclasses.replace(first, reason=long_reason), *BASE.indicators[0].children[1:])),
        *BASE.indicators[1:]))
    book = load_workbook(io.BytesIO(render_xlsx(hostile)))
    cells = [c.value for row in book[SCORE_SHEET].iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("评" * 100)]
    assert 1 == len(cells)
    assert cells[0].endswith(CUT_MARK)
    assert XLSX_CELL_CHARACTERS - 1 <= len(cells[0].encode("utf-16-le")) // 2 <= XLSX_CELL_CHARACTERS


def test_the_object_example_of_reports_md_is_what_reports_show() -> None:
    """docs/reports.md's example of a project detail written as an object shows as the page says."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "reports.md").read_text(encoding="utf-8")
    example = re.search(r'\(`"project": (\{.*?\})`\) are shown\s+item by item — `([^`]+)`', doc)
    assert example is not None
    assert example[2] == show_value(json.loads(example[1], parse_float=Decimal, parse_int=Decimal))


# ---------------------------------------------------------------- any text at all

_ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=60)
_MARKUP_HEAVY = st.text(st.sampled_from(list("|\\`*_~[]()!<>&#;-+=.1 \t\n\r\u2028\u202e\ufffe\ud800aé评")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_ANY_TEXT, _MARKUP_HEAVY))
def test_visible_and_one_line_leave_nothing_hidden(text: str) -> None:
    """For any text, `visible` leaves no hidden character but line breaks and tabs, `one_line` not even those, and both are stable."""
    shown, line = visible(text), one_line(text)
    assert [] == [ch for ch in shown if is_hidden(ch) and ch not in "\n\t"]
    assert [] == [ch for ch in line if is_hidden(ch) or ch in "\n\t"]
    assert shown == visible(shown) and line == one_line(line)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_ANY_TEXT, _MARKUP_HEAVY))
def test_any_text_is_one_plain_markdown_cell(text: str) -> None:
    """For any text, the Markdown cell it becomes parses as exactly one cell of one row showing the text as written, with no markup."""
    shown = markdown_violations_of_cell(text)
    assert [] == shown
