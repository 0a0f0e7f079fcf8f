"""What a clerk typed on a form that the set does not read: each named by its cell in a warning, never dropped in silence.

A facts file that gives a fact the set does not declare is warned of (`_undeclared.undeclared_warnings`); a form is held to the
same. Three places of a form hold values the set may not read: a 事实 row of the side sheet naming a fact the set
does not declare (a typo: budget.piad), a row of the funds block the layout prints but the set binds no facts to
(the Sichuan form's 财政专户管理资金 under a profile whose form: leaves it out), and the value columns of a row of the
set's own tree, which the set scores from facts
(the national framework's 预算执行率, from budget.paid and budget.total on 表外事实). The form `score` writes leaves
the last two blank, so reading it back says nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .._text import cut, keeping_lists
from ..errors import Problem
from .._undeclared import removed_facts, undeclared_warnings
from ..model import Indicator, IndicatorSet
from .._command_line import run_as_command
from .bases import template_of
from .layout import Labelled
from .reading import SIDE_SHEET, UNUSED, FormReading
from .workbook import Sheet

__all__ = ["SIDE_KINDS", "filled_but_not_applicable", "funds_row", "indicator_named", "indicators_like", "other_form",
           "own_row", "side_facts", "side_kind", "unscored_funds"]

#: The 类别 of the side sheet's rows: the first three are read, the others are the tool's own.
SIDE_KINDS = ("事实", "不适用", "项目", "指标体系", "来源", "类别")
#: The value columns of the indicator block, in the order the form prints them.
_VALUE_COLUMNS = ("comparison", "target", "target_value", "unit", "actual", "actual_value")
_FACTS_SHOWN = 4


def other_form(indicator_set: IndicatorSet) -> str:
    """The fix for a form whose 一级 are not the set's: another set's form, or this set's form filled on another's blank."""
    given = "--set" if run_as_command() else "indicator_set"  # a program names no option (QA317 5)
    return (f"fill the blank form of {indicator_set.id} ({template_of(indicator_set)}), which has the 一级 of that set, or "
            f"score with the set whose form this is ({given})")


def side_facts(reading: FormReading, given: Mapping[str, str]) -> None:
    """A warning for each 事实 row naming a fact the set does not declare (`given`: name → its value's cell), said as a
    facts file's is, on the cell: a fact a profile removes said so, any other with its did-you-mean among the facts the
    form does not give (QA152 F4: benefit.ecological, removed, was offered benefit.economic, given on the form)."""
    declared = {name: spec for name, spec in reading.set.facts.items() if name not in reading.values}
    for problem in undeclared_warnings(given, declared, str(reading.path), removed_facts(reading.set)):
        cell = given.get(problem.fact or "")
        message = keeping_lists(f"{cell}: {problem.message}", problem.message) if cell else problem.message
        reading.warnings.append(dataclasses.replace(problem, message=message, hint=_given_already(reading, problem)))


def _given_already(reading: FormReading, problem: Problem) -> str | None:
    """The hint of a misspelt 事实 row: the fact it is closest to when the form gives that one already (budget.adjustd
    beside budget.adjusted on C5: said so, not offered the next closest, budget.paid, which a clerk would then fill:
    QA159 F2); else the hint as it was."""
    import difflib

    if (problem.hint is not None and not problem.hint.startswith("did you mean ")) or problem.fact is None:
        return problem.hint  # a fact the profile removes: said so
    close = difflib.get_close_matches(problem.fact, list(reading.set.facts), n=1)
    if not close or close[0] not in reading.values:
        return problem.hint
    where = reading.provenance.get(close[0])
    return f"{close[0]} is given at {where}" if where else f"{close[0]} is given on the form"


def side_kind(reading: FormReading, side: Sheet, row: int, kind: str, name: str) -> None:
    """A row of the side sheet with a name and a value whose 类别 is none the reader reads: a warning on its 类别 cell,
    with the fact it names, if it names one (a fact the set then misses is said to be this row: QA47 F2)."""
    message = (f"the row's 类别 {kind} is not one of 事实, 不适用, 项目, so the row is not read" if kind
               else "the row has no 类别 (事实, 不适用 or 项目), so it is not read")
    hint = "write 事实 for a fact, 不适用 for an indicator not applicable, 项目 for a project detail"
    reading.warnings.append(Problem(f"{side.ref(row, 1)}: {message}", file=str(reading.path), hint=hint,
                                    fact=name if name in reading.set.facts else None))


def funds_row(reading: FormReading, row: int, label: str, columns: Mapping[str, int], scored: bool = True) -> None:
    """A row of the funds block the set reads no facts of (`columns`: the block's columns the set reads on its other
    rows, by key), or with `scored` False the 分值 and 得分 of a 其中 row (`columns`: those two), which the form prints
    as a dash: what is typed there is named, since it counts for nothing and the form written back leaves it blank."""
    cells = _typed(reading, row, columns, [c.key for c in reading.layout.funds.columns])
    if cells:
        shown = _shown([key for key, _ in cells], reading.layout.funds.columns)
        refs = ", ".join(reading.sheet.ref(row, col).split("!", 1)[1] for _, col in cells)
        why = (f"the set {reading.set.id} has no facts for this row" if scored
               else "the 预算执行率 is scored once, on the row of the whole budget")
        reading.warnings.append(Problem(
            f"{reading.sheet.ref(row, cells[0][1])}: row {cut(label)}: the {shown} typed here ({refs}) are not read: {why}",
            file=str(reading.path), hint="they count for nothing, and the form the tool writes leaves the row blank"
            if scored else "leave them empty: the 分值 and 得分 of the budget's execution go on its first row"))


def unscored_funds(reading: FormReading, heading: tuple[int, dict[str, int]]) -> None:
    """The funds block of a form whose set has no funds (henan-special-bond-operation), filled in all the same (a form
    of the set's construction period reused, QA54 F4): each row typed on named, as read by nothing. `heading`: the
    block's heading row and the column of each of its columns."""
    row_at, columns = heading
    first_column = min(columns.values())
    for r in [r for r in reading.sheet.rows if row_at < r <= row_at + len(reading.layout.funds.rows) + 5]:
        label = next((item for c in range(1, first_column) for item in reading.layout.funds.rows
                      if item.matches(reading.sheet.text(r, c))), None)
        if label is not None:
            funds_row(reading, r, label.label, columns)


def own_row(reading: FormReading, row: int, at: Mapping[str, int], name: str, indicator: Indicator | None) -> None:
    """A row of the set's own tree (scored from facts) with values typed in its 年度指标值, 实际完成值 or other value
    columns: one warning naming those cells and the facts the set scores the row from."""
    cells = _typed(reading, row, at, list(_VALUE_COLUMNS))
    if not cells:
        return
    shown = _shown([key for key, _ in cells], reading.layout.indicators.columns)
    refs = ", ".join(reading.sheet.ref(row, col).split("!", 1)[1] for _, col in cells)
    facts = [] if indicator is None else [f for f, ids in reading.set.readers().items() if indicator.id in ids]
    on_form = {n for columns in reading.set.form.funds.values() for n in columns.values()}
    listed = ", ".join(facts[:_FACTS_SHOWN]) + ("…" if len(facts) > _FACTS_SHOWN else "")
    where = (f"the set scores this row from the facts {listed}" if facts
             else "the set scores this row from its facts") + ("" if on_form & set(facts) else f", on the sheet {SIDE_SHEET}")
    reading.warnings.append(Problem(f"{reading.sheet.ref(row, cells[0][1])}: row {cut(name)}: the {shown} typed here ({refs}) "
                                    f"are not read: {where}", file=str(reading.path),
                                    hint="fill in those facts, and leave these cells empty"))


def indicator_named(indicator_set: IndicatorSet, name: str) -> str:
    """The id of the indicator a 不适用 row names: by its id, or as the form prints it (满意度指标) or the set names it
    (服务对象满意度) when that names one indicator only; else `name` as written (checked, with a did-you-mean, as facts)."""
    if any(i.id == name for i in indicator_set.walk()):
        return name
    named = {b.indicator for b in indicator_set.form.targets if b.label == name} | \
        {i.id for i in indicator_set.walk() if i.name == name}
    return named.pop() if len(named) == 1 else name


def indicators_like(indicator_set: IndicatorSet, name: str) -> list[str]:
    """'id (label)' of the form's groups and the set's 一级 whose label or name holds `name` or is held in it (满意度,
    服务对象满意度指标 for satisfaction): what a 不适用 row naming no indicator may have meant."""
    found = {b.indicator: b.label for b in indicator_set.form.targets if name in b.label or b.label in name}
    found.update({i.id: i.name for i in indicator_set.indicators if i.id not in found and (name in i.name or i.name in name)})
    return [f"{key} ({label})" for key, label in found.items()] if name.strip() else []


def filled_but_not_applicable(reading: FormReading, not_applicable: Mapping[str, str]) -> None:
    """A warning for each group of target rows the unit filled that the side sheet marks not applicable (itself or an
    indicator above it): the rows are not scored, and one of the two is the unit's slip."""
    for marked in not_applicable:
        try:
            top = reading.set.indicator(marked)
        except KeyError:  # an unknown id: said when the facts are checked
            continue
        for node in _below(top):
            fact = node.rows.fact if node.rows is not None else None
            cells = [reading.provenance[key] for key in reading.provenance if fact and key.startswith(fact + "[")]
            if cells:
                reading.warnings.append(Problem(
                    f"{cells[0]}: the rows of {node.name} are filled ({len(set(cells))} cells), but "
                    f"{reading.provenance.get(f'not_applicable.{marked}', SIDE_SHEET)} marks {marked} not applicable, so "
                    "they are not scored", file=str(reading.path),
                    hint=f"delete the 不适用 row of {marked} on {SIDE_SHEET}, or clear these rows"))


def _below(indicator: Indicator) -> list[Indicator]:
    return [indicator, *(n for child in indicator.children for n in _below(child))]


def _typed(reading: FormReading, row: int, at: Mapping[str, int], keys: Sequence[str]) -> list[tuple[str, int]]:
    """(column key, column) of the cells among `keys` that hold something (a dash or a slash is an empty cell)."""
    found = []
    for key in keys:
        value = reading.sheet.get(row, at[key]) if key in at else None
        if value is not None and not (isinstance(value, str) and value.strip() in UNUSED):
            found.append((key, at[key]))
    return found


def _shown(keys: Sequence[str], columns: Sequence[Labelled]) -> str:
    """The columns' labels as the form prints them: 年度指标值 and 实际完成值."""
    labels = [next((c.label for c in columns if c.key == key), key) for key in keys]
    return "、".join(labels)
