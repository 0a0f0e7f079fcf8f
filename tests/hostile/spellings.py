"""The same fact given twice under two spellings: ``"budget.paid": 100`` beside ``budget: {paid: 186.4}``.

Each case writes the small example's facts with one fact given a second time
under another spelling -- dotted at the top beside nested, dotted halfway,
a judgement object both ways, a list, an undeclared fact, the same value
twice -- in JSON and in YAML, and in a case file's facts and overrides. Neither
spelling may silently win: the run is refused on a line naming both places.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from hostile.inputs import SMALL, Case, cli

#: name → (keys added to the facts object, the two places the error must name)
TWICE: dict[str, tuple[dict[str, Any], tuple[str, str]]] = {
    "dotted-beside-nested": ({"budget.paid": 100}, ('$.facts.budget.paid', '$.facts["budget.paid"]')),
    "same-value-twice": ({"budget.paid": 186.4}, ('$.facts.budget.paid', '$.facts["budget.paid"]')),
    "dotted-halfway": ({"benefit.social": {"tier": "达成年度指标", "score": 8, "reason": "另一份"}},
                       ('$.facts.benefit.social', '$.facts["benefit.social"]')),
    "judgement-both-ways": ({"decision.budget_judgement": {"score": 1, "reason": "另一份判断"}},
                            ('$.facts.decision.budget_judgement', '$.facts["decision.budget_judgement"]')),
    "list-both-ways": ({"benefit.expert_scores": [1, 2, 3]},
                       ('$.facts.benefit.expert_scores', '$.facts["benefit.expert_scores"]')),
    "undeclared-both-ways": ({"extra.note": "甲", "extra": {"note": "乙"}}, ('$.facts["extra.note"]', '$.facts.extra.note')),
    "three-levels": ({"extra": {"a": {"b": 1}}, "extra.a": {"b": 2}}, ('$.facts.extra.a.b', '$.facts["extra.a"].b')),
}


def _facts_with(extra: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    doc["facts"].update(extra)
    return doc


def _file_work(extra: dict[str, Any], as_yaml: bool) -> Any:
    def work(scratch: Path) -> dict[str, Any]:
        shutil.copy(SMALL / "set.yaml", scratch / "set.yaml")
        doc = _facts_with(extra)
        name = "facts.yaml" if as_yaml else "facts.json"
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False) if as_yaml else json.dumps(doc, ensure_ascii=False)
        (scratch / name).write_text(text, encoding="utf-8")
        return {"run": cli(["score", name])}

    return work


def _case_file_work(where: str) -> Any:
    def work(scratch: Path) -> dict[str, Any]:
        for name in ("set.yaml", "facts.json"):
            shutil.copy(SMALL / name, scratch / name)
        if where == "overrides":
            body = "    overrides: {budget.paid: 100, budget: {paid: 150}}\n"
        else:
            facts = json.dumps(_facts_with({"budget.paid": 100})["facts"], ensure_ascii=False)
            body = f"    facts: {facts}\n    overrides: {{budget.total: 200}}\n"
        (scratch / "n.cases.yaml").write_text("indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n  - name: 两种写法\n"
                                               f"{body}    expect: {{total: 79.73}}\n", encoding="utf-8")
        return {"run": cli(["test", "n.cases.yaml"])}

    return work


def spelling_cases() -> list[Case]:
    """Every doubled fact in JSON and YAML facts files, and in a case file's facts and overrides."""
    cases = []
    for name, (extra, places) in TWICE.items():
        for kind in ("json", "yaml"):
            cases.append(Case(f"{kind}/{name}", _file_work(extra, kind == "yaml"), {"places": places}))
    cases.append(Case("case-file/overrides", _case_file_work("overrides"),
                      {"places": ('overrides["budget.paid"]', "overrides.budget.paid")}))
    cases.append(Case("case-file/facts", _case_file_work("facts"), {"places": ('$.facts.budget.paid', '$.facts["budget.paid"]')}))
    return cases
