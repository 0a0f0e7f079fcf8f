"""The forms users file: the 自评表 out (both layouts), filled forms back in, blank templates, and hostile workbooks."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import add_side_row
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.errors import FactsError
from scoring_engine.forms.layout import form_layout, form_layouts
from scoring_engine.forms.reader import read_form
from scoring_engine.loader import bundled_sets, resolve_set
from scoring_engine.model import IndicatorSet
from scoring_engine.reports.layouts import blank_form, render_layout, result_grid

ROOT = Path(__file__).resolve().parent.parent
HOUSING = ROOT / "examples" / "resettlement-housing" / "facts.json"
EXAMPLES = sorted(ROOT.glob("examples/*/facts.json"))
BASES = sorted((ROOT / "indicator_sets").glob("*.facts.json"))


def _scored(facts_path: Path):
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=facts_path.parent))
    return indicator_set, score(indicator_set, facts)


def test_every_bundled_form_layout_loads():
    """Each layout file in forms/layouts builds: the national form and the Sichuan-style one."""
    assert {"selfeval", "selfeval-sichuan"} <= set(form_layouts())
    for layout_id in form_layouts():
        assert layout_id == form_layout(layout_id).id


def test_the_housing_example_is_the_official_form():
    """Funds block 712.42 / 712.42 / 100% / 10, each 产出 row under its 二级, the 总分 row 91."""
    indicator_set, result = _scored(HOUSING)
    grid = result_grid(result, indicator_set)
    lines = list(grid.lines())
    total = next(line for line in lines if "年度资金总额" in line)
    assert ["712.42", "712.42", "10", "100%", "10.00"] == [c for c in total if c and c != "年度资金总额"]
    assert "项目支出绩效自评表" == lines[0][0] and "（2021年度）" == lines[1][0]
    rows = {line[3]: line for line in lines if line[3] in ("安置房桩基及主体封顶栋数", "小区基础设施配套", "房屋设计、超前钻探及报建")}
    assert ["≥19栋", "18栋", "19", "18.00"] == rows["安置房桩基及主体封顶栋数"][4:8]
    level2 = {cell.value: cell for cell in grid.cells if cell.style == "level"}
    quantity = level2["数量指标"]
    assert 2 == quantity.rowspan  # 数量指标 spans its two rows, as merged on paper
    assert {quantity.row, quantity.row + 1} == {grid.cell("row.output.buildings.level3").row, grid.cell("row.output.infrastructure.level3").row}
    assert Decimal("91") == grid.cell("total.score").value and "91.00" in next(line for line in lines if line[0] == "总分")


def test_the_housing_form_scores_back_to_91(tmp_path: Path):
    """The selfeval xlsx written by `score` scores back to 91 with `score FORM.xlsx` (the set named on its side sheet)."""
    form = tmp_path / "form.xlsx"
    run = CliRunner().invoke(main, ["score", str(HOUSING), "--format", "xlsx", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    again = CliRunner().invoke(main, ["score", str(form), "--format", "json"])
    assert 0 == again.exit_code, again.output
    assert '"total": 91.00' in again.stdout and '"grade": "优秀"' in again.stdout


@pytest.mark.parametrize("facts_path", EXAMPLES + BASES, ids=lambda p: p.parent.name if p.name == "facts.json" else p.stem)
def test_round_trip_through_the_selfeval_workbook(facts_path: Path, tmp_path: Path):
    """Score, write the selfeval xlsx, read it back and score again: the same total and the same score for every indicator."""
    indicator_set, result = _scored(facts_path)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert result.total == again.total and result.grade == again.grade

    def scores(r):  # rows of a target table get ids by position on the form: match them by parent and name
        return {(path[-2].id if len(path) > 1 else "", path[-1].name): path[-1].score for path in r.paths()}

    assert scores(result) == scores(again)


@pytest.mark.parametrize("marked", ["satisfaction", "output"])
def test_a_form_of_a_project_with_an_indicator_not_applicable_adds_up_to_its_total(marked: str):
    """With an indicator not applicable the others' weights are scaled (满意度 out: 效益's rows 6 to 6.66): each 得分 the
    form shows is the score on the weight used, so the 得分 column adds up to 总分 as the printed result does. (A
    qualitative row's 得分 written as the unit's judgement on the declared 分值 made 78.86 of 89.46: QA25 F1.)"""
    from scoring_engine.facts import Facts

    indicator_set = load_indicator_set("self-evaluation")
    base = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    result = score(indicator_set, Facts(values=base.values, not_applicable={marked: "不适用"}, project=base.project))
    grid = result_grid(result, indicator_set)
    shown = [c.value for c in grid.cells if c.key and c.key.endswith(".score") and isinstance(c.value, Decimal)
             and c.key != "total.score"]
    assert result.total == grid.cell("total.score").value == sum(shown)


def _not_applicable_cases() -> list[tuple[Path, str]]:
    cases = []
    for path in BASES:
        indicator_set = load_indicator_set(resolve_set(load_facts(path).indicator_set, relative_to=path.parent))
        if indicator_set.form.targets and indicator_set.not_applicable == "rescale":
            cases += [(path, block.indicator) for block in indicator_set.form.targets]
    return cases


@pytest.mark.parametrize("facts_path,marked", _not_applicable_cases(), ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_a_form_with_an_indicator_not_applicable_scores_back_to_its_facts(facts_path: Path, marked: str, tmp_path: Path):
    """QA23 F1, QA26 F1: with an indicator not applicable the others' weights are rescaled; a qualitative row's 得分 on
    the weight used was read back as the unit's judgement on the declared 分值 and scaled again (92.80 came back 94.16),
    or refused outside its tier. The written form shows each row's weight used and its 得分 on it (the columns add up to
    the set's total and to 总分), and is read back to the declared 分值: every bundled 自评表 set, with each group not
    applicable, scores back to its facts, and `import` gives back the facts' own weights and judgements."""
    from scoring_engine.facts import Facts

    base = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(base.indicator_set, relative_to=facts_path.parent))
    facts = Facts(values=base.values, not_applicable={marked: "本年度不适用"}, project=base.project)
    result = score(indicator_set, facts)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert (result.total, result.grade) == (again.total, again.grade)
    assert [i.score for i in result.walk()] == [i.score for i in again.walk()]
    for block in indicator_set.form.targets:  # the facts' own weights and judgements, as `import` writes them
        if block.indicator != marked and (rows := result.fact(block.fact)) is not None:
            given, read = rows.value, again.fact(block.fact).value  # type: ignore[union-attr]
            back = {r.name: (r.weight, r.score) for r in read}  # in the form's order (by 二级), which may not be the facts'
            assert {r.name: (r.weight, r.score) for r in given if r.score is not None} == \
                {r.name: back[r.name] for r in given if r.score is not None}
            assert {r.name: r.weight for r in given} == {name: weight for name, (weight, _) in back.items()}


@pytest.mark.parametrize("facts_path,marked", _not_applicable_cases(), ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_a_form_filled_in_on_its_printed_weights_with_a_group_not_applicable_scores_as_its_facts(
        facts_path: Path, marked: str, tmp_path: Path):
    """QA27 F1: a unit fills in the form on the 分值 it prints (the declared weights, the tiers on them) and marks a
    group 不适用 on the side sheet. Its 得分 are judgements on those 分值, and the form scores as the same facts do: read
    as scores on rescaled weights, 14 of 20 became 12.60 of 20 (85.91 read as 83.19), or was refused outside its tier."""
    from openpyxl import load_workbook

    from scoring_engine.facts import Facts

    base = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(base.indicator_set, relative_to=facts_path.parent))
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(indicator_set, base), indicator_set, "xlsx", "selfeval"))  # every weight declared
    book = load_workbook(form)
    book.worksheets[1].append(["不适用", marked, "本项目不涉及"])
    book.save(form)
    expected = score(indicator_set, Facts(values=base.values, not_applicable={marked: "本项目不涉及"}, project=base.project))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert (expected.total, expected.grade) == (again.total, again.grade)
    assert [i.score for i in expected.walk()] == [i.score for i in again.walk()]


