"""`scoring-engine batch`: score the inputs, compare them, and write every output whole or not at all.

The projects stream from the inputs through the workers to the writers; each
project's row is also kept in a temporary file, from which the outputs that
need the whole batch (the 汇总 columns depend on every set seen) are written
at the end. Memory holds the statistics and the projects in flight, never the
batch. With --compare-with the re-check batch is scored first and kept on disk,
found by project id or file path; with --compare-set each project is scored
under both sets in the same worker.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from .._arith import in_engine_context
from .._commit import commit_together, left_behind
from .._links import in_a_loop
from .._output import FREE_SPACE, MAKE_THE_FOLDER, advice, extension_of, stops_deferred
from .._record import record
from ..errors import IndicatorSetError, Problem, ScoringEngineError
from ..model import IndicatorSet
from ..reports.batch_csv import BatchCsv
from ..reports.batch_docx import BatchReport
from ..reports.batch_html import BatchPage
from ..reports.batch_jsonl import BatchJsonl
from ..reports.batch_output import BatchOutput
from ..reports.batch_xlsx import BatchWorkbook
from .documents import Document
from .compare import DEFAULT_THRESHOLD, NO_PROJECT, RECHECK, bundled_twin, compare, compared_set, same_set
from .inputs import as_rechecks, batch_paths, count_documents, find_documents, searched_files, searched_paths
from .reports_mark import (REPORTS_MARK, earlier_reports, line_project, listed_reports, mark_reports, noted_reports,
                           remove_temporaries, replaced, report_projects, report_source, report_sources, reports_held)
from .kept import SPACE_ERRORS, Rows
from .matching import Paths
from .recheck import Recheck, nested
from .pool import ordered_map
from .progress import Progress
from .rows import ProjectRow
from .summary import Summariser, Summary
from .entry import Entry
from .task import REPORT_EXTENSIONS, BatchWorker, TaskConfig, report_name
from .._patterns import compile_later

__all__ = ["BatchOptions", "run_batch", "OUTPUTS", "EXIT_FAILED", "EXIT_INTERNAL"]

#: The batch outputs by file extension (what each is handed, and when: reports/batch_output.py).
OUTPUTS: dict[str, type[BatchOutput]] = {".xlsx": BatchWorkbook, ".csv": BatchCsv, ".jsonl": BatchJsonl, ".html": BatchPage,
                           ".htm": BatchPage, ".docx": BatchReport}
EXIT_FAILED = 1
EXIT_INTERNAL = 3


@record
class BatchOptions:
    """What to score, against what, compared with what, and where the outputs go."""

    inputs: tuple[str, ...]
    indicator_set: IndicatorSet | None = None  # None: each document's own set
    jobs: int = 1
    outputs: tuple[Path, ...] = ()
    reports: Path | None = None
    report_format: str = "html"
    compare_with: tuple[str, ...] = ()
    other_set: IndicatorSet | None = None
    threshold: Decimal = DEFAULT_THRESHOLD
    progress: TextIO | None = None  # the terminal to show progress on
    lang: str = "zh"  # the language of the progress line
    #: the language of the .jsonl's messages: the one the user chose, as `score --format json` writes them, never one
    #: guessed from Chinese input (QA283 F5: a form's warning read `xlsx：…：` in one and `xlsx: …: ` in the other)
    json_lang: str | None = None

    @property
    def written(self) -> tuple[Path, ...]:
        """What the batch writes (its outputs, its reports folder): a folder search of its inputs leaves them out, so
        that the next run does not read them back as projects."""
        return (*self.outputs, *((self.reports,) if self.reports is not None else ()))

    @property
    def taken(self) -> tuple[str, ...]:
        """The re-check's files and folders inside a folder of the batch: the search of the batch's folders leaves them
        out, as it leaves out what the batch writes."""
        return nested(self.inputs, self.compare_with)

    @property
    def against(self) -> str | None:
        """What the projects are compared with, as the outputs name it: 复核, or the other set by id and version (last
        year's version of the same set is told from this year's by it, an edited copy of --set by its sha256)."""
        if self.compare_with or self.other_set is None:
            return RECHECK if self.compare_with else None
        return compared_set(self.indicator_set or bundled_twin(self.other_set), self.other_set)


#: The reports of an earlier run a batch names on the terminal (all are counted).
SHOWN_EARLIER = 5


@in_engine_context
def run_batch(options: BatchOptions) -> Summary:
    """Score, compare and write; the outputs appear only when all of them are complete.

    Raises a ScoringEngineError for an input that does not exist or an output
    that cannot be written, and lets KeyboardInterrupt through; either way no
    output is left half-written.
    """
    own = options.written
    # a re-check folder inside the batch's folder is the re-check's, not projects compared with themselves
    documents = find_documents(options.inputs, own, options.taken, options.compare_with)  # a missing input stops first
    recheck_documents = _rechecks(options.compare_with, own) if options.compare_with else None
    made = _reports_folder(options)
    with reports_held(options.reports):  # no other batch writes into the reports folder while this one does (QA216 2)
        return _held(options, documents, recheck_documents, made)


def _held(options: BatchOptions, documents: Iterator[Document], recheck_documents: Iterator[Any] | None,
          made: tuple[Path, ...]) -> Summary:
    """The run, the reports folder held: its earlier reports read, scored, and every output written."""
    earlier, sources, planned = _earlier(options, options.written)  # refused here, before any report, if one replaces another
    if options.reports is not None:  # marked before any report is written: each is listed as it is (QA42 F2)
        mark_reports(options.reports, [])
    sinks: list[Any] = []
    reported: list[str] = []  # the reports written, named in the folder's mark: a later batch does not read them
    try:
        _open_outputs(options, sinks)
        workbook = any(isinstance(s, BatchWorkbook) for s in sinks)
        book = next((p for p in options.outputs if OUTPUTS[extension_of(p)] is BatchWorkbook), None)
        for path, sink in zip(options.outputs, sinks, strict=True):  # a page names the workbook that lists every 提示
            if isinstance(sink, (BatchPage, BatchReport)) and book is not None:
                sink.workbook = _from_page(book, path)
        config = TaskConfig(options.indicator_set, options.other_set, against=options.against or "",
                            json=any(isinstance(s, BatchJsonl) for s in sinks),
                            reports=options.reports, report_format=options.report_format, reasons=workbook,
                            details=workbook and options.against is None,
                            lang=options.json_lang or options.lang)
        with Rows() as kept:
            summary = _score(options, config, documents, recheck_documents, sinks, kept, reported)
            for sink in sinks:
                sink.start(summary)
            readers = [sink.kept for sink in sinks if sink.reads_kept]
            if readers:
                for row in kept.rows():  # read back once, whatever the outputs: each takes every row in turn
                    for read in readers:
                        read(row)
            for sink in sinks:
                sink.finish(summary)
        for sink in sinks:  # every output written whole and on disk (a full disk fails here, before any is in place)
            sink.prepare()
        done = _finished(options, summary, reported, (earlier, sources, planned))
        with stops_deferred(deliver=False):  # every output is put in place, or none: a stop that comes now comes late
            commit_together([sink.output for sink in sinks])  # a rename that fails puts back those done (QA320 F2)
            for sink in sinks:
                sink.commit()
        return done
    except BaseException as err:
        with stops_deferred(deliver=False):  # stopping already: a second Ctrl-C must not leave a temporary file
            for sink in sinks:
                with contextlib.suppress(OSError):  # each output's temporary files go, whatever another's do
                    sink.discard()
            if options.reports is not None:  # a worker killed as it wrote a report left its temporary file (QA193 F3)
                remove_temporaries(options.reports, noted_reports(options.reports))
            if options.reports is not None and reported:  # the reports written before the stop are kept, and named
                mark_reports(options.reports, reported)
            elif made and options.reports is not None:
                _unmade(options.reports, made)
        if isinstance(err, OSError):  # an output's own temporary files (a workbook's sheets) on a full disk
            raise _outputs_error(err, options.outputs) from None
        if isinstance(err, ScoringEngineError) and (left := left_behind([sink.output for sink in sinks])):
            raise ScoringEngineError([*err.problems, *left]) from None  # named, to remove by hand (QA320 F2)
        raise


def _open_outputs(options: BatchOptions, sinks: list[Any]) -> None:
    """Each output opened into `sinks` (a failure discards those opened); refused naming every output that cannot be
    written, not only the first (QA332 F7: --output nodir1/a.xlsx --output nodir2/a.csv named only nodir1)."""
    refused: list[Problem] = []
    for path in options.outputs:
        try:
            sinks.append(OUTPUTS[extension_of(path)](path, options.against))
        except ScoringEngineError as err:
            refused += err.problems
    if refused:
        raise ScoringEngineError(refused)


def _finished(options: BatchOptions, summary: Summary, reported: list[str],
              before: tuple[frozenset[str], dict[str, str], dict[str, str]]) -> Summary:
    """All the run has left to do once its outputs are ready, done before any is put in place: the reports folder's
    mark, the earlier reports not written again (said: QA57 F2, QA182 F5). Done after, a failure (the mark, read once the
    outputs were in place, ran out of memory) said the run failed, nothing written, of outputs replaced (QA193 F4)."""
    earlier, sources, planned = before
    if options.reports is not None and reported:
        mark_reports(options.reports, reported)
    stale = earlier_reports(sorted(earlier - set(reported)), sources, planned, reported)
    return dataclasses.replace(summary, earlier_reports=tuple(stale[:SHOWN_EARLIER]), earlier_count=len(stale))


def _earlier(options: BatchOptions, own: Iterable[Path]) -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """The reports an earlier run wrote in the reports folder, what those its mark records are of, and (where the folder
    holds any file) what each report this run would write is of: refused (one line per report, nothing written) when one
    would replace a report of another project: a shared 报告 folder of one batch per unit, whose first projects are all
    000001-自评.html (QA182 F1); or a file whose project is not known: a mark of an earlier version, which records none,
    or no mark at all (QA184 F4)."""
    if options.reports is None:
        return frozenset(), {}, {}
    earlier = listed_reports(options.reports)
    sources = {name: of for name, of in report_sources(options.reports).items() if name in earlier}
    try:
        there = frozenset(os.listdir(options.reports)) - {REPORTS_MARK}
    except OSError:
        there = frozenset()
    planned = _planned(options, options.reports, own, sources, there) if there else {}
    remove_temporaries(options.reports, planned)  # left by an earlier run's worker killed as it wrote one (QA193 F3)
    return earlier, sources, planned


def _planned(options: BatchOptions, reports: Path, own: Iterable[Path], sources: dict[str, str],
             there: frozenset[str]) -> dict[str, str]:
    extension = REPORT_EXTENSIONS[options.report_format]
    planned = {}
    clashes = []
    projects = report_projects(reports)  # the project each JSONL line's report was of (QA185 F5)
    for index, document in enumerate(find_documents(options.inputs, own, options.taken, options.compare_with)):
        name = report_name(index, document.source, extension)
        planned[name] = of = report_source(document.source, document.path, document.line)
        if name not in there:
            continue
        now = line_project(document.text) if document.line is not None and sources.get(name) == of else None
        if (clash := replaced(reports / name, document.source, of, sources.get(name), now, projects.get(name))) is not None:
            clashes.append(clash)
    if clashes:
        raise ScoringEngineError(clashes)
    return planned


def _unmade(reports: Path, made: tuple[Path, ...]) -> None:
    """The reports folder this run made taken away, with the folders it made above it, while it holds no report:
    reports written are kept (a run refused left nodir3/sub of --reports nodir3/sub/rep: QA332 F7)."""
    with contextlib.suppress(OSError):
        if os.listdir(reports) == [REPORTS_MARK]:
            (reports / REPORTS_MARK).unlink()
        for folder in made:  # the deepest first: each is empty once the one below it is gone
            folder.rmdir()


def _reports_folder(options: BatchOptions) -> tuple[Path, ...]:
    """The folder for each project's own report, made if missing; the folders this run made for it, the deepest first
    (a run that fails takes them away again while they are empty, rather than leave empty folders behind). Refused,
    before anything is written, when each report would be the 自评表 of a profile keeping its base's id and version
    (--set keeprule.yaml): forms naming the base, read back as the base's (QA155 F1)."""
    reports = options.reports
    if options.indicator_set is not None and reports is not None:
        from ..reports.layouts import form_refused

        if (refused := form_refused(options.indicator_set, options.report_format)) is not None:
            raise IndicatorSetError(refused)
    # os.path's, which take a name too long to look up (项 × 86) for no folder: mkdir then says so (QA163 F4)
    if reports is None or os.path.isdir(reports):
        return ()
    if in_a_loop(reports):  # said as `sets --copy` says it: no folder to make there could end the loop (QA320 F7)
        raise ScoringEngineError(Problem("cannot create the reports folder: it is a symbolic link in a loop of links",
                                         file=str(reports), hint="remove the link, or give another folder"))
    if os.path.islink(reports):  # mkdir would say only "file exists": the link is there, the folder it names is not
        raise ScoringEngineError(Problem(f"the reports folder is a link to {os.readlink(reports)}, which is no folder",
                                         file=str(reports), hint="make the folder it names, or give the folder itself"))
    missing = Path(os.path.abspath(reports))
    made = [missing]
    while not os.path.lexists(missing.parent) and missing.parent != missing:
        missing = missing.parent
        made.append(missing)
    try:
        reports.mkdir(parents=True)
    except OSError as err:
        raise ScoringEngineError(Problem(f"cannot create the reports folder: {err.strerror}", file=str(reports),
                                         hint=advice(err))) from None
    return tuple(made)


