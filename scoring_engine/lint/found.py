"""A lint warning, and where in the set's file it points: the LintWarning record and the Locator that places it.

A warning is an `errors.Problem` (file, line, column, JSON path, indicator,
fact, expression, message, hint) with a code naming its class and the fields
its message was made from, so that a translation can put the same names and
numbers in another language's sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field, replace
from decimal import Decimal
from typing import Any

from .._located import Located
from .._record import record
from ..errors import Problem, json_path
from ..model import IndicatorSet, Rule

__all__ = ["CODES", "LintWarning", "Locator", "RuleAt", "rules_of"]

Path = tuple[str | int, ...]

#: The classes of warning, with what each says.
CODES = {
    "unused-fact": "a declared fact that nothing reads",
    "unused-derived": "a derived value that nothing reads, whose facts are still required",
    "unreachable-band": "a band no value of the facts' declared range falls in",
    "uncovered-value": "a value a bands rule can be given that lies in none of its bands",
    "percent-bound": "a band bound, target or zero line written as a percentage (95) where the rule reads a ratio (0.95)",
    "percent-compare": "a check, cap or 需说明 condition comparing a ratio (0.9 is 90%) with a percentage written as 90",
    "unreachable-variant": "a variant of a switch that the fact choosing it can never name",
    "missing-variant": "a value the fact choosing a switch's variant may take, for which the switch has no rule",
    "band-edge": "a bound two bands share that the 评分标准 puts in the other band than boundary does (含/不含)",
    "grade-order": "grades written in an order their min contradicts (a grade written below another starts above it)",
    "formula-fails": "a formula that fails for every project: it reads no facts and cannot be computed, or a function "
                     "refuses an argument written as a constant",
    "check-never-fails": "a check that is true for every project",
    "check-always-fails": "a check that is false for every project",
    "standard-mismatch": "a number in the 评分标准 text that the rule does not use",
    "weight-bonus": "a score that can exceed the weight in a set that declares no bonus points",
    "weight-rule-empty": "a weight rule about a level the set does not have",
    "weight-label": "a weight written in a name or a form label that the indicator does not have",
    "inherited-reason": "a profile's rule worded by a reason template its base wrote for its own indicators",
    "funds-rate": "a 自评表 that prints a 执行率 (执行数 ÷ 预算数) beside an indicator scored from another rate",
    "weight-ceiling": "a bands or tiers rule whose best gives less than the whole weight (and a grade no project reaches)",
    "zero-past-target": "a linear rule whose zero line lies at or past its target: a project at its target scores 0",
    "precision-points": "points a rule gives or takes (0.75 a checklist element) with more decimals than the set prints",
    "base-id": "a profile that keeps the id and version of a set it is built on (a bundled set's id, whatever the version) "
               "while changing that set: its results name that set, and no blank form or 自评表 workbook can be written "
               "from it",
}


@record
class LintWarning:
    """One warning: its class (`code`), the problem it points at, and the fields its message and hint were made from."""

    code: str
    problem: Problem
    fields: Mapping[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        """'file:line:column: warning: indicator X: message (hint)': one line (the message names the fact or check itself)."""
        return self.text("en")

    def text(self, lang: str) -> str:
        """The line in `lang`: "en" as str(); "zh" 'file:line:column: 提示：指标 X：…'."""
        p = self.problem
        place = [p.file] if p.file else []  # said here, once: the problem itself is said without it (QA330 F6)
        place += [str(p.line)] if p.line is not None else []
        place += [str(p.column)] if p.line and p.column else []
        where = ":".join(place) + ": " if place else ""
        bare = replace(p, file=None, line=None, column=None, path=None)
        return f"{where}提示：{bare.text('zh')}" if lang == "zh" else f"{where}warning: {bare}"

    def document(self) -> dict[str, Any]:
        """The warning as JSON data, for tools."""
        p = self.problem
        return {"code": self.code, "file": p.file, "line": p.line, "column": p.column, "path": p.path,
                "indicator": p.indicator, "fact": p.fact, "expression": p.expression, "message": p.message,
                "hint": p.hint, "fields": dict(self.fields)}


@record
class RuleAt:
    """A rule of the set, nested ones too, with the path it is written at and the weight it scores (None for a row group's)."""

    indicator: str
    rule: Rule[Any]
    path: Path
    weight: Decimal | None
    standard: str | None  # the 评分标准 text that describes it
    standard_path: Path


class Locator:
    """Places warnings in the set's file: the JSON path of each part, and its line and column when the YAML was read with them."""

    def __init__(self, indicator_set: IndicatorSet, located: Located | None) -> None:
        self.set = indicator_set
        self.located = located
        self.paths = _indicator_paths(located.data if located else None)
        self.lines = {node.id: node.line for node in indicator_set.walk()}

    def indicator(self, indicator_id: str) -> Path:
        return self.paths.get(indicator_id, ("indicators",))

    def warning(self, code: str, path: Path, message: str, fields: Mapping[str, object], hint: str | None = None, *,
                indicator: str | None = None, fact: str | None = None, expression: str | None = None,
                key: bool = False) -> LintWarning:
        """A warning of class `code` at `path` (at its key when `key`); `message` and `hint` are templates of `fields`."""
        shown = {name: str(value) for name, value in fields.items()}
        line, column = self._position(path, indicator, fact, key)
        file = (self.located.file_at(path, key) if self.located is not None else None) or self.set.source
        if self.located is None and fact is not None and fact in self.set.facts:
            file = self.set.facts[fact].file or file
        problem = Problem(message.format(**shown), file=file, line=line, column=column, path=json_path(path),
                          indicator=indicator, fact=fact, expression=expression, hint=hint.format(**shown) if hint else None)
        return LintWarning(code, problem, shown)

    def _position(self, path: Path, indicator: str | None, fact: str | None, key: bool) -> tuple[int | None, int | None]:
        if self.located is not None:
            where = self.located.where(path, key=key)
            if where is not None:
                return where
        if fact is not None and fact in self.set.facts:  # no positions (or the part is not written in this file)
            return self.set.facts[fact].line, None
        return (self.lines.get(indicator), None) if indicator else (None, None)


def _indicator_paths(data: Any) -> dict[str, Path]:
    """Indicator id → its path in the set as written."""
    found: dict[str, Path] = {}

    def visit(items: Any, path: Path) -> None:
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], (*path, i))
                visit(item.get("children"), (*path, i, "children"))

    visit(data.get("indicators") if isinstance(data, Mapping) else None, ("indicators",))
    return found


