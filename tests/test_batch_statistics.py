"""What a finance bureau reads off 统计 and the rankings: means over the projects an indicator applies to, units told
apart by their 主管部门, sets of other totals ranked by 得分率, ties sharing a 名次, and nothing left out unsaid."""

from __future__ import annotations

import pickle
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from scoring_engine.batch import summarise
from scoring_engine.batch.ranking import spellings_note
from scoring_engine.batch.rows import Comparison, IndicatorRow, ProjectRow, _flags
from scoring_engine.reports.batch_tables import cell_text, statistics, tie_note

ROOT = Path(__file__).resolve().parent.parent


def _row(index: int, total: str, *, unit: str = "", department: str = "", max_total: str = "100", year: str = "",
         indicators: tuple[IndicatorRow, ...] = (), flags: tuple[str, ...] = (), compare: Comparison | None = None,
         set_id: str = "s") -> ProjectRow:
    project = {k: v for k, v in (("unit", unit), ("department", department), ("year", year)) if v}
    return ProjectRow(index=index, source=f"{index}.json", project=project, set_id=set_id, max_total=Decimal(max_total),
                      grades=("优", "良", "中", "差"), total=Decimal(total), grade="良", indicators=indicators, flags=flags,
                      compare=compare)


def _economic(weight: str, score: str) -> tuple[IndicatorRow, ...]:
    return (IndicatorRow("economic", "经济效益", 3, Decimal(weight), Decimal(score), ""),)


def test_an_indicator_that_does_not_apply_is_left_out_of_its_mean_score_as_of_its_mean_rate():
    """经济效益 scored 3 and 4 of 4 in two projects and not applicable (weight 0) in a third: 平均得分 3.50 beside
    平均得分率 87.5%, not 2.33 (the not applicable project counted as 0 points)."""
    rows = [_row(0, "80", indicators=_economic("4", "3")), _row(1, "90", indicators=_economic("4", "4")),
            _row(2, "85", indicators=_economic("0", "0"))]
    stat = summarise(rows).sets[0].indicators[0]
    assert (3, Decimal("3.50"), Decimal("0.875")) == (stat.count, stat.mean_score, stat.mean_rate)
    assert 2 == stat.scored  # QA41 F6: the projects the means are over, so that mean × projects adds up


def test_an_indicator_rescaled_in_some_projects_shows_no_mean_score_beside_its_mean_rate():
    """QA235 2: under not_applicable: rescale, 经济效益 scored 3 of 4 in one project and 8 of 8 in another (rescaled, another
    indicator not applicable): 统计 printed 平均得分 5.50, a mean of points out of 4 and out of 8, beside 平均得分率 87.50%,
    which 5.50 of 4 contradicts. 平均得分 is shown as — with a note saying why; the API keeps the figure and says the
    weights varied. An indicator whose weight is the same in every project keeps its 平均得分."""
    rows = [_row(0, "80", indicators=_economic("4", "3")), _row(1, "90", indicators=_economic("8", "8"))]
    summary = summarise(rows)
    stat = summary.sets[0].indicators[0]
    assert (Decimal("5.50"), Decimal("0.875"), True) == (stat.mean_score, stat.mean_rate, stat.weights_vary)
    table = statistics(summary)
    assert ["economic", "经济效益", 3, "—"] == next(row for row in table if row and row[0] == "economic")[:4]
    assert any(row and "平均得分为“—”的指标" in str(row[0]) for row in table)
    same = statistics(summarise([_row(0, "80", indicators=_economic("4", "3")), _row(1, "90", indicators=_economic("4", "4"))]))
    assert "3.50" == cell_text(next(row for row in same if row and row[0] == "economic")[3])
    assert not any(row and "平均得分为“—”的指标" in str(row[0]) for row in same)


def test_units_of_one_name_in_two_departments_are_ranked_apart_with_their_department():
    """机关服务中心 of 教育厅 and of 卫生健康委 are two units, each ranked with its own projects and department."""
    rows = [_row(0, "90", unit="机关服务中心", department="教育厅"), _row(1, "70", unit="机关服务中心", department="卫生健康委")]
    units = summarise(rows).units
    assert [("机关服务中心", "教育厅", 1, Decimal("90.00")), ("机关服务中心", "卫生健康委", 1, Decimal("70.00"))] == \
        [(u.name, u.department, u.count, u.mean) for u in units]


def test_units_scored_under_sets_of_other_totals_rank_by_mean_rate():
    """A unit scoring 76 of 80 (95%) ranks above one scoring 90 of 100 (90%), and a unit with both has their mean rate."""
    rows = [_row(0, "76", unit="甲", max_total="80"), _row(1, "90", unit="乙"), _row(2, "76", unit="丙", max_total="80"),
            _row(3, "85", unit="丙")]
    units = summarise(rows).units
    assert [("甲", Decimal("0.95")), ("丙", Decimal("0.9")), ("乙", Decimal("0.9"))] == [(u.name, u.mean_rate) for u in units]
    assert [1, 2, 2] == [u.rank for u in units]  # 丙 (95% and 85%) and 乙 (90%) share the second place
    best = summarise(rows).best
    assert [0, 2, 1, 3] == [p.index for p in best] and [1, 1, 3, 4] == [p.rank for p in best]


def test_equal_means_share_a_rank_and_the_next_rank_skips():
    """Two units at 100.00 are both 1st (in the order of their names' characters); the next is 3rd. Ranks follow the
    exact mean, not the one shown: 丙 (90.003) ranks above 丁 (90.0025), though both show 90.00."""
    rows = [_row(0, "100", unit="乙"), _row(1, "100", unit="甲"), _row(2, "90.006", unit="丙"), _row(3, "90", unit="丙"),
            _row(4, "90.0025", unit="丁")]
    units = summarise(rows).units
    assert [("乙", 1), ("甲", 1), ("丙", 3), ("丁", 4)] == [(u.name, u.rank) for u in units]
    assert Decimal("90.00") == units[2].mean == units[3].mean


def test_a_list_of_the_ten_best_cut_inside_a_tie_says_how_many_it_leaves_out():
    """Twelve projects at 100: the ten best are all 1st, and two more as good are named as left out."""
    summary = summarise([_row(i, "100") for i in range(12)])
    assert [1] * 10 == [p.rank for p in summary.best] and (2, 2) == (summary.best_tied, summary.worst_tied)
    assert "另有2个项目与第1名得分率相同，未列出" == tie_note(summary.best, summary.best_tied)
    assert 0 == summarise([_row(i, str(90 + i)) for i in range(12)]).best_tied


def test_projects_flagged_only_by_their_re_check_are_counted_as_to_explain():
    """The 需说明 count is the number of projects on the 需说明 sheet: those flagged by the set's rules or by the re-check."""
    flagged = Comparison(against="复核", source="r.json", total=Decimal(80), grade="良", difference=Decimal(10),
                         grade_dropped=False, flagged=True, reasons=("复核得分低10分（阈值5分）",), indicators={})
    rows = [_row(0, "90", unit="甲", compare=flagged), _row(1, "70", unit="甲", flags=("执行率低",)), _row(2, "80", unit="甲")]
    summary = summarise(rows)
    assert (2, 2, 2) == (summary.flagged, summary.sets[0].flagged, summary.units[0].flagged)


