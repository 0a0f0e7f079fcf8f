"""Whether the package runs as the `scoring-engine` command: a hint then names the command's fix only, and the Python
call that does the same (load_facts, load_indicator_set, score_many) only to a program that called the API (QA180 F1).

The command line marks its commands while they run (`_cli_guard.guarded`), and hands the mark to batch's worker
processes (`batch.pool`); a program that imports the package is never marked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from ._patterns import compile_later

__all__ = ["as_argument", "importing", "in_python", "offering_output", "on_the_command_line", "run_as_command",
           "run_as_command_from_now", "run_as_import", "set_given", "stdout_fix"]

_command: ContextVar[bool] = ContextVar("command_line", default=False)
_import: ContextVar[bool] = ContextVar("importing", default=False)
_output: ContextVar[bool] = ContextVar("output_option", default=False)


def offering_output() -> AbstractContextManager[None]:
    """While the body runs, the command has --output, writing a file what it would print: a hint may offer it."""
    return _while(_output)


def stdout_fix(*, closed: bool) -> str:
    """How to get what a standard output could not take (closed, or of an encoding without its characters): --output
    FILE only for a command that has it; explain, test, sets were told to give it, and click refused it (QA224 5)."""
    if closed:
        return "redirect it to a file, or give --output FILE" if _output.get() else "redirect it to a file"
    if _output.get():
        return "set PYTHONIOENCODING=utf-8, or give --output FILE"
    return "set PYTHONIOENCODING=utf-8 and redirect it to a file: > FILE"  # not on the console: it would show mojibake


def on_the_command_line() -> AbstractContextManager[None]:
    """While the body runs, the package runs as the command (a hint names no Python call)."""
    return _while(_command)


def importing() -> AbstractContextManager[None]:
    """While the body runs, `import` reads a form: a text given as one is told import's fix, not score's (QA189 F2)."""
    return _while(_import)


@contextmanager
def _while(mark: ContextVar[bool]) -> Iterator[None]:
    token = mark.set(True)
    try:
        yield
    finally:
        mark.reset(token)


def run_as_import() -> bool:
    """Whether `import` reads the form here (`importing`); else score, batch, explain or a program reads it."""
    return _import.get()


def run_as_command() -> bool:
    """Whether the package runs as the command here: to hand to a worker process that scores for it."""
    return _command.get()


def run_as_command_from_now() -> None:
    """From now on in this context, the package runs as the command: for a batch worker, all its life."""
    _command.set(True)


def in_python(hint: str, call: str) -> str:
    """`hint` for the command line; for a program, with the Python call that does it: "HINT; in Python, CALL"."""
    return hint if _command.get() else f"{hint}; in Python, {call}"


def set_given() -> tuple[str, str]:
    """How a message names the set given for facts that name another, and how to score them with theirs: --set on the
    command line, the indicator_set argument in Python (QA276 F9: score_many told a program to leave out --set)."""
    if _command.get():
        return "--set", "leave out --set"
    return "the set given", "give indicator_set=None"


#: What a command's argument may hold bare, in cmd.exe and in a POSIX shell alike: letters and digits of any script, and
#: the punctuation of paths neither reads otherwise.
_BARE = compile_later(r"[\w.:@+/-]+")
#: What double quotes do not protect in a POSIX shell ($ ` \ " and, typed at a prompt, the history's !).
_NOT_IN_DOUBLE_QUOTES = frozenset('$`\\"!')


def as_argument(text: str) -> str:
    """`text` (a path) as a hint writes it for a command line, to copy into cmd.exe or a POSIX shell as it is: bare
    when it needs no quoting (省方案.yaml), else in double quotes, which both shells take ("my sets/省方案.yaml"); in
    POSIX quoting only for the characters double quotes do not protect there. A Chinese name was quoted 'so', which
    cmd passes on quotes and all (QA214 11).

    >>> as_argument("省方案.yaml"), as_argument("my sets/a.yaml"), as_argument("a$b.yaml")
    ('省方案.yaml', '"my sets/a.yaml"', "'a$b.yaml'")
    """
    if text and _BARE.fullmatch(text) and text.isprintable():
        return text
    if _NOT_IN_DOUBLE_QUOTES.isdisjoint(text):
        return f'"{text}"'
    import shlex

    return shlex.quote(text)
