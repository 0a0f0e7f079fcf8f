"""A form layout (the 自评表) as one self-contained HTML page, printable on A4 with the indicator heading on each page.

Like the score-table page it loads nothing (a Content Security Policy forbids every
request) and names the Chinese fonts readers' systems have. The form is drawn as
two tables sharing their column widths: everything above the indicator heading,
then the indicator block, whose heading the browser repeats on each printed page.
"""

from __future__ import annotations

from .._text import html_escape as escape
from .._text import visible
from ..forms.grid import Cell, Grid, shown
from ..result import Result
from ._page import head as page_head
from .rows import provenance

__all__ = ["render_form_html"]

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #111;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "Microsoft YaHei", "WenQuanYi Micro Hei", serif; font-size: 14px; line-height: 1.45; }
main { max-width: 1180px; margin: 24px auto; padding: 28px 32px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form + table.form { margin-top: -1px; }
.form td, .form th { border: 1px solid #000; padding: 4px 6px; vertical-align: middle; word-break: break-all; }
.form .title { border: 0; text-align: center; font-size: 22px; font-weight: bold; padding: 4px 0 2px; }
.form .subtitle { border: 0; text-align: center; padding: 0 0 10px; }
.form td:empty::after { content: "\\00a0"; }
.form .level { text-align: center; }
.form .label, .form .head { text-align: center; font-weight: bold; }
.form .number, .form .score, .form .percent, .form .dash { text-align: center; font-variant-numeric: tabular-nums; }
.form .cut { border-bottom: 0; }
.form .carried { border-top: 0; }
.notes { margin: 14px 0 0; padding-left: 18px; }
.notes li.grade { font-weight: bold; }
footer { margin-top: 22px; color: #5b6675; font-size: 12px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
footer dd { margin: 0; word-break: break-all; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
""".strip()

def render_form_html(grid: Grid, result: Result | None) -> str:
    """The form page as HTML text (a blank form when `result` is None)."""
    total = sum(grid.widths) or 1  # the column widths go into the stylesheet: the policy refuses style attributes
    css = _CSS + "\n" + "\n".join(f".form col.c{i} {{ width: {w * 100 / total:.2f}%; }}" for i, w in enumerate(grid.widths))
    generator = f"scoring-engine {result.engine_version}" if result else "scoring-engine"
    head = page_head(grid.title, css, generator)
    split = grid.repeat[0] if grid.repeat else grid.height
    cols = _colgroup(grid)
    body = [f'<body>\n<main>\n<table class="form" id="form-top">{cols}\n<tbody>\n{_rows(grid, 0, split)}</tbody>\n</table>\n']
    if grid.repeat:
        last = grid.repeat[1] + 1
        body.append(f'<table class="form" id="form-indicators">{cols}\n<thead>\n{_rows(grid, split, last)}</thead>\n'
                    f"<tbody>\n{_rows(grid, last, grid.height)}</tbody>\n</table>\n")
    if grid.notes:
        marked = ' class="grade"' if result is not None else ""
        items = "".join(f"<li{marked if i == 0 else ''}>{_lines(n)}</li>" for i, n in enumerate(grid.notes))
        body.append(f'<ul class="notes" id="notes">{items}</ul>\n')
    if result is not None:
        items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>" for label, text in provenance(result))
        body.append(f'<footer id="provenance"><dl>{items}</dl></footer>\n')
    return head + "".join(body) + "</main>\n</body>\n</html>\n"


def _colgroup(grid: Grid) -> str:
    return "<colgroup>" + "".join(f'<col class="c{i}">' for i in range(len(grid.widths))) + "</colgroup>"


def _rows(grid: Grid, first: int, last: int) -> str:
    """Rows first..last-1; a span reaching past `last` is cut there (the two tables never share a span)."""
    starts = grid.at()
    # A span that began above `first` goes on here as an empty cell without a top border: it reads as one merged cell.
    carried = {(first, c.col): Cell(first, c.col, None, c.style, c.row + c.rowspan - first, c.colspan)
               for c in grid.cells if c.row < first < c.row + c.rowspan}
    lines = []
    for r in range(first, last):
        cells = []
        for c in range(grid.width):
            if (r, c) in starts:
                cells.append(_cell(starts[(r, c)], last, "cut" if starts[(r, c)].row + starts[(r, c)].rowspan > last else ""))
            elif (r, c) in carried:
                cells.append(_cell(carried[(r, c)], last, "carried"))
        lines.append(f"<tr>{''.join(cells)}</tr>\n")
    return "".join(lines)


def _cell(cell: Cell, last: int, extra: str) -> str:
    rowspan = min(cell.rowspan, last - cell.row)
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
    key = f' data-key="{escape(cell.key)}"' if cell.key else ""
    tag = "th" if cell.style in ("label", "head") else "td"
    text = _lines(shown(cell))
    classes = f"{cell.style} {extra}".strip()
    return f'<{tag} class="{classes}"{spans}{key}>{text}</{tag}>'


def _lines(text: str) -> str:
    """Text of several lines (a cell, a 不适用 item's reason) with each line break, a bare \\r too, as <br> (QA340 F3)."""
    return "<br>".join(escape(line) for line in visible(text).splitlines())
