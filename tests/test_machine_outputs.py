"""What tools read of the outputs made for them (score's JSON, batch's .jsonl, diff's workbook, import's facts) is the
same whatever path names an input, and says what it is in fields a tool can read (QA319)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.loader import resolve_set
from scoring_engine.reports.layouts import render_layout

HOUSING = ROOT / "examples" / "resettlement-housing" / "facts.json"
SHEET = "项目支出绩效自评表"


def _form(folder: Path, name: str, **values: Any) -> Path:
    """The housing project's filled form, with `values` written in its cells."""
    from openpyxl import load_workbook

    facts = load_facts(HOUSING)
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=HOUSING.parent))
    form = folder / name
    form.write_bytes(render_layout(score(indicator_set, facts), indicator_set, "xlsx"))
    book = load_workbook(form)
    for cell, value in values.items():
        book.worksheets[0][cell] = value
    book.save(form)
    return form


def _budget(tmp_path: Path) -> float:
    from openpyxl import load_workbook

    return float(load_workbook(_form(tmp_path, "plain.xlsx")).worksheets[0]["E6"].value)


@pytest.mark.parametrize("paid", [0.5, 1.2], ids=["flag", "check"])
def test_a_forms_result_json_is_the_same_bytes_by_a_relative_or_an_absolute_path(tmp_path: Path, monkeypatch, paid):
    """QA319 F1: a filled form's `flags[].message` (执行率 under 90%) and a set check's `warnings[].message` (执行数 over
    预算数) began with the path the form was given by, so `score form.xlsx --format json` and `score /abs/form.xlsx
    --format json` wrote different documents. The result is the set's and the facts' alone: the same bytes, naming the
    cells but not the file, and so are a batch line's result and need_explanation (its `source` names the file)."""
    form = _form(tmp_path, "form.xlsx", F6=_budget(tmp_path) * paid)
    monkeypatch.chdir(tmp_path)
    relative = CliRunner().invoke(main, ["--lang", "zh", "score", "form.xlsx", "--format", "json"])
    absolute = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--format", "json"])
    assert 0 == relative.exit_code == absolute.exit_code, absolute.output
    assert relative.stdout == absolute.stdout
    document = json.loads(absolute.stdout)
    said = [item["message"] for item in (*document["flags"], *document["warnings"])]
    assert said and all(message.startswith(f"{SHEET}!E6, F6") for message in said), said
    assert "form.xlsx" not in absolute.stdout
    run = CliRunner().invoke(main, ["batch", str(form), "-q", "-o", "s.jsonl"])
    assert 0 == run.exit_code, run.output
    line = json.loads(Path("s.jsonl").read_text(encoding="utf-8"))
    assert line["source"] == str(form)
    assert "form.xlsx" not in json.dumps([line["result"], line["need_explanation"]], ensure_ascii=False), line


def _small_line(**budget: Any) -> str:
    """The small example's facts as one JSONL line naming its set by a path from the line's folder, `budget` changed."""
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "set.yaml"
    document["facts"]["budget"].update(budget)
    return json.dumps(document, ensure_ascii=False)


def test_a_jsonl_lines_bad_fact_is_named_by_the_file_and_its_line_in_the_batchs_jsonl(tmp_path: Path, monkeypatch):
    """QA319 F2: in batch's .jsonl, the problem of a JSONL input line whose fact is wrong (budget.paid "abc") had
    `"file": "x.jsonl:6"` and no `line`, where the line's syntax errors have `"file": "x.jsonl", "line": 4`: a tool
    opening `file` or reading `line` failed on the commonest problem. Every problem of a line names the file and the
    line apart, its `path` kept."""
    (tmp_path / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    (tmp_path / "x.jsonl").write_text("\n".join([_small_line(), '{"facts":{', _small_line(paid="abc"), "[1,2]"]) + "\n",
                                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "x.jsonl", "-q", "-o", "b.jsonl"])
    assert 1 == run.exit_code, run.output
    lines = [json.loads(line) for line in Path("b.jsonl").read_text(encoding="utf-8").splitlines()]
    problems = {line["source"]: line["problems"][0] for line in lines if "problems" in line}
    assert {source: (p["file"], p.get("line")) for source, p in problems.items()} == {
        f"x.jsonl:{n}": ("x.jsonl", n) for n in (2, 3, 4)}, problems
    assert problems["x.jsonl:3"]["path"] == "$.facts.budget.paid"
    assert "x.jsonl:3: $.facts.budget.paid: " in run.stderr  # the terminal's line says it as before


