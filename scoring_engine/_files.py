"""Reading files: a file's text within a size limit, a set named by path or bundled id, facts documents.

Every way reading can fail (no such file, a folder, too big, not UTF-8, bad
JSON, NaN, a duplicate key) becomes a problem naming the file, never a traceback.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
import stat
from contextvars import ContextVar
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from . import _reads, _yaml
from ._arith import CONTEXT, decimal_from_text, in_engine_context, too_many_digits
from ._beside import files_beside, sets_among
from ._command_line import in_python
from ._encodings import decode
from ._facts_pass import is_clean, more_values
from ._json_depth import too_deep
from ._resources import data_dir
from ._quick_schema import fits
from ._other_kinds import document_kind
from ._path_encoding import unnamed
from ._links import broken_link
from ._permissions import read_right
from .errors import STDIN, FactsError, IndicatorSetError, Problem, did_you_mean, json_path
from .fact_values import out_of_range_words
from .facts import MAX_FACT_DIGITS, MAX_FACTS_DEPTH, Facts, NotANumber, document_problems, fact_at

__all__ = ["MAX_FACTS_BYTES", "OUTSIDE_HINT", "STDIN", "read_text", "read_yaml_text", "read_bytes", "read_stream",
           "not_a_regular_file", "bundled_sets", "resolve_set", "inside_folder", "facts_from_text", "load_facts_from",
           "facts_of_document"]

#: Largest facts file read, in bytes (a project's facts take a few kilobytes; a megabyte of numbers decodes to ~40 MB).
MAX_FACTS_BYTES = 1_000_000

_LIMIT_NAMES = {MAX_FACTS_BYTES: "MAX_FACTS_BYTES"}  # a YAML file's limit is named by read_yaml_text: the two may be equal
_SHOWN_DOCUMENT_PROBLEMS = 20  # bad values listed from one facts document


def read_text(path: Path, limit: int, error: type[Exception], limit_name: str | None = None) -> tuple[str, bytes]:
    """A file's text (UTF-8, BOM allowed) and its bytes; clear errors for every way reading can fail (see `read_bytes`)."""
    return _decoded(read_bytes(path, limit, error, limit_name), shown_path(path), error)


def read_yaml_text(path: Path, error: type[Exception]) -> tuple[str, bytes]:
    """A YAML file's text (a set, a profile's base, a case file, a layout) and its bytes, at most MAX_YAML_BYTES, named
    so when it is larger (QA222 2: at 1,000,000 bytes as MAX_FACTS_BYTES, it was called by the facts' limit's name)."""
    return read_text(path, _yaml.MAX_YAML_BYTES, error, "MAX_YAML_BYTES")


def read_bytes(path: Path, limit: int, error: type[Exception], limit_name: str | None = None) -> bytes:
    """A file's bytes, at most `limit` (named `limit_name` in the message); clear errors for every way reading can fail.

    Only a regular file is read, and at most `limit` + 1 bytes of it: a device
    (/dev/zero) would be read until memory runs out, and a pipe nobody writes to
    would wait for ever. The kind is checked before the file is opened, and the
    file is opened without waiting, in case it was swapped for a pipe meanwhile.
    """
    name = shown_path(path)
    limit_name = limit_name or _LIMIT_NAMES.get(limit)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise error(Problem("is a folder, not a file", file=name))
        if not stat.S_ISREG(info.st_mode):
            raise error(not_a_regular_file(name))
        if too_big := _too_big(info.st_size, limit, name, limit_name):
            raise error(too_big)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise error(not_a_regular_file(name))
            data = handle.read(limit + 1)
            _reads.note(opened)
    except FileNotFoundError:  # a link that names no file is said as such (QA320 F7)
        raise error(broken_link(path, name) or Problem("no such file", file=name)) from None
    except OSError as err:
        raise error(Problem(f"cannot read: {err.strerror}", file=name, hint=read_right(err))) from None
    except UnicodeEncodeError as err:  # a name the locale cannot hold (_path_encoding), to a program too
        raise error(unnamed(err) or Problem(f"cannot read: {err.reason}", file=name)) from None
    except ValueError:  # a NUL in the name
        raise error(Problem("cannot read: the name holds a NUL character", file=name)) from None
    if too_big := _too_big(len(data), limit, name, limit_name):  # a file that grew since it was measured
        raise error(too_big)
    return data


