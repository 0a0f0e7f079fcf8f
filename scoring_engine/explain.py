"""Explain one indicator's score: its whole story, told from the Result's audit trail.

The standard (评分标准), the facts read with their values and units, each derived
value with its formula and the numbers substituted, the steps of the rule (rate,
matched band or tier, elements, deductions: each kind's module tells its own,
through rules.RULE_KINDS), the raw score, clamping and
rounding, and how the score adds into its parent and the total. Every number
comes from the Result; nothing is scored again. `Result.explain(id)` and
`scoring-engine explain FACTS --indicator ID` both end here.

This module reads a result through the `Scored` protocol and the records of
`audit`, never through result.py, which imports it for `Result.explain`: the
import graph has no cycle.
"""

from __future__ import annotations

import io
import itertools
import tokenize
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Protocol

from ._arith import ZERO, fixed, in_engine_context, percent, plain
from ._indicator_names import close_to, named
from ._display import converted_lines, equals_text, rounding_chain, row_amount, show_number, show_value, show_written
from ._record import record
from ._text import one_line
from .audit import DerivedValue, FactValue, IndicatorResult, SetInfo
from .errors import Problem, UnknownIndicatorError
from .judgements import TargetRow
from .rules import RULE_KINDS

__all__ = ["Explanation", "Scored", "UnknownIndicatorError", "explain", "indicator_path"]


class Scored(Protocol):
    """What explain reads of a result.Result."""

    @property
    def indicator_set(self) -> SetInfo: ...

    @property
    def precision(self) -> int: ...

    @property
    def total(self) -> Decimal: ...

    @property
    def max_total(self) -> Decimal: ...

    @property
    def grade(self) -> str: ...

    @property
    def indicators(self) -> tuple[IndicatorResult, ...]: ...

    @property
    def facts(self) -> tuple[FactValue, ...]: ...

    @property
    def derived(self) -> tuple[DerivedValue, ...]: ...

    @property
    def facts_not_given(self) -> tuple[FactValue, ...]: ...

    @property
    def warnings(self) -> tuple[Any, ...]: ...  # result.ScoreWarning: its kind, and its text in Chinese

    def paths(self) -> Iterator[tuple[IndicatorResult, ...]]: ...


@record
class Explanation:
    """One indicator's story as titled sections of lines; str() gives the text `scoring-engine explain` prints."""

    indicator: IndicatorResult
    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]

    def __str__(self) -> str:
        out = [self.title, "=" * 40]
        for heading, lines in self.sections:
            out.append("")
            out.append(f"【{heading}】")
            out.extend(f"  {line}" for line in lines)
        return "\n".join(out) + "\n"


@in_engine_context
def explain(result: Scored, indicator_id: str) -> Explanation:
    """The story of indicator `indicator_id` (an id, or a name that only one indicator has) in `result`."""
    path = indicator_path(result, indicator_id)
    node = path[-1]
    story = _Story(result, node)
    sections: list[tuple[str, tuple[str, ...]]] = [
        ("概况", (f"位置：{' › '.join(n.name for n in path)}",
                 f"分值 {plain(node.weight)}，得分 {fixed(node.score, result.precision)}" + _declared(node),
                 f"得分说明：{node.reason}" if node.reason else "得分说明：（无）")),
        ("评分标准", (node.standard or "（指标体系未写评分标准）",)),
    ]
    if node.not_applicable is not None:
        sections.append(("不适用", (f"事实文件注明不适用：{node.not_applicable}", node.reason)))
    if node.children:
        sections.append(("下级指标", story.children()))
    elif node.kind is not None and node.not_applicable is None:
        sections.append(("规则", story.rule()))
        sections.append(("读取的事实", story.facts(_target_row_of(result, path))))
        derived = story.derived()
        if derived:
            sections.append(("计算值", derived))
        sections.append(("计算过程", story.steps()))
        sections.append(("扣分", story.deductions()))
        sections.append(("原始得分、截取与舍入", story.rounding()))
        read = set(story._read())  # what scoring warned of the facts it read: a finding that may be several (QA295 F3)
        warned = tuple(w.text("zh") for w in result.warnings if getattr(w, "fact", None) in read)
        if warned:
            sections.append(("提示", warned))
    sections.append(("计入上级", _adds_into(result, path)))
    # text of the facts and the set (a finding, a reason, a standard, a name) stays on its line: a line break in it
    # would print as a line of its own, a forged section (QA176 F1); the table view shows it as a space as well
    told = tuple((heading, tuple(one_line(line) for line in lines)) for heading, lines in sections)
    return Explanation(node, one_line(f"{node.name}（{node.id}）"), told)


