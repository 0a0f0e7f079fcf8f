"""A profile that keeps the id and version of a set it is built on while it (or a profile between them: QA156 F1) changes
that set: its results name that set, and so would its forms, whose side sheet names the set they are read back with
(QA152 F1, QA155 F1, F2). No form is written from it (`template`, a 自评表 of `score` and `batch`: `reports.layouts`);
`validate` and `lint` (``base-id``) warn of it.
The profile itself is not refused: a profile may inherit its id (docs/indicator-sets.md, "Profiles")."""

from __future__ import annotations

from .errors import Problem
from .model import IndicatorSet

__all__ = ["KEEPS_BASE_ID", "KEEPS_BASE_ID_HINT", "NO_FORM", "NO_FORM_HINT", "base_id_problem", "keeps_base_id",
           "no_form", "warn_of_base_id"]

KEEPS_BASE_ID = ("this profile keeps the id and version of the set it extends, {id} {version}, while changing it: its "
                 "results name {id} {version}, and no form can be written from it (template, score --layout selfeval)")
KEEPS_BASE_ID_HINT = "give the profile its own id: (or version:), so that its results and forms name it"
NO_FORM = ("no form is written from this profile: it keeps the id and version of the set it extends, {id} {version}, "
           "while changing it, and a form naming {id} {version} is read back as {id}'s")
NO_FORM_HINT = "give it its own id: (or version:)"


def keeps_base_id(indicator_set: IndicatorSet) -> dict[str, str] | None:
    """The id and version a profile shares with a set below it while it, or a profile between them, changes something of
    that set (its name, a weight, a section); None for any other set. The set compared with is the deepest base of that
    id and version, the one that really is it: a county's profile adopting as it stands a province's file that keeps
    self-evaluation's id while changing it keeps that id as much as the province's file does (QA156 F1)."""
    kept = [i for i, (base_id, version) in enumerate(zip(indicator_set.base_ids, indicator_set.base_versions, strict=True))
            if (base_id, version) == (indicator_set.id, indicator_set.version)]
    if not kept:
        return None
    if not any(c.by is None for c in indicator_set.changes) and not any(indicator_set.base_changed[:kept[-1]]):
        return None
    return {"id": indicator_set.id, "version": indicator_set.version}


def base_id_problem(indicator_set: IndicatorSet) -> Problem | None:
    """The warning on the profile's file, or None."""
    fields = keeps_base_id(indicator_set)
    if fields is None:
        return None
    return Problem(KEEPS_BASE_ID.format(**fields), file=indicator_set.source, hint=KEEPS_BASE_ID_HINT)


def no_form(indicator_set: IndicatorSet) -> Problem | None:
    """The line refusing a form of the set, on the profile's file, when it keeps its base's id and version; else None: its
    form would name the base, and be read back without --set with the base's weights and rules (QA155 F1), or with the
    file of the base's id near it (QA155 F2)."""
    fields = keeps_base_id(indicator_set)
    if fields is None:
        return None
    return Problem(NO_FORM.format(**fields), file=indicator_set.source, hint=NO_FORM_HINT)


def warn_of_base_id(indicator_set: IndicatorSet) -> None:
    """Say the warning, if any, on standard error in the run's language (`validate`)."""
    from ._messages import current_language, warning_line
    from ._output import tell

    problem = base_id_problem(indicator_set)
    if problem is not None:
        tell(warning_line(problem, current_language([problem])))