def read_stream(stream: BinaryIO, limit: int, error: type[Exception], name: str = STDIN) -> tuple[str, bytes]:
    """The text of an open stream (standard input), reading at most `limit` + 1 bytes of it."""
    try:
        data = stream.read(limit + 1)
    except OSError as err:
        raise error(Problem(f"cannot read: {err.strerror}", file=name)) from None
    _note_stream(stream)
    if too_big := _too_big(len(data), limit, name, _LIMIT_NAMES.get(limit), at_least=True):
        raise error(too_big)
    return _decoded(data, name, error)


def _note_stream(stream: BinaryIO) -> None:
    """Note standard input as a file read when it is one (`score - -o f.json < f.json`); a pipe or a stream in memory
    (io.UnsupportedOperation, an OSError, for fileno) is no file an output could replace."""
    try:
        opened = os.fstat(stream.fileno())
    except (AttributeError, ValueError, OSError):
        return
    if stat.S_ISREG(opened.st_mode):
        _reads.note(opened)


def not_a_regular_file(name: str) -> Problem:
    """The problem of a path that names a device, a pipe or a socket: such a thing is never read."""
    return Problem("is not a regular file (a device, a pipe or a socket)", file=name, hint="give the path of a file")


def _too_big(size: int, limit: int, name: str, limit_name: str | None, *, at_least: bool = False) -> Problem | None:
    """The problem of a file of `size` bytes (or more, when `at_least`) past `limit`, else None."""
    if size <= limit:
        return None
    constant = f" ({limit_name})" if limit_name else ""
    said = f"more than {limit} bytes" if at_least else f"{size} bytes"
    return Problem(f"file is {said}; the limit is {limit}{constant}", file=name)


def _decoded(data: bytes, name: str, error: type[Exception]) -> tuple[str, bytes]:
    try:
        return decode(data), data
    except UnicodeDecodeError as err:
        from ._typing_slips import encoding_problem  # a GBK file is named as such, with how to save it as UTF-8

        raise error(encoding_problem(data, name, err.start, data[: err.start].count(b"\n") + 1)) from None


def shown_path(path: str | Path) -> str:
    """A path for a message: as given, or cut short when it is far longer than any file name can be."""
    text = str(path)
    return text if len(text) <= 300 else f"{text[:60]}…({len(text)} characters)"


def bundled_sets() -> dict[str, Path]:
    """Bundled indicator sets: id → file (the file is named after the set's id)."""
    folder = data_dir("indicator_sets")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.name.endswith(".cases.yaml")}


def resolve_set(ref: str, relative_to: Path | None = None, what: str = "indicator_set") -> Path:
    """The file of a set named by bundled id or by path.

    A path given on the command line (`relative_to` None) may be anywhere: the
    user typed it. A set named inside a facts or case file (`relative_to` is
    that file's folder) is a bundled set id or a path inside that folder's tree,
    links followed: see `inside_folder`.
    """
    if not str(ref).strip():  # Path('') is the current folder: an empty name is no set
        bundled = bundled_sets()
        raise IndicatorSetError(Problem("no indicator set named: the name is empty",
                                        hint="bundled sets: " + ", ".join(bundled) if bundled else None))
    if relative_to is not None:
        bundled = bundled_sets()
        if ref in bundled and not _exists(relative_to / ref):
            return bundled[ref]
        return inside_folder(ref, relative_to, what, IndicatorSetError, bundled)
    path = Path(ref)
    if _exists(path):
        if path.is_dir():
            raise IndicatorSetError(Problem("is a folder, not a file", file=shown_path(path), hint="name the set's YAML file"))
        return path  # not a regular file: read_text says so
    bundled = bundled_sets()  # the bundled folder listed only for a name that is no file: a set's file is read at once
    if ref in bundled:
        return bundled[ref]
    if (broken := broken_link(path, shown_path(path))) is not None:  # a link in a loop, or to nothing (QA320 F7)
        raise IndicatorSetError(broken)
    hint = did_you_mean(ref, bundled) or ("bundled sets: " + ", ".join(bundled) if bundled else None)
    raise IndicatorSetError(Problem(f"no indicator set {_quoted(ref)}: neither a file nor a bundled set id", hint=hint))


