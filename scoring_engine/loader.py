"""Reading indicator sets and facts files: the only part of the engine that touches files.

An indicator set goes through three gates, and every problem of every gate is
reported together: safe YAML (positions kept, duplicate keys refused), the JSON
Schema in ``schemas/indicator-set.schema.json``, and the checks a schema cannot
express (weights that add up, formulas, bands, grades, unique ids). Each problem
names file:line:column, the indicator and what to do.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import itertools
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from . import _yaml
from ._arith import ZERO, plain
from ._intervals import Interval, gaps_and_overlaps
from ._resources import data_dir
from .errors import FactsError, FormulaError, IndicatorSetError, Problem
from .facts import MAX_FACTS_DEPTH, Facts, NotANumber, convert_fact, document_problems, fact_at, json_path
from .formulas import Formula, compile_formula
from .model import EXPLAIN_NAMES, ROW_NAMES, Check, Derived, ExplainRule, FactSpec, Grade, Indicator, IndicatorSet, RowGroup, Rule
from .reasons import TEMPLATES, template_problems
from .rules import RULE_KINDS

__all__ = ["load_indicator_set", "parse_indicator_set", "load_facts", "parse_facts", "bundled_sets", "resolve_set"]

#: Largest facts file read, in bytes (a project's facts take a few kilobytes; a megabyte of numbers decodes to ~40 MB).
MAX_FACTS_BYTES = 1_000_000

_Path = tuple[str | int, ...]
_SHOWN_PROBLEMS = 100  # problems listed for one file; then how many more


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _dec(value: Any) -> Decimal | None:
    """YAML gives whole numbers as int: make every number a Decimal."""
    return None if value is None else Decimal(value)


def _json_path(path: _Path) -> str:
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"text {value!r}" if len(value) <= 60 else f"text {value[:40]!r}… ({len(value)} characters)"
    if isinstance(value, Decimal):
        return f"the number {format(value, 'f')}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int):
        return f"the number {value}"
    if value is None:
        return "nothing (empty value)"
    return {"list": "a list", "dict": "a mapping"}.get(type(value).__name__, type(value).__name__)


def _number_text_hint(text: str) -> str:
    """Why a value meant as a number was read as text, and how to write it."""
    import re

    if re.fullmatch(r"[-+]?\d+(\.\d*)?[eE][-+]?\d+", text.strip()):
        number = Decimal(text)
        if abs(number.adjusted()) > 15:  # spelt out it would be a huge line (1e999999999: a billion zeros)
            return f"YAML reads {text[:40]} as text; write the number in plain digits (this one is far out of range)"
        return f"YAML reads {text} as text; write the number in full, e.g. {format(number, 'f')}"
    if re.fullmatch(r"[-+]?\d+,\d+", text.strip()):
        return f"write a decimal point, not a comma: {text.replace(',', '.')}"
    return "write a plain number, without quotes, thousands separators, units or %"


_TYPE_NAMES = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "object": "a mapping (key: value)", "array": "a list", "null": "empty"}


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COMMA_HINT = "a comma inside { … } ends the value there: put a formula that has commas in quotes"


def _schema_problems(error: jsonschema.ValidationError, written: str | None = None) -> list[tuple[_Path, bool, str, str | None]]:
    """(path, at the key?, message, hint) for one schema error, in words a policy editor can act on.

    `written` is the value as the YAML file spells it, when YAML read it as something else (no → false).
    """
    path = tuple(error.absolute_path)
    field = str(path[-1]) if path and isinstance(path[-1], str) else "value"
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        found = []
        for key in sorted(k for k in instance if k not in known):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}?" if close else (f"allowed keys: {', '.join(k for k in known if k != 'kind')}" if known else None)
            if not close and not _KEY.fullmatch(key):
                hint = _COMMA_HINT
            found.append((path + (key,), True, f"unknown key {key!r}", hint))
        return found
    if kind == "required":
        missing = [k for k in value if k not in instance]
        return [(path, False, f"missing key {k!r}", None) for k in missing]
    if kind == "type":
        expected = value if isinstance(value, list) else [value]
        words = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        hint = None
        if "string" in expected and isinstance(instance, (Decimal, int, bool, datetime.date)):
            shown = written or (format(instance, "f") if isinstance(instance, Decimal) else str(instance))
            hint = f'put it in quotes: "{shown}"'
            if isinstance(instance, bool) and written:
                hint = f'YAML reads {written} as {str(instance).lower()}; {hint}'
        elif isinstance(instance, bool) and written and {"number", "integer"} & set(expected):
            hint = f"YAML reads {written} as {str(instance).lower()}; write the number"
        elif isinstance(instance, bool):
            hint = "YAML reads yes/no/on/off as true/false; put text in quotes"
        elif isinstance(instance, str) and "number" in expected:
            hint = _number_text_hint(instance)
        return [(path, False, f"{field} must be {words}, got {_describe(instance)}", hint)]
    if kind == "enum":
        choices = [str(v) for v in value]
        close = difflib.get_close_matches(str(instance), choices, n=1)
        hint = f"did you mean {close[0]}?" if close else None
        return [(path, False, f"{field} is {_describe(instance)}; it must be one of: {', '.join(choices)}", hint)]
    if kind == "pattern":
        if value == _validator("indicator-set.schema.json").schema["$defs"]["id"]["pattern"]:
            return [(path, False, f"id {instance!r} may use only letters, digits, '.', '_' and '-'", "e.g. process.execution")]
        return [(path, False, f"name {instance!r} must be ASCII words joined by dots", "e.g. budget.paid (labels carry the Chinese)")]
    if kind == "propertyNames":
        return [(path + (str(instance),) if isinstance(instance, str) else path, True, f"{error.message}", None)]
    bounds = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "above", "exclusiveMaximum": "below"}
    if kind in bounds:
        return [(path, False, f"{field} must be {bounds[kind]} {plain(Decimal(value)) if not isinstance(value, bool) else value}, got {_describe(instance)}", None)]
    if kind == "minItems":
        return [(path, False, f"{field} needs at least {value} item(s)", None)]
    if kind == "minLength":
        return [(path, False, f"{field} must not be empty", None)]
    if kind == "oneOf" and isinstance(instance, Mapping) and any(not _KEY.fullmatch(str(k)) for k in instance):
        return [(path, False, f"{field} must be an expression, or a mapping with expr (and label)", _COMMA_HINT)]
    if kind == "oneOf":
        return [(path, False, f"{field} must be an expression, or a mapping with expr (and label)", None)]
    return [(path, False, error.message, None)]


class _SetBuilder:
    """Builds an IndicatorSet from validated data, collecting every problem on the way."""

    def __init__(self, located: _yaml.Located, file: str | None):
        self.located = located
        self.data: dict[str, Any] = located.data
        self.file = file
        # The reader's problems (010, 12:30, tags…) carry a position; name the indicator there too.
        at = {position: path for path, position in located.values.items()}
        self.problems: list[Problem] = [p.located(indicator=self.indicator_at(at.get((p.line, p.column), ())))
                                        for p in located.problems]
        self.broken: set[_Path] = set(located.rejected)  # paths with schema errors or refused values: not built further

    # -- problems

    def problem(self, path: _Path, message: str, hint: str | None = None, key: bool = False,
                indicator: str | None = None, expression: str | None = None, fact: str | None = None) -> None:
        where = self.located.where(path, key=key)
        line, column = where if where else (None, None)
        self.problems.append(Problem(message, file=self.file, line=line, column=column, path=_json_path(path),
                                     indicator=indicator or self.indicator_at(path), hint=hint, expression=expression, fact=fact))

    def indicator_at(self, path: _Path) -> str | None:
        """Id of the innermost indicator that `path` lies in."""
        node: Any = self.data
        found = None
        for i, part in enumerate(path):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(part, int) and i > 0 and path[i - 1] in ("indicators", "children") and isinstance(node, Mapping):
                found = node.get("id") if isinstance(node.get("id"), str) else found
        return found

    def ok(self, path: _Path) -> bool:
        """No schema error at or inside `path`."""
        return not any(bad[: len(path)] == path for bad in self.broken)

    # -- the whole set

    def schema(self) -> None:
        validator = _validator("indicator-set.schema.json")
        errors = sorted(validator.iter_errors(self.data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        said: set[tuple[_Path, str]] = set()  # jsonschema repeats 'required' once per missing key
        for error in errors:
            if tuple(error.absolute_path) in self.located.rejected:
                continue  # the YAML reader already said why this value is missing
            for path, key, message, hint in _schema_problems(error, self.located.written.get(tuple(error.absolute_path))):
                self.broken.add(tuple(error.absolute_path))
                if (path, message) not in said:
                    said.add((path, message))
                    self.problem(path, message, hint, key=key)

    def build(self, sha256: str) -> IndicatorSet:
        if not isinstance(self.data, Mapping):
            raise IndicatorSetError(self.problems + [Problem("an indicator set must be a mapping with id, name, version, grades and indicators",
                                                             file=self.file)])
        self.schema()
        data = self.data
        total = Decimal(data.get("total", 100)) if self.ok(("total",)) else Decimal(100)
        self.precision = data.get("precision", 2) if self.ok(("precision",)) else 2
        facts = self.facts()
        self.scope = {name: spec.type for name, spec in facts.items()}
        # A broken declaration still counts as declared, so its readers are not reported twice.
        for name in data.get("facts", {}) if isinstance(data.get("facts"), Mapping) else ():
            self.scope.setdefault(name, "number")
        derived = self.derived()
        checks = self.checks()
        explain_when = self.explain_when()
        grades = self.grades(total)
        reasons = self.reasons()
        self.ids: dict[str, _Path] = {}
        indicators = []
        if isinstance(data.get("indicators"), list):
            indicators = [self.indicator(raw, ("indicators", i)) for i, raw in enumerate(data["indicators"])]
            self.weights_add_up(indicators, total, ("indicators",), "the top-level indicators", "total")
        if self.problems:
            raise IndicatorSetError(self._ranked())
        return IndicatorSet(
            id=data["id"],
            name=data["name"],
            version=data["version"],
            precision=data.get("precision", 2),
            total=total,
            facts=facts,
            derived=derived,
            checks=checks,
            grades=grades,
            indicators=tuple(i for i in indicators if i is not None),
            not_applicable=data.get("not_applicable", "full_credit"),
            reasons=reasons,
            explain_when=explain_when,
            sha256=sha256,
            source=self.file,
        )

    def _ranked(self) -> list[Problem]:
        # In file order, so the editor can walk down the file; a hostile file's ten thousand aliases are not all listed.
        ranked = sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0))
        if len(ranked) > _SHOWN_PROBLEMS:
            more = Problem(f"{len(ranked) - _SHOWN_PROBLEMS} more problems not shown", file=self.file, hint="fix these first")
            ranked = ranked[:_SHOWN_PROBLEMS] + [more]
        return ranked

    # -- facts, derived, checks, grades, reasons

    def facts(self) -> dict[str, FactSpec]:
        raw = self.data.get("facts", {})
        specs: dict[str, FactSpec] = {}
        if not isinstance(raw, Mapping):
            return specs
        for name, decl in raw.items():
            path = ("facts", name)
            if not self.ok(path):
                continue
            spec = FactSpec(name=name, type=decl["type"], label=decl.get("label"), unit=decl.get("unit"),
                            min=_dec(decl.get("min")), max=_dec(decl.get("max")), required=decl.get("required", "default" not in decl),
                            values=tuple(decl["values"]) if "values" in decl else None, items=decl.get("items", "finding"))
            if spec.min is not None and spec.max is not None and spec.min > spec.max:
                self.problem(path + ("min",), f"min {plain(spec.min)} is above max {plain(spec.max)}", fact=name)
            if (spec.min is not None or spec.max is not None) and not (
                    spec.type in ("number", "integer") or spec.type == "list" and spec.items == "number"):
                self.problem(path, f"min and max apply to numbers, not to a {spec.type} fact", fact=name)
            if spec.values is not None and spec.type != "string":
                self.problem(path + ("values",), f"values lists the texts a string fact may take; {name} is a {spec.type} fact",
                             fact=name, key=True)
            if "items" in decl and spec.type != "list":
                self.problem(path + ("items",), f"items applies to list facts; {name} is a {spec.type} fact", fact=name, key=True)
            if "default" in decl:
                try:
                    spec = FactSpec(**{**spec.__dict__, "default": convert_fact(decl["default"], spec)})
                except ValueError as err:
                    self.problem(path + ("default",), f"default of {name}: {err.args[0]}", err.args[1], fact=name)
            specs[name] = spec
        return specs

    def compile(self, source: Any, path: _Path, scope: Mapping[str, str], indicator: str | None = None) -> Formula | None:
        try:
            return compile_formula(source, scope)
        except FormulaError as err:
            for p in err.problems:
                self.problem(path, p.message, p.hint, indicator=indicator, expression=p.expression, fact=p.fact)
            return None

    def derived(self) -> tuple[Derived, ...]:
        raw = self.data.get("derived", {})
        if not isinstance(raw, Mapping):
            return ()
        for name in raw:
            if name in self.scope and self.scope[name] != "derived":
                self.problem(("derived", name), f"derived value {name} has the name of a fact", "rename one of them", key=True)
            self.scope[name] = "derived"
        compiled: dict[str, Derived] = {}
        for name, value in raw.items():
            path = ("derived", name)
            if not self.ok(path):
                continue
            expr, label = (value, None) if not isinstance(value, Mapping) else (value["expr"], value.get("label"))
            scope = {k: v for k, v in self.scope.items() if k != name}
            formula = self.compile(expr, path if not isinstance(value, Mapping) else path + ("expr",), scope)
            if formula is not None:
                compiled[name] = Derived(name, formula, label)
        return self._ordered(compiled)

    def _ordered(self, compiled: dict[str, Derived]) -> tuple[Derived, ...]:
        """Derived values in dependency order; a cycle is a problem."""
        done: list[Derived] = []
        state: dict[str, str] = {}

        def visit(name: str, chain: list[str]) -> None:
            if state.get(name) == "done" or name not in compiled:
                return
            if state.get(name) == "active":
                cycle = chain[chain.index(name):] + [name]
                self.problem(("derived", name), f"derived values refer to each other in a circle: {' → '.join(cycle)}",
                             "break the circle")
                return
            state[name] = "active"
            for dep in sorted(compiled[name].formula.names):
                visit(dep, chain + [name])
            state[name] = "done"
            done.append(compiled[name])

        for name in compiled:
            visit(name, [])
        return tuple(done)

    def checks(self) -> tuple[Check, ...]:
        raw = self.data.get("checks", [])
        found = []
        for i, check in enumerate(raw if isinstance(raw, list) else []):
            path = ("checks", i)
            if not self.ok(path):
                continue
            formula = self.compile(check["expr"], path + ("expr",), self.scope)
            if formula is not None:
                found.append(Check(formula, check["message"], check.get("severity", "warning")))
        return tuple(found)

    def explain_when(self) -> tuple[ExplainRule, ...]:
        """The 需说明 conditions: formulas over facts, derived values, total and grade."""
        raw = self.data.get("explain_when", [])
        found = []
        for i, rule in enumerate(raw if isinstance(raw, list) else []):
            path = ("explain_when", i)
            if not self.ok(path):
                continue
            formula = self.compile(rule["when"], path + ("when",), {**self.scope, **EXPLAIN_NAMES})
            if formula is None:
                continue
            for name in sorted(formula.names & set(EXPLAIN_NAMES) & set(self.scope)):
                self.problem(path + ("when",), f"{name} here is the project's {name}, but the set also declares a fact or "
                             f"derived value {name}", f"rename the fact or derived value {name}", fact=name)
            found.append(ExplainRule(formula, rule["message"]))
        return tuple(found)

    def grades(self, total: Decimal) -> tuple[Grade, ...]:
        raw = self.data.get("grades", [])
        if not isinstance(raw, list) or not raw or not self.ok(("grades",)):
            return ()  # missing or broken: the schema check has said so
        order = sorted(range(len(raw)), key=lambda i: raw[i]["min"])
        ranges = []
        for pos, i in enumerate(order):
            high = raw[i].get("max")
            next_min = raw[order[pos + 1]]["min"] if pos + 1 < len(order) else None
            if next_min is not None and next_min <= raw[i]["min"]:
                next_min = None  # same min as the next grade: reported as an overlap below
            ranges.append(Interval(Decimal(raw[i]["min"]), _dec(high if high is not None else next_min)))
        for pos, message in gaps_and_overlaps(ranges):
            i = order[pos]
            self.problem(("grades", i), f"grade {raw[i]['label']}: {message}",
                         "each grade's min must equal the max of the grade below it")
        lowest = raw[order[0]]
        if lowest["min"] != 0:
            self.problem(("grades", order[0], "min"), f"grades leave totals below {plain(lowest['min'])} without a grade",
                         "the lowest grade needs min: 0")
        for i, grade in enumerate(raw):
            if grade["min"] > total:
                self.problem(("grades", i, "min"), f"grade {grade['label']} starts at {plain(grade['min'])}, above the total {plain(total)}")
        top = raw[order[-1]]
        if top.get("max") is not None and top["max"] < total:
            self.problem(("grades", order[-1], "max"), f"totals from {plain(top['max'])} to {plain(total)} have no grade",
                         "leave out max on the highest grade")
        labels = [g["label"] for g in raw]
        for i, label in enumerate(labels):
            if labels.index(label) != i:
                self.problem(("grades", i, "label"), f"grade label {label} is used twice")
        return tuple(Grade(raw[i]["label"], Decimal(raw[i]["min"])) for i in reversed(order))

    def reasons(self) -> dict[str, str]:
        raw = self.data.get("reasons", {})
        if not isinstance(raw, Mapping) or not self.ok(("reasons",)):
            return {}
        for key, template in raw.items():
            for message in template_problems(key, template):
                close = difflib.get_close_matches(key, list(TEMPLATES), n=1)
                hint = f"did you mean {close[0]}?" if message.startswith("unknown") and close else None
                self.problem(("reasons", key), message, hint, key=message.startswith("unknown"))
        return dict(raw)

    # -- the indicator tree

    def indicator(self, raw: Any, path: _Path) -> Indicator | None:
        if not isinstance(raw, Mapping):
            return None
        node_id = raw.get("id") if isinstance(raw.get("id"), str) else None
        if node_id is not None:
            if node_id in self.ids:
                first = self.located.where(self.ids[node_id] + ("id",))
                self.problem(path + ("id",), f"indicator id {node_id} is used twice (first on line {first[0] if first else '?'})",
                             "give each indicator its own id")
            else:
                self.ids[node_id] = path
        weight = _dec(raw.get("weight")) if self.ok(path + ("weight",)) else None
        if weight is not None and weight % Decimal(1).scaleb(-self.precision):
            # scores are rounded to the precision: 0.5 points at precision 0 would print as 1
            self.problem(path + ("weight",), f"weight {plain(weight)} has more decimal places than precision {self.precision} keeps",
                         f"round the weight, or set precision: to at least {-weight.normalize().as_tuple().exponent}")
        children_raw = raw.get("children")
        children: list[Indicator | None] = []
        rows = None
        if "children_from" in raw:
            for other in ("children", "rule"):
                if other in raw:
                    self.problem(path + (other,), f"an indicator with children_from takes its children from the facts; it cannot have {other} too",
                                 f"remove {other} or children_from", key=True)
            rows = self.row_group(raw["children_from"], path + ("children_from",), node_id)
        elif isinstance(children_raw, list):
            children = [self.indicator(c, path + ("children", i)) for i, c in enumerate(children_raw)]
            if "rule" in raw:
                self.problem(path + ("rule",), "an indicator with children is scored by them; it cannot have a rule too",
                             "move the rule to a child, or remove the children", key=True)
            if weight is not None:
                self.weights_add_up(children, weight, path + ("children",), f"the children of {node_id}", "weight", path)
        elif "rule" not in raw:
            self.problem(path, "has neither a rule nor children", "add rule: {kind: …} to score it, or children: [...]")
        has_rule = "rule" in raw and not children_raw and "children_from" not in raw
        rule = self.rule(raw["rule"], path + ("rule",), weight, node_id) if has_rule else None
        if node_id is None or weight is None or not isinstance(raw.get("name"), str):
            return None
        line = self.located.where(path)
        return Indicator(id=node_id, name=raw["name"], weight=weight, standard=raw.get("standard"), rule=rule,
                         children=tuple(c for c in children if c is not None), rows=rows, line=line[0] if line else None)

    def row_group(self, spec: Any, path: _Path, indicator: str | None) -> RowGroup | None:
        if not self.ok(path):
            return None
        fact = self.data.get("facts", {}).get(spec["fact"]) if isinstance(self.data.get("facts"), Mapping) else None
        if not isinstance(fact, Mapping) or fact.get("type") != "list" or fact.get("items") != "target":
            self.problem(path + ("fact",), f"children_from needs a declared list fact of target rows; {spec['fact']} is not one",
                         f"declare {spec['fact']}: {{type: list, items: target}} under facts:", indicator=indicator)
            return None
        rules = {kind: self.rule(rule, path + ("rules", kind), None, indicator) for kind, rule in spec["rules"].items()}
        for kind in spec.get("standards", {}):
            if kind not in rules:
                self.problem(path + ("standards", kind), f"standard for row type {kind}, which has no rule", key=True, indicator=indicator)
        if any(r is None for r in rules.values()):
            return None
        return RowGroup(spec["fact"], rules, dict(spec.get("standards", {})))  # type: ignore[arg-type]

    def weights_add_up(self, children: list[Indicator | None], expected: Decimal, path: _Path, what: str,
                       key: str, owner: _Path = ()) -> None:
        if any(c is None for c in children) or not children:
            return  # a child is broken and already reported
        found = sum((c.weight for c in children if c is not None), ZERO)
        if found != expected:
            detail = " + ".join(f"{plain(c.weight)}" for c in children if c is not None)
            self.problem(owner + (key,) if owner else path, key=not owner, message=f"weights of {what} add up to {plain(found)} ({detail}), not {plain(expected)}",
                         hint="change the children's weights or this weight so that they agree" if owner
                         else f"change the weights so that they add up to the total {plain(expected)}")

    def rule(self, spec: Any, path: _Path, weight: Decimal | None, indicator: str | None, rows: bool | None = None) -> Rule | None:
        """Check one rule; `weight` is None when unknown (a row group's rule, or a broken weight)."""
        rows = path[-3:-2] == ("children_from",) if rows is None else rows
        if not self.ok(path) or not isinstance(spec, Mapping):
            return None
        kind = RULE_KINDS[spec["kind"]]
        builder = _RuleBuilder(self, spec, path, weight, indicator, rows)
        params = kind.params.build(spec, builder)
        if params is None or builder.failed:
            return None
        return Rule(kind=spec["kind"], params=params, spec=spec, reads=params.reads)


class _RuleBuilder:
    """What a rule's parameter class sees while it is checked (the rules.RuleSpec protocol)."""

    def __init__(self, owner: _SetBuilder, spec: Mapping[str, Any], path: _Path, weight: Decimal | None, indicator: str | None,
                 rows: bool = False):
        self.owner, self.spec, self.path, self.weight, self.indicator, self.rows = owner, spec, path, weight, indicator, rows
        self.scope = {**owner.scope, "weight": "weight"}
        if rows:  # a row group's rule also reads the row
            self.scope.update(ROW_NAMES)
        self.failed = False

    def _at(self, path: tuple[str | int, ...]) -> Any:
        node: Any = self.spec
        for part in path:
            node = node[part]
        return node

    def problem(self, message: str, *path: str | int, hint: str | None = None) -> None:
        self.failed = True
        self.owner.problem(self.path + path, message, hint, indicator=self.indicator)

    def formula(self, *path: str | int, required: bool = True) -> Formula | None:
        try:
            source = self._at(path)
        except (KeyError, IndexError):
            if required:
                self.problem(f"missing key {path[-1]!r}", *path[:-1])
            return None
        before = len(self.owner.problems)
        formula = self.owner.compile(source, self.path + path, self.scope, self.indicator)
        self.failed |= len(self.owner.problems) > before
        return formula

    def rule(self, *path: str | int) -> Rule | None:
        return self.owner.rule(self._at(path), self.path + path, self.weight, self.indicator, rows=self.rows)

    def fact(self, *path: str | int, types: tuple[str, ...]) -> str | None:
        name = self._at(path)
        if name == "row" and self.rows:
            return name  # the row itself: its tier or score with the reason
        declared = self.owner.data.get("facts", {}) if isinstance(self.owner.data.get("facts"), Mapping) else {}
        if name not in declared:
            close = difflib.get_close_matches(name, list(declared), n=1)
            self.problem(f"unknown fact {name}", *path, hint=f"did you mean {close[0]}?" if close else f"declare it under facts: with type: {types[0]}")
            return None
        kind = self.owner.scope.get(name)
        if kind not in types:
            self.problem(f"fact {name} is a {kind} fact; this needs a {' or '.join(types)} fact", *path)
            return None
        return name


def _read_text(path: Path, limit: int, error: type[Exception]) -> tuple[str, bytes]:
    """A file's text (UTF-8, BOM allowed) and its bytes; clear errors for every way reading can fail."""
    name = str(path)
    try:
        if path.is_dir():
            raise error(Problem("is a folder, not a file", file=name))
        size = path.stat().st_size
        if size > limit:
            constant = {_yaml.MAX_YAML_BYTES: "MAX_YAML_BYTES", MAX_FACTS_BYTES: "MAX_FACTS_BYTES"}.get(limit)
            raise error(Problem(f"file is {size} bytes; the limit is {limit}" + (f" ({constant})" if constant else ""), file=name))
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(Problem("no such file", file=name)) from None
    except OSError as err:
        raise error(Problem(f"cannot read: {err.strerror}", file=name)) from None
    try:
        return data.decode("utf-8-sig"), data
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise error(Problem(f"not UTF-8 text (byte {err.start})", file=name, line=line, hint="save the file as UTF-8")) from None


def parse_indicator_set(text: str, source: str | None = None, sha256: str | None = None) -> IndicatorSet:
    """An indicator set from YAML text (no file access); `source` names it in errors.

    `sha256` identifies the set in results; by default the hash of the text in UTF-8.
    """
    sha256 = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()  # a lone surrogate is refused below
    try:
        located = _yaml.load(text, source)
    except _yaml.YamlError as err:
        raise IndicatorSetError(err.problems) from None
    return _SetBuilder(located, source).build(sha256)


def bundled_sets() -> dict[str, Path]:
    """Bundled indicator sets: id → file (the file is named after the set's id)."""
    folder = data_dir("indicator_sets")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.name.endswith(".cases.yaml")}


