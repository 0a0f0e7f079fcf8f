"""The batch when the process itself fails around it (QA193): a standard error or output that is closed, a worker
pool that cannot start its thread, memory that runs out after the outputs are in place, a worker killed mid-report."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from portfolio import write_jsonl
from scoring_engine import ScoringEngineError, _cli_batch, score_many
from scoring_engine.errors import Problem
from scoring_engine.batch import find_documents
from scoring_engine.batch import pool
from scoring_engine.cli import main


def _command(args: list[str], cwd: Path, redirect: str) -> subprocess.CompletedProcess[bytes]:
    """`python -m scoring_engine ARGS` with the shell's `redirect` (2>&- closes standard error)."""
    command = ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "scoring_engine", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, timeout=300, check=False)


@pytest.mark.parametrize("args", [["-j", "1"], ["-j", "2"], []], ids=["one-process", "two-workers", "default-jobs"])
def test_a_batch_with_standard_error_closed_writes_its_outputs_and_succeeds(tmp_path: Path, args: list[str]) -> None:
    """`batch … --output o.csv 2>&-`: standard error closed, the run scores and writes its outputs and exits 0, as score
    and import do; it asked the closed stream whether it was a terminal, and ended in exit 3 with nothing written (QA193
    F2)."""
    write_jsonl(tmp_path / "p.jsonl", 70)
    done = _command(["batch", "p.jsonl", "--output", "o.csv", *args], tmp_path, ">/dev/null 2>&-")
    assert 0 == done.returncode, done
    assert 71 == len((tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines())


def test_no_progress_line_is_drawn_on_a_standard_error_that_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress line goes to standard error only when it is there and a terminal: closed, Python's sys.stderr is
    None (QA193 F2), or a stream whose file is closed."""
    monkeypatch.setattr(sys, "stderr", None)
    assert _cli_batch.progress_stream(quiet=False) is None
    closed = open(__file__, encoding="utf-8")  # noqa: SIM115 - closed at once, to ask a closed stream
    closed.close()
    monkeypatch.setattr(sys, "stderr", closed)
    assert _cli_batch.progress_stream(quiet=False) is None


def test_a_ctrl_c_while_the_commands_load_with_standard_error_closed_still_ends_with_its_code(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the command loads, standard error closed: the command exits with batch's 130, saying nothing; it
    wrote to the closed stream and ended on an AttributeError (QA193 F2, every place that uses sys.stderr)."""
    from scoring_engine import _early_stop

    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["scoring-engine", "batch", "p.jsonl"])
    with pytest.raises(SystemExit) as stopped:
        _early_stop.interrupted()
    assert 130 == stopped.value.code


@pytest.mark.parametrize(("argv", "env", "said"), [(["--lang", "zh", "score", "f.json"], {}, "已中断"),
                                                    (["--lang=zh", "batch", "p.jsonl"], {}, "已中断"),
                                                    (["score", "f.json"], {"SCORING_ENGINE_LANG": "zh"}, "已中断"),
                                                    (["--lang", "en", "score", "f.json"], {"LANG": "zh_CN.UTF-8"}, "interrupted")])
def test_a_ctrl_c_while_the_commands_load_is_said_in_the_language_asked_for(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], env: dict[str, str],
        said: str) -> None:
    """QA267 F7: a run given --lang zh, stopped while the commands loaded, said "interrupted": the locale alone chose."""
    from scoring_engine import _early_stop

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "SCORING_ENGINE_LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "argv", ["scoring-engine", *argv])
    with pytest.raises(SystemExit):
        _early_stop.interrupted()
    assert capsys.readouterr().err.strip() == said


# ---------------------------------------------------------------- a pool that cannot run (QA193 F1)


def _thread_cannot_start(*args: object) -> None:
    raise RuntimeError("can't start new thread")


@pytest.fixture
def no_worker_left() -> Iterator[None]:
    """After the test, no worker process of it runs; one left (the failure tested) is killed, or pytest would wait for
    it as it exits."""
    yield
    left = multiprocessing.active_children()
    for child in left:
        child.kill()
        child.join()
    assert [] == left, "worker processes were left running"


