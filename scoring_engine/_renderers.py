"""The renderers, each a pure function from a Result to text or bytes in the 评分表 (scoresheet) layout.

`RENDERERS` maps each format name to its renderer: ``table`` and ``json`` here,
the score-table reports (``markdown``, ``csv``, ``xlsx``, ``html``) in
`scoring_engine.reports`, each imported when first used. `BINARY_FORMATS`
return bytes, every other format text. `scoring_engine.render` gives them, and
`render()`, which also draws a set's 自评表 (`reports.layouts`, which draws the
评分表 through this module: apart from `render`, so that neither imports the other).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ._arith import ZERO, fixed, in_engine_context, plain
from ._display import display_width, show_value
from ._text import json_visible, one_line

if TYPE_CHECKING:
    from .result import Result

__all__ = ["RENDERERS", "BINARY_FORMATS", "render_table", "render_json", "display_width",
           "render_markdown", "render_csv", "render_xlsx", "render_html"]


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


@in_engine_context
def render_table(result: Result) -> str:
    """The breakdown as an aligned text table: the tree with weights, scores and reasons, then total and grade.

    It is the terminal's view, so every text in it is shown through _text.one_line:
    one line per indicator and per warning, whatever the set or the facts hold.
    """
    p = result.precision
    s = result.indicator_set
    rows = [("指标", "分值", "得分", "说明")]
    for node in result.walk():
        label = "  " * (node.level - 1) + one_line(f"{node.name} ({node.id})")
        rows.append((label, plain(node.weight), fixed(node.score, p), one_line(node.reason)))
    widths = [max(display_width(r[i]) for r in rows) for i in range(3)]
    lines = [one_line(f"{s.name}  [{s.id} {s.version}]")]
    if result.project.get("name"):
        lines.append(f"项目：{one_line(show_value(result.project['name']))}")
    lines.append("")
    for i, (label, weight, score, reason) in enumerate(rows):
        lines.append(f"{_pad(label, widths[0])}  {_pad(weight, widths[1], True)}  {_pad(score, widths[2], True)}"
                     f"  {reason}".rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 4 + 2 + display_width("说明")))
    lines.append("")
    summed = sum((top.score for top in result.indicators), ZERO)
    capped = f"（各项得分合计 {fixed(summed, p)}，封顶后）" if summed != result.total else ""  # (QA253 F2)
    lines.append(f"总分 {fixed(result.total, p)} / {plain(result.max_total)}{capped}    等级 {one_line(result.grade)}")
    if result.grade_consequence:
        lines.append(f"结果应用 {one_line(result.grade_consequence)}")
    if result.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"  - {one_line(w.text('zh'))}" for w in result.warnings)
    if result.flags:
        lines.append("")
        lines.append("需说明：")
        lines.extend(f"  - {one_line(f.text('zh'))}" for f in result.flags)
    lines.append("")
    lines.append(f"指标体系 sha256 {s.sha256[:16]}…  事实 sha256 {result.facts_sha256[:16]}…  "
                 f"scoring-engine {result.engine_version}")
    return "\n".join(lines) + "\n"


@in_engine_context
def render_json(result: Result, lang: str = "en") -> str:
    """The result document (schemas/result.schema.json); `lang` "zh": its warnings' messages in Chinese.

    Hidden characters (_text.is_hidden) inside its strings are written as JSON
    escapes (_text.json_visible, as batch's .jsonl writes them): the text reads back
    exactly as it was, but never reaches a terminal raw.
    """
    from ._result_json import result_json

    document = result.to_json() if lang != "zh" else result_json(result, lang=lang)
    return json_visible(document)


# The reports are imported on first use: a score printed as a table or JSON needs none of them.


def render_markdown(result: Result) -> str:
    """The score table as Markdown (scoring_engine.reports.markdown)."""
    from .reports.markdown import render_markdown as markdown

    return markdown(result)


def render_csv(result: Result) -> str:
    """The score table as CSV (scoring_engine.reports.csv_text)."""
    from .reports.csv_text import render_csv as csv

    return csv(result)


def render_xlsx(result: Result) -> bytes:
    """The score table as an xlsx workbook (scoring_engine.reports.xlsx)."""
    from .reports.xlsx import render_xlsx as xlsx

    return xlsx(result)


def render_html(result: Result) -> str:
    """The report as one self-contained HTML page (scoring_engine.reports.html_page)."""
    from .reports.html_page import render_html as html

    return html(result)


#: format name → renderer
RENDERERS: dict[str, Callable[[Result], str | bytes]] = {
    "table": render_table,
    "json": render_json,
    "markdown": render_markdown,
    "csv": render_csv,
    "xlsx": render_xlsx,
    "html": render_html,
}

#: The formats whose renderer returns bytes (a file, not something to print).
BINARY_FORMATS = frozenset({"xlsx"})
