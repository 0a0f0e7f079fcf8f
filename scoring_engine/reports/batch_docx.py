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
under the title says so. Long lists stop at a bound and say where the rest is:
the workbook the same run writes, or how to write one.
"""

from __future__ import annotations

import heapq
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._arith import cut_rate, fixed, money
from .._version import __version__
from ..batch.compare import RECHECK, marks
from ..batch.consequences import BATCH, DEPARTMENT
from ..batch.ranking import spellings_note
from ..batch.rows import ProjectRow
from ..batch.summary import Placed, SetSummary, Summary
from ._docx import WordDocument
from .batch_consequences import CONSEQUENCES, consequence_rows
from .batch_output import BatchOutput
from .batch_tables import (CATEGORY_HEADER, EXPLAIN, MIXED_YEARS, PROBLEMS, RANKED_BY, RANKED_NOTE, VARIED_WEIGHT, Rate,
                           Score, category_cells, cell_text, compared_row, compared_table, explain_rows, grade_rows,
                           indicator_rows, problem_rows, ranking_cells, ranking_header, rankings, tie_note, unread_note,
                           unscored_note)
from .batch_text import sentences_zh

__all__ = ["BatchReport", "SHOWN_EXPLAIN", "SHOWN_FAILED", "SHOWN_RANKED", "SHOWN_INDICATORS", "TITLE"]

#: Projects the 需说明 table, the table of comparisons flagged and the table of projects that could not be scored list
#: (the workbook has them all).
SHOWN_EXPLAIN = 200
SHOWN_FAILED = 100
#: A ranking longer than twice this is shown as its first and last SHOWN_RANKED.
SHOWN_RANKED = 10
#: The scored indicators of lowest mean 得分率 listed for each set.
SHOWN_INDICATORS = 10
TITLE = "项目支出绩效自评总结报告"
_NUMBERS = frozenset({"序号", "名次", "项目数", "评分失败", "平均分", "平均得分率", "需说明", "总分", "满分", "得分率", "占比",
                      "填报预算数的项目", "占预算数合计", "平均得分", "指标数", "达成（得满分）", "预算比例", "总分差",
                      "复核总分", *CONSEQUENCES.header[6:9]})
_BY_SCORE = ("名次", "序号", "项目名称", "实施单位", "总分", "满分", "得分率", "等级")
_ORDINALS = "一二三四五六七八九十"


class BatchReport(BatchOutput):
    """Keeps the first rows of the lists as the rows are read back, and writes the document at the end."""

    def __init__(self, path: Path, against: str | None):
        super().__init__(path, against)
        self.lists: dict[str, list[list[Any]]] = {"explain": [], "failed": [], "flagged": []}
        self.counts = dict.fromkeys(self.lists, 0)
        self.workbook: str | None = None  # the name of the workbook the same run writes, which lists them all
        self.worst: list[tuple[Decimal | int, int, list[Any]]] = []  # the projects to explain kept: a heap, highest 得分率 on top

    def _keep(self, name: str, cells: list[Any], bound: int) -> None:
        self.counts[name] += 1
        if len(self.lists[name]) < bound:
            self.lists[name].append(cells)

    def kept(self, row: ProjectRow) -> None:
        if row.ok and not row.batch:
            said = [cells[-1] for cells in explain_rows(row)]
            if said:  # one row a project, its 需说明 items one a line (the workbook has a row for each, and the source)
                first = next(explain_rows(row))
                self._lowest([*first[:1], *first[2:-1], "\n".join(said)], row)
            if self.against and row.compare is not None and marks(row.compare):
                self._keep("flagged", compared_row(row, self.against), SHOWN_EXPLAIN)
        for cells in problem_rows(row):
            self._keep("failed", cells, SHOWN_FAILED)

    def _lowest(self, cells: list[Any], row: ProjectRow) -> None:
        """Past SHOWN_EXPLAIN projects to explain, those of lowest 得分率 are kept (the first of equal ones): the
        projects a 主管部门 answers for first."""
        assert row.total is not None
        self.counts["explain"] += 1
        heapq.heappush(self.worst, (-row.total / row.max_total if row.max_total else 0, -row.index, cells))
        if len(self.worst) > SHOWN_EXPLAIN:
            heapq.heappop(self.worst)

    def finish(self, summary: Summary) -> None:
        self.lists["explain"] = [cells for _, _, cells in sorted(self.worst, key=lambda kept: -kept[1])]  # in input order
        report = _Report(summary, self.lists, self.counts, self.workbook)
        written = io.BytesIO()
        report.document.save(written)
        self.output.write(written.getvalue())


class _Report:
    """The document, section by section; `counts` and `lists` are the projects of each list and the first of them."""

    def __init__(self, summary: Summary, lists: dict[str, list[list[Any]]], counts: dict[str, int], workbook: str | None):
        self.summary, self.lists, self.counts, self.workbook = summary, lists, counts, workbook
        self.document = WordDocument(TITLE)
        self.said = sentences_zh(summary)
        self.number = 0  # the （一）, （二）… within the section being written
        department = _one_department(summary)
        self.document.paragraph(f"{department}{TITLE}", "Title")
        self.document.paragraph("（初稿：本稿由 scoring-engine 根据本批次各项目的评分结果生成，列出总结报告的数据部分。"
                                "自评工作的组织方式、发现的主要问题及原因、整改措施等，请在相应部分补充。）", "Note")
        self._work()
        self._results()
        if summary.consequences:
            self._consequences()
        if counts["failed"]:
            self._failed()
        self.document.paragraph(department or "（单位名称）", "Signature")
        self.document.paragraph("年　　月　　日", "Signature")
        hashes = "；".join(f"{s.set_id} {s.version_shown}：sha256 {s.set_sha256}" for s in summary.sets if s.set_sha256)
        self.document.paragraph(f"本稿由 scoring-engine {__version__} 生成{f'（指标体系 {hashes}）' if hashes else ''}。", "Note")

    def where(self, sheet: str) -> str:
        """Where a list's other rows are: the workbook of the same run, or how to write one."""
        return (f"见工作簿 {self.workbook} 的“{sheet}”表" if self.workbook
                else f"加 --output 文件名.xlsx 再次运行，可在工作簿的“{sheet}”表中看到全部")

    def heading(self, text: str, level: int = 2) -> None:
        if level == 1:
            self.number = 0
            self.document.heading(text, 1)
        else:
            self.number += 1
            self.document.heading(f"（{_ORDINALS[self.number - 1]}）{text}", 2)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        _table(self.document, header, rows)

    def bounded(self, name: str, sheet: str) -> None:
        """Under a list cut at its bound: how many more, and where they are."""
        shown, count = len(self.lists[name]), self.counts[name]
        if count > shown:
            self.document.paragraph(f"以上列出前{shown}个，其余{count - shown}个{self.where(sheet)}。", "Note")

    def _work(self) -> None:
        """一、绩效自评工作开展情况: what was evaluated, under which sets, the funds concerned, the re-check."""
        s = self.summary
        self.heading("一、绩效自评工作开展情况", 1)
        self.heading("自评范围")
        units = len(s.units) + len(s.unscored_units)
        departments = len(s.departments) + len(s.unscored_departments)
        years = f"（{'、'.join(s.years)}年度）" if s.years else ""
        among = "、".join([f"{units}个实施单位"] * bool(units) + [f"{departments}个主管部门"] * bool(departments))
        one = s.documents == 1  # not 这些项目 of one project (QA334 F10)
        scored = (("该项目已" if one else "全部项目均已") + "按指标体系评分" if not s.failed else
                  ("该项目的材料未能评分（见附表）" if one else "这些项目的材料均未能评分（见附表）") if not s.scored
                  else f"其中{s.scored}个项目已按指标体系评分，{s.failed}个项目的材料未能评分（见附表）")
        among = f"，涉及{among}" if among else ""
        self.document.paragraph(f"本批次共汇总{s.documents}个项目{years}的自评材料{among}。{scored}。")
        if len(s.sets) == 1:
            self.document.paragraph(f"评分所用指标体系为{_set_named(s.sets[0])}。")
        elif s.sets:
            self.document.paragraph(f"评分共用到{len(s.sets)}个指标体系：")
            self.table(("指标体系", "标识", "版本", "项目数"), [(x.set_name, x.set_id, x.version_shown, x.count) for x in s.sets])
        notes = [f"{MIXED_YEARS}。"] * (len(s.years) > 1) + [_sentence(spellings_note(s.spellings))] * bool(s.spellings)
        where = f"（各项目{self.where('汇总')}“表上总分”一栏）" if self.workbook else ""
        notes += [f"{line.split('（汇总')[0]}{where}。" for line in self.said["forms"]]  # typed totals: a self-score's quality
        if s.duplicated:
            notes.append(f"有{s.duplicated}个项目编号在多份材料中重复（{self.where('统计')}），请核实是否重复报送。")
        for note in notes:
            self.document.paragraph(note, "Note")
        if self.said["funds"]:
            self.heading("预算执行情况")
            for line in self.said["funds"]:
                self.document.paragraph(_sentence(line.removeprefix("预算执行：")))
        if s.against == RECHECK:
            self.heading("抽查复核情况")
            self._compared()

    def _compared(self) -> None:
        """The comparison in words, then the projects flagged: self-score against re-check, or against another set."""
        s = self.summary
        recheck = s.against == RECHECK
        who = "复核" if recheck else f"按指标体系{s.against}评分"
        lead = (f"抽查复核{s.compared}个项目" if recheck else f"按指标体系{s.against}对同一批项目重新评分，对比{s.compared}个")
        differ = "自评与复核差异较大（自评总分高出复核达到阈值，或等级下降）" if recheck else "差异较大"
        flagged = f"其中{s.compare_flagged}个{differ}"
        line = f"{lead}，{flagged}"
        if s.mean_difference is not None and s.compared:
            mine = "自评总分" if recheck else "本批所用指标体系的总分"
            d = s.mean_difference
            than = f"{'高' if d > 0 else '低'}{fixed(abs(d), s.places)}分"
            line += f"；{mine}平均比{who}{than}" if d else f"；{mine}平均与{who}相同"
        others = [(s.other_failed, f"{who}未能评分"), (s.other_set, "复核所用指标体系与项目不同、未比较"),
                  (s.same_set, "按同一指标体系评分、未比较"),
                  (s.unmatched if recheck else 0, f"复核材料未找到对应项目（{self.where('统计')}）"),
                  (s.recheck_unscored, "复核已评分而对应项目评分失败、未比较")]
        line += "".join(f"；另有{n}个{what}" for n, what in others if n)
        self.document.paragraph(_sentence(line))
        if self.lists["flagged"]:
            self.document.paragraph("差异较大的项目：")
            self.table(compared_table(s.against or "").header, self.lists["flagged"])
            self.bounded("flagged", "汇总")

    def _results(self) -> None:
        """二、绩效自评结果及分析: each set's figures and grades, the indicators where points are lost, the rankings, the
        projects to explain."""
        s = self.summary
        self.heading("二、绩效自评结果及分析", 1)
        self.heading("总体情况")
        if not s.sets:
            self.document.paragraph("本批次没有项目评分成功，无法统计。")
            return
        for x, line in zip(s.sets, self.said["sets"], strict=True):
            self.document.paragraph(_sentence(line))
            self.table(*grade_rows(x))
        self.heading("指标得分情况")
        names = [x.set_name for x in s.sets]
        for x in s.sets:
            _indicators(self.document, x, "" if len(s.sets) == 1 else
                        f"{x.set_name if names.count(x.set_name) == 1 else _set_named(x)}：")
        self._rankings()
        self.heading("需说明的项目")
        if self.counts["explain"]:
            self._explained()
        else:
            self.document.paragraph("本批次没有需说明的项目。")
        if s.against and s.against != RECHECK:  # with nothing to explain too (QA334 F8: a batch compared with itself)
            self.heading(f"与指标体系{s.against}对比")
            self._compared()

    def _explained(self) -> None:
        """The projects to explain (需说明), the lowest 得分率 first."""
        s = self.summary
        marked = "和复核标记" if s.against == RECHECK else ""
        self.document.paragraph(f"按指标体系规定（未规定的按默认规则）的需说明条件{marked}，"
                                f"共{self.counts['explain']}个项目需说明原因并提出整改措施：")
        self.table([h for h in EXPLAIN.header if h != "来源"], self.lists["explain"])
        shown, count = len(self.lists["explain"]), self.counts["explain"]
        if count > shown:
            self.document.paragraph(f"以上按序号列出得分率最低的{shown}个，其余{count - shown}个{self.where('需说明')}。", "Note")

    def _rankings(self) -> None:
        s = self.summary
        ranked = [r for r in reversed(rankings(s)) if r[1] or r[4]]  # 主管部门 first: a 部门's report
        if ranked:
            self.heading("单位和主管部门排名")
            self.document.paragraph(RANKED_NOTE + "。", "Note")
        for title, found, left_out, unread, unscored in ranked:
            if len(found) > 2 * SHOWN_RANKED:
                self.document.paragraph(f"{title}{RANKED_BY}排名（共{len(found)}个，列出前{SHOWN_RANKED}名和后{SHOWN_RANKED}名，"
                                        f"全部排名{self.where('统计')}）：")
                shown = [*found[:SHOWN_RANKED], *found[-SHOWN_RANKED:]]
            else:
                self.document.paragraph(f"{title}{RANKED_BY}排名：")
                shown = list(found)
            self.table(ranking_header(title), [ranking_cells(r, title) for r in shown])
            for note in (left_out, unread_note(title, unread).replace("（见问题）", "（见附表）") if unread else "",
                         unscored_note(title, unscored, found) if unscored else ""):
                if note:
                    self.document.paragraph(_sentence(note), "Note")
        self.heading("项目得分情况")
        if s.scored <= 2 * len(s.best) or not s.worst:  # the ten best and worst are (nearly) all: one table
            every = {p.index: p for p in (*s.best, *s.worst)}
            self.document.paragraph("各项目得分（从高到低）：")
            self.table(_BY_SCORE, [_placed_cells(p) for p in sorted(every.values(), key=lambda p: (p.rank, p.index))])
            return
        for title, placed, tied in (("得分最高的项目", s.best, s.best_tied), ("得分最低的项目", s.worst, s.worst_tied)):
            self.document.paragraph(f"{title}：")
            self.table(_BY_SCORE, [_placed_cells(p) for p in placed])
            if tied:
                self.document.paragraph(_sentence(tie_note(placed, tied)), "Note")

    def _consequences(self) -> None:
        """三、结果应用: its sentences, then the table for the batch and each 主管部门 (the units' rows are in the workbook)."""
        self.heading("三、结果应用", 1)
        for line in self.said["applied"]:
            self.document.paragraph(_sentence(line))
        rows = consequence_rows(self.summary)
        named = any(row[0] == DEPARTMENT and row[1] != "（未填写）" for row in rows)  # else they repeat the batch's
        self.table(CONSEQUENCES.header, [row for row in rows if row[0] == BATCH or (row[0] == DEPARTMENT and named)])
        if any(row[0] not in (BATCH, DEPARTMENT) for row in rows) and named:
            self.document.paragraph(f"各实施单位的结果应用{self.where('结果应用')}。", "Note")

    def _failed(self) -> None:
        self.heading("附表：未能评分的项目", 1)
        keep = [n for n, h in enumerate(PROBLEMS.header) if self.summary.against or h != "批次"]
        self.table([PROBLEMS.header[n] for n in keep], [[row[n] for n in keep] for row in self.lists["failed"]])
        self.bounded("failed", "问题")


