"""Deductions shared by the kinds: a ladder of deductions per finding, and deductions as a reason shows them.

A *ladder* is how a 评分标准 deducts for findings: "每发现一处扣1分，扣完为止",
"each miss deducts 1/3 of the element; three or more misses, the element scores
0". The deduction kind climbs it against the weight, a checklist element against
its own points.

*Settling* makes the deductions a reason shows add up to the deduction it shows
for the indicator: each is rounded to the set's precision by largest remainder
(as rescaled weights are), so 3 × 1/3 of 5/4 shows 0.42 + 0.42 + 0.41 = 1.25,
not 0.4166… three times.
"""

from __future__ import annotations

import re
from fractions import Fraction
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from .._arith import ZERO, Rounding, plain, round_half_up
from .._finding_points import points_said
from .._no_finding import says_none
from ..formulas import Finding
from ._base import Amount, Deduction, OnFirstRead, RuleSpec, amount
from ._keywords import Keywords
from .._patterns import compile_later

__all__ = ["MORE_PLACES", "Keyed", "Ladder", "itemised", "ladder", "settle", "settle_later", "show_points"]

#: Below this, a difference between the deductions and the points lost is the last of 28 digits (5/12 three times).
_NOISE = Decimal("1e-20")


class Keyed(NamedTuple):
    """Findings whose text holds one of `words` deduct `each`: 存在截留、挤占、挪用、虚列支出的，每处扣5分."""

    words: tuple[str, ...]
    each: Amount


class Ladder(NamedTuple):
    """Points per finding (or a share of the whole), floored at 0; `zero_at` or more findings take the whole."""

    each: Amount | None  # None: only findings that carry their own points deduct
    zero_at: int | None = None
    keyed: tuple[Keyed, ...] = ()  # heavier findings, told by a word of their text; the first that matches counts
    words: Keywords | None = None  # the words of `keyed`, found in a text in one pass (made by `ladder`, else by `climb`)

    def climb(self, found: tuple[Finding, ...], whole: Decimal, left: Decimal | None = None) -> tuple[Deduction, ...]:
        """Each finding's deduction from `whole`, in order, never past what is `left` (扣完为止).

        At `zero_at` findings or more, a last deduction takes whatever the findings left.
        """
        left = whole if left is None else left
        taken = []
        words = self.words or (Keywords(tuple(k.words for k in self.keyed)) if self.keyed else None)
        for f in found:
            points, reason = self._deducts(f, whole, words)
            points = min(points, left)
            left -= points
            taken.append(Deduction(points, reason))
        if self.zero_at is not None and len(found) >= self.zero_at and left > 0:
            taken.append(Deduction(left, f"达到{self.zero_at}处及以上，不得分"))
        return tuple(taken)

    def _deducts(self, f: Finding, whole: Decimal, words: Keywords | None) -> tuple[Decimal, str]:
        """What finding `f` deducts and how its deduction reads: its own points, else a keyed word's (named), else each.

        The keyed words are found in one pass over the text (`words`), so a finding costs its text's length, not the
        number of words (QA203 5: 20,000 findings against 45,000 words took 39 s)."""
        if f.points is not None:
            return f.points, _as_noted(f.text, f.points)
        if words is not None and type(f) is Finding:  # a count's 问题N has no text to read
            found = _first_stated(words, _not_denied(f.text))
            if found is not None:
                points = self.keyed[found[0]].each.of(whole)
                return points, f"{_as_noted(f.text, points)}（含“{found[1]}”）"
        points = self.each.of(whole) if self.each else ZERO
        return points, _as_noted(f.text, points)


def _as_noted(text: str, points: Decimal) -> str:
    """A finding's text for its deduction: a note of its points at its end (提前支付工程款（扣2.5分）) is said once where
    it agrees with the points taken, and where it does not, said to be set aside for the standard's: the reason read
    '（扣2.5分）（扣1分）' (QA271 F3), and a note is no way to change what the standard deducts (QA273 F2)."""
    said = points_said(text)
    if said is None:
        return text
    stated, before = said
    # 0.67 noted of a third of 2 points agrees, as printed (QA274 F5); a whole number never rounds what the standard
    # takes in part: 扣1分 noted where it takes 0.5 is said (QA278 F2)
    places = max(-int(stated.as_tuple().exponent), 0)
    agrees = stated == points or (places > 0 and round_half_up(points, places) == stated)
    return before if agrees else f"{before}（写明扣{plain(stated)}分，按评分标准计）"


def ladder(spec: Mapping[str, Any], b: RuleSpec, *path: str | int, required: bool = True) -> Ladder | None:
    """The ladder written at `path`: points_each or share_each, zero_at_count, keyword_points (None when it is broken)."""
    each = amount(spec, b, *path, points="points_each", share="share_each", required=required)
    if required and each is None:
        return None
    keyed = []
    for i, item in enumerate(spec.get("keyword_points") or ()):
        words = item.get("keywords") if isinstance(item, Mapping) else None
        worth = amount(item, b, *path, "keyword_points", i) if isinstance(words, list) else None
        if worth is None or not isinstance(words, list):  # the schema has said what is wrong with it
            return None
        keyed.append(Keyed(tuple(str(w) for w in words), worth))
    return Ladder(each, spec.get("zero_at_count"), tuple(keyed), Keywords(tuple(k.words for k in keyed)) if keyed else None)


