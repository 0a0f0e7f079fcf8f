"""The two ways a batch builds a project's row agree: from its Result (reasons, a target table's rows) or from scores_only.

The summaries that show no reasons (.csv, .html, the lines printed) take the
second, cheaper way; they must not change by a byte when a workbook or a
.jsonl output makes the batch take the first.
"""

from __future__ import annotations

import json
import re
import pickle
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from portfolio import projects, write_jsonl
from scoring_engine import Facts, load_facts, load_indicator_set, score
from scoring_engine.batch.rows import (Comparison, IndicatorDifference, IndicatorRow, ProjectRow, SetShape, failed_row,
                                       project_row, scores_row)
from scoring_engine.cli import main
from scoring_engine.engine import scores_only
from scoring_engine.errors import Problem
from scoring_engine.loader import resolve_set

FACTS = sorted(ROOT.glob("examples/*/facts.json")) + sorted((ROOT / "indicator_sets").glob("*.facts.json"))


def _cases() -> list[tuple[str, Any, Facts]]:
    cases = []
    for path in FACTS:
        facts = load_facts(path)
        cases.append((path.parent.name if path.name == "facts.json" else path.stem, path, facts))
    sichuan = load_facts(ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json")
    cases.append(("sichuan-rescaled", ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json",
                  Facts(values=sichuan.values, not_applicable={"benefit": "本年度无效益指标"}, project=sichuan.project,
                        indicator_set=sichuan.indicator_set)))
    small = ROOT / "examples" / "small" / "facts.json"
    for number, document in enumerate(projects(30, seed=11)):
        cases.append((f"generated-{number}", small, Facts(values=document["facts"], project=document["project"],
                                                          indicator_set="set.yaml")))
    return cases


def _without_reasons(row: ProjectRow) -> ProjectRow:
    """The row as scores_row builds it: no reasons (a target table's rows, with their weight used and category, kept)."""
    return replace(row, indicators=tuple(i._replace(reason="") for i in row.indicators))


@pytest.mark.parametrize("name,path,facts", _cases(), ids=[c[0] for c in _cases()])
def test_a_row_from_scores_only_is_the_row_from_the_result_without_reasons(name: str, path: Path, facts: Facts):
    """Same total, grade, weights used (rescaled too), scores, warnings count and 需说明 flags, and the same target rows
    with their 二级 categories (the 统计 sheet's 二级 analysis is the same from either path); no reasons."""
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set or "", relative_to=path.parent))
    shape = SetShape.of(indicator_set)
    full = project_row(3, "p.json", score(indicator_set, facts), shape, file="p.json")
    lean = scores_row(3, "p.json", scores_only(indicator_set, facts), facts, shape, file="p.json")
    assert _without_reasons(full) == lean
    assert any(i.reason for i in full.indicators)


