"""Rule kind ``tiers``: qualitative tiers, each a range of shares of the weight; the facts give tier, score and reason."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, percent, plain, round_half_up
from .._frozen import EMPTY, ReadOnly
from .._intervals import Interval, gaps_and_overlaps
from .._text import listing, quoted
from ..errors import ADD_THE_FACT, ScoringError, did_you_mean
from ..judgements import TierJudgement
from ._base import FactView, Outcome, RuleKind, RuleSpec, Story, Template, shown_later

#: The tiers of a rule that names none: the national framework's three (达成、部分达成、未达成).
DEFAULT_TIERS = (("达成年度指标", Decimal("0.8")), ("部分达成并具有一定效果", Decimal("0.6")), ("未达成且效果较差", ZERO))


class Tiers(NamedTuple):
    """Qualitative tiers, each a range of shares of the weight; the facts give tier, score and reason."""

    fact: str
    tiers: tuple[tuple[str, Interval], ...]
    synonyms: Mapping[str, str] = EMPTY  # another wording → the tier's label
    rounding: Rounding = Rounding(2)  # the set's: the tier's range is shown at its precision
    # (a weight, each tier's low and high points of it and the same as printed): `at_weight`, worked out once per set
    ready: tuple[Decimal, Mapping[str, tuple[Decimal, Decimal, Decimal, Decimal]]] | None = None

    def tier_named(self, written: str) -> str | None:
        """The tier label `written` names, directly or as a declared synonym (spaces around it ignored)."""
        word = written.strip()
        return word if word in dict(self.tiers) else self.synonyms.get(word)

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Tiers | None:
        fact = b.fact("fact", types=("tier",))
        raws = spec.get("tiers")
        pairs = list(DEFAULT_TIERS) if raws is None else [(r["label"], Decimal(r["min"])) for r in raws]
        written = sorted(range(len(pairs)), key=lambda i: pairs[i][1], reverse=True)  # (stable: as written where equal)
        pairs = [pairs[i] for i in written]
        tiers = []
        for i, (label, low) in enumerate(pairs):
            high = pairs[i - 1][1] if i else None
            tiers.append((label, Interval(low, high)))
        if pairs and pairs[-1][1] != 0:
            b.problem(f"tiers leave a gap from 0 to {percent(pairs[-1][1])}", "tiers",
                      hint="the lowest tier must start at min: 0")
        if not _same_mins(pairs, written, b):
            for i, message in gaps_and_overlaps([t[1] for t in tiers], percent):
                b.problem(f"tier {tiers[i][0]}: {message}", "tiers")
        if len({t[0] for t in tiers}) != len(tiers):
            b.problem("two tiers have the same label", "tiers")
        synonyms = _synonyms(spec.get("synonyms") or {}, [t[0] for t in tiers], b)
        return cls(fact, tuple(tiers), ReadOnly(synonyms), b.rounding) if fact else None

    @property
    def reads(self) -> frozenset[str]:
        return frozenset({self.fact})


def _same_mins(pairs: list[tuple[str, Decimal]], written: list[int], b: RuleSpec) -> bool:
    """Whether two tiers (`pairs`, from the highest min; `written`, where each is in the set) start at the same min, each
    such said at the later one's min: the author wrote no max, so 'range min 80% is not below its max 80%' named none
    they wrote (QA309 5)."""
    found = False
    for i in range(1, len(pairs)):
        if pairs[i][1] == pairs[i - 1][1]:
            found = True
            b.problem(f"tier {pairs[i][0]}: min {percent(pairs[i][1])} is the min of tier {pairs[i - 1][0]} too, which "
                      "leaves it no range", "tiers", written[i], "min",
                      hint=f"give tier {pairs[i][0]} a smaller min: a tier runs from its min up to the min of the tier above it")
    return found


def _synonyms(raw: Mapping[str, Any], labels: list[str], b: RuleSpec) -> dict[str, str]:
    """Synonym → tier label; each synonym names one tier, and no synonym is another tier's label."""
    found: dict[str, str] = {}
    for label, words in raw.items():
        if label not in labels:
            b.problem(f"synonyms name tier {label!r}, which the rule does not have", "synonyms", label,
                      hint=did_you_mean(label, labels, show=repr) or listing("tiers: " + ", ".join(labels), labels))
            continue
        for given in words:
            word = given.strip()
            if word in labels:
                b.problem(f"synonym {word!r} of tier {label} is the label of a tier", "synonyms", label,
                          hint="remove it: a tier's label already names that tier")
            elif word in found and found[word] != label:
                b.problem(f"synonym {word!r} is given to two tiers ({found[word]} and {label})", "synonyms", label)
            found[word] = label
    return found


