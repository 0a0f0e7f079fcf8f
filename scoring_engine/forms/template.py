"""A facts skeleton for a set: every fact with its label, unit, type and bounds, for a unit to fill in.

YAML carries the description of each fact as a comment after it; JSON, which has
no comments, carries them in an ``about`` section that scoring ignores. Values are
empty (null): a fact left empty is a missing fact when the file is scored.
"""

from __future__ import annotations

import json
from typing import Any

from .. import _json
from .._arith import in_engine_context
from ..model import FactSpec, IndicatorSet
from ..target_rows import ROW_KEYS

__all__ = ["describe", "facts_skeleton"]


def describe(spec: FactSpec) -> str:
    """'全年预算数；number, 万元, ≥ 0；required' — what a person filling the fact needs to know."""
    parts = [spec.label or spec.name]
    kind = spec.type if spec.type != "list" else f"list of {spec.items}s"
    bounds = [f"≥ {spec.min}" if spec.min is not None else "", f"≤ {spec.max}" if spec.max is not None else ""]
    parts.append(", ".join(p for p in (kind, spec.unit or "", *bounds) if p))
    if spec.values:
        parts.append("one of: " + " / ".join(spec.values))
    if spec.type == "list" and spec.items == "target":
        parts.append("each row: " + ", ".join(ROW_KEYS))
    parts.append("required" if spec.required and spec.default is None else f"optional (default {spec.default})"
                 if spec.default is not None else "optional")
    return "；".join(parts)


def _skeleton(indicator_set: IndicatorSet) -> dict[str, Any]:
    return {"indicator_set": indicator_set.id, "project": {"name": None, "department": None, "unit": None, "year": None},
            "facts": {name: None for name in indicator_set.facts}}


@in_engine_context
def facts_skeleton(indicator_set: IndicatorSet, fmt: str) -> str:
    """The skeleton as JSON or YAML text."""
    doc = _skeleton(indicator_set)
    if fmt == "json":
        doc["about"] = {name: describe(spec) for name, spec in indicator_set.facts.items()}
        return _json.dumps(doc) + "\n"
    lines = [f"# {indicator_set.name}（{indicator_set.id} {indicator_set.version}）：事实模板",
             "# Fill in each value; leave a fact empty (null) if it is not known. `scoring-engine score FILE` reads it.",
             f"indicator_set: {indicator_set.id}", "project:"]
    labels = {"name": "项目名称", "department": "主管部门", "unit": "实施单位", "year": "年度"}
    lines += [f"  {key}:  # {label}" for key, label in labels.items()]
    lines.append("facts:")
    for name, spec in indicator_set.facts.items():
        lines.append(f"  {json.dumps(name)}:  # {describe(spec)}")
    return "\n".join(lines) + "\n"
