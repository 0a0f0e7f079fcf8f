"""The weights a filled 自评表 prints outside its 三级 rows (the funds 分值, the 总分 row's, a block label's) compared with
the set's, and a funds block the set does not score named (QA54 F3, F4): never scored on weights the form does not show
without a word."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form, written_form
from scoring_engine import load_indicator_set
from scoring_engine.cli import main

SETS = ROOT / "indicator_sets"
SHEET = "项目支出绩效自评表"
SICHUAN = "部门预算项目支出绩效自评表"
FORM_SETS = ["self-evaluation", "hubei-self-evaluation", "henan-special-bond", "henan-special-bond-operation",
             "cost-type-self-evaluation", "sichuan-self-evaluation"]


def _form(tmp_path: Path, facts: Path, sheet: str = SHEET, **cells: object) -> Path:
    """The project of `facts` written as its set's form, with `cells` typed over it on `sheet`."""
    return written_form(facts, tmp_path / "form.xlsx", cells, sheet)


_score = scored_form


def _cell_of(form: Path, sheet: str, text: str) -> str:
    """The first cell of `sheet` whose text starts with `text`."""
    book = openpyxl.load_workbook(form)
    return next(c.coordinate for row in book[sheet].iter_rows() for c in row if str(c.value or "").startswith(text))


def test_a_funds_weight_copied_from_the_national_form_is_said_on_its_cell(tmp_path: Path) -> None:
    """Hubei gives 预算执行 20 points; a unit copying last year's national form leaves its 分值 at 10. It was scored on
    20 without a word: a 提示 names G6, the two weights and the set, and the score is the set's."""
    facts = SETS / "hubei-self-evaluation.facts.json"
    code, plain_output = _score(_form(tmp_path, facts))
    assert 0 == code and "points, but" not in plain_output, plain_output
    code, output = _score(_form(tmp_path, facts, G6=10))
    assert 0 == code, output
    assert f"{SHEET}!G6: the form gives 10 points, but 预算执行 weighs 20 in the set hubei-self-evaluation; it is scored on " \
        "the set's weight" in output
    assert plain_output.splitlines()[-1] == output.splitlines()[-1]  # the same total and grade


def test_the_total_rows_weight_and_a_block_labels_weight_are_compared(tmp_path: Path) -> None:
    """The 总分 row's 分值 typed 90, and Sichuan's 预算执行情况（10分） retyped （20分）, passed in silence."""
    facts = SETS / "sichuan-self-evaluation.facts.json"
    blank = _form(tmp_path, facts, sheet=SICHUAN)
    total_row = _cell_of(blank, SICHUAN, "总分")[1:]
    label = _cell_of(blank, SICHUAN, "预算执行情况")
    weight = f"{openpyxl.utils.get_column_letter(_weight_column(blank))}{total_row}"
    code, output = _score(_form(tmp_path, facts, sheet=SICHUAN, **{weight: 90, label: "预算执行情况（20分）"}))
    assert 0 == code, output
    assert f"{SICHUAN}!{weight}: the form gives 90 points, but 总分 weighs 100 in the set sichuan-self-evaluation" in output
    assert f"{SICHUAN}!{label}: the label gives 20 points, but 预算执行情况 weighs 10 in the set sichuan-self-evaluation" \
        in output


def _weight_column(form: Path) -> int:
    """The indicator block's 权重 column of a Sichuan form."""
    book = openpyxl.load_workbook(form)
    return next(c.column for row in book[SICHUAN].iter_rows() for c in row if c.value == "权重")


@pytest.mark.parametrize("set_id", FORM_SETS)
def test_forms_the_tool_writes_read_back_without_a_weight_hint_with_or_without_not_applicable(
        tmp_path: Path, set_id: str) -> None:
    """Each bundled set's form, as written from its facts and with 满意度 marked 不适用 (every weight printed rescaled:
    预算执行 11.11 of the 100), prints the weights the reader accepts: a weight hint there would be the tool's own slip."""
    facts = json.loads((SETS / f"{set_id}.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"] = set_id
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    sheet = SICHUAN if set_id.startswith("sichuan") else SHEET
    marked = load_indicator_set(set_id).form.targets[-1].indicator  # 满意度 where the set has it
    facts["not_applicable"] = {**facts.get("not_applicable", {}), marked: "本项目无服务对象"}
    na = tmp_path / "na.json"
    na.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    for source in (plain, na):
        code, output = _score(_form(tmp_path, source, sheet=sheet))
        assert code in (0, 1) and "points, but" not in output, output


def test_a_profile_changing_the_funds_weight_prints_it_in_the_block_labels(tmp_path: Path) -> None:
    """Sichuan's layout labels its blocks 预算执行情况（10分） and 绩效指标（90分). A profile giving 预算执行 15 printed the
    layout's 10 and 90 on its blank form: the labels show the set's weights, and read back without a hint."""
    profile = tmp_path / "county.yaml"
    profile.write_text("extends: sichuan-self-evaluation\nid: county\nname: 某县\nversion: '2025'\n"
                       "change:\n  budget:\n    weight: 15\n  satisfaction:\n    weight: 5\n", encoding="utf-8")
    form = tmp_path / "blank.xlsx"
    run = CliRunner().invoke(main, ["template", str(profile), "-o", str(form)])
    assert 0 == run.exit_code, run.output
    texts = [str(c.value) for row in openpyxl.load_workbook(form)[SICHUAN].iter_rows() for c in row if c.value]
    assert "预算执行情况（15分）" in texts and "绩效指标（85分）" in texts, texts[:20]
    facts = json.loads((SETS / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"] = "county.yaml"
    facts["facts"]["targets"]["satisfaction"][0]["weight"] = 5  # its one row, on the group's new weight
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    code, output = _score(_form(tmp_path, tmp_path / "facts.json", sheet=SICHUAN), "--set", str(profile))
    assert 0 == code and "points, but" not in output, output


def test_a_funds_block_filled_on_a_set_without_funds_is_named(tmp_path: Path) -> None:
    """henan-special-bond-operation scores no funds: a unit reusing the construction-period form typed its amounts and
    分值 10, and the form's points added up to 110 with no word. Each row typed on is named, as read by nothing."""
    form = _form(tmp_path, SETS / "henan-special-bond.facts.json")  # the construction period's form, funds block and all
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    for row in side.iter_rows():
        if row[0].value == "指标体系":
            row[1].value = "henan-special-bond-operation"
    book.save(form)
    _, output = _score(form, "--set", str(SETS / "henan-special-bond-operation.yaml"))
    assert f"{SHEET}!E6: row 年度资金总额: the 全年预算数、全年执行数、分值、执行率、得分 typed here (E6, F6, G6, H6, I6) are " \
        "not read" in output, output
    assert "are not read: the set henan-special-bond-operation has no facts for this row" in output


def test_the_form_written_for_a_budget_not_applicable_reads_back_without_a_hint_about_its_amounts(tmp_path: Path) -> None:
    """The form `score` writes for a project marking 预算执行率 不适用 keeps its amounts; reading it back told the clerk
    to clear them or delete the 不适用 row (QA61 F7): the tool's own form reads back without a 提示 of its funds rows."""
    facts = json.loads((SETS / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["not_applicable"] = {"budget": "本年度无预算安排"}
    source = tmp_path / "na.json"
    source.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    code, output = _score(_form(tmp_path, source))
    assert 0 == code and "提示" not in output and "warning" not in output, output
