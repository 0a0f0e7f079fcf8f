"""QA324 F1: the 自评表 of a project whose 预算执行率 is scored on 调整后预算数 says so under its funds block.

The form's 执行率 is 全年执行数 ÷ 全年预算数 (B/A), the official form's own. A project of the bundled self-evaluation set
(or of its profiles hubei, henan-special-bond, cost-type) whose facts choose `budget.base: 调整后预算数` is scored on
72 ÷ 80 = 90%; its form read 100, 72, 72% and 得分 9.00 of 10, with 80 nowhere on it and no 需说明 for a 72% project.
The form now keeps 72% and prints, right under the funds block, in every format, the rate scored, its base and the
score; reading the form back ignores that line. The batch's terminal line and 统计 say which rate each figure is.

QA328 F1–F3: the first design drove the line by set keys (`form: funds: rate/base`) added to the four bundled sets,
which changed their sha256 at the same version (every form filled before was told its set had changed since), refused
a profile dropping execution_base, and printed the line for a profile scoring on 全年预算数. The line is now inferred
from what the scoring did (forms/scored_rate.py), and no bundled set changed.
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
from scoring_engine.loader import load_indicator_set
from scoring_engine.cli import main

NOTE = "注：预算执行率按调整后预算数 80.00 万元计算：72.00 ÷ 80.00 = 90.00%，据此得分 {score} 分。"
#: Each bundled set scoring the rate on execution_rate = budget.paid / execution_base, and the 得分 of 72 ÷ 80 there.
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


#: The sha256 of each bundled set before QA324 F1 (as its filled and blank forms record it): unchanged (QA328 F1).
SHA256 = {"self-evaluation": "b2e2ed906b9039e97575bb6b913eaabed502f836aac2e5b3e78be5ede898d74b",
          "hubei-self-evaluation": "dcf5c3e1ff407d45f142d3970bf51d7c3f552b371ca7950bafb25172a282b0da",
          "henan-special-bond": "2e0e066433367b2bfbc9c81b089a597e485313bdc9b611c48e61b95c11087e80",
          "cost-type-self-evaluation": "1608c13f63af1d05525afd165edb6fa650375eca566729606589999f097ea713"}


@pytest.mark.parametrize("set_id", SETS)
def test_the_bundled_sets_are_as_they_were(set_id: str) -> None:
    """QA328 F1: the line needs no key in the set: each bundled set keeps the sha256 its forms filled before recorded,
    so that none of them is told its set was changed since it was filled."""
    assert SHA256[set_id] == load_indicator_set(ROOT / "indicator_sets" / f"{set_id}.yaml").sha256


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text("extends: self-evaluation\nid: p\nname: p\nversion: \"1\"\n" + text, encoding="utf-8")
    return path


def _form(facts: Path, profile: Path, fmt: str = "csv") -> str:
    return _score(str(facts), "--set", str(profile), "--format", fmt, "--layout", "selfeval")


def test_a_profile_dropping_execution_base_loads_and_scores_as_before(tmp_path: Path) -> None:
    """QA328 F2: a profile scoring on 全年预算数 alone drops execution_base (`execution_base: null`); it was refused,
    its base's form naming the value it dropped. It loads, and scores 72%: 7.20, with no line under the funds block."""
    profile = _profile(tmp_path, "derived:\n  execution_base: null\n"
                                 "  execution_rate: {expr: budget.paid / budget.total, label: 预算执行率}\n")
    run = CliRunner().invoke(main, ["validate", str(profile)])
    assert 0 == run.exit_code, run.output
    out = _form(_facts(tmp_path, "self-evaluation", _ADJUSTED), profile)
    assert ",年度资金总额,,,100,72,10,72%,7.20" in out and "注：" not in out


def test_a_profile_scoring_on_its_own_rate_of_the_year_budget_gets_no_line(tmp_path: Path) -> None:
    """QA328 F3: a profile re-scoring 预算执行率 on its own budget.paid / budget.total: 72% and 7.20, though the facts
    choose 调整后预算数 (which execution_rate, read by no rule now, still divides by). The line said 7.20 came from 90%."""
    profile = _profile(tmp_path, "change:\n  budget:\n    rule: {kind: proportional, value: own_rate}\n"
                                 "derived:\n  own_rate: {expr: budget.paid / budget.total, label: 预算执行率（全年预算数）}\n")
    out = _form(_facts(tmp_path, "self-evaluation", _ADJUSTED), profile)
    assert ",年度资金总额,,,100,72,10,72%,7.20" in out and "注：" not in out


