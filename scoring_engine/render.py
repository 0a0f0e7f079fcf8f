"""Renderers: pure functions from a Result to text or bytes. They never recompute a score.

`RENDERERS` maps each format name to its renderer: ``table`` and ``json`` here,
the score-table reports (``markdown``, ``csv``, ``xlsx``, ``html``) in
`scoring_engine.reports`. `BINARY_FORMATS` return bytes, every other format text.
"""

from __future__ import annotations

from collections.abc import Callable

from ._arith import fixed, in_engine_context, plain
from ._display import display_width
from .errors import ScoringEngineError, did_you_mean
from .reports.csv_text import render_csv
from .reports.html_page import render_html
from .reports.markdown import render_markdown
from .reports.xlsx import render_xlsx
from .result import Result

__all__ = ["RENDERERS", "BINARY_FORMATS", "render", "render_table", "render_json", "display_width",
           "render_markdown", "render_csv", "render_xlsx", "render_html"]


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


@in_engine_context
def render_table(result: Result) -> str:
    """The breakdown as an aligned text table: the tree with weights, scores and reasons, then total and grade."""
    p = result.precision
    rows = [("指标", "分值", "得分", "说明")]
    for node in result.walk():
        label = "  " * (node.level - 1) + f"{node.name} ({node.id})"
        rows.append((label, plain(node.weight), fixed(node.score, p), node.reason))
    widths = [max(display_width(r[i]) for r in rows) for i in range(3)]
    lines = [f"{result.indicator_set.name}  [{result.indicator_set.id} {result.indicator_set.version}]"]
    if result.project.get("name"):
        lines.append(f"项目：{result.project['name']}")
    lines.append("")
    for i, (label, weight, score, reason) in enumerate(rows):
        lines.append(f"{_pad(label, widths[0])}  {_pad(weight, widths[1], True)}  {_pad(score, widths[2], True)}  {reason}".rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 4 + 2 + display_width("说明")))
    lines.append("")
    lines.append(f"总分 {fixed(result.total, p)} / {plain(result.max_total)}    等级 {result.grade}")
    if result.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"  - {w}" for w in result.warnings)
    lines.append("")
    lines.append(f"指标体系 sha256 {result.indicator_set.sha256[:16]}…  事实 sha256 {result.facts_sha256[:16]}…  scoring-engine {result.engine_version}")
    return "\n".join(lines) + "\n"


@in_engine_context
def render_json(result: Result) -> str:
    """The result document (schemas/result.schema.json)."""
    return result.to_json()


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


@in_engine_context
def render(result: Result, fmt: str) -> str | bytes:
    """`result` in format `fmt` (a key of RENDERERS); a ScoringEngineError with a did-you-mean for an unknown format."""
    if fmt not in RENDERERS:
        raise ScoringEngineError(f"unknown format {fmt!r}", hint=did_you_mean(fmt, RENDERERS) or "one of: " + ", ".join(RENDERERS))
    return RENDERERS[fmt](result)
