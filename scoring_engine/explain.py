"""Explain one indicator's score: its whole story, told from the Result's audit trail.

The standard (评分标准), the facts read with their values and units, each derived
value with its formula and the numbers substituted, the steps of the rule (rate,
matched band or tier, elements, deductions), the raw score, clamping and
rounding, and how the score adds into its parent and the total. Every number
comes from the Result; nothing is scored again. `Result.explain(id)` and
`scoring-engine explain FACTS --indicator ID` both end here.
"""

from __future__ import annotations

import difflib
import io
import tokenize
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ._arith import fixed, percent, plain
from ._display import show_number, show_value
from ._intervals import MIN_INCLUSIVE, Interval
from .errors import Problem, ScoringEngineError
from .result import DerivedValue, FactValue, IndicatorResult, Result

__all__ = ["Explanation", "UnknownIndicatorError", "explain", "KIND_NAMES"]

#: How the rule kinds are called in Chinese.
KIND_NAMES = {
    "formula": "公式",
    "proportional": "按比例计分",
    "bands": "分档计分",
    "linear": "按差距扣分",
    "deduction": "按问题扣分",
    "checklist": "要点计分",
    "tiers": "定性分档",
    "judgement": "评价人判断",
    "panel": "专家评分",
}


class UnknownIndicatorError(ScoringEngineError, LookupError):
    """No indicator of the result has this id (or name)."""


@dataclass(frozen=True)
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


def explain(result: Result, indicator_id: str) -> Explanation:
    """The story of indicator `indicator_id` (an id, or a name that only one indicator has) in `result`."""
    paths = {path[-1].id: path for path in result.paths()}
    if indicator_id not in paths:
        named = [i for i, path in paths.items() if path[-1].name == indicator_id]
        if len(named) != 1:
            raise _unknown(result, indicator_id, paths)
        indicator_id = named[0]
    path = paths[indicator_id]
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
        sections.append(("读取的事实", story.facts()))
        derived = story.derived()
        if derived:
            sections.append(("计算值", derived))
        sections.append(("计算过程", story.steps()))
        sections.append(("扣分", story.deductions()))
        sections.append(("原始得分、截取与舍入", story.rounding()))
    sections.append(("计入上级", _adds_into(result, path)))
    return Explanation(node, f"{node.name}（{node.id}）", tuple(sections))


# ---------------------------------------------------------------- finding the indicator


def _unknown(result: Result, wanted: str, paths: Mapping[str, tuple[IndicatorResult, ...]]) -> UnknownIndicatorError:
    names = {path[-1].name: i for i, path in paths.items()}
    close = difflib.get_close_matches(wanted, [*paths, *names], n=1, cutoff=0.5)
    suggestions = [names.get(c, c) for c in close]
    if suggestions:
        hint = f"did you mean {suggestions[0]} ({paths[suggestions[0]][-1].name})?"
    else:
        hint = "the indicators are: " + ", ".join(list(paths)[:12]) + ("…" if len(paths) > 12 else "")
    message = f"no such indicator in set {result.indicator_set.id}"
    return UnknownIndicatorError(Problem(message, indicator=wanted, hint=hint))


def _declared(node: IndicatorResult) -> str:
    if node.declared_weight is not None and node.declared_weight != node.weight:
        return f"（设定分值 {plain(node.declared_weight)}，因不适用指标按比例调整为 {plain(node.weight)}）"
    return ""


# ---------------------------------------------------------------- the story of a leaf


