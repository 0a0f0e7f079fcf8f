"""The parts of a batch a user relies on, each on a few projects: finding inputs, isolation, order, statistics, outputs, errors."""

from __future__ import annotations

import shutil

import csv
import io
import json
import os
import random
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from portfolio import SET_NAME, SMALL_SET, beside_the_set, project, write_folder, write_jsonl
from scoring_engine import Facts, FactsError, load_facts, load_indicator_set, score_many, summarise
from scoring_engine.batch import find_documents
from scoring_engine.batch.inputs import REPORTS_MARK, count_documents
from scoring_engine.batch.rows import ProjectRow
from scoring_engine.batch.run import BatchOptions, run_batch
from scoring_engine.cli import main
from scoring_engine.reports import _xlsx_stream
from scoring_engine.reports._xlsx_stream import Book


def _write(path: Path, document: dict[str, Any]) -> Path:
    """`document` written to `path`, with the set beside it when it names the portfolio's set."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if document.get("indicator_set") == SET_NAME:
        beside_the_set(path.parent)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    sheets = {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    book.close()
    return sheets


# ---------------------------------------------------------------- finding the documents


def test_a_folder_search_finds_facts_files_and_skips_sets_cases_and_hidden_folders(tmp_path: Path):
    """Below a folder: .json and YAML facts files and JSONL lines, in sorted order; sets (profiles too), case files and
    .hidden folders are left out."""
    rng = random.Random(1)
    _write(tmp_path / "b" / "2.json", project(2, rng))
    _write(tmp_path / "a" / "1.json", project(1, rng))
    (tmp_path / "a" / "3.yaml").write_text("facts: {budget: {total: 1}}\n", encoding="utf-8")
    (tmp_path / "a" / "set.yaml").write_text(SMALL_SET.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a" / "set.cases.yaml").write_text("indicator_set: set.yaml\ncases: []\n", encoding="utf-8")
    (tmp_path / "a" / "profile.yaml").write_text("extends: set.yaml\nfacts:\n  note: {type: string, required: false}\n",
                                                 encoding="utf-8")  # a profile that adds a fact: a set, not facts
    _write(tmp_path / ".git" / "x.json", project(9, rng))
    write_jsonl(tmp_path / "c.jsonl", 2)
    with (tmp_path / "c.jsonl").open("a", encoding="utf-8") as out:
        out.write("\n   \n")  # blank lines are not documents
    found = list(find_documents([tmp_path]))
    assert ["a/1.json", "a/3.yaml", "b/2.json", "c.jsonl:1", "c.jsonl:2"] == [d.name for d in found]
    assert (str(tmp_path / "c.jsonl"), 2) == (str(found[-1].path), found[-1].line)


def test_a_facts_file_saved_as_yaml_in_json_style_is_found_and_scored(tmp_path: Path):
    """JSON is YAML: a facts document written by a JSON tool into a .yaml file (one line, or quoted keys) is a facts file;
    a set written the same way is still left out."""
    document = project(1, random.Random(1))
    _write(tmp_path / "in" / "one-line.yaml", document)
    (tmp_path / "in" / "quoted.yaml").write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "in" / "set-as-json.yaml").write_text(json.dumps({"id": "x", "indicators": []}), encoding="utf-8")
    found = list(find_documents([tmp_path / "in"]))
    assert ["one-line.yaml", "quoted.yaml"] == [d.name for d in found]
    outcomes = list(score_many(None, found))
    assert all(o.ok for o in outcomes) and outcomes[0].result.total == outcomes[1].result.total


def test_a_missing_input_stops_the_run_before_anything_is_read(tmp_path: Path):
    """Each input that does not exist is named at once, before any document is scored."""
    with pytest.raises(FactsError) as caught:
        find_documents([tmp_path / "nope", tmp_path, tmp_path / "gone.jsonl"])
    assert [str(tmp_path / "nope"), str(tmp_path / "gone.jsonl")] == [p.file for p in caught.value.problems]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_an_input_that_is_a_link_in_a_circle_is_said_so_not_missing(tmp_path: Path):
    """QA163 F8: an input that is a symbolic link to itself (`ln -s selfloop selfloop; batch selfloop`) was said to be
    no such file or folder, where one met inside a folder is said to be links in a circle; it is said so too, in
    either language, and a name that is not there is still said to be missing."""
    (tmp_path / "selfloop").symlink_to("selfloop")
    write_jsonl(tmp_path / "in.jsonl", 1)
    with pytest.raises(FactsError) as caught:
        find_documents([tmp_path / "selfloop", tmp_path / "in.jsonl", tmp_path / "nope"])
    assert [("cannot read: Too many levels of symbolic links", str(tmp_path / "selfloop")),
            ("no such file or folder", str(tmp_path / "nope"))] == [(p.message, p.file) for p in caught.value.problems]
    run = _cli("--lang", "zh", "batch", str(tmp_path / "selfloop"), "-q")
    assert 1 == run.exit_code and f"错误：{tmp_path / 'selfloop'}: 无法读取：符号链接层数过多" in run.stderr, run.output


def test_a_folder_that_cannot_be_listed_fails_as_a_project_and_overlapping_inputs_are_read_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A folder below an input that cannot be listed (no permission) is a failed document naming it, not projects
    missing without a word; a folder given again inside another input is read once."""
    from scoring_engine.batch import inputs

    write_folder(tmp_path / "in", 4)
    units = sorted(p for p in (tmp_path / "in").iterdir() if p.is_dir())
    locked = units[-1]
    walk = os.walk

    def refusing(top: Any, onerror: Any = None, **kwargs: Any) -> Any:
        for found in walk(top, onerror=onerror, **kwargs):
            if Path(found[0]) == locked:
                onerror(PermissionError(13, "Permission denied", str(locked)))
                continue
            yield found

    monkeypatch.setattr(inputs.os, "walk", refusing)
    found = list(find_documents([tmp_path / "in", units[0]]))
    assert ["cannot read this folder: Permission denied"] == [d.problem.message for d in found if d.problem]
    sources = [d.source for d in found]  # said at its place by its path, not before every file (QA332 F6)
    assert 0 < sources.index(str(locked)) == len([s for s in sources if s < str(locked)]), sources
    monkeypatch.undo()
    assert 4 == sum(1 for d in find_documents([tmp_path / "in", units[0], tmp_path / "in"]) if d.problem is None)
    assert 4 == count_documents([tmp_path / "in", units[0]])


def test_an_empty_folder_fails_and_a_second_run_does_not_read_the_first_runs_outputs(tmp_path: Path):
    """A folder with nothing to score (empty, or sets only) is a failed document saying so, not a batch of nothing that
    exits 0; outputs and reports written inside an input folder are not read back as projects by the next run."""
    (tmp_path / "empty").mkdir()
    run = _cli("batch", str(tmp_path / "empty"), "--quiet")
    assert 1 == run.exit_code and "nothing to score below this folder" in run.stderr
    write_folder(tmp_path / "in", 3)
    args = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "s.jsonl"), "-o", str(tmp_path / "in" / "s.xlsx"),
            "--reports", str(tmp_path / "in" / "r"), "--report-format", "json", "--quiet"]
    first, second = _cli(*args), _cli(*args)
    assert (0, 0) == (first.exit_code, second.exit_code), second.output
    assert first.stdout == second.stdout and second.stdout.startswith("3 projects")


def test_a_folder_of_an_earlier_batchs_summaries_only_fails_as_a_folder_with_nothing_to_score(tmp_path: Path):
    """QA163 F5: a folder holding only what an earlier batch wrote (sum.jsonl, sum.xlsx, 结果/2024汇总.xlsx), which a
    search leaves out, scored nothing and exited 0 with an empty summary, where an empty folder fails. It fails the
    same way, saying the summaries were left out, whether they are an earlier run's or this run's own outputs; the
    progress total counts that one problem."""
    write_folder(tmp_path / "in", 2)
    only = tmp_path / "only"
    (only / "结果").mkdir(parents=True)
    outputs = [only / "sum.jsonl", only / "sum.xlsx", only / "结果" / "2024汇总.xlsx"]
    assert 0 == _cli("batch", str(tmp_path / "in"), "-q", *(a for o in outputs for a in ("-o", str(o)))).exit_code
    said = ("此文件夹下没有可评分的项目：没有事实文件、填好的自评表或 JSONL 文件，只有之前批量评分写出的汇总文件（已跳过）"
            "（请给出这些汇总所依据的事实文件或自评表）")
    for args in ([str(only)], [str(only / "结果")], [str(only), "-o", str(only / "sum.xlsx")]):
        run = _cli("--lang", "zh", "batch", *args, "-q")
        assert 1 == run.exit_code and f"错误：{args[0]}: {said}" in run.stderr, run.output
        assert run.stdout.startswith("1个项目：已评分0，评分失败1"), run.stdout
        assert 1 == count_documents([args[0]], args[2:])
    both = _cli("batch", str(only), str(tmp_path / "in"), "-q")  # with projects beside it: still said, the others scored
    assert 1 == both.exit_code and both.stdout.startswith("3 projects: 2 scored, 1 failed"), both.output


def test_a_set_or_a_case_file_given_as_input_is_one_line_saying_what_it_is(tmp_path: Path):
    """An indicator set or a case file named as INPUT fails with one line saying what it is and where a set goes, not
    every key the facts schema does not know."""
    run = _cli("batch", str(SMALL_SET), str(ROOT / "indicator_sets" / "self-evaluation.cases.yaml"), "--quiet")
    assert 1 == run.exit_code
    lines = run.stderr.strip().splitlines()
    assert [f"error: {SMALL_SET}: this file is an indicator set, not a facts file (give facts files, forms, folders or "
            "JSONL files as INPUT, and a set with --set)"] == lines[:1] and 2 == len(lines)
    assert "this file is a case file" in lines[1]


def test_a_file_name_that_is_not_utf8_is_scored_and_shown_escaped_in_every_output(tmp_path: Path):
    """A GBK file name (as unzipping a Windows zip leaves it) is scored; the outputs show its bytes as escapes."""
    write_jsonl(tmp_path / "all.jsonl", 1)
    line = (tmp_path / "all.jsonl").read_text(encoding="utf-8")
    beside_the_set(tmp_path / "in")
    with open(os.path.join(os.fsencode(tmp_path / "in"), "紫霞.json".encode("gbk")), "w", encoding="utf-8") as out:
        out.write(line)
    outputs = [str(tmp_path / f"s.{ext}") for ext in ("csv", "html", "jsonl", "xlsx")]
    run = _cli("batch", str(tmp_path / "in"), *[arg for o in outputs for arg in ("--output", o)], "--quiet")
    assert 0 == run.exit_code, run.output
    assert "\\xd7\\xcf" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")


def test_a_file_name_that_is_not_utf8_gets_its_report_and_a_second_run_finds_it_its_own(tmp_path: Path):
    """QA224 1: with --reports, the same GBK file name stopped the batch with exit 3 (the reports' mark recorded the
    name's bytes as they were, which UTF-8 cannot hold) and nothing was written. The report is written, the mark records
    the name escaped as the outputs show it, and a second run into the same folder writes over its own report."""
    write_jsonl(tmp_path / "all.jsonl", 1)
    beside_the_set(tmp_path / "in")
    with open(os.path.join(os.fsencode(tmp_path / "in"), "紫霞.json".encode("gbk")), "w", encoding="utf-8") as out:
        out.write((tmp_path / "all.jsonl").read_text(encoding="utf-8"))
    for _ in range(2):
        run = _cli("batch", str(tmp_path / "in"), "--output", str(tmp_path / "s.csv"), "--reports", str(tmp_path / "r"),
                   "--quiet")
        assert 0 == run.exit_code, run.output
        reports = sorted(p.name for p in (tmp_path / "r").iterdir() if not p.name.startswith("."))
        assert ["000001-xd7xcfϼ.html"] == reports, reports  # named by the name's bytes as shown, not 'xcfϼ' (QA225 4)
    assert "in/\\xd7\\xcfϼ.json" in (tmp_path / "r" / ".scoring-engine-reports").read_text(encoding="utf-8")


