"""The facts a test case scores (`cases`): its facts with its overrides put over them, a fact the set does not declare
refused where the case gives it. A misspelt name (survey.metod) would be ignored with a warning, and the case would test
what it did not mean to, and pass; unless the case is about just that, and expects the warning that the fact is ignored.
A problem of a fact the case gives (an override, one of its own facts) is said at the line of its key (`key_lines`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from ._case_texts import Got, contains
from ._given_facts import naming_another_set
from ._undeclared import SHOWN_UNDECLARED, judged_as_one, removed_facts, undeclared_warnings
from .errors import ADD_THE_FACT, FactsError, Problem, did_you_mean
from .facts import Facts, flatten, spelling

if TYPE_CHECKING:
    from .model import IndicatorSet

__all__ = ["facts_for", "key_lines", "placed_in_case"]


class _Expected(Protocol):
    @property
    def warnings(self) -> tuple[str, ...] | None: ...


class Case(Protocol):
    """What of a `cases.Case` this reads (the module is below `cases`, which calls it)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def facts(self) -> Facts: ...
    @property
    def overrides(self) -> Mapping[str, Any]: ...
    @property
    def expect(self) -> _Expected: ...
    @property
    def own(self) -> str | None: ...
    @property
    def id(self) -> str: ...
    @property
    def keys(self) -> Mapping[tuple[str, str], int]: ...


def facts_for(case: Case, indicator_set: IndicatorSet) -> Facts:
    """The facts `case` scores under `indicator_set`; FactsError for a fact given twice, an override of a fact the set
    does not declare, or one of the case's own facts (its facts or facts_file) the set does not declare (QA181 F1)."""
    if not case.overrides and case.own is None:
        return case.facts
    values, twice = flatten(case.facts.values, indicator_set.facts)
    overrides, twice_over = flatten(case.overrides, indicator_set.facts)
    if twice or twice_over:  # the same fact under two spellings, in the facts or in the overrides: neither may win silently
        raise FactsError([Problem(f"fact {name} is given twice, at {spelling(a, root)} and at {spelling(b, root)}",
                                  file=case.file, line=case.line, fact=name, hint="keep one of them")
                          for root, found in (("$.facts", twice), ("overrides", twice_over)) for name, a, b in found])
    # A judgement the set does not declare is one fact, not its tier, score and reason (QA116 F5).
    expected, shared = _expected_ignored(case, indicator_set, {**values, **overrides})
    # Grouped before the warnings expected are looked for, as _own_undeclared does (QA277 F3: a removed tier fact
    # overridden whole, expecting its warning, was said as benefit.ecological.tier, never expected)
    unknown = [name for name in judged_as_one([name for name in overrides if name not in indicator_set.facts])
               if name not in expected]
    problems = [Problem(f"override {name} is not a fact of the set", file=case.file, line=_line(case, name, "overrides"),
                        fact=name, hint=_meant(name, indicator_set, {}) or _naming(name, shared) or OVERRIDE_DECLARED)
                for name in unknown]
    if case.own is not None:  # its own facts, not a facts file every case of the file shares
        problems += _own_undeclared(case, indicator_set, values, (expected, shared))
    if problems:
        raise naming_another_set(FactsError(problems), case.facts, indicator_set)
    if not case.overrides:
        return case.facts
    values.update(overrides)  # an override replaces the fact, however the facts spell it
    # Problems now come from the case's facts, not the facts file it started from.
    return Facts(values=values, not_applicable=case.facts.not_applicable, project=case.facts.project, source=case.id)


#: The fix for an override of a fact the set does not declare, with the way out of a case testing just that (QA337 3)
OVERRIDE_DECLARED = "override a fact the set declares, or expect the warning that the fact is ignored"


