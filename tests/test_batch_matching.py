"""`batch --compare-with`: each project meets its own re-check, and a re-check is used for one project only; the flags
and 需说明 texts a bureau reads say what was found, in numbers it can read."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from portfolio import beside_the_set, project
from scoring_engine.cli import main


def _write(path: Path, number: int, *, project_id: str | None = None, paid: float | None = None) -> Path:
    """Project `number` of the portfolio at `path`, with its id (None: none) and, if given, its 实际支出."""
    beside_the_set(path.parent)
    document = project(number, random.Random(number))
    document["project"].pop("id", None)
    if project_id is not None:
        document["project"]["id"] = project_id
    if paid is not None:
        document["facts"]["budget"]["paid"] = paid
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _summary(tmp_path: Path, *args: str) -> dict[str, dict[str, str]]:
    """The 汇总 rows of `batch ARGS -o summary.csv`, by the project's file path below tmp_path."""
    out = tmp_path / "summary.csv"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", *args, "-o", str(out)])
    assert run.exit_code in (0, 1), run.output
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    return {Path(row["来源"]).relative_to(tmp_path).as_posix(): row for row in rows}


def test_a_recheck_that_names_its_project_is_not_matched_to_another_by_its_path(tmp_path: Path):
    """re/x.json is the re-check of P1 (self/z.json): it is compared with P1 only, not also with self/x.json, a project
    without an id that happens to lie at the same path."""
    _write(tmp_path / "self" / "x.json", 1)
    _write(tmp_path / "self" / "z.json", 2, project_id="P1")
    _write(tmp_path / "re" / "x.json", 2, project_id="P1", paid=1)
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"))
    assert "未抽查复核" == rows["self/x.json"]["对比标记"]
    assert rows["self/z.json"]["复核总分"] and "复核得分比自评得分低" in rows["self/z.json"]["对比标记"]


def test_folders_given_side_by_side_match_their_own_rechecks_not_the_first_at_that_path(tmp_path: Path):
    """单位甲/p1.json and 单位乙/p1.json, given as two folders, each meet their own re-check, whether the re-check comes
    as two folders or as one holding both: 乙's unchanged re-check is never taken for 甲's (a false 得分虚高 flag)."""
    _write(tmp_path / "self" / "单位甲" / "p1.json", 1)
    _write(tmp_path / "self" / "单位乙" / "p1.json", 2)
    _write(tmp_path / "re" / "单位甲" / "p1.json", 1, paid=1)
    _write(tmp_path / "re" / "单位乙" / "p1.json", 2)
    own = [str(tmp_path / "self" / "单位甲"), str(tmp_path / "self" / "单位乙")]
    for rechecks in (["--compare-with", str(tmp_path / "re" / "单位甲"), "--compare-with", str(tmp_path / "re" / "单位乙")],
                     ["--compare-with", str(tmp_path / "re")]):
        rows = _summary(tmp_path, *own, *rechecks)
        assert "复核得分比自评得分低" in rows["self/单位甲/p1.json"]["对比标记"], rechecks
        assert ("0.00", "") == (rows["self/单位乙/p1.json"]["总分差"], rows["self/单位乙/p1.json"]["对比标记"]), rechecks


def test_a_threshold_of_0_flags_a_self_score_above_its_recheck_but_not_an_equal_one(tmp_path: Path):
    """`--threshold 0`: a re-check equal to the self-evaluation is no 复核得分比自评得分低0.00分; one below it is flagged."""
    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    _write(tmp_path / "self" / "b.json", 2, project_id="B")
    _write(tmp_path / "re" / "a.json", 1, project_id="A")
    _write(tmp_path / "re" / "b.json", 2, project_id="B", paid=1)
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"), "--threshold", "0")
    assert "" == rows["self/a.json"]["对比标记"]
    assert rows["self/b.json"]["对比标记"].startswith("复核得分比自评得分低")


def test_a_flags_values_are_shown_at_a_readable_precision(tmp_path: Path):
    """预算执行率 75.0002383…% under the national framework's 需说明 rule: the flag shows execution_rate ≈ 0.750002,
    not 0.7500023830… with 28 digits; a value with few decimals is shown as it is (= 0.75)."""
    from conftest import ROOT

    document: Any = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    for paid, shown in ((750.0023830176, "execution_rate ≈ 0.750002"), (750, "execution_rate = 0.75")):
        document["facts"]["budget"]["paid"] = paid
        path = tmp_path / "facts.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(path), "--format", "json"])
        messages = [flag["message"] for flag in json.loads(run.stdout)["flags"]]
        assert any(shown in message for message in messages), messages


def test_a_project_whose_recheck_failed_is_not_said_to_have_none(tmp_path: Path):
    """P3's re-check exists but cannot be scored (实际支出 −1): 汇总 says 复核评分失败 with the re-check's file, and the
    .jsonl says failed, not 未抽查复核 / null, which told the bureau P3 was never sampled."""
    _write(tmp_path / "self" / "c.json", 3, project_id="P3")
    _write(tmp_path / "self" / "d.json", 4, project_id="P4")
    _write(tmp_path / "re" / "x3.json", 3, project_id="P3", paid=-1)
    jsonl = tmp_path / "out.jsonl"
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"), "-o", str(jsonl))
    assert f"复核评分失败（{tmp_path / 're' / 'x3.json'}）" == rows["self/c.json"]["对比标记"]
    assert "未抽查复核" == rows["self/d.json"]["对比标记"]
    compared = [json.loads(line)["compare"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [True, None] == [c and c.get("failed") for c in compared]


def test_a_recheck_that_matches_nothing_is_named_not_only_counted(tmp_path: Path):
    """A re-check whose 项目编号 was mistyped (PX999) matches no project: the terminal, 统计 and the page name its file
    and id, so that the bureau can find it, where they only counted it."""
    from openpyxl import load_workbook

    _write(tmp_path / "self" / "a.json", 1, project_id="P1")
    _write(tmp_path / "re" / "a.json", 1, project_id="P1")
    _write(tmp_path / "re" / "extra.json", 2, project_id="PX999")
    book, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(book), "-o", str(page)])
    extra = str(tmp_path / "re" / "extra.json")
    assert f"复核中未找到对应项目1个：{extra}（PX999）" in run.output
    statistics = [row for row in load_workbook(book, read_only=True)["统计"].iter_rows(values_only=True)]
    assert (extra, "PX999") in [row[:2] for row in statistics]
    html = page.read_text(encoding="utf-8")
    assert "复核中未找到对应项目" in html and "PX999" in html


