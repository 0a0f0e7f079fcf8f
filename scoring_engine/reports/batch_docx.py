"""The batch as the draft of a 部门项目支出绩效自评总结报告 (.docx): its sections, with every figure the batch gives.

A 主管部门 combines its units' self-evaluations into a summary report whose
sections are 绩效自评工作开展情况 and 绩效自评结果及分析, then states 结果应用.
The figures in it are where hand-made reports go wrong, so this writes them:
the scope, 预算执行情况, the re-check, the grades with the funds they concern,
the indicators where points are lost, the rankings, the projects to explain,
the consequences and the projects that could not be scored. Every sentence and
table is made from the same summary and tables as the workbook, the page and
the terminal, so the numbers agree with them. What only people know (how the
evaluation was organised, the causes, the remedies) is theirs to add: a note
under the title says so. Long lists stop at a bound and say where the rest is.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import cut_rate, money
from .._version import __version__
from ..batch.compare import RECHECK
from ..batch.ranking import spellings_note
from ..batch.rows import ProjectRow
from ..batch.summary import Placed, SetSummary, Summary
from ._docx import WordDocument
from .batch_consequences import CONSEQUENCES, consequence_rows
from .batch_output import BatchOutput
from .batch_tables import (CATEGORY_HEADER, EXPLAIN, MIXED_YEARS, PROBLEMS, RANKED_BY, RANKED_NOTE, Rate, Score,
                           VARIED_WEIGHT, category_cells, cell_text, explain_rows, grade_rows, indicator_rows, problem_rows,
                           ranking_cells, ranking_header, rankings, tie_note, unread_note, unscored_note)
from .batch_text import sentences_zh

__all__ = ["BatchReport", "SHOWN_EXPLAIN", "SHOWN_FAILED", "SHOWN_RANKED", "SHOWN_INDICATORS", "report_title"]

#: Rows of the 需说明 table, and of the projects that could not be scored, the report lists (the workbook has all).
SHOWN_EXPLAIN = 200
SHOWN_FAILED = 100
#: A ranking longer than twice this is shown as its first and last SHOWN_RANKED.
SHOWN_RANKED = 10
#: The indicators of lowest mean 得分率 listed for each set.
SHOWN_INDICATORS = 10
_NUMBERS = frozenset({"序号", "名次", "项目数", "评分失败", "平均分", "平均得分率", "需说明", "总分", "满分", "得分率", "占比",
                      "填报预算数的项目", "占预算数合计", "级次", "平均得分", "指标数", "达成（得满分）", "预算比例",
                      *CONSEQUENCES.header[6:9]})
_BY_SCORE = ("名次", "序号", "项目名称", "实施单位", "总分", "满分", "得分率", "等级")
_CHINESE_NUMBERS = "一二三四五六七八九十"


def report_title(summary: Summary) -> str:
    """部门项目支出绩效自评总结报告, led by the 主管部门 when every project scored names the same one."""
    departments = summary.departments
    named = departments[0].name if len(departments) == 1 and not summary.unranked_departments else ""
    kind = "自评" if summary.sets and all("自评" in s.set_name for s in summary.sets) else "评价"
    return f"{named}项目支出绩效{kind}总结报告"


class BatchReport(BatchOutput):
    """Keeps the first rows of the lists as the rows are read back, and writes the document at the end."""

    def __init__(self, path: Path, against: str | None):
        super().__init__(path, against)
        self.explained: list[list[Any]] = []
        self.failed: list[list[Any]] = []
        self.explained_count = self.failed_count = 0

    def kept(self, row: ProjectRow) -> None:
        if row.ok and not row.batch:
            said = [cells[-1] for cells in explain_rows(row)]
            if said:  # one row a project, its 需说明 items one a line (the workbook has a row for each, and the source)
                self.explained_count += 1
                if len(self.explained) < SHOWN_EXPLAIN:
                    first = next(explain_rows(row))
                    self.explained.append([*first[:1], *first[2:-1], "\n".join(said)])
        for cells in problem_rows(row):
            self.failed_count += 1
            if len(self.failed) < SHOWN_FAILED:
                self.failed.append(cells)

    def finish(self, summary: Summary) -> None:
        document = WordDocument(report_title(summary))
        _front(document, summary)
        _work(document, summary)
        _results(document, summary, self.explained, self.explained_count)
        if summary.consequences:
            _consequences(document, summary)
        if self.failed_count:
            _failed(document, self.failed, self.failed_count, bool(self.against))
        _provenance(document, summary)
        written = io.BytesIO()
        document.save(written)
        self.output.write(written.getvalue())


def _table(document: WordDocument, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A table of cells as every batch output prints them (81.33, 80.00%, 2; amounts as 1200.00), numbers aligned right."""
    amounts = {n for n, h in enumerate(header) if h.startswith("预算数合计")}
    document.table(header, [[money(c) if n in amounts and isinstance(c, Decimal) else cell_text(c) for n, c in enumerate(row)]
                            for row in rows],
                   right=[n for n, h in enumerate(header) if h in _NUMBERS or n in amounts])


