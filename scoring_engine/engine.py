"""Scoring: an indicator set applied to a project's facts gives an audited Result.

Pure: no I/O, no global state. Every run uses its own decimal context and its
own evaluators, so `score` is safe to call from several threads at once.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator, Mapping
from decimal import ROUND_FLOOR, Decimal, DecimalException
from typing import Any

from ._arith import ZERO, fixed, in_engine_context, plain, round_half_up, scoring_context
from ._version import __version__
from .errors import FactsError, Problem, ScoringError, did_you_mean
from .facts import Facts, check_facts
from .formulas import Evaluator, Formula
from .model import Indicator, IndicatorSet
from .reasons import TEMPLATES, render
from .result import DerivedValue, IndicatorResult, Result, SetInfo, Warning, fact_values
from .rules import RULE_KINDS, Outcome

__all__ = ["score"]


class _Values(Mapping[str, Any]):
    """Fact and derived values by name; reading a derived value that failed raises its error."""

    def __init__(self, values: dict[str, Any], failed: dict[str, ScoringError]):
        self._values = values
        self._failed = failed

    def __getitem__(self, name: str) -> Any:
        if name in self._failed:
            raise self._failed[name]
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def with_values(self, extra: Mapping[str, Any]) -> _Values:
        """These values plus `extra` (a target row's fields)."""
        return _Values({**self._values, **extra}, self._failed)


class _View:
    """What a rule's scoring function reads (the rules.FactView protocol)."""

    def __init__(self, values: _Values, evaluate: Evaluator):
        self._values = values
        self._evaluate = evaluate

    def value(self, formula: Formula) -> Any:
        return self._evaluate(formula, self._values)

    def number(self, formula: Formula, what: str) -> Decimal:
        value = self.value(formula)
        if not isinstance(value, Decimal):
            raise ScoringError(f"{what} must be a number, got {value!r}", expression=formula.text)
        return value

    def fact(self, name: str) -> Any:
        if name not in self._values:
            raise ScoringError(f"fact {name} is missing", fact=name, hint="add it to the facts file")
        return self._values[name]


@in_engine_context
def score(indicator_set: IndicatorSet, facts: Facts | Mapping[str, Any]) -> Result:
    """Score `facts` (a Facts, or a mapping of fact name → value) against `indicator_set`.

    Raises FactsError when the facts do not fit the set's declarations and
    ScoringError when a formula fails or a check of severity error fails; each
    lists every problem found.
    """
    if not isinstance(facts, Facts):
        facts = Facts(values=facts)
    with scoring_context():
        return _Run(indicator_set, facts).result(__version__)


class _Run:
    """One scoring run: the facts checked, derived values computed, the tree scored."""

    def __init__(self, indicator_set: IndicatorSet, facts: Facts):
        self.set = indicator_set
        self.facts = facts
        self.evaluate = Evaluator()  # one per run: runs on other threads have their own
        self.not_applicable = self._not_applicable()
        checked, undeclared = check_facts(indicator_set, facts, frozenset(self.not_applicable))
        self.warnings = [Warning("undeclared_fact", p.message + (f" ({p.hint})" if p.hint else ""), fact=p.fact) for p in undeclared]
        self.weights = self._weights()
        self.facts_read = fact_values(indicator_set, checked)
        self.derived, failed = self._derive(checked)
        self.values = _Values(checked, failed)
        self.problems: list[Problem] = []

    # -- not applicable and weights

    def _not_applicable(self) -> dict[str, str]:
        """Indicator id → reason, for the marked indicators and everything below them."""
        if not isinstance(self.facts.not_applicable, Mapping):
            raise FactsError("not_applicable must map indicator ids to reasons", file=self.facts.source, path="$.not_applicable",
                             hint="write {indicator id: reason}")
        marked = dict(self.facts.not_applicable)
        known = {node.id: node for node in self.set.walk()}
        problems = []
        for indicator_id, reason in marked.items():
            if indicator_id not in known:
                problems.append(Problem(f"not_applicable names unknown indicator {indicator_id}", file=self.facts.source,
                                        path=f"$.not_applicable.{indicator_id}", hint=did_you_mean(indicator_id, known)))
            elif not isinstance(reason, str) or not reason.strip():
                problems.append(Problem("give the reason the indicator does not apply", file=self.facts.source,
                                        path=f"$.not_applicable.{indicator_id}", indicator=indicator_id))
        if problems:
            raise FactsError(problems)
        found = {}
        for indicator_id, reason in marked.items():
            for node in known[indicator_id].walk():
                found.setdefault(node.id, reason)
        return found

    def _weights(self) -> dict[str, Decimal]:
        """Indicator id → weight used; with the 'rescale' policy, applicable leaves share the whole total."""
        leaves = [n for n in self.set.walk() if n.is_leaf]
        weights = {n.id: n.weight for n in leaves}
        if self.set.not_applicable == "rescale" and self.not_applicable:
            applicable = [n for n in leaves if n.id not in self.not_applicable]
            if not applicable:
                raise FactsError("every indicator is marked not applicable; nothing is left to score", file=self.facts.source)
            for n in leaves:
                weights[n.id] = ZERO
            weights.update(_apportion({n.id: n.weight for n in applicable}, self.set.total, self.set.precision))

        def total(node: Indicator) -> Decimal:
            if not node.is_leaf:
                weights[node.id] = sum((total(c) for c in node.children), ZERO)
            return weights[node.id]

        for top in self.set.indicators:
            total(top)
        return weights

    # -- derived values and checks

    def _derive(self, checked: dict[str, Any]) -> tuple[list[DerivedValue], dict[str, ScoringError]]:
        failed: dict[str, ScoringError] = {}
        shown = []
        values = _Values(checked, failed)
        for d in self.set.derived:
            try:
                value = self.evaluate(d.formula, values)
            except ScoringError as err:
                first = err.problems[0]
                message = f"derived value {d.name}: {first.message}"
                failed[d.name] = ScoringError(Problem(message, fact=first.fact, expression=d.formula.text, hint=first.hint))
                shown.append(DerivedValue(d.name, d.formula.text, None, d.label, error=first.message))
                continue
            checked[d.name] = value
            shown.append(DerivedValue(d.name, d.formula.text, value, d.label))
        return shown, failed

    def _checks(self) -> None:
        for check in self.set.checks:
            try:
                passed = self.evaluate(check.formula, self.values)
                failure = None if passed is True else check.message
                if not isinstance(passed, bool):
                    failure = f"check must give true or false, got {passed!r}"
            except ScoringError as err:
                failure = f"cannot be checked ({err.problems[0].message}): {check.message}"
            if failure is None:
                continue
            shown = ", ".join(f"{n} = {_show(self.values[n])}" for n in sorted(check.formula.names) if _readable(self.values, n))
            message = f"{failure}（{check.formula.text}；{shown}）" if shown else failure
            if check.severity == "error":
                self.problems.append(Problem(message, file=self.facts.source, expression=check.formula.text))
            else:
                self.warnings.append(Warning("check", message, expression=check.formula.text))

    # -- the tree

    def result(self, engine_version: str) -> Result:
        self._checks()
        tree = tuple(self._score(node, 1) for node in self.set.indicators)
        if self.problems:
            raise ScoringError(self.problems)
        total = sum((t.score for t in tree), ZERO)
        s = self.set
        return Result(
            engine_version=engine_version,
            indicator_set=SetInfo(s.id, s.name, s.version, s.sha256),
            facts_sha256=self.facts.sha256,
            precision=s.precision,
            max_total=s.total,
            total=total,
            grade=s.grade_for(total),
            indicators=tree,
            warnings=tuple(self.warnings),
            derived=tuple(self.derived),
            project=self.facts.details(),
            facts=self.facts_read,
        )

    def _reason(self, key: str, fields: Mapping[str, object], node: Indicator, weight: Decimal, score: Decimal) -> str:
        template = self.set.reasons.get(key) or TEMPLATES[key][0]
        p = self.set.precision
        common = {"name": node.name, "weight": plain(weight), "score": fixed(score, p), "lost": fixed(weight - score, p)}
        return render(template, {**fields, **common})

    def _score(self, node: Indicator, level: int) -> IndicatorResult:
        weight = self.weights[node.id]
        base = {"id": node.id, "name": node.name, "level": level, "weight": weight, "standard": node.standard,
                "declared_weight": node.weight}
        na = self.not_applicable.get(node.id)
        if na is not None and node.is_leaf:
            policy = self.set.not_applicable
            points = weight if policy == "full_credit" else ZERO
            reason = self._reason(f"not_applicable.{policy}", {"reason": na}, node, weight, points)
            return IndicatorResult(**base, score=round_half_up(points, self.set.precision), reason=reason,
                                   kind=node.rule.kind if node.rule else None, rule=node.rule.spec if node.rule else None,
                                   not_applicable=na)
        if not node.is_leaf:
            children = tuple(self._score(c, level + 1) for c in node.children)
            return self._parent(node, base, children, weight, na)
        if node.rows is not None:
            return self._parent(node, base, self._rows(node, level, weight), weight, na)
        return self._leaf(node, level, weight, self.values)

    def _parent(self, node: Indicator, base: dict[str, Any], children: tuple[IndicatorResult, ...], weight: Decimal,
                na: str | None) -> IndicatorResult:
        total = sum((c.score for c in children), ZERO)
        reason = self._reason("parent", {"count": len(children)}, node, weight, total)
        return IndicatorResult(**base, score=total, reason=reason, children=children, not_applicable=na)

    def _rows(self, group: Indicator, level: int, weight: Decimal) -> tuple[IndicatorResult, ...]:
        """The group's target rows as leaves, each scored by the rule for its type."""
        assert group.rows is not None
        rows = self.values.get(group.rows.fact)
        if rows is None:
            self.problems.append(Problem(f"fact {group.rows.fact} is missing", fact=group.rows.fact, indicator=group.id))
            return ()
        if rows[0].weight is None:  # no weights given: equal shares of the group
            declared = _apportion({i: Decimal(1) for i in range(len(rows))}, group.weight, self.set.precision)
        else:
            declared = {i: row.weight for i, row in enumerate(rows)}
        used = declared if weight == group.weight else _apportion(declared, weight, self.set.precision)
        found = []
        for i, row in enumerate(rows):
            leaf = Indicator(id=f"{group.id}.{row.id or i + 1}", name=row.name, weight=declared[i],
                             standard=group.rows.standards.get(row.type), rule=group.rows.rules[row.type], line=group.line)
            scored = self._leaf(leaf, level + 1, used[i], self.values.with_values(row.values()))
            if row.reason and "row" not in leaf.rule.reads:  # the row's own explanation of a deviation
                scored = replace(scored, reason=f"{scored.reason}；说明：{row.reason}")
            found.append(scored)
        return tuple(found)

    def _leaf(self, node: Indicator, level: int, weight: Decimal, values: _Values) -> IndicatorResult:
        """Score a leaf by its rule against its declared weight, then scale to the weight used (rescaling)."""
        assert node.rule is not None
        rule = node.rule
        base = {"id": node.id, "name": node.name, "level": level, "weight": weight, "standard": node.standard,
                "declared_weight": node.weight}
        values = values.with_values({"weight": node.weight})  # formulas may read the indicator's weight
        try:
            outcome: Outcome = RULE_KINDS[rule.kind].score(rule.params, node.weight, _View(values, self.evaluate))
        except DecimalException:
            err = ScoringError("a number is out of range (too large or too small to score)")
            self.problems.extend(p.located(indicator=node.id, line=node.line, file=self.set.source) for p in err.problems)
            return IndicatorResult(**base, score=ZERO, reason="", kind=rule.kind, rule=rule.spec)
        except ScoringError as err:
            self.problems.extend(p.located(indicator=node.id, line=node.line, file=self.set.source) for p in err.problems)
            return IndicatorResult(**base, score=ZERO, reason="", kind=rule.kind, rule=rule.spec)
        raw = outcome.score
        kept = min(max(raw, ZERO), node.weight)
        if kept != raw:
            self.warnings.append(Warning("clamp", f"raw score {plain(raw)} is outside 0..{plain(node.weight)}; clamped to {plain(kept)}",
                                         indicator=node.id))
        points = round_half_up(kept, self.set.precision)
        reason = self._reason(outcome.reason, outcome.fields, node, node.weight, points)
        if kept != raw:
            reason += "；" + self._reason("clamped", {"raw": plain(raw)}, node, node.weight, points)
        details = dict(outcome.details)
        if weight != node.weight:  # not-applicable indicators elsewhere: this one's weight was rescaled
            details["rescaled"] = {"declared_weight": node.weight, "weight": weight, "score_before": points}
            points = round_half_up(kept * weight / node.weight, self.set.precision)
            reason += "；" + self._reason("rescaled", {"declared": plain(node.weight)}, node, weight, points)
        inputs = {name: values[name] for name in sorted(rule.reads) if _readable(values, name)}
        return IndicatorResult(
            **base,
            score=points,
            reason=reason,
            kind=rule.kind,
            rule=rule.spec,
            inputs=inputs,
            details=details,
            deductions=outcome.deductions,
            raw_score=raw,
            clamped=kept != raw,
        )


def _readable(values: _Values, name: str) -> bool:
    try:
        values[name]
    except (KeyError, ScoringError):
        return False
    return True


def _show(value: Any) -> str:
    return plain(value) if isinstance(value, Decimal) else str(value)


def _apportion(weights: dict[str, Decimal], total: Decimal, places: int) -> dict[str, Decimal]:
    """Scale weights to add up to `total` exactly at `places` decimals (largest remainder, ties by order)."""
    whole = sum(weights.values(), ZERO)
    quantum = Decimal(1).scaleb(-places)
    exact = {k: w * total / whole for k, w in weights.items()}
    shares = {k: v.quantize(quantum, rounding=ROUND_FLOOR) for k, v in exact.items()}
    left = int((total - sum(shares.values(), ZERO)) / quantum)
    order = sorted(weights, key=lambda k: exact[k] - shares[k], reverse=True)  # stable: file order breaks ties
    for k in order[:left]:
        shares[k] += quantum
    return shares
