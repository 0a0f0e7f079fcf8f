"""A profile that keeps its base's id and version (it may: "id, name and version are inherited otherwise") names its base
on its results, and would on its forms, whose side sheet names the set they are read back with: read back, such a form
was scored with the base's weights and rules (QA152 F1, QA155 F1, F2). No form is written from it: template, and score
and batch in a 自评表 layout, refuse it in one line with its fix; validate and lint warn of it. A note typed in the side
sheet's 说明 column is no set's name and never refused (QA155 F3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from scoring_engine.cli import main
from scoring_engine.lint import lint_file

ROOT = Path(__file__).resolve().parent.parent
SELF_FACTS = ROOT / "indicator_sets" / "self-evaluation.facts.json"
# QA155 F1: no id, name or version; only the budget's rule changed (bands: 0 points under 90%).
KEEPS_RULE = ("extends: self-evaluation\nchange:\n  budget:\n    rule: {kind: bands, value: execution_rate, display: percent, "
              "bands: [{min: 0.9, points: 10}, {max: 0.9, points: 0}]}\n")
# QA155 F2: a province with its own id, and a county of it with its own name and budget rule but the province's id.
PROVINCE = "extends: self-evaluation\nid: province-self-evaluation\nname: 某省项目支出绩效自评指标体系\nversion: '2025'\n"
COUNTY = "extends: province.yaml\nname: 某县项目支出绩效自评指标体系\n" + KEEPS_RULE.split("\n", 1)[1]
REFUSED = ("no form is written from this profile: it keeps the id and version of a set it is built on, {id}, while changing "
           "that set, and a form naming {id} is read back as {base}'s (give it its own id: (or version:))")
# QA156 F4: a bundled set's id is read back as the bundled set whatever the version: only an id of its own will do.
REFUSED_BUNDLED = ("no form is written from this profile: it keeps the id of the bundled set self-evaluation while changing "
                   "it, and a form naming self-evaluation is read back without --set as the bundled set, whatever version "
                   "it names (give it an id: of its own; a version: of its own is not enough)")


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    return run.exit_code, run.output


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the two profiles that keep their base's id, and the self-evaluation facts at 80% execution (98.00
    under self-evaluation's proportional rule, 90.00 under their bands)."""
    monkeypatch.chdir(tmp_path)
    Path("keeprule.yaml").write_text(KEEPS_RULE, encoding="utf-8")
    Path("province.yaml").write_text(PROVINCE, encoding="utf-8")
    Path("county.yaml").write_text(COUNTY, encoding="utf-8")
    facts = json.loads(SELF_FACTS.read_text(encoding="utf-8"))
    facts["facts"]["budget"]["paid"] = 80
    del facts["indicator_set"]
    Path("f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return tmp_path


_KEEPING = [("keeprule.yaml", REFUSED_BUNDLED),
            ("county.yaml", REFUSED.format(id="province-self-evaluation 2025", base="province-self-evaluation"))]
_KEEPING_ZH = {"keeprule.yaml": ("它沿用了内置指标体系的编号 self-evaluation", "（在本方案中写上它自己的 id:（只写它自己的 version: 不够））"),
               "county.yaml": ("它沿用了所依据指标体系的编号和版本 province-self-evaluation 2025",
                               "（在本方案中写上它自己的 id:（或 version:））")}


@pytest.mark.parametrize(("profile", "refused"), _KEEPING)
def test_template_writes_no_form_of_a_profile_keeping_its_bases_id_in_any_format(here: Path, profile, refused):
    """template keeprule.yaml wrote a blank form naming self-evaluation 1.0, read back with self-evaluation's budget rule
    (98.00 for 90.00); of county.yaml one naming the province, read back with province.yaml (QA155 F1, F2). Every form
    format is now refused in one line with the fix, and nothing is written."""
    line = f"error: {profile}: " + refused
    for fmt in ("xlsx", "html", "markdown", "csv"):
        code, output = _run("template", profile, "--format", fmt, "-o", f"blank.{'md' if fmt == 'markdown' else fmt}")
        assert 1 == code and [line] == output.splitlines(), output
    assert not list(here.glob("blank.*"))
    code, output = _run("--lang", "zh", "template", profile, "-o", "blank.xlsx")
    said, fix = _KEEPING_ZH[profile]
    assert 1 == code and f"不能按本方案生成表：{said}" in output, output
    assert fix in output and "form" not in output, output


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_template_still_writes_a_facts_skeleton_naming_the_profiles_file(here: Path, fmt: str):
    """A skeleton names the profile's file, not the id it keeps: scored back, it is scored with the profile."""
    code, output = _run("template", "keeprule.yaml", "-o", f"skeleton.{fmt}")
    assert 0 == code and "no form" not in output, output
    assert "indicator_set: keeprule.yaml" in Path(f"skeleton.{fmt}").read_text(encoding="utf-8").replace('"', "") \
        .replace(",", "")


@pytest.mark.parametrize(("profile", "refused"), _KEEPING)
def test_score_writes_no_selfeval_form_of_a_profile_keeping_its_bases_id(here: Path, profile, refused):
    """score f.json --set keeprule.yaml --layout selfeval -o form.xlsx wrote a form scored 90.00 that score read back as
    98.00 (QA155 F1). It is refused, as is the set's own 自评表 layout as a workbook; as a page or text, which no command
    reads back, and as the 评分表, the report is still written."""
    line = f"error: {profile}: " + refused
    for args in (["--layout", "selfeval", "-o", "form.xlsx"], ["-o", "form.xlsx"]):
        code, output = _run("score", "f.json", "--set", profile, *args)
        assert 1 == code and [line] == output.splitlines(), (args, output)
    assert not list(here.glob("form.*"))
    for args in (["--layout", "selfeval", "-o", "f.html"], ["--format", "markdown"]):
        code, output = _run("score", "f.json", "--set", profile, *args)
        assert 0 == code and "no form" not in output, (args, output)
    code, output = _run("score", "f.json", "--set", profile, "--layout", "scoresheet", "-o", "sheet.xlsx")
    assert 0 == code and "sheet.xlsx: 90.00" in output, output


def test_batch_writes_no_selfeval_report_of_a_profile_keeping_its_bases_id(here: Path):
    """batch --set keeprule.yaml --reports DIR --report-format xlsx is refused before anything is written; a facts file
    naming the profile's file is a problem of its project (its report would be the form), and the project beside it is
    scored and reported. Reports as pages are written for both."""
    Path("in").mkdir()
    Path("in", "keeprule.yaml").write_text(KEEPS_RULE, encoding="utf-8")
    facts = json.loads(Path("f.json").read_text(encoding="utf-8"))
    for name, named in (("kept", "keeprule.yaml"), ("own", "self-evaluation")):
        Path("in", f"{name}.json").write_text(json.dumps({**facts, "indicator_set": named}, ensure_ascii=False), "utf-8")
    code, output = _run("batch", "in", "--set", "keeprule.yaml", "--reports", "reports", "--report-format", "xlsx",
                        "-o", "all.jsonl", "-q")
    assert 1 == code and output.splitlines()[-1] == "error: keeprule.yaml: " + REFUSED_BUNDLED, output
    assert not Path("reports").exists() and not Path("all.jsonl").exists()
    code, output = _run("batch", "in", "--reports", "reports", "--report-format", "xlsx", "-o", "all.jsonl", "-q")
    lines = {Path(line["source"]).name: line for line in map(json.loads, Path("all.jsonl").read_text("utf-8").splitlines())}
    assert 1 == code and 98 == lines["own.json"]["result"]["total"] and "result" not in lines["kept.json"], output
    assert "no form is written from this profile" in json.dumps(lines["kept.json"]), lines
    assert [p.name for p in Path("reports").glob("*.xlsx")] == ["000002-own.xlsx"]
    code, output = _run("batch", "in", "--reports", "pages", "-o", "pages.jsonl", "-q")
    assert 0 == code and sorted(p.name for p in Path("pages").glob("*.html")) == ["000001-kept.html", "000002-own.html"]


@pytest.mark.parametrize("note", ["2024年度单位自评", "某县单位自评（第二次填报）", "见附件"])
def test_a_note_in_the_side_sheets_note_column_is_read_as_before(here: Path, note: str):
    """表外事实!E2 is under 说明: a clerk's note there (2024年度单位自评) was refused as the name of another set keeping
    the id (QA155 F3), and every such unit failed in a batch. The form is scored as its set's, by score and batch."""
    facts = json.loads(Path("f.json").read_text(encoding="utf-8"))
    facts["facts"]["budget"]["paid"] = 100
    Path("f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    Path("forms").mkdir()
    code, output = _run("score", "f.json", "--set", "self-evaluation", "--layout", "selfeval", "-o", "forms/form.xlsx")
    assert 0 == code, output
    book = load_workbook("forms/form.xlsx")
    assert ("指标体系", "说明") == (book["表外事实"]["A2"].value, book["表外事实"]["E1"].value)
    book["表外事实"]["E2"] = note
    book.save("forms/form.xlsx")
    code, output = _run("score", "forms/form.xlsx")
    assert 0 == code and "总分 100.00" in output and "error" not in output, output
    code, output = _run("batch", "forms", "-o", "all.jsonl", "-q")
    assert 0 == code and 100 == json.loads(Path("all.jsonl").read_text("utf-8"))["result"]["total"], output


def test_validate_and_lint_warn_that_no_form_can_be_written_from_a_profile_keeping_its_bases_id(here: Path):
    """A warning, not an error: the profile is valid and scores; it says that no blank form or 自评表 workbook can be
    written from it (it said "no form", but its 自评表 as a page or text is written: QA156 F4); of a bundled set's id, that
    only an id of its own will do."""
    said = ("keeprule.yaml: this profile keeps the id of the bundled set self-evaluation while changing it: its results "
            "name self-evaluation 1.0, and no blank form or 自评表 workbook can be written from it (template; score and "
            "batch --reports as xlsx in the selfeval layout), since a form naming self-evaluation is read back without "
            "--set as the bundled set, whatever version it names (give the profile an id: of its own, so that its "
            "results and forms name it; a version: of its own is not enough)")
    code, output = _run("validate", "keeprule.yaml")
    assert 0 == code and f"warning: {said}" in output, output
    code, output = _run("lint", "keeprule.yaml")
    assert 0 == code and f"{said.split(': ', 1)[0]}: warning: {said.split(': ', 1)[1]}" in output, output
    assert ["base-id"] == [w.code for w in lint_file(Path("keeprule.yaml"))[1] if w.code == "base-id"]
    code, output = _run("--lang", "zh", "validate", "keeprule.yaml")
    assert 0 == code and "提示：keeprule.yaml: 本方案沿用了内置指标体系的编号 self-evaluation，却改动了它" in output, output
    assert "也不能按本方案生成空白表或自评表工作簿（template；score、batch --reports 以自评表格式输出 xlsx）" in output, output
    assert "只写它自己的 version: 不够" in output, output
    code, output = _run("validate", "county.yaml")
    assert 0 == code and ("warning: county.yaml: this profile keeps the id and version of a set it is built on, "
                          "province-self-evaluation 2025, while changing that set") in output, output
    assert "no blank form or 自评表 workbook can be written from it" in output and "(or version:)" in output, output


@pytest.mark.parametrize("text", ["extends: self-evaluation\n",  # changes nothing: it is the base
                                  "extends: self-evaluation\nid: prov\n" + KEEPS_RULE.split("\n", 1)[1],
                                  "extends: province.yaml\nversion: '2026'\nname: 某省方案\n"])
def test_a_profile_with_its_own_id_or_version_or_no_change_writes_its_forms(here: Path, text: str):
    """Only a profile that changes its base and names itself as the base is refused a form and warned of; this year's
    province file built on last year's under the same id, with a version of its own, is not (its forms are read with the
    file of their version)."""
    Path("prov.yaml").write_text(text, encoding="utf-8")
    for command in (["template", "prov.yaml", "-o", "blank.xlsx"], ["validate", "prov.yaml"], ["lint", "prov.yaml"],
                    ["score", "f.json", "--set", "prov.yaml", "--layout", "selfeval", "-o", "form.xlsx"]):
        code, output = _run(*command)
        assert 0 == code and "keeps the id" not in output, output
    assert Path("blank.xlsx").is_file() and Path("form.xlsx").is_file()


def test_a_county_profile_keeping_its_provinces_id_is_warned_of_and_one_changing_nothing_is_not(tmp_path: Path):
    """A profile of a profile: the id it keeps is its nearest base's (the province's), and the province's changes are
    not the county's."""
    (tmp_path / "prov.yaml").write_text("extends: national-framework\nid: prov\nname: 某省\n"
                                        "change: {decision: {weight: 12, rescale: siblings}}\n", encoding="utf-8")
    (tmp_path / "same.yaml").write_text("extends: prov.yaml\n", encoding="utf-8")
    (tmp_path / "county.yaml").write_text("extends: prov.yaml\nname: 某县\n", encoding="utf-8")
    assert not [w for w in lint_file(tmp_path / "same.yaml")[1] if w.code == "base-id"]
    warned = [w for w in lint_file(tmp_path / "county.yaml")[1] if w.code == "base-id"]
    assert [{"id": "prov", "version": "2020.2"}] == [dict(w.fields) for w in warned]


def test_a_county_adopting_as_it_stands_a_province_file_that_keeps_the_bundled_id_gets_no_form(here: Path):
    """child.yaml says only `extends: keeprule.yaml` (a county adopting its province's file as it stands): its template,
    its 自评表 workbook from score and batch, and render_layout and blank_form in Python all wrote forms naming
    self-evaluation 1.0, read back as 98.00 for 90.00, and validate and lint said nothing (QA156 F1). The change its base
    made is as much kept under the id as one it makes itself: refused and warned of as keeprule.yaml is."""
    from scoring_engine import load_indicator_set, score
    from scoring_engine.errors import IndicatorSetError
    from scoring_engine.reports.layouts import blank_form, render_layout

    Path("child.yaml").write_text("extends: keeprule.yaml\n", encoding="utf-8")
    for fmt in ("xlsx", "html"):
        code, output = _run("template", "child.yaml", "--format", fmt, "-o", f"blank.{fmt}")
        assert 1 == code and output.startswith("error: child.yaml: no form is written from this profile"), output
    code, output = _run("score", "f.json", "--set", "child.yaml", "--layout", "selfeval", "-o", "form.xlsx")
    assert 1 == code and "no form is written from this profile" in output, output
    Path("in").mkdir()
    Path("in", "f.json").write_text(Path("f.json").read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run("batch", "in", "--set", "child.yaml", "--reports", "reports", "--report-format", "xlsx", "-q")
    assert 1 == code and "no form is written from this profile" in output, output
    assert not list(here.glob("blank.*")) and not Path("form.xlsx").exists() and not Path("reports").exists()
    child = load_indicator_set("child.yaml")
    facts = json.loads(Path("f.json").read_text(encoding="utf-8"))
    for write in (lambda: blank_form(child, "xlsx"), lambda: render_layout(score(child, facts["facts"]), child, "xlsx", "selfeval")):
        with pytest.raises(IndicatorSetError, match="no form is written from this profile"):
            write()
    code, output = _run("validate", "child.yaml")
    assert 0 == code and "warning: child.yaml: this profile keeps the id" in output, output
    assert [{"id": "self-evaluation", "version": "1.0"}] == [
        dict(w.fields) for w in lint_file(Path("child.yaml"))[1] if w.code == "base-id"]


def test_a_profile_keeping_a_bundled_sets_id_with_a_version_of_its_own_gets_no_form(here: Path):
    """ver.yaml is keeprule.yaml with `version: "2025"`, the refusal's own fix: its forms were written, naming
    self-evaluation 2025, and score read one back without --set as the bundled self-evaluation 1.0, 98.00 for 90.00, with
    only a hint (QA156 F4). A form naming a bundled id is read as the bundled set whatever its version: refused, and the
    fix said is an id of its own; with one, the form is written and read back as the profile's."""
    Path("ver.yaml").write_text(KEEPS_RULE.replace("change:", "version: '2025'\nchange:"), encoding="utf-8")
    line = ("error: ver.yaml: no form is written from this profile: it keeps the id of the bundled set self-evaluation "
            "while changing it, and a form naming self-evaluation is read back without --set as the bundled set, whatever "
            "version it names (give it an id: of its own; a version: of its own is not enough)")
    for command in (["template", "ver.yaml", "-o", "blank.xlsx"],
                    ["score", "f.json", "--set", "ver.yaml", "--layout", "selfeval", "-o", "form.xlsx"]):
        code, output = _run(*command)
        assert 1 == code and [line] == output.splitlines(), output
    assert not Path("blank.xlsx").exists() and not Path("form.xlsx").exists()
    code, output = _run("validate", "ver.yaml")
    assert 0 == code and "warning: ver.yaml: this profile keeps the id of the bundled set self-evaluation" in output
    Path("ver.yaml").write_text(KEEPS_RULE.replace("change:", "id: prov\nversion: '2025'\nchange:"), encoding="utf-8")
    code, output = _run("score", "f.json", "--set", "ver.yaml", "--layout", "selfeval", "-o", "form.xlsx")
    assert 0 == code, output
    code, output = _run("score", "form.xlsx", "--set", "ver.yaml")
    assert 0 == code and "90.00" in output, output


@pytest.mark.parametrize("text", ["extends: self-evaluation\nid: self-evaluation\nversion: '1.0'\n",
                                  "extends: self-evaluation\nname: 项目支出绩效自评指标体系（单位自评）\n"])
def test_a_profile_restating_its_bases_id_version_or_name_changes_nothing_and_writes_its_forms(here: Path, text: str):
    """A profile restating self-evaluation's own id and version, or its own name, was refused a form as having "changed"
    it, and warned of (QA156 F7): saying the base's value again changes nothing, and the form, scored as the base's, is
    the base's. Restated beside a real change, the id is still the base's, and the form is still refused."""
    Path("same.yaml").write_text(text, encoding="utf-8")
    code, output = _run("template", "same.yaml", "-o", "blank.xlsx")
    assert 0 == code and Path("blank.xlsx").is_file(), output
    code, output = _run("validate", "same.yaml")
    assert 0 == code and "keeps the id" not in output and "sections it replaces" not in output, output
    assert not [w for w in lint_file(Path("same.yaml"))[1] if w.code == "base-id"]
    Path("same.yaml").write_text(text + KEEPS_RULE.split("\n", 1)[1], encoding="utf-8")
    code, output = _run("template", "same.yaml", "-o", "blank2.xlsx")
    assert 1 == code and "no form is written from this profile" in output, output


def test_resolve_warns_that_the_whole_set_it_writes_of_such_a_profile_keeps_the_bases_id(here: Path):
    """resolve keeprule.yaml -o flat.yaml wrote a whole set with id self-evaluation and version 1.0 and said nothing: no
    extends: is left in it to refuse its forms, and template and score wrote forms of it read back as 98.00 for 90.00
    (QA156 F2). The base-id warning is said, with what to do, and put in the comment on top of the file written; a profile
    with its own id is resolved as before."""
    code, output = _run("resolve", "keeprule.yaml", "-o", "flat.yaml")
    said = ("warning: keeprule.yaml: this profile keeps the id of the bundled set self-evaluation while changing it")
    fix = ("(the set written names itself self-evaluation 1.0 too, and nothing refuses its forms, which are read back as "
           "self-evaluation's: give the profile an id: of its own before resolving it, or write one in the file written)")
    assert 0 == code and output.startswith(said) and fix in output and output.endswith("flat.yaml: written\n"), output
    head = Path("flat.yaml").read_text(encoding="utf-8").splitlines()[:3]
    assert head[2].startswith(f"# {said}") and head[2].endswith(fix), head
    code, output = _run("score", "f.json", "--set", "flat.yaml")
    assert 0 == code and "90.00" in output, output
    code, output = _run("--lang", "zh", "resolve", "keeprule.yaml")
    assert 0 == code and "# 提示：keeprule.yaml: 本方案沿用了内置指标体系的编号 self-evaluation" in output, output
    assert "展开前在方案中写上它自己的 id:，或在写出的文件中改写 id:" in output, output
    code, output = _run("resolve", "province.yaml")
    assert 0 == code and output.startswith("# province-self-evaluation 2025") and "keeps the id" not in output, output


_GRADES = ("grades:\n  - {min: 90, label: 优秀, aliases: [优]}\n  - {label: 良好, min: 80, aliases: [良]}\n"
           "  - {label: 中等, min: 60, aliases: [中]}\n  - {label: 差, min: 0, aliases: [较差]}\n")


@pytest.mark.parametrize("text", ["extends: self-evaluation\nchange: {budget: {weight: 10}}\n",
                                  "extends: self-evaluation\n" + _GRADES,
                                  "extends: self-evaluation\nchange: {budget: {name: 预算执行率}}\n"])
def test_a_profile_writing_a_bases_weight_grades_or_field_unchanged_writes_its_forms(here: Path, text: str):
    """A profile writing budget's weight 10 as self-evaluation has it (validate: "kept at 10"), or copying its grades (keys
    in another order), or an indicator's name, was refused a form and warned of by lint as having changed the set (QA157
    F3): only a value that differs from the base's changes it. So is a county's profile of such a province file; a grade
    that does differ still changes the set, and no form is written."""
    Path("same.yaml").write_text(text, encoding="utf-8")
    Path("county2.yaml").write_text("extends: same.yaml\n", encoding="utf-8")
    for profile in ("same.yaml", "county2.yaml"):
        code, output = _run("template", profile, "-o", f"blank-{profile}.xlsx")
        assert 0 == code and Path(f"blank-{profile}.xlsx").is_file(), output
        code, output = _run("validate", profile)
        assert 0 == code and "keeps the id" not in output and "sections it replaces" not in output, output
        assert not [w for w in lint_file(Path(profile))[1] if w.code == "base-id"]
    assert ("kept at 10 (line 2)" in _run("validate", "same.yaml")[1]) is ("weight" in text)
    Path("same.yaml").write_text("extends: self-evaluation\n" + _GRADES.replace("min: 60", "min: 65"), encoding="utf-8")
    code, output = _run("template", "county2.yaml", "-o", "blank2.xlsx")
    assert 1 == code and "no form is written from this profile" in output, output
