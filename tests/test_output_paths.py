"""An output is written where the path as typed leads, as the shell would write it, or refused with one line: a path
through a folder that is not there, or through a file, is refused and writes nothing (QA216 1), and a loop of links is
said as every command says it (QA216 3)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples" / "small", tmp_path / "small")
    monkeypatch.chdir(tmp_path / "small")
    return tmp_path / "small"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize(("args", "said"), [
    (["score", "facts.json", "--format", "json", "-o", "nosuch/../facts.json"], "there is no folder nosuch"),
    (["score", "facts.json", "--format", "json", "-o", "set.yaml/../facts.json"], "set.yaml is not a folder"),
    (["score", "facts.json", "--format", "json", "-o", "nosuch/../new.json"], "there is no folder nosuch"),
    (["template", "set.yaml", "--format", "yaml", "-o", "nosuch/../set.yaml"], "there is no folder nosuch"),
    (["resolve", "set.yaml", "-o", "nosuch/../set.yaml"], "there is no folder nosuch"),
    (["score", "facts.json", "--format", "json", "-o", "link.json"],  # a link through it
     "it is a link into the folder nosuch/.., which is not there"),
    (["score", "facts.json", "--format", "json", "-o", "ro.json/../facts.json"], "ro.json is not a folder"),
    (["score", "facts.json", "--format", "json", "-o", "nosuch/../ro.json"], "there is no folder nosuch"),
    (["batch", "facts.json", "-q", "-o", "nosuch/../ro.csv"], "there is no folder nosuch"),
], ids=["score over the facts", "through a file", "a new file", "template over the set", "resolve over the set",
        "a link through a folder not there", "through a read-only file", "over a read-only file",
        "batch over a read-only summary"])
def test_an_output_through_a_folder_not_there_or_through_a_file_is_refused_and_writes_nothing(
        small: Path, args: list[str], said: str):
    """`-o nosuch/../facts.json` reaches no file (the shell says so): it was written over facts.json, the input the
    command read, or over a read-only file, as realpath folds `nosuch/..` away (QA216 1)."""
    (small / "link.json").symlink_to("nosuch/../facts.json")
    for name in ("ro.json", "ro.csv"):
        (small / name).write_text("kept\n", encoding="utf-8")
        (small / name).chmod(0o444)
    before = _files(small)
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    assert 1 == run.exit_code, run.output
    assert f"cannot write the report: {said}" in run.output and len(run.output.strip().splitlines()) == 1
    assert before == _files(small) and not (small / "nosuch").exists()


def test_the_refusal_is_said_in_chinese(small: Path):
    run = CliRunner().invoke(main, ["--lang", "zh", "score", "facts.json", "--format", "json", "-o", "set.yaml/x.json"])
    assert 1 == run.exit_code
    assert "错误：set.yaml/x.json: 无法写出文件：set.yaml 不是文件夹" in run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", "facts.json", "--format", "json", "-o", "nosuch/../x.json"])
    assert "无法写出文件：没有文件夹 nosuch（先建好这个文件夹" in run.output


def test_a_path_through_folders_that_are_there_is_written(small: Path):
    """Only a path the system cannot follow is refused: `sub/../out.json` and a link into a folder are written."""
    (small / "sub").mkdir()
    (small / "into.json").symlink_to("sub/../sub/out.json")
    for output in ("sub/../out.json", "into.json"):
        run = CliRunner().invoke(main, ["score", "facts.json", "--format", "json", "-o", output])
        assert 0 == run.exit_code, run.output
    assert '"total"' in (small / "out.json").read_text(encoding="utf-8")
    assert '"total"' in (small / "sub" / "out.json").read_text(encoding="utf-8") and (small / "into.json").is_symlink()


@pytest.mark.parametrize("args", [
    ["template", "set.yaml", "-o", "loopA/空白表.xlsx"],
    ["template", "set.yaml", "--format", "json", "-o", "loopA/x.json"],
    ["import", "form.xlsx", "--set", "set.yaml", "-o", "loopA/facts.json"],
    ["score", "facts.json", "-o", "loopA/x.json"],
], ids=["template xlsx", "template json", "import", "score"])
def test_an_output_into_a_loop_of_links_is_one_line_and_exit_1(small: Path, args: list[str]):
    """Path.resolve() raises RuntimeError on a loop (Python 3.11): template and import ended in an internal error, exit
    3, where score says the system's reason, exit 1 (QA216 3)."""
    os.symlink("loopB", small / "loopA")
    os.symlink("loopA", small / "loopB")
    if args[0] == "import":
        assert 0 == CliRunner().invoke(main, ["template", "set.yaml", "-o", "form.xlsx"]).exit_code
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    assert 1 == run.exit_code, run.output
    assert run.output.strip() == f"error: {args[-1]}: cannot write the report: Too many levels of symbolic links"
