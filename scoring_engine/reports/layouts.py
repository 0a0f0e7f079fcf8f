"""Layouts, apart from formats: the 评分表 (scoresheet) or the set's 自评表 (selfeval), in Markdown, CSV, xlsx or HTML.

A set names its default layout (``layout:``) and the form its selfeval layout
prints (``form: layout:``, a bundled form such as ``selfeval`` or
``selfeval-sichuan``); ``--layout`` chooses another. The table and JSON formats
have one shape each and take no layout.
"""

from __future__ import annotations

from .._arith import in_engine_context
from .._base_id import no_form
from .._renderers import RENDERERS
from ..errors import IndicatorSetError, Problem, ScoringEngineError, did_you_mean
from ..forms.content import blank_content, result_content
from ..forms.grid import Grid
from ..forms.layout import form_layout
from ..forms.scored_rate import scored_rate_note
from ..forms.selfeval import form_grid
from ..model import IndicatorSet
from ..plan import not_a_set
from ..result import Result
from .form_html import render_form_html
from .form_text import render_form_csv, render_form_markdown
from .form_xlsx import form_workbook

__all__ = ["LAYOUTS", "LAYOUT_FORMATS", "blank_form", "form_refused", "render_layout", "result_grid"]

#: The layouts a report can take.
LAYOUTS = ("scoresheet", "selfeval")
#: The formats that come in either layout.
LAYOUT_FORMATS = ("markdown", "csv", "xlsx", "html")


def check_layout(layout: str, fmt: str) -> None:
    """A ScoringEngineError for an unknown layout, or a layout asked of a format that has none."""
    if layout not in LAYOUTS:
        raise ScoringEngineError(f"unknown layout {layout!r}",
                                 hint=did_you_mean(layout, LAYOUTS) or "one of: " + ", ".join(LAYOUTS))
    if fmt not in LAYOUT_FORMATS:
        raise ScoringEngineError(f"layout= applies to {', '.join(LAYOUT_FORMATS)}, not to {fmt}",  # the command says
                                 hint="leave layout as None for table and json")  # --layout first, as a usage error


def form_refused(indicator_set: IndicatorSet, fmt: str, layout: str | None = None) -> Problem | None:
    """The line refusing a report in `fmt` and `layout` (default: the set's own) when it is a 自评表 workbook of a profile
    that keeps its base's id and version (`_base_id.no_form`): a form naming the base, read back as the base's (QA155 F1,
    F2). Its 自评表 as a page or text is written: no command reads one back."""
    if (layout or indicator_set.layout) != "selfeval" or fmt != "xlsx":
        return None
    return no_form(indicator_set)


def result_grid(result: Result, indicator_set: IndicatorSet) -> Grid:
    """The set's 自评表 filled with `result` (which that set must have scored)."""
    if result.indicator_set.sha256 != indicator_set.sha256:
        raise ScoringEngineError(f"the result was scored by {result.indicator_set.id} {result.indicator_set.version}, "
                                 f"not by the set given ({indicator_set.id} {indicator_set.version})")
    layout = form_layout(indicator_set.form.layout)
    groups = {t.indicator: indicator_set.indicator(t.indicator).rows for t in indicator_set.form.targets}
    placeholders = {name: spec.default for columns in indicator_set.form.funds.values() for name in columns.values()
                    if isinstance((spec := indicator_set.facts[name]).default, str)}
    content = result_content(result, indicator_set.form, layout, groups, placeholders,  # type: ignore[arg-type]
                             scored_rate_note(result, indicator_set))
    return form_grid(layout, content)


@in_engine_context
def render_layout(result: Result, indicator_set: IndicatorSet | None, fmt: str, layout: str | None = None) -> str | bytes:
    """`result` in format `fmt` and `layout` (default: the set's own layout; without the set, the 评分表)."""
    if not isinstance(result, Result):  # as render() says it (QA317 3: Scores read as a Result deep inside)
        raise TypeError(f"render_layout() takes a Result (from score()), not {type(result).__name__}")
    if indicator_set is None and layout == "selfeval":
        raise TypeError("the 自评表 (layout 'selfeval') is drawn from the set's form: pass indicator_set, the loaded set "
                        "that scored the result")
    if indicator_set is not None:
        _check_kinds(indicator_set, fmt)
    elif not isinstance(fmt, str):
        raise TypeError(f"fmt is a format's name ({', '.join(RENDERERS)}), not {type(fmt).__name__}")
    if layout is not None and not isinstance(layout, str):
        raise TypeError(f"layout is a layout's name ({', '.join(LAYOUTS)}), or None for the set's own, not "
                        f"{type(layout).__name__}")
    if fmt not in RENDERERS:
        raise ScoringEngineError(f"unknown format {fmt!r}",
                                 hint=did_you_mean(fmt, RENDERERS) or "one of: " + ", ".join(RENDERERS))
    if layout is not None:
        check_layout(layout, fmt)
    if (layout or (indicator_set.layout if indicator_set is not None else "scoresheet")) == "scoresheet" \
            or fmt not in LAYOUT_FORMATS:
        return RENDERERS[fmt](result)
    assert indicator_set is not None  # _check_kinds refused a 自评表 asked without its set
    if (refused := form_refused(indicator_set, fmt, "selfeval")) is not None:
        raise IndicatorSetError(refused)
    return _draw(result_grid(result, indicator_set), result, indicator_set, fmt)


@in_engine_context
def blank_form(indicator_set: IndicatorSet, fmt: str) -> str | bytes:
    """The set's empty 自评表 in `fmt` (xlsx, html, markdown or csv): the template a unit fills in; none of a profile
    keeping its base's id and version, which it would name (QA155 F1)."""
    _check_kinds(indicator_set, fmt)
    if fmt not in LAYOUT_FORMATS:  # as render() says it: not a CSV written for any other name (QA317 4: "XLSX", "pdf")
        raise ScoringEngineError(f"unknown format {fmt!r}",
                                 hint=did_you_mean(fmt.lower(), LAYOUT_FORMATS) or "one of: " + ", ".join(LAYOUT_FORMATS))
    if (refused := no_form(indicator_set)) is not None:
        raise IndicatorSetError(refused)
    layout = form_layout(indicator_set.form.layout)
    return _draw(form_grid(layout, blank_content(indicator_set, layout)), None, indicator_set, fmt)


def _check_kinds(indicator_set: object, fmt: object) -> None:
    """A TypeError naming the argument a caller passed of the wrong kind, as score() and render() name it (QA317 3)."""
    if not isinstance(indicator_set, IndicatorSet):
        raise not_a_set(indicator_set)
    if not isinstance(fmt, str):
        raise TypeError(f"fmt is a format's name ({', '.join(LAYOUT_FORMATS)}), not {type(fmt).__name__}")


def _draw(grid: Grid, result: Result | None, indicator_set: IndicatorSet, fmt: str) -> str | bytes:
    if fmt == "xlsx":
        return form_workbook(grid, result, indicator_set)
    if fmt == "html":
        return render_form_html(grid, result)
    if fmt == "markdown":
        return render_form_markdown(grid, result)
    return render_form_csv(grid, result)
