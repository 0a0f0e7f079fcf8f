"""Characters no text read from a file may hold, for the YAML reader and the facts check alike.

Control characters and lone surrogates can only come from escapes ("\\x1b", "\\ud800") or from another
system's export: they would garble a terminal or make a report unwritable as UTF-8. Names (ids, names,
labels, fact names) may not hold invisible characters either: a bidi override or a zero-width space makes
two names that look the same differ, or one name look like another.
"""

from __future__ import annotations

import re
import unicodedata

_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


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
    for ch in name:
        if unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
            name = unicodedata.name(ch, "FORMAT CHARACTER")
            return f"holds U+{ord(ch):04X} {name}, an invisible character that reorders or hides text"
    return None
