"""What every rule kind shares: the record it registers, the shapes it returns, and small helpers.

A kind module defines one `RuleKind`: its parameter class (checked when the set
loads), its scoring function, its reason templates, its explain steps with the
detail keys they show, and its Chinese name. The engine, the reasons table and
`explain` find everything about a kind through `RULE_KINDS`.
"""

from __future__ import annotations

import decimal

from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, Protocol, Self, TypeVar

from .._arith import Rounding, carried_up, exact, fixed, percent, plain, round_half_up, to_decimal, uncarried_places
from .._record import record
from ..errors import ScoringError
from ..formulas import Finding, Formula
from ..model import Rule

__all__ = [
    "MAX_FINDINGS_COUNT",
    "RULE_KINDS",
    "Amount",
    "Deduction",
    "FactView",
    "LazyMapping",
    "Outcome",
    "Params",
    "RuleKind",
    "RuleSpec",
    "Story",
    "Template",
    "equation_rate",
    "shown_later",
    "unambiguous",
    "units_words",
]


# ---------------------------------------------------------------- what scoring returns


@record
class Deduction:
    """Points taken off, and why."""

    points: Decimal
    reason: str


_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Outcome(NamedTuple):
    """A rule's raw score with everything needed to audit it."""

    score: Decimal
    reason: str  # key of a reason template (reasons.TEMPLATES)
    fields: Mapping[str, object] = _NOTHING  # for the reason template
    details: Mapping[str, Any] = _NOTHING  # the values in between
    deductions: Sequence[Deduction] = ()  # a tuple, or one worked out when read (rules/_deductions.settle_later)


class OnFirstRead:
    """A value made by `make(*args, **named)` when it is first read, then kept: what the lazy containers share.

    A module-level function and its arguments, not a closure: a run leaves
    dozens of these, and a result someone keeps holds them all, so each is one
    object for the garbage collector to look at, not a function, its cells and
    their tuple. Two threads may both make it: the same value either way.
    """

    __slots__ = ("_args", "_made", "_make", "_named")

    def __init__(self, make: Callable[..., Any], *args: Any, **named: Any):
        self._make = make
        self._args = args
        self._named = named
        self._made: Any = None

    def _value(self) -> Any:
        made = self._made
        if made is None:
            made = self._made = self._make(*self._args, **self._named)
        return made


class LazyMapping(OnFirstRead, Mapping[str, Any]):
    """Fields or details worked out only when they are read (for a reason or the audit): scoring alone never formats them.

    >>> later = LazyMapping(dict, rate="86.00%")
    >>> later["rate"], dict(later)
    ('86.00%', {'rate': '86.00%'})
    """

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        return self._value()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._value())

    def __len__(self) -> int:
        return len(self._value())


#: Below this size every way a reason shows a number (percent, 10 decimals at most) fits the decimal context.
_SAFE_TO_SHOW = 15


def shown_later(numbers: tuple[Decimal | None, ...], make: Callable[..., Mapping[str, Any]], *args: Any,
                **named: Any) -> Mapping[str, Any]:
    """`make(*args, **named)`, the reason fields, worked out when read; now, if one of `numbers` is too large for that to be sure
    to work.

    Showing a number that large fails (the decimal context has 28 digits): it
    must fail while scoring, as an error for the indicator, not when the reason is read.
    """
    for n in numbers:
        if n is not None and not (n.is_finite() and n.adjusted() < _SAFE_TO_SHOW):
            return make(*args, **named)
    later = _new(LazyMapping)  # LazyMapping(make, *args, **named) without packing the arguments again: every rule makes one
    later._make, later._args, later._named, later._made = make, args, named, None
    return later


_new = object.__new__