def _fill_blank_template(path: Path) -> None:
    """Fill the blank self-evaluation form as a person would: numbers typed as text, signs and units in the cells."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book.worksheets[0]
    spots = {ws.cell(r, c).value: (r, c) for r in range(1, ws.max_row + 1) for c in range(1, ws.max_column + 1) if ws.cell(r, c).value}
    r, c = spots["项目名称"]
    ws.cell(r, c + 1, "某县安置房建设项目")
    heading = spots["全年预算数"]
    total_row = spots["年度资金总额"][0]
    ws.cell(total_row, heading[1], "712.42万元")
    ws.cell(total_row, spots["全年执行数"][1], "641.178")
    head = spots["三级指标"][0]
    cols = {name: spots[name][1] for name in ("三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")}
    fills = {"数量指标": ("安置房封顶栋数", "≥19栋", "18", "50", None, "19#栋尚未启动"),
             "经济效益指标": ("工程质量", "效果明显", "达成预期指标", "30", "27", None),
             "服务对象满意度指标": ("安置户满意度", "≥90%", "95%", "10", None, None)}
    for row in range(head + 1, ws.max_row + 1):
        category = next((ws.cell(r2, spots["二级指标"][1]).value for r2 in range(row, head, -1)
                         if ws.cell(r2, spots["二级指标"][1]).value), None)
        if category in fills and not ws.cell(row, cols["三级指标"]).value:
            for key, value in zip(cols, fills.pop(category), strict=True):
                if value is not None:
                    ws.cell(row, cols[key], value)  # text, as typed: "50", "≥19栋"
    assert not fills
    book.save(path)


def test_a_blank_template_filled_like_a_user_scores(tmp_path: Path):
    """`template self-evaluation --format xlsx`, filled through openpyxl (text numbers, ≥19栋, merged cells kept), scores as expected."""
    form = tmp_path / "blank.xlsx"
    run = CliRunner().invoke(main, ["template", "self-evaluation", "--format", "xlsx", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    _fill_blank_template(form)
    from openpyxl import load_workbook

    assert load_workbook(form).worksheets[0].merged_cells.ranges  # still merged as on paper
    scored = CliRunner().invoke(main, ["score", str(form), "--format", "json"])
    assert 0 == scored.exit_code, scored.output
    # 执行率 641.178 ÷ 712.42 = 90% → 9; 50 × 18 ÷ 19 = 47.37; 27; 10 → 93.37
    assert '"total": 93.37' in scored.stdout


def test_a_needs_explaining_met_on_a_filled_blank_form_names_no_blank_cell_its_rule_did_not_read(tmp_path: Path):
    """QA283 F2: the 执行率 flag of a filled blank form named 表外事实's blank 调整后预算数 cell beside the amounts: the set
    reads it only when 全年预算数 is not the base, and a clerk sent there finds an empty cell unrelated to the rate."""
    import json

    from openpyxl import load_workbook

    form = tmp_path / "blank.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "--format", "xlsx", "-o", str(form)]).exit_code
    _fill_blank_template(form)
    book = load_workbook(form)
    sheet, side = book.worksheets[0], book["表外事实"]
    paid = next(cell for row in sheet.iter_rows() for cell in row if cell.value == "641.178")
    paid.value = "300"
    book.save(form)
    adjusted = next(f"C{row}" for row in range(1, side.max_row + 1) if side.cell(row, 2).value == "budget.adjusted")
    assert side[adjusted].value is None
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--format", "json"])
    flag = next(f["message"] for f in json.loads(run.stdout)["flags"] if "90%" in f["message"])
    assert flag.startswith("项目支出绩效自评表!") and paid.coordinate in flag and f"表外事实!{adjusted}" not in flag \
        and f", {adjusted}" not in flag, flag


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_facts_skeleton_of_a_set_file_filled_in_scores_as_its_header_says(tmp_path: Path, fmt: str):
    """`template my-set.yaml --format json` named the set by its id, which score cannot find (a set of one's own is read
    from a file), and its blank project details (null) were refused. It names the file, as seen from where the skeleton
    is written, and writes its blank project details as blank text."""
    import json

    import yaml

    (tmp_path / "sets").mkdir()
    own = tmp_path / "sets" / "my-set.yaml"
    own.write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    skeleton = tmp_path / f"facts.{fmt}"
    run = CliRunner().invoke(main, ["template", str(own), "--format", fmt, "-o", str(skeleton)])
    assert 0 == run.exit_code, run.output
    document = (json.loads if fmt == "json" else yaml.safe_load)(skeleton.read_text(encoding="utf-8"))
    assert "sets/my-set.yaml" == document["indicator_set"] and {""} == set(document["project"].values())
    filled = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))["facts"]
    document["facts"] = filled
    document.pop("about", None)
    skeleton.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    scored = CliRunner().invoke(main, ["score", str(skeleton), "--format", "json"])
    assert 0 == scored.exit_code, scored.output
    assert 79.73 == json.loads(scored.stdout)["total"]


def test_import_names_the_cell_of_each_fact(tmp_path: Path):
    """`import FORM.xlsx` writes the facts with the sheet!cell each came from; a number cell keeps the unit its format
    shows (18 formatted General"栋" is 18栋, as printed)."""
    indicator_set, result = _scored(HOUSING)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx"))
    imported = read_form(form, indicator_set)
    assert imported.provenance["budget.total"].startswith("项目支出绩效自评表!")
    assert "targets.output[0].actual" in imported.provenance
    assert ["18栋"] == [row["actual"] for row in imported.facts.values["targets.output"] if row["name"] == "安置房桩基及主体封顶栋数"]


def _housing_form_with(tmp_path: Path, found: Callable[[Any], bool], value: str) -> tuple[IndicatorSet, Path, Any]:
    """The resettlement-housing project's filled form, with the first cell whose value is `found` rewritten as `value`
    (as a user would type it in Excel); the set, the form and that cell."""
    from openpyxl import load_workbook

    indicator_set, result = _scored(HOUSING)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx"))
    book = load_workbook(form)
    cell = next(c for row in book.worksheets[0].iter_rows() for c in row if found(c.value))
    cell.value = value
    book.save(form)
    return indicator_set, form, cell


def test_a_cell_it_cannot_read_is_named(tmp_path: Path):
    """A weight that is not a number is an error naming the cell and what was expected."""
    indicator_set, form, cell = _housing_form_with(tmp_path, lambda value: value == 19, "十九")
    with pytest.raises(FactsError) as caught:
        read_form(form, indicator_set)
    assert f"项目支出绩效自评表!{cell.coordinate}" in str(caught.value) and "weight" in str(caught.value)


def test_the_sichuan_form_has_its_own_columns_and_consequence():
    """The Sichuan-style set prints its form: 调整后预算数, 指标性质 / 指标值 / 度量单位, 评价结论, and the grade's 结果应用."""
    base = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    indicator_set, result = _scored(base)
    text = render_layout(result, indicator_set, "markdown")
    for words in ("部门预算项目支出绩效自评表", "调整后预算数", "指标性质", "度量单位", "评价结论", "结果应用：下一年度预算优先保障"):
        assert words in text
    assert "结果应用" in render_layout(result, indicator_set, "html", "scoresheet")


def test_the_sichuan_reason_cell_is_blank_unless_the_unit_gave_a_reason(tmp_path: Path):
    """At 100% 执行率 the form's 执行率未达到90%的原因 cell stays blank (the set's 未说明 only stands for a blank cell);
    a reason the unit gave is printed; and the printed form reads back to the same reason fact."""
    base = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
    indicator_set, result = _scored(base)
    assert "未说明" not in render_layout(result, indicator_set, "markdown")
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx"))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert "未说明" == again.fact("budget.reason").value and result.total == again.total

    document = json.loads(base.read_text(encoding="utf-8"))
    document["facts"]["budget"].update(paid=85, reason="部分工程款待竣工结算后支付")
    explained = tmp_path / "explained.json"
    explained.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    indicator_set, result = _scored(explained)
    assert "部分工程款待竣工结算后支付" in render_layout(result, indicator_set, "markdown")

def test_blank_forms_in_every_format():
    """The blank template comes as xlsx, html, markdown and csv, with the form's labels and no score."""
    indicator_set = load_indicator_set("self-evaluation")
    for fmt in ("html", "markdown", "csv"):
        text = blank_form(indicator_set, fmt)
        assert isinstance(text, str) and "项目支出绩效自评表" in text and "偏差原因分析及改进措施" in text


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_layout_is_refused_for_table_and_json_as_a_wrong_command_line(fmt: str):
    """--layout applies to markdown, csv, xlsx and html only: asked of the table or JSON it is a wrong command line,
    exit 2 as the README says (QA116 F7: it was 1), with the fix, in Chinese under zh."""
    run = CliRunner().invoke(main, ["score", str(HOUSING), "--format", fmt, "--layout", "selfeval"])
    assert 2 == run.exit_code and "--layout applies to markdown, csv, xlsx, html, not to " + fmt in run.output
    assert "leave --layout out for table and json" in run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(HOUSING), "--format", fmt, "--layout", "selfeval"])
    assert 2 == run.exit_code and f"--layout 只用于 markdown、csv、xlsx、html，不能用于 {fmt}：table 和 json 格式不要写 --layout" in run.output


