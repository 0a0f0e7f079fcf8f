"""结果应用 in batch summaries: each grade's consequence counted per 主管部门 and unit, with the budgets it concerns.

The set is the bundled self-evaluation set with the grades Henan gives
consequences (豫财效〔2020〕10号: 中 → 核减10%–30%, 差 → 核减30%以上直至取消);
projects sit exactly on the grade boundaries (60.00 is 中等, 59.99 is 差),
one has no 主管部门, and a second copy of the set has no funds block: its
budgets are its fact budget.total, as its 预算数 column shows them (QA33 F3: they were said not known).
"""

from __future__ import annotations

import copy
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser import Chromium
from conftest import ROOT
from scoring_engine.batch.consequences import (BATCH, DEPARTMENT, NOT_GIVEN, UNIT, ConsequenceCount, ConsequenceTally, Share,
                                               budget_share)
from scoring_engine.cli import main

BASE = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
SET = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
GRADES = """grades:  # 第十八条; self-evaluation reports say 优秀 for 优, and cases and forms may use either
  - {label: 优秀, min: 90, aliases: [优]}
  - {label: 良好, min: 80, aliases: [良]}
  - {label: 中等, min: 60, aliases: [中]}
  - {label: 差, min: 0, aliases: [较差]}
"""
HENAN = """grades:
  - {label: 优秀, min: 90, aliases: [优]}
  - {label: 良好, min: 80, aliases: [良]}
  - {label: 中等, min: 60, aliases: [中], consequence: 核减该项目下一年度预算10%–30%}
  - {label: 差, min: 0, aliases: [较差], consequence: 核减该项目下一年度预算30%以上，直至取消}
"""


@pytest.mark.parametrize("words,share", [
    ("核减该项目预算10%–30%", Share(Decimal("0.1"), Decimal("0.3"))),
    ("核减１０％～３０％", Share(Decimal("0.1"), Decimal("0.3"))),  # full-width digits and signs
    ("压减10-30%", Share(Decimal("0.1"), Decimal("0.3"))),
    ("核减12.5%至30%", Share(Decimal("0.125"), Decimal("0.3"))),
    ("核减30%以上", Share(Decimal("0.3"), None)),
    ("按不低于30%的比例核减", Share(Decimal("0.3"), None)),
    ("核减30%以上，直至取消该项目", Share(Decimal("0.3"), Decimal("1"))),
    ("核减不超过15%", Share(Decimal("0"), Decimal("0.15"))),
    ("核减10%", Share(Decimal("0.1"), Decimal("0.1"))),
    ("核减0%–100%", Share(Decimal("0"), Decimal("1"))),  # both ends of the scale
])
def test_a_share_the_words_name_is_read(words: str, share: Share):
    """Ranges, bounds and single percentages, as rules word them, are read as shares of the budget (0–1)."""
    assert share == budget_share(words)


@pytest.mark.parametrize("words", ["下一年度预算减少30%以上不予取消", "核减30%以上，不取消项目", "核减30%以上，不得收回全部资金",
                                   "核减30%以上，暂不取消，无需全额收回"])
def test_a_lower_bound_whose_words_deny_cancelling_has_no_upper_amount(words: str):
    """核减30%以上，不取消项目 is 30%以上 with no upper bound: a 取消 the words deny (不, 不予, 不得, 暂不, 无需) does not take
    the share up to the whole budget, as 直至取消 does (QA182 F4: it was read as 30%–100%)."""
    assert Share(Decimal("0.3"), None) == budget_share(words)


@pytest.mark.parametrize("words", ["下一年度预算按一定比例核减", "取消或暂停项目资金", "核减10%或20%", "核减120%", "核减30%–10%"])
def test_words_naming_no_single_share_give_none(words: str):
    """No percentage, two of them, one above 100%, or a range written backwards: no share, so no amount is made up."""
    assert budget_share(words) is None


@pytest.mark.parametrize("words,high", [
    ("核减30%以上，取消该单位评优资格", None),
    ("核减30%以上，取消下一年度新增项目申报资格", None),
    ("核减30%以上并取消评先评优资格", None),
    ("核减30%以上，取消该项目下一年度申报资格", None),
    ("核减30%以上，评优资格予以取消", None),
    ("核减30%以上，取消该单位下一年度评优评先资格", None),
    ("核减30%以上直至取消", Decimal("1")),
    ("核减30%以上，并取消", Decimal("1")),
    ("核减30%以上，直至取消该项目", Decimal("1")),
    ("核减30%以上，取消项目", Decimal("1")),
    ("核减30%以上或取消预算", Decimal("1")),
    ("核减30%以上，取消资金安排", Decimal("1")),
    ("核减预算30%以上，情节严重的取消项目", Decimal("1")),
    ("核减30%以上，取消评优资格和项目资金", Decimal("1")),
    ("核减30%以上，取消评优资格并收回全部资金", Decimal("1")),
    ("核减30％以上，取消其评优资格；情节严重的，直至取消该项目", Decimal("1")),
])
def test_only_cancelling_the_project_or_its_money_goes_up_to_the_whole_budget(words: str, high: Decimal | None):
    """核减30%以上，取消该单位评优资格 is 30%以上 with no upper bound: what it cancels is a qualification, not the budget;
    before, any 取消 was read as up to the whole budget, 30%–100% (QA184 F1). 直至取消, 取消该项目, 取消资金安排 still are."""
    assert Share(Decimal("0.3"), high) == budget_share(words)


