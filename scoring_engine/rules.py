"""The rule kinds: how a leaf indicator turns facts into a score.

A kind is registered once in `RULE_KINDS` with two pieces: a frozen parameter
class whose ``build`` checks the rule as written when the set loads, and a
scoring function with one signature, ``(params, weight, facts) -> Outcome``,
free of side effects. Adding a kind is one class, one function, one decorator.
The scoring function returns the raw score; the engine clamps, rounds and
renders the reason, so every kind is audited the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from ._arith import ONE, ZERO, fixed, percent, plain, round_half_up
from ._intervals import MIN_INCLUSIVE, Interval, gaps_and_overlaps
from .errors import ScoringError
from .formulas import Finding, Formula
from .model import Rule

__all__ = ["RULE_KINDS", "RuleKind", "Outcome", "Deduction", "RuleSpec", "FactView", "Judgement", "TierJudgement", "TargetRow"]


# ---------------------------------------------------------------- shared shapes


@dataclass(frozen=True)
class Deduction:
    """Points taken off, and why."""

    points: Decimal
    reason: str


@dataclass(frozen=True)
class Outcome:
    """A rule's raw score with everything needed to audit it."""

    score: Decimal
    reason: str  # key into reasons.TEMPLATES
    fields: Mapping[str, object] = field(default_factory=dict)  # for the reason template
    details: Mapping[str, Any] = field(default_factory=dict)  # the values in between
    deductions: tuple[Deduction, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """An evaluator's score for an indicator (or a checklist element), with the reason."""

    score: Decimal
    reason: str


@dataclass(frozen=True)
class TierJudgement:
    """An evaluator's qualitative tier, the score chosen inside it, and the reason."""

    tier: str
    score: Decimal
    reason: str


@dataclass(frozen=True)
class TargetRow:
    """One row of a project's 绩效目标表: a target with its type, weight, values and reason."""

    name: str
    type: str
    id: str | None = None
    weight: Decimal | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    unit: str | None = None
    tier: str | None = None
    score: Decimal | None = None
    reason: str | None = None

    def values(self) -> dict[str, Any]:
        """The row's fields as the names a row rule reads."""
        found: dict[str, Any] = {f"row.{k}": getattr(self, k) for k in ("target", "actual", "weight") if getattr(self, k) is not None}
        if self.score is not None and self.reason:
            found["row"] = TierJudgement(self.tier, self.score, self.reason) if self.tier else Judgement(self.score, self.reason)
        return found


class RuleSpec(Protocol):
    """What a parameter class needs from the loader while it checks a rule as written."""

    weight: Decimal | None  # None when unknown: a row group's rule (each row brings its own) or a broken weight
    rows: bool  # the rule scores the rows of a row group

    def formula(self, *path: str | int, required: bool = True) -> Formula | None:
        """Compile the formula at `path` inside the rule; None if absent or broken (problem recorded)."""

    def fact(self, *path: str | int, types: tuple[str, ...]) -> str | None:
        """The declared fact named at `path`, if it has one of `types`; None otherwise (problem recorded)."""

    def problem(self, message: str, *path: str | int, hint: str | None = None) -> None:
        """Record a problem at `path` inside the rule."""

    def rule(self, *path: str | int) -> Rule | None:
        """Check the rule nested at `path` (for kinds built from other rules); None if broken (problem recorded)."""


class FactView(Protocol):
    """What a scoring function may read: fact and derived values, through formulas or by name."""

    def value(self, formula: Formula) -> Any: ...

    def number(self, formula: Formula, what: str) -> Decimal: ...

    def fact(self, name: str) -> Any: ...


@dataclass(frozen=True)
class RuleKind:
    """A registered kind: its parameter class and its scoring function."""

    name: str
    params: type
    score: Callable[[Any, Decimal, FactView], Outcome]


RULE_KINDS: dict[str, RuleKind] = {}


def rule_kind(name: str, params: type) -> Callable[[Callable[[Any, Decimal, FactView], Outcome]], Callable[[Any, Decimal, FactView], Outcome]]:
    """Register a scoring function for rule kind `name` with parameter class `params`."""

    def register(score: Callable[[Any, Decimal, FactView], Outcome]) -> Callable[[Any, Decimal, FactView], Outcome]:
        RULE_KINDS[name] = RuleKind(name, params, score)
        return score

    return register


def _reads(*formulas: Formula | None) -> frozenset[str]:
    names: set[str] = set()
    for f in formulas:
        if f is not None:
            names |= f.names
    return frozenset(names)


def _dec(value: Any) -> Decimal | None:
    """YAML gives whole numbers as int: make every number a Decimal."""
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class Amount:
    """Points, or a share of a whole that is known only when scoring (a row's weight, an element's points)."""

    value: Decimal
    is_share: bool

    def of(self, whole: Decimal) -> Decimal:
        return self.value * whole if self.is_share else self.value


def _amount(spec: Mapping[str, Any], b: RuleSpec, *path: str | int, points: str = "points", share: str = "share",
            required: bool = True) -> Amount | None:
    """An amount given as points or as a share: exactly one of the two keys."""
    given = [k for k in (points, share) if k in spec]
    if len(given) > 1 or (required and not given):
        b.problem(f"give exactly one of {points} or {share}", *path)
        return None
    if not given:
        return None
    if points in spec and b.rows:
        b.problem(f"rules of a row group give {share}, not {points}: each row has its own weight", *path, points)
        return None
    return Amount(Decimal(spec[given[0]]), given[0] == share)


def _brief(value: Decimal) -> str:
    """A number for a reason sentence: at most four decimals (1.6666… → 1.6667)."""
    return plain(round_half_up(value, 4))


def _display(value: Decimal, display: str, places: int = 2) -> str:
    """A value as a reason shows it: a percentage with `places` decimals, or a number with `places` + 2."""
    return percent(value, places) if display == "percent" else plain(round_half_up(value, places + 2))


def _unambiguous(value: Decimal, display: str, bounds: tuple[Decimal | None, ...]) -> str:
    """The value with enough decimals not to print as a band bound it is not (94.995% is not 95.00%)."""
    for places in (2, 4, 6, 8):
        text = _display(value, display, places)
        if not any(b is not None and b != value and _display(b, display, places) == text for b in bounds):
            break
    return text


def _show(display: str) -> Callable[[Decimal], str]:
    return lambda value: _display(value, display)


# ---------------------------------------------------------------- 1. formula


@dataclass(frozen=True)
class FormulaRule:
    """An expression giving the score, or a rate in [0, 1] times the weight."""

    expr: Formula
    is_rate: bool

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> FormulaRule | None:
        if ("score" in spec) == ("rate" in spec):
            b.problem("give exactly one of score (points) or rate (share of the weight)")
            return None
        key = "rate" if "rate" in spec else "score"
        expr = b.formula(key)
        return cls(expr, key == "rate") if expr else None

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.expr)