# ---------------------------------------------------------------- hostile workbooks


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _needing_version(data: bytes, version: int) -> bytes:
    """The zip archive `data` whose central directory says its first entry needs zip version `version` ÷ 10 to be read
    (one damaged byte: QA65 F1, where Python's zipfile raises NotImplementedError)."""
    at = data.index(b"PK\x01\x02") + 6
    return data[:at] + bytes([version, 0]) + data[at + 2:]


HOSTILE = {
    "not a zip": (b"PK\x03\x04 this is not a workbook", "not an .xlsx workbook"),
    "zip bomb": (_zip({"xl/worksheets/sheet1.xml": b"0" * 40_000_000}), "MAX_FORM_RATIO"),
    "zip without a workbook": (_zip({"hello.txt": b"hi"}), "not an .xlsx workbook (a zip archive without a workbook's parts)"),
    "billion laughs": (_zip({"[Content_Types].xml": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                             + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((98 + i,) + (97 + i,) * 10)
                                        for i in range(8)) + b"]><Types>&i;</Types>"}), "declares a document type (<!DOCTYPE …>)"),
    "too big": (b"PK" + b"\0" * 5_000_001, "MAX_FORM_BYTES"),
    "zip of an unknown version": (_needing_version(_zip({"[Content_Types].xml": b"<Types/>"}), 92), "not an .xlsx workbook"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_workbooks_are_clean_errors(name: str, tmp_path: Path):
    """A forged or hostile file given as a form is one error naming the file, never a crash, a hang or a traceback."""
    data, words = HOSTILE[name]
    form = tmp_path / "form.xlsx"
    form.write_bytes(data)
    run = CliRunner().invoke(main, ["score", str(form), "--set", "self-evaluation"])
    assert 1 == run.exit_code, run.output
    assert words in run.output and "Traceback" not in run.output


def test_a_formula_where_a_value_belongs_is_refused(tmp_path: Path):
    """A cell the reader needs that holds a formula is an error naming the cell: formulas are never evaluated."""
    indicator_set, form, cell = _housing_form_with(tmp_path, lambda value: value in (Decimal("712.42"), 712.42), "=700+12.42")
    with pytest.raises(FactsError) as caught:
        read_form(form, indicator_set)
    assert "holds a formula" in str(caught.value) and cell.coordinate in str(caught.value)


def test_bundled_sets_with_a_form_declare_a_known_layout():
    """Every bundled set that prints the 自评表 by default names a bundled form layout."""
    for set_id in bundled_sets():
        indicator_set = load_indicator_set(set_id)
        assert indicator_set.form.layout in form_layouts()


@pytest.mark.parametrize("layout", ["selfeval", "scoresheet"])
def test_both_layouts_in_a_real_browser(chromium, layout: str, tmp_path: Path):
    """Headless Chromium opens each layout's page with no request and no error; the form's total and grade are in the DOM."""
    indicator_set, result = _scored(HOUSING)
    page_file = tmp_path / f"{layout}.html"
    page_file.write_text(str(render_layout(result, indicator_set, "html", layout)), encoding="utf-8")
    page = chromium.open(page_file.as_uri())
    assert [] == page.requests() and [] == page.errors()
    text = page.evaluate("document.body.innerText")
    assert "91.00" in text and "优秀" in text
    if layout == "selfeval":
        assert "712.42" == page.evaluate("document.querySelector('[data-key=\"funds.total.budget\"]').innerText")
        assert "100%" == page.evaluate("document.querySelector('[data-key=\"funds.total.rate\"]').innerText")
        assert "table-header-group" == page.evaluate("getComputedStyle(document.querySelector('#form-indicators thead')).display")
    else:
        assert page.evaluate("document.querySelectorAll('#summary tr').length") == len(result.indicators) + 2


@pytest.mark.parametrize("set_id", sorted(bundled_sets()))
def test_the_templates_a_unit_fills_in_speak_chinese(set_id: str, tmp_path: Path):
    """The facts skeleton's comments and the blank form's side sheet (说明) tell the type, bounds and whether a fact is
    required in Chinese, not 'number', 'optional (default …)' or 'Fill in each value'."""
    import re

    from openpyxl import load_workbook

    english = re.compile(r"\b(required|optional|number|string|boolean|integer|list of|one of|each row|Fill in)\b")
    yaml_text = CliRunner().invoke(main, ["template", set_id, "--format", "yaml"]).stdout
    comments = [line.split("#", 1)[1] for line in yaml_text.splitlines() if "#" in line]
    assert comments and not [c for c in comments if english.search(c)]
    form = tmp_path / "blank.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", set_id, "-o", str(form)]).exit_code
    notes = [row[4] for row in load_workbook(form)["表外事实"].iter_rows(min_row=3, values_only=True) if row[0] == "事实"]
    assert not [n for n in notes if n and english.search(n)]


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv"])
def test_the_warnings_on_a_chinese_form_are_chinese(tmp_path: Path, fmt: str):
    """The 自评表 layout printed its 提示 in English ('fact extra is not declared by the set and is ignored') inside the
    Chinese form, where the scoresheet layout prints them in Chinese."""
    import json

    document = json.loads(HOUSING.read_text(encoding="utf-8"))
    document["facts"]["extra_undeclared"] = 1
    document["indicator_set"] = str(HOUSING.parent / document["indicator_set"]) if document["indicator_set"].endswith(
        ".yaml") else document["indicator_set"]
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(facts), "--format", fmt, "--layout", "selfeval"])
    assert 0 == run.exit_code, run.output
    assert "事实 extra_undeclared 没有在体系中声明，已忽略" in run.stdout and "is not declared" not in run.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv", "xlsx"])
def test_the_projects_that_must_explain_themselves_say_so_on_the_form(tmp_path: Path, fmt: str):
    """The 自评表 (the default report of every self-evaluation set) listed no 需说明 in any format: a project at 执行率
    80% must explain itself, and the bureau's copy of its form did not say so. Its flags are under the form, and the
    form still reads back to the same total."""
    import json

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["budget"]["paid"] = 80
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"form.{'md' if fmt == 'markdown' else fmt}"
    run = CliRunner().invoke(main, ["score", str(facts), "--format", fmt, "-o", str(out)])
    assert 0 == run.exit_code, run.output
    if fmt == "xlsx":
        from openpyxl import load_workbook

        text = "\n".join(str(c.value) for row in load_workbook(out).worksheets[0].iter_rows() for c in row if c.value)
        again = CliRunner().invoke(main, ["score", str(out), "--format", "json"])
        assert 0 == again.exit_code and 98.0 == json.loads(again.stdout)["total"], again.output
    else:
        text = out.read_text(encoding="utf-8-sig")
    assert "需说明：预算执行率低于90%，需说明原因" in text


def test_the_blank_form_of_a_set_with_its_own_tree_prints_its_level2_as_the_written_form_does(tmp_path: Path):
    """The blank national-framework form left its 二级 column empty (merged once per 一级), where the form written for a
    scored project shows 项目立项, 绩效目标, 资金投入… merged per 二级."""
    from openpyxl import load_workbook

    blank, written = tmp_path / "blank.xlsx", tmp_path / "written.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "national-framework", "-o", str(blank)]).exit_code
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(written)]).exit_code

    def level2(path: Path) -> list[str]:
        sheet = load_workbook(path).worksheets[0]
        return [c.value for c in next(col for col in sheet.iter_cols() if "二级指标" in [x.value for x in col]) if c.value]

    assert level2(written) == level2(blank) and "项目立项" in level2(blank)


def test_a_form_and_the_facts_file_import_makes_of_it_have_one_facts_hash(tmp_path: Path):
    """The same facts got two 事实 sha256: a form's whole numbers are Decimals, hashed as {"$decimal": "200"}, where the
    facts file `import` writes holds 200. A whole number hashes as the number, as the documented recipe says."""
    import json

    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "-o", str(form)]).exit_code
    imported = tmp_path / "imported.json"
    assert 0 == CliRunner().invoke(main, ["import", str(form), "-o", str(imported)]).exit_code
    hashes = [json.loads(CliRunner().invoke(main, ["score", str(f), "--format", "json"]).stdout)["facts"]["sha256"]
              for f in (form, imported)]
    assert hashes[0] == hashes[1]


