"""A file given where one project's facts file belongs that is plainly of another kind, named for what it is in one line
rather than read as JSON: a summary `batch` wrote in JSONL, a JSONL file of facts (one document a line), a table, a web
page or a Markdown report, as `score` and `batch` write them (QA155 F7: a CSV summary was told 'JSON syntax: Expecting
value', a JSONL one to be scored with batch, which refuses it); and a spreadsheet of a kind not read (.ods, .xlsb, an
Excel template), given as a form or a facts file, or found by batch (QA165 F7). A document's kind by its top-level keys
(`document_kind`: a set, a case file, a result, facts), as `score` names it, and `import` (`forms.archive`)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from .errors import Problem
from ._patterns import compile_later

__all__ = ["A_SUMMARY", "ODS_START", "OTHER_SUFFIXES", "OTHER_WORKBOOKS", "ONE_PROJECT_FILE", "SUMMARY_LINE", "document_kind",
           "jsonl_summary", "other_kind", "other_kind_as_form", "other_workbook", "written_table"]

A_SUMMARY = "this is a summary written by scoring-engine batch, not facts"
#: How a line of the JSONL summary `batch` writes starts.
SUMMARY_LINE = compile_later(rb'\{"index":\d+,"source":')
#: The hint of a JSONL summary given for one project (a summary workbook's says "this workbook": `_cli_forms`).
ONE_PROJECT_FILE = "give one project's facts file or filled 自评表: this file lists the projects a batch scored"

_KINDS = {".csv": "a CSV table", ".html": "a web page (HTML)", ".htm": "a web page (HTML)", ".md": "a Markdown report",
          ".markdown": "a Markdown report", ".txt": "a text report (a table as score -o writes it)"}
_WRITTEN = ("scoring-engine writes such files (score -o, batch's summaries) but reads none: give a project's facts file "
            "(.json or .yaml) or its filled 自评表")
#: Said of such a file given to `import`: a 自评表 saved as CSV (or a web page) is read from none (QA156 F9).
_NOT_A_FORM = ("scoring-engine writes such files (score -o, batch's summaries) but reads none: import reads a filled 自评表 "
               "saved as Excel Workbook (.xlsx)")
#: The names of files `load_facts` says are no facts file, whatever they hold (a .txt is one when it holds a table: a
#: facts file saved from Notepad is named so, and is read).
OTHER_SUFFIXES = (".jsonl", *(suffix for suffix in _KINDS if suffix != ".txt"))
#: The rule under a table's heading, as `score -o report.txt` writes it (a facts text holds no such line).
_TABLE_RULE = compile_later(rb"^-{20,}[ \t]*\r?$", re.M)


def other_kind(file: Path, shown: str) -> Problem:
    """What the file named with one of OTHER_SUFFIXES is, given as one project's facts file."""
    suffix = file.suffix.lower()
    if suffix in _KINDS:
        return Problem(f"this is {_KINDS[suffix]}, not a facts file", file=shown, hint=_WRITTEN)
    if jsonl_summary(file):
        return Problem(A_SUMMARY, file=shown, hint=ONE_PROJECT_FILE)
    return Problem("a JSONL file holds one facts document a line, not one document", file=shown,
                   hint="score its lines with scoring-engine batch; --compare-set scores them under two sets")


def written_table(file: Path) -> bool:
    """Whether a .txt file is a table as `score -o report.txt` writes it: a line of dashes under its heading in its first
    lines, and no JSON document's opening brace (QA309 1: it was told 'JSON syntax: Expecting value', in English)."""
    if file.suffix.lower() != ".txt":
        return False
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            return False
        with file.open("rb") as handle:
            head = handle.read(4096)
    except (OSError, ValueError):
        return False
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")) and _TABLE_RULE.search(head) is not None


def other_kind_as_form(file: Path, shown: str) -> Problem | None:
    """What a table, a web page or a Markdown report is, given to `import` as a filled form (a CSV of batch's summary or
    of score's 自评表 was told to be saved as an .xlsx workbook: QA156 F9); None for a file named otherwise."""
    kind = _KINDS.get(file.suffix.lower()) if file.suffix.lower() != ".txt" or written_table(file) else None
    return None if kind is None else Problem(f"this is {kind}, not an .xlsx workbook", file=shown, hint=_NOT_A_FORM)


def jsonl_summary(path: Path) -> bool:
    """Whether a file's first line is a line of the summary `batch` writes in JSONL (a pipe is never opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return SUMMARY_LINE.match(handle.read(64).lstrip()) is not None
    except (OSError, ValueError):
        return False


#: Spreadsheets of other kinds, which are not read (`_old_workbooks.old_workbook_problem`): a folder search finds them, to say so.
OTHER_WORKBOOKS = {".ods": "an OpenDocument spreadsheet (.ods)", ".fods": "an OpenDocument spreadsheet (.fods)",
                   ".xlsb": "an Excel binary workbook (.xlsb)", ".xltx": "an Excel template (.xltx)",
                   ".xltm": "an Excel template (.xltm)"}
#: How an OpenDocument spreadsheet's zip archive begins: its first entry, mimetype, stored as it is (found in a file
#: renamed .xlsx or .json too).
ODS_START = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def other_workbook(file: str | None, suffix: str) -> Problem:
    """The problem of a spreadsheet of another kind (`suffix` one of OTHER_WORKBOOKS): an .ods, an .xlsb, a template."""
    return Problem(f"this is {OTHER_WORKBOOKS[suffix]}, which is not read", file=file,
                   hint="open it in Excel, WPS or LibreOffice and save it as Excel Workbook (.xlsx)")


def document_kind(doc: Any) -> str | None:
    """What a document read from a text is by its top-level keys: "result" (engine: and total:, as `score` writes it; it
    has indicators: too), "set" (indicators: or extends:, a profile), "cases" (cases:), "facts" (facts:), or None."""
    if not isinstance(doc, dict):
        return None
    if "engine" in doc and "total" in doc:
        return "result"
    if "indicators" in doc or "extends" in doc:
        return "set"
    return "cases" if "cases" in doc else "facts" if "facts" in doc else None
