"""A profile that keeps the id and version of a set it is built on while it (or a profile between them: QA156 F1) changes
that set: its results name that set, and so would its forms, whose side sheet names the set they are read back with
(QA152 F1, QA155 F1, F2). No form is written from it (`template`, a 自评表 of `score` and `batch`: `reports.layouts`);
`validate` and `lint` (``base-id``) warn of it.
The profile itself is not refused: a profile may inherit its id (docs/indicator-sets.md, "Profiles")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .errors import Problem
from .model import IndicatorSet, ProfileChange

__all__ = ["KEEPS_BASE_ID", "KEEPS_BASE_ID_HINT", "KEEPS_BUNDLED_ID", "KEEPS_BUNDLED_ID_HINT", "NO_FORM", "NO_FORM_BUNDLED",
           "NO_FORM_BUNDLED_HINT", "NO_FORM_HINT", "RESOLVED_HINT", "base_id_problem", "changes_its_base", "keeps_base_id",
           "no_form", "resolved_warning", "warn_of_base_id"]

_WRITTEN = "template; score and batch --reports as xlsx in the selfeval layout"
KEEPS_BASE_ID = ("this profile keeps the id and version of a set it is built on, {id} {version}, while changing that set: "
                 "its results name {id} {version}, and no blank form or 自评表 workbook can be written from it (" + _WRITTEN
                 + ")")
KEEPS_BASE_ID_HINT = "give the profile its own id: (or version:), so that its results and forms name it"
KEEPS_BUNDLED_ID = ("this profile keeps the id of the bundled set {id} while changing it: its results name {id} {version}, "
                    "and no blank form or 自评表 workbook can be written from it (" + _WRITTEN + "), since a form naming "
                    "{id} is read back without --set as the bundled set, whatever version it names")
KEEPS_BUNDLED_ID_HINT = ("give the profile an id: of its own, so that its results and forms name it; a version: of its own is "
                         "not enough")
NO_FORM = ("no form is written from this profile: it keeps the id and version of a set it is built on, {id} {version}, "
           "while changing that set, and a form naming {id} {version} is read back as {id}'s")
NO_FORM_HINT = "give it its own id: (or version:)"
NO_FORM_BUNDLED = ("no form is written from this profile: it keeps the id of the bundled set {id} while changing it, and a "
                   "form naming {id} is read back without --set as the bundled set, whatever version it names")
NO_FORM_BUNDLED_HINT = "give it an id: of its own; a version: of its own is not enough"
RESOLVED_HINT = ("the set written names itself {id} {version} too, and nothing refuses its forms, which are read back as "
                 "{id}'s: give the profile an id: of its own before resolving it, or write one in the file written")


def keeps_base_id(indicator_set: IndicatorSet) -> dict[str, str] | None:
    """The id and version a profile shares with a set below it while it, or a profile between them, changes something of
    that set (its name, a weight, a section); None for any other set. The set compared with is the deepest base of that
    id and version, the one that really is it: a county's profile adopting as it stands a province's file that keeps
    self-evaluation's id while changing it keeps that id as much as the province's file does (QA156 F1). A bundled set's
    id is kept whatever the version: a form naming a bundled id is read without --set as the bundled set, whatever
    version it names; another set's id with a version of its own is this year's file built on last year's under the same
    id, whose forms are read with the file of their version (`forms/bases`) (QA156 F4)."""
    ids = indicator_set.base_ids
    if indicator_set.id not in ids:
        return None
    kept = [i for i, (base_id, version) in enumerate(zip(ids, indicator_set.base_versions, strict=True))
            if base_id == indicator_set.id and (version == indicator_set.version or _bundled(indicator_set))]
    if not kept:
        return None
    if not changes_its_base(indicator_set.changes) and not any(indicator_set.base_changed[:kept[-1]]):
        return None
    return {"id": indicator_set.id, "version": indicator_set.version}


def changes_its_base(changes: Iterable[ProfileChange]) -> bool:
    """Whether a profile's own changes change the set it extends: a weight written as the base has it (validate's "kept
    at 10") is none, as a section or field written as the base has it is not recorded at all (QA157 F3)."""
    return any(c.by is None and not (c.what == "weight" and c.old == c.new) for c in changes)


def _bundled(indicator_set: IndicatorSet) -> bool:
    from ._files import bundled_sets

    return indicator_set.id in bundled_sets()


def base_id_problem(indicator_set: IndicatorSet) -> Problem | None:
    """The warning on the profile's file, or None."""
    fields = keeps_base_id(indicator_set)
    if fields is None:
        return None
    said, hint = (KEEPS_BUNDLED_ID, KEEPS_BUNDLED_ID_HINT) if _bundled(indicator_set) else (KEEPS_BASE_ID, KEEPS_BASE_ID_HINT)
    return Problem(said.format(**fields), file=indicator_set.source, hint=hint)


def no_form(indicator_set: IndicatorSet) -> Problem | None:
    """The line refusing a form of the set, on the profile's file, when it keeps its base's id (`keeps_base_id`); else
    None: its form would name the base, and be read back without --set with the base's weights and rules (QA155 F1), or
    with the file of the base's id near it (QA155 F2)."""
    fields = keeps_base_id(indicator_set)
    if fields is None:
        return None
    said, hint = (NO_FORM_BUNDLED, NO_FORM_BUNDLED_HINT) if _bundled(indicator_set) else (NO_FORM, NO_FORM_HINT)
    return Problem(said.format(**fields), file=indicator_set.source, hint=hint)


def warn_of_base_id(indicator_set: IndicatorSet) -> None:
    """Say the warning, if any, on standard error in the run's language (`validate`)."""
    from ._messages import current_language, warning_line
    from ._output import tell

    problem = base_id_problem(indicator_set)
    if problem is not None:
        tell(warning_line(problem, current_language([problem])))


def resolved_warning(indicator_set: IndicatorSet) -> str:
    """The warning `resolve` says of such a profile on standard error and puts, as a line of its own, in the comment on
    top of the whole set it writes, in the run's language; "" for any other set. The set written has no `extends:` left,
    so nothing would refuse its forms, which name the id it keeps (QA156 F2)."""
    from ._messages import current_language, warning_line
    from ._output import tell

    problem, fields = base_id_problem(indicator_set), keeps_base_id(indicator_set)
    if problem is None or fields is None:
        return ""
    problem = replace(problem, hint=RESOLVED_HINT.format(**fields))
    line = warning_line(problem, current_language([problem]))
    tell(line)
    return "\n" + line
