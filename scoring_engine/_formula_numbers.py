"""A number a formula writes that no Python reads as one (`03`, `0b2`, `1__0`, `1e+`), found in the formula's text
before Python's tokenizer sees it: 3.11's splits `03` into 0 and 3, and a later one keeps it whole or stops there, so
every message said after it differed by version (QA215 1). Said here once, with a fix that works, on every Python.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .errors import FormulaError, Problem
from ._patterns import compile_later

__all__ = ["before_open_text", "code_only", "f_string_at", "formula_text", "number_problem", "text_end"]

_DIGITS = r"[0-9](?:_?[0-9])*"
#: The longest number Python reads at a place (its own grammar, without the leading zeros it refuses of an integer).
_LITERAL = compile_later(rf"0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+"
                         rf"|(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.?)(?:[eE][+-]?{_DIGITS})?[jJ]?")
#: What the scan stops at: a text (skipped to its end), a comment (the rest is one), a character an input method typed
#: (“, ＞, an invisible one), a number's first digit (not a name's digit: g0_i0, budget.2024, 县03).
_SCAN = compile_later(r"""(?P<quote>'''|\"\"\"|'|")|(?P<comment>\#)|(?P<backslash>\\(?!\r?\n))|(?P<typed>[^\t\n\r -~])"""
                      r"|(?<![\w.])\.?[0-9]")
_TYPED = compile_later(r"[^\t\n\r -~]")
_QUOTE = compile_later(r"""'''|\"\"\"|'|\"""")
_QUOTE_OR_COMMENT = compile_later(r"""'''|\"\"\"|'|\"|\#""")
_WORD = compile_later(r"[\w.]*")
#: An f-string's prefix, written at once before its quote (f, rf, Fr…), and what ends a name before it (xf'a' is none).
_F_PREFIX = compile_later(r"[rRbBuU]?[fF][rR]?")
_NAME_CHARACTER = compile_later(r"[\w.]")
_UNDERSCORED = compile_later(r"[0-9_.]*")
_SIGN_ALONE = compile_later(r"[eE][+-](?![0-9])")
_DIGIT = tuple("0123456789")


#: A whole number given as a formula longer than this is refused by its size, before str() converts it.
_MOST_CONVERTED_BITS = 4096


def formula_text(source: object, most_digits: int) -> str:
    """The text of a formula given as text or as a number (a YAML value: 100, true, a Decimal), its line ends read as
    Python's parser reads them. A whole number past `most_digits` (MAX_NUMBER_DIGITS) by far is refused by its size in
    bits: str() of it refuses past 4,300 digits, in time growing as the square of its digits (QA317 9)."""
    if isinstance(source, bool):
        return "True" if source else "False"
    if isinstance(source, int) and source.bit_length() > _MOST_CONVERTED_BITS:
        digits = int((source.bit_length() - 1) * 0.30103) + 1  # the digits it has, or one more
        raise FormulaError(f"a number of at least {digits} digits; the limit is {most_digits} (MAX_NUMBER_DIGITS)")
    if isinstance(source, (int, Decimal)):
        return format(source, "f") if isinstance(source, Decimal) else str(source)
    if isinstance(source, str):
        # a carriage return ends a line, as Python's parser reads it; the tokenizers of 3.12 and later read it otherwise
        return source.strip().replace("\r\n", "\n").replace("\r", "\n") if "\r" in source else source.strip()
    raise FormulaError(f"a formula must be text or a number, got {type(source).__name__}")


def number_problem(text: str, past_typed: bool = False) -> Problem | None:
    """The first number written outside a text that Python does not read as one: an integer with a leading 0 (`03`,
    `0_3`), a 0b, 0o or 0x with no digit of its own after it (`0b2`, `0x`, `0o78`), a _ not between two digits (`1_`,
    `1__0`, `1_.5`), an exponent's sign with no digit (`1e+`). None when there is none (a number run into a word,
    `1if`, `0x10findings`, is read alike by every Python, and said by glued_problem), or, unless `past_typed`, when a
    character an input method typed comes first: `== “03”` is the quote's slip, not the 0's (QA220 3).

    >>> number_problem("max(months_late - 03, 0)").hint
    'write 3'
    >>> number_problem("a + 1__0").message
    'write numbers in plain decimal notation, not 1__0'
    """
    if past_typed and _TYPED.search(text) is None:
        return None  # no such character: the first scan read the whole formula already
    at = 0
    while True:
        found = _SCAN.search(text, at)
        if found is None or found.group("comment") or (found.group("typed") and not past_typed):
            return None
        if found.group("typed"):
            at = found.end()
            continue
        if found.group("backslash"):  # `a \ b`: Python's words on it differ by version, and name a line continuation
            return Problem("syntax error: a backslash \\ outside a text", expression=text,
                           hint="delete it; in a text, write \\\\ for a backslash")
        if found.group("quote"):
            at = text_end(text, found.end(), found.group("quote"))
            if at < 0:
                return None  # a text left open: the rest is its own, said by unclosed_text
            continue
        literal = _LITERAL.match(text, found.start())
        assert literal is not None  # a digit, or a point and a digit, is a number
        problem = _unread(text, literal.group(), literal.end())
        if problem is not None:
            return problem
        at = literal.end() + len(_after(_WORD, text, literal.end()))  # a word the number runs into: not a number


