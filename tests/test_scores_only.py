"""scores_only gives what score gives (total, grade, every indicator's score, warnings, errors), without the audit trail."""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT
from scoring_engine import Facts, ScoringEngineError, Scores, load_facts, load_indicator_set, score, scores_only
from scoring_engine.cases import find_case_files, load_cases
from scoring_engine.cases import _facts_for  # the facts a case scores

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import national_facts


def _same(indicator_set, facts) -> None:
    try:
        full = score(indicator_set, facts)
    except ScoringEngineError as err:
        with pytest.raises(type(err)) as quick_err:
            scores_only(indicator_set, facts)
        assert [str(p) for p in err.problems] == [str(p) for p in quick_err.value.problems]
        return
    quick = scores_only(indicator_set, facts)
    assert isinstance(quick, Scores)
    assert (full.total, full.grade, full.warnings, full.indicator_set) == (quick.total, quick.grade, quick.warnings,
                                                                           quick.indicator_set)
    assert {r.id: r.score for r in full.walk()} == dict(quick.scores)
    assert [r.id for r in full.walk()] == list(quick.scores)


CASE_FILES = find_case_files([str(ROOT / "indicator_sets"), str(ROOT / "examples")])


@pytest.mark.parametrize("file", CASE_FILES, ids=[p.relative_to(ROOT).as_posix() for p in CASE_FILES])
def test_every_bundled_case_scores_the_same_both_ways(file: Path) -> None:
    """Each case of every bundled set and example (errors included) gives the same numbers, warnings and problems."""
    sets = {}
    for case in load_cases(file):
        if case.set_file not in sets:
            sets[case.set_file] = load_indicator_set(case.set_file)
        _same(sets[case.set_file], _facts_for(case, sets[case.set_file]))


def test_generated_projects_score_the_same_both_ways() -> None:
    """Five hundred varied national-framework projects (late, overspent, not applicable…) give the same numbers."""
    indicator_set = load_indicator_set("national-framework")
    rng = random.Random(11)
    for _ in range(500):
        document = national_facts(rng)
        _same(indicator_set, Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}),
                                   project=document["project"]))


def test_broken_facts_are_refused_the_same_both_ways() -> None:
    """A fact of the wrong type is a FactsError from scores_only as from score, naming the same fact."""
    indicator_set = load_indicator_set("national-framework")
    document = national_facts(random.Random(3))
    document["facts"]["budget"]["paid"] = "八百"
    _same(indicator_set, Facts(values=document["facts"]))
    document["facts"]["budget"]["paid"] = Decimal("1E+20")
    _same(indicator_set, Facts(values=document["facts"]))


def test_a_callers_change_to_scores_weights_is_refused_and_never_reaches_the_next_score() -> None:
    """Scores.weights is the set's own table, shared by every run: a caller building a 'what if' from it changed every
    later score of the set (a total of 151.73 of 100, a made-up rescaling reason). It is read-only."""
    national = load_indicator_set("national-framework")
    facts = Facts(values=national_facts(random.Random(7))["facts"])
    before = score(national, facts).to_json()
    weights = scores_only(national, facts).weights
    leaf = next(iter(weights))
    with pytest.raises(TypeError):
        weights[leaf] = Decimal(100)  # type: ignore[index]
    assert score(national, facts).to_json() == before


def test_a_callers_change_to_scores_scores_or_values_is_refused_so_scores_stay_equal_and_hash_alike() -> None:
    """Scores.scores and Scores.values were plain dicts: `a.scores["decision"] = 0` was taken while the total still said
    79.73, and a Scores no longer equalled an identical one that keyed a cache (QA202 3). They are read-only as the
    weights are, and stay so once pickled to or from a worker process, or deep-copied."""
    import copy
    import pickle

    small = load_indicator_set(ROOT / "examples/small/set.yaml")
    facts = load_facts(ROOT / "examples/small/facts.json")
    a, b = scores_only(small, facts), scores_only(small, facts)
    cache = {b: "cached"}
    for mapping in (a.scores, a.values):
        key = next(iter(mapping))
        with pytest.raises(TypeError):
            mapping[key] = 0  # type: ignore[index]
    assert a == b and hash(a) == hash(b) and cache[a] == "cached"
    for again in (pickle.loads(pickle.dumps(a)), copy.deepcopy(a)):
        assert again == a and hash(again) == hash(a)
        for mapping in (again.scores, again.values, again.weights):
            with pytest.raises(TypeError):
                mapping[next(iter(mapping))] = 0  # type: ignore[index]
