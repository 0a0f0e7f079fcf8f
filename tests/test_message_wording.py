"""Messages a clerk reads: Chinese throughout, no Python reprs or type names, long texts cut, cells named (QA round 19)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from example_sets import number_rows, one_row_group
from scoring_engine.cli import main


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args))
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _self_evaluation(tmp_path: Path, change) -> Path:
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    change(document["facts"])
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _small(tmp_path: Path, change) -> Path:
    shutil.copy(ROOT / "examples" / "small" / "set.yaml", tmp_path / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    change(document["facts"])
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_row_field_of_the_wrong_kind_is_named_in_words_not_as_a_python_type_or_repr(tmp_path: Path) -> None:
    """A row's name given as a mapping was shown as "第 1 行（{'人数': Decimal('0.9')}）", a weight given as a list as
    "实际是 list". The row is named by its number and the kind in Chinese words."""
    def name_mapping(facts: dict) -> None:
        facts["targets"]["benefit"][0]["name"] = {"人数": 0.9}

    def weight_list(facts: dict) -> None:
        facts["targets"]["benefit"][0]["weight"] = [15]

    code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, name_mapping)))
    assert code == 1 and "第 1 行：name 应为非空文字" in out and "Decimal" not in out and "{" not in out
    code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, weight_list)))
    assert code == 1 and "weight 应为数字或非空文字，实际是列表" in out
    code, out = _run("--lang", "en", "score", str(_self_evaluation(tmp_path, weight_list)))
    assert "got a list" in out


def test_a_judgement_or_findings_fact_of_the_wrong_kind_is_named_in_chinese_words(tmp_path: Path) -> None:
    """A judgement fact given as true said "应为对象 {score: …, reason: …}，实际是 bool"; findings given as a mapping
    "实际是 dict". The kinds are 是/否值 and 一组“名称: 值”, never 映射, a word of programmers (QA263 F5)."""
    def judgement_bool(facts: dict) -> None:
        facts["decision"]["budget_judgement"] = True

    def findings_mapping(facts: dict) -> None:
        facts["findings"]["compliance"] = {"a": 1}

    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, judgement_bool)))
    assert code == 1 and "实际是是/否值" in out and "bool" not in out
    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, findings_mapping)))
    assert code == 1 and "实际是一组“名称: 值”" in out and "dict" not in out and "映射" not in out  # (QA263 F5)


def _form_with(tmp_path: Path, **cells: object) -> Path:
    """The self-evaluation form of the bundled facts, with the given cells of its form sheet changed."""
    import openpyxl

    form = tmp_path / "form.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == _run("score", str(facts), "--layout", "selfeval", "-o", str(form))[0]
    book = openpyxl.load_workbook(form)
    for cell, value in cells.items():
        book.worksheets[0][cell] = value
    book.save(form)
    return form


def test_an_out_of_range_number_in_a_target_or_weight_cell_names_that_cell(tmp_path: Path) -> None:
    """1e308 typed in a row's 年度指标值 (E13) or 分值 (G13) named no cell, then the whole row B13–I13; 1e30 in a cell of
    公里 was echoed with its 31 digits. The cell is named, with its column's label, and the number written short."""
    sheet = "项目支出绩效自评表"
    for cell, label in (("E13", "年度指标值"), ("G13", "分值")):
        code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, **{cell: 1e308})))
        assert code == 1 and f"{sheet}!{cell}：" in out and f"{label} 1E+308 超出范围" in out, out
        assert "B13–I13" not in out
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, F13=1e30)))
    assert code == 1 and f"{sheet}!F13：" in out and "实际完成值 '1E+30公里' 超出范围" in out, out


