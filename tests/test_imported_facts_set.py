"""Facts `import` read from a form keep the set it was written for (`written_for`: id, version, sha256): scored with
another version of that set, or with its file edited since, they are told so wherever the form itself is (score, batch's
提示 and JSONL), and a `written_for.sha256` that is not a set's sha256 is said to be one, not a bad fact name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scoring_engine.cli import main
from test_form_set_provenance import GRADES, PROVINCE_2024, province_folder  # the same province set, form, grades

PROVINCE_2025 = """extends: province-2024.yaml
version: "2025"
"""
WEIGHTS = """change:
  budget:
    weight: 20
  output:
    weight: 40
"""
# as batch's JSONL line and 提示 sheet say them, in Chinese
VERSION_LINE = "facts.json: 这些事实导入自按指标体系 province-se 的 2024 版填写的表，这里却用它的 2025 版评分"
FORM_LINE = "form.xlsx: 这张表是按指标体系 province-se 的 2024 版填写的，这里却用它的 2025 版读取"
EDITED_LINE = "facts.json: 导入这些事实所用的表填写之后，指标体系 province-se 的 2024 版改过"


@pytest.fixture
def here(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A province's set of 2024, a form it wrote for the bundled example's facts, and the facts `import` made of it."""
    with province_folder(tmp_path):
        assert 0 == CliRunner().invoke(main, ["import", "form.xlsx", "-o", "facts.json", "--set", "province-2024.yaml"]
                                       ).exit_code
        yield tmp_path


def _run(*args: str, lang: str = "en") -> tuple[int, list[str], str]:
    run = CliRunner().invoke(main, ["--lang", lang, *args])
    return run.exit_code, run.stderr.splitlines(), run.stdout


