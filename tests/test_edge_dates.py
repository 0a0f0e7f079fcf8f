"""Dates at the ends of the calendar (0001-01-01 … 9999-12-31) through every date function the formula language offers,
through the facts file, a form's 表外事实 sheet and the `test` command: each is computed, never a crash (QA177 F1: any
date in December 9999 reaching months_between ended in 内部错误：ValueError: year 10000 is out of range, exit 3)."""

from __future__ import annotations

import calendar
import datetime
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import NATIONAL_GRADES
from scoring_engine import parse_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.formulas import FUNCTIONS, compile_formula, evaluate
from test_form_side_values import side_sheet_form

DAY = datetime.date
EDGES = [DAY(1, 1, 1), DAY(1, 1, 31), DAY(1, 2, 28), DAY(1, 12, 31), DAY(2024, 1, 31), DAY(2024, 2, 29),
         DAY(9999, 1, 31), DAY(9999, 11, 30), DAY(9999, 12, 1), DAY(9999, 12, 30), DAY(9999, 12, 31)]
PAIRS = list(itertools.product(EDGES, EDGES))
SCOPE = {"s": "date", "e": "date"}


def _months(a: DAY, b: DAY) -> int:
    """Whole months from a to b as 民法典 第二百零二条 reckons them, worked out another way than the engine's: the
    most months n whose end (a's day n months on, or that month's last day) is not after b."""
    if b < a:
        return -_months(b, a)
    n = (b.year - a.year) * 12 + b.month - a.month
    year, month = divmod(a.month - 1 + n, 12)
    end = DAY(a.year + year, month + 1, min(a.day, calendar.monthrange(a.year + year, month + 1)[1]))
    return n if end <= b else n - 1


def _expected(text: str, a: DAY, b: DAY) -> Any:
    return {"days_between(s, e)": Decimal((b - a).days), "months_between(s, e)": Decimal(_months(a, b)),
            "months_between(e, s)": Decimal(-_months(a, b)), "s < e": a < b, "s <= e": a <= b, "s > e": a > b,
            "s >= e": a >= b, "s == e": a == b, "s != e": a != b}[text]


FORMULAS = ["days_between(s, e)", "months_between(s, e)", "months_between(e, s)", "s < e", "s <= e", "s > e", "s >= e",
            "s == e", "s != e"]


def test_the_edge_dates_go_through_every_date_function() -> None:
    """The table below reaches every function that takes a date."""
    takes_dates = {name for name in FUNCTIONS if name.endswith("_between")}
    assert takes_dates == {text.split("(")[0] for text in FORMULAS if "(" in text}


@pytest.mark.parametrize("text", FORMULAS)
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}~{b}" for a, b in PAIRS])
def test_a_date_at_the_calendars_ends_is_computed_by_every_date_function(text: str, a: DAY, b: DAY) -> None:
    """months_between(2024-10-31, 9999-12-01) is 95 701 whole months, not ValueError: year 10000 is out of range; every
    date function and comparison computes its value at 0001-01-01, 9999-12-31 and their neighbours."""
    assert _expected(text, a, b) == evaluate(compile_formula(text, SCOPE), {"s": a, "e": b})


SET = """\
id: edge-dates
name: 远期日期
version: "1"
total: 100
facts:
  s: {type: date, label: 计划完成日期}
  e: {type: date, label: 实际完成日期}
derived:
  days: days_between(s, e)
  months: months_between(s, e)
  back: months_between(e, s)
""" + NATIONAL_GRADES + """\
indicators:
  - {id: on_time, name: 按时完成, weight: 100, rule: {kind: formula, rate: "clamp(1 - max(months, back, days, 0) / 12, 0, 1)"}}
"""
FAR = [(DAY(2024, 10, 31), DAY(9999, 12, 1)), (DAY(2024, 10, 31), DAY(9999, 12, 31)), (DAY(9999, 12, 31), DAY(1, 1, 1)),
       (DAY(9999, 12, 10), DAY(9999, 12, 31)), (DAY(1, 1, 1), DAY(1, 1, 1))]


def _derived(a: DAY, b: DAY) -> dict[str, Any]:
    return {"days": Decimal((b - a).days), "months": Decimal(_months(a, b)), "back": Decimal(-_months(a, b))}


@pytest.mark.parametrize(("a", "b"), FAR, ids=[f"{a}~{b}" for a, b in FAR])
def test_the_python_api_scores_a_project_finished_in_december_9999(a: DAY, b: DAY) -> None:
    """score() gives the derived values of dates at the calendar's ends; it raised a bare ValueError."""
    result = score(parse_indicator_set(SET), {"s": a.isoformat(), "e": b.isoformat()})
    assert _derived(a, b) == {d.name: d.value for d in result.derived}