@rule_kind("formula", FormulaRule)
def score_formula(rule: FormulaRule, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.expr, "the formula")
    if rule.is_rate:
        return Outcome(value * weight, "formula.rate", {"formula": rule.expr.text, "rate": percent(value)}, {"rate": value})
    return Outcome(value, "formula.score", {"formula": rule.expr.text, "value": plain(value)}, {"value": value})


# ---------------------------------------------------------------- 2. proportional


@dataclass(frozen=True)
class Proportional:
    """value / target capped at 1 (or target / value when lower is better), optionally with a floor."""

    value: Formula
    target: Formula | None
    lower_is_better: bool
    floor: Decimal | None

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Proportional | None:
        value, target = b.formula("value"), b.formula("target", required=False)
        floor = _dec(spec.get("floor"))
        if floor is not None and not ZERO <= floor < ONE:
            b.problem("floor must be a rate from 0 up to (not including) 1, e.g. 0.6", "floor")
            return None
        if value is None or ("target" in spec and target is None):
            return None
        return cls(value, target, spec.get("direction") == "lower_is_better", floor)

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.value, self.target)


@rule_kind("proportional", Proportional)
def score_proportional(rule: Proportional, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    target = facts.number(rule.target, "target") if rule.target else ONE
    if target <= 0:
        raise ScoringError(f"target must be above 0, got {plain(target)}", expression=rule.target.text if rule.target else None)
    if rule.lower_is_better:
        rate = ONE if value <= target else target / value
    else:
        rate = value / target
    actual_rate, rate = rate, min(rate, ONE)
    details: dict[str, Any] = {"value": value, "target": target, "rate": rate}
    if actual_rate != rate:
        details["uncapped_rate"] = actual_rate
    fields: dict[str, object] = {"rate": percent(rate), "actual_rate": percent(actual_rate), "value": plain(value), "target": plain(target)}
    if rule.floor is not None:
        fields["floor"] = percent(rule.floor)
        if rate < rule.floor:
            return Outcome(ZERO, "proportional.below_floor", fields, details)
        share = (rate - rule.floor) / (ONE - rule.floor)
        details["share"] = share
        return Outcome(share * weight, "proportional.above_floor", fields, details)
    situation = "full" if rate == ONE else "partial"
    return Outcome(rate * weight, f"proportional.{'lower_' if rule.lower_is_better else ''}{situation}", fields, details)


# ---------------------------------------------------------------- 3. bands


@dataclass(frozen=True)
class Band:
    range: Interval
    amount: Amount
    label: str | None = None


@dataclass(frozen=True)
class Bands:
    """Ordered ranges of a value, each worth points or a share of the weight."""

    value: Formula
    bands: tuple[Band, ...]
    boundary: str
    display: str

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Bands | None:
        value = b.formula("value")
        display = spec.get("display", "number")
        bands = []
        for i, raw in enumerate(spec["bands"]):
            amount = _amount(raw, b, "bands", i)
            if amount is not None and b.weight is not None and not ZERO <= amount.of(b.weight) <= b.weight:
                b.problem(f"band worth {plain(amount.of(b.weight))} points, outside 0..{plain(b.weight)} (the weight)", "bands", i)
            bands.append(Band(Interval(_dec(raw.get("min")), _dec(raw.get("max"))), amount or Amount(ZERO, False), raw.get("label")))
        ranges = [band.range for band in bands]
        for i, message in gaps_and_overlaps(ranges, _show(display)):
            b.problem(f"band {message}", "bands", i, hint="each band's min must equal the max of the band below it")
        if value is None:
            return None
        return cls(value, tuple(bands), spec.get("boundary", MIN_INCLUSIVE), display)

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.value)


