"""The result of scoring: total, grade, warnings and the audited indicator tree.

`engine.score` hands a Result the indicator tree, the facts and derived values,
the facts' hash and the words of its 需说明 flags as `Later` values: each is built when first read (the
whole tree in one pass) and is then the same object for every reader. `to_json`
writes the document directly (`_result_json`); `to_dict` gives it as plain data.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._arith import in_engine_context
from ._later import Deferred, Later
from ._record import record
from ._text import cut
from .errors import wants_chinese
from .audit import DerivedValue, FactValue, IndicatorResult, SetInfo, fact_values
from .formulas import Finding
from .judgements import Judgement, TargetRow, TierJudgement

if TYPE_CHECKING:
    from .explain import Explanation

__all__ = ["Result", "IndicatorResult", "DerivedValue", "ScoreWarning", "Flag", "Scores", "SetInfo", "FactValue", "Later",
           "fact_values"]


@record
class ScoreWarning:
    """Something the reader of the score must know: a failed check, a clamped score, an ignored fact."""

    kind: str  # check | clamp | undeclared_fact | explain_when | used_value | cap | scale | one_line
    message: str
    indicator: str | None = None
    fact: str | None = None
    expression: str | None = None
    # The message names its indicator or fact itself (`fact x is not declared…`): shown without them before it. Said by
    # whoever made it, never guessed from its text (QA191 F2: indicator 2's clamp lost its id, 2 being in "82").
    named: bool = field(default=False, compare=False, repr=False)
    # The words for people in Chinese, where the set's message is Chinese (a failed check: its facts by their labels, not
    # its formula); `text("zh")` says them. None: the message translated.
    zh: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        about = self._about()
        return f"{about}: {self.message}" if about else self.message

    def _about(self) -> str:
        """The indicator or fact the warning is said of, when its message does not name it: shown before it."""
        return "" if self.named else cut(self.indicator or self.fact or "")  # a fact's name 5,000 characters long: cut

    def text(self, lang: str = "en") -> str:
        """The warning in `lang`: "en" is str(warning), "zh" the same with its English words in Chinese."""
        if not wants_chinese(lang):
            return str(self)
        from ._zh import translate

        about = self._about()
        said = translate(self.zh or self.message)
        return f"{about}：{said}" if about else said


@record
class Flag:
    """Why the project must explain itself (需说明): a condition of the set's explain_when that it meets."""

    message: str  # the set's message, then the condition and the values that met it
    expression: str
    zh: str | None = field(default=None, repr=False)  # the set's Chinese message, then the values by their labels

    def __str__(self) -> str:
        return self.message

    def text(self, lang: str = "en") -> str:
        """The flag in `lang`, as a warning's `text`: "zh" the words the engine added (a form's cells before the
        set's message: `表!F6: …`) in Chinese (QA181 F5: they kept ASCII colons beside the warnings' full-width)."""
        if not wants_chinese(lang):
            return self.message
        from ._zh import translate

        return translate(self.zh or self.message)


