"""How fast scoring is, as ratios against baselines measured in the same run.

    python benchmarks/score_batch.py [--projects N] [--repeats R] [--stream M] [--quick]

Prints, in one run (min and median of R interleaved repeats; in-process
figures are CPU time of this process, so that other work on the machine
disturbs them less; the command line figures are wall time):

- (each round of each engine figure under a set freshly loaded and warmed on other
  projects: a set keeps what it made for the values a leaf read, and a round
  after the first would otherwise find every one of its projects made)
- score() on N varied national-framework projects ÷ the hand-written scorer
  of the same set (benchmarks/handwritten.py, the floor), whose total is
  checked equal to the engine's on every project; the same for scores_only();
- to_json() ÷ score() (to_json builds the audit trail the result deferred), on
  results all kept while they are written, and streamed (each result scored,
  written and dropped, as a batch writes .jsonl; to_json's share is score() +
  to_json() less score() in the same round); and, for scale, CPython's C
  JSON encoder writing the same documents already made (the floor of any
  writer);
- score() with every result kept in a list ÷ score() with each dropped: the
  garbage collector walks the results kept (and how many objects each holds);
- projects per second on one core;
- `scoring-engine score examples/small/facts.json` ÷ a bare interpreter, and
  `import scoring_engine`, in milliseconds of wall time;
- load_indicator_set() of a 500-leaf set (benchmarks/generate.py) and of the
  national set ÷ composing the same file with PyYAML's C loader;
- peak memory while streaming M varied projects (default 100,000) through
  score() in a fresh process, results discarded, with the time of each quarter
  (equal quarters: linear time).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402

from generate import large_set, national_facts  # noqa: E402
from handwritten import score_national  # noqa: E402
from scoring_engine import Facts, load_indicator_set, score  # noqa: E402
from scoring_engine._facts_pass import _plain_short  # noqa: E402
from scoring_engine._no_finding import _read_short  # noqa: E402
from scoring_engine.engine import scores_only  # noqa: E402

SMALL_FACTS = ROOT / "examples" / "small" / "facts.json"
NATIONAL = ROOT / "indicator_sets" / "national-framework.yaml"
CLI = Path(sys.executable).with_name("scoring-engine")


def interleaved(repeats: int, actions: dict[str, Callable[[], object]], clock: Callable[[], float] = time.process_time,
                prepare: dict[str, Callable[[], object]] | None = None) -> dict[str, list[float]]:
    """Seconds of each action in each of `repeats` rounds; the actions take turns, so a slow spell hits them all.

    `prepare` gives, for some actions, what to make before each is timed (it is handed to the action).
    """
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeats):
        for name, action in actions.items():
            made = prepare[name]() if prepare and name in prepare else None
            gc.collect()
            start = clock()
            action(made) if made is not None else action()  # type: ignore[call-arg]
            times[name].append(clock() - start)
            del made
    return times


def shown(seconds: list[float], per: int = 1, unit: float = 1e6) -> str:
    return f"min {min(seconds) / per * unit:8.1f}  median {statistics.median(seconds) / per * unit:8.1f}"


def ratio(a: list[float], b: list[float]) -> str:
    return f"{min(a) / min(b):5.2f}× (median {statistics.median(a) / statistics.median(b):5.2f}×)"


def projects(count: int, seed: int) -> tuple[list[dict], list[Facts]]:
    rng = random.Random(seed)
    documents = [national_facts(rng) for _ in range(count)]
    facts = [Facts(values=d["facts"], not_applicable=d.get("not_applicable", {}), project=d["project"]) for d in documents]
    return documents, facts


def check_floor(indicator_set: object, documents: list[dict], facts: list[Facts]) -> None:
    """The hand-written scorer and scores_only agree with score() on every project, or the figures mean nothing."""
    for document, project in zip(documents, facts, strict=True):
        full = score(indicator_set, project)  # type: ignore[arg-type]
        hand = score_national(document)
        quick = scores_only(indicator_set, project)  # type: ignore[arg-type]
        every = {r.id: r.score for r in full.walk()}
        if not (full.total == hand.total == quick.total and every == dict(quick.scores)
                and all(every[k] == v for k, v in hand.scores.items())):
            sys.exit(f"the scorers disagree on {document['project']['name']}: {full.total} {hand.total} {quick.total}")


def scoring(args: argparse.Namespace) -> None:
    indicator_set = load_indicator_set("national-framework")
    documents, facts = projects(args.projects, seed=1)
    check_floor(indicator_set, documents, facts)
    n = len(facts)

    # A set keeps, by the values a leaf read, the reason and the JSON text it made (docs/architecture.md): a round that
    # scored the same projects under the same set before would find them all made. Each round of each action gets a
    # set freshly loaded and warmed on other projects (what is made once per set, on first use, is made), so that it
    # pays what a batch pays for projects it has not seen; the projects of one round still share what they share, as a
    # real batch's do.
    _, others = projects(20, seed=2)

    def fresh() -> Any:
        _read_short.cache_clear()  # what a findings text says is kept per process, not per set: a round reads it anew
        _plain_short.cache_clear()  # (and whether the facts' one walk takes it as it is)
        warmed = load_indicator_set("national-framework")
        for f in others:
            score(warmed, f).to_json()
            scores_only(warmed, f)
        return warmed

    def score_all(s: Any) -> None:  # each result dropped at once, as a batch that writes it out would
        for f in facts:
            score(s, f)

    def scores_all(s: Any) -> None:
        for f in facts:
            scores_only(s, f)

    def keep_all(s: Any) -> None:  # every result kept, as a caller that collects them: the garbage collector walks them all
        kept = [score(s, f) for f in facts]
        del kept

    def json_all(results: list[Any]) -> None:  # results fresh from score(): their audit trail is built here
        for r in results:
            r.to_json()

    def score_and_json(s: Any) -> None:  # as a batch writes .jsonl: each result written, then dropped
        for f in facts:
            score(s, f).to_json()

    # The floor of any writer: CPython's C encoder (json.dumps on one line, its fastest form) on the same documents,
    # already made as plain lists, dicts, text and numbers, so that only the writing is timed.
    made = [json.loads(score(fresh(), f).to_json()) for f in facts]

    def c_encoder() -> None:
        for document in made:
            json.dumps(document, ensure_ascii=False)

    engine = {"score": score_all, "kept": keep_all, "score+to_json": score_and_json, "scores_only": scores_all}
    times = interleaved(args.repeats, {
        "hand": lambda: [score_national(d) for d in documents],
        "c_json": c_encoder,
        **engine,
        "to_json": json_all,
    }, prepare={**{name: fresh for name in engine}, "to_json": lambda: [score(s, f) for s in [fresh()] for f in facts]})
    print(f"national framework, {n} varied projects (totals equal to the hand-written scorer's on every one), µs per project:")
    labels = {"hand": "hand-written", "score": "score()", "kept": "score(), kept", "scores_only": "scores_only()",
              "to_json": "to_json()", "score+to_json": "score()+to_json()", "c_json": "C json.dumps"}
    for name, label in labels.items():
        print(f"  {label:16} {shown(times[name], n)}")
    print(f"  score() ÷ hand-written         {ratio(times['score'], times['hand'])}   goal ≤ 2×")
    print(f"  scores_only() ÷ hand-written   {ratio(times['scores_only'], times['hand'])}")
    print(f"  to_json() ÷ score()            {ratio(times['to_json'], times['score'])}   goal ≤ 1×"
          f"   ({n} results kept while they are written)")
    streamed = [both - alone for both, alone in zip(times["score+to_json"], times["score"], strict=True)]
    print(f"  to_json() ÷ score(), streamed  {ratio(streamed, times['score'])}   goal ≤ 1×"
          "   (each result written, then dropped, as a batch writes .jsonl: score()+to_json() − score() in each round)")
    print(f"  C json.dumps ÷ score()         {ratio(times['c_json'], times['score'])}"
          "   (the floor of writing: CPython's C encoder on the same documents already made, on one line)")
    print(f"  score(), results kept ÷ score(), each dropped  {ratio(times['kept'], times['score'])}"
          f"   ({_tracked_per_result(indicator_set, facts[:100]):.0f} objects per kept result for the garbage collector)")
    print(f"  projects per second, one core: score() {n / min(times['score']):7.0f}"
          f" (median {n / statistics.median(times['score']):.0f})   goal ≥ 3,000")
    print(f"                                 scores_only() {n / min(times['scores_only']):7.0f}"
          f" (median {n / statistics.median(times['scores_only']):.0f})   goal ≥ 10,000")


def _tracked_per_result(indicator_set: Any, facts: list[Facts]) -> float:
    """How many objects the garbage collector tracks for each result kept: what makes keeping results cost time."""
    gc.collect()
    before = len(gc.get_objects())
    kept = [score(indicator_set, f) for f in facts]
    gc.collect()
    grown = len(gc.get_objects()) - before - 1  # the list itself
    del kept
    return grown / len(facts)


# As an installed package runs: Python keeps each module's bytecode (pip compiles it at install; PYTHONDONTWRITEBYTECODE,
# which this machine sets, would make every run compile every module of the package again).
_INSTALLED = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


# What `scoring-engine score` imports that is not ours: its floor on this machine, whatever the engine does.
_LIBRARIES = ("import click, yaml, decimal, dataclasses, typing, json, hashlib, pathlib, datetime, fractions, ast, re, "
              "unicodedata, inspect, signal, string, base64, locale, gettext")


def run_wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT, env=_INSTALLED)
    return time.perf_counter() - start


def command_line(args: argparse.Namespace) -> None:
    python = sys.executable
    score_small = [str(CLI), "score", str(SMALL_FACTS.relative_to(ROOT))]
    run_wall(score_small)  # once, so that the package's bytecode is there, as after pip install
    times = interleaved(args.repeats * 2, {
        "bare": lambda: run_wall([python, "-c", "pass"]),
        "import": lambda: run_wall([python, "-c", "import scoring_engine"]),
        "libraries": lambda: run_wall([python, "-c", _LIBRARIES]),
        "cli": lambda: run_wall(score_small),
    }, clock=time.perf_counter)
    print("command line, wall time in ms (bytecode kept, as installed):")
    for name, label in (("bare", "python -c pass"), ("import", "import scoring_engine"),
                        ("libraries", "the libraries it needs"), ("cli", "scoring-engine score small")):
        print(f"  {label:28} {shown(times[name], unit=1e3)}")
    print("  (the libraries it needs: importing click, PyYAML and the standard modules the command uses, and nothing of ours:"
          " the floor of its start)")
    print(f"  scoring-engine score ÷ bare interpreter  {ratio(times['cli'], times['bare'])}   goal ≤ 150 ms wall")
    print(f"  import scoring_engine ÷ bare interpreter {ratio(times['import'], times['bare'])}   goal ≤ 60 ms wall")


def loading(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder, "large.yaml")
        large.write_text(large_set(500), encoding="utf-8")
        print("loading, ms of CPU (load_indicator_set reads, checks, validates and compiles the set):")
        for label, path in (("500-leaf set", large), ("national framework", NATIONAL)):
            text = path.read_text(encoding="utf-8")
            values = _count(yaml.compose(text, Loader=yaml.CSafeLoader))
            times = interleaved(args.repeats, {
                "compose": lambda text=text: yaml.compose(text, Loader=yaml.CSafeLoader),
                "load": lambda path=path: load_indicator_set(path),
            })  # CPU time, as the other in-process figures
            print(f"  {label} ({values} YAML values, {len(text.encode()) // 1000} KB)")
            print(f"    C-loader compose     {shown(times['compose'], unit=1e3)}")
            print(f"    load_indicator_set   {shown(times['load'], unit=1e3)}")
            print(f"    load ÷ C compose     {ratio(times['load'], times['compose'])}   goal ≤ 2× (500 leaves: < 200 ms)")


def _count(node: yaml.Node) -> int:
    if isinstance(node, yaml.MappingNode):
        return 1 + sum(_count(k) + _count(v) for k, v in node.value)
    if isinstance(node, yaml.SequenceNode):
        return 1 + sum(_count(v) for v in node.value)
    return 1


def streaming(args: argparse.Namespace) -> None:
    """Run this script with --stream-child in a fresh process; it prints its peak memory and the time of each quarter."""
    print(f"streaming {args.stream} varied projects through score() in one process, results discarded:")
    done = subprocess.run([sys.executable, __file__, "--stream-child", str(args.stream)], capture_output=True, text=True,
                          check=True)
    print(done.stdout, end="")


def stream_child(count: int) -> None:
    indicator_set = load_indicator_set("national-framework")
    rng = random.Random(7)
    quarter = count // 4
    quarters: list[float] = []
    start = time.process_time()
    for i in range(1, count + 1):
        document = national_facts(rng)
        facts = Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}), project=document["project"])
        score(indicator_set, facts).total  # noqa: B018 - read, then dropped
        if i % quarter == 0:
            now = time.process_time()
            quarters.append(now - start)
            start = now
    print(f"  peak RSS {_peak_rss_mb():.0f} MB   goal < 300 MB")
    print(f"  each quarter of {quarter} projects, s (with generating the facts): "
          + ", ".join(f"{q:.1f}" for q in quarters) + f"   last ÷ first {quarters[-1] / quarters[0]:.2f}")


def _peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM, which exec resets (ru_maxrss keeps the parent's peak from before exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--stream", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="fewer projects and repeats, a shorter stream")
    parser.add_argument("--only", choices=["scoring", "cli", "loading", "streaming"], help="run one part only")
    parser.add_argument("--stream-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_child:
        stream_child(args.stream_child)
        return
    if args.quick:
        args.projects, args.repeats, args.stream = 200, 3, 8000
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    parts = {"scoring": scoring, "cli": command_line, "loading": loading, "streaming": streaming}
    for name, part in parts.items():
        if args.only in (None, name):
            part(args)


if __name__ == "__main__":
    main()
