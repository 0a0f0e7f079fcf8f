"""A profile's resolved tree, as `validate` explains it: every indicator with its weight, and what the profile changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .._arith import plain
from .._profiles import MERGED_BY_NAME
from ..model import Indicator, IndicatorSet, ProfileChange

__all__ = ["profile_lines"]


def profile_lines(indicator_set: IndicatorSet, say: Callable[[str], str]) -> Iterator[str]:
    """The lines under validate's "ok" for a set that extends another; `say` puts the English notes in the user's language."""
    file = indicator_set.source or "?"
    yield say(f"extends {' → '.join(indicator_set.extends)}; the resolved tree, with what {file} changes:")
    by_target: dict[str, list[ProfileChange]] = {}
    # a base profile's removals are its own to show; a fact declared anew is no indicator's change
    own = [c for c in indicator_set.changes if c.by is None and not c.what.startswith("redeclared ")]
    for change in own:
        by_target.setdefault(change.target, []).append(change)
    present = {i.id for top in indicator_set.indicators for i in top.walk()}
    removed = [c for c in own if c.what == "removed" and c.target not in present]  # removed, then added elsewhere: moved
    sections = [c.target for c in own if c.what == "section"]
    replaced = [name for name in sections if name not in MERGED_BY_NAME]
    merged = [name for name in sections if name in MERGED_BY_NAME]
    for top in indicator_set.indicators:
        yield from _tree(top, 1, by_target, say)
    for change in removed:
        yield "  " + say(f"removed {change.target} (line {change.line})")
    if replaced:
        yield "  " + say(f"sections it replaces: {', '.join(replaced)}")
    if merged:  # facts and derived values: the profile's entries are added to the base's, or replace those of the same name
        yield "  " + say(f"sections it merges by name: {', '.join(merged)}")


def _tree(node: Indicator, depth: int, by_target: dict[str, list[ProfileChange]], say: Callable[[str], str]) -> Iterator[str]:
    changes = by_target.get(node.id, [])
    restated = any(c.what == "standard" for c in changes)  # the profile wrote the standard anew: no need to ask for it
    gone = next((c for c in changes if c.what == "removed"), None)
    added = next((c for c in changes if c.what == "added"), None)
    if gone is not None:  # removed from its place and added at another, itself or with a parent added (QA71 F4, QA73 F3)
        moved = ProfileChange("moved", node.id, str(gone.line), None, added.line if added is not None else None)
        changes = [moved, *(c for c in changes if c is not gone and c is not added)]
    rewritten = any(c.what == "rule" for c in changes)  # the profile wrote the rule itself, under change:
    notes = [say(_note(c, restated, rewritten)) for c in changes]
    shown = f"{'  ' * depth}{node.id} {node.name} {plain(node.weight)}"
    separator = "；" if any(not note.isascii() for note in notes) else "; "  # Chinese notes take a Chinese semicolon
    yield shown + (f"  ← {separator.join(notes)}" if notes else "")
    for child in node.children:
        yield from _tree(child, depth + 1, by_target, say)


def _note(change: ProfileChange, restated: bool, rewritten: bool = False) -> str:
    if change.what == "weight" and change.old == change.new:  # written to hold it while a rescale moves its siblings
        return f"kept at {change.old} (line {change.line})"
    if change.what == "weight":
        return f"was {change.old} (line {change.line})"
    if change.what == "rescaled":
        return f"rescaled from {change.old} (line {change.line})"
    if change.what == "points" and restated:
        return f"its rule's points scaled from {change.old} to {change.new} (line {change.line})"
    if change.what == "points":
        return f"its rule's points scaled from {change.old} to {change.new}: restate its standard (line {change.line})"
    if change.what == "formula points" and rewritten:  # the rule is under change: already: its weight is what to add
        return (f"its formula gives points written for {change.old}, kept as they are: write them for {change.new}, and "
                f"weight: {change.new} beside the rule under change: (line {change.line})")
    if change.what == "formula points":
        return (f"its formula gives points written for {change.old}, kept as they are: give it a rule for {change.new} "
                f"under change: (a rate: follows the weight) (line {change.line})")
    if change.what == "formula weight":  # it reads the weight: whether its points follow it, only the editor can tell
        return (f"its formula reads the weight, now {change.new} (was {change.old}): check that it gives each project the "
                f"same share of it as before, or give it a rule for {change.new} under change: (line {change.line})")
    if change.what == "moved" and change.line is None:
        return f"moved here: removed at line {change.old}, added with the indicator above it"
    if change.what == "moved":
        return f"moved here: removed at line {change.old}, added at line {change.line}"
    if change.what == "added":
        return f"added (line {change.line})"
    if change.what == "children_from replaced":  # what the editor may have meant to keep, and lost unsaid
        return f"children_from replaced whole: the base's {change.old} are gone (line {change.line})"
    return f"{change.what} changed (line {change.line})"
