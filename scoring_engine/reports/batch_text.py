"""A batch's summary on the terminal, in the run's language: the counts, each set's figures, the comparison, the
project ids given twice, 结果应用.

Chinese is what policy staff read; `--lang en` gives the same lines in English.
The set's own words (its name, grade labels and consequences) stay as the set
writes them in both.

>>> from decimal import Decimal
>>> from scoring_engine.batch.rows import ProjectRow
>>> from scoring_engine.batch.summary import summarise
>>> rows = [ProjectRow(index=i, source=f"{i}.json", set_id="s", set_name="示例", grades=("优", "良"), total=Decimal(t),
...                    grade=g, precision=2) for i, (t, g) in enumerate([("91", "优"), ("85.5", "良")])]
>>> print(summary_text(summarise(rows), "zh"), end="")
2个项目：已评分2，评分失败0，需说明0
示例（s ）：2个项目，平均分88.25，中位数88.25，最高91.00，最低85.50；优1，良1
>>> print(summary_text(summarise(rows), "en"), end="")
2 projects: 2 scored, 0 failed, 0 to explain (需说明)
示例 (s ): 2 projects, mean 88.25, median 88.25, highest 91.00, lowest 85.50; 优 1, 良 1
>>> print(summary_text(summarise(rows[:1]), "en"), end="")
1 project: 1 scored, 0 failed, 0 to explain (需说明)
示例 (s ): 1 project, mean 91.00, median 91.00, highest 91.00, lowest 91.00; 优 1, 良 0
"""

from __future__ import annotations

from decimal import Decimal

from .._arith import cut_percent, fixed, money, plain
from .._text import one_line, path_shown
from ..batch.compare import RECHECK
from ..batch.consequences import BATCH, ConsequenceCount
from ..batch.duplicates import Duplicate
from ..batch.ranking import shown_spelling, spellings_note
from ..batch.summary import Funds, GradeCount, SetSummary, Summary
from .._patterns import compile_later

__all__ = ["summary_text", "sentences_zh"]

_ONE = compile_later(r"(?<![\d.,])(1) (project|document)s\b")  # English: "1 project", "2 projects"
#: Ids given twice named on the terminal for each batch (the outputs list SHOWN_DUPLICATES).
TERMINAL_DUPLICATES = 3

