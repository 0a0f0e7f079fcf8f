"""A profile's own keys, checked before it is merged onto its base: a profile's directives in a set that extends
nothing, and the profile against the schema (`_profiles` resolves it), with the grades it writes as shares of the total
beside a bound the schema refused; its extends: against the sets on the way down (a loop, too many); and what is wrong
in its own text whatever its base holds (a formula's language, a grade's label), told when the profile cannot be merged."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from ._build import check_schema
from ._build.sections import grade_shares as shares_of_total, twice_named
from ._build.problems import Path, ProblemLog
from ._located import Located
from .errors import FormulaError, IndicatorSetError, Problem, closest
from .formulas import compile_formula
from .rules import RULE_KINDS

__all__ = ["DIRECTIVES", "MAX_EXTENDS_DEPTH", "MERGED_BY_NAME", "check_profile", "grade_shares", "no_directives",
           "no_loop", "not_a_set"]

#: The keys only a profile has; they are gone once it is resolved.
DIRECTIVES = ("extends", "change", "add", "remove")
MERGED_BY_NAME = ("facts", "derived")
#: Most profiles on top of one another (a county's profile of a province's profile of the national framework is 2).
MAX_EXTENDS_DEPTH = 8


def not_a_set(data: Any) -> str | None:
    """What a base that a profile's extends: names is instead of an indicator set, said at that extends: (QA58: a text;
    QA318 F8: a case or facts file was said in its own file, with the fix to run it); None for a set or a profile."""
    if not isinstance(data, dict):
        return "an indicator set must be a mapping with id, name, version, grades and indicators"
    if "engine" in data and "total" in data:  # a result has indicators: too (QA179 F3)
        return "it is a result written by scoring-engine score (it has engine: and total:)"
    if "indicators" in data or "extends" in data:
        return None
    if "cases" in data:
        return "it is a test cases file (it has cases:)"
    return "it is a facts file (it has facts:)" if "facts" in data and ("indicator_set" in data or "project" in data) else None


def no_directives(located: Located, file: str | None) -> None:
    """A set that extends nothing and says change:, add: or remove: is told what they are for."""
    stray = [key for key in DIRECTIVES[1:] if key in located.data]
    if stray:
        log = ProblemLog(Located(located.data, located.root), file)  # without the reader's problems: those come with the build's
        for key in located.data:  # extend:, Extends: (QA284 F5: only told to add extends:, at change:'s line)
            if isinstance(key, str) and key != "extends" and closest(key.lower(), ["extends"], 0.75) is not None:
                log.add((key,), f"unknown key {key!r}", key=True, hint="did you mean extends?")
        for key in stray:
            log.add((key,), f"{key}: is for a profile, a set that says extends: <base set>", key=True,
                    hint="add extends: with the set this one builds on, or write the indicators out in full")
        raise IndicatorSetError(log.ranked())


def no_loop(log: ProblemLog, ref: Any, file: str | None, chain: tuple[str, ...]) -> None:
    """A profile on the way down from the file given (`chain`) extended again, or too deep, said at its extends:."""
    looped = file is not None and file in chain
    if looped and chain[-1] == file:  # extends: its own file: no set of the loop to name as the fix (QA214 13)
        from ._files import bundled_sets

        log.add(("extends",), f"extends {ref!r} names this set's own file: a set cannot extend itself",
                f"extend the set this one builds on: a bundled set's id ({', '.join(bundled_sets())}) or another set's file")
    elif looped or len(chain) >= MAX_EXTENDS_DEPTH:
        what = (f"extends {ref!r} makes a loop: {' → '.join((*chain, file or '?'))}" if looped
                else f"more than {MAX_EXTENDS_DEPTH} profiles on top of one another (MAX_EXTENDS_DEPTH), in "
                     f"{' → '.join((*chain, file or '?', str(ref)))}")  # the chain from the file given (QA52 F2)
        log.add(("extends",), what, "extend the set the loop started from, or the bundled set itself" if looped else
                "make one of these profiles extend a set nearer the bundled set")


def check_profile(located: Located, file: str | None) -> tuple[list[Problem], Callable[[], list[Problem]]]:
    """The profile's own keys against the schema, worded as any set's, and the reader's problems (duplicate keys…).
    With any of these the profile is not merged, but its base is still read, so that an id it names that the base has
    not is said in the same run (QA: one typo hid three others). Second, what finds the slips of its own text where
    the schema found nothing (`own_text`): called only when the profile cannot be merged (the set built of it says them
    otherwise, names and all; a valid profile's formulas are compiled once: QA251)."""
    # `name: null` under facts or derived removes a base's entry: not a declaration for the schema to check
    data = {key: {k: v for k, v in value.items() if v is not None} if key in MERGED_BY_NAME and isinstance(value, dict)
            else value for key, value in located.data.items()}
    log = ProblemLog(Located(data, located.root, located.problems, located.rejected), file)
    check_schema(log)

    def own() -> list[Problem]:
        slips = ProblemLog(Located(data, located.root), file)
        slips.broken = log.broken
        own_text(slips)
        return slips.problems
    return log.problems, own


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


def own_text(log: ProblemLog) -> None:
    """What is wrong in a profile's own formulas and grade labels whatever the set it extends holds, where the schema
    found nothing: told with the misspelt ids that stop it being merged, not a run later (QA241 M3). Whether a formula's
    names are declared waits for the merge, which alone knows them."""
    data = log.located.data
    for path, source in _own_formulas(data):
        if log.ok(path) and isinstance(source, str):
            try:
                compile_formula(source, _AnyName())
            except FormulaError as err:
                for p in err.problems:
                    log.add(path, p.message, p.hint, expression=p.expression, fact=p.fact)
    grades = data.get("grades")
    if isinstance(grades, list):  # each label the schema took, beside a min it refused ('90%')
        twice_named(log, [g.get("label") if isinstance(g, dict) and isinstance(g.get("label"), str)
                          and log.ok(("grades", i, "label")) else None for i, g in enumerate(grades)])


def _own_formulas(data: Mapping[str, Any]) -> Iterator[tuple[Path, Any]]:
    """(path, text) of each formula the profile writes: derived values, checks, 需说明 conditions, caps and its rules'."""
    derived = data.get("derived")
    for name, value in derived.items() if isinstance(derived, dict) else ():
        yield (("derived", name, "expr"), value.get("expr")) if isinstance(value, dict) else (("derived", name), value)
    for section, key in (("checks", "expr"), ("explain_when", "when"), ("caps", "when")):
        items = data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict):
                yield (section, i, key), item.get(key)
    for section in ("add", "change"):
        yield from _rules_in(data.get(section), (section,))


