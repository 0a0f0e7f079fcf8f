"""scoring-engine diff: what changed from one set to another, and how the same projects score under each (去年 → 今年)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import load_facts, load_indicator_set, parse_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.diff import compare_scores, diff_sets
from scoring_engine.model import IndicatorSet
from scoring_engine.reports.diff import change_rows, render_diff_markdown, render_diff_table

LAST_YEAR = """
id: water
name: 农村供水
version: "2024"
facts:
  paid: {type: number, min: 0}
  total: {type: number, min: 0}
  done: {type: integer, min: 0}
grades: [{label: 优, min: 90}, {label: 良, min: 80}, {label: 差, min: 0}]
indicators:
  - id: process
    name: 过程
    weight: 40
    children:
      - {id: process.execution, name: 预算执行率, weight: 30, standard: 按比例得分。, rule: {kind: proportional, value: paid, target: total}}
      - {id: process.rules, name: 制度健全性, weight: 10, rule: {kind: formula, score: 10}}
  - id: output
    name: 产出
    weight: 60
    children:
      - {id: output.quantity, name: 完成数量, weight: 40, rule: {kind: formula, score: "min(done, 40)"}}
      - {id: output.old, name: 旧指标, weight: 20, rule: {kind: formula, score: 20}}
"""

THIS_YEAR = """
id: water
name: 农村供水
version: "2025"
facts:
  paid: {type: number, min: 0}
  total: {type: number, min: 0}
  done: {type: integer, min: 0}
grades: [{label: 优, min: 90}, {label: 良, min: 75}, {label: 差, min: 0}]
indicators:
  - id: process
    name: 过程
    weight: 25
    children:
      - {id: process.execution, name: 预算执行率, weight: 25, standard: 按比例得分，低于60%不得分。, rule: {kind: proportional, value: paid, target: total, floor: 0.6}}
  - id: output
    name: 产出指标
    weight: 75
    children:
      - {id: output.quantity, name: 完成数量, weight: 40, rule: {kind: formula, score: "min(done, 40)"}}
      - {id: process.rules, name: 制度健全性, weight: 10, rule: {kind: formula, score: 10}}
      - {id: output.new, name: 新指标, weight: 25, rule: {kind: formula, score: 25}}
"""

FACTS = {"project": {"name": "某村供水工程"}, "facts": {"paid": 50, "total": 100, "done": 40}}


@pytest.fixture
def sets(tmp_path: Path) -> tuple[Path, Path, Path]:
    old, new, facts = tmp_path / "2024.yaml", tmp_path / "2025.yaml", tmp_path / "facts.json"
    old.write_text(LAST_YEAR, encoding="utf-8")
    new.write_text(THIS_YEAR, encoding="utf-8")
    facts.write_text(json.dumps(FACTS, ensure_ascii=False), encoding="utf-8")
    return old, new, facts


def test_a_set_compared_with_itself_has_no_changes() -> None:
    """The same set twice: no change, and the table says so."""
    national = load_indicator_set("national-framework")
    diff = diff_sets(national, national)
    assert () == diff.changes
    assert ("两个指标体系的指标及其顺序、分值、评分标准、规则（含行组的行类型、指标性质和二级指标）、等级及其结果应用、核对、封顶、需说明条件、"
            "不适用指标的处理、舍入、分值规则、事实声明、派生值和理由模板都相同（表格样式不比较）。") in render_diff_table(diff)


def test_every_kind_of_change_is_listed_with_both_values() -> None:
    """Removed, added, moved, renamed, weights, standard, rule and grade changes each name the indicator and the old and new value."""
    diff = diff_sets(parse_indicator_set(LAST_YEAR), parse_indicator_set(THIS_YEAR))
    assert [
        ("删除指标", "旧指标 (output.old)", "20", "—"),
        ("分值", "过程 (process)", "40", "25"),
        ("分值", "预算执行率 (process.execution)", "30", "25"),
        ("评分标准", "预算执行率 (process.execution)", "按比例得分。", "按比例得分，低于60%不得分。"),
        ("评分规则", "预算执行率 (process.execution)", "—", "floor: 0.6"),  # what changed in it, not the whole rule
        ("改名", "产出指标 (output)", "产出", "产出指标"),
        ("分值", "产出指标 (output)", "60", "75"),
        ("移动", "制度健全性 (process.rules)", "过程 (process)", "产出指标 (output)"),
        ("新增指标", "新指标 (output.new)", "—", "25"),
        ("等级", "良", "≥ 80", "≥ 75"),
    ] == change_rows(diff)


def test_a_changed_weight_names_the_indicator_and_both_weights(tmp_path: Path) -> None:
    """`diff` of the example and a copy with two weights moved names those indicators and both weights of each, and nothing else."""
    changed = tmp_path / "set.yaml"
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    for name, was, now in (("process.execution", 10, 12), ("process.compliance", 10, 8)):
        written = f"      - id: {name}\n        name: {'预算执行率' if name.endswith('execution') else '资金使用合规性'}\n        weight: "
        assert written + str(was) in text
        text = text.replace(written + str(was), written + str(now))
    changed.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(main, ["diff", str(EXAMPLE_SET), str(changed)])
    assert 0 == done.exit_code, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()[5:]]
    assert [["分值", "预算执行率", "(process.execution)", "10", "12"], ["分值", "资金使用合规性", "(process.compliance)", "10", "8"]] == rows


def test_facts_show_each_project_under_both_sets(sets: tuple[Path, Path, Path]) -> None:
    """With --facts, a project's total and grade under each set, and every indicator whose score changed, with the difference."""
    old, new, facts = sets
    projects = compare_scores(load_indicator_set(old), load_indicator_set(new), [(str(facts), load_facts(facts))])
    [project] = projects
    assert ("某村供水工程", "85.00", "良", "75.00", "良") == (project.name, format(project.old_total, "f"), project.old_grade,
                                                 format(project.new_total, "f"), project.new_grade)
    done = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts)])
    assert 0 == done.exit_code
    scores = done.stdout.split("\n\n")[-1].splitlines()
    assert ["某村供水工程", "总分（等级）", "85.00（良）", "75.00（良）", "-10.00"] == scores[2].split()
    assert ["某村供水工程", "过程", "(process)", "25.00", "0.00", "-25.00"] == scores[3].split()
    # an indicator only the old set has counts as 0 in the new one, as in batch --compare-set, so that the column adds up
    # (QA81 F4: its difference was "—", and the differences listed did not reconcile with the total's)
    assert any(line.split()[1:3] == ["旧指标", "(output.old)"] and line.split()[3:] == ["20.00", "—", "-20.00"] for line in scores)


