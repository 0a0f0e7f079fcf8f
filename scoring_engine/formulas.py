"""The formula language: a small, checked subset of Python expressions.

A formula may use numbers, text literals (for equality tests), fact and derived
names (dotted, e.g. ``budget.paid``), ``weight``, ``+ - * /``, comparisons,
``and / or / not``, ``a if c else b`` and the functions in `FUNCTIONS`. Nothing
else: no attribute access, indexing, comprehensions, lambdas, f-strings or
assignment. `compile_formula` checks all of that once, when the set loads, and
turns the checked tree into closures (`_closures`) whose only inputs are the
values by name, so scoring never parses or walks a tree again. The operators
and functions themselves, and the values they accept, are in `_formula_functions`.

>>> f = compile_formula("min(budget.paid / budget.total, 1)", {"budget.paid": "number", "budget.total": "number"})
>>> from decimal import Decimal
>>> evaluate(f, {"budget.paid": Decimal("800"), "budget.total": Decimal("1000")})
Decimal('0.8')
"""

from __future__ import annotations

import ast
import keyword
import warnings
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal, DecimalException
from typing import Any

from . import _closures
from ._arith import scoring_context
from ._formula_functions import FUNCTIONS, OPERATORS, Fail, Finding, python_number_hint
from ._formula_kinds import argument_problems, arithmetic_problems, comparison_problems
from ._formula_numbers import formula_text, number_problem
from ._formula_python import FORMULA_LANGUAGE, f_string, refused_construct, syntax_problem, unindented_error
from ._formula_syntax import (glued_problem, missing_operator, one_line, plain_decimal, syntax_slip, unclosed_text,
                              unicode_problems)
from ._record import record
from .errors import ADD_THE_FACT, FormulaError, Problem, ScoringError, closest, did_you_mean
from ._patterns import compile_later

__all__ = [
    "Formula",
    "Finding",
    "compile_formula",
    "DIVISION_HINT",
    "evaluate",
    "FUNCTIONS",
    "MAX_FORMULA_LENGTH",
    "MAX_NESTING_DEPTH",
    "MAX_NUMBER_DIGITS",
    "MAX_TEXT_LENGTH",
]

#: Longest formula accepted, in characters.
MAX_FORMULA_LENGTH = 2000
#: Deepest nesting of operations accepted (a sum of N terms nests about N deep: 101 terms pass).
MAX_NESTING_DEPTH = 100
#: Most digits in one number literal.
MAX_NUMBER_DIGITS = 30
#: Longest text literal, in characters.
MAX_TEXT_LENGTH = 200
#: The names spreadsheets and Python give functions the language has under other names.
_FAMILIAR = {"round": "round_half_up", "average": "mean", "avg": "mean", "len": "count", "datedif": "days_between",
             "datediff": "days_between"}

# Fact types a formula may read; judgement and tier facts carry an
# evaluator's score and reason and belong to their own rule kinds.
READABLE_TYPES = {"number", "integer", "boolean", "string", "date", "list", "derived", "weight"}


_ZERO = Decimal(0)

# A division whose divisor was 0 for this project: the function that says what a zero divisor scores.
DIVISION_HINT = "when the divisor can be 0, write ratio(a, b) for a / b: it gives 0 then (ratio(a, b, 1) gives 1)"


@record
class Formula:
    """A checked formula: its text, the names it reads, its checked tree (to read: scoring runs the closures compiled
    from it, and a pickled formula is compiled again from its text) and those closures."""

    text: str
    names: frozenset[str]
    tree: ast.expr = field(compare=False, repr=False)
    reader: _closures.Reader = field(compare=False, repr=False)
    bare: str | None = field(default=None, compare=False, repr=False)  # the name, when the formula is one name alone

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        # Closures do not pickle: a pickled formula is compiled again from its text, never from its tree, which a program
        # can reach and change (QA317 10: a set sent to score_many's workers scored otherwise than in the program)
        return _from_text, (self.text, self.names)

    def evaluate(self, names: Mapping[str, Any]) -> Any:
        """The value with `names` as the only inputs, in the decimal context of the caller (the engine's).

        Raises ScoringError naming the formula (and the fact, if one is missing).
        """
        try:
            value = self.reader(names)
        except Fail as err:
            hint = DIVISION_HINT if str(err) == "division by zero" and "ratio(" not in self.text else \
                python_number_hint(names, self.names)
            raise ScoringError(str(err), expression=self.text, fact=err.fact, hint=hint) from None
        except _closures.Missing as err:
            raise ScoringError(f"fact {err.name} is missing", expression=self.text, fact=err.name,
                               hint=ADD_THE_FACT) from None
        except DecimalException:
            raise ScoringError("number out of range", expression=self.text) from None
        except RecursionError:
            raise ScoringError("formula too deep to evaluate", expression=self.text) from None
        if type(value) is Decimal and not value:  # any zero is 0, as a fact's is: 0 × -1 is -0, and a product that
            return _ZERO  # underflows 0E-1026, printed with 1,026 zeros (QA203 11)
        return value


