"""The language the command line speaks: `--lang`, else Chinese for a Chinese locale or Chinese input, else English.

A policy editor on a Chinese system sees Chinese; so does one whose terminal
says nothing of its language (Windows sets no LANG) but whose indicator set is
Chinese. The input is Chinese when a file the command reads (an argument, the
set given with --set, or the file a problem is in, or the facts read from
standard input) holds Chinese characters, or names a bundled set (all of which
are Chinese).

>>> language("en", [], {"LANG": "zh_CN.UTF-8"})
'en'
>>> language(None, [], {"LANG": "zh_CN.UTF-8"})
'zh'
>>> language(None, [], {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
'en'
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from ._encodings import utf16_unmarked
from ._patterns import compile_later

__all__ = ["LOCALE_VARIABLES", "is_chinese", "language", "locale_is_chinese", "spoken", "stdin_is_chinese"]

#: The variables that say the language of messages, the first one set deciding (as POSIX has it).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# Han characters (U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF) as their UTF-8 bytes: this pattern compiles at once,
# where the same ranges written as text took milliseconds at every start of the command.
_HAN_UTF8 = compile_later(rb"\xe3[\x90-\xbf][\x80-\xbf]|\xe4[\x80-\xb6\xb8-\xbf][\x80-\xbf]|[\xe5-\xe9][\x80-\xbf]{2}"
                          rb"|\xef[\xa4-\xab][\x80-\xbf]")
_HEAD = 65536  # bytes of a file looked at
_TEXT_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
_FORM_SUFFIXES = (".xlsx", ".xlsm")
_READ_SUFFIXES = _TEXT_SUFFIXES + _FORM_SUFFIXES
#: What the command writes and reads none of: a table, a web page, a report given as input, said to be what it is in the
#: language it is written in (QA156 F9); never looked for in a folder.
_WRITTEN_SUFFIXES = (".csv", ".html", ".htm", ".md", ".markdown", ".txt")
_FILES_IN_A_FOLDER = 20
_FOLDERS_LOOKED_INTO = 3


def locale_is_chinese(environ: Mapping[str, str]) -> bool:
    """Whether the locale's messages are Chinese (LC_ALL, else LC_MESSAGES, else LANG, starting with zh)."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return value.lower().startswith("zh")
    return False


def is_chinese(text: str) -> bool:
    """Whether `text` holds Chinese characters."""
    return _HAN_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


def _holds_chinese(path: Path, depth: int = 0) -> bool:
    """Whether a facts, set or JSONL file, a filled form, or a table, web page or report the command wrote, holds Chinese
    text; a profile, when the set it extends does."""
    suffix = path.suffix.lower()
    if suffix in _FORM_SUFFIXES:
        return _form_is_chinese(path)
    if suffix in _WRITTEN_SUFFIXES:
        return _file_is_chinese(path)
    if suffix not in _TEXT_SUFFIXES:  # a facts file saved as facts.bak, or named with no suffix: by its UTF-8 text (QA309 1)
        return _utf8_text_is_chinese(_head(path))
    if _file_is_chinese(path):
        return True
    base = (_extends(path) if suffix in (".yaml", ".yml") else None) if depth < 3 else None
    if base is None and depth < 3:  # a facts file of no Chinese text, naming a Chinese set: its problems are the set's
        base = _named_set(path)
    if base is None:
        return False
    from ._files import bundled_sets

    return base in bundled_sets() or _holds_chinese(path.parent / base, depth + 1)


_EXTENDS = compile_later(rb"^extends:[ \t]*[\"']?([^\"'#\s]+)", re.M)
_NAMES_SET = compile_later(rb"[\"']?indicator_set[\"']?[ \t]*:[ \t]*[\"']?([^\"'#\s,}]+)")


def _extends(path: Path) -> str | None:
    """The set a profile extends (`extends: self-evaluation`), as written; None for a file that extends none."""
    return _first(path, _EXTENDS)


def _named_set(path: Path) -> str | None:
    """The set a facts file names (`"indicator_set": "set.yaml"`), as written; None for a file that names none."""
    return _first(path, _NAMES_SET)


def _first(path: Path, pattern: re.Pattern[bytes]) -> str | None:
    """What `pattern` first captures in the head of the file at `path`; None when nothing, or the file cannot be read."""
    head = _head(path)
    if head is None:
        return None
    text = _utf16_text(head)
    found = pattern.search(head if text is None else text.encode("utf-8"))
    return found.group(1).decode("utf-8", "replace") if found else None


