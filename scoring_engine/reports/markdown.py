"""The score table as Markdown, ready to paste into an evaluation report."""

from __future__ import annotations


from .._arith import fixed, in_engine_context, plain
from .._text import visible
from ..result import Result
from .rows import project_items, provenance_line, score_table, title
from .summary import SUMMARY_HEADER, grade_text, summary_cells
from .._patterns import compile_later

__all__ = ["render_markdown"]

# Markup that could change the table or make the text live: pipes, code, emphasis, strikethrough and link brackets,
# "<" opening a tag or an autolink, "&" opening a character reference. An underscore inside a name
# (cost_saving_rate) cannot start emphasis and "x < 95%" opens no tag: both stay as written.
_SPECIAL = compile_later(r"[\\|`*~\[\]]|<(?=[A-Za-z/!?])|&(?=#?[0-9A-Za-z]+;)|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# What starts a block when it starts a line: a heading, a quote, a list item, a setext underline or a
# thematic break (fences are escaped above). Escaped wherever a text starts, so no text starts a block,
# not even inside a warning's list item.
_BLOCK_START = compile_later(r"#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|[=-]+[ \t]*$")


def _cell(text: str) -> str:
    """Text that stays text, in a table cell or anywhere in a line: markup escaped, hidden characters shown
    as escapes (_text.visible), each line break (a bare \\r too) as <br>, so no text ends a row or starts a block."""
    return "<br>".join(_inline(line.strip()) for line in visible(text).split("\n"))


def _inline(line: str) -> str:
    escaped = _SPECIAL.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), line)
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    marker = start.group()
    if marker[0].isdigit():  # "1." starts a list: escape its dot
        return marker + "\\" + escaped[len(marker):]
    return "\\" + escaped


@in_engine_context
def render_markdown(result: Result) -> str:
    """The 评分表 in Markdown: indicators with weight, standard, score and reason; subtotals; total, grade; warnings; provenance.

    A 一级 or 二级 name is written once, on the first row of its group, as in hand-made tables.
    """
    table = score_table(result)
    p = result.precision
    lines = [f"# {_cell(title(result))}", ""]
    details = [f"{_cell(label)}：{_cell(text)}" for label, text in project_items(result)]
    if details:
        lines += ["　".join(details), ""]
    s = result.indicator_set
    lines += [f"指标体系：{_cell(s.name)}（{_cell(s.id)} {_cell(s.version)}）", ""]
    aligns = ["---"] * len(table.header)
    aligns[table.weight_column] = aligns[table.score_column] = "--:"
    lines.append("| " + " | ".join(table.header) + " |")
    lines.append("|" + "|".join(aligns) + "|")
    repeated = table.continued()
    for i, row in enumerate(table.rows):
        cells = [_cell(c) for c in table.cells(row)]
        for column in range(table.levels):  # a name already shown just above is left blank
            if (i, column) in repeated:
                cells[column] = ""
        if row.kind != "indicator":
            for column in (0, table.weight_column, table.score_column):
                cells[column] = f"**{cells[column]}**"
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"**总分 {fixed(result.total, p)} / {plain(result.max_total)}，等级：{_cell(grade_text(result))}**", ""]
    lines += ["## 一级指标汇总", "", "| " + " | ".join(SUMMARY_HEADER) + " |", "|---|--:|--:|--:|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in summary_cells(result)]
    lines.append("")
    if result.warnings:
        lines += ["## 提示", ""]
        lines += [f"- {_cell(w.text('zh'))}" for w in result.warnings]
        lines.append("")
    if result.flags:
        lines += ["## 需说明", ""]
        lines += [f"- {_cell(f.text('zh'))}" for f in result.flags]
        lines.append("")
    lines += ["---", "", f"来源：{_cell(provenance_line(result))}", ""]
    return "\n".join(lines)
