"""A sheet of a filled 自评表 given twice (QA165 F3, F9): a copy of 表外事实 beside it, a copy of the form beside a hidden
original. Which one the unit filled cannot be told, so the workbook is refused naming both, and a hidden one is said
hidden, with how to see it, or, when Excel's Unhide does not list it, how to leave it behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ROOT, scored_form, written_form

SHEET = "项目支出绩效自评表"
SIDE = "表外事实"


def _form(tmp_path: Path) -> Path:
    return written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "form.xlsx")


@pytest.mark.parametrize("copy", ["表外事实 (2)", "表外事实2", "表外事实-副本"])
def test_a_copy_of_the_side_sheet_beside_it_is_refused_naming_both(tmp_path: Path, copy: str) -> None:
    """QA165 F3: with 表外事实 there, a copy of it (表外事实 (2), where the clerk changed 预算执行率计分方法) was not read at
    all, and the form scored 100.00 on the original's values. It is refused as two copies of the form sheet are."""
    form = _form(tmp_path)
    book = load_workbook(form)
    book.copy_worksheet(book[SIDE]).title = copy
    book[copy]["C3"] = "bands"
    book.save(form)
    code, output = scored_form(form)
    assert 1 == code and (f"the workbook holds 2 copies of the sheet {SIDE} ({SIDE}, {copy}); a form has one (delete the "
                          f"copies that are not the unit's, and name the one kept {SIDE})") in output, output


@pytest.mark.parametrize(("state", "fix"), [
    ("hidden", f"the sheet {SHEET} is hidden: right-click a sheet tab and choose Unhide to see it, then delete the sheet "
               "that is not the project's"),
    ("veryHidden", f"the sheet {SHEET} is very hidden, which Unhide does not list: select the tabs of the sheets to keep, "
                   "right-click, Move or Copy, to (new book), and score the new workbook"),
])
def test_a_hidden_form_sheet_beside_its_copy_is_said_hidden_with_how_to_leave_it(tmp_path: Path, state: str, fix: str):
    """QA165 F9: a hidden original beside the visible copy the clerk filled was refused as two form sheets, where the
    clerk sees one, without a word of which is hidden; a very hidden one cannot even be unhidden from Excel's tabs."""
    form = _form(tmp_path)
    book = load_workbook(form)
    book.copy_worksheet(book[SHEET]).title = f"{SHEET} (2)"
    book[SHEET].sheet_state = state
    book.active = 1
    book.save(form)
    code, output = scored_form(form)
    assert 1 == code and (f"the workbook holds 2 form sheets ({SHEET}, {SHEET} (2)); one workbook is one project's form "
                          f"(delete the extra sheets, or give each project its own workbook; {fix})") in output, output


def test_a_hidden_side_sheet_beside_its_copy_is_said_hidden(tmp_path: Path) -> None:
    """The same of 表外事实 hidden beside a visible copy of it."""
    form = _form(tmp_path)
    book = load_workbook(form)
    book.copy_worksheet(book[SIDE]).title = f"{SIDE} (2)"
    book[SIDE].sheet_state = "hidden"
    book.save(form)
    code, output = scored_form(form)
    assert 1 == code and f"name the one kept {SIDE}; the sheet {SIDE} is hidden: right-click" in output, output