@rule_kind("bands", Bands)
def score_bands(rule: Bands, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.value, "value")
    show = _show(rule.display)
    # The outermost bounds are closed whatever the boundary rule: a lowest band (0, 0.8] still holds 0.
    lows = [b.range.low for b in rule.bands]
    highs = [b.range.high for b in rule.bands]
    bottom = min(lows) if None not in lows else None  # type: ignore[type-var]
    top = max(highs) if None not in highs else None  # type: ignore[type-var]
    for band in rule.bands:
        at_edge = value == bottom == band.range.low or value == top == band.range.high
        if band.range.contains(value, rule.boundary) or at_edge:
            text = band.label or band.range.text(show, rule.boundary, closed=at_edge)
            points = band.amount.of(weight)
            details = {"value": value, "band": {"min": band.range.low, "max": band.range.high, "points": points, "text": text}}
            shown = _unambiguous(value, rule.display, (band.range.low, band.range.high))
            return Outcome(points, "bands", {"value": plain(value), "value_text": shown, "band": text}, details)
    covered = ", ".join(b.range.text(show, rule.boundary) for b in rule.bands)
    raise ScoringError(f"value {show(value)} falls in no band (bands cover {covered})", expression=rule.value.text)


# ---------------------------------------------------------------- 4. linear deduction


@dataclass(frozen=True)
class Linear:
    """Full marks at the target, minus points per unit of shortfall, zero at a floor."""

    value: Formula
    target: Formula
    per: Decimal
    each: Amount
    zero_at: Decimal | None
    lower_is_better: bool
    units: str  # exact | whole | started
    display: str

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Linear | None:
        value, target = b.formula("value"), b.formula("target")
        per = _dec(spec.get("per", ONE))
        if per <= 0:
            b.problem("per must be above 0 (the size of one unit of shortfall)", "per")
        each = _amount(spec, b, points="points_each", share="share_each")
        if value is None or target is None or each is None or per <= 0:
            return None
        return cls(value, target, per, each, _dec(spec.get("zero_at")), spec.get("direction") == "lower_is_better",
                   spec.get("units", "exact"), spec.get("display", "number"))

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.value, self.target)


