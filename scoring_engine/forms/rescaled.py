"""A form's target rows where indicators are not applicable and the others' weights are rescaled.

A form is read by what it shows. With a 一级 marked 不适用 under the
``rescale`` policy the other rows are scored on more than their declared
weight (20 becomes 22.22 when 满意度 is out). The form `score` writes prints
each row on the weight used: 分值 22.22 and its 得分 on it, so that the columns
add up to 100 and to 总分. A unit filling in the blank form types the declared
分值 (20, the set's: the blank form prints no group's weight) and its
judgement on it.

Each group of target rows is told apart by what its 分值 add up to. The
declared group weight (50): the rows are as typed. The weight that group
gets when the form's 不适用 groups are rescaled away (55.56): the rows are on
the weight used, and are read back to the declared 分值 (the shares of the
group's declared weight, exactly the facts they were written from) and a
qualitative row's 得分 to the judgement on it (15.55 of 22.22 is 14 of 20),
which the engine scales again to the 得分 shown. This does not depend on the
set that reads the form: a profile that gives 不适用 full credit reads the same
judgements. Anything else is left as typed, and the facts check refuses rows
whose weights do not add up to their group's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .._arith import ZERO, apportion, plain, round_half_up, shared_again
from .._not_applicable import weights_without
from .._rescale_shares import Factor, factors_without
from .._text import cut
from ..errors import Problem, ScoringEngineError
from ..facts import Facts
from ..plan import plan_for
from ..rules.tiers import Tiers, inside_tier
from .reading import FormReading

__all__ = ["judged_on_declared", "judgements_settled", "used_weights"]

_PLACES = 6  # a judgement no rounding gives back keeps this many decimals
_TRIES = 600  # scorings of the form tried to settle the judgements of evened rows, at most
_STEPS = 10  # steps either side of it a judgement read back is looked for, at each number of decimals


def judged_on_declared(reading: FormReading, not_applicable: Mapping[str, str]) -> None:
    """Each group of target rows in `reading.values` written on the weights used read back to its declared 分值."""
    if not not_applicable:
        return
    used: dict[int, dict[str, Decimal]] = {}  # decimals → the weights used, rescaled to them
    factors = _factors(reading, not_applicable)
    places = reading.set.precision
    for block in reading.set.form.targets:
        rows = reading.values.get(block.fact)
        if not isinstance(rows, list):
            continue
        declared = reading.set.indicator(block.indicator).weight
        shown: list[Decimal] = [w for row in rows if isinstance(row, dict) and isinstance(w := row.get("weight"), Decimal)
                                and w > 0]
        rescaled = _used_at(used, places, reading, not_applicable).get(block.indicator)
        if rescaled is not None and rescaled != declared:  # said beside the declared weight if the rows add up to neither
            reading.group_weights[block.fact] = rescaled
        if not shown or len(shown) != len(rows) or sum(shown, ZERO) == declared:
            continue  # on the declared 分值 (a blank form filled in), or refused when the facts are checked
        # rescaled by the set that wrote the form, to its decimals: a profile reading it may keep fewer (55.56, not 55.6)
        written = max(places, *(max(0, -int(w.as_tuple().exponent)) for w in shown))
        if not any(_used_at(used, p, reading, not_applicable).get(block.indicator) == sum(shown, ZERO)
                   for p in dict.fromkeys((places, written))):
            continue
        weights = apportion(dict(enumerate(shown)), declared, places)  # as the engine shares, the other way round
        if written == places:  # the set splits it as the form could show it (a set keeping fewer decimals cannot)
            _split_otherwise(reading, block.fact, rows, shown, shared_again(weights, sum(shown, ZERO), places))
        for i, row in enumerate(rows):
            row["weight"] = _tidy(weights[i])
            score = row.get("score")
            if isinstance(score, Decimal):  # a qualitative row's: the unit's judgement (a quantitative row's is compared)
                tier = row.get("tier") or row.get("actual")  # a form's qualitative row writes its tier as its 实际完成值
                fits = _in_tier(reading, block.indicator, tier, weights[i])
                found = _judgements(score, weights[i], shown[i], written, factors(block.indicator, weights[i], shown[i]),
                                    fits)
                row["score"] = found[0]
                if len(found) > 1:
                    reading.judgements.setdefault(block.fact, {})[i] = found
                reading.rescaled[f"{block.fact}[{i}]"] = (score, shown[i], weights[i])


def judgements_settled(reading: FormReading, not_applicable: Mapping[str, str]) -> None:
    """Of the judgements a row's 得分 could be read back to (`reading.judgements`: a loss the largest remainder evened
    by a unit), the ones with which the whole form scores back to each rescaled row's 得分 and its 总分, as printed
    (QA342 F1). Searched from each row's first judgement: another judgement of one row, else of a row whose 得分 is off
    and one more, is kept where it leaves fewer cells off, until none is or _TRIES scorings (QA343 1: trying
    combinations in order stopped at 64 and read a form of 29 judged rows back a unit lower, saying of every row that no
    judgement fits). A warning on each row whose 得分 still does not come back; none where the form does not score for
    another reason (told as such)."""
    if not reading.judgements or reading.set.not_applicable != "rescale":
        return
    rows = [(fact, i, options) for fact, found in reading.judgements.items() for i, options in found.items()]
    search = _Search(reading, not_applicable, rows)
    while search.off and search.tries < _TRIES and (search.single() or search.paired()):
        pass
    for k, (fact, i, options) in enumerate(rows):
        if search.off and f"{fact}[{i}]" in search.off:
            reading.warnings.append(Problem(
                f"{reading.provenance.get(f'{fact}[{i}].score', fact)}: no judgement of {', '.join(map(plain, options))} "
                "scores the form back to the 得分 and 总分 it shows; read as " + plain(options[search.chosen[k]]),
                file=str(reading.path), hint="type the row's judgement on its declared 分值 in the facts file, and score that"))


class _Search:
    """The judgements chosen for the evened rows, and the cells they leave off (None: the form does not score)."""

    def __init__(self, reading: FormReading, not_applicable: Mapping[str, str],
                 rows: list[tuple[str, int, list[Decimal]]]) -> None:
        self.reading, self.not_applicable, self.rows = reading, not_applicable, rows
        self.chosen = [0] * len(rows)
        for fact, i, options in rows:
            reading.values[fact][i]["score"] = options[0]
        self.off, self.tries = _cells_off(reading, not_applicable), 1

    def _set(self, k: int, o: int) -> None:
        fact, i, options = self.rows[k]
        self.reading.values[fact][i]["score"] = options[o]

    def _try(self, moves: list[tuple[int, int]]) -> bool:
        """Whether these (row, judgement) moves leave fewer cells off: kept if so, else undone."""
        for k, o in moves:
            self._set(k, o)
        tried, self.tries = _cells_off(self.reading, self.not_applicable), self.tries + 1
        if tried is not None and self.off is not None and len(tried) < len(self.off):
            self.off = tried
            for k, o in moves:
                self.chosen[k] = o
            return True
        for k, _ in moves:
            self._set(k, self.chosen[k])
        return False

    def single(self) -> bool:
        """One row's other judgement tried, row by row; whether any was kept."""
        kept = False
        for k, (_, _, options) in enumerate(self.rows):
            for o in range(len(options)):
                if self.off and o != self.chosen[k] and self.tries < _TRIES and self._try([(k, o)]):
                    kept = True
        return kept

    def paired(self) -> bool:
        """A row whose 得分 is off with another row, each with another judgement (two losses evened against each
        other); whether a pair was kept."""
        off = [k for k, (fact, i, _) in enumerate(self.rows) if self.off and f"{fact}[{i}]" in self.off]
        for k in off:
            for other in range(len(self.rows)):
                for o in range(len(self.rows[k][2])):
                    for p in range(len(self.rows[other][2])):
                        if other != k and o != self.chosen[k] and p != self.chosen[other] and self.tries < _TRIES \
                                and self._try([(k, o), (other, p)]):
                            return True
        return False