def test_a_file_name_that_is_not_utf8_is_shown_by_score_and_validate_as_batch_shows_it(tmp_path: Path):
    """QA224 8: batch showed a GBK name's bytes as \\xd7\\xcf (docs/batch.md), while score and validate said the same file
    was in/\\udcd7\\udccf.json, Python's reading of them. Every command shows the bytes alike."""
    (tmp_path / "in").mkdir()
    name = os.path.join(os.fsencode(tmp_path / "in"), "紫.json".encode("gbk"))
    with open(name, "w", encoding="utf-8") as out:
        out.write("not json")
    for command in ("score", "validate", "batch"):
        run = _cli(command, os.fsdecode(name), *(("-q", "-o", str(tmp_path / "s.csv")) if command == "batch" else ()))
        assert 1 == run.exit_code and "in/\\xd7\\xcf.json" in run.stderr and "udc" not in run.stderr, run.stderr


def test_a_gbk_jsonl_file_is_read_with_encoding(tmp_path: Path):
    """--encoding gb18030 reads a JSONL file saved as GBK, line by line; without it each line says how to read it."""
    write_jsonl(tmp_path / "u.jsonl", 2)
    beside_the_set(tmp_path / "g")
    (tmp_path / "g" / "g.jsonl").write_bytes((tmp_path / "u.jsonl").read_text(encoding="utf-8").encode("gb18030"))
    assert 0 == _cli("batch", str(tmp_path / "g" / "g.jsonl"), "--encoding", "gb18030", "--quiet").exit_code
    run = _cli("batch", str(tmp_path / "g" / "g.jsonl"), "--quiet")
    assert 1 == run.exit_code and "--encoding gb18030" in run.stderr


def test_a_bad_jsonl_line_fails_alone_and_names_its_line(tmp_path: Path):
    """A JSONL line that is not UTF-8, or not JSON, fails with the file and its line; the lines around it are scored."""
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, 2)
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(lines[0] + b'{"facts": \xff}\n' + b'{"facts": {,}}\n' + lines[1])
    outcomes = list(score_many(None, find_documents([path])))
    assert [True, False, False, True] == [o.ok for o in outcomes]
    assert (f"{path}:2: not UTF-8 text (byte 10 of the line) (save the file as UTF-8, or give --encoding gb18030 for one "
            "saved as GBK)") == str(outcomes[1].problems[0])
    assert str(outcomes[2].problems[0]).startswith(f"{path}:3:12: JSON syntax")


def test_the_progress_total_counts_the_documents_a_jsonl_file_gives_not_its_blank_lines(tmp_path: Path):
    """Blank and whitespace-only lines (CRLF too) give no document, so the progress line's total does not count them
    and reaches 100%; a last line without its newline, and a line longer than a read, count once."""
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, 3)
    first, second, third = path.read_bytes().splitlines()
    path.write_bytes(b"\n" + first + b"\r\n \n\n" + second + b" " * (3 << 20) + b"\n\t\r\n" + third)
    assert 3 == len(list(find_documents([path]))) == count_documents([path])


# ---------------------------------------------------------------- score_many


def test_score_many_keeps_input_order_and_isolates_failures_with_two_processes(tmp_path: Path):
    """With two worker processes the outcomes come in input order, equal to one process's; bad documents fail alone."""
    documents: list[Any] = [Path(p) for p in write_folder(tmp_path, 70)]
    documents.insert(3, tmp_path / "missing.json")
    documents.insert(40, Facts(values={"budget": {"total": 1}}, source="inline"))  # most facts missing
    one = list(score_many(SMALL_SET, documents, jobs=1))
    two = list(score_many(SMALL_SET, documents, jobs=2))
    assert [o.row for o in one] == [o.row for o in two]
    assert list(range(72)) == [o.index for o in two]
    assert [3, 40] == [o.index for o in two if not o.ok]
    assert all(o.result is not None and o.result.total == o.row.total for o in two if o.ok)


def test_score_many_makes_each_row_when_first_read_the_same_as_the_batch_makes_it(tmp_path: Path):
    """A caller of score_many who reads only the Results does not pay for the rows; a row read (or pickled) is the one
    the batch makes at once, reasons included."""
    import pickle

    from scoring_engine._later import Later, given
    from scoring_engine.batch.inputs import Document
    from scoring_engine.batch.scoring import Scorer

    paths = write_folder(tmp_path, 6)
    outcomes = list(score_many(SMALL_SET, paths))
    assert all(isinstance(given(o, "row"), Later) for o in outcomes)  # nothing made yet
    eager = Scorer(load_indicator_set(SMALL_SET))
    made = [eager.outcome(i, Document.of(path, i)).row for i, path in enumerate(paths)]
    copied = pickle.loads(pickle.dumps(outcomes[0]))
    assert made[0] == copied.row and not isinstance(given(copied, "row"), Later)  # crosses a process boundary made
    assert made == [o.row for o in outcomes]
    assert any(i.reason for i in made[0].indicators)


def test_a_document_too_deep_to_send_to_a_worker_fails_alone_as_with_one_process(tmp_path: Path):
    """A mapping nested thousands deep cannot be pickled to a worker process: its chunk is scored here instead, so with
    two processes it fails alone, as with one, and no other project is lost."""
    deep: dict[str, Any] = {}
    inner = deep
    for _ in range(5000):
        inner["x"] = {}
        inner = inner["x"]
    documents: list[Any] = [Path(p) for p in write_folder(tmp_path, 70)]
    documents.insert(40, {"budget": deep})
    one = list(score_many(SMALL_SET, documents, jobs=1))
    two = list(score_many(SMALL_SET, documents, jobs=2))
    assert [o.row for o in one] == [o.row for o in two]
    assert [40] == [o.index for o in two if not o.ok]


def test_no_more_worker_processes_start_than_the_batch_has_chunks(monkeypatch: pytest.MonkeyPatch):
    """-j 8 on one chunk of work starts no process (the work is done here); on three chunks it starts three, not eight."""
    from scoring_engine.batch import pool

    started: list[int] = []

    class Counting(pool.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: Any):
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(pool, "ProcessPoolExecutor", Counting)
    assert [0, 2, 4, 6, 8] == list(pool.ordered_map(_Doubling, range(5), jobs=8))
    assert [] == started
    assert [2 * i for i in range(3 * pool.CHUNK)] == list(pool.ordered_map(_Doubling, range(3 * pool.CHUNK), jobs=8))
    assert [3] == started


def test_the_default_number_of_workers_is_the_cores_the_process_may_run_on(monkeypatch: pytest.MonkeyPatch):
    """Under `taskset -c 0` (or a container's CPU set) the default is one worker, not one per core of the machine."""
    from scoring_engine.batch import pool

    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert 1 == pool.usable_cores()


class _Doubling:
    """A worker for ordered_map: each item twice over (picklable, as a worker process receives it)."""

    def __call__(self, chunk: list[int]) -> list[int]:
        return [2 * item for item in chunk]


def test_spawned_workers_give_the_same_outcomes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Where workers cannot be forked (other platforms, or a parent with threads) they are spawned, with the same outcomes."""
    from scoring_engine.batch import pool

    paths = write_folder(tmp_path, 40)
    forked = [o.row for o in score_many(None, paths, jobs=2)]
    monkeypatch.setattr(pool, "_start_method", lambda: "spawn")
    assert forked == [o.row for o in score_many(None, paths, jobs=2)]


def test_score_many_takes_a_parsed_facts_document_and_says_what_to_do_with_a_jsonl_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """json.loads of a JSONL line (a whole facts document, with its set and project) scores as the line does, and a
    JSONL file's path given as one document says to go through find_documents, not "JSON syntax: Extra data"."""
    path = tmp_path / "p.jsonl"
    write_jsonl(path, 2)
    monkeypatch.chdir(tmp_path)  # a set named inside a document given without a file is found from the working folder
    parsed = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    from_lines = [o.result.total for o in score_many(None, find_documents([path]))]
    assert from_lines == [o.result.total for o in score_many(None, parsed)]
    assert parsed[0]["project"]["id"] == next(iter(score_many(None, parsed[:1]))).row.project["id"]
    (outcome,) = score_many(SMALL_SET, [path])
    assert not outcome.ok and "one facts document a line" in str(outcome.problems[0]) and "find_documents" in str(
        outcome.problems[0])


def test_score_many_takes_facts_mappings_and_paths_and_each_documents_own_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Without a set each facts file is scored by the set it names; a mapping of fact values needs a set."""
    path = _write(tmp_path / "p.json", project(1, random.Random(5)))
    monkeypatch.chdir(tmp_path)  # facts given without their file find the set they name in the working folder, as for score -
    values = load_facts(path).values
    outcomes = list(score_many(None, [path, load_facts(path), values]))
    assert [True, True, False] == [o.ok for o in outcomes]
    assert outcomes[0].result.total == outcomes[1].result.total  # type: ignore[union-attr]
    assert "no indicator set" in str(outcomes[2].problems[0])
    assert outcomes[0].result.total == next(iter(score_many(SMALL_SET, [values]))).result.total  # type: ignore[union-attr]
    [wrong] = score_many(SMALL_SET, [42])  # type: ignore[list-item]
    assert not wrong.ok and "a document is a Document, a Facts, a mapping of fact values" in str(wrong.problems[0])


def test_score_many_refuses_one_path_for_its_documents_and_a_set_of_the_wrong_type(tmp_path: Path):
    """One path string for the documents would be read a character at a time, and a number for the set would fail every
    project as a bug of the engine: both are TypeErrors saying what to pass."""
    write_jsonl(tmp_path / "p.jsonl", 1)
    with pytest.raises(TypeError, match=r"find_documents\(\[path\]\)"):
        score_many(SMALL_SET, str(tmp_path / "p.jsonl"))
    with pytest.raises(TypeError, match="indicator_set is a loaded IndicatorSet"):
        score_many(42, find_documents([tmp_path / "p.jsonl"]))  # type: ignore[arg-type]


def test_a_set_that_does_not_load_fails_each_of_its_projects_once_loaded(tmp_path: Path):
    """A document naming a broken set fails with the set's problems, located at the document's indicator_set."""
    (tmp_path / "bad.yaml").write_text("id: x\n", encoding="utf-8")
    document = project(1, random.Random(5), indicator_set="bad.yaml")
    paths = [_write(tmp_path / f"{i}.json", document) for i in range(3)]
    outcomes = list(score_many(None, paths))
    assert not any(o.ok for o in outcomes)
    assert all(p.file == str(paths[0].parent / "bad.yaml") for p in outcomes[0].problems)


def test_a_set_named_by_path_is_found_in_each_documents_own_folder(tmp_path: Path):
    """The same name in documents of different folders means each folder's own file; a folder without it fails alone."""
    document = project(1, random.Random(5))
    first = _write(tmp_path / "a" / "p1.json", document)
    second = _write(tmp_path / "b" / "p2.json", document)
    changed = (tmp_path / "b" / SET_NAME).read_text(encoding="utf-8").replace("precision: 2", "precision: 1", 1)
    assert "precision: 1" in changed
    (tmp_path / "b" / SET_NAME).write_text(changed, encoding="utf-8")
    (tmp_path / "c").mkdir()
    third = tmp_path / "c" / "p3.json"
    third.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    outcomes = list(score_many(None, [first, second, first, third, second]))
    assert [2, 1, 2] == [o.result.precision for o in outcomes[:3]]  # type: ignore[union-attr]
    assert outcomes[4].result.precision == 1  # type: ignore[union-attr]
    assert not outcomes[3].ok and "no indicator set" in str(outcomes[3].problems[0])
    assert outcomes[3].problems[0].file == str(third)


