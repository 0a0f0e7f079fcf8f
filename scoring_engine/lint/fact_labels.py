"""A findings fact's label that states what a finding costs (资金使用合规性问题（每处扣1分；写明截留、挤占、挪用或虚列支出的，
每处扣5分）), against the deduction rule that reads it. The blank 自评表 prints the label beside the cell every unit fills,
and every report shows it among the facts read: a profile that changes the rule or its weight left the base's label
promising 5 points where the province deducts 4, and lint said nothing (QA277 F2)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import IndicatorSet
from .found import LintWarning, Locator, RuleAt
from .standard_compare import AS_POINTS, AS_SHARE, Compared
from .standard_place import placed
from .standard_text import Standard
from .standards import compared_with

__all__ = ["LABEL_MISMATCH", "fact_labels"]

LABEL_MISMATCH = ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it has "
                  "{param} {actual}")
# the rule's amount in the label's unit, as the 评分标准's warning gives it: 1 point per finding against 20% of 6 (QA338 L3)
LABEL_AS_POINTS = ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it deducts "
                   "{points} points: its {param} is {actual} of {whole}")
LABEL_AS_SHARE = ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it deducts "
                  "{share} of {whole}: its {param} is {actual}")
LABEL_HINT = "make the label say what the rule deducts, or leave the points out of it: the blank 自评表 prints it for the unit"
BASE_LABEL_HINT = ("the label is the base set's: declare {fact} in this profile with a label saying what the rule deducts "
                   "(facts: {fact}: {{type: list, label: …}}), or leave the points out of it")


def fact_labels(indicator_set: IndicatorSet, rules: list[RuleAt], locator: Locator) -> Iterator[LintWarning]:
    """A warning for each amount a findings fact's label states that the deduction rule reading it does not deduct."""
    for at in rules:
        if at.rule.kind != "deduction":
            continue
        names = [name for name in at.rule.params.findings.names if name in indicator_set.facts]
        spec = indicator_set.facts[names[0]] if len(names) == 1 else None
        if spec is None or not spec.label or "扣" not in spec.label:
            continue
        claims: dict[tuple[int, str], list[Compared]] = {}
        for compared in compared_with(at, Standard(spec.label)):
            claims.setdefault((compared.start, compared.quote), []).append(compared)
        for found in claims.values():
            if any(c.agrees for c in found):
                continue
            c = found[0]
            fields = {"fact": spec.name, "quote": c.quote, "stated": c.stated, "indicator": at.indicator, "param": c.param,
                      "actual": c.actual, **dict(c.more)}
            said = {AS_POINTS: LABEL_AS_POINTS, AS_SHARE: LABEL_AS_SHARE}.get(c.message, LABEL_MISMATCH)
            label_file = spec.file or indicator_set.source
            if label_file in (None, indicator_set.source):  # the label is the editor's own: said at it
                yield locator.warning("label-mismatch", ("facts", spec.name), said, fields, LABEL_HINT,
                                      indicator=at.indicator, fact=spec.name, key=True)
            else:  # a base's label: said where this profile changed the rule or its weight, where it is fixed
                path, key, _ = placed(locator, at.indicator, at.standard_path, at.path)
                yield locator.warning("label-mismatch", path, said, fields, BASE_LABEL_HINT,
                                      indicator=at.indicator, fact=spec.name, key=key)
