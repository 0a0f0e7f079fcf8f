"""Reading files: a file's text within a size limit, a set named by path or bundled id, facts documents.

Every way reading can fail (no such file, a folder, too big, not UTF-8, bad
JSON, NaN, a duplicate key) becomes a problem naming the file, never a traceback.
"""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import _yaml
from ._encodings import decode, reading_otherwise
from ._resources import data_dir
from ._quick_schema import fits
from .errors import FactsError, IndicatorSetError, Problem, did_you_mean, json_path
from .facts import MAX_FACTS_DEPTH, Facts, NotANumber, document_problems, fact_at

__all__ = ["MAX_FACTS_BYTES", "read_text", "bundled_sets", "resolve_set", "parse_facts", "load_facts"]

#: Largest facts file read, in bytes (a project's facts take a few kilobytes; a megabyte of numbers decodes to ~40 MB).
MAX_FACTS_BYTES = 1_000_000

_LIMIT_NAMES = {_yaml.MAX_YAML_BYTES: "MAX_YAML_BYTES", MAX_FACTS_BYTES: "MAX_FACTS_BYTES"}
_SHOWN_DOCUMENT_PROBLEMS = 20  # bad values listed from one facts document


def read_text(path: Path, limit: int, error: type[Exception]) -> tuple[str, bytes]:
    """A file's text (UTF-8, BOM allowed; see _encodings) and its bytes; clear errors for every way reading can fail."""
    name = str(path)
    try:
        if path.is_dir():
            raise error(Problem("is a folder, not a file", file=name))
        size = path.stat().st_size
        if size > limit:
            constant = f" ({_LIMIT_NAMES[limit]})" if limit in _LIMIT_NAMES else ""
            raise error(Problem(f"file is {size} bytes; the limit is {limit}{constant}", file=name))
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(Problem("no such file", file=name)) from None
    except OSError as err:
        raise error(Problem(f"cannot read: {err.strerror}", file=name)) from None
    try:
        return decode(data), data
    except UnicodeDecodeError as err:
        from ._typing_slips import encoding_problem  # a GBK file is named as such, with how to save it as UTF-8

        raise error(encoding_problem(data, name, err.start, data[: err.start].count(b"\n") + 1)) from None


def bundled_sets() -> dict[str, Path]:
    """Bundled indicator sets: id → file (the file is named after the set's id)."""
    folder = data_dir("indicator_sets")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.name.endswith(".cases.yaml")}


def resolve_set(ref: str, relative_to: Path | None = None) -> Path:
    """The file of a set named by path (relative to `relative_to` if given) or by bundled id."""
    candidates = [Path(ref)] if relative_to is None else [relative_to / ref, Path(ref)]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    bundled = bundled_sets()
    if ref in bundled:
        return bundled[ref]
    folder = next((c for c in candidates if c.is_dir()), None)
    if folder is not None:
        raise IndicatorSetError(Problem("is a folder, not a file", file=str(folder), hint="name the set's YAML file"))
    hint = did_you_mean(ref, bundled) or ("bundled sets: " + ", ".join(bundled) if bundled else None)
    raise IndicatorSetError(Problem(f"no indicator set {ref!r}: neither a file nor a bundled set id", hint=hint))


class _Reject(Exception):
    """A JSON document the standard reader accepts but a facts file may not hold."""


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Reject(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    return NotANumber(name)  # reported with where it is, by document_problems


def _read_json(text: str, source: str | None) -> Any:
    """A JSON document with exact decimals, duplicate keys refused and NaN kept to be reported where it is."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_json_object)
    except json.JSONDecodeError as err:
        from ._typing_slips import json_syntax_problem  # a full-width comma or quote is named, not the parser's words

        raise FactsError(json_syntax_problem(err, source)) from None
    except _Reject as err:
        raise FactsError(Problem(str(err), file=source)) from None
    except RecursionError:
        raise FactsError(Problem(f"JSON nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)", file=source)) from None
    except ValueError as err:  # an integer of more than 4300 digits
        raise FactsError(Problem(f"a number cannot be read: {str(err).split(';')[0]}", file=source,
                                 hint="check the digits")) from None


def parse_facts(text: str, source: str | None = None, yaml: bool = False) -> Facts:
    """Facts from a facts document in JSON (or YAML) text; no file access."""
    doc = _yaml.load_strict(text, source, FactsError).data if yaml else _read_json(text, source)
    found = [Problem(message, file=source, path=json_path(path), fact=fact_at(path), hint=hint)
             for path, message, hint in itertools.islice(document_problems(doc), _SHOWN_DOCUMENT_PROBLEMS)]
    if found:
        raise FactsError(found)
    problems = [] if fits("facts.schema.json", doc) else _schema_problems(doc, source)
    if problems:
        raise FactsError(problems)
    return Facts(values=doc["facts"], not_applicable=doc.get("not_applicable", {}), project=doc.get("project", {}),
                 indicator_set=doc.get("indicator_set"), source=source)


def _schema_problems(doc: Any, source: str | None) -> list[Problem]:
    """The facts document's schema errors in words (their wording is loaded only for a document that has some)."""
    from ._schema import schema_errors, schema_problems

    return [Problem(p.message, file=source, path=json_path(p.path), hint=p.hint)
            for e in schema_errors("facts.schema.json", doc) for p in schema_problems(e)]


def load_facts(path: str | Path, encoding: str | None = None) -> Facts:
    """Load a facts file (.json, or .yaml/.yml); one that is not UTF-8 is read in `encoding` if given (e.g. "gb18030")."""
    file = Path(path)
    with reading_otherwise(encoding):
        text, _ = read_text(file, MAX_FACTS_BYTES, FactsError)
    return parse_facts(text, str(path), yaml=file.suffix.lower() in (".yaml", ".yml"))
