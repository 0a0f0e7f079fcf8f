"""The one pass over a facts document that every scoring makes: the facts by dotted name, and whether all is well.

`facts.check_facts` asks `flatten_checked` for the flattened facts (what
`facts.flatten` gives) and, in the same walk, whether `facts.document_problems`
would find anything: a value of a kind it checks (text, a number, a list, an
object) that holds a control character, a number out of range, nesting past
the bound, a fact name holding an invisible character; and whether
`facts.flatten` would find a fact given twice under two spellings
(``"budget.paid"`` beside ``budget: {paid: …}``). The answer is quick and
cautious: anything this pass does not know (a float, a tuple, a key that is
not text, a name that is not all printable) counts as "look closer", and then
document_problems walks the document and words every problem, and flatten
names both places of a fact given twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from itertools import repeat
from operator import is_, itemgetter
from decimal import Decimal
from typing import Any

from ._arith import LARGEST_MAGNITUDE as _LARGEST
from ._arith import SMALLEST_MAGNITUDE as _SMALLEST
from ._arith import CONTEXT
from ._arith import in_range, within_precision
from ._formula_functions import Finding
from ._no_finding import is_remark, list_number_only, names_nothing, names_what_follows, says_none
from ._several_findings import numbered_inline, said_count
from ._frozen import made_frozen
from ._text import has_bad_character
from .errors import Problem
from .judgements import Judgement, TierJudgement

_date = datetime.date.fromisoformat

__all__ = ["DeclaredShape", "FIX_THE_SHOWN", "flatten_checked", "is_clean", "more_values", "say_first"]

#: What a facts document past its first problems of a kind is told (facts._values_given, facts._check_document).
FIX_THE_SHOWN = "correct those shown and check the file again: the rest are listed then"

# A number a document may hold is 0, or between SMALLEST_MAGNITUDE and MAX_FACT_MAGNITUDE in size: any int below this.
_INT_LIMIT = 10**15


def flatten_checked(values: Mapping[str, Any], declared: Mapping[str, Any], max_depth: int, prefix: str = "",
                    depth: int = 1) -> tuple[dict[str, Any], bool]:
    """`facts.flatten`'s dotted names of `values`, and whether the values are clean: one pass for both.

    `depth` is that of `values` in the facts document (1 for its facts). At
    `max_depth` the walk stops: such a document is not clean, nor is one that
    gives a fact twice (the names then hold the last of the two).
    """
    if depth >= max_depth:
        return {}, False
    clean = type(values) is dict
    flat: dict[str, Any] = {}
    for key, value in values.items():
        if type(key) is not str:  # a key that is not text: let document_problems look
            clean = False
        name = f"{prefix}{key}"
        if name not in declared and isinstance(value, Mapping) and value:
            inner, inner_clean = flatten_checked(value, declared, max_depth, name + ".", depth + 1)
            clean = clean and inner_clean and flat.keys().isdisjoint(inner)  # else a name given twice
            flat.update(inner)
            continue
        if name in flat:  # given twice under two spellings
            clean = False
        flat[name] = value
        if not clean:
            continue
        kind = type(value)  # the values most documents hold, told here; the rest by is_clean
        if kind is str:
            clean = not has_bad_character(value)
        elif kind is int:
            clean = -_INT_LIMIT < value < _INT_LIMIT
        elif kind is Decimal:
            clean = value.is_finite() and in_range(value) and within_precision(value)
        elif kind is not bool and value is not None:
            clean = is_clean(value, max_depth, depth + 1)
    if depth == 1:  # every key read on the way is in a dotted name: their characters are looked at once, here
        clean = clean and "".join(flat).isprintable()  # no control, invisible or other hidden character in a fact name
    return flat, clean


def is_clean(value: Any, max_depth: int, depth: int = 0) -> bool:
    """Whether document_problems finds nothing in `value` (at `depth` in its document); False also when unsure."""
    kind = type(value)
    if kind is dict or kind is list:
        if depth >= max_depth or (kind is dict and not _clean_keys(value)):
            return False
        for item in value.values() if kind is dict else value:
            # the values most documents hold told here, without a call each; the rest by is_clean
            item_kind = type(item)
            if item_kind is bool or item is None:
                continue
            if item_kind is str:
                if has_bad_character(item):
                    return False
            elif item_kind is int:
                if not -_INT_LIMIT < item < _INT_LIMIT:
                    return False
            elif item_kind is Decimal:
                if not (item.is_finite() and in_range(item) and within_precision(item)):
                    return False
            elif not is_clean(item, max_depth, depth + 1):
                return False
        return True
    if kind is str:
        return not has_bad_character(value)
    if kind is bool or value is None or kind is datetime.date:
        return True
    if kind is int:
        return bool(-_INT_LIMIT < value < _INT_LIMIT)
    if kind is Decimal:
        return bool(value.is_finite() and in_range(value) and within_precision(value))
    return False


def _clean_keys(mapping: dict[Any, Any]) -> bool:
    try:
        return "".join(mapping).isprintable()  # no control or invisible character in a key (a fact name, at any depth)
    except TypeError:  # a key that is not text: let document_problems look
        return False


# How a declared fact's usual values are read in the walk (DeclaredShape._walk), by its type.
_OTHER, _BOOLEAN, _NUMBER, _INTEGER, _LIST, _FINDINGS, _DATE, _JUDGEMENT, _TIER = range(9)
_GIVE_UP = object()  # what DeclaredShape.value gives for a value read the long way
_ALWAYS_GIVE_UP = repeat(_GIVE_UP)
# Documents read by the walk before the shape's own reader is compiled (compiling costs more than one CLI run gains).
GENERIC_READS = 16
# Kinds of fact whose value, when the one walk reads it, is never a list or a mapping (it gives up at one).
_NEVER_HELD = frozenset({_BOOLEAN, _NUMBER, _INTEGER, _DATE})
# The compiled reader's test for a value read as `value` reads it and made only of what cannot change (so copied by its
# own copy()): a judgement as _judged takes it, findings as _findings do; the value read, or None.
_PLAIN_HELD = {_JUDGEMENT: "J(v, False) if type(v) is dict", _TIER: "J(v, True) if type(v) is dict",
               _FINDINGS: "F(v) if type(v) is list and v"}
_HOW = {"boolean": _BOOLEAN, "number": _NUMBER, "integer": _INTEGER, "list": _LIST, "date": _DATE,
        "judgement": _JUDGEMENT, "tier": _TIER}


class DeclaredShape:
    """A set's declared facts nested as a facts document writes them, to read a plain document in one walk.

    Most documents are plain: every fact declared, given once as nested
    objects, clean, and of its type. `read` walks such a document once and
    converts each fact as it meets it, with no dotted names to build and no
    second loop. At anything else it gives up (None), and the caller takes the
    long way (`flatten_checked`, then each declared fact), which words every
    problem: what is read either way is the same.

    `convert` and `number` (the same for a number fact, sooner) give a fact's
    value as the engine keeps it, or raise ValueError for one that does not fit.
    """

    def __init__(self, declared: Mapping[str, Any], convert: Callable[[Any, Any], Any], max_depth: int,
                 number: Callable[[Any, Any], Any], copied: Callable[[Any], Any] = lambda value: value):
        self.declared = tuple(declared.items())
        self.names = [name for name, _ in self.declared]
        # what a read begins `found` with, in the order declared: each fact's default, _GIVE_UP for one without
        self.defaults = {name: _GIVE_UP if spec.default is None else spec.default for name, spec in self.declared}
        self.no_default = [name for name, spec in self.declared if spec.default is None]
        self.required = frozenset(name for name, spec in self.declared if spec.required)
        # their values in `found`, read in one call (a tuple, even of one)
        self.undefaulted = (itemgetter(*self.no_default, self.no_default[0]) if self.no_default else None)
        self.max_depth = max_depth
        self.copied = copied
        self.reads = 0
        self.reader: Callable[[dict[Any, Any], dict[str, Any]], Any] | None = None  # _compiled_reader's, once made
        self.kept_reader: Callable[[dict[Any, Any], dict[str, Any]], Any] | None = None  # the one that also copies
        # key → a nested shape (dict), or the declared fact written under that key: (name, spec, its converter, how its
        # usual values are read, its min and max)
        self.root: dict[str, Any] = {}
        for name, spec in self.declared:
            if not name.isprintable():  # read the long way, which words what is wrong with it
                continue
            *path, last = name.split(".")
            shape = self.root
            for key in path:
                inner = shape.setdefault(key, {})
                if type(inner) is not dict:  # a declared fact is named by this prefix and is read whole, as flatten does
                    break
                shape = inner
            else:
                # a declared name is read whole, even where longer names go on below it
                how = _HOW.get(spec.type, _OTHER)
                if how == _LIST and spec.items == "finding":
                    how = _FINDINGS
                shape[last] = (name, spec, number if how == _NUMBER else convert, how, spec.min, spec.max)

    def read(self, values: Any, excused: Callable[[str], bool]) -> dict[str, Any] | None:
        """The engine's value of every declared fact, by name in the order declared, or None: take the long way.

        A fact left out takes its default; a required one left out is read the
        long way (which says it is missing) unless `excused(name)`.
        """
        found = self.defaults.copy()
        reader = self.reader
        if reader is None:
            self.reads += 1
            if self.reads > GENERIC_READS:  # (two threads may both compile it: either reader reads alike)
                self.reader = reader = _compiled_reader(self.root, self.max_depth, self.value)
        if type(values) is not dict or not (reader(values, found) if reader else self._walk(values, self.root, 1, found)):
            return None
        return self._completed(found, excused)

    def read_kept(self, values: Any, excused: Callable[[str], bool]) -> tuple[dict[str, Any] | None, dict[Any, Any] | None]:
        """`read`, and the document copied as it is read (its mappings and lists: what `facts.copied` gives) when the
        reader is compiled and reads it; else None for the copy, which the caller then makes itself."""
        if self.reader is None:
            return self.read(values, excused), None
        reader = self.kept_reader
        if reader is None:  # (two threads may both compile it: either reader reads alike)
            self.kept_reader = reader = _compiled_reader(self.root, self.max_depth, self.value, self.copied)
        found = self.defaults.copy()
        copy: dict[Any, Any] | bool = reader(values, found) if type(values) is dict else False
        if copy is False or copy is True:
            return None, None
        completed = self._completed(found, excused)
        return completed, copy if completed is not None else None

    def _completed(self, found: dict[str, Any], excused: Callable[[str], bool]) -> dict[str, Any] | None:
        """The facts found, in the order declared, with the defaults of those left out; None for a required one left out
        that is not `excused`."""
        # the usual: every fact found or defaulted (told by identity, in C: a record's __eq__ is not called)
        if self.undefaulted is None or not any(map(is_, self.undefaulted(found), _ALWAYS_GIVE_UP)):
            return found
        for name in self.no_default:
            if found[name] is _GIVE_UP:
                if name in self.required and not excused(name):
                    return None
                del found[name]
        return found

    def _walk(self, values: dict[Any, Any], shape: dict[str, Any], depth: int, found: dict[str, Any]) -> bool:
        if depth >= self.max_depth:
            return False
        for key, value in values.items():
            entry = shape.get(key) if type(key) is str else None
            if entry is None:  # not declared (or written dotted, or a key that is not text)
                return False
            if type(entry) is dict:
                if type(value) is not dict or not value or not self._walk(value, entry, depth + 1, found):
                    return False
                continue
            kept = self.value(entry, value, depth)
            if kept is _GIVE_UP:
                return False
            found[entry[0]] = kept
        return True

    def value(self, entry: tuple[Any, ...], value: Any, depth: int) -> Any:
        """The engine's value of a declared fact (`entry` of the shape) found at `depth`, or _GIVE_UP."""
        _, spec, convert, how, low, high = entry
        kind = type(value)
        # the values most facts hold, kept as convert keeps them: a boolean, a number in range and bounds, no items
        if how == _BOOLEAN:
            if kind is bool:
                return value
        elif how in (_NUMBER, _INTEGER):
            if kind is int:
                if -_INT_LIMIT < value < _INT_LIMIT and (low is None or value >= low) and (high is None or value <= high):
                    return Decimal(value)
            elif kind is Decimal and how == _NUMBER and value.is_finite():
                size = value.copy_abs()
                if (_SMALLEST <= size < _LARGEST and (low is None or value >= low) and (high is None or value <= high)
                        and within_precision(value)):
                    return value
        elif how in (_LIST, _FINDINGS):
            if kind is list and not value:
                return ()
            if how == _FINDINGS and kind is list and depth + 1 < self.max_depth:
                findings = _findings(value)
                if findings is not None:
                    return findings
        elif how == _DATE:
            if kind is str and len(value) == 10:
                try:  # as convert keeps it: text that is no date is read the long way, which words it
                    return _date(value)
                except ValueError:
                    return _GIVE_UP
        elif how in (_TIER, _JUDGEMENT):
            judged = _judged(value, how == _TIER) if kind is dict and depth + 1 < self.max_depth else None
            if judged is not None:
                return judged
        # the rest as flatten_checked looks and convert converts (a number is range-checked as it converts)
        if not (kind is Decimal or kind is int) and (value is None or not is_clean(value, self.max_depth, depth + 1)):
            return _GIVE_UP
        try:
            return convert(value, spec)
        except ValueError:
            return _GIVE_UP


