"""The terminal's own streams and lines: the corpus for what the command line prints.

Shared by tests/test_hostile_output.py and benchmarks/hostile_output.py, run
as the cases of tests/hostile/output.py are (one bounded child and scratch
folder each, returning ``violations``). Classes:

- ``streams``: standard output closed (``>&-``), full (``/dev/full``), a pipe
  nobody reads (``| head -0``), an encoding that cannot hold Chinese: exit 1 and
  one line (none for the pipe), for every command that prints;
- ``lines``: names and texts holding line breaks and bidi controls never forge
  an ``error:``, ``warning:``, ``PASS`` or ``FAIL`` line, nor reach the terminal raw.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile.output import (
    EXAMPLE,
    FACTS,
    SET,
    OutputCase,
    checked_case,
    cli,
    leftovers,
    one_error_line,
    process,
    raw_hidden,
    success,
)
from hostile.reports import table_violations

from scoring_engine import load_facts, load_indicator_set, score

#: The classes of the terminal corpus, in the order the benchmark prints them.
CLASSES = ("streams", "lines")


# ---------------------------------------------------------------- streams

_COMMANDS = {
    "score_table": ["score", str(FACTS)],
    "score_json": ["score", str(FACTS), "--format", "json"],
    "explain": ["explain", str(FACTS), "-i", "process.execution"],
    "validate": ["validate", str(SET)],
    "test": ["test", str(EXAMPLE)],
    "sets": ["sets"],
}


def _closed_pipe(args: list[str]) -> Callable[[Path], list[str]]:
    def check(folder: Path) -> list[str]:
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before anything is written, as with `| head -0`
        try:
            done = process(args, folder, stdout=write_end)
        finally:
            os.close(write_end)
        return ([] if done["code"] == 1 else [f"exit {done['code']}, not 1"]) + \
            ([] if done["stderr"] == "" else [f"not quiet: {done['stderr'][:300]!r}"])

    return check


def _full(args: list[str]) -> Callable[[Path], list[str] | str]:
    def check(folder: Path) -> list[str] | str:
        if not os.path.exists("/dev/full"):
            return "no /dev/full here"
        with open("/dev/full", "wb") as full:
            done = process(args, folder, stdout=full)
        return one_error_line(done, "cannot print the output: No space left on device")

    return check


def _closed(args: list[str]) -> Callable[[Path], list[str]]:
    def check(folder: Path) -> list[str]:
        return one_error_line(process(args, folder, shell_redirect=">&-"), "cannot print the output: standard output is closed")

    return check


def _ascii_terminal(folder: Path) -> list[str]:
    done = process(_COMMANDS["score_table"], folder, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    return one_error_line(done, "standard output takes ascii text only")


def _closed_but_not_needed(folder: Path) -> list[str]:
    done = process(["score", str(FACTS), "--output", "report.json"], folder, shell_redirect=">&-")
    return success(done) + ([] if (folder / "report.json").is_file() else ["no report"]) + leftovers(folder, "report.json")


def _closed_stderr(folder: Path) -> list[str]:
    done = process(["score", "nowhere.json", "--set", str(SET)], folder, shell_redirect="2>&-")
    return [] if done["code"] == 1 else [f"exit {done['code']}, not 1"]


def stream_cases() -> list[OutputCase]:
    cases = []
    for name, args in _COMMANDS.items():
        cases += [checked_case("streams", f"closed_pipe_{name}", _closed_pipe(args)),
                  checked_case("streams", f"dev_full_{name}", _full(args)),
                  checked_case("streams", f"closed_stdout_{name}", _closed(args))]
    return [
        *cases,
        checked_case("streams", "ascii_only_stdout", _ascii_terminal),
        checked_case("streams", "closed_stdout_with_output_file", _closed_but_not_needed),
        checked_case("streams", "closed_stderr_with_an_error", _closed_stderr),
    ]


# ---------------------------------------------------------------- lines

#: Text that would forge a line or hide in one; facts and case files refuse control characters, so they get FACT_FORGERIES.
FORGERIES = ["\nerror: 伪造的错误", "\rerror: 伪造", "\r\nPASS 伪造", "\u2028warning: 伪造", "\u202e甲乙", "\u200b", "\x1b[2K"]
FACT_FORGERIES = FORGERIES[:-1]
#: A fact name may hold a line break (shown escaped) but no invisible character: a name holding one is refused.
NAME_FORGERIES, INVISIBLE_IN_NAMES = FACT_FORGERIES[:3], FACT_FORGERIES[3:]


def _facts_with(folder: Path, extra: dict[str, Any], project: dict[str, Any] | None = None) -> Path:
    """The small example's facts with `extra` facts (and `project`), beside a copy of its set, in `folder`."""
    (folder / "set.yaml").write_bytes(SET.read_bytes())
    doc = json.loads(FACTS.read_text(encoding="utf-8"))
    doc["facts"].update(extra)
    if project is not None:
        doc["project"] = project
    path = folder / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    return path


