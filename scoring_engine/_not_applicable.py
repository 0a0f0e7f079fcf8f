"""Which indicators a project's facts mark not applicable (不适用), and why: checked against the set, and spread to
everything below each marked indicator; and, under the rescale policy, the weights the others then get."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ._arith import ZERO, apportion, plain
from .errors import FactsError, Problem, did_you_mean
from .facts import Facts, flatten
from ._text import quoted
from .judgements import TargetRow
from .model import IndicatorSet
from .plan import ScoringPlan
from .target_rows import row_document

__all__ = ["for_comparison", "moved_to", "moves", "not_applicable", "only_not_applicable", "parent_marked", "read_by_none",
           "weighted_for_other", "weights_without"]


def only_not_applicable(indicator_set: IndicatorSet, marked: Mapping[str, str], names: Iterable[str],
                        values: Mapping[str, object]) -> bool:
    """Whether a check or a 需说明 condition that could not be judged, reading `names`, is wholly about indicators marked
    不适用: it reads facts and derived values only (not the project's total or grade), every fact it reads is read by
    indicators and by none but those marked, and one of them is not given (absent, or null): the project need not give
    them, and a line saying the check was not judged (无法核对（缺少事实 budget.paid）) is one nothing can be done about
    (QA331 F6: budget marked 不适用, E6/F6 left blank). A condition that also reads a fact of an indicator that applies,
    or the total or grade, is judged and said as before (QA335: `a <= 10 and b <= 10` where b alone decides it)."""
    if not marked:
        return False
    names = list(names)
    derived = {d.name for d in indicator_set.derived}
    if any(name not in indicator_set.facts and name not in derived for name in names):
        return False
    read = indicator_set.facts_read_by(names)
    readers = indicator_set.readers()
    return bool(read) and all(readers.get(name) and all(r in marked for r in readers[name]) for name in read) and \
        any(values.get(name) is None for name in read)


def not_applicable(plan: ScoringPlan, facts: Facts) -> dict[str, str]:
    """Indicator id → reason, for the marked indicators and everything below them. An unknown id is refused; one the
    set's profile removes is said to be (QA33 F5: its did-you-mean named another indicator, which marked it instead)."""
    if type(facts.not_applicable) is not dict and not isinstance(facts.not_applicable, Mapping):
        raise FactsError("not_applicable must map indicator ids to reasons", file=facts.source, path="$.not_applicable",
                         hint="write {indicator id: reason}")
    marked = dict(facts.not_applicable)
    if not marked:
        return marked
    known = plan.by_id
    problems = []
    for indicator_id, reason in marked.items():
        if not isinstance(indicator_id, str):  # from the Python API (numpy.str_ is text): a file's keys are text
            problems.append(Problem(f"not_applicable must map indicator ids to reasons; a key is "
                                    f"{type(indicator_id).__name__}", file=facts.source, path="$.not_applicable",
                                    hint="write {indicator id: reason}"))
        elif not indicator_id.strip():  # an empty key: there is no id to quote (QA39 F11)
            problems.append(Problem("not_applicable has an entry without an indicator id", file=facts.source,
                                    path="$.not_applicable", hint="write the id of the indicator that does not apply"))
        elif indicator_id not in known:
            problems.append(_unknown(plan, indicator_id, facts))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(Problem("give the reason the indicator does not apply", file=facts.source,
                                    path=f"$.not_applicable.{indicator_id}", indicator=indicator_id))
    if problems:
        raise FactsError(_capped(problems, facts))
    found: dict[str, str] = {}
    for indicator_id, reason in marked.items():
        for below in known[indicator_id].below:
            found.setdefault(below, reason)
    return found


_SHOWN = 20  # problems of not_applicable listed, as a facts document's bad values are


def weights_without(plan: ScoringPlan, marked: Mapping[str, str], places: int) -> dict[str, Decimal] | None:
    """Indicator id → weight with the `marked` indicators (and all below them) at 0, to `places` decimals; None when
    nothing is left to score. A marked indicator whose `not_applicable_to` names an indicator still scored gives it its
    weight (`moved_to`), shared among that one's leaves in proportion (101号: without 满意度, 效益 gets its 10): the
    weights moving to one indicator are added up and shared once, outer indicators before those inside them, whatever
    the order of the marks (QA61 F1). The rest is rescaled so that the leaves scored add up to the set's total
    (largest remainder, `apportion`)."""
    weights = {n.id: ZERO if n.id in marked else n.indicator.weight for n in plan.leaves}
    for target, moved in moves(plan, marked):
        inside = {leaf: weights[leaf] for leaf in plan.by_id[target].below if leaf in weights and leaf not in marked}
        weights.update(apportion(inside, sum(inside.values(), ZERO) + moved, places))
    scored = {leaf: weight for leaf, weight in weights.items() if leaf not in marked}
    if not scored:
        return None
    if sum(scored.values(), ZERO) != plan.set.total:
        weights.update(apportion(scored, plan.set.total, places))
    return plan.weights_of(weights)


def moves(plan: ScoringPlan, marked: Mapping[str, str]) -> list[tuple[str, Decimal]]:
    """(indicator, the weight moving to it) for each indicator a marked one's `not_applicable_to` gives its weight to,
    the weights moving to one added up, outer indicators before those inside them, whatever the order of the marks."""
    moving: dict[str, Decimal] = {}
    for top in [i for i in marked if not parent_marked(plan, i, marked)]:
        target = moved_to(plan, top, marked)
        if target is not None:
            moving[target] = moving.get(target, ZERO) + plan.by_id[top].indicator.weight
    order = list(plan.by_id)
    return [(target, moving[target]) for target in sorted(moving, key=lambda t: (plan.by_id[t].level, order.index(t)))]


def moved_to(plan: ScoringPlan, indicator_id: str, marked: Mapping[str, str]) -> str | None:
    """The indicator the weight of the marked `indicator_id` (the highest marked one of its branch) goes to: the one its
    not_applicable_to names, when that one still has a leaf scored with a weight; else None (rescaled over all)."""
    target = plan.by_id[indicator_id].indicator.not_applicable_to
    if target is None or target in marked or target not in plan.by_id:
        return None
    leaves = {n.id for n in plan.leaves}
    scored = [leaf for leaf in plan.by_id[target].below if leaf in leaves and leaf not in marked]
    return target if sum((plan.by_id[leaf].indicator.weight for leaf in scored), ZERO) > 0 else None


def parent_marked(plan: ScoringPlan, indicator_id: str, marked: Mapping[str, str]) -> bool:
    """Whether an indicator above `indicator_id` is marked too: its weight goes with that one's."""
    return any(indicator_id in plan.by_id[other].below and other != indicator_id for other in marked)


def _capped(problems: list[Problem], facts: Facts) -> list[Problem]:
    """The first _SHOWN problems, and the first of each other kind after them, then how many more: 40,000 marks of no
    indicator are one mistake, not 40,000 lines (QA38 F9), but a blank reason past them is another to fix (QA39 F11)."""
    if len(problems) <= _SHOWN:
        return problems
    kinds = {_kind(p) for p in problems[:_SHOWN]}
    shown = problems[:_SHOWN]
    for problem in problems[_SHOWN:]:
        if _kind(problem) not in kinds:
            kinds.add(_kind(problem))
            shown.append(problem)
    return [*shown, Problem(f"{len(problems) - len(shown)} more not_applicable entries are refused as these are",
                            file=facts.source, path="$.not_applicable")] if len(problems) > len(shown) else shown


def _kind(problem: Problem) -> str:
    """What is wrong with an entry, without the entry's id: an unknown id (a slip, one a profile removes, a name for an
    id: each fixed otherwise, QA43 F7), a blank reason, a key that is not text…"""
    if not problem.message.startswith("not_applicable names"):
        return problem.message
    hint = problem.hint or ""
    return "removed" if " removes it (line " in hint else "named" if hint.startswith("write its id") else \
        "row" if hint.startswith("a target row cannot be marked") else "unknown"  # a row: delete it (QA45 F9)


def _unknown(plan: ScoringPlan, indicator_id: str, facts: Facts) -> Problem:
    known = plan.by_id
    by_name = [i for i, node in known.items() if node.indicator.name == indicator_id.strip()]  # 生态效益, as printed
    group = next((g.indicator for g in plan.row_groups if indicator_id.startswith(g.indicator.id + ".")), None)  # a row
    removed = [c.target for c in plan.set.changes if c.what == "removed"]  # by the set's profile or its base's
    close = did_you_mean(indicator_id, [*known, *removed])  # a slip of a removed id is not offered another (QA35 F7)
    meant = close.removeprefix("did you mean ").removesuffix("?") if close else None
    named = None if by_name else plan.set.removal(indicator_id.strip())  # by id, or by name as on a form (QA39 F9)
    gone = named or (plan.set.removal(meant) if meant else None)
    return Problem(f"not_applicable names unknown indicator {indicator_id}", file=facts.source,
                   path=f"$.not_applicable.{indicator_id}",
                   hint=("" if named else f"{close} ") + f"the profile {gone.by or plan.set.id} removes it (line "
                        f"{gone.line}): leave it out of not_applicable, since this set does not score it"
                   if gone is not None else
                   f"write its id: {by_name[0]}" if by_name else
                   f"a target row cannot be marked on its own: leave it out of the rows, and give the other rows weights "
                   f"that add up to {plain(group.weight)}, the weight of group {group.id}, or none for equal shares; or "
                   f"mark the group {group.id}" if group else close)  # the weights too: deleting it alone fails (QA167 F3)


def for_comparison(indicator_set: IndicatorSet, facts: Facts, other: IndicatorSet | None = None) -> Facts:
    """`facts` without their 不适用 marks of indicators the set does not score and that are for the other set compared
    (`other`): scoring one project's facts under a base set and its profile (`diff`, batch --compare-set), a mark of an
    indicator the profile removes (and of those below it) is no slip under the profile (QA37 F7), nor one of an
    indicator the profile adds under the base (QA51 F2). Plain scoring refuses such a mark."""
    marked = facts.not_applicable
    if not marked or not isinstance(marked, Mapping):
        return facts
    known = {i.id for i in indicator_set.walk()}  # one added back below a removed one is the set's own (QA43 F2)
    unknown = [k for k in marked if isinstance(k, str) and k not in known]
    if not unknown:
        return facts
    removed = [c.target for c in indicator_set.changes if c.what == "removed"]
    theirs = {i.id for i in other.walk()} if other is not None else set()
    aside = {k for k in unknown if k in theirs or any(k == r or k.startswith(r + ".") for r in removed)}
    return dataclasses.replace(facts, not_applicable={k: v for k, v in marked.items() if k not in aside}) if aside else facts


def weighted_for_other(problems: tuple[Problem, ...], indicator_set: IndicatorSet, other: IndicatorSet,
                       facts: Facts | None = None, cells: Mapping[str, str] | None = None,
                       judged_for_other: bool | None = None) -> tuple[Problem, ...]:
    """`problems` of scoring `facts` under `indicator_set` beside `other` (`diff`, batch --compare-set), a group's rows whose
    weights add up to the other set's weight of the group said so (QA81 F6: the fix was to change a form that is right
    for the set it was filled for, and every filled form of a base set failed under a profile that moves a group's
    weight). Rows without weights fit both sets only when no row gives its score in points (a 定性 row's): such a score
    lies in its tier's range at one weight, and the fix then says so (QA214 1: rows without weights failed under both),
    naming the cells of the scores when the facts were read from a form (`cells`: the form's cell of each fact path; a
    form's row 3 is the sheet's: QA217 6)."""
    theirs = {node.id: node.weight for node in other.row_groups if node.rows is not None}
    said: dict[str, tuple[str, str]] = {}  # fact → (the start of its problem, the hint)
    for node in indicator_set.row_groups:
        if node.rows is not None and theirs.get(node.id, node.weight) != node.weight:
            start = f"the rows are weighted for {other.id} {other.version}, where {node.id} weighs {plain(theirs[node.id])}: " \
                    f"to compare them under both sets, "
            judged = _judged_rows(facts, node.rows.fact)
            said[node.rows.fact] = (
                f"rows' weights add up to {plain(theirs[node.id])}, not the weight {plain(node.weight)} of group {node.id}",
                start + (f"{_scores_of(judged, node.rows.fact, cells or {})} must be given again for the weights of "
                         f"{indicator_set.id} {indicator_set.version} too, which no one facts file or form can hold for "
                         f"both: score the project under each set with facts or a form of its own"
                         if judged else
                         f"give the rows without weights (equal shares); weighted for {indicator_set.id} "
                         f"{indicator_set.version}, they score under that set alone"))
    return tuple(dataclasses.replace(p, hint=said[p.fact][1]) if p.fact in said and p.message.startswith(said[p.fact][0])
                 else _judged_for_other(p, indicator_set, other) if _for_other(facts, other, judged_for_other) else p
                 for p in problems)


def _for_other(facts: Facts | None, other: IndicatorSet, told: bool | None) -> bool:
    """Whether the facts were judged for `other` (`told`, else the set they name is it): a score failing under the set
    they were judged for is theirs to fix, never said to fit the other's weight (QA288 F1)."""
    if told is not None:
        return told
    named = facts.indicator_set if facts is not None else None
    return named is not None and (named == other.id or (other.source is not None
                                                        and named.replace("\\", "/").rsplit("/", 1)[-1]
                                                        == other.source.replace("\\", "/").rsplit("/", 1)[-1]))


def _judged_for_other(problem: Problem, indicator_set: IndicatorSet, other: IndicatorSet) -> Problem:
    """A score judged in points (a tier's, a judgement's) that does not fit `indicator_set`, on an indicator that weighs
    otherwise in `other`, the set it was judged for, said so: it fits that weight, and no other (QA283 F1: the fix told
    the unit to re-score a self-evaluation right for its own set)."""
    if problem.fact is None or problem.indicator is None or problem.path != f"$.facts.{problem.fact}.score":
        return problem
    here, there = ({node.id: node.weight for node in s.walk()}.get(problem.indicator) for s in (indicator_set, other))
    if here is None or there is None or here == there:
        return problem
    # the profile's line that changed the weight, where the hint gave it, kept (QA288 F1)
    changed = problem.hint.partition("; the profile ")[2] if problem.hint else ""
    return dataclasses.replace(problem, hint=(
        f"the score is in points of the weight {plain(there)} that {problem.indicator} has in {other.id} "
        f"{other.version}, where {indicator_set.id} {indicator_set.version} weighs it {plain(here)}: to compare "
        f"them under both sets, score the project under each set with facts or a form of its own"
        + (f"; the profile {changed}" if changed else "")))


def _scores_of(rows: list[tuple[int, str]], fact: str, cells: Mapping[str, str]) -> str:
    """"the scores that rows 2, 3 ('甲', '乙') give in points", "the score that row 3 ('乙') gives in points": by number
    (of the group's rows) and name, as a facts file's rows are told apart; on a form, by the cell each was typed in:
    "the score in points in cell H15 ('乙')" (its sheet is the line's)."""
    names = ", ".join(quoted(name) for _, name in rows)
    typed = [cells.get(f"{fact}[{n - 1}].score", "").rpartition("!")[2] for n, _ in rows]
    if all(typed):
        return f"the score in points in cell {typed[0]} ({names})" if len(rows) == 1 else \
            f"the scores in points in cells {', '.join(typed)} ({names})"
    numbers = ", ".join(str(n) for n, _ in rows)
    return f"the scores that rows {numbers} ({names}) give in points" if len(rows) > 1 else \
        f"the score that row {numbers} ({names}) gives in points"


def _judged_rows(facts: Facts | None, fact: str) -> list[tuple[int, str]]:
    """The number (from 1) and name of each row of `fact` that gives its score in points (a 定性 row's score, a tier's):
    a score that fits the weight the row had where it was judged, and no other."""
    if facts is None or not isinstance(facts.values, Mapping):
        return []
    rows = flatten(facts.values, {})[0].get(fact)
    if not isinstance(rows, list | tuple):
        return []
    found = []
    for i, row in enumerate(rows):
        given = row_document(row) if type(row) is TargetRow else row
        if isinstance(given, Mapping) and given.get("score") is not None:
            found.append((i + 1, str(given.get("name"))))
    return found


def read_by_none(indicator_set: IndicatorSet, fact: str, marked: Mapping[str, object]) -> bool:
    """Whether every indicator that reads `fact` is marked not applicable (in `marked`): its value scores nothing, and
    a warning of how it is scored would mislead (QA288 F7)."""
    readers = indicator_set.readers().get(fact) or []
    return bool(readers) and all(r in marked for r in readers)
