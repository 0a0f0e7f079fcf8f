"""How the engine fares against the hostile inputs of the second round: cases per class, worst time, worst memory.

    python benchmarks/hostile_input.py [FUZZ_EXAMPLES]

Runs every case of each class -- numbers small to write and huge to print,
paths named inside files, special files and standard input, facts given twice,
deep derived chains, hostile decimal contexts, wrong shapes and hidden
characters, and the fuzzed facts, set and case files (FUZZ_EXAMPLES per kind,
60 by default as in CI) -- each in its own forked child bounded in CPU time and
address space (tests/hostile/bounded.py), exactly as the tests do, and prints
per class how many cases there are, how many escaped (exit 3, a traceback, a
hang: the tests fail on these), the slowest case (CPU and wall time) and the
largest growth of a child's peak resident memory.
"""

from __future__ import annotations

import decimal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile.big_numbers import number_cases  # noqa: E402
from hostile.bounded import Outcome, run_bounded  # noqa: E402
from hostile.chains import chain_cases  # noqa: E402
from hostile.fuzz import case_inputs, facts_inputs, run_input, set_inputs  # noqa: E402
from hostile.inputs import Case, clean_run_problems, run_case  # noqa: E402
from hostile.paths import path_cases  # noqa: E402
from hostile.shapes import shape_cases  # noqa: E402
from hostile.special_files import special_cases, stdin_cases  # noqa: E402
from hostile.spellings import spelling_cases  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402


def _escaped(value: Any) -> bool:
    """Whether any command-line run in a case's result escaped (exit 3 or 2 but for a missing --set, a traceback)."""
    if isinstance(value, dict) and "code" in value and "stderr" in value:
        codes = (0, 1, 2) if "Error: no indicator set: pass --set" in value["stderr"] else (0, 1)
        return bool(clean_run_problems(value, codes))
    if isinstance(value, dict):
        return any(_escaped(v) for v in value.values())
    return False


class Row:
    """One class: its cases' count, escapes, slowest case and largest memory growth."""

    def __init__(self, name: str):
        self.name = name
        self.cases = self.escaped = 0
        self.cpu = (0.0, "")
        self.wall = (0.0, "")
        self.peak = (0.0, "")

    def add(self, case: str, outcome: Outcome) -> None:
        self.cases += 1
        self.escaped += outcome.status != "returned" or _escaped(outcome.value)
        self.cpu = max(self.cpu, (outcome.cpu_seconds, case))
        self.wall = max(self.wall, (outcome.wall_seconds, case))
        own = outcome.value.get("process_peak_mb", 0.0) if isinstance(outcome.value, dict) else 0.0  # a process of its own
        self.peak = max(self.peak, (max(outcome.peak_mb, own), case))

    def line(self) -> str:
        return (f"{self.name:22} {self.cases:5} {self.escaped:4}  {self.cpu[0] * 1000:8.1f} ms {self.cpu[1][:28]:>28}  "
                f"{self.wall[0] * 1000:8.1f} ms  {self.peak[0]:6.1f} MB {self.peak[1][:28]:>28}")


def _corpus(name: str, cases: list[Case]) -> Row:
    row = Row(name)
    for case in cases:
        row.add(case.name, run_bounded(lambda case=case: run_case(case), cpu_limit=20, timeout=60))
    return row


def _contexts() -> Row:
    """The whole pipeline of each example under each hostile context, against the default context's bytes."""
    import test_hostile_context as contexts

    row = Row("6 decimal contexts")
    for example in contexts.EXAMPLES:
        expected = contexts._everything(example)
        for name, context in contexts.HOSTILE.items():
            def work(context: decimal.Context = context, example: Path = example,
                     expected: dict[str, Any] = expected) -> dict[str, Any]:
                with decimal.localcontext(context):
                    seen = contexts._everything(example)
                return {"differs": [k for k, v in expected.items() if seen[k] != v]}

            outcome = run_bounded(work, cpu_limit=20, timeout=60)
            if outcome.status == "returned" and outcome.value["differs"]:
                outcome.status = f"differs: {outcome.value['differs']}"
            row.add(f"{example.name}/{name}", outcome)
    return row


def _fuzz(examples: int) -> Row:
    """The inputs tests/test_fuzz.py draws (the same ones, for the same budget), each run as the test runs it."""
    fuzz = settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    tried: list[tuple[str, Callable[[Path], dict[str, Any]]]] = []

    def collector(kind: str) -> Callable[[Callable[[Path], dict[str, Any]]], None]:
        return lambda work: tried.append((kind, work))

    for kind, strategy in (("facts", facts_inputs().map(lambda named: run_input("facts", *named))),
                           ("set", set_inputs().map(lambda data: run_input("set", "set.yaml", data))),
                           ("cases", case_inputs().map(lambda data: run_input("cases", "s.cases.yaml", data)))):
        fuzz(given(strategy)(collector(kind)))()
    row = Row("8 fuzz")
    for i, (kind, work) in enumerate(tried):
        row.add(f"{kind}-{i}", run_bounded(lambda work=work: run_case(Case("fuzz", work)), cpu_limit=20, timeout=60))
    return row


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    started = time.perf_counter()
    rows = [
        _corpus("1 numbers", number_cases()),
        _corpus("2 paths", path_cases()),
        _corpus("3 special files", special_cases()),
        _corpus("3 standard input", stdin_cases()),
        _corpus("4 spellings", spelling_cases()),
        _corpus("5 derived chains", chain_cases()),
        _contexts(),
        _corpus("7 shapes and names", shape_cases()),
        _fuzz(examples),
    ]
    print(f"{'class':22} {'cases':>5} {'esc':>4}  {'slowest case (CPU)':>40}  {'(wall)':>11}  {'peak memory growth':>38}")
    for row in rows:
        print(row.line())
    print(f"\nall: {sum(r.cases for r in rows)} cases, {sum(r.escaped for r in rows)} escaped, "
          f"wall time {time.perf_counter() - started:.1f} s")
    if any(r.escaped for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
