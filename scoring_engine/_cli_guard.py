"""How every command of the command line ends: user errors as one line per problem and exit code 1, never a traceback.

A reader of standard output that went away (`| head`) is a quiet exit 1,
Ctrl-C a line saying so in the run's language and exit 1 (batch, which
stops its workers, exits 130 as a shell counts it), a lack of
memory is said as the machine's limit, and a bug of ours is one line asking
for a report (exit 3), unless SCORING_ENGINE_TRACEBACK asks for the traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import _reads
from ._command_line import offering_output, on_the_command_line
from ._encodings import reading_otherwise
from ._messages import chosen_language, current_language, error_line, said
from ._output import done_stopping, drop_stdout, tell
from ._terminal import on_a_terminal
from ._text import one_line
from .errors import ScoringEngineError

__all__ = ["EXIT_INVALID", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "error_said", "guarded", "refuse_unnamed_path", "report",
           "said_line"]

EXIT_INVALID = 1
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a program stopped by Ctrl-C: batch's


#: The line said when memory runs out even for the line saying so (the Chinese catalog loads when first needed): made
#: here, before it is needed, so that no traceback is ever printed instead (QA193 F5).
NO_MEMORY = {"zh": "错误：内存不足，无法完成（MemoryError）：关闭其他程序，或减小输入",
             "en": "error: not enough memory to finish (MemoryError): close other programs, or give a smaller input"}


#: The Chinese lines, with their hint, of the batch's errors that mean memory ran short (batch/pool.py's WORKER_LOST
#: and POOL_DEAD, _cli_batch's summary not printed), made beforehand as NO_MEMORY is: said when the catalog cannot
#: load, in the run's language (QA198 2, 4).
MEMORY_SHORT_ZH = {
    "a worker process ended unexpectedly (killed, perhaps for want of memory): the batch stopped":
        "错误：有一个工作进程意外结束（被强行终止，可能是内存不足）：批量评分已停止（请减少 --jobs 的进程数，或关闭其他程序；"
        "--jobs 1 只用一个进程评分）",
    "the worker processes could not be run (Python could not start a thread, perhaps for want of memory): the batch "
    "stopped": "错误：无法运行工作进程（Python 无法启动线程，可能是内存不足）：批量评分已停止（请减少 --jobs 的进程数，或关闭其他"
               "程序；--jobs 1 只用一个进程评分）",
    "the outputs are written; the summary was not printed: not enough memory (MemoryError)":
        "错误：输出文件已写出；汇总未打印：内存不足（MemoryError）"}

#: Where the command's context keeps the language of its lines, decided as it starts (before memory can run out).
_LANG_AT_START = "scoring_engine.lang_at_start"


def report(err: ScoringEngineError) -> None:
    try:
        lang = current_language(err.problems)
        lines = [error_line(problem, lang) for problem in err.problems]
    except MemoryError:  # the Chinese catalog could not load: the problems in the words they were made in (QA193 F5),
        zh = _language_at_start() == "zh"  # those meaning memory ran short in Chinese lines made beforehand (QA198 2)
        lines = [(MEMORY_SHORT_ZH.get(problem.message) if zh else None) or f"error: {one_line(str(problem))}"
                 for problem in err.problems]
    for line in lines:
        tell(line)


def _language_at_start() -> str:
    """The language of the command's lines as decided when it started (its --lang, the locale, its input: see
    current_language), taken without loading anything; else the one chosen (--lang, the locale), else Chinese."""
    try:
        ctx = click.get_current_context(silent=True)
        decided = ctx.meta.get(_LANG_AT_START) if ctx is not None else None
        return decided if isinstance(decided, str) else chosen_language()
    except MemoryError:
        return "zh"


def said_line(text: str) -> str:
    """One of the command's own lines (made in English), in the language of the command line."""
    return one_line(said(text, current_language()))


def error_said(text: str) -> str:
    """One of the command's own error lines (made in English), `error: …` or `错误：…` as every problem's line is
    (docs/authoring.md: the lack of memory and an internal error had no such start, QA193 F4)."""
    lang = current_language()
    return ("错误：" if lang == "zh" else "error: ") + one_line(said(text, lang))


