"""Inline SVG charts of a batch: the grade distribution, a histogram of totals, the mean 得分率 per indicator.

Plain SVG, no script and no external font, like the single report's chart: the
page shows the same offline and in print.
"""

from __future__ import annotations

from decimal import Decimal

from .._arith import cut_percent, percent, plain
from .._display import display_width
from .._text import html_escape as escape
from ..batch.summary import IndicatorStat, SetSummary
from .chart import CHART_PIECE_HEIGHT, CHART_WHOLE_HEIGHT, _num, chart_label, chart_pieces

__all__ = ["grade_chart", "histogram_chart", "rate_chart", "rate_note", "LOW_RATE", "RATE_LEVELS"]

#: The indicator levels the 得分率 chart shows (一级 and 二级).
RATE_LEVELS = 2

_BAR_AREA = 360  # px of the longest bar
_CHAR = 7.0  # px per display column at 13px
_FILL = "#1f4e79"
_LOW = "#b5542a"  # mean 得分率 below LOW_RATE
_TRACK = "#e3e7ed"
#: A bar of the 得分率 chart whose mean 得分率 is below this is orange, as the note under the chart says.
LOW_RATE = Decimal("0.8")
_RATE_ROW = 24  # px per bar of the 得分率 chart


def _svg(css_class: str, title: str, width: float, height: float, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" viewBox="0 0 {_num(width)} {_num(height)}" '
            f'width="{_num(width)}" height="{_num(height)}" font-size="13"><title>{escape(title)}</title>{body}</svg>')


def grade_chart(s: SetSummary) -> str:
    """One bar per grade, highest grade first: the number of projects and their share."""
    label_width = max((display_width(g.label) for g in s.grades), default=2) * _CHAR + 12
    biggest = max((g.count for g in s.grades), default=0) or 1
    parts = []
    for i, g in enumerate(s.grades):
        y = 6 + i * 26
        length = _BAR_AREA * g.count / biggest
        parts.append(f'<g class="grade" data-grade="{escape(g.label)}"><text x="0" y="{_num(y + 9)}" dominant-baseline="middle">'
                     f'{escape(g.label)}</text>'
                     f'<rect x="{_num(label_width)}" y="{y}" width="{_num(length)}" height="18" fill="{_FILL}"/>'
                     f'<text x="{_num(label_width + length + 6)}" y="{_num(y + 9)}" dominant-baseline="middle">'
                     f'{g.count}（{percent(g.share, 1)}）'
                     "</text></g>")
    return _svg("grade-chart", f"{s.set_name}：等级分布", label_width + _BAR_AREA + 110, 12 + 26 * len(s.grades), "".join(parts))


def histogram_chart(s: SetSummary) -> str:
    """Totals in tenths of the set's total: one column per bin with its count on top."""
    column, gap, height, base = 44, 6, 160, 180
    biggest = max((b.count for b in s.histogram), default=0) or 1
    parts = []
    for i, b in enumerate(s.histogram):
        x = 8 + i * (column + gap)
        tall = height * b.count / biggest
        parts.append(f'<g class="bin" data-count="{b.count}"><rect x="{x}" y="{_num(base - tall)}"'
                     f' width="{column}" height="{_num(tall)}" fill="{_FILL}"/>'
                     f'<text x="{_num(x + column / 2)}" y="{_num(base - tall - 4)}" text-anchor="middle">{b.count}</text>'
                     f'<text x="{_num(x + column / 2)}" y="{base + 16}" text-anchor="middle" font-size="11">'
                     f'{plain(b.low)}–{plain(b.high)}</text></g>')
    width = 16 + len(s.histogram) * (column + gap)
    return _svg("histogram", f"{s.set_name}：总分分布", width, base + 26,
                f'<line x1="4" y1="{base}" x2="{width - 4}" y2="{base}" '
                f'stroke="#5b6675"/>{"".join(parts)}')


def rate_chart(s: SetSummary) -> str:
    """The mean 得分率 of each 一级 and 二级 indicator in the order of the set, on a 0–100% track; a chart taller than
    CHART_WHOLE_HEIGHT as several <svg> of one width, each at most CHART_PIECE_HEIGHT tall and cut between 一级 groups
    where it can, as the single report's chart is: printed, each piece stays whole on its page (QA316 F3: 54 bars were
    one svg taller than a page, pushed to the next page and cut there through a bar)."""
    shown = [i for i in s.indicators if i.level <= RATE_LEVELS and i.mean_rate is not None]
    label_width = max((display_width(chart_label(i.name)) * _CHAR + (16 if i.level > 1 else 0) for i in shown), default=40) + 12
    width = label_width + _BAR_AREA + 80
    title = f"{s.set_name}：各指标平均得分率"
    if 8 + _RATE_ROW * len(shown) <= CHART_WHOLE_HEIGHT:
        return _svg("rate-chart", title, width, 8 + _RATE_ROW * len(shown), _rate_bars(shown, label_width))
    pieces = chart_pieces(shown, lambda _: _RATE_ROW, CHART_PIECE_HEIGHT - 8, CHART_PIECE_HEIGHT - 8)
    return "\n".join(_svg("rate-chart piece", title if k == 0 else f"{title}（续）", width, 8 + _RATE_ROW * len(piece),
                          _rate_bars(piece, label_width)) for k, piece in enumerate(pieces))


def _rate_bars(shown: list[IndicatorStat], label_width: float) -> str:
    parts = []
    for n, i in enumerate(shown):
        assert i.mean_rate is not None
        y = 4 + n * _RATE_ROW
        indent = 16 if i.level > 1 else 0
        colour = _LOW if i.mean_rate < LOW_RATE else _FILL
        bold = ' font-weight="bold"' if i.level == 1 else ""
        parts.append(f'<g class="rate level{i.level}" data-indicator="{escape(i.id)}">'
                     f'<title>{escape(i.name)}：平均得分率 {cut_percent(i.mean_rate)}'
                     f'</title><text x="{indent}" y="{y + 8}" dominant-baseline="middle"{bold}>'
                     f'{escape(chart_label(i.name))}</text>'
                     f'<rect x="{_num(label_width)}" y="{y}" width="{_BAR_AREA}" height="16" fill="{_TRACK}"/>'
                     f'<rect x="{_num(label_width)}" y="{y}" width="{_num(_BAR_AREA * float(i.mean_rate))}"'
                     f' height="16" fill="{colour}"/>'
                     f'<text x="{_num(label_width + _BAR_AREA + 8)}" y="{y + 8}" dominant-baseline="middle">'
                     f'{cut_percent(i.mean_rate)}</text></g>')
    return "".join(parts)


def rate_note(s: SetSummary) -> str:
    """What the orange bars of the 得分率 chart mean, when it has any ("" when none is orange: QA316 F6)."""
    low = any(i.mean_rate is not None and i.level <= RATE_LEVELS and i.mean_rate < LOW_RATE for i in s.indicators)
    return f"橙色：平均得分率低于{percent(LOW_RATE, 0)}" if low else ""