@pytest.mark.parametrize("words,share", [
    ("核减预算20%（含）以上", Share(Decimal("0.2"), None)),
    ("核减预算20%(含)以上", Share(Decimal("0.2"), None)),
    ("核减20%含以上", Share(Decimal("0.2"), None)),
    ("核减20%及以上", Share(Decimal("0.2"), None)),
    ("核减20%以上（含）", Share(Decimal("0.2"), None)),
    ("核减20%（含20%）以上", Share(Decimal("0.2"), None)),
    ("核减20%（含）以上，直至取消", Share(Decimal("0.2"), Decimal("1"))),
    ("核减20%（含）以下", Share(Decimal("0"), Decimal("0.2"))),
    ("核减20%以下(含)", Share(Decimal("0"), Decimal("0.2"))),
    ("核减20%及以下", Share(Decimal("0"), Decimal("0.2"))),
    ("核减不超过20%（含）", Share(Decimal("0"), Decimal("0.2"))),
    ("核减10%（含）-30%（不含）", Share(Decimal("0.1"), Decimal("0.3"))),
])
def test_a_bound_written_with_han_inclusive_is_still_a_bound(words: str, share: Share):
    """核减预算20%（含）以上 is 20%以上, 20%（含）以下 is 不超过20%; before, the (含) between the % and 以上 made it exactly
    20% (QA184 F2)."""
    assert share == budget_share(words)


@pytest.mark.parametrize("words", ["收回全部资金", "收回全部预算", "全额收回", "全部收回该项目资金"])
def test_taking_all_the_money_back_is_the_whole_budget(words: str):
    """收回全部资金 names 100% of the budget; before, it named no share and 说明 said 未规定预算比例 (QA184 F3). Denied
    (不得收回全部资金), it names none."""
    assert Share(Decimal("1"), Decimal("1")) == budget_share(words)
    assert budget_share("不得" + words) is None


@pytest.mark.parametrize("words,share", [
    ("收回全部结余资金", None),
    ("收回全部剩余未支出资金", None),
    ("收回全部未使用资金", None),
    ("收回全部闲置资金", None),
    ("全额收回结余资金", None),
    ("结余资金全部收回", None),
    ("全部收回财政结余资金", None),
    ("收回全部违规使用资金", None),
    ("收回全部结转资金", None),
    ("收回全部沉淀资金", None),
    ("核减30%以上，全额收回结余资金", Share(Decimal("0.3"), None)),
    ("核减30%以上，收回全部结余资金", Share(Decimal("0.3"), None)),
    ("核减下年度预算50%，收回全部结余资金", Share(Decimal("0.5"), Decimal("0.5"))),
    ("收回全部资金", Share(Decimal("1"), Decimal("1"))),
    ("收回全部项目资金", Share(Decimal("1"), Decimal("1"))),
    ("暂停该项目资金拨付，收回全部财政资金", Share(Decimal("1"), Decimal("1"))),
    ("核减30%以上，收回全部资金", Share(Decimal("0.3"), Decimal("1"))),
    ("核减50%以上，直至全部收回", Share(Decimal("0.5"), Decimal("1"))),
])
def test_taking_back_all_of_a_part_of_the_money_names_no_share_of_the_budget(words: str, share: Share | None):
    """收回全部结余资金 takes back all of the unspent money, which the budget figure does not give: no share, so no amount
    is made up; 核减30%以上，全额收回结余资金 is 30%以上, not 30%–100%. Before, any 收回全部 was 100% of the budget
    (QA185 F1). 收回全部资金, 收回全部项目资金, bare 全部收回 still are."""
    assert share == budget_share(words)


