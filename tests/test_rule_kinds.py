"""Every registered rule kind is whole: schema entries, reason templates, explain steps and a Chinese name.

A kind lives in one module of scoring_engine/rules/ and is registered once in
RULE_KINDS; everything else (the schemas' kind enums, the reason-template
table, explain) is read from the registry or checked against it here, so a
kind that forgets a piece fails a test. The last test adds a kind the way a
new module would and scores, reasons and explains it end to end.
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import extra_kind
import pytest
from conftest import ROOT

from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.loader import resolve_set
from scoring_engine.reasons import GENERAL, TEMPLATES, template_problems
from scoring_engine.result import IndicatorResult, Result
from scoring_engine.rules import RULE_KINDS, RuleKind

SCHEMAS = ROOT / "schemas"
SET_SCHEMA = json.loads((SCHEMAS / "indicator-set.schema.json").read_text(encoding="utf-8"))
RESULT_SCHEMA = json.loads((SCHEMAS / "result.schema.json").read_text(encoding="utf-8"))
FACTS_FILES = sorted([*ROOT.glob("examples/*/facts.*"), *ROOT.glob("indicator_sets/*.facts.json")])


# ---------------------------------------------------------------- the schemas


def _schema_kinds(schema: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The kind enum of a set schema's rule, and the kinds its if/then branches describe, in order."""
    rule = schema["$defs"]["rule"]
    return rule["properties"]["kind"]["enum"], [branch["if"]["properties"]["kind"]["const"] for branch in rule["allOf"]]


def test_the_set_schema_lists_every_kind_in_registry_order_with_its_own_keys() -> None:
    """schemas/indicator-set.schema.json allows exactly the registered kinds, and describes each one's keys once."""
    enum, branches = _schema_kinds(SET_SCHEMA)
    assert list(RULE_KINDS) == enum
    assert list(RULE_KINDS) == branches


def test_the_result_schema_lists_every_kind() -> None:
    """schemas/result.schema.json gives an indicator's kind as one of the registered kinds."""
    assert list(RULE_KINDS) == RESULT_SCHEMA["$defs"]["indicator"]["properties"]["kind"]["enum"]


# ---------------------------------------------------------------- reason templates


def _literal_keys(node: ast.expr, assigned: Mapping[str, list[ast.expr]]) -> set[str]:
    """The reason keys an expression can give: a string, either side of a conditional, or what a name was assigned."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literal_keys(node.body, assigned) | _literal_keys(node.orelse, assigned)
    if isinstance(node, ast.Name) and node.id in assigned:
        return set().union(*(_literal_keys(value, assigned) for value in assigned[node.id]))
    if isinstance(node, ast.Attribute) and node.attr == "reason":
        return set()  # passed on from another kind's outcome (switch): that kind owns the template
    raise AssertionError(f"line {node.lineno}: write the reason key as a string, not {ast.unparse(node)}")


def reason_keys(source: str) -> set[str]:
    """The reason keys the code of a kind module gives its Outcomes, read from its source."""
    keys: set[str] = set()
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef):
            continue
        assigned: dict[str, list[ast.expr]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for call in ast.walk(function):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Outcome":
                reason = call.args[1] if len(call.args) > 1 else next(k.value for k in call.keywords if k.arg == "reason")
                keys |= _literal_keys(reason, assigned)
    return keys


def test_the_reason_key_reader_sees_literals_conditionals_and_names_and_refuses_built_keys() -> None:
    """The template check below can fail: it reads keys through conditionals and names, and refuses an f-string key."""
    source = '''
def score(rule, weight, facts):
    if rule.a:
        return Outcome(weight, "k.full" if rule.b else "k.partial")
    key = "k.low"
    return Outcome(ZERO, key, {}, {})
'''
    assert {"k.full", "k.partial", "k.low"} == reason_keys(source)
    with pytest.raises(AssertionError, match="write the reason key as a string"):
        reason_keys('def score(rule, weight, facts):\n    return Outcome(weight, f"k.{rule.method}")\n')


def _check_templates(kind: RuleKind[Any]) -> None:
    """Kind `kind` has a template for each reason key its code gives, uses each, owns them by name, and each fills."""
    module = sys.modules[kind.score.__module__]
    assert set(kind.templates) == reason_keys(inspect.getsource(module)), kind.name
    for key, template in kind.templates.items():
        assert key == kind.name or key.startswith(f"{kind.name}."), key
        assert key not in GENERAL, key
        assert [] == template_problems(key, template.text), key


@pytest.mark.parametrize("kind", RULE_KINDS.values(), ids=lambda kind: kind.name)
def test_each_kind_has_a_template_for_every_reason_its_code_gives(kind: RuleKind[Any]) -> None:
    """Every reason key a kind's module gives an Outcome is one of its templates, and every template is given somewhere."""
    _check_templates(kind)


