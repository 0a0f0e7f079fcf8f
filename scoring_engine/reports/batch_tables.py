"""The tables of a batch summary, built once and printed by every batch writer (xlsx, CSV, HTML, text).

汇总 (one row per scored project), 指标明细 (one row per project and indicator), 统计 (the statistics by set, the ranking
of units), 需说明 (one row per project and reason to explain), 问题 (one row per project that could not be scored, with its
error lines) and 结果应用 (each grade's consequence by 主管部门 and unit, with the budgets concerned). A cell is text, an
int, a Score (shown with its set's decimals) or a Rate (a percentage); the writers decide how each looks. Nothing here
recomputes a score.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .._arith import ZERO, cut_rate, fixed, percent, plain
from .._record import record
from .._text import path_shown
from .batch_identity import (DUPLICATES_HEADER, DUPLICATES_TITLE, MAIN_BATCH, UNMATCHED_HEADER, UNMATCHED_TITLE,
                             duplicate_rows, unmatched_cells)
from ..batch.compare import NO_PROJECT, RECHECK, RECHECK_UNSCORED, difference_places, marks, placed_after, recheck_unscored
from ..batch.consequences import WAN_PLACES, printed_wan
from ..batch.duplicates import same_year
from ..batch.ranking import spellings_note
from ..batch.rows import IndicatorRow, ProjectRow
from ..batch.funds import below_label
from ..batch.summary import CategoryStat, Funds, GradeCount, Placed, Ranked, SetSummary, Summary

__all__ = ["Score", "Rate", "Heading", "Table", "Columns", "summary_columns", "summary_table", "summary_cells", "detail_header",
           "detail_rows", "UNMATCHED_TITLE", "UNMATCHED_HEADER", "unmatched_cells", "indicator_details", "explain_rows",
           "problem_rows", "statistics", "cell_text", "top_names", "EXPLAIN",
           "PROBLEMS", "MAIN_BATCH", "duplicate_rows", "DUPLICATES_HEADER", "DUPLICATES_TITLE", "RANKED_BY",
           "RANKED_NOTE", "MIXED_YEARS", "FORM_TOTALS", "FORM_TOTALS_DIFFER", "ranking_header", "ranking_cells",
           "CATEGORY_HEADER", "category_cells", "grade_funds_header", "grade_funds_cells", "rankings", "unranked_note",
           "unread_note", "unscored_note", "tie_note", "funds_rows", "compared_table", "compared_row", "grade_rows",
           "indicator_rows", "VARIED_WEIGHT"]


@dataclass(frozen=True, slots=True)
class Score:
    """A score or total, shown with its set's decimals (or an amount of 万元, with two)."""

    value: Decimal
    places: int


@dataclass(frozen=True, slots=True)
class Rate:
    """A share, shown as a percentage."""

    value: Decimal


@dataclass(frozen=True, slots=True)
class Heading:
    """A line of the statistics that names what follows."""

    text: str


@record
class Table:
    header: tuple[str, ...]
    widths: tuple[float, ...]  # in spreadsheet characters (a Chinese character is two)
    kinds: tuple[str, ...] = ()  # for tables of plain values: "text", "int", "score" or "rate" per column


def cell_text(cell: Any) -> str:
    """A cell as printed text: 81.33, 80.00%, 2, the text itself."""
    if isinstance(cell, Score):
        return fixed(cell.value, cell.places)
    if isinstance(cell, Rate):
        return percent(cell.value)
    if isinstance(cell, Heading):
        return cell.text
    if isinstance(cell, Decimal):
        return plain(cell)
    return "" if cell is None else str(cell)


def _rate(score: Decimal, weight: Decimal) -> Rate | None:
    value = _rate_value(score, weight)
    return Rate(value) if value is not None else None


@lru_cache(maxsize=4096)  # the same few score and weight pairs recur on every project; equal pairs give the same quantized rate
def _rate_value(score: Decimal, weight: Decimal) -> Decimal | None:
    return cut_rate(score / weight) if weight else None


