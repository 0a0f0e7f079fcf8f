"""What changed from one indicator set to another (去年 → 今年, the national framework → a province's profile).

`diff_sets` lists the changes: indicators removed, then in the order of the
new set's tree those added, moved to another parent or renamed; weights, 评分标准 and rules
changed (a row group's: the fact of its rows, their categories, which row type each comparison is scored as, and
each row type's 评分标准 and rule); grades added, removed or moved, and their 结果应用 and aliases; checks, caps
and 需说明 conditions added or removed; how an indicator that does not apply is treated; the total, the precision,
the rounding and the weight rules; the facts declared, the derived values and the reason templates (_diff_declared).
(The form is not compared.)
`compare_scores` scores the same projects under both sets and keeps, for
each, the totals, the grades and the indicators whose score changed. Both are
pure: the sets and facts come loaded, and the renderers (reports/diff.py)
turn the result into a table, Markdown or a workbook.

>>> from scoring_engine import load_indicator_set
>>> old = load_indicator_set("national-framework")
>>> [(c.kind, c.indicator) for c in diff_sets(old, old).changes]
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from . import _diff_declared, _json
from ._arith import plain
from ._diff_values import differences, reads_plainly
from ._display import show_written
from ._record import record
from .errors import Problem, ScoringEngineError
from .facts import Facts
from .model import Indicator, IndicatorSet, RowGroup
from .result import plain_data
from .row_flags import condition
from .rules import RULE_KINDS
from .rules.tiers import DEFAULT_TIERS

__all__ = ["CHANGE_KINDS", "Change", "FormPlacing", "ProjectComparison", "ScoreChange", "SetDiff", "compare_scores", "diff_sets"]

#: The kinds of change, with the word the reports show for each.
CHANGE_KINDS = {
    "added": "新增指标", "removed": "删除指标", "moved": "移动", "renamed": "改名", "weight": "分值",
    "standard": "评分标准", "rule": "评分规则", "grade_added": "新增等级", "grade_removed": "删除等级",
    "grade_renamed": "等级改名", "grade": "等级",
    "total": "总分", "precision": "精度", "consequence": "结果应用", "aliases": "等级别名", "check_added": "新增核对",
    "check_removed": "删除核对", "check_severity": "核对级别", "explain_added": "新增需说明条件",
    "explain_removed": "删除需说明条件",
    "not_applicable": "不适用指标的处理", "rounding": "舍入", "cap_added": "新增封顶", "cap_removed": "删除封顶",
    "fact_added": "新增事实", "fact_removed": "删除事实", "fact": "事实声明", "derived_added": "新增派生值",
    "derived_removed": "删除派生值", "derived": "派生值", "reason": "理由模板", "row_fact": "目标表事实",
    "categories": "行的二级指标", "comparison": "指标性质", "not_applicable_to": "不适用时分值计入",
    "order": "顺序", "check": "核对", "explain": "需说明条件",
    "weight_rule_added": "新增分值规则", "weight_rule_removed": "删除分值规则", "weight_rule": "分值规则",
}


@record
class Change:
    """One change: its kind (a key of CHANGE_KINDS), what it is about, and the value before and after as text."""

    kind: str
    indicator: str | None  # the indicator's id; None for what is not an indicator (a grade, a fact, the rounding…)
    name: str  # the indicator's (or grade's, fact's, check's…) name as the reports show it
    old: str | None
    new: str | None


@record
class SetDiff:
    """Every change from `old` to `new`: the total, the indicators removed, the new tree's changes in order, the grades."""

    old: IndicatorSet
    new: IndicatorSet
    changes: tuple[Change, ...]

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


@record
class ScoreChange:
    """An indicator of one project whose score differs between the sets (None where the set has no such indicator)."""

    indicator: str
    name: str
    old: Decimal | None
    new: Decimal | None


