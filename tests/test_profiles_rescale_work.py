"""`rescale: siblings` written on many indicators of one parent: the same weights as ever, with the work of one rescale.

QA221 6: a base of 1600 leaves of weight 10 under the root, and a profile setting 800 of them to 11 with rescale:
siblings, took 22 s: each rescale split the free weights over all 1600 again, in exact fractions. Each change's rescale
still rescales the siblings as the changes before it left them; but a rescale after one that left them adding up, with
nothing changed since, finds each weight where it is, so it is not done again. No test here is timed: the weights
split are counted, and what the profile resolves to (every weight, every change said, every problem) is as before.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from scoring_engine import IndicatorSetError, _profiles, load_indicator_set
from scoring_engine.loader import resolve_profile

_HEAD = "id: b\nname: 基础\nversion: '1'\nprecision: {precision}\ntotal: {total}\ngrades:\n  - {{label: 合格, min: 0}}\n" \
        "facts:\n  a: {{type: number, min: 0}}\nindicators:\n"


def _leaf(key: str, weight: object, indent: str = "  ") -> str:
    return f"{indent}- {{id: {key}, name: 指标{key}, weight: {weight}, standard: 标准, " \
           "rule: {kind: proportional, value: a, target: 10}}\n"


def _flat(leaves: int, weight: object = 10, precision: int = 2) -> str:
    return _HEAD.format(precision=precision, total=leaves * Decimal(str(weight))) + "".join(
        _leaf(f"x{i}", weight) for i in range(leaves))


def _nested() -> str:
    """P (40: four leaves of 10), Q (30: 7.5, 12.5, 10) and R (30) under a total of 100."""
    def group(key: str, weight: object, kids: list[tuple[str, object]]) -> str:
        return f"  - id: {key}\n    name: 组{key}\n    weight: {weight}\n    children:\n" + "".join(
            _leaf(k, w, "      ") for k, w in kids)
    return (_HEAD.format(precision=2, total=100) + group("P", 40, [(f"p{i}", 10) for i in range(4)])
            + group("Q", 30, [("q0", "7.5"), ("q1", "12.5"), ("q2", 10)]) + _leaf("R", 30))


def _changes(**weights: object) -> str:
    return "change:\n" + "".join(f"  {key}: {{weight: {w}, rescale: siblings}}\n" for key, w in weights.items())


def _resolved(tmp_path: Path, base: str, change: str) -> tuple[list[tuple[str, str]], list[tuple[str, ...]], list[str]]:
    """Every indicator's weight, every change the profile is said to make, and the problems it is refused for."""
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(f"extends: base.yaml\nid: p\n{change}", encoding="utf-8")
    try:
        resolved, _ = resolve_profile(path)
        indicator_set = load_indicator_set(path)
    except IndicatorSetError as err:
        return [], [], [f"{p.line}: {p.message}" for p in err.problems]
    weights = [(node.id, str(node.weight)) for node in indicator_set.walk()]
    said = [(c.what, c.target, str(c.old), str(c.new), str(c.line)) for c in resolved.changes]
    return weights, said, []


#: What each profile resolved to before QA221 6 (the weights; the changes said, as what target old new line; the
#: problems): a change rescales the siblings as the changes before it left them, in the order of the tree.
_BEFORE = {
    'flat': (_flat(20), _changes(**{f"x{i}": 11 for i in range(8)}), (
        'x0=11 x1=11 x2=11 x3=11 x4=11 x5=11 x6=11 x7=11 x8=10 x9=10 x10=10 x11=10 x12=9 x13=9 x14=9 x15=9 x16=9 x17=9 x18=9 x19=9',
        'weight x0 10 11 4',
        'weight x1 10 11 5',
        'weight x2 10 11 6',
        'weight x3 10 11 7',
        'weight x4 10 11 8',
        'weight x5 10 11 9',
        'weight x6 10 11 10',
        'weight x7 10 11 11',
        'rescaled x12 10 9 4',
        'rescaled x13 10 9 4',
        'rescaled x14 10 9 4',
        'rescaled x15 10 9 4',
        'rescaled x16 10 9 4',
        'rescaled x17 10 9 4',
        'rescaled x18 10 9 4',
        'rescaled x19 10 9 4',
    )),
    'flat_odd': (_flat(7, precision=1), _changes(x0=12, x3="9.5", x6=11), (
        'x0=12 x1=9.4 x2=9.4 x3=9.5 x4=9.4 x5=9.3 x6=11',
        'weight x0 10 12 4',
        'weight x3 10 9.5 5',
        'weight x6 10 11 6',
        'rescaled x1 10 9.4 4',
        'rescaled x2 10 9.4 4',
        'rescaled x4 10 9.4 4',
        'rescaled x5 10 9.3 4',
    )),
    'flat_whole': (_flat(9, precision=0), _changes(x1=14, x2=13), (
        'x0=9 x1=14 x2=13 x3=9 x4=9 x5=9 x6=9 x7=9 x8=9',
        'weight x1 10 14 4',
        'weight x2 10 13 5',
        'rescaled x0 10 9 4',
        'rescaled x3 10 9 4',
        'rescaled x4 10 9 4',
        'rescaled x5 10 9 4',
        'rescaled x6 10 9 4',
        'rescaled x7 10 9 4',
        'rescaled x8 10 9 4',
    )),
    'nested': (_nested(), _changes(p0=12, p1=9, q0=8, R=20), (
        'P=46 p0=12 p1=9 p2=13 p3=12 Q=34 q0=8 q1=14.4 q2=11.6 R=20',
        'weight p0 10 12 4',
        'weight p1 10 9 5',
        'weight q0 7.5 8 6',
        'weight R 30 20 7',
        'rescaled p3 10 9 4',
        'rescaled q1 12.5 12.2 6',
        'rescaled q2 10 9.8 6',
        'rescaled P 40 46 7',
        'rescaled p2 10 13 7',
        'rescaled p3 9 12 7',
        'rescaled Q 30 34 7',
        'rescaled q1 12.2 14.4 7',
        'rescaled q2 9.8 11.6 7',
    )),
    'nested_q_first': (_nested(), _changes(R=20, q2=11, p3=5, p2="10.5"), (
        'P=46 p0=15.3 p1=15.2 p2=10.5 p3=5 Q=34 q0=8.6 q1=14.4 q2=11 R=20',
        'weight R 30 20 4',
        'weight q2 10 11 5',
        'weight p3 10 5 6',
        'weight p2 10 10.5 7',
        'rescaled p0 10 12.3 7',
        'rescaled p1 10 12.2 7',
        'rescaled q0 7.5 7.1 5',
        'rescaled q1 12.5 11.9 5',
        'rescaled P 40 46 4',
        'rescaled p0 12.3 15.3 4',
        'rescaled p1 12.2 15.2 4',
        'rescaled Q 30 34 4',
        'rescaled q0 7.1 8.6 4',
        'rescaled q1 11.9 14.4 4',
    )),
    'all_set': (_flat(4), _changes(x0=11, x1=9, x2=12, x3=8), (
        'x0=11 x1=9 x2=12 x3=8',
        'weight x0 10 11 4',
        'weight x1 10 9 5',
        'weight x2 10 12 6',
        'weight x3 10 8 7',
    )),
    'all_set_short': (_flat(4), _changes(x0=11, x1=9, x2=12, x3=7), (
        '',
        '4: x0 has no sibling under the set whose weight this profile leaves free to take up the difference (39 of 40)',
        '5: x1 has no sibling under the set whose weight this profile leaves free to take up the difference (39 of 40)',
        '6: x2 has no sibling under the set whose weight this profile leaves free to take up the difference (39 of 40)',
        '7: x3 has no sibling under the set whose weight this profile leaves free to take up the difference (39 of 40)',
    )),
    'zero': (_flat(5, weight=1, precision=0), _changes(x0=3, x1=1), (
        '',
        '4: rescaling the indicators under the set to 1 leaves x3 with 0 points',
        '4: rescaling the indicators under the set to 1 leaves x4 with 0 points',
        '5: rescaling the indicators under the set to 1 leaves x3 with 0 points',
        '5: rescaling the indicators under the set to 1 leaves x4 with 0 points',
    )),
}


