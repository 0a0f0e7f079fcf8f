"""A JSON facts file's syntax errors in words a clerk acts on: the full-width character where the reader stopped (a
comma, a quote, a digit typed with a Chinese input method), a text cut short, a trailing comma, a Python dict's
single quotes and True; else the json module's words, whole.

>>> import json
>>> try:
...     json.loads('{"a": １９}')
... except json.JSONDecodeError as err:
...     json_syntax_problem(err, "facts.json").message
"JSON syntax: full-width character '１' (U+FF11) in the number １９"
>>> try:
...     json.loads('{"paid": -１}')
... except json.JSONDecodeError as err:
...     json_syntax_problem(err, "facts.json").message
"JSON syntax: full-width character '１' (U+FF11) in the number -１"
"""

from __future__ import annotations

import json
import re
import unicodedata

from ._typing_slips import FULL_WIDTH, INVISIBLE, Slip
from .errors import Problem
from ._patterns import compile_later

__all__ = ["json_syntax_problem"]


def json_syntax_problem(err: json.JSONDecodeError, file: str | None) -> Problem:
    """The problem of a JSON syntax error: the full-width character where the reader stopped, if there is one, else its words."""
    char = err.doc[err.pos] if err.pos < len(err.doc) else ""
    if char == "\ufeff" and err.pos == 0:  # the file's own is read; a second one is Python's "Unexpected UTF-8 BOM"
        return Problem("JSON syntax: one byte order mark '\\uFEFF' too many at the start of the text, which JSON does not take",
                       file=file, line=1, column=1, hint="delete it: a file, or a line of JSON Lines, "
                       "begins with one mark at most")  # a batch takes one at the start of any line (QA332 F9)
    if char in FULL_WIDTH or char in INVISIBLE:  # a no-break or zero-width space pasted: named (QA177 F4)
        return Slip(err.lineno, err.colno, char).problem(file, "JSON")
    signed = char == "-" and _FULL_WIDTH_DIGIT.match(err.doc, err.pos + 1) is not None  # -１: stopped at the minus (QA166 F8)
    number = _full_width_number(err.doc, err.pos + signed)
    if number is not None:  # "work.done": １９ or 1000．5 was "a value is expected here", "missing ','" (QA164 F7)
        char = err.doc[err.pos + signed]
        return Problem(f"JSON syntax: full-width character {char!r} (U+{ord(char):04X}) in the number {number}", file=file,
                       line=err.lineno, column=err.colno + signed,
                       hint=f"write {_as_json_writes(number)} in half-width characters")
    if not err.doc.strip():
        return Problem("JSON syntax: the text is empty", file=file, hint="write the facts document in it")
    if not err.doc[err.pos:].strip():  # nothing after where the reader stopped: the text was cut short
        return Problem("JSON syntax: the text ends before the document is complete", file=file, line=err.lineno,
                       column=err.colno, hint="the file (or line) was cut short: write it out again whole")
    comma = _trailing_comma(err)
    if comma is not None:  # said as Python 3.13 says it, on the comma, whichever Python reads it (QA80 F1)
        at, closes = comma
        return Problem(f"JSON syntax: Illegal trailing comma before end of {closes}", file=file,
                       line=err.doc.count("\n", 0, at) + 1, column=at - err.doc.rfind("\n", 0, at))
    said, hint = _json_words(err)
    return Problem(f"JSON syntax: {said}", file=file, line=err.lineno, column=err.colno, hint=hint)


def _json_words(err: json.JSONDecodeError) -> tuple[str, str | None]:
    """What the json module's words mean, whole, and the fix (QA110 F8: 'Invalid control character at' was cut off before
    its position; a comment was said to be a key without quotes)."""
    if err.msg == "Invalid control character at":
        return ("a text holds a line break or another control character",
                "close the text's quote on its line; write a line break in a text as \\n, a tab as \\t")
    if err.msg == "Unterminated string starting at":
        return "the quote opened here is never closed", "close the quote where the text ends"
    if err.msg == "Expecting property name enclosed in double quotes":
        number = _thousands(err.doc, err.pos)
        if number is not None:  # "total": 1,200 was only "a key is expected here" (QA200 7)
            return (f"the number {number} is written with thousands commas, which a JSON number does not take",
                    f"write it without thousands commas: {number.replace(',', '')}")
        ahead = err.doc[err.pos:err.pos + 2]
        if ahead.startswith(("//", "/*", "#")):
            return "a comment, which JSON does not have", "delete the comment"
        if ahead.startswith("'"):
            return "a key in single quotes", "write keys and texts in double quotes"
        return "a key in double quotes is expected here", None
    if err.msg == "Expecting value":  # a facts file typed, or printed, as a Python dict (QA112 F8)
        if err.doc[err.pos:err.pos + 1] == "'":
            return "a text in single quotes", "write keys and texts in double quotes"
        word = next((w for w in _PYTHON_WORDS if re.match(rf"{w}(?![\w.])", err.doc[err.pos:err.pos + 6])), None)
        if word is not None:
            return f"Python's {word}, which JSON does not have", f"write it as {_PYTHON_WORDS[word]}, as JSON does"
    return err.msg, None


