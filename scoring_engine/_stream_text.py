"""Text for a standard output or error whose encoding is narrower than Unicode: a GBK (cp936) console on Chinese
Windows, a redirected output there, PYTHONIOENCODING=gbk.

The engine writes a few typographic characters of its own: the minus sign − in its reasons and explain lines
(``得分 = 10 × (95% − 60%) ÷ (100% − 60%)``), › between an indicator's names, and bundled sets hold −. GBK has no −
nor ›, and the whole output was refused for them (QA179 F1). Such a character the stream cannot hold is written as
its plain equivalent (− as -, › as >); any other is left as it is. A character of the user's own text the stream
cannot hold is still refused, named with its line. Files written with --output are UTF-8 and never changed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["PLAIN", "fit", "readable"]

#: The engine's typographic characters and their plain equivalents, used only where the stream lacks the character.
PLAIN = {
    "\u2212": "-",  # − minus sign (reasons, explain lines, the bundled sets)
    "\u2012": "-", "\u2011": "-", "\u2010": "-", "\u2013": "-",  # ‒ ‑ ‐ – figure dash, hyphens, en dash
    "\u2014": "--",  # — em dash
    "\u203a": ">", "\u2039": "<",  # › ‹ (产出 › 产出指标3)
    "\u2264": "<=", "\u2265": ">=", "\u2a7d": "<=", "\u2a7e": ">=", "\u2260": "!=", "\u2248": "~",
    "\u00d7": "x", "\u00f7": "/", "\u2215": "/", "\u2044": "/",
    "\u2026": "...", "\u22ef": "...",
    "\u2022": "*", "\u00b7": ".", "\u30fb": ".",
    "\u2192": "->", "\u2190": "<-", "\u21b5": "\\n",
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


@functools.lru_cache(maxsize=16)
def _table(encoding: str) -> dict[int, str]:
    """The substitutions for an encoding: those of PLAIN whose character it cannot hold."""
    lacking: dict[int, str] = {}
    for character, plain in PLAIN.items():
        try:
            character.encode(encoding)
        except UnicodeEncodeError:
            lacking[ord(character)] = plain
    return lacking


def fit(text: str, encoding: str) -> tuple[str, tuple[str, int] | None]:
    """`text` with each typographic character `encoding` cannot hold as its plain equivalent (as it is when it holds
    them all), and the first character it still cannot hold with the line it is on (from 1), or None."""
    try:
        text.encode(encoding)
        return text, None
    except LookupError:  # an encoding Python does not know: the stream's own write says so
        return text, None
    except UnicodeEncodeError:
        text = text.translate(_table(encoding))
    try:
        text.encode(encoding)
    except UnicodeEncodeError as err:
        return text, (text[err.start], text.count("\n", 0, err.start) + 1)
    return text, None


def readable(text: str, streams: Iterable[object]) -> str:
    """`text` as every one of `streams` (text streams, or None) can show it: the engine's typographic characters a
    stream lacks as their plain equivalents, any other character it cannot hold as ``?``. For the help page, which
    names 项目支出绩效评价 and 自评表 in English too: on a latin-1 or cp1252 console it was a traceback (QA224 3); a page
    with a few ``?`` is one to read, where refusing it (as `_output.say` refuses a report) would leave none."""
    for stream in streams:
        encoding = getattr(stream, "encoding", None)
        if not isinstance(encoding, str):
            continue
        text, unheld = fit(text, encoding)
        if unheld is not None:
            text = text.encode(encoding, "replace").decode(encoding, "replace")
    return text
