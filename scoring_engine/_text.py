"""Text from sets and facts: what reading refuses, and how writers show the rest so nothing invisible reaches a reader raw.

Reading refuses control characters and lone surrogates outright (`bad_character`,
for the YAML reader and the facts check alike): they can only come from escapes
("\\x1b", "\\ud800") or from another system's export. Names (ids, names,
labels, fact names) may not hold invisible characters either
(`invisible_character`): a bidi override or a zero-width space makes two names
that look the same differ, or one name look like another.

Names, reasons, project details and fact values come from files that pass
between offices. Shown as written, a right-to-left override (U+202E) reorders
a line, a zero-width space hides inside a name, a control character moves the
terminal's cursor, a line break forges a new `error:` line, and a character XML
forbids makes a workbook unreadable. Every writer shows text through these two
functions, so each such character is shown as its escape (``\\u202e``) instead:

- `visible` for text that may span lines (a report cell): line breaks of any
  kind become ``\\n``, every other hidden character its escape;
- `one_line` for a line of the terminal (an error, a warning, a PASS line):
  line breaks and tabs become spaces as well.

Hidden are the control characters (Unicode category Cc, but tab and newline),
format characters (Cf: bidi controls, zero-width characters, the byte-order
mark…), lone surrogates (Cs), the line and paragraph separators U+2028/U+2029
and the noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane).
Letters of any script, private-use characters (造字) and characters newer than
Python's Unicode tables stay as written. Every character XML 1.0 forbids is
hidden, so `visible` text always fits in a workbook.

>>> visible("甲\\u202e乙\\u200b")
'甲\\\\u202e乙\\\\u200b'
>>> visible("第一行\\r\\n第二行\\r第三行")
'第一行\\n第二行\\n第三行'
>>> one_line("budget\\nerror: forged")
'budget error: forged'
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from ._patterns import compile_later

__all__ = ["Listing", "bad_character", "cut", "escape_char", "html_escape", "invisible_character", "is_hidden",
           "json_visible", "keeping_lists", "listing", "one_line", "prints_as_nothing", "quoted", "visible", "without_surrogates"]

# Everything str.splitlines() breaks at; "\r\n" first, so that it becomes one line break.
_BREAK = compile_later("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters invisible in a name: format characters (bidi controls, zero-width characters…) and line separators.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})
# Hidden when shown: those, control characters and lone surrogates (which reading refuses outright).
_HIDDEN_CATEGORIES = _INVISIBLE_CATEGORIES | {"Cc", "Cs"}


def cut(text: str) -> str:
    """A text the user wrote (a row's name), cut after 40 characters when longer than 60, for a message."""
    return text if len(text) <= 60 else text[:40] + "…"


def quoted(text: str) -> str:
    """A text the user wrote, in quotes for a message: cut after 40 characters when longer than 60 (a cell of 5 000).

    >>> quoted("十九"), quoted("x" * 100)
    ("'十九'", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'")
    """
    return repr(cut(text))


class Listing(str):
    """A message or hint that lists items joined by ", ", the same text, keeping the items of each list (`lists`)."""

    lists: tuple[tuple[str, ...], ...] = ()


def listing(text: str, *lists: Sequence[str]) -> str:
    """`text`, which joins the items of each of `lists` with ", ", keeping the items for its Chinese: 、 goes between
    them and never into one, whatever an item holds (a formula's own '甲, 乙', 12" 管, a value 分档, 逐级: QA223 2).

    >>> said = listing("one of: 分档, 逐级, 按比例", ["分档, 逐级", "按比例"])
    >>> said == "one of: 分档, 逐级, 按比例", said.lists
    (True, (('分档, 逐级', '按比例'),))
    """
    said = Listing(text)
    said.lists = tuple(tuple(items) for items in lists)
    return said


def keeping_lists(text: str, of: str) -> str:
    """`text`, a message `of` rebuilt (a prefix before it: row 2 (满意度): …, in case c1: …), keeping the items of the
    lists `of` kept (`listing`): a rebuilt text is a plain str, whose Chinese would guess the items again (QA225 3).

    >>> keeping_lists("row 2: " + listing("one of: 好, 很好", ["好, 很好"]), listing("one of: 好, 很好", ["好, 很好"])).lists
    (('好, 很好',),)
    """
    lists = getattr(of, "lists", ())
    return listing(text, *lists) if lists else text


def is_hidden(ch: str) -> bool:
    """Whether the character `ch` must not be shown raw (see the module's docstring)."""
    code = ord(ch)
    return unicodedata.category(ch) in _HIDDEN_CATEGORIES or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def escape_char(ch: str) -> str:
    """The escape a hidden character is shown as: \\u202e, or \\U000e0001 past the first plane; a byte of a file name
    that is not UTF-8 (which Python reads as a lone surrogate, \\udcd7) as the byte, \\xd7, as without_surrogates
    shows it in batch's outputs (QA224 8)."""
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escaped(text: str, kept: str) -> str:
    if text.isprintable():  # the common case, checked at C speed
        return text
    return "".join(ch if ch in kept or not is_hidden(ch) else escape_char(ch) for ch in text)


def visible(text: str) -> str:
    """`text` with every line break as "\\n" and every other hidden character (but tab) as its escape."""
    if text.isprintable():  # no line break either: the common case, without the regular expression
        return text
    return _escaped(_BREAK.sub("\n", text), "\n\t")


def path_shown(path: object) -> str:
    """A file's name as a line shows it: a line break, carriage return or tab in it as \\n, \\r, \\t, as a byte that
    is not UTF-8 is shown \\xff, so that the name shown is the name to type (one_line would make them spaces: QA320 F8).

    >>> path_shown("new\\nline\\t.yaml")
    'new\\\\nline\\\\t.yaml'
    """
    text = str(path)
    if text.isprintable():
        return text
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def one_line(text: str) -> str:
    """`text` as one line: line breaks and tabs as spaces, every other hidden character as its escape."""
    return _escaped(_BREAK.sub(" ", text).replace("\t", " "), "")


# Characters that may be hidden: all but the blocks that hold no hidden character (printable ASCII and Latin-1 but the
# soft hyphen, up to Hebrew; punctuation but U+2028/U+2029 and the bidi and zero-width controls; symbols, CJK, Hangul;
# private use; full-width forms): a line that holds a hidden character is looked at one character by one only where
# it may be (tests/test_batch_hidden_text.py checks that no character of these blocks is hidden).
# Compiled on first use: the class of ranges costs some milliseconds, which `import scoring_engine` should not pay.
_MAYBE_HIDDEN = ("[^\x20-\x7e\xa0-\xac\xae-\u05ff\u2010-\u2027\u2030-\u205f\u2070-\ud7ff\ue000-\ufdcf"
                 "\ufdf0-\ufefe\uff00-\uffef]+")


def _json_escape(ch: str) -> str:
    """A JSON escape of one character; past the first plane as its UTF-16 pair, as JSON requires."""
    code = ord(ch)
    if code < 0x10000:
        return escape_char(ch)
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _json_run(found: re.Match[str]) -> str:
    return "".join(_json_escape(ch) if is_hidden(ch) else ch for ch in found.group())


def json_visible(document: str) -> str:
    """A JSON document with every hidden character inside its strings as a JSON escape (its line breaks are layout: a
    string's own are written \\n already). It reads back exactly as it was, but never reaches a terminal raw.

    >>> json_visible('{"name": "\\u202e项目", "unit": "单位\\u200bB"}')
    '{"name": "\\\\u202e项目", "unit": "单位\\\\u200bB"}'
    """
    if document.isprintable():  # a line of JSON Lines, nearly always: checked at C speed
        return document
    maybe_hidden = re.compile(_MAYBE_HIDDEN)  # (re keeps the compiled pattern: compiled once)
    return "\n".join(line if line.isprintable() else maybe_hidden.sub(_json_run, line) for line in document.split("\n"))


def without_surrogates(text: str) -> str:
    """`text` that any output can hold: a file name's byte that is not UTF-8 (a GBK name from a Windows zip, which
    Python reads as a lone surrogate) as its escape, ``\\xbb``; any other lone surrogate as ``\\udc00``."""
    if text.isascii():
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def html_escape(text: str) -> str:
    """`text` for an HTML page (text or attribute value): `visible`, then &, <, > and quotes escaped."""
    import html  # loaded by the HTML reports only: a command that writes none starts without it

    return html.escape(visible(text))

_BAD_CHARACTER = compile_later("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

#: Whether a text holds such a character (a match, or None): the quick test for the many values that hold none.
has_bad_character = _BAD_CHARACTER.search


def bad_character(text: str) -> str | None:
    """What is wrong with `text` if it holds a control character or a lone surrogate, else None.

    >>> bad_character("预算\\x1b[31m")
    'text holds U+001B, a control character'
    >>> bad_character("预算执行率") is None
    True
    """
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return None
    ch = found.group()
    return f"text holds U+{ord(ch):04X}, {'a lone surrogate' if chr(0xD800) <= ch <= chr(0xDFFF) else 'a control character'}"


def invisible_character(name: str) -> str | None:
    """What is wrong with a name if it holds an invisible character (Unicode format characters: bidi overrides
    and isolates U+202A–U+202E and U+2066–U+2069, zero-width characters, the byte-order mark; line separators).

    >>> invisible_character("预算\u202e执行率")
    'holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that reorders or hides text'
    >>> invisible_character("预算执行率") is None
    True
    """
    if name.isprintable():  # the common case, checked at C speed
        return None
    for ch in name:
        if unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            name = unicodedata.name(ch, "FORMAT CHARACTER")
            return f"holds U+{ord(ch):04X} {name}, an invisible character that reorders or hides text"
    return None


def prints_as_nothing(c: str) -> bool:
    """Whether a character of a name, an id or a year prints as nothing or as a space: spaces, format and control
    characters, and the rest of Unicode's default-ignorable code points (fillers, variation selectors…): the same
    name typed with one is the same name (QA35 F4, QA39 F5, QA42 F3, QA45 F11)."""
    return c.isspace() or unicodedata.category(c) in ("Cf", "Cc", "Zs") or _ignorable(c)


def _ignorable(c: str) -> bool:
    """Whether the character is in one of the ranges of _IGNORABLE (searched, not compiled into a regular expression:
    the class of its 4,096 tag characters cost a command's start 1 ms)."""
    if len(c) != 1:
        return False
    at = bisect.bisect_right(_IGNORABLE_STARTS, ord(c)) - 1
    return at >= 0 and ord(c) <= _IGNORABLE[at][1]


# Unicode's default-ignorable code points that are not format characters (Hangul fillers, the combining grapheme
# joiner, Khmer inherent vowels, variation selectors, the unassigned ones kept for more) and the blank Braille pattern
_IGNORABLE = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2060, 0x206F), (0x2800, 0x2800),
              (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
              (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
_IGNORABLE_STARTS = [low for low, _ in _IGNORABLE]
