"""A formula that is not the formula language's own, said in words a set author acts on rather than Python's: characters
an input method typed, slips such as = for == or 90% for 0.9, the brackets that do not pair, and what Python lets pass
with a warning on its standard error (a number run into a word, a text's unknown escape), which later versions refuse.
"""

from __future__ import annotations

import ast
import contextlib
import io
import itertools
import keyword
import re
import tokenize
import unicodedata
from decimal import Decimal

from ._formula_numbers import before_open_text, f_string_at
from .errors import Problem
from ._patterns import compile_later

__all__ = ["glued_problem", "plain_decimal", "missing_operator", "one_line", "syntax_slip", "unclosed_text",
           "unicode_problems"]


# Operators as a Chinese input method or a word processor types them, and what to type instead.
_TYPED_OPERATORS = {"≥": ">=", "≤": "<=", "≧": ">=", "≦": "<=", "≠": "!=", "÷": "/", "×": "*", "＝": "==",
                    # minus signs and dashes pasted from Word or a PDF, typed by an input method (QA164 F6)
                    "—": "-", "－": "-", "−": "-", "–": "-", "‐": "-", "‑": "-", "‒": "-",
                    "“": '"', "”": '"', "‘": "'", "’": "'",  # a text's quotes typed by the input method (QA44 F10)
                    "或": "or", "且": "and", "并": "and", "和": "and", "非": "not"}  # a condition's words (QA82 F10)


