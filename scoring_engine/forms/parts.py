"""Which parts of a workbook openpyxl's read-only reading parses, how much of each it holds at once, and the check of
each before it does (forms/archive.py refuses what this finds).

What read-only reading parses: [Content_Types].xml and every relationships part; the workbook and the shared texts,
found by their content types; the styles (always xl/styles.xml) and the document properties; each sheet the
workbook's relationships name, with a chartsheet's drawing and charts. It lets go of what it read only at the end of
each row of a sheet and of each shared text; the rest of a part it holds whole. Pictures, pivot caches, printer
settings and embedded files it never parses (a pivot table over a 110,000-line ledger holds millions of elements:
QA105 F3), wherever they lie, unless a relationship or a content type names one as a part it parses.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

__all__ = ["parsed_parts", "scanned"]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/"
_WORKBOOK_TYPES = ("sheet.main+xml", "sheet.macroEnabled.main+xml", "template.main+xml", "template.macroEnabled.main+xml")
# content types and relationship types (their last word) of the parts read-only reading parses
_PARSED_CONTENT = ("sheet.main", "template.main", "macroEnabled.main", "worksheet", "chartsheet", "sharedStrings",
                   "styles", "drawing", "chart", "core-properties", "extended-properties", "custom-properties")
_PARSED_RELATION = ("officeDocument", "worksheet", "chartsheet", "sharedStrings", "styles", "drawing", "chart",
                    "core-properties", "extended-properties", "custom-properties")
_UNPARSED = ("xl/media/", "xl/pivotcache/", "xl/pivottables/", "xl/printersettings/", "xl/embeddings/")


def parsed_parts(archive: zipfile.ZipFile, names: list[str]) -> dict[str, str | None]:
    """Each part read-only reading may parse, with the element at whose end it lets go of what it read ('row' in a sheet
    the workbook names, 'si' in the shared texts; None: held whole). The content types and relationships are read
    here: they are checked first (`scanned`)."""
    overrides = _overrides(archive) if "[Content_Types].xml" in names else {}
    workbook = next((n for n, kind in overrides.items() if kind.endswith(_WORKBOOK_TYPES)), "xl/workbook.xml")
    held: dict[str, str | None] = {n: None for n, kind in overrides.items() if any(k in kind for k in _PARSED_CONTENT)}
    released: dict[str, str] = {n: "si" for n, kind in overrides.items() if kind.endswith("sharedStrings+xml")}
    for rels in (n for n in names if n.lower().endswith(".rels")):
        source = posixpath.join(posixpath.dirname(posixpath.dirname(rels)), posixpath.basename(rels)[:-len(".rels")])
        for kind, target in _relationships(archive, rels):
            part = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(source),
                                                                                                target))
            if kind.rsplit("/", 1)[-1] in _PARSED_RELATION:
                held[part] = None
                if source == workbook and kind.endswith("/worksheet"):
                    released.setdefault(part, "row")
    for special in ("xl/styles.xml", workbook, "[Content_Types].xml"):  # parsed whole, whatever else names them
        released.pop(special, None)
    parsed: dict[str, str | None] = {n: None for n in names
                                     if n.lower().endswith((".xml", ".rels")) and not n.lower().startswith(_UNPARSED)}
    parsed.update({n: None for n in held if n in names})
    parsed.update({n: tag for n, tag in released.items() if n in names})
    return parsed


def _overrides(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name → content type, as [Content_Types].xml overrides them."""
    root = _tree(archive, "[Content_Types].xml")
    found = root.iter(f"{{{_PACKAGE}content-types}}Override") if root is not None else ()
    return {str(o.get("PartName", "")).lstrip("/"): str(o.get("ContentType", "")) for o in found}


def _relationships(archive: zipfile.ZipFile, name: str) -> list[tuple[str, str]]:
    """(type, target) of each relationship `name` lists that points into the package."""
    root = _tree(archive, name)
    found = root.iter(f"{{{_PACKAGE}relationships}}Relationship") if root is not None else ()
    return [(str(r.get("Type", "")), str(r.get("Target", ""))) for r in found if r.get("TargetMode") != "External"]


def _tree(archive: zipfile.ZipFile, name: str) -> Any:
    from xml.etree import ElementTree

    try:
        return ElementTree.fromstring(archive.read(name))
    except Exception:  # damaged or not well-formed: said when openpyxl reads it, as any such
        return None


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
    end_of = f"{_MAIN} {released}" if released else None

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
