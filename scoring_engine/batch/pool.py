"""A stream of work done in chunks by worker processes: results in input order, a bounded number in flight.

Each worker process builds its worker once (loading the indicator set once)
and then takes chunk after chunk. At most WINDOW chunks per process are
waiting at any time, so neither the input nor the results pile up in memory
however long the stream; the input is read only as fast as it is scored.
Workers ignore Ctrl-C (and SIGTERM and SIGHUP, when the parent cleans up after
them): the parent stops handing out work, waits for the chunks under way, and
lets the interrupt through. One that comes while a chunk is handed out, as
workers may be starting, takes effect just after.
A worker killed outright (the out-of-memory killer) breaks the pool: the others
are killed too, and the stream ends in one ScoringEngineError saying so. A pool whose own thread ended (Python could
not start a thread it needs, for want of memory) never delivers a result: its workers are killed and the stream ends
in one ScoringEngineError, rather than waiting for ever. A spawned
worker that ended by itself before any result came back died as it started: a
program that calls score_many without `if __name__ == "__main__":` has its
workers run it again, and the error says so.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import process as futures_process
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

from .._command_line import run_as_command, run_as_command_from_now
from .._encodings import read_otherwise, read_otherwise_from_now
from .._output import STOPS, stops_deferred
from ..errors import Problem, ScoringEngineError

__all__ = ["ordered_map", "usable_cores", "CHUNK", "MAX_JOBS", "WINDOW"]

T = TypeVar("T")
R = TypeVar("R")

#: Items handed to a worker at a time: large enough that passing them costs little beside scoring them.
CHUNK = 32
#: Chunks waiting or under way per worker process.
WINDOW = 4
#: The most worker processes asked for (batch --jobs, score_many's jobs): more would only compete for the cores, each
#: holding the set, and read that many chunks ahead of the first outcome (QA248 F1).
MAX_JOBS = 4 * (os.cpu_count() or 1)

_worker: Callable[[Sequence[Any]], list[Any]] | None = None  # in a worker process: its worker


def ordered_map(make_worker: Callable[[], Callable[[Sequence[T]], list[R]]], items: Iterable[T], jobs: int = 1,
                chunk: int = CHUNK) -> Iterator[R]:
    """The results of `make_worker()` applied to `items` in chunks, in the order of `items`.

    With `jobs` above 1 the chunks go to that many worker processes (fewer
    when the first chunks handed out are fewer; all in this process when the
    work is one chunk), each of which calls `make_worker` once (it must be
    picklable: a top-level class or a functools.partial of one, as a spawned
    worker receives it pickled). In a daemonic process (a multiprocessing.Pool's worker), which may start none, all the
    chunks are done in this process, with the same results in the same order (QA202 1).
    """
    if jobs > 1 and multiprocessing.current_process().daemon:  # multiprocessing refuses it children: work here
        jobs = 1
    source = _Chunks(items, chunk)
    parts = iter(source)
    first = list(itertools.islice(parts, jobs * WINDOW)) if jobs > 1 else []
    if len(first) <= 1:  # one process: asked for, or all the work is one chunk (a worker would cost more than it saves)
        worker = make_worker()
        for part in itertools.chain(first, parts):
            yield from worker(part)
        source.raise_kept()
        return
    with _pool_thread_said_here():
        yield from _in_processes(make_worker, source, itertools.chain(first, parts), min(jobs, len(first)), jobs)


def _in_processes(make_worker: Callable[[], Callable[[Sequence[T]], list[R]]], source: _Chunks[T],
                  parts: Iterator[list[T]], processes: int, jobs: int) -> Iterator[R]:
    # no more processes than there are chunks to give them: a small batch with -j 8 starts as many as it can use
    method = _start_method()
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context(method),
                               initializer=_start,
                               initargs=(make_worker, read_otherwise(), _handled_here(), os.getpid(), run_as_command()))
    pending: deque[tuple[Future[list[R]], Sequence[T]]] = deque()
    here = _Here(make_worker, pool)
    broken = _EndTheOthers(pool)
    try:
        for part in parts:
            with stops_deferred():
                pending.append((pool.submit(_work, part), part))
                pending[-1][0].add_done_callback(broken)
            while len(pending) >= jobs * WINDOW:
                yield from here.result(*pending.popleft())
        while pending:
            yield from here.result(*pending.popleft())
        source.raise_kept()
    except BaseException as err:  # stopping already (Ctrl-C, an error, the reader closing the stream): a second stop adds nothing
        workers = list((getattr(pool, "_processes", None) or {}).values())  # the pool forgets them as it shuts down
        dead = isinstance(err, _PoolDead) or (isinstance(err, RuntimeError) and _thread_ended(pool))  # QA193 F1
        with stops_deferred(deliver=False):
            _shut_down(pool, [future for future, _ in pending])
        if isinstance(err, BrokenProcessPool):
            raise ScoringEngineError(_lost(workers, method == "spawn" and not here.received)) from None
        if dead:
            raise ScoringEngineError(Problem(POOL_DEAD, hint=FEWER_JOBS)) from None
        raise
    with stops_deferred():
        _shut_down(pool, [])


class _Here(Generic[T, R]):
    """The worker of this process, made when first needed: for a chunk that cannot cross to a worker process."""

    def __init__(self, make_worker: Callable[[], Callable[[Sequence[T]], list[R]]], pool: ProcessPoolExecutor):
        self.make_worker, self.pool = make_worker, pool
        self.worker: Callable[[Sequence[T]], list[R]] | None = None

    received = False  # whether a chunk's results came back

    def result(self, future: Future[list[R]], part: Sequence[T]) -> list[R]:
        """The chunk's results from its worker process; done here instead when the chunk, or its results, could not be
        pickled to cross (a document nested thousands deep, a value such as a lock in a mapping a caller passed): the
        outcomes are those of one process, as they must be. The worker turns its own errors into outcomes, so an error
        here is the crossing's: pickle raises TypeError and AttributeError for objects it cannot take."""
        try:
            done = _delivered(future, self.pool)
            self.received = True
            return done
        except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
            if self.worker is None:
                self.worker = self.make_worker()
            return self.worker(part)


@contextlib.contextmanager
def _pool_thread_said_here() -> Iterator[None]:
    """While a pool runs: its own thread dying (it could not start the thread that feeds the workers, for want of
    memory) is said by the batch in one line (POOL_DEAD), not by Python's traceback of the thread (QA193 F1). The
    report of every other thread goes on to the hook there was. Batches that overlap (two generators read in turn, or
    in several threads) share one hook, counted: once none runs, the hook is the one there was before the first began,
    whatever order they end in (QA202 2). A hook a program sets meanwhile is its own, and stays."""
    global _running, _hook_before  # noqa: PLW0603 - one hook for the process, however many batches run
    with _hook_lock:
        if threading.excepthook is not _quiet_pool_threads:  # the first batch, or a program set its own meanwhile
            _hook_before = threading.excepthook
            threading.excepthook = _quiet_pool_threads
        _running += 1
    try:
        yield
    finally:
        with _hook_lock:
            _running -= 1
            if not _running:
                if threading.excepthook is _quiet_pool_threads:  # (not when another hook was set meanwhile)
                    threading.excepthook = _hook_before
                _hook_before = threading.__excepthook__


def _quiet_pool_threads(args: Any) -> None:
    """threading.excepthook while batches run: a pool's own thread dying is said by its batch; every other thread's
    report goes on to the hook there was."""
    if not isinstance(args.thread, getattr(futures_process, "_ExecutorManagerThread", ())):
        _hook_before(args)


_hook_lock = threading.Lock()
_running = 0  # batches with a pool under way in this process
_hook_before: Callable[[Any], object] = threading.__excepthook__  # the hook there was before they began


class _PoolDead(Exception):
    """The pool's own thread ended while results were awaited: none will come."""


def _delivered(future: Future[list[R]], pool: ProcessPoolExecutor) -> list[R]:
    """The future's result, once it is done. A pool whose thread ended (it could not start one of its own, Python's
    "can't start new thread" when memory is short) never completes it: looked at every WATCH_SECONDS, such a pool raises
    _PoolDead instead of leaving the batch waiting for ever, deaf to all but kill -9 (QA193 F1)."""
    killed: set[int] = set()
    while True:
        try:
            return future.result(timeout=WATCH_SECONDS)
        except TimeoutError:
            if _thread_ended(pool) and not future.done():
                raise _PoolDead from None
            killed = _unstuck(list((getattr(pool, "_processes", None) or {}).values()),
                              getattr(pool, "_result_queue", None), killed)


def _unstuck(workers: list[Any], results: Any, killed_before: set[int]) -> set[int]:
    """The workers killed by a signal (the out-of-memory killer), as found now. One found so a look before too, and the
    pool has not seen it: it was killed in the middle of sending a result, and the pool's own thread waits for the rest
    of it, for ever, seeing nothing else (a batch hung so, waiting for its next chunk, and when shut down too). The
    other workers are killed and this process's end of the results' pipe closed: the pool's thread then reads the end,
    and breaks the pool as for any worker killed (BrokenProcessPool)."""
    killed = {worker.pid for worker in workers if (worker.exitcode or 0) < 0}
    if killed & killed_before:
        _kill(workers)
        with contextlib.suppress(OSError, AttributeError):  # (closed already)
            results._writer.close()
    return killed


def _thread_ended(pool: ProcessPoolExecutor) -> bool:
    """Whether the pool's own thread (Python's, which hands the workers their chunks and takes the results) was made and
    runs no more: it died, or could not start. (None before the first chunk is handed out, or when starting the workers
    failed before it was made: a spawned worker running a program without a main guard, QA174 F1.)"""
    thread = getattr(pool, "_executor_manager_thread", None)
    return thread is not None and not thread.is_alive()


#: What a batch says when a worker process was killed (the out-of-memory killer, kill -9): the batch stops, writing nothing.
WORKER_LOST = "a worker process ended unexpectedly (killed, perhaps for want of memory): the batch stopped"
FEWER_JOBS = "try fewer jobs (--jobs 1 scores in one process), or close other programs"
#: What it says when the pool cannot run: its thread could not start one of its own (QA193 F1).
POOL_DEAD = ("the worker processes could not be run (Python could not start a thread, perhaps for want of memory): the "
             "batch stopped")
#: What it says when a spawned worker ended by itself as it started: a program without a main guard, run again by it.
WORKER_NOT_STARTED = "a worker process ended as it started, before it scored anything: the batch stopped"
MAIN_GUARD = ('a program that calls score_many with jobs above 1 calls it under if __name__ == "__main__": (a worker '
              "process runs the program's main module again as it starts), or passes jobs=1 to score in one process")
FROM_STDIN = ("a worker process cannot run again a program read from standard input (python - < file): run it from its "
              "file (python file.py), or pass jobs=1 to score in one process")


def _lost(workers: Iterable[Any], spawned_and_no_result: bool) -> Problem:
    """What the batch says when its pool broke. A worker ends by itself (an exit code above 0, not a signal) only
    when it failed as it started: spawned, it runs the caller's main module again, and a program that calls score_many
    outside `if __name__ == "__main__":` starts another batch there, which multiprocessing refuses (QA174 F1). A
    worker killed (the out-of-memory killer) ends on a signal, and is said as one."""
    if spawned_and_no_result and any((worker.exitcode or 0) > 0 for worker in workers):
        main = getattr(sys.modules.get("__main__"), "__file__", None)
        return Problem(WORKER_NOT_STARTED, hint=FROM_STDIN if isinstance(main, str) and main.startswith("<") else MAIN_GUARD)
    return Problem(WORKER_LOST, hint=FEWER_JOBS)


class _EndTheOthers:
    """Called as each chunk's future is done: when the pool broke (a worker killed outright), the other workers are
    killed too. Python's pool ends them with SIGTERM, which they ignore (`_handled_here`), and then waits for them; one
    blocked sending a result no one reads any more would never end, and the batch would hang for ever, deaf to Ctrl-C
    (QA163 F1). Their chunks are lost with the pool's anyway."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool

    def __call__(self, future: Future[Any]) -> None:
        if future.cancelled() or not isinstance(future.exception(), BrokenProcessPool):
            return
        _kill((getattr(self.pool, "_processes", None) or {}).values())


def _kill(processes: Iterable[Any]) -> None:
    for process in list(processes):
        with contextlib.suppress(OSError, ValueError):  # gone already, or closed
            process.kill()


def _shut_down(pool: ProcessPoolExecutor, pending: Iterable[Future[Any]]) -> None:
    """Cancel what has not started and wait for the workers to finish their chunk and end. Cut short (by a second
    Ctrl-C), a shutdown would leave workers that nothing stops, and the batch would hang as it exits. A pool whose own
    thread ended (or never started) tells its workers nothing any more: they are killed here and waited for, or the
    batch would wait for them for ever as it exits, after Ctrl-C as well (QA193 F1).

    A pool that breaks (a worker killed outright) ends the others with SIGTERM, which they ignore, and waits for them.
    One waiting for its next chunk then waits for ever when the killed worker was the one reading the queue (it held
    the queue's lock), and so did the batch, when no chunk was under way for _EndTheOthers to see fail: it had scored
    all it was given and was writing. The workers of a pool that broke are killed here while it is waited for."""
    for future in pending:
        future.cancel()
    thread = getattr(pool, "_executor_manager_thread", None)
    workers = list((getattr(pool, "_processes", None) or {}).values())
    if _thread_ended(pool):
        _kill(workers)
        for process in workers:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                process.join()
        started = getattr(thread, "ident", None) is not None  # a thread that never started cannot be joined
        pool.shutdown(wait=started, cancel_futures=True)
        return
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)  # told to end; waited for below, as shutdown(wait=True) would
    killed: set[int] = set()
    while thread is not None and thread.is_alive():
        thread.join(WATCH_SECONDS)
        if getattr(pool, "_broken", False):
            _kill(workers)
        killed = _unstuck(workers, results, killed)
    if results is not None:
        results.close()


def usable_cores() -> int:
    """The cores this process may run on (taskset, a container's CPU set), which the default number of workers is."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # a platform without it
        return os.cpu_count() or 1


def _start_method() -> str:
    """"fork" on Linux from a process with one thread (a worker starts at once, with the set already loaded);
    otherwise "spawn" (forking a process with other threads running can deadlock the child)."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


class _Chunks(Generic[T]):
    """The caller's items in chunks. An error reading them (a generator that raises, a database cursor dropped) is kept
    and raised once every item read before it is done, as many whatever `jobs` (QA57 F4: with two processes the first
    eight chunks were lost with it)."""

    def __init__(self, items: Iterable[T], size: int):
        self.iterator, self.size = iter(items), size
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[list[T]]:
        while True:
            part: list[T] = []
            try:
                part.extend(itertools.islice(self.iterator, self.size))
            except Exception as err:  # the caller's, raised in its own words; a Ctrl-C stops at once
                self.error = err
            if part:
                yield part
            if self.error is not None or len(part) < self.size:
                return

    def raise_kept(self) -> None:
        if self.error is not None:
            raise self.error


def _handled_here() -> tuple[int, ...]:
    """The stops this process handles itself (Ctrl-C always: the parent decides what an interrupt stops; SIGTERM and
    SIGHUP when it cleans up after them): its workers ignore them, and finish their chunk when the pool shuts down. A
    worker killed on the way could die in the middle of sending a result, which leaves the pool waiting for ever."""
    return tuple(s for s in STOPS if s == signal.SIGINT or callable(signal.getsignal(s)))


def _start(make_worker: Callable[[], Callable[[Sequence[Any]], list[Any]]], encoding: str | None,
           handled: tuple[int, ...] = (signal.SIGINT,), parent: int | None = None, command: bool = False) -> None:
    global _worker  # noqa: PLW0603 - one per worker process, made by the pool's initializer
    for signum in STOPS:  # (a forked worker had the parent's handlers: one the parent does not handle just ends it)
        signal.signal(signum, signal.SIG_IGN if signum in handled else signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)  # held while the worker started (stops_deferred)
    _worker = make_worker()
    if encoding is not None:  # the parent's --encoding: files that are not UTF-8 are read in it here too
        read_otherwise_from_now(encoding)
    if command:  # the command line's batch: a project's error names no Python call (QA180 F1)
        run_as_command_from_now()
    # the parent's pid as the parent gave it: one killed while a spawned worker starts is gone before the worker asks
    try:
        threading.Thread(target=_watch_parent, args=(parent or os.getppid(),), name="parent-watch", daemon=True).start()
    except (RuntimeError, MemoryError):  # "can't start new thread" (ulimit -v): ended, not run unwatched (a parent
        # killed outright would leave it waiting for ever); the pool breaks and the batch says so in one line, without
        # Python's "Exception in initializer" traceback (QA198 1). Code 0: above 0 a spawned worker reads as no main guard
        os._exit(0)


def _watch_parent(parent: int) -> None:
    """End this worker once its parent is gone: killed with SIGKILL (kill -9, the OOM killer), the parent can tell it
    nothing, and the worker would wait for ever on a pipe no one reads (QA90 F2). Checked every WATCH_SECONDS."""
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:  # taken in by init, or by a subreaper
            os._exit(1)


#: How often a worker looks whether its parent is still there.
WATCH_SECONDS = 1.0


def _work(part: Sequence[Any]) -> list[Any]:
    assert _worker is not None, "a worker process runs _start first"
    return _worker(part)