def test_a_long_cell_text_is_cut_in_the_message_which_stays_chinese(tmp_path: Path) -> None:
    """A 实际完成值 cell of 32 767 x's was echoed whole, and from 5 000 characters on the line turned half English
    ('must be a number for a numeric target, got text'); a 6 000-character row name filled 18 000 characters. Both are
    cut after 40 characters, and the line is Chinese."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, F13="x" * 32767)))
    assert code == 1 and f"实际是文字 '{'x' * 40}…'（写达到的值" in out and len(out) < 400, out[:300]
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, D13="名" * 6000, F13="abc")))
    assert code == 1 and f"行 {'名' * 40}…：实际完成值应为数字" in out and len(out) < 400, out[:300]


def test_the_line_saying_a_report_was_written_uses_a_full_width_colon_in_chinese(tmp_path: Path) -> None:
    """`score -o FILE` said "FILE: 100.00 优秀" while template, import and batch say "FILE：…": now "FILE：100.00 优秀";
    in English the line is as before."""
    facts = str(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    report = tmp_path / "报告 一.html"
    assert _run("--lang", "zh", "score", facts, "-o", str(report)) == (0, f"{report}：100.00 优秀\n")
    assert _run("--lang", "en", "score", facts, "-o", str(report)) == (0, f"{report}: 100.00 优秀\n")


def _warnings_of(*args: str, env: dict | None = None) -> list[dict]:
    run = CliRunner().invoke(main, list(args), env=env)
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)["warnings"]


def test_the_json_warnings_messages_follow_the_language_chosen_and_their_fields_stay_for_tools(tmp_path: Path) -> None:
    """With --lang zh, the JSON result's warnings said 'fact budget.paidd is not declared by the set and is ignored'
    while every other report said it in Chinese. Under --lang zh or a Chinese locale the message is Chinese; its kind and
    fact stay as they are; with --lang en, or a locale that is not Chinese, it is the API's English."""
    def misspelt(facts: dict) -> None:
        facts["budget"]["paidd"] = 1

    facts = str(_small(tmp_path, misspelt))
    chinese = _warnings_of("--lang", "zh", "score", facts, "--format", "json")
    undeclared = next(w for w in chinese if w["kind"] == "undeclared_fact")
    assert undeclared["message"].startswith("事实 budget.paidd 没有在体系中声明，已忽略") and undeclared["fact"] == "budget.paidd"
    in_locale = _warnings_of("score", facts, "--format", "json", env={"LANG": "zh_CN.UTF-8", "SCORING_ENGINE_LANG": ""})
    assert in_locale == chinese
    for args, env in ((("--lang", "en"), None), ((), {"LANG": "C.UTF-8", "LC_ALL": "", "SCORING_ENGINE_LANG": ""})):
        english = _warnings_of(*args, "score", facts, "--format", "json", env=env)
        assert any(w["message"].startswith("fact budget.paidd is not declared by the set") for w in english)


_CHECKLIST_SET = """id: cl-num
name: 要点比例测试
version: "1"
total: 5
facts:
  v: {type: number, label: 值}
  w: {type: number, label: 支付}
checks:
  - {expr: "w - 100 if w else '无'", message: 超支}  # its kind is known only when it is computed
grades:
  - {label: 合格, min: 0}
indicators:
  - id: t
    name: 测试指标
    weight: 5
    rule:
      kind: checklist
      elements:
        - {name: ①甲, met: v}
        - {name: ②乙, met: "v > 0"}
"""


def test_a_checklist_share_out_of_range_and_a_check_giving_a_number_are_said_in_chinese_without_python_reprs(
        tmp_path: Path) -> None:
    """A checklist element's met of 1.2 said "element ①甲: met 应为true/false or a share from 0 to 1"; a check giving a
    number said "实际是 Decimal('-5')". Both are Chinese, and the number is written as a number."""
    (tmp_path / "set.yaml").write_text(_CHECKLIST_SET, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"facts": {"v": 1.2, "w": 95}}', encoding="utf-8")
    code, out = _run("--lang", "zh", "score", str(facts), "--set", str(tmp_path / "set.yaml"))
    assert code == 1 and "要点 ①甲：met 应为 true/false 或 0 到 1 的比例，实际是 1.2" in out, out
    facts.write_text('{"facts": {"v": 1, "w": 95}}', encoding="utf-8")
    code, out = _run("--lang", "zh", "score", str(facts), "--set", str(tmp_path / "set.yaml"))
    assert code == 0 and "核对（check）应得出 true 或 false，实际是 -5（" in out and "Decimal" not in out, out


def test_authoring_md_names_the_line_validate_prints_in_chinese() -> None:
    """docs/authoring.md told a set's author to run validate "直到输出 `ok`" while in Chinese it prints "：通过 — …", and
    to expect "warning:" where it prints "提示：". The doc names both as printed."""
    doc = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert "输出 `ok`" not in doc and "仍然输出 `ok`" not in doc
    code, out = _run("--lang", "zh", "validate", str(ROOT / "examples" / "small" / "set.yaml"))
    assert code == 0 and "set.yaml：通过 — " in out and "：通过 — " in doc


