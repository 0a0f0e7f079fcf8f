"""The one quick pass over a facts document names the facts as flatten does, and calls clean only what document_problems passes
and flatten finds no fact given twice in."""

from __future__ import annotations

import datetime
import json
from copy import deepcopy
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from hostile.fuzz import mutated_document
from hostile.inputs import SMALL
from scoring_engine import Facts, FactsError, load_indicator_set
from scoring_engine import facts as facts_module
from scoring_engine._facts_pass import GENERIC_READS, DeclaredShape, _compiled_reader, flatten_checked
from scoring_engine.facts import MAX_FACTS_DEPTH, check_facts, document_problems, flatten
from scoring_engine.model import FactSpec

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import national_facts

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


# ---------------------------------------------------------------- the one walk over a plain document (DeclaredShape)

_SMALL_SET = load_indicator_set(SMALL / "set.yaml")
_SMALL_FACTS = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"), parse_float=Decimal)


class _NeverShape(DeclaredShape):
    """A shape that always sends the document the long way: check_facts as it was before the one walk."""

    def __init__(self) -> None:
        pass

    def read(self, values: Any, excused: Any) -> None:
        return None

    def read_kept(self, values: Any, excused: Any) -> tuple[None, None]:
        return None, None


def _checked(facts: Facts) -> tuple[str, Any, list[str]]:
    """What check_facts gives: the values and the warnings, or the problems it words."""
    try:
        values, warnings, _ = check_facts(_SMALL_SET, facts, frozenset(facts.not_applicable) if isinstance(
            facts.not_applicable, dict) else frozenset())
    except FactsError as err:
        return "error", None, [str(p) for p in err.problems]
    return "ok", list(values.items()), [str(w) for w in warnings]


def _as_read(node: Any) -> Any:
    """A document as a facts file reads it: numbers with a fraction as Decimal (hypothesis's floats, NaN too)."""
    if isinstance(node, dict):
        return {key: _as_read(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_read(value) for value in node]
    return Decimal(repr(node)) if isinstance(node, float) else node


@settings(max_examples=400, deadline=None)
@given(mutated_document(json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))))
def test_the_one_walk_reads_what_the_long_way_reads(mutated: tuple[Any, dict[str, str]]) -> None:
    """Whatever the document, check_facts gives the same values, warnings and problems with or without the one walk:
    the walk reads only documents the long way passes, and reads them the same."""
    document = _as_read(mutated[0])
    if not isinstance(document, dict) or not isinstance(document.get("facts"), dict):
        return
    facts = Facts(values=document["facts"], project=document.get("project") or {},
                  not_applicable=document.get("not_applicable") or {})
    walked = _checked(facts)
    with patch.object(facts_module, "_shape_of", lambda _set: _NeverShape()):
        assert walked == _checked(facts)


def test_usual_documents_take_the_one_walk() -> None:
    """The bundled example and generated national projects are read in one walk (the property above is not idle),
    and a fact written dotted, an undeclared fact or a number as text each send the document the long way."""
    small = facts_module._shape_of(_SMALL_SET)
    assert small.read(_SMALL_FACTS["facts"], lambda name: False) is not None
    national = load_indicator_set("national-framework")
    rng = random.Random(7)
    for _ in range(20):
        document = national_facts(rng)
        assert facts_module._shape_of(national).read(document["facts"], lambda name: False) is not None
    for odd in ({"budget.paid": Decimal(1)}, {"extra": 1}, {"budget": {"paid": "186.4"}}):
        values = {**_SMALL_FACTS["facts"], **odd}
        assert small.read(values, lambda name: False) is None


_EDGE_TEXTS = ["原因", "", "  ", "\u3000", "含\x1b控制符", "\ud800", "a" * 70, 0, None, True, ["x"], {"text": "x"}]
_EDGE_SCORES = [Decimal("8.8"), Decimal("0"), Decimal("0.00"), Decimal("-1"), Decimal("1E-16"), Decimal("1E+15"),
                Decimal("NaN"), Decimal("Infinity"), 0, 3, -2, 10**15, 10**40, True, "8.8", None]


def _edge_values() -> list[tuple[str, Any]]:
    """Values for each fact the one walk reads at once (a date, a judgement, a tier, a list of findings) at and past the
    edge of what it takes: the usual, then empty, blank, hostile, out of range, of another type, a key too many or missing."""
    values: list[tuple[str, Any]] = []
    for text in _EDGE_TEXTS:
        values += [("decision.budget_judgement", {"score": Decimal("3.5"), "reason": text}),
                   ("benefit.social", {"tier": text, "score": Decimal("8.8"), "reason": "原因"}),
                   ("benefit.social", {"tier": "达成年度指标", "score": Decimal("8.8"), "reason": text}),
                   ("decision.goal_findings", [text]), ("decision.goal_findings", ["年度目标未细化", text])]
    for points in _EDGE_SCORES:
        values += [("decision.budget_judgement", {"score": points, "reason": "原因"}),
                   ("benefit.social", {"tier": "达成年度指标", "score": points, "reason": "原因"})]
    values += [("decision.budget_judgement", {"score": 1, "reason": "r", "extra": 1}),
               ("decision.budget_judgement", {"score": 1}), ("decision.budget_judgement", {"reason": "r", "tier": "t"}),
               ("benefit.social", {"tier": "t", "score": 1}), ("benefit.social", {"tier": "t", "score": 1, "reason": "r", "x": 1}),
               ("benefit.social", {"tier": "t", "points": 1, "reason": "r"}), ("benefit.social", {1: "t", "score": 1, "reason": "r"}),
               ("benefit.social", "达成年度指标"), ("benefit.social", []), ("decision.goal_findings", "一条"),
               ("decision.goal_findings", [{"text": "x", "points": 1}, "y"]), ("decision.goal_findings", [[]])]
    for date in ["2024-10-31", "2024-13-01", "2024-02-30", "20241031", "2024-W01-1", "2024/10/31", "2024-10-3１",
                 "２０２４-10-31", " 2024-10-3", "2024-10-31T00:00", "", 20241031, None]:
        values.append(("output.planned_end", date))
    return values