@record
class ProjectComparison:
    """One project scored under both sets: totals, grades, the indicators whose score changed, or why it could not be scored."""

    source: str
    name: str
    old_total: Decimal | None
    new_total: Decimal | None
    old_grade: str | None
    new_grade: str | None
    scores: tuple[ScoreChange, ...]
    old_problems: tuple[Problem, ...] = ()  # why the project could not be scored under the old set
    new_problems: tuple[Problem, ...] = ()
    # what scoring under each set warned of (a fact the set ignores, a failed check): the figures above rest on them
    old_warnings: tuple[Any, ...] = ()  # result.ScoreWarning
    new_warnings: tuple[Any, ...] = ()


@record
class FormPlacing:
    """How `diff --facts` says a filled form's results and problems: on its cells, as score and batch say them."""

    cells: Mapping[str, str]  # fact path → the form's cell it came from
    result: Callable[[Any, IndicatorSet], Any]  # a Result of the form's facts under a set → the same, checks on cells
    problems: Callable[[tuple[Problem, ...], IndicatorSet], tuple[Problem, ...]]  # problems under a set → on cells


# ---------------------------------------------------------------- the sets


def _parents(indicator_set: IndicatorSet) -> dict[str, tuple[Indicator, str | None]]:
    """Indicator id → (the indicator, its parent's id), depth first in the order of the file."""
    found: dict[str, tuple[Indicator, str | None]] = {}

    def visit(node: Indicator, parent: str | None) -> None:
        found[node.id] = (node, parent)
        for child in node.children:
            visit(child, node.id)

    for top in indicator_set.indicators:
        visit(top, None)
    return found


def _rule_text(node: Indicator) -> str | None:
    """The rule as written, as one line of JSON (a row group: each row type's rule)."""
    if node.rule is not None:
        return _json.dumps(plain_data(node.rule.spec), indent=None)
    if node.rows is not None:
        return _json.dumps({kind: plain_data(rule.spec) for kind, rule in node.rows.rules.items()}, indent=None)
    return None


def _rule_shown(spec: Any) -> str:
    """A rule as the reports show it whole: its kind in Chinese, then each parameter as written (分档（bands）：value:
    completion_rate，bands: [{min: 1, points: 10}, …]), never a line of JSON in a note for the 处长 (QA293 F2)."""
    if not isinstance(spec, Mapping):
        return show_written(spec)
    kind = RULE_KINDS.get(str(spec.get("kind")))
    named = f"{kind.chinese_name}（{spec.get('kind')}）" if kind is not None else str(spec.get("kind"))
    return named + "：" + "，".join(f"{key}: {_parameter(value)}" for key, value in spec.items() if key != "kind")


def _parameter(value: Any) -> str:
    """A rule's parameter as written, or as JSON where a text in it would not read apart from its neighbours
    (keywords: ["挪用, 截留"], not [挪用, 截留], which reads as two: QA341 4)."""
    return show_written(value) if reads_plainly(value) else _json.dumps(value, indent=None)


def _rule_view(node: Indicator) -> str | None:
    """A leaf's rule, or a row group's rule of each row type, as the reports show it whole."""
    if node.rule is not None:
        return _rule_shown(plain_data(node.rule.spec))
    if node.rows is not None:
        return "；".join(f"{kind}: {_rule_shown(plain_data(rule.spec))}" for kind, rule in node.rows.rules.items())
    return None


def _place(parent: str | None, parents: Mapping[str, tuple[Indicator, str | None]]) -> str:
    return "一级指标" if parent is None else f"{parents[parent][0].name} ({parent})"