def test_a_bug_fails_one_project_and_the_batch_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An unexpected exception while scoring one project is that project's internal error; the others are scored; exit code 3."""
    from scoring_engine.batch import scoring

    paths = write_folder(tmp_path / "in", 5)

    def failing(real: Any) -> Any:
        def run(indicator_set: Any, facts: Any) -> Any:
            if facts.project["id"] == "P00003":
                raise RuntimeError("boom")
            return real(indicator_set, facts)
        return run

    monkeypatch.setattr(scoring, "score_held", failing(scoring.score_held))  # the outputs that show reasons or results
    monkeypatch.setattr(scoring, "scores_only", failing(scoring.scores_only))  # the summaries alone
    for output in ("out.csv", "out.xlsx"):
        run = _cli("batch", str(tmp_path / "in"), "--jobs", "1", "--output", str(tmp_path / output))
        assert 3 == run.exit_code
        assert f"error: {paths[2]}: internal error: RuntimeError: boom (please report it with this document)" in run.stderr
    assert 5 == len((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines())  # header and 4 projects


# ---------------------------------------------------------------- summarise


def _row(index: int, total: str, grade: str, unit: str = "", flags: tuple[str, ...] = ()) -> ProjectRow:
    return ProjectRow(index=index, source=f"{index}.json", project={"unit": unit} if unit else {}, set_id="s",
                      grades=("优", "良", "中", "差"), total=Decimal(total), grade=grade, flags=flags)


def test_summary_median_histogram_and_rankings_are_exact():
    """Median of an even count is the mean of the middle two; each total falls in its tenth; units rank by mean total."""
    rows = [_row(0, "95", "优", "甲"), _row(1, "59.99", "差", "乙", ("差",)), _row(2, "60", "中", "乙"), _row(3, "100", "优", "甲")]
    summary = summarise(rows)
    s = summary.sets[0]
    assert (Decimal("77.50"), Decimal("78.75")) == (s.median, s.mean)
    assert [0, 0, 0, 0, 0, 1, 1, 0, 0, 2] == [b.count for b in s.histogram]
    # 乙's 59.995 is 59.99, not 60.00 (the line of 中) beside its 59.99% (QA135 F3)
    assert [("甲", 2, Decimal("97.50")), ("乙", 2, Decimal("59.99"))] == [(u.name, u.count, u.mean) for u in summary.units]
    assert [3, 0, 2, 1] == [p.index for p in summary.best][:4]
    assert [1, 2, 0, 3] == [p.index for p in summary.worst][:4]
    assert 1 == summary.flagged and 1 == s.flagged


def test_a_projects_own_target_rows_are_not_summed_across_projects(tmp_path: Path):
    """Rows of each project's own 绩效目标表 (children_from) are in its details, not in the statistics by indicator."""
    base = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    paths = []
    for n in range(3):
        document = json.loads(json.dumps(base))
        for row in document["facts"]["targets"]["output"]:
            row["id"] = f"{row['id']}{n}"  # each project sets its own targets
        paths.append(_write(tmp_path / f"{n}.json", document | {"indicator_set": "self-evaluation"}))
    outcomes = list(score_many(None, paths))
    assert any(not i.in_set for i in outcomes[0].row.indicators)
    stats = summarise(outcomes).sets[0].indicators
    assert ["budget", "output", "benefit", "satisfaction"] == [i.id for i in stats]


def test_best_and_worst_keep_the_earlier_project_on_a_tie():
    """Ten best and worst of many equal totals are the first ten in input order, whatever order they are summarised in."""
    rows = [_row(i, "80", "良") for i in range(30)]
    summary = summarise(reversed(rows))
    assert list(range(10)) == [p.index for p in summary.best]
    assert list(range(10)) == [p.index for p in summary.worst]


# ---------------------------------------------------------------- comparing


def _recheck(tmp_path: Path, change: dict[str, dict[str, Any]]) -> tuple[Path, Path]:
    """Self-evaluations of five projects and their re-check, where `change` edits the re-check's facts by project id."""
    rng = random.Random(11)
    for number in range(1, 6):
        document = project(number, rng)
        _write(tmp_path / "self" / f"{number}.json", document)
        if document["project"]["id"] in change:
            for group, values in change[document["project"]["id"]].items():
                document["facts"][group].update(values)
        _write(tmp_path / "recheck" / f"r{number}.json", document)
    return tmp_path / "self", tmp_path / "recheck"


def test_compare_with_matches_by_project_id_and_flags_self_scores_that_run_high(tmp_path: Path):
    """A re-check that takes 6 points off is flagged (threshold 5); one equal is not; differences are self minus re-check."""
    mine, recheck = _recheck(tmp_path, {"P00002": {"findings": {"compliance": ["一", "二", "三", "四", "五", "六"]}},
                                        "P00004": {"decision": {"policy_basis": False}}})
    out = tmp_path / "out.xlsx"
    run = _cli("batch", str(mine), "--compare-with", str(recheck), "--output", str(out), "--output", str(tmp_path / "out.jsonl"))
    assert 0 == run.exit_code, run.stderr
    sheets = _sheets(out)
    header, *rows = sheets["汇总"]
    columns = {name: [row[header.index(name)] for row in rows] for name in ("总分差", "对比标记", "复核总分")}
    differences = [Decimal(str(d)) for d in columns["总分差"]]
    assert differences[0] == 0 and differences[2] == 0 and differences[4] == 0
    assert differences[1] >= 5 and "复核得分比自评得分低" in columns["对比标记"][1]
    assert 0 < differences[3] < 5 and not columns["对比标记"][3]
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[1]["compare"]["flagged"] and "findings.compliance" not in lines[1]["compare"]["indicators"]
    assert Decimal(str(lines[1]["compare"]["indicators"]["process.compliance"]["difference"])) > 0
    assert "compared with the re-check (复核): 5, flagged 1," in run.stdout


def test_the_batch_page_shows_each_projects_re_check_beside_its_self_score(tmp_path: Path):
    """docs/batch.md: every output shows each project's other total, difference and grade. The page showed only the
    counts and the flagged project: a 科长 reading it could not see a re-check 3.41 below. Its table 与复核对比 has one
    row per scored project, with the workbook's 复核总分 and 总分差."""
    import html
    import re

    mine, recheck = _recheck(tmp_path, {"P00002": {"findings": {"compliance": ["一", "二", "三", "四", "五", "六"]}}})
    page, book = tmp_path / "out.html", tmp_path / "out.xlsx"
    run = _cli("batch", str(mine), "--compare-with", str(recheck), "--output", str(page), "--output", str(book))
    assert 0 == run.exit_code, run.stderr
    text = page.read_text(encoding="utf-8")
    table = text[text.index('<section id="compared">'):text.index('<section id="problems">')]
    rows = [[html.unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table) if "<td" in row]
    header, *sheet = _sheets(book)["汇总"]
    assert len(rows) == len(sheet) == 5
    for cells, row in zip(rows, sheet, strict=True):
        assert cells[4] == f"{Decimal(str(row[header.index('复核总分')])):.2f}"
        assert cells[5] == f"{Decimal(str(row[header.index('总分差')])):.2f}"
    assert "复核得分比自评得分低" in rows[1][8]


def test_compare_with_matches_by_path_below_the_folder_without_ids_and_counts_the_unmatched(tmp_path: Path):
    """Projects without an id match their re-check by path below the input folder; a re-check of nothing is counted."""
    rng = random.Random(4)
    for unit in ("甲", "乙"):
        document = project(1, rng)
        del document["project"]["id"]
        _write(tmp_path / "self" / unit / "项目.json", document)
        document["facts"]["decision"]["no_overlap"] = unit == "乙"  # 甲's re-check finds an overlap
        _write(tmp_path / "recheck" / unit / "项目.json", document)
    _write(tmp_path / "recheck" / "丙" / "项目.json", project(2, rng))
    summary = run_batch(BatchOptions((str(tmp_path / "self"),), compare_with=(str(tmp_path / "recheck"),)))
    assert (2, 1) == (summary.compared, summary.unmatched)
    assert summary.mean_difference is not None and summary.mean_difference > 0


def test_a_sampled_recheck_is_matched_by_id_only_not_by_line(tmp_path: Path):
    """A re-check of a sample (P00003 and P00005 of five, on lines 1 and 2 of its JSONL): projects that name their id are
    compared only with the re-check of that id, never with another project's re-check on the same line."""
    write_jsonl(tmp_path / "self.jsonl", 5)
    lines = (tmp_path / "self.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "check.jsonl").write_text(lines[2] + lines[4], encoding="utf-8")
    run = _cli("batch", str(tmp_path / "self.jsonl"), "--compare-with", str(tmp_path / "check.jsonl"),
               "--output", str(tmp_path / "out.jsonl"), "--quiet")
    assert 0 == run.exit_code, run.output
    compared = [json.loads(line).get("compare") for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [None, None, "check.jsonl:1", None, "check.jsonl:2"] == [c and Path(c["source"]).name for c in compared]
    assert "compared with the re-check (复核): 2," in run.stdout


def test_compare_set_scores_each_project_under_both_sets(tmp_path: Path):
    """--compare-set scores every project under the other set too: per-indicator differences, and a grade drop is flagged."""
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: stricter")
                        .replace("{label: 中, min: 60}", "{label: 中, min: 75}"), encoding="utf-8")
    paths = write_folder(tmp_path / "in", 12)
    out = tmp_path / "out.xlsx"
    run = _cli("batch", str(tmp_path / "in"), "--compare-set", str(stricter), "--output", str(out))
    assert 0 == run.exit_code, run.stderr
    header, *rows = _sheets(out)["汇总"]
    assert len(paths) == len(rows)
    assert "stricter 1.0 总分" in header  # the other set by id and version: last year's version of one id is told apart
    assert all(0 == Decimal(str(row[header.index("总分差")])) for row in rows)  # same weights: same totals
    dropped = {row[1] for row in rows if row[header.index("等级")] == "中" and Decimal(str(row[header.index("总分")])) < 75}
    assert dropped and dropped == {row[1] for row in rows if row[header.index("对比标记")]}
    assert all("按stricter 1.0评分等级由中降为差（总分相同，该体系的等级线较高）" == row[header.index("对比标记")] for row in rows if row[1] in dropped)


def test_a_grade_that_drops_under_a_second_set_does_not_put_the_project_on_the_explain_list(tmp_path: Path):
    """需说明 lists the projects that owe an explanation. A grade lower under another set's grade lines is that set's doing
    (QA: county 86 优 was listed as 按province-2024评分等级由优降为良 though it scored 87.9 there): it stays in 汇总 and
    对比标记, while a re-check's flag (得分虚高, the unit's to explain) is still listed."""
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: stricter")
                        .replace("{label: 中, min: 60}", "{label: 中, min: 75}"), encoding="utf-8")
    write_folder(tmp_path / "in", 12)
    alone, against = tmp_path / "alone.xlsx", tmp_path / "against.xlsx"
    assert 0 == _cli("batch", str(tmp_path / "in"), "--output", str(alone)).exit_code
    run = _cli("batch", str(tmp_path / "in"), "--compare-set", str(stricter), "--output", str(against))
    assert 0 == run.exit_code, run.stderr
    sheets = _sheets(against)
    header, *rows = sheets["汇总"]
    assert any(row[header.index("对比标记")] for row in rows)
    assert _sheets(alone)["需说明"] == sheets["需说明"]
    assert not any("按stricter" in str(cell) for row in sheets["需说明"] for cell in row)
    recheck = _rechecked_far_below(tmp_path)
    checked = tmp_path / "checked.xlsx"
    run = _cli("batch", str(tmp_path / "in"), "--compare-with", str(recheck), "--output", str(checked))
    assert 0 == run.exit_code, run.stderr
    sheets = _sheets(checked)
    header, *rows = sheets["汇总"]
    above = {row[1] for row in rows if Decimal(str(row[header.index("总分差")])) >= 5}
    assert above and above == {row[1] for row in sheets["需说明"][1:] if str(row[-1]).startswith("复核得分比自评得分低")}


def _rechecked_far_below(tmp_path: Path) -> Path:
    """tmp_path/recheck: each project of tmp_path/in as a re-checker who finds the plan unfounded scores it, far below
    its self-score."""
    recheck = tmp_path / "recheck"
    for path in (tmp_path / "in").rglob("*.json"):  # the re-checker finds the plan unfounded: each far below its self-score
        document = json.loads(path.read_text(encoding="utf-8"))
        document["facts"]["decision"].update(policy_basis=False, plan_match=False, no_overlap=False)
        beside_the_set((recheck / path.relative_to(tmp_path / "in")).parent)
        (recheck / path.relative_to(tmp_path / "in")).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return recheck


def test_compare_with_and_compare_set_together_is_a_usage_error(tmp_path: Path):
    """A re-check and a second set cannot both be the other side of the comparison: exit 2, saying so."""
    run = _cli("batch", str(tmp_path), "--compare-with", str(tmp_path), "--compare-set", "self-evaluation")
    assert 2 == run.exit_code and "not both" in run.stderr


@pytest.mark.parametrize("threshold", ["五", "nan", "-1", "Infinity", "1_0", "分", "-5分"])
def test_a_threshold_that_is_not_points_is_a_usage_error(tmp_path: Path, threshold: str):
    """--threshold takes a finite number of points, 0 or more; anything else is exit 2 naming the option (QA175 F3:
    `1_0`, digits Python groups by `_`, was taken as 10)."""
    run = _cli("batch", str(tmp_path), "--compare-set", "self-evaluation", "--threshold", threshold)
    assert 2 == run.exit_code and "--threshold" in run.stderr


def test_a_threshold_written_with_its_unit_or_in_full_width_digits_is_taken_as_points(tmp_path: Path):
    """QA175 F3: `--threshold 5分` was refused as '5分' 不是分数. Points written with 分, or in full-width digits, flag
    the same projects as `--threshold 5`."""
    write_folder(tmp_path / "in", 4)
    recheck = _rechecked_far_below(tmp_path)
    written = []
    for number, threshold in enumerate(["5", "5分", "５ 分"]):
        out = tmp_path / f"out{number}.csv"
        run = _cli("batch", str(tmp_path / "in"), "--compare-with", str(recheck), "--threshold", threshold, "-o", str(out))
        assert 0 == run.exit_code, run.stderr
        written.append(out.read_text(encoding="utf-8-sig"))
    assert "复核得分比自评得分低" in written[0] and written[0] == written[1] == written[2]


def test_a_threshold_with_a_full_width_full_stop_is_points_and_minus_zero_is_zero(tmp_path: Path):
    """QA180 F4: `--threshold ５．５` (the full stop a Chinese input method types, U+FF0E) was refused as not points while
    ５.５ was taken, and `-0` was taken and said in the flags as 阈值-0分. The full-width full stop is a decimal point,
    and -0 is 0."""
    from scoring_engine._cli_params import points_given

    for text in ("５．５", "５．５分", "5．5", " 5．5 分"):
        assert Decimal("5.5") == points_given(text), text
    for text in ("-0", "-0分", "-0.0", "-0 分"):
        assert not str(points_given(text)).startswith("-"), text
    assert "0" == str(points_given("-0"))
    run = _cli("batch", str(tmp_path), "--compare-set", "self-evaluation", "--threshold", "５．５分")
    assert "--threshold" not in run.stderr


@pytest.mark.parametrize("threshold", ["1e-99999", "0.0000001", "1001", "1e9"])
def test_a_threshold_too_fine_or_too_large_is_a_usage_error(tmp_path: Path, threshold: str):
    """--threshold is printed in every flag's reason: more than 6 decimals or above 1000 points is exit 2, not a reason
    of 100,000 zeros (or a MemoryError)."""
    run = _cli("batch", str(tmp_path), "--compare-set", "self-evaluation", "--threshold", threshold)
    assert 2 == run.exit_code and "at most 1000 points, with at most 6 decimals" in run.stderr


def test_more_jobs_than_four_per_core_is_a_usage_error(tmp_path: Path):
    """--jobs beyond four per core would only start processes that compete for the cores: exit 2 before any starts."""
    run = _cli("batch", str(tmp_path), "--jobs", str(4 * (os.cpu_count() or 1) + 1))
    assert 2 == run.exit_code and "--jobs" in run.stderr


def test_the_jobs_help_says_the_bound_it_refuses_beyond():
    """QA228 5: the help said only [x>=1] of --jobs, which more than four per core is refused beyond; it says both."""
    page = " ".join(_cli("--lang", "en", "batch", "--help").stdout.split())
    assert "Worker processes, at most four per core. Default: one per core. [x>=1]" in page
    chinese = "".join(_cli("--lang", "zh", "batch", "--help").stdout.split())
    assert "工作进程数，每个CPU核最多四个。默认：每个CPU核一个。[不小于1]" in chinese


# ---------------------------------------------------------------- outputs and their failures


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path: Path):
    """--output naming an input file (the JSONL of facts, a filled form) would replace it: exit 2, the file untouched."""
    write_jsonl(tmp_path / "in.jsonl", 2)
    before = (tmp_path / "in.jsonl").read_bytes()
    run = _cli("batch", str(tmp_path / "in.jsonl"), "--output", str(tmp_path / "." / "in.jsonl"))
    assert 2 == run.exit_code and "is also an input" in run.stderr
    assert before == (tmp_path / "in.jsonl").read_bytes()
    run = _cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "s.csv"), "-o", str(tmp_path / "s.csv"))
    assert 2 == run.exit_code and "is given twice" in run.stderr