def unicode_problems(text: str) -> list[Problem]:
    """Non-ASCII outside text literals (full-width brackets, look-alike letters) and invisible characters."""
    if text.isascii() and text.isprintable() and "#" not in text:
        return []  # nothing to look for: the usual formula
    problems = []
    for ch in text:
        if unicodedata.category(ch) in ("Cf", "Co", "Cs") or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r"):
            problems.append(Problem(f"invisible character U+{ord(ch):04X} ({unicodedata.name(ch, 'control')}) in formula",
                                    expression=text, hint="retype the formula"))
            return problems
    unclosed = unclosed_text(text)  # `== '县 and ...`: the text's own characters, not outside one (QA161 F4)
    if unclosed is not None and f_string_at(text) < 0:  # f'{x\n}': refused as an f-string (QA137 F3)
        return [unclosed]
    tokens: list[tokenize.TokenInfo] = []
    try:  # the tokens read before an error are kept: `min（a, 1) if b == '县' else 0` (QA160 F5)
        tokens.extend(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        tokens.extend(_unread(text, tokens))
    for token in tokens:
        if token.type == tokenize.COMMENT:
            problems.append(Problem("comments (#) are not allowed inside a formula", expression=text,
                                    hint="put the comment in the YAML, outside the formula's quotes"))
            return problems
        if token.type == tokenize.STRING:
            continue
        for i, ch in enumerate(token.string):
            if ord(ch) > 127:
                problems.append(Problem(f"character {ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) outside a text literal",
                                        expression=text, hint=_typed_fix(ch, token, token.start[1] + i)))
                return problems
    return problems


def _typed_fix(ch: str, token: tokenize.TokenInfo, at: int) -> str:
    """What to type for a character past ASCII at column `at` of the token's line: a full-width sign with the ASCII
    signs around it is fixed as the operator they make (＞＝ and <＝ are >=, == ＝ is ==), not as the character alone."""
    ascii_twin = _TYPED_OPERATORS.get(ch) or unicodedata.normalize("NFKC", ch)
    pair = token.line[at:at + 2] if token.start[0] == token.end[0] else ""
    if pair[1:] in ("＝", "=") and ascii_twin in ("<", ">", "!", "=="):  # ＞＝ is >=, not > then == (QA45 F4)
        return f"type {ascii_twin[0] + '='!r} for {pair!r}"
    before = token.line[:at].rstrip(" ")
    signs = before[len(before.rstrip("<>!=")):][-2:]
    if ch == "＝" and signs:  # <＝ is <=, not < then == (QA160 F4); ==＝ is ==, < ＝ is <= (QA161 F5)
        fix = signs if signs in ("==", "<=", ">=", "!=") else signs[-1] + "="
        return f"type {fix!r} for {token.line[len(before) - len(signs):at + 1]!r}"
    typed = ascii_twin.isascii() and ascii_twin != ch
    return f"type {ascii_twin!r} instead" if typed else "names and operators must be ASCII"


_QUOTES = "'\"“”‘’"


def unclosed_text(text: str) -> Problem | None:
    """A text literal whose quote is never closed (`== '县 and ...`), or is closed by a quote of another kind
    (`== "县级' or ...`), read as Python reads texts; None when every text is closed (or a # starts a comment first).

    >>> unclosed_text("project.level == '县 and budget.paid > 1").hint
    "close it with ' where the text ends"
    """
    at = 0
    while at < len(text):
        if text[at] == "#":
            return None  # a comment, said as one
        if text[at] not in "'\"":
            at += 1
            continue
        quote = text[at] * 3 if text.startswith(text[at] * 3, at) else text[at]
        end = at + len(quote)
        while end < len(text) and not text.startswith(quote, end) and (len(quote) == 3 or text[end] != "\n"):
            end += 2 if text[end] == "\\" else 1
        if text.startswith(quote, end):
            at = end + len(quote)
            continue
        if any(ch in _QUOTES[2:] for ch in text[:at]):  # “a" == x: the text opened with “, whose fix is the ASCII quote
            return None
        rest = text[at + len(quote):].split("\n", 1)[0]
        other = next((ch for ch in rest if ch in _QUOTES and ch != quote[0]), None)
        if other is not None and len(quote) == 1:
            held = rest[:rest.index(other)]
            fixed = f"{quote}{held}{quote}" if quote not in held else f"{quote}...{quote}"
            return Problem(f"syntax error: the text opened with {quote} at character {at + 1} is closed with {other}",
                           expression=text, hint=f"open and close a text with the same quote: {fixed}")
        return Problem(f"syntax error: the text opened with {quote} at character {at + 1} is never closed",
                       expression=text, hint=f"close it with {quote} where the text ends")
    return None


def _unread(text: str, tokens: list[tokenize.TokenInfo]) -> list[tokenize.TokenInfo]:
    """The first character past ASCII in what the tokenizer did not read before its error, as a token, when it stands
    before any quote (in a text literal it is the text's); none when there is none."""
    lines = text.splitlines(keepends=True)
    row, column = tokens[-1].end if tokens else (1, 0)
    start = sum(len(line) for line in lines[:row - 1]) + column
    for at in range(start, len(text)):
        if text[at] in "'\"":
            break
        if ord(text[at]) > 127:
            line = text.count("\n", 0, at)
            column = at - (text.rfind("\n", 0, at) + 1)
            return [tokenize.TokenInfo(tokenize.OP, text[at], (line + 1, column), (line + 1, column + 1), lines[line])]
    return []


def syntax_slip(text: str) -> Problem | None:
    """The likely slip in a formula that does not parse, in words a set author acts on, rather than Python's: = for ==,
    90% for 0.9, <> for !=. None when it is none of them."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                  if t.type in (tokenize.OP, tokenize.NUMBER) or t.string == "else"]
    except (tokenize.TokenError, SyntaxError):
        return None
    for before, token, after in zip([None, *tokens], tokens, [*tokens[1:], None], strict=False):  # each with its neighbours
        if token.string == "=" and after is not None and after.string in ("<", ">") and after.start == token.end:
            sign = after.string + "="  # =< and => written for <= and >= (QA44 F4): not == (which compares equal)
            return Problem(f"syntax error: ={after.string} is not an operator", expression=text,
                           hint=f"write {sign} for '{'not more than' if sign == '<=' else 'at least'}'")
        if token.string == "=":
            return Problem("syntax error: = sets a value; to compare, write ==", expression=text,
                           hint="e.g. budget.method == '按比例'")
        if token.string == "%" and before is not None and before.type == tokenize.NUMBER:
            written = before.string
            ratio = format(Decimal(written) / 100, "f") if written.replace(".", "", 1).isdigit() else "0.9"
            return Problem(f"syntax error: {written}% is not a number in a formula", expression=text,
                           hint=f"write the ratio: {ratio} for {written}%")
        if token.string == "<>" or (token.string == ">" and before is not None and before.string == "<"
                                    and before.end == token.start):
            return Problem("syntax error: <> is not an operator", expression=text, hint="write != for 'not equal'")
        if token.string == "," and after is not None and after.string == "else":  # Python: 'expected else' (QA160 F1)
            return Problem("syntax error: a comma before else", expression=text, hint="delete the comma: x if condition else y")
        if token.string in ("|", "&") and after is not None and after.string == token.string and after.start == token.end:
            word = "or" if token.string == "|" else "and"  # || and && of other languages (QA82 F10)
            return Problem(f"syntax error: {token.string * 2} is not an operator", expression=text, hint=f"write {word}")
    return None


def one_line(fragment: str) -> str:
    """A formula's fragment for a message: on one line, and cut short (a hostile fragment may be 2000 characters)."""
    text = " ".join(fragment.split())
    return text if len(text) <= 60 else text[:57] + "..."


_OPENING = {")": "(", "]": "[", "}": "{"}
_CLOSING = {opening: closing for closing, opening in _OPENING.items()}


# What may follow a backslash in a text literal; in a bytes literal N, u and U are none (Python warns of the rest).
_ESCAPES = frozenset("\n\\'\"abfnrtvx01234567")
_TEXT_ESCAPES = _ESCAPES | frozenset("NuU")
_CODE_FIX = "write the character itself, not its code; a backslash is written \\\\"
#: A number (not a name's digit: g0_i0.actual) with one of those words after it, or a backslash: else nothing to see.
_MAY_BE_GLUED = compile_later(r"(?<![\w.])\.?\d[\w.]*?(?:and|else|for|if|in|is|not|or)|\\")
#: The words Python lets a number run into, with a warning (any other is a syntax error it says itself).
_GLUED_WORDS = frozenset(("and", "else", "for", "if", "in", "is", "not", "or"))


def plain_decimal(number: str) -> bool:
    """Whether a number is written in plain decimal notation (`1_000`, `.5`, `2.`): not hex, octal, binary, an exponent."""
    return number.replace("_", "").replace(".", "", 1).isdigit()


def glued_problem(text: str) -> Problem | None:
    """What Python parses with a SyntaxWarning on standard error (in English, of line 2 of '<unknown>'), and a later
    Python will refuse: a number run into the word after it (`1if ok else 0`), a text literal with an escape that is
    none (`"\\d"`). Refused here on every Python alike, and said before the parser can print its warning. None when
    the formula has neither."""
    if not _MAY_BE_GLUED.search(text):
        return None
    tokens: list[tokenize.TokenInfo] = []
    # as the parser reads it, in brackets: lines indented unevenly are one expression (QA120 F1); the tokens before what
    # is wrong (a bracket left open) are looked at, and the parser says the rest; a text left open is unclosed_text's
    with contextlib.suppress(tokenize.TokenError, SyntaxError):
        tokens.extend(tokenize.generate_tokens(io.StringIO(f"(\n{before_open_text(text)}\n)").readline))
    for token, after in itertools.zip_longest(tokens, tokens[1:]):  # the last token too: 3.12's may be a text
        if token.type == tokenize.NUMBER and after is not None and after.type == tokenize.NAME and after.start == token.end:
            if not plain_decimal(token.string):  # 0x10findings: not 0x10f and indings, which hex digits make of it (QA128 F4)
                return Problem(f"write numbers in plain decimal notation, not {token.string}{after.string}", expression=text)
            if after.string in _GLUED_WORDS:
                return Problem(f"syntax error: the number {token.string} runs into the word {after.string}",
                               expression=text, hint=f"put a space between them: {token.string} {after.string}")
            # a name Python reads as one of those words and more (2income: 2 in…): it warns too, then fails (QA125 F1)
            return Problem(f"syntax error: the number {token.string} runs into the name {after.string}", expression=text,
                           hint=f"put an operator between them, such as {token.string} * {after.string}")
        if token.type == tokenize.STRING:
            bad = _bad_escape(token.string)
            if bad is not None:
                escape, coded = bad
                return Problem(f"syntax error: the text {token.string} holds {escape}, which is not an escape", expression=text,
                               hint=_CODE_FIX if coded else "write \\\\ for a backslash")
    return None


def _bad_escape(literal: str) -> tuple[str, bool] | None:
    """The first backslash and what follows it in a string token that Python does not take as an escape, and whether it
    writes a character's code Python cannot read (`\\x4`, `\\u12`, `\\N{foo}`: QA215 3); None if none (or the literal is
    raw)."""
    prefix = literal[: len(literal) - len(literal.lstrip("rRbBuUfF"))].lower()
    if "r" in prefix:
        return None
    known, escapes, coded = (_ESCAPES, _BYTES_ESCAPE, "x") if "b" in prefix else (_TEXT_ESCAPES, _TEXT_ESCAPE, "xuUN")
    for found in escapes.finditer(literal, len(prefix)):
        escape = found.group(1)
        if escape[0] in coded:
            if len(escape) == 1 or not _readable(escape):  # a code cut short (\\x4), or of no character (\\N{foo})
                tail = _CODE_TAIL.match(literal, found.end())
                return "\\" + escape + (tail.group() if tail and len(escape) == 1 else ""), True
            continue
        if escape not in known and not (escape[0] in "01234567" and int(escape, 8) <= 0o377):
            return "\\" + escape, False
    return None


#: An escape, with the whole code of a character it writes (\\x41, \\u4e00, \\U0001F600, \\N{name}) or its one character.
_TEXT_ESCAPE = compile_later(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^{}\n]*\}|[0-7]{1,3}|.)", re.DOTALL)
_BYTES_ESCAPE = compile_later(r"\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)", re.DOTALL)  # \\u, \\N: none in bytes
_CODE_TAIL = compile_later(r"[0-9A-Za-z{]{1,8}")


