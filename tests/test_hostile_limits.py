"""docs/limits.md states every input limit with the value the code uses."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import _profile_keys, _reason_limits, _yaml, audit, errors, fact_values, facts, formulas, loader, rules
from scoring_engine.forms import workbook
from scoring_engine.model import FactSpec
from scoring_engine.cli import main

MODULES = (formulas, _yaml, _profile_keys, loader, facts, rules, workbook, audit, errors, _reason_limits, fact_values)


def _documented() -> dict[str, Decimal]:
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    return {name: Decimal(value) for name, value in re.findall(r"^\| `(MAX_\w+)` \| ([\d.e]+) \|", text, re.M)}


def _in_code() -> dict[str, Decimal]:
    found = {}
    for module in MODULES:
        for name in dir(module):
            value = getattr(module, name)
            if name.startswith("MAX_") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                found[name] = Decimal(value)
    return found


def test_every_limit_is_documented_with_its_value() -> None:
    """Each MAX_ constant of the formula, YAML, facts, rule, form-reading and audit modules has a row in docs/limits.md giving
    its value."""
    assert _in_code() == _documented()


def test_the_yaml_number_bound_is_the_fact_bound() -> None:
    """Numbers in a YAML file and numbers in a facts file share one bound, so a set can describe any fact it may receive."""
    assert facts.MAX_FACT_MAGNITUDE == _yaml.MAX_YAML_NUMBER


# ---------------------------------------------------------------- the input messages limits.md quotes


def _quoted(heading: str) -> list[str]:
    """The messages quoted (in backticks, holding ': ') in a section of docs/limits.md."""
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    following = re.search(r"^#{2,3} ", text[start:], re.M)
    section = text[start: start + following.start()] if following else text[start:]
    return [m for m in re.findall(r"`([^`]+)`", section) if ": " in m]


def _facts_with(key: str, written: str) -> str:
    """The small example's facts with budget.KEY written as `written` (raw JSON number text)."""
    doc = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    doc["facts"]["budget"][key] = "@@"
    return json.dumps(doc, ensure_ascii=False).replace('"@@"', written)


def test_the_number_and_file_messages_quoted_in_limits_md_are_the_engines(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each message limits.md quotes for numbers, files and paths is, word for word, part of a line the command prints."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE_SET, "set.yaml")
    runs: list[tuple[list[str], str | None, bytes | None]] = [
        (["score", "/dev/zero"], None, None),
        (["score", "-"], None, b" " * (loader.MAX_FACTS_BYTES + 1)),
        (["score", "facts.json"], EXAMPLE_FACTS.read_text(encoding="utf-8").replace('"set.yaml"', '"/etc/passwd"'), None),
        (["score", "facts.json", "--set", "x" * 5000], EXAMPLE_FACTS.read_text(encoding="utf-8"), None),
        (["score", "facts.json"], _facts_with("total", "9" * 5000), None),
        (["score", "facts.json"], _facts_with("paid", "1e99999999999999999999"), None),
        (["batch", "-q", "facts.json", "--reports", "项" * 86], EXAMPLE_FACTS.read_text(encoding="utf-8"), None),
    ]
    printed = ""
    for args, facts_text, stdin in runs:
        if facts_text is not None:
            Path("facts.json").write_text(facts_text, encoding="utf-8")
        printed += CliRunner().invoke(main, args, input=stdin).stderr
    quoted = _quoted("### Numbers are kept in one form") + _quoted("## Files and paths")
    row = re.search(r"^\| `MAX_FACT_DIGITS` \| \d+ \| `([^`]+)`", (ROOT / "docs" / "limits.md").read_text(encoding="utf-8"), re.M)
    quoted += [row[1]] if row else []
    assert len(quoted) >= 6
    for message in quoted:
        assert message in printed, message


@pytest.mark.parametrize(("written", "fix"), [("1e15", "out of range"), ("1e14", "write the number in full, e.g. "
                                                                                  "100000000000000")])
def test_a_number_yaml_reads_as_text_is_not_given_a_fix_the_limit_refuses(written: str, fix: str) -> None:
    """QA52 F1: `max: 1e15` (YAML reads it as text) was told "write the number in full, e.g. 1000000000000000", which
    is then refused as out of range: numbers are under 1e15 in size. The hint says so instead; 1e14 is spelt out."""
    from scoring_engine import IndicatorSetError, parse_indicator_set

    text = (f"id: t\nname: t\nversion: '1'\nfacts:\n  a: {{type: number, max: {written}}}\ngrades: [{{label: 合格, min: 0}}]\n"
            "indicators:\n  - {id: x, name: 甲, weight: 100, rule: {kind: proportional, value: a}}\n")
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, "s.yaml")
    assert fix in (caught.value.problems[0].hint or ""), caught.value.problems
    assert not _yaml.load("v: 999999999999999\n", "s.yaml").problems and _yaml.load("v: 1000000000000000\n", "s.yaml").problems


def test_a_value_none_of_many_allowed_is_told_the_first_twenty_and_how_many_more() -> None:
    """A text fact with 2,800 allowed values, given one close to none, listed all of them in its hint (431 KB of error
    output: QA203 4); the hint lists MAX_VALUES_LISTED of them and counts the rest."""
    spec = FactSpec("kind", "string", values=tuple(f"value{n:04}" for n in range(2800)))
    with pytest.raises(ValueError) as caught:
        fact_values.convert_fact("完全不同的文字", spec)
    hint = caught.value.args[1]
    assert hint.startswith("one of: value0000, value0001") and hint.endswith("value0019, … (+2780)"), hint
