"""The 自评表 laid out as its layout says: title, header, funds block, goals, indicator block, total, closing rows.

Merged cells are as on paper: the block labels (项目资金（万元）, 年度总体目标, 绩效指标)
span their rows, the 一级 and 二级 names span the rows under them, the project
name spans the width. Every format draws the grid this module builds.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from .content import FormContent, IndicatorLine
from .grid import Cell, Grid, GridBuilder, shown
from .labels import plain_year
from .layout import FormLayout, label_with_weight

__all__ = ["form_grid"]

# Column widths (characters; a Chinese character counts two) by column key.
_WIDTHS = {"block": 10, "level1": 12, "level2": 14, "level3": 24, "target": 14, "comparison": 8, "target_value": 10, "unit": 8,
           "actual": 14, "actual_value": 10, "weight": 8, "score": 8, "reason": 30}


def _year(year: object) -> str:
    """The year the title prints: in digits when it is one as a clerk writes it ('2021年', 'FY2021': （2021年度）, not
    （2021年年度）, which the form's reader cannot read back); as given otherwise; blank when there is none."""
    if year is None or year == "":
        return "    "
    digits = plain_year(year)
    return digits if re.fullmatch(r"\d{4}", digits) else str(year)


def form_grid(layout: FormLayout, content: FormContent) -> Grid:
    """The form as a grid of cells, one column for the block labels and one per indicator column."""
    columns = layout.indicators.columns
    b = GridBuilder(width=1 + len(columns))
    b.put(0, layout.title, "title", colspan=b.width)
    b.next_row()
    b.put(0, layout.subtitle.format(year=_year(content.project.get("year"))), "subtitle", colspan=b.width)
    b.next_row()
    for line in layout.header:
        spots = b.spread(0, 2 * len(line), flexible=tuple(range(1, 2 * len(line), 2)))
        for i, item in enumerate(line):
            (lc, ls), (vc, vs) = spots[2 * i], spots[2 * i + 1]
            b.put(lc, item.label, "label", colspan=ls)
            b.put(vc, content.project.get(item.key), "text", colspan=vs, key=f"project.{item.key}")
        b.next_row()
    if content.funds:
        _funds(b, layout, content)
    _goals(b, layout, content)
    repeat = _indicators(b, layout, content)
    _total(b, layout, content)
    for item in layout.closing:
        (lc, ls), (vc, vs) = b.spread(0, 2, flexible=(1,))
        b.put(lc, item.label, "label", colspan=ls)
        b.put(vc, content.project.get(item.key), "text", colspan=vs, key=f"project.{item.key}")
        b.next_row()
    widths = (_WIDTHS["block"], *(_WIDTHS[c.key] for c in columns))
    return b.grid(layout.title, repeat, content.notes, widths)


def _funds(b: GridBuilder, layout: FormLayout, content: FormContent) -> None:
    block = layout.funds
    b.put(0, label_with_weight(block.label, _funds_weight(content)), "label", rowspan=1 + len(block.rows))
    spots = b.spread(1, 1 + len(block.columns), flexible=(0,))
    b.put(spots[0][0], None, "head", colspan=spots[0][1])
    for (col, span), column in zip(spots[1:], block.columns, strict=True):
        b.put(col, column.label, "head", colspan=span)
    b.next_row()
    for row in block.rows:
        values = content.funds.get(row.key, {})
        b.put(spots[0][0], row.label, "label", colspan=spots[0][1])
        for (col, span), column in zip(spots[1:], block.columns, strict=True):
            value = values.get(column.key)
            key = f"funds.{row.key}.{column.key}"
            if column.key in ("weight", "score") and row.key != "total":
                b.put(col, "—", "dash", colspan=span, key=key)
            elif column.key == "rate":
                b.put(col, value, "percent", colspan=span, key=key)
            elif column.key == "score":
                b.put(col, value, "score", colspan=span, key=key, places=content.precision)
            else:
                b.put(col, value, "number" if isinstance(value, Decimal) else "text", colspan=span, key=key)
        b.next_row()
    if content.funds_note:  # the rate scored, where it is not the row's B/A: a line across the form (QA324 F1)
        b.put(0, content.funds_note, "text", colspan=b.width, key="funds.note")
        b.next_row()


def _goals(b: GridBuilder, layout: FormLayout, content: FormContent) -> None:
    block = layout.goals
    b.put(0, block.label, "label", rowspan=2)
    spots = b.spread(1, len(block.columns), flexible=tuple(range(len(block.columns))))
    for (col, span), column in zip(spots, block.columns, strict=True):
        b.put(col, column.label, "head", colspan=span)
    b.next_row()
    for (col, span), column in zip(spots, block.columns, strict=True):
        b.put(col, content.project.get(column.key), "text", colspan=span, key=f"project.{column.key}")
    b.next_row()


def _indicators(b: GridBuilder, layout: FormLayout, content: FormContent) -> tuple[int, int]:
    """The indicator block; returns the heading row, which each printed page repeats."""
    columns = layout.indicators.columns
    lines = content.lines or (IndicatorLine(""),)
    funds = _funds_weight(content)  # the indicators' weight, 绩效指标（90分）: the rest of the total
    rest = content.max_total - funds if content.max_total is not None and funds is not None else content.max_total
    b.put(0, label_with_weight(layout.indicators.label, rest), "label", rowspan=1 + len(lines))
    for col, column in enumerate(columns, 1):
        b.put(col, column.label, "head")
    heading = b.row
    b.next_row()
    first = b.row
    for line in lines:
        for col, column in enumerate(columns, 1):
            if column.key not in ("level1", "level2"):
                _indicator_cell(b, col, column.key, line, content.precision)
        b.next_row()
    keys = [c.key for c in columns]
    for level, depth in (("level1", 1), ("level2", 2)):
        if level not in keys:
            continue
        col = keys.index(level) + 1
        spans = itertools.groupby(enumerate(lines), key=lambda pair: (pair[1].level1, pair[1].level2)[:depth])
        for _, run in spans:
            run_list = list(run)
            start, line = run_list[0]
            value = line.level1 if level == "level1" else line.level2
            b.cells.append(_span_cell(first + start, col, value, len(run_list), f"row.{level}.{start}"))
    return heading, heading


def _span_cell(row: int, col: int, value: str, rowspan: int, key: str) -> Cell:
    return Cell(row, col, value or None, "level", rowspan, 1, key)


def _indicator_cell(b: GridBuilder, col: int, key: str, line: IndicatorLine, precision: int) -> None:
    cell_key = f"row.{line.key}.{key}" if line.key else ""
    percent = line.unit == "%"
    if key == "level3":
        b.put(col, line.level3 or None, "text", key=cell_key)
    elif key == "target":
        b.put(col, _target_text(line), "text", key=cell_key)
    elif key == "comparison":
        b.put(col, line.comparison, "text", key=cell_key)
    elif key == "target_value":
        b.put(col, line.target if line.target is not None else line.target_text, "percent" if percent else "number", key=cell_key)
    elif key == "unit":
        b.put(col, None if percent else line.unit, "text", key=cell_key)
    elif key == "actual":
        value = line.actual if line.actual is not None else line.actual_text
        b.put(col, value, "percent" if percent and line.actual is not None else "number", key=cell_key,
              unit=None if percent else line.unit)
    elif key == "actual_value":
        value = line.actual if line.actual is not None else line.actual_text
        b.put(col, value, "percent" if percent and line.actual is not None else "number", key=cell_key)
    elif key == "weight":
        b.put(col, line.weight, "number", key=cell_key)
    elif key == "score":
        b.put(col, line.score, "score", key=cell_key, places=precision)
    else:
        b.put(col, line.reason or None, "text", key=cell_key)


def _target_text(line: IndicatorLine) -> str | None:
    """The 年度指标值 as forms write it: '≥19栋', '≤90万元', '≥90%', or the qualitative target."""
    if line.target is None:
        return line.target_text
    value = shown(Cell(0, 0, line.target, "percent" if line.unit == "%" else "number",
                       unit=None if line.unit == "%" else line.unit))
    return f"{line.comparison or ''}{value}"


def _funds_weight(content: FormContent) -> Decimal | None:
    """The weight the funds block shows: its indicator's, as scored (rescaled for 不适用 indicators); None without one."""
    weight = content.funds.get("total", {}).get("weight")
    return weight if isinstance(weight, Decimal) else None


def _total(b: GridBuilder, layout: FormLayout, content: FormContent) -> None:
    keys = [c.key for c in layout.indicators.columns]
    weight_col, score_col = keys.index("weight") + 1, keys.index("score") + 1
    first, last = sorted((weight_col, score_col))  # 得分 may come before 分值: the label spans up to the first (QA131 F1)
    b.put(0, layout.total, "label", colspan=first)
    b.put(weight_col, content.max_total, "number", key="total.weight")
    b.put(score_col, content.total, "score", key="total.score", places=content.precision)
    if last > first + 1:
        b.put(first + 1, None, "text", colspan=last - first - 1)
    if last + 1 < b.width:
        b.put(last + 1, content.capped or None, "text", colspan=b.width - last - 1)
    b.next_row()