def _one_department(summary: Summary) -> str:
    """The 主管部门 every project scored names, when there is one: the report is its own."""
    departments = summary.departments
    return departments[0].name if len(departments) == 1 and not summary.unranked_departments else ""


def _set_named(s: SetSummary) -> str:
    return f"{s.set_name}（{s.set_id} {s.version_shown}）"


def _sentence(line: str) -> str:
    return line if line.endswith("。") else line + "。"


def _table(document: WordDocument, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A table of cells as every batch output prints them (81.33, 80.00%, 2; amounts as 1200.00), numbers aligned right;
    a column empty in every row left out (no unit named anywhere, no share of the budget)."""
    amounts = {n for n, h in enumerate(header) if h.startswith("预算数合计")}
    texts = [[money(c) if n in amounts and isinstance(c, Decimal) else cell_text(c) for n, c in enumerate(row)]
             for row in rows]
    keep = [n for n in range(len(header)) if not rows or any(row[n] for row in texts)]
    document.table([header[n] for n in keep], [[row[n] for n in keep] for row in texts],
                   right=[i for i, n in enumerate(keep) if header[n] in _NUMBERS or n in amounts])


def _indicators(document: WordDocument, s: SetSummary, of: str) -> None:
    """The 一级 indicators' means in the set's order, then the scored indicators (those with no indicator below them)
    that lost points, lowest mean 得分率 first: where points are lost."""
    header, rows = indicator_rows(s, ordered=False)
    below = [n + 1 < len(s.indicators) and s.indicators[n + 1].level > i.level for n, i in enumerate(s.indicators)]
    document.paragraph(f"{of}一级指标得分情况：")
    _table(document, (header[1], *header[3:]), [[row[1], *row[3:]] for row in rows if row[2] == 1])
    scored = [row for row, parent in zip(rows, below, strict=True)
              if not parent and row[2] != 1 and row[4] is not None and row[4].value < 1]
    lowest = sorted(scored, key=lambda row: row[4].value)[:SHOWN_INDICATORS]
    if lowest:
        named = "、".join(f"{row[1]}（{cell_text(row[4])}）" for row in lowest[:3])
        document.paragraph(f"{of}末级指标中平均得分率最低的是{named}，是失分较多的方面（下表按平均得分率从低到高列出得分率"
                           f"低于100%的末级指标，最多{SHOWN_INDICATORS}项）：")
        _table(document, header[1:], [row[1:] for row in lowest])
        if any(row[3] == "—" for row in lowest):
            document.paragraph(VARIED_WEIGHT + "。", "Note")
    if s.categories:
        document.paragraph(f"{of}绩效目标表各行按二级指标类别：")
        _table(document, CATEGORY_HEADER, [category_cells(c) for c in s.categories])


def _placed_cells(p: Placed) -> list[Any]:
    return [p.rank, p.index + 1, p.name, p.unit, Score(p.total, p.places), p.max_total,
            Rate(cut_rate(p.total / p.max_total)) if p.max_total else None, p.grade]