def _from_checked_tree(text: str, names: frozenset[str], tree: ast.expr) -> Formula:
    return Formula(text, names, tree, _closures.build(tree), tree.id if type(tree) is ast.Name else None)


def _from_text(text: str, names: frozenset[str]) -> Formula:
    """A formula checked before, compiled again from its text: parsed, and checked reading the names it read then
    (their kinds were judged then: the tree does not depend on them), to the same tree."""
    checker = _Checker(f"(\n{text}\n)", dict.fromkeys(names, "number"), original=text)
    body = ast.Name(id=text, ctx=ast.Load()) if text in names else checker.check(_parsed(text).body, 0)
    if checker.problems:  # never for the text of a formula that was checked
        raise FormulaError(checker.problems)
    return _from_checked_tree(text, names, body)


# ---------------------------------------------------------------- checking

# Operators Python has and the language refuses, as written in a formula.
_OPERATOR_SYMBOLS = {
    ast.Pow: "**",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
    ast.Invert: "~",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}

_FORBIDDEN = {
    ast.Subscript: "indexing with [...]",
    ast.Slice: "slicing",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.JoinedStr: "f-strings",
    ast.FormattedValue: "f-strings",
    ast.NamedExpr: "assignment (:=)",
    ast.List: "list literals",
    ast.Tuple: "tuple literals",
    ast.Dict: "dict literals",
    ast.Set: "set literals",
    ast.Starred: "* unpacking",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
}


