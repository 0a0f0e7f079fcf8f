"""A stream of work done in chunks by worker processes: results in input order, a bounded number in flight.

Each worker process builds its worker once (loading the indicator set once)
and then takes chunk after chunk. At most WINDOW chunks per process are
waiting at any time, so neither the input nor the results pile up in memory
however long the stream; the input is read only as fast as it is scored.
Workers ignore Ctrl-C: the parent stops handing out work, waits for the chunks
under way, and lets the interrupt through (one that comes while a chunk is
handed out, and workers may be starting, takes effect just after).
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from .._encodings import read_otherwise, read_otherwise_from_now

__all__ = ["ordered_map", "CHUNK", "WINDOW"]

T = TypeVar("T")
R = TypeVar("R")

#: Items handed to a worker at a time: large enough that passing them costs little beside scoring them.
CHUNK = 32
#: Chunks waiting or under way per worker process.
WINDOW = 4

_worker: Callable[[Sequence[Any]], list[Any]] | None = None  # in a worker process: its worker


def ordered_map(make_worker: Callable[[], Callable[[Sequence[T]], list[R]]], items: Iterable[T], jobs: int = 1,
                chunk: int = CHUNK) -> Iterator[R]:
    """The results of `make_worker()` applied to `items` in chunks, in the order of `items`.

    With `jobs` above 1 the chunks go to that many worker processes, each of
    which calls `make_worker` once (it must be picklable: a top-level class or
    a functools.partial of one, as a spawned worker receives it pickled).
    """
    if jobs <= 1:
        worker = make_worker()
        for part in _chunks(items, chunk):
            yield from worker(part)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(_start_method()), initializer=_start,
                               initargs=(make_worker, read_otherwise()))
    pending: deque[Future[list[R]]] = deque()
    try:
        for part in _chunks(items, chunk):
            with _interrupt_after():
                pending.append(pool.submit(_work, part))
            while len(pending) >= jobs * WINDOW:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Ctrl-C while work is handed out takes effect just after. The first chunks start the worker processes: raised
    in the middle of a fork, the interrupt would be swallowed by the fork's own handlers (the batch would go on to the
    end and write its outputs), or would leave workers that nothing stops (the batch would hang as it exits).

    The signal is also held (where it can be) while workers start, so that each starts with it held until it ignores it.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is None:
        yield  # only the main thread is interrupted; a handler set outside Python is left alone
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)  # as the interrupt would have been, with the handler it would have met


def _start_method() -> str:
    """"fork" on Linux from a process with one thread (a worker starts at once, with the set already loaded);
    otherwise "spawn" (forking a process with other threads running can deadlock the child)."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while part := list(itertools.islice(iterator, size)):
        yield part


def _start(make_worker: Callable[[], Callable[[Sequence[Any]], list[Any]]], encoding: str | None) -> None:
    global _worker  # noqa: PLW0603 - one per worker process, made by the pool's initializer
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held while the worker started; now ignored
    for name in ("SIGTERM", "SIGHUP"):  # a forked worker had the parent's handlers: a worker told to end just ends
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _worker = make_worker()
    if encoding is not None:  # the parent's --encoding: files that are not UTF-8 are read in it here too
        read_otherwise_from_now(encoding)


def _work(part: Sequence[Any]) -> list[Any]:
    assert _worker is not None, "a worker process runs _start first"
    return _worker(part)