def test_projects_without_a_unit_and_several_years_are_said_on_the_statistics_sheet():
    """The ranking says how many projects name no unit (they are in no unit's ranking), and 统计 names the years mixed."""
    rows = [_row(0, "90", unit="甲", department="厅", year="2023"), _row(1, "80", year="2024"), _row(2, "70", year="2024")]
    summary = summarise(rows)
    assert (2, 2, ("2023", "2024")) == (summary.unranked_units, summary.unranked_departments, summary.years)
    cells = [cell for row in statistics(summary) for cell in row]
    assert "未填写实施单位的2个项目不在此排名中" in cells and "2023、2024" in cells
    assert any(isinstance(c, str) and c.startswith("本批次含多个年度") for c in cells)


def test_an_execution_rate_just_below_90_percent_is_shown_below_it():
    """89.995% is not printed as 90.00% in the reason it is below 90%."""
    from scoring_engine import load_indicator_set
    from scoring_engine.batch.rows import SetShape

    shape = SetShape.of(load_indicator_set(ROOT / "examples" / "small" / "set.yaml"))
    assert ("预算执行率89.995%，低于90%，需说明原因（默认规则）",) == _flags(shape, (), "良", Decimal("0.89995"))
    assert ("预算执行率72.50%，低于90%，需说明原因（默认规则）",) == _flags(shape, (), "良", Decimal("0.725"))
    assert ("预算执行率约89.999999%，低于90%，需说明原因（默认规则）",) == _flags(shape, (), "良", Decimal("0.8999999999"))


def test_an_execution_rate_is_never_rounded_up_onto_a_whole_tenth_in_its_reason_to_explain():
    """86.9999% was flagged 预算执行率87.00% beside 汇总's 86.99% and the reason's 86.9999% for the same project
    (QA213 1): the flag shows the decimals that keep it short of the round figure, as 汇总 does."""
    from scoring_engine import load_indicator_set
    from scoring_engine.batch.rows import SetShape

    shape = SetShape.of(load_indicator_set(ROOT / "examples" / "small" / "set.yaml"))
    assert ("预算执行率86.9999%，低于90%，需说明原因（默认规则）",) == _flags(shape, (), "良", Decimal("0.869999"))
    assert ("预算执行率87.00%，低于90%，需说明原因（默认规则）",) == _flags(shape, (), "良", Decimal("0.87"))


def test_a_comparison_gives_each_indicators_weight_in_the_other_set_beside_its_score():
    """决策 full in both sets, 15 points in one and 10 in the other: 指标明细 shows the other set's 分值 10 beside its
    得分 10 and the 差异 5, so that a weight moved is not read as a self-score 5 points high."""
    from scoring_engine.batch.compare import compare
    from scoring_engine.reports.batch_tables import detail_header, detail_rows

    mine = _row(0, "100", indicators=(IndicatorRow("decision", "决策", 1, Decimal(15), Decimal(15), ""),))
    other = _row(0, "100", indicators=(IndicatorRow("decision", "决策", 1, Decimal(10), Decimal(10), ""),), set_id="county")
    row = replace(mine, compare=compare(mine, other, "county"))
    header = detail_header("county").header
    cells = dict(zip(header, next(detail_rows(row, True)), strict=True))
    assert (Decimal(10), Decimal(10), Decimal(5)) == (cells["county 分值"], cells["county 得分"], cells["差异"])


def test_the_funds_of_the_projects_are_added_up_as_a_summary_report_states_them():
    """预算执行情况: 预算数 added up over the projects that give it, 执行数 over those that give both, the overall rate of
    the same projects, and the projects under 90%. A project without its 执行数 is counted apart, not as paid 0."""
    rows = [replace(_row(0, "90"), budget_total=Decimal("100"), budget_paid=Decimal("95"), execution_rate=Decimal("0.95"),
                    funds_unit="万元"),
            replace(_row(1, "80"), budget_total=Decimal("200.5"), budget_paid=Decimal("150"), execution_rate=Decimal("0.748"),
                    funds_unit="万元"),
            replace(_row(2, "70"), budget_total=Decimal("50"), funds_unit="万元"), _row(3, "60")]
    (f,) = summarise(rows).funds
    assert (3, Decimal("350.5"), 2, Decimal("245"), Decimal("300.5"), 2, 1, "万元") == (
        f.budgeted, f.budget, f.paid_count, f.paid, f.budget_of_paid, f.rated, f.below, f.unit)
    assert Decimal("0.8153") == f.rate.quantize(Decimal("0.0001"))
    cells = {row[0]: row[1] for row in statistics(summarise(rows)) if len(row) == 2}
    assert (Decimal("350.5"), 2, Decimal("300.5"), Decimal("245")) == (
        cells["预算数合计（万元）"], cells["同时填报执行数的项目"], cells["其预算数合计（万元）"], cells["执行数合计（万元）"])
    assert () == summarise([_row(0, "90")]).funds  # no funds: no funds columns or figures


def test_amounts_in_other_units_are_never_added_together():
    """A set in 元 beside one in 万元: two totals, each in its unit, and 汇总 names each row's unit (200 万元 and
    2,000,000 元 made '2000200')."""
    from scoring_engine.reports.batch_tables import summary_cells, summary_columns, summary_table

    rows = [replace(_row(0, "90"), budget_total=Decimal(200), budget_paid=Decimal(190), funds_unit="万元"),
            replace(_row(1, "80"), budget_total=Decimal(2_000_000), budget_paid=Decimal(1_500_000), funds_unit="元")]
    summary = summarise(rows)
    assert [("万元", Decimal(200), Decimal("0.95")), ("元", Decimal(2_000_000), Decimal("0.75"))] == [
        (f.unit, f.budget, f.rate) for f in summary.funds]
    header = summary_table(summary).header
    assert ("预算数", "执行数", "预算执行率（指标体系口径）", "金额单位") == header[10:14]
    assert "元" == summary_cells(rows[1], summary_columns(summary))[13]
    titles = [row[0].text for row in statistics(summary) if row and hasattr(row[0], "text")]
    assert "预算执行情况（金额单位为万元的项目）" in titles and "预算执行情况（金额单位为元的项目）" in titles


def test_the_funds_are_read_where_the_set_keeps_them():
    """The totals row of the set's form (全年预算数, 全年执行数); a set without a form's funds block, budget.total and
    budget.paid; the rate is the set's own execution_rate."""
    from scoring_engine import load_indicator_set
    from scoring_engine.batch.rows import SetShape

    assert ("budget.total", "budget.paid") == SetShape.of(load_indicator_set("self-evaluation")).funds
    assert ("budget.total", "budget.paid") == SetShape.of(load_indicator_set(ROOT / "examples" / "small" / "set.yaml")).funds
    channel = SetShape.of(load_indicator_set(ROOT / "examples" / "channel-restoration" / "set.yaml"))
    assert ("budget.total", None) == channel.funds and ("execution_rate",) == channel.rate_derived