def _against(against: str) -> str:
    """How the columns of the other batch are titled: 复核总分, or 'OTHER-SET 总分'."""
    return RECHECK if against == RECHECK else f"{against} "


# ---------------------------------------------------------------- 汇总


def top_names(summary: Summary) -> list[str]:
    """The 一级 indicator names of every set, in the order first seen: the 汇总 columns."""
    names: list[str] = []
    for s in summary.sets:
        names += [i.name for i in s.indicators if i.level == 1 and i.name not in names]
    return names


@record
class Columns:
    """Which columns 汇总 has, as the whole batch decides: every set's 一级 indicators (`tops`), the compared batch
    (`against`), 结果应用 (`consequences`), the 总分 typed on forms (`form_totals`), the projects' funds (`funds`: the
    unit of 预算数 and 执行数, "" for none or several, None for no funds columns), the sets' ids and versions that
    several sets share (`told_apart`: each row names its set by the start of its sha256 too, as 统计 does)."""

    tops: tuple[str, ...] = ()
    against: str | None = None
    consequences: bool = False
    form_totals: bool = False
    funds: str | None = None
    funds_units: bool = False  # the sets declare several units for 预算数: each row names its own (金额单位)
    told_apart: frozenset[tuple[str, str]] = frozenset()


def summary_columns(summary: Summary) -> Columns:
    units = [f.unit for f in summary.funds]
    funds = (units[0] if len(units) == 1 else "") if units else None  # several units: a column names each row's
    return Columns(tuple(top_names(summary)), summary.against, bool(summary.consequences), bool(summary.form_totals), funds,
                   len(units) > 1, frozenset((s.set_id, s.set_version) for s in summary.sets if s.same_named))


def summary_table(summary: Summary) -> Table:
    columns = summary_columns(summary)
    tops = columns.tops
    header = ["序号", "来源", "项目名称", "项目编号", "实施单位", "主管部门", "年度", "指标体系", "总分", "等级"]
    widths = [6, 30, 36, 12, 24, 20, 6, 20, 8, 6]
    if columns.form_totals:  # filled forms whose 总分 the unit typed: its arithmetic checked
        header += ["表上总分", "计算总分−表上总分"]
        widths += [10, 10]
    if columns.consequences:  # 结果应用 beside the grade, when a set attaches consequences to its grades
        header += ["结果应用", "涉及预算（万元）"]
        widths += [36, 14]
    if columns.funds is not None:  # 预算执行情况, which a 自评总结报告 states
        unit = f"（{columns.funds}）" if columns.funds else ""
        header += [f"预算数{unit}", f"执行数{unit}", EXECUTION_RATE, *(["金额单位"] if columns.funds_units else [])]
        widths += [14, 14, 10, *([8] if columns.funds_units else [])]
    header += [f"{name}{what}" for name in tops for what in ("得分", "得分率")]
    header += ["提示数", "需说明"]
    widths += [10] * (2 * len(tops)) + [6, 50]
    if columns.against:
        who = _against(columns.against)
        header += [f"{who}总分", "总分差", f"{who}等级", "对比标记"]
        widths += [10, 8, 10, 40]
    return Table(tuple(header), tuple(widths))