def guarded(action: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; user errors become one line per problem and exit code 1.

    A command's --encoding applies to every file it reads, and the files it
    reads are noted, so that no output replaces one (`_reads`; not for batch,
    which checks its outputs against its inputs itself).
    """

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return _run(action, args, kwargs)
        except MemoryError:  # while a line was being said (QA193 F5): the line made beforehand, never a traceback, in
            tell(NO_MEMORY["zh" if _language_at_start() == "zh" else "en"])  # the run's language (QA198 2)
            sys.exit(EXIT_INVALID)

    # click names the command after the function; its help is the command's help= in cli.py, not the function's
    # docstring, which python -OO strips (QA224 6)
    run.__name__ = action.__name__
    return run


def _run(action: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The command, each way it can end said as one line (see guarded)."""
    try:
        _decide_language()
        with (reading_otherwise(kwargs.pop("encoding", None)), _reads.remembering(action.__name__ != "batch"),
              on_the_command_line(), _offering_output()):  # a hint names the command's fix, not a Python call (QA180 F1)
            return action(*args, **kwargs)
    except ScoringEngineError as err:
        report(err)
        sys.exit(EXIT_INVALID)
    except BrokenPipeError:
        drop_stdout()
        sys.exit(EXIT_INVALID)
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise
    except KeyboardInterrupt:  # an output being written was left as it was (_output.write_atomically)
        done_stopping()  # Ctrl-C again while Python unwinds changes nothing
        # on a line of its own after ^C, with no empty line before it in a log (QA320 F8); batch's code, whenever it
        # comes: 1 is "some project failed" (QA57 F3)
        tell(("\n" if on_a_terminal() else "") + said_line("interrupted"))
        sys.exit(EXIT_INTERRUPTED if action.__name__ == "batch" else EXIT_INVALID)
    except MemoryError:  # the machine's limit, as a full disk is: said as such, not as a bug
        tell(error_said("not enough memory to finish (MemoryError): close other programs, or give a smaller input"))
        sys.exit(EXIT_INVALID)
    except Exception as err:  # a bug of ours: one line, not a traceback, unless asked for
        from ._path_encoding import unnamed

        if (problem := unnamed(err)) is not None:  # a path the locale's encoding cannot hold: the user's (QA224 2)
            report(ScoringEngineError(problem))
            sys.exit(EXIT_INVALID)
        if os.environ.get("SCORING_ENGINE_TRACEBACK"):
            raise
        detail = one_line(str(err)) or "-"
        tell(error_said(f"internal error: {type(err).__name__}: {detail} (please report it with the input files; "
                        "set SCORING_ENGINE_TRACEBACK=1 for details)"))
        sys.exit(EXIT_INTERNAL)


def refuse_unnamed_path(err: UnicodeEncodeError) -> None:
    """While click reads the command line (its Path type looks the path up): a path the locale's encoding cannot hold
    said as one line, exit 1, as the command says it of a path it uses (QA224 2: a traceback); nothing for another
    error, which the caller raises again."""
    from ._path_encoding import unnamed

    problem = unnamed(err)
    if problem is not None:
        report(ScoringEngineError(problem))
        raise click.exceptions.Exit(EXIT_INVALID)


def _offering_output() -> contextlib.AbstractContextManager[None]:
    """A hint about standard output offers --output only while a command that has it runs (QA224 5); batch's --output
    names its summary files, and its summary is printed all the same."""
    ctx = click.get_current_context(silent=True)
    has = ctx is not None and any(param.name == "output" for param in ctx.command.params)
    return offering_output() if has else contextlib.nullcontext()


def _decide_language() -> None:
    """Decide the language of the command's lines as it starts, for a lack of memory said later: by then the input may
    not be looked at (QA198 2: a Chinese input's run said it in English). A failure here is the error line's to say."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        with contextlib.suppress(Exception):
            ctx.meta[_LANG_AT_START] = current_language()