def test_an_overall_rate_under_90_percent_is_not_shown_as_90():
    """899.996 of 1000 is 89.99%, cut, in 统计 as in the project's own column; the terminal line says so too."""
    from scoring_engine.reports.batch_text import summary_text

    rows = [replace(_row(0, "90"), budget_total=Decimal(1000), budget_paid=Decimal("899.996"),
                    execution_rate=Decimal("0.899996"), funds_unit="万元")]
    summary = summarise(rows)
    cells = {row[0]: row[1] for row in statistics(summary) if len(row) == 2}
    assert Decimal("0.8999") == cells["总体预算执行率（执行数合计÷其预算数合计）"].value
    assert "总体执行率89.99%；执行率低于90%的项目1个" in summary_text(summary)


def test_a_set_with_a_rate_and_no_budget_says_what_its_line_is_about():
    from scoring_engine.reports.batch_text import summary_text

    summary = summarise([replace(_row(0, "90"), execution_rate=Decimal("0.8"))])
    assert "预算执行：执行率低于90%的项目1个" in summary_text(summary)
    assert [] == [row for row in statistics(summary) if row and row[0] == "预算数合计"]


def test_the_budgets_of_consequences_are_added_in_wan_whatever_unit_a_set_keeps_them_in():
    """结果应用 adds budgets in 万元: a set that keeps them in 元 gives 100 万元 for 1,000,000 元, not 1000000万元; a unit of
    no known size, or none, leaves the budget out (counted as not known): an amount is never made up."""
    from scoring_engine import load_indicator_set
    from scoring_engine.batch.rows import SetShape, _budget

    shape = replace(SetShape.of(load_indicator_set("sichuan-self-evaluation")), consequences={"中": "下一年度预算核减10%"})
    fact = shape.budget_fact
    assert fact is not None and "万元" == shape.set.facts[fact].unit
    values = {fact: Decimal(1_000_000)}
    assert Decimal(1_000_000) == _budget(shape, "中", values)
    for written, wan in (("元", Decimal(100)), ("亿元", Decimal(10_000_000_000)), ("美元", None), ("", None), (None, None)):
        spec = replace(shape.set.facts[fact], unit=written)
        other = replace(shape, set=replace(shape.set, facts={**shape.set.facts, fact: spec}))
        assert wan == _budget(other, "中", values)


def test_an_execution_rate_is_rounded_half_up_but_never_up_to_the_90_percent_line() -> None:
    """The batch's 预算执行率 (and its overall rate) was cut: 83.045% showed 83.04%, where 四舍五入 gives 83.05%. It is
    rounded half up, except where that would print the 90.00% line a rate below it falls short of."""
    from scoring_engine._arith import cut_percent

    assert ["83.05%", "89.99%", "90.00%", "99.89%"] == [cut_percent(Decimal(r)) for r in ("0.83045", "0.89999", "0.9", "0.998886")]



def test_an_execution_rate_is_never_rounded_up_to_a_bands_bound_it_falls_short_of() -> None:
    """QA54 F1: 99.9998% showed 100.00% beside the 7 points of the band below 100% (and 79.9998% 80.00%, 59.9998%
    60.00%), where `score` says 99.9998%: a rate that rounding would lift to a round figure is cut below it."""
    from scoring_engine._arith import cut_percent

    cut = [cut_percent(Decimal(r)) for r in ("0.999998", "0.799998", "0.599998", "0.924999", "0.82996", "1", "0.8")]
    assert ["99.99%", "79.99%", "59.99%", "92.49%", "82.99%", "100.00%", "80.00%"] == cut

def test_a_units_projects_that_could_not_be_scored_are_counted_in_its_ranking_and_a_unit_with_none_scored_is_named():
    """某县交通执法大队 ranked 1st with 项目数 2 though 2 of its 4 forms could not be scored, and a unit whose every form
    failed was nowhere. The ranking counts each unit's failed projects (评分失败) apart from the scored ones its means
    are of; a unit or 主管部门 with none scored is named under the ranking, with how many failed."""
    from scoring_engine.batch.rows import failed_row
    from scoring_engine.errors import Problem

    def failed(index: int, unit: str, department: str = "交通局") -> ProjectRow:
        return failed_row(index, f"{index}.json", (Problem("x"),), project={"unit": unit, "department": department})

    rows = [_row(0, "90", unit="执法大队", department="交通局"), failed(1, "执法大队"), failed(2, "执法大队"),
            failed(3, "站场", department="住建局"), _row(4, "80", unit="公路中心", department="交通局"),
            failed_row(5, "5.json", (Problem("x"),))]  # naming no unit: in no unit's count
    summary = summarise(rows)
    assert [("执法大队", 1, 2), ("公路中心", 1, 0)] == [(u.name, u.count, u.failed) for u in summary.units]
    assert (("住建局", "站场", 1),) == summary.unscored_units and (("", "住建局", 1),) == summary.unscored_departments
    table = statistics(summary)
    header = next([c.text for c in row] for row in table if row and getattr(row[0], "text", None) == "名次")
    assert ["名次", "实施单位", "主管部门", "项目数", "评分失败", "平均分", "平均得分率", "需说明"] == header
    assert ["以下1个实施单位的项目均未能评分，不在此排名中：站场（住建局，1个）"] in table


def test_a_project_naming_no_department_where_others_do_is_in_no_unit_ranking_and_counted_under_it():
    """QA186 F2: a form of 市第一中学 whose 主管部门 was left blank was ranked as a unit of its own, its one project 1st
    beside the school's other six under 市教育局. Where any project names its 主管部门, one naming none is in no unit's
    ranking (as in no 主管部门's), and the note under the ranking counts it; a batch naming none ranks units alone."""
    rows = [_row(0, "94", unit="市第一中学"), *(_row(i, "80", unit="市第一中学", department="市教育局") for i in (1, 2)),
            _row(3, "70", unit="市实验小学", department="市教育局"), _row(4, "60", department="市教育局")]
    summary = summarise(rows)
    assert [("市第一中学", "市教育局", 2), ("市实验小学", "市教育局", 1)] == \
        [(u.name, u.department, u.count) for u in summary.units]
    cells = [cell for row in statistics(summary) for cell in row]
    assert "未填写实施单位的1个项目、未填写主管部门的1个项目不在此排名中" in cells  # the units'
    assert "未填写主管部门的1个项目不在此排名中" in cells  # the departments'
    alone = summarise([_row(0, "94", unit="市第一中学"), _row(1, "80", unit="市实验小学")])
    assert [("市第一中学", ""), ("市实验小学", "")] == [(u.name, u.department) for u in alone.units]
    assert 0 == alone.unranked_units_department


