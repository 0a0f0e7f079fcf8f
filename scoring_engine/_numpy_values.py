"""Values a program passes from NumPy or pandas (np.int64, np.bool_, an array, NaN in an empty cell): never read as
facts, since their kinds are not the JSON ones a facts file holds, but named as what they are, with how to convert them
(QA98 F7, QA99 F6, QA100 F3). NumPy is never imported: a value is told by the module its type comes from.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NUMPY_HINT", "numpy_name"]

NUMPY_HINT = "convert NumPy values to Python ones first: value.item(), array.tolist(), or df.astype(object) for a pandas frame"


def numpy_name(value: Any) -> str | None:
    """'NumPy int64' for a NumPy value; None for any other.

    >>> numpy_name(type("int64", (), {"__module__": "numpy"})()), numpy_name(3)
    ('NumPy int64', None)
    """
    kind = type(value)
    return f"NumPy {kind.__name__}" if kind.__module__.partition(".")[0] == "numpy" else None
