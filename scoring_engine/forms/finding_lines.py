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

from .._fault_words import FAULT
from .._finding_points import points_said
from .._no_finding import (is_detail, is_remark, list_number_only, names_nothing, names_what_follows, says_none, says_nothing,
                           says_the_rest_none)
from .._patterns import compile_later

__all__ = ["findings_written", "one_of_parts", "put_together", "without_headings"]

#: a line ending in a word that goes on (挪用项目资金用于⏎单位办公楼维修, 涉及金额⏎3.5万元); never a comma or 、, which
#: end a list's items as often as they wrap a sentence (未附发票，⏎资金拨付缓慢 are two: QA282 F1). After the words
#: that must go on (用于, 将), the line below is the rest, even naming a fault (…2万元用于⏎发放职工福利，未经审批).
_DANGLING = compile_later(r"(用于|用作|对|将|把|为|和|及|与|的|涉及|金额|共计|其中)$")
_GOES_ON = compile_later(r"(用于|用作|对|将|把|的|涉及|金额|共计|其中)$")
#: what a line that names a fault of its own says: it is a finding, never the rest of the one above (未附发票，⏎超标准列支，⏎
#: 无审批手续 are three: QA281 F5)
_FAULT = compile_later(r"未|不|无|没有|缺|超|违|挪|挤占|截留|虚列|滞留|擅自|提前|延期|逾期|滞后|白条|套取|骗取|重复")
#: a line that starts an item of a list, which no wrapped line does (1.资金滞留，⏎2.未附发票 are two)
_ITEM = compile_later(r"\s*(?:\d{1,2}[.、)．）](?!\d)|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.]|"
                      r"[(（][一二三四五六七八九十]{1,2}[)）]|[\u2460-\u2473\u2776-\u2793•·-]|"
                      # sections as reports number them: ㈠, 1.1 (never an amount: 1.5万元), A., 第一部分
                      r"[\u3220-\u3229]|\d{1,2}\.\d{1,2}(?![\d.．%％万亿千百元个倍年月天日次人户笔项台套辆亩米公吨平])|"
                      r"[A-H][.、．](?![A-Za-z0-9])|"
                      r"第[一二三四五六七八九十]{1,2}部分)")
#: a note of points alone on its line: 扣1分, （扣1分）, 扣除2分。, -1分
_NOTE_ALONE = compile_later(r"[(\[【]?(?:扣(?:除)?\s*(\d{1,6}(?:\.\d{1,6})?|[一二两三四五六七八九十]{1,3}|半)|"
                            r"-(\d{1,6}(?:\.\d{1,6})?))\s*分[)\]】]?[。.;]*", needs="分")


def findings_written(written: list[str]) -> tuple[list[str], str | None, str | None]:
    """The lines of a findings cell that may name findings: less headings, nones, marks, pointers and remarks; why the
    cell names none when it does (what a message says after the cell's text), and a total of points typed below the
    findings (共计扣2分), which is set aside."""
    if written and all(map(list_number_only, written)):  # 1.⏎2.: a list begun, never filled in (QA267 F3)
        return [], "numbers a list but holds no finding", None
    if "\t" in "".join(written) and _asks_otherwise(written):  # 资料名称⇥是否缺失⏎竣工验收报告⇥是 (QA285 F7)
        return [], "is a table whose answers cannot be told to name a finding or none", None
    # 一、资金管理⏎…, 序号⇥问题描述⇥金额, 二、整改措施⏎…: what heads the findings, or follows them, names none (QA282 F4)
    if not (unheaded := without_headings([line.strip() for line in written])) and written:
        return [], "names no finding", None
    lines = [line for line in unheaded  # a line of nothing (QA46 F3), or saying none (QA49 F1), is none, as is one saying
             if not list_number_only(line) and not says_none(line)  # the rest is in order beside others (其他资料齐全)
             and not (len(unheaded) > 1 and says_the_rest_none(line))]
    none_said = len(lines) < len(unheaded) and any(map(says_none, unheaded))
    # 。, ？, *: no word of a finding (QA278 F1); 见附件, 同上: what was found is not here (QA280 F7), unless below a
    # line saying none (未发现问题⏎（详见评价报告第三部分）: QA282 F5)
    if lines and all(map(names_nothing, lines)) and not none_said:
        return [], "names no finding", None
    lines = [line for line in lines if not names_nothing(line)]  # a stray mark or 详见附件 below the findings (QA281 F6)
    if lines and all(map(names_what_follows, lines)):  # 经检查：⏎经审计: how it was checked, never what was found
        return [], "says how the work was checked but names no finding", None
    lines = [line for line in lines if not names_what_follows(line)]  # 检查结果：⏎…: a heading is no finding (QA270 F3)
    if lines and all(map(is_remark, lines)) and not none_said:  # 共计扣2分, 以上问题已整改 alone: of no finding (QA284 F1)
        return [], "is a remark on the findings, a total or a signature, and names no finding", None
    # 经检查⏎…, 严格执行资金管理办法⏎但仍有…: a line naming how the work was checked or done is no finding (QA265 F2), nor is
    # a remark below a line saying none (未发现问题⏎（评价组：张三，2024年3月）: QA282 F5)
    if (len(lines) > 1 and not all(map(says_nothing, lines))) or none_said:
        total = next((line for line in lines if is_remark(line) and _POINTS_TOTAL.search(line)), None)
        return _less_details(lines), None, total
    return lines, None, None


