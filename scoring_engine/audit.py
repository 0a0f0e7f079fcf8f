"""The audit trail of a score, piece by piece: each indicator's result, the facts and derived values as read, the set.

`result.Result` gathers these pieces; `explain` reads them. Both import this
module, and it imports neither, so explain needs nothing of result.py.

A scoring run keeps only what each rule recorded (a `LeafRecord` per leaf);
`AuditTrail` builds the indicator results from those records, reasons and
all, in one pass when the Result is first read.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, field
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from ._arith import ZERO, plain, round_half_up, scoring_context
from ._not_applicable import moved_to
from ._rescale_shares import Share
from ._frozen import EMPTY, read_only, read_only_shallow
from ._record import record
from .errors import ScoringError
from .model import Indicator
from .plan import Node, RuleStep, ScoringPlan
from .reasons import staged_fields
from .rules import Deduction, Outcome
from .rules._base import unambiguous

if TYPE_CHECKING:
    from .model import IndicatorSet

__all__ = ["LEAF_KEY", "MAX_SHARED_JSON", "MAX_SHARED_TEXT", "AuditTrail", "Brief", "DerivedValue", "FactValue",
           "IndicatorResult", "LeafRecord", "SetInfo", "SharedLeaf", "SharedParent", "derived_values", "fact_values",
           "facts_not_given", "leaf_key", "readable"]


@record
class DerivedValue:
    """A derived value as computed for this project (or why it could not be)."""

    name: str
    expression: str
    value: Any  # as scored: the report's own value when the facts give one (see `used`)
    label: str | None = None
    error: str | None = None
    used: str | None = None  # the fact holding the value the report used, when the facts gave it
    stated: Any = None  # then: the value the stated formula gives


@record
class FactValue:
    """A fact of the project as the engine read it, with the label and unit its set declares."""

    name: str
    type: str
    value: Any
    label: str | None = None
    unit: str | None = None


def fact_values(indicator_set: IndicatorSet, values: Mapping[str, Any]) -> tuple[FactValue, ...]:
    """The set's declared facts that have a value, in the order the set declares them."""
    new = object.__new__  # FactValue(name, type, value, label, unit), made in one step each: a result has dozens
    found = []
    for name, spec in indicator_set.facts.items():
        if name in values:
            made = new(FactValue)
            made.__dict__.update(name=name, type=spec.type, value=values[name], label=spec.label, unit=spec.unit)
            found.append(made)
    return tuple(found)


def facts_not_given(indicator_set: IndicatorSet, values: Mapping[str, Any]) -> tuple[FactValue, ...]:
    """The set's declared facts without a value (optional, no default, left out), each with the value None."""
    return tuple(FactValue(name, spec.type, None, spec.label, spec.unit)
                 for name, spec in indicator_set.facts.items() if name not in values)


def derived_values(indicator_set: IndicatorSet, values: Mapping[str, Any], failed: Mapping[str, str],
                   used: Mapping[str, DerivedValue]) -> tuple[DerivedValue, ...]:
    """Each derived value of the set as computed (`values`), or why it could not be (`failed`: name → message).

    `used` holds those scored as the report's own value, beside the value their formula gives.
    """
    return tuple(DerivedValue(d.name, d.formula.text, None, d.label, error=failed[d.name]) if d.name in failed
                 else used[d.name] if d.name in used
                 else DerivedValue(d.name, d.formula.text, values[d.name], d.label) for d in indicator_set.derived)


@record
class SetInfo:
    """Which indicator set scored the facts."""

    id: str
    name: str
    version: str
    sha256: str


@record
class IndicatorResult:
    """One indicator's score and everything that led to it."""

    id: str
    name: str
    level: int
    weight: Decimal  # the weight used (after rescaling for not-applicable indicators)
    score: Decimal  # rounded to the set's precision
    reason: str
    standard: str | None = None
    kind: str | None = None  # rule kind; None for a parent
    rule: Mapping[str, Any] | None = None  # the rule as written in the set
    inputs: Mapping[str, Any] = field(default_factory=dict)  # fact or derived name → value read
    details: Mapping[str, Any] = field(default_factory=dict)  # the values in between
    deductions: tuple[Deduction, ...] = ()
    raw_score: Decimal | None = None  # before clamping and rounding
    clamped: bool = False
    not_applicable: str | None = None  # the reason, when the facts mark it not applicable
    declared_weight: Decimal | None = None
    children: tuple[IndicatorResult, ...] = ()

    def __hash__(self) -> int:
        # By fields it is compared by, so equal results hash alike; its read-only mappings are not hashable (QA174 F3).
        return hash((self.id, self.weight, self.score))

    def __repr__(self) -> str:
        # Short, for a notebook or a log: its rule, inputs, details and children shown were thousands of characters.
        return f"{type(self).__qualname__}(id={self.id!r}, score={self.score!r}, weight={self.weight!r})"

    def walk(self) -> Iterator[IndicatorResult]:
        yield self
        for child in self.children:
            yield from child.walk()

    def paths(self, above: tuple[IndicatorResult, ...] = ()) -> Iterator[tuple[IndicatorResult, ...]]:
        """This indicator and each below it, depth first, each with its ancestors: (top,), (top, child)…"""
        path = (*above, self)
        yield path
        for child in self.children:
            yield from child.paths(path)


