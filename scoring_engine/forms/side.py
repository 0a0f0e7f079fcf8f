"""The side sheet of a form (表外事实): facts the form has no cell for, indicators not applicable, project details.

Each row is `类别 | 名称 | 值`. A value given twice, on the side sheet and in a
cell of the form or on two rows, is refused with both cells when the two differ,
as a facts file that gives a key twice is: keeping either in silence would drop
what the unit typed in the other. A 不适用 row must name an indicator and give
the reason it does not apply.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._display import show_value
from .._json_depth import too_deep
from .._text import cut, prints_as_nothing
from ..errors import Problem
from ..facts import MAX_FACTS_DEPTH
from ..model import FactSpec
from .._no_finding import COUNT, list_number_only, says_none
from .._row_fit import rows_example
from .._several_findings import count_heading, holds_several
from ..target_rows import written_quantity
from .details import PROJECT_LABELS, project_detail
from .finding_lines import findings_written, one_of_parts, put_together
from .number_lists import REFUSED, numbers_typed
from .reading import FILL_THE_CELL, SAME_UNIT, Blank, FormReading
from .rescaled import judged_on_declared
from .template import tier_example
from .unread import SIDE_KINDS, filled_but_not_applicable, indicator_named, side_facts, side_kind
from .workbook import Formula, Sheet, unmerge
from .._patterns import compile_later

__all__ = ["defaults_taken", "read_side"]

#: How a 表外事实 cell writes a fact of each kind that is no single value.
#: What a yes-or-no fact's cell may hold as text: a clerk writes 是 or 否 (QA33 F2), a facts file true or false.
_NONE_HINT = "fill in the cell; 无 when there is no finding"
#: what a findings cell typed but naming none is told to hold (never 填写该单元格 of a cell filled: QA284 F8)
_NAME_THEM = "write in the cell each finding on a line of its own (Alt+Enter); 无 when there is none"
_YES_NO = {"true": True, "false": False, "是": True, "否": False,
           **dict.fromkeys("√✔✓☑", True), **dict.fromkeys("×✗✘☒☐", False)}  # a tick or a cross, as checklists mark (QA261 F6)
#: A date typed as text year first, as clerks write it: 2023年12月10日, 2023.12.10, 2023/12/10, 2023-1-5 (QA261 F6),
#: 2023年12月15号, or pasted as text with its midnight, 2023-12-15 00:00:00 (QA266 F5)
_TYPED_DATE = compile_later(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?(?:\s+0?0:00(?::00)?)?")
_JSON_EXAMPLES = {"list": '["资料不全", "未按期报送"]', "numbers": "[88, 92.5, 85]",
                  "judgement": '{"score": 3, "reason": "测算依据基本充分"}',
                  "tier": '{"tier": "达成年度指标", "score": 9, "reason": "效果明显"}'}


def read_side(reading: FormReading, side: Sheet) -> dict[str, str]:
    """The side sheet's facts and project details into `reading`; the indicators it marks not applicable, with reasons."""
    not_applicable: dict[str, str] = {}
    undeclared: dict[str, str] = {}  # 事实 rows naming a fact the set does not declare (a typo): name → cell
    labels = _labels(reading.set)
    for r in side.rows:
        kind, name, value = side.text(r, 1), side.text(r, 2), side.get(r, 3)
        kind = "".join(unicodedata.normalize("NFKC", kind).split())  # 不 适用, 事 实: as meant (QA54 F5)
        # ｂｕｄｇｅｔ．ｐａｉｄ, budget。method: the IME in full width or Chinese mode (QA47 F2, QA49 F6)
        narrow = "".join(unicodedata.normalize("NFKC", name).split()).replace("。", ".")
        if name not in reading.set.facts and narrow in reading.set.facts:
            name = narrow
        if not kind and name in reading.set.facts and value is not None:  # its 类别 cell merged into the one above (QA49 F5)
            kind = "事实"
        if kind == "事实" and name not in reading.set.facts and name in labels:  # named as the 说明 column prints it
            name = labels[name]  # 实际支出资金 is budget.paid (QA38)
        if kind == "不适用" and (not name or not isinstance(value, str) or not value.strip()):
            _unnamed_or_unexplained(reading, side, r, name, value)
            continue
        if not name or value is None:
            if kind == "事实" and name in reading.set.facts:
                spec = reading.set.facts[name]  # a findings cell left blank: how to say none (QA260 F7); one a merge
                merged = side.merged_over(r, 3)  # covers: to unmerge, as a form's cell is told (QA277 F9)
                # the label in quotes: 一般未填写 read as "usually not filled in" (QA277 F9)
                reading.empty[name] = Blank(side.ref(r, 3), f"“{spec.label or name}”", hint=unmerge(merged) if merged else
                                            _NONE_HINT if spec.type == "list" and spec.items == "finding" else FILL_THE_CELL)
            continue
        if kind == "事实" and name not in reading.set.facts:
            undeclared.setdefault(name, side.ref(r, 3))
        elif kind not in SIDE_KINDS:
            side_kind(reading, side, r, kind, name)
        elif isinstance(value, Formula):
            reading.problems.append(Problem(f"{side.ref(r, 3)}: {value.holds()}; expected a value", file=str(reading.path),
                                            hint=value.fix()))
        elif kind == "事实" and name in reading.set.facts:
            spec = reading.set.facts[name]
            if not _in_own_unit(reading, side, r, spec):
                continue
            converted = _side_value(reading, side, r, value, f"{spec.items}s" if spec.type == "list" else spec.type, name)
            converted = _typed_number(converted, spec.unit) if spec.type in ("number", "integer") else converted
            if converted is not None and _once(reading, reading.values, name, converted, side.ref(r, 3)):
                reading.values[name] = converted
                reading.provenance[name] = side.ref(r, 3)
        elif kind == "不适用":
            name = indicator_named(reading.set, name)  # by its id, or as the form names it
            if _once(reading, not_applicable, name, str(value), side.ref(r, 3), f"not_applicable.{name}"):
                not_applicable[name] = str(value)
                reading.provenance.update({f"not_applicable.{name}": side.ref(r, 3),
                                           f"not_applicable.{name}.name": side.ref(r, 2)})
        elif kind == "项目":
            _project_row(reading, side, r, name, narrow, value)
    side_facts(reading, undeclared)
    filled_but_not_applicable(reading, not_applicable)
    judged_on_declared(reading, not_applicable)
    return not_applicable



