"""Problems found in a base set that a profile caused, moved to the profile's line that made the change.

A rule written with points of its own that cannot follow a weight the profile
changed, a formula of the base that reads a fact the profile removed, a 需说明
condition of the base that compares grade with a name the profile's grades no
longer have: the author fixes each in the profile, so that is where it is shown,
naming the base's line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from ._profiles import Resolved
from .model import ProfileChange
from ._located import Located
from .errors import Problem

__all__ = ["blamed", "named_in"]

_SCORED_BY_CHILDREN = "an indicator with children is scored by them; it cannot have a rule too"


def blamed(problems: Sequence[Problem], resolved: Resolved, file: str | None,
           base_alone: Set[tuple[str | None, int | None, str]] = frozenset(), own: Located | None = None) -> list[Problem]:
    """`problems`, those in a base that the profile caused moved to the profile's line that made the change (its
    column too, read from the profile's own text `own`), the profile's in the order of its lines (QA338 L8);
    `base_alone`: (file, line, message) of the base's problems without the profile, which stay where they are."""
    out = _blamed(problems, resolved, file, base_alone)
    if own is not None:
        out = [replace(p, column=_column(own, p)) if p.file == file and p.column is None and p.indicator else p for p in out]
    slots = [i for i, p in enumerate(out) if p.file == file]
    for i, p in zip(slots, sorted((out[i] for i in slots), key=lambda p: (p.line or 0, p.column or 0)), strict=True):
        out[i] = p
    return out


def _column(own: Located, problem: Problem) -> int | None:
    """The column of the weight the profile writes for the problem's indicator, when the problem is on its line."""
    at = own.where(("change", problem.indicator or "", "weight"))
    return at[1] if at is not None and at[0] == problem.line and own.written(("change", problem.indicator or "", "weight")) \
        else None


def _blamed(problems: Sequence[Problem], resolved: Resolved, file: str | None,
            base_alone: Set[tuple[str | None, int | None, str]]) -> list[Problem]:
    made = {c.target: c for c in resolved.changes if c.what in ("weight", "rescaled") and c.by is None}  # this one's
    gone = {c.target: c for c in resolved.changes if c.what in ("removed facts", "removed derived")}
    parented = {c.target: c for c in resolved.changes if c.what == "children"}
    removed_ids = {c.target: c for c in resolved.changes if c.what == "removed"}
    # (a profile's own declaration before its base profile's, and none of a fact it removes: QA88 F2)
    anew = {c.target: c for c in reversed(resolved.changes) if c.what in ("redeclared facts", "redeclared derived")
            and c.target not in gone}
    # the nearest profile that renamed the grades: this one, or a base profile (a county's of a province's: QA45 F6);
    sections = {c.target: c for c in reversed(resolved.changes) if c.what == "section"}  # indicators:, total: this one's
    grades, tree, total = sections.get("grades"), sections.get("indicators"), sections.get("total")
    out: list[Problem] = []
    for problem in problems:
        change = made.get(problem.indicator or "")
        removed = gone.get(problem.fact or "")
        capped = problem.message.startswith("grade_at_most names ")
        if grades is not None and problem.file != file and ("of the values of grade" in problem.message or capped):
            # the base's 需说明 or cap compares grade with, or caps it at, a name the profile's grades no longer have
            # (QA44 F2, QA51 F1)
            who = f"the profile {grades.by}" if grades.by else "this profile"
            hint = (f"{who} renames the grades, and {problem.file} line {problem.line} caps grade at a name they no "
                    "longer have: give the profile its own caps, naming its grades" if capped else
                    f"{who} renames the grades, and {problem.file} line {problem.line} compares grade with a name "
                    "they no longer have: give the profile its own explain_when (and caps), naming its grades")
            moved = replace(problem, file=grades.file or file, line=grades.line, column=None, hint=hint)
            if moved not in out:
                out.append(moved)
        elif problem.file == file and change is not None and change.what == "weight" and \
                problem.message.startswith("weights of the children of"):  # the base's children cannot be edited here
            out.append(replace(problem, hint=f"add rescale: true under change: {change.target}, so that its children "
                                             "follow the new weight, or set their weights under change:"))
        elif (own := _of_the_profile(problem, file, parented, {**removed_ids, **gone}, tree, total)
                or _own_rule(problem, file, resolved.changes)) is not None:
            out.append(own)
        elif problem.file != file and (declared := named_in(problem, anew)) is not None:
            who = f"the profile {declared.by}" if declared.by else "this profile"
            hint = (f"{who} declares {declared.target} anew, and {problem.file} line {problem.line} reads it as the base "
                    "declares it: declare it as the base does, or change what reads it too")
            out.append(replace(problem, file=declared.file or file, line=declared.line, column=None, hint=hint))
        elif problem.file == file and removed is not None and problem.message == f"unknown name {removed.target}":
            hint = (f"the profile {removed.by} removes {removed.target} ({removed.file}, line {removed.line}): declare it "
                    "again under facts:, or read another name") if removed.by else \
                f"this profile removes {removed.target} (line {removed.line}): keep it, or read another name"
            out.append(replace(problem, hint=hint))  # not a did-you-mean of another fact (QA82 F4, QA87 F6)
        elif problem.file == file or (change is None and removed is None) or \
                (removed is None and (problem.file, problem.line, problem.message) in base_alone):
            out.append(problem)  # (a misspelt name in the base's rule is the base's, whatever weight the profile gives)
        elif removed is not None:  # the base still reads a fact or value the profile removed
            hint = (f"this profile removes {removed.target}, which {problem.file} line {problem.line} still reads: "
                    "remove or change what reads it too, or keep the fact")
            out.append(replace(problem, file=removed.file or file, line=removed.line, column=None, hint=hint))
        elif change is not None:
            out.append(replace(problem, file=file, line=change.line, column=None, hint=_weight_hint(change, problem)))
    return out


