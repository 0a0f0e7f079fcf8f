"""What a failed check of the set says: the set's message, the values the check read, and, for one of severity error
(which stops scoring), the facts behind them and where the set writes the check; and what a derived value divided by
zero says: the facts its divisor is made of, with their values, and what the facts may do about it."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ._display import equals_text, show_number, show_value
from .audit import readable
from .errors import Problem
from ._closures import build, facts_named
from .formulas import Formula
from .model import Check, IndicatorSet, Rule
from .rules._base import unambiguous
from ._patterns import compile_later

__all__ = ["check_problem", "divided_by_zero", "in_words", "with_values"]

#: Facts behind a failed check named in its message; past these, how many more.
SHOWN_FACTS = 8


def with_values(message: str, formula: Formula, values: Mapping[str, Any], behind: Sequence[str] = (),
                written: str | None = None) -> str:
    """The message followed by the formula and the values it read, then the facts `behind` them (those of the derived values
    it read): 'X（a < b；a = 1, b = 2）', 'X（total >= 30；total = 23；survey.a = 5, survey.b = 18）'. `written`: the set's
    own message for the check, in whose language the punctuation is: 'paid over total (paid <= total; …)', and so
    'cannot be checked (…): paid over total (…)' (QA91 F8, QA114 F4)."""
    shown = [_shown(sorted(formula.names), values)]
    if behind:
        shown.append(_shown(list(behind[:SHOWN_FACTS]), values) + (", …" if len(behind) > SHOWN_FACTS else ""))
    shown = [part for part in shown if part]
    if not shown:
        return message
    if written is not None and not _has_cjk(written):
        return f"{message} ({'; '.join([formula.text, *shown])})"
    return f"{message}（{'；'.join([formula.text, *shown])}）"


# Chinese characters and full-width forms (U+2E80–U+9FFF, U+F900–U+FAFF, U+FF00–U+FFEF) as their UTF-8 bytes: this
# pattern compiles at once, where the same ranges written as text took 2 ms at the start of a command that words a check.
_CJK_UTF8 = compile_later(rb"\xe2[\xba-\xbf][\x80-\xbf]|[\xe3-\xe9][\x80-\xbf]{2}"
                          rb"|\xef(?:[\xa4-\xab\xbc-\xbe][\x80-\xbf]|\xbf[\x80-\xaf])")


def _has_cjk(text: str) -> bool:
    """Whether `text` holds a Chinese character or a full-width form (its punctuation is then Chinese)."""
    return _CJK_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


def in_words(message: str, formula: Formula, values: Mapping[str, Any], indicator_set: IndicatorSet) -> str | None:
    """A check failed or a 需说明 met as a clerk reads it, where the set writes its message in Chinese: the message, then
    each value the condition read by its label, as the reports show it, in the order the condition names them:
    '预算执行率低于90%，需说明原因（预算执行率 70.00%）', '全年执行数超过全年预算数（全年执行数 115万元，全年预算数 100万元）'.
    with_values' formula and `name = value` stay for the set's author and for tools (the English text and the JSON; the
    JSON in Chinese says these words, QA340 F6): the list the bureau sends the units read `execution_rate < 0.9；
    execution_rate = 0.7` (QA259 F2, QA263 F6). None for a message in English."""
    if not _has_cjk(message):
        return None
    lines = _lines_of(formula)
    shown = [f"{label} {_shown_as(values[name], is_rate, unit, lines)}"
             for name, label, is_rate, unit in _read_as(formula, indicator_set) if readable(values, name)]
    return f"{message}（{'，'.join(shown)}）" if shown else message


#: By the set's sha256 (its text: labels and units alike) and a condition: what in_words shows of each name it reads,
#: worked out once (a batch flags thousands); at most _MOST_READ_AS conditions kept
_READ_AS: dict[tuple[str, str], list[tuple[str, str, bool, str | None]]] = {}
_MOST_READ_AS = 256


def _shown_as(value: Any, is_rate: bool, unit: str | None, lines: tuple[Decimal, ...] = ()) -> str:
    """A value as the list sent to the units shows it: a rate as the batch's 汇总 does, with two decimals or as many more
    as keep it off the lines its condition draws, on either side, and off 0 (42.67%, 89.995%, 100.0004% beside a line at
    100%: never ≈42.674082% beside 汇总's 42.67%, QA283 F4, nor 100.00% over it, QA288 F4)."""
    return unambiguous(value, "percent", lines, 2) if is_rate and isinstance(value, Decimal) and value.is_finite() \
        else show_value(value, unit)


def _lines_of(formula: Formula) -> tuple[Decimal, ...]:
    """The numbers a condition compares with (0.9 of execution_rate < 0.9), and 0."""
    return (*(Decimal(number) for number in _NUMBERS.findall(formula.text)), Decimal(0))


_NUMBERS = compile_later(r"(?<![\w.])\d{1,15}(?:\.\d{1,15})?(?![\w.])")


def _read_as(formula: Formula, indicator_set: IndicatorSet) -> list[tuple[str, str, bool, str | None]]:
    """(name, label, a share, its unit) for each name `formula` reads, in the order it names them."""
    key = (indicator_set.sha256, formula.text)
    found = _READ_AS.get(key) if indicator_set.sha256 else None
    if found is None:
        derived = {d.name: d for d in indicator_set.derived}
        found = []
        for name in sorted(formula.names, key=lambda n: (_first_at(formula.text, n), n)):
            spec = indicator_set.facts.get(name)
            if name in derived:
                label = derived[name].label or name
                is_rate = label.endswith(_RATES) and _divides(derived[name].formula)
                found.append((name, label, is_rate, None if is_rate else _shared_unit(derived[name].formula, indicator_set)))
            else:  # a fact that is a share (服务质量达标率 0.965, max 1) is a percentage too
                label = spec.label if spec is not None and spec.label else _OWN.get(name, name)
                is_rate = spec is not None and spec.unit is None and spec.max is not None and spec.max <= 1 \
                    and label.endswith(_RATES)
                found.append((name, label, is_rate, spec.unit if spec is not None else None))
        if indicator_set.sha256:  # a set made in Python without one is worked out each time
            if len(_READ_AS) >= _MOST_READ_AS:
                _READ_AS.clear()
            _READ_AS[key] = found
    return found


_RATES = ("率", "比例", "比率", "占比")  # a derived value so labelled, a division, is a share: 0.7 is shown 70.00%
_OWN = {"total": "总分", "grade": "等级"}  # what a 需说明 condition reads besides the facts


def _first_at(text: str, name: str) -> int:
    found = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w.])", text)
    return found.start() if found else len(text)


