"""The batch and score_many at their edges (QA57): Facts read from a file, an earlier run's reports, a stop before the
run begins, the caller's documents raising midway."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from portfolio import SMALL_SET, write_jsonl
from scoring_engine import load_facts, score_many
from scoring_engine.cli import main
from test_batch_reports_replace import _unit


def test_facts_read_from_a_file_find_their_set_beside_it_not_in_the_working_folder(tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """load_facts(p) given to score_many(None, …) looked for its set.yaml in the working folder: a set.yaml there scored
    the project under another set, in silence (差 for 中). It is found beside the file, as for the path itself."""
    project, elsewhere = tmp_path / "proj", tmp_path / "cwd"
    project.mkdir()
    elsewhere.mkdir()
    write_jsonl(tmp_path / "one.jsonl", 1)
    (project / "p.json").write_text((tmp_path / "one.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    (elsewhere / "set.yaml").write_text(SMALL_SET.read_text(encoding="utf-8").replace("id: example-small", "id: other"),
                                        encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    by_path, by_facts = (next(score_many(None, [item])) for item in (project / "p.json", load_facts(project / "p.json")))
    assert by_path.result is not None and by_facts.result is not None, by_facts.problems
    assert "example-small" == by_path.result.indicator_set.id == by_facts.result.indicator_set.id


def test_an_earlier_runs_report_not_written_again_is_named(tmp_path: Path) -> None:
    """Re-run into the same --reports folder after a project broke, the earlier run's report of it stood beside this
    run's, with the earlier score, and nothing said so. The terminal names it."""
    source = tmp_path / "p.jsonl"
    write_jsonl(source, 3)
    (tmp_path / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    reports = tmp_path / "rep"
    command = ["--lang", "en", "batch", str(source), "--reports", str(reports), "--report-format", "json", "-q"]
    assert 0 == CliRunner().invoke(main, command).exit_code
    lines = source.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[1])
    broken["facts"] = None
    source.write_text("\n".join([lines[0], json.dumps(broken), lines[2]]) + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, command)
    assert 1 == run.exit_code
    assert "with the earlier figures: 1 (000002-p-2.json: the project failed now)" in run.output, run.output


def test_a_batch_never_replaces_the_report_of_another_project_an_earlier_run_wrote(tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A shared 报告 folder, one batch per unit: 乙/自评.json's report would be 000001-自评.html, as 甲's is. The run is
    refused before it writes anything (exit 1, the report named, the fix: another --reports folder); before, 甲's report
    was replaced by 乙's in silence (QA182 F1). 甲's batch again, from another working folder, replaces its own."""
    first, second = _unit(tmp_path / "甲", "单位甲"), _unit(tmp_path / "乙", "单位乙")
    reports = tmp_path / "报告"
    assert 0 == CliRunner().invoke(main, ["batch", str(first), "--reports", str(reports), "-q"]).exit_code
    written = (reports / "000001-自评.html").read_bytes()
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(second), "--reports", str(reports), "-q", "-o",
                                    str(tmp_path / "s.csv")])
    assert 1 == run.exit_code
    assert [f"错误：{reports / '000001-自评.html'}: 本次 {second / '自评.json'} 的报告 000001-自评.html 会替换之前一次运行以"
            f"同一文件名写出的 {os.path.realpath(first / '自评.json')} 的报告，已停止，没有写出任何报告（把本批次的报告写入"
            "另一个文件夹（--reports），或删除之前的那份报告）"] == run.output.splitlines()
    assert written == (reports / "000001-自评.html").read_bytes() and not (tmp_path / "s.csv").exists()
    assert ["000001-自评.html"] == sorted(os.listdir(reports))[1:]
    monkeypatch.chdir(first)
    assert 0 == CliRunner().invoke(main, ["batch", ".", "--reports", str(reports), "-q"]).exit_code


def test_each_earlier_report_not_written_again_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """a.json removed and the batch run again, then in xlsx: each earlier report is named with why it was not written
    again: a's project is no longer an input, b's and c's were renumbered or written in another format (000001-b.xlsx);
    before, all five were said to be of projects that failed or were no longer inputs (QA182 F5)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    write_jsonl(tmp_path / "all.jsonl", 1)
    for name in "abc":
        (tmp_path / f"{name}.json").write_text((tmp_path / "all.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "all.jsonl").unlink()
    assert 0 == CliRunner().invoke(main, ["batch", "a.json", "b.json", "c.json", "--reports", "R", "-q"]).exit_code
    (tmp_path / "a.json").unlink()
    assert 0 == CliRunner().invoke(main, ["batch", "b.json", "c.json", "--reports", "R", "-q"]).exit_code
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "b.json", "c.json", "--reports", "R", "--report-format",
                                    "xlsx", "-q"])
    assert 0 == run.exit_code
    assert ("报告文件夹中有5份报告是之前一次运行写出的，本次没有重写，仍是之前的结果：000001-a.html（项目已不在输入中）；"
            "000001-b.html（项目本次写为000001-b.xlsx）；000002-b.html（项目本次写为000001-b.xlsx）；000002-c.html（项目本次"
            "写为000002-c.xlsx）；000003-c.html（项目本次写为000002-c.xlsx）；请删除它们，或把报告写入空文件夹") in run.output


def test_a_stop_before_the_run_begins_is_the_batchs_interrupted_code(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    """Ctrl-C while --set loaded, before the run began, exited 1, the code of a batch with failed projects."""
    from scoring_engine.batch import run

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "outputs_clash", interrupted)
    result = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path)])
    assert 130 == result.exit_code, result.output


