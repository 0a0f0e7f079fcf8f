"""The score table (评分表) every report prints, built once from a Result.

One row per scored indicator with its 一级 / 二级 / 三级 names, weight (分值),
standard (评分标准), score (得分) and reason (扣分原因); a subtotal row after each
一级 indicator; a total row with the grade. Markdown, CSV, xlsx and HTML all
print these rows, so a reader of any of them sees the same numbers and reasons.
Numbers are the Result's own: nothing here recomputes a score.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from .._arith import ZERO, fixed, plain, round_half_up
from .._display import equals_text, show_value
from .._record import record
from ..result import DerivedValue, IndicatorResult, Result
from ..rules import Deduction
from .._patterns import compile_later

__all__ = [
    "Row",
    "ScoreTable",
    "score_table",
    "level_title",
    "reason_text",
    "derived_note",
    "losses",
    "project_items",
    "provenance",
    "provenance_line",
    "title",
]

_NUMERALS = "一二三四五六七八九十"

#: What the facts file's project keys are called in a report; other keys are shown as written.
PROJECT_LABELS = {
    "name": "项目名称",
    "id": "项目编号",  # as batch calls it (docs/batch.md); it was shown as 'id' (QA176 F4)
    "unit": "实施单位",
    "department": "主管部门",
    "year": "年度",
    "period": "评价期间",
    "kind": "评价类型",
    "type": "评价类型",
    "evaluator": "评价机构",
    "source": "资料来源",
    "published_result": "公布结果",
    "note": "备注",  # as the bundled sets' example facts write one (QA263 F7: shown as 'note')
    "remark": "备注",
    # the 自评表's own fields, as `import` names its cells (forms/layouts)
    "goal": "预期目标",
    "outcome": "实际完成情况",
    "conclusion": "评价结论",
    "problems": "存在问题",
    "measures": "改进措施",
}


def level_title(level: int) -> str:
    """The column title of indicator level `level` (1-based): 一级指标, 二级指标…"""
    return f"{_NUMERALS[level - 1] if level <= len(_NUMERALS) else level}级指标"


@record
class Row:
    """One line of the score table.

    kind is "indicator" (a scored indicator), "subtotal" (after each 一级 indicator
    that has children), "total" (the scores added up) or "capped" (the total a cap of the set took it to, after the
    total: the 合计 row stays the sum of the column). path holds the indicator and its
    ancestors, 一级 first; a subtotal's path is its 一级 indicator; the total's is empty.
    """

    kind: str
    path: tuple[IndicatorResult, ...]
    weight: Decimal
    score: Decimal
    standard: str = ""
    reason: str = ""


@record
class ScoreTable:
    """The rows, how many indicator levels they span, and how to show them as text."""

    rows: tuple[Row, ...]
    levels: int
    precision: int

    @property
    def header(self) -> tuple[str, ...]:
        return (*(level_title(i + 1) for i in range(self.levels)), "分值", "评分标准", "得分", "扣分原因")

    # Column indexes (0-based) of the columns after the level columns.
    @property
    def weight_column(self) -> int:
        return self.levels

    @property
    def standard_column(self) -> int:
        return self.levels + 1

    @property
    def score_column(self) -> int:
        return self.levels + 2

    @property
    def reason_column(self) -> int:
        return self.levels + 3

    def level_cells(self, row: Row) -> list[str]:
        """The names in the level columns: the indicator's path; 'X小计' or '合计' for the summary rows."""
        if row.kind == "subtotal":
            return [f"{row.path[0].name}小计"] + [""] * (self.levels - 1)
        if row.kind == "total":
            return ["合计"] + [""] * (self.levels - 1)
        if row.kind == "capped":
            return ["封顶后总分"] + [""] * (self.levels - 1)
        return [node.name for node in row.path] + [""] * (self.levels - len(row.path))

    def cells(self, row: Row) -> list[str]:
        """The row as text, one string per column of `header`."""
        return [*self.level_cells(row), plain(row.weight), row.standard, fixed(row.score, self.precision), row.reason]

    def groups(self, level: int) -> Iterator[tuple[int, int]]:
        """Runs (first, last) of row indexes whose level-`level` (1-based) cell holds the same indicator.

        These are the cells a hand-made table merges; runs of one row are included.
        """
        keyed = [(i, row.path[level - 1].id if row.kind == "indicator" and len(row.path) >= level else None)
                 for i, row in enumerate(self.rows)]
        for key, run in itertools.groupby(keyed, key=lambda pair: pair[1]):
            indexes = [i for i, _ in run]
            if key is not None:
                yield indexes[0], indexes[-1]


    def continued(self) -> set[tuple[int, int]]:
        """(row, level column) of each name cell that repeats the one above it: blank in Markdown, merged in xlsx and HTML."""
        return {(i, level - 1) for level in range(1, self.levels + 1)
                for first, last in self.groups(level) for i in range(first + 1, last + 1)}