def _compiled_reader(root: dict[str, Any], max_depth: int, value: Callable[[tuple[Any, ...], Any, int], Any],
                     copied: Callable[[Any], Any] | None = None) -> Callable[[dict[Any, Any], dict[str, Any]], Any]:
    """`DeclaredShape._walk` from the root, written out for this shape and compiled: it looks up each declared key in
    turn instead of each key of the document in the shape, and takes a boolean as it is, with no call. It accepts and
    reads exactly what the walk does: a level must hold only declared keys (as many as it found), each value as
    `value` reads it. The source holds no name from the set: keys, names and entries are read from a tuple by index.
    With `copied`, it also copies the document as it reads it and returns the copy (False when it gives up): each level
    by dict.copy, each list or mapping a fact holds by `copied`, so that nothing is walked twice.
    """
    constants: list[Any] = []
    lines = ["def read(d1, found):", *(["    k1 = d1.copy()"] if copied else [])]

    def level(shape: dict[str, Any], depth: int, pad: str) -> None:
        if depth >= max_depth:  # as the walk, which gives up at a level this deep
            lines.append(f"{pad}return False")
            return
        lines.append(f"{pad}n{depth} = 0")
        for key, entry in shape.items():
            constants.append(key)
            lines.extend([f"{pad}v = d{depth}.get(C[{len(constants) - 1}], M)", f"{pad}if v is not M:",
                          f"{pad}    n{depth} += 1"])
            if type(entry) is dict:
                lines.extend([f"{pad}    if type(v) is not dict or not v:", f"{pad}        return False",
                              f"{pad}    d{depth + 1} = v"])
                if copied:
                    lines.append(f"{pad}    k{depth + 1} = k{depth}[C[{len(constants) - 1}]] = v.copy()")
                level(entry, depth + 1, pad + "    ")
                continue
            at = len(constants) - 1
            constants.append(entry)
            inner = pad + "    "
            plain = _PLAIN_HELD.get(entry[3]) if copied and depth + 1 < max_depth else None
            if plain is not None:  # a plain judgement or findings of text, read as such, holds only what cannot change
                lines.extend([f"{inner}w = {plain} else None", f"{inner}if w is not None:",
                              f"{inner}    k{depth}[C[{at}]] = v.copy()", f"{inner}    found[C[{at + 1}][0]] = w",
                              f"{inner}else:"])
                inner += "    "
            if copied and entry[3] not in _NEVER_HELD:  # a list or a mapping a fact holds may change: copied
                lines.extend([f"{inner}if type(v) is list or type(v) is dict:",  # an empty list, the usual findings: []
                              f"{inner}    k{depth}[C[{at}]] = CP(v) if v else type(v)()"])
            lines.extend(_reading(entry, at + 1, depth, inner))
        lines.extend([f"{pad}if n{depth} != len(d{depth}):  # a key not declared", f"{pad}    return False"])

    level(root, 1, "    ")
    lines.append("    return k1" if copied else "    return True")
    namespace: dict[str, Any] = {"C": tuple(constants), "M": _GIVE_UP, "value": value, "D": Decimal, "L": _INT_LIMIT,
                                 "S": _SMALLEST, "G": _LARGEST, "P": CONTEXT.plus, "CP": copied, "J": _judged,
                                 "F": _findings}
    exec(compile("\n".join(lines), "<declared facts>", "exec"), namespace)  # no text of the set is in the source
    reader: Callable[[dict[Any, Any], dict[str, Any]], Any] = namespace["read"]
    return reader