_ZH = {
    "counts": "{documents}个项目：已评分{scored}，评分失败{failed}，需说明{flagged}",
    "set": "{name}（{id} {version}）：{count}个项目，平均分{mean}，中位数{median}，最高{highest}，最低{lowest}；{grades}",
    "grade": "{label}{count}", "and": "，",
    "compared": "与{who}对比{compared}个，标记{flagged}个", "difference": "，平均总分差{difference}",
    "other_failed": "；{who}评分失败{count}个", "unmatched": "；复核中未找到对应项目{count}个",
    "recheck_set": "；复核所用指标体系与项目不同、未比较{count}个", "same_set": "；按同一指标体系评分、未比较{count}个",
    "recheck_unscored": "；复核已评分而对应项目均评分失败（见问题），未比较{count}个",
    "named": "：{named}", "id": "（{id}）", "recheck": "复核",
    "name_differs": "（按路径对应{near}，但项目名称不同）", "unit_differs": "（按路径对应{near}，但实施单位不同）",
    "other_year_differs": "（按路径对应{near}，但年度不同）",
    "self_differs": "（是{near}本身，经链接读到）", "duplicate_differs": "（项目编号重复，该项目已对应先读到的{near}）",
    "tied_differs": "（与{near}按路径同样对应一个项目，该项目已对应先读到的那份）",
    "alike_differs": "（本批次有{ours}份文档的路径同样以{near}结尾，无法确定是哪一份的复核）",
    "by_id_differs": "（按路径对应{near}，但该项目已按项目编号与{theirs}对比）",
    "id_only_differs": "（按路径对应{near}，但该项目未填写项目编号）",
    "no_path_differs": "（未填写项目编号，文件名与本批次的项目都不对应）", "no_id_differs": "（本批次没有该编号的项目）",
    "year_differs": "（项目编号重复，{year}年度的该项目已对应同年度的{near}，本份未填写年度）",
    "form_totals": "表上填写了总分的{count}个，其中与计算总分不同{differ}个（汇总“表上总分”一栏）", "other_set": "{id}",
    "earlier": "报告文件夹中有{count}份报告是之前一次运行写出的，本次没有重写，仍是之前的结果：{names}；"
               "请删除它们，或把报告写入空文件夹",
    "earlier_failed": "{name}（项目本次评分失败）", "earlier_gone": "{name}（项目已不在输入中）",
    "earlier_renamed": "{name}（项目本次写为{now}）", "earlier_": "{name}（项目本次评分失败或不在输入中）",
    "earlier_line_renamed": "{name}（该行本次写为{now}，但其前的项目有增减，该行不一定仍是同一个项目）",
    "earlier_line_gone": "{name}（JSONL文件的该行本次没有项目：行号可能变了，其项目可能写在另一份报告中）",
    "duplicated": "项目编号重复{count}个：", "recheck_duplicated": "复核中项目编号重复{count}个：", "more_ids": "……",
    "duplicate": "{id}{year}共{count}份：{sources}", "year": "（{year}年度）", "listed": "、", "items": "；", "more": "…",
    "applied": "结果应用：", "consequence": "{grade}（{consequence}）{count}个项目",
    "left_out": "；另有{count}个项目的等级未规定结果应用，不在此列",
    "budget": "，涉及预算{budget}万元，按{share}为{amount}", "unbudgeted": "，其中{count}个项目预算数未知",
    "budget_only": "，涉及预算{budget}万元",
    "at_least": "{low}万元以上", "amount": "{low}万元", "between": "{low}–{high}万元", "share_at_least": "{low}以上",
    "funds": "预算执行：{budgeted}个项目预算数合计{budget}{unit}", "paid": "，执行数合计{paid}{unit}，总体执行率{rate}",
    "paid_part": "；其中{count}个项目填报了执行数，合计{paid}{unit}，为其预算数{of}{unit}的{rate}",
    "below": "；执行率低于90%的项目{below}个", "funds_rated": "预算执行：",
    "summed": "（执行数合计÷预算数合计）",
    "other_base": "（按指标体系口径计；有{count}个项目的口径不是执行数÷预算数，如按调整后预算数计算）",
    "in_unit": "（金额单位：{unit}）",
    "no_unit": "未注明", "grade_budget": "（预算{budget}{unit}）",
    "grade_budget_part": "（其中{count}个预算{budget}{unit}）",
    "years": "注意：本批次含{years}多个年度的项目，统计和排名把各年度合在一起（按年度分别统计，请按年度分批运行）",
}
_EN = {
    "counts": "{documents} projects: {scored} scored, {failed} failed, {flagged} to explain (需说明)",
    "set": "{name} ({id} {version}): {count} projects, mean {mean}, median {median}, highest {highest}, lowest {lowest}; "
           "{grades}",
    "grade": "{label} {count}", "and": ", ",
    "compared": "compared with {who}: {compared}, flagged {flagged}", "difference": ", mean difference {difference}",
    "other_failed": "; {who} could not score {count}", "unmatched": "; re-checked projects that matched none: {count}",
    "recheck_set": "; re-checks scored under another set than their project's, not compared: {count}",
    "same_set": "; projects scored under that very set, not compared with themselves: {count}",
    "recheck_unscored": "; re-checks scored whose projects this batch could not score (see the problems), not compared: {count}",
    "named": ": {named}", "id": " ({id})", "recheck": "the re-check (复核)",
    "name_differs": " (its path meets {near}, whose project name differs)",
    "unit_differs": " (its path meets {near}, whose unit differs)",
    "other_year_differs": " (its path meets {near}, whose year differs)",
    "self_differs": " (it is {near} itself, read through a link)",
    "duplicate_differs": " (its id is given twice in the re-check: {near}, read first, is its project's)",
    "tied_differs": " (its path meets the same project as {near}, which was read first and is that project's)",
    "alike_differs": " ({ours} documents of the batch end like it, in {near}: which one it is cannot be told)",
    "by_id_differs": " (its path meets {near}, compared by its project id with {theirs})",
    "id_only_differs": " (its path meets {near}, which gives no project id)",
    "no_path_differs": " (it gives no project id, and its file name is no project's of the batch)",
    "no_id_differs": " (no project of the batch has this id)",
    "year_differs": " (its id is given twice in the re-check: {near}, of the project's year {year}, is its project's; "
                    "this one gives no year)",
    "earlier": "reports an earlier run wrote in the reports folder, not written again by this one, with the earlier "
               "figures: {count} ({names}); delete them, or write the reports to an empty folder",
    "earlier_failed": "{name}: the project failed now", "earlier_gone": "{name}: the project is no longer an input",
    "earlier_renamed": "{name}: the project's report is {now} now", "earlier_": "{name}: the project failed now, or is no "
                                                                                 "longer an input",
    "earlier_line_renamed": "{name}: its line is written now as {now}, but projects before it were added or removed: "
                            "the line may hold another project",
    "earlier_line_gone": "{name}: its line of the JSONL file holds no project now: the lines may have moved, its "
                         "project written in another report",
    "form_totals": "forms with a 总分 typed on them: {count}, of which {differ} differ from the total scored "
                   "(汇总, column 表上总分)", "other_set": "the set {id}",
    "duplicated": "project ids given more than once: {count}: ",
    "recheck_duplicated": "project ids given more than once in the re-check: {count}: ", "more_ids": "; …",
    "duplicate": "{id}{year} in {count} documents: {sources}", "year": " ({year})", "listed": ", ", "items": "; ",
    "more": ", …",
    "applied": "consequences (结果应用): ", "consequence": "{grade} ({consequence}): {count} projects",
    "left_out": "; {count} more projects, whose grade carries no consequence, are not counted here",
    "budget": ", budget {budget} 万元, {share} of it: {amount}", "unbudgeted": ", of which {count} with no budget known",
    "budget_only": ", budget {budget} 万元",
    "at_least": "{low} 万元 or more", "amount": "{low} 万元", "between": "{low}–{high} 万元", "share_at_least": "{low} or more",
    "funds": "funds: {budgeted} projects budgeted {budget}{unit}", "paid": ", paid {paid}{unit}, overall rate {rate}",
    "paid_part": "; {count} of them give what was paid: {paid}{unit}, {rate} of their budget {of}{unit}",
    "below": "; {below} projects under 90% execution", "funds_rated": "funds: ",
    "summed": " (paid ÷ budget, summed)",
    "other_base": " (as each set scores it; for {count} projects that is not paid ÷ budget, such as on the adjusted budget)",
    "in_unit": " (amounts in {unit})",
    "no_unit": "no unit given", "grade_budget": " (budget {budget}{unit})",
    "grade_budget_part": " ({count} of them budget {budget}{unit})",
    "years": "note: the batch holds projects of several years ({years}); the statistics and rankings put them together "
             "(run one batch a year for each year's figures)",
}


