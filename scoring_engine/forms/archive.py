"""The zip archive of a form (.xlsx) from a stranger, checked before openpyxl sees it: its size, that it is a zip
archive, how many entries it has, how much they unpack to and how much each one expands (a zip bomb is refused
without being unpacked), how much of it openpyxl would parse and how many elements it would hold at once, how many
sheets it lists, and that no part is stored twice.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._encodings import UTF16_MARKS, UTF32_MARKS
from .._other_kinds import ODS_START, document_kind, other_workbook
from ..errors import FactsError, Problem
from .parts import MAX_TAG, MOST_ATTRIBUTE_NAMES, scanned
from .sheet_xml import SAVE_AGAIN
from .._patterns import compile_later

__all__ = ["MAX_FORM_ATTRIBUTES", "MAX_FORM_ELEMENTS", "MAX_FORM_ELEMENTS_IN_ALL", "MAX_FORM_ENTRIES", "MAX_FORM_RATIO",
           "MAX_FORM_SHEETS", "MAX_FORM_UNPACKED", "MAX_FORM_XML", "check_archive", "part_check", "spreadsheet_ml",
           "too_many_sheets"]

#: Largest total size of the workbook's parts once unpacked (bytes).
MAX_FORM_UNPACKED = 50_000_000
#: Largest total size of the workbook's parts openpyxl parses, once unpacked (bytes): what it parses into objects (a 48 MB
#: sheet of forged empty elements took 2 GB: QA95 F3; a form with four sheets of detail is some 6 MB: QA96 F4).
MAX_FORM_XML = 20_000_000
#: Most XML elements a part openpyxl parses may hold in all: it keeps each until the part ends (4.6 million forged in
#: one row of a 4 MB form took 1.5 GB and 10 s, in the styles 500 MB, 3.3 million empty shared texts 391 MB). A sheet
#: of 2000 × 40 cells, all filled, holds some 160,000; styles bloated to Excel's 64,000 formats some 200,000.
MAX_FORM_ELEMENTS = 500_000
#: Most XML attributes a part openpyxl parses may hold in all: it keeps them with their elements (QA109 F1: 2 million in one
#: element took 655 MB). Styles bloated to Excel's 64,000 formats, each centred and wrapped, hold some 960,000
#: (QA113 F2). Attributes of names all different cost far more, and a part may hold at most parts.MOST_ATTRIBUTE_NAMES.
MAX_FORM_ATTRIBUTES = 1_200_000
#: Most XML elements the parts openpyxl parses may hold together: each part is let go of once read, but parsing them
#: all takes time (QA109 F7: 19 parts of 250,000 elements each, under a megabyte and not counted, took 8 s). A form
#: with four sheets of 2000 × 40 cells of detail beside it holds some 700,000.
MAX_FORM_ELEMENTS_IN_ALL = 1_000_000
#: Most entries the workbook's zip archive may hold.
MAX_FORM_ENTRIES = 500
#: Most sheets the workbook may list (a form has two or three; 60,000 listed took 50 s and 494 MB: QA95 F2).
MAX_FORM_SHEETS = 100
#: Most an entry may expand (unpacked ÷ packed) once it is larger than a megabyte: zip bombs expand a thousandfold.
MAX_FORM_RATIO = 100
# Parts smaller than this (bytes unpacked) may compress far better than MAX_FORM_RATIO: a sheet of empty cells does.
_RATIO_CHECKED_FROM = 1_000_000

_OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .xls, and of an .xlsx under a password


def check_archive(data: bytes, name: str) -> None:
    def refuse(message: str, hint: str | None = None) -> FactsError:
        return FactsError(Problem(message, file=name, hint=hint))

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):  # "zip file version 9.2": damaged
        if (lock := lock_file(name)) is not None:  # told to save it as .xlsx, which it never was (QA332 F11)
            raise FactsError(lock) from None
        if data.startswith(_OLD_OFFICE):  # a renamed .xls, or a password-protected workbook: named as .xls is
            from .._typing_slips import old_workbook

            raise FactsError(old_workbook(name)) from None
        named = text_as_form(data, name) or text_named(data, name)  # a set, a case file, facts: said as score says
        if named is not None:  # it (QA181 F2); any other text, a table or a web page too, said as what it is (QA214 3)
            raise FactsError(named) from None
        raise refuse("not an .xlsx workbook (it is not a zip archive)", "save the form as Excel Workbook (.xlsx)") from None
    if len(entries) > MAX_FORM_ENTRIES:
        raise refuse(f"the workbook holds {len(entries)} parts; the limit is {MAX_FORM_ENTRIES} (MAX_FORM_ENTRIES)")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_FORM_UNPACKED:
        raise refuse(f"the workbook unpacks to {unpacked} bytes; the limit is {MAX_FORM_UNPACKED} (MAX_FORM_UNPACKED)")
    for entry in entries:
        if entry.file_size > _RATIO_CHECKED_FROM and entry.file_size > MAX_FORM_RATIO * max(entry.compress_size, 1):
            raise refuse(f"part {entry.filename} expands {entry.file_size // max(entry.compress_size, 1)}-fold; "
                         f"the limit is {MAX_FORM_RATIO} (MAX_FORM_RATIO)", "this is not a form a spreadsheet program saved")
    book = next((e for e in entries if e.filename == "xl/workbook.xml"), None)  # counted before openpyxl builds each sheet
    try:
        listed = len(_SHEET_ENTRY.findall(archive.read(book))) if book is not None else 0
    except Exception:  # a damaged or encrypted part: said when openpyxl reads it, as any such
        listed = 0
    if listed > MAX_FORM_SHEETS:
        raise too_many_sheets(listed, name)
    seen: set[str] = set()
    for entry in entries:  # which of two copies a reader takes depends on the reader: the other one's values go unseen
        if entry.filename.lower() in seen:
            raise refuse(f"not an .xlsx workbook: its part {entry.filename[:100]} is stored twice", SAVE_AGAIN)
        seen.add(entry.filename.lower())
    names = {e.filename for e in entries}
    if ("[Content_Types].xml" not in names and ODS_START in data[:100]) or (
            "xl/workbook.bin" in names and "xl/workbook.xml" not in names):  # an .ods or an .xlsb renamed .xlsx
        raise FactsError(other_workbook(name, ".xlsb" if "xl/workbook.bin" in names else ".ods"))
    if "[Content_Types].xml" not in names:  # a zip of something else (a .docx renamed, an archive)
        raise refuse("not an .xlsx workbook (a zip archive without a workbook's parts)",
                     "save the form as Excel Workbook (.xlsx)")


def lock_file(name: str) -> Problem | None:
    """Excel's or WPS's lock file (`~$自评表.xlsx`, 165 bytes, no workbook) given by its name, for the workbook that is
    open beside it; None for any other name.

    >>> lock_file("单位/~$自评表.xlsx").message
    'this is the lock file Excel or WPS keeps beside the workbook 自评表.xlsx while it is open, not a workbook'
    """
    base = name.replace("\\", "/").rpartition("/")[2]
    if not base.startswith("~$") or len(base) <= 2:
        return None
    workbook = base[2:]
    return Problem(f"this is the lock file Excel or WPS keeps beside the workbook {workbook} while it is open, not a "
                   "workbook", file=name, hint=f"give the workbook itself, {workbook}, saved and closed in Excel or WPS")


_TEXT_READ = 1_000_000  # of a file named .xlsx that is no zip: a text that long is no facts file either


def text_named_workbook(file: Path, shown: str) -> Problem | None:
    """What a regular file named as an .xlsx workbook is when it is no zip archive, in check_archive's words (a text
    read as a form is said as score says it); None for a zip archive, whose parts are checked when it is read."""
    try:
        with open(file, "rb") as handle:
            data = handle.read(_TEXT_READ)
    except OSError:
        return None  # said by whoever reads it next
    if data.startswith(b"PK"):
        return None
    try:
        check_archive(data, shown)
    except FactsError as refused:
        return refused.problems[0]
    return None


#: What to do with a table or a web page named as a workbook: an export of a form, or a form saved as one.
SAVE_AS_XLSX = "open it in Excel or WPS and save it as Excel Workbook (.xlsx)"
_PAGE_TAGS = (b"<html", b"<table", b"<!doctype html", b"<body")
#: The namespace of Excel 2003's XML spreadsheet (SpreadsheetML), which Excel and WPS open and save as a workbook.
_SPREADSHEET_ML = b"urn:schemas-microsoft-com:office:spreadsheet"


def spreadsheet_ml(data: bytes) -> bool:
    """Whether a text (its first 4 KB are enough) is an Excel 2003 XML spreadsheet, by its namespace: in UTF-8, or in
    UTF-16 with its mark, as Notepad or a tool saves it (QA220 8: told to be saved as UTF-8, then named for what it is).
    Its <Table> is none of a web page's (QA217 7); Excel's own web page names the namespace office:excel."""
    if data.startswith(UTF16_MARKS) and not data.startswith(UTF32_MARKS):
        data = data[:8192].decode("utf-16", "replace").encode()
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if not (_plain(head) and head[:1] == b"<" and _SPREADSHEET_ML in head and b"<html" not in head.lower()):
        return False
    root = _ROOT.search(_COMMENT.sub(b"", head))  # its root a Workbook: not an XSLT or a tool's file naming the namespace
    return root is not None and root.group(1) == b"Workbook"  # (QA222 3: a batch failed on such a file in its folder)


#: An XML file's first element's name, past its declaration, processing instructions (<?mso-application?>) and prefix.
_ROOT = compile_later(rb"<(?![?!/])(?:[\w.-]+:)?([\w.-]+)")
_COMMENT = compile_later(rb"<!--.*?(?:-->|$)", re.DOTALL)


def _plain(head: bytes) -> bool:
    """Whether `head` holds no control characters but tabs, line ends and form feeds: text, in any 8-bit encoding."""
    return not any(byte < 0x20 and byte not in b"\t\r\n\f" for byte in head)


def text_named(data: bytes, name: str) -> Problem | None:
    """What a file named as a workbook that is no zip archive is when it is text of no kind `text_as_form` knows: an Excel
    2003 XML spreadsheet (QA217 7: called a web page by its <Table>), a web page (HTML) or a CSV table, in any encoding,
    as a form saved or exported as one (QA214 3: both were called JSON or YAML, and told to score them with the command
    just run); JSON or YAML when it reads as such (keys of no document of
    ours, QA148 F4, QA184 F7), or a GBK text by its keys; any other UTF-8 text, a note. None for no text."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")  # a UTF-8 mark too (QA149 F2)
    head = start[:4096]
    plain = _plain(head)
    if spreadsheet_ml(data):
        return Problem("this is an Excel 2003 XML spreadsheet, not an .xlsx workbook", file=name, hint=SAVE_AS_XLSX)
    if plain and head[:1] == b"<" and any(tag in head.lower() for tag in _PAGE_TAGS):
        return Problem("this is a web page (HTML), not an .xlsx workbook", file=name, hint=SAVE_AS_XLSX)
    keys = start[:1] in (b"{", b"[") or b"facts:" in data[:4096] or b"indicators:" in data[:65536] or (
        plain and _read(data, name) is not None)
    if not keys and plain and _table(head):
        return Problem("this is a CSV table, not an .xlsx workbook", file=name, hint=SAVE_AS_XLSX)
    if not keys and not _is_text(data):
        return None
    from .._command_line import in_python, run_as_import

    what = "a text file (JSON or YAML)" if keys else "a text file"
    fix = "a facts file is scored with scoring-engine score; import reads filled 自评表 workbooks" \
        if run_as_import() and _facts_name(name) else _RENAME_TEXT
    return Problem(f"this is {what}, not an .xlsx workbook", file=name,
                   hint=in_python(fix, "load_facts(path) reads a facts file named .json or .yaml"))