def _jsonl(path: Path) -> dict[str, list[str]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {line["source"]: line.get("form_warnings", []) for line in lines}


def _hints_sheet(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    sheet = next(s for s in book.worksheets if s.title in ("提示", "Warnings"))
    return [" ".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True)]


def test_batch_says_facts_imported_from_last_years_form_are_scored_with_this_years_set_as_it_says_of_the_form(here: Path):
    """QA206 4: batch said the version line of the form in its 提示 sheet and JSONL line, and nothing of the facts imported
    from it (提示数 1 against the form's 2): only `score` told it, on standard error."""
    (here / "province-2025.yaml").write_text(PROVINCE_2025, encoding="utf-8")
    code, said, _ = _run("batch", "form.xlsx", "facts.json", "--set", "province-2025.yaml", "-j1", "-o", "b.xlsx",
                         "-o", "b.jsonl", "-o", "b.csv", lang="zh")  # the JSON line's words in the run's language
    assert 0 == code, said
    warned = _jsonl(here / "b.jsonl")
    assert warned["form.xlsx"][0].startswith(FORM_LINE), warned
    assert warned["facts.json"][0].startswith(VERSION_LINE), warned
    assert "--set province-2024.yaml" in warned["facts.json"][0]
    rows = _hints_sheet(here / "b.xlsx")
    assert any(VERSION_LINE.removeprefix("facts.json: ") in row for row in rows), rows
    import csv

    with open(here / "b.csv", encoding="utf-8-sig") as file:
        counts = {row["来源"]: row["提示数"] for row in csv.DictReader(file)}
    assert counts["facts.json"] == counts["form.xlsx"], counts


def test_batch_refusing_facts_imported_from_last_years_form_names_their_version_first_as_score_does(here: Path):
    """QA206 4: facts imported from the 2024 form, scored by batch with a 2025 set that moved weights, were told only that
    their rows add up to 40, not 30, where `score` says first that the form was filled for version 2024."""
    (here / "province-2025.yaml").write_text(PROVINCE_2025 + WEIGHTS, encoding="utf-8")
    code, said, _ = _run("batch", "facts.json", "--set", "province-2025.yaml", "-j1", "-o", "b.jsonl")
    assert 0 != code, said
    line = json.loads((here / "b.jsonl").read_text(encoding="utf-8"))
    problems = [p["message"] for p in line["problems"]]
    assert problems[0] == "the facts were imported from a form written for version 2024 of the set province-se, and are " \
        "scored here with its version 2025", problems
    assert any("add up to" in p for p in problems[1:]), problems


def test_batch_says_the_set_file_was_edited_since_the_form_the_facts_were_imported_from_and_score_says_it_plainly(here: Path):
    """QA206 4: the set's grades edited after the form was written, same id and version: batch said nothing of it for the
    imported facts, though `score` warned, in Chinese as 这些事实导入自的表填写之后 (now 导入这些事实所用的表填写之后)."""
    (here / "province-2024.yaml").write_text(PROVINCE_2024 + GRADES, encoding="utf-8")
    code, said, _ = _run("batch", "facts.json", "--set", "province-2024.yaml", "-j1", "-o", "b.jsonl", lang="zh")
    assert 0 == code, said
    assert _jsonl(here / "b.jsonl")["facts.json"][0].startswith(EDITED_LINE)
    code, said, _ = _run("score", "facts.json", lang="zh")
    assert 0 == code, said
    assert said[0] == "提示：" + _jsonl(here / "b.jsonl")["facts.json"][0], said


def test_a_written_for_sha256_that_is_not_a_sets_sha256_is_said_to_be_one_and_upper_case_is_the_same_digits(here: Path):
    """QA206 5: the 16 digits a warning prints, or a wrong value, were refused as a fact name (名称 … 应为用点连接的英文
    单词); the set's sha256 in upper case was refused too, where a form's side sheet takes it."""
    document = json.loads((here / "facts.json").read_text(encoding="utf-8"))
    sha256 = document["written_for"]["sha256"]
    for wrong in (sha256[:16], "xyz"):
        document["written_for"]["sha256"] = wrong
        (here / "wrong.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        code, said, _ = _run("score", "wrong.json")
        assert 1 == code and said == [
            f"error: wrong.json: $.written_for.sha256: sha256 '{wrong}' is not the set's sha256, which has 64 hexadecimal "
            "digits (write all 64, as the 表外事实 sheet of the form records them (a warning shows only the first 16), "
            "or leave sha256 out)"], said
        code, said, _ = _run("score", "wrong.json", lang="zh")
        assert said[0].startswith(f"错误：wrong.json: $.written_for.sha256：sha256 '{wrong}' 不是指标体系的 sha256：它应为 64 "
                                  "位十六进制数字（按表的“表外事实”工作表记录的 sha256 写全 64 位"), said
    document["written_for"]["sha256"] = sha256.upper()
    (here / "upper.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, said, _ = _run("score", "upper.json")
    assert 0 == code and not any("changed since" in line for line in said), said


def test_a_facts_file_naming_last_years_set_file_scored_with_this_years_is_told_so_first(here: Path):
    """QA268 F1: last year's facts, naming last year's file, scored with `--set` this year's file of the same set went from
    89.11 良好 to 92.39 优秀 without a word, where a form or facts imported from one are told. score says it first, and
    batch in its 提示; facts naming the file that scores them, or scored without --set, are told nothing."""
    document = json.loads((here / "facts.json").read_text(encoding="utf-8"))
    del document["written_for"]
    document["indicator_set"] = "province-2024.yaml"
    (here / "last.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (here / "province-2025.yaml").write_text(PROVINCE_2025, encoding="utf-8")
    line = "last.json: 事实文件写明的是 province-2024.yaml，即指标体系 province-se 的 2024 版，这里却用它的 2025 版（--set）评分"
    code, said, _ = _run("score", "last.json", "--set", "province-2025.yaml", lang="zh")
    assert 0 == code and said[0].startswith("提示：" + line), said
    code, said, _ = _run("batch", "last.json", "--set", "province-2025.yaml", "-j1", "-o", "b.jsonl", lang="zh")
    assert 0 == code and _jsonl(here / "b.jsonl")["last.json"][0].startswith(line), said
    for args in (("--set", "province-2024.yaml"), ()):
        code, said, _ = _run("score", "last.json", *args, lang="zh")
        assert (0, []) == (code, said)


def test_a_batch_tells_each_facts_file_the_version_its_own_named_file_holds(here: Path):
    """A batch finds once, for each name and folder, which version a set file named in the facts holds (found for every
    project, it was 40% of score_many's time): each file naming last year's is still told, by its own name, and each
    naming this year's nothing, whatever order they come in; the same for the lines of a JSONL file."""
    document = json.loads((here / "facts.json").read_text(encoding="utf-8"))
    del document["written_for"]
    (here / "province-2025.yaml").write_text(PROVINCE_2025, encoding="utf-8")
    names = {"a.json": "province-2024.yaml", "b.json": "province-2025.yaml", "c.json": "province-2024.yaml",
             "d.json": "province-2025.yaml"}
    lines = []
    for name, named in names.items():
        document["indicator_set"] = named
        (here / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        lines.append(json.dumps(document, ensure_ascii=False))
    (here / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    told = "{}: 事实文件写明的是 province-2024.yaml，即指标体系 province-se 的 2024 版，这里却用它的 2025 版（--set）评分"
    code, said, _ = _run("batch", *names, "all.jsonl", "--set", "province-2025.yaml", "-j1", "-o", "b.jsonl", lang="zh")
    assert 0 == code, said
    found = _jsonl(here / "b.jsonl")
    for name, named in names.items():
        assert [line.startswith(told.format(name)) for line in found[name]] == ([True] if named.endswith("2024.yaml")
                                                                                 else []), found[name]
    jsonl = [warnings for source, warnings in found.items() if source.startswith("all.jsonl")]
    assert [[line.startswith(told.format(f"all.jsonl:{n}")) for line in w] for n, w in enumerate(jsonl, 1)] == \
        [[True], [], [True], []], jsonl


def test_facts_imported_from_last_years_form_are_offered_the_file_whose_sha256_they_record(here: Path):
    """QA268 F2: beside last year's file, an edited draft of the same id and version, first by name: the facts imported
    from last year's form were offered the draft (the form itself, the file it records)."""
    (here / "province-2025.yaml").write_text(PROVINCE_2025, encoding="utf-8")
    (here / "province-2024-draft.yaml").write_text(PROVINCE_2024 + GRADES, encoding="utf-8")
    for given in ("form.xlsx", "facts.json"):
        _, said, _ = _run("score", given, "--set", "province-2025.yaml", lang="zh")
        assert "--set province-2024.yaml）" in said[0] and "draft" not in said[0], said
