"""The 评分标准 text against the rule: a number the text states for a parameter the rule has, and the rule's differs.

Each kind compares what `standard_text` reads with its own parameters:

| kind | what the text states | the rule's parameter |
|---|---|---|
| any (with a weight) | "× 4分", "最高10分", "按10分计", "得3分，否则不得分" | the indicator's weight |
| deduction | "每发现一处问题扣1分", "发现4处及以上…不得分", "最多扣6分" | points_each / share_each, zero_at_count, the weight |
| deduction | "存在截留、挤占、挪用的，每处扣5分" | the points of the keyword_points whose words it names |
| linear | "每延期1个月扣1分", "80%及以下不得分", "最多扣5分" | points_each / share_each, zero_at (or: used up), the weight |
| proportional | "完成率低于60%不得分" | floor |
| checklist | ①②③ with "（1分）" and "每缺一项扣0.2分", "每项0.6分", "各2分" | the elements, their points and points_each |
| bands | "80%（含）–90%得8分" | the points of the band of that range; else the range of the band of those points; else all |
| tiers | "达成年度指标得分值的80%–100%", "…得3.2–4分", "好（85%–100%）" | the tier's range |
| panel | "现场核查占60%", "去掉一个最高分…", "百分制" | parts' shares, trim, scale |
| equal | "允许偏差5%" | tolerance |

A switch (and an equal's ``otherwise``) is described by one text for all its
variants: a statement no variant agrees with is reported of the variant that has
the parameter it states, named by its path (rules[分档].bands[2]); one that some of
a switch's variants agree with, of each other variant that has that parameter and
agrees with no other statement about it (QA170 F7: a variant that strays from the
text the others keep; a text that states each variant in its own sentence is clean). Where
the text states several amounts per finding (1 point, and 5 for a 挪用), the
rule agrees when it deducts one of them (the others are findings with their own
points), but an amount whose sentence names a word of the rule's keyword_points is that
entry's, compared with it where points_each does not agree (QA170 F6). A statement the rule has no parameter for is not
reported. A deduction
stated in points against a rule's share of the weight (or the other way) is shown
in the text's unit too: 1 point against 0.5 point, not against 5% (QA119 F5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import ROUND_CEILING, Decimal
from typing import Any

from .._arith import plain, to_decimal_or_none
from .._intervals import MIN_INCLUSIVE
from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .ranges import Ranges
from .standard_compare import (NOT_SET, Compared, compared_amount, compared_amounts, compared_lines, ladder_amounts, ratio_of,
                               same_value, shown_points, shown_share, shown_stated)
from .standard_place import STANDARD_HINT, placed
from .standard_text import BandStated, Stated, Standard
from .._patterns import compile_later

__all__ = ["STANDARD_WEIGHT", "compared_with", "standards"]

STANDARD_WEIGHT = "the 评分标准 says \"{quote}\" ({stated} points at most), but the indicator weighs {weight}"
# where the text's zero point or cap is not the rule's (QA119 F1)
ZERO_REACHED = ("the 评分标准 says \"{quote}\" ({stated}), but the rule has no zero_at: deducting {each} points per {per}, "
                "it uses up the weight {weight} only at {actual}")
ZERO_REACHED_HINT = "write zero_at: {zero} in the rule, or make the standard text say {actual}"
MOST_DEDUCTED = ("the 评分标准 says \"{quote}\" ({stated} points at most), but the rule deducts up to the whole weight "
                 "{weight} (扣完为止)")
MOST_DEDUCTED_AT = ("the 评分标准 says \"{quote}\" ({stated} points at most), but at zero_at_count {count} findings the "
                    "rule deducts the whole weight {weight}")
LINEAR_CAP = "the 评分标准 says \"{quote}\" ({stated} points at most), but the linear rule can deduct the whole weight {weight}"
LINEAR_CAP_HINT = ("a linear rule deducts until the weight is used up (or scores 0 at its zero_at): restate the 评分标准, or "
                   "score a cap of {stated} points with kind: formula")
MOST_DEDUCTED_HINT = ("a deduction rule deducts until the weight is used up: restate the 评分标准, or score a cap of "
                      "{stated} points with kind: formula")
#: a switch's variant that disagrees with a statement its other variants agree with (QA170 F7)
VARIANT_HINT = ("the switch's other variants, {others}, do what the 评分标准 says: make {variant} do the same, or say in "
                "the 评分标准 how it differs")
#: A cut-off the rule lacks: floor is one reading of it, a formula the other (QA44 F5: floor alone changes the scores)
FLOOR_HINT = ("floor: {cut} scores (rate − floor) ÷ (1 − floor) of the weight, 0 at the floor; if the rate above the "
              "cut-off is scored as it is, write a formula: 0 if rate < {below} else min(rate, 1) × the weight")



def standards(indicator_set: IndicatorSet, rules: list[RuleAt], locator: Locator, ranges: Ranges) -> Iterator[LintWarning]:
    """A warning for each number of a 评分标准 that its rule does not use."""
    groups: dict[tuple[str, tuple[str | int, ...]], list[RuleAt]] = {}
    for at in rules:
        if at.standard:
            groups.setdefault((at.indicator, at.standard_path), []).append(at)
    for (indicator, written), ats in groups.items():
        standard = Standard(ats[0].standard or "")
        weight = ats[0].weight
        if weight is not None:  # against the weight: said at the weight a profile set, not at its rule (QA171 F1)
            at_weight, _, weight_hint = placed(locator, indicator, written, None)
            for stated in _first_of_each_value(standard.full_marks()):
                if stated.value != weight:
                    yield locator.warning("standard-mismatch", at_weight, STANDARD_WEIGHT,
                                          {"quote": stated.quote, "stated": plain(stated.value), "weight": plain(weight)},
                                          weight_hint, indicator=indicator)
        path, key, hint = placed(locator, indicator, written, ats[0].path)
        claims: dict[tuple[int, str], list[Compared]] = {}
        variants: dict[int, str] = {}  # the variant of each compared, by its id
        for at in ats:
            checker = _CHECKERS.get(at.rule.kind)
            said = checker(at.rule.params, standard, at.weight) if checker else []
            if at.rule.kind == "linear":  # a cap, where the facts' bounds let the rule deduct the whole weight
                said += _linear_cap(at.rule.params, standard, at.weight, ranges)
            variant = _variant(at.path[len(ats[0].path):])
            for compared in said:
                named = replace(compared, param=variant + compared.param)
                variants[id(named)] = variant
                claims.setdefault((compared.start, compared.quote), []).append(named)
        for c, others in _strays(list(claims.values()), variants):
            fields = {"quote": c.quote, "stated": c.stated, "param": c.param, "actual": c.actual, **dict(c.more)}
            told = VARIANT_HINT.format(others=others, variant=variants[id(c)].rstrip("."))
            yield locator.warning("standard-mismatch", path, c.message, fields, told, indicator=indicator, key=key)
        for found in claims.values():
            if not any(c.agrees for c in found):
                # the variant that has the parameter the text states, not one that lacks it: '低于90%不得分' is the
                # banded variant's zero band, not a floor for the proportional one (QA170 F2)
                c = next((c for c in found if c.actual != NOT_SET), found[0])
                cut = ratio_of(c.stated)
                told = FLOOR_HINT.format(cut=cut, below=cut) if c.param.endswith("floor") and c.actual == NOT_SET else hint
                told = c.hint if c.hint is not None and told == STANDARD_HINT else told
                fields = {"quote": c.quote, "stated": c.stated, "param": c.param, "actual": c.actual, **dict(c.more)}
                yield locator.warning("standard-mismatch", path, c.message, fields, told, indicator=indicator, key=key)


def compared_with(at: RuleAt, standard: Standard) -> list[Compared]:
    """Each statement of `standard` set against the parameters of the rule `at` (nothing for a kind never compared)."""
    checker = _CHECKERS.get(at.rule.kind)
    return checker(at.rule.params, standard, at.weight) if checker else []


def _strays(claims: list[list[Compared]], variants: dict[int, str]) -> list[tuple[Compared, str]]:
    """A switch's variants that disagree with a statement other variants agree with (QA170 F7), each with those others:
    a variant that has the parameter stated, and that no other statement of the text agrees with about that parameter
    (a text that states each variant's bands in its own sentence, '满意率≥90%得10分…加权法≥85%得10分…', is no stray)."""
    def param(c: Compared) -> str:
        return c.param.removesuffix(".points")  # 'bands[0].points' by its points and 'bands[0]' by its range: one band
    agreed = {param(c) for found in claims for c in found if c.agrees}
    strays = []
    for found in claims:
        agreeing = [variants[id(c)] for c in found if c.agrees and variants[id(c)].startswith("rules[")]
        for c in found:
            variant = variants[id(c)]
            if (agreeing and not c.agrees and c.actual != NOT_SET and variant.startswith("rules[")
                    and variant not in agreeing and param(c) not in agreed):
                strays.append((c, "、".join(dict.fromkeys(v.rstrip(".") for v in agreeing))))
    return strays


def _variant(inner: tuple[str | int, ...]) -> str:
    """A switch's variant (or an equal's otherwise) as its parameters are named: 'rules[分档].', 'otherwise.'."""
    shown, parts = "", list(inner)
    while parts:
        part = parts.pop(0)
        shown += f"rules[{parts.pop(0)}]." if part == "rules" and parts else f"{part}."
    return shown


def _first_of_each_value(stated: list[Stated]) -> list[Stated]:
    """'× 4分，最高4分' states 4 once."""
    firsts: dict[Decimal, Stated] = {}
    for s in stated:
        firsts.setdefault(s.value, s)
    return list(firsts.values())


# ---------------------------------------------------------------- each kind


def _deduction(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    found = ladder_amounts(standard.per_finding(), p.ladder, weight, "")
    zero_at = p.ladder.zero_at
    for s in standard.zero_at_count():
        found.append(Compared(s.start, s.quote, "zero_at_count", plain(s.value), NOT_SET if zero_at is None else str(zero_at),
                              zero_at is not None and Decimal(zero_at) == s.value))
    # '最多扣6分': a deduction has no cap below its weight, and zero_at_count takes the whole weight (QA119 F1)
    for s in standard.most_deducted():
        if weight is None:
            break
        more = (("weight", plain(weight)),) + ((("count", str(zero_at)),) if zero_at is not None else ())
        found.append(Compared(s.start, s.quote, "zero_at_count" if zero_at is not None else "weight", plain(s.value),
                              plain(weight), s.value >= weight, MOST_DEDUCTED if zero_at is None else MOST_DEDUCTED_AT,
                              more, MOST_DEDUCTED_HINT))
    return found


def _linear(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    target = _target(p)
    found = compared_amounts(standard.per_finding(), p.each, weight, "")
    below = not p.lower_is_better
    steps = standard.steps()
    # a time is counted through the text's step only where its points are the rule's per `per`: '每超期1个月扣1分' against
    # 0.5 per 15 days does not make 1个月 15 days (QA122 F6)
    paid = {x.start for x in standard.per_finding() if (compared_amount(x, p.each, weight) or (False,))[0]}
    unpaid = {step.unit for step in steps if step.unit and step.start not in paid}
    steps = [step for step in steps if step.unit not in unpaid]
    kept = [(s, at) for s, is_below in standard.zero_lines() if is_below == below
            for at in (_line_at(s, steps, p, target),) if at is not None]
    each = p.each.of(weight) if weight is not None else None
    reach = _zero_point(p, target, weight, each) if p.zero_at is None else None
    if reach is None or target is None or weight is None or each is None:  # a time compared in the rule's units
        at_units = [(replace(s, value=at) if s.unit else s, below) for s, at in kept]
        compared = compared_lines(at_units, below, p.zero_at, "zero_at", target)
        return found + [replace(c, stated=shown_stated(s)) for c, (s, _) in zip(compared, kept, strict=True)]
    # no zero_at: the rule scores 0 where its deductions use up the weight ('超期3个月及以上不得分' against 5: QA119 F1).
    # A line beyond that point changes no score ('…扣完为止；低于60%不得分': QA121 F3); at it, a line that holds its own
    # number ('4个月及以上') is not the rule's when the rule reaches 0 only past it (every unit started counts).
    point, past = reach
    side = 1 if p.lower_is_better else -1
    agrees = any(side * (at - point) > 0 or (at == point and not (past and s.inclusive)) for s, at in kept)
    for s, at in kept:
        shown = _in_units(p, target, s, steps)
        more = (("each", shown_points(each)), ("per", shown(p.per, True)), ("weight", plain(weight)), ("zero", plain(at)))
        reached = (">" if side > 0 else "<") * past + shown(point - target if s.unit else point, False)
        found.append(Compared(s.start, s.quote, "zero_at", shown_stated(s), reached, agrees, ZERO_REACHED, more,
                              ZERO_REACHED_HINT))
    return found


def _line_at(s: Stated, steps: list[Stated], p: Any, target: Decimal | None) -> Decimal | None:
    """A zero line's value in the rule's units, or None when that cannot be told. A time is counted through the text's own
    step in its unit ('超期5个月' with '每超期1个月' against per: 30 is 150: QA121 F2); a percentage beside steps in a time
    is another quantity ('成本超支10%' beside '每超期1个月'), as is one against a ratio the rule counts in whole units."""
    if s.unit:
        sizes = {step.value for step in steps if step.unit == s.unit}
        if target is None or len(sizes) != 1 or not next(iter(sizes)):  # '每超期0个月' counts nothing (QA122 F1)
            return None
        at: Decimal = target + (1 if p.lower_is_better else -1) * s.value / sizes.pop() * p.per
        return at
    share = s.percent and target is not None and abs(target) <= 2  # '80%' of a ratio
    if s.percent and ((steps and not any(step.percent for step in steps)) or (share and p.per >= 1)):
        return None
    if not share or target is None:
        return s.value
    below = not p.lower_is_better
    if (s.value / 100 < target) if below else (s.value / 100 > target):  # 0.8 on the worse side of the target
        return s.value / 100
    return target * (1 - s.value / 100) if below else target * (1 + s.value / 100)  # '超过20%不得分' of a norm of 1: 1.2


def _in_units(p: Any, target: Decimal | None, s: Stated, steps: list[Stated]) -> Callable[[Decimal, bool], str]:
    """How a step or a distance of the rule is shown beside a zero line: a time in the text's unit, with the rule's own
    number where it counts another unit ('30（1个月）', '120（4个月）'); a ratio shown in percent as a percentage."""
    if not s.unit:
        return lambda x, _: shown_points(x * 100) + "%" if p.display == "percent" else shown_points(x)
    size = next(step.value for step in steps if step.unit == s.unit)
    same = size == p.per and (target == 0 or target is None)

    def shown(x: Decimal, is_step: bool) -> str:
        text = shown_points(abs(x) / p.per * size) + s.unit  # x: a step, or a distance from the target to either side
        rule = x if is_step or target is None else target + x
        return text if same else f"{shown_points(rule)}（{text}）"
    return shown


def _zero_point(p: Any, target: Decimal | None, weight: Decimal | None, each: Decimal | None) -> tuple[Decimal, bool] | None:
    """Where a linear rule's deductions use up the weight, and whether only past that point: at weight ÷ each units of
    shortfall counted exactly, at the whole units after when only whole units count, and past the whole units before
    when every unit started counts. None without a constant target."""
    if target is None or weight is None or not each or each < 0:
        return None
    units = weight / each
    whole = units.to_integral_value(rounding=ROUND_CEILING)
    count, past = {"whole": (whole, False), "started": (whole - 1, True)}.get(p.units, (units, False))
    return target + (1 if p.lower_is_better else -1) * count * p.per, past


def _linear_cap(p: Any, standard: Standard, weight: Decimal | None, ranges: Ranges) -> list[Compared]:
    """'最多扣5分' against a linear rule whose value, within the facts' declared bounds, reaches its zero_at or the point
    where its deductions use up the weight (QA121 F5); a rule the bounds keep short of that is not told."""
    caps, target = standard.most_deducted(), _target(p)
    if not caps or weight is None or target is None:
        return []
    value = ranges.weighing(weight).of(p.value.tree)
    side = 1 if p.lower_is_better else -1
    worst = value.high if side > 0 else value.low
    ends = [(p.zero_at, False)] if p.zero_at is not None else []
    ends += [end for end in (_zero_point(p, target, weight, p.each.of(weight)),) if end is not None]
    if value.kind != "number" or not any(side * (worst - at) > 0 or (worst == at and not past) for at, past in ends):
        return []
    return [Compared(s.start, s.quote, "weight", plain(s.value), plain(weight), s.value >= weight, LINEAR_CAP,
                     (("weight", plain(weight)),), LINEAR_CAP_HINT) for s in caps]


def _target(p: Any) -> Decimal | None:
    """A linear rule's target when it is written as a number (1, 0.95), else None."""
    return to_decimal_or_none(p.target.text) if _NUMBER_TEXT.fullmatch(p.target.text.strip()) else None


_NUMBER_TEXT = compile_later(r"\d+(?:\.\d+)?")  # a target written as a number: 1, 0.95


def _proportional(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    rates = [(s, below) for s, below in standard.zero_lines() if not s.unit]  # a time ('超期3个月') is not the rate
    return compared_lines(rates, True, p.floor, "floor")


def _checklist(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    elements = p.elements
    points = [e.amount.of(weight) if weight is not None else None if e.amount.is_share else e.amount.of(Decimal(0))
              for e in elements]
    chunks = standard.elements()
    found = []
    if chunks and len(chunks) != len(elements):
        quote = f"{chunks[0][0][0]}…{chunks[-1][0][0]}"
        return [Compared(chunks[0][1], quote, "elements", str(len(chunks)), str(len(elements)), False)]
    order = _by_marker([e.name for e in elements], [chunk[0] for chunk, _ in chunks])
    for (chunk, start), i in zip(chunks, order, strict=True):
        stated, worth = standard.element_points(chunk, start), points[i]
        if stated is not None and worth is not None:
            found.append(Compared(start, stated.quote, f"elements[{i}].points", plain(stated.value), shown_points(worth),
                                  stated.value == worth))
        ladder = elements[i].ladder
        found += ladder_amounts(standard.per_finding(chunk), ladder, points[i], f"elements[{i}].")
    if None not in points:
        shown = ", ".join(shown_points(x) for x in points if x is not None)
        for s in standard.each_item():
            if "扣" in s.quote and any(e.ladder for e in elements):  # '每缺一项扣0.2分' beside elements' own deductions
                continue
            same = all(x == s.value for x in points)
            found.append(Compared(s.start, s.quote, "elements[*].points", plain(s.value), shown, same))
    return found


def _by_marker(names: list[str], markers: list[str]) -> list[int]:
    """The element each ①, ②… of the text describes: the one whose name starts with that marker, else the one in its place."""
    starts = [name[:1] for name in names]
    if sorted(starts) == sorted(markers) and len(set(starts)) == len(starts):
        return [starts.index(marker) for marker in markers]
    return list(range(len(markers)))


def _bound(value: Decimal | None, actual: Decimal | None, percent: bool) -> bool:
    """Whether a bound of the text ("95%", or none) is the rule's (0.95 or 95, or none)."""
    return (value is None and actual is None) or (
        value is not None and actual is not None and (actual == value or (percent and actual == value / 100)))


def _bands(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    stated_bands = standard.bands()
    same_range = [next((j for j, band in enumerate(p.bands) if _bound(stated.low, band.range.low, stated.percent)
                        and _bound(stated.high, band.range.high, stated.percent)), None) for stated in stated_bands]
    worth = [amount.of(weight) if weight is not None else None if amount.is_share else amount.of(Decimal(0))
             for amount in (band.amount for band in p.bands)]
    found = []
    for stated, j in zip(stated_bands, same_range, strict=True):
        points = stated.points if stated.points is not None else weight
        if points is None:
            continue
        if j is not None:
            got = worth[j]
            if got is not None:
                found.append(Compared(stated.start, stated.quote, f"bands[{j}].points", plain(points), plain(got), points == got))
            continue
        # no band of that range: the range of the one band with those points that no range of the text names (QA119 F1)
        with_points = [k for k, w in enumerate(worth) if w == points and k not in same_range]
        if len(with_points) == 1:
            found += _band_range(p, stated, with_points[0])
        elif points not in worth and None not in worth:  # neither its range nor its points: last year's band (QA268 F5)
            found.append(Compared(stated.start, stated.quote, "bands", f"{_stated_range(stated)} {plain(points)}分",
                                  "；".join(f"{_range_shown(b.range.low, b.range.high, _show_bound(p, stated), p.boundary)} "
                                           f"{plain(w)}分"
                                           for b, w in zip(p.bands, worth, strict=True) if w is not None), False))
    return found


def _stated_range(stated: BandStated) -> str:
    """The text's range as it says it: '>80%' for '80%以上（不含80%）', not '≥80%' (QA309 8)."""
    show: Callable[[Decimal], str] = lambda x: plain(x) + ("%" if stated.percent else "")  # noqa: E731
    return f">{show(stated.low)}" if stated.low_open and stated.low is not None else _range_shown(stated.low, stated.high, show)


def _show_bound(p: Any, stated: BandStated) -> Callable[[Decimal], str]:
    """How the rule's bounds are shown beside the text's: as percentages where the text writes them and the rule's are
    ratios."""
    bounds = [b for b in (x.range.low for x in p.bands) if b is not None]
    return shown_share if stated.percent and (p.display == "percent" or all(abs(b) <= 2 for b in bounds)) else plain


def _band_range(p: Any, stated: BandStated, j: int) -> list[Compared]:
    """The text's range of a band against the range of the rule's band `j` with its points: a bound both write
    that differs ('≥97%得10分' against min: 0.95; an open side says nothing)."""
    band = p.bands[j].range
    sides = ((stated.low, band.low), (stated.high, band.high))
    if all(mine is None or theirs is None or _bound(mine, theirs, stated.percent) for mine, theirs in sides):
        return []
    rule = _range_shown(band.low, band.high, _show_bound(p, stated), p.boundary)
    return [Compared(stated.start, stated.quote, f"bands[{j}]", _stated_range(stated), rule, False)]


def _range_shown(low: Decimal | None, high: Decimal | None, show: Callable[[Decimal], str],
                 boundary: str = MIN_INCLUSIVE) -> str:
    """A range as '85%–95%', '≥95%' or '<80%'; where a band's bound belongs to the band below it (max_inclusive),
    '80%–85%（含85%）', '>85%' or '≤75%' (QA271 F7: said as the other way round)."""
    if boundary != MIN_INCLUSIVE:
        if low is not None and high is not None:
            return f"{show(low)}–{show(high)}（含{show(high)}）"
        return f">{show(low)}" if low is not None else f"≤{show(high)}" if high is not None else ""
    if low is not None and high is not None:
        return f"{show(low)}–{show(high)}"
    return f"≥{show(low)}" if low is not None else f"<{show(high)}" if high is not None else ""


def _tiers(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    ranges, found = dict(p.tiers), []
    tiers = standard.tiers(list(ranges))
    # 百分制 points: a range at 100 times its tier's (好得90–100分; 60–79分, a whole top just under 80), not at an old weight
    # a profile lowered (4.8–6分: QA155 F11, QA178 F1, QA183 F5)
    hundred = weight is not None and any(not s.percent and s.high > weight and s.high + (1 if s.high == int(s.high) else 0)
                                         >= 100 * (ranges[s.label].high or 1) for s in tiers)
    for stated in tiers:
        low, high = ranges[stated.label].low, ranges[stated.label].high or Decimal(1)
        if stated.percent:
            actual, unit = (low * 100, high * 100), "%"
        elif weight is not None and not hundred:
            actual, unit = (low * weight, high * weight), "分"
        else:
            continue
        shown = f"{plain(stated.low)}–{plain(stated.high)}{unit}"
        found.append(Compared(stated.start, stated.quote, f"tiers[{stated.label}]", shown,
                              f"{plain(actual[0])}–{plain(actual[1])}{unit}", (stated.low, stated.high) == actual))
    return found


def _panel(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    found = [Compared(s.start, s.quote, f"parts[{name}].share", shown_stated(s), shown_share(part.share),
                      part.share * 100 == s.value)
             for name, s in standard.part_shares([part.name for part in p.parts])
             for part in p.parts if part.name == name]
    trim = standard.trim()
    if trim is not None:
        found.append(Compared(trim.start, trim.quote, "trim", plain(trim.value), str(p.trim), trim.value == p.trim))
    scale = standard.scale()
    actual = p.scale if p.scale is not None else weight
    if scale is not None and actual is not None:
        found.append(Compared(scale.start, scale.quote, "scale", plain(scale.value), plain(actual), scale.value == actual))
    return found


def _equal(p: Any, standard: Standard, weight: Decimal | None) -> list[Compared]:
    stated = standard.tolerance()
    if stated is None:
        return []
    return [Compared(stated.start, stated.quote, "tolerance", shown_stated(stated), shown_share(p.tolerance),
                     same_value(stated, p.tolerance))]


_CHECKERS: dict[str, Callable[[Any, Standard, Decimal | None], list[Compared]]] = {
    "deduction": _deduction,
    "linear": _linear,
    "proportional": _proportional,
    "checklist": _checklist,
    "bands": _bands,
    "tiers": _tiers,
    "panel": _panel,
    "equal": _equal,
}
