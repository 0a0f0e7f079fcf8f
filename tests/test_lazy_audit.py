"""The audit trail a Result builds on first read is the one it always had: the same document, immutable, one for every thread."""

from __future__ import annotations

import dataclasses
import pickle
import random
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any
from unittest.mock import patch

import pytest

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import Facts, Result, load_facts, load_indicator_set, score
from scoring_engine import _json
from scoring_engine.errors import ScoringEngineError
from scoring_engine.audit import leaf_key
from scoring_engine.batch.rows import ProjectRow, SetShape, project_row
from scoring_engine.cases import _facts_for, find_case_files, load_cases
from scoring_engine.formulas import Finding
from scoring_engine.plan import SharedTable, plan_for

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import national_facts


def _reference(result: Result) -> str:
    """The document as it was written before to_json had a writer of its own: to_dict, then the generic writer."""
    return _json.dumps(result.to_dict()) + "\n"


def _one_line(result: Result) -> str:
    """The compact document as it was written before (a .jsonl line's result): to_dict, then the generic writer."""
    return _json.dumps(result.to_dict(), indent=None)


def test_to_json_is_to_dict_written_out_for_every_bundled_case() -> None:
    """Every case of every bundled set and example that scores gives the same bytes from to_json as from to_dict."""
    compared = 0
    for file in find_case_files([str(ROOT / "indicator_sets"), str(ROOT / "examples")]):
        for case in load_cases(file):
            indicator_set = load_indicator_set(case.set_file)
            try:
                result = score(indicator_set, _facts_for(case, indicator_set))
            except Exception:
                continue
            written = result.to_json()  # from the audit trail, before anything read it
            assert _reference(result) == written == result.to_json()  # and from the results it built
            assert _one_line(result) == result.to_json(compact=True)
            compared += 1
    assert compared > 50


def test_to_json_is_to_dict_written_out_for_varied_projects() -> None:
    """Three hundred generated projects (rescaled weights, clamped and missing values, warnings) give the same bytes,
    written straight from the audit trail (to_json first) and from the results it built (to_json after to_dict),
    indented and on one line (compact, first for half of them)."""
    indicator_set = load_indicator_set("national-framework")
    rng = random.Random(5)
    for number in range(300):
        document = national_facts(rng)
        facts = Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}),
                      project=document["project"])
        result = score(indicator_set, facts)
        if number % 2:
            line = result.to_json(compact=True)
            assert _reference(result) == result.to_json() and _one_line(result) == line == result.to_json(compact=True)
        else:
            written = result.to_json()
            assert _reference(result) == written == result.to_json() and _one_line(result) == result.to_json(compact=True)


def test_a_result_changed_by_the_caller_is_written_as_changed() -> None:
    """A result rebuilt with other indicators, project or facts is written from what it holds, not from the set's cache."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    top = result.indicators[0]
    changed = dataclasses.replace(result, project={"name": "另一个项目", 1: "键不是文本"},
                                  indicators=(dataclasses.replace(top, name="改过的名称", rule={"kind": "x"}), *result.indicators[1:]))
    assert _reference(changed) == changed.to_json() and _one_line(changed) == changed.to_json(compact=True)
    assert '"name": "改过的名称"' in changed.to_json()


def test_the_audit_trail_is_built_once_and_shared_by_every_thread() -> None:
    """Forty threads reading a fresh result's indicators at once all get the very same tuple."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    start = threading.Barrier(8)

    def read(_: int) -> int:
        start.wait() if _ < 8 else None
        return id(result.indicators)

    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = set(pool.map(read, range(40)))
    assert {id(result.indicators)} == seen