def outputs_clash(outputs: Iterable[Path], inputs: Iterable[str], reports: Path | None = None) -> str | None:
    """Why the outputs cannot be written as given, or None when they can: one given twice; one that is an input file,
    or a file an input folder's search reads (writing it would replace the facts or the filled form it holds: found
    by device and inode, through links either way); a --reports folder that holds an input folder (whose projects
    would be left out as reports) or an input named as a report may be (which a report could replace). An output in
    the reports folder under a report's name is found as the reports are written (`_not_over_a_report`)."""
    seen: set[str] = set()
    given = [(i, os.path.realpath(i)) for i in inputs]
    read = {real for _, real in given}
    folders = [(i, real) for i, real in given if os.path.isdir(real)]
    in_search: set[tuple[int, int]] | None = None  # walked only when an output is already there
    folder = os.path.realpath(reports) if reports is not None else None
    for path in outputs:
        real = os.path.realpath(path)
        if real in seen:
            return f"--output {path} is given twice"
        if real == folder:  # the run failed on it, exit 1, as no file (QA320 F8)
            return f"--output {path} is also the --reports folder: give the summary file and the reports folder different names"
        if real in read:
            return f"--output {path} is also an input: writing it would replace what it holds"
        seen.add(real)
        there = _file_id(real)
        if there is None or not folders:
            continue
        if in_search is None:
            in_search = searched_files([real for _, real in folders], (reports,) if reports is not None else ())
        if there in in_search:
            holder = next((i for i, folder in folders if real.startswith(folder + os.sep)), folders[0][0])
            return (f"--output {path} is a file the search of {holder} reads as a project: writing it would replace what "
                    "it holds")
    return _reports_clash(reports, given, folders, seen) if reports is not None else None


