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
    return build_indicator_set(located, source, sha256)


@in_engine_context
def load_indicator_set(path: str | Path) -> IndicatorSet:
    """Load and validate an indicator set from a YAML file, or a bundled set by id.

    Raises IndicatorSetError listing every problem, each with file:line:column.
    """
    file = resolve_set(str(path))
    text, data = read_text(file, _yaml.MAX_YAML_BYTES, IndicatorSetError)
    return parse_indicator_set(text, shown_path(path) if file == Path(path) else str(file), hashlib.sha256(data).hexdigest())
