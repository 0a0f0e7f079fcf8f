"""Under `not_applicable: rescale`, the applicable leaves' scores converted as the 填表说明 says (财预〔2020〕10号 附1):
"对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制对该项目折算计分".

Each applicable leaf (a target row too) is scored by its rule on its declared weight w and rounded as any leaf is: b,
the score a hand scorer writes. The total is the scores added up and converted, at once:

    T = round half up(Σ b × f)      (f = the set's total ÷ the applicable declared weights, 100 ÷ 90; through the set's
                                     rounding stages where it has them)

and never the sum of scores each rounded on its own (89.99 for 90.00: QA339 F1). The points lost, Σ W − T (W the
weights used, adding up to the total), are given out over the leaves by largest remainder over their exact losses
(w − b) × f, so that the printed scores W − loss add up to T exactly: a leaf at full marks keeps its weight, a leaf
scoring 0 keeps 0, none goes below 0 or above its weight. Each loss stays within a unit of the exact one where T can
be reached so (QA343 3: not where the zero leaves' weights were rounded down) and a leaf that lost points keeps a
unit lost; where T cannot be reached so, a full or zero leaf gives or takes a unit of its own
weight's rounding first (QA342 F2: 0 of 33, rounded up from 32.32, gives 1 rather than 21 of 22 printing 22).

Where a weight moves to the indicator its `not_applicable_to` names, f is the product of the steps that moved and
rescaled that leaf's weight, each the exact counterpart of the largest-remainder sharing `_not_applicable.weights_without` does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from ._arith import ZERO, Rounding, plain
from ._not_applicable import moves
from .plan import ScoringPlan

__all__ = ["Factor", "Share", "convert", "factors_without", "shares"]


class Factor(NamedTuple):
    """What a leaf's points are multiplied by: exactly, and as its steps (new ÷ old: 100 ÷ 90) for a reason to show."""

    value: Fraction
    steps: tuple[tuple[Decimal, Decimal], ...]

    def words(self) -> str:
        """'100 ÷ 90', or '40 ÷ 30 × 100 ÷ 95' where a moved weight was rescaled again."""
        return " × ".join(f"{plain(new)} ÷ {plain(old)}" for new, old in self.steps)


_ONE = Factor(Fraction(1), ())


def factors_without(plan: ScoringPlan, marked: Mapping[str, str]) -> dict[str, Factor]:
    """Leaf id → its Factor with the `marked` indicators out, for every leaf scored: the exact counterpart of
    `weights_without` (the weights moved to a `not_applicable_to` indicator first, outer before inner, then the whole
    rescaled to the set's total), without its rounding."""
    exact = {n.id: Fraction(n.indicator.weight) for n in plan.leaves if n.id not in marked}
    factors = dict.fromkeys(exact, _ONE)
    for target, moved in moves(plan, marked):
        inside = [leaf for leaf in plan.by_id[target].below if leaf in exact]
        had = sum((exact[leaf] for leaf in inside), Fraction(0))
        _scale(exact, factors, inside, had, had + Fraction(moved))
    had = sum(exact.values(), Fraction(0))
    if had and had != plan.set.total:
        _scale(exact, factors, list(exact), had, Fraction(plan.set.total))
    return factors


def _scale(exact: dict[str, Fraction], factors: dict[str, Factor], leaves: Sequence[str], had: Fraction,
           now: Fraction) -> None:
    step = (_decimal(now), _decimal(had))
    for leaf in leaves:
        exact[leaf] = exact[leaf] * now / had
        factor = factors[leaf]
        factors[leaf] = Factor(factor.value * now / had, (*factor.steps, step))


def _decimal(number: Fraction) -> Decimal:
    """A weight summed from decimals, as a Decimal (exact: a sum of weights written with finite decimals)."""
    if number.denominator == 1:
        return Decimal(number.numerator)
    return Decimal(number.numerator) / Decimal(number.denominator)


class Share(NamedTuple):
    """What the conversion gave one leaf: its score, and what its reason says of it."""

    score: Decimal
    factor: Factor
    lost: Fraction  # the exact points lost on the weight used, (w − b) × f
    evened: bool  # the loss is not the exact loss rounded: the largest remainder moved a unit to make the total


