"""The progress line a batch shows on a terminal: count, rate, time left, failures so far.

>>> import io
>>> out = io.StringIO()
>>> clock = iter([0.0, 0.1, 2.0]).__next__
>>> progress = Progress(out, total=100, clock=clock, dumb=False)
>>> progress.tick(failed=False)
>>> progress.tick(failed=True)
>>> out.getvalue().split("\\r")[-1].rstrip("\\x1b[K")
'已处理 2/100（2%）  每秒 1 个  预计剩余 1分38秒  失败 1'
>>> Progress(out, total=100, clock=iter([0.0]).__next__, lang="en").line(2.0)
'done 0/100 (0%)  0 a second  failed 0'

The count is of the projects done, scored or failed (the summary's 已评分 counts only those scored: QA320 F5). On a
terminal narrower than the line, the parts that matter least go first, as wide as the terminal less one column (a
Chinese character takes two), or the line is left out where the count alone does not fit (QA320 F4):

>>> fitted(["已处理 65/100（65%）", "每秒 88 个", "预计剩余 0秒", "失败 0"], 40)
'已处理 65/100（65%）  失败 0'
>>> fitted(["已处理 65/100（65%）", "每秒 88 个", "预计剩余 0秒", "失败 0"], 20)
''
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

from .._display import display_width

__all__ = ["Progress", "duration", "fitted"]

_INTERVAL = 0.2  # seconds between redraws
_CLEAR = "\x1b[K"  # erase to the end of the line


class Progress:
    """Redraws one line of `stream` at most five times a second; close() erases it. On a terminal that takes no control
    sequences (TERM=dumb or none: an editor's shell, a CI console) the end of a longer line before is written over with
    spaces, where the sequence would be shown as ^[[K (QA224 10)."""

    def __init__(self, stream: TextIO, total: int | None = None, clock: Callable[[], float] = time.monotonic,
                 lang: str = "zh", dumb: bool | None = None, columns: Callable[[], int | None] | None = None):
        self.stream, self.total, self.clock, self.lang = stream, total, clock, lang
        self.columns = columns or (lambda: _columns(stream))  # the terminal's width, asked at each redraw (it may change)
        self.done = self.failed = 0
        self.started = clock()
        self.shown = float("-inf")
        self.dumb = os.environ.get("TERM", "dumb") in ("dumb", "") if dumb is None else dumb
        self.width = 0  # columns of the line drawn last

    def _draw(self, line: str) -> None:
        if self.dumb:
            width = display_width(line)
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
            self._draw(fitted(self.parts(now), self.columns()))

    def line(self, now: float) -> str:
        return fitted(self.parts(now), None)

    def parts(self, now: float) -> list[str]:
        """The count, the rate, the time left (where known) and the failures."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        zh = self.lang == "zh"
        count = f"{'已处理' if zh else 'done'} {self.done}"
        left = ""
        if self.total:
            share = min(self.done * 100 // self.total, 100)
            count += f"/{self.total}（{share}%）" if zh else f"/{self.total} ({share}%)"
            if rate > 0 and self.total > self.done:
                time_left = duration((self.total - self.done) / rate, self.lang)
                left = f"预计剩余 {time_left}" if zh else f"{time_left} left"
        if zh:
            return [count, f"每秒 {rate:.0f} 个", left, f"失败 {self.failed}"]
        return [count, f"{rate:.0f} a second", left, f"failed {self.failed}"]

    def close(self) -> None:
        self._draw("")


def fitted(parts: list[str], columns: int | None) -> str:
    """The parts of the progress line (count, rate, time left, failures) joined, in fewer than `columns` columns (None:
    any width): the rate goes first, then the time left, then the failures; "" where the count alone does not fit. A
    line as wide as the terminal, or wider, wraps, and every redraw left its rows behind (QA320 F4)."""
    shown = [part for part in parts if part]
    order = [parts[1], parts[2], parts[3]]  # what goes first when the line is too wide
    while columns is not None and display_width("  ".join(shown)) > columns - 1:
        if not order:
            return ""
        dropped = order.pop(0)
        if dropped in shown[1:]:
            shown.remove(dropped)
    return "  ".join(shown)


def _columns(stream: TextIO) -> int | None:
    """The width of the terminal `stream` is, in columns: its own, or COLUMNS where set and narrower (a COLUMNS exported
    from a wider window wrapped the line on every update); COLUMNS alone where the terminal does not say; None when it
    is no terminal and COLUMNS is not set."""
    try:
        given = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        given = 0
    try:
        own = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):  # a StringIO (io.UnsupportedOperation is both)
        own = 0
    widths = [width for width in (given, own) if width > 0]
    return min(widths) if widths else None


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