def _project_row(reading: FormReading, side: Sheet, r: int, named: str, narrow: str, value: Any) -> None:
    """A row 项目 | NAME | VALUE: a detail of the project (its id, name, unit…), kept once."""
    name = PROJECT_LABELS.get(narrow, named)  # 项目编号 is the id re-checks match by (QA325 F1)
    detail = value if isinstance(value, str) else _side_value(reading, side, r, value, "number")
    detail = project_detail(reading, side.ref(r, 3), name, detail, named) if detail is not None else None
    shown = "项目编号" if name == "id" else named  # as the form says it (QA327)
    if detail is not None and _once(reading, reading.project, name, detail, side.ref(r, 3), f"project.{name}", shown):
        reading.project[name] = detail
        reading.provenance[f"project.{name}"] = side.ref(r, 3)

def defaults_taken(reading: FormReading, not_applicable: dict[str, str], side_tab: str, named: str | None = None) -> None:
    """A warning for each fact an indicator scores from, or a cap (一票否决) reads, that the form leaves blank or has no
    row for, so that the default the set declares is taken: said on its cell, or with the row to add, never taken in
    silence (QA46 F5: a row of 预算执行率计分方法 deleted scored by proportion where the unit had chosen bands; QA62 F2:
    a veto's row deleted lifted a project from 差 to 中). When its side sheet names another set (`named`), the default is
    said all the same (QA140 F2: a county's veto decided 否 in silence), with the fix to read the form with that set
    (QA131 F6: no row to add to a correct Hubei form), unless the set read is a profile of it (a county's of the
    province's): then the row to add, which that set does not have (QA141 F4)."""
    own = named in (None, reading.set.id, *reading.set.base_ids)
    readers = dict(reading.set.readers())
    capped = reading.set.facts_read_by(n for cap in reading.set.caps for n in cap.formula.names)
    for name in capped:
        readers.setdefault(name, [])
    for name, by in readers.items():
        spec = reading.set.facts[name]
        # a fact a cap reads counts for the total whichever indicators are not applicable
        excused = name not in capped and all(r in not_applicable for r in by)
        if spec.default is None or name in reading.values or excused:
            continue
        label = spec.label or name
        default = _shown(spec.default) + (f" {spec.unit}" if spec.unit else "")
        blank = reading.empty.get(name)
        if blank is not None:
            reading.warnings.append(Problem(f"{blank.cell}: {label} ({name}) is blank, so the set's default {default} is "
                                            "used", file=str(reading.path), hint="fill the cell if the project's is another"))
        else:
            reading.warnings.append(Problem(
                f"the form gives no {label} ({name}), so the set's default {default} is used", file=str(reading.path),
                hint=f"add the row 事实 | {name} | 值 on sheet {side_tab} if the project's is another" if own
                else "read the form with the set it was written for, which its side sheet names"))


