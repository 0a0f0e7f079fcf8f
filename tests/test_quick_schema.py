"""The quick schema check says a document fits exactly when jsonschema says it is valid (jsonschema then finds the errors)."""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scoring_engine import _yaml
from scoring_engine._quick_schema import _Compiler, fits
from scoring_engine._schema import validator

SCHEMAS = ("indicator-set.schema.json", "facts.schema.json")
YAML_FILES = sorted(p for folder in ("indicator_sets", "examples", "tests") for p in (ROOT / folder).rglob("*.yaml"))


def _readable(path: Path) -> Any:
    try:
        return _yaml.load(path.read_text(encoding="utf-8"), path.name).data
    except (_yaml.YamlError, UnicodeDecodeError):
        return None


DOCUMENTS = [(p.relative_to(ROOT).as_posix(), data) for p in YAML_FILES if (data := _readable(p)) is not None]


def _agree(schema: str, document: Any) -> None:
    assert validator(schema).is_valid(document) == fits(schema, document)


def test_the_files_of_the_repository_give_the_same_answer() -> None:
    """Every YAML file here (bundled sets, examples, the bad and hostile sets, case files), against both schemas: the same verdict."""
    assert len(DOCUMENTS) > 80
    for _name, document in DOCUMENTS:
        for schema in SCHEMAS:
            _agree(schema, document)


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.text(max_size=6),
                     st.sampled_from(["bands", "checklist", "formula", "switch", "percent", "row", "a.b", "Bad Key", ""]),
                     st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-5, max_value=5),
                     st.just(datetime.date(2024, 1, 1)))
_VALUES = st.recursive(_SCALARS,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                       max_leaves=6)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


@st.composite
def _mutated(draw: st.DrawFn) -> Any:
    """A document of the repository with a few values replaced, removed or added anywhere inside it."""
    _, document = draw(st.sampled_from(DOCUMENTS))
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_VALUES)
        elif action == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(_VALUES)
        else:
            parent.append(draw(_VALUES))
    return document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(), st.sampled_from(SCHEMAS))
def test_mutated_documents_give_the_same_answer(document: Any, schema: str) -> None:
    """A set or facts document changed anywhere gets the same verdict from the quick check as from jsonschema."""
    _agree(schema, document)


@pytest.mark.parametrize("value", [True, False, 1, 0, Decimal("1.5"), 1.0, "1", None, [], {}])
def test_booleans_and_numbers_keep_their_types(value: Any) -> None:
    """true is not 1 and a Decimal is a number but not an integer, as jsonschema has it (precision, weight, enum)."""
    for field in ("precision", "total", "not_applicable", "version"):
        _agree("indicator-set.schema.json", {"id": "a", "name": "n", "version": "1", "grades": [], "indicators": [],
                                             field: value})



# Parameters by kind, as the set schema checks a rule's, without the enum and `required` that would hide what the if/then
# decide for an object of another kind, of none, or that is no object.
_BY_KIND = {"$schema": "https://json-schema.org/draft/2020-12/schema", "allOf": [
    {"if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]},
     "then": {"required": ["x"], "properties": {"x": {"type": "integer"}}}},
    {"if": {"properties": {"kind": {"const": "b"}}, "required": ["kind"]},
     "then": {"additionalProperties": False, "properties": {"kind": True, "y": {"type": "string"}}}},
    {"if": {"properties": {"kind": {"const": "c"}}, "required": ["kind"]}, "then": {"type": "object"}}]}


@pytest.mark.parametrize("document", [
    {"kind": "a", "x": 1}, {"kind": "a"}, {"kind": "a", "x": "1"}, {"kind": "b"}, {"kind": "b", "y": "t"},
    {"kind": "b", "x": 1}, {"kind": "c"}, {"kind": "d"}, {"kind": ""}, {"kind": 1}, {"kind": None}, {"kind": ["a"]},
    {"kind": {"a": 1}}, {"kind": True}, {}, {"x": "1"}, [], "a", 1, None, ["kind", "a"]])
def test_an_allof_of_ifs_on_one_kind_is_decided_as_jsonschema_decides_it(document: Any) -> None:
    """The quick check finds the `then` of an object's kind at once (a rule's parameters by its kind): an object of each
    kind, of another kind, of none, of a kind that is no text, and what is no object get jsonschema's verdict."""
    import jsonschema

    assert jsonschema.Draft202012Validator(_BY_KIND).is_valid(document) == _Compiler(_BY_KIND).compile(_BY_KIND)(document)
