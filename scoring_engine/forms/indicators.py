"""The indicator block of a filled 自评表: each 三级 row under the 一级 of a row group read as a target row of that group's
fact, each cell checked and its place recorded; the rows of the set's own tree, whose 得分 typed is compared."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._arith import plain
from .._text import cut, quoted
from ..errors import Problem
from ..model import Indicator, TargetBlock
from .._row_fit import row_hint, unsigned_target
from .._time_units import year_in_date_row
from ..target_rows import dated_row, parse_comparison, target_row, written_quantity
from .content import NO_REASON
from .label_cells import label_text, reason_words, refuse_heading_values
from .layout import WEIGHT_IN_LABEL, Column, same_label
from .reading import (FILL_THE_CELL, SIDE_SHEET, UNUSED, Blank, FormReading, bare_value, is_percentage, numeric, one_line,
                      unsigned_number, with_unit)
from .unread import other_form, own_row
from .workbook import Formula

__all__ = ["PUT_THE_ROW_BACK", "read_indicators"]

PUT_THE_ROW_BACK = "put the row back as the form prints it, and fill it in"

#: The indicator columns a form may add to a layout without them, as the Sichuan layout prints them: read when added.
_ADDED = (Column("指标性质", "comparison"), Column("度量单位", "unit"))
#: What a 三级 cell of a row left unused holds: the dash or slash the form prints in unused cells (`UNUSED`), or 无. Such a
#: row is read as an empty one (QA204 7: D16..I16 all "—" was read as an indicator named "—", refused for its 分值).
_NO_NAME = frozenset((*UNUSED[1:], "无"))
# The indicator block's columns a form cannot be scored without, when its layout has them.
_NEEDED_COLUMNS = ("level3", "target", "target_value", "actual", "actual_value", "weight", "score")


def read_indicators(reading: FormReading) -> None:
    """The indicator block: each 三级 row under the 一级 of a row group becomes a target row of that group's fact."""
    targets = reading.set.form.targets
    columns = reading.layout.indicators.columns
    heading = reading.heading_row(columns, 4)
    total = _typed_scores(reading, heading) if heading is not None else None
    if not targets:
        return
    if heading is None or not {"level1", "level3"} <= set(heading[1]):
        reading.problems.append(Problem(f"{reading.sheet.name}: no indicator block (a row with 一级指标, 二级指标, 三级指标…)",
                                        file=str(reading.path)))
        return
    row_at, at = heading
    refused = refuse_heading_values(reading, row_at, at, len(columns), _ADDED)
    for column in columns if not refused else ():  # a heading refused: said of its cell
        if column.key in _NEEDED_COLUMNS and column.key not in at:  # else every row would be scored wrong, or fail far away
            reading.problem(row_at, min(at.values()), f"the indicator block's heading has no column {column.label}",
                            f"write the heading as the form prints it: {column.label}")
    rows, first_row = _rows(reading, row_at, {**at, **_added_columns(reading, row_at, at)}, total[0] if total else 10**9)
    for block in targets:
        if rows[block.fact]:
            reading.values[block.fact] = rows[block.fact]
        elif block.fact in first_row and not any(p.message.startswith(f"{first_row[block.fact]}: ") for p in reading.problems):
            reading.empty[block.fact] = Blank(first_row[block.fact], f"{block.label}的三级指标",  # or 不适用 (QA261 F8)
                                              f"fill in the cell, or, if {block.label} does not apply, add a row 不适用 | "
                                              f"{block.label} | the reason on the side sheet {SIDE_SHEET}")
        else:  # its 一级 label is not on the form: the rows were taken off with it
            reading.empty[block.fact] = Blank(reading.sheet.ref(row_at, at["level1"]),
                                              f"{block.label}的三级指标（表上没有“{block.label}”一栏）", PUT_THE_ROW_BACK)


def _added_columns(reading: FormReading, row_at: int, at: Mapping[str, int]) -> dict[str, int]:
    """The columns of `_ADDED` the heading row holds where the layout has none: read as on the form that prints them (a
    指标性质 column added to the national form, its ≤ read; it was not read, and 群众投诉率 ≤5% at 8% took full marks)."""
    return {column.key: c for (r, c), value in reading.sheet.cells.items() if r == row_at and isinstance(value, str)
            for column in _ADDED if column.key not in at and reading.layout.column(column.key) is None
            and column.matches(value)}