def test_a_recheck_of_a_year_that_matches_projects_of_its_id_without_one_says_the_years_they_give(tmp_path: Path):
    """QA39 F12: two projects P1 give no year and the re-check of P1 gives 2024; it matches neither, and was listed as
    matching nothing with no word of why. 统计 and the page give the years the batch's projects of that id give."""
    from openpyxl import load_workbook

    for name in ("a.json", "b.json"):
        path = _write(tmp_path / "self" / name, 1, project_id="P1")
        document = json.loads(path.read_text(encoding="utf-8"))
        document["project"].pop("year", None)
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    recheck = _write(tmp_path / "re" / "r.json", 1, project_id="P1")
    document = json.loads(recheck.read_text(encoding="utf-8"))
    document["project"]["year"] = 2024
    recheck.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    book, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(book), "-o", str(page)])
    assert "复核中未找到对应项目1个" in run.output, run.output
    statistics = [row for row in load_workbook(book, read_only=True)["统计"].iter_rows(values_only=True)]
    assert ("复核文档", "项目编号", "年度", "本批次该编号项目的年度") in [row[:4] for row in statistics]
    assert (str(recheck), "P1", "2024", "未填写") in [row[:4] for row in statistics]
    assert "<td>未填写</td>" in page.read_text(encoding="utf-8")


def test_a_recheck_whose_project_failed_to_score_is_not_listed_as_matching_nothing(tmp_path: Path):
    """A re-check of P2, whose own document failed to score, was listed under 复核中未找到对应项目 as if its 项目编号 or
    year matched no document of the batch, sending the bureau hunting for a mistyped id. It is its project's: the
    project is listed as failed, and only the re-check that matches nothing (PX999) is named."""
    _write(tmp_path / "self" / "a.json", 1, project_id="P1")
    failing = _write(tmp_path / "self" / "b.json", 2, project_id="P2")
    document = json.loads(failing.read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = "bad∞"
    failing.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for name, number, project_id in (("a", 1, "P1"), ("b", 2, "P2"), ("extra", 3, "PX999")):
        _write(tmp_path / "re" / f"{name}.json", number, project_id=project_id)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re")])
    assert 1 == run.exit_code and "评分失败1" in run.output, run.output
    assert f"复核中未找到对应项目1个：{tmp_path / 're' / 'extra.json'}（PX999）" in run.output, run.output


def test_an_earlier_runs_summaries_in_the_folder_are_not_read_as_projects(tmp_path: Path):
    """A second run over a folder holding the first run's summary.jsonl and summary.xlsx reads only the projects (it
    read each summary line as a failed project and exited 1); a summary given by name is one line saying what it is."""
    folder = tmp_path / "in"
    for number in (1, 2):
        _write(folder / f"p{number}.json", number)
    first = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(folder), "-o", str(folder / "summary.jsonl"),
                                      "-o", str(folder / "summary.xlsx")])
    assert 0 == first.exit_code, first.output
    again = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(folder), "-o", str(tmp_path / "again.csv")])
    assert 0 == again.exit_code and "2 projects: 2 scored, 0 failed" in again.output, again.output
    named = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(folder / "summary.jsonl")])
    assert 1 == named.exit_code and "this is a summary written by scoring-engine batch, not facts" in named.output


def test_a_recheck_without_an_id_meets_the_project_whose_path_it_ends_like(tmp_path: Path):
    """Re-checks without ids, in 复核/单位甲/p1.json and 复核/单位乙/p1.json: each unit's p1.json meets its own, however the
    folders are given (the units' folders one by one, a single unit, the re-check as one folder or as two, files by
    name); where two projects share a file name, the name alone matches neither (单位乙/p1.json is not compared with
    单位甲's re-check when only that one is given)."""
    for unit, number in (("单位甲", 1), ("单位乙", 2)):
        _write(tmp_path / "self" / unit / "p1.json", number)
        _write(tmp_path / "re" / unit / "p1.json", number, paid=1 if unit == "单位甲" else None)
    self_, re = tmp_path / "self", tmp_path / "re"
    runs = {
        "units, one re-check folder": [str(self_ / "单位甲"), str(self_ / "单位乙"), "--compare-with", str(re)],
        "units, two re-check folders": [str(self_ / "单位甲"), str(self_ / "单位乙"), "--compare-with", str(re / "单位甲"),
                                        "--compare-with", str(re / "单位乙")],
        "one unit": [str(self_ / "单位甲"), "--compare-with", str(re)],
    }
    for what, args in runs.items():
        rows = _summary(tmp_path, *args)
        assert "复核得分比自评得分低" in rows["self/单位甲/p1.json"]["对比标记"], what
        if "self/单位乙/p1.json" in rows:
            assert ("0.00", "") == (rows["self/单位乙/p1.json"]["总分差"], rows["self/单位乙/p1.json"]["对比标记"]), what
    rows = _summary(tmp_path, str(self_ / "单位乙" / "p1.json"), str(self_ / "单位甲" / "p1.json"),
                    "--compare-with", str(re / "单位甲" / "p1.json"))
    assert "未抽查复核" == rows["self/单位乙/p1.json"]["对比标记"]
    assert "复核得分比自评得分低" in rows["self/单位甲/p1.json"]["对比标记"]


def test_a_jsonl_mixing_result_lines_and_facts_keeps_its_facts(tmp_path: Path):
    """A .jsonl in the folder whose first line is an earlier run's result and whose other lines are facts: the result
    line is left out and the facts lines are scored (the whole file was skipped without a word)."""
    folder = tmp_path / "in"
    _write(folder / "p1.json", 1)
    first = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(folder), "-o", str(tmp_path / "r.jsonl")])
    assert 0 == first.exit_code, first.output
    result_line = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()[0]
    facts_lines = [json.dumps(project(n, random.Random(n)), ensure_ascii=False) for n in (2, 3)]
    (folder / "mixed.jsonl").write_text("\n".join([result_line, *facts_lines]) + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(folder), "-o", str(tmp_path / "again.csv")])
    assert 0 == run.exit_code and "3 projects: 3 scored, 0 failed" in run.output, run.output


def test_a_recheck_goes_to_the_project_whose_path_it_ends_like_the_longest_whatever_the_order(tmp_path: Path):
    """Only 复核/2024/甲/p1.json is re-checked: 2024/甲/p1.json meets it, never 2023/甲/p1.json, in whichever order the
    folders are given; and a re-check that two projects are as near (x/甲/p1.json, y/甲/p1.json beside 复核/甲/p1.json)
    is neither's, where the first took it."""
    for year in ("2023", "2024"):
        _write(tmp_path / "self" / year / "甲" / "p1.json", int(year) - 2020)
    _write(tmp_path / "re" / "2024" / "甲" / "p1.json", 4, paid=1)
    for order in ((tmp_path / "self",), (tmp_path / "self" / "2024", tmp_path / "self" / "2023"),
                  (tmp_path / "self" / "2023", tmp_path / "self" / "2024")):
        rows = _summary(tmp_path, *map(str, order), "--compare-with", str(tmp_path / "re"))
        assert "未抽查复核" == rows["self/2023/甲/p1.json"]["对比标记"], order
        assert "复核得分比自评得分低" in rows["self/2024/甲/p1.json"]["对比标记"], order
    for unit in ("x", "y"):
        _write(tmp_path / "near" / unit / "甲" / "p1.json", 1)
    _write(tmp_path / "near-re" / "甲" / "p1.json", 1, paid=1)
    rows = _summary(tmp_path, str(tmp_path / "near"), "--compare-with", str(tmp_path / "near-re"))
    assert ["未抽查复核", "未抽查复核"] == [rows[f"near/{u}/甲/p1.json"]["对比标记"] for u in ("x", "y")]