def test_two_projects_of_one_name_are_told_apart_by_their_files(sets: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """QA81 F5: two facts files of one project name gave rows that all read 某村供水工程, with different totals; each
    is now named with its file. A name given once is shown alone."""
    old, new, facts = sets
    copy = tmp_path / "copy" / facts.name
    copy.parent.mkdir()
    copy.write_text(facts.read_text(encoding="utf-8"), encoding="utf-8")
    done = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts), "--facts", str(copy)])
    assert 0 == done.exit_code, done.output
    names = {line.split()[0] for line in done.stdout.split("\n\n")[-1].splitlines()[2:]}
    assert {f"某村供水工程（{facts}）", f"某村供水工程（{copy}）"} == names
    alone = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts)])
    assert {"某村供水工程"} == {line.split()[0] for line in alone.stdout.split("\n\n")[-1].splitlines()[2:]}


def test_a_project_failing_with_many_problems_keeps_the_terminal_table_narrow(tmp_path: Path) -> None:
    """QA338 L9b: a project failing under both sets with 45 missing facts had them all joined in its 差值 cell, and the
    table's rule was thousands of dashes wide. The cell says how many, told in the error lines (on stderr, as before)."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    done = CliRunner().invoke(main, ["--lang", "zh", "diff", "national-framework", "national-framework", "--facts", str(facts)])
    assert 1 == done.exit_code
    table = done.stdout.split("\n\n")[-1].splitlines()
    assert table[-1].endswith("原评分失败：45 处问题，见错误行；新评分失败：45 处问题，见错误行"), table
    assert max(len(line) for line in table) < 200, table
    assert 90 == len([line for line in done.stderr.splitlines() if line.startswith("错误：")])


def test_a_project_that_fails_under_one_set_says_why(sets: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """Facts one set cannot score are shown with the reason in Chinese, not as a crash; the exit code is 1, so that a
    script comparing a portfolio under two sets knows some project was not compared."""
    old, new, _ = sets
    facts = tmp_path / "bad.json"
    facts.write_text('{"facts": {"paid": 50, "done": 40}}', encoding="utf-8")
    done = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts)])
    assert 1 == done.exit_code
    assert "原评分失败：" in done.stdout and "缺少必填的事实 total" in done.stdout
    # QA81 F2: and stderr says why, a line per problem, naming the set (a script that writes the report with -o, or
    # reads only stderr, was told nothing), in the language of the command line
    chinese = CliRunner().invoke(main, ["--lang", "zh", "diff", str(old), str(new), "--facts", str(facts), "-o",
                                        str(tmp_path / "d.md")])
    assert 1 == chinese.exit_code and (tmp_path / "d.md").is_file()
    lines = [line for line in chinese.stderr.splitlines() if line.startswith("错误：")]
    assert [f"错误：{facts}: 按{side}指标体系 {path} 评分失败：缺少必填的事实 total" for side, path in
            (("原", old), ("新", new))] == [line.split("（")[0] for line in lines], chinese.stderr
    assert f"error: {facts}: $.facts.total: under the new set {new}: required fact total is missing" in done.stderr


def test_facts_of_one_set_that_fail_under_the_other_give_no_advice_to_score_them_with_the_set_they_name(tmp_path: Path) -> None:
    """QA119 F3: diff scores a project under both sets on purpose. Facts naming the old set that failed under the new one
    were told to score them with the set they name, by the Python call load_indicator_set('self-evaluation'): advice a
    command-line user cannot take, here or anywhere. Only the problems of the facts are said, under each set."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    del document["facts"]["budget"]["paid"]
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for lang in ("en", "zh"):
        done = CliRunner().invoke(main, ["--lang", lang, "diff", "self-evaluation", "sichuan-self-evaluation", "--facts",
                                         str(facts)])
        assert 1 == done.exit_code
        said = done.stdout + done.stderr
        assert "load_indicator_set" not in said and "the facts name the set" not in said and "写明的指标体系是" not in said
        assert 2 == len(done.stderr.splitlines()), done.stderr  # the missing fact, under each set


