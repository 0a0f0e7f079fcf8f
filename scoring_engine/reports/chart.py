"""An inline SVG bar chart of score against weight for each 一级 and 二级 indicator.

Every bar's grey track is the indicator's weight and its filled part the score,
on one scale, so a reader sees both where the points are and where they were
lost. Plain SVG with no script and no external font: it shows the same in any
browser, offline and in print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from .._arith import fixed, plain
from .._display import display_width
from .._text import html_escape as escape
from .._text import visible
from ..result import IndicatorResult, Result

__all__ = ["CHART_LABEL_COLUMNS", "CHART_LEVELS", "CHART_WHOLE_HEIGHT", "CHART_PIECE_HEIGHT", "chart_label", "chart_pieces",
           "score_chart"]

#: The indicator levels the chart shows (一级 and 二级).
CHART_LEVELS = 2

#: A chart taller than this (px, before it is scaled to the page) is drawn in pieces; a piece is at most CHART_PIECE_HEIGHT.
CHART_WHOLE_HEIGHT = 720
CHART_PIECE_HEIGHT = 360

#: The widest a name is drawn beside its bar, in display columns (a Chinese character is two); a longer one is cut, ending
#: in …, its whole name in the bar's <title> (QA340 F7: a name of 280 characters made the chart 4,457 px wide, its bars
#: a sliver when scaled to the page)
CHART_LABEL_COLUMNS = 40

_LEGEND = 30  # px above the first bar: the legend
_BAR_AREA = 400  # px of the longest track
_CHAR = 7.0  # px per display column at the chart's 13px font
_INDENT = 16  # px a 二级 name is indented
_ROW = {1: 28, 2: 22}  # px per bar row by level
_BAR = {1: 16, 2: 12}  # px bar thickness by level
_FILL = {1: "#1f4e79", 2: "#4a86c5"}
_TRACK = "#e3e7ed"


def score_chart(result: Result) -> str:
    """The chart as an <svg> element (text), one bar per 一级 and 二级 indicator, in the order of the set; a chart taller than
    CHART_WHOLE_HEIGHT as several <svg> of the same width, one under the other, each at most CHART_PIECE_HEIGHT tall and cut
    between 一级 groups where it can: printed, each piece stays whole on its page and the chart may go on over pages
    (QA176 F5: one svg of 50 二级 was taller than a page, pushed to a page of its own and sliced there)."""
    nodes = [n for n in result.walk() if n.level <= CHART_LEVELS]
    p = result.precision
    label_width = max(display_width(chart_label(n.name)) * _CHAR + (_INDENT if n.level > 1 else 0) for n in nodes) + 12
    value_width = max(display_width(f"{fixed(n.score, p)} / {plain(n.weight)}") for n in nodes) * _CHAR + 8
    biggest = max((n.weight for n in nodes), default=0) or 1
    scale = _BAR_AREA / float(biggest)
    width = label_width + _BAR_AREA + 10 + value_width
    pieces = [nodes] if _LEGEND + sum(_ROW[min(n.level, 2)] for n in nodes) + 8 <= CHART_WHOLE_HEIGHT else \
        chart_pieces(nodes, _row_height, CHART_PIECE_HEIGHT - _LEGEND, CHART_PIECE_HEIGHT)
    out = []
    for k, piece in enumerate(pieces):
        y = top = _LEGEND if k == 0 else 0  # room for the legend, on the first piece
        parts = []
        for n in piece:
            parts.append(_bar(n, y, label_width, scale, p))
            y += _ROW[min(n.level, 2)]
        legend = (
            f'<g class="legend"><rect x="{_num(label_width)}" y="6" width="14" height="12" fill="{_FILL[1]}"/>'
            f'<text x="{_num(label_width + 20)}" y="12" dominant-baseline="middle">得分</text>'
            f'<rect x="{_num(label_width + 70)}" y="6" width="14" height="12" fill="{_TRACK}"/>'
            f'<text x="{_num(label_width + 90)}" y="12" dominant-baseline="middle">分值</text></g>'
        ) if top else ""
        height = y + (8 if k == len(pieces) - 1 else 0)
        named = ('aria-labelledby="chart-title"', '<title id="chart-title">各一级、二级指标得分与分值</title>') if k == 0 else (
            'aria-label="各一级、二级指标得分与分值（续）"', "")
        out.append(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" role="img" {named[0]} '
            f'viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" height="{_num(height)}" font-size="13">'
            + named[1] + legend + "".join(parts) + "</svg>"
        )
    return "\n".join(out)


def _bar(n: IndicatorResult, y: float, label_width: float, scale: float, p: int) -> str:
    """One indicator's row of the chart, its top at `y`: its name, its track (the weight), its bar (the score), the figures."""
    row, bar = _ROW[min(n.level, 2)], _BAR[min(n.level, 2)]
    mid = y + row / 2
    bar_y = mid - bar / 2
    indent = _INDENT if n.level > 1 else 0
    figures = f"{fixed(n.score, p)} / {plain(n.weight)}"
    emphasis = ' font-weight="bold"' if n.level == 1 else ""
    return (
        f'<g class="bar level{n.level}" data-indicator="{escape(n.id)}">'
        f"<title>{escape(n.name)}：得分 {figures}</title>"
        f'<text x="{indent}" y="{_num(mid)}" dominant-baseline="middle"{emphasis}>{escape(chart_label(n.name))}</text>'
        f'<rect x="{_num(label_width)}" y="{_num(bar_y)}" width="{_num(float(n.weight) * scale)}"'
        f' height="{bar}" fill="{_TRACK}"/>'
        f'<rect x="{_num(label_width)}" y="{_num(bar_y)}" width="{_num(float(n.score) * scale)}" height="{bar}" '
        f'fill="{_FILL[min(n.level, 2)]}"/>'
        f'<text x="{_num(label_width + _BAR_AREA + 10)}" y="{_num(mid)}" dominant-baseline="middle">{escape(figures)}</text>'
        "</g>"
    )


