"""A row of the indicator block left unused, its cells filled with the dash or slash forms print there (— or /, 无 in its
三级 cell), is read as an empty row is, on the national form and the Sichuan form alike (QA204 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

# (set, form sheet, the last column of its indicator block): row 16 is the 二级 row 数量指标 with no 三级 row on both forms
FORMS = {"self-evaluation": ("项目支出绩效自评表", "I"), "sichuan-self-evaluation": ("部门预算项目支出绩效自评表", "K")}


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args))
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _form(tmp_path: Path, set_id: str, **cells: object) -> Path:
    """The form `score` writes of the set's bundled facts, with `cells` of its form sheet typed."""
    import openpyxl

    form = tmp_path / f"{set_id}.xlsx"
    assert 0 == _run("score", str(ROOT / "indicator_sets" / f"{set_id}.facts.json"), "-o", str(form))[0]
    book = openpyxl.load_workbook(form)
    for cell, value in cells.items():
        book.worksheets[0][cell] = value
    book.save(form)
    return form


def _row_of(last: str, name: str, value: str) -> dict[str, str]:
    """Row 16 from its 三级 cell D16 to `last`: `name` in D16, `value` in every other cell."""
    return {"D16": name} | {f"{chr(c)}16": value for c in range(ord("E"), ord(last) + 1)}


@pytest.mark.parametrize("set_id", list(FORMS))
@pytest.mark.parametrize(("name", "value"), [("—", "—"), ("/", "/"), ("——", "—"), ("－", "-"), ("／", "／"), ("无", "—"),
                                             ("—", None)])
def test_a_row_of_dashes_is_an_unused_row_and_the_form_scores(tmp_path: Path, set_id: str, name: str,
                                                              value: str | None) -> None:
    """D16..I16 all — (or /) was refused as an indicator named "—": 应填该行的分值，实际是 '—'. The row is unused, read
    as nothing: the form scores as it does with the row empty, with no line about it."""
    _, last = FORMS[set_id]
    code, out = _run("--lang", "zh", "score", str(_form(tmp_path, set_id, **_row_of(last, name, value))))
    assert 0 == code and "100.00" in out and "错误" not in out and "警告" not in out, out


@pytest.mark.parametrize("set_id", list(FORMS))
def test_a_dash_for_the_name_of_a_row_with_a_weight_is_said_to_be_no_name(tmp_path: Path, set_id: str) -> None:
    """A row whose 三级 cell holds — beside a 分值 (and a value) was told to fill in its 分值, which it has; it is told the
    三级指标 holds no name, on its 三级 cell, with the fix to name the indicator or clear the row."""
    sheet, _ = FORMS[set_id]
    weight = "G16" if set_id == "self-evaluation" else "I16"
    code, out = _run("--lang", "zh", "score", str(_form(tmp_path, set_id, D16="—", F16=3, **{weight: 5})))
    assert 1 == code and f"{sheet}!D16：三级指标填的是 '—'，没有指标名称，但这一行填了" in out, out
    assert "（填写指标名称，或清空这一行）" in out and "应填该行的分值" not in out, out
    code, out = _run("--lang", "en", "score", str(_form(tmp_path, set_id, D16="/", **{weight: 5})))
    assert 1 == code and f"{sheet}!D16: the 三级指标 is '/', no name, but the row has " in out, out


@pytest.mark.parametrize("set_id", list(FORMS))
def test_a_named_row_with_a_dash_weight_is_still_told_its_weight_is_a_dash(tmp_path: Path, set_id: str) -> None:
    """A row with a real name and — in its 分值 keeps the line of QA200 5: the weight expected, the dash quoted."""
    sheet, last = FORMS[set_id]
    weight = "G16" if set_id == "self-evaluation" else "I16"
    code, out = _run("--lang", "zh", "score", str(_form(tmp_path, set_id, **_row_of(last, "新建水池", "—"))))
    assert 1 == code and f"{sheet}!{weight}：应填该行的分值，实际是 '—'（填写该行的分值）" in out, out
