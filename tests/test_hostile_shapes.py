"""Wrong shapes and hidden characters (tests/hostile/shapes.py), each case in a bounded child process.

Project details that are objects, lists or true/false; case-file fields of the
wrong kind; formulas comparing dates, numbers and text; a name two indicators
share; invisible characters in names. Each is one clear error (exit 1), never
an internal error, and nothing reaches a report as a Python repr.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import EXAMPLE_SET
from hostile.bounded import Outcome
from hostile.inputs import Case, clean_run_problems, error_lines, run_each
from hostile.shapes import shape_cases

from scoring_engine import Facts, FactsError, load_indicator_set, score

CASES = shape_cases()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return run_each(CASES, timeout=30)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_wrong_shape_is_one_clear_error(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Exit 1 without a traceback; the expected words on an error (or FAIL) line; no Python repr in what was printed."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    run = outcome.value["run"]
    assert [] == clean_run_problems(run, codes=(1,))
    lines = error_lines(run) + [line for line in run["stdout"].splitlines() if line.startswith("FAIL ")]
    assert any(case.expect["words"] in line for line in lines), run["stderr"] + run["stdout"]
    assert case.expect.get("lines", 1) <= len(lines)
    assert "Decimal(" not in run["stdout"] + run["stderr"]
    assert outcome.cpu_seconds < 2.0 and outcome.peak_mb < 60


def test_explain_by_id_still_works_when_names_are_shared(outcomes: dict[str, Outcome]) -> None:
    """Of two indicators sharing a name, each is explained by its id."""
    run = outcomes["explain/two-indicators-one-name"].value["by_id"]
    assert 0 == run["code"]
    assert run["stdout"].startswith("预算执行率（process.execution）")


@pytest.mark.parametrize("detail", [{"a": Decimal("1.5")}, [1], True, None, object()],
                         ids=["object", "list", "true", "null", "python-object"])
def test_the_api_refuses_project_details_of_the_wrong_shape(detail: object) -> None:
    """score() given a project detail that is not text, a number or a date raises FactsError at $.project.KEY."""
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(EXAMPLE_SET), Facts(values={}, project={"detail": detail}))
    assert "$.project.detail" == caught.value.path
    assert "a project detail is text, a number or a date" in caught.value.message


@pytest.mark.parametrize("marked", [["decision"], "decision", 3], ids=["list", "text", "number"])
def test_the_api_refuses_a_not_applicable_that_is_not_a_mapping(marked: object) -> None:
    """score() given not_applicable as a list, a text or a number raises FactsError, not an internal error."""
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(EXAMPLE_SET), Facts(values={}, not_applicable=marked))  # type: ignore[arg-type]
    assert "not_applicable must map indicator ids to reasons" in str(caught.value)
