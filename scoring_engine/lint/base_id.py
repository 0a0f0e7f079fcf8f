"""A profile that keeps the id and version of the set it extends while changing it (`_base_id`): its results name the
base, and no form is written from it, since its side sheet would name the base and be read back as the base's (QA152 F1,
QA155 F1). Said on the profile's file: the fix, an `id:` of its own, is written there."""

from __future__ import annotations

from collections.abc import Iterator

from .._base_id import base_id_problem, keeps_base_id
from ..model import IndicatorSet
from .found import LintWarning

__all__ = ["base_id"]


def base_id(indicator_set: IndicatorSet) -> Iterator[LintWarning]:
    problem = base_id_problem(indicator_set)
    fields = keeps_base_id(indicator_set)
    if problem is not None and fields is not None:
        yield LintWarning("base-id", problem, fields)