def summary_cells(row: ProjectRow, columns: Columns) -> list[Any]:
    """One scored project's 汇总 row, with the `columns` the batch has."""
    p, project = row.precision, row.project
    tops, against = columns.tops, columns.against
    assert row.total is not None
    cells: list[Any] = [row.index + 1, path_shown(row.source), row.name, project.get("id"), project.get("unit"),
                        project.get("department"), _year(project["year"]) if project.get("year") else None,
                        f"{row.set_id} {row.set_version}"
                        + (f"，sha256 {row.set_sha256[:8]}" if (row.set_id, row.set_version) in columns.told_apart else ""),
                        Score(row.total, p), row.grade]
    if columns.form_totals:
        typed = row.form_total
        if typed is None:
            cells += [None, None]
        else:  # -0 typed is 0
            places = row.form_places
            cells += [Score(typed if typed else typed.copy_abs(), places), Score(row.total - typed, places)]
    if columns.consequences:
        budget = row.budget  # in 万元 as 结果应用 prints and adds it: two decimals, 四舍五入 (QA201 2)
        cells += [row.consequence, None if budget is None else Score(printed_wan(budget), WAN_PLACES)]
    if columns.funds is not None:
        rate = row.execution_rate
        cells += [row.budget_total, row.budget_paid, Rate(cut_rate(rate)) if rate is not None else None]
        if columns.funds_units:
            cells.append(row.funds_unit if row.budget_total is not None else None)
    mine = {i.name: i for i in row.tops()}
    for name in tops:
        top = mine.get(name)
        cells += [_top_score(top, p), _rate(top.score, top.weight)] if top else [None, None]
    cells += [row.warnings, "；".join(to_explain(row))]  # a re-check's flags too, as the 需说明 sheet lists them (QA117 F5)
    if against:
        c = row.compare  # the other side's total with its set's decimals, the difference with the finer of the two
        cells += [Score(c.total, c.precision), Score(c.difference, difference_places(row, c)), c.grade, marks(c)] \
            if c else [None, None, None, _not_compared(row, against)]
    return cells


def _top_score(top: IndicatorRow, places: int) -> Score | str:
    """A 一级's 得分 in 汇总: 不适用 for one of weight 0, which only not applying gives (a set's weights are above 0), its
    weight shared by the others: it read 0.00, as if a project without a survey had scored nothing on it (QA259 F3)."""
    return Score(top.score, places) if top.weight else "不适用"


#: Projects scored under the --compare-set itself, not compared with themselves (QA334 F8): 统计, the page, the draft.
SAME_SET = "按同一指标体系评分、未比较"


def _not_compared(row: ProjectRow, against: str) -> str:
    if row.recheck_elsewhere:  # its id's re-check without a year went to the project of another year (QA117 F6)
        return f"复核未写年度，已与本批次{row.recheck_elsewhere}年度的同编号项目对比"
    if row.recheck_taken:  # its id and year given twice in the batch: the first took the re-check (QA307 7)
        return f"项目编号重复，复核已与{row.recheck_taken}对比"
    if row.compare_same:  # scored under the --compare-set itself (QA334 F8)
        return f"本项目所用指标体系就是{against}，未比较"
    if row.compare_set:  # points out of another set: not compared (QA50 F2)
        own = f"{row.set_id} {row.set_version}"  # an edited copy of its id and version: told by both sha256 (QA307 5)
        own += f"（sha256 {row.set_sha256[:8]}）" if row.compare_set.startswith(f"{own}（sha256 ") else ""
        return f"复核按{row.compare_set}评分，与本项目所用{own}不同，未比较"
    return (f"复核评分失败（{row.compare_failed}）" if row.compare_failed else "未抽查复核") if against == RECHECK else \
        f"按{against}无法评分"


def compared_table(against: str) -> Table:
    """The columns of the page's table of comparisons: one row per scored project, its total and grade beside the other
    batch's (each indicator's difference is in 指标明细, which the page does not carry)."""
    who = _against(against).strip()
    return Table(("序号", "项目名称", "实施单位", "总分", f"{who}总分", "总分差", "等级", f"{who}等级", "对比标记"),
                 (6, 36, 24, 8, 10, 8, 6, 10, 40))


def compared_row(row: ProjectRow, against: str) -> list[Any]:
    """One scored project against its counterpart: the cells of `compared_table`."""
    assert row.total is not None
    p, c = row.precision, row.compare
    base = [row.index + 1, row.name, row.project.get("unit", ""), Score(row.total, p)]
    if c is None:
        return [*base, None, None, row.grade, None, _not_compared(row, against)]
    return [*base, Score(c.total, c.precision), Score(c.difference, difference_places(row, c)), row.grade, c.grade, marks(c)]


# ---------------------------------------------------------------- 指标明细


