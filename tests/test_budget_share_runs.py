"""A grade's consequence holding a long run of digits or spaces is read in time that grows with its length, not its square.

QA203 3: the patterns that find a percentage in a consequence (结果应用) started at every digit of a run and gave the run
back one digit at a time, so a 5 KB consequence of digits took 10 s to load and 20,000 digits 200 s. No test here is
timed: the first asserts the patterns' shape (a number read from the first digit of its run, digits and spaces taken
whole, never given back), the others read consequences ten times the finding's size, which the old patterns would take
hours to.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from scoring_engine import _budget_share
from scoring_engine._budget_share import budget_share, unusable_share
from scoring_engine.loader import parse_indicator_set

_parser = re._parser  # type: ignore[attr-defined]  # the standard library's own reader of patterns (sre_parse before 3.11)

_PATTERNS = {"range": _budget_share._RANGE, "at least": _budget_share._AT_LEAST, "at most": _budget_share._AT_MOST,
             "single": _budget_share._SINGLE}


def _repeats(items: object, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(repeat kind, class) of every repeat of digits or spaces in a parsed pattern, at any depth."""
    for op, av in items:  # type: ignore[attr-defined]
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = list(av[2])
            if len(body) == 1 and str(body[0][0]) == "IN":
                classes = {str(arg) for _, arg in body[0][1]}
                found += [(name, c) for c in classes & {"CATEGORY_DIGIT", "CATEGORY_SPACE"}]
            _repeats(av[2], found)
        elif name == "SUBPATTERN":
            _repeats(av[3], found)
        elif name == "BRANCH":
            for branch in av[1]:
                _repeats(branch, found)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _repeats(av[1], found)
        elif name == "ATOMIC_GROUP":
            _repeats(av, found)
    return found


@pytest.mark.parametrize("kind", list(_PATTERNS))
def test_a_consequence_pattern_never_gives_back_digits_or_spaces(kind: str) -> None:
    """Each pattern reading a share takes a run of digits or spaces whole (possessive), and starts a number only at the
    first digit of its run: a run is walked once, whatever its length, not once for each place in it."""
    pattern = _PATTERNS[kind]
    repeats = _repeats(_parser.parse(pattern.pattern), [])
    assert repeats, "the pattern reads digits and spaces"
    assert [r for r in repeats if r[0] != "POSSESSIVE_REPEAT"] == []
    assert pattern.match("12345%", 1) is None  # inside a run of digits no number starts


@pytest.mark.parametrize("run", ["1" * 50_000, " " * 50_000, "1" + " " * 50_000, "１" * 50_000, "1." * 25_000])
def test_a_consequence_with_a_run_ten_times_the_findings_reads_as_before(run: str) -> None:
    """50,000 digits or spaces in a consequence name no share, and what comes after them reads as it would alone (the
    old patterns took hours on this: 5,000 digits took 10 s)."""
    _budget_share._read.cache_clear()
    assert budget_share(run) is None and unusable_share(run) is None
    assert budget_share(run + "，核减该项目预算10%–30%") == budget_share("核减该项目预算10%–30%")
    assert budget_share(f"核减{run}") is None
    assert budget_share(run + "核减10%") == _budget_share.Share(Decimal("0.1"), Decimal("0.1"))


def test_a_set_whose_consequence_holds_50000_digits_loads() -> None:
    """A set whose grade's consequence is 50,000 digits loads (QA203 3: 5,000 took 10 s; 20,000, 200 s)."""
    text = ("id: cq\nname: 后果\nversion: '1'\nfacts:\n  a: {type: number}\n"
            f"grades:\n  - {{label: 合格, min: 60, consequence: '{'1' * 50_000}'}}\n  - {{label: 不合格, min: 0}}\n"
            "indicators:\n  - {id: A, name: 甲, weight: 100, rule: {kind: formula, score: 'a'}}\n")
    indicator_set = parse_indicator_set(text, "cq.yaml")
    assert indicator_set.id == "cq"
