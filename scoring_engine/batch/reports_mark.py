"""The file `batch --reports DIR` leaves in DIR, naming the reports it wrote there, so that a later batch searching a
folder above DIR does not read them as projects (QA34 F4: forms a run wrote scored again, every figure doubled), and
reads everything else in DIR (QA35 F3, QA37 F3/F4: projects kept or later put there are never passed over).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["REPORTS_MARK", "mark_reports", "reports_written"]

#: The mark's file name (hidden: a folder search never reads a file whose name starts with a dot).
REPORTS_MARK = ".scoring-engine-reports"
_HEAD = ("# scoring-engine batch --reports 写出的报告，批量评分搜索文件夹时不作为项目读取。\n"
         "# 以下为这些报告的文件名；本文件夹中的其他文件照常读取。\n")
_MOST = 10_000_000  # bytes of a mark read: names of a province's reports fit many times over


def reports_written(folder: str | Path) -> frozenset[str]:
    """The names of the reports the mark in `folder` lists (none when it cannot be read)."""
    try:
        with open(Path(folder) / REPORTS_MARK, encoding="utf-8", errors="replace") as mark:
            text = mark.read(_MOST)
    except OSError:
        return frozenset()
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def mark_reports(folder: Path, names: Iterable[str]) -> None:
    """List `names` (the reports this run wrote in `folder`) in its mark, with those it listed before. A mark that cannot
    be written is left: the reports themselves said so when they could not be."""
    listed = reports_written(folder) | set(names)
    with contextlib.suppress(OSError):
        (folder / REPORTS_MARK).write_text(_HEAD + "".join(f"{name}\n" for name in sorted(listed)), encoding="utf-8")
