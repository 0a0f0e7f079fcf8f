"""Parameters of the command line: `--output FILE`, the name of a file and the format its extension names; `--lang`.

`score facts.json -o report.xlsx` without `--format` used to write the
terminal table into report.xlsx, which Excel then called corrupt; `template
SET -o t.json` wrote a workbook into t.json. A known extension now says the
format when `--format` is not given, and one that names a format the command
does not write is then a wrong command line (exit 2). A `--format` given is
followed, with a warning when the extension names another format. An
extension the table does not know (`report.out`) keeps the format given or
the default.

A name ending in `/` names a folder, and `-` names standard output: neither is
a file to write, so both are refused rather than written as a file called
`newdir` or `-`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from ._output import extension_of

__all__ = ["EXTENSIONS", "FolderToWrite", "LanguageChoice", "OutputFile", "ReportsFolder", "at_most_once",
           "format_by_extension", "given_once", "one_of", "points_given"]

#: The format each extension names, in the words of the commands' --format.
EXTENSIONS = {".txt": "table", ".json": "json", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".html": "html",
              ".htm": "html", ".xlsx": "xlsx", ".yaml": "yaml", ".yml": "yaml"}


class OutputFile(click.Path):
    """A file to write: not a folder (nor a name ending in /), not `-`."""

    name = "file"

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = os.fspath(value) if isinstance(value, os.PathLike) else value
        if text == "-":
            self.fail("'-' is standard output: leave --output out to print on the screen", param, ctx)
        if isinstance(text, str) and text.endswith(("/", os.sep)):
            self.fail(f"a name ending in / names a folder ({text}): give the name of a file", param, ctx)
        return super().convert(value, param, ctx)


class FolderToWrite(click.Path):
    """A folder to write into (`sets --copy`), made if missing: a file there is refused, and so is a device, a pipe or a
    socket (`/dev/null`, which mkdir then said only "file exists": QA320 F8)."""

    name = "directory"

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = super().convert(value, param, ctx)
        if os.path.exists(path) and not os.path.isdir(path):  # a regular file click refuses itself
            self.fail(f"not a folder: {os.fspath(path)!r} is a device, a pipe or a socket", param, ctx)
        return path


class ReportsFolder(FolderToWrite):
    """The folder `batch --reports` writes into: `-` alone is standard output, refused unless a folder named `-` is
    there (QA189 F3). Checked on the words given, since a Path reads `./-` as `-` too (QA190 F3)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "-" and not os.path.exists("-"):
            self.fail("'-' is standard output: --reports takes the folder to write each project's report into", param, ctx)
        return super().convert(value, param, ctx)


def at_most_once(ctx: click.Context, param: click.Parameter, values: tuple[Any, ...]) -> Any:
    """The one value of an option a command takes once (`-o a.json -o b.json` wrote b.json alone, without a word)."""
    if len(values) > 1:
        raise click.BadParameter(f"given {len(values)} times ({', '.join(map(str, values))}): this command writes one file",
                                 ctx=ctx, param=param)
    return values[0] if values else None


def given_once(command: click.Command, ctx: click.Context, args: Sequence[str], *, until_argument: bool = False) -> None:
    """Refuse an option that takes one value given more than once (`--set A --set B`, `-i x -i y`): the last one was
    kept without a word (QA179 F4), as `-o` given twice was. Flags and options taken several times are not counted;
    the value after any option that takes one is skipped, whatever it says (`-o --set`, QA183 F7); what follows `--`
    is arguments, and with `until_argument` (a group's options) so is what follows the first argument (the command)."""
    single: dict[str, click.Option] = {}
    taking: set[str] = set()  # every option that takes a value, counted or not
    flags: set[str] = set()
    for each in command.params:
        if isinstance(each, click.Option):
            names = (*each.opts, *each.secondary_opts)
            if each.is_flag or each.count:
                flags.update(names)
            else:
                taking.update(names)
                single.update(dict.fromkeys(names if not each.multiple else (), each))
    given: dict[str, list[str]] = {}
    i = 0
    while i < len(args) and args[i] != "--":
        arg, name, value = args[i], None, None
        if arg.startswith("--"):
            name, equals, written = arg.partition("=")
            value = written if equals else None
        elif arg.startswith("-") and len(arg) > 1:  # -i x, -ix, -qj4, -o--set: flags, then one option taking the rest
            for at, letter in enumerate(arg[1:], 2):
                if "-" + letter not in flags:
                    name, value = "-" + letter, arg[at:] or None
                    break
        elif until_argument:
            break
        if name in taking:
            if value is None:
                i += 1
                value = args[i] if i < len(args) else ""
            param = single.get(name)
            if param is not None and param.name:
                given.setdefault(param.name, []).append(value)
        i += 1
    for key, values in given.items():
        if len(values) > 1:
            raise click.BadParameter(f"given {len(values)} times ({', '.join(values)}): it takes one value, give it once",
                                     ctx=ctx, param=next(p for p in command.params if p.name == key))