def _own_rule(problem: Problem, file: str | None, changes: Sequence[ProfileChange]) -> Problem | None:
    """A profile's own rule under change: that the base's tree makes wrong, with the fix a profile can make; None for any
    other problem. A rule given to a base's indicator with children: the profile cannot delete them (QA326 F3: told to,
    its remove: of the only child left the indicator empty). A rule written without its weight on an indicator a rescale
    re-weights is read as written for the base's weight and scaled: points it no longer fits are told so, with the fix
    that keeps them as written (QA326 F1: the scaled 8.17 was said beside the generic fix, 'at most 7', that the file
    already follows)."""
    if problem.file != file or ".rule" not in (problem.path or ""):
        return None
    mine = {c.what: c for c in changes if c.target == problem.indicator and c.by is None}
    if problem.message == _SCORED_BY_CHILDREN and "rule" in mine and not mine.keys() & {"children", "added"}:
        return replace(problem, hint=f"a profile cannot take away the base's children of {problem.indicator}: write the "
                                     f"rule under change: for one of them, or remove: [{problem.indicator}] and add: an "
                                     "indicator scored by the rule in its place")
    scaled = mine.get("points")
    if scaled is None or not re.search(r"\b(points?|weight)\b", problem.message):
        return None
    # (the points may be wrong at either weight: then following the weight: fix alone leaves the error, QA328 F4)
    return replace(problem, hint=f"the rescale (line {scaled.line}) takes this rule as written for the base's weight "
                                 f"{scaled.old} and scales it to the weight {scaled.new}: if its points were written for "
                                 f"{scaled.new}, write weight: {scaled.new} under change: {scaled.target} to keep them as "
                                 f"written; else correct them for the weight {scaled.new}")


def _weight_hint(change: ProfileChange, problem: Problem) -> str:
    """The fix for a base's rule that the profile's new weight of its indicator no longer fits."""
    how = "rescaled" if change.what == "rescaled" else "changed"
    if problem.file is None:  # a number the rescale made, in no file (QA322 F4: "its rule (None line 6)")
        return (f"the weight of {change.target} is {how} from {change.old} to {change.new} here, which scales its "
                "points out of range: set its weight yourself")
    if change.what == "weight":  # the weight is the profile's own: its rule's points may follow it (QA338 L8)
        return (f"the weight of {change.target} is changed from {change.old} to {change.new} here; its rule "
                f"({problem.file} line {problem.line}) was written for {change.old}: write rescale: true under change: "
                f"{change.target}, so that its points follow the new weight, or give it a rule for {change.new} under "
                "change:")
    return (f"the weight of {change.target} is {how} from {change.old} to {change.new} here; its rule "
            f"({problem.file} line {problem.line}) was written for {change.old}: give it a rule for {change.new} "
            "under change:, or set its weight yourself")


