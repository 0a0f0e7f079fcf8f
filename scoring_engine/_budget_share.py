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
from ._patterns import compile_later

__all__ = ["Share", "Unusable", "budget_share", "unusable_share"]

# A number is read from the first digit of its run, and spaces and digits are taken whole (possessive: `*+`, `++`), as
# what follows them is never a space or a digit: a run of 5,000 digits or spaces is read once, not once for each of
# its places and again for each way to split it (QA203 3: 5,000 digits in a consequence took 10 s to load)
_NUMBER = r"(?<!\d)(\d++(?:\.\d++)?)"
# (含), (不含), (含本数), (含20%), 含 beside a bound: 20%(含)以上, 20%以上(含), 20%(含20%)以上 is 20% and up (QA184 F2)
_BOUND = r"(?:\s*+\(\s*+不?含\s*+(?:本数|\d++(?:\.\d++)?\s*+%?)?\s*+\)|\s*+不?含本数|\s*+含)?"
_RANGE = compile_later(_NUMBER + r"\s*+%?" + _BOUND + r"\s*+(?:-|–|—|~|至|到)\s*+" + _NUMBER + r"\s*+%" + _BOUND, needs="%")
_AT_LEAST = compile_later(r"(?:不低于|不少于|至少|最低)\s*+" + _NUMBER + r"\s*+%" + _BOUND + "|"
                          + _NUMBER + r"\s*+%" + _BOUND + r"\s*+(?:及以上|以上|或以上)" + _BOUND, needs="%")
_AT_MOST = compile_later(r"(?:不超过|不高于|最多|最高)\s*+" + _NUMBER + r"\s*+%" + _BOUND + "|"
                         + _NUMBER + r"\s*+%" + _BOUND + r"\s*+(?:及以下|以下|或以下|及以内|以内)" + _BOUND, needs="%")
_SINGLE = compile_later(_NUMBER + r"\s*+%")
# the whole budget taken back: 100% by themselves (QA184 F3); 收回该项目全部资金, 项目全部资金收回 too (QA188 F3)
_ALL_BACK = compile_later(r"收回(?:该|本)?(?:项目)?全部|全额收回|全部(?:资金|预算)?收回")
# …unless denied: 不取消, 不予取消, 不得取消, 无需取消, 暂不取消 (QA182 F4)
_DENIED = compile_later(r"(?:不|无需|无须|毋需|勿|免)(?:予|得|会|再|用|必|需|要|做|作|于)?\s*(?:取消|" + _ALL_BACK.pattern + ")",
                        needs="全取收")
# 取消 takes the share up to the whole budget only when what it cancels is the project or its money (取消该项目,
# 取消资金安排, 直至取消); 取消该单位评优资格, 取消下一年度新增项目申报资格 cancel something else (QA184 F1)
_CANCELLED = compile_later(r"取消([^，,。；;！!？?\s]*)")
_NOT_MONEY = compile_later(r"资格|评优|评先|申报|称号|荣誉|表彰|奖励|先进|评比|评选|考核|授权|认定|备案|立项权")
_MONEY = compile_later(r"项目|预算|资金|经费|拨款|拨付|补助|补贴|安排|专项|支出|投资|额度|款")
_JOINED = compile_later(r"或者|或|和|及|并|与|、|以及")
_CLAUSE = compile_later(r"[，,。；;！!？?\s]")
# 收回全部结余资金, 全额收回违规资金: all of a part of the money, which the budget figure does not give (QA185 F1)
_PART = compile_later(r"结余|节余|结存|剩余|余额|未使用|未用|未支出|未支付|未拨付|已拨付|闲置|违规|违纪|违法|挤占|挪用|套取|骗取|"
                      r"结转|沉淀|存量|多余|盈余|滞留|部分")
_OBJECT_END = compile_later(r"[，,。；;！!？?]")