class _Broken(Exception):
    pass


@pytest.mark.parametrize("jobs", [1, 2])
def test_documents_that_raise_midway_give_every_outcome_read_before(tmp_path: Path, jobs: int) -> None:
    """A generator raising at its 200th document gave 192 outcomes with one process and none with two: every document
    read before the error is scored and yielded, then the caller's error comes, whatever jobs."""
    source = tmp_path / "p.jsonl"
    write_jsonl(source, 210)
    documents = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    for document in documents:
        document.pop("indicator_set", None)  # scored under the set given

    def raising() -> object:
        yield from documents[:200]
        raise _Broken("the cursor dropped")

    got = []
    with pytest.raises(_Broken):
        for outcome in score_many(SMALL_SET, raising(), jobs=jobs):
            got.append(outcome.index)
    assert list(range(200)) == got


def test_a_stop_once_the_outputs_are_in_place_keeps_the_runs_exit_code(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    """QA90 F4: Ctrl-C just after the outputs were put in place, while the summary was printed, ended the batch with
    130, the code of 'no summary written', though it was written. The stop is dropped: the run's own code stands."""
    import signal

    from scoring_engine.reports import batch_text

    write_jsonl(tmp_path / "p.jsonl", 5)
    printed = batch_text.summary_text

    def stopped_while_printing(*args: object) -> str:
        signal.raise_signal(signal.SIGINT)
        return printed(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_text, "summary_text", stopped_while_printing)
    outside = signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
    try:
        run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "p.jsonl"), "-o", str(tmp_path / "s.csv")])
    finally:
        signal.signal(signal.SIGINT, outside)
    assert 0 == run.exit_code and f"{tmp_path / 's.csv'}: written" in run.output, run.output
    assert "interrupted" not in run.output