def summary_text(summary: Summary, lang: str = "zh") -> str:
    """A few lines for the terminal: counts, each set's figures and grades, the comparison, ids given twice, 结果应用."""
    words = _ZH if lang == "zh" else _EN
    lines = [words["counts"].format(documents=summary.documents, scored=summary.scored, failed=summary.failed,
                                    flagged=summary.flagged)]
    for s in summary.sets:
        p = s.precision
        grades = words["and"].join(words["grade"].format(label=g.label, count=g.count) + _grade_budget(g, s, words)
                                   for g in s.grades)
        lines.append(words["set"].format(name=s.set_name, id=s.set_id, version=s.version_shown, count=s.count,
                                         mean=fixed(s.mean, s.mean_places), median=fixed(s.median, s.mean_places),
                                         highest=fixed(s.highest, p),
                                         lowest=fixed(s.lowest, p), grades=grades))
    lines += [_funds(f, words, len(summary.funds) > 1) for f in summary.funds]
    if len(summary.years) > 1:
        lines.append(words["years"].format(years=words["listed"].join(summary.years)))
    if summary.spellings:  # a unit typed two ways is counted as one: said, so that the spellings get corrected
        lines.append(spellings_note(summary.spellings) if lang == "zh" else "names spelt several ways, each counted as "
                     "one: " + "; ".join(f"{shown_spelling(name)} (also {', '.join(others)})"
                                           for name, others in summary.spellings))
    if summary.against:
        lines.append(_compared(summary, words))
    if summary.form_totals:
        lines.append(words["form_totals"].format(count=summary.form_totals, differ=summary.form_totals_differ))
    for count, batch, title in ((summary.duplicated, "", "duplicated"),
                                (summary.recheck_duplicated, RECHECK, "recheck_duplicated")):
        if count:
            shown = [d for d in summary.duplicates if d.batch == batch][:TERMINAL_DUPLICATES]
            lines.append(words[title].format(count=count) + words["items"].join(_duplicate(d, words) for d in shown)
                         + (words["more_ids"] if count > len(shown) else ""))
    applied = [_consequence(c, words) for c in summary.consequences if c.scope == BATCH]
    if applied:  # and the projects it does not count (QA259 F1)
        left = sum(count for _, count in summary.consequences_left)
        lines.append(words["applied"] + words["items"].join(applied)
                     + (words["left_out"].format(count=left) if left else ""))
    if summary.earlier_count:  # an earlier run's reports, standing beside this run's with the earlier figures
        named = (words[f"earlier_{getattr(r, 'why', '')}"].format(name=r, now=getattr(r, "now", ""))
                 for r in summary.earlier_reports)  # with why each was not written again (QA182 F5)
        lines.append(words["earlier"].format(count=summary.earlier_count, names=words["items"].join(named)
                                             + (words["more_ids"] if summary.earlier_count > len(summary.earlier_reports)
                                                else "")))
    # each a line whatever the names, ids and sources in it hold: a line break as a space, a hidden character as its escape
    text = "\n".join(map(one_line, lines)) + "\n"
    return text if lang == "zh" else _ONE.sub(r"\1 \2", text)


