"""A project's facts, and their check against what the indicator set declares."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ._arith import LARGEST_MAGNITUDE, ZERO
from ._facts_pass import FIX_THE_SHOWN, DeclaredShape, flatten_checked, is_clean, more_values, say_first
from ._own_values import tagged, written_form
from ._frozen import made_frozen
from ._record import record
from ._text import bad_character, invisible_character
from ._undeclared import given_instead, removed_facts, undeclared_warnings, unwritable
from .errors import ADD_THE_FACT, QUOTE_IT, FactsError, Problem, json_path
from ._numpy_values import NUMPY_HINT, nat_takes, pandas_blank
from .fact_values import convert_fact, convert_number, finite, numpy_hint, out_of_range, type_name
from .model import FactSpec, IndicatorSet
from ._row_fit import row_hint, row_problems
from ._self_holding import too_deep

__all__ = ["Facts", "check_facts", "convert_fact", "copied", "kept", "MAX_FACT_MAGNITUDE", "MAX_FACTS_DEPTH", "MAX_FACT_DIGITS"]

#: Largest magnitude of a number fact: far above any amount in 万元 or count, far below overflow.
MAX_FACT_MAGNITUDE = LARGEST_MAGNITUDE
#: Deepest nesting of objects and lists in a facts document (a target row's field sits 4 deep).
MAX_FACTS_DEPTH = 20
#: Most digits of a whole number in a facts file: refused as written, before it is converted (past 4,300 Python refuses).
MAX_FACT_DIGITS = 40
# A facts document with thousands of bad values reports this many, then says how many more.
_SHOWN = 20
# Required facts said missing one by one, as many as a set's problems are (SHOWN_PROBLEMS); then how many more.
_SHOWN_MISSING = 100


@record
class Facts:
    """The facts of one project: values by fact name, indicators marked not applicable, project details.

    `values` may nest (``{"budget": {"paid": 800}}`` reads as ``budget.paid``). `source`, the file they came from as
    problems name it, and `indicator_set` may be given as a Path: each is kept as its text.
    """

    values: Mapping[str, Any]
    not_applicable: Mapping[str, str] = field(default_factory=dict)  # indicator id → reason
    project: Mapping[str, Any] = field(default_factory=dict)
    indicator_set: str | None = None  # a bundled set id or a path, as the facts file names it
    source: str | None = field(default=None, compare=False)
    # the set (id, version and, when recorded, sha256) of the form these facts were imported from, as its side sheet
    # records it (`written_for` of a facts file): not scored nor hashed, compared with the set that scores them
    written_for: Mapping[str, str] | None = field(default=None, compare=False)

    # The mappings a program passes, which it may change: unhashable, said so of Facts, not of a dict (QA174 F3).
    __hash__ = None  # type: ignore[assignment]

    if TYPE_CHECKING:  # the __init__ the record makes, as type checkers see it: a Path taken where it is (QA317 7)
        def __init__(self, values: Mapping[str, Any], not_applicable: Mapping[str, str] = ...,
                     project: Mapping[str, Any] = ..., indicator_set: str | os.PathLike[str] | None = None,
                     source: str | os.PathLike[str] | None = None, written_for: Mapping[str, str] | None = None) -> None: ...

    def __post_init__(self) -> None:
        # a Path, as a program passes a file's name: kept as its text, which problems name and the hash takes (QA127 F1)
        for name in ("source", "indicator_set"):
            given = getattr(self, name)
            if given is not None and type(given) is not str and isinstance(given, os.PathLike):
                object.__setattr__(self, name, os.fsdecode(given))

    def document(self) -> dict[str, Any]:
        """The facts as a facts-file document."""
        doc: dict[str, Any] = {}
        if self.indicator_set is not None:
            doc["indicator_set"] = self.indicator_set
        if self.project:
            doc["project"] = dict(self.project)
        doc["facts"] = dict(self.values)
        if self.not_applicable:
            doc["not_applicable"] = dict(self.not_applicable)
        return doc

    def details(self) -> dict[str, Any]:
        """The project details as a result carries them, a number kept as a fact is (any zero is 0)."""
        return {key: ZERO if isinstance(value, Decimal) and value.is_zero() else value for key, value in self.project.items()}

    @property
    def sha256(self) -> str:
        """Hash of the canonical JSON of the document: the same facts give the same hash from JSON or YAML."""
        canonical = json.dumps(self.document(), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=tagged)
        return hashlib.sha256(canonical.encode()).hexdigest()


# How deep `copied` goes: a document deeper than MAX_FACTS_DEPTH is refused when it is checked, whatever it holds below.
_COPY_DEPTH = MAX_FACTS_DEPTH + 2
#: What a facts document holds that needs no copy to be kept: it cannot change.
_UNCHANGING = frozenset({str, int, bool, float, Decimal, type(None), datetime.date})


def copied(value: Any) -> Any:
    """`value` with every mapping and list in it copied (a mapping as a dict, a list as a list), the rest as it is.

    What was given is then kept as it was: a caller may change or refill its own mapping once `score` returns. Each
    mapping or list is copied once, as copy.deepcopy does (one held twice, or holding itself, is copied so), so that a
    document that refers to itself is refused by the check as it was given, at once.
    """
    kind = type(value)
    if kind in _UNCHANGING:
        return value
    if (kind is dict or kind is list) and _UNCHANGING.issuperset(map(type, value.values() if kind is dict else value)):
        return value.copy()  # the usual: a list of texts, the project
    return _copied(value, {}, 0)


def _copied(value: Any, memo: dict[int, Any], depth: int) -> Any:
    kind = type(value)
    if depth > _COPY_DEPTH:  # deeper than any document the check lets through: refused as it is
        return value
    if kind is tuple:  # a tuple of rows given as mappings (a tuple cannot hold itself but through a list or mapping)
        done = memo.get(id(value))
        if done is None:  # one held in several places stays one, as given, for the bound on parts held twice (QA310 1)
            done = memo[id(value)] = tuple(item if type(item) in _UNCHANGING else _copied(item, memo, depth + 1)
                                           for item in value)
        return done
    if kind is not dict and kind is not list and not isinstance(value, (Mapping, list)):
        return value
    done = memo.get(id(value))
    if done is not None:
        return done
    out: Any = value.copy() if kind is dict else dict(value.items()) if isinstance(value, Mapping) else list(value)
    memo[id(value)] = out
    for key, item in (value.items() if isinstance(out, dict) else enumerate(value)):
        if type(item) not in _UNCHANGING:
            out[key] = _copied(item, memo, depth + 1)
    return out


#: The most values facts given from Python may hold over again, a list, tuple or mapping held in a second place (or in
#: itself) counted again in each, as the checks walk them: about what a facts file of MAX_FACTS_BYTES can hold (a digit
#: and a comma each). Facts that hold each part once are walked once whatever their size, and are not bounded (QA133
#: F1); nor are facts holding values over again up to ten times their own values (QA136 F5: Python itself holds `()`,
#: or a constant tuple in a comprehension, in every place), as the checks walk them in time linear in their size.
MAX_SHARED_VALUES = 500_000
_SHARED_TIMES = 10  # the values facts may hold over again, per value of their own, past MAX_SHARED_VALUES
_SIZE_DEPTH = 64  # the deepest any check walks (an undeclared fact's values: _undeclared)


def _own_size(value: Any) -> int:
    """The values `value` holds, each list, tuple or mapping read once however often it is held, in one pass."""
    seen: set[int] = set()
    count, parts = 1, [value]
    while parts:
        item = parts.pop()
        if isinstance(item, (Mapping, list, tuple)) and id(item) not in seen:
            seen.add(id(item))
            before = len(parts)
            parts.extend(item.values() if isinstance(item, Mapping) else item)
            count += len(parts) - before
    return count


def held_too_often(value: Any, most: int = MAX_SHARED_VALUES) -> tuple[int, int] | None:
    """(the bound, `value`'s own values) when `value` holds more values over again than `most` and than ten times its
    own values (`_own_size`); else None. A list, tuple or mapping met a second time (in another place, or in itself)
    counts every value under it, as the checks would walk it once more.

    Counted once per part and depth, against a bound fixed first, so a document of shared parts (yaml.safe_load of a
    chain of aliases, `d['a'] = d['b'] = d['c'] = d`, `[t] * 1000` of a tuple of 1000) is judged in the time of its
    parts, where the checks would walk it branch by branch: 19 levels of three did not end. A tree (each part held
    once) counts nothing, however large (QA133 F1), and a list holding one small part in each place counts a few times
    its size, as the checks walk it (QA136 F5).
    """
    own = _own_size(value)
    bound = max(most, _SHARED_TIMES * own)
    sizes: dict[tuple[int, int], int] = {}
    seen: set[int] = set()
    repeated = 0

    def size(item: Any, depth: int, within: bool) -> int:  # within: under a part met again, counted where that is
        nonlocal repeated
        if depth > _SIZE_DEPTH or not isinstance(item, (Mapping, list, tuple)):
            return 1
        again = not within and id(item) in seen
        seen.add(id(item))
        found = sizes.get((id(item), depth))
        if found is None:
            found = 1
            for part in item.values() if isinstance(item, Mapping) else item:
                found += size(part, depth + 1, within or again)
                if (found if within or again else repeated) > bound:
                    break
            sizes[(id(item), depth)] = found
        if again:
            repeated += found
        return found

    size(value, 0, False)
    return (bound, own) if repeated > bound else None


def kept(facts: Facts, values: dict[str, Any] | None = None) -> Facts:
    """`facts` with their mappings and lists copied (`values`, when they are copied already): a Result hashes and writes
    them when first read, and the caller may change its own mappings once score returns (QA98 F1)."""
    return made_frozen(Facts, {"values": copied(facts.values) if values is None else values,
                               "not_applicable": copied(facts.not_applicable), "project": copied(facts.project),
                               "indicator_set": facts.indicator_set, "source": facts.source})


#: Where a fact was given: the keys leading to it, ('budget.paid',) or ('budget', 'paid').
Spelling = tuple[str, ...]


def flatten(values: Mapping[str, Any],
            declared: Mapping[str, FactSpec]) -> tuple[dict[str, Any], list[tuple[str, Spelling, Spelling]]]:
    """Dotted names for nested objects, stopping at declared facts (a judgement is an object itself).

    Also returns each name given twice under two spellings (``"budget.paid": 100``
    beside ``budget: {paid: 186.4}``) with both: neither silently wins.

    >>> flatten({"budget": {"paid": 1}, "budget.paid": 2}, {})
    ({'budget.paid': 1}, [('budget.paid', ('budget', 'paid'), ('budget.paid',))])
    """
    flat: dict[str, Any] = {}
    spelled: dict[str, Spelling] = {}
    twice: list[tuple[str, Spelling, Spelling]] = []

    def walk(mapping: Mapping[str, Any], keys: Spelling) -> None:  # depth bounded by MAX_FACTS_DEPTH, checked first
        for key, value in mapping.items():
            path = (*keys, key)
            name = ".".join(path)
            if name not in declared and isinstance(value, Mapping) and value:
                walk(value, path)
            elif name in flat:
                twice.append((name, spelled[name], path))
            else:
                flat[name], spelled[name] = value, path

    walk(values, ())
    return flat, twice


def spelling(keys: Spelling, root: str = "$.facts") -> str:
    """A spelling as a JSON path, a key holding a dot in quotes: $.facts["budget.paid"], $.facts.budget.paid."""
    return root + "".join(f"[{json.dumps(k, ensure_ascii=False)}]" if "." in k else f".{k}" for k in keys)


class NotANumber:
    """A JSON number that cannot be held (NaN, Infinity, 1e99999999999999999999), kept so that the check can name where it is."""

    def __init__(self, written: str, message: str | None = None, hint: str | None = None):
        self.written = written
        self.message = message or f"{written} is not a number"
        self.hint = hint or "JSON has no NaN or infinity: leave out a fact that is not known"


def document_problems(document: Any) -> Iterator[tuple[tuple[str | int, ...], str, str | None]]:
    """(path, message, hint) for values no facts document may hold anywhere, declared or not: nesting deeper than
    MAX_FACTS_DEPTH (a value that holds itself, once), NaN and infinity, numbers out of range, and text with control
    characters or lone surrogates. Each would otherwise crash or garble the report, or be hashed into the provenance.
    Walks without recursion, so a hostile document cannot exhaust the stack.
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    said: set[tuple[str | int, ...]] = set()  # the places a value holds itself, each said once (QA330 F10)
    while stack:
        path, value = stack.pop()
        value = written_form(value)  # a Judgement or Finding of a Result, given back, is checked as written
        if isinstance(value, (Mapping, list, tuple)):
            if len(path) >= MAX_FACTS_DEPTH:
                yield from too_deep(document, path, said, MAX_FACTS_DEPTH)
                continue
            items = list(value.items()) if isinstance(value, Mapping) else list(enumerate(value))
            for key, _ in items:
                if isinstance(value, Mapping) and not isinstance(key, str):
                    kind = "a tuple" if isinstance(key, tuple) else type_name(key)  # a tuple value is a list; a key is not
                    yield path, f"a key is {kind}, not text", "names and ids are text"
                    continue
                bad = bad_character(key) if isinstance(key, str) else None
                if not bad and path[:1] == ("facts",) and isinstance(key, str):  # a fact name: nothing invisible either
                    bad = invisible_character(key)
                    bad = f"fact name {bad}" if bad else None
                if bad:
                    yield (*path, key), bad, "remove it"
            stack.extend(((*path, key), item) for key, item in reversed(items))
        elif isinstance(value, NotANumber):
            yield path, value.message, value.hint
        elif isinstance(value, str):
            bad = bad_character(value)
            if bad:
                yield path, bad, "remove it"
        # a 项目编号 of 18 digits is no amount: in quotes, as text, it reads
        elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and (problem := out_of_range(value)):
            quoted = path[:1] == ("project",) and finite(value)  # a project's NaN is a pandas blank, not a number to quote
            yield path, problem[0], QUOTE_IT if quoted else problem[1]
        elif (blank := pandas_blank(value)) is not None:  # NaT is a datetime: taken as one, writing the result fails
            yield path, *blank


def fact_at(path: tuple[str | int, ...]) -> str | None:
    """The dotted fact name a path into the document points at: ('facts', 'budget', 'paid', 0) → budget.paid."""
    if len(path) < 2 or path[0] != "facts":
        return None
    names = []
    for part in path[1:]:
        if not isinstance(part, str):
            break
        names.append(part)
    return ".".join(names) or None


def _shape_problems(facts: Facts) -> Iterator[tuple[tuple[str | int, ...], str, str | None]]:
    """(path, message, hint) for project details that are not text, a number or a date, and a not_applicable that is no mapping.

    The facts schema says the same for files; this holds for facts given to score() directly.
    """
    # (a plain dict is told first: isinstance against the Mapping ABC costs a call into Python, for every project)
    if type(facts.project) is not dict and not isinstance(facts.project, Mapping):
        yield ("project",), f"project must be an object of details (name, unit, year…), not {type_name(facts.project)}", None
    else:
        for key, value in facts.project.items():  # pandas' NA is said by document_problems, once (QA155 F9)
            if (isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal, datetime.date))) \
                    and pandas_blank(value) is None:
                yield ("project", key), f"a project detail is text, a number or a date, not {type_name(value)}", \
                    "write it as text, or leave it out"
    if type(facts.not_applicable) is not dict and not isinstance(facts.not_applicable, Mapping):
        yield ("not_applicable",), f"not_applicable must map indicator ids to reasons, not {type_name(facts.not_applicable)}", \
            "write {indicator id: reason}"
    named = named_set_problem(facts.indicator_set)  # as a facts file's: a Result naming it could not be written (QA306 2)
    if named is not None:
        yield ("indicator_set",), named, NAME_THE_SET