def test_a_cap_that_cannot_be_decided_says_how_to_decide_it(tmp_path: Path) -> None:
    """A cap reading an optional fact the project left out said only "无法判断封顶条件（缺少事实 safety.accident）：事故封顶",
    with no fix. It now says to give the fact or to declare its default."""
    text = _CHECKLIST_SET.replace("  w: {type: number, label: 支付}\n", "  w: {type: number, label: 支付}\n"
                                  "  safety.accident: {type: boolean, required: false, label: 事故}\n")
    text = text.replace("grades:\n", "caps:\n  - {when: safety.accident, grade_at_most: 合格, message: 事故封顶}\ngrades:\n")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text('{"facts": {"v": 1, "w": 100}}', encoding="utf-8")
    code, out = _run("--lang", "zh", "score", str(facts), "--set", str(tmp_path / "set.yaml"))
    assert code == 1 and "无法判断封顶条件（缺少事实 safety.accident）：事故封顶（在事实文件中给出 safety.accident" in out, out


def test_a_target_row_marked_not_applicable_is_told_that_rows_are_not_marked_one_by_one(tmp_path: Path) -> None:
    """not_applicable {output.1: …} (a row of the group output) said only that the indicator does not exist, while the
    row is printed with that id; it now says a row cannot be marked on its own, and what to do instead."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    document["not_applicable"] = {"output.1": "未开工"}
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out = _run("--lang", "zh", "score", str(path))
    assert code == 1 and "绩效目标表的行不能单独标为不适用：从表中删去这一行，并使其余各行分值合计为 50（行组 output 的分值），" \
        "或其余各行都不写分值（平均分配）；或把整个行组 output 标为不适用" in out, out


def test_the_advice_for_a_target_row_marked_not_applicable_scores_when_followed(tmp_path: Path) -> None:
    """QA167 F3: 每公里管网造价 (output.cost) marked 不适用 was told to delete the row; deleted, the rows' weights 20 + 20
    were refused as not adding up to output's 50, with no fix. The advice now says to give the other rows weights that add
    up to 50 or none, and either way the project scores; the weights refused say the same fix, in both languages."""
    def without_cost(weights: dict[str, int] | None):
        def change(facts: dict) -> None:
            rows = [row for row in facts["targets"]["output"] if row["id"] != "cost"]
            for row in rows:
                row.pop("weight")
                row.update({"weight": weights[row["id"]]} if weights is not None else {})
                row.update({"score": 25} if "score" in row and weights is None else {})
            facts["targets"]["output"] = rows
        return change

    marked = _self_evaluation(tmp_path, lambda facts: None)
    document = json.loads(marked.read_text(encoding="utf-8"))
    marked.write_text(json.dumps({**document, "not_applicable": {"output.cost": "本年度不涉及管网造价"}}, ensure_ascii=False),
                      encoding="utf-8")
    code, out = _run("--lang", "en", "score", str(marked))
    assert code == 1 and "(a target row cannot be marked on its own: leave it out of the rows, and give the other rows " \
        "weights that add up to 50, the weight of group output, or none for equal shares; or mark the group output)" in out
    code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, without_cost({"pipes": 20, "quality": 20}))))
    assert code == 1 and out.rstrip().endswith("各行分值合计 40，不等于行组 output 的分值 50（读取它的指标：output）"
                                              "（使各行分值合计为 50，或各行都不写分值，平分 50 分）"), out
    code, out = _run("--lang", "en", "score", str(_self_evaluation(tmp_path, without_cost({"pipes": 20, "quality": 20}))))
    assert out.rstrip().endswith("(give the rows weights that add up to 50, or none for equal shares of it)"), out
    for followed in (without_cost({"pipes": 30, "quality": 20}), without_cost(None)):
        code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, followed)))
        assert code == 0 and "(output.pipes)" in out and "(output.quality)" in out and "output.cost" not in out, out


def test_two_grades_with_the_same_min_name_each_other(tmp_path: Path) -> None:
    """Grades 良 and 中 both with min 60 said "等级 中：与另一个从 60 开始的区间重叠", leaving the author to find the other;
    it now names 良."""
    text = _CHECKLIST_SET.replace("  - {label: 合格, min: 0}\n", "  - {label: 良, min: 60}\n  - {label: 中, min: 60}\n"
                                  "  - {label: 差, min: 0}\n")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    code, out = _run("--lang", "zh", "validate", str(tmp_path / "set.yaml"))
    assert code == 1 and "等级 中：与等级 良 都从 60 分开始（每个等级的 min 应各不相同）" in out, out


def test_a_full_width_colon_in_a_flow_mapping_is_one_error_and_a_key_short_of_its_item_is_named(tmp_path: Path) -> None:
    """`{type：boolean, …}` gave the colon's error and two more from the misread line ("缺少键 'type'", "未知的键
    'type：boolean'"); only the first is right. A key one space short of its list item was told only to align the dashes,
    which were aligned: the key's alignment is named too."""
    text = _CHECKLIST_SET.replace("  w: {type: number, label: 支付}", "  w: {type：number, label: 支付}")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    code, out = _run("--lang", "zh", "validate", str(tmp_path / "set.yaml"))
    assert code == 1 and out.count("错误：") == 1 and "'：' 是全角冒号" in out, out
    text = _CHECKLIST_SET.replace("    name: 测试指标", "   name: 测试指标")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    code, out = _run("--lang", "zh", "validate", str(tmp_path / "set.yaml"))
    assert code == 1 and "同一项中的键要与第一个键对齐" in out, out