_ASIDE = compile_later(r"\([^()]*\)|【[^【】]*】")  # 收回全部资金（含结余资金）: what the brackets add is no other thing taken


def _all_back(text: str) -> re.Match[str] | None:
    """The words taking the whole budget back (收回全部资金, 收回全部预算, 全部收回该项目资金, bare 全额收回), or None:
    收回全部结余资金, 结余资金全部收回 take back all of a part of it (QA185 F1). What is taken back (after the words, else
    before them: 收回全部X及Y, X及Y全部收回) is the whole budget when any of it is money named as no part (项目资金及结余
    资金全部收回, 全额收回违规资金和项目资金), or when nothing is named; a bracketed aside (（含结余资金）) counts for
    nothing (QA187 F2)."""
    text = _ASIDE.sub("", text)
    for back in _ALL_BACK.finditer(text):
        start = max((m.end() for m in _OBJECT_END.finditer(text, 0, back.start())), default=0)
        end = next((m.start() for m in _OBJECT_END.finditer(text, back.end())), len(text))
        for words in (text[back.end():end], text[start:back.start()]):  # 收回全部X; X全部收回
            taken = [thing for thing in _JOINED.split(words) if _MONEY.search(thing) or _PART.search(thing)]
            if taken:
                break
        if not taken or any(not _PART.search(thing) for thing in taken):
            return back
    return None


def _to_whole(text: str) -> bool:
    """Whether the consequence (its denied words taken out) takes the share up to the whole budget: it takes all of it
    back (收回全部资金), or cancels the project or its money, or cancels with nothing else named (核减30%以上直至取消)."""
    if _all_back(text):
        return True
    for cancel in _CANCELLED.finditer(text):
        parts = [part for part in _JOINED.split(cancel.group(1)) if part]
        if any(_MONEY.search(part) and not _NOT_MONEY.search(part) for part in parts):
            return True
        before = _CLAUSE.split(text[:cancel.start()])[-1]  # 评优资格予以取消: what is cancelled is named before
        if not parts and not _NOT_MONEY.search(before):
            return True
    return False


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
    undenied = _DENIED.sub(" ", text)
    whole = _to_whole(undenied)
    found: list[tuple[Share, str]] = []
    for pattern, kind in ((_RANGE, "range"), (_AT_LEAST, "at least"), (_AT_MOST, "at most"), (_SINGLE, "single")):
        for match in pattern.finditer(text):
            n = [Decimal(n) / 100 for n in match.groups() if n is not None]
            share = (Share(n[0], n[1]) if kind == "range" else Share(n[0], ONE if whole else None) if kind == "at least"
                     else Share(ZERO, n[0]) if kind == "at most" else Share(n[0], n[0]))
            found.append((share, match.group().strip()))
        text = pattern.sub(" ", text)  # a number read once is not read again by the next pattern
    if not found and (back := _all_back(undenied)):  # 收回全部资金, 全额收回: the whole budget (QA184 F3)
        found.append((Share(ONE, ONE), back.group()))
    return tuple(found)


def budget_share(consequence: str) -> Share | None:
    """The share of the budget the consequence names, or None when it names none, or more than one, or one that cannot
    be a share (`unusable_share`).

    A range (10%–30%, 10-30%, 10%至30%), a lower bound (30%以上, 不低于30%),
    an upper bound (30%以下, 不超过30%) or one percentage (核减10%); full-width
    digits and ％ read as ASCII; (含) beside a bound changes nothing (20%(含)以上
    is 20%以上). A lower bound with 取消 of the project or its money goes up to
    the whole budget (核减30%以上直至取消, 核减30%以上，取消该项目); one with 取消
    denied (不取消, 不予取消) or of something else (取消该单位评优资格) has no
    upper bound. 收回全部资金, 全额收回 with no percentage is the whole budget; 收回全部结余资金 (all of a part of
    the money: 结余, 剩余, 未使用, 闲置, 违规 …) names no share.
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
