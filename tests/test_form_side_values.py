"""What a clerk types on 表外事实 for the facts no form row holds: a 一票否决 fact, expert scores (QA62 F2, F4)."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import NATIONAL_GRADES, ROOT
from scoring_engine.cli import main

SET = """\
id: side-values
name: 表外事实测试
version: "1"
total: 100
facts:
  a: {type: number, min: 0, max: 100, label: 完成率}
  sc: {type: list, items: number, min: 0, max: 100, label: 专家评分}
  fraud: {type: boolean, default: false, label: 一票否决}
caps:
  - {when: fraud, total_at_most: 59, message: 一票否决}
""" + NATIONAL_GRADES + """\
indicators:
  - {id: done, name: 完成率, weight: 60, rule: {kind: formula, rate: "a / 100"}}
  - {id: panel, name: 专家评分, weight: 40, rule: {kind: panel, method: mean, scores: sc, scale: 100}}
"""


def side_sheet_form(tmp_path: Path, set_text: str, values: dict[str, object],
                    formats: dict[str, str] | None = None) -> tuple[Path, dict[str, int]]:
    """`set_text`'s blank form (`template`), its 表外事实 rows filled with `values` (None: the row deleted), a row's cell in
    the number format `formats` gives it; the rows."""
    (tmp_path / "set.yaml").write_text(set_text, encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", str(tmp_path / "set.yaml"), "-o", str(form)]).exit_code
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    rows = {side.cell(r, 2).value: r for r in range(1, side.max_row + 1)}
    for name, value in values.items():
        if value is None:
            side.delete_rows(rows[name])
        else:
            side.cell(rows[name], 3).value = value
            if (formats or {}).get(name):
                side.cell(rows[name], 3).number_format = (formats or {})[name]
    book.save(form)
    return form, rows


def _form(tmp_path: Path, values: dict[str, object]) -> tuple[Path, dict[str, int]]:
    """The set's blank form, its 表外事实 rows filled with `values` (None: the row deleted); the rows."""
    return side_sheet_form(tmp_path, SET, values)


def _scored(form: Path, tmp_path: Path, command: str = "score") -> tuple[int, str]:
    out = ["-o", str(tmp_path / "facts.json")] if command == "import" else []
    run = CliRunner().invoke(main, ["--lang", "zh", command, str(form), "--set", str(tmp_path / "set.yaml"), *out])
    return run.exit_code, run.output


def test_the_blank_form_says_a_yes_or_no_default_as_the_cell_takes_it(tmp_path: Path) -> None:
    """The 说明 of a yes-or-no fact said 不填按默认值 false, where the cell takes 是 or 否."""
    form, rows = _form(tmp_path, {})
    assert "不填按默认值 否" in openpyxl.load_workbook(form)["表外事实"].cell(rows["fraud"], 5).value


@pytest.mark.parametrize("fraud", ["", None], ids=["blank", "row deleted"])
def test_a_veto_left_blank_or_deleted_is_said_for_it_changes_the_total(tmp_path: Path, fraud: object) -> None:
    """A 一票否决 fact a cap reads, left blank or its row deleted, took the default 否 in silence: the total went from
    59.00 差 to 90.00 优 with no word from score or import, though a blank fact an indicator reads is warned of."""
    vetoed, _ = _form(tmp_path, {"a": 100, "sc": "[75]", "fraud": "是"})
    code, said = _scored(vetoed, tmp_path)
    assert 0 == code and "总分 59.00 / 100" in said, said
    form, rows = _form(tmp_path, {"a": 100, "sc": "[75]", "fraud": fraud})
    for command in ("score", "import"):
        code, said = _scored(form, tmp_path, command)
        assert 0 == code, said
        if fraud is None:
            assert "表上没有填写一票否决（fraud），按指标体系的默认值 否 计分" in said, said
        else:
            assert f"表外事实!C{rows['fraud']}：一票否决（fraud）未填写，按指标体系的默认值 否 计分" in said, said


@pytest.mark.parametrize("typed", ["70\n95\n88.5\n60", "７０\n95\n\n88.5\n60", "[70, 95, 88.5, 60]", "70，95，88.5，60",
                                   "70、95、88.5、60"])
def test_expert_scores_typed_one_a_line_are_read_as_a_list_of_numbers(tmp_path: Path, typed: str) -> None:
    """Expert scores typed one a line in the cell (Alt+Enter), as findings are, were refused with a hint that showed a
    list of texts; they are read as the list of numbers (full-width digits as meant), as JSON is; so are scores parted
    by Chinese commas, which were refused as no JSON (QA271 F6)."""
    form, _ = _form(tmp_path, {"a": 100, "sc": typed})
    code, said = _scored(form, tmp_path)
    assert 0 == code, said
    assert "4位评审平均78.38分（满分100），折合31.35分" in said  # (70 + 95 + 88.5 + 60) ÷ 4 = 78.375; 40 × 78.375%


@pytest.mark.parametrize(("typed", "code", "said"), [
    ("95%\n90%\n85%", 1, "数字写成了百分数（95%、90%、85%）（请写成数字，每行一个（95、90、85））"),
    ("95 %\n90 %", 1, "数字写成了百分数（95 %、90 %）（请写成数字，每行一个（95、90））"),
    # QA288 F9: only the line typed as a percentage is named as one, not the numbers written as numbers
    ("95\n90\n85%", 1, "数字写成了百分数（85%）（请写成数字，每行一个（95、90、85））"),
    ("0.95\n0.9\n0.85", 0, "表外事实!C4：专家评分的数字（0.95、0.9、0.85）都不超过 1，而该事实的数字最高为 100：按所填数字计分"
                            "（如果填的是比率，请按分制填写：0.95 写作 95）")])
def test_expert_scores_typed_as_percentages_or_shares_are_said(tmp_path: Path, typed: str, code: int, said: str) -> None:
    """QA277 F4: scores of 百分制 typed 95%⏎90% were refused as no JSON, against the documented one number a line; typed
    as shares (0.95, as a cell formatted as a percentage keeps 95%) they scored 0.04 of 4 points in silence. The first is
    refused with the numbers to write, the second scored as written with a 提示 naming the scale."""
    form, _ = _form(tmp_path, {"a": 100, "sc": typed})
    got, output = _scored(form, tmp_path)
    assert code == got and said in output, output