def test_markdown_holds_the_same_rows(sets: tuple[Path, Path, Path]) -> None:
    """--format markdown gives the changes and the projects as Markdown tables."""
    old, new, facts = sets
    done = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts), "--format", "markdown"])
    assert 0 == done.exit_code
    text = done.stdout
    assert text.startswith("# 指标体系对比\n")
    assert "| 分值 | 过程 (process) | 40 | 25 |" in text
    assert "| 某村供水工程 | 总分（等级） | 85.00（良） | 75.00（良） | -10.00 |" in text
    diff = diff_sets(load_indicator_set(old), load_indicator_set(new))
    assert render_diff_markdown(diff) == render_diff_markdown(diff)


def test_xlsx_is_written_with_both_sheets_and_the_same_bytes_each_time(sets: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """--format xlsx -o FILE writes sheets 变化 and 项目得分 holding the rows the table shows, byte-identical across runs;
    weights, scores and differences as numbers Excel adds up, shown as printed (QA69 F1: they were text). QA319 F6: a
    project's totals were text with the grade ('85.00（良）'), so a tool could not read the 原得分 column as numbers: they
    are numbers, the grades in columns 原等级 and 新等级 of their own, as docs/authoring.md describes the workbook."""
    old, new, facts = sets
    outputs = []
    for name in ("a.xlsx", "b.xlsx"):
        done = CliRunner().invoke(main, ["diff", str(old), str(new), "--facts", str(facts), "--format", "xlsx", "-o", str(tmp_path / name)])
        assert 0 == done.exit_code, done.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    book = openpyxl.load_workbook(io.BytesIO(outputs[0]))
    assert ["变化", "项目得分"] == book.sheetnames
    changes = [[c.value for c in row] for row in book["变化"].iter_rows(min_row=3)]
    assert ["变化", "指标", "原", "新"] == changes[0]
    assert ["分值", "过程 (process)", 40, 25] in changes
    scores = list(book["项目得分"].iter_rows())
    values = [[c.value for c in r] for r in scores]
    assert ["项目", "指标", "原得分", "新得分", "差值", "原等级", "新等级", "说明"] == values[2]
    assert ["某村供水工程", "总分", 85, 75, -10, "良", "良", None] in values
    doc = " ".join((ROOT / "docs" / "authoring.md").read_text(encoding="utf-8").split())
    assert "列为 项目、指标、原得分、新得分、差值、原等级、新等级、说明" in doc
    assert {"0.00", "+0.00;-0.00;0.00"} <= {c.number_format for r in scores for c in r}


def test_an_xlsx_of_two_sets_alike_says_they_are_the_same(tmp_path: Path) -> None:
    """QA338 L5: diff --format xlsx of two sets with no difference wrote the sheet 变化 with its title and header only,
    where the terminal says the two sets are the same: the sheet says it too, under the title."""
    done = CliRunner().invoke(main, ["diff", "national-framework", "national-framework", "--format", "xlsx",
                                     "-o", str(tmp_path / "same.xlsx")])
    assert 0 == done.exit_code, done.stderr
    sheet = openpyxl.load_workbook(tmp_path / "same.xlsx")["变化"]
    said = str(sheet.cell(2, 1).value)
    assert said.startswith("两个指标体系的指标及其顺序") and "都相同" in said
    assert said in CliRunner().invoke(main, ["diff", "national-framework", "national-framework"]).stdout


@pytest.mark.parametrize(("args", "code", "words"), [
    (["diff", "national-framework", "national-framework", "--format", "xlsx"], 2, "--format xlsx writes a binary file"),
    (["diff", "national-framework", "nowhere.yaml"], 1, "no indicator set 'nowhere.yaml'"),
    (["diff", "national-framework", "national-framework", "--facts", "nowhere.json"], 1, "nowhere.json: no such file"),
    (["diff", "national-framework", "national-framework", "--facts", "."], 1, ".: is a folder, not a file"),
])
def test_wrong_diffs_are_one_line(args: list[str], code: int, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing set or facts file is one error line with exit 1; xlsx without --output is a wrong command line. QA119 F7:
    a folder given as --facts is invalid input (exit 1), as a folder given for a facts file or a set is everywhere else."""
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, args)
    assert code == done.exit_code
    assert words in done.stderr


def test_diff_of_the_example_against_itself_with_its_facts(tmp_path: Path) -> None:
    """The example set against itself with its facts: no change, and the project's total unchanged at 79.73 (中)."""
    done = CliRunner().invoke(main, ["diff", str(EXAMPLE_SET), str(EXAMPLE_SET), "--facts", str(EXAMPLE_FACTS)])
    assert 0 == done.exit_code
    assert "79.73（中）  79.73（中）  0.00" in done.stdout


def test_a_rule_rewritten_or_of_another_kind_is_shown_whole_and_a_few_values_changed_one_by_one() -> None:
    """Bands whose bounds were rewritten as percentages (0.95 → 95): each bound that changed, by where it is in the
    rule, instead of two lines of JSON cut short; a rule of another kind is shown whole, before and after."""
    bands = "{kind: bands, value: paid, bands: [{min: 0.9, points: 30}, {max: 0.9, points: 0}]}"
    old = parse_indicator_set(LAST_YEAR)
    edited = LAST_YEAR.replace("{kind: proportional, value: paid, target: total}", bands)
    assert edited != LAST_YEAR
    changed = parse_indicator_set(edited.replace("min: 0.9,", "min: 90,").replace("max: 0.9,", "max: 90,"))
    rows = [row for row in change_rows(diff_sets(parse_indicator_set(edited), changed)) if row[0] == "评分规则"]
    assert [("bands[0].min: 0.9", "bands[0].min: 90"), ("bands[1].max: 0.9", "bands[1].max: 90")] == [r[2:] for r in rows]
    whole = [row for row in change_rows(diff_sets(old, parse_indicator_set(edited))) if row[0] == "评分规则"]
    # said with its kind in Chinese and its parameters as written, not as a line of JSON (QA293 F2)
    assert [("按比例计分（proportional）：value: paid，target: total",
             "分档计分（bands）：value: paid，bands: [{min: 0.9, points: 30}, {max: 0.9, points: 0}]")] == [w[2:] for w in whole]


def test_each_score_is_printed_at_its_own_sets_precision() -> None:
    """A set of 2 decimals against one of 0: the old scores print with 2 (2.35), the new with none (2, not 2.00),
    the difference at the finer (-0.35)."""
    from scoring_engine.diff import ProjectComparison, ScoreChange
    from scoring_engine.reports.diff import score_rows

    from decimal import Decimal as D

    old, new = parse_indicator_set(LAST_YEAR), parse_indicator_set(LAST_YEAR.replace("id: water", "id: water\nprecision: 0"))
    assert 0 == new.precision
    project = ProjectComparison("p.json", "p", D("2.35"), D("2"), "良", "良",
                                (ScoreChange("g1.a", "甲", D("2.35"), D("2")),))
    rows = score_rows(diff_sets(old, new), [project])
    assert ("p", "总分（等级）", "2.35（良）", "2（良）", "-0.35") == rows[0]
    assert ("2.35", "2", "-0.35") == rows[1][2:]


def test_a_profile_that_changes_consequences_checks_or_explain_when_is_not_said_to_be_the_same() -> None:
    """A profile that changed only the grades' 结果应用 was 'the same in every respect'; one that dropped a check and
    moved the 需说明 threshold from 90% to 60% showed only its precision. Each is listed now, with both values."""
    base = load_indicator_set("self-evaluation")
    grades = "\n".join(f"  - {{label: {g.label}, min: {g.min}, consequence: 结果应用{i}}}" for i, g in enumerate(base.grades))
    profile = parse_indicator_set(f"""
extends: self-evaluation
id: p
name: 方案
version: "1"
grades:
{grades}
checks: []
explain_when:
  - {{when: execution_rate < 0.6, message: 预算执行率低于60%，需说明原因}}
""", "p.yaml", folder=Path("."))
    rows = change_rows(diff_sets(base, profile))
    assert ("结果应用", base.grades[0].label, base.grades[0].consequence or "无", "结果应用0") in rows
    assert ("删除核对", base.checks[0].message, base.checks[0].formula.text, "—") in rows
    assert ("新增需说明条件", "预算执行率低于60%，需说明原因", "—", "execution_rate < 0.6") in rows
    assert any(row[0] == "删除需说明条件" and row[2] == "execution_rate < 0.9" for row in rows)


def _profile_with_checks(checks: str) -> IndicatorSet:
    """A profile of self-evaluation whose checks are `checks` (YAML list items, each on its line)."""
    return parse_indicator_set(f"extends: self-evaluation\nid: p\nname: 方案\nversion: \"1\"\nchecks:\n{checks}\n", "p.yaml",
                               folder=Path("."))


def test_a_check_made_an_error_is_one_change_of_its_level_in_chinese() -> None:
    """A check given severity: error was shown as removed and added again, with the English word （error） (QA260 F6): it
    is one row, 核对级别 from 提示 to 错误; a check added as an error says so in Chinese."""
    base = load_indicator_set("self-evaluation")
    checks = "\n".join(f"  - {{expr: {json.dumps(c.formula.text, ensure_ascii=False)}, message: {c.message}, severity: error}}"
                       for c in base.checks[:1])
    profile = _profile_with_checks(checks + '\n  - {expr: "budget.paid >= 0", message: 新的核对, severity: error}')
    rows = change_rows(diff_sets(base, profile))
    assert ("核对级别", base.checks[0].message, "提示（照常评分）", "错误（不予评分）") in rows
    assert not any(row[0] in ("删除核对", "新增核对") and row[1] == base.checks[0].message for row in rows)
    assert ("新增核对", "新的核对", "—", "budget.paid >= 0（错误，不予评分）") in rows
    assert not any("error" in cell for row in rows for cell in row)


def test_a_set_that_writes_explain_when_empty_is_not_said_to_explain_as_one_that_does_not_write_it() -> None:
    """QA120 F3: `explain_when: []` (no project must explain itself) against a set that writes none (batch's usual rule:
    a low grade, 执行率 under 90%) was said to have the same 需说明 conditions, though batch and test list different
    projects. The usual rule is said to be gone."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    written = parse_indicator_set(text + "\nexplain_when: []\n", "empty.yaml", folder=EXAMPLE_SET.parent)
    rows = change_rows(diff_sets(load_indicator_set(EXAMPLE_SET), written))
    assert [row[0] for row in rows] == ["删除需说明条件"] and rows[0][1].startswith("batch 的通常规则"), rows
    assert [] == change_rows(diff_sets(written, written))


def test_grades_renamed_with_their_old_names_kept_as_aliases_are_one_rename_each() -> None:
    """QA44 F12: 优/良/中/差 renamed 优秀/良好/合格/不合格 with the old names as aliases were listed as four grades removed and
    four added, aliases not compared: the reader of the 说明材料 could not tell only the names changed."""
    old = load_indicator_set(EXAMPLE_SET)
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    renamed = {g.label: f"{g.label}等" for g in old.grades}
    for g in old.grades:
        text = text.replace(f"label: {g.label},", f"label: {renamed[g.label]}, aliases: [{g.label}],", 1)
    text = text.replace("grade == '中'", f"grade == '{renamed['中']}'").replace("grade == '差'", f"grade == '{renamed['差']}'")
    new = parse_indicator_set(text, str(EXAMPLE_SET))
    grades = [(c.kind, c.old, c.new) for c in diff_sets(old, new).changes if c.kind.startswith("grade") or c.kind == "aliases"]
    assert [("grade_renamed", g.label, renamed[g.label]) for g in old.grades] == grades


def test_a_rule_written_otherwise_but_the_same_is_no_change() -> None:
    """A default written out (boundary: min_inclusive), 1.0 for 1 and 0.90 for 0.9 were listed as rule changes, shown as
    cut JSON, while every project scored the same (QA55 F5): the same rule is no change; a value that did change is."""
    bands = "{kind: bands, value: paid, bands: [{min: 0.9, points: 30}, {max: 0.9, points: 0}]}"
    old = parse_indicator_set(LAST_YEAR.replace("{kind: proportional, value: paid, target: total}", bands))
    same = bands.replace("{kind: bands,", "{kind: bands, boundary: min_inclusive, display: number,").replace(
        "min: 0.9,", "min: 0.90,").replace("points: 30", "points: 30.0")
    rewritten = parse_indicator_set(LAST_YEAR.replace("{kind: proportional, value: paid, target: total}", same))
    assert not [row for row in change_rows(diff_sets(old, rewritten)) if row[0] == "评分规则"]
    flipped = parse_indicator_set(LAST_YEAR.replace("{kind: proportional, value: paid, target: total}",
                                                    same.replace("min_inclusive", "max_inclusive")))
    rows = [row[2:] for row in change_rows(diff_sets(old, flipped)) if row[0] == "评分规则"]
    assert [("boundary: min_inclusive", "boundary: max_inclusive")] == rows


def test_a_fraction_written_as_text_is_the_same_as_the_number_it_is() -> None:
    """QA338 M2: points_each: 1/2 for 0.5 (the national set's missing_archives element) was listed as a rule change,
    the new value printed in JSON's quotes ("1/2") beside bare numbers. A rule is compared as it scores: 1/2, 2/4 and
    0.5 are the same; 1/3 is not 0.33, and both sides print bare."""
    national = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    written = "findings: process.execution.missing_archives, points_each: 0.5"
    assert written in national
    old = parse_indicator_set(national, "national-framework.yaml")
    for same in ("1/2", "2/4", "0.50"):
        half = parse_indicator_set(national.replace(written, written.replace("0.5", same)), "half.yaml")
        assert [] == change_rows(diff_sets(old, half)), same
    third = parse_indicator_set(national.replace(written, written.replace("0.5", "1/3")), "third.yaml")
    assert [("elements[2].points_each: 0.5", "elements[2].points_each: 1/3")] == [
        row[2:] for row in change_rows(diff_sets(old, third)) if row[0] == "评分规则"]


def test_rows_weighted_for_the_base_whose_scores_are_in_points_are_not_told_to_drop_their_weights(tmp_path: Path):
    """QA214 1: a project whose 定性 rows give their scores in points (the resettlement example) failed under the Hubei
    profile with the fix to give its rows no weights; done, it failed under both sets, each tier's range moved under the
    scores. The fix names those rows, whose scores must be judged again for the other set's weights, and offers no
    weightless rows; rows all measured keep that fix, and following it compares the project under both sets."""
    example = ROOT / "examples" / "resettlement-housing" / "facts.json"
    run = CliRunner().invoke(main, ["--lang", "zh", "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(example)])
    assert 1 == run.exit_code, run.output
    assert "要在两个体系下比较，第 2、3 行（'房屋设计、超前钻探及报建'、'小区基础设施配套'）按分数给出的得分也须按 hubei-self-evaluation 1.0 的分值重新评定" in run.stderr, run.stderr
    assert "各行不写分值" not in run.stderr, run.stderr
    document = json.loads(example.read_text(encoding="utf-8"))
    for rows in document["facts"]["targets"].values():
        for row in rows:
            if row["type"] == "qualitative":
                row.update(type="quantitative", target=10, actual=9, unit="项")
                del row["tier"], row["score"]
    measured = tmp_path / "measured.json"
    measured.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(measured)])
    assert 1 == run.exit_code, run.output
    assert "to compare them under both sets, give the rows without weights (equal shares)" in run.stderr, run.stderr
    for rows in document["facts"]["targets"].values():
        for row in rows:
            del row["weight"]
    measured.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(measured)])
    assert 0 == run.exit_code, run.output + run.stderr


def test_a_forms_scores_in_points_weighted_for_the_base_are_named_by_their_cells_in_batch_compare_set(tmp_path: Path):
    """QA217 6: batch --compare-set of a filled form whose 定性 rows give their scores in points named them '第 3 行', the
    third row of the group: on a worksheet that reads as the sheet's row 3. On a form the fix names the cells the scores
    were typed in, in either language; a facts file's rows keep their numbers in the group its path names."""
    from scoring_engine.reports.layouts import render_layout

    example = ROOT / "examples" / "resettlement-housing" / "facts.json"
    indicator_set = load_indicator_set("self-evaluation")
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(indicator_set, load_facts(example)), indicator_set, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(form), "--compare-set", "hubei-self-evaluation", "-q"])
    assert "项目支出绩效自评表!G13–G15：" in run.stderr and "要在两个体系下比较，H14、H15 单元格（'小区基础设施配套'、'房屋设计、" \
           "超前钻探及报建'）按分数给出的得分也须按 hubei-self-evaluation 1.0 的分值重新评定" in run.stderr, run.stderr
    assert "第 " not in run.stderr, run.stderr
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(form), "--compare-set", "hubei-self-evaluation", "-q"])
    assert "the scores in points in cells H19, H21 ('拆迁群众安置', '工程质量') must be given again" in run.stderr, run.stderr
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(example), "--compare-set", "hubei-self-evaluation", "-q"])
    assert "$.facts.targets.output" in run.stderr and "第 2、3 行（" in run.stderr, run.stderr


