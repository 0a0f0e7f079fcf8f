"""An output is written where the path as typed leads, as the shell would write it, or refused with one line: a path
through a folder that is not there, or through a file, is refused and writes nothing (QA216 1), and a loop of links is
said as every command says it (QA216 3). Each line gives the advice that fits: a full disk, a read-only one, another
user's file (QA216 4, 5)."""

from __future__ import annotations

import errno
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


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT], ids=["disk full", "quota"])
@pytest.mark.parametrize("output", ["out.json", "s.csv", "s.jsonl", "s.html"])
def test_a_full_disk_says_to_free_space_or_write_to_another_disk(small: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  code: int, output: str):
    """A full disk (or quota) said only 无法写出文件：磁盘空间不足, with no advice, where docs/batch.md promises the advice
    that fits the error (QA216 4)."""
    from scoring_engine import _output

    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(_output.os, "fsync", full)
    command = ["score", "facts.json"] if output == "out.json" else ["batch", "facts.json", "-q"]
    run = CliRunner().invoke(main, ["--lang", "zh", *command, "-o", output])
    assert 1 == run.exit_code
    assert f"错误：{output}: 无法写出文件：{'磁盘空间不足' if code == errno.ENOSPC else '超出磁盘配额'}（腾出磁盘空间，或写到其他磁盘）" \
        == run.output.strip().splitlines()[-1]
    assert not (small / output).exists() and not [p for p in small.iterdir() if p.name.endswith(".tmp")]


def test_a_workbooks_sheets_on_a_full_disk_name_the_workbook_not_its_folder(small: Path, monkeypatch: pytest.MonkeyPatch):
    """`batch -o s.xlsx` on a full disk named the folder `.` and told to free space in it: it names the workbook, with
    the advice a full disk gets everywhere (QA216 4)."""
    from scoring_engine.reports import _xlsx_stream

    def full(self: object, *args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_xlsx_stream.Sheet, "_start", full)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "facts.json", "-q", "-o", "s.xlsx"])
    assert 1 == run.exit_code
    assert "错误：s.xlsx: 无法写入输出文件的临时文件：磁盘空间不足（腾出磁盘空间，或写到其他磁盘）" == run.output.strip().splitlines()[-1]


def test_a_reports_folder_that_cannot_be_made_on_a_read_only_disk_says_to_use_another_disk(
        small: Path, monkeypatch: pytest.MonkeyPatch):
    """`--reports newrep` on a read-only disk said 无法创建报告文件夹：文件系统只读 with no advice, where a file there
    is told to go to another disk (QA216 4)."""
    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "facts.json", "-q", "--reports", "newrep"])
    assert 1 == run.exit_code
    assert ["错误：newrep: 无法创建报告文件夹：文件系统只读（写到其他磁盘上的文件夹中）"] == run.output.strip().splitlines()


def test_another_users_file_in_a_folder_one_may_write_in_is_told_as_the_file(small: Path, monkeypatch: pytest.MonkeyPatch):
    """Another user's file, read-only to you, in a folder anyone may write in: the advice was to write into a folder one
    may write in, or ask for the right to write in this one, which one has; it is about the file (QA216 5). A file in a
    folder one may not write in keeps the folder's advice."""
    from scoring_engine import _output

    allowed = os.access
    theirs = {"theirs.json", "sub"}
    monkeypatch.setattr(_output.os, "access",
                        lambda path, mode: allowed(path, mode) and not (mode == os.W_OK and Path(path).name in theirs))
    (small / "sub").mkdir()
    for name in ("theirs.json", "sub/theirs.json"):
        (small / name).write_text("{}", encoding="utf-8")
        run = CliRunner().invoke(main, ["--lang", "zh", "score", "facts.json", "-o", name])
        assert 1 == run.exit_code
        advice = "写到另一个文件名，或请文件的所有者给你写入它的权限" if name == "theirs.json" else \
            "写到有权限写入的文件夹中，或申请这个文件夹的写入权限"
        assert f"错误：{name}: 无法写出文件：没有写入这个文件的权限（{advice}）" == run.output.strip().splitlines()[-1]
        assert "{}" == (small / name).read_text(encoding="utf-8")


def test_sets_copy_into_a_loop_of_links_says_so(small: Path):
    """`sets self-evaluation --copy loopA`, a loop of links, said 无法创建文件夹：文件已存在（换一个文件夹）: the loop is
    said, and a link to no folder is said as one (QA216 5)."""
    os.symlink("loopB", small / "loopA")
    os.symlink("loopA", small / "loopB")
    os.symlink("nowhere", small / "dangling")
    said = {folder: CliRunner().invoke(main, ["--lang", "zh", "sets", "self-evaluation", "--copy", folder])
            for folder in ("loopA", "dangling")}
    assert [1, 1] == [run.exit_code for run in said.values()]
    assert ["错误：loopA: 无法创建文件夹：它是符号链接，而这些链接形成了循环（删去这个链接，或换一个文件夹）"] == \
        said["loopA"].output.strip().splitlines()
    assert ["错误：dangling: 无法创建文件夹：它是指向 nowhere 的链接，而那里没有文件夹（先建好链接所指的文件夹，或直接给出"
            "文件夹本身）"] == said["dangling"].output.strip().splitlines()
