"""The result document as JSON text, written straight from the Result: byte for byte ``_json.dumps(result.to_dict())``,
or with ``indent=None`` in its compact form (one line without spaces, as a .jsonl line holds it).

to_dict builds a tree of plain dicts and _json walks it again; for a batch of
projects that is most of the cost of writing the audit trail. This writer
walks the Result once, appending text: the layout (two spaces a level), the
order of keys and the keys left out are to_dict's, numbers are written
exactly, and text goes through the json module's own escaping. What is the
same in every result of a set (an indicator's id, name and level, its
standard and rule as written, a fact's name, type, label and unit) is written
once per set and kept in the scoring plan (`ScoringPlan.written`).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from json.encoder import encode_basestring as _quote  # the C function json.dumps uses for text, without ASCII escapes
from typing import Any

from ._frozen import ReadOnly
from ._later import Later, given
from .audit import LEAF_KEY, MAX_SHARED_JSON, AuditTrail, FactValue, IndicatorResult, SharedLeaf, SharedParent
from .formulas import Finding
from .judgements import Judgement, TargetRow, TierJudgement

__all__ = ["COMPACT", "result_json"]

_MOST_HEADS = 5000  # keys kept with their text ready: they are few (a set's fact names, the kinds' detail keys)
#: Level COMPACT + n is depth n written on one line without spaces (``_json.dumps(..., indent=None)``); below it,
#: depth n indented by two spaces a level. A result is never that deep: its facts nest at most MAX_FACTS_DEPTH levels.
COMPACT = 100
_PAD = ["\n" + "  " * level for level in range(COMPACT)] + [""] * COMPACT  # what goes before a member at each level
_COLON = [": "] * COMPACT + [":"] * COMPACT  # what goes between a key and its value
Out = list[str]


def result_json(result: Any, compact: bool = False, lang: str = "en") -> str:
    """The result document of `result` (a result.Result) as JSON text, ending with a newline; `compact`: on one line
    without spaces and without the newline; `lang` "zh": the warnings' messages, meant for people, in Chinese (their
    kind, indicator, fact and expression stay as they are, for tools)."""
    base = COMPACT if compact else 0
    first, second, colon = _PAD[base + 1], _PAD[base + 2], _COLON[base]
    tree = given(result, "indicators")
    kept = _Kept(tree.plan if isinstance(tree, Later) else None)
    out: Out = []
    put = out.append
    s = result.indicator_set
    put(f'{{{first}"engine"{colon}{{{second}"name"{colon}"scoring-engine",{second}"version"{colon}')
    _plain(result.engine_version, out, base + 2)
    put(f'{first}}},{first}"indicator_set"{colon}')
    _fields((("id", s.id), ("name", s.name), ("version", s.version), ("sha256", s.sha256)), out, base + 1)
    put(f',{first}"facts"{colon}{{{second}"sha256"{colon}')
    _plain(result.facts_sha256, out, base + 2)
    facts = given(result, "facts")
    waiting = facts.pending() if isinstance(facts, Later) else None
    if waiting is not None and kept.plan is not None and waiting[0] is kept.plan.set:  # not read yet: see _Kept.values
        kept.values(waiting[1], f',{second}"values"{colon}', out, base + 2)
    elif result.facts:
        put(f',{second}"values"{colon}')
        _items(result.facts, out, base + 2, kept.fact)
    put(f'{first}}},{first}"project"{colon}')
    _plain(result.project, out, base + 1)
    grading = [("precision", result.precision), ("max_total", result.max_total), ("total", result.total), ("grade", result.grade)]
    if result.grade_consequence:
        grading.append(("grade_consequence", result.grade_consequence))
    _fields(grading, out, base, opened=True)
    put(f',{first}"warnings"{colon}')
    _items(result.warnings, out, base + 1, _warning_zh if lang == "zh" else _warning)
    put(f',{first}"flags"{colon}')
    _items(result.flags, out, base + 1, _flag)
    put(f',{first}"derived"{colon}')
    _items(result.derived, out, base + 1, _derived)
    put(f',{first}"indicators"{colon}')
    waiting = tree.pending() if isinstance(tree, Later) else None
    # not read yet: written from the audit trail, each of the set's leaves as text kept for it where there is some
    indicators = waiting[0].to_write() if waiting and isinstance(waiting[0], AuditTrail) else result.indicators
    _items(indicators, out, base + 1, kept.indicator)
    put("}" if compact else "\n}\n")
    return "".join(out)


# ---------------------------------------------------------------- values, as result.plain_data makes them


def _scalar(value: Any) -> str | None:
    """The text of a plain value (text, number, true, false, null, date); None for anything else."""
    kind = type(value)
    if kind is str:
        return _quote(value)
    if kind is Decimal:
        text = format(value, "f")
        return "0" if text == "-0" else text
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if kind is int:
        return str(value)
    if kind is datetime.date or kind is datetime.datetime:
        return _quote(value.isoformat())
    return None


def _plain(value: Any, out: Out, level: int) -> None:
    """`value` as _json writes what result.plain_data makes of it: findings and judgements as objects, dates as text."""
    text = _scalar(value)
    if text is not None:
        out.append(text)
    elif type(value) in _DICTS or isinstance(value, Mapping):  # the usual first: an ABC's check costs a microsecond
        if set(map(type, value)) <= _TEXT:  # every key text (the usual): checked in C
            _fields(value.items(), out, level)
        else:  # keys that are not text are written as text, and the last of two that read alike wins, as in to_dict
            _fields({str(k): v for k, v in value.items()}.items(), out, level)
    elif isinstance(value, (list, tuple)):
        _items(value, out, level, _plain)
    elif isinstance(value, Finding):
        _fields((("text", value.text),) if value.points is None else (("text", value.text), ("points", value.points)), out, level)
    elif isinstance(value, Judgement):
        _fields((("score", value.score), ("reason", value.reason)), out, level)
    elif isinstance(value, TierJudgement):
        _fields((("tier", value.tier), ("score", value.score), ("reason", value.reason)), out, level)
    elif isinstance(value, TargetRow):  # a list of target rows a formula reads whole: as a facts file writes a row
        from .target_rows import row_document  # rare: not loaded with the package

        _fields(row_document(value).items(), out, level)
    else:
        _other(value, out, level)


_DICTS = frozenset((dict, ReadOnly))
_TEXT = frozenset((str,))


def _other(value: Any, out: Out, level: int) -> None:
    """What _json writes of the rest: a float exactly as its shortest text, a subclass of a plain type as that type."""
    from . import _json

    if isinstance(value, float):
        value = Decimal(float.__repr__(value))
    elif isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    out.append(_json.dumps(value, indent=None) if level >= COMPACT else _json.dumps(value).replace("\n", _PAD[level]))


def _items(items: Iterable[Any], out: Out, level: int, write: Callable[[Any, Out, int], None]) -> None:
    """A list whose items `write` writes, at nesting `level`."""
    first = True
    inner = _PAD[level + 1]
    for item in items:
        out.append(("[" if first else ",") + inner)
        first = False
        text = _scalar(item) if write is _plain else None
        if text is not None:
            out.append(text)
        else:
            write(item, out, level + 1)
    out.append("[]" if first else _PAD[level] + "]")


def _fields(pairs: Iterable[tuple[str, Any]], out: Out, level: int, opened: bool = False) -> None:
    """An object of `pairs` (key, value), each value as _plain writes it; `opened`: more fields of an object already begun."""
    heads = _HEADS[level + 1]
    first = not opened
    for key, value in pairs:
        head = heads.get(key)
        if head is None:
            head = "," + _PAD[level + 1] + _quote(key) + _COLON[level + 1]
            if len(heads) < _MOST_HEADS:  # a project's own keys are not kept
                heads[key] = head
        if first:
            head = "{" + head[1:]
            first = False
        kind = type(value)
        if kind is str:
            out.append(head + _quote(value))
        elif kind is Decimal:
            number = format(value, "f")
            out.append(head + ("0" if number == "-0" else number))
        else:
            text = _scalar(value)
            if text is not None:
                out.append(head + text)
            else:
                out.append(head)
                _plain(value, out, level + 1)
    if not opened:
        out.append("{}" if first else _PAD[level] + "}")


# level → key → ',\n<indent>"key": ', the text before a value under that key
_HEADS: list[dict[str, str]] = [{} for _ in _PAD]


# ---------------------------------------------------------------- the facts, as to_dict's _record makes them


def _record(value: Any, out: Out, level: int) -> None:
    """A fact's value as to_dict's _record makes it: any other frozen record (a target row) as an object of its fields."""
    plain_record = isinstance(value, (Finding, Judgement, TierJudgement))
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and not plain_record:
        _records(((f.name, getattr(value, f.name)) for f in dataclasses.fields(value)
                  if getattr(value, f.name) is not None and f.metadata.get("written", True)), out, level)  # not TargetRow.within
    elif isinstance(value, (list, tuple)):
        _items(value, out, level, _record)
    elif isinstance(value, Mapping):
        _records({str(k): v for k, v in value.items()}.items(), out, level)
    else:
        _plain(value, out, level)


def _records(pairs: Iterable[tuple[str, Any]], out: Out, level: int) -> None:
    inner = _PAD[level + 1]
    first = True
    for key, item in pairs:
        out.append(("{" if first else ",") + inner + _quote(key) + _COLON[level + 1])
        first = False
        _record(item, out, level + 1)
    out.append("{}" if first else _PAD[level] + "}")


def _warning(w: Any, out: Out, level: int) -> None:
    pairs = [("kind", w.kind), ("message", w.message)]
    pairs += [(key, getattr(w, key)) for key in ("indicator", "fact", "expression") if getattr(w, key) is not None]
    _fields(pairs, out, level)


def _warning_zh(w: Any, out: Out, level: int) -> None:
    from ._zh import translate

    # as every other report says it: a cap's or a check's facts by their labels and values (（一票否决 是）), its condition
    # left to `expression` (QA340 F6: the JSON's cap line ended （veto）)
    _warning(dataclasses.replace(w, message=translate(w.zh or w.message)), out, level)


def _flag(f: Any, out: Out, level: int) -> None:
    _fields((("message", f.message), ("expression", f.expression)), out, level)


def _derived(d: Any, out: Out, level: int) -> None:
    pairs: list[tuple[str, Any]] = [("name", d.name), ("expression", d.expression)]
    if d.label:
        pairs.append(("label", d.label))
    pairs.append(("error", d.error) if d.error is not None else ("value", d.value))
    if d.used is not None:  # the report's own value was scored; the formula gave `stated`
        pairs += [("used", d.used), ("stated", d.stated)]
    _fields(pairs, out, level)


# ---------------------------------------------------------------- what every result of a set shares


class _Kept:
    """Writes facts and indicators, keeping the text every result of the plan's set shares in the plan (when there is one).

    Only text made from the set's own declarations and rules is kept, so what
    is kept is bounded by the set: a target row's leaf (its id comes from the
    facts) is written anew each time.
    """

    def __init__(self, plan: Any):
        self.plan = plan
        self.written: dict[Any, str] = plan.written if plan is not None else {}

    def _once(self, key: Any, make: Callable[[], str]) -> str:
        text = self.written.get(key)
        if text is None:
            text = self.written[key] = make()
        return text

    def fact(self, f: FactValue, out: Out, level: int) -> None:
        spec = self.plan.set.facts.get(f.name) if self.plan is not None else None
        ours = spec is not None and (spec.type, spec.label, spec.unit) == (f.type, f.label, f.unit)
        self._fact(f.name, f.type, f.label, f.unit, f.value, ours, out, level)

    def values(self, values: Mapping[str, Any], before: str, out: Out, level: int) -> None:
        """The facts section's values as `fact` writes the FactValues audit.fact_values makes of the plan's set and
        `values`, without making them: the set's declared facts that have a value, in the order declared, after `before`
        (nothing at all when none has one)."""
        inner, end = _PAD[level + 1], _PAD[level + 1] + "}"
        heads = self.plan.fact_heads.setdefault(level, {})  # name → its text up to the value, at this nesting
        first = True
        for name, spec in self.plan.set.facts.items():
            if name in values:
                out.append((before + "[" if first else ",") + inner)
                first = False
                head = heads.get(name)
                if head is None:
                    head = heads[name] = _fact_head(name, spec.type, spec.label, spec.unit, level + 1)
                value = values[name]
                text = _scalar(value)
                if text is not None:
                    out.append(head + text + end)
                else:
                    out.append(head)
                    _record(value, out, level + 2)
                    out.append(end)
        if not first:
            out.append(_PAD[level] + "]")

    def _fact(self, name: str, kind: str, label: str | None, unit: str | None, value: Any, ours: bool, out: Out,
              level: int) -> None:
        """A fact; `ours`: as the plan's set declares it, its text up to the value kept."""
        def make() -> str:
            return _fact_head(name, kind, label, unit, level)

        out.append(self._once(("fact", name, level), make) if ours else make())
        text = _scalar(value)
        if text is not None:
            out.append(text)
        else:
            _record(value, out, level + 1)
        out.append(_PAD[level] + "}")

    def indicator(self, r: IndicatorResult | SharedLeaf | SharedParent, out: Out, level: int) -> None:
        """One indicator as to_dict's _indicator lays it out, with its children.

        A leaf result the audit made from one of the set's leaves carries its key (audit.leaf_key), as does a
        SharedLeaf (the audit trail written without being kept, `AuditTrail.to_write`): equal keys give equal text,
        kept with the plan and written again as it is. A SharedParent's own text (all but its children) is kept so too.
        """
        if isinstance(r, SharedParent):
            text = self.plan.parent_texts.get((r.key, level))
            if text is None:
                own: Out = []
                self._own(r.own(), own, level)
                text = "".join(own)
                if len(text) <= MAX_SHARED_JSON:
                    self.plan.parent_texts.put((r.key, level), text)
            out.append(text)
            self._children(r.children, out, level)
            return
        if isinstance(r, SharedLeaf):  # one of the set's leaves, not made into its result yet: made only if need be
            text = self.plan.leaf_texts.get((r.key, level))
            if text is not None:
                out.append(text)
                return
            r = r.made()
        key = r.__dict__.get(LEAF_KEY) if self.plan is not None else None
        if key is None:
            self._indicator(r, out, level)
            return
        text = self.plan.leaf_texts.get((key, level))
        if text is None:
            made: Out = []
            self._indicator(r, made, level)
            text = "".join(made)
            if len(text) <= MAX_SHARED_JSON:  # a long one (long reasons) is written anew: what the plan keeps stays small
                self.plan.leaf_texts.put((key, level), text)
        out.append(text)

    def _indicator(self, r: IndicatorResult, out: Out, level: int) -> None:
        self._own(r, out, level)
        self._children(r.children, out, level)

    def _children(self, children: tuple[Any, ...], out: Out, level: int) -> None:
        """An indicator's children, and its end."""
        if children:
            out.append("," + _PAD[level + 1] + '"children"' + _COLON[level + 1])
            _items(children, out, level + 1, self.indicator)
        out.append(_PAD[level] + "}")

    def _own(self, r: IndicatorResult, out: Out, level: int) -> None:
        """An indicator begun, without its children and its end."""
        node = self.plan.by_id.get(r.id) if self.plan is not None else None
        ours = node is not None and node.indicator.name == r.name and node.level == r.level
        def make() -> str:
            return _opened([("id", r.id), ("name", r.name), ("level", r.level)], level)

        out.append(self._once(("head", r.id, level), make) if ours else make())
        weight, score, reason = _scalar(r.weight), _scalar(r.score), _scalar(r.reason)
        if weight is not None and score is not None and reason is not None:  # the usual: numbers and text
            pad, colon = _PAD[level + 1], _COLON[level + 1]
            out.append(f',{pad}"weight"{colon}{weight},{pad}"score"{colon}{score},{pad}"reason"{colon}{reason}')
        else:
            _fields((("weight", r.weight), ("score", r.score), ("reason", r.reason)), out, level, opened=True)
        if r.declared_weight is not None and r.declared_weight != r.weight:
            _fields((("declared_weight", r.declared_weight),), out, level, opened=True)
        if r.standard:
            _fields((("standard", r.standard),), out, level, opened=True)
        if r.not_applicable is not None:
            _fields((("not_applicable", r.not_applicable),), out, level, opened=True)
        if r.kind is not None:
            self.rule(r, out, level)
            _fields((("inputs", r.inputs), ("details", r.details)), out, level, opened=True)
            out.append("," + _PAD[level + 1] + '"deductions"' + _COLON[level + 1])
            _items(r.deductions, out, level + 1, _deduction)
            last = (("raw_score", r.raw_score), ("clamped", r.clamped)) if r.raw_score is not None else (("clamped", r.clamped),)
            _fields(last, out, level, opened=True)

    def rule(self, r: IndicatorResult, out: Out, level: int) -> None:
        """The kind and the rule as written; a rule of the set itself is written once (its text kept by identity)."""
        def make() -> str:
            text: Out = []
            _fields((("kind", r.kind), ("rule", r.rule)), text, level, opened=True)
            return "".join(text)

        ours = self.plan is not None and r.rule is not None and self.plan.owns(r.rule)
        out.append(self._once(("rule", id(r.rule), r.kind, level), make) if ours else make())


def _fact_head(name: str, kind: str, label: str | None, unit: str | None, level: int) -> str:
    """A fact's object begun, up to its value."""
    pairs = [("name", name), ("type", kind)] + [(k, v) for k, v in (("label", label), ("unit", unit)) if v]
    return _opened(pairs, level) + "," + _PAD[level + 1] + '"value"' + _COLON[level + 1]


def _opened(pairs: list[tuple[str, Any]], level: int) -> str:
    """An object of `pairs` begun, to be continued and closed by the caller."""
    text: Out = []
    _fields(pairs, text, level)
    return "".join(text)[: -len(_PAD[level]) - 1]


def _deduction(d: Any, out: Out, level: int) -> None:
    _fields((("points", d.points), ("reason", d.reason)), out, level)