def test_a_tiers_rule_is_compared_by_the_tiers_in_effect_the_national_three_when_none_are_written() -> None:
    """QA268 F4: the national three tiers written out were 3 rule changes while every project scored the same, and a move
    from them to 50% read `— → tiers: […]`, as if there had been no tiers. The defaults are compared as written out."""
    def with_rule(rule: str) -> object:
        text = LAST_YEAR.replace("  done: {type: integer, min: 0}\n", "  done: {type: integer, min: 0}\n  judged: {type: tier}\n")
        return parse_indicator_set(text.replace("{kind: formula, score: 10}", rule))

    old = with_rule("{kind: tiers, fact: judged}")
    written = "[{label: 达成年度指标, min: 0.8}, {label: 部分达成并具有一定效果, min: 0.6}, {label: 未达成且效果较差, min: 0}]"
    same = with_rule("{kind: tiers, fact: judged, tiers: " + written + "}")
    assert not [row for row in change_rows(diff_sets(old, same)) if row[0] == "评分规则"]
    lower = with_rule("{kind: tiers, fact: judged, tiers: " + written.replace("0.6", "0.5") + "}")
    rows = [row[2:] for row in change_rows(diff_sets(old, lower)) if row[0] == "评分规则"]
    assert [("tiers[1].min: 0.6", "tiers[1].min: 0.5")] == rows