def _dotted(node: ast.expr) -> str | None:
    """'budget.paid' for the attribute chain budget.paid; None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _placed(new: ast.expr, node: ast.expr) -> ast.expr:
    """`new` at the place of `node`, which the parser made (it has all four positions): what ast.copy_location does,
    without its tests of each attribute (every node of every formula of a set is placed so)."""
    new.lineno, new.col_offset, new.end_lineno, new.end_col_offset = \
        node.lineno, node.col_offset, node.end_lineno, node.end_col_offset
    return new


class _Checker:
    """Checks one parsed formula against the language and rebuilds it for evaluation."""

    def __init__(self, text: str, scope: Mapping[str, str], original: str):
        self.text = text  # what was parsed (the formula in parentheses)
        self.original = original
        self.scope = scope
        self.problems: list[Problem] = []
        self.names: set[str] = set()
        self.compares = False  # whether the formula holds a comparison (only then are its sides' kinds looked at)
        self.computes = False  # whether it holds + - * / or a sign (only then are their operands' kinds looked at)
        # its lines, where a node's offsets (in UTF-8 bytes) are its characters' and its lines are split as ast splits
        # them: each number's text is read from them, not by ast.get_source_segment splitting the formula again each time
        self.lines = text.split("\n") if text.isascii() and "\r" not in text else None

    def fail(self, message: str, hint: str | None = None, fact: str | None = None) -> None:
        self.problems.append(Problem(message, expression=self.original, hint=hint, fact=fact))

    def fragment(self, node: ast.AST) -> str:
        line = getattr(node, "lineno", None)
        if self.lines is not None and line is not None and line == getattr(node, "end_lineno", None):
            shown = self.lines[line - 1][getattr(node, "col_offset", 0):getattr(node, "end_col_offset", 0)]
        else:
            shown = ast.get_source_segment(self.text, node)
        return shown or type(node).__name__

    def shown(self, node: ast.AST) -> str:
        """The fragment for a message: on one line, and cut short (a hostile fragment may be 2000 characters)."""
        return one_line(self.fragment(node))

    def name(self, name: str, node: ast.expr) -> ast.expr:
        kind = self.scope.get(name)
        if name.startswith("_"):  # _x, __import__, _budget.paid: a name that does not start with a letter (QA207 2)
            self.underscored(name)
        elif any(part.startswith("_") for part in name.split(".")):
            self.fail(f"attribute access is not allowed: {name}")
        elif kind is None:
            if name in FUNCTIONS:
                self.fail(f"function {name} used without ( )", hint=f"write {name}(...)")
            elif name == getattr(self.scope, "itself", None):  # a derived value's own name: declared, and not readable here
                self.fail(f"derived value {name} reads itself", fact=name,
                          hint="write it of the facts and other derived values it is computed from")
            else:
                # only names a formula can be written with (QA67 F7), and reads: not the nearest, a tier fact (QA338 M3)
                writable = [n for n in self.scope if all(p.isascii() and p.isidentifier() for p in n.split("."))]
                readable = self.scope.get(meant := _name_meant(name, writable) or "") in READABLE_TYPES
                self.fail(f"unknown name {name}", fact=name,
                          hint=f"did you mean {meant}?" if readable else "declare it under facts: or derived:")
        elif kind not in READABLE_TYPES:
            self.fail(
                f"fact {name} holds an evaluator's {kind}; formulas cannot read it",
                hint=f"score it with rule kind {'tiers' if kind == 'tier' else 'judgement'}",
                fact=name,
            )
        self.names.add(name)
        return ast.copy_location(ast.Name(id=name, ctx=ast.Load()), node)

    def underscored(self, name: str) -> None:
        """A name starting with _ (QA203 10): a name starts with a letter; the fix names the declared one without the _."""
        bare = name.lstrip("_")
        if bare in self.scope:
            hint = f"a name starts with a letter: did you mean {bare}?"
        else:
            hint = "a name starts with a letter: write a fact's or derived value's name as declared (budget.paid, rate_2)"
        self.fail(f"name {name} does not start with a letter", hint=hint)

    def check(self, node: ast.AST, depth: int) -> ast.expr:
        if depth > MAX_NESTING_DEPTH:
            raise _TooDeep
        down = depth + 1
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node.id, node)
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if dotted is None:
                self.fail(f"attribute access is not allowed: {self.shown(node)}")
                return node
            return self.name(dotted, node)
        if isinstance(node, ast.BinOp):
            self.operator(node.op)
            new: ast.expr = ast.BinOp(self.check(node.left, down), node.op, self.check(node.right, down))
            self.computes = True
        elif isinstance(node, ast.UnaryOp):
            self.operator(node.op)
            self.computes = self.computes or not isinstance(node.op, ast.Not)
            new = ast.UnaryOp(node.op, self.check(node.operand, down))
        elif isinstance(node, ast.BoolOp):
            new = ast.BoolOp(node.op, [self.check(v, down) for v in node.values])
        elif isinstance(node, ast.Compare):
            self.compares = True
            for op in node.ops:
                self.operator(op)
            new = ast.Compare(self.check(node.left, down), node.ops, [self.check(c, down) for c in node.comparators])
        elif isinstance(node, ast.IfExp):
            new = ast.IfExp(self.check(node.test, down), self.check(node.body, down), self.check(node.orelse, down))
        elif isinstance(node, ast.Call):
            new = self.call(node, down)
        else:
            self.refuse(node)
            return node  # type: ignore[return-value]
        return _placed(new, node)

    def refuse(self, node: ast.AST) -> None:
        """A construct the language has not, shown as written: a tuple that is the whole formula (`a / b,`) spans the
        brackets it is parsed in, which are not the author's (QA160 F3)."""
        what = _FORBIDDEN.get(type(node), type(node).__name__)
        wrapped = getattr(node, "lineno", 0) == 1 and getattr(node, "col_offset", 0) == 0
        hint = FORMULA_LANGUAGE
        if isinstance(node, ast.Tuple) and (wrapped or self.fragment(node) == self.original):  # the whole formula
            hint = "delete the comma at the end: a formula gives one value" if self.original.endswith(",") else \
                "delete the comma: a formula gives one value" if len(node.elts) == 1 else \
                "a formula gives one value: join the parts with an operator, or pass them to a function such as max( )"
        self.fail(f"{what} not allowed in formulas: {one_line(self.original) if wrapped else self.shown(node)}", hint=hint)

    def operator(self, op: ast.AST) -> None:
        if type(op) not in OPERATORS:
            symbol = _OPERATOR_SYMBOLS.get(type(op), type(op).__name__)
            self.fail(f"operator {symbol} is not allowed", hint="use + - * / and comparisons")

    def constant(self, node: ast.Constant) -> ast.expr:
        value = node.value
        if isinstance(value, bool):
            return node
        if isinstance(value, str):
            if len(value) > MAX_TEXT_LENGTH:
                self.fail(f"text literal longer than {MAX_TEXT_LENGTH} characters (MAX_TEXT_LENGTH)")
            return node
        if isinstance(value, (int, float)):
            source = self.fragment(node)
            digits = sum(ch.isdigit() for ch in source)
            if digits > MAX_NUMBER_DIGITS:
                self.fail(f"number with {digits} digits; the limit is {MAX_NUMBER_DIGITS} (MAX_NUMBER_DIGITS)")
                return node
            if not plain_decimal(source):  # hex, octal, binary or exponent notation
                self.fail(f"write numbers in plain decimal notation, not {source}")
                return node
            exact: Any = Decimal(source.replace("_", ""))  # the evaluator takes a Decimal constant as it is
            return _placed(ast.Constant(exact), node)
        self.fail(f"{self.shown(node)} is not a number, text or True/False")
        return node

    def call(self, node: ast.Call, depth: int) -> ast.expr:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        before = len(self.problems)
        if name is None and not isinstance(node.func, ast.Attribute):
            self.check(node.func, depth)  # says what it is: a lambda, an indexing…
        if name is None and len(self.problems) == before:  # (1)(2), 'a'(1), min(1, 2)(3): no function's name (QA112 F3)
            self.fail(f"only the listed functions can be called: {self.shown(node.func)}(...) is not one")
        elif name is not None and name not in FUNCTIONS:
            familiar = _FAMILIAR.get(name.lower())  # round( of Excel and Python is no near miss of round_half_up
            hint = (f"did you mean {familiar}?" if familiar else did_you_mean(name, FUNCTIONS)) or \
                "functions: " + ", ".join(FUNCTIONS)
            self.fail(f"unknown function {name}", hint=hint)
        if node.keywords:
            self.fail(f"{name or 'call'}: keyword arguments are not allowed")
        args = [self.check(a, depth) for a in node.args]
        if name in FUNCTIONS:
            _, fewest, most, _ = FUNCTIONS[name]
            if not fewest <= len(args) <= most:
                expected = str(fewest) if fewest == most else f"{fewest} to {most}"
                self.fail(f"{name} takes {expected} argument(s), got {len(args)}")
        return ast.Call(ast.Name(id=name or "?", ctx=ast.Load()), args, [])


