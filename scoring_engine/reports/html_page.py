"""The score as one self-contained HTML page: grade, chart, full table, deductions, warnings, provenance.

No script, no external font, stylesheet or image: the page carries a Content
Security Policy that forbids every request, so it reads the same offline, from
an e-mail attachment or an archive. It prints on A4 (the table header repeats
on every page) and uses the Chinese fonts the reader's system has.
"""

from __future__ import annotations

from .._arith import fixed, in_engine_context, plain
from .._display import show_value
from .._text import html_escape as escape
from .._text import visible
from ..result import Result
from ._page import BASE_CSS
from ._page import head as page_head
from .chart import score_chart
from .rows import ScoreTable, derived_note, losses, project_items, provenance, score_table, title
from .summary import SUMMARY_HEADER, summary_cells

__all__ = ["render_html"]

_CSS = (BASE_CSS + """
dl.project { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0 0 16px; color: var(--muted); }
dl.project div { display: flex; gap: 4px; }
dl.project dt { white-space: nowrap; }
dl.project dt::after { content: "："; }
dl.project dd { margin: 0; color: var(--ink); }
.summary { display: flex; align-items: stretch; gap: 16px; margin: 12px 0 4px; }
.summary > div { border: 1px solid var(--line); border-radius: 6px; padding: 10px 22px; text-align: center; }
.summary .label { display: block; color: var(--muted); font-size: 13px; }
.grade { background: var(--accent); border-color: var(--accent) !important; color: #fff; min-width: 120px; }
.grade .label { color: #dbe6f2 !important; }
.consequence { max-width: 360px; text-align: left !important; }
table.summary-table { width: auto; min-width: 50%; }
.grade .value { font-size: 44px; font-weight: bold; line-height: 1.15; }
.total .value { font-size: 34px; font-weight: bold; line-height: 1.3; }
.total .max { font-size: 16px; color: var(--muted); margin-left: 4px; }
.warnings { border-left: 4px solid var(--warn); background: #fff7e8; padding: 8px 14px; margin: 16px 0; }
.warnings h2 { border: 0; margin: 0 0 4px; color: var(--warn); font-size: 15px; }
.warnings ul { margin: 0; padding-left: 20px; }
svg.score-chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.score-chart text { fill: var(--ink); }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: middle; text-align: left; }
thead th { background: var(--shade); text-align: center; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.level { min-width: 4.5em; }
td.level.leaf { min-width: 7em; }
td.standard { color: var(--muted); min-width: 12em; }
td.reason { min-width: 14em; }
tr.subtotal > *, tr.total > * { background: var(--shade); font-weight: bold; }
tr.total > * { border-top: 2px solid var(--ink); }
table.losses, table.facts { table-layout: fixed; }
table.losses th:nth-child(1) { width: 36%; }
table.losses th:nth-child(2) { width: 10%; }
table.facts th:nth-child(1) { width: 24%; }
table.facts th:nth-child(2) { width: 54%; }
table.facts.derived th:nth-child(1) { width: 22%; }
table.facts.derived th:nth-child(2) { width: 16%; }
table.losses ul { margin: 0; padding-left: 18px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--muted); }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
footer dd { margin: 0; word-break: break-all; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  table { font-size: 9pt; }
  h2 { break-after: avoid; }
  tr, .summary, svg.score-chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .grade { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr.subtotal > *, tr.total > *, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""").strip()

# Everything is forbidden but this page's own stylesheet (by its hash): no request can leave the page.
@in_engine_context
def render_html(result: Result) -> str:
    """The report page as HTML text."""
    p = result.precision
    head = page_head(title(result), _CSS, f"scoring-engine {result.engine_version}")
    project = "".join(f"<div><dt>{escape(label)}</dt><dd>{_lines(text)}</dd></div>" for label, text in project_items(result))
    s = result.indicator_set
    project += f"<div><dt>指标体系</dt><dd>{escape(s.name)}（{escape(s.id)} {escape(s.version)}）</dd></div>"
    summary = (
        '<div class="summary">'
        f'<div class="grade" id="grade"><span class="label">等级</span><span class="value">{escape(result.grade)}</span></div>'
        f'<div class="total" id="total"><span class="label">总分</span><span class="value">{fixed(result.total, p)}</span>'
        f'<span class="max">/ {plain(result.max_total)}</span></div>'
        + (f'<div class="consequence" id="consequence"><span class="label">结果应用</span>'
           f'{_lines(result.grade_consequence)}</div>'
           if result.grade_consequence else "")
        + "</div>"
    )
    body = [
        f'<body>\n<main>\n<header>\n<h1>{escape(title(result))}</h1>\n<dl class="project">{project}</dl>\n{summary}\n</header>\n',
        _warnings(result),
        _flags(result),
        f'<section id="chart">\n<h2>得分概览</h2>\n{score_chart(result)}\n</section>\n',
        f'<section id="score-table">\n<h2>评分表</h2>\n{_table(score_table(result))}\n</section>\n',
        _summary(result),
        _losses(result),
        _facts(result),
        _provenance(result),
        "</main>\n</body>\n</html>\n",
    ]
    return head + "".join(body)


def _warnings(result: Result) -> str:
    if not result.warnings:
        return ""
    items = "".join(f"<li>{_lines(w.text('zh'))}</li>" for w in result.warnings)
    return f'<section class="warnings" id="warnings">\n<h2>提示</h2>\n<ul>{items}</ul>\n</section>\n'


