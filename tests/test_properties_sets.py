"""Properties over generated indicator sets and facts (hypothesis).

A generated set is a small random tree: weights that add up, leaves scored by
proportional, bands, linear, deduction or formula rules with valid parameters,
each leaf reading facts of its own. For any such set and any facts:

- nothing but a scoring_engine error ever escapes;
- every score lies in [0, weight] and a parent's score is the sum of its children's;
- the total equals the sum of the printed scores;
- the same input gives byte-identical output;
- improving a fact never lowers the score of the indicator that reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring_engine import ScoringEngineError, parse_indicator_set, score
from scoring_engine._arith import fixed
from scoring_engine._json import dumps
from scoring_engine.render import RENDERERS

D = Decimal
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@dataclass
class Generated:
    """A generated indicator set (as YAML text) with facts that fit it, and how to improve each leaf's fact."""

    text: str
    facts: dict[str, Any]
    # leaf id → (fact name, kind, direction, lowest, highest): +1 when a larger value is better, -1 when smaller
    improvable: dict[str, tuple[str, str, int, Decimal, Decimal]] = field(default_factory=dict)


def _amount(places: int = 2) -> Callable[[Decimal, Decimal], st.SearchStrategy[Decimal]]:
    return lambda low, high: st.decimals(min_value=low, max_value=high, places=places, allow_nan=False, allow_infinity=False)


AMOUNT = _amount()


@st.composite
def leaf_rule(draw: st.DrawFn, n: int, weight: Decimal, out: Generated, declare: dict[str, Any], leaf: str) -> dict[str, Any]:
    """A valid rule of a random kind for leaf `n`, declaring its facts and drawing their values."""
    kind = draw(st.sampled_from(["proportional", "bands", "linear", "deduction", "formula"]))
    value = f"v{n}"
    if kind == "proportional":
        declare[value] = {"type": "number", "min": 0, "max": 2000}
        out.facts[value] = draw(AMOUNT(D(0), D(2000)))
        rule: dict[str, Any] = {"kind": kind, "value": value}
        if draw(st.booleans()):
            target = f"t{n}"
            declare[target] = {"type": "number", "min": 1, "max": 2000}
            out.facts[target] = draw(AMOUNT(D(1), D(2000)))
            rule["target"] = target
        else:
            rule["target"] = str(draw(st.integers(1, 2000)))
        lower = draw(st.booleans())
        if lower:
            rule["direction"] = "lower_is_better"
            out.facts[value] = max(out.facts[value], D("0.01"))  # lower is better divides by the value
            declare[value]["min"] = D("0.01")
        if draw(st.booleans()):
            rule["floor"] = draw(_amount(1)(D(0), D("0.9")))
        out.improvable[leaf] = (value, kind, -1 if lower else 1, D(declare[value]["min"]), D(2000))
        return rule
    if kind == "bands":
        declare[value] = {"type": "number", "min": 0, "max": 1}
        out.facts[value] = draw(AMOUNT(D(0), D(1)))
        cuts = sorted(draw(st.sets(_amount(2)(D("0.01"), D("0.99")), min_size=1, max_size=4)))
        edges = [D(0), *cuts, D(1)]
        points = sorted(draw(st.lists(AMOUNT(D(0), weight), min_size=len(edges) - 1, max_size=len(edges) - 1)))
        bands = [{"min": edges[i], "max": edges[i + 1], "points": points[i]} for i in range(len(edges) - 1)]
        rule = {"kind": kind, "value": value, "bands": bands,
                "boundary": draw(st.sampled_from(["min_inclusive", "max_inclusive"]))}
        out.improvable[leaf] = (value, kind, 1, D(0), D(1))
        return rule
    if kind == "linear":
        declare[value] = {"type": "number", "min": 0, "max": 200}
        out.facts[value] = draw(AMOUNT(D(0), D(200)))
        lower = draw(st.booleans())
        rule = {"kind": kind, "value": value, "target": "100", "per": draw(st.sampled_from([D(1), D("0.5"), D(5)])),
                "units": draw(st.sampled_from(["exact", "whole", "started"]))}
        if draw(st.booleans()):
            rule["points_each"] = draw(AMOUNT(D("0.01"), weight))
        else:
            rule["share_each"] = draw(AMOUNT(D("0.01"), D(1)))
        if draw(st.booleans()):
            rule["zero_at"] = draw(AMOUNT(D(101), D(200))) if lower else draw(AMOUNT(D(0), D(99)))
        if lower:
            rule["direction"] = "lower_is_better"
        out.improvable[leaf] = (value, kind, -1 if lower else 1, D(0), D(200))
        return rule
    if kind == "deduction":
        declare[value] = {"type": "integer", "min": 0, "max": 40}
        out.facts[value] = draw(st.integers(0, 40))
        rule = {"kind": kind, "findings": value, "points_each": draw(AMOUNT(D("0.01"), weight))}
        if draw(st.booleans()):
            rule["zero_at_count"] = draw(st.integers(1, 10))
        out.improvable[leaf] = (value, kind, -1, D(0), D(40))
        return rule
    declare[value] = {"type": "number", "min": 0, "max": 300}
    out.facts[value] = draw(AMOUNT(D(0), D(300)))
    expression = draw(st.sampled_from([f"{value} / 100", f"min({value} / 100, 1)", f"ratio({value}, 100) * 0.5 + 0.5"]))
    out.improvable[leaf] = (value, kind, 1, D(0), D(300))  # every formula here grows with the value
    if draw(st.booleans()):
        return {"kind": "formula", "rate": expression}
    return {"kind": "formula", "score": f"clamp({value} / 300 * weight, 0, weight)"}


