"""Hostile facts files (tests/hostile/facts/ and generated ones), each scored in a bounded child process.

NaN and infinity, numbers written as text ("1,182.33", "86%"), booleans and
empty text where values belong, negative money, 86 for a ratio, numbers out of
range, control characters, invalid UTF-8, a truncated file, nesting past the
bound, a folder, a missing path, a file over the size bound: each is refused
with a scoring_engine error holding the words of its .expect file, naming the
fact, and nothing is scored from a guessed value.
"""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import pytest

from example_sets import number_rows, one_row_group
from hostile.bounded import Outcome, run_bounded
from hostile.corpus import FACTS_DIR, FileCase, assert_one_error_line_per_problem, facts_cases, try_facts_file
from scoring_engine import FactsError, load_indicator_set, score
from scoring_engine.facts import MAX_FACTS_DEPTH

CPU_SECONDS = 1.0
PEAK_MB = 60
CASES = facts_cases()
SET = load_indicator_set(FACTS_DIR / "set.yaml")
GOOD: dict[str, Any] = {"budget.total": 1200, "budget.paid": Decimal("1182.33"), "quality.rate": Decimal("0.86"),
                        "satisfaction": Decimal("92.5"), "findings.count": 2, "project.level": "市级",
                        "project.on_time": True, "dates.end": "2024-11-30"}


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return {case.name: run_bounded(lambda case=case: try_facts_file(case), cpu_limit=5, timeout=30) for case in CASES}


def test_every_file_has_its_expect_file() -> None:
    """Each hostile facts file is paired with a non-empty .expect file, and the corpus covers at least 30 cases."""
    files = sorted(p.name for p in FACTS_DIR.iterdir() if p.suffix in (".json", ".yaml"))
    assert sorted(f + ".expect" for f in files if f not in ("set.yaml", "good.json")) == sorted(p.name for p in FACTS_DIR.glob("*.expect"))
    assert all(case.words for case in CASES)
    assert len(CASES) >= 30


def test_the_good_facts_score() -> None:
    """The facts every hostile file is a variant of score without error, so each refusal is the variant's doing."""
    assert Decimal("94.21") == score(SET, GOOD).total


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_facts_are_refused_and_nothing_is_scored(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """Loading and scoring raises a scoring_engine error with the expected words; no total comes out of a guessed value."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    seen = outcome.value
    assert "total" not in seen, f"scored {seen.get('total')}"
    error = seen["error"]
    assert error["ours"], f"{error['type']} escaped: {error['text']}"
    missing = [w for w in case.words if w not in error["text"]]
    assert [] == missing, error["text"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_problem_inside_the_facts_names_the_fact(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """Every problem located inside $.facts names its fact; every problem names the file, or (when scoring) the indicator."""
    for problem in outcomes[case.name].value["error"]["problems"]:
        if (problem["path"] or "").startswith("$.facts."):
            assert problem["fact"], problem
        assert problem["file"] or problem["indicator"], problem


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_score_prints_one_error_line_per_problem_and_exits_1(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """`scoring-engine score FILE --set …` exits 1 with one `error:` line per problem, never a traceback."""
    assert_one_error_line_per_problem(outcomes[case.name].value)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_facts_stay_within_time_and_memory(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """Reading, checking and scoring each hostile file (API and CLI) takes under a second of CPU and 60 MB."""
    outcome = outcomes[case.name]
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB


# ---------------------------------------------------------------- the same through the Python API


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("budget.paid", float("nan"), "NaN and infinity are not numbers"),
        ("budget.paid", Decimal("sNaN"), "NaN and infinity are not numbers"),
        ("budget.paid", 10 ** 5000, "out of range"),
        ("budget.paid", Decimal("1E+999999999"), "out of range"),
        ("project.level", "a\x1b[2J", "U+001B, a control character"),
        ("project.level", "\ud800", "lone surrogate"),
    ],
    ids=["float-nan", "decimal-snan", "int-5000-digits", "decimal-1e999999999", "escape", "surrogate"],
)
def test_api_facts_with_values_no_file_could_hold_are_refused(name: str, value: Any, words: str) -> None:
    """score() given such values in a dict raises FactsError naming the fact, as it does for a file."""
    with pytest.raises(FactsError) as caught:
        score(SET, {**GOOD, name: value})
    assert words in str(caught.value)
    assert name == caught.value.fact


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"a": 1}
    for _ in range(depth):
        node = {"a": node}
    return node


def test_api_facts_nested_past_the_bound_are_refused_without_recursion() -> None:
    """A project or an undeclared fact nested 100,000 deep is refused as nested deeper than MAX_FACTS_DEPTH, with no RecursionError."""
    from scoring_engine import Facts

    for facts in (Facts(values={**GOOD, "notes": _nested(100_000)}), Facts(values=GOOD, project=_nested(100_000))):
        with pytest.raises(FactsError) as caught:
            score(SET, facts)
        assert f"nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)" in str(caught.value)


def test_nan_in_the_project_details_is_refused() -> None:
    """A NaN among the project details, which are hashed into the result, is refused rather than crashing the hash."""
    from scoring_engine import Facts

    with pytest.raises(FactsError) as caught:
        score(SET, Facts(values=GOOD, project={"year": float("nan")}))
    assert "$.project.year" == caught.value.path


def test_thousands_of_undeclared_facts_give_a_few_warnings_quickly() -> None:
    """Thirty thousand undeclared facts are ignored with twenty warnings and a count of the rest, in well under a second."""
    facts = {**GOOD, **{f"extra.k{i}": i for i in range(30_000)}}
    started = time.perf_counter()
    result = score(SET, facts)
    assert time.perf_counter() - started < 1.5
    assert 21 == len(result.warnings)
    assert "29980 more facts are not declared" in result.warnings[-1].message


def test_target_row_weights_finer_than_the_precision_are_refused() -> None:
    """A target row weighing 0.5 under precision 0 is refused, naming the row: scored in full it would print as 1 point, above its weight."""
    from scoring_engine import parse_indicator_set

    with pytest.raises(FactsError) as caught:
        score(parse_indicator_set(one_row_group(0, 10)), {"rows": number_rows(9.5, 0.5)})
    assert "row 2 (乙): weight 0.5 has more decimal places than the set's precision 0 keeps" in str(caught.value)
    # at precision 0 (QA200 4), the rows still adding up to the group's 10 (QA204 9: 9.5 and 0.5 rounded alone make 11)
    assert "把分值取整，且本组各行分值之和仍为 10" == caught.value.problems[0].text("zh").rsplit("（", 1)[1].rstrip("）")
    assert "rows" == caught.value.fact