def test_a_jsonl_line_of_null_is_told_the_document_is_empty_not_to_indent(tmp_path: Path) -> None:
    """QA90 F6: a JSONL line `null` was told to write what it holds below it, indented two spaces more (YAML's advice
    for a key left empty)."""
    (tmp_path / "p.jsonl").write_text("null\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "p.jsonl"), "--quiet"])
    assert 1 == run.exit_code and "(the document is empty (null): write its keys and values in it)" in run.output
    assert "indented" not in run.output


def test_the_outputs_temporary_files_failing_name_the_outputs_in_the_folder_they_failed_in() -> None:
    """QA90 F3: a full disk under the second output was said in the first output's folder; it is said of the outputs in
    the folder the system names, else of the workbooks, which keep such files, each named, not as the folder `.` of a
    name without one (QA216 4). A read-only disk is said as such, not as a permission to ask for (F5)."""
    import errno

    from scoring_engine._output import _cannot_write
    from scoring_engine.batch.run import _outputs_error

    outputs = (Path("here.csv"), Path("/mnt/full/s.xlsx"))
    named = _outputs_error(OSError(errno.ENOSPC, "No space left on device", "/mnt/full/.s.xlsx.ab12.tmp"), outputs)
    assert "/mnt/full/s.xlsx" == named.problems[0].file
    assert "/mnt/full/s.xlsx" == _outputs_error(OSError(errno.ENOSPC, "No space left on device"), outputs).problems[0].file
    assert "s.xlsx" == _outputs_error(OSError(errno.ENOSPC, "No space left on device"), (Path("s.xlsx"),)).problems[0].file
    assert "s.xlsx" == _outputs_error(OSError(errno.ENOSPC, "No space left on device", "."), (Path("s.xlsx"),)).problems[0].file
    [read_only] = _cannot_write(Path("/mnt/cd/s.csv"), OSError(errno.EROFS, "Read-only file system")).problems
    assert ("cannot write the report: the disk it is on is read-only", "write it to a folder on another disk") == \
        (read_only.message, read_only.hint)


def test_a_stop_while_a_workbook_sheet_is_opened_in_the_archive_is_an_interruption(monkeypatch: pytest.MonkeyPatch,
                                                                                    tmp_path: Path) -> None:
    """QA92 F2: a Ctrl-C landing just after a sheet was opened in the .xlsx archive made closing the archive raise a
    ValueError over it: exit 3, 'internal error', and a traceback from the archive's __del__. It is the interruption it
    is: 130, and no output."""
    import zipfile

    opened = zipfile.ZipFile._open_to_write

    def interrupted(self: zipfile.ZipFile, info: zipfile.ZipInfo, force_zip64: bool = False) -> object:
        handle = opened(self, info, force_zip64)
        if info.filename.startswith("xl/worksheets/"):
            raise KeyboardInterrupt  # as a SIGINT delivered there would
        return handle

    monkeypatch.setattr(zipfile.ZipFile, "_open_to_write", interrupted)
    write_jsonl(tmp_path / "p.jsonl", 5)
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "p.jsonl"), "-o", str(tmp_path / "s.xlsx")])
    assert 130 == run.exit_code and "interrupted: no summary file was written" in run.output, run.output
    assert "internal error" not in run.output and not (tmp_path / "s.xlsx").exists()


_LATE_STOP = """\
import atexit, os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
def late():  # a Ctrl-C as Python unwinds, once the summary was said
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)
atexit.register(late)
sys.argv = ["scoring-engine", "--lang", "en", "batch", sys.argv[1], "-o", sys.argv[2], "--quiet"]
from scoring_engine._entry import main
main()
"""


def test_a_stop_as_the_finished_batch_process_unwinds_changes_nothing(tmp_path: Path) -> None:
    """QA92 F3: a Ctrl-C after the summary was said, while Python unwound (click, the pool's exit handlers), ended the
    finished run as interrupted or printed a traceback. The batch's process ignores stops once its outputs are in place."""
    import subprocess
    import sys

    write_jsonl(tmp_path / "p.jsonl", 5)
    run = subprocess.run([sys.executable, "-c", _LATE_STOP, str(tmp_path / "p.jsonl"), str(tmp_path / "s.csv")],
                         capture_output=True, text=True, timeout=120, check=False)
    assert 0 == run.returncode and "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr
    assert (tmp_path / "s.csv").exists()


_STOPPED_TWICE = """\
import atexit, os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
from scoring_engine.batch import run
def stopped(options):
    raise KeyboardInterrupt  # the first Ctrl-C, the run cleaned up after
run.run_batch = stopped
def again():  # the second, as Python unwinds after 'interrupted'
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)
atexit.register(again)
sys.argv = ["scoring-engine", "--lang", "en", "batch", sys.argv[1], "--quiet"]
from scoring_engine._entry import main
main()
"""


