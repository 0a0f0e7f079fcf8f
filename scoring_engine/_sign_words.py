"""The words a 绩效目标表 writes a comparison in (不少于19栋, 19栋以上, 大于等于), read as the signs ≥, ≤ and =, the strict
ones (大于, 少于) as > and <, which a target row refuses with the fix to write ≥ or ≤: alike in a target's cell and in a
指标性质 column (QA217 8: the column refused 大于等于 that the cell read, and said 大于 was no sign, not that it is strict)."""

from __future__ import annotations

from ._patterns import compile_later

__all__ = ["WORD_SIGNS", "in_signs"]

# Comparisons as 绩效目标表 write them in words, before the number or after it; the strict ones are refused as > and <.
_WORDS_BEFORE = (("大于或等于", "≥"), ("大于等于", "≥"), ("不少于", "≥"), ("不低于", "≥"), ("不小于", "≥"), ("至少", "≥"),
                 ("小于或等于", "≤"), ("小于等于", "≤"), ("不超过", "≤"), ("不高于", "≤"), ("不大于", "≤"), ("不多于", "≤"),
                 ("至多", "≤"), ("最多", "≤"), ("等于", "="),
                 ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"), ("小于", "<"), ("低于", "<"), ("少于", "<"))
_WORDS_AFTER = (("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"))
_DIGIT_OR_POINT = compile_later(r"[\d.]")
_WORD_STARTS = frozenset(word[0] for word, _ in _WORDS_BEFORE)
_WORD_ENDS = frozenset(word[-1] for word, _ in _WORDS_AFTER)

#: A comparison written in words alone, as a 指标性质 cell holds it: the sign it is (大于等于 ≥; 大于 >, strict).
WORD_SIGNS = dict(_WORDS_BEFORE)


def in_signs(written: str) -> str:
    """'不少于19栋' and '19栋以上' as '≥19栋'; text that does not write a number after the words is left as it is."""
    first = written[:1]
    if first in _WORD_STARTS:  # most targets start with a digit or a sign: no word to look for then
        for word, sign in _WORDS_BEFORE:
            if written.startswith(word) and _DIGIT_OR_POINT.match(written[len(word):].lstrip()):
                return sign + written[len(word):].lstrip()
    elif written[-1:] in _WORD_ENDS and first.isdigit():
        for word, sign in _WORDS_AFTER:
            if written.endswith(word):
                return sign + written[:-len(word)].rstrip()
    return written
