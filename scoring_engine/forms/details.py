"""A project detail read from its cell: 项目名称, 主管部门, 实施单位 on the form, a 项目 row of the side sheet (id, year…).

A facts file's project details are checked as its facts are (`facts.document_problems`); on a form, what that check
refuses is said on the cell it came from, when the form is read, so that `score`, `batch` and `import` alike refuse it
there (QA192 F2: an id of 18 digits was said as `$.project.id`, with the fix of a facts file, and `import` wrote it).
What a spreadsheet made of what a clerk typed is refused with the fix on the spreadsheet: a number of more than 15
digits (an 18-digit 项目编号 typed in a 常规 cell) has lost its last digits, and a text field holding a date (1-2
typed, Excel's 1月2日) has lost what was typed; the cell is to be set to 文本 and typed again.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from ..errors import Problem
from ..facts import document_problems
from .layout import FIELDS
from .reading import FormReading
from .._patterns import compile_later

__all__ = ["PROJECT_LABELS", "TEXT_DETAILS", "project_detail"]

#: A project detail a side sheet's 项目 row may name in Chinese, as a clerk writes it: the key it gives. 项目编号 is the id
#: a re-check (--compare-with) and 项目编号重复 match by; read as a detail 项目编号 of its own, it matched nothing (QA325 F1).
PROJECT_LABELS = {"项目编号": "id"}

#: The project details that are text, whatever a clerk writes in them: the 项目编号 and the form's own fields.
TEXT_DETAILS = frozenset({"id", *FIELDS})
#: A detail named as an id: 项目编号, 身份证号, 银行账号, 税号, project_id, code (号: QA196 R2).
_ID_LIKE = compile_later(r"编号|代码|编码|号|(?<![a-z])(id|code|no)(?![a-z])", re.IGNORECASE)
#: The significant digits a number Excel kept to 15 has, once its closing zeros are dropped: 110101199001010000 (typed
#: 110101199001010012) is 1.1010119900101E+17, 14; one whose 14th and 15th were 0 has 13 (QA196 R2).
_KEPT_DIGITS = 13
_RETYPE = "set the cell's format to 文本 (text) and type it again, or type ' before it"
_DIGITS_LOST = ("a spreadsheet keeps 15 digits of a number: an id it shows as 1.23E+17 has already lost its last digits; "
                + _RETYPE)


def project_detail(reading: FormReading, cell: str, key: str, value: Any, named: str = "") -> Any:
    """`value`, read at `cell` for the project detail `key` (`named`: as the form labels it, 项目名称), as the project
    keeps it (a date cell of a detail of the project's own, 开工日期, as its day); None, with a problem on the cell, when
    it is refused: a date in a text detail or the year, a true/false cell, and what the facts check refuses of any
    detail (a number out of range, a control character)."""
    named = named or key
    if isinstance(value, datetime.date) and (key in TEXT_DETAILS or key == "year"):
        day = f"{value:%Y-%m-%d}"
        if key == "year":
            reading.problems.append(Problem(f"{cell}: the project's year is a date ({day}), not a year", file=str(reading.path),
                                            hint="type the year as a number, such as 2024, in a cell formatted 常规 "
                                                 "(General) or 文本 (text)"))
        else:
            reading.problems.append(Problem(
                f"{cell}: project detail {named} is a date ({day}), which a spreadsheet makes of text such as 1-2: what was "
                "typed is not kept", file=str(reading.path), hint=_RETYPE))
        return None
    if isinstance(value, bool):  # TRUE typed: no detail is a yes or no
        reading.problems.append(Problem(f"{cell}: project detail {named} is a true/false cell", file=str(reading.path),
                                        hint=_RETYPE))
        return None
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()  # a date cell holds the day at midnight: a facts file gives 2024-01-02
    for _, message, hint in document_problems({"project": {key: value}}):  # the facts check's own words
        number = isinstance(value, Decimal)  # a form's number: no quotes to write it in, as a facts file has
        reading.problems.append(Problem(f"{cell}: project detail {named}: {message}", file=str(reading.path),
                                        hint=(_DIGITS_LOST if _digits_lost(key, named, value) else "check the digits")
                                        if number else hint))
        return None
    return value


def _digits_lost(key: str, named: str, number: Decimal) -> bool:
    """Whether a number out of range is one a spreadsheet cut to 15 digits: in an id-like detail (项目编号, an id, a code),
    or of 15 significant digits at 1e15 and above, as Excel keeps 123456789012345678 (1.23456789012346E+17), its last
    ones 0 or not (_KEPT_DIGITS). A ratio of 1e-16 or an amount of 1E+20 lost nothing (QA194 F3)."""
    digits = len(number.normalize().as_tuple().digits)
    return key in TEXT_DETAILS or _ID_LIKE.search(f"{key} {named}") is not None or (
        digits >= _KEPT_DIGITS and number.adjusted() >= 15)
