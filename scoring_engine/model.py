"""The indicator set as frozen data: what the loader builds and the engine reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from functools import cached_property
from decimal import Decimal
from typing import Any, Generic, TypeVar

from ._arith import Rounding
from ._frozen import ReadOnly, ReadOnlyList
from ._record import record
from ._text import listing, quoted
from .errors import did_you_mean
from .formulas import Formula
from .judgements import TargetRow

__all__ = ["FACT_TYPES", "ProfileChange", "FactSpec", "Derived", "UsedValue", "Check", "ExplainRule", "Cap", "Grade", "Rule",
           "RowGroup", "TargetBlock", "FormBinding", "Indicator", "IndicatorSet"]

#: The types a fact can be declared with.
FACT_TYPES = ("number", "integer", "boolean", "string", "date", "list", "judgement", "tier")


@record
class FactSpec:
    """A fact the set reads: its type, bounds, unit and label."""

    name: str
    type: str
    label: str | None = None
    unit: str | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    required: bool = True
    default: Any = None
    values: tuple[str, ...] | None = None  # allowed values of a string fact
    aliases: tuple[tuple[str, str], ...] = ()  # (a word written, the value it is read as): 分档 for bands
    items: str = "finding"  # list facts: "finding" (text, optional points) or "number"
    line: int | None = field(default=None, compare=False)  # where the set declares it, for warnings
    file: str | None = field(default=None, compare=False)  # the file that declares it, when a profile's base does

    @property
    def title(self) -> str:
        """The label with the name, for messages: '预算资金 (budget.total)'."""
        return f"{self.label} ({self.name})" if self.label else self.name


@record
class UsedValue:
    """Where a project's facts give the value its report used instead of the one the stated formula gives."""

    fact: str  # the value the report used
    reason: str | None = None  # a text fact: why the report used it
    tolerance: Decimal = Decimal(0)  # a difference up to this is none (the report rounded the value)


@record
class Derived:
    """A named value computed once from the facts and shown in every breakdown."""

    name: str
    formula: Formula
    label: str | None = None
    used: UsedValue | None = None  # the report's own value, scored instead when the facts give it


@record
class Check:
    """A cross-check on the facts; a failure is a warning, or an error if severity says so."""

    formula: Formula
    message: str
    severity: str = "warning"
    line: int | None = field(default=None, compare=False)  # where the set writes it, for a failure of severity error
    file: str | None = field(default=None, compare=False)  # the file `line` is in when not the set's own (a profile's base)


@record
class ExplainRule:
    """A condition under which a project must explain itself (需说明), e.g. 预算执行率 below 90%.

    The formula reads facts, derived values and the project's `total` and `grade`. A rule with
    `rows_below` (`rows_above`) instead flags each target row scoring below that share of its weight (reaching that
    multiple of its target, 财预〔2020〕10号 第十六条) whose row gives no deviation reason (偏差原因): row_flags.
    """

    formula: Formula | None
    message: str
    rows_below: Decimal | None = None
    rows_above: Decimal | None = None


@record
class Cap:
    """A cap or veto: when the formula is true, the total is at most `total_at_most`, or the grade at most `grade_at_most`."""

    formula: Formula
    message: str
    total_at_most: Decimal | None = None
    grade_at_most: str | None = None  # a grade's label (an alias written in the set is resolved to it)


#: Names an explain_when condition reads besides facts and derived values, with their types.
EXPLAIN_NAMES = {"total": "number", "grade": "string"}


@record
class Grade:
    """A grade and its inclusive lower bound (and exclusive upper bound, except at the top)."""

    label: str
    min: Decimal
    aliases: tuple[str, ...] = ()  # other names cases and filled forms may use: 优 for 优秀
    consequence: str | None = None  # 结果应用: what the local rules attach to the grade


P = TypeVar("P")


@record
class Rule(Generic[P]):
    """How a leaf indicator is scored: its kind, its parameters as that kind checked them, and the rule as written."""

    kind: str
    params: P  # an instance of the kind's parameter class (rules.RULE_KINDS[kind].params)
    spec: Mapping[str, Any] = field(compare=False)
    reads: frozenset[str] = frozenset()