_RENAME_TEXT = ("if it is a facts file, rename it to end in .json (or .yaml) and score it with scoring-engine score; a "
                "filled 自评表 is read from an Excel Workbook (.xlsx)")


def _facts_name(name: str) -> bool:
    """Whether a file's name is a facts file's, which score reads as one (a form's is a workbook's)."""
    return name.lower().endswith((".json", ".yaml", ".yml"))


def _table(head: bytes) -> bool:
    """Whether a text's first lines are a CSV table's (commas, or tabs, splitting two rows alike), in any encoding: the
    bytes of commas, tabs and quotes are none of a GBK character's."""
    import csv

    text = head.decode("latin-1")
    comma = "," if "," in text.split("\n", 1)[0] else "\t"
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=comma) if any(c.strip() for c in row)][:2]
    except csv.Error:
        return False
    return len(rows) == 2 and len(rows[0]) >= 2 and len(rows[0]) == len(rows[1])


def _read(data: bytes, shown: str) -> Any:
    """A text's document as YAML (JSON too) reads it when it is a mapping or a list; None for any other text, or one that
    does not read (within _yaml's limits: a larger text is said as text, not read)."""
    try:
        from .. import _yaml

        doc = _yaml.load(data.decode("utf-8-sig"), shown).data
    except Exception:  # any text that does not read is no document
        return None
    return doc if isinstance(doc, (dict, list)) else None