def detail_header(against: str | None) -> Table:
    """The 指标明细 columns; its rows are plain values (there are millions), shown as `kinds` says."""
    header = ["序号", "项目名称", "指标编号", "指标名称", "级次", "分值", "得分", "得分率", "说明"]
    widths = [6, 36, 28, 24, 5, 6, 8, 8, 60]
    kinds = ["int", "text", "text", "text", "int", "score", "score", "rate", "text"]
    if against:  # the other side's name of a row paired by its id where it was renamed
        header += [f"{_against(against)}分值", f"{_against(against)}得分", "差异", f"{_against(against)}指标名称"]
        widths += [10, 10, 8, 24]
        kinds += ["score", "score", "score", "text"]
    return Table(tuple(header), tuple(widths), tuple(kinds))


def indicator_details(i: IndicatorRow) -> list[Any]:
    """The 指标明细 cells of one indicator, after the project's number and name: the same for every project that gives
    the indicator the same weight, score and reason."""
    return [i.id, i.name, i.level, i.weight, i.score, _rate_value(i.score, i.weight), i.reason]


def detail_rows(row: ProjectRow, compared: bool) -> Iterator[list[Any]]:
    """One row per indicator of a scored project, in the order of its set, as plain values."""
    number, name = row.index + 1, row.name
    differences = row.compare.indicators if row.compare is not None else {}
    # the other side's indicators this project's set lacks (0 points here), each after the last row under its parent
    after = placed_after(row.indicators, row.compare.others) if compared and row.compare is not None else {}
    for place, i in enumerate(row.indicators):
        cells: list[Any] = [number, name, *indicator_details(i)]
        if compared:
            d = differences.get(i.id)
            cells += [d.weight, d.score, d.difference, NOT_THERE if d.missing else d.name] if d else [None, None, None, None]
        yield cells
        for t in after.get(place, ()):
            yield [number, name, t.id, t.name, t.level, ZERO, ZERO, None, NOT_HERE, t.weight, t.score, -t.score, None]


#: The 说明 of a 指标明细 row for an indicator only the other side has.
NOT_HERE = "本项目所用指标体系（或本批次的目标表）中没有这个指标，按0分计"
#: The other side's name of an indicator it lacks, where its 0 points would read as scored (QA293 F6).
NOT_THERE = "（对比方没有这个指标，按0分计）"


# ---------------------------------------------------------------- 需说明 and 问题

EXPLAIN = Table(("序号", "来源", "项目名称", "实施单位", "总分", "等级", "需说明事项"), (6, 30, 36, 24, 8, 6, 70))  # 需说明
PROBLEMS = Table(("序号", "来源", "项目名称", "实施单位", "主管部门", "批次", "问题"), (6, 30, 30, 24, 20, 12, 100))


def explain_rows(row: ProjectRow) -> Iterator[list[Any]]:
    """One row per reason the project must explain itself (需说明), then one per flag of a re-check (a second set's flags
    are the set's doing: they are in 汇总 and 对比, not here)."""
    assert row.total is not None
    base = [row.index + 1, path_shown(row.source), row.name, row.project.get("unit", ""), Score(row.total, row.precision),
            row.grade]
    for flag in to_explain(row):
        yield [*base, flag]


def to_explain(row: ProjectRow) -> tuple[str, ...]:
    """What the project must explain: its own 需说明 flags, then its re-check's flags."""
    return (*row.flags, *(row.compare.reasons if row.compare is not None and row.compare.to_explain else ()))


def problem_rows(row: ProjectRow) -> Iterator[list[Any]]:
    """One row per project that could not be scored, its error lines in one cell, in Chinese as every sheet is."""
    if row.problems:
        project = row.project  # as far as the document could be read: a unit's failed projects are told to it
        number = row.index + 1 if row.index != NO_PROJECT else None  # a failed re-check: its project's, or none (QA307 1)
        yield [number, path_shown(row.source), project.get("name", ""), project.get("unit", ""), project.get("department", ""),
               row.batch or MAIN_BATCH, "\n".join([*(row.problems_zh or row.problems), *recheck_unscored(row)])]


# ---------------------------------------------------------------- 统计


