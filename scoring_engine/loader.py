"""Loading indicator sets and facts files: the public entry points of the reading shell.

An indicator set goes through three gates, and every problem of every gate is
reported together: safe YAML (positions kept, duplicate keys refused; ``_yaml``),
the JSON Schema in ``schemas/indicator-set.schema.json`` (worded by ``_schema``),
and the checks a schema cannot express (weights that add up, formulas, bands,
grades, unique ids; ``_build``). Each problem names file:line:column, the
indicator and what to do. Reading files, set references and facts documents
live in ``_files``.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import _yaml
from ._arith import in_engine_context
from ._base_id import changes_its_base
from ._command_line import set_given
from ._build import build_indicator_set
from ._encodings import reading_otherwise
from ._located import Located
from ._facts_api import a_document_not_a_path, load_facts, parse_facts
from ._files import MAX_FACTS_BYTES, bundled_sets, read_yaml_text, resolve_set, shown_path
from ._profile_blame import blamed
from ._profiles import Resolved, resolve
from .errors import IndicatorSetError, Problem, ScoringEngineError, named_source
from .facts import Facts
from .model import IndicatorSet

__all__ = ["load_indicator_set", "parse_indicator_set", "load_facts", "parse_facts", "bundled_sets", "resolve_set",
           "MAX_FACTS_BYTES"]


@in_engine_context
def parse_indicator_set(text: str, source: str | os.PathLike[str] | None = None, sha256: str | None = None,
                        folder: str | os.PathLike[str] | None = None) -> IndicatorSet:
    """An indicator set from YAML text; `source` names it in errors.

    `sha256` identifies the set in results, as 64 hexadecimal digits; by default (None or "") the hash of the
    text in UTF-8. A profile (`extends:`) is resolved onto its base: a bundled set, or a
    file inside `folder` (the profile's own folder; without it only bundled sets).
    """
    if not isinstance(text, str):  # bytes read from a file: its encoding is the caller's to say
        raise TypeError(f"text is the set's YAML as str, not {type(text).__name__}: decode it (data.decode('utf-8')), or "
                        "load the file with load_indicator_set(path)")
    if folder is not None and not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"folder is the profile's own folder, as text or a Path, not {type(folder).__name__}")
    # reports print and slice it (QA317 2); "" is the default, as it always was (a recorded hash or "": QA321 F5)
    if sha256 is not None and sha256 != "" and not _is_sha256(sha256):
        raise TypeError(f"sha256 is the set's SHA-256 as 64 hexadecimal digits (hashlib.sha256(data).hexdigest()), or None "
                        f"(or '') for the hash of the text, not {sha256!r:.80}")
    # a lone surrogate is refused below
    sha256 = sha256.lower() if sha256 else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    with _collector_paused():  # a source or folder given as a Path or as text alike (QA127 F1)
        return _parsed(text, named_source(source), sha256, None if folder is None else Path(folder))


def _is_sha256(value: object) -> bool:
    """64 hexadecimal digits, as results and forms record a set's sha256 (upper case read as lower)."""
    return isinstance(value, str) and len(value) == 64 and set(value.lower()) <= set("0123456789abcdef")


def _parsed(text: str, source: str | None, sha256: str, folder: Path | None) -> IndicatorSet:
    try:
        located = _yaml.load(text, source)
    except _yaml.YamlError as err:
        raise IndicatorSetError(err.problems) from None
    try:
        resolved = resolve(located, source, sha256, folder, _base_set)
        try:
            return build_indicator_set(resolved.located, source, resolved.sha256, resolved.bases, resolved.changes,
                                       _bases(resolved))
        except IndicatorSetError as err:
            raise IndicatorSetError(blamed(err.problems, resolved, source, _own_problems(resolved.base), located)) from None
    except IndicatorSetError as err:  # a full-width colon typed in a key reads as a strange key: name it on its line
        from ._typing_slips import with_slips

        raise IndicatorSetError(with_slips(err.problems, text)) from None


def _bases(resolved: Resolved) -> tuple[tuple[str, str, bool], ...]:
    """The id and version each base of a profile gives itself, nearest first: `extends: province.yaml` is the set
    province-self-evaluation a form's side sheet names (QA143 F1), of the version its form may be older than (QA146 F3);
    and whether that base changed the set it extends (a profile keeping an id it changes: `_base_id`, QA156 F1)."""
    found = []
    base = resolved.base
    while base is not None:
        data = base.located.data if isinstance(base.located.data, Mapping) else {}
        found.append((str(data.get("id", "")), str(data.get("version", "")), changes_its_base(base.changes)))
        base = base.base
    return tuple(found)


def _own_problems(base: Resolved | None) -> frozenset[tuple[str | None, int | None, str]]:
    """(file, line, message) of each problem of the set a profile extends, built on its own: a problem the base has
    without the profile is its own, said where it is, not one the profile's change made (QA110 F2)."""
    if base is None:
        return frozenset()
    try:
        build_indicator_set(base.located, base.file, base.sha256, base.bases, base.changes)
    except IndicatorSetError as err:
        return frozenset((p.file, p.line, p.message) for p in err.problems)
    return frozenset()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a set is read, then let run again as it was.

    Reading a set makes tens of thousands of objects that all stay alive (the
    YAML nodes, then the indicators and compiled formulas), and every few
    hundred of them the collector would walk the young ones again in vain: a
    tenth of the instructions of loading a 500-leaf set. What reading throws
    away is freed as it goes by reference counting, and any cycle left is
    collected once the collector runs again. (A switch of the whole process:
    if another thread turns the collector off meanwhile, it is turned back on.)
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _set_file(path: str | Path) -> Path:
    """The file of a set given by its path or bundled id; a set's YAML given as its path is told of
    parse_indicator_set (QA330 F2)."""
    try:
        return resolve_set(str(path))
    except IndicatorSetError as err:
        hint = a_document_not_a_path(path, "an indicator set's YAML text", "parse_indicator_set(text)")
        if hint is None or len(err.problems) != 1:
            raise
        raise IndicatorSetError(replace(err.problems[0], hint=hint)) from None


def resolve_profile(path: str | Path, encoding: str | None = None) -> tuple[Resolved, str]:
    """A set file resolved onto the sets it extends (unchanged if it extends none), with its name for messages."""
    file = _set_file(path)
    with reading_otherwise(encoding, IndicatorSetError, str(path)):
        text, data = read_yaml_text(file, IndicatorSetError)
    name = shown_path(path) if file == Path(path) else str(file)
    try:
        located = _yaml.load(text, name)
    except _yaml.YamlError as err:
        raise IndicatorSetError(err.problems) from None
    return resolve(located, name, hashlib.sha256(data).hexdigest(), file.parent, _base_set), name


def _base_set(ref: str, folder: Path | None) -> tuple[Located, str, str]:
    """The set a profile extends: a bundled id, or a file inside the profile's folder (as for a set a facts file names)."""
    bundled = bundled_sets()
    if folder is None and ref not in bundled:
        hint = "extends: a file is read from the folder given as parse_indicator_set(text, folder=…); without it use a " \
               "bundled set id: " + ", ".join(bundled)  # only parse_indicator_set reads a set without its folder
        raise IndicatorSetError(Problem(f"no bundled indicator set {ref!r}", hint=hint))
    file = bundled[ref] if folder is None else resolve_set(ref, folder, "extends")
    text, data = read_yaml_text(file, IndicatorSetError)
    name = str(file) if ref in bundled and file == bundled[ref] else shown_path(file)
    try:
        return _yaml.load(text, name), name, hashlib.sha256(data).hexdigest()
    except _yaml.YamlError as err:
        raise IndicatorSetError(err.problems) from None


@in_engine_context
def load_indicator_set(path: str | Path, encoding: str | None = None) -> IndicatorSet:
    """Load and validate an indicator set from a YAML file, or a bundled set by id.

    A file that is not UTF-8 is read in `encoding` if given (e.g. "gb18030").
    Raises IndicatorSetError listing every problem, each with file:line:column.
    """
    if not isinstance(path, (str, os.PathLike)):  # None or a set loaded already was looked for as a file "None" (QA77 F4)
        raise TypeError(f"load_indicator_set takes the path of a set file or a bundled set's id, not {type(path).__name__}"
                        + (": this set is loaded already" if isinstance(path, IndicatorSet) else ""))
    file = _set_file(path)
    with reading_otherwise(encoding, IndicatorSetError, str(path)):
        text, data = read_yaml_text(file, IndicatorSetError)
    return parse_indicator_set(text, shown_path(path) if file == Path(path) else str(file), hashlib.sha256(data).hexdigest(),
                               file.parent)


def named_elsewhere(problems: list[Problem], facts: Facts, indicator_set: IndicatorSet) -> list[Problem]:
    """The problems of facts scored with a set given by --set, after a first line saying the facts name another set
    (their 20 missing facts are not what to fix), when they do; else the problems as they are. The set they name,
    read from its file, is no other set when it scores alike (the one given is its `resolve` output: QA338 M4), not
    when it only has the same id and version (an edited copy: QA341 3); the fix says to leave out --set only where
    that scores them."""
    named = facts.indicator_set
    if not named or named in (indicator_set.id, *indicator_set.extends, *indicator_set.base_ids) or not problems:  # or a base
        return problems
    theirs = _set_named(named, Path(facts.source).parent if facts.source and facts.source != "-" else Path())
    if theirs is None or _alike(theirs, indicator_set):
        return problems  # the same set, or one that cannot be read from there (a loop too): --set (QA67 F7)
    from .engine import scores_only

    given, fix = set_given()
    try:
        scores_only(theirs, facts)
        hint = f"{fix} to score it with the set it names"
    except ScoringEngineError:  # leaving out --set would not score it either
        hint = f"it fails under the set it names too: {fix} to see its problems there"
    return [Problem(f"the facts file names the set {named}, and is scored here with {indicator_set.id} ({given})",
                    file=facts.source, hint=hint), *problems]


def _alike(one: IndicatorSet, other: IndicatorSet) -> bool:
    """Whether two sets score alike: all but their text's sha256 and the profile they were written as are the same (a
    profile and its `resolve` output). Id and version alone are not enough: `sets ID --copy` keeps both in a copy made
    to adapt (QA341 3)."""
    return dataclasses.replace(one, sha256=other.sha256, extends=other.extends) == other


def _set_named(named: str, folder: Path) -> IndicatorSet | None:
    """The set a facts file names, read from its folder (a bundled id, or a path in it); None when it cannot be read."""
    try:
        file = resolve_set(named, folder).resolve()
        return _set_read(str(file), file.stat().st_mtime_ns)
    except (ScoringEngineError, OSError, RuntimeError, ValueError):
        return None


@functools.lru_cache(maxsize=8)
def _set_read(file: str, _changed: int) -> IndicatorSet:
    """A set read once for the projects of a batch that name it (a set is read-only all through)."""
    return load_indicator_set(file)
