"""The blank form's 表外事实 value cells check what a clerk types (Excel's data validation): 是/否 and the choices as
drop-downs, numbers within the set's bounds, so that a slip is caught when typed, not when the form is scored; as a
warning the clerk may pass, since the reader takes more than the drop-down offers (√, 900万元: QA341 1)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from conftest import NATIONAL_GRADES
from scoring_engine.cli import main

SET = """\
id: checked-cells
name: 填写校验
version: "1"
total: 100
facts:
  rate: {type: number, min: 0, max: 1, label: 完成率}
  paid: {type: number, min: 0, unit: 万元, label: 实际支出}
  change: {type: number, label: 变动数}
  people: {type: integer, min: 0, unit: 人, label: 受益人数}
  ready: {type: boolean, label: 条件落实}
  method: {type: string, values: [proportional, bands], aliases: {按比例: proportional, 分档: bands}, label: 方法}
  note: {type: string, label: 备注, default: 无}
  done_on: {type: date, label: 完成日期}
  issues: {type: list, label: 问题}
""" + NATIONAL_GRADES + """\
indicators:
  - {id: a, name: 完成率, weight: 100, rule: {kind: formula, rate: rate}}
"""


def _rules(tmp_path: Path, args: list[str]) -> dict[str, tuple[str, str | None, str | None, str]]:
    """Fact name → (kind, formula1, formula2, message) of its 表外事实 value cell's validation, in the workbook written."""
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    form = tmp_path / "form.xlsx"
    result = CliRunner().invoke(main, [*args, str(tmp_path / "set.yaml"), "-o", str(form)])
    assert result.exit_code == 0, result.output
    side = openpyxl.load_workbook(form)["表外事实"]
    names = {f"C{r}": side.cell(r, 2).value for r in range(1, side.max_row + 1)}
    found = {}
    for dv in side.data_validations.dataValidation:
        for cells in str(dv.sqref).split():
            found[names[cells]] = (dv.type, dv.formula1, dv.formula2, dv.error)
            assert dv.errorStyle == "warning"  # never stop: √ and 900万元 are read
    return found


def test_blank_form_offers_yes_no_and_choices_as_drop_downs(tmp_path: Path) -> None:
    """A yes-or-no fact's cell takes 是 or 否 and a choice fact's its words as the form shows them (按比例, not
    proportional), each from a drop-down; anything else typed is refused with what the cell takes."""
    rules = _rules(tmp_path, ["template"])
    assert rules["ready"] == ("list", '"是,否"', None, "应填 是 或 否（也可写 √ 或 ×）")
    assert rules["method"] == ("list", '"按比例,分档"', None, "应填以下之一：按比例 / 分档")


def test_blank_form_bounds_numbers_as_the_set_does(tmp_path: Path) -> None:
    """A number's cell takes a number within the set's bounds (its unit said), a whole number's a whole number; a number
    the set does not bound still takes numbers only."""
    rules = _rules(tmp_path, ["template"])
    assert rules["rate"] == ("decimal", "0", "1", "应填数字，≥ 0，≤ 1")
    assert rules["paid"] == ("decimal", "0", "999999999999999", "应填数字，≥ 0，单位 万元")
    assert rules["change"] == ("decimal", "-999999999999999", "999999999999999", "应填数字")
    assert rules["people"] == ("whole", "0", "999999999999999", "应填整数，≥ 0，单位 人")


def test_cells_the_reader_takes_in_many_forms_stay_free(tmp_path: Path) -> None:
    """Free text, dates (2023年12月10日, 2023.12.10, …) and findings one a line are read in forms a validation would
    refuse: their cells carry none."""
    rules = _rules(tmp_path, ["template"])
    assert not {"note", "done_on", "issues"} & set(rules)


def test_blank_form_with_validations_scores_as_filled(tmp_path: Path) -> None:
    """The validations change nothing the form reads: filled with valid values, it scores."""
    _scored_filled(tmp_path, {"rate": 0.9, "paid": 10, "change": -2, "people": 5, "ready": "是", "method": "分档",
                              "done_on": "2024-06-30", "issues": "无"})


def test_values_the_reader_takes_beyond_the_drop_down_still_score(tmp_path: Path) -> None:
    """√ for 是 and 900万元 in a cell of 万元 are questioned by Excel, not refused (a warning), and the form scores with
    them as docs/authoring.md's 填表说明 says."""
    _scored_filled(tmp_path, {"rate": 0.9, "paid": "10万元", "change": -2, "people": 5, "ready": "√", "method": "分档",
                              "done_on": "2024-06-30", "issues": "无"})


def _scored_filled(tmp_path: Path, filled: dict[str, object]) -> None:
    """The blank form written, its 表外事实 value cells filled with `filled`, scores 90.00."""
    _rules(tmp_path, ["template"])
    form = tmp_path / "form.xlsx"
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    for r in range(1, side.max_row + 1):
        if side.cell(r, 2).value in filled:
            side.cell(r, 3).value = filled[side.cell(r, 2).value]
    book.save(form)
    result = CliRunner().invoke(main, ["score", str(form), "--set", str(tmp_path / "set.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"total": 90.00' in result.output