def test_the_unit_rankings_note_counts_failed_projects_naming_no_department_apart_as_the_departments_does():
    """QA312 3: unit 乙 with no 主管部门, one project scored and one failed, was 未填写主管部门的2个项目 under the unit
    ranking and 未填写主管部门的1个项目 (the failed one said apart) under the 主管部门 ranking: the same projects counted
    two ways. Each note counts the scored projects, and the failed ones apart."""
    from scoring_engine.batch.rows import failed_row
    from scoring_engine.errors import Problem

    rows = [_row(0, "90", unit="甲", department="教育局"), _row(1, "80", unit="乙"),
            failed_row(2, "2.json", (Problem("x"),), project={"unit": "乙"})]
    summary = summarise(rows)
    assert (1, 1) == (summary.unranked_units_department, summary.unranked_units_department_failed)
    cells = [cell for row in statistics(summary) for cell in row]
    assert "未填写主管部门的1个项目及1个评分失败的项目不在此排名中" in cells  # the units'
    assert "未填写主管部门的1个项目不在此排名中" in cells  # the departments', beside its own line of the failed one


def test_a_unit_named_as_unscored_under_one_department_and_ranked_under_another_is_said_to_be_ranked():
    """单位甲 of 部门A was ranked first with 评分失败 0 while the note under the ranking said "单位甲（部门Z，1个）" had no
    project scored: units are told apart by their 主管部门, but the note read as if 单位甲 had none. It now says 部门A's
    单位甲 is ranked; a unit of a name ranked nowhere is named as before."""
    from scoring_engine.batch.rows import failed_row
    from scoring_engine.errors import Problem

    rows = [_row(0, "90", unit="单位甲", department="部门A"),
            failed_row(1, "1.json", (Problem("x"),), project={"unit": "单位甲", "department": "部门Z"}),
            failed_row(2, "2.json", (Problem("x"),), project={"unit": "单位戊"})]
    assert ["以下2个实施单位的项目均未能评分，不在此排名中：单位戊（1个）、单位甲（部门Z，1个；部门A的单位甲已排名）"] in statistics(summarise(rows))


def _graded(index: int, grade: str, budget: str | None) -> ProjectRow:
    row = replace(_row(index, {"优": "95", "良": "85", "中": "70", "差": "50"}[grade]), grade=grade, funds_unit="万元")
    return replace(row, budget_total=Decimal(budget)) if budget is not None else row


def test_each_grade_says_the_funds_its_projects_concern_as_a_summary_report_states_them():
    """涉及资金: "自评为优的项目2个，涉及资金300万元" — each grade's 预算数 added up over its projects that give one, and its
    share of the set's; a project without a 预算数 counts in its grade but in no amount (not as 0 万元 budgeted)."""
    from scoring_engine.reports.batch_text import summary_text

    rows = [_graded(0, "优", "100"), _graded(1, "优", "200"), _graded(2, "良", "100.5"), _graded(3, "中", None),
            _graded(4, "良", None)]
    s = summarise(rows).sets[0]
    assert [("优", 2, 2, Decimal("300")), ("良", 2, 1, Decimal("100.5")), ("中", 1, 0, Decimal(0)), ("差", 0, 0, Decimal(0))] == [
        (g.label, g.count, g.budgeted, g.budget) for g in s.grades]
    assert ("万元", Decimal("400.5")) == (s.funds_unit, s.budget)
    table = statistics(summarise(rows))
    header = next(row for row in table if row and getattr(row[0], "text", "") == "等级")
    assert ["等级", "项目数", "占比", "填报预算数的项目", "预算数合计（万元）", "占预算数合计"] == [h.text for h in header]
    good = next(row for row in table if row and row[0] == "优")
    assert [2, Decimal("300")] == good[3:5] and "74.91%" == f"{good[5].value * 100:.2f}%"
    assert "优2（预算300.00万元），良2（其中1个预算100.50万元），中1，差0" in summary_text(summarise(rows), "zh")
    assert "优 2 (budget 300.00 万元), 良 2 (1 of them budget 100.50 万元), 中 1, 差 0" in summary_text(summarise(rows), "en")


def test_a_set_whose_projects_give_no_budget_has_no_funds_columns_in_its_grade_table():
    """Without any 预算数, the grade table stays 等级, 项目数, 占比, and the terminal names no amount."""
    from scoring_engine.reports.batch_text import summary_text

    rows = [_graded(0, "优", None), _graded(1, "良", None)]
    header = next(row for row in statistics(summarise(rows)) if row and getattr(row[0], "text", "") == "等级")
    assert 3 == len(header)
    assert "预算" not in summary_text(summarise(rows), "zh")