@rule_kind("linear", Linear)
def score_linear(rule: Linear, weight: Decimal, facts: FactView) -> Outcome:
    value, target = facts.number(rule.value, "value"), facts.number(rule.target, "target")
    show = _show(rule.display)
    fields: dict[str, object] = {"value": show(value), "target": show(target)}
    shortfall = value - target if rule.lower_is_better else target - value
    details: dict[str, Any] = {"value": value, "target": target, "shortfall": max(shortfall, ZERO)}
    if rule.zero_at is not None and (value >= rule.zero_at if rule.lower_is_better else value <= rule.zero_at):
        fields["zero_at"] = show(rule.zero_at)
        return Outcome(ZERO, "linear.zero", fields, details)
    if shortfall <= 0:
        return Outcome(weight, "linear.full", fields, details)
    units = shortfall / rule.per
    if rule.units == "whole":
        units = units.to_integral_value(rounding="ROUND_FLOOR")
    elif rule.units == "started":
        units = units.to_integral_value(rounding="ROUND_CEILING")
    each = rule.each.of(weight)
    deducted = min(units * each, weight)
    details.update(units=units, deducted=deducted)
    fields.update(shortfall=show(shortfall), units=_brief(units), per=show(rule.per), each=_brief(each), deducted=_brief(deducted))
    return Outcome(weight - deducted, "linear.partial", fields, details, (Deduction(deducted, f"差{show(shortfall)}"),))


# ---------------------------------------------------------------- 5. deduction per finding


@dataclass(frozen=True)
class PerFinding:
    """Each finding (a list with texts, or a count) deducts points; floor 0; optionally N or more → 0."""

    findings: Formula
    each: Amount
    zero_at: int | None

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> PerFinding | None:
        findings = b.formula("findings")
        each = _amount(spec, b, points="points_each", share="share_each")
        if findings is None or each is None:
            return None
        return cls(findings, each, spec.get("zero_at_count"))

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.findings)


#: Largest count of findings given as a number (a list of findings is bounded by the facts file's size instead).
MAX_FINDINGS_COUNT = 1000


def _findings(value: Any, formula: Formula) -> tuple[Finding, ...]:
    """A list fact as findings; a count as numbered findings without text."""
    if isinstance(value, tuple):
        return tuple(v if isinstance(v, Finding) else Finding(plain(v)) for v in value)
    if isinstance(value, Decimal) and value >= 0 and value == value.to_integral_value():
        if value > MAX_FINDINGS_COUNT:  # each finding is listed: a count of 1e15 would never finish
            raise ScoringError(f"a count of {plain(value)} findings is above {MAX_FINDINGS_COUNT} (MAX_FINDINGS_COUNT)",
                               expression=formula.text, hint="check the count")
        return tuple(Finding(f"问题{i + 1}") for i in range(int(value)))
    raise ScoringError("findings must be a list fact or a whole count of 0 or more", expression=formula.text)


@rule_kind("deduction", PerFinding)
def score_deduction(rule: PerFinding, weight: Decimal, facts: FactView) -> Outcome:
    found = _findings(facts.value(rule.findings), rule.findings)
    each = rule.each.of(weight)
    deductions = tuple(Deduction(f.points if f.points is not None else each, f.text) for f in found)
    deducted = sum((d.points for d in deductions), ZERO)
    details = {"count": len(found), "deducted": deducted}
    if rule.zero_at is not None and len(found) >= rule.zero_at:
        return Outcome(ZERO, "deduction.zero_at", {"count": len(found), "zero_at": rule.zero_at}, details, deductions)
    if not found:
        return Outcome(weight, "deduction.none", {"count": 0}, details)
    return Outcome(max(weight - deducted, ZERO), "deduction.some", {"count": len(found), "deducted": _brief(min(deducted, weight))}, details, deductions)


# ---------------------------------------------------------------- 6. checklist