def _reading(entry: tuple[Any, ...], at: int, depth: int, pad: str) -> list[str]:
    """The lines that read `v`, the value of the declared fact C[at] (`entry`), into `found`: its usual values as
    `DeclaredShape.value` reads them, written out (a boolean, a number in range and bounds, no items), the rest by it."""
    how, low, high = entry[3], entry[4], entry[5]
    bounds = (" and v >= C[at][4]" if low is not None else "") + (" and v <= C[at][5]" if high is not None else "")
    usual = {_BOOLEAN: ["if type(v) is bool:", "    pass"],
             _INTEGER: [f"if type(v) is int and -L < v < L{bounds}:", "    v = D(v)"],
             _NUMBER: [f"if type(v) is int and -L < v < L{bounds}:", "    v = D(v)",
                       f"elif type(v) is D and v.is_finite() and S <= v.copy_abs() < G{bounds} and P(v) == v:", "    pass"],
             _LIST: ["if type(v) is list and not v:", "    v = ()"],
             _FINDINGS: ["if type(v) is list and not v:", "    v = ()"]}.get(how, ["if False:", "    pass"])
    return [pad + line.replace("C[at]", f"C[{at}]") for line in
            [*usual, "else:", f"    v = value(C[{at}], v, {depth})", "    if v is M:", "        return False",
             f"found[C[{at}][0]] = v"]]


