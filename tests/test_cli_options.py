"""The command line's options as a user writes them: given twice, in capitals, `-` where standard input is not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET
from scoring_engine.cli import main

F, S = str(EXAMPLE_FACTS), str(EXAMPLE_SET)


@pytest.mark.parametrize(("args", "option", "values"), [
    (["explain", F, "-i", "decision", "-i", "process.execution"], "'--indicator' / '-i'", "decision, process.execution"),
    (["explain", F, "-idecision", "--indicator=process.execution"], "'--indicator' / '-i'", "decision, process.execution"),
    (["score", F, "--set", S, "--set", "self-evaluation"], "'--set'", f"{S}, self-evaluation"),
    (["score", F, "--format", "json", "--format", "csv"], "'--format'", "json, csv"),
    (["score", F, "--layout", "x", "--layout", "y"], "'--layout'", "x, y"),
    (["score", F, "--encoding", "gbk", "--encoding", "utf-8"], "'--encoding'", "gbk, utf-8"),
    (["batch", "in", "--compare-set", "A", "--compare-set", "B"], "'--compare-set'", "A, B"),
    (["batch", "in", "--compare-set", "A", "--threshold", "5", "--threshold=1"], "'--threshold'", "5, 1"),
    (["batch", "in", "-qj2", "-j", "3"], "'--jobs' / '-j'", "2, 3"),
    (["batch", "in", "--reports", "r", "--report-format", "csv", "--report-format", "html"], "'--report-format'",
     "csv, html"),
    (["template", S, "--format", "json", "--format", "yaml"], "'--format'", "json, yaml"),
    (["lint", S, "--format", "json", "--format", "text"], "'--format'", "json, text"),
    (["diff", S, S, "--format", "table", "--format", "markdown"], "'--format'", "table, markdown"),
    (["import", "f.xlsx", "--set", "A", "--set", "B"], "'--set'", "A, B"),
    (["sets", "self-evaluation", "--copy", "a", "--copy", "b"], "'--copy'", "a, b"),
])
def test_an_option_that_takes_one_value_given_twice_is_refused(args: list[str], option: str, values: str,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA179 F4: `score --set A --set B`, `explain -i x -i y`, `--threshold 5 --threshold 1`… kept the last value
    without a word; `-o` given twice was already refused. Every option of every command that takes one value is now
    refused the same way (exit 2, naming both values), before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    assert 2 == run.exit_code, run.output
    assert f"Invalid value for {option}: given 2 times ({values}): it takes one value, give it once" in run.stderr
    assert [] == list(tmp_path.iterdir())
    run = CliRunner().invoke(main, ["--lang", "zh", *args])
    assert f"给了 2 次（{values.replace(', ', '、')}）：只能给一个值，请只写一次" in run.stderr, run.output


def test_a_flag_given_twice_or_an_option_after_double_dash_is_not_refused() -> None:
    """A flag (`-q -q`) says the same thing twice, and what follows `--` is an argument, not an option."""
    run = CliRunner().invoke(main, ["--lang", "en", "lint", S, "--strict", "--strict"])
    assert "given 2 times" not in run.output
    run = CliRunner().invoke(main, ["--lang", "en", "explain", F, "-i", "decision", "--", "-i"])
    assert 2 == run.exit_code and "given 2 times" not in run.output
    run = CliRunner().invoke(main, ["--lang", "en", "explain", F, "-i", "decision", "--set", S])
    assert 0 == run.exit_code, run.output


@pytest.mark.parametrize("args", [
    ["score", F, "--set", S, "-o", "--set"],
    ["score", F, "--set", S, "-o--set"],
    ["score", F, "--set", S, "--output=--set"],
    ["score", F, "--set", S, "--output", "--set"],
    ["score", F, "-o", "--format", "--format", "json"],
    ["explain", F, "-i", "decision", "--set", "--indicator"],
], ids=lambda args: " ".join(Path(a).name for a in args))
def test_the_value_of_an_option_is_never_counted_as_an_option_given_twice(args: list[str], tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """QA183 F7: `score facts.json --set set.yaml -o --set` was refused as '--set' given twice (set.yaml, and nothing):
    the file name after -o (an option taken once but not counted) was read as an option. The value after any option
    that takes one is that option's value, as click reads it."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", *args])
    assert "given 2 times" not in run.stderr, run.output


