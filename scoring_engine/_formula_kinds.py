"""What kind of value each part of a checked formula gives, to refuse comparisons that can never be true.

``output.planned_end == 45000`` compares a date with a number: it would always
be false, silently. Where both sides' kinds are known when the set loads -- a
literal, a declared fact, arithmetic, a function, a comparison -- comparing a
number, a text and a date with one another, or a true/false value with a text
or a date (``project.ok == '是'``), is refused then, with the fix. A
derived value's kind is known only when it is computed: the evaluator refuses
the same comparisons then.

>>> import ast
>>> tree = ast.parse("d == 45000", mode="eval").body
>>> [p.message for p in comparison_problems(tree, {"d": "date"}, "d == 45000", "d == 45000")]
['cannot compare a date (d) with a number (45000)']
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ._text import listing
from .errors import Problem

__all__ = ["argument_problems", "arithmetic_problems", "choice_problems", "comparison_problems", "condition_problem",
           "derived_types", "kind_problem"]

# Declared types as the kinds a comparison tells apart; a derived value's kind is not known before scoring.
_DECLARED = {"number": "number", "integer": "number", "weight": "number", "string": "text", "date": "date", "boolean": "boolean"}
_WORDS = {"number": "a number", "text": "text", "date": "a date", "boolean": "a true/false value"}
_BOOLEAN_HINT = "a true/false fact is never text or a date: write the fact alone for 是 (true), or not FACT for 否 (false)"
# The pairs of kinds that are never equal (the evaluator refuses them too); a boolean with a number is 1 or 0, as in Python.
_HINTS = {
    frozenset({"boolean", "text"}): _BOOLEAN_HINT,
    frozenset({"boolean", "date"}): _BOOLEAN_HINT,
    frozenset({"date", "number"}): "compare a date with a date, or count days with days_between(start, end)",
    frozenset({"text", "number"}): "write the number without quotes, or compare text with text in quotes",
    frozenset({"text", "date"}): "a date fact is compared with another date fact, or counted with days_between",
}


def _walked(tree: ast.AST) -> list[ast.AST]:
    """The nodes `ast.walk(tree)` gives, in its order (breadth first), but the operators and contexts, which no check
    here looks at: each formula of a set is walked by several checks, and ast.walk makes generators for every node."""
    found = [tree]
    for node in found:  # grows as it is read: a queue
        if isinstance(node, (ast.Name, ast.Constant)):
            continue
        if isinstance(node, ast.BinOp):
            found += (node.left, node.right)
        elif isinstance(node, ast.UnaryOp):
            found.append(node.operand)
        elif isinstance(node, ast.Compare):
            found += (node.left, *node.comparators)
        elif isinstance(node, ast.BoolOp):
            found += node.values
        elif isinstance(node, ast.IfExp):
            found += (node.test, node.body, node.orelse)
        elif isinstance(node, ast.Call) and not node.keywords:
            found += (node.func, *node.args)
        else:  # any other node, as ast.walk takes it
            found += ast.iter_child_nodes(node)
    return found


def kind(node: ast.expr, scope: Mapping[str, str]) -> str | None:
    """The kind of value `node` gives (number, text, date, boolean), or None when it is known only when scoring."""
    if isinstance(node, ast.Constant):
        value = node.value
        return "boolean" if isinstance(value, bool) else "text" if isinstance(value, str) else \
            "number" if isinstance(value, (int, float, Decimal)) else None
    if isinstance(node, ast.Name):
        return _DECLARED.get(scope.get(node.id, ""))
    if isinstance(node, (ast.BinOp, ast.Call)):
        return "number"  # + - * / and every function give numbers, or fail
    if isinstance(node, ast.UnaryOp):
        return "boolean" if isinstance(node.op, ast.Not) else "number"
    if isinstance(node, ast.Compare):
        return "boolean"
    if isinstance(node, ast.IfExp):
        both = kind(node.body, scope), kind(node.orelse, scope)
        return both[0] if both[0] == both[1] else None
    if isinstance(node, ast.BoolOp):
        return _either(node, scope)
    return None


def _either(node: ast.BoolOp, scope: Mapping[str, str]) -> str | None:
    """The kind `and` / `or` gives when every operand it can give has that kind: `or` gives the first true operand
    (else the last), `and` the first false one. A constant that does not stop it is never given, unless last;
    one that does is always given, and what follows never is: ``'0.5' or 1`` is text."""
    stops_at = isinstance(node.op, ast.Or)
    kinds = set()
    for position, operand in enumerate(node.values, 1):
        constant = isinstance(operand, ast.Constant)
        if constant and bool(operand.value) is not stops_at and position < len(node.values):  # type: ignore[attr-defined]
            continue
        kinds.add(kind(operand, scope))
        if constant:
            break
    return kinds.pop() if len(kinds) == 1 else None


def comparison_problems(tree: ast.expr, scope: Mapping[str, str], parsed: str, text: str) -> list[Problem]:
    """A problem for each comparison of a number, a text and a date with one another, each side named as written.

    `tree` was parsed from `parsed` (the positions of its nodes are in it); `text` is the formula the problems name.
    """
    problems = []
    for node in _walked(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for op, (left, right) in zip(node.ops, itertools.pairwise(sides), strict=True):
            a, b = kind(left, scope), kind(right, scope)
            if a and b and frozenset((a, b)) in _HINTS:
                both = f"{_WORDS[a]} ({_shown(left, parsed)}) with {_WORDS[b]} ({_shown(right, parsed)})"
                problems.append(Problem(f"cannot compare {both}", expression=text, hint=_HINTS[frozenset((a, b))]))
            elif type(op) in _ORDERS and "text" in (a, b):  # 'a' < 'b' fails for every project when scored (QA191 F3)
                texts = [_shown(side, parsed) for side, found in ((left, a), (right, b)) if found == "text"]
                equal = f"{_side(left, parsed)} == {_side(right, parsed)}"
                said = f"cannot order text ({', '.join(texts)}) with {_ORDERS[type(op)]}: text is only compared with == and !="
                problems.append(Problem(listing(said, texts), expression=text, hint=_ORDER_HINT.format(equal=equal)))
    return problems


#: The comparisons that order numbers or dates, which text never is.
_ORDERS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_ORDER_HINT = "compare text with == or != ({equal}); to order values, read a fact of type number"


_ARITHMETIC_HINTS = {
    "text": "declare the fact as a number (type: number), or read a number fact instead",
    "date": "count the days between two dates with days_between(start, end), or the months with months_between",
}
# A text literal where a number is wanted: '0.5' is text, never the number 0.5 (QA125 F3).
_QUOTED_HINT = "write the number without quotes: text in quotes is only compared, with == and !="


def arithmetic_problems(tree: ast.expr, scope: Mapping[str, str], parsed: str, text: str) -> list[Problem]:
    """A problem for each operand of + - * / (or of a sign) whose kind is known to be text or a date -- a fact declared
    so, a text literal: the formula would fail for every project, when it is scored (QA82 F9, QA125 F3), so it is
    refused when the set loads.

    >>> tree = ast.parse("a / b * '0.5'", mode="eval").body
    >>> [p.message for p in arithmetic_problems(tree, {"a": "number", "b": "string"}, "a / b * '0.5'", "…")]
    ["cannot compute with text ('0.5'): + - * / take numbers", 'cannot compute with text (b): + - * / take numbers']
    """
    problems = []
    for node in _walked(tree):
        operands = [node.left, node.right] if isinstance(node, ast.BinOp) else \
            [node.operand] if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not) else []
        for operand in operands:
            found = kind(operand, scope)
            if found in _ARITHMETIC_HINTS:
                hint = _ARITHMETIC_HINTS[found] if isinstance(operand, ast.Name) or found == "date" else _QUOTED_HINT
                problems.append(Problem(f"cannot compute with {_WORDS[found]} ({_shown(operand, parsed)}): + - * / take numbers",
                                        expression=text, hint=hint))
    return problems


#: The functions that take one kind of fact only, and what they take; the others take numbers.
_TAKES = {"days_between": "date", "months_between": "date", "sum": "list", "mean": "list", "count": "list"}
#: The functions that take a list fact too, alone: min(experts.scores).
_LIST_ALONE = frozenset(("min", "max"))
_KIND_WORDS = {**_WORDS, "list": "a list"}
_TAKES_HINTS = {"date": "give it facts declared with type: date (the start, then the end)",
                "list": "give it a fact declared with type: list (count the items of a list; sum and mean its numbers)"}
_TAKES_WORDS = {"date": "dates", "list": "a list fact", "number": "numbers"}
# No function takes text: the other functions take numbers, and there are no date literals (QA125 F3).
_LITERAL_HINTS = {**_TAKES_HINTS, "number": _QUOTED_HINT,
                  "date": "there are no date literals: read the date from a fact declared with type: date"}
_LIST_HINT = "a list fact is given to sum, mean or count, or alone to min or max"


def argument_problems(tree: ast.expr, scope: Mapping[str, str], parsed: str, text: str) -> list[Problem]:
    """A problem for each argument whose kind is known when the set loads -- a declared fact, a literal, arithmetic, an
    if of two texts -- given to a function that never takes it: days_between of a text fact, count of a number fact,
    abs of a text fact, ratio of a date fact would fail for every project, when it is scored (QA91 F11, QA125 F3,
    QA128 F1), so it is refused when the set loads, as arithmetic on them is. A derived value's kind is known only
    when it is computed: the evaluator refuses it then.

    >>> tree = ast.parse("count(b) + min(b, '1') + abs(t)", mode="eval").body
    >>> [p.message for p in argument_problems(tree, {"b": "number", "t": "string"}, "count(b) + min(b, '1') + abs(t)", "…")]
    ['abs takes numbers: t is text', 'count takes a list fact: b is a number', "min takes numbers: '1' is text"]
    """
    problems = []
    for node in _walked(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        wanted = _TAKES.get(node.func.id, "number")
        list_alone = node.func.id in _LIST_ALONE and len(node.args) == 1
        for arg in node.args:
            found = _wrong_kind(arg, scope, wanted, list_alone)
            if found is None:
                continue
            fact = arg.id if isinstance(arg, ast.Name) else None
            if wanted != "number":
                hint = _LITERAL_HINTS[wanted] if isinstance(arg, ast.Constant) else _TAKES_HINTS[wanted]
            else:  # the hints arithmetic gives, for the same operands
                hint = _LIST_HINT if found == "list" else _ARITHMETIC_HINTS[found] if fact or found == "date" else _QUOTED_HINT
            shown = _shown(arg, parsed) if isinstance(arg, (ast.Name, ast.Constant, ast.Call)) else f"({_shown(arg, parsed)})"
            problems.append(Problem(f"{node.func.id} takes {_TAKES_WORDS[wanted]}: {shown} is {_KIND_WORDS[found]}",
                                    expression=text, fact=fact, hint=hint))
    return problems


def _wrong_kind(arg: ast.expr, scope: Mapping[str, str], wanted: str, list_alone: bool) -> str | None:
    """The kind `arg` is known to have -- a declared fact's, or text or a date -- when a function taking `wanted` never
    takes it; None when it does, or when its kind is known only when scoring. A true/false value is a number (1 or 0)."""
    if isinstance(arg, ast.Name) and scope.get(arg.id) == "list":
        return None if wanted == "list" or (wanted == "number" and list_alone) else "list"
    found = kind(arg, scope)
    if not isinstance(arg, ast.Name) and found not in ("text", "date"):
        return None  # sum(3), days_between(1, d): lint says so (formula-fails), with the function's own words
    return None if found is None or found == wanted or (wanted, found) == ("number", "boolean") else found


def _shown(node: ast.expr, text: str) -> str:
    """A side of a comparison as written, on one line and cut short."""
    written = " ".join((ast.get_source_segment(text, node) or ast.unparse(node)).split())
    return written if len(written) <= 40 else written[:37] + "..."


def _side(node: ast.expr, text: str) -> str:
    """A side of a comparison as written, in parentheses when it binds more loosely than == (an or / and, an if…else, a
    comparison, a not): ``(kind or '') == 'x'`` compares the same sides, ``kind or '' == 'x'`` does not (QA195 G2)."""
    loose = isinstance(node, (ast.BoolOp, ast.IfExp, ast.Compare, ast.NamedExpr, ast.Lambda)) or \
        (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not))
    return f"({_shown(node, text)})" if loose else _shown(node, text)


def choice_problems(tree: ast.expr, choices: Mapping[str, tuple[str, ...]], text: str) -> list[Problem]:
    """A problem for each text a fact with declared values (``values:``) is compared with that is none of them:
    ``budget.method == '按比列'`` would be false for every project, silently.

    >>> tree = ast.parse("1 if m == '按比列' else 0", mode="eval").body
    >>> [(p.message, p.hint) for p in choice_problems(tree, {"m": ("按比例", "分档")}, "…")]
    [("'按比列' is not one of the values of m: 按比例, 分档", "did you mean '按比例'?")]
    """
    from .errors import did_you_mean

    problems = []
    for node in _walked(tree):
        if not isinstance(node, ast.Compare):
            continue
        for left, right in itertools.pairwise([node.left, *node.comparators]):
            for name, other in ((left, right), (right, left)):
                if not isinstance(name, ast.Name) or not isinstance(other, ast.Constant) or not isinstance(other.value, str):
                    continue
                values = choices.get(name.id)
                if values and other.value not in values:
                    said = f"{other.value!r} is not one of the values of {name.id}: {', '.join(values)}"
                    problems.append(Problem(listing(said, values), expression=text, fact=name.id,
                                            hint=did_you_mean(other.value, values, show=repr) or "compare with one of them"))
    return problems


_CONDITION_HINTS = {
    "list": "count its items: count(findings.compliance) > 0",
    "number": "compare it with a line (execution_rate < 0.9); a number is not true or false",
    "text": "compare the text with one in quotes (project.kind == '新建')",
    "date": "compare the date with another date fact (output.actual_end > output.planned_end)",
}


def condition_problem(tree: ast.expr, scope: Mapping[str, str], text: str) -> Problem | None:
    """A condition (a check, a 需说明 condition, a cap's) whose value is known to be a number, text or a date: it
    could never give true or false, and would fail for every project (QA135 F1: `when: execution_rate`, the `< 0.9`
    forgotten, left every project off 需说明).

    >>> condition_problem(ast.parse("r", mode="eval").body, {"r": "number"}, "r").message
    'a condition must give true or false, and r gives a number'
    """
    found = _kind_or_list(tree, scope)
    if found not in _CONDITION_HINTS:
        return None
    fact = tree.id if isinstance(tree, ast.Name) else None
    return Problem(f"a condition must give true or false, and {text} gives {_KIND_WORDS[found]}", expression=text,
                   fact=fact, hint=_CONDITION_HINTS[found])


#: What a rule's formula must give (RuleSpec.formula's `gives`), in words, and the kinds that can never be it.
GIVES = {
    "number": ("a number", frozenset(("text", "date", "list", "boolean"))),  # a score, a rate, a value: not true/false
    "share": ("true/false or a share from 0 to 1", frozenset(("text", "date", "list"))),  # a checklist element's met
    "findings": ("a list fact or a whole count", frozenset(("text", "date", "boolean"))),  # a deduction's findings
    "list": ("a list fact", frozenset(("number", "text", "date", "boolean"))),  # a panel's scores
}


def kind_problem(tree: ast.expr, scope: Mapping[str, str], text: str, gives: str) -> Problem | None:
    """A rule's formula that must give `gives` (a key of GIVES) known to give a kind that never is: it would fail for
    every project (QA136 F6: `rate: "'0.5' or 1"`; QA138 F4: `met:` of a text fact, `scores:` of a number).

    >>> kind_problem(ast.parse("'0.5' or 1", mode="eval").body, {}, "'0.5' or 1", "number").message
    "the formula must give a number, and '0.5' or 1 gives text"
    """
    wanted, never = GIVES[gives]
    found = _kind_or_list(tree, scope)
    if found not in never:
        return None
    fact = tree.id if isinstance(tree, ast.Name) else None
    return Problem(f"the formula must give {wanted}, and {text} gives {_KIND_WORDS[found]}", expression=text, fact=fact,
                   hint=_kind_hint(found, gives, text))


_NUMBER_HINT = "read a number: a fact declared with type: number, or a derived value that computes one"
_FINDINGS_HINT = "give it a list fact of findings (type: list), or a whole count: an integer fact, or count(…)"
_SHARE_HINT = "give it a true/false fact (type: boolean), a comparison, or a share from 0 to 1"


def _kind_hint(found: str, gives: str, text: str) -> str:
    """The fix for a formula of kind `found` where `gives` is wanted (QA137 F5: no 'declare the fact' for a derived
    value, no 'without quotes' for a formula that has none)."""
    if gives == "list":
        return _TAKES_HINTS["list"]
    if found == "list":
        return _LIST_HINT
    if found == "date":
        return _ARITHMETIC_HINTS["date"]
    if gives == "findings":  # text or a date, a true/false value: what findings take (QA139 F6)
        return _FINDINGS_HINT
    if found == "boolean":
        return "a true/false value is not a number here: give the number for each, as 1 if X else 0"
    if gives == "share" and not ("'" in text or '"' in text):
        return _SHARE_HINT
    return _QUOTED_HINT if "'" in text or '"' in text else _NUMBER_HINT


def _kind_or_list(tree: ast.expr, scope: Mapping[str, str]) -> str | None:
    """`kind`, and "list" for a list fact named alone (a list is never true or false, nor a number)."""
    return "list" if isinstance(tree, ast.Name) and scope.get(tree.id) == "list" else kind(tree, scope)


_AS_DECLARED = {"number": "number", "text": "string", "date": "date", "boolean": "boolean"}


def derived_types(scope: Mapping[str, str], derived: Iterable[tuple[str, ast.expr]]) -> dict[str, str]:
    """The type of each derived value whose formula's kind is known, given in the order they are computed (each reads
    only those before it): ``ratio(a, b)`` is a number, ``a if c else b`` of two dates a date."""
    known = dict(scope)
    found = {}
    for name, tree in derived:
        own = _kind_or_list(tree, known)
        if own is not None:
            found[name] = known[name] = _AS_DECLARED.get(own, own)
    return found
