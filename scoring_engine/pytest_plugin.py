"""pytest collects ``*.cases.yaml`` files: each case of an indicator set is a test.

Registered as a pytest plugin by the package, so any repository of indicator
sets that installs scoring-engine gets its cases run by plain `pytest`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from .cases import CASE_SUFFIX, Case, read_cases, run_case
from .errors import Problem, ScoringEngineError
from .model import IndicatorSet
from ._patterns import compile_later

_SETS: dict[Path, IndicatorSet] = {}


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(CASE_SUFFIX):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Any:
        lang = _language(self.path)
        try:
            cases, refused, _ = read_cases(self.path)
        except ScoringEngineError as err:  # the file itself cannot be used (its set, its YAML)
            raise CaseFailure(_said(err.problems, lang)) from None
        # a case with a slip is a failing test; the file's others run (QA45 F7); each such case its own, its reader's
        # slips with its own mistakes (QA181 F4: three cases' slips were one item)
        held: dict[Any, list[Problem]] = {}
        for number, slip in enumerate(refused):
            case = getattr(slip, "case_number", None)
            held.setdefault(("case", case) if case is not None else number, []).extend(slip.problems)
        taken = {case.name for case in cases}  # two refused on one line (a flow-style list) are two items (QA184 F11)
        for problems in sorted(held.values(), key=lambda problems: problems[0].line or 0):  # in the file's order
            line = problems[0].line
            name = _unique(f"line {line or '?'}", taken)
            yield RefusedCase.from_parent(self, name=name, problems=_said(problems, lang), line=line)
        for case in cases:
            yield CaseItem.from_parent(self, name=case.name, case=case, lang=lang)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        # a file that cannot be used: its problem lines, not the plugin's traceback (QA317 12), as a case's failure is
        if isinstance(excinfo.value, CaseFailure):
            return _ProblemLines(list(excinfo.value.differences), str(self.path))  # as before: its place stripped
        return super().repr_failure(excinfo)


class _ProblemLines:
    """Problem lines as pytest shows a failure: all of them in its section, and in the short summary (-ra, --tb=line,
    JUnit's message) the first problem, after the file's name and line the summary names already (QA321 F4: 'ERROR
    x.cases.yaml' said no more; QA322 F6: the reason fell past 80 columns behind the whole path; QA330 F5: a case's
    failure was cut at its heading, behind an absolute path, before any difference)."""

    def __init__(self, lines: list[str], file: str, first: str | None = None, line: int | None = None,
                 shown: bool = True):
        self.lines, self.shown = lines, shown  # not shown under --tb=line, which prints the summary line alone
        first = (lines[0] if lines else "") if first is None else first
        message = _AFTER_PLACE.sub("", first[len(file):]) if first.startswith(file) else first
        self.reprcrash = _Crash(file, line or 1, message)

    def toterminal(self, tw: Any) -> None:
        for line in self.lines if self.shown else ():
            tw.line(line)

    def __str__(self) -> str:  # what a report sent between processes (pytest-xdist) or to JUnit XML holds
        return "\n".join(self.lines)


class _Crash(SimpleNamespace):
    """What the short summary reads of a failure (pytest's reprcrash): its message; --tb=line prints it whole."""

    def __init__(self, path: str, lineno: int, message: str):
        super().__init__(path=path, lineno=lineno, message=message)

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}: {self.message}"


_AFTER_PLACE = compile_later(r"^:\d+(?::\d+)?:\s*")


def _shown(node: pytest.Item) -> str:
    """The case file as pytest's own summary names it, from the folder pytest was run in (`../cur/x.cases.yaml`), else
    the whole path. It was named from pytest's root folder (QA334 F9: work/cur/x.cases.yaml in the heading, the summary
    on the same screen saying ../work/cur/x.cases.yaml)."""
    try:
        from _pytest.pathlib import bestrelpath

        return bestrelpath(node.config.invocation_params.dir, node.path)
    except (ImportError, ValueError, AttributeError):  # a pytest without it, or paths it cannot relate
        return str(node.path)


def _in_full(node: pytest.Item) -> bool:
    """Whether a failure is shown in full: not under --tb=line, where pytest prints its summary line alone."""
    return bool(node.config.getoption("tbstyle", "auto") != "line")


def _summed(lines: list[str] | tuple[str, ...], node: pytest.Item) -> tuple[list[str], str | None]:
    """`lines` with the case file's whole path as pytest names the file (`_shown`), and the first to sum them up: a
    heading ending in a colon (scoring failed:) with the line it heads."""
    whole, shown = str(node.path), _shown(node)
    lines = [shown + line[len(whole):] if line.startswith(whole) else line for line in lines]
    if not lines:
        return lines, None
    first = lines[0]
    if first.endswith((":", "：")) and len(lines) > 1:
        after = lines[1][len(shown):] if lines[1].startswith(shown) else lines[1]
        first += ("" if first.endswith("：") else " ") + _AFTER_PLACE.sub("", after)
    return lines, first


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… when an item has it already; taken from now on."""
    shown, number = name, 1
    while shown in taken:
        number += 1
        shown = f"{name} ({number})"
    taken.add(shown)
    return shown


def _language(path: Path) -> str:
    """The language `scoring-engine test` would speak of the case file at `path`: SCORING_ENGINE_LANG, else Chinese for a
    Chinese locale or a case file in Chinese, else English (QA181 F3: pytest always spoke English)."""
    from ._lang import language, spoken
    from ._messages import LANG_VARIABLE

    chosen = os.environ.get(LANG_VARIABLE)
    return language(spoken(chosen) if chosen else None, [path])


def _said(problems: Iterable[Problem], lang: str) -> list[str]:
    return [p.text("zh") if lang == "zh" else str(p) for p in problems]


class RefusedCase(pytest.Item):
    """A case of the file that could not be read: it fails with its problems, under its line."""

    def __init__(self, *, problems: list[str], line: int | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.problems = problems
        self.line = line

    def runtest(self) -> None:
        raise CaseFailure(self.problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        lines, first = _summed(self.problems, self)
        return _ProblemLines(lines, _shown(self), first, self.line, _in_full(self))

    def reportinfo(self) -> tuple[Path, int | None, str]:  # the failure's heading: its line, not "test session"
        return self.path, (self.line or 1) - 1, self.name


class CaseFailure(Exception):
    def __init__(self, differences: list[str] | tuple[str, ...]):
        super().__init__("\n".join(differences))
        self.differences = differences


class CaseItem(pytest.Item):
    def __init__(self, *, case: Case, lang: str = "en", **kwargs: Any):
        super().__init__(**kwargs)
        self.case = case
        self.lang = lang

    def runtest(self) -> None:
        try:
            outcome = run_case(self.case, _SETS)
        except ScoringEngineError as err:
            raise CaseFailure(_said(err.problems, self.lang)) from None
        if not outcome.passed:
            raise CaseFailure(outcome.described(self.lang))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailure):
            place = f"{_shown(self)}:{self.case.line}"
            head = f"用例 {self.case.name!r}（{place}）：" if self.lang == "zh" else f"case {self.case.name!r} ({place}):"
            differences, first = _summed(excinfo.value.differences, self)  # the summary: the first difference
            return _ProblemLines([head, *("  " + line for line in differences)], _shown(self), first, self.case.line,
                                 _in_full(self))
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.case.line or 1) - 1, f"case: {self.case.name}"