def _shared_unit(formula: Formula, indicator_set: IndicatorSet) -> str | None:
    """The unit of a derived value that adds or takes away facts of one unit (已付工程款合计 = paid_2021 + paid_2022, both
    万元: QA269 F4), kept within bounds (max, min, abs); None for any other."""
    units = {spec.unit for name in formula.names if (spec := indicator_set.facts.get(name)) is not None}
    if len(units) != 1 or not all(name in indicator_set.facts for name in formula.names):
        return None
    for node in ast.walk(formula.tree):
        if isinstance(node, ast.BinOp) and not isinstance(node.op, (ast.Add, ast.Sub)):
            return None
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in ("max", "min", "abs")):
            return None
    return units.pop()


def _divides(formula: Formula) -> bool:
    """Whether a derived value is a quotient: a / b, ratio(a, b, …) (national-framework's 执行率: QA269 F3), or one kept
    within bounds or rounded (min(a / b, 1), round(ratio(a, b), 4))."""
    node = formula.tree
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max", "round") \
            and node.args:
        node = node.args[0]
    return (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ratio")


def check_problem(check: Check, failure: str, indicator_set: IndicatorSet, values: Mapping[str, Any],
                  facts_file: str | None) -> Problem:
    """The problem of a failed check of severity error: its message and values, the facts it reads through derived values
    with theirs, the set's file and line of the check, and the first of those facts; the hint names the facts file."""
    read = facts_read(check.formula, indicator_set)
    message = with_values(failure, check.formula, values, [name for name in read if name not in check.formula.names],
                          written=check.message)
    return Problem(message, file=check.file or indicator_set.source, line=check.line, fact=read[0] if read else None,
                   expression=check.formula.text,
                   hint=f"check the facts it read in {facts_file}" if facts_file else "check the facts it read")


def divided_by_zero(name: str, failed: Problem, indicator_set: IndicatorSet, values: Mapping[str, Any]) -> Problem | None:
    """The problem of derived value `name` failing by a division by zero, said on the facts its divisor is made of (QA48
    F2: a 全年预算数 of 0 was "事实 execution_base" — a derived value — with a fix to the bundled set's formula): the
    facts that are 0, with the indicators that fail on the division to mark not applicable if it is so (not all that
    read those facts: QA153 F3). None for another failure."""
    if failed.message != "division by zero" or not failed.fact:
        return None
    derived = {d.name: d.formula for d in indicator_set.derived}
    divisor = failed.fact.split(", ")
    made_of = [n for n in divisor if n in indicator_set.facts] + [
        f for n in divisor if n in derived for f in facts_read(derived[n], indicator_set)]
    zero = [n for n in dict.fromkeys(made_of) if readable(values, n) and values[n] == 0] or list(dict.fromkeys(made_of))
    if not zero:
        return None
    readers = _failing_readers(name, zero, indicator_set, values)
    mark = f"if it is so, mark {', '.join(readers) or 'the indicators that read it'} not applicable, with the reason"
    written = _divisor_written(derived[name], failed.fact, values) if name in derived else None
    if written is not None:  # `a - 186` is 0: a is not (QA81 F1), and the fix may be the facts or the set's formula
        divisor_is = f"its divisor {written} is 0" if written else "its divisor is 0"
        said = f"derived value {name}: division by zero: {divisor_is} ({_shown(list(dict.fromkeys(made_of)), values)})"
        return Problem(said, fact=zero[0], expression=failed.expression,
                       hint=f"{mark}; else check {', '.join(dict.fromkeys(made_of))}, and the divisor the set writes")
    behind = [n for n in zero if n not in divisor]  # shown where the divisor is a derived value: the facts it is made of
    said = f"derived value {name}: division by zero: {failed.fact} is 0" + (f" ({_shown(behind, values)})" if behind else "")
    # said of the facts, where it is put right (QA305 2: the bundled set's file and line came first, the facts file nowhere)
    return Problem(said, fact=zero[0], expression=failed.expression, path=f"$.facts.{zero[0]}",
                   hint=f"{mark}; else give the right {', '.join(zero)}")


def _failing_readers(name: str, zero: Sequence[str], indicator_set: IndicatorSet, values: Mapping[str, Any]) -> list[str]:
    """The indicators whose scoring fails on derived value `name`'s division by zero, by id: those that read it, directly
    or through other derived values, and those whose own formulas divide by what the `zero` facts make 0. Not every
    indicator that reads a zero fact: one that reads it as a numerator scores (QA153 F3: the hint had 资金到位率, which
    scored 0.00 rightly, marked 不适用 too, and so given its full 5 points)."""
    failing = {name}
    for d in indicator_set.derived:  # in dependency order: a value reading one that fails fails too
        if not d.formula.names.isdisjoint(failing):
            failing.add(d.name)
    found = []
    for node in indicator_set.walk():
        rules = tuple(node.rows.rules.values()) if node.rows is not None else (node.rule,) if node.rule is not None else ()
        if any(not rule.reads.isdisjoint(failing) or _divides_by_zero(rule.params, zero, indicator_set, values)
               for rule in rules):
            found.append(node.id)
    return sorted(found)


def _divides_by_zero(params: Any, zero: Sequence[str], indicator_set: IndicatorSet, values: Mapping[str, Any]) -> bool:
    """Whether a formula of a rule's parameters (or of the rules inside, a switch's variants) divides by something made
    of the `zero` facts that is 0 with `values`, or that cannot be computed from them (a row's field)."""
    pending, seen = [params], set()
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Formula):
            if any(_zero_divisor(node.right, zero, indicator_set, values) for node in ast.walk(item.tree)
                   if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.FloorDiv, ast.Mod))):
                return True
        elif isinstance(item, Rule):
            pending.append(item.params)
        elif isinstance(item, Mapping):
            pending.extend(item.values())
        elif isinstance(item, tuple):  # a NamedTuple of parameters, or a tuple of parts, bands, elements
            pending.extend(item)
    return False


