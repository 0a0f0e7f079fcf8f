"""The zip archive of a form (.xlsx) from a stranger, checked before openpyxl sees it: its size, that it is a zip
archive, how many entries it has, how much they unpack to and how much each one expands (a zip bomb is refused
without being unpacked), how much of it openpyxl would parse and how many elements it would hold at once, how many
sheets it lists, and that no part is stored twice.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

from ..errors import FactsError, Problem
from .sheet_xml import SAVE_AGAIN

__all__ = ["MAX_FORM_ELEMENTS", "MAX_FORM_ENTRIES", "MAX_FORM_RATIO", "MAX_FORM_SHEETS", "MAX_FORM_UNPACKED", "MAX_FORM_XML",
           "check_archive", "too_many_sheets"]

#: Largest total size of the workbook's parts once unpacked (bytes).
MAX_FORM_UNPACKED = 50_000_000
#: Largest total size of the workbook's parts openpyxl parses, once unpacked (bytes): what it parses into objects (a 48 MB
#: sheet of forged empty elements took 2 GB: QA95 F3; a form with four sheets of detail is some 6 MB: QA96 F4).
MAX_FORM_XML = 20_000_000
#: Most XML elements a part openpyxl parses may hold in one stretch it keeps whole: one row of a sheet, one shared text,
#: or the rest of the part (all of it for the styles). A row's elements are all held until it ends: 4.6 million forged
#: in one row of a 4 MB form took 1.5 GB and 10 s, in the styles 500 MB; a real row has at most a few tens of thousands
#: (16,384 styled cells), styles bloated to Excel's 64,000 formats some 200,000.
MAX_FORM_ELEMENTS = 500_000
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
        if data.startswith(_OLD_OFFICE):  # a renamed .xls, or a password-protected workbook: named as .xls is
            from .._typing_slips import old_workbook

            raise FactsError(old_workbook(name)) from None
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
    parsed = _parsed_parts(archive, entries)
    size = sum(e.file_size for e in parsed)
    if size > MAX_FORM_XML:
        raise refuse(f"the workbook's XML parts unpack to {size} bytes; the limit is {MAX_FORM_XML} (MAX_FORM_XML)",
                     "keep the form alone in its workbook: copy it into a new workbook")
    for entry in parsed:  # a part of fewer bytes than twice the limit cannot pass it: a real form's parts are not read here
        if entry.file_size > 2 * MAX_FORM_ELEMENTS and _too_many_elements(archive, entry):
            raise refuse(f"part {entry.filename[:100]} holds more than {MAX_FORM_ELEMENTS} XML elements in one stretch (a "
                         f"row, a shared text, or the rest of the part) (MAX_FORM_ELEMENTS)",
                         "this is not a form a spreadsheet program saved")
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
    if "[Content_Types].xml" not in {e.filename for e in entries}:  # a zip of something else (a .docx renamed, an archive)
        raise refuse("not an .xlsx workbook (a zip archive without a workbook's parts)",
                     "save the form as Excel Workbook (.xlsx)")


# Where parts nobody else reads lie: pictures, pivot caches (a pivot table over a ledger of 110,000 lines holds some
# millions of elements: QA105 F3), printer settings, embedded files. Read-only reading parses none of them, unless a
# relationship names one as a part it parses (a sheet, the styles…), whatever its name says.
_UNPARSED = ("xl/media/", "xl/pivotcache/", "xl/pivottables/", "xl/printersettings/", "xl/embeddings/")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_PARSED_TYPE = re.compile(rb"""\bType\s*=\s*["'][^"']*/(?:officeDocument|worksheet|chartsheet|styles|sharedStrings|drawing|"""
                          rb"""chart|extended-properties|core-properties|custom-properties)["']""")
_TARGET = re.compile(rb"""\bTarget\s*=\s*["']([^"']*)["']""")


def _parsed_parts(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The parts openpyxl's read-only reading may parse: every .rels and .xml part (by name) outside the folders of
    parts it never reads, and any part a relationship of a kind it parses names, whatever its name (QA105 F5: a sheet
    named sheet1.dat)."""
    named: set[str] = set()  # the file names relationships of those kinds name
    for entry in entries:
        if entry.filename.lower().endswith(".rels"):
            try:
                rels = archive.read(entry)
            except Exception:  # a damaged or encrypted part: said when openpyxl reads it, as any such
                continue
            for tag in _RELATIONSHIP.findall(rels):
                target = _TARGET.search(tag)
                if target is not None and _PARSED_TYPE.search(tag):
                    named.add(posixpath.basename(target.group(1).decode("utf-8", "replace")).lower())
    return [e for e in entries if posixpath.basename(e.filename).lower() in named
            or (e.filename.lower().endswith((".xml", ".rels")) and not e.filename.lower().startswith(_UNPARSED))]


class _TooMany(Exception):
    pass


def _too_many_elements(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    """Whether `entry` holds more than MAX_FORM_ELEMENTS elements between two ends of a row or a shared text (where
    the parser lets go of what it read), counted by an XML parser as it reads: a comment, a processing instruction or
    a CDATA section that spells '</row>' ends nothing (QA105 F5), and the count stops once it passes the limit."""
    from xml.parsers import expat

    try:
        data = archive.read(entry)
    except Exception:  # a damaged or encrypted part: said when openpyxl reads it, as any such
        return False
    count = [0]

    def start(name: str, attributes: Any) -> None:
        count[0] += 1
        if count[0] > MAX_FORM_ELEMENTS:
            raise _TooMany

    def end(name: str) -> None:
        if name.endswith((" row", " si")) or name in ("row", "si"):
            count[0] = 0

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(data, True)
    except _TooMany:
        return True
    except expat.ExpatError:  # not well-formed: openpyxl says so when it reads it
        return False
    return False


_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b")  # a <sheet> of the workbook's list, not <sheets> or <sheetView>


def too_many_sheets(count: int, name: str) -> FactsError:
    return FactsError(Problem(f"the workbook lists {count} sheets; the limit is {MAX_FORM_SHEETS} (MAX_FORM_SHEETS)",
                              file=name, hint="copy the form into a new workbook"))
