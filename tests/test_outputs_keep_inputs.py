"""An output never replaces a file the command read: `score facts.json -o facts.json` would lose the facts, `import
form.xlsx -o form.xlsx` the filled form. Each is refused with one line and exit 1, and the input stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

REFUSED = "cannot write the report: it is a file this command read"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "small", tmp_path / "small")
    return tmp_path / "small"


@pytest.mark.parametrize(("args", "code"), [
    (["score", "{d}/facts.json", "--format", "json", "-o", "{d}/facts.json"], 1),
    (["score", "{d}/facts.json", "--format", "table", "-o", "{d}/set.yaml"], 1),  # the set the facts name
    (["score", "{d}/facts.json", "-o", "{d}/link.json"], 1),  # a link to the facts
    (["resolve", "{d}/set.yaml", "-o", "{d}/set.yaml"], 1),
    (["template", "{d}/set.yaml", "--format", "yaml", "-o", "{d}/set.yaml"], 1),
    (["diff", "{d}/set.yaml", "{d}/set.yaml", "--facts", "{d}/facts.json", "--format", "markdown", "-o", "{d}/facts.json"], 1),
    (["diff", "{d}/set.yaml", "{d}/set.yaml", "--facts", "{d}/facts.json", "-o", "{d}/facts.json"], 2),  # no diff is .json
], ids=["score facts", "score set", "score link", "resolve", "template", "diff facts", "diff facts by its name"])
def test_an_output_naming_a_file_the_command_read_is_refused_and_the_file_kept(small: Path, args: list[str], code: int):
    (small / "link.json").symlink_to("facts.json")
    before = {p.name: p.read_bytes() for p in small.iterdir()}
    run = CliRunner().invoke(main, ["--lang", "en", *(a.format(d=small) for a in args)])
    assert code == run.exit_code and (REFUSED in run.output or code == 2)
    assert before == {p.name: p.read_bytes() for p in small.iterdir()}
    assert (small / "link.json").is_symlink()


def test_an_output_beside_the_inputs_is_written(small: Path):
    """Only the files read are kept from being replaced: a new file, or an old report, is written as before."""
    (small / "old.json").write_text("{}", encoding="utf-8")
    for name in ("new.json", "old.json"):
        run = CliRunner().invoke(main, ["score", str(small / "facts.json"), "--format", "json", "-o", str(small / name)])
        assert 0 == run.exit_code and '"total"' in (small / name).read_text(encoding="utf-8")


def test_the_python_api_keeps_no_record_of_the_files_it_reads(small: Path):
    """A program that embeds the engine may write its results over anything: the record is the command line's."""
    from scoring_engine import load_facts
    from scoring_engine._reads import was_read

    load_facts(small / "facts.json")
    assert not was_read(small / "facts.json")


def test_import_does_not_write_the_facts_over_the_filled_form(tmp_path: Path):
    """`import form.xlsx -o form.xlsx` would turn the unit's 自评表 into JSON text: refused, the workbook kept."""
    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--format", "xlsx", "-o", str(form)]).exit_code
    before = form.read_bytes()
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(form)])
    assert 2 == run.exit_code and "this command does not write xlsx" in run.output and before == form.read_bytes()
    copy = tmp_path / "form.json"  # a workbook named .json (a unit's mistake): read as a form, and kept all the same
    copy.write_bytes(before)
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(copy), "-o", str(copy)])
    assert 1 == run.exit_code and before == copy.read_bytes()


# ---------------------------------------------------------------- batch: outputs, reports and input folders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    for name in ("national-framework", "self-evaluation"):
        shutil.copy(ROOT / "indicator_sets" / f"{name}.facts.json", tmp_path / "in" / f"{name}.json")
    return tmp_path / "in"