def resolve_set(ref: str, relative_to: Path | None = None) -> Path:
    """The file of a set named by path (relative to `relative_to` if given) or by bundled id."""
    candidates = [Path(ref)] if relative_to is None else [relative_to / ref, Path(ref)]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    bundled = bundled_sets()
    if ref in bundled:
        return bundled[ref]
    folder = next((c for c in candidates if c.is_dir()), None)
    if folder is not None:
        raise IndicatorSetError(Problem("is a folder, not a file", file=str(folder), hint="name the set's YAML file"))
    close = difflib.get_close_matches(ref, list(bundled), n=1)
    hint = f"did you mean {close[0]}?" if close else ("bundled sets: " + ", ".join(bundled) if bundled else None)
    raise IndicatorSetError(Problem(f"no indicator set {ref!r}: neither a file nor a bundled set id", hint=hint))


def load_indicator_set(path: str | Path) -> IndicatorSet:
    """Load and validate an indicator set from a YAML file, or a bundled set by id.

    Raises IndicatorSetError listing every problem, each with file:line:column.
    """
    file = resolve_set(str(path))
    text, data = _read_text(file, _yaml.MAX_YAML_BYTES, IndicatorSetError)
    return parse_indicator_set(text, str(path) if Path(path).is_file() else str(file), hashlib.sha256(data).hexdigest())