def named_set_problem(named: object) -> str | None:
    """What is wrong with the set a Facts names (None: nothing, or none named): text, holding no control character or
    lone surrogate, as a facts file's `indicator_set` is."""
    if named is None:
        return None
    return bad_character(named) if type(named) is str else f"indicator_set must be text, got {type_name(named)}"


NAME_THE_SET = "name the set by its id, or by its path as UTF-8 text"


def _not_held_too_often(facts: Facts) -> None:
    too_often = held_too_often((facts.values, facts.project, facts.not_applicable), MAX_SHARED_VALUES)  # as set now
    if too_often:
        bound, own = too_often
        raise FactsError(Problem(f"the facts hold more than {bound} values over again: lists, tuples or mappings held in "
                                 "more than one place, counted in each further place (MAX_SHARED_VALUES, or ten times "
                                 f"the facts' own {own} values if more)", file=facts.source, path="$.facts",
                                 hint="give each list, tuple or mapping once (yaml.safe_load repeats one for each alias), "
                                      "or split the facts"))


def check_facts(indicator_set: IndicatorSet, facts: Facts, not_applicable: frozenset[str] = frozenset(),
                keep: bool = False) -> tuple[dict[str, Any], list[Problem], Facts]:
    """Every fact checked against the set's declarations.

    A required fact may be left out when every indicator that reads it is in
    `not_applicable` (ids of indicators the facts mark as not applicable).

    Returns the engine's values by name, the warnings (undeclared facts) and
    the facts: with `keep`, as `kept` copies them (copied as they are read, in
    the usual case); raises FactsError listing every problem, each naming the
    fact and the indicators that read it.
    """
    declared = indicator_set.facts
    if type(facts.values) is not dict and not isinstance(facts.values, Mapping):
        raise FactsError("facts must be an object of fact names and values", file=facts.source)
    readers = indicator_set.readers()
    problems: list[Problem] = []

    def problem(name: str, message: str, hint: str | None = None, at: str = "") -> None:
        reading = readers.get(name)
        if reading:
            message += f" (read by {', '.join(reading)})"
        problems.append(Problem(message, file=facts.source, fact=name, path=f"$.facts.{name}{at}", hint=hint))

    details_clean = is_clean({"project": facts.project, "not_applicable": facts.not_applicable}, MAX_FACTS_DEPTH)
    shape, excused = _shape_of(indicator_set), lambda name: _excused(name, readers, not_applicable)
    plain_values, copy = (shape.read_kept(facts.values, excused) if keep else (shape.read(facts.values, excused), None)) \
        if details_clean else (None, None)
    if plain_values is not None:  # the usual document, read in one walk: nothing in it to word
        _check_document(facts, declared, problem, problems, clean=True)
        checked, warnings = _with_rows(indicator_set, plain_values, [], problem, problems, not_applicable)
        return checked, warnings, (kept(facts, copy) if keep else facts)
    _not_held_too_often(facts)  # before any walk of them branch by branch; then one pass over the facts: their names,
    given, clean = flatten_checked(facts.values, declared, MAX_FACTS_DEPTH)  # and whether any needs a closer look
    if _check_document(facts, declared, problem, problems, clean and details_clean):  # what the checks below cannot read
        raise FactsError(problems)
    if not clean:  # the pass gives up at a fact given twice under two spellings: flatten says where each is
        given, twice = flatten(facts.values, declared)
        for name, first, again in twice:
            problem(name, f"fact {name} is given twice, at {spelling(first)} and at {spelling(again)}", "keep one of them")
    said = frozenset(p.fact for p in problems)  # a fact out of range, NaN: said once, with every other (QA330 F4)
    given = {name: value for name, value in given.items() if name not in said} if said else given
    values = _values_given(indicator_set, given, readers, not_applicable, problem, problems, facts.source, said)
    for name, kind in unwritable(given, declared):  # ignored, yet hashed and written with the facts
        problem(name, f"fact {name} is not declared by the set and holds a {kind}, which no facts file can",
                NUMPY_HINT if kind.startswith("NumPy ") else _AS_TEXT)
    warnings = undeclared_warnings(given, declared, facts.source, removed_facts(indicator_set))
    checked, warnings = _with_rows(indicator_set, values, warnings, problem, problems, not_applicable)
    return checked, warnings, (kept(facts) if keep else facts)