def _front(document: WordDocument, summary: Summary) -> None:
    document.paragraph(document.title, "Title")
    document.paragraph("（初稿：本稿由 scoring-engine 根据本批次各项目的评分结果生成，列出总结报告的数据部分。"
                       "自评工作的组织方式、发现的主要问题及原因、整改措施等，请在相应部分补充。）", "Note")


def _work(document: WordDocument, summary: Summary) -> None:
    """一、绩效自评工作开展情况: what was evaluated, under which sets, the funds concerned, the re-check."""
    said = sentences_zh(summary)
    document.heading("一、绩效自评工作开展情况", 1)
    document.heading("（一）自评范围", 2)
    units = len(summary.units) + len(summary.unscored_units)
    departments = len(summary.departments) + len(summary.unscored_departments)
    years = f"（{'、'.join(summary.years)}年度）" if summary.years else ""
    among = "、".join([f"{units}个实施单位"] * bool(units) + [f"{departments}个主管部门"] * bool(departments))
    scored = (f"其中{summary.scored}个项目已按指标体系评分，{summary.failed}个项目的材料未能评分（见附表）"
              if summary.failed else "全部项目均已按指标体系评分")
    document.paragraph(f"本批次共汇总{summary.documents}个项目{years}的自评材料{f'，涉及{among}' if among else ''}。{scored}。")
    if len(summary.sets) == 1:
        s = summary.sets[0]
        document.paragraph(f"评分所用指标体系为{s.set_name}（{s.set_id} {s.version_shown}）。")
    elif summary.sets:
        document.paragraph(f"评分共用到{len(summary.sets)}个指标体系：")
        _table(document, ("指标体系", "标识", "版本", "项目数"),
               [(s.set_name, s.set_id, s.version_shown, s.count) for s in summary.sets])
    notes = [f"{MIXED_YEARS}。"] * (len(summary.years) > 1) + [spellings_note(summary.spellings)] * bool(summary.spellings)
    if summary.duplicated:
        notes.append(f"有{summary.duplicated}个项目编号在多份材料中重复（见汇总表“统计”），请核实是否重复报送。")
    for note in notes:
        document.paragraph(note, "Note")
    number = 2
    if said["funds"]:
        document.heading(f"（{_CHINESE_NUMBERS[number - 1]}）预算执行情况", 2)
        for line in said["funds"]:
            document.paragraph(_sentence(line.removeprefix("预算执行：")))
        number += 1
    if said["compared"]:
        who = "抽查复核情况" if summary.against == RECHECK else f"与指标体系{summary.against}对比情况"
        document.heading(f"（{_CHINESE_NUMBERS[number - 1]}）{who}", 2)
        document.paragraph(_sentence(said["compared"][0]) + ("自评与复核的差异见汇总表“对比”。" if summary.against == RECHECK
                                                             else ""))


def _sentence(line: str) -> str:
    return line if line.endswith("。") else line + "。"


def _results(document: WordDocument, summary: Summary, explained: list[list[Any]], explained_count: int) -> None:
    """二、绩效自评结果及分析: each set's figures and grades, the indicators where points are lost, the rankings, the
    projects to explain."""
    said = sentences_zh(summary)
    document.heading("二、绩效自评结果及分析", 1)
    document.heading("（一）总体情况", 2)
    if not summary.sets:
        document.paragraph("本批次没有项目评分成功，无法统计。")
    for s, line in zip(summary.sets, said["sets"], strict=True):
        document.paragraph(_sentence(line))
        header, rows = grade_rows(s)
        _table(document, header, rows)
    if summary.sets:
        document.heading("（二）指标得分情况", 2)
        for s in summary.sets:
            _indicators(document, s, len(summary.sets) > 1)
        document.heading("（三）单位和主管部门排名", 2)
        _rankings(document, summary)
    document.heading(f"（{'四' if summary.sets else '二'}）需说明的项目", 2)
    if not explained_count:
        document.paragraph("本批次没有需说明的项目。")
        return
    document.paragraph(f"按指标体系规定的需说明条件{'和复核标记' if summary.against == RECHECK else ''}，"
                       f"共{explained_count}个项目需说明原因并提出整改措施：")
    _table(document, [h for h in EXPLAIN.header if h != "来源"], explained)
    if explained_count > len(explained):
        document.paragraph(f"以上列出前{len(explained)}个，其余{explained_count - len(explained)}个见汇总表“需说明”工作表。",
                           "Note")


