"""Filled 自评表 workbooks as batch input: alone or in folders, beside facts files and JSONL, read as `score FORM.xlsx` reads them.

The forms are the selfeval workbooks of projects under the bundled sets, some
edited through openpyxl as a unit would (a value typed as text with its unit,
the weight written into the 一级 label, a changed 实际完成值); one is broken
in a cell, one is not a workbook at all, one names no set.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score, score_many
from scoring_engine.batch import find_documents
from scoring_engine.forms.reader import NO_FORM_SET
from scoring_engine.cli import main
from scoring_engine.forms.reader import SIDE_SHEET
from scoring_engine.loader import resolve_set
from scoring_engine.reports.layouts import render_layout

HOUSING = ROOT / "examples" / "resettlement-housing" / "facts.json"
BASES = sorted((ROOT / "indicator_sets").glob("*.facts.json"))


def _form(facts_path: Path, target: Path) -> Path:
    """The selfeval workbook `score --layout selfeval` writes for the project in `facts_path`."""
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=facts_path.parent))
    target.write_bytes(render_layout(score(indicator_set, facts), indicator_set, "xlsx", "selfeval"))
    return target


def _edit(path: Path, change: Any) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    change(book)
    book.save(path)


def _cell(ws: Any, text: str) -> tuple[int, int]:
    return next((c.row, c.column) for row in ws.iter_rows() for c in row if c.value == text)


def _as_a_unit_fills_it(book: Any) -> None:
    """The housing form as a unit edits it: 19 buildings done (typed "19栋"), the budget typed "712.42万元", "产出指标(50分)"."""
    ws = book.worksheets[0]
    row, _ = _cell(ws, "安置房桩基及主体封顶栋数")
    ws.cell(row, _cell(ws, "实际完成值")[1], "19栋")
    total_row, _ = _cell(ws, "年度资金总额")
    ws.cell(total_row, _cell(ws, "全年预算数")[1], "712.42万元")
    ws.cell(*_cell(ws, "产出指标"), "产出指标(50分)")
    ws.cell(_cell(ws, "主管部门")[0], _cell(ws, "主管部门")[1] + 1, "某区住房和城乡建设局")


def _weight_column(ws: Any) -> int:
    """The 分值 column of the indicator block (the funds block has one too, above it)."""
    head = _cell(ws, "三级指标")[0]
    return next(c.column for c in ws[head] if c.value == "分值")


def _no_set_named(book: Any) -> None:
    side = book[SIDE_SHEET]
    row, _ = _cell(side, "指标体系")
    side.delete_rows(row)


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A folder of forms (one per bundled base project, the housing one edited), a broken form, a facts file and a JSONL file."""
    folder = tmp_path_factory.mktemp("forms")
    (folder / "单位甲").mkdir()
    made = [_form(path, folder / "单位甲" / f"{path.name.split('.')[0]}.xlsx") for path in BASES]
    housing = _form(HOUSING, folder / "单位乙.xlsx")
    _edit(housing, _as_a_unit_fills_it)
    broken = _form(HOUSING, folder / "单位甲" / "分值写成汉字.xlsx")
    _edit(broken, lambda book: book.worksheets[0].cell(_cell(book.worksheets[0], "安置房桩基及主体封顶栋数")[0],
                                                         _weight_column(book.worksheets[0]), "十九"))
    (folder / "单位甲" / "损坏.xlsx").write_bytes(b"PK\x03\x04 not really a zip archive")
    (folder / "单位甲" / "~$分值写成汉字.xlsx").write_bytes(b"\x00lock")  # Excel's lock file beside an open workbook
    (folder / "facts.json").write_text(HOUSING.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "projects.jsonl").write_text(json.dumps(json.loads(HOUSING.read_text(encoding="utf-8")), ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run = CliRunner().invoke(main, ["batch", str(folder), "--jobs", "1", "-o", str(out / "b.jsonl"), "-o", str(out / "b.xlsx")])
    lines = [json.loads(line) for line in (out / "b.jsonl").read_text(encoding="utf-8").splitlines()]
    return {"folder": folder, "forms": [*made, housing], "housing": housing, "broken": broken, "run": run,
            "lines": {line["source"]: line for line in lines}, "xlsx": (out / "b.xlsx").read_bytes()}


def test_the_folder_search_takes_forms_beside_facts_and_jsonl_and_skips_lock_files(forms: dict[str, Any]):
    """Every .xlsx below the folder is a document, in path order with the facts file and the JSONL line; ~$ lock files are not."""
    folder = forms["folder"]
    found = [d.name for d in find_documents([folder])]
    made = [f"单位甲/{path.name.split('.')[0]}.xlsx" for path in BASES]  # one filled form per bundled set
    assert ["facts.json", "projects.jsonl:1", "单位乙.xlsx", *made, "单位甲/分值写成汉字.xlsx", "单位甲/损坏.xlsx"] == found
    assert "单位甲/self-evaluation.xlsx" in made
    assert all(d.is_form == d.name.endswith(".xlsx") for d in find_documents([folder]))


def test_each_form_scores_as_score_form_xlsx_does(forms: dict[str, Any]):
    """The batch total and grade of every form are those `scoring-engine score FORM.xlsx` prints for it."""
    for form in forms["forms"]:
        alone = CliRunner().invoke(main, ["score", str(form), "--format", "json"])
        assert 0 == alone.exit_code, alone.output
        expected = json.loads(alone.stdout)
        result = forms["lines"][str(form)]["result"]
        assert (expected["total"], expected["grade"]) == (result["total"], result["grade"]), form


def test_the_edits_a_unit_made_are_what_is_scored(forms: dict[str, Any]):
    """The housing form with 19 of 19 buildings typed as "19栋" scores 92 (91 on the example), its 主管部门 is the one typed."""
    result = forms["lines"][str(forms["housing"])]["result"]
    assert Decimal("92") == Decimal(str(result["total"]))
    assert "某区住房和城乡建设局" == result["project"]["department"]
    assert Decimal("712.42") == next(Decimal(str(f["value"])) for f in result["facts"]["values"] if f["name"] == "budget.total")


def test_the_jsonl_keeps_the_cell_each_fact_came_from(forms: dict[str, Any]):
    """A form's line has "provenance": fact path → sheet!cell; a facts file's line has none."""
    line = forms["lines"][str(forms["housing"])]
    assert "项目支出绩效自评表!E6" == line["provenance"]["budget.total"]
    assert line["provenance"]["targets.output[0].actual"].startswith("项目支出绩效自评表!F")
    assert "provenance" not in forms["lines"][str(forms["folder"] / "facts.json")]


def test_a_broken_form_is_one_problem_row_naming_its_cell(forms: dict[str, Any]):
    """The form whose weight reads 十九 and the file that is no workbook are one 问题 row each (in Chinese, naming the
    cell); the others are scored; exit 1."""
    from openpyxl import load_workbook

    assert 1 == forms["run"].exit_code
    book = load_workbook(io.BytesIO(forms["xlsx"]), read_only=True)
    problems = [row for row in book["问题"].iter_rows(values_only=True)][1:]
    assert [str(forms["broken"]), str(forms["folder"] / "单位甲" / "损坏.xlsx")] == [row[1] for row in problems]
    assert "项目支出绩效自评表!G13：应为该行的分值（大于 0 的数），实际是 '十九'" in problems[0][-1]
    assert "不是 .xlsx 工作簿" in problems[1][-1]
    assert len(forms["forms"]) + 2 == len(list(book["汇总"].iter_rows())) - 1  # each form, the facts file and the JSONL line


def test_a_form_that_cannot_be_read_is_listed_under_the_project_its_header_names(forms: dict[str, Any], tmp_path: Path):
    """QA31 F1: a form failing on one cell (分值 十九), or naming no set, kept its 问题 row's 项目名称 and 实施单位 empty,
    and its unit's ranking counted no failure; the header cells read fine, and they name the project and its unit."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(forms["xlsx"]), read_only=True)
    header = next(row for row in book["问题"].iter_rows(values_only=True))
    broken = next(row for row in book["问题"].iter_rows(values_only=True) if row[1] == str(forms["broken"]))
    named = dict(zip(header, broken, strict=False))
    assert ("紫霞安置小区一期建设项目（2021年度专项资金）", "冷水滩高科技工业园") == (named["项目名称"], named["实施单位"])
    form = _form(HOUSING, tmp_path / "无体系.xlsx")
    _edit(form, _no_set_named)
    run = CliRunner().invoke(main, ["batch", str(form), "--jobs", "1", "-o", str(tmp_path / "b.xlsx")])
    rows = list(load_workbook(tmp_path / "b.xlsx", read_only=True)["问题"].iter_rows(values_only=True))
    assert 1 == run.exit_code and "冷水滩高科技工业园" == dict(zip(rows[0], rows[1], strict=False))["实施单位"], rows


def test_a_form_naming_no_set_fails_alone_unless_a_set_is_given(tmp_path: Path):
    """Without --set, a form whose side sheet names no set is one failed project with a Chinese and English line; with it, scored."""
    form = _form(HOUSING, tmp_path / "无体系.xlsx")
    _edit(form, _no_set_named)
    other = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "有体系.xlsx")
    run = CliRunner().invoke(main, ["batch", str(tmp_path), "--jobs", "1"])
    assert 1 == run.exit_code
    assert f"error: {form}: {NO_FORM_SET}" in run.stderr
    assert "1 scored, 1 failed" in run.stdout
    given = CliRunner().invoke(main, ["batch", str(form), str(other), "--set", "self-evaluation", "--jobs", "1"])
    assert 0 == given.exit_code, given.output
    assert "2 projects: 2 scored, 0 failed" in given.stdout


def test_a_form_naming_a_set_that_is_not_bundled_says_so(tmp_path: Path):
    """A side sheet naming a set id that is not bundled fails that form, naming the id and --set."""
    form = _form(HOUSING, tmp_path / "自定义.xlsx")
    _edit(form, lambda book: book[SIDE_SHEET].cell(_cell(book[SIDE_SHEET], "指标体系")[0], 2, "my-province-2024"))
    run = CliRunner().invoke(main, ["batch", str(form), "--jobs", "1"])
    assert 1 == run.exit_code
    assert "my-province-2024" in run.stderr and "--set" in run.stderr


def test_score_many_gives_a_forms_provenance(forms: dict[str, Any]):
    """score_many over a form yields its Result and the cells its facts came from; a facts file has none."""
    outcomes = list(score_many(None, [forms["housing"], forms["folder"] / "facts.json"]))
    assert [True, True] == [o.ok for o in outcomes]
    assert "项目支出绩效自评表!E6" == outcomes[0].provenance["budget.total"]
    assert {} == dict(outcomes[1].provenance)


def test_a_forms_own_warnings_are_listed_in_its_json_line(tmp_path: Path) -> None:
    """A score the unit typed that the set computes otherwise counted in 汇总's 提示数, but its text was in no output:
    the project's JSON line lists it under form_warnings (the 提示 score prints of the form)."""
    form = _form(HOUSING, tmp_path / "form.xlsx")

    def lower_the_total(book: Any) -> None:
        ws = book.worksheets[0]
        row, col = _cell(ws, "总分")
        cell = [c for c in ws[row] if isinstance(c.value, (int, float)) and c.column > col][-1]  # 得分, after 分值
        cell.value = 99
    _edit(form, lower_the_total)
    out = tmp_path / "out.jsonl"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(form), "-q", "-o", str(out)])
    assert 0 == run.exit_code, run.output
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert any("表上填写的总分 99 与按体系计算的" in note for note in line["form_warnings"]), line.get("form_warnings")
    # in the run's language, as the rest of the line (QA288 F7: Chinese in an English line)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(form), "-q", "-o", str(out)])
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert any("99" in note and "表上" not in note for note in line["form_warnings"]), line.get("form_warnings")