def test_a_recheck_that_could_not_be_scored_is_given_to_one_project_only(tmp_path: Path):
    """A broken re-check is one project's 复核评分失败, not every project's that would match it."""
    for unit in ("单位甲", "单位乙"):
        _write(tmp_path / "self" / unit / "p1.json", 1)
    _write(tmp_path / "re" / "单位甲" / "p1.json", 1, paid=-1)
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"))
    assert ["复核评分失败", "未抽查复核"] == [rows[f"self/{u}/p1.json"]["对比标记"][:6] for u in ("单位甲", "单位乙")]


def test_a_recheck_folder_inside_the_batchs_folder_is_the_rechecks_only(tmp_path: Path, monkeypatch):
    """`batch 绩效 --compare-with 绩效/复核`: the re-checks were read as projects too and compared with themselves; the
    re-check folder is now left out of the batch's own search. `--compare-with .` of a folder with nothing to score
    is a failed re-check, not an internal error."""
    _write(tmp_path / "绩效" / "自评" / "单位甲" / "p1.json", 1)
    _write(tmp_path / "绩效" / "复核" / "单位甲" / "p1.json", 1, paid=1)
    rows = _summary(tmp_path, str(tmp_path / "绩效"), "--compare-with", str(tmp_path / "绩效" / "复核"))
    assert ["绩效/自评/单位甲/p1.json"] == list(rows) and "复核得分比自评得分低" in rows["绩效/自评/单位甲/p1.json"]["对比标记"]
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(tmp_path / "绩效" / "自评"), "--compare-with", "."])
    assert 1 == run.exit_code and "internal error" not in run.output, run.output


def test_a_recheck_file_that_is_a_link_keeps_its_own_name(tmp_path: Path):
    """Re-check files kept as links into a content store (git-annex): matched by the names they were given, with the
    folders they lie in, not by the store's file names."""
    import os

    _write(tmp_path / "self" / "单位甲" / "p1.json", 1)
    stored = _write(tmp_path / "store" / "SHA256-aaa.json", 1, paid=1)
    beside_the_set(tmp_path / "re" / "单位甲")
    os.symlink(stored, tmp_path / "re" / "单位甲" / "p1.json")
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"))
    assert "复核得分比自评得分低" in rows["self/单位甲/p1.json"]["对比标记"]


def test_a_recheck_without_a_year_is_one_project_years_and_a_year_typed_with_its_suffix_is_the_year(tmp_path: Path):
    """P1 of 2023 and of 2024 in the batch; one re-check of P1 giving no year was compared with both, and both were flagged
    (2 comparisons of 1 re-check). It now goes to one. A re-check of P2 giving '2024年度' (or full-width ２０２４) did not
    meet P2 of 2024."""
    for year in (2023, 2024):
        path = _write(tmp_path / "self" / f"p1-{year}.json", 1, project_id="P1")
        document = json.loads(path.read_text(encoding="utf-8"))
        document["project"]["year"] = year
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _write(tmp_path / "self" / "p2.json", 2, project_id="P2")
    recheck = _write(tmp_path / "re" / "r1.json", 1, project_id="P1", paid=1)
    document = json.loads(recheck.read_text(encoding="utf-8"))
    document["project"].pop("year")
    recheck.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for name, typed in (("r2.json", "2024年度"), ("r3.json", "２０２４")):
        other = _write(tmp_path / "re" / name, 2, project_id="P2", paid=1)
        document = json.loads(other.read_text(encoding="utf-8"))
        document["project"]["year"] = typed
        other.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"), "-o", str(jsonl))
    assert 1 == sum(bool(rows[f"self/p1-{year}.json"]["复核总分"]) for year in (2023, 2024))
    # QA117 F6: the other year's project says where its id's re-check went, not only 未抽查复核
    (took,) = [year for year in (2023, 2024) if rows[f"self/p1-{year}.json"]["复核总分"]]
    other = rows[f"self/p1-{2023 + 2024 - took}.json"]["对比标记"]
    assert f"复核未写年度，已与本批次{took}年度的同编号项目对比" == other, other
    lines = {line["source"]: line for line in map(json.loads, jsonl.read_text(encoding="utf-8").splitlines())}
    taken = next(line["compare"] for source, line in lines.items() if source.endswith(f"p1-{2023 + 2024 - took}.json"))
    assert {"against": "复核", "taken_by_year": str(took)} == taken  # QA121 F6: not null, as if never re-checked
    assert rows["self/p2.json"]["复核总分"] and "复核得分比自评得分低" in rows["self/p2.json"]["对比标记"]


def test_a_recheck_without_an_id_meets_the_project_whose_file_it_names_whatever_its_suffix(tmp_path: Path):
    """A unit's form 单位甲/p1.xlsx (here a facts file p1.yaml) did not meet the re-checker's 单位甲/p1.json when neither gave
    a 项目编号: 2 of 45 re-checks of a portfolio went uncompared. The file name is compared without its suffix."""
    written = _write(tmp_path / "self" / "甲" / "p1.json", 1)
    written.rename(written.with_suffix(".yaml"))
    _write(tmp_path / "re" / "甲" / "p1.json", 1, paid=1)
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"))
    assert rows["self/甲/p1.yaml"]["复核总分"] and "复核得分比自评得分低" in rows["self/甲/p1.yaml"]["对比标记"]


def test_a_recheck_scored_under_another_set_is_not_compared_point_for_point(tmp_path: Path):
    """QA50 F2: a re-check whose facts name another set (another full mark, weights or grade lines) was compared point
    for point: a project the re-check found at the same 得分率 was flagged 复核得分比自评得分低18.00分 and put on 需说明.
    It is not compared; 汇总, 统计 and the .jsonl name the re-check's set."""
    from portfolio import SET_NAME

    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    _write(tmp_path / "re" / "a.json", 1, project_id="A", paid=1)
    other = tmp_path / "re" / SET_NAME
    other.write_text(other.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2099"'), encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"), "-o", str(jsonl))
    assert "复核按example-small 2099评分，与本项目所用example-small 1.0不同，未比较" == rows["self/a.json"]["对比标记"]
    assert "" == rows["self/a.json"]["总分差"]
    line = json.loads(jsonl.read_text(encoding="utf-8"))
    assert {"against": "复核", "set": "example-small 2099"} == line["compare"]
    assert not [reason for reason in line["need_explanation"] if "复核" in reason]


