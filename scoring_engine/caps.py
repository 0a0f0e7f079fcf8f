"""Caps and vetoes (``caps:``): a condition on the facts that limits the total or the grade.

"发生重大安全责任事故的，评价等级最高为中"; "存在虚报冒领的，总分按59分计". Fiscal rules
say little about such caps (they appear in adjacent 考核 rules), so the block is
small: each cap is a condition, a message, and either the highest total or the
highest grade it allows. A cap that applies never raises a score: it lowers the
total (and with it the grade) or the grade alone, and a warning says so, with
the indicators' own sum, so that the printed column still adds up for a reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._arith import fixed, round_half_up
from ._check_failure import in_words
from ._formula_functions import condition_value
from .errors import Problem, ScoringError
from .model import Cap, IndicatorSet
from .result import ScoreWarning

__all__ = ["apply_caps"]


def apply_caps(indicator_set: IndicatorSet, values: Mapping[str, Any], total: Decimal,
               grade: str) -> tuple[Decimal, str, list[ScoreWarning], list[Problem]]:
    """The total and grade after every cap whose condition the facts meet, a warning for each, and the problems."""
    warnings: list[ScoreWarning] = []
    problems: list[Problem] = []
    fired = [cap for cap in indicator_set.caps if _holds(cap, values, problems)]
    p = indicator_set.precision
    summed = total
    # Every total ceiling first, then every grade ceiling, each kind from the least to the most severe: the grade is the
    # lowest of the capped total's and of every grade_at_most that holds, whatever the caps' order in the set, and each
    # line starts where the one before it ended (QA340 1: a total cap listed after a grade cap raised 中 back to 良)
    for cap in sorted(fired, key=lambda cap: _severity(indicator_set, cap)):
        if cap.total_at_most is not None and total > cap.total_at_most:
            total = round_half_up(cap.total_at_most, p)
            before, grade = grade, indicator_set.grade_for(total)
            said = f"总分由{fixed(summed, p)}分（各项得分合计）调整为{fixed(total, p)}分，" + (
                f"等级由{before}调整为{grade}" if grade != before else f"等级仍为{grade}")
        elif cap.grade_at_most is not None and _rank(indicator_set, grade) < _rank(indicator_set, cap.grade_at_most):
            said = f"等级由{grade}调整为{cap.grade_at_most}，总分{fixed(total, p)}分不变"
            grade = cap.grade_at_most
        else:
            continue  # met, but the project is already within the cap
        # the clerk reads the facts that met it by their labels, the set's author and tools the condition (QA271 F4)
        warnings.append(ScoreWarning("cap", f"{cap.message}：{said}（{cap.formula.text}）", expression=cap.formula.text,
                                     zh=in_words(f"{cap.message}：{said}", cap.formula, values, indicator_set)))
    return total, grade, warnings, problems


def _holds(cap: Cap, values: Mapping[str, Any], problems: list[Problem]) -> bool:
    """Whether the facts meet the cap's condition; False, with a problem, when it cannot be decided."""
    try:
        met = cap.formula.evaluate(values)
    except ScoringError as err:
        fact = err.problems[0].fact  # a missing fact: the project gives it, or the set says what it is when not given
        problems.append(Problem(f"cap cannot be decided ({err.problems[0].message}): {cap.message}", fact=fact,
                                expression=cap.formula.text,
                                hint=f"give {fact} in the facts file, or declare a default for it in the set"
                                if fact else None))
        return False
    if not isinstance(met, bool):
        problems.append(Problem(f"cap condition must give true or false, got {condition_value(met)}: {cap.message}",
                                expression=cap.formula.text))
        return False
    return met


def _severity(indicator_set: IndicatorSet, cap: Cap) -> tuple[int, Decimal, str, str]:
    """Where a cap that holds is applied: total ceilings before grade ceilings, the higher limit first, then by message
    and condition (two caps alike but for their words say the same lines in any order)."""
    if cap.total_at_most is not None:
        return 0, -cap.total_at_most, cap.message, cap.formula.text
    return 1, Decimal(_rank(indicator_set, cap.grade_at_most or "")), cap.message, cap.formula.text


def _rank(indicator_set: IndicatorSet, label: str) -> int:
    """0 for the highest grade, 1 for the next…"""
    return [g.label for g in indicator_set.grades].index(label)