def _less_details(lines: list[str]) -> list[str]:
    """The lines naming findings: less those saying how the work was done and the remarks, and a finding's labelled
    details below it (1.以拨代支⏎已整改); a detail below no finding is the finding (未发现截留挪用问题⏎具体情况：坐支现金
    0.5万元, 【资金管理】⏎具体情况：…⏎【会计核算】⏎具体情况：…: QA291 F2)."""
    found: list[str] = []
    below_finding = False
    for line in lines:
        if is_detail(line):
            if not below_finding:
                found.append(line)
        elif not says_nothing(line):
            found.append(line)
            below_finding = True
    return found


_POINTS_TOTAL = compile_later(r"扣\s*(?:除\s*)?[0-9０-９]|[0-9０-９]\s*分")  # 共计扣2分, 扣分合计：2分 (money totals are not)


def put_together(lines: list[str]) -> list[str]:
    """The findings the lines hold: a wrapped line joined to the one below it, a note alone joined to the one above."""
    found: list[str] = []
    wrapped = goes_on = False
    for line in lines:
        note = _NOTE_ALONE.fullmatch(unicodedata.normalize("NFKC", line).replace(" ", ""))
        if note is not None and found and not wrapped:
            added = f"（扣{note[1] or note[2]}分）"  # the same note again (未附发票⏎扣1分⏎扣1分) is that note; another,
            said, again = points_said(found[-1]), points_said("·" + added)  # refused as points said twice
            if said is None or again is None or said[0] != again[0]:
                found[-1] += added
        elif wrapped and not _ITEM.match(line) and (goes_on or _FAULT.search(line) is None):
            found[-1] += line
        else:
            found.append(line)
        goes_on = _GOES_ON.search(line) is not None
        wrapped = goes_on or _DANGLING.search(line) is not None
    return found


#: a part that gives the reason for the one before it (资金拨付滞后；主要原因是…): no finding of its own (QA282 F8)
_WHY = compile_later(r"(主要)?原因(是|为|在于|:)|系因|因为|由于")