def test_a_full_temporary_folder_is_one_error_line_not_an_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The batch's temporary file of rows cannot be written (TMPDIR full): exit 1 naming the folder and what to do."""
    import errno
    import tempfile

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    write_jsonl(tmp_path / "in.jsonl", 2)
    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    run = _cli("batch", str(tmp_path / "in.jsonl"), "--output", str(tmp_path / "s.csv"))
    assert 1 == run.exit_code, run.output
    assert "cannot write the batch's temporary file: No space left on device" in run.stderr
    assert "internal error" not in run.stderr and not (tmp_path / "s.csv").exists()


def test_ctrl_c_while_the_outputs_are_put_in_place_puts_them_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A stop that comes once the outputs are complete and being put in place comes too late to stop it: every output
    is written, none is left old beside a new one."""
    import signal

    from scoring_engine.reports.batch_csv import BatchCsv

    commit = BatchCsv.commit

    def interrupted(self: Any) -> None:
        commit(self)
        signal.raise_signal(signal.SIGINT)  # as Ctrl-C pressed just then

    write_jsonl(tmp_path / "in.jsonl", 3)
    monkeypatch.setattr(BatchCsv, "commit", interrupted)
    outputs = tuple(tmp_path / f"s.{ext}" for ext in ("csv", "html", "jsonl"))
    summary = run_batch(BatchOptions((str(tmp_path / "in.jsonl"),), load_indicator_set(SMALL_SET), 1, outputs))
    assert 3 == summary.scored and all(path.exists() for path in outputs)


def test_reports_dir_gets_each_scored_projects_own_report(tmp_path: Path):
    """--reports DIR writes one report per scored project in the format asked, named by input order and source."""
    write_folder(tmp_path / "in", 3)
    (tmp_path / "in" / "坏.json").write_text("{", encoding="utf-8")
    run = _cli("batch", str(tmp_path / "in"), "--reports", str(tmp_path / "reports"), "--report-format", "markdown")
    assert 1 == run.exit_code
    names = sorted(p.name for p in (tmp_path / "reports").iterdir() if p.name != REPORTS_MARK)
    assert ["000002-P00001.md", "000003-P00002.md", "000004-P00003.md"] == names  # 坏.json is the first document
    assert (tmp_path / "reports" / names[0]).read_text(encoding="utf-8").startswith("# 第1号项目绩效评价评分表")


def test_forms_an_earlier_run_wrote_into_a_reports_folder_inside_the_input_folder_are_not_scored_again(tmp_path: Path):
    """QA34 F4: `batch 自评 --reports 自评/报告 --report-format xlsx`, then `batch 自评`: the second run read the first
    one's reports as projects (115 projects, every total and budget doubled). The reports folder's mark names the
    reports written, and a later search leaves those out; anything else there is read: projects kept in a folder given
    as --reports (QA35 F3, QA37 F3), or put into a reports folder later (QA37 F4)."""
    write_folder(tmp_path / "in", 3)
    first = _cli("batch", str(tmp_path / "in"), "-q", "--reports", str(tmp_path / "in" / "报告"), "--report-format", "xlsx")
    assert 0 == first.exit_code, first.stderr
    reports = sorted(p.name for p in (tmp_path / "in" / "报告").glob("*.xlsx"))
    assert 3 == len(reports) and set(reports) <= set((tmp_path / "in" / "报告" / REPORTS_MARK).read_text("utf-8").split("\n"))

    def scored(folder: Path) -> int:
        run = _cli("batch", str(folder), "-o", str(tmp_path / "s.csv"))
        assert 0 == run.exit_code, run.stderr
        return len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()) - 1

    assert 3 == scored(tmp_path / "in")
    project = next((tmp_path / "in").rglob("P*.json"))
    shutil.copy(project, tmp_path / "in" / "报告" / "moved.json")  # a project put into the reports folder later
    beside_the_set(tmp_path / "in" / "报告")
    assert 4 == scored(tmp_path / "in")
    write_folder(tmp_path / "other", 2)  # reports written into a folder of projects: the projects are still read
    unit = next(p.parent for p in (tmp_path / "other").rglob("*.json"))
    assert 0 == _cli("batch", str(tmp_path / "in"), "-q", "--reports", str(unit), "--report-format", "xlsx").exit_code
    assert 4 <= len(list(unit.glob("*.xlsx"))) and 2 == scored(tmp_path / "other")


def test_an_unknown_output_extension_is_a_usage_error(tmp_path: Path):
    """An --output whose extension is no batch format is exit 2, listing the formats, before anything is scored."""
    run = _cli("batch", str(tmp_path), "--output", str(tmp_path / "out.pdf"))
    assert 2 == run.exit_code and ".xlsx, .csv, .jsonl, .html" in run.stderr


def test_an_output_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path):
    """An output in a folder that does not exist is one error line and exit 1; the outputs that could be written are not."""
    write_folder(tmp_path / "in", 2)
    run = _cli("batch", str(tmp_path / "in"), "--output", str(tmp_path / "out.csv"), "--output", str(tmp_path / "no" / "out.xlsx"))
    assert 1 == run.exit_code
    assert (f"error: {tmp_path / 'no' / 'out.xlsx'}: cannot write the report: there is no folder {tmp_path / 'no'} (make the "
            "folder first, or give a file in a folder that exists)") == run.stderr.strip()
    assert ["in"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_reports_folder_that_cannot_be_made_is_one_error_line(tmp_path: Path):
    """--reports naming a path under a file is one error line naming it and exit 1, before anything is scored."""
    write_folder(tmp_path / "in", 1)
    (tmp_path / "file").write_text("", encoding="utf-8")
    run = _cli("batch", str(tmp_path / "in"), "--reports", str(tmp_path / "file" / "reports"))
    assert 1 == run.exit_code
    assert f"error: {tmp_path / 'file' / 'reports'}: cannot create the reports folder: Not a directory" == run.stderr.strip()


def test_a_run_that_fails_leaves_no_empty_reports_folder_of_its_own(tmp_path: Path):
    """--reports DIR made by a run that then fails (an output that cannot be written) is taken away while empty; a
    folder that was there before is left as it was."""
    write_folder(tmp_path / "in", 1)
    run = _cli("batch", str(tmp_path / "in"), "--reports", str(tmp_path / "r"), "--report-format", "json",
               "--output", str(tmp_path / "no" / "s.csv"))
    assert 1 == run.exit_code and "cannot write the report" in run.stderr
    assert not (tmp_path / "r").exists()
    (tmp_path / "kept").mkdir()
    _cli("batch", str(tmp_path / "missing.json"), "--reports", str(tmp_path / "kept"))
    assert (tmp_path / "kept").is_dir()
    assert 1 == _cli("batch", str(tmp_path / "missing.json"), "--reports", str(tmp_path / "r2")).exit_code
    assert not (tmp_path / "r2").exists()


def test_a_batch_output_onto_a_pipe_is_written_into_it(tmp_path: Path):
    """A summary --output onto a named pipe streams into it (a reader gets the CSV) and the pipe stays a pipe."""
    import os
    import stat
    import threading

    write_folder(tmp_path / "in", 2)
    fifo = tmp_path / "summary.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    run = _cli("batch", str(tmp_path / "in"), "--output", str(fifo), "--quiet")
    reader.join(10)
    assert 0 == run.exit_code, run.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith("\ufeff".encode())


def test_a_hostile_project_name_is_text_everywhere(tmp_path: Path):
    """A project named like markup or a formula stays text: escaped in the page, a text cell in the workbook, quoted in the CSV."""
    document = project(1, random.Random(2))
    document["project"]["name"] = '=HYPERLINK("http://x.invalid")<script>alert(1)</script>'
    _write(tmp_path / "in" / "p.json", document)
    outputs = [tmp_path / f"out.{ext}" for ext in ("html", "xlsx", "csv")]
    assert 0 == _cli("batch", str(tmp_path / "in"), *[arg for o in outputs for arg in ("--output", str(o))]).exit_code
    assert "<script>alert" not in outputs[0].read_text(encoding="utf-8")
    assert document["project"]["name"] == _sheets(outputs[1])["汇总"][1][2]
    rows = list(csv.reader(io.StringIO(outputs[2].read_text(encoding="utf-8-sig"))))
    assert "'" + document["project"]["name"] == rows[1][2]


def test_a_sheet_that_fills_up_goes_on_in_a_numbered_sheet(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Past the row limit a sheet continues in 'NAME（2）' with its header again; text with control characters is kept readable,
    each shown as its escape (\\u0007), as the single report's workbook shows it (QA176 F2)."""
    monkeypatch.setattr(_xlsx_stream, "MAX_ROWS", 3)
    book = Book("测试", str(tmp_path))
    sheet = book.sheet("明细", ["序号", "说明"], [6, 20])
    for n in range(5):
        sheet.append([n, f"第{n}行\x07=1+1"])
    with (tmp_path / "t.xlsx").open("wb") as out:
        book.save(out)
    book.close()
    sheets = _sheets(tmp_path / "t.xlsx")
    assert ["明细", "明细（2）", "明细（3）"] == list(sheets)
    assert [("序号", "说明"), (0, "第0行\\u0007=1+1"), (1, "第1行\\u0007=1+1")] == sheets["明细"]
    assert [("序号", "说明"), (4, "第4行\\u0007=1+1")] == sheets["明细（3）"]