def test_a_second_stop_after_the_batch_said_interrupted_changes_nothing(tmp_path: Path) -> None:
    """QA94 F2: Ctrl-C pressed again after 'interrupted' sometimes printed a KeyboardInterrupt traceback from Python's
    shutdown, though docs/batch.md says a second Ctrl-C changes nothing: 130, the one line, nothing else."""
    import subprocess
    import sys

    write_jsonl(tmp_path / "p.jsonl", 3)
    run = subprocess.run([sys.executable, "-c", _STOPPED_TWICE, str(tmp_path / "p.jsonl")], capture_output=True, text=True,
                         timeout=120, check=False)
    assert 130 == run.returncode and "Traceback" not in run.stderr and "interrupted" in run.stderr, run.stderr


@pytest.mark.parametrize(("option", "needs"), [(["--threshold", "3"], "--compare-with or --compare-set"),
                                               (["--report-format", "json"], "--reports DIR")])
def test_an_option_that_does_nothing_without_another_is_a_usage_error_not_silently_ignored(
        tmp_path: Path, option: list[str], needs: str) -> None:
    """QA135 F4: `batch … --threshold 3` without a comparison, or `--report-format json` without `--reports`, ran and
    exited 0 as if the option had been used. Each is a usage error (exit 2) naming the option it goes with, and no
    output is written."""
    source = tmp_path / "p.jsonl"
    write_jsonl(source, 2)
    out = tmp_path / "out.csv"
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(source), "--set", str(SMALL_SET), "-o", str(out), "-q",
                                    *option])
    assert 2 == run.exit_code and needs in run.output and not out.exists(), run.output


class _FullDisk:
    """A temporary file on a disk with no room left: each write fails, as the system's does."""

    def write(self, data: bytes) -> int:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")

    def seek(self, *args: object) -> int:
        return 0

    def read(self, *args: object) -> bytes:
        return b""

    def close(self) -> None:
        pass


def test_a_full_temporary_folder_under_the_pages_lists_names_tmpdir_not_the_outputs_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA163 F2: the .html output keeps its lists in waiting in the temporary folder (TMPDIR); that folder full was
    blamed on the outputs' folder, with the advice to free space there, which did not help. It names the temporary
    folder and TMPDIR, as the rows' temporary file does; the outputs stay as they were, and no temporary file is left."""
    import tempfile

    from scoring_engine.batch import kept

    real = tempfile.TemporaryFile
    monkeypatch.setattr(kept, "tempfile", type("Rows", (), {"TemporaryFile": real, "gettempdir": tempfile.gettempdir}))
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *a, **k: real(*a, **k) if k.get("dir") else _FullDisk())
    write_jsonl(tmp_path / "in.jsonl", 3)
    with (tmp_path / "in.jsonl").open("a", encoding="utf-8") as more:
        more.write("{not json\n")  # a project in error: its row waits in the page's list of problems
    out = tmp_path / "out"
    out.mkdir()
    for name in ("s.html", "s.xlsx"):
        (out / name).write_text("OLD", encoding="utf-8")
    for lang, said in (("en", f"error: {tempfile.gettempdir()}: cannot write the batch's temporary file: No space left on "
                               "device (free some space there, or point TMPDIR at a folder with room)"),
                       ("zh", f"错误：{tempfile.gettempdir()}: 无法写入批量评分的临时文件：")):
        run = CliRunner().invoke(main, ["--lang", lang, "batch", str(tmp_path / "in.jsonl"), "-q", "-o",
                                        str(out / "s.html"), "-o", str(out / "s.xlsx")])
        assert 1 == run.exit_code and said in run.output and "TMPDIR" in run.output, run.output
        assert str(out) not in run.output, run.output
        assert ["OLD", "OLD"] == [(out / n).read_text(encoding="utf-8") for n in ("s.html", "s.xlsx")]
        assert ["s.html", "s.xlsx"] == sorted(p.name for p in out.iterdir())