@pytest.mark.parametrize("typed", ["70,95,88.5,60", "70, 95, 88.5, 60", "70,95\n88.5,60", "60,95,88.5,70"])
def test_expert_scores_parted_by_ascii_commas_are_read_as_the_list(tmp_path: Path, typed: str) -> None:
    """QA288 F9: 95,90,85 typed with ASCII commas was told 列表类事实应按 JSON 填写, against the blank form's 或用、分隔; no
    number is written so with thousands commas, so the commas part the numbers, as Chinese ones do."""
    form, _ = _form(tmp_path, {"a": 100, "sc": typed})
    code, said = _scored(form, tmp_path)
    assert 0 == code and "4位评审平均78.38分（满分100），折合31.35分" in said, said


def test_expert_scores_of_a_hundred_parted_by_ascii_commas_are_not_read_as_one_number_in_thousands(tmp_path: Path) -> None:
    """QA295 F4: 85,100 (and 100,100) was read as 85100 written with a thousands comma, then refused with the JSON to
    write; scores go up to 100, where no number is written in thousands, so the comma parts them."""
    form, _ = _form(tmp_path, {"a": 100, "sc": "85,100"})
    code, said = _scored(form, tmp_path)
    assert 0 == code and "2位评审平均92.50分（满分100）" in said, said


def test_expert_scores_typed_on_one_line_name_the_number_not_a_line(tmp_path: Path) -> None:
    """QA288 F9: 95，90，八十五 typed on one line was told 第 3 行 '八十五' 不是数字, though the clerk typed no lines."""
    form, rows = _form(tmp_path, {"a": 100, "sc": "95，90，八十五"})
    code, said = _scored(form, tmp_path)
    assert 1 == code and f"表外事实!C{rows['sc']}：第 3 个数 '八十五' 不是数字" in said, said


def test_a_single_expert_score_typed_as_a_number_is_a_list_of_one(tmp_path: Path) -> None:
    form, _ = _form(tmp_path, {"a": 100, "sc": 80})
    code, said = _scored(form, tmp_path)
    assert 0 == code and "折合32.00分" in said, said


def test_expert_scores_that_are_not_numbers_get_a_hint_with_numbers(tmp_path: Path) -> None:
    """Text that is neither numbers one a line nor JSON is refused with an example of numbers, not of findings: its
    line not a number named (QA284 F4), or, one line alone, the JSON to write."""
    form, rows = _form(tmp_path, {"a": 100, "sc": "七十\n95"})
    code, said = _scored(form, tmp_path)
    assert 1 == code
    assert f"表外事实!C{rows['sc']}：第 1 行 '七十' 不是数字（每行只写一个数字，如 95（不加“分”或文字））" in said, said
    form, rows = _form(tmp_path, {"a": 100, "sc": "七十"})
    code, said = _scored(form, tmp_path)
    assert 1 == code and "（请写成 [88, 92.5, 85]；没有则写 []）" in said, said


@pytest.mark.parametrize("typed", ["[75, NaN]", "[75, Infinity]"], ids=["NaN", "Infinity"])
def test_json_that_is_no_list_of_numbers_is_refused_on_its_cell_by_score_and_import(tmp_path: Path, typed: str) -> None:
    """QA65 F4: NaN typed in a cell's JSON made `import` fail writing the facts file (an internal error, exit 3). It is
    refused on its cell, exit 1, nothing written."""
    form, rows = _form(tmp_path, {"a": 100, "sc": typed})
    for command in ("score", "import"):
        code, said = _scored(form, tmp_path, command)
        assert 1 == code and f"表外事实!C{rows['sc']}：列表类事实应按 JSON 填写" in said, said
        assert not (tmp_path / "facts.json").exists()


@pytest.mark.parametrize("levels", [250, 1_500, 20_000])
@pytest.mark.parametrize("stack", [None, 300], ids=["stack as it is", "little stack left"])
def test_json_nested_too_deep_in_a_cell_is_said_so_on_its_cell_on_every_python(tmp_path: Path, levels: int,
                                                                                stack: int | None) -> None:
    """QA65 F3: 20,000 nested brackets in a cell stopped the JSON reader (exit 3). 1,500 were then 'no JSON' on 3.11 and
    3.12 and decoded on 3.13, whose decoder goes deeper, then said too deep as the fact (and written so by import); the
    cell is said nested too deep, however deep and whatever stack is left (as another Python's decoder would leave), by
    score and import alike, nothing written."""
    form, rows = _form(tmp_path, {"a": 100, "sc": "[" * levels + "]" * levels})
    limit = sys.getrecursionlimit()
    if stack is not None:
        sys.setrecursionlimit(stack)
    try:
        said = [_scored(form, tmp_path, command) for command in ("score", "import")]
    finally:
        sys.setrecursionlimit(limit)
    for code, text in said:
        assert 1 == code and f"表外事实!C{rows['sc']}：JSON 嵌套超过 20 层（事实一般只嵌套几层：检查括号是否多写）" in text, text
    assert not (tmp_path / "facts.json").exists()


FINDINGS_SET = SET.replace("  fraud: {type: boolean", "  found: {type: list, label: 合规性问题}\n  fraud: {type: boolean").replace(
    "  - {id: done, name: 完成率, weight: 60,", "  - {id: rules, name: 合规性, weight: 10, rule: {kind: deduction, findings: found, points_each: 1}}\n"
    "  - {id: done, name: 完成率, weight: 50,")


def test_a_side_cell_a_merge_covers_is_told_to_unmerge(tmp_path: Path) -> None:
    """QA277 F9: a 表外事实 value cell merged with the one above (a clerk's habit) was told 填写该单元格, which cannot be
    done while it is merged; it is told to unmerge, as a form's cell is."""
    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "无"})
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    side.cell(rows["found"], 3).value = None
    side.merge_cells(start_row=rows["found"] - 1, start_column=3, end_row=rows["found"], end_column=3)
    book.save(form)
    code, output = _scored(form, tmp_path)
    assert 1 == code and f"表外事实!C{rows['found']}：“合规性问题”未填写" in output, output
    assert "合并单元格" in output or "取消合并" in output, output