def test_batch_refuses_an_output_that_is_a_project_file_of_its_input_folder(folder: Path, tmp_path: Path):
    """`batch in -o in/projects.jsonl`, where projects.jsonl holds projects: the search would leave it out as the run's
    own output and then replace it. Refused (exit 2) before anything is read; an earlier summary there is replaced."""
    projects = folder / "projects.jsonl"
    projects.write_text((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8")
                        .replace("\n", "") + "\n", encoding="utf-8")
    before = projects.read_bytes()
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q", "-o", str(projects)])
    assert 2 == run.exit_code and f"is a file the search of {folder} reads as a project" in run.output
    assert before == projects.read_bytes()
    summary = folder / "summary.jsonl"
    for _ in range(2):  # the second run writes over the first run's summary, which the search leaves out
        run = CliRunner().invoke(main, ["batch", str(folder), "-q", "-o", str(summary)])
        assert 0 == run.exit_code
    assert 3 == len(summary.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("reports", ["in", "."])
def test_batch_refuses_a_reports_folder_that_holds_an_input_folder(folder: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch, reports: str):
    """--reports equal to the input folder, or above it, would leave every project out as a report: 0 projects, exit 0.
    Refused (exit 2); a reports folder inside the input folder is fine (its reports are left out of the search)."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "in", "-q", "--reports", reports])
    assert 2 == run.exit_code and "holds the input folder in: its projects would be left out as reports" in run.output
    run = CliRunner().invoke(main, ["batch", "in", "-q", "--reports", "in/报告", "-o", "s.csv"])
    assert 0 == run.exit_code and 3 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines())


def test_batch_refuses_a_reports_folder_inside_an_input_folder_that_holds_projects(folder: Path, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch):
    """`batch b --reports b/甲` where b/甲 holds a project: the search leaves the reports folder out, so that project
    vanished from the summary without a word (exit 0). Refused (exit 2) naming a project file there; a second run into
    a reports folder holding only an earlier run's reports is fine."""
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "in" / "甲"
    inside.mkdir()
    (inside / "p.json").write_text((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "in", "-q", "--reports", "in/甲"])
    assert 2 == run.exit_code and "is inside the input folder in and holds the project file p.json" in run.output
    (inside / "p.json").unlink()
    for _ in range(2):
        run = CliRunner().invoke(main, ["batch", "in", "-q", "--reports", "in/甲", "--report-format", "json", "-o", "s.csv"])
        assert 0 == run.exit_code, run.output
        assert 3 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines())


def test_a_reports_link_naming_no_folder_says_so_and_a_deep_project_is_named_by_its_path(folder: Path, tmp_path: Path,
                                                                                         monkeypatch: pytest.MonkeyPatch):
    """`--reports r/link` where the link's target (`../in`, read from r/) does not exist gave "cannot create the reports
    folder: File exists", as if the folder were there: it now says the link names no folder. A link to the input folder
    itself is refused as that folder is (exit 2). A project file deeper in a reports folder inside the input folder was
    named by its file name only: it is named by its path below the reports folder (deep/p.json)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "dangling").symlink_to("../nowhere")
    (tmp_path / "r" / "to-in").symlink_to("../in")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "in", "-q", "--reports", "r/dangling"])
    assert 1 == run.exit_code and ("error: r/dangling: the reports folder is a link to ../nowhere, which is no folder "
                                   "(make the folder it names, or give the folder itself)") == run.output.strip(), run.output
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "in", "-q", "--reports", "r/to-in"])
    assert 2 == run.exit_code and "holds the input folder in: its projects would be left out as reports" in run.output
    deep = tmp_path / "in" / "甲" / "deep"
    deep.mkdir(parents=True)
    (deep / "p.json").write_text((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"),
                                 encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "in", "-q", "--reports", "in/甲"])
    assert 2 == run.exit_code and "holds the project file deep/p.json: its projects" in run.output, run.output


def test_batch_stops_before_an_output_replaces_a_report_of_the_same_name(folder: Path, tmp_path: Path):
    """`-o reports/000001-national-framework.html` with `--reports reports` would replace that project's report with the
    summary: the run stops (exit 1) and writes no summary. A name only like a report's (`202312-汇总.html`, a report the
    batch does not write) is written."""
    reports = tmp_path / "reports"
    summary = reports / "000001-national-framework.html"
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q", "--reports", str(reports), "-o", str(summary)])
    assert 1 == run.exit_code and f"--output {summary} would replace the report of" in run.output
    assert "<h2>排名</h2>" not in summary.read_text(encoding="utf-8")  # the project's report, not the summary
    for name in ("汇总.html", "202312-汇总.html", "000009-national-framework.html"):
        run = CliRunner().invoke(main, ["batch", str(folder), "-q", "--reports", str(reports), "-o", str(reports / name)])
        assert 0 == run.exit_code, (name, run.output)
    assert "<h2>排名</h2>" in (reports / "202312-汇总.html").read_text(encoding="utf-8")


def test_an_output_in_a_folder_the_search_does_not_enter_is_written(folder: Path):
    """A hidden folder and the reports folder below the input folder are not searched: an output there replaces no
    project, so it is written even over a file that holds facts."""
    for below in (".out", "报告"):
        (folder / below).mkdir()
        kept = folder / below / "s.jsonl"
        kept.write_text('{"facts": {}}\n', encoding="utf-8")
        args = ["batch", str(folder), "-q", "-o", str(kept), *(["--reports", str(folder / "报告")] if below == "报告" else [])]
        assert 0 == CliRunner().invoke(main, args).exit_code
        assert '"index":0' in kept.read_text(encoding="utf-8")


def test_an_output_one_input_folder_hides_but_another_searches_is_refused(folder: Path):
    """`batch in in/.more -o in/.more/b.jsonl`: hidden from the search of in, but in/.more, given too, reads it. Refused
    (the first fix looked at the first folder only, and b.jsonl's projects were replaced)."""
    (folder / ".more").mkdir()
    kept = folder / ".more" / "b.jsonl"
    kept.write_text((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8").replace("\n", "")
                    + "\n", encoding="utf-8")
    before = kept.read_bytes()
    for order in ([folder, folder / ".more"], [folder / ".more", folder]):
        run = CliRunner().invoke(main, ["--lang", "en", "batch", *map(str, order), "-q", "-o", str(kept)])
        assert 2 == run.exit_code and "reads as a project" in run.output and before == kept.read_bytes()


def test_standard_input_redirected_from_the_output_file_is_kept(small: Path):
    """`score - -o facts.json < facts.json`: standard input is that file, and an output does not replace it."""
    import subprocess
    import sys

    facts = small / "facts.json"
    before = facts.read_bytes()
    with facts.open("rb") as given:
        done = subprocess.run([sys.executable, "-m", "scoring_engine", "--lang", "en", "score", "-", "--format", "json",
                               "-o", str(facts)], stdin=given, capture_output=True, cwd=small, timeout=60, check=False)
    assert 1 == done.returncode and REFUSED.encode() in done.stderr and before == facts.read_bytes()


def test_an_input_in_the_reports_folder_named_as_a_report_is_refused(tmp_path: Path):
    """`batch r/x.json r/000001-x.json --reports r --report-format json`: x.json's report would replace the facts file
    000001-x.json before it is read. Refused (exit 2), the file kept; other inputs there are fine."""
    (tmp_path / "r").mkdir()
    for name in ("x.json", "000001-x.json"):
        shutil.copy(ROOT / "indicator_sets" / "national-framework.facts.json", tmp_path / "r" / name)
    before = (tmp_path / "r" / "000001-x.json").read_bytes()
    args = ["--lang", "en", "batch", "-q", str(tmp_path / "r" / "x.json"), str(tmp_path / "r" / "000001-x.json"),
            "--reports", str(tmp_path / "r"), "--report-format", "json"]
    run = CliRunner().invoke(main, args)
    assert 2 == run.exit_code and "named as a project's report may be" in run.output
    assert before == (tmp_path / "r" / "000001-x.json").read_bytes()
    run = CliRunner().invoke(main, ["batch", "-q", str(tmp_path / "r" / "x.json"), "--reports", str(tmp_path / "r")])
    assert 0 == run.exit_code and (tmp_path / "r" / "000001-x.html").exists()


def test_a_summary_given_as_a_link_with_a_reports_name_is_stopped(folder: Path, tmp_path: Path):
    """`-o R/000001-national-framework.html`, a link to a file elsewhere: the report is written through the link, and the
    summary would replace it. Found by the name in the reports folder, not where the link points."""
    reports, elsewhere = tmp_path / "R", tmp_path / "el"
    reports.mkdir()
    elsewhere.mkdir()
    (elsewhere / "sum.html").write_text("old", encoding="utf-8")
    (reports / "000001-national-framework.html").symlink_to(elsewhere / "sum.html")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", "--jobs", "1", str(folder), "--reports", str(reports),
                                    "-o", str(reports / "000001-national-framework.html")])
    assert 1 == run.exit_code and "would replace the report of" in run.output