def test_the_outputs_temporary_files_failing_give_the_advice_that_fits_the_error(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """QA163 F3: a workbook's temporary sheet files failing were always told to free up space, whatever the error: its
    folder taken away mid-run (make it again), or the right to write in it lost (ask for it) is said as such, as
    for the .csv output; a full disk still says to free space, and an error of no such kind gives no advice."""
    import errno

    from scoring_engine.batch.run import _outputs_error
    from scoring_engine.reports import _xlsx_stream

    outputs = (Path("/mnt/out/s.xlsx"),)
    hints = {code: _outputs_error(OSError(code, os.strerror(code), "/mnt/out/tmpab12"), outputs).problems[0].hint
             for code in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO)}
    assert {errno.ENOENT: "make the folder first, or give a file in a folder that exists",
            errno.EACCES: "write it into a folder you may write in, or ask for the right to write in this one",
            errno.EPERM: "write it into a folder you may write in, or ask for the right to write in this one",
            errno.EROFS: "write it to a folder on another disk",
            errno.ENOSPC: "free some space on its disk, or write it to another disk",
            errno.EDQUOT: "free some space on its disk, or write it to another disk", errno.EIO: None} == hints

    def gone(self: object) -> None:  # the folder removed as the workbook starts a sheet's file
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(tmp_path / "out" / "tmpab12"))

    write_jsonl(tmp_path / "in.jsonl", 3)
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(_xlsx_stream.Sheet, "_start", gone)
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-q", "-o",
                                    str(tmp_path / "out" / "s.xlsx")])
    assert 1 == run.exit_code, run.output
    assert (f"错误：{tmp_path / 'out' / 's.xlsx'}: 无法写入输出文件的临时文件：没有这个文件或文件夹（先建好这个文件夹，或写到已有的文件夹中）"
            in run.output), run.output


def test_score_many_given_a_path_too_long_to_look_up_says_it_cannot_be_read_not_an_internal_error() -> None:
    """QA163 F4: a path given to score_many whose name is too long for the system failed as an internal error (looking
    whether it was a folder raised); it is the file that cannot be read, as for the command line's inputs."""
    [outcome] = list(score_many(SMALL_SET, [Path("r" * 256)]))
    assert ["cannot read: File name too long"] == [p.message for p in outcome.problems]


_NO_MAIN_GUARD = """\
import sys, threading
threading.Thread(target=threading.Event().wait, daemon=True).start()  # a second thread: the pool spawns its workers
from scoring_engine import ScoringEngineError, score_many
try:
    outcomes = list(score_many(sys.argv[1], [sys.argv[2]] * 100, jobs=2))  # at module level: no main guard
except ScoringEngineError as err:
    print(err.problems[0].text("en"))
    print(err.problems[0].text("zh"))
else:
    print(len(outcomes), "scored")
"""


