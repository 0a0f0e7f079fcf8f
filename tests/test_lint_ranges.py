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


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="每发现一处问题扣分值的得满否则不最高按计各项①②③（）()含–-~至≥≤<>低于以上下及，；。%×0123456789.−十三", max_size=60))
def test_any_standard_text_is_read_without_failing(text: str) -> None:
    """Whatever a 评分标准 says, reading its numbers never fails: lint cannot be stopped by the text of a set."""
    from scoring_engine.lint.standard_text import Standard

    standard = Standard(text)
    standard.per_finding(), standard.zero_at_count(), standard.full_marks(), standard.each_item(), standard.bands()
    standard.tiers(["达成年度指标", "达成"]), standard.zero_lines(), standard.trim(), standard.scale(), standard.tolerance()
    for chunk, start in standard.elements():
        standard.element_points(chunk, start)
        standard.per_finding(chunk)


def test_a_long_chain_of_derived_values_is_worked_out_without_recursion() -> None:
    """Derived values are taken in dependency order, so a chain of 900 of them is no deeper than one."""
    chain = "\n".join(f"  d{i}: d{i - 1} + 1" for i in range(1, 900))
    text = SET.replace("derived:\n", f"derived:\n  d0: n\n{chain}\n").replace("score: \"a + b", "score: \"d899 * 0 + a + b")
    ranges = Ranges(parse_indicator_set(text, "chain.yaml"))
    assert "[899, 939]" == shown_range(ranges.name("d899"), str)
