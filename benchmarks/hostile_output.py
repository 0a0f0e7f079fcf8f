"""How the writing side fares against its hostile corpora: cases per class, the slowest case, the largest memory.

    python benchmarks/hostile_output.py

Runs every case of tests/hostile/reports.py (hostile text rendered in every
format), tests/hostile/output.py (hostile --output targets, names, signals) and
tests/hostile/terminal.py (standard output's failures, terminal lines), each in its own bounded child process exactly as
the tests do, checks each as the tests do, and prints per class: how many
cases, how many were skipped (a device node needs root), how many failed their
check, the slowest case in CPU seconds (the child and any command-line process
it started) and the largest peak memory growth (the child's, or a command-line
process's whole peak).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile.bounded import Outcome, run_bounded  # noqa: E402
from hostile.output import CLASSES as OUTPUT_CLASSES  # noqa: E402
from hostile.output import OutputCase, output_cases  # noqa: E402
from hostile.terminal import CLASSES as TERMINAL_CLASSES  # noqa: E402
from hostile.terminal import terminal_cases  # noqa: E402
from hostile.reports import CLASSES as REPORT_CLASSES  # noqa: E402
from hostile.reports import example_result, poisoned, render_all, text_cases, violations  # noqa: E402


class Tally:
    """Counts and extremes for one class."""

    def __init__(self) -> None:
        self.cases = self.skipped = self.failed = 0
        self.slowest = (0.0, "")  # CPU seconds, case
        self.peak = (0.0, "")  # MB, case

    def add(self, name: str, cpu: float, mb: float, failed: bool, skipped: bool = False) -> None:
        self.cases += 1
        self.skipped += skipped
        self.failed += failed
        self.slowest = max(self.slowest, (cpu, name))
        self.peak = max(self.peak, (mb, name))


def _in_scratch(case: OutputCase) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        return case.run(Path(folder))


def _output_row(tally: Tally, case: OutputCase, outcome: Outcome, failures: list[str]) -> None:
    value = outcome.value if outcome.status == "returned" else {}
    cpu = outcome.cpu_seconds + value.get("child_cpu", 0.0)
    mb = max(outcome.peak_mb, value.get("child_mb", 0.0))
    failed = outcome.status != "returned" or bool(value.get("violations"))
    if failed:
        failures.append(f"{case.id}: {outcome.status} {outcome.message or ''} {value.get('violations', '')}")
    tally.add(case.id, cpu, mb, failed, "skipped" in value)


def main() -> None:
    started = time.perf_counter()
    rows: dict[str, Tally] = defaultdict(Tally)
    failures: list[str] = []
    base = example_result()
    render_all(base)  # imports every renderer before the children fork
    for case in text_cases():
        outcome = run_bounded(lambda case=case: render_all(poisoned(base, case)), cpu_limit=5, timeout=30)
        found = violations(outcome.value, poisoned(base, case)) if outcome.status == "returned" else [outcome.status]
        if found:
            failures.append(f"{case.id}: {found[:3]}")
        rows[f"reports: {case.cls}"].add(case.id, outcome.cpu_seconds, outcome.peak_mb, bool(found))
    for case in output_cases() + terminal_cases():
        outcome = run_bounded(lambda case=case: _in_scratch(case), cpu_limit=10, timeout=60)
        _output_row(rows[f"output: {case.cls}"], case, outcome, failures)

    order = [f"reports: {c}" for c in REPORT_CLASSES] + [f"output: {c}" for c in OUTPUT_CLASSES + TERMINAL_CLASSES]
    print(f"{'corpus: class':20} {'cases':>5} {'skip':>4} {'fail':>4}  {'slowest case (CPU)':>42}  {'peak MB':>30}")
    total = Tally()
    for name in order:
        row = rows[name]
        total.cases, total.skipped, total.failed = total.cases + row.cases, total.skipped + row.skipped, total.failed + row.failed
        total.slowest, total.peak = max(total.slowest, row.slowest), max(total.peak, row.peak)
        print(f"{name:20} {row.cases:5} {row.skipped:4} {row.failed:4}  {row.slowest[0] * 1000:8.1f}"
              f" ms {row.slowest[1][:30]:>30}  "
              f"{row.peak[0]:6.1f} {row.peak[1][:23]:>23}")
    print(f"{'all':20} {total.cases:5} {total.skipped:4} {total.failed:4}  {total.slowest[0] * 1000:8.1f}"
          f" ms {total.slowest[1][:30]:>30}  "
          f"{total.peak[0]:6.1f} {total.peak[1][:23]:>23}")
    print(f"\nwall time for all {total.cases} cases: {time.perf_counter() - started:.1f} s")
    if failures:
        print("\nFAILED (the tests fail on these):")
        print("\n".join(f"  {line}" for line in failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