def test_batch_says_it_does_not_read_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", "-"])
    assert 2 == run.exit_code and "batch does not read standard input" in run.output


def test_an_output_that_is_a_linked_project_file_of_an_input_folder_is_refused(folder: Path, tmp_path: Path):
    """in/p.jsonl links to elsewhere/q.jsonl: `-o in/p.jsonl` and `-o elsewhere/q.jsonl` would both replace the projects
    the search reads through the link (and the search left them out as the run's own output). Both are refused, found by
    the file itself, through the link either way."""
    (tmp_path / "elsewhere").mkdir()
    target = tmp_path / "elsewhere" / "q.jsonl"
    target.write_text((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8").replace("\n", "")
                      + "\n", encoding="utf-8")
    (folder / "p.jsonl").symlink_to(target)
    before = target.read_bytes()
    for output in (folder / "p.jsonl", target):
        run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q", "-o", str(output)])
        assert 2 == run.exit_code and "reads as a project" in run.output and before == target.read_bytes()


def test_an_earlier_summary_that_also_holds_projects_is_not_replaced(folder: Path):
    """A .jsonl that begins with an earlier run's result lines but holds project lines too: the search reads those, so
    it is no summary to write over."""
    summary = folder / "m.jsonl"
    assert 0 == CliRunner().invoke(main, ["batch", str(folder / "national-framework.json"), "-q", "-o", str(summary)]).exit_code
    summary.write_text(summary.read_text(encoding="utf-8") + (ROOT / "indicator_sets" / "national-framework.facts.json")
                       .read_text(encoding="utf-8").replace("\n", "") + "\n", encoding="utf-8")
    before = summary.read_bytes()
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q", "-o", str(summary)])
    assert 2 == run.exit_code and before == summary.read_bytes()


def test_a_pipe_named_as_a_report_in_the_reports_folder_is_said_and_never_waited_for(folder: Path, tmp_path: Path):
    import os

    reports = tmp_path / "R"
    reports.mkdir()
    os.mkfifo(reports / "000001-national-framework.html")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q", "--jobs", "1", "--reports", str(reports)])
    assert 1 == run.exit_code and "cannot write the report: it is not a file" in run.output


def test_batch_refuses_reports_dash_unless_a_folder_named_dash_is_there(small: Path, monkeypatch: pytest.MonkeyPatch):
    """QA189 F3: `batch facts.json --reports -` wrote the reports into a new folder named `-`, in silence, where `-o -`
    is refused. `--reports -` is refused (exit 2) saying --reports takes a folder, and no folder is made; a folder
    named `-` already there is written into, as the other `-` checks allow."""
    monkeypatch.chdir(small)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "facts.json", "--set", "set.yaml", "-q", "--reports", "-"])
    assert 2 == run.exit_code and "--reports takes the folder to write each project's report into" in run.output
    assert not (small / "-").exists()
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "facts.json", "--set", "set.yaml", "-q", "--reports", "-"])
    assert 2 == run.exit_code and "--reports 应给出写入各项目报告的文件夹" in run.output, run.output
    (small / "-").mkdir()
    run = CliRunner().invoke(main, ["batch", "facts.json", "--set", "set.yaml", "-q", "--reports", "-"])
    assert 0 == run.exit_code and (small / "-" / "000001-facts.html").is_file(), run.output


def test_batch_reports_dot_slash_dash_is_a_folder_named_dash(small: Path, monkeypatch: pytest.MonkeyPatch):
    """QA190 F3: `--reports ./-` names a folder called `-` as plainly as a shell allows, and was refused as standard
    output, since a path reads `./-` as `-`. It is made and written into, while a bare `-` is still refused."""
    monkeypatch.chdir(small)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "facts.json", "--set", "set.yaml", "-q", "--reports", "./-"])
    assert 0 == run.exit_code and (small / "-" / "000001-facts.html").is_file(), run.output