def _indicator_changes(node: Indicator, parent: str | None, before: tuple[Indicator, str | None],
                       old_parents: Mapping[str, tuple[Indicator, str | None]],
                       new_parents: Mapping[str, tuple[Indicator, str | None]]) -> list[Change]:
    old, old_parent = before
    found = []
    if old_parent != parent:
        found.append(Change("moved", node.id, node.name, _place(old_parent, old_parents), _place(parent, new_parents)))
    if old.name != node.name:
        found.append(Change("renamed", node.id, node.name, old.name, node.name))
    if old.weight != node.weight:
        found.append(Change("weight", node.id, node.name, plain(old.weight), plain(node.weight)))
    if (old.standard or "") != (node.standard or ""):
        found.append(Change("standard", node.id, node.name, old.standard, node.standard))
    if old.not_applicable_to != node.not_applicable_to:  # where its weight goes when a project marks it 不适用
        found.append(Change("not_applicable_to", node.id, node.name, old.not_applicable_to, node.not_applicable_to))
    if old.rows is not None and node.rows is not None:
        return found + [Change(kind, node.id, node.name, a, b) for kind, a, b in _row_group_changes(old.rows, node.rows)]
    before_text, after_text = _rule_text(old), _rule_text(node)
    if before_text != after_text:
        if old.rule is None or node.rule is None:  # a leaf became a row group, or the other way round
            return [*found, Change("rule", node.id, node.name, _rule_view(old), _rule_view(node))]
        old_spec, new_spec = plain_data(old.rule.spec), plain_data(node.rule.spec)
        parts = _rule_parts(old_spec, new_spec, _rule_shown(old_spec), _rule_shown(new_spec))
        found += [Change("rule", node.id, node.name, a, b) for a, b in parts]
    return found


def _row_group_changes(old: RowGroup, new: RowGroup) -> list[tuple[str, str | None, str | None]]:
    """(kind, before, after) for what changed in a row group: the fact its rows are in, the 二级指标 a row may name, the
    row type each comparison (指标性质) is scored as, then by row type its 评分标准 and its rule (what changed in the
    rule, as a leaf's; a rule added or removed, whole), each value led by the comparison or row type it is about."""
    found: list[tuple[str, str | None, str | None]] = []
    if old.fact != new.fact:
        found.append(("row_fact", old.fact, new.fact))
    if old.categories != new.categories:
        found.append(("categories", "、".join(old.categories) or "不限", "、".join(new.categories) or "不限"))
    for sign in _both(old.comparisons, new.comparisons):
        was, now = old.comparisons.get(sign), new.comparisons.get(sign)
        if was != now:
            found.append(("comparison", _led(sign, was), _led(sign, now)))
    for kind in _both({**old.standards, **old.rules}, {**new.standards, **new.rules}):
        was, now = old.standards.get(kind), new.standards.get(kind)
        if (was or "") != (now or ""):
            found.append(("standard", _led(kind, was), _led(kind, now)))
        before, after = old.rules.get(kind), new.rules.get(kind)
        before_spec = None if before is None else plain_data(before.spec)
        after_spec = None if after is None else plain_data(after.spec)
        if before_spec != after_spec:
            was_text = None if before_spec is None else _rule_shown(before_spec)
            now_text = None if after_spec is None else _rule_shown(after_spec)
            found += [("rule", a, b) for a, b in _rule_parts(before_spec, after_spec, was_text, now_text, within=kind)]
    return found