def _flags(result: Result) -> str:
    if not result.flags:
        return ""
    items = "".join(f"<li>{_lines(f.text('zh'))}</li>" for f in result.flags)
    return f'<section class="warnings" id="flags">\n<h2>需说明</h2>\n<ul>{items}</ul>\n</section>\n'


def _table(table: ScoreTable) -> str:
    """The 评分表 with the 一级 / 二级 cells spanning their rows, as in a hand-made table."""
    spans = {(first, level - 1): last - first + 1  # (row, level column) → rowspan, for the first row of each group
             for level in range(1, table.levels + 1) for first, last in table.groups(level)}
    hidden = table.continued()
    numeric = (table.weight_column, table.score_column)
    head = "".join(f'<th class="num">{escape(h)}</th>' if i in numeric else f"<th>{escape(h)}</th>"
                   for i, h in enumerate(table.header))
    lines = [f"<table class=\"score-table\">\n<thead><tr>{head}</tr></thead>\n<tbody>"]
    for i, row in enumerate(table.rows):
        cells = table.cells(row)
        out = []
        if row.kind == "indicator":
            depth = len(row.path)
            for col in range(depth):
                if (i, col) in hidden:
                    continue
                rowspan = f' rowspan="{spans[(i, col)]}"' if spans.get((i, col), 1) > 1 else ""
                colspan = f' colspan="{table.levels - depth + 1}"' if col == depth - 1 and depth < table.levels else ""
                kind = "level leaf" if col == depth - 1 else "level"
                out.append(f'<td class="{kind}"{rowspan}{colspan}>{escape(cells[col])}</td>')
        else:
            out.append(f'<th scope="row" colspan="{table.levels}">{escape(cells[0])}</th>' if table.levels > 1
                       else f'<th scope="row">{escape(cells[0])}</th>')
        out.append(f'<td class="num">{escape(cells[table.weight_column])}</td>')
        out.append(f'<td class="standard">{_lines(cells[table.standard_column])}</td>')
        out.append(f'<td class="num">{escape(cells[table.score_column])}</td>')
        out.append(f'<td class="reason">{_lines(cells[table.reason_column])}</td>')
        data = f' data-indicator="{escape(row.path[-1].id)}"' if row.path else ""
        lines.append(f'<tr class="{"total" if row.kind == "capped" else row.kind}"{data}>{"".join(out)}</tr>')
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def _summary(result: Result) -> str:
    """The per-一级 summary: 分值, 得分, 得分率."""
    head = "<th>一级指标</th>" + "".join(f'<th class="num">{h}</th>' for h in SUMMARY_HEADER[1:])
    cells = summary_cells(result)
    tops = len(result.indicators)  # then 合计, and 封顶后总分 under a cap: both totals (QA255 L1)
    rows = "".join(f'<tr class="{"total" if i >= tops else "level-one"}"><td>{escape(name)}</td>'
                   f'<td class="num">{weight}</td><td class="num">{score}</td><td class="num">{rate}</td></tr>'
                   for i, (name, weight, score, rate) in enumerate(cells))
    return (f'<section id="summary">\n<h2>一级指标汇总</h2>\n<table class="summary-table">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>{rows}</tbody>\n</table>\n</section>\n")


def _losses(result: Result) -> str:
    found = losses(result)
    if not found:
        return '<section id="losses">\n<h2>扣分明细</h2>\n<p>各项指标均得满分。</p>\n</section>\n'
    rows = []
    for path, lost, why in found:
        items = "".join(f"<li>{_lines(w)}</li>" for w in why)
        rows.append(f'<tr data-indicator="{escape(path[-1].id)}"><td>{" › ".join(escape(n.name) for n in path)}</td>'
                    f'<td class="num">{fixed(lost, result.precision)}</td><td><ul>{items}</ul></td></tr>')
    return ('<section id="losses">\n<h2>扣分明细</h2>\n<table class="losses">\n'
            '<thead><tr><th>指标</th><th class="num">失分</th><th>原因</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>\n</section>\n")


def _facts(result: Result) -> str:
    parts = []
    if result.facts:
        rows = "".join(f"<tr><td>{escape(f.label or f.name)}</td><td>{_lines(show_value(f.value, f.unit))}</td>"
                       f"<td><code>{escape(f.name)}</code></td></tr>" for f in result.facts)
        parts.append('<table class="facts">\n<thead><tr><th>事实</th><th>值</th><th>名称</th></tr></thead>\n'
                     f"<tbody>{rows}</tbody>\n</table>")
    if result.derived:
        rows = "".join(
            f"<tr><td>{escape(d.label or d.name)}</td>"
            f"<td>{escape(show_value(d.value) if d.error is None else '无法计算：' + d.error)}</td>"
            f"<td><code>{escape(d.name)} = {escape(d.expression)}</code>{escape(derived_note(d))}</td></tr>"
            for d in result.derived)
        parts.append('<table class="facts derived">\n<thead><tr><th>计算值</th><th>值</th><th>公式</th></tr></thead>\n'
                     f"<tbody>{rows}</tbody>\n</table>")
    if not parts:
        return ""
    return '<section id="facts">\n<h2>事实与计算值</h2>\n' + "\n<br>\n".join(parts) + "\n</section>\n"


def _provenance(result: Result) -> str:
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>" for label, text in provenance(result))
    return f'<footer id="provenance">\n<h2>来源</h2>\n<dl>{items}</dl>\n</footer>\n'


def _lines(text: str) -> str:
    """Text of several lines (a standard, a reason) with each line break, a bare \\r too, as <br>."""
    return "<br>".join(escape(line) for line in visible(text).splitlines()) if text else ""
