"""The batch as one self-contained HTML page: figures, charts, rankings, 结果应用, and the projects to explain or in error.

Like the single report it has no script and loads nothing: its Content
Security Policy is the same (everything forbidden but its own stylesheet, by
hash). The lists are written from the rows kept on disk, one row at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as _markup
from functools import lru_cache
from pathlib import Path
from typing import IO

from .._arith import cut_percent, cut_rate, money, plain
from .._text import html_escape as escape  # names, units, sources, reasons: hidden characters shown as escapes (QA176 F2)
from .._text import path_shown, visible
from .._version import __version__
from ..batch.compare import RECHECK, RECHECK_UNSCORED
from ..batch.consequences import BATCH, DEPARTMENT, UNIT
from ..batch.kept import temporary_file_error
from ..batch.ranking import spellings_note
from ..batch.rows import ProjectRow
from ..batch.funds import below_label
from ..batch.summary import Placed, Ranked, SetSummary, Summary
from .batch_charts import grade_chart, histogram_chart, rate_chart, rate_note
from .batch_output import BatchOutput
from .batch_said import SAID, said_rows
from .batch_consequences import CONSEQUENCES, consequence_rows
from .batch_tables import (SAME_SET, CATEGORY_HEADER, DUPLICATES_HEADER, DUPLICATES_TITLE, EXPLAIN, FORM_TOTALS,
                           FORM_TOTALS_DIFFER, MIXED_YEARS,
                           PROBLEMS, RANKED_BY, RANKED_NOTE, UNMATCHED_HEADER, UNMATCHED_TITLE, Rate, Score, category_cells,
                           cell_text, compared_row, compared_table, duplicate_rows,
                           explain_rows, grade_funds_cells, grade_funds_header, problem_rows, ranking_cells, ranking_header,
                           rankings, tie_note, unmatched_cells, unread_note, unscored_note)
from ._page import BASE_CSS
from ._page import head as page_head


__all__ = ["BatchPage", "SELF_EVALUATION_TITLE", "TITLE", "title"]

TITLE = "项目支出绩效评价汇总"
#: The title of a batch whose every set is a self-evaluation set (its name says 自评): the 单位自评 of a year.
SELF_EVALUATION_TITLE = "项目支出绩效自评汇总"


def title(summary: Summary) -> str:
    return SELF_EVALUATION_TITLE if summary.sets and all("自评" in s.set_name for s in summary.sets) else TITLE

_CSS = (BASE_CSS + """
h3 { font-size: 15px; margin: 18px 0 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.figures > div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 18px; text-align: center; min-width: 110px; }
.figures .label { display: block; color: var(--muted); font-size: 13px; }
.figures .value { font-size: 26px; font-weight: bold; }
.figures .alert .value { color: var(--warn); }
svg { display: block; max-width: 100%; height: auto; font-family: inherit; margin: 6px 0 14px; }
svg text { fill: var(--ink); }
svg.piece { margin-bottom: 0; }
svg.piece + svg.piece { margin-top: 0; }
p.note .low { color: #b5542a; font-weight: bold; }
table { width: 100%; border-collapse: collapse; font-size: 13px; margin: 6px 0 14px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
thead th { background: var(--shade); min-width: 4em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.source { color: var(--muted); word-break: break-all; min-width: 10em; }
td.name { min-width: 7em; }
p.note { color: var(--muted); }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2, h3 { break-after: avoid; }
  tr, svg { break-inside: avoid; }
  thead { display: table-header-group; }
}
""").strip()


class BatchPage(BatchOutput):
    """Writes the page once the batch is done, from the summary and the rows kept on disk."""

    def __init__(self, path: Path, against: str | None):
        super().__init__(path, against)
        self.explained = self.failed = self.compared = self.said = 0
        self.waiting: IO[bytes] | None = None
        self.saying: IO[bytes] | None = None  # the first SHOWN_SAID 提示 of the scored projects, listed last
        self.comparing: IO[bytes] | None = None  # the table of comparisons, when there is one: it follows 需说明
        self.workbook: str | None = None  # the name of the workbook the same run writes, which lists every 提示

    def start(self, summary: Summary) -> None:
        try:
            self._start(summary)
        except OSError as err:  # the lists in waiting, in the temporary folder (the page's own writes say theirs)
            raise temporary_file_error(err) from None

    def kept(self, row: ProjectRow) -> None:
        try:
            self._kept(row)
        except OSError as err:
            raise temporary_file_error(err) from None

    def finish(self, summary: Summary) -> None:
        try:
            self._finish(summary)
        except OSError as err:
            raise temporary_file_error(err) from None

    def _start(self, summary: Summary) -> None:
        import tempfile

        write = self.output.write
        shown = title(summary)
        write((page_head(shown, _CSS, f"scoring-engine {__version__}") + f"<body>\n<main>\n<h1>{shown}</h1>\n").encode())
        write(_figures(summary).encode())
        for s in summary.sets:
            write(_set_section(s).encode())
        write(_rankings(summary).encode())
        if summary.consequences:
            write(_consequences(summary).encode())
        write(_list_head("explain", "需说明的项目", EXPLAIN.header))
        # the projects in error are listed after the projects to explain, from the same read of the rows: they wait here
        self.waiting = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish, commit or discard
        self.saying = tempfile.TemporaryFile()  # noqa: SIM115 - closed as the other
        if self.against:
            self.comparing = tempfile.TemporaryFile()  # noqa: SIM115 - closed as the other

    def _kept(self, row: ProjectRow) -> None:
        assert self.waiting is not None
        if row.ok and not row.batch:
            for cells in explain_rows(row):
                self.explained += 1
                self.output.write(_list_row(EXPLAIN.header, cells))
            if self.comparing is not None and self.against:
                self.compared += 1
                self.comparing.write(_list_row(compared_table(self.against).header, compared_row(row, self.against)))
        for cells in problem_rows(row):
            self.failed += 1
            self.waiting.write(_list_row(PROBLEMS.header, cells))
        if row.ok and not row.batch and row.said and self.saying is not None:  # (QA79 F2: said as a count only)
            if self.said < SHOWN_SAID:  # (past them, only counted: a warning's words cost their translation)
                for cells in said_rows(row)[:SHOWN_SAID - self.said]:
                    self.saying.write(_list_row(SAID.header, cells))
            self.said += len(row.said)

    def _finish(self, summary: Summary) -> None:
        assert self.waiting is not None
        write = self.output.write
        write(_list_end(self.explained))
        if self.comparing is not None and self.against:
            who = "复核" if self.against == RECHECK else self.against
            write(_list_head("compared", f"与{who}对比", compared_table(self.against).header))
            _copy(self.comparing, write)
            write(_list_end(self.compared))
        write(_list_head("problems", "评分失败的项目", PROBLEMS.header))
        _copy(self.waiting, write)
        write(_list_end(self.failed))
        if self.said and self.saying is not None:
            write(_list_head("said", "提示", SAID.header))
            _copy(self.saying, write)
            write(b"</tbody>\n</table>\n" + (_more_said(self.said - SHOWN_SAID, self.workbook).encode()
                                                if self.said > SHOWN_SAID else b"") + b"</section>\n")
        self.close()
        write(f'<footer id="provenance">scoring-engine {escape(__version__)}</footer>\n</main>\n</body>\n</html>\n'.encode())

    def close(self) -> None:
        for waiting in (self.waiting, self.comparing, self.saying):
            if waiting is not None:
                waiting.close()
        self.waiting = self.comparing = self.saying = None



#: 提示 listed on the page (the workbook's 提示 sheet holds them all).
SHOWN_SAID = 200


def _more_said(left: int, workbook: str | None) -> str:
    """Under the 提示 listed: how many more there are, and where they all are: the workbook written beside the page, or
    how to write one (QA316 F4: the page sent the reader to a workbook no run had written)."""
    where = (f"，见工作簿 {escape(workbook)} 的“提示”表" if workbook else
             "未列出；加 --output 文件名.xlsx 再次运行，可在工作簿的“提示”表中看到全部")
    return f'<p class="note">另有{left}条提示{where}。</p>\n'


def _copy(waiting: IO[bytes], write: Callable[[bytes], object]) -> None:
    waiting.seek(0)
    while block := waiting.read(1 << 20):
        write(block)


def _list_head(anchor: str, title: str, header: tuple[str, ...]) -> bytes:
    head = "".join(f'<th class="num">{h}</th>' if _numeric(h) else f"<th>{h}</th>" for h in header)
    return (f'<section id="{anchor}">\n<h2>{title}</h2>\n<table class="{anchor}">\n'
            f'<thead><tr>{head}</tr></thead>\n<tbody>\n').encode()


def _list_row(header: tuple[str, ...], cells: list[object]) -> bytes:
    return ("<tr>" + "".join(cell(c) for cell, c in zip(_cells(header), cells, strict=True)) + "</tr>\n").encode()


#: Under a table with no rows.
NONE = '<p class="note">无。</p>\n'


def _list_end(count: int) -> bytes:
    return b"</tbody>\n</table>\n" + (NONE.encode() if not count else b"") + b"</section>\n"


def _numeric(header: str) -> bool:
    return header in ("序号", "总分差") or header.endswith("总分")  # 复核总分, or the other set's


@lru_cache(maxsize=16)  # a few tables, each with its header
def _cells(header: tuple[str, ...]) -> tuple[Callable[[object], str], ...]:
    """How each column's cells are written: numbers to the right, the source as a path, text with its line breaks."""
    return tuple(_number_cell if _numeric(h) else _source_cell if h == "来源" else _name_cell if h in NAMES else _text_cell
                 for h in header)


def _number_cell(cell: object) -> str:
    return f'<td class="num">{escape(cell_text(cell))}</td>'


def _source_cell(cell: object) -> str:
    return f'<td class="source">{escape(cell_text(cell))}</td>'


def _text_cell(cell: object, opening: str = "<td>") -> str:
    text = visible(cell_text(cell))  # every kind of line break a "\n", each shown as <br>
    return opening + ("<br>".join(_markup(line) for line in text.split("\n")) if "\n" in text else _markup(text)) + "</td>"


#: The columns that name a project, a unit or a 主管部门: never narrower than a few characters, however long the text
#: beside them that takes the room (QA316 F2: 项目779859 wrapped in two beside a long 对比标记).
NAMES = frozenset({"项目名称", "实施单位", "主管部门", "名称"})


def _name_cell(cell: object) -> str:
    return _text_cell(cell, '<td class="name">')


def _figure(label: str, value: object, alert: bool = False) -> str:
    css = ' class="alert"' if alert else ""
    return f'<div{css}><span class="label">{label}</span><span class="value">{escape(str(value))}</span></div>'


def _figures(summary: Summary) -> str:
    parts = [_figure("输入文档", summary.documents), _figure("已评分", summary.scored),
             _figure("评分失败", summary.failed, summary.failed > 0), _figure("需说明", summary.flagged, summary.flagged > 0)]
    if summary.against:
        who = "复核" if summary.against == RECHECK else summary.against
        parts += [_figure(f"已与{who}对比", summary.compared),
                  _figure("对比标记", summary.compare_flagged, summary.compare_flagged > 0)]
        if summary.mean_difference is not None:
            parts.append(_figure("平均总分差", summary.mean_difference))
        if summary.other_failed:  # as the terminal and 统计 word them (QA175 F1)
            parts.append(_figure(f"{who}评分失败", summary.other_failed, True))
        if summary.other_set:
            parts.append(_figure("复核所用指标体系不同、未比较", summary.other_set, True))
        if summary.same_set:
            parts.append(_figure(SAME_SET, summary.same_set, True))
        if summary.against == RECHECK and summary.unmatched:
            parts.append(_figure("复核中未找到对应项目", summary.unmatched, True))
        if summary.recheck_unscored:
            parts.append(_figure(RECHECK_UNSCORED, summary.recheck_unscored, True))
    for f in summary.funds:  # one group for each unit the sets declare: amounts of two units are not added
        unit = f.unit or ""
        named = f"{unit or '未注明金额单位'}，" if len(summary.funds) > 1 else ""
        if f.budgeted:
            parts.append(_figure(f"预算数合计（{named}{f.budgeted}个项目）", f"{money(f.budget)}{unit}"))
        if f.budgeted and f.paid_count and f.rate is not None:
            apart = f"，其预算数{money(f.budget_of_paid)}{unit}" if f.paid_count < f.budgeted else ""
            parts += [_figure(f"执行数合计（{named}{f.paid_count}个项目{apart}）", f"{money(f.paid)}{unit}"),
                      _figure(f"总体预算执行率（{named}执行数合计÷其预算数合计）", cut_percent(f.rate))]
        if f.rated:
            parts.append(_figure(below_label(f, named), f.below, f.below > 0))
    if summary.form_totals:  # a self-score typed high is what a re-check looks for (QA237 4)
        parts += [_figure(FORM_TOTALS, summary.form_totals), _figure(FORM_TOTALS_DIFFER, summary.form_totals_differ,
                                                                     summary.form_totals_differ > 0)]
    if summary.duplicated:
        parts.append(_figure("项目编号重复", summary.duplicated, True))
    return f'<section id="figures">\n<div class="figures">{"".join(parts)}</div>\n</section>\n'


def _set_section(s: SetSummary) -> str:
    p, m = s.precision, s.mean_places
    figures = "".join(_figure(label, cell_text(Score(value, places))) for label, value, places in
                      (("平均分", s.mean, m), ("中位数", s.median, m), ("最高分", s.highest, p), ("最低分", s.lowest, p)))
    return (f'<section class="set" data-set="{escape(s.set_id)}">\n'
            f'<h2>{escape(s.set_name)}（{escape(s.set_id)} {escape(s.version_shown)}）：'
            f'{s.count}个项目</h2>\n{_set_sha256(s)}<div class="figures">{figures}</div>\n'
            f'<h3>等级分布</h3>\n{grade_chart(s)}\n{_grade_funds(s)}<h3>总分分布</h3>\n{histogram_chart(s)}\n'
            f'<h3>各指标平均得分率</h3>\n{rate_chart(s)}\n{_rate_note(s)}{_categories(s)}</section>\n')


def _rate_note(s: SetSummary) -> str:
    """What an orange bar of the 得分率 chart means, under the chart (QA316 F6)."""
    note = rate_note(s)
    return '<p class="note">' + note.replace("橙色", '<span class="low">橙色</span>', 1) + "</p>\n" if note else ""


def _set_sha256(s: SetSummary) -> str:
    """Which file scored, as a single report's 来源 names it (QA205 6)."""
    return f'<p class="provenance">指标体系 sha256 {escape(s.set_sha256)}</p>\n' if s.set_sha256 else ""


def _categories(s: SetSummary) -> str:
    """Each 二级 category of the projects' target rows: how many, how many reached, their mean 得分率."""
    if not s.categories:
        return ""
    head = "".join(f'<th class="num">{h}</th>' if i > 1 else f"<th>{h}</th>" for i, h in enumerate(CATEGORY_HEADER))
    body = "".join("<tr>" + "".join(f'<td class="num">{escape(cell_text(v))}</td>' if i > 1 else
                                    f"<td>{escape(cell_text(v))}</td>" for i, v in enumerate(category_cells(c))) + "</tr>\n"
                   for c in s.categories)
    return (f'<h3>各二级指标平均得分率</h3>\n<table class="categories"><thead><tr>{head}</tr></thead>\n<tbody>\n{body}'
            "</tbody></table>\n")


def _grade_funds(s: SetSummary) -> str:
    """The funds each grade concerns (涉及资金), where the set's projects give their 预算数."""
    if not s.budget:
        return ""
    header = ["等级", "项目数", *(h.text for h in grade_funds_header(s))]
    head = "".join(f'<th class="num">{h}</th>' if i else f"<th>{h}</th>" for i, h in enumerate(header))
    body = "".join(f"<tr><td>{escape(g.label)}</td><td class=\"num\">{g.count}</td><td class=\"num\">{budgeted}</td>"
                   f'<td class="num">{money(budget)}</td><td class="num">{escape(cell_text(share))}</td></tr>\n'
                   for g in s.grades for budgeted, budget, share in [grade_funds_cells(g, s)])
    return (f'<h3>各等级涉及资金</h3>\n<table class="grade-funds"><thead><tr>{head}</tr></thead>\n<tbody>\n{body}'
            "</tbody></table>\n")


def _rankings(summary: Summary) -> str:
    parts = ['<section id="ranking">\n<h2>排名</h2>\n']
    if len(summary.years) > 1:
        parts.append(f'<p class="note">{MIXED_YEARS}（{escape("、".join(summary.years))}）</p>\n')
    if summary.units or summary.departments:
        parts.append(f'<p class="note">{RANKED_NOTE}</p>\n')
    if summary.spellings:
        parts.append(f'<p class="note">{escape(spellings_note(summary.spellings))}</p>\n')
    for title, ranked, left_out, unread, unscored in rankings(summary):
        if ranked or unscored:
            parts.append(f"<h3>{title}（{RANKED_BY}）</h3>\n" + _ranked_table(title, ranked))
            if left_out:
                parts.append(f'<p class="note">{left_out}</p>\n')
            if unread:
                parts.append(f'<p class="note">{unread_note(title, unread)}</p>\n')
            if unscored:
                parts.append(f'<p class="note">{escape(unscored_note(title, unscored, ranked))}</p>\n')
    for title, placed, tied in (("得分最高的项目", summary.best, summary.best_tied),
                                ("得分最低的项目", summary.worst, summary.worst_tied)):
        parts.append(f"<h3>{title}</h3>\n" + _placed_table(placed))
        if tied:
            parts.append(f'<p class="note">{tie_note(placed, tied)}</p>\n')
    if summary.duplicates:
        head = "".join(f'<th class="num">{h}</th>' if h == "文档数" else f"<th>{h}</th>" for h in DUPLICATES_HEADER)
        body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if h == "文档数" else f"<td>{escape(cell_text(c))}</td>"
                                        for h, c in zip(DUPLICATES_HEADER, cells, strict=True)) + "</tr>\n"
                       for cells in duplicate_rows(summary))
        parts.append(f'<h3 id="duplicates">{DUPLICATES_TITLE}</h3>\n<table class="duplicates"><thead><tr>{head}</tr></thead>'
                     f'\n<tbody>\n{body}</tbody></table>\n')
    if summary.unmatched_shown:
        head = "".join(f"<th>{h}</th>" for h in UNMATCHED_HEADER)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in unmatched_cells(u)) + "</tr>\n"
                       for u in summary.unmatched_shown)
        parts.append(f'<h3 id="unmatched">{UNMATCHED_TITLE}</h3>\n<table class="unmatched"><thead><tr>{head}</tr></thead>'
                     f'\n<tbody>\n{body}</tbody></table>\n')
    parts.append("</section>\n")
    return "".join(parts)


