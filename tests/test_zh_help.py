"""`--help` in Chinese: the help pages speak the run's language, every help text has its Chinese, and the pages fit a terminal."""

from __future__ import annotations

import unicodedata

import click
import pytest
from click.testing import CliRunner

from scoring_engine._help import help_paragraphs, wrap
from scoring_engine._zh_help import CLICK, HELP
from scoring_engine.cli import main
from test_zh import english_sentences, zh

COMMANDS = sorted(main.commands)
_NO_LANG = {"SCORING_ENGINE_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def _run(args: list[str], env: dict[str, str | None] | None = None) -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, args, env=env, prog_name="scoring-engine")
    assert done.exception is None or isinstance(done.exception, SystemExit), repr(done.exception)
    return done.exit_code, done.stdout.splitlines() + done.stderr.splitlines()


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def _english_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if english_sentences(line)]


def _missing(group: click.Group) -> list[str]:
    """Every help text of `group`, its commands and their options and arguments that has no Chinese in _zh_help."""
    chinese = dict(HELP + CLICK)
    found = []
    for command in [group, *group.commands.values()]:
        found += [text for text in help_paragraphs(command.help) if text not in chinese]
        found += [param.help for param in command.params if getattr(param, "help", None) and param.help not in chinese]
    return found


# ---------------------------------------------------------------- the pages in Chinese


def test_the_group_help_is_chinese() -> None:
    """`--lang zh --help` shows the usage, options and commands with Chinese headings and texts, no English sentence."""
    code, lines = zh("--help")
    assert 0 == code
    assert lines[0].startswith("用法：scoring-engine [选项] 命令")
    assert {"选项：", "命令："} <= set(lines)
    assert "  -h, --help      显示本帮助并退出。" in lines
    assert any(line.startswith("  batch     为 INPUT... 中的每个项目评分并汇总。") for line in lines)
    assert [] == _english_lines(lines)


def test_batch_help_is_chinese() -> None:
    """`--lang zh batch --help`: the command's paragraphs, every option's help and click's notes ([默认：…]) are Chinese."""
    code, lines = zh("batch", "--help")
    page = "\n".join(lines)
    assert 0 == code
    assert "用法：scoring-engine batch [选项] INPUT..." == lines[0]
    assert "不能评分的项目连同其错误一并列出" in page
    assert "[默认：html]" in page and "[默认：5]" in page and "[不小于1]" in page  # click's range x>=1, in words
    assert "--jobs N " in page and "--reports DIR " in page  # not click's INTEGER RANGE and DIRECTORY
    assert "--report-format [csv|html|json|markdown|table|xlsx]" in page  # option names and choices stay as typed
    assert [] == _english_lines(lines)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_chinese(command: str) -> None:
    """Each command's `--help` in Chinese holds no English sentence (names, metavars and formats may stay)."""
    code, lines = zh(command, "--help")
    assert 0 == code
    assert lines[0].startswith(f"用法：scoring-engine {command} ")
    assert "选项：" in lines
    assert [] == _english_lines(lines)


@pytest.mark.parametrize("env", [{"SCORING_ENGINE_LANG": "zh"}, {"LANG": "zh_CN.UTF-8"}, {"LC_MESSAGES": "zh_CN.GB18030"}],
                         ids=["variable", "LANG", "LC_MESSAGES"])
def test_the_help_follows_the_language_of_the_environment(env: dict[str, str]) -> None:
    """SCORING_ENGINE_LANG=zh or a Chinese locale gives the Chinese help, as it gives every other message in Chinese."""
    code, lines = _run(["score", "--help"], {**_NO_LANG, **env})
    assert 0 == code
    assert "用法：scoring-engine score [选项] FACTS" == lines[0]


def test_lang_after_help_still_counts() -> None:
    """`--help --lang zh`: the help is answered before --lang is read, and is Chinese all the same."""
    assert "用法：scoring-engine [选项] 命令 [参数]..." == _run(["--help", "--lang", "zh"])[1][0]
    assert "用法：scoring-engine sets [选项] [ID]" == _run(["--lang=zh", "sets", "-h"])[1][0]


