"""The command line's lines in the user's language: errors, warnings, its own lines and click's usage errors.

Which language is decided by `_lang.language` from `--lang`, the locale and the
command's input; this module finds the input in click's context (the command's
arguments, the files of the problems reported) and writes each line in that
language: ``error: …`` / ``错误：…``, ``warning: …`` / ``提示：…``, and a usage error
with click's usage line and its message in Chinese.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ._lang import language, locale_is_chinese, spoken
from ._text import one_line
from .errors import Problem
from ._patterns import compile_later

__all__ = ["ARGS_KEY", "LANG_VARIABLE", "STDIN_KEY", "Commands", "chosen_language", "command_line_language", "current_language",
           "error_line", "note_stdin", "said", "warning_line"]

#: The environment variable that gives --lang when the command line does not.
LANG_VARIABLE = "SCORING_ENGINE_LANG"
#: Where the group's context keeps its command line as given (its `meta` is shared with the command's context).
ARGS_KEY = "scoring_engine.args"
#: Where the context keeps the first bytes of the facts read from standard input (`score -`), which say the language too.
STDIN_KEY = "scoring_engine.stdin"

_OUTPUT_PARAMETERS = frozenset({"output", "outputs", "reports", "copy_to"})  # where the command writes, not what it reads
_LANG_ARGUMENT = compile_later(r"--lang(?:=(\w+))?$")


def _inputs(ctx: click.Context | None) -> list[str | Path]:
    """The paths and set ids the command was given (each argument and option value that may name one)."""
    found: list[str | Path] = []
    while ctx is not None:
        for name, value in ctx.params.items():
            if name in _OUTPUT_PARAMETERS:
                continue
            values = value if isinstance(value, (tuple, list)) else (value,)
            found += [v for v in values if isinstance(v, (str, Path))]
        ctx = ctx.parent
    return found


def current_language(problems: Iterable[Problem] = ()) -> str:
    """The language of the command running now, its input counting the files `problems` are in."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.find_root().params.get("lang") if ctx is not None else None
    if chosen is None and not _takes_chinese(sys.stderr):  # PYTHONIOENCODING=latin-1: Chinese would print as \uXXXX
        return "en"
    stdin = ctx.meta.get(STDIN_KEY) if ctx is not None else None
    return language(chosen, [*_inputs(ctx), *(p.file for p in problems if p.file)], stdin=stdin)


def note_stdin(head: bytes) -> None:
    """Keep the first bytes of the facts the command read from standard input, for the language of its lines (QA179 F2)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[STDIN_KEY] = head


def chosen_language() -> str:
    """The language the user chose for the run: --lang (or SCORING_ENGINE_LANG), else "zh" for a Chinese locale, else
    "en"; never guessed from the input. A file made for tools as well as people (the JSON result) writes its messages
    in it, so that a tool run in an English locale on Chinese files gets the same document as the Python API."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.find_root().params.get("lang") if ctx is not None else None
    if chosen is not None:
        return str(chosen)
    return "zh" if locale_is_chinese(os.environ) else "en"


def _takes_chinese(stream: Any) -> bool:
    """Whether a text stream (standard error) can hold Chinese; True when there is none to ask."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return True
    try:
        "错误".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def error_line(problem: Problem, lang: str) -> str:
    """One line for one problem: ``error: …`` in English, ``错误：…`` in Chinese."""
    return f"错误：{one_line(problem.text('zh'))}" if lang == "zh" else f"error: {one_line(str(problem))}"


def warning_line(warning: Any, lang: str) -> str:
    """One line for a scoring warning (a ScoreWarning or a Problem): ``warning: …``, or ``提示：…``."""
    return f"提示：{one_line(warning.text('zh'))}" if lang == "zh" else f"warning: {one_line(str(warning))}"


def said(text: str, lang: str) -> str:
    """One of the command line's own lines (made in English) in `lang`."""
    if lang != "zh":
        return text
    from ._zh import translate

    return translate(text)


# ---------------------------------------------------------------- click's usage errors


def _chosen_in(args: Sequence[str]) -> str | None:
    """The --lang of a command line not yet parsed (a usage error may come before the option is read), the last one
    written when it is given twice, as the command reads it; else the environment's."""
    chosen: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":  # what follows is arguments, whatever it says
            break
        found = _LANG_ARGUMENT.match(arg)
        if found:
            value = found.group(1) or (args[i + 1] if i + 1 < len(args) else None)
            chosen = value or None
    if chosen is not None:
        return spoken(chosen)
    value = os.environ.get(LANG_VARIABLE)
    return spoken(value) if value else None


