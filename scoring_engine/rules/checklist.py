"""Rule kind ``checklist``: elements (要点) each worth part of the weight, decided by an expression or a judgement.

An element may carry its own deduction ladder ("each miss deducts 1/3 of the
element; three or more misses, the element scores 0"), may not apply to a
project (not deducted, with the reason the facts give), and may be rounded to
the set's precision before the elements are added (``round_elements``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, Rounding, fixed, plain, round_half_up, written
from .._display import equals_text, rounding_chain, show_number
from .._formula_functions import condition_value
from ..errors import ScoringError
from ..formulas import Formula, evaluate
from ..judgements import Judgement
from ._base import (Amount, Deduction, FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template, amount, amount_of,
                    findings, reads, shown_later, unambiguous)
from ._deductions import MORE_PLACES, Ladder, itemised, ladder, settle_later, show_points


class Element(NamedTuple):
    name: str
    amount: Amount  # of the indicator's weight
    met: Formula | None
    judgement: str | None
    findings: Formula | None
    ladder: Ladder | None  # what each finding deducts from the element
    missed: str | None  # the reason written in the set for a miss
    met_label: str | None = None  # the label of the fact `met` names, for a miss without a written reason
    not_applicable: str | None = None  # a text fact: when the facts give it, the element does not apply (the reason)


def _element(raw: Mapping[str, Any], i: int, worth: Amount | None, b: RuleSpec) -> Element:
    """Element `i` as written, each of its problems recorded."""
    if not any(k in raw for k in ("met", "judgement", "findings")):
        b.problem("an element needs met (expression), judgement (fact) or findings (fact)", "elements", i)
    if "met" in raw and "judgement" in raw:
        b.problem("give met or judgement, not both", "elements", i)
    steps = None
    if "findings" in raw:
        steps = ladder(raw, b, "elements", i)
    elif any(k in raw for k in ("points_each", "share_each", "zero_at_count", "keyword_points")):
        b.problem("points_each, share_each, zero_at_count and keyword_points go with findings", "elements", i)
    met = b.formula("elements", i, "met", gives="share") if "met" in raw else None
    if met is not None and not met.names:  # a constant (met: -1) gives every project the same: checked now (QA125 F3)
        _constant_met(met, raw["name"], i, b)
    if worth is not None and worth.value == 0:  # a miss would take nothing, and the reason say every element was met
        b.problem(f"element {raw['name']} is worth 0 points: not meeting it would cost nothing", "elements", i,
                  hint="give it points (or a share), or remove it")
    return Element(
        name=raw["name"],
        amount=worth or amount_of(Fraction(0), False),
        met=met,
        judgement=b.fact("elements", i, "judgement", types=("judgement",)) if "judgement" in raw else None,
        findings=b.formula("elements", i, "findings", gives="findings") if "findings" in raw else None,
        ladder=steps,
        missed=raw.get("reason"),
        met_label=b.label(met.text) if met is not None and met.names == {met.text} else None,
        not_applicable=b.fact("elements", i, "not_applicable", types=("string",)) if "not_applicable" in raw else None,
    )


def _constant_met(met: Formula, name: str, i: int, b: RuleSpec) -> None:
    try:
        value = evaluate(met, {})
    except ScoringError as err:
        b.problem(f"element {name}: met {met.text} fails for every project: {err.problems[0].message}", "elements", i,
                  "met", hint=_CONSTANT_MET)
        return
    if not isinstance(value, bool) and not (isinstance(value, Decimal) and ZERO <= value <= ONE):
        b.problem(f"element {name}: met must be true/false or a share from 0 to 1, got {value}", "elements", i, "met",
                  hint=_CONSTANT_MET)


_CONSTANT_MET = "write true, false or a share from 0 to 1, or a condition on the facts"


class Checklist(NamedTuple):
    """Elements (要点) each worth part of the weight, decided by an expression or an evaluator's judgement."""

    elements: tuple[Element, ...]
    rounding: Rounding
    inexact: bool = False  # an element's amount has no exact decimal form (a sixth): the last takes the rest
    ready: tuple[Decimal, tuple[Decimal, ...]] | None = None  # (a weight, each element's points of it): `at_weight`

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Checklist | None:
        raws = spec["elements"]
        given = [("points" in r or "share" in r) for r in raws]
        if any(given) and not all(given):
            b.problem("give points (or share) for every element, or for none (equal shares)", "elements")
            return None
        worths = [amount(raw, b, "elements", i) if any(given) else amount_of(Fraction(1, len(raws)), True)
                  for i, raw in enumerate(raws)]
        elements = [_element(raw, i, worths[i], b) for i, raw in enumerate(raws)]
        # A broken weight, or an element's broken points, is reported on its own: no sum to check then.
        if any(given) and None not in worths and (b.weight is not None or b.rows):
            whole = Fraction(b.weight) if b.weight is not None else Fraction(1)
            total = sum((e.amount.exactly(whole) for e in elements), Fraction(0))
            if total != whole:
                what = (f"points add up to {written(total)}, not the weight" if b.weight is not None
                        else f"shares add up to {written(total)}, not")
                b.problem(f"element {what} {written(whole)}", "elements",
                          hint="make the elements' points add up to the weight, or their shares to 1")
        rounding = replace(b.rounding, elements=spec.get("round_elements", b.rounding.elements))
        return cls(tuple(elements), rounding, any(e.amount.decimal is None for e in elements))

    @property
    def reads(self) -> frozenset[str]:
        names = reads(*(f for e in self.elements for f in (e.met, e.findings)))
        return names | {n for e in self.elements for n in (e.judgement, e.not_applicable) if n}