def _column(reading: FormReading, key: str) -> Column | None:
    """The indicator column `key`, as the form's layout prints it or as `_ADDED` knows it."""
    return reading.layout.column(key) or next((c for c in _ADDED if c.key == key), None)


def _shown(reading: FormReading, key: str) -> str:
    """The indicator column `key`'s label, as the form prints it (the key of one it does not know)."""
    column = _column(reading, key)
    return column.label if column else key


def _rows(reading: FormReading, row_at: int, at: Mapping[str, int], end: int
          ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """The target rows of each row group's fact, read from the rows between the heading `row_at` and `end`, and each
    group's first 三级指标 cell (where an empty block is to be filled)."""
    rows: dict[str, list[dict[str, Any]]] = {t.fact: [] for t in reading.set.form.targets}
    first_row: dict[str, str] = {}
    level1: tuple[int, TargetBlock | None] | None = None
    level2 = written_before = level2_at = ""
    for r in [r for r in reading.sheet.rows if row_at < r < end and not _numbering(reading, r, at)]:
        written1 = label_text(reading, r, at["level1"], "一级指标")
        if written1 is None:  # refused: its rows are no other 一级's
            level1, level2, written_before = (r, None), "", ""
        # the same 一级 written again (its merged cells unmerged and filled down, to sort or filter) goes on as an empty one
        elif written1 and not same_label(WEIGHT_IN_LABEL.sub("", written1), WEIGHT_IN_LABEL.sub("", written_before)):
            level1, level2, written_before = (r, _block(reading, r, at["level1"], written1)), "", written1
            if level1[1] is not None:
                first_row.setdefault(level1[1].fact, reading.sheet.ref(r, at["level3"]))
        written2 = label_text(reading, r, at["level2"], "二级指标") if "level2" in at else ""
        if written2 is None:  # refused: the row is not of the 二级 above it
            level2 = ""
        elif written2:
            level2 = "".join(written2.split())  # '质量\n指标' (Alt+Enter in the cell)
            level2_at = reading.sheet.ref(r, at["level2"])  # where a 二级 the set has not is to be fixed (QA54 F6)
        name = reading.text(r, at["level3"])
        dash, name = (name, "") if name and name in _NO_NAME else (None, name)  # an unused row, as the form prints one
        if not name and level1 is not None and level1[1] is not None:
            filled = [reading.layout.column(k) for k in ("target", "target_value", "actual", "actual_value", "weight", "score")
                      if k in at and not reading.unused(r, at[k])]  # not the form's own "—" (QA137 F8)
            if filled and not isinstance(reading.sheet.get(r, at["level3"]), Formula):  # refused as one: QA331 F8
                reading.problem(r, at["level3"], f"the 三级指标 is {'empty' if dash is None else f'{dash!r}, no name'}, but "
                                                 f"the row has {', '.join(c.label for c in filled if c)}",
                                "write the indicator's name, or clear the row")
        if name and level1 is None:  # above the block's first 一级: read as no group's row, it was dropped (QA165 F2)
            _above_first_block(reading, r, at, name)
        if not name or level1 is None or level1[1] is None:
            continue
        fact = level1[1].fact
        row = _row(reading, r, at, name, level2, f"{fact}[{len(rows[fact])}]")  # numbered from 0, as $.facts paths are
        if row is not None and level2:
            reading.provenance[f"{fact}[{len(rows[fact])}].category"] = level2_at
        if row is not None:
            rows[fact].append(row)
    return rows, first_row


def _numbering(reading: FormReading, r: int, at: Mapping[str, int]) -> bool:
    """Whether row `r` numbers the block's columns (栏次: 1 2 3 … 8 under their headings, as numbers or text): no row of
    indicators, it is skipped, as it was before its 一级 cell's number was refused (QA168 F3). A column the clerk added
    (指标性质, 度量单位) may be left unnumbered: 1 2 3 _ 4 … 8 (QA169 F4)."""
    added = {c for key, c in at.items() if reading.layout.column(key) is None}
    numbers = [n for c in sorted(set(at.values())) if (n := bare_value(reading.sheet.get(r, c))) is not None or c not in added]
    first = numbers[0]
    return len(numbers) >= 3 and first is not None and first == int(first) and 1 <= first <= min(at.values()) \
        and numbers == [first + i for i in range(len(numbers))]


def _above_first_block(reading: FormReading, r: int, at: Mapping[str, int], name: str) -> None:
    """A 三级 row above the first 一级 of the indicator block: it is of no row group, so it is refused on its 一级 cell."""
    labels = "、".join(t.label for t in reading.set.form.targets)
    reading.problem(r, at["level1"], f"row {cut(name)}: the row has no 一级指标 (it is above the first 一级 of the block)",
                    f"write its 一级指标 ({labels}) in the cell, or move the row under its 一级")


def _typed_scores(reading: FormReading, heading: tuple[int, dict[str, int]]) -> tuple[int, int] | None:
    """总分 and each own row's 得分, typed where the set computes them, kept to be compared; the 总分 cell, if any."""
    row_at, at = heading
    total = reading.total_row(row_at, at)
    if total and "score" in at:
        reading.typed_score("total", total[0], at["score"])
    if total and "weight" in at:
        reading.weights_shown["total"] = (total[0], at["weight"])
    if {"level1", "level3"} <= set(at):
        _own_rows(reading, row_at, at)
    return total


def _own_rows(reading: FormReading, row_at: int, at: Mapping[str, int]) -> None:
    """The rows of the set's own tree (scored from the facts, on the side sheet too): each 得分 typed there kept to be
    compared with the set's score (a unit that lowers one, or fills them all, is told its own do not count), and a
    value typed in their 年度指标值 or 实际完成值 warned of, as not read."""
    own: Indicator | None = None  # the 一级 of the set's own tree the rows are under, when they are
    form = reading.set.form  # its row groups and funds are read from the form, not scored from facts
    read = {t.indicator for t in form.targets} | {form.funds_indicator}
    for r in [r for r in reading.sheet.rows if r > row_at]:
        written1 = reading.sheet.text(r, at["level1"])
        if written1:
            label = WEIGHT_IN_LABEL.sub("", written1)
            own = None if any(same_label(label, t.label) for t in form.targets) else \
                next((top for top in reading.set.indicators if same_label(label, top.name) and top.id not in read), None)
        name = reading.sheet.text(r, at["level3"])
        if own is not None and name:
            indicator = next((i for i in own.walk() if i.is_leaf and same_label(name, i.name)), None)
            if indicator is not None and "score" in at:
                reading.typed_score(indicator.id, r, at["score"])
            if indicator is not None and "weight" in at:  # compared with the set's as the 总分's is (QA331 F4)
                reading.weights_shown[indicator.id] = (r, at["weight"])
            own_row(reading, r, at, name, indicator)


def _block(reading: FormReading, row: int, col: int, written: str) -> TargetBlock | None:
    """The row group a 一级 label names ('产出指标(50分)' too); a problem when it names none, or another weight."""
    weight = WEIGHT_IN_LABEL.search(written)
    label = WEIGHT_IN_LABEL.sub("", written)
    block = next((t for t in reading.set.form.targets if same_label(label, t.label)), None)
    if block is None:
        if any(same_label(label, top.name) for top in reading.set.indicators):
            return None  # an indicator of the set's own tree: scored from its facts, not read from the form
        names = ", ".join(t.label for t in reading.set.form.targets)
        reading.problem(row, col, f"一级指标 {written!r} is not one of the form's: {names}", other_form(reading.set))
        return None
    declared = reading.set.indicator(block.indicator).weight
    if weight and Decimal(weight.group(1)) != declared:
        reading.problem(row, col, f"the label gives {weight.group(1)} points, but {block.label} weighs {declared} in the set "
                                  f"{reading.set.id}", "correct the label or score the form with the set it was made for")
    return block


def _row(reading: FormReading, r: int, at: Mapping[str, int], name: str, category: str, where: str) -> dict[str, Any] | None:
    """One 三级 row as a target row; each cell checked and its place recorded."""
    item: dict[str, Any] = {"name": name}
    reading.provenance[f"{where}.name"] = reading.sheet.ref(r, at["level3"])
    if _says_not_applicable(reading, r, at, name, where):
        return None
    if category:
        item["category"] = category
    before = len(reading.problems)
    blank: dict[str, Blank] = {}
    for key, field_name in (("target", "target"), ("target_value", "target"), ("comparison", "comparison"), ("unit", "unit"),
                            ("actual", "actual"), ("actual_value", "actual"), ("reason", "reason")):
        if key in at:
            value = reading.sheet.get(r, at[key])
            if isinstance(value, Formula):
                reading.problem(r, at[key], f"{value.holds()}; expected the {_shown(reading, key)} itself",
                                _EXACT_HINT if key in ("target", "target_value") else _SIGN_HINT if key == "comparison" else None)
            elif key == "reason" and value is not None and not isinstance(value, str):  # I13 = 0 (QA165 F6)
                reason_words(reading, r, at[key], _shown(reading, key), name)
            elif value is not None:
                item[field_name] = one_line(value, field_name) if isinstance(value, str) else \
                    with_unit(reading, r, at[key], value)
                reading.provenance[f"{where}.{field_name}"] = reading.sheet.ref(r, at[key])
            else:
                blank.setdefault(field_name, reading.blank(r, at[key], _shown(reading, key)))
    if "target" in blank and isinstance(item.get("actual"), Decimal) and blank["target"].hint == FILL_THE_CELL:
        blank["target"] = blank["target"]._replace(hint=f"{FILL_THE_CELL}; {_JUDGED_BY_TIER}")
    reading.empty.update((f"{where}.{name}", place) for name, place in blank.items() if name not in item)
    _nature(reading, r, at, item)
    words = _signs_and_percents(reading, r, at, item, category)
    if "weight" in at:
        weight = reading.number(r, at["weight"], "the row's weight (分值), a number above 0", "分")
        if weight is None and len(reading.problems) == before:
            reading.problem(r, at["weight"], f"expected the row's weight (分值), got {_typed(reading, r, at['weight'])}",
                            "write the points the row carries")
        item["weight"] = weight
        reading.provenance[f"{where}.weight"] = reading.sheet.ref(r, at["weight"])
    target = item.get("target")
    numeric_target = not words and (isinstance(target, Decimal) or numeric(target))  # '约9.5公里' beside ≥10公里: a slip
    if numeric_target and "score" in at:  # the set scores a quantitative row: a score typed there is compared with it
        reading.typed_score(where, r, at["score"])
    if isinstance(item.get("actual"), str) and not numeric(item.get("actual")) and not numeric_target and "score" in at:
        score = reading.number(r, at["score"], "the score the unit gave this qualitative row", "分")
        if score is None and len(reading.problems) == before:
            reading.problem(r, at["score"], f"row {cut(name)}: expected the score the unit gave this qualitative row, got "
                            f"{_typed(reading, r, at['score'])}", reading.tier_hint(item["actual"]))
        item["score"] = score
        item.setdefault("reason", NO_REASON)
        reading.provenance[f"{where}.score"] = reading.sheet.ref(r, at["score"])
    if len(reading.problems) > before:
        return None
    try:
        target_row(0, item)
    except ValueError as err:  # its fix naming what the row's group needs (QA196 G3)
        fix = row_hint(err, reading.set, where.rsplit("[", 1)[0])
        _row_problem(reading, r, at, name, str(err.args[0]).split(": ", 1)[-1], fix)
        return None
    return {k: v for k, v in item.items() if v is not None}


def _says_not_applicable(reading: FormReading, r: int, at: Mapping[str, int], name: str, where: str) -> bool:
    """Whether a row says 不适用 in its name, 指标值 or 实际完成值 (满意度 marked so in its own row), told on that cell how
    to mark its 一级 on the side sheet, not to give it a weight or a tier (QA261 F8, QA262 F7)."""
    said = next((at[k] for k in ("level3", "target", "target_value", "actual", "actual_value") if k in at and "不适用" in "".join(
        str(reading.sheet.get(r, at[k])).split())), None)
    if said is None:
        return False
    label = next((t.label for t in reading.set.form.targets if where.startswith(f"{t.fact}[")), "")
    reading.problem(r, said, f"row {cut(name)} says 不适用", f"a row that does not apply is deleted, its 分值 shared among "
                    f"the others; if all of {label} does not apply, add a row 不适用 | {label} | the reason on the side sheet "
                    f"{SIDE_SHEET}, and leave its rows out")  # one row of several, as all of them (QA266 F3)
    return True


def _typed(reading: FormReading, r: int, c: int) -> str:
    """What a number cell read as holding no number shows: the dash or slash typed there, quoted (QA200 5: G13 = — was
    said to be an empty cell), or an empty cell."""
    value = reading.sheet.get(r, c)
    return repr(value.strip()) if isinstance(value, str) and value.strip() else "an empty cell"


def _signs_and_percents(reading: FormReading, r: int, at: Mapping[str, int], item: dict[str, Any], category: str) -> bool:
    """A row's numbers beside a 度量单位 of %, and a target whose sign the form leaves to be guessed; a date in a 时效 row
    (said before the score a row of words needs: a date is no tier, QA47 F4). True for a deadline in words (12月底前完成)."""
    name = item["name"]
    try:
        if dated_row(item):
            return True
    except ValueError as err:
        _row_problem(reading, r, at, name, *err.args)
        return False
    if "unit" in at and isinstance(item.get("unit"), str) and unicodedata.normalize("NFKC", item["unit"]) == "%":
        _beside_percent_column(reading, r, at, item)
    if "comparison" in at and "comparison" not in item and unsigned_number(item.get("target"), item.get("unit")) \
            and not isinstance(reading.sheet.get(r, at["comparison"]), Formula) \
            and not year_in_date_row(item, written_quantity(item.get("target"))):  # its deadline, refused later (QA204 5)
        _row_problem(reading, r, at, name, f"comparison is empty, and the target {item['target']} has no sign",
                     "write ≥ for a target to reach, ≤ for a ceiling, = for an exact value")
    if "comparison" in at or not unsigned_number(target := item.get("target"), item.get("unit")):
        return False
    # the national form has no 指标性质 column: a 成本指标 written 100万元 was scored as ≥, and 125万元 took full marks
    guessed = unsigned_target(category, target, item.get("unit"), name)
    if guessed is not None:
        _row_problem(reading, r, at, name, *guessed)
    return False


#: What a 指标性质 column added to the national form may hold besides ≥, ≤, = and 定性: 定量 (the sign is the 年度指标值's),
#: 正向 (≥) and 反向 (≤), as the national form's users write it (QA168 F5).
_NATURE = {"定量": None, "正向": "≥", "反向": "≤"}


def _nature(reading: FormReading, r: int, at: Mapping[str, int], item: dict[str, Any]) -> None:
    """An added 指标性质's 定量, 正向 or 反向 read as the sign it stands for, that of the 年度指标值 it agrees with; a
    problem on its cell when it gives no sign the target lacks, or another sign. A layout's own column (Sichuan's) reads
    the three words so too, where they were refused (QA261 F5), and on a row judged by its tier any of them, or a sign,
    is refused on its cell as there (QA262 F4: 定量 was taken, 正向 told the row had no 完成值)."""
    word = item.get("comparison")
    if not isinstance(word, str):
        return
    actual = item.get("actual")
    if "target" not in item and isinstance(actual, str) and not numeric(actual) and _signed(word.strip()):
        kind = "a tier" if reading.is_tier(actual) else "text"  # '完成' is no tier of the set (QA171 F4)
        return _row_problem(reading, r, at, item["name"], f"comparison {word.strip()} is for a numeric target, but the "
                            f"target is empty and the actual {quoted(actual)} is {kind}", _TIER_NATURE)  # (QA169 F3)
    if word.strip() not in _NATURE:
        return
    sign, target = _NATURE[word.strip()], written_quantity(item.get("target"))
    shown = f"{word.strip()}（{sign}）" if sign else word.strip()
    if target is None and isinstance(item.get("target"), str):
        return _row_problem(reading, r, at, item["name"], f"comparison {shown} is for a numeric target, but the target "
                            f"{item['target']} is in words", "write 定性 for a target in words")
    if target is not None and target.comparison and sign and sign != target.comparison:
        return _row_problem(reading, r, at, item["name"], f"comparison {shown} disagrees with the target {item['target']}",
                            "write the sign once")
    if target is not None and not (sign or target.comparison):
        return _row_problem(reading, r, at, item["name"], f"comparison {shown} gives no sign, and the target "
                            f"{item['target']} has none", "write ≥, ≤ or = in 指标性质, or the sign in the target (≥10)")
    given = sign or (target.comparison if target is not None else None)
    if given:
        item["comparison"] = given
    else:
        item.pop("comparison")


#: A row judged by its tier, its 年度指标值 empty, beside a 指标性质 of 正向, 反向 or ≥ (scored as a number it has not).
_TIER_NATURE = "a row judged by its tier (达成年度指标) writes 定性 in 指标性质, or leaves it empty; a row measured writes " \
               "its 年度指标值 (≥10公里)"


def _signed(word: str) -> bool:
    """Whether an added 指标性质 says the row is measured: 定量, 正向, 反向, or a sign (≥, ≤, =, >= …)."""
    try:
        return word in _NATURE or bool(parse_comparison(word))
    except ValueError:  # no 指标性质: said where the row is read
        return False


def _beside_percent_column(reading: FormReading, r: int, at: Mapping[str, int], item: dict[str, Any]) -> None:
    """A row whose 度量单位 column says %: its bare numbers read on one scale, or none guessed.

    All above 1 (95 and 90) are percentages, as the 一体化 system shows them; all of 1 or less (0.95 and 0.9) are
    ratios, as a cell formatted 0% holds them. A bare number of 1 or less beside one above 1, or beside a percentage
    written with its sign (1 beside 20, 0.3 beside 5%), is 1% or 100%: not ours to guess, so both readings are named;
    so is one up to 2 beside one of 10 or more (1.05 beside 95: 1.05%, or 105% from a system that exports ratios).
    """
    keys = [k for k in ("target", "actual") if k in item]
    bare = {k: v for k in keys if (v := bare_value(item[k])) is not None and v != 0}
    # 1.05 beside 95 is 1.05% or the ratio 105% (an export of ratios): told apart from 5 beside 95, a low rate
    small = next((k for k, v in bare.items() if v <= 1 or (v <= 2 and max(bare.values()) >= 10)), None)
    if bare and small is None:
        for key in bare:
            item[key] = f"{plain(item[key])}%" if isinstance(item[key], Decimal) else f"{item[key]}%"
        return
    written = any(k not in bare and is_percentage(item[k]) for k in keys)
    if small is not None and (written or any(v > 1 for v in bare.values())):
        number = plain(bare[small])
        _row_problem(reading, r, at, item["name"], f"{small} {number} beside % has two readings in this row",
                     f"write {number}% if it is {number} percent, or {plain(bare[small] * 100)}% for the ratio {number}")


# What a row's problem is about, by its first word, and the columns that hold it (the first the form has).
_ABOUT = {"actual": ("actual", "actual_value"), "units": ("actual", "actual_value", "unit"), "target": ("target", "target_value"),
          "comparison": ("comparison", "target"), "unit": ("unit", "actual"), "weight": ("weight",), "score": ("score",),
          "tier": ("actual", "actual_value"), "reason": ("reason",)}


def _row_problem(reading: FormReading, r: int, at: Mapping[str, int], name: str, message: str, hint: str | None) -> None:
    """A problem of a row read from the form, on the cell it is about, with the field named as the form prints it
    ('actual' is 实际完成值); on the whole row when no one cell is."""
    word = message.split(" ", 1)[0]
    key = next((k for k in _ABOUT.get(word, ()) if k in at), None) or reading.quoted_at(r, at, message)
    # 大于10 in the 指标值 beside a 指标性质 column; never a sign disagreeing with the target's, said of both (QA219 2)
    if key == "comparison" and "the target" not in message and not _holds(reading, r, at, key, message):
        key = next((k for k in ("target", "target_value") if _holds(reading, r, at, k, message)), key)
    if key is None:  # the whole row: a merge over its first cell is no part of the problem (QA56 F4)
        first, last = min(at.values()), max(at.values())
        return reading.problem(r, first, f"row {cut(name)}: {message} (cells {reading.sheet.ref(r, first)}–"
                                         f"{reading.sheet.ref(r, last).split('!')[1]})", hint, merged=False)
    column = _column(reading, key)
    if column is not None and word in ("actual", "target", "comparison", "unit", "weight", "score", "reason"):
        message = column.label + message[len(word):]
    if word == "weight":  # a form has no "leave weight out": every row prints its 分值
        hint = "write the points the row carries"
    reading.problem(r, at[key], f"row {cut(name)}: {message}", hint)


def _holds(reading: FormReading, r: int, at: Mapping[str, int], key: str, message: str) -> bool:
    """Whether the cell of `key` in row `r` holds what `message` quotes (a strict sign's words: '大于'), or nothing is
    quoted; the words the 年度指标值 writes its sign in are said there, not in a 指标性质 column beside it (QA217 8)."""
    quoted = re.search(r"'([^']+)'", message)
    return quoted is None or (key in at and quoted[1] in reading.sheet.text(r, at[key]))


#: A 实际完成值 that is a number asks for its 年度指标值; a qualitative row wrote a number where its tier goes.
_JUDGED_BY_TIER = "a row judged by its tier (定性) writes the tier in 实际完成值 (达成年度指标), not a number"
_EXACT_HINT = "a cell typed with = at its start is a formula: type '=100% (with an apostrophe first), or 等于100%"
#: What a formula in the 指标性质 column is told: the sign typed itself (QA267 F6: it was told of percentages)
_SIGN_HINT = "type ≥, ≤ or = (正向, 反向) in the cell itself, not a formula"