def _consequences(summary: Summary) -> str:
    """结果应用: for the batch, each 主管部门 and each unit, the projects of each grade with a consequence and the budgets."""
    rows = consequence_rows(summary)
    numeric = {"项目数", "涉及预算（万元）", "按比例金额下限（万元）", "按比例金额上限（万元）"}
    parts = ['<section id="consequences">\n<h2>结果应用</h2>\n']
    for scope, title in ((BATCH, "全部项目"), (DEPARTMENT, "按主管部门"), (UNIT, "按实施单位")):
        skip = 2 if scope == BATCH else 1  # the scope is the table's title; the batch's rows have no name either
        header = CONSEQUENCES.header[skip:]
        head = "".join(f'<th class="num">{h}</th>' if h in numeric else f"<th>{h}</th>" for h in header)
        body = "".join("<tr>" + "".join(f'<td class="num">{escape(cell_text(c))}</td>' if h in numeric
                                        else _name_cell(c) if h in NAMES else f"<td>{escape(cell_text(c))}</td>"
                                        for h, c in zip(header, row[skip:], strict=True)) + "</tr>\n"
                       for row in rows if row[0] == scope)
        parts.append(f'<h3>{title}</h3>\n<table class="consequences"><thead><tr>{head}</tr></thead>'
                     f'\n<tbody>\n{body}</tbody></table>\n')
    parts.append("</section>\n")
    return "".join(parts)


