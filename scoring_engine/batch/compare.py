"""Self-evaluation against re-check (抽查复核), or one set against another: differences per project and per indicator.

The difference is always this project's score minus the other one's, so a
positive number is how far a self-evaluation runs above its re-check (得分虚高).
A comparison is flagged when that difference reaches the threshold (default 5
points) or the grade drops.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from .._arith import ZERO
from .rows import RECHECK, Comparison, IndicatorDifference, IndicatorRow, ProjectRow

__all__ = ["Comparison", "IndicatorDifference", "compare", "threshold_shown", "DEFAULT_THRESHOLD", "MAX_THRESHOLD", "RECHECK",
           "placed_after"]

#: Points by which a self-score may exceed its re-check before it is flagged.
DEFAULT_THRESHOLD = Decimal(5)
#: The largest threshold, and its finest step: it is printed in the reason of every flag.
MAX_THRESHOLD = Decimal(1000)
_THRESHOLD_STEP = Decimal("0.000001")
#: The name of the re-check batch in every output.


def _apart(t: IndicatorRow, taken: Mapping[str, object]) -> IndicatorRow:
    """An indicator of the other side only, under an id none of ours has: its own, or with its name after it."""
    key = t.id
    while key in taken:
        key = f"{key} ({t.name})" if key == t.id else key + "′"
    return t._replace(id=key)


def _counterparts(mine: Sequence[IndicatorRow], other: Sequence[IndicatorRow]) -> dict[str, IndicatorRow]:
    """This project's indicator id → the other's indicator it is compared with: the set's own by id; a target row by its
    group and name where one row of the other side has them (a row without an id is named by its place, output.2, and
    a row added or deleted in a re-check moves every place after it), else by id when that row is no other's twin."""
    by_id = {i.id: i for i in other}
    named: dict[tuple[str, str], list[IndicatorRow]] = {}
    for row in other:
        if not row.in_set:
            named.setdefault((row.id.rsplit(".", 1)[0], row.name), []).append(row)
    ours = {(i.id.rsplit(".", 1)[0], i.name) for i in mine if not i.in_set}
    found: dict[str, IndicatorRow] = {}
    used: set[int] = set()
    for i in mine:
        t: IndicatorRow | None = by_id.get(i.id)
        if not i.in_set:
            twins = named.get((i.id.rsplit(".", 1)[0], i.name), [])
            t = twins[0] if len(twins) == 1 else t
            if t is not None and len(twins) != 1 and t.name != i.name and (
                    t.in_set or (t.id.rsplit(".", 1)[0], t.name) in ours or i.id.rsplit(".", 1)[-1].isdigit()):
                t = None  # another row in that place: one of ours, or any where the place is all that names the row
        if t is not None and id(t) not in used:
            found[i.id] = t
            used.add(id(t))
    return found


def placed_after(mine: Sequence[IndicatorRow], others: Sequence[IndicatorRow]) -> dict[int, list[IndicatorRow]]:
    """Where each of the other side's own indicators goes among `mine`: after the last of ours under its parent (its id
    up to the last dot; an added row is told by its name after its id), else after the last of ours."""
    last: dict[str, int] = {}
    for place, i in enumerate(mine):
        key = i.id
        while True:  # the last row under each of its ancestors, itself included
            last[key] = place
            if "." not in key:
                break
            key = key.rsplit(".", 1)[0]
    found: dict[int, list[IndicatorRow]] = {}
    for t in others:
        parent = t.id.split(" (", 1)[0].rsplit(".", 1)[0] if "." in t.id.split(" (", 1)[0] else ""
        found.setdefault(last.get(parent, len(mine) - 1), []).append(t)
    return found


def threshold_shown(points: Decimal) -> bool:
    """Whether a threshold (finite, 0 or more) is one a reason can print: at most MAX_THRESHOLD, at most 6 decimals."""
    return points <= MAX_THRESHOLD and points == points.quantize(_THRESHOLD_STEP)


def compare(mine: ProjectRow, other: ProjectRow, against: str, threshold: Decimal = DEFAULT_THRESHOLD) -> Comparison | None:
    """`mine` against `other`, or None when either could not be scored.

    Indicators are matched by id. One that only one side has counts as 0 points
    of weight 0 on the other, so that every point that moved is in a difference:
    the leaves' differences add up to the total's. The grade drops when the
    other's grade ranks lower in its own set (the third of four is lower than
    the second, whatever the labels).
    """
    if not mine.ok or not other.ok or mine.total is None or other.total is None:
        return None
    difference = mine.total - other.total
    theirs = _counterparts(mine.indicators, other.indicators)
    indicators = {i.id: IndicatorDifference(t.score, i.score - t.score, t.weight) if (t := theirs.get(i.id)) is not None
                  else IndicatorDifference(ZERO, i.score, ZERO) for i in mine.indicators}
    paired = {id(t) for t in theirs.values()}
    # the other side's indicators none of ours is compared with; a row whose place-id one of ours has is told by its name
    others = tuple(_apart(t, indicators) for t in other.indicators if id(t) not in paired)
    indicators.update((t.id, IndicatorDifference(t.score, -t.score, t.weight)) for t in others)
    mine_rank, other_rank = mine.grade_rank, other.grade_rank
    dropped = mine_rank is not None and other_rank is not None and other_rank > mine_rank
    reasons = []
    if difference > 0 and difference >= threshold:  # a threshold of 0 flags every self-score above its re-check
        lower = "复核得分比自评得分低" if against == RECHECK else f"按{against}评分低"
        reasons.append(f"{lower}{difference:f}分（阈值{threshold:f}分）")
    if dropped:
        reasons.append(f"{'复核' if against == RECHECK else f'按{against}评分'}等级由{mine.grade}降为{other.grade}")
    return Comparison(against=against, source=other.source, total=other.total, grade=other.grade or "", difference=difference,
                      grade_dropped=dropped, flagged=bool(reasons), reasons=tuple(reasons), indicators=indicators,
                      others=others)

