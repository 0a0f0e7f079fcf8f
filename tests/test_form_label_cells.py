"""The cells of a filled 自评表 that hold its labels and its rows' places (QA165): a 一级 or 二级 cell, a block's heading,
a funds row's label, the header, a row above the first 一级, a column the form adds. What the reader cannot read there
is said on its own cell, never read as empty in silence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import ROOT, scored_form, written_form
from scoring_engine.cli import main

SHEET = "项目支出绩效自评表"
FACTS = ROOT / "indicator_sets" / "self-evaluation.facts.json"


def _form(tmp_path: Path, **cells: object) -> Path:
    """The bundled self-evaluation project as its form (B13 产出指标 over D13 新建供水管网长度, D14 每公里管网造价 and D15
    工程竣工验收合格, their 二级 cells C13:C15 unmerged; I12 偏差原因分析及改进措施; B7 其中：当年财政拨款), with `cells`
    typed over it."""
    form = written_form(FACTS, tmp_path / "form.xlsx")
    book = load_workbook(form)
    sheet = book[SHEET]
    sheet.unmerge_cells("C13:C15")
    for cell, value in cells.items():
        sheet[cell] = value
    book.save(form)
    return form


def _said_in_chinese(form: Path) -> list[str]:
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    return [line for line in run.output.splitlines() if line.startswith("错误")]


@pytest.mark.parametrize(("typed", "said"), [
    ('="成本指标"', 'holds a formula (="成本指标"); expected the 二级指标 itself (type the text itself: 成本指标)'),
    ("=绩效目标表!B9", "holds a formula (=绩效目标表!B9); expected the 二级指标 itself (type the text itself)"),
    ("#N/A", "holds the error value #N/A; expected the 二级指标 itself (type the text itself)"),
    (5, "expected the 二级指标 as text, got the number 5 (type the text itself)"),
])
def test_a_category_cell_holding_no_text_is_refused_on_its_cell(tmp_path: Path, typed: object, said: str) -> None:
    """QA165 F1: a 二级 cell holding ="成本指标" (or a link to another sheet, #N/A, a number) was read as empty, so its row
    took the category of the row above (数量指标) and a cost's unsigned target was scored as ≥, exit 0. It is refused on
    its cell, as a value cell holding a formula is."""
    code, output = scored_form(_form(tmp_path, C13="数量指标", C14=typed, E14="100万元/公里"))
    assert 1 == code and f"{SHEET}!C14: {said}" in output, output


def test_a_category_written_as_a_formula_of_its_text_is_said_with_what_the_row_then_lacks(tmp_path: Path) -> None:
    """The text a formula of quoted text alone shows is read on with: the cost row's unsigned target is said in the same
    round as the formula, not after it is fixed; in Chinese as the value cells' formulas are."""
    said = _said_in_chinese(_form(tmp_path, C13="数量指标", C14='="成本指标"', E14="100万元/公里"))
    assert 2 == len(said), said
    assert said[0].endswith(f"{SHEET}!C14：单元格是公式（=\"成本指标\"），应直接填写二级指标（直接填写文字：成本指标）"), said
    assert f"{SHEET}!E14：行 每公里管网造价：年度指标值 100万元/公里 没有写 ≥ 或 ≤" in said[1], said


@pytest.mark.parametrize(("cell", "typed", "said"), [
    ("A3", '="项目名称"', 'holds a formula (="项目名称"); expected text (type the text itself: 项目名称)'),
    ("I12", '="偏差原因分析及改进措施"',
     'holds a formula (="偏差原因分析及改进措施"); expected the column heading itself (type the text itself: 偏差原因分析及改进措施)'),
    ("B7", '="其中：当年财政拨款"',
     'holds a formula (="其中：当年财政拨款"); expected the row\'s label itself (type the text itself: 其中：当年财政拨款)'),
    ("B13", '="产出指标"', 'holds a formula (="产出指标"); expected the 一级指标 itself (type the text itself: 产出指标)'),
])
def test_a_label_written_as_a_formula_is_refused_on_its_cell(tmp_path: Path, cell: str, typed: str, said: str) -> None:
    """QA165 F1: a label not found because it is a formula lost what it labels in silence: 项目名称 (the project's name),
    the 偏差原因 heading (every reason), 当年财政拨款 (its amounts); a 一级 label was said on the wrong cell as a block
    taken off the form, with a fix that did not help. Each is refused on its own cell, and said alone."""
    form = _form(tmp_path, **{cell: typed}, E7=100, F7=100, I13="管网按期铺设")
    code, output = scored_form(form)
    errors = [line for line in output.splitlines() if line.startswith("error")]
    assert 1 == code and [f"error: {form}: {SHEET}!{cell}: {said}"] == errors, output


def _inserted(form: Path, at: int, values: dict[str, object] | dict[int, object], column: bool = False) -> None:
    """A row (or, with `column`, a column: `at` a number) inserted on the form sheet as Excel inserts one: the merged
    ranges past it move, those across a column widen. It holds `values` by column letter (a row's) or by row (a
    column's)."""
    from openpyxl.worksheet.cell_range import CellRange

    book = load_workbook(form)
    sheet = book.worksheets[0]
    merged = [CellRange(str(m)) for m in sheet.merged_cells.ranges]
    for m in merged:
        sheet.unmerge_cells(str(m))
    (sheet.insert_cols if column else sheet.insert_rows)(at)
    for m in merged:
        first, last = (m.min_col, m.max_col) if column else (m.min_row, m.max_row)
        if first >= at:
            m.shift(col_shift=int(column), row_shift=int(not column))
        elif column and last >= at:
            m.expand(right=1)
        sheet.merge_cells(m.coord)
    for key, value in values.items():
        cell = sheet.cell(int(key), at) if column else sheet[f"{key}{at}"]
        cell.value = value
    book.save(form)


@pytest.mark.parametrize(("set_id", "level1", "row"), [
    ("self-evaluation", "B", {"D": "新建蓄水池", "E": "≥2座", "F": 0, "G": 5, "H": 0}),
    ("sichuan-self-evaluation", "B", {"D": "新建蓄水池", "E": "≥", "F": 2, "G": "座", "H": 0, "I": 5, "J": 0}),
])
def test_a_row_above_the_first_level1_is_refused_on_its_level1_cell(tmp_path: Path, set_id: str, level1: str,
                                                                    row: dict[str, object]) -> None:
    """QA165 F2: a 三级 row inserted above the block's first 一级 (a missed 蓄水池 scored 0 of 5) belongs to no row group,
    and was dropped in silence: the form scored as if the row were not there. It is refused on its 一级 cell, with the fix."""
    form = written_form(ROOT / "indicator_sets" / f"{set_id}.facts.json", tmp_path / "form.xlsx")
    heading = next(r for r in range(1, 40) if load_workbook(form).worksheets[0][f"{level1}{r}"].value == "一级指标")
    _inserted(form, heading + 1, row)
    code, output = scored_form(form)
    sheet = load_workbook(form).worksheets[0].title
    assert 1 == code and (f"{sheet}!{level1}{heading + 1}: row 新建蓄水池: the row has no 一级指标 (it is above the first "
                          "一级 of the block) (write its 一级指标 (产出指标、效益指标、满意度指标) in the cell, or move the row "
                          "under its 一级)") in output, output


def test_a_comparison_column_added_to_the_national_form_is_read(tmp_path: Path) -> None:
    """QA165 F5: a 指标性质 column added to the national form (which prints none) was not read: ≤ in it was dropped, and
    the row was scored as ≥ (群众投诉率 ≤5% at 8% took full marks). It is read as on the Sichuan form, which prints it:
    新增受益人口 ≤ 5000人 at 5200 loses points."""
    form = written_form(FACTS, tmp_path / "form.xlsx")
    _inserted(form, 5, column=True, values={12: "指标性质", 13: "≥", 20: "≤"})
    book = load_workbook(form)
    book.worksheets[0]["F13"], book.worksheets[0]["F20"] = "10公里", "5000人"  # the signs are the new column's
    book.save(form)
    code, output = scored_form(form)
    line = next(line for line in output.splitlines() if "新增受益人口" in line)
    assert 0 == code and "15  14.42  实际值5200超过目标值5000" in line, output


def test_an_added_comparison_column_left_blank_is_said_by_its_printed_name(tmp_path: Path) -> None:
    """A row whose added 指标性质 is blank, its target unsigned, is refused at that cell, named as the form prints it."""
    form = written_form(FACTS, tmp_path / "form.xlsx")
    _inserted(form, 5, column=True, values={12: "指标性质", 20: "≥"})
    book = load_workbook(form)
    book.worksheets[0]["F13"], book.worksheets[0]["F20"] = "10公里", "5000人"
    book.save(form)
    code, output = scored_form(form)
    assert 1 == code and f"{SHEET}!E13: row 新建供水管网长度: 指标性质 is empty, and the target 10公里 has no sign" in output, \
        output


@pytest.mark.parametrize(("set_id", "cells", "said"), [
    ("self-evaluation", {"I13": 0},
     f"{SHEET}!I13: row 新建供水管网长度: 偏差原因分析及改进措施 holds the number 0; expected the reason in words"),
    ("sichuan-self-evaluation", {"G6": 80, "K6": 0},
     "部门预算项目支出绩效自评表!K6: row 总额: 执行率未达到90%的原因 holds the number 0; expected the reason in words"),
    ("sichuan-self-evaluation", {"G6": 80, "K6": "0"},  # a 文本 cell's 0 (QA237 5)
     "部门预算项目支出绩效自评表!K6: row 总额: 执行率未达到90%的原因 holds the number 0; expected the reason in words"),
])
def test_a_number_in_a_reason_cell_is_refused_on_its_cell(tmp_path: Path, set_id: str, cells: dict[str, object],
                                                          said: str) -> None:
    """QA165 F6: 0 typed in a row's 偏差原因分析及改进措施 was said of the whole row, in the facts file's words ('reason 应为
    非空文字（单元格 …!B13–I13）'), with no fix; in the funds block's reason it was read as the reason '0'. A reason of 0
    is a slip: it is refused on its cell, named as printed, with the fix."""
    form = written_form(ROOT / "indicator_sets" / f"{set_id}.facts.json", tmp_path / "form.xlsx", cells)
    code, output = scored_form(form)
    assert 1 == code and f"{said} (write the reason in words, or leave the cell empty)" in output, output


@pytest.mark.parametrize("reason", ["—", "无", "无。", " / "])
def test_a_dash_or_none_in_the_funds_reason_is_no_reason_given(tmp_path: Path, reason: str) -> None:
    """QA237 5: a Sichuan form's 执行率未达到90%的原因 holding — or 无 is no reason for 需说明 (batch's 单位已说明), but the
    set's own check read it as one and said nothing, where an empty cell gets its warning (原因栏未填写，需补填原因; QA339 F6). Read as empty: the fact's
    default 未说明, and the check's warning, as for the empty cell."""
    facts = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    warned = []
    for typed in (reason, None):
        form = written_form(facts, tmp_path / f"form{len(warned)}.xlsx", {"G6": 80, "K6": typed})
        code, output = scored_form(form)
        assert 0 == code, output
        warned.append([line.split(".xlsx", 1)[-1] for line in output.splitlines() if "需补填原因" in line])  # (QA319 F1:
        # a check's warning of a form names its cells only, no longer its file)
    assert warned[0] == warned[1] and len(warned[0]) == 1, warned


def _typed_over(tmp_path: Path, unmerge: tuple[str, ...] = (), **cells: object) -> Path:
    """The bundled self-evaluation project's form, `unmerge`d, with `cells` typed over it."""
    form = written_form(FACTS, tmp_path / "form.xlsx")
    book = load_workbook(form)
    for merged in unmerge:
        book[SHEET].unmerge_cells(merged)
    for cell, value in cells.items():
        book[SHEET][cell] = value
    book.save(form)
    return form


@pytest.mark.parametrize(("unmerge", "cells"), [
    (("A2:I2",), {"A2": "（2024年度）", "H2": "填报日期：", "I2": "=TODAY()"}),
    ((), {"K1": "=COUNTA(D13:D27)"}),
])
def test_a_formula_above_the_funds_block_that_the_header_does_not_read_is_left_alone(
        tmp_path: Path, unmerge: tuple[str, ...], cells: dict[str, object]) -> None:
    """QA168 F1: a formula the reader never reads, =TODAY() beside 填报日期： or a helper =COUNTA(D13:D27) in K1, refused
    the whole form ('单元格是公式（=TODAY()），应填写文字'), which scored 100.00 before QA165 F1. It is left alone."""
    code, output = scored_form(_typed_over(tmp_path, unmerge, **cells))
    assert 0 == code and "100.00" in output, output


@pytest.mark.parametrize(("unmerge", "cells", "cell"), [
    (("A2:I2",), {"A2": '="（"&2024&"年度）"'}, "A2"),
    (("G4:I4",), {"F4": "=封面!A1", "G4": "某县水利局"}, "F4"),
    ((), {"A3": "=封面!A2"}, "A3"),
])
def test_a_formula_where_the_header_lost_a_label_or_its_year_is_still_refused(
        tmp_path: Path, unmerge: tuple[str, ...], cells: dict[str, object], cell: str) -> None:
    """QA168 F1's bound: the 年度 line, or the cell of a label not found (实施单位 or 项目名称 linked from another sheet),
    written as a formula is still refused on its cell, as QA165 F1 asked: the year or the value it labels is lost."""
    code, output = scored_form(_typed_over(tmp_path, unmerge, **cells))
    errors = [line for line in output.splitlines() if line.startswith("error")]
    assert 1 == code and 1 == len(errors) and f"{SHEET}!{cell}: holds a formula" in errors[0], output


@pytest.mark.parametrize("typed", [2024, "=SUM(G13:G27)"])
def test_a_value_right_of_the_indicator_table_on_its_heading_row_is_left_alone(tmp_path: Path, typed: object) -> None:
    """QA168 F2: a year (2024) or a sum (=SUM(G13:G27)) typed in J12, right of the indicator block's last column, refused
    the whole form as a column heading not written as text; it scored 100.00 before QA165 F1. Only cells within the
    block's columns are its headings."""
    code, output = scored_form(_typed_over(tmp_path, J12=typed))
    assert 0 == code and "100.00" in output, output


@pytest.mark.parametrize(("cell", "typed", "said"), [
    ("I12", "=封面!A1", "holds a formula (=封面!A1); expected the column heading itself (type the text itself)"),
    ("J12", '="指标性质"', 'holds a formula (="指标性质"); expected the column heading itself (type the text itself: 指标性质)'),
])
def test_a_heading_of_the_block_or_of_a_column_it_reads_written_as_a_formula_is_still_refused(
        tmp_path: Path, cell: str, typed: str, said: str) -> None:
    """QA168 F2's bound: the block's last heading (偏差原因分析及改进措施, not found when linked) and a column the reader
    reads when added (指标性质) written as a formula are refused on their cells, as QA165 F1 asked."""
    code, output = scored_form(_typed_over(tmp_path, **{cell: typed}))
    assert 1 == code and f"{SHEET}!{cell}: {said}" in output, output


@pytest.mark.parametrize(("set_id", "numbers"), [
    ("self-evaluation", dict(zip("BCDEFGHI", range(1, 9), strict=True))),
    ("self-evaluation", {c: str(i) for i, c in enumerate("BCDEFGHI", 1)}),
    ("sichuan-self-evaluation", dict(zip("BCDEFGHIJK", range(1, 11), strict=True))),
])
def test_a_row_numbering_the_columns_under_the_heading_is_skipped(tmp_path: Path, set_id: str,
                                                                  numbers: dict[str, object]) -> None:
    """QA168 F3: a 栏次 row numbering the indicator block's columns (1 2 3 … 8 in B..I) under the heading was refused on
    its 一级 cell ('应填写一级指标（文字），实际是数字 1'), and written as text it was an unknown 一级 '1'; it scored 100.00
    before QA165 F1. It numbers the columns, and is skipped."""
    facts = ROOT / "indicator_sets" / f"{set_id}.facts.json"
    form = written_form(facts, tmp_path / "form.xlsx")
    heading = next(r for r in range(1, 40) if load_workbook(form).worksheets[0][f"B{r}"].value == "一级指标")
    _inserted(form, heading + 1, numbers)
    code, output = scored_form(form)
    assert 0 == code and "100.00" in output, output


@pytest.mark.parametrize("natures", [
    {"J13": "定量", "J14": "定量", "J15": "定性", "J20": "定量", "J21": "定性", "J26": "定量"},
    {"J13": "正向", "J14": "反向", "J15": "定性", "J20": "正向", "J21": "定性", "J26": "正向"},
])
def test_an_added_nature_column_saying_quantitative_or_its_direction_is_read(tmp_path: Path,
                                                                            natures: dict[str, str]) -> None:
    """QA168 F5: a 指标性质 column added to the national form holding 定量 (its sign the 年度指标值's) or 正向/反向 (≥/≤)
    refused the whole form ('指标性质 '定量' 不是 ≥、≤、= 之一'), which scored 100.00 before QA165 F5 read the column."""
    code, output = scored_form(_typed_over(tmp_path, J12="指标性质", **natures))
    assert 0 == code and "100.00" in output, output


def test_the_sichuan_forms_own_nature_column_reads_its_direction_as_the_national_forms_added_one_does(tmp_path: Path) -> None:
    """QA261 F5: 正向 and 反向 in the Sichuan form's own 指标性质 column were refused ('指标性质 '正向' 不是 ≥、≤、= 之一')
    where a column added to the national form reads them as ≥ and ≤: they are read so; 定量 beside an unsigned 指标值 is
    told it gives no sign."""
    facts = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    form = written_form(facts, tmp_path / "form.xlsx", {"E14": "正向", "E15": "反向", "E20": "正向"})
    code, output = scored_form(form)
    assert 0 == code and "100.00" in output, output
    lines = _said_in_chinese(written_form(facts, tmp_path / "other.xlsx", {"E14": "定量"}))
    assert any("E14：行 新建供水管网长度：指标性质“定量”没有给出符号，指标值 10 也没有" in line for line in lines), lines


@pytest.mark.parametrize("nature", ["定量", "正向", "反向", "≥"])
def test_a_sign_in_the_sichuan_forms_nature_column_beside_a_tier_row_is_refused_on_that_cell(tmp_path: Path, nature: str):
    """QA262 F4: on the Sichuan form a row judged by its tier (指标值 empty, 完成值 达成年度指标) took 定量 in its own
    指标性质 column in silence, and 正向, 反向 or ≥ there were told the row had no 完成值, on the 完成值 cell that holds
    it. Each is refused on the 指标性质 cell, as a column added to the national form is."""
    facts = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    lines = _said_in_chinese(written_form(facts, tmp_path / "form.xlsx", {"E21": nature}))
    assert 1 == len(lines) and f"!E21：行 农村自来水普及率提升：指标性质“{nature}”用于数值型指标值，而指标值为空" in lines[0], lines


def test_a_formula_in_the_sichuan_forms_nature_column_is_one_error_telling_to_type_the_sign(tmp_path: Path) -> None:
    """QA267 F6: =IF(1,"≥","≤") in 指标性质 was told to type '=100% (a hint for percentages), then that the cell was
    empty: one error, telling to type the sign itself."""
    facts = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"  # openpyxl writes =… as a formula
    lines = _said_in_chinese(written_form(facts, tmp_path / "form.xlsx", {"E14": '=IF(1,"≥","≤")'}))
    assert 1 == len(lines) and "E14：单元格是公式" in lines[0] and "直接填写 ≥、≤ 或 =" in lines[0], lines


@pytest.mark.parametrize(("cells", "said"), [
    ({"J13": "反向"}, "J13：行 新建供水管网长度：指标性质 反向（≤） 与指标值 ≥10公里 不一致（符号只写一次）"),
    ({"J13": "定量", "E13": "10公里"}, "J13：行 新建供水管网长度：指标性质“定量”没有给出符号，指标值 10公里 也没有"),
    ({"J13": "数量"}, "J13：行 新建供水管网长度：指标性质 '数量' 不是 ≥、≤、= 之一（写 ≥、≤ 或 =，指标值为文字的写“定性”"),
])
def test_an_added_nature_column_at_odds_with_its_target_is_refused_on_its_cell(tmp_path: Path, cells: dict[str, str],
                                                                               said: str) -> None:
    """QA168 F5's bound: 反向 (≤) beside ≥10公里 disagrees, 定量 beside an unsigned 10公里 gives no sign, and a word that is
    no 指标性质 is refused with the words it may hold (定性 among them), in Chinese."""
    lines = _said_in_chinese(_typed_over(tmp_path, J12="指标性质", **cells))
    assert 1 == len(lines) and f"{SHEET}!{said}" in lines[0], lines


@pytest.mark.parametrize(("nature", "shown"), [("正向", "正向"), ("反向", "反向"), ("≥", "≥"), ("定量", "定量")])
def test_a_sign_in_an_added_nature_column_beside_a_tier_row_is_refused_on_that_cell(tmp_path: Path, nature: str,
                                                                                   shown: str) -> None:
    """QA169 F3: 正向/反向 (or ≥) in an added 指标性质 column on a row judged by its tier (年度指标值 blank, 实际完成值
    达成年度指标) was told 'F15：这一行没有填写实际完成值', though F15 is filled: the row was scored as a number. It is
    refused on J15, with the fix: a tier row's 指标性质 is 定性, or empty."""
    lines = _said_in_chinese(_typed_over(tmp_path, J12="指标性质", J15=nature))
    assert 1 == len(lines) and f"{SHEET}!J15：行 工程竣工验收合格：指标性质“{shown}”用于数值型指标值，而指标值为空，" \
        "实际完成值 '达成年度指标' 是档次（按档次评判的行（达成年度指标）指标性质写“定性”或留空；" in lines[0], lines


def test_text_that_is_no_tier_beside_a_sign_in_an_added_nature_column_is_called_text_not_a_tier(tmp_path: Path) -> None:
    """QA171 F4: ≥ in an added 指标性质 column beside an empty 年度指标值 and a 实际完成值 of '完成' was told '实际完成值 '完成'
    是档次', though 完成 is no tier of the set. It is called text; a tier of the set is still called a tier."""
    lines = _said_in_chinese(_typed_over(tmp_path, J12="指标性质", J15="≥", F15="完成"))
    assert f"{SHEET}!J15：行 工程竣工验收合格：指标性质“≥”用于数值型指标值，而指标值为空，实际完成值 '完成' 是文字（" in lines[0], lines


@pytest.mark.parametrize(("added", "numbers"), [
    ("指标性质", dict(zip("BCDEFGHI", range(1, 9), strict=True))),
    ("度量单位", dict(zip("BCDEFGHI", range(1, 9), strict=True))),
    ("指标性质", dict(zip("BCDEFGHIJ", range(1, 10), strict=True))),
])
def test_a_numbering_row_leaving_an_added_column_unnumbered_is_skipped(tmp_path: Path, added: str,
                                                                       numbers: dict[str, object]) -> None:
    """QA169 F4: a 栏次 row numbering the national form's columns 1 … 8 in B..I, with a 指标性质 or 度量单位 column added in
    J and left unnumbered, was refused on its 一级 cell ('B13：应填写一级指标（文字），实际是数字 1'). The added column may be
    numbered or not."""
    form = _typed_over(tmp_path, J12=added)
    _inserted(form, 13, numbers)
    code, output = scored_form(form)
    assert 0 == code and "100.00" in output, output


def test_a_numbering_row_skipping_a_column_inserted_inside_the_block_is_skipped(tmp_path: Path) -> None:
    """QA169 F4: 指标性质 inserted before 年度指标值 (E), the 栏次 row numbering 1 2 3 _ 4 … 8 around it, was refused on B."""
    from openpyxl.worksheet.cell_range import CellRange

    form = written_form(FACTS, tmp_path / "form.xlsx")
    _inserted(form, 13, dict(zip("BCDEFGHI", range(1, 9), strict=True)))
    book = load_workbook(form)
    sheet = book[SHEET]
    merged = [CellRange(str(m)) for m in sheet.merged_cells.ranges]
    for m in merged:
        sheet.unmerge_cells(str(m))
    sheet.insert_cols(5)  # as Excel inserts a column: the merged ranges right of it move, those over it widen
    for m in merged:
        if m.min_col >= 5:
            m.shift(col_shift=1)
        elif m.max_col >= 5:
            m.expand(right=1)
        sheet.merge_cells(m.coord)
    sheet["E12"] = "指标性质"
    book.save(form)
    code, output = scored_form(form)
    assert 0 == code and "100.00" in output, output