@pytest.mark.parametrize("from_stdin", [False, True])
def test_score_many_with_jobs_in_a_program_without_a_main_guard_is_told_to_add_one_not_that_memory_ran_out(
        tmp_path: Path, from_stdin: bool) -> None:
    """QA174 F1: score_many(…, jobs=2) at module level of a program whose workers are spawned (it has a thread) broke
    its pool as each worker ran the program again, and was told a worker was killed, perhaps for want of memory, and to
    close other programs. It is told the worker ended as it started, and to call score_many under
    if __name__ == "__main__": or pass jobs=1; a program read from standard input, to run it from its file."""
    import subprocess
    import sys

    write_jsonl(tmp_path / "one.jsonl", 1)
    (tmp_path / "p.json").write_text((tmp_path / "one.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "program.py").write_text(_NO_MAIN_GUARD, encoding="utf-8")
    args = [str(SMALL_SET), str(tmp_path / "p.json")]
    if from_stdin:
        run = subprocess.run([sys.executable, "-", *args], input=_NO_MAIN_GUARD.encode(), capture_output=True,
                             timeout=300, cwd=tmp_path, check=False)
    else:
        run = subprocess.run([sys.executable, str(tmp_path / "program.py"), *args], capture_output=True, timeout=300,
                             cwd=tmp_path, check=False)
    said = run.stdout.decode("utf-8").splitlines()
    assert 0 == run.returncode and 2 == len(said), run.stderr.decode("utf-8")[-3000:]
    assert said[0].startswith("a worker process ended as it started, before it scored anything: the batch stopped (")
    assert "memory" not in said[0] and "close other programs" not in said[0]
    if from_stdin:
        assert "run it from its file (python file.py), or pass jobs=1" in said[0]
        assert "请从文件运行（python 文件.py），或传入 jobs=1" in said[1]
    else:
        assert 'calls it under if __name__ == "__main__":' in said[0] and "or passes jobs=1" in said[0]
        assert '须在 if __name__ == "__main__": 之下调用' in said[1] and "传入 jobs=1" in said[1]
    assert said[1].startswith("有一个工作进程在启动时就结束了，尚未评分：批量评分已停止（")


def test_a_spawned_worker_killed_before_any_result_is_still_said_killed_perhaps_for_want_of_memory() -> None:
    """A worker killed by a signal (the out-of-memory killer) keeps the message of a worker killed, spawned or not, and
    before any result came back or not: only a worker that ended by itself as it started is told of the main guard."""
    from types import SimpleNamespace

    from scoring_engine.batch import pool

    killed, ended, terminated = (SimpleNamespace(exitcode=code) for code in (-9, 1, -15))
    assert pool.WORKER_LOST == pool._lost([killed, terminated], True).message
    assert pool.WORKER_LOST == pool._lost([ended, killed], False).message  # forked, or results came back already
    assert pool.WORKER_NOT_STARTED == pool._lost([ended, killed], True).message


def test_a_batch_whose_every_project_failed_says_none_under_its_rankings_as_under_its_projects_to_explain(
        tmp_path: Path):
    """QA176 F6: with every project failed, the page showed 实施单位（按平均得分率）, 得分最高的项目 and 得分最低的项目 as
    headers over no rows, while 需说明的项目 said 无。; 统计 had the ranking's header over nothing. Each now says 无。."""
    from openpyxl import load_workbook

    source = tmp_path / "fail.jsonl"
    document = {"indicator_set": str(SMALL_SET), "project": {"name": "失败", "unit": "单位"}, "facts": {}}
    source.write_text("\n".join(json.dumps(document, ensure_ascii=False) for _ in range(4)) + "\n", encoding="utf-8")
    page, book = tmp_path / "fail.html", tmp_path / "fail.xlsx"
    run = CliRunner().invoke(main, ["batch", str(source), "-q", "-j1", "-o", str(page), "-o", str(book)])
    assert 1 == run.exit_code, run.output
    html = page.read_text(encoding="utf-8")
    ranking = html[html.index('<section id="ranking">'):html.index('<section id="explain">')]
    for title in ("实施单位（按平均得分率）", "得分最高的项目", "得分最低的项目"):
        assert ranking.split(f"<h3>{title}</h3>")[1].split("<h3>")[0].count('<p class="note">无。</p>') == 1, title
    workbook = load_workbook(book, read_only=True)
    rows = [tuple(c for c in row if c is not None) for row in workbook["统计"].iter_rows(values_only=True)]
    workbook.close()
    header = rows.index(("名次", "实施单位", "主管部门", "项目数", "评分失败", "平均分", "平均得分率", "需说明"))
    assert ("无。",) == rows[header + 1]


@pytest.mark.parametrize(("broken", "more"), [(1, True), (22, True), (3, False)])
def test_problem_lines_cut_at_twenty_say_the_outputs_list_every_one(tmp_path: Path, broken: int, more: bool) -> None:
    """A batch prints the first 20 problem lines, then that the outputs list every project that could not be scored.
    One project with 27 problems filled the 20 lines, and the bad JSON after it was never named nor the line printed,
    since the check compared the projects failed (2) with the lines (20) (QA201 1)."""
    (tmp_path / "set.yaml").write_text(SMALL_SET.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"indicator_set": "set.yaml", "facts": {}}), encoding="utf-8")
    for n in range(broken if broken != 1 else 0):  # each a bad JSON of one line
        (tmp_path / f"b{n:02}.json").write_text('{"indicator_set": "set.yaml", "facts": {', encoding="utf-8")
    if broken == 3:  # a project with few problems: all of its lines fit
        (tmp_path / "a.json").unlink()
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path), "--quiet"])
    errors = [line for line in run.output.splitlines() if line.startswith("错误：")]
    assert 1 == run.exit_code, run.output
    assert more == (errors[-1] == f"错误：……{_NOT_SHOWN}"), run.output  # no --output: how to see them (QA325 F4)
    assert len(errors) == (21 if more else broken), run.output