def _both(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The keys of both, in the old's order, then those only the new has."""
    return [*old, *(key for key in new if key not in old)]


def _led(key: str, value: str | None) -> str | None:
    """A row group's value led by the comparison or row type it is about: 'exact: …'; None stays None."""
    return None if value is None else f"{key}: {value}"


def _rule_parts(old_spec: Any, new_spec: Any, before: str | None, after: str | None,
                within: str = "") -> list[tuple[str | None, str | None]]:
    """What changed in a rule: each value that differs, by where it is in the rule (bands[0].min: 0.95 → 95), when the
    rule keeps its kind and only a few values change; else the whole rule before and after. `within`: the row type
    whose rule it is, which leads each place (exact.target: …) or the whole rule (exact: {…})."""
    whole = [(_led(within, before), _led(within, after))] if within else [(before, after)]
    if not isinstance(old_spec, Mapping) or not isinstance(new_spec, Mapping) or old_spec.get("kind") != new_spec.get("kind"):
        return whole
    defaults = {**_DEFAULTS, **_KIND_DEFAULTS.get(str(old_spec.get("kind")), {})}
    changed = list(differences(_as_scored({**defaults, **old_spec}), _as_scored({**defaults, **new_spec}), within))
    if not changed:  # written otherwise, the same rule: 1.0 for 1, 0.90 for 0.9, a default written out (QA55 F5)
        return []
    if len(changed) > _RULE_PARTS:
        return whole
    return [(f"{where}: {a}" if a is not None else None, f"{where}: {b}" if b is not None else None) for where, a, b in changed]


_RULE_PARTS = 6  # more values changed than this: the rule was rewritten, shown whole
# What a rule's options are when left out (rules/): written out, they change nothing.
_DEFAULTS = {"boundary": "min_inclusive", "direction": "higher_is_better", "display": "number", "units": "exact",
             "per": Decimal(1), "tolerance": Decimal(0)}
# ... and of a kind: the tiers a tiers rule that names none has (QA268 F4: the national three written out were 3 changes,
# and 60% → 50% from them read '— → tiers: […]')
_KIND_DEFAULTS = {"tiers": {"tiers": [{"label": label, "min": low} for label, low in DEFAULT_TIERS]}}


def _as_scored(spec: dict[str, Any]) -> dict[str, Any]:
    """A rule as the engine reads it where the order written does not count: a tiers rule's tiers from the highest (the
    national three written low to high were 4 changes: QA269 F5)."""
    tiers = spec.get("tiers")
    if spec.get("kind") == "tiers" and isinstance(tiers, list) and all(isinstance(t, Mapping) for t in tiers):
        try:
            return {**spec, "tiers": sorted(tiers, key=lambda t: Decimal(str(t.get("min", 0))), reverse=True)}
        except ArithmeticError:
            return spec
    return spec


def _tree_changes(old: IndicatorSet, new: IndicatorSet) -> list[Change]:
    old_parents, new_parents = _parents(old), _parents(new)
    changes: list[Change] = []
    for removed, (node, parent) in old_parents.items():  # what was removed first, with its children
        if removed not in new_parents and (parent is None or parent in new_parents):
            changes.append(Change("removed", removed, node.name, plain(node.weight), None))
    for node_id, (node, parent) in new_parents.items():
        if node_id not in old_parents:
            if parent is None or parent in old_parents:  # the children of an added indicator come with it
                changes.append(Change("added", node_id, node.name, None, plain(node.weight)))
        else:
            changes += _indicator_changes(node, parent, old_parents[node_id], old_parents, new_parents)
    return changes + _order_changes(old_parents, new_parents)


def _order_changes(old_parents: Mapping[str, tuple[Indicator, str | None]],
                   new_parents: Mapping[str, tuple[Indicator, str | None]]) -> list[Change]:
    """The indicators under one parent (or the 一级) that both sets keep there, listed in another order: the order
    of the printed 评分表 and 自评表 (QA308 3: a reorder was "identical"). Those added, removed or moved are said so."""
    changes = []
    for parent in [None, *new_parents]:
        kept = [i for i, (_, p) in old_parents.items() if p == parent and new_parents.get(i, (None, "\0"))[1] == parent]
        now = [i for i, (_, p) in new_parents.items() if p == parent and i in kept]
        if kept != now:
            name = "一级指标" if parent is None else new_parents[parent][0].name
            changes.append(Change("order", parent, name, "、".join(old_parents[i][0].name for i in kept),
                                  "、".join(new_parents[i][0].name for i in now)))
    return changes


def _grade_changes(old: IndicatorSet, new: IndicatorSet) -> list[Change]:
    before = {g.label: g for g in old.grades}
    after = {g.label: g for g in new.grades}
    # a grade renamed keeps its old name among its aliases (中 → 合格, aliases [中]): one change, not two (QA44 F12)
    renamed = {label: old_label for label, grade in after.items() if label not in before
               for old_label in before if old_label not in after and old_label in grade.aliases}
    changes = [Change("grade_removed", None, label, f"≥ {plain(g.min)}", None)
               for label, g in before.items() if label not in after and label not in renamed.values()]
    for label, grade in after.items():
        prior = before.get(renamed.get(label, label))
        if prior is None:
            changes.append(Change("grade_added", None, label, None, f"≥ {plain(grade.min)}"))
            continue
        if prior.label != label:
            changes.append(Change("grade_renamed", None, label, prior.label, label))
        if prior.min != grade.min:
            changes.append(Change("grade", None, label, f"≥ {plain(prior.min)}", f"≥ {plain(grade.min)}"))
        if prior.consequence != grade.consequence:
            changes.append(Change("consequence", None, label, prior.consequence or "无", grade.consequence or "无"))
        if prior.aliases != grade.aliases and not (prior.label != label and set(grade.aliases) == {*prior.aliases, prior.label}):
            was, now = "、".join(prior.aliases) or "无", "、".join(grade.aliases) or "无"
            changes.append(Change("aliases", None, label, was, now))
    return changes


def _listed_changes(old: IndicatorSet, new: IndicatorSet) -> list[Change]:
    """Checks and 需说明 conditions removed, added or rewritten (compared by what they test and say), and how a set treats an
    indicator that does not apply."""
    was, now = _checks(old), _checks(new)
    # the same check made an error or a warning: one change, not one removed and one added (QA260 F6)
    changes = [Change("check_severity", None, said, _SEVERITY[was[test, said]], _SEVERITY[severity])
               for (test, said), severity in now.items() if was.get((test, said), severity) != severity]
    listed: list[tuple[str, dict[tuple[str, str], str], dict[tuple[str, str], str]]] = [
        ("check", was, now), ("explain", dict.fromkeys(_explained(old), ""), dict.fromkeys(_explained(new), ""))]
    for kind, before, after in listed:
        changes += _paired(kind, before, after)
    if old.not_applicable != new.not_applicable:
        words = {"full_credit": "得满分（full_credit）", "rescale": "分值按比例分给其他指标（rescale）"}
        changes.append(Change("not_applicable", None, "不适用指标", words.get(old.not_applicable, old.not_applicable),
                              words.get(new.not_applicable, new.not_applicable)))
    return changes


def _paired(kind: str, before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]) -> list[Change]:
    """Checks (or 需说明 conditions) removed and added. The one removed and the one added saying the same: its test
    rewritten, one change of its test (QA308 4); testing the same: its words rewritten, one change of its words, led by
    its test (QA342 F4b: 删除核对 and 新增核对 of one test)."""
    gone = [(test, said) for test, said in before if (test, said) not in after]
    came = [(test, said) for test, said in after if (test, said) not in before]
    messages = Counter(said for _, said in gone) + Counter(said for _, said in came)
    now_tests = {said: test for test, said in came}
    rewritten = {said for _, said in gone if messages[said] == 2 and said in now_tests}
    changes = [Change(kind, None, said, test + _ERROR.get(before[test, said], ""),
                      now_tests[said] + _ERROR.get(after[now_tests[said], said], "")) for test, said in gone if said in rewritten]
    gone, came = [g for g in gone if g[1] not in rewritten], [c for c in came if c[1] not in rewritten]
    tests = Counter(test for test, _ in gone) + Counter(test for test, _ in came)
    old_words = {test: said for test, said in gone if tests[test] == 2}
    reworded = {test: said for test, said in came if test in old_words}
    changes += [Change(kind, None, test, was + _ERROR.get(before[test, was], ""), reworded[test]
                       + _ERROR.get(after[test, reworded[test]], "")) for test, was in old_words.items() if test in reworded]
    changes += [Change(f"{kind}_removed", None, said, test + _ERROR.get(before[test, said], ""), None)
                for test, said in gone if test not in reworded]
    return changes + [Change(f"{kind}_added", None, said, None, test + _ERROR.get(after[test, said], ""))
                      for test, said in came if test not in reworded]