def _labels(indicator_set: Any) -> dict[str, str]:
    """Fact label → fact name, for the labels only one fact of the set has."""
    named: dict[str, list[str]] = {}
    for name, spec in indicator_set.facts.items():
        if spec.label:
            named.setdefault(spec.label.strip(), []).append(name)
    return {label: names[0] for label, names in named.items() if len(names) == 1}


def _once(reading: FormReading, given: dict[str, Any], name: str, value: Any, cell: str, key: str | None = None,
          shown: str | None = None) -> bool:
    """Whether `value` (at `cell`) may be kept as `name`: it is not yet given, or given alike. A different value given
    before is refused with both cells (the score would change with whichever the reader kept), named `shown` (the
    form's label) where given."""
    if name not in given or _same(given[name], value):
        return name not in given
    first = reading.provenance.get(key or name, "")
    reading.problems.append(Problem(
        f"{cell}: {shown or name} is given twice, {_shown(given[name])} at {first} and {_shown(value)} here" if first
        else f"{cell}: {shown or name} is given twice, {_shown(given[name])} and {_shown(value)} here",
        file=str(reading.path), hint="keep the right one and delete the other"))
    return False


def _same(one: Any, other: Any) -> bool:
    """Whether two values given for one name are the same: 100 in a cell and '100' typed as text on the side sheet are."""
    if one == other:
        return True
    try:
        return Decimal(str(one).strip()) == Decimal(str(other).strip())
    except ArithmeticError:  # not numbers (InvalidOperation): they differ
        return False


def _findings_typed(reading: FormReading, cell: str, text: str) -> list[str] | None:
    """Findings typed in a cell one a line (Alt+Enter between them; QA44 F10), or one alone. One line of several parted
    by ；is refused: how many findings it holds cannot be told, and each may cost points."""
    lines, refused, total = findings_written([line for line in text.splitlines()
                                               if not all(prints_as_nothing(c) for c in line)])
    if refused is not None:  # 1.⏎2., 见附件, 经检查：, 共计扣2分: a cell naming no finding
        reading.problems.append(Problem(f"{cell}: {_in_quotes(text)} {refused}", file=str(reading.path), hint=_NAME_THEM))
        return None
    if total is not None:  # 未附发票⏎共计扣2分: the unit's own reckoning, set aside for the standard's (QA284 F1)
        reading.warnings.append(Problem(f"{cell}: the total {_in_quotes(total)} typed below the findings is set aside; each "
                                        "finding costs what the standard says (see the indicator's reason)",
                                        file=str(reading.path)))
    if any(line.startswith("{") for line in lines):  # a finding with its points, as JSON (QA46 F2)
        try:
            return [_cell_json(line) if line.startswith("{") else line for line in lines]
        except _TooDeep:
            _too_deep(cell, reading)
            return None
        except ValueError:
            reading.problems.append(Problem(f"{cell}: a finding with points is written as JSON, not {cut(text)!r}",
                                            file=str(reading.path), hint='write it as {"text": "…", "points": 2}'))
            return None
    # a list's lines end in ；as clerks write them (1.资金滞留；⏎2.未附发票；): the mark ends the finding, it parts none
    lines = [kept for line in lines if (kept := line.rstrip("；; ") if line.rstrip().endswith(("；", ";")) else line)]
    lines = put_together(lines)  # a wrapped finding is one, a note alone below one is its note (QA280 F2, F3)
    counts = [count_heading(line) for line in lines]  # 存在2处问题：⏎…: a heading telling how many lines follow (QA277 F1)
    if any(count is not None for count in counts):
        lines = [line for line, count in zip(lines, counts, strict=True) if count is None]
        if (said := sum(count for count in counts if count is not None)) != len(lines):
            reading.problems.append(Problem(f"{cell}: {_in_quotes(text)} says {said} findings and names {len(lines)}",
                                            file=str(reading.path), hint="write each finding on a line of its own in the "
                                                                         "cell (Alt+Enter), as many as it says"))
            return None
    # 1.未附发票 2.超标准列支 (QA277 F1); A；B on any line of the cell, not only alone (QA280 F5), unless all parts of it
    # but one say none (未发现截留挪用；超标准列支)
    lines = [one_of_parts(line) or line if any(mark in line for mark in "；;") else line for line in lines]
    several = next((line for line in lines if holds_several(line) or any(mark in line for mark in "；;")), None)
    if several is not None:
        shown = _in_quotes(several if len(several) <= 40 else several[:40] + "…")
        reading.problems.append(Problem(f"{cell}: {shown} may be several findings in one line", file=str(reading.path),
                                        hint="put each finding on a line of its own in the cell (Alt+Enter), or write "
                                             f"them as {_JSON_EXAMPLES['list']}"))
        return None
    return lines