def test_a_result_stays_immutable() -> None:
    """Neither a field given now nor one built on first read can be replaced in place."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    for name in ("total", "indicators", "facts", "facts_sha256"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, name, None)


def test_a_result_pickles_as_plain_data() -> None:
    """A result sent to another process carries its whole audit trail and writes the same document there."""
    result = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    again = pickle.loads(pickle.dumps(result))
    assert result == again
    assert result.to_json() == again.to_json()


def test_a_pickled_set_scores_the_same() -> None:
    """An indicator set sent to another process (its plan left behind and compiled there) gives the same document."""
    indicator_set = load_indicator_set("national-framework")
    facts = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    copied = pickle.loads(pickle.dumps(indicator_set))
    assert indicator_set == copied
    assert score(indicator_set, facts).to_json() == score(copied, facts).to_json()


def _documents(indicator_set: object, seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        document = national_facts(rng)
        result = score(indicator_set, Facts(values=document["facts"],  # type: ignore[arg-type]
                                            not_applicable=document.get("not_applicable", {}), project=document["project"]))
        found.append(result.to_json())
    return found


def test_what_results_of_a_set_share_changes_no_document() -> None:
    """A leaf's reason, deductions and text are kept with the set for the next project that gives the same values at the
    same weight, and a parent's own text for the next with the same weight and score: four hundred varied projects,
    scored with those tables at work and with them kept empty, give the same bytes, and the tables did work."""
    shared = load_indicator_set("national-framework")
    with_tables = _documents(shared, 11, 400)
    plan = shared._compiled["plan"]
    assert len(plan.leaf_parts) and len(plan.leaf_texts) and len(plan.parent_texts)
    with patch.object(SharedTable, "put", lambda table, key, value: None):
        alone = load_indicator_set("national-framework")
        without = _documents(alone, 11, 400)
        assert not len(alone._compiled["plan"].leaf_parts)
    assert with_tables == without


def test_a_parent_marked_not_applicable_for_another_reason_is_written_with_its_own() -> None:
    """Two projects mark the same 二级指标 not applicable for different reasons (its weight and score are then the same):
    each document shows its own reason, as with nothing kept."""
    indicator_set = load_indicator_set("national-framework")
    first = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    marked = [dataclasses.replace(first, not_applicable={"output.quality": reason}) for reason in ("本年度无质量指标", "已并入数量指标")]
    texts = [score(indicator_set, facts).to_json() for facts in marked]
    assert "本年度无质量指标" in texts[0] and "已并入数量指标" in texts[1]
    with patch.object(SharedTable, "put", lambda table, key, value: None):
        assert texts == [score(load_indicator_set("national-framework"), facts).to_json() for facts in marked]


def test_a_number_written_otherwise_is_never_taken_for_a_kept_one() -> None:
    """186.4 and 186.40 are equal, but the audit shows each as written: the second project's leaf is not the first's."""
    indicator_set = load_indicator_set(EXAMPLE_SET)
    first = load_facts(EXAMPLE_FACTS)
    values = {**first.values, "output": {**first.values["output"], "cost_actual": Decimal("186.40")}}
    second = dataclasses.replace(first, values=values)
    texts = [score(indicator_set, facts).to_json() for facts in (first, second, first)]
    written = r'"output\.cost_actual": 186\.4{}[,\n]'
    assert re.search(written.format(""), texts[0]) and re.search(written.format("0"), texts[1])
    assert not re.search(written.format("0"), texts[0])
    assert texts[0] == texts[2]
    with patch.object(SharedTable, "put", lambda table, key, value: None):
        assert texts[1] == score(load_indicator_set(EXAMPLE_SET), second).to_json()


def test_a_leaf_that_read_a_long_value_is_not_shared() -> None:
    """What a plan keeps stays small whatever the facts hold: a value longer than MAX_SHARED_TEXT as text gives no key;
    equal values as written give equal keys, and a number written otherwise or a text for a number another."""
    findings = tuple(Finding("问题" * 20) for _ in range(50))
    assert leaf_key("x", Decimal(5), {"f": findings}) is None
    assert leaf_key("x", Decimal(5), {"f": findings[:2]}) == leaf_key("x", Decimal(5), {"f": findings[:2]})
    assert leaf_key("x", Decimal(5), {"a": Decimal("1.0")}) != leaf_key("x", Decimal(5), {"a": Decimal("1.00")})
    assert leaf_key("x", Decimal(5), {"a": Decimal("1")}) != leaf_key("x", Decimal(5), {"a": "1"})
    assert leaf_key("x", Decimal("5.0"), {}) != leaf_key("x", Decimal(5), {})


def test_a_shared_table_keeps_what_is_read_and_never_grows_past_its_size() -> None:
    """When the table is full, the entry read least recently goes: values most projects give stay, the rest come and go."""
    table = SharedTable(3)
    for key in "abc":
        table.put(key, key.upper())
    assert table.get("a") == "A"  # read: now the most recent
    table.put("d", "D")
    assert len(table) == 3 and table.get("b") is None
    assert [table.get(k) for k in "acd"] == ["A", "C", "D"]


def test_threads_sharing_a_set_write_what_one_thread_writes() -> None:
    """Several threads scoring and writing the same projects with one set, its shared tables filling and letting entries
    go under them (a table of 8 entries here), write the documents one thread writes with tables of its own."""
    rng = random.Random(13)
    documents = [national_facts(rng) for _ in range(60)]
    facts = [Facts(values=d["facts"], not_applicable=d.get("not_applicable", {}), project=d["project"]) for d in documents]
    alone = load_indicator_set("national-framework")
    expected = [score(alone, f).to_json() for f in facts]
    shared = load_indicator_set("national-framework")
    plan = plan_for(shared)
    plan.leaf_parts, plan.leaf_texts, plan.parent_texts = SharedTable(8), SharedTable(8), SharedTable(8)
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(lambda f: score(shared, f).to_json(), facts)) == expected


def _rows_both_ways(indicator_set: Any, facts: Facts) -> tuple[ProjectRow, ProjectRow]:
    shape = SetShape.of(indicator_set)
    fresh, read = score(indicator_set, facts), score(indicator_set, facts)
    read.indicators, read.facts, read.derived  # noqa: B018 - made now: the row is then taken from them
    return project_row(0, "p.json", fresh, shape), project_row(0, "p.json", read, shape)


def test_a_batch_row_from_the_audit_trail_is_the_row_from_the_results() -> None:
    """A batch row (每个指标的得分、权重和理由, the 预算执行率 and the budget it reads) is read straight from the audit
    trail and the values scored while the result has not made its indicator results and facts section: for every
    bundled case (target rows, 不适用, rescaled weights, staged rounding, 结果应用 with a budget) and for varied
    national projects, the row is the one the made results give."""
    compared = 0
    for file in find_case_files([str(ROOT / "indicator_sets"), str(ROOT / "examples")]):
        for case in load_cases(file):
            indicator_set = load_indicator_set(case.set_file)
            try:
                from_trail, from_results = _rows_both_ways(indicator_set, _facts_for(case, indicator_set))
            except ScoringEngineError:
                continue
            assert from_trail == from_results
            compared += 1
    assert compared > 50
    national = load_indicator_set("national-framework")
    rng = random.Random(8)
    for _ in range(200):
        document = national_facts(rng)
        facts = Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}), project=document["project"])
        from_trail, from_results = _rows_both_ways(national, facts)
        assert from_trail == from_results
