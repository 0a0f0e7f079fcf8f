"""The Python API other tools embed: exports, plain-mapping facts, determinism, threads."""

from __future__ import annotations

import decimal
import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import jsonschema

import scoring_engine
from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import Facts, load_facts, load_indicator_set, parse_indicator_set, score

RESULT_SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))


def test_public_api_is_exported_with_all():
    """Everything in __all__ exists, and the three entry points are among it."""
    for name in scoring_engine.__all__:
        assert hasattr(scoring_engine, name)
    assert {"load_indicator_set", "score", "Result", "Explanation", "UnknownIndicatorError"} <= set(scoring_engine.__all__)


def test_public_docstrings_name_no_review_ids():
    """QA228 7: help() on the public API showed review ids (QA153 F2) that mean nothing to a user; every name in
    __all__, and each public method and property of the classes among them, says its behaviour without them."""
    import inspect
    import re
    from functools import cached_property

    docs: dict[str, str] = {}
    for name in scoring_engine.__all__:
        exported = getattr(scoring_engine, name)
        docs[name] = inspect.getdoc(exported) or ""
        members = vars(exported).items() if inspect.isclass(exported) else ()
        for member, value in ((m, v) for m, v in members if not m.startswith("_")):
            if isinstance(value, (property, cached_property, staticmethod, classmethod)) or inspect.isfunction(value):
                target = value.fget if isinstance(value, property) else getattr(value, "func", getattr(value, "__func__", value))
                docs[f"{name}.{member}"] = inspect.getdoc(target) or ""
    assert len(docs) > 50
    assert [] == [name for name, doc in docs.items() if re.search(r"\bQA\d", doc)]

def test_example_scores_as_documented():
    """The bundled example scores 79.73 and 中, with the failed cross-check as a warning."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    assert Decimal("79.73") == result.total
    assert "中" == result.grade
    assert ["check"] == [w.kind for w in result.warnings]
    assert Decimal("8.00") == result.indicator("process.execution").score


def test_to_dict_validates_against_the_result_schema():
    """Result.to_json() is a document the result schema accepts, with the provenance filled in."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    document = json.loads(result.to_json())
    jsonschema.Draft202012Validator(RESULT_SCHEMA).validate(document)
    assert "example-small" == document["indicator_set"]["id"]
    assert 64 == len(document["facts"]["sha256"])
    assert scoring_engine.__version__ == document["engine"]["version"]


def test_breakdown_records_inputs_values_in_between_and_deductions():
    """An indicator's entry shows the facts it read, the matched band, and each deduction's reason."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS)).to_dict()
    process = result["indicators"][1]["children"]
    execution, compliance = process[1], process[2]
    assert Decimal("0.932") == execution["inputs"]["execution_rate"]
    assert Decimal("0.9") == execution["details"]["band"]["min"]
    assert "bands" == execution["kind"] and execution["standard"].startswith("执行率≥95%")
    assert ["2笔支出未附发票", "1笔支出超范围列支"] == [d["reason"] for d in compliance["deductions"]]


def test_facts_can_be_a_plain_mapping_of_dotted_names():
    """score() takes a dict of fact values as readily as a Facts object, with the same result."""
    indicator_set = load_indicator_set(EXAMPLE_SET)
    facts = load_facts(EXAMPLE_FACTS)
    from_mapping = score(indicator_set, dict(facts.values))
    assert score(indicator_set, Facts(values=facts.values)).to_json() == from_mapping.to_json()


def test_floats_from_python_are_read_by_their_shortest_text():
    """A float fact 0.1 is the decimal 0.1, not 0.1000000000000000055…"""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    indicator_set = parse_indicator_set(text)
    facts = dict(load_facts(EXAMPLE_FACTS).values)
    facts["output"] = dict(facts["output"], quality_rate=0.965)
    assert Decimal("8.25") == score(indicator_set, facts).indicator("output.quality").score


def test_scoring_ignores_the_callers_decimal_context():
    """A caller's decimal precision or rounding never changes a score."""
    indicator_set, facts = load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS)
    expected = score(indicator_set, facts).to_json()
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert expected == score(indicator_set, facts).to_json()


def test_score_is_safe_from_several_threads():
    """Forty concurrent scorings of different facts give what one thread gives for each."""
    indicator_set = load_indicator_set(EXAMPLE_SET)
    base = load_facts(EXAMPLE_FACTS).values

    def facts_for(i: int) -> dict:
        return {**base, "budget": dict(base["budget"], paid=Decimal(150 + i))}

    expected = [score(indicator_set, facts_for(i)).to_json() for i in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda i: score(indicator_set, facts_for(i)).to_json(), range(40)))
    assert expected == got
    assert len(set(got)) > 1  # the facts really differ


def test_load_indicator_set_accepts_a_path_object_and_records_its_hash():
    """The set's sha256 is the hash of its file, so a report names exactly which text scored it."""
    import hashlib

    indicator_set = load_indicator_set(EXAMPLE_SET)
    assert hashlib.sha256(EXAMPLE_SET.read_bytes()).hexdigest() == indicator_set.sha256


def test_the_provenance_hashes_are_rebuilt_by_the_recipe_the_docs_give():
    """An auditor could not rebuild the facts sha256 (its decimals are tagged) nor a profile's from docs that said only
    'canonical JSON': reports.md, Provenance, now gives the recipe, and this is it."""
    import hashlib
    import json
    from decimal import Decimal


    def tagged(value):
        return {"$decimal": "0" if value.is_zero() else format(value, "f")}

    for path in (EXAMPLE_FACTS, ROOT / "indicator_sets" / "national-framework.facts.json"):
        written = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        document = {key: written[key] for key in ("indicator_set", "project", "facts", "not_applicable") if key in written}
        canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=tagged)
        assert hashlib.sha256(canonical.encode()).hexdigest() == load_facts(path).sha256
    profile = ROOT / "indicator_sets" / "hubei-self-evaluation.yaml"
    base = ROOT / "indicator_sets" / "self-evaluation.yaml"
    own, below = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (profile, base))
    assert hashlib.sha256(f"{own}\n{below}".encode()).hexdigest() == load_indicator_set(profile).sha256