def test_compare_set_scores_a_forms_facts_under_a_set_of_another_layout_and_skips_what_failed(tmp_path: Path):
    """QA31 F3, F6: --compare-set read each form with the other set, so a self-evaluation form failed under the Sichuan
    set (another form layout) with a hint to leave out a --set never given; and a document this batch could not read
    was scored again, listed twice and counted among the other set's failures. The form's facts, as this batch read
    them, are what the other set scores; a project that failed here is one row of 问题."""
    from openpyxl import load_workbook

    own = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "自评.xlsx")
    broken = tmp_path / "损坏.json"
    broken.write_text("{", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(own), str(broken), "--compare-set", "sichuan-self-evaluation",
                                    "--jobs", "1", "-o", str(tmp_path / "b.xlsx")])
    assert 1 == run.exit_code
    assert "对比1个" in run.stdout and "sichuan-self-evaluation 1.0评分失败" not in run.stdout, run.output
    problems = list(load_workbook(tmp_path / "b.xlsx", read_only=True)["问题"].iter_rows(values_only=True))[1:]
    assert [str(broken)] == [row[1] for row in problems]
    assert "--set" not in run.stderr


def test_a_form_read_with_another_set_says_first_which_set_it_was_written_for(tmp_path: Path):
    """QA31 F2: a Hubei form read with --set self-evaluation (the same layout) was told to add a block and fix its
    weights, with no word that it is another set's form; a self-evaluation form read with the Sichuan set (another
    layout) got that word and every header the other layout lacks. The word comes first, and alone for another layout."""
    hubei = _form(ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json", tmp_path / "湖北.xlsx")
    same = CliRunner().invoke(main, ["--lang", "zh", "score", str(hubei), "--set", "self-evaluation"])
    assert 1 == same.exit_code
    lines = same.stderr.splitlines()
    assert "这张表是为指标体系 hubei-self-evaluation 填写的，这里却用 self-evaluation 读取" in lines[0] and len(lines) > 1, lines
    own = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "自评.xlsx")
    other = CliRunner().invoke(main, ["--lang", "zh", "score", str(own), "--set", "sichuan-self-evaluation"])
    assert 1 == other.exit_code
    assert ["这张表是为指标体系 self-evaluation 填写的，这里却用 sichuan-self-evaluation 读取"] == \
        [line.split(": ", 1)[1].split("（")[0] for line in other.stderr.splitlines()], other.stderr


