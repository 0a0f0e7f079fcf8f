"""A form layout file (scoring_engine/forms/layouts/) checked as a set is: each mistake a province can make in its own
自评表 layout is an error at the layout file's line, with a fix, in English and Chinese (QA129 F1–F3)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from scoring_engine._zh import translate
from scoring_engine.cli import main
from scoring_engine.errors import IndicatorSetError
from scoring_engine.forms import layout as layout_module
from scoring_engine.forms.layout import FIELDS, FUNDS_COLUMNS, INDICATOR_COLUMNS, form_layout, form_layouts
from scoring_engine.reports._xlsx_text import sheet_name

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = (ROOT / "scoring_engine" / "forms" / "layouts" / "selfeval.yaml").read_text(encoding="utf-8")


def _every_layout_loads() -> None:
    """What tests/test_forms.py's test_every_bundled_form_layout_loads asserts of the layouts folder."""
    for layout_id in form_layouts():
        assert layout_id == form_layout(layout_id).id


def _edit(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)
    return edit


def _drop_funds(text: str) -> str:
    return re.sub(r"^funds:.*?(?=^goals:)", "", text, flags=re.S | re.M)


# (name, edit of the national layout, what the problem says, the line it is on: the line of the text named, or 1)
BROKEN = [
    ("badkey", _edit("{key: target, label", "{key: targett, label"), "did you mean target?", "key: targett"),
    ("tab", _edit("  columns:\n    - {key: level1", "\t  columns:\n    - {key: level1"), "a tab", "\t  columns"),
    ("noweight", _edit("    - {key: weight, label: 分值, also: [权重]}\n", ""), "indicator block has no weight column",
     "  columns:\n    - {key: level1"),
    ("noactual", _edit("    - {key: actual, label: 实际完成值, also: [完成值, 全年实际值, 实际值]}\n", ""),
     "no actual or actual_value column", "  columns:\n    - {key: level1"),
    ("nolevel3", _edit("    - {key: level3, label: 三级指标}\n", ""), "no level3 column", "  columns:\n    - {key: level1"),
    ("duplabel", _edit("{key: score, label: 得分, also: [自评得分]}", "{key: score, label: 分值}"), "label 分值 is used twice",
     "{key: score, label: 分值}"),
    ("emptylabel", _edit("{key: actual, label: 实际完成值", "{key: actual, label: ''"), "label must not be empty", "label: ''"),
    ("spacelabel", _edit("{key: actual, label: 实际完成值", "{key: actual, label: '  '"), "only spaces", "label: '  '"),
    ("funds_dupcol", _edit("{key: rate, label: 执行率", "{key: paid, label: 执行率"), "key paid is used twice in funds.columns",
     "{key: paid, label: 执行率"),
    ("duprow", _edit("{key: other, label: 其他资金}", "{key: fiscal, label: 其他资金}"), "key fiscal is used twice",
     "{key: fiscal, label: 其他资金}"),
    ("dupkey", _edit("    - {key: reason", "    - {key: score, label: 自评分}\n    - {key: reason"), "key score is used twice",
     "自评分"),
    ("target_and_value", _edit("    - {key: reason", "    - {key: target_value, label: 目标值}\n    - {key: reason"),
     "both hold the row's target", "label: 目标值}"),
    ("value_no_sign", _edit("{key: target, label: 年度指标值", "{key: target_value, label: 年度指标值"),
     "no comparison column", "key: target_value"),  # QA131 F2: every ≤ lost, a cost row read back as ≥
    ("value_no_unit", _edit("{key: target, label: 年度指标值", "{key: comparison, label: 指标性质}\n"
                                                            "    - {key: target_value, label: 年度指标值"),
     "column target_value has no unit column", "key: target_value"),  # QA132 F4: 100 printed without 万元
    ("badfield", _edit("field: department", "field: departmnt"), "did you mean department?", "departmnt"),
    ("dupfield", _edit("field: unit}", "field: department}"), "project field department is shown twice",
     "{label: 实施单位"),
    ("dupyamlkey", lambda t: t + "title: 另一个标题\n", "duplicate key 'title'", "title: 另一个标题"),
    ("anchor", lambda t: t.replace("closing: []", "closing: &a []"), "anchor &a", "closing: &a"),
    ("unknownblock", lambda t: t + "signature: []\n", "unknown key 'signature'", "signature:"),
    ("measures", _edit("    - {key: reason", "    - {key: measures, label: 改进措施}\n    - {key: reason"),
     "key is text 'measures'", "改进措施"),
    ("dupskeleton", _edit("[服务对象满意度指标]", "[服务对象满意度指标, 服务对象满意度指标]"), "服务对象满意度指标 is used twice",
     "满意度指标:"),
    ("nofunds", _drop_funds, "missing key 'funds'", "id:"),
    ("idmismatch", _edit("id: selfeval\n", "id: selfeval-other\n"), "is not its file's name", "id: selfeval-other"),
    ("subtitle", _edit("（{year}年度）", "（{yaer}年度）"), "placeholder other than {year}", "subtitle:"),
    # QA131 F3: only the bare {year} ({year.real} was exit 3; {year[0]} printed 2; {year!r} '2024'; {year:>30} padded it)
    *[(f"subtitle_{i}", _edit("（{year}年度）", f"（{field}年度）"), "placeholder other than {year}", "subtitle:")
      for i, field in enumerate(("{year.real}", "{year[0]}", "{year!r}", "{year:>30}", "{{year}}"))],
    # QA131 F5: a year the form prints where the reader does not find it (the form read back had no year)
    ("subtitle_unread", _edit("（{year}年度）", "评价年度：{year}"), "does not print the year", "subtitle:"),
    # QA131 F4: a block wider than the indicator block and its label was cut from the html, markdown and csv forms
    ("wide_funds", lambda t: _edit("    - {key: reason, label: 偏差原因分析及改进措施, also: [偏差原因分析, 未完成原因分析]}\n", "")(
        _edit("    - {key: score, label: 得分}\n", "    - {key: score, label: 得分}\n    - {key: reason, label: 偏差原因}\n")(t)),
     "block funds.columns needs 9 columns, and the form is 8 wide", "  columns:\n    - {key: initial"),
    ("wide_header", _edit("  - [{label: 项目名称, field: name}]\n  - [{label: 主管部门, field: department}, {label: 实施单位, field: unit}]",
                          "  - [{label: 项目名称, field: name}, {label: 主管部门, field: department}, {label: 实施单位, field: unit}, "
                          "{label: 评价结论, field: conclusion}, {label: 存在问题, field: problems}]"),
     "block header.0 needs 10 columns, and the form is 9 wide", "  - [{label: 项目名称"),
    # QA131 F5: labels nobody sees, a blank also: wording or skeleton label (the form written was not read back)
    ("zwsp_label", _edit("{key: level3, label: 三级指标}", "{key: level3, label: \"三级\\u200b指标\"}"),
     "invisible character U+200B", "三级\\u200b"),
    ("rtl_label", _edit("{key: level3, label: 三级指标}", "{key: level3, label: \"\\u202e三级指标\"}"),
     "invisible character U+202E", "\\u202e"),
    # QA132 F5: a Hangul filler, the grapheme joiner and a variation selector print as nothing too
    ("filler_label", _edit("{key: level3, label: 三级指标}", "{key: level3, label: \"三级\\u3164指标\"}"),
     "invisible character U+3164", "三级\\u3164"),
    ("joiner_label", _edit("{key: level3, label: 三级指标}", "{key: level3, label: \"三级\\u034f指标\"}"),
     "invisible character U+034F", "三级\\u034f"),
    ("selector_label", _edit("{key: level3, label: 三级指标}", "{key: level3, label: \"三级\\ufe0f指标\"}"),
     "invisible character U+FE0F", "三级\\ufe0f"),
    ("space_also", _edit("also: [权重]", "also: [' ']"), "only spaces", "also: [' ']"),
    ("space_skeleton", _edit("[服务对象满意度指标]", "[服务对象满意度指标, '  ']"), "only spaces", "满意度指标: ["),
    ("empty_skeleton_key", _edit("    满意度指标: [", "    '': ["), "only spaces", "    '': ["),
    ("empty", lambda t: "", "the file is empty", None),
]


