"""QA325: documentation as a contract (what docs/limits.md and docs/batch.md promise the user)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scoring_engine.cli import main


def _big_set(folder: Path, count: int) -> None:
    """A set of `count` facts each at most 1, the last one alone read by an indicator."""
    facts = "".join(f"  f{i}: {{type: number, max: 1}}\n" for i in range(count))
    (folder / "big.yaml").write_text(
        f'id: t\nname: 上限测试\nversion: "1"\nfacts:\n{facts}grades:\n  - {{label: 合格, min: 0}}\n'
        f'indicators:\n  - {{id: x, name: 末项, weight: 100, rule: {{kind: formula, score: "min(f{count - 1}, 1) * 100"}}}}\n',
        encoding="utf-8")


@pytest.mark.parametrize("value", [5, "五"])
def test_thousands_of_values_the_set_refuses_are_said_in_a_hundred_lines(tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                                       value: object) -> None:
    """QA325 F3: a facts file whose 2,000 facts each broke their declared max (or gave text for a number) printed 2,000
    error lines, where docs/limits.md says a file of thousands of mistakes does not. Now the first 100 are said, the
    fact an indicator reads among them though declared last, then 'N more facts hold a value the set refuses', in
    Chinese too."""
    monkeypatch.chdir(tmp_path)
    _big_set(tmp_path, 2000)
    (tmp_path / "f.json").write_text(json.dumps({"indicator_set": "big.yaml", "facts": {f"f{i}": value for i in range(2000)}},
                                                ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "score", "f.json"])
    lines = result.output.splitlines()
    assert 1 == result.exit_code and 101 == len(lines), result.output[-2000:]
    assert any("f1999" in line and "(read by x)" in line for line in lines[:100]), result.output[-2000:]
    assert lines[-1].startswith("error: f.json: $.facts: 1900 more facts hold a value the set refuses ("), lines[-1]
    result = CliRunner().invoke(main, ["--lang", "zh", "score", "f.json"])
    assert result.output.splitlines()[-1].startswith("错误：f.json: $.facts：另有 1900 个事实的值不被体系接受，未列出（先改正"), \
        result.output[-500:]


def test_past_twenty_values_no_document_can_hold_a_line_says_how_many_more(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA325 F3: a facts file of 2,000 numbers out of range (1e20) printed its first 20 and nothing of the 1,980 after
    them. Now a 21st line counts them, in English and in Chinese; 20 or fewer print no such line."""
    monkeypatch.chdir(tmp_path)
    _big_set(tmp_path, 2000)
    for count, more in ((2000, 1980), (20, 0)):
        (tmp_path / "f.json").write_text(json.dumps({"indicator_set": "big.yaml", "facts": {f"f{i}": 1e20 for i in range(count)}}),
                                         encoding="utf-8")
        result = CliRunner().invoke(main, ["--lang", "en", "score", "f.json"])
        lines = result.output.splitlines()
        assert 1 == result.exit_code and len(lines) == 20 + bool(more), result.output[-2000:]
        assert (f"{more} more values no facts document can hold" in lines[-1]) == bool(more), lines[-1]
    (tmp_path / "f.json").write_text(json.dumps({"indicator_set": "big.yaml", "facts": {f"f{i}": 1e20 for i in range(30)}}),
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "zh", "score", "f.json"])
    assert result.output.splitlines()[-1].startswith("错误：f.json: 另有 10 个事实文件不能容纳的值，未列出（先改正列出的这些"), \
        result.output[-500:]


def test_one_more_is_said_in_the_singular(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA327: one fact past the 100 listed was '1 more facts hold a value the set refuses'; it is '1 more fact holds …',
    and one value past the 20 '1 more value no facts document can hold', in Chinese as the plural is."""
    monkeypatch.chdir(tmp_path)
    _big_set(tmp_path, 101)
    for facts, said, zh in (({f"f{i}": 5 for i in range(101)}, "1 more fact holds a value the set refuses (", "另有 1 个事实的值"),
                            ({f"f{i}": 1e20 if i < 21 else 0 for i in range(101)}, "1 more value no facts document can hold (",
                             "另有 1 个事实文件")):
        (tmp_path / "f.json").write_text(json.dumps({"indicator_set": "big.yaml", "facts": facts}), encoding="utf-8")
        last = CliRunner().invoke(main, ["--lang", "en", "score", "f.json"]).output.splitlines()[-1]
        assert said in last, last
        last = CliRunner().invoke(main, ["--lang", "zh", "score", "f.json"]).output.splitlines()[-1]
        assert zh in last and "more" not in last, last