def _head(path: Path) -> bytes | None:
    """The first _HEAD bytes of the file at `path`; None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD)
    except OSError:
        return None


#: The byte-order marks of UTF-16 (as `_encodings.UTF16_MARKS`), which Notepad writes for a file saved as "Unicode".
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def _utf16_text(head: bytes) -> str | None:
    """The text of a file's head when it is UTF-16, with a byte-order mark or without one (`utf16_unmarked`), characters
    cut at its end left out; else None."""
    if head.startswith(_UTF16_MARKS):
        return head[:len(head) // 2 * 2].decode("utf-16", "ignore")
    unmarked = utf16_unmarked(head)
    return head[:len(head) // 2 * 2].decode(unmarked, "ignore") if unmarked else None


def _form_is_chinese(path: Path) -> bool:
    """A workbook's text is in its shared strings, or inline in its first sheet, and its sheets' names in the workbook
    part (项目支出绩效自评表, 表外事实: a form with its main sheet emptied is still Chinese): the first _HEAD bytes of
    each, unpacked (never more, whatever the archive claims)."""
    import zipfile  # loaded only for a workbook given as input
    import zlib

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for part in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"):
                if part in names:
                    with archive.open(part) as unpacked:
                        if _HAN_UTF8.search(unpacked.read(_HEAD)):
                            return True
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile, NotImplementedError, zlib.error):
        return False  # a damaged part (a broken deflate stream is zlib's error): the reader says what is wrong
    return False


def _utf8_text_is_chinese(head: bytes | None) -> bool:
    """Whether a file's head is UTF-8 text (a character cut at its end aside) holding Chinese: a binary file, whose bytes
    match the pattern by chance, is not."""
    if head is None or b"\x00" in head:
        return False
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _HEAD)
    except UnicodeDecodeError:
        return False
    return is_chinese(text)


def _file_is_chinese(path: Path) -> bool:
    head = _head(path)
    return head is not None and _text_is_chinese(head)


def _text_is_chinese(head: bytes) -> bool:
    """Whether the first bytes of a file hold Chinese: UTF-8, UTF-16 (with its mark or without), or GBK."""
    text = _utf16_text(head)
    if text is not None:  # saved by Notepad as "Unicode": read as the reader names it, in the language of its text (QA164 F4)
        return is_chinese(text)
    if _HAN_UTF8.search(head):  # as searching the text decoded from UTF-8: a match starts at a character's first byte
        return True
    try:
        return is_chinese(head.decode("gb18030"))  # a GBK file is Chinese too, the more so on a Chinese Windows
    except UnicodeDecodeError:
        return False


def stdin_is_chinese(head: bytes) -> bool:
    """Whether facts read from standard input (their first bytes, `head`) hold Chinese, or name a set that does: a
    bundled one, or a file in the working folder, where a set they name is looked for (QA179 F2)."""
    if _text_is_chinese(head[:_HEAD]):
        return True
    text = _utf16_text(head[:_HEAD])
    found = _NAMES_SET.search(head[:_HEAD] if text is None else text.encode("utf-8"))
    if found is None:
        return False
    from ._files import bundled_sets

    base = found.group(1).decode("utf-8", "replace")
    try:
        return base in bundled_sets() or (Path(base).is_file() and _holds_chinese(Path(base), 1))
    except (OSError, ValueError):
        return False


def _input_is_chinese(ref: str | Path) -> bool:
    """Whether the file (or a text file in the folder, or the bundled set) that `ref` names holds Chinese, or `ref`, naming
    nothing, is written in Chinese."""
    from ._files import bundled_sets

    path = Path(ref)
    try:
        if path.is_file():  # named in Chinese, in a folder named so (单位甲/f.json, QA40 F5), or holding Chinese
            return is_chinese(str(ref)) or _holds_chinese(path)
        if path.is_dir():
            return _folder_is_chinese(path, depth=1)
    except OSError:
        return False
    # a path that names nothing: what the user typed says their language (单位C/不存在.json, QA67 F1)
    return is_chinese(str(ref)) or (isinstance(ref, str) and ref in bundled_sets())


def _folder_is_chinese(path: Path, depth: int) -> bool:
    """The usual portfolio: a folder per unit (单位/), forms named in Chinese, facts files; or a folder of project folders
    (examples/), whose first few are looked into when the folder holds no text file of its own."""
    entries = sorted(itertools.islice(path.iterdir(), _FILES_IN_A_FOLDER * 10))
    texts = [p for p in entries if p.suffix.lower() in _READ_SUFFIXES and p.is_file()][:_FILES_IN_A_FOLDER]
    if is_chinese(path.name) or any(is_chinese(p.name) for p in entries) or any(_holds_chinese(p) for p in texts):
        return True
    if texts or depth == 0:
        return False
    folders = (p for p in entries if p.is_dir() and not p.name.startswith("."))
    return any(_folder_is_chinese(p, depth - 1) for p in itertools.islice(folders, _FOLDERS_LOOKED_INTO))


def spoken(value: str) -> str | None:
    """"en" or "zh" for a language written as --lang or as a locale is (zh, ZH, zh_CN.UTF-8, en_US); None for any other."""
    lowered = value.strip().lower()
    for code in ("en", "zh"):
        if lowered == code or lowered.startswith((code + "_", code + "-", code + ".")):
            return code
    return None


def language(chosen: str | None, inputs: Iterable[str | Path], environ: Mapping[str, str] | None = None,
             stdin: bytes | None = None) -> str:
    """"en" or "zh": `chosen` (--lang) if given, else "zh" for a Chinese locale or any Chinese input (the files and set
    ids `inputs`, the first bytes `stdin` of the facts read from standard input), else "en"."""
    if chosen is not None:
        return chosen
    if locale_is_chinese(os.environ if environ is None else environ):
        return "zh"
    if stdin is not None and stdin_is_chinese(stdin):
        return "zh"
    # each input looked at once: the problems of one file may be thousands, each naming it
    return "zh" if any(_input_is_chinese(ref) for ref in dict.fromkeys(inputs)) else "en"