def test_a_set_of_another_total_is_compared_but_not_flagged_for_the_points_its_total_lacks(tmp_path: Path):
    """QA117 F4: --compare-set with the small set less 效益 (out of 75) flagged every project 按…评分低 15 to 21 points, the
    gap between 75 and 100 and no finding about the project, as the docs refuse for a re-check. The difference is shown;
    only a drop in grade is flagged."""
    from portfolio import SMALL_SET

    for number in range(1, 4):
        _write(tmp_path / "self" / f"p{number}.json", number, project_id=f"P{number}")
    text = SMALL_SET.read_text(encoding="utf-8")
    other = tmp_path / "of75.yaml"
    other.write_text(text[:text.index("  - id: benefit\n")].replace("id: example-small", "id: of75").replace(
        "precision: 2\n", "precision: 2\ntotal: 75\n").replace("min: 90}", "min: 72}").replace("min: 80}", "min: 64}")
        .replace("min: 60}", "min: 48}"), encoding="utf-8")
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-set", str(other))
    assert all(Decimal(row["总分差"]) >= 5 for row in rows.values()), rows
    assert not [row["对比标记"] for row in rows.values() if "评分低" in row["对比标记"]], rows


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="links")
@pytest.mark.parametrize("project_id", ["P1", None])
def test_a_recheck_that_is_a_link_to_the_projects_own_file_is_listed_not_compared(tmp_path: Path, project_id: str | None):
    """QA120 F2: a re-check folder holding a link to a project's own file compared the project with itself: 0.00, nothing
    flagged, a clean re-check. It is listed with the re-checks that matched none, saying it is the project itself."""
    _write(tmp_path / "self" / "a.json", 1, project_id=project_id)
    beside_the_set(tmp_path / "re")
    os.symlink(tmp_path / "self" / "a.json", tmp_path / "re" / "a.json")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(tmp_path / "out.csv")])
    assert 0 == run.exit_code and "与复核对比0个" in run.output and "本身，经链接读到" in run.output, run.output
    assert "未抽查复核" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_a_project_the_compared_set_cannot_score_is_said_failed_in_the_jsonl_too(tmp_path: Path):
    """QA50 F1: with --compare-set, a project the other set could not score was `"compare": null` in the .jsonl, which
    the docs keep for a project with no counterpart; 汇总 said 按…无法评分. It is {"against", "source", "failed": true}."""
    from portfolio import SMALL_SET

    path = _write(tmp_path / "self" / "a.json", 1, project_id="A")
    other = tmp_path / "other.yaml"
    other.write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: other-small").replace(
        "facts:\n", "facts:\n  extra.count: {type: number, label: 另一体系要求的事实}\n", 1), encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-set", str(other), "-o", str(jsonl))
    assert rows["self/a.json"]["对比标记"].startswith("按other-small") and "无法评分" in rows["self/a.json"]["对比标记"]
    compared = json.loads(jsonl.read_text(encoding="utf-8"))["compare"]
    assert {"source": str(path), "failed": True} == {k: compared[k] for k in ("source", "failed")}, compared


def test_a_scored_recheck_of_a_project_that_failed_is_told_and_counted_not_lost(tmp_path: Path):
    """QA70 F1: the re-check of a project this batch could not score vanished: counted neither as compared, failed,
    under another set nor matching nothing, its score in no output. The bureau's own re-check is told on the project's
    问题 row, in its .jsonl line, and counted in 统计, on the page and on the terminal."""
    _write(tmp_path / "self" / "a.json", 1, project_id="P1")
    failing = _write(tmp_path / "self" / "b.json", 2, project_id="P2")
    document = json.loads(failing.read_text(encoding="utf-8"))
    del document["facts"]["budget"]["paid"]
    failing.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for name, number, project_id in (("a", 1, "P1"), ("b", 2, "P2")):
        _write(tmp_path / "re" / f"{name}.json", number, project_id=project_id)
    outputs = [tmp_path / f"out.{ext}" for ext in ("xlsx", "jsonl", "html")]
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), *[a for o in outputs for a in ("-o", str(o))]])
    assert 1 == run.exit_code and "复核已评分而对应项目均评分失败（见问题），未比较1个" in run.output, run.output
    line = json.loads(outputs[1].read_text(encoding="utf-8").splitlines()[1], parse_float=str)
    recheck = _summary_of_one(tmp_path / "re" / "b.json")
    assert line["compare"] is None  # not compared
    assert {"against": "复核", "source": str(tmp_path / "re" / "b.json"), "total": recheck[0], "grade": recheck[1]} == \
        line["recheck"]
    import openpyxl

    book = openpyxl.load_workbook(outputs[0], read_only=True)
    problem = [row for row in book["问题"].iter_rows(values_only=True)][1]
    assert problem[-1].endswith(f"复核已评分（{tmp_path / 're' / 'b.json'}：总分{recheck[0]}，{recheck[1]}），本项目评分失败，未与本项目比较")
    counted = {row[0]: row[1] for row in book["统计"].iter_rows(values_only=True) if row and row[0]}
    assert (1, 1) == (counted["已与复核对比"], counted["复核已评分而对应项目均评分失败，未比较"])
    assert "复核已评分而对应项目均评分失败，未比较" in outputs[2].read_text(encoding="utf-8")


def _summary_of_one(path: Path) -> tuple[str, str]:
    """The total (as printed) and grade `score` gives the document at `path`."""
    run = CliRunner().invoke(main, ["score", str(path), "--format", "json"])
    result = json.loads(run.output, parse_float=str)
    return result["total"], result["grade"]