@dataclass(frozen=True)
class Element:
    name: str
    amount: Amount  # of the indicator's weight
    met: Formula | None
    judgement: str | None
    findings: Formula | None
    each: Amount | None  # of the element's points
    missed: str | None  # the reason written in the set for a miss


@dataclass(frozen=True)
class Checklist:
    """Elements (要点) each worth part of the weight, decided by an expression or an evaluator's judgement."""

    elements: tuple[Element, ...]

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Checklist | None:
        raws = spec["elements"]
        given = [("points" in r or "share" in r) for r in raws]
        if any(given) and not all(given):
            b.problem("give points (or share) for every element, or for none (equal shares)", "elements")
            return None
        elements = []
        for i, raw in enumerate(raws):
            amount = _amount(raw, b, "elements", i) if any(given) else Amount(ONE / len(raws), True)
            deciders = [k for k in ("met", "judgement", "findings") if k in raw]
            if not deciders:
                b.problem("an element needs met (expression), judgement (fact) or findings (fact)", "elements", i)
            if "met" in raw and "judgement" in raw:
                b.problem("give met or judgement, not both", "elements", i)
            each = None
            if "findings" in raw:
                each = _amount(raw, b, "elements", i, points="points_each", share="share_each")
            elif "points_each" in raw or "share_each" in raw:
                b.problem("points_each and share_each go with findings", "elements", i)
            elements.append(Element(
                name=raw["name"],
                amount=amount or Amount(ZERO, False),
                met=b.formula("elements", i, "met") if "met" in raw else None,
                judgement=b.fact("elements", i, "judgement", types=("judgement",)) if "judgement" in raw else None,
                findings=b.formula("elements", i, "findings") if "findings" in raw else None,
                each=each,
                missed=raw.get("reason"),
            ))
        if any(given) and (b.weight is not None or b.rows):  # (a broken weight is reported elsewhere)
            whole = b.weight if b.weight is not None else ONE
            total = sum((e.amount.of(whole) for e in elements), ZERO)
            if total != whole:
                what = f"points add up to {plain(total)}, not the weight" if b.weight is not None else f"shares add up to {plain(total)}, not"
                b.problem(f"element {what} {plain(whole)}", "elements",
                          hint="make the elements' points add up to the weight, or their shares to 1")
        return cls(tuple(elements))

    @property
    def reads(self) -> frozenset[str]:
        names = _reads(*(f for e in self.elements for f in (e.met, e.findings)))
        return names | {e.judgement for e in self.elements if e.judgement}


def _share_met(value: Any, element: Element) -> Decimal:
    if isinstance(value, bool):
        return ONE if value else ZERO
    if isinstance(value, Decimal) and ZERO <= value <= ONE:
        return value
    raise ScoringError(f"element {element.name}: met must be true/false or a share from 0 to 1, got {value}",
                       expression=element.met.text if element.met else None)


@rule_kind("checklist", Checklist)
def score_checklist(rule: Checklist, weight: Decimal, facts: FactView) -> Outcome:
    rows, deductions, missed = [], [], []
    for e in rule.elements:
        points = e.amount.of(weight)
        earned, why = points, []
        if e.met is not None:
            share = _share_met(facts.value(e.met), e)
            earned = points * share
            if share < ONE:
                why.append(e.missed or f"未满足（{e.met.text}）" if share == ZERO else f"{e.missed or '部分满足'}（得{percent(share)}）")
        if e.judgement is not None:
            judged: Judgement = facts.fact(e.judgement)
            if not ZERO <= judged.score <= points:
                raise ScoringError(f"element {e.name}: judged {plain(judged.score)} points, outside 0..{plain(points)}", fact=e.judgement)
            earned = judged.score
            if earned < points:
                why.append(judged.reason)
        element_deductions = []
        if e.findings is not None:
            for f in _findings(facts.value(e.findings), e.findings):
                element_deductions.append(f.points if f.points is not None else e.each.of(points))  # type: ignore[union-attr]
                why.append(f.text)
            earned = earned - sum(element_deductions, ZERO)
        earned = max(earned, ZERO)
        rows.append({"name": e.name, "points": points, "earned": earned, "reasons": why})
        if earned < points:
            lost = points - earned
            reason = f"{e.name}：{'；'.join(why)}"
            deductions.append(Deduction(lost, reason))
            missed.append(f"{reason}（扣{plain(lost)}分）")
    score = sum((r["earned"] for r in rows), ZERO)
    if not deductions:
        return Outcome(score, "checklist.full", {"count": len(rows)}, {"elements": rows})
    return Outcome(score, "checklist.partial", {"count": len(rows), "missed": "；".join(missed)}, {"elements": rows}, tuple(deductions))