def sentences_zh(summary: Summary) -> dict[str, list[str]]:
    """The terminal's Chinese lines a 自评总结报告 states as its sentences, by what they say: "sets" (each set's figures
    and grades), "funds" (预算执行情况), "compared" (the re-check or the other set), "applied" (结果应用 of the batch, each
    grade's projects the subject, then those whose grade carries none), "forms" (the 总分 typed on forms)."""
    text = summary_text(summary, "zh").splitlines()
    sets = text[1:1 + len(summary.sets)]  # as summary_text writes them: the counts, then one line per set
    prose = {**_ZH, "consequence": "评价等级为{grade}的{count}个项目，{consequence}"}
    applied = [one_line(_consequence(c, prose)) for c in summary.consequences if c.scope == BATCH]
    left = sum(count for _, count in summary.consequences_left)
    if applied and left:
        applied.append(_ZH["left_out"].format(count=left).lstrip("；"))
    forms = [_ZH["form_totals"].format(count=summary.form_totals, differ=summary.form_totals_differ)] * bool(summary.form_totals)
    return {"sets": sets, "funds": [one_line(_funds(f, _ZH, len(summary.funds) > 1)) for f in summary.funds],
            "compared": [one_line(_compared(summary, _ZH))] if summary.against else [], "applied": applied, "forms": forms}


def _grade_budget(g: GradeCount, s: SetSummary, words: dict[str, str]) -> str:
    """The 预算数 of the grade's projects that give one (涉及资金), after its count."""
    if not g.budgeted:
        return ""
    unit = s.funds_unit and (s.funds_unit if words is _ZH else f" {s.funds_unit}")
    key = "grade_budget" if g.budgeted == g.count else "grade_budget_part"
    return words[key].format(count=g.budgeted, budget=money(g.budget), unit=unit)