# ---------------------------------------------------------------- finding the indicator


def indicator_path(result: Scored, indicator_id: str, option: str = "-i ") -> tuple[IndicatorResult, ...]:
    """The indicator `indicator_id` (an id, or a name that only one indicator has) with its ancestors; else
    UnknownIndicatorError with a did-you-mean. `option` is how the id is given (the command line's -i)."""
    if not isinstance(indicator_id, str):
        raise TypeError(f"an indicator is given by its id or name (text), not {type(indicator_id).__name__}")
    paths = {path[-1].id: path for path in result.paths()}
    if indicator_id not in paths:
        found = named(indicator_id, {i: path[-1].name for i, path in paths.items()}, option)
        if found is None:
            raise _unknown(result, indicator_id, paths)
        indicator_id = found
    return paths[indicator_id]


def _unknown(result: Scored, wanted: str, paths: Mapping[str, tuple[IndicatorResult, ...]]) -> UnknownIndicatorError:
    hint = close_to(wanted, {i: path[-1].name for i, path in paths.items()})
    if hint is None:
        hint = "the indicators are: " + ", ".join(list(paths)[:12]) + ("…" if len(paths) > 12 else "")
    message = f"no such indicator in set {result.indicator_set.id}"
    return UnknownIndicatorError(Problem(message, indicator=wanted, hint=hint))


def _target_row_of(result: Scored, path: tuple[IndicatorResult, ...]) -> tuple[str, TargetRow] | None:
    """A row group's row that the indicator at the end of `path` scores: '产出指标（绩效目标表）（targets.output）第1行
    “新建供水管网长度”：' and the row (its unit), found by the id the engine gives it (group id . row id or number)."""
    if len(path) < 2 or not any(name.split(".")[0] == "row" for name in path[-1].inputs):
        return None
    group, node = path[-2].id, path[-1]
    found = [(f"{f.label}（{f.name}）" if f.label else f.name, i, row) for f in result.facts if isinstance(f.value, tuple)
             for i, row in enumerate(f.value) if isinstance(row, TargetRow) and row.name == node.name
             and node.id == f"{group}.{row.id or i + 1}"]
    if len(found) != 1:
        return None
    fact, i, row = found[0]
    return f"{fact}第{i + 1}行“{row.name}”：", row


def _declared(node: IndicatorResult) -> str:
    if node.declared_weight is not None and node.declared_weight != node.weight:
        return f"（设定分值 {plain(node.declared_weight)}，因有指标不适用调整为 {plain(node.weight)}）"
    return ""


# ---------------------------------------------------------------- the story of a leaf


