"""One fact's raw value as the engine holds it, by the type the set declares: a number, a date, text, a list of findings,
a judgement; or ValueError(message, hint) saying what is wrong with it, and where in the value (`[1]`, `.score`)."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ._arith import in_range, normalised, plain, too_many_digits
from ._own_values import written_form
from ._text import listing
from ._finding_points import points_said
from ._several_findings import count_heading, holds_several
from ._no_finding import is_remark, list_number_only, names_nothing, names_what_follows, says_none
from .errors import did_you_mean
from .formulas import Finding
from .judgements import Judgement, TierJudgement
from ._numpy_values import NUMPY_HINT, SERIES_HINT, is_pandas_row, not_finite_hint, numpy_name, pandas_blank
from .model import FactSpec
from .target_rows import target_row
from ._time_units import day_of
from ._patterns import compile_later

__all__ = ["convert_fact", "convert_number", "finite", "giant_int_words", "numpy_hint", "out_of_range", "out_of_range_words",
           "type_name"]

# Longest text read as a number ('86.5%', '1,234.56'): longer text is no number a form holds.
_LONGEST_NUMBER_TEXT = 30


def convert_number(value: Any, spec: FactSpec) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}", "write the number itself")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a number, got {value}", not_finite_hint(value))
        value = Decimal(float.__repr__(value))
    elif isinstance(value, int):
        if (giant := giant_int_words(value)) is not None:  # before Decimal(), whose time grows as the square of the digits
            raise ValueError(*giant)
        value = Decimal(value)
    elif isinstance(value, str):
        meant = _looks_like(value, spec)
        said = f"expected a number, got {'empty ' if not value.strip() else ''}text {_short(value)!r}"
        raise ValueError(said + (f", which looks like {meant}" if meant else ""),
                         "write a plain number without quotes, commas, % or units")
    if not isinstance(value, Decimal) or not value.is_finite():
        shown = _brief(value) if isinstance(value, Decimal) else type_name(value)  # None is no word (QA45 F12)
        raise ValueError(*(pandas_blank(value, "a number") or (f"expected a number, got {shown}", numpy_hint(value))))
    number = normalised(value)  # any zero is 0, whatever exponent it was written with
    if number is None:
        raise ValueError(*out_of_range_words(value))
    if refused := too_many_digits(str(number), number):  # a Decimal a program passes (files are checked as they are read)
        raise ValueError(*refused)
    if spec.min is not None and number < spec.min:
        raise ValueError(f"{plain(number)} is below the minimum {plain(spec.min)}", None)
    if spec.max is not None and number > spec.max:
        hint = "this fact is a ratio: write 0.86, not 86" if spec.max == 1 and number <= 100 else None
        raise ValueError(f"{plain(number)} is above the maximum {plain(spec.max)}", hint)
    return number


def _looks_like(text: str, spec: FactSpec) -> str | None:
    """The number a text probably stands for ('1,182.33' → 1182.33; '86%' → 0.86 for a ratio), to name in the error.

    Only ever shown to the user: a guessed value is never scored.
    """
    written = unicodedata.normalize("NFKC", text).strip()  # full-width digits and ％
    if spec.unit and written.endswith(spec.unit):
        written = written[: -len(spec.unit)].strip()
    percent = written.endswith("%")
    written = written.rstrip("%").strip()
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", written, re.ASCII):
        written = written.replace(",", "")  # thousands separators
    elif re.fullmatch(r"[-+]?\d+,\d{1,2}", written, re.ASCII):
        written = written.replace(",", ".")  # a decimal comma
    if len(written) > _LONGEST_NUMBER_TEXT or not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d)?", written, re.ASCII):
        return None
    number = Decimal(written)
    if not percent:
        return plain(number)
    if spec.max == 1:
        return plain(number / 100)
    if spec.max is not None and spec.max >= 10 and spec.unit in (None, "", "分"):  # 95% of a 百分制 score is 95 (QA284 F3)
        return f"{plain(number)}%, that is {plain(number / 100 * spec.max)} on a scale of {plain(spec.max)}"
    return f"{plain(number)}%, that is {plain(number / 100)} as a ratio"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:40] + "…"


def _brief(value: Any) -> str:
    """A value for a message, in words, never Python's (['按比例'], datetime.date(2024, 1, 1): QA91 F1), cut short: a
    facts file may hold a megabyte of text where a number belongs."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime.datetime):
        return f"the date and time {value.isoformat(' ')}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):  # cut inside its quotes, which close it: the message's words never run into it (QA296 F5)
        return f"text {value[:50]!r}" if len(value) <= 50 else f"text {(value[:50] + '…')!r}"
    if isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        shown = plain(value)  # 0, not Decimal('0')
    else:
        return type_name(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be non-empty text", numpy_hint(value))
    return value


@lru_cache(maxsize=1024)
def _points_of(name: str) -> FactSpec:
    """How the numbers inside fact `name` (a score, a finding's points, a row's target) are checked: 0 or more."""
    return FactSpec(name, "number", min=Decimal(0))


class _Inside(ValueError):
    """A ValueError(message, hint) of a part of a fact's value, with where in the value (`[1]`, `.score`)."""

    def __init__(self, err: ValueError, at: str) -> None:
        super().__init__(*err.args)
        self.at = at + getattr(err, "at", "")


def _item(convert: Any, i: int, value: Any, spec: FactSpec) -> Any:
    """Item `i` of a list fact converted, a problem of it said at `[i]`: the third of five experts' scores."""
    try:
        return convert(value, spec)
    except ValueError as err:
        raise _Inside(err, f"[{i}]") from None


def _judged_score(value: Mapping[str, Any], spec: FactSpec) -> Decimal:
    if "score" not in value:
        raise ValueError("missing score", "write {score: …, reason: …}")
    try:
        return convert_number(value["score"], _points_of(spec.name))
    except ValueError as err:  # said at the score, of the fact (QA41 F4)
        raise _Inside(err, ".score") from None


def _only_keys(value: Any, keys: tuple[str, ...], required: tuple[str, ...]) -> Mapping[str, Any]:
    if type(value) is dict and len(value) == len(required) and all(k in value for k in required):
        return value  # the usual: the keys required, and no others
    shape = "{" + ", ".join(f"{k}: …" for k in required) + "}"
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object {shape}, got {type_name(value)}", None)
    extra = sorted(set(value) - set(keys))
    if extra:
        raise ValueError(f"unknown key {extra[0]!r}", f"write {shape}")
    missing = [k for k in required if k not in value]
    if missing:
        raise ValueError(f"missing {missing[0]}", f"write {shape}")
    return value


def convert_fact(value: Any, spec: FactSpec) -> Any:
    """The engine's value for a raw fact value, or ValueError(message, hint)."""
    kind = spec.type
    if kind in ("number", "integer"):
        number = convert_number(value, spec)
        if kind == "integer" and number != number.to_integral_value():
            raise ValueError(f"expected a whole number, got {plain(number)}", None)
        return number
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {_brief(value)}",
                             numpy_hint(value) or "write true or false without quotes")
        return value
    if kind == "string":
        if isinstance(value, bool):  # YAML 1.1: no, yes, on, off; or a form's TRUE cell, or JSON's true (QA91 F6)
            raise ValueError(f"expected text, got {str(value).lower()}",
                             "write it as text (in a YAML file, YAML reads no, yes, on and off as false or true unless quoted)")
        if not isinstance(value, str):  # [按比例] is no text in quotes either: its brackets go
            raise ValueError(f"expected text, got {_brief(value)}", "write the text alone, without [ ] or { }" if isinstance(
                value, (list, tuple, Mapping)) else "write it as text (in a YAML or JSON file, in quotes)")
        if not value.strip():
            raise ValueError("expected text, got empty text", "leave the fact out if it is not known, or write its value")
        value = next((meant for written, meant in spec.aliases if written == value.strip()), value)  # 分档 for bands
        if spec.values is not None and value not in spec.values:  # told with the words it may be written as too (分档)
            words = [*spec.values, *(written for written, _ in spec.aliases)]
            hint = did_you_mean(value, words, show=repr) or _one_of(words)
            raise ValueError(f"{_brief(value).removeprefix('text ')} is not an allowed value", hint)
        return value
    if kind == "date":
        return _date(value)
    if kind == "list":
        if not isinstance(value, (list, tuple)):  # a tuple: as a Result holds a list, given back
            raise ValueError(f"expected a list, got {type_name(value)}", "write [ … ], [] when there is nothing")
        if spec.items == "number":
            return tuple(_item(convert_number, i, v, spec) for i, v in enumerate(value))  # said at the item (QA276 F4)
        if spec.items == "target":
            return tuple(target_row(i, item) for i, item in enumerate(value))
        findings = []
        for i, item in enumerate(map(written_form, value)):  # a Finding of a Result, given back, as written
            try:
                findings.append(_finding(item, spec))
            except ValueError as err:  # said at the item: one of 30 findings (QA41 F3)
                raise _Inside(err, f"[{i}]") from None
        return tuple(findings)
    if kind == "judgement":
        value = _only_keys(written_form(value), ("score", "reason"), ("score", "reason"))
        return Judgement(_judged_score(value, spec), _text(value["reason"], "reason"))
    if kind == "tier":
        value = _only_keys(written_form(value), ("tier", "score", "reason"), ("tier", "score", "reason"))
        return TierJudgement(_text(value["tier"], "tier"), _judged_score(value, spec), _text(value["reason"], "reason"))
    raise ValueError(f"unknown fact type {kind}", None)


