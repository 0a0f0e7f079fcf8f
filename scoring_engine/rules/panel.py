"""Rule kind ``panel``: reviewers' scores combined: mean, trimmed mean, or weighted parts (现场 60% + 材料 40%)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, exact, fixed, percent, plain, round_half_up, to_decimal, to_decimal_or_none, written
from .._display import equals_text, show_number
from ..errors import ScoringError
from ..formulas import Formula
from ._base import FactView, LazyMapping, Outcome, RuleKind, RuleSpec, Story, Template, reads, shown_later
from ._deductions import MORE_PLACES


class Part(NamedTuple):
    name: str
    share: Decimal
    score: Formula


class Panel(NamedTuple):
    """Reviewers' scores combined: mean, trimmed mean, or weighted parts (现场 60% + 材料 40%)."""

    method: str
    scores: Formula | None
    trim: int
    parts: tuple[Part, ...]
    scale: Decimal | None  # the reviewers' full mark; None: the indicator's weight
    rounding: Rounding = Rounding(2)  # the set's: numbers in the reason at its precision

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Panel | None:
        method = spec["method"]
        scale = to_decimal_or_none(spec.get("scale"))
        if method == "weighted":
            return cls._weighted(spec, b, scale)
        if "scores" not in spec or "parts" in spec:
            b.problem(f"method {method} takes scores (a list fact of the reviewers' scores), not parts")
            return None
        trim = spec.get("trim", 1 if method == "trimmed_mean" else 0)
        if method == "mean" and "trim" in spec:
            b.problem("trim goes with method trimmed_mean", "trim")
        scores = b.formula("scores", gives="list")
        return cls(method, scores, trim, (), scale, b.rounding) if scores else None

    @classmethod
    def _weighted(cls, spec: Mapping[str, Any], b: RuleSpec, scale: Decimal | None) -> Panel | None:
        if "trim" in spec:
            b.problem("trim goes with method trimmed_mean", "trim")
        if "parts" not in spec or "scores" in spec:
            b.problem("method weighted takes parts (name, share, score), not scores")
            return None
        parts = [(p["name"], exact(p["share"]), b.formula("parts", i, "score", gives="number"))
                 for i, p in enumerate(spec["parts"])]
        for i, (_, share, _) in enumerate(parts):
            if share == 0:
                b.problem("a part's share must be above 0", "parts", i, "share")
        total = sum((share for _, share, _ in parts), exact(0))
        if total != 1:
            b.problem(f"part shares add up to {written(total)}, not 1", "parts", hint="make the parts' shares add up to 1")
        scored = tuple(Part(name, to_decimal(share), formula) for name, share, formula in parts if formula is not None)
        return cls("weighted", None, 0, scored, scale, b.rounding) if len(scored) == len(parts) else None

    @property
    def reads(self) -> frozenset[str]:
        return reads(self.scores, *(p.score for p in self.parts))


def _share(share: Decimal) -> str:
    """A part's share as a percentage: 60%, or 33.33% for a third."""
    return percent(share, 0) if share * 100 == (share * 100).to_integral_value() else percent(share)


def _weighted(rule: Panel, facts: FactView) -> tuple[Decimal, list[tuple[Part, Decimal]]]:
    values = [(p, facts.number(p.score, f"part {p.name}")) for p in rule.parts]
    return sum((p.share * v for p, v in values), ZERO), values


def _weighted_fields(rule: Panel, values: list[tuple[Part, Decimal]]) -> dict[str, object]:
    return {"parts": "，".join(f"{p.name}{_given(rule.rounding, v)}分×{_share(p.share)}" for p, v in values)}


def _weighted_details(values: list[tuple[Part, Decimal]], combined: Decimal) -> dict[str, Any]:
    return {"parts": [{"name": p.name, "share": p.share, "score": v} for p, v in values], "combined": combined}


def _reviewers(rule: Panel, scores: Formula, facts: FactView) -> tuple[Decimal, tuple[Decimal, ...], list[Decimal]]:
    raw = facts.value(scores)
    if not isinstance(raw, tuple) or not all(isinstance(v, Decimal) for v in raw):
        raise ScoringError("scores must be a list fact of numbers", expression=scores.text)
    ordered = sorted(raw)
    kept = ordered[rule.trim: len(ordered) - rule.trim] if rule.trim else ordered
    # too few scores is the facts' problem: said of the fact the list is, not at the set's line (QA276 F6)
    fact = dict(fact=scores.text, path=f"$.facts.{scores.text}") if scores.names == {scores.text} else {}
    if not raw and not rule.trim:  # a plain mean trims nothing: its words are of no scores given (QA253 F4)
        raise ScoringError("no reviewers' scores are given", expression=scores.text,
                           hint="give each reviewer's score in the list", **fact)
    if not kept:
        raise ScoringError(f"{len(raw)} reviewers' scores leave none after trimming {rule.trim} from each end",
                           expression=scores.text, **fact,
                           hint=f"give at least {2 * rule.trim + 1} reviewers' scores: the panel's standard drops the highest "
                                f"and the lowest {rule.trim}")
    return sum(kept, ZERO) / len(kept), raw, kept