# ---------------------------------------------------------------- the trail a scoring run leaves

# Every field in order, with its default (inputs and details: one read-only empty dict).
_RESULT_DEFAULTS: dict[str, Any] = {f.name: None if f.default is MISSING else f.default
                                     for f in dataclass_fields(IndicatorResult)}


def _indicator_result(**given: Any) -> IndicatorResult:
    """An IndicatorResult made in one step, as its generated __init__ would make it (one object.__setattr__ per field).

    Equal to IndicatorResult(**given); a run's trail makes dozens at once.
    """
    made = object.__new__(IndicatorResult)
    made.__dict__.update({**_RESULT_DEFAULTS, "inputs": EMPTY, "details": EMPTY, **given})
    return made



class LeafRecord(NamedTuple):
    """What scoring one leaf gave: enough to build its IndicatorResult later."""

    indicator: Indicator  # a target row's leaf is made for its row
    step: RuleStep
    level: int
    weight: Decimal  # used (after rescaling)
    score: Decimal  # rounded, converted where rescaled
    outcome: Outcome
    kept: Decimal  # the raw score within 0..weight
    before: Decimal  # kept, rounded, before rescaling
    values: Mapping[str, Any]  # what the rule read
    note: str | None  # a target row's own reason, added to the reason
    share: Share | None  # under rescale, how `before` was converted (_rescale_shares); None: score is before


#: An indicator as a batch's rows show it: (id, name, level, weight used, score, reason).
Brief = tuple[str, str, int, Decimal, Decimal, str]