@pytest.mark.parametrize("words,share", [
    ("项目资金及结余资金全部收回", Share(Decimal("1"), Decimal("1"))),
    ("结余资金及项目资金全部收回", Share(Decimal("1"), Decimal("1"))),
    ("收回全部项目资金及结余资金", Share(Decimal("1"), Decimal("1"))),
    ("收回全部资金（含结余资金）", Share(Decimal("1"), Decimal("1"))),
    ("收回全部资金(包括结余)", Share(Decimal("1"), Decimal("1"))),
    ("收回全部资金（含结余）", Share(Decimal("1"), Decimal("1"))),
    ("全额收回项目资金（含结余资金）", Share(Decimal("1"), Decimal("1"))),
    ("全额收回资金（结余资金一并收回）", Share(Decimal("1"), Decimal("1"))),
    ("收回全部资金（不含已支付部分）", Share(Decimal("1"), Decimal("1"))),
    ("全额收回违规资金和项目资金", Share(Decimal("1"), Decimal("1"))),
    ("收回全部违规资金及项目资金", Share(Decimal("1"), Decimal("1"))),
    ("核减30%以上，收回全部资金（含结余资金）", Share(Decimal("0.3"), Decimal("1"))),
    ("全额收回并追究责任", Share(Decimal("1"), Decimal("1"))),
    ("调减预算直至全额收回", Share(Decimal("1"), Decimal("1"))),
    ("全额收回项目结余资金和违规资金", None),
    ("全部收回未使用资金及结余", None),
    ("收回全部已拨付资金", None),
    ("全额收回部分资金", None),
    ("结余资金全额收回并通报", None),
    ("核减30%以上，全额收回结余资金（含利息）", Share(Decimal("0.3"), None)),
])
def test_taking_back_the_projects_whole_money_with_a_part_named_beside_it_is_the_whole_budget(words: str, share: Share | None):
    """QA187 F2: 项目资金及结余资金全部收回 named no share (it was 100% before QA185 F1), nor did 收回全部资金（含结余资金）,
    全额收回违规资金和项目资金 and the like, and 结余资金及项目资金全部收回 was 100%: the first thing named decided. When what
    is taken back includes the project's money (项目资金, 资金, 预算) it is the whole budget, whatever parts are named
    beside it or in brackets; only when every thing named is a part (结余, 违规, 已拨付 …) is there no share."""
    assert share == budget_share(words)


@pytest.mark.parametrize("words,share", [
    ("收回项目全部资金", Share(Decimal("1"), Decimal("1"))),
    ("收回该项目全部资金", Share(Decimal("1"), Decimal("1"))),
    ("收回项目全部预算", Share(Decimal("1"), Decimal("1"))),
    ("项目全部资金收回", Share(Decimal("1"), Decimal("1"))),
    ("收回项目全部结余资金", None),
    ("不得收回项目全部资金", None),
])
def test_the_projects_money_taken_back_whole_with_the_project_named_first_is_the_whole_budget(words: str, share: Share | None):
    """QA188 F3: 收回项目全部资金 (and 收回该项目全部资金, 项目全部资金收回) named no share, while 收回全部项目资金 was 100%:
    the words 收回全部 were looked for as one run. A part named so (收回项目全部结余资金) still names none."""
    assert share == budget_share(words)


def test_the_tally_adds_exact_budgets_and_counts_those_without():
    """Budgets add exactly; a project without a budget is counted and said to be; a project without a 主管部门 goes under 未填写;
    a unit is named with its 主管部门, so that 甲 of 民政局 and 甲 with none given are two units, the second saying it gives
    none (QA237 3: a bare 甲 beside 甲（民政局） read as the whole unit's figures); in a batch where no project gives one,
    units are named alone."""
    tally = ConsequenceTally()
    tally.add("核减10%–30%", "中", 2, Decimal("0.01"), "民政局", "甲")
    tally.add("核减10%–30%", "中", 2, Decimal("712.42"), None, "甲")
    tally.add("核减10%–30%", "中", 2, None, "民政局", "乙")
    counted = {(c.scope, c.name): c for c in tally.counted()}
    whole = counted[(BATCH, BATCH)]
    assert (3, Decimal("712.43"), 2, 1) == (whole.count, whole.budget, whole.budgeted, whole.unbudgeted)
    assert (Decimal("71.243"), Decimal("213.729")) == (whole.amount_low, whole.amount_high)
    assert 1 == counted[(DEPARTMENT, NOT_GIVEN)].count
    assert (None, 1) == (counted[(UNIT, "乙（民政局）")].budget, counted[(UNIT, "乙（民政局）")].unbudgeted)
    assert [1, 1] == [counted[(UNIT, "甲（民政局）")].count, counted[(UNIT, "甲（未填写主管部门）")].count]
    assert [BATCH, DEPARTMENT, DEPARTMENT, UNIT, UNIT, UNIT] == [c.scope for c in tally.counted()]
    alone = ConsequenceTally()
    alone.add("核减10%–30%", "中", 2, Decimal("1"), None, "甲")
    assert [(BATCH, BATCH), (DEPARTMENT, NOT_GIVEN), (UNIT, "甲")] == [(c.scope, c.name) for c in alone.counted()]


