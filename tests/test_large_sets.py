"""A set the size of a province-wide evaluation (500 indicators, about 19,000 values) loads and scores; the bounds still hold."""

from __future__ import annotations

import random
import sys
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scoring_engine import IndicatorSetError, parse_indicator_set, score
from scoring_engine._yaml import MAX_YAML_NODES, _most_values

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import large_facts, large_set


def _values(text: str) -> int:
    return sum(isinstance(e, yaml.NodeEvent) for e in yaml.parse(text, Loader=yaml.CSafeLoader))


@pytest.fixture(scope="module")
def large() -> str:
    return large_set(500)


def test_a_500_indicator_set_loads_and_scores(large: str) -> None:
    """The generated set, with a standard for each indicator and labels for its 2,000 facts, loads and scores a project."""
    assert 18_000 < _values(large) < MAX_YAML_NODES
    indicator_set = parse_indicator_set(large, "large.yaml")
    assert 500 == sum(1 for node in indicator_set.walk() if node.is_leaf)
    result = score(indicator_set, large_facts(large, random.Random(1))["facts"])
    assert sum((r.score for r in result.indicators), Decimal(0)) == result.total
    assert 0 < result.total <= 1000


def test_a_1000_indicator_set_of_over_half_a_megabyte_loads_from_its_file(tmp_path) -> None:
    """QA221 9: the generator's province-wide set was refused from 900 indicators (508 KB, MAX_YAML_BYTES 500,000) with
    no fix to offer, a profile counting with its base; 1,000 indicators (565 KB) load from the file."""
    from scoring_engine import load_indicator_set

    path = tmp_path / "province.yaml"
    path.write_text(large_set(1000), encoding="utf-8")
    assert path.stat().st_size > 550_000
    assert 1000 == sum(1 for node in load_indicator_set(path).walk() if node.is_leaf)


def test_a_set_file_past_its_byte_limit_is_told_the_sets_limit_not_the_facts(tmp_path) -> None:
    """QA222 2: with MAX_YAML_BYTES and MAX_FACTS_BYTES both 1,000,000, a set file past it was told the facts' limit
    (上限是 1000000（MAX_FACTS_BYTES）); a set, a case file and a facts file are each told their own."""
    from scoring_engine import FactsError, load_facts, load_indicator_set
    from scoring_engine._yaml import MAX_YAML_BYTES

    path = tmp_path / "province.yaml"
    path.write_text(large_set(500) + "#" * MAX_YAML_BYTES, encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    assert "(MAX_YAML_BYTES)" in caught.value.problems[0].message
    facts = tmp_path / "facts.json"
    facts.write_text("{" + " " * MAX_YAML_BYTES + "}", encoding="utf-8")
    with pytest.raises(FactsError) as refused:
        load_facts(facts)
    assert "(MAX_FACTS_BYTES)" in refused.value.problems[0].message


def test_one_value_past_the_bound_is_still_refused(large: str) -> None:
    """MAX_YAML_NODES is a bound: a file with one value more than it allows is refused, naming it."""
    room = MAX_YAML_NODES - _values(large) - 2  # the key description and its list are two values
    filled = large + "description: [" + ", ".join(["1"] * room) + "]\n"
    with pytest.raises(IndicatorSetError) as err:
        parse_indicator_set(filled.replace("[1", "[1, 1", 1), "too_many.yaml")
    assert any("MAX_YAML_NODES" in p.message for p in err.value.problems)


_DATA = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=4),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
                     max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_DATA, st.sampled_from([True, False, None]), st.integers(1, 80))
def test_the_count_that_decides_on_the_survey_never_falls_short(data: object, flow: bool | None, width: int) -> None:
    """_most_values(text) is at least the number of values in text, whatever its layout, so no file skips the survey it needs."""
    text = yaml.safe_dump(data, default_flow_style=flow, width=width, allow_unicode=True)
    assert _most_values(text) >= _values(text)


def test_the_count_holds_for_every_file_of_the_repository() -> None:
    """The bundled sets, examples, case files and the bad and hostile sets: no file holds more values than the count."""
    for path in (p for folder in ("indicator_sets", "examples", "tests") for p in (ROOT / folder).rglob("*.yaml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            found = _values(text)
        except (yaml.YAMLError, UnicodeError):
            continue
        assert _most_values(text) >= found, path


def test_loading_holds_off_the_garbage_collector_and_leaves_it_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """A set is read with Python's cyclic collector paused (it would walk the set's objects again and again), and the
    collector is left as the caller had it: running after a set loads or fails to load, off if the caller turned it off."""
    import gc

    from scoring_engine import _yaml

    seen: list[bool] = []
    real = _yaml.load
    monkeypatch.setattr(_yaml, "load", lambda *args: seen.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    parse_indicator_set((ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8"))
    assert gc.isenabled()
    with pytest.raises(IndicatorSetError):
        parse_indicator_set("id: x\n")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_indicator_set((ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8"))
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert [False, False, False] == seen