def _zero_divisor(divisor: ast.expr, zero: Sequence[str], indicator_set: IndicatorSet, values: Mapping[str, Any]) -> bool:
    names = {n.id for n in ast.walk(divisor) if isinstance(n, ast.Name)}
    derived = {d.name: d.formula for d in indicator_set.derived if d.name in names}
    made_of = names.union(*(facts_read(formula, indicator_set) for formula in derived.values()))
    if made_of.isdisjoint(zero):
        return False
    try:
        return bool(build(divisor)(values) == 0)
    except Exception:  # a divisor that cannot be computed from the values (a row's field) may be 0
        return True


def _divisor_written(formula: Formula, named: str, values: Mapping[str, Any]) -> str | None:
    """The divisor of `formula` that is 0 with `values` and names exactly `named` (the names a failure gives), as the set
    writes it, when it is an expression rather than one name; None when it is one name; "" when it cannot be told
    (QA83 F1: of `a / b + c / (b - 2)` with b = 2, the divisor that is 0 is b - 2, not b)."""
    found = [node.right for node in ast.walk(formula.tree) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
             and facts_named(node.right) == named and _is_zero(node.right, values)]
    written = {ast.get_source_segment(f"(\n{formula.text}\n)", node) or "" for node in found}  # as compile_formula parsed it
    if found and all(isinstance(node, ast.Name) for node in found) and len(written) == 1:
        return None
    return written.pop() if len(written) == 1 else ""