def settle(deductions: tuple[Deduction, ...], weight: Decimal, raw: Decimal, rounding: Rounding,
           gained: Decimal = ZERO) -> tuple[Deduction, ...]:
    """The deductions as the reason shows them: each at the set's precision, adding up to weight − the score shown.

    `raw` is the score before rounding; the deductions must account for all that
    was lost (weight − raw), as the kinds that deduct make sure. Otherwise, or
    when nothing was lost, they are returned as they are. A deduction that is not
    0 never shows as 0: when one would (a third of a point at precision 0), all
    are shown with as many more decimals as it takes (at most MORE_PLACES more),
    adding up to weight − the score at those decimals (0.5 + 0.3 + 0.2 of 1.03…).

    `gained` is what rounding gave back that no deduction accounts for (a
    checklist's elements rounded up, `round_elements`): the deductions then add
    up to weight − raw + gained, and are shown adding up to weight − the score
    shown + `gained` at the precision (0.67 + 0.66 of two missed thirds of 2, the
    third met rounded up to 0.67); the reason says what the rounding added.
    """
    lost = weight - raw + gained
    points = [d.points for d in deductions]
    if not points or lost <= 0 or abs(sum(points, ZERO) - lost) > _NOISE:
        return deductions
    places = rounding.places
    gained_shown = round_half_up(gained, places)  # what the reason says the rounding added: whole units at the precision
    quantized = _settled(points, weight + gained_shown - rounding.round(raw), places)
    if not all(q or not p for q, p in zip(quantized, points, strict=True)):  # below a unit the rounding added nothing
        quantized = _more_places(points, weight + gained_shown, raw, rounding) or quantized  # said (QA168 F6)
    return tuple(Deduction(q, d.reason) for q, d in zip(quantized, deductions, strict=True))


def _more_places(points: list[Decimal], weight: Decimal, raw: Decimal, rounding: Rounding) -> list[Decimal] | None:
    """`points` with more decimals than the set's precision keeps, none of them 0, adding up to a loss that, taken from
    the weight, rounds to the score shown (3 − 0.5 is 2.5, which rounds to 3, not 2): as they are at the fewest decimals
    where they end (0.45 typed stays 0.45), else at the fewest that work (a third of a point is 0.3), else None."""
    score, read = rounding.round(raw), rounding.as_read(raw)
    fit = None
    for places in range(rounding.places + 1, rounding.places + MORE_PLACES + 1):
        for lost in (round_half_up(weight - raw, places), weight - round_half_up(raw, places)):
            quantized = _settled(points, lost, places)
            if all(q or not p for q, p in zip(quantized, points, strict=True)) and read(weight - lost) == score:
                if quantized == points:
                    return quantized
                fit = fit or quantized
    return fit


#: How many decimals past the set's precision a deduction may keep so as not to show as 0 (as a linear rule's units).
MORE_PLACES = 6


def _settled(points: list[Decimal], lost_shown: Decimal, places: int) -> list[Decimal]:
    """`points` at `places` decimals, adding up to `lost_shown` (largest remainder when they do not as they are)."""
    quantum = Decimal(1).scaleb(-places)
    quantized = [p.quantize(quantum) for p in points]
    if sum(points, ZERO) != lost_shown or quantized != points:  # some deduction has more decimals than `places` keep
        quantized = _largest_remainder(points, lost_shown, places)
    return quantized


#: The fraction of a unit of the precision below which two deductions' remainders are the same: the 28-digit noise of
#: thirds (1.333…333 and 1.333…334 of 4 points in 3 elements) is not what decides which of them shows one unit more.
_TIE = 10 ** 15