def _in_quotes(text: str) -> str:
    """A cell's text as a message quotes it: its lines joined by ⏎, not Python's \\n, which a unit reads as jargon
    (QA280 F9), in quotes the Chinese reads as they are."""
    return "'" + cut(text.strip()).replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("'", "’") + "'"


def _shown(value: Any) -> str:
    """A value a cell gave, as the tool shows values in words: 是/否, not Python's True (QA39 F12); a judgement as
    档次，分：理由 and a list item by item, not Python's {'tier': …, 'score': Decimal('3')} or ['…'] (QA152 F5); a
    judgement lacking its reason, and a finding with its points, in the same words (QA155 F10: 为 score：3, 为
    （text：…；points：3）); text quoted, as it was typed."""
    if isinstance(value, str):
        return repr(value)
    return show_value(_in_words(value))


def _in_words(value: Any) -> Any:
    """A judgement (whole or in part) or a finding with points as written in a cell, as text in the tool's words; lists
    item by item; any other value as it is."""
    if isinstance(value, (list, tuple)):
        return [_in_words(item) for item in value]
    if not isinstance(value, Mapping) or not value:
        return value
    keys = set(value)
    if keys in ({"text"}, {"text", "points"}) and isinstance(value["text"], str):
        return value["text"] + (f"（{show_value(value['points'])}分）" if "points" in value else "")
    if not keys <= {"tier", "score", "reason"}:
        return value
    head = "，".join([*([show_value(value["tier"])] if "tier" in value else []),
                     *([f"{show_value(value['score'])}分"] if "score" in value else [])])
    reason = show_value(value["reason"]) if "reason" in value else ""
    return f"{head}：{reason}" if head and reason else head or reason


def _unnamed_or_unexplained(reading: FormReading, side: Sheet, r: int, name: str, value: Any) -> None:
    """A 不适用 row that names no indicator, or gives no reason in words: refused at the cell to fill, not passed over."""
    if not name:
        written = side.get(r, 2)  # a number typed where the indicator goes is no indicator's name, but it is something
        said = f"names {_shown(written)}, not an indicator" if written is not None and not isinstance(written, str) \
            else "names no indicator"
        reading.problems.append(Problem(f"{side.ref(r, 2)}: the 不适用 row {said}", file=str(reading.path),
                                        hint="write the id of the indicator that does not apply (satisfaction), or its "
                                             "label on the form (满意度指标)"))
    elif value is not None and not isinstance(value, str):  # 0, a date: no words of why
        reading.problems.append(Problem(f"{side.ref(r, 3)}: the reason of the 不适用 row of {name} is {_shown(value)}, "
                                        "not words", file=str(reading.path), hint="write why the indicator does not apply"))
    else:
        reading.problems.append(Problem(f"{side.ref(r, 3)}: the 不适用 row of {name} gives no reason",
                                        file=str(reading.path), hint="write why the indicator does not apply"))


def _in_own_unit(reading: FormReading, side: Sheet, r: int, spec: FactSpec) -> bool:
    """Whether a fact's row leaves its 单位 cell (D) in the fact's unit, as the blank form prints it, or blank; a unit of
    another size typed there in its place is refused on that cell: 9800000 beside 元 was read as 9,800,000 万元 (QA261
    F3). The same unit written otherwise (月 for 个月, 日 for 天, m for 米, （万元）, 人民币万元) is read (QA262 F3); any other
    unit is refused, 百万 or 亿 beside 万元 as 元 is (QA264 F4)."""
    written = "".join(unicodedata.normalize("NFKC", side.text(r, 4)).split())
    if not written or spec.unit is None or spec.type not in ("number", "integer", "list") or \
            written in SAME_UNIT.get(spec.unit, (spec.unit,)) or _same_unit(written, spec.unit):
        return True
    reading.problems.append(Problem(f"{side.ref(r, 4)}: the unit is {cut(written)!r}, where {spec.label or spec.name} "
                                    f"({spec.name}) is in {spec.unit}", file=str(reading.path),
                                    hint=f"write the value in {spec.unit}, and {spec.unit} back in this cell"))
    return False


