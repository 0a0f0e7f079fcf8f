"""A compressed archive (.zip, .rar, .7z) where a project's file is looked for: a unit's submissions sent zipped, which
no command reads inside. A folder search finds one that may hold projects, so that no unit is left out without a word
(QA332 F1), and a file given by name is told to be unpacked, or, a workbook named .zip, renamed to .xlsx.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from ._text import listing

if TYPE_CHECKING:
    import zipfile

__all__ = ["ARCHIVE_SUFFIXES", "archive_problem", "may_hold_projects"]

#: The archives a folder search looks into (a .zip's names) or finds, and a file given by name is told to unpack.
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
#: What a search reads, or says it does not: a project's file found in an archive is named by it.
_READ_SUFFIXES = (".json", ".jsonl", ".yaml", ".yml", ".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xlsb", *ARCHIVE_SUFFIXES)
#: Largest central directory listed (bytes, some 10,000 names): a larger one, or a damaged archive, is not looked into.
_MOST_LISTED = 1 << 20
_SHOWN = 3  # names shown of what an archive holds


def may_hold_projects(path: Path) -> bool:
    """Whether an archive a folder search meets may hold a project: a .rar or .7z, whose names are not read, a .zip
    that cannot be listed, or one that holds a file the search would read (a .zip of other papers, 佐证材料 of scans and
    PDFs, is no project, as a PDF beside it is none); a workbook named .zip is one, to be renamed (QA334 F5)."""
    names = _names(path)
    return names is None or "xl/workbook.xml" in names or any(_read(name) for name in names)


def archive_problem(path: Path, shown: str) -> Problem | None:
    """Why the archive at `path` (shown as `shown`) is not read as a project: unpack it first, naming the files in it a
    batch would read (else the first it holds); a workbook named .zip, rename it to .xlsx. None for any other file."""
    suffix = path.suffix.lower()
    if suffix not in ARCHIVE_SUFFIXES or not _regular(path):
        return None
    names = _names(path)
    if names is not None and "xl/workbook.xml" in names:  # an .xlsx renamed, as an e-mail attachment sometimes is
        return Problem(f"this is an Excel workbook named {suffix}, not an archive", file=shown,
                       hint="rename it to end in .xlsx")
    if names is None and (invalid := _invalid(path)) is not None:  # 0 bytes, a text named .zip (QA334 F7)
        return Problem(invalid, file=shown, hint="ask its sender to send it again")
    hint = "unpack it, and run again on the folder it unpacks to"
    files = [name for name in names or () if not name.endswith("/")]
    if not files:
        return Problem(f"this is a compressed archive ({suffix}), which is not read", file=shown,
                       hint=hint if names is not None else f"{hint}; move an archive that holds no project (scans, "
                       f"PDFs) out of the input folder")
    found = [name for name in files if _read(name)] or files
    items = found[:_SHOWN] + ([f"… (+{len(found) - _SHOWN})"] if len(found) > _SHOWN else [])  # cut, as fact_values' lists
    return Problem(listing(f"this is a compressed archive ({suffix}), holding {', '.join(items)}", items), file=shown,
                   hint=hint)


def _read(name: str) -> bool:
    parts = name.split("/")
    return (name.lower().endswith(_READ_SUFFIXES) and not any(part.startswith((".", "__MACOSX")) for part in parts)
            and not parts[-1].startswith("~$"))


def _names(path: Path) -> list[str] | None:
    """The names a .zip holds, in its order, each as its maker wrote it (a Chinese name a Windows zip wrote in GBK);
    None for a .rar or .7z, and for a zip that is damaged or whose list is past _MOST_LISTED."""
    if path.suffix.lower() != ".zip" or not _listed_small(path):
        return None
    import zipfile  # only where an archive is met: no command's start loads it

    try:
        with zipfile.ZipFile(path) as archive:
            return [_name(info) for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _name(info: zipfile.ZipInfo) -> str:
    """A name as written: UTF-8, else GBK (a Windows zip marks neither, and zipfile reads them as cp437), else its bytes
    escaped (\\x80\\xff.json)."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("ascii", "backslashreplace")  # escaped, not read as cp437 (QA334 F10: Ç ■/proj .json)


def _invalid(path: Path) -> str | None:
    """Why a .zip is no zip archive at all: empty, or damaged (or another file so named); None for a .rar, a .7z, and a
    .zip whose list is only too long to read."""
    if path.suffix.lower() != ".zip":
        return None
    import zipfile

    try:
        if os.path.getsize(path) == 0:
            return "this .zip file is empty (0 bytes), not a valid zip archive"
        if zipfile.is_zipfile(path) and not _listed_small(path):
            return None
    except OSError:
        return None
    return "this file named .zip is not a valid zip archive: it is damaged, or a file of another kind"


def _listed_small(path: Path) -> bool:
    """Whether the zip's central directory is under _MOST_LISTED, by its end record: zipfile reads it whole."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 65_557))  # the end record (22 bytes) and its comment (at most 65,535)
            tail = handle.read()
    except OSError:
        return False
    at = tail.rfind(b"PK\x05\x06")
    return at >= 0 and len(tail) >= at + 16 and int.from_bytes(tail[at + 12:at + 16], "little") <= _MOST_LISTED


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