class _Story:
    """What one indicator read and did, from the Result."""

    def __init__(self, result: Scored, node: IndicatorResult, kind: str | None = None, spec: Mapping[str, Any] | None = None,
                 details: Mapping[str, Any] | None = None):
        self.result = result
        self.node = node
        self.kind = kind if kind is not None else node.kind or ""
        self.spec: Mapping[str, Any] = spec if spec is not None else node.rule or {}
        self.details: Mapping[str, Any] = details if details is not None else node.details
        # the rule scores on the declared weight; a rescaled one (不适用 elsewhere) is scaled after (QA36 F1)
        self.weight = node.declared_weight if node.declared_weight is not None else node.weight
        self.raw_score = node.raw_score
        self.known: dict[str, FactValue] = {f.name: f for f in result.facts}
        self.derived_values: dict[str, DerivedValue] = {d.name: d for d in result.derived}
        self.values: dict[str, Any] = {f.name: f.value for f in result.facts}
        self.values.update({d.name: d.value for d in result.derived if d.error is None})
        self.values.update(node.inputs)
        self.values.setdefault("weight", self.weight)
        self.handed: set[str] = set()  # detail keys a variant's story tells

    def variant(self, spec: Mapping[str, Any], details: Mapping[str, Any]) -> _Story:
        """The story of the rule `spec` inside this one (a switch's chosen variant), which tells `details` but those this
        story's steps show."""
        self.handed.update(details)
        inner = _Story(self.result, self.node, str(spec.get("kind", "")), spec, details)
        kind = RULE_KINDS.get(self.kind)
        inner.handed.update(kind.shown if kind else ())
        return inner

    def tell(self) -> list[str]:
        """The kind's steps, then each detail they do not show, as it is."""
        kind = RULE_KINDS.get(self.kind)
        lines = kind.steps(self) if kind else []
        shown = kind.shown if kind else frozenset()
        untold = [key for key in self.details if key not in shown and key not in self.handed and key not in _ENGINE_KEYS]
        return lines + [f"{key}：{_detail(self.details[key])}" for key in untold]

    def value(self, name: str) -> Any:
        return self.values.get(name)

    # -- names and values

    def _expressions(self) -> list[str]:
        """Every formula written in the rule (value, target, rate, findings, met, parts' scores…)."""
        found: list[str] = []

        def visit(value: Any, key: str | None) -> None:
            if isinstance(value, Mapping):
                for k, v in value.items():
                    visit(v, k)
            elif isinstance(value, (list, tuple)):  # a rule as written holds tuples (frozen_data)
                for v in value:
                    visit(v, key)
            elif key in _FORMULA_KEYS and isinstance(value, (str, int, float, Decimal)) and not isinstance(value, bool):
                found.append(str(value))

        visit(self.spec, None)
        return found

    def _read(self) -> list[str]:
        """Names the rule reads directly, then the facts behind each derived value, in order, without repeats."""
        names: dict[str, None] = {}
        direct = itertools.chain.from_iterable(_names(e) for e in self._expressions())
        pending: list[Iterator[str]] = [itertools.chain(direct, self.node.inputs)]  # a stack, not recursion: chains are deep
        while pending:
            name = next(pending[-1], None)
            if name is None:
                pending.pop()
            elif name not in names and name != "weight":
                names[name] = None
                derived = self.derived_values.get(name)
                if derived is not None:
                    pending.append(iter(_names(derived.expression)))
        return list(names)

    def sub(self, expression: str) -> str:
        """The expression with each name it reads replaced by its value (only those values are written out, not all)."""
        return _substitute(expression, _Written(self.values))

    def title(self, expression: str) -> str:
        fact = self.known.get(expression.strip())
        return f"{fact.label}（{fact.name}）" if fact is not None and fact.label else expression

    # -- sections

    def rule(self) -> tuple[str, ...]:
        kind = RULE_KINDS.get(self.kind)
        written = "，".join(f"{k}: {show_written(v)}" for k, v in self.spec.items() if k != "kind")
        named = f"{kind.chinese_name if kind else self.kind}（kind: {self.kind}）"
        return (named, f"规则原文：{written}" if written else "规则原文：（无参数）")

    def facts(self, row: tuple[str, TargetRow] | None = None) -> tuple[str, ...]:
        """Each fact read with its label and value in its unit; a target row's fields under the row they are of."""
        lines = []
        not_given = {f.name: f.label for f in self.result.facts_not_given}
        for name in self._read():
            if name in self.derived_values:
                continue
            fact = self.known.get(name)
            if fact is not None:
                label = f"{fact.label}（{name}）" if fact.label else name
                lines.append(f"{label} = {show_value(fact.value, fact.unit)}")
            elif row is not None and name.split(".")[0] == "row" and name in self.node.inputs:
                if row[0] not in lines:  # the row's fact and name once (QA170 F8: 'row.actual = 10', no label nor unit)
                    lines.append(row[0])
                value = self.node.inputs[name]
                shown = row_amount(value, row[1].unit) if name in ("row.actual", "row.target") else show_value(value)
                lines.append(f"  {name} = {shown}")
            elif name in self.node.inputs:
                lines.append(f"{name} = {show_value(self.node.inputs[name])}")
            else:
                named = not_given.get(name)
                lines.append(f"{named}（{name}）：未提供" if named else f"{name}：未提供")
        return tuple(lines) or ("（不直接读取事实）",)

    def derived(self) -> tuple[str, ...]:
        lines = []
        for name in self._read():
            d = self.derived_values.get(name)
            if d is None:
                continue
            label = f"{d.label}（{d.name}）" if d.label else d.name
            if d.error is not None:
                lines.append(f"{label} = {d.expression}：无法计算（{d.error}）")
                continue
            lines.append(f"{label} = {d.expression}")
            lines.append(f"    = {self.sub(d.expression)}")
            if d.used is not None:  # the report used its own value: the formula's is shown beside it
                lines.append(f"    {equals_text(show_value(d.stated))}（按公式）")
                lines.append(f"    评分采用报告的值 {d.used} = {show_value(d.value)}")
            else:
                lines.append(f"    {equals_text(show_value(d.value))}")
        return tuple(lines)

    def steps(self) -> tuple[str, ...]:
        return tuple(self.tell()) or ("（无中间值）",)

    def deductions(self) -> tuple[str, ...]:
        if not self.node.deductions:
            return ("无扣分项",)
        return tuple(f"扣{plain(d.points)}分：{d.reason}" if d.points else f"分值已扣完，不再扣分：{d.reason}"
                     for d in self.node.deductions)

    def rounding(self) -> tuple[str, ...]:
        n, p = self.node, self.result.precision
        if n.raw_score is None:
            return (f"得分 {fixed(n.score, p)}",)
        lines = [f"原始得分 {show_number(n.raw_score)}"]
        rescaled = n.details.get("rescaled")
        if isinstance(rescaled, Mapping):  # not applicable: rescale: the rule scored and was clamped out of the declared
            declared = rescaled["declared_weight"]  # weight, then converted (QA209 1, QA339 F1)
            before = min(max(n.raw_score, ZERO), declared)  # as the engine rescales it: the score before rounding
            lines.append(f"超出 0–{plain(declared)} 的范围，截取为 {show_number(before)}（见提示）" if n.clamped
                         else f"在 0–{plain(declared)} 之内，无需截取")
            return (*lines, *converted_lines(n.details, n.score, p))
        elif n.clamped:
            lines.append(f"超出 0–{plain(n.weight)} 的范围，截取到该范围内（见提示）")
        else:
            lines.append(f"在 0–{plain(n.weight)} 之内，无需截取")
        chain = n.details.get("staged_rounding")
        if chain:  # the set rounds in stages: 1.7945 → 1.795 → 1.80
            lines.append(f"逐级四舍五入：{rounding_chain(chain)}")
        else:
            lines.append(f"四舍五入保留{p}位小数：{fixed(n.score, p)}")
        return tuple(lines)

    def children(self) -> tuple[str, ...]:
        p = self.result.precision
        lines = [f"{c.name}（{c.id}）：{fixed(c.score, p)} / {plain(c.weight)}" for c in self.node.children]
        lines.append(f"合计 = {' + '.join(fixed(c.score, p) for c in self.node.children)} = {fixed(self.node.score, p)}")
        return tuple(lines)

    # -- helpers for the kinds' steps (the rules.Story protocol)

    def value_line(self, key: str, what: str) -> str:
        """'实际值 value = <expr> = <numbers> = <result>' for formula `key` of the rule."""
        expression = str(self.spec.get(key, ""))
        shown = self.show(self.details.get(key))
        substituted = self.sub(expression)
        middle = f" = {substituted}" if substituted not in (expression, shown) else ""
        if expression and expression != shown:
            return f"{what} {key} = {expression}{middle} = {shown}"
        return f"{what} {key} = {shown}"

    @property
    def raw(self) -> str:
        """The raw score as shown (the rule's score before clamping and rounding)."""
        return show_number(self.node.raw_score if self.node.raw_score is not None else self.node.score)

    def show(self, value: Any) -> str:
        if isinstance(value, Decimal) and self.spec.get("display") == "percent":
            return percent(value)
        return show_value(value)


