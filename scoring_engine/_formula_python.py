"""Python's words on a formula that does not parse, said as the engine says them: the same on every Python (3.13 words a
`*` alone 'Invalid star expression', 3.11 and 3.12 'invalid syntax'; 3.12 an f-string left open as a text left open), a
construct the language has not named as the language names it (`{…}`, `**` and `*` in a call, `b'中'`), and none of
Python's English in a Chinese line: words of Python's the engine does not know are said with the character where Python
stopped, and in Chinese as 公式写法有误 there (QA215 2, 3).
"""

from __future__ import annotations

import ast
import re

from ._formula_numbers import code_only, f_string_at, text_end
from ._formula_syntax import one_line
from .errors import Problem
from ._patterns import compile_later

__all__ = ["FORMULA_LANGUAGE", "f_string", "refused_construct", "syntax_problem", "unindented_error"]

#: Where a set author reads what a formula may hold: the fix of a construct the language has not.
FORMULA_LANGUAGE = "a formula holds numbers, texts in quotes, names, + - * /, comparisons, and, or, not, x if c else y " \
    "and the listed functions: see 'What a formula may contain' in docs/formulas.md"

# Python's words on a construct the language refuses anyway, written so that it does not parse: said as the refusal of
# the construct that parses is (`(x := 3)`), the same on every Python (3.12 words f-strings otherwise: QA134 F1, F2).
_REFUSED_CONSTRUCTS = (
    ("cannot use assignment expressions", "assignment (:=)"),  # (budget.paid := 3): a dotted name
    ("f-string", "f-strings"),
    ("unterminated f-string", "f-strings"),  # 3.12's words on f'a, an f-string left open (3.11: unterminated string)
    ("Generator expression must be parenthesized", "comprehensions"),
    ("iterable unpacking cannot be used in comprehension", "comprehensions"),  # max(*a for a in xs)
    ("dict unpacking cannot be used in dict comprehension", "comprehensions"),
    ("named arguments must follow bare *", "lambda"),  # lambda *, : 1
    ("non-default argument follows default argument", "lambda"),  # 3.12: parameter without a default follows …
    ("parameter without a default follows parameter with a default", "lambda"),
    ("duplicate argument", "lambda"),
    ("cannot mix bytes and nonbytes literals", "bytes literals"),
    ("bytes can only contain ASCII literal characters", "bytes literals"),  # b'中' (QA215 3)
    ("':' expected after dictionary key", "dict literals"),  # min({a: 1, 2})
    ("expression expected after dictionary key and ':'", "dict literals"),  # {a:}
    ("cannot use a starred expression in a dictionary value", "dict literals"),
    ("iterable argument unpacking follows keyword argument unpacking", "* unpacking"),  # max(**a, *b)
    ("positional argument follows keyword argument", "keyword arguments"),  # max(**a, b), max(a=1, 2)
)


def f_string(text: str) -> Problem | None:
    """The first f-string of a formula, refused before any tokenizer reads it: 3.12 reads into it and 3.11 does not, so
    what was said of a slip in one (`f'县{a}'`, `f'{1if a else 0}'`, `f'\\d'`, `f'a` left open) differed by version, and
    3.12 printed Python's warning (QA215 2). None when the formula has none (a text holding f' is no f-string)."""
    start = f_string_at(text)
    if start < 0:
        return None
    at = start
    while text[at] not in "'\"":  # past its prefix
        at += 1
    quote = text[at] * 3 if text.startswith(text[at] * 3, at) else text[at]
    end = text_end(text, at + len(quote), quote)
    written = text[start:end if end > 0 else len(text)]
    return Problem(f"f-strings not allowed in formulas: {one_line(written)}", expression=text, hint=FORMULA_LANGUAGE)


def refused_construct(err: SyntaxError, text: str) -> Problem | None:
    """What a formula that does not parse writes that the language refuses in any case (`f'{x'`, `(a.b := 1)`,
    `max(x for x in l, 1)`, `min({a: 1, 2})`), as its refusal says it when it parses, with where the language is told;
    None when it is none of them."""
    message = err.msg or ""
    for start, what in _REFUSED_CONSTRUCTS:
        if message.startswith(start) or (what == "f-strings" and message.startswith("unterminated string")
                                         and f_string_at(text) >= 0):  # 3.11's words on f'{x\n}' (QA137 F3)
            return Problem(f"{what} not allowed in formulas: {one_line(text)}", expression=text, hint=FORMULA_LANGUAGE)
    return None


def unindented_error(err: SyntaxError, text: str) -> SyntaxError:
    """The error of a formula as written, not of the wrapping it is parsed in: a stray ) closes the wrapping's (, and the
    next line, indented as in a YAML block, is 'unexpected indent' (QA160 F2). Read with its lines unindented (the same
    expression in brackets), the stray bracket is what the parser meets; `err` itself for any other error."""
    if not isinstance(err, IndentationError):
        return err
    try:
        ast.parse("(\n" + "\n".join(line.lstrip() for line in text.splitlines()) + "\n)", mode="eval")
    except SyntaxError as unindented:
        return unindented
    except (RecursionError, MemoryError, ValueError):
        pass
    return err


_OPENING = {")": "(", "]": "[", "}": "{"}
_CLOSING = {opening: closing for closing, opening in _OPENING.items()}

