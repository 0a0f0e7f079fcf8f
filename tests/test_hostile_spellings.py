"""The same fact under two spellings (tests/hostile/spellings.py), each case in a bounded child process.

``"budget.paid": 100`` beside ``budget: {paid: 186.4}`` used to score with
whichever came last. Now neither wins: the run is refused on a line naming both
places, in JSON and YAML facts files and in a case file's facts and overrides.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE_SET
from hostile.bounded import Outcome
from hostile.inputs import Case, clean_run_problems, error_lines, run_each
from hostile.spellings import spelling_cases

from scoring_engine import FactsError, load_indicator_set, score

CASES = spelling_cases()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return run_each(CASES, timeout=30)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_fact_given_twice_is_refused_naming_both_places(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Exit 1, no traceback, and one line names both spellings of the fact (a case file's run: a FAIL line, its problems
    each indented on a line below it, QA326 F5)."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    run = outcome.value["run"]
    assert [] == clean_run_problems(run, codes=(1,))
    lines = error_lines(run) + [line for line in run["stdout"].splitlines() if line.startswith(("FAIL ", "  "))]
    first, second = case.expect["places"]
    assert any(first in line and second in line and "given twice" in line for line in lines), lines
    assert outcome.cpu_seconds < 2.0 and outcome.peak_mb < 60


def test_the_api_refuses_a_fact_given_twice() -> None:
    """score() given both spellings in a dict raises FactsError naming the fact and both places."""
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(EXAMPLE_SET), {"budget.paid": 100, "budget": {"paid": 186.4}})
    problem = next(p for p in caught.value.problems if "given twice" in p.message)
    assert "budget.paid" == problem.fact
    assert 'fact budget.paid is given twice, at $.facts["budget.paid"] and at $.facts.budget.paid' in problem.message