def test_rows_filled_in_a_group_the_side_sheet_marks_not_applicable_are_said_not_scored(tmp_path: Path):
    """QA23 F3: 表外事实 marking satisfaction 不适用 while its row was still filled (群众满意度 ≥90% / 92.5% / 10 / 10):
    the row and its typed 得分 vanished without a word. One of the two is the unit's slip: a 提示 names the first cell
    of the rows and the 不适用 row."""
    from openpyxl import load_workbook

    indicator_set, result = _scored(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    book = load_workbook(form)
    side = book["表外事实"]
    row = side.max_row + 1
    side.cell(row, 1, "不适用")
    side.cell(row, 2, "satisfaction")
    side.cell(row, 3, "本项目未开展满意度调查")
    book.save(form)
    imported = read_form(form, indicator_set)
    [found] = [w for w in imported.warnings if "not applicable" in w.message]
    assert f"表外事实!C{row} marks satisfaction not applicable, so they are not scored" in found.message
    assert found.message.startswith("项目支出绩效自评表!D")


@pytest.mark.parametrize("named", ["satisfaction", "满意度指标", "服务对象满意度"])
def test_a_not_applicable_row_may_name_the_group_as_the_form_prints_it(tmp_path: Path, named: str):
    """QA23 F5: a 不适用 row naming 满意度指标 (the 一级 label the unit sees on the form) was refused as an unknown
    indicator at $.not_applicable.满意度指标, a path the clerk never sees. The form's label and the set's name of one
    indicator are read as its id; a name that is none is refused on its cell of the side sheet."""
    from openpyxl import load_workbook

    from scoring_engine.facts import Facts

    indicator_set = load_indicator_set("self-evaluation")
    base = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    facts = Facts(values=base.values, not_applicable={"satisfaction": "未开展调查"}, project=base.project)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(indicator_set, facts), indicator_set, "xlsx", "selfeval"))

    def renamed(name: str) -> Path:
        book = load_workbook(form)
        side = book["表外事实"]
        row = next(r for r in range(1, side.max_row + 1) if side.cell(r, 1).value == "不适用")
        side.cell(row, 2).value = name
        book.save(form)
        return form

    again = read_form(renamed(named), indicator_set)
    assert {"satisfaction": "未开展调查"} == dict(again.facts.not_applicable)
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(renamed("满意度调查"))])
    assert 1 == run.exit_code and "表外事实!B" in run.output and "$.not_applicable" not in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(renamed("服务对象满意度指标"))])  # a 二级 of the group
    assert "(write its id: satisfaction (满意度指标))" in run.output, run.output


def test_a_first_level_label_the_set_has_not_says_which_blank_form_to_fill(tmp_path: Path):
    """QA23 F7: a Hubei unit that filled the national blank form (满意度指标 as its own 一级) was refused at the cell with
    no fix. The error says to fill the set's own blank form (scoring-engine template ID) or to score with --set."""
    from openpyxl import load_workbook

    indicator_set = load_indicator_set("hubei-self-evaluation")
    form = tmp_path / "form.xlsx"
    form.write_bytes(blank_form(indicator_set, "xlsx"))
    book = load_workbook(form)
    sheet = book.worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "效益指标")
    cell.value = "满意度指标"
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert 1 == run.exit_code
    assert ("fill the blank form of hubei-self-evaluation (scoring-engine template hubei-self-evaluation), which has the "
            "一级 of that set, or score with the set whose form this is (--set)") in run.output


def test_a_not_applicable_row_naming_nothing_like_an_indicator_lists_the_sets_indicators(tmp_path: Path):
    """QA26 F6: on the Hubei form 满意度 is part of 效益指标（含满意度）, so a 不适用 row naming 满意度指标 names nothing,
    and the error gave no fix. It lists the set's 一级 with their ids."""

    indicator_set = load_indicator_set("hubei-self-evaluation")
    path = ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json"
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(indicator_set, load_facts(path)), indicator_set, "xlsx", "selfeval"))
    row = add_side_row(form, "不适用", "满意度指标", "未开展调查")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert 1 == run.exit_code
    assert f"表外事实!B{row}" in run.output and "write the id of one of: budget (预算执行), output (产出指标)" in run.output


@pytest.mark.parametrize("change", ["not_applicable: full_credit", "precision: 1"])
def test_a_form_written_with_a_group_not_applicable_reads_the_same_judgements_under_a_set_that_gives_it_full_credit(
        tmp_path: Path, change: str):
    """QA27 F2: a form's 得分 were read back by the weights of whatever set read it, so a profile giving 不适用 full
    credit (batch --compare-set) took the judgements on the rescaled weights as typed: 88.20 良好 read as 90.92 优秀; a
    profile keeping one decimal refused the form's 55.56 (QA29 F5). The form is read by what it shows, and scores as its
    facts do under that profile."""
    from scoring_engine.facts import Facts

    facts_path = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    base = load_facts(facts_path)
    own = load_indicator_set("self-evaluation")
    profile = tmp_path / "other.yaml"
    profile.write_text(f"extends: self-evaluation\nid: other\n{change}\n", encoding="utf-8")
    other = load_indicator_set(profile)
    facts = Facts(values=base.values, not_applicable={"budget": "本年度无预算"}, project=base.project)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(own, facts), own, "xlsx", "selfeval"))
    expected, again = score(other, facts), score(other, read_form(form, other).facts)
    assert (expected.total, expected.grade) == (again.total, again.grade)
    assert [i.score for i in expected.walk()] == [i.score for i in again.walk()]


def test_a_score_outside_its_tier_on_a_rescaled_row_is_said_with_what_was_typed_and_the_range_on_the_form(tmp_path: Path):
    """QA27 F5: 17 typed on a row the form shows with 分值 30 (15 declared, 产出 not applicable) was refused as '得分 8.5
    不在档次 … [9, 12)', a number nobody typed on a basis the form does not show, and typing 10 as told was refused again.
    The refusal gives the 17 and the tier's range on the form's 分值: [18, 24)."""
    from openpyxl import load_workbook

    from scoring_engine import parse_facts

    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    rows = document["facts"]["targets"]["benefit"]
    judged = next(i for i, r in enumerate(rows) if "score" in r)
    rows[judged].update(tier="部分达成并具有一定效果", score=10.6)
    document["not_applicable"] = {"output": "本年度无产出"}
    indicator_set = load_indicator_set("self-evaluation")
    result = score(indicator_set, parse_facts(json.dumps(document, ensure_ascii=False)))
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    book = load_workbook(form)
    ws = book.worksheets[0]
    cell = next(c for line in ws.iter_rows() for c in line if c.value == 21.2)  # 10.6 of 15 on a 分值 of 30
    cell.value = 17
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code
    assert f"!{cell.coordinate}：行 {rows[judged]['name']}：得分 17 不在档次 部分达成并具有一定效果 在本表上的范围（18–24分，不含24分）内" \
           "（本表的分值 30 是原分值 15 按比例调整后的）" in run.output, run.output


def _without_satisfaction(tmp_path: Path) -> tuple[Path, Any]:
    """The form `score` writes of the bundled self-evaluation facts with 满意度 not applicable (产出's rows on 55.56),
    and the workbook opened to edit it as a unit would."""
    from openpyxl import load_workbook

    from scoring_engine.facts import Facts

    base = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    indicator_set = load_indicator_set("self-evaluation")
    result = score(indicator_set, Facts(values=base.values, not_applicable={"satisfaction": "本年度未开展"}, project=base.project))
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    return form, load_workbook(form)


def test_rows_adding_up_to_neither_sum_a_rescaled_form_may_show_are_told_both(tmp_path: Path):
    """QA29 F6: the tool's form with 满意度 not applicable shows 产出's rows on 55.56; one 分值 mistyped was told only
    '不等于产出指标的分值 50', the sum of a blank form, and following it re-read the rescaled 得分 as judgements on 50."""
    form, book = _without_satisfaction(tmp_path)
    ws = book.worksheets[0]
    cell = next(c for line in ws.iter_rows() for c in line if c.value == 22.22)
    cell.value = 22
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code
    assert "不等于产出指标的分值 50（读取它的指标：output）（使各行分值合计为 50（指标体系中产出指标的分值），或合计为 55.56" in run.output, \
        run.output


def test_rescaled_weights_edited_into_another_split_are_said_to_be_scored_on_the_sets(tmp_path: Path):
    """QA29 F2: 产出's rows on 55.56 edited from 22.23 / 22.22 to 22.22 / 22.23 still add up, but the set shares the
    group by the declared 分值: each row was scored on another 分值 than the form shows (85.91 read as 85.90) without a
    word. Each such row is named, with the 分值 it is scored on."""
    form, book = _without_satisfaction(tmp_path)
    ws = book.worksheets[0]
    first, second = (next(c for line in ws.iter_rows() for c in line if c.value == v) for v in (22.23, 22.22))
    first.value, second.value = 22.22, 22.23
    book.save(form)
    said = [w.message for w in read_form(form, load_indicator_set("self-evaluation")).warnings]
    assert any(m.startswith(f"项目支出绩效自评表!{first.coordinate}: row ") and "the 分值 22.22 is scored as 22.23" in m
               for m in said), said


