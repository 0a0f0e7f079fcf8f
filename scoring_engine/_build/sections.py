"""The checks of a set's flat sections: facts, derived values, checks, 需说明 conditions, grades and reason templates;
and its names.

Each function reads its section from the draft, records what is wrong in the
draft's log and returns what it could build; a part the schema check already
refused is skipped, so no mistake is reported twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from .._arith import Rounding, plain, to_decimal_or_none
from .._frozen import ReadOnly
from .._intervals import Interval, gaps_and_overlaps
from .._reason_limits import size_problems
from .._text import invisible_character
from ..errors import did_you_mean
from ..facts import convert_fact
from ..formulas import Formula
from ..model import EXPLAIN_NAMES, Cap, Check, Derived, ExplainRule, FactSpec, Grade, UsedValue
from ..reasons import REMOVED, TEMPLATES, template_problems
from .draft import Draft
from .problems import Path, ProblemLog
from .wrapped import any_wrapped, wrapped_values

__all__ = ["facts", "derived", "checks", "explain_when", "grades", "grade_shares", "twice_named", "reasons", "names", "rounding", "caps"]

#: Fields that name something a reader sees (the set, an indicator, a fact, a grade…).
_NAME_FIELDS = ("id", "name", "label")
REMOVED_HINT = "rename it rescaled.lost and word the loss converted ({deducted} lost × {factor}, {lost} taken from {weight}), " \
               "and add rescaled.evened, where the loss was evened by a unit ({exact} beside {lost})"
#: Sections whose keys are names.
_NAMED_BY_KEY: dict[Path, str] = {("facts",): "fact name", ("derived",): "derived value name"}


def facts(draft: Draft) -> dict[str, FactSpec]:
    """The declared facts: bounds that make sense for the type, and a default that fits the declaration."""
    specs: dict[str, FactSpec] = {}
    for name, decl in draft.declared_facts().items():
        path = ("facts", name)
        if not draft.log.ok(path):
            continue
        spec = FactSpec(name=name, type=decl["type"], label=decl.get("label"), unit=decl.get("unit"),
                        min=to_decimal_or_none(decl.get("min")), max=to_decimal_or_none(decl.get("max")),
                        required=decl.get("required", "default" not in decl),
                        values=tuple(decl["values"]) if "values" in decl else None, items=decl.get("items", "finding"),
                        aliases=tuple((written.strip(), meant) for written, meant in decl.get("aliases", {}).items()
                                      if isinstance(written, str)),
                        line=(draft.log.located.where(path, key=True) or (None, None))[0],
                        file=draft.log.located.file_at(path, key=True))
        if spec.min is not None and spec.max is not None and spec.min > spec.max:
            draft.log.add(path + ("min",), f"min {plain(spec.min)} is above max {plain(spec.max)}", fact=name)
        if (spec.min is not None or spec.max is not None) and not (
                spec.type in ("number", "integer") or spec.type == "list" and spec.items == "number"):
            draft.log.add(path, f"min and max apply to numbers, not to a {spec.type} fact", fact=name)
        if spec.values is not None and spec.type != "string":
            draft.log.add(path + ("values",), f"values lists the texts a string fact may take; {name} is a {spec.type} fact",
                          fact=name, key=True)
        for written, meant in spec.aliases:  # each a word for one of values, and none of them itself
            if spec.values is None or meant not in spec.values or written in spec.values:
                said = f"alias {written!r} of {name} names {meant!r}, which is not one of its values" \
                    if spec.values is None or meant not in spec.values else f"alias {written!r} of {name} is one of its values"
                draft.log.add(path + ("aliases", written), said, fact=name,
                              hint=f"write aliases as {{word: value}}, each value one of values: {', '.join(spec.values)}"
                              if spec.values else "list the texts the fact takes under values:, and name one of them for "
                                                  "each alias")
        if "items" in decl and spec.type != "list":
            draft.log.add(path + ("items",), f"items applies to list facts; {name} is a {spec.type} fact", fact=name, key=True)
        values, default = spec.values or (), decl.get("default")
        # [a，b]: one value, where a default of a or b shows it was meant as two (QA94 F4); "分档，从严" alone is one (QA96 F2)
        # the default looked for once, not once per value: 45,000 values took 43 s (QA221 4)
        apart = isinstance(default, str) and default not in values
        fused = [i for i, value in enumerate(values) if apart and default in value.split("，")]
        for i in fused:  # in '- ' lines, [a, b] would be a list in the list: a line each (QA164 F8)
            parts = [part.strip() for part in values[i].split("，")]
            draft.log.add(path + ("values", i), f"the value {values[i]!r} holds a full-width comma '，', so the list reads it "
                          "as one value", f"write [{', '.join(values).replace('，', ', ')}]"
                          if draft.log.located.in_flow(path + ("values", i)) else "one value per item, each on a '- ' line of "
                          f"its own: {', '.join('- ' + p for p in parts[:-1])}, then - {parts[-1]}", fact=name)
        # a default none of the fused values is, nor of those in Chinese quotes (QA164 F3), is said after the list is mended
        if "default" in decl and not fused and not any_wrapped(draft, path + ("values",), values):
            try:
                spec = FactSpec(**{**spec.__dict__, "default": convert_fact(decl["default"], spec)})
            except ValueError as err:
                draft.log.add(path + ("default",), f"default of {name}: {err.args[0]}", err.args[1], fact=name)
        specs[name] = spec
    return specs


def derived(draft: Draft) -> tuple[Derived, ...]:
    """The derived values, compiled and in dependency order; adds their names to the draft's scope."""
    raw = draft.data.get("derived", {})
    if not isinstance(raw, Mapping):
        return ()
    for name in raw:
        if name in draft.scope and draft.scope[name] != "derived":
            draft.log.add(("derived", name), f"derived value {name} has the name of a fact", "rename one of them", key=True)
        draft.scope[name] = "derived"
    compiled: dict[str, Derived] = {}
    for name, value in raw.items():
        path = ("derived", name)
        if not draft.log.ok(path):
            continue
        expr, label = (value, None) if not isinstance(value, Mapping) else (value["expr"], value.get("label"))
        formula = draft.log.compile(expr, path if not isinstance(value, Mapping) else path + ("expr",), _Without(draft.scope, name))
        used = _used(draft, name, value["used"]) if isinstance(value, Mapping) and "used" in value else None
        if formula is not None:
            compiled[name] = Derived(name, formula, label, used)
    return _in_dependency_order(draft, compiled)


