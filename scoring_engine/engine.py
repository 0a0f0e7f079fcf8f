"""Scoring: an indicator set applied to a project's facts gives an audited Result.

Pure: no I/O, no global state. A run follows the set's scoring plan (plan.py):
the facts are checked, the derived values and checks computed, each leaf scored
by its rule kind, each parent summed from its children. `score` keeps what each
rule recorded, and the Result builds its audit trail from that when first read
(audit.py); `scores_only` keeps the scores alone. Both share every step that
decides a score, so their totals are the same.

Every run uses its own decimal context and holds no state between runs, so
both are safe to call from several threads at once.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Iterator, Mapping
from decimal import Decimal, DecimalException
from types import MappingProxyType
from typing import Any

from ._arith import (CONTEXT, GUARD_PLACES, ZERO, apportion, in_engine_context, plain, quantum, round_half_up,
                     shared_again)
from ._arith import to_step_half_up as _to_step
from ._check_failure import check_problem, divided_by_zero
from ._check_failure import in_words, with_values as _with_values
from ._frozen import ReadOnly, made_frozen
from ._given_facts import given_facts, naming_another_set, of_no_file
from ._not_applicable import not_applicable, only_not_applicable, weights_without
from ._rescale_shares import Factor, convert, factors_without
from ._fact_warnings import one_line_warnings, shares_warnings
from ._flag_words import flags_of
from ._text import cut, keeping_lists
from ._version import __version__
from .audit import AuditTrail, DerivedValue, LeafRecord, SetInfo, derived_values, fact_values, facts_not_given
from .caps import apply_caps
from .errors import ADD_THE_FACT, ADD_TO_THE_ROW, FactsError, Problem, ScoringError
from ._formula_functions import condition_value
from .facts import Facts, check_facts
from .judgements import TargetRow
from .model import ExplainRule, Indicator, IndicatorSet
from .plan import Node, RuleStep, ScoringPlan, plan_for
from ._later import Later
from .result import Flag, Result, Scores, ScoreWarning
from .row_flags import ScoredRow, row_flags
from .rules._base import unambiguous
from .used_values import used_value
from ._views import FailedValues, LocalValues, RuleView

__all__ = ["score", "score_held", "scores_only"]

_new_tuple = tuple.__new__


@in_engine_context
def score(indicator_set: IndicatorSet, facts: Facts | Mapping[str, Any]) -> Result:
    """Score `facts` (a Facts, or a mapping of fact name → value) against `indicator_set`.

    The Result carries the whole audit trail; it is built from what the run
    recorded when first read (its text is the same either way). What it says
    of the facts (their section, their sha256) is of the facts as they were
    scored: the mapping given may be changed or refilled once score returns.

    Raises FactsError when the facts do not fit the set's declarations and
    ScoringError when a formula fails or a check of severity error fails; each
    lists every problem found.
    """
    return _score(indicator_set, facts, keep=True)


@in_engine_context
def score_held(indicator_set: IndicatorSet, facts: Facts) -> Result:
    """`score` of facts that no caller holds (a batch's documents, read by the library itself): not copied first."""
    return _score(indicator_set, facts, keep=False)


def _score(indicator_set: IndicatorSet, facts: Facts | Mapping[str, Any], keep: bool) -> Result:
    plan = plan_for(indicator_set)
    facts = given_facts(facts, plan)
    try:  # keep: the Result hashes and writes the facts when first read, as they are now, not as the caller changes them
        run = _Run(plan, facts, audit=True, keep=keep)  # in the engine's own decimal context (in_engine_context)
        return _result(run, run.tree())
    except (FactsError, ScoringError) as err:
        # a caller's facts that name another set: said first, as the command line and score_many say it (QA98 F4)
        raise of_no_file(naming_another_set(err, facts, plan.set) if keep else err, facts) from None


@in_engine_context
def scores_only(indicator_set: IndicatorSet, facts: Facts | Mapping[str, Any]) -> Scores:
    """The total, the grade and each indicator's score, without reasons or the rest of the audit trail.

    Decided by the same steps as `score` (same total, grade, scores, warnings
    and errors), for when only the numbers are wanted, e.g. across a batch.
    """
    plan = plan_for(indicator_set)
    facts = given_facts(facts, plan)
    try:
        run = _Run(plan, facts, audit=False)
        scores = run.tree()
    except (FactsError, ScoringError) as err:
        raise of_no_file(err, facts) from None
    total, grade, flags = run.outcome(scores)
    # the caller reads the weights, never changes them (without target rows they are the plan's own, shared by every run);
    # the scores and values are read-only views alike, uncopied: a change would leave the total saying otherwise (QA202 3)
    values = run.values
    return made_frozen(Scores, {"indicator_set": _set_info(plan), "total": total, "grade": grade,
                                "scores": MappingProxyType(run.scores_by_id(scores)), "warnings": tuple(run.warnings),
                                "flags": flags, "weights": MappingProxyType(run.weights_with_rows()),
                                "values": MappingProxyType(values) if type(values) is dict else values})


def _on_declared(problem: Problem, declared: Decimal, weight: Decimal) -> Problem:
    """A judged score the facts give out of its range, where 不适用 elsewhere rescaled the weight the reports show: said
    to be on the declared weight (QA97 F3: 5.5 of the 6 shown was refused with a range on the 4 declared)."""
    if weight == declared or not problem.hint or not (problem.path or "").endswith(".score"):
        return problem
    return dataclasses.replace(problem, hint=f"{problem.hint}; a score the facts give is on the declared weight "
                                             f"{plain(declared)}, which the reports show as {plain(weight)} (不适用 elsewhere)")


def _set_info(plan: ScoringPlan) -> SetInfo:
    """Which set scored a result: the same record for every result of the set."""
    if plan.set_info is None:
        s = plan.set
        plan.set_info = SetInfo(s.id, s.name, s.version, s.sha256)
    info: SetInfo = plan.set_info
    return info


def _result(run: _Run, scores: list[Decimal]) -> Result:
    plan, facts, values = run.plan, run.facts, run.values
    s = plan.set
    total, grade, flags = run.outcome(scores)
    trail = AuditTrail(plan, run.weights, run.not_applicable, scores, run.records)
    failed, used = run.failed_messages, run.used
    return made_frozen(Result, dict(
        engine_version=__version__,
        indicator_set=_set_info(plan),
        facts_sha256=Later(_sha256, facts),
        precision=s.precision,
        max_total=s.total,
        total=total,
        grade=grade,
        indicators=Later(AuditTrail.indicators, trail, plan=plan),
        warnings=tuple(run.warnings),
        derived=Later(derived_values, s, values, failed, used),
        project=ReadOnly(facts.details()),  # a Result is immutable: its details too
        facts=Later(fact_values, s, values, plan=plan),
        facts_not_given=Later(facts_not_given, s, values),
        grade_consequence=plan.consequences[grade] if grade in plan.consequences else s.consequence_of(grade),
        flags=flags,
    ))


def _sha256(facts: Facts) -> str:
    return facts.sha256


#: A project marking every indicator not applicable, under either policy.
EVERY_ONE_MARKED = "every indicator is marked not applicable; nothing is left to score"
_GUARD = Decimal(f"1e-{GUARD_PLACES}")  # exactly, in no caller's context (QA127 F5)
_GUARDED_BELOW = CONTEXT.prec - GUARD_PLACES


class _Run:
    """One scoring run: the facts checked, derived values and checks computed; `tree` scores the indicators."""

    def __init__(self, plan: ScoringPlan, facts: Facts, audit: bool, keep: bool = False):
        self.plan = plan
        self.set = plan.set
        self.places = plan.set.precision
        self.audit = audit
        self.not_applicable = not_applicable(plan, facts)
        checked, undeclared, self.facts = check_facts(self.set, facts, frozenset(self.not_applicable), keep)
        self.warnings = [ScoreWarning("undeclared_fact", p.message + (f" ({p.hint})" if p.hint else ""), fact=p.fact,
                                      named=True) for p in undeclared]
        self.factors: Mapping[str, Factor] | None = None  # under rescale, each applicable leaf's exact factor
        self.weights = self._weights()
        self.failed_messages: dict[str, str] = {}
        self.used: dict[str, DerivedValue] = {}  # derived values scored as the report's own value (`used`)
        self.values = self._derive(checked)
        # 0.95 where 95 of 100 was meant (QA284 F3: 79.73 fell to 75.39 in silence)
        if plan.scaled_lists:
            self.warnings += shares_warnings(self.set, plan.scaled_lists, checked, self.not_applicable)
        if plan.finding_lists:  # a finding that may be several, on one line (QA294)
            self.warnings += one_line_warnings(self.set, plan.finding_lists, checked, self.not_applicable)
        self.view = RuleView(self.values)  # what every leaf reads, but those that read their own weight or row
        self.problems: list[Problem] = []
        self._checks()
        self.records: dict[int, Any] = {}  # leaf position → LeafRecord (a list of them for a row group), when auditing
        self.rows: dict[int, list[tuple[str, Decimal]]] = {}  # row group position → (id, score) of each row
        self.row_weights: dict[int, dict[int, Decimal]] = {}  # row group position → each row's weight used
        self.row_declared: dict[int, dict[int, Decimal]] = {}  # and declared, in the form's order (ties go by it)
        rounds = self.set.rounds
        self.rounded = rounds.round if rounds.stages else None  # None: straight to the precision (round_half_up)
        self.quantum = quantum(self.places)

    # -- not applicable and weights

    def _weights(self) -> Mapping[str, Decimal]:
        """Indicator id → weight used; with the 'rescale' policy, applicable leaves share the whole total."""
        if not self.not_applicable:
            return self.plan.weights
        if self.set.not_applicable != "rescale":  # full marks for each; none for a project with nothing to score (QA248 F2:
            if len(self.not_applicable) >= len(self.plan.leaves) and all(  # 'select all' scored 100 优)
                    n.id in self.not_applicable for n in self.plan.leaves):
                raise FactsError(EVERY_ONE_MARKED, file=self.facts.source)
            return self.plan.weights
        marked = frozenset(self.not_applicable)
        kept: tuple[Mapping[str, Decimal], Mapping[str, Factor]] | None = self.plan.rescaled.get(marked)
        if kept is None:
            kept = self._rescaled(), factors_without(self.plan, self.not_applicable)
            self.plan.rescaled.put(marked, kept)
        self.factors = kept[1]
        return kept[0]

    def _rescaled(self) -> Mapping[str, Decimal]:
        """The applicable leaves' weights adding up to the set's total (`weights_without`), the rest 0, the parents' sums."""
        weights = weights_without(self.plan, self.not_applicable, self.set.precision)
        if weights is None:
            raise FactsError(EVERY_ONE_MARKED, file=self.facts.source)
        return weights

    # -- derived values and checks

    def _derive(self, values: dict[str, Any]) -> Mapping[str, Any]:
        """`values` with the derived values added; reading one that failed raises its error."""
        failed: dict[str, ScoringError] = {}
        view: Mapping[str, Any] = values
        for d in self.set.derived:
            try:
                value = d.formula.evaluate(view)
            except ScoringError as err:
                first = err.problems[0]
                message = f"derived value {d.name}: {first.message}"
                failed[d.name] = ScoringError(divided_by_zero(d.name, first, self.set, values) or Problem(
                    message, fact=first.fact, expression=d.formula.text, hint=first.hint))
                self.failed_messages[d.name] = first.message
                view = FailedValues(values, failed)
                continue
            if d.used is not None:  # the report's own value, when the facts give it
                entry, warnings = used_value(d, value, view)
                value = entry.value
                if entry.used is not None:
                    self.used[d.name] = entry
                self.warnings.extend(warnings)
            values[d.name] = value
        return view

    def _checks(self) -> None:
        for check in self.set.checks:
            try:
                passed = check.formula.evaluate(self.values)
                failure = None if passed is True else check.message
                if not isinstance(passed, bool):
                    failure = f"check must give true or false, got {condition_value(passed)}"
            except ScoringError as err:
                if only_not_applicable(self.set, self.not_applicable, check.formula.names, self.facts.values):
                    continue  # wholly of facts only indicators marked 不适用 read: not judged, as they are not (QA331 F6)
                failure = f"cannot be checked ({err.problems[0].message}): {check.message}"
            if failure is None:
                continue
            if check.severity == "error":  # named where the set writes it, with the facts behind the values it read
                self.problems.append(check_problem(check, failure, self.set, self.values, self.facts.source))
            else:
                self.warnings.append(ScoreWarning("check", _with_values(failure, check.formula, self.values,
                                                                        written=check.message),
                                                  expression=check.formula.text,
                                                  zh=in_words(failure, check.formula, self.values, self.set)
                                                  if failure is check.message else None))

    # -- the tree

    def tree(self) -> list[Decimal]:
        """Every indicator's score by its position in the plan: the leaves, then the parents summed from them."""
        scores: list[Decimal] = [ZERO] * len(self.plan.nodes)
        weights, not_applicable, leaf = self.weights, self.not_applicable, self._leaf
        for node in self.plan.leaves:
            step = node.step
            if step is not None and node.id not in not_applicable:  # the usual leaf, scored at once
                scores[node.position] = leaf(node.indicator, step, node.level, weights[node.id], None, None, None,
                                             node.position)
            else:
                scores[node.position] = self._score(node)
        if self.factors is not None and not self.problems:  # rescale: the scores converted, the total at once (QA339 F1)
            convert(self.plan, self.factors, weights, scores, self.rows, self.row_weights, self.row_declared, self.records,
                    self.set.rounds)
        for node in self.plan.parents:
            total = ZERO
            for child in node.children:
                total += scores[child]
            scores[node.position] = total
        if self.problems:
            raise ScoringError(self.problems)
        return scores

    def outcome(self, scores: list[Decimal]) -> tuple[Decimal, str, tuple[Flag, ...] | Later[tuple[Flag, ...]]]:
        """The total and the grade (after the set's caps), and the 需说明 flags."""
        s = self.set
        total = ZERO
        for i in self.plan.tops:
            total += scores[i]
        grade = s.grade_for(total)
        if s.caps:
            total, grade, capped, problems = apply_caps(s, self.values, total, grade)
            if problems:
                raise ScoringError([p.located(file=self.facts.source) for p in problems])
            self.warnings.extend(capped)
        return total, grade, self.flags(total, grade)

    def flags(self, total: Decimal, grade: str) -> tuple[Flag, ...] | Later[tuple[Flag, ...]]:
        """The set's 需说明 conditions the project meets; one that cannot be decided becomes a warning saying so."""
        if not self.set.explain_when:
            return ()
        own = {"total": total, "grade": grade}
        # a plain dict when the values are one (read at C speed); else a view that keeps a failed value's error
        values = {**self.values, **own} if type(self.values) is dict else LocalValues(own, self.values)
        found: list[Flag | ExplainRule] = []
        for rule in self.set.explain_when:
            if rule.formula is None:  # the per-row form: target rows far below their weight, unexplained
                found.extend(row_flags(rule, self.places, self._scored_rows()))
                continue
            try:
                met = rule.formula.evaluate(values)
                undecided = None if isinstance(met, bool) else \
                    f"the condition must give true or false, got {condition_value(met)}"
            except ScoringError as err:
                if only_not_applicable(self.set, self.not_applicable, rule.formula.names, self.facts.values):
                    continue
                met, undecided = False, err.problems[0].message
            if undecided is not None:
                self.warnings.append(ScoreWarning("explain_when", f"cannot tell whether to explain ({undecided}): {rule.message}",
                                                  expression=rule.formula.text))
            elif met:
                found.append(rule)  # worded when the flags are first read
        return flags_of(found, values, self.set)

    def _score(self, node: Node) -> Decimal:
        weight = self.weights[node.id]
        if node.id in self.not_applicable:
            points = weight if self.set.not_applicable == "full_credit" else ZERO
            return round_half_up(points, self.set.precision)
        if node.row_steps is not None:
            return sum(self._rows(node, weight), ZERO)
        assert node.step is not None
        return self._leaf(node.indicator, node.step, node.level, weight, None, index=node.position)

    def _rows(self, group: Node, weight: Decimal) -> list[Decimal]:
        """The group's target rows as leaves, each scored by the rule for its type."""
        indicator, steps = group.indicator, group.row_steps
        assert indicator.rows is not None and steps is not None
        rows = self.values.get(indicator.rows.fact)
        if rows is None:
            self.problems.append(Problem(f"fact {indicator.rows.fact} is missing", fact=indicator.rows.fact,
                                         indicator=indicator.id))
            return []
        # the cent left over goes by the form's order (a form read back agrees)
        order = indicator.rows.form_order(rows, self.plan.skeletons.get(indicator.id, ()))
        if rows[0].weight is None:  # no weights given: equal shares of the group
            declared = apportion({i: Decimal(1) for i in order}, indicator.weight, self.set.precision)
        else:
            declared = {i: rows[i].weight for i in order}
        used = declared if weight == indicator.weight else shared_again(declared, weight, self.set.precision)
        records: list[LeafRecord] = []
        scores: list[tuple[str, Decimal]] = []
        for i, row in enumerate(rows):
            kind = indicator.rows.type_of(row) or ""  # facts checking made sure the group scores it
            step = steps[kind]
            leaf = Indicator(id=f"{indicator.id}.{row.id or i + 1}", name=row.name, weight=declared[i],
                             standard=indicator.rows.standards.get(kind), rule=step.rule, line=indicator.line,
                             file=indicator.file)
            note = row.reason if row.reason and "row" not in step.rule.reads else None  # the row's own explanation
            before = len(self.problems)
            scores.append((leaf.id, self._leaf(leaf, step, group.level + 1, used[i], row.values(), note, records)))
            if len(self.problems) > before:
                self._on_row(before, indicator.rows.fact, i, row)
        if self.audit:
            self.records[group.position] = records
        self.rows[group.position] = scores
        self.row_weights[group.position] = used
        self.row_declared[group.position] = declared
        return [points for _, points in scores]

    def _on_row(self, start: int, fact: str, i: int, row: TargetRow) -> None:
        """The problems from `start` on are about target row `i` of `fact` when they name its fields: said of that row of
        the facts (its place in them, its number and name), not of the line of the set whose rule scored it. A field
        the row lacks is said as such: there is no fact `row.actual` to add to the facts file."""
        for k in range(start, len(self.problems)):
            p = self.problems[k]
            read = p.fact if p.fact is not None else p.expression  # a rule's formula `row.target` that gave 0
            if read is None or not (read == "row" or (read.startswith("row.") and read[4:].isidentifier())):
                continue
            field = read.removeprefix("row").removeprefix(".")
            message, hint = p.message, p.hint
            if hint == ADD_THE_FACT:
                lacking = [field] if field else ["target"] if row.actual is not None and row.target is None else \
                    [k for k in ("tier", "score", "reason") if not getattr(row, k)]  # a row judged in words
                message, hint = f"the row gives no {lacking[0] if len(lacking) == 1 else 'tier, score or reason'}", ADD_TO_THE_ROW
                p = dataclasses.replace(p, fact=None, expression=None)  # no fact nor formula to fix: the row's field
            self.problems[k] = dataclasses.replace(p, message=keeping_lists(f"row {i + 1} ({cut(row.name)}): {message}", message),
                                                   hint=hint, file=self.facts.source, line=None, column=None,
                                                   path=f"$.facts.{fact}[{i}]" + (f".{field}" if field else ""))

    def _leaf(self, node: Indicator, step: RuleStep, level: int, weight: Decimal, row: dict[str, Any] | None,
              note: str | None = None, records: list[LeafRecord] | None = None, index: int = -1) -> Decimal:
        """A leaf's score by its rule against its declared weight (rescaled, 不适用 elsewhere: `tree` converts it after).

        When auditing, what the rule recorded goes to `records` (a row group's) or to the run's records at `index`.
        """
        values, view = self.values, self.view
        if step.local:  # formulas may read the indicator's weight, and a row rule the row's fields
            values = LocalValues({**(row or {}), "weight": node.weight}, values)
            view = RuleView(values)
        declared = node.weight
        try:
            outcome = step.score(step.params, declared, view) if step.booleans is None else \
                self.plan.kept_outcome(step, declared, view, values, index)
        except (ScoringError, DecimalException) as err:
            if not isinstance(err, ScoringError):
                err = ScoringError("a number is out of range (too large or too small to score)")
            self.problems.extend(self._located(_on_declared(p, declared, weight), node) for p in err.problems)
            return ZERO
        raw = outcome.score
        if not raw and raw.is_signed():  # -0 (a rule's 0 × a negative): 0 in the score, its reason and every figure
            outcome = outcome._replace(score=raw.copy_abs())
            raw = outcome.score
        kept = raw if ZERO <= raw <= declared else ZERO if raw < ZERO else declared  # min(max(raw, 0), weight)
        if kept is not raw and kept != raw:
            if raw > declared and self.set.no_bonus:  # the set declares no bonus points: no clamping them away
                self.problems.append(Problem(f"computed score {plain(raw)} is above the weight {plain(declared)}, and the "
                                             "set allows no bonus points (weight_rules: no_bonus)", indicator=node.id,
                                             line=node.line, file=self.set.source, hint="check the rule and the facts"))
            shown = unambiguous(raw, "number", (declared, ZERO), self.set.precision)  # 13.33, not 26 decimals
            self.warnings.append(ScoreWarning("clamp", f"raw score {shown} is outside 0..{plain(declared)}; "
                                                       f"clamped to {plain(kept)}", indicator=node.id))
        rounded = self.rounded
        # round_half_up, inline: first to GUARD_PLACES decimals (2.6499…9, 2/3 carried to 28 digits, is 2.65)
        guarded = _to_step(kept, _GUARD) if kept.adjusted() < _GUARDED_BELOW else kept
        points = before = rounded(kept) if rounded else _to_step(guarded, self.quantum)
        if self.audit:  # a LeafRecord, made as its generated __new__ makes it, a frame less
            record = _new_tuple(LeafRecord, (node, step, level, weight, points, outcome, kept, before, values, note, None))
            if records is not None:
                records.append(record)
            else:
                self.records[index] = record
        return points

    def _located(self, problem: Problem, node: Indicator) -> Problem:
        """A problem of scoring leaf `node`: one about a value the facts give (a tier not in the rule, a judged score
        above the weight) is said of the facts file, where it is fixed; any other of the set's line of the rule."""
        spec = self.set.facts.get(problem.fact) if problem.hint == ADD_THE_FACT and problem.fact else None
        if spec is not None and not spec.required:  # left out as it may be: by its label, and, where the rule reads it
            read = node.rule is not None and spec.name in node.rule.reads  # itself, the way to say it does not apply
            problem = dataclasses.replace(problem, hint=f"add the fact {spec.label or spec.name} to the facts file" + (  # QA272
                f", or, where {node.id} does not apply, write not_applicable: {{{node.id}: the reason}}" if read else ""))
        if problem.path is not None and problem.path.startswith("$.facts."):
            # a judged score outside its tier may be one written for the base's weight, which the profile changed
            changed = next((c for c in self.set.changes if c.target == node.id and c.what in ("weight", "rescaled")
                            and c.old != c.new), None)  # (a weight restated as it was is no change: QA251)
            if changed is not None and problem.hint:
                # named by its id, or by its file where the id is its base's (QA241 M1: 方案 national-framework 第 5 行)
                who = changed.by or self.set.id
                who = (self.set.source or who) if changed.by is None and who in self.set.base_ids else who
                problem = dataclasses.replace(problem, hint=f"{problem.hint}; the profile {who} changed its weight "
                                                            f"from {changed.old} to {changed.new} (line {changed.line})")
            return problem.located(indicator=node.id, file=self.facts.source)
        # a rule a profile wrote in place of its base's: said at the profile's line, not the base's (QA58 F4)
        written = next((c for c in self.set.changes if c.target == node.id and c.what == "rule"), None)
        if written is not None:
            return problem.located(indicator=node.id, line=written.line, file=written.file or self.set.source)
        return problem.located(indicator=node.id, line=node.line, file=node.file or self.set.source)

    def weights_with_rows(self) -> Mapping[str, Decimal]:
        """The weight used of every indicator scored, each target row's by its id too; the set's table when it has none."""
        if not self.rows:
            return self.weights
        return {**self.weights, **{row.id: row.weight for row in self._scored_rows()}}

    def _scored_rows(self) -> Iterator[ScoredRow]:
        """Each target row scored, with its id, score and weight used, in the order of the set."""
        for group in self.plan.row_groups:
            scored = self.rows.get(group.position)
            if scored is None:  # not applicable, or its rows are missing
                continue
            assert group.indicator.rows is not None
            rows = self.values[group.indicator.rows.fact]
            weights = self.row_weights[group.position]
            for i, (row_id, points) in enumerate(scored):
                yield ScoredRow(row_id, rows[i], points, weights[i], group.indicator.rows)

    def scores_by_id(self, scores: list[Decimal]) -> dict[str, Decimal]:
        """Indicator id → score, depth first, a row group's rows after it."""
        if not self.rows:  # the scores are in the plan's order: paired in C
            return dict(zip(self.plan.ids, scores, strict=True))
        found: dict[str, Decimal] = {}
        for node in self.plan.nodes:
            found[node.id] = scores[node.position]
            found.update(self.rows.get(node.position, ()))
        return found
