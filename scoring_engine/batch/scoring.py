"""Scoring one document of a batch, whatever is wrong with it: a Result, or the problems, never an exception.

A Scorer holds the set (or, without one, the last KEPT_SETS sets the documents
name, a set that fails to load kept as its problems), so a worker process loads
a set once however many projects in a row name it, and its memory stays flat
however many distinct sets, or copies of one, the batch names (QA221 3). A filled 自评表 is read with
the set's form layout: the set given, else the bundled set the form names on
its side sheet; the cell each fact came from goes with the outcome.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._arith import in_engine_context
from .._command_line import in_python
from .._frozen import made_frozen
from .._not_applicable import for_comparison, weighted_for_other
from .._later import Deferred, Later
from .._record import record
from ..engine import score_held, scores_only
from ..errors import (FactsError, FormulaError, IndicatorSetError, Problem, ScoringEngineError, ScoringError,
                      UnknownIndicatorError)
from ..facts import Facts, named_set_problem
from ..forms.bases import imported_from, named_of_another_version, other_version_named
from .._files import OUTSIDE_HINT, facts_from_text, facts_of_document
from ..loader import load_facts, load_indicator_set, named_elsewhere, resolve_set
from ..model import IndicatorSet
from ..plan import SharedTable
from ..result import Result, Scores
from .documents import whole_document_facts
from .inputs import JSONL_SUFFIX, Document, not_facts
from .rows import ProjectRow, SetShape, failed_row, project_row, scores_row

if TYPE_CHECKING:
    from ..forms.reader import ImportedFacts

__all__ = ["Outcome", "Scorer", "ScoreDocuments", "no_set", "MOST_TYPED", "KEPT_SETS"]

#: The sets a Scorer keeps loaded, the ones read least recently let go: a portfolio names a few, a unit folder's own
#: copy is a set of its own (QA221 3: every one kept, 213 MB for 2,000 units with their copies).
KEPT_SETS = 32
_KEPT_NAMES = 2 * KEPT_SETS  # names resolved, each to its file's path or its problems: a few hundred bytes each

#: A 总分 typed on a form at or beyond this is a slip of the keyboard: 汇总 leaves it out rather than compare it.
MOST_TYPED = Decimal(10**9)  # made exactly, in no caller's context (QA127 F5)



def no_set(source: str) -> Problem:
    """A document that names no set, scored without one: the command line's fix is --set, a program's the indicator_set
    argument of score_many (QA184 F8: the command line was told score_many's argument too)."""
    return Problem(in_python('no indicator set: give one with --set, or name one in the facts as "indicator_set"',
                             "pass indicator_set to score_many"), file=source)


@record
class Outcome:
    """One document of score_many: its Result, or the problems that stopped it, and its summary row.

    (A Scorer told to keep no results, as the batch's is when no output shows them, gives `result` None.)
    A scored document's row may be made when first read (see Scorer), as a Result's audit trail is.
    """

    index: int
    source: str
    result: Result | None
    problems: tuple[Problem, ...]
    row: Deferred[ProjectRow] = Deferred()  # required: a Deferred() without a default
    provenance: Mapping[str, str] = field(default_factory=dict)  # a filled form's: fact path → the cell it came from
    form_notes: tuple[Problem, ...] = ()  # a filled form's 提示 beyond the result's: scores typed apart, values not read
    kind: str = ""  # a failed document's: the error its problems were raised as, by ERROR_KINDS (QA319 F3)

    # Unhashable, said of Outcome: its provenance is a mapping, and its row may not be made yet (QA180 F6).
    __hash__ = None  # type: ignore[assignment]

    @property
    def ok(self) -> bool:
        return not self.problems

    def __repr__(self) -> str:
        # Short, as a Result's: every field, the row's too, was some 4,500 characters for a small project (QA180 F6).
        return (f"{type(self).__qualname__}(index={self.index!r}, source={self.source!r}, result={self.result!r}, "
                f"problems={len(self.problems) if isinstance(self.problems, tuple) else self.problems!r})")

    def __getstate__(self) -> dict[str, Any]:
        # Pickled with its row made: a worker process makes it, and what crosses to the caller is plain data.
        return {name: value.get() if isinstance(value, Later) else value for name, value in self.__dict__.items()}


class Scorer:
    """Scores documents against one set, or each against the set it names; `batch` labels a compared batch's rows.

    `keep_results` False gives outcomes without their Result (the row only);
    `reasons` False as well scores with `scores_only` and builds rows without
    reasons or a target table's rows: same totals, grades and flags, without
    the cost of the audit trail. `rows_later` makes a scored document's row
    when first read (score_many: a caller who reads only the Results does not
    pay for rows made from their audit trails).
    """

    def __init__(self, indicator_set: IndicatorSet | None = None, batch: str = "", keep_results: bool = True,
                 reasons: bool = True, rows_later: bool = False, compared: bool = False, comparing: bool = False,
                 api: bool = False):
        self.fixed = indicator_set
        self.api = api  # score_many's: its problems say what to pass, not what to type (INPUT, --set)
        self.compared = compared  # the fixed set is batch's --compare-set: scoring the facts under another set is the point
        self.comparing = comparing or compared  # --compare-set: one facts under two sets (`for_comparison`)
        self.batch = batch
        self.keep_results = keep_results
        self.rows_later = rows_later and keep_results
        self.lean = not keep_results and not reasons
        # Failures are kept as their problems: an exception would keep its traceback and every frame's locals (QA221 3).
        self.sets = SharedTable(KEPT_SETS)  # by the file's resolved path: the set, or its problems
        self.named = SharedTable(_KEPT_NAMES)  # by the name and the document's folder: the set's file, or its problems
        self.shapes = SharedTable(KEPT_SETS)  # by the id() of the set, which its SetShape holds: the id stays its own
        self.scored_with: IndicatorSet | None = None  # the set of the last document scored: its report's layout
        self.form_read: ImportedFacts | None = None  # the facts of the last form read, when it was one

    def outcome(self, index: int, document: Document, read: ImportedFacts | None = None,
                against: IndicatorSet | None = None) -> Outcome:
        """The document scored; any failure, a bug of ours included, is the outcome's problems. `read`: the form's facts
        as the batch read them with the set it names (--compare-set scores those: the other set may be of another
        form layout, which could not read the form); `against`: the other set of --compare-set, whose indicators'
        不适用 marks this set leaves aside."""
        source = document.source
        facts: Facts | None = None
        imported: ImportedFacts | None = None
        provenance: Mapping[str, str] = {}
        self.form_read = None
        scoring: IndicatorSet | None = None  # the set scoring the facts, once they are read
        first: list[Problem] = []  # facts imported from a form of another version of the set, or of its file edited since
        try:
            if document.is_form:
                imported, indicator_set = (read, self.fixed) if read is not None and self.fixed is not None else \
                    self.form(document)
                self.form_read = imported
                facts, provenance = imported.facts, imported.provenance
            else:
                facts = self.facts(document)
                indicator_set = self.set_for(document, facts)
                first = [] if self.compared else imported_from(facts, indicator_set) + (  # as `score` says it (QA206 4)
                    named_of_another_version(facts, indicator_set, self._version_named) if self.fixed is not None else [])
            if self.comparing:  # a 不适用 mark of an indicator one of the two sets has not is for the other (QA37 F7)
                facts = for_comparison(indicator_set, facts, against)
            shape = self._shape(indicator_set)
            self.scored_with = scoring = indicator_set
            typed = imported.typed.get("total", ("", None))[1] if imported is not None else None  # the form's 总分
            typed = typed if typed is not None and abs(typed) < MOST_TYPED else None  # 1e27 is a slip, not a total
            matched_by = document.matched_by
            if self.lean:
                scores = scores_only(indicator_set, facts)
                row = scores_row(index, source, scores, facts, shape, self.batch, matched_by, typed)
                row = _counting(row, (*first, *_typed_apart(imported, indicator_set, scores)))
                return Outcome(index, source, None, (), row, provenance)
            result = score_held(indicator_set, facts)
            if imported is not None:  # the set's checks and 需说明 said of the form's cells, as score says them (QA76 F6)
                from ..forms.cells import checks_on_cells

                result = checks_on_cells(imported, result, indicator_set)
            apart = (*first, *_typed_apart(imported, indicator_set, result))
            notes = tuple(apart)  # what the batch's JSON line of the form (or its facts) lists, in its language
            if self.rows_later:
                later = Later(_counted_row, apart, index, source, result, shape, self.batch, matched_by, typed)
                return Outcome(index, source, result, (), later, provenance, notes)
            row = _counting(project_row(index, source, result, shape, self.batch, matched_by, typed), apart)
        except ScoringEngineError as err:
            if against is not None and scoring is not None:
                err = type(err)(weighted_for_other(err.problems, scoring, against, facts, provenance, self.compared))
            if imported is not None:  # the problems of a filled form's facts name its cells
                from ..forms.cells import on_cells

                err = on_cells(err, imported, indicator_set, named_first=not self.compared)
            elif facts is not None and not self.compared:  # the form they were imported from, then (--set) that the facts
                err = _said_first(err, facts, self.fixed, first)  # name another set, come first
            return self._failed(index, document, err.problems, facts, kind=error_kind(err))
        except Exception as err:  # a bug: this project fails, the batch goes on, and the line says it is ours
            return self._broken(index, document, err, facts)
        return Outcome(index, source, result if self.keep_results else None, (), row, provenance, notes)

    def _broken(self, index: int, document: Document, err: Exception, facts: Facts | None) -> Outcome:
        """A project that failed for a bug of ours, an internal error; or for a path the locale cannot hold (the set it
        names, under a locale that lacks its characters), said as such (QA224 2: an internal error, exit 3)."""
        from .._path_encoding import unnamed

        problem = unnamed(err)
        if problem is not None:
            return self._failed(index, document, (problem,), facts, kind="error")
        problem = Problem(f"internal error: {type(err).__name__}: {err} (please report it with this document)",
                          file=document.source)
        return self._failed(index, document, (problem,), facts, internal=True, kind="internal")

    def _shape(self, indicator_set: IndicatorSet) -> SetShape:
        """What rows take from the set, worked out once per set kept (a SetShape holds its set: its id() stays its own)."""
        shape: SetShape | None = self.shapes.get(id(indicator_set))
        if shape is None:
            shape = SetShape.of(indicator_set)
            self.shapes.put(id(indicator_set), shape)
        return shape

    def _failed(self, index: int, document: Document, problems: tuple[Problem, ...], facts: Facts | None,
                internal: bool = False, kind: str = "error") -> Outcome:
        project = facts.project if facts is not None else self._form_project(document) if document.is_form else None
        project = project if isinstance(project, Mapping) else None  # a project of text is the problem said (QA101 F1)
        problems = _on_its_line(problems, document)
        row = failed_row(index, document.source, problems, internal, self.batch, project, document.matched_by)
        return Outcome(index, document.source, None, problems, row, kind=kind)

    def refused(self, outcome: Outcome, document: Document, problem: Problem) -> Outcome:
        """A scored project failed after all: its report cannot be written (`BatchWorker.write_report`)."""
        assert outcome.result is not None
        row = failed_row(outcome.index, document.source, (problem,), False, self.batch, outcome.result.project,
                         document.matched_by)
        return Outcome(outcome.index, document.source, None, (problem,), row, kind="set")  # an IndicatorSetError in score

    def _form_project(self, document: Document) -> Mapping[str, Any] | None:
        """The project details on the header of a form that could not be read, as far as they read (QA31 F1: its 问题 row
        and its unit's count of failures name it): with the set it was read with, else the bundled one it names, else
        the national form's layout."""
        from ..forms.reader import form_project, named_set
        from ..forms.workbook import open_workbook
        from ..loader import bundled_sets

        assert document.path is not None
        try:
            sheets = open_workbook(document.path)
            indicator_set = self.fixed
            if indicator_set is None:
                named = named_set(sheets)
                indicator_set = self._load(resolve_set(named if named in bundled_sets() else _HEADER_SET), document.source)
            return form_project(document.path, indicator_set, sheets)
        except Exception:  # a form that failed, read again only for its header: listed by its file alone
            return None  # whatever stopped it, the project is already one row of 问题 (QA65 F1: not a crash of the batch)

    def facts(self, document: Document) -> Facts:
        """The document's facts; a JSONL line's problems are placed on its line of the file."""
        if document.problem is not None:
            raise FactsError(document.problem)
        if document.parsed is not None:
            return whole_document_facts(document.parsed, document.source)
        if document.facts is not None:  # a Facts naming its set otherwise than as text: said as a facts file's is (QA306 2)
            if named_set_problem(document.facts.indicator_set) is not None:
                facts_of_document({"facts": {}, "indicator_set": document.facts.indicator_set}, document.source)
            return document.facts
        if document.text is not None:
            assert isinstance(document.text, str)  # bytes were read as UTF-8 by Document.of
            file = str(document.path) if document.path is not None else document.source
            try:
                facts = facts_from_text(document.text, file)  # a JSONL line, or a Document(text=…) from Python: JSON
            except FactsError as err:
                raise FactsError([_on_line(p, document.line) for p in err.problems]) from None
            return made_frozen(Facts, {**facts.__dict__, "source": document.source})  # replace(), without an __init__
        if document.path is None:
            raise FactsError(Problem("the document has neither a file nor facts", file=document.source))
        if document.path.suffix.lower() == JSONL_SUFFIX:  # the Python API given a JSONL file's path as one document
            raise FactsError(Problem("a JSONL file holds one facts document a line, not one document", file=document.source,
                                     hint="give score_many find_documents([path]), which gives each line as a document"))
        kind = not_facts(document.path)
        if kind is not None:
            raise FactsError(Problem(f"this file is {kind}, not a facts file", file=document.source, hint=(
                _API_INPUTS if self.api else "give facts files, forms, folders or JSONL files as INPUT, and a set with --set")))
        try:
            return load_facts(document.path)
        except FactsError as err:  # a folder given to score_many as one document (the command line finds what is in it)
            if self.api and os.path.isdir(document.path):  # (a name too long to look up is none: QA163 F4)
                raise FactsError(dataclasses.replace(err.problems[0], hint=_IN_A_FOLDER)) from None
            raise

    def form(self, document: Document) -> tuple[ImportedFacts, IndicatorSet]:
        """A filled 自评表's facts with the cell of each, and its set (the fixed one, else the bundled set it names)."""
        from ..forms.reader import form_set_named, read_form
        from ..forms.workbook import open_workbook

        assert document.path is not None
        sheets = open_workbook(document.path)  # once: for the set it names and for its cells
        indicator_set = self.fixed
        if indicator_set is None:
            indicator_set = self._load(resolve_set(form_set_named(sheets, document.source)), document.source)
        imported = read_form(document.path, indicator_set, sheets)
        return dataclasses.replace(imported, facts=dataclasses.replace(imported.facts, source=document.source)), indicator_set

    def set_for(self, document: Document, facts: Facts) -> IndicatorSet:
        """The fixed set, or the one the facts name, loaded once while kept (see KEPT_SETS).

        A set named inside a document follows `score`'s rule (`resolve_set`): a
        bundled id or a path inside the document's folder -- the working folder
        for facts given without a file, as for `score -`.
        """
        if self.fixed is not None:
            return self.fixed
        if facts.indicator_set is None:
            raise FactsError(no_set(document.source))
        if not isinstance(facts.indicator_set, str):  # Facts(indicator_set=5): said as a facts file's is, not a bug (QA127 F2)
            facts_of_document({"facts": {}, "indicator_set": facts.indicator_set}, document.source)
        folder = document.folder if document.folder is not None else Path(".")
        named = (facts.indicator_set, folder)
        found: _SetFile | tuple[Problem, ...] | None = self.named.get(named)
        if found is None:  # resolved once: the files of a folder, or the lines of a JSONL file, name one set
            try:
                path = resolve_set(facts.indicator_set, relative_to=folder)
                found = _SetFile(path, str(path.resolve()))
            except IndicatorSetError as err:
                err = _told_to_pass(err) if self.api else err
                found = (err if document.folder is not None else _in_working_folder(err)).problems
            self.named.put(named, found)
        return _found(found if isinstance(found, tuple) else self._loaded(found.path, found.key), document.source)

    def _version_named(self, named: str, folder: str, indicator_set: IndicatorSet) -> str | None:
        """`other_version_named`, found once for each name and folder while kept (the fixed set is the same for all)."""
        key = ("version", named, folder)
        found: tuple[str | None] | None = self.named.get(key)
        if found is None:
            found = (other_version_named(named, folder, indicator_set),)
            self.named.put(key, found)
        return found[0]

    def _load(self, path: Path, source: str) -> IndicatorSet:
        """The set at `path`, loaded once while kept (a set that fails to load fails each document naming it)."""
        return _found(self._loaded(path), source)

    def _loaded(self, path: Path, key: str | None = None) -> IndicatorSet | tuple[Problem, ...]:
        """The set at `path` (`key`: its resolved path), or its problems; loaded again once let go."""
        key = key if key is not None else str(path.resolve())
        found: IndicatorSet | tuple[Problem, ...] | None = self.sets.get(key)
        if found is None:
            try:
                found = load_indicator_set(path)
            except IndicatorSetError as err:
                found = err.problems
            self.sets.put(key, found)
        return found


@dataclasses.dataclass(frozen=True, slots=True)
class _SetFile:
    """The file a name resolved to: as named (which its problems show) and resolved (two names of one file, one set)."""

    path: Path
    key: str


#: The bundled set whose form layout reads the header of a form that names no set it can be read with.
_HEADER_SET = "self-evaluation"


_API_INPUTS = "give score_many facts files, forms or the documents of find_documents([folder]), and the set as its " \
              "indicator_set argument"
_IN_A_FOLDER = "give score_many find_documents([path]), which gives each facts file, form and JSONL line below it as a document"


class ScoreDocuments:
    """score_many's work in one process: a chunk of (index, document) pairs to their outcomes."""

    def __init__(self, indicator_set: IndicatorSet | None):
        self.scorer = Scorer(indicator_set, rows_later=True, api=True)

    @in_engine_context
    def __call__(self, chunk: Sequence[tuple[int, Document]]) -> list[Outcome]:
        return [self.scorer.outcome(index, document) for index, document in chunk]


def _on_line(problem: Problem, line: int | None) -> Problem:
    """A problem of a JSONL line's text (always line 1 of it) placed on the line of the file."""
    return dataclasses.replace(problem, line=line) if line is not None else problem


def _found(found: IndicatorSet | tuple[Problem, ...], source: str) -> IndicatorSet:
    if isinstance(found, tuple):
        raise _named_by(found, source) from None
    return found


def _in_working_folder(err: IndicatorSetError) -> IndicatorSetError:
    """The error of a set named by facts given without a file (a mapping from Python): its folder is the working one."""
    return IndicatorSetError([dataclasses.replace(p, message=p.message.replace(_NAMING_FOLDER, _WORKING_FOLDER))
                              for p in err.problems])


_NAMING_FOLDER, _WORKING_FOLDER = "the folder of the file that names it", "the working folder (the facts have no file)"


def _told_to_pass(err: IndicatorSetError) -> IndicatorSetError:
    """A set named outside its facts' folder, told to score_many's caller in what to pass, not what to type (--set)."""
    return IndicatorSetError([dataclasses.replace(p, hint=_API_OUTSIDE) if p.hint == OUTSIDE_HINT else p
                              for p in err.problems])


_API_OUTSIDE = "give a path inside that folder or a bundled set id; a set elsewhere is given as the indicator_set argument " \
               "of score_many"


def _named_by(problems: tuple[Problem, ...], source: str) -> IndicatorSetError:
    return IndicatorSetError([p.named_at(source, "$.indicator_set") for p in problems])


def _typed_apart(imported: ImportedFacts | None, indicator_set: IndicatorSet, scored: Result | Scores) -> tuple[Problem, ...]:
    """What reading the form warned of, then each score the unit typed on it that the set computes otherwise: each a
    提示 of `score`, so one of 汇总's 提示数 and a line of the 提示 sheet too (QA126 F1: a typed 总分 99 against 82.94
    was counted, and said on no sheet nor the page)."""
    if imported is None:
        return ()
    if not imported.typed:
        return tuple(imported.warnings)
    from ..forms.cells import score_in, typed_scores

    score_of = scored.scores.get if isinstance(scored, Scores) else score_in(scored)
    return (*imported.warnings, *typed_scores(imported, indicator_set, scored.total, score_of))


def _said_first(err: ScoringEngineError, facts: Facts, fixed: IndicatorSet | None,
                first: list[Problem]) -> ScoringEngineError:
    """`err` of facts read from no form here: first the line for a form of another version of the set they were imported
    from, or of its file edited since, as `score` says it (QA206 4), then, under --set, that they name another set."""
    problems = list(err.problems) if fixed is None else named_elsewhere(list(err.problems), facts, fixed)
    return type(err)(first + problems) if first or fixed is not None else err


def _counting(row: ProjectRow, apart: tuple[Problem, ...]) -> ProjectRow:
    """`row` with what a form's reading warned of, and its typed scores the set computes otherwise, among its 提示
    (QA79 F2: a 95 in a % cell read 9500% was a count in 汇总, its words in no sheet)."""
    if not apart:
        return row
    return dataclasses.replace(row, warnings=row.warnings + len(apart), said=(*row.said, *apart))


def _counted_row(apart: tuple[Problem, ...], *args: Any) -> ProjectRow:
    """project_row(*args), with a form's 提示 apart among its own (made when first read)."""
    return _counting(project_row(*args), apart)


#: The `kind` of a failed document's problems in batch's .jsonl, one for each error class of the API (the first of an
#: error's classes found); "internal" is a bug of ours, "error" any other (ScoringEngineError itself, a path the file
#: system's encoding cannot hold).
ERROR_KINDS: tuple[tuple[type[ScoringEngineError], str], ...] = (
    (IndicatorSetError, "set"), (FactsError, "facts"), (FormulaError, "formula"), (ScoringError, "scoring"),
    (UnknownIndicatorError, "indicator"))


def error_kind(err: ScoringEngineError) -> str:
    """The kind an error's problems are said to be of in batch's .jsonl (ERROR_KINDS)."""
    return next((kind for cls, kind in ERROR_KINDS if isinstance(err, cls)), "error")


def _on_its_line(problems: tuple[Problem, ...], document: Document) -> tuple[Problem, ...]:
    """A JSONL line's problems named by its file and line, as its syntax errors are (QA319 F2: a bad fact's `file` was
    "x.jsonl:6", with no `line`, in the .jsonl): its facts' source, "x.jsonl:6", is the line's name, not a file's.
    Every problem names its document: one a program passes as values (a Document's Facts, a mapping, None) by its
    source or "#N", as one passed as text is (QA330 F7)."""
    problems = tuple(dataclasses.replace(p, file=document.source) if p.file is None else p for p in problems)
    if document.line is None or document.path is None:
        return problems
    file = document.source.removesuffix(f":{document.line}")
    return tuple(dataclasses.replace(p, file=file, line=document.line) if p.file == document.source and p.line is None else p
                 for p in problems)
