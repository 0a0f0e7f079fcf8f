"""A text libyaml could not read, read again by PyYAML for the words of its error, and what a tab there was.

libyaml reads every set; PyYAML's own parser gives a syntax error the words
the rest of the reader (and its Chinese) know. The two differ on tabs:
libyaml takes one after a key's colon, at a line's end or in a flow
collection, where PyYAML's scanner stops at each. Read again as it was, a
file aligned with tabs was told of its first tab (to put in quotes), not of
the real mistake lines below, and took a round per tab (QA164 F2).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

_Made = TypeVar("_Made")  # what PyYAML's walk of a text gives: the survey's problems, or the node tree


def in_pyyaml_words(text: str, err: Exception, walk: Callable[[str], _Made]) -> _Made:
    """What `walk` (PyYAML's parser or composer) gives of `text`, which libyaml could not read (`err`).

    PyYAML walks the text as libyaml read it: the tabs before libyaml's stop,
    and after it on its line (libyaml read that line's tokens ahead), read as
    spaces, one character for another so that every place stays. Its error
    is raised when it stops where libyaml did or after (it takes some text
    libyaml refuses: `"\\uD800"`, which the reader then names), libyaml's own
    when PyYAML stops before; what it read when it reads to the end, unless a
    tab read as a space stood in a value.
    """
    mark = getattr(err, "problem_mark", None)
    if not isinstance(err, yaml.MarkedYAMLError) or mark is None:
        return walk(text)  # a character libyaml cannot take (a lone surrogate): PyYAML's reader says which
    end = offset(text, mark)
    found = _BREAK.search(text, end)
    after = found.start() if found else len(text)
    try:
        made = walk(text[:end].replace("\t", " ") + text[end:end + 1] + text[end + 1:after].replace("\t", " ") + text[after:])
    except yaml.MarkedYAMLError as again:
        stop = again.problem_mark
        if stop is None or (stop.line, stop.column) < (mark.line, mark.column):
            raise err from None  # PyYAML stops where libyaml read on
        raise
    if isinstance(made, Node) and _tab_in_a_value(made, [i for i in range(after) if text[i] == "\t" and i != end]):
        raise err  # a value read would not be the file's
    return made


def _tab_in_a_value(root: Node, tabs: list[int]) -> bool:
    """Whether one of the places `tabs` stands in a text of the node tree `root` (keys too)."""
    spans, nodes, seen = [], [root] if tabs else [], set()
    while nodes:
        node = nodes.pop()
        if id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, ScalarNode):
                spans.append((node.start_mark.index, node.end_mark.index))
            else:
                nodes.extend(node.value if isinstance(node, SequenceNode) else [part for pair in node.value for part in pair])
    spans.sort()  # texts do not overlap: the one a tab may stand in is the last to begin at or before it
    return any((at := bisect.bisect_right(spans, (i, math.inf)) - 1) >= 0 and i < spans[at][1] for i in tabs)


_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # a line break, as both parsers count lines


def offset(text: str, mark: yaml.Mark) -> int:
    """Where in `text` a parser's mark stands, by its line and column (libyaml's index leaves out a byte-order mark)."""
    start = 1 if text.startswith("\ufeff") else 0  # not counted in the first line's columns either
    if mark.line:
        for number, found in enumerate(_BREAK.finditer(text), 1):
            start = found.end()
            if number == mark.line:
                break
    return start + mark.column


def tabs_taken(text: str, end: int) -> str:
    """`text` with the tabs before `end` (where the parser stopped) read as spaces, but those that begin its line: the
    parser took each of them, and a tab it took is not the slip to name (QA164 F2). Those beginning the line may be: it
    took them as part of a text and stopped at what it made of the rest (`\\tname: x` under `id: x` is `x name`)."""
    line = max(map(lambda found: found.end(), _BREAK.finditer(text, 0, end)), default=0)
    start = line + len(text[line:end]) - len(text[line:end].lstrip(" \t"))
    return text[:line].replace("\t", " ") + text[line:start] + text[start:end].replace("\t", " ") + text[end:]
