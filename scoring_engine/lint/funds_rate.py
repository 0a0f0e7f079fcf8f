"""A 自评表 that prints a 执行率 its 预算执行率 indicator is not scored from.

The funds block (``form.funds``) prints 全年执行数 ÷ 全年预算数 on the row of
the whole budget, beside the 分值 and 得分 of the indicator it names. When that
indicator's rule reads a rate built from other facts (the national
framework's 实际支出 ÷ 实际到位), a project whose 到位 differs from its 预算
shows, say, 86% beside full marks under a "≥95%" standard: the form looks
wrong to everyone who reads it (QA33 F4). Said only when the rule's rate reads
neither the row's budget nor its 执行数, through derived values: a rate that
reads both (with a denominator chosen by a fact, as the bundled sets do) is
taken to be the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import IndicatorSet
from .found import LintWarning, Locator

__all__ = ["FUNDS_RATE", "funds_rate"]

FUNDS_RATE = ("the 自评表 prints the 执行率 beside {indicator} as {paid} ÷ {budget}, but its rule is scored from {rate}, "
              "which reads {reads}: a project whose amounts differ shows a rate and a score that do not agree")
FUNDS_RATE_HINT = "score {indicator} from {paid} ÷ {budget}, the rate the form prints"


def funds_rate(indicator_set: IndicatorSet, locator: Locator) -> Iterator[LintWarning]:
    form = indicator_set.form
    row = form.funds.get("total", {})
    budget, paid = row.get("budget"), row.get("paid")
    node = next((n for n in indicator_set.walk() if n.id == form.funds_indicator), None)
    if not budget or not paid or node is None or node.rule is None:
        return
    derived = {d.name: d.formula.names for d in indicator_set.derived}
    read, waiting = set(), [name for name in node.rule.reads if name in derived or name in indicator_set.facts]
    while waiting:  # the facts behind the derived values the rule reads
        name = waiting.pop()
        if name not in read:
            read.add(name)
            waiting += derived.get(name, ())
    facts = sorted(name for name in read if name in indicator_set.facts)
    if not facts or {budget, paid} <= read:
        return
    rate = next((name for name in node.rule.reads if name in derived), facts[0])
    yield locator.warning("funds-rate", ("form", "funds", "indicator"), FUNDS_RATE,
                          {"indicator": node.id, "paid": paid, "budget": budget, "rate": rate, "reads": ", ".join(facts)},
                          FUNDS_RATE_HINT, indicator=node.id)
