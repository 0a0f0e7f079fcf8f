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

import hashlib
from pathlib import Path

from . import _yaml
from ._arith import in_engine_context
from ._build import build_indicator_set
from ._encodings import reading_otherwise
from ._files import MAX_FACTS_BYTES, bundled_sets, load_facts, parse_facts, read_text, resolve_set, shown_path
from .errors import IndicatorSetError
from .model import IndicatorSet

__all__ = ["load_indicator_set", "parse_indicator_set", "load_facts", "parse_facts", "bundled_sets", "resolve_set",
           "MAX_FACTS_BYTES"]


@in_engine_context
def parse_indicator_set(text: str, source: str | None = None, sha256: str | None = None) -> IndicatorSet:
    """An indicator set from YAML text (no file access); `source` names it in errors.

    `sha256` identifies the set in results; by default the hash of the text in UTF-8.
    """
    sha256 = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()  # a lone surrogate is refused below
    try:
        located = _yaml.load(text, source)
    except _yaml.YamlError as err:
        raise IndicatorSetError(err.problems) from None
    try:
        return build_indicator_set(located, source, sha256)
    except IndicatorSetError as err:  # a full-width colon typed in a key reads as a strange key: name it on its line
        from ._typing_slips import with_slips

        raise IndicatorSetError(with_slips(err.problems, text)) from None


@in_engine_context
def load_indicator_set(path: str | Path, encoding: str | None = None) -> IndicatorSet:
    """Load and validate an indicator set from a YAML file, or a bundled set by id.

    A file that is not UTF-8 is read in `encoding` if given (e.g. "gb18030").
    Raises IndicatorSetError listing every problem, each with file:line:column.
    """
    file = resolve_set(str(path))
    with reading_otherwise(encoding):
        text, data = read_text(file, _yaml.MAX_YAML_BYTES, IndicatorSetError)
    return parse_indicator_set(text, shown_path(path) if file == Path(path) else str(file), hashlib.sha256(data).hexdigest())