def test_the_page_shows_the_funds_of_each_grade_under_its_chart(tmp_path: Path):
    """The batch page has a table 各等级涉及资金 for a set whose projects give their 预算数: each grade's count, how many
    give a 预算数, its sum in the set's unit and its share."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    page = tmp_path / "batch.html"
    run = CliRunner().invoke(main, ["batch", str(ROOT / "indicator_sets" / "self-evaluation.facts.json"), "--output",
                                    str(page), "--quiet"])
    assert 0 == run.exit_code, run.output
    text = page.read_text(encoding="utf-8")
    table = text[text.index("<h3>各等级涉及资金</h3>"):text.index("<h3>总分分布</h3>")]
    assert "<th class=\"num\">预算数合计（万元）</th>" in table
    assert '<tr><td>优秀</td><td class="num">1</td><td class="num">1</td>' in table and "100.00%" in table


def _target(key: str, category: str, weight: str, score: str) -> IndicatorRow:
    return IndicatorRow(key, key, 2, Decimal(weight), Decimal(score), "", False, category)


def test_target_rows_are_analysed_by_their_second_level_category_across_projects():
    """A 自评总结报告 analyses results by 二级 category (数量指标, 质量指标…): each category's rows across the projects, how
    many scored their whole weight (达成), and their mean 得分率; a row of weight 0 counts in none, and the categories
    come group by group."""
    output = IndicatorRow("output", "产出指标", 1, Decimal(50), Decimal(40), "")
    benefit = IndicatorRow("benefit", "效益指标", 1, Decimal(30), Decimal(30), "")
    first = (output, _target("output.a", "数量指标", "25", "25"), _target("output.b", "质量指标", "25", "15"),
             benefit, _target("benefit.a", "社会效益指标", "30", "30"))
    second = (output, _target("output.a", "数量指标", "20", "15"), _target("output.c", "数量指标", "0", "0"),
              _target("output.d", "质量指标", "30", "30"), benefit, _target("benefit.a", "社会效益指标", "30", "24"))
    s = summarise([_row(0, "85", indicators=first), _row(1, "80", indicators=second)]).sets[0]
    assert [("产出指标", "数量指标", 2, 1, Decimal("0.875")), ("产出指标", "质量指标", 2, 1, Decimal("0.8")),
            ("效益指标", "社会效益指标", 2, 1, Decimal("0.9"))] == [
        (c.group_name, c.category, c.count, c.reached, c.mean_rate) for c in s.categories]
    table = statistics(summarise([_row(0, "85", indicators=first)]))
    start = next(i for i, row in enumerate(table) if row and getattr(row[0], "text", "").startswith("二级指标"))
    assert ["数量指标", "产出指标", 1, 1] == table[start + 1][:4] and Decimal(1) == table[start + 1][4].value


def test_the_first_level_of_a_row_group_below_one_is_the_first_level_not_the_group():
    """A row group that is a 二级 (产出指标3（目标表） under 产出): 所属一级指标 names 产出, then the group (产出 › 产出指标3
    （目标表）); it named the group alone, as if it were the 一级 (QA162 F4). A group that is a 一级 is named alone."""
    top = IndicatorRow("output", "产出", 1, Decimal(50), Decimal(40), "")
    group = IndicatorRow("output.c3", "产出指标3（目标表）", 2, Decimal(30), Decimal(25), "")
    rows = (top, IndicatorRow("output.c1", "产出指标1", 2, Decimal(20), Decimal(15), ""), group,
            IndicatorRow("output.c3.1", "道路", 3, Decimal(30), Decimal(25), "", False, "数量指标"),
            IndicatorRow("benefit", "效益指标", 1, Decimal(30), Decimal(30), ""), _target("benefit.a", "社会效益指标", "30", "30"))
    s = summarise([_row(0, "85", indicators=rows)]).sets[0]
    assert [("产出", "产出指标3（目标表）"), ("", "效益指标")] == [(c.top_name, c.group_name) for c in s.categories]
    table = statistics(summarise([_row(0, "85", indicators=rows)]))
    start = next(i for i, row in enumerate(table) if row and getattr(row[0], "text", "").startswith("二级指标"))
    assert [["数量指标", "产出 › 产出指标3（目标表）", 1, 0], ["社会效益指标", "效益指标", 1, 1]] == [
        row[:4] for row in table[start + 1:start + 3]]


def test_scores_only_gives_each_target_rows_weight_used_beside_its_score():
    """`Scores.weights` holds every indicator of `Scores.scores`, target rows too: a row's 得分率 can be read without the
    audit trail (the 二级 analysis of a summary-only batch reads it), and the mapping stays read-only."""
    import pytest

    from scoring_engine import load_facts, load_indicator_set, score
    from scoring_engine.engine import scores_only

    indicator_set = load_indicator_set("self-evaluation")
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    scores, result = scores_only(indicator_set, facts), score(indicator_set, facts)
    assert set(scores.scores) == set(scores.weights)
    assert {i.id: i.weight for i in result.walk()} == dict(scores.weights)
    with pytest.raises(TypeError):
        scores.weights["output"] = Decimal(1)  # type: ignore[index]


def test_the_page_and_the_statistics_sheet_give_the_categories_of_a_self_evaluation_batch(tmp_path: Path):
    """`batch` of 单位自评 facts files whose rows name their category: the page has the table 各二级指标平均得分率 and 统计
    the same rows, one per category, whichever path scored them (the page alone is written from scores_only)."""
    import json

    from click.testing import CliRunner
    from openpyxl import load_workbook

    from scoring_engine.cli import main

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    for row, category in zip(document["facts"]["targets"]["output"], ("数量指标", "成本指标", "质量指标"), strict=True):
        row["category"] = category
    (tmp_path / "out").mkdir()
    for number in (1, 2):
        (tmp_path / f"p{number}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for outputs in (["--output", str(tmp_path / "out" / "batch.html")],
                    ["--output", str(tmp_path / "out" / "batch.xlsx")]):
        run = CliRunner().invoke(main, ["batch", str(tmp_path / "p1.json"), str(tmp_path / "p2.json"), *outputs, "--quiet"])
        assert 0 == run.exit_code, run.output
    text = (tmp_path / "out" / "batch.html").read_text(encoding="utf-8")
    table = text[text.index("<h3>各二级指标平均得分率</h3>"):]
    table = table[:table.index("</table>")]
    assert '<tr><td>数量指标</td><td>产出指标</td><td class="num">2</td><td class="num">2</td><td class="num">100.00%' in table
    # in the framework's order, whatever the rows' order; the groups whose rows name none are counted apart
    assert ["数量指标", "质量指标", "成本指标", "（未填二级指标）", "（未填二级指标）"] == [
        line.split("</td>")[0] for line in table.split("<tr><td>")[1:]]
    sheet = list(load_workbook(tmp_path / "out" / "batch.xlsx", read_only=True)["统计"].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(sheet) if str(row[0]).startswith("二级指标"))
    assert [("数量指标", "产出指标", 2, 2), ("质量指标", "产出指标", 2, 2), ("成本指标", "产出指标", 2, 2)] == [
        tuple(row[:4]) for row in sheet[start + 1:start + 4]]


def test_target_rows_naming_no_category_are_counted_apart_and_categories_keep_the_national_order():
    """QA22 F1, F2: a row without a 二级 category was left out of the analysis (the bundled Sichuan facts showed 1 of its
    6 rows); it is counted under （未填二级指标）. Categories come in the framework's order (数量, 质量, 时效, 成本), not
    in the order the first project happens to give them."""
    output = IndicatorRow("output", "产出指标", 1, Decimal(50), Decimal(40), "")
    rows = (output, _target("output.a", "时效指标", "10", "10"), _target("output.b", "", "20", "10"),
            _target("output.c", "数量指标", "20", "20"))
    s = summarise([_row(0, "80", indicators=rows)]).sets[0]
    assert [("数量指标", 1), ("时效指标", 1), ("（未填二级指标）", 1)] == [(c.category, c.count) for c in s.categories]


def test_every_statistics_row_fits_the_sheet_and_the_unit_ranking_keeps_its_to_explain_column(tmp_path: Path):
    """QA22 F4: 统计 was 7 columns wide and the ranking of units 8 (评分失败 added): its 需说明 column was cut off
    without a word. Every row 统计 writes fits the sheet."""
    from openpyxl import load_workbook

    from scoring_engine.batch.entry import Entry
    from scoring_engine.reports.batch_xlsx import _STATISTICS_WIDTHS, BatchWorkbook

    rows = [replace(_graded(0, "优", "100"), project={"unit": "甲", "department": "局"}, flags=("执行率低",)),
            replace(_graded(1, "良", "50"), project={"unit": "乙", "department": "局"})]
    summary = summarise(rows)
    assert max(len(row) for row in statistics(summary)) <= len(_STATISTICS_WIDTHS)
    path = tmp_path / "out.xlsx"
    book = BatchWorkbook(path, None)
    book.start(summary)
    for row in rows:
        book.add(row, Entry(row))
        book.kept(row)
    book.finish(summary)
    book.commit()
    sheet = list(load_workbook(path, read_only=True)["统计"].iter_rows(values_only=True))
    header = next(row for row in sheet if row[:2] == ("名次", "实施单位"))
    assert "需说明" == header[7] and 1 == next(row for row in sheet if row[1] == "甲")[7]


def test_failed_projects_whose_unit_cannot_be_read_are_said_under_the_rankings():
    """QA22 F5: 评分失败7 beside rankings counting 5: two documents could not be read far enough to name their unit.
    The rankings say so, and send the reader to 问题."""
    from scoring_engine.batch.rows import failed_row
    from scoring_engine.errors import Problem

    rows = [_row(0, "90", unit="甲", department="局"), failed_row(1, "坏.json", (Problem("JSON syntax"),)),
            failed_row(2, "乙.json", (Problem("x"),), project={"unit": "乙", "department": "局"})]
    summary = summarise(rows)
    assert (1, 1) == (summary.unread_units, summary.unread_departments)
    lines = [row[0] for row in statistics(summary) if row and isinstance(row[0], str)]
    assert "另有1个评分失败的项目未填写或读不出实施单位（见问题），不在此排名中" in lines
    assert "另有1个评分失败的项目未填写或读不出主管部门（见问题），不在此排名中" in lines


def test_a_comparison_accounts_for_every_point_indicators_only_one_side_has_included():
    """QA24 F1: under --compare-set, an indicator only the compared set has (a province keeping 生态效益 a county
    removed) was on no row: the leaves' differences added up to −7.8 beside 总分差 −6.8. An indicator one side lacks
    counts as 0 points of weight 0 there; the other side's appear as rows of their own in 指标明细 and in the JSONL."""
    from scoring_engine.batch.compare import compare
    from scoring_engine.reports.batch_tables import NOT_HERE, NOT_THERE, detail_rows

    def leaf(key: str, weight: str, score: str) -> IndicatorRow:
        return IndicatorRow(key, key, 1, Decimal(weight), Decimal(score), "")

    mine = replace(_row(0, "81"), indicators=(leaf("a", "50", "45"), leaf("jobs", "50", "36")))
    other = replace(_row(0, "87.8"), indicators=(leaf("a", "50", "47.8"), leaf("ecological", "50", "40")))
    c = compare(mine, other, "province 2024")
    assert c is not None
    assert {"a": Decimal("-2.8"), "jobs": Decimal("36"), "ecological": Decimal("-40")} == {
        k: d.difference for k, d in c.indicators.items()}
    assert c.difference == sum(d.difference for d in c.indicators.values())
    rows = list(detail_rows(replace(mine, compare=c), True))
    assert ["ecological", Decimal(0), Decimal(0), NOT_HERE, Decimal(50), Decimal(40), Decimal(-40), None] == [
        rows[-1][2], rows[-1][5], rows[-1][6], rows[-1][8], *rows[-1][9:]]
    # and the project's own that the other side lacks says so where the other side's name goes, not 分值 0, 得分 0 alone,
    # as though it had scored nothing there (QA293 F6)
    [jobs] = [row for row in rows if row[2] == "jobs"]
    assert [Decimal(0), Decimal(0), Decimal(36), NOT_THERE] == jobs[9:]