def _funds(f: Funds, words: dict[str, str], apart: bool) -> str:
    """One unit's 预算执行情况; `apart`: one of several units, named."""
    unit = f.unit and (f.unit if words is _ZH else f" {f.unit}")
    line = words["funds"].format(budgeted=f.budgeted, budget=money(f.budget), unit=unit) if f.budgeted else ""
    if f.paid_count and f.rate is not None:
        part = "paid" if f.paid_count == f.budgeted else "paid_part"  # the rate is over the projects that give both
        line += words[part].format(paid=money(f.paid), unit=unit, rate=cut_percent(f.rate), count=f.paid_count,
                                   of=money(f.budget_of_paid)) + (words["summed"] if f.other_base else "")
    if f.rated:  # by each set's own rate: said so where some are not 执行数 ÷ 预算数 (QA324 F1)
        line += words["below"].format(below=f.below) + (words["other_base"].format(count=f.other_base)
                                                        if f.other_base else "")
    if not f.budgeted:  # a set with a rate and no 预算数: the line still says what it is about
        line = words["funds_rated"] + line.lstrip("；; ")
    return line + (words["in_unit"].format(unit=f.unit or words["no_unit"]) if apart else "")


def _compared(summary: Summary, words: dict[str, str]) -> str:
    assert summary.against is not None
    who = words["recheck"] if summary.against == RECHECK else words["other_set"].format(id=summary.against)
    line = words["compared"].format(who=who, compared=summary.compared, flagged=summary.compare_flagged)
    if summary.mean_difference is not None:
        line += words["difference"].format(difference=fixed(summary.mean_difference, summary.places))
    if summary.other_failed:
        line += words["other_failed"].format(who=who, count=summary.other_failed)
    if summary.other_set:
        line += words["recheck_set"].format(count=summary.other_set)
    if summary.same_set:  # its own set is the --compare-set (QA334 F8)
        line += words["same_set"].format(count=summary.same_set)
    if summary.recheck_unscored:
        line += words["recheck_unscored"].format(count=summary.recheck_unscored)
    unmatched = summary.unmatched if summary.against == RECHECK else 0
    if unmatched:
        line += words["unmatched"].format(count=unmatched)
        named = [path_shown(u.source) + (words["id"].format(id=u.id) if u.id else "") +
                 (words[f"{u.differs}_differs"].format(near=u.near, year=u.ours, ours=u.ours, theirs=u.theirs)
                  if u.differs else "")
                 for u in summary.unmatched_shown[:TERMINAL_DUPLICATES]]
        line += words["named"].format(named=words["listed"].join(named)) + (words["more"] if unmatched > len(named) else "")
    return line


def _duplicate(d: Duplicate, words: dict[str, str]) -> str:
    year = words["year"].format(year=d.year) if d.year is not None else ""
    sources = words["listed"].join(map(path_shown, d.sources)) + (words["more"] if d.count > len(d.sources) else "")
    return words["duplicate"].format(id=d.id, year=year, count=d.count, sources=sources)


def _consequence(c: ConsequenceCount, words: dict[str, str]) -> str:
    """结果应用 of one grade across the batch: how many projects, and the budgets and amounts concerned."""
    line = words["consequence"].format(grade=c.grade, consequence=c.consequence, count=c.count)
    budget, low, high = c.printed()  # in 万元 to two decimals, 四舍五入: 56.85, not 56.8456789 (QA201 2)
    if c.share is not None and budget is not None and low is not None:
        if high is None:
            amount = words["at_least"].format(low=low)
        elif c.amount_high == c.amount_low:
            amount = words["amount"].format(low=low)
        else:
            amount = words["between"].format(low=low, high=high)
        share = (words["share_at_least"].format(low=_percent(c.share.low)) if c.share.high is None
                 else c.share.text())
        line += words["budget"].format(budget=budget, share=share, amount=amount)
    elif budget is not None:  # words without a share (按一定比例核减): the budgets it is applied to, no amount made up
        line += words["budget_only"].format(budget=budget)
    if c.unbudgeted:
        line += words["unbudgeted"].format(count=c.unbudgeted)
    return line


def _percent(share: Decimal) -> str:
    return f"{plain(share * 100)}%"
