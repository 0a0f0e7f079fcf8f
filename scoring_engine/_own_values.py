"""The engine's own fact values given back as facts: a Result's judgements and findings, read as their written form.

`Result.facts` and `Scores.values` hold a judgement as a `Judgement`, a tier
judgement as a `TierJudgement`, a list as a tuple and a finding as a
`Finding`. A caller who scores a project again from a stored Result (change one
fact, score again) gives them back: each is read, checked and hashed exactly as
the object or list a facts file writes for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._arith import normalised
from ._formula_functions import Finding
from .judgements import Judgement, TargetRow, TierJudgement

__all__ = ["tagged", "written_form"]


def written_form(value: Any) -> Any:
    """`value` as a facts file writes it when it is one of the engine's own objects, else `value` itself.

    >>> written_form(Judgement(Decimal("3.5"), "依据充分"))
    {'score': Decimal('3.5'), 'reason': '依据充分'}
    >>> written_form(Finding("未附发票")), written_form(Finding("超范围", Decimal(2)))
    ('未附发票', {'text': '超范围', 'points': Decimal('2')})
    """
    kind = type(value)
    if kind is Judgement:
        return {"score": value.score, "reason": value.reason}
    if kind is TierJudgement:
        return {"tier": value.tier, "score": value.score, "reason": value.reason}
    if kind is Finding:
        return value.text if value.points is None else {"text": value.text, "points": value.points}
    if kind is TargetRow:
        from .target_rows import row_document

        return row_document(value)
    return value


def tagged(value: Any) -> Any:
    """Values JSON has no type for, as tagged objects (a number written as text stays apart from the text): the facts hash's
    `default`. A tuple is written as a list by JSON itself, and the engine's own objects as their written form."""
    if isinstance(value, Decimal):  # a whole number read from a form (Decimal 200) hashes as a file's 200 does
        kept = normalised(value)  # any zero hashes as 0, whatever exponent a caller gave it
        return int(kept) if kept is not None and kept.as_tuple().exponent == 0 else \
            {"$decimal": format(kept, "f") if kept is not None else str(value)}
    if isinstance(value, datetime.datetime) and value.time() == datetime.time() and value.tzinfo is None:
        return {"$date": value.date().isoformat()}  # a form's date cell, or YAML's 2024-10-31 00:00:00: read as the date
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"$date": value.isoformat()}
    if isinstance(value, Mapping):  # a read-only judgement (MappingProxyType), a ChainMap of facts: scored as a dict is
        return dict(value)
    plain = written_form(value)
    if plain is not value:
        return plain
    raise TypeError(f"{type(value).__name__} cannot be a fact value")