def statistics(summary: Summary) -> list[list[Any]]:
    """The 统计 sheet: the batch as a whole, each set's figures and indicators (lowest 得分率 first), the rankings."""
    rows: list[list[Any]] = [[Heading("概况")], ["输入文档", summary.documents], ["已评分", summary.scored],
                             ["评分失败", summary.failed], ["需说明", summary.flagged]]
    if summary.internal:
        rows.append(["其中引擎内部错误", summary.internal])
    if summary.against:
        who = _against(summary.against)
        difference = Score(summary.mean_difference, summary.places) if summary.mean_difference is not None else None
        rows += [[f"已与{who.strip()}对比", summary.compared], ["对比标记", summary.compare_flagged], ["平均总分差", difference],
                 [f"{who.strip()}评分失败", summary.other_failed]]
        rows += [[SAME_SET, summary.same_set]] if summary.same_set else []  # its own set is the --compare-set (QA334 F8)
        if summary.against == RECHECK:
            rows += [["复核中未找到对应项目", summary.unmatched], ["复核所用指标体系不同、未比较", summary.other_set],
                     [RECHECK_UNSCORED, summary.recheck_unscored]]
    if summary.years:
        rows += [["年度", "、".join(summary.years)]] + ([["注意", MIXED_YEARS]] if len(summary.years) > 1 else [])
    rows += [["注意", note] for note in [spellings_note(summary.spellings)] if note]
    for f in summary.funds:
        rows += funds_rows(f, len(summary.funds) > 1)
    rows += [[FORM_TOTALS, summary.form_totals], [FORM_TOTALS_DIFFER, summary.form_totals_differ]] if summary.form_totals else []
    if summary.duplicated:
        rows.append(["项目编号重复", summary.duplicated])
    if summary.recheck_duplicated:
        rows.append(["复核中项目编号重复", summary.recheck_duplicated])
    for s in summary.sets:
        rows += [[], *_set_statistics(s)]
    for title, ranked, left_out, unread, unscored in rankings(summary):
        if ranked or unscored:
            header = ranking_header(title)
            rows += [[], [Heading(f"{title}排名（{RANKED_BY}）")], [RANKED_NOTE], [Heading(h) for h in header]]
            rows += [ranking_cells(r, title) for r in ranked] or [["无。"]]  # as the page says it (QA176 F6)
            rows += [[note] for note in (left_out, unread_note(title, unread) if unread else "") if note]
            if unscored:
                rows.append([unscored_note(title, unscored, ranked)])
    if summary.duplicates:
        rows += [[], [Heading(DUPLICATES_TITLE)], [Heading(h) for h in DUPLICATES_HEADER], *duplicate_rows(summary)]
    if summary.unmatched_shown:
        rows += [[], [Heading(UNMATCHED_TITLE)], [Heading(h) for h in UNMATCHED_HEADER],
                 *map(unmatched_cells, summary.unmatched_shown)]
    return rows


#: The 汇总 column of each project's 预算执行率: the set's own (paid ÷ arrived in the national framework, paid ÷ budget
#: in others), which may not be the 执行数 ÷ 预算数 beside it.
EXECUTION_RATE = "预算执行率（指标体系口径）"


def funds_rows(f: Funds, apart: bool = False) -> list[list[Any]]:
    """预算执行情况 across the batch: the 预算数 and 执行数 added up, the overall rate, the projects under 90%;
    `apart`: one of several groups, by the unit the sets declare (amounts of two units are not added)."""
    unit = f"（{f.unit}）" if f.unit else ""
    group = f"（金额单位为{f.unit}的项目）" if f.unit else "（未注明金额单位的项目）"
    title = "预算执行情况" + (group if apart else "")
    rows: list[list[Any]] = [[Heading(title)]]
    if f.budgeted:
        rows += [["填报预算数的项目", f.budgeted], [f"预算数合计{unit}", f.budget]]
    if f.paid_count:
        rate = Rate(cut_rate(f.rate)) if f.rate is not None else None
        if f.paid_count < f.budgeted:  # the rate is over the projects that give both
            rows += [["同时填报执行数的项目", f.paid_count], [f"其预算数合计{unit}", f.budget_of_paid]]
        rows += [[f"执行数合计{unit}", f.paid], ["总体预算执行率（执行数合计÷其预算数合计）", rate]]
    if f.rated:
        rows.append([below_label(f), f.below])
    return rows


