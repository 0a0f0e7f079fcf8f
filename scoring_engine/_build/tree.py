"""Checking the indicator tree: one id per indicator, weights that add up at every level, one way to score each node."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._arith import ZERO, plain, to_decimal_or_none
from .._frozen import ReadOnly
from ..errors import did_you_mean
from ..model import Indicator, RowGroup
from .draft import Draft
from .problems import Path
from .rule_spec import check_rule

__all__ = ["IndicatorTree"]


class IndicatorTree:
    """Builds the indicators of one draft, top-down, remembering where each id was first used."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.log = draft.log
        self.ids: dict[str, Path] = {}

    def top_level(self) -> tuple[Indicator, ...]:
        """The top-level indicators (and everything below them); their weights must add up to the total."""
        raw = self.draft.data.get("indicators")
        if not isinstance(raw, list):
            return ()
        indicators = [self.indicator(item, ("indicators", i)) for i, item in enumerate(raw)]
        self.weights_add_up(indicators, self.draft.total, ("indicators",), "the top-level indicators", "total")
        built = tuple(i for i in indicators if i is not None)
        self._transfers(built)
        return built

    def _transfers(self, indicators: tuple[Indicator, ...]) -> None:
        """Each not_applicable_to names another indicator, neither above nor below it, under the rescale policy."""
        nodes = {n.id: n for top in indicators for n in top.walk()}
        for node in nodes.values():
            target = node.not_applicable_to
            if target is None:
                continue
            at = self.ids[node.id] + ("not_applicable_to",)
            if target not in nodes:
                self.log.add(at, f"not_applicable_to names {target}, which is no indicator of the set",
                             did_you_mean(target, list(nodes)) or "name the indicator that takes its weight (a profile "
                             f"that removes {target} writes change: {{{node.id}: {{not_applicable_to: …}}}}, null to drop it)")
            elif target == node.id or any(n.id == target for n in node.walk()) or \
                    any(n.id == node.id for n in nodes[target].walk()):
                self.log.add(at, f"not_applicable_to names {target}, which is {'itself' if target == node.id else 'above or below it'}",
                             "name an indicator beside it (its weight goes there, and is shared among that one's children)")
            elif self.draft.data.get("not_applicable", "full_credit") != "rescale":
                self.log.add(at, "not_applicable_to moves a weight, which only not_applicable: rescale does",
                             "write not_applicable: rescale at the top of the set (full_credit gives the indicator its "
                             f"weight as a score), or drop it: a profile writes change: {{{node.id}: "
                             "{not_applicable_to: null}}")

    def indicator(self, raw: Any, path: Path) -> Indicator | None:
        """The indicator written at `path`, or None when it cannot be built (problems recorded)."""
        if not isinstance(raw, Mapping):
            return None
        node_id = self._id(raw, path)
        weight = self._weight(raw, path)
        children, rows = self._below(raw, path, node_id, weight)
        has_rule = "rule" in raw and not raw.get("children") and "children_from" not in raw
        rule = check_rule(self.draft, raw["rule"], path + ("rule",), weight, node_id) if has_rule else None
        if node_id is None or weight is None or not isinstance(raw.get("name"), str):
            return None
        line = self.log.located.where(path)
        return Indicator(id=node_id, name=raw["name"], weight=weight, standard=raw.get("standard"), rule=rule,
                         children=tuple(c for c in children if c is not None), rows=rows, line=line[0] if line else None,
                         file=self.log.located.file_at(path), not_applicable_to=raw.get("not_applicable_to"))

    def _id(self, raw: Mapping[str, Any], path: Path) -> str | None:
        node_id: str | None = raw.get("id") if isinstance(raw.get("id"), str) else None
        if node_id is None:
            return None
        if node_id in self.ids:
            located, here, there = self.log.located, path + ("id",), self.ids[node_id] + ("id",)
            own = (None, self.log.file)
            if located.file_at(here) not in own and located.file_at(there) in own:  # the base has the profile's id later:
                here, there = there, here  # said at the profile's line, the one to fix (QA128 F2)
            first = located.where(there)
            line = first[0] if first else "?"
            base = located.file_at(there)
            if base is not None and base != located.file_at(here):  # a profile's id its base has (QA125 F2)
                self.log.add(here, f"indicator id {node_id} is used twice (also in {base}, line {line})",
                             "give each indicator its own id: this one is the base set's")
            else:
                self.log.add(here, f"indicator id {node_id} is used twice (first on line {line})",
                             "give each indicator its own id")
        else:
            self.ids[node_id] = path
        return node_id

    def _weight(self, raw: Mapping[str, Any], path: Path) -> Decimal | None:
        weight = to_decimal_or_none(raw.get("weight")) if self.log.ok(path + ("weight",)) else None
        precision = self.draft.precision
        if weight is not None and weight % Decimal(1).scaleb(-precision):
            # scores are rounded to the precision: 0.5 points at precision 0 would print as 1
            places = f"{precision} decimal place{'s' * (precision > 1)}" if precision else "a whole number"
            self.log.add(path + ("weight",), f"weight {plain(weight)} has more decimal places than precision {precision} keeps",
                         f"round the weight to {places}, or set precision: to at least "
                         f"{-int(weight.normalize().as_tuple().exponent)}")
        return weight

    def _below(self, raw: Mapping[str, Any], path: Path, node_id: str | None,
               weight: Decimal | None) -> tuple[list[Indicator | None], RowGroup | None]:
        """The children written under an indicator, or the row group it takes them from."""
        if "children_from" in raw:
            for other in ("children", "rule"):
                if other in raw:
                    self.log.add(path + (other,),
                                 f"an indicator with children_from takes its children from the facts; it cannot have {other} too",
                                 f"remove {other} or children_from", key=True)
            return [], self.row_group(raw["children_from"], path + ("children_from",), node_id)
        children_raw = raw.get("children")
        if isinstance(children_raw, list):
            children = [self.indicator(c, path + ("children", i)) for i, c in enumerate(children_raw)]
            if "rule" in raw:
                self.log.add(path + ("rule",), "an indicator with children is scored by them; it cannot have a rule too",
                             "move the rule to a child, or remove the children", key=True)
            if weight is not None:
                self.weights_add_up(children, weight, path + ("children",), f"the children of {node_id}", "weight", path)
            return children, None
        if "rule" not in raw:
            self.log.add(path, "has neither a rule nor children", "add rule: {kind: …} to score it, or children: [...]")
        return [], None

    def row_group(self, spec: Any, path: Path, indicator: str | None) -> RowGroup | None:
        """The rules by row type of an indicator scored row by row from a list fact of target rows."""
        if not self.log.ok(path):
            return None
        fact = self.draft.declared_facts().get(spec["fact"])
        if not isinstance(fact, Mapping) or fact.get("type") != "list" or fact.get("items") != "target":
            if isinstance(fact, Mapping) and not self.log.ok(("facts", spec["fact"])):
                return None  # declared with a mistake, said where it is declared (QA112 F7)
            self.log.add(path + ("fact",), f"children_from needs a declared list fact of target rows; {spec['fact']} is not one",
                         f"declare {spec['fact']}: {{type: list, items: target}} under facts:", indicator=indicator)
            return None
        rules = {kind: check_rule(self.draft, rule, path + ("rules", kind), None, indicator)
                 for kind, rule in spec["rules"].items()}
        for kind in spec.get("standards", {}):
            if kind not in rules:
                self.log.add(path + ("standards", kind), f"standard for row type {kind}, which has no rule",
                             key=True, indicator=indicator)
        comparisons = dict(spec.get("comparisons", {}))
        for sign, kind in comparisons.items():
            if kind not in rules:
                self.log.add(path + ("comparisons", sign), f"comparison {sign} names row type {kind}, which has no rule",
                             did_you_mean(kind, rules) or "one of: " + ", ".join(rules), indicator=indicator)
        categories = tuple(spec.get("categories", ()))
        twice = next((c for i, c in enumerate(categories) if c in categories[:i]), None)
        if twice is not None:  # which one (QA44 F10)
            self.log.add(path + ("categories",), f"category {twice} is listed twice", "list each 二级 category once",
                         indicator=indicator)
        if any(r is None for r in rules.values()):
            return None
        return RowGroup(spec["fact"], ReadOnly(rules), ReadOnly(spec.get("standards", {})), ReadOnly(comparisons),
                        categories)

    def weights_add_up(self, children: list[Indicator | None], expected: Decimal, path: Path, what: str,
                       key: str, owner: Path = ()) -> None:
        """The weights of `children` add up to `expected` (their parent's weight, or the set's total)."""
        if any(c is None for c in children) or not children:
            return  # a child is broken and already reported
        found = sum((c.weight for c in children if c is not None), ZERO)
        if found != expected:
            detail = " + ".join(f"{plain(c.weight)}" for c in children if c is not None)
            hint = ("change the children's weights or this weight so that they agree" if owner
                    else f"change the weights so that they add up to the total {plain(expected)}")
            at, located, own = owner + (key,) if owner else path, self.log.located, (None, self.log.file)
            if owner and located.file_at(at) not in own and located.on_top_of(located.file_at(path, key=True), located.file_at(at)):
                at, owner = path, ()  # children a profile wrote under its base's weight: said at its children: (QA130 F2,
                #  and QA132 F3: a base profile's, for a profile of it); a weight a profile wrote over its base's children
                #  is said at the weight, in a profile of it too (QA133 F2)
                hint = f"make the children's weights add up to {plain(expected)}, or give the weight they add up to"
            self.log.add(at, key=not owner, hint=hint,
                         message=f"weights of {what} add up to {plain(found)} ({detail}), not {plain(expected)}")