# Detail keys the engine adds to any kind's: told in their own section, not as raw details.
_ENGINE_KEYS = {"staged_rounding", "rescaled"}  # told in the rounding section

# Rule keys that hold formulas.
_FORMULA_KEYS = {"value", "target", "rate", "score", "findings", "met", "scores"}


# ---------------------------------------------------------------- the parent chain


def _adds_into(result: Scored, path: tuple[IndicatorResult, ...]) -> tuple[str, ...]:
    p = result.precision
    lines = []
    for parent in reversed(path[:-1]):
        terms = " + ".join(f"{c.name} {fixed(c.score, p)}" for c in parent.children)
        lines.append(f"{parent.name}（{parent.id}）= {terms} = {fixed(parent.score, p)}（分值 {plain(parent.weight)}）")
    terms = " + ".join(f"{t.name} {fixed(t.score, p)}" for t in result.indicators)
    total = f"{fixed(result.total, p)} / {plain(result.max_total)}，等级 {result.grade}"
    capped = [w.text("zh") for w in result.warnings if w.kind == "cap"]
    if not capped:
        lines.append(f"总分 = {terms} = {total}")
        return tuple(lines)
    # a cap of the set lowered the total or the grade: the sum as it adds up on paper, then the cap (QA53 F4)
    added = sum((t.score for t in result.indicators), ZERO)
    lines.append(f"各项得分合计 = {terms} = {fixed(added, p)}")
    lines += [f"封顶：{cap}" for cap in capped]
    lines.append(f"总分 {total}")
    return tuple(lines)


