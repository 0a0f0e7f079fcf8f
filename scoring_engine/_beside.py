"""The files beside a file that names one that is not there, for its did-you-mean: a misspelt name, or the sets there."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

__all__ = ["files_beside", "sets_among", "sets_with_id"]

#: A set's own top-level keys in a YAML file: what tells a set from a facts or a case file (whose `id` is the project's,
#: indented under `project:`). `id:` comes first in a set, before any header of facts that may run past _READ.
_SET_KEY = re.compile(rb"^(?:indicators|extends|id|grades)[ \t]*:", re.MULTILINE)
_LOOKED_INTO = 50  # files whose beginning is read, at most
_SCANNED, _NAMES = 20_000, 500  # entries of a folder looked at, and YAML or JSON names kept of them
_READ = 8192  # bytes of each
_JSON_READ = 1 << 20  # a JSON file is read whole, up to this, to find its top-level keys


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
    found: dict[str, str] = {}  # a set → the file beside it that it extends, as written
    naming_it: set[str] = set()
    for name in sorted(names)[:_LOOKED_INTO]:
        path = folder / name
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe is never opened: nobody may write to it
                continue
            with path.open("rb") as handle:
                head = handle.read(_READ).removeprefix(b"\xef\xbb\xbf")  # as Notepad saves it (QA85 F5)
                if naming and _names(naming).search(head):
                    naming_it.add(name)
                elif head.lstrip(b" \t\r\n").startswith(b"{"):  # JSON: its keys at the top level only
                    if _json_set(head + handle.read(_JSON_READ - len(head))):
                        found[name] = os.path.normpath(_written(_EXTENDS, head) or ".")
                elif _SET_KEY.search(head):
                    found[name] = os.path.normpath(_written(_EXTENDS, head) or ".")
        except OSError:
            continue
    for _ in range(len(found)):  # each pass takes one more link of a chain built on a file naming it
        more = {name for name, base in found.items() if base in naming_it}
        if not more:
            break
        naming_it |= more
        found = {name: base for name, base in found.items() if name not in more}
    return list(found)


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
_VERSION = re.compile(rb'^version[ \t]*:[ \t]*["\']?([^"\'#\r\n]*?)["\']?[ \t]*(?:#.*)?\r?$|'
                      rb'"version"\s*:\s*"?([^",}\s]+)', re.MULTILINE)
_ANY_ID = re.compile(rb'^id[ \t]*:|"id"\s*:', re.MULTILINE)
#: The file beside it that a profile extends, YAML or JSON.
_EXTENDS = re.compile(rb'^extends[ \t]*:[ \t]*["\']?([^"\'#\r\n]*?)["\']?[ \t]*(?:#.*)?\r?$|'
                      rb'"extends"\s*:\s*"([^"]+)"', re.MULTILINE)