@record
class Result:
    """The score of one project against one indicator set, with its audit trail.

    Immutable and safe to share between threads; the fields given as a Later
    (the tree, the facts and derived values, the facts' hash, the flags) are built on first read.
    """

    engine_version: str
    indicator_set: SetInfo
    # A Deferred() without a default leaves its field required; mypy takes it for a default, hence the ignores below.
    facts_sha256: Deferred[str] = Deferred()
    precision: int  # type: ignore[misc]
    max_total: Decimal  # type: ignore[misc]
    total: Decimal  # type: ignore[misc]
    grade: str  # type: ignore[misc]
    indicators: Deferred[tuple[IndicatorResult, ...]] = Deferred()
    warnings: tuple[ScoreWarning, ...] = ()
    derived: Deferred[tuple[DerivedValue, ...]] = Deferred(())
    project: Mapping[str, Any] = field(default_factory=dict)
    # the project's facts as read, with the labels and units the set declares
    facts: Deferred[tuple[FactValue, ...]] = Deferred(())
    grade_consequence: str | None = None  # 结果应用: what the set's rules attach to the grade
    flags: Deferred[tuple[Flag, ...]] = Deferred(())  # 需说明: the explain_when conditions the project meets
    # the declared facts the project leaves out (value None), with their labels: explain names them so (QA119 F6)
    facts_not_given: Deferred[tuple[FactValue, ...]] = Deferred(())

    def __hash__(self) -> int:
        # By fields it is compared by, so equal results hash alike; its read-only mappings are not hashable (QA174 F3).
        return hash((self.indicator_set, self.total, self.grade))

    def __repr__(self) -> str:
        # Short, for a notebook or a log: the audit trail shown was some 31,000 characters (QA174 F5), and built it.
        return f"{type(self).__qualname__}(total={self.total!r}, grade={self.grade!r}, set={_set_named(self)!r})"

    def __getstate__(self) -> dict[str, Any]:
        # Pickled (or copied) with every Later read: what crosses a process boundary is plain data.
        return {name: value.get() if isinstance(value, Later) else value for name, value in self.__dict__.items()}

    def walk(self) -> Iterator[IndicatorResult]:
        """Every indicator result, depth first."""
        for top in self.indicators:
            yield from top.walk()

    def paths(self) -> Iterator[tuple[IndicatorResult, ...]]:
        """Every indicator with its ancestors, 一级 first, depth first."""
        for top in self.indicators:
            yield from top.paths()

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The result of one indicator by id, or by a name only one indicator has; UnknownIndicatorError (a KeyError and
        a ScoringEngineError) with a did-you-mean if there is none."""
        for node in self.walk():
            if node.id == indicator_id:
                return node
        from .explain import indicator_path  # loaded for a name or a mistake: explain's lookup, words and all

        return indicator_path(self, indicator_id, option="")[-1]

    def fact(self, name: str) -> FactValue | None:
        """The fact `name` from the facts section, or None when the result does not carry it."""
        return next((f for f in self.facts if f.name == name), None)

    def explain(self, indicator_id: str) -> Explanation:
        """One indicator's whole story: standard, facts, formula, band or tier, deductions, rounding, parent.

        Raises UnknownIndicatorError (a ScoringEngineError) with a did-you-mean for an unknown id.
        """
        from .explain import explain  # loaded on first use: most callers never explain

        return explain(self, indicator_id)

    @in_engine_context
    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (numbers stay Decimal); see schemas/result.schema.json."""
        return {
            "engine": {"name": "scoring-engine", "version": self.engine_version},
            "indicator_set": {
                "id": self.indicator_set.id,
                "name": self.indicator_set.name,
                "version": self.indicator_set.version,
                "sha256": self.indicator_set.sha256,
            },
            "facts": _facts(self),
            "project": plain_data(self.project),
            "precision": self.precision,
            "max_total": self.max_total,
            "total": self.total,
            "grade": self.grade,
            **({"grade_consequence": self.grade_consequence} if self.grade_consequence else {}),
            "warnings": [_warning(w) for w in self.warnings],
            "flags": [{"message": f.message, "expression": f.expression} for f in self.flags],
            "derived": [_derived(d) for d in self.derived],
            "indicators": [_indicator(i) for i in self.indicators],
        }

    @in_engine_context
    def to_json(self, compact: bool = False) -> str:
        """The result as JSON text, identical byte for byte for the same set and facts (and to ``to_dict``'s).

        Indented by two spaces, ending with a newline; `compact`: on one line, without spaces or the newline, as a
        line of a JSON Lines file.
        """
        from ._result_json import result_json

        return result_json(self, compact)


@record
class Scores:
    """A project's total, grade and the score of each indicator, without the audit trail (`engine.scores_only`)."""

    indicator_set: SetInfo
    total: Decimal
    grade: str
    scores: Mapping[str, Decimal]  # indicator id → score, depth first (a row group's rows after it), as Result.walk()
    warnings: tuple[ScoreWarning, ...] = ()
    flags: Deferred[tuple[Flag, ...]] = Deferred(())  # 需说明, as Result.flags (worded when first read)
    weights: Mapping[str, Decimal] = field(default_factory=dict)  # indicator id → weight used (after rescaling), rows too
    values: Mapping[str, Any] = field(default_factory=dict)  # facts as checked, derived values; reading a failed one raises

    def __hash__(self) -> int:
        # as a Result's: by fields it is compared by; its mappings are not hashable (QA174 F3)
        return hash((self.indicator_set, self.total, self.grade))

    def __repr__(self) -> str:  # as a Result's: short (QA174 F5)
        return f"{type(self).__qualname__}(total={self.total!r}, grade={self.grade!r}, set={_set_named(self)!r})"

    def __getstate__(self) -> dict[str, Any]:
        # the weights, scores and values are read-only views (the weights of the set's own table), which pickle cannot
        # take: they cross a process (or a deepcopy) as copies, read-only again on the other side (QA77 F2: a worker
        # could not return its Scores; QA202 3). Values with a failed derived value are their own read-only mapping.
        state = {name: value.get() if isinstance(value, Later) else value for name, value in self.__dict__.items()}
        for key in _VIEWS:
            if isinstance(state.get(key), MappingProxyType):
                state[key] = dict(state[key])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        for key in _VIEWS:
            if type(state.get(key)) is dict:
                self.__dict__[key] = MappingProxyType(state[key])


