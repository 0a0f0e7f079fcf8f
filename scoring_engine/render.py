"""Renderers: pure functions from a Result to text. They never recompute a score."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ._arith import fixed, plain
from .result import Result

__all__ = ["RENDERERS", "render_table", "render_json", "display_width"]


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


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


def render_json(result: Result) -> str:
    """The result document (schemas/result.schema.json)."""
    return result.to_json()


#: format name → renderer
RENDERERS: dict[str, Callable[[Result], str]] = {"table": render_table, "json": render_json}