def test_the_template_table_is_every_kind_s_templates_then_the_general_ones() -> None:
    """reasons.TEMPLATES is read from the registry, kind by kind in registry order, then the templates of no kind."""
    expected = [key for kind in RULE_KINDS.values() for key in kind.templates] + list(GENERAL)
    assert expected == list(TEMPLATES)
    assert all(TEMPLATES[key] == template for kind in RULE_KINDS.values() for key, template in kind.templates.items())


def test_the_docs_template_table_is_in_registry_order() -> None:
    """The reason-template table of docs/indicator-sets.md lists the keys in the order of reasons.TEMPLATES."""
    text = (ROOT / "docs" / "indicator-sets.md").read_text(encoding="utf-8")
    section = text[text.index("## Reason templates"):]
    section = section[:section.index("\n## ", 1)] if "\n## " in section[1:] else section
    rows = [line.split("|")[1].strip().strip("`") for line in section.splitlines() if line.startswith("| `")]
    assert list(TEMPLATES) == rows


# ---------------------------------------------------------------- explain


def test_each_kind_has_its_own_chinese_name() -> None:
    """explain names every kind in Chinese, and no two kinds alike."""
    names = [kind.chinese_name for kind in RULE_KINDS.values()]
    assert all(name and not name.isascii() for name in names)
    assert len(set(names)) == len(names)


def _scored_examples() -> list[Result]:
    results = []
    for path in FACTS_FILES:
        facts = load_facts(path)
        results.append(score(load_indicator_set(resolve_set(facts.indicator_set or "", relative_to=path.parent)), facts))
    return results


