"""The batch as JSON Lines: one line per project of the input, in input order.

A scored project's line holds its full result document (schemas/result.schema.json):
``{"index":0,"source":"a.json","result":{…},"need_explanation":[…]}``, and
for a filled form the cell each fact came from (``"provenance":{"budget.total":
"项目支出绩效自评表!D6",…}``); a project that failed holds its problems with
their fields: ``{"index":1,"source":"b.json","problems":[{"message":…,"file":…}]}``.
With a comparison each line also has ``"compare"`` (null when nothing matched).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import _json
from .._text import json_visible
from ..batch.compare import RECHECK, Comparison
from ..batch.entry import Entry
from ..batch.rows import ProjectRow
from .batch_output import BatchOutput


__all__ = ["BatchJsonl", "compare_document"]


class BatchJsonl(BatchOutput):
    """Writes each line as its project arrives (the JSON itself was made where the project was scored)."""

    reads_kept = False  # every line is written as its project arrives

    def __init__(self, path: Path, against: str | None):
        super().__init__(path, against)
        self.failed_rechecks: dict[str, str] = {}  # a re-check that failed, by its source: its "problems":[…] member

    def add(self, row: ProjectRow, entry: Entry) -> None:
        if row.batch:
            return  # the compared batch's projects are in the other outputs' 问题 lists
        json_text = entry.json
        assert json_text is not None, "the worker makes the JSON of each project when a .jsonl output is asked for"
        # the result's JSON came with its hidden characters escaped (batch/task.py); the source's and the comparison's here
        parts = [json_visible(f'{{"index":{row.index},"source":{json.dumps(row.source, ensure_ascii=False)},'), json_text]
        if self.against is not None:
            found = {"against": self.against, "source": row.compare_failed, "failed": True} if row.compare_failed else \
                {"against": self.against, "set": row.compare_set} if row.compare_set else \
                {"against": self.against, "same_set": True} if row.compare_same else \
                {"against": self.against, "taken_by_year": row.recheck_elsewhere} if row.recheck_elsewhere else \
                {"against": self.against, "taken_by": row.recheck_taken} if row.recheck_taken else \
                compare_document(row.compare)  # the last: its id's re-check without a year, taken by another year's (QA121 F6)
            compared = json_visible(f',"compare":{_json.dumps(found, indent=None)}')
            problems = (entry.other_problems or self.failed_rechecks.get(row.compare_failed)) if row.compare_failed else None
            # why the other side failed, as a failed project's line says it (QA319 F5: "failed":true said nothing more)
            parts.append(compared[:-1] + f",{problems}}}" if problems else compared)
            if row.recheck_unscored is not None:  # a scored re-check of this project, which failed (QA70 F1)
                source, total, grade = row.recheck_unscored
                scored = {"against": self.against, "source": source, "total": total, "grade": grade}
                parts.append(json_visible(f',"recheck":{_json.dumps(scored, indent=None)}'))
        # a lone surrogate can only sit in a JSON string (a fact's name in a problem): written as its JSON escape, \ud800
        self.output.write(("".join(parts) + "}\n").encode("utf-8", "backslashreplace"))



def compare_document(comparison: Comparison | None) -> dict[str, Any] | None:
    """A comparison as plain data; None when the project had no counterpart."""
    if comparison is None:
        return None
    return {
        "against": comparison.against,
        # the other set's (--compare-set): an edited copy of the batch's set under its id and version is told by it
        **({"sha256": comparison.set_sha256} if comparison.against != RECHECK and comparison.set_sha256 else {}),
        "source": comparison.source,
        "total": comparison.total,
        "grade": comparison.grade,
        "difference": comparison.difference,
        "grade_dropped": comparison.grade_dropped,
        "flagged": comparison.flagged,
        "reasons": list(comparison.reasons),
        **({"caps": list(comparison.caps)} if comparison.caps else {}),  # the other side's caps that lowered it (QA307 2)
        "indicators": {k: {"weight": d.weight, "score": d.score, "difference": d.difference,
                           **({"name": d.name} if d.name else {})}  # the other side's name of a row renamed there
                       for k, d in comparison.indicators.items()},
    }