def test_an_indicator_only_the_other_side_has_is_listed_under_its_parent():
    """QA25 F8: the other side's own indicators followed the project's last row; each now follows the last row under its
    parent (生态效益 among 效益's rows, not after 满意度)."""
    from scoring_engine.batch.compare import compare
    from scoring_engine.reports.batch_tables import detail_rows

    def node(key: str, level: int, score: str) -> IndicatorRow:
        return IndicatorRow(key, key, level, Decimal(10), Decimal(score), "")

    mine = replace(_row(0, "30"), indicators=(node("benefit", 1, "10"), node("benefit.social", 2, "10"),
                                             node("satisfaction", 1, "10"), node("satisfaction.people", 2, "10")))
    other = replace(_row(0, "40"), indicators=(node("benefit", 1, "20"), node("benefit.social", 2, "10"),
                                              node("benefit.ecological", 2, "10"), node("satisfaction", 1, "10"),
                                              node("satisfaction.people", 2, "10")))
    c = compare(mine, other, "other 1")
    ids = [r[2] for r in detail_rows(replace(mine, compare=c), True)]
    assert ["benefit", "benefit.social", "benefit.ecological", "satisfaction", "satisfaction.people"] == ids


def test_a_re_check_with_a_target_row_dropped_or_added_compares_each_row_with_its_twin_by_name():
    """QA25 F2: rows read from a form have no id and are named by their place (output.1, output.2…): a re-check that
    dropped 每公里管网造价 put the re-checker's 工程竣工验收合格 against it, and every 差异 after it on another row. A
    target row is compared with the other side's row of its group and name; one the other side dropped counts as 0 there,
    one it added is a row of its own."""
    from scoring_engine.batch.compare import RECHECK, compare

    def row(key: str, name: str, weight: str, score: str) -> IndicatorRow:
        return IndicatorRow(key, name, 2, Decimal(weight), Decimal(score), "", False, "数量指标")

    output = IndicatorRow("output", "产出指标", 1, Decimal(50), Decimal(50), "")
    mine = replace(_row(0, "50"), indicators=(output, row("output.1", "管网长度", "20", "20"),
                                             row("output.2", "每公里管网造价", "10", "10"), row("output.3", "竣工验收", "20", "20")))
    output_re = IndicatorRow("output", "产出指标", 1, Decimal(50), Decimal(44), "")
    other = replace(_row(0, "44"), indicators=(output_re, row("output.1", "新增一行", "5", "1"),
                                              row("output.2", "管网长度", "25", "23"), row("output.3", "竣工验收", "20", "20")))
    c = compare(mine, other, RECHECK)
    assert c is not None
    assert {"output": Decimal(6), "output.1": Decimal(-3), "output.2": Decimal(10), "output.3": Decimal(0),
            "output.1 (新增一行)": Decimal(-1)} == {k: d.difference for k, d in c.indicators.items()}
    assert c.difference == sum(d.difference for k, d in c.indicators.items() if k != "output")


def test_target_rows_of_one_name_and_a_replaced_row_are_paired_as_the_re_check_means():
    """QA26 F2, F3: two rows of one name in a group were never paired (a re-check equal to the self-evaluation showed
    差异 20 and 8, and two extra rows), and a row the re-check replaced in the same place (每公里管网造价 by 管网漏损率,
    rows without ids) was compared with its stand-in. Rows of one name pair by their place; a row whose place is all that
    names it pairs only with a row of its name."""
    from scoring_engine.batch.compare import RECHECK, compare

    def row(key: str, name: str, score: str) -> IndicatorRow:
        return IndicatorRow(key, name, 2, Decimal(10), Decimal(score), "", False, "数量指标")

    output = IndicatorRow("output", "产出指标", 1, Decimal(30), Decimal(30), "")
    same = (output, row("output.1", "道路里程", "10"), row("output.2", "道路里程", "8"), row("output.3", "造价", "10"))
    c = compare(replace(_row(0, "28"), indicators=same), replace(_row(0, "28"), indicators=same), RECHECK)
    assert c is not None and not c.others and all(d.difference == 0 for d in c.indicators.values())
    replaced = (output, row("output.1", "道路里程", "10"), row("output.2", "道路里程", "8"), row("output.3", "漏损率", "6"))
    c = compare(replace(_row(0, "28"), indicators=same), replace(_row(0, "24"), indicators=replaced), RECHECK)
    assert c is not None
    assert Decimal(10) == c.indicators["output.3"].difference  # 造价: not in the re-check
    assert [("output.3 (漏损率)", Decimal(-6))] == [(t.id, c.indicators[t.id].difference) for t in c.others]