@st.composite
def generated_sets(draw: st.DrawFn) -> Generated:
    """A random indicator tree, one to three levels deep, whose weights add up, with facts for every leaf."""
    out = Generated("", {})
    declare: dict[str, Any] = {}
    counter = iter(range(1, 1000))
    precision = draw(st.integers(0, 4))

    def node(prefix: str, depth: int) -> dict[str, Any]:
        n = next(counter)
        ident = f"{prefix}{n}"
        if depth < 3 and draw(st.integers(0, 2)) == 0:
            children = [node(ident + ".", depth + 1) for _ in range(draw(st.integers(1, 3)))]
            return {"id": ident, "name": f"指标{ident}", "weight": sum((c["weight"] for c in children), D(0)), "children": children}
        weight = draw(st.one_of(st.integers(1, 30).map(D), _amount(min(precision, 1))(D(1), D(30))))
        return {"id": ident, "name": f"指标{ident}", "weight": weight, "rule": draw(leaf_rule(n, weight, out, declare, ident))}

    indicators = [node("i", 1) for _ in range(draw(st.integers(1, 4)))]
    total = sum((i["weight"] for i in indicators), D(0))
    doc = {"id": "generated", "name": "生成的指标体系", "version": "1", "total": total,
           "precision": precision, "facts": declare,
           "grades": [{"label": "优", "min": total * D("0.9")}, {"label": "良", "min": total * D("0.6")}, {"label": "差", "min": 0}],
           "indicators": indicators}
    out.text = dumps(doc)  # JSON, which the YAML reader reads as flow-style YAML
    return out


def _result_or_error(text: str, facts: dict[str, Any]) -> Any:
    try:
        return score(parse_indicator_set(text, "generated.yaml"), facts)
    except ScoringEngineError as err:
        return err


@SETTINGS
@given(generated_sets())
def test_generated_sets_load_and_scores_stay_in_range(generated: Generated) -> None:
    """A generated set loads; each score lies in [0, weight], each parent is the sum of its children, the printed total is the printed sum."""
    result = score(parse_indicator_set(generated.text, "generated.yaml"), generated.facts)
    p = result.precision
    for node in result.walk():
        assert D(0) <= node.score <= node.weight
        assert node.score == D(fixed(node.score, p)), "scores are already rounded to the set's precision"
        if node.children:
            assert node.score == sum(c.score for c in node.children)
    printed = [D(fixed(top.score, p)) for top in result.indicators]
    assert fixed(result.total, p) == fixed(sum(printed, D(0)), p)
    assert result.total <= result.max_total


@SETTINGS
@given(generated_sets())
def test_the_same_input_gives_byte_identical_output(generated: Generated) -> None:
    """Loading the same text and scoring the same facts again (in another order) gives the same JSON and table, byte for byte."""
    first = _result_or_error(generated.text, generated.facts)
    again = _result_or_error(generated.text, dict(reversed(list(generated.facts.items()))))
    if isinstance(first, ScoringEngineError):
        assert str(first) == str(again)
        return
    assert first.to_json().encode() == again.to_json().encode()
    assert RENDERERS["table"](first).encode() == RENDERERS["table"](again).encode()


@SETTINGS
@given(generated_sets(), st.data())
def test_improving_a_fact_never_lowers_its_score(generated: Generated, data: st.DataObject) -> None:
    """Moving a leaf's fact in its better direction (higher, or lower when lower is better) never lowers that leaf's score."""
    leaf = data.draw(st.sampled_from(sorted(generated.improvable)))
    fact, kind, direction, lowest, highest = generated.improvable[leaf]
    before = D(generated.facts[fact])
    limit = highest if direction > 0 else lowest
    better = data.draw(st.decimals(min_value=min(before, limit), max_value=max(before, limit), places=2 if kind != "deduction" else 0))
    improved = {**generated.facts, fact: int(better) if kind == "deduction" else better}
    indicator_set = parse_indicator_set(generated.text, "generated.yaml")
    old = score(indicator_set, generated.facts).indicator(leaf).score
    new = score(indicator_set, improved).indicator(leaf).score
    assert new >= old, f"{kind}: {fact} {before} → {better} lowered {leaf} from {old} to {new}"


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.decimals() | st.text(max_size=20)
    | st.sampled_from(["86%", "1,182.33", "", " ", "NaN", "1e3", "２０", "2024-02-30", "yes"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(generated_sets(), st.data())
def test_arbitrary_fact_values_give_a_score_or_a_scoring_engine_error(generated: Generated, data: st.DataObject) -> None:
    """Facts replaced by arbitrary values (text, NaN, huge numbers, nesting, nothing) give a valid result or a scoring_engine error, never another exception."""
    names = sorted(generated.facts)
    broken = dict(generated.facts)
    for name in data.draw(st.lists(st.sampled_from(names), max_size=3, unique=True)):
        broken[name] = data.draw(_JSONISH)
    if data.draw(st.booleans()):
        broken[data.draw(st.text(min_size=1, max_size=12))] = data.draw(_JSONISH)
    outcome = _result_or_error(generated.text, broken)
    if not isinstance(outcome, ScoringEngineError):
        outcome.to_json()
        for node in outcome.walk():
            assert D(0) <= node.score <= node.weight