def _steps(text: str) -> list[str]:
    """The lines of the 【计算过程】 section of an explanation."""
    section = text.split("【计算过程】\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in section.splitlines()]


def _raw_lines(lines: list[str], node: IndicatorResult, kind: RuleKind[Any]) -> list[str]:
    """Lines that list a detail the kind's steps claim to show as a raw 'key：value' line."""
    claimed = set(kind.shown)
    if node.kind == "switch":  # the chosen variant's steps show its keys
        claimed |= RULE_KINDS[node.details["kind"]].shown
    return [line for line in lines if any(line.startswith(f"{key}：") for key in claimed)]


def test_every_kind_tells_its_steps_in_the_examples_and_bundled_sets() -> None:
    """Each kind is explained in the examples and bundled sets with its own steps, never as raw detail keys it claims to show."""
    explained = set()
    for result in _scored_examples():
        for node in result.walk():
            if node.kind is None or node.not_applicable is not None:
                continue
            kind = RULE_KINDS[node.kind]
            text = str(result.explain(node.id))
            lines = _steps(text)
            assert f"{kind.chinese_name}（kind: {kind.name}）" in text, node.id
            assert lines and lines != ["（无中间值）"], node.id
            assert [] == _raw_lines(lines, node, kind), node.id
            explained.add(node.kind)
    assert set(RULE_KINDS) == explained


# ---------------------------------------------------------------- a kind added the way a new module adds one


# What the kind adds to schemas/indicator-set.schema.json: its name in the enum and one branch for its keys.
PASS_FAIL_KEYS = {"required": ["value", "min"], "additionalProperties": False,
                  "properties": {"kind": True, "value": {"$ref": "#/$defs/expr"}, "min": {"type": "number"}}}

PASS_FAIL_SET = """
id: pass-fail
name: 达标计分示例
version: "1"
total: 20
facts:
  coverage: {type: number, min: 0, max: 1, label: 覆盖率}
  method: {type: string, values: [达标, 按比例], default: 达标}
reasons:
  pass_fail.fail: "{name}：{value}低于达标线{min}，扣{lost}分"
grades:
  - {label: 合格, min: 10}
  - {label: 不合格, min: 0}
indicators:
  - id: coverage
    name: 覆盖率
    weight: 10
    rule: {kind: pass_fail, value: coverage, min: 0.9}
  - id: coverage.chosen
    name: 覆盖率（可选算法）
    weight: 10
    rule:
      kind: switch
      by: method
      rules:
        达标: {kind: pass_fail, value: coverage, min: 0.8}
        按比例: {kind: proportional, value: coverage}
"""


def _schemas_with(tmp_path: Path, name: str, keys: Mapping[str, Any]) -> Path:
    """A copy of the schemas folder whose set schema also allows rule kind `name` with `keys`."""
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    schema = copy.deepcopy(SET_SCHEMA)
    schema["$defs"]["rule"]["properties"]["kind"]["enum"].append(name)
    schema["$defs"]["rule"]["allOf"].append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]}, "then": keys})
    (folder / "indicator-set.schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


# Run in a fresh process: the loader keeps the schema it has read, and this one must be read from the copy.
SCORE_WITH_EXTRA_KIND = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from scoring_engine import _resources
_resources._PACKAGE = Path(sys.argv[2])  # the copy of the schemas with the kind's entry
import extra_kind
from scoring_engine import IndicatorSetError, parse_indicator_set, score
from scoring_engine.reasons import TEMPLATES
from scoring_engine.rules import RULE_KINDS
RULE_KINDS[extra_kind.KIND.name] = extra_kind.KIND
text = sys.stdin.read()
result = score(parse_indicator_set(text), {"coverage": 0.85})
try:
    parse_indicator_set(text.replace("min: 0.9}", "min: -1}"))
    refused = []
except IndicatorSetError as err:
    refused = [str(p) for p in err.problems]
print(json.dumps({"reasons": [i.reason for i in result.indicators], "total": str(result.total),
                  "explain": {i: str(result.explain(i)) for i in ("coverage", "coverage.chosen")},
                  "templates": list(TEMPLATES), "refused": refused}, ensure_ascii=False))
"""


def test_a_kind_in_its_own_module_loads_scores_reasons_and_explains(tmp_path: Path) -> None:
    """A new kind needs its module and its schema entry only: the loader, the engine, switch, reasons and explain take it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(RULE_KINDS, extra_kind.KIND.name, extra_kind.KIND)
        _check_templates(extra_kind.KIND)
        assert "{value}未达到{min}，不得分" == TEMPLATES["pass_fail.fail"].text
    assert "pass_fail" not in RULE_KINDS and "pass_fail.fail" not in TEMPLATES
    schemas = _schemas_with(tmp_path, extra_kind.KIND.name, PASS_FAIL_KEYS)
    assert ([*RULE_KINDS, "pass_fail"], [*RULE_KINDS, "pass_fail"]) == _schema_kinds(
        json.loads((schemas / "indicator-set.schema.json").read_text(encoding="utf-8")))
    run = subprocess.run([sys.executable, "-c", SCORE_WITH_EXTRA_KIND, str(ROOT / "tests"), str(tmp_path)], input=PASS_FAIL_SET,
                         capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert 0 == run.returncode, run.stderr
    out = json.loads(run.stdout)
    assert ["覆盖率：0.85低于达标线0.9，扣10.00分", "0.85达到0.8，得满分10.00分"] == out["reasons"]
    assert "10.00" == out["total"]
    assert {"pass_fail.pass", "pass_fail.fail"} <= set(out["templates"])
    assert "达标计分（kind: pass_fail）" in out["explain"]["coverage"]
    assert ["取值 value = coverage = 0.85", "达标线 0.9：未达标，不得分"] == _steps(out["explain"]["coverage"])
    assert ["选用算法：达标（由 method 选定），即达标计分（kind: pass_fail）", "取值 value = coverage = 0.85",
            "达标线 0.8：达标，得满分"] == _steps(out["explain"]["coverage.chosen"])
    assert ["18:51: indicator coverage: min must be 0 or more"] == out["refused"]  # its line in the text (QA330 F6)
