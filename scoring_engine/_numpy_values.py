"""Values a program passes from NumPy or pandas (np.int64, np.bool_, an array, NaN in an empty cell): never read as
facts, since their kinds are not the JSON ones a facts file holds, but named as what they are, with how to convert them
(QA98 F7, QA99 F6, QA100 F3). NumPy is never imported: a value is told by the module its type comes from.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["NUMPY_HINT", "not_finite_hint", "numpy_name"]

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


def numpy_name(value: Any) -> str | None:
    """'NumPy int64' for a NumPy value; None for any other.

    >>> numpy_name(type("int64", (), {"__module__": "numpy"})()), numpy_name(3)
    ('NumPy int64', None)
    """
    kind = type(value)
    return f"NumPy {kind.__name__}" if kind.__module__.partition(".")[0] == "numpy" else None