def score(rule: Tiers, weight: Decimal, facts: FactView) -> Outcome:
    judged: TierJudgement = facts.fact(rule.fact)
    if not isinstance(judged, TierJudgement):  # a target row with a score and a reason but no tier: what it lacks is said
        raise ScoringError(f"fact {rule.fact} is missing", fact=rule.fact, hint=ADD_THE_FACT)
    ranges = dict(rule.tiers)
    word = judged.tier.strip()
    tier = word if word in ranges else rule.synonyms.get(word)  # rule.tier_named, with the ranges at hand
    if tier is None:
        def wording(close: str) -> str:  # a close synonym is shown with the tier it stands for
            return f"{close!r} (a wording of {rule.synonyms[close]})" if close in rule.synonyms else repr(close)

        said = judged.tier.strip()
        alike = [c for c in [*ranges, *rule.synonyms] if _sense(said) == _sense(c)]
        hint = did_you_mean(said, alike, cutoff=0.5, show=wording)
        synonyms = list(rule.synonyms)
        raise ScoringError(listing(f"tier {quoted(judged.tier)} is not one of: {', '.join(ranges)}", list(ranges)),
                           fact=rule.fact, path=f"$.facts.{rule.fact}.tier",
                           hint=hint or (listing("synonyms the set accepts: " + ", ".join(synonyms), synonyms) if synonyms
                                         else "write one of these tiers in the facts"))
    worded = judged.worded.strip() if judged.worded is not None else None
    if worded is not None and (worded if worded in ranges else rule.synonyms.get(worded)) != tier:
        raise ScoringError(f"actual {quoted(worded)} and tier {quoted(judged.tier)} disagree", fact=rule.fact,
                           path=f"$.facts.{rule.fact}.tier", hint="give the tier once")
    judged = TierJudgement(tier, judged.score, judged.reason) if tier != judged.tier else judged
    iv = ranges[tier]
    (low, high, low_shown, high_shown), printed, inside = _placed(rule, tier, weight, judged.score)
    if not inside and iv.high is None and printed <= high_shown and judged.score > high:  # 20.004 of 20: above the weight
        raise ScoringError(f"score {plain(judged.score)} is above the weight {plain(high)}", fact=rule.fact,
                           path=f"$.facts.{rule.fact}.score", hint="pick a score inside the tier or change the tier")
    if not inside:
        closing = "]" if iv.high is None else ")"
        given = plain(judged.score) if printed == judged.score else f"{plain(judged.score)} ({printed:f} as printed)"
        raise ScoringError(f"score {given} is outside tier {judged.tier} [{plain(low_shown)}, "
                           f"{plain(high_shown)}{closing}", fact=rule.fact, path=f"$.facts.{rule.fact}.score",
                           hint="pick a score inside the tier or change the tier" if printed == judged.score
                           else _printed_hint(rule.rounding.places, low_shown, high_shown, iv.high is None))
    fields = shown_later((low, high), _fields, rule, judged, low_shown, high_shown, word if word != tier else None)
    scored = rule.rounding.round(judged.score) if rule.rounding.stages else printed  # without stages, the score as printed
    key = "tiers" if scored == judged.score else "tiers.rounded"  # 2.5 at precision 0: said
    return Outcome(judged.score, key, fields, {"tier": judged.tier, "low": low, "high": high, "reason": judged.reason})


#: Words that turn a tier's sense: a suggestion must agree on each (全部达成 is one character from 部分达成, and its opposite).
_SENSE_MARKS = ("部分", "未", "不", "没")
#: Wordings of 'partly' that the marks alone would read as 'not' (未全部达成 is not 未达成) or miss (部份, a common variant).
_PARTLY = ("部份", "未全部", "未完全", "不完全", "没有全部")


def _sense(text: str) -> frozenset[str]:
    """The sense marks of a tier's wording, by which a suggestion is kept to tiers of the same sense."""
    if any(word in text for word in _PARTLY):
        return frozenset({"部分"})
    return frozenset(mark for mark in _SENSE_MARKS if mark in text)


#: Decimals a tier's bounds keep, at the least, whatever the set's precision: 60% and 80% of 3 points are 1.8 and 2.4;
#: at precision 0 both would be 2, the tier between them would hold no score, and 1.6 (shown 2) would pass for 2.4–3.
_BOUND_PLACES = 2