def test_the_progress_line_says_hours_as_xiaoshi() -> None:
    """The time left of a long batch read "2时13分", which is not how a time span is said; it is "2小时13分"."""
    from scoring_engine.batch.progress import duration

    assert (duration(2 * 3600 + 13 * 60), duration(98)) == ("2小时13分", "1分38秒")


def test_batch_help_and_a_bad_jobs_value_use_no_english_of_click() -> None:
    """`batch --help` in Chinese showed click's "INTEGER RANGE", "DIRECTORY" and "[x>=1]", and `--jobs 0` said "0 不在范围
    x>=1 内". The options show the placeholders the docs use (N, DIR), and the range is said in words."""
    code, out = _run("--lang", "zh", "batch", "--help")
    assert code == 0 and "INTEGER" not in out and "DIRECTORY" not in out and "x>=" not in out and "[不小于1]" in out
    code, out = _run("--lang", "zh", "batch", "nowhere", "--jobs", "0")
    assert code == 2 and "0 不在允许的范围内（应不小于1）" in out, out


def test_the_facts_template_has_the_project_id_a_re_check_is_matched_by(tmp_path: Path) -> None:
    """The facts template listed name, department, unit and year but not id (项目编号), which batch --compare-with matches
    a re-check by and the 汇总 shows: a clerk guessed a name (code, 编号) and lost it. Both formats now hold it."""
    code, out = _run("template", "self-evaluation", "--format", "yaml")
    assert code == 0 and '  id: ""  # 项目编号' in out
    code, out = _run("template", "self-evaluation", "--format", "json")
    assert code == 0 and json.loads(out)["project"]["id"] == ""


def test_a_re_check_flag_says_whose_score_is_lower_and_names_the_grade_plainly() -> None:
    """A flag read "复核得分低10.00分（阈值5分）；复核得分等级由优秀降为良好": lower than what, and 复核得分等级 is no term. It
    reads "复核得分比自评得分低10.00分（阈值5分）" and "复核等级由优秀降为良好"."""
    from decimal import Decimal

    from scoring_engine.batch.compare import RECHECK, compare

    class Row:
        def __init__(self, total: str, grade: str, rank: int) -> None:
            self.ok, self.total, self.grade, self.grade_rank, self.indicators = True, Decimal(total), grade, rank, ()
            self.source, self.grades, self.grade_lines, self.said = "p.json", (), (), ()  # grades ranked alike: by rank
            self.max_total, self.precision, self.set_sha256 = Decimal(100), 2, "0" * 64  # (compared with their set's)

    found = compare(Row("95", "优秀", 0), Row("85", "良好", 1), RECHECK, Decimal(5))  # type: ignore[arg-type]
    assert found is not None and found.reasons == ("复核得分比自评得分低10分（阈值5分）", "复核等级由优秀降为良好")
    under = compare(Row("86", "优", 0), Row("87.9", "良", 1), "province-2024 2024", Decimal(5))  # type: ignore[arg-type]
    # QA24 F5: under another set a grade can drop while the total rises (the other set's grade lines are higher)
    assert under is not None and under.reasons == ("按province-2024 2024评分等级由优降为良（总分高1.9分，该体系的等级线较高）",)


