"""QA324 F1: the 自评表 of a project whose 预算执行率 is scored on 调整后预算数 says so under its funds block.

The form's 执行率 is 全年执行数 ÷ 全年预算数 (B/A), the official form's own. A project of the bundled self-evaluation set
(or of its profiles hubei, henan-special-bond, cost-type) whose facts choose `budget.base: 调整后预算数` is scored on
72 ÷ 80 = 90%; its form read 100, 72, 72% and 得分 9.00 of 10, with 80 nowhere on it and no 需说明 for a 72% project.
The form now keeps 72% and prints, right under the funds block, in every format, the rate scored, its base and the
score; reading the form back ignores that line. The batch's terminal line and 统计 say which rate each figure is.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form
from scoring_engine.cli import main

NOTE = "注：预算执行率按调整后预算数 80.00 万元计算：72.00 ÷ 80.00 = 90.00%，据此得分 {score} 分。"
#: Each set whose form declares the rate it scores (form: funds: rate, base), and the 得分 of 72 ÷ 80 there.
SETS = {"self-evaluation": "9.00", "hubei-self-evaluation": "18.00", "henan-special-bond": "9.00",
        "cost-type-self-evaluation": "7.00"}  # cost-type scores bands: 90% is in 80%–100%, 7 points


def _facts(tmp_path: Path, set_id: str, budget: dict[str, Any]) -> Path:
    """The set's bundled example facts with `budget` for their funds."""
    document = json.loads((ROOT / "indicator_sets" / f"{set_id}.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"] = budget
    path = tmp_path / f"{set_id}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


_ADJUSTED = {"total": 100, "paid": 72, "base": "调整后预算数", "adjusted": 80}


def _score(*args: str) -> str:
    run = CliRunner().invoke(main, ["score", *args])
    assert 0 == run.exit_code, run.output
    return run.output


@pytest.mark.parametrize("set_id", SETS)
@pytest.mark.parametrize("fmt", ["csv", "markdown", "html"])
def test_the_form_says_under_its_funds_block_the_rate_scored_on_the_adjusted_budget(tmp_path: Path, set_id: str,
                                                                                    fmt: str) -> None:
    """QA324 F1: 全年预算数 100, 全年执行数 72, 调整后预算数 80 chosen as the base: the row keeps 72% (B/A), and the line
    right under the funds block (after its last row, 其他资金, before 年度总体目标) gives 80.00, 72.00 ÷ 80.00 = 90.00% and
    the 得分 printed beside it, in each text format."""
    out = _score(str(_facts(tmp_path, set_id, _ADJUSTED)), "--format", fmt)
    note = NOTE.format(score=SETS[set_id])
    assert 1 == out.count(note), out
    assert "72%" in out
    if fmt == "html":
        assert f'<td class="text" colspan="9" data-key="funds.note">{note}</td>' in out
        return
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if note in line)
    assert "其他资金" in lines[at - 1] and "年度总体目标" in lines[at + 1]


@pytest.mark.parametrize("set_id", SETS)
def test_the_workbook_says_it_in_a_row_under_the_funds_block_and_reads_back_the_same(tmp_path: Path, set_id: str) -> None:
    """QA324 F1: in the xlsx the line is the row under 其他资金, one cell merged across the form; `score` of the workbook
    gives the same scores and no warning, and `import` the same facts (the line is no fact)."""
    facts = _facts(tmp_path, set_id, _ADJUSTED)
    form = tmp_path / "form.xlsx"
    _score(str(facts), "--format", "xlsx", "-o", str(form))
    sheet = openpyxl.load_workbook(form).worksheets[0]
    row = next(r for r in range(1, 20) if sheet.cell(r, 2).value == "其他资金") + 1
    assert NOTE.format(score=SETS[set_id]) == sheet.cell(row, 1).value
    last = openpyxl.utils.get_column_letter(sheet.max_column)
    assert f"A{row}:{last}{row}" in {str(m) for m in sheet.merged_cells.ranges}
    assert "年度总体目标" == sheet.cell(row + 1, 1).value
    code, output = scored_form(form, "--format", "json")
    assert 0 == code, output
    read, given = json.loads(output), json.loads(_score(str(facts), "--format", "json"))
    assert not read["warnings"], read["warnings"]
    assert [(i["id"], i["score"]) for i in read["indicators"]] == [(i["id"], i["score"]) for i in given["indicators"]]
    run = CliRunner().invoke(main, ["import", str(form)])
    assert 0 == run.exit_code, run.output
    imported = json.loads(run.output)["facts"]
    assert (100, 72, "调整后预算数", 80) == tuple(imported[k] for k in ("budget.total", "budget.paid", "budget.base",
                                                                        "budget.adjusted"))
    assert not any("注：" in json.dumps(v, ensure_ascii=False) for v in imported.values())