def test_a_findings_cell_left_blank_is_told_to_write_none_as_its_description_says(tmp_path: Path) -> None:
    """A findings cell left blank is refused with how to say there are none (无), as the blank form's 说明 says and the
    facts skeleton says [] (QA260 F1, F7); 无 typed there scores full marks."""
    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80})
    assert "，没有时填 无" in openpyxl.load_workbook(form)["表外事实"].cell(rows["found"], 5).value
    code, output = _scored(form, tmp_path)
    assert 1 == code and f"表外事实!C{rows['found']}：“合规性问题”未填写（事实 found）（填写该单元格，没有问题时填 无）" in output
    form, _ = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "无"})
    code, output = _scored(form, tmp_path)
    assert 0 == code and "总分 87.00 / 100" in output  # 10 + 45 + 32: nothing deducted
    skeleton = CliRunner().invoke(main, ["template", str(tmp_path / "set.yaml"), "--format", "yaml"]).output
    assert "合规性问题；问题（文字，或 {text, points}）列表，没有时写 []；必填" in skeleton


@pytest.mark.parametrize(("typed", "said"), [("1.\n2.", None), ("1.无\n2.", "87.00"), ("（1）未附发票\n（2）", "86.00"),
                                             ("无\u200b", "87.00")])
def test_a_findings_cell_holding_a_lists_numbers_alone_is_refused_and_an_empty_numbered_line_is_no_finding(
        tmp_path: Path, typed: str, said: str | None) -> None:
    """QA267 F3, F9: 1.⏎2. (a list begun, never filled in) cost 2 points, and 1.无⏎2. 1 point; 无 with a zero-width space
    beside it cost 1. A cell of numbers alone is refused as not filled in; a numbered line left empty is no finding."""
    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": typed})
    code, output = _scored(form, tmp_path)
    if said is None:
        assert 1 == code and f"表外事实!C{rows['found']}：'1.⏎2.' 只有清单的序号，没有写出问题（在单元格中逐条写出发现的问题" in output, output
    else:
        assert 0 == code and f"总分 {said} / 100" in output, output


@pytest.mark.parametrize(("typed", "said"), [("检查结果：\n经办人员未认真审核", "86.00"), ("经审计\n经费支出未严格审核", "86.00"),
                                             ("经检查：\n经查阅账簿凭证", None), ("检查结果：", None),
                                             ("经检查发现以下问题：\n1.未附发票", "86.00"), ("存在的问题：\n未附发票", "86.00"),
                                             ("审计发现：\n未附发票", "86.00"), ("一、存在的问题\n未附发票", "86.00"),
                                             ("存在的问题：\n无", "87.00"), ("主要问题：无", "87.00"), ("主要问题：", None),
                                             ("主要问题有：\n未附发票", "86.00"), ("存在的问题及原因：\n未附发票", "86.00"),
                                             ("四、存在问题及改进措施\n无", "87.00"), ("资金滞留：\n未附发票", "85.00"),
                                             ("1.资料不全\n2.自查不足", "85.00")])
def test_a_findings_cells_heading_is_no_finding_and_a_cell_of_headings_alone_is_refused(
        tmp_path: Path, typed: str, said: str | None) -> None:
    """QA270 F3: 检查结果：⏎经办人员未认真审核 cost 2 points, its heading a finding of its own with the reason
    '检查结果：；经办人员未认真审核'; so did 存在的问题：, 审计发现： and 经检查发现以下问题：, and 存在的问题：⏎无 cost a point
    (QA273 F3). A line that only says how the work was checked, or heads the problems below it, is no finding; a cell of
    such lines alone names none, and is refused as not filled in."""
    form, rows = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": typed})
    code, output = _scored(form, tmp_path)
    if said is None:
        assert 1 == code and f"表外事实!C{rows['found']}：" in output and "只说明了怎样检查或只是标题，没有写出问题（在单元格中逐条写出发现的问题" in output, output
    else:
        assert 0 == code and f"总分 {said} / 100" in output, output


def counted(findings: int) -> str:
    """What the findings set's form prints for a findings cell read as so many findings: 87 points, less one each."""
    return f"总分 {87 - findings}.00 / 100"


def _findings_cell_reads(tmp_path: Path, typed: str, said: str) -> None:
    """The findings set's form with `typed` in its findings cell scores to `said` (总分 …), or is refused on that cell
    with `said` among the words."""
    form, _ = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": typed})
    code, output = _scored(form, tmp_path)
    assert (0 if said.startswith("总分") else 1) == code and said in output, output
    assert said.startswith("总分") or "表外事实!C5" in output, output


@pytest.mark.parametrize(("typed", "findings"), [("未附发票；", 1), ("1.资金滞留；\n2.未附发票；", 2)])
def test_a_finding_ending_in_a_semicolon_is_one_finding(tmp_path: Path, typed: str, findings: int) -> None:
    """QA275 F5: 未附发票； (a list's line, as clerks end it) was refused as several findings in one line."""
    _findings_cell_reads(tmp_path, typed, counted(findings))


@pytest.mark.parametrize(("typed", "said"), [
    ("1.未附发票 2.超标准列支", "可能是写在同一行的几个问题"), ("（1）未附发票（2）超标准列支", "可能是写在同一行的几个问题"),
    ("①未附发票②超标准列支", "可能是写在同一行的几个问题"), ("一、未附发票 二、超标准列支", "可能是写在同一行的几个问题"),
    ("存在2处问题：未附发票、超标准列支", "可能是写在同一行的几个问题"), ("存在3处问题：\n未附发票\n超标准列支", "写明3个问题，实际列出2个"),
    ("存在2处问题：", "写明2个问题，实际列出0个"), ("存在2处问题：\n未附发票\n超标准列支", counted(2)),
    ("发现1处问题：未附发票", counted(1)), ("资金1.5万元未拨付 2.3万元滞留", counted(1)),
    ("一、资料不全，涉及二、三季度", counted(1))])
