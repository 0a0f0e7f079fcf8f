"""A 需说明 flag's words are made when the flags are first read: the same words, once, for every reader and across a
process boundary; a number too large to be sure to show is worded while scoring, as before."""

from __future__ import annotations

import pickle
import random
import sys

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import Facts, load_facts, load_indicator_set, parse_indicator_set, score
from scoring_engine._check_failure import in_words, with_values
from scoring_engine._later import Later, given
from scoring_engine.engine import scores_only
from scoring_engine.result import Flag

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import national_facts


def _worded_now(indicator_set, facts) -> tuple[Flag, ...]:
    """The flags as score() made them before their words were deferred."""
    result = scores_only(indicator_set, facts)
    values = {**result.values, "total": result.total, "grade": result.grade}
    return tuple(Flag(with_values(r.message, r.formula, values, written=r.message), r.formula.text,
                      in_words(r.message, r.formula, values, indicator_set))
                 for r in indicator_set.explain_when if r.formula is not None and r.formula.evaluate(values) is True)


def test_flags_are_worded_when_read_as_they_were_while_scoring() -> None:
    national = load_indicator_set("national-framework")
    rng = random.Random(7)
    flagged = 0
    for _ in range(60):
        document = national_facts(rng)
        facts = Facts(values=document["facts"], not_applicable=document.get("not_applicable", {}))
        result, scores = score(national, facts), scores_only(national, facts)
        deferred = bool(result.__dict__["flags"] != ())
        assert not deferred or isinstance(given(result, "flags"), Later)  # nothing worded yet
        expected = _worded_now(national, facts)
        assert expected == result.flags == scores.flags == pickle.loads(pickle.dumps(scores)).flags
        assert result.flags is result.flags  # made once
        flagged += deferred
    assert flagged > 10


def test_a_value_too_large_to_be_sure_to_show_is_worded_while_scoring() -> None:
    base = EXAMPLE_SET.read_text(encoding="utf-8")
    result = score(parse_indicator_set(base + "\nexplain_when:\n  - {when: 'total > 1', message: 总分}\n", str(EXAMPLE_SET)),
                   load_facts(EXAMPLE_FACTS))
    assert isinstance(given(result, "flags"), Later)
    huge = base.replace("derived:\n", "derived:\n  huge: budget.paid * 100000000000000000000\n", 1)
    result = score(parse_indicator_set(huge + "\nexplain_when:\n  - {when: huge > 0, message: 大}\n", str(EXAMPLE_SET)),
                   load_facts(EXAMPLE_FACTS))
    assert type(given(result, "flags")) is tuple and len(result.flags) == 1
