"""What a clerk typed on a form that the set does not read: each named by its cell in a warning, never dropped in silence.

A facts file that gives a fact the set does not declare is warned of (`facts.undeclared`); a form is held to the
same: a 事实 row of the side sheet naming a fact the set does not declare (a typo: budget.piad) is warned of on its
cell, with the did-you-mean, and so is a row of a 类别 the reader does not read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..errors import Problem
from ..facts import undeclared
from .reading import FormReading
from .workbook import Sheet

__all__ = ["SIDE_KINDS", "side_facts", "side_kind"]

#: The 类别 of the side sheet's rows: the first three are read, the others are the tool's own.
SIDE_KINDS = ("事实", "不适用", "项目", "指标体系", "来源", "类别")


def side_facts(reading: FormReading, given: Mapping[str, str]) -> None:
    """A warning for each 事实 row naming a fact the set does not declare (`given`: name → its value's cell), said as a
    facts file's is, with its did-you-mean, on the cell."""
    for problem in undeclared(given, reading.set.facts, str(reading.path)):
        cell = given.get(problem.fact or "")
        message = f"{cell}: {problem.message}" if cell else problem.message
        reading.warnings.append(dataclasses.replace(problem, message=message))


def side_kind(reading: FormReading, side: Sheet, row: int, kind: str) -> None:
    """A row of the side sheet with a name and a value whose 类别 is none the reader reads: a warning on its 类别 cell."""
    message = (f"the row's 类别 {kind} is not one of 事实, 不适用, 项目, so the row is not read" if kind
               else "the row has no 类别 (事实, 不适用 or 项目), so it is not read")
    hint = "write 事实 for a fact, 不适用 for an indicator not applicable, 项目 for a project detail"
    reading.warnings.append(Problem(f"{side.ref(row, 1)}: {message}", file=str(reading.path), hint=hint))
