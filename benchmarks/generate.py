"""Inputs for the benchmarks: varied projects for the national framework, and large indicator sets.

    python benchmarks/generate.py facts N SEED > projects.jsonl   # N varied national-framework projects
    python benchmarks/generate.py set LEAVES > large-set.yaml     # a realistic set with LEAVES scored indicators

`national_facts` gives one project's facts document as JSON decoding would
(whole numbers as int, others as Decimal): every indicator is exercised across
its range (elements missed, findings with and without their own points, late
projects, overspending, each satisfaction band and method, tiers anywhere in
their range, indicators marked not applicable). Every project scores without
an error; some raise the set's warnings, as real ones do.

`large_set` writes a set the size of a province-wide or 部门整体 evaluation:
every scored indicator has a 评分标准, its facts are declared with labels and
units, and the rules mix the kinds a real set uses (checklists, proportional
and banded rates, deductions, linear, tiers, judgements, formulas).
`large_facts` gives a project for it.
"""

from __future__ import annotations

import json
import random
import sys
from decimal import Decimal
from typing import Any

TIERS = (("达成年度指标", Decimal("0.8"), Decimal(1)), ("部分达成并具有一定效果", Decimal("0.6"), Decimal("0.8")),
         ("未达成且效果较差", Decimal(0), Decimal("0.6")))
FINDINGS = ("资金拨付审批手续不全", "部分支出未按预算批复用途使用", "会计凭证附件不完整", "合同签订晚于开工",
            "验收资料未及时归档",
            "专项资金未单独核算", "项目变更未报批")


def _amount(rng: random.Random, low: int, high: int) -> int | Decimal:
    """An amount as a facts file writes it: sometimes whole, sometimes with 万元 decimals."""
    value = rng.randint(low * 100, high * 100)
    return value // 100 if value % 100 == 0 or rng.random() < 0.4 else Decimal(value) / 100


def _findings(rng: random.Random, most: int, heavy: bool = False) -> list[Any]:
    found: list[Any] = []
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2, most])):
        text = rng.choice(FINDINGS)
        found.append({"text": text, "points": 5} if heavy and rng.random() < 0.2 else text)
    return found


def _tier(rng: random.Random, weight: int) -> dict[str, Any]:
    label, low, high = rng.choices(TIERS, weights=(6, 3, 1))[0]
    # a score inside the tier, in steps of 0.1 (the top tier includes its top)
    steps = int((high - low) * weight * 10)
    pick = rng.randint(0, steps if high == 1 else steps - 1)
    return {"tier": label, "score": low * weight + Decimal(pick) / 10, "reason": f"{label}，评价组据现场核查给分"}