def grade_funds_header(s: SetSummary) -> list[Heading]:
    """The columns the grade table gains where the set's projects give their 预算数: the funds each grade concerns."""
    unit = f"（{s.funds_unit}）" if s.funds_unit else ""
    return [Heading("填报预算数的项目"), Heading(f"预算数合计{unit}"), Heading("占预算数合计")]


def grade_funds_cells(g: GradeCount, s: SetSummary) -> list[Any]:
    return [g.budgeted, g.budget, Rate(g.budget / s.budget) if s.budget else None]


RANKED_BY = "按平均得分率"
RANKED_NOTE = "平均得分率是各项目总分÷所用指标体系满分的平均数（满分不同的指标体系也可比较）；平均得分率相同的名次并列"
#: Under the indicators where one's weight was rescaled in some projects (its 平均得分 shown —).
VARIED_WEIGHT = "平均得分为“—”的指标：因其他指标不适用，其分值在各项目中按比例调整过，分值不同的得分不能平均，请看平均得分率"
FORM_TOTALS, FORM_TOTALS_DIFFER = "表上填写了总分的表", "其中表上总分与计算总分不同（见汇总“表上总分”）"  # QA237 4
MIXED_YEARS = "本批次含多个年度的项目，统计和排名把各年度合在一起；按年度分别统计，请按年度分批运行"


def ranking_header(title: str) -> list[str]:
    """The columns of a ranking of units (with their 主管部门) or of 主管部门."""
    return ["名次", title, *(["主管部门"] if title == "实施单位" else []), "项目数", "评分失败", "平均分", "平均得分率", "需说明"]


def ranking_cells(r: Ranked, title: str) -> list[Any]:
    """项目数 counts the projects scored, whose totals make the means; 评分失败 those of the unit that could not be."""
    return [r.rank, r.name, *([r.department] if title == "实施单位" else []), r.count, r.failed,
            Score(r.mean, r.places) if r.mean is not None else "—", Rate(r.mean_rate), r.flagged]


def rankings(summary: Summary) -> tuple[tuple[str, tuple[Ranked, ...], str, int, tuple[tuple[str, str, int], ...]], ...]:
    """(title, ranked, the note of projects naming none, failed projects whose one is unknown, those with none scored)."""
    s = summary
    return (("实施单位", s.units, unranked_note("实施单位", s.unranked_units, s.unranked_units_department,
                                                s.unranked_units_department_failed), s.unread_units,
             s.unscored_units),
            ("主管部门", s.departments, unranked_note("主管部门", s.unranked_departments), s.unread_departments,
             s.unscored_departments))


def unranked_note(title: str, count: int, no_department: int = 0, no_department_failed: int = 0) -> str:
    """Projects left out of a ranking: naming no unit (主管部门), or their unit but no 主管部门 where others name theirs (those
    scored, and those failed said apart, as the 主管部门 ranking says them: QA312 3)."""
    failed = f"{'及' if no_department else ''}{no_department_failed}个评分失败的项目" if no_department_failed else ""
    said = [f"未填写{title}的{count}个项目"] * bool(count) + \
        [f"未填写主管部门的{f'{no_department}个项目' if no_department else ''}{failed}"] * bool(no_department or failed)
    return f"{'、'.join(said)}不在此排名中" if said else ""


def unread_note(title: str, count: int) -> str:
    """Failed projects whose facts could not be read far enough to tell their unit: in the batch's 评分失败, in no row."""
    return f"另有{count}个评分失败的项目未填写或读不出{title}（见问题），不在此排名中"