#: What a set named outside the naming file's folder is told to do on the command line (score_many says its own words).
OUTSIDE_HINT = "give a path inside that folder or a bundled set id; a set elsewhere can be given on the command line (--set)"


def inside_folder(ref: str, folder: Path, what: str, error: type[Exception], bundled: Mapping[str, Path] | None = None) -> Path:
    """The path `ref`, named inside a file whose folder is `folder`, if it lies in that folder's tree (links followed).

    Anything else -- an absolute path, ``../``, a link leading out -- is refused
    with the same words whether or not it exists, and nothing of it is read: a
    facts file passed between offices must not make the engine read, or say
    whether there is, a file elsewhere on the machine.
    """
    target = folder / ref
    try:
        leaves = not target.resolve().is_relative_to(folder.resolve())
    except UnicodeEncodeError as err:  # a name the locale cannot hold (_path_encoding), to a program too
        raise error(unnamed(err) or Problem(f"{what} {_quoted(ref)} cannot be used: {err.reason}")) from None
    except (OSError, RuntimeError, ValueError) as err:  # a name too long, a loop of links, a NUL
        reason = err.strerror if isinstance(err, OSError) else "a loop of links" if isinstance(err, RuntimeError) else "a NUL"
        raise error(Problem(f"{what} {_quoted(ref)} cannot be used: {reason}")) from None
    if leaves:
        hint = OUTSIDE_HINT if bundled is not None else "give a path inside that folder"
        if what == "extends":  # --set chooses the set a project is scored with, never a profile's base (QA241 M2)
            hint = _extends_hint(Path(ref).name, bundled or {})
        raise error(Problem(f"{what} {_quoted(ref)} is not inside the folder of the file that names it", hint=hint))
    if not _exists(target, error):
        nearby = files_beside(target.parent)  # a misspelt name of a file there: 'sett.yaml' for set.yaml
        if bundled is None:
            raise error(Problem(f"{what} {_quoted(ref)}: no such file in the folder of the file that names it",
                                hint=did_you_mean(ref, [str(Path(ref).parent / n) if Path(ref).parent != Path(".") else n
                                                        for n in nearby])))
        sets = sets_among(target.parent, nearby, ref)  # no case or facts file (QA55 F9, QA67 F2), nor the one naming it
        listed = [*(["sets in that folder: " + ", ".join(sets)] if sets else []),  # a base: a bundled set too (QA178 F4)
                  *(["bundled sets: " + ", ".join(bundled)] if bundled and (what == "extends" or not sets) else [])]
        # a file's name (the copy of a bundled set, renamed): the sets beside it, never the bundled one (QA295 F7)
        named_file = ref.lower().endswith((".yaml", ".yml")) and bool(sets) and what != "extends"
        close = (did_you_mean(ref, sets) or listed[0]) if named_file else \
            did_you_mean(ref, [*bundled, *sets]) or "; ".join(listed) or None
        name = Path(ref).name  # prov/prov.yaml, as template wrote it from the folder above, saved beside it (QA337 6)
        if Path(ref).parent != Path(".") and (folder / name).is_file() and sets_among(folder, [name]):
            close = f"did you mean {name}? the path is read from the folder of the file that names it, where {name} lies"
        raise error(Problem(f"no indicator set {_quoted(ref)}: neither a file in the folder of the file that names it "
                            "nor a bundled set id", hint=close))
    if target.is_dir():
        raise error(Problem(f"{what} {_quoted(ref)} is a folder, not a file", hint=f"name a file as {what}"))
    return target


