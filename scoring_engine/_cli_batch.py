"""`scoring-engine batch` as the command runs it: its options checked together, the run, and what it says at the end.

The command's options are declared in `cli.py`; this module holds the rest, so that the command line stays one
screen per command. What is printed goes through `_output.say` / `tell`, which do without a standard output or
error that is closed (`2>&-`): the outputs are written all the same.
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click
from click.core import ParameterSource

from ._cli_guard import EXIT_INTERRUPTED, said_line as _say
from ._cli_params import points_given
from ._messages import chosen_language, current_language, said
from ._output import done_stopping, extension_of, say, stopping_cleanly, stops_deferred, tell
from ._terminal import on_a_terminal
from ._text import one_line, path_shown
from .errors import Problem, ScoringEngineError
from .loader import load_indicator_set, resolve_set

if TYPE_CHECKING:
    from .batch.summary import Summary

__all__ = ["run_batch_command", "progress_stream"]



def progress_stream(quiet: bool) -> TextIO | None:
    """Standard error when it is a terminal to draw the progress line on; None when --quiet, when standard error is
    closed (`2>&-`: Python's sys.stderr is None), or when it is a file or a pipe (QA193 F2: a closed one was exit 3)."""
    stream = sys.stderr
    if quiet or stream is None:
        return None
    try:
        return stream if stream.isatty() else None
    except (OSError, ValueError):  # a stream closed under Python, or one whose descriptor is gone
        return None


def run_batch_command(inputs: tuple[str, ...], set_ref: str | None, jobs: int | None, outputs: tuple[Path, ...],
                      reports: Path | None, report_format: str, compare_with: tuple[str, ...], compare_set: str | None,
                      threshold: str, quiet: bool) -> None:
    """Check the options, run the batch, print its summary and the outputs written; exit with the batch's code."""
    from .batch.pool import usable_cores
    from .batch.run import BatchOptions, exit_code, run_batch
    from .reports.batch_text import summary_text

    points = _batch_usage(inputs, outputs, jobs, reports, compare_with, compare_set, threshold)
    lang = current_language()
    fixed = load_indicator_set(resolve_set(set_ref)) if set_ref else None
    other = load_indicator_set(resolve_set(compare_set)) if compare_set else None
    if fixed is not None and other is not None and fixed.sha256 == other.sha256:  # as --compare-with an input (QA332 F5)
        raise click.UsageError(f"--compare-set {compare_set} is the set every project is scored under (--set {set_ref}, "
                               "the same content): each project would be compared with itself")
    options = BatchOptions(inputs, fixed, jobs or usable_cores(), outputs, reports, report_format, compare_with, other,
                           points, progress_stream(quiet), lang, chosen_language())
    stopped = said("interrupted: no summary file was written", lang)
    try:
        # SIGTERM or SIGHUP: the outputs are discarded as on Ctrl-C, the line Ctrl-C gets said (QA320 F6), then the
        # signal ends the process
        with stopping_cleanly(lambda signum: tell(("\n" if options.progress is not None else "") + stopped)):
            summary = run_batch(options)
    except KeyboardInterrupt:
        done_stopping()  # stopped and cleaned up: Ctrl-C again while Python unwinds changes nothing (QA94 F2)
        tell(("\n" if on_a_terminal() else "") + stopped)  # after ^C or the progress line; no empty line in a log (QA320 F8)
        sys.exit(EXIT_INTERRUPTED)
    done_stopping()  # the outputs are in place: a stop now would only say they are not (QA90 F4, QA92 F3)
    with stops_deferred(deliver=False):  # called in-process, the caller's handlers come back after
        try:
            say(summary_text(summary, lang))
        except (ScoringEngineError, MemoryError) as err:  # the outputs are in place all the same (QA193 F4, F6)
            _tell_problems(summary, lang, outputs)  # which projects failed, on standard error still (a cron job's log: QA224 4)
            _not_printed(err, outputs)
        _tell_problems(summary, lang, outputs)
        for path in outputs:
            tell(_say(f"{path_shown(path)}: written"))
        sys.exit(exit_code(summary))


#: The outputs that list every project that could not be scored: the workbook's sheet 问题, the page, the JSON lines (a
#: .csv is 汇总 alone, of the projects scored).
_LISTING_PROBLEMS = (".xlsx", ".html", ".htm", ".jsonl")


def _tell_problems(summary: Summary, lang: str, outputs: tuple[Path, ...]) -> None:
    """The lines of the projects that could not be scored, on standard error; past the first, where they all are: the
    outputs, or, where none written lists them (no --output, a .csv alone), how to see them (QA325 F4: told the outputs
    listed them all, of a run that wrote none that did)."""
    for line in summary.problem_lines_zh if lang == "zh" else summary.problem_lines:
        tell(f"{'错误：' if lang == 'zh' else 'error: '}{one_line(line)}")
    if summary.problem_lines_left:  # not how many failed: one project's lines can fill them all (QA201 1)
        more = said("… the outputs list every project that could not be scored (问题)", lang) \
            if any(extension_of(path) in _LISTING_PROBLEMS for path in outputs) else \
            said("… the other lines are not shown: run again with --output NAME.xlsx to see every project that could not "
                 "be scored, on its sheet 问题", lang)
        tell(("错误：" if lang == "zh" else "error: ") + more)


#: Why the summary was not printed when memory ran out as it was (its Chinese line made beforehand: _cli_guard).
NO_MEMORY_TO_PRINT = "not enough memory (MemoryError)"


def _not_printed(err: ScoringEngineError | MemoryError, outputs: tuple[Path, ...]) -> NoReturn:
    """The summary could not be printed (standard output closed or full, or memory short), its outputs being written:
    they are named as written, and the error says the summary alone was not printed, exit 1 (a closed standard output's
    code). It said "无法输出" and to give --output FILE, of a run given --output whose outputs were in place (QA193 F6);
    batch's hints never offer it now (`_command_line.stdout_fix`), and one to redirect the output is left out."""
    for path in outputs:
        tell(_say(f"{path_shown(path)}: written"))
    if not outputs:
        raise err
    if isinstance(err, MemoryError):  # not "could not finish" after the outputs named as written (QA198 4)
        raise ScoringEngineError(Problem(f"the outputs are written; the summary was not printed: {NO_MEMORY_TO_PRINT}"))
    problems = []
    for problem in err.problems:
        problems.append(Problem(f"the outputs are written; the summary was not printed: {problem.message}",
                                hint=None if problem.hint == "redirect it to a file" else problem.hint))
    raise ScoringEngineError(problems) from None


def _batch_usage(inputs: tuple[str, ...], outputs: tuple[Path, ...], jobs: int | None, reports: Path | None,
                 compare_with: tuple[str, ...], compare_set: str | None, threshold: str) -> Decimal:
    """The batch options checked together (a usage error for any that clash or do nothing); the threshold in points."""
    from .batch.compare import MAX_THRESHOLD, threshold_shown
    from .batch.pool import MAX_JOBS
    from .batch.run import OUTPUTS, outputs_clash
    from .batch.recheck import recheck_clash

    if "-" in (*inputs, *compare_with) and not os.path.exists("-"):
        raise click.UsageError("batch does not read standard input: give the facts files, folders or JSONL files by path")
    for path in outputs:
        if extension_of(path) not in OUTPUTS:
            raise click.UsageError(f"--output {path}: the extension says the format; use one of {', '.join(OUTPUTS)}")
    if jobs is not None and jobs > MAX_JOBS:  # more would only compete for the cores, each holding the set
        raise click.BadParameter(f"{jobs} is more than four per core ({MAX_JOBS})", param_hint="--jobs")
    clash = outputs_clash(outputs, (*inputs, *compare_with), reports)
    if clash is not None:
        raise click.UsageError(clash)
    if compare_with and compare_set:
        raise click.UsageError("give --compare-with (a re-check) or --compare-set (another set), not both")
    given = click.get_current_context().get_parameter_source
    if not (compare_with or compare_set) and given("threshold") is ParameterSource.COMMANDLINE:  # used by nothing (QA135 F4)
        raise click.UsageError("--threshold is the difference a comparison flags: give it with --compare-with or --compare-set")
    if reports is None and given("report_format") is ParameterSource.COMMANDLINE:
        raise click.UsageError("--report-format is the format of each project's own report: give it with --reports DIR")
    if (clash := recheck_clash(inputs, compare_with)) is not None:
        raise click.UsageError(clash)
    points = points_given(threshold)
    if not points.is_finite() or points < 0:
        raise click.BadParameter(f"{threshold!r} is not a number of points (0 or more)", param_hint="--threshold")
    if not threshold_shown(points):
        raise click.BadParameter(f"{threshold!r}: give at most {MAX_THRESHOLD} points, with at most 6 decimals",
                                 param_hint="--threshold")
    return points