def test_no_arguments_show_the_chinese_help_not_an_error() -> None:
    """`scoring-engine` alone in Chinese shows the help page, not the page squeezed into one 错误 line."""
    lines = _run([], {**_NO_LANG, "SCORING_ENGINE_LANG": "zh"})[1]
    assert "用法：scoring-engine [选项] 命令 [参数]..." == lines[0]
    assert "命令：" in lines
    assert not any(line.startswith("错误") for line in lines)


# ---------------------------------------------------------------- the pages in English


def test_the_english_help_is_clicks_own() -> None:
    """In English (--lang en, an English or C locale) the pages are exactly what click writes."""
    for args, env in ((["--help"], None), (["batch", "--help"], None), (["score", "--help"], {**_NO_LANG, "LC_ALL": "C",
                                                                                           "LANG": "zh_CN.UTF-8"})):
        lines = _run(args, env)[1]
        ctx = click.Context(main, info_name="scoring-engine", terminal_width=80)  # CliRunner's width
        command = main if args == ["--help"] else main.commands[args[0]]
        if command is not main:
            ctx = click.Context(command, parent=ctx, info_name=args[0])
        with ctx:
            expected = click.Command.get_help(command, ctx) if command is not main else click.Group.get_help(main, ctx)
        assert expected.splitlines() == lines
        assert lines[0].startswith("Usage: scoring-engine")


def test_the_english_help_keeps_clicks_words() -> None:
    """The English page keeps click's headings and notes: tools and tests read them."""
    lines = _run(["batch", "--help"])[1]
    page = "\n".join(lines)
    assert "Usage: scoring-engine batch [OPTIONS] INPUT..." == lines[0]
    assert "Options:" in lines
    assert "Show this message and exit." in page and "[default: html]" in page
    assert "用法" not in page and "选项" not in page


# ---------------------------------------------------------------- the catalog


def test_every_help_text_has_its_chinese() -> None:
    """Every command's help paragraph and every option's help has an entry in _zh_help.HELP (add one with a new option)."""
    assert [] == _missing(main)


def test_a_help_text_without_chinese_is_found() -> None:
    """The check above can fail: a new command whose help or option has no Chinese is named."""
    group = click.Group("g", help="Score public-spending projects against YAML indicator sets (项目支出绩效评价).")
    group.add_command(click.Command("new", help="Do something new.\n\nIn two paragraphs.",
                                    params=[click.Option(["--flag"], help="A new flag."), click.Option(["--bare"])]))
    assert ["Do something new.", "In two paragraphs.", "A new flag."] == _missing(group)


def test_every_chinese_entry_is_used() -> None:
    """No entry of _zh_help.HELP is left over from a help text that changed: each is some command's or option's help."""
    used = {text for command in [main, *main.commands.values()] for text in help_paragraphs(command.help)}
    used |= {param.help for command in [main, *main.commands.values()] for param in command.params
             if getattr(param, "help", None)}
    assert [] == [english for english, _ in HELP if english not in used]


# ---------------------------------------------------------------- the width


@pytest.mark.parametrize("args", [["--help"], *([command, "--help"] for command in COMMANDS)], ids=lambda a: a[0])
def test_the_chinese_help_fits_80_columns(args: list[str]) -> None:
    """A Chinese character takes two columns: the Chinese page is wrapped so that no line is wider than 80 columns."""
    lines = zh(*args)[1]
    assert [] == [line for line in lines if _columns(line) > 80]


def test_wrapping_breaks_between_characters_but_not_before_a_closing_mark() -> None:
    """Lines break between Chinese characters, never before ，。） nor after （, and keep a note like [默认：html] whole."""
    assert ["甲乙丙", "（丁", "戊）。", "己"] == wrap("甲乙丙（丁戊）。己", 6)
    assert ["选项：", "[默认：html]"] == wrap("选项： [默认：html]", 8)
    assert ["  ab cd", "  ef"] == wrap("ab cd ef", 7, "  ", "  ")


def test_a_usage_error_in_chinese_writes_the_usage_line_as_help_does() -> None:
    """QA44 F11: a wrong option printed `用法：scoring-engine validate [OPTIONS] SET...` while --help prints [选项]."""
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", "x.yaml", "--format", "json"])
    assert 2 == run.exit_code and " validate [选项] SET..." in run.output.splitlines()[0], run.output
