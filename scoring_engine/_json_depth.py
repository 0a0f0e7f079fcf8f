"""How deep a JSON text nests, measured before it is decoded: the decoder's own recursion stops at a depth each Python
sets otherwise (3.11 and 3.12 near 1000 levels, 3.13 far deeper), so a document nested past it was said as a file too
deep on one version and as a fact too deep on the next, by a batch's outputs too (QA215 4). Measured here, it is said
one way on every Python.
"""

from __future__ import annotations

import re

from .errors import Problem
from .facts import MAX_FACTS_DEPTH
from ._patterns import compile_later

__all__ = ["DECODED_DEPTH", "too_deep"]

#: Deepest nesting of a JSON text decoded: a deeper one is refused before it is (far past MAX_FACTS_DEPTH, which a
#: document within it is said to pass at its path; well within the stack of every Python, however deep the call).
DECODED_DEPTH = 200

#: A text in quotes (to its end, when it is left open: its brackets are its own), or a bracket.
_TOKENS = compile_later(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]', re.DOTALL)


def too_deep(text: str, source: str | None) -> Problem | None:
    """The problem of a JSON text nesting deeper than DECODED_DEPTH, placed at the bracket that opens the level past
    MAX_FACTS_DEPTH on the way there; None for any other (counted in one pass, outside texts).

    >>> too_deep('{"a":' * 300 + '1' + '}' * 300, "facts.json").column
    101
    >>> too_deep('{"a": "' + '[' * 300 + '"}', "facts.json") is None
    True
    """
    if text.count("{") + text.count("[") <= DECODED_DEPTH:
        return None  # too few brackets to nest so deep: the usual document
    depth = past = 0
    for found in _TOKENS.finditer(text):
        bracket = found.group()
        if bracket in "[{":
            depth += 1
            past = found.start() if depth == MAX_FACTS_DEPTH + 1 else past
            if depth > DECODED_DEPTH:
                line = text.count("\n", 0, past) + 1
                return Problem(f"JSON nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)", file=source,
                               line=line, column=past - text.rfind("\n", 0, past), hint="facts nest a few levels at most")
        elif bracket in "]}":
            depth = max(depth - 1, 0)
    return None