def _cells_off(reading: FormReading, not_applicable: Mapping[str, str]) -> set[str] | None:
    """The rescaled rows (fact[i]) whose printed 得分 the form's values do not score back, and "total" where its 总分
    differs; None when the form's values do not score."""
    from ..engine import scores_only  # (the engine reads no form)

    try:
        scored = scores_only(reading.set, Facts(values=reading.values, not_applicable=dict(not_applicable)))
    except ScoringEngineError:
        return None
    indicators = {block.fact: block.indicator for block in reading.set.form.targets}
    off = set()
    for key, (printed, _, _) in reading.rescaled.items():
        fact, i = key[:-1].rsplit("[", 1)
        rows = [points for name, points in scored.scores.items() if name.startswith(f"{indicators[fact]}.")]
        if int(i) >= len(rows) or rows[int(i)] != printed:
            off.add(key)
    total = reading.typed.get("total")
    if total is not None and total[1] != scored.total:
        off.add("total")
    return off


def _split_otherwise(reading: FormReading, fact: str, rows: list[Any], shown: list[Decimal],
                     scored: dict[int, Decimal]) -> None:
    """A warning for each row of a group whose 分值 add up to its rescaled weight but are split otherwise than the set
    splits it (a 分值 edited by hand): the row is scored on the set's share, not on the 分值 the form shows."""
    for i, row in enumerate(rows):
        if scored[i] != shown[i]:
            cell = reading.provenance.get(f"{fact}[{i}].weight", "")
            reading.warnings.append(Problem(
                f"{cell}: row {cut(str(row.get('name', '')))}: the 分值 {plain(shown[i])} is scored as {plain(scored[i])}, the "
                "row's share of the group's rescaled weight", file=str(reading.path),
                hint="keep the 分值 the form was written with, or give the declared 分值 of every row of the group"))