#: Units of one kind, by size: a value typed in one is not one in another.
_SIZES = {"元": ("money", 1), "千元": ("money", 10**3), "万元": ("money", 10**4), "万": ("money", 10**4),
          "百万元": ("money", 10**6), "亿元": ("money", 10**8), "米": ("length", 1), "m": ("length", 1),
          "公里": ("length", 1000), "千米": ("length", 1000), "km": ("length", 1000), "克": ("mass", 1), "千克": ("mass", 1000),
          "公斤": ("mass", 1000), "kg": ("mass", 1000), "吨": ("mass", 10**6), "万吨": ("mass", 10**10),
          "小时": ("time", 1), "天": ("time", 24), "日": ("time", 24), "月": ("time", 720), "个月": ("time", 720),
          "年": ("time", 8760)}
_BARE = compile_later(r"^单位:|[()¥￥]|人民币")  # （万元）, 人民币万元, 单位：万元, ￥万元: the unit itself
#: What a count is of, each one of it: 份 of a survey counted as 人, 人次 or 张 beside it is the same count (QA266 F2).
_EACH = frozenset({"人", "人次", "个", "张", "份", "户", "次", "起", "座", "栋", "处", "项", "件", "家", "所", "名", "位", "套",
                   "台", "辆", "本", "册", "条", "笔", "篇", "场"})


def _same_unit(written: str, own: str) -> bool:
    """Whether a unit written beside a value is its fact's unit, written so or otherwise (个月 as 月, 天 as 日, 米 as m,
    万元 as （万元）, 萬元 or 人民币万元, 份 as 人 or 张): of the same kind and size."""
    written, own = (_BARE.sub("", unicodedata.normalize("NFKC", unit).replace("萬", "万")) for unit in (written, own))
    return written == own or (written in _SIZES and own in _SIZES and _SIZES[written] == _SIZES[own]) or \
        (written in _EACH and own in _EACH)


def _typed_number(value: Any, unit: str | None) -> Any:
    """A number a clerk typed as text on the side sheet ('900' in a column formatted 文本, '１，０００.００', '900万元' for a
    fact in 万元), read as the form sheet reads it (QA47 F5); anything else as it is, for the facts check to word."""
    quantity = written_quantity(value) if isinstance(value, str) else None
    allowed = (None, *(SAME_UNIT.get(unit, (unit,)) if unit else ()))
    return quantity.value if quantity is not None and not quantity.comparison and quantity.unit in allowed else value


