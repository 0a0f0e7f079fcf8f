"""Weight rules a set declares about itself (``weight_rules:``), checked when it loads.

The rules that bind an indicator system's weights are written in policy, not in
the set: "原则上产出、效益指标权重不低于60%" (财预〔2020〕10号 第十四条), "each 一级 at
least 15" and "integer weights" (Henan's notes), "不设置加分项" (Hubei). A set
declares the ones it follows; an edit that breaks one is refused like any other
mistake, at the weight that breaks it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from .._arith import ZERO, plain
from ..errors import did_you_mean
from ..model import Indicator
from .draft import Draft
from .problems import Path

__all__ = ["weight_rules"]

_FORMS = ("indicators", "level", "integer", "no_bonus")
_BOUNDS = ("min", "max", "min_share", "max_share")


def weight_rules(draft: Draft, indicators: tuple[Indicator, ...], shares_only: bool = False) -> bool:
    """Check every declared weight rule against the indicators; True when one of them declares no bonus points.
    `shares_only` (the set has other problems, weights that do not add up among them): only each rule's form and a
    bound written as a share are said, with the others (QA166 F7); what the weights break waits for them."""
    raw = draft.data.get("weight_rules", [])
    no_bonus = False
    paths = _paths(draft)
    for i, rule in enumerate(raw if isinstance(raw, list) else []):
        path: Path = ("weight_rules", i)
        if not draft.log.ok(path) or not _well_formed(draft, rule, path):
            continue
        said = f"weight rule {i + 1}" + (f" ({rule['source']})" if "source" in rule else "")
        if _shares_for_points(draft, rule, path, said, indicators) or shares_only:
            continue
        if "indicators" in rule:
            _sum_rule(draft, rule, path, said, {n.id: n for top in indicators for n in top.walk()}, paths)
        elif "level" in rule:
            for node, at in _at_level(indicators, rule["level"], paths):
                for message in _outside(draft, rule, node.weight):
                    draft.log.add(at + ("weight",), f"{said}: {node.name} ({node.id}) weighs {plain(node.weight)}, "
                                  f"{message} (each indicator at level {rule['level']})", indicator=node.id)
        elif rule.get("integer"):
            _whole(draft, said, [(node, paths.get(node.id, path) + ("weight",)) for top in indicators for node in top.walk()
                                 if node.weight != node.weight.to_integral_value()])
        else:
            no_bonus = True
    return no_bonus


def _whole(draft: Draft, said: str, broken: list[tuple[Indicator, Path]]) -> None:
    """The weights that are not whole numbers, each at its weight; those one line made (a profile's rescale: that
    shares out 89.5 among 决策's siblings) in one problem there, not one per indicator of the tree."""
    by_place: dict[tuple[int, int] | None, list[tuple[Indicator, Path]]] = {}
    for node, at in broken:
        by_place.setdefault(draft.log.located.where(at), []).append((node, at))
    for made in by_place.values():
        (node, at), *more = made
        if not more:
            draft.log.add(at, f"{said}: {node.name} ({node.id}) weighs {plain(node.weight)}, not a whole number",
                          indicator=node.id)
            continue
        shown = ", ".join(f"{n.name} {plain(n.weight)}" for n, _ in made[:_LISTED]) + ("…" if len(made) > _LISTED else "")
        draft.log.add(at, f"{said}: {len(made)} weights this line gives are not whole numbers: {shown}",
                      "give a weight that leaves whole points to share out, or write the weights out under change:")
        draft.log.problems[-1] = replace(draft.log.problems[-1], indicator=None, path=None)  # of many indicators: the line says it


_LISTED = 5  # the weights named in one problem about many


def _well_formed(draft: Draft, rule: Mapping[str, Any], path: Path) -> bool:
    """One form per rule; bounds with the forms that take them, and at least one of them."""
    forms = [f for f in _FORMS if f in rule]
    if len(forms) != 1:
        draft.log.add(path, "a weight rule gives exactly one of indicators, level, integer or no_bonus")
        return False
    bounds = [b for b in _BOUNDS if b in rule]
    if forms[0] in ("indicators", "level") and not bounds:
        draft.log.add(path, f"a weight rule with {forms[0]} gives min, max, min_share or max_share")
        return False
    if forms[0] in ("integer", "no_bonus") and bounds:
        draft.log.add(path + (bounds[0],), f"{bounds[0]} goes with indicators or level, not with {forms[0]}", key=True)
        return False
    return True


def _shares_for_points(draft: Draft, rule: Mapping[str, Any], path: Path, said: str,
                       indicators: tuple[Indicator, ...]) -> bool:
    """Whether the rule's min or max is surely a share written for points ({level: 1, min: 0.15} for 15 points of 100),
    each said at its bound (QA164 F1): a bound under 1 point on a total of 10 or more that the weights it binds keep
    as a share of the total, and as points a min they all far exceed or a max they break. A bound that binds as points
    (`{level: 2, min: 0.5}`, 每个三级指标分值不低于0.5分: a leaf of 0.5 keeps it, not 50) is points (QA166 F3), as is
    one whose source writes it in points (0.5分); a hint is given only where following it validates."""
    found = False
    for key, below in (("min", True), ("max", False)):
        bound = rule.get(key)
        if bound is None or draft.total < 10 or not 0 < Decimal(str(bound)) < 1 or not (weights := _bound_weights(rule, indicators)):
            continue
        bound = Decimal(str(bound))
        if f"{plain(bound)}分" in str(rule.get("source", "")).replace(" ", ""):
            continue
        share = bound * draft.total
        if not (all(w >= share for w in weights) if below else (all(w <= share for w in weights) and max(weights) > bound)):
            continue
        draft.log.add(path + (key,), f"{said}: {key} {plain(bound)} is {plain(bound)} points of the total {plain(draft.total)}",
                      f"a weight rule's min and max are points: write {key}: {plain(share)}, or {key}_share: "
                      f"{plain(bound)} for a share of the total")
        found = True
    return found


def _bound_weights(rule: Mapping[str, Any], indicators: tuple[Indicator, ...]) -> list[Decimal]:
    """The weights the rule binds: each indicator's at its level, or the named indicators' together (none when a name
    is unknown, or named twice, or under another named: the rule's names are said wrong first)."""
    if "level" in rule:
        return [node.weight for node, _ in _at_level(indicators, rule["level"], {})]
    if "indicators" not in rule:
        return []
    known = {n.id: n for top in indicators for n in top.walk()}
    ids = rule["indicators"]
    if any(i not in known for i in ids) or len(set(ids)) != len(ids) or \
            any(below.id in ids for i in ids for below in known[i].walk() if below.id != i):
        return []
    return [sum((known[i].weight for i in ids), ZERO)]


def _sum_rule(draft: Draft, rule: Mapping[str, Any], path: Path, said: str, known: Mapping[str, Indicator],
              paths: Mapping[str, Path]) -> None:
    """The weights of the named indicators together, against the rule's bounds; a rule a profile's base declares is
    broken by a weight the profile set, so the problem is placed there."""
    ids = rule["indicators"]
    unknown = [i for i in ids if i not in known]
    for name in unknown:
        draft.log.add(path + ("indicators", ids.index(name)), f"{said} names unknown indicator {name}",
                      did_you_mean(name, list(known)))
    if unknown or _counted_twice(draft, ids, path, said, known):
        return
    total = sum((known[i].weight for i in ids), ZERO)
    names = " + ".join(known[i].name for i in ids) + f" ({' + '.join(ids)})"
    detail = " + ".join(plain(known[i].weight) for i in ids)
    located, own = draft.log.located, draft.log.file
    at = path
    if located.file_at(path) not in (None, own):  # the rule is the base's: point at a weight the profile wrote
        at = next((paths[i] + ("weight",) for i in ids if i in paths
                   and located.file_at(paths[i] + ("weight",)) in (None, own)), path)
    for message in _outside(draft, rule, total):
        draft.log.add(at, f"{said}: {names} weigh {plain(total)} ({detail}), {message}",
                      "change the weights, or the weight rule if the set really departs from it")


def _counted_twice(draft: Draft, ids: list[str], path: Path, said: str, known: Mapping[str, Indicator]) -> bool:
    """Whether the rule names an indicator twice, or one with an indicator under it: each said at the second name. Their
    weights added up would count the same points twice ([output, output] kept a min of 40 with 32: QA125 F9)."""
    above = {below.id: i for i in dict.fromkeys(ids) for below in known[i].walk() if below.id != i}
    found = False
    for position, name in enumerate(ids):
        at = path + ("indicators", position)
        if name in ids[:position]:
            draft.log.add(at, f"{said}: {name} is named twice, and its weight would count twice", "name each indicator once")
        elif name in above and above[name] in ids:
            draft.log.add(at, f"{said}: {name} is under {above[name]}, also named, whose weight holds its own",
                          "name the indicator or the one above it, not both")
        else:
            continue
        found = True
    return found


def _outside(draft: Draft, rule: Mapping[str, Any], weight: Decimal) -> Iterator[str]:
    """How `weight` breaks the rule's bounds (nothing when it keeps them)."""
    total = draft.total
    for key, below in (("min", True), ("max", False), ("min_share", True), ("max_share", False)):
        if key not in rule:
            continue
        bound = Decimal(str(rule[key])) * (total if key.endswith("share") else 1)
        of_total = f" ({plain(Decimal(str(rule[key])) * 100)}% of the total {plain(total)})" if key.endswith("share") else ""
        if below and weight < bound:
            yield f"below {plain(bound)}{of_total}"
        elif not below and weight > bound:
            yield f"above {plain(bound)}{of_total}"


def _paths(draft: Draft) -> dict[str, Path]:
    """Indicator id → its path in the file, to point a problem at the weight that breaks a rule."""
    found: dict[str, Path] = {}

    def visit(items: Any, path: Path) -> None:
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                found.setdefault(item["id"], path + (i,))
                visit(item.get("children"), path + (i, "children"))

    visit(draft.data.get("indicators"), ("indicators",))
    return found


def _at_level(indicators: tuple[Indicator, ...], level: int, paths: Mapping[str, Path]) -> Iterator[tuple[Indicator, Path]]:
    """The indicators `level` deep (1: the top level), with their paths."""
    nodes = list(indicators)
    for _ in range(level - 1):
        nodes = [c for n in nodes for c in n.children]
    for node in nodes:
        yield node, paths.get(node.id, ("indicators",))