def _findings(items: list[Any]) -> tuple[Finding, ...] | None:
    """A list fact of findings written as text, as convert keeps it; None for anything else (read the long way)."""
    for item in items:
        if type(item) is not str or not (_plain_short(item) if len(item) <= _KEPT_LENGTH else _plain(item)):
            return None
    return tuple([made_frozen(Finding, {"text": item, "points": None}) for item in items])


#: Findings texts of at most this many characters whose reading `_findings` keeps, per process (as _no_finding keeps
#: what a short text says): a portfolio's findings repeat, and each is asked nine questions
_KEPT_LENGTH = 200


def _plain(item: str) -> bool:
    """Whether a finding's text is one `_findings` takes as it is: not refused, nor a note of points or a remark."""
    return not (not item.strip() or has_bad_character(item) or says_none(item) or list_number_only(item)
                or names_what_follows(item) or said_count(item) is not None or numbered_inline(item)
                or names_nothing(item) or "扣" in item or is_remark(item))  # (提前支付工程款（扣2.5分）): the long way


_plain_short = lru_cache(maxsize=4096)(_plain)


def _judged(value: dict[Any, Any], tiered: bool) -> Judgement | TierJudgement | None:
    """A judgement {score, reason} or {tier, score, reason} as convert keeps it, when it is plain: text that is
    clean and not empty, a score in range and not below 0. None for anything else (read the long way)."""
    if len(value) != (3 if tiered else 2):
        return None
    score, reason = value.get("score"), value.get("reason")
    tier = value.get("tier") if tiered else "-"
    if (type(reason) is not str or type(tier) is not str or not reason.strip() or not tier.strip()
            or has_bad_character(reason) or has_bad_character(tier)):
        return None
    if type(score) is int and 0 <= score < _INT_LIMIT:
        score = Decimal(score)
    elif not (type(score) is Decimal and score.is_finite() and _SMALLEST <= score < _LARGEST):
        return None
    return made_frozen(TierJudgement, {"tier": tier, "score": score, "reason": reason}) if tiered else \
        made_frozen(Judgement, {"score": score, "reason": reason})