def _side_value(reading: FormReading, side: Sheet, r: int, value: Any, kind: str, fact: str = "") -> Any:
    """A side-sheet value by the fact's declared type (`findings` for a list of findings): lists and objects are JSON
    text; a list given as 无 is empty; findings may be typed one a line, as a clerk writes them in a cell."""
    if isinstance(value, (datetime.time, datetime.timedelta)):  # 12:00 or 3:00:00 typed: no fact holds a time (QA46 F1)
        reading.problems.append(Problem(f"{side.ref(r, 3)}: holds a time of day or a duration ({value}), which no fact "
                                        "takes", file=str(reading.path), hint="write the value itself: a number, a date "
                                                                              "or text"))
        return None
    found = kind == "findings"  # 0 is none of findings, and a number in a list of numbers (QA49 F7)
    none = says_none(value, found) if isinstance(value, str) else found and value == 0 and not isinstance(value, bool)
    if kind in ("findings", "numbers") and none:  # no findings, as a clerk says it (QA38, QA47 F1)
        return []
    if found and isinstance(value, str) and list_number_only(value.strip()):  # 2. or 一、 alone: a list's number, not a
        return _findings_typed(reading, side.ref(r, 3), value)  # count of findings (QA269 F8)
    bare = "".join(unicodedata.normalize("NFKC", str(value)).split()).rstrip("。.!！,，;；、")
    counted = COUNT.fullmatch(bare) if found else None
    if counted is not None:  # 2处 says how many, not which: each finding's points may differ, and the reasons name them
        reading.problems.append(Problem(f"{side.ref(r, 3)}: {_in_quotes(str(value))} says how many findings, not what they are",
                                        file=str(reading.path), hint="write each finding on a line of its own in the cell "
                                                                     "(Alt+Enter), or 无 for none"))
        return None
    if kind == "findings" and isinstance(value, str) and not value.lstrip().startswith("["):
        return _findings_typed(reading, side.ref(r, 3), value)
    numbers = numbers_typed(reading, side.ref(r, 3), value, fact) if kind == "numbers" else None  # 88 alone, or one a
    if numbers is not None:  # line (Alt+Enter) (QA62 F4)
        return None if numbers is REFUSED else numbers
    # target rows (a row group the form's layout does not map) as the form's writer puts them there: JSON (QA162 F3)
    if kind in ("judgement", "tier") and isinstance(value, str) and (said := _judged_in_words(value, kind)) is not None:
        return said
    if kind in ("findings", "numbers", "targets", "judgement", "tier") and isinstance(value, str):
        try:
            return _judged_keys(_cell_json(value)) if kind in ("judgement", "tier") else _cell_json(value)
        except _TooDeep:
            _too_deep(side.ref(r, 3), reading)
            return None
        except ValueError:  # the JSON parser's own words are English and say little: the cell and how to write it
            _not_json(reading, side.ref(r, 3), value, kind, fact)
            return None
    if kind == "boolean" and isinstance(value, str) and value.strip().lower() in _YES_NO:
        return _YES_NO[value.strip().lower()]
    # a date cell holds the day at midnight: read as the text import writes, 2023-12-15, as a facts file in JSON gives it,
    # so that the form and the facts imported from it hash alike (QA331 F7: the form's hashed as {"$date": …})
    if kind == "date" and isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if kind == "date" and isinstance(value, str) and (day := _typed_date(value)) is not None:
        return day.isoformat()
    # 'ratio\r\n' pasted from Word is the choice ratio (QA56 F6); '2024-03-20 ' (or after a full-width space) the date
    if kind in ("string", "date") and isinstance(value, str):  # (QA165 F11), as '是 ' and ' 1000 ' are their values
        return value.strip()
    return value


def _not_json(reading: FormReading, cell: str, value: str, kind: str, fact: str = "") -> None:
    """The problem of a cell that holds neither the fact's words nor JSON: the cell and how to write it."""
    shown = value if len(value) <= 40 else value[:40] + "…"
    listed = kind in ("findings", "numbers", "targets")
    if kind in _WORDS_EXAMPLES:  # its parts in words, or JSON (QA263 F3)
        reading.problems.append(Problem(f"{cell}: a {kind} fact is written as its parts or as JSON here, not {shown!r}",
                                        file=str(reading.path),
                                        hint=f"write it as {_in_its_words(reading, kind, fact)}"))
        return
    reading.problems.append(Problem(f"{cell}: a {'list' if listed else kind} fact is written as JSON here, not {shown!r}",
                                    file=str(reading.path), hint=f"write it as {_json_example(reading, kind, fact)}"
                                    + (", or [] for none" if listed else "")))  # 无 typed (QA38)


def _json_example(reading: FormReading, kind: str, fact: str) -> str:
    """The JSON a cell of `kind` is typed as; target rows typed as their group scores them (QA337 5)."""
    return rows_example(reading.set, fact) if kind == "targets" else _JSON_EXAMPLES.get(kind, _JSON_EXAMPLES["list"])


def _typed_date(value: str) -> datetime.date | None:
    """A date typed year first (2024年9月15日, 2024.9.15, 2024/3/20 0:00), read with its spaces: without them 2024/3/20 0:00
    (a midnight as Excel shows it) was 2024/3/200:00, the 2nd (QA267 F2); None for anything else, or no such day."""
    # each run of spaces as one: the pattern's \s* and \s+ around the day shared a run every way (32,000 spaces before a
    # note took 8.6 s: QA299 F4); one space or many read alike
    typed = _TYPED_DATE.fullmatch(re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value).strip()))
    try:
        return datetime.date(*map(int, typed.group(1, 2, 3))) if typed else None
    except ValueError:  # 2023年13月1日: no date, refused as typed
        return None


