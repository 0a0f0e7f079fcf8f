"""The one quick pass over a facts document names the facts as flatten does, and calls clean only what document_problems passes
and flatten finds no fact given twice in."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring_engine.facts import MAX_FACTS_DEPTH, document_problems, flatten
from scoring_engine._facts_pass import flatten_checked
from scoring_engine.model import FactSpec

DECLARED = {name: FactSpec(name, "number") for name in ("a", "b.c", "b.d", "e")}
_KEYS = st.sampled_from(["a", "b", "c", "d", "e", "x", "b.c", "x.y", "y", "预算", "bad\x1bkey", "预\u202e算", ""]) | st.integers(0, 3)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**17, 10**17), st.floats(allow_nan=True),
                     st.decimals(allow_nan=True), st.text(max_size=5), st.sampled_from(["ok", "\x1b[31m", "\ud800", "正常"]),
                     st.just(datetime.date(2024, 1, 1)))


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"x": value}
    return value


_DOCUMENTS = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.tuples(inner)
                          | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12)


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(_KEYS, _DOCUMENTS, max_size=5) | st.integers(MAX_FACTS_DEPTH - 3, MAX_FACTS_DEPTH + 3).map(_nested))
def test_the_pass_agrees_with_flatten_and_never_passes_a_problem(values: Any) -> None:
    """A document the pass calls clean is one document_problems finds nothing in and flatten finds no fact given twice in;
    one it passes is named as by flatten."""
    flat, clean = flatten_checked(values, DECLARED, MAX_FACTS_DEPTH)
    problems = list(document_problems({"facts": values}))
    if clean:
        assert [] == problems
    if not problems:
        names, twice = flatten(values, DECLARED)
        if clean:
            assert [] == twice
        if not twice:
            assert list(names.items()) == list(flat.items())


def test_a_fact_given_twice_is_not_clean() -> None:
    """budget.paid beside budget: {paid: …} sends the document to the closer look, which names both places."""
    values = {"budget.paid": 100, "budget": {"paid": Decimal("186.4")}}
    assert False is flatten_checked(values, {}, MAX_FACTS_DEPTH)[1]
    assert [("budget.paid", ("budget.paid",), ("budget", "paid"))] == flatten(values, {})[1]


def test_a_usual_document_is_clean() -> None:
    """The quick answer is yes for what facts files hold: text, whole and decimal numbers, booleans, lists, dates."""
    values = {"a": 1, "b": {"c": Decimal("2.5"), "d": True}, "e": ["问题一", {"text": "问题二", "points": 2}],
              "when": datetime.date(2024, 1, 1)}
    assert (True, {"a", "b.c", "b.d", "e", "when"}) == (flatten_checked(values, DECLARED, MAX_FACTS_DEPTH)[1],
                                                       set(flatten_checked(values, DECLARED, MAX_FACTS_DEPTH)[0]))