def _file_id(path: str) -> tuple[int, int] | None:
    """A regular file's device and inode, or None (absent, or no regular file)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def _reports_clash(reports: Path, given: list[tuple[str, str]], folders: list[tuple[str, str]],
                   outputs: set[str]) -> str | None:
    kept = os.path.realpath(reports)
    for i, folder in folders:
        if folder == kept or folder.startswith(kept + os.sep):
            return f"--reports {reports} holds the input folder {i}: its projects would be left out as reports"
        if kept.startswith(folder + os.sep):  # left out of the search of {i}: only an earlier run's reports may be there
            project = next((p for p in searched_paths([kept], outputs) if not _REPORT_SHAPE.match(p.name)), None)
            if project is not None:  # named below the reports folder: deep/p2.json, not only p2.json
                return (f"--reports {reports} is inside the input folder {i} and holds the project file "
                        f"{Path(os.path.relpath(project, kept)).as_posix()}: its projects would be left out as reports")
    for i, real in given:  # a report is written as NNNNNN-name.ext: an input of that shape there could be replaced
        named = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(i))), os.path.basename(i))  # a link too
        if any(os.path.dirname(p) == kept and _REPORT_SHAPE.match(os.path.basename(p)) for p in (real, named)):
            return f"--reports {reports} holds the input {i}, named as a project's report may be: give another folder"
    return None


_REPORT_SHAPE = compile_later(r"^[0-9]{6,}-")  # the names report_name gives


def _outputs_among_reports(options: BatchOptions) -> dict[str, Path]:
    """The outputs written into the reports folder, by file name: each must not be the name of a project's report."""
    if options.reports is None:
        return {}
    folder = os.path.realpath(options.reports)
    # by the folder it is in, not where a link of that name points: the report is written under that name, through it
    return {path.name: path for path in options.outputs if os.path.realpath(path.parent) == folder}