#: A judgement typed as a clerk writes it, its parts parted by ，；： or a line break: 达成年度指标，6分，效果明显 (a tier,
#: its score, why) or 3.5分，测算依据基本充分 (a score, why), where only JSON with English keys was read (QA263 F3).
#: Each part may be labelled (档次：, 得分：, 理由：) and parted by 、 or spaces too; the tier and reason are kept as typed,
#: full-width brackets and all (QA264 F5: 一档（好） was read as 一档(好), no tier of the set; F6).
_SEP = r"\s*[,，;；:：、\n]\s*"
_SCORE = r"(?:(?:得分|分数)\s*[:：]?\s*)?(?P<score>[-+＋－]?[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?"
_REASON = f"(?:{_SEP}(?:(?:理由|原因)\\s*[:：]?\\s*)?(?P<reason>.+?))?\\s*"
_IN_WORDS = {"tier": compile_later(r"\s*(?:档次\s*[:：]?\s*)?(?P<tier>[^,，;；:：、\n]+?)" + _SEP + _SCORE + _REASON, re.S),
             "judgement": compile_later(r"\s*" + _SCORE + _REASON, re.S)}
_MOST_IN_WORDS = 2000
#: The keys of a judgement in JSON, as a clerk may write them in Chinese: {"档次": …, "得分": …, "理由": …}.
_WORDS_EXAMPLES = {"tier": "达成年度指标，9分，效果明显 (档次，得分，理由)", "judgement": "3分，测算依据基本充分 (得分，理由)"}


def _in_its_words(reading: FormReading, kind: str, fact: str) -> str:
    """How a judgement or tier cell is typed, in words or as JSON; a tier's example in the tiers and points of the
    indicator reading it (QA271 F6)."""
    said = f"{_WORDS_EXAMPLES[kind]}, or as {_JSON_EXAMPLES[kind]}"
    if kind != "tier" or not fact:
        return said
    tier, points = tier_example(reading.set, fact)
    return said.replace("达成年度指标，9分", f"{tier}，{points}分").replace('"达成年度指标", "score": 9',
                                                                           f'"{tier}", "score": {points}')
_KEYS = {"档次": "tier", "得分": "score", "分数": "score", "理由": "reason", "原因": "reason"}


def _judged_in_words(text: str, kind: str) -> dict[str, Any] | None:
    """A judgement typed in words, as its JSON reads (the score exact); None for text that is not written so."""
    if len(text) > _MOST_IN_WORDS:  # no judgement: a tier, a score and a sentence or two
        return None
    # runs of spaces as one: the patterns' spaces on either side of a part each take any run, and a cell of 2,000 spaces
    # took 19 s (QA267 F1)
    found = _IN_WORDS[kind].fullmatch(re.sub(r"[^\S\n]+", " ", text).strip())
    if found is None:
        return None
    parts = {key: found[key].strip() for key in ("tier", "reason") if key in _IN_WORDS[kind].groupindex and found[key]}
    return {**parts, "score": Decimal(unicodedata.normalize("NFKC", found["score"]))}


def _judged_keys(value: Any) -> Any:
    """A judgement's JSON with its keys in Chinese (档次, 得分, 理由) as the English ones the facts take."""
    return {_KEYS.get(k, k): v for k, v in value.items()} if isinstance(value, dict) else value


def _cell_json(text: str) -> Any:
    """A value typed in a cell as JSON, its numbers exact; ValueError for text that is no JSON, for NaN and Infinity
    (no JSON, and no number: QA65 F4, which `import` could not write), and for nesting too deep to read (QA65 F3).
    JSON nested past DECODED_DEPTH is _TooDeep before it is decoded: each Python's decoder stops at a depth of its own
    (1,500 levels were 'no JSON' on 3.11 and 3.12, and decoded on 3.13, then said nested too deep)."""
    if too_deep(text, None) is not None:
        raise _TooDeep
    try:
        return json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deep") from None


class _TooDeep(ValueError):
    """JSON in a cell nested past DECODED_DEPTH, refused as such on its cell, the same on every Python."""


def _too_deep(cell: str, reading: FormReading) -> None:
    """The problem of JSON nested past DECODED_DEPTH in `cell`, worded as of a facts file so nested."""
    reading.problems.append(Problem(f"{cell}: JSON nested deeper than {MAX_FACTS_DEPTH} levels (MAX_FACTS_DEPTH)",
                                    file=str(reading.path), hint="facts nest a few levels at most"))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is no number")