def test_an_output_into_a_missing_folder_names_the_folder_and_what_to_do(tmp_path: Path) -> None:
    """`template … -o forms/blank.xlsx` with no folder forms/ said "无法写出报告：没有这个文件或文件夹": a template is no
    report, and neither the folder nor the fix was said. It names the folder and says to make it."""
    code, out = _run("--lang", "zh", "template", "self-evaluation", "-o", str(tmp_path / "forms" / "blank.xlsx"))
    assert code == 1 and f"无法写出文件：没有文件夹 {tmp_path / 'forms'}（先建好这个文件夹，或写到已有的文件夹中）" in out, out


def test_an_output_that_is_a_link_into_a_missing_folder_names_that_folder(tmp_path: Path) -> None:
    """QA163 F6: an output that is a symbolic link into a folder that is not there (`ln -s /nonexistent/dir/x.csv dl.csv;
    batch -o dl.csv`, and score -o) said only "dl.csv: 无法写出文件：没有这个文件或文件夹", though dl.csv's own folder is
    there. It says the link points into that folder, names it, and what to do; the link is left as it was."""
    import os

    link = tmp_path / "dl.csv"
    os.symlink(tmp_path / "gone" / "dir" / "x.csv", link)
    facts = str(ROOT / "examples" / "small" / "facts.json")
    said = (f"{link}: 无法写出文件：它是链接，所指向的文件夹 {tmp_path / 'gone' / 'dir'} 不存在"
            "（先建好那个文件夹，或删去这个链接）")
    for args in (("batch", facts, "-q", "-o", str(link)), ("score", facts, "-o", str(link))):
        code, out = _run("--lang", "zh", *args)
        assert code == 1 and said in out, out
    assert os.readlink(link) == str(tmp_path / "gone" / "dir" / "x.csv") and ["dl.csv"] == os.listdir(tmp_path)


def test_a_missing_re_check_input_is_said_to_be_the_re_check(tmp_path: Path) -> None:
    """`batch … --compare-with nosuch` said only "nosuch: 没有这个文件或文件夹", as for a project input; it now says that
    this is the re-check given with --compare-with."""
    facts = str(ROOT / "examples" / "small" / "facts.json")
    code, out = _run("--lang", "zh", "batch", facts, "--compare-with", str(tmp_path / "nosuch"), "-q")
    assert code == 1 and "没有这个文件或文件夹（这是 --compare-with 给出的复核文件或文件夹）" in out, out


