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
from ..model import IndicatorSet
from ..result import ScoreWarning
from .rows import RECHECK, Comparison, IndicatorDifference, IndicatorRow, ProjectRow

__all__ = ["Comparison", "IndicatorDifference", "compare", "threshold_shown", "DEFAULT_THRESHOLD", "MAX_THRESHOLD", "RECHECK",
           "RECHECK_UNSCORED", "placed_after", "recheck_unscored", "compared_set", "difference_places", "marks", "same_set",
           "NO_PROJECT", "bundled_twin"]

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
    """This project's indicator id → the other's indicator it is compared with.

    The set's own indicators pair by id. Target rows pair within their group (the set's indicator that holds them):
    a row with an id of its own by that id, renamed or not; the others by name, the k-th row of a name with the k-th
    of that name on the other side. A row without an id is named by its place (output.2), and a row added, dropped
    or moved in a re-check moves every place after it, so a place never pairs two rows.
    """
    found: dict[str, IndicatorRow] = {}
    by_id = {t.id: t for t in other if t.in_set}
    for i in mine:
        if i.in_set and (t := by_id.get(i.id)) is not None:
            found[i.id] = t
    theirs_by_group = _target_rows(other)
    for group, rows in _target_rows(mine).items():
        theirs = theirs_by_group.get(group, [])
        own_ids = {key: t for t in theirs if (key := _own_id(t.id, group)) is not None}
        used: set[int] = set()
        for i in rows:
            key = _own_id(i.id, group)
            if key is not None and (t := own_ids.get(key)) is not None:
                found[i.id] = t
                used.add(id(t))
        named: dict[str, list[IndicatorRow]] = {}
        for t in theirs:
            if id(t) not in used:
                named.setdefault(t.name, []).append(t)
        for i in rows:
            if i.id not in found and named.get(i.name):
                found[i.id] = named[i.name].pop(0)
    return found


def _target_rows(indicators: Sequence[IndicatorRow]) -> dict[str, list[IndicatorRow]]:
    """The target rows by the set's indicator that holds them (the longest of the set's ids their id starts with: a row's
    own id may hold a dot, output.a.b), in order."""
    ids = {i.id for i in indicators if i.in_set}
    grouped: dict[str, list[IndicatorRow]] = {}
    for i in indicators:
        if not i.in_set:
            group = i.id
            while "." in group and ((group := group.rsplit(".", 1)[0]) not in ids):
                pass
            grouped.setdefault(group, []).append(i)
    return grouped


def _own_id(row_id: str, group: str) -> str | None:
    """A target row's own id (its id after the group's), or None for one named by its place (output.2)."""
    own = row_id[len(group) + 1:]
    return None if own.isdigit() else own


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
        parent = t.id.split(" (", 1)[0]
        while "." in parent and ((parent := parent.rsplit(".", 1)[0]) not in last):  # a row's own id may hold a dot
            pass
        found.setdefault(last.get(parent, len(mine) - 1), []).append(t)
    return found


def compared_set(own: IndicatorSet | None, other: IndicatorSet) -> str:
    """The --compare-set as every output names it: its id and version, with the start of its sha256 where the batch's
    --set has the same id and version and other content (an edited copy whose version was not bumped), as 汇总 tells
    such sets of one batch apart."""
    named = f"{other.id} {other.version}"
    same = own is not None and (own.id, own.version) == (other.id, other.version) and own.sha256 != other.sha256
    return f"{named}（sha256 {other.sha256[:8]}）" if same else named


def bundled_twin(other: IndicatorSet) -> IndicatorSet | None:
    """Without --set, the bundled set a --compare-set of its id and version is an edited copy of, which the projects
    naming that id are scored under: the copy is then named by the start of its sha256 too (QA336 2)."""
    from .._files import bundled_sets
    from ..loader import load_indicator_set

    path = bundled_sets().get(other.id)
    if path is None:
        return None
    bundled = load_indicator_set(path)
    return bundled if bundled.version == other.version else None


def same_set(row: ProjectRow, other: IndicatorSet) -> bool:
    """Whether the project was scored under the --compare-set itself (the same content: sha256). Such a project is not
    compared with itself (QA334 F8); an edited copy of its id and version is another set, compared and named by the
    start of its sha256 (QA205 2)."""
    return row.set_sha256 == other.sha256


def difference_places(mine: ProjectRow, comparison: Comparison) -> int:
    """The decimals a total's difference is shown with: the finer of the two sets' (76.8 − 79.73 is −2.93, not −2.9),
    so that the totals as shown give the difference as shown."""
    return max(mine.precision, comparison.precision)


def threshold_shown(points: Decimal) -> bool:
    """Whether a threshold (finite, 0 or more) is one a reason can print: at most MAX_THRESHOLD, at most 6 decimals."""
    return points <= MAX_THRESHOLD and points == points.quantize(_THRESHOLD_STEP)


