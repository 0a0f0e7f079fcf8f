"""Numbers small to write but huge to print (tests/hostile/big_numbers.py), each case in a bounded child process.

A zero however written (``0e-999999999``) is 0: the run gives byte for byte what
a plain ``0`` gives. Any other number scores with output no bigger than the
``0`` run's plus a few times what was written, or is refused on one short line
naming the fact or the place. Never exit 3, never more than a second of CPU or
60 MB.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import EXAMPLE_FACTS, EXAMPLE_SET
from hostile.big_numbers import number_cases, without_set_hash
from hostile.bounded import Outcome
from hostile.inputs import Case, case_ids, clean_run_problems, error_lines, run_each

from scoring_engine import Facts, load_indicator_set, score
from scoring_engine.render import render_json

CASES = number_cases()
CPU_SECONDS = 1.0
PEAK_MB = 60


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return run_each(CASES)



def test_the_corpus_covers_every_kind_of_file() -> None:
    """Zeros and other numbers are tried in facts JSON, facts YAML, sets and case files: over 100, each beside its 0 twin."""
    kinds = {case.name.split("/")[0] for case in CASES}
    assert {"facts-json", "facts-yaml", "set", "case-file"} == kinds
    assert len(ZEROS + OTHERS) >= 100


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_runs_cleanly_within_time_and_memory(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Each run exits 0 or 1 without a traceback, in under a second of CPU and 60 MB."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    assert [] == clean_run_problems(outcome.value["run"])
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB


ZEROS = [c for c in CASES if c.expect.get("zero")]
OTHERS = [c for c in CASES if c.expect.get("zero") is False]


@pytest.mark.parametrize("case", ZEROS, ids=case_ids(ZEROS))
def test_a_zero_however_written_is_0(case: Case, outcomes: dict[str, Outcome]) -> None:
    """The run with the zero written hugely prints exactly what the run with 0 prints (the set's own hash aside)."""
    hostile, zero = outcomes[case.name].value["run"], outcomes[case.expect["twin"]].value["run"]
    same = without_set_hash if case.expect["set"] else str
    assert (zero["code"], same(zero["stdout"]), zero["stderr"]) == (hostile["code"], same(hostile["stdout"]), hostile["stderr"])


@pytest.mark.parametrize("case", OTHERS, ids=case_ids(OTHERS))
def test_any_other_number_scores_small_or_is_refused_naming_the_place(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Output stays within the 0 run's plus four times the number as written; a refusal names the fact or file on short lines."""
    hostile, zero = outcomes[case.name].value["run"], outcomes[case.expect["twin"]].value["run"]
    written = len(case.expect["written"])
    assert len(hostile["stdout"]) + len(hostile["stderr"]) <= len(zero["stdout"]) + len(zero["stderr"]) + 4 * written + 200
    if hostile["code"] == 1:
        lines = error_lines(hostile) or hostile["stdout"].splitlines()
        assert any(case.expect["names"] in line for line in lines), hostile["stderr"] or hostile["stdout"]
        assert all(len(line) < 400 for line in lines)


def test_the_api_keeps_a_zero_given_with_a_huge_exponent_as_0() -> None:
    """score() given Decimal('0E-999999999') as a fact and as a project detail writes the JSON report that 0 gives."""
    import json

    indicator_set = load_indicator_set(EXAMPLE_SET)
    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"), parse_float=Decimal)
    facts = Facts(values=document["facts"], project=document["project"])
    tiny = Facts(values={**document["facts"], "budget": {**document["facts"]["budget"], "paid": Decimal("0E-999999999")}},
                 project={**document["project"], "zero": Decimal("-0E-999999999")})
    plain = Facts(values={**document["facts"], "budget": {**document["facts"]["budget"], "paid": Decimal(0)}},
                  project={**document["project"], "zero": Decimal(0)})
    assert render_json(score(indicator_set, plain)) == render_json(score(indicator_set, tiny))
    assert render_json(score(indicator_set, facts)) != render_json(score(indicator_set, tiny))