def _files(tmp_path: Path, a: DAY, b: DAY) -> Path:
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    facts = {"indicator_set": "set.yaml", "facts": {"s": a.isoformat(), "e": b.isoformat()}}
    (tmp_path / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    return tmp_path / "facts.json"


@pytest.mark.parametrize("command", [["score", "--format", "json"], ["explain", "-i", "on_time"]])
@pytest.mark.parametrize(("a", "b"), FAR[:3], ids=[f"{a}~{b}" for a, b in FAR[:3]])
def test_score_and_explain_read_a_facts_file_with_a_date_in_december_9999(tmp_path: Path, command: list[str], a: DAY,
                                                                        b: DAY) -> None:
    """`score` and `explain` of facts with 9999-12-01 exit 0 with the months counted (they ended in 内部错误, exit 3)."""
    run = CliRunner().invoke(main, ["--lang", "zh", *command, str(_files(tmp_path, a, b))])
    assert 0 == run.exit_code, run.output
    if command[0] == "score":
        derived = {d["name"]: Decimal(str(d["value"])) for d in json.loads(run.output)["derived"]}
        assert _derived(a, b) == derived


def test_a_test_case_overriding_a_date_with_9999_12_31_is_run_with_the_others(tmp_path: Path) -> None:
    """A case whose overrides set 9999-12-31 fails or passes on its score like any other; the whole run died."""
    _files(tmp_path, DAY(2024, 10, 31), DAY(2024, 10, 31))
    (tmp_path / "far.cases.yaml").write_text("""\
indicator_set: set.yaml
facts_file: facts.json
cases:
  - name: 远期日期
    overrides: {e: "9999-12-31"}
    expect: {total: 0}
  - name: 按时
    expect: {total: 100}
""", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(tmp_path / "far.cases.yaml")])
    assert 0 == run.exit_code, run.output
    assert "2 个通过" in run.output


def test_a_form_with_9999_12_31_on_its_side_sheet_is_scored(tmp_path: Path) -> None:
    """A 自评表 whose 表外事实 gives 9999-12-31 (typed as text or as a date cell) is scored; it ended in 内部错误."""
    form = _side_form(tmp_path, s=("2024-10-31", None), e=(datetime.datetime(9999, 12, 31), "yyyy-mm-dd"))
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", str(tmp_path / "set.yaml"),
                                    "--format", "json"])
    assert 0 == run.exit_code, run.output
    derived = {d["name"]: Decimal(str(d["value"])) for d in json.loads(run.output)["derived"]}
    assert _derived(DAY(2024, 10, 31), DAY(9999, 12, 31)) == derived


def _side_form(tmp_path: Path, **cells: tuple[Any, str | None]) -> Path:
    """The set's blank form, its 表外事实 rows given (value, number format) by fact."""
    values = {name: value for name, (value, _) in cells.items()}
    return side_sheet_form(tmp_path, SET, values, {name: shown for name, (_, shown) in cells.items() if shown})[0]


@pytest.mark.parametrize("number_format", ["yyyy-mm-dd", None])
def test_a_number_typed_in_a_date_formatted_cell_is_said_as_typed_with_the_date_to_write(tmp_path: Path,
                                                                                        number_format: str | None) -> None:
    """20241231 typed in a yyyy-mm-dd cell (a day past 9999-12-31 to the spreadsheet) is said as the number it is, with
    the date to write, as in a cell without the format; it was 单元格是错误值 #VALUE!（公式出错后留下的） (QA177 F2)."""
    form = _side_form(tmp_path, s=("2024-10-31", None), e=(20241231, number_format))
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", str(tmp_path / "set.yaml")])
    assert 1 == run.exit_code, run.output
    assert "表外事实!C" in run.output and "应为日期 YYYY-MM-DD，实际是 20241231" in run.output, run.output
    assert "日期应写作 2024-12-31" in run.output and "错误值" not in run.output


def test_an_error_value_in_a_date_formatted_cell_is_still_said_as_one(tmp_path: Path) -> None:
    """An error value written as one (#VALUE! pasted as a value) stays what a formula that failed leaves."""
    form = _side_form(tmp_path, s=("2024-10-31", None), e=("#VALUE!", "yyyy-mm-dd"))
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", str(tmp_path / "set.yaml")])
    assert 1 == run.exit_code and "单元格是错误值 #VALUE!（公式出错后留下的）" in run.output, run.output