def _checks(indicator_set: IndicatorSet) -> dict[tuple[str, str], str]:
    """(what a check tests, what it says) → its severity, in the set's order."""
    return {(c.formula.text, c.message): c.severity for c in indicator_set.checks}


#: A check's severity, as the reports name it.
_SEVERITY = {"warning": "提示（照常评分）", "error": "错误（不予评分）"}
_ERROR = {"error": "（错误，不予评分）"}  # after the test of a check added or removed whose failure stops the scoring


def _explained(indicator_set: IndicatorSet) -> list[tuple[str, str]]:
    """The 需说明 conditions: a set that does not write explain_when has batch's usual rule, one that writes it empty has
    none (QA120 F3: the two were said to be the same)."""
    if not indicator_set.explain_when_written:
        return [(_USUAL_TEST, _USUAL_RULE)]
    return [(condition(r), r.message) for r in indicator_set.explain_when]


_USUAL_TEST = "（未写 explain_when）"
_USUAL_RULE = "batch 的通常规则：等级下限低于总分的80%，或预算执行率低于90%"


def diff_sets(old: IndicatorSet, new: IndicatorSet) -> SetDiff:
    """Every change from `old` to `new`: the total, precision, rounding and weight rules, the indicators, the grades, the
    checks, 需说明 conditions and caps, then the facts declared, the derived values and the reason templates."""
    changes = []
    if old.total != new.total:
        changes.append(Change("total", None, "总分", plain(old.total), plain(new.total)))
    if old.precision != new.precision:
        changes.append(Change("precision", None, "小数位数", str(old.precision), str(new.precision)))
    declared = [Change(kind, None, name, a, b) for part in _DECLARED for kind, name, a, b in part(old, new)]
    first = [c for c in declared if c.kind == "rounding" or c.kind.startswith("weight_rule")]  # before the weights
    return SetDiff(old, new, tuple(changes + first + _tree_changes(old, new) + _grade_changes(old, new)
                                   + _listed_changes(old, new) + [c for c in declared if c not in first]))