def test_a_recheck_that_is_an_input_of_the_batch_or_holds_one_is_a_wrong_command_line(tmp_path: Path):
    """QA117 F1: `batch self --compare-with self` (the same folder or file twice, or a re-check folder holding the input)
    compared every project with itself: all 0.00, nothing flagged, exit 0, a clean re-check. It is refused (exit 2),
    saying which input; a re-check file inside the batch's folder is still the re-check's only."""
    _write(tmp_path / "self" / "单位甲" / "p1.json", 1, project_id="P1")
    _write(tmp_path / "self" / "单位甲" / "p2.json", 2, project_id="P2")
    self_, unit, file = tmp_path / "self", tmp_path / "self" / "单位甲", tmp_path / "self" / "单位甲" / "p1.json"
    for given, recheck, said in ((self_, self_, "is also an input of the batch"), (file, file, "is also an input"),
                                 (unit, self_, f"holds the input {unit}"), (unit, str(unit) + "/", "is also an input")):
        run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(given), "--compare-with", str(recheck)])
        assert 2 == run.exit_code and said in run.output and "compared with itself" in run.output.replace(
            "themselves", "itself"), run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(self_), "--compare-with", str(self_)])
    assert 2 == run.exit_code and f"--compare-with {self_} 也是本批次的输入：每个项目都会与它自己作为复核对比" in run.output
    rows = _summary(tmp_path, str(self_), "--compare-with", str(file))
    assert ["self/单位甲/p2.json"] == list(rows)


def test_an_input_folder_whose_projects_are_all_the_rechecks_fails_as_an_empty_folder_does(tmp_path: Path):
    """QA117 F2: `batch self --compare-with self/单位甲`, self holding only 单位甲: the re-check folder is left out of the
    batch's search, and the run scored 0 projects and exited 0 with an empty report. The input folder is a project
    that failed (exit 1), saying its projects were taken as the re-check, in 问题 and on the terminal, in either
    language; a re-check folder beside other projects is still left out without a word."""
    from openpyxl import load_workbook

    _write(tmp_path / "self" / "单位甲" / "p1.json", 1, project_id="P1")
    self_, unit = tmp_path / "self", tmp_path / "self" / "单位甲"
    book, jsonl = tmp_path / "s.xlsx", tmp_path / "s.jsonl"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(self_), "--compare-with", str(unit),
                                    "-o", str(book), "-o", str(jsonl)])
    taken = f"此文件夹下没有可评分的项目：其中的项目都作为复核读取（--compare-with {unit}）"
    assert 1 == run.exit_code and "1个项目：已评分0，评分失败1" in run.output and taken in run.output, run.output
    assert taken in [row for row in load_workbook(book, read_only=True)["问题"].iter_rows(values_only=True)][1][-1]
    line = json.loads(jsonl.read_text(encoding="utf-8"))
    assert line["problems"][0]["message"] == taken  # in the run's language, as score --format json's (QA263 F1)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(self_), "--compare-with", str(unit)])
    assert 1 == run.exit_code and "nothing to score below this folder: its projects were taken" in run.output
    _write(tmp_path / "self" / "单位乙" / "p2.json", 2, project_id="P2")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(self_), "--compare-with", str(unit)])
    assert 0 == run.exit_code and "1 project: 1 scored, 0 failed" in run.output, run.output