def _rules_in(node: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """The formulas of every rule written below `node` (an indicator's `rule:`, and the rules nested in it)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if key == "rule" and isinstance(value, dict) and _known(value):
            yield from _rule_formulas(value, (*path, key))
        else:
            yield from _rules_in(value, (*path, key))


def _known(rule: Mapping[str, Any]) -> bool:
    """Whether `rule` names a kind of rule; a kind written as a list or a mapping does not, and the schema says so (QA318
    F2: `kind: [bands]` in a profile was an internal error)."""
    kind = rule.get("kind")
    return isinstance(kind, str) and kind in RULE_KINDS


def _rule_formulas(rule: Mapping[str, Any], path: Path) -> Iterator[tuple[Path, Any]]:
    kind = RULE_KINDS[rule["kind"]]
    for place in kind.formulas:
        yield from _at(rule, place, path)
    for key in kind.nests:  # switch's rules (a mapping of them), equal's otherwise (one)
        nested = rule.get(key)
        for name, inner in (nested.items() if isinstance(nested, dict) and "kind" not in nested
                            else ((None, nested),)):
            if isinstance(inner, dict) and _known(inner):
                yield from _rule_formulas(inner, (*path, key) if name is None else (*path, key, name))


def _at(node: Any, place: tuple[str, ...], path: Path) -> Iterator[tuple[Path, Any]]:
    if not place:
        yield path, node
    elif place[0] == "*":
        for i, item in enumerate(node if isinstance(node, list) else ()):
            yield from _at(item, place[1:], (*path, i))
    elif isinstance(node, dict) and place[0] in node:
        yield from _at(node[place[0]], place[1:], (*path, place[0]))


class _AnyName(Mapping[str, str]):
    """A scope in which every name may be declared, of a kind known only when scored: what a formula is refused for here
    is its language alone. It names none in a hint (no "did you mean")."""

    def __getitem__(self, name: str) -> str:
        return "derived"

    def __contains__(self, name: object) -> bool:
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0
