"""keyword_points are found in a finding's text in one pass over it, whatever the number of words (QA203 5: 20,000
findings against 45,000 words took 39 s), with the deductions trying each word in order gave."""

from __future__ import annotations

import random
from decimal import Decimal as D
from fractions import Fraction

import pytest
from test_rules import one_indicator

from scoring_engine import score
from scoring_engine._formula_functions import Finding
from scoring_engine.rules._base import Amount, amount_of
from scoring_engine.rules._deductions import Keyed, Ladder
from scoring_engine.rules._keywords import Keywords


def _in_order(groups: tuple[tuple[str, ...], ...], text: str) -> tuple[int, str] | None:
    """What keyword_points mean: the first entry with a word the text holds, and that entry's first such word."""
    for g, words in enumerate(groups):
        for word in words:
            if word in text:
                return g, word
    return None


@pytest.mark.parametrize("seed", range(40))
def test_the_word_found_is_the_one_trying_each_in_order_finds(seed: int) -> None:
    """Overlapping words, words inside words, a word given twice or in two entries, the empty word: the entry and the
    word found are those of trying each entry's words in order."""
    r = random.Random(seed)
    letters = "ab挪用" if seed % 2 else "abc"
    groups = tuple(tuple("".join(r.choice(letters) for _ in range(r.randint(0 if seed % 7 == 0 else 1, 5)))
                         for _ in range(r.randint(1, 6))) for _ in range(r.randint(1, 4)))
    matcher = Keywords(groups)
    for _ in range(60):
        text = "".join(r.choice(letters + "x") for _ in range(r.randint(0, 14)))
        assert matcher.first(text) == _in_order(groups, text), (groups, text)


class _Counted(str):
    """A finding's text that counts how often a word is looked for in it, and how often it is read through."""

    looked_for = 0
    read = 0

    def __contains__(self, word: object) -> bool:
        _Counted.looked_for += 1
        return super().__contains__(word)  # type: ignore[operator]

    def __iter__(self):  # type: ignore[no-untyped-def]
        _Counted.read += 1
        return super().__iter__()


def test_each_finding_is_read_once_however_many_keywords() -> None:
    """5,000 keywords and 200 findings: each finding's text is read once, no keyword looked for in it one by one (one
    look for a note of its points, 扣…分, whatever the keywords)."""
    words = tuple(f"k{i:05d}" for i in range(5000))
    steps = Ladder(None, keyed=(Keyed(words, _points("1")), Keyed(("x",), _points("2"))))
    _Counted.looked_for = _Counted.read = 0
    taken = steps.climb(tuple(Finding(_Counted("发现x问题")) for _ in range(200)), D(1000))
    assert _Counted.looked_for <= 200 and _Counted.read == 200
    assert {d.reason for d in taken} == {"发现x问题（含“x”）"} and sum(d.points for d in taken) == 400


def _points(value: str) -> Amount:
    return amount_of(Fraction(value), False)


def test_a_set_of_many_keywords_deducts_as_before() -> None:
    """A deduction rule whose keyword_points hold 3,000 words, the matching one last: the finding naming it deducts its
    entry's points and names the word; one naming a word of both entries takes the first entry's."""
    words = ", ".join(f"k{i:05d}" for i in range(3000))
    rule = (f"{{kind: deduction, findings: f, points_each: 1, keyword_points: [{{keywords: [{words}], points: 3}}, "
            "{keywords: [挪用, k02999], points: 5}]}")
    indicator_set = one_indicator(rule, "  f: {type: list}", weight=20)
    result = score(indicator_set, {"f": ["发现k02999号", "挪用资金", "超范围"]})
    node = result.indicators[0]
    assert [(d.points, d.reason) for d in node.deductions] == [
        (D(3), "发现k02999号（含“k02999”）"), (D(5), "挪用资金（含“挪用”）"), (D(1), "超范围")]
