"""What `diff` compares of a set besides its indicators and grades: the facts it declares, its derived values, its
rounding, its weight rules, its caps and its reason templates.

Each function gives (kind, name, before, after) for each change, the kinds being keys of `diff.CHANGE_KINDS` and
the values text for people (None: not there); `diff.diff_sets` makes them Changes. A value that a set writes
field by field is shown the way rule changes are, as `field: value` (`min: 0 → min: 1`).

>>> from scoring_engine import parse_indicator_set
>>> head = "id: s\\nname: s\\nversion: '1'\\ngrades: [{label: 合格, min: 0}]\\n"
>>> tree = "indicators: [{id: a, name: 甲, weight: 100, rule: {kind: formula, score: 'x * 100'}}]\\n"
>>> old = parse_indicator_set(head + "facts: {x: {type: number, min: 0, max: 1}}\\n" + tree)
>>> new = parse_indicator_set(head + "facts: {x: {type: number, min: 0, max: 2}}\\n" + tree)
>>> fact_changes(old, new)
[('fact', 'x', 'max: 1', 'max: 2')]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields
from decimal import Decimal
from typing import Any

from . import _json
from ._arith import Rounding, plain
from .model import Derived, FactSpec, IndicatorSet
from .reasons import TEMPLATES
from .result import plain_data

__all__ = ["cap_changes", "derived_changes", "fact_changes", "reason_changes", "rounding_changes", "weight_rule_changes"]

Found = tuple[str, str, str | None, str | None]  # kind, what it is about, before, after

# The fields of a fact's declaration that diff compares, as a set writes them (every field but its name and place).
_FACT_FIELDS = tuple(f.name for f in fields(FactSpec) if f.compare and f.name != "name")
_FACT_DEFAULTS = {f.name: f.default for f in fields(FactSpec)}


def _text(value: Any) -> str:
    """A declared value as a set writes it: 0.5, true, [甲, 乙], 万元."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int):
        return plain(value)
    if isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return "null" if value is None else _json.dumps(plain_data(value), indent=None)


def _field_text(name: str, value: Any) -> str:
    """A fact's field as a set writes it: aliases as the mapping they are, {分档: bands} (QA264 F10: a list of pairs)."""
    if name == "aliases":
        return "{" + ", ".join(f"{written}: {meant}" for written, meant in value) + "}"
    return _text(value)