def _unread(text: str, number: str, end: int) -> Problem | None:
    """What is wrong with the number Python reads as `number`, ending at `end` in `text`, and what follows it."""
    after = text[end:end + 2]
    if re.fullmatch(r"0[0-9_]*", number) and number.strip("0_"):  # 03, 0777, 0_3: not 3, 777, 3 (an octal in C)
        value = int(number.replace("_", ""))
        hint = f"write the ratio: {format(Decimal(value) / 100, 'f')} for {number}%" if after[:1] == "%" else f"write {value}"
        return Problem(f"syntax error: the number {number} cannot start with 0", expression=text, hint=hint)
    written = number + _after(_WORD, text, end).rstrip(".")
    prefixed = number[:2].lower() in ("0b", "0o", "0x")
    if after[:1] == "_":  # 1_, 1__0, 1_.5: a _ goes between two digits (1_if: 1_, then the word it runs into)
        written = written if prefixed else number + _after(_UNDERSCORED, text, end).rstrip(".")
        digits = written.replace("_", "")
        plain = not prefixed and re.fullmatch(r"[0-9]*\.?[0-9]+|[0-9]+\.", digits) is not None
        return Problem(f"write numbers in plain decimal notation, not {written}", expression=text,
                       hint=f"write {digits}" if plain else None)
    if (number == "0" and after[:1] in tuple("bBoOxX")) or (prefixed and after[:1] in _DIGIT):  # 0b2, 0x, 0o78
        return Problem(f"write numbers in plain decimal notation, not {written}", expression=text)
    if not prefixed and _SIGN_ALONE.match(text, end):  # 1e+: no digit after the exponent's sign
        return Problem(f"write numbers in plain decimal notation, not {number}{after}", expression=text)
    return None


def code_only(text: str) -> str:
    """`text` with each text literal in it (its quotes too, and a text left open to the end) written as spaces: what is
    left is the formula's own operators, names and brackets, at their places.

    >>> code_only("max(a, '*)') + *")
    'max(a,     ) + *'
    """
    kept, at = [], 0
    while (found := _QUOTE.search(text, at)) is not None:
        end = text_end(text, found.end(), found.group())
        end = len(text) if end < 0 else end
        kept += [text[at:found.start()], " " * (end - found.start())]
        at = end
    return "".join(kept) + text[at:]


def before_open_text(text: str) -> str:
    """`text` up to the quote of the first text in it left open, all of it when each is closed: what every Python's
    tokenizer reads alike (3.12's stops short of the open text's line, 3.11's reads past its quote: QA220 5).

    >>> before_open_text("a == 'x' 'abc else 0")
    "a == 'x' "
    """
    at = 0
    while (found := _QUOTE.search(text, at)) is not None:
        at = text_end(text, found.end(), found.group())
        if at < 0:
            return text[:found.start()]
    return text


def f_string_at(text: str) -> int:
    """Where the first f-string written outside a text starts (its prefix), the texts read left to right as Python reads
    them: `''f'a'` has one, and `"a + f'` none, its f' being the open text's (QA220 6); -1 when there is none.

    >>> f_string_at("'x' + 'if' + rf'{a}'"), f_string_at("'x f' + a # f'b'"), f_string_at("'a'f'b'")
    (13, -1, 3)
    """
    at = 0
    while (found := _QUOTE_OR_COMMENT.search(text, at)) is not None and found.group() != "#":  # a # starts a comment
        for start in range(max(0, found.start() - 3), found.start()):
            if _F_PREFIX.fullmatch(text, start, found.start()) and not _NAME_CHARACTER.match(text[start - 1:start]):
                return start
        at = text_end(text, found.end(), found.group())
        if at < 0:
            return -1  # the rest is the open text's
    return -1


def _after(pattern: re.Pattern[str], text: str, at: int) -> str:
    """What `pattern` matches at `at` of `text` (it matches the empty text too)."""
    found = pattern.match(text, at)
    return found.group() if found else ""


def text_end(text: str, start: int, quote: str) -> int:
    """Where the text whose opening `quote` ends at `start` is closed (after the closing quote); -1 when it is not."""
    at = start
    while at < len(text):
        if text.startswith(quote, at):
            return at + len(quote)
        if text[at] == "\n" and len(quote) == 1:
            return -1
        at += 2 if text[at] == "\\" else 1
    return -1
