"""Building an IndicatorSet from YAML data read with positions, collecting every problem on the way.

After the YAML reader, two gates: the JSON Schema in
``schemas/indicator-set.schema.json``, then the checks a schema cannot express,
section by section (``sections``: facts, derived values, checks, grades,
reasons; ``tree``: ids, weights, row groups; ``rule_spec``: each rule through
its kind's parameter class). Problems go to one ``ProblemLog``, which locates
each at file:line:column and ranks them; the set is built only when there are none.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .._formula_kinds import derived_types
from .._frozen import ReadOnly, frozen_data
from .._quick_schema import fits
from .._located import Located
from ..errors import IndicatorSetError, Problem
from ..model import IndicatorSet, ProfileChange
from ..plan import plan_for
from . import sections
from .form import form_binding
from .draft import Draft
from .problems import Path, ProblemLog
from .schema_check import check_schema
from .tree import IndicatorTree
from .weight_rules import weight_rules
from .wrapped import any_wrapped

__all__ = ["build_indicator_set", "check_schema"]


def build_indicator_set(located: Located, file: str | None, sha256: str, extends: tuple[str, ...] = (),
                        changes: tuple[ProfileChange, ...] = (), bases: tuple[tuple[str, str, bool], ...] = ()) -> IndicatorSet:
    """The set the YAML data describes; raises IndicatorSetError listing every problem in file order."""
    with located.unchanged():  # built from the tree as read (or as a profile left it), which nothing changes now
        return _built(located, file, sha256, extends, changes, bases)


def _built(located: Located, file: str | None, sha256: str, extends: tuple[str, ...],
           changes: tuple[ProfileChange, ...], bases: tuple[tuple[str, str, bool], ...]) -> IndicatorSet:
    log = ProblemLog(located, file)
    data = located.data
    if not isinstance(data, Mapping):
        shape = Problem("an indicator set must be a mapping with id, name, version, grades and indicators", file=file)
        raise IndicatorSetError([*log.problems, shape])
    check_schema(log)
    total = Decimal(data.get("total", 100)) if log.ok(("total",)) else Decimal(100)
    draft = Draft(data, log, total, precision=data.get("precision", 2) if log.ok(("precision",)) else 2)
    facts = sections.facts(draft)
    draft.scope = {name: spec.type for name, spec in facts.items()}
    log.choices = {n: s.values for n, s in facts.items() if s.values and not any_wrapped(draft, ("facts", n, "values"), s.values)}
    # A broken declaration still counts as declared, so its readers are not reported twice.
    for name in draft.declared_facts():
        if name not in draft.scope:
            draft.scope[name] = "number"
            draft.broken.add(name)
    derived = sections.derived(draft)
    draft.derived_types = derived_types(draft.kinds(draft.scope), ((d.name, d.formula.tree) for d in derived))
    checks = sections.checks(draft)
    explain_when = sections.explain_when(draft)
    draft.rounding = sections.rounding(draft)
    grades = sections.grades(draft)
    caps = sections.caps(draft, grades)
    reasons = sections.reasons(draft)
    sections.names(draft)
    indicators = IndicatorTree(draft).top_level()
    no_bonus = weight_rules(draft, indicators, shares_only=bool(log.problems))  # weights that do not add up come first
    form = form_binding(draft, facts, indicators)
    if log.problems:
        raise IndicatorSetError(log.ranked())
    indicator_set = IndicatorSet(
        id=data["id"],
        name=data["name"],
        version=data["version"],
        precision=data.get("precision", 2),
        total=total,
        facts=ReadOnly(facts),  # frozen as the rest of the set: a caller's change would desert the plan made of it (QA77 F3)
        derived=derived,
        checks=checks,
        explain_when=explain_when,
        explain_when_written="explain_when" in data,
        grades=grades,
        indicators=indicators,
        not_applicable=data.get("not_applicable", "full_credit"),
        reasons=reasons,
        rounding=draft.rounding,
        caps=caps,
        no_bonus=no_bonus,
        weight_rules=frozen_data(tuple(data.get("weight_rules", ()))),
        layout=data.get("layout", "scoresheet"),
        form=form,
        sha256=sha256,
        source=file,
        extends=extends, base_ids=tuple(b[0] for b in bases), base_versions=tuple(b[1] for b in bases),
        base_changed=tuple(b[2] for b in bases), changes=changes,
    )
    plan_for(indicator_set)  # compiled now, once: scoring finds it ready
    return indicator_set
