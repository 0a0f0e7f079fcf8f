"""Chinese wording a user reads: one name for a set's checks (核对), the version in Chinese, full-width brackets and 、
between the items of a Chinese list, ranges written 0–5, standard input named 标准输入 (QA214)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from example_sets import EXAMPLE_ROWS
from scoring_engine.cli import main

SMALL = ROOT / "examples" / "small"


def _run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args), input=stdin)
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _small_set(tmp_path: Path, old: str, new: str) -> Path:
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_lint_calls_a_sets_checks_he_dui_as_diff_and_scoring_do_never_the_word_for_validation(tmp_path: Path) -> None:
    """lint called a check 校验 (the word validate is called by): 第 3 条校验永远不会不通过, 派生值、校验、封顶规则; diff
    and scoring call it 核对. Every Chinese line of lint now says 核对."""
    check = '  - {expr: "survey_total >= 30"'
    set_file = _small_set(tmp_path, check, '  - {expr: "budget.total >= 0", message: 预算为负}\n' + check)
    shutil.copy(set_file, tmp_path / "used.yaml")
    text = set_file.read_text(encoding="utf-8").replace("facts:\n", "facts:\n  output.notes: {type: string, required: false}\n", 1)
    set_file.write_text(text, encoding="utf-8")
    _, out = _run("--lang", "zh", "lint", str(set_file))
    assert "第 3 条核对永远不会不通过" in out and "删去这条核对" in out, out
    assert "派生值、核对、封顶规则" in out and "校验" not in out
    _, out = _run("--lang", "zh", "lint", "--help")
    assert "不可能不通过的核对" in out and "校验" not in out
    _, out = _run("--lang", "en", "lint", str(tmp_path / "used.yaml"))
    assert "check 3 can never fail" in out


def test_the_version_is_said_in_chinese_under_zh_and_as_click_says_it_under_en() -> None:
    """`--lang zh --version` printed click's English `scoring-engine, version 0.1.0` beside its help line 显示版本号并退出;
    under zh it says `scoring-engine 版本 …`, under en as before (a tool may read it)."""
    from scoring_engine import __version__

    code, out = _run("--lang", "zh", "--version")
    assert (code, out) == (0, f"scoring-engine 版本 {__version__}\n")
    assert _run("--version", "--lang", "zh")[1] == out
    assert _run("--lang", "en", "--version") == (0, f"scoring-engine, version {__version__}\n")


def _small_facts(tmp_path: Path, fact: str, value: object) -> Path:
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    group, _, name = fact.partition(".")
    document["facts"][group][name] = value
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_chinese_lines_use_full_width_brackets_and_a_dun_hao_between_listed_items(tmp_path: Path) -> None:
    """Chinese lines showed names and lists as English writes them: 事实 备注 (output.notes), 是否想写 process.execution
    (预算执行率), 可选：按比例, 分档, 全额到位, --layout 只用于 markdown, csv, xlsx, html. They use （） and 、 now; the English
    is as before."""
    leftover = tmp_path / "leftover.yaml"
    leftover.write_text("id: leftover\nname: 多余事实\nversion: '1'\nfacts:\n  budget.paid: {type: number, min: 0}\n"
                        "  budget.total: {type: number, min: 0}\n  output.notes: {type: string, required: false, label: 备注}\n"
                        "grades:\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}\nindicators:\n"
                        "  - {id: a, name: 执行率, weight: 100, rule: {kind: proportional, value: budget.paid, target: budget.total}}\n",
                        encoding="utf-8")
    _, out = _run("--lang", "zh", "lint", str(leftover))
    assert "事实 备注（output.notes）已声明，但没有任何规则" in out, out
    _, out = _run("--lang", "zh", "validate", str(leftover))
    assert "事实 备注（output.notes）已声明" in out, out
    facts = SMALL / "facts.json"
    _, out = _run("--lang", "zh", "explain", str(facts), "-i", "预算执行")
    assert "（是否想写 process.execution（预算执行率）？）" in out, out
    _, out = _run("--lang", "en", "explain", str(facts), "-i", "预算执行")
    assert "(did you mean process.execution (预算执行率)?)" in out, out
    _, out = _run("--lang", "zh", "score", str(_small_facts(tmp_path, "budget.funding_method", "proportional")),
                  "--set", str(SMALL / "set.yaml"))
    assert "（可选：按比例、分档、全额到位）" in out, out
    code, out = _run("--lang", "zh", "score", str(facts), "--layout", "selfeval")
    assert code == 2 and "--layout 只用于 markdown、csv、xlsx、html，不能用于 table" in out, out


@pytest.mark.parametrize(("english", "chinese"), [
    ("weight rule 3: 过程 (process) weighs 20.5, not a whole number", "分值规则 3：过程（process）的分值 20.5 不是整数"),
    ("weight rule 1: 产出 + 效益 (output + benefit) weigh 54.5 (40.5 + 14), below 60 (60% of the total 100)",
     "分值规则 1：产出 + 效益（output + benefit）分值合计 54.5（40.5 + 14），低于 60（总分 100 的 60%）"),
    ("one of: 甲, 乙, … (+3)", "可选：甲、乙、…（+3）"),
    ("No such option --fo. (Did you mean one of: --format, --foo?)", "没有选项 --fo。（是否想写以下之一：--format、--foo？）"),
    ("did you mean output.1, benefit.2 (新建供水管网长度)?", "是否想写 output.1、benefit.2（新建供水管网长度）？"),
    ("did you mean '完成' (a wording of 达成)?", "是否想写 '完成'（达成 的写法）？"),
    ("did you mean '按比例 (新)'?", "是否想写 '按比例 (新)'？"),  # a value as written, quoted: kept
    ("sections it replaces: grades, explain_when", "整段替换的部分：grades、explain_when"),
])
def test_the_catalog_writes_listed_items_with_a_dun_hao_and_a_name_s_id_in_full_width_brackets(english: str,
                                                                                              chinese: str) -> None:
    """Every catalog entry that lists names or ids, or names an indicator by its name and id, in a Chinese line (QA214 7)."""
    from scoring_engine._zh import translate

    assert translate(english) == chinese


def test_a_clamped_score_is_said_as_a_range_0_to_the_weight_as_explain_says_it(tmp_path: Path) -> None:
    """The clamping warning said 原始得分 18.6 超出 0..5 (programmer's notation) in the table, Markdown and on the screen,
    beside explain's 超出 0–5 的范围. It says 超出 0–5 的范围 now; the English keeps 0..5."""
    set_file = _small_set(tmp_path, 'rate: "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual"',
                          'score: "output.cost_planned / 10"')
    facts = tmp_path / "facts.json"
    facts.write_text((SMALL / "facts.json").read_text(encoding="utf-8"), encoding="utf-8")
    for fmt in ("table", "markdown"):
        _, out = _run("--lang", "zh", "score", str(facts), "--set", str(set_file), "--format", fmt)
        assert "output.cost：原始得分 18.6 超出 0–5 的范围，取为 5" in out and "0..5" not in out, out
    _, out = _run("--lang", "en", "score", str(facts), "--set", str(set_file), "--format", "json")
    assert "raw score 18.6 is outside 0..5; clamped to 5" in out, out


def test_standard_input_is_named_biaozhun_shuru_in_a_chinese_line_and_stays_stdin_for_tools(tmp_path: Path) -> None:
    """`printf '' | score - --set set.yaml` said 错误：<stdin>:1:1: 文件是空的, and bad facts piped in 错误：<stdin>: $.facts…,
    though --help calls it -（标准输入）. A Chinese line names it 标准输入 and says 输入是空的; the English line and the
    problem's file (what tools read) keep <stdin>."""
    from scoring_engine.errors import Problem

    set_file = str(SMALL / "set.yaml")
    _, out = _run("--lang", "zh", "score", "-", "--set", set_file, stdin="")
    assert out.startswith("错误：标准输入:1:1: 输入是空的"), out
    _, out = _run("--lang", "zh", "score", "-", "--set", set_file, stdin='{"facts": 3}')
    assert out.startswith("错误：标准输入: facts 应为一组“名称: 值”，实际是数字 3"), out  # no $.facts before it (QA263 F5)
    _, out = _run("--lang", "en", "score", "-", "--set", set_file, stdin="")
    assert out.startswith("error: <stdin>:1:1: the file is empty"), out
    problem = Problem("the file is empty", file="<stdin>", line=1, column=1)
    assert problem.text("zh") == "标准输入:1:1: 输入是空的" and problem.file == "<stdin>"
    assert Problem("the file is empty", file="a.yaml", line=1, column=1).text("zh") == "a.yaml:1:1: 文件是空的"


@pytest.mark.parametrize(("english", "chinese"), [
    ("a target row may have: name, target, actual", "绩效目标行可以有：name、target、actual"),
    ("give type: one of 数量, 质量; comparisons the group maps: ≥", "写 type：数量、质量 之一；行组对应的指标性质：≥"),
    ("the indicator block has no 分值 or 权重 column", "绩效指标栏没有 分值 或 权重 列"),
])
def test_a_target_rows_lists_of_keys_and_kinds_read_with_the_chinese_list_marks(english: str, chinese: str) -> None:
    """The row messages listing keys, kinds or a layout's columns showed English commas and 'or' in a Chinese line."""
    from scoring_engine._zh import translate

    assert chinese == translate(english)


def test_a_refused_construct_is_told_the_formula_language_in_chinese_with_no_english_title() -> None:
    """QA220 9: the Chinese fix of a construct the language has not (lambda, a comprehension, an f-string) sent the
    author to docs/formulas.md's section by its English title, “What a formula may contain”; it is said in Chinese."""
    from scoring_engine import FormulaError
    from scoring_engine.formulas import compile_formula

    with pytest.raises(FormulaError) as caught:
        compile_formula("(lambda: 1)()", {})
    said = caught.value.problems[0].text("zh")
    assert said.endswith("（公式只能有数字、引号中的文字、名称、+ - * /、比较、and、or、not、x if 条件 else y，以及 "
                         "docs/formulas.md 所列的函数）"), said


def test_a_listed_item_with_an_apostrophe_is_listed_with_a_dun_hao_like_the_rest() -> None:
    """QA222 4: items holding an apostrophe (O'Neil 法) were read as one quoted text, and the commas between them kept."""
    from scoring_engine._zh import translate

    assert "可选：按比例、O'Neil 法、分档、D'Hondt 法" == translate("one of: 按比例, O'Neil 法, 分档, D'Hondt 法")


def test_a_formulas_own_text_in_quotes_is_shown_as_written_in_a_chinese_line() -> None:
    """QA223 2: the Chinese of "cannot order text ('甲, 乙')" listed the formula's texts with 、 and turned the comma
    inside the author's own '甲, 乙' into 、 too, so the formula shown was not the one written."""
    from scoring_engine import FormulaError
    from scoring_engine.formulas import compile_formula

    for formula, listed in [("s > '甲, 乙'", "s、'甲, 乙'"), ("'a, b' < s", "'a, b'、s")]:
        with pytest.raises(FormulaError) as caught:
            compile_formula(formula, {"s": "string"})
        problem = caught.value.problems[0]
        assert problem.text("zh").startswith(f"文字（{listed}）不能用"), problem.text("zh")
        assert problem.message.startswith(f"cannot order text ({listed.replace('、', ', ')}) with"), problem.message


def test_a_declared_value_holding_a_comma_or_an_inch_mark_is_listed_whole_in_a_chinese_line(tmp_path: Path) -> None:
    """QA223 2: a value holding ", " (分档, 逐级) was listed as two values, and one holding a double quote (12" 管) kept
    the commas of the whole list; each value is now one item, 、 between them. The English line is as before."""
    values = ["按比例", "分档, 逐级", '12" 管', "O'Neil 法", '24" 管']
    path = tmp_path / "set.yaml"
    path.write_text("id: values\nname: 取值\nversion: '1'\nfacts:\n  budget.paid: {type: number, min: 0}\n"
                    "  budget.total: {type: number, min: 0}\n"
                    f"  budget.method: {{type: string, values: {json.dumps(values, ensure_ascii=False)}}}\n"
                    "grades:\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}\nindicators:\n"
                    "  - {id: a, name: 执行率, weight: 100, rule: {kind: proportional, value: budget.paid, target: budget.total}}\n",
                    encoding="utf-8")
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"facts": {"budget": {"paid": 1, "total": 2, "method": "无"}}}, ensure_ascii=False),
                     encoding="utf-8")
    _, out = _run("--lang", "zh", "score", str(facts), "--set", str(path))
    assert "（可选：按比例、分档, 逐级、12\" 管、O'Neil 法、24\" 管）" in out, out
    _, out = _run("--lang", "en", "score", str(facts), "--set", str(path))
    assert "(one of: 按比例, 分档, 逐级, 12\" 管, O'Neil 法, 24\" 管)" in out, out


