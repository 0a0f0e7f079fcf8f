"""How fast scoring is, as ratios against baselines measured in the same run.

    python benchmarks/score_batch.py [N]

Scores the small example N times (default 2000) with one loaded set, as a
batch of self-evaluations would, and compares with two baselines that any
scoring must at least pay for: decoding the facts JSON, and checking the facts
against the set's declarations. Loading (parsing, validating and compiling)
the set is timed against reading its YAML with PyYAML's safe loader.
"""

from __future__ import annotations

import json
import sys
import time
from decimal import Decimal
from pathlib import Path

import yaml

from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.facts import check_facts

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "examples" / "small" / "set.yaml"
FACTS = ROOT / "examples" / "small" / "facts.json"


def best_of(runs: int, action) -> float:
    """Best wall time of `runs` runs of `action` (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    indicator_set = load_indicator_set(SET)
    facts = load_facts(FACTS)
    text = FACTS.read_text(encoding="utf-8")
    set_text = SET.read_text(encoding="utf-8")

    decode = best_of(5, lambda: [json.loads(text, parse_float=Decimal) for _ in range(n)])
    check = best_of(5, lambda: [check_facts(indicator_set, facts) for _ in range(n)])
    scoring = best_of(5, lambda: [score(indicator_set, facts) for _ in range(n)])
    to_json = best_of(5, lambda: [score(indicator_set, facts).to_json() for _ in range(n)])
    read_yaml = best_of(5, lambda: [yaml.safe_load(set_text) for _ in range(20)])
    load = best_of(5, lambda: [load_indicator_set(SET) for _ in range(20)])

    leaves = sum(1 for node in indicator_set.walk() if node.is_leaf)
    print(f"example set: {leaves} scored indicators, {len(indicator_set.facts)} facts, {len(indicator_set.derived)} derived")
    print(f"score():               {scoring / n * 1e6:8.1f} µs/project  = {scoring / decode:5.1f} × decoding the facts JSON"
          f", {scoring / check:4.1f} × checking the facts")
    print(f"score() + to_json():   {to_json / n * 1e6:8.1f} µs/project  = {to_json / decode:5.1f} × decoding the facts JSON")
    print(f"projects per second:   {n / scoring:8.0f} (one core)")
    print(f"load_indicator_set():  {load / 20 * 1e3:8.2f} ms/set      = {load / read_yaml:5.1f} × yaml.safe_load of the same file")


if __name__ == "__main__":
    main()
