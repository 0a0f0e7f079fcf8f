"""What lint claims of a formula holds for every project: the value stays in its range, a known truth is the truth, a safe formula never fails."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring_engine import ScoringError, parse_indicator_set
from scoring_engine.formulas import compile_formula, evaluate
from scoring_engine.lint.ranges import Ranges
from scoring_engine.lint.values import shown_range

SET = """id: ranges
name: 范围
version: "1"
total: 10
facts:
  a: {type: number, min: -5, max: 5}
  b: {type: number, min: 0, max: 100}
  n: {type: integer, min: 0, max: 40}
  m: {type: integer, min: -3, max: 3}
  flag: {type: boolean}
derived:
  share: "ratio(a, b, 1)"
  grown: "n * 2 + m"
grades: [{label: 合格, min: 0}]
indicators:
  - {id: only, name: 唯一, weight: 10, rule: {kind: formula, score: "a + b + n + m + share + grown + (1 if flag else 0)"}}
"""
INDICATOR_SET = parse_indicator_set(SET, "ranges.yaml")
SCOPE = {**{name: spec.type for name, spec in INDICATOR_SET.facts.items()}, "share": "derived", "grown": "derived"}

FORMULAS = [
    "a + b", "a - b", "a * b", "a * a", "-a", "a / b", "b / a", "a / m", "n / m", "ratio(a, m)", "ratio(b, n, 7)",
    "min(a, b, n)", "max(a, -b)", "abs(a)", "abs(a - 10)", "clamp(a, 0, 1)", "clamp(b, a, 50)", "round_half_up(a / 3, 1)",
    "share", "grown", "grown / n", "1 if flag else a", "flag + flag", "n * m - a",
    "a <= a", "a < 6", "b >= 0", "a > 5", "n != m", "a == a", "0 <= b <= 100", "a < b or b < 1", "not (a > 5)",
    "flag and a < 10", "flag or a < -5", "b / n >= 0", "ratio(b, n) >= 0", "clamp(a, b, 1) < 2", "share <= 1",
]

facts_strategy = st.fixed_dictionaries({
    "a": st.decimals(-5, 5, places=2), "b": st.decimals(0, 100, places=1), "n": st.integers(0, 40).map(Decimal),
    "m": st.integers(-3, 3).map(Decimal), "flag": st.booleans(),
})


def _values(facts: dict[str, object]) -> dict[str, object]:
    """The facts with the derived values worked out, as the engine gives a formula its names."""
    names = dict(facts)
    for d in INDICATOR_SET.derived:
        names[d.name] = evaluate(d.formula, names)
    return names


@pytest.mark.parametrize("text", FORMULAS)
@settings(max_examples=60, deadline=None)
@given(facts=facts_strategy)
def test_a_formula_stays_within_what_lint_says_of_it(text: str, facts: dict[str, object]) -> None:
    """For facts within their declared bounds, the value is in the range, a decided truth holds, a safe formula does not fail."""
    formula = compile_formula(text, SCOPE)
    known = Ranges(INDICATOR_SET).of(formula.tree)
    try:
        value = evaluate(formula, _values(facts))
    except ScoringError:
        assert not known.safe, f"{text} is said never to fail"
        return
    number = Decimal(int(value)) if isinstance(value, bool) else value
    assert known.low <= number <= known.high, f"{text} = {value}, outside {shown_range(known, str)}"
    if known.truth is not None:
        assert known.truth is value, text


def test_the_ranges_are_tight_where_the_bounds_decide() -> None:
    """The analysis is not vacuous: bounds give the expected ranges and truths."""
    ranges = Ranges(INDICATOR_SET)

    def of(text: str) -> str:
        return shown_range(ranges.of(compile_formula(text, SCOPE).tree), str)

    assert ("[-5, 105]", "[-500, 500]", "[-3, 83]", "[0, 1]") == (of("a + b"), of("a * b"), of("grown"), of("clamp(a, 0, 1)"))
    assert (True, False, None) == tuple(ranges.of(compile_formula(t, SCOPE).tree).truth for t in ("b >= 0", "a > 5", "a < b"))