def test_an_empty_score_of_a_qualitative_row_names_the_row_and_a_negative_actual_says_how_to_write_it(tmp_path: Path) -> None:
    """An empty 得分 of a row judged in words said only "应填单位给这个定性行打的分，实际是空单元格" (no row, no fix); a
    negative 实际完成值 said "不能为负数" with no fix. The row is named with its tier, and each says what to write."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, H15=None)))
    assert code == 1 and "!H15：行 工程竣工验收合格：应填单位给这个定性行打的分，实际是空单元格（按档次“达成年度指标”" in out, out
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, F13=-9.5)))
    assert code == 1 and "实际完成值不能为负数，实际是 -9.5（填写不小于 0 的数；" in out, out


@pytest.mark.parametrize("set_id", ["sichuan-self-evaluation", "hubei-self-evaluation", "self-evaluation"])
def test_a_form_without_its_side_sheet_is_told_the_bundled_set_its_title_is_the_form_of(tmp_path: Path,
                                                                                       set_id: str) -> None:
    """QA186 F3: a Sichuan 部门预算项目支出绩效自评表 whose sheet 表外事实 was deleted was told "例如 --set
    self-evaluation", which cannot read it (找不到项目资金的表头…). The set suggested is one whose layout's title is the
    form's: sichuan-self-evaluation for Sichuan's, self-evaluation for 项目支出绩效自评表 (a profile's form among them:
    its title is the same), and the set suggested scores the form."""
    import openpyxl

    from conftest import written_form

    form = written_form(ROOT / "indicator_sets" / f"{set_id}.facts.json", tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(form)
    del book["表外事实"]
    book.save(form)
    suggested = "sichuan-self-evaluation" if set_id.startswith("sichuan") else "self-evaluation"
    code, out = _run("--lang", "zh", "score", str(form))
    assert code == 1 and f"（请用 --set 指定指标体系，例如 --set {suggested}）" in out, out
    if set_id != "hubei-self-evaluation":  # a profile's form is read with its own set, which its title does not name
        assert 0 == _run("score", str(form), "--set", suggested)[0]


def test_a_workbook_without_the_side_sheet_says_so_and_form_structure_errors_use_the_forms_words(tmp_path: Path) -> None:
    """A form whose sheet 表外事实 was deleted, and an ordinary workbook, both got "自评表未注明所用指标体系，请用 --set ID|PATH
    指定"; with --set, the ordinary one got "没有资金块…（表格“项目支出绩效自评表”有资金块）". The missing sheet is named with
    the command to give, and the blocks are called by the header rows a clerk sees."""
    import openpyxl

    form = _form_with(tmp_path)
    book = openpyxl.load_workbook(form)
    del book["表外事实"]
    book.save(form)
    code, out = _run("--lang", "zh", "score", str(form))
    assert code == 1 and "工作簿中没有“表外事实”工作表，无从知道所用的指标体系（请用 --set 指定指标体系，例如 --set self-evaluation）" in out
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "随便一张表"
    book.save(plain)
    code, out = _run("--lang", "zh", "score", str(plain), "--set", "self-evaluation")
    assert code == 1 and "找不到项目资金的表头（含 年初预算数" in out and "找不到绩效指标的表头" in out and "块" not in out, out


def test_the_batch_funds_line_writes_amounts_with_two_decimals(tmp_path: Path) -> None:
    """"预算数合计1605.5万元，执行数合计1374万元" gave one amount one decimal and the other none; amounts are written with
    two decimals (1605.50万元, 1374.00万元), as 财务 figures are, and more only when the facts have more."""
    from decimal import Decimal

    from scoring_engine._arith import money

    assert [money(Decimal(x)) for x in ("1605.5", "1374", "0.125")] == ["1605.50", "1374.00", "0.125"]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, total, paid in (("a", 1000.5, 900), ("b", 605, 474)):
        facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
        facts["indicator_set"] = "self-evaluation"
        facts["facts"]["budget"]["total"], facts["facts"]["budget"]["paid"] = total, paid
        (folder / f"{name}.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    _, out = _run("--lang", "zh", "batch", str(folder), "-q")
    assert "预算数合计1605.50万元" in out and "执行数合计1374.00万元" in out, out


def test_a_row_weight_finer_than_the_precision_is_said_on_its_weight_cell_with_the_rounding_it_needs(tmp_path: Path) -> None:
    """QA200 4: 20.004 typed in a row's 分值 (G13) was said on the row's name D13, "(把分值取整)": at the set's precision
    2 it is rounded to 2 decimal places, not to a whole number. It is said on G13, of the row by its name, with that
    fix, as the form's other cells are."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, G13=20.004, G14=14.996)))
    assert code == 1 and "!G13：行 新建供水管网长度：分值 20.004 的小数位数多于体系的精度 2（把分值四舍五入到 2 位小数）" in out, out
    assert "D13" not in out and "取整" not in out, out
    code, out = _run("--lang", "en", "score", str(_form_with(tmp_path, G13=20.004, G14=14.996)))
    assert "!G13: row 新建供水管网长度: weight 20.004 has more decimal places than the set's precision 2 keeps (round the " \
           "weight to 2 decimal places)" in out, out


def test_rounding_row_weights_to_the_precision_is_told_to_keep_the_groups_total() -> None:
    """QA204 9: rows of 19.95 and 10.05 in a group of 30 at precision 1 were each told 把分值四舍五入到 1 位小数; followed,
    20.0 + 10.1 was refused as not 30. The fix now says the rows' weights must still add up to the group's 30."""
    from scoring_engine import parse_indicator_set, score
    from scoring_engine.errors import FactsError

    with pytest.raises(FactsError) as caught:
        score(parse_indicator_set(one_row_group(1, 30)), {"rows": number_rows(19.95, 10.05)})
    said = [p.text("zh").rsplit("（", 1)[1] for p in caught.value.problems]
    assert said == ["把分值四舍五入到 1 位小数，且本组各行分值之和仍为 30）"] * 2, said
    assert caught.value.problems[0].hint == "round the weight to 1 decimal place, the group's rows' weights still adding " \
                                            "up to 30"


