"""QA320: the command line under a failing environment (devices, failed renames, full disks, signals, narrow terminals),
and outputs staying safe."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

ENGLISH = {"LANG": "C.UTF-8", "SCORING_ENGINE_LANG": ""}


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env=ENGLISH)


@pytest.mark.skipif(not os.path.exists("/dev/null") or os.name != "posix", reason="character devices")
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_batch_workbook_written_into_dev_null_through_a_link_is_written_as_into_a_pipe(tmp_path: Path,
                                                                                        device: str) -> None:
    """QA320 F1: `batch … -o null.xlsx`, null.xlsx a link to /dev/null or /dev/zero, was an internal error (exit 3):
    the workbook was zipped into the device, whose tell() is always 0, and zipfile's offsets came out below 0. The
    workbook is now written into it as `cat > FILE` would (docs/reports.md), as the other formats are: exit 0."""
    (tmp_path / "null.xlsx").symlink_to(device)
    run = _cli("batch", str(ROOT / "examples"), str(ROOT / "indicator_sets"), "-q", "-o", str(tmp_path / "null.xlsx"))
    assert 0 == run.exit_code, run.output
    assert "internal error" not in run.stderr and (tmp_path / "null.xlsx").is_symlink()



def _three_old_outputs(folder: Path) -> dict[Path, bytes]:
    from portfolio import write_jsonl

    write_jsonl(folder / "in.jsonl", 3)
    old = {folder / "a.xlsx": b"OLDX", folder / "a.csv": b"OLDC", folder / "a.html": b"OLDH"}
    for path, content in old.items():
        path.write_bytes(content)
    return old


def _batch_into(folder: Path, *more: str) -> Any:
    return _cli(*more, "batch", str(folder / "in.jsonl"), "-q", *(f"-o{folder / name}" for name in ("a.xlsx", "a.csv", "a.html")))


def _second_rename_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """os.replace refused on its second call (a folder made read-only, or a folder made under the name, mid-commit)."""
    replace = os.replace
    calls: list[str] = []

    def second_fails(source: Any, target: Any) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr(os, "replace", second_fails)

def test_a_rename_that_fails_puts_back_the_outputs_already_in_place(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F2: a batch whose second output could not be put in place (its rename failed) had already replaced the
    first: a.xlsx new beside a.html old, and an error line that said no output was replaced (docs/batch.md). The
    outputs now go in place together or not at all: the one renamed first is put back, every old file is as it was,
    and no temporary file is left in the folder."""
    old = _three_old_outputs(tmp_path)
    _second_rename_fails(monkeypatch)
    run = _batch_into(tmp_path, "--lang", "en")
    assert 1 == run.exit_code, run.output
    assert f"{tmp_path / 'a.csv'}: cannot write the report: Permission denied" in run.stderr, run.stderr
    assert old == {path: path.read_bytes() for path in old}
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_folder_made_under_an_outputs_name_while_the_batch_runs_replaces_no_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F2: `rm a.csv; mkdir a.csv` while the batch scored: exit 1 with `a.csv: 这是文件夹`, and a.xlsx already
    replaced by the new workbook. Every output is now checked again before the first is put in place: the same line,
    and a.xlsx and a.html keep what they held."""
    from scoring_engine.reports.batch_html import BatchPage

    old = _three_old_outputs(tmp_path)
    prepare = BatchPage.prepare

    def and_a_folder_appears(self: Any) -> None:
        prepare(self)
        (tmp_path / "a.csv").unlink()
        (tmp_path / "a.csv").mkdir()

    monkeypatch.setattr(BatchPage, "prepare", and_a_folder_appears)
    run = _batch_into(tmp_path, "--lang", "zh")
    assert 1 == run.exit_code, run.output
    assert f"错误：{tmp_path / 'a.csv'}: 无法写出文件：这是文件夹" in run.stderr, run.stderr
    del old[tmp_path / "a.csv"]
    assert old == {path: path.read_bytes() for path in old}
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_temporary_file_that_could_not_be_removed_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F2: the second output's folder made read-only during the run: the error named the output, and its
    temporary file (.b.csv.XXXXXXXX.tmp), which the process could not remove, was left without a word. The error now
    names it, to remove by hand, in the language of the run."""
    old = _three_old_outputs(tmp_path)
    replace, unlink = os.replace, os.unlink

    def csv_fails(source: Any, target: Any) -> None:
        if str(target).endswith("a.csv"):
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    def csv_stays(path: Any, *args: Any, **kwargs: Any) -> None:
        if os.path.basename(path).startswith(".a.csv."):
            raise PermissionError(13, "Permission denied")
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "replace", csv_fails)
    monkeypatch.setattr(os, "unlink", csv_stays)
    run = _batch_into(tmp_path, "--lang", "zh")
    assert 1 == run.exit_code, run.output
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".a.csv.")]
    assert left and all(f"错误：{name}: 无法删除临时文件：请删去它" in run.stderr for name in left), run.stderr
    assert old == {path: path.read_bytes() for path in old}