# ---------------------------------------------------------------- formula text


def _names(expression: str) -> list[str]:
    """The dotted names an expression reads, in order (function names excluded)."""
    return [name for name, _, _ in _name_spans(expression)]


def _name_spans(expression: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each dotted name in `expression`; [] if it does not tokenize."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(expression).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []
    starts = [0]
    for line in expression.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(pos: tuple[int, int]) -> int:
        return starts[pos[0] - 1] + pos[1]

    spans: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == tokenize.NAME and tok.string not in _KEYWORDS:
            parts, end = [tok.string], tok.end
            j = i + 1
            while (j + 1 < len(tokens) and tokens[j].string == "." and tokens[j + 1].type == tokenize.NAME
                   and tokens[j].start == end):
                parts.append(tokens[j + 1].string)
                end = tokens[j + 1].end
                j += 2
            is_call = j < len(tokens) and tokens[j].string == "("
            if not is_call:
                spans.append((".".join(parts), offset(tok.start), offset(end)))
            i = j
        else:
            i += 1
    return spans


_KEYWORDS = {"if", "else", "and", "or", "not", "in", "is", "True", "False", "None", "true", "false"}


def _substitute(expression: str, values: Mapping[str, str]) -> str:
    out = expression
    for name, start, end in reversed(_name_spans(expression)):
        if name in values:
            out = out[:start] + values[name] + out[end:]
    return out


class _Written(dict[str, str]):
    """Values by name as they read inside a formula, each written out only when asked for: a line of a long chain of
    derived values reads two or three of thousands."""

    def __init__(self, values: Mapping[str, Any]):
        super().__init__()
        self._values = values

    def __missing__(self, name: str) -> str:
        self[name] = _in_formula(self._values[name])
        return self[name]

    def __contains__(self, name: object) -> bool:
        return name in self._values


def _in_formula(value: Any) -> str:
    """A value as it reads inside a formula: numbers plain (negative in brackets), text quoted, lists by count."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = show_number(value)
        return f"({text})" if text.lstrip("≈").startswith("-") else text
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, (list, tuple)):
        return f"[{len(value)}项]"
    return show_value(value)


def _detail(value: Any) -> str:
    if isinstance(value, Mapping):
        return "，".join(f"{k} = {_detail(v)}" for k, v in value.items())
    return show_value(value)
