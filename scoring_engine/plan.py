"""The scoring plan: an indicator set compiled once for scoring many projects.

Everything about the set that does not depend on a project's facts is worked
out here, once per set (`plan_for` keeps the plan with the set): the indicator
tree flattened depth first with each node's level and children, the leaves
with their rule kind and the names their rule reads, the weights, the reason
templates split into text and placeholders, the facts to convert. A scoring
run (engine.py) then walks flat lists; it never walks the tree, copies the
values, or parses a formula or a template.

The plan holds only what the loader checked: the formulas are the ones
`formulas.compile_formula` accepted, compiled to closures there.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from ._arith import ZERO, fixed, plain
from ._frozen import ReadOnly, frozen_data
from .model import ROW_NAMES, Indicator, IndicatorSet, Rule
from .reasons import TEMPLATES, Sentence
from .rules import RULE_KINDS, Outcome, RuleKind

__all__ = ["LOCAL_NAMES", "Node", "RuleStep", "ScoringPlan", "SharedTable", "not_a_set", "plan_for"]

#: Names a rule reads from its own indicator rather than from the project: the weight, and a target row's fields.
LOCAL_NAMES = frozenset({"weight", "row", *ROW_NAMES})
#: Most entries a plan keeps in each of its shared tables (ScoringPlan.fixed, .plain, .leaf_parts, .leaf_texts,
#: .parent_texts, .outcomes): with audit.MAX_SHARED_TEXT and MAX_SHARED_JSON, at most some tens of megabytes per set, a few in
#: practice.
_MOST_KEPT = 2048
#: Most combinations of indicators marked not applicable whose rescaled weights a plan keeps (ScoringPlan.rescaled).
_MOST_RESCALED = 256


class RuleStep(NamedTuple):
    """A rule ready to score: its kind, and the names it reads in the order the audit lists them."""

    rule: Rule[Any]
    kind: RuleKind[Any]
    reads: tuple[str, ...]  # sorted
    local: bool  # reads the indicator's weight or a row: its formulas need values of their own
    score: Callable[[Any, Decimal, Any], Outcome]  # the kind's scoring function
    params: Any  # the rule's checked parameters, as the scoring function takes them
    # `reads` when they are all true/false facts: the rule has a few outcomes at most, kept by their values
    # (ScoringPlan.kept_outcome); None for any other rule
    booleans: tuple[str, ...] | None = None

    @classmethod
    def of(cls, rule: Rule[Any], row: bool = False, weight: Decimal | None = None,
           booleans: frozenset[str] = frozenset()) -> RuleStep:
        """The step of `rule`, its parameters ready for `weight` when it is known; a row's rule (`row`) always sees
        the row's fields (a kind may read its unit). `booleans`: the set's facts of type boolean."""
        kind = RULE_KINDS[rule.kind]
        local = row or not LOCAL_NAMES.isdisjoint(rule.reads)
        params = kind.at_weight(rule.params, weight) if kind.at_weight is not None and weight is not None else rule.params
        reads = tuple(sorted(rule.reads))
        return cls(rule, kind, reads, local, kind.score, params,
                   reads if reads and not local and rule.reads <= booleans else None)


class Node(NamedTuple):
    """One indicator of the flattened tree."""

    position: int  # depth first
    id: str
    indicator: Indicator
    level: int  # 1 for 一级
    children: tuple[int, ...]  # positions of the children written in the set
    step: RuleStep | None  # a leaf's rule
    row_steps: Mapping[str, RuleStep] | None  # a row group's rules by row type
    below: tuple[str, ...]  # ids of this indicator and all below it, depth first


class SharedTable:
    """What results of a set share, by key, at most `size` entries: when it is full, the entry read least recently goes.

    So the values most projects give (a checklist met in full) stay, and the rest come and go. Each step is one
    operation of the C OrderedDict, which the GIL keeps whole: threads may share the table (a key another thread let go
    is simply not found).
    """

    __slots__ = ("_entries", "_size")

    def __init__(self, size: int):
        self._entries: OrderedDict[Any, Any] = OrderedDict()
        self._size = size

    def get(self, key: Any) -> Any:
        entries = self._entries
        value = entries.get(key)
        if value is not None:
            try:  # noqa: SIM105 - read for every leaf of every project: a with suppress() costs more than the read
                entries.move_to_end(key)
            except KeyError:  # let go by another thread meanwhile: it is read all the same
                pass
        return value

    def put(self, key: Any, value: Any) -> None:
        entries = self._entries
        entries[key] = value
        if len(entries) > self._size:
            try:  # noqa: SIM105 - as in get
                entries.popitem(last=False)
            except KeyError:  # another thread let one go first
                pass

    def __len__(self) -> int:
        return len(self._entries)


class ScoringPlan:
    """An indicator set flattened and compiled for scoring (see the module's docstring)."""

    def __init__(self, indicator_set: IndicatorSet) -> None:
        self.set = indicator_set
        self._booleans = frozenset(name for name, spec in indicator_set.facts.items() if spec.type == "boolean")
        nodes: list[Node] = []
        self.tops = tuple(self._flatten(top, 1, nodes) for top in indicator_set.indicators)
        self.nodes = tuple(nodes)
        self.by_id = {node.id: node for node in self.nodes}
        self.ids = tuple(node.id for node in self.nodes)  # by position
        #: leaves and row groups in depth-first order; parents deepest first, so that children are summed before them
        self.leaves = tuple(n for n in self.nodes if not n.children)
        self.parents = tuple(n for n in reversed(self.nodes) if n.children)
        self.weights = self.weights_of({n.id: n.indicator.weight for n in self.leaves})
        self.facts = tuple(indicator_set.facts.items())
        #: list facts of numbers on a scale of 10 or more (专家评分（百分制）): typed as shares of 1, they are warned of
        self.scaled_lists = tuple((name, spec.max) for name, spec in self.facts if spec.type == "list"
                                  and spec.items == "number" and spec.max is not None and spec.max >= 10
                                  and spec.unit in (None, "", "分"))  # never amounts (万元, max 1000: QA288 F6)
        #: list facts of findings, whose lines may each hold several (_one_line_findings)
        self.finding_lists = tuple(name for name, spec in self.facts if spec.type == "list" and spec.items == "finding")
        self.sentences: dict[str, Sentence] = {}  # reason template key → template, split on first use
        self.row_groups = tuple(n for n in self.leaves if n.indicator.rows is not None)
        steps = [n.step for n in self.leaves if n.step] + [s for n in self.row_groups for s in (n.row_steps or {}).values()]
        # each rule as written, as results hand it out: read-only views (a caller changing one would change the set's own
        # dict, and with it the audit trail of every later result), by the id of the set's dict and of the view; a set
        # the loader built holds them read-only already (frozen_data), and results hand out the set's own
        self._frozen = {id(step.rule.spec): _as_written(step.rule.spec) for step in steps}
        self._specs = {id(view): view for view in self._frozen.values()}
        # the JSON text every result of the set shares (an indicator's id, a rule as written…), kept by _result_json
        self.written: dict[Any, str] = {}
        self.fact_heads: dict[int, dict[str, str]] = {}  # a declared fact's text up to its value, by nesting and name
        self.set_info: Any = None  # which set scored a result (audit.SetInfo), made by the engine on first use
        # grade label → the consequence (结果应用) the set attaches to it, for the grade of every result
        self.consequences = {g.label: g.consequence for g in indicator_set.grades}
        # row group id → the 二级 its 自评表 lists its rows under, when the group declares none (RowGroup.form_order)
        self.skeletons = {block.indicator: block.skeleton for block in indicator_set.form.targets}
        # What results of the set share, kept for the next project (SharedTable, _MOST_KEPT entries): a leaf's reason and
        # deductions, and a leaf's JSON text by nesting, both by audit.leaf_key (the weight and values it read).
        self.leaf_parts = SharedTable(_MOST_KEPT)
        self.leaf_texts = SharedTable(_MOST_KEPT)
        self.parent_texts = SharedTable(_MOST_KEPT)  # an indicator's with children, all but its children (audit.SharedParent)
        # the weights rescaled over the applicable leaves (not_applicable: rescale) and each leaf's exact factor
        # (_rescale_shares), by the ids marked not applicable:
        # a portfolio's projects mark the same few indicators again and again (each entry weighs every indicator)
        self.rescaled = SharedTable(_MOST_RESCALED)
        # the outcome of a leaf whose rule reads true/false facts alone, by its position and their values (kept_outcome)
        self.outcomes = SharedTable(_MOST_KEPT)
        # number → its text in reasons (fixed, plain): the same value reads the same whatever its exponent
        self._fixed: dict[Decimal, str] = {}
        self._plain: dict[Decimal, str] = {}

    def _flatten(self, indicator: Indicator, level: int, nodes: list[Node]) -> int:
        index = len(nodes)
        nodes.append(None)  # type: ignore[arg-type]  # held until the children have their places
        children = tuple(self._flatten(child, level + 1, nodes) for child in indicator.children)
        step = RuleStep.of(indicator.rule, weight=indicator.weight, booleans=self._booleans) \
            if indicator.rule is not None and not children else None
        rows = indicator.rows
        row_steps = {kind: RuleStep.of(rule, row=True) for kind, rule in rows.rules.items()} if rows is not None else None
        below = (indicator.id, *(i for c in children for i in nodes[c].below))
        nodes[index] = Node(index, indicator.id, indicator, level, children, step, row_steps, below)
        return index

    def weights_of(self, leaves: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """Indicator id → weight, from the leaves' weights: a parent weighs what its children add up to."""
        weights = dict(leaves)
        for node in self.parents:
            weights[node.id] = sum((weights[self.nodes[c].id] for c in node.children), ZERO)
        return weights

    def kept_outcome(self, step: RuleStep, weight: Decimal, view: Any, values: Mapping[str, Any], position: int) -> Outcome:
        """`step.score(step.params, weight, view)` for the leaf at `position`, whose rule reads the true/false facts
        `step.booleans` alone: the same for every project that gives the same values, so kept for the next one (most
        projects meet a checklist's points in full). An Outcome is immutable, its fields and details made once when read."""
        assert step.booleans is not None
        try:
            key = (position, *map(values.__getitem__, step.booleans))
        except KeyError:  # an optional fact left out: scored as any other rule, which says what it misses
            return step.score(step.params, weight, view)
        outcome: Outcome | None = self.outcomes.get(key)
        if outcome is None:
            outcome = step.score(step.params, weight, view)  # a rule that raises keeps nothing
            self.outcomes.put(key, outcome)
        return outcome

    def owns(self, spec: Mapping[str, Any]) -> bool:
        """Whether `spec` is the rule as written of one of the set's leaves or row types, as results hand it out (this
        very object)."""
        return self._specs.get(id(spec)) is spec

    def rule_as_written(self, spec: Mapping[str, Any]) -> Mapping[str, Any]:
        """The read-only view results hand out of the set's rule `spec`."""
        view: Mapping[str, Any] | None = self._frozen.get(id(spec))
        if view is None:  # not one of the set's own: made as the set's are
            view = frozen_data(spec)
        return view

    def fixed(self, value: Decimal) -> str:
        """`_arith.fixed(value, precision)`, kept for the next result: scores and weights repeat across projects."""
        text = self._fixed.get(value)
        if text is None:
            text = fixed(value, self.set.precision)
            if value and len(self._fixed) < _MOST_KEPT:  # a zero may be -0, which reads "-0.00": never kept
                self._fixed[value] = text
        return text

    def plain(self, value: Decimal) -> str:
        """`_arith.plain(value)`, kept as `fixed` keeps its text."""
        text = self._plain.get(value)
        if text is None:
            text = plain(value)
            if value and len(self._plain) < _MOST_KEPT:
                self._plain[value] = text
        return text

    def sentence(self, key: str) -> Sentence:
        """The reason template `key`: the set's own, else the default (of a kind registered after the set loaded too)."""
        found = self.sentences.get(key)
        if found is None:
            written = self.set.reasons.get(key)
            # a set's own judgement reason holds for a rounded score too, and its own equal.missed for a value past the
            # tolerance (QA273 F6: the set's text was dropped for the default's)
            general = key.removesuffix(".rounded") if key.endswith(".rounded") else _GENERAL.get(key)
            if written is None and general is not None:
                written = self.set.reasons.get(general)
            found = self.sentences[key] = Sentence.of(written or TEMPLATES[key].text)
        return found


#: A reason said of a case of another, whose own text a set that overrides the other has used for it
_GENERAL = {"equal.missed.tolerance": "equal.missed"}


def _as_written(spec: Mapping[str, Any]) -> Mapping[str, Any]:
    """A rule as written, read-only: the set's own when the loader froze it, else a read-only copy."""
    return spec if type(spec) is ReadOnly else frozen_data(spec)


def plan_for(indicator_set: IndicatorSet) -> ScoringPlan:
    """The set's scoring plan, compiled on first use and kept with the set (the loader asks for it as it loads)."""
    try:
        cache = indicator_set._compiled
    except AttributeError:  # the one thing a caller can pass wrong here, said as such (score_many also takes a path)
        raise not_a_set(indicator_set) from None
    plan = cache.get("plan")
    if plan is None:
        plan = cache.setdefault("plan", ScoringPlan(indicator_set))
    assert isinstance(plan, ScoringPlan)
    return plan


def not_a_set(given: object) -> TypeError:
    """The error for what a caller passed where a loaded set goes (a set's id, a path, None): score(), read_form(),
    blank_form() and render_layout() say it alike (QA317 3)."""
    return TypeError("indicator_set is a loaded IndicatorSet (load_indicator_set(path), or load_indicator_set(id) for a "
                     f"bundled set), not {type(given).__name__}")
