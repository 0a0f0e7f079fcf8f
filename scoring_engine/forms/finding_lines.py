"""The lines of a findings cell as a clerk types them, put together into findings (QA280).

A long finding wrapped with Alt+Enter in a narrow cell mid-phrase (挪用项目资金用于⏎单位办公楼维修) is one finding: a
line ending in a word that goes on (用于, 涉及金额) goes on below, unless the line below names a fault of its own. A line
ending in a comma is not joined: lists end their items so (未附发票，⏎资金拨付缓慢 are two). A note of points on a line
of its own (未附发票⏎扣1分) is the note of the finding above it, checked against the standard as a note at its end is. A
line parted by ； holds several findings, unless all parts but one say there is none or why (未发现截留挪用；超标准列支会议费
is one).
"""

from __future__ import annotations

import re
import unicodedata

from .._no_finding import says_none, says_nothing

__all__ = ["one_of_parts", "put_together"]

#: a line ending in a word that goes on (挪用项目资金用于⏎单位办公楼维修, 涉及金额⏎3.5万元); never a comma or 、, which
#: end a list's items as often as they wrap a sentence (未附发票，⏎资金拨付缓慢 are two: QA282 F1)
_DANGLING = re.compile(r"(用于|用作|对|将|把|为|和|及|与|的|涉及|金额|共计|其中)$")
#: what a line that names a fault of its own says: it is a finding, never the rest of the one above (未附发票，⏎超标准列支，⏎
#: 无审批手续 are three: QA281 F5)
_FAULT = re.compile(r"未|不|无|没有|缺|超|违|挪|挤占|截留|虚列|滞留|擅自|提前|延期|逾期|滞后|白条|套取|骗取|重复")
#: a line that starts an item of a list, which no wrapped line does (1.资金滞留，⏎2.未附发票 are two)
_ITEM = re.compile(r"\s*(?:\d{1,2}[.、)．](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.]|"
                   r"[(（][一二三四五六七八九十]{1,2}[)）]|[\u2460-\u2473\u2776-\u2793•·-])")
#: a note of points alone on its line: 扣1分, （扣1分）, 扣除2分。, -1分
_NOTE_ALONE = re.compile(r"[(\[【]?(?:扣(?:除)?\s*(\d{1,6}(?:\.\d{1,6})?|[一二两三四五六七八九十]{1,3}|半)|"
                         r"-(\d{1,6}(?:\.\d{1,6})?))\s*分[)\]】]?[。.;]*")


def put_together(lines: list[str]) -> list[str]:
    """The findings the lines hold: a wrapped line joined to the one below it, a note alone joined to the one above, a
    category heading a finding below it dropped."""
    found: list[str] = []
    wrapped = False
    for i, line in enumerate(lines):
        if _category(line) and i + 1 < len(lines) and not _ITEM.match(lines[i + 1]):
            continue
        note = _NOTE_ALONE.fullmatch(unicodedata.normalize("NFKC", line).replace(" ", ""))
        if note is not None and found and not wrapped:
            found[-1] += f"（扣{note[1] or note[2]}分）"
        elif wrapped and not _ITEM.match(line) and _FAULT.search(line) is None:
            found[-1] += line
        else:
            found.append(line)
        wrapped = _DANGLING.search(line) is not None
    return found


#: a part that gives the reason for the one before it (资金拨付滞后；主要原因是…): no finding of its own (QA282 F8)
_WHY = re.compile(r"(主要)?原因(是|为|在于|:)|系因|因为|由于")


def _category(line: str) -> bool:
    """Whether a line is a list's numbered category (一、资金管理, 二、票据管理) over findings below it: short, naming
    no fault (一、资金滞留 is a finding) (QA282 F4: two findings under two such headings cost four)."""
    item = _ITEM.match(line)
    rest = line[item.end():].strip(" :：") if item else ""
    return bool(item) and 0 < len(rest) <= 10 and _FAULT.search(rest) is None and not line.rstrip().endswith(("。", "；"))


def one_of_parts(line: str) -> str | None:
    """A line parted by ；: the one part that names a finding, the others saying none or how the work was done; None
    when several parts do (which findings it holds cannot be told, and each may cost points)."""
    parts = [part.strip() for part in re.split("[；;]", line) if part.strip()]
    named = [part for part in parts if not says_none(part) and not says_nothing(part) and not _WHY.match(part)]
    return named[0] if len(named) == 1 else None