def test_imports_hint_for_a_form_of_a_set_not_bundled_names_the_set_file_and_following_it_scores(tmp_path: Path,
                                                                                                   monkeypatch):
    """QA319 F7: `import smallset/form.xlsx -o elsewhere/facts.json`, the form of a set of one's own found beside it,
    warned `score it with --set example-small`: the set's id, which is not bundled, so following the hint failed (没有
    指标体系 'example-small'). The hint names the set file that was read, as the path was given, and following it scores."""
    import re

    (tmp_path / "smallset").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "smallset" / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    (tmp_path / "smallset" / "facts.json").write_bytes((ROOT / "examples" / "small" / "facts.json").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert 0 == CliRunner().invoke(main, ["score", "smallset/facts.json", "--layout", "selfeval",
                                          "-o", "smallset/form.xlsx"]).exit_code
    run = CliRunner().invoke(main, ["--lang", "en", "import", "smallset/form.xlsx", "-o", "out/facts.json"])
    assert 0 == run.exit_code, run.output
    hint = re.search(r"\(score it with --set (\S+)\)", run.stderr)
    assert hint is not None and hint[1] == "smallset/set.yaml", run.stderr
    scored = CliRunner().invoke(main, ["score", "out/facts.json", "--set", hint[1], "--format", "json"])
    assert 0 == scored.exit_code, scored.output


def test_form_warnings_in_the_jsonl_are_in_the_runs_language_as_the_batch_doc_says(tmp_path: Path, monkeypatch):
    """QA319 F4: docs/batch.md said a form's `form_warnings` in the .jsonl are in Chinese, as the workbook's 提示, while
    they follow --lang (QA288 F7 made them so: a Chinese note in an English line). The doc says what they do, and they
    do it: English words with --lang en, Chinese with --lang zh; the comparison's reasons stay Chinese."""
    _form(tmp_path, "form.xlsx", I6=7)  # a 得分 typed that the set computes otherwise (10)
    monkeypatch.chdir(tmp_path)
    said = {}
    for lang in ("en", "zh"):
        assert 0 == CliRunner().invoke(main, ["--lang", lang, "batch", "form.xlsx", "-q", "-o", f"{lang}.jsonl"]).exit_code
        said[lang] = json.loads(Path(f"{lang}.jsonl").read_text(encoding="utf-8"))["form_warnings"]
    assert "the form gives 7 points" in said["en"][0] and "表上填写的得分 7" in said["zh"][0], said
    doc = " ".join((ROOT / "docs" / "batch.md").read_text(encoding="utf-8").split())
    assert "a form's `form_warnings` are in that language too" in doc  # the language --lang or the locale chooses (QA332 F10)
    assert "`form_warnings` and a comparison's `reasons` are in Chinese" not in doc


def test_a_failed_rechecks_problems_are_in_its_projects_compare_in_the_jsonl(tmp_path: Path, monkeypatch):
    """QA319 F5: `batch own --compare-with rc` where rc/p.json, p's re-check, has budget.paid "x" exited 1, and p's
    .jsonl line said only `"compare":{"against":"复核","source":"rc/p.json","failed":true}`: a CI job reading the .jsonl
    saw nothing of why. The compare object gives the re-check's problems as a failed project's line does; a failed
    re-check that matched no project is in no line (docs/batch.md says where it is: 问题, the terminal, the exit code)."""
    for folder in ("own", "rc"):
        (tmp_path / folder).mkdir()
    (tmp_path / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    small = json.loads(_small_line())
    (tmp_path / "own" / "p.json").write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    small["facts"]["budget"]["paid"] = "x"
    (tmp_path / "rc" / "p.json").write_text(json.dumps(small, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "rc" / "orphan.json").write_text('{"project": {"id": "ZZZ"}}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "own", "--set", "set.yaml", "--compare-with", "rc", "-q",
                                    "-o", "b.jsonl"])
    assert 1 == run.exit_code and "rc/orphan.json" in run.stderr, run.output
    [line] = [json.loads(text) for text in Path("b.jsonl").read_text(encoding="utf-8").splitlines()]
    compared = line["compare"]
    assert (compared["source"], compared["failed"]) == ("rc/p.json", True), compared
    assert [(p["file"], p["path"]) for p in compared["problems"]] == [("rc/p.json", "$.facts.budget.paid")], compared
    assert "expected a number" in compared["problems"][0]["message"]  # in the run's language, as a project's problems
    doc = " ".join((ROOT / "docs" / "batch.md").read_text(encoding="utf-8").split())
    assert '"failed":true,"problems":[…]}' in doc and "has none. It is reported on the 问题 sheet" in doc


def test_the_other_sets_problems_are_in_the_compare_of_a_project_it_could_not_score(tmp_path: Path, monkeypatch):
    """QA319 F5: under --compare-set, a project the other set could not score had `"failed":true` and nothing more in
    its .jsonl compare; its problems are there, as a failed project's line gives them."""
    (tmp_path / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    (tmp_path / "p.json").write_text(_small_line(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "p.json", "--compare-set", "self-evaluation", "-q",
                                    "-o", "b.jsonl"])
    compared = json.loads(Path("b.jsonl").read_text(encoding="utf-8"))["compare"]
    assert compared["failed"] and compared["problems"] and all(p["file"] == "p.json" for p in compared["problems"]), \
        (compared, run.output)


def test_each_problem_in_the_jsonl_says_the_kind_of_error_it_is(tmp_path: Path, monkeypatch):
    """QA319 F3: a .jsonl problem had no `kind`: a set that does not load, facts that do not fit and a scoring error were
    told apart only by guessing from `file` and `path`. Each problem gives the error class it was raised as, by the
    names docs/batch.md lists: set, facts, scoring…"""
    from scoring_engine.batch.scoring import ERROR_KINDS

    (tmp_path / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    judged = json.loads(_small_line())
    judged["facts"]["decision"]["budget_judgement"]["score"] = 99  # a judged score past its weight: scoring fails
    lines = [_small_line(), json.dumps({**json.loads(_small_line()), "indicator_set": "nosuch.yaml"}),
             _small_line(paid="abc"), json.dumps(judged, ensure_ascii=False)]
    (tmp_path / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["batch", "x.jsonl", "-q", "-o", "b.jsonl"])
    assert 1 == run.exit_code, run.output
    kinds = {line["source"]: [p["kind"] for p in line["problems"]]
             for line in map(json.loads, Path("b.jsonl").read_text(encoding="utf-8").splitlines()) if "problems" in line}
    assert {"x.jsonl:2": ["set"], "x.jsonl:3": ["facts"], "x.jsonl:4": ["scoring"]} == kinds
    doc = " ".join((ROOT / "docs" / "batch.md").read_text(encoding="utf-8").split())
    assert all(f"`{kind}` (`{cls.__name__}`" in doc for cls, kind in ERROR_KINDS), "each kind documented with its class"
    assert "`internal` is a bug of the engine" in doc


def test_absent_project_details_are_empty_cells_in_the_batch_summary_as_absent_numbers_are(tmp_path: Path, monkeypatch):
    """QA319 F8: in batch's 汇总, a project giving no 项目编号, 主管部门 or 年度 had an empty text cell ('') there, while an
    absent number (执行数, 结果应用) is an empty cell (None): a tool reading the sheet met two kinds of nothing. Each is
    an empty cell; a 年度 given is the number it was."""
    import openpyxl

    (tmp_path / "set.yaml").write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    undated = json.loads(_small_line())
    del undated["project"]["year"]
    (tmp_path / "a.json").write_text(_small_line(), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(undated, ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert 0 == CliRunner().invoke(main, ["batch", "a.json", "b.json", "-q", "-o", "b.xlsx"]).exit_code
    rows = list(openpyxl.load_workbook("b.xlsx")["汇总"].iter_rows(values_only=True))
    header = rows[0]
    details = [{name: row[header.index(name)] for name in ("项目编号", "实施单位", "主管部门", "年度")} for row in rows[1:]]
    assert [{"项目编号": None, "实施单位": "某市民政局", "主管部门": None, "年度": 2024},
            {"项目编号": None, "实施单位": "某市民政局", "主管部门": None, "年度": None}] == details


def test_imports_help_says_a_yaml_output_gets_the_json_text_and_it_reads_back_alike(tmp_path: Path, monkeypatch):
    """QA319 F9: `import filled.xlsx -o facts.yaml` is taken and writes the JSON text, which no help or doc said. The
    help of -o says so, in both languages, and the file reads back as the JSON file does (the same facts sha256)."""
    monkeypatch.chdir(tmp_path)
    for lang, words in (("en", "FILE.yaml(or.yml),whichgetsthesameJSONtext"), ("zh", "写入的同样是JSON文本")):
        shown = "".join(CliRunner().invoke(main, ["--lang", lang, "import", "--help"]).stdout.split())  # wrapped anywhere
        assert words in shown, shown
    form = _form(tmp_path, "form.xlsx")
    hashes = []
    for name in ("facts.json", "facts.yaml"):
        assert 0 == CliRunner().invoke(main, ["import", str(form), "-o", name]).exit_code
        scored = CliRunner().invoke(main, ["score", name, "--format", "json"])
        hashes.append(json.loads(scored.stdout)["facts"]["sha256"])
    assert Path("facts.json").read_bytes() == Path("facts.yaml").read_bytes() and hashes[0] == hashes[1]