def _indicators(document: WordDocument, s: SetSummary, named: bool) -> None:
    """The 一级 indicators' means in the set's order, then the indicators below them that lost points, lowest mean
    得分率 first (where points are lost)."""
    header, rows = indicator_rows(s)
    top = [[row[1], *row[3:]] for i, row in zip(s.indicators, indicator_rows(s, ordered=False)[1], strict=True)
           if i.level == 1]
    lowest = [row for row in rows if row[2] != 1 and row[4] is not None and row[4].value < 1][:SHOWN_INDICATORS]
    of = f"{s.set_name}：" if named else ""
    document.paragraph(f"{of}一级指标得分情况：")
    _table(document, (header[1], *header[3:]), top)
    if lowest:
        named_lowest = "、".join(f"{row[1]}（{cell_text(row[4])}）" for row in lowest[:3])
        document.paragraph(f"{of}一级以下平均得分率最低的指标是{named_lowest}，是失分较多的方面"
                           f"（下表按平均得分率从低到高列出得分率低于100%的指标，最多{SHOWN_INDICATORS}项）：")
        _table(document, header[1:], [row[1:] for row in lowest])
        if any(row[3] == "—" for row in lowest):
            document.paragraph(VARIED_WEIGHT + "。", "Note")
    if s.categories:
        document.paragraph(f"{of}绩效目标表各行按二级指标类别：")
        _table(document, CATEGORY_HEADER, [category_cells(c) for c in s.categories])


def _rankings(document: WordDocument, summary: Summary) -> None:
    if summary.units or summary.departments:
        document.paragraph(RANKED_NOTE + "。", "Note")
    for title, ranked, left_out, unread, unscored in reversed(rankings(summary)):  # 主管部门 first: a 部门's report
        if not (ranked or unscored):
            continue
        header = ranking_header(title)
        if len(ranked) > 2 * SHOWN_RANKED:
            document.paragraph(f"{title}{RANKED_BY}排名（共{len(ranked)}个，列出前{SHOWN_RANKED}名和后{SHOWN_RANKED}名，"
                               "全部排名见汇总表“统计”）：")
            shown = [*ranked[:SHOWN_RANKED], *ranked[-SHOWN_RANKED:]]
        else:
            document.paragraph(f"{title}{RANKED_BY}排名：")
            shown = list(ranked)
        _table(document, header, [ranking_cells(r, title) for r in shown])
        for note in (left_out, unread_note(title, unread) if unread else "",
                     unscored_note(title, unscored, ranked) if unscored else ""):
            if note:
                document.paragraph(_sentence(note), "Note")
    every = summary.scored <= len(summary.best)  # the ten best are all the projects: one table says it
    for title, placed, tied in ((("各项目得分（从高到低）" if every else "得分最高的项目"), summary.best, summary.best_tied),
                                ("得分最低的项目", () if every else summary.worst, summary.worst_tied)):
        if placed:
            document.paragraph(f"{title}：")
            _table(document, _BY_SCORE, [_placed_cells(p) for p in placed])
            if tied:
                document.paragraph(_sentence(tie_note(placed, tied)), "Note")


def _placed_cells(p: Placed) -> list[Any]:
    return [p.rank, p.index + 1, p.name, p.unit, Score(p.total, p.places), p.max_total,
            Rate(cut_rate(p.total / p.max_total)) if p.max_total else None, p.grade]


def _consequences(document: WordDocument, summary: Summary) -> None:
    """三、结果应用: the batch's lines, then the table of every scope as the workbook's 结果应用."""
    document.heading("三、结果应用", 1)
    for line in sentences_zh(summary)["applied"]:
        document.paragraph(_sentence(line))
    _table(document, CONSEQUENCES.header, consequence_rows(summary))


def _failed(document: WordDocument, failed: list[list[Any]], count: int, compared: bool) -> None:
    document.heading("附表：未能评分的项目", 1)
    keep = [n for n, h in enumerate(PROBLEMS.header) if compared or h != "批次"]
    _table(document, [PROBLEMS.header[n] for n in keep], [[row[n] for n in keep] for row in failed])
    if count > len(failed):
        document.paragraph(f"以上列出前{len(failed)}个，其余{count - len(failed)}个见汇总表“问题”工作表。", "Note")


def _provenance(document: WordDocument, summary: Summary) -> None:
    hashes = "；".join(f"{s.set_id} {s.version_shown}：sha256 {s.set_sha256}" for s in summary.sets if s.set_sha256)
    document.paragraph(f"本稿由 scoring-engine {__version__} 生成{f'（指标体系 {hashes}）' if hashes else ''}。", "Note")