def equation_rate(rate: Decimal, scored: Callable[[Decimal], Decimal]) -> str:
    """A rate as a percentage for a reason whose equation gives the score from it: two decimals, or as many more (up to
    ten) as make the equation hold on paper. 50 × 12.35% = 6.175 rounds to 6.18, but the score of a rate of 12.345% is
    6.17, so it is shown as 12.345%; 10 × 88.850000% would give 8.89 where 88.84999999% gives the 8.88 scored (QA48 F1).
    A rate no decimals can show so (127 ÷ 1200 = 10.58333…%, whose 6 × gives 0.635 exactly, 0.64) is marked ≈.
    Nor is a rate rounded up onto a shorter number (89.995% is not 90.00%, beside a 需说明 of a rate under 90%: QA60 F5).

    >>> equation_rate(Decimal("0.12345"), lambda r: round_half_up(50 * r, 2)), equation_rate(Decimal("0.86"), lambda r: r)
    ('12.345%', '86.00%')
    >>> equation_rate(Decimal("0.89995"), lambda r: round_half_up(10 * r, 2))
    '89.995%'
    """
    score = scored(rate)
    shown = on_paper(rate * 100, lambda shown: scored(shown / 100) == score, 2, _MOST_RATE_PLACES)
    if shown is None:
        return "≈" + percent(rate, _SHOWN_RATE_PLACES)
    return f"{fixed(shown, 2) if shown == round_half_up(shown, 2) else plain(shown)}%"


def on_paper(value: Decimal, holds: Callable[[Decimal], bool], first: int, most: int) -> Decimal | None:
    """`value` rounded to the fewest decimals, from `first` to `most`, that make the equation it is printed in hold on
    paper (`holds`), never carried up onto a shorter number it falls short of; None where none do. A reason shows that
    number, or, where there is none, the value marked ≈ (a rate in an equation, a rescaled score's 计算值)."""
    for places in range(first, most + 1):
        shown = round_half_up(value, places)
        if holds(shown) and not carried_up(value, places):
            return shown
    return None


_MOST_RATE_PLACES = 10
_SHOWN_RATE_PLACES = 6  # a rate no decimals show exactly enough, rounded as other values with more decimals are


class Template(NamedTuple):
    """A reason sentence: its default text and the fields it may use besides the common ones."""

    text: str
    fields: tuple[str, ...]


# ---------------------------------------------------------------- what a kind sees


class RuleSpec(Protocol):
    """What a parameter class needs from the loader while it checks a rule as written."""

    weight: Decimal | None  # None when unknown: a row group's rule (each row brings its own) or a broken weight
    rows: bool  # the rule scores the rows of a row group
    rounding: Rounding  # the set's rounding (precision, stages, elements), as this rule uses it

    def label(self, name: str) -> str | None:
        """The label the set gives fact or derived value `name`, for reasons (None when it has none)."""

    def formula(self, *path: str | int, required: bool = True, gives: str | None = None) -> Formula | None:
        """Compile the formula at `path` inside the rule; None if absent or broken (problem recorded), or when it is
        known to give a value other than `gives` ("number" or "condition") wants."""

    def fact(self, *path: str | int, types: tuple[str, ...]) -> str | None:
        """The declared fact named at `path`, if it has one of `types`; None otherwise (problem recorded)."""

    def problem(self, message: str, *path: str | int, hint: str | None = None) -> None:
        """Record a problem at `path` inside the rule."""

    def rule(self, *path: str | int) -> Rule[Any] | None:
        """Check the rule nested at `path` (for kinds built from other rules); None if broken (problem recorded)."""


class FactView(Protocol):
    """What a scoring function may read: fact and derived values, through formulas or by name."""

    def value(self, formula: Formula) -> Any: ...

    def number(self, formula: Formula, what: str) -> Decimal: ...

    def fact(self, name: str) -> Any: ...


class Story(Protocol):
    """What a kind's explain steps read: the rule as written, what scoring recorded, and ways to show both."""

    @property
    def spec(self) -> Mapping[str, Any]:
        """The rule as written in the set."""

    @property
    def details(self) -> Mapping[str, Any]:
        """The values in between that the scoring function recorded."""

    @property
    def weight(self) -> Decimal:
        """The indicator's weight."""

    @property
    def raw_score(self) -> Decimal | None:
        """The rule's score before clamping and rounding."""

    @property
    def raw(self) -> str:
        """The raw score as shown."""

    def value(self, name: str) -> Any:
        """The value of fact or derived value `name` as the indicator read it (None if it read none)."""

    def sub(self, expression: str) -> str:
        """The expression with each name it reads replaced by its value."""

    def title(self, expression: str) -> str:
        """A fact as the facts read are listed, with its label ('资金使用合规性问题（findings.compliance）'); any other
        expression as written."""

    def value_line(self, key: str, what: str) -> str:
        """'<what> <key> = <expression> = <numbers> = <result>' for the formula at `key` of the rule."""

    def show(self, value: Any) -> str:
        """A value as the rule displays it (a percentage under ``display: percent``)."""

    def variant(self, spec: Mapping[str, Any], details: Mapping[str, Any]) -> Story:
        """The story of a rule inside this one (a chosen variant), which tells `details` from here on (but for the keys
        this story's steps show)."""

    def tell(self) -> list[str]:
        """The steps of this story's rule, then every detail they do not show, as it is."""