def _extends_hint(name: str, bundled: Mapping[str, Path]) -> str:
    """The fix for a profile's base outside its folder: a bundled set's file named by its id, another file copied in,
    a folder (.., ../other: a name with no .yaml) told to name a set's file (QA245 L1)."""
    if not name.lower().endswith((".yaml", ".yml")):  # a folder (.., ../other), nothing to copy as a set (QA251)
        return "name a set's YAML file in the profile's folder, or a bundled set id"
    same = next((set_id for set_id, path in bundled.items() if path.name == name), None)
    copy = f"copy {name} into the profile's folder and write extends: {name}"
    return f"write extends: {same} to extend the bundled set, or {copy}" if same else f"{copy}, or extend a bundled set id"


def _exists(path: Path, error: type[Exception] = IndicatorSetError) -> bool:
    """Whether something is at `path`; False too for a name the system cannot even look up (too long). A name the
    locale's encoding cannot hold is `error`, saying so: not "no such set" (QA224 2)."""
    try:
        os.stat(path)
    except UnicodeEncodeError as err:
        raise error(unnamed(err) or Problem(f"cannot read: {err.reason}", file=str(path))) from None
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False
    return True


def _quoted(ref: str) -> str:
    return repr(ref) if len(ref) <= 80 else repr(ref[:40] + "…") + f" ({len(ref)} characters)"


class _Reject(Exception):
    """A JSON document the standard reader accepts but a facts file may not hold."""


# Each object of the document being read that gives a key twice, with the key and the value the second one replaced
# (walked too: it may give keys twice itself): named by its path once the document is read.
_twice: ContextVar[list[tuple[dict[str, Any], str, Any]] | None] = ContextVar("twice", default=None)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):  # no key given twice: the usual object, made in C
        return result
    result = {}
    for key, value in pairs:
        if key in result:
            twice = _twice.get()
            if twice is None:
                raise _Reject(f"duplicate key {key!r}")
            twice.append((result, key, result[key]))
        result[key] = value
    return result