def _terminal_lines(done: dict[str, Any], prefixes: tuple[str, ...], stream: str = "stderr") -> list[str]:
    """Violations of "every line of `stream` starts with one of `prefixes`, and nothing hidden is raw"."""
    lines = done[stream].splitlines()
    found = [f"{stream} line {line[:60]!r}" for line in lines if not line.startswith(prefixes)]
    return found + raw_hidden(done["stdout"] + done["stderr"]) + ([f"crashed: {done['exception']}"] if done.get("exception") else [])


def _undeclared_fact_names(fmt: str) -> Callable[[Path], list[str]]:
    """Undeclared facts named with line breaks: each warning stays one `warning:` line."""

    def check(folder: Path) -> list[str]:
        facts = _facts_with(folder, {f"甲{forged}": 1 for forged in NAME_FORGERIES})
        done = cli("score", facts, "--format", fmt, "--output", folder / f"report.{fmt}")
        found = success(done) + _terminal_lines(done, ("warning: ", f"{folder / f'report.{fmt}'}: "))
        warnings = [line for line in done["stderr"].splitlines() if line.startswith("warning: ")]
        return found + ([] if len(warnings) == len(NAME_FORGERIES) + 1 else [f"{len(warnings)} warning lines"])

    return check


def _invisible_fact_names(folder: Path) -> list[str]:
    """Fact names holding a line separator, a bidi override or a zero-width space are refused, one `error:` line each."""
    facts = _facts_with(folder, {f"甲{forged}": 1 for forged in INVISIBLE_IN_NAMES})
    done = cli("score", facts)
    errors = done["stderr"].splitlines()
    found = [] if done["code"] == 1 else [f"exit {done['code']}, not 1"]
    found += [] if len(errors) == len(INVISIBLE_IN_NAMES) else [f"{len(errors)} error lines for {len(INVISIBLE_IN_NAMES)} names"]
    return found + _terminal_lines(done, ("error: ",))


def _table_on_the_terminal(folder: Path) -> list[str]:
    """The table, the terminal's own view, keeps one line per indicator and warning with forging project and fact names
    (a project detail may hold invisible characters, shown escaped; a fact name only line breaks)."""
    facts = _facts_with(folder, {f"乙{forged}": 1 for forged in NAME_FORGERIES}, {"name": "项目" + "".join(FACT_FORGERIES)})
    done = cli("score", facts)
    lines = done["stdout"].splitlines()
    found = success(done) + table_violations(done["stdout"], score(load_indicator_set(SET), load_facts(facts)))
    return found + [f"a forged line {line[:40]!r}" for line in lines if line.lstrip().startswith(("error:", "PASS", "warning:"))]


def _bad_value_quoting_a_forgery(folder: Path) -> list[str]:
    """A refused value whose text holds line breaks is quoted in one `error:` line per problem."""
    facts = _facts_with(folder, {"budget": {"total": "200\nerror: 伪造", "paid": "1\u202e86.4", "central": 80, "local": 120.5,
                                            "arrived": 200}})
    done = cli("score", facts)
    lines = done["stderr"].splitlines()
    found = [] if done["code"] == 1 and lines else [f"exit {done['code']}"]
    return found + _terminal_lines(done, ("error: ",))