#: The example-rows set with tiers of its own: one holding ", ", one holding a double quote.
_ROWS_SET = EXAMPLE_ROWS.replace("        qualitative: {kind: tiers, fact: row}\n", """        qualitative:
          kind: tiers
          fact: row
          tiers:
            - {label: "好, 很好", min: 0.9}
            - {label: '12" 管', min: 0.5}
            - {label: 差, min: 0}
""")


def test_a_rows_tiers_are_listed_whole_in_a_chinese_line_as_an_indicators_are(tmp_path: Path) -> None:
    """QA225 3: a message said of a target row (第 2 行（满意度）：…) or of a case, a form's cell or the old set of a diff
    is the engine's message with a prefix; rebuilt, it lost the items its list was made of, and the Chinese split the
    tier 好, 很好 in two again (好、很好、12" 管、差), where the same tier on an indicator of its own reads 好, 很好、12" 管、差."""
    (tmp_path / "rows.yaml").write_text(_ROWS_SET, encoding="utf-8")
    facts = {"facts": {"targets": [
        {"name": "数量", "type": "quantity", "weight": 25, "target": 19, "actual": 18},
        {"name": "满意度", "type": "qualitative", "weight": 25, "tier": "一般", "score": 10, "reason": "有意见"}]}}
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(tmp_path / "facts.json"), "--set", str(tmp_path / "rows.yaml")])
    assert 1 == run.exit_code and "第 2 行（满意度）：档次 '一般' 不是以下之一：好, 很好、12\" 管、差" in run.stderr, run.stderr


