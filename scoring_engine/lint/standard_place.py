"""Where a 评分标准 the rule does not fit is said, and the fix named: at the standard, or at the profile's line that
changed what the standard describes (its weight, its rule), where the editor can restate the standard.

`standards` compares the text with the rule; this module only places what it finds.
"""

from __future__ import annotations

from .._located import Path
from .found import Locator

__all__ = ["PROFILE_HINT", "RULE_HINT", "SCALED_HINT", "STANDARD_HINT", "placed"]

STANDARD_HINT = "make the standard text and the rule say the same"
PROFILE_HINT = "the profile changed this indicator's weight: restate its 评分标准 under change: {indicator}"
RULE_HINT = "the profile changed this indicator's rule: restate its 评分标准 under change: {indicator}"
SCALED_HINT = ("the profile's rescale (line {line}) scaled the points of the rule with the weight, {old} to {new}: give "
               "{indicator} its weight under change: to keep the rule as written, or restate its 评分标准")


def placed(locator: Locator, indicator: str, written: Path, rule: Path | None) -> tuple[Path, bool, str]:
    """Where a mismatch is said (the path, and whether at its key), and the fix: at the standard; but a base's standard
    that a profile's new rule, new weight (or rescale) no longer fits is said at the rule or weight that profile set (the
    middle one of a profile of a profile), where the editor can restate it (QA170 F1: a changed rule was said in the
    base's file). ``rule`` is None for a mismatch with the weight: it is said at the weight, whoever changed the rule
    (QA171 F1: a weight a leaf profile set was said at its base profile's rule: line, as a changed rule)."""
    located = locator.located
    # a standard of this file whose rule's points a rescale scaled: the file says them as written, the rule does not
    scaled = next((c for c in locator.set.changes if c.target == indicator and c.what == "points"), None)
    ours = located is None or not located.several_files or located.file_at(written) in (None, locator.set.source)
    if scaled is not None and ours:
        return written, False, SCALED_HINT.format(line=scaled.line, old=scaled.old, new=scaled.new, indicator=indicator)
    weight = (*locator.indicator(indicator), "weight")
    if ours:  # this file's own standard, even against its base's weight, is said where it is written (QA123 F1)
        return written, False, STANDARD_HINT
    assert located is not None
    own = locator.set.source
    standard_file = located.file_at(written) or own
    rule_file = (located.file_at(rule, key=True) or own) if rule is not None else None
    reweighted = any(c.target == indicator and c.what in ("weight", "rescaled") and c.by is None for c in locator.set.changes)
    if reweighted and rule_file != own:  # this profile changed the weight of a rule it did not write: said at the weight,
        # not at a base's rule: line as a changed rule (QA241 H3)
        return weight, False, PROFILE_HINT.format(indicator=indicator)
    # the rule is not the one the standard's file wrote
    if rule is not None and rule_file != standard_file:
        return rule, True, RULE_HINT.format(indicator=indicator)
    if (located.file_at(weight) or own) == standard_file:  # the weight is as the standard's file left it
        return written, False, STANDARD_HINT
    return weight, False, PROFILE_HINT.format(indicator=indicator)