def test_a_form_row_weight_finer_than_the_precision_is_told_to_keep_its_groups_total(tmp_path: Path) -> None:
    """QA204 9: on the form, 19.995 and 10.005 in the 产出 rows (50 in all) are told to round to 2 decimal places with the
    rows still adding up to 50; rows that do not add up now are told that on its own line, as before."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, G13=19.995, G14=10.005)))
    assert code == 1 and "!G14：行 每公里管网造价：分值 10.005 的小数位数多于体系的精度 2（把分值四舍五入到 2 位小数，且本组各行" \
        "分值之和仍为 50）" in out, out


@pytest.mark.parametrize(("precision", "weight", "fix"), [(0, "0.5", "把分值取整，"), (1, "0.25", "把分值四舍五入到 1 位小数，"),
                                                          (2, "0.125", "把分值四舍五入到 2 位小数，")])
def test_a_sets_weight_finer_than_its_precision_is_told_to_round_to_that_precision(precision: int, weight: str,
                                                                                   fix: str) -> None:
    """QA200 4: the set's own weight finer than its precision was told 把分值取整 at any precision; it is rounded to the
    places the precision keeps (a whole number only at precision 0), or the precision raised."""
    from scoring_engine import parse_indicator_set
    from scoring_engine.errors import ScoringEngineError

    rule = "rule: {kind: proportional, value: x, target: 1}"
    with pytest.raises(ScoringEngineError) as caught:
        parse_indicator_set(f"id: t\nname: t\nversion: '1'\nprecision: {precision}\nfacts:\n  x: {{type: number}}\n"
                            f"grades: [{{label: 优, min: 0}}]\ntotal: 10\nindicators:\n  - {{id: a, name: 甲, weight: {weight}, "
                            f"{rule}}}\n  - {{id: b, name: 乙, weight: 1, {rule}}}\n")
    said = [p.text("zh") for p in caught.value.problems if p.indicator == "a"]
    assert said == [f"10:30: 指标 a：分值 {weight} 的小数位数多于精度 precision {precision}（{fix}或把 precision: 设为至少 "
                    f"{precision + 1}）"], said


@pytest.mark.parametrize("typed", ["—", "-", "/", "／", "——"])
def test_a_dash_in_a_weight_or_score_cell_is_quoted_not_called_an_empty_cell(tmp_path: Path, typed: str) -> None:
    """QA200 5: a dash typed in a row's 分值 (G13) or in the 得分 of a row judged in words (H15) was said to be
    "空单元格": the reader takes a dash or slash as an unused cell, but these cells must hold a number. What was typed is
    quoted; a cell left truly empty is still an empty cell."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, G13=typed)))
    assert code == 1 and f"!G13：应填该行的分值，实际是 '{typed}'（填写该行的分值）" in out, out
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, H15=f" {typed} ")))
    assert code == 1 and f"!H15：行 工程竣工验收合格：应填单位给这个定性行打的分，实际是 '{typed}'（" in out, out
    assert "空单元格" not in out, out
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, G13=None)))
    assert code == 1 and "!G13：应填该行的分值，实际是空单元格" in out, out


def test_thousands_grouped_by_a_space_are_read_and_digits_split_otherwise_are_refused_on_their_cell(tmp_path: Path) -> None:
    """QA200 6: ≥5 000人 in 年度指标值 (E20) beside 4 800人 was not read as a number: the row was taken as judged in words,
    and F20 refused as no tier. A space between groups of three digits is read as a thousands separator, as a comma is
    (the row scores 4800 of 5000); digits a space splits otherwise (≥5 00人, 2 3) are refused on their own cell with the
    number to write, never taken as a number nor as words; without a sign they are words (QA204 1)."""
    from scoring_engine.target_rows import parse_quantity

    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, E20="≥5 000人", F20="4\u00a0800人")), "--format", "json")
    assert code == 0 and '"score": 14.40' in out, out
    assert parse_quantity("≥5 000 000") == parse_quantity("≥5,000,000") and parse_quantity("1 000.5万元").value == 1000.5
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, E20="≥5 00人", F20="4800人")))
    assert code == 1 and "!E20：行 新增受益人口：年度指标值 '≥5 00人'：数字 5 00 中间隔着空格（数字中间不加空格，例如 ≥500人（" in out, out
    assert "档次" not in out, out
    for split in ("≥2 3", "≤12 3456人", "=5  000"):
        with pytest.raises(ValueError, match="split by a space"):
            parse_quantity(split)
    # without a sign, words: a target judged by its tier may write them (QA204 1)
    assert parse_quantity("2 3") is None and parse_quantity("1 2号楼主体完工") is None
    assert parse_quantity("2024 12月") is None and parse_quantity("1,000 000") is None  # a year and words; mixed groups


