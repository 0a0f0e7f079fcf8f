"""What the corpora of hostile inputs share: a case, running the command line in-process, and judging its run.

Each class of hostile input (numbers, paths, special files, spellings, derived
chains, decimal contexts, shapes) keeps its cases in its own module next to
this one. A case is a name and a `work` function that builds its inputs in a
scratch folder and runs them -- through the command line and, where there is
one, the Python API -- returning what happened as plain data. The tests run
each case's work in a bounded child process (`bounded.run_bounded`) and judge
the data in the parent; benchmarks/hostile_input.py runs the same cases and
prints, per class, how many there are and the worst time and memory of any.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hostile.bounded import Outcome, run_all

from scoring_engine import ScoringEngineError
from scoring_engine.cli import EXIT_INTERNAL, main

ROOT = Path(__file__).resolve().parent.parent.parent
SMALL = ROOT / "examples" / "small"


@dataclass(frozen=True)
class Case:
    """One hostile input: `work(folder)` builds it in the scratch `folder`, runs it and returns what happened."""

    name: str
    work: Callable[[Path], dict[str, Any]]
    expect: dict[str, Any] = field(default_factory=dict)  # what the class's tests check, beyond a clean run


def run_each(cases: Sequence[Case], cpu_limit: int = 10, timeout: int = 60) -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child (a hang is killed after `timeout` seconds): outcomes by name."""
    runs = run_all([functools.partial(run_case, case) for case in cases], cpu_limit=cpu_limit, timeout=timeout)
    return {case.name: outcome for case, outcome in zip(cases, runs, strict=True)}


def case_ids(cases: Sequence[Case]) -> list[str]:
    """The cases' names, as pytest's ids."""
    return [c.name for c in cases]


def run_case(case: Case) -> dict[str, Any]:
    """The case's work in a fresh scratch folder, which is also the working folder while it runs."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch).resolve()
        with inside(folder):
            return case.work(folder)


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run with `folder` as the working folder."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def cli(args: Sequence[str], stdin: bytes | None = None) -> dict[str, Any]:
    """`scoring-engine ARGS` in this process: exit code, standard output and error, and any exception that escaped."""
    done = CliRunner().invoke(main, list(args), input=stdin)
    crash = done.exception if done.exception and not isinstance(done.exception, SystemExit) else None
    return {"code": done.exit_code, "stdout": done.stdout, "stderr": done.stderr, "exception": repr(crash) if crash else None}


def api(call: Callable[[], Any]) -> dict[str, Any]:
    """What a call of the Python API did: returned (with the value) or raised (which error, ours or not, and its text)."""
    try:
        return {"returned": call()}
    except Exception as err:
        ours = isinstance(err, ScoringEngineError)
        return {"raised": type(err).__name__, "ours": ours, "text": str(err)[:20_000],
                "problems": [dict(p.__dict__) for p in err.problems] if isinstance(err, ScoringEngineError) else []}


def clean_run_problems(run: dict[str, Any], codes: tuple[int, ...] = (0, 1)) -> list[str]:
    """What is wrong with a command-line run of hostile input: an exception, exit 3, a traceback, a code not in `codes`."""
    found = []
    if run["exception"]:
        found.append(f"exception escaped: {run['exception']}")
    if run["code"] == EXIT_INTERNAL or "internal error" in run["stderr"]:
        found.append(f"internal error: {run['stderr'][:500]}")
    if "Traceback" in run["stderr"] or "Traceback" in run["stdout"]:
        found.append("a traceback was printed")
    if run["code"] not in codes:
        found.append(f"exit code {run['code']}, expected one of {codes}: {run['stderr'][:500]}")
    return found


def error_lines(run: dict[str, Any]) -> list[str]:
    """The `error:` lines a run printed."""
    return [line for line in run["stderr"].splitlines() if line.startswith("error: ")]
