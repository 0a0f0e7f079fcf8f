"""Rendering: a Result as text or bytes, in the 评分表 or the set's own 自评表 layout. Renderers never recompute a score.

`RENDERERS` maps each format name to its renderer: ``table`` and ``json``, and
the score-table reports (``markdown``, ``csv``, ``xlsx``, ``html``) in
`scoring_engine.reports`, each imported when first used (all in `_renderers`).
`BINARY_FORMATS` return bytes, every other format text. `render` gives what
``scoring-engine score --format FMT`` gives: given the set, its own layout (a
self-evaluation set's 自评表, `reports.layouts`), or the one ``layout`` names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

from ._arith import in_engine_context
from ._renderers import (BINARY_FORMATS, RENDERERS, display_width, render_csv, render_html, render_json, render_markdown,
                         render_table, render_xlsx)
from .errors import ScoringEngineError, did_you_mean

if TYPE_CHECKING:
    from .model import IndicatorSet
    from .result import Result

__all__ = ["RENDERERS", "BINARY_FORMATS", "render", "render_table", "render_json", "display_width",
           "render_markdown", "render_csv", "render_xlsx", "render_html"]


@overload
def render(result: Result, fmt: Literal["xlsx"], indicator_set: IndicatorSet | None = None,
           layout: str | None = None) -> bytes: ...
@overload
def render(result: Result, fmt: Literal["table", "json", "markdown", "csv", "html"],
           indicator_set: IndicatorSet | None = None, layout: str | None = None) -> str: ...
@overload
def render(result: Result, fmt: str, indicator_set: IndicatorSet | None = None,
           layout: str | None = None) -> str | bytes: ...


@in_engine_context
def render(result: Result, fmt: str, indicator_set: IndicatorSet | None = None,
           layout: str | None = None) -> str | bytes:
    """`result` in format `fmt` (a key of RENDERERS, in any letter case as ``--format`` takes it); a ScoringEngineError
    with a did-you-mean for an unknown format.

    Without `indicator_set`, the 评分表 (scoresheet); given the set that scored
    `result`, the set's own layout, as ``scoring-engine score --format FMT``
    writes it (a self-evaluation set's 自评表 in markdown, csv, xlsx and html).
    `layout` ("scoresheet" or "selfeval", for those four formats) chooses one,
    as ``--layout`` does; the 自评表 needs the set.
    """
    if not isinstance(fmt, str):  # a caller's slip, said as such (QA41 F5), not from deep inside the did-you-mean
        raise TypeError(f"fmt is a format's name ({', '.join(RENDERERS)}), not {type(fmt).__name__}")
    if not hasattr(result, "to_json"):
        raise TypeError(f"render() takes a Result (from score()), not {type(result).__name__}")
    fmt = fmt.lower() if fmt.lower() in RENDERERS else fmt  # "JSON" as --format JSON takes it (QA330 F8)
    if fmt not in RENDERERS:
        raise ScoringEngineError(f"unknown format {fmt!r}",
                                 hint=did_you_mean(fmt.lower(), RENDERERS) or "one of: " + ", ".join(RENDERERS))
    if isinstance(layout, str) and layout.lower() in ("scoresheet", "selfeval"):
        layout = layout.lower()  # as --layout SelfEval
    if indicator_set is None and layout is None:
        return RENDERERS[fmt](result)
    from .reports.layouts import render_layout

    return render_layout(result, indicator_set, fmt, layout)