def test_a_target_judged_by_its_tier_may_start_with_digits_split_by_a_space(tmp_path: Path) -> None:
    """QA204 1: the qualitative row's 年度指标值 (E15) 1 2号楼主体完工 was refused as digits split by a space, with the fix
    12号楼主体完工, after QA200 6's fix; it scored 100.00 before, and does again: words without a sign are words."""
    code, out = _run("--lang", "zh", "score", str(_form_with(tmp_path, E15="1 2号楼主体完工")))
    assert code == 0 and "总分 100.00" in out and "空格" not in out, out


def test_digits_split_by_a_space_in_a_measured_row_are_named_as_split_not_as_words(tmp_path: Path) -> None:
    """QA206 3: a quantitative row's target 5 00人 beside 500人 (and ≥ in a 指标性质 column beside 5 00) was told its target
    is no number so the row is 定性, after QA204 1 made such text words; an actual 5 00 beside a numeric target got only
    实际值应为数字. Where the row is measured, the split digits are said, with the number to write."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = document["facts"]["targets"]["output"][0]
    for target, actual, said in (("5 00人", "500人", "指标值 '5 00人'：数字 5 00 中间隔着空格"),
                                 ("500人", "5 00人", "实际完成值 '5 00人'：数字 5 00 中间隔着空格")):
        row.update(type="quantitative", target=target, actual=actual)
        row.pop("unit", None)
        (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        code, out = _run("--lang", "zh", "score", str(facts))
        assert code == 1 and said in out and "定性" not in out, out


@pytest.mark.parametrize(("target", "actual"), [("≥3个", "1 2 3标段完工"), ("≥2栋", "1 2号楼已完工"),
                                                ("1 2号楼主体完工", "2栋"), ("6 7月完成主体", "7月")])
def test_words_beginning_with_digits_in_a_measured_row_are_not_said_to_be_split_digits(tmp_path: Path, target: str,
                                                                                       actual: str) -> None:
    """QA208 5: after QA206 3, 1 2号楼已完工 beside ≥2栋 was told its digits are split, with the fix 12号楼已完工, which
    then failed as the unit 号楼已完工 against 栋. Digits followed by words that are not the row's unit are words: the
    row is told what a measured row needs, as before."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["facts"]["targets"]["output"][0] = {"id": "t", "name": "x", "type": "quantitative", "weight": 20,
                                                 "target": target, "actual": actual}
    (facts := tmp_path / "facts.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out = _run("--lang", "zh", "score", str(facts))
    assert code == 1 and "中间隔着空格" not in out, out


def test_no_text_a_user_reads_names_a_review_of_ours() -> None:
    """QA220 7: a hint printed 'scores alike: QA219 3', the name of one of our reviews, which means nothing to a clerk.
    Review names belong in comments and docstrings; no other text of the package (a message, a hint, a catalog entry)
    holds one."""
    import ast
    import re

    found = []
    for path in sorted((ROOT / "scoring_engine").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documented = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        found += [f"{path.name}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Constant)
                  and isinstance(node.value, str) and id(node) not in documented and re.search(r"\bQA\d", node.value)]
    assert [] == found


def test_an_item_of_a_facts_list_is_named_by_its_number_after_the_facts_label_not_by_a_json_path(tmp_path: Path) -> None:
    """QA263 F5: an empty finding read `$.facts.findings.compliance[0]：资金使用合规性问题（findings.compliance）：…`, a path
    a clerk does not read, before the label that says it; it is the label's 第 1 项."""
    def empty_finding(facts: dict) -> None:
        facts["findings"]["compliance"] = ["未附发票", ""]

    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, empty_finding)))
    assert code == 1 and "资金使用合规性问题（findings.compliance）第 2 项：问题描述应为非空文字" in out and "$." not in out, out
    code, out = _run("--lang", "en", "score", str(_small(tmp_path, empty_finding)))
    assert "$.facts.findings.compliance[1]" in out, out  # tools read the path where the English is


def test_a_long_text_quoted_in_a_message_is_cut_inside_its_quotes(tmp_path: Path) -> None:
    """QA296 F5: a long finding refused as several was quoted `'经检查，一是…施工日志等... 是写在一项中的几个问题`: the quote
    opened and never closed, the message's words ran into the clerk's. It is cut inside its quotes, with …"""
    long = "经检查，一是合同约定执行不到位，提前支付合同价款；二是档案管理制度执行不到位，缺少监理日志、施工日志等资料"

    def several(facts: dict) -> None:
        facts["findings"]["compliance"] = [long]

    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, several)))
    assert code == 1 and f"'{long[:50]}…' 是写在一项中的几个问题" in out, out