def test_the_tiers_offered_beside_a_synonym_of_no_tier_are_said_in_chinese_each_whole(tmp_path: Path) -> None:
    """QA225 3: synonyms naming a tier the rule does not have, with no label near it, were hinted in English with the
    items' commas kept: （tiers：好, 很好, 12" 管, 差）. The hint is Chinese, its tiers listed with 、 and each kept whole."""
    tiers = ('    rule:\n      kind: tiers\n      fact: row\n      synonyms: {\'完全不同的档次名称\': [优]}\n      tiers:\n'
             '        - {label: "好, 很好", min: 0.9}\n        - {label: \'12" 管\', min: 0.5}\n        - {label: 差, min: 0}\n')
    text = _ROWS_SET.split("    children_from:", maxsplit=1)[0] + tiers
    (tmp_path / "s.yaml").write_text(text.replace("targets: {type: list, items: target, label: 绩效目标表（产出指标）}",
                                                  "row: {type: number}"), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(tmp_path / "s.yaml")])
    assert 1 == run.exit_code and "（规则的档次：好, 很好、12\" 管、差）" in run.stderr, run.stderr


def test_an_alias_of_a_fact_without_values_and_an_empty_removal_are_said_wholly_in_chinese(tmp_path: Path) -> None:
    """QA267 F5: an alias of a fact that lists no values was told 'write aliases as {word：value}, each value one of
    values: ' (an empty list the Chinese did not match), and remove: [''] 'no indicator  in the base set'."""
    path = _small_set(tmp_path, "  budget.funding_method: {type: string, values: [按比例, 分档, 全额到位], default: 按比例,",
                      "  budget.funding_method: {type: string, aliases: {比例: 按比例}, default: 按比例,")
    code, output = _run("--lang", "zh", "validate", str(path))
    assert 1 == code and "在 values: 下列出该事实可取的文字，每个别名指向其中之一" in output, output
    (tmp_path / "p.yaml").write_text("extends: self-evaluation\nid: p\nremove: ['']\n", encoding="utf-8")
    code, output = _run("--lang", "zh", "validate", str(tmp_path / "p.yaml"))
    assert 1 == code and "基础指标体系中没有指标 ''" in output, output


