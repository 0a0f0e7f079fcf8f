"""What a file a batch meets is, by a look at its head: an earlier run's summary (its .jsonl lines or its workbook's
sheets), a YAML file of facts or an indicator set, a case file. Part of the search (`inputs`), which names them."""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from pathlib import Path

from .._encodings import UTF16_MARKS
from .._json_depth import too_deep
from .._other_kinds import SUMMARY_LINE
from ..loader import MAX_FACTS_BYTES
from .._patterns import compile_later

__all__ = ["A_SUMMARY_HINT", "JSONL_SUFFIX", "batch_summary", "holds_facts", "not_facts", "regular"]

#: Files read as one facts document a line.
JSONL_SUFFIX = ".jsonl"
_KEYS = ("facts", "indicators", "cases", "extends", "indicator_set", "project", "事实")
_SET_KEYS = {"indicators", "cases", "extends"}  # an indicator set, a profile or a case file: no facts file
_MEANT_AS_FACTS = {"facts", "indicator_set", "project", "事实"}  # a facts file, its facts: misspelt or not
_TOP_KEY = compile_later(r"^[\"']?(facts|indicators|cases|extends|indicator_set|project|事实)[\"']?[ \t]*[:：]", re.M)
#: A summary `batch` wrote, found where its projects are looked for.
A_SUMMARY_HINT = "give the facts files it summarised; a folder search leaves such summaries out"
_SUMMARY_SHEETS = ('name="汇总"'.encode(), 'name="指标明细"'.encode())


def batch_summary(path: Path) -> bool:
    """Whether a .jsonl or .xlsx file is a summary `batch` wrote (its lines start {"index":…,"source":…; its workbook has
    the sheets 汇总 and 指标明细): an earlier run's output left in the folder, not projects."""
    suffix = path.suffix.lower()
    if suffix not in (JSONL_SUFFIX, ".xlsx") or not regular(path):
        return False
    try:
        if suffix == JSONL_SUFFIX:
            with path.open("rb") as handle:
                return SUMMARY_LINE.match(handle.read(64).lstrip()) is not None
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("xl/workbook.xml")
            return info.file_size < 1_000_000 and all(name in book.read(info) for name in _SUMMARY_SHEETS)
    except Exception:  # damaged (a zlib.error, "zip file version 9.2": QA65 F2): reading it as a form says what is wrong
        return False


def regular(path: Path) -> bool:
    """Whether `path` is a regular file: a pipe or a device is never opened (a pipe nobody writes to would wait for ever)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def holds_facts(path: Path) -> bool:
    """A YAML file is read as facts when its top level has facts: (or names its set or project, its facts: misspelt:
    reading it says so) and none of indicators:, cases: and extends: (a profile that changes its base's facts has facts:
    too); and when it holds nothing (a unit's file left empty is a project not filed, not a file to pass over)."""
    keys = _top_keys(path)
    return keys is None or (not keys & _SET_KEYS and bool(keys & _MEANT_AS_FACTS or _blank(path)))


def _blank(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_FACTS_BYTES).decode("utf-8-sig", "replace")
    except OSError:
        return False
    # nothing but blank lines and comments, read line by line (a pattern of them tried every way of grouping the blank
    # lines before a line of words: each blank line doubled the time, QA299 F2)
    return all(not (bare := line.lstrip()) or bare.startswith("#") for line in head.split("\n"))


def not_facts(path: Path) -> str | None:
    """What a YAML file given as an input is when it is plainly no facts file ("an indicator set", "a case file"), so
    that one line says so instead of every key the facts schema does not know; None otherwise."""
    keys = _top_keys(path) if path.suffix.lower() in (".yaml", ".yml") else None
    if not keys or not keys & _SET_KEYS:
        return None
    return "a case file" if "cases" in keys else "an indicator set"


def _top_keys(path: Path) -> set[str] | None:
    """Which of facts:, indicators:, cases: and extends: a YAML file has at the top level; None when it cannot be read
    (reading it says why)."""
    if not regular(path):
        return None
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FACTS_BYTES)  # a byte-order mark is no part of the first key
            head = data.decode("utf-16" if data.startswith(UTF16_MARKS) else "utf-8-sig", "replace")
    except OSError:
        return None
    if head.lstrip().startswith("{"):  # JSON is YAML too: a facts file saved as .yaml by a tool that writes JSON
        if too_deep(head, None) is not None:
            return None  # too deep to decode on every Python: reading it says how deep (QA215 4)
        try:
            document = json.loads(head)
        except (ValueError, RecursionError):
            document = None
        if isinstance(document, dict):
            return {key for key in document if key in _KEYS}
    return set(_TOP_KEY.findall(head))