class _TooDeep(Exception):
    pass


def _name_meant(name: str, names: list[str]) -> str | None:
    """The name an unknown name is a slip for, never one alike only in the part both begin with
    (output.inspected is no slip for output.planned, where a new fact was meant: QA305 1)."""
    close = closest(name, names)
    head, _, last = name.rpartition(".")
    if close is not None and head and close.rpartition(".")[0] == head and closest(last, [close.rpartition(".")[2]]) is None:
        return None
    return close


def compile_formula(source: str | int | Decimal | bool, scope: Mapping[str, str]) -> Formula:
    """Check a formula against the language and the names in `scope` (name → type); parse it once.

    Raises FormulaError listing every problem found.
    """
    if not isinstance(scope, Mapping):  # a wrong argument named, not an AttributeError from inside (QA317 9)
        raise TypeError(f"scope is a mapping of each name the formula may read to its type, not {type(scope).__name__}")
    text = formula_text(source, MAX_NUMBER_DIGITS)
    if not text:
        raise FormulaError("empty formula", hint="write an expression such as budget.paid / budget.total")
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(
            f"formula is {len(text)} characters long; the limit is {MAX_FORMULA_LENGTH} (MAX_FORMULA_LENGTH)",
            expression=text[:60] + "…",
            hint="split it into derived values",
        )
    if _DOTTED_NAME.fullmatch(text) and not any(keyword.iskeyword(part) for part in text.split(".")):
        return _name_only(text, scope)  # ASCII letters, digits, _ and dots: none of the scans below finds anything in it
    unread = number_problem(text) or f_string(text)  # before any tokenizer reads them as its Python's version does
    problems = [unread] if unread is not None else unicode_problems(text)
    if not problems and (late := number_problem(text, past_typed=True)) is not None:
        problems = [late]  # after a typed character its check let pass: still before any tokenizer splits it
    if problems:
        raise FormulaError(problems)
    glued = glued_problem(text)
    if glued is not None:  # before the parser, which would print its warning
        raise FormulaError(glued)
    tree = _parsed(text)
    checker = _Checker(f"(\n{text}\n)", scope, original=text)
    try:
        body = checker.check(tree.body, 0)
    except _TooDeep:
        raise FormulaError(
            f"formula nests deeper than {MAX_NESTING_DEPTH} levels (MAX_NESTING_DEPTH)",
            expression=text,
            hint="split it into derived values",
        ) from None
    refusal = _refusal(checker, body, scope, text)
    if refusal is not None:
        raise refusal
    return _from_checked_tree(text, frozenset(checker.names), body)