def test_several_findings_typed_on_one_line_or_counted_are_told_apart(tmp_path: Path, typed: str, said: str) -> None:
    """QA277 F1: 1.未附发票 2.超标准列支 typed on one line, and 存在2处问题：未附发票、超标准列支, each took one point where
    the standard (每发现一处问题扣1分) takes two; 存在2处问题：⏎未附发票⏎超标准列支 took three, the count counted. A line
    holding several is refused, as one parted by ； is; a count heading the lines is no finding, and must agree with them.
    Amounts (1.5万元) and spans (二、三季度) are no list's numbers."""
    _findings_cell_reads(tmp_path, typed, said)


@pytest.mark.parametrize(("typed", "said"), [
    ("否", counted(0)), ("不适用", counted(0)), ("无此项", counted(0)), ("--", counted(0)),
    ("○", counted(0)), ("NO", counted(0)), ("未附发票\n。", counted(1)),
    ("。", "'。' 没有写出问题"), ("……", "'……' 没有写出问题"), ("？", "'？' 没有写出问题"), ("（）", "'（）' 没有写出问题")])
def test_a_findings_cell_of_a_placeholder_or_marks_costs_nothing(tmp_path: Path, typed: str, said: str) -> None:
    """QA278 F1: 否, 不适用, 无此项, --, ○, NO, 。, ……, ？ in a findings cell each cost a point, the report saying only
    发现1处问题. A placeholder or an answer of no reads as none; a cell of marks alone is refused as naming no finding,
    and a stray mark below the findings is none of them."""
    _findings_cell_reads(tmp_path, typed, said)


@pytest.mark.parametrize(("typed", "said"), [
    ("挪用项目资金用于\n单位办公楼维修", counted(1)), ("1.资金滞留，\n2.未附发票", counted(2)),
    ("未附发票，\n资金拨付缓慢", counted(2)), ("资金拨付滞后；主要原因是财政资金未及时下达", counted(1)),
    ("未附发票\n扣1分\n超标准列支\n扣1分", counted(2)), ("超标准列支会议费\n（扣1分）", counted(1)),
    ("未发现截留挪用；超标准列支会议费", counted(1)), ("共发现2处问题：\n未附发票\n超标准列支", counted(2)),
    ("发现问题2个，具体如下：\n未附发票\n超标准列支", counted(2)), ("未附发票\n超标准列支\n合计2处", counted(2)),
    ("未附发票；超标准列支\n资金滞留", "可能是写在同一行的几个问题"), ("见附件", "'见附件' 没有写出问题"),
    ("挪用资金5万元\n详见附件", counted(1)), ("缺2项", "写明2个问题，实际列出0个"),
    ("未附发票，\n超标准列支，\n无审批手续", counted(3)), ("2笔支出未附发票，涉及金额\n3.5万元", counted(1)),
    ("无\n备注：虚列支出2万元", counted(1)), ("截留\t否\n挤占\t否\n挪用\t否", counted(0)),
    ("主要问题有以下3个方面：\n资金拨付滞后\n未附发票\n会计核算混乱", counted(3)),
    ("一、资金管理\n资金拨付滞后\n二、票据管理\n未附发票", counted(2)), ("未附发票\n详见附件1", counted(1)),
    # sections numbered ㈠, 1.1, A. or 第一部分 head as 一、 does (each cost a finding's points: the reader's known gap)
    ("㈠资金管理\n资金拨付滞后\n㈡票据管理\n未附发票", counted(2)), ("1.1资金管理\n资金拨付滞后\n1.2票据管理\n未附发票", counted(2)),
    ("A.资金管理\n资金拨付滞后\nB.票据管理\n未附发票", counted(2)), ("第一部分 资金管理\n资金拨付滞后\n第二部分 票据管理\n未附发票",
                                                                  counted(2)),
    ("1.5万元资金未拨付\n2.3万元资金滞留", counted(2)), ("㈠资金拨付滞后\n㈡未附发票", counted(2)),
    # a title naming a fault over a none of the rest is a finding, never a category heading (QA297 F1: 0 points taken)
    ("A.公款私存问题\n未发现其他问题\nB.坐支现金问题\n未发现其他问题", counted(2)),
    ("一、公款私存问题\n未发现其他问题\n二、坐支现金问题\n未发现其他问题", counted(2)), ("工程款超合同金额\n1.5倍支付", counted(1)),
    ("经评价组查阅2023年度会计凭证及相关资料，未发现截留、挤占、挪用等问题。", counted(0))])
def test_a_findings_cell_is_counted_as_an_auditor_counts_it(tmp_path: Path, typed: str, said: str) -> None:
    """QA280: a finding wrapped with Alt+Enter mid-phrase counted as two (a line ending in a comma is a list's item as
    often, and is not joined: QA282 F1); a note of points on its own line as a finding (4 findings
    for 2, 0 of 3 points); 共发现2处问题：, 发现问题2个，具体如下： and a closing 合计2处 as one more; A；B refused alone but
    counted as one beside another line; 见附件, 同上 and 缺2项 as one finding each. Each is read as an auditor reads it,
    or refused where what was found cannot be told; lines that name faults of their own are never joined, nor is a
    备注 naming one dropped, and 详见附件 below a finding leaves it (QA281 F3, F5, F6); a table pasted with tabs, a count
    of 方面 heading the lines, a category heading (一、资金管理) and a none of a year's papers read as an auditor reads
    them (QA282 F3–F6)."""
    _findings_cell_reads(tmp_path, typed, said)