@record
class RowGroup:
    """Children taken from a list fact of target rows (the project's own 绩效目标表).

    Each row names its type; the rule for that type scores it, reading the
    row's fields as ``row.target``, ``row.actual``, ``row.weight`` (and the row
    itself as a tier or judgement with ``fact: row``).
    """

    fact: str
    rules: Mapping[str, Rule[Any]]
    standards: Mapping[str, str] = field(default_factory=ReadOnly)
    comparisons: Mapping[str, str] = field(default_factory=ReadOnly)  # ≥ / ≤ / = / 定性 → row type
    categories: tuple[str, ...] = ()  # the 二级 categories a row may name; empty: any

    def type_of(self, row: TargetRow) -> str | None:
        """The row type that scores `row`: its own, else the one its comparison (or a qualitative target) maps to."""
        if row.type is not None:
            return row.type
        if row.comparison is not None:
            return self.comparisons.get(row.comparison)
        if row.target is not None:  # a number without a sign is a target to reach
            return self.comparisons.get("≥")
        return self.comparisons.get("定性")

    def form_order(self, rows: Sequence[TargetRow], skeleton: Sequence[str] = ()) -> list[int]:
        """The positions of `rows` in the order the 自评表 lists them: by listed_categories of the group's 二级 categories
        (else of the `skeleton` its form's layout prints), and as given within each. The cent a rescale leaves over goes
        by this order, so that a form read back shares its group as the form shows it."""
        listed = listed_categories(self.categories or skeleton, [row.category or "" for row in rows])
        rank = {category: i for i, category in enumerate(listed)}
        return sorted(range(len(rows)), key=lambda i: rank[rows[i].category or ""])

    def comparison_of(self, row: TargetRow) -> str | None:
        """The comparison to show for `row`: its own, else the one whose type is the row's type."""
        if row.comparison is not None or row.target is None:
            return row.comparison
        kind = self.type_of(row)
        return next((sign for sign, mapped in self.comparisons.items() if mapped == kind and sign != "定性"), None)

    def row_problems(self, row: TargetRow) -> list[tuple[str, str | None]]:
        """(message, hint) for what keeps this group from scoring `row`."""
        kinds = list(self.rules)
        kind = self.type_of(row)
        found: list[tuple[str, str | None]] = []
        if kind is None:
            said = (f"the time limit {row.within} (≤)" if row.within  # 3个月内: no 指标性质 written (QA194 F2)
                    else f"comparison {row.comparison}" if row.comparison
                    else "a numeric target" if row.target is not None else "a qualitative target")
            ways = ", ".join(self.comparisons) if self.comparisons else "none (the set maps no comparison to a row type)"
            found.append((f"has no type, and the group scores no row with {said}",
                          f"give type: one of {', '.join(kinds)}; comparisons the group maps: {ways}"))
        elif kind not in self.rules:
            found.append((f"type {quoted(str(kind))} is not one that the group scores",
                          did_you_mean(kind, kinds) or "one of: " + ", ".join(kinds)))
        elif row.type is not None and row.comparison is not None and self.comparisons.get(row.comparison, kind) != kind:
            found.append((f"type {row.type} disagrees with comparison {row.comparison}, which the group scores as "
                          f"{self.comparisons[row.comparison]}", "give the type or the comparison, not both"))
        if self.categories and row.category is not None and row.category not in self.categories:
            found.append((f"category {quoted(row.category)} is not a 二级指标 of the group",
                          did_you_mean(row.category, self.categories, show=repr)
                          or listing("one of: " + ", ".join(self.categories), self.categories)))
        return found


def listed_categories(skeleton: Sequence[str], given: Sequence[str]) -> list[str]:
    """The 二级 categories a form lists a group's rows under, in order: the rows without one ("") first, right under the
    一级 (after a 二级 cell they would be read back as of that 二级), then the `skeleton`'s, then the other `given` ones in the
    order they first come."""
    first = list(dict.fromkeys(given))
    return [""] * ("" in first and "" not in skeleton) + list(skeleton) + [c for c in first if c not in skeleton and c != ""]


#: Names a row rule may read, with their types.
ROW_NAMES = {"row.target": "number", "row.actual": "number", "row.weight": "number", "row.unit": "string"}


@record
class TargetBlock:
    """A row group shown on the 自评表: the group, its 一级 label on the form, the list fact of its rows, and the 二级 the
    form's layout lists under that label (what the form lists the rows by when the group declares no categories)."""

    indicator: str
    label: str
    fact: str
    skeleton: tuple[str, ...] = ()


