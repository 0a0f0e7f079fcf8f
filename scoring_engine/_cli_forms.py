"""A filled 自评表 as the commands read and score it: the set it is read with, its facts, and its warnings said around
the errors in the order a clerk fixes them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._cli_guard import EXIT_INVALID, report
from ._files import shown_path
from ._messages import current_language, warning_line
from ._output import tell
from .errors import FactsError, Problem, ScoringEngineError
from .loader import load_indicator_set, resolve_set

if TYPE_CHECKING:
    from .diff import FormPlacing
    from .facts import Facts
    from .model import IndicatorSet
    from .result import Result

__all__ = ["form_facts_for", "read_form_file", "score_form_file"]

#: The hint of a name the set does not know, guessing one it does ("did you mean budget.total?").
_GUESS = "did you mean "
_ONE_PROJECT = "give one project's facts file or filled 自评表: this workbook lists the projects a batch scored"


def score_form_file(form: Path, set_ref: str | None) -> tuple[IndicatorSet, Result, tuple[Problem, ...]]:
    """The form scored, with what the unit typed that the set does not read and each default taken said as warnings.
    When it fails on being another set's form, that line comes first and once, then the warnings, then the other
    errors (QA31 F2, QA67 F4, QA68 F3)."""
    from .forms.cells import ANOTHER_SETS_FORM, score_form, score_in, typed_scores

    indicator_set, imported = read_form_file(form, set_ref)
    first, warnings = "\0", imported.warnings
    try:
        result = score_form(imported, indicator_set)
    except ScoringEngineError as err:
        head = err.problems[0]
        named = any(head.message.startswith(w.message) for w in imported.warnings)  # the line: it names another set
        if named or head.message.startswith(ANOTHER_SETS_FORM):  # its side rows' names are that set's, not slips of ours
            warnings = tuple(dataclasses.replace(w, hint=None) if (w.hint or "").startswith(_GUESS) else w for w in warnings)
        if not named:
            raise
        first = head.message
        report(type(err)(head))
        if len(err.problems) == 1:
            raise click.exceptions.Exit(EXIT_INVALID) from None
        raise type(err)(err.problems[1:]) from None
    finally:
        for warning in (w for w in warnings if not first.startswith(w.message)):
            tell(warning_line(warning, current_language([warning])))
    typed = tuple(typed_scores(imported, indicator_set, result.total, score_in(result)))  # its 得分 where the set's differs
    for warning in typed:
        tell(warning_line(warning, current_language([warning])))
    return indicator_set, result, (*warnings, *typed)


def read_form_file(form: Path, set_ref: str | None, for_import: bool = False) -> tuple[IndicatorSet, Any]:
    """The set (--set, else the bundled set the form names on its side sheet) and the facts read from the form; a text
    given as the form is told the fix that fits import `for_import`, else score's (QA189 F2)."""
    from contextlib import nullcontext

    from ._command_line import importing
    from ._other_kinds import A_SUMMARY, ONE_PROJECT_FILE, other_kind_as_form
    from .batch.file_kinds import batch_summary
    from .forms.reader import form_set_named, read_form
    from .forms.workbook import open_workbook

    if batch_summary(form):  # not a 自评表 whose header rows are missing, nor one lacking its side sheet (QA148 F3)
        jsonl = form.suffix.lower() == ".jsonl"  # not "this workbook" (QA155 F7)
        raise FactsError(Problem(A_SUMMARY, file=shown_path(form), hint=ONE_PROJECT_FILE if jsonl else _ONE_PROJECT))
    other = other_kind_as_form(form, shown_path(form))  # a CSV, a web page: not to be saved as .xlsx (QA156 F9)
    if other is not None:
        raise FactsError(other)
    with importing() if for_import else nullcontext():
        sheets = open_workbook(form)
    indicator_set = load_indicator_set(resolve_set(set_ref or form_set_named(sheets, shown_path(form))))
    return indicator_set, read_form(form, indicator_set, sheets)


def form_facts_for(form: Path, old: IndicatorSet, new: IndicatorSet) -> tuple[Facts, FormPlacing]:
    """A filled 自评表's facts, as `diff --facts` scores them under both sets: read with the one whose id and version
    its side sheet names (last year's form with last year's set), else with `old`; what reading it warned of told on the
    terminal, as `score` tells it (QA268 F7: a bureau's projects are forms, and each had to be imported first)."""
    from .forms.bases import named_version
    from .forms.reader import read_form
    from .forms.reading import named_set
    from .forms.workbook import open_workbook

    sheets = open_workbook(form)
    named = named_set(sheets)
    ids = {old.id, new.id, *old.base_ids, *new.base_ids}
    if named is not None and named not in ids:  # another set's form: its facts are neither set's (QA269 F6: told to
        said = f"neither {old.id} nor {new.id}" if old.id != new.id else f"not {old.id}"  # leave out --set)
        raise FactsError(Problem(f"the form is for the set {named}, {said}", file=shown_path(form),
                                 hint="give forms of the sets compared, or their facts files"))
    of_new = named == new.id and (named != old.id or (named_version(sheets, new.version) is None
                                                      and named_version(sheets, old.version) is not None))
    chosen = new if of_new else old
    imported = read_form(form, chosen, sheets)
    for warning in imported.warnings:
        tell(warning_line(warning, current_language([warning])))
    from .diff import FormPlacing
    from .forms.cells import checks_on_cells, on_cells

    def problems(found: tuple[Problem, ...], indicator_set: IndicatorSet) -> tuple[Problem, ...]:
        # under the other set on purpose: not said to be another set's form (batch --compare-set says them so too)
        return tuple(on_cells(ScoringEngineError(list(found)), imported, indicator_set,
                              named_first=indicator_set is chosen).problems)

    return imported.facts, FormPlacing(imported.provenance, lambda result, indicator_set: checks_on_cells(
        imported, result, indicator_set), problems)