def _share_met(value: Any, element: Element) -> Decimal:
    if isinstance(value, bool):
        return ONE if value else ZERO
    if isinstance(value, Decimal) and ZERO <= value <= ONE:
        return value
    raise ScoringError(f"element {element.name}: met must be true/false or a share from 0 to 1, got {condition_value(value)}",
                       expression=element.met.text if element.met else None)


def _met(e: Element, points: Decimal, facts: FactView, met: Any, places: int) -> tuple[Decimal, list[str]]:
    """The points element `e` earns by its `met` expression (`met`: its value) or its judgement, and why it lost any. A
    judged score up to the element's points as printed at `places` (1.67 of 5/3) is taken, at most the points."""
    if e.met is not None:
        share = _share_met(met, e)
        if share == ONE:
            return points, []
        if share == ZERO:
            return ZERO, [e.missed or (f"未满足（{e.met_label}）" if e.met_label else "未满足")]
        # never carried up onto a round figure nor onto all or none: 99.9992% is no 得100.00% (QA272 F2)
        return points * share, [f"{e.missed or '部分满足'}（得{unambiguous(share, 'percent', (ONE, ZERO), 2)}）"]
    if e.judgement is not None:
        judged: Judgement = facts.fact(e.judgement)
        # checked as printed: the element's points as the sheet prints them are its full marks (1.67 of 5/3, and 0.33 of
        # 1/3), and a score that prints no higher is taken (QA253 F3, QA255 M1: 1/3 at precision 0 said 0–0)
        printed = round_half_up(points, places)
        if judged.score < ZERO or round_half_up(judged.score, places) > printed:
            raise ScoringError(f"element {e.name}: judged {plain(judged.score)} points, outside 0..{plain(printed)}",
                               fact=e.judgement, path=f"$.facts.{e.judgement}.score",
                               hint=f"write a score from 0 to {plain(printed)}")
        score = points if (judged.score == printed and printed) or judged.score > points else judged.score
        return score, [judged.reason] if score < points else []
    return points, []


def _earned(e: Element, points: Decimal, facts: FactView, met: Any, places: int) -> tuple[Decimal, list[str]]:
    """The points element `e` earns out of `points`, and why it lost any (floored at 0: no element takes from another)."""
    earned, why = _met(e, points, facts, met, places)
    if e.findings is not None:
        steps = e.ladder or Ladder(None)
        taken = steps.climb(findings(facts.value(e.findings), e.findings), points, left=earned)
        earned -= sum((d.points for d in taken), ZERO)
        why += [d.reason for d in taken]
    return earned, why


def _not_applicable(e: Element, facts: FactView) -> str | None:
    """The reason element `e` does not apply, when the facts give one."""
    if e.not_applicable is None:
        return None
    try:
        reason = facts.fact(e.not_applicable)
    except ScoringError:  # an optional fact left out: the element applies
        return None
    return reason.strip() or None if isinstance(reason, str) else None


# An element as scored, a plain tuple (one per element of every checklist scored, so made cheaply):
# (element, its points, what it earned, why it lost any, why it does not apply or None,
#  the earned points and each rounding of them when rounded per element or None).
_Scored = tuple[Element, Decimal, Decimal, list[str], str | None, list[Decimal] | None]

_MET: list[str] = []  # why an element met in full lost nothing (shared: never changed)


