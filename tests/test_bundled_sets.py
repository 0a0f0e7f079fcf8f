"""The bundled indicator sets: valid, named by their file, listed, covered by their cases, usable from anywhere."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import bundled_sets, load_indicator_set
from scoring_engine.cases import _facts_for, load_cases
from scoring_engine.cli import main
from scoring_engine.engine import score
from scoring_engine.errors import ScoringEngineError
from scoring_engine.model import IndicatorSet, Rule
from scoring_engine.result import Result

BUNDLED = bundled_sets()
EXPECTED = {"national-framework", "self-evaluation", "sichuan-self-evaluation",
            "hubei-self-evaluation", "henan-special-bond", "henan-special-bond-operation", "cost-type-self-evaluation"}


def _cases_file(set_id: str) -> Path:
    return BUNDLED[set_id].with_name(f"{set_id}.cases.yaml")


@cache
def _scored(set_id: str) -> tuple[IndicatorSet, tuple[Result, ...]]:
    """The set and the result of every case of its case file that scores (cases expecting an error are left out)."""
    indicator_set = load_indicator_set(BUNDLED[set_id])
    results = []
    for case in load_cases(_cases_file(set_id)):
        try:
            results.append(score(indicator_set, _facts_for(case, indicator_set)))
        except ScoringEngineError:
            assert case.expect.error is not None, f"case {case.name} fails to score"
    return indicator_set, tuple(results)


def _rules(indicator_set: IndicatorSet) -> Iterator[tuple[str, Rule]]:
    """(indicator id, rule) for every rule of the set, row-group rules included (as GROUP[type])."""
    for node in indicator_set.walk():
        if node.rule is not None:
            yield node.id, node.rule
        if node.rows is not None:
            for kind, rule in node.rows.rules.items():
                yield f"{node.id}[{kind}]", rule


def _switches(rule: Rule) -> Iterator[Rule]:
    if rule.kind == "switch":
        yield rule
        for variant in rule.params.rules.values():
            yield from _switches(variant)


def test_the_expected_sets_are_bundled():
    """The package ships the national framework, the self-evaluation sets (national and Sichuan-style form) and the
    provincial and programme profiles of self-evaluation, and nothing else by accident."""
    assert EXPECTED == set(BUNDLED)


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_bundled_set_is_valid_and_named_by_its_file(set_id: str):
    """Each bundled set loads without a problem, and its id is its file name (so --set ID finds it)."""
    assert set_id == load_indicator_set(BUNDLED[set_id]).id
    assert BUNDLED[set_id].name == f"{set_id}.yaml"


def test_validate_accepts_every_bundled_set_by_id():
    """`scoring-engine validate ID...` says ok for each bundled set."""
    result = CliRunner().invoke(main, ["validate", *sorted(BUNDLED)])
    assert 0 == result.exit_code, result.output
    assert len(BUNDLED) == result.output.count(": ok")


def test_sets_lists_every_bundled_set():
    """`scoring-engine sets` prints one line per bundled set: both sets, with version and name."""
    result = CliRunner().invoke(main, ["sets"])
    assert 0 == result.exit_code
    listed = [line.split("\t")[0] for line in result.output.splitlines()]
    assert sorted(BUNDLED) == sorted(listed)
    assert EXPECTED <= set(listed)


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_every_indicator_of_a_bundled_set_is_checked_by_a_case(set_id: str):
    """Each indicator the set declares has its score checked by at least one case in the set's case file."""
    cases_file = _cases_file(set_id)
    assert cases_file.is_file(), f"{cases_file.name} is missing"
    checked = {indicator for case in load_cases(cases_file) for indicator in case.expect.scores}
    declared = {node.id for node in load_indicator_set(BUNDLED[set_id]).walk()}
    assert set() == declared - checked


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_every_variant_of_every_switch_is_scored_by_a_case(set_id: str):
    """A switch's variants (按比例 / 分档, 满意率 / 加权) are each chosen by some case."""
    indicator_set, results = _scored(set_id)
    chosen = {(r.id, r.details.get("variant")) for result in results for r in result.walk() if r.kind == "switch"}
    wanted = {(indicator_id, variant) for indicator_id, rule in _rules(indicator_set) if rule.kind == "switch"
              for variant in rule.params.rules}
    assert set() == wanted - chosen


def _bands_rules(indicator_set: IndicatorSet) -> list[tuple[str, str | None, Rule]]:
    """(indicator id, switch variant or None, rule) for every bands rule of the set, inside a switch too."""
    found = []
    for indicator_id, rule in _rules(indicator_set):
        if rule.kind == "bands":
            found.append((indicator_id, None, rule))
        for switch in _switches(rule):
            found += [(indicator_id, variant, v) for variant, v in switch.params.rules.items() if v.kind == "bands"]
    return found


