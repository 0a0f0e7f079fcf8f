"""Literal braces in a set's reason template read as str.format reads them, at load and when scoring (QA203 1).

`reasons: {formula.score: '{{{name}}}'}` passed validate and lint, then stopped scoring with an internal error
(KeyError: 'name\\x01', exit 3): the set's check and the sentence each read the braces their own way.
"""

from __future__ import annotations

import random

import pytest

from scoring_engine import IndicatorSetError, parse_indicator_set, score
from scoring_engine.reasons import COMMON_FIELDS, Sentence, template_problems

SET = """id: rt
name: 模板
version: "1"
facts:
  a: {type: number, label: 甲}
reasons:
  formula.score: %s
grades: [{label: 合格, min: 0}]
indicators:
  - {id: x, name: 指标, weight: 100, rule: {kind: formula, score: "a"}}
"""


@pytest.mark.parametrize(("template", "reason"), [
    ("'{{{name}}}'", "{指标}"),
    ("'{{{score}}}'", "{1.00}"),
    ("'{{{weight}}}分'", "{100}分"),
    ("'{{{{{name}}}}}'", "{{指标}}"),
    ("'{name}}}'", "指标}"),
    ("'{{{lost}}}'", "{99.00}"),
])
def test_a_reason_with_literal_braces_round_a_placeholder_reads_as_str_format_reads_it(template: str, reason: str) -> None:
    """'{{{name}}}' is a brace, the indicator's name and a brace, as the docs and str.format say: the set loads and
    scores, with the reason '{指标}'."""
    result = score(parse_indicator_set(SET % template), {"a": 1})
    assert reason == result.indicator("x").reason


@pytest.mark.parametrize("template", ["'{{{name}}'", "'{na{me}}'", "'{'", "'名}'", "'{{{{name}}}'"])
def test_a_brace_standing_alone_in_a_reason_is_refused_as_the_set_loads(template: str) -> None:
    """A brace str.format would refuse is refused at load, on its line, never met first when scoring."""
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(SET % template)
    assert any("unbalanced { or }" in problem.message and problem.line == 7 for problem in caught.value.problems)


def test_the_set_check_and_the_sentence_agree_with_str_format_on_random_braces() -> None:
    """On random templates of braces, names and text: the check passes exactly the templates str.format fills with the
    fields given, and the sentence then reads as str.format writes it."""
    fields = {name: f"<{name}>" for name in COMMON_FIELDS}
    pieces = ["{", "}", "{{", "}}", "name", "score", "x", "分", "{name}", "{x}", "{}"]
    rng = random.Random(203)
    for _ in range(20000):
        template = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        try:
            expected: str | None = template.format(**fields)
        except (ValueError, KeyError, IndexError):
            expected = None
        problems = template_problems("formula.score", template)
        assert (expected is None) == bool(problems), (template, problems)
        if expected is not None:
            assert expected == Sentence.of(template).fill(fields.__getitem__), template
