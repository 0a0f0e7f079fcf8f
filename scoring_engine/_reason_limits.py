"""How much a set's reason template may hold: a reason is filled for every indicator the template serves, so a template
that named `{formula}` 50,000 times wrote 95 MB for one indicator of a 450 KB set (QA203 6). Within these, a reason is at
most the template's own text and a few copies of each value it names."""

from __future__ import annotations

from .reasons import Sentence

__all__ = ["MAX_REASON_LENGTH", "MAX_REASON_PLACEHOLDERS", "size_problems"]

#: Characters a reason template may hold, placeholders and all; the engine's own templates hold under 100.
MAX_REASON_LENGTH = 500
#: Placeholders a reason template may hold, a field named twice counted twice; the engine's own templates hold up to 9.
MAX_REASON_PLACEHOLDERS = 20


def size_problems(key: str, template: str) -> list[tuple[str, str]]:
    """(message, hint) for each bound template `key` is past (empty when it is within them)."""
    problems = []
    if len(template) > MAX_REASON_LENGTH:
        problems.append((f"reason template {key} is {len(template)} characters long; the limit is {MAX_REASON_LENGTH} "
                         "(MAX_REASON_LENGTH)", "a reason is a sentence or two: shorten it"))
    count = sum(1 for _, name in Sentence.of(template).parts if name is not None)
    if count > MAX_REASON_PLACEHOLDERS:
        problems.append((f"reason template {key} holds {count} placeholders; the limit is {MAX_REASON_PLACEHOLDERS} "
                         "(MAX_REASON_PLACEHOLDERS)", "name each field once or twice: every reason repeats what it names"))
    return problems
