"""The score table as Markdown, ready to paste into an evaluation report."""

from __future__ import annotations

import re

from .._arith import fixed, in_engine_context, plain
from ..result import Result
from .rows import project_items, provenance_line, score_table, title

__all__ = ["render_markdown"]

# Markup that could change the table: pipes, code and emphasis markers, and "<" opening a tag.
# An underscore inside a name (cost_saving_rate) cannot start emphasis and "x < 95%" opens no tag: both stay as written.
_SPECIAL = re.compile(r"[\\|`*]|<(?=[A-Za-z/!?])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def _cell(text: str) -> str:
    """Text safe inside a table cell: pipes and markup escaped, line breaks as <br>."""
    escaped = _SPECIAL.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), text)
    return "<br>".join(part.strip() for part in escaped.splitlines()) if "\n" in escaped else escaped


@in_engine_context
def render_markdown(result: Result) -> str:
    """The 评分表 in Markdown: indicators with weight, standard, score and reason; subtotals; total and grade; warnings; provenance.

    A 一级 or 二级 name is written once, on the first row of its group, as in hand-made tables.
    """
    table = score_table(result)
    p = result.precision
    lines = [f"# {_cell(title(result))}", ""]
    details = [f"{label}：{_cell(text)}" for label, text in project_items(result)]
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
    lines += ["", f"**总分 {fixed(result.total, p)} / {plain(result.max_total)}，等级：{_cell(result.grade)}**", ""]
    if result.warnings:
        lines += ["## 提示", ""]
        lines += [f"- {_cell(str(w))}" for w in result.warnings]
        lines.append("")
    lines += ["---", "", f"来源：{_cell(provenance_line(result))}", ""]
    return "\n".join(lines)