def _readable(escape: str) -> bool:
    """Whether a whole code names a character: \\U of at most 10FFFF, \\N{…} of a name Unicode has."""
    if escape[0] == "U":
        return int(escape[1:], 16) <= 0x10FFFF
    if escape[0] == "N":
        try:
            return len(unicodedata.lookup(escape[2:-1])) == 1  # a named sequence is no character
        except KeyError:
            return False
    return True


_OPERANDS = (tokenize.NAME, tokenize.NUMBER, tokenize.STRING)
_LAYOUT = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)


def missing_operator(text: str) -> Problem | None:
    """Two operands with nothing between them (`budget.paid budget.total`, `(a + 1) b`, `xs[0] b`): Python says 'Perhaps
    you forgot a comma?' of the whole formula, which a long one leaves to be searched by eye (QA134 F3). Said of the two,
    with the character where the second starts, in a formula that leaves a bracket open too (`(budget.paid 2`, QA156 F8);
    None when the formula has no such pair. Two texts side by side are two operands too: Python would join them into one
    (`'县' '级'` is '县级'), which the language does not (QA156 F8).

    >>> missing_operator("a + budget.paid budget.total").message
    'syntax error: no operator between budget.paid and budget.total (at character 17)'
    >>> missing_operator("project.level == '县' '级'").message
    "syntax error: no operator between '县' and '级' (at character 22)"
    """
    tokens: list[tokenize.TokenInfo] = []
    try:
        tokens.extend(t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in _LAYOUT)
    except tokenize.TokenError:
        pass  # the end of a formula that leaves a bracket open: the tokens before it are all there
    except SyntaxError:
        return None
    left_open = _left_open(tokens)
    if left_open is None:
        return None  # `(budget.paid] 2`: the brackets are the slip, which their own messages say
    starts = list(itertools.accumulate((len(line) for line in text.splitlines(keepends=True)), initial=0))
    for i, (left, right) in enumerate(itertools.pairwise(tokens)):
        joined = right.start == left.end and right.string.startswith(".")  # funds.2024: a name's part, not an operand
        joined |= left.type == right.type == tokenize.STRING and _refused_text(left.string, right.string)  # b'', f''
        negated = right.string == "not" and i + 2 < len(tokens) and tokens[i + 2].string != "in"  # `0 not ok` (QA160 F1)
        if _ends_operand(left) and right.type in _OPERANDS and (negated or not _word(right.string)) and not joined:
            begin = _operand_start(tokens, i)
            if begin is None:
                return None
            first = one_line(text[starts[tokens[begin].start[0] - 1] + tokens[begin].start[1]:
                                  starts[left.end[0] - 1] + left.end[1]])
            last = _dotted(tokens, i + 1, 1)
            if negated and _ends_operand(tokens[i + 2]) and tokens[i + 2].string not in _OPENING:
                last += " " + _dotted(tokens, i + 2, 1)  # not ok, not budget.paid
            at = starts[right.start[0] - 1] + right.start[1]
            hint = "put an operator between them: + - * /, a comparison, and, or"
            if left.type == right.type == tokenize.STRING:  # '按' '比例': no operator joins two texts (QA159 F1)
                hint = f"write them as one text: {_one_text(left.string, right.string)}"
            elif len(left_open) == 1:  # `(budget.paid 2`: the bracket left open is said too, in the fix (QA156 F8)
                hint += f"; then close the {_OPENING[left_open[-1]]} with a {left_open[-1]}"
            elif left_open:  # `min((budget.paid 2, 1`: every one, innermost first, as they are to be typed (QA157 F4)
                hint += (f"; then close the {len(left_open)} brackets still open, each where what it holds ends "
                         f"({''.join(reversed(left_open))})")
            return Problem(f"syntax error: no operator between {first} and {last} (at character {at + 1})",
                           expression=text, hint=hint)
    return None


