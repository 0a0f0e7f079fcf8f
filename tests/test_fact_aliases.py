"""A choice fact's aliases: the words a clerk writes for a value (分档 for bands), read as that value (QA263 F2)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main

BASE = ROOT / "indicator_sets" / "self-evaluation.facts.json"


@pytest.mark.parametrize("written, meant", [("分档", "bands"), ("按比例", "proportional"), ("bands", "bands")])
def test_the_word_a_choice_facts_label_shows_is_read_as_its_value(tmp_path: Path, written: str, meant: str) -> None:
    """预算执行率计分方法 refused 分档, the word its own label gives for bands, in a facts file and on the form: it is
    read as bands, and the project scores as with bands written."""
    document = json.loads(BASE.read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = 85  # 85%: proportional and bands score it apart
    expected = dict(document, facts={**document["facts"], "budget": {**document["facts"]["budget"], "method": meant}})
    document["facts"]["budget"]["method"] = written
    chosen, wanted = tmp_path / "chosen.json", tmp_path / "wanted.json"
    chosen.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    wanted.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    se = load_indicator_set("self-evaluation")
    result = score(se, load_facts(chosen))
    assert meant == result.fact("budget.method").value
    assert score(se, load_facts(wanted)).total == result.total


def test_a_form_side_cell_holding_the_alias_reads_as_its_value(tmp_path: Path) -> None:
    """On 表外事实 the clerk types 分档 in 预算执行率计分方法, as its 说明 shows it beside bands."""
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(BASE), "--layout", "selfeval", "-o", str(form)]).exit_code
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    row = next(r for r in side.iter_rows() if r[1].value == "budget.method")
    row[2].value = "分档"
    book.save(form)
    run = CliRunner().invoke(main, ["score", str(form), "--format", "json"])
    assert 0 == run.exit_code, run.output
    assert "bands" == next(f["value"] for f in json.loads(run.stdout)["facts"]["values"] if f["name"] == "budget.method")


@pytest.mark.parametrize("aliases, said", [("{分档: band}", "指向 'band'，它不是 values 中的值"),
                                           ("{bands: bands}", "本身就是 values 中的值")])
def test_an_alias_naming_no_value_or_a_value_itself_is_refused_at_its_line(tmp_path: Path, aliases: str, said: str) -> None:
    """An alias must name one of the fact's values, and be none of them itself."""
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: self-evaluation\nid: p\nname: 方案\nversion: '1'\nfacts:\n  budget.method:\n    type: string\n"
                       f"    values: [proportional, bands]\n    aliases: {aliases}\n    default: proportional\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(profile)])
    assert 1 == run.exit_code and f"{profile}:9:" in run.output and said in run.output, run.output


def test_the_skeleton_and_the_blank_form_show_each_value_with_its_words() -> None:
    """可选值：proportional（按比例） / bands（分档）: what a clerk may write."""
    run = CliRunner().invoke(main, ["template", "self-evaluation", "--format", "yaml"])
    assert "可选值：proportional（按比例） / bands（分档）" in run.output