def _is_zero(divisor: ast.expr, values: Mapping[str, Any]) -> bool:
    """Whether a divisor, computed again from the values scored (by the closures of the checked tree), is 0."""
    try:
        return bool(build(divisor)(values) == 0)
    except Exception:  # a divisor that cannot be computed (a value missing, text) is not the one that was 0
        return False


def facts_read(formula: Formula, indicator_set: IndicatorSet) -> list[str]:
    """The declared facts `formula` reads, directly or through derived values, in the order the set declares them."""
    derived = {d.name: d for d in indicator_set.derived}
    found: dict[str, None] = {}
    seen: set[str] = set()
    pending = [iter(sorted(formula.names))]  # a stack, not recursion: derived values may chain deep
    while pending:
        name = next(pending[-1], None)
        if name is None:
            pending.pop()
        elif name in indicator_set.facts:
            found[name] = None
        elif name in derived and name not in seen:
            seen.add(name)
            pending.append(iter(sorted(derived[name].formula.names)))
    return [name for name in indicator_set.facts if name in found]


def _shown(names: list[str], values: Mapping[str, Any]) -> str:
    return ", ".join(f"{n} {_show(values[n])}" for n in names if readable(values, n))


def _show(value: Any) -> str:
    """'= value', or '≈ value' where it has more decimals than a reader takes in (0.750002383017662926… ≈ 0.750002); a
    list, a true/false value or a date as the reports show it (是, 2笔支出未附发票（2分）), never Python's repr (QA137 F2)."""
    return equals_text(show_number(value)) if isinstance(value, Decimal) else f"= {show_value(value)}"