def test_a_pool_whose_thread_died_ends_the_batch_with_one_chinese_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       no_worker_left: None) -> None:
    """`batch --jobs 2` under `ulimit -v 56000`: the pool's own thread could not start the thread that feeds the
    workers ("can't start new thread") and died. The run ends with one Chinese error line, exit 1, the earlier
    summary as it was, no worker left and no traceback of the thread; it waited for ever for a result that never came
    (QA193 F1)."""
    from concurrent.futures import process

    monkeypatch.setattr(process._ExecutorManagerThread, "add_call_item_to_queue", _thread_cannot_start)
    reported: list[BaseException | None] = []  # what Python's hook would print as a thread's traceback
    monkeypatch.setattr(threading, "excepthook", lambda args: reported.append(args.exc_value))
    write_jsonl(tmp_path / "p.jsonl", 70)
    (tmp_path / "s.csv").write_text("last year's\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.jsonl"), "-j", "2", "-q",
                                    "-o", str(tmp_path / "s.csv")])
    assert 1 == run.exit_code, run.output
    assert ["错误：无法运行工作进程（Python 无法启动线程，可能是内存不足）：批量评分已停止（请减少 --jobs 的进程数，或关闭其他程序；"
            "--jobs 1 只用一个进程评分）"] == run.output.splitlines(), run.output
    assert "last year's\n" == (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert ["p.jsonl", "s.csv", "set.yaml"] == sorted(p.name for p in tmp_path.iterdir())
    assert [] == reported


def test_a_pool_whose_thread_cannot_start_stops_score_many_with_the_error(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          no_worker_left: None) -> None:
    """The pool's own thread cannot start at all: score_many ends in the error that says so, its workers (forked
    already) killed, not in Python's RuntimeError with the workers left waiting for work that never comes (QA193 F1)."""
    from concurrent.futures import process

    monkeypatch.setattr(process._ExecutorManagerThread, "start", _thread_cannot_start)
    write_jsonl(tmp_path / "p.jsonl", 70)
    with pytest.raises(ScoringEngineError) as stopped:
        list(score_many(None, find_documents([str(tmp_path / "p.jsonl")]), jobs=2))
    assert pool.POOL_DEAD == stopped.value.problems[0].message


def test_ctrl_c_while_the_pool_is_dead_ends_the_batch_and_its_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      no_worker_left: None) -> None:
    """Ctrl-C while the batch waits on a pool whose thread died: the stop goes through, the workers killed. It said
    已中断 and then waited for ever for workers nothing would end, ignoring SIGTERM and SIGHUP (QA193 F1)."""
    from concurrent.futures import process

    monkeypatch.setattr(process._ExecutorManagerThread, "add_call_item_to_queue", _thread_cannot_start)

    def interrupted(*args: Any) -> list[Any]:  # Ctrl-C as the batch waits for the first chunk's results
        for thread in threading.enumerate():
            if isinstance(thread, process._ExecutorManagerThread):
                thread.join()  # dead: it could not hand out the first chunk
        raise KeyboardInterrupt

    monkeypatch.setattr(pool._Here, "result", interrupted)
    write_jsonl(tmp_path / "p.jsonl", 70)
    with pytest.raises(KeyboardInterrupt):
        list(score_many(None, find_documents([str(tmp_path / "p.jsonl")]), jobs=2))


class _Ended(Exception):
    """os._exit, as a test sees it: the code the process would have ended with."""


