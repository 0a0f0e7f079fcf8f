"""The text of a .docx the batch wrote, read back for the tests: its paragraphs and its tables' cells, in order.

Parsed with the standard library's XML parser, which refuses a document that is not well-formed XML.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(data: bytes) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    return body


def _text(paragraph: ElementTree.Element) -> str:
    return "".join("\n" if e.tag == f"{W}br" else e.text or "" for e in paragraph.iter() if e.tag in (f"{W}t", f"{W}br"))


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph outside tables (a line break within one as \\n)."""
    return [_text(p) for p in _body(data).findall(f"{W}p")]


def docx_styled(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of each paragraph outside tables; style "" for body text."""
    found = []
    for p in _body(data).findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        found.append(("" if style is None else style.get(f"{W}val", ""), _text(p)))
    return found


def docx_tables(data: bytes) -> list[list[list[str]]]:
    """Each table as its rows of cell texts, the header row first."""
    return [[[_text(c) for c in row.findall(f"{W}tc")] for row in table.findall(f"{W}tr")]
            for table in _body(data).findall(f"{W}tbl")]