def say_first(said: list[tuple[str, str, str | None, str]], kinds: tuple[tuple[list[str], str], ...],
              readers: Mapping[str, Any], most: int, say: Callable[..., None], source: str | None) -> list[Problem]:
    """`said` (each fact's problem: name, message, hint, where), by `say`, in its order; of each kind of problem (the
    facts holding a value refused, the required facts missing: names, the hint for the rest), past `most`, those an
    indicator reads first (QA322: a cap of 20 hid the one fact a rule reads behind facts nothing reads); then the lines
    counting the others (QA318 F6, QA325 F3)."""
    told = set().union(*(names if len(names) <= most else sorted(names, key=lambda name: not readers.get(name))[:most]
                         for names, _ in kinds))  # (a stable sort)
    for name, message, hint, at in said:
        if name in told:
            say(name, message, hint, at)
    counted = ((_MORE_REFUSED, _ONE_MORE_REFUSED), (_MORE_MISSING, _ONE_MORE_MISSING))
    return [Problem(counted[i][len(names) - most == 1].format(count=len(names) - most), file=source, path="$.facts",
                    hint=hint) for i, (names, hint) in enumerate(kinds) if len(names) > most]


def more_values(rest: Iterator[Any], source: str | None) -> list[Problem]:
    """The line counting the values no facts document can hold past those listed (`rest`: the problems not listed), or
    none: 20 lines were printed and nothing of the 1,980 after them (QA325 F3)."""
    more = sum(1 for _ in rest)
    said = "1 more value no facts document can hold" if more == 1 else f"{more} more values no facts document can hold"
    return [Problem(said, file=source, hint=FIX_THE_SHOWN)] if more else []


_MORE_REFUSED = "{count} more facts hold a value the set refuses"
_MORE_MISSING = "{count} more required facts are missing"
_ONE_MORE_REFUSED = "1 more fact holds a value the set refuses"  # (not "1 more facts hold": QA327)
_ONE_MORE_MISSING = "1 more required fact is missing"
