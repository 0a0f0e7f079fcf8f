"""The share of the budget a grade's consequence (结果应用) names, read one way by the set's checks and by batch.

The set builder refuses a consequence whose percentages cannot be a share
(`unusable_share`: a range written from the larger share to the smaller, more
than the whole budget); batch's 结果应用 takes the share of each project's
budget (`budget_share`) and says why a consequence names none.

>>> budget_share("核减该项目预算10%–30%")
Share(low=Decimal('0.1'), high=Decimal('0.3'))
>>> budget_share("下一年度预算减少30%以上不予取消")
Share(low=Decimal('0.3'), high=None)
>>> unusable_share("核减该项目预算30%–10%")
Unusable(kind='backwards', written='30%–10%')
>>> unusable_share("核减该项目预算30%–10%").note()
'结果应用的比例30%–10%从大写到小（应写成10%–30%）'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from ._arith import ONE, ZERO, plain
from ._record import record

__all__ = ["Share", "Unusable", "budget_share", "unusable_share"]

_NUMBER = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(_NUMBER + r"\s*%?\s*(?:-|–|—|~|至|到)\s*" + _NUMBER + r"\s*%")
_AT_LEAST = re.compile(r"(?:不低于|不少于|至少|最低)\s*" + _NUMBER + r"\s*%|" + _NUMBER + r"\s*%\s*(?:及以上|以上|或以上)")
_AT_MOST = re.compile(r"(?:不超过|不高于|最多|最高)\s*" + _NUMBER + r"\s*%|" + _NUMBER + r"\s*%\s*(?:以下|以内)")
_SINGLE = re.compile(_NUMBER + r"\s*%")
_WHOLE = re.compile(r"取消|收回全部|全额收回|全部收回")  # words that take the share up to the whole budget
# …unless denied: 不取消, 不予取消, 不得取消, 无需取消, 暂不取消 (QA182 F4)
_DENIED = re.compile(r"(?:不|无需|无须|毋需|勿|免)(?:予|得|会|再|用|必|需|要|做|作|于)?\s*(?:" + _WHOLE.pattern + ")")


@record
class Share:
    """A share of the budget, 0–1: `low` to `high`, or from `low` up with no bound named (`high` None)."""

    low: Decimal
    high: Decimal | None

    def text(self) -> str:
        """10%–30%, 30%以上, 12.5%: the percentages as written."""
        if self.high is None:
            return f"{_percent(self.low)}以上"
        return _percent(self.low) if self.low == self.high else f"{_percent(self.low)}–{_percent(self.high)}"


@record
class Unusable:
    """Why a consequence's percentages name no share: `kind` backwards (30%–10%), above (120%, more than the whole
    budget) or several (two shares named); `written`: the percentages as written, NFKC."""

    kind: str
    written: str

    def fixed(self) -> str:
        """What to write instead: the range from the smaller share (10%–30% for 30%–10%), else at most 100%."""
        numbers = re.findall(r"\d+(?:\.\d+)?", self.written)
        return f"{numbers[-1]}%–{numbers[0]}%" if self.kind == "backwards" else "不超过100%"

    def note(self) -> str:
        """Why no amount is counted, in Chinese, for batch's 结果应用 (a set the checks refused may still be built by a
        program)."""
        if self.kind == "several":
            return f"结果应用写有不止一个比例（{self.written}）"
        wrong = "从大写到小" if self.kind == "backwards" else "超过全部预算"
        return f"结果应用的比例{self.written}{wrong}（应写成{self.fixed()}）"


def _percent(share: Decimal) -> str:
    return f"{plain(share * 100)}%"


@lru_cache(maxsize=256)  # a set has a few consequences; every project of a grade names the same one
def _read(consequence: str) -> tuple[tuple[Share, str], ...]:
    """Each share the words name, with its text as written."""
    text = unicodedata.normalize("NFKC", consequence)
    whole = bool(_WHOLE.search(_DENIED.sub(" ", text)))
    found: list[tuple[Share, str]] = []
    for pattern, kind in ((_RANGE, "range"), (_AT_LEAST, "at least"), (_AT_MOST, "at most"), (_SINGLE, "single")):
        for match in pattern.finditer(text):
            n = [Decimal(n) / 100 for n in match.groups() if n is not None]
            share = (Share(n[0], n[1]) if kind == "range" else Share(n[0], ONE if whole else None) if kind == "at least"
                     else Share(ZERO, n[0]) if kind == "at most" else Share(n[0], n[0]))
            found.append((share, match.group().strip()))
        text = pattern.sub(" ", text)  # a number read once is not read again by the next pattern
    return tuple(found)


def budget_share(consequence: str) -> Share | None:
    """The share of the budget the consequence names, or None when it names none, or more than one, or one that cannot
    be a share (`unusable_share`).

    A range (10%–30%, 10-30%, 10%至30%), a lower bound (30%以上, 不低于30%),
    an upper bound (30%以下, 不超过30%) or one percentage (核减10%); full-width
    digits and ％ read as ASCII. A lower bound with 取消 goes up to the whole
    budget (核减30%以上直至取消); one with 取消 denied (不取消, 不予取消) has no upper bound.
    """
    found = _read(consequence)
    return found[0][0] if len(found) == 1 and unusable_share(consequence) is None else None


def unusable_share(consequence: str) -> Unusable | None:
    """Why the consequence's percentages cannot be used as a share of the budget, or None (a share, or no percentage)."""
    found = _read(consequence)
    if len(found) > 1:
        return Unusable("several", "、".join(written for _, written in found))
    for share, written in found:
        if share.low > ONE or (share.high is not None and share.high > ONE):
            return Unusable("above", written)
        if share.high is not None and share.high < share.low:
            return Unusable("backwards", written)
    return None