def _judgements(score: Decimal, declared: Decimal, used: Decimal, places: int, factor: Fraction,
                fits: Callable[[Decimal], bool] = lambda _: True) -> list[Decimal]:
    """The judgements on `declared` that score `score` on `used` as the engine converts (`_rescale_shares`): its score b
    at the set's decimals loses (declared − b) × factor, rounded, of `used` (15.55 of 22.22 is 14 of 20); or, where the
    largest remainder evened that loss by a unit, one unit either side of it. Each at the set's decimals where its tier
    takes it, else with more, up to _PLACES (QA86 F1: 15.5 of 19 at 0 decimals, inside a tier from 15.2, where 15 is
    not); the one whose loss rounds to the one shown first, then the nearest (QA342 F1: inverted by the weight's ratio
    16.66 ÷ 15, 11.90 of 16.66 read back as 10.71 of 15, not the 10.72 the form was written from)."""
    unit = Fraction(10) ** places
    shown = (Fraction(used) - Fraction(score)) * unit  # the units of points lost the form shows

    def lost(b: Decimal) -> Fraction:  # the units the engine takes for a score b on the declared weight, exactly
        return Fraction(used) * unit if not b else (Fraction(declared) - Fraction(b)) * factor * unit

    exact = declared - _decimal(shown / unit / factor)
    found: dict[Decimal, Decimal] = {}
    for decimals in range(places, _PLACES + 1):  # (a tier's end may lie some steps off the exact value: QA88 F1)
        step, near = Decimal(1).scaleb(-decimals), round_half_up(exact, decimals)
        for candidate in sorted((near + j * step for j in range(-_STEPS, _STEPS + 1)), key=lambda c: abs(c - exact)):
            b = round_half_up(candidate, places)
            if b not in found and ZERO <= b <= declared and _possible(lost(b) - shown, b, declared) and fits(candidate):
                found[b] = _tidy(candidate)
    rounded = [b for b in found if math.floor(lost(b) + Fraction(1, 2)) == shown]
    ordered = sorted(found, key=lambda b: (b not in rounded, abs(b - exact)))
    return [found[b] for b in ordered] or [_tidy(round_half_up(exact, _PLACES))]


def _possible(gap: Fraction, b: Decimal, declared: Decimal) -> bool:
    """Whether a loss `gap` units above the one shown is one the engine could have evened to it: a partial score's
    within a unit of its exact loss, one at full marks giving back a unit, one of 0 given a unit back."""
    return 0 <= -gap <= 1 if b == declared else 0 <= gap <= 1 if not b else abs(gap) <= 1


def _decimal(number: Fraction) -> Decimal:
    return Decimal(number.numerator) / Decimal(number.denominator)


def _factors(reading: FormReading, not_applicable: Mapping[str, str]) -> Callable[[str, Decimal, Decimal], Fraction]:
    """What the engine converts a row group's points by with the form's 不适用 indicators out (`factors_without`): by
    the group's id, or where the set has none for it, the row's 分值 shown ÷ declared."""
    plan = plan_for(reading.set)
    found: dict[str, Factor] = {}
    if all(key in plan.by_id for key in not_applicable):
        found = factors_without(plan, {below: reason for key, reason in not_applicable.items()
                                       for below in plan.by_id[key].below})
    return lambda indicator, declared, used: found[indicator].value if indicator in found else Fraction(used) / Fraction(declared)


def _in_tier(reading: FormReading, indicator: str, tier: Any, declared: Decimal) -> Callable[[Decimal], bool]:
    """Whether a judgement on `declared` is inside the row's tier as the row group's tiers rule checks it (any is, when
    no rule of the group names the tier)."""
    group = reading.set.indicator(indicator).rows
    for rule in group.rules.values() if group is not None and isinstance(tier, str) else ():
        if isinstance(rule.params, Tiers) and (label := rule.params.tier_named(tier)) is not None:
            return lambda judgement: inside_tier(rule.params, label, declared, judgement)
    return lambda _: True


def _tidy(number: Decimal) -> Decimal:
    """20.00 as 20, 6.5 as 6.5: a weight read back as the unit would have typed it (`import` writes it so)."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _used_at(used: dict[int, dict[str, Decimal]], places: int, reading: FormReading,
             not_applicable: Mapping[str, str]) -> dict[str, Decimal]:
    if places not in used:
        used[places] = used_weights(reading, not_applicable, places)
    return used[places]


def used_weights(reading: FormReading, not_applicable: Mapping[str, str], places: int) -> dict[str, Decimal]:
    """Indicator id → the weight it gets when the form's 不适用 indicators are rescaled away, to `places` decimals.

    Rescaled whatever the reading set's own policy: the form is written by a set that rescales, and read by one
    that may give 不适用 full credit (a profile compared with --compare-set)."""
    plan = plan_for(reading.set)
    if any(key not in plan.by_id for key in not_applicable):
        return {}  # refused when the facts are checked
    marked = {below: reason for key, reason in not_applicable.items() for below in plan.by_id[key].below}
    return weights_without(plan, marked, places) or {}
