"""The progress line a batch shows on a terminal: count, rate, time left, failures so far.

>>> import io
>>> out = io.StringIO()
>>> clock = iter([0.0, 0.1, 2.0]).__next__
>>> progress = Progress(out, total=100, clock=clock)
>>> progress.tick(failed=False)
>>> progress.tick(failed=True)
>>> out.getvalue().split("\\r")[-1].rstrip("\\x1b[K")
'已评分 2/100（2%）  每秒 1 个  预计剩余 1分38秒  失败 1'
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "duration"]

_INTERVAL = 0.2  # seconds between redraws
_CLEAR = "\x1b[K"  # erase to the end of the line


class Progress:
    """Redraws one line of `stream` at most five times a second; close() erases it."""

    def __init__(self, stream: TextIO, total: int | None = None, clock: Callable[[], float] = time.monotonic):
        self.stream, self.total, self.clock = stream, total, clock
        self.done = self.failed = 0
        self.started = clock()
        self.shown = float("-inf")

    def tick(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        now = self.clock()
        if now - self.shown >= _INTERVAL:
            self.shown = now
            self.stream.write("\r" + self.line(now) + _CLEAR)
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"已评分 {self.done}"
        left = ""
        if self.total:
            count += f"/{self.total}（{min(self.done * 100 // self.total, 100)}%）"
            if rate > 0 and self.total > self.done:
                left = f"  预计剩余 {duration((self.total - self.done) / rate)}"
        return f"{count}  每秒 {rate:.0f} 个{left}  失败 {self.failed}"

    def close(self) -> None:
        self.stream.write("\r" + _CLEAR)
        self.stream.flush()


def duration(seconds: float) -> str:
    """'12秒', '1分38秒', '2时05分'.

    >>> duration(3725)
    '1时02分'
    """
    whole = int(seconds + 0.5)
    if whole < 60:
        return f"{whole}秒"
    if whole < 3600:
        return f"{whole // 60}分{whole % 60:02d}秒"
    return f"{whole // 3600}时{whole % 3600 // 60:02d}分"