def compare(mine: ProjectRow, other: ProjectRow, against: str, threshold: Decimal = DEFAULT_THRESHOLD) -> Comparison | None:
    """`mine` against `other`, or None when either could not be scored.

    Indicators are matched by id. One that only one side has counts as 0 points
    of weight 0 on the other, so that every point that moved is in a difference:
    the leaves' differences add up to the total's. The grade drops as `dropped` says.
    """
    if not mine.ok or not other.ok or mine.total is None or other.total is None:
        return None
    difference = mine.total - other.total
    theirs = _counterparts(mine.indicators, other.indicators)
    indicators = {i.id: IndicatorDifference(t.score, i.score - t.score, t.weight, t.name if t.name != i.name else None)
                  if (t := theirs.get(i.id)) is not None else IndicatorDifference(ZERO, i.score, ZERO, missing=True)
                  for i in mine.indicators}
    paired = {id(t) for t in theirs.values()}
    # the other side's indicators none of ours is compared with; a row whose place-id one of ours has is told by its name
    others = tuple(_apart(t, indicators) for t in other.indicators if id(t) not in paired)
    indicators.update((t.id, IndicatorDifference(t.score, -t.score, t.weight)) for t in others)
    dropped = _dropped(mine, other)
    reasons = []
    # a threshold of 0 flags every self-score above its re-check; points out of another total are no difference to flag
    # (75 against 100: every project would be, QA117 F4), a drop in grade still is
    if difference > 0 and difference >= threshold and mine.max_total == other.max_total:
        lower = "复核得分比自评得分低" if against == RECHECK else f"按{against}评分低"
        shown = threshold.normalize() if threshold else ZERO  # as a number, not as typed: 2.850 is 2.85 (QA307 8)
        reasons.append(f"{lower}{difference:f}分（阈值{shown:f}分）")
    caps = _caps(other)
    if dropped:
        # under another set a lower grade may come with a higher total: its grade lines are higher, which is said
        # ranked alike: a higher total's (or an equal one's, QA307 6) lower rank is a higher line; unless a cap of
        # that set gave the grade, which is said instead (QA311 1)
        higher = "" if against == RECHECK or difference > 0 or len(mine.grades) != len(other.grades) or caps else \
            f"（总分高{-difference:f}分，该体系的等级线较高）" if difference else "（总分相同，该体系的等级线较高）"
        reasons.append(f"{'复核' if against == RECHECK else f'按{against}评分'}等级由{mine.grade}降为{other.grade}{higher}")
    return Comparison(against=against, source=other.source, total=other.total, grade=other.grade or "", difference=difference,
                      grade_dropped=dropped, flagged=bool(reasons), reasons=tuple(reasons), indicators=indicators,
                      others=others, precision=other.precision, set_sha256=other.set_sha256, caps=caps)


def _caps(row: ProjectRow) -> tuple[str, ...]:
    """What the caps that lowered a project's total or grade say (in Chinese, as every sheet is): the points or the grade
    a cap took are on no indicator's row, so the comparison says them (QA307 2)."""
    return tuple(w.text("zh") for w in row.said if isinstance(w, ScoreWarning) and w.kind == "cap")


def marks(comparison: Comparison) -> str:
    """The 对比标记 of a comparison: its flags, then each cap that lowered the other side's total or grade, said of that
    side, so that a difference no indicator's row holds is told (QA307 2); empty on a row not flagged, so that the rows
    marked are those 统计 counts (QA311 3: the .jsonl's compare gives the caps of every row)."""
    side = "复核" if comparison.against == RECHECK else f"按{comparison.against}评分"
    caps = comparison.caps if comparison.flagged else ()
    return "；".join((*comparison.reasons, *(f"{side}：{cap}" for cap in caps)))



def _dropped(mine: ProjectRow, other: ProjectRow) -> bool:
    """Whether the other's grade is lower. Under sets of as many grades, it ranks lower (the third of four is lower than
    the second, whatever the labels and lines: 良好 then 良 is no drop, QA68 F2). Under sets of other numbers of grades,
    it is another grade, not the other set's best, and its line is lower out of its set's total (合格 from 60 of 100 in
    five grades, then 差 from 0 in four: QA66 F3)."""
    mine_rank, other_rank = mine.grade_rank, other.grade_rank
    if mine_rank is None or other_rank is None:
        return False
    if len(mine.grades) == len(other.grades) or not (mine.grade_lines and other.grade_lines):
        return other_rank > mine_rank
    return other.grade != mine.grade and other_rank > 0 and \
        other.grade_lines[other_rank] * mine.max_total < mine.grade_lines[mine_rank] * other.max_total


#: `ProjectRow.index` of a row of no project of the batch (a failed re-check that matched none): shown without 序号.
NO_PROJECT = -1
#: 统计's line counting the scored re-checks of projects the batch could not score (QA70 F1).
RECHECK_UNSCORED = "复核已评分而对应项目均评分失败，未比较"


def recheck_unscored(row: ProjectRow) -> list[str]:
    """The line a failed project's 问题 row adds when its re-check was scored: that score is told, not lost."""
    if row.recheck_unscored is None:
        return []
    source, total, grade = row.recheck_unscored
    # (its total as printed: 75.00); another project of its id scored may have been compared with it: said of this one
    return [f"复核已评分（{source}：总分{total}，{grade}），本项目评分失败，未与本项目比较"]
