"""Fuzzing the command line with facts files, set files, case files, batch JSONL files and filled 自评表
workbooks (tests/hostile/fuzz.py).

Hypothesis draws each input as bytes (random, or the bundled small example
with bytes inserted, deleted and overwritten) or as a structured mutation of
the bundled file, and the commands that read it run in a bounded child
process. Whatever the input, the engine exits 0 or 1 -- never 3, never a
traceback -- within seconds and a bounded amount of memory.

The budget is fixed (FUZZ_EXAMPLES examples per kind of file, half as many
for batch files and forms, the same ones on every run), so CI stays within
about a minute; set SCORING_ENGINE_FUZZ_EXAMPLES to search longer, with new
inputs on each run. Inputs that once escaped are kept as explicit examples.
"""

from __future__ import annotations

import os
from typing import Any

from hostile.bounded import Outcome, run_bounded
from hostile.fuzz import SET_BYTES, batch_inputs, case_inputs, facts_inputs, form_inputs, run_input, set_inputs
from hostile.inputs import Case, clean_run_problems, run_case
from hypothesis import HealthCheck, example, given, settings

SEARCH = os.environ.get("SCORING_ENGINE_FUZZ_EXAMPLES")  # a longer search draws new inputs on each run
FUZZ_EXAMPLES = int(SEARCH or 60)
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=SEARCH is None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
# A batch file or a form is read by several commands, each writing workbooks: half as many examples keep CI as short
FUZZ_SLOW = settings(FUZZ, max_examples=max(FUZZ_EXAMPLES // 2, 1))
WALL_SECONDS = 10.0
PEAK_MB = 150


def _run(kind: str, name: str, data: bytes) -> dict[str, Any]:
    outcome: Outcome = run_bounded(lambda: run_case(Case("fuzz", run_input(kind, name, data))), cpu_limit=20, timeout=30)
    assert "returned" == outcome.status, f"{outcome.status}: {outcome.message}"
    runs: dict[str, Any] = outcome.value
    for command, run in runs.items():
        if command == "written":
            continue
        # `score FACTS` without --set, when the facts name no set, is a wrong command line: exit 2, as documented
        codes = (0, 1, 2) if "Error: no indicator set: pass --set" in run["stderr"] else (0, 1)
        assert [] == clean_run_problems(run, codes), command
    assert outcome.wall_seconds < WALL_SECONDS
    assert outcome.peak_mb < PEAK_MB
    return runs


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


@FUZZ_SLOW
@given(batch_inputs())
def test_any_batch_file_gives_exit_0_or_1_and_complete_outputs(data: bytes) -> None:
    """`batch projects.jsonl` with every output, each project's report and a re-check exits 0 or 1 without a traceback:
    a broken line is a project in error, never the batch's crash (and never a bug of ours, exit 3)."""
    runs = _run("batch", "projects.jsonl", data)
    assert {"out.xlsx", "out.csv", "out.html", "out.jsonl", "compared.xlsx", "compared.html"} == set(runs["written"])
    for name in ("out.xlsx", "compared.xlsx"):
        assert {"汇总", "指标明细", "统计", "需说明", "问题"} <= set(runs["written"][name]), name


@FUZZ_SLOW
@given(form_inputs())
def test_any_filled_form_gives_exit_0_or_1(data: bytes) -> None:
    """A filled 自评表 with cells retyped (formulas, units, errors, hostile text) and rows inserted or deleted: `score`,
    `import` and `batch` read it and exit 0 or 1 without a traceback -- a cell they cannot read is named, never a crash."""
    _run("form", "form.xlsx", data)