def _project(name: str, department: str | None, unit: str, budget: float, changes: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    document["indicator_set"] = "henan.yaml"
    document["project"] = {"name": name, "unit": unit, **({"department": department} if department else {})}
    document["facts"]["budget"] = {"total": budget, "paid": budget}
    rows = {row["id"]: row for group in document["facts"]["targets"].values() for row in group}
    for key, value in changes.items():
        if key == "paid":
            document["facts"]["budget"]["paid"] = value
        else:
            rows[key].update(value)
    return document


# Losing 20 (no pipes laid) and 20 (acceptance failed, scored 0 in the lowest tier) leaves exactly 60.00.
SIXTY = {"pipes": {"actual": 0}, "quality": {"tier": "未达成且效果较差", "score": 0}}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("henan")
    (folder / "henan.yaml").write_text(SET.replace("id: self-evaluation", "id: henan-self-evaluation").replace(GRADES, HENAN),
                                       encoding="utf-8")
    no_funds = SET.replace("id: self-evaluation", "id: henan-no-funds").replace(GRADES, HENAN)
    no_funds = no_funds[:no_funds.index("  funds:")] + no_funds[no_funds.index("  targets: {output"):]
    (folder / "no-funds.yaml").write_text(no_funds, encoding="utf-8")
    projects = {
        "a": _project("恰好60分", "民政局", "甲单位", 200, SIXTY),
        "b": _project("59.99分", "民政局", "甲单位", 100, {**SIXTY, "paid": 99.9}),
        "c": _project("满分", "民政局", "乙单位", 300.5, {}),
        "d": _project("教育局60分", "教育局", "丙单位", 50, SIXTY),
        "e": _project("未填主管部门", None, "丁单位", 100, SIXTY),
        "f": {**_project("无资金块", "教育局", "丙单位", 80, SIXTY), "indicator_set": "no-funds.yaml"},
    }
    for key, document in projects.items():
        (folder / f"{key}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "--jobs", "1", *[a for ext in ("xlsx", "csv", "html", "jsonl")
                                                                           for a in ("-o", str(out / f"b.{ext}"))]])
    assert 0 == run.exit_code, run.output
    return {"run": run, "out": out, "folder": folder}


def _sheet(data: bytes, name: str) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_grades_on_the_boundaries_carry_their_consequences(batch: dict[str, Any]):
    """60.00 is 中等 (核减10%–30%), 59.99 is 差 (30%以上直至取消), 100 is 优秀 with none: the 汇总 shows each beside the grade."""
    summary = {row["项目名称"]: row for row in _sheet((batch["out"] / "b.xlsx").read_bytes(), "汇总")}
    assert ("中等", "核减该项目下一年度预算10%–30%", 200) == tuple(summary["恰好60分"][k] for k in ("等级", "结果应用", "涉及预算（万元）"))
    assert (Decimal("59.99"), "差") == (Decimal(str(summary["59.99分"]["总分"])), summary["59.99分"]["等级"])
    assert ("优秀", None, None) == tuple(summary["满分"][k] for k in ("等级", "结果应用", "涉及预算（万元）"))
    assert 80 == summary["无资金块"]["涉及预算（万元）"]  # its set has no form's 全年预算数: its budget.total, as 预算数 shows


def test_the_consequence_sheet_adds_up_per_department_and_unit(batch: dict[str, Any]):
    """结果应用: per scope and grade, the count, the exact sum of budgets, the amounts of the share, and what is left out."""
    rows = {(r["范围"], r["名称"], r["等级"]): r for r in _sheet((batch["out"] / "b.xlsx").read_bytes(), "结果应用")}
    middle = rows[(BATCH, BATCH, "中等")]
    assert (4, "10%–30%", 430, 43, 129) == (middle["项目数"], middle["预算比例"], middle["涉及预算（万元）"],
                                           middle["按比例金额下限（万元）"], middle["按比例金额上限（万元）"])
    assert not middle["说明"]  # the project under the set without a funds block has its budget.total counted
    low = rows[(BATCH, BATCH, "差")]
    assert (1, "30%–100%", 100, 30, 100) == (low["项目数"], low["预算比例"], low["涉及预算（万元）"], low["按比例金额下限（万元）"],
                                            low["按比例金额上限（万元）"])
    assert (1, 200) == (rows[(DEPARTMENT, "民政局", "中等")]["项目数"], rows[(DEPARTMENT, "民政局", "中等")]["涉及预算（万元）"])
    assert (2, 130) == (rows[(DEPARTMENT, "教育局", "中等")]["项目数"], rows[(DEPARTMENT, "教育局", "中等")]["涉及预算（万元）"])
    assert 1 == rows[(DEPARTMENT, NOT_GIVEN, "中等")]["项目数"]
    assert {("甲单位（民政局）", "中等"), ("甲单位（民政局）", "差"), ("丙单位（教育局）", "中等"), ("丁单位（未填写主管部门）", "中等")} == \
        {(k[1], k[2]) for k in rows if k[0] == UNIT}  # a unit with its 主管部门, when the project gives one
    assert not any(k[2] == "优秀" for k in rows)  # a grade without a consequence is not listed