def score_table(result: Result) -> ScoreTable:
    """The 评分表 rows of `result`: every scored indicator, a subtotal per 一级, the total with the grade."""
    rows: list[Row] = []
    for top in result.indicators:
        for path in top.paths():
            node = path[-1]
            if not node.children:
                rows.append(Row("indicator", path, node.weight, node.score, node.standard or "", reason_text(node)))
        if top.children:
            rows.append(Row("subtotal", (top,), top.weight, top.score))
    consequence = f"（结果应用：{result.grade_consequence}）" if result.grade_consequence else ""
    graded = f"等级：{result.grade}{consequence}"
    summed = sum((top.score for top in result.indicators), ZERO)
    if summed == result.total:
        rows.append(Row("total", (), result.max_total, result.total, "", graded))
    else:  # a cap took the total below the scores' sum: 合计 stays what the column adds up to (QA253 F2)
        capped = "；".join(w.zh or w.message for w in result.warnings if w.kind == "cap")
        rows.append(Row("total", (), result.max_total, summed, "", "各项得分合计"))
        rows.append(Row("capped", (), result.max_total, result.total, "", f"{graded}；{capped}" if capped else graded))
    levels = max(len(r.path) for r in rows)
    return ScoreTable(tuple(rows), levels, result.precision)


def reason_text(node: IndicatorResult) -> str:
    """The reason, followed by each deduction the reason does not already name (the findings behind '发现2处问题')."""
    missing = [d for d in node.deductions if not _named(node, d)]
    if not missing:
        return node.reason
    return node.reason + "：" + "；".join(deducted(d) for d in missing)


#: Kinds whose one deduction is the reduction the rule computes (a linear shortfall, 偏离度调减), with no finding or element
#: behind it: a reason that states its points names it, however the set's template words the rest.
_OWN_REDUCTION = frozenset({"linear", "proportional"})


def _named(node: IndicatorResult, d: Deduction) -> bool:
    """Whether the reason names deduction `d` already: its text, or, a rule's own reduction, its points ('应扣6分' needs no
    '：差25（扣6分）' after it, QA118 F4)."""
    if d.reason in node.reason:
        return True
    if node.kind not in _OWN_REDUCTION:
        return False
    # said with the decimals that make units × points hold (扣1.825分 of the 扣1.8分 settled at precision 1: QA271 F2)
    places = max(-int(d.points.as_tuple().exponent), 0)
    return any(round_half_up(Decimal(said), places) == d.points for said in _REDUCTION.findall(node.reason))


_REDUCTION = compile_later(r"(?:扣|调减)(\d+(?:\.\d+)?)分")


def deducted(d: Deduction) -> str:
    """A deduction as a report lists it: '2笔支出未附发票（扣2分）'; one past the points left, '（已扣完，不再扣分）', not
    '（扣0分）', which reads as no problem at all (QA36 F4)."""
    return f"{d.reason}（扣{plain(d.points)}分）" if d.points else f"{d.reason}（分值已扣完，不再扣分）"


def losses(result: Result) -> list[tuple[tuple[IndicatorResult, ...], Decimal, list[str]]]:
    """Each scored indicator that lost points: its path (一级 first), the points lost, why (each deduction, or the reason)."""
    found = []
    for path in result.paths():
        node = path[-1]
        if node.children or node.score >= node.weight:
            continue
        why = [deducted(d) for d in node.deductions] or [node.reason]
        # points lost on a rescaled weight: the reason says how they were scaled (QA36 F3); a rule's own reduction
        # that its reason names: the reason says why, where its deduction says only '差25' (QA118 F4)
        own = node.kind in _OWN_REDUCTION and all(_named(node, d) for d in node.deductions)
        # a checklist whose elements rounded up gave back part of what it lost: the reason says how much (QA162 F2)
        gave = node.kind == "checklist" and sum((d.points for d in node.deductions), ZERO) != node.weight - node.score
        if "rescaled" in node.details or own or gave:
            why = [reason_text(node)]
        found.append((path, node.weight - node.score, why))
    return found


def project_items(result: Result) -> list[tuple[str, str]]:
    """The project's details from the facts file as (label, text), known keys in Chinese."""
    return [(PROJECT_LABELS.get(key, str(key)), show_value(value)) for key, value in result.project.items()]


def derived_note(d: DerivedValue) -> str:
    """What follows a derived value's formula when the report's own value was scored instead of the formula's (`used`):
    the formula's value and the fact scored, as `explain` shows them, for the formula alone would read as giving the
    report's value (' ≈ 0.981114（按公式）；评分采用报告的值 report.execution_rate = 0.8875', QA118 F2). Else ''."""
    if d.used is None or d.error is not None:
        return ""
    return f" {equals_text(show_value(d.stated))}（按公式）；评分采用报告的值 {d.used} = {show_value(d.value)}"


def title(result: Result) -> str:
    """The report's title: the project's name, else the indicator set's."""
    name = result.project.get("name")
    return f"{show_value(name)}绩效评价评分表" if name else f"{result.indicator_set.name}评分表"


def provenance(result: Result) -> list[tuple[str, str]]:
    """Where the numbers come from: the set (id, version, sha256), the facts (sha256), the engine."""
    s = result.indicator_set
    return [
        ("指标体系", f"{s.name}（{s.id} {s.version}）"),
        ("指标体系 sha256", s.sha256),
        ("事实 sha256", result.facts_sha256),
        ("评分引擎", f"scoring-engine {result.engine_version}"),
    ]


def provenance_line(result: Result) -> str:
    """The provenance on one line."""
    s = result.indicator_set
    return (f"指标体系 {s.id} {s.version}（sha256 {s.sha256}）；事实 sha256 {result.facts_sha256}；"
            f"scoring-engine {result.engine_version}")