def _expected_ignored(case: Case, indicator_set: IndicatorSet, given: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """The facts the set does not declare whose warning that they are ignored the case expects: a text of its expected
    warnings found in that fact's warning, in English or as printed in Chinese (QA337 3: 没有在体系中声明，已忽略, as
    printed, was refused for not naming the fact), and naming it unless it is found in no other fact's warning. A
    misspelt name found inside another expected text (the warning of another fact) is not excused by it. Then those whose
    warning an expected text naming no fact found with another's: each wants a text of its own naming it (QA341 7)."""
    wanted = case.expect.warnings or ()
    warnings = undeclared_warnings(given, indicator_set.facts, case.id, removed_facts(indicator_set)) if wanted else []
    named: list[tuple[str, list[Got]]] = [(w.fact, [(str(w), (w,))]) for w in warnings if w.fact is not None]
    excused: set[str] = set()
    shared: set[str] = set()
    for words in wanted:
        found = [fact for fact, got in named if contains(words, got)]
        excused.update(fact for fact in found if len(found) == 1 or fact in words)
        shared.update(fact for fact in found if len(found) > 1 and fact not in words)
    return excused, shared - excused


def _naming(name: str, shared: set[str]) -> str | None:
    """The fix for a fact whose warning the case expects only in words it shares with another's (没有在体系中声明，已忽略
    for two): a text naming each, which the hint to write the warning alone did not say (QA341 7)."""
    if name not in shared:
        return None
    return ("the warning expected is that of several facts: expect for each of them a warning naming it, "
            f"fact {name} is not declared by the set and is ignored")


def _own_undeclared(case: Case, indicator_set: IndicatorSet, values: Mapping[str, Any],
                    expected: tuple[set[str], set[str]]) -> list[Problem]:
    """A problem for each fact of the case's own facts (or facts_file) the set does not declare, the first few by name;
    one overridden is said of its override, and one the case expects the warning of is what the case tests (`expected`:
    those, then those expected only in words shared with another's)."""
    names = judged_as_one([name for name in values if name not in indicator_set.facts and name not in case.overrides])
    names = [name for name in names if name not in expected[0]]
    problems = [Problem(f"fact {name} in the case's {case.own} is not a fact of the set", file=case.file,
                        line=_line(case, name, "facts"), fact=name, hint=_meant(name, indicator_set, values) or
                        _naming(name, expected[1]) or
                        "give the facts the set declares, or expect the warning that the fact is ignored")
                for name in names[:SHOWN_UNDECLARED]]
    if len(names) > SHOWN_UNDECLARED:
        problems.append(Problem(f"{len(names) - SHOWN_UNDECLARED} more facts in the case's {case.own} are not facts of "
                                "the set", file=case.file, line=case.line, hint="check that the facts are meant for this set"))
    return problems


def _meant(name: str, indicator_set: IndicatorSet, given: Mapping[str, Any]) -> str | None:
    """The hint for a fact name the set does not declare: a profile removed it, or the declared fact meant (one not
    `given` already: a fact the case gives is no slip of that)."""
    missing = [declared for declared in indicator_set.facts if declared not in given]
    return removed_facts(indicator_set).get(name) or did_you_mean(name, missing)


def key_lines(located: Any, i: int, raw: Any) -> dict[tuple[str, str], int]:
    """The line of each key of case `i`'s overrides and own facts (`raw`: the case as written), by (overrides or facts,
    the dotted name it gives at every depth): budget: {arrived: …} gives budget and budget.arrived, as budget.arrived
    alone does, so a fact is found however the case spells it (QA214 15: it was said at the case's first line); and the
    line of each section's own key, by (the section, "")."""
    found: dict[tuple[str, str], int] = {}
    for section in ("overrides", "facts"):
        given = raw.get(section) if isinstance(raw, Mapping) else None
        todo: list[tuple[tuple[Any, ...], Any]] = [((), given)] if isinstance(given, Mapping) else []
        if todo and (where := located.where(("cases", i, section), key=True)) is not None and where[0] is not None:
            found[(section, "")] = where[0]
        while todo:  # the reader bounded the depth; a list's items are values of one fact, not facts
            path, mapping = todo.pop()
            for key, value in mapping.items():
                where = located.where(("cases", i, section, *path, key), key=True)
                if where is not None and where[0] is not None:
                    found.setdefault((section, ".".join(map(str, (*path, key)))), where[0])
                if isinstance(value, Mapping):
                    todo.append(((*path, key), value))
    return found


def _line(case: Case, name: str | None, *sections: str) -> int | None:
    """The line of the key giving fact `name` in the case's `sections`, the first that gives it; else the case's."""
    return next((case.keys[(s, name)] for s in sections if name is not None and (s, name) in case.keys), case.line)


def placed_in_case(case: Case, problems: Any) -> tuple[Problem, ...]:
    """`problems` of scoring the case's facts: one of its own facts or of its overrides (the facts' source is the case)
    at its key's line, an override's first as it is the value scored; not file::case with no line to go to (QA209 5)."""
    return tuple(_placed(case, p) if p.file == case.id else p for p in problems)


def _placed(case: Case, problem: Problem) -> Problem:
    given = any((section, problem.fact) in case.keys for section in ("overrides", "facts"))
    started = case.facts.source  # the facts file the case started from, when it did
    if problem.fact is not None and not given and case.own != "facts" and started not in (None, case.id):
        return replace(problem, file=started)  # a fact of that file, said of it as without overrides (QA217 1)
    return _given_null(case, replace(problem, file=case.file, line=_line(case, problem.fact, "overrides", "facts")))


#: The fix for a required fact the case itself sets to null: "add it to the facts file" did not work (QA330 F9).
NULL_OVERRIDE = "the override on this line sets it to null, which leaves it out: give its value there"
NULL_OWN = "the case's facts set it to null on this line, which leaves it out: give its value there"
#: The fix for a required fact missing from the case's own facts, which replace the facts file's (QA330 fixer's F).
ADD_TO_THE_CASE = "add it under the case's facts: on this line, which replace the facts file's"


def _given_null(case: Case, problem: Problem) -> Problem:
    """`problem`, a required fact missing because the case's override (or its own facts) gives it as null, told to give
    its value at that line; any other as it is."""
    if problem.hint != ADD_THE_FACT or problem.fact is None:
        return problem
    for section, values, hint in (("overrides", case.overrides, NULL_OVERRIDE),
                                  ("facts", case.facts.values if case.own == "facts" else {}, NULL_OWN)):
        given = flatten(values, {})[0] if (section, problem.fact) in case.keys else {}
        if problem.fact in given:
            return replace(problem, hint=hint) if given[problem.fact] is None else problem
    if case.own == "facts":  # not in the facts file: the case's values are written in the case (QA330 fixer's F)
        return replace(problem, hint=ADD_TO_THE_CASE, line=case.keys.get(("facts", ""), problem.line))
    return problem