_STRAY_CLOSING = compile_later(r"closing parenthesis '[)\]}]' does not match opening parenthesis '\(' on line 1|"
                               r"unmatched '[)\]}]'")


def _parsed(text: str) -> ast.Expression:
    """The formula's tree, parsed in brackets so that it may span lines in a YAML block. Raises FormulaError, in the
    engine's words, when it does not parse; Python's warnings on standard error are none of its lines (QA220 5)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an escape that is none refuses the formula, if glued_problem let it pass
        try:
            return ast.parse(f"(\n{text}\n)", mode="eval")
        except SyntaxError as parsing:
            warnings.simplefilter("ignore")  # nor do the reads of it that say why it does not parse
            err = unindented_error(parsing, text)
            refused = refused_construct(err, text)  # f'{x\n}' is an f-string, refused as one, not a text left open
            # a closing bracket the formula never opened (it met the wrapping's): said first, as each Python's
            # tokenizer (which the slips read with) meets it otherwise
            stray = _STRAY_CLOSING.fullmatch(err.msg or "") is not None
            slip = None if stray else \
                (None if refused else unclosed_text(text)) or syntax_slip(text) or missing_operator(text)
            if slip is not None:
                raise FormulaError(slip) from None
            raise FormulaError(refused or syntax_problem(err, text)) from None
        except (RecursionError, MemoryError, ValueError) as err:
            raise FormulaError(f"formula cannot be parsed: {type(err).__name__}", expression=text,
                               hint="simplify or split it") from None


def _refusal(checker: _Checker, body: ast.expr, scope: Mapping[str, str], text: str) -> FormulaError | None:
    """Why a parsed formula is refused, if it is: what is not the language's (a name not in scope, a construct not
    allowed) alone, as the kinds of its values are judged on a tree without them; else the comparisons, arithmetic and
    arguments of kinds that never fit, the refusal keeping the checked tree (FormulaError.checked_tree: a set still
    checks the texts its facts are compared with, QA195 G3); else two texts side by side. A mistake made twice in the
    formula (`10**10**10`, `s + s`) is said once (QA191 F5)."""
    if checker.problems:
        return FormulaError(list(dict.fromkeys(checker.problems)))
    kinds = (comparison_problems(body, scope, checker.text, text) if checker.compares else []) + \
        (arithmetic_problems(body, scope, checker.text, text) if checker.computes else []) + \
        (argument_problems(body, scope, checker.text, text) if "(" in text else [])
    if kinds:
        refused = FormulaError(list(dict.fromkeys(kinds)))
        refused.checked_tree = body
        return refused
    joined = _joined_texts(text)
    return FormulaError(joined) if joined else None


#: A quote, then another after spaces, line breaks or a backslash ending a line at most: where two texts may stand side
#: by side ('县' '级', or '县' \ and '级' on the next line: QA157 F1), else nothing to see.
_TWO_TEXTS = compile_later(r"['\"](?:\s|\\)*[rRuU]?['\"]")


def _joined_texts(text: str) -> list[Problem]:
    """Two texts side by side in a formula that parses (`'县' '级'`), which Python joins into one: refused as any other
    two operands with nothing between them are (QA156 F8)."""
    joined = missing_operator(text) if _TWO_TEXTS.search(text) else None
    return [joined] if joined is not None else []


# The most common formula: one fact or derived value, e.g. ``budget.paid``.
_DOTTED_NAME = compile_later(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def _name_only(text: str, scope: Mapping[str, str]) -> Formula:
    """A formula that is one dotted name, checked as the parser's tree of it would be, without parsing."""
    if scope.get(text) in READABLE_TYPES and not text.startswith("_") and "._" not in text:  # a value it may read
        return _from_checked_tree(text, frozenset((text,)), ast.Name(id=text, ctx=ast.Load()))
    checker = _Checker(text, scope, original=text)
    body = checker.name(text, ast.Name(id=text, ctx=ast.Load()))
    if checker.problems:
        raise FormulaError(checker.problems)
    return _from_checked_tree(text, frozenset(checker.names), body)


# ---------------------------------------------------------------- evaluation


def evaluate(formula: Formula, names: Mapping[str, Any]) -> Any:
    """Evaluate a compiled formula with `names` as its only inputs (fact and derived values).

    Raises ScoringError naming the formula (and the fact, if one is missing).
    """
    with scoring_context():
        return formula.evaluate(names)
