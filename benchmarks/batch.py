"""How fast and how lean `scoring-engine batch` is, as ratios against score() measured in the same run.

    python benchmarks/batch.py [N] [--big COUNT]

1. Throughput per core: N generated projects (default 2000, the small example
   set varied as in tests/portfolio.py) from a JSONL file through the whole
   batch in one process (reading, scoring, rows, statistics, outputs), in CPU
   seconds per project, against in-process score() on facts already loaded,
   against score() with its audit trail read (what score() did as it scored
   when the goal was set: build every reason, which the batch's 指标明细 shows)
   and against parse_facts() + score(). Each result is dropped once made, as
   the batch drops each project once written (score() with every result kept
   in a list is shown apart: the garbage collector then walks them all, and
   takes about as long as scoring). Each figure is the best of 5 runs, taken
   in turn with the others, with the median beside it. The outputs are .csv
   and .html alone (the summary-only path, scored by scores_only), the
   summaries (.xlsx .csv .html), then the same with .jsonl (a full result
   document per project).
2. The workbook writer: µs per 指标明细 row of the streaming writer against
   openpyxl's write-only mode on the same rows.
3. --jobs 2 against --jobs 1: wall time of the command on the same input, and
   CPU seconds per project across all its processes; then, with --jobs 2, the
   CPU the parent process spends per project (it reads the input, hands out
   the work and writes every output in order) against the workers': the
   parent's share bounds the speed-up whatever the number of cores, and it is
   steadier than a wall clock on a shared machine.
4. COUNT projects (default 100,000) streamed from JSONL by the command with
   --jobs 2 and every summary output: wall time, and the peak RSS of the
   largest process, beside the same for a tenth as many (memory must not grow
   with the batch).
5. Filled forms: score_many() over 自评表 workbooks (`score --layout selfeval`
   of the first projects, each copied FORM_COPIES times) against the same
   projects as JSON documents, CPU seconds per project: what reading a form
   adds (openpyxl parsing the workbook, the form's cells checked).

Every case of section 1 runs under a set freshly loaded and warmed on other
projects: a set keeps what it made for the values a leaf read, and a round
after the first would otherwise find all its projects made.

CPU time, not wall time, is what "per core" means here: other work on the
machine slows the wall clock but not the CPU a process spends.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the generated portfolio the batch tests use

from portfolio import SMALL_SET, beside_the_set, write_jsonl  # noqa: E402

from scoring_engine import load_indicator_set, parse_facts, score  # noqa: E402
from scoring_engine.batch import find_documents, score_many  # noqa: E402
from scoring_engine.batch.run import BatchOptions, run_batch  # noqa: E402
from scoring_engine.reports.batch_tables import detail_header, detail_rows  # noqa: E402

RUNS = 5


def cpu(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def best_and_median(action: Callable[[], object]) -> tuple[float, float]:
    times = [cpu(action) for _ in range(RUNS)]
    return min(times), statistics.median(times)


def throughput(n: int, folder: Path) -> None:
    source = folder / "projects.jsonl"
    write_jsonl(source, n)
    indicator_set = load_indicator_set(SMALL_SET)
    lines = source.read_text(encoding="utf-8").splitlines()
    facts = [parse_facts(line) for line in lines]
    summaries = tuple(folder / f"out.{ext}" for ext in ("xlsx", "csv", "html"))
    summary_only = (folder / "out.csv", folder / "out.html")

    # Each result is dropped once made, as the batch drops each project once written: a list of every result would
    # have the garbage collector walk them all again and again (about twice the time of score(), shown apart).
    def each(make: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                make(item)
        return run

    # Every case of every round under a set freshly loaded and warmed on other projects: a set keeps what it made for
    # the values a leaf read (reasons, JSON text), and would otherwise find the projects of every round after the first
    # made already.
    write_jsonl(folder / "others.jsonl", 20, seed=7)
    others = [parse_facts(line) for line in (folder / "others.jsonl").read_text(encoding="utf-8").splitlines()]

    def fresh() -> Any:
        warmed = load_indicator_set(SMALL_SET)
        for f in others:
            score(warmed, f).to_json()
        return warmed

    cases: dict[str, Callable[[Any], object]] = {
        "score() on loaded facts": lambda s: each(lambda f: score(s, f), facts)(),
        # score() as it was when the goal was set: it built the audit trail (every reason) as it scored
        "score(), audit trail read": lambda s: each(lambda f: score(s, f).indicators, facts)(),
        "score(), every result kept": lambda s: [score(s, f) for f in facts],
        "parse_facts() + score()": lambda s: each(lambda line: score(s, parse_facts(line)), lines)(),
        "score_many()": lambda s: deque(score_many(s, find_documents([source])), maxlen=0),
        "batch, .csv .html": lambda s: run_batch(BatchOptions((str(source),), s, 1, summary_only)),
        "batch, summaries": lambda s: run_batch(BatchOptions((str(source),), s, 1, summaries)),
        "batch, summaries + jsonl": lambda s: run_batch(BatchOptions((str(source),), s, 1, (*summaries, folder / "out.jsonl"))),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(RUNS):  # round after round, so that a busy spell on the machine does not fall on one case only
        for name, action in cases.items():
            made = fresh()
            times[name].append(cpu(lambda: action(made)))  # noqa: B023 - called at once, in this iteration
    measured = {name: (min(found), statistics.median(found)) for name, found in times.items()}
    base = measured["score() on loaded facts"][0]
    print(f"1. throughput, {n} projects of the small example set ({sum(1 for _ in indicator_set.walk())} indicators), "
          "one process, CPU time")
    with_audit = measured["score(), audit trail read"][0]
    for name, (best, median) in measured.items():
        print(f"   {name:28} {best / n * 1e6:7.0f} µs/project (median {median / n * 1e6:7.0f})  = {best / base:4.2f} × score()"
              f"  = {best / with_audit:4.2f} × score() with its audit trail")


def writers(n: int, folder: Path) -> None:
    from openpyxl import Workbook

    from scoring_engine.reports._xlsx_stream import Book, score_style

    rows = [o.row for o in score_many(SMALL_SET, find_documents([folder / "projects.jsonl"])) if o.ok][:n]
    table = detail_header(None)
    values = [v for row in rows for v in detail_rows(row, False)]
    styles = [score_style(2) if k == "score" else 0 for k in table.kinds]

    def streaming() -> None:
        book = Book("bench", str(folder))
        sheet = book.sheet("指标明细", table.header, table.widths)
        for v in values:
            sheet.append(v, styles)
        book.save(io.BytesIO())
        book.close()

    def openpyxl_write_only() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("指标明细")
        sheet.append(table.header)
        for v in values:
            sheet.append(v)
        book.save(io.BytesIO())

    ours, theirs = best_and_median(streaming)[0], best_and_median(openpyxl_write_only)[0]
    print(f"2. 指标明细 rows ({len(values)}): streaming writer {ours / len(values) * 1e6:5.1f} µs/row, "
          f"openpyxl write-only {theirs / len(values) * 1e6:5.1f} µs/row ({theirs / ours:.1f} ×)")


def command(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the command and all its processes, and the peak RSS (MB) of the largest one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scoring_engine", "batch", *args, "--quiet"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, used, after.ru_maxrss / 1024


def jobs(n: int, folder: Path) -> None:
    source = str(folder / "projects.jsonl")
    outputs = ["--output", str(folder / "j.xlsx"), "--output", str(folder / "j.html")]
    found = {}
    for count in (1, 2):
        runs = [command([source, "--set", str(SMALL_SET), "--jobs", str(count), *outputs]) for _ in range(RUNS)]
        fastest = min(runs)
        found[count] = (fastest[0], statistics.median(r[0] for r in runs), fastest[1])
    (wall1, median1, cpu1), (wall2, median2, cpu2) = found[1], found[2]
    print(f"3. --jobs 2 against --jobs 1, {n} projects, {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}): "
          f"wall {wall1:.1f} s → {wall2:.1f} s (medians {median1:.1f} → {median2:.1f}), speed-up {wall1 / wall2:.2f} ×")
    print(f"   CPU {cpu1 / n * 1e6:.0f} → {cpu2 / n * 1e6:.0f} µs/project; "
          f"cores kept busy {cpu1 / wall1:.2f} → {cpu2 / wall2:.2f}; "
          f"with two free cores the speed-up would be {cpu1 / (cpu2 / 2):.2f} ×")
    splits = [_split(source, outputs) for _ in range(RUNS)]
    parent, workers = min(p for p, _ in splits) / n, statistics.median(w for _, w in splits) / n
    print(f"   with --jobs 2 the parent spends {parent * 1e6:.0f} µs/project (median "
          f"{statistics.median(p for p, _ in splits) / n * 1e6:.0f}; starting, handing out, writing), the workers "
          f"{workers * 1e6:.0f} between them: on any number of cores the batch runs at most "
          f"{cpu1 / n / parent:.1f} × as fast as --jobs 1")


def _split(source: str, outputs: list[str]) -> tuple[float, float]:
    """CPU seconds of the parent process and of its workers, for one run of the batch with --jobs 2 in a fresh process."""
    paths = [Path(o) for o in outputs if o != "--output"]
    code = (f"import resource, json; from pathlib import Path; from scoring_engine import load_indicator_set; "
            f"from scoring_engine.batch.run import BatchOptions, run_batch; "
            f"run_batch(BatchOptions(({source!r},), load_indicator_set({str(SMALL_SET)!r}), 2, "
            f"tuple(Path(p) for p in {[str(p) for p in paths]!r}))); "
            f"me, them = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN); "
            f"print(json.dumps([me.ru_utime + me.ru_stime, them.ru_utime + them.ru_stime]))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    import json

    parent, workers = json.loads(out)
    return parent, workers


def big(count: int, folder: Path) -> None:
    print("4. streamed from JSONL with --jobs 2 and .xlsx .csv .html (peak RSS is the largest process's):")
    for n in (count // 10, count):
        source = folder / f"big{n}.jsonl"
        write_jsonl(source, n)
        outputs = [arg for ext in ("xlsx", "csv", "html") for arg in ("--output", str(folder / f"big.{ext}"))]
        wall, used, rss = _fresh_command([str(source), "--set", str(SMALL_SET), "--jobs", "2", *outputs])
        size = sum((folder / f"big.{ext}").stat().st_size for ext in ("xlsx", "csv", "html")) / 1e6
        print(f"   {n:7} projects: {wall:6.1f} s wall, {used / n * 1e6:5.0f} µs CPU/project,"
              f" peak RSS {rss:5.0f} MB, outputs {size:.0f} MB")
        source.unlink()


def _fresh_command(args: list[str]) -> tuple[float, float, float]:
    """command() in a child of its own, so the peak RSS is this run's and not an earlier one's."""
    here = str(Path(__file__).parent)
    code = f"import sys, json; sys.path.insert(0, {here!r}); from batch import command; print(json.dumps(command({args!r})))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    import json

    wall, used, rss = json.loads(out)
    return wall, used, rss


FORM_COPIES = 10


def forms(folder: Path) -> None:
    from click.testing import CliRunner

    from scoring_engine.cli import main as command

    written = folder / "forms"
    written.mkdir()
    beside_the_set(written)  # the set the facts name, beside them
    sources = []
    for i, line in enumerate((folder / "projects.jsonl").read_text(encoding="utf-8").splitlines()[:20]):
        facts = written / f"p{i:02d}.json"
        facts.write_text(line, encoding="utf-8")
        form = written / f"p{i:02d}.xlsx"
        run = CliRunner().invoke(command, ["score", str(facts), "--layout", "selfeval", "-o", str(form)])
        assert run.exit_code == 0, run.output
        sources.append((facts, form))
    copies = folder / "copies"
    copies.mkdir()
    beside_the_set(copies)
    for k in range(FORM_COPIES):
        for facts, form in sources:
            (copies / f"{k}-{form.name}").write_bytes(form.read_bytes())
            (copies / f"{k}-{facts.name}").write_bytes(facts.read_bytes())
    kinds = {"forms": sorted(copies.glob("*.xlsx")), "JSON": sorted(copies.glob("*.json"))}
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(RUNS):
        for name, paths in kinds.items():
            documents = list(find_documents(paths))
            times[name].append(cpu(lambda documents=documents: deque(score_many(SMALL_SET, documents), maxlen=0)))
    n = len(kinds["forms"])
    form, jsons = min(times["forms"]) / n, min(times["JSON"]) / n
    print(f"5. filled 自评表, {n} forms (20 projects of the small example set, each {FORM_COPIES} times): "
          f"{form * 1e3:.1f} ms/form (median {statistics.median(times['forms']) / n * 1e3:.1f}), "
          f"the same projects as JSON {jsons * 1e6:.0f} µs/project: {form / jsons:.0f} ×")


def main() -> None:
    argv = sys.argv[1:]
    count = 100_000
    if "--big" in argv:
        count = int(argv[argv.index("--big") + 1])
        del argv[argv.index("--big"): argv.index("--big") + 2]
    n = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        throughput(n, folder)
        writers(n // 4, folder)
        jobs(n, folder)
        big(count, folder)
        forms(folder)


if __name__ == "__main__":
    main()