@pytest.mark.parametrize(("lang", "said"), [("en", "already written, and could not be removed: Permission denied"),
                                           ("zh", "已写出，且无法删除：")])
def test_a_new_output_that_cannot_be_taken_back_is_said_to_be_written_not_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    """A first run into an empty folder: the second rename fails, and the first output, new from this run, cannot be
    removed again. It was said to be "already replaced, and could not be put back", of a file that replaced nothing;
    it is said to be written and not removable, in the language of the run."""
    from portfolio import write_jsonl

    write_jsonl(tmp_path / "in.jsonl", 3)
    _second_rename_fails(monkeypatch)
    unlink = os.unlink

    def xlsx_stays(path: Any, *args: Any, **kwargs: Any) -> None:
        if str(path) == str(tmp_path / "a.xlsx"):
            raise PermissionError(13, "Permission denied")
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", xlsx_stays)
    run = _batch_into(tmp_path, "--lang", lang)
    assert 1 == run.exit_code, run.output
    assert f"{tmp_path / 'a.xlsx'}: {said}" in run.stderr and "replaced" not in run.stderr, run.stderr

@pytest.mark.parametrize("made", [True, False])
def test_a_set_copy_cut_short_by_a_full_disk_leaves_nothing_and_can_be_run_again(tmp_path: Path, made: bool,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F3: `sets national-framework --copy c` on a disk that filled as the second file was written left
    national-framework.yaml alone in c/, and the same command, space freed, was refused: the file exists. The three
    files now appear together or not at all: the failed copy leaves nothing (a folder it made is taken away too), and
    running it again copies them."""
    import errno

    folder = tmp_path / "c"
    if not made:
        folder.mkdir()
    fsync = os.fsync
    calls = []

    def second_is_full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", second_is_full)
    run = _cli("--lang", "zh", "sets", "national-framework", "--copy", str(folder))
    assert 1 == run.exit_code and "磁盘空间不足" in run.stderr, run.output
    assert (not folder.exists()) if made else [] == list(folder.iterdir())
    monkeypatch.setattr(os, "fsync", fsync)
    run = _cli("sets", "national-framework", "--copy", str(folder))
    assert 0 == run.exit_code, run.output
    assert 3 == len(list(folder.iterdir()))


def test_a_set_copy_whose_last_rename_fails_takes_back_the_files_put_in_place(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F3: a copy that fails as its files are put in place (the second rename) leaves none of them."""
    _second_rename_fails(monkeypatch)
    run = _cli("--lang", "zh", "sets", "national-framework", "--copy", str(tmp_path))
    assert 1 == run.exit_code and "national-framework.cases.yaml: 无法写出文件：没有权限" in run.stderr, run.output
    assert [] == list(tmp_path.iterdir())


@pytest.mark.skipif(os.name != "posix", reason="signals")
@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_sigterm_or_sighup_stopping_a_batch_says_so_as_ctrl_c_does(tmp_path: Path, stop: str) -> None:
    """QA320 F6: SIGTERM or SIGHUP (a service manager stopping the job, a closed terminal) ended a batch cleanly, exit
    143 or 129, with nothing on standard error: a cron or service log showed nothing of why there was no summary. It
    now says the line Ctrl-C gets, then ends as the signal ends a process (the exit status kept)."""
    import signal
    import subprocess
    import sys

    from portfolio import write_jsonl

    write_jsonl(tmp_path / "in.jsonl", 2)
    script = (f"import runpy, signal, sys\n"
              f"signal.signal(signal.{stop}, signal.SIG_DFL)\n"
              "import scoring_engine.batch.run as run\n"
              f"run.run_batch = lambda options: signal.raise_signal(signal.{stop})\n"
              f"sys.argv = {['scoring-engine', '--lang', 'en', 'batch', str(tmp_path / 'in.jsonl'), '-q']!r}\n"
              "runpy.run_module('scoring_engine', run_name='__main__')\n")
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, timeout=120)
    assert -getattr(signal, stop) == done.returncode, done.stderr
    assert b"interrupted: no summary file was written\n" == done.stderr


