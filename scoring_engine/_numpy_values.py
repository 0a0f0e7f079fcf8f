"""Values a program passes from NumPy or pandas (np.int64, np.bool_, an array, NaN in an empty cell): never read as
facts, since their kinds are not the JSON ones a facts file holds, but named as what they are, with how to convert them
(QA98 F7, QA99 F6, QA100 F3). NumPy is never imported: a value is told by the module its type comes from.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

__all__ = ["NUMPY_HINT", "PANDAS_ROW_HINT", "SERIES_HINT", "is_pandas_row", "kind_of", "nat_takes", "not_finite_hint",
           "numpy_name", "pandas_blank"]

NUMPY_HINT = "convert NumPy values to Python ones first: value.item(), array.tolist(), or df.astype(object) for a pandas frame"
#: A pandas Series given as a fact's value (a list's column): QA330 F10.
SERIES_HINT = "convert a pandas Series to Python values first: series.tolist()"
_NOT_FINITE = "NaN and infinity are not numbers"
#: How a pandas row is given as facts: its empty cells left out, as a mapping (a Series is none: QA317 8).
PANDAS_ROW_HINT = "pass a pandas row as row.dropna().to_dict()"
_WITHOUT_BLANKS = "row.dropna().to_dict()"
# a float NaN comes from a program (a file's NaN is read as no float): most often a pandas frame's empty cell
_PANDAS_BLANK = (f"{_NOT_FINITE}; NaN is how pandas reads an empty cell: leave out the facts whose cells are empty "
                 f"({_WITHOUT_BLANKS})")


def not_finite_hint(value: Any) -> str:
    """The hint for a NaN or an infinity given as a fact's value: a float NaN is said to be a pandas frame's empty cell.

    >>> not_finite_hint(float("inf"))
    'NaN and infinity are not numbers'
    """
    return _PANDAS_BLANK if isinstance(value, float) and math.isnan(value) else _NOT_FINITE


def pandas_blank(value: Any, expected: str = "a date") -> tuple[str, str] | None:
    """(message, hint) for pandas' NaT or NA, how it reads an empty cell of a date column or a nullable one; None for
    any other value. NaT is a datetime that has no date: taken as one, it would fail only when the result is written
    (QA153 F1). NA is no value of any kind; NaT is said to be no date, or what a declared fact takes (`expected`: "a
    number", QA155 F9).

    >>> pandas_blank(type("NaTType", (), {"__module__": "pandas.api.typing"})())[0], pandas_blank(None)
    ('pandas NaT is not a date', None)
    """
    kind = type(value)
    if kind.__module__.partition(".")[0] != "pandas" or kind.__name__ not in ("NaTType", "NAType"):
        return None
    word = kind.__name__.removesuffix("Type")
    return (f"pandas {word} is not {expected}" if word == "NaT" else f"pandas {word} is not a value"), \
        f"{word} is how pandas reads an empty cell: leave out the facts whose cells are empty ({_WITHOUT_BLANKS})"


#: What a declared fact takes, by its type, or a field of its value by its key (a judgement's tier and score, a finding's
#: points and text): said of pandas' NaT given for it (it is no date, nor any other value: QA155 F9).
_TAKES = {"number": "a number", "integer": "a number", "boolean": "true or false", "string": "text", "list": "a list",
          "judgement": "an evaluator's judgement", "tier": "an evaluator's judgement", "score": "a number",
          "points": "a number", "text": "text"}
#: What an item of a list fact takes, by the list's items; what a field of a target row takes (QA156 F6).
_ITEM_TAKES = {"number": "a number", "finding": "text", "target": "a target row"}
_ROW_TAKES = {"target": "a number or text", "actual": "a number or text", "weight": "a number", "score": "a number",
              "tier": "an evaluator's judgement"}
#: What a project detail (any key) and an indicator marked not applicable (its reason) take.
_DETAIL_TAKES = {"project": "text, a number or a date", "not_applicable": "text"}


def nat_takes(kind: str, items: str, at: str) -> str | None:
    """What the place `at` (a JSON path after the fact's name, "" for the fact itself) of a declared fact of type `kind`
    (a list's `items`) takes, or a project detail or a not applicable's reason (`kind` "project" or "not_applicable",
    `at` ""): said of pandas' NaT given there. None where a date goes, or where no one kind of value does.

    >>> nat_takes("list", "target", "[0].actual"), nat_takes("list", "number", "[2]"), nat_takes("project", "", "")
    ('a number or text', 'a number', 'text, a number or a date')
    """
    if not at:
        return _TAKES.get(kind, _DETAIL_TAKES.get(kind))
    last = at.rpartition(".")[2]
    if "[" in last:  # an item of a list fact, or something nested deeper than a field
        return _ITEM_TAKES.get(items) if kind == "list" and last == at and at.count("[") == 1 else None
    if kind == "list" and items == "target":
        return _ROW_TAKES.get(last, "text")  # name, unit, category, reason…: text
    return _TAKES.get(last)


def numpy_name(value: Any) -> str | None:
    """'NumPy int64' for a NumPy value; None for any other.

    >>> numpy_name(type("int64", (), {"__module__": "numpy"})()), numpy_name(3)
    ('NumPy int64', None)
    """
    kind = type(value)
    return f"NumPy {kind.__name__}" if kind.__module__.partition(".")[0] == "numpy" else None


def is_pandas_row(value: Any) -> bool:
    """Whether `value` is a pandas Series (a DataFrame's row, as df.iloc[0] or iterrows give it), told by its type's
    module as NumPy values are, without importing pandas.

    >>> is_pandas_row(type("Series", (), {"__module__": "pandas.core.series"})()), is_pandas_row({})
    (True, False)
    """
    kind = type(value)
    return kind.__name__ == "Series" and kind.__module__.partition(".")[0] == "pandas"


def kind_of(value: Any) -> str:
    """What kind of value a row field holds, in words (never a Python type name): a list, a mapping, text…"""
    if isinstance(value, (Mapping, list, tuple, str, int, float, Decimal)):  # a bool is an int
        return ("a mapping" if isinstance(value, Mapping) else "a list" if isinstance(value, (list, tuple)) else "text"
                if isinstance(value, str) else "a true/false value" if isinstance(value, bool) else "a number")
    numpy = numpy_name(value)  # a DataFrame's column: np.int64
    return f"a {numpy}" if numpy else "a value of another kind"