def without_headings(lines: list[str]) -> list[str]:
    """A cell's lines less those that head the findings rather than name one (QA282 F4: each cost a finding's points):
    a category over the lines below it (一、资金管理, 1.资金使用方面：, 【财务管理】, 资金管理：), a table's row of column
    names (序号⇥问题描述⇥金额), and what is to be done about a finding, under its heading (整改措施：⏎加强资金管理)."""
    kept: list[str] = []
    styles = [_numbered(line) for line in lines]
    levels: dict[str, int] = {}  # each numbering by the order it first came in: a list's items, then their own items
    for style, _ in styles:
        if style is not None:
            levels.setdefault(style, len(levels))
    # a numbering whose every line has a line of another below it: a list of sections (一、资金管理⏎…⏎二、票据管理⏎…),
    # never a list of findings with a remark below its last (1.未附发票⏎2.坐支现金⏎以上问题已责令整改: QA285 F2)
    sections = {style for style in levels if sum(own == style for own, _ in styles) > 1 and all(
        i + 1 < len(lines) and styles[i + 1][0] != style for i, (own, _) in enumerate(styles) if own == style)}
    remedies: set[str] | None = None  # passing over what is to be done, below its heading: the lists begun above it
    for i, (line, (style, rest)) in enumerate(zip(lines, styles, strict=True)):
        if _REMEDIES.fullmatch(rest.strip()):
            remedies = {own for own, _ in styles[:i] if own is not None}
            continue
        # 加强资金管理, （1）退回超支部分; never an item of the list of findings above (2.调整预算未履行报批手续: QA286 F2)
        if remedies is not None and style not in remedies and _REMEDY.match(rest.strip()):
            continue
        remedies = None  # a line that is no remedy: a finding again (QA285 F4: every line after 整改措施： was lost)
        below = lines[i + 1] if i + 1 < len(lines) else None
        if not _column_names(line) and not (below is not None and _heads(style, rest, below, levels, sections)):
            kept.append(line)
    return kept


#: a heading of what is to be done about the findings: none of them
_REMEDIES = compile_later(r"(存在问题的?)?(整改措施|整改建议|整改意见|整改要求|改进措施|改进建议|意见建议|建议|"
                          r"下一步(工作)?(打算|措施|计划))[:：]?")
#: what a remedy starts with: a verb of putting it right
_REMEDY = compile_later(r"(进一步|尽快|及时|今后|严格|认真)?(加强|加快|完善|规范|建立健全|健全|提高|督促|确保|退回|追回|收回|"
                        r"补办|整改|强化|做好|杜绝|避免|防止|纠正|修订|细化|责令)"
                        r"(?!的)(?!.*(未|不|没有|无法))")  # (QA287)
#: how a category's name ends: 资金管理, 资金使用, 资金拨付, 会计核算, 预算执行, 采购方面, 论证环节
_CATEGORY_NAME = compile_later(r"(管理|使用|拨付|核算|执行|方面|环节|程序|制度建设|档案|类|采购|问题|情况|收支)$")  # (财务收支;
# never …资料, …意见, …票据, …支付: 1.专家论证意见⏎未签字, 2.作废票据⏎已整改, QA289 F8)
#: a category a clerk heads findings with: 资金管理, 资金使用方面, 【财务管理】 (a short text naming no fault)
_SECTION = compile_later(r"[【\[]?([^，,。；;：:】\]0-9０-９]{1,12}?)(方面)?(存在的问题|的问题|问题)?[】\]]?[:：]?")


def _heads(style: str | None, rest: str, below: str, levels: dict[str, int], sections: set[str]) -> bool:
    """Whether a line (its numbering and the `rest` of it) is a category over the line `below`: numbered, over an item
    of a list under it (never of the list above it: 1.采购方面⏎（1）化整为零…⏎2.… holds a finding), a none (一、资金使用
    ⏎无), or an unnumbered line when its list is one of sections; or a 方面, a bracketed name or a label with a colon over
    any line. Never over a remark, a pointer or a note of points, which follow a finding (2.坐支现金⏎扣1分)."""
    named = _SECTION.fullmatch(rest.strip())
    if named is None or _FAULT.search(named[1]) is not None or _DANGLING.search(named[1]) is not None:
        return False
    if FAULT.search(named[1]) is not None and (says_none(below) or says_the_rest_none(below)):
        return False  # A.公款私存问题⏎未发现其他问题: a fault named, then none of the rest; dropped, it took 0 (QA297 F1)
    # (a labelled detail only a named heading may head: 【资金管理】⏎具体情况：…, QA289 F5; never a numbered finding's state
    # or amount below it: 1.坐收坐支情况⏎涉及金额0.5万元, QA290 F1)
    if (says_nothing(below) if style is not None else is_remark(below)) or names_nothing(below) or _NOTE_ALONE.fullmatch(
            unicodedata.normalize("NFKC", below).replace(" ", "")):
        return False
    below_style, _ = _numbered(below)
    if style is not None and len(rest.strip(" :：")) <= 10:
        # over an unnumbered line, only a category's name: a finding naming no fault in the words known (2.坐支现金⏎
        # 其他方面未发现问题, 1.以拨代支⏎涉及金额12万元) is no heading (QA286 F1)
        return (below_style is None and style in sections and _CATEGORY_NAME.search(rest.strip(" :：")) is not None) or (
            below_style is not None and levels.get(below_style, len(levels)) > levels[style])
    return bool(named[2]) or rest.lstrip().startswith(("【", "[")) or rest.rstrip().endswith((":", "："))