def _given_twice(doc: Any, twice: list[tuple[dict[str, Any], str, Any]], source: str | None) -> list[Problem]:
    """The keys given twice, each once at its path in the document (`$.facts.budget.paid`), with how many times when more
    than twice: each line once, the first _SHOWN_DOCUMENT_PROBLEMS of them (as for the document's other problems), then how
    many more there are."""
    keys: dict[int, dict[str, list[Any]]] = {}  # object → key → the values its later copies replaced
    for mapping, key, replaced in twice:
        keys.setdefault(id(mapping), {}).setdefault(key, []).append(replaced)
    found: dict[tuple[str | None, str], Problem] = {}  # a line once, however many objects give it (each `k` of a list)
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(doc, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            given = keys.get(id(value), {})
            for key, replaced in given.items():
                problem = Problem(f"duplicate key {key!r}" + (f" (given {len(replaced) + 1} times)" if len(replaced) > 1 else ""),
                                  file=source, path=json_path((*path, key)), fact=fact_at((*path, key)), hint="keep one of them")
                found.setdefault((problem.path, problem.message), problem)
            stack += [(item, (*path, k)) for k, item in reversed(value.items())]
            # the values replaced, read first (they came first): they may give keys twice themselves
            stack += [(item, (*path, key)) for key, replaced in reversed(given.items()) for item in reversed(replaced)]
        elif isinstance(value, list):
            stack += [(item, (*path, i)) for i, item in reversed(list(enumerate(value)))]
    shown = list(found.values())
    if len(shown) > _SHOWN_DOCUMENT_PROBLEMS:  # the last line says how many more
        more = len(shown) - _SHOWN_DOCUMENT_PROBLEMS + 1
        shown[_SHOWN_DOCUMENT_PROBLEMS - 1:] = [Problem(f"{more} more keys given twice are not shown", file=source)]
    return shown


def _no_constant(name: str) -> Any:
    return NotANumber(name)  # reported with where it is, by document_problems


def _decimal(written: str) -> Decimal | int | NotANumber:
    """A JSON number with a fraction or an exponent, exactly; any zero as 0, as if written so (``0e-999999999`` would print
    as a billion zeros).

    A number whose exponent no Decimal can hold (1e99999999999999999999) is kept
    to be reported where it is, with the fact it belongs to.
    """
    if len(written) <= _PLAIN_DECIMAL and "e" not in written and "E" not in written:  # 86.5: no exponent, few digits
        plain = Decimal(written)
        return plain if plain else 0
    number = decimal_from_text(written)
    if number is None:
        return NotANumber(written, *out_of_range_words(written))
    refused = too_many_digits(written, number)
    if refused is not None:
        return NotANumber(written, *refused)
    return number if number else 0


#: A number written in this many characters or fewer, without an exponent, is read as written: it holds at most 28 digits.
_PLAIN_DECIMAL = CONTEXT.prec + 1


def _integer(written: str) -> int | NotANumber:
    """A JSON whole number; one of more than MAX_FACT_DIGITS digits is out of range without being converted (slow past 4300)."""
    if len(written) <= MAX_FACT_DIGITS:  # the usual number: its digits are fewer still
        return int(written)
    digits = len(written.lstrip("-"))
    if digits > MAX_FACT_DIGITS:
        message = f"a number of {digits} digits is out of range (MAX_FACT_MAGNITUDE is 1e15)"
        return NotANumber(written, message, "check the digits")
    return int(written)


_HOOKS: dict[str, Any] = {"parse_float": _decimal, "parse_int": _integer, "parse_constant": _no_constant,
                          "object_pairs_hook": _json_object}
# One decoder for every document, as json.loads keeps one for its defaults (for ours it would make one each call).
_DECODER = json.JSONDecoder(**_HOOKS)


def _read_json(text: str, source: str | None) -> Any:
    """A JSON document: exact decimals, duplicate keys refused (each named by its path), NaN kept to be said where it is."""
    if (deep := too_deep(text, source)) is not None:  # measured: the decoder stops where each Python's stack does (QA215 4)
        raise FactsError(deep)
    twice: list[tuple[dict[str, Any], str, Any]] = []
    token = _twice.set(twice)
    try:
        plain = type(text) is str and not text.startswith("\ufeff")  # else bytes, or a byte-order mark json.loads names
        doc = _DECODER.decode(text) if plain else json.loads(text, **_HOOKS)
        if twice:
            raise FactsError(_given_twice(doc, twice, source))
        return doc
    except json.JSONDecodeError as err:
        from ._json_slips import json_syntax_problem  # a full-width comma or quote is named, not the parser's words

        raise FactsError(json_syntax_problem(err, source)) from None
    except _Reject as err:
        raise FactsError(Problem(str(err), file=source)) from None
    except RecursionError:  # within DECODED_DEPTH on a stack already deep
        raise FactsError(Problem(f"JSON nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)", file=source)) from None
    except ValueError as err:  # an integer of more than 4300 digits
        raise FactsError(Problem(f"a number cannot be read: {str(err).split(';')[0]}", file=source,
                                 hint="check the digits")) from None
    finally:
        _twice.reset(token)


@in_engine_context
def facts_from_text(text: str, source: str | None = None, yaml: bool = False) -> Facts:
    """`parse_facts`, for a text read from a file or a JSONL line: a problem says nothing of Python."""
    # (a text of n characters is n to 4n bytes: encoded only when that does not tell)
    if len(text) > MAX_FACTS_BYTES // 4 and (size := len(text.encode("utf-8", "surrogatepass"))) > MAX_FACTS_BYTES:
        raise FactsError(Problem(f"facts text is {size} bytes; the limit is {MAX_FACTS_BYTES} (MAX_FACTS_BYTES)", file=source,
                                 hint="a project's facts take a few kilobytes"))
    if yaml:
        doc = _yaml.load_strict(text, source, FactsError, lambda path: {"path": json_path(path), "fact": fact_at(path)}).data
    else:
        doc = _read_json(text, source)
    return facts_of_document(doc, source)


def facts_of_document(doc: Any, source: str | None) -> Facts:
    """The Facts of a facts document as read from a text, checked whole: values no document may hold, then its shape."""
    # The quick pass answers for a clean document; one it is unsure of is walked by document_problems, which words each problem.
    bad = iter(document_problems(doc))  # the first _SHOWN_DOCUMENT_PROBLEMS listed, the others counted (QA325 F3)
    found = [] if is_clean(doc, MAX_FACTS_DEPTH) else _other_kind(doc, source) or [
        Problem(message, file=source, path=json_path(path), fact=fact_at(path), hint=hint)
        for path, message, hint in itertools.islice(bad, _SHOWN_DOCUMENT_PROBLEMS)] + more_values(bad, source)
    if found:
        raise FactsError(found)
    checked = _dates_as_text(doc)
    problems = [] if fits("facts.schema.json", checked) else _other_kind(doc, source) or _schema_problems(checked, source)
    if problems:
        raise FactsError(problems)
    return Facts(values=doc["facts"], not_applicable=doc.get("not_applicable", {}), project=doc.get("project", {}),
                 indicator_set=doc.get("indicator_set"), source=source, written_for=doc.get("written_for"))


def _dates_as_text(doc: Any) -> Any:
    """The document as the schema sees it: a project detail YAML read as a date (2024-06-30, unquoted) is text."""
    project = doc.get("project") if isinstance(doc, dict) else None
    if not isinstance(project, dict) or not any(isinstance(v, datetime.date) for v in project.values()):
        return doc
    return {**doc, "project": {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in project.items()}}


def _other_kind(doc: Any, source: str | None) -> list[Problem]:
    """One problem saying what a file given as facts is instead, when its top-level keys tell: an indicator set, cases."""
    message, hint, in_python_hint = _OTHER_KINDS.get(document_kind(doc) or "") or ("", "", None)
    return [Problem(message, file=source, hint=in_python(hint, in_python_hint) if in_python_hint else hint)] if message else []


#: What a file given as facts is instead, by `_other_kinds.document_kind`: what it is, its fix, and in Python if other.
_OTHER_KINDS = {
    "result": ("this is a result written by scoring-engine score (it has engine: and total:), not a facts file",
               "score the facts file it was made from", None),
    "set": ("this is an indicator set (it has indicators: or extends:), not a facts file",
            "give it with --set, and the project's facts file as the argument", "read it with load_indicator_set(path)"),
    "cases": ("this is a test cases file (it has cases:), not a facts file", "run it with scoring-engine test", None),
}


def _schema_problems(doc: Any, source: str | None) -> list[Problem]:
    """The facts document's schema errors in words (their wording is loaded only for a document that has some)."""
    from ._schema import schema_errors, schema_problems

    return [Problem(p.message, file=source, path=json_path(p.path), hint=p.hint)
            for e in schema_errors("facts.schema.json", doc) for p in schema_problems(e)]


@in_engine_context
def load_facts_from(stream: BinaryIO | None, name: str = STDIN) -> Facts:
    """Facts read from an open stream (standard input), at most MAX_FACTS_BYTES: JSON if the text begins with {, else YAML;
    None stands for a standard input the process was started without."""
    if stream is None:
        raise FactsError(Problem("standard input is closed", file=name, hint="pipe the facts in, or give the facts file's path"))
    text, _ = read_stream(stream, MAX_FACTS_BYTES, FactsError, name)
    return facts_from_text(text, name, yaml=not text.lstrip().startswith("{"))