def _largest_remainder(points: list[Decimal], lost_shown: Decimal, places: int) -> list[Decimal]:
    """`points` scaled to add up to `lost_shown` at `places` decimals, by largest remainder, remainders that differ by
    noise alone tied, and ties to the earlier deduction, as docs/indicator-sets.md says (QA337 4: of 1.33…, 0.883… and
    1.33…4, the last showed 扣1.34分 by its last digit, not the first)."""
    whole = Fraction(sum(points, ZERO))
    shares = [Fraction(round(Fraction(p) * Fraction(lost_shown) / whole * 10 ** places * _TIE), _TIE) for p in points]
    floors = [share.numerator // share.denominator for share in shares]
    left = int(Fraction(lost_shown) * 10 ** places) - sum(floors)
    order = sorted(range(len(points)), key=lambda i: shares[i] - floors[i], reverse=True)  # stable: ties by order
    units = [n + (1 if i in order[:left] else 0) for i, n in enumerate(floors)]
    return [Decimal(n).scaleb(-places) for n in units]


def show_points(points: Decimal, rounding: Rounding) -> str:
    """A deduction as a reason shows it: a settled one with the decimals `settle` kept (0.3 at precision 0, where 0.3
    was taken), any other at the set's precision."""
    exponent = points.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -(rounding.places + MORE_PLACES):
        return plain(points)
    return rounding.show(points)


class _Settled(OnFirstRead, Sequence[Deduction]):
    """`settle`'s deductions, worked out on first read (the audit trail, a reason): scoring alone never needs them.

    Every number in them is at most the weight, and the weight and the precision are bounded (below 1e15, at most 6
    decimals), so settling later cannot fail where settling now would not.
    """

    __slots__ = ()

    def __init__(self, deductions: tuple[Deduction, ...], weight: Decimal, raw: Decimal, rounding: Rounding,
                 gained: Decimal = ZERO):
        super().__init__(settle, deductions, weight, raw, rounding, gained)

    def __getitem__(self, index: Any) -> Any:
        return self._value()[index]

    def __iter__(self) -> Iterator[Deduction]:
        return iter(self._value())

    def __len__(self) -> int:
        return len(self._args[0])  # as many as given: known without settling them


def settle_later(deductions: tuple[Deduction, ...], weight: Decimal, raw: Decimal, rounding: Rounding,
                 gained: Decimal = ZERO) -> Sequence[Deduction]:
    """`settle(deductions, weight, raw, rounding, gained)`, worked out when first read."""
    return _Settled(deductions, weight, raw, rounding, gained)


def itemised(deductions: Sequence[Deduction], rounding: Rounding, separator: str = "；") -> str:
    """Deductions as a reason lists them: '①…：未满足（扣0.42分）；②…（扣0.41分）'."""
    return separator.join(f"{d.reason}（扣{show_points(d.points, rounding)}分）" for d in deductions)


def _not_denied(text: str) -> str:
    """A finding's text without the clauses that deny a problem: in 不存在挤占问题，但存在超标准列支 the finding is the
    second clause, and the first took 挤占's 5 points (QA265 F5)."""
    if _DENIAL.search(text) is None:  # one pass over the text (a finding is read once: QA203 5)
        return text
    return "，".join(clause for clause in _CLAUSES.split(text) if clause and not says_none(clause))


_DENIAL = compile_later("[未无不没杜]")  # the first characters of every denial the none reader knows (未发现, 不存在, 杜绝)


def _first_stated(words: Keywords, text: str) -> tuple[int, str] | None:
    """`words.first(text)`, a keyword counting only where the text states what it names: not where it is a risk
    (存在挪用风险, 资金存在被挪用的风险) or what a guard is against (防止挤占挪用的制度) (QA280 F6), each read at its own
    place, so that 挪用…预防控制资金 and 挪用资金5万元存在风险 state the misuse (QA281 F1)."""
    for _ in range(16):  # each round blanks one word found only where guarded
        found = words.first(text)
        if found is None or _GUARD_WORDS.search(text) is None:  # the usual finding: one pass, as the words (QA203 5)
            return found
        word = found[1]
        places = [m.start() for m in re.finditer(re.escape(word), text)] if word else []
        ends: dict[int, int] = {}  # where the run of words after each place ends, walked once for all of them
        if not places or any(not _guarded(text, at, len(word), ends) for at in places):
            return found
        text = text.replace(word, "、" * len(word))  # a mark the guard before the next word reads through
    return None


_GUARD_WORDS = compile_later("风险|隐患|防")


def _guarded(text: str, at: int, length: int, ends: dict[int, int]) -> bool:
    """Whether the keyword at `at` is named as a risk right after it, or as what a guard right before it is against."""
    return _risk_after(text, at + length, ends) or _GUARD_BEFORE.search(text[max(0, at - 10):at]) is not None


def _risk_after(text: str, at: int, ends: dict[int, int]) -> bool:
    """Whether a risk is named from `at` on (挪用风险, 、挤占挪用的风险): after the run of words and marks that may come before
    it, the risk. No word of the run starts as the risk does, and none as another does, so the run is read one way only:
    its end is kept for each place in it (`ends`), and a run of 4,000 places was walked once, not once for each (QA299)."""
    walked = []
    place = at
    while place not in ends and (word := _RISK_RUN.match(text, place)) is not None:
        walked.append(place)
        place = word.end()
    end = ends.get(place, place)
    for walked_place in walked:
        ends[walked_place] = end
    return _RISK.match(text, end) is not None


#: a risk right after the word (挪用风险, 被挪用的风险, 挪用资金的风险), never a fund or a task named so (挪用风险保证金,
#: 虚列风险评估费, 挪用安全隐患整改资金: QA281 F1)
_RISK_RUN = compile_later("、|和|及|截留|挤占|挪用|虚列")
_RISK = compile_later(r"(项目)?(资金)?的?(风险|隐患)(?=$|[，,；;。较很极大高等及和与])")
# (挪用风险准备金 names a fund: QA282 F2)
#: a guard right before it, against it and its kind alone (防止挤占挪用, 防范资金被截留), never what it was done for (为防止
#: 结余资金被收回虚列支出, 以防范风险为名截留)
_GUARD_BEFORE = compile_later(r"(防止|防范)(资金|项目|专项|被|的|、|和|及|截留|挤占|挪用|虚列){0,4}$")
_CLAUSES = compile_later("[,，;；。\n]")
