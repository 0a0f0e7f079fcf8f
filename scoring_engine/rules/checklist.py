"""Rule kind ``checklist``: elements (要点) each worth part of the weight, decided by an expression or a judgement."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ONE, ZERO, percent, plain
from .._display import equals_text
from ..errors import ScoringError
from ..formulas import Formula
from ..judgements import Judgement
from ._base import (Amount, Deduction, FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template, amount, findings,
                    reads, shown_later)


class Element(NamedTuple):
    name: str
    amount: Amount  # of the indicator's weight
    met: Formula | None
    judgement: str | None
    findings: Formula | None
    each: Amount | None  # of the element's points
    missed: str | None  # the reason written in the set for a miss


def _element(raw: Mapping[str, Any], i: int, worth: Amount | None, b: RuleSpec) -> Element:
    """Element `i` as written, each of its problems recorded."""
    if not any(k in raw for k in ("met", "judgement", "findings")):
        b.problem("an element needs met (expression), judgement (fact) or findings (fact)", "elements", i)
    if "met" in raw and "judgement" in raw:
        b.problem("give met or judgement, not both", "elements", i)
    each = None
    if "findings" in raw:
        each = amount(raw, b, "elements", i, points="points_each", share="share_each")
    elif "points_each" in raw or "share_each" in raw:
        b.problem("points_each and share_each go with findings", "elements", i)
    return Element(
        name=raw["name"],
        amount=worth or Amount(ZERO, False),
        met=b.formula("elements", i, "met") if "met" in raw else None,
        judgement=b.fact("elements", i, "judgement", types=("judgement",)) if "judgement" in raw else None,
        findings=b.formula("elements", i, "findings") if "findings" in raw else None,
        each=each,
        missed=raw.get("reason"),
    )


class Checklist(NamedTuple):
    """Elements (要点) each worth part of the weight, decided by an expression or an evaluator's judgement."""

    elements: tuple[Element, ...]

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Checklist | None:
        raws = spec["elements"]
        given = [("points" in r or "share" in r) for r in raws]
        if any(given) and not all(given):
            b.problem("give points (or share) for every element, or for none (equal shares)", "elements")
            return None
        elements = [_element(raw, i, amount(raw, b, "elements", i) if any(given) else Amount(ONE / len(raws), True), b)
                    for i, raw in enumerate(raws)]
        if any(given) and (b.weight is not None or b.rows):  # (a broken weight is reported elsewhere)
            whole = b.weight if b.weight is not None else ONE
            total = sum((e.amount.of(whole) for e in elements), ZERO)
            if total != whole:
                what = (f"points add up to {plain(total)}, not the weight" if b.weight is not None
                        else f"shares add up to {plain(total)}, not")
                b.problem(f"element {what} {plain(whole)}", "elements",
                          hint="make the elements' points add up to the weight, or their shares to 1")
        return cls(tuple(elements))

    @property
    def reads(self) -> frozenset[str]:
        names = reads(*(f for e in self.elements for f in (e.met, e.findings)))
        return names | {e.judgement for e in self.elements if e.judgement}


def _share_met(value: Any, element: Element) -> Decimal:
    if isinstance(value, bool):
        return ONE if value else ZERO
    if isinstance(value, Decimal) and ZERO <= value <= ONE:
        return value
    raise ScoringError(f"element {element.name}: met must be true/false or a share from 0 to 1, got {value}",
                       expression=element.met.text if element.met else None)


def _earned(e: Element, points: Decimal, facts: FactView, met: Any) -> tuple[Decimal, list[str]]:
    """The points element `e` earns out of `points`, and why it lost any (`met`: the value of its met expression, if any)."""
    earned, why = points, list[str]()
    if e.met is not None:
        share = _share_met(met, e)
        earned = points * share
        if share < ONE:
            why.append((e.missed or f"未满足（{e.met.text}）") if share == ZERO else f"{e.missed or '部分满足'}（得{percent(share)}）")
    if e.judgement is not None:
        judged: Judgement = facts.fact(e.judgement)
        if not ZERO <= judged.score <= points:
            raise ScoringError(f"element {e.name}: judged {plain(judged.score)} points, outside 0..{plain(points)}",
                               fact=e.judgement)
        earned = judged.score
        if earned < points:
            why.append(judged.reason)
    if e.findings is not None:
        deducted = []
        for f in findings(facts.value(e.findings), e.findings):
            deducted.append(f.points if f.points is not None else e.each.of(points))  # type: ignore[union-attr]
            why.append(f.text)
        earned = earned - sum(deducted, ZERO)
    return max(earned, ZERO), why


def score(rule: Checklist, weight: Decimal, facts: FactView) -> Outcome:
    found: list[tuple[Element, Decimal, Decimal, list[str]]] = []  # each element with its points, what it earned, and why
    deductions = []
    total = ZERO
    for e in rule.elements:
        points = e.amount.of(weight)
        met = facts.value(e.met) if e.met is not None else None
        if met is True and e.judgement is None and e.findings is None:
            earned, why = points, list[str]()  # the usual element: met in full
        else:
            earned, why = _earned(e, points, facts, met)
        found.append((e, points, earned, why))
        total += earned
        if earned < points:
            deductions.append(Deduction(points - earned, f"{e.name}：{'；'.join(why)}"))
    details = LazyMapping(lambda: {"elements": [{"name": e.name, "points": points, "earned": earned, "reasons": why}
                                                for e, points, earned, why in found]})
    if not deductions:
        return Outcome(total, "checklist.full", {"count": len(found)}, details)
    missed = shown_later(lambda: {"count": len(found),
                                  "missed": "；".join(f"{d.reason}（扣{plain(d.points)}分）" for d in deductions)},
                         *(d.points for d in deductions))
    return Outcome(total, "checklist.partial", missed, details, tuple(deductions))


TEMPLATES = {
    "checklist.full": Template("要点均已满足（共{count}项），得满分{score}分", ("count",)),
    "checklist.partial": Template("{missed}；扣{lost}分，得{score}分", ("count", "missed")),
}


def steps(s: Story) -> list[str]:
    lines = []
    for element in s.details.get("elements", []):
        why = f"：{'；'.join(element.get('reasons', []))}" if element.get("reasons") else ""
        lines.append(f"{element['name']}：{plain(element['points'])}分，得{plain(element['earned'])}分{why}")
    earned = [plain(e["earned"]) for e in s.details.get("elements", [])]
    if earned:
        lines.append(f"原始得分 = {' + '.join(earned)} {equals_text(s.raw)}")
    return lines


KIND = RuleKind(name="checklist", chinese_name="要点计分", params=Checklist, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"elements"}),
                points=(("elements", "points"),))