class Params(Protocol):
    """A kind's checked parameters: built once when the set loads, read when scoring."""

    @classmethod
    def build(cls, spec: Mapping[str, Any], b: RuleSpec) -> Self | None:
        """The parameters of `spec`, or None when it is broken (each problem recorded through `b`)."""

    @property
    def reads(self) -> frozenset[str]:
        """The fact and derived names the rule reads."""


# ---------------------------------------------------------------- the registry

P = TypeVar("P", bound=Params)


@record
class RuleKind(Generic[P]):
    """A rule kind, whole: everything the loader, the engine, the reasons table and `explain` need of it."""

    name: str  # as written in a set: ``kind: bands``
    chinese_name: str  # as explain names it: 分档计分
    params: type[P]  # checks the rule as written when the set loads
    score: Callable[[P, Decimal, FactView], Outcome]  # (params, weight, facts) → raw score; no side effects
    templates: Mapping[str, Template]  # the reason keys its outcomes use
    steps: Callable[[Story], list[str]]  # the steps of its computation, told from the recorded details
    shown: frozenset[str]  # the detail keys its steps show (explain lists any other as it is)
    # Where the rule writes points out of its weight, as (list or mapping key, key of each item): a profile that
    # rescales the indicator scales them too. An item key "*" means each item is a rule of its own (switch).
    points: tuple[tuple[str, str], ...] = ()
    # The fields holding rules of their own (switch's rules, a mapping of them; equal's otherwise, one): a rule the
    # schema refused something inside one of is still checked, and its siblings too, when its kind's is (QA166 F2).
    nests: frozenset[str] = frozenset()
    # Where its formulas are written, as paths into the rule ("*": each item of a list): a profile's own are checked
    # for the language even when the set it extends cannot be merged, so that a slip is told in the same run.
    formulas: tuple[tuple[str, ...], ...] = ()
    # The parameters made ready to score at a weight known when the set loads (an indicator's own): the work that
    # depends on the weight alone, done once per set. The scoring function must still take any other weight.
    at_weight: Callable[[P, Decimal], P] | None = None


#: kind name → kind, in the order the schema and the docs list them; filled by the package's __init__.
RULE_KINDS: dict[str, RuleKind[Any]] = {}


# ---------------------------------------------------------------- helpers for the kinds


def reads(*formulas: Formula | None) -> frozenset[str]:
    """The names the given formulas read."""
    names: set[str] = set()
    for f in formulas:
        if f is not None:
            names |= f.names
    return frozenset(names)


class Amount(NamedTuple):
    """Points, or a share of a whole that is known only when scoring (a row's weight, an element's points).

    Kept as an exact fraction, so that a share of 1/3 of 3 points is 1 point, not 0.999…. Made by `amount_of`.
    """

    value: Fraction
    is_share: bool
    # The value as a Decimal when that is exact (0.25, 2): then amounts are Decimal products, which are faster.
    decimal: Decimal | None = None

    def of(self, whole: Decimal) -> Decimal:
        if self.decimal is not None:
            return self.decimal * whole if self.is_share else self.decimal
        return to_decimal(self.value * Fraction(whole) if self.is_share else self.value)

    def exactly(self, whole: Fraction) -> Fraction:
        """The amount of an exact whole, as a fraction (for the checks that parts add up to the whole)."""
        return self.value * whole if self.is_share else self.value


def amount_of(value: Fraction, is_share: bool) -> Amount:
    """An Amount of `value`, with its Decimal form when that is exact."""
    as_decimal = to_decimal(value)
    return Amount(value, is_share, as_decimal if as_decimal == value else None)


def amount(spec: Mapping[str, Any], b: RuleSpec, *path: str | int, points: str = "points", share: str = "share",
           required: bool = True) -> Amount | None:
    """An amount given as points or as a share: exactly one of the two keys."""
    given = [k for k in (points, share) if k in spec]
    if len(given) > 1 or (required and not given):
        b.problem(f"give exactly one of {points} or {share}", *path)
        return None
    if not given:
        return None
    if points in spec and b.rows:
        b.problem(f"rules of a row group give {share}, not {points}: each row has its own weight", *path, points)
        return None
    worth = amount_of(exact(spec[given[0]]), given[0] == share)
    if worth.is_share and worth.value > 1:
        b.problem(f"{share} {spec[share]} is above 1 (the whole)", *path, share)
        return None
    return worth


