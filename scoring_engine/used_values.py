"""The value a report used beside the value its stated formula gives (a derived value's ``used``).

A published table may score a rate that is not the one its own formula gives
(the report rounded it, or took it from another table). The set keeps both: the
formula as the derived value, the report's value as a fact. When the facts give
the report's value, that is what the indicators score, and a warning says where
the two differ and why the report used its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._display import show_number
from .audit import DerivedValue
from .model import Derived
from .result import ScoreWarning

__all__ = ["used_value"]


def used_value(derived: Derived, stated: Any, values: Mapping[str, Any]) -> tuple[DerivedValue, list[ScoreWarning]]:
    """The derived value as scored: the report's own when the facts give it, else `stated` (the formula's)."""
    used = derived.used
    if used is None or values.get(used.fact) is None:
        return DerivedValue(derived.name, derived.formula.text, stated, derived.label), []
    report = values[used.fact]
    entry = DerivedValue(derived.name, derived.formula.text, report, derived.label, used=used.fact, stated=stated)
    if _same(report, stated, used.tolerance):
        return entry, []
    why = values.get(used.reason) if used.reason else None
    because = f"；理由：{why}" if isinstance(why, str) and why.strip() else "；报告未说明理由"
    message = (f"{derived.label or derived.name}：报告采用{_show(report)}（{used.fact}），"
               f"按公式 {derived.formula.text} 得{_show(stated)}，评分采用报告的值{because}")
    return entry, [ScoreWarning("used_value", message, fact=used.fact, expression=derived.formula.text,
                                      named=True)]


def _same(report: Any, stated: Any, tolerance: Decimal) -> bool:
    if isinstance(report, Decimal) and isinstance(stated, Decimal):
        return abs(report - stated) <= tolerance
    return bool(report == stated)


def _show(value: Any) -> str:
    return show_number(value) if isinstance(value, Decimal) else str(value)
