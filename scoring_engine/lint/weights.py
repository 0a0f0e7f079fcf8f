"""Weights against what the set declares about them, beyond the weight rules a load already enforces.

The weight rules (``weight_rules:``) are checked whenever the set loads, so a
set that loads keeps them, and lint does not repeat them. What a load cannot
see:

- ``no_bonus`` is checked only when a project is scored: a formula (or a panel
  whose reviewers' scores are not bounded by its scale) that can give more than
  its weight is refused then, for that project; lint says so beforehand;
- a ``level`` rule about a level deeper than the tree checks nothing (a level
  removed while the rule stayed);
- a weight written in words: an indicator named "产出指标（50分）" that weighs
  40. (A form's block label that carries a weight, "预算执行情况（10分）", is
  printed with the set's: `forms.layout.label_with_weight`.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from .._arith import plain
from ..model import Indicator, IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .ranges import Ranges
from .values import NUMERIC, Value
from .._patterns import compile_later

__all__ = ["BONUS", "BONUS_UNBOUNDED", "EMPTY_LEVEL", "LABEL_NAME", "weights"]

BONUS = ("may score {high}, above its weight {weight}: the set declares no bonus points (weight rule {rule}), "
         "so such a project is refused")
BONUS_UNBOUNDED = ("nothing keeps its score at or below its weight {weight}: the set declares no bonus points "
                   "(weight rule {rule}), so a project scoring more is refused")
BONUS_HINT = "cap the score, e.g. min(…, {weight})"
RATE_BONUS_HINT = "cap the rate (a share of the weight), e.g. min(…, 1)"  # not the weight: QA139 F1
EMPTY_LEVEL = "weight rule {rule} is about the indicators at level {level}, but the set's deepest level is {depth}"
EMPTY_LEVEL_HINT = "correct the level, or remove the rule: it checks nothing"
LABEL_NAME = "its name {name} says {stated} points, but it weighs {weight}"
LABEL_HINT = "make the label and the weight agree"

_POINTS_IN_LABEL = compile_later(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")


def weights(indicator_set: IndicatorSet, rules: list[RuleAt], ranges: Ranges, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each score that no_bonus would refuse, each empty level rule, each weight a label contradicts."""
    raw = locator.located.data.get("weight_rules") if locator.located and isinstance(locator.located.data, Mapping) else None
    declared = [r for r in raw if isinstance(r, Mapping)] if isinstance(raw, list) else []
    if indicator_set.no_bonus:
        said = next((_said(i, r) for i, r in enumerate(declared) if r.get("no_bonus")), "no_bonus")
        for at in rules:
            yield from _bonus(ranges.weighing(at.weight), at, said, locator)
    depth = _depth(indicator_set.indicators)
    for i, rule in enumerate(declared):
        level = rule.get("level")
        if isinstance(level, int) and level > depth:
            yield locator.warning("weight-rule-empty", ("weight_rules", i, "level"), EMPTY_LEVEL,
                                  {"rule": _said(i, rule), "level": level, "depth": depth}, EMPTY_LEVEL_HINT)
    yield from _labels(indicator_set, locator)


def _said(i: int, rule: Mapping[str, Any]) -> str:
    """'weight rule 3', or 'weight rule 3 (不设置加分项)' when the rule names its source."""
    return f"{i + 1}" + (f" ({rule['source']})" if isinstance(rule.get("source"), str) else "")


def _depth(nodes: tuple[Indicator, ...]) -> int:
    return max((1 + _depth(n.children) for n in nodes), default=0)


def _bonus(ranges: Ranges, at: RuleAt, said: str, locator: Locator) -> Iterator[LintWarning]:
    """The score's highest value, when it can pass the weight: formulas and panels (other kinds stay within it)."""
    if at.weight is None:
        return
    high = _highest(ranges, at)
    if high is None or high <= at.weight:
        return
    fields = {"weight": plain(at.weight), "rule": said}
    message = BONUS if high.is_finite() else BONUS_UNBOUNDED
    if high.is_finite():
        fields["high"] = plain(high)
    rate = at.rule.kind == "formula" and at.rule.params.is_rate
    yield locator.warning("weight-bonus", at.path, message, fields, RATE_BONUS_HINT if rate else BONUS_HINT,
                          indicator=at.indicator)


def _highest(ranges: Ranges, at: RuleAt) -> Decimal | None:
    """The highest raw score the rule can give (∞ when unbounded), or None for kinds that never pass the weight."""
    params: Any = at.rule.params
    weight = at.weight if at.weight is not None else Decimal(0)
    if at.rule.kind == "formula":
        value = ranges.of(params.expr.tree)
        return _times(value, weight) if params.is_rate else value.high if value.kind in NUMERIC else None
    if at.rule.kind == "panel":
        scale = params.scale if params.scale is not None else weight
        if scale <= 0:
            return None
        formulas = [params.scores] if params.scores is not None else [p.score for p in params.parts]
        tops = [ranges.of(f.tree).high for f in formulas]
        return max(tops) / scale * weight if all(t.is_finite() for t in tops) else Decimal("Infinity")
    return None


def _times(value: Value, weight: Decimal) -> Decimal | None:
    if value.kind not in NUMERIC:
        return None
    return value.high * weight if value.high.is_finite() else Decimal("Infinity")


def _labels(indicator_set: IndicatorSet, locator: Locator) -> Iterator[LintWarning]:
    """Weights written in an indicator's name."""
    for node in indicator_set.walk():
        found = _POINTS_IN_LABEL.search(node.name)
        if found and Decimal(found.group(1)) != node.weight:
            yield locator.warning("weight-label", (*locator.indicator(node.id), "name"), LABEL_NAME,
                                  {"name": node.name, "stated": found.group(1), "weight": plain(node.weight)}, LABEL_HINT,
                                  indicator=node.id)
