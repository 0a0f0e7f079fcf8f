"""pytest collects ``*.cases.yaml`` files: each case of an indicator set is a test.

Registered as a pytest plugin by the package, so any repository of indicator
sets that installs scoring-engine gets its cases run by plain `pytest`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

from .cases import CASE_SUFFIX, Case, read_cases, run_case
from .errors import Problem, ScoringEngineError
from .model import IndicatorSet
from ._patterns import compile_later

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr  # what pytest's own repr_failure returns

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
            return _ProblemLines(list(excinfo.value.differences), str(self.path))
        return super().repr_failure(excinfo)


class _ProblemLines:
    """A case file's problem lines as pytest shows a collection error: all of them in its section, and the first in the
    short summary, which a text alone does not get there (QA321 F4: 'ERROR x.cases.yaml' said no more)."""

    def __init__(self, lines: list[str], file: str):
        self.lines = lines
        # the summary names the file already: its message begins after the file's name and line (QA322 F6: the reason
        # fell past 80 columns behind the whole path)
        first = lines[0] if lines else ""
        self.reprcrash = SimpleNamespace(message=_AFTER_PLACE.sub("", first[len(file):]) if first.startswith(file) else first)

    def toterminal(self, tw: Any) -> None:
        for line in self.lines:
            tw.line(line)

    def __str__(self) -> str:  # what a report sent between processes (pytest-xdist) or to JUnit XML holds
        return "\n".join(self.lines)


_AFTER_PLACE = compile_later(r"^:\d+(?::\d+)?:\s*")


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

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        return "\n".join(self.problems)

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

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, CaseFailure):
            place = f"{self.case.file}:{self.case.line}"
            head = f"用例 {self.case.name!r}（{place}）：" if self.lang == "zh" else f"case {self.case.name!r} ({place}):"
            return head + "\n  " + "\n  ".join(excinfo.value.differences)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.case.line or 1) - 1, f"case: {self.case.name}"