@pytest.mark.parametrize(("typed", "said"), [
    # what heads the findings: a category over items of a list of their own, a 方面 or a label, a table's column names
    ("1.资金使用方面：\n（1）支付监理费3.2万元，未附发票；\n（2）会议费超标准列支0.8万元。", counted(2)),
    ("1.资金管理方面\n（1）未附发票3笔\n（2）超标准列支会议费\n2.档案管理方面\n（1）验收报告未归档", counted(3)),
    ("1.采购方面\n（1）化整为零规避公开招标\n2.合同管理方面\n（1）未按合同约定支付进度款", counted(2)),
    ("一、资金使用\n无\n二、资金拨付\n拨付滞后2个月", counted(1)), ("【资金管理】\n资金拨付滞后\n未附发票", counted(2)),
    ("1.资金使用：未发现问题\n2.资金拨付：拨付滞后2个月", counted(1)), ("资金管理：\n- 资金拨付滞后\n- 未附发票", counted(2)),
    ("一、存在的问题\n（一）资金拨付不及时\n（二）会议费超标准列支\n二、整改措施\n加强资金管理", counted(2)),
    ("序号\t问题描述\t金额（万元）\n1\t未附发票\t2.3\n2\t超标准列支会议费\t0.8", counted(2)),
    ("经评价，发现问题2处，具体为：\n资金拨付滞后\n未附发票", counted(2)), ("存在问题（2处）：\n资金拨付滞后\n未附发票", counted(2)),
    ("经现场核查和查阅资料，发现以下问题：\n资金拨付滞后\n未附发票", counted(2)),
    ("1.验收报告\n2.技术鉴定资料", counted(2)),  # a list's items naming no fault are findings, never headings
    # what follows them: a remark, a total, a signature, a pointer (a note naming a fault is a finding)
    ("未附发票\n超标准列支会议费\n以上问题已责令整改。", counted(2)), ("未附发票\n超标准列支会议费\n合计2.0万元", counted(2)),
    ("未附发票\n超标准列支会议费\n扣分合计：2分", counted(2)), ("未附发票\n超标准列支会议费\n整改情况：正在整改", counted(2)),
    ("未附发票\n超标准列支会议费\n（评价组：张三，2024年3月）", counted(2)), ("未附发票\n备注：另有1笔支出未附发票", counted(2)),
    ("经查，未发现问题。\n（评价组：张三、李四，2024年3月）", counted(0)), ("未发现问题\n（详见评价报告第三部分）", counted(0)),
    ("整改措施：\n加强管理", "没有写出问题"),
    # a none said as a report says it, a table of yes and no, a sentence wrapped after a comma
    ("项目资金实行专账核算、专款专用，资金拨付履行了审批程序，未发现违规问题。", counted(0)),
    ("无。（经查阅账簿凭证，资金使用合规）", counted(0)), ("发放职工福利2万元，未发现违规问题", counted(1)),
    ("资料名称\t是否归档\n施工合同\t是\n竣工验收报告\t否", counted(1)), ("有无截留、挤占、挪用：无", counted(0)),
    ("项目资金于2023年3月到位，\n2023年10月才拨付，滞后7个月。", counted(2)),  # a comma's line: a list's item (QA285 F1)
    ("2023年6月，将专项资金2万元用于\n发放职工福利，未经审批。", counted(1)), ("验收报告，\n技术鉴定报告", counted(2))])
def test_what_heads_or_follows_the_findings_in_a_cell_is_none_of_them(tmp_path: Path, typed: str, said: str) -> None:
    """QA282 F4–F6: a category heading its items (1.资金使用方面：, 【资金管理】, 资金管理：), a count said otherwise (发现问题2处，
    具体为：), a table's column names, a section of remedies, and a remark, a total, a signature or a pointer below the
    findings each cost a finding's points; a none written as a report writes it (…，资金拨付履行了审批程序，未发现违规问题),
    a table's row answered yes (施工合同⇥是) and a sentence wrapped after a comma cost one. An auditor counts none of
    them; a list's items naming no fault, a finding under a category of the list above, and a note naming a fault are
    still findings."""
    _findings_cell_reads(tmp_path, typed, said)