def _placed(rule: Tiers, tier: str, weight: Decimal, score: Decimal) -> tuple[tuple[Decimal, Decimal, Decimal, Decimal],
                                                                             Decimal, bool]:
    """`tier`'s low and high points of `weight` (and as printed), `score` as printed, and whether it is inside the tier.

    The tier is enforced as the reports print it, at the rule's decimals: 80% of 13.33 is 10.664, shown and accepted as
    10.66; and so is the score: 7.995 in [6, 8) prints as 8.00, the least of the tier above. (The top tier's end is the
    weight itself: 10.004 of 10 prints 10.00, but no one scores above the weight.)
    """
    iv = dict(rule.tiers)[tier]
    bounds = rule.ready[1][tier] if rule.ready is not None and rule.ready[0] == weight else \
        _bounds(iv, weight, rule.rounding.places)
    _, high, low_shown, high_shown = bounds
    printed = round_half_up(score, rule.rounding.places)
    inside = low_shown <= printed <= high_shown and score <= high if iv.high is None else low_shown <= printed < high_shown
    return bounds, printed, inside


def _printed_hint(places: int, low: Decimal, high: Decimal, top: bool) -> str:
    """Which scores a tier takes as the set prints them, for a score refused as printed (2.4 of [2.4, 3] prints 2 at
    precision 0: the tier takes 3 alone, 2.5 to 3: QA253 F3)."""
    step = Decimal(1).scaleb(-places)
    first = (low / step).to_integral_value(ROUND_CEILING) * step
    last = (high / step).to_integral_value(ROUND_FLOOR) * step if top else \
        ((high / step).to_integral_value(ROUND_CEILING) - 1) * step
    if first > last:
        return f"no score printed to {places} decimals is inside this tier: change the tier"
    taken = plain(first) if first == last else f"{plain(first)}–{plain(last)}"
    return f"scores are printed to {places} decimals, and this tier takes those printed {taken}: pick one, or change the tier"


def inside_tier(rule: Tiers, tier: str, weight: Decimal, score: Decimal) -> bool:
    """Whether `score` out of `weight` is inside `tier` (a label of the rule's) as scoring checks it."""
    return _placed(rule, tier, weight, score)[2]


def _bounds(iv: Interval, weight: Decimal, places: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """A tier's low and high points out of `weight`, and the same as printed: at `places` decimals, or two when fewer
    (80% of 13.33 is 10.664, printed 10.66, which a score may be)."""
    low = iv.low * weight  # type: ignore[operator]
    high = weight if iv.high is None else iv.high * weight
    kept = max(places, _BOUND_PLACES)
    return low, high, round_half_up(low, kept), round_half_up(high, kept)


def _at_weight(rule: Tiers, weight: Decimal) -> Tiers:
    """`rule` with each tier's bounds out of `weight` worked out, for an indicator that scores at that very weight."""
    places = rule.rounding.places
    return rule._replace(ready=(weight, MappingProxyType({label: _bounds(iv, weight, places) for label, iv in rule.tiers})))


def _fields(rule: Tiers, judged: TierJudgement, low: Decimal, high: Decimal, written: str | None) -> dict[str, object]:
    """The reason's fields; `low` and `high` as printed (at the set's precision, or with the decimals it would lose); a tier
    written as a synonym as the unit wrote it, then the set's tier (基本达成目标，即达成年度指标: QA97 F2)."""
    tier = f"{written}，即{judged.tier}" if written else judged.tier
    shown = _shown(high, rule)
    # a tier below the top takes scores up to its high end, not it: 9–12分 of a standard's 60%（含）–80%（不含）took 12 in
    # the unit's own reading, and was refused (QA260 F5)
    excluded = "" if dict(rule.tiers)[judged.tier].high is None else f"，不含{shown}分"
    return {"tier": tier, "low": _shown(low, rule), "high": shown, "excluded": excluded, "reason": judged.reason,
            "judged": plain(judged.score)}


def _shown(bound: Decimal, rule: Tiers) -> str:
    at_precision = rule.rounding.show(bound)
    return at_precision if Decimal(at_precision) == bound else plain(bound)


TEMPLATES = {
    "tiers": Template("{tier}（{low}–{high}分{excluded}），得{score}分：{reason}", ("tier", "low", "high", "excluded", "reason")),
    "tiers.rounded": Template("{tier}（{low}–{high}分{excluded}），评价人判断得{judged}分，四舍五入得{score}分：{reason}",
                              ("tier", "low", "high", "excluded", "judged", "reason")),
}


def steps(s: Story) -> list[str]:
    d = s.details
    top = d["high"] >= s.weight  # the top tier takes its high end, the weight; a tier below it does not (QA260 F5)
    return [f"评价组选定档次：{d.get('tier')}（该档 {plain(d['low'])}–{plain(d['high'])} 分{'' if top else '，不含上限'}）",
            f"在档内选定 {s.raw} 分，理由：{d.get('reason')}"]


KIND = RuleKind(name="tiers", chinese_name="定性分档", params=Tiers, score=score, templates=TEMPLATES,
                steps=steps, shown=frozenset({"tier", "low", "high", "reason"}), at_weight=_at_weight)
