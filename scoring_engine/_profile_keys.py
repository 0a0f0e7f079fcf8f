"""A profile's own keys, checked before it is merged onto its base: a profile's directives in a set that extends
nothing, and the profile against the schema (`_profiles` resolves it), with the grades it writes as shares of the total
beside a bound the schema refused."""

from __future__ import annotations

from decimal import Decimal

from ._build import check_schema
from ._build.sections import grade_shares as shares_of_total
from ._build.problems import ProblemLog
from ._located import Located
from .errors import IndicatorSetError, Problem

__all__ = ["DIRECTIVES", "MERGED_BY_NAME", "check_profile", "grade_shares", "no_directives"]

#: The keys only a profile has; they are gone once it is resolved.
DIRECTIVES = ("extends", "change", "add", "remove")
MERGED_BY_NAME = ("facts", "derived")


def no_directives(located: Located, file: str | None) -> None:
    """A set that extends nothing and says change:, add: or remove: is told what they are for."""
    stray = [key for key in DIRECTIVES[1:] if key in located.data]
    if stray:
        log = ProblemLog(Located(located.data, located.root), file)  # without the reader's problems: those come with the build's
        for key in stray:
            log.add((key,), f"{key}: is for a profile, a set that says extends: <base set>", key=True,
                    hint="add extends: with the set this one builds on, or write the indicators out in full")
        raise IndicatorSetError(log.ranked())


def check_profile(located: Located, file: str | None) -> list[Problem]:
    """The profile's own keys against the schema, worded as any set's, and the reader's problems (duplicate keys…).
    With any of these the profile is not merged, but its base is still read, so that an id it names that the base has
    not is said in the same run (QA: one typo hid three others)."""
    # `name: null` under facts or derived removes a base's entry: not a declaration for the schema to check
    data = {key: {k: v for k, v in value.items() if v is not None} if key in MERGED_BY_NAME and isinstance(value, dict)
            else value for key, value in located.data.items()}
    log = ProblemLog(Located(data, located.root, located.problems, located.rejected), file)
    check_schema(log)
    return log.problems


def grade_shares(located: Located, file: str | None, base: Located) -> list[Problem]:
    """The profile's own grades written as shares of the total (良 min: 0.8), of its total or its base's: said beside a
    bound the schema refused ('90%'), which stops the profile being merged and built (QA178 F3)."""
    grades = located.data.get("grades")
    if not isinstance(grades, list):
        return []
    totals = (located.data.get("total"), base.data.get("total") if isinstance(base.data, dict) else None)
    total = next((t for t in totals if isinstance(t, int | float | Decimal) and not isinstance(t, bool)), 100)
    log = ProblemLog(located, file)
    shares_of_total(log, Decimal(str(total)), grades)
    return log.problems