class AuditTrail:
    """The indicator results of one run, built from its records: reasons, inputs and details as the rules recorded them."""

    def __init__(self, plan: ScoringPlan, weights: Mapping[str, Decimal], not_applicable: Mapping[str, str],
                 scores: list[Decimal], records: Mapping[int, Any]):
        self.plan = plan
        self.weights = weights
        self.not_applicable = not_applicable
        self.scores = scores
        self.records = records

    def indicators(self) -> tuple[IndicatorResult, ...]:
        """The top-level indicators' results, with everything below them."""
        with scoring_context():  # the reasons compute with the engine's context, never the caller's
            return tuple(self._node(self.plan.nodes[i]) for i in self.plan.tops)

    def to_write(self) -> tuple[IndicatorResult, ...]:
        """The results as `indicators` gives them, for a writer that reads each once: each of the set's own leaves is a
        `SharedLeaf` instead, which the writer turns into text it keeps, or into the result (`SharedLeaf.made`), and
        each of its parents a `SharedParent`, whose own text (all but its children) the writer keeps the same way."""
        with scoring_context():
            return tuple(self._node(self.plan.nodes[i], sharing=True) for i in self.plan.tops)

    def briefs(self) -> tuple[Brief, ...]:
        """(id, name, level, weight, score, reason) of every indicator, depth first, as `indicators` walked gives them:
        for a reader that wants no more (a batch's rows), without making the results."""
        found: list[Any] = []
        with scoring_context():
            for i in self.plan.tops:
                self._brief(self.plan.nodes[i], found)
        return tuple(found)

    def _brief(self, node: Node, found: list[Any]) -> None:
        indicator = node.indicator
        weight = self.weights[node.id]
        if node.children:
            found.append(self._parent_brief(node, weight, len(node.children)))
            for c in node.children:
                self._brief(self.plan.nodes[c], found)
            return
        na = self.not_applicable.get(node.id)
        if na is not None:
            reason = self._na_reason(node, weight, na)
            found.append((node.id, indicator.name, node.level, weight, self.scores[node.position], reason))
            return
        record = self.records[node.position]
        if indicator.rows is not None:
            found.append(self._parent_brief(node, weight, len(record)))
            found.extend((r.indicator.id, r.indicator.name, r.level, r.weight, r.score, self._leaf_reason(r)) for r in record)
            return
        inputs = _inputs(record)
        reason = self._parts(record, leaf_key(node.id, record.weight, inputs, record.share))[0]
        found.append((node.id, indicator.name, node.level, record.weight, record.score, reason))

    def _parent_brief(self, node: Node, weight: Decimal, count: int) -> Brief:
        total = self.scores[node.position]
        return node.id, node.indicator.name, node.level, weight, total, self._reason("parent", {"count": count},
                                                                                      node.indicator.name, weight, total)

    def _na_reason(self, node: Node, weight: Decimal, na: str) -> str:
        policy = self.plan.set.not_applicable
        points = weight if policy == "full_credit" else ZERO
        target = self._moved_to(node.id) if policy == "rescale" else None
        if target is not None:  # its weight went to the indicator its not_applicable_to names (101号: 满意度 to 效益)
            return self._reason("not_applicable.moved", {"reason": na, "target": target}, node.indicator.name, weight,
                                points)
        return self._reason(f"not_applicable.{policy}", {"reason": na}, node.indicator.name, weight, points)

    def _moved_to(self, indicator_id: str) -> str | None:
        """The name of the indicator the weight of `indicator_id` went to, by the highest marked indicator it is under
        (itself included): as `weights_without` moved it, or None when it was rescaled over all."""
        by_id, marked = self.plan.by_id, self.not_applicable
        tops = [i for i in marked if indicator_id in by_id[i].below
                and not any(i in by_id[other].below and other != i for other in marked)]
        target = moved_to(self.plan, tops[0], marked) if tops else None
        return by_id[target].indicator.name if target is not None else None

    def _node(self, node: Node, sharing: bool = False) -> Any:
        indicator = node.indicator
        weight = self.weights[node.id]
        na = self.not_applicable.get(node.id)
        if node.children:
            children = tuple(self._node(self.plan.nodes[c], sharing) for c in node.children)
            if sharing:  # all but its children are the same whenever its weight, score and mark are
                return SharedParent((node.position, str(weight), str(self.scores[node.position]), na), self, node, weight,
                                    na, children)
            return self._parent(node, weight, children, na)
        if na is not None:
            rule = indicator.rule
            reason = self._na_reason(node, weight, na)
            return _indicator_result(id=node.id, name=indicator.name, level=node.level, weight=weight,
                                     score=self.scores[node.position], reason=reason, standard=indicator.standard,
                                     kind=rule.kind if rule else None,
                                     rule=self.plan.rule_as_written(rule.spec) if rule else None, not_applicable=na,
                                     declared_weight=indicator.weight)
        record = self.records[node.position]
        if indicator.rows is not None:
            return self._parent(node, weight, tuple(self._leaf(r) for r in record), None)
        if sharing:
            inputs = _inputs(record)
            key = leaf_key(node.id, record.weight, inputs, record.share)
            if key is not None:
                return SharedLeaf(key, self, record, inputs)
        return self._leaf(record, shared=True)

    def _parent(self, node: Node, weight: Decimal, children: tuple[IndicatorResult, ...], na: str | None,
                count: int | None = None) -> IndicatorResult:
        indicator = node.indicator
        total = self.scores[node.position]
        reason = self._reason("parent", {"count": len(children) if count is None else count}, indicator.name, weight, total)
        return _indicator_result(id=node.id, name=indicator.name, level=node.level, weight=weight, score=total, reason=reason,
                               standard=indicator.standard, children=children, not_applicable=na,
                               declared_weight=indicator.weight)

    def _leaf(self, record: LeafRecord, shared: bool = False, made_key: tuple[Any, ...] | None = None,
              made_inputs: dict[str, Any] | None = None, written: bool = False) -> IndicatorResult:
        """A leaf's result. One of the set's own leaves (`shared`, not a target row's) is a function of the values its
        rule read and the weight it scored at: its reason and deductions are kept with the plan for the next project
        that gives the same, and its result carries that key so that writers may keep its text too. `written`: made
        only to be written at once and dropped (SharedLeaf.made), its inputs and details left as the dicts they are."""
        node, outcome, rule = record.indicator, record.outcome, record.step.rule
        raw, declared = outcome.score, node.weight
        inputs = _inputs(record) if made_inputs is None else made_inputs
        key = (leaf_key(node.id, record.weight, inputs, record.share) if made_key is None else made_key) if shared else None
        reason, deductions = self._parts(record, key)
        details = dict(outcome.details)
        rounds = self.plan.set.rounds
        if rounds.staged(record.kept):  # the chain that gives the score (before it was converted, where it was)
            details["staged_rounding"] = rounds.chain(record.kept)
        share = record.share
        if share is not None:  # (QA339 F1: the points lost times the factor, given out so that the total is converted once)
            details["rescaled"] = {"declared_weight": declared, "weight": record.weight, "score_before": record.before,
                                   "factor": share.factor.words(), "points_lost": _exact(share.lost, rounds.places + 10)}
        made = _indicator_result(id=node.id, name=node.name, level=record.level, weight=record.weight, score=record.score,
                                 reason=reason, standard=node.standard, kind=rule.kind,
                                 rule=self.plan.rule_as_written(rule.spec),
                                 inputs=inputs if written else read_only_shallow(inputs),
                                 details=details if written else read_only(details), deductions=deductions,
                                 raw_score=raw, clamped=record.kept != raw, declared_weight=declared)
        if key is not None:
            made.__dict__[LEAF_KEY] = key  # not a field: replace() and a result made by hand carry none
        return made

    def _parts(self, record: LeafRecord, key: tuple[Any, ...] | None) -> tuple[str, tuple[Deduction, ...]]:
        """A leaf's reason and deductions, kept with the plan under its `key` (None: not to be shared)."""
        kept = self.plan.leaf_parts.get(key) if key is not None else None
        if kept is None:
            kept = (self._leaf_reason(record), tuple(record.outcome.deductions))
            if key is not None:
                self.plan.leaf_parts.put(key, kept)
        return kept

    def _leaf_reason(self, record: LeafRecord) -> str:
        """The reason of a leaf: its rule's, then why it was clamped, how it was rounded, that it was rescaled, its note."""
        node, outcome = record.indicator, record.outcome
        raw, declared = outcome.score, node.weight
        reason = self._reason(outcome.reason, outcome.fields, node.name, declared, record.before)
        if record.kept != raw:
            shown = unambiguous(raw, "number", (declared, ZERO), self.plan.set.precision)  # 13.33, not 26 decimals
            reason += "；" + self._reason("clamped", {"raw": shown}, node.name, declared, record.before)
        rounds = self.plan.set.rounds
        said = rounds.staged(record.kept)
        if said:  # the reason says how the score was rounded: 1.7945 gives 1.80, not 1.79
            reason += "；" + self._reason("rounded.stages", staged_fields(rounds), node.name, declared, record.before)
        if record.share is not None:
            reason += "；" + self._rescaled(record, record.share, declared)
        if record.note:
            reason = f"{reason}；说明：{record.note}"
        return reason

    def _rescaled(self, record: LeafRecord, share: Share, declared: Decimal) -> str:
        """How the score was converted (QA339 F1): a leaf at full marks keeps its weight used, one scoring 0 keeps 0; else
        the points lost on the declared weight times the factor (100 ÷ 90), rounded, are taken from the weight used
        (`rescaled.lost`), or, where the largest remainder gave it a unit more or less so that the scores add up to the
        total converted at once, the exact loss is shown and that said (`rescaled.evened`)."""
        name, weight, score, before = record.indicator.name, record.weight, record.score, record.before
        fields: dict[str, object] = {"declared": plain(declared)}
        if (score == weight and before == declared) or (not score and not before):
            return self._kept(self._reason("rescaled", fields, name, weight, score), "rescaled", declared, weight, share)
        fields.update(deducted=self.plan.fixed(declared - before), factor=share.factor.words())
        if not share.evened:
            return self._kept(self._reason("rescaled.lost", fields, name, weight, score), "rescaled.lost", declared, weight,
                              share)
        places = self.plan.set.precision
        shown = _exact(share.lost, places + 4)
        fields["exact"] = plain(shown) if shown == share.lost else f"≈{plain(_exact(share.lost, places + 2))}"
        return self._kept(self._reason("rescaled.evened", fields, name, weight, score), "rescaled.evened", declared, weight,
                          share)

    def _kept(self, reason: str, key: str, declared: Decimal, weight: Decimal, share: Share) -> str:
        """The default wording of a rescaled weight that rounds back to the declared one: 分值仍为25（按100 ÷ 99折算后取整）,
        not 分值由25调整为25 (QA342 F6); a set's own wording as it is written."""
        if declared != weight or key in self.plan.set.reasons:
            return reason
        places = self.plan.set.precision
        rounded = "取整" if not places else f"保留{places}位小数"
        return reason.replace(f"分值由{plain(declared)}调整为{self.plan.plain(weight)}",
                              f"分值仍为{self.plan.plain(weight)}（按{share.factor.words()}折算后{rounded}）", 1)

    def _reason(self, key: str, fields: Mapping[str, object], name: str, weight: Decimal, score: Decimal) -> str:
        """The reason sentence `key` filled from `fields` and the common fields (name, weight, score, lost).

        As `Sentence.fill` fills it, written out: a run fills a few dozen, and the numbers repeat from project to project.
        """
        plan = self.plan
        pieces = []
        for text, placeholder in plan.sentence(key).parts:
            pieces.append(text)
            if placeholder is None:
                continue
            if placeholder == "score":
                pieces.append(plan.fixed(score))
            elif placeholder == "name":
                pieces.append(name)
            elif placeholder == "weight":
                pieces.append(plan.plain(weight))
            elif placeholder == "lost":
                pieces.append(plan.fixed(weight - score))
            else:
                pieces.append(str(fields[placeholder]))
        return "".join(pieces)