def fraction(spec: Mapping[str, Any], key: str) -> Fraction | None:
    """A share written as a number or a fraction (1/3), exactly; None when the key is not written."""
    return None if key not in spec else exact(spec[key])


def units_words(units: Any, unit: str) -> str:
    """How a rule's `units` (exact, whole, started) counts a part of one `unit` (个单位, 步), in the words of explain:
    '不足一步的按一步计', not the option word 'units: started' (QA209 3)."""
    counted = {"whole": "不计", "started": f"按一{unit}计"}.get(str(units), "按比例计")
    return f"不足一{unit}的{counted}"


def as_shown(value: Decimal, display: str, places: int = 2) -> str:
    """A value as a reason shows it: a percentage with `places` decimals, or a number with at most `places` decimals."""
    return percent(value, places) if display == "percent" else plain(round_half_up(value, places))


def unambiguous(value: Decimal, display: str, bounds: tuple[Decimal | None, ...], places: int) -> str:
    """The value with enough decimals not to print as a bound or target it is not (94.995% is not 95.00%; 4.0000001
    is not 4).

    Percentages start at two decimals, or as many more as keep a rate from being carried up onto a shorter number
    (89.995% is not 90.00%, beside a 需说明 of a rate under 90%), numbers at the set's precision (`places`).
    """
    first = uncarried_places(value * 100, 2) if display == "percent" else places
    for kept in range(first, first + 16, 2):  # 89.999999999999% of 10¹² 万元 is told from 90% only far out
        try:
            text = as_shown(value, display, kept)
        except decimal.InvalidOperation:  # more digits than the engine holds: the value itself is shown
            break
        if not any(b is not None and b != value and as_shown(b, display, kept) == text for b in bounds):
            return text
    return f"{plain(value * 100)}%" if display == "percent" else plain(value)


def shower(display: str, places: int = 2) -> Callable[[Decimal], str]:
    """A value as one rule shows it: a percentage with two decimals, or a number at the set's precision (`places`)."""
    return lambda value: as_shown(value, display, 2 if display == "percent" else places)


def row_unit(facts: FactView) -> str | None:
    """The unit of the target row being scored ('%' for a rate), or None outside a row group or when it has none."""
    try:
        unit = facts.fact("row.unit")
    except ScoringError:  # not a row, or a row without a unit
        return None
    return unit if isinstance(unit, str) else None


#: Largest count of findings given as a number (a list of findings is bounded by the facts file's size instead).
MAX_FINDINGS_COUNT = 1000


def _finding(item: Any, formula: Formula) -> Finding:
    """One item of a list fact as a finding: a finding, a text, a number; target rows are no findings (QA58 F3: they
    ended in an internal error)."""
    if isinstance(item, Finding):
        return item
    if isinstance(item, str):
        return Finding(item)
    if isinstance(item, (Decimal, int)) and not isinstance(item, bool):
        return Finding(plain(item))
    raise ScoringError(f"findings must be a list of findings (text) or a whole count, not a list of "
                       f"{'target rows' if type(item).__name__ == 'TargetRow' else type(item).__name__}",
                       expression=formula.text, hint="give a list fact of findings (type: list), or count() of the rows")


def findings(value: Any, formula: Formula) -> tuple[Finding, ...]:
    """A list fact as findings; a count as numbered findings without text."""
    if isinstance(value, tuple):
        return tuple(_finding(v, formula) for v in value)
    if isinstance(value, Decimal) and value >= 0 and value == value.to_integral_value():
        if value > MAX_FINDINGS_COUNT:  # each finding is listed: a count of 1e15 would never finish
            raise ScoringError(f"a count of {plain(value)} findings is above {MAX_FINDINGS_COUNT} (MAX_FINDINGS_COUNT)",
                               expression=formula.text, hint="check the count")
        return tuple(Counted(f"问题{i + 1}") for i in range(int(value)))
    raise ScoringError("findings must be a list fact or a whole count of 0 or more", expression=formula.text)


class Counted(Finding):
    """A finding a count stands for, named 问题N by the engine: no text of its own, which keyword_points never reads."""
