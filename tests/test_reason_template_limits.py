"""A set's reason template is bounded when the set loads: it is filled for every indicator it serves, and `{formula}`
written 50,000 times wrote 95 MB for one indicator (QA203 6). Past a bound the set is refused on the template's line,
naming the limit, in English and in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scoring_engine import IndicatorSetError, parse_indicator_set
from scoring_engine._reason_limits import MAX_REASON_LENGTH, MAX_REASON_PLACEHOLDERS
from scoring_engine.cli import main
from scoring_engine.reasons import TEMPLATES, Sentence


def _set(template: str) -> str:
    return ("id: t\nname: t\nversion: '1'\nfacts:\n  v: {type: number}\n"
            f"reasons:\n  formula.score: '{template}'\n"
            "grades: [{label: 优, min: 9}, {label: 差, min: 0}]\ntotal: 10\n"
            "indicators:\n  - id: a\n    name: 甲\n    weight: 10\n    rule: {kind: formula, score: v * 10}\n")


def test_a_template_naming_a_field_too_often_is_refused_on_its_line() -> None:
    """A template of 21 placeholders ({formula} × 21, within the length bound) is refused where it is written."""
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(_set("{formula}" * (MAX_REASON_PLACEHOLDERS + 1)), source="set.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 7 and problem.path == "$.reasons.formula.score"
    assert (f"reason template formula.score holds {MAX_REASON_PLACEHOLDERS + 1} placeholders; the limit is "
            f"{MAX_REASON_PLACEHOLDERS} (MAX_REASON_PLACEHOLDERS)") == problem.message


def test_a_template_too_long_is_refused_on_its_line() -> None:
    """A template of 501 characters, one placeholder among them, is refused naming MAX_REASON_LENGTH."""
    template = "得{score}分" + "，" * (MAX_REASON_LENGTH + 1 - len("得{score}分"))
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(_set(template), source="set.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 7
    assert (f"reason template formula.score is {MAX_REASON_LENGTH + 1} characters long; the limit is "
            f"{MAX_REASON_LENGTH} (MAX_REASON_LENGTH)") == problem.message


def test_a_template_at_the_bounds_is_taken() -> None:
    """20 placeholders in 500 characters load, and fill each value 20 times at most."""
    template = "{formula}" * MAX_REASON_PLACEHOLDERS
    template += "。" * (MAX_REASON_LENGTH - len(template))
    assert parse_indicator_set(_set(template)).reasons["formula.score"] == template


def test_every_template_of_the_engine_is_within_the_bounds() -> None:
    """The engine's own templates, each a set may copy and change, are within both bounds."""
    for template in TEMPLATES.values():
        assert len(template[0]) <= MAX_REASON_LENGTH
        assert sum(1 for _, name in Sentence.of(template[0]).parts if name) <= MAX_REASON_PLACEHOLDERS


def test_the_refusal_is_one_line_in_chinese_naming_file_line_and_limit(tmp_path: Path) -> None:
    """`validate` of a set whose template names {formula} 1,000 times: exit 1, one Chinese line per bound, with the
    file, the line and the limit; no reason is ever filled."""
    path = tmp_path / "set.yaml"
    path.write_text(_set("{formula}" * 1000), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any("set.yaml:7:" in line and "理由模板 formula.score 含 1000 个占位符，上限是 20" in line
               for line in lines), result.output
    assert any("理由模板 formula.score 有 9000 个字符，上限是 500" in line for line in lines), result.output