def _of_the_profile(problem: Problem, file: str | None, parented: Mapping[str, ProfileChange],
                    removed: Mapping[str, ProfileChange], tree: ProfileChange | None = None,
                    total: ProfileChange | None = None) -> Problem | None:
    """A base's problem that a profile's `change:` or `remove:` made, said at the profile's line with a fix a profile can
    make (QA67 F3: children given to a base's leaf were told to delete its rule, which a profile cannot; an indicator
    the profile removes, named by a base's not_applicable_to, was offered a did-you-mean that would move the weight to
    another indicator; a profile's own `indicators:` (`tree`) without those the base's weight rules name, QA116 F2; its
    own `total:`, QA318 F3); None for any other problem."""
    if problem.file == file:
        return None
    given = parented.get(problem.indicator or "")
    if given is not None and problem.message == _SCORED_BY_CHILDREN:
        return replace(problem, file=given.file or file, line=given.line, column=None,
                       hint=f"a profile cannot take the rule of {given.target} ({problem.file} line {problem.line}) away: "
                            f"remove: {given.target} and add: an indicator with its children in its place")
    section = next((s for s in ("weight_rules", "form") if (problem.path or "").startswith(f"$.{s}")), None)
    named = next((c for name, c in removed.items() if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", problem.message)),
                 None) if section else None
    if section and named is not None:  # QA71 F3: a base's weight rule or form naming what the profile removed
        return replace(problem, file=named.file or file, line=named.line, column=None,
                       hint=f"this profile removes {named.target}, which {problem.file} line {problem.line} still names in "
                            f"its {section}: give the profile its own {section}: (scoring-engine resolve prints the base's)")
    if section and tree is not None and (" names unknown indicator " in problem.message or  # and a form's (QA318 F4)
                                         problem.message.endswith(", which the set does not have")):
        return replace(problem, file=tree.file or file, line=tree.line, column=None,
                       hint=f"{f'the profile {tree.by}' if tree.by else 'this profile'} writes its own indicators:, "
                            f"without one that {problem.file} line {problem.line} "
                            f"names in its {section}: give the profile its own {section}: too")
    target = problem.message.removeprefix("not_applicable_to names ").removesuffix(", which is no indicator of the set")
    gone = removed.get(target) if target != problem.message else None
    if gone is not None:
        return replace(problem, file=gone.file or file, line=gone.line, column=None,
                       hint=f"this profile removes {target}, to which {problem.indicator} ({problem.file} line "
                            f"{problem.line}) gives its weight when it does not apply: set its not_applicable_to under "
                            f"change: {problem.indicator} (null to rescale its weight over all)")
    return _of_the_total(problem, file, total)


def _of_the_total(problem: Problem, file: str | None, total: ProfileChange | None) -> Problem | None:
    """A base's grade or top-level sum that the profile's own `total:` no longer fits, said at that line with the fixes a
    profile makes (QA318 F3: told at the bundled file's lines to edit its grades and weights); None for any other."""
    if total is None or problem.file == file:
        return None
    who = f"the profile {total.by}" if total.by else "this profile"  # a base profile's (QA322 F8)
    if (problem.path or "").startswith("$.grades") and ", above the total " in problem.message:
        hint = (f"{who} sets total:, and {problem.file} line {problem.line} starts a grade above it: give the "
                "profile its own grades:, their min in points of its total")
    elif problem.path == "$.indicators" and problem.message.startswith("weights of the top-level indicators add up to "):
        hint = (f"{who} sets total:, which the top-level weights of {problem.file} line {problem.line} no longer "
                "add up to: write rescale: siblings under change: for one of them, or set their weights under change:")
    else:
        return None
    return replace(problem, file=total.file or file, line=total.line, column=None, hint=hint)


def named_in(problem: Problem, changes: Mapping[str, ProfileChange]) -> ProfileChange | None:
    """The change whose target (a fact or derived value) `problem` names, in its fact, words or formula."""
    said = f"{problem.message} {problem.expression or ''}"
    return changes.get(problem.fact or "") or next(
        (c for name, c in changes.items() if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", said)), None)