@pytest.mark.parametrize("outputs", [("csv",), ("csv", "xlsx")], ids=["scores only", "from the result"])
def test_a_top_level_indicator_not_applicable_reads_as_such_in_the_summary_not_as_zero(tmp_path: Path, outputs: tuple[str, ...]):
    """汇总 showed a 一级 the project marks not applicable (its weight shared by the others) as 得分 0.00, as if the project
    had scored nothing on it (QA259 F3): it says 不适用, with no 得分率, whichever way the row was built."""
    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "sichuan-self-evaluation"
    document["not_applicable"] = {"benefit": "本年度无效益指标"}
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    args = [a for ext in outputs for a in ("-o", str(tmp_path / f"out.{ext}"))]
    assert 0 == CliRunner().invoke(main, ["batch", str(tmp_path / "p.json"), "--quiet", *args]).exit_code
    header, row = (line.split(",") for line in (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines())
    benefit = next(i for i, name in enumerate(header) if name.startswith("效益") and name.endswith("得分"))
    assert ["不适用", ""] == row[benefit:benefit + 2]
    assert all(re.fullmatch(r"\d+\.\d\d", row[i]) for i, name in enumerate(header) if name.endswith("指标得分") and i != benefit)


def test_the_rescaled_weights_are_the_ones_used(tmp_path: Path):
    """With 效益指标 not applicable under the rescale policy, the remaining 一级 weights add up to 100 in both rows."""
    case = next(c for c in _cases() if c[0] == "sichuan-rescaled")
    indicator_set = load_indicator_set(resolve_set("sichuan-self-evaluation"))
    lean = scores_row(0, "p", scores_only(indicator_set, case[2]), case[2], SetShape.of(indicator_set))
    assert 100 == sum(i.weight for i in lean.tops())
    assert 0 == next(i.weight for i in lean.tops() if i.id == "benefit")


def test_summaries_are_the_same_bytes_whatever_other_outputs_are_asked_for(tmp_path: Path):
    """The .csv and .html written alone (rows from scores_only) equal those written beside .xlsx and .jsonl (rows from results)."""
    source = tmp_path / "p.jsonl"
    write_jsonl(source, 120, seed=5)
    with source.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"indicator_set": "set.yaml", "facts": {}}) + "\n")  # a project that fails
    runs = {}
    for name, extra in (("alone", ()), ("beside", ("b.xlsx", "b.jsonl"))):
        folder = tmp_path / name
        folder.mkdir()
        outputs = [arg for out in ("b.csv", "b.html", *extra) for arg in ("-o", str(folder / out))]
        run = CliRunner().invoke(main, ["batch", str(source), "--jobs", "1", *outputs])
        assert 1 == run.exit_code
        runs[name] = (run.stdout, (folder / "b.csv").read_bytes(), (folder / "b.html").read_bytes())
    assert runs["alone"] == runs["beside"]


def test_a_row_read_back_from_its_file_or_a_worker_is_the_same_row():
    """A batch keeps each row on disk and reads it back for every output, and rows come back from worker processes,
    pickled: every field comes back, each Decimal with its digits (14.50 stays 14.50), a comparison and a failure too."""
    rows = []
    for _, path, facts in _cases():
        indicator_set = load_indicator_set(resolve_set(facts.indicator_set or "", relative_to=path.parent))
        shape = SetShape.of(indicator_set)
        full = project_row(3, "p.json", score(indicator_set, facts), shape, batch="复核", file="p.json")
        rows += [full, full.summary_only(), scores_row(3, "p.json", scores_only(indicator_set, facts), facts, shape)]
    first = rows[0]
    difference = IndicatorDifference(Decimal("12.50"), Decimal("-0.00"))
    rows.append(first.with_compare(Comparison("复核", "r.json", Decimal("88.10"), "良", Decimal("-1.0"), True, True,
                                              ("复核得分低",), {first.indicators[0].id: difference})))
    rows.append(replace(first, budget=Decimal("1.2E+3"), total=Decimal("0E-2"), consequence="核减10%"))
    rows.append(failed_row(7, "bad.json", (Problem("fact x is missing", fact="x"),), internal=True, project={"name": "某项目"}))
    assert any(not i.in_set for row in rows for i in row.indicators)  # a target table's rows
    for row in rows:
        back = pickle.loads(pickle.dumps(row, pickle.HIGHEST_PROTOCOL))
        assert type(back) is ProjectRow and back == row and repr(back) == repr(row)
        assert [type(i) for i in back.indicators] == [IndicatorRow] * len(row.indicators)


