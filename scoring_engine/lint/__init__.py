"""`scoring-engine lint`: warnings about a valid indicator set, beyond what `validate` refuses.

A set that does not load is not linted (its errors are `validate`'s). A set
that loads is looked at for what is legal but almost surely a mistake, each a
`LintWarning` with a code (`found.CODES`):

- ``unused-fact``: a declared fact that nothing reads (`IndicatorSet.unused_facts`);
- ``unused-derived``: a derived value nothing reads, whose facts are still required (`IndicatorSet.unused_derived`);
- ``unreachable-band``, ``unreachable-variant``: parts of rules no project reaches (`reach`);
- ``missing-variant``: a value the fact choosing a switch's variant may take, with no rule for it (`reach`);
- ``band-edge``: a bound two bands share that the 评分标准 puts in the other band than ``boundary`` does (`edges`);
- ``grade-order``: a grade whose ``min`` contradicts the order the grades are written in (`grades`);
- ``uncovered-value``: a value a bands rule may be given that lies in none of its bands (`reach`);
- ``percent-bound``: a band bound, target or zero line written as a percentage where the rule reads a ratio (`percents`,
  `ratios`);
- ``percent-compare``: a check, cap or 需说明 condition comparing a ratio with a percentage written as 90 (`ratios`);
- ``check-never-fails``, ``check-always-fails``: checks decided by the facts' declared bounds alone (`checks`);
- ``formula-fails``: a formula that fails for every project: it reads no facts and cannot be computed, or a
  function refuses an argument written as a constant (`constants`);
- ``standard-mismatch``: a number in the 评分标准 text the rule does not use (`standards`);
- ``label-mismatch``: a findings fact's label stating points the deduction rule reading it does not deduct (`fact_labels`);
- ``dropped-reason``: a base's reason wording a profile's own reasons: section drops while its rules still score (`reasons`);
- ``inherited-reason``: a profile's rule worded by a reason template its base wrote for its own indicators (`reasons`);
- ``rescaled-reason``: a set wording ``rescaled`` but not ``rescaled.lost`` and ``rescaled.evened``, which tell a rescaled
  leaf that lost points (`reasons`);
- ``comment-cut``: a text (a 评分标准, a name, a message) that YAML cut at a ` #` (`comments`);
- ``weight-bonus``, ``weight-rule-empty``, ``weight-label``: weights against what the set declares (`weights`);
- ``funds-rate``: a 自评表 printing a 执行率 beside an indicator scored from another rate (`funds_rate`);
- ``weight-ceiling``: a bands or tiers rule whose best gives less than the whole weight, and a top grade that puts out of
  reach; ``zero-past-target``: a linear rule's zero line at or past its target (`ceilings`).
- ``precision-points``: points a rule gives or takes (0.75 a checklist element) finer than the set prints
  (`precision`).
- ``base-id``: a profile that keeps its base's id and version while changing it: its results name the base, and no
  form can be written from it (`base_id`).

Everything is reasoned from the set alone, conservatively: a warning says
something true of every project (a band no project reaches, a check no
project fails), never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from .._located import Located
from ..errors import ScoringEngineError
from ..loader import load_indicator_set, resolve_profile
from ..model import Derived, IndicatorSet
from .base_id import base_id
from .ceilings import ceilings
from .checks import checks
from .comments import cut_texts
from .constants import constant_failures
from .edges import band_edges
from .found import CODES, LintWarning, Locator, rules_of
from .funds_rate import funds_rate
from .grades import grade_order
from .percents import percent_bounds
from .precision import finer_points
from .ranges import Ranges
from .ratios import ratio_numbers, share_numbers
from .reach import unreachable
from .reasons import dropped_reasons, inherited_reasons, rescaled_reasons
from .fact_labels import fact_labels
from .standards import standards
from .weights import weights

__all__ = ["CODES", "LintWarning", "lint_file", "lint_set"]

UNUSED_FACT = "fact {fact} is declared but read by no rule, derived value, check, cap or form"
UNUSED_FACT_HINT = "remove it, or read it where it was meant to count"
# Of the facts only it reads, those a project must give (the hint names them all, to delete with it: QA223 6).
UNUSED_DERIVED = ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is only "
                  "shown, and of the facts only it reads, {needed} is still required")
UNUSED_DERIVED_MANY = ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is "
                       "only shown, and of the facts only it reads, {needed} are still required")
UNUSED_DERIVED_SHOWN = ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is "
                        "only shown")
# The fix: in a profile a base's value is removed with null; in a set written out in full it is deleted. Only the facts
# nothing else reads go with it (the others are required anyway).
UNUSED_DERIVED_HINT = "remove it in this profile with derived: {{{name}: null}} and facts: {{{nulls}}}, or read it"
UNUSED_DERIVED_ALONE_HINT = "remove it in this profile with derived: {{{name}: null}}, or read it"
UNUSED_DERIVED_DELETE_HINT = "delete it from derived, and the facts only it reads ({reads}) from facts, or read it"
UNUSED_DERIVED_DELETE_ALONE_HINT = "delete it from derived, or read it"
UNUSED_BASE_FACT_HINT = "the set it extends declares it: remove it in this profile with facts: {{{name}: null}}, or read it"


def lint_set(indicator_set: IndicatorSet, located: Located | None = None) -> tuple[LintWarning, ...]:
    """Every warning about `indicator_set`, in file order; `located` (the YAML read with positions) gives lines and columns."""
    locator = Locator(indicator_set, located)
    rules = list(rules_of(indicator_set, locator))
    ranges = Ranges(indicator_set)
    found = [*_unused(indicator_set, locator), *_unused_derived(indicator_set, locator),
             *unreachable(indicator_set, rules, ranges, locator),
             *percent_bounds(rules, locator), *ratio_numbers(indicator_set, rules, ranges, locator),
             *share_numbers(rules, locator),
             *constant_failures(indicator_set, rules, locator),
             *checks(indicator_set, ranges, locator), *standards(indicator_set, rules, locator, ranges),
             *fact_labels(indicator_set, rules, locator),
             *weights(indicator_set, rules, ranges, locator), *cut_texts(located, locator),
             *inherited_reasons(indicator_set, rules, located, locator), *dropped_reasons(indicator_set, rules, locator),
             *rescaled_reasons(indicator_set, locator),
             *grade_order(located, locator),
             *band_edges(rules, locator), *funds_rate(indicator_set, locator),
             *ceilings(indicator_set, rules, ranges, locator), *finer_points(indicator_set, rules, locator),
             *base_id(indicator_set)]
    # a clause the text repeats is one warning, not one per copy (QA123 F2: 555 copies gave 2,775 warnings)
    once: dict[tuple[object, ...], LintWarning] = {}
    for w in (_at_the_profile(w, indicator_set) for w in found):
        once.setdefault((w.code, w.problem.file, w.problem.line, w.problem.column, str(w)), w)
    found = list(once.values())
    return tuple(sorted(found, key=lambda w: (w.problem.line or 0, w.problem.column or 0)))


def _at_the_profile(warning: LintWarning, indicator_set: IndicatorSet) -> LintWarning:
    """A warning found at a base's line about a fact or derived value the profile declares anew, said at the profile's
    line, where the fix is made (QA85 F7: a profile's wider `values` were to be cut in the installed base), as validate
    says the problems such a declaration causes."""
    from .._profile_blame import named_in

    removed = {c.target for c in indicator_set.changes if c.what.startswith("removed ") and c.by is None}
    # a base profile's too, after the profile's own (QA88 F2)
    anew = {c.target: c for c in reversed(indicator_set.changes) if c.what.startswith("redeclared ") and c.target not in removed}
    declared = named_in(warning.problem, anew) if anew and warning.problem.file != indicator_set.source else None
    if declared is None:
        return warning
    who = f"the profile {declared.by}" if declared.by else "this profile"
    hint = (f"{who} declares {declared.target} anew, and {warning.problem.file} line {warning.problem.line} reads it"
            + (f"; {warning.problem.hint}" if warning.problem.hint else ""))
    return replace(warning, problem=replace(warning.problem, file=declared.file or indicator_set.source, line=declared.line,
                                            column=None, hint=hint))


def lint_file(ref: str | Path) -> tuple[IndicatorSet, tuple[LintWarning, ...]]:
    """Load the set `ref` (a file or a bundled id) as `validate` does, then lint it.

    Raises IndicatorSetError, with every problem, when the set does not load.
    """
    indicator_set = load_indicator_set(ref)
    return indicator_set, lint_set(indicator_set, _positions(ref))


def _positions(ref: str | Path) -> Located | None:
    """The set's YAML read again with the position of every value (a profile's resolved onto its base, each value with its
    file); None if it cannot be (then lines come from the model)."""
    try:
        return resolve_profile(ref)[0].located
    except ScoringEngineError:
        return None


def _unused_derived(indicator_set: IndicatorSet, locator: Locator) -> Iterator[LintWarning]:
    readers = indicator_set.fact_readers()  # counted once for all values: the set again without each was cubic (QA221 1)
    for d in indicator_set.unused_derived():
        if d.name == "execution_rate" or d.label == "预算执行率":  # batch's 需说明 reads it (batch.rows.SetShape.rate_names)
            continue
        alone = _read_only_by(indicator_set, d, readers)
        # of those, the ones a project must give: not an optional fact, nor one with a default (QA222 7)
        needed = [name for name in alone if indicator_set.facts[name].required and indicator_set.facts[name].default is None]
        fields = {"name": d.name, "reads": ", ".join(alone), "nulls": ", ".join(f"{name}: null" for name in alone),
                  "needed": ", ".join(needed)}
        message = UNUSED_DERIVED_MANY if len(needed) > 1 else UNUSED_DERIVED if needed else UNUSED_DERIVED_SHOWN
        found = locator.warning("unused-derived", ("derived", d.name), message, fields, key=True)
        in_base = bool(indicator_set.extends) and found.problem.file not in (None, indicator_set.source)
        if indicator_set.extends and (in_base or found.problem.file is None):
            hint = UNUSED_DERIVED_HINT if alone else UNUSED_DERIVED_ALONE_HINT
        else:
            hint = UNUSED_DERIVED_DELETE_HINT if alone else UNUSED_DERIVED_DELETE_ALONE_HINT
        found = locator.warning("unused-derived", ("derived", d.name), message, fields, hint, key=True)
        removal = indicator_set.orphaned_by(d.name) if in_base else None
        if removal is not None:  # said at the profile's remove: that left it unread, as an unused fact is (QA338 L2)
            found = replace(found, problem=replace(found.problem, file=indicator_set.source, line=removal.line, column=None))
        yield found


def _read_only_by(indicator_set: IndicatorSet, derived: Derived, readers: Mapping[str, int]) -> list[str]:
    """The facts `derived`'s formula reads that nothing else does: required for it alone. Its formula counts one reader
    of each, so one is its own; a fact of a value it reads is that value's, read anyway (`fact_readers`)."""
    return sorted(name for name in derived.formula.names if name in indicator_set.facts and readers[name] == 1)


def _unused(indicator_set: IndicatorSet, locator: Locator) -> Iterator[LintWarning]:
    for spec in indicator_set.unused_facts():
        found = locator.warning("unused-fact", ("facts", spec.name), UNUSED_FACT, {"fact": spec.title}, UNUSED_FACT_HINT,
                                fact=spec.name, key=True)
        if indicator_set.source and found.problem.file and found.problem.file != indicator_set.source:
            # declared by the base a profile extends (a bundled file, not the editor's): removed from the profile
            found = locator.warning("unused-fact", ("facts", spec.name), UNUSED_FACT, {"fact": spec.title, "name": spec.name},
                                    UNUSED_BASE_FACT_HINT, fact=spec.name, key=True)
            removal = indicator_set.orphaned_by(spec.name)
            if removal is not None:  # said at the profile's remove: that left it unread, not in the base's file (QA241 L1)
                found = replace(found, problem=replace(found.problem, file=indicator_set.source, line=removal.line,
                                                       column=None))
        yield found
