"""Reason wording a profile's rule takes from its base: `reasons: {linear.partial: 延期{shortfall}个月…}`, written in
the base for its one linear indicator (完成及时性), words the reason of every linear rule of the set, and a linear
满意度 that a profile adds reads '延期13.00%个月'. Each rule of a profile's own that such a base-wide wording applies
to is named, with the fix; not a rule of the kind the base scores that same indicator by (the wording was written for
it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .._files import resolve_set
from .._located import Located
from ..errors import ScoringEngineError
from ..loader import load_indicator_set
from ..model import IndicatorSet
from ..reasons import GENERAL
from .found import LintWarning, Locator, RuleAt

__all__ = ["DROPPED_REASON", "INHERITED_REASON", "RESCALED_REASON", "dropped_reasons", "inherited_reasons", "rescaled_reasons"]

INHERITED_REASON = "the {kind} rule takes the reason wording {key} that {base} writes for its own indicators: '{text}'"
DROPPED_REASON = ("this profile's reasons: replaces the whole section of {base}, whose wording {key} its {kind} rules read "
                  "goes with it: '{text}'")
DROPPED_REASON_HINT = "copy {key} into this profile's reasons: to keep the base's wording, or word it anew"
INHERITED_REASON_HINT = "write reasons: in this profile (it replaces the base's whole section): leave {key} out for the " \
                        "default wording, or word it to fit every {kind} rule"
RESCALED_REASON = "reasons: words rescaled but not {missing}: its wording is read only for a rescaled leaf at full marks or " \
                  "scoring 0, and one that lost points is told by the default wording"
RESCALED_REASON_HINT = "word {missing} too (their placeholders: {fields})"


def inherited_reasons(indicator_set: IndicatorSet, rules: list[RuleAt], located: Located | None,
                      locator: Locator) -> Iterator[LintWarning]:
    """A warning for each rule written in a profile that a reason template of its base words (set-wide, by kind)."""
    if located is None or not indicator_set.reasons:
        return
    kinds: dict[str, dict[str, str]] = {}  # base file → its leaves' rule kinds, by id
    for key, text in indicator_set.reasons.items():
        base = located.file_at(("reasons", key), key=True)
        if base is None:  # one file: the set's own wording for its own rules
            continue
        kind = key.split(".", 1)[0]
        own = kinds[base] if base in kinds else kinds.setdefault(base, _rule_kinds(base))
        for at in rules:
            written = located.file_at(at.path)
            # a rule of the kind the base scores this very indicator by: the wording was written for it (QA: 完成及时性)
            if at.rule.kind == kind and written is not None and written != base and own.get(at.indicator) != kind:
                yield locator.warning("inherited-reason", at.path, INHERITED_REASON,
                                      {"indicator": at.indicator, "kind": kind, "key": key, "base": base, "text": text},
                                      INHERITED_REASON_HINT, indicator=at.indicator)


def _rule_kinds(base: str) -> dict[str, str]:
    """Indicator id → the kind of the rule `base` scores it by (nothing when the base cannot be read: warn as before)."""
    try:
        base_set = load_indicator_set(base)
    except ScoringEngineError:
        return {}
    return {node.id: node.rule.kind for top in base_set.indicators for node in top.walk() if node.rule is not None}


def dropped_reasons(indicator_set: IndicatorSet, rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each reason wording of the base that a profile's own reasons: section drops while rules of its kind
    still score (QA277 F6: 完成及时性 lost 延期2个月，每延期1个月扣2分 for 2与目标0相差2，每1扣2分，计2个单位)."""
    own = any(c.what == "section" and c.target == "reasons" and c.by is None for c in indicator_set.changes)
    if not own or not indicator_set.extends or indicator_set.source is None:
        return
    try:
        base = load_indicator_set(resolve_set(indicator_set.extends[0], Path(indicator_set.source).parent))
    except (ScoringEngineError, OSError, RuntimeError, ValueError):  # validate says what is wrong with the base
        return
    kinds = {at.rule.kind for at in rules}
    for key, text in base.reasons.items():
        kind = key.split(".", 1)[0]
        if key not in indicator_set.reasons and kind in kinds:
            yield locator.warning("dropped-reason", ("reasons",), DROPPED_REASON,
                                  {"base": indicator_set.extends[0], "key": key, "kind": kind, "text": text},
                                  DROPPED_REASON_HINT, key=True)


def rescaled_reasons(indicator_set: IndicatorSet, locator: Locator) -> Iterator[LintWarning]:
    """A warning where a set words `rescaled` but not `rescaled.lost` and `rescaled.evened`, which tell a rescaled leaf that
    lost points (QA342 F3: a set's wording of the rescaled score, read for every rescaled leaf before QA339 F1)."""
    missing = [key for key in ("rescaled.lost", "rescaled.evened") if key not in indicator_set.reasons]
    if "rescaled" in indicator_set.reasons and missing:
        fields = "; ".join(f"{key}: {', '.join('{' + f + '}' for f in GENERAL[key].fields)}" for key in missing)
        yield locator.warning("rescaled-reason", ("reasons", "rescaled"), RESCALED_REASON,
                              {"missing": ", ".join(missing), "fields": fields}, RESCALED_REASON_HINT, key=True)