def test_diff_facts_takes_a_filled_form_read_with_the_set_it_names(tmp_path: Path) -> None:
    """QA268 F7: `diff --facts FORM.xlsx` was refused as not YAML or JSON, though a bureau's projects are forms and every
    other command that takes a project takes one: each had to be imported first. The form is read with the set it names
    and scored under both; its total under that set is what `score` gives it."""
    from scoring_engine.reports.layouts import render_layout

    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    base = load_indicator_set("self-evaluation")
    form = tmp_path / "自评表.xlsx"
    form.write_bytes(render_layout(score(base, facts), base, "xlsx", "selfeval"))
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text("extends: self-evaluation\nid: stricter\ngrades:\n  - {label: 优秀, min: 99}\n  - {label: 良好, min: 80}\n"
                        "  - {label: 中等, min: 60}\n  - {label: 差, min: 0}\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "diff", "self-evaluation", str(stricter), "--facts", str(form),
                                    "--format", "markdown"])
    assert 0 == run.exit_code, run.output
    total = format(score(base, facts).total, "f")
    assert any(line.count(total) == 2 for line in run.stdout.splitlines() if "总分" in line), run.stdout


def test_tiers_written_low_to_high_are_the_same_rule_and_a_form_of_a_third_set_is_refused_naming_both(tmp_path: Path) -> None:
    """QA269 F5: the national three written from the lowest were 4 rule changes, though the engine orders tiers by min.
    F6: diff --facts given a form of neither set was told to leave out --set, an option diff has not, then 57 lines."""
    from scoring_engine.reports.layouts import render_layout

    def with_rule(rule: str) -> object:
        text = LAST_YEAR.replace("  done: {type: integer, min: 0}\n", "  done: {type: integer, min: 0}\n  judged: {type: tier}\n")
        return parse_indicator_set(text.replace("{kind: formula, score: 10}", rule))

    rising = "[{label: 未达成且效果较差, min: 0}, {label: 部分达成并具有一定效果, min: 0.6}, {label: 达成年度指标, min: 0.8}]"
    same = with_rule("{kind: tiers, fact: judged, tiers: " + rising + "}")
    assert not [row for row in change_rows(diff_sets(with_rule("{kind: tiers, fact: judged}"), same)) if row[0] == "评分规则"]
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    base = load_indicator_set("self-evaluation")
    form = tmp_path / "自评表.xlsx"
    form.write_bytes(render_layout(score(base, facts), base, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "zh", "diff", str(EXAMPLE_SET), str(EXAMPLE_SET), "--facts", str(form)])
    assert 1 == run.exit_code and run.stderr.splitlines() == [
        f"错误：{form}: 这张表是为指标体系 self-evaluation 填写的，不是 example-small（请给出所比较的两个指标体系的表，或其事实文件）"]