def test_the_progress_line_shows_count_rate_and_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Given a terminal, the batch redraws a line with the count out of the total and the failures, and erases it at the end."""
    monkeypatch.setenv("TERM", "xterm-256color")
    write_folder(tmp_path / "in", 3)
    (tmp_path / "in" / "坏.json").write_text("{", encoding="utf-8")
    terminal = io.StringIO()
    run_batch(BatchOptions((str(tmp_path / "in"),), progress=terminal))
    shown = terminal.getvalue()
    assert shown.startswith("\r已处理 1/4（25%）  每秒 ")
    assert shown.endswith("\r\x1b[K")


@pytest.mark.parametrize("term", ["dumb", "", None])
def test_the_progress_line_on_a_terminal_taking_no_control_sequences_is_redrawn_with_spaces(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, term: str | None):
    """QA224 10: on a terminal that takes no control sequences (TERM=dumb or none: an editor's shell, a CI console), the
    line ended in ESC[K, shown there as ^[[K. A shorter line is written over the longer one before with spaces, as many
    columns as it left (a Chinese character takes two), and the line is blanked at the end."""
    if term is None:
        monkeypatch.delenv("TERM", raising=False)
    else:
        monkeypatch.setenv("TERM", term)
    write_folder(tmp_path / "in", 3)
    terminal = io.StringIO()
    run_batch(BatchOptions((str(tmp_path / "in"),), progress=terminal))
    shown = terminal.getvalue()
    assert "\x1b" not in shown and shown.startswith("\r已处理 1/3（33%）  每秒 "), repr(shown)
    *_, drawn, blank = shown.rstrip("\r").split("\r")
    assert "" == blank.strip() and len(blank) == sum(1 if ch.isascii() else 2 for ch in drawn), repr(shown)


def test_the_summary_and_the_progress_line_speak_the_runs_language(tmp_path: Path):
    """--lang en: the summary, the comparison and the progress line in English (the set's own words as written);
    --lang zh: in Chinese, word for word as before."""
    import shutil

    write_folder(tmp_path / "in", 3)
    shutil.copytree(tmp_path / "in", tmp_path / "re")  # the same projects, not the same folder (QA117 F1)
    args = ["batch", str(tmp_path / "in"), "--compare-with", str(tmp_path / "re"), "--quiet"]
    english, chinese = _cli("--lang", "en", *args), _cli("--lang", "zh", *args)
    assert (0, 0) == (english.exit_code, chinese.exit_code), english.output
    assert english.stdout.startswith("3 projects: 3 scored, 0 failed, ")
    assert "(example-small 1.0): 3 projects, mean " in english.stdout
    assert "compared with the re-check (复核): 3, flagged 0, mean difference 0.00" in english.stdout
    assert chinese.stdout.startswith("3个项目：已评分3，评分失败0，") and "与复核对比3个，标记0个，平均总分差0.00" in chinese.stdout
    terminal = io.StringIO()
    run_batch(BatchOptions((str(tmp_path / "in"),), progress=terminal, lang="en"))
    assert terminal.getvalue().startswith("\rdone 1/3 (33%)  ") and "已处理" not in terminal.getvalue()


def test_no_progress_line_when_stderr_is_not_a_terminal_or_with_quiet(tmp_path: Path):
    """Piped or with --quiet, stderr carries no progress line."""
    write_folder(tmp_path / "in", 2)
    for extra in ((), ("--quiet",)):
        run = _cli("batch", str(tmp_path / "in"), *extra)
        assert 0 == run.exit_code and "已评分" not in run.stderr


def test_a_set_with_explain_when_decides_who_must_explain(tmp_path: Path):
    """A set's own explain_when replaces the default rule on the 需说明 sheet."""
    own = tmp_path / "set.yaml"
    own.write_text(SMALL_SET.read_text(encoding="utf-8") + "\nexplain_when:\n  - {when: total < 60, message: 总分低于60分}\n",
                   encoding="utf-8")
    write_folder(tmp_path / "in", 40)
    out = tmp_path / "out.xlsx"
    assert 0 == _cli("batch", str(tmp_path / "in"), "--set", str(own), "--output", str(out)).exit_code
    sheets = _sheets(out)
    header, *rows = sheets["汇总"]
    low = {row[1] for row in rows if Decimal(str(row[header.index("总分")])) < 60}
    assert low and low == {row[1] for row in sheets["需说明"][1:]}
    assert all(row[-1].startswith("总分低于60分（总分 ") for row in sheets["需说明"][1:])  # its value by its label


def test_a_set_that_writes_explain_when_empty_lists_nobody_to_explain(tmp_path: Path):
    """QA116 F4: a province whose rules require no 需说明 writes `explain_when: []`; batch (and so `test`) applied the
    default rule to it anyway, while `score` showed no flag. Written empty, it is the set's own: nobody is listed."""
    own = tmp_path / "set.yaml"
    own.write_text(SMALL_SET.read_text(encoding="utf-8") + "\nexplain_when: []\n", encoding="utf-8")
    write_folder(tmp_path / "in", 40)
    out, usual = tmp_path / "out.xlsx", tmp_path / "usual.xlsx"
    assert 0 == _cli("batch", str(tmp_path / "in"), "--set", str(own), "--output", str(out)).exit_code
    assert 0 == _cli("batch", str(tmp_path / "in"), "--set", str(SMALL_SET), "--output", str(usual)).exit_code
    assert len(_sheets(usual)["需说明"]) > 1  # the same projects, without explain_when: some by the usual rule
    assert [] == _sheets(out)["需说明"][1:]


# Ctrl-C and SIGTERM do what they do for a command typed at a terminal, even when the tests run in the background
# (where the shell has Ctrl-C ignored, and a child inherits that).
_TERMINAL = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\nsignal.signal(signal.SIGTERM, signal.SIG_DFL)\n"


def _as_from_a_terminal(*args: str) -> list[str]:
    """The command line `scoring-engine ARGS`, run as from a terminal."""
    import sys

    run = f"import runpy, sys\nsys.argv = {['scoring-engine', *args]!r}\nrunpy.run_module('scoring_engine', run_name='__main__')\n"
    return [sys.executable, "-c", _TERMINAL + run]


@pytest.mark.skipif(os.name != "posix", reason="signals")
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "SIGINT twice"])
def test_ctrl_c_or_sigterm_stops_cleanly_and_writes_nothing(tmp_path: Path, stop: str):
    """Ctrl-C (SIGINT to the process group) or SIGTERM to it (a service manager stopping the job) with two workers: the
    workers finish their chunk and leave the stopping to the batch (a worker killed as it sent a result back would leave
    it waiting for ever), which writes nothing, leaves no temporary file and no worker running, prints no traceback, and
    exits 130 with a message (Ctrl-C) or ends as SIGTERM ends a process. Ctrl-C pressed again while the workers finish
    changes nothing (it once left them waiting, and the batch hung as it exited)."""
    import signal
    import subprocess
    import time

    write_jsonl(tmp_path / "many.jsonl", 20000)
    out = tmp_path / "out"
    out.mkdir()
    command = _as_from_a_terminal("batch", str(tmp_path / "many.jsonl"), "--jobs", "2", "--output", str(out / "s.xlsx"),
                                  "--output", str(out / "s.jsonl"))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(out.iterdir()) and time.monotonic() < deadline:  # the outputs' temporary files: scoring has begun
        time.sleep(0.05)
    time.sleep(0.5)
    assert process.poll() is None, "the batch ended before it could be stopped"
    os.killpg(process.pid, getattr(signal, stop.split(maxsplit=1)[0]))
    if stop == "SIGINT twice":
        time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    said = err.decode("utf-8")
    if stop == "SIGINT twice":  # the second may find Python already exiting: then it ends the process, as Ctrl-C does
        assert process.returncode in (130, -signal.SIGINT), said
    elif stop == "SIGINT":
        assert 130 == process.returncode and "interrupted: no summary file was written" in said, said
    else:
        assert -signal.SIGTERM == process.returncode, said
    assert "Traceback" not in said and [] == list(out.iterdir())
    with pytest.raises(ProcessLookupError):  # no worker outlives the batch
        os.killpg(process.pid, 0)


@pytest.mark.skipif(os.name != "posix", reason="signals, fork")
def test_ctrl_c_as_the_workers_start_still_stops_the_batch(tmp_path: Path):
    """Ctrl-C that comes just as a worker process is forked (where Python's own fork handlers would swallow it, and the
    batch would write its outputs anyway, or hang as it exits) stops the batch: exit 130, nothing written."""
    import subprocess
    import sys

    write_jsonl(tmp_path / "many.jsonl", 300)
    script = (
        "import os, signal, sys\n"
        "sent = []\n"
        "def interrupt():\n"
        "    if not sent:\n"
        "        sent.append(1)\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "os.register_at_fork(after_in_parent=interrupt)\n"
        "from scoring_engine.cli import main\n"
        f"sys.argv = ['scoring-engine', 'batch', {str(tmp_path / 'many.jsonl')!r}, '--jobs', '2', '-o', {str(tmp_path / 'o.csv')!r}]\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", _TERMINAL + script], check=False, capture_output=True, timeout=120, cwd=ROOT)
    err = run.stderr.decode("utf-8")
    assert 130 == run.returncode, err
    assert "interrupted: no summary file was written" in err and "Exception ignored" not in err and "Traceback" not in err
    assert ["many.jsonl", "set.yaml"] == sorted(p.name for p in tmp_path.iterdir())  # no output, no temporary file


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc (Linux)")
def test_a_worker_killed_outright_stops_the_batch_with_one_line_instead_of_hanging(tmp_path: Path):
    """A worker process killed outright (SIGKILL: the out-of-memory killer) with two workers: the batch ends with one
    Chinese line saying a worker ended unexpectedly and to try fewer jobs, exit 1, no traceback, no temporary file,
    the summary already there untouched and no worker left running. It used to hang for ever, deaf to Ctrl-C and
    SIGTERM: Python's pool ended the other worker with SIGTERM, which workers ignore, and waited for it (QA163 F1).
    The timeout only guards against that hang."""
    import signal
    import subprocess
    import time

    write_jsonl(tmp_path / "many.jsonl", 20000)
    out = tmp_path / "out"
    out.mkdir()
    (out / "s.csv").write_text("last year's\n", encoding="utf-8")
    command = _as_from_a_terminal("--lang", "zh", "batch", str(tmp_path / "many.jsonl"), "--jobs", "2", "-q",
                                  "--output", str(out / "s.csv"), "--output", str(out / "s.xlsx"))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    workers: list[str] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:  # both workers started
        time.sleep(0.05)
        workers = children.read_text().split() if children.exists() else []
    time.sleep(0.5)  # a chunk or two under way
    assert process.poll() is None and len(workers) == 2, "the batch ended before a worker could be killed"
    os.kill(int(workers[0]), signal.SIGKILL)
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the batch hung once a worker was killed")
    said = err.decode("utf-8")
    assert 1 == process.returncode, said
    assert "错误：有一个工作进程意外结束（被强行终止，可能是内存不足）：批量评分已停止（请减少 --jobs 的进程数" in said, said
    assert "Traceback" not in said and 1 == len(said.splitlines()), said
    assert ["s.csv"] == [p.name for p in out.iterdir()] and "last year's\n" == (out / "s.csv").read_text(encoding="utf-8")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # no worker outlives the batch (one ends within a second of seeing it gone)
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("a worker outlived the batch")


# A batch of two workers (ignoring SIGTERM, as the command line's do) whose results are RESULT; one is killed outright
# as WHEN says, and the batch's error is printed.
_KILL_A_WORKER = """
import os, signal, sys, time, multiprocessing
from scoring_engine.batch.pool import ordered_map
from scoring_engine.errors import ScoringEngineError

class Worker:
    def __call__(self, part):
        return [RESULT] + [None] * (len(part) - 1)

def waiting_on(worker):
    try:
        with open(f"/proc/{worker.pid}/wchan") as wchan:
            return wchan.read()
    except OSError:
        return ""

signal.signal(signal.SIGTERM, lambda *_: None)
results = ordered_map(Worker, range(10 * 32), jobs=2)
next(results)
WHEN
try:
    list(results)
except ScoringEngineError as err:
    print(err)
"""
_WHILE_NONE_SCORES = """
time.sleep(1)  # every chunk handed out is done: the workers wait for the next
workers = multiprocessing.active_children()
reading = [w for w in workers if "pipe" in waiting_on(w)] or workers  # the one holding the queue's lock
os.kill(reading[0].pid, signal.SIGKILL)
time.sleep(1)  # the pool sees it broken before the batch hands out more
"""
_WHILE_SENDING = """
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    sending = [w for w in multiprocessing.active_children() if "pipe_write" in waiting_on(w)]
    if sending:
        os.kill(sending[0].pid, signal.SIGKILL)  # in the middle of sending a result: the pipe is full, more is to come
        break
    time.sleep(0.001)
else:
    print("not caught sending")
    sys.exit()
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc (Linux)")
@pytest.mark.parametrize("when, result", [(_WHILE_NONE_SCORES, "item * 2"), (_WHILE_SENDING, 'b"x" * 16_000_000')],
                         ids=["while-none-scores", "while-sending-a-result"])
def test_a_worker_killed_while_none_scores_or_while_it_sends_stops_the_batch_instead_of_hanging(when: str, result: str):
    """A worker killed outright (the out-of-memory killer) stops the batch with the one line saying so, whenever it is
    killed. Two moments used to hang it for ever (CI once with the first):
    - both workers waiting for their next chunk, the batch busy writing what it has: no chunk was under way to fail,
      so nothing killed the other worker, which Python's pool ended with SIGTERM (ignored) and waited for, while it
      waited for the lock of the queue the killed one held;
    - in the middle of sending its chunk's results (16 MB, many times what a pipe holds): the pool's own thread waited
      for the rest of the result, seeing nothing else, and the batch for it, when shut down too.
    The timeout only guards the hang."""
    import subprocess
    import sys

    script = _KILL_A_WORKER.replace("RESULT", result.replace("item", "part[0]")).replace("WHEN", when)
    try:
        done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=60,
                              cwd=ROOT, start_new_session=True)
    except subprocess.TimeoutExpired:
        pytest.fail("the batch hung once a worker was killed")
    if done.stdout.startswith("not caught sending"):
        pytest.skip("no worker was seen sending (/proc/PID/wchan says nothing here)")
    assert done.stdout.startswith("a worker process ended unexpectedly"), done.stdout + done.stderr


def test_an_interrupt_while_work_is_handed_out_comes_just_after():
    """The guard around starting and stopping workers (and discarding outputs) holds Ctrl-C and raises it once, right
    after, with the usual handler; told not to deliver it (the run is stopping already), it drops it."""
    import signal

    from scoring_engine._output import stops_deferred

    outside = signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal, even when the tests are not
    try:
        reached = []
        with pytest.raises(KeyboardInterrupt), stops_deferred():
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            reached.append("the end of the block")
        assert ["the end of the block"] == reached and signal.default_int_handler is signal.getsignal(signal.SIGINT)
        with stops_deferred():  # nothing held: nothing raised
            pass
        with stops_deferred(deliver=False):
            signal.raise_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, outside)


@pytest.mark.parametrize("jobs, spawned", [("1", False), ("2", False), ("2", True)])
def test_batch_reads_gbk_facts_files_with_encoding_in_every_worker(tmp_path: Path, jobs: str, spawned: bool) -> None:
    """A folder of facts files saved as GBK by an old Notepad scores with --encoding gb18030, in one process or in workers
    (forked, or spawned as on Windows and macOS, where nothing of the parent's state is inherited); without it each file is
    a problem naming the encoding."""
    if spawned:  # a second thread makes the pool spawn its workers rather than fork them
        stop = threading.Event()
        waiting = threading.Thread(target=stop.wait, daemon=True)
        waiting.start()
        request_stop = stop.set
    else:
        request_stop = None
    beside_the_set(tmp_path)
    for i in range(3):
        document = project(i + 1, random.Random(i))
        (tmp_path / f"p{i}.facts.json").write_bytes(json.dumps(document, ensure_ascii=False).encode("gb18030"))
    out = CliRunner().invoke(main, ["batch", str(tmp_path), "--jobs", jobs, "--encoding", "gb18030", "-q",
                                    "--output", str(tmp_path / "s.csv")])
    assert 0 == out.exit_code, out.output
    assert 4 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines())  # the header and three projects
    refused = CliRunner().invoke(main, ["batch", str(tmp_path), "--jobs", jobs, "-q"])
    if request_stop is not None:
        request_stop()
    assert 1 == refused.exit_code
    assert "gb18030" in refused.output.lower() or "GBK" in refused.output


def test_rows_kept_on_disk_come_back_in_order_whatever_was_read_between(tmp_path: Path):
    """A batch keeps each project's row in a file as it comes and finds one by its offset (a re-check's row) between
    two additions: every row reads back as it was added, in order, and each offset gives its own row."""
    from scoring_engine.batch.kept import Rows

    rows = [o.row for o in score_many(SMALL_SET, [project(i, random.Random(i)) for i in range(1, 7)])]
    with Rows() as kept:
        offsets = [kept.add(rows[0]), kept.add(rows[1])]
        assert kept.at(offsets[0]) == rows[0]
        offsets += [kept.add(row) for row in rows[2:5]]
        assert kept.at(offsets[3]) == rows[3]
        assert kept.at(offsets[1]) == rows[1]
        offsets.append(kept.add(rows[5]))
        assert list(kept.rows()) == rows
        assert [kept.at(offset) for offset in offsets] == rows


def test_a_unit_file_meant_as_facts_but_misspelt_or_left_empty_is_a_failed_project_not_passed_over(tmp_path: Path) -> None:
    """A .yaml with fact: or 事实: for facts:, an empty one and one holding only a comment were left out of a folder search
    without a word (a unit that sent them had not filed); the same slips in .json were reported. Each is now a 问题 row
    (事实 with its did-you-mean); an indicator set or a case file in the folder is still passed over."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    facts = json.dumps(document["facts"], ensure_ascii=False)
    (tmp_path / "ok.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(f"indicator_set: self-evaluation\nfact: {facts}\n", encoding="utf-8")
    (tmp_path / "cn.yaml").write_text(f"indicator_set: self-evaluation\n事实: {facts}\n", encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "comment.yaml").write_text("# 待填写\n", encoding="utf-8")
    (tmp_path / "set.yaml").write_bytes((ROOT / "indicator_sets" / "self-evaluation.yaml").read_bytes())
    (tmp_path / "notes.yaml").write_text("author: 张三\n", encoding="utf-8")  # no facts file, and not meant as one
    found = {Path(d.source).name for d in find_documents([tmp_path])}
    assert {"ok.json", "typo.yaml", "cn.yaml", "empty.yaml", "comment.yaml"} == found
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path), "-q"])
    assert 1 == run.exit_code and "5个项目：已评分1，评分失败4" in run.output, run.output
    assert f"错误：{tmp_path / 'cn.yaml'}: $.事实：未知的键 '事实'（是否想写 facts？）" in run.output