@pytest.mark.parametrize("budget", [{"total": 100, "paid": 72}, {"total": 100, "paid": 72, "base": "全年预算数"},
                                    {"total": 100, "paid": 72, "base": "调整后预算数", "adjusted": 100}])
@pytest.mark.parametrize("fmt", ["csv", "markdown", "html"])
def test_a_form_whose_rate_is_b_over_a_is_as_it_was(tmp_path: Path, budget: dict[str, Any], fmt: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """QA324 F1: where the rate scored is 全年执行数 ÷ 全年预算数 (the default base, or 调整后预算数 equal to it), the form
    has no line under its funds block: its bytes are those of a form drawn without one (tests/golden holds such forms)."""
    facts = str(_facts(tmp_path, "self-evaluation", budget))
    out = _score(facts, "--format", fmt)
    assert "注：预算执行率" not in out
    monkeypatch.setattr("scoring_engine.reports.layouts.scored_rate_note", lambda *_: "")
    assert out == _score(facts, "--format", fmt)


def test_a_set_naming_no_rate_it_has_is_refused_where_it_names_it(tmp_path: Path) -> None:
    """QA324 F1: `form: funds: rate` names a derived value or a number fact; another name is an error at its line, in
    English and in Chinese."""
    base = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    profile = tmp_path / "set.yaml"
    profile.write_text(base.replace("    rate: execution_rate\n", "    rate: execution_rat\n")
                       .replace("    base: execution_base\n", "    base: budget.method\n"), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    assert 1 == run.exit_code
    assert "funds rate execution_rat is neither a fact nor a derived value" in run.output, run.output
    assert "did you mean execution_rate?" in run.output
    assert "funds base needs a number; budget.method is a string" in run.output
    zh = CliRunner().invoke(main, ["--lang", "zh", "validate", str(profile)]).output
    assert "资金栏的 rate 写的 execution_rat 既不是事实，也不是派生值" in zh and "资金栏的 base 需要数值；budget.method 是 string 类" in zh


def test_the_batch_says_which_rate_its_overall_rate_and_its_count_under_90_percent_are(tmp_path: Path) -> None:
    """QA324 F1: the batch printed 总体执行率72.00% beside 执行率低于90%的项目0个 for the one project scored 72 ÷ 80. The
    overall rate is 执行数合计 ÷ 预算数合计 and the count each set's own rate: the terminal line and 统计 now say so,
    where some project's rate is not its 执行数 ÷ 预算数."""
    facts = _facts(tmp_path, "self-evaluation", _ADJUSTED)
    out = tmp_path / "batch.xlsx"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(facts), "--output", str(out)])
    assert 0 == run.exit_code, run.output
    assert ("总体执行率72.00%（执行数合计÷预算数合计）；执行率低于90%的项目0个（按指标体系口径计；有1个项目的口径不是执行数÷"
            "预算数，如按调整后预算数计算）") in run.output
    cells = {row[0].value: row[1].value for row in openpyxl.load_workbook(out)["统计"].iter_rows() if len(row) > 1}
    assert 0 == cells["预算执行率（指标体系口径）低于90%的项目（1个有执行率，其中1个不是执行数÷预算数，如按调整后预算数计算）"]
    assert Decimal("0.72") == Decimal(str(cells["总体预算执行率（执行数合计÷其预算数合计）"]))


def test_a_batch_whose_rates_are_b_over_a_says_as_it_did(tmp_path: Path) -> None:
    """QA324 F1: where every rate is 执行数 ÷ 预算数, the line is as before: no 口径 said."""
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(_facts(tmp_path, "self-evaluation",
                                                                        {"total": 100, "paid": 72}))])
    assert re.search(r"总体执行率72\.00%；执行率低于90%的项目1个$", run.output, re.MULTILINE), run.output