def test_facts_compared_say_what_scoring_them_warned_of_under_either_set(tmp_path: Path) -> None:
    """QA293 F1: a misspelt fact (survey.methd) was ignored in silence by `diff --facts`, whose scores then rested on the
    fact's default, where `score` and `batch` say so; and a fact one set declares and the other ignores went unsaid.
    Each warning is said once per project, of the set it came under when only one."""
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["facts"]["survey"]["methd"] = "weighted"
    facts = tmp_path / "p.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(EXAMPLE_SET.read_text(encoding="utf-8").replace("findings.compliance:", "findings.audit: {type: list}\n"
                                                                    "  findings.compliance:", 1), encoding="utf-8")
    document["facts"]["findings"]["audit"] = ["未附发票"]
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    done = CliRunner().invoke(main, ["--lang", "zh", "diff", str(EXAMPLE_SET), str(new), "--facts", str(facts)])
    assert 0 == done.exit_code, done.output
    said = {line.split(None, 2)[2]: line.split(None, 2)[1] for line in done.stdout.splitlines() if "提示" in line}
    assert "提示" == next(where for text, where in said.items() if text.startswith("事实 survey.methd 没有在体系中声明，已忽略"))
    assert "提示（原体系）" == next(where for text, where in said.items() if text.startswith("事实 findings.audit 没有在体系中声明"))
    assert 3 == len(said), done.stdout  # and the example's own check, failed under both, once