def _used(draft: Draft, name: str, raw: Mapping[str, Any]) -> UsedValue | None:
    """The fact holding the value a report used for derived value `name`, and the text fact with its reason."""
    path = ("derived", name, "used")
    for key, types in (("fact", ("number", "integer")), ("reason", ("string",))):
        fact = raw.get(key)
        if fact is None:
            continue
        declared = draft.scope.get(fact)
        if declared is None:
            draft.log.add(path + (key,), f"unknown fact {fact}",
                          did_you_mean(fact, draft.declared_facts()) or f"declare it under facts: with type: {types[0]}")
        elif declared not in types:
            draft.log.add(path + (key,), f"fact {fact} is a {declared} {'value' if declared == 'derived' else 'fact'}; "
                          f"used {key} needs a {' or '.join(types)} fact", fact=fact)
    return UsedValue(raw["fact"], raw.get("reason"), Decimal(raw.get("tolerance", 0)))


class _Without(Mapping[str, str]):
    """The scope but one name: a derived value cannot read itself. A view, not a copy per derived value (thousands of them
    would cost the square of their number)."""

    def __init__(self, scope: Mapping[str, str], hidden: str):
        self._scope = scope
        self._hidden = hidden
        self.itself = hidden  # named so when the formula reads it (QA91 F9), not said to be unknown

    def __getitem__(self, name: str) -> str:
        if name == self._hidden:
            raise KeyError(name)
        return self._scope[name]

    def __iter__(self) -> Iterator[str]:
        return (name for name in self._scope if name != self._hidden)

    def __len__(self) -> int:
        return len(self._scope) - (self._hidden in self._scope)


