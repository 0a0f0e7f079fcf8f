"""docs/limits.md states every input limit with the value the code uses."""

from __future__ import annotations

import re
from decimal import Decimal

from conftest import ROOT
from scoring_engine import _yaml, facts, formulas, loader, rules

MODULES = (formulas, _yaml, loader, facts, rules)


def _documented() -> dict[str, Decimal]:
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    return {name: Decimal(value) for name, value in re.findall(r"^\| `(MAX_\w+)` \| ([\d.e]+) \|", text, re.M)}


def _in_code() -> dict[str, Decimal]:
    found = {}
    for module in MODULES:
        for name in dir(module):
            value = getattr(module, name)
            if name.startswith("MAX_") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                found[name] = Decimal(value)
    return found


def test_every_limit_is_documented_with_its_value() -> None:
    """Each MAX_ constant of the formula, YAML, facts and rule modules has a row in docs/limits.md giving its value."""
    assert _in_code() == _documented()


def test_the_yaml_number_bound_is_the_fact_bound() -> None:
    """Numbers in a YAML file and numbers in a facts file share one bound, so a set can describe any fact it may receive."""
    assert facts.MAX_FACT_MAGNITUDE == _yaml.MAX_YAML_NUMBER