def _is_text(data: bytes) -> bool:
    """Whether `data` is UTF-8 text (a UTF-8 mark allowed) with something in it and no control characters but tabs
    and line ends: a file no spreadsheet program wrote, whatever it holds."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and not any(c < " " and c not in "\t\r\n\f" for c in text)


def part_check(name: str) -> Callable[[str, bytes, str | None], None]:
    """The check of each part openpyxl reads from the workbook `name` (a file's name, for messages), as
    forms.parts.CheckedArchive hands it over: no document type, at most MAX_FORM_ELEMENTS elements and
    MAX_FORM_ATTRIBUTES attributes in one part, no start tag longer than parts.MAX_TAG, and the parts read at most
    MAX_FORM_XML bytes and MAX_FORM_ELEMENTS_IN_ALL elements in all."""
    read = [0, 0]

    def check(part: str, data: bytes, role: str | None) -> None:
        def refuse(message: str, hint: str) -> FactsError:
            return FactsError(Problem(message, file=name, hint=hint))

        read[0] += len(data)
        if read[0] > MAX_FORM_XML:
            raise refuse(f"the workbook's XML parts unpack to more than {MAX_FORM_XML} bytes (MAX_FORM_XML)", _ALONE)
        if role == "workbook" and len(_SHEET_ENTRY.findall(data)) > MAX_FORM_SHEETS:  # before a sheet is made of each
            raise too_many_sheets(len(_SHEET_ENTRY.findall(data)), name)
        found = scanned(data, MAX_FORM_ELEMENTS, MAX_FORM_ATTRIBUTES)
        if found.problem is not None:
            raise refuse(_SCANNED[found.problem].format(part=part[:100]), "this is not a form a spreadsheet program saved")
        read[1] += found.elements
        if read[1] > MAX_FORM_ELEMENTS_IN_ALL:
            raise refuse(f"the workbook's XML parts hold more than {MAX_FORM_ELEMENTS_IN_ALL} elements in all "
                         "(MAX_FORM_ELEMENTS_IN_ALL)", _ALONE)

    return check


_ALONE = "keep the form alone in its workbook: copy it into a new workbook"
#: What scanning a part found wrong (parts.scanned), said.
_SCANNED = {
    "doctype": "part {part} declares a document type (<!DOCTYPE …>), which no workbook has: its entities could make a few "
               "kilobytes gigabytes",
    "elements": f"part {{part}} holds more than {MAX_FORM_ELEMENTS} XML elements (MAX_FORM_ELEMENTS)",
    "attributes": f"part {{part}} holds more than {MAX_FORM_ATTRIBUTES} XML attributes, or more than "
                  f"{MOST_ATTRIBUTE_NAMES} names of attributes (MAX_FORM_ATTRIBUTES)",
    "tag": f"part {{part}} holds a tag or a text longer than {MAX_TAG} characters, which no spreadsheet program writes",
}


_SHEET_ENTRY = compile_later(rb"<(?:\w+:)?sheet\b")  # a <sheet> of the workbook's list, not <sheets> or <sheetView>


def too_many_sheets(count: int, name: str) -> FactsError:
    return FactsError(Problem(f"the workbook lists {count} sheets; the limit is {MAX_FORM_SHEETS} (MAX_FORM_SHEETS)",
                              file=name, hint="copy the form into a new workbook"))


_NO_FORM = "not a filled 自评表 workbook (.xlsx)"
_IMPORT_READS = "import reads a filled 自评表 saved as Excel Workbook (.xlsx)"
#: What a text given to `import` is, by `document_kind`, and what to do with it instead.
_AS_FORM = {
    "result": ("this is a result written by scoring-engine score (it has engine: and total:), " + _NO_FORM,
               f"{_IMPORT_READS}; a result needs no import"),
    "set": ("this is an indicator set (it has indicators: or extends:), " + _NO_FORM,
            f"{_IMPORT_READS}; give the set the form is for with --set"),
    "cases": ("this is a test cases file (it has cases:), " + _NO_FORM, f"run it with scoring-engine test; {_IMPORT_READS}"),
    "facts": ("this is a facts file (it has facts:), " + _NO_FORM,
              "a facts file needs no import: score it with scoring-engine score"),
}
#: The fixes when score, batch, explain or a program reads the text as a form, where import's would not fit (QA189 F2).
_AS_FORM_TO_SCORE = {
    "result": "score the facts file it was made from",
    "set": ("give it with --set, and the project's facts file as the argument", "read it with load_indicator_set(path)"),
    "cases": "run it with scoring-engine test",
    "facts": "rename it to end in .json (or .yaml): a file named as a workbook is read as a filled 自评表",
}


def text_as_form(data: bytes, shown: str) -> Problem | None:
    """What a JSON or YAML text given as a filled form is (a set, a profile, a case file, facts, a result), said as
    `score` names it, with the fix that fits the command reading it: import's (QA181 F2: a set was told to be saved as
    an Excel workbook), or score's, batch's, explain's and a program's (QA189 F2: `score facts.xlsx` was told a facts
    file needs no import); None for any other content, or a text that does not read."""
    kind = document_kind(_read(data, shown))  # JSON is read as YAML too
    if kind is None:
        return None
    from .._command_line import in_python, run_as_import

    message, hint = _AS_FORM[kind]
    if run_as_import() and kind == "facts" and not _facts_name(shown):  # score refuses it under its name (QA214 3)
        hint = "a facts file needs no import: rename it to end in .json (or .yaml) and score it with scoring-engine score"
    elif not run_as_import():
        fix = _AS_FORM_TO_SCORE[kind]
        hint = fix if isinstance(fix, str) else in_python(*fix)
    return Problem(message, file=shown, hint=hint)
