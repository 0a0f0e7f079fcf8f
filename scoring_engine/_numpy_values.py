"""Values a program passes from NumPy or pandas (np.int64, np.bool_, an array, NaN in an empty cell): never read as
facts, since their kinds are not the JSON ones a facts file holds, but named as what they are, with how to convert them
(QA98 F7, QA99 F6, QA100 F3). NumPy is never imported: a value is told by the module its type comes from.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["NUMPY_HINT", "not_finite_hint", "numpy_name", "pandas_blank"]

NUMPY_HINT = "convert NumPy values to Python ones first: value.item(), array.tolist(), or df.astype(object) for a pandas frame"
_NOT_FINITE = "NaN and infinity are not numbers"
# a float NaN comes from a program (a file's NaN is read as no float): most often a pandas frame's empty cell
_PANDAS_BLANK = f"{_NOT_FINITE}; NaN is how pandas reads an empty cell: leave out the facts whose cells are empty (row.dropna())"


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
        f"{word} is how pandas reads an empty cell: leave out the facts whose cells are empty (row.dropna())"


def numpy_name(value: Any) -> str | None:
    """'NumPy int64' for a NumPy value; None for any other.

    >>> numpy_name(type("int64", (), {"__module__": "numpy"})()), numpy_name(3)
    ('NumPy int64', None)
    """
    kind = type(value)
    return f"NumPy {kind.__name__}" if kind.__module__.partition(".")[0] == "numpy" else None
