"""Reports are written atomically, into the place the user named and nowhere else, and the terminal gets one line per problem.

`scoring-engine score --output FILE` renders the whole report first, writes it
to a temporary file in the same folder, flushes it to disk and renames it over
FILE. The first tests make each step fail -- the renderer, the write halfway
through (a full disk), the flush, the rename, an interrupt -- and check that
the good report already at FILE is untouched and nothing else is left behind.

The rest run the corpora of tests/hostile/output.py and terminal.py, each case
in a bounded child process: --output onto pipes, devices, sockets, folders and
links; long names; signals during the write; standard output closed, full, or
a pipe nobody reads; names and texts that would forge terminal lines.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_FACTS
from hostile.bounded import Outcome, run_bounded
from hostile.output import CLASSES as OUTPUT_CLASSES
from hostile.output import OutputCase, output_cases
from hostile.terminal import CLASSES as TERMINAL_CLASSES
from hostile.terminal import terminal_cases

from scoring_engine import _reads, cli
from scoring_engine._command_line import offering_output
from scoring_engine._files import read_bytes
from scoring_engine._output import TEMPORARY_NAME_BYTES, say, write_atomically
from scoring_engine.reports.chart import CHART_LABEL_COLUMNS, CHART_PIECE_HEIGHT, CHART_WHOLE_HEIGHT
from scoring_engine.reports.xlsx import CUT_MARK, XLSX_CELL_CHARACTERS

PREVIOUS = "previous good report\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A folder holding only a good report from an earlier run."""
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    return target


def run_score(target: Path, fmt: str = "json") -> tuple[int, str]:
    done = CliRunner().invoke(cli.main, ["score", str(EXAMPLE_FACTS), "--format", fmt, "--output", str(target)])
    return done.exit_code, done.stderr


def assert_untouched(target: Path) -> None:
    assert PREVIOUS == target.read_text(encoding="utf-8")
    assert [target.name] == [p.name for p in target.parent.iterdir()], "a temporary file was left behind"