def _exact(number: Fraction, places: int) -> Decimal:
    """`number` to `places` decimals, half up (itself where it has no more)."""
    return round_half_up(Decimal(number.numerator) / Decimal(number.denominator), places)


class SharedLeaf(NamedTuple):
    """One of the set's own leaves, not made into its result yet: its key (`leaf_key`) and what it is made from."""

    key: tuple[Any, ...]
    trail: AuditTrail
    record: LeafRecord
    inputs: dict[str, Any]

    def made(self) -> IndicatorResult:
        """The leaf's result, as `AuditTrail.indicators` makes it, for a writer that writes it at once and drops it (its
        inputs and details are not made read-only)."""
        with scoring_context():
            return self.trail._leaf(self.record, shared=True, made_key=self.key, made_inputs=self.inputs, written=True)


class SharedParent(NamedTuple):
    """One of the set's indicators with children, for a writer (`AuditTrail.to_write`): its key (its place, the weight
    and score as written, why it is not applicable), its children as to_write gives them, and what it is made from."""

    key: tuple[Any, ...]
    trail: AuditTrail
    node: Node
    weight: Decimal
    na: str | None
    children: tuple[Any, ...]

    def own(self) -> IndicatorResult:
        """Its result without its children (its reason counts them)."""
        with scoring_context():
            return self.trail._parent(self.node, self.weight, (), self.na, count=len(self.children))


