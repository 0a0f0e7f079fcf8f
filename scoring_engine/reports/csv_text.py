"""The score table as CSV for Excel and WPS: UTF-8 with a byte-order mark, so the Chinese opens intact."""

from __future__ import annotations

import csv
import io

from .._arith import in_engine_context
from .._text import visible
from ..result import Result
from .rows import score_table
from .summary import SUMMARY_HEADER, summary_cells

__all__ = ["render_csv", "BOM"]

#: Excel and WPS read a CSV as UTF-8 only when it starts with this mark.
BOM = "\ufeff"

# A text cell starting with one of these is a formula to Excel; a finding's text from a facts
# file must never run as one, so such cells get a leading apostrophe (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@in_engine_context
def render_csv(result: Result) -> str:
    """The 评分表 rows as CSV: header, one row per indicator, subtotals, the total with the grade; the per-一级 summary;
    then each warning (提示: a cap that lowered the total, a failed check…) and each 需说明 the project meets, as the
    自评表's CSV has them (QA64 F2: a clerk handing on the CSV dropped them). The provenance is the other formats'.

    Unlike the Markdown table every row repeats its 一级 / 二级 names, so the
    sheet can be sorted and filtered; numbers are written as printed (two decimals).
    Text is shown through _text.visible: no hidden character reaches the sheet raw.
    """
    table = score_table(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    numbers = (table.weight_column, table.score_column)
    for row in table.rows:
        writer.writerow(c if i in numbers else _text_cell(c) for i, c in enumerate(table.cells(row)))
    writer.writerow([])  # the per-一级 summary, as a second table under the first
    writer.writerow(SUMMARY_HEADER)
    for name, weight, score, rate in summary_cells(result):
        writer.writerow((_text_cell(name), weight, score, rate))
    if result.warnings or result.flags:  # a total a cap lowered is no sum of the column: its warning says both (QA53 F2)
        writer.writerow([])
        for warning in result.warnings:
            writer.writerow(("提示", _text_cell(warning.text("zh"))))
        for flag in result.flags:
            writer.writerow(("需说明", _text_cell(flag.text("zh"))))
    return BOM + out.getvalue()


def _text_cell(text: str) -> str:
    """A text cell as written to the sheet (this report's, and every batch's CSV): hidden characters escaped, never a
    formula, not even after line breaks ("\\r=1+1" and "\\n=1+1" are both the text "\\n=1+1", and both are guarded).

    >>> _text_cell("\\u202e单位A"), _text_cell("=1+1"), _text_cell("\\r=1+1"), _text_cell("\\n@x"), _text_cell("-")
    ('\\\\u202e单位A', "'=1+1", "'\\n=1+1", "'\\n@x", "'-")
    """
    shown = visible(text)
    return "'" + shown if shown.lstrip("\n").startswith(_FORMULA_START) else shown
