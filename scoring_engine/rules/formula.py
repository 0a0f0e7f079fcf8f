"""Rule kind ``formula``: an expression giving the score, or a rate in [0, 1] times the weight."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, fixed, plain
from .._display import equals_after, equals_text, rate_shown, show_value
from ..formulas import Formula
from ._base import FactView, Outcome, RuleKind, RuleSpec, Story, Template, equation_rate, reads, shown_later


class FormulaRule(NamedTuple):
    """An expression giving the score, or a rate in [0, 1] times the weight."""

    expr: Formula
    is_rate: bool
    rounding: Rounding = Rounding(2)  # the set's: the value in the reason at its precision
    shown: str = ""  # the formula as the reason says it: a labelled value read alone by its label (QA271 F4)

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> FormulaRule | None:
        if ("score" in spec) == ("rate" in spec):
            b.problem("give exactly one of score (points) or rate (share of the weight)")
            return None
        key = "rate" if "rate" in spec else "score"
        expr = b.formula(key, gives="number")
        if expr is None:
            return None
        label = b.label(expr.text) if expr.names == {expr.text} else None
        return cls(expr, key == "rate", b.rounding, label or expr.text)

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.expr)


def score(rule: FormulaRule, weight: Decimal, facts: FactView) -> Outcome:
    value = facts.number(rule.expr, "the formula")
    if rule.is_rate:
        return Outcome(value * weight, "formula.rate", shown_later((value,), _rate_fields, rule, value, weight), {"rate": value})
    return Outcome(value, "formula.score", shown_later((value,), _value_fields, rule, value), {"value": value})


def _rate_fields(rule: FormulaRule, value: Decimal, weight: Decimal) -> dict[str, object]:
    # the product as computed: a rate above 100% gives more than the weight, which the reason then says is clamped; so
    # clamped, no stage gives the score, and the product is rounded once, as the 计算值 beside it (QA68 F1)
    product = weight * value
    read = rule.rounding.as_read(product) if ZERO <= product <= weight else rule.rounding.straight
    return {"formula": rule.shown or rule.expr.text, "rate": equation_rate(value, lambda r: read(weight * r)),
            "product": fixed(read(product), rule.rounding.places)}


def _value_fields(rule: FormulaRule, value: Decimal) -> dict[str, object]:
    return {"formula": rule.shown or rule.expr.text, "value": rule.rounding.show(value)}


TEMPLATES = {
    "formula.score": Template("按公式 {formula} 计算得{score}分", ("formula", "value")),
    "formula.rate": Template("按公式 {formula} 得比率{rate}，得分 = {weight} × {rate} = {product}分",
                             ("formula", "rate", "product")),
}


def steps(s: Story) -> list[str]:
    key = "rate" if "rate" in s.spec else "score"
    expression = str(s.spec.get(key, ""))
    value = s.details.get(key if key == "rate" else "value")
    lines = [f"{'比率' if key == 'rate' else '得分'} = {expression}", f"    = {s.sub(expression)}",
             f"    {equals_text(show_value(value))}"]
    if key == "rate" and isinstance(value, Decimal):
        lines.append(f"原始得分 = 分值 {plain(s.weight)} × {rate_shown(value)} {equals_after(rate_shown(value), s.raw)}")
    return lines


KIND = RuleKind(name="formula", chinese_name="公式", params=FormulaRule, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"rate", "value"}), formulas=(("score",), ("rate",)))