def _not_over_a_report(row: ProjectRow, outputs: dict[str, Path], options: BatchOptions) -> None:
    """Stop the run (its outputs discarded) when a summary would replace this project's report, written under its name."""
    name = report_name(row.index, row.source, REPORT_EXTENSIONS[options.report_format])
    if name in outputs:
        raise ScoringEngineError(Problem(f"--output {outputs[name]} would replace the report of {row.source}, written "
                                         "under the same name", hint="give the summary another name"))


def exit_code(summary: Summary) -> int:
    """3 when a project failed on a bug of the engine, 1 when any project failed or a comparison could not be made (a
    re-check that failed, or was scored under another set: QA307 5; a project scored under the --compare-set itself:
    QA334 F8), else 0."""
    if summary.internal:
        return EXIT_INTERNAL
    return EXIT_FAILED if summary.failed or summary.other_failed or summary.other_set or summary.same_set else 0


def _score(options: BatchOptions, config: TaskConfig, documents: Iterator[Any], recheck_documents: Iterator[Any] | None,
           sinks: list[Any], kept: Rows, reported: list[str]) -> Summary:
    summariser = Summariser()
    summariser.against = options.against  # the comparison's columns are shown even if nothing matched
    progress = None
    if options.progress is not None:
        own = options.written
        total = count_documents(options.inputs, options.written, options.taken, options.compare_with)
        total += count_documents(options.compare_with, own) if options.compare_with else 0
        progress = Progress(options.progress, total, lang=options.lang)
    with Recheck(batch_paths(options.inputs, (*options.written, *options.taken)) if recheck_documents is not None
                  else Paths()) as recheck:
        if recheck_documents is not None:
            worker = partial(BatchWorker, TaskConfig(options.indicator_set, batch=RECHECK, reasons=config.reasons,
                                                     lang=config.lang, failed_json=config.json))
            for entry in ordered_map(worker, enumerate(recheck_documents), options.jobs):
                recheck.add(entry.row)
                if not entry.row.ok:  # listed with the problems under its project's 序号, as that project comes (QA307 1)
                    summariser.add(entry.row)
                    for sink in sinks:  # and in the .jsonl's compare of the project it matches (QA319 F5)
                        if isinstance(sink, BatchJsonl) and entry.json is not None:
                            sink.failed_rechecks[entry.row.source] = entry.json
                if progress:
                    progress.tick(not entry.row.ok)
        over_reports = _outputs_among_reports(options)
        for entry in ordered_map(partial(BatchWorker, config), enumerate(documents), options.jobs):
            if over_reports and entry.row.ok:
                _not_over_a_report(entry.row, over_reports, options)
            row = _compared(entry, recheck if recheck_documents is not None else None, options, kept, summariser)
            summariser.add(row)
            if config.reports is not None and row.ok:  # its report was written (a scored project's, by the worker)
                reported.append(report_name(row.index, row.source, REPORT_EXTENSIONS[config.report_format]))
            kept.add(row.summary_only())
            for sink in sinks:
                sink.add(row, entry)
            if progress:
                progress.tick(not row.ok)
        if progress:
            progress.close()
        for failed in recheck.failed_unmatched():  # after the batch's own, with no 序号: they point at no project
            kept.add(replace(failed, index=NO_PROJECT))
        summariser.unmatched, summariser.recheck_unscored = recheck.unmatched(), len(recheck.to_failed - recheck.to_scored)
        summariser.unmatched_shown = recheck.unmatched_shown()
        summariser.recheck_ids = recheck.ids if recheck_documents is not None else None
    return summariser.summary()


