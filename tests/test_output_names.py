"""`--output`'s name says what is written: a known extension gives the format when --format is not given, and one that
names a format the command does not write is then a wrong command line (exit 2) with nothing written; a --format given
is followed, with a warning when the name says otherwise. A name ending in / (a folder) and `-` (standard output) are no
files to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

FACTS = str(ROOT / "examples" / "small" / "facts.json")


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["--lang", "en", *args])


@pytest.mark.parametrize(("args", "name", "starts"), [
    (["score", FACTS], "report.xlsx", b"PK"),  # a workbook, not the terminal table Excel would call corrupt
    (["score", FACTS], "report.JSON", b"{"),
    (["score", FACTS], "report.html", b"<!DOCTYPE html>"),
    (["template", "national-framework"], "skeleton.json", b"{"),  # the facts skeleton, not a workbook
    (["template", "national-framework"], "form.xlsx", b"PK"),
    (["diff", "national-framework", "national-framework"], "diff.xlsx", b"PK"),
])
def test_a_known_extension_gives_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str,
                                            starts: bytes):
    run = _run(tmp_path, monkeypatch, *args, "-o", name)
    assert 0 == run.exit_code, run.output
    assert (tmp_path / name).read_bytes().startswith(starts)


def test_a_format_given_is_followed_with_a_warning_when_the_extension_names_another(tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch):
    run = _run(tmp_path, monkeypatch, "score", FACTS, "--format", "csv", "-o", "r.json")
    assert 0 == run.exit_code and "warning: r.json: the extension .json names the format json; written as --format csv says" \
        in run.output
    assert (tmp_path / "r.json").read_text(encoding="utf-8-sig").startswith("一级指标,")


def test_a_file_that_cannot_be_written_is_one_error_line_not_also_said_written(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch):
    """--format xlsx into r.json in a missing folder printed 'written as --format xlsx says' before the error that it
    could not be written (QA64 F1): the warning comes once the file is written, and a failure is one line."""
    run = _run(tmp_path, monkeypatch, "score", FACTS, "--format", "xlsx", "-o", "missing/r.json")
    assert 1 == run.exit_code
    assert "written as" not in run.output and [line for line in run.output.splitlines() if line.strip()] == \
        [line for line in run.output.splitlines() if line.startswith("error:")], run.output


def test_an_unknown_extension_keeps_the_format_given_or_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert 0 == _run(tmp_path, monkeypatch, "score", FACTS, "-o", "report.out").exit_code
    assert "example-small" in (tmp_path / "report.out").read_text(encoding="utf-8").splitlines()[0]
    assert 0 == _run(tmp_path, monkeypatch, "score", FACTS, "--format", "json", "-o", "report.out").exit_code
    assert (tmp_path / "report.out").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(("args", "words"), [
    (["score", FACTS, "-o", "r.yaml"], "this command does not write yaml (the extension .yaml)"),
    (["diff", "national-framework", "national-framework", "-o", "d.html"], "this command does not write html"),
    (["resolve", "national-framework", "-o", "whole.json"], "this command does not write json"),
    (["import", FACTS, "-o", "facts.xlsx"], "this command does not write xlsx"),
    (["score", FACTS, "-o", "newdir/"], "a name ending in / names a folder (newdir/): give the name of a file"),
    (["score", FACTS, "--format", "json", "-o", "-"], "'-' is standard output: leave --output out to print on the screen"),
    (["batch", FACTS, "-o", "-"], "'-' is standard output"),
    (["score", FACTS, "-o", "a.json", "-o", "b.json"], "given 2 times (a.json, b.json): this command writes one file"),
])
def test_an_output_name_that_contradicts_the_command_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                args: list[str], words: str):
    run = _run(tmp_path, monkeypatch, *args)
    assert 2 == run.exit_code and words in run.output
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["r.xlsx ", "r.xlsx.", "r.json . "])
def test_a_known_extension_with_a_space_or_dot_pasted_after_it_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                          name: str):
    """`-o 'r.xlsx '` (a path pasted with its trailing space) wrote the text table into a file named .xlsx, which Excel
    cannot open, with exit 0 and no word (QA63 F4). It is a wrong command line, nothing written."""
    run = _run(tmp_path, monkeypatch, "score", FACTS, "-o", name)
    assert 2 == run.exit_code
    assert f"--output {name!r}: the name ends in a space or a dot after its extension" in run.output
    assert [] == list(tmp_path.iterdir())
