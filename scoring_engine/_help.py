"""`--help` in the user's language: click's help page as it is in English, or in Chinese through `_zh_help`.

The language is the one every other message uses (`_messages.command_line_language`):
``--lang``, SCORING_ENGINE_LANG, a Chinese locale or Chinese input. In Chinese
the page keeps click's layout (usage, the command's text, options, commands)
with every text looked up in `_zh_help`: a command's help paragraph by
paragraph, an option's whole, click's notes after it ([default: …]) one by one.
Option names, metavars and command names stay as typed. Chinese characters
take two columns in a terminal, so the page is wrapped by display width, breaking
between characters but not before a closing mark (，。）) or after an opening one.
"""

from __future__ import annotations

import inspect
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from ._messages import ARGS_KEY, Commands, command_line_language
from ._stream_text import readable
from ._zh_help import CLICK, HELP, USAGE_WORDS

__all__ = ["ChineseFormatter", "HelpCommand", "HelpGroup", "chinese_help", "help_paragraphs", "version_option", "wrap"]

_CHINESE = dict(HELP + CLICK)
_CLOSING = frozenset("，。、；：）》」』”！？")
_OPENING = frozenset("（《「『“")


def help_paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a command's help (before a form feed), each on one line: the keys of its Chinese."""
    body = inspect.cleandoc(text or "").partition("\f")[0]
    return [" ".join(paragraph.split()) for paragraph in body.split("\n\n") if paragraph.strip()]


def chinese_help(text: str) -> str:
    """The Chinese of one help text (an option's, or a paragraph of a command's); the English if it has none."""
    return _CHINESE.get(" ".join(text.split()), text)


def _chinese_note(note: str) -> str:
    """One of click's notes after an option's help (``default: html``, ``required``, a range) in Chinese."""
    for english, chinese in CLICK:
        head, placeholder, _ = english.partition("{value}")
        if placeholder and note.startswith(head):
            return chinese.format(value=note[len(head):])
        if note == english:
            return chinese
    from ._zh import translate

    return translate(note)  # a range: x>=1 is 不小于 1


def _option_help(param: click.Parameter, written: str) -> str:
    """The help column click wrote for `param` (its help, then its notes in brackets), in Chinese."""
    own = getattr(param, "help", None) or ""
    if not written.startswith(own):
        return chinese_help(written)
    text, notes = chinese_help(own) if own else "", written[len(own):].strip()
    if notes.startswith("[") and notes.endswith("]"):
        notes = "[" + "；".join(_chinese_note(note.strip()) for note in notes[1:-1].split(";")) + "]"
    return f"{text}{'' if text.endswith(('。', '）')) else ' '}{notes}" if text and notes else text or notes  # no space after 。


# ---------------------------------------------------------------- wrapping by display width


def _columns(text: str) -> int:
    """How many terminal columns `text` takes: two for a wide (Chinese, full-width) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pieces(text: str) -> list[str]:
    """`text` cut where a line may break: spaces (as " "), each wide character, each run of other characters, a
    note in brackets ([默认：html]) whole; a closing mark kept with what it closes, an opening mark with what it opens."""
    pieces: list[str] = []
    glue = False  # the next piece joins the last (after an opening mark)
    for run in re.findall(r"\s+|\[[^\[\]\s]*\]|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef]+|\S", text):
        if run.isspace():
            pieces.append(" ")
            glue = False
        elif pieces and pieces[-1] != " " and (glue or run in _CLOSING):
            pieces[-1] += run
            glue = run in _OPENING
        else:
            pieces.append(run)
            glue = run in _OPENING
    return pieces


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` on lines of at most `width` columns (a piece longer than a line gets its own), `first` and `rest`
    indenting the first line and the others."""
    lines: list[str] = []
    line, spaced = first, False
    bare = True  # nothing on the line yet but its indent
    for piece in _pieces(text):
        if piece == " ":
            spaced = True
            continue
        joined = (" " if spaced and not bare else "") + piece
        if not bare and _columns(line + joined) > width:
            lines.append(line)
            line, joined = rest, piece
        line, spaced, bare = line + joined, False, False
    return [*lines, line] if not bare else lines