def test_a_rescaled_group_whose_rows_tie_for_the_cent_left_over_reads_back_as_its_facts(tmp_path: Path):
    """QA29 F1: rescaling a group leaves a cent over; when two rows' remainders tie it went to the first in the facts'
    order, but the Hubei form lists rows by 二级 (质量 before 成本), so the form read back gave it to the other row: 4.12 full
    marks instead of 4.13, 总分 48.97 written 48.98. The cent now goes by the order the form lists the rows in, so the form
    and its facts agree on every leaf."""
    from scoring_engine.facts import Facts

    base = load_facts(ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json")
    rows = [{"id": "pipes", "name": "新建供水管网长度", "category": "数量指标", "type": "quantitative", "weight": Decimal("4.2"),
             "target": 10, "actual": Decimal("8.58"), "unit": "公里"},
            {"id": "training", "name": "开展管护技术培训", "category": "数量指标", "type": "exact", "weight": Decimal("24.2"),
             "target": 1, "actual": Decimal("0.94"), "unit": "次"},
            {"id": "cost", "name": "每公里管网造价", "category": "成本指标", "type": "quantitative_lower", "weight": Decimal("3.3"),
             "target": 100, "actual": Decimal("72.74"), "unit": "万元/公里"},
            {"id": "quality", "name": "工程竣工验收合格", "category": "质量指标", "type": "qualitative", "weight": Decimal("8.3"),
             "tier": "未达成且效果较差", "score": 0, "reason": "工程未通过竣工验收"}]
    values = json.loads(json.dumps(base.values, default=str), parse_float=Decimal)
    values["targets"]["output"] = rows
    indicator_set = load_indicator_set("hubei-self-evaluation")
    result = score(indicator_set, Facts(values=values, not_applicable={"budget": "本项目不涉及"}, project=base.project))
    scored = {i.name: i for i in result.walk()}
    # 3.3 and 8.3 of 40 rescaled to 50 are 4.125 and 10.375: the 质量 row, listed first on the form, takes the cent
    assert (Decimal("4.12"), Decimal("10.38")) == (scored["每公里管网造价"].weight, scored["工程竣工验收合格"].weight)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert (result.total, result.grade) == (again.total, again.grade)
    assert [(i.id, i.weight, i.score) for i in result.walk() if "." not in i.id] == \
        [(i.id, i.weight, i.score) for i in again.walk() if "." not in i.id]
    assert sorted((i.name, i.weight, i.score) for i in result.walk()) == sorted((i.name, i.weight, i.score) for i in again.walk())


def test_a_group_declaring_no_categories_shares_the_cent_left_over_as_its_form_lists_the_rows(tmp_path: Path):
    """QA32 F1: a set whose row group declares no 二级 categories gave a tied cent by the facts' order, while its form lists
    the rows under the layout's 二级 (数量 before 成本, rows without one first): the form read back put the cent on the
    other row (乙数量 22.23 where the facts gave 甲成本 22.23; 总分 77.78 against 77.77). The layout's 二级 order it."""
    from scoring_engine.facts import Facts

    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    plain = tmp_path / "no-categories.yaml"
    plain.write_text("\n".join(line for line in text.splitlines() if "categories:" not in line) + "\n", encoding="utf-8")
    indicator_set = load_indicator_set(plain)
    base = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    values = json.loads(json.dumps(base.values, default=str), parse_float=Decimal)
    values["targets"]["output"] = [
        {"id": "a", "name": "甲成本", "category": "成本指标", "type": "quantitative", "weight": 20, "target": 10, "actual": 0},
        {"id": "b", "name": "乙数量", "category": "数量指标", "type": "quantitative", "weight": 20, "target": 10, "actual": 10},
        {"id": "c", "name": "丙无类", "type": "quantitative", "weight": 10, "target": 10, "actual": 10}]
    result = score(indicator_set, Facts(values=values, not_applicable={"budget": "不涉及"}, project=base.project))
    weights = {i.name: i.weight for i in result.walk()}
    # 20 and 20 of 50 rescaled to 55.56 are 22.224 each: 乙数量, listed before 甲成本 (数量 before 成本), takes the cent
    assert (Decimal("22.22"), Decimal("22.23")) == (weights["甲成本"], weights["乙数量"])
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert (result.total, sorted((i.name, i.weight, i.score) for i in result.walk())) == \
        (again.total, sorted((i.name, i.weight, i.score) for i in again.walk()))


def test_a_form_whose_side_sheet_names_another_set_is_one_line_not_a_row_to_add_for_each_fact(tmp_path: Path):
    """QA67 F4: a self-evaluation form whose side sheet was changed to name national-framework gave 47 lines, each
    telling the clerk to add a row to 表外事实. The facts it lacks are one line, naming the count and the way out."""
    import openpyxl

    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)]).exit_code
    book = openpyxl.load_workbook(form)
    side = book["表外事实"]
    named = next(c for row in side.iter_rows() for c in row if c.value == "self-evaluation")
    named.value = "national-framework"
    side.cell(named.row, named.column + 1).value = load_indicator_set("national-framework").version  # its version too
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    errors = [line for line in run.output.splitlines() if line.startswith("错误")]
    assert 1 == run.exit_code and len(errors) <= 3, run.output
    assert "表上没有指标体系 national-framework 所需的" in errors[0] and "scoring-engine template national-framework" in errors[0]
    # nor are its side rows offered the other set's fact names (QA68 F3: "did you mean budget.total?" for budget.method)
    assert "是否想写" not in run.output and "事实 budget.method 没有在体系中声明，已忽略" in run.output, run.output


def test_a_form_read_with_another_set_says_so_once_when_it_fails(tmp_path: Path):
    """QA67 F4: a Hubei form read with --set self-evaluation printed "这张表是为指标体系 hubei-self-evaluation 填写的" twice,
    as a 提示 and again as the first 错误. It is said once, the first line (QA31 F2), the errors that follow after it."""
    form = tmp_path / "hb.xlsx"
    facts = ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)]).exit_code
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", "self-evaluation"])
    assert 1 == run.exit_code
    said = [line for line in run.output.splitlines() if "这张表是为指标体系 hubei-self-evaluation 填写的" in line]
    assert 1 == len(said) and said[0] == run.output.splitlines()[0], run.output
    assert any(line.startswith("错误") for line in run.output.splitlines()[1:]), run.output


def test_a_national_framework_form_read_with_self_evaluation_gets_the_one_line_that_says_so(tmp_path: Path):
    """QA67 F4: a national-framework form (its own indicators as rows) read with --set self-evaluation (a funds block and
    target rows) said that first, then five lines telling to fill self-evaluation's blank form instead: the forms are of
    two kinds, so the first line alone is said, as for a Sichuan form."""
    form = tmp_path / "nf.xlsx"
    facts = ROOT / "indicator_sets" / "national-framework.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)]).exit_code
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", "self-evaluation"])
    errors = [line for line in run.output.splitlines() if line.startswith("错误")]
    assert 1 == run.exit_code and 1 == len(errors), run.output
    assert "这张表是为指标体系 national-framework 填写的，这里却用 self-evaluation 读取" in errors[0]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_facts_skeleton_written_outside_its_sets_folder_names_no_path_score_would_refuse(tmp_path: Path, fmt: str):
    """QA75 F5: a skeleton written in another folder than its set named it '../sets/my-set.yaml', a path out of the facts
    file's folder, which score refuses. It names no set then, its YAML header (a JSON one's about, and the command's line)
    says to score it with --set and that path, and, filled in, it scores so."""
    import json

    import yaml

    (tmp_path / "sets").mkdir()
    (tmp_path / "work").mkdir()
    own = tmp_path / "sets" / "my-set.yaml"
    own.write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    skeleton = tmp_path / "work" / f"facts.{fmt}"
    run = CliRunner().invoke(main, ["template", str(own), "--format", fmt, "-o", str(skeleton)])
    assert 0 == run.exit_code, run.output
    text = skeleton.read_text(encoding="utf-8")
    document = (json.loads if fmt == "json" else yaml.safe_load)(text)
    assert "indicator_set" not in document
    if fmt == "yaml":  # the whole path: --set is read from wherever score is run (QA76 F7)
        assert f"`scoring-engine score 文件名 --set {own.resolve()}` 读取并评分" in text
    else:  # JSON has no comments: its about says so, as the command's line does for both (QA260 F4)
        assert f"未写指标体系：评分时用 scoring-engine score 文件名 --set {own.resolve()}" == document["about"]["用法"]
    assert f"未写指标体系：评分时用 scoring-engine score 文件名 --set {own.resolve()}" in \
        CliRunner().invoke(main, ["--lang", "zh", "template", str(own), "--format", fmt, "-o", str(skeleton)]).output
    document["facts"] = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))["facts"]
    document.pop("about", None)
    skeleton.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    scored = CliRunner().invoke(main, ["score", str(skeleton), "--set", str(own), "--format", "json"])
    assert 0 == scored.exit_code and 79.73 == json.loads(scored.stdout)["total"], scored.output