@record
class FormBinding:
    """What fills the set's 自评表 (its ``form:`` section): the form layout, the funds block, the row groups."""

    layout: str = "selfeval"  # a bundled form layout id
    funds_indicator: str | None = None  # the indicator whose weight and score the funds block shows
    funds: Mapping[str, Mapping[str, str]] = field(default_factory=ReadOnly)  # funds row key → column key → fact name
    targets: tuple[TargetBlock, ...] = ()


@record
class Indicator:
    """A node of the indicator tree; leaves carry a rule, parents carry children."""

    id: str
    name: str
    weight: Decimal
    standard: str | None = None
    rule: Rule[Any] | None = None
    children: tuple[Indicator, ...] = ()
    rows: RowGroup | None = None
    line: int | None = field(default=None, compare=False)
    # The file `line` is in when it is not the set's own: a profile's indicator written in its base set.
    file: str | None = field(default=None, compare=False)
    # The indicator that takes this one's weight when a project marks it not applicable (101号: 满意度's 10 to 效益)
    not_applicable_to: str | None = None

    @property
    def is_leaf(self) -> bool:
        """No children written in the set (a row group is a leaf until the facts give its rows)."""
        return not self.children

    def walk(self) -> Iterator[Indicator]:
        """This indicator and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@record
class ProfileChange:
    """One change a profile (a set that extends another) makes to its base, for `validate` and `resolve` to explain.

    `what` is weight, rescaled, points, added, removed, the name of a changed
    indicator field (rule, standard…), section (a top-level key the profile
    replaces), or "removed facts" / "removed derived" (an entry a profile removes
    with `name: null`), or "redeclared facts" / "redeclared derived" (a base's
    entry it declares anew); `target` the indicator id, the section or the entry;
    `old` and `new` the weights, as text. A removal a base profile made (a
    province's, under a county's profile of it) is kept too, with `by` the
    base's id and `line` its line: the indicator is as gone as one the profile
    removes itself.
    """

    what: str
    target: str
    old: str | None
    new: str | None
    line: int | None
    by: str | None = None  # the base profile that made the change; None: this profile
    file: str | None = None  # the base profile's file, where `line` is
    name: str | None = None  # a removed indicator's name
    below: tuple[str, ...] = ()  # the ids removed with it, all below it (QA178 F2)
    reads: frozenset[str] = frozenset()  # the names a removed indicator's values write: the facts it read among them


def _counted(nodes: Iterable[Any]) -> int:
    """The indicators in `nodes` and all below them; a repr never fails, whatever a field holds (None: 0, QA180 F7)."""
    return sum(1 + _counted(getattr(node, "children", ())) for node in nodes) if isinstance(nodes, (tuple, list)) else 0


@record
class IndicatorSet:
    """A validated indicator set, ready to score facts.

    Read-only all through, as its fields are: every mapping in it (its facts, reason templates, a rule as written, a
    switch's variants, a row group's rules, the form's funds block) refuses changes and every list is a tuple, since the
    plan scoring compiles from the set once would not follow a change, and a set is shared by every thread scoring
    with it.
    """

    id: str
    name: str
    version: str
    precision: int
    total: Decimal
    facts: Mapping[str, FactSpec]
    derived: tuple[Derived, ...]  # in dependency order
    checks: tuple[Check, ...]
    grades: tuple[Grade, ...]  # highest first
    indicators: tuple[Indicator, ...]
    not_applicable: str = "full_credit"  # or "rescale"
    reasons: Mapping[str, str] = field(default_factory=ReadOnly)
    explain_when: tuple[ExplainRule, ...] = ()
    explain_when_written: bool = False  # written, even empty (nothing to explain): batch's usual rule is not used
    rounding: Rounding | None = None  # None: straight to `precision` (per leaf, no stages)
    caps: tuple[Cap, ...] = ()
    no_bonus: bool = False  # declared by a weight rule: a score above an indicator's weight is an error, not clamped
    weight_rules: tuple[Mapping[str, Any], ...] = ()  # as written (weight_rules:), read-only: diff compares them
    layout: str = "scoresheet"  # the reports' default layout: scoresheet (评分表) or selfeval (the set's 自评表)
    form: FormBinding = field(default_factory=FormBinding)
    sha256: str = ""
    source: str | None = field(default=None, compare=False)
    # A profile's bases, nearest first, as written (an id or a file), and what it changed in them (empty for a set
    # written out in full); `base_ids` and `base_versions`, the ids and versions those bases give themselves, in order;
    # `base_changed`, whether each base is a profile that changed the set it extends (`_base_id`).
    extends: tuple[str, ...] = ()
    base_ids: tuple[str, ...] = field(default=(), compare=False)
    base_versions: tuple[str, ...] = field(default=(), compare=False)
    base_changed: tuple[bool, ...] = field(default=(), compare=False)
    changes: tuple[ProfileChange, ...] = field(default=(), compare=False)
    # What scoring compiles from the set once (plan.plan_for), kept with it; not part of its value.
    _compiled: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # A copy or an unpickled set compiles its own plan (the plan refers to this set's objects by identity).
        return {**self.__dict__, "_compiled": {}}

    def __hash__(self) -> int:
        # By fields it is compared by, so equal sets hash alike; its read-only mappings are not hashable (QA174 F3).
        return hash((self.id, self.version, self.sha256))

    def __repr__(self) -> str:
        # Short, for a notebook or a log: every field shown was some 46,000 characters for a bundled set (QA174 F5).
        return f"{type(self).__qualname__}(id={self.id!r}, version={self.version!r}, {_counted(self.indicators)} indicators)"

    def removal(self, named: str) -> ProfileChange | None:
        """The removal of the indicator whose id or name is `named`, by this profile or a base profile of it; None when
        no profile removes one (a set written out in full removes none)."""
        return next((c for c in self.changes if c.what == "removed" and named in (c.target, c.name)), None)

    def orphaned_by(self, fact: str) -> ProfileChange | None:
        """This profile's removal of an indicator that read `fact` (declared by its base, read by nothing now)."""
        return next((c for c in self.changes if c.what == "removed" and c.by is None and fact in c.reads), None)

    def removal_meant(self, named: str) -> tuple[ProfileChange, str | None] | None:
        """The removal of the indicator `named` names (its id or name), or of the removed id a slip of it means, with
        the did-you-mean that says so; None when it names no removed indicator (or a kept one is nearer)."""
        kept = [i.id for i in self.walk()]
        if named in kept or any(i.name == named for i in self.walk()):  # removed, then added back (QA46 F7)
            return None
        exact = self.removal(named)
        if exact is not None:
            return exact, None
        gone = [c.target for c in self.changes if c.what == "removed" and c.target not in kept]
        close = did_you_mean(named, [*kept, *gone]) if gone else None
        meant = close.removeprefix("did you mean ").removesuffix("?") if close else ""
        removal = self.removal(meant) if meant in gone else None
        return (removal, close) if removal is not None else None

    def walk(self) -> Iterator[Indicator]:
        """Every indicator, depth first in the order of the file."""
        for top in self.indicators:
            yield from top.walk()

    @cached_property
    def rounds(self) -> Rounding:
        """How this set rounds a score: its rounding section, or straight to its precision."""
        return self.rounding or Rounding(self.precision)

    @cached_property
    def row_groups(self) -> tuple[Indicator, ...]:
        """The indicators that take their children from a list fact of target rows, depth first."""
        return tuple(node for node in self.walk() if node.rows is not None)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator of this id, or of a name only one indicator has, as Result.indicator finds it; else
        UnknownIndicatorError (a KeyError and a ScoringEngineError, as Result.indicator raises) with a did-you-mean."""
        for node in self.walk():
            if node.id == indicator_id:
                return node
        if not isinstance(indicator_id, str):  # as Result.indicator says it (QA306 5: it said 'no indicator None')
            raise TypeError(f"an indicator is given by its id or name (text), not {type(indicator_id).__name__}")
        from ._indicator_names import close_to, named
        from .errors import Problem, UnknownIndicatorError

        if found := named(indicator_id, names := {i.id: i.name for i in self.walk()}):
            return self.indicator(found)
        close = did_you_mean(indicator_id, names) or close_to(indicator_id, names)  # by its name too, as Result's
        raise UnknownIndicatorError(Problem(f"no indicator {indicator_id!r} in {self.id}", indicator=indicator_id, hint=close))

    def grade_for(self, total: Decimal) -> str:
        """The label of the grade whose range holds `total`."""
        for grade in self.grades:
            if total >= grade.min:
                return grade.label
        return self.grades[-1].label

    def grade_named(self, name: str) -> Grade | None:
        """The grade whose label or alias is `name` (spaces around it ignored; a label written with them is found as
        written), or None."""
        word = name.strip()
        return next((g for g in self.grades if g.label in (name, word) or word in g.aliases), None)

    def consequence_of(self, label: str) -> str | None:
        """The consequence (结果应用) the set attaches to the grade `label`, if any."""
        grade = self.grade_named(label)
        return grade.consequence if grade else None

    def unused_facts(self) -> tuple[FactSpec, ...]:
        """The declared facts nothing reads: no rule, row group, derived value, check, 需说明 condition, cap, form or batch."""
        readers = self.fact_readers()
        return tuple(spec for name, spec in self.facts.items() if not readers[name])

    def fact_readers(self) -> Counter[str]:
        """Name → how many read it: one per derived value whose formula or used value names it, one for all the rest
        (rules, row groups, checks, 需说明 conditions, caps, form, batch). A fact one derived value alone reads counts 1:
        lint finds such facts from this one count, in time linear in the set, rather than asking unused_facts again for
        each derived value."""
        read = set(self.readers())
        formulas = [c.formula for c in self.checks] + [e.formula for e in self.explain_when] + [c.formula for c in self.caps]
        read |= {name for f in formulas if f is not None for name in f.names}
        read |= {name for columns in self.form.funds.values() for name in columns.values()} | {t.fact for t in self.form.targets}
        total = self.form.funds.get("total", {})  # as batch/rows.py's _funds_facts: 预算执行, 结果应用 (QA182 F2)
        read |= {name for column, name in (("budget", "budget.total"), ("paid", "budget.paid")) if not total.get(column)}
        return Counter(read) + Counter(name for d in self.derived for name in d.formula.names | _used_names(d))

    def unused_derived(self) -> tuple[Derived, ...]:
        """The derived values nothing reads (no rule, row group, other derived value, check, 需说明 condition or cap):
        only shown, while the facts they read stay required (a value a profile's removed indicator read)."""
        read = {name for node in self.walk() for name in (
            {node.rows.fact}.union(*(r.reads for r in node.rows.rules.values())) if node.rows is not None
            else node.rule.reads if node.rule is not None else ())}
        read |= {name for d in self.derived for name in d.formula.names}
        formulas = [c.formula for c in self.checks] + [e.formula for e in self.explain_when] + [c.formula for c in self.caps]
        read |= {name for f in formulas if f is not None for name in f.names}
        return tuple(d for d in self.derived if d.name not in read)

    def readers(self) -> Mapping[str, list[str]]:
        """Fact name → ids of the indicators that read it (directly or through derived values); read-only, as the set."""
        return self._readers

    def facts_read_by(self, names: Iterable[str]) -> list[str]:
        """The facts that `names` (as a formula reads them: facts and derived values) read, directly or through derived
        values, in the order the set declares them."""
        bit, reach = self._reach
        mask = _facts_read(names, bit, reach)
        return [name for i, name in enumerate(self.facts) if mask >> i & 1]

    @cached_property
    def _reach(self) -> tuple[dict[str, int], dict[str, int]]:
        # Computed once per set (the set is immutable), on first use. What each derived value reads, directly or
        # through others, is a bit per fact: a chain of thousands of derived values costs kilobytes, not a set each.
        bit = {name: 1 << i for i, name in enumerate(self.facts)}
        reach: dict[str, int] = {}
        for d in self.derived:  # dependency order: what a derived value reads is known before it is read
            reach[d.name] = _facts_read(d.formula.names | _used_names(d), bit, reach)
        return bit, reach

    @cached_property
    def _readers(self) -> Mapping[str, list[str]]:
        bit, reach = self._reach
        facts = list(self.facts)
        found: dict[str, list[str]] = {}
        for node in self.walk():
            if node.rows is not None:
                names = {node.rows.fact}.union(*(r.reads for r in node.rows.rules.values()))
            elif node.rule is not None:
                names = set(node.rule.reads)
            else:
                continue
            mask = _facts_read(names, bit, reach)
            for name in sorted(facts[i] for i in range(mask.bit_length()) if mask >> i & 1):
                found.setdefault(name, []).append(node.id)
        return ReadOnly({name: ReadOnlyList(ids) for name, ids in found.items()})


def _used_names(derived: Derived) -> set[str]:
    """The facts a derived value reads besides its formula: the report's own value and its reason."""
    used = derived.used
    return set() if used is None else {used.fact} | ({used.reason} if used.reason else set())


def _facts_read(names: Iterable[str], bit: Mapping[str, int], reach: Mapping[str, int]) -> int:
    """The facts `names` read, directly or through derived values, one bit per fact."""
    mask = 0
    for name in names:
        mask |= bit.get(name, 0) | reach.get(name, 0)
    return mask