def _compared(entry: Entry, recheck: Recheck | None, options: BatchOptions, kept: Rows, summariser: Summariser) -> ProjectRow:
    """The entry's row with its comparison: against its re-check, or against its own score under the other set."""
    row = entry.row
    if recheck is not None:
        other = recheck.match(row)  # a project that failed takes its re-check too: not one that "matched no project"
        if recheck.to_tell is not None:  # a failed re-check, first met: on 问题 under this project's 序号 (QA307 1)
            kept.add(replace(recheck.to_tell, index=row.index))
        if other is not None and other.ok and not row.ok:  # told on its 问题 row and counted, not lost (QA70 F1)
            assert other.total is not None and other.grade is not None
            return replace(row, recheck_unscored=(other.source, other.total, other.grade))
        if other is None and row.ok and (year := recheck.elsewhere(row)):
            return replace(row, recheck_elsewhere=year)
        if other is None and row.ok and (first := recheck.taken_by(row)):  # its id given twice (QA307 7)
            return replace(row, recheck_taken=first)
        if other is None or not row.ok:
            return row.with_compare(None)
        if not other.ok:
            return replace(row, compare_failed=other.source)
        if other.set_key != row.set_key:  # points out of another set are no difference to flag (QA50 F2)
            named = f"{other.set_id} {other.set_version}"
            same = (other.set_id, other.set_version) == (row.set_id, row.set_version)
            return replace(row, compare_set=f"{named}（sha256 {other.set_sha256[:8]}）" if same else named)
        return row.with_compare(compare(row, other, RECHECK, options.threshold))
    if options.other_set is not None and row.ok and same_set(row, options.other_set):  # not with itself (QA334 F8)
        return replace(row, compare_same=True)
    if entry.other is not None:
        if not entry.other.ok:
            kept.add(entry.other)  # listed with the problems, under the other set's name
            summariser.add(entry.other)
            return replace(row, compare_failed=entry.other.source)  # as a re-check that failed (QA50 F1)
        return row.with_compare(compare(row, entry.other, entry.other.batch, options.threshold))
    return row


