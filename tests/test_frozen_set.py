"""A loaded IndicatorSet is read-only all through, as documented ("model.IndicatorSet (frozen …)"): a program that loads a
set once and shares it between requests or threads cannot change it, by its fields or by anything inside them.

QA153 F2: only the set's own fields and its facts refused changes. Its reason templates, a rule as written, a switch's
variants, a row group's rules, standards and comparisons, a tier's synonyms and the form's funds block were plain dicts:
a caller's change altered later totals while the set's sha256 stayed, gave results whose score contradicted their reason
(reasons are kept per leaf), or failed in scoring with a bare KeyError.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import json
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine._files import bundled_sets
from scoring_engine._frozen import ReadOnly, ReadOnlyList

SMALL = ROOT / "examples" / "small"
SETS = [*sorted(bundled_sets()), str(SMALL / "set.yaml"), str(ROOT / "examples" / "channel-restoration" / "set.yaml")]
_ATOMS = (str, int, float, Decimal, Fraction, bool, type(None), bytes)
_CHANGEABLE = (dict, list, set, bytearray)


def _public(value: Any) -> list[tuple[str, Any]]:
    """The public attributes of a record or a rule's parameters (a NamedTuple), as a caller reaches them."""
    if dataclasses.is_dataclass(value):
        return [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")]
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return [(name, getattr(value, name)) for name in value._fields if not name.startswith("_")]
    return [(name, item) for name, item in vars(value).items() if not name.startswith("_")] if hasattr(value, "__dict__") else []


def changeable_inside(value: Any, path: str = "set") -> list[str]:
    """The paths of every dict, list or set (not a read-only one) reachable from `value` through public attributes,
    mappings and sequences. A formula's ast tree is Python's own (scoring reads the closures compiled from it at load)."""
    found: list[str] = []
    seen: set[int] = set()
    pending = [(value, path)]
    while pending:
        item, where = pending.pop()
        if isinstance(item, (*_ATOMS, ast.AST)) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, _CHANGEABLE) and type(item) not in (ReadOnly, ReadOnlyList):
            found.append(f"{where}: {type(item).__name__}")
        if isinstance(item, dict) or (hasattr(item, "items") and hasattr(item, "keys")):
            pending += [(v, f"{where}[{k!r}]") for k, v in item.items()]
        elif isinstance(item, (list, set, frozenset)) or type(item) is tuple:
            pending += [(v, f"{where}[{i}]") for i, v in enumerate(item)]
        elif not callable(item) or dataclasses.is_dataclass(item):
            pending += [(v, f"{where}.{name}") for name, v in _public(item)]
    return found


@pytest.mark.parametrize("name", SETS, ids=lambda s: s.rsplit("/", 2)[-2] if "/" in s else s)
def test_nothing_reachable_from_a_loaded_set_can_be_changed(name):
    """Every bundled set and example: no dict, list or set that is not read-only is reachable through the set's public
    attributes (rules as written, their parameters, nested variants, row groups, reasons, the form's funds), nor through
    what its methods and cached properties hand out; a pickled copy is read-only too."""
    indicator_set = load_indicator_set(name)
    assert changeable_inside(indicator_set) == []
    handed = (indicator_set.readers(), indicator_set.row_groups, indicator_set.rounds)  # methods', cached properties'
    assert changeable_inside(handed, "handed") == []
    assert changeable_inside(pickle.loads(pickle.dumps(indicator_set))) == []


def test_the_walk_finds_a_plain_dict_or_list_anywhere_in_a_set():
    """The walk above would see a plain dict deep in a rule's parameters, and a list in a rule as written."""
    indicator_set = load_indicator_set(SMALL / "set.yaml")
    switch = indicator_set.indicator("process.funding").rule
    unfrozen = dataclasses.replace(switch, params=switch.params._replace(rules=dict(switch.params.rules)),
                                   spec={**switch.spec, "extra": [1]})
    assert sorted(changeable_inside(unfrozen, "rule")) == ["rule.params.rules: dict", "rule.spec: dict",
                                                           "rule.spec['extra']: list"]


@pytest.fixture(scope="module")
def small():
    return load_indicator_set(SMALL / "set.yaml")


def _facts(small) -> dict[str, Any]:
    facts = {f.name: f.value for f in score(small, load_facts(SMALL / "facts.json")).facts}
    facts["budget.arrived"] = Decimal(150)  # 资金到位率 75%: scored by the switch's variant 按比例
    return facts


def test_a_set_shared_between_requests_refuses_every_change_and_later_scores_stay(small):
    """QA153 F2 as reported: a switch's variant replaced by another made the next project's 资金到位率 0.00 beside a reason
    saying 3.75 (total 80.48 → 76.73, the set's sha256 unchanged), and a reason template edited failed scoring with a bare
    KeyError 'oops'. Each change is refused now with a TypeError saying the data is read-only; scores stay."""
    facts = _facts(small)
    before = score(small, facts)
    assert (before.total, before.indicator("process.funding").score) == (Decimal("80.48"), Decimal("3.75"))
    funding = small.indicator("process.funding").rule
    variants = funding.params[1]
    tiers = next(node.rule for node in small.walk() if node.rule is not None and node.rule.kind == "tiers")
    changes = [lambda: variants.__setitem__("按比例", variants["全额到位"]), lambda: small.reasons.__setitem__("parent", "{oops}"),
               lambda: funding.spec.__setitem__("by", "x"), lambda: funding.spec["rules"]["分档"]["bands"][0].update(points=0),
               small.form.funds.clear, lambda: small.readers()["budget.total"].append("x"),
               lambda: tiers.params.synonyms.__setitem__("完成", "未达成且效果较差")]
    rows = load_indicator_set("cost-type-self-evaluation").row_groups[0].rows
    changes += [rows.rules.clear, lambda: rows.comparisons.pop("≥"), lambda: rows.standards.update(x="y")]
    for change in changes:
        with pytest.raises(TypeError, match="read-only"):
            change()
    after = score(small, facts)
    assert after.to_json() == before.to_json()
    assert after.indicator_set.sha256 == small.sha256


def test_a_loaded_set_pickles_and_copies_to_an_equal_read_only_set_that_scores_the_same(small):
    """Sets are documented picklable (score_many sends one to its workers): a set read-only all through still crosses,
    equal, read-only, and scoring the same; a rule as written writes as JSON as before."""
    facts = _facts(small)
    for again in (pickle.loads(pickle.dumps(small)), copy.deepcopy(small)):
        assert again == small
        assert score(again, facts).to_json() == score(small, facts).to_json()
        with pytest.raises(TypeError, match="read-only"):
            again.indicator("process.funding").rule.params.rules.clear()
    assert json.loads(json.dumps(small.indicator("process.funding").rule.spec, default=str))["by"] == "budget.funding_method"
