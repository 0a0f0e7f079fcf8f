"""Deep chains of derived values (tests/hostile/chains.py), each case in a bounded child process.

Thousands of derived values each naming the next are ordered without
recursion and their readers worked out in linear memory: scoring
and explaining a chain of 4,500 (near the most the node limit allows) takes a few seconds and
tens of megabytes, and a circle round the whole chain is one line of bounded length.
"""

from __future__ import annotations

import re

import pytest
from hostile.bounded import Outcome
from hostile.chains import chain_cases
from hostile.inputs import Case, ROOT, clean_run_problems, error_lines, run_each

CASES = chain_cases()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return run_each(CASES, cpu_limit=20)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_deep_chain_scores_and_explains(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Score and explain each exit as expected (0, or 1 for a circle) without a traceback, within 4 s of CPU and 60 MB."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    for run in ("score", "explain"):
        assert [] == clean_run_problems(outcome.value[run], codes=(case.expect["code"],)), run
    assert outcome.cpu_seconds < 4.0
    assert outcome.peak_mb < 60


def test_a_circle_round_a_long_chain_is_one_short_line(outcomes: dict[str, Outcome]) -> None:
    """4,500 derived values in a circle: one error line naming a few of them and how many more, not all 4,500."""
    [line] = error_lines(outcomes["circle-4500"].value["score"])
    quoted = re.search(r"`(derived values refer to each other in a circle: [^`]+)`", (ROOT / "docs" / "limits.md").read_text("utf-8"))
    assert quoted is not None and quoted[1] in line  # the message limits.md shows
    assert len(line) < 300