def score(rule: Checklist, weight: Decimal, facts: FactView) -> Outcome:
    rounding = rule.rounding
    per_element = rounding.elements
    odd: dict[int, _Scored] = {}  # position → each element not simply met in full (the rest are told by _found)
    deductions = []
    total = gained = ZERO  # gained: what rounding elements up added to them (round_elements)
    ready = rule.ready
    points_each = ready[1] if ready is not None and ready[0] is weight else _points(rule, weight)
    value = facts.value
    for i, e in enumerate(rule.elements):  # (not zip(…, strict=True), whose keyword costs more than indexing)
        points = points_each[i]  # one per element: made from them
        if e.not_applicable is not None and (na := _not_applicable(e, facts)) is not None:
            # not deducted: the element keeps its points, rounded as every element is when they are (QA162 F1)
            chain = rounding.chain(points) if per_element and rounding.round(points) != points else None
            kept = points if chain is None else chain[-1]
            odd[i] = (e, points, kept, _MET, na, chain)
            total += kept
            if kept < points:
                deductions.append(Deduction(points - kept, f"{e.name}不适用（{na}），按分值四舍五入"))
            gained += max(kept - points, ZERO)
            continue
        met = value(e.met) if e.met is not None else None
        # the usual element: met in full, with no findings to deduct for (a ladder's zero_at_count is 1 or more)
        if ((met is True or e.met is None) and e.judgement is None and not per_element
                and (e.findings is None or (type(found := value(e.findings)) is tuple and not found))):
            total += points
            continue
        earned, why = _earned(e, points, facts, met, rounding.places)
        chain = None
        if per_element and rounding.round(earned) != earned:  # as evaluators do: each element, then the sum
            chain = rounding.chain(earned)
            earned = chain[-1]
        if earned != points or why or chain is not None:
            odd[i] = (e, points, earned, why, None, chain)
        total += earned
        if earned < points:
            deductions.append(Deduction(points - earned, f"{e.name}：{'；'.join(why) or '四舍五入'}"))
        elif earned > points:
            gained += earned - points
    found = (rule.elements, points_each, odd)
    details = LazyMapping(_details, found, rounding)
    if not deductions:
        if not odd:
            return Outcome(total, "checklist.full", {"count": len(points_each), "not_applicable": "", "rounded": ""}, details)
        excused = any(f[4] is not None for f in odd.values())
        return Outcome(total, "checklist.full_not_applicable" if excused else "checklist.full",
                       LazyMapping(_fields, found, rounding), details)
    # elements rounded up gave back some of what the others lost: the reason names what the rounding added (QA162 F2)
    taken = settle_later(tuple(deductions), weight, total, rounding, gained)
    missed = shown_later(tuple(d.points for d in deductions), _missed_fields, found, rounding, taken,
                         (weight, total) if gained else None)
    return Outcome(total, "checklist.partial", missed, details, taken)


# What score found, kept for the reason and the details: (the elements, their points, the odd ones by position).
_Found = tuple[tuple[Element, ...], Sequence[Decimal], dict[int, _Scored]]


def _each(found: _Found) -> list[_Scored]:
    """Every element as scored, in order: an element not among the odd ones was met in full."""
    elements, points, odd = found
    return [odd.get(i) or (e, p, p, _MET, None, None) for i, (e, p) in enumerate(zip(elements, points, strict=True))]


def _missed_fields(found: _Found, rounding: Rounding, taken: Sequence[Deduction],
                   gained: tuple[Decimal, Decimal] | None) -> dict[str, object]:
    each = _each(found)
    return {**_fields_of(each, rounding), "missed": "；".join([itemised(taken, rounding), *_excused(each)]),
            "deducted": _deducted(taken, rounding), "gained": _gained(taken, *gained, rounding) if gained else ""}


def _gained(taken: Sequence[Deduction], weight: Decimal, total: Decimal, rounding: Rounding) -> str:
    """What rounding elements up added back (some did), when the deductions shown come to more than weight − the score
    shown: '，四舍五入加1分' of 7 points in four elements at precision 0, the one met half losing 0.75 (shown 1) and the
    others each rounded up from 1.75 to 2, for 7 − 1 + 1 = 7; else '' (less than a unit at the precision is none: the
    deductions are settled to add up without it, QA168 F6)."""
    more = sum((d.points for d in taken), ZERO) - (weight - min(max(rounding.round(total), ZERO), weight))
    return f"，四舍五入加{show_points(more, rounding)}分" if more >= Decimal(1).scaleb(-rounding.places) else ""