def _written(folder: Path, name: str, edit) -> tuple[str, str]:
    """The national layout, edited, as the layout `selfeval-NAME` in `folder`; (its id, its text)."""
    layout_id = f"selfeval-{name}"
    text = edit(NATIONAL) if name == "idmismatch" else edit(NATIONAL.replace("id: selfeval\n", f"id: {layout_id}\n"))
    (folder / f"{layout_id}.yaml").write_text(text, encoding="utf-8")
    return layout_id, text


@pytest.fixture
def layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A layouts folder of this test's own, in place of the bundled one for the test alone (layouts are cached by file)."""
    folder = tmp_path / "layouts"
    folder.mkdir()
    (folder / "selfeval.yaml").write_text(NATIONAL, encoding="utf-8")
    monkeypatch.setattr(layout_module, "_FOLDER", folder)
    return folder


def _province(layouts: Path, layout_id: str) -> Path:
    """A profile of self-evaluation whose form is the layout `layout_id`."""
    profile = layouts.parent / "province.yaml"
    profile.write_text("extends: self-evaluation\nid: province\nname: 某省自评\nversion: '1'\nform:\n"
                       f"  layout: {layout_id}\n  funds:\n    indicator: budget\n    rows:\n"
                       "      total: {initial: budget.initial, budget: budget.total, paid: budget.paid}\n"
                       "  targets: {output: 产出指标, benefit: 效益指标, satisfaction: 满意度指标}\n", encoding="utf-8")
    return profile


