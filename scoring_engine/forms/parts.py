"""Every part of a workbook openpyxl's read-only reading parses, checked as it is handed over, before it is parsed:
the archive openpyxl reads from is wrapped, so that what is checked is exactly what it reads, found as it finds it
(QA107: finding the parts as openpyxl would, apart from it, missed some and misjudged others).

A part may declare no document type (a workbook has none; its entities made a 14 KB form take 1.5 GB, and gave a cell
its value: QA106 F2), and may not hold more than MAX_FORM_ELEMENTS elements at once: between two ends of a row in a
sheet and of a shared text in the shared texts, which openpyxl streams and lets go of as it reads, and in the whole of
any other part, which it parses whole. The parts it reads may not add up to more than MAX_FORM_XML bytes. What it
never reads (pictures, pivot caches, the caches of charts and external links) is never checked.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from typing import IO, Any

__all__ = ["CheckedArchive", "scanned"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# openpyxl 3.1's functions that stream a part, and the element at whose end they let go of what they read
_STREAMED = {"read_strings": "si", "_get_source": "row"}
_WORKBOOK = "parse"  # WorkbookParser.parse, which reads the workbook part (its list of sheets)


class CheckedArchive:
    """The workbook's zip archive as openpyxl reads it, each part it reads or opens checked by `check(name, data,
    released)` first (released: 'row', 'si' or None, as `_STREAMED` says of the function that asks; 'workbook' for the
    workbook part, whose list of sheets is counted wherever it lies)."""

    def __init__(self, archive: zipfile.ZipFile, check: Callable[[str, bytes, str | None], None]):
        self._archive, self._check = archive, check
        self._checked: set[str] = set()

    def _part(self, name: Any, released: str | None) -> bytes:
        data = self._archive.read(name)
        key = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        if key not in self._checked:
            self._check(key, data, released)
            self._checked.add(key)
        return data

    def read(self, name: Any, pwd: Any = None) -> bytes:
        return self._part(name, "workbook" if sys._getframe(1).f_code.co_name == _WORKBOOK else None)

    def open(self, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> IO[bytes]:
        return io.BytesIO(self._part(name, _STREAMED.get(sys._getframe(1).f_code.co_name)))

    def __getattr__(self, attribute: str) -> Any:  # namelist, infolist, close…
        return getattr(self._archive, attribute)


class _Found(Exception):
    def __init__(self, what: str):
        self.what = what


def scanned(data: bytes, released: str | None, most: int) -> str | None:
    """What is wrong with a part's XML `data` before openpyxl parses it: 'doctype' for a document type declaration
    (a workbook may have none; its entities made a 14 KB form 1.5 GB: QA106 F2), 'elements' for more than `most`
    elements held at once (between two ends of `released`, in the main namespace, or in the whole part), counted by
    an XML parser as it reads (a comment or text that spells '</row>' ends nothing: QA105 F5); None for neither, or for
    XML that is not well-formed (openpyxl says so). A part too small to hold `most` elements is not counted."""
    from xml.parsers import expat

    def doctype(*_: Any) -> None:
        raise _Found("doctype")

    count = [0]
    end_of = f"{_MAIN} {released}" if released in ("row", "si") else None

    def start(name: str, attributes: Any) -> None:
        count[0] += 1
        if count[0] > most:
            raise _Found("elements")

    def end(name: str) -> None:
        if name == end_of:
            count[0] = 0

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = doctype
    if len(data) > 2 * most:  # every element takes at least two bytes, '<' and '>'
        parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(data, True)
    except _Found as found:
        return found.what
    except expat.ExpatError:
        return None
    return None