def _set_fact(document: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    copy = deepcopy(document)
    *path, last = name.split(".")
    inner = copy
    for key in path:
        inner = inner[key]
    inner[last] = value
    return copy


def test_dates_judgements_tiers_and_findings_read_at_once_are_read_as_the_long_way_reads_them() -> None:
    """A date, a judgement, a tier and a list of findings are taken at once by the one walk when plain; whatever their
    value, check_facts gives the same values, warnings and problems as the long way (nothing passed that it refuses)."""
    taken = 0
    for name, value in _edge_values():
        facts = Facts(values=_set_fact(_SMALL_FACTS["facts"], name, value))
        walked = _checked(facts)
        taken += facts_module._shape_of(_SMALL_SET).read(facts.values, lambda name: False) is not None
        with patch.object(facts_module, "_shape_of", lambda _set: _NeverShape()):
            assert walked == _checked(facts), (name, value)
    assert taken >= 20  # the usual values are taken at once, so the comparison is not idle


# ---------------------------------------------------------------- the shape's own reader, compiled after GENERIC_READS


def _both_ways(indicator_set: Any, values: Any) -> tuple[Any, Any]:
    """What a fresh shape of `indicator_set` reads from `values` by the walk, and by the reader compiled for it."""
    walking = facts_module._shape_of(indicator_set).__class__(indicator_set.facts, facts_module.convert_fact,
                                                            MAX_FACTS_DEPTH, facts_module.convert_number)
    compiled = facts_module._shape_of(indicator_set).__class__(indicator_set.facts, facts_module.convert_fact,
                                                             MAX_FACTS_DEPTH, facts_module.convert_number)
    walking.reads = -10**9  # never compiled
    compiled.reader = _compiled_reader(compiled.root, MAX_FACTS_DEPTH, compiled.value)
    return walking.read(values, lambda name: False), compiled.read(values, lambda name: False)


@settings(max_examples=300, deadline=None)
@given(mutated_document(json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))))
def test_the_compiled_reader_reads_what_the_walk_reads(mutated: tuple[Any, dict[str, str]]) -> None:
    """A set's documents are read by a reader written out for its declared facts once it has read GENERIC_READS of them:
    whatever the document, it takes and reads exactly what the walk does (or sends it the long way alike)."""
    document = _as_read(mutated[0])
    if isinstance(document, dict) and isinstance(document.get("facts"), dict):
        walked, compiled = _both_ways(_SMALL_SET, document["facts"])
        assert walked == compiled
        assert walked is None or list(walked) == list(compiled)  # in the order declared, either way


def test_the_compiled_reader_agrees_at_every_edge_and_on_national_projects() -> None:
    """Edge values of every kind the reader writes out (booleans, numbers in and out of bounds, empty lists, dates,
    judgements, findings), facts left out, keys too many, and 200 generated national projects: read alike both ways."""
    taken = 0
    for name, value in _edge_values():
        walked, compiled = _both_ways(_SMALL_SET, _set_fact(_SMALL_FACTS["facts"], name, value))
        assert walked == compiled, (name, value)
        taken += compiled is not None
    for name in ("budget.paid", "output.quality_rate", "survey.site_score", "decision.plan_match", "decision.goal_findings",
                 "output.planned_end"):
        for value in (Decimal("0"), Decimal("-0.00"), 0, -1, 10**15, Decimal("1E-16"), Decimal("101"), True, None, [], "",
                      Decimal("1.5"), Decimal("1.0000000000000000000000000001")):
            walked, compiled = _both_ways(_SMALL_SET, _set_fact(_SMALL_FACTS["facts"], name, value))
            assert walked == compiled, (name, value)
    for left_out in ("budget", "decision.no_overlap", "survey.neutral", "benefit.expert_scores"):
        document = deepcopy(_SMALL_FACTS["facts"])
        *path, last = left_out.split(".")
        inner = document
        for key in path:
            inner = inner[key]
        del inner[last]
        walked, compiled = _both_ways(_SMALL_SET, document)
        assert walked == compiled, left_out
    national = load_indicator_set("national-framework")
    rng = random.Random(11)
    for _ in range(200):
        document = national_facts(rng)["facts"]
        for key in list(document)[:1] if rng.random() < 0.3 else ():
            document = {**document, key: {**document[key], "extra": 1}} if isinstance(document[key], dict) else document
        walked, compiled = _both_ways(national, document)
        assert walked == compiled
        taken += compiled is not None
    assert taken >= 150