def shares(leaves: Sequence[tuple[Decimal, Decimal, Decimal, Factor]], rounds: Rounding) -> list[Share]:
    """The converted score of each leaf given as (weight used W, declared weight w, score on it b, factor), in the order
    ties go by (the set's, a group's rows in the form's): adding up to the converted total of their scores."""
    places = rounds.places
    unit = 10 ** places
    # in whole numbers of 1/C of a unit (C: the factors' and the points' denominators): Fractions made and compared
    # leaf by leaf cost a 不适用 project three times its scoring; the arithmetic is the same, exactly
    u_lost = [_units(w - b, unit) for _, w, b, _ in leaves]
    u_score = [_units(b, unit) for _, _, b, _ in leaves]
    u_weight = [_units(w, unit) for _, w, _, _ in leaves]
    odd = [x.denominator for x in (*u_lost, *u_score, *u_weight) if isinstance(x, Fraction)]
    c = math.lcm(*(f.value.denominator for _, _, _, f in leaves), *odd)
    k = [f.value.numerator * (c // f.value.denominator) for _, _, _, f in leaves]  # each factor × c
    total = rounds.round(_decimal(Fraction(sum(int(x * m) for x, m in zip(u_score, k, strict=True)), unit * c)))
    used = [int(W * unit) for W, _, _, _ in leaves]
    left = sum(used) - int(total * unit)  # the units of points lost, to give out
    lost = [int(x * m) for x, m in zip(u_lost, k, strict=True)]  # the exact loss, (w − b) × f, in units × c
    losses = [0] * len(leaves)
    partial: list[int] = []
    full: list[int] = []
    zeros: list[int] = []
    for i, (_, w, b, _) in enumerate(leaves):
        if not b and w:  # scored 0: 0, whatever its weight's rounding
            losses[i] = used[i]
            zeros.append(i)
        elif b == w:  # full marks: its weight
            full.append(i)
        else:
            losses[i] = min(max(lost[i] // c, 0), used[i])
            partial.append(i)
    left -= sum(losses)
    # how far each leaf's weight was rounded up (a full or zero leaf gives or takes a unit of its own rounding first)
    up = {i: used[i] * c - int(u_weight[i] * k[i]) for i in (*full, *zeros)}
    if left > 0:  # largest remainders first, each within a unit of its exact loss; then a full leaf rounded up, the most
        # first; a partial leaf's second unit only where nothing else can, a full leaf's last (QA342 F2)
        near = [min(used[i], lost[i] // c + 1) for i in range(len(leaves))]
        left = _give(losses, near, sorted(partial, key=lambda i: lost[i] - losses[i] * c, reverse=True), left, 1)
        left = _give(losses, [min(1, n) for n in used], sorted((i for i in full if up[i] > 0), key=lambda i: -up[i]), left, 1)
        left = _give(losses, used, sorted(partial, key=lambda i: lost[i] - losses[i] * c, reverse=True), left, 1)
        _give(losses, used, sorted(full, key=lambda i: -up[i]), left, 1)
    elif left < 0:  # taken back: smallest remainders first, each within a unit of its exact loss and one unit at least
        # (a leaf that lost points never prints full marks); then a unit of a zero leaf rounded up, the most first; a
        # partial leaf further only where nothing else can, a zero leaf's other points and a partial leaf's last unit last
        floor = [min(losses[i], max(1, -(-lost[i] // c) - 1)) for i in range(len(leaves))]
        ordered = sorted(partial, key=lambda i: lost[i] - losses[i] * c)
        left = -_give(losses, used, ordered, -left, -1, floor)
        left = -_give(losses, used, sorted((i for i in zeros if up[i] > 0), key=lambda i: -up[i]), -left, -1,
                      [max(0, n - 1) for n in used])
        left = -_give(losses, used, ordered, -left, -1, [min(losses[i], 1) for i in range(len(leaves))])
        left = -_give(losses, used, zeros, -left, -1)
        _give(losses, used, ordered, -left, -1)
    found = []
    for i, (W, _, _, f) in enumerate(leaves):
        natural = (2 * lost[i] + c) // (2 * c)  # the exact loss rounded half up, in units
        found.append(Share(W - Decimal(losses[i]).scaleb(-places), f, Fraction(lost[i], c * unit), losses[i] != natural))
    return found


def _units(points: Decimal, unit: int) -> int | Fraction:
    """`points` × `unit`: a whole number where the points have no more decimals than the unit keeps (a weight or a score
    at the set's precision), else exactly as a Fraction."""
    scaled = points * unit
    return int(scaled) if scaled == scaled.to_integral_value() else Fraction(points) * unit


def _give(losses: list[int], most: list[int], order: Sequence[int], left: int, sign: int,
          least: Sequence[int] | None = None) -> int:
    """Units of loss given (sign 1) or taken back (−1), one a leaf a round, in `order`, within `least` (0)..`most` of
    each; the units that none could take."""
    while left > 0:
        moved = 0
        for i in order:
            if left and (0 if least is None else least[i]) <= losses[i] + sign <= most[i]:
                losses[i] += sign
                left -= 1
                moved += 1
        if not moved:
            break
    return left


def convert(plan: ScoringPlan, factors: Mapping[str, Factor], weights: Mapping[str, Decimal], scores: list[Decimal],
            rows: dict[int, list[tuple[str, Decimal]]], row_weights: Mapping[int, Mapping[int, Decimal]],
            row_declared: Mapping[int, Mapping[int, Decimal]], records: dict[int, Any], rounds: Rounding) -> None:
    """A run's leaf `scores` (by position; a row group's in `rows`, each row's weights used and declared by its index, in
    the form's order), each on its declared weight, converted in place, with the run's `records` (a LeafRecord, or a
    group's list of them) given each its Share. A leaf whose weight neither moved nor changed keeps its score."""
    places: list[tuple[int, int]] = []  # (position, row index or -1)
    leaves: list[tuple[Decimal, Decimal, Decimal, Factor]] = []
    for node in plan.leaves:
        factor = factors.get(node.id)
        if factor is None:  # marked 不适用
            continue
        if node.row_steps is None:
            found = [(-1, weights[node.id], node.indicator.weight, scores[node.position])]
        else:
            scored = rows.get(node.position, [])  # none: the rows were missing, and the run fails
            found = [(i, row_weights[node.position][i], w, scored[i][1]) for i, w in row_declared[node.position].items()]
        for i, used, declared, score in found:
            if declared and (used != declared or factor.value != 1):
                places.append((node.position, i))
                leaves.append((used, declared, score, factor))
    for (position, i), share in zip(places, shares(leaves, rounds), strict=True):
        record = records.get(position)
        if i < 0:
            scores[position] = share.score
            if record is not None:
                records[position] = record._replace(score=share.score, share=share)
            continue
        rows[position][i] = (rows[position][i][0], share.score)
        scores[position] = sum((points for _, points in rows[position]), ZERO)
        if record is not None:
            record[i] = record[i]._replace(score=share.score, share=share)
