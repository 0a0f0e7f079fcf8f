"""What reading a filled form warned of, among the 提示 of the project's own report.

A 总分 or 得分 the unit typed that the set computes otherwise, a value typed
where the set reads none, a default taken: `score` says each on the terminal
and the batch lists them on its 提示 sheet, but the report handed back to the
unit showed the computed 67.37 where it typed 70.37 without a word (QA237 2).
A report of a form lists them first under 提示, as the batch's sheet says them.
The result document (JSON) keeps its own warnings only: its schema is the
result's, and the batch's JSON line carries the form's apart (`form_warnings`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .._frozen import made_frozen
from ..result import Result
from .._patterns import compile_later

__all__ = ["FormNote", "with_form_notes"]

#: The file a note is said of, before its cells: `表.xlsx: 表!H23：…` as the terminal says it, `表.xlsx：表!H23：…` in a
#: report, whose Chinese lines put a full-width colon there as its 需说明 do (QA181 F5).
_FILE_SAID = compile_later(r"\A([^\n]*?\.(?:xlsx|xlsm|json|yaml|yml|jsonl:\d+)): ", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FormNote:
    """One thing reading the form warned of, as the reports show a warning (`text`), in Chinese as they are."""

    said: str
    kind: str = "form"

    def text(self, lang: str = "zh") -> str:
        return self.said

    def __str__(self) -> str:
        return self.said


def with_form_notes(result: Result, notes: Sequence[str]) -> Result:
    """`result` to render, with `notes` (each said in Chinese) before its own warnings; `result` itself when there are
    none. The copy shares the result's audit trail: it is for rendering, not to score with."""
    if not notes:
        return result
    said = tuple(FormNote(_FILE_SAID.sub(r"\1：", note, count=1)) for note in notes)
    return made_frozen(Result, {**result.__dict__, "warnings": (*said, *result.warnings)})
