"""Properties that hold for any facts: scores stay in range and the printed numbers add up."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_SET
from scoring_engine import ScoringEngineError, load_indicator_set, score
from scoring_engine._arith import fixed
from scoring_engine.model import FactSpec
from scoring_engine.rules import DEFAULT_TIERS

SET = load_indicator_set(EXAMPLE_SET)


def _number(spec: FactSpec, places: int = 2) -> st.SearchStrategy[Decimal]:
    low = spec.min if spec.min is not None else Decimal(-1000)
    high = spec.max if spec.max is not None else Decimal(100000)
    return st.decimals(min_value=low, max_value=high, places=places, allow_nan=False, allow_infinity=False)


def _value(spec: FactSpec) -> st.SearchStrategy[object]:
    if spec.type == "number":
        return _number(spec)
    if spec.type == "integer":
        return st.integers(int(spec.min) if spec.min is not None else -1000, int(spec.max) if spec.max is not None else 100000)
    if spec.type == "boolean":
        return st.booleans()
    if spec.type == "string" and spec.values:
        return st.sampled_from(spec.values)
    if spec.type == "date":
        return st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 12, 31)).map(datetime.date.isoformat)
    if spec.type == "list" and spec.items == "number":
        return st.lists(_number(spec), min_size=3, max_size=8)
    if spec.type == "list":
        return st.lists(st.text(min_size=1, max_size=10).filter(str.strip), max_size=8)
    weight = _weight_of_reader(spec.name)
    if spec.type == "judgement":
        return st.fixed_dictionaries({"score": st.decimals(0, weight, places=2), "reason": st.just("评价组判断")})
    if spec.type == "tier":
        return st.sampled_from(range(len(DEFAULT_TIERS))).flatmap(lambda i: _tier(i, weight))
    raise AssertionError(spec.type)


def _weight_of_reader(fact: str) -> Decimal:
    """Weight of the indicator that reads `fact` (judgements and tiers are scored on it)."""
    return next(node.weight for node in SET.walk() if node.rule and fact in node.rule.reads)


def _tier(index: int, weight: Decimal) -> st.SearchStrategy[dict]:
    """A tier judgement whose score lies inside its tier: [low, high) or [low, weight] at the top."""
    label, low = DEFAULT_TIERS[index]
    high = DEFAULT_TIERS[index - 1][1] * weight - Decimal("0.01") if index else weight
    points = st.decimals(low * weight, high, places=2)
    return st.fixed_dictionaries({"tier": st.just(label), "score": points, "reason": st.just("评价组判断")})


FACTS = st.fixed_dictionaries({name: _value(spec) for name, spec in SET.facts.items()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS)
def test_scores_stay_within_weights_and_printed_numbers_add_up(facts):
    """For any facts, each score lies in [0, weight], parents add their children, and the printed total is the printed sum."""
    try:
        result = score(SET, facts)
    except ScoringEngineError:
        return  # bad combinations (a failed error check, a value in no band) are reported, not scored
    for node in result.walk():
        assert Decimal(0) <= node.score <= node.weight
        if node.children:
            assert node.score == sum(c.score for c in node.children)
    printed = [fixed(top.score, result.precision) for top in result.indicators]
    assert fixed(result.total, result.precision) == fixed(sum(Decimal(p) for p in printed), result.precision)
    assert result.grade == SET.grade_for(result.total)


@settings(max_examples=50, deadline=None)
@given(FACTS)
def test_same_facts_give_byte_identical_json(facts):
    """Scoring the same facts twice gives the same JSON bytes."""
    try:
        first = score(SET, facts).to_json()
    except ScoringEngineError:
        return
    assert first == score(SET, dict(reversed(list(facts.items())))).to_json()