def _values_given(indicator_set: IndicatorSet, given: Mapping[str, Any], readers: Mapping[str, list[str]],
                  not_applicable: frozenset[str], problem: Callable[..., None], problems: list[Problem],
                  source: str | None, said_already: frozenset[str | None] = frozenset()) -> dict[str, Any]:
    """The engine's value of each declared fact, from those `given` (or its default); each that cannot be read, and the
    required facts missing, said by `problem`: past _SHOWN_MISSING of each, those an indicator reads first, then how
    many more (QA318 F6: 6,000 lines for one mistake; QA325 F3: a value refused was said for each of 2,000 facts)."""
    declared = indicator_set.facts
    values: dict[str, Any] = {}
    missing = [name for name, spec in declared.items() if given.get(name) is None and spec.default is None
               and spec.required and not _excused(name, readers, not_applicable) and name not in said_already]
    said: list[tuple[str, str, str | None, str]] = []  # each fact's problem, in the set's order: (name, message, hint, at)
    refused, absent = list[str](), frozenset(missing)  # the facts whose value is refused; those missing, to look up
    for name, spec in declared.items():
        value = given.get(name)
        if (value is True or value is False) and spec.type == "boolean":
            values[name] = value  # what convert_fact makes of a boolean, without asking it
        elif value is not None:
            try:  # a number as convert_fact makes it, without going through its other types
                values[name] = convert_number(value, spec) if spec.type == "number" else convert_fact(value, spec)
            except ValueError as err:
                message, hint = err.args[0], row_hint(err, indicator_set, name)  # a row's fix names its group's needs
                said.append((name, f"{spec.title}: {message}", numpy_hint(value) or hint, getattr(err, "at", "")))
                refused.append(name)
        elif spec.default is not None:
            values[name] = spec.default
        elif name in absent:
            said.append((name, f"required fact {spec.title} is missing",
                         given_instead(name, given, declared) or ADD_THE_FACT, ""))
    problems += say_first(said, ((refused, FIX_THE_SHOWN), (missing, _ADD_THE_REST)), readers, _SHOWN_MISSING, problem,
                          source)
    return values


