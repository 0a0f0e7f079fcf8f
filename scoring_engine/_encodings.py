"""Which encoding a file that is not UTF-8 is read in: none unless asked (`--encoding gb18030`, `encoding=` of the loaders).

UTF-8 (with or without a byte-order mark) is always tried first: a GBK file is
practically never valid UTF-8, and a UTF-8 file read as GB18030 would give
wrong characters without a word of complaint. So one option serves a folder in
which some files were saved by an old Notepad and some by a modern editor.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import Problem, ScoringEngineError

__all__ = ["ENCODINGS", "UTF16_MARKS", "UTF32_MARKS", "decode", "reading_otherwise", "read_otherwise", "read_otherwise_from_now",
           "unicode_codec", "utf16_unmarked", "utf32_unmarked"]

#: The encodings a file that is not UTF-8 may be read in (GBK is a part of GB18030).
ENCODINGS = ("utf-8", "gb18030", "gbk")

_otherwise: ContextVar[str | None] = ContextVar("otherwise", default=None)


@contextmanager
def reading_otherwise(encoding: str | None, error: type[ScoringEngineError] = ScoringEngineError,
                      file: str | None = None) -> Iterator[None]:
    """While the body runs, a file that is not UTF-8 is read in `encoding` (None: as around it, by default an error).
    An encoding that is none of ENCODINGS (nor another name of one: cp936, GBK) is `error`, naming `file` (QA52 F3)."""
    if encoding is None:
        yield
        return
    try:
        known = codecs.lookup(encoding).name if isinstance(encoding, str) else None
    except LookupError:
        known = None
    if known not in ENCODINGS:
        raise error(Problem(f"cannot read files in the encoding {str(encoding)[:40]!r}", file=file,
                            hint=f"give one of: {', '.join(ENCODINGS)}"))
    token = _otherwise.set(None if known == "utf-8" else known)
    try:
        yield
    finally:
        _otherwise.reset(token)


def read_otherwise() -> str | None:
    """The encoding asked for here (None: UTF-8 only), to hand to a worker process that reads files for this one."""
    return _otherwise.get()


def read_otherwise_from_now(encoding: str) -> None:
    """From now on in this context, a file that is not UTF-8 is read in `encoding`: for a worker process, all its life."""
    _otherwise.set(None if codecs.lookup(encoding).name == "utf-8" else encoding)


#: The byte-order marks of UTF-16, which Notepad writes for a file saved as "Unicode": no UTF-8 text begins so. Such a
#: file is refused, named as what it is (`_typing_slips.encoding_problem`), as one saved without them (`utf16_unmarked`).
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
#: The byte-order marks of UTF-32, the first of which begins as UTF-16's: told apart to name the file what it is.
UTF32_MARKS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def utf16_unmarked(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `data` is UTF-16 text saved without a byte-order mark, else None: of its first
    4,096 pairs of bytes, at least one in four has a NUL on one side (an ASCII character: a key, a colon, a space, a
    line break) and hardly any on the other side. UTF-8 text has no NUL; Chinese alone in UTF-16 has few (QA318 F7: such
    a file was called GBK, or English 'not UTF-8').

    >>> utf16_unmarked("id: 项目\\n".encode("utf-16-le")), utf16_unmarked("id: 项目".encode("utf-16-be"))
    ('utf-16-le', 'utf-16-be')
    >>> utf16_unmarked(b"id: x") is None
    True
    """
    head = data[:8192]
    if b"\x00" not in head:
        return None
    pairs = len(head) // 2
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)  # NULs first and second in their pair
    for many, few, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if many * 4 >= pairs > 0 and few * 8 <= many:
            return name
    return None


def utf32_unmarked(data: bytes) -> str | None:
    """"utf-32-le" or "utf-32-be" when `data` is UTF-32 text saved without a byte-order mark, else None: of its first
    2,048 groups of four bytes, every one has its top byte NUL, nearly every one the next too (a character past
    U+FFFF is rare), and few the lowest (QA334 F3: such a body was told to decode itself as GB18030).

    >>> utf32_unmarked('{"项目": 1}'.encode("utf-32-le")), utf32_unmarked('{"项目": 1}'.encode("utf-32-be"))
    ('utf-32-le', 'utf-32-be')
    >>> utf32_unmarked('{"项目": 1}'.encode("utf-16-le")) is None
    True
    """
    groups = min(len(data), 8192) // 4
    head = data[:groups * 4]
    if not groups or b"\x00\x00" not in head:
        return None
    nuls = [head[i::4].count(0) for i in range(4)]  # NULs at each place in their group
    for top, next_, low, name in ((3, 2, 0, "utf-32-le"), (0, 1, 3, "utf-32-be")):
        if nuls[top] == groups and nuls[next_] * 8 >= groups * 7 and nuls[low] * 8 <= groups:
            return name
    return None


def unicode_codec(data: bytes) -> str | None:
    """The codec that reads `data` when it is UTF-32 or UTF-16 text, with a byte-order mark ("utf-32", "utf-16") or
    saved without one ("utf-32-le", "utf-16-be", …); None for any other."""
    if data.startswith(UTF32_MARKS):  # before UTF-16, whose mark begins UTF-32's little-endian one
        return "utf-32"
    if data.startswith(UTF16_MARKS):
        return "utf-16"
    return utf32_unmarked(data) or utf16_unmarked(data)


def decode(data: bytes) -> str:
    """`data` as text: UTF-8 (a byte-order mark dropped), else the encoding asked for; UnicodeDecodeError of UTF-8 else."""
    if utf16_unmarked(data):  # valid UTF-8 when it is ASCII, NULs and all: refused as UTF-16, whatever is asked (QA318 F7)
        raise UnicodeDecodeError("utf-8", data, 0, 1, "UTF-16 text without a byte-order mark")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        otherwise = _otherwise.get()
        if otherwise is None:
            raise
        try:
            return data.decode(otherwise)
        except UnicodeDecodeError:
            pass
        raise
