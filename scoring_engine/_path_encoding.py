"""A path the file system's encoding cannot hold: one line naming it as it was typed, never a traceback (QA224 2).

On a server whose locale is zh_CN.GBK, reached from a UTF-8 terminal or run by a script saved as UTF-8, glibc reads
the UTF-8 bytes of a name such as 汇总 (e6 b1 87 e6 80 bb) as GBK, byte 0x80 as €, which Python's own gbk codec does
not write back: using the path (click's Path type, os.stat, open) raises UnicodeEncodeError in the file system's
encoding. A name read from a file (the set a facts file names) holding a character the locale lacks (an ASCII C
locale) does the same. `unnamed` tells such an error from any other, which stays a bug of ours (exit 3): its
encoding is the file system's and what it could not encode is one path, a line no longer than a path can be.
"""

from __future__ import annotations

import codecs
import sys

from ._text import without_surrogates
from .errors import Problem

__all__ = ["NOT_IN_LOCALE", "UTF8_LOCALE", "as_typed", "unnamed"]

#: What is said of such a path, and the fix.
NOT_IN_LOCALE = "the file name cannot be written in the encoding of the locale ({encoding})"
UTF8_LOCALE = "use a UTF-8 locale, e.g. LANG=zh_CN.UTF-8"
#: The longest path a system takes (Linux's PATH_MAX): a longer text is no path, whatever its encoding.
_PATH_MAX = 4096
#: The characters glibc's encodings read from bytes that Python's codec of the same name does not write: glibc's GBK
#: reads byte 0x80 as the euro sign (as Windows' cp936 does), which Python's gbk has no byte for.
_GLIBC_ONLY = {"gbk": {"\u20ac": b"\x80"}}


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def unnamed(err: BaseException) -> Problem | None:
    """The problem of a path that the file system's encoding cannot hold, when `err` is that; else None."""
    if not isinstance(err, UnicodeEncodeError) or not isinstance(err.object, str):
        return None
    encoding = _codec(sys.getfilesystemencoding())
    if encoding is None or _codec(err.encoding) != encoding or "\n" in err.object or len(err.object) > _PATH_MAX:
        return None
    hint = None if encoding == "utf-8" else UTF8_LOCALE  # (utf-8: a lone surrogate, no locale's doing)
    return Problem(NOT_IN_LOCALE.format(encoding=encoding), file=as_typed(err.object, encoding), hint=hint)


def as_typed(text: str, encoding: str) -> str:
    """A path as the user typed it: its bytes as the locale read them (`encoding`, each byte that is no character as
    its surrogate), read as UTF-8, when they are UTF-8 (姹囨€\\udcbb: 汇总); else the text, surrogates escaped."""
    extra = _GLIBC_ONLY.get(encoding, {})
    data = bytearray()
    for char in text:
        try:
            data += char.encode(encoding, "surrogateescape")
        except UnicodeEncodeError:
            if char not in extra:
                return without_surrogates(text)
            data += extra[char]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return without_surrogates(text)