def _inputs(record: LeafRecord) -> dict[str, Any]:
    """The values the leaf's rule read, by name (a value that was missing, or failed, is left out)."""
    values = record.values
    if type(values) is dict:  # every value read is there or not: no failed derived value to stand for
        return {name: values[name] for name in record.step.reads if name in values}
    return {name: values[name] for name in record.step.reads if readable(values, name)}


#: Longest value (as text) a shared leaf result may have read, and longest JSON text of one a plan keeps.
MAX_SHARED_TEXT = 2_000
MAX_SHARED_JSON = 8_000

#: The attribute under which an indicator result made from one of its set's leaves carries its `leaf_key`.
LEAF_KEY = "_leaf_key"


def leaf_key(indicator_id: str, weight: Decimal, inputs: Mapping[str, Any],
             share: Share | None = None) -> tuple[Any, ...] | None:
    """What a leaf's result is made from, besides its set: the weight it scored at and each value its rule read, each
    exactly as it is written (1.0 and 1.00 differ), so that equal keys give the same result, text and all.

    None when a value is long (a long list of findings, a long text): such a result is not shared, so what a plan
    keeps stays small whatever the facts hold.
    """
    key: list[Any] = [indicator_id, str(weight)]
    if share is not None:  # converted (不适用 elsewhere): its score depends on the others' too
        key += (str(share.score), share.factor.words(), share.lost, share.evened)
    for name, value in inputs.items():
        kind = type(value)
        if kind is bool or kind is datetime.date:
            key += (name, kind, value)
            continue
        # text as it is; a number as written; a list of findings or numbers, a judgement: its repr, every field exact
        written = value if kind is str else str(value) if kind is Decimal else repr(value)
        if len(written) > MAX_SHARED_TEXT:
            return None
        key += (name, kind, written)
    return tuple(key)


def readable(values: Mapping[str, Any], name: str) -> bool:
    """Whether `name` has a value in `values` (a derived value that failed, or a fact left out, has none)."""
    try:
        values[name]
    except (KeyError, ScoringError):
        return False
    return True