def _rechecks(inputs: tuple[str, ...], own: Iterable[str | os.PathLike[str]]) -> Iterator[Any]:
    """The re-check's documents; an input that is not there is said to be the re-check's (--compare-with)."""
    try:
        return as_rechecks(find_documents(inputs, own))
    except ScoringEngineError as err:
        raise type(err)([replace(p, hint=p.hint or "given with --compare-with: the re-check of these projects")
                         for p in err.problems]) from None


def _outputs_error(err: OSError, outputs: tuple[Path, ...]) -> ScoringEngineError:
    """A system error of the files an output writes beside it as it goes (a workbook's sheets), said as the batch's own,
    of the outputs in the folder it failed in where the system says which (QA90 F3), else of the workbooks, which keep
    such files (named, not their folder `.`: QA216 4), with the advice that fits the error (QA163 F3: a folder taken
    away or made unwritable mid-run is no full disk)."""
    where = err.filename if isinstance(err.filename, str) else None
    folder = where if where is None or os.path.isdir(where) else os.path.dirname(where) or "."
    named = [str(p) for p in outputs if os.path.realpath(p.parent) == os.path.realpath(folder)] if folder is not None else \
        [str(p) for p in outputs if OUTPUTS.get(extension_of(p)) is BatchWorkbook] or [str(p) for p in outputs]
    hint = MAKE_THE_FOLDER if err.errno == errno.ENOENT else advice(err)
    return ScoringEngineError(Problem(f"cannot write the outputs' temporary files: {err.strerror or err}",
                                      file=", ".join(dict.fromkeys(named)) or folder,
                                      hint=hint or (FREE_SPACE if err.errno in SPACE_ERRORS else None)))


def _from_page(book: Path, page: Path) -> str:
    """The workbook's path as a reader of the page finds it: relative to the page's folder (x.xlsx beside it, sub/x.xlsx
    in a folder below: QA321 F3, the page named the bare x.xlsx of sub/x.xlsx)."""
    try:
        return os.path.relpath(os.path.abspath(book), os.path.dirname(os.path.abspath(page)))
    except ValueError:  # on another drive (Windows): no path between them
        return str(book)