def test_a_form_of_a_provinces_own_set_is_told_to_use_that_sets_file_found_near_it(tmp_path: Path):
    """QA75 F1: a form filled in from the blank form of a province's profile was told "did you mean self-evaluation?"
    (another set, with other weights), and with --set self-evaluation to leave --set out, which gave the first error
    again. Both say to pass --set with the profile's file, found beside the form or in a folder above it."""
    profile = tmp_path / "province.yaml"
    profile.write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省方案\nversion: '1'\n",
                       encoding="utf-8")
    form = tmp_path / "单位" / "甲单位" / "自评表.xlsx"
    form.parent.mkdir(parents=True)
    assert 0 == CliRunner().invoke(main, ["template", str(profile), "-o", str(form)]).exit_code
    for extra in ([], ["--set", "self-evaluation"]):
        if not extra:  # a form recording the sha256 of the file it was written with is read with it (QA268 F3)
            from test_form_set_files import _without_side_rows

            _without_side_rows(form, "来源")
        run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), *extra])
        assert 1 == run.exit_code, run.output
        first = run.output.splitlines()[0]
        assert f"(pass --set {profile.as_posix()})" in first and "self-evaluation?" not in first, run.output
        assert "leave out --set" not in run.output


def test_the_provinces_set_is_found_however_the_forms_path_is_typed_and_among_many_forms(tmp_path: Path, monkeypatch):
    """QA76 F1, F2, F8: run from the form's own folder (`score 自评表.xlsx`) the profile two folders above was not looked
    for; beside 600 units' forms it was past the entries scanned and another province's bundled set was offered; the
    path offered was not quoted. Found either way, quoted for a shell; with no file near, no other set is offered."""
    folder = tmp_path / "with space"
    (folder / "单位" / "甲单位").mkdir(parents=True)
    profile = folder / "province.yaml"
    profile.write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省方案\nversion: '1'\n",
                       encoding="utf-8")
    form = folder / "单位" / "甲单位" / "自评表.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", str(profile), "-o", str(form)]).exit_code
    from test_form_set_files import _without_side_rows

    _without_side_rows(form, "来源")  # a form that does not record the file it was written with (QA268 F3)
    for i in range(600):
        (folder / f"表{i:03}.xlsx").write_bytes(b"")
    monkeypatch.chdir(form.parent)
    run = CliRunner().invoke(main, ["--lang", "en", "score", "自评表.xlsx"])
    assert f'(pass --set "{profile.as_posix()}")' in run.output, run.output  # double quotes, as cmd takes (QA214 11)
    profile.unlink()
    run = CliRunner().invoke(main, ["--lang", "en", "score", "自评表.xlsx"])
    assert "(pass --set with the file of the set province-self-evaluation)" in run.output, run.output


def test_a_facts_skeleton_of_a_set_in_a_folder_named_in_another_encoding_is_written_not_an_internal_error(tmp_path: Path):
    """QA76 F3: a set in a folder whose name is not UTF-8 (a USB disk written by an old system) made template fail with
    an internal error, writing that name into the skeleton. The skeleton names no set then, and says to use --set."""
    import os

    folder = os.path.join(os.fsencode(tmp_path), b"bad\xffdir")
    os.mkdir(folder)
    own = Path(os.fsdecode(os.path.join(folder, b"my.yaml")))
    own.write_bytes((ROOT / "examples" / "small" / "set.yaml").read_bytes())
    for fmt in ("yaml", "json"):
        skeleton = tmp_path / f"facts.{fmt}"
        run = CliRunner().invoke(main, ["template", str(own), "--format", fmt, "-o", str(skeleton)])
        assert 0 == run.exit_code, run.output
        assert "indicator_set" not in skeleton.read_text(encoding="utf-8")


def test_a_form_of_a_set_whose_id_extends_a_bundled_one_is_not_offered_that_one_and_dotdot_paths_find_its_file(
        tmp_path: Path, monkeypatch):
    """QA78 F1, F2: a bureau's set self-evaluation-v2 was offered "did you mean self-evaluation?", even when read with
    --set self-evaluation; and a form's path with .. missed the set file in a folder above it. A bundled id is offered
    only for a slip of it; the folders above the form are those of its real path."""
    from scoring_engine.forms.bases import how_to_read_with

    assert "did you mean" not in how_to_read_with("self-evaluation-v2", str(tmp_path / "x.xlsx"))
    assert "did you mean self-evaluation?" == how_to_read_with("self-evalution", str(tmp_path / "x.xlsx"))
    (tmp_path / "a" / "forms").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    (tmp_path / "v2.yaml").write_text("extends: self-evaluation\nid: self-evaluation-v2\nname: v2\nversion: '2'\n",
                                      encoding="utf-8")
    monkeypatch.chdir(tmp_path / "b")
    assert f"pass --set {(tmp_path / 'v2.yaml').as_posix()}" == how_to_read_with("self-evaluation-v2", "../a/forms/x.xlsx")


def test_a_row_that_lost_points_without_the_units_reason_is_said_under_the_form() -> None:
    """QA84 F2: the 自评表 (the default report of the self-evaluation sets) showed a row scored below its 分值 with an
    empty 偏差原因 cell, and the deduction nowhere. Under the form, each such row says why, as scored; a row whose unit
    wrote a reason keeps it in its cell, and one that lost nothing is not listed."""
    from dataclasses import replace

    indicator_set = load_indicator_set("self-evaluation")
    base = load_facts(resolve_set("self-evaluation").with_suffix(".facts.json"))
    rows = [dict(row) for row in base.values["targets"]["output"]]
    for said in ({}, {"reason": "无"}, {"reason": "—"}):  # no reason, or one that says none (QA85 F3)
        first = {key: value for key, value in rows[0].items() if key != "reason"} | {"actual": rows[0]["target"] / 2} | said
        facts = replace(base, values={**base.values, "targets": {**base.values["targets"], "output": [first, *rows[1:]]}})
        result = score(indicator_set, facts)
        text = render_layout(result, indicator_set, "markdown", "selfeval")
        assert isinstance(text, str)
        notes = [line for line in text.splitlines() if line.startswith("- 扣分：")]
        row = result.indicator("output").children[0]
        assert [f"- 扣分：{first['name']}：{row.reason}"] == notes, notes
    # a row the unit judged itself (its tier and 得分) is not listed, whatever its reason cell says (QA87 F4)
    judged = next(i for i, row in enumerate(rows) if row.get("tier"))
    rows[judged] = {**rows[judged], "score": rows[judged]["weight"] - 1, "reason": "无"}
    facts = replace(base, values={**base.values, "targets": {**base.values["targets"], "output": rows}})
    text = render_layout(score(indicator_set, facts), indicator_set, "markdown", "selfeval")
    assert isinstance(text, str) and "- 扣分：" not in text


def test_a_rescaled_form_at_0_decimals_reads_back_a_judgement_inside_its_tier(tmp_path: Path) -> None:
    """QA86 F1: at precision 0, with 满意度 不适用 rescaling 产出's rows, a qualitative row judged 15.5 of 19 prints 17 of
    21; read back it was 15 of 19 (17 × 19 ÷ 21 at 0 decimals), below its tier's 15.2, and the form the engine wrote was
    refused ('17 is outside [16.8, 21]'). The judgement read back gives 17 again and stays in its tier: the same result."""
    (tmp_path / "p.yaml").write_text("extends: self-evaluation\nid: p0\nname: 精度0\nversion: '1'\nprecision: 0\n"
                                     "change:\n  budget: {weight: 7, rescale: siblings}\n", encoding="utf-8")
    document = {"indicator_set": "p.yaml", "project": {"name": "往返"}, "not_applicable": {"satisfaction": "未设置"},
                "facts": {"budget": {"total": 100, "paid": 100}, "targets": {
                    "output": [{"id": "q", "name": "定性", "type": "qualitative", "weight": 19, "tier": "达成年度指标",
                                "score": 15.5, "reason": "基本达成"},
                               {"id": "n", "name": "数量", "type": "quantitative", "weight": 33, "target": 10, "actual": 10,
                                "unit": "个"}],
                    "benefit": [{"id": "b", "name": "效益", "type": "quantitative", "weight": 31, "target": 10, "actual": 10,
                                 "unit": "个"}],
                    "satisfaction": [{"id": "s", "name": "满意", "type": "quantitative", "weight": 10, "target": 0.9,
                                      "actual": 0.95}]}}}
    (tmp_path / "f.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    written = CliRunner().invoke(main, ["score", str(tmp_path / "f.json"), "-o", str(tmp_path / "form.xlsx")])
    assert 0 == written.exit_code, written.output
    again = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "form.xlsx"), "--set", str(tmp_path / "p.yaml")])
    # 7 + 16 + 33 + 31 = 87 of 90, converted at once: 97 (96 before QA339 F1, each score converted on its own)
    assert 0 == again.exit_code and "97 / 100" in again.stdout, again.output


