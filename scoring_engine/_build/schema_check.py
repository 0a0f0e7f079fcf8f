"""A file's data checked against its JSON Schema, every error worded once at its line (a set's, a form layout's).

Kept apart from the set builder so that what else reads a file the same way (forms/layout_file) does not import the
builder, which imports the forms.
"""

from __future__ import annotations

from decimal import Decimal

from .._command_line import in_python
from .._quick_schema import fits
from ..errors import IndicatorSetError
from .problems import Path, ProblemLog

__all__ = ["check_schema"]


def check_schema(log: ProblemLog, schema: str = "indicator-set.schema.json") -> None:
    """Every schema error, worded, once; the paths they concern are marked broken and not built further.
    `schema`: a set's by default; a form layout's is checked the same way (forms.layout)."""
    located = log.located
    if fits(schema, located.data):
        return  # the usual case, answered in one quick pass
    from .._schema import schema_errors, schema_problems  # jsonschema and the wording, needed only now

    other = _other_kind(located.data) if schema == "indicator-set.schema.json" else None
    if other is not None:  # one line saying what the file is, not each of its keys unknown to a set
        log.add((), *other)
        raise IndicatorSetError(log.ranked())
    errors = schema_errors(schema, located.data)
    total = _total(located.data)
    said: set[tuple[Path, str]] = set()  # jsonschema repeats 'required' once per missing key
    for error in errors:
        at = tuple(error.absolute_path)
        if at in located.rejected:
            continue  # the YAML reader already said why this value is missing
        for problem in schema_problems(error, located.written(at), located.quoted(at), located.in_flow(at), total):
            log.broken.add(at)
            if (problem.path, problem.message) not in said:
                said.add((problem.path, problem.message))
                log.add(problem.path, problem.message, problem.hint, key=problem.at_key)


def _total(data: object) -> Decimal | None:
    """The set's total as written, 100 when it writes none; None when it is no number above 0 (its own problem), or a
    profile's that leaves it to its base (not read yet when the profile's own keys are checked)."""
    total = data.get("total", None if "extends" in data else 100) if isinstance(data, dict) else None
    return Decimal(total) if isinstance(total, (int, Decimal)) and not isinstance(total, bool) and total > 0 else None


def _other_kind(data: object) -> tuple[str, str] | None:
    """What a file given as an indicator set is instead (message, hint), when its top-level keys tell: a result (which
    has indicators: too, QA179 F3), test cases, facts."""
    if isinstance(data, dict) and "engine" in data and "total" in data:  # as a result given as facts is told (_files)
        named = data.get("indicator_set")
        scored_by = named.get("id") if isinstance(named, dict) else None
        return ("this is a result written by scoring-engine score (it has engine: and total:), not an indicator set",
                f"give the set it was scored by, {scored_by}" if isinstance(scored_by, str) and scored_by else
                "give the set it was scored by")
    if not isinstance(data, dict) or "indicators" in data or "extends" in data:
        return None
    if "cases" in data:
        return "this is a test cases file (it has cases:), not an indicator set", "run it with scoring-engine test"
    if "facts" in data and ("indicator_set" in data or "project" in data):
        return ("this is a facts file (it has facts:), not an indicator set",
                in_python("score it with scoring-engine score", "read it with load_facts(path) and pass that to score"))
    return None