def format_by_extension(formats: Sequence[str], option: str | None = "fmt") -> Callable[[Callable[..., Any]], Any]:
    """A command whose `--output`'s extension says the format when `--format` (the parameter `option`) is not given,
    refused when it names none of `formats` (the formats the command writes); a `--format` given is followed, with a
    warning when the extension names another. A command without `--format` (`option` None) has one format."""

    def wrap(action: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(action)
        def run(*args: Any, **kwargs: Any) -> Any:
            output: Path | None = kwargs.get("output")
            named = EXTENSIONS.get(extension_of(output)) if output is not None else None
            if output is not None and named is None and output.name != output.name.rstrip(" ."):
                meant = extension_of(Path(output.name.rstrip(" .")))  # 'r.xlsx ' pasted: the text table, Excel can't open
                if meant in EXTENSIONS:
                    raise click.UsageError(f"--output {output.name!r}: the name ends in a space or a dot after its "
                                           f"extension {meant}; write it without them")
            mismatch = _check(output, named, formats, kwargs, option) if output is not None and named is not None else None
            done = action(*args, **kwargs)
            if mismatch is not None:  # said once the file is written: a file that could not be is one error line (QA64 F1)
                from ._messages import current_language, warning_line
                from ._output import tell

                tell(warning_line(mismatch, current_language([mismatch])))
            return done

        return run

    return wrap


def _check(output: Path, named: str, formats: Sequence[str], kwargs: dict[str, Any], option: str | None) -> Any:
    """The warning to give once the file is written, when --format names another format than the extension; None
    otherwise. Raises UsageError for an extension of a format the command does not write."""
    extension = extension_of(output)
    given = option is not None and click.get_current_context().get_parameter_source(option) not in (
        ParameterSource.DEFAULT, None)
    if given and option is not None:  # said in so many words: written as asked, with a line saying the name suggests otherwise
        if kwargs[option] == named:
            return None
        from .errors import Problem

        return Problem(f"the extension {extension} names the format {named}; written as --format {kwargs[option]} says",
                       file=str(output))
    if named not in formats:
        known = ", ".join(sorted({e for e, f in EXTENSIONS.items() if f in formats}))
        raise click.UsageError(f"--output {output}: this command does not write {named} (the extension {extension}); "
                               f"give one of {known}" + (" or --format" if option is not None else ""))
    if option is not None:
        kwargs[option] = named
    return None


def one_of(values: Sequence[str]) -> click.Choice[str]:
    """An option's choice of values, in any letter case and read as written in the list (`--format JSON` is json, as
    `--lang ZH` and `.XLSX` are taken; it was refused: QA179 F6)."""
    return click.Choice(values, case_sensitive=False)


class LanguageChoice(click.Choice[str]):
    """`--lang`, or SCORING_ENGINE_LANG: en or zh, also written as a locale (zh_CN.UTF-8, ZH, en_US). A value that is
    neither, from the environment, is named as the variable's: the user never typed --lang."""

    def __init__(self) -> None:
        super().__init__(["en", "zh"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ._lang import spoken
        from ._messages import LANG_VARIABLE

        found = spoken(value) if isinstance(value, str) else None
        if found is not None:
            return found
        if ctx is not None and param is not None and param.name and \
                ctx.get_parameter_source(param.name) is ParameterSource.ENVIRONMENT:
            raise click.UsageError(f"{LANG_VARIABLE}={value!r}: give en or zh (or unset it)")
        return super().convert(value, param, ctx)


def points_given(text: str) -> Decimal:
    """A number of points as given on the command line (`--threshold 5`, `5分`, `５`); NaN for what is not a number,
    digits grouped by `_` too (`1_0`: Python's Decimal reads it as 10, no one means 10 by it) (QA175 F3). The full-width
    full stop of a Chinese input method is a decimal point (`５．５`), and -0 is 0 (QA180 F4)."""
    number = text.strip().replace("．", ".")
    number = number[:-1].rstrip() if number.endswith("分") else number
    try:
        value = Decimal(number) if "_" not in number else Decimal("NaN")
    except InvalidOperation:
        return Decimal("NaN")
    return value.copy_abs() if value.is_zero() else value  # (-0 would be said as 阈值-0分)