@pytest.mark.parametrize(("typed", "said"), [
    # a line ending in a comma naming a fault in words no list holds is a finding of its own, never joined
    ("以拨代支12万元，\n会计核算混乱", counted(2)), ("坐支现金0.5万元，\n以拨代支12万元，\n往来款长期挂账35.6万元", counted(3)),
    ("第一，资金拨付滞后，\n第二，未附发票", counted(2)), ("1）以拨代支12万元，\n2）坐支现金0.5万元", counted(2)),
    # a list's last item above a remark, a pointer, a none or a note is a finding, never the heading of what follows
    ("1.未附发票2笔\n2.坐支现金\n以上问题已责令整改", counted(2)), ("1.未附发票2笔\n2.坐支现金\n详见附件1", counted(2)),
    ("1.以拨代支\n2.坐支现金\n其他方面未发现问题", counted(2)), ("1.坐支现金\n扣1分\n2.以拨代支\n扣1分", counted(2)),
    ("经评价组现场核查，发现以下问题：\n1.资金拨付缓慢；\n2.坐支现金0.5万元；\n3.往来款长期挂账\n以上问题已反馈项目单位并责令整改。",
     counted(3)),
    # a 备注 or 说明 naming a fault of its own, a person's words after 审核人：
    ("未附发票2笔\n备注：另有坐支现金0.5万元", counted(2)), ("无\n说明：2号楼工程由施工单位转包给个人", counted(1)),
    ("未附发票2笔\n审核人：与经办人为同一人", counted(2)),
    # what is to be done, under its heading, ends where a finding comes again
    ("1.资金拨付滞后\n整改措施：\n加快拨付\n2.会议费超标准列支\n整改措施：\n退回超支部分", counted(2)),
    ("资金拨付滞后\n建议\n加快拨付进度\n未附发票2笔", counted(2)),
    ("整改建议：\n加强审核\n存在问题：\n1.未附发票\n2.会议费超标准列支", counted(2)),
    # a paper or a step answered none, a sentence whose clause tells what was done with the money, a table asking a fault
    ("可行性研究：未发现相关情况", counted(1)), ("往来款均长期挂账，未发现截留挪用问题", counted(1)),
    ("经查，支出均经分管领导一人审批，未发现违规问题", counted(1)), ("事后补签合同：是", counted(1)),
    ("资料名称\t是否缺失\n竣工验收报告\t是\n施工合同\t是", "是一张表格，无法判断其中的“是/否”“有/无”表示有问题还是没有问题"),
    ("事前论证环节\t缺失\n可行性研究\t是", "是一张表格"),
    ("论证环节\t是否开展\n可行性研究\t是\n专家论证\t否", counted(1)),
    ("未附发票\n扣1分\n扣1分", counted(1)),
    # QA286: a one-item list above a none, a list whose items have details below them, a finding after remedies
    # numbered as the list above, a paper named with a fault, 按照 before what was done, a signature naming no one
    ("1.以拨代支\n其他方面未发现问题", counted(1)),
    # QA287: a section's findings below its heading are each one (never one finding of the heading and its lines)
    ("一、存在的问题\n以拨代支12万元\n坐支现金0.5万元\n二、整改建议\n加强管理", counted(2)),
    ("一、资金问题\n以拨代支12万元\n坐支现金0.5万元\n二、合同问题\n签订阴阳合同", counted(3)),
    ("1.资金拨付滞后\n整改措施：\n加快拨付\n2.调整预算未履行报批手续", counted(2)),
    ("作废发票：有", counted(1)), ("项目支出按照领导口头指示列支，未发现违规问题", counted(1)),
    ("未附发票2笔\n审核人：未签字", counted(2)), ("1.监理日志遗失\n其他资料齐全", counted(1)),
    ("其余合同等资料齐全", counted(1)), ("一、合同类\n施工合同\n二、验收类\n竣工验收报告", counted(2)),
    ("一、招标采购\n化整为零规避招标\n二、合同管理\n签订阴阳合同", counted(2)),
    ("资金专款专用，未发现挪作他用", counted(0)), ("政府采购：未发现违规问题", counted(0)),
    ("序号\t资料名称\t是否归档\n1\t施工合同\t是\n2\t竣工验收报告\t否", counted(1)),
    # QA289: a signature of a real name, a labelled finding alone, a detail under a heading, a state below each
    # finding, an item ending as a category might, a total of the findings above
    ("无\n审核人：任丽", counted(0)), ("具体情况：以拨代支12万元", counted(1)),
    ("【资金管理】\n具体情况：以拨代支12万元", counted(1)), ("1.私设账外资金\n已整改\n2.作废票据\n已整改", counted(2)),
    ("1.以拨代支\n涉及金额12万元\n2.坐支现金\n涉及金额0.5万元", counted(2)),
    ("未附发票\n超标准列支\n以上两项共扣2分", counted(2)), ("☑无", counted(0)),
    # QA290: a numbered finding named as a category might be, over its amount; a labelled finding beside a none
    ("1.坐收坐支情况\n涉及金额0.5万元\n2.白条抵库情况\n涉及金额1万元", counted(2)),
    ("具体情况：坐支现金0.5万元，未发现其他违规问题", counted(1)), ("按规定由出纳保管全部印鉴，未发现违规问题。", counted(1)),
    # QA291: a none beside what was done in other words than the standard's, a detail below a none, details each under
    # a heading, a detail naming a new fault, a 说明 naming one, a signature naming a fault
    ("按规定报销局领导私车油费，未发现违规问题", counted(1)), ("项目结余资金经集体决策转作单位食堂装修经费，未发现违规问题", counted(1)),
    ("未发现截留挪用问题\n具体情况：坐支现金0.5万元", counted(1)), ("其他方面未发现问题\n具体情况：公款私存2万元", counted(1)),
    ("【资金管理】\n具体情况：坐支现金0.5万元\n【会计核算】\n具体情况：科目使用错误", counted(2)),
    ("未附发票\n整改情况：尚未整改，且新增坐支现金1万元", counted(2)), ("未附发票\n说明：以上问题外单位坐支现金0.5万元", counted(2)),
    ("未发现违规问题\n审核人：事后补签", counted(1)),
    # QA292: a labelled detail naming another fault (in the national set, a misuse), the phrase beside a none of what it should
    # not be of, a signature naming a fault
    ("以拨代支12万元\n其中：A村挪用资金5万元", counted(2)), ("1.以拨代支12万元\n其中：A村8万元，B村4万元", counted(1)),
    ("局领导私车油费履行了审批程序，未发现违规问题", counted(1)), ("未附发票\n审核人：冒名", counted(2)),
    ("以拨代支12万元\n说明：以上问题经核实系出纳私设小金库所致", counted(2))])
def test_a_finding_that_looks_like_a_heading_a_remark_or_a_none_is_still_a_finding(tmp_path: Path, typed: str, said: str):
    """QA285: the first reading of what heads or follows the findings (83e2c8d) lost real ones in silence: a line ending
    in a comma took the next line's finding in (以拨代支12万元，⏎会计核算混乱: 1 for 2), a list's last item above a remark
    was read as its heading, a 备注 naming a fault as a remark, every line after 整改措施： as a remedy,
    可行性研究：未发现相关情况 (the study not there) and 往来款均长期挂账，未发现… as none, a yes under 是否缺失 as a paper
    kept. Each is a finding again, or, for a table whose yes may say a fault, refused; a note of points said twice
    alike (扣1分⏎扣1分) is that note. QA286: a one-item list's item above 其他方面未发现问题 was read as its heading, a
    finding's detail below it (涉及金额12万元, 已整改) as one more finding, 2.调整预算… after 整改措施： as a remedy;
    each is read as the auditor reads it, and 其他资料齐全 beside a finding is none of them."""
    _findings_cell_reads(tmp_path, typed, said)


@pytest.mark.parametrize("typed", ["共计扣2分", "以上问题均已整改到位", "备注：已整改", "（评价组：张三，2024年3月）"])
def test_a_findings_cell_of_a_remark_or_a_total_alone_is_refused_as_naming_no_finding(tmp_path: Path, typed: str) -> None:
    """QA284 F1: 共计扣2分, 以上问题均已整改到位 or 备注：已整改 alone in a findings cell cost a finding's point in silence, the
    reason reading 扣1分：共计扣2分. Of findings the cell does not name, they name none: refused, with what to write."""
    _findings_cell_reads(tmp_path, typed, "只是对问题的备注、合计或签名，没有写出问题（在单元格中逐条写出发现的问题")


def test_a_total_of_points_typed_below_the_findings_is_said_to_be_set_aside(tmp_path: Path) -> None:
    """QA284 F1: 未附发票⏎共计扣2分 took the standard's 1 point and dropped the unit's total of 2 without a word."""
    form, _ = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "未附发票\n共计扣2分"})
    code, output = _scored(form, tmp_path)
    assert 0 == code and counted(1) in output, output
    assert "表外事实!C5：问题下方写的合计 '共计扣2分' 不作为扣分依据，各问题按评分标准扣分" in output, output


def test_a_findings_points_noted_twice_are_refused(tmp_path: Path) -> None:
    """QA284 F2: 未附发票（扣1分）（扣2分） read the last note, the first staying in the finding's words beside a
    deduction of another figure. Which is meant cannot be told."""
    _findings_cell_reads(tmp_path, "未附发票（扣1分）（扣2分）", "问题文字 '未附发票（扣1分）（扣2分）' 写了两处扣分，不知按哪一处")


