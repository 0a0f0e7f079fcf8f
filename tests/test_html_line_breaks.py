"""A line break in a text the HTML pages show is a <br>, as docs/reports.md says: in the project's details, the 提示, the
扣分明细 and the 自评表's 不适用 items, as in the 评分表's cells (QA340 F3); every text still escaped."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main


def _facts(tmp_path: Path) -> Path:
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["project"]["note"] = "第一行\n第二行<b>\r\n第三行"
    facts["not_applicable"] = {"satisfaction": "本年未开展\n满意度调查<i>"}
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def _page(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "r.html"
    run = CliRunner().invoke(main, ["score", str(_facts(tmp_path)), "-o", str(out), *args])
    assert 0 == run.exit_code, run.output
    return out.read_text(encoding="utf-8")


def test_the_project_details_keep_their_line_breaks_in_the_html_report(tmp_path: Path) -> None:
    page = _page(tmp_path, "--layout", "scoresheet")
    assert "<dd>第一行<br>第二行&lt;b&gt;<br>第三行</dd>" in page, page[page.index("<dl"):][:800]


def test_the_selfeval_forms_not_applicable_item_keeps_its_line_breaks(tmp_path: Path) -> None:
    page = _page(tmp_path, "--layout", "selfeval")
    assert "本年未开展<br>满意度调查&lt;i&gt;" in page and "本年未开展\n" not in page, page[page.find('id="notes"'):][:800]


def test_a_deduction_of_several_lines_keeps_them_in_the_losses(tmp_path: Path) -> None:
    from scoring_engine import parse_indicator_set, score
    from scoring_engine.render import render

    indicator_set = parse_indicator_set(
        "id: t\nname: t\nversion: '1'\nfacts:\n  found: {type: list}\ngrades: [{label: 合格, min: 0}]\ntotal: 10\n"
        "indicators:\n  - {id: x, name: 合规性, weight: 10, rule: {kind: deduction, findings: found, points_each: 2}}\n")
    page = str(render(score(indicator_set, {"found": ["未按规定\n报账<b>"]}), "html"))
    assert "<li>未按规定<br>报账&lt;b&gt;（扣2分）</li>" in page, page[page.find('id="losses"'):][:800]