_NOT_SHOWN = "其余的错误未列出：加 --output 文件名.xlsx 再次运行，可在“问题”表中看到所有未能评分的项目"


@pytest.mark.parametrize(("outputs", "listed"), [((), False), (("s.csv",), False), (("s.xlsx",), True),
                                                   (("s.csv", "s.jsonl"), True), (("s.html",), True)])
def test_past_twenty_lines_the_last_says_where_every_failure_is_listed(tmp_path: Path, outputs: tuple[str, ...],
                                                                        listed: bool) -> None:
    """QA325 F4: past its first 20 error lines a batch said "the outputs list every project that could not be scored
    (问题)" when it wrote no output (no --output) or only a .csv (汇总: the projects scored alone), so the failures past
    line 20 were listed nowhere. It says so only where an output written lists them (.xlsx's sheet 问题, .jsonl, .html);
    else that the other lines are not shown and to run again with --output 文件名.xlsx, in English and Chinese."""
    (tmp_path / "in").mkdir()
    for n in range(25):
        (tmp_path / "in" / f"b{n:02}.json").write_text('{"indicator_set": "x", "facts": {', encoding="utf-8")
    written = [arg for name in outputs for arg in ("-o", str(tmp_path / name))]
    for lang, line in (("zh", f"错误：……{_NOT_SHOWN}" if not listed else "错误：……输出文件列出了所有未能评分的项目（问题）"),
                       ("en", "error: … the other lines are not shown: run again with --output NAME.xlsx to see every "
                              "project that could not be scored, on its sheet 问题" if not listed else
                              "error: … the outputs list every project that could not be scored (问题)")):
        run = CliRunner().invoke(main, ["--lang", lang, "batch", str(tmp_path / "in"), "--quiet", *written])
        errors = [text for text in run.output.splitlines() if text.startswith(("错误：", "error: "))]
        assert 1 == run.exit_code and 21 == len(errors) and errors[-1] == line, run.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_jsonl_messages_for_people_are_in_the_runs_language_as_score_writes_them(tmp_path: Path, lang: str) -> None:
    """With --lang zh the .jsonl gave every problem's message and hint, and the engine's warnings, in English, beside the
    set's own Chinese ones (QA263 F1): they are in the run's language, as `score --format json` writes them; the fields
    for tools (kind, fact, path) stay as they are."""
    facts = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    facts.pop("indicator_set", None)
    facts["facts"]["budget"]["payd"] = 1  # an undeclared fact: a warning
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "warned.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    facts["facts"]["budget"]["paid"] = "一百八十"
    (tmp_path / "in" / "failed.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.jsonl"
    small = str(ROOT / "examples" / "small" / "set.yaml")
    CliRunner().invoke(main, ["--lang", lang, "batch", str(tmp_path / "in"), "--set", small, "-q", "-o", str(out)])
    failed, warned = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    scored = CliRunner().invoke(main, ["--lang", lang, "score", str(tmp_path / "in" / "warned.json"), "--set", small,
                                       "--format", "json"])
    assert json.loads(scored.stdout)["warnings"] == warned["result"]["warnings"]
    problem = failed["problems"][0]
    assert ("budget.paid", "$.facts.budget.paid") == (problem["fact"], problem["path"])
    if lang == "zh":
        assert "应为数字，实际是文字 '一百八十'" in problem["message"] and "只写数字本身" in problem["hint"]
        assert any("没有在体系中声明" in w["message"] for w in warned["result"]["warnings"])
    else:
        assert "expected a number, got text '一百八十'" in problem["message"]
