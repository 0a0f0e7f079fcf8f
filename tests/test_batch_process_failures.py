"""The batch when the process itself fails around it (QA193): a standard error or output that is closed, a worker
pool that cannot start its thread, memory that runs out after the outputs are in place, a worker killed mid-report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portfolio import write_jsonl
from scoring_engine import _cli_batch


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