def _round_trip(layouts: Path, layout_id: str) -> tuple[dict, dict]:
    """The self-evaluation facts scored under a profile on the layout, its xlsx form written and scored back: (the
    facts' result, the form's)."""
    profile, form = _province(layouts, layout_id), layouts.parent / "form.xlsx"
    facts = str(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    written = CliRunner().invoke(main, ["score", facts, "--set", str(profile), "--layout", "selfeval", "--format", "xlsx",
                                        "-o", str(form)])
    assert 0 == written.exit_code, written.output
    runs = [CliRunner().invoke(main, ["score", path, "--set", str(profile), "--format", "json"]) for path in (facts, str(form))]
    assert [0, 0] == [run.exit_code for run in runs], runs[1].output
    return json.loads(runs[0].output), json.loads(runs[1].output)


@pytest.mark.parametrize("name,edit,said,line_of", BROKEN, ids=[case[0] for case in BROKEN])
def test_a_broken_layout_is_an_error_at_its_line_with_a_fix_in_english_and_chinese(layouts: Path, name, edit, said, line_of):
    """QA129 F1–F3: each mistake in a layout file (a YAML slip, a missing or unknown block, key or field, a key or label
    given twice, a duplicate YAML key, an anchor, an id not the file's name) is an IndicatorSetError at the layout file's
    line, so that the test loading every bundled layout fails on it; its message and hint have Chinese entries."""
    layout_id, text = _written(layouts, name, edit)
    with pytest.raises(IndicatorSetError) as caught:
        _every_layout_loads()
    problem = next(p for p in caught.value.problems if said in p.message or said in (p.hint or ""))
    assert problem.file is not None and problem.file.endswith(f"{layout_id}.yaml")
    expected = 1 if line_of is None else text[:text.index(line_of)].count("\n") + 1
    assert problem.line == expected, str(problem)
    for words in (problem.message, problem.hint):
        if words and not words.startswith(("duplicate key", "anchor", "a tab", "the file is empty")):  # the reader's own
            assert re.search(r"[\u4e00-\u9fff]", translate(words).replace(words, "")), words


def test_the_national_layout_edited_to_nothing_wrong_loads(layouts: Path):
    """The tests above break a layout that otherwise loads: a copy of the national one under another id."""
    _written(layouts, "copy", lambda t: t)
    _every_layout_loads()


def test_a_set_naming_a_broken_layout_says_so_at_its_form_layout_line_and_gives_the_layouts_problems(layouts: Path):
    """QA129 F1: not 'unknown form layout X (did you mean X?)' but the set's line, then the layout file's own problems,
    exit 1 as any invalid set, in Chinese under a Chinese run."""
    layout_id, text = _written(layouts, "badkey", BROKEN[0][1])
    line = text[:text.index("key: targett")].count("\n") + 1
    profile = _province(layouts, layout_id)
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(profile)])
    lines = run.output.splitlines()
    assert 1 == run.exit_code and "did you mean" not in lines[0], run.output
    assert "province.yaml:6:11" in lines[0] and f"表格版式 {layout_id} 有 1 处问题" in lines[0], run.output
    assert f"{layout_id}.yaml:{line}:" in lines[1] and "targett" in lines[1] and "是否想写 target？" in lines[1], run.output