def _show_in_chinese(err: click.ClickException, file: Any = None) -> None:
    """What click shows for a usage error, in Chinese: the usage line, how to get help, and the message."""
    from ._zh import translate

    ctx = getattr(err, "ctx", None)
    lines = []
    if ctx is not None:
        from ._zh_help import USAGE_WORDS

        usage = ctx.get_usage().replace("Usage: ", "用法：", 1)
        for english, chinese in USAGE_WORDS.items():  # as --help writes them (QA44 F11)
            usage = usage.replace(f" {english}", f" {chinese}", 1)
        lines.append(usage)
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(f"运行 '{ctx.command_path} {max(ctx.command.get_help_option_names(ctx), key=len)}' 查看帮助。")
        lines.append("")
    lines.append(f"错误：{one_line(translate(err.format_message()))}")
    click.echo("\n".join(lines), file=file, err=file is None)


def command_line_language(args: Sequence[str], ctx: click.Context | None) -> str:
    """The language of a command line that may not be parsed yet (a usage error, --help): its --lang, the
    environment's, the --lang already read, else the locale and the arguments that may name input."""
    chosen = _chosen_in(args) or (ctx.find_root().params.get("lang") if ctx is not None else None)
    if chosen is None and not _takes_chinese(sys.stderr):
        return "en"
    return language(chosen, [a for a in args if not a.startswith("-")])


_SHOWS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+: no arguments show the (translated) help


@contextmanager
def _usage_errors_in_language(args: Sequence[str]) -> Iterator[None]:
    """A usage error raised in the body is shown in Chinese when the command line is Chinese."""
    try:
        yield
    except _SHOWS_HELP:
        raise
    except click.ClickException as err:
        if command_line_language(args, click.get_current_context(silent=True)) == "zh":
            err.show = functools.partial(_show_in_chinese, err)  # type: ignore[method-assign]
        raise


#: An argument given as empty text, which a path would read as the working folder.
EMPTY_ARGUMENT = "an argument is empty (an unset variable in a script?): give the file, folder or value"
EMPTY_OPTION = "the value of {option} is empty (an unset variable in a script?): give the file, folder or value"


class Commands(click.Group):
    """The `scoring-engine` group: click's own, but its usage errors speak the user's language."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        with _usage_errors_in_language(tuple(args)):
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # kept before parsing, which takes the arguments off the list: --help is answered while it parses
        ctx.meta[ARGS_KEY] = tuple(args)
        if "" in args:  # `batch "$DIR"` with DIR unset would read the working folder as the input: never meant
            at = args.index("")
            option = args[at - 1] if at > 0 and args[at - 1].startswith("-") else None
            named = next((a for a in args[:at] if a in self.commands), None)  # its command's usage, not the group's
            said = click.Context(self.commands[named], info_name=named, parent=ctx) if named else ctx
            raise click.UsageError(EMPTY_OPTION.format(option=option) if option else EMPTY_ARGUMENT, said)
        return super().parse_args(ctx, self._language_first(args))

    def _language_first(self, args: list[str]) -> list[str]:
        """The arguments with a --lang written after the command (`score facts.json --lang zh`, as people write it)
        moved before it, where the group reads it: it was refused as 'No such option' (QA148 F2). Given twice, the last
        one written wins, as for any option: `--lang zh score x --lang en` spoke Chinese."""
        named = next((i for i, a in enumerate(args) if a in self.commands), None)
        if named is None:
            return args
        moved, rest, i = [], [args[named]], named + 1
        while i < len(args):
            if args[i] == "--":  # what follows is arguments, whatever it says
                rest += args[i:]
                break
            if args[i] == "--lang":
                if i + 1 == len(args):  # not 'No such option' (QA149 F3)
                    raise click.UsageError("Option '--lang' requires an argument.")
                moved += args[i: i + 2]
                i += 2
                continue
            (moved if args[i].startswith("--lang=") else rest).append(args[i])
            i += 1
        return [*args[:named], *moved, *rest] if moved else args  # after one given before it: the last one written wins

    def invoke(self, ctx: click.Context) -> Any:
        with _usage_errors_in_language(ctx.meta.get(ARGS_KEY, ())):
            return super().invoke(ctx)