def test_a_findings_points_typed_after_it_in_its_cell_are_said_beside_the_standards(tmp_path: Path) -> None:
    """QA271 F3: 提前支付工程款（扣2.5分） typed in a findings cell took the rule's 1 point, and the reason printed
    '（扣2.5分）（扣1分）'. The standard's point is taken, and the reason says the note was set aside for it."""
    form, _ = side_sheet_form(tmp_path, FINDINGS_SET, {"a": 90, "sc": 80, "found": "提前支付工程款（扣2.5分）\n未附发票"})
    code, output = _scored(form, tmp_path)
    assert 0 == code and counted(2) in output, output
    markdown = CliRunner().invoke(main, ["score", str(form), "--format", "markdown"]).output
    assert "提前支付工程款（写明扣2.5分，按评分标准计）（扣1分）；未附发票（扣1分）" in markdown, markdown


@pytest.mark.parametrize("unit, refused", [("元", True), ("千元", True), ("亿元", True), ("万元", False), ("万", False), ("", False),
                                           ("（万元）", False), ("人民币万元", False), ("万元（人民币）", False)])
def test_an_amount_whose_unit_cell_says_another_unit_is_refused_on_that_cell(tmp_path: Path, unit: str, refused: bool) -> None:
    """The side sheet's 单位 column was never read: 9800000 typed beside 元 was scored as 9,800,000 万元, 产出成本 0 of 6
    (QA261 F3). A unit there other than the fact's is refused on its cell, with the fix; the fact's own unit (万 for
    万元) or a blank cell is read as before."""
    national = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    form, rows = side_sheet_form(tmp_path, national, {"output.cost_actual": 980})
    book = openpyxl.load_workbook(form)
    book["表外事实"].cell(rows["output.cost_actual"], 4).value = unit or None
    book.save(form)
    _, output = _scored(form, tmp_path, "import")
    cell = f"表外事实!D{rows['output.cost_actual']}"
    said = f"{cell}：单位写为 '{unit}'，而实际成本（output.cost_actual）以 万元 计（按 万元 填写数值，并把本单元格改回 万元）"
    assert refused == (said in output), output
    assert all(cell not in line for line in output.splitlines()) or refused


@pytest.mark.parametrize("typed", ["2024年9月15日", "2024.9.15", "2024/09/15", "2024-9-15", " 2024年09月15日 ", "2024年9月15号",
                                   "2024-09-15 00:00:00", "2024/9/15 0:00", "2024/9/15 00:00"])
def test_a_date_typed_year_first_as_clerks_write_it_is_that_date(tmp_path: Path, typed: str) -> None:
    """2023年12月10日, 2023.12.10, 2023/12/10 and 2023-1-5 typed on the side sheet were refused for not being
    YYYY-MM-DD (QA261 F6): year, month and day in that order say one date, which is read; a midnight as Excel shows it
    (2024/3/20 0:00) is that day, not the 2nd, as its spaces taken out made it (QA267 F2)."""
    import json

    national = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    form, _ = side_sheet_form(tmp_path, national, {"output.actual_end": typed})
    _scored(form, tmp_path, "import")
    assert "2024-09-15" == json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))["facts"]["output.actual_end"]


def test_a_date_that_is_none_is_still_refused_on_its_cell(tmp_path: Path) -> None:
    """2024年13月1日 names no day: refused as typed, with the fix."""
    national = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    form, rows = side_sheet_form(tmp_path, national, {"output.actual_end": "2024年13月1日"})
    output = _scored(form, tmp_path, "import")[1]  # import writes what it read, for review, and says the rest
    assert f"表外事实!C{rows['output.actual_end']}：实际完成日期（output.actual_end）：应为日期 YYYY-MM-DD" in output


@pytest.mark.parametrize("typed, veto", [("√", True), ("✔", True), ("×", False), ("✗", False), ("☐", False)])
def test_a_tick_or_a_cross_in_a_yes_or_no_cell_is_yes_or_no(tmp_path: Path, typed: str, veto: bool) -> None:
    """√ and × are how Chinese checklists mark yes and no; they were refused as neither 是 nor 否 (QA261 F6)."""
    form, _ = _form(tmp_path, {"a": 90, "sc": 80, "fraud": typed})
    code, output = _scored(form, tmp_path)
    assert 0 == code and ("总分 59.00" if veto else "总分 86.00") in output, output


def test_the_blank_form_fills_a_choice_with_its_default_so_a_form_filled_from_it_is_not_told_it_was_taken(tmp_path: Path):
    """Every form filled from the blank form was told that 预算执行率计分方法 and its 分母, left blank there, took the set's
    defaults ('proportional'), a 提示 counted in batch's 提示数 (QA259 F4): the blank form writes each choice's default
    in its cell, to change where the project's is another, in the words its label shows (按比例, not proportional: QA266
    F5); a row deleted is still told (QA46 F5)."""
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "-o", str(form)]).exit_code
    side = openpyxl.load_workbook(form)["表外事实"]
    filled = {side.cell(r, 2).value: side.cell(r, 3).value for r in range(1, side.max_row + 1) if side.cell(r, 1).value == "事实"}
    assert ("按比例", "全年预算数", None) == (filled["budget.method"], filled["budget.base"], filled["budget.adjusted"])


def test_the_blank_form_says_a_choices_words_and_writes_a_chinese_default_as_it_is(tmp_path: Path):
    """QA271 F5: the blank form said only 文字 for a choice fact (the JSON skeleton lists 可选值), and wrote a Chinese
    default 按比例 as its short alias 比例. It lists the words the cell takes, and writes a Chinese value as it is."""
    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8").replace(
        "values: [按比例, 分档, 全额到位], default: 按比例,", "values: [按比例, 分档, 全额到位], aliases: {比例: 按比例}, default: 按比例,")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", str(tmp_path / "set.yaml"), "-o", str(form)]).exit_code
    side = openpyxl.load_workbook(form)["表外事实"]
    (row,) = [r for r in range(1, side.max_row + 1) if side.cell(r, 2).value == "budget.funding_method"]
    assert "按比例" == side.cell(row, 3).value
    assert "可选值：按比例 / 分档 / 全额到位；不填按默认值 按比例" in side.cell(row, 5).value, side.cell(row, 5).value


