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


def test_a_list_of_mappings_written_as_one_value_is_shown_an_item_not_the_value_in_brackets(tmp_path) -> None:
    """QA214 4: `grades: 优` was told to write [优], and [优] then failed as no mapping, with no example; so did
    `bands: 100` and `indicators: 甲`. A list whose items are mappings is shown one item as the set writes it, in the
    list's hint and in its item's; a list of ids keeps [a]."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    head = 'id: x\nname: 测试\nversion: "1"\n'
    rule = "rule: {kind: formula, score: 100}"
    texts = {
        "grades: 优\nindicators:\n  - {id: a, name: 甲, weight: 100, " + rule + "}\n":
            ("如 - {label: 优, min: 90}", "[优]"),
        "grades: [优]\nindicators:\n  - {id: a, name: 甲, weight: 100, " + rule + "}\n":
            ("每一项应为映射，如 - {label: 优, min: 90}", None),
        "grades: [{label: 优, min: 0}]\nfacts:\n  r: {type: number}\nindicators:\n"
        "  - {id: a, name: 甲, weight: 100, rule: {kind: bands, value: r, bands: 100}}\n":
            ("如 - {min: 0.95, points: 10}", "[100]"),
        "grades: [{label: 优, min: 0}]\nindicators: 甲\n": ("如 - {id: …, name: …, weight: …, rule: …}", "[甲]"),
        "grades: [{label: 优, min: 0}]\nweight_rules:\n  - {indicators: a, min: 10}\nindicators:\n"
        "  - {id: a, name: 甲, weight: 100, " + rule + "}\n": ("写成列表：[a]", None),
    }
    for i, (text, (said, not_said)) in enumerate(texts.items()):
        path = tmp_path / f"s{i}.yaml"
        path.write_text(head + text, encoding="utf-8")
        run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
        assert 1 == run.exit_code, run.output
        assert said in run.stderr, run.stderr
        assert not_said is None or not_said not in run.stderr, run.stderr


def test_a_derived_values_unknown_key_is_named_with_the_fix(tmp_path) -> None:
    """QA271 F1: `r: {expr: …, label: 完成率, lable: …}` and `unit: 万元` on a derived value were each told 'r must be an
    expression, or a mapping with expr (and label)', naming no key; every other mapping of a set names the key and the
    fix. The key is named at its place, a slip with the key meant, unit with why a derived value has none."""
    import pytest

    from scoring_engine import IndicatorSetError

    head = 'id: x\nname: 测试\nversion: "1"\nfacts:\n  a: {type: number}\n  b: {type: number}\nderived:\n'
    tail = "grades: [{label: 优, min: 0}]\nindicators:\n  - {id: i, name: 甲, weight: 100, rule: {kind: formula, score: 100}}\n"
    for written, key, hint in [("{expr: a / b, lable: 完成率}", "lable", "did you mean label?"),
                               ("{expr: a + b, label: 合计, unit: 万元}", "unit", "a derived value has no unit of its own"),
                               ("{exp: a + b, label: 合计}", "exp", "did you mean expr?"),  # QA273 F9: no expr at all
                               ("{expression: a + b}", "expression", "did you mean expr?")]:
        path = tmp_path / "set.yaml"
        path.write_text(f"{head}  r: {written}\n{tail}", encoding="utf-8")
        with pytest.raises(IndicatorSetError) as raised:
            load_indicator_set(path)
        (problem,) = raised.value.problems
        assert (f"unknown key '{key}'", f"$.derived.r.{key}", 8) == (problem.message, problem.path, problem.line)
        assert problem.hint is not None and problem.hint.startswith(hint)