def test_the_layout_schema_knows_the_engines_column_keys_and_fields():
    """schemas/form-layout.schema.json allows exactly the keys and fields the engine writes and reads (QA129 F6)."""
    schema = json.loads((ROOT / "schemas" / "form-layout.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert tuple(schema["funds_column"]["properties"]["key"]["enum"]) == FUNDS_COLUMNS
    assert tuple(schema["indicator_column"]["properties"]["key"]["enum"]) == INDICATOR_COLUMNS
    assert tuple(schema["field"]["properties"]["field"]["enum"]) == FIELDS


def _docs_example(layouts: Path) -> None:
    """The example layout in docs/reports.md (Form layouts), in the layouts folder as selfeval-example."""
    doc = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    section = doc.split("## Form layouts", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (layouts / "selfeval-example.yaml").write_text(example, encoding="utf-8")


def test_the_layout_reports_md_shows_loads(layouts: Path):
    """The example layout in docs/reports.md (Form layouts) is one the engine loads (QA129 F6)."""
    _docs_example(layouts)
    assert "selfeval-example" == form_layout("selfeval-example").id


def test_a_form_of_a_provinces_own_layout_read_with_another_set_gets_that_line_alone_not_its_defaults(layouts: Path):
    """QA138 F2: a form of the example set of indicator-sets.md on the example layout of reports.md (a 指标性质 column, no
    年初预算数: a province's own set and layout, not bundled) read with --set self-evaluation got, after the line naming
    its set, two warnings that self-evaluation's budget.base and budget.method took their defaults: facts of a set the
    form was not written for. The forms are of two layouts, so the line is said alone (docs/reports.md), by score and
    by batch, in English and Chinese."""
    _docs_example(layouts)
    doc = (ROOT / "docs" / "indicator-sets.md").read_text(encoding="utf-8")
    example = "id: example-form\n" + doc.split("```yaml\nid: example-form\n", 1)[1].split("```", 1)[0]
    (layouts.parent / "exl.yaml").write_text(example.replace("  layout: selfeval\n", "  layout: selfeval-example\n").replace(
        "{initial: budget.initial, budget: budget.total, paid: budget.paid}", "{budget: budget.total, paid: budget.paid}"),
        encoding="utf-8")
    rows = [{"category": "数量指标", "name": "建设栋数", "comparison": "≥", "weight": 45, "target": 19, "actual": 18, "unit": "栋",
             "reason": "一栋未完工"}, {"category": "质量指标", "name": "验收合格率", "comparison": "≥", "weight": 45,
                                     "target": "100%", "actual": "100%", "unit": "%"}]
    facts = {"indicator_set": "exl.yaml", "project": {"name": "测试项目", "unit": "某单位", "year": 2024},
             "facts": {"budget": {"total": 100, "paid": 95}, "targets": {"output": rows}}}
    (layouts.parent / "exl.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    form = layouts.parent / "form.xlsx"
    written = CliRunner().invoke(main, ["score", str(layouts.parent / "exl.json"), "--format", "xlsx", "-o", str(form)])
    assert 0 == written.exit_code, written.output
    for lang, line in (("en", "the form was written for the set example-form, and is read here with self-evaluation"),
                       ("zh", "这张表是为指标体系 example-form 填写的，这里却用 self-evaluation 读取")):
        for command in (["score", str(form)], ["batch", str(form), "--jobs", "1", "-q"]):
            run = CliRunner().invoke(main, ["--lang", lang, *command, "--set", "self-evaluation"])
            assert 1 == run.exit_code, run.output
            assert 1 == len(run.stderr.splitlines()) and line in run.stderr, (lang, command[0], run.stderr)


def test_a_layout_with_score_before_weight_writes_a_form_that_scores_back(layouts: Path):
    """QA131 F1: 得分 printed before 分值 (as the docs allow) wrote no xlsx form (exit 3: the 总分 label's merge swallowed
    the 得分 cell); the total row now spans its label up to whichever comes first, and the form scores as its facts."""
    swap = _edit("    - {key: weight, label: 分值, also: [权重]}\n    - {key: score, label: 得分, also: [自评得分]}\n",
                 "    - {key: score, label: 得分, also: [自评得分]}\n    - {key: weight, label: 分值, also: [权重]}\n")
    layout_id, _ = _written(layouts, "swapped", swap)
    facts, form = _round_trip(layouts, layout_id)
    assert (facts["total"], facts["grade"]) == (form["total"], form["grade"])


def _sheet_names(workbook: Path) -> list[str]:
    """The sheet names a workbook's xl/workbook.xml gives, as Excel reads them."""
    with zipfile.ZipFile(workbook) as archive:
        return re.findall(r'<sheet [^>]*name="([^"]*)"', archive.read("xl/workbook.xml").decode())


def _excel_takes(names: list[str]) -> bool:
    """Whether Excel opens a workbook of sheets so named: none of / \\ ? * : [ ], no ' at either end, at most 31 UTF-16
    units, not empty nor History, no two alike but for letter case."""
    return len({n.casefold() for n in names}) == len(names) and all(
        n and not set(n) & set("/\\?*:[]") and n[0] != "'" and n[-1] != "'" and len(n.encode("utf-16-le")) <= 62
        and n.casefold() != "history" for n in names)


TITLES = ["附件1: 项目支出绩效自评表", "项目支出绩效自评表（2024/试行）", "项目支出绩效自评表[试行]", "'项目支出绩效自评表'", "表外事实",
          "项目支出绩效自评表（某省某市某县某乡镇农村饮水安全巩固提升工程专项资金适用?*）", "History", "评分表"]


@pytest.mark.parametrize("title", TITLES)
def test_a_layout_titled_with_what_excel_refuses_in_a_sheet_name_writes_forms_that_score_back(layouts: Path, title: str):
    """QA192 F1: a layout whose title held a character Excel refuses in a sheet name (附件1: …, （2024/试行）, [试行]) made
    every xlsx writer fail (exit 3: template, score -o form.xlsx, batch --reports with xlsx reports, which stopped the
    whole batch); one starting or ending with ' was written as a name Excel does not take; one named 表外事实 took the
    side sheet's name. The form sheet is now named safely (：for :, no ' at the ends, 31 units, never the side sheet's
    name), the title on the form unchanged, and template, score and batch write forms that score back as their facts."""
    layout_id, _ = _written(layouts, "titled", _edit("title: 项目支出绩效自评表\n", f"title: {json.dumps(title)}\n"))
    facts, form = _round_trip(layouts, layout_id)
    assert (facts["total"], facts["grade"]) == (form["total"], form["grade"])
    written = layouts.parent / "form.xlsx"
    names = _sheet_names(written)
    assert _excel_takes(names) and "表外事实" == names[1], names
    assert title == load_workbook(written).worksheets[0]["A1"].value
    profile, blank = _province(layouts, layout_id), layouts.parent / "blank.xlsx"
    run = CliRunner().invoke(main, ["template", str(profile), "--format", "xlsx", "-o", str(blank)])
    assert 0 == run.exit_code and _excel_takes(_sheet_names(blank)), run.output
    facts_file, reports = layouts.parent / "p.json", layouts.parent / "reports"
    facts_file.write_text((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"), encoding="utf-8")
    run = CliRunner().invoke(main, ["batch", str(facts_file), "--set", str(profile), "--jobs", "1", "-q", "--reports",
                                    str(reports), "--report-format", "xlsx", "--output", str(layouts.parent / "all.csv")])
    assert 0 == run.exit_code and (layouts.parent / "all.csv").exists(), run.output
    [report] = reports.glob("*.xlsx")
    assert _excel_takes(_sheet_names(report)), _sheet_names(report)


def test_a_sheet_name_is_made_from_any_text_as_excel_takes_it():
    """QA192 F1: the one function every sheet name built from text goes through gives names Excel opens."""
    texts = ["a:b", "'x'", "''", " ' ", "\n", "𠀀" * 20, "a" * 30 + "'b", "[" * 40, "表\n外", "HISTORY", "x" * 31]
    names = [sheet_name(text, [], "自评表") for text in texts]
    assert all(_excel_takes([name]) for name in names), names
    assert ["a：b", "x", "自评表", "自评表", "自评表", "𠀀" * 15, "a" * 30, "［" * 31, "表 外", "HISTORY（2）", "x" * 31] == names
    taken = ["X" * 31]
    assert _excel_takes([*taken, sheet_name("x" * 31, taken)])