def test_the_bands_check_has_bands_to_check():
    """Every bundled set scores something in bands, except the two profiles whose sources score 执行率 only in
    proportion (Hubei) or not at all (专项债 in its operation period): the check below is not vacuous."""
    without = {set_id for set_id in BUNDLED if not _bands_rules(load_indicator_set(BUNDLED[set_id]))}
    assert {"hubei-self-evaluation", "henan-special-bond-operation"} == without


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_every_band_of_every_bands_rule_is_reached_by_a_case(set_id: str):
    """Each band of each bands rule (inside a switch too) holds the value of some case."""
    indicator_set, results = _scored(set_id)
    reached = {(r.id, r.details.get("variant"), (r.details["band"]["min"], r.details["band"]["max"]))
               for result in results for r in result.walk() if "band" in r.details}
    for indicator_id, variant, rule in _bands_rules(indicator_set):
        hit = {band for i, v, band in reached if i == indicator_id and v == variant}
        assert len(rule.params.bands) == len(hit), f"{indicator_id} {variant or ''}: only {sorted(hit)} reached"


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_every_row_type_of_a_row_group_is_scored_by_a_case(set_id: str):
    """Each row type a row group names (quantitative, quantitative_lower, qualitative) scores some case's row."""
    indicator_set, results = _scored(set_id)
    used: dict[str, set[str]] = {}
    for result in results:
        for top in result.walk():
            for child in top.children:
                used.setdefault(top.id, set()).add(json.dumps(child.rule, sort_keys=True, default=str))
    for node in indicator_set.walk():
        if node.rows is not None:
            for kind, rule in node.rows.rules.items():
                written = json.dumps(rule.spec, sort_keys=True, default=str)
                assert written in used.get(node.id, set()), f"{node.id}: no case scores a {kind} row"


def _score_json(facts: Path, cwd: Path, *options: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "scoring_engine", "score", str(facts), "--format", "json", *options],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
    assert 0 == done.returncode, done.stderr
    return json.loads(done.stdout)


def test_the_national_framework_is_found_by_id_from_any_folder(tmp_path: Path):
    """`score FACTS --set national-framework` works from a folder that holds no indicator sets."""
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    result = _score_json(facts, tmp_path, "--set", "national-framework")
    assert ("national-framework", 100, "优") == (result["indicator_set"]["id"], result["total"], result["grade"])


def test_a_facts_file_naming_a_bundled_set_scores_from_any_folder(tmp_path: Path):
    """A facts file whose indicator_set is a bundled id needs no --set, wherever it and the user are."""
    for set_id in sorted(EXPECTED):
        facts = tmp_path / "project" / f"{set_id}.json"
        facts.parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / "indicator_sets" / f"{set_id}.facts.json", facts)
        result = _score_json(facts, tmp_path)
        assert (set_id, 100) == (result["indicator_set"]["id"], result["total"])


def test_the_self_evaluation_set_is_found_by_id_from_any_folder(tmp_path: Path):
    """`score FACTS --set self-evaluation` reproduces the resettlement housing self-evaluation (91, 优秀)."""
    facts = ROOT / "examples" / "resettlement-housing" / "facts.json"
    done = subprocess.run([sys.executable, "-m", "scoring_engine", "score", str(facts), "--set", "self-evaluation"],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False)
    assert 0 == done.returncode, done.stderr
    assert "总分 91.00 / 100    等级 优秀" in done.stdout


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_national_weights_follow_the_framework_rules(set_id: str):
    """Integer weights everywhere; in the national framework each 一级 at least 15 and 产出 + 效益 at least 60."""
    indicator_set = load_indicator_set(BUNDLED[set_id])
    assert all(node.weight == node.weight.to_integral_value() for node in indicator_set.walk())
    if set_id == "national-framework":
        top = {node.name: node.weight for node in indicator_set.indicators}
        assert ["决策", "过程", "产出", "效益"] == list(top)
        assert all(weight >= 15 for weight in top.values())
        assert top["产出"] + top["效益"] >= 60


def _kinds(rule: Rule) -> Iterator[str]:
    """The kind of `rule` and of every rule nested in it (the variants of a switch)."""
    yield rule.kind
    for nested in getattr(rule.params, "rules", {}).values():
        yield from _kinds(nested)


def test_small_example_uses_every_rule_kind() -> None:
    """examples/small/set.yaml, which the README presents as using every rule kind, does use each registered kind."""
    from scoring_engine.rules import RULE_KINDS

    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    used = {kind for node in small.walk() if node.rule is not None for kind in _kinds(node.rule)}
    assert set(RULE_KINDS) == used


def test_a_late_project_of_the_national_set_is_said_to_lose_the_whole_weight_not_more():
    """QA48 F3: 13 months late printed 延期13个月，每延期1个月扣1分，扣6分 (13 × 1 is not 6): the national set's wording of
    its linear rule left out the 扣完为止 that the default wording has."""
    import json

    from scoring_engine import load_indicator_set, score

    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    document["facts"]["output"]["actual_end"] = "2025-01-20"
    result = score(load_indicator_set("national-framework"), document["facts"])
    assert "每延期1个月扣1分，扣6分，扣完为止，得0.00分" in result.indicator("output.timeliness.ontime").reason


def test_the_national_set_attaches_the_result_use_its_measures_give_each_grade():
    """National projects showed no 结果应用 (QA93 F9): 第二十七条's 优、良 予以支持, 中、差 改进管理、核减预算 are
    each grade's consequence, shown beside the grade in every report."""
    from scoring_engine import load_indicator_set

    national = load_indicator_set("national-framework")
    said = {grade.label: grade.consequence for grade in national.grades}
    assert said["优"] == said["良"] == "根据情况予以支持"
    assert said["中"] == said["差"] == "完善政策、改进管理，根据情况核减预算"
