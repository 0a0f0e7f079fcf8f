"""The files beside a file that names one that is not there, for its did-you-mean: a misspelt name, or the sets there."""

from __future__ import annotations

import json
import os
import re
import stat
import threading
from collections import OrderedDict
from pathlib import Path
from typing import NamedTuple
from ._patterns import compile_later

__all__ = ["files_beside", "sets_among", "sets_with_id"]

#: A set's own top-level keys in a YAML file: what tells a set from a facts or a case file (whose `id` is the project's,
#: indented under `project:`). `id:` comes first in a set, before any header of facts that may run past _READ.
_SET_KEY = compile_later(rb"^(?:indicators|extends|id|grades)[ \t]*:", re.MULTILINE)
_LOOKED_INTO = 50  # files whose beginning is read, at most
_SCANNED, _NAMES = 20_000, 500  # entries of a folder looked at, and YAML or JSON names kept of them
_READ = 8192  # bytes of each
_JSON_READ = 1 << 20  # a JSON file is read whole, up to this, to find its top-level keys
_FOLDERS = 16  # folders whose files' kinds are kept (each at most _LOOKED_INTO heads of _READ bytes: 6.4 MB in all)


def files_beside(folder: Path) -> list[str]:
    """The names of the YAML and JSON files in `folder` (at most a few hundred, among the first few thousand entries:
    a folder of 3,000 units' forms does not hide the set beside them, QA76 F2), for a did-you-mean."""
    try:
        names = [entry.name for _, entry in zip(range(_SCANNED), os.scandir(folder), strict=False)]
    except OSError:
        return []
    return [n for n in names if n.lower().endswith((".yaml", ".yml", ".json"))][:_NAMES]


def sets_among(folder: Path, names: list[str], naming: str | None = None) -> list[str]:
    """Those of `names` (files in `folder`) that look like indicator sets: a set's own key at their top level (QA67 F2,
    QA82 F1: a facts file, even the one naming the missing set, was offered as the set), not those that name `naming` as
    their set or base (a profile whose `extends:` is misspelt is not the set it meant), nor those that extend one of
    those, directly or through others beside them (QA178 F4: city.yaml's missing base was offered edu.yaml, a profile of
    city.yaml: a loop)."""
    kinds = _kinds(folder, sorted(names)[:_LOOKED_INTO])  # read once while the files stay as they are (QA221 5)
    written = naming.encode("utf-8", "surrogateescape") if naming else b""  # in a head, before the pattern: a byte search
    heads = {name: kind.head for name, kind in kinds.items() if naming and kind.head and written in kind.head}
    pattern = _names(naming) if naming and heads else None
    naming_it = {name for name, head in heads.items() if pattern and pattern.search(head)}
    found = {name: kind.base for name, kind in kinds.items() if kind.base is not None and name not in naming_it}
    for _ in range(len(found)):  # each pass takes one more link of a chain built on a file naming it
        more = {name for name, base in found.items() if base in naming_it}
        if not more:
            break
        naming_it |= more
        found = {name: base for name, base in found.items() if name not in more}
    return list(found)


class _Kind(NamedTuple):
    """What sets_among needs of a file, whatever name is looked up: its head if it may name a set (indicator_set: or
    extends:), and, if it is a set, the file it extends as written ('.' for none)."""

    head: bytes | None
    base: str | None


_kept: OrderedDict[tuple[str, tuple[tuple[str, int, int], ...]], dict[str, _Kind]] = OrderedDict()
_kept_lock = threading.Lock()  # score_many may be called from threads


def _kinds(folder: Path, names: list[str]) -> dict[str, _Kind]:
    """The kind of each of `names` that is a regular file of `folder`, in their order. Kept by the folder and the stamps
    (name, mtime, size) of its files: a JSONL whose lines name 1,000 sets not there read them once, not 1,000 times
    (QA221 5: 50 facts files of 900 KB, read and parsed again for each name, 0.35 s a name)."""
    stamps = []
    for name in names:
        try:
            status = os.stat(folder / name)
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):  # a pipe is never opened: nobody may write to it
            stamps.append((name, status.st_mtime_ns, status.st_size))
    key = (os.path.abspath(folder), tuple(stamps))
    with _kept_lock:
        kinds = _kept.get(key)
        if kinds is not None:
            _kept.move_to_end(key)
            return kinds
    kinds = {}
    for name, _, _ in stamps:
        kind = _kind(folder / name)
        if kind is not None:
            kinds[name] = kind
    with _kept_lock:
        _kept[key] = kinds
        while len(_kept) > _FOLDERS:
            _kept.popitem(last=False)
    return kinds


