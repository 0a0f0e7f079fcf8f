"""The file `batch --reports DIR` leaves in DIR, naming the reports it wrote there, so that a later batch searching a
folder above DIR does not read them as projects (QA34 F4: forms a run wrote scored again, every figure doubled), and
reads everything else in DIR (QA35 F3, QA37 F3/F4: projects kept or later put there are never passed over).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["REPORTS_MARK", "listed_reports", "mark_reports", "note_report", "reports_written"]

#: The mark's file name (hidden: a folder search never reads a file whose name starts with a dot).
REPORTS_MARK = ".scoring-engine-reports"
_LISTED_FIRST = "# 每份报告写出之前先在此记下文件名。"  # a mark that says so lists every report (QA42 F1, F2)
_HEAD = ("# scoring-engine batch --reports 写出的报告，批量评分搜索文件夹时不作为项目读取。\n"
         "# 以下为这些报告的文件名；本文件夹中的其他文件照常读取。\n" + _LISTED_FIRST + "\n")
_MOST = 10_000_000  # bytes of a mark read: names of a province's reports fit many times over


#: How `batch.task.report_name` names a report: its place in the input, a dash, its source, a report format's extension.
_REPORT_NAME = re.compile(r"\d{6}-.+\.(?:html|md|txt|csv|json|xlsx)", re.IGNORECASE)


def reports_written(folder: str | Path) -> Callable[[str], bool]:
    """Whether a file of `folder`, which holds a mark, is a report a run wrote: one the mark lists. A mark of an earlier
    version, which listed a report only once the run had it back from its worker, or none at all (QA39 F1, F2), also
    covers the files named as reports are; a mark that lists each report before it is written covers no more than it
    lists, so that a project named so (510104-锦江区.json) is read (QA42 F1)."""
    try:
        with open(Path(folder) / REPORTS_MARK, "rb") as mark:
            text = mark.read(_MOST).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        text = ""
    listed = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    if _LISTED_FIRST in text:
        return lambda name: name in listed
    return lambda name: name in listed or _REPORT_NAME.fullmatch(name) is not None


def listed_reports(folder: str | Path) -> frozenset[str]:
    """The reports the mark of `folder` lists that are there: what earlier runs wrote, before this one writes."""
    try:
        with open(Path(folder) / REPORTS_MARK, "rb") as mark:
            text = mark.read(_MOST).decode("utf-8", "replace").lstrip("\ufeff")
        there = set(os.listdir(folder))
    except OSError:
        return frozenset()
    return frozenset(name for line in text.splitlines() if (name := line.strip()) and not name.startswith("#")
                     and name in there)


def note_report(folder: Path, name: str) -> None:
    """List `name` in the mark of `folder` before the report is written (by the worker that writes it): a run stopped
    at any time leaves no report unlisted (QA42 F2). A line appended, as each worker does at once; nothing when the
    mark is not there (the run could not make it) or is a link."""
    try:
        handle = os.open(folder / REPORTS_MARK, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    with contextlib.suppress(OSError), os.fdopen(handle, "ab") as mark:
        mark.write(f"{name}\n".encode())


def mark_reports(folder: Path, names: Iterable[str]) -> None:
    """List `names` (the reports this run wrote in `folder`) in its mark, with those it listed before, written whole
    (a temporary file renamed); a mark that is a link is left as it is (QA39 F6), and one that cannot be written too:
    the reports themselves said so when they could not be."""
    mark = folder / REPORTS_MARK
    if mark.is_symlink():
        return
    try:
        with open(mark, "rb") as old:
            before: str | None = old.read(_MOST).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        before = None  # no mark yet
    listed = {line.strip() for line in (before or "").splitlines() if line.strip() and not line.startswith("#")} | set(names)
    if before is not None and _LISTED_FIRST not in before:  # an earlier version's mark (an empty one too, QA45 F1) covered
        with contextlib.suppress(OSError):  # its reports by their names: listed now, or they would be projects (QA43 F1)
            listed |= {name for name in os.listdir(folder) if _REPORT_NAME.fullmatch(name)}
    temporary = folder / f"{REPORTS_MARK}.tmp"
    with contextlib.suppress(OSError):
        temporary.write_text(_HEAD + "".join(f"{name}\n" for name in sorted(listed)), encoding="utf-8")
        os.replace(temporary, mark)
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)