def test_the_detail_rows_kept_between_projects_are_the_rows_made_afresh():
    """Each worker keeps the 指标明细 cells of an indicator it has shown, for the next project that shows the same: every
    row is the same XML as made from the row's own values, and a score written 8.0 is never shown as an 8.00 seen before."""
    from scoring_engine.reports._xlsx_stream import RATE, TEXT, cells_xml, score_style
    from scoring_engine.reports.batch_tables import detail_header, detail_rows
    from scoring_engine.reports.batch_xlsx import detail_cells

    def afresh(row: ProjectRow) -> list[str]:
        styles = [score_style(row.precision) if k == "score" else RATE if k == "rate" else TEXT for k in detail_header(None).kinds]
        return [cells_xml(values, styles) for values in detail_rows(row, False)]

    rows = []
    for _, path, facts in _cases() * 2:  # twice: the second time, every indicator has been shown before
        indicator_set = load_indicator_set(resolve_set(facts.indicator_set or "", relative_to=path.parent))
        rows.append(project_row(len(rows), "p.json", score(indicator_set, facts), SetShape.of(indicator_set)))
    first = rows[0]
    for written in ("8.00", "8.0", "8"):
        shown = first.indicators[1]._replace(score=Decimal(written), weight=Decimal(written))
        rows.append(replace(first, indicators=(first.indicators[0], shown)))
    for row in rows:
        assert afresh(row) == detail_cells(row, None)
    shown_rows = [detail_cells(row, None)[1] for row in rows[-3:]]
    for written, xml in zip(("8.00", "8.0", "8"), shown_rows, strict=True):
        assert 2 == xml.count(f"<v>{written}</v>")  # its weight and its score, as written


def test_a_low_rate_the_unit_explained_on_its_form_says_so_on_the_flag():
    """Two Sichuan projects at 72.9%, one that wrote why in the form's reason column and one that did not, were listed on
    需说明 alike: the bureau had to open every form to find those that still owe their reason. The reason given ends the
    flag; the default a set gives to a reason left blank (未说明) is none."""
    indicator_set = load_indicator_set(resolve_set("sichuan-self-evaluation"))
    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    shape = SetShape.of(indicator_set)
    flags = []
    for reason in ("项目尾款未支付", None, "—", "无。", "N/A", "暂无"):  # a dash, 无 or N/A in the reason cell is no reason
        values = json.loads(json.dumps(document["facts"]))
        values["budget"].update({"paid": 72.9} if reason is None else {"paid": 72.9, "reason": reason})
        facts = Facts(values=values, project=document.get("project", {}))
        for made in (score(indicator_set, facts), scores_only(indicator_set, facts)):
            row = (project_row(0, "p.json", made, shape) if hasattr(made, "walk")
                   else scores_row(0, "p.json", made, facts, shape))
            flags.append([f for f in row.flags if f.startswith("预算执行率")])
    said = "预算执行率未达到90%，需说明原因（预算执行率 72.90%）"  # the set's own condition, its value by its label
    assert [[f"{said}；单位已说明：项目尾款未支付"]] * 2 + [[said]] * 10 == flags


def test_a_sets_own_rate_condition_ends_with_the_reason_the_unit_gave_as_the_default_rule_does(tmp_path: Path):
    """QA33 F8: a province flags 执行率 below 85% with its own explain_when; the reason the unit typed in the form's
    reason column was dropped from that flag (only the default rule's carried it), though batch.md says it is appended.
    A condition reading the rate or the funds ends with it; one on the total does not."""
    text = (ROOT / "indicator_sets" / "sichuan-self-evaluation.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\nexplain_when:\n(  - .*\n)+", "\n", text)  # the set's own conditions, replaced by these
    (tmp_path / "s.yaml").write_text(text + "\nexplain_when:\n  - {when: 'budget.paid / budget.total < 0.85', message: "
                                     "执行率低于85%，需说明原因}\n  - {when: 'total >= 0', message: 按总分列出}\n",
                                     encoding="utf-8")
    indicator_set = load_indicator_set(tmp_path / "s.yaml")
    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    values = json.loads(json.dumps(document["facts"]))
    values["budget"].update({"paid": 72.9, "reason": "项目尾款未支付"})
    facts = Facts(values=values, project=document.get("project", {}))
    shape = SetShape.of(indicator_set)
    for row in (project_row(0, "p.json", score(indicator_set, facts), shape),
                scores_row(0, "p.json", scores_only(indicator_set, facts), facts, shape)):
        assert 2 == len(row.flags)
        assert row.flags[0].startswith("执行率低于85%") and row.flags[0].endswith("；单位已说明：项目尾款未支付")
        assert row.flags[1].startswith("按总分列出") and "单位已说明" not in row.flags[1]
