"""A profile that keeps the id and version of the set it extends while changing it: its results and forms name that set,
and a form written from it is taken for that set's when read without --set (QA152 F1). `template`, `validate` and `lint`
(``base-id``) warn of it; it is never refused: a profile may inherit its id (docs/indicator-sets.md, "Profiles")."""

from __future__ import annotations

from .errors import Problem
from .model import IndicatorSet

__all__ = ["KEEPS_BASE_ID", "KEEPS_BASE_ID_HINT", "base_id_problem", "keeps_base_id", "warn_of_base_id"]

KEEPS_BASE_ID = ("this profile keeps the id and version of the set it extends, {id} {version}, while changing it: its "
                 "results and forms name {id} {version}, and a form written from it is taken for {id}'s when read without "
                 "--set")
KEEPS_BASE_ID_HINT = "give the profile its own id: (or version:), so that its results and forms name it"


def keeps_base_id(indicator_set: IndicatorSet) -> dict[str, str] | None:
    """The id and version a profile shares with the set it extends while changing something of it (its name, a weight, a
    section; a change only a base profile made is that base's own); None for any other set."""
    if not indicator_set.base_ids or not any(c.by is None for c in indicator_set.changes):
        return None
    if (indicator_set.base_ids[0], indicator_set.base_versions[0]) != (indicator_set.id, indicator_set.version):
        return None
    return {"id": indicator_set.id, "version": indicator_set.version}


def base_id_problem(indicator_set: IndicatorSet) -> Problem | None:
    """The warning on the profile's file, or None."""
    fields = keeps_base_id(indicator_set)
    if fields is None:
        return None
    return Problem(KEEPS_BASE_ID.format(**fields), file=indicator_set.source, hint=KEEPS_BASE_ID_HINT)


def warn_of_base_id(indicator_set: IndicatorSet) -> None:
    """Say the warning, if any, on standard error in the run's language (`template`, `validate`)."""
    from ._messages import current_language, warning_line
    from ._output import tell

    problem = base_id_problem(indicator_set)
    if problem is not None:
        tell(warning_line(problem, current_language([problem])))