def test_a_rescaled_form_reads_back_a_judgement_a_few_steps_from_the_exact_one(tmp_path: Path) -> None:
    """QA88 F1: on the bundled self-evaluation (precision 2), 预算 不适用, a row judged 2.3938 of 3 printed 2.66 of
    3.33; every judgement one step from the exact inverse fell out of its tier, and the form the engine wrote was
    refused ('6.2 is outside [4.68, 6.24)' on another). A judgement some steps off that gives the 得分 back and stays
    in its tier is found: the form reads back to the same total."""
    document = {"indicator_set": "self-evaluation", "project": {"name": "往返"}, "not_applicable": {"budget": "无预算"},
                "facts": {"budget": {"total": 100, "paid": 100}, "targets": {
                    "output": [{"id": "n", "name": "数量", "type": "quantitative", "weight": 50, "target": 10, "actual": 10,
                                "unit": "个"}],
                    "benefit": [{"id": "q", "name": "定性", "type": "qualitative", "weight": 3, "tier": "部分达成并具有一定效果",
                                 "score": 2.3938, "reason": "部分达成"},
                                {"id": "b", "name": "效益", "type": "quantitative", "weight": 27, "target": 10, "actual": 10,
                                 "unit": "个"}],
                    "satisfaction": [{"id": "s", "name": "满意", "type": "quantitative", "weight": 10, "target": 0.9,
                                      "actual": 0.95}]}}}
    (tmp_path / "f.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert 0 == CliRunner().invoke(main, ["score", str(tmp_path / "f.json"), "-o", str(tmp_path / "form.xlsx")]).exit_code
    again = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "form.xlsx")])
    # 50 + 2.39 + 27 + 10 = 89.39 of 90, converted at once: 99.32 (99.33 before QA339 F1)
    assert 0 == again.exit_code and "99.32 / 100" in again.stdout, again.output


def test_a_form_of_another_version_of_the_set_says_so_first(tmp_path: Path) -> None:
    """QA89 F1: last year's form (表外事实 names self-evaluation 2023) was scored with the bundled 1.0 without a word, and
    where the versions' weights differ the unit was told to change its 分值. A 提示 names both versions when it scores,
    and the same line comes first when it does not; a version retyped as the same number (1 for 1.0) is the same."""
    from conftest import ROOT, written_form

    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    line = "the form was written for version 2023 of the set self-evaluation, and is read here with its version 1.0"
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(written_form(facts, tmp_path / "a.xlsx",
                                                                             {"表外事实!C2": "2023"}))])
    assert 0 == run.exit_code and f"a.xlsx: {line}" in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(written_form(facts, tmp_path / "b.xlsx",
                                                                             {"表外事实!C2": "2023", "G13": 10}))])
    assert 1 == run.exit_code and run.output.startswith(f"error: {tmp_path / 'b.xlsx'}: {line}"), run.output
    for same in (1, "1.0版", " 1.0 版 "):  # retyped as a number by Excel, or with 版 after it
        run = CliRunner().invoke(main, ["--lang", "en", "score", str(written_form(facts, tmp_path / "c.xlsx",
                                                                                 {"表外事实!C2": same}))])
        assert 0 == run.exit_code and "was written for version" not in run.output, run.output
    # versions are text: a form of 1.1 read with 1.10 is another version (QA92 F4)
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    (tmp_path / "se.yaml").write_text(text.replace('version: "1.0"', 'version: "1.10"', 1), encoding="utf-8")
    form = written_form(facts, tmp_path / "d.xlsx", {"表外事实!C2": "1.1"})
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(tmp_path / "se.yaml")])
    assert "the form was written for version 1.1 of the set self-evaluation, and is read here with its version 1.10" \
        in run.output, run.output
    # a set whose own version ends in 版: its own forms name it so, and are its own (QA94 F1)
    (tmp_path / "se.yaml").write_text(text.replace('version: "1.0"', 'version: "2024版"', 1), encoding="utf-8")
    written = CliRunner().invoke(main, ["score", str(facts), "--set", str(tmp_path / "se.yaml"), "--layout", "selfeval",
                                        "-o", str(tmp_path / "e.xlsx")])
    assert 0 == written.exit_code, written.output
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "e.xlsx"), "--set", str(tmp_path / "se.yaml")])
    assert 0 == run.exit_code and "was written for version" not in run.output, run.output


def test_a_hidden_row_that_counts_is_said_by_its_row(tmp_path: Path) -> None:
    """QA89 F4: a clerk hides a superseded row rather than delete it; it was scored with no word, and a weight sum
    counting it did not say so. Each hidden row holding something is a 提示 naming it; empty hidden rows say nothing."""
    import openpyxl

    from conftest import ROOT, written_form

    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(form)
    book.worksheets[0].row_dimensions[14].hidden = True  # 每公里管网造价
    book.worksheets[0].row_dimensions[17].hidden = True  # an empty 二级 line
    book["表外事实"]["C3"] = "bands"  # budget.method, on the side sheet (QA92 F5)
    book["表外事实"].row_dimensions[3].hidden = True
    book.worksheets[0].column_dimensions["F"].hidden = True  # 实际完成值, and an empty column
    book.worksheets[0].column_dimensions["K"].hidden = True
    book.save(form)
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert 0 == run.exit_code, run.output
    fix = "(unhide it to check what it holds, and delete it if it no longer applies)"
    assert [line for line in run.output.splitlines() if "hidden" in line] == [
        f"warning: {form}: 项目支出绩效自评表!14:14: row 14 is hidden, and is read and scored as any other row {fix}",
        f"warning: {form}: 项目支出绩效自评表!F:F: column F is hidden, and is read and scored as any other column (unhide "
        "it to check what it holds)",
        f"warning: {form}: 表外事实!3:3: row 3 is hidden, and is read and scored as any other row {fix}"]


