"""A project's facts document as the batch reads it: a facts file, a filled form, a JSONL line, or facts a program
passes to score_many (a Document, a Facts, a mapping, a path), made into one the same way whatever was passed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._encodings import unicode_codec
from .._facts_api import a_document_not_a_path, there
from .._files import facts_of_document, shown_path
from .._given_facts import READ_FORM_HINT, declares_facts_key
from .._numpy_values import PANDAS_ROW_HINT, is_pandas_row
from .._record import record
from .._text import without_surrogates
from ..errors import Problem
from ..facts import MAX_FACTS_DEPTH, Facts, copied, kept
from ..forms.reader import FORM_SUFFIXES
from ..model import IndicatorSet

__all__ = ["Document", "through_links", "whole_document_facts"]

# a facts file's top level
_DOCUMENT_KEYS = ("indicator_set", "project", "facts", "provenance", "written_for", "about", "not_applicable")


@record
class Document:
    """One project's facts document, not yet read: a facts file, a filled form, a JSONL line, or facts already parsed.

    `source` names it in every output ("dir/a.json", "batch.jsonl:17"); a relative ``indicator_set`` is resolved from
    `folder`; `problem` is set when the document could not even be read (a JSONL line that is not UTF-8). The Python
    API also takes facts already parsed, as `facts`, and a whole facts document as parsed, as `parsed`.
    """

    source: str
    name: str = ""  # its path below the folder named as input (or its file name)
    path: Path | None = None
    line: int | None = None  # a JSONL line: `path` is its file, `text` the line
    text: str | bytes | None = None  # bytes (a line read in binary) are read as UTF-8, as parse_facts reads them
    folder: Path | None = None
    facts: Facts | None = None
    problem: Problem | None = None
    whole: str | None = None  # its file's whole path, found once for a JSONL file's lines or a folder's files (see matched_by)
    parsed: Mapping[str, Any] | None = None  # a whole facts document a program passes as parsed (a copy of it)

    @property
    def matched_by(self) -> str:
        """Its whole path (a JSONL line's with :N), or its name: a re-check without an id is matched by how it ends."""
        if self.path is None:
            return self.name
        whole = self.whole or without_surrogates(through_links(self.path).as_posix())
        return f"{whole}:{self.line}" if self.line is not None else whole

    @property
    def is_form(self) -> bool:
        """A filled 自评表 workbook, read with the set's form layout."""
        return self.path is not None and self.line is None and self.path.suffix.lower() in FORM_SUFFIXES

    @classmethod
    def of(cls, item: Document | Facts | Mapping[str, Any] | str | os.PathLike[str], number: int = 0, *,
           indicator_set: IndicatorSet | None = None) -> Document:
        """A document from what the Python API accepts: a Document, a Facts, a mapping of fact values (as score()
        takes), a whole facts document as parsed (a mapping with `facts` and only the other keys of a facts file:
        indicator_set, project…; or with an object at `facts`, unless `indicator_set`, the set it is scored with,
        declares a fact named facts), or the path of a facts file; `number` names one that has no source of its own."""
        if isinstance(item, Document):
            return _with_paths(item, number)
        if isinstance(item, Facts):  # its mappings may be the caller's, refilled for the next project: copied as read
            if item.source is not None and not isinstance(item.source, str):
                return cls(source=f"#{number + 1}", problem=Problem(
                    f"a Facts' source names its file as text, not {type(item.source).__name__}",
                    hint="give source=str(path), or leave it out"))
            return cls(source=item.source or f"#{number + 1}", folder=_folder_of(item.source), facts=kept(item))
        if isinstance(item, Mapping) and _whole_document(item, indicator_set):  # json.loads of a facts file, or of a JSONL line
            # its values as given, read by whole_document_facts: not written to JSON and read back (QA127 F3)
            return cls(source=f"#{number + 1}", parsed=copied(item))
        if isinstance(item, Mapping):
            return cls(source=f"#{number + 1}", facts=Facts(values=copied(item)))
        if isinstance(item, (str, os.PathLike)):
            return cls._of_path(item, number)
        if isinstance(getattr(item, "facts", None), Facts) and hasattr(item, "provenance"):  # read_form's ImportedFacts
            return cls(source=f"#{number + 1}", problem=Problem(  # told as score() tells it (QA184 F10)
                "a document is a Document, a Facts, a mapping of fact values or the path of a facts file, not the form "
                "read by read_form", hint=READ_FORM_HINT))
        # one bad item of a caller's generator (a NULL row as None) fails alone, as a document that cannot be read does
        return cls(source=f"#{number + 1}", problem=Problem(
            f"a document is a Document, a Facts, a mapping of fact values or the path of a facts file, not "
            f"{type(item).__name__}", hint=PANDAS_ROW_HINT if is_pandas_row(item) else
            "pass the facts of the project, or leave the item out"))

    @classmethod
    def _of_path(cls, item: str | os.PathLike[str], number: int) -> Document:
        """The document at a path; a path-like giving bytes (or nothing usable) or an empty path fails alone."""
        text: object = item if isinstance(item, str) else item.__fspath__()  # os.fspath would raise on bytes
        if not isinstance(text, str):
            return cls(source=f"#{number + 1}", problem=Problem(
                f"a document's path is text, but this {type(item).__name__} gives {type(text).__name__}",
                hint="give the path as text, e.g. os.fsdecode(path)"))
        if not text:  # Path("") is the current folder: a path column left empty, not "."
            return cls(source=f"#{number + 1}", problem=Problem("a document's path is empty", hint=_EMPTY_PATH))
        path = Path(text)
        if (hint := a_document_not_a_path(text, "a facts document's text", "parse_facts(text)")) is not None and \
                not there(text):  # a facts document's text given to score_many as a path (QA334 F4)
            return cls(source=shown_path(text), problem=Problem("no such file", file=shown_path(text), hint=hint))
        return cls(source=str(path), name=path.name, path=path, folder=path.parent)


_EMPTY_PATH = "pass the path of a facts file, or leave the item out"


def _with_paths(document: Document, number: int) -> Document:
    """A caller's Document, its path and folder as Paths (path="a.json" is Path("a.json")); one whose source is not text,
    or whose path or folder is empty or no path, fails alone."""
    if not isinstance(document.source, str):
        return Document(source=f"#{number + 1}", problem=Problem(
            f"a Document's source is text, not {type(document.source).__name__}", hint="give source=str(...)"))
    fields: dict[str, Any] = {} if document.text is None or isinstance(document.text, str) else {"text": _text_of(document.text)}
    for key in ("path", "folder"):
        given = getattr(document, key)
        text = given.__fspath__() if isinstance(given, os.PathLike) and not isinstance(given, Path) else given
        if isinstance(text, str):  # Path("") is the current folder: a path column left empty, not "."
            fields[key] = Path(text) if text else Problem(f"a document's {key} is empty", hint=_EMPTY_PATH)
        elif isinstance(given, os.PathLike) and not isinstance(given, Path):  # its __fspath__ gave bytes, or no path
            fields[key] = Problem(f"a document's {key} is text, but this {type(given).__name__} gives {type(text).__name__}",
                                  hint="give the path as text, e.g. os.fsdecode(path)")
        elif text is not None and not isinstance(text, Path):
            fields[key] = Problem(f"a Document's {key} is a path, not {type(given).__name__}", hint=f"give {key}=Path(...)")
    # facts a program passes in a Document may be its own mapping, refilled for the next project: copied as read (QA100 F2)
    if isinstance(document.facts, Facts):
        fields["facts"] = kept(document.facts)
    elif isinstance(document.facts, Mapping):
        fields["facts"] = Facts(values=copied(document.facts))
    elif document.facts is not None:
        fields["facts"] = Problem(f"a Document's facts are a Facts or a mapping of fact values, not "
                                  f"{type(document.facts).__name__}", hint="give facts=Facts(values=...)")
    if document.parsed is not None:  # a whole facts document, as Document.of keeps one: copied as read too
        fields["parsed"] = copied(document.parsed) if isinstance(document.parsed, Mapping) else Problem(
            f"a Document's parsed is a whole facts document (a mapping), not {type(document.parsed).__name__}",
            hint="pass the document itself, not in a Document")
    problem = next((p for p in fields.values() if isinstance(p, Problem)), None)
    if problem is not None:
        return Document(source=document.source, problem=problem)
    return replace(document, **fields) if fields else document


def _text_of(text: object) -> str | Problem:
    """A Document's text given as bytes, read as UTF-8 as parse_facts reads them; another kind of value, said as the
    caller's mistake, not as the engine's internal error (QA317 1). A byte-order mark first is dropped, as parse_facts
    drops it: the first line of a JSONL file saved with one, read in binary (QA321 F6)."""
    if not isinstance(text, (bytes, bytearray)):
        return Problem(f"a Document's text is the JSON text of a facts document (str or UTF-8 bytes), not {type(text).__name__}",
                       hint="give text=json.dumps(document), or the facts as facts=...")
    if (codec := unicode_codec(bytes(text))) is not None:  # never told to decode UTF-16 as GB18030 (QA334 F3)
        return Problem(f"the facts text is {codec.upper()[:6]}, not UTF-8",
                       hint=f"decode the text with its encoding first, e.g. text=line.decode(\"{codec}\")")
    try:
        return bytes(text).decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        return Problem(f"the facts text is not UTF-8 (byte {err.start} cannot be read)",
                       hint="decode the text with its encoding first, e.g. text=line.decode(\"gb18030\")")


def _folder_of(source: str | None) -> Path | None:
    """The folder of the file Facts were read from (load_facts), where the set they name is, as for its path (QA57 F1)."""
    try:
        return Path(source).parent if source and Path(source).is_file() else None
    except (OSError, ValueError):  # a source that is no path: a name too long, a NUL
        return None


#: The parts of a whole facts document read as score() reads a Facts' (the rest is a facts file's top level).
_SCORED_PARTS = ("facts", "project", "not_applicable")


def whole_document_facts(document: Mapping[str, Any], source: str) -> Facts:
    """The Facts of a whole facts document a program passes as parsed: its top level (a key no facts file has, an
    indicator_set that is not text, provenance, about) checked as a facts file's is, and its facts, project and
    not_applicable left to score(), which checks them as it checks the same values given as Facts: the same messages,
    each located, a date kept a date and hashed as one, a datetime at midnight taken for a date (QA127 F3)."""
    values: Any = document.get("facts")  # facts that are no object (or none) are said at $.facts, as a facts file's are
    facts_of_document({**{k: v for k, v in document.items() if k not in _SCORED_PARTS},
                       "facts": {} if isinstance(values, Mapping) else values}, source)
    return Facts(values=_as_written(values), not_applicable=document.get("not_applicable", {}),
                 project=_as_written(document.get("project", {})), indicator_set=document.get("indicator_set"), source=source)


def _as_written(value: Any, depth: int = 0, made: dict[int, Any] | None = None) -> Any:
    """`value` with each finite float the shortest number that gives it back (0.85, not 0.84999…): a document
    json.loads or yaml.safe_load read hashes as the file does where the file writes its numbers so (QA130 F1). A list
    or mapping held in two places is made once (`made`), so a document of shared parts is walked in the time of its
    parts. What is nested too deep is left for the facts' own depth check to refuse; NaN and infinity for their own
    message."""
    if type(value) is float and math.isfinite(value):
        return Decimal(repr(value))
    if depth > MAX_FACTS_DEPTH or not isinstance(value, (Mapping, list)):
        return value
    made = {} if made is None else made
    if id(value) not in made:
        made[id(value)] = ({k: _as_written(v, depth + 1, made) for k, v in value.items()} if isinstance(value, Mapping)
                           else [_as_written(v, depth + 1, made) for v in value])
    return made[id(value)]


def _whole_document(item: Mapping[str, Any], indicator_set: IndicatorSet | None) -> bool:
    # facts of any value (not an object: said so, QA77 F1); a set or project named beside an unknown key, told of it
    # (QA98 F5); facts that are an object beside a misspelt key (not_aplicable), as score() reads them (QA153 F4)
    return "facts" in item and (all(key in _DOCUMENT_KEYS for key in item) or "indicator_set" in item or "project" in item
                                or (isinstance(item["facts"], Mapping)
                                    and (indicator_set is None or not declares_facts_key(indicator_set))))


def through_links(file: Path, folders: dict[Path, Path] | None = None) -> Path:
    """The file's whole path with its folders' links followed (a folder given through a link is matched by the folder
    it links to) and its own name kept (a file that is a link into a content store keeps the name it was given).
    `folders` keeps each folder's, found once for the files of a folder read together."""
    if folders is None:
        return Path(os.path.realpath(file.parent)) / file.name
    folder = folders.get(file.parent)
    if folder is None:
        folder = folders[file.parent] = Path(os.path.realpath(file.parent))
    return folder / file.name
