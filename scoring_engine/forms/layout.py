"""Form layouts as data: the blocks of a 自评表, their labels and columns, read from the bundled YAML files.

A layout says how a form looks (title, header fields, the funds block, the goals,
the indicator block with its columns and its 一级 / 二级 skeleton, the total, the
closing rows); an indicator set's ``form:`` section says which facts fill it. So a
provincial variant is one more YAML file in ``layouts/``, not new code.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import plain
from .._record import record
from ..errors import ScoringEngineError, did_you_mean
from .labels import same_label
from .layout_file import read_layout
from .._patterns import compile_later

__all__ = ["FIELDS", "FUNDS_COLUMNS", "INDICATOR_COLUMNS", "WEIGHT_IN_LABEL", "Block", "Column", "FormLayout", "Labelled",
           "form_layout", "form_layouts", "label_with_weight", "same_label"]

_FOLDER = Path(__file__).resolve().parent / "layouts"
# The keys and fields a layout may use are schemas/form-layout.schema.json's (tests/test_form_layouts.py keeps them alike).
#: What a funds column may show: amounts (initial, budget, paid), the rate, the weight and score, the reason.
FUNDS_COLUMNS = ("initial", "budget", "paid", "rate", "weight", "score", "reason")
#: What an indicator column may show (docs/reports.md says what each holds).
INDICATOR_COLUMNS = ("level1", "level2", "level3", "target", "comparison", "target_value", "unit", "actual", "actual_value",
                     "weight", "score", "reason")
#: The project fields a header, goals or closing row may show (the facts file's project: keys).
FIELDS = ("name", "department", "unit", "goal", "outcome", "conclusion", "problems", "measures")
#: The weight a label carries at its end: 产出指标（50分）, 预算执行情况(10 分).
# (from the first space of a run only, taken whole: searched from each space of a run, a cell of 32,000 spaces took
# seconds: QA299 F3)
WEIGHT_IN_LABEL = compile_later(r"(?<!\s)\s*+[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")


@record
class Labelled:
    """A label on the form and what it holds: a column key, or a project field."""

    label: str
    key: str = ""
    also: tuple[str, ...] = ()  # other wordings filled forms use ("全年预算数（A）")

    def matches(self, text: str) -> bool:
        return any(same_label(text, word) for word in (self.label, *self.also))


Column = Labelled


@record
class Block:
    """A block of the form: its merged label on the left and its columns (or rows)."""

    label: str
    columns: tuple[Column, ...]
    rows: tuple[Labelled, ...] = ()


@record
class FormLayout:
    """One printed form: what `--layout selfeval` renders and what the form reader looks for."""

    id: str
    name: str
    title: str
    subtitle: str
    header: tuple[tuple[Labelled, ...], ...]
    funds: Block
    goals: Block
    indicators: Block
    skeleton: Mapping[str, tuple[str, ...]]  # 一级 label → its 二级 categories
    total: str
    closing: tuple[Labelled, ...]
    total_also: tuple[str, ...] = ()  # other wordings of the total's label filled forms use (合计)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.indicators.columns if c.key == key), None)


def label_with_weight(label: str, weight: Decimal | None) -> str:
    """A layout's block label with the weight it prints made the set's: 预算执行情况（10分） is （15分） for a profile that
    gives 预算执行 15."""
    found = WEIGHT_IN_LABEL.search(label)
    if found is None or weight is None:
        return label
    return label[:found.start(1)] + plain(weight) + label[found.end(1):]


def form_layouts() -> dict[str, Path]:
    """The bundled form layouts: id → file (the folder is read each time: a test puts its own in place of it)."""
    return {p.stem: p for p in sorted(_FOLDER.glob("*.yaml"))}


def form_layout(layout_id: str) -> FormLayout:
    """The bundled form layout `layout_id`: a ScoringEngineError with a did-you-mean for an unknown one, an
    IndicatorSetError listing a broken one's problems at their lines (forms.layout_file)."""
    known = form_layouts()
    if layout_id not in known:
        raise ScoringEngineError(f"unknown form layout {layout_id!r}",
                                 hint=did_you_mean(layout_id, known) or "one of: " + ", ".join(known))
    path = known[layout_id]
    return _load(path, path.stat().st_mtime_ns)


@cache
def _load(path: Path, _version: int) -> FormLayout:
    """The layout in `path`, read once per version of the file (a layout changed, or another folder, is read anew)."""
    return _build(read_layout(path))


def _labelled(raw: Mapping[str, Any]) -> Labelled:
    return Labelled(str(raw["label"]), str(raw.get("key") or raw.get("field") or ""), tuple(raw.get("also", ())))


def _build(data: Mapping[str, Any]) -> FormLayout:
    funds, goals, indicators = data["funds"], data["goals"], data["indicators"]
    return FormLayout(
        id=data["id"], name=data["name"], title=data["title"], subtitle=data["subtitle"],
        header=tuple(tuple(_labelled(item) for item in line) for line in data["header"]),
        funds=Block(funds["label"], tuple(_labelled(c) for c in funds["columns"]),
                    tuple(_labelled(r) for r in funds["rows"])),
        goals=Block(goals["label"], tuple(_labelled(c) for c in goals["columns"])),
        indicators=Block(indicators["label"], tuple(_labelled(c) for c in indicators["columns"])),
        skeleton={str(k): tuple(v) for k, v in indicators["skeleton"].items()},
        total=data["total"]["label"],
        closing=tuple(_labelled(c) for c in data.get("closing") or ()),
        total_also=tuple(data["total"].get("also") or ()),
    )