# ---------------------------------------------------------------- 7. tiers

DEFAULT_TIERS = (("达成年度指标", Decimal("0.8")), ("部分达成并具有一定效果", Decimal("0.6")), ("未达成且效果较差", ZERO))


@dataclass(frozen=True)
class Tiers:
    """Qualitative tiers, each a range of shares of the weight; the facts give tier, score and reason."""

    fact: str
    tiers: tuple[tuple[str, Interval], ...]

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Tiers | None:
        fact = b.fact("fact", types=("tier",))
        raws = spec.get("tiers")
        pairs = list(DEFAULT_TIERS) if raws is None else [(r["label"], Decimal(r["min"])) for r in raws]
        pairs.sort(key=lambda p: p[1], reverse=True)
        tiers = []
        for i, (label, low) in enumerate(pairs):
            high = pairs[i - 1][1] if i else None
            tiers.append((label, Interval(low, high)))
        if pairs and pairs[-1][1] != 0:
            b.problem(f"tiers leave a gap from 0 to {percent(pairs[-1][1])}", "tiers", hint="the lowest tier must start at min: 0")
        for i, message in gaps_and_overlaps([t[1] for t in tiers], percent):
            b.problem(f"tier {tiers[i][0]}: {message}", "tiers")
        if len({t[0] for t in tiers}) != len(tiers):
            b.problem("two tiers have the same label", "tiers")
        return cls(fact, tuple(tiers)) if fact else None

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.fact})


@rule_kind("tiers", Tiers)
def score_tiers(rule: Tiers, weight: Decimal, facts: FactView) -> Outcome:
    judged: TierJudgement = facts.fact(rule.fact)
    ranges = dict(rule.tiers)
    if judged.tier not in ranges:
        raise ScoringError(f"tier {judged.tier!r} is not one of: {', '.join(ranges)}", fact=rule.fact)
    iv = ranges[judged.tier]
    low = iv.low * weight  # type: ignore[operator]
    high = weight if iv.high is None else iv.high * weight
    inside = low <= judged.score <= high if iv.high is None else low <= judged.score < high
    if not inside:
        closing = "]" if iv.high is None else ")"
        raise ScoringError(f"score {plain(judged.score)} is outside tier {judged.tier} [{plain(low)}, {plain(high)}{closing}",
                           fact=rule.fact, hint="pick a score inside the tier or change the tier")
    fields = {"tier": judged.tier, "low": plain(low), "high": plain(high), "reason": judged.reason}
    return Outcome(judged.score, "tiers", fields, {"tier": judged.tier, "low": low, "high": high, "reason": judged.reason})


# ---------------------------------------------------------------- 8. judgement


@dataclass(frozen=True)
class JudgementRule:
    """The evaluator's score from the facts, within [0, weight], with a reason."""

    fact: str

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> JudgementRule | None:
        fact = b.fact("fact", types=("judgement",))
        return cls(fact) if fact else None

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.fact})


@rule_kind("judgement", JudgementRule)
def score_judgement(rule: JudgementRule, weight: Decimal, facts: FactView) -> Outcome:
    judged: Judgement = facts.fact(rule.fact)
    if not ZERO <= judged.score <= weight:
        raise ScoringError(f"judged score {plain(judged.score)} is outside 0..{plain(weight)} (the weight)", fact=rule.fact)
    return Outcome(judged.score, "judgement", {"reason": judged.reason}, {"reason": judged.reason})


# ---------------------------------------------------------------- 9. panel


@dataclass(frozen=True)
class Part:
    name: str
    share: Decimal
    score: Formula


