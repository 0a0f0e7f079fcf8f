"""Run one piece of hostile work in a forked child process, bounded in time and memory, and measure it.

The child gets an address-space limit (its size when forked plus a margin) and
a CPU-time limit, and the parent kills it if it outlives a wall-clock timeout;
so a case that hangs or balloons fails its test instead of taking the suite
down with it. The child reports what the work returned or raised, the CPU time
it spent, and how far its peak resident memory grew (``resource.getrusage``).

>>> outcome = run_bounded(lambda: 6 * 7)
>>> outcome.status, outcome.value
('returned', 42)
>>> run_bounded(lambda: 1 / 0).error_type
'ZeroDivisionError'
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

#: Wall-clock seconds after which the parent kills the child.
TIMEOUT = 10.0
#: Address space the child may add to what it had when forked, in MB.
MEMORY_MARGIN_MB = 512


@dataclass
class Outcome:
    """What a bounded run did: returned or raised (and what), or was killed; its CPU time and memory growth."""

    status: str  # returned | raised | killed | timeout
    value: Any = None
    error_type: str | None = None  # class name of the exception raised
    scoring_engine_error: bool = False  # the exception is a scoring_engine.ScoringEngineError
    message: str | None = None
    problems: list[dict[str, Any]] = field(default_factory=list)  # the error's problems, as dicts of their fields
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    peak_mb: float = 0.0  # growth of the child's peak resident set while the work ran


def _vm_size_bytes() -> int:
    """The process's address space in bytes, or 0 where /proc does not say (then no address-space limit is set)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(work: Callable[[], Any], cpu_limit: float, memory_mb: int, out: int) -> None:
    """In the child: set the limits, do the work, write the pickled Outcome to `out`, exit without cleanup."""
    outcome = Outcome("returned")
    try:
        size = _vm_size_bytes()
        if size:
            limit = size + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        seconds = int(_cpu() + cpu_limit) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu_before, wall_before = _cpu(), time.perf_counter()
        try:
            outcome.value = work()
        except BaseException as err:
            from scoring_engine import ScoringEngineError

            outcome.status = "raised"
            outcome.error_type = type(err).__name__
            outcome.scoring_engine_error = isinstance(err, ScoringEngineError)
            outcome.message = str(err)[:20_000]
            outcome.problems = [asdict(p) for p in getattr(err, "problems", ())] if outcome.scoring_engine_error else []
        outcome.cpu_seconds = _cpu() - cpu_before
        outcome.wall_seconds = time.perf_counter() - wall_before
        outcome.peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        try:
            data = pickle.dumps(outcome)
        except Exception:
            outcome.value = repr(outcome.value)[:2000]
            data = pickle.dumps(outcome)
        view = memoryview(data)
        while view:
            view = view[os.write(out, view):]
    finally:
        os._exit(0)


def run_bounded(work: Callable[[], Any], cpu_limit: float = 5.0, memory_mb: int = MEMORY_MARGIN_MB,
                timeout: float = TIMEOUT) -> Outcome:
    """Run `work()` in a forked child with at most `cpu_limit` CPU seconds and `memory_mb` more address space."""
    read_end, write_end = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        _child(work, cpu_limit, memory_mb, write_end)
    os.close(write_end)
    chunks: list[bytes] = []
    timed_out = False
    try:
        while True:
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_end], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    wall = time.perf_counter() - started
    if timed_out:
        return Outcome("timeout", wall_seconds=wall, message=f"killed after {timeout} s")
    if not chunks:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit status {os.WEXITSTATUS(status)}"
        return Outcome("killed", wall_seconds=wall, message=f"the child died ({how})")
    return pickle.loads(b"".join(chunks))


def run_all(works: Sequence[Callable[[], Any]], jobs: int | None = None, **limits: Any) -> list[Outcome]:
    """`run_bounded` for each work, up to `jobs` children at a time (one per CPU); the outcomes in the order of `works`.

    The parent's threads only wait on their children's pipes, so forking from them is safe.
    """
    with ThreadPoolExecutor(jobs or os.cpu_count() or 1) as pool:
        return list(pool.map(lambda work: run_bounded(work, **limits), works))