def test_two_sets_of_one_id_and_version_are_summarised_apart(tmp_path: Path) -> None:
    """A county's edited copy keeps the bundled set's id and version: the two were summarised as one set, and the grade
    distribution listed only the first set's labels, losing the other's projects (4 projects, grades adding up to 2).
    Each is summarised on its own, named by the start of its sha256."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    (tmp_path / "county").mkdir()
    (tmp_path / "county" / "set.yaml").write_text(text.replace("{label: 优秀, min: 90,", "{label: 优秀, min: 95,"), encoding="utf-8")
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    for folder, named in (("county", "set.yaml"), ("city", "self-evaluation")):
        (tmp_path / folder).mkdir(exist_ok=True)
        for i in range(2):
            (tmp_path / folder / f"p{i}.json").write_text(json.dumps({**document, "indicator_set": named}, ensure_ascii=False),
                                                          encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path), "-q", "-o", str(tmp_path / "s.csv")])
    assert 0 == run.exit_code, run.output
    blocks = [line for line in run.output.splitlines() if "（self-evaluation 1.0，sha256 " in line]
    assert 2 == len(blocks) and all("2个项目" in line for line in blocks), run.output
    # every project in its own set's distribution (with the budget of its grade's projects, 涉及资金)
    assert all("优秀2（预算" in line and "），良好0，中等0，差0" in line for line in blocks)
    # QA70 F2: and 汇总 names each row's set as 统计 does, so that the sheet can be filtered to match it
    rows = list(csv.DictReader((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()))
    labels = {Path(r["来源"]).parent.name: r["指标体系"] for r in rows}
    assert {"county", "city"} == set(labels) and labels["county"] != labels["city"]
    assert all(label.startswith("self-evaluation 1.0，sha256 ") and label[-9:] in run.output for label in labels.values())


def test_a_pretty_printed_json_saved_as_jsonl_is_one_problem_and_an_empty_jsonl_is_not_passed_over(tmp_path: Path) -> None:
    """A facts document written over 77 lines and saved as .jsonl was 77 failed 'projects' (输入文档 and 评分失败 inflated);
    an empty .jsonl was left out without a word. Each is one 问题 row saying what it is."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    (tmp_path / "pretty.jsonl").write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    (tmp_path / "ok.jsonl").write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    assert 3 == count_documents([tmp_path])
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path), "-q"])
    assert 1 == run.exit_code and "3个项目：已评分1，评分失败2" in run.output, run.output
    assert f"错误：{tmp_path / 'pretty.jsonl'}:1: 这个 JSONL 文件里是一份分成多行书写的 JSON 文档（第 1 行只有 {{）" in run.output
    assert f"错误：{tmp_path / 'empty.jsonl'}: 文件是空的" in run.output