#: Python's words on a formula that the engine says as they are: each has its Chinese (_zh_commands, _zh_places).
_KNOWN = compile_later("|".join((
    r"invalid syntax(?:\. Maybe you meant '==' or ':=' instead of '='\?|\. Perhaps you forgot a comma\?)?",
    r"unbalanced parentheses", r"too many nested parentheses", r"unterminated (?:triple-quoted )?string literal",
    r"unmatched '.'", r"closing parenthesis '.' does not match opening parenthesis '.'", r"'.' was never closed",
    r"invalid (?:decimal|hexadecimal|octal) literal", r"invalid digit '.' in binary literal",
    r"invalid character '.' \(U\+[0-9A-F]{4,6}\)", r"unexpected EOF while parsing", r"expected ':'",
    r"unexpected indent", r"expected 'else' after 'if' expression", r"cannot use (?:double )?starred expression here",
    r"unexpected character after line continuation character",
    r"Missing parentheses in call to 'print'\. Did you mean print\(\.\.\.\)\?",
)), needs="'Mceitu")
#: An operator that ends a formula, which needs a value after it: `a +`, `paid / `, `a ==`, `a and`
_ENDING_OPERATOR = compile_later(r"(\*\*|//|==|!=|<=|>=|[-+*/%<>]|(?<![\w.])(?:and|or|not))\s*\Z")
#: A * with no value on either side, in a call or brackets: `min(a, *)`, `max(*)`, `[*]` (3.13: Invalid star expression).
_STAR_ALONE = compile_later(r"(?:^|(?<=[(\[{,]))\s*(\*)(?!\*)\s*(?=[)\]},]|$)")


def syntax_problem(err: SyntaxError, text: str) -> Problem:
    """Python's words on a formula's syntax, and the fix, said of the formula as written: it is parsed wrapped in
    parentheses over lines of their own, which its words must not name (QA112 F6). Words the engine does not know are
    said at the character where Python stopped, and left out of the Chinese (QA215 3)."""
    alone = _STAR_ALONE.search(code_only(text))
    if alone is not None:  # the same on every Python: 3.13 has words of its own for it (QA215 2)
        return Problem(f"syntax error: * with nothing to multiply (at character {alone.start(1) + 1})", expression=text,
                       hint="* multiplies two values (budget.paid * 0.5); a formula has no * unpacking")
    detail = (err.msg or "invalid syntax").replace("'(' was never closed", "unbalanced parentheses")
    end = _ENDING_OPERATOR.search(code_only(text)) if detail == "invalid syntax" else None  # a bracket is said first
    if end is not None:  # an unfinished `a +`: Python's "invalid syntax" said neither where nor what (QA305 4)
        return Problem(f"syntax error: the formula ends with {end.group(1)}, with nothing after it", expression=text,
                       hint=f"write what follows {end.group(1)}, or delete it")
    detail = "invalid syntax" if detail.startswith("Invalid star expression") else detail  # 3.13's words alone
    stray = re.fullmatch(r"closing parenthesis '(.)' does not match opening parenthesis '\(' on line 1", detail)
    detail = f"unmatched '{stray.group(1)}'" if stray else detail  # the '(' is the wrapping's: `a ]`
    detail = re.sub(r" \(detected at line \d+\)| on line \d+$", "", detail)
    hint = "close each ( with a )" if detail == "unbalanced parentheses" or "does not match" in detail else None
    stray_closing = re.fullmatch(r"unmatched '([)\]}])'", detail)  # QA33 F11: the fix was not said
    if stray_closing:  # `a]`: the fix is the bracket's own (QA113 F5)
        closing = stray_closing.group(1)
        hint = f"delete the {closing}, or open it with a {_OPENING[closing]}"
    paired = re.fullmatch(r"closing parenthesis '.' does not match opening parenthesis '([(\[{])'", detail)
    if paired:  # `[a)`: the fix is the bracket opened (QA114 F5)
        hint = f"close the {paired.group(1)} with a {_CLOSING[paired.group(1)]}"
    unclosed = re.fullmatch(r"closing parenthesis '\)' does not match opening parenthesis '([\[{])'", detail)
    if unclosed and err.lineno == text.count("\n") + 3:  # the wrapping's ')' met a '[' the formula left open
        detail = f"'{unclosed.group(1)}' was never closed"
        hint = f"close the {unclosed.group(1)} with a {']' if unclosed.group(1) == '[' else '}'}"
    if not _KNOWN.fullmatch(detail):  # words of Python's of no catalog: said where, never in English under zh
        return Problem(f"syntax error at character {_character(err, text)}: {detail}", expression=text,
                       hint=FORMULA_LANGUAGE)
    return Problem(f"syntax error: {detail}", expression=text, hint=hint)


def _character(err: SyntaxError, text: str) -> int:
    """The character of the formula (1 for its first) where Python stopped: the formula's lines are lines 2 and on of
    what was parsed, between the wrapping's brackets; a place in those brackets is the formula's first or last."""
    lines = text.split("\n")
    row = (err.lineno or 2) - 2
    if row < 0 or not text:
        return 1
    if row >= len(lines):
        return len(text)
    before = sum(len(line) + 1 for line in lines[:row])
    return max(1, min(before + (err.offset or 1), len(text)))
