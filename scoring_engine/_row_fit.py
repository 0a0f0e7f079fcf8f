"""Target rows that do not fit the row group that reads them: a type or 二级 it does not score, ids given twice, weights
that do not add up to the group's. Checked with the facts, once each row is read (target_rows)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._arith import plain
from ._text import cut, quoted
from ._time_units import DURATION, Deadline, in_place_of_actual, time_unit, year_fix
from .judgements import TargetRow
from .target_rows import two_scales
from ._patterns import compile_later

if TYPE_CHECKING:
    from .model import IndicatorSet, RowGroup

__all__ = ["FAR_PAST", "deadline_fix", "round_weight", "row_hint", "row_problems", "rows_example", "unsigned_target",
           "weights_fix"]

#: A row reached this many times over its target or more is read as on two scales, unless its rule is a ceiling: a count
#: in 人 beside a target in 万人 (≥1万人 beside 9600 scored full marks at 960000%: QA72 F1), however the unit is written.
FAR_PAST = 1000


def row_problems(indicator_set: IndicatorSet, values: Mapping[str, Any],
                 not_applicable: frozenset[str] = frozenset()) -> list[tuple[str, str, str | None]]:
    """(fact, message, hint) for target rows that do not fit the group that reads them: a group that does not apply reads
    none (QA66 F4: rows left in the facts of a group marked 不适用 were refused for their weights)."""
    found: list[tuple[str, str, str | None]] = []
    groups = {node.id: node.rows for node in indicator_set.row_groups if node.rows is not None}
    for node in indicator_set.row_groups:
        if node.rows is None or node.rows.fact not in values or node.id in not_applicable:
            continue
        rows: tuple[TargetRow, ...] = values[node.rows.fact]
        fact = node.rows.fact
        if not rows:
            found.append((fact, f"group {node.id} needs at least one row", None))
        for i, row in enumerate(rows):
            problems = [_elsewhere(message, hint, row.category, groups, node.id) for message, hint in node.rows.row_problems(row)]
            rule = node.rows.rules.get(node.rows.type_of(row) or "")  # a ceiling far exceeded is a failure it scores (QA73 F4)
            if rule is not None and not getattr(rule.params, "lower_is_better", False) and row.unit != "%" \
                    and row.target is not None and row.actual is not None and 0 < FAR_PAST * row.target <= row.actual:
                problems.append(two_scales(row.target, row.actual, row.unit))
            if rule is not None and (words := _words_measured(row, node.rows, rule.reads)):
                problems.append(words)
            reaches = rule is not None and getattr(rule.params, "lower_is_better", None) is False  # its type scores ≥
            if row.within and row.type and row.comparison is None and reaches:  # 3个月内 as ≥3: 5个月 took full marks (QA189 F1)
                problems.append(_limit_to_reach(row, node.rows))
            if row.type is None and row.comparison is None and row.target is not None and row.category \
                    and node.rows.comparisons.get("≤", "≥") != node.rows.comparisons.get("≥"):  # its sign would choose
                shown = f"{plain(row.target * 100)}%" if row.unit == "%" else f"{plain(row.target)}{row.unit or ''}"
                problems.extend(filter(None, [unsigned_target(row.category, shown, row.unit, row.name)]))
            found.extend((fact, f"row {i + 1} ({cut(row.name)}): {message}", hint) for message, hint in problems)
        ids = [row.id for row in rows if row.id is not None]
        for dup in sorted(i for i, n in Counter(ids).items() if n > 1):  # not ids.count: 14,000 rows took 4.1 s (QA221 7)
            found.append((fact, f"row id {dup} is used twice", "give each row its own id"))
        weights = [row.weight for row in rows if row.weight is not None]
        # rows that add up to the group's weight keep adding up to it once rounded (QA204 9: 19.95 and 10.05 at precision 1
        # rounded as told gave 20.0 + 10.1, refused as not 30); rows that do not are told so on their own line
        whole = node.weight if len(weights) == len(rows) and sum(weights, Decimal(0)) == node.weight else None
        for i, row in enumerate(rows):
            if row.weight is not None and row.weight % Decimal(1).scaleb(-indicator_set.precision):
                found.append((fact, f"row {i + 1} ({cut(row.name)}): weight {plain(row.weight)} has more decimal places "
                                    f"than the set's precision {indicator_set.precision} keeps",
                              round_weight(indicator_set.precision, whole)))
        if not weights and rows and len(rows) * Decimal(1).scaleb(-indicator_set.precision) > node.weight:
            # equal shares at the set's precision would give some rows 0 points: a row scored out of nothing, and a form
            # that cannot be read back (分值应大于 0); at precision 0 with rescaling, a division by 0 (QA340 2)
            found.append((fact, f"{len(rows)} rows without a weight share the weight {plain(node.weight)} of group {node.id}"
                                f" equally, and at the set's precision {indicator_set.precision} some would get 0",
                          f"merge rows: at most {plain(node.weight.scaleb(indicator_set.precision))} rows share "
                          f"{plain(node.weight)} points at this precision"))  # weights above 0 would add up to more
        elif weights and len(weights) != len(rows):
            found.append((fact, "some rows have a weight and some do not", "give every row a weight, or none for equal shares"))
        elif weights and (total := sum(weights, Decimal(0))) != node.weight:
            found.append((fact, f"rows' weights add up to {plain(total)}, not the weight {plain(node.weight)} of group {node.id}",
                          weights_fix(node.weight)))  # with the fix: a row deleted left the others short (QA167 F3)
    return found


def round_weight(precision: int, total: Decimal | None = None) -> str:
    """The fix for a weight finer than the set's precision: rounded to that many places, not to a whole number unless
    the precision is 0 (QA200 4: 20.004 at precision 2 was told 取整); with the `total` the group's rows' weights must
    still add up to, when they do now (QA204 9: each row rounded on its own can leave the sum off by a step)."""
    fix = "round the weight to a whole number" if precision == 0 else \
        f"round the weight to {precision} decimal place{'s' if precision > 1 else ''}"
    return fix if total is None else f"{fix}, the group's rows' weights still adding up to {plain(total)}"


def _words_measured(row: TargetRow, rows: RowGroup, reads: frozenset[str]) -> tuple[str, str] | None:
    """(message, hint) for a target in words (达到) in a row without a number reached, whose type scores one: judged by
    its tier, which the type does not read. It was said as no actual, beside an actual 达到 read as the tier (QA203 8)."""
    if row.target_text is None or row.target is not None or row.actual is not None \
            or not {"row.target", "row.actual"} <= reads:
        return None
    said = f"target {quoted(row.target_text)} is no number, so the row is judged by its tier, but type " \
           f"{rows.type_of(row)} scores a number reached"
    tier = next((kind for kind in (rows.comparisons.get("定性", ""), *rows.rules)
                 if kind in rows.rules and rows.rules[kind].kind == "tiers"), None)
    if tier is None:
        return said, "write the target as a number (≥19栋, 不少于19栋) with the actual reached"
    return said, f"write the target as a number (≥19栋, 不少于19栋) with the actual reached, or give type {tier} with the " \
                 "row's tier (达成年度指标…), score and reason"


def _limit_to_reach(row: TargetRow, rows: RowGroup) -> tuple[str, str]:
    """(message, hint) for a time limit in words (3个月内) in a row whose own type scores a target to reach (≥): the type
    the group scores a limit by (≤), and the target to write if reaching that time was meant."""
    time = f"{plain(row.target or 0)}{''.join(time_unit(row.unit or '').split())}"
    lower = _limit_type(rows)
    said = f"target {row.within} is a time limit (within {time}), but type {row.type} scores a target to reach (≥)"
    if lower is None:
        return said, f"give a type the group scores as a limit (≤), or write ≥{time} if reaching {time} was meant"
    if lower != rows.comparisons.get("≤"):  # a row without type is read as ≤, which this group maps to no limit (QA194 F2)
        return said, f"give type {lower} (a limit, ≤); write ≥{time} if reaching {time} was meant"
    return said, f"give type {lower} (a limit, ≤) or no type; write ≥{time} if reaching {time} was meant"


def _limit_type(rows: RowGroup) -> str | None:
    """The type a group scores a limit (≤) by: the one ≤ maps to if it does, else its first; None if it has none."""
    return next((kind for kind in (rows.comparisons.get("≤", ""), *rows.rules) if kind in rows.rules
                 and getattr(rows.rules[kind].params, "lower_is_better", False)), None)


def rows_example(indicator_set: IndicatorSet, fact: str) -> str:
    """A row of `fact`'s target rows as JSON, typed as the group reading it scores a target to reach: with no type where
    it maps ≥ (a target without a sign) to one, else with the first type it scores by a number (QA337 5: the example
    gave type quantity, which such a form's set does not score, and was then refused with 是否想写 quantitative?)."""
    rows = next((node.rows for node in indicator_set.row_groups if node.rows is not None and node.rows.fact == fact), None)
    typed = None if rows is None or rows.comparisons.get("≥") in rows.rules else next(
        (kind for kind, rule in rows.rules.items() if rule.kind not in ("tiers", "judgement")), None)
    kind = f'"type": "{typed}", ' if typed else ""
    return f'[{{"name": "主体封顶栋数", {kind}"target": 19, "actual": 18}}]'


def row_hint(err: ValueError, indicator_set: IndicatorSet, fact: str) -> str | None:
    """The hint of a refusal of a row of `fact` (or of the fact): a Deadline's names what the row's group needs."""
    return deadline_fix(err, indicator_set, fact) if isinstance(err, Deadline) else err.args[1] if len(err.args) > 1 else None


def deadline_fix(deadline: Deadline, indicator_set: IndicatorSet, fact: str) -> str:
    """The fix for a calendar year written as a limit (2024年内完成) in a row of `fact`, naming what its row group needs:
    the type it scores a tier by, unless the row has none and the group maps 定性 to that type (the example-rows set
    maps nothing: a row without type is scored by none), and the type it scores a limit by for the time taken as an
    amount (≤6个月) alike; for a row already of a type scored by tier, its tier, score and reason in place of the actual
    (QA196 G3). Where no group reads the fact, or none scores a tier, the fix for any group."""
    rows = next((node.rows for node in indicator_set.row_groups if node.rows is not None and node.rows.fact == fact), None)
    tiers = [kind for kind, rule in rows.rules.items() if rule.kind == "tiers"] if rows is not None else []
    own, year, sign = deadline.kind, deadline.year, deadline.sign
    if rows is None or not tiers:
        return str(deadline.args[1])
    if own in tiers:
        return in_place_of_actual(year, sign, own)
    tier = next(kind for kind in (rows.comparisons.get("定性"), *tiers) if kind in tiers)
    limit = _limit_type(rows) or ""
    return year_fix(year, sign, None if own is None and rows.comparisons.get("定性") == tier else tier,
                    "" if own == limit or (own is None and rows.comparisons.get("≤") == limit) else limit)


_BARE = compile_later(r"\s*[-+]?[0-9]+(\.[0-9]+)?\s*")  # a number without a unit: on a 时效指标 row, a time as well


def unsigned_target(category: str, target: Any, unit: Any, name: Any = "") -> tuple[str, str] | None:
    """(message, hint) for a numeric target written without a sign in a row whose 二级 makes ≥ a guess: a 成本指标 (a
    ceiling, 100万元 read as ≥ let 125万元 take full marks) or a 时效指标 given as a time (30天 read as ≥ let 45天 take full
    marks at 150%; a bare 12, unless the row `name`s a rate, 按时完成率, or the number is a ratio, 1: QA92 F6); None for any
    other row, whose target without a sign is one to reach."""
    said = f"target {target} has no sign, and a {category} row without one is scored as a target to reach (≥)"
    if "成本" in category:
        return said, f"write ≤{target} for a ceiling (the usual 成本指标), ={target} for an exact value, or ≥{target}"
    written = unicodedata.normalize("NFKC", f"{target}{unit if isinstance(unit, str) else ''}")
    bare = _BARE.fullmatch(written) is not None and "率" not in str(name) and Decimal(written) > 1  # 12 (QA89 F2)
    if "时效" in category and (within := DURATION.search(written)) and within.group(2):  # ≥3个月内 is refused (QA172 F3)
        reach = written[:within.start(2)].strip()
        return said, f"write ≤{target} for a time limit, or ≥{reach} if reaching {reach} was meant"
    if "时效" in category and (DURATION.search(written) or bare):
        return said, f"write ≤{target} for a time limit (完成时限), ={target} for an exact value, or ≥{target}"
    return None


def weights_fix(weight: Decimal) -> str:
    """What to do when a group's rows' weights do not add up to its `weight`: either way the rows then score."""
    return f"give the rows weights that add up to {plain(weight)}, or none for equal shares of it"


def _elsewhere(message: str, hint: str | None, category: str | None, groups: Mapping[str, RowGroup],
               own: str) -> tuple[str, str | None]:
    """A 二级 that is another group's (社会效益指标 among the 产出 rows) says where the row belongs, not the nearest spelling
    of this group's 二级 (QA67 F6: '是否想写 时效指标？' would score a benefit row as a time row), as a form's row does."""
    if category is None or message != f"category {quoted(category)} is not a 二级指标 of the group":
        return message, hint
    other = next((key for key, rows in groups.items() if key != own and category in rows.categories), None)
    if other is None:
        return message, hint
    return message, f"{category} is a 二级指标 of {other}: move the row to {groups[other].fact}"