class ChineseFormatter(click.HelpFormatter):
    """click's help formatter, measuring in terminal columns and with Chinese headings (选项：)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix or chinese_help('Usage:')}{prog}"
        lines = wrap(args, self.width, head + " ", " " * (_columns(head) + 1)) if args else [head]
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [wrap(paragraph, self.width, indent, indent) for paragraph in text.split("\n\n")]
        self.write("\n\n".join("\n".join(lines) for lines in paragraphs) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        indent = " " * self.current_indent
        first_column = min(max((_columns(term) for term, _ in rows), default=0), col_max) + col_spacing
        hanging = indent + " " * first_column
        for term, text in rows:
            lines = wrap(text, self.width, hanging, hanging) or [hanging]
            if _columns(term) <= first_column - col_spacing:
                lines[0] = indent + term.ljust(first_column) + lines[0][len(hanging):]
            else:
                lines.insert(0, indent + term)
            self.write("\n".join(line.rstrip() for line in lines) + "\n")


# ---------------------------------------------------------------- the page


def _write_chinese_help(command: click.Command, ctx: click.Context, formatter: ChineseFormatter) -> None:
    """What click's format_help writes, with every text in Chinese."""
    formatter.write_usage(ctx.command_path, " ".join(USAGE_WORDS.get(p, p) for p in command.collect_usage_pieces(ctx)))
    paragraphs = help_paragraphs(command.help)
    if paragraphs:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text("\n\n".join(chinese_help(paragraph) for paragraph in paragraphs))
    params = command.get_params(ctx)
    arguments = [param for param in params if isinstance(param, click.Argument)]
    if any(getattr(param, "help", None) for param in arguments):  # click lists arguments only when one has help
        _write_parameters(formatter, "Positional arguments", arguments, ctx)
    _write_parameters(formatter, "Options", [param for param in params if isinstance(param, click.Option)], ctx)
    if isinstance(command, click.Group):
        listed = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
        rows = [(name, _first_sentence(sub)) for name, sub in listed if sub is not None and not sub.hidden]
        if rows:
            with formatter.section(chinese_help("Commands")):
                formatter.write_dl(rows)


def _write_parameters(formatter: ChineseFormatter, heading: str, params: list[Any], ctx: click.Context) -> None:
    """A section of options (or arguments): each with its names and metavar as typed, its help in Chinese."""
    rows = [(record[0], _option_help(param, record[1])) for param in params
            if (record := param.get_help_record(ctx)) is not None]
    if rows:
        with formatter.section(chinese_help(heading)):
            formatter.write_dl(rows)


def _first_sentence(command: click.Command) -> str:
    """What the list of commands says of a command: the first sentence of its help's first paragraph, in Chinese."""
    paragraphs = help_paragraphs(command.help)
    if not paragraphs:
        return ""
    chinese = chinese_help(paragraphs[0])
    return chinese.partition("。")[0] + "。" if "。" in chinese else command.get_short_help_str()


class _InLanguage(click.Command):
    """A command whose help page is in the language of the command line."""

    def get_help(self, ctx: click.Context) -> str:
        """The page, as the console shows it: a character it cannot hold (the English page's 项目支出绩效评价 on a
        latin-1 or cp1252 console) as ``?``, not a traceback (QA224 3). Printed on standard output (--help), or on
        standard error (click's page for a command line with no command)."""
        args: Sequence[str] = ctx.meta.get(ARGS_KEY, ())
        if command_line_language(args, ctx) != "zh":
            return readable(super().get_help(ctx), (sys.stdout, sys.stderr))
        formatter = ChineseFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
        _write_chinese_help(self, ctx, formatter)
        return readable(formatter.getvalue().rstrip("\n"), (sys.stdout, sys.stderr))


class HelpCommand(_InLanguage):
    """A `scoring-engine` command: click's, its help page in the user's language; an option that takes one value is
    refused when given twice (`_cli_params.given_once`), and `-` where it reads no standard input (`_cli_stdin`); a path
    the locale's encoding cannot hold is said as one line (`_cli_guard.refuse_unnamed_path`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from ._cli_params import given_once
        from ._cli_stdin import refuse_stdin

        given_once(self, ctx, args)
        try:
            rest = super().parse_args(ctx, args)
        except UnicodeEncodeError as err:  # a path the locale cannot hold, looked up by click's Path type (QA224 2)
            from ._cli_guard import refuse_unnamed_path

            refuse_unnamed_path(err)
            raise
        refuse_stdin(ctx)
        return rest


class HelpGroup(_InLanguage, Commands):
    """The `scoring-engine` group: its usage errors and its help pages (and its commands') in the user's language."""

    command_class = HelpCommand


_F = TypeVar("_F", bound=Callable[..., Any])

#: click's own line for --version: `scoring-engine, version 0.1.0`; in Chinese `scoring-engine 版本 0.1.0` (_zh_help).
VERSION_LINE = "%(prog)s, version %(version)s"


def version_option(version: str, prog_name: str) -> Callable[[_F], _F]:
    """click's `--version`, its line in the language of the command line, as the help line that offers it (QA214 6)."""
    def show(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        chinese = command_line_language(ctx.meta.get(ARGS_KEY, ()), ctx) == "zh"
        line = chinese_help(VERSION_LINE) if chinese else VERSION_LINE
        click.echo(line % {"prog": prog_name, "version": version}, color=ctx.color)
        ctx.exit()

    return click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show,
                        help="Show the version and exit.")