class _Story:
    """What one indicator read and did, from the Result."""

    def __init__(self, result: Result, node: IndicatorResult):
        self.result = result
        self.node = node
        self.known: dict[str, FactValue] = {f.name: f for f in result.facts}
        self.derived_values: dict[str, DerivedValue] = {d.name: d for d in result.derived}
        self.values: dict[str, Any] = {f.name: f.value for f in result.facts}
        self.values.update({d.name: d.value for d in result.derived if d.error is None})
        self.values.update(node.inputs)
        self.values.setdefault("weight", node.weight)
        self.spec: Mapping[str, Any] = node.rule or {}
        self.details: Mapping[str, Any] = node.details

    # -- names and values

    def _expressions(self) -> list[str]:
        """Every formula written in the rule (value, target, rate, findings, met, parts' scores…)."""
        found: list[str] = []

        def visit(value: Any, key: str | None) -> None:
            if isinstance(value, Mapping):
                for k, v in value.items():
                    visit(v, k)
            elif isinstance(value, list):
                for v in value:
                    visit(v, key)
            elif key in _FORMULA_KEYS and isinstance(value, (str, int, float, Decimal)) and not isinstance(value, bool):
                found.append(str(value))

        visit(self.spec, None)
        return found

    def _read(self) -> list[str]:
        """Names the rule reads directly, then the facts behind each derived value, in order, without repeats."""
        names: dict[str, None] = {}

        def add(name: str) -> None:
            if name in names or name == "weight":
                return
            names[name] = None
            derived = self.derived_values.get(name)
            if derived is not None:
                for inner in _names(derived.expression):
                    add(inner)

        for expression in self._expressions():
            for name in _names(expression):
                add(name)
        for name in self.node.inputs:
            add(name)
        return list(names)

    def sub(self, expression: str) -> str:
        """The expression with each name it reads replaced by its value."""
        return _substitute(expression, {n: _in_formula(v) for n, v in self.values.items()})

    # -- sections

    def rule(self) -> tuple[str, ...]:
        kind = self.node.kind or ""
        written = "，".join(f"{k}: {_written(v)}" for k, v in self.spec.items() if k != "kind")
        return (f"{KIND_NAMES.get(kind, kind)}（kind: {kind}）", f"规则原文：{written}" if written else "规则原文：（无参数）")

    def facts(self) -> tuple[str, ...]:
        lines = []
        for name in self._read():
            if name in self.derived_values:
                continue
            fact = self.known.get(name)
            if fact is not None:
                label = f"{fact.label}（{name}）" if fact.label else name
                lines.append(f"{label} = {show_value(fact.value, fact.unit)}")
            elif name in self.node.inputs:
                lines.append(f"{name} = {show_value(self.node.inputs[name])}")
            else:
                lines.append(f"{name}：未提供")
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
            lines.append(f"    {_is(show_value(d.value))}")
        return tuple(lines)

    def steps(self) -> tuple[str, ...]:
        describe = _STEPS.get(self.node.kind or "")
        lines = describe(self) if describe else []
        shown = _SHOWN.get(self.node.kind or "", set())
        for key, value in self.details.items():
            if key not in shown:
                lines.append(f"{key}：{_detail(value)}")
        return tuple(lines) or ("（无中间值）",)

    def deductions(self) -> tuple[str, ...]:
        if not self.node.deductions:
            return ("无扣分项",)
        return tuple(f"扣{plain(d.points)}分：{d.reason}" for d in self.node.deductions)

    def rounding(self) -> tuple[str, ...]:
        n, p = self.node, self.result.precision
        if n.raw_score is None:
            return (f"得分 {fixed(n.score, p)}",)
        lines = [f"原始得分 {show_number(n.raw_score)}"]
        if n.clamped:
            lines.append(f"超出 0–{plain(n.weight)} 的范围，截取到该范围内（见提示）")
        else:
            lines.append(f"在 0–{plain(n.weight)} 之内，无需截取")
        lines.append(f"四舍五入保留{p}位小数：{fixed(n.score, p)}")
        return tuple(lines)

    def children(self) -> tuple[str, ...]:
        p = self.result.precision
        lines = [f"{c.name}（{c.id}）：{fixed(c.score, p)} / {plain(c.weight)}" for c in self.node.children]
        lines.append(f"合计 = {' + '.join(fixed(c.score, p) for c in self.node.children)} = {fixed(self.node.score, p)}")
        return tuple(lines)

    # -- helpers for the kinds

    def value_line(self, key: str, what: str) -> str:
        """'实际值 value = <expr> = <numbers> = <result>' for formula `key` of the rule."""
        expression = str(self.spec.get(key, ""))
        shown = self.show(self.details.get(key))
        substituted = self.sub(expression)
        middle = f" = {substituted}" if substituted not in (expression, shown) else ""
        return f"{what} {key} = {expression}{middle} = {shown}" if expression and expression != shown else f"{what} {key} = {shown}"

    @property
    def raw(self) -> str:
        """The raw score as shown (the rule's score before clamping and rounding)."""
        return show_number(self.node.raw_score if self.node.raw_score is not None else self.node.score)

    def show(self, value: Any) -> str:
        if isinstance(value, Decimal) and self.spec.get("display") == "percent":
            return percent(value)
        return show_value(value)


# Rule keys that hold formulas.
_FORMULA_KEYS = {"value", "target", "rate", "score", "findings", "met", "scores"}