def national_facts(rng: random.Random) -> dict[str, Any]:
    """One project's facts document for the national framework, varied (see the module's docstring)."""
    yes = lambda chance=0.92: rng.random() < chance  # noqa: E731 - a short local helper
    total = _amount(rng, 50, 5000)
    arrived = (Decimal(total) * Decimal(rng.choice([100, 100, 100, 98, 95, 80])) / 100).quantize(Decimal("0.01"))
    paid = (arrived * Decimal(rng.choice([100, 99, 96, 93, 88, 75, 60])) / 100).quantize(Decimal("0.01"))
    planned = rng.randint(10, 500)
    actual = max(1, planned - rng.choice([0, 0, 0, 1, 3, planned // 5]) + rng.choice([0, 0, 2]))
    cost_planned = _amount(rng, 50, 5000)
    cost_actual = Decimal(cost_planned) * Decimal(rng.choice([80, 95, 100, 100, 103, 107, 115])) / 100
    end_month = rng.randint(1, 12)
    late = rng.choice([0, 0, 0, 1, 2, 4, 7])
    month = end_month + late
    sample = rng.randint(30, 400)
    shares = [rng.random() for _ in range(5)]
    shares[0] *= rng.choice([1, 4, 8])  # most surveys are mostly satisfied; some are not
    counts = [int(sample * s / sum(shares)) for s in shares]
    facts: dict[str, Any] = {
        "decision": {
            "basis": {k: yes(0.95) for k in ("policy", "industry", "duty", "public", "no_overlap")},
            "procedure": {"followed": yes(), "documents": yes(), "review_gaps": _findings(rng, 5)},
            "goals": {k: yes() for k in ("set", "related", "level", "matched")},
            "indicators": {k: yes() for k in ("detailed", "measurable", "matched")},
            "budget": {k: yes() for k in ("reviewed", "matched", "basis", "workload")},
            "allocation": {"basis": yes(), "fit": yes()},
        },
        "budget": {"total": total, "arrived": arrived, "paid": paid},
        "process": {
            "compliance_findings": _findings(rng, 5, heavy=True),
            "rules": {"exist": yes(0.9), "defects": _findings(rng, 3)},
            "execution": {"violations": _findings(rng, 3), "changes_approved": yes(), "missing_archives": _findings(rng, 5),
                          "conditions_ready": yes()},
        },
        "output": {
            "planned": planned, "actual": actual, "qualified": actual - rng.choice([0, 0, 0, 1, actual // 10]),
            "planned_end": f"2023-{end_month:02d}-{rng.randint(1, 28):02d}",
            "actual_end": f"{2023 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-{rng.randint(1, 28):02d}",
            "cost_planned": cost_planned, "cost_actual": cost_actual.quantize(Decimal("0.01")),
        },
        "benefit": {"social": _tier(rng, 6), "economic": _tier(rng, 4), "ecological": _tier(rng, 4),
                    "sustainable": _tier(rng, 6)},
        "survey": dict(zip(("very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"), counts, strict=True)),
    }
    if yes(0.5):  # the sources of the budget, given by half the evaluations
        central = (Decimal(total) * Decimal(rng.choice([0, 30, 40, 100])) / 100).quantize(Decimal("0.01"))
        facts["budget"]["sources"] = {"central": central, "local": Decimal(total) - central}
    if yes(0.3):
        facts["survey"]["method"] = "weighted"
    document: dict[str, Any] = {"indicator_set": "national-framework", "project": {"name": f"项目{rng.randint(1, 10**6)}"},
                                "facts": facts}
    if yes(0.15):  # a public-welfare project: no economic benefit (and sometimes no ecological one)
        document["not_applicable"] = {"benefit.effects.economic": "公益性项目，不产生直接经济效益"}
        if yes(0.3):
            document["not_applicable"]["benefit.effects.ecological"] = "培训类项目，不涉及生态环境"
    return document


# ---------------------------------------------------------------- large sets

_KINDS = ("checklist", "proportional", "bands", "deduction", "linear", "tiers", "judgement", "formula")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def large_set(leaves: int = 500, seed: int = 1) -> str:
    """YAML text of an indicator set with `leaves` scored indicators, ten to a 二级 group (see the module's docstring)."""
    rng = random.Random(seed)
    facts: list[str] = []
    groups: list[tuple[int, list[str]]] = []  # (weight, lines) of each 二级 indicator
    for g in range((leaves + 9) // 10):
        count = min(10, leaves - g * 10)
        lines = [f"      - id: g{g}", f"        name: {_q(f'二级指标{g + 1}')}", f"        weight: {count * 2}",
                 "        children:"]
        for i in range(count):
            lines.extend(_leaf(f"g{g}.i{i}", rng.choice(_KINDS), facts))
        groups.append((count * 2, lines))
    total = leaves * 2
    out = ["id: large", f"name: {_q('大型指标体系（基准测试用）')}", 'version: "1"', "precision: 2", f"total: {total}",
           "facts:", *facts, "grades:", f"  - {{label: 优, min: {total * 9 // 10}}}",
           f"  - {{label: 良, min: {total * 8 // 10}}}", f"  - {{label: 中, min: {total * 6 // 10}}}", "  - {label: 差, min: 0}",
           "indicators:"]
    for t, name in enumerate(("决策", "过程", "产出", "效益")):  # the groups sit under four 一级 indicators, as in the framework
        mine = groups[t::4]
        out.extend([f"  - id: top{t}", f"    name: {name}", f"    weight: {sum(w for w, _ in mine)}", "    children:"])
        for _, lines in mine:
            out.extend(lines)
    return "\n".join(out) + "\n"


def _fact(facts: list[str], name: str, spec: str, label: str) -> str:
    facts.append(f"  {name}: {{{spec}, label: {_q(label)}}}")
    return name


def _leaf(leaf_id: str, kind: str, facts: list[str]) -> list[str]:
    """An indicator worth 2 points scored by `kind`, with its standard, declaring the facts it reads."""
    n = leaf_id.replace(".", "_")
    head = [f"          - id: {leaf_id}", f"            name: {_q(f'三级指标 {leaf_id}')}", "            weight: 2"]
    text = f"评价要点：指标 {leaf_id} 的评分标准，说明评价依据、计算方法、扣分规则和不得分的情形。"
    standard = f"            standard: {_q(text)}"
    if kind == "checklist":
        elements = []
        for e in range(4):
            fact = _fact(facts, f"{n}.e{e}", "type: boolean", f"要点{e + 1}：指标{leaf_id}的评价要点是否满足")
            elements.append(f"                - {{name: {_q(f'要点{e + 1}')}, met: {fact}, reason: {_q(f'要点{e + 1}未满足')}}}")
        rule = ["              kind: checklist", "              elements:", *elements]
    elif kind in ("proportional", "bands"):
        actual = _fact(facts, f"{n}.actual", "type: number, min: 0, unit: 万元", f"指标{leaf_id}的实际值")
        target = _fact(facts, f"{n}.target", "type: number, min: 0, unit: 万元", f"指标{leaf_id}的目标值")
        if kind == "proportional":
            rule = ["              kind: proportional", f"              value: {actual}", f"              target: {target}"]
        else:
            rule = ["              kind: bands", f"              value: ratio({actual}, {target}, 0)",
                    "              display: percent",
                    "              bands:", "                - {min: 0.95, points: 2, label: 完成95%以上}",
                    "                - {min: 0.8, max: 0.95, points: 1.5}", "                - {min: 0.6, max: 0.8, points: 1}",
                    "                - {max: 0.6, points: 0, label: 完成不足60%}"]
    elif kind == "deduction":
        found = _fact(facts, f"{n}.findings", "type: list", f"指标{leaf_id}发现的问题")
        rule = ["              kind: deduction", f"              findings: {found}", "              points_each: 0.5",
                "              zero_at_count: 4"]
    elif kind == "linear":
        late = _fact(facts, f"{n}.days_late", "type: integer, min: 0, unit: 天", f"指标{leaf_id}延期天数")
        rule = ["              kind: linear", f"              value: {late}", "              target: 0",
                "              direction: lower_is_better", "              per: 30", "              points_each: 0.5",
                "              units: started"]
    elif kind == "tiers":
        tier = _fact(facts, n + ".tier", "type: tier", f"指标{leaf_id}（评价组判断）")
        rule = ["              kind: tiers", f"              fact: {tier}"]
    elif kind == "judgement":
        rule = ["              kind: judgement",
                f"              fact: {_fact(facts, n + '.judged', 'type: judgement', f'指标{leaf_id}（评价人判断）')}"]
    else:
        rate = _fact(facts, f"{n}.rate", "type: number, min: 0, max: 1", f"指标{leaf_id}的完成比例")
        rule = ["              kind: formula", f"              rate: min({rate} * 1.1, 1)"]
    return [*head, standard, "            rule:", *rule]


def large_facts(set_text: str, rng: random.Random) -> dict[str, Any]:
    """A project for a set made by `large_set`: a value for every fact it declares."""
    import yaml

    declared = yaml.safe_load(set_text)["facts"]
    values: dict[str, Any] = {}
    for name, spec in declared.items():
        kind = spec["type"]
        if kind == "boolean":
            values[name] = rng.random() < 0.85
        elif kind == "number":
            values[name] = Decimal(rng.randint(0, 100)) / 100 if spec.get("max") == 1 else rng.randint(50, 1000)
        elif kind == "integer":
            values[name] = rng.choice([0, 0, 10, 45, 100])
        elif kind == "list":
            values[name] = _findings(rng, 4)
        elif kind == "tier":
            values[name] = _tier(rng, 2)
        else:
            values[name] = {"score": Decimal(rng.randint(0, 20)) / 10, "reason": "评价人据访谈和资料给分"}
    return {"facts": values}


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "facts"
    if what == "set":
        sys.stdout.write(large_set(int(sys.argv[2]) if len(sys.argv) > 2 else 500))
        return
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    for _ in range(count):
        print(json.dumps(national_facts(rng), ensure_ascii=False, default=_json_default))


if __name__ == "__main__":
    main()