def _date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):  # a form's date cell is one at midnight; a time of day would be cut off
        if blank := pandas_blank(value):  # NaT, a datetime with no date and no time
            raise ValueError(*blank)
        if value.time() == datetime.time() and value.tzinfo is None:
            return value.date()
        raise ValueError(f"expected a date YYYY-MM-DD, got the date and time {value}", "give the date alone")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        if (spelled := _ISO_DATE.fullmatch(value)) is not None:  # 2024-11-31: written right, no such day (QA272 F6)
            raise ValueError(f"there is no date {value}", _no_such_day(*map(int, spelled.groups())))
    raise ValueError(f"expected a date YYYY-MM-DD, got {_brief(value)}", _date_fix(value))


_ISO_DATE = compile_later(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits: ２０２４-１０-３１ is no date misspelt (QA276 F2)
#: a date spelt otherwise, once full-width digits are read as theirs and spaces around it dropped: 20241231, 2024/12/31,
#: 2024年12月31日, 2024-1-5, and a program's 2024-10-31T00:00:00 (QA276 F2)
_SPELLED_DATES = (compile_later(r"([0-9]{4})([0-9]{2})([0-9]{2})"), compile_later(r"([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})"),
                  compile_later(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"),
                  compile_later(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]00:00(?::00)?)?"))


def _no_such_day(year: int, month: int, day: int) -> str:
    """Which part of a date written YYYY-MM-DD is wrong: the month, or the day past the month's last."""
    if year < 1:
        return "write e.g. 2020-11-30"
    if not 1 <= month <= 12:
        return "the month is from 01 to 12"
    following = datetime.date(year + (month == 12), month % 12 + 1, 1) if year < 9999 or month < 12 else None
    last = (following - datetime.timedelta(days=1)).day if following is not None else 31
    return f"{year}-{month:02d} has {last} days: check the day"


def _date_fix(value: Any) -> str:
    """How to write a date given otherwise: the date itself when the value spells one (20241231, as a number, as text
    or typed in a form's date-formatted cell; 2024/12/31), else an example (QA177 F2)."""
    written = plain(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else value
    # decimal digits alone (any script's, as Decimal reads them; not ⁴⁵³¹¹ or ①②③④⑤: QA315 2)
    lost = day_of(Decimal(written)) if isinstance(written, str) and written.isdecimal() and len(written) == 5 else None
    if lost is not None:  # a date whose cell lost its format: the number a spreadsheet keeps for it (QA308 6)
        return f"{written} is a spreadsheet's day number of {lost.isoformat()}: write the date as {lost.isoformat()}"
    for spelling in _SPELLED_DATES if isinstance(written, str) and len(written) <= 40 else ():
        if found := spelling.fullmatch(unicodedata.normalize("NFKC", written).strip()):
            try:
                return f"write the date as {datetime.date(*map(int, found.groups())).isoformat()}"
            except ValueError:  # 20241331: no date
                break
    return "write e.g. 2020-11-30"


def _finding(item: Any, spec: FactSpec) -> Finding:
    if isinstance(item, str):
        return _own_points(_no_none(_text(item, "a finding")), None)
    if not isinstance(item, Mapping):
        raise ValueError(f"expected a finding, got {type_name(item)}",
                         numpy_hint(item) or "write it as text, or as {text: …, points: …}")
    entry = _only_keys(item, ("text", "points"), ("text",))
    try:
        points = convert_number(entry["points"], _points_of(spec.name)) if "points" in entry else None
    except ValueError as err:
        raise _Inside(err, ".points") from None
    return _own_points(_no_none(_text(entry["text"], "a finding's text")), points)


def _own_points(text: str, points: Decimal | None) -> Finding:
    """The finding; one whose text notes its points (提前支付工程款（扣2.5分）) is the finding as written, the note checked
    against the set's standard when it is scored (_finding_points). A note with no finding before it, or beside other
    points given, is refused: what was found, or which points are meant, cannot be told."""
    said = points_said(text)
    if said is None:
        alone = points_said("，" + text)  # 扣1分 alone: a note of points with no finding before it (QA288 F2)
        if alone is not None and not alone[1]:
            raise ValueError(f"the finding {_brief(text)} says its points but not what was found",
                             "write what was found before its points")
        return Finding(text, points)
    stated, rest = said
    if points is not None and points != stated:
        raise ValueError(f"the finding says 扣{plain(stated)}分 and its points are {plain(points)}",
                         "give the points once: in points, or at the end of the text")
    if not rest:
        raise ValueError(f"the finding {_brief(text)} says its points but not what was found",
                         "write what was found before its points")
    if points_said(rest) is not None:  # 未附发票（扣1分）（扣2分）: which is meant cannot be told (QA284 F2)
        raise ValueError(f"the finding {_brief(text)} says its points twice", "give its points once, at the end of the text")
    _no_none(rest)  # 无（扣1分）, 经检查：（扣1分）: read as what is left once the note is cut off (QA273 F8)
    return Finding(text, points)


def _no_none(text: str) -> str:
    """A finding's text, unless it says there is none (无, 未发现问题, 资料齐全), which a form's cell may say but an item
    of the list may not: counted as a finding, it cost points in silence (QA260 F1)."""
    if says_none(text):
        raise ValueError(f"not a finding: {_brief(text)} says there is none", "leave this item out; [] when there is none")
    if list_number_only(text):  # "1.": a list's number, its finding never written (QA267 F3)
        raise ValueError(f"not a finding: {_brief(text)} is only the number of a list's item",
                         "write the finding after its number, or leave this item out")
    if names_what_follows(text):  # "经检查：": a heading of the findings, none of them (QA270 F3)
        raise ValueError(f"not a finding: {_brief(text)} only says how the work was checked",
                         "write what was found, or leave this item out")
    if names_nothing(text):  # 。, ？, *: no word of a finding (QA278 F1)
        raise ValueError(f"not a finding: {_brief(text)} names nothing", "write what was found, or leave this item out")
    if is_remark(text):  # 以上问题已整改, 共计扣2分: of the findings, none of them (QA284 F1)
        raise ValueError(f"not a finding: {_brief(text)} is a remark on the findings, a total or a signature",
                         "write what was found, or leave this item out")
    if count_heading(text) is not None:  # 存在2处问题：, 2处: how many, never which (QA277 F1)
        raise ValueError(f"not a finding: {_brief(text)} only says how many findings there are",
                         "write each finding as an item of its own, or leave this item out")
    if holds_several(text):  # 1.未附发票 2.超标准列支, 存在2处问题：未附发票、超标准列支: each may cost points (QA277 F1)
        raise ValueError(f"{_brief(text)} holds several findings in one item", "write each finding as an item of its own")
    return text


def type_name(value: Any) -> str:
    """What a value is, in words, for a message (never its repr: it may be large, or a Python object)."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "empty (null)"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, datetime.date):  # a YAML date, a form's date cell (QA91 F2)
        return "a date and time" if isinstance(value, datetime.datetime) else "a date"
    if numpy := numpy_name(value):  # np.int64, np.bool_ from a pandas row: not 'expected a number, got int64' (QA98 F7)
        return f"a {numpy}"
    if is_pandas_row(value):  # a frame's column, given as a list fact (QA330 F10)
        return "a pandas Series"
    return {str: "text", int: "a number", float: "a number", Decimal: "a number"}.get(type(value), type(value).__name__)


def numpy_hint(value: Any) -> str | None:
    """How to give a NumPy value (a pandas row's) as the Python value it stands for; None for any other value."""
    return NUMPY_HINT if numpy_name(value) else SERIES_HINT if is_pandas_row(value) else None


#: Whole numbers longer than this are out of range whatever their digits (MAX_FACT_MAGNITUDE is about 2**50)
_MOST_INT_BITS = 64


def giant_int_words(value: int) -> tuple[str, str] | None:
    """The message and hint for a whole number far out of range, told from its size in bits alone (str() and Decimal()
    of a giant int take time that grows as the square of its digits; str() refuses past 4300); None for any other."""
    if value.bit_length() <= _MOST_INT_BITS:
        return None
    digits = int((value.bit_length() - 1) * 0.30103) + 1  # exact but for a power of ten crossed (QA310 6: 41 for 40)
    exact = value.bit_length() < 100_000  # told apart at a cost bounded by the bound; past it, about so many
    digits += exact and abs(value) >= 10 ** digits
    said = f"a number of {'' if exact else 'about '}{digits} digits is out of range (MAX_FACT_MAGNITUDE is 1e15)"
    return said, "check the digits"


def finite(value: int | float | Decimal) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else isinstance(value, int) or math.isfinite(value)


def out_of_range(value: int | float | Decimal) -> tuple[str, str] | None:
    """The message and hint for a number given as a fact that is out of range or not finite; None for one in range."""
    if not finite(value):
        return f"{value} is not a finite number", not_finite_hint(value)  # in a text field too: a pandas blank
    if isinstance(value, int) and (giant := giant_int_words(value)) is not None:
        return giant
    number = Decimal(float.__repr__(value)) if isinstance(value, float) else Decimal(value)
    if not in_range(number):
        return out_of_range_words(number)
    return too_many_digits(str(number), number)


def out_of_range_words(written: object) -> tuple[str, str]:
    """The message and hint for a number out of range, the number cut short (it may have been written with a million digits)."""
    shown = str(written)
    shown = shown if len(shown) <= 40 else f"{shown[:20]}…({len(shown)} characters)"
    return f"{shown} is out of range (MAX_FACT_MAGNITUDE: under 1e15 in size, 1e-15 at least)", "check the unit and the digits"


#: The allowed values a hint lists at most; the rest are counted (2,800 values made a hint of 431 KB: QA203 4).
MAX_VALUES_LISTED = 20


def _one_of(values: Sequence[str]) -> str:
    """The hint listing a fact's allowed values: all of them, or the first MAX_VALUES_LISTED and how many more (a count in
    no language's words, so the hint's translation holds), each value kept whole for the Chinese (QA223 2)."""
    listed = list(values) if len(values) <= MAX_VALUES_LISTED else \
        [*values[:MAX_VALUES_LISTED], f"… (+{len(values) - MAX_VALUES_LISTED})"]
    return listing("one of: " + ", ".join(listed), listed)
