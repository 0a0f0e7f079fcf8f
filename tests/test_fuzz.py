"""Fuzzing the command line with facts files, set files and case files (tests/hostile/fuzz.py).

Hypothesis draws each input as bytes (random, or the bundled small example
with bytes inserted, deleted and overwritten) or as a structured mutation of
the bundled file, and the commands that read it run in a bounded child
process. Whatever the input, the engine exits 0 or 1 -- never 3, never a
traceback -- within seconds and a bounded amount of memory.

The budget is fixed (FUZZ_EXAMPLES examples per kind of file, the same ones on
every run), so CI stays within about half a minute; set SCORING_ENGINE_FUZZ_EXAMPLES
to search longer, with new inputs on each run. Inputs that once escaped are kept
as explicit examples.
"""

from __future__ import annotations

import os
from typing import Any

from hostile.bounded import Outcome, run_bounded
from hostile.fuzz import SET_BYTES, case_inputs, facts_inputs, run_input, set_inputs
from hostile.inputs import Case, clean_run_problems, run_case
from hypothesis import HealthCheck, example, given, settings

SEARCH = os.environ.get("SCORING_ENGINE_FUZZ_EXAMPLES")  # a longer search draws new inputs on each run
FUZZ_EXAMPLES = int(SEARCH or 60)
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=SEARCH is None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
WALL_SECONDS = 10.0
PEAK_MB = 150


def _run(kind: str, name: str, data: bytes) -> None:
    outcome: Outcome = run_bounded(lambda: run_case(Case("fuzz", run_input(kind, name, data))), cpu_limit=20, timeout=30)
    assert "returned" == outcome.status, f"{outcome.status}: {outcome.message}"
    runs: dict[str, Any] = outcome.value
    for command, run in runs.items():
        # `score FACTS` without --set, when the facts name no set, is a wrong command line: exit 2, as documented
        codes = (0, 1, 2) if "Error: no indicator set: pass --set" in run["stderr"] else (0, 1)
        assert [] == clean_run_problems(run, codes), command
    assert outcome.wall_seconds < WALL_SECONDS
    assert outcome.peak_mb < PEAK_MB


@FUZZ
@given(facts_inputs())
def test_any_facts_file_gives_exit_0_or_1(named: tuple[str, bytes]) -> None:
    """`score FACTS --set set.yaml` and `score FACTS` exit 0 or 1 without a traceback, in seconds and bounded memory."""
    _run("facts", *named)


@FUZZ
@given(set_inputs())
@example(SET_BYTES.replace(b"- {max: 0.9, points: 0}", b"- {points: 0}", 1))  # a band with neither min nor max beside others
def test_any_set_file_gives_exit_0_or_1(data: bytes) -> None:
    """`validate SET` and `score facts.json --set SET` exit 0 or 1 without a traceback, in seconds and bounded memory."""
    _run("set", "set.yaml", data)


@FUZZ
@given(case_inputs())
def test_any_case_file_gives_exit_0_or_1(data: bytes) -> None:
    """`test CASES` exits 0 or 1 without a traceback, in seconds and bounded memory."""
    _run("cases", "s.cases.yaml", data)