def _deducted(taken: Sequence[Deduction], rounding: Rounding) -> str:
    """The deductions' sum as the reason shows it: with the set's `precision` decimals, as `{lost}` is, or with the
    decimals they keep when one of them would show as 0 at the precision (扣0.5分, not 扣0分, of 2 points at precision 0)."""
    total = sum((d.points for d in taken), ZERO)
    exponent = total.as_tuple().exponent
    if isinstance(exponent, int) and rounding.places < -exponent <= rounding.places + MORE_PLACES:
        return plain(total)
    return fixed(total, rounding.places)


def _at_weight(rule: Checklist, weight: Decimal) -> Checklist:
    """`rule` with its elements' points out of `weight` worked out, for an indicator that scores at that very weight."""
    return rule._replace(ready=(weight, tuple(_points(rule, weight))))


def _points(rule: Checklist, weight: Decimal) -> list[Decimal]:
    """Each element's points out of `weight`. They add up to it exactly (checked as fractions when the set loads); a
    share such as 1/6 is not exact in decimals, so the last element takes the rest: six sixths of 1921 are 1921."""
    points = [e.amount.of(weight) for e in rule.elements]
    if rule.inexact:
        whole = Fraction(weight)  # points written out of the declared weight cover a different one only partly
        if sum((e.amount.exactly(whole) for e in rule.elements), Fraction(0)) == whole:
            points[-1] = weight - sum(points[:-1], ZERO)
    return points


def _excused(found: list[_Scored]) -> list[str]:
    """The elements that do not apply and lost nothing (one whose points were rounded down is among the deductions)."""
    return [f"{e.name}不适用（{na}），不扣分" for e, points, earned, _, na, _ in found if na is not None and earned >= points]


def _fields(found: _Found, rounding: Rounding) -> dict[str, object]:
    return _fields_of(_each(found), rounding)


def _fields_of(found: list[_Scored], rounding: Rounding) -> dict[str, object]:
    rounded = any(f[5] is not None for f in found)
    return {"count": len(found), "not_applicable": "；".join(_excused(found)),
            "rounded": f"（各要点得分{rounding.words()}四舍五入后相加）" if rounded else ""}


def _details(found: _Found, rounding: Rounding) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    rounded = False
    for e, points, earned, why, na, chain in _each(found):
        row = ({"name": e.name, "points": points, "earned": earned, "not_applicable": na} if na is not None
               else {"name": e.name, "points": points, "earned": earned, "reasons": list(why)})
        if chain is not None:
            row["rounding"] = chain
            rounded = True
        rows.append(row)
    details: dict[str, Any] = {"elements": rows}
    if rounded:
        details["rounded_elements"] = rounding.words()
    return details


_FIELDS = ("count", "not_applicable", "rounded")

TEMPLATES = {
    "checklist.full": Template("要点均已满足（共{count}项），得满分{score}分{rounded}", _FIELDS),
    "checklist.full_not_applicable": Template("{not_applicable}；其余要点均已满足（共{count}项），得满分{score}分{rounded}",
                                              _FIELDS),
    "checklist.partial": Template("{missed}；扣{deducted}分{gained}，得{score}分{rounded}",
                                  (*_FIELDS, "missed", "deducted", "gained")),
}


def steps(s: Story) -> list[str]:
    lines = []
    for element in s.details.get("elements", []):
        rounded = f"（{rounding_chain(element['rounding'])}）" if "rounding" in element else ""
        if "not_applicable" in element:
            kept = f"，得{show_number(element['earned'])}分{rounded}" if rounded else ""
            lines.append(f"{element['name']}：{show_number(element['points'])}分，不适用（{element['not_applicable']}），"
                         f"不扣分{kept}")
            continue
        why = f"：{'；'.join(element.get('reasons', []))}" if element.get("reasons") else ""
        lines.append(f"{element['name']}：{show_number(element['points'])}分，得{show_number(element['earned'])}分{rounded}{why}")
    earned = [show_number(e["earned"]) for e in s.details.get("elements", [])]
    if "rounded_elements" in s.details:
        lines.append(f"各要点得分{s.details['rounded_elements']}四舍五入后相加")
    if earned:
        lines.append(f"原始得分 = {' + '.join(earned)} {equals_text(s.raw)}")
    return lines


KIND = RuleKind(name="checklist", chinese_name="要点计分", params=Checklist, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"elements", "rounded_elements"}),
                points=(("elements", "points"),), at_weight=_at_weight,
                formulas=(("elements", "*", "met"), ("elements", "*", "findings")))