def test_a_recheck_matched_by_its_path_that_names_another_project_or_unit_is_listed_not_compared(tmp_path: Path):
    """QA117 F3: a sampled JSONL re-check without ids, whose line 1 is the re-check of 第3号项目, was compared with the
    batch's line 1 (第1号项目): a wrong difference, and 第3号项目 shown 未抽查复核. A re-check its path (or line) meets is
    not compared where the two give another 项目名称 or 实施单位: 统计, the page and the terminal list it as matching none,
    saying why; one that names the same project and unit (spelt with a space) is still compared."""
    from openpyxl import load_workbook

    lines = [project(n, random.Random(n)) for n in (1, 2, 3)]
    for document in lines:
        document["project"].pop("id")
    beside_the_set(tmp_path / "self")
    (tmp_path / "self" / "p.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in lines), encoding="utf-8")
    sampled = json.loads(json.dumps(lines[2]))
    sampled["facts"]["budget"]["paid"] = 1
    beside_the_set(tmp_path / "re")
    (tmp_path / "re" / "p.jsonl").write_text(json.dumps(sampled, ensure_ascii=False), encoding="utf-8")
    book, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    args = ["batch", "-q", str(tmp_path / "self"), "--compare-with", str(tmp_path / "re")]
    run = CliRunner().invoke(main, ["--lang", "zh", *args, "-o", str(book), "-o", str(page)])
    recheck, near = f"{tmp_path / 're' / 'p.jsonl'}:1", f"{tmp_path / 'self' / 'p.jsonl'}:1"
    assert f"与复核对比0个，标记0个；复核中未找到对应项目1个：{recheck}（按路径对应{near}，但项目名称不同）" in run.output
    note = f"按文件路径对应本批次{near}，但项目名称不同（复核为第3号项目，本批次为第1号项目），未比较"
    statistics = [row for row in load_workbook(book, read_only=True)["统计"].iter_rows(values_only=True)]
    assert (recheck, "", "2024", "", note) in [row[:5] for row in statistics]
    assert f"<td>{note}</td>" in page.read_text(encoding="utf-8")
    english = CliRunner().invoke(main, ["--lang", "en", *args])
    assert f"{recheck} (its path meets {near}, whose project name differs)" in english.output, english.output
    rows = _summary(tmp_path, *args[2:])
    assert ["未抽查复核"] * 3 == [rows[f"self/p.jsonl:{n}"]["对比标记"] for n in (1, 2, 3)]
    for unit, compared in (("第９实施单位", False), (lines[0]["project"]["unit"].replace("实施", "实施 "), True)):
        sampled = json.loads(json.dumps(lines[0]))
        sampled["project"]["unit"] = unit
        (tmp_path / "re" / "p.jsonl").write_text(json.dumps(sampled, ensure_ascii=False), encoding="utf-8")
        rows = _summary(tmp_path, *args[2:])
        assert compared == bool(rows["self/p.jsonl:1"]["复核总分"]), unit


def test_a_recheck_matched_by_its_path_that_gives_another_year_is_listed_not_compared(tmp_path: Path):
    """QA235 1: a 2023 re-check without a 项目编号, found by its file name, was compared with the 2024 project and flagged
    (复核等级由良降为中, on 需说明), where the same re-check giving the id is another project-year's and left alone. Matched
    by its path it is left alone too, listed as matching none with the two years; a re-check of the same year written
    otherwise (2024年度) is still compared."""
    from openpyxl import load_workbook

    _write(tmp_path / "self" / "a.json", 1)
    recheck = _write(tmp_path / "re" / "a.json", 1, paid=1)
    document = json.loads(recheck.read_text(encoding="utf-8"))
    document["project"]["year"] = 2023
    recheck.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    book = tmp_path / "s.xlsx"
    args = ["batch", "-q", str(tmp_path / "self"), "--compare-with", str(tmp_path / "re")]
    run = CliRunner().invoke(main, ["--lang", "zh", *args, "-o", str(book)])
    near = tmp_path / "self" / "a.json"
    assert f"与复核对比0个，标记0个；复核中未找到对应项目1个：{recheck}（按路径对应{near}，但年度不同）" in run.output, run.output
    note = f"按文件路径对应本批次{near}，但年度不同（复核为2023，本批次为2024），未比较"
    statistics = [row for row in load_workbook(book, read_only=True)["统计"].iter_rows(values_only=True)]
    assert note in [row[4] for row in statistics if len(row) > 4], statistics
    english = CliRunner().invoke(main, ["--lang", "en", *args])
    assert f"{recheck} (its path meets {near}, whose year differs)" in english.output, english.output
    assert "未抽查复核" == _summary(tmp_path, *args[2:])["self/a.json"]["对比标记"]
    document["project"]["year"] = "2024年度"
    recheck.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert _summary(tmp_path, *args[2:])["self/a.json"]["复核总分"]


def test_a_project_flagged_by_its_recheck_alone_says_so_in_the_summarys_column_too(tmp_path: Path):
    """QA117 F5: a project whose own figures need no explaining, flagged only by its re-check (9.87 lower, 良 → 中), was
    on the 需说明 sheet and in the 需说明 count but its 需说明 cell in 汇总 (and the .csv) was empty: a bureau filtering
    汇总 by 需说明 missed it. The cell carries the re-check's flags as the sheet does."""
    from openpyxl import load_workbook

    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    _write(tmp_path / "re" / "a.json", 1, project_id="A", paid=1)
    book = tmp_path / "s.xlsx"
    rows = _summary(tmp_path, str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"), "-o", str(book))
    flags = rows["self/a.json"]["对比标记"]
    assert flags.startswith("复核得分比自评得分低") and rows["self/a.json"]["需说明"].endswith(flags)
    header, *summary = load_workbook(book, read_only=True)["汇总"].iter_rows(values_only=True)
    explained = [row[-1] for row in load_workbook(book, read_only=True)["需说明"].iter_rows(values_only=True)][1:]
    assert "；".join(explained) == summary[0][header.index("需说明")]


def _figure_shown(page: Path, label: str, value: int) -> bool:
    """Whether the page's figures at its head show `label` with `value`."""
    html = page.read_text(encoding="utf-8")
    figures = html[html.index('<section id="figures">'):]
    figures = figures[:figures.index("</section>")]
    return f'<span class="label">{label}</span><span class="value">{value}</span>' in figures


def test_the_pages_figures_count_the_rechecks_that_failed_and_those_under_another_set(tmp_path: Path):
    """QA175 F1: a batch whose re-checks could not all be scored exits 1, and the terminal and 统计 say 复核评分失败N, but
    the page's figures left it out while its 评分失败的项目 table listed those re-checks. The figures show it, and the
    re-checks scored under another set (复核所用指标体系不同、未比较), as the terminal and 统计 word them."""
    from portfolio import SET_NAME

    for name, number in (("a", 1), ("b", 2)):
        _write(tmp_path / "self" / f"{name}.json", number, project_id=name.upper())
    failing = _write(tmp_path / "re" / "a.json", 1, project_id="A")
    document = json.loads(failing.read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = "bad∞"
    failing.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _write(tmp_path / "re" / "other" / "b.json", 2, project_id="B")
    other = tmp_path / "re" / "other" / SET_NAME
    other.write_text(other.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "2099"'), encoding="utf-8")
    page = tmp_path / "s.html"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(page)])
    assert 1 == run.exit_code and "复核评分失败1个" in run.output and "未比较1个" in run.output, run.output
    assert _figure_shown(page, "复核评分失败", 1) and _figure_shown(page, "复核所用指标体系不同、未比较", 1)


def test_the_pages_figures_count_the_projects_the_compared_set_could_not_score(tmp_path: Path):
    """QA175 F1: with --compare-set, the projects the other set could not score are a figure of the page, named as the
    terminal names them (<set>评分失败); a batch where every re-check scored shows no such figure."""
    from portfolio import SMALL_SET

    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    other = tmp_path / "other.yaml"
    other.write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: other-small").replace(
        "facts:\n", "facts:\n  extra.count: {type: number, label: 另一体系要求的事实}\n", 1), encoding="utf-8")
    page = tmp_path / "s.html"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-set", str(other),
                                    "-o", str(page)])
    assert 1 == run.exit_code and "评分失败1个" in run.output, run.output
    assert _figure_shown(page, "other-small 1.0评分失败", 1)
    _write(tmp_path / "re" / "a.json", 1, project_id="A")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(page)])
    assert 0 == run.exit_code, run.output
    html = page.read_text(encoding="utf-8")
    figures = html[html.index('<section id="figures">'):html.index('<section class="set"')]
    assert "已与复核对比" in figures and "评分失败</span><span class=\"value\">0" in figures
    assert "复核评分失败" not in figures and "未比较" not in figures


def _unmatched(book: Path) -> dict[str, str]:
    """The 说明 of each re-check 统计 lists as matching no project, by its file."""
    from openpyxl import load_workbook

    rows = [row[:5] for row in load_workbook(book, read_only=True)["统计"].iter_rows(values_only=True)]
    start = rows.index(("复核文档", "项目编号", "年度", "本批次该编号项目的年度", "说明"))
    return {row[0]: row[4] or "" for row in rows[start + 1:] if row and row[0]}


def test_a_second_recheck_of_an_id_says_the_first_was_taken_not_nothing(tmp_path: Path):
    """QA175 F2: a second re-check of P1 (the first, read before it, compared with P1) was listed as matching no project
    with an empty 说明, as if its 项目编号 were mistyped. It says the id is given twice and which re-check took P1."""
    _write(tmp_path / "self" / "a.json", 1, project_id="P1")
    first = _write(tmp_path / "re" / "x" / "a.json", 1, project_id="P1", paid=1)
    second = _write(tmp_path / "re" / "y" / "a.json", 1, project_id="P1")
    book, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(book), "-o", str(page)])
    assert 0 == run.exit_code and f"{second}（P1）（项目编号重复，该项目已对应先读到的{first}）" in run.output, run.output
    note = f"复核中项目编号重复，该项目已对应先读到的{first}，本份未比较"
    assert note == _unmatched(book)[str(second)] and note in page.read_text(encoding="utf-8")
    english = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                        str(tmp_path / "re")])
    assert f"{second} (P1) (its id is given twice in the re-check: {first}, read first, is its project's)" in english.output