_AS_TEXT = "leave it out, or give it as text or a number"
_ADD_THE_REST = "add them to the facts file: scoring-engine template SET --format json writes every fact the set declares"


def _excused(name: str, readers: Mapping[str, list[str]], not_applicable: frozenset[str]) -> bool:
    """Whether required fact `name` may be left out: every indicator that reads it is not applicable."""
    return bool(readers.get(name)) and set(readers[name]) <= not_applicable


def _with_rows(indicator_set: IndicatorSet, values: dict[str, Any], warnings: list[Problem],
               problem: Callable[[str, str, str | None], None], problems: list[Problem],
               not_applicable: frozenset[str]) -> tuple[dict[str, Any], list[Problem]]:
    """`values` and `warnings` once the target rows are checked too; else FactsError with every problem found."""
    for name, message, hint in row_problems(indicator_set, values, not_applicable):
        problem(name, message, hint)
    if problems:
        raise FactsError(problems)
    return values, warnings


def _shape_of(indicator_set: IndicatorSet) -> DeclaredShape:
    """The set's declared facts as a document nests them, made on first use and kept with the set."""
    shape = indicator_set._compiled.get("facts_shape")
    if shape is None:
        shape = indicator_set._compiled.setdefault("facts_shape", DeclaredShape(indicator_set.facts, convert_fact,
                                                                                 MAX_FACTS_DEPTH, convert_number, copied))
    assert isinstance(shape, DeclaredShape)
    return shape