def test_a_worker_that_cannot_start_its_parent_watch_ends_quietly(monkeypatch: pytest.MonkeyPatch,
                                                                  capfd: pytest.CaptureFixture[str]) -> None:
    """A worker that cannot start the thread watching its parent ("can't start new thread", ulimit -v 46000) ends at
    once, saying nothing, so that the pool breaks and the batch says its one line; Python printed "Exception in
    initializer" and its traceback from the worker before the batch's line (QA198 1)."""
    def cannot_start(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    def ended(code: int) -> None:
        raise _Ended(code)

    monkeypatch.setattr(threading.Thread, "start", cannot_start)
    monkeypatch.setattr(pool.os, "_exit", ended)
    monkeypatch.setattr(pool.signal, "signal", lambda *args: None)  # the test's own handlers left as they are
    monkeypatch.setattr(pool.signal, "pthread_sigmask", lambda *args: None, raising=False)
    monkeypatch.setattr(pool, "_worker", None)
    with pytest.raises(_Ended) as stopped:
        pool._start(lambda: list, None, parent=1)
    assert (0,) == stopped.value.args
    assert ("", "") == capfd.readouterr()


# ---------------------------------------------------------------- after the outputs are in place (QA193 F4, F6)


def _batch(tmp_path: Path, *more: str) -> Any:
    """A batch of 5 projects into s.csv (which holds last year's summary) and the reports folder rep."""
    if not (tmp_path / "p.jsonl").exists():
        write_jsonl(tmp_path / "p.jsonl", 5)
        (tmp_path / "s.csv").write_text("last year's\n", encoding="utf-8")
    return CliRunner().invoke(main, ["batch", str(tmp_path / "p.jsonl"), "-q", "-j", "1", "-o", str(tmp_path / "s.csv"),
                                     "--reports", str(tmp_path / "rep"), *more])


def test_the_reports_mark_is_read_without_setting_its_whole_limit_aside(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The mark of the reports folder is read in pieces as long as it is, up to its limit: it was read with
    read(10 MB), which sets the 10 MB aside first, and a run short of memory (ulimit -v 70000) failed on it once its
    outputs were in place (QA193 F4). Here the limit is one no memory could set aside."""
    from scoring_engine.batch import reports_mark

    assert 0 == _batch(tmp_path).exit_code
    monkeypatch.setattr(reports_mark, "_MOST", 10**15)
    run = _batch(tmp_path)
    assert 0 == run.exit_code, run.output
    assert 5 == len(reports_mark.listed_reports(tmp_path / "rep"))


def test_a_failure_writing_the_reports_mark_leaves_the_outputs_as_they_were(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory running out as the reports folder's mark is written at the end: the run fails with one error line and
    the summary is last year's still. The mark was written after the outputs were put in place, and the run said it
    failed, nothing written, of outputs it had replaced (QA193 F4)."""
    from scoring_engine.batch import run as batch_run

    marked = batch_run.mark_reports

    def no_memory(folder: Path, names: Any) -> None:
        if list(names):
            raise MemoryError
        marked(folder, names)

    monkeypatch.setattr(batch_run, "mark_reports", no_memory)
    run = _batch(tmp_path)
    assert 1 == run.exit_code
    assert run.output.startswith("error: not enough memory to finish (MemoryError)"), run.output
    assert "last year's\n" == (tmp_path / "s.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "said"), [
    ([], ["{s}: written", "error: the outputs are written; the summary was not printed: not enough memory (MemoryError)"]),
    (["--lang", "zh"], ["{s}：已写出", "错误：输出文件已写出；汇总未打印：内存不足（MemoryError）"])])
def test_memory_running_out_as_the_summary_is_printed_names_the_outputs_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: list[str]) -> None:
    """Memory running out as the summary is printed, once the outputs are in place: the outputs are named as written
    before the error line (the run only said it could not finish: QA193 F4), which says the summary alone was not
    printed, as docs/batch.md says; it said 内存不足，无法完成 after the outputs named as written (QA198 4)."""
    from scoring_engine.reports import batch_text

    def no_memory(*args: Any) -> str:
        raise MemoryError

    monkeypatch.setattr(batch_text, "summary_text", no_memory)
    write_jsonl(tmp_path / "p.jsonl", 5)
    (tmp_path / "s.csv").write_text("last year's\n", encoding="utf-8")
    run = CliRunner().invoke(main, [*args, "batch", str(tmp_path / "p.jsonl"), "-q", "-j", "1", "-o",
                                    str(tmp_path / "s.csv"), "--reports", str(tmp_path / "rep")])
    assert 1 == run.exit_code
    assert [line.format(s=tmp_path / "s.csv") for line in said] == run.output.splitlines()
    assert "last year's" not in (tmp_path / "s.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("redirect", "why"), [(">&-", "standard output is closed"),
                                              (">/dev/full", "No space left on device")])