def test_the_page_the_csv_and_the_printed_lines_show_it(batch: dict[str, Any]):
    """The HTML page has a 结果应用 section, the CSV the two columns, and the summary line the batch's figures."""
    page = (batch["out"] / "b.html").read_text(encoding="utf-8")
    assert '<section id="consequences">' in page and "按主管部门" in page and "民政局" in page
    assert '<td class="num">430.00</td><td class="num">43.00</td><td class="num">129.00</td>' in page  # as the terminal
    header = (batch["out"] / "b.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert ["等级", "结果应用", "涉及预算（万元）"] == header[9:12]
    assert ("结果应用：中等（核减该项目下一年度预算10%–30%）4个项目，涉及预算430.00万元，按10%–30%为43.00–129.00万元；"
            "差（核减该项目下一年度预算30%以上，直至取消）1个项目，涉及预算100.00万元，按30%–100%为30.00–100.00万元") in \
        batch["run"].stdout  # amounts of 万元 with two decimals at least, as the grade lines write them (QA34 F6)


def test_the_projects_whose_grade_carries_no_consequence_are_counted_apart_where_the_batch_is(batch: dict[str, Any]):
    """全部项目 counts the projects whose grade carries a consequence; those whose grade carries none (the 优秀 one here, or
    all of a set without consequences) are a row of their own after it, on the sheet and the page, and the terminal's line
    says how many it leaves out (QA259 F1: 33 of 61 projects counted as 全部项目, 3 差 projects of another set in none)."""
    rows = _sheet((batch["out"] / "b.xlsx").read_bytes(), "结果应用")
    left = [r for r in rows if r["结果应用"] == "未规定结果应用"]
    assert 1 == len(left) and (BATCH, "—", 1) == (left[0]["范围"], left[0]["等级"], left[0]["项目数"])
    assert rows.index(left[0]) == sum(r["范围"] == BATCH for r in rows) - 1  # after the batch's, before the 主管部门's
    assert left[0]["说明"] == "所用指标体系未对这些项目的等级规定结果应用，不计入各行：项目支出绩效自评指标体系（单位自评） 1个"
    assert "<td>未规定结果应用</td>" in (batch["out"] / "b.html").read_text(encoding="utf-8")
    assert "30.00–100.00万元；另有1个项目的等级未规定结果应用，不在此列\n" in batch["run"].stdout


def test_without_consequences_the_outputs_are_as_before(tmp_path: Path):
    """A batch whose sets attach no consequence has no 结果应用 sheet, columns, section or line."""
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    run = CliRunner().invoke(main, ["batch", str(facts), "--jobs", "1", "-o", str(tmp_path / "b.xlsx"), "-o", str(tmp_path / "b.html")])
    assert 0 == run.exit_code, run.output
    from openpyxl import load_workbook

    assert ["汇总", "指标明细", "统计", "需说明", "问题"] == load_workbook(tmp_path / "b.xlsx", read_only=True).sheetnames
    assert "结果应用" not in run.stdout and "consequences" not in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_consequence_naming_no_share_is_counted_with_its_budgets_and_without_an_amount(tmp_path: Path):
    """The Sichuan-style set's 中 (按一定比例核减) names no share: its projects are counted with the budgets it is applied
    to (QA34 F6: they were left out, though they are what a bureau applies 按一定比例 to), and no amount is made up."""
    document = json.loads((ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][0]["actual"] = 0  # 20 points lost
    document["facts"]["targets"]["benefit"][0]["actual"] = 0  # and 15 more: 65, 中
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.json"), "--jobs", "1", "-o",
                                    str(tmp_path / "b.xlsx")])
    budget = document["facts"]["budget"]["total"]
    assert f"结果应用：中（下一年度预算按一定比例核减）1个项目，涉及预算{budget:.2f}万元" in run.stdout, run.stdout
    row = _sheet((tmp_path / "b.xlsx").read_bytes(), "结果应用")[0]
    assert (budget, None, None, None, "结果应用未规定预算比例，不计金额") == (
        row["涉及预算（万元）"], row["预算比例"], row["按比例金额下限（万元）"], row["按比例金额上限（万元）"], row["说明"])


