"""A form layout (the 自评表) as Markdown and as CSV: the grid row by row, merged cells written once.

Neither format can merge cells: a span's text stands in its first position and the
positions it covers stay empty, so the rows and columns line up with the printed form.
An empty 一级 or 二级 cell of its own right under one that names a group (a 二级 leaf
after a 二级 group) is written —, for an empty cell there reads as the name above again.
"""

from __future__ import annotations

import csv
import io

from ..forms.grid import Grid, shown
from ..result import Result
from .csv_text import BOM, _text_cell
from .markdown import _cell
from .rows import provenance_line

__all__ = ["render_form_csv", "render_form_markdown"]


def render_form_markdown(grid: Grid, result: Result | None) -> str:
    """The form as a Markdown table under its title; the notes (grade, consequence, warnings) and the provenance after it."""
    lines = _lines(grid)
    title, subtitle = lines[0][0], lines[1][0]
    out = [f"# {_cell(title)}", "", _cell(subtitle), ""]
    body = lines[2:]
    out.append("| " + " | ".join(_cell(c) for c in body[0]) + " |")
    out.append("|" + "|".join(["---"] * grid.width) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body[1:]]
    out.append("")
    out += [f"- {_cell(note)}" for note in grid.notes]
    if result is not None:
        out += ["", "---", "", f"来源：{_cell(provenance_line(result))}"]
    return "\n".join(out) + "\n"


def render_form_csv(grid: Grid, result: Result | None) -> str:
    """The form's rows as CSV (UTF-8 with a byte-order mark), every cell where the printed form has it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in _lines(grid):
        writer.writerow(_text_cell(c) for c in row)
    for note in grid.notes:
        writer.writerow([_text_cell(note)])
    return BOM + out.getvalue()


#: What an empty 一级 or 二级 cell of its own under a named one says: no group here, not the one above (QA340 F5)
NO_GROUP = "—"


def _lines(grid: Grid) -> list[list[str]]:
    """The grid's rows as text, an empty level cell that starts under a named level span written NO_GROUP: the xlsx and
    HTML forms draw its own cell's border; without it, Markdown and CSV would show the 二级C leaf's 二级 as 二级C."""
    lines = list(grid.lines())
    spans = {(r, cell.col): cell for cell in grid.cells if cell.style == "level"
             for r in range(cell.row, cell.row + cell.rowspan)}
    for cell in grid.cells:
        above = spans.get((cell.row - 1, cell.col))
        if cell.style == "level" and not shown(cell) and above is not None and shown(above):
            lines[cell.row][cell.col] = NO_GROUP
    return lines
