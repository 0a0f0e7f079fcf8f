"""The points a finding's text says it costs, as a clerk notes them at its end: 提前支付工程款（扣2.5分）.

The note is the unit's own reckoning. The set's standard decides what a finding
costs (its points each, or a keyword's heavier points); a note that says
otherwise is named in the deduction's reason, never taken for the points
(QA271 F3, QA273 F2: a note of 扣1分 would have cut 挪用's 5 points to 1).
A finding's own points are given as {text, points}.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from ._patterns import compile_later

__all__ = ["points_said"]

#: 扣2.5分 at the text's end, in brackets or after a comma or a space (资金滞留 扣2分: QA275 F4), with a full stop, a
#: semicolon or spaces after it; never words that end so (年度考核被扣2分, 按规定扣1分: QA274 F6), a space or not
#: (单位绩效考核被 扣2分: QA279 F7)
_NUMBER = r"\s*扣(?:除)?\s*(\d{1,6}(?:\.\d{1,6})?|\.\d{1,6}|[一二两三四五六七八九十]{1,3}|半)\s*分\s*"  # 扣两分 too (QA278 F3)
_DIGITS = "零一二三四五六七八九"
_SAID = compile_later(rf"(?:(?:[,;]|(?<![被应需将拟予均已可要再又并])\s){_NUMBER}|\({_NUMBER}\)|【{_NUMBER}】|\[{_NUMBER}\])$",
                      needs="([【扣")
_AFTER = "。.;,!"  # what may follow the note, with spaces
#: how far back from the end a note is looked for: a note is short, and a search over a long run of spaces before or
#: after it would take time growing with the square of the run
_WINDOW = 64


def points_said(text: str) -> tuple[Decimal, str] | None:
    """The points noted at the end of `text` and the text before the note; None when it notes none.

    >>> points_said("提前支付工程款（扣2.5分）。"), points_said("会议费超标准列支")
    ((Decimal('2.5'), '提前支付工程款'), None)
    """
    if "扣" not in text:  # the usual finding, told at once
        return None
    normal = unicodedata.normalize("NFKC", text)  # （扣２．５分） as （扣2.5分）
    end = len(normal)
    while end and (normal[end - 1].isspace() or normal[end - 1] in _AFTER):
        end -= 1
    said = _SAID.search(normal, max(0, end - _WINDOW), end)
    if said is None:
        return None
    before = (text if len(text) == len(normal) else normal)[:said.start()]  # the text as written, where NFKC kept its length
    points = next(g for g in said.groups() if g is not None)  # the number, in whichever of the note's forms it is
    number = _in_figures(points)
    if number is None:  # 十十: no number a clerk writes
        return None
    return number, before.rstrip(" ,;，；")  # a colon kept: 检查结果：（扣1分） heads nothing


def _in_figures(written: str) -> Decimal | None:
    """2.5, 两, 十二, 半 as a number; None for numerals that make none (十十, 二二)."""
    if written[0].isascii():
        return Decimal(written)
    if written == "半":
        return Decimal("0.5")
    tens, ten, ones = written.replace("两", "二").rpartition("十")
    if len(tens) > 1 or len(ones) > 1 or any(c not in _DIGITS[1:] for c in tens + ones):
        return None
    return Decimal(((_DIGITS.index(tens) if tens else 1) * 10 if ten else 0) + (_DIGITS.index(ones) if ones else 0))