def test_the_page_with_its_consequences_loads_in_a_browser(batch: dict[str, Any], chromium: Chromium):
    """Headless Chromium opens the page with no error or request; the 结果应用 tables have a row per scope and grade."""
    page = chromium.open((batch["out"] / "b.html").as_uri())
    assert [] == page.requests()
    assert [] == page.errors()
    counts = json.loads(page.evaluate(
        "JSON.stringify(Array.from(document.querySelectorAll('#consequences table')).map(t => t.tBodies[0].rows.length))"))
    assert [3, 4, 4] == counts  # the batch's two grades and the project with none; 教育局, 民政局 (中等, 差), （未填写）; 丁, 丙, 甲 (中等, 差)


def test_a_consequence_whose_share_cannot_be_used_is_refused_by_validate_on_its_line(tmp_path: Path):
    """核减该项目预算30%–10% (a range from the larger share) and 核减120% (more than the whole budget) are refused by
    validate on the consequence's line, in Chinese, with what to write; before, validate passed and batch's 结果应用 said
    the consequence named no share (QA182 F3). Two percentages (核减10%，收回结余资金20%) may be two things: not refused."""
    text = SET.replace(GRADES, HENAN.replace("核减该项目下一年度预算10%–30%", "核减该项目预算30%–10%")
                       .replace("核减该项目下一年度预算30%以上，直至取消", "核减120%")
                       .replace("aliases: [良]}", "aliases: [良], consequence: 核减10%，收回结余资金20%}"))
    assert text != SET
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert 1 == run.exit_code
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "30%–10%" in row)
    assert [f"错误：{path}:{line}:", f"错误：{path}:{line + 1}:"] == [
        e[:len(f"错误：{path}:{n}:")] for e, n in zip(run.output.splitlines(), (line, line + 1), strict=True)]
    assert "等级 中等 的结果应用“核减该项目预算30%–10%”把预算比例 30%–10% 从大写到小，批量评分无法计算金额（写成 10%–30%）" in run.output
    assert "等级 差 的结果应用“核减120%”的预算比例 120% 超过全部预算，批量评分无法计算金额（比例不超过100%）" in run.output


@pytest.mark.parametrize("words,note", [
    ("核减该项目预算30%–10%", "结果应用的比例30%–10%从大写到小（应写成10%–30%），不计金额"),
    ("核减120%", "结果应用的比例120%超过全部预算（应写成不超过100%），不计金额"),
    ("核减10%或20%", "结果应用写有不止一个比例（10%、20%），不计金额"),
    ("下一年度预算按一定比例核减", "结果应用未规定预算比例，不计金额"),
])
def test_the_consequence_sheet_says_why_a_consequence_gives_no_amount(words: str, note: str):
    """A set built by a program past validate's checks reaches batch with 核减120%: the 说明 of 结果应用 says why no
    amount is counted (the share is backwards, above the whole budget, or one of several), not that none is named."""
    from scoring_engine.batch.consequences import ConsequenceCount
    from scoring_engine.reports.batch_consequences import consequence_note

    count = ConsequenceCount(BATCH, BATCH, "差", words, 1, budget_share(words), Decimal(100), 1, None, None)
    assert note == consequence_note(count)