@pytest.mark.parametrize("order", ["x first", "w first"])
def test_a_recheck_without_a_year_says_the_recheck_of_the_projects_year_took_it(tmp_path: Path, order: str):
    """QA180 F8: a re-check of P1 without a year, left over because the re-check of P1 for 2024 took the 2024 project
    (whichever was read first), was listed as matching no project with an empty 说明. It says which re-check took it."""
    def dated(path: Path, year: int | None) -> Path:
        document = json.loads(path.read_text(encoding="utf-8"))
        document["project"].pop("year", None)
        document["project"].update({"year": year} if year else {})
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    dated(_write(tmp_path / "self" / "a.json", 1, project_id="P1"), 2024)
    taker = dated(_write(tmp_path / "re" / ("x" if order == "x first" else "y") / "a.json", 1, project_id="P1"), 2024)
    left = dated(_write(tmp_path / "re" / ("y" if order == "x first" else "x") / "a.json", 1, project_id="P1"), None)
    book = tmp_path / "s.xlsx"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(book)])
    assert 0 == run.exit_code, run.output
    assert f"{left}（P1）（项目编号重复，2024年度的该项目已对应同年度的{taker}，本份未填写年度）" in run.output, run.output
    assert f"复核中项目编号重复，2024年度的该项目已对应同年度的{taker}，本份未填写年度，未比较" == _unmatched(book)[str(left)]
    english = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                        str(tmp_path / "re")])
    assert (f"{left} (P1) (its id is given twice in the re-check: {taker}, of the project's year 2024, is its "
            "project's; this one gives no year)") in english.output, english.output


def test_a_recheck_as_near_a_project_as_the_one_it_took_says_so_not_nothing(tmp_path: Path):
    """QA175 F2: 复核/深/单位甲/p1.json ends like 自评/单位甲/p1.json as far as 复核/单位甲/p1.json, read first, which was
    compared; it was listed as matching no project with an empty 说明. It names the re-check compared and the project."""
    own = _write(tmp_path / "self" / "单位甲" / "p1.json", 1)
    first = _write(tmp_path / "re" / "单位甲" / "p1.json", 1, paid=1)
    tied = _write(tmp_path / "re" / "深" / "单位甲" / "p1.json", 1)
    book = tmp_path / "s.xlsx"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(book)])
    assert 0 == run.exit_code and f"{tied}（与{first}按路径同样对应一个项目，该项目已对应先读到的那份）" in run.output, run.output
    assert f"与{first}同样按文件路径对应本批次{own}，该项目已对应先读到的{first}，本份未比较" == _unmatched(book)[str(tied)]


def test_an_english_run_names_the_failed_recheck_in_english(tmp_path: Path):
    """QA175 F4: under --lang en a re-check's error line began with the Chinese （复核） while the summary said "the
    re-check (复核)". It begins "(re-check) " in English, "（复核）" in Chinese; a project the compared set could not score
    begins "(the set ID VERSION) "."""
    from portfolio import SMALL_SET

    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    failing = _write(tmp_path / "re" / "a.json", 1, project_id="A")
    document = json.loads(failing.read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = "bad∞"
    failing.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for lang, prefix in (("en", f"error: (re-check) {failing}: "), ("zh", f"错误：（复核）{failing}: ")):
        run = CliRunner().invoke(main, ["--lang", lang, "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                        str(tmp_path / "re")])
        assert 1 == run.exit_code and prefix in run.output and "（复核）" not in run.output.replace(prefix, ""), run.output
    other = tmp_path / "other.yaml"
    other.write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: other-small").replace(
        "facts:\n", "facts:\n  extra.count: {type: number, label: 另一体系要求的事实}\n", 1), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(tmp_path / "self"), "--compare-set", str(other)])
    assert f"error: (the set other-small 1.0) {tmp_path / 'self' / 'a.json'}: " in run.output, run.output


def test_a_failed_recheck_on_the_problems_sheet_carries_its_projects_number_in_order(tmp_path: Path):
    """QA307 1: on 问题 (the .xlsx and the page) a re-check that could not be scored had the re-check batch's own 序号,
    which named another project of 汇总, and came before the batch's own problems. It has the 序号 of the project it
    matched, in 序号 order with the batch's; one that matched no project has none and comes last; --jobs 2 alike."""
    import openpyxl

    for number in (1, 2, 3):
        _write(tmp_path / "self" / f"{'abc'[number - 1]}.json", number, project_id=f"P{number}",
               paid=-1 if number == 3 else None)
    _write(tmp_path / "re" / "a.json", 2, project_id="P2", paid=-1)
    _write(tmp_path / "re" / "z.json", 9, project_id="P9", paid=-1)
    seen = []
    for jobs in ("1", "2"):
        book, page = tmp_path / f"s{jobs}.xlsx", tmp_path / f"s{jobs}.html"
        run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", "--jobs", jobs, str(tmp_path / "self"),
                                        "--compare-with", str(tmp_path / "re"), "-o", str(book), "-o", str(page)])
        assert 1 == run.exit_code, run.output
        rows = [row[:2] for row in openpyxl.load_workbook(book, read_only=True)["问题"].iter_rows(values_only=True)][1:]
        assert [(2, str(tmp_path / "re" / "a.json")), (3, str(tmp_path / "self" / "c.json")),
                (None, str(tmp_path / "re" / "z.json"))] == rows
        html = page.read_text(encoding="utf-8")
        listed = html[html.index('id="problems"'):]
        assert listed.index(f'<td class="num">2</td><td class="source">{tmp_path / "re" / "a.json"}') < \
            listed.index(f'<td class="num">3</td><td class="source">{tmp_path / "self" / "c.json"}') < \
            listed.index(f'<td class="num"></td><td class="source">{tmp_path / "re" / "z.json"}')
        seen.append((book.read_bytes(), html))
    assert seen[0][1] == seen[1][1]


def test_a_cap_that_lowered_the_rechecks_grade_or_total_is_said_beside_the_flag_in_every_output(tmp_path: Path):
    """QA307 2: a cap of the set (caps: grade_at_most, total_at_most) that lowered the re-check's grade or total was said
    by no output: 复核等级由…降为差 or a 总分差 that no indicator's difference holds, with no reason. 对比标记 (the .xlsx, the
    .csv, the page) ends with what the re-check's cap did, and the .jsonl's compare gives it as caps."""
    import openpyxl

    from portfolio import SET_NAME, SMALL_SET

    for side, paid in (("self", None), ("re", 0.5)):
        _write(tmp_path / side / "a.json", 1, project_id="P1", paid=paid)
        (tmp_path / side / SET_NAME).write_text(SMALL_SET.read_text(encoding="utf-8") + (
            '\ncaps:\n  - {when: "budget.paid < 1", grade_at_most: 差, message: 实际支出不足1万元，等级最高为差}\n'),
            encoding="utf-8")
    outputs = [tmp_path / f"out.{ext}" for ext in ("xlsx", "csv", "html", "jsonl")]
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), *[a for o in outputs for a in ("-o", str(o))]])
    assert run.exit_code == 0, run.output
    said = "复核：实际支出不足1万元，等级最高为差：等级由"
    summary = list(openpyxl.load_workbook(outputs[0], read_only=True)["汇总"].iter_rows(values_only=True))
    assert said in summary[1][summary[0].index("对比标记")]
    row = next(csv.DictReader(io.StringIO(outputs[1].read_text(encoding="utf-8-sig"))))
    assert "复核等级由中降为差；" in row["对比标记"] and said in row["对比标记"], row["对比标记"]
    assert said in outputs[2].read_text(encoding="utf-8")
    compared = json.loads(outputs[3].read_text(encoding="utf-8"))["compare"]
    assert [cap.startswith("实际支出不足1万元，等级最高为差：等级由") for cap in compared["caps"]] == [True], compared


