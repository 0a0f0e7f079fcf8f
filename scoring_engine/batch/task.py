"""What `scoring-engine batch` does with each document in a worker: score it, keep its row, its JSON, its own report.

The JSON of a result (for a .jsonl output) and each project's report (for
--reports DIR) are made where the project is scored, so that worker processes
share that work; the parent only writes what comes back, in order.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePath

from .. import _json
from .._arith import in_engine_context
from .._output import write_atomically
from .._text import json_visible
from .._record import record
from ..errors import Problem, ScoringEngineError
from ..model import IndicatorSet
from ..render import RENDERERS
from ..reports.batch_xlsx import detail_cells
from .inputs import Document
from .reports_mark import line_project, note_report, report_source
from .compare import compared_set, same_set
from .entry import Entry
from .scoring import Outcome, Scorer
from .._patterns import compile_later

__all__ = ["TaskConfig", "BatchWorker", "report_name", "REPORT_EXTENSIONS"]

#: The file extension of each single-project report format.
REPORT_EXTENSIONS = {"table": "txt", "json": "json", "markdown": "md", "csv": "csv", "xlsx": "xlsx", "html": "html"}
_UNSAFE = compile_later(r"[^\w.-]+")
_NAME_LENGTH = 60  # characters of a report's file name taken from its source (a Chinese one is 180 bytes)


@record
class TaskConfig:
    """What a worker needs: the set (None: each document's own), the compared set, what to make of each result."""

    indicator_set: IndicatorSet | None
    other_set: IndicatorSet | None = None  # --compare-set: each document is scored under this one too
    batch: str = ""  # "" for the batch summarised, "复核" for the re-check batch
    json: bool = False
    reports: Path | None = None
    report_format: str = "html"
    reasons: bool = True  # rows carry each indicator's reason and a target table's rows (the .xlsx 指标明细 shows them)
    details: bool = False  # the worker makes each project's 指标明细 rows (an .xlsx output, nothing compared)
    lang: str = "en"  # the language of the .jsonl's messages for people (a warning's, a problem's), the run's (QA263 F1)
    failed_json: bool = False  # a failed document's problems as JSON though `json` is False: a re-check's (QA319 F5)
    against: str = ""  # the --compare-set as the outputs name it (BatchOptions.against), "" to name it here

    @property
    def keep_results(self) -> bool:
        """Whether an output needs each project's whole Result (the .jsonl output, the reports)."""
        return self.json or self.reports is not None


class BatchWorker:
    """The batch's work in one process: a chunk of (index, document) pairs to their entries."""

    def __init__(self, config: TaskConfig):
        self.config = config
        self.scorer = Scorer(config.indicator_set, config.batch, config.keep_results, config.reasons,
                             comparing=config.other_set is not None)
        named = config.against or (compared_set(config.indicator_set, config.other_set) if config.other_set else "")
        self.other = (Scorer(config.other_set, named, False, config.reasons,
                             compared=True) if config.other_set is not None else None)

    @in_engine_context  # in a worker process too, whatever context it started with
    def __call__(self, chunk: Sequence[tuple[int, Document]]) -> list[Entry]:
        return [self.entry(index, document) for index, document in chunk]

    def entry(self, index: int, document: Document) -> Entry:
        outcome = self.scorer.outcome(index, document, against=self.config.other_set)
        if outcome.result is not None and self.config.reports is not None:
            outcome = self.write_report(outcome, document)
        # a project this batch could not score is one problem, not scored again under the other set (QA31 F6); nor is
        # one scored under that set itself (QA334 F8)
        against = self.config.other_set
        other = self.other.outcome(index, document, self.scorer.form_read, self.scorer.scored_with) \
            if self.other is not None and against is not None and outcome.row.ok and not same_set(outcome.row, against) \
            else None
        row = outcome.row
        details = tuple(detail_cells(row, None)) if self.config.details and row.ok and not row.batch else None
        json_text = json_visible(_json_text(outcome, self.config.lang)) \
            if self.config.json or (self.config.failed_json and not row.ok) else None
        # the other set's problems, for the .jsonl's compare of a project it failed to score (QA319 F5)
        other_problems = json_visible(_json_text(other, self.config.lang)) \
            if other is not None and not other.row.ok and self.config.json else None
        return Entry(row, json_text, other.row if other is not None else None, details, other_problems)

    def write_report(self, outcome: Outcome, document: Document) -> Outcome:
        """The project's report written; the outcome, or a problem of the project for a report that would be the 自评表 of
        a profile keeping its base's id, a form naming the base (a facts file naming such a profile's file: QA155 F1)."""
        assert outcome.result is not None and self.config.reports is not None
        from ..reports.layouts import form_refused, render_layout

        scored_with = self.scorer.scored_with  # the set's own layout: a self-evaluation set's report is its 自评表
        refused = form_refused(scored_with, self.config.report_format) if scored_with is not None else None
        if refused is not None:
            return self.scorer.refused(outcome, document, refused)
        shown = outcome.result
        if self.config.report_format != "json":  # a form's report says what reading it warned of, as `score` does
            from ..reports.form_notes import with_form_notes

            shown = with_form_notes(outcome.result, [note.text("zh") for note in outcome.form_notes])
        content = RENDERERS[self.config.report_format](shown) if scored_with is None else \
            render_layout(shown, scored_with, self.config.report_format)
        name = report_name(outcome.index, outcome.source, REPORT_EXTENSIONS[self.config.report_format])
        target = self.config.reports / name
        # a pipe there would wait for a reader for ever: reports are files
        if os.path.exists(target) and not os.path.isfile(target):
            raise ScoringEngineError(Problem("cannot write the report: it is not a file (a report is written as a file in "
                                             "the reports folder)", file=str(target)))
        source = report_source(document.source, document.path, document.line)  # what it is of, recorded (QA182 F1)
        project = line_project(document.text) if document.line is not None else None  # a JSONL line's (QA185 F5)
        note_report(self.config.reports, name, source, project)  # listed first: a run stopped now leaves none unlisted (QA42 F2)
        write_atomically(target, content)
        return outcome


#: A byte of a name that is not UTF-8 as the outputs show it (\xd7): part of the name, not a Windows folder's separator.
_BYTE_ESCAPE = compile_later(r"\\x([89a-f][0-9a-f])")


def report_name(index: int, source: str, extension: str) -> str:
    """A file name for a project's own report: its place in the input, then its source's name made safe.

    >>> report_name(0, "单位/2024/紫霞安置小区.json", "html")
    '000001-紫霞安置小区.html'
    >>> report_name(16, "../batch.jsonl:17", "md")
    '000017-batch-17.md'
    >>> report_name(2, "a/..\\\\<con>:?.json", "html")
    '000003-con.html'
    >>> report_name(4, "national-framework.facts.json", "json")  # a report is not named as a facts file
    '000005-national-framework.json'
    >>> report_name(0, "in/\\\\xd7\\\\xcf.json", "html")  # a GBK name's bytes, as the outputs show them (QA225 4)
    '000001-xd7xcf.html'
    """
    name = PurePath(_BYTE_ESCAPE.sub(r"x\1", source).replace("\\", "/")).name
    if ":" in name and name.rsplit(":", 1)[1].isdigit():  # a JSONL line: file.jsonl:17
        file, line = name.rsplit(":", 1)
        name = f"{PurePath(file).stem}-{line}"
    else:
        name = PurePath(name).stem.removesuffix(".facts")
    safe = _UNSAFE.sub("-", unicodedata.normalize("NFC", name)).strip("-")[:_NAME_LENGTH]
    return f"{index + 1:06d}-{safe or 'project'}.{extension}"


def _said(text: str, lang: str) -> str:
    if lang != "zh":
        return text
    from .._zh import translate

    return translate(text)


def _json_text(outcome: Outcome, lang: str = "en") -> str:
    """The members of the project's JSON line: the result, the 需说明 flags and a form's cells, or the problems, with fields
    (each hidden character in them written as its JSON escape by the caller, as `score --format json` writes it); their
    messages and hints for people in `lang`, as `score --format json` writes them (QA263 F1: English in a Chinese run)."""
    if outcome.result is not None:
        from .._result_json import result_json

        text = (f'"result":{result_json(outcome.result, compact=True, lang=lang)},'
                f'"need_explanation":{json.dumps(list(outcome.row.flags), ensure_ascii=False)}')
        text += f',"provenance":{_json.dumps(dict(outcome.provenance), indent=None)}' if outcome.provenance else ""
        notes = [note.text(lang) for note in outcome.form_notes]  # in the line's language (QA288 F7: Chinese in English)
        return text + (f',"form_warnings":{_json.dumps(notes, indent=None)}' if notes else "")
    fields = ("message", "file", "line", "column", "path", "indicator", "fact", "expression", "hint")
    # each with the kind of error it was raised as (QA319 F3: a set's, the facts', scoring's told apart only by guessing)
    problems = [{"kind": outcome.kind or "error", **{k: _said(getattr(p, k), lang) if k in ("message", "hint")
                                                   else getattr(p, k) for k in fields if getattr(p, k) is not None}}
                for p in outcome.problems]
    return '"problems":' + _json.dumps(problems, indent=None)