def test_means_of_a_set_scored_to_whole_points_keep_two_decimals():
    """A set at precision 0 showed its mean of 77.54 as 78 and a mean difference of −5.85 as −6 (QA24 F9): comparing this
    year's mean with last year's moved by up to half a point. Means, medians and mean differences keep 2 decimals; the
    highest and lowest are scores, at the set's precision."""
    other = Comparison(against="复核", source="r.json", total=Decimal(80), grade="良", difference=Decimal(-3),
                       grade_dropped=False, flagged=False, reasons=(), indicators={})
    rows = [replace(_row(i, total, unit="甲", indicators=_economic("3", score), compare=other), precision=0)
            for i, (total, score) in enumerate([("77", "1"), ("78", "2"), ("77", "2"), ("80", "3")])]
    summary = summarise(rows)
    s = summary.sets[0]
    assert (Decimal("78.00"), Decimal("77.50"), Decimal("2.00"), Decimal("78.00")) == \
        (s.mean, s.median, s.indicators[0].mean_score, summary.units[0].mean)
    cells = {row[0]: row[1] for row in statistics(summary) if len(row) > 1 and isinstance(row[0], str)}
    assert ("78.00", "77.50", "80", "77", "-3.00") == tuple(cell_text(cells[k]) for k in ("平均分", "中位数", "最高分", "最低分",
                                                                                       "平均总分差"))


def test_rows_of_one_name_pair_as_the_kth_of_that_name_whatever_moved_before_them():
    """QA27 F3, F4: rows of one name paired by their place in the whole group, so a row the re-check inserted before
    them shifted every 差异 (20 − 0, 8 − 15 and a stray −4); rows with ids never paired with rows without; an id holding
    a dot put its row in a group of its own; a row paired by its id under another name showed that name nowhere."""
    from scoring_engine.batch.compare import RECHECK, compare

    def row(key: str, name: str, score: str) -> IndicatorRow:
        return IndicatorRow(key, name, 2, Decimal(20), Decimal(score), "", False, "数量指标")

    output = IndicatorRow("output", "产出指标", 1, Decimal(40), Decimal(28), "")
    mine = (output, row("output.1", "管网长度", "20"), row("output.2", "管网长度", "8"))
    inserted = (output, row("output.1", "造价", "10"), row("output.2", "管网长度", "15"), row("output.3", "管网长度", "4"))
    c = compare(replace(_row(0, "28"), indicators=mine), replace(_row(0, "29"), indicators=inserted), RECHECK)
    assert c is not None
    assert {"output.1": Decimal(5), "output.2": Decimal(4)} == {k: c.indicators[k].difference for k in ("output.1", "output.2")}
    assert [("output.1 (造价)", Decimal(-10))] == [(t.id, c.indicators[t.id].difference) for t in c.others]
    with_ids = (output, row("output.p1", "管网长度", "20"), row("output.a.b", "管网长度", "8"))
    c = compare(replace(_row(0, "28"), indicators=with_ids), replace(_row(0, "28"), indicators=mine), RECHECK)
    assert c is not None and not c.others and all(d.difference == 0 for d in c.indicators.values())
    renamed = (output, row("output.p1", "管网长度（公里）", "14"), row("output.a.b", "管网长度", "8"))
    c = compare(replace(_row(0, "28"), indicators=with_ids), replace(_row(0, "22"), indicators=renamed), RECHECK)
    assert c is not None and ("管网长度（公里）", Decimal(6)) == (c.indicators["output.p1"].name, c.indicators["output.p1"].difference)
    assert c.indicators["output.a.b"].name is None


def test_a_unit_typed_with_spaces_around_or_full_width_characters_is_one_unit_and_the_other_spellings_are_named():
    """QA34 F1: '市第一中学', '市第一中学 ' and '市第一中学　' (a full-width space) were ranked as three units (87.05, 81.69,
    76.06, looking alike on the page), and '市第２幼儿园' apart from '市第2幼儿园': a unit could leave the bottom ten by
    being typed two ways. Each is one unit, under its first spelling, in the rankings and 结果应用; spellings that differ
    by more than spaces around are named (in 统计 and on the terminal), so that they get corrected."""
    rows = [_row(0, "90", unit="市第一中学", department="教育局"), _row(1, "80", unit="市第一中学 ", department="教育局　"),
            _row(2, "70", unit="市第一中学\u3000", department=" 教育局"), _row(3, "60", unit="市第２幼儿园", department="教育局"),
            _row(4, "50", unit="市第2幼儿园", department="教育局")]
    summary = summarise(rows)
    assert [("市第一中学", 3, Decimal("80.00")), ("市第２幼儿园", 2, Decimal("55.00"))] == \
        [(u.name, u.count, u.mean) for u in summary.units]
    assert [("教育局", 5)] == [(d.name, d.count) for d in summary.departments]
    assert (("市第２幼儿园", ("市第2幼儿园",)),) == summary.spellings
    notes = [row[1] for row in statistics(summary) if row and row[0] == "注意"]
    assert ["单位或主管部门名称写法不一，已按同一名称统计：市第２幼儿园（又写作市第2幼儿园）（请统一写法）"] == notes


def test_a_unit_typed_with_a_space_inside_an_invisible_character_or_another_case_is_one_unit():
    """QA35 F4: '市第一 中学' (a space inside), '\u200b市第一中学' (a zero-width space pasted from a web page), '市第一中学\ufeff'
    and 'ABC学校' / 'abc学校' were still ranked apart, some looking alike on the page. Each is one unit."""
    rows = [_row(0, "100", unit="市第一中学"), _row(1, "90", unit="市第一 中学"), _row(2, "80", unit="\u200b市第一中学"),
            _row(3, "70", unit="市第一中学\ufeff"), _row(4, "60", unit="ABC学校"), _row(5, "50", unit="abc学校")]
    summary = summarise(rows)
    assert [("市第一中学", 4), ("ABC学校", 2)] == [(u.name, u.count) for u in summary.units]


def test_direction_marks_and_fillers_in_a_unit_name_are_one_unit_and_the_note_shows_them():
    """QA37 F5, QA38: '县水利局' with a left-to-right or right-to-left mark, bidi embedding marks or a Hangul filler (all
    print as nothing) were ranked as other units; the note showed such spellings as the same name, and a name of
    invisible characters only as an empty entry. One unit; the note names the invisible characters; no empty entry."""
    rows = [_row(0, "90", unit="县水利局"), _row(1, "80", unit="\u200e县水利局"), _row(2, "70", unit="\u202a县水利局\u202c"),
            _row(3, "60", unit="县水利局\u3164"), _row(4, "50", unit="\u200b\ufeff")]
    summary = summarise(rows)
    assert [("县水利局", 4)] == [(u.name, u.count) for u in summary.units] and 1 == summary.unranked_units
    assert (("县水利局", ("\\u200e县水利局", "\\u202a县水利局\\u202c", "县水利局\\u3164")),) == summary.spellings


