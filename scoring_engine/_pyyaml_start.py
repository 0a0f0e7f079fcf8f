"""Starting PyYAML quicker: one regular expression it compiles as it is imported, made cheap.

PyYAML's pure-Python reader compiles, in its class body, the class of characters a
YAML stream may hold, ``[^\\x09\\x0A\\x0D\\x20-\\x7E…\\U00010000-\\U0010ffff]``. Compiling a
class that reaches U+10FFFF costs the `re` compiler about a twelfth of a whole
`scoring-engine score` run (52 million of 666 million instructions), though the
engine reads YAML with the C loader and the pattern is then never used.

Before anything imports PyYAML (the package's ``__init__`` imports this first), the
`re` module's cache is given, under that pattern's own text, a stand-in that compiles
its complement (the few characters the class leaves out: it matches the same
characters) when first used. Nothing else asks `re` for that text. If `re` keeps
its cache otherwise (another Python), nothing is done and PyYAML compiles it as
before.
"""

from __future__ import annotations

import re
import sys

from ._patterns import compile_later

__all__: list[str] = []

# As yaml/reader.py writes it, and what it leaves out.
_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
_NOT_PRINTABLE = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"

_cache = getattr(re, "_cache", None)
if "yaml" not in sys.modules and isinstance(_cache, dict):
    _cache.setdefault((str, _PRINTABLE, 0), compile_later(_NOT_PRINTABLE))