def test_a_cap_is_said_on_a_flagged_row_only_and_a_grade_it_gave_is_not_put_down_to_higher_grade_lines(tmp_path: Path):
    """QA311 1: under --compare-set, a grade a cap of the other set gave, the totals equal, was said to come of that
    set's higher grade lines (总分相同，该体系的等级线较高), beside the cap that gave it. QA311 3: a cap lowering the
    re-check by less than the threshold wrote its text in 对比标记 of a row not flagged, so that the rows marked were
    not those 统计 counts. The cap says why; an unflagged row's 对比标记 is empty, and its .jsonl compare keeps the caps."""
    from portfolio import SET_NAME, SMALL_SET

    base = SMALL_SET.read_text(encoding="utf-8")
    _write(tmp_path / "self" / "a.json", 1, project_id="P1")
    (tmp_path / "self" / SET_NAME).write_text(base, encoding="utf-8")
    capped = tmp_path / "capped.yaml"
    capped.write_text(base + (
        '\ncaps:\n  - {when: "budget.paid >= 0", grade_at_most: 差, message: 一律最高为差}\n'), encoding="utf-8")
    out = tmp_path / "set.csv"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-set", str(capped),
                                    "-o", str(out)])
    assert run.exit_code == 0, run.output
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert "一律最高为差" in row["对比标记"] and "等级线较高" not in row["对比标记"], row["对比标记"]
    total = Decimal(row["总分"])
    for side, paid in (("self", None), ("re", 189.8)):  # the cap holds on the re-check alone
        _write(tmp_path / side / "a.json", 1, project_id="P1", paid=paid)
        (tmp_path / side / SET_NAME).write_text(base + f'\ncaps:\n  - {{when: "budget.paid < 189.9", total_at_most: '
                                                f'{total - 1}, message: 略减一分}}\n', encoding="utf-8")
    outputs = [tmp_path / "re.csv", tmp_path / "re.jsonl"]
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), *[a for o in outputs for a in ("-o", str(o))]])
    assert run.exit_code == 0, run.output
    row = next(csv.DictReader(io.StringIO(outputs[0].read_text(encoding="utf-8-sig"))))
    assert 1 <= Decimal(row["总分差"]) < 5 and "" == row["对比标记"], row
    compared = json.loads(outputs[1].read_text(encoding="utf-8"))["compare"]
    assert not compared["flagged"] and [cap.startswith("略减一分") for cap in compared["caps"]] == [True], compared


def test_rechecks_scored_under_an_edited_copy_of_the_set_fail_the_run_and_name_both_sha256(tmp_path: Path):
    """QA307 5: when every re-check named an edited copy of the batch's set (same id and version), none could be compared
    and the run still exited 0, though a comparison that could not be made is never a clean exit; 对比标记 read
    复核按example-small 1.0（sha256 …）评分，与本项目所用example-small 1.0不同 — X ≠ X. It exits 1, and 对比标记 gives
    this side's sha256 too."""
    from portfolio import SET_NAME

    _write(tmp_path / "self" / "a.json", 1, project_id="A")
    _write(tmp_path / "re" / "a.json", 1, project_id="A")
    other = tmp_path / "re" / SET_NAME
    other.write_text(other.read_text(encoding="utf-8") + "\n# 复核组的副本\n", encoding="utf-8")
    out = tmp_path / "summary.csv"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(out)])
    assert 1 == run.exit_code, run.output
    marked = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))["对比标记"]
    ours, theirs = (hashlib.sha256((tmp_path / side / SET_NAME).read_bytes()).hexdigest()[:8] for side in ("self", "re"))
    assert f"复核按example-small 1.0（sha256 {theirs}）评分，与本项目所用example-small 1.0（sha256 {ours}）不同，未比较" == marked


def test_a_recheck_that_matched_nothing_says_why_where_the_batch_knows(tmp_path: Path):
    """QA307 4: 统计's 说明 was empty for a re-check the batch knew why it matched nothing: a file name two documents of
    the batch share (the name alone says neither), a project its path meets already taken by its id's re-check, an id
    the project its path meets (of the same name and year) does not give. 说明 says why, and the terminal too, in
    Chinese and in English."""
    for unit in ("甲", "乙"):
        _write(tmp_path / "self" / unit / "p1.json", 1)
    _write(tmp_path / "self" / "乙" / "p3.json", 3, project_id="Q3")
    _write(tmp_path / "self" / "丙" / "p5.json", 5)
    alike = _write(tmp_path / "re" / "p1.json", 1)
    by_path = _write(tmp_path / "re" / "乙" / "p3.json", 3)
    by_id = _write(tmp_path / "re" / "x" / "q.json", 3, project_id="Q3")
    with_id = _write(tmp_path / "re" / "丙" / "p5.json", 5, project_id="X-5")
    book = tmp_path / "s.xlsx"
    said = {}
    for lang in ("zh", "en"):
        run = CliRunner().invoke(main, ["--lang", lang, "batch", str(tmp_path / "self"), "--compare-with",
                                        str(tmp_path / "re"), "-o", str(book)])
        assert 0 == run.exit_code, run.output
        said[lang] = run.output
    notes = _unmatched(book)
    assert notes[str(alike)] == "本批次有2份文档的路径同样以p1.json结尾（如同名文件），仅凭路径无法确定是哪一份的复核，未比较"
    own = tmp_path / "self"
    assert notes[str(by_path)] == f"按文件路径对应本批次{own / '乙' / 'p3.json'}，但该项目已按项目编号与复核{by_id}对比，本份未比较"
    assert notes[str(with_id)] == (f"按文件路径对应本批次{own / '丙' / 'p5.json'}（名称、年度相同），但本份填写了项目编号X-5，"
                                   "该项目未填写，未比较")
    assert f"{alike}（本批次有2份文档的路径同样以p1.json结尾，无法确定是哪一份的复核）" in said["zh"]
    assert f"{by_path} (its path meets {own / '乙' / 'p3.json'}, compared by its project id with {by_id})" in said["en"]
    assert f"{with_id} (X-5) (its path meets {own / '丙' / 'p5.json'}, which gives no project id)" in said["en"]