def test_a_report_the_system_refuses_to_write_says_why_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA340 F2: an immutable folder (as on some shares) gave 无法写出文件：Operation not permitted, the system's English
    inside a Chinese line: EPERM is said in Chinese, as EACCES and ENOENT are."""
    import errno
    import tempfile

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    code, output = _run("--lang", "zh", "score", str(SMALL / "facts.json"), "--format", "markdown", "-o",
                        str(tmp_path / "r.md"))
    assert 1 == code and "无法写出文件：系统不允许这一操作" in output and "Operation" not in output, output


def test_every_system_error_of_writing_a_file_is_said_in_chinese() -> None:
    """QA340 F2: each system error that can stop a report being written (EROFS, ENOSPC, EDQUOT, EISDIR, ENAMETOOLONG,
    ELOOP, EEXIST, EXDEV, a share gone…) is said in Chinese, its hint too; one the catalog does not word is said as an
    error the system reported, with its code, its English only in brackets."""
    import errno
    import os
    import re

    from scoring_engine._output import WORDED, _cannot_write
    from scoring_engine._zh import translate

    english = re.compile("[A-Za-z]{3,}")
    for code in sorted(errno.errorcode):
        [problem] = _cannot_write(Path("r.md"), OSError(code, os.strerror(code))).problems
        said = translate(problem.message)
        assert said.startswith("无法写出文件："), said
        shown = said if code in WORDED else re.sub(r" E[A-Z0-9]+（[^（）]*）$", "", said)
        assert not english.search(shown.replace("无法写出文件：没有文件夹 .", "")), (errno.errorcode[code], said)
        assert code in WORDED or f"系统报告错误 {errno.errorcode[code]}（" in said, said
        assert problem.hint is None or not english.search(translate(problem.hint)), problem.hint


def test_the_chinese_json_says_a_cap_as_every_other_report_does(tmp_path: Path) -> None:
    """QA340 F6: `--lang zh score --format json` ended a veto's line （veto）, its condition, where the table, Markdown,
    HTML and xlsx say （一票否决 是）: the JSON for people says the same words, the condition kept in `expression`."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text("id: v\nname: v\nversion: '1'\nfacts:\n  veto: {type: boolean, label: 一票否决}\n"
                        "caps:\n  - {when: veto, total_at_most: 59, message: 存在虚报冒领}\n"
                        "grades: [{label: 合格, min: 60}, {label: 不合格, min: 0}]\n"
                        "indicators:\n  - {id: x, name: 甲, weight: 100, rule: {kind: formula, score: 90}}\n", encoding="utf-8")
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"indicator_set": "set.yaml", "facts": {"veto": True}}), encoding="utf-8")
    code, table = _run("--lang", "zh", "score", str(facts))
    said = "存在虚报冒领：总分由90.00分（各项得分合计）调整为59.00分，等级由合格调整为不合格（一票否决 是）"
    assert 0 == code and said in table, table
    code, _ = _run("--lang", "zh", "score", str(facts), "--format", "json", "-o", str(tmp_path / "r.json"))
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [{"kind": "cap", "message": said, "expression": "veto"}] == document["warnings"], document["warnings"]
