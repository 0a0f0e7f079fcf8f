"""How the engine fares against the hostile corpora: cases per class, slowest refusal, peak memory.

    python benchmarks/hostile_corpus.py

Runs every case of tests/hostile/ -- the formulas of formulas.yaml, the
indicator-set files of sets/ and the facts files of facts/, with the generated
ones -- each in its own forked child process bounded in CPU time and address
space (tests/hostile/bounded.py), exactly as the tests do, and prints:

- per class of formula and per corpus: how many cases, how many refused when
  the set loads, how many stopped while scoring, how many legitimate edges
  still work, and anything that escaped (which the tests would fail on);
- the slowest refusal by the engine itself (compiling a formula, loading a
  set, loading and checking facts), and the slowest case end to end (API and
  command line together);
- the largest growth of a child's peak resident memory.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile.bounded import Outcome, run_bounded  # noqa: E402
from hostile.corpus import (  # noqa: E402
    CLASSES,
    facts_cases,
    formula_cases,
    set_cases,
    try_facts_file,
    try_formula,
    try_set_file,
)


class Tally:
    """Counts and extremes for one row of the table."""

    def __init__(self) -> None:
        self.cases = self.load = self.score = self.ok = self.escaped = 0
        self.slowest_engine = (0.0, "")  # seconds the engine itself took to refuse, case
        self.slowest_case = (0.0, "")  # CPU seconds of the whole case (API and CLI)
        self.peak = (0.0, "")  # MB

    def add(self, name: str, outcome: Outcome, verdict: str, engine_seconds: float) -> None:
        self.cases += 1
        setattr(self, verdict, getattr(self, verdict) + 1)
        if verdict != "ok":
            self.slowest_engine = max(self.slowest_engine, (engine_seconds, name))
        self.slowest_case = max(self.slowest_case, (outcome.cpu_seconds, name))
        self.peak = max(self.peak, (outcome.peak_mb, name))

    def merge(self, other: Tally) -> None:
        for field in ("cases", "load", "score", "ok", "escaped"):
            setattr(self, field, getattr(self, field) + getattr(other, field))
        self.slowest_engine = max(self.slowest_engine, other.slowest_engine)
        self.slowest_case = max(self.slowest_case, other.slowest_case)
        self.peak = max(self.peak, other.peak)


def _verdict(outcome: Outcome, error_key: str, expect_ok: bool = False) -> str:
    if outcome.status != "returned":
        return "escaped"
    error = outcome.value.get(error_key)
    if error is None:
        return "ok" if expect_ok else "escaped"
    if not error["ours"]:
        return "escaped"
    return "score" if error["type"] == "ScoringError" else "load"


def main() -> None:
    started = time.perf_counter()
    rows: dict[str, Tally] = defaultdict(Tally)
    escaped: list[str] = []
    for case in formula_cases():
        outcome = run_bounded(lambda case=case: try_formula(case.formula, case.stage == "ok"), cpu_limit=5, timeout=20)
        verdict = _verdict(outcome, "error", expect_ok=case.stage == "ok")
        seconds = outcome.value.get("formula_seconds", 0.0) if outcome.status == "returned" else 0.0
        rows[f"formulas: {case.cls}"].add(case.id, outcome, verdict, seconds)
        if verdict == "escaped" or (verdict == "ok") != (case.stage == "ok"):
            escaped.append(f"formula {case.id}: {outcome.status} {outcome.message or ''}")
    for corpus, cases, attempt in (("sets", set_cases(), try_set_file), ("facts", facts_cases(), try_facts_file)):
        for case in cases:
            outcome = run_bounded(lambda case=case, attempt=attempt: attempt(case), cpu_limit=5, timeout=30)
            verdict = _verdict(outcome, "error")
            seconds = outcome.value.get("load_seconds", 0.0) if outcome.status == "returned" else 0.0
            rows[corpus].add(case.name, outcome, verdict, seconds)
            if verdict in ("escaped", "ok"):
                escaped.append(f"{corpus} {case.name}: {outcome.status} {outcome.message or ''}")

    order = [f"formulas: {c}" for c in CLASSES] + ["formulas: ok", "sets", "facts"]
    print(f"{'corpus / class':26} {'cases':>5} {'load':>5} {'score':>5} {'ok':>4} {'esc':>4}  "
          f"{'slowest refusal':>28}  {'slowest case (CPU)':>30}  {'peak MB':>7}")
    total = Tally()
    for name in order:
        row = rows[name]
        total.merge(row)
        print(f"{name:26} {row.cases:5} {row.load:5} {row.score:5} {row.ok:4} {row.escaped:4}  "
              f"{row.slowest_engine[0] * 1000:8.1f} ms {row.slowest_engine[1][:16]:>16}  "
              f"{row.slowest_case[0] * 1000:8.1f} ms {row.slowest_case[1][:18]:>18}  {row.peak[0]:7.1f}")
    print(f"{'all':26} {total.cases:5} {total.load:5} {total.score:5} {total.ok:4} {total.escaped:4}  "
          f"{total.slowest_engine[0] * 1000:8.1f} ms {total.slowest_engine[1][:16]:>16}  "
          f"{total.slowest_case[0] * 1000:8.1f} ms {total.slowest_case[1][:18]:>18}  {total.peak[0]:7.1f}")
    print()
    print(f"slowest refusal by the engine: {total.slowest_engine[0] * 1000:.1f} ms ({total.slowest_engine[1]})")
    print(f"slowest case, API and CLI together: {total.slowest_case[0] * 1000:.1f} ms CPU ({total.slowest_case[1]})")
    print(f"largest peak memory growth of a case: {total.peak[0]:.1f} MB ({total.peak[1]})")
    print(f"wall time for all {total.cases} cases: {time.perf_counter() - started:.1f} s")
    if escaped:
        print("\nESCAPED (the tests fail on these):")
        print("\n".join(f"  {line}" for line in escaped))
        sys.exit(1)


if __name__ == "__main__":
    main()
