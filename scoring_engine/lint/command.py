"""What `scoring-engine lint SET...` prints and the exit code it gives.

Each set is loaded as `validate` loads it: a set that does not load gives
validate's errors (one ``error:`` line each, on standard error) and exit code 1.
A set that loads gives one ``file:line:column: warning: …`` line per warning on
standard output, then a summary line. Warnings alone exit 0, or 1 with
``--strict``. ``--format json`` prints one JSON document instead: every set with
its errors and warnings and their fields (their messages and hints in Chinese under a Chinese run), each set and
each problem with the same keys whatever it holds (docs/authoring.md).
A set's first SHOWN_WARNINGS warnings are listed, then how many more (``warnings_not_shown`` in JSON),
as validate lists a set's first 100 problems.
"""

from __future__ import annotations

from typing import Any

from .. import _json
from .._messages import current_language, error_line, said
from .._output import say, tell
from .._build.problems import SHOWN_PROBLEMS
from .._text import one_line
from ..errors import Problem, ScoringEngineError
from . import LintWarning, lint_file

__all__ = ["SHOWN_WARNINGS", "run_lint"]

SHOWN_WARNINGS = SHOWN_PROBLEMS  # warnings listed for one set, as its problems are (QA221 10: 2000 values gave 2,001 lines)


def run_lint(refs: tuple[str, ...], strict: bool, fmt: str) -> int:
    """Lint every set of `refs`, print the outcome in `fmt` (text or json), and give the exit code."""
    documents = []
    invalid = warned = False
    for ref in refs:
        try:
            indicator_set, warnings = lint_file(ref)
        except ScoringEngineError as err:
            invalid = True
            documents.append({"set": ref, "valid": False, "id": None, "version": None,  # one shape for every set (QA338 L6)
                              "errors": [_problem(p) for p in err.problems], "warnings": [], "warnings_not_shown": 0})
            if fmt == "text":
                for problem in err.problems:
                    tell(error_line(problem, current_language(err.problems)))
            continue
        warned = warned or bool(warnings)
        documents.append({"set": ref, "valid": True, "id": indicator_set.id, "version": indicator_set.version, "errors": [],
                          "warnings": [w.document() for w in warnings[:SHOWN_WARNINGS]],
                          "warnings_not_shown": max(0, len(warnings) - SHOWN_WARNINGS)})
        if fmt == "text":
            say(_text(ref, indicator_set.id, indicator_set.version, warnings, current_language()))
    if fmt == "json":
        if current_language() == "zh":  # messages and hints are for people, in their language, as score's JSON gives them
            _in_chinese(documents)
        say(_json.dumps({"sets": documents}) + "\n", as_file=True)  # UTF-8 bytes, as score --format json (QA185 F3)
    return 1 if invalid or (strict and warned) else 0


def _in_chinese(documents: list[dict[str, Any]]) -> None:
    """Each error's and warning's message and hint in Chinese; their code, place and fields stay for tools (QA44 F7)."""
    from .._zh import translate

    for document in documents:
        for entry in (*document["errors"], *document["warnings"]):
            entry["message"] = translate(entry["message"])
            entry["hint"] = translate(entry["hint"]) if entry["hint"] else entry["hint"]


def _text(ref: str, set_id: str, version: str, warnings: tuple[LintWarning, ...], lang: str) -> str:
    lines = [one_line(w.text(lang)) for w in warnings[:SHOWN_WARNINGS]]
    if len(warnings) > SHOWN_WARNINGS:
        lines.append(one_line(said(f"{ref}: {len(warnings) - SHOWN_WARNINGS} more warnings not shown", lang)))
    count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else "no warnings"
    lines.append(one_line(said(f"{ref}: {set_id} {version}, {count}", lang)))
    return "\n".join(lines) + "\n"


def _problem(problem: Problem) -> dict[str, Any]:
    """An error as JSON data, with the keys of a warning's (`LintWarning.document`): an error has no code or fields."""
    return {"code": None, "file": problem.file, "line": problem.line, "column": problem.column, "path": problem.path,
            "indicator": problem.indicator, "fact": problem.fact, "expression": problem.expression,
            "message": problem.message, "hint": problem.hint, "fields": {}}