@dataclass(frozen=True)
class Panel:
    """Reviewers' scores combined: mean, trimmed mean, or weighted parts (现场 60% + 材料 40%)."""

    method: str
    scores: Formula | None
    trim: int
    parts: tuple[Part, ...]
    scale: Decimal | None  # the reviewers' full mark; None: the indicator's weight

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Panel | None:
        method = spec["method"]
        scale = _dec(spec.get("scale"))
        if method == "weighted":
            if "trim" in spec:
                b.problem("trim goes with method trimmed_mean", "trim")
            if "parts" not in spec or "scores" in spec:
                b.problem("method weighted takes parts (name, share, score), not scores")
                return None
            parts = [Part(p["name"], Decimal(p["share"]), b.formula("parts", i, "score")) for i, p in enumerate(spec["parts"])]  # type: ignore[arg-type]
            if sum((p.share for p in parts), ZERO) != ONE:
                b.problem(f"part shares add up to {plain(sum((p.share for p in parts), ZERO))}, not 1", "parts")
            if any(p.score is None for p in parts):
                return None
            return cls(method, None, 0, tuple(parts), scale)
        if "scores" not in spec or "parts" in spec:
            b.problem(f"method {method} takes scores (a list fact of the reviewers' scores), not parts")
            return None
        trim = spec.get("trim", 1 if method == "trimmed_mean" else 0)
        if method == "mean" and "trim" in spec:
            b.problem("trim goes with method trimmed_mean", "trim")
        scores = b.formula("scores")
        return cls(method, scores, trim, (), scale) if scores else None

    @property
    def reads(self) -> frozenset[str]:
        return _reads(self.scores, *(p.score for p in self.parts))


@rule_kind("panel", Panel)
def score_panel(rule: Panel, weight: Decimal, facts: FactView) -> Outcome:
    scale = rule.scale if rule.scale is not None else weight
    if rule.method == "weighted":
        values = [(p, facts.number(p.score, f"part {p.name}")) for p in rule.parts]
        combined = sum((p.share * v for p, v in values), ZERO)
        parts_text = "，".join(f"{p.name}{plain(v)}分×{percent(p.share, 0)}" for p, v in values)
        details = {"parts": [{"name": p.name, "share": p.share, "score": v} for p, v in values], "combined": combined}
        fields: dict[str, object] = {"parts": parts_text}
    else:
        assert rule.scores is not None
        raw = facts.value(rule.scores)
        if not isinstance(raw, tuple) or not all(isinstance(v, Decimal) for v in raw):
            raise ScoringError("scores must be a list fact of numbers", expression=rule.scores.text)
        ordered = sorted(raw)
        kept = ordered[rule.trim: len(ordered) - rule.trim] if rule.trim else ordered
        if not kept:
            raise ScoringError(f"{len(raw)} reviewers' scores leave none after trimming {rule.trim} from each end",
                               expression=rule.scores.text)
        combined = sum(kept, ZERO) / len(kept)
        details = {"scores": list(raw), "kept": kept, "combined": combined}
        fields = {"count": len(raw), "trim": rule.trim}
    fields.update(combined=fixed(combined, 2), scale=plain(scale))
    return Outcome(combined / scale * weight, f"panel.{rule.method}", fields, details)


# ---------------------------------------------------------------- 10. switch


@dataclass(frozen=True)
class Switch:
    """One of several rules, chosen by a text fact (e.g. proportional or banded budget execution)."""

    by: str
    rules: Mapping[str, Rule]

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Switch | None:
        by = b.fact("by", types=("string",))
        rules = {choice: b.rule("rules", choice) for choice in spec["rules"]}
        if by is None or any(r is None for r in rules.values()):
            return None
        return cls(by, rules)  # type: ignore[arg-type]

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.by}).union(*(r.reads for r in self.rules.values()))


@rule_kind("switch", Switch)
def score_switch(rule: Switch, weight: Decimal, facts: FactView) -> Outcome:
    choice = facts.fact(rule.by)
    if choice not in rule.rules:
        raise ScoringError(f"{rule.by} is {choice!r}; the rule has variants {', '.join(rule.rules)}", fact=rule.by)
    chosen = rule.rules[choice]
    outcome = RULE_KINDS[chosen.kind].score(chosen.params, weight, facts)
    return Outcome(outcome.score, outcome.reason, outcome.fields, {"variant": choice, "kind": chosen.kind, **outcome.details},
                   outcome.deductions)
