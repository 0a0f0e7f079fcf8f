"""A did-you-mean is bounded: a file of thousands of long, alike names names its slips without comparing each with
each (QA203 4), and the names of an ordinary set are offered as difflib offers them."""

from __future__ import annotations

import difflib
import itertools
import random
from collections.abc import Iterator

import pytest

from scoring_engine._undeclared import given_instead, undeclared_warnings
from scoring_engine.errors import (MAX_SUGGESTION_CANDIDATES, MAX_SUGGESTION_LENGTH, MAX_SUGGESTION_WORK, closest,
                                   did_you_mean)


def _alike(count: int, length: int, seed: int = 0) -> list[str]:
    """`count` names of `length` letters a and b: each is close to every other by its letters."""
    r = random.Random(seed)
    return ["f" + "".join(r.choice("ab") for _ in range(length - 1)) for _ in range(count)]


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many names were compared closely (difflib's ratio, the costly comparison), and at what cost."""
    counts = [0, 0]
    ratio = difflib.SequenceMatcher.ratio

    def counting(self: difflib.SequenceMatcher) -> float:
        counts[0] += 1
        counts[1] += len(self.a) * len(self.b)
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
    yield counts


def test_a_slip_among_thousands_of_alike_names_is_compared_closely_within_the_bound(compared: list[int]) -> None:
    """3,000 names of 60 letters a and b, each alike by its letters: a slip is compared closely with a few dozen of
    them (their lengths multiplied within MAX_SUGGESTION_WORK), not with all 3,000."""
    names = _alike(3000, 60)
    did_you_mean(_alike(1, 60, seed=99)[0], names)
    assert 0 < compared[0] <= MAX_SUGGESTION_WORK // (60 * 60)
    assert compared[1] <= MAX_SUGGESTION_WORK


def test_a_slip_is_compared_with_the_first_names_only(compared: list[int]) -> None:
    """5,000 short names that all pass difflib's quick filters (the letters of one name in other orders): at most
    MAX_SUGGESTION_CANDIDATES of them are compared."""
    names = ["".join(p) for p in itertools.islice(itertools.permutations("abcdefgh"), 5000)]
    assert did_you_mean("abcdefgx", names) is not None
    assert compared[0] <= MAX_SUGGESTION_CANDIDATES


def test_a_name_too_long_is_offered_nothing_and_never_offered(compared: list[int]) -> None:
    """A slip longer than MAX_SUGGESTION_LENGTH is offered nothing (no comparing at all), and a name longer is not
    offered for a short slip."""
    long_names = _alike(50, MAX_SUGGESTION_LENGTH + 50)
    assert did_you_mean(long_names[0] + "b", long_names) is None
    assert compared[0] == 0
    word = "x" * MAX_SUGGESTION_LENGTH
    assert did_you_mean(word[:-1], [word + "y"]) is None
    assert did_you_mean(word[:-1], [word]) == f"did you mean {word}?"


def test_undeclared_long_facts_are_warned_of_within_the_bound(compared: list[int]) -> None:
    """The score of a facts file giving 20 undeclared 150-letter names to a set of 300 such facts (QA203 4: 13 s) warns
    of each without comparing it closely with any name; a required fact left out is not compared with them either."""
    declared = dict.fromkeys(_alike(300, 151))
    given = dict.fromkeys(_alike(20, 151, seed=7), 1)
    warnings = undeclared_warnings(given, declared, "f.json")
    assert len(warnings) == 20 and all(w.hint is None for w in warnings)
    assert given_instead(next(iter(declared)), given, declared) is None
    assert compared[0] == 0


@pytest.mark.parametrize("word", ["budget.piad", "budget.totl", "proces.execution_rate", "output.quantity", "已完成",
                                  "benefit.socal", "xyz", "decision.basis", "quality"])
def test_the_names_of_an_ordinary_set_are_offered_as_difflib_offers_them(word: str) -> None:
    """Under the bounds, a slip among a set's few names gets the suggestion difflib.get_close_matches gives."""
    names = ["budget.paid", "budget.total", "process.execution_rate", "output.quantity_rate", "output.quality_rate",
             "benefit.social", "benefit.economic", "decision.basis", "decision.allocation.basis", "已完工", "未开工",
             "satisfaction.rate", *(f"extra.fact_{i}" for i in range(300))]
    for cutoff in (0.5, 0.6):
        expected = difflib.get_close_matches(word, names, n=1, cutoff=cutoff)
        assert closest(word, names, cutoff) == (expected[0] if expected else None)


def test_a_suggestion_among_many_alike_names_is_difflibs_or_none_never_a_worse_one() -> None:
    """QA207 1: in a set of 150 facts named effect.sustainability.item001_completion_rate…, the slip tem002 was offered
    item001 (the work ran out, and the best name compared so far was offered). Names are compared likeliest first, and
    when the work runs out before the best is certain nothing is offered: whatever is offered is difflib's own choice."""
    names = [f"effect.sustainability.item{n:03}_completion_rate" for n in range(1, 151)]
    assert closest("effect.sustainability.tem002_completion_rate", names) == \
        "effect.sustainability.item002_completion_rate"
    r = random.Random(7)
    for _ in range(300):
        chosen = names if r.random() < 0.5 else [f"{r.choice(['p', 'q'])}.{r.choice(['x', 'y'])}.item{n:03}_rate"
                                                   for n in range(r.randint(50, 400))]
        slip = list(r.choice(chosen))
        del slip[r.randrange(len(slip))]
        word = "".join(slip)
        found = closest(word, chosen)
        assert found is None or found == difflib.get_close_matches(word, chosen, 1, 0.6)[0], word
