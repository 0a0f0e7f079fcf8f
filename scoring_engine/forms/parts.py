"""Every part of a workbook openpyxl's read-only reading parses, checked as it is handed over, before it is parsed:
the archive openpyxl reads from is wrapped, so that what is checked is exactly what it reads, found as it finds it
(QA107: finding the parts as openpyxl would, apart from it, missed some and misjudged others).

A part may declare no document type (a workbook has none; its entities made a 14 KB form take 1.5 GB, and gave a cell
its value: QA106 F2), and may not hold more than MAX_FORM_ELEMENTS elements nor MAX_FORM_ATTRIBUTES attributes in all:
openpyxl keeps every element of a part it has read, with its attributes, until the part ends (a finished row or shared
text emptied, not let go of: QA108 F2, QA109 F1). The parts it reads may not add up to more than MAX_FORM_XML bytes
nor MAX_FORM_ELEMENTS_IN_ALL elements. What it never reads (pictures, pivot caches, the caches of charts and external
links, chart sheets) is never checked.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from typing import IO, Any, NamedTuple
from .._patterns import compile_later

__all__ = ["MAX_TAG", "CheckedArchive", "Scan", "scanned", "utf16"]

_WORKBOOK = "parse"  # openpyxl 3.1's WorkbookParser.parse, which reads the workbook part (its list of sheets)


class CheckedArchive:
    """The workbook's zip archive as openpyxl reads it, each part it reads or opens checked by `check(name, data, role)`
    first (role 'workbook' for the workbook part, whose list of sheets is counted wherever it lies; else None), once
    for each role it is read in (QA108 F1: a part checked as one thing was then parsed as another)."""

    def __init__(self, archive: zipfile.ZipFile, check: Callable[[str, bytes, str | None], None]):
        self._archive, self._check = archive, check
        self._checked: set[tuple[str, str | None]] = set()

    def _part(self, name: Any, role: str | None) -> bytes:
        data = self._archive.read(name)
        key = (name.filename if isinstance(name, zipfile.ZipInfo) else str(name), role)
        if key not in self._checked:
            self._check(key[0], data, role)
            self._checked.add(key)
        return data

    def read(self, name: Any, pwd: Any = None) -> bytes:
        return self._part(name, "workbook" if sys._getframe(1).f_code.co_name == _WORKBOOK else None)

    def open(self, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> IO[bytes]:
        return io.BytesIO(self._part(name, None))

    def __getattr__(self, attribute: str) -> Any:  # namelist, infolist, close…
        return getattr(self._archive, attribute)


class _Found(Exception):
    def __init__(self, what: str):
        self.what = what


class Scan(NamedTuple):
    """What scanning a part found: what is wrong with it (None: nothing), and its elements, counted where the part is
    large enough to hold too many, else at most so many (its '<' that open no end tag)."""

    problem: str | None
    elements: int


#: Most characters from a '<' to the next, a tag and the text after it, a part may hold: a spreadsheet program writes
#: tags of a few hundred bytes and texts of at most 32,767 characters, each at most 10 bytes escaped (&#39044;). An XML
#: parser makes all of a tag's attributes before anything can count them (QA109 F1: 2 million in one took 655 MB;
#: QA111 F4: a '>' in each value hid them from a bound on the tag alone).
MAX_TAG = 400_000
_LONG_TAG = compile_later(rb"<[^<]{%d}" % MAX_TAG)  # each byte looked at from the one '<' before it: linear
_LONG_TAG_TEXT = compile_later(f"<[^<]{{{MAX_TAG}}}")  # the same, in a part decoded from UTF-16 (QA113 F1)
#: Most attribute names, all different, a part may hold: a spreadsheet program writes a few dozen. Each new name costs
#: the parser a string and an entry of its own (QA111 F5: a million of them took 343 MB).
MOST_ATTRIBUTE_NAMES = 10_000


def scanned(data: bytes, most: int, most_attributes: int) -> Scan:
    """What is wrong with a part's XML `data` before openpyxl parses it: 'doctype' for a document type declaration
    (a workbook may have none; its entities made a 14 KB form 1.5 GB: QA106 F2), 'elements' for more than `most`
    elements in all, 'attributes' for more than `most_attributes` attributes or more than MOST_ATTRIBUTE_NAMES names of
    attributes, counted by an XML parser as it reads (openpyxl keeps every element it has read, a finished row or
    shared text emptied, until the part ends: QA108 F2; and each element's attributes: QA109 F1), 'tag' for more than
    MAX_TAG characters from one '<' to the next; None for none of these, or for XML that is not well-formed (openpyxl
    says so). A part too small to hold `most` elements or `most_attributes` attributes is not counted."""
    from xml.parsers import expat

    def doctype(*_: Any) -> None:
        raise _Found("doctype")

    count = [0, 0]
    names: set[str] = set()

    def start(name: str, attributes: Any) -> None:
        count[0] += 1
        count[1] += len(attributes)
        names.update(attributes)
        if count[0] > most:
            raise _Found("elements")
        if count[1] > most_attributes or len(names) > MOST_ATTRIBUTE_NAMES:
            raise _Found("attributes")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    # every element takes at least two bytes, '<' and '>', every attribute four (' a=""')
    counted = len(data) > 2 * most or len(data) > 4 * most_attributes
    if counted:
        if _too_long(data):
            return Scan("tag", 0)
        parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Found as found:
        return Scan(found.what, count[0])
    except expat.ExpatError:
        pass
    return Scan(None, count[0] if counted else data.count(b"<") - data.count(b"</"))


def _too_long(data: bytes) -> bool:
    """Whether more than MAX_TAG characters go from a '<' to the next: in the bytes, or in the text of a part written
    in UTF-16, whose characters' bytes may hold a '<' byte that is none (丼 is 3C 4E). A part is UTF-16 as expat takes
    it: by its byte order mark, else by a zero first byte (big-endian) or second byte (little-endian) (QA114 F1: a
    part without the mark, beginning with a line break, was read as UTF-16 and bounded as bytes)."""
    encoding = utf16(data)
    if encoding is not None:
        return _LONG_TAG_TEXT.search(data.decode(encoding, errors="replace")) is not None
    return _LONG_TAG.search(data) is not None


def utf16(data: bytes) -> str | None:
    """The UTF-16 a part is written in as expat takes it (_too_long), None for a part in bytes (UTF-8)."""
    return ("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-be" if data[:1] == b"\x00"
            else "utf-16-le" if data[1:2] == b"\x00" else None)