def _steps_formula(s: _Story) -> list[str]:
    key = "rate" if "rate" in s.spec else "score"
    expression = str(s.spec.get(key, ""))
    value = s.details.get(key if key == "rate" else "value")
    lines = [f"{'比率' if key == 'rate' else '得分'} = {expression}", f"    = {s.sub(expression)}", f"    {_is(show_value(value))}"]
    if key == "rate" and isinstance(value, Decimal):
        lines.append(f"原始得分 = 分值 {plain(s.node.weight)} × {percent(value)} {_is(s.raw)}")
    return lines


def _steps_proportional(s: _Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值")]
    lines.append(s.value_line("target", "目标值") if "target" in s.spec else "目标值 = 1（未设目标，实际值即完成率）")
    if s.spec.get("direction") == "lower_is_better":
        lines.append(f"完成率 = 目标值 ÷ 实际值（越低越好；不超过目标为100%）= {percent(d['rate'])}")
    else:
        lines.append(f"完成率 = 实际值 ÷ 目标值（最高100%）= {percent(d['rate'])}")
    if "share" in d:
        floor = Decimal(str(s.spec["floor"]))
        lines.append(f"得分比例 = (完成率 − {percent(floor)}) ÷ (100% − {percent(floor)}) = {percent(d['share'])}")
        lines.append(f"原始得分 = 分值 {plain(s.node.weight)} × {percent(d['share'])} {_is(s.raw)}")
    elif "floor" in s.spec:
        lines.append(f"完成率低于下限 {percent(Decimal(str(s.spec['floor'])))}，不得分")
    else:
        lines.append(f"原始得分 = 分值 {plain(s.node.weight)} × {percent(d['rate'])} {_is(s.raw)}")
    return lines


def _steps_bands(s: _Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "取值")]
    show: Callable[[Decimal], str] = percent if s.spec.get("display") == "percent" else plain
    boundary = s.spec.get("boundary", MIN_INCLUSIVE)
    matched = d.get("band") or {}
    lines.append("分档：")
    for band in s.spec.get("bands", []):
        low, high = _dec(band.get("min")), _dec(band.get("max"))
        text = band.get("label") or Interval(low, high).text(show, boundary)
        worth = f"{_written(band['points'])}分" if "points" in band else f"分值的{percent(Decimal(str(band.get('share', 0))))}"
        hit = low == matched.get("min") and high == matched.get("max")
        lines.append(f"  {'→' if hit else ' '} {text}：{worth}{'（命中）' if hit else ''}")
    if matched:
        lines.append(f"落在“{matched.get('text')}”档，得{plain(matched.get('points', 0))}分")
    return lines


def _steps_linear(s: _Story) -> list[str]:
    d = s.details
    lines = [s.value_line("value", "实际值"), s.value_line("target", "目标值"), f"差距 = {s.show(d.get('shortfall'))}"]
    if "zero_at" in s.spec and "deducted" not in d and s.node.raw_score == 0:
        lines.append(f"达到零分线 {s.show(Decimal(str(s.spec['zero_at'])))}，不得分")
    elif "deducted" in d:
        per = s.show(Decimal(str(s.spec.get("per", 1))))
        each = (f"{_written(s.spec['points_each'])}分" if "points_each" in s.spec
                else f"分值的{percent(Decimal(str(s.spec.get('share_each', 0))))}")
        lines.append(f"每差 {per} 扣 {each}，计 {plain(d['units'])} 个单位（units: {s.spec.get('units', 'exact')}），扣 {plain(d['deducted'])} 分")
        lines.append(f"原始得分 = 分值 {plain(s.node.weight)} − {plain(d['deducted'])} {_is(s.raw)}")
    else:
        lines.append("达到目标，得满分")
    return lines


def _steps_deduction(s: _Story) -> list[str]:
    d = s.details
    count, deducted = d.get("count", 0), plain(d.get("deducted", 0))
    findings = str(s.spec.get("findings", ""))
    lines = [f"问题来源：{findings}（{s.sub(findings)}）", f"发现问题 {count} 处，合计扣 {deducted} 分（明细见“扣分”）"]
    zero_at = s.spec.get("zero_at_count")
    if zero_at is not None and count >= zero_at:
        lines.append(f"达到 {zero_at} 处及以上，不得分")
    else:
        lines.append(f"原始得分 = 分值 {plain(s.node.weight)} − {deducted}（最低为0）{_is(s.raw)}")
    return lines