def test_forms_read_in_threads_at_once_leave_the_programs_warnings_as_they_were(tmp_path: Path):
    """An embedding program (a web service) that reads forms in several threads at once: openpyxl's warnings are
    silenced while a form is read, and four threads doing so together left the process ignoring every warning for
    good. The program's warning filters are afterwards what they were."""
    import sys
    import threading
    import warnings

    indicator_set, result = _scored(HOUSING)
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, indicator_set, "xlsx", "selfeval"))
    before = list(warnings.filters)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads take turns often, as they do under load
    try:
        threads = [threading.Thread(target=lambda: [read_form(form, indicator_set) for _ in range(8)]) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert before == warnings.filters


@pytest.mark.parametrize("name", ["合计", "总分", "总 分"])
def test_a_row_named_as_the_total_row_reads_back_as_a_row(tmp_path: Path, name: str) -> None:
    """QA132 F2: a 三级 row named 合计 (or 总分) was taken for the form's total row, wherever its cell was: the form the
    engine wrote read back with every group after it 'not on the form'. The total is looked for in the 一级 column
    and left of it, where the form prints it."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][0]["name"] = name
    (tmp_path / "f.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "f.xlsx"
    written = CliRunner().invoke(main, ["score", str(tmp_path / "f.json"), "--set", "self-evaluation", "--layout",
                                        "selfeval", "--format", "xlsx", "-o", str(form)])
    assert 0 == written.exit_code, written.output
    facts = CliRunner().invoke(main, ["score", str(tmp_path / "f.json"), "--set", "self-evaluation", "--format", "json"])
    read = CliRunner().invoke(main, ["score", str(form), "--set", "self-evaluation", "--format", "json"])
    assert 0 == read.exit_code, read.output
    assert json.loads(facts.output)["total"] == json.loads(read.output)["total"]


_SIGNED = {"A31": "填表人：张三", "D31": "联系电话：12345678", "G31": "填表日期：2024年3月1日"}  # under the table (总分 is row 28)


@pytest.mark.parametrize(("facts", "column", "word", "typed"), [
    ("self-evaluation", "B", "合计", {}), ("self-evaluation", "C", "合计", {}), ("self-evaluation", "D", "合计", {}),
    ("self-evaluation", "E", "合计", {}), ("self-evaluation", "F", "总分", {}), ("sichuan-self-evaluation", "D", "合计", {}),
    ("sichuan-self-evaluation", "H", "自评总分", {}),
    ("self-evaluation", "D", "合计", {"E{total}": "—", "F{total}": "—"}),
    ("self-evaluation", "D", "合计", {"E{total}": "/", "F{total}": "/"}),
    ("self-evaluation", "C", "合计", {"E{total}": "—", "F{total}": "-"}),
    ("self-evaluation", "D", "合计", {"D31": "联系电话：12345678"}), ("self-evaluation", "C", "合计", _SIGNED),
    ("sichuan-self-evaluation", "D", "合计", {"F{total}": "—", "H{total}": "—"}),
    ("self-evaluation", "D", "合计", {"A31": "填表人：张三", "D31": "联系电话", "G31": 13800138000}),
    ("self-evaluation", "D", "合计", {"A31": "填表人：张三", "D31": "联系电话", "G31": "13800138000"}),
    ("self-evaluation", "C", "合计", {"D31": "填表日期", "G31": 20240301})])
def test_a_total_row_unmerged_and_labelled_in_another_column_is_still_the_total_row(
        tmp_path: Path, facts: str, column: str, word: str, typed: dict[str, object]) -> None:
    """QA133 F3: a clerk who unmerged the 总分 row and typed 合计 in its 二级, 三级 or a later column (B28..F28) had the
    row read as a 三级 row named 合计, and the form refused ("rows' weights add up to 110", "the 三级指标 is empty, but
    the row has 分值, 得分"); such forms read before QA132 F2. With no total word in the 一级 column or left of it, the
    total row is the first row holding one and no 三级 name, 年度指标值 or 实际完成值 beside it, below the last 三级 row.
    QA136 F3: the same row with "—" or "/" in its 年度指标值 and 实际完成值 (as the form writes in unused cells), or with a
    signature line under the table (联系电话 in the 三级 column, D31), was still refused: a placeholder is nothing, and
    the last 三级 row is one with its 分值. QA137 F7: a phone number (or a date typed as a number) in the 分值 column of
    that signature line (G31) still made it the last 三级 row, and the form was refused as "rows' weights add up to
    13800138110": a 分值 no row can weigh (above the set's total) is none."""
    from openpyxl import load_workbook

    from conftest import written_form

    base = ROOT / "indicator_sets" / f"{facts}.facts.json"
    form = written_form(base, tmp_path / "f.xlsx")
    book = load_workbook(form)
    sheet = book.worksheets[0]
    total = next(c for c in sheet["A"] if c.value == "总分")
    sheet.unmerge_cells(next(str(m) for m in sheet.merged_cells.ranges if m.min_row == total.row and m.min_col == 1))
    total.value = None
    sheet[f"{column}{total.row}"] = word
    for ref, value in typed.items():
        sheet[ref.format(total=total.row)] = value
    book.save(form)
    expected = CliRunner().invoke(main, ["score", str(base), "--format", "json"])
    read = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", facts, "--format", "json"])
    assert 0 == read.exit_code, read.output
    assert json.loads(expected.output)["total"] == json.loads(read.output)["total"]


@pytest.mark.parametrize("placeholder", ["—", "-", "/", "——", "－", "／"])  # the last three: QA140 F4
def test_the_forms_own_dash_in_an_unused_category_row_is_no_value(tmp_path: Path, placeholder: str) -> None:
    """QA137 F8: "—" (or "-", "/"), which the form itself prints in unused cells, in the 年度指标值, 实际完成值, 分值 and
    得分 cells of a 二级 category row with no 三级 name (服务对象满意度指标, row 27) was read as the row having values,
    and the form was refused ("the 三级指标 is empty, but the row has 年度指标值, 实际完成值"). It reads back."""
    from openpyxl import load_workbook

    from conftest import written_form

    base = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    form = written_form(base, tmp_path / "f.xlsx")
    book = load_workbook(form)
    sheet = book.worksheets[0]
    heading = next(c.row for c in sheet["D"] if c.value == "三级指标")
    total = next(c.row for c in sheet["A"] if c.value == "总分")
    unused = [r for r in range(heading + 1, total) if sheet[f"C{r}"].value and not sheet[f"D{r}"].value]
    assert unused
    for r in unused:
        for col in "EFGH":
            sheet[f"{col}{r}"] = placeholder
    book.save(form)
    expected = CliRunner().invoke(main, ["score", str(base), "--format", "json"])
    read = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", "self-evaluation", "--format", "json"])
    assert 0 == read.exit_code, read.output
    assert json.loads(expected.output)["total"] == json.loads(read.output)["total"]


@pytest.mark.parametrize("year", ["2021年", "2021年度", "FY2021", " 2021 ", 2021.0, "二〇二一"])
def test_a_year_written_as_clerks_write_it_is_printed_once_and_read_back(tmp_path: Path, year: object) -> None:
    """QA154 F2: project.year '2021年' printed the title （2021年年度）, which the form's reader could not read: scored
    back, the form lost its year (a re-check is matched by it). The title says （2021年度）, and the year is read back."""
    facts = json.loads((ROOT / "examples" / "resettlement-housing" / "facts.json").read_text(encoding="utf-8"))
    facts["project"]["year"] = year
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    run = CliRunner().invoke(main, ["score", str(tmp_path / "facts.json"), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    imported = read_form(form, load_indicator_set(resolve_set("self-evaluation")))
    assert 2021 == imported.facts.project["year"] and not imported.warnings, imported.warnings


def test_a_capped_total_on_the_form_says_what_the_scores_add_up_to(tmp_path: Path) -> None:
    """QA255 M2: under a total cap the 自评表's 总分 row printed 59.00 under 得分 adding up to 100.00, the cap said only in
    the notes below. The cell beside 总分 says the scores' sum and the capped total; the form reads back without a word."""
    import json

    import openpyxl
    from click.testing import CliRunner

    from scoring_engine.cli import main

    (tmp_path / "capped.yaml").write_text("extends: self-evaluation\nid: capped-selfeval\nversion: '1'\nfacts:\n"
                                          "  fraud: {type: boolean, default: false}\ncaps:\n"
                                          "  - {when: fraud, total_at_most: 59, message: 存在虚报冒领}\n", encoding="utf-8")
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"], facts["facts"]["fraud"] = "capped.yaml", True
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(tmp_path / "facts.json"), "--layout", "selfeval", "-o", str(form)]).exit_code
    total = next(row for row in openpyxl.load_workbook(form).worksheets[0].iter_rows(values_only=True) if row[0] == "总分")
    assert (59, "各项得分合计100.00分，封顶后总分59.00分") == (total[-2], total[-1]), total
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(tmp_path / "capped.yaml")])
    assert 0 == run.exit_code and "59.00 / 100" in run.output, run.output
    assert not any(line.startswith("warning") for line in run.output.splitlines()), run.output


def test_the_printed_forms_side_sheet_writes_findings_and_judgements_as_a_clerk_types_them(tmp_path: Path):
    """QA284 F7: the printed (filled) form wrote a findings cell as [] or [{"text": …, "points": 2}, …] and a tier as
    {"tier": …}, where the blank form teaches one finding a line and 档次，得分，理由. It writes them so, and the form
    scores back to the same result; findings with points of their own beside text stay JSON (read back otherwise:
    QA289 F9)."""
    import json

    from openpyxl import load_workbook

    from scoring_engine.facts import Facts

    indicator_set = load_indicator_set("national-framework")
    base = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    values = json.loads(json.dumps(base.values, default=str))
    values["findings"] = values.get("findings", {})
    values["process"]["compliance_findings"] = ["未附发票2笔", "超标准列支会议费"]
    facts = Facts(values=values, project=base.project)
    expected = score(indicator_set, facts)
    form = tmp_path / "printed.xlsx"
    form.write_bytes(render_layout(expected, indicator_set, "xlsx", "selfeval"))
    side = load_workbook(form)["表外事实"]
    cells = {side.cell(row, 2).value: side.cell(row, 3).value for row in range(1, side.max_row + 1)}
    assert "未附发票2笔\n超标准列支会议费" == cells["process.compliance_findings"]
    assert "无" == cells["process.rules.defects"]
    assert cells["benefit.social"].startswith("达成年度指标，6分，")
    again = score(indicator_set, read_form(form, indicator_set).facts)
    assert (expected.total, [i.score for i in expected.walk()]) == (again.total, [i.score for i in again.walk()])