@pytest.mark.parametrize("case", sorted(_BEFORE))
def test_rescales_of_siblings_resolve_to_the_weights_they_always_did(tmp_path: Path, case: str) -> None:
    """Leaves at whole points, at one decimal, at precision 0; groups whose children are rescaled before and after the
    groups themselves (R's rescale, after them in the tree, rescales P and Q, and their children follow); every sibling
    set, adding up or not (said for each change); and rescales that would leave an indicator 0 points, said for each
    change that rescales: every weight, change and problem as before."""
    base, change, before = _BEFORE[case]
    weights, said, problems = _resolved(tmp_path, base, change)
    now = (" ".join(f"{key}={weight}" for key, weight in weights),
           *(" ".join(c) for c in said if c[0] != "section"), *problems)
    assert now == before


def _split(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, leaves: int, changed: int,
           weight: Callable[[int], int] = lambda i: 11) -> tuple[int, int, list[tuple[str, str]]]:
    """The weights split, the weights read, and every weight resolved, when `changed` of `leaves` leaves of 10 are set
    with rescale: siblings (the i-th to weight(i))."""
    split, read = [0], [0]
    real, number = _profiles.apportion, _profiles.number

    def counted(weights: dict[str, Decimal], total: Decimal, places: int) -> dict[str, Decimal]:
        split[0] += len(weights)
        return real(weights, total, places)

    def reading(node: Any) -> Decimal | None:
        read[0] += 1
        return number(node)

    (tmp_path / "base.yaml").write_text(_flat(leaves), encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text("extends: base.yaml\nid: p\n" + _changes(**{f"x{i}": weight(i) for i in range(changed)}), encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(_profiles, "apportion", counted)
        patch.setattr(_profiles, "number", reading)
        indicator_set = load_indicator_set(path)
    return split[0], read[0], [(node.id, str(node.weight)) for node in indicator_set.walk()]


def test_many_rescales_under_one_parent_split_its_weights_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """400 leaves of 10, 200 of them set to 11 with rescale: siblings: the other 200 take the 200 points less, and their
    weights are split once (200 weights, where each of the 200 rescales split them all again: 40,000)."""
    split, read, weights = _split(monkeypatch, tmp_path, 400, 200)
    assert split == 200, split
    assert read < 10 * 400, read  # each weight read a few times, not once for each rescale (80,000)
    assert [w for _, w in weights] == ["11"] * 200 + ["9"] * 200


def test_rescales_under_a_parent_whose_children_are_all_set_read_its_weights_once(monkeypatch: pytest.MonkeyPatch,
                                                                                  tmp_path: Path) -> None:
    """400 leaves of 10, every one set, to 11 and 9 in turn, with rescale: siblings: nothing is left to split, the weights
    add up, and they are read a few times each (each of the 400 rescales read all 400: 1600 such took 19 s)."""
    split, read, weights = _split(monkeypatch, tmp_path, 400, 400, lambda i: 11 if i % 2 == 0 else 9)
    assert (split, [w for _, w in weights]) == (0, ["11", "9"] * 200)
    assert read < 10 * 400, read
