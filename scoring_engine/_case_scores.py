"""The scores a test case expects (`cases`): its total, grade and indicators' scores, each compared with the project's
at the set's precision, and a difference in words for each that is off."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ._arith import fixed, plain, round_half_up
from .errors import did_you_mean
from .model import IndicatorSet
from .result import Result

__all__ = ["score_differences"]


def score_differences(expect: Any, result: Result, indicator_set: IndicatorSet) -> list[str]:
    """The differences between the total, grade and scores a case's `expect` gives and `result`, in English."""
    p = result.precision
    differences = []

    def compare(what: str, wanted: Decimal, got: Decimal) -> None:
        if abs(got - wanted) > expect.tolerance:
            off = got - wanted  # shown exactly: 79.73 against 79.725 is 0.005 off, not 0.01
            shown = fixed(off, p) if off == round_half_up(off, p) else plain(off)
            differences.append(f"{what} expected {plain(wanted)}, got {fixed(got, p)} (difference {shown})" + (
                f"; scores are printed to {p} decimals, so none is {plain(wanted)}: write it to {p} decimals, or give "
                "a tolerance" if wanted != round_half_up(wanted, p) and expect.tolerance == 0 else ""))  # (QA337 7)

    if expect.total is not None:
        compare("total", expect.total, result.total)
    if expect.grade is not None:
        named = indicator_set.grade_named(expect.grade)  # 优 for 优秀 when the set declares the alias
        if named is None:
            labels = [g.label for g in indicator_set.grades] + [a for g in indicator_set.grades for a in g.aliases]
            known = did_you_mean(expect.grade, labels) or "grades: " + ", ".join(labels)
            differences.append(f"grade {expect.grade} is not a grade of the set ({known}); got {result.grade}")  # QA36 F12
        elif named.label != result.grade:
            total = f" (total {fixed(result.total, p)})" if expect.total is None else ""  # the total that gave it (QA293 F5)
            differences.append(f"grade expected {expect.grade}, got {result.grade}{total}")
    for indicator_id, expected in expect.scores.items():
        try:
            compare(indicator_id, expected, result.indicator(indicator_id).score)
        except KeyError:
            differences.append(_not_found(indicator_id, result, indicator_set))
    return differences


def _not_found(indicator_id: str, result: Result, indicator_set: IndicatorSet) -> str:
    """Why `expect.scores` names `indicator_id` in vain: a name several indicators share (QA337 2: said to be no
    indicator, where `explain -i` names their ids), else no such id or name, with the one meant when one is close."""
    shared = [node.id for node in result.walk() if node.name == indicator_id]
    if len(shared) > 1:  # a top indicator 完成率 and a target row 完成率
        shown = ", ".join(shared[:12]) + ("…" if len(shared) > 12 else "")
        return f"scores name {indicator_id}, which {len(shared)} indicators are named: {shown}; give the id, e.g. {shared[0]}"
    close = did_you_mean(indicator_id, [r.id for r in result.walk()])  # not another's score (QA38 F3)
    meant = indicator_set.removal_meant(indicator_id)
    if meant is not None:  # a slip of a removed id is said removed too (QA43 F6)
        removed, slip = meant
        by = f" {removed.by}" if removed.by else ""  # a base profile's removal names the base
        close = f"{slip + ' ' if slip else ''}the profile{by} removes it (line {removed.line})"
    return f"no indicator {indicator_id} in the result ({close})" if close else f"no indicator {indicator_id} in the result"