#: The mappings a Scores hands out as read-only views.
_VIEWS = ("weights", "scores", "values")


def _set_named(scored: Result | Scores) -> str:
    """The set that scored, as its id@version (a repr never fails, whatever a field holds)."""
    info = scored.indicator_set
    return f"{getattr(info, 'id', info)}@{getattr(info, 'version', '')}"


def _facts(result: Result) -> dict[str, Any]:
    out: dict[str, Any] = {"sha256": result.facts_sha256}
    if result.facts:
        out["values"] = [_fact(f) for f in result.facts]
    return out


def _fact(f: FactValue) -> dict[str, Any]:
    out: dict[str, Any] = {"name": f.name, "type": f.type}
    if f.label:
        out["label"] = f.label
    if f.unit:
        out["unit"] = f.unit
    out["value"] = _record(f.value)
    return out


def _record(value: Any) -> Any:
    """plain_data, and any other frozen record (a fact type added later) as an object of its fields."""
    if (dataclasses.is_dataclass(value) and not isinstance(value, type)
            and not isinstance(value, (Finding, Judgement, TierJudgement))):
        return {f.name: _record(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) is not None and f.metadata.get("written", True)}  # not TargetRow.within
    if isinstance(value, (list, tuple)):
        return [_record(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _record(v) for k, v in value.items()}
    return plain_data(value)


def _warning(w: ScoreWarning) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": w.kind, "message": w.message}
    for key in ("indicator", "fact", "expression"):
        if getattr(w, key) is not None:
            out[key] = getattr(w, key)
    return out


def _derived(d: DerivedValue) -> dict[str, Any]:
    out: dict[str, Any] = {"name": d.name, "expression": d.expression}
    if d.label:
        out["label"] = d.label
    if d.error is not None:
        out["error"] = d.error
    else:
        out["value"] = plain_data(d.value)
    if d.used is not None:  # the report's own value was scored; the formula gave `stated`
        out["used"] = d.used
        out["stated"] = plain_data(d.stated)
    return out


def _indicator(r: IndicatorResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id,
        "name": r.name,
        "level": r.level,
        "weight": r.weight,
        "score": r.score,
        "reason": r.reason,
    }
    if r.declared_weight is not None and r.declared_weight != r.weight:
        out["declared_weight"] = r.declared_weight
    if r.standard:
        out["standard"] = r.standard
    if r.not_applicable is not None:
        out["not_applicable"] = r.not_applicable
    if r.kind is not None:
        out["kind"] = r.kind
        out["rule"] = plain_data(r.rule)
        out["inputs"] = plain_data(r.inputs)
        out["details"] = plain_data(r.details)
        out["deductions"] = [{"points": d.points, "reason": d.reason} for d in r.deductions]
        if r.raw_score is not None:
            out["raw_score"] = r.raw_score
        out["clamped"] = r.clamped
    if r.children:
        out["children"] = [_indicator(c) for c in r.children]
    return out


def plain_data(value: Any) -> Any:
    """Engine values as JSON-shaped data: findings and judgements become objects, dates ISO text; numbers stay as
    written (1.0 stays 1.0). `to_dict` writes a result with it, `diff` a rule as written."""
    if isinstance(value, Mapping):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    if isinstance(value, Finding):
        return {"text": value.text} if value.points is None else {"text": value.text, "points": value.points}
    if isinstance(value, Judgement):
        return {"score": value.score, "reason": value.reason}
    if isinstance(value, TierJudgement):
        return {"tier": value.tier, "score": value.score, "reason": value.reason}
    if isinstance(value, TargetRow):  # a list of target rows a formula reads whole (count(targets.output)): QA58 F2
        from .target_rows import row_document  # rare: not loaded with the package

        return {key: plain_data(item) for key, item in row_document(value).items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return Decimal(float.__repr__(value))
    if isinstance(value, Decimal) and value.is_finite() and value.as_tuple().exponent > 0:  # type: ignore[operator]
        return Decimal(format(value, "f"))  # 1E+1 (a quotient) as to_json writes it, 10: str() of it would give '1E+1'
    return value
