"""A facts document nested far deeper than MAX_FACTS_DEPTH is said one way on every Python (3.11 and later): its depth is
measured before it is decoded, where the decoder's recursion stopped at a depth each version sets otherwise (QA215 4)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_FACTS, EXAMPLE_SET

from scoring_engine import FactsError, parse_facts
from scoring_engine._json_depth import DECODED_DEPTH
from scoring_engine.cli import main

DEEP = "JSON nested deeper than 20 levels (MAX_FACTS_DEPTH)"


def _deep(levels: int) -> str:
    return '{"indicator_set": "example-small", "facts": ' + '{"a":' * levels + "1" + "}" * levels + "}"


@pytest.mark.parametrize("levels", [DECODED_DEPTH, 980, 1500, 3000, 100_000])
def test_a_document_nested_past_what_is_decoded_is_said_at_its_21st_level_on_every_python(levels: int) -> None:
    """QA215 4: `{"a":` 1500 times was 'JSON nested deeper than 20 levels' with no place on 3.11 and 3.12 (the decoder's
    RecursionError) and the path form `$.facts.a.a…` on 3.13, whose decoder goes deeper; 980 levels differed by the
    stack a call was made on. Measured before decoding, it is said at the bracket opening its 21st level."""
    with pytest.raises(FactsError) as caught:
        parse_facts(_deep(levels), source="facts.json")
    problem = caught.value.problems[0]
    assert (DEEP, 1, 140, "facts nest a few levels at most") == (problem.message, problem.line, problem.column, problem.hint)
    assert problem.text("zh") == "facts.json:1:140: JSON 嵌套超过 20 层（事实一般只嵌套几层：检查括号是否多写）"


def test_the_message_does_not_depend_on_the_stack_a_call_is_made_on() -> None:
    """The same document gives the same message on a stack with little room left (as a deep call, or a Python whose
    decoder recurses more, would have): nothing is decoded past DECODED_DEPTH."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)
    try:
        with pytest.raises(FactsError) as caught:
            parse_facts(_deep(1500), source="facts.json")
    finally:
        sys.setrecursionlimit(limit)
    assert (DEEP, 140) == (caught.value.problems[0].message, caught.value.problems[0].column)


def test_a_document_nested_within_what_is_decoded_is_said_at_its_path() -> None:
    """A document nested past MAX_FACTS_DEPTH but within DECODED_DEPTH is decoded and said at the fact's path, as before;
    brackets in a text are the text's own."""
    with pytest.raises(FactsError) as caught:
        parse_facts(_deep(DECODED_DEPTH - 2), source="facts.json")
    assert caught.value.problems[0].message == "nested deeper than 20 levels (MAX_FACTS_DEPTH)"
    assert caught.value.problems[0].path.startswith("$.facts.a.a.a")
    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    document["project"]["name"] = "[" * 300 + "{" * 300
    assert parse_facts(json.dumps(document, ensure_ascii=False)).project["name"].startswith("[[[")


def test_a_deep_document_is_said_alike_by_score_and_by_a_batch(tmp_path: Path) -> None:
    """QA215 4: score and a batch's outputs said the document as the version's decoder let them, and on 3.11 and 3.12 a
    batch given such a JSON document under a .yaml name stopped with an internal error (its top keys were read with
    json.loads, which raised RecursionError). Both say the one message; the .yaml file is said too deep as YAML."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "deep.json").write_text(_deep(1500), encoding="utf-8")
    (tmp_path / "in" / "deep.yaml").write_text(_deep(1500), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(tmp_path / "in" / "deep.json"), "--set", str(EXAMPLE_SET)])
    assert 1 == run.exit_code and "deep.json:1:140: JSON 嵌套超过 20 层（事实一般只嵌套几层：检查括号是否多写）" in run.output
    summary = tmp_path / "summary.jsonl"
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "in"), "--set", str(EXAMPLE_SET), "-j1", "-q",
                                    "-o", str(summary)])
    assert 1 == run.exit_code, run.output
    rows = {Path(row["source"]).name: row for row in map(json.loads, summary.read_text(encoding="utf-8").splitlines())}
    assert [DEEP] == [problem["message"] for problem in rows["deep.json"]["problems"]]
    assert (1, 140) == (rows["deep.json"]["problems"][0]["line"], rows["deep.json"]["problems"][0]["column"])
    assert "MAX_YAML_DEPTH" in rows["deep.yaml"]["problems"][0]["message"]
    assert "internal error" not in run.output