_PYTHON_WORDS = {"True": "true", "False": "false", "None": "null"}


def _thousands(doc: str, pos: int) -> str | None:
    """The number an object member's value was written as with thousands commas (1,200 or -1,200,000.5), when the reader
    stopped at the first group after its first comma, expecting a key; else None. In an array, [1,200] is two numbers
    and valid JSON: the reader never stops there."""
    before = _FIRST_GROUP.search(doc, max(pos - 5, 0), pos)
    after = _LATER_GROUPS.match(doc, pos)
    if before is None or after is None:
        return None
    return before.group() + after.group(1)


_FIRST_GROUP = compile_later(r"(?<![\w.+-])-?[0-9]{1,3},\Z")  # to pos: the digits and comma before it
_LATER_GROUPS = compile_later(r"([0-9]{3}(?:,[0-9]{3})*(?:\.[0-9]+)?)[ \t]*\r?(?=,(?![0-9])|[}\]\n]|\Z)")


def _full_width_number(doc: str, pos: int) -> str | None:
    """The number written around `pos` when the character there is a full-width digit or decimal point (１９, 1000．5),
    which the json module does not read as a number; else None."""
    if not _FULL_WIDTH_DIGIT.match(doc, pos):
        return None
    start = pos
    while start > 0 and doc[start - 1] in "0123456789.-":
        start -= 1
    return _NUMBER_TYPED.match(doc, start).group()  # type: ignore[union-attr]  # at least the character at pos


def _as_json_writes(number: str) -> str:
    """`number` in half-width characters as JSON writes it: a digit on each side of the point (-．5 is -0.5)."""
    narrow = unicodedata.normalize("NFKC", number)
    return re.sub(r"\.(?![0-9])", ".0", re.sub(r"(?<![0-9])\.", "0.", narrow))


_FULL_WIDTH_DIGIT = compile_later("[０-９．]")
_NUMBER_TYPED = compile_later("[-－]?[0-9０-９.．]+(?:[eEｅＥ][-+－＋]?[0-9０-９]+)?")


_JSON_SPACE = " \t\n\r"


def _trailing_comma(err: json.JSONDecodeError) -> tuple[int, str] | None:
    """(where, "object" or "array") of a comma after the last item of an object or array: Python 3.13 names it on the
    comma, 3.11 and 3.12 say the value or key they expected at the closing bracket."""
    doc, pos = err.doc, err.pos
    if err.msg.startswith("Illegal trailing comma before end of "):
        at = pos
    elif err.msg in ("Expecting property name enclosed in double quotes", "Expecting value") and doc[pos:pos + 1] in ("}", "]"):
        before = doc[:pos].rstrip(_JSON_SPACE)
        if not before.endswith(",") or before[:-1].rstrip(_JSON_SPACE)[-1:] in ("", "{", "[", ","):
            return None  # `{,}` or `[1,,]`: not a comma after a last item
        at = len(before) - 1
    else:
        return None
    closing = doc[at + 1:].lstrip(_JSON_SPACE)[:1]
    if closing not in ("}", "]") or _open_bracket(doc, at) != ("{" if closing == "}" else "["):
        return None  # `{"a": 1,]`: the bracket is the slip, not the comma (QA83 F2)
    return at, "object" if closing == "}" else "array"


def _open_bracket(doc: str, end: int) -> str | None:
    """The innermost bracket still open at `end` of a JSON text, outside its strings."""
    opened: list[str] = []
    in_string = escaped = False
    for ch in doc[:end]:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            opened.append(ch)
        elif ch in "}]" and opened:
            opened.pop()
    return opened[-1] if opened else None