_DECLARED = (_diff_declared.rounding_changes, _diff_declared.weight_rule_changes, _diff_declared.cap_changes,
             _diff_declared.fact_changes, _diff_declared.derived_changes, _diff_declared.reason_changes)


# ---------------------------------------------------------------- the projects


def _scored(indicator_set: IndicatorSet, facts: Facts, other: IndicatorSet,
            cells: Mapping[str, str] | None = None) -> tuple[Any, tuple[Problem, ...]]:
    from ._given_facts import with_own_fix
    from ._not_applicable import for_comparison, weighted_for_other
    from .engine import score

    try:  # the same facts under both sets: a 不适用 mark of an indicator one of them has not is for the other
        return score(indicator_set, for_comparison(indicator_set, facts, other)), ()
    except ScoringEngineError as err:  # the set the facts name is no slip here: scoring them under another is the point
        return None, weighted_for_other(tuple(with_own_fix(err.problems, facts, None)), indicator_set, other, facts, cells)


def _compared(old: IndicatorSet, new: IndicatorSet, facts: Facts, source: str,
              placed: FormPlacing | None = None) -> ProjectComparison:
    cells = placed.cells if placed is not None else None
    before, old_error = _scored(old, facts, new, cells)
    after, new_error = _scored(new, facts, old, cells)
    if placed is not None:  # a form's: its warnings (QA295 F6) and problems (QA308 2) said of its cells, as score says them
        before, after = (placed.result(r, s) if r is not None else None for r, s in ((before, old), (after, new)))
        old_error, new_error = (placed.problems(e, s) if e else e for e, s in ((old_error, old), (new_error, new)))
    old_scores = {n.id: (n.name, n.score) for n in before.walk()} if before else {}
    new_scores = {n.id: (n.name, n.score) for n in after.walk()} if after else {}
    changed = []
    if before and after:
        for node_id in [*new_scores, *(i for i in old_scores if i not in new_scores)]:
            was, now = old_scores.get(node_id, (None, None)), new_scores.get(node_id, (None, None))
            if was[1] != now[1]:
                changed.append(ScoreChange(node_id, now[0] or was[0] or node_id, was[1], now[1]))
    return ProjectComparison(source, str(facts.project.get("name") or source),
                             before.total if before else None, after.total if after else None,
                             before.grade if before else None, after.grade if after else None,
                             tuple(changed), old_error, new_error, before.warnings if before else (),
                             after.warnings if after else ())


def compare_scores(old: IndicatorSet, new: IndicatorSet, projects: Iterable[tuple[str, Facts]],
                   placed: Mapping[str, FormPlacing] | None = None) -> list[ProjectComparison]:
    """Each project (its source and facts) scored under `old` and under `new`; `placed`, by source, how a filled form's
    warnings and problems are said on its cells."""
    return [_compared(old, new, facts, source, (placed or {}).get(source)) for source, facts in projects]