def _ranked_table(title: str, ranked: tuple[Ranked, ...]) -> str:
    header = ranking_header(title)
    numeric = {"名次", "项目数", "平均分", "平均得分率", "需说明"}
    head = "".join(f'<th class="num">{h}</th>' if h in numeric else f"<th>{h}</th>" for h in header)
    rows = "".join("<tr>" + "".join(f'<td class="num">{escape(cell_text(c))}</td>' if h in numeric
                                    else _name_cell(c) if h in NAMES else _text_cell(c)
                                    for h, c in zip(header, ranking_cells(r, title), strict=True)) + "</tr>\n"
                   for r in ranked)
    return f'<table class="ranking"><thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody></table>\n' + _none(rows)


def _placed_table(placed: tuple[Placed, ...]) -> str:
    rows = "".join(f'<tr><td class="num">{p.rank}</td><td class="num">{p.index + 1}</td>{_name_cell(p.name)}{_name_cell(p.unit)}'
                   f'<td class="num">{cell_text(Score(p.total, p.places))}</td><td class="num">{plain(p.max_total)}</td>'
                   f'<td class="num">{cell_text(_placed_rate(p))}</td><td>{escape(p.grade)}</td>'
                   f'<td class="source">{escape(path_shown(p.source))}</td></tr>\n'
                   for p in placed)
    return ('<table class="placed"><thead><tr><th class="num">名次</th><th class="num">序号</th><th>项目名称</th>'
            '<th>实施单位</th><th class="num">总分</th><th class="num">满分</th><th class="num">得分率</th><th>等级</th>'
            '<th>来源</th></tr></thead>\n'
            f'<tbody>\n{rows}</tbody></table>\n') + _none(rows)


def _none(rows: str) -> str:
    """What a table with no rows says under its header, as 需说明的项目 does (a batch whose every project failed)."""
    return "" if rows else NONE


def _placed_rate(p: Placed) -> Rate | None:
    """The 得分率 a project is ranked by: its total ÷ its set's total."""
    return Rate(cut_rate(p.total / p.max_total)) if p.max_total else None