def test_a_summary_that_cannot_be_printed_says_the_outputs_are_written(tmp_path: Path, redirect: str, why: str) -> None:
    """Standard output closed or full, --output given: the outputs are named as written and the error says only the
    summary was not printed, exit 1 as for any closed standard output; it said 无法输出 and to give --output FILE, which
    was given (QA193 F6)."""
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    write_jsonl(tmp_path / "p.jsonl", 5)
    done = _command(["batch", "p.jsonl", "-q", "-o", "s.csv"], tmp_path, redirect)
    said = done.stderr.decode("utf-8")
    assert 1 == done.returncode, said
    assert ["s.csv: written", f"error: the outputs are written; the summary was not printed: cannot print the output: "
            f"{why}"] == said.splitlines()
    assert 6 == len((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines())
    zh = _command(["--lang", "zh", "batch", "p.jsonl", "-q", "-o", "s.csv"], tmp_path, redirect).stderr.decode("utf-8")
    assert "错误：输出文件已写出；汇总未打印：无法输出：" in zh and "--output" not in zh, zh


@pytest.mark.parametrize("redirect", [">&-", ">/dev/full"])
def test_a_summary_that_cannot_be_printed_still_names_the_projects_that_failed(tmp_path: Path, redirect: str) -> None:
    """QA224 4: a cron job's batch with standard output closed or on a full disk said only that the summary was not
    printed: the lines naming the projects that could not be scored, and why, were dropped with it, though standard error
    could hold them. They come first, as in any run, then the outputs written and that the summary alone was not printed."""
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    write_jsonl(tmp_path / "p.jsonl", 2)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    done = _command(["batch", "p.jsonl", "broken.json", "-q", "-o", "s.csv"], tmp_path, redirect)
    said = done.stderr.decode("utf-8").splitlines()
    assert 1 == done.returncode and 3 == len(said), said
    assert said[0].startswith("error: broken.json:1:") and "s.csv: written" == said[1], said
    assert said[2].startswith("error: the outputs are written; the summary was not printed"), said


# ---------------------------------------------------------------- report temporaries (QA193 F3)


def test_a_run_stopped_while_a_report_is_written_leaves_no_temporary_of_it(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that ends as it writes a report (killed for want of memory) leaves the report's temporary file, full
    size; the run removes it as it stops, as docs/batch.md says. It stayed in the reports folder (QA193 F3)."""
    from scoring_engine.batch import task

    def dies_writing(target: Path, content: Any) -> None:
        (target.parent / f".{target.name}.k1llEd_0.tmp").write_text("half a report", encoding="utf-8")
        raise KeyboardInterrupt  # the worker gone in the middle of the write, as a kill leaves it

    assert 0 == _batch(tmp_path).exit_code  # an earlier run's reports there
    monkeypatch.setattr(task, "write_atomically", dies_writing)
    run = _batch(tmp_path)
    assert 130 == run.exit_code, run.output
    assert [] == [p.name for p in (tmp_path / "rep").iterdir() if p.name.endswith(".tmp")]


def test_a_later_run_removes_the_stale_temporaries_of_the_reports_it_writes_and_no_others(tmp_path: Path) -> None:
    """Temporaries an earlier run's killed worker left of reports this run writes are removed; a temporary of another
    name, or a file that only looks like one, is left alone. They stayed for ever (QA193 F3)."""
    assert 0 == _batch(tmp_path).exit_code
    rep = tmp_path / "rep"
    stale, other, kept = ".000002-p-2.html.abcd_123.tmp", ".000099-q-9.html.abcd_123.tmp", "000002-p-2.html.abcd_123.tmp"
    for name in (stale, other, kept):
        (rep / name).write_text("left", encoding="utf-8")
    assert 0 == _batch(tmp_path).exit_code
    assert not (rep / stale).exists() and (rep / other).exists() and (rep / kept).exists()


def test_memory_running_out_as_the_reports_mark_is_written_leaves_no_temporary_of_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory running out as the reports folder's mark is written: the error goes on, and the mark's half-written
    temporary is removed; .scoring-engine-reports.tmp stayed in the folder (QA198 3)."""
    from scoring_engine.batch import reports_mark

    def half_written(self: Path, text: str, encoding: str | None = None) -> int:
        with self.open("w", encoding=encoding) as out:
            out.write(text[:10])
        raise MemoryError

    (tmp_path / reports_mark.REPORTS_MARK).write_text("000001-a.html\n", encoding="utf-8")
    monkeypatch.setattr(Path, "write_text", half_written)
    with pytest.raises(MemoryError):
        reports_mark.mark_reports(tmp_path, ["000002-b.html"])
    assert [reports_mark.REPORTS_MARK] == [p.name for p in tmp_path.iterdir()]
    assert "000001-a.html\n" == (tmp_path / reports_mark.REPORTS_MARK).read_bytes().decode()


# ---------------------------------------------------------------- memory short as an error is said (QA193 F5)


def test_the_line_made_beforehand_for_want_of_memory_is_the_catalogs() -> None:
    """The line said when even saying the lack of memory fails is, word for word, the one the catalog gives."""
    from scoring_engine import _cli_guard
    from scoring_engine._messages import said

    text = "not enough memory to finish (MemoryError): close other programs, or give a smaller input"
    assert _cli_guard.NO_MEMORY == {"zh": "错误：" + said(text, "zh"), "en": "error: " + text}


def test_memory_running_out_as_an_error_is_said_ends_in_one_line_not_a_traceback(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory short as the run's error is said (the Chinese catalog loading then, ulimit -v 59000 and 30000): one line
    made beforehand, exit 1; Python printed the traceback of the MemoryError (QA193 F5)."""
    from scoring_engine import _cli_guard
    from scoring_engine.batch import run as batch_run

    def no_memory(*args: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(batch_run, "run_batch", no_memory)
    monkeypatch.setattr(_cli_guard, "said", no_memory)  # the catalog that would say it cannot load either
    write_jsonl(tmp_path / "p.jsonl", 2)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.jsonl"), "-q"])
    assert 1 == run.exit_code and isinstance(run.exception, SystemExit), run.exception
    assert [_cli_guard.NO_MEMORY["zh"]] == run.output.splitlines()


_ENGLISH = {"LC_ALL": "C", "LC_MESSAGES": None, "LANG": "C", "SCORING_ENGINE_LANG": None}  # a locale not Chinese


def test_the_lines_made_beforehand_for_a_pool_short_of_memory_are_the_catalogs() -> None:
    """The Chinese lines said of a worker killed, of a pool that cannot run, or of a summary not printed for want of
    memory, when the catalog cannot load are, word for word, the ones it gives."""
    from scoring_engine import _cli_guard
    from scoring_engine._messages import error_line

    from scoring_engine._cli_batch import NO_MEMORY_TO_PRINT

    printed = Problem(f"the outputs are written; the summary was not printed: {NO_MEMORY_TO_PRINT}")
    assert {**{message: error_line(Problem(message, hint=pool.FEWER_JOBS), "zh") for message in
               (pool.WORKER_LOST, pool.POOL_DEAD)},
            printed.message: error_line(printed, "zh")} == _cli_guard.MEMORY_SHORT_ZH


def test_want_of_memory_is_said_in_the_language_the_run_took_from_its_chinese_input(tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of Chinese input in a locale that is not Chinese, short of memory even for the line saying so: the line
    made beforehand is the Chinese one, as the run's other lines are; it was the English one (QA198 2)."""
    from scoring_engine import _cli_guard
    from scoring_engine.batch import run as batch_run

    def no_memory(*args: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(batch_run, "run_batch", no_memory)
    monkeypatch.setattr(_cli_guard, "said", no_memory)
    write_jsonl(tmp_path / "p.jsonl", 2)
    run = CliRunner(env=_ENGLISH).invoke(main, ["batch", str(tmp_path / "p.jsonl"), "-q"])
    assert 1 == run.exit_code and isinstance(run.exception, SystemExit), run.exception
    assert [_cli_guard.NO_MEMORY["zh"]] == run.output.splitlines()


@pytest.mark.parametrize("args", [["--lang", "zh"], []])
def test_an_error_said_while_memory_is_short_keeps_its_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             args: list[str]) -> None:
    """A run's error said when the Chinese catalog cannot load for want of memory: one line, exit 1, not a traceback
    (QA193 F5); a worker killed, which means memory ran short, in the run's language (--lang zh, or its Chinese input in
    a locale that is not) from a line made beforehand (it was said in English: QA198 2), another problem in the words it
    was made in."""
    from scoring_engine import _cli_guard
    from scoring_engine.batch import run as batch_run

    def worker_lost(*args: Any) -> Any:
        raise ScoringEngineError([Problem(pool.WORKER_LOST, hint=pool.FEWER_JOBS), Problem("another problem")])

    def no_memory(*args: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(batch_run, "run_batch", worker_lost)
    monkeypatch.setattr(_cli_guard, "error_line", no_memory)
    write_jsonl(tmp_path / "p.jsonl", 2)
    run = CliRunner(env=_ENGLISH).invoke(main, [*args, "batch", str(tmp_path / "p.jsonl"), "-q"])
    assert 1 == run.exit_code and isinstance(run.exception, SystemExit), run.exception
    assert [_cli_guard.MEMORY_SHORT_ZH[pool.WORKER_LOST], "error: another problem"] == run.output.splitlines()


# ---------------------------------------------------------------- score_many where workers cannot start (QA202)

DAEMONIC = """
import multiprocessing, sys
from scoring_engine import score_many
from scoring_engine.batch import find_documents

def outcomes(jobs):
    return [(o.index, o.result.total if o.result else o.problems) for o in
            score_many(None, find_documents([sys.argv[1]]), jobs=jobs)]

if __name__ == "__main__":
    with multiprocessing.Pool(2) as workers:
        inside = workers.map(outcomes, [2, 3])
    here = outcomes(1)
    print(len(here), inside == [here, here])
"""


def test_score_many_with_jobs_in_a_multiprocessing_pool_worker_scores_there_with_the_same_outcomes(tmp_path: Path) -> None:
    """score_many(jobs=2) called in a multiprocessing.Pool's worker, a daemonic process that may start none, ended in
    multiprocessing's raw AssertionError "daemonic processes are not allowed to have children" (QA202 1). It scores the
    documents in that process: the same outcomes in the same order as jobs=1, and no traceback."""
    write_jsonl(tmp_path / "p.jsonl", 70)  # three chunks: more than one is handed to worker processes
    (tmp_path / "daemonic.py").write_text(DAEMONIC, encoding="utf-8")
    done = subprocess.run([sys.executable, "daemonic.py", "p.jsonl"], cwd=tmp_path, capture_output=True, timeout=300,
                          check=False, text=True)
    assert (0, "70 True\n", "") == (done.returncode, done.stdout, done.stderr)


def _said(hooked: list[str]) -> Any:
    def hook(args: Any) -> None:
        hooked.append(str(args.exc_value))
    return hook


def _reported_after() -> None:
    """A thread that fails after the batches ended is reported by the hook there was."""
    def fail() -> None:
        raise RuntimeError("later")
    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()


@pytest.mark.parametrize("first", ["a", "b"])
def test_overlapping_batches_put_back_the_threading_hook_there_was_whichever_ends_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_worker_left: None, first: str) -> None:
    """Two score_many(jobs=2) runs under way at once, the first started ending first, left threading.excepthook
    replaced for good by the first run's wrapper (the second put it back), and a pool thread that crashed later was
    never reported (QA202 2). Once no batch runs the hook is the one there was, whichever order they end in."""
    write_jsonl(tmp_path / "p.jsonl", 70)
    hooked: list[str] = []
    before = _said(hooked)
    monkeypatch.setattr(threading, "excepthook", before)
    runs = {name: score_many(None, find_documents([str(tmp_path / "p.jsonl")]), jobs=2) for name in "ab"}
    next(runs["a"])
    next(runs["b"])
    assert threading.excepthook is not before  # a pool's own thread dying is said by its batch
    second = "b" if first == "a" else "a"
    assert (69, 69) == (len(list(runs[first])), len(list(runs[second])))
    assert threading.excepthook is before
    _reported_after()
    assert ["later"] == hooked


def test_batches_in_two_threads_put_back_the_threading_hook_there_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       no_worker_left: None) -> None:
    """A batch in another thread that ends after the caller's own, both under way at once, leaves the hook there was
    before either began (QA202 2: each put back the hook it found, the later one the earlier's wrapper)."""
    write_jsonl(tmp_path / "p.jsonl", 70)
    hooked: list[str] = []
    before = _said(hooked)
    monkeypatch.setattr(threading, "excepthook", before)
    started, drain = threading.Event(), threading.Event()
    counted: list[int] = []

    def other() -> None:
        run = score_many(None, find_documents([str(tmp_path / "p.jsonl")]), jobs=2)
        next(run)
        started.set()
        drain.wait()
        counted.append(len(list(run)) + 1)

    mine = score_many(None, find_documents([str(tmp_path / "p.jsonl")]), jobs=2)
    next(mine)
    thread = threading.Thread(target=other)
    thread.start()
    assert started.wait(300)
    assert 69 == len(list(mine))  # the caller's batch ends first, the other thread's still running
    drain.set()
    thread.join()
    assert [70] == counted
    assert threading.excepthook is before
    _reported_after()
    assert ["later"] == hooked