def _check_document(facts: Facts, declared: Mapping[str, FactSpec], problem: Callable[[str, str, str | None, str], None],
                    problems: list[Problem], clean: bool) -> bool:
    """Values no facts document may hold and details of the wrong shape, each named where it is, added to `problems`;
    whether one is what other checks cannot read past (nested too deep, a key not text, too many to list).

    A document the one pass called `clean` holds no such value; the shape of its details is checked all the same.
    """
    parts = {"facts": facts.values, "project": facts.project, "not_applicable": facts.not_applicable}
    problems_left, blocking = itertools.chain(() if clean else document_problems(parts), _shape_problems(facts)), False
    for path, message, hint in problems_left:
        name = fact_at(path)
        while name is not None and name not in declared and "." in name:  # a tier's score: of the fact (QA41 F4)
            name = name.rsplit(".", 1)[0]
        if name is not None and name in declared:
            at, spec = json_path(path).removeprefix(f"$.facts.{name}"), declared[name]
            takes = nat_takes(spec.type, spec.items, at) if message.startswith("pandas NaT") else None  # QA155 F9
            problem(name, f"{spec.title}: {f'pandas NaT is not {takes}' if takes else message}", hint, at)
        else:
            name, at = fact_at(path), json_path(path)
            detail = len(path) == 2 and path[0] in ("project", "not_applicable") and message.startswith("pandas NaT")
            takes = nat_takes(str(path[0]), "", "") if detail else None  # a project detail: no date alone (QA156 F6)
            problems.append(Problem(f"pandas NaT is not {takes}" if takes else message, file=facts.source, path=at,
                                    fact=name, hint=hint))
        if message.startswith((f"nested deeper than {MAX_FACTS_DEPTH}", "a key is ", "holds itself")):
            blocking = True
        if len(problems) >= _SHOWN:  # then how many more (QA325 F3)
            problems += more_values(problems_left, facts.source)
            return True
    return blocking