class _Reject(Exception):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Reject(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    return NotANumber(name)  # reported with where it is, below


def parse_facts(text: str, source: str | None = None, yaml: bool = False) -> Facts:
    """Facts from a facts document in JSON (or YAML) text; no file access."""
    if yaml:
        doc = _yaml.load_strict(text, source, FactsError).data
    else:
        try:
            doc = json.loads(text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_json_object)
        except json.JSONDecodeError as err:
            raise FactsError(Problem(f"JSON syntax: {err.msg}", file=source, line=err.lineno, column=err.colno)) from None
        except _Reject as err:
            raise FactsError(Problem(str(err), file=source)) from None
        except RecursionError:
            raise FactsError(Problem(f"JSON nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)", file=source)) from None
        except ValueError as err:  # an integer of more than 4300 digits
            raise FactsError(Problem(f"a number cannot be read: {str(err).split(';')[0]}", file=source,
                                     hint="check the digits")) from None
    found = [Problem(message, file=source, path=json_path(path), fact=fact_at(path), hint=hint)
             for path, message, hint in itertools.islice(document_problems(doc), 20)]
    if found:
        raise FactsError(found)
    validator = _validator("facts.schema.json")
    problems = [Problem(p[2], file=source, path=_json_path(p[0]), hint=p[3])
                for e in validator.iter_errors(doc) for p in _schema_problems(e)]
    if problems:
        raise FactsError(problems)
    return Facts(values=doc["facts"], not_applicable=doc.get("not_applicable", {}), project=doc.get("project", {}),
                 indicator_set=doc.get("indicator_set"), source=source)


def load_facts(path: str | Path) -> Facts:
    """Load a facts file (.json, or .yaml/.yml)."""
    file = Path(path)
    text, _ = _read_text(file, MAX_FACTS_BYTES, FactsError)
    return parse_facts(text, str(path), yaml=file.suffix.lower() in (".yaml", ".yml"))
