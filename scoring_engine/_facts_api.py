"""The facts' entry points `loader` gives: `load_facts` (a file) and `parse_facts` (a document's text), and the line for
a text given where a path goes, or a path given where a text goes, whose fix is the other function (QA330 F2)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ._arith import in_engine_context
from ._command_line import run_as_command
from ._encodings import reading_otherwise, unicode_codec
from ._files import MAX_FACTS_BYTES, facts_from_text, read_text, shown_path
from ._old_workbooks import old_workbook_problem
from ._other_kinds import OTHER_SUFFIXES, other_kind, written_table
from .errors import FactsError, Problem, named_source
from .facts import Facts

__all__ = ["load_facts", "parse_facts", "a_document_not_a_path", "there"]

#: The endings of the files a facts or set path names: a text ending so, on one line, is a path.
_FILE_ENDINGS = (".json", ".yaml", ".yml")


@in_engine_context
def parse_facts(text: str | bytes, source: str | os.PathLike[str] | None = None, yaml: bool = False) -> Facts:
    """Facts from a facts document in JSON (or YAML, with `yaml`) text; no file is read (a text that is no document is
    told so when it is a file's path).

    The text is held to the limits of a facts file, its size (MAX_FACTS_BYTES, in UTF-8) included: a request body read
    with it meets the bounds the command line's files do. Bytes (a request's body) are read as UTF-8.
    """
    source = named_source(source)  # a Path named as text: every problem below is said with it (QA127 F1)
    if isinstance(text, (bytes, bytearray)):
        body = bytes(text)
        if (other := _other_encoding(body, source)) is not None:
            raise FactsError(other)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise FactsError(Problem(f"the facts text is not UTF-8 (byte {err.start} cannot be read)", file=source,
                                     hint="decode the body with its encoding first, e.g. body.decode(\"gb18030\")")) from None
    if not isinstance(text, str):
        raise TypeError(f"parse_facts takes the text of a facts document (str or UTF-8 bytes), not {type(text).__name__}")
    text = text.removeprefix("\ufeff")  # a body saved by Notepad as UTF-8: its byte-order mark dropped, as load_facts does
    try:
        return facts_from_text(text, source, yaml)
    except FactsError as err:  # YAML text read as JSON: the caller is told of yaml=True
        if _a_path(text):  # a file's name, read as JSON it said 'Expecting value', as YAML 'got text' (QA330 F2)
            raise FactsError(Problem(f"the text {text.strip()!r:.80} is a file's path, not a facts document", file=source,
                                     hint="read the file with load_facts(path)")) from None
        first = err.problems[0]
        if yaml or len(err.problems) > 1 or first.hint or not first.message.startswith("JSON syntax") or \
                text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
            raise
        raise FactsError(replace(first, hint="the text is read as JSON: for YAML, pass yaml=True")) from None


def _other_encoding(body: bytes, source: str | None) -> Problem | None:
    """The line for a body in UTF-16 or UTF-32, by its byte-order mark, or in UTF-16 saved without one, as the command
    line names a file so (QA330 F3: it was told body.decode("gb18030"), which raised on it); else None."""
    codec = unicode_codec(body)  # UTF-32 without its mark too (QA334 F3)
    if codec is None:
        return None
    return Problem(f"the facts text is {codec.upper()[:6]}, not UTF-8", file=source,
                   hint=f"decode the body with its encoding first, e.g. body.decode(\"{codec}\")")


def _a_path(text: str) -> bool:
    """Whether `text` is a file's path rather than a document: one line ending in .json, .yaml or .yml, or naming a file
    that is there."""
    name = text.strip()
    if not name or "\n" in name or len(name) > 4096 or name.startswith(("{", "[")):
        return False
    if name.lower().endswith(_FILE_ENDINGS):
        return True
    try:
        return Path(name).is_file()
    except (OSError, ValueError):  # a name the system cannot hold is no file there
        return False


def there(path: str | os.PathLike[str]) -> bool:
    """Whether something is at `path` (a name too long, or holding a NUL, is nothing there)."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def a_document_not_a_path(path: str | os.PathLike[str], what: str, call: str) -> str | None:
    """The hint for a document's text given where a path goes (a newline in it, or opening with { or [), naming `call`,
    the function that takes it (for a program only: no command takes a document as an argument); else None."""
    if run_as_command() or not isinstance(path, str) or not ("\n" in path or path.lstrip().startswith(("{", "["))):
        return None
    return f"this is {what}, not a path: read it with {call}"


@in_engine_context
def load_facts(path: str | Path, encoding: str | None = None) -> Facts:
    """Load a facts file (.json, or .yaml/.yml); one that is not UTF-8 is read in `encoding` if given (e.g. "gb18030")."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path is the path of a facts file (text or a Path), not {type(path).__name__}")
    file = Path(path)
    if file.suffix.lower() in OTHER_SUFFIXES or written_table(file):  # what `batch` takes or writes, or `score` writes
        raise FactsError(other_kind(file, shown_path(path)))
    refused = old_workbook_problem(file, shown_path(path))
    if refused is not None:
        raise FactsError(refused)
    try:
        with reading_otherwise(encoding, FactsError, shown_path(path)):
            text, _ = read_text(file, MAX_FACTS_BYTES, FactsError)
    except FactsError as err:  # a document's text given as its path: 'no such file', and nothing said of parse_facts
        hint = a_document_not_a_path(path, "a facts document's text", "parse_facts(text)")
        if hint is None or len(err.problems) != 1 or there(path):  # however long: 'File name too long' (QA334 F4)
            raise
        raise FactsError(replace(err.problems[0], message="no such file", hint=hint)) from None
    return facts_from_text(text, shown_path(path), yaml=file.suffix.lower() in (".yaml", ".yml"))
