"""A bundled set copied out to adapt: its text with a `$schema` comment that still reaches the schema from where it lands.

A bundled set's first line tells editors (VS Code's YAML extension, through
yaml-language-server) where its schema is: ``$schema=../schemas/…``, a path
that holds only inside the package. The copy names the installed schema by a
path relative to the folder it is written to (an absolute ``file://`` address
where no relative path exists, as between two Windows drives), so that
completion and checking in the editor keep working on the copy.

>>> text = "# yaml-language-server: $schema=../schemas/indicator-set.schema.json\\nid: x\\n"
>>> with_schema_comment(text, "../lib/scoring_engine/schemas/indicator-set.schema.json").splitlines()[0]
'# yaml-language-server: $schema=../lib/scoring_engine/schemas/indicator-set.schema.json'
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

from ._files import shown_path
from ._commit import write_together
from ._output import advice
from ._resources import data_dir
from .errors import IndicatorSetError, Problem, ScoringEngineError, did_you_mean
from .loader import bundled_sets
from ._patterns import compile_later

__all__ = ["SCHEMA_COMMENT", "bundled_set_file", "copied_set_text", "copy_bundled_set", "schema_reference",
           "with_schema_comment"]

#: The comment editors read the schema from, without the path.
SCHEMA_COMMENT = "# yaml-language-server: $schema="
_COMMENT_LINE = compile_later(r"^# yaml-language-server: \$schema=\S*[ \t]*$", re.M)


def schema_reference(folder: Path) -> str:
    """The installed indicator-set schema as `folder` reaches it: a relative POSIX path, or a file:// address."""
    schema = (data_dir("schemas") / "indicator-set.schema.json").resolve()
    try:
        return Path(os.path.relpath(schema, folder.resolve())).as_posix()
    except ValueError:  # another drive: no relative path leads there
        return schema.as_uri()


def with_schema_comment(text: str, reference: str) -> str:
    """`text` with its `$schema` comment pointing at `reference` (the comment added as the first line if it had none)."""
    line = SCHEMA_COMMENT + reference
    if _COMMENT_LINE.search(text):
        return _COMMENT_LINE.sub(lambda _: line, text, count=1)
    return line + "\n" + text


def copied_set_text(bundled: Path, folder: Path) -> str:
    """The text of the bundled set file `bundled` as copied into `folder`."""
    return with_schema_comment(bundled.read_text(encoding="utf-8"), schema_reference(folder))


def bundled_set_file(set_id: str) -> Path:
    """The file of bundled set `set_id`; any other name (a path too: `sets` prints and copies bundled sets only, QA119 F4)
    refused with the closest id or the list of them."""
    bundled = bundled_sets()
    if set_id not in bundled:
        raise IndicatorSetError(Problem(f"no bundled set {shown_path(set_id)!r}", hint=did_you_mean(set_id, bundled)
                                        or "bundled sets: " + ", ".join(bundled)))
    return bundled[set_id]


def copy_bundled_set(set_id: str, folder: Path) -> list[Path]:
    """Write bundled set `set_id` into `folder` (made if missing) as ID.yaml, with its test cases and their base facts
    beside it (ID.cases.yaml, ID.facts.json: what a maintainer runs after each edit, QA293 F4), and return their paths;
    a file already there is kept, the copy refused, nothing written."""
    bundled = bundled_set_file(set_id)
    made = _made(folder)
    try:
        texts = {folder / f"{set_id}.yaml": copied_set_text(bundled, folder), **_beside_set(bundled, set_id, folder)}
        for target in texts:
            if os.path.exists(target):
                raise ScoringEngineError(Problem("already exists: the copy would replace it", file=str(target),
                                                 hint="rename or remove it, or copy into another folder"))
        # the three files appear together or not at all: a full disk left the set alone, and the copy run again was
        # refused for it (QA320 F3)
        write_together(dict(texts))
    except BaseException:
        if made:  # a folder this run made, left empty: taken away too
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return list(texts)


def _made(folder: Path) -> bool:
    """Make `folder` if missing (as batch --reports makes its folder); whether it was made. A file of that name is
    refused (a name too long to look up is no folder, which mkdir then says: QA163 F4)."""
    if os.path.isdir(folder):
        return False
    if os.path.islink(folder):  # mkdir would say only "file exists": the link is there, no folder (QA216 5)
        raise ScoringEngineError(_no_folder_linked(folder))
    try:
        folder.mkdir(parents=True)
    except OSError as err:
        raise ScoringEngineError(Problem(f"cannot create the folder: {err.strerror or err}", file=str(folder),
                                         hint=advice(err) or "give another folder")) from None
    return True


def _beside_set(bundled: Path, set_id: str, folder: Path) -> dict[Path, str]:
    """The bundled set's cases file (which names the set by its file beside it) and base facts, as copied into `folder`:
    the facts name the copy's file, not the bundled id, so that its cases score them as written for it."""
    found: dict[Path, str] = {}
    cases, facts = bundled.with_name(f"{set_id}.cases.yaml"), bundled.with_name(f"{set_id}.facts.json")
    if cases.is_file():
        found[folder / cases.name] = cases.read_text(encoding="utf-8")
    if facts.is_file():
        found[folder / facts.name] = facts.read_text(encoding="utf-8").replace(
            f'"indicator_set": "{set_id}"', f'"indicator_set": "{set_id}.yaml"', 1)
    return found


def _no_folder_linked(link: Path) -> Problem:
    """What a link given as the folder to copy into, naming no folder, is: a loop of links, or a link to no folder."""
    try:
        os.stat(link)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return Problem("cannot create the folder: it is a symbolic link in a loop of links", file=str(link),
                           hint="remove the link, or give another folder")
    return Problem(f"cannot create the folder: it is a link to {os.readlink(link)}, which is no folder", file=str(link),
                   hint="make the folder it names, or give the folder itself")
