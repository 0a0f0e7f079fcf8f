"""Deep chains of derived values: thousands of derived values, each naming the next.

Ordering them used to recurse once per link (a RecursionError at about 1,000)
and working out which facts each indicator reads kept a set per derived value
(about 490 MB at 4,500, growing with the square of the chain). Each shape --
a chain read from either end, with labels, one fact per link, a binary tree,
many indicators reading the same chain, a circle round the whole chain -- is
scored (JSON) and explained on the command line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile.inputs import Case, cli

HEAD = 'id: chain\nname: 推导链\nversion: "1"\ngrades: [{label: 合格, min: 0}]\n'


def _set(facts: dict[str, str], derived: list[str], reads: list[str]) -> str:
    """A set declaring `facts` (name → type), the `derived` lines as written, and one indicator per name in `reads`."""
    lines = [HEAD.rstrip("\n"), "facts:"] + [f"  {name}: {{type: {kind}}}" for name, kind in facts.items()]
    lines += ["derived:"] + [f"  {line}" for line in derived]
    weight = 100 // len(reads)
    lines += [f"total: {weight * len(reads)}", "indicators:"]
    lines += [f'  - {{id: i{k}, name: 指标{k}, weight: {weight}, rule: {{kind: formula, score: "min(max({name}, 0), weight)"}}}}'
              for k, name in enumerate(reads)]
    return "\n".join(lines) + "\n"


def chain(n: int, labels: bool = False, backwards: bool = False) -> tuple[str, dict[str, Any]]:
    """d0 = d1 + 1, d1 = d2 + 1, … d(n-1) = x: the set and its facts."""
    derived = [f"d{i}: {f'd{i + 1}' if i + 1 < n else 'x'} + 0" for i in range(n)]
    if labels:
        derived = [f"d{i}: {{expr: {line.split(': ', 1)[1]}, label: 第{i}步}}" for i, line in enumerate(derived)]
    if backwards:
        derived.reverse()
    return _set({"x": "number"}, derived, ["d0"]), {"x": 1}


def fact_per_link(n: int) -> tuple[str, dict[str, Any]]:
    """d_i = f_i + d_(i+1): every indicator reading d0 reads all n facts."""
    derived = [f"d{i}: f{i} + {f'd{i + 1}' if i + 1 < n else '0'}" for i in range(n)]
    return _set({f"f{i}": "number" for i in range(n)}, derived, ["d0"]), {f"f{i}": 0 for i in range(n)}


def tree(n: int) -> tuple[str, dict[str, Any]]:
    """d_i = d_(2i+1) + d_(2i+2), the leaves reading x: n derived values in a binary tree."""
    derived = [f"d{i}: {' + '.join(f'd{j}' for j in (2 * i + 1, 2 * i + 2) if j < n) or 'x'}" for i in range(n)]
    return _set({"x": "number"}, derived, ["d0"]), {"x": 0}


def many_readers(n: int, readers: int) -> tuple[str, dict[str, Any]]:
    """A chain of n read by `readers` indicators at different links."""
    derived = [f"d{i}: {f'd{i + 1}' if i + 1 < n else 'x'} + 0" for i in range(n)]
    return _set({"x": "number"}, derived, [f"d{k * (n // readers)}" for k in range(readers)]), {"x": 1}


def circle(n: int) -> tuple[str, dict[str, Any]]:
    """d0 = d1, … d(n-1) = d0: refused, on one line of bounded length."""
    derived = [f"d{i}: d{(i + 1) % n} + x" for i in range(n)]
    return _set({"x": "number"}, derived, ["d0"]), {"x": 1}


def _work(make: Callable[[], tuple[str, dict[str, Any]]]) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        text, facts = make()
        (scratch / "set.yaml").write_text(text, encoding="utf-8")
        (scratch / "facts.json").write_text(json.dumps({"facts": facts}), encoding="utf-8")
        return {"score": cli(["score", "facts.json", "--set", "set.yaml", "--format", "json"]),
                "explain": cli(["explain", "facts.json", "--set", "set.yaml", "-i", "i0"])}

    return work


def chain_cases() -> list[Case]:
    """Each shape at sizes up to the largest the node limit allows."""
    shapes: dict[str, tuple[Callable[[], tuple[str, dict[str, Any]]], int]] = {
        "chain-100": (lambda: chain(100), 0),
        "chain-1000": (lambda: chain(1000), 0),
        "chain-4500": (lambda: chain(4500), 0),
        "chain-1500-backwards": (lambda: chain(1500, backwards=True), 0),
        "chain-1200-labelled": (lambda: chain(1200, labels=True), 0),
        "fact-per-link-1200": (lambda: fact_per_link(1200), 0),
        "tree-1500": (lambda: tree(1500), 0),
        "chain-1500-read-by-50": (lambda: many_readers(1500, 50), 0),
        "circle-4500": (lambda: circle(4500), 1),
    }
    return [Case(name, _work(make), {"code": code}) for name, (make, code) in shapes.items()]
