"""Values a program passes that no facts file holds (a signalling NaN, a number past the decimal context, a set named
otherwise than as text) are refused as the facts' problems, where they are: never a bare decimal or encoding error,
never a Result that cannot be written, never a batch stopped (QA306)."""

from __future__ import annotations

import copy
import json
import random
import sys
from decimal import Decimal

import pytest

from conftest import EXAMPLE_FACTS, ROOT
from scoring_engine import Facts, FactsError, load_indicator_set, score, scores_only
from scoring_engine.batch import score_many

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import national_facts


def _small() -> dict:
    return json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))


def test_a_project_detail_that_is_a_signalling_nan_fails_its_project_and_the_batch_goes_on() -> None:
    """QA306 1: a year of Decimal('sNaN') failed scoring rightly, then wording its 问题 row raised InvalidOperation:
    score_many gave no outcome at all, not even the good project before it."""
    good, bad = _small(), _small()
    bad["project"]["year"] = Decimal("sNaN")
    for jobs in (1, 2):
        outcomes = list(score_many(load_indicator_set(str(ROOT / "examples/small/set.yaml")),
                                   [good, bad, good], jobs=jobs))
        assert [True, False, True] == [o.ok for o in outcomes]
        assert "sNaN is not a finite number" in str(outcomes[1].problems[0])


@pytest.mark.parametrize("named", [{"id": "x"}, b"set.yaml", 5, "set\ud800.yaml"])
def test_a_set_named_otherwise_than_as_text_is_refused_when_scored(named: object) -> None:
    """QA306 2: Facts(indicator_set=b'set.yaml') scored, and its Result's to_json() raised a bare TypeError (a lone
    surrogate: UnicodeEncodeError), away from the cause; score_many said a dict was an internal error. Each is refused
    at once, at $.indicator_set, as a facts file naming it so is."""
    indicator_set = load_indicator_set(str(ROOT / "examples/small/set.yaml"))
    facts = Facts(values=_small()["facts"], indicator_set=named)  # type: ignore[arg-type]
    with pytest.raises(FactsError) as caught:
        score(indicator_set, facts)
    [problem] = caught.value.problems
    assert "$.indicator_set" == problem.path and "name the set by its id, or by its path as UTF-8 text" == problem.hint
    [outcome] = score_many(indicator_set, [facts])
    assert not outcome.ok and "internal error" not in str(outcome.problems[0])
    assert "$.indicator_set" == outcome.problems[0].path


@pytest.mark.parametrize("where, value", [
    (("decision", "basis", "policy"), 10 ** 5000), (("decision", "basis", "policy"), Decimal("1E+1000")),
    (("decision", "basis", "policy"), Decimal("9" * 10000)), (("output", "planned_end"), Decimal("sNaN")),
], ids=["10**5000", "1E+1000", "10000 nines", "sNaN date"])
def test_a_number_past_the_decimal_context_in_a_fact_of_another_type_is_refused_as_the_facts(where: tuple[str, ...],
                                                                                            value: object) -> None:
    """QA306 3: in the national framework, a true/false or date fact given 10**5000, 1E+1000 or sNaN raised a bare
    decimal.Overflow or InvalidOperation (wording the value); it is the facts' problem, at the fact, for score and
    scores_only."""
    indicator_set = load_indicator_set("national-framework")
    document = national_facts(random.Random(1))
    values = copy.deepcopy(document["facts"])
    inner = values
    for key in where[:-1]:
        inner = inner[key]
    inner[where[-1]] = value
    for scorer in (score, scores_only):
        with pytest.raises(FactsError) as caught:
            scorer(indicator_set, Facts(values=values))
        assert caught.value.problems[0].fact == ".".join(where)
