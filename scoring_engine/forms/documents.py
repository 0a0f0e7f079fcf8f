"""Fact values in the form a facts file writes them: what `import` writes and the form's side sheet carries."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..formulas import Finding
from ..model import IndicatorSet
from ..judgements import Judgement, TargetRow, TierJudgement
from ..target_rows import row_document

__all__ = ["fact_document", "naming_the_set", "set_named_from"]


def set_named_from(folder: Path, indicator_set: IndicatorSet) -> str | None:
    """How a facts document in `folder` names `indicator_set` so that `score` finds it from there: a bundled set (its own
    file too) by its id; a set file inside `folder` by its path from there; None for a file elsewhere, which a facts
    file cannot name (it names sets inside its folder only). A form's facts name their set as the facts file `import`
    writes beside the form does, so that the two hash alike (QA205 4)."""
    from ..loader import bundled_sets

    bundled = bundled_sets().get(indicator_set.id)
    source = indicator_set.source
    try:
        if source is None or (bundled is not None and Path(source).resolve() == bundled.resolve()):
            return indicator_set.id
        return Path(source).resolve().relative_to(folder.resolve()).as_posix()
    except (OSError, RuntimeError, ValueError):  # a loop of links (Path.resolve's RuntimeError): the write says so
        return None


def naming_the_set(document: dict[str, Any], indicator_set: IndicatorSet, set_ref: str | None,
                   folder: Path) -> tuple[dict[str, Any], Problem | None]:
    """The facts document `import` writes into `folder`, naming its set so that `score` finds it from there
    (`set_named_from`). A file elsewhere cannot be named: the document keeps the set's id, and the problem says to give
    --set."""
    from ..loader import bundled_sets

    named = set_named_from(folder, indicator_set)
    if named is not None:
        return {**document, "indicator_set": named}, None
    from .._command_line import as_argument  # to copy into cmd or a shell as it is (QA214 11)

    # the file that was read, as given or found beside the form: its id, not bundled, is no --set (QA319 F7)
    document, shown = {**document, "indicator_set": indicator_set.id}, as_argument(set_ref or indicator_set.source
                                                                                   or indicator_set.id)
    if indicator_set.id in bundled_sets():  # an edited copy that kept the bundled id: scored as it stands, the bundled
        return document, Problem(f"the facts file names its set by the id {indicator_set.id}, which is the bundled "  # set
                                 "set's, not this file's", hint=f"score it with --set {shown}")  # would count
    return document, Problem(f"the facts file names its set by the id {indicator_set.id}, which is not bundled, as the "
                             "set's file is not in its folder", hint=f"score it with --set {shown}")


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