def chart_label(name: str) -> str:
    """The name as a chart draws it beside its bar: as the page shows it (hidden characters as escapes), cut to
    CHART_LABEL_COLUMNS display columns, ending in …, when longer."""
    text = visible(name)
    if display_width(text) <= CHART_LABEL_COLUMNS:
        return text
    room, kept = CHART_LABEL_COLUMNS - display_width("…"), []
    for ch in text:
        room -= display_width(ch)
        if room < 0:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def _row_height(n: IndicatorResult) -> float:
    return _ROW[min(n.level, 2)]


class _Levelled(Protocol):
    @property
    def level(self) -> int: ...


_Row = TypeVar("_Row", bound=_Levelled)


def chart_pieces(nodes: Sequence[_Row], height: Callable[[_Row], float], first: float, room: float) -> list[list[_Row]]:
    """The rows of a chart (each `height` px tall) in pieces of at most `first` px of rows for the first piece and `room`
    for each other: a 一级 group whole where it fits in the piece, or in one of its own; a group taller than a piece cut
    between its rows. The single report's chart and the batch page's 得分率 chart are cut alike (QA176 F5, QA316 F3)."""
    groups: list[list[_Row]] = []
    for n in nodes:
        if n.level == 1 or not groups:
            groups.append([])
        groups[-1].append(n)
    pieces: list[list[_Row]] = [[]]
    left = first
    for group in groups:
        tall = sum(height(n) for n in group)
        if tall > left and tall <= room and pieces[-1]:
            pieces.append([])
            left = room
        for n in group:
            if height(n) > left and pieces[-1]:
                pieces.append([])
                left = room
            pieces[-1].append(n)
            left -= height(n)
    return pieces


def _num(value: float) -> str:
    """A coordinate with at most one decimal, the same text on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