def _fields(rule: Panel, own: dict[str, object], combined: Decimal, scale: Decimal, weight: Decimal) -> dict[str, object]:
    return {**own, "combined": _combined(rule.rounding, combined, scale, weight), "scale": plain(scale)}


def score(rule: Panel, weight: Decimal, facts: FactView) -> Outcome:
    scale = rule.scale if rule.scale is not None else weight
    if rule.scores is None:
        combined, values = _weighted(rule, facts)
        key = "panel.weighted"
        numbers = tuple(v for _, v in values)
        own: Mapping[str, object] = LazyMapping(_weighted_fields, rule, values)
        details: Mapping[str, Any] = LazyMapping(_weighted_details, values, combined)
    else:
        combined, raw, kept = _reviewers(rule, rule.scores, facts)
        key = "panel.trimmed_mean" if rule.method == "trimmed_mean" else "panel.mean"
        numbers = ()
        own, details = {"count": len(raw), "trim": rule.trim}, {"scores": list(raw), "kept": kept, "combined": combined}
    # the fields worked out when the reason is read; now where a number is too large to be sure that will work
    fields = shown_later((combined, scale, *numbers), _fields, rule, own, combined, scale, weight)
    return Outcome(combined / scale * weight, key, fields, details)


def _given(rounding: Rounding, value: Decimal) -> str:
    """A part's score as given: at the set's precision when that keeps it or it has more than MORE_PLACES more decimals
    (84.5 at precision 0 is 84.5, not 85)."""
    kept = round_half_up(value, rounding.places) == value or round_half_up(value, rounding.places + MORE_PLACES) != value
    return rounding.show(value) if kept else plain(value)


def _combined(rounding: Rounding, combined: Decimal, scale: Decimal, weight: Decimal) -> str:
    """The combined score with the decimals that make ÷ scale × weight give the score on paper: at the set's precision
    where they do (82.80), else with as many more as it takes (平均84.5分（满分100），折合8分 at precision 0, not 平均85分);
    marked ≈ where none do (a mean of thirds whose exact score lies on a half: QA68 F4). A score clamped to the weight is
    given by no stage: its 计算值 beside it is rounded once, and so is the mean's product (QA68 F5)."""
    raw = combined / scale * weight
    read = rounding.as_read(raw) if ZERO <= raw <= weight else rounding.straight
    score = read(raw)
    for places in range(rounding.places, rounding.places + MORE_PLACES + 1):
        if read(round_half_up(combined, places) / scale * weight) == score:
            return fixed(combined, places) if places == rounding.places else plain(round_half_up(combined, places))
    return "≈" + fixed(combined, rounding.places)


TEMPLATES = {
    "panel.mean": Template("{count}位评审平均{combined}分（满分{scale}），折合{score}分", ("count", "combined", "scale")),
    "panel.trimmed_mean": Template("{count}位评审去掉最高、最低各{trim}个后平均{combined}分（满分{scale}），折合{score}分",
                                   ("count", "trim", "combined", "scale")),
    "panel.weighted": Template("{parts}，加权合计{combined}分（满分{scale}），折合{score}分", ("parts", "combined", "scale")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    scale = plain(Decimal(s.spec["scale"])) if "scale" in s.spec else plain(s.weight)
    lines = []
    if "parts" in d:
        for part in d["parts"]:
            lines.append(f"{part['name']}：{plain(part['score'])}分 × {percent(part['share'], 0)}")
        lines.append(f"加权合计 {show_number(d['combined'])} 分（满分 {scale}）")
    else:
        lines.append(f"评审评分：{'，'.join(plain(v) for v in d.get('scores', []))}")
        if len(d.get("kept", [])) != len(d.get("scores", [])):
            lines.append(f"去掉最高、最低后：{'，'.join(plain(v) for v in d.get('kept', []))}")
        lines.append(f"平均 {show_number(d['combined'])} 分（满分 {scale}）")
    lines.append(f"原始得分 = {show_number(d['combined'])} ÷ {scale} × 分值 {plain(s.weight)} {equals_text(s.raw)}")
    return lines


KIND = RuleKind(name="panel", chinese_name="专家评分", params=Panel, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"parts", "scores", "kept", "combined"}),
                formulas=(("scores",), ("parts", "*", "score")))