def test_the_reader_is_compiled_after_generic_reads_and_holds_no_text_of_the_set() -> None:
    """A command that scores one project does not pay to compile a reader; a batch gets it after GENERIC_READS documents.
    Fact names are read from a table, never written into the source: a name that looks like code is only a name."""
    odd = 'x"]) or __import__("os") or (["'  # (a dot would nest it)
    declared = {f"{odd}.a": FactSpec(f"{odd}.a", "number"), "b": FactSpec("b", "boolean")}
    shape = DeclaredShape(declared, facts_module.convert_fact, MAX_FACTS_DEPTH, facts_module.convert_number)
    document = {odd: {"a": 3}, "b": True}
    for _ in range(GENERIC_READS):
        assert {f"{odd}.a": Decimal(3), "b": True} == shape.read(document, lambda name: False)
    assert shape.reader is None
    assert {f"{odd}.a": Decimal(3), "b": True} == shape.read(document, lambda name: False)
    assert shape.reader is not None
    assert shape.read({odd: {"a": 3}, "b": True, "c": 1}, lambda name: False) is None


def test_the_copy_made_in_the_one_walk_is_the_document_and_shares_nothing_that_can_change() -> None:
    """score() keeps the facts it was given (QA98 F1), copied by the compiled reader as it reads them: the copy equals
    the document and holds none of its mappings or lists, on generated national projects."""
    national = load_indicator_set("national-framework")
    shape = facts_module._shape_of(national)
    rng = random.Random(11)
    documents = [national_facts(rng)["facts"] for _ in range(GENERIC_READS + 10)]
    for document in documents[:GENERIC_READS + 1]:
        shape.read(document, lambda name: False)  # compiled by now

    def containers(value: Any) -> list[int]:
        inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        return [id(value)] * isinstance(value, (dict, list)) + [i for item in inner for i in containers(item)]

    for document in documents[GENERIC_READS + 1:]:
        found, copy = shape.read_kept(document, lambda name: False)
        assert found is not None and copy == document
        assert not set(containers(copy)) & set(containers(document))


def _left_out(document: dict[str, Any], name: str) -> dict[str, Any] | None:
    """`document` without the fact `name` (None when it does not give it)."""
    copy = deepcopy(document)
    *path, last = name.split(".")
    inner = copy
    for key in path:
        inner = inner.get(key) if isinstance(inner, dict) else None
    if not isinstance(inner, dict) or last not in inner:
        return None
    del inner[last]
    return copy


def test_a_fact_left_out_reads_as_the_long_way_reads_it_by_the_walk_and_by_the_compiled_reader() -> None:
    """A fact a project leaves out takes its default, is absent when it has none, and a required one is named as missing
    (or excused by 不适用): each fact of the small and the national set left out in turn, and all the optional ones at
    once, read by the walk and by the compiled reader, with and without the copy score() keeps, give what the long way
    gives (the reader begins with the defaults and takes out what none was found for)."""
    national = load_indicator_set("national-framework")
    cases = [(_SMALL_SET, _SMALL_FACTS["facts"]), (national, national_facts(random.Random(3))["facts"])]
    compared = 0
    for indicator_set, document in cases:
        optional = [n for n, spec in indicator_set.facts.items() if not spec.required or spec.default is not None]
        readers = indicator_set.readers()
        # each fact left out, and again with the indicators that read it not applicable (a required one is excused)
        cases = [(left, excused) for name in indicator_set.facts if (left := _left_out(document, name)) is not None
                 for excused in (frozenset(), frozenset(readers.get(name, ())))]
        everything = document
        for name in optional:
            everything = _left_out(everything, name) or everything
        for values, excused in [*cases, (everything, frozenset())]:
            facts = Facts(values=values)
            with patch.object(facts_module, "_shape_of", lambda _set: _NeverShape()):
                expected = _checked_in(indicator_set, facts, excused)
            for reads in (0, 10**9):
                shape = DeclaredShape(indicator_set.facts, facts_module.convert_fact, MAX_FACTS_DEPTH,
                                      facts_module.convert_number, facts_module.copied)
                shape.reads = reads  # 0: walked; past GENERIC_READS: the compiled reader
                for keep in (False, True):
                    with patch.object(facts_module, "_shape_of", lambda _set, shape=shape: shape):
                        assert expected == _checked_in(indicator_set, facts, excused, keep), (reads, keep)
                    compared += 1
            assert shape.reader is not None
    assert compared > 4 * 80


def _checked_in(indicator_set: Any, facts: Facts, excused: frozenset[str], keep: bool = False) -> tuple[str, Any, list[str]]:
    try:
        values, warnings, _ = check_facts(indicator_set, facts, excused, keep)
    except FactsError as err:
        return "error", None, [str(p) for p in err.problems]
    return "ok", list(values.items()), [str(w) for w in warnings]
