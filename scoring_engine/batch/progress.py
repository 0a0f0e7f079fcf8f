"""The progress line a batch shows on a terminal: count, rate, time left, failures so far.

>>> import io
>>> out = io.StringIO()
>>> clock = iter([0.0, 0.1, 2.0]).__next__
>>> progress = Progress(out, total=100, clock=clock, dumb=False)
>>> progress.tick(failed=False)
>>> progress.tick(failed=True)
>>> out.getvalue().split("\\r")[-1].rstrip("\\x1b[K")
'已评分 2/100（2%）  每秒 1 个  预计剩余 1分38秒  失败 1'
>>> Progress(out, total=100, clock=iter([0.0]).__next__, lang="en").line(2.0)
'scored 0/100 (0%)  0 a second  failed 0'
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "duration"]

_INTERVAL = 0.2  # seconds between redraws
_CLEAR = "\x1b[K"  # erase to the end of the line


class Progress:
    """Redraws one line of `stream` at most five times a second; close() erases it. On a terminal that takes no control
    sequences (TERM=dumb or none: an editor's shell, a CI console) the end of a longer line before is written over with
    spaces, where the sequence would be shown as ^[[K (QA224 10)."""

    def __init__(self, stream: TextIO, total: int | None = None, clock: Callable[[], float] = time.monotonic,
                 lang: str = "zh", dumb: bool | None = None):
        self.stream, self.total, self.clock, self.lang = stream, total, clock, lang
        self.done = self.failed = 0
        self.started = clock()
        self.shown = float("-inf")
        self.dumb = os.environ.get("TERM", "dumb") in ("dumb", "") if dumb is None else dumb
        self.width = 0  # columns of the line drawn last

    def _draw(self, line: str) -> None:
        if self.dumb:
            width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
            line, self.width = line + " " * max(self.width - width, 0), width
            self.stream.write("\r" + line + ("\r" if not width else ""))
        else:
            self.stream.write("\r" + line + _CLEAR)
        self.stream.flush()

    def tick(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        now = self.clock()
        if now - self.shown >= _INTERVAL:
            self.shown = now
            self._draw(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        zh = self.lang == "zh"
        count = f"{'已评分' if zh else 'scored'} {self.done}"
        left = ""
        if self.total:
            share = min(self.done * 100 // self.total, 100)
            count += f"/{self.total}（{share}%）" if zh else f"/{self.total} ({share}%)"
            if rate > 0 and self.total > self.done:
                time_left = duration((self.total - self.done) / rate, self.lang)
                left = f"  预计剩余 {time_left}" if zh else f"  {time_left} left"
        if zh:
            return f"{count}  每秒 {rate:.0f} 个{left}  失败 {self.failed}"
        return f"{count}  {rate:.0f} a second{left}  failed {self.failed}"

    def close(self) -> None:
        self._draw("")


def duration(seconds: float, lang: str = "zh") -> str:
    """'12秒', '1分38秒', '2小时05分'; in English '12s', '1m38s', '2h05m'.

    >>> duration(3725), duration(98, "en")
    ('1小时02分', '1m38s')
    """
    whole = int(seconds + 0.5)
    units = ("秒", "分", "小时") if lang == "zh" else ("s", "m", "h")
    if whole < 60:
        return f"{whole}{units[0]}"
    if whole < 3600:
        return f"{whole // 60}{units[1]}{whole % 60:02d}{units[0]}"
    return f"{whole // 3600}{units[2]}{whole % 3600 // 60:02d}{units[1]}"