def _keyed(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[str]:
    """The keys of both, the old set's order first, then those only the new set has."""
    yield from old
    yield from (key for key in new if key not in old)


def _fields_differing(old: Any, new: Any, names: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    """`field: value` before and after for each field that differs (None on the side where it is not written)."""
    found = []
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            found.append((None if a is None else f"{name}: {_field_text(name, a)}",
                          None if b is None else f"{name}: {_field_text(name, b)}"))
    return found


def _fact_written(spec: FactSpec) -> str:
    """A fact's declaration in one line, its fields that are not the default: type: number, min: 0, unit: 万元."""
    return ", ".join(f"{name}: {_field_text(name, getattr(spec, name))}" for name in _FACT_FIELDS
                     if name != "label" and getattr(spec, name) != _FACT_DEFAULTS[name])


def fact_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """Facts removed, then in order facts added and those whose type, bounds, unit, label, required, default, values
    or items changed (one change per field)."""
    found: list[Found] = []
    for name in _keyed(old.facts, new.facts):
        before, after = old.facts.get(name), new.facts.get(name)
        if after is None and before is not None:
            found.append(("fact_removed", before.title, _fact_written(before), None))
        elif before is None and after is not None:
            found.append(("fact_added", after.title, None, _fact_written(after)))
        elif before is not None and after is not None and before != after:
            found += [("fact", after.title, a, b) for a, b in _fields_differing(before, after, _FACT_FIELDS)]
    return found


def _derived_title(value: Derived) -> str:
    return f"{value.label} ({value.name})" if value.label else value.name


def _used_text(value: Derived) -> str | None:
    used = value.used
    if used is None:
        return None
    parts = [f"fact: {used.fact}", *([f"reason: {used.reason}"] if used.reason else []),
             *([f"tolerance: {plain(used.tolerance)}"] if used.tolerance else [])]
    return "used: {" + ", ".join(parts) + "}"


def derived_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """Derived values removed, added, or computed otherwise: the formula (expr), the label, the report's own value
    (used), each that differs."""
    before = {d.name: d for d in old.derived}
    after = {d.name: d for d in new.derived}
    found: list[Found] = []
    for name in _keyed(before, after):
        was, now = before.get(name), after.get(name)
        if now is None and was is not None:
            found.append(("derived_removed", _derived_title(was), f"expr: {was.formula.text}", None))
        elif was is None and now is not None:
            found.append(("derived_added", _derived_title(now), None, f"expr: {now.formula.text}"))
        elif was is not None and now is not None:
            pairs = [(f"expr: {was.formula.text}", f"expr: {now.formula.text}"),
                     (None if was.label is None else f"label: {was.label}", None if now.label is None else f"label: {now.label}"),
                     (_used_text(was), _used_text(now))]
            found += [("derived", _derived_title(now), a, b) for a, b in pairs if a != b]
    return found


def _rounding(indicator_set: IndicatorSet) -> Rounding:
    return indicator_set.rounding or Rounding(indicator_set.precision)


def rounding_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """The `rounding:` section: stages (each set's rounding in words, at its own precision) and per checklist element."""
    was, now = _rounding(old), _rounding(new)
    found: list[Found] = []
    if was.stages != now.stages:
        found.append(("rounding", "分级舍入（rounding.stages）", was.words(), now.words()))
    if was.elements != now.elements:
        words = {True: "各要点先四舍五入再相加", False: "要点相加后四舍五入"}
        found.append(("rounding", "要点舍入（rounding.elements）", words[was.elements], words[now.elements]))
    return found


def _cap_text(indicator_set: IndicatorSet) -> list[tuple[str, str]]:
    """Each cap as (its condition and what it limits, its message)."""
    found = []
    for cap in indicator_set.caps:
        limits = [*([f"总分不超过{plain(cap.total_at_most)}"] if cap.total_at_most is not None else []),
                  *([f"等级不高于{cap.grade_at_most}"] if cap.grade_at_most is not None else [])]
        found.append((f"{cap.formula.text}：{'，'.join(limits)}", cap.message))
    return found


def cap_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """Caps and vetoes (封顶、一票否决) removed and added, compared by condition, limit and message."""
    before, after = _cap_text(old), _cap_text(new)
    return ([("cap_removed", said, test, None) for test, said in before if (test, said) not in after]
            + [("cap_added", said, None, test) for test, said in after if (test, said) not in before])


def reason_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """The set's own reason templates (reasons:) changed, added or removed; a set without its own shows the
    engine's, marked （默认）."""
    found: list[Found] = []
    for key in _keyed(old.reasons, new.reasons):
        engine = TEMPLATES[key].text if key in TEMPLATES else None
        was, now = old.reasons.get(key), new.reasons.get(key)
        if (was or engine) != (now or engine):  # the engine's text written out is the default, no change (QA277 F7)
            default = f"（默认）{TEMPLATES[key].text}" if key in TEMPLATES else None
            found.append(("reason", key, default if was is None else was, default if now is None else now))
    return found


_WEIGHT_FORMS = ("indicators", "level", "integer", "no_bonus")  # what a weight rule binds (_build.weight_rules)


def _weight_rules(indicator_set: IndicatorSet) -> dict[tuple[Any, ...], tuple[int, Mapping[str, Any]]]:
    """Each weight rule by what it binds (its form and value, the second of a form counted apart), with its number."""
    found: dict[tuple[Any, ...], tuple[int, Mapping[str, Any]]] = {}
    for number, rule in enumerate(indicator_set.weight_rules, 1):
        form = next((key for key in _WEIGHT_FORMS if key in rule), "")
        binds = (form, _text(rule.get(form)))
        found[(*binds, sum(1 for key in found if key[:2] == binds))] = (number, rule)
    return found


def _weight_rule_name(number: int, rule: Mapping[str, Any]) -> str:
    """A weight rule as lint names it: 分值规则 1（财预〔2020〕10号 第十四条）."""
    return f"分值规则 {number}" + (f"（{rule['source']}）" if rule.get("source") else "")


def _weight_rule_text(rule: Mapping[str, Any]) -> str:
    """A weight rule as written, but its source (its name says it): indicators: [output, benefit], min_share: 0.6."""
    return ", ".join(f"{key}: {_text(value)}" for key, value in rule.items() if key != "source")


def weight_rule_changes(old: IndicatorSet, new: IndicatorSet) -> list[Found]:
    """Weight rules (weight_rules:, which decide whether a set loads) removed, added, or with another bound or source,
    each field that differs (QA342 F4a); a rule is known by what it binds (the same indicators, the same level…)."""
    before, after = _weight_rules(old), _weight_rules(new)
    found: list[Found] = [("weight_rule_removed", _weight_rule_name(*was), _weight_rule_text(was[1]), None)
                          for key, was in before.items() if key not in after]
    for key, (number, rule) in after.items():
        if key not in before:
            found.append(("weight_rule_added", _weight_rule_name(number, rule), None, _weight_rule_text(rule)))
            continue
        prior = before[key][1]
        for field_name in _keyed(prior, rule):
            a, b = prior.get(field_name), rule.get(field_name)
            if a != b:
                found.append(("weight_rule", _weight_rule_name(number, rule), None if a is None else f"{field_name}: {_text(a)}",
                              None if b is None else f"{field_name}: {_text(b)}"))
    return found