def test_a_unit_first_typed_with_an_invisible_character_is_named_with_it_and_its_other_spelling_listed():
    """QA38 F10: the first project's '\ufeff教育局' named the unit in every ranking with the BOM in it, written raw. QA316
    F5: dropping it made the rankings read 教育局 beside the \\ufeff教育局 that the same page's other tables show. The unit
    is named as its first project spells it, the BOM kept for every output to show as its escape, as the other tables do,
    and the plain spelling is listed among the spellings to make one."""
    summary = summarise([_row(0, "90", unit="\ufeff教育局"), _row(1, "80", unit="教育局")])
    assert [("\ufeff教育局", 2)] == [(u.name, u.count) for u in summary.units]
    assert (("\ufeff教育局", ("教育局",)),) == summary.spellings
    assert "单位或主管部门名称写法不一，已按同一名称统计：\\ufeff教育局（又写作教育局）（请统一写法）" == spellings_note(summary.spellings)


def test_variation_selectors_and_the_grapheme_joiner_in_a_unit_name_are_one_unit():
    """QA39 F5: a variation selector (U+FE0F) or the combining grapheme joiner (U+034F) made another unit."""
    summary = summarise([_row(0, "90", unit="县水利局"), _row(1, "80", unit="县水利局\ufe0f"), _row(2, "70", unit="县\u034f水利局")])
    assert [("县水利局", 3)] == [(u.name, u.count) for u in summary.units]


def test_every_default_ignorable_character_in_a_unit_name_is_one_unit():
    """QA42 F3: Khmer inherent vowels (U+17B4, U+17B5) and the unassigned U+2065, all printing as nothing, still split a
    unit and its 主管部门. Every code point Unicode calls default-ignorable is dropped."""
    summary = summarise([_row(0, "90", unit="县水利局", department="水利局"),
                         _row(1, "80", unit="县水\u17b4利局", department="水\u17b5利局"),
                         _row(2, "70", unit="县水利局\u2065", department="水利局\U000e0020")])
    assert [("县水利局", 3)] == [(u.name, u.count) for u in summary.units]
    assert [("水利局", 3)] == [(d.name, d.count) for d in summary.departments]


def test_a_unit_first_typed_with_a_space_between_chinese_characters_is_named_without_it():
    """QA42 F7: the first project's '市 教育局' named the 主管部门 everywhere, and the note asked units to write it so."""
    summary = summarise([_row(0, "90", department="市 教育局"), _row(1, "80", department="市教育局")])
    assert [("市教育局", 2)] == [(d.name, d.count) for d in summary.departments]
    assert (("市教育局", ("市 教育局",)),) == summary.spellings


def test_a_name_every_project_spells_alike_gets_no_note_of_other_spellings():
    """QA43 F8: '市第七中学 高新校区' typed so by every project was shown without its space and then said to be spelt two
    ways ('请统一写法'), though no project spelt it otherwise."""
    summary = summarise([_row(i, "90", unit="市第七中学 高新校区") for i in range(3)])
    assert [("市第七中学高新校区", 3)] == [(u.name, u.count) for u in summary.units] and () == summary.spellings


def _graded_under(grades: dict[str, str], grade: str, total: str) -> ProjectRow:
    return ProjectRow(index=0, source="p.json", set_id="s", grades=tuple(grades),
                      grade_lines=tuple(Decimal(line) for line in grades.values()), total=Decimal(total), grade=grade)


def test_under_a_second_set_of_other_grades_a_pass_that_becomes_a_fail_is_a_grade_drop():
    """--compare-set with a profile of five grades against a base of four: 合格 (from 60) under the profile and 差
    (from 0) under the base is flagged as a drop (QA66 F3: 合格 is the fourth of five, 差 the fourth of four); 中等 under
    both is none, whatever its line; the rows keep their grade lines when they cross to a worker process."""
    from scoring_engine.batch.compare import compare

    five = {"优秀": "90", "良好": "80", "中等": "70", "合格": "60", "差": "0"}
    four = {"优秀": "90", "良好": "80", "中等": "60", "差": "0"}
    c = compare(_graded_under(five, "合格", "68.2"), _graded_under(four, "差", "52.83"), "self-evaluation")
    assert c is not None and c.grade_dropped and c.flagged
    assert "按self-evaluation评分等级由合格降为差" in c.reasons[-1]
    for mine, other in [("中等", "中等"), ("合格", "中等"), ("良好", "良好")]:
        c = compare(_graded_under(five, mine, "75"), _graded_under(four, other, "75"), "self-evaluation")
        assert c is not None and not c.grade_dropped, (mine, other)
    c = compare(_graded_under(five, "良好", "81"), _graded_under(four, "中等", "79"), "self-evaluation")
    assert c is not None and c.grade_dropped
    renamed = {"优": "85", "良": "75", "中": "60", "差": "0"}  # as many grades, renamed, lower lines (QA68 F2)
    c = compare(_graded_under(four, "良好", "81.84"), _graded_under(renamed, "良", "81.84"), "p1")
    assert c is not None and not c.grade_dropped
    c = compare(_graded_under(five, "优秀", "95"), _graded_under(renamed, "优", "96.9"), "p1")  # the other's best: none
    assert c is not None and not c.grade_dropped and not c.flagged
    row = _graded_under(five, "合格", "68.2")
    assert pickle.loads(pickle.dumps(row)) == row and pickle.loads(pickle.dumps(row)).grade_lines == row.grade_lines


def test_the_statistics_sheet_and_the_page_name_the_sha256_of_the_set_that_scored(tmp_path: Path):
    """A bureau filing the batch's summary can tell which file of the set scored it, as a single report's 来源 says
    (QA205 6: the summaries named the set's id and version only, which an edited copy shares)."""
    import hashlib

    from click.testing import CliRunner
    from openpyxl import load_workbook

    from scoring_engine.cli import main

    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    page, book = tmp_path / "batch.html", tmp_path / "batch.xlsx"
    run = CliRunner().invoke(main, ["batch", str(facts), "--output", str(page), "--output", str(book), "--quiet"])
    assert 0 == run.exit_code, run.output
    digest = hashlib.sha256((ROOT / "indicator_sets" / "self-evaluation.yaml").read_bytes()).hexdigest()
    assert f"指标体系 sha256 {digest}" in page.read_text(encoding="utf-8")
    sheet = load_workbook(book, read_only=True)["统计"]
    assert ("指标体系 sha256", digest) in [tuple(row[:2]) for row in sheet.iter_rows(values_only=True)]


def test_units_of_equal_rate_are_in_the_order_of_their_names_as_they_read_whatever_invisible_character_they_keep():
    """QA321 F1: once a unit kept the invisible character its first project typed (QA316 F5), units were put in order
    by it: \\ufeff单位A after 单位B, \\u202e市教育局 before it. They are in the order of their names as they read (the
    rankings' ties, as 结果应用's rows, which put units in order by the same key)."""
    from scoring_engine.batch.ranking import in_order

    summary = summarise([_row(0, "80", unit="\ufeff单位A"), _row(1, "80", unit="\u202e市教育局"), _row(2, "80", unit="单位B")])
    assert ["\ufeff单位A", "单位B", "\u202e市教育局"] == [u.name for u in summary.units]
    assert ["单位A", "单位B", "市教育局"] == sorted(in_order(u.name) for u in summary.units)
