"""A generated portfolio of projects for the batch tests and benchmarks: the small example's facts, varied per project.

Each project gets its own budget execution, output, quality, dates, findings,
judgements, expert scores and survey, drawn from a seeded random generator, so
the same seed gives the same portfolio; totals spread over 良, 中 and 差, and
some projects fall under 90% 预算执行率 (需说明). Units and departments repeat,
so rankings have something to rank.

Each document names its set as ``set.yaml``, and a copy of the small example's
set lies beside every document written (`beside_the_set`): a set named inside a
facts file is a bundled id or a path inside that file's folder.
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SMALL_SET = ROOT / "examples" / "small" / "set.yaml"
#: How each generated document names its set: the copy of SMALL_SET beside it.
SET_NAME = "set.yaml"
UNITS = 20
DEPARTMENTS = ("民政局", "卫生健康委", "教育局", "农业农村局", "住房城乡建设局")


def project(number: int, rng: random.Random, indicator_set: str = SET_NAME) -> dict[str, Any]:
    """One project's facts document (a JSON-ready dict) for the small example set."""
    unit = number % UNITS
    planned = rng.randrange(8000, 14000, 10)
    end = datetime.date(2024, 10, 31) + datetime.timedelta(days=rng.choice([0, 0, 0, 20, 45, 75, 130]))
    findings = [f"第{i + 1}笔支出附件不全" for i in range(rng.choice([0, 0, 1, 1, 2, 4]))]
    answers = [rng.randint(20, 60), rng.randint(10, 40), rng.randint(0, 15), rng.randint(0, 8), rng.randint(0, 4)]
    tier, low, high = rng.choice([("达成年度指标", 80, 100), ("部分达成并具有一定效果", 60, 79), ("未达成且效果较差", 0, 59)])
    return {
        "indicator_set": indicator_set,
        "project": {"id": f"P{number:05d}", "name": f"第{number}号项目", "unit": f"第{unit + 1}实施单位",
                    "department": DEPARTMENTS[unit % len(DEPARTMENTS)], "year": 2024},
        "facts": {
            "budget": {"total": 200, "central": 80, "local": 120, "arrived": rng.choice([200, 200, 190, 160]),
                       "paid": rng.randrange(140, 201)},
            "decision": {"policy_basis": rng.random() > 0.1, "plan_match": rng.random() > 0.1, "no_overlap": rng.random() > 0.2,
                         "goal_findings": ["年度目标未细化"] * rng.choice([0, 0, 1, 2]),
                         "budget_judgement": {"score": rng.choice([2.5, 3, 3.5, 4]), "reason": "测算依据基本充分"}},
            "findings": {"compliance": findings},
            "output": {"services_planned": planned, "services_done": int(planned * rng.uniform(0.7, 1.05)),
                       "quality_rate": round(rng.uniform(0.8, 1), 3), "planned_end": "2024-10-31", "actual_end": end.isoformat(),
                       "cost_planned": 186, "cost_actual": round(rng.uniform(170, 200), 1)},
            "benefit": {"social": {"tier": tier, "score": round(rng.uniform(low, high) / 10, 1), "reason": "评价组判断"},
                        "expert_scores": [rng.randint(60, 100) for _ in range(5)]},
            "survey": {"site_score": rng.randint(60, 100), "file_score": rng.randint(60, 100),
                       "very_satisfied": answers[0], "satisfied": answers[1], "neutral": answers[2],
                       "dissatisfied": answers[3], "very_dissatisfied": answers[4]},
        },
    }


def projects(count: int, seed: int = 2024, indicator_set: str = SET_NAME) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for number in range(1, count + 1):
        yield project(number, rng, indicator_set)


def beside_the_set(folder: Path) -> None:
    """A copy of the small example's set in `folder`, as SET_NAME, for the documents written there to name."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / SET_NAME).exists():
        (folder / SET_NAME).write_bytes(SMALL_SET.read_bytes())


def write_folder(folder: Path, count: int, seed: int = 2024) -> list[Path]:
    """`count` facts files in one folder per unit; returns them in the order a folder search finds them."""
    written = []
    for document in projects(count, seed):
        unit = folder / document["project"]["unit"]
        beside_the_set(unit)
        path = unit / f"{document['project']['id']}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return sorted(written, key=lambda p: (p.parent.name, p.name))


def write_jsonl(path: Path, count: int, seed: int = 2024) -> None:
    beside_the_set(path.parent)
    with path.open("w", encoding="utf-8") as out:
        for document in projects(count, seed):
            out.write(json.dumps(document, ensure_ascii=False) + "\n")


def wide_set_yaml(groups: dict[str, int]) -> str:
    """A set of one 一级 per key with that many 二级, each scoring 1 of 1 from the fact x (1 when left out): a chart as
    tall as a set of many indicators draws (the single report's and the batch page's chart pieces)."""
    lines = ["id: wide", "name: 宽体系", 'version: "1"', f"total: {sum(groups.values())}",
             "grades: [{label: 合格, min: 0}]", "facts:", "  x: {type: number, default: 1}", "indicators:"]
    for g, count in groups.items():
        lines += [f"  - id: {g}", f"    name: 一级{g}", f"    weight: {count}", "    children:"]
        lines += [f"      - {{id: {g}{i}, name: 二级{g}{i}, weight: 1, rule: {{kind: proportional, value: x, target: 1}}}}"
                  for i in range(count)]
    return "\n".join(lines) + "\n"