@pytest.mark.parametrize(("args", "said"), [
    (["diff", S, S, "--facts", "-"], "--facts does not read standard input: give each facts file by its path"),
    (["import", "-"], "import does not read standard input: give the filled form (.xlsx) by its path"),
    (["test", "-"], "test does not read standard input: give the case files (*.cases.yaml) or their folders by path"),
    (["validate", S, "-"], "validate does not read standard input: give the indicator set by its id or its file"),
    (["lint", "-"], "lint does not read standard input: give the indicator set by its id or its file"),
    (["template", "-"], "template does not read standard input: give the indicator set by its id or its file"),
    (["resolve", "-"], "resolve does not read standard input: give the indicator set by its id or its file"),
    (["diff", "-", S], "diff does not read standard input: give the indicator set by its id or its file"),
    (["score", F, "--set", "-"], "--set does not read standard input: give the indicator set by its id or its file"),
    (["explain", F, "-i", "decision", "--set", "-"], "--set does not read standard input: give the indicator set by its id"),
    (["batch", "in", "--compare-set", "-"], "--compare-set does not read standard input: give the indicator set by its"),
    (["sets", "-"], "sets does not read standard input: give the id of a bundled set"),
])
def test_a_dash_where_standard_input_is_not_read_is_said_so(args: list[str], said: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """QA179 F5: `validate -`, `diff A B --facts -`, `score F --set -`… called `-` a missing file or set ('-: no such
    file', "no indicator set '-'"); as `batch -` already did, they say the command (or option) reads no standard input,
    exit 2, in Chinese too."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", *args], input="{}")
    assert 2 == run.exit_code and said in run.stderr, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", *args], input="{}")
    assert 2 == run.exit_code and "不读取标准输入：请给出" in run.stderr, run.output


def test_a_file_named_dash_is_still_read_where_standard_input_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A set saved as a file called `-` is a file, as batch reads one: `validate -` checks it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(EXAMPLE_SET.read_text(encoding="utf-8"), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "validate", "-"])
    assert 0 == run.exit_code and run.stdout.startswith("-: ok"), run.output


@pytest.mark.parametrize(("args", "option", "value"), [
    (["score", F, "--format", "JSON"], "fmt", "json"),
    (["score", F, "--format", "Markdown", "--layout", "SelfEval"], "layout", "selfeval"),
    (["score", F, "--encoding", "GBK"], "encoding", "gbk"),
    (["template", S, "--format", "YAML"], "fmt", "yaml"),
    (["batch", "in", "--reports", "r", "--report-format", "CSV"], "report_format", "csv"),
    (["lint", S, "--format", "Json"], "fmt", "json"),
    (["diff", S, S, "--format", "MARKDOWN"], "fmt", "markdown"),
])
def test_a_choice_is_taken_in_any_letter_case_and_read_in_lower_case(args: list[str], option: str, value: str) -> None:
    """QA179 F6: `--format JSON` was refused while `--lang ZH` and an `.XLSX` extension were taken; every choice is
    now taken in any letter case, and the command reads it as listed (lower case)."""
    command = main.commands[args[0]]
    with main.make_context("scoring-engine", list(args)) as ctx:
        sub = command.make_context(args[0], list(args[1:]), parent=ctx)
    assert value == sub.params[option]


def test_a_choice_in_capitals_scores_as_in_lower_case() -> None:
    """`score F --format JSON` writes the same JSON result as `--format json`."""
    upper = CliRunner().invoke(main, ["score", F, "--format", "JSON"])
    assert 0 == upper.exit_code and upper.stdout == CliRunner().invoke(main, ["score", F, "--format", "json"]).stdout
