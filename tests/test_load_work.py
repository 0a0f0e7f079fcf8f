"""Work that grows with a set's or a project's size, counted rather than timed.

QA221 4: a string fact with 45,000 `values:` and no default took 43 s to load, each value's check scanning every value.
QA221 7: 14,000 target rows with ids spent 4.1 s finding the ids given twice, each id counted over all of them.
What is said stays the same; the comparisons made are counted, and grow with the size, not with its square.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from scoring_engine import load_indicator_set, parse_indicator_set
from scoring_engine._build import sections
from scoring_engine._row_fit import row_problems
from scoring_engine.judgements import TargetRow
from scoring_engine.loader import resolve_set


class _Looked(tuple):  # type: ignore[type-arg]
    """A fact's values, counting how often they are searched."""

    searched = 0

    def __contains__(self, item: object) -> bool:
        _Looked.searched += 1
        return super().__contains__(item)


def _searches(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    real = sections.FactSpec

    def spec(**fields: Any) -> Any:
        if fields.get("values") is not None:
            fields["values"] = _Looked(fields["values"])
        return real(**fields)

    _Looked.searched = 0
    with monkeypatch.context() as patch:
        patch.setattr(sections, "FactSpec", spec)
        parse_indicator_set(text, "values.yaml")
    return _Looked.searched


_HEAD = "id: v\nname: 值\nversion: '1'\ntotal: 10\ngrades:\n  - {label: 合格, min: 0}\nfacts:\n  a: {type: number}\n"
_INDICATOR = "indicators:\n  - {id: x0, name: 指标, weight: 10, standard: 标准, rule: {kind: proportional, value: a, target: 10}}\n"


def _string_fact_set(values: int, default: str = "") -> str:
    listed = ", ".join(f"值{i}" for i in range(values))
    return (_HEAD + f"  s: {{type: string, values: [{listed}]{default}}}\n"
            + _INDICATOR)


def test_a_string_fact_with_many_values_and_no_default_is_loaded_without_scanning_them_once_per_value(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A string fact of 2,000 values and no default loads searching its values at most once, one with a default a few times (it searched them once per
    value: 2,000 scans of 2,000, which at 45,000 values was 43 s)."""
    assert _searches(monkeypatch, _string_fact_set(2_000)) <= 1
    assert _searches(monkeypatch, _string_fact_set(2_000, ", default: 值7")) <= 3  # and once to check the default


def test_a_fused_value_beside_its_default_is_still_said() -> None:
    """[甲，乙] with default 甲: the full-width comma is still said to make the two one value; no default, nothing is said."""
    text = (_HEAD + "  s: {type: string, values: [甲，乙], default: 甲}\n"
            + _INDICATOR)
    with pytest.raises(Exception) as err:
        parse_indicator_set(text, "fused.yaml")
    assert "full-width comma" in str(err.value)
    parse_indicator_set(_string_fact_set(3).replace("值1", "值1，值2"), "plain.yaml")


class _Id(str):
    """A row id, counting how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Id.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_ids_given_twice_among_many_rows_are_found_comparing_each_id_a_few_times() -> None:
    """4,000 output rows, r3 given twice and r7 three times: each is said once, in order, with a few comparisons per row (each id
    was counted over all the others: 16 million comparisons, 4.1 s at 14,000 rows)."""
    indicator_set = load_indicator_set(resolve_set("self-evaluation"))
    group = next(node.rows for node in indicator_set.row_groups if node.rows and node.rows.fact == "targets.output")
    assert group is not None
    ids = [f"r{i}" for i in range(4_000)] + ["r7", "r3", "r7"]
    rows = tuple(TargetRow(name="n", type="quantitative", id=_Id(i), target=Decimal(10), actual=Decimal(9)) for i in ids)
    _Id.compared = 0
    said = [message for fact, message, _ in row_problems(indicator_set, {"targets.output": rows})
            if fact == "targets.output" and "row id" in message]
    assert said == ["row id r3 is used twice", "row id r7 is used twice"]
    assert _Id.compared < 4 * len(ids), _Id.compared