def _in_dependency_order(draft: Draft, compiled: dict[str, Derived]) -> tuple[Derived, ...]:
    """Derived values in dependency order (each after the ones it reads, else in file order); a circle is a problem.

    A depth-first walk with its own stack, not recursion: a chain of thousands
    of derived values, each reading the next, is ordered in linear time and
    memory instead of exhausting the interpreter's stack.
    """
    done: list[Derived] = []
    state: dict[str, str] = {}
    for root in compiled:
        if root in state:
            continue
        state[root] = "active"
        chain = [root]  # the derived values being visited, outermost first
        stack = [iter(sorted(compiled[root].formula.names))]
        while stack:
            dep = next((d for d in stack[-1] if d in compiled and state.get(d) != "done"), None)
            if dep is None:
                stack.pop()
                name = chain.pop()
                state[name] = "done"
                done.append(compiled[name])
            elif state.get(dep) == "active":
                draft.log.add(("derived", dep), f"derived values refer to each other in a circle: {_circle(chain[chain.index(dep):])}",
                              "break the circle")
            else:
                state[dep] = "active"
                chain.append(dep)
                stack.append(iter(sorted(compiled[dep].formula.names)))
    return tuple(done)


def _circle(names: list[str], shown: int = 8) -> str:
    """A circle of derived values as a → b → a, its middle left out when it is long (one line, however big the circle).

    >>> _circle(["a", "b"]), _circle([f"d{i}" for i in range(100)], 4)
    ('a → b → a', 'd0 → d1 → … (96 more) → d98 → d99 → d0')
    """
    if len(names) > shown:
        names = names[: shown // 2] + [f"… ({len(names) - shown} more)"] + names[-(shown // 2):]
    return " → ".join(names + [names[0]])


def checks(draft: Draft) -> tuple[Check, ...]:
    """The plausibility checks, compiled."""
    raw = draft.data.get("checks", [])
    found = []
    for i, check in enumerate(raw if isinstance(raw, list) else []):
        path = ("checks", i)
        if not draft.log.ok(path):
            continue
        formula = draft.log.condition(check["expr"], path + ("expr",), draft.scope, draft.kinds(draft.scope))
        if formula is not None:
            found.append(Check(formula, check["message"], check.get("severity", "warning"),
                               line=(draft.log.located.where(path) or (None, None))[0], file=draft.log.located.file_at(path)))
    return tuple(found)


def explain_when(draft: Draft) -> tuple[ExplainRule, ...]:
    """The 需说明 conditions: formulas over facts, derived values, total and grade."""
    raw = draft.data.get("explain_when", [])
    found = []
    scope = {**draft.scope, **EXPLAIN_NAMES}
    for i, rule in enumerate(raw if isinstance(raw, list) else []):
        path = ("explain_when", i)
        if not draft.log.ok(path):
            continue
        if sum(key in rule for key in ("when", "rows_below", "rows_above")) != 1:
            draft.log.add(path, "a 需说明 condition gives exactly one of when (a formula), rows_below (a share of a row's "
                          "weight) or rows_above (a multiple of a row's target)")
            continue
        if "rows_below" in rule or "rows_above" in rule:
            found.append(ExplainRule(None, rule["message"], *(Decimal(rule[key]) if key in rule else None
                                                               for key in ("rows_below", "rows_above"))))
            continue
        formula = _with_grade_labels(draft, lambda: draft.log.condition(rule["when"], path + ("when",), scope,
                                                                         draft.kinds(scope)))
        if formula is None:
            continue
        for name in sorted(formula.names & set(EXPLAIN_NAMES) & set(draft.scope)):
            draft.log.add(path + ("when",), f"{name} here is the project's {name}, but the set also declares a fact or "
                          f"derived value {name}", f"rename the fact or derived value {name}", fact=name)
        found.append(ExplainRule(formula, rule["message"]))
    return tuple(found)


GRADE_HINT = "compare grade with one of the set's grades; a profile that renames the grades gives its own explain_when"


def _with_grade_labels(draft: Draft, compile_it: Callable[[], Formula | None]) -> Formula | None:
    """`compile_it()` with the grade labels as the values of `grade`: `grade == '中等'` in a set whose grades are
    合格/不合格 (a profile that renamed them) is never true, so no project would be flagged, silently."""
    written = draft.data.get("grades")
    raw: list[Any] = written if isinstance(written, list) and draft.log.ok(("grades",)) else []
    labels = tuple(g["label"] for g in raw if isinstance(g, Mapping) and isinstance(g.get("label"), str))
    if not labels or "grade" in draft.scope or len(set(labels)) < len(labels):  # a label twice is said of the grades:
        return compile_it()  # what it leaves out ('中' made '良') is not said again here, before it (QA82 F8)
    draft.log.choices["grade"] = labels
    aliases = {alias: g["label"] for g in raw if isinstance(g, Mapping) and isinstance(g.get("aliases"), list)
               for alias in g["aliases"] if isinstance(alias, str)}
    profile = draft.log.located.several_files
    before = len(draft.log.problems)
    try:
        return compile_it()
    finally:
        del draft.log.choices["grade"]
        draft.log.problems[before:] = [replace(p, hint=_grade_hint(p.message, aliases, profile)) if p.fact == "grade" else p
                                       for p in draft.log.problems[before:]]


def _grade_hint(message: str, aliases: Mapping[str, str], profile: bool) -> str:
    """What to write instead of a grade that is not one of the labels: the label an alias stands for, else a label."""
    written = message.split("'")[1] if message.startswith("'") else ""
    if written in aliases:
        return f"{written} is another name of the grade {aliases[written]}; grade holds the label: compare with " \
               f"'{aliases[written]}'"
    return GRADE_HINT if profile else GRADE_HINT.split(";")[0]


def grades(draft: Draft) -> tuple[Grade, ...]:
    """The grades, highest first: together they must cover every total from 0 to the set's total exactly once."""
    raw = draft.data.get("grades", [])
    if not isinstance(raw, list) or not raw or not draft.log.ok(("grades",)):
        if isinstance(raw, list):  # one bound written '90%' hides no 0.8 beside it: both said in one run (QA178 F3)
            grade_shares(draft.log, draft.total, raw)
        return ()  # missing or broken: the schema check has said so
    order = sorted(range(len(raw)), key=lambda i: raw[i]["min"])
    for pos, message in gaps_and_overlaps(_grade_ranges(raw, order)):
        i = order[pos]
        same = [raw[j]["label"] for j in order if j != i and raw[j]["min"] == raw[i]["min"]]
        if same and message.startswith("overlaps another range"):  # named: "another range" left the author to look
            draft.log.add(("grades", i), f"grade {raw[i]['label']}: starts at {plain(Decimal(raw[i]['min']))}, "
                          f"as grade {same[0]} does", "give each grade a min of its own")
            continue
        draft.log.add(("grades", i), f"grade {raw[i]['label']}: {message}",
                      "each grade's max must equal the min of the grade above it")
    _grade_ends(draft, raw, order)
    grade_shares(draft.log, draft.total, raw)
    labels = [g["label"] for g in raw]
    twice_named(draft.log, labels)
    _grade_aliases(draft, raw, labels)
    _grade_consequences(draft.log, raw)
    return tuple(Grade(raw[i]["label"], Decimal(raw[i]["min"]), tuple(a.strip() for a in raw[i].get("aliases", ())),
                       raw[i].get("consequence")) for i in reversed(order))


def twice_named(log: ProblemLog, labels: list[Any]) -> None:
    """Each grade label (None: one not written) used a second time, told so with the fix (QA82 F8)."""
    for i, label in enumerate(labels):
        if label is not None and labels.index(label) != i:
            log.add(("grades", i, "label"), f"grade label {label} is used twice",
                    f"give each grade a label of its own: grade {labels.index(label) + 1} is {label} too")


def _grade_consequences(log: ProblemLog, raw: list[Any]) -> None:
    """A consequence whose percentages cannot be a share of the budget (30%–10%, 120%), refused as batch's 结果应用
    would read it (`_budget_share`): else the batch counts no amount and the author is never told (QA182 F3)."""
    from .._budget_share import unusable_share  # read only by a set whose grades carry consequences

    for i, grade in enumerate(raw):
        text = grade.get("consequence")
        found = unusable_share(text) if isinstance(text, str) else None
        if found is None or found.kind == "several":  # two percentages may be two things (核减10%，收回结余20%)
            continue
        wrong = "from the larger to the smaller" if found.kind == "backwards" else "more than the whole budget"
        log.add(("grades", i, "consequence"), f"consequence {text} of grade {grade['label']} names the share "
                f"{found.written}, {wrong}",
                f"write {found.fixed()}" if found.kind == "backwards" else "write a share of 100% or less")


def _grade_aliases(draft: Draft, raw: list[Any], labels: list[str]) -> None:
    """Each alias names one grade: none is a grade's label, none is given twice."""
    owner: dict[str, str] = {}
    for i, grade in enumerate(raw):
        for j, alias in enumerate(grade.get("aliases", ())):
            word = alias.strip()
            if word in labels:
                draft.log.add(("grades", i, "aliases", j), f"alias {word} of grade {grade['label']} is the label of a grade",
                              "an alias is another name of its own grade: remove it")
            elif word in owner:
                draft.log.add(("grades", i, "aliases", j), f"alias {word} is given to two grades ({owner[word]} and {grade['label']})",
                              "give each alias to one grade")
            owner.setdefault(word, grade["label"])


def _grade_ranges(raw: list[Any], order: list[int]) -> list[Interval]:
    """Each grade's range in `order` (lowest min first); a grade without max reaches the next grade's min."""
    ranges = []
    for pos, i in enumerate(order):
        high = raw[i].get("max")
        next_min = raw[order[pos + 1]]["min"] if pos + 1 < len(order) else None
        if next_min is not None and next_min <= raw[i]["min"]:
            next_min = None  # same min as the next grade: reported as an overlap
        ranges.append(Interval(Decimal(raw[i]["min"]), to_decimal_or_none(high if high is not None else next_min)))
    return ranges


def _grade_ends(draft: Draft, raw: list[Any], order: list[int]) -> None:
    """The lowest grade starts at 0, none starts above the total, and the highest reaches the total."""
    total = draft.total
    lowest = raw[order[0]]
    if lowest["min"] != 0:
        draft.log.add(("grades", order[0], "min"), f"grades leave totals below {plain(lowest['min'])} without a grade",
                      "the lowest grade needs min: 0")
    for i, grade in enumerate(raw):
        if grade["min"] > total:
            draft.log.add(("grades", i, "min"),
                          f"grade {grade['label']} starts at {plain(grade['min'])}, above the total {plain(total)}",
                          f"a grade's min is a total score in points: write one from 0 to {plain(total)}")
    top = raw[order[-1]]
    if top.get("max") is not None and top["max"] < total:
        draft.log.add(("grades", order[-1], "max"), f"totals from {plain(top['max'])} to {plain(total)} have no grade",
                      "leave out max on the highest grade")


def grade_shares(log: ProblemLog, total: Decimal, raw: list[Any]) -> None:
    """A grade's min or max written as a share of the total (0.9 for 90 points of 100): in points, 0.9 grades a total
    of 30 优 (QA164 F1). Any under 1 on a total of 10 or more is such a slip; 1 too when all are at most 1. Only the
    bounds written as numbers count: one written '90%' is the schema's to say, and hides none of the others (QA178 F3)."""
    bounds = [(i, key, Decimal(str(g[key]))) for i, g in enumerate(raw) if isinstance(g, dict) for key in ("min", "max")
              if isinstance(g.get(key), int | float | Decimal) and not isinstance(g.get(key), bool)]
    if total < 10 or not any(0 < b < 1 for _, _, b in bounds):
        return
    all_shares = all(b <= 1 for _, _, b in bounds)
    for i, key, bound in bounds:
        if 0 < bound < 1 or (bound == 1 and all_shares):
            log.add(("grades", i, key), f"grade {raw[i].get('label', i + 1)}: {key} {plain(bound)} is {plain(bound)} points "
                    f"of the total {plain(total)}",
                    f"a grade's min and max are points, not shares of the total: write {plain(bound * total)}")


def reasons(draft: Draft) -> Mapping[str, str]:
    """The set's own reason templates: known keys, placeholders the reason can fill."""
    raw = draft.data.get("reasons", {})
    if not isinstance(raw, Mapping) or not draft.log.ok(("reasons",)):
        return ReadOnly()
    for key, template in raw.items():
        for message in template_problems(key, template):
            unknown = message.startswith("unknown")
            removed = key in REMOVED  # (its wording was the raw score converted: QA342 F3)
            hint = did_you_mean(key, TEMPLATES) if unknown else REMOVED_HINT if removed else None
            draft.log.add(("reasons", key), message, hint, key=unknown or removed)
        for message, hint in size_problems(key, template):  # filled for every indicator: bounded (QA203 6)
            draft.log.add(("reasons", key), message, hint)
    return ReadOnly(raw)


def rounding(draft: Draft) -> Rounding:
    """Where scores are rounded: the stages (more decimals first, each fewer than the last) and per element or not."""
    raw = draft.data.get("rounding", {})
    if not isinstance(raw, Mapping) or not draft.log.ok(("rounding",)):
        return Rounding(draft.precision)
    stages = tuple(raw.get("stages", ()))
    kept = (*stages, draft.precision)
    for i, places in enumerate(stages):
        if places <= kept[i + 1]:
            after = "precision" if i + 1 == len(stages) else "the next stage"
            draft.log.add(("rounding", "stages", i), f"stage {places} keeps no more decimals than {after} ({kept[i + 1]})",
                          "list the stages from the most decimals to the fewest, each above precision")
    return Rounding(draft.precision, stages, bool(raw.get("elements", False)))


def caps(draft: Draft, grades: tuple[Grade, ...]) -> tuple[Cap, ...]:
    """The caps and vetoes: a condition on facts and derived values, and a total or grade it limits to."""
    raw = draft.data.get("caps", [])
    found = []
    labels = {name: g.label for g in grades for name in (g.label, *g.aliases)}
    for i, cap in enumerate(raw if isinstance(raw, list) else []):
        path = ("caps", i)
        if not draft.log.ok(path):
            continue
        if ("total_at_most" in cap) == ("grade_at_most" in cap):
            draft.log.add(path, "a cap gives exactly one of total_at_most or grade_at_most")
            continue
        total = to_decimal_or_none(cap.get("total_at_most"))
        if total is not None and total % Decimal(1).scaleb(-draft.precision):
            draft.log.add(path + ("total_at_most",), f"total_at_most {plain(total)} has more decimal places than precision "
                          f"{draft.precision} keeps", "round it")
        elif total is not None and total >= draft.total:
            draft.log.add(path + ("total_at_most",), f"total_at_most {plain(total)} caps nothing: the total is at most "
                          f"{plain(draft.total)}", "give a total below the set's total")
        grade = cap.get("grade_at_most")
        if grade is not None and grade not in labels and grades:
            draft.log.add(path + ("grade_at_most",), f"grade_at_most names {grade!r}, which is not a grade of the set",
                          did_you_mean(grade, list(labels)) or "grades: " + ", ".join(g.label for g in grades))
            continue
        formula = draft.log.condition(cap["when"], path + ("when",), draft.scope, draft.kinds(draft.scope))
        if formula is not None:
            found.append(Cap(formula, cap["message"], total, labels.get(grade) if grade is not None else None))
    return tuple(found)


def _all_printable(data: Any) -> bool:
    """Whether every text key anywhere in `data`, and every id, name and label, is printable: one quick walk, no paths."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):  # the reader makes dicts and lists (a dict's check is quicker than Mapping's)
            for key, value in node.items():
                if isinstance(key, str) and not key.isprintable():
                    return False
                if key in _NAME_FIELDS and isinstance(value, str) and not value.isprintable():
                    return False
                if isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(item for item in node if isinstance(item, (dict, list)))
    return True


def names(draft: Draft) -> None:
    """Ids, names and labels anywhere in the set, and the names of facts and derived values: none may hold an invisible
    character (a bidi override, a zero-width space), which makes a name look like another or reorders the text around it;
    and none compared with what others write may be typed in Chinese quotation marks (`wrapped`)."""
    wrapped_values(draft)
    if draft.log.located.printable or _all_printable(draft.data):  # the usual set: nothing to look closer at (an
        return  # invisible character is not printable; the reader saw every key and text, else the quick walk looks)
    stack: list[tuple[Path, Any]] = [((), draft.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                if not draft.log.ok(path + (key,)):
                    continue  # the schema has refused it already (an id or a fact name must be ASCII)
                what = _NAMED_BY_KEY.get(path)
                bad = invisible_character(key) if what and isinstance(key, str) else None
                if bad:
                    draft.log.add(path + (key,), f"{what} {bad}", "retype the name", key=True)
                bad = invisible_character(value) if key in _NAME_FIELDS and isinstance(value, str) else None
                if bad:
                    draft.log.add(path + (key,), f"{key} {bad}", f"retype the {key}")
                stack.append((path + (key,), value))
        elif isinstance(node, list):
            stack.extend((path + (i,), item) for i, item in enumerate(node))