@pytest.mark.parametrize(("rate", "note"), [
    ("budget.paid / budget.adjusted", NOTE.format(score="9.00")),  # the base a fact: named by its label
    # an amount worked out, held by no fact: the rate and the row's B/A
    ("budget.paid / (budget.total * 0.8)", "注：预算执行率按指标体系口径为 90.00%（上表执行率 72%），据此得分 9.00 分。"),
    ("budget.paid / own_base", "注：预算执行率按自定分母 75.00 万元计算：72.00 ÷ 75.00 = 96.00%，据此得分 9.60 分。"),
])
def test_the_line_is_what_the_rule_read(tmp_path: Path, rate: str, note: str) -> None:
    """QA324 F1, QA328 F3: the line is inferred from the rule: a derived value it reads dividing the 全年执行数 fact by an
    amount not the 全年预算数, its base named by the one fact it reads holding that amount (80, 调整后预算数, held by
    budget.adjusted alone), else a derived value by its own label (75, held by none), else the rate alone."""
    profile = _profile(tmp_path, "change:\n  budget:\n    rule: {kind: proportional, value: own_rate}\n"
                                 f"derived:\n  own_rate: {{expr: '{rate}'}}\n"
                                 "  own_base: {expr: budget.total * 0.75, label: 自定分母}\n")
    out = _form(_facts(tmp_path, "self-evaluation", _ADJUSTED), profile)
    assert 1 == out.count(note), out


def test_the_batch_counts_by_the_same_inference(tmp_path: Path) -> None:
    """QA328 F3: the batch's count of projects scored on another base than 预算数 is the forms' lines: the F3 profile's
    project (scored on 72%) is not among them, the bundled set's is; and --jobs 2 says the same as --jobs 1."""
    facts = _facts(tmp_path, "self-evaluation", _ADJUSTED)
    profile = _profile(tmp_path, "change:\n  budget:\n    rule: {kind: proportional, value: own_rate}\n"
                                 "derived:\n  own_rate: {expr: budget.paid / budget.total}\n")
    own = tmp_path / "own.json"
    own.write_text(facts.read_text(encoding="utf-8").replace('"self-evaluation"', f'"{profile}"'), encoding="utf-8")
    said = []
    for jobs in ("1", "2"):
        run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(facts), str(own), "--jobs", jobs])
        assert 0 == run.exit_code, run.output
        said.append(run.output)
    assert said[0] == said[1]
    assert "有1个项目的口径不是执行数÷预算数" in said[0], said[0]


@pytest.mark.parametrize("adjusted", [0.001, 0.0000001])
def test_a_base_so_small_the_rate_is_no_rate_prints_the_form_without_a_note_not_an_internal_error(
        tmp_path: Path, adjusted: float) -> None:
    """A 调整后预算数 of 0.001 under a 全年执行数 of 1e14 scores (the rate past 100% takes the full points), and the form's
    note compared a rate of 1e17 at 12 decimals, past the 28 digits of the engine's numbers: exit 3 (内部错误). A rate
    past a billion times is no rate a line can print: the form is printed without it, and the batch counts it with none."""
    facts = _facts(tmp_path, "self-evaluation", {"total": 1e14, "paid": 1e14, "base": "调整后预算数", "adjusted": adjusted})
    assert "注：" not in _score(str(facts), "--format", "csv")
    run = CliRunner().invoke(main, ["batch", str(facts), "-q", "-o", str(tmp_path / "b.xlsx")])
    assert 0 == run.exit_code, run.output


def _own_rule(tmp_path: Path, rule: str, derived: str, facts: str = "") -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(f'extends: self-evaluation\nid: p\nname: 自定口径\nversion: "1"\nchange:\n  budget:\n    rule: {rule}\n'
                    f"derived:\n{derived}{facts}", encoding="utf-8")
    return path


def test_a_rule_reading_two_rates_gets_no_note_naming_one_it_may_not_have_scored_on(tmp_path: Path) -> None:
    """QA329 F1: a rule `min(ra, rb)` (ra on 调整后预算数, rb on 全年预算数) scored 7.20 on rb's 72%, and the form said
    '72.00 ÷ 80.00 = 90.00%，据此得分 7.20 分', a basis it did not use. A rule reading more than one rate, or one that is
    B/A, gets no line: which decided the score, the form cannot tell."""
    profile = _own_rule(tmp_path, "{kind: formula, rate: 'min(ra, rb)'}",
                       "  ra: {expr: budget.paid / budget.adjusted, label: 甲率}\n"
                       "  rb: {expr: budget.paid / budget.total, label: 乙率}\n")
    facts = _facts(tmp_path, "self-evaluation", _ADJUSTED)
    out = _score(str(facts), "--set", str(profile), "--format", "csv", "--layout", "selfeval")
    assert "7.20" in out and "注：" not in out, out


def test_a_base_worked_out_in_the_rates_formula_is_not_named_after_a_fact_of_the_same_amount(tmp_path: Path) -> None:
    """QA329 F3: `budget.paid / (budget.total - budget.cut)` with a 核减数 of 50 of 100 was said '按核减数 50.00 万元计算'.
    A divisor the rate's own formula works out is named by no fact: the line gives the rate as the set scores it."""
    profile = _own_rule(tmp_path, "{kind: proportional, value: own_rate}",
                       "  own_rate: {expr: 'budget.paid / (budget.total - budget.cut)', label: 自定执行率}\n",
                       "facts:\n  budget.cut: {type: number, min: 0, unit: 万元, label: 核减数, required: false}\n")
    facts = _facts(tmp_path, "self-evaluation", {"total": 100, "paid": 40, "cut": 50})
    out = _score(str(facts), "--set", str(profile), "--format", "csv", "--layout", "selfeval")
    assert "注：预算执行率按指标体系口径为 80.00%（上表执行率 40%），据此得分 8.00 分。" in out and "核减数 50" not in out, out