def _kind(path: Path) -> _Kind | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(_READ).removeprefix(b"\xef\xbb\xbf")  # as Notepad saves it (QA85 F5)
            if head.lstrip(b" \t\r\n").startswith(b"{"):  # JSON: its keys at the top level only
                is_set = _json_set(head + handle.read(_JSON_READ - len(head)))
            else:
                is_set = _SET_KEY.search(head) is not None
    except OSError:
        return None
    naming = b"indicator_set" in head or b"extends" in head  # what _names looks for: else it names no set
    return _Kind(head if naming else None, os.path.normpath(_written(_EXTENDS, head) or ".") if is_set else None)


def _names(naming: str) -> re.Pattern[bytes]:
    """A file's `indicator_set:` or `extends:` naming `naming` (not a set's own `id:` of that name: QA85 F1)."""
    written = re.escape(naming.encode("utf-8", "surrogateescape"))
    return re.compile(rb'^(?:indicator_set|extends)[ \t]*:[ \t]*["\']?' + written + rb'["\']?[ \t]*(?:#.*)?\r?$|'
                      rb'"(?:indicator_set|extends)"\s*:\s*"' + written + rb'"', re.MULTILINE)


def _json_set(data: bytes) -> bool:
    """Whether a JSON file's text is a set: `indicators` or `extends` among its top-level keys (a facts file's
    decision.indicators is no set), and not `engine` and `total` (a result written by score has indicators too: QA179 F3)."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):  # cut at _JSON_READ, or no JSON: not offered
        return False
    if not isinstance(doc, dict) or ("engine" in doc and "total" in doc):
        return False
    return "indicators" in doc or "extends" in doc


def sets_with_id(folder: Path, set_id: str, levels: int = 3) -> list[tuple[Path, str | None]]:
    """The files of the sets whose id is `set_id` in the nearest of `folder` and up to `levels` folders above it that
    holds any (a bureau keeps its province's profile beside the folder of the units' forms), each with the version it
    declares (None when it declares none): last year's file and this year's share the id, this year's written `id:` or
    inherited from last year's, which it `extends:` (QA152 F2)."""
    written = re.escape(set_id.encode("utf-8", "surrogateescape"))
    own = re.compile(rb'^id[ \t]*:[ \t]*["\']?' + written + rb'["\']?[ \t]*(#.*)?\r?$|"id"\s*:\s*"' + written + rb'"',
                     re.MULTILINE)
    for place in [folder, *folder.parents][:levels + 1]:
        heads = {}
        for name in sets_among(place, files_beside(place)):
            try:
                with (place / name).open("rb") as handle:
                    heads[name] = handle.read(_READ).removeprefix(b"\xef\xbb\xbf")  # (QA87 F3)
            except OSError:
                continue
        ids = {name for name, head in heads.items() if own.search(head)}
        for _ in range(len(heads)):  # a profile with no id of its own has its base's: each pass takes one more link
            more = {name for name, head in heads.items()
                    if name not in ids and not _ANY_ID.search(head)
                    and os.path.normpath(_written(_EXTENDS, head) or ".") in ids}
            if not more:
                break
            ids |= more
        found = [(place / name, _written(_VERSION, head) or None) for name, head in heads.items() if name in ids]
        if found:
            return found
    return []


def _written(key: re.Pattern[bytes], head: bytes) -> str:
    """The value of a set's top-level `key` in its file's head, YAML or JSON; '' when it has none."""
    found = key.search(head)
    written = (found.group(1) or found.group(2) or b"") if found is not None else b""
    return written.decode("utf-8", "replace").strip()


#: A set's own version in its head, YAML (quoted or not) or JSON (a string or a number).
_VERSION = compile_later(rb'^version[ \t]*:[ \t]*["\']?([^"\'#\r\n]*?)["\']?[ \t]*(?:#.*)?\r?$|'
                         rb'"version"\s*:\s*"?([^",}\s]+)', re.MULTILINE)
_ANY_ID = compile_later(rb'^id[ \t]*:|"id"\s*:', re.MULTILINE)
#: The file beside it that a profile extends, YAML or JSON.
_EXTENDS = compile_later(rb'^extends[ \t]*:[ \t]*["\']?([^"\'#\r\n]*?)["\']?[ \t]*(?:#.*)?\r?$|'
                         rb'"extends"\s*:\s*"([^"]+)"', re.MULTILINE)
