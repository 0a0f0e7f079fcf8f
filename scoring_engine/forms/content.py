"""What goes into a 自评表: from a scored Result, or blank from an indicator set (the template).

The content is the same for every form layout: the project's header fields, the
funds amounts, one line per 三级 target (or per scored indicator of a fixed tree),
the total. `selfeval.form_grid` lays it out as the layout says. Nothing here
recomputes a score: scores and weights are the Result's, and the 执行率 is the
amounts' own ratio, shown as the form shows it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import field
from decimal import Decimal
from typing import Any

from .._arith import fixed
from .._display import show_value
from .._record import record
from ..judgements import TargetRow
from ..model import FormBinding, Indicator, IndicatorSet, RowGroup, listed_categories
from ..result import IndicatorResult, Result
from .labels import to_wan
from .layout import FormLayout
from .reading import says_something

#: The reason reading a form gives a qualitative row whose reason cell the unit left blank (a judgement needs one).
NO_REASON = "自评表未填写理由"

__all__ = ["FormContent", "IndicatorLine", "blank_content", "result_content", "BLANK_ROWS"]

#: Empty 三级 rows a blank template gives each 二级 category.
BLANK_ROWS = 2


@record
class IndicatorLine:
    """One line of the indicator block."""

    level1: str
    level2: str = ""
    level3: str = ""
    comparison: str | None = None
    target: Decimal | None = None
    target_text: str | None = None
    unit: str | None = None
    actual: Decimal | None = None
    actual_text: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""
    key: str = ""  # the indicator id, or "" for an empty line


@record
class FormContent:
    project: Mapping[str, str]  # header, goals and closing fields: name, department, unit, year, goal, outcome…
    funds: Mapping[str, Mapping[str, Any]]  # funds row key → column key → value (Decimal, text, or None)
    lines: tuple[IndicatorLine, ...]
    precision: int
    max_total: Decimal | None = None
    total: Decimal | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    capped: str = ""  # beside 总分 when a cap took the total below the scores' sum: what they add up to (QA255 M2)
    funds_note: str = ""  # under the funds block: the rate scored, where it is not the B/A printed (QA324 F1)


def result_content(result: Result, binding: FormBinding, layout: FormLayout, groups: Mapping[str, RowGroup],
                   placeholders: Mapping[str, str] | None = None, funds_note: str = "") -> FormContent:
    """The form as the scored project fills it.

    `placeholders` are the text defaults the set supplies for the funds block (Sichuan's 未说明 for the reason):
    they stand for a cell the unit left blank, so the form leaves it blank, and reading the form back gives them again.
    `funds_note`: the line under the funds block (forms/scored_rate.py), if any.
    """
    project = {str(k): show_value(v) for k, v in result.project.items()}
    if "conclusion" in {c.key for c in layout.closing} and "conclusion" not in project:
        project["conclusion"] = own_conclusion(result.total, result.grade)
    notes = [f"等级：{result.grade}" + (f"（结果应用：{result.grade_consequence}）" if result.grade_consequence else "")]
    notes += [f"需说明：{f.text('zh')}" for f in result.flags]  # the project must explain itself: the bureau's copy says so
    notes += [f"提示：{w.text('zh')}" for w in result.warnings]  # the form is Chinese, as the scoresheet is
    notes += _not_applicable(result.indicators, any(i.weight != i.declared_weight for i in result.walk()
                                                    if i.declared_weight is not None))
    notes += _unexplained(result, binding)
    lines = tuple(_lines(result, binding, layout, groups))
    summed = sum((top.score for top in result.indicators), Decimal(0))
    capped = f"各项得分合计{fixed(summed, result.precision)}分，封顶后总分{fixed(result.total, result.precision)}分" \
        if summed != result.total else ""
    return FormContent(project, _funds(result, binding, placeholders or {}), lines, result.precision,
                       result.max_total, result.total, tuple(notes), capped, funds_note)


def own_conclusion(total: Any, grade: str) -> str:
    """The 评价结论 the form writes where the project gives none: the total and grade, as scored."""
    return f"总分{total}分，等级：{grade}"


def is_own_conclusion(text: str, grades: Collection[str]) -> bool:
    """Whether a 评价结论 is one the form wrote (own_conclusion) under a set whose grades are `grades`: read back, it is
    no fact of the project, and it would stand stale beside a total scored again (QA54 F2). A unit's own that begins
    the same way and goes on (总分85分，等级：良，项目完成较好) is the unit's."""
    written = re.fullmatch(r"总分-?[\d.]+分，等级：(.+)", text.strip())
    return written is not None and written[1] in grades


def _not_applicable(indicators: Sequence[IndicatorResult], rescaled: bool) -> list[str]:
    """The indicators marked 不适用 (the highest of each branch), with their reasons: the form prints no row for one
    that has none, and the 分值 of the others may be rescaled for it (QA53 F5)."""
    notes = []
    for i in indicators:
        if i.not_applicable is not None:  # its weight moved to one indicator (not_applicable_to), or shared by all
            moved = _moved_to(i)
            notes.append(f"不适用：{i.name}（{i.id}）：{i.not_applicable}" + (f"；其分值计入{moved}" if moved else
                                                                         "；其他指标的分值已按比例调整" if rescaled else ""))
        else:
            notes += _not_applicable(i.children, rescaled)
    return notes


def _moved_to(marked: IndicatorResult) -> str:
    """Where the weight of an indicator marked 不适用 went (not_applicable_to), as its leaves' reasons say ('…，分值计入
    项目效益'); '' where it was shared by all. A parent's own reason sums its children (QA116 F3)."""
    if "，分值计入" in (marked.reason or ""):
        return marked.reason.rpartition("分值计入")[2]
    return next((moved for child in marked.children if (moved := _moved_to(child))), "")


def _unexplained(result: Result, binding: FormBinding) -> list[str]:
    """Why a target row lost points, as scored, where the unit wrote no 偏差原因 in its row (QA84 F2: a row scored 0 of
    8.89 stood with an empty cell, and the deduction was said nowhere on the form)."""
    notes = []
    for block in binding.targets:
        scored = result.indicator(block.indicator)
        rows: tuple[TargetRow, ...] = _value(result, block.fact) or ()
        for child, row in zip(scored.children, rows, strict=False):
            unsaid = not row.reason or row.reason == NO_REASON or not says_something(row.reason)  # 无, — (QA85 F3)
            # a row the unit judged itself (its tier, its 得分) says why by them: no stand-in nor 无 is shown (QA87 F4)
            if child.score < child.weight and unsaid and row.tier is None and row.score is None:
                notes.append(f"扣分：{row.name}：{_reason(child)}")
    return notes


def _value(result: Result, name: str | None) -> Any:
    fact = result.fact(name) if name else None
    return fact.value if fact is not None else None


def _in_wan(result: Result, name: str, value: Any) -> Any:
    """A funds fact's value as the form gives it: an amount in 万元, whatever unit the set declares it in (QA308 1)."""
    fact = result.fact(name) if isinstance(value, Decimal) else None
    return to_wan(value, fact.unit) if fact is not None else value


def _funds(result: Result, binding: FormBinding, placeholders: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    if binding.funds_indicator is None:
        return {}
    scored = result.indicator(binding.funds_indicator)
    found: dict[str, dict[str, Any]] = {}
    for row_key, columns in binding.funds.items():
        cells = {column: None if placeholders.get(name) == (value := _value(result, name)) else _in_wan(result, name, value)
                 for column, name in columns.items()}
        budget, paid = cells.get("budget"), cells.get("paid")
        if isinstance(budget, Decimal) and isinstance(paid, Decimal) and budget > 0:
            cells["rate"] = paid / budget
        if row_key == "total":
            cells["weight"], cells["score"] = scored.weight, scored.score
        found[row_key] = cells
    return found


def _lines(result: Result, binding: FormBinding, layout: FormLayout, groups: Mapping[str, RowGroup]) -> list[IndicatorLine]:
    shown = {binding.funds_indicator} | {t.indicator for t in binding.targets}
    lines: list[IndicatorLine] = []
    for block in binding.targets:
        scored = result.indicator(block.indicator)
        rows: tuple[TargetRow, ...] = _value(result, block.fact) or ()
        # one child per row, but none when the group is not applicable: its rows are then not shown
        pairs = list(zip(scored.children, rows, strict=False))
        group = groups[block.indicator]
        lines += _group_lines(block.label, _skeleton(layout, block.label, group), pairs, group)
    for path in result.paths():
        node = path[-1]
        if path[0].id in shown or node.children:
            continue
        lines.append(_own_line([n.name for n in path], node.weight, node.id, node.score, _reason(node)))
    return lines


def _own_line(names: list[str], weight: Decimal, key: str, score: Decimal | None = None, reason: str = "") -> IndicatorLine:
    """The line of an indicator of the set's own tree, by the names from its 一级 down: 一级, 二级, then the rest."""
    return IndicatorLine(names[0], names[1] if len(names) > 2 else "", " › ".join(names[2:]) or names[-1],
                         weight=weight, score=score, reason=reason, key=key)


def _skeleton(layout: FormLayout, label: str, group: RowGroup | None) -> tuple[str, ...]:
    """The 二级 a block prints: those the set's row group declares (a profile's own 成本指标 group, or 产出 without
    成本指标), else the layout's for that 一级."""
    return group.categories if group is not None and group.categories else layout.skeleton.get(label, ())


def _reason(node: IndicatorResult) -> str:
    from ..reports.rows import reason_text

    return reason_text(node)


def _group_lines(label: str, skeleton: tuple[str, ...], pairs: list[tuple[IndicatorResult, TargetRow]],
                 group: RowGroup) -> list[IndicatorLine]:
    """The group's rows under their 二级 categories, in the skeleton's order; an empty category keeps one empty line."""
    lines = []
    for category in listed_categories(skeleton, [row.category or "" for _, row in pairs]):
        mine = [(scored, row) for scored, row in pairs if (row.category or "") == category]
        if not mine:
            lines.append(IndicatorLine(label, category))
        for scored, row in mine:
            lines.append(IndicatorLine(
                label, category, row.name, group.comparison_of(row), row.target, row.target_text, row.unit, row.actual,
                row.tier if row.actual is None else None, scored.weight, scored.score,
                "" if row.reason == NO_REASON else row.reason or "", scored.id))  # the reader's stand-in is no reason
    return lines


def blank_content(indicator_set: IndicatorSet, layout: FormLayout, rows: int = BLANK_ROWS) -> FormContent:
    """The empty form a unit fills in: the skeleton with `rows` empty lines per 二级, the fixed indicators with their weights."""
    binding = indicator_set.form
    funds: dict[str, dict[str, Any]] = {}
    if binding.funds_indicator is not None:
        weight = indicator_set.indicator(binding.funds_indicator).weight
        funds = {row_key: ({"weight": weight} if row_key == "total" else {}) for row_key in binding.funds}
    lines = []
    shown = {binding.funds_indicator} | {t.indicator for t in binding.targets}
    for block in binding.targets:
        for category in _skeleton(layout, block.label, indicator_set.indicator(block.indicator).rows) or ("",):
            lines += [IndicatorLine(block.label, category)] * rows
    for top in indicator_set.indicators:
        if top.id in shown:
            continue
        lines += [_own_line([n.name for n in path], path[-1].weight, path[-1].id) for path in _leaf_paths(top)]
    return FormContent({}, funds, tuple(lines), indicator_set.precision, indicator_set.total)


def _leaf_paths(node: Indicator, above: tuple[Indicator, ...] = ()) -> Iterator[tuple[Indicator, ...]]:
    """The path from the 一级 down to each leaf below `node`, in the set's order (as the written form prints them)."""
    path = (*above, node)
    if node.is_leaf:
        yield path
    for child in node.children:
        yield from _leaf_paths(child, path)
