"""Values of the wrong shape where the engine expects another, and names that hide characters.

- project details that are objects, lists, true/false or null (they reached
  reports as Python reprs), in JSON and YAML facts files;
- case files with a number as facts_file, a list as not_applicable, a mapping
  as cases, and every other field given the wrong kind of value;
- formulas comparing a date, a number and a text with one another;
- `explain -i NAME` where two indicators share the name;
- bidi overrides and zero-width characters in a set's ids, names and labels
  and in fact names.

Each is run on the command line and must be refused on its own line(s), exit 1.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hostile.inputs import SMALL, Case, cli

PROJECT_VALUES: dict[str, Any] = {
    "object": {"a": 1.5}, "list": [1, 2], "empty-list": [], "true": True, "null": None, "nested-deep": {"a": {"b": {"c": "d"}}},
    "list-of-objects": [{"name": "甲"}],
}
#: name → (the case file's text after the header line, the words its error holds)
F = "facts_file: facts.json\n"  # the file-level facts of most cases below
CASE_FILES: dict[str, tuple[str, str]] = {
    "facts-file-number": ("facts_file: 5\ncases:\n  - {name: 甲, expect: {total: 1}}\n", "facts_file must be text"),
    "facts-file-list": ("facts_file: [facts.json]\ncases:\n  - {name: 甲, expect: {total: 1}}\n", "facts_file must be text"),
    "facts-file-mapping": ("facts_file: {a: 1}\ncases:\n  - {name: 甲, expect: {total: 1}}\n", "facts_file must be text"),
    "facts-file-true": ("facts_file: yes\ncases:\n  - {name: 甲, expect: {total: 1}}\n", "facts_file must be text"),
    "facts-file-empty": ("facts_file: ''\ncases:\n  - {name: 甲, expect: {total: 1}}\n", "facts_file must be text"),
    "case-facts-file-number": ("cases:\n  - {name: 甲, facts_file: 7, expect: {total: 1}}\n", "facts_file must be text"),
    "not-applicable-list": (F + "cases:\n  - {name: 甲, not_applicable: [decision], expect: {total: 1}}\n",
                            "not_applicable must map indicator ids to reasons, got a list"),
    "not-applicable-number": (F + "cases:\n  - {name: 甲, not_applicable: 3, expect: {total: 1}}\n",
                              "not_applicable must map indicator ids to reasons"),
    "not-applicable-reason-list": (F + "cases:\n  - {name: 甲, not_applicable: {decision: [a]}, expect: {total: 1}}\n",
                                   "not_applicable must map indicator ids to reasons"),
    "facts-list": ("cases:\n  - {name: 甲, facts: [1, 2], expect: {total: 1}}\n",
                   "facts must map fact names to values, got a list"),
    "facts-number": ("cases:\n  - {name: 甲, facts: 3, expect: {total: 1}}\n", "facts must map fact names to values"),
    "overrides-list": (F + "cases:\n  - {name: 甲, overrides: [1], expect: {total: 1}}\n",
                       "overrides must map fact names to values"),
    "scores-list": (F + "cases:\n  - {name: 甲, expect: {scores: [1]}}\n", "scores must map indicator ids"),
    "scores-number": (F + "cases:\n  - {name: 甲, expect: {scores: 5}}\n", "scores must map indicator ids"),
    "score-text": (F + "cases:\n  - {name: 甲, expect: {scores: {decision: 高}}}\n", "must be a number, got text"),
    "total-list": (F + "cases:\n  - {name: 甲, expect: {total: [1, 2]}}\n", "total must be a number, got a list"),
    "tolerance-text": (F + "cases:\n  - {name: 甲, expect: {total: 1, tolerance: 很小}}\n", "tolerance must be a number"),
    "warnings-number": (F + "cases:\n  - {name: 甲, expect: {warnings: 5}}\n", "warnings must be a list of texts"),
    "expect-list": (F + "cases:\n  - {name: 甲, expect: [1]}\n", "expect must be a mapping"),
    "expect-missing": (F + "cases:\n  - {name: 甲}\n", "expect must be a mapping"),
    "cases-mapping": (F + "cases: {甲: 1}\n", "a non-empty list of cases"),
    "case-number": (F + "cases: [5]\n", "case 1 must be a mapping"),
    "name-number": (F + "cases:\n  - {name: 5, expect: {total: 1}}\n", "name must be text, got a number"),
    "name-twice": (F + "cases:\n  - {name: 甲, expect: {total: 1}}\n  - {name: 甲, expect: {total: 1}}\n",
                   "needs a name of its own"),
}
#: Formulas (in a check of the small set) comparing kinds that can never be equal.
COMPARISONS = {
    "date-eq-number": ("output.planned_end == 45000", "cannot compare a date (output.planned_end) with a number (45000)"),
    "date-lt-number": ("output.actual_end < 45000", "cannot compare a date"),
    "date-eq-text": ("output.planned_end == '2024-10-31'", "cannot compare a date (output.planned_end) with text"),
    "number-eq-text": ("budget.total == '200'", "cannot compare a number (budget.total) with text ('200')"),
    "text-gt-number": ("budget.funding_method > 1", "cannot compare text (budget.funding_method) with a number (1)"),
    "arithmetic-eq-date": ("budget.total + 1 == output.planned_end", "cannot compare a number (budget.total + 1) with a date"),
    "function-eq-text": ("max(budget.total, 1) != 'x'", "cannot compare a number"),
    "chained": ("0 < budget.total < output.planned_end", "cannot compare a number (budget.total) with a date"),
}
#: name → (text replaced in set.yaml, its replacement): each puts an invisible character into a name (ids are ASCII already).
HIDDEN = {
    "set-id-rlo": ("id: example-small", "id: example\u202e-small"),
    "set-name-zwsp": ("name: 示例指标体系", "name: 示例\u200b指标体系"),
    "set-name-lri": ("name: 示例指标体系", "name: 示例\u2066指标体系"),
    "indicator-name-rli": ("name: 预算执行率", "name: 预算\u2067执行率"),
    "indicator-name-pdi": ("name: 预算执行率", "name: 预算执行率\u2069"),
    "indicator-name-lre": ("name: 预算执行率", "name: \u202a预算执行率"),
    "indicator-name-rle": ("name: 预算执行率", "name: \u202b预算执行率"),
    "indicator-name-pdf": ("name: 预算执行率", "name: 预算执行率\u202c"),
    "indicator-name-lro": ("name: 预算执行率", "name: \u202d预算执行率"),
    "indicator-name-zwj": ("name: 预算执行率", "name: 预算\u200d执行率"),
    "indicator-name-zwnj": ("name: 预算执行率", "name: 预算\u200c执行率"),
    "indicator-name-word-joiner": ("name: 预算执行率", "name: 预算\u2060执行率"),
    "indicator-name-bom": ("name: 预算执行率", "name: \ufeff预算执行率"),
    "fact-label-rlo": ("label: 预算资金", "label: 预算\u202e资金"),
    "grade-label-zwsp": ("{label: 差, min: 0}", "{label: \"差\u200b\", min: 0}"),
    "derived-label-rlo": ("label: 资金到位率", "label: 资金\u202e到位率"),
}


def _small(folder: Path) -> None:
    for name in ("set.yaml", "facts.json"):
        shutil.copy(SMALL / name, folder / name)


def _project_work(value: Any, as_yaml: bool) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        _small(scratch)
        doc = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
        doc["project"]["detail"] = value
        name = "p.yaml" if as_yaml else "p.json"
        text = yaml.safe_dump(doc, allow_unicode=True) if as_yaml else json.dumps(doc, ensure_ascii=False)
        (scratch / name).write_text(text, encoding="utf-8")
        return {"run": cli(["score", name, "--format", "markdown"])}

    return work


def _case_file_work(body: str) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        _small(scratch)
        (scratch / "s.cases.yaml").write_text("indicator_set: set.yaml\n" + body, encoding="utf-8")
        return {"run": cli(["test", "s.cases.yaml"])}

    return work


def _set_work(before: str, after: str, args: list[str]) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        _small(scratch)
        text = (SMALL / "set.yaml").read_text(encoding="utf-8")
        assert before in text, before
        (scratch / "set.yaml").write_text(text.replace(before, after, 1), encoding="utf-8")
        return {"run": cli(args)}

    return work


def _twin_names(scratch: Path) -> dict[str, Any]:
    """Two indicators named 预算执行率: explain by that name is ambiguous; by id it explains."""
    _small(scratch)
    text = (SMALL / "set.yaml").read_text(encoding="utf-8").replace("name: 资金使用合规性", "name: 预算执行率", 1)
    (scratch / "set.yaml").write_text(text, encoding="utf-8")
    return {"run": cli(["explain", "facts.json", "-i", "预算执行率"]),
            "by_id": cli(["explain", "facts.json", "-i", "process.execution"])}


def _hidden_fact_name(scratch: Path) -> dict[str, Any]:
    _small(scratch)
    doc = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    doc["facts"]["budget"]["pa\u200bid"] = 1
    doc["facts"]["budget\u202e"] = {"x": 1}
    (scratch / "f.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"run": cli(["score", "f.json"])}


def shape_cases() -> list[Case]:
    """Every wrong shape and hidden character, with the words its error must hold."""
    cases = []
    for name, value in PROJECT_VALUES.items():
        for kind in ("json", "yaml"):
            cases.append(Case(f"project/{kind}/{name}", _project_work(value, kind == "yaml"), {"words": "$.project.detail"}))
    cases += [Case(f"case-file/{name}", _case_file_work(body), {"words": words}) for name, (body, words) in CASE_FILES.items()]
    for name, (formula, words) in COMPARISONS.items():
        check = f'checks:\n  - {{expr: "{formula}", message: 比较}}'
        cases.append(Case(f"comparison/{name}", _set_work("checks:", check, ["validate", "set.yaml"]), {"words": words}))
    for name, (before, after) in HIDDEN.items():
        words = "may use only ASCII letters, digits" if name.startswith("set-id") else "an invisible character that reorders"
        cases.append(Case(f"hidden/{name}", _set_work(before, after, ["validate", "set.yaml"]), {"words": words}))
    cases.append(Case("hidden/fact-names-in-facts", _hidden_fact_name,
                      {"words": "fact name holds U+200B ZERO WIDTH SPACE", "lines": 2}))
    cases.append(Case("explain/two-indicators-one-name", _twin_names,
                      {"words": "the name is ambiguous: process.execution, process.compliance"}))
    return cases
