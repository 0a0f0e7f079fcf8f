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
from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode
from ._patterns import compile_later

_Made = TypeVar("_Made")  # what PyYAML's walk of a text gives: the survey's problems, or the node tree


def in_pyyaml_words(text: str, err: Exception, walk: Callable[[str], _Made]) -> _Made:
    """What `walk` (PyYAML's parser or composer) gives of `text`, which libyaml could not read (`err`).

    PyYAML walks the text as libyaml read it: the tabs before libyaml's stop,
    and after it on its line (libyaml read that line's tokens ahead), read as
    spaces, one character for another so that every place stays. Its error
    is raised when it stops where libyaml did or after (it takes some text
    libyaml refuses: `"\\uD800"`, which the reader then names), libyaml's own
    when PyYAML stops before; what it read when it reads to the end. A tab
    read as a space that stood in a value is read again as libyaml reads it
    (`_in_place_of_tab`), so that every value is the file's (QA166 F5:
    `"甲\t乙"` beside `"\\uD800"` gave libyaml's words, not the reader's).
    """
    mark = getattr(err, "problem_mark", None)
    if not isinstance(err, yaml.MarkedYAMLError) or mark is None:
        return walk(text)  # a character libyaml cannot take (a lone surrogate): PyYAML's reader says which
    end = offset(text, mark)
    found = _BREAK.search(text, end)
    after = found.start() if found else len(text)
    spaced = text[:end].replace("\t", " ") + text[end:end + 1] + text[end + 1:after].replace("\t", " ") + text[after:]
    made = _walked(spaced, err, mark, walk)
    kept = _tabs_in_values(made, [i for i in range(after) if text[i] == "\t" and i != end]) if isinstance(made, Node) else {}
    if not kept:
        return made
    held = next((c for c in _HOLDERS if c not in text), "")
    places = {i: _in_place_of_tab(text, i, node, held) for i, node in kept.items()}
    if "" in places.values():
        raise err  # a value read would not be the file's
    made = _walked(_put(spaced, places), err, mark, walk)
    if held in places.values() and isinstance(made, Node):
        _give_back(made, held)
    return made


def _in_place_of_tab(text: str, i: int, node: ScalarNode, held: str) -> str:
    """What PyYAML reads the tab at `i`, in the text of `node`, as libyaml reads the tab: in a block text (| or >) below
    its header, the tab itself; within a line of another text, `held` (a character it takes anywhere, given back as the
    tab); at the beginning or end of a line there, or after a block text's header, a space (folding drops either)."""
    start = node.start_mark.index
    if node.style in ("|", ">"):
        return "\t" if _BREAK.search(text, start, i) else " "
    line = text.rfind("\n", 0, i) + 1
    found = _BREAK.search(text, i)
    within = bool(text[line:i].strip(" \t")) and bool(text[i + 1:found.start() if found else len(text)].strip(" \t"))
    return held if within else " "


def _walked(text: str, err: yaml.MarkedYAMLError, mark: yaml.Mark, walk: Callable[[str], _Made]) -> _Made:
    """What `walk` gives of `text`; PyYAML's error where it stops at or after libyaml's `mark`, else libyaml's `err`."""
    try:
        return walk(text)
    except yaml.MarkedYAMLError as again:
        stop = again.problem_mark
        if stop is None or (stop.line, stop.column) < (mark.line, mark.column):
            raise err from None  # PyYAML stops where libyaml read on
        raise


#: Characters PyYAML takes in any text, plain or quoted, to hold a tab's place: the first the file does not hold.
_HOLDERS = "\ue000\ue001\ue002\ue003"


def _put(text: str, places: dict[int, str]) -> str:
    """`text` with the character given for each of `places`."""
    chars = list(text)
    for i, character in places.items():
        chars[i] = character
    return "".join(chars)


def _give_back(root: Node, held: str) -> None:
    """The tabs `held` stood for put back in the texts of the node tree `root`, a plain one's type found again from them
    (a tab may make a date-time of two texts: `2024-01-01\t10:00`)."""
    resolve: Any = yaml.resolver.Resolver().resolve  # untyped
    nodes, seen = [root], set()
    while nodes:
        node = nodes.pop()
        if id(node) in seen:  # an alias's node, given back once
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if held in node.value:
                implicit = node.style is None and node.tag == resolve(ScalarNode, node.value, (True, False))
                node.value = node.value.replace(held, "\t")
                node.tag = resolve(ScalarNode, node.value, (True, False)) if implicit else node.tag
        else:
            nodes.extend(node.value if isinstance(node, SequenceNode) else [part for pair in node.value for part in pair])


def _tabs_in_values(root: Node, tabs: list[int]) -> dict[int, ScalarNode]:
    """Those of the places `tabs` that stand in a text of the node tree `root` (keys too), each with its text's node."""
    spans: list[tuple[int, int, ScalarNode]] = []
    nodes, seen = [root] if tabs else [], set()
    while nodes:
        node = nodes.pop()
        if id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, ScalarNode):
                spans.append((node.start_mark.index, node.end_mark.index, node))
            else:
                nodes.extend(node.value if isinstance(node, SequenceNode) else [part for pair in node.value for part in pair])
    spans.sort(key=lambda span: span[0])  # texts do not overlap: the one a tab may stand in is the last to begin before it
    starts = [span[0] for span in spans]
    return {i: spans[at][2] for i in tabs if (at := bisect.bisect_right(starts, i) - 1) >= 0 and i < spans[at][1]}


_BREAK = compile_later(r"\r\n|[\r\n\x85\u2028\u2029]")  # a line break, as both parsers count lines


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
