"""Fact values in the form a facts file writes them: what `import` writes and the form's side sheet carries."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..formulas import Finding
from ..judgements import Judgement, TargetRow, TierJudgement
from ..target_rows import row_document

__all__ = ["fact_document", "naming_the_set"]


def naming_the_set(document: dict[str, Any], set_ref: str | None, folder: Path) -> tuple[dict[str, Any], Problem | None]:
    """The facts document `import` writes into `folder`, naming its set so that `score` finds it from there: a bundled
    set by its id; a set file inside `folder` by its path from there. A file elsewhere cannot be named (a facts file
    names sets inside its folder only): the document keeps the set's id, and the problem says to give --set."""
    from ..loader import bundled_sets

    bundled = bundled_sets()
    named = document.get("indicator_set")
    if set_ref is None or set_ref in bundled:
        return document, None
    try:
        if named in bundled and Path(set_ref).resolve() == bundled[named].resolve():
            return document, None  # the bundled set's own file, given by its path
        inside = Path(set_ref).resolve().relative_to(folder.resolve())
    except (OSError, ValueError):
        if named in bundled:  # an edited copy that kept the bundled id: scored as it stands, the bundled set would count
            return document, Problem(f"the facts file names its set by the id {named}, which is the bundled set's, not "
                                     "this file's", hint=f"score it with --set {set_ref}")
        return document, Problem(f"the facts file names its set by the id {named}, which is not bundled, as the set's "
                                 "file is not in its folder", hint=f"score it with --set {set_ref}")
    return {**document, "indicator_set": inside.as_posix()}, None


def fact_document(value: Any) -> Any:
    """A fact's engine value written back as a facts file holds it (a finding as text or {text, points}, a row as its keys)."""
    if isinstance(value, TargetRow):
        return row_document(value)
    if isinstance(value, Finding):
        return value.text if value.points is None else {"text": value.text, "points": value.points}
    if isinstance(value, TierJudgement):
        return {"tier": value.tier, "score": value.score, "reason": value.reason}
    if isinstance(value, Judgement):
        return {"score": value.score, "reason": value.reason}
    if isinstance(value, (list, tuple)):
        return [fact_document(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): fact_document(v) for k, v in value.items()}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return Decimal(float.__repr__(value))
    return value
