"""What a filled form records of the set it was written with (表外事实: 指标体系 id, version, sha256), kept when it is
read, imported and scored: a set file edited since under the same id and version is said, not blamed on the form; the
form and the facts file `import` writes of it hash alike; imported facts keep the version the form was filled for."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.reports.layouts import render_layout

FACTS = ROOT / "indicator_sets" / "self-evaluation.facts.json"
PROVINCE_2024 = """extends: self-evaluation
id: province-se
name: 某省单位自评指标体系
version: "2024"
"""
EDITED = """change:
  output:
    weight: 55
  benefit:
    weight: 25
"""
PROVINCE_2025 = """extends: province-2024.yaml
version: "2025"
change:
  budget:
    weight: 20
  output:
    weight: 40
"""
GRADES = """grades:
  - {label: 优秀, min: 96, aliases: [优]}
  - {label: 良好, min: 80, aliases: [良]}
  - {label: 中等, min: 60, aliases: [中]}
  - {label: 差, min: 0, aliases: [较差]}
"""
CHANGED = "the file of the set province-se 2024 has changed since the form was written, keeping its id and version"


@pytest.fixture
def here(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A province's set file of 2024 and the form it wrote for the bundled example's facts, in the working folder."""
    with province_folder(tmp_path):
        yield tmp_path


@contextlib.contextmanager
def province_folder(folder: Path) -> Iterator[Path]:
    """`folder` as the working folder, holding the province's set and its form (province_form), while the block runs."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        province_form(folder)
        yield folder
    finally:
        os.chdir(before)


def province_form(folder: Path) -> None:
    """province-2024.yaml in `folder`, and form.xlsx, the form it writes for the bundled example's facts."""
    (folder / "province-2024.yaml").write_text(PROVINCE_2024, encoding="utf-8")
    indicator_set = load_indicator_set(folder / "province-2024.yaml")
    (folder / "form.xlsx").write_bytes(render_layout(score(indicator_set, load_facts(FACTS)), indicator_set, "xlsx",
                                                     "selfeval"))


def _run(*args: str, lang: str = "en") -> tuple[int, list[str], str]:
    run = CliRunner().invoke(main, ["--lang", lang, *args])
    return run.exit_code, run.stderr.splitlines(), run.stdout


def test_a_form_whose_set_file_was_edited_since_under_its_id_and_version_is_refused_naming_that_first(here: Path):
    """QA205 3a: the set's file changed 产出 and 效益 after the form was written, same id and version: the unit was told
    only to make its rows add up to the new weight, changing a form that was right for the set it names."""
    (here / "province-2024.yaml").write_text(PROVINCE_2024 + EDITED, encoding="utf-8")
    code, said, _ = _run("score", "form.xlsx", "--set", "province-2024.yaml")
    assert 1 == code and said[0].startswith(f"error: form.xlsx: {CHANGED}"), said
    assert "the form records the set's sha256 " in said[0] and "scoring-engine template province-2024.yaml" in said[0]
    assert any("rows' weights add up to 50, not the weight 55" in line for line in said[1:]), said
    code, said, _ = _run("score", "form.xlsx", "--set", "province-2024.yaml", lang="zh")
    assert 1 == code and said[0].startswith("错误：form.xlsx: 指标体系 province-se 的 2024 版在这张表填写之后改过"), said


def test_a_form_scoring_under_its_set_file_edited_since_is_warned_and_one_recording_no_hash_is_not(here: Path):
    """QA205 3b: the set's grades edited after the form was written (优秀 from 96): 总分 95.47 came out 良好 with no
    note while the form says 优秀. A form that records no sha256 (blank, made by hand) is read as before."""
    (here / "province-2024.yaml").write_text(PROVINCE_2024 + GRADES, encoding="utf-8")
    code, said, _ = _run("score", "form.xlsx", "--set", "province-2024.yaml")
    assert 0 == code and any(line.startswith(f"warning: form.xlsx: {CHANGED}") for line in said), said
    from openpyxl import load_workbook

    book = load_workbook(here / "form.xlsx")
    side = book["表外事实"]
    side.delete_rows(next(r for r in range(1, side.max_row + 1) if side.cell(r, 2).value == "指标体系 sha256"))
    book.save(here / "form.xlsx")
    code, said, _ = _run("score", "form.xlsx", "--set", "province-2024.yaml")
    assert 0 == code and not any("has changed since" in line for line in said), said


