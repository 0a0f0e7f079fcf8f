"""A profile that keeps its base's id (it may: "id, name and version are inherited otherwise") names its base on its
results and forms. A form written from it and read without --set is refused, naming both sets' names, rather than
scored with the base's weights (QA152 F1); template, validate and lint warn of such a profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from scoring_engine.cli import main
from scoring_engine.lint import lint_file

ROOT = Path(__file__).resolve().parent.parent
NATIONAL_FACTS = ROOT / "indicator_sets" / "national-framework.facts.json"
NATIONAL_NAME = "项目支出绩效评价指标体系（财预〔2020〕10号 附2）"
# The reviewer's profile: no id, no version, its own name and another 决策 weight.
NO_ID = "extends: national-framework\nname: 某省方案（未写id）\nchange: {decision: {weight: 12, rescale: siblings}}\n"


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    return run.exit_code, run.output


def _form(tmp_path: Path, set_ref: str = "national-framework", name: str | None = None) -> Path:
    """The national framework's facts written as the 自评表 of `set_ref`, with the set's name cell typed over by `name`."""
    form = tmp_path / "form" / "form.xlsx"
    form.parent.mkdir(parents=True, exist_ok=True)
    code, output = _run("score", str(NATIONAL_FACTS), "--set", set_ref, "--layout", "selfeval", "-o", str(form))
    assert 0 == code, output
    if name is not None:
        book = load_workbook(form)
        assert "指标体系" == book["表外事实"]["A2"].value
        book["表外事实"]["E2"] = name or None
        book.save(form)
    return form


def _total(output: str) -> str:
    return next(line.split()[1] for line in output.splitlines() if line.startswith("总分"))


def test_a_form_written_from_a_profile_without_an_id_is_refused_without_set_naming_both_sets(tmp_path: Path):
    """The form a profile without id: writes names national-framework 2020.2 with the profile's name beside it: read
    without --set it was scored with the bundled national-framework's weights (100 for 99), in silence. Each command
    that reads it without --set now refuses it in one line naming both names and the fix; --set still scores it."""
    profile = tmp_path / "prov.yaml"
    profile.write_text(NO_ID, encoding="utf-8")
    form = _form(tmp_path, str(profile))
    code, output = _run("score", str(form), "--set", str(profile))
    assert 0 == code and "99.00" == _total(output), output
    for command in (["score", str(form)], ["explain", str(form), "-i", "decision"], ["import", str(form)]):
        code, output = _run(*command)
        errors = [line for line in output.splitlines() if line.startswith("error:")]
        assert 1 == code and 1 == len(errors) and "总分" not in output, output
        assert ("表外事实!E2: the form names the set national-framework 2020.2, but the set's name it records is "
                f"某省方案（未写id）, not {NATIONAL_NAME}: it was written from another set that keeps the id "
                "national-framework") in errors[0], output
        assert "(--set PATH), and give that set its own id:" in errors[0], output
    code, output = _run("--lang", "zh", "score", str(form))
    assert 1 == code and "这张表是按另一个沿用 national-framework 编号的指标体系填写的" in output, output
    assert "give that set" not in output and "the set's name" not in output, output  # the line in Chinese, its hint too


def test_batch_lists_a_form_written_from_a_profile_without_an_id_as_a_problem(tmp_path: Path):
    """batch FOLDER scored such a form with the bundled set's weights; it is now a 问题 row with the same line, and the
    project beside it, a national-framework form of its own, is scored."""
    profile = tmp_path / "prov.yaml"
    profile.write_text(NO_ID, encoding="utf-8")
    form = _form(tmp_path, str(profile))
    _form(tmp_path / "own")  # the bundled set's own form: read without --set as before
    own = tmp_path / "own" / "form" / "form.xlsx"
    (form.parent / "own.xlsx").write_bytes(own.read_bytes())
    out = tmp_path / "batch.jsonl"
    code, output = _run("batch", str(form.parent), "-o", str(out), "-q")
    assert 1 == code, output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_file = {Path(line["source"]).name: line for line in lines}
    assert 100 == by_file["own.xlsx"]["result"]["total"] and "problems" not in by_file["own.xlsx"], lines
    assert "result" not in by_file["form.xlsx"], lines
    assert "written from another set that keeps the id national-framework" in json.dumps(by_file["form.xlsx"],
                                                                                        ensure_ascii=False), lines


@pytest.mark.parametrize("name", [None, "", "  ", f" {NATIONAL_NAME} ", "项目支出绩效评价指标体系 (财预[2020]10号 附2)",
                                  "项目支出绩效评价指标体系（财预【2020】10号附2）", "项目支出绩效自评指标体系（单位自评）"])
def test_a_bundled_sets_own_form_with_its_name_as_written_blank_or_retyped_is_read_as_before(tmp_path: Path, name):
    """The check reads only a name that is another set's: the bundled set's own form, its name cell cleared (a form
    of an older version, or a clerk's), retyped with spaces, full-width or half-width brackets, or another bundled
    set's name (its form with the id edited, which reading says itself: QA67 F4) is not refused by it."""
    form = _form(tmp_path, name=name)
    code, output = _run("score", str(form))
    assert "written from another set" not in output, output
    if name != "项目支出绩效自评指标体系（单位自评）":
        assert 0 == code and "100.00" == _total(output), output


def test_template_validate_and_lint_warn_of_a_profile_keeping_its_bases_id_and_version(tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch):
    """template of a profile without id: wrote a form naming national-framework 2020.2 without a word; template,
    validate and lint now warn that its results and forms name its base, with the fix (its own id:). A warning: the
    form is written and validate passes."""
    monkeypatch.chdir(tmp_path)
    profile = Path("prov.yaml")
    profile.write_text(NO_ID, encoding="utf-8")
    said = ("prov.yaml: this profile keeps the id and version of the set it extends, national-framework 2020.2, while "
            "changing it: its results and forms name national-framework 2020.2, and a form written from it is taken for "
            "national-framework's when read without --set (give the profile its own id: (or version:), so that its "
            "results and forms name it)")
    blank = Path("blank.xlsx")
    code, output = _run("template", str(profile), "-o", str(blank))
    assert 0 == code and blank.is_file() and f"warning: {said}" in output, output
    code, output = _run("validate", str(profile))
    assert 0 == code and f"warning: {said}" in output, output
    code, output = _run("lint", str(profile))
    assert 0 == code and f"{said.split(': ', 1)[0]}: warning: {said.split(': ', 1)[1]}" in output, output
    assert ["base-id"] == [w.code for w in lint_file(profile)[1] if w.code == "base-id"]
    code, output = _run("--lang", "zh", "template", str(profile), "-o", str(blank))
    assert 0 == code and "提示：prov.yaml: 本方案沿用了所依据指标体系的编号和版本 national-framework 2020.2" in output, output
    assert "在本方案中写上它自己的 id:（或 version:）" in output, output


@pytest.mark.parametrize("text", ["extends: national-framework\n",  # changes nothing: it is the base
                                  "extends: national-framework\nid: prov\nchange: {decision: {weight: 12, rescale: siblings}}\n",
                                  "extends: national-framework\nversion: '2024.1'\nname: 某省方案\n"])
def test_a_profile_with_its_own_id_or_version_or_no_change_is_not_warned_of(tmp_path: Path, text: str):
    """Only a profile that changes its base and names itself as the base is warned of."""
    profile = tmp_path / "prov.yaml"
    profile.write_text(text, encoding="utf-8")
    for command in (["template", str(profile), "-o", str(tmp_path / "blank.xlsx")], ["validate", str(profile)],
                    ["lint", str(profile)]):
        code, output = _run(*command)
        assert 0 == code and "keeps the id and version" not in output, output


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


def test_a_long_name_typed_over_the_sets_name_is_cut_in_the_line(tmp_path: Path):
    """A name cell of 5,000 characters is named by its first 40, on one line, as any text a clerk typed."""
    form = _form(tmp_path, name="某省方案\n" + "长" * 5000)
    code, output = _run("score", str(form))
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert 1 == code and 1 == len(errors) and len(errors[0]) < 1000, output
    assert "records is 某省方案 长长" in errors[0] and "…" in errors[0], output
