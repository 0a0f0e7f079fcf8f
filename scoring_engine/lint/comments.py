"""Texts that YAML cut at a ` #`: `standard: 每项1分 #含附属设施` is the standard 每项1分, the rest a comment.

In YAML a `#` after a space starts a comment, even in the middle of an unquoted
text, so the end of a 评分标准, a name or a message can go missing without a
word: the set loads, and the text is shorter than the one written. The source
line of each such text is read again to see whether a comment follows it on
the same line.
"""

from __future__ import annotations

from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .._encodings import decode
from .._located import Located, Path
from .found import LintWarning, Locator
from .._patterns import compile_later

__all__ = ["CUT_BY_COMMENT", "cut_texts"]

CUT_BY_COMMENT = "the text of {key} stops before '{comment}': YAML reads a # after a space as the start of a comment"
CUT_BY_COMMENT_HINT = "put the whole text in quotes if it goes on; move a comment to a line of its own"
# The keys whose values are texts people read, where a cut goes unseen.
_TEXT_KEYS = frozenset({"standard", "name", "message", "label", "description", "reason", "consequence"})
_COMMENT = compile_later(r"[ \t]+(#.*)$")


def cut_texts(located: Located | None, locator: Locator) -> Iterator[LintWarning]:
    """A warning for each unquoted text of the set's YAML that a comment follows on the same line."""
    if located is None or located.root is None:
        return
    files: dict[str, tuple[str, ...] | None] = {}  # each file read once, for this set only (it may change between runs)
    for path, key, node in _texts(located.root, ()):
        name = located.file_at(path) or locator.set.source  # the marks of text read from a string name no file
        if name is None:
            return
        lines = files[name] if name in files else files.setdefault(name, _lines(name))
        number = node.end_mark.line
        line = lines[number] if lines is not None and 0 <= number < len(lines) else None
        found = _COMMENT.match(line[node.end_mark.column:]) if line is not None else None
        if found is not None:
            comment = found.group(1).strip()
            shown = comment if len(comment) <= 30 else comment[:27] + "..."
            yield locator.warning("comment-cut", path, CUT_BY_COMMENT, {"key": key, "comment": shown},
                                  CUT_BY_COMMENT_HINT)


def _texts(node: Node, path: Path) -> Iterator[tuple[Path, str, ScalarNode]]:
    """Every plain (unquoted) text under one of the text keys, with its path (a text over several lines ends on the
    line its end mark names); a stack, not recursion."""
    pending: list[tuple[Node, Path]] = [(node, path)]
    while pending:
        current, at = pending.pop()
        if isinstance(current, MappingNode):
            for key, value in current.value:
                if not isinstance(key, ScalarNode):
                    continue
                if key.value in _TEXT_KEYS and isinstance(value, ScalarNode) and not value.style:  # plain: None or ""
                    yield (*at, key.value), key.value, value
                else:
                    pending.append((value, (*at, key.value)))
        elif isinstance(current, SequenceNode):
            pending.extend((item, (*at, i)) for i, item in enumerate(current.value))


def _lines(file: str) -> tuple[str, ...] | None:
    try:
        with open(file, "rb") as handle:
            return tuple(decode(handle.read()).splitlines())  # in the --encoding the set was read with
    except (OSError, UnicodeDecodeError, ValueError):
        return None  # a set read from a string, or gone: nothing to look at