def _facts_sha256(*args: str) -> str:
    code, said, out = _run("score", *args, "--format", "json")
    assert 0 == code, said
    return str(json.loads(out)["facts"]["sha256"])


def test_a_form_and_the_facts_file_import_writes_beside_it_hash_alike_for_a_set_that_is_not_bundled(here: Path):
    """QA205 4: the form's facts were hashed naming the set by its id (province-se), while import wrote its file's path
    (province-2024.yaml), so the two hashed differently against docs/reports.md; from another folder too."""
    code, said, _ = _run("import", "form.xlsx", "--set", "province-2024.yaml", "-o", "facts.json")
    assert 0 == code, said
    assert "province-2024.yaml" == json.loads((here / "facts.json").read_text(encoding="utf-8"))["indicator_set"]
    imported = _facts_sha256("facts.json")
    assert imported == _facts_sha256("form.xlsx", "--set", "province-2024.yaml")
    (here / "elsewhere").mkdir()
    os.chdir(here / "elsewhere")
    assert imported == _facts_sha256("../form.xlsx", "--set", "../province-2024.yaml")


def test_facts_imported_from_last_years_form_keep_its_version_and_say_it_when_scored_with_this_years(here: Path):
    """QA205 5: import wrote the form's set id without its version, so its facts scored with the 2025 set were told only
    that their rows add up to 40, not 30, while the form itself is told it was filled for version 2024."""
    (here / "province-2025.yaml").write_text(PROVINCE_2025, encoding="utf-8")
    code, said, _ = _run("import", "form.xlsx", "--set", "province-2024.yaml", "-o", "facts.json")
    assert 0 == code, said
    written = json.loads((here / "facts.json").read_text(encoding="utf-8"))["written_for"]
    assert {"id": "province-se", "version": "2024", "sha256": load_indicator_set("province-2024.yaml").sha256} == written
    code, said, _ = _run("score", "facts.json", "--set", "province-2025.yaml")
    assert 1 == code and said[0].startswith(
        "error: facts.json: the facts were imported from a form written for version 2024 of the set province-se, and "
        "are scored here with its version 2025 (read it with the file of version 2024 (pass --set province-2024.yaml)"), said
    code, said, _ = _run("score", "facts.json", "--set", "province-2025.yaml", lang="zh")
    assert said[0].startswith("错误：facts.json: 这些事实导入自按指标体系 province-se 的 2024 版填写的表，这里却用它的 2025 版"
                              "评分"), said
    (here / "province-2024.yaml").write_text(PROVINCE_2024 + GRADES, encoding="utf-8")
    code, said, _ = _run("score", "facts.json")
    assert 0 == code and said[0].startswith(
        "warning: facts.json: the file of the set province-se 2024 has changed since the form these facts were imported "
        "from was written"), said


def test_a_set_whose_name_holds_a_bracket_is_recorded_with_its_hash_and_its_later_edit_said(tmp_path: Path) -> None:
    """QA208 1: the side sheet's 来源 row names the set as 项目支出绩效自评指标体系（单位自评）（self-evaluation 1.0); its
    id was read across the first bracket, so the sha256 was dropped for 6 of the 7 bundled sets: a copy of one, edited
    since the form was written, was read in silence, and `import` kept no sha256."""
    (tmp_path / "set.yaml").write_text((ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    indicator_set = load_indicator_set(tmp_path / "set.yaml")
    assert "（" in indicator_set.name
    (tmp_path / "form.xlsx").write_bytes(render_layout(score(indicator_set, load_facts(FACTS)), indicator_set, "xlsx",
                                                       "selfeval"))
    code, said, _ = _run("import", str(tmp_path / "form.xlsx"), "--set", str(tmp_path / "set.yaml"), "-o",
                         str(tmp_path / "facts.json"))
    assert 0 == code, said
    written = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))["written_for"]
    assert indicator_set.sha256 == written.get("sha256"), written
    text = (tmp_path / "set.yaml").read_text(encoding="utf-8")
    (tmp_path / "set.yaml").write_text(text + "\n# edited since\n", encoding="utf-8")
    code, said, _ = _run("score", str(tmp_path / "form.xlsx"), "--set", str(tmp_path / "set.yaml"))
    assert 0 == code and any("has changed since the form was written" in line for line in said), said
