"""A leaf whose rule reads true/false facts alone has its outcome kept by the plan for the next project giving the same
values: every result is the one a freshly loaded set gives, and a fact left out is said as before."""

from __future__ import annotations

import random
import sys

import pytest

from conftest import ROOT
from scoring_engine import Facts, FactsError, load_indicator_set, score
from scoring_engine.plan import plan_for

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import national_facts


def test_kept_outcomes_give_the_results_of_a_fresh_set() -> None:
    shared = load_indicator_set("national-framework")
    kept_by = [n.id for n in plan_for(shared).leaves if n.step is not None and n.step.booleans]
    assert "decision.project.basis" in kept_by
    rng = random.Random(3)
    for _ in range(30):
        document = national_facts(rng)
        facts = Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}))
        assert score(shared, facts).to_json() == score(load_indicator_set("national-framework"), facts).to_json()
    assert 0 < len(plan_for(shared).outcomes) <= 30 * len(kept_by)


def test_a_boolean_fact_left_out_is_said_as_before() -> None:
    shared = load_indicator_set("national-framework")
    document = national_facts(random.Random(4))
    score(shared, Facts(values=document["facts"]))
    del document["facts"]["decision"]["basis"]["policy"]
    with pytest.raises(FactsError) as caught:
        score(shared, Facts(values=document["facts"]))
    with pytest.raises(FactsError) as fresh:
        score(load_indicator_set("national-framework"), Facts(values=document["facts"]))
    assert str(caught.value) == str(fresh.value)
