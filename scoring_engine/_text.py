"""Characters no text read from a file may hold, for the YAML reader and the facts check alike.

Control characters and lone surrogates can only come from escapes ("\\x1b", "\\ud800") or from another
system's export: they would garble a terminal or make a report unwritable as UTF-8.
"""

from __future__ import annotations

import re

_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

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