def _refused_text(*literals: str) -> bool:
    """Whether text literals written one after another hold a bytes literal or an f-string: refused as a construct the
    language has not (refused_construct), not as two operands."""
    return any(set(literal[:3].partition("'")[0].partition('"')[0].lower()) & {"b", "f"} for literal in literals)


def _one_text(left: str, right: str) -> str:
    """Two text literals written as one, in the quotes the first was written in ("按" "比例" is "按比例": a formula in a
    YAML text of the other quotes keeps them, QA161 F3)."""
    joined = ast.literal_eval(left) + ast.literal_eval(right)
    if not isinstance(joined, str):
        return f"{left} {right}"
    quote = left[-1]
    return f"{quote}{joined}{quote}" if quote not in joined and "\\" not in joined and "\n" not in joined else repr(joined)


def _word(name: str) -> bool:
    """A keyword of the language (if, else, and…), which is no operand; True, False and None are."""
    return keyword.iskeyword(name) and name not in ("True", "False", "None")


def _dotted(tokens: list[tokenize.TokenInfo], at: int, step: int) -> str:
    """The operand token `at` with the dotted name it ends (step -1) or starts (step 1): budget.paid, not paid."""
    parts, i = [tokens[at].string], at
    while 0 <= i + 2 * step < len(tokens) and tokens[i + step].string == "." and tokens[i + 2 * step].type == tokenize.NAME:
        i += 2 * step
        parts.append(tokens[i].string)
    return ".".join(reversed(parts) if step < 0 else parts)