def _steps_checklist(s: _Story) -> list[str]:
    lines = []
    for element in s.details.get("elements", []):
        why = f"：{'；'.join(element.get('reasons', []))}" if element.get("reasons") else ""
        lines.append(f"{element['name']}：{plain(element['points'])}分，得{plain(element['earned'])}分{why}")
    earned = [plain(e["earned"]) for e in s.details.get("elements", [])]
    if earned:
        lines.append(f"原始得分 = {' + '.join(earned)} {_is(s.raw)}")
    return lines


def _steps_tiers(s: _Story) -> list[str]:
    d = s.details
    return [f"评价组选定档次：{d.get('tier')}（该档 {plain(d['low'])}–{plain(d['high'])} 分）",
            f"在档内选定 {s.raw} 分，理由：{d.get('reason')}"]


def _steps_judgement(s: _Story) -> list[str]:
    return [f"评价人判断 {s.raw} 分，理由：{s.details.get('reason')}"]


def _steps_panel(s: _Story) -> list[str]:
    d = s.details
    scale = plain(Decimal(str(s.spec["scale"]))) if "scale" in s.spec else plain(s.node.weight)
    lines = []
    if "parts" in d:
        for part in d["parts"]:
            lines.append(f"{part['name']}：{plain(part['score'])}分 × {percent(part['share'], 0)}")
        lines.append(f"加权合计 {show_number(d['combined'])} 分（满分 {scale}）")
    else:
        lines.append(f"评审评分：{'，'.join(plain(v) for v in d.get('scores', []))}")
        if len(d.get("kept", [])) != len(d.get("scores", [])):
            lines.append(f"去掉最高、最低后：{'，'.join(plain(v) for v in d.get('kept', []))}")
        lines.append(f"平均 {show_number(d['combined'])} 分（满分 {scale}）")
    lines.append(f"原始得分 = {show_number(d['combined'])} ÷ {scale} × 分值 {plain(s.node.weight)} {_is(s.raw)}")
    return lines


#: rule kind → the steps of its computation, from the details it recorded
_STEPS: dict[str, Callable[[_Story], list[str]]] = {
    "formula": _steps_formula,
    "proportional": _steps_proportional,
    "bands": _steps_bands,
    "linear": _steps_linear,
    "deduction": _steps_deduction,
    "checklist": _steps_checklist,
    "tiers": _steps_tiers,
    "judgement": _steps_judgement,
    "panel": _steps_panel,
}

#: rule kind → the detail keys its steps already show (others are listed as they are)
_SHOWN: dict[str, set[str]] = {
    "formula": {"rate", "value"},
    "proportional": {"value", "target", "rate", "share"},
    "bands": {"value", "band"},
    "linear": {"value", "target", "shortfall", "units", "deducted"},
    "deduction": {"count", "deducted"},
    "checklist": {"elements"},
    "tiers": {"tier", "low", "high", "reason"},
    "judgement": {"reason"},
    "panel": {"parts", "scores", "kept", "combined"},
}


# ---------------------------------------------------------------- the parent chain


def _adds_into(result: Result, path: tuple[IndicatorResult, ...]) -> tuple[str, ...]:
    p = result.precision
    lines = []
    for parent in reversed(path[:-1]):
        terms = " + ".join(f"{c.name} {fixed(c.score, p)}" for c in parent.children)
        lines.append(f"{parent.name}（{parent.id}）= {terms} = {fixed(parent.score, p)}（分值 {plain(parent.weight)}）")
    terms = " + ".join(f"{t.name} {fixed(t.score, p)}" for t in result.indicators)
    lines.append(f"总分 = {terms} = {fixed(result.total, p)} / {plain(result.max_total)}，等级 {result.grade}")
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
            while j + 1 < len(tokens) and tokens[j].string == "." and tokens[j + 1].type == tokenize.NAME and tokens[j].start == end:
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


def _is(text: str) -> str:
    """'= 5', or '≈ 4.98927' for a number shown rounded."""
    return f"≈ {text[1:]}" if text.startswith("≈") else f"= {text}"


def _written(value: Any) -> str:
    """A rule parameter as written in the set, compactly."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_written(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_written(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _detail(value: Any) -> str:
    if isinstance(value, Mapping):
        return "，".join(f"{k} = {_detail(v)}" for k, v in value.items())
    return show_value(value)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