def test_a_renderer_that_fails_leaves_the_old_report(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer raising halfway is an internal error (exit 3, one line): the old report stays, no file is created."""

    def broken(result: Any) -> str:
        raise RuntimeError("renderer broke halfway")

    monkeypatch.setitem(cli.RENDERERS, "json", broken)
    code, err = run_score(report)
    assert cli.EXIT_INTERNAL == code
    assert 1 == len(err.splitlines()) and "renderer broke halfway" in err
    assert err.startswith("error: internal error: RuntimeError"), err  # an error line as every other (QA193 F4)
    assert_untouched(report)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_running_out_of_memory_is_said_as_the_machines_limit_not_a_bug(report: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       lang: str) -> None:
    """MemoryError (an input too large for this machine) is one line saying so, in the run's language, exit 1, not
    "internal error" with an empty detail; the old report stays."""

    def too_big(result: Any) -> str:
        raise MemoryError

    monkeypatch.setitem(cli.RENDERERS, "json", too_big)
    monkeypatch.setenv("SCORING_ENGINE_LANG", lang)
    code, err = run_score(report)
    assert cli.EXIT_INVALID == code and 1 == len(err.splitlines())
    assert err.startswith("错误：内存不足，无法完成" if lang == "zh" else "error: not enough memory to finish"), err  # QA193 F4
    assert "internal" not in err
    assert_untouched(report)


class _FullDisk(io.RawIOBase):
    """A file that takes the first half of what is written, then fails as a full disk does."""

    def __init__(self, real: io.BufferedWriter):
        self.real = real

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        half = bytes(data)[: len(data) // 2]
        self.real.write(half)
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        self.real.close()
        super().close()


def test_a_write_failing_halfway_leaves_the_old_report(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk filling up halfway through the write is one error line (exit 1), with the advice a full disk gets (QA216
    4); the half-written temporary file is removed."""
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: _FullDisk(real_fdopen(fd, "wb")))
    code, err = run_score(report)
    assert 1 == code
    assert [f"error: {report}: cannot write the report: No space left on device (free some space on its disk, or write it "
            "to another disk)"] == err.splitlines()
    assert_untouched(report)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failing_flush_or_rename_leaves_the_old_report(step: str, report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An I/O error while flushing the temporary file to disk, or renaming it, leaves the old report and no temporary file."""

    def fail(*args: Any) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, step, fail)
    code, err = run_score(report)
    assert 1 == code
    assert "cannot write the report: Input/output error" in err
    assert_untouched(report)


def test_an_interrupt_during_the_write_leaves_the_old_report(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the report is being written removes the temporary file and keeps the old report."""

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    done = CliRunner().invoke(cli.main, ["score", str(EXAMPLE_FACTS), "--format", "json", "--output", str(report)])
    assert 0 != done.exit_code
    assert_untouched(report)


def test_the_report_is_on_disk_before_it_replaces_the_old_one(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file is flushed to disk (fsync) before the rename, so a crash cannot leave an empty report in its place."""
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (steps.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (steps.append("replace"), real_replace(a, b))[1])
    code, _ = run_score(report)
    assert 0 == code
    assert ["fsync", "replace"] == steps
    assert "中" == json.loads(report.read_text(encoding="utf-8"))["grade"]
    assert ["report.json"] == [p.name for p in report.parent.iterdir()]


@pytest.mark.parametrize("where", ["missing/folder/report.json", "report.json/inside"])
def test_an_output_path_that_cannot_be_written_is_one_error_line(where: str, report: Path) -> None:
    """--output into a folder that does not exist (or under a file) is one error line naming the path, exit 1, not an internal error."""
    target = report.parent / where
    code, err = run_score(target)
    assert 1 == code
    assert 1 == len(err.splitlines())
    assert err.startswith(f"error: {target}: cannot write the report:")
    assert_untouched(report)


def test_write_atomically_never_leaves_a_truncated_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Called directly, write_atomically either replaces the file whole or raises and leaves it as it was."""
    target = tmp_path / "out.csv"
    target.write_text(PREVIOUS, encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: _FullDisk(real_fdopen(fd, "wb")))
    with pytest.raises(cli.ScoringEngineError) as caught:
        cli.write_atomically(target, "新的报告\n" * 10_000)
    assert str(target) == caught.value.file
    assert_untouched(target)
    monkeypatch.undo()
    cli.write_atomically(target, "新的报告\n" * 10_000)
    assert "新的报告\n" * 10_000 == target.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the corpora of tests/hostile/output.py and terminal.py

CLASSES = OUTPUT_CLASSES + TERMINAL_CLASSES
CASES = output_cases() + terminal_cases()
#: Bounds for one case: CPU seconds of the bounded child and of the command-line processes it starts, and peak memory.
CPU_SECONDS = 3.0
PEAK_MB = 150


def _run_in_scratch(case: OutputCase) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        return case.run(Path(folder))


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child and scratch folder."""
    return {case.id: run_bounded(lambda case=case: _run_in_scratch(case), cpu_limit=10, timeout=60) for case in CASES}


def test_the_output_corpus_covers_every_class() -> None:
    """Each class of hostile output (targets, names, signals, streams, lines) has cases of its own, 60 in all at least."""
    assert set(CLASSES) == {case.cls for case in CASES}
    assert all(sum(case.cls == cls for case in CASES) >= 7 for cls in CLASSES)
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_output_is_handled(case: OutputCase, outcomes: dict[str, Outcome]) -> None:
    """The case does what tests/hostile/output.py or terminal.py says its class must: nothing replaced, left behind, forged or crashed."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status, f"{outcome.status}: {outcome.error_type}: {outcome.message}"
    if "skipped" in outcome.value:
        pytest.skip(outcome.value["skipped"])
    assert [] == outcome.value["violations"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_output_stays_small_and_fast(case: OutputCase, outcomes: dict[str, Outcome]) -> None:
    """No case takes more than CPU_SECONDS of CPU or PEAK_MB of memory, in the engine's process or the command's."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status
    assert outcome.cpu_seconds + outcome.value["child_cpu"] < CPU_SECONDS
    assert max(outcome.peak_mb, outcome.value["child_mb"]) < PEAK_MB



# ---------------------------------------------------------------- docs/reports.md and docs/limits.md in step

REPORTS_DOC = (Path(__file__).resolve().parent.parent / "docs" / "reports.md").read_text(encoding="utf-8")
LIMITS_DOC = (Path(__file__).resolve().parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")


def _quoted_errors() -> set[str]:
    """The `error: …` lines docs/reports.md quotes, with the line breaks of the page undone."""
    section = REPORTS_DOC[REPORTS_DOC.index("## Where a report goes"):REPORTS_DOC.index("## From Python")]
    return {" ".join(text.split()) for text in re.findall(r"`(error: [^`]+)`", section)}


class _Refusing(io.RawIOBase):
    """A standard output on a full disk."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _printed_error(stdout: Any, monkeypatch: pytest.MonkeyPatch, offered: bool = True) -> str:
    """What a command prints when standard output is `stdout`: score, which has --output (`offered`), or one without."""
    monkeypatch.setattr(sys, "stdout", stdout)
    with offering_output() if offered else contextlib.nullcontext(), pytest.raises(cli.ScoringEngineError) as caught:
        say("评分表\n")
    return f"error: {caught.value.first}"


def test_the_errors_quoted_in_reports_md_are_the_ones_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each error line docs/reports.md shows for --output and standard output is, word for word, what the engine prints."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "FILE"))
    monkeypatch.chdir(tmp_path)
    try:
        with pytest.raises(cli.ScoringEngineError) as caught:
            write_atomically(Path("FILE"), "报告")
    finally:
        server.close()
    (tmp_path / "facts").mkdir()
    read = tmp_path / "facts" / "FILE"  # a file the command read: refused as an output (`_reads`)
    read.write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "facts")
    with _reads.remembering(), pytest.raises(cli.ScoringEngineError) as replacing:
        read_bytes(Path("FILE"), 10, cli.ScoringEngineError)
        write_atomically(Path("FILE"), "报告")
    printed = {
        f"error: {caught.value.first}",
        f"error: {replacing.value.first}",
        _printed_error(None, monkeypatch),
        _printed_error(io.TextIOWrapper(io.BufferedWriter(_Refusing()), encoding="utf-8"), monkeypatch),
        _printed_error(io.TextIOWrapper(io.BytesIO(), encoding="ascii"), monkeypatch),
    }
    assert printed == _quoted_errors()
    text = " ".join(REPORTS_DOC.split())  # a command without --output: its hints (QA224 5)
    for stdout in (None, io.TextIOWrapper(io.BytesIO(), encoding="ascii")):
        hint = _printed_error(stdout, monkeypatch, offered=False).rpartition(" (")[2].rstrip(")")
        assert f"`({hint})`" in text


def test_the_report_limits_in_limits_md_are_the_code_s() -> None:
    """The Reports table of docs/limits.md gives XLSX_CELL_CHARACTERS, TEMPORARY_NAME_BYTES and the HTML chart's
    heights their values, and reports.md quotes the mark a cut cell ends with."""
    start = LIMITS_DOC.index("## Reports")
    section = LIMITS_DOC[start:LIMITS_DOC.index("\n## ", start)]  # the Reports section alone, whatever follows it
    assert {"XLSX_CELL_CHARACTERS": XLSX_CELL_CHARACTERS, "TEMPORARY_NAME_BYTES": TEMPORARY_NAME_BYTES,
            "CHART_WHOLE_HEIGHT": CHART_WHOLE_HEIGHT, "CHART_PIECE_HEIGHT": CHART_PIECE_HEIGHT,
            "CHART_LABEL_COLUMNS": CHART_LABEL_COLUMNS} == {
        name: int(value) for name, value in re.findall(r"^\| `(\w+)` \| (\d+) \|", section, re.MULTILINE)}
    assert CUT_MARK in REPORTS_DOC and CUT_MARK in section


def test_the_temporary_file_takes_the_documented_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report named with 255 bytes is written through a temporary file of at most 255 bytes: its name cut, plus TEMPORARY_NAME_BYTES."""
    seen: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append(os.path.basename(a)), real_replace(a, b))[1])
    name = "评" * 84 + ".md"
    write_atomically(tmp_path / name, "报告")
    [temporary] = seen
    assert 255 == len(os.fsencode(name))
    assert len(os.fsencode(temporary)) <= 255
    assert temporary.startswith("." + "评" * 80) and temporary.endswith(".tmp")
    assert TEMPORARY_NAME_BYTES == len(os.fsencode(temporary)) - len(os.fsencode(temporary[1:].split(".")[0]))
    assert "报告" == (tmp_path / name).read_text(encoding="utf-8")


class _Taking(io.RawIOBase):
    """A pipe under `python -u`: each write takes at most `most` bytes, as a pipe whose reader is slow or gone does."""

    def __init__(self, most: int):
        self.most, self.taken = most, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        piece = bytes(data[: self.most])
        self.taken += piece
        return len(piece)


def test_an_unbuffered_standard_output_takes_every_byte_or_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """With PYTHONUNBUFFERED=1 a write to a pipe may take 64 KiB of 1.3 MB and the rest was lost with exit 0: say writes
    until every byte is taken, and a stream that takes none is an error, not a silent success."""
    raw = _Taking(65536)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8", write_through=True))  # type: ignore[arg-type]
    text = "评分" * 300_000
    say(text)
    assert text.encode("utf-8") == bytes(raw.taken)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(_Taking(0), encoding="utf-8", write_through=True))  # type: ignore[arg-type]
    with pytest.raises(cli.ScoringEngineError):
        say(text)