def test_facts_scored_with_another_set_by_set_say_so_first(tmp_path: Path) -> None:
    """score --set / batch --set with a facts file naming another set gave 20 lines of missing facts and never said the
    file names self-evaluation: the first line now says so (a set named by the facts' own path is no other set)."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    said = (f"错误：{facts}: 事实文件写明的指标体系是 self-evaluation，这里按 national-framework（--set）评分"
            "（去掉 --set，按它写明的指标体系评分）")
    for command in (["score", str(facts)], ["batch", str(facts), "-q"]):
        run = CliRunner().invoke(main, ["--lang", "zh", *command, "--set", "national-framework"])
        assert 1 == run.exit_code and said == next(line for line in run.output.splitlines() if line.startswith("错误")), run.output
    same = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts), "--set", str(ROOT / "indicator_sets" / "national-framework.yaml")])
    assert "事实文件写明的指标体系是" in same.output
    own = CliRunner().invoke(main, ["score", str(ROOT / "examples" / "small" / "facts.json"), "--set", str(SMALL_SET)])
    assert 0 == own.exit_code and "names the set" not in own.output


def test_facts_naming_the_set_given_by_set_under_another_name_say_nothing_of_it(tmp_path: Path) -> None:
    """QA338 M4: facts naming a profile file (prov.yaml), scored with --set its resolve output (same id and version), or
    naming a copy of the bundled set given by id, put first "事实文件写明的指标体系是 prov.yaml，这里按 prov（--set）评分
    （去掉 --set…）", which contradicts itself, and whose fix changes nothing. Nothing is said; where the sets differ
    and the facts fail under the set they name too, the line does not tell them to leave out --set to score them."""
    (tmp_path / "prov.yaml").write_text("extends: national-framework\nid: prov\nname: 某省\nversion: \"1\"\n"
                                        "change:\n  decision: {weight: 10, rescale: siblings}\n", encoding="utf-8")
    resolved = CliRunner().invoke(main, ["resolve", str(tmp_path / "prov.yaml"), "-o", str(tmp_path / "prov-full.yaml")])
    assert 0 == resolved.exit_code, resolved.output
    shutil.copy(ROOT / "indicator_sets" / "national-framework.yaml", tmp_path / "nf.yaml")
    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    del document["facts"]["budget"]["paid"]
    for named, given in (("prov.yaml", tmp_path / "prov-full.yaml"), ("nf.yaml", "national-framework")):
        (tmp_path / "p.json").write_text(json.dumps({**document, "indicator_set": named}, ensure_ascii=False), encoding="utf-8")
        for command in (["score", str(tmp_path / "p.json")], ["batch", str(tmp_path / "p.json"), "-q"]):
            run = CliRunner().invoke(main, ["--lang", "zh", *command, "--set", str(given)])
            assert 1 == run.exit_code and "budget.paid" in run.output, run.output
            assert "事实文件写明的指标体系" not in run.output, run.output
    (tmp_path / "p.json").write_text(json.dumps({**document, "indicator_set": "self-evaluation"}, ensure_ascii=False),
                                     encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(tmp_path / "p.json"), "--set", "national-framework"])
    assert ("事实文件写明的指标体系是 self-evaluation，这里按 national-framework（--set）评分（按它写明的指标体系评分同样不通过："
            "去掉 --set 可看到在该体系下的问题）") in run.output, run.output


def test_under_compare_set_a_failed_project_is_not_told_to_drop_a_set_option_never_given(tmp_path: Path) -> None:
    """batch --compare-set (no --set) put "这里按 X（--set）评分（去掉 --set，按它写明的指标体系评分）" first in each failed
    project's problems under the compared set: no --set was given, and dropping --compare-set would defeat the run. Under
    the compared set the problems are its own, labelled with that set; --set still says so first. (A project scored here
    that the compared set cannot score: one that fails here is not scored again, QA31 F6.)"""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.json"), "-q", "--compare-set", "national-framework"])
    assert 1 == run.exit_code and "（national-framework " in run.output, run.output
    assert "--set" not in run.output and "事实文件写明的指标体系" not in run.output, run.output


def test_each_projects_report_is_in_its_sets_own_layout(tmp_path: Path) -> None:
    """batch --reports wrote the 评分表 for every project, where score writes a self-evaluation set's project its 自评表:
    the two reports of one project differed, and the bureau could not give a unit its form back."""
    from openpyxl import load_workbook

    inputs = [str(ROOT / "indicator_sets" / f"{name}.facts.json") for name in ("self-evaluation", "national-framework")]
    run = CliRunner().invoke(main, ["batch", *inputs, "-q", "--reports", str(tmp_path / "rx"), "--report-format", "xlsx"])
    assert 0 == run.exit_code, run.output
    reports = sorted((tmp_path / "rx").glob("*.xlsx"))
    assert ["项目支出绩效自评表", "评分表"] == [load_workbook(path).sheetnames[0] for path in reports]
    alone = CliRunner().invoke(main, ["score", inputs[0], "--format", "xlsx", "-o", str(tmp_path / "one.xlsx")])
    assert 0 == alone.exit_code and (tmp_path / "one.xlsx").read_bytes() == reports[0].read_bytes()


def test_the_page_of_a_batch_of_self_evaluations_is_titled_as_one(tmp_path: Path):
    """A 主管部门's batch of 单位自评 was titled 项目支出绩效评价汇总; when every set is a self-evaluation set (its name says
    自评) the page is 项目支出绩效自评汇总, and any other batch keeps the general title."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.json").write_text(facts.read_text(encoding="utf-8"), encoding="utf-8")
    run = _cli("batch", str(tmp_path / "in"), "-q", "-o", str(tmp_path / "a.html"))
    assert 0 == run.exit_code, run.output
    assert "<h1>项目支出绩效自评汇总</h1>" in (tmp_path / "a.html").read_text(encoding="utf-8")
    write_jsonl(tmp_path / "other.jsonl", 2)
    run = _cli("batch", str(tmp_path / "other.jsonl"), "-q", "-o", str(tmp_path / "b.html"))
    assert 0 == run.exit_code, run.output
    assert "<h1>项目支出绩效评价汇总</h1>" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_lone_surrogate_in_a_facts_key_fails_its_project_in_every_output_not_the_batch(tmp_path: Path):
    """QA28 F3: {"b\\ud800": 1} in a facts document stopped the whole batch with exit 3 when writing .jsonl or .html (the
    problem quoting the key could not be encoded). The project is one 问题 row; the JSONL holds the JSON escape."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"indicator_set": "self-evaluation", "facts": {"b\\ud800": 1}}\n', encoding="utf-8")
    outputs = [tmp_path / f"out.{ext}" for ext in ("jsonl", "html", "csv", "xlsx")]
    run = _cli("batch", str(source), *(a for o in outputs for a in ("--output", str(o))), "--quiet")
    assert 1 == run.exit_code, run.output
    (line,) = outputs[0].read_text(encoding="utf-8").splitlines()
    assert "b\\ud800" in line and "$.facts.b\ud800" == json.loads(line)["problems"][0]["path"]
    assert "$.facts.b\\ud800" in outputs[1].read_text(encoding="utf-8")


def test_an_output_that_fails_as_it_is_finished_leaves_every_earlier_output_as_it_was(tmp_path: Path, monkeypatch):
    """QA28 F4: with the disk full as the last output's final bytes were written, the outputs listed before it had already
    replaced their old files (this run's .xlsx, .csv and .html beside last run's .jsonl). Every output is written whole
    and synced before any is put in place."""
    from scoring_engine.errors import Problem, ScoringEngineError
    from scoring_engine.reports.batch_jsonl import BatchJsonl

    def full(self: BatchJsonl) -> None:
        self.output.discard()
        raise ScoringEngineError(Problem("cannot write the report: No space left on device", file=str(self.output.shown)))

    monkeypatch.setattr(BatchJsonl, "prepare", full)
    _fails_leaving_outputs_as_they_were(tmp_path, ("xlsx", "csv", "html", "jsonl"), "No space left on device")


def _fails_leaving_outputs_as_they_were(tmp_path: Path, extensions: tuple[str, ...], said: str) -> None:
    """A batch of three projects into outputs that already hold OLD fails with `said`, exit 1, and leaves each output
    as it was and no temporary file beside them."""
    write_folder(tmp_path / "in", 3)
    outputs = [tmp_path / "out" / f"s.{ext}" for ext in extensions]
    outputs[0].parent.mkdir()
    for output in outputs:
        output.write_text("OLD", encoding="utf-8")
    run = _cli("batch", str(tmp_path / "in"), *(a for o in outputs for a in ("--output", str(o))), "--quiet")
    assert 1 == run.exit_code and said in run.output, run.output
    assert ["OLD"] * len(outputs) == [o.read_text(encoding="utf-8") for o in outputs]
    assert sorted(p.name for p in outputs[0].parent.iterdir()) == sorted(o.name for o in outputs)


def test_a_full_disk_under_a_workbooks_sheets_is_an_error_line_and_leaves_no_temporary_file(tmp_path: Path, monkeypatch):
    """QA29 F3: the .xlsx output's temporary sheet files filling the disk crashed the batch (exit 3) and left every
    output's temporary file behind (closing a sheet's file raised the same error again while it was discarded)."""
    import errno

    from scoring_engine.reports import _xlsx_stream

    def full(self: Any, parts: list[str]) -> None:
        if parts:
            raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(_xlsx_stream.Sheet, "_flush", full)
    _fails_leaving_outputs_as_they_were(tmp_path, ("csv", "xlsx", "html"),
                                        "cannot write the outputs' temporary files: File too large")


def test_a_read_only_output_file_is_not_replaced(tmp_path: Path):
    """QA34 F5: last year's summary made read-only (chmod 444) was replaced by `batch -o` and `score -o` without a word.
    It is refused, one line saying so and how to go on, exit 1, the file as it was; the other outputs are not written."""
    import os
    import stat

    write_folder(tmp_path / "in", 1)
    kept = tmp_path / "2023.csv"
    kept.write_text("last year", encoding="utf-8")
    kept.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        for command in (["batch", str(tmp_path / "in"), "-o", str(tmp_path / "new.html"), "-o", str(kept)],
                        ["score", str(next((tmp_path / "in").rglob("*.json"))), "-o", str(kept)]):
            run = _cli(*command)
            assert 1 == run.exit_code
            assert f"error: {kept}: cannot write the report: the file is read-only (make it writable first" in run.stderr
            assert "last year" == kept.read_text(encoding="utf-8") and not (tmp_path / "new.html").exists()
    finally:
        os.chmod(kept, 0o644)


def test_facts_naming_an_edited_copy_of_the_set_given_by_set_are_told_so(tmp_path: Path) -> None:
    """QA341 3: a copy made with `sets ID --copy` to adapt keeps the id and version; edited (other group weights), it is
    another set: facts written for it and scored with --set the bundled set are told so first, with the fix that
    scores them (leave out --set), not only the weights the bundled set refuses."""
    shutil.copy(ROOT / "indicator_sets" / "self-evaluation.yaml", tmp_path / "self-evaluation.yaml")
    text = (tmp_path / "self-evaluation.yaml").read_text(encoding="utf-8")
    (tmp_path / "self-evaluation.yaml").write_text(text.replace("weight: 50", "weight: 40", 1).replace(
        "weight: 30", "weight: 40", 1), encoding="utf-8")
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][0]["weight"] = 10
    document["facts"]["targets"]["benefit"][0]["weight"] = 25
    document["indicator_set"] = "self-evaluation.yaml"
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert 0 == CliRunner().invoke(main, ["score", str(tmp_path / "p.json")]).exit_code
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(tmp_path / "p.json"), "--set", "self-evaluation"])
    assert 1 == run.exit_code
    assert "事实文件写明的指标体系是 self-evaluation.yaml，这里按 self-evaluation（--set）评分（去掉 --set，按它写明的指标体系评分）" \
        in run.output, run.output


def test_a_reports_folder_skips_files_named_as_reports_whatever_its_mark_lists_and_never_writes_through_a_link(tmp_path: Path):
    """QA39 F1, F2, F6: a run stopped before listing what its workers had written, or a mark that lists nothing (an earlier
    version's), left reports to be read as projects: a marked folder's files named as reports (000001-…) are left out
    whatever the mark lists, the rest read; a mark that is a link to another file is not written through."""
    write_folder(tmp_path / "in", 2)
    reports = tmp_path / "in" / "报告"
    reports.mkdir()
    (reports / REPORTS_MARK).write_text("batch --reports 写出的报告\n", encoding="utf-8")  # lists no report
    first = next((tmp_path / "in").rglob("P*.json"))
    shutil.copy(first, reports / "000007-P00001.json")  # named as a report: left out
    beside_the_set(reports)
    assert 0 == _cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "s.csv")).exit_code
    assert 3 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines())
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours", encoding="utf-8")
    (reports / REPORTS_MARK).unlink()
    (reports / REPORTS_MARK).symlink_to(target)
    assert 0 == _cli("batch", str(first), "-q", "--reports", str(reports)).exit_code
    assert "not ours" == target.read_text(encoding="utf-8")


def test_a_reports_run_stopped_at_any_time_leaves_its_reports_listed_and_a_project_named_like_one_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """QA42 F2: a `--reports` run stopped before the main process had any row back left reports and no mark, and the next
    batch scored them as projects (1628 for 1500). Each report is listed before it is written. QA42 F1: in a folder
    marked so, a project named as reports are (510104-锦江区.json, a 区划代码) is read, not skipped unsaid."""
    from scoring_engine.batch import task

    write_folder(tmp_path / "in", 3)
    reports = tmp_path / "in" / "报告"
    written = task.write_atomically

    def stopped(target: Path, content: Any) -> None:
        written(target, content)
        raise KeyboardInterrupt  # Ctrl-C as the worker's first report is written, before its row is back

    monkeypatch.setattr(task, "write_atomically", stopped)
    with pytest.raises(KeyboardInterrupt):
        run_batch(BatchOptions((str(tmp_path / "in"),), load_indicator_set(SMALL_SET), 1, (), reports=reports,
                               report_format="xlsx"))
    monkeypatch.undo()
    [report] = [p.name for p in reports.glob("*.xlsx")]
    assert report in (reports / REPORTS_MARK).read_text(encoding="utf-8").splitlines()
    shutil.copy(next((tmp_path / "in").rglob("P*.json")), reports / "510104-锦江区.json")
    beside_the_set(reports)
    assert 0 == _cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "s.csv")).exit_code
    assert 4 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()) - 1


def test_a_reports_folder_given_itself_leaves_out_its_reports_and_says_so_when_it_holds_nothing_else(tmp_path: Path):
    """QA39 F4: `batch 自评/报告` (the reports folder given itself) read the tool's own 自评表 reports as projects, though
    a search of the folder above leaves them out. They are left out either way; a project kept there is read; a folder of
    reports only is one error saying what it holds, and a report given by name is read."""
    write_folder(tmp_path / "in", 2)
    reports = tmp_path / "报告"
    assert 0 == _cli("batch", str(tmp_path / "in"), "-q", "--reports", str(reports), "--report-format", "xlsx").exit_code
    run = _cli("--lang", "zh", "batch", str(reports), "-q")
    assert 1 == run.exit_code and "这个文件夹只有此前 batch --reports 写出的报告，它们不是项目" in run.output, run.output
    report = next(reports.glob("*.xlsx"))  # given by name, it is read (a 评分表 report, said to be one)
    assert "1 project: 0 scored, 1 failed" in _cli("batch", str(report), "-q").output
    shutil.copy(next((tmp_path / "in").rglob("P*.json")), reports / "kept.json")
    beside_the_set(reports)
    assert 0 == _cli("batch", str(reports), "-o", str(tmp_path / "s.csv")).exit_code
    assert 1 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()) - 1


def test_a_new_reports_run_into_a_folder_an_earlier_version_marked_keeps_its_old_reports_left_out(tmp_path: Path):
    """QA43 F1: an earlier version's mark covered its reports by their names (000002-c.xlsx); a new --reports run into
    the folder wrote a mark listing only its own reports, and the old ones it did not rewrite became projects (6 for 4).
    Taking over such a mark, the run lists the report-named files already there."""
    write_folder(tmp_path / "in", 2)
    reports = tmp_path / "in" / "报告"
    reports.mkdir()
    (reports / REPORTS_MARK).write_text("", encoding="utf-8")  # lists none: empty, as a stopped write of one left it (QA45 F1)
    shutil.copy(next((tmp_path / "in").rglob("P*.json")), reports / "000009-old.json")  # an old run's report, by its name
    beside_the_set(reports)
    assert 0 == _cli("batch", str(tmp_path / "in"), "-q", "--reports", str(reports)).exit_code
    assert "000009-old.json" in (reports / REPORTS_MARK).read_text(encoding="utf-8").splitlines()
    assert 0 == _cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "s.csv")).exit_code
    assert 2 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()) - 1


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


_SPAWNED = """\
import sys, threading
threading.Thread(target=threading.Event().wait, daemon=True).start()  # a second thread: the pool spawns its workers
sys.argv = ["scoring-engine", *sys.argv[1:]]
from scoring_engine._entry import main
main()
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the processes from /proc (Linux)")
@pytest.mark.parametrize("spawned", [False, True])
def test_workers_end_when_their_batch_is_killed_outright(tmp_path: Path, spawned: bool) -> None:
    """QA90 F2: a batch killed with SIGKILL (kill -9, the OOM killer) left its --jobs workers waiting for ever on a pipe
    no one reads, about 40 MB each. Each worker sees its parent gone and ends within seconds; a spawned one too, killed
    while it starts (QA92 F1: it took the parent it found once started, already init, for its own)."""
    import contextlib
    import signal
    import subprocess
    import sys
    import time

    write_jsonl(tmp_path / "many.jsonl", 3000)
    start = [sys.executable, "-c", _SPAWNED] if spawned else [sys.executable, "-m", "scoring_engine"]
    batch = subprocess.Popen([*start, "batch", str(tmp_path / "many.jsonl"), "--jobs", "2", "--quiet", "-o",
                              str(tmp_path / "o.csv")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = 3 if spawned else 2  # spawning starts multiprocessing's resource tracker too
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(batch.pid)) < started and batch.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert started == len(workers), "the batch started its two workers"
        batch.send_signal(signal.SIGKILL)  # a spawned worker is still starting: it has not run a line of ours yet
        batch.wait()
        deadline = time.monotonic() + 30
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)], "every worker ended"
    finally:
        batch.kill()
        for worker in _children(batch.pid) | locals().get("workers", set()):  # none left behind, should the test fail
            with contextlib.suppress(OSError):
                os.kill(worker, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Whether process `pid` is there and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False