def rules_of(indicator_set: IndicatorSet, locator: Locator) -> Iterator[RuleAt]:
    """Every rule of the set with its path: leaves' rules, row groups' rules by type, and the rules nested in them."""
    for node in indicator_set.walk():
        at = locator.indicator(node.id)
        if node.rule is not None:
            yield from _nested(RuleAt(node.id, node.rule, (*at, "rule"), node.weight, node.standard, (*at, "standard")))
        if node.rows is not None:
            for kind, rule in node.rows.rules.items():
                rows = (*at, "children_from")
                yield from _nested(RuleAt(node.id, rule, (*rows, "rules", kind), None, node.rows.standards.get(kind),
                                          (*rows, "standards", kind)))


def _nested(at: RuleAt) -> Iterator[RuleAt]:
    """The rule, then the variants of a switch and the rule under an equal's otherwise, each at its own path."""
    yield at
    params = at.rule.params
    inner: dict[Path, Rule[Any]] = {}
    if at.rule.kind == "switch":
        inner = {("rules", choice): rule for choice, rule in params.rules.items()}
    elif at.rule.kind == "equal" and params.otherwise is not None:
        inner = {("otherwise",): params.otherwise}
    for path, rule in inner.items():
        yield from _nested(replace(at, rule=rule, path=at.path + path))