def test_ctrl_c_in_a_batch_logged_to_a_file_is_said_without_an_empty_line_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F8: the line after Ctrl-C started with an empty line, there to end the ^C or the progress line on a
    terminal, also when standard error was a file (a log) and no progress line was shown. Only on a terminal now."""
    from portfolio import write_jsonl
    from scoring_engine.batch import run as batch_run

    def interrupted(options: Any) -> Any:
        raise KeyboardInterrupt

    write_jsonl(tmp_path / "in.jsonl", 2)
    monkeypatch.setattr(batch_run, "run_batch", interrupted)
    run = _cli("--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-q")
    assert (130, "已中断：没有写出汇总文件\n") == (run.exit_code, run.stderr)


def test_the_progress_line_counts_the_projects_done_not_scored() -> None:
    """QA320 F5: the progress line said 已评分 97/200 … 失败 97, counting the projects that failed as scored, while the
    summary's 已评分 counts only those scored (200个项目：已评分100，评分失败100). It now says 已处理 (done), in both
    languages."""
    import io

    from scoring_engine.batch.progress import Progress

    for lang, said in (("zh", "已处理 2/4（50%）"), ("en", "done 2/4 (50%)")):
        out = io.StringIO()
        progress = Progress(out, total=4, clock=iter([0.0, 1.0, 2.0]).__next__, lang=lang, dumb=False)
        progress.tick(failed=True)
        progress.tick(failed=True)
        line = out.getvalue().split("\r")[-1]
        assert line.startswith(said) and ("失败 2" if lang == "zh" else "failed 2") in line, line
        assert "已评分" not in out.getvalue() and "scored" not in out.getvalue()


@pytest.mark.parametrize("dumb", [False, True])
def test_the_progress_line_fits_a_narrow_terminal_or_is_left_out(dumb: bool) -> None:
    """QA320 F4: on a terminal narrower than the progress line (about 50 columns, a Chinese character taking two), the
    line wrapped, and each redraw (\\r…ESC[K, which returns to its last row only) left the wrapped rows on the screen.
    The line is now as wide as the terminal less one column at most, its least useful parts left out first, and not
    drawn at all where the count alone does not fit."""
    import io

    from scoring_engine._display import display_width
    from scoring_engine.batch.progress import Progress

    for columns, count_shown in ((80, True), (30, True), (20, True), (16, False)):
        out = io.StringIO()
        progress = Progress(out, total=100, clock=iter([0.0, 1.0, 2.0]).__next__, dumb=dumb, columns=lambda width=columns: width)
        progress.tick(failed=True)
        progress.tick(failed=False)
        progress.close()
        drawn = [line.replace("\x1b[K", "").rstrip(" ") for line in out.getvalue().split("\r") if line]
        assert all(display_width(line) < columns for line in drawn), (columns, drawn)
        assert count_shown == any(line.startswith("已处理 ") for line in drawn), (columns, drawn)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_set_given_as_a_broken_link_is_said_to_be_one(tmp_path: Path) -> None:
    """QA320 F7: a set given by a link in a loop (`validate loopA.yaml`, `score … --set loopA.yaml`) or by a link to a
    file not there was told `neither a file nor a bundled set id`, of a name `ls` lists; a dangling link inside a batch
    folder was `没有这个文件`. Each is now said as what it is: the loop in the words every reader uses (Too many levels
    of symbolic links), the dangling link with the name it points to."""
    from conftest import EXAMPLE_FACTS

    (tmp_path / "loopA.yaml").symlink_to("loopB.yaml")
    (tmp_path / "loopB.yaml").symlink_to("loopA.yaml")
    (tmp_path / "dangling.yaml").symlink_to("gone.yaml")
    run = _cli("validate", str(tmp_path / "loopA.yaml"))
    assert f"error: {tmp_path / 'loopA.yaml'}: cannot read: Too many levels of symbolic links" in run.stderr, run.output
    run = _cli("--lang", "zh", "score", str(EXAMPLE_FACTS), "--set", str(tmp_path / "dangling.yaml"))
    assert 1 == run.exit_code and f"错误：{tmp_path / 'dangling.yaml'}: 它是指向 gone.yaml 的链接，而那里没有文件" in run.stderr
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d.json").symlink_to("gone.json")
    run = _cli("--lang", "zh", "batch", str(tmp_path / "in"), "-q")
    assert f"错误：{tmp_path / 'in' / 'd.json'}: 它是指向 gone.json 的链接，而那里没有文件" in run.stderr, run.output


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_reports_folder_that_is_a_link_to_itself_is_said_to_be_a_loop(tmp_path: Path) -> None:
    """QA320 F7: `batch --reports selfloop`, a link to itself, was told to make the folder the link names first, which
    cannot be done; it now gets the words `sets --copy` gives such a link: a loop of links, to remove or replace."""
    from portfolio import write_jsonl

    write_jsonl(tmp_path / "in.jsonl", 1)
    (tmp_path / "selfloop").symlink_to("selfloop")
    run = _cli("--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-q", "--reports", str(tmp_path / "selfloop"))
    assert 1 == run.exit_code, run.output
    assert f"错误：{tmp_path / 'selfloop'}: 无法创建报告文件夹：它是符号链接，而这些链接形成了循环（删去这个链接，或换一个文件夹）" \
        in run.stderr, run.stderr


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="character devices")
def test_a_device_given_as_the_folder_to_write_into_is_a_wrong_command_line(tmp_path: Path) -> None:
    """QA320 F8: `batch --reports /dev/null` and `sets ID --copy /dev/null` were `无法创建报告文件夹：文件已存在`, exit 1,
    with no hint, where a regular file there is a usage error (exit 2). A device there is now refused as the file is."""
    from portfolio import write_jsonl

    write_jsonl(tmp_path / "in.jsonl", 1)
    run = _cli("--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-q", "--reports", "/dev/null")
    assert 2 == run.exit_code and "'--reports' 的值无效：'/dev/null' 不是文件夹，而是设备、管道或套接字。" in run.stderr, run.output
    run = _cli("--lang", "en", "sets", "national-framework", "--copy", "/dev/null")
    assert 2 == run.exit_code and "not a folder: '/dev/null' is a device, a pipe or a socket" in run.stderr, run.output


def test_an_output_named_as_the_reports_folder_is_a_wrong_command_line(tmp_path: Path) -> None:
    """QA320 F8: `batch … -o rx/x.csv --reports rx/x.csv` ran, exit 1, `x.csv: 无法写出文件：它是文件夹，不是文件`, with
    no folder x.csv left after. It is now refused before anything runs, exit 2, as two identical --output are."""
    from portfolio import write_jsonl

    write_jsonl(tmp_path / "in.jsonl", 1)
    run = _cli("--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "x.csv"), "--reports",
               str(tmp_path / "." / "x.csv"))
    assert 2 == run.exit_code, run.output
    assert f"--output {tmp_path / 'x.csv'} 也是 --reports 给出的报告文件夹" in run.stderr, run.stderr
    assert [] == [p.name for p in tmp_path.iterdir() if p.name not in ("in.jsonl", "set.yaml")]


def test_a_line_break_or_tab_in_a_file_name_is_shown_as_its_escape(tmp_path: Path) -> None:
    """QA320 F8: a file named with a newline, tab or carriage return was shown with a space there (`new line.yaml：已写出`,
    `bad name.json:1:2: …`): no name to find the file by. They are now \\n, \\t, \\r, as a byte that is not UTF-8 is
    \\xff."""
    output = tmp_path / "new\nline.yaml"
    run = _cli("--lang", "en", "resolve", "hubei-self-evaluation", "-o", str(output))
    assert 0 == run.exit_code and f"{tmp_path}/new\\nline.yaml: written" in run.stderr, run.output
    (tmp_path / "bad\tname\r.json").write_text("{", encoding="utf-8")
    run = _cli("--lang", "en", "score", str(tmp_path / "bad\tname\r.json"))
    assert 1 == run.exit_code and f"error: {tmp_path}/bad\\tname\\r.json:1:2: " in run.stderr, run.output
    # QA323 F4: score's, template's and import's lines of the file written too
    for command, said in ((["score", str(ROOT / "examples" / "small" / "facts.json")], ": 79.73 中"),
                          (["template", "hubei-self-evaluation"], ": template for hubei-self-evaluation")):
        run = _cli("--lang", "en", *command, "-o", str(tmp_path / "x\ty.json"))
        assert 0 == run.exit_code and f"{tmp_path}/x\\ty.json{said}" in run.stderr, run.output


def test_a_facts_file_the_user_may_not_read_is_one_error_line_for_score_and_explain(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA320 F8: a facts file without read permission was, for score and explain, click's usage error (`'FACTS' 的值无效：
    '…/secret.json' 不可读。`, exit 2, no hint), where batch and validate say `无法读取：没有权限`, exit 1. They now say
    the same as batch does. (The session runs as root: the permission is taken away by the system calls asked.)"""
    from conftest import EXAMPLE_FACTS

    secret = tmp_path / "secret.json"
    secret.write_bytes(EXAMPLE_FACTS.read_bytes())
    access, open_ = os.access, os.open

    def no_access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if os.fspath(path) == str(secret) else access(path, mode, *args, **kwargs)

    def no_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return open_(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_access)
    monkeypatch.setattr(os, "open", no_open)
    for command in (["score", str(secret)], ["explain", str(secret), "-i", "process.execution"]):
        run = _cli("--lang", "zh", *command)
        assert 1 == run.exit_code, run.output
        assert f"错误：{secret}: 无法读取：没有权限" in run.stderr, run.stderr


def test_where_no_hard_link_can_be_made_a_failed_rename_puts_the_old_output_back(tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """QA323 F1: where the system makes no hard link (a FAT disk), the old file is renamed aside, its only copy; when the
    new file's rename then failed, that copy was deleted as a second name would be, and the output was lost. It is put
    back: every old output holds what it held, and nothing hidden is left."""
    old = _three_old_outputs(tmp_path)

    def no_links(source: Any, target: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    _second_rename_fails(monkeypatch)
    run = _batch_into(tmp_path, "--lang", "en")
    assert 1 == run.exit_code and "Permission denied" in run.stderr, run.output
    assert old == {path: path.read_bytes() for path in old}
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_old_outputs_copy_that_cannot_be_removed_after_a_run_that_succeeded_is_named(tmp_path: Path,
                                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA323 F3: once every output was in place, an old file's hidden copy that could not be removed (its folder made
    read-only in that instant) was left without a word; it is named, to remove by hand, and the run still succeeds."""
    _three_old_outputs(tmp_path)
    unlink = os.unlink

    def asides_stay(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).name.startswith(".a.xlsx."):
            raise PermissionError(errno.EACCES, "Permission denied")
        unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", asides_stay)
    run = _batch_into(tmp_path, "--lang", "en")
    assert 0 == run.exit_code, run.output
    [left] = [p for p in tmp_path.iterdir() if p.name.startswith(".a.xlsx.")]
    assert f"warning: {left}: a temporary file could not be removed: remove it" in run.stderr, run.stderr


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_a_stop_that_comes_between_the_renames_of_a_set_copy_leaves_the_copy_whole(tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """QA323 F2: Ctrl-C (or SIGTERM) right after the first of a copy's three renames left the set alone in the folder,
    and the copy run again was refused (文件已存在). The renames are one step a stop does not cut, as a batch's are: the
    three files are there."""
    import signal

    replace = os.replace
    calls: list[str] = []

    def stopped_after_the_first(source: Any, target: Any) -> None:
        replace(source, target)
        calls.append(str(target))
        if len(calls) == 1:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(os, "replace", stopped_after_the_first)
    run = _cli("sets", "national-framework", "--copy", str(tmp_path / "c"))
    assert 0 == run.exit_code, run.output
    assert 3 == len(list((tmp_path / "c").iterdir()))


def test_the_progress_line_takes_the_terminals_own_width_over_a_wider_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS exported from a wider window (200) on a terminal of 60 columns: the progress line was cut to 200 and
    wrapped on every update. The terminal's own width wins where it is narrower; a narrower COLUMNS is still kept, and
    COLUMNS alone serves where the stream is no terminal."""
    import fcntl
    import io
    import pty
    import struct
    import termios

    from scoring_engine.batch.progress import _columns

    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
        with open(follower, "w", closefd=False) as terminal:
            for columns, width in (("200", 60), ("40", 40), ("", 60), ("x", 60)):
                monkeypatch.setenv("COLUMNS", columns)
                assert width == _columns(terminal), columns
    finally:
        os.close(leader)
        os.close(follower)
    monkeypatch.setenv("COLUMNS", "70")
    assert 70 == _columns(io.StringIO())
    monkeypatch.delenv("COLUMNS")
    assert _columns(io.StringIO()) is None
