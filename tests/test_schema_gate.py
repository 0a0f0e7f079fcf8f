"""The JSON Schema gate of sets and facts files: worded for policy editors, checked with validators built once."""

from __future__ import annotations

from conftest import EXAMPLE_FACTS, EXAMPLE_SET
from scoring_engine import load_facts, load_indicator_set
from scoring_engine._schema import validator


def test_validators_are_built_once_per_process() -> None:
    """Loading many sets and facts files reuses one validator per schema instead of building one per file."""
    first_set, first_facts = validator("indicator-set.schema.json"), validator("facts.schema.json")
    built = validator.cache_info().misses
    for _ in range(3):
        load_indicator_set(EXAMPLE_SET)
        load_facts(EXAMPLE_FACTS)
    assert built == validator.cache_info().misses
    assert first_set is validator("indicator-set.schema.json") and first_facts is validator("facts.schema.json")