def test_a_forms_warnings_in_diff_facts_name_its_cell(tmp_path: Path) -> None:
    """QA295 F6: `diff --facts FORM.xlsx` gave a warning of a findings cell without the cell, where `score` names it
    (表外事实!C5), and the clerk could not tell which cell to mend. (Since QA319 F1 the result's warning names the cell,
    not the form's file, whose project the row names.)"""
    from test_form_side_values import FINDINGS_SET, side_sheet_form

    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "未附发票。坐支现金。"})
    other = tmp_path / "other.yaml"
    other.write_text(FINDINGS_SET.replace('version: "1"', 'version: "2"'), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "diff", str(tmp_path / "set.yaml"), str(other), "--facts", str(form)])
    assert 0 == run.exit_code, run.output
    assert f"表外事实!C{rows['found']}：合规性问题中的 '未附发票。坐支现金。' 可能是写在同一行的 2 个问题" in run.stdout, \
        run.stdout
    assert "form.xlsx：" not in run.stdout


def test_a_forms_problems_in_diff_facts_name_its_cells(tmp_path: Path) -> None:
    """QA308 2: `diff --facts FORM.xlsx` said a form's rows weighted for the other set by the facts' JSON path
    ($.facts.targets.output, 第 3 行), where `batch --compare-set` names the form's cells (项目支出绩效自评表!G13–G15):
    the clerk mends the form, not a file they never saw."""
    from scoring_engine.reports.layouts import render_layout

    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    base = load_indicator_set("self-evaluation")
    form = tmp_path / "自评表.xlsx"
    form.write_bytes(render_layout(score(base, facts), base, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "en", "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(form)])
    assert 1 == run.exit_code, run.output
    lines = run.stderr.splitlines()
    assert len(lines) == 2 and all("under the new set hubei-self-evaluation: 项目支出绩效自评表!G" in line for line in lines)
    assert "$.facts" not in run.output


def test_indicators_listed_in_another_order_under_one_parent_are_a_change() -> None:
    """QA308 3: two sibling indicators swapped was "identical", though the order is that of the printed 评分表 and
    自评表. It is one 顺序 row naming the parent and both orders; the 一级 likewise; an indicator moved to another parent
    is said moved, not also reordered."""
    old = parse_indicator_set(LAST_YEAR)
    rules = "      - {id: process.rules, name: 制度健全性, weight: 10, rule: {kind: formula, score: 10}}\n"
    execution = LAST_YEAR[LAST_YEAR.index("      - {id: process.execution"):LAST_YEAR.index(rules)]
    swapped = parse_indicator_set(LAST_YEAR.replace(execution + rules, rules + execution))
    assert [("顺序", "过程 (process)", "预算执行率、制度健全性", "制度健全性、预算执行率")] == change_rows(diff_sets(old, swapped))
    output = LAST_YEAR[LAST_YEAR.index("  - id: output"):]
    process = LAST_YEAR[LAST_YEAR.index("  - id: process"):LAST_YEAR.index(output)]
    tops = parse_indicator_set(LAST_YEAR.replace(process + output, output + "\n" + process))
    assert [("顺序", "一级指标", "过程、产出", "产出、过程")] == change_rows(diff_sets(old, tops))
    assert not [row for row in change_rows(diff_sets(old, parse_indicator_set(THIS_YEAR))) if row[0] == "顺序"]


def test_a_check_whose_test_is_rewritten_is_one_change_of_its_test() -> None:
    """QA308 4: a check whose expression changed but whose message stayed was shown as 删除核对 and 新增核对 with the
    same words, as if two checks: it is one 核对 row from the old test to the new. A check removed and another added
    with other words are still two."""
    base = load_indicator_set("self-evaluation")
    first = base.checks[0]
    rewritten = json.dumps(first.formula.text + " and budget.paid >= 0", ensure_ascii=False)
    checks = f"  - {{expr: {rewritten}, message: {first.message}}}\n  - {{expr: \"budget.paid >= 0\", message: 新的核对}}"
    profile = _profile_with_checks(checks)
    rows = [row for row in change_rows(diff_sets(base, profile)) if "核对" in row[0]]
    assert ("核对", first.message, first.formula.text, first.formula.text + " and budget.paid >= 0") in rows
    assert not any(row[0] in ("删除核对", "新增核对") and row[1] == first.message for row in rows)
    assert ("新增核对", "新的核对", "—", "budget.paid >= 0") in rows


def test_xlsx_leaves_a_failed_sides_score_empty_and_says_why_in_its_own_column(tmp_path: Path) -> None:
    """QA322 F7: a project one set cannot score had '—' in that side's score and the failure in 差值, so a tool summing
    the columns met text; the score and the difference are left empty and the failure is in 说明."""
    out = tmp_path / "d.xlsx"
    done = CliRunner().invoke(main, ["diff", "self-evaluation", "hubei-self-evaluation", "--facts",
                                     str(ROOT / "indicator_sets" / "self-evaluation.facts.json"), "--format", "xlsx", "-o", str(out)])
    assert 1 == done.exit_code, done.output
    rows = [r for r in openpyxl.load_workbook(out)["项目得分"].iter_rows(min_row=4, values_only=True)]
    total = next(r for r in rows if r[1] == "总分")
    assert (100, None, None, "优秀", None) == total[2:7]
    assert total[7].startswith("新评分失败：")
    numeric = {2, 3, 4}
    assert all(r[i] is None or isinstance(r[i], int | float) for r in rows for i in numeric)


_KEYWORDS_SET = """
id: d
name: 比较
version: "1"
facts:
  rate: {type: number, min: 0, max: 1, label: 完成率}
  issues: {type: list, items: finding, label: 问题}
grades:
  - {label: 合格, min: 60}
  - {label: 不合格, min: 0}
indicators:
  - {id: a, name: 完成率, weight: 50, rule: {kind: proportional, value: rate}}
  - {id: b, name: 问题, weight: 50, rule: {kind: deduction, findings: issues, points_each: 1, KEYWORDS}}
"""


def _rule_changes(old: str, new: str) -> list[tuple[str, str]]:
    def written(keywords: str) -> IndicatorSet:
        return parse_indicator_set(_KEYWORDS_SET.replace("KEYWORDS", f"keyword_points: [{{keywords: {keywords}, points: 5}}]"))
    return [(row[2], row[3]) for row in change_rows(diff_sets(written(old), written(new))) if row[0] == "评分规则"]


def test_a_changed_value_that_would_read_the_same_both_sides_is_shown_quoted() -> None:
    """Two keywords made one text holding a comma, a space added at a keyword's end: as written, both sides read
    [挪用, 截留] or 挪用, and the reader saw no change; both are shown as JSON then, each text in quotes (QA341 4)."""
    assert [('keyword_points[0].keywords: ["挪用","截留"]', 'keyword_points[0].keywords: ["挪用, 截留"]')] == \
        _rule_changes("[挪用, 截留]", '["挪用, 截留"]')
    assert [('keyword_points[0].keywords[0]: "挪用"', 'keyword_points[0].keywords[0]: "挪用 "')] == \
        _rule_changes("[挪用]", '["挪用 "]')
    assert [('keyword_points[0].keywords[0]: "挪用"', 'keyword_points[0].keywords[0]: "挪用、截留"')] == \
        _rule_changes("[挪用]", "[挪用、截留]")
    # values that read apart as written stay so
    assert [("keyword_points[0].keywords: [挪用]", "keyword_points[0].keywords: [挪用, 截留]")] == \
        _rule_changes("[挪用]", "[挪用, 截留]")


def test_a_check_or_condition_reworded_is_one_change_of_its_words() -> None:
    """QA342 F4b: a check testing the same with new words was shown as 删除核对 and 新增核对, as if two checks, and a
    需说明 condition likewise: each is one row, led by its test, from the old words to the new."""
    base = load_indicator_set("self-evaluation")
    first, second = base.checks[0], base.checks[1]
    checks = (f"  - {{expr: {json.dumps(first.formula.text, ensure_ascii=False)}, message: 全年执行数不得超过全年预算数}}\n"
              f"  - {{expr: {json.dumps(second.formula.text, ensure_ascii=False)}, message: {second.message}}}\n"
              "explain_when:\n  - {when: execution_rate < 0.9, message: 预算执行率低于90%的，需说明原因}\n"
              "  - {when: \"grade == '中等' or grade == '差'\", message: 评价结果为中等或差，需说明原因并提出整改措施}")
    rows = change_rows(diff_sets(base, _profile_with_checks(checks)))
    assert [("核对", first.formula.text, first.message, "全年执行数不得超过全年预算数"),
            ("需说明条件", "execution_rate < 0.9", "预算执行率低于90%，需说明原因", "预算执行率低于90%的，需说明原因")] == rows