def test_a_form_of_the_same_layout_read_with_another_set_is_not_told_to_add_the_rows_that_set_reads(tmp_path: Path):
    """QA131 F6: a Hubei form (no 满意度指标 block: its 满意度 rows are a 二级 of 效益指标) read with --set self-evaluation
    got, after the line naming its set, '满意度指标的三级指标 is empty (put the row back…)' and a warning to add a
    budget.method row to its side sheet: rows to add to a correct Hubei form. The line names the fact the other set reads
    in their place, and what the other set finds (weights, 二级 categories) follows it, by score and by batch."""
    hubei = _form(ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json", tmp_path / "湖北.xlsx")
    for lang, line, add in (("en", "and is read here with self-evaluation, which reads 1 fact the form does not hold "
                             "(targets.satisfaction)", ("put the row back", "add the row")),
                            ("zh", "这里却用 self-evaluation 读取，self-evaluation 所需的 1 个事实表上没有（targets.satisfaction）",
                             ("按表格原样补回这一行", "加一行"))):
        for command in (["score", str(hubei)], ["batch", str(hubei), "--jobs", "1", "-q"]):
            run = CliRunner().invoke(main, ["--lang", lang, *command, "--set", "self-evaluation"])
            lines = run.stderr.splitlines()
            assert 1 == run.exit_code and line in lines[0], run.output
            assert not [x for x in lines if any(words in x for words in add)], (lang, command[0], run.stderr)
            assert any("服务对象满意度指标" in x for x in lines[1:]) and len(lines) >= 4, (lang, command[0], run.stderr)


def test_a_default_taken_for_another_sets_form_is_said_all_the_same(tmp_path: Path):
    """QA140 F2: a self-evaluation form read with a county profile adding a veto fact (default 否) scored 优秀, exit 0,
    with nothing saying the veto was decided by its default: the warning was left out for another set's form. It is
    said, and as the county's profile extends the set the form names, with the row to add (QA141 F4: reading the form
    with its own set would drop the veto)."""
    form = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "自评.xlsx")
    profile = tmp_path / "county.yaml"
    profile.write_text("extends: self-evaluation\nid: county\nname: 某县\nversion: '2024'\nfacts:\n"
                       "  safety.major_accident: {type: boolean, default: false, label: 发生重大安全责任事故}\ncaps:\n"
                       "  - {when: safety.major_accident, grade_at_most: 中等, message: 一票否决}\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(profile)])
    said = [line for line in run.stderr.splitlines() if "safety.major_accident" in line]
    assert 0 == run.exit_code and len(said) == 1 and "default 否 is used" in said[0], run.stderr
    assert "add the row 事实 | safety.major_accident | 值" in said[0], said
    # QA143 F2: the first line does not give leaving out --set as the fix, which would drop the veto: a profile's changes
    # apply (the line stays: another layout or a newer base is said by it, QA145 F1, F2)
    assert "county is a profile of self-evaluation, whose changes apply" in run.stderr, run.stderr


def test_a_profile_extending_its_provinces_set_by_file_reads_the_provinces_form_as_its_own(tmp_path: Path):
    """QA143 F1: a county's profile with `extends: province.yaml` (id province-self-evaluation) read the province's form
    and was told to read it with the set it names, which drops the county's veto: the base was known by its file's name,
    not by its id. It is known by its id: the veto's default is said with the row to add."""
    (tmp_path / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n",
                                            encoding="utf-8")
    county = tmp_path / "county.yaml"
    county.write_text("extends: province.yaml\nid: county\nname: 某县\nversion: '2024'\nfacts:\n"
                      "  safety.major_accident: {type: boolean, default: false, label: 发生重大安全责任事故}\ncaps:\n"
                      "  - {when: safety.major_accident, grade_at_most: 中等, message: 一票否决}\n", encoding="utf-8")
    province = load_indicator_set(tmp_path / "province.yaml")
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    form = tmp_path / "省.xlsx"
    form.write_bytes(render_layout(score(province, facts), province, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(county)])
    said = [line for line in run.stderr.splitlines() if "safety.major_accident" in line]
    assert 0 == run.exit_code and len(said) == 1 and "add the row 事实 | safety.major_accident | 值" in said[0], run.stderr
    # QA146 F1: the way to score it as the province does is its file, not leaving out --set (it is not bundled)
    assert "county is a profile of province-self-evaluation" in run.stderr and "pass --set" in run.stderr, run.stderr


def test_a_form_of_an_older_version_of_the_base_read_with_a_profile_of_the_newer_is_told_the_gap(tmp_path: Path):
    """QA145 F2, QA146 F3: a form written with the province's set of version 1.0, read with a county's profile of the
    province's set now at 2025, got the same line as a current form: the version gap was never said, as it is when read
    with the province's set itself. It is said, with the fix."""
    (tmp_path / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n",
                                            encoding="utf-8")
    province = load_indicator_set(tmp_path / "province.yaml")
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    form = tmp_path / "省.xlsx"
    form.write_bytes(render_layout(score(province, facts), province, "xlsx", "selfeval"))
    (tmp_path / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n"
                                            "version: '2025'\n", encoding="utf-8")
    county = tmp_path / "county.yaml"
    county.write_text("extends: province.yaml\nid: county\nname: 某县\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(county)])
    said = "the form was written for version 1.0 of the set province-self-evaluation, and is read here with county, " \
           "a profile of its version 2025"
    assert said in run.stderr and "read it with a profile of version 1.0" in run.stderr, run.stderr


def test_this_years_set_built_on_last_years_compares_a_form_with_its_own_version(tmp_path: Path):
    """QA150 F1: province.yaml extends province-2024.yaml (the same id) at version 2025: its own 2025 form was told
    'written for version 2025 … read here with its version 2025', and last year's form nothing, as the form was compared
    with the base's version. A set that keeps its base's id is compared with its own version."""
    (tmp_path / "province-2024.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n"
                                                 "version: '2024'\n", encoding="utf-8")
    (tmp_path / "province.yaml").write_text("extends: province-2024.yaml\nversion: '2025'\n", encoding="utf-8")
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    forms = {}
    for name in ("province-2024", "province"):
        indicator_set = load_indicator_set(tmp_path / f"{name}.yaml")
        forms[name] = tmp_path / f"{name}.xlsx"
        forms[name].write_bytes(render_layout(score(indicator_set, facts), indicator_set, "xlsx", "selfeval"))
    this_year = CliRunner().invoke(main, ["--lang", "en", "score", str(forms["province"]), "--set", str(tmp_path / "province.yaml")])
    assert "written for version" not in this_year.stderr, this_year.stderr
    last_year = CliRunner().invoke(main, ["--lang", "en", "score", str(forms["province-2024"]), "--set",
                                          str(tmp_path / "province.yaml")])
    assert "written for version 2024 of the set province-self-evaluation, and is read here with its version 2025" \
        in last_year.stderr, last_year.stderr
    # the blank form is the set's file's, which the command finds; its id names no bundled set (QA151 F1)
    assert "province.yaml)" in last_year.stderr and "template province-self-evaluation" not in last_year.stderr


def test_a_profiles_base_in_a_folder_beside_the_forms_is_named_by_its_path(tmp_path: Path):
    """QA147 F1: the province's set in sets/, its forms in forms/: a county's profile (extends: province.yaml) reading
    one was told 'pass --set with the file of the set province-self-evaluation', though the profile names the file."""
    (tmp_path / "sets").mkdir()
    (tmp_path / "forms").mkdir()
    (tmp_path / "sets" / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n",
                                                     encoding="utf-8")
    (tmp_path / "sets" / "county.yaml").write_text("extends: province.yaml\nid: county\nname: 某县\n", encoding="utf-8")
    province = load_indicator_set(tmp_path / "sets" / "province.yaml")
    form = tmp_path / "forms" / "省.xlsx"
    form.write_bytes(render_layout(score(province, load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")),
                                   province, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(tmp_path / "sets" / "county.yaml")])
    assert "pass --set " in run.stderr and "sets/province.yaml" in run.stderr, run.stderr
    assert "the file of the set" not in run.stderr, run.stderr


def test_a_profile_of_another_layout_reading_its_bases_form_is_told_that_line_alone(tmp_path: Path):
    """QA145 F1: a profile of self-evaluation printing the Sichuan-style form, reading a self-evaluation form, got four
    errors telling to rewrite the form's correct headings, and no word of its set: the line naming the set the form was
    written for was left out for a profile. It is said, alone, as for any set of another layout."""
    form = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "自评.xlsx")
    profile = tmp_path / "county-sc.yaml"
    profile.write_text("extends: self-evaluation\nid: county-sc\nname: 某县\nform:\n  layout: selfeval-sichuan\n"
                       "  funds:\n    indicator: budget\n    rows:\n"
                       "      total: {initial: budget.initial, budget: budget.total, paid: budget.paid}\n"
                       "  targets: {output: 产出指标, benefit: 效益指标, satisfaction: 满意度指标}\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(profile)])
    lines = run.stderr.splitlines()
    assert 1 == run.exit_code and 1 == len(lines) and "the form was written for the set self-evaluation" in lines[0], lines


def test_compare_set_does_not_offer_the_forms_own_rescaled_sums_as_the_other_sets(tmp_path: Path):
    """QA32 F2: a cost-type form with 预算 不适用, compared under self-evaluation, was told its rows could add up to 44.45:
    the group's weight rescaled under the set that wrote the form, not under the other set, so following it still failed."""
    from scoring_engine.facts import Facts

    base = load_facts(ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json")
    indicator_set = load_indicator_set("cost-type-self-evaluation")
    facts = Facts(values=base.values, not_applicable={"budget": "本项目不涉及预算"}, project=base.project)
    form = tmp_path / "成本.xlsx"
    form.write_bytes(render_layout(score(indicator_set, facts), indicator_set, "xlsx", "selfeval"))
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(form), "--compare-set", "self-evaluation", "--jobs", "1", "-q"])
    assert 1 == run.exit_code and "rows' weights add up to" in run.stderr, run.output
    assert "rescaled away" not in run.stderr, run.stderr


def test_rows_weighted_for_the_set_a_form_was_filled_for_are_said_so_under_the_compared_set(tmp_path: Path):
    """QA81 F6: under a profile that moves a group's weight (Hubei: 产出 40, not 50), every self-evaluation form failed
    with the fix to make its rows add up to 40, the blank form's 分值, though the form is right for its own set. The
    line says the rows are weighted for the set the form was filled for, and how to compare them; in diff too."""
    form = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "自评.xlsx")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(form), "--compare-set", "hubei-self-evaluation", "--jobs", "1",
                                    "-q"])
    assert 1 == run.exit_code, run.output
    assert "the rows are weighted for self-evaluation 1.0, where output weighs 50: to compare them under both sets" in run.stderr
    assert "the weight the set gives" not in run.stderr, run.stderr
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    compared = CliRunner().invoke(main, ["--lang", "zh", "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(facts)])
    assert 1 == compared.exit_code
    assert "各行分值是按 self-evaluation 1.0 填写的（其中 output 的分值为 50）：要在两个体系下比较" in compared.stderr, compared.stderr


def test_a_form_of_another_set_that_scores_under_set_is_told_so(tmp_path: Path):
    """QA32 F5: a form read with --set for another set than the one its side sheet names, that scores all the same (a
    Henan bond form under the cost-type set), got no word that it was written for another set."""
    form = _form(ROOT / "indicator_sets" / "henan-special-bond.facts.json", tmp_path / "专项债.xlsx")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", "cost-type-self-evaluation"])
    assert 0 == run.exit_code, run.output
    assert "the form was written for the set henan-special-bond, and is read here with cost-type-self-evaluation" in run.stderr
    alone = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert 0 == alone.exit_code and "written for the set" not in alone.output


def test_a_workbook_of_two_forms_is_listed_under_neither_project(tmp_path: Path):
    """QA32 F4: a workbook holding two projects' form sheets fails as such; its 问题 row named the first sheet's project,
    counting the failure against one unit and not the other. Which project it is is not said: the file is."""
    from openpyxl import load_workbook

    form = _form(HOUSING, tmp_path / "两张表.xlsx")
    _edit(form, lambda book: book.copy_worksheet(book.worksheets[0]))
    run = CliRunner().invoke(main, ["batch", str(form), "--jobs", "1", "-o", str(tmp_path / "b.xlsx")])
    rows = list(load_workbook(tmp_path / "b.xlsx", read_only=True)["问题"].iter_rows(values_only=True))
    named = dict(zip(rows[0], rows[1], strict=False))
    assert 1 == run.exit_code and "form sheets" in run.stderr, run.output
    assert (str(form), None, None) == (named["来源"], named["项目名称"] or None, named["实施单位"] or None), named


def test_a_form_damaged_in_its_zip_directory_is_one_failed_project_not_a_crash(tmp_path: Path):
    """QA65 F1: a form whose zip says it needs version 9.2 stopped the whole batch with an internal error (the reader,
    and then again the header read for its 问题 row). It fails alone, named; the project beside it is scored."""
    from test_forms import _needing_version

    good = tmp_path / "a.xlsx"
    CliRunner().invoke(main, ["score", str(HOUSING), "--layout", "selfeval", "-o", str(good)])
    bad = tmp_path / "b.xlsx"
    bad.write_bytes(_needing_version(good.read_bytes(), 92))
    outcomes = list(score_many(None, [good, bad]))
    assert [True, False] == [o.ok for o in outcomes]
    assert "not an .xlsx workbook" in outcomes[1].problems[0].message and not outcomes[1].row.internal


def test_a_form_whose_workbook_part_is_damaged_is_one_failed_project_not_a_crash(tmp_path: Path):
    """QA65 F2: a form whose compressed workbook part is damaged stopped the whole batch (a zlib error while the batch
    looked whether it was an earlier run's summary). It is one row of 问题; the project beside it is scored."""
    import zipfile

    good = tmp_path / "a.xlsx"
    CliRunner().invoke(main, ["score", str(HOUSING), "--layout", "selfeval", "-o", str(good)])
    data = good.read_bytes()
    with zipfile.ZipFile(good) as book:
        info = book.getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)  # its compressed bytes
    middle = start + info.compress_size // 2
    (tmp_path / "b.xlsx").write_bytes(data[:middle] + b"\xff" * 8 + data[middle + 8:])
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-j", "1", str(tmp_path), "-o", str(tmp_path / "out.csv")])
    assert 1 == run.exit_code and "内部错误" not in run.output, run.output
    assert "b.xlsx: 无法读取工作簿" in run.output and (tmp_path / "out.csv").exists()


def test_a_forms_hints_and_the_sets_warnings_are_listed_in_the_workbook_and_on_the_page(tmp_path: Path):
    """QA79 F2: what score says of a form (a score typed as text, a 95 in a % cell read 9500%) was, in a batch, a
    count in 汇总's 提示数 only. Each scored project's 提示 is a row of the workbook's 提示 sheet and of the page's list;
    a batch with none has no such sheet."""
    from openpyxl import load_workbook

    (tmp_path / "forms").mkdir()
    form = _form(HOUSING, tmp_path / "forms" / "a.xlsx")

    def typed_as_text(book: Any) -> None:
        ws = book.worksheets[0]
        row, _ = _cell(ws, "安置房桩基及主体封顶栋数")
        heading = max((c for line in ws.iter_rows() for c in line if c.value == "得分" and c.row < row), key=lambda c: c.row)
        ws.cell(row, heading.column, "八")  # the row's 得分, under the heading of its table

    _edit(form, typed_as_text)
    outputs = [tmp_path / "s.xlsx", tmp_path / "s.html"]
    run = CliRunner().invoke(main, ["batch", str(tmp_path / "forms"), "-q", *[a for o in outputs for a in ("-o", str(o))]])
    assert 0 == run.exit_code, run.output
    said = [row for row in load_workbook(outputs[0], read_only=True)["提示"].iter_rows(values_only=True)][1:]
    assert any("八" in str(row[4]) and str(row[1]).endswith("a.xlsx") for row in said), said
    page = outputs[1].read_text(encoding="utf-8")
    assert '<section id="said">' in page and "八" in page.split('<section id="said">')[1]
    plain = tmp_path / "plain"
    plain.mkdir()
    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    (plain / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["batch", str(plain), "-q", "-o", str(tmp_path / "n.xlsx")])
    assert 0 == run.exit_code and "提示" not in load_workbook(tmp_path / "n.xlsx", read_only=True).sheetnames, run.output


def _another_province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A province's own set (not bundled) with its own layout: the national one with a 资金总额 row for 年度资金总额 and a
    指标性质 column (as QA129's ganzhou form), a layout file of the engine's folder as far as the engine can tell."""
    from scoring_engine.forms import layout

    text = (layout.form_layouts()["selfeval"].read_text(encoding="utf-8").replace("id: selfeval", "id: selfeval-qa129")
            .replace("label: 年度资金总额", "label: 资金总额")
            .replace("    - {key: target,", "    - {key: comparison, label: 指标性质}\n    - {key: target,"))
    (tmp_path / "selfeval-qa129.yaml").write_text(text, encoding="utf-8")
    bundled = layout.form_layouts
    monkeypatch.setattr(layout, "form_layouts", lambda: {**bundled(), "selfeval-qa129": tmp_path / "selfeval-qa129.yaml"})
    (tmp_path / "province.yaml").write_text(
        "extends: self-evaluation\nid: province-qa129\nversion: '1'\nform:\n  layout: selfeval-qa129\n  funds:\n"
        "    indicator: budget\n    rows:\n      total: {initial: budget.initial, budget: budget.total, paid: budget.paid}\n"
        "  targets: {output: 产出指标, benefit: 效益指标, satisfaction: 满意度指标}\n", encoding="utf-8")
    return tmp_path / "province.yaml"


def test_a_form_of_a_provinces_own_layout_read_with_another_set_gets_that_line_alone(tmp_path: Path, monkeypatch):
    """QA129 F5: a national form read with --set of a province's own set (its own layout), and that province's form read
    with --set self-evaluation, got besides the line naming the form's set lines telling the clerk to add a 资金总额 row
    or a ≥ to each target (its sign is in the form's 指标性质 column). The forms' blocks and columns are another layout's,
    so the line is said alone (docs/reports.md, Filled forms in), by score and by batch."""
    province = _another_province(tmp_path, monkeypatch)
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    (tmp_path / "p.json").write_text(json.dumps({**facts, "indicator_set": "province-qa129"}, ensure_ascii=False), "utf-8")
    national = _form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "national.xlsx")
    run = CliRunner().invoke(main, ["score", str(tmp_path / "p.json"), "--set", str(province), "--layout", "selfeval",
                                    "-o", str(tmp_path / "province.xlsx")])
    assert 0 == run.exit_code, run.output
    own = tmp_path / "province.xlsx"
    for form, other in ((own, "self-evaluation"), (own, "sichuan-self-evaluation"), (national, str(province))):
        for command in (["score", str(form)], ["batch", str(form), "--jobs", "1", "-q"]):
            run = CliRunner().invoke(main, ["--lang", "en", *command, "--set", other])
            assert 1 == run.exit_code, run.output
            assert 1 == len(run.stderr.splitlines()), (form.name, command[0], run.stderr)
            assert "the form was written for the set" in run.stderr, run.stderr


def test_a_forms_jsonl_result_is_byte_for_byte_score_json_whatever_language_the_form_suggests(tmp_path: Path) -> None:
    """QA283 F5: in a C locale, batch's .jsonl gave a Chinese form's check warning in Chinese (the run's language,
    guessed from the form: `xlsx：…：`) where `score --format json` gives it in English (the language chosen, never
    guessed: `xlsx: …: `), breaking the documented byte-for-byte promise. Both write the language chosen."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = document["facts"]["budget"]["total"] + 10  # 全年执行数超过全年预算数
    facts = tmp_path / "p.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = _form(facts, tmp_path / "自评表.xlsx")
    env = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None, "SCORING_ENGINE_LANG": None}
    for lang in ([], ["--lang", "zh"]):
        out = tmp_path / f"out{len(lang)}.jsonl"
        run = CliRunner().invoke(main, [*lang, "batch", str(form), "-q", "-o", str(out)], env=env)
        assert 0 == run.exit_code, run.output
        scored = CliRunner().invoke(main, [*lang, "score", str(form), "--format", "json"], env=env)
        result = json.loads(out.read_text(encoding="utf-8").splitlines()[0])["result"]
        assert result["warnings"] and json.loads(scored.stdout) == result, (result["warnings"], scored.stdout[:400])