def unscored_note(title: str, unscored: Sequence[tuple[str, str, int]], ranked: Sequence[Ranked] = ()) -> str:
    """The units (or departments) none of whose projects could be scored: in no ranking, but named. A unit of that name
    ranked under another 主管部门 (a unit is told apart by its 主管部门) is said to be, lest the note read as if none of
    its projects had been scored."""
    def one(department: str, name: str, n: int) -> str:
        elsewhere = "、".join(r.department or "未填主管部门" for r in ranked if r.name == name and r.department != department)
        said = f"{department}，{n}个" if department else f"{n}个"
        return f"{name}（{said}；{elsewhere}的{name}已排名）" if elsewhere else f"{name}（{said}）"

    named = "、".join(one(department, name, n) for department, name, n in unscored)
    return f"以下{len(unscored)}个{title}的项目均未能评分，不在此排名中：{named}"


def tie_note(placed: Sequence[Placed], tied: int) -> str:
    """What a list of the ten best or worst leaves out: projects as good as its last one."""
    return f"另有{tied}个项目与第{placed[-1].rank}名得分率相同，未列出" if tied and placed else ""


def _year(written: str) -> int | str:
    """年度 as a number where it is one, however it is written (2024, 2024年, ２０２４, 二〇二四年度: one year, as 统计
    counts them), so that a spreadsheet sorts and filters the column as one (QA305 5: 2024年 stood as text beside the
    number 2024); else as written."""
    year = same_year(written)
    return int(year) if year.isascii() and year.isdigit() and len(year) <= 4 else written


def _set_statistics(s: SetSummary) -> list[list[Any]]:
    p, m = s.precision, s.mean_places
    rows: list[list[Any]] = [[Heading(f"指标体系：{s.set_name}（{s.set_id} {s.version_shown}）")],
                             *([["指标体系 sha256", s.set_sha256]] if s.set_sha256 else []),  # as 来源 (QA205 6)
                             ["项目数", s.count], ["平均分", Score(s.mean, m)], ["中位数", Score(s.median, m)],
                             ["最高分", Score(s.highest, p)], ["最低分", Score(s.lowest, p)], ["需说明", s.flagged]]
    for header, table in (grade_rows(s), (("分数段", "项目数"), [[f"{plain(b.low)}–{plain(b.high)}", b.count]
                                                                 for b in s.histogram]), indicator_rows(s)):
        rows += [[Heading(h) for h in header], *table]
    rows += [[VARIED_WEIGHT]] if any(i.weights_vary for i in s.indicators) else []  # of 10 and of 16: no mean (QA235 2)
    if s.categories:
        rows.append([Heading(h) for h in CATEGORY_HEADER])
        rows += [category_cells(c) for c in s.categories]
    return rows


def grade_rows(s: SetSummary) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Each grade's projects and share, and the funds it concerns (涉及资金) where projects give their 预算数."""
    header = ("等级", "项目数", "占比", *((h.text for h in grade_funds_header(s)) if s.budget else ()))
    return header, [[g.label, g.count, Rate(g.share), *(grade_funds_cells(g, s) if s.budget else [])] for g in s.grades]


def indicator_rows(s: SetSummary, ordered: bool = True) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Each indicator's mean score and 得分率, lowest 得分率 first (where points are lost), or in the set's order."""
    indicators = sorted(s.indicators, key=lambda i: (i.mean_rate is None, i.mean_rate or 0)) if ordered else s.indicators
    return (("指标（按平均得分率从低到高）" if ordered else "指标", "指标名称", "级次", "平均得分", "平均得分率"),
            [[i.id, i.name, i.level, "—" if i.weights_vary else Score(i.mean_score, s.mean_places)
              if i.mean_score is not None else "不适用", Rate(cut_rate(i.mean_rate)) if i.mean_rate is not None else None]
             for i in indicators])


#: The 二级 analysis of target rows: each category across the projects (batch/categories.py).
CATEGORY_HEADER = ("二级指标（绩效目标表各行，按类别）", "所属一级指标", "指标数", "达成（得满分）", "平均得分率")


def category_cells(c: CategoryStat) -> list[Any]:
    """A category's row: 所属一级指标 is the group's 一级, followed by the group when it is below it (产出 › 产出指标3)."""
    under = f"{c.top_name} › {c.group_name}" if c.top_name else c.group_name
    return [c.category, under, c.count, c.reached, Rate(cut_rate(c.mean_rate))]