def test_amounts_of_a_set_in_yuan_are_printed_in_wan_to_two_decimals_and_add_up_to_the_totals_printed(tmp_path: Path):
    """QA201 2: a set keeping its budgets in 元 had 结果应用 print 1234567.89元 as 123.456789万元 and its shares as
    12.3456789–37.0370367万元 (terminal, page, workbook), beside 5.00 and 80.00 on the next rows: finer than a 分, which no
    finance document prints. Every amount of 万元 is now printed to two decimals, 四舍五入, alike on the terminal, the page,
    the workbook and the CSV (the workbook's cells hold the figure printed); each project's budget as 汇总 prints it is what
    is added, so every 涉及预算 printed is the sum of those printed under it (123.46 + 123.46 = 246.92, not 246.91 from
    the exact 246.913578), and so is every amount: each project's is its printed budget's share, 四舍五入 (12.35 + 12.35 =
    24.70, QA204 4: 246.92's share 24.69 was printed over them). The summary a program reads keeps the exact figures."""
    text = SET.replace("id: self-evaluation", "id: henan-yuan").replace(GRADES, HENAN)
    for fact in ("budget.total", "budget.paid"):
        text = text.replace(f"  {fact}:  {{type: number, min: 0, unit: 万元", f"  {fact}:  {{type: number, min: 0, unit: 元")
        text = text.replace(f"  {fact}:   {{type: number, min: 0, unit: 万元", f"  {fact}:   {{type: number, min: 0, unit: 元")
    assert text.count("unit: 元,") == 2
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir(), out.mkdir()
    (folder / "yuan.yaml").write_text(text, encoding="utf-8")
    for key, department, unit, budget in (("a", "民政局", "甲单位", 1234567.89), ("b", "民政局", "乙单位", 1234567.89),
                                          ("c", "教育局", "丙单位", 50000)):
        document = {**_project(key, department, unit, budget, SIXTY), "indicator_set": "yuan.yaml"}
        (folder / f"{key}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "--jobs", "1", "-o", str(out / "b.xlsx"), "-o",
                                    str(out / "b.html"), "-o", str(out / "b.csv")])
    assert 0 == run.exit_code, run.output
    assert "结果应用：中等（核减该项目下一年度预算10%–30%）3个项目，涉及预算251.92万元，按10%–30%为25.20–75.58万元" in run.stdout
    page = (out / "b.html").read_text(encoding="utf-8")
    assert '<td class="num">251.92</td><td class="num">25.20</td><td class="num">75.58</td>' in page
    assert '<td class="num">246.92</td><td class="num">24.70</td><td class="num">74.08</td>' in page  # 民政局
    assert "123.456789" not in page and "123.46" in page
    rows = {(r["范围"], r["名称"]): r for r in _sheet((out / "b.xlsx").read_bytes(), "结果应用")}
    amounts = ("涉及预算（万元）", "按比例金额下限（万元）", "按比例金额上限（万元）")
    assert (251.92, 25.2, 75.58) == tuple(rows[(BATCH, BATCH)][k] for k in amounts)
    assert (246.92, 24.7, 74.08) == tuple(rows[(DEPARTMENT, "民政局")][k] for k in amounts)
    assert [123.46, 123.46] == [rows[(UNIT, f"{u}（民政局）")]["涉及预算（万元）"] for u in ("甲单位", "乙单位")]
    summary = _sheet((out / "b.xlsx").read_bytes(), "汇总")
    assert [123.46, 123.46, 5] == [r["涉及预算（万元）"] for r in summary]  # they add up to the 251.92 printed
    from openpyxl import load_workbook

    sheet = load_workbook(out / "b.xlsx")["结果应用"]
    assert {"0.00"} == {cell.number_format for row in sheet.iter_rows(min_row=2, min_col=7, max_col=7) for cell in row}
    csv_rows = (out / "b.csv").read_text(encoding="utf-8-sig").splitlines()
    column = csv_rows[0].split(",").index("涉及预算（万元）")
    assert ["123.46", "123.46", "5.00"] == [line.split(",")[column] for line in csv_rows[1:]]
    tally = ConsequenceTally()
    for budget in (Decimal("123.456789"), Decimal("123.456789")):
        tally.add("核减10%–30%", "中", 2, budget, "民政局", "甲")
    whole = tally.counted()[0]
    assert (Decimal("246.913578"), Decimal("24.6913578")) == (whole.budget, whole.amount_low)  # exact, for a program
    assert (Decimal("246.92"), Decimal("24.70"), Decimal("74.08")) == whole.printed()