def _output_name_forging(folder: Path) -> list[str]:
    """An --output name holding a line break and a bidi control prints its status on one line."""
    name = "报告\nerror: 伪造\u202e.json"
    done = cli("score", FACTS, "--format", "json", "--output", folder / name)
    found = success(done) + _terminal_lines(done, (str(folder / "报告"), "warning: "))
    return found + ([] if len(done["stderr"].splitlines()) == 2 else [f"stderr: {done['stderr']!r}"])


def _case_names(folder: Path) -> list[str]:
    """Case names holding line breaks cannot forge PASS or FAIL lines: one line per case, then the count."""
    names = [f"例{i}{forged}" for i, forged in enumerate(FACT_FORGERIES)]
    cases = "".join(f"  - name: {json.dumps(name)}\n    expect: {{total: {'79.73' if i % 2 else '1'}}}\n" for i, name in enumerate(names))
    _facts_with(folder, {})
    (folder / "x.cases.yaml").write_text(f"indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n{cases}", encoding="utf-8")
    done = cli("test", folder / "x.cases.yaml")
    lines = done["stdout"].splitlines()
    passed = sum(1 for i in range(len(names)) if i % 2)
    found = [] if done["code"] == 1 else [f"exit {done['code']}"]
    found += [] if len(lines) == len(names) + 1 else [f"{len(lines)} lines for {len(names)} cases"]
    found += [] if sum(line.startswith("PASS ") for line in lines) == passed else ["PASS lines do not match the cases that passed"]
    found += [] if lines[-1:] == [f"{passed} passed, {len(names) - passed} failed"] else [f"the count line is {lines[-1:]}"]
    return found + _terminal_lines(done, ("PASS ", "FAIL ", f"{passed} passed"), "stdout")


def _set_names(folder: Path) -> list[str]:
    """A set whose id and name hold line breaks and bidi controls: `validate` prints one line for it (or refuses it, one line per problem)."""
    text = SET.read_text(encoding="utf-8")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("name:"):
            lines[i] = "name: " + json.dumps("示例" + "".join(FORGERIES))
    (folder / "set.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli("validate", folder / "set.yaml")
    out = done["stdout"].splitlines()
    found = [] if (done["code"], len(out)) in ((0, 1), (1, 0)) else [f"exit {done['code']} with {len(out)} lines"]
    return found + _terminal_lines(done, (f"{folder / 'set.yaml'}: ok",), "stdout") + _terminal_lines(done, ("error: ",))


def _explain_hidden(folder: Path) -> list[str]:
    """`explain` shows findings holding bidi controls and escape sequences with those characters escaped."""
    facts = _facts_with(folder, {"findings": {"compliance": [f"问题{forged}" for forged in FACT_FORGERIES]}})
    done = cli("explain", facts, "-i", "process.compliance")
    return success(done) + raw_hidden(done["stdout"])


def line_cases() -> list[OutputCase]:
    return [
        checked_case("lines", "undeclared_fact_names_json", _undeclared_fact_names("json")),
        checked_case("lines", "undeclared_fact_names_markdown", _undeclared_fact_names("markdown")),
        checked_case("lines", "invisible_fact_names_refused", _invisible_fact_names),
        checked_case("lines", "table_on_the_terminal", _table_on_the_terminal),
        checked_case("lines", "refused_value_quoting_a_forgery", _bad_value_quoting_a_forgery),
        checked_case("lines", "output_name_forging", _output_name_forging),
        checked_case("lines", "case_names_forging_pass", _case_names),
        checked_case("lines", "set_name_forging", _set_names),
        checked_case("lines", "explain_hidden_characters", _explain_hidden),
    ]


def terminal_cases() -> list[OutputCase]:
    """Every case of every class."""
    return stream_cases() + line_cases()