def test_a_tier_cells_example_is_in_the_tiers_and_points_of_the_indicator_that_reads_it(tmp_path: Path):
    """QA271 F6: a tier fact scored by tiers 好/较好/一般/差 of 3 points was shown the example 达成年度指标，9分 on the blank
    form and in the refusal of a mistyped cell; a clerk who copied it was refused. The example is the fact's own."""
    tiers = SET.replace("  fraud: {type: boolean", "  clarity: {type: tier, label: 指标明确性}\n  fraud: {type: boolean").replace(
        "  - {id: done, name: 完成率, weight: 60,", "  - {id: clear, name: 指标明确性, weight: 3, rule: {kind: tiers, fact: clarity, "
        "tiers: [{label: 好, min: 0.9}, {label: 较好, min: 0.7}, {label: 一般, min: 0.5}, {label: 差, min: 0}]}}\n"
        "  - {id: done, name: 完成率, weight: 57,")
    form, rows = side_sheet_form(tmp_path, tiers, {"a": 90, "sc": 80, "clarity": "好 3分 很明确"})
    assert "（如 好，3分，效果明显）" in openpyxl.load_workbook(form)["表外事实"].cell(rows["clarity"], 5).value
    code, output = _scored(form, tmp_path)
    assert 1 == code and '请写成 好，3分，效果明显（档次，得分，理由），或按 JSON 写成 {"tier": "好", "score": 3,' in output, output


@pytest.mark.parametrize("written, own, same", [("月", "个月", True), ("日", "天", True), ("m", "米", True), ("（万元）", "万元", True),
                                              ("人民币万元", "万元", True), ("公里", "米", False), ("万人", "人", False),
                                              ("小时", "天", False), ("亿", "万元", False), ("百万", "万元", False),
                                              ("美元", "万元", False), ("%", "万元", False), ("次", "起", True),
                                              ("人", "份", True), ("张", "份", True), ("萬元", "万元", True), ("单位：万元", "万元", True),
                                              ("￥万元", "万元", True), ("万人", "份", False)])
def test_a_unit_beside_its_fact_is_read_only_when_it_is_the_facts_unit_written_so_or_otherwise(written: str, own: str,
                                                                                             same: bool) -> None:
    """The 单位 check refused 月 beside a fact in 个月, 日 beside 天, m beside 米 (QA262 F3): the same unit written otherwise
    is read; any other unit is refused, 百万 and 亿 beside 万元 (read as 万元 for a while: QA264 F4) as 元 is."""
    from scoring_engine.forms.side import _same_unit

    assert same == _same_unit(written, own)


def test_a_judgement_cell_of_spaces_is_read_at_once() -> None:
    """QA267 F1: a 档次 cell of 2,000 spaces then x took 19 s (the spaces on either side of a part each took any run of
    them), a full cell hours, in every batch worker. A bound on a blow-up, not a speed goal: about a millisecond."""
    import time

    from scoring_engine.forms.side import _judged_in_words

    for text in (" " * 2000 + "x", " " * 30000 + "x", "达成" + " " * 1500 + "，" + " " * 400 + "9分", "档次：" * 600 + "x"):
        start = time.process_time()
        _judged_in_words(text, "tier")
        assert time.process_time() - start < 1
    assert {"tier": "达成年度指标", "score": 9, "reason": "效果明显"} == _judged_in_words("达成年度指标 ，  9分，效果明显", "tier")


@pytest.mark.parametrize(("typed", "said"), [("95分\n90分\n85分", "第 1 行 '95分' 不是数字（每行只写一个数字，如 95"),
                                             ("95\n九十\n85", "第 2 行 '九十' 不是数字")])
def test_expert_scores_typed_one_a_line_with_a_line_no_number_name_that_line(tmp_path: Path, typed: str, said: str) -> None:
    """QA284 F4: one unfit line among expert scores typed one a line was told 列表类事实应按 JSON 填写, against the blank
    form's 每行一个, quoting the cell with Python's \\n and naming no line. The line is named, with what to write."""
    form, _ = _form(tmp_path, {"a": 100, "sc": typed})
    code, output = _scored(form, tmp_path)
    assert 1 == code and "表外事实!C4：" + said in output and "JSON" not in output and "\\n" not in output, output


TIER_SET = SET.replace("  fraud: {type: boolean", "  social: {type: tier, label: 社会效益（评价组判断）}\n  fraud: {type: boolean").replace(
    "  - {id: panel, name: 专家评分, weight: 40,", "  - {id: social, name: 社会效益, weight: 6, rule: {kind: tiers, fact: social}}\n"
    "  - {id: panel, name: 专家评分, weight: 34,")


@pytest.mark.parametrize(("typed", "said"), [
    ("达成年度指标，9分，效果明显", "得分 9 不在档次 达成年度指标 的范围（4.8–6分）内"),
    ("未达成且效果较差，5分，效果差", "得分 5 不在档次 未达成且效果较差 的范围（0–3.6分，不含3.6分）内"),
    ("基本达成，6分，效果明显", "档次 '基本达成' 不是以下之一：达成年度指标、部分达成并具有一定效果、未达成且效果较差（改写为其中一个档次）"),
])
def test_a_judgement_refused_on_the_side_sheet_names_its_cell_first_and_its_range_as_the_reasons_do(
        tmp_path: Path, typed: str, said: str) -> None:
    """QA284 F9: a judgement refused on its 表外事实 cell read `事实 benefit.social：表外事实!C44：…` (the id before the cell,
    where every other cell's message gives the cell, then the fact's label), with the range as `[4.8, 6]` where the
    form's reason writes 4.8–6分, and told a clerk at a form to rewrite the tier 在事实中."""
    form, rows = side_sheet_form(tmp_path, TIER_SET, {"a": 90, "sc": "80\n90", "social": typed})
    code, output = _scored(form, tmp_path)
    assert 1 == code and f"表外事实!C{rows['social']}：社会效益（评价组判断）（social）：{said}" in output, output
    assert "事实 social" not in output and "在事实中" not in output, output