def test_each_amount_printed_is_the_sum_of_the_amounts_printed_under_it(tmp_path: Path):
    """QA204 4: two 中等 projects of 123.45万元 (民政局) and 234.55万元 (教育局) had 结果应用 print 23.46 and 12.35 under a
    total of 35.80, and 70.37 and 37.04 under 107.40 (the batch's 358.00 times the share): the columns did not add up. Each
    project's amount is its printed budget times each end of the share, 四舍五入, and every amount printed (a unit, a 主管部门,
    the batch) adds those of its projects, alike on the terminal, the page and the workbook; the budgets add up as before."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir(), out.mkdir()
    (folder / "henan.yaml").write_text(SET.replace("id: self-evaluation", "id: henan-self-evaluation").replace(GRADES, HENAN),
                                       encoding="utf-8")
    for key, department, unit, budget in (("a", "民政局", "甲单位", 123.45), ("b", "教育局", "乙单位", 234.55)):
        (folder / f"{key}.json").write_text(json.dumps(_project(key, department, unit, budget, SIXTY), ensure_ascii=False),
                                            encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "--jobs", "1", "-o", str(out / "b.xlsx"), "-o",
                                    str(out / "b.html"), "-o", str(out / "b.csv")])
    assert 0 == run.exit_code, run.output
    assert "中等（核减该项目下一年度预算10%–30%）2个项目，涉及预算358.00万元，按10%–30%为35.81–107.41万元" in run.stdout
    page = (out / "b.html").read_text(encoding="utf-8")
    for figures in ("358.00", "35.81", "107.41"), ("234.55", "23.46", "70.37"), ("123.45", "12.35", "37.04"):
        assert "".join(f'<td class="num">{f}</td>' for f in figures) in page
    amounts = ("涉及预算（万元）", "按比例金额下限（万元）", "按比例金额上限（万元）")
    rows = {(r["范围"], r["名称"]): tuple(r[k] for k in amounts) for r in _sheet((out / "b.xlsx").read_bytes(), "结果应用")}
    assert (358, 35.81, 107.41) == rows[(BATCH, BATCH)]
    assert (234.55, 23.46, 70.37) == rows[(DEPARTMENT, "教育局")] == rows[(UNIT, "乙单位（教育局）")]
    assert (123.45, 12.35, 37.04) == rows[(DEPARTMENT, "民政局")] == rows[(UNIT, "甲单位（民政局）")]
    csv_rows = (out / "b.csv").read_text(encoding="utf-8-sig").splitlines()
    column = csv_rows[0].split(",").index("涉及预算（万元）")
    assert ["123.45", "234.55"] == sorted(line.split(",")[column] for line in csv_rows[1:])


def test_the_amounts_printed_add_up_at_every_level_of_a_portfolio():
    """QA204 4: five projects (123.45, 234.55 and three of 0.05万元) printed 35.82 for the batch over amounts adding up to
    35.84. Every scope's printed 涉及预算 and amounts are the sums of those of the scopes under it: the batch of its 主管部门,
    a 主管部门 of its units; the exact figures a program reads are left as they were."""
    tally = ConsequenceTally()
    for budget, department, unit in (("123.45", "民政局", "甲"), ("234.55", "教育局", "乙"), ("0.05", "卫健委", "丙"),
                                     ("0.05", "财政局", "丁"), ("0.05", "水利局", "戊"), ("0.05", "民政局", "甲"),
                                     ("0.05", "民政局", "己"), ("1.15", None, "庚")):
        for words, grade, rank in (("核减10%–30%", "中", 2), ("核减30%以上", "差", 3), ("核减15%", "中", 2)):
            tally.add(words, grade, rank, Decimal(budget), department, unit)
    counted = tally.counted()
    for words in ("核减10%–30%", "核减30%以上", "核减15%"):
        of = [c for c in counted if c.consequence == words]
        whole = next(c for c in of if c.scope == BATCH)
        for above in (c for c in of if c.scope != UNIT):
            under = [c.printed() for c in of if _within(c, above)]
            for at in range(3):
                if above.printed()[at] is None:
                    assert {None} == {u[at] for u in under}
                else:
                    assert above.printed()[at] == sum(u[at] for u in under), (words, above.name, at)
        assert whole.amount_low == whole.budget * whole.share.low  # exact, for a program
    first = next(c for c in counted if c.consequence == "核减10%–30%" and c.scope == BATCH)
    assert (Decimal("359.40"), Decimal("35.98"), Decimal("107.86")) == first.printed()  # exact: 35.94–107.82


def _within(count: ConsequenceCount, above: ConsequenceCount) -> bool:
    """Whether `count` is a scope right under `above`: a 主管部门 under the batch, a unit under its 主管部门."""
    if above.scope == BATCH:
        return count.scope == DEPARTMENT
    inside = f"（{above.name}）" if above.name != NOT_GIVEN else "（未填写主管部门）"
    return count.scope == UNIT and (count.name.endswith(inside) or (above.name == NOT_GIVEN and "（" not in count.name))


def test_a_share_from_nothing_prints_its_low_amount_as_0_00_and_projects_naming_no_unit_are_one_row():
    """QA312 1: 核减不超过5% (0%–5%) printed 按0%–5%为0–78.94万元 on the terminal: an amount of 0.00 was taken for none,
    where the page and the workbook print 0.00. QA312 2: projects naming no 实施单位 were one row per 主管部门, every row
    named （未填写）, as if one unit were listed twice: they are one row of the unit table, as the docs say."""
    tally = ConsequenceTally()
    for department, unit in (("民政局", None), ("教育局", None), ("教育局", "甲单位")):
        tally.add("核减不超过5%", "良", 2, Decimal("100"), department, unit)
    counted = tally.counted()
    assert "0.00" == str(counted[0].shown_low) and "15.00" == str(counted[0].shown_high)
    units = [(c.name, c.count) for c in counted if c.scope == UNIT]
    assert sorted([(NOT_GIVEN, 2), ("甲单位（教育局）", 1)]) == sorted(units)
