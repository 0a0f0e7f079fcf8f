"""A key indented between two levels, named on the lines that disagree.

The parser says such a key where it stopped, the line after the one out of line
(`output.quality:` over `      weight: 10` over `    rescale: true`: "did not find
expected key" on the last), and says neither indentation. The keys of one
level line up: the line above it and the key are named, each with its spaces.
"""

from __future__ import annotations

from .errors import Problem

__all__ = ["between_levels"]


def between_levels(lines: list[str], context: tuple[int, int] | None, mark: tuple[int, int], parser_says: str,
                   file: str | None) -> Problem | None:
    """The problem of the key on line `mark[0]` indented more than the keys of the mapping begun at `context` and less
    than the line above it; None for any other error, or where the lines are not so (a tab, a line of a list)."""
    if "while parsing a block mapping" not in parser_says or context is None:
        return None
    line = mark[0]
    if not 1 < line <= len(lines):
        return None
    key, level = _indent(lines[line - 1]), context[1] - 1
    above = next((n for n in range(line - 1, context[0], -1) if lines[n - 1].strip()
                  and not lines[n - 1].lstrip(" ").startswith("#")), None)
    if key is None or above is None:
        return None
    over = _indent(lines[above - 1])
    if over is None or not level < key < over:
        return None
    hint = f"indent the keys of one level alike: line {above} and line {line} by the same number of spaces"
    if _has_siblings(lines, context[0], above, over):  # the keys above agree with each other: the key is out of line
        return Problem(f"YAML syntax: line {line} is indented {key} spaces, and the keys above it {over} (line {above})",
                       file=file, line=line, column=key + 1, hint=hint)
    return Problem(f"YAML syntax: line {above} is indented {over} spaces and line {line} below it {key}", file=file,
                   line=above, column=over + 1, hint=hint)


def _has_siblings(lines: list[str], top: int, above: int, over: int) -> bool:
    """Whether a key of the block line `above` ends (below line `top`) is indented as it is, `over` spaces."""
    for number in range(above - 1, top, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip(" ").startswith("#"):
            continue
        spaces = _indent(text)
        if spaces is not None and spaces < over:
            return False  # the key the block is under
        if spaces == over:
            return True
    return False


def _indent(text: str) -> int | None:
    """The spaces a line begins with; None for a line indented with a tab or that begins a list item."""
    bare = text.lstrip(" ")
    return None if bare.startswith(("\t", "-")) else len(text) - len(bare)