def _ends_operand(token: tokenize.TokenInfo) -> bool:
    """Whether an operand may end at the token: a name that is no keyword, a number, a text, a closing bracket."""
    return (token.type in _OPERANDS and not _word(token.string)) or token.string in _OPENING


def _left_open(tokens: list[tokenize.TokenInfo]) -> list[str] | None:
    """The closing brackets the formula's open brackets still need, innermost last ([] when all are closed); None when
    a bracket is closed by another kind, or one closes that never opened."""
    open_: list[str] = []
    for token in tokens:
        if token.string in _CLOSING:
            open_.append(_CLOSING[token.string])
        elif token.string in _OPENING and (not open_ or open_.pop() != token.string):
            return None
    return open_


def _operand_start(tokens: list[tokenize.TokenInfo], at: int) -> int | None:
    """The token where the operand ending at token `at` starts, as Python reads it: budget.paid, a.b[0].c, 'abc'[0],
    min(a, 1)[0], {1: 2}[1], (a + 1); None when a bracket it closes is not the one it opens."""
    i = at
    while True:
        if tokens[i].string in _OPENING:  # the bracket it closes, and all inside
            expected: list[str] = []
            while True:
                if tokens[i].string in _OPENING:
                    expected.append(_OPENING[tokens[i].string])
                elif tokens[i].string in _CLOSING and expected.pop() != tokens[i].string:
                    return None
                if not expected:
                    break
                i -= 1
                if i < 0:
                    return None
        while tokens[i].type == tokenize.STRING and i > 0 and tokens[i - 1].type == tokenize.STRING:
            i -= 1  # 'a' 'b': one text
        if i > 0 and tokens[i].string in ("(", "[") and _ends_operand(tokens[i - 1]):
            i -= 1  # a call, an index: min(a, 1), xs[0], 'abc'[0]
        elif i > 1 and tokens[i].type == tokenize.NAME and tokens[i - 1].string == "." and _ends_operand(tokens[i - 2]):
            i -= 2  # a dotted name's part: budget.paid, a.b[0].c
        elif i > 0 and tokens[i].type == tokenize.NUMBER and tokens[i].string[0] == "." and tokens[i - 1].end == tokens[i].start:
            i -= 1  # budget.2024, a number the name runs into
        else:
            return i
