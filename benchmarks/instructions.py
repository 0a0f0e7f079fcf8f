"""The speed ratios counted in machine instructions, which other work on a shared machine does not disturb.

    python benchmarks/instructions.py [--projects N] [--seeds K]     (about 10 minutes by default)

Timings on a shared two-core machine move by a factor of two from one run
to the next (benchmarks/score_batch.py and batch.py take the min and median of
repeats for that reason). Valgrind's callgrind counts the instructions a
process executes instead, busy machine or not. What still moves a count is the
process itself: its hash seed and where objects land in memory change how
dicts and sets probe, by up to about 3% per project. So each count is taken
with several hash seeds (--seeds, default 3) and the median is shown. A count
is not a time (an instruction that waits for memory costs more than one that
does not), but it says whether a change made a step cheaper.

Each figure is per project: a fresh process does the work for N projects,
another for 3N (the same inputs made for both, the first N or all 3N taken),
and the difference is divided by 2N. What both processes do alike (starting
Python, loading the set, making the inputs, the first project's lazy imports,
a batch's workbook opened and closed) cancels out. The actions:

- hand: the hand-written scorer of the national set (benchmarks/handwritten.py);
- score, scores_only: score() and scores_only() on the same national projects;
- score+to_json: score() and its .to_json(), as a batch writes .jsonl;
- small score: score() on the small example set's generated portfolio
  (tests/portfolio.py), facts already read;
- score_many: score_many() over the same portfolio as JSONL, each outcome
  dropped once made (its Result and row not read);
- batch: `scoring-engine batch` in one process on the same portfolio as JSONL,
  with .xlsx .csv .html (the summaries), and with .csv .html alone;
- load, compose: load_indicator_set() of a 500-leaf set (benchmarks/generate.py)
  and of the national set, and composing the same file with PyYAML's C loader,
  per load (from 1 and 3 loads);
- the command line: a whole `scoring-engine score examples/small/facts.json`
  process, `import scoring_engine` alone, and a bare interpreter, counted
  once each (what the 150 ms goal is about, in instructions).

It needs valgrind (`apt-get install valgrind`); without it, it says so and stops.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))  # the generated portfolio the batch tests use

ACTIONS = ("hand", "score", "scores_only", "score+to_json", "small score", "score_many", "batch summaries",
           "batch .csv .html")
LOADS = ("load 500-leaf", "compose 500-leaf", "load national", "compose national")  # counted per load, from 1 and 3
PROCESSES = {  # counted whole, once each
    "cli score": ["-m", "scoring_engine", "score", "examples/small/facts.json"],
    "import": ["-c", "import scoring_engine"],
    "bare": ["-c", "pass"],
}


def _inner(action: str, count: int, most: int, folder: Path) -> None:
    """Do `action` for the first `count` of `most` projects (the inputs for all `most` are made either way)."""
    from scoring_engine import Facts, load_indicator_set, parse_facts, score

    if action in LOADS:
        import yaml
        from generate import large_set

        path = folder / "set.yaml"
        path.write_text(large_set(500) if "500" in action else (ROOT / "indicator_sets" / "national-framework.yaml")
                        .read_text(encoding="utf-8"), encoding="utf-8")
        for _ in range(count):
            if action.startswith("load"):
                load_indicator_set(path)
            else:
                yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return
    if action in ("hand", "score", "scores_only", "score+to_json"):
        from generate import national_facts
        from handwritten import score_national
        from scoring_engine.engine import scores_only

        national = load_indicator_set("national-framework")
        rng = random.Random(1)
        documents = [national_facts(rng) for _ in range(most)][:count]
        facts = [Facts(values=d["facts"], not_applicable=d.get("not_applicable", {}), project=d["project"])
                 for d in documents]
        _settled()
        if action == "hand":
            for document in documents:
                score_national(document)
        elif action == "score":
            for f in facts:
                score(national, f)
        elif action == "scores_only":
            for f in facts:
                scores_only(national, f)
        else:
            for f in facts:
                score(national, f).to_json()
        return
    from portfolio import SMALL_SET, write_jsonl

    source = folder / f"projects-{count}.jsonl"
    write_jsonl(folder / "all.jsonl", most)
    lines = (folder / "all.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    source.write_text("".join(lines[:count]), encoding="utf-8")
    small = load_indicator_set(SMALL_SET)
    if action == "small score":
        facts = [parse_facts(line) for line in lines]  # all of them read either way: only the scoring is counted
        _settled()
        for f in facts[:count]:
            score(small, f)
        return
    if action == "score_many":
        from collections import deque

        from scoring_engine import score_many
        from scoring_engine.batch import find_documents

        _settled()
        deque(score_many(small, find_documents([source])), maxlen=0)
        return
    from scoring_engine.batch.run import BatchOptions, run_batch

    outputs = ("xlsx", "csv", "html") if action == "batch summaries" else ("csv", "html")
    _settled()
    run_batch(BatchOptions((str(source),), small, 1, tuple(folder / f"out-{count}.{ext}" for ext in outputs)))


def _settled() -> None:
    """Python's collector run once over what was made before the counted work (the set, the inputs), as in a process
    that has been scoring a while: there they sit in the oldest generation. Otherwise one of the two processes may walk
    all of them in a full collection and the other not, which moved a count by half (a set loads with the collector
    held off, so its objects are all still young when the work begins)."""
    import gc

    gc.collect()


def _instructions(action: str, count: int, most: int, seed: int) -> int:
    """What the process doing `action` for `count` projects executes, counted by callgrind, with hash seed `seed`."""
    with tempfile.TemporaryDirectory() as folder:
        arguments = PROCESSES.get(action) or [__file__, "--inner", action, str(count), str(most), folder]
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *arguments],
            capture_output=True, text=True, check=False, env={**os.environ, "PYTHONHASHSEED": str(seed)}, cwd=ROOT)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"{action}: valgrind failed\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--inner":
        action, count, most, folder = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
        _inner(action, count, most, folder)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=20, help="N: the counts are of N and 3N projects (default 20)")
    parser.add_argument("--seeds", type=int, default=3, help="hash seeds each count is taken with; the median is shown")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: this benchmark counts instructions with it (apt-get install valgrind)")
    n, seeds = args.projects, range(1, args.seeds + 1)
    # Bytecode made first: a module whose .pyc is missing or stale is compiled in every process counted, which is no cost
    # of the engine's (with PYTHONDONTWRITEBYTECODE set, the command line counted 860 M for 537 M)
    compileall.compile_dir(ROOT / "scoring_engine", quiet=1)
    jobs = [(action, count, 3 * n, seed) for action in ACTIONS for count in (n, 3 * n) for seed in seeds]
    jobs += [(action, count, 3, seed) for action in LOADS for count in (1, 3) for seed in seeds]
    jobs += [(action, 1, 1, seed) for action in PROCESSES for seed in seeds]
    with ThreadPoolExecutor(max_workers=2) as pool:  # each count runs in its own process under valgrind
        counts = dict(zip(jobs, pool.map(lambda job: _instructions(*job), jobs), strict=True))
    found = {action: [Decimal(counts[action, 3 * n, 3 * n, seed] - counts[action, n, 3 * n, seed]) / (2 * n)
                      for seed in seeds] for action in ACTIONS}
    found.update({action: [Decimal(counts[action, 3, 3, seed] - counts[action, 1, 3, seed]) / 2 for seed in seeds]
                  for action in LOADS})
    found.update({action: [Decimal(counts[action, 1, 1, seed]) for seed in seeds] for action in PROCESSES})
    each = {action: statistics.median(values) for action, values in found.items()}
    print(f"Python {sys.version.split()[0]}; instructions per project (callgrind), from {n} and {3 * n} projects,"
          f" median of {len(seeds)} hash seeds (min–max):")
    for action in ACTIONS:
        low, high = min(found[action]), max(found[action])
        print(f"  {action:18} {each[action] / 1000:9.1f} k  ({low / 1000:.1f}–{high / 1000:.1f})")
    to_json = each["score+to_json"] - each["score"]
    print("national framework:")
    print(f"  score() ÷ hand-written        {each['score'] / each['hand']:5.2f}×   goal ≤ 2×")
    print(f"  scores_only() ÷ hand-written  {each['scores_only'] / each['hand']:5.2f}×")
    print(f"  to_json() ÷ score()           {to_json / each['score']:5.2f}×   goal ≤ 1×")
    print("small example set, the batch in one process:")
    for name in ("batch summaries", "batch .csv .html"):
        print(f"  {name} ÷ score()   {each[name] / each['small score']:5.2f}×   goal ≤ 1.5×")
    print(f"  score_many() ÷ score()        {each['score_many'] / each['small score']:5.2f}×   (reading the facts included)")
    print("loading a set, per load:")
    for name in ("500-leaf", "national"):
        load, compose = each[f"load {name}"], each[f"compose {name}"]
        print(f"  {name:9} load_indicator_set {load / 1000000:6.1f} M, C-loader compose {compose / 1000000:6.1f} M:"
              f"  load ÷ compose {load / compose:5.2f}×   goal ≤ 2×")
    cli, imported, bare = each["cli score"], each["import"], each["bare"]
    print(f"the command line, whole processes: score examples/small/facts.json {cli / 1000000:6.1f} M,"
          f" import scoring_engine {imported / 1000000:6.1f} M, a bare interpreter {bare / 1000000:6.1f} M:"
          f"  score ÷ bare {cli / bare:5.1f}×")


if __name__ == "__main__":
    main()
