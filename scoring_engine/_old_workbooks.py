"""Why a file named as a workbook is not read, whatever it holds: an old workbook (.xls, WPS's .et), a spreadsheet of
another kind (.ods, .xlsb, an Excel template), a text named .xlsx, or Excel 2003's XML spreadsheet under its .xml name;
said alike by score, import and batch."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ._archives import ARCHIVE_SUFFIXES, archive_problem
from ._other_kinds import OTHER_WORKBOOKS, other_workbook
from ._encodings import UTF16_MARKS
from .errors import Problem

__all__ = ["old_workbook_problem", "xml_spreadsheet"]


def old_workbook_problem(file: Path, shown: str) -> Problem | None:
    """Why a file named as an old workbook (.xls, WPS's .et) or a spreadsheet of another kind (.ods, .xlsb, an Excel
    template: _other_kinds.OTHER_WORKBOOKS) is not read, whatever it holds, or a text named as an .xlsx is not a workbook;
    None for any other name. An .xlsx renamed as .xls (or a damaged one) is told to be renamed back, as score, import and
    batch say it; a facts text named .xlsx, loaded by a program, was a JSON syntax error (QA190). A compressed archive
    (.zip, .rar, .7z) is told to be unpacked, or a workbook named .zip to be renamed (QA332 F1)."""
    suffix = file.suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        return archive_problem(file, shown)
    if suffix in (".xlsx", ".xlsm") and _regular_file(file):
        from .forms.archive import text_named_workbook

        return text_named_workbook(file, shown)
    if suffix == ".xml" and _regular_file(file):  # Excel 2003's XML spreadsheet, under the name Excel saves it (QA219 4)
        from .forms.archive import text_named

        head = _head(file, 8192)
        if xml_spreadsheet(file, head):
            return text_named(head, shown)
        text = head.decode("utf-16" if head.startswith(UTF16_MARKS) else "utf-8", "replace")
        if text.lstrip("\ufeff \t\r\n")[:1] == "<":  # any other XML (a tool's config): not said to be a JSON error
            return Problem("this is an XML file, not a facts file (.json, .yaml) or a filled 自评表 (.xlsx)", file=shown,
                           hint="give the project's facts file, or its 自评表 saved as Excel Workbook (.xlsx)")  # (QA223 7)
        return None
    if suffix not in (".xls", ".et", *OTHER_WORKBOOKS) or not _regular_file(file):
        return None
    if suffix in OTHER_WORKBOOKS:
        return other_workbook(shown, suffix)
    from ._typing_slips import encoding_problem, old_workbook

    head = _head(file)
    if head.startswith(b"PK\x03\x04"):  # an .ods renamed is said to be one
        return encoding_problem(head, shown, 0, 1)
    return old_workbook(shown)


def xml_spreadsheet(file: Path, head: bytes | None = None) -> bool:
    """Whether the .xml file `file` (whose first 8 KB are `head`, when read) is an Excel 2003 XML spreadsheet: a form
    saved as one, which a folder search reads to say so; any other XML file (a tool's config, an XSLT) is no project."""
    from .forms.archive import spreadsheet_ml

    return spreadsheet_ml(_head(file, 8192) if head is None else head)  # 4 KB of text in UTF-16 too (QA220 8)


def _regular_file(file: Path) -> bool:
    """Whether `file` is a regular file; one that is not (a folder, a pipe, which is never opened: nobody may write to
    it) is left to read_text, which says what it is."""
    try:
        return stat.S_ISREG(os.stat(file).st_mode)
    except (OSError, ValueError):
        return False


def _head(file: Path, size: int = 100) -> bytes:
    try:
        with open(file, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""