def _numbered(line: str) -> tuple[str | None, str]:
    """The numbering a line starts with, as its style (1. and 1、 are one style, （1）another, 一、 a third), and the
    rest of the line; None and the line when it starts with none."""
    item = _ITEM.match(line)
    if item is None:
        return None, line
    mark = item[0].strip()
    if "\u2460" <= mark[:1] <= "\u2793":  # ①, ❶, ➀: NFKC would make ① a bare 1
        return "①", line[item.end():]
    mark = unicodedata.normalize("NFKC", mark)  # ㈠ as (一)
    mark = re.sub(r"^[A-H]", "A", re.sub(r"[0-9]+", "1", re.sub(r"[一二三四五六七八九十]+", "一", mark)))
    return mark.replace("、", "."), line[item.end():]


#: what a table's columns are named: a row of them pasted in the cell is no finding (序号⇥问题描述⇥金额（万元）)
_COLUMNS = frozenset({
    "序号", "编号", "问题", "问题描述", "存在问题", "发现问题", "主要问题", "问题类型",
    "问题内容", "金额", "涉及金额", "金额(万元)", "金额(元)", "涉及金额(万元)", "凭证号", "凭证编号",
    "日期", "时间", "摘要", "备注", "资料名称", "名称", "是否归档", "是否齐全",
    "是否开展", "情况", "检查内容", "检查结果", "检查情况", "内容", "说明", "扣分",
    "扣分(分)", "整改情况", "责任单位", "事项", "项目"})


def _column_names(line: str) -> bool:
    """Whether a line is a table's row of column names: 序号⇥问题描述⇥金额（万元）, 论证环节⇥是否开展."""
    cells = _cells(line)
    return len(cells) > 1 and all(cell in _COLUMNS or _COLUMN.fullmatch(cell) for cell in cells)


def _cells(line: str) -> list[str]:
    return [unicodedata.normalize("NFKC", cell).replace(" ", "") for cell in line.split("\t") if cell.strip()]


#: a column's name by its form: a question of yes or no (是否归档, 有无), or a name of what the column lists (论证环节)
_COLUMN = compile_later(r"(是否|有无)[^:]{0,6}|是/否|有/无|缺失|缺少|缺项|"
                        r"[^:\d]{0,6}(名称|环节|事项|内容|情况|类别|类型|编号|日期|金额|说明|备注|资料)")
#: the answers of a table of yes or no
_MARKS = frozenset("是否√×有无✓✗✔✘☑☐")
#: a question whose 是 says the thing is there (是否归档⇥是): a row answered so is none, answered 否 a finding
_ASKS_IF_KEPT = compile_later(r"是否(归档|齐全|开展|完成|提供|具备|建立|执行|到位|公示|公开|验收|通过|履行|制定)")


def _asks_otherwise(lines: list[str]) -> bool:
    """Whether a table of yes or no asks, in its row of column names, a question whose 是 may say there is a fault
    (是否缺失, 缺失, 有无, 是/否, 是否合规): read as a paper kept, its rows' 是 lost the finding (QA285 F7)."""
    for i, line in enumerate(lines):
        if _column_names(line):
            answers = [cells[-1] for row in lines[i + 1:] if len(cells := _cells(row)) > 1]
            if any(answer in _MARKS for answer in answers) and not _ASKS_IF_KEPT.fullmatch(_cells(line)[-1]):
                return True
    return False


def one_of_parts(line: str) -> str | None:
    """A line parted by ；: the one part that names a finding, the others saying none or how the work was done; None
    when several parts do (which findings it holds cannot be told, and each may cost points)."""
    parts = [part.strip() for part in re.split("[；;]", line) if part.strip()]
    named = [part for part in parts if not says_none(part) and not says_nothing(part) and not _WHY.match(part)]
    return named[0] if len(named) == 1 else None
