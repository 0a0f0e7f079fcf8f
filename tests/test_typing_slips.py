"""The mistakes a Chinese system makes most, each told in one Chinese line naming the line and the fix.

A full-width colon, comma, bracket or quote typed with a Chinese input method
where YAML or JSON structure is, a tab or a full-width space in the
indentation, a file saved as GBK, a byte-order mark: the parsers' own words
("could not find expected ':'") are never what the user reads for these.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import FactsError, IndicatorSetError, load_facts, load_indicator_set, parse_indicator_set
from scoring_engine._typing_slips import line_slips
from scoring_engine.cli import main

SET = EXAMPLE_SET.read_text(encoding="utf-8")


def run(*args: str, lang: str = "zh") -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["--lang", lang, *args], prog_name="scoring-engine")
    return done.exit_code, done.stdout.splitlines() + done.stderr.splitlines()


def _broken(folder: Path, old: str, new: str, name: str = "set.yaml") -> str:
    """The example set with `old` replaced by `new`, saved in `folder`; its name."""
    assert old in SET
    (folder / name).write_text(SET.replace(old, new, 1), encoding="utf-8")
    return name


def _line_of(text: str, words: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if words in line)


# ---------------------------------------------------------------- YAML


@pytest.mark.parametrize(("old", "new", "message"), [
    ("name: 示例指标体系", "name：示例指标体系", "'：' 是全角冒号，YAML 在这里要的是半角的 ':'（改为半角的 ':'，输入时把输入法切换到英文标点）"),
    ("  budget.total:      {type: number", "  budget.total：      {type: number",
     "'：' 是全角冒号，YAML 在这里要的是半角的 ':'（改为半角的 ':'，输入时把输入法切换到英文标点）"),
    ("  budget.total:      {type: number, min: 0", "  budget.total:      {type: number，min: 0",
     "'，' 是全角逗号，YAML 在这里要的是半角的 ','（改为半角的 ','，输入时把输入法切换到英文标点）"),
    ("id: example-small", "id: 【example-small】", "'【' 是中文方括号，YAML 在这里要的是半角的 '['（改为半角的 '['，输入时把输入法切换到英文标点）"),
    ("\nfacts:\n  budget.total", "\nfacts:\n\tbudget.total",
     "这里是制表符（Tab），YAML 只能用空格缩进（换成空格；编辑器可以设置为按 Tab 键时输入空格）"),
    ("\nfacts:\n  budget.total", "\nfacts:\n\u3000budget.total",
     "'\\u3000' 是全角空格，YAML 在这里要的是半角空格（改为半角空格，输入时把输入法切换到英文标点）"),
    ("            - {min: 0.9, max: 0.95", "            — {min: 0.9, max: 0.95",  # the input method's dash as a list item's
     "'—' 是中文破折号，YAML 在这里要的是半角的 '-'（改为半角的 '-'，输入时把输入法切换到英文标点）"),
    ("  - id: decision", "  —id: decision",  # and glued to the item's first key
     "'—' 是中文破折号，YAML 在这里要的是半角的 '-'（改为半角的 '-'，输入时把输入法切换到英文标点）"),
])
def test_a_slip_in_a_set_is_one_chinese_line_at_its_place(old: str, new: str, message: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A full-width colon, comma or bracket, a tab or a full-width space is named at its line and column, with the fix."""
    monkeypatch.chdir(tmp_path)
    name = _broken(tmp_path, old, new)
    line = _line_of(SET, old.strip("\n").split("\n")[-1])
    typed = new.rsplit("\n", 1)[-1]
    column = 1 + next(i for i, ch in enumerate(typed) if ch in "：，【—\t\u3000")
    code, lines = run("validate", name)
    assert 1 == code
    assert f"错误：{name}:{line}:{column}: {message}" == lines[0]
    assert not any("could not find expected" in shown or "while scanning" in shown for shown in lines)


def test_the_english_line_names_the_slip_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In English the slip is named the same way: the character, what YAML expects there, what to type."""
    monkeypatch.chdir(tmp_path)
    name = _broken(tmp_path, "name: 示例指标体系", "name：示例指标体系")
    _, lines = run("validate", name, lang="en")
    assert [f"error: {name}:4:5: full-width colon '：' where YAML expects ':' "
            "(type ':' instead, with the input method on English punctuation)"] == lines


def test_chinese_punctuation_inside_text_is_not_a_slip() -> None:
    """Full-width punctuation in Chinese text (a standard, a message, a list item) is text, not a slip."""
    for line in ("standard: 得分 = 执行率 × 分值，最高不超过分值：满分10分。", "- {when: \"total < 80\", message: 总分低于80分，需说明}",
                 "- 未附发票：3张", "values: [是，否]", "standard: “三公”经费压减情况"):
        assert [] == line_slips(line, 1), line


def test_a_problem_on_a_line_of_chinese_text_gets_no_slip(tmp_path: Path) -> None:
    """A real mistake on a line whose Chinese text holds ，and ： is reported as itself, with no slip invented."""
    text = SET.replace("label: 预算资金}", "label: 预算资金，单位：万元, lable: x}", 1)
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, "set.yaml")
    assert ["unknown key 'lable'"] == [p.message for p in caught.value.problems]


def test_a_weight_error_is_one_chinese_line_with_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Weights that do not add up: the line of the parent, the sum with its parts, and what to change, in Chinese."""
    monkeypatch.chdir(tmp_path)
    name = _broken(tmp_path, "      - id: process.execution\n        name: 预算执行率\n        weight: 10",
                   "      - id: process.execution\n        name: 预算执行率\n        weight: 12")
    code, lines = run("validate", name)
    assert 1 == code
    assert [f"错误：{name}:85:13: 指标 process：process 的下级指标分值合计为 27（5 + 12 + 10），不等于 25"
            "（调整下级指标的分值或本指标的分值，使两者相等）"] == lines


# ---------------------------------------------------------------- JSON


@pytest.mark.parametrize(("text", "message"), [
    ('{"facts": {"budget": {"total": 1000，"paid": 800}}}', "'，' 是全角逗号，JSON 在这里要的是半角的 ','"),
    ('{"facts": {"budget"：{"total": 1000}}}', "'：' 是全角冒号，JSON 在这里要的是半角的 ':'"),
    ('{"facts": {“budget”: {"total": 1000}}}', "'“' 是中文引号，JSON 在这里要的是半角的 '\"'"),
    ('{"facts": 【1, 2】}', "'【' 是中文方括号，JSON 在这里要的是半角的 '['"),
])
def test_a_slip_in_json_is_one_chinese_line_at_its_place(text: str, message: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A full-width comma, colon, quote or bracket in a facts file is named at its line and column, with the fix."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts.json").write_text(text, encoding="utf-8")
    where = f"1:{1 + next(i for i, ch in enumerate(text) if ch in '，：“【')}"
    code, lines = run("score", "facts.json", "--set", str(EXAMPLE_SET))
    assert 1 == code
    assert [f"错误：facts.json:{where}: {message}（改为半角的 {message.split('半角的 ')[1]}，输入时把输入法切换到英文标点）"] == lines


# ---------------------------------------------------------------- GBK, and --encoding


def test_a_gbk_set_is_named_with_how_to_save_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A set saved as GBK: one Chinese line on the line of its first Chinese character, saying how to save it as UTF-8."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "set.yaml").write_bytes(SET.replace("−", "-").encode("gbk"))
    code, lines = run("validate", "set.yaml")
    assert 1 == code
    line = _line_of(SET, "示例")
    assert [f"错误：set.yaml:{line}: 文件是 GBK/GB18030 编码，不是 UTF-8（请另存为 UTF-8 编码：记事本中点“文件 → 另存为”，编码选“UTF-8”；"
            "WPS 中点“文件 → 另存为”，文件类型选“纯文本”，编码选“UTF-8”；或在命令中加 --encoding gb18030 按 GB18030 读取）"] == lines


def test_encoding_option_reads_gbk_sets_facts_and_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --encoding gb18030 a GBK set, facts file and case file are read, and a UTF-8 file beside them still reads as UTF-8."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "set.yaml").write_bytes(SET.replace("−", "-").encode("gb18030"))
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    (tmp_path / "facts.json").write_bytes(json.dumps(facts, ensure_ascii=False).encode("gb18030"))
    (tmp_path / "utf8.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "set.cases.yaml").write_bytes("indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                                              "  - name: 原样评分\n    expect: {total: 79.73}\n".encode("gb18030"))
    assert (0, ["set.yaml：通过 — example-small 1.0，14 个末级指标，总分 100"]) == run("validate", "set.yaml", "--encoding", "gb18030")
    for facts_file in ("facts.json", "utf8.json"):
        code, lines = run("score", facts_file, "--encoding", "gb18030")
        assert 0 == code and "总分 79.73 / 100    等级 中" in lines
    assert (0, ["通过 set.cases.yaml::原样评分", "1 个通过，0 个失败"]) == run("test", ".", "--encoding", "GB18030")
    # the commands whose error advises --encoding take it too: a form and a skeleton for a GBK set
    assert 0 == run("template", "set.yaml", "--encoding", "gb18030", "-o", "form.xlsx")[0]
    assert 0 == run("template", "set.yaml", "--encoding", "gb18030", "--format", "json")[0]
    assert "社区养老服务补助项目" in load_indicator_set("set.yaml", encoding="gb18030").name
    assert "社区养老服务补助项目" in load_facts("facts.json", encoding="gbk").project["name"]


def test_bytes_that_are_no_encoding_stay_an_error(tmp_path: Path) -> None:
    """A file that is neither UTF-8 nor Chinese text in GB18030 is "not UTF-8", with or without --encoding."""
    path = tmp_path / "facts.json"
    path.write_bytes(b'{"facts": {"a": "\xff\xff"}}')
    for encoding in (None, "gb18030"):
        with pytest.raises(FactsError) as caught:
            load_facts(path, encoding=encoding)
        assert "not UTF-8 text (byte 17)" == caught.value.message


# ---------------------------------------------------------------- a byte-order mark


def test_a_byte_order_mark_is_read_by_every_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Notepad's byte-order mark is accepted in a set, a JSON, YAML and JSONL facts file, a case file and a folder for batch."""
    monkeypatch.chdir(tmp_path)
    bom = "\ufeff"
    (tmp_path / "set.yaml").write_text(bom + SET, encoding="utf-8")
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    (tmp_path / "facts.json").write_text(bom + json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    yaml_facts = "facts:\n" + "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in facts["facts"].items())
    (tmp_path / "facts.yaml").write_text(bom + "indicator_set: set.yaml\n" + yaml_facts, encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(bom + json.dumps(facts, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "set.cases.yaml").write_text(bom + "indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                                             "  - name: 原样评分\n    expect: {total: 79.73}\n", encoding="utf-8")
    assert 0 == run("validate", "set.yaml")[0]
    for name in ("facts.json", "facts.yaml"):
        assert 0 == run("score", name)[0], name
    assert 0 == run("test", "set.cases.yaml")[0]
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
    code, lines = run("batch", ".", "-o", "summary.csv", "-q")
    assert 0 == code
    assert lines[0].startswith("3个项目：已评分3"), lines


def test_a_cut_short_or_empty_json_file_says_so_not_to_drop_a_trailing_comma(tmp_path: Path):
    """A facts file (or JSONL line) that ends inside its object was cut short: said so, at its end, instead of the
    parser's 'expecting property name' and a guess about a trailing comma; an empty file is said to be empty."""
    (tmp_path / "cut.json").write_text('{"indicator_set": "set.yaml", "facts": {', encoding="utf-8")
    (tmp_path / "empty.json").write_text("\n", encoding="utf-8")
    code, lines = run("score", str(tmp_path / "cut.json"), "--set", str(EXAMPLE_SET))
    assert 1 == code and "cut.json:1:41: JSON 语法错误：文本在文档写完之前就结束了（文件（或这一行）被截断了：请重新完整写出）" in lines[0]
    code, lines = run("score", str(tmp_path / "empty.json"), "--set", str(EXAMPLE_SET))
    assert 1 == code and "JSON 语法错误：内容是空的" in lines[0] and "逗号" not in lines[0]


@pytest.mark.parametrize("text, where, said", [
    ('{"facts": {"a": 1, "b": 2,}}', "1:26", "花括号结束前多了一个逗号"),
    ("[1, 2,]", "1:6", "方括号结束前多了一个逗号"),
    ('{"facts": {"a": [1,\n  2,\n  ]\n}}', "2:4", "方括号结束前多了一个逗号"),
    ('{"facts": {"a": 1 ,\t\r\n }}', "1:19", "花括号结束前多了一个逗号"),
    ('{"facts": {"a": "x,]\\"", }}', "1:24", "花括号结束前多了一个逗号"),  # brackets in a text are no brackets
])
def test_a_comma_after_the_last_item_is_said_on_the_comma_by_every_python(text: str, where: str, said: str, tmp_path: Path):
    """QA80 F1: Python 3.13 names a trailing comma on the comma; 3.11 and 3.12 said 'expecting property name' or
    'expecting value' at the bracket, one column on, so one file's 问题 row and .jsonl line differed by the Python
    that read it. Every Python now says it as 3.13 does; a comma that follows no item is still the parser's words."""
    (tmp_path / "f.json").write_text(text, encoding="utf-8")
    code, lines = run("score", str(tmp_path / "f.json"), "--set", str(EXAMPLE_SET))
    assert 1 == code and f"f.json:{where}: JSON 语法错误：{said}" in lines[0], lines
    for wrong in ('{"facts": [1,,]}', '{"facts": {"a": 1,]}'):  # no item before it; the bracket is the slip (QA83 F2)
        (tmp_path / "g.json").write_text(wrong, encoding="utf-8")
        code, lines = run("score", str(tmp_path / "g.json"), "--set", str(EXAMPLE_SET))
        assert 1 == code and "逗号" not in lines[0], lines  # nor a hint about the last item's comma (QA85 F6)


@pytest.mark.parametrize("value, number, fix", [
    ("1,200", "1,200", "1200"), ("-1,200,000.5", "-1,200,000.5", "-1200000.5"), ("1,000\n", "1,000", "1000"),
])
def test_a_number_with_thousands_commas_in_a_json_facts_file_is_named_with_the_number_to_write(
        value: str, number: str, fix: str, tmp_path: Path):
    """QA200 7: `"total": 1,200` in a facts file was only the parser's 'a key in double quotes is expected here', with no
    hint, where the same value as the text "1,200" is read as 1200. The error keeps its place (where the reader stopped)
    and names the number and how JSON writes it; [1,200] is two numbers, valid JSON, and 1,20 or 1, 200 no such slip."""
    (tmp_path / "f.json").write_text('{"indicator_set": "x",\n "facts": {"budget.total": ' + value + "}}", encoding="utf-8")
    where = f"2:{30 + value.startswith('-')}"  # where the reader stopped: the first digit after the comma
    code, lines = run("score", str(tmp_path / "f.json"), "--set", str(EXAMPLE_SET))
    assert 1 == code and lines[0].endswith(f"f.json:{where}: JSON 语法错误：数字 {number} 中写了千位分隔符（逗号），JSON 的数字"
                                           f"不带逗号（去掉千位分隔符，写成 {fix}）"), lines
    code, lines = run("score", str(tmp_path / "f.json"), "--set", str(EXAMPLE_SET), lang="en")
    assert lines[0].endswith(f"f.json:{where}: JSON syntax: the number {number} is written with thousands commas, which a "
                             f"JSON number does not take (write it without thousands commas: {fix})"), lines
    for other in ("1,20", "1, 200", "1,2000", "1,200,5", "12345,678"):  # not a number in thousands: the parser's words
        (tmp_path / "g.json").write_text('{"facts": {"budget.total": ' + other + "}}", encoding="utf-8")
        code, lines = run("score", str(tmp_path / "g.json"), "--set", str(EXAMPLE_SET))
        assert 1 == code and "千位" not in lines[0] and "这里应为用双引号括起的键名" in lines[0], (other, lines)
    assert [1, 200] == json.loads("[1,200]")  # valid where it is an array's two items: the reader never stops there


def test_a_full_width_colon_before_a_brace_in_a_case_is_named_with_its_column(tmp_path: Path):
    """QA82 F5: `overrides：{budget.paid: 90}` in a case file was an unknown key 'overrides：{budget.paid', with no
    column and no fix, where the same slip in a set is named: it is named the same way."""
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    (tmp_path / "c.cases.yaml").write_text("indicator_set: set.yaml\ncases:\n  - name: 全角冒号\n    expect: {total: 99}\n"
                                           "    overrides：{budget.paid: 90}\n", encoding="utf-8")
    code, lines = run("test", str(tmp_path / "c.cases.yaml"))
    assert 1 == code and any("c.cases.yaml:5:14: '：' 是全角冒号" in line for line in lines), lines
    assert not any("未知的键" in line for line in lines), lines
    # QA85 F4: and a mapping's one entry on its own line, which reads as text, is said at its line, not the case's
    for key, entry, column in (("overrides", "budget.paid：90", 18), ("not_applicable", "output.cost：无成本数据", 18)):
        (tmp_path / "d.cases.yaml").write_text(f"indicator_set: set.yaml\ncases:\n  - name: 全角冒号\n    expect: {{total: 99}}\n"
                                               f"    facts: {{budget.paid: 1}}\n    {key}:\n      {entry}\n", encoding="utf-8")
        code, lines = run("test", str(tmp_path / "d.cases.yaml"))
        assert 1 == code and any(f"d.cases.yaml:7:{column}: '：' 是全角冒号" in line for line in lines), lines
    # QA87 F7: on the key's own line it reads as one text: the fix says the mapping to write, every pair's colon made
    # ASCII, a reason's own colon kept (QA88 F4); a reason that is no text is named, a date as 日期
    for key, entry, said in (("overrides", "budget.paid：90", "（'：' 是全角冒号：写成 {budget.paid: 90}）"),
                             ("overrides", "budget.paid：90, budget.total：100",
                              "写成 {budget.paid: 90, budget.total: 100}）"),
                             ("not_applicable", "output：原因：未开展, benefit：无", "写成 {output: 原因：未开展, benefit: 无}）"),
                             ("overrides", "budget.paid：90，budget.total：100", "写成 {budget.paid: 90, budget.total: 100}）"),
                             ("not_applicable", "output：未开展，暂缓，benefit：无", "写成 {output: 未开展，暂缓, benefit: 无}）"),
                             ("not_applicable", "output：项目延期，原因：汛期停工", "写成 {output: 项目延期，原因：汛期停工}）"),
                             ("not_applicable", "{output: 2024-01-01}", "output 的原因却是日期"),
                             ("not_applicable", "{output: 3}", "output 的原因却是数字")):
        (tmp_path / "e.cases.yaml").write_text(f"indicator_set: set.yaml\ncases:\n  - name: 全角冒号\n    expect: {{total: 99}}\n"
                                               f"    facts: {{budget.paid: 1}}\n    {key}: {entry}\n", encoding="utf-8")
        code, lines = run("test", str(tmp_path / "e.cases.yaml"))
        assert 1 == code and any(said in line for line in lines), lines


def test_a_key_out_of_line_in_a_list_item_is_said_without_a_question_mark_the_file_does_not_have(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """QA82 F6: a key indented less than its item's others was said as a key 'if the text starts with ?, put it in
    quotes', twice told how to align: PyYAML's '?' is its own token for a key, not in the file."""
    monkeypatch.chdir(tmp_path)
    name = _broken(tmp_path, "        standard: ①符合法律法规", "      standard: ①符合法律法规")
    code, lines = run("validate", name)
    assert 1 == code and "它的缩进与同一层的其他键不一致" in lines[0] and "?" not in lines[0].split("：", 1)[1], lines


def test_a_yaml_syntax_error_says_its_fix_in_english_as_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """QA82 F6: in English a syntax error was PyYAML's words alone ('expected <block end>, but found '?''), naming a '?'
    the file does not have, where the Chinese said what to align. Both say the key out of line and the fix, the same."""
    monkeypatch.chdir(tmp_path)
    name = _broken(tmp_path, "        standard: ①符合法律法规", "      standard: ①符合法律法规")
    code, lines = run("--lang", "en", "validate", name)
    assert 1 == code and lines[0].endswith(
        "YAML syntax: while parsing a block collection expected <block end>, but found a key indented unlike the keys "
        "beside it (the keys of one list item line up with its first key, and the dashes of one list with each other)"), lines
    code, zh = run("--lang", "zh", "validate", name)
    assert zh[0].endswith("YAML 语法错误：列表的缩进不一致：这里遇到一个键，它的缩进与同一层的其他键不一致"
                          "（同一项中的键要与第一个键对齐，同一层的 - 也要对齐）"), zh
    # PyYAML's own words where nothing else is known (no mark): its fix said all the same
    from scoring_engine._typing_slips import parser_problem

    assert "write ': ' between a key and its value" == parser_problem("could not find expected ':'", "a.yaml").hint


def test_a_chinese_closing_quote_and_a_full_width_space_after_a_colon_are_named_where_typed(tmp_path: Path):
    """`version: "1.0”` (an ASCII quote closed by a Chinese one) was reported 37 lines later as an indentation error,
    and `weight:　15` (an input method's full-width space) on the next line as a missing colon: each is named at its
    own line and column, with what to type."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    quoted = text.replace('version: "1.0"', 'version: "1.0”', 1)
    spaced = text.replace("weight: 15\n", "weight:\u300015\n", 1)
    assert text not in (quoted, spaced)
    for name, edited, words in (("quote.yaml", quoted, "'”' 是中文引号"), ("space.yaml", spaced, "全角空格")):
        (tmp_path / name).write_text(edited, encoding="utf-8")
        code, lines = run("validate", str(tmp_path / name))
        line = next(i + 1 for i, row in enumerate(edited.splitlines()) if "”" in row or "\u3000" in row)
        assert 1 == code and f"{name}:{line}:" in lines[0] and words in lines[0], lines


def test_a_fact_name_that_is_not_ascii_is_named_at_its_own_line(tmp_path: Path):
    """`survey.一般:` declared on its own line was reported at the first fact's line: the line is the key's."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, row in enumerate(lines) if row.lstrip().startswith("survey.neutral:"))
    lines[number] = lines[number].replace("survey.neutral:", "survey.一般:", 1)
    (tmp_path / "set.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, found = run("validate", str(tmp_path / "set.yaml"))
    assert 1 == code and found[0].startswith(f"错误：{tmp_path / 'set.yaml'}:{number + 1}:"), found
    assert "名称 'survey.一般' 应为用点连接的英文单词" in found[0]


def test_a_file_saved_as_notepads_unicode_is_said_to_be_utf16(tmp_path: Path) -> None:
    """A facts file or a set saved as UTF-16 with its byte-order mark (Notepad's "Unicode") is named as such, with how to
    save it as UTF-8 (not GB18030 advice); a JSONL file so saved is one problem, not one per half-line."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    (tmp_path / "set.yaml").write_bytes(SET.replace("−", "-").encode("utf-16"))
    (tmp_path / "facts.json").write_bytes(json.dumps(facts, ensure_ascii=False).encode("utf-16"))
    said = "不是 UTF-8 文本（第 0 字节）：文件是 UTF-16 编码（记事本的“Unicode”）（请另存为 UTF-8：记事本中点“文件 → 另存为”，编码选“UTF-8”）"
    for name, command in (("set.yaml", "validate"), ("facts.json", "score")):
        code, lines = run(command, str(tmp_path / name))
        assert (1, [f"错误：{tmp_path / name}:1: {said}"]) == (code, lines)
    (tmp_path / "p.jsonl").write_bytes((json.dumps(facts, ensure_ascii=False) + "\n" + "{}\n").encode("utf-16"))
    code, lines = run("batch", str(tmp_path / "p.jsonl"), "-q")
    assert 1 == code and [f"错误：{tmp_path / 'p.jsonl'}: 这个 JSONL 文件是 UTF-16 编码（记事本的“Unicode”），不是 UTF-8"
                          "（请另存为 UTF-8：记事本中点“文件 → 另存为”，编码选“UTF-8”）"] == [x for x in lines if x.startswith("错误")]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    weight: 10\n", "    weight:10\n", "weight 的冒号后面没有空格：YAML 把 'weight:10' 当作一整段文字（在冒号后面加一个空格：'weight: 10'）"),
    ("    standard: ", "    standard: 得分: ",
     "这里不能出现“键: 值”（standard 的文字里有半角冒号加空格（': '），YAML 把它当作另一个键的开始：给整段文字加上引号，或把冒号写成全角的“：”）"),
])
def test_a_colon_without_its_space_or_inside_a_text_is_named_with_the_fix(old: str, new: str, message: str,
                                                                           tmp_path: Path) -> None:
    """'weight:5' was '缺少冒号' (there is one), and '标准: 得分: …' was '这里不能出现“键: 值”': the line says which colon
    and what to type."""
    name = _broken(tmp_path, old, new)
    code, lines = run("validate", str(tmp_path / name))
    assert 1 == code and lines[0].endswith(message), lines


def test_a_long_line_with_a_colon_at_its_end_is_said_as_any_other() -> None:
    """A value of 50,000 spaces ending in 'a:' took 12 s to be said (the pattern for a text holding ': ' backtracked over
    the spaces; 200,000 ran past two minutes): the patterns take each run of spaces one way only, and lines longer than
    any a set has are not searched for these slips."""
    from scoring_engine._typing_slips import _COLON_IN_TEXT, _LONGEST_SLIP_LINE, yaml_syntax_problem

    assert _COLON_IN_TEXT.match("x: " + " " * 1500 + "a:") is None  # no text before the colon: no slip
    assert "standard" == _COLON_IN_TEXT.match("    standard: 得分: 资金到位率 × 5分").group(1)
    line = "name: x:" + " " * (_LONGEST_SLIP_LINE + 10) + "a:"
    problem = yaml_syntax_problem("id: t\n" + line + "\n", "set.yaml", (2, 1), (2, len(line)),
                                  "mapping values are not allowed here")
    assert "YAML syntax: mapping values are not allowed here" == problem.message
    assert "check the colons and the indentation of this line and the line above" == problem.hint  # not the slip's


def test_a_key_value_inside_a_block_text_is_no_slip() -> None:
    """'note:value' on a line of a `description: |` text is its words: it was named as the slip of the YAML error on the
    line after it, and the real error was not said."""
    from scoring_engine._typing_slips import yaml_syntax_problem

    text = 'id: t\nname: t\ndescription: |\n  note:value here\nversion: "1"\n  bad: [\n'
    problem = yaml_syntax_problem(text, "set.yaml", (4, 1), (6, 3), "expected <block end>, but found '<block mapping start>'")
    assert problem.message.startswith("YAML syntax:") and 6 == problem.line


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_a_file_saved_as_utf32_is_said_to_be_utf32_not_utf16(tmp_path: Path, encoding: str) -> None:
    """UTF-32's little-endian mark begins with UTF-16's: such a file was called UTF-16, and a big-endian JSONL file gave a
    problem per line. Each is named UTF-32, a JSONL file in one problem."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    (tmp_path / "set.yaml").write_bytes(SET.replace("−", "-").encode("utf-8"))
    data = json.dumps(facts, ensure_ascii=False)
    mark = "\ufeff" if encoding.endswith("-be") else ""  # Python writes the mark only for utf-32 itself
    (tmp_path / "facts.json").write_bytes((mark + data).encode(encoding))
    code, lines = run("score", str(tmp_path / "facts.json"))
    assert (1, [f"错误：{tmp_path / 'facts.json'}:1: 不是 UTF-8 文本（第 0 字节）：文件是 UTF-32 编码"
                "（请另存为 UTF-8：记事本中点“文件 → 另存为”，编码选“UTF-8”）"]) == (code, lines)
    (tmp_path / "p.jsonl").write_bytes((mark + data + "\n{}\n").encode(encoding))
    code, lines = run("batch", str(tmp_path / "p.jsonl"), "-q")
    assert 1 == code and [f"错误：{tmp_path / 'p.jsonl'}: 这个 JSONL 文件是 UTF-32 编码，不是 UTF-8"
                          "（请另存为 UTF-8：记事本中点“文件 → 另存为”，编码选“UTF-8”）"] == [x for x in lines if x.startswith("错误")]


def test_a_project_id_of_18_digits_written_as_a_number_is_told_to_be_text(tmp_path: Path) -> None:
    """A 项目编号 exported as a bare number of 18 digits was refused as an amount, with 'check the unit and the digits'."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    (tmp_path / "set.yaml").write_bytes(SET.replace("−", "-").encode("utf-8"))
    text = json.dumps(facts, ensure_ascii=False).replace('"project": {', '"project": {"id": 110101202400000001, ', 1)
    (tmp_path / "facts.json").write_text(text, encoding="utf-8")
    code, lines = run("score", str(tmp_path / "facts.json"))
    assert 1 == code and lines[0].startswith(f"错误：{tmp_path / 'facts.json'}: $.project.id：110101202400000001 超出范围")
    assert lines[0].endswith("（加上引号，写成文字）")


@pytest.mark.parametrize(("old", "new", "said"), [
    ("    weight: 10\n", "    weight: １０\n", "weight 应为数字，实际是文字 '１０'（这是全角字符：把 １０ 改为半角的 10）"),
    ("  - id: decision\n", "  - id: ｄecision\n", "（'ｄ'（U+FF44）是全角字符：改为半角，写成 decision）"),
])
def test_a_full_width_digit_or_letter_is_named_as_full_width(old: str, new: str, said: str, tmp_path: Path) -> None:
    """weight: １５ and id ｄecision look to the eye as the message asks ('应为数字', '只能使用字母'): the full-width
    character is named, with the half-width text to write, as full-width punctuation is."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "set.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    code, found = run("validate", str(tmp_path / "set.yaml"))
    assert 1 == code and any(said in line for line in found), found


@pytest.mark.parametrize("written,hint", [
    ("95%", "比率在这里写成小数：把 95% 写成 0.95"),  # QA33 F11: "write a plain number" led to 95, which is 9500%
    ("0．95", "这是全角字符：把 0．95 改为半角的 0.95"),  # the digits are ASCII: not "全角数字"
])
def test_a_band_limit_written_as_a_percentage_or_with_a_full_width_stop_is_told_how_to_write_it(tmp_path: Path, written: str,
                                                                                                    hint: str) -> None:
    """A band's min written 95% on a rate, or 0．95 with a full-width full stop, is told what to write instead."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    assert "- {min: 0.95, points: 10}" in text
    (tmp_path / "s.yaml").write_text(text.replace("- {min: 0.95, points: 10}", f"- {{min: '{written}', points: 10}}", 1),
                                     encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(tmp_path / "s.yaml")])
    assert 1 == run.exit_code and hint in run.output, run.output


def test_a_cap_in_points_written_as_a_percentage_is_not_told_to_be_written_as_a_share(tmp_path: Path) -> None:
    """QA35 F6: `total_at_most: '60%'` (a cap in points) was told 'write 60% as 0.6', which caps the total at 0.6 points."""
    text = EXAMPLE_SET.read_text(encoding="utf-8") + "caps:\n  - {when: 'true', total_at_most: '60%', message: m}\n"
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(tmp_path / "s.yaml")])
    assert 1 == run.exit_code and "total_at_most" in run.output and "写成 0.6" not in run.output, run.output


def test_a_top_level_that_ends_before_more_follows_is_said_in_chinese(tmp_path: Path) -> None:
    """QA40 F6: a set whose first lines are an indented list, then `indicators:`, was `YAML 语法错误：expected
    '<document start>', but found '<block mapping start>'`: PyYAML's English in a Chinese line, with no fix."""
    path = tmp_path / "set.yaml"
    path.write_text("  - {label: 不合格, min: 0}\nindicators:\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert 1 == run.exit_code
    assert "set.yaml:2:1: YAML 语法错误：顶层的内容在上面已经结束，这里又遇到一个新的键（检查上面几行的缩进" in run.output, run.output


@pytest.mark.parametrize(("text", "said"), [
    ("id: x\nname: |k\n  text\n", "| 或 > 后面只能写 +、- 或表示缩进的数字，却是 'k'"),
    ("id: x\nname: !{x}\n", "! 后面应为标签名，却是 '{'（文字以 ! 开头时给它加上引号）")])
def test_pyyamls_other_syntax_errors_met_in_mutated_sets_are_said_in_chinese(text: str, said: str, tmp_path: Path) -> None:
    """Mutating the bundled sets at random (a character added or dropped, a line indented) met three PyYAML messages the
    catalog did not have (a block text's indicator, a tag's name, a key where none may be): English in a Chinese line."""
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert 1 == run.exit_code and said in run.output, run.output


def test_a_list_item_without_the_space_after_its_dash_is_named_with_the_fix(tmp_path: Path) -> None:
    """QA44 F6: `-{min: 0.9, …}` among a rule's bands was said as an indentation slip and a '?' key; it is the missing
    space after the dash, at its line, with what to type."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("- {min:"))
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(line, line.replace("- {", "-{", 1), 1), encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    problem = caught.value.problems[0]
    number = text.splitlines().index(line) + 1
    assert ("no space after the '-' of a list item: YAML reads the line as one text", number) == (problem.message, problem.line)
    assert "在 - 后面加一个空格" in problem.text("zh")
    text = "facts:\n  f:\n    - 资料不全\n    -未按期报送\n  g: 1\n"  # Chinese text after the dash too (QA45 F3)
    with pytest.raises(FactsError) as refused:
        from scoring_engine import parse_facts

        parse_facts(text, source="f.yaml", yaml=True)
    assert (4, "no space after the '-' of a list item: YAML reads the line as one text") == \
        (refused.value.problems[0].line, refused.value.problems[0].message)


def test_a_full_width_semicolon_between_entries_and_a_chinese_quote_in_a_formula_are_named_with_the_fix() -> None:
    """QA44 F10: `{type: number；min: 0}` was said as a missing comma at the next colon, and a formula opened with “ was
    told only that names must be ASCII; each is named, with the ASCII character to type."""
    from scoring_engine import FormulaError
    from scoring_engine.formulas import compile_formula

    [slip] = line_slips("  x: {type: number；min: 0}", 5)
    assert ("；", 5, 19) == (slip.char, slip.line, slip.column)
    assert "full-width semicolon '；' where YAML expects ','" == slip.problem("s.yaml", "YAML").message
    with pytest.raises(FormulaError) as caught:
        compile_formula("“a\" == x", {"x": "string"})
    assert "type '\"' instead" == caught.value.problems[0].hint


def test_true_written_where_text_or_a_number_is_due_is_not_told_yaml_reads_it_as_itself(tmp_path: Path):
    """QA91 F6, QA92 F7: `label: true` and `zero_at_count: true` were told 'YAML reads true as true'; only a word YAML
    turns into true or false (yes, no, on, off) is said so."""
    text = EXAMPLE_SET.read_text(encoding="utf-8").replace("label: 优", "label: true", 1)
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    code, lines = run("--lang", "en", "validate", str(tmp_path / "t.yaml"))
    assert 1 == code and any('label must be text, got true (a yes/no value) (put it in quotes: "true")' in line
                             for line in lines), lines
    (tmp_path / "y.yaml").write_text(text.replace("label: true", "label: yes", 1), encoding="utf-8")
    code, lines = run("--lang", "en", "validate", str(tmp_path / "y.yaml"))
    assert 1 == code and any('(YAML reads yes as true; put it in quotes: "yes")' in line for line in lines), lines


def test_a_fact_whose_own_declaration_is_refused_is_not_also_said_to_have_the_wrong_type(tmp_path: Path):
    """QA92 F9: `values: [yes, no, 全额到位]` on a text fact was refused at its values, then its reader was told the fact
    is 'a number fact' and to declare one of type string, which it is: its own lines alone are said."""
    text = EXAMPLE_SET.read_text(encoding="utf-8").replace("values: [按比例, 分档, 全额到位]", "values: [yes, no, 全额到位]", 1)
    (tmp_path / "v.yaml").write_text(text, encoding="utf-8")
    code, lines = run("--lang", "en", "validate", str(tmp_path / "v.yaml"))
    assert 1 == code and 2 == len(lines) and all("budget.funding_method.values[" in line for line in lines), lines


def test_a_grade_label_given_twice_is_said_alone_not_after_what_it_leaves_out(tmp_path: Path):
    """QA82 F8: a grade 中 retyped 良 was said first as explain_when's "'中' is not one of grade's values: 优, 良, 良, 差"
    (line 140), and only then as the label given twice (line 152): the slip is said, not what follows from it."""
    text = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    (tmp_path / "n.yaml").write_text(text.replace("- {label: 中, min: 60", "- {label: 良, min: 60", 1), encoding="utf-8")
    code, lines = run("--lang", "en", "validate", str(tmp_path / "n.yaml"))
    assert 1 == code and 1 == len(lines) and "label" in lines[0] and "良" in lines[0], lines


def test_a_values_list_parted_by_a_full_width_comma_is_said_at_the_list(tmp_path: Path):
    """QA94 F4: `values: [按比例，分档, 全额到位]` read '按比例，分档' as one value, and the default was offered it as
    'did you mean': the list is named, with the list to write, and the default waits for it."""
    text = EXAMPLE_SET.read_text(encoding="utf-8").replace("values: [按比例, 分档, 全额到位]", "values: [按比例，分档, 全额到位]", 1)
    (tmp_path / "v.yaml").write_text(text, encoding="utf-8")
    code, lines = run("--lang", "en", "validate", str(tmp_path / "v.yaml"))
    assert 1 == code and 1 == len(lines), lines
    assert "values[0]" in lines[0] and "holds a full-width comma '，'" in lines[0] and "(write [按比例, 分档, 全额到位])" in lines[0]


def test_a_key_indented_between_two_levels_is_named_on_the_line_out_of_line_with_both_indentations(tmp_path: Path):
    """QA305 3: a change's first key indented 6 spaces and the next 4 was said at the next line ("缩进不一致：这里遇到一个
    新的键"), naming neither the line out of line nor the two indentations. Both lines are named, each with its spaces."""
    (tmp_path / "p.yaml").write_text("extends: national-framework\nid: p\nname: 省级方案\nversion: '1'\nchange:\n"
                                     "  output.quality:\n      weight: 10\n    rescale: true\n", encoding="utf-8")
    code, lines = run("validate", str(tmp_path / "p.yaml"))
    assert 1 == code
    assert [f"错误：{tmp_path / 'p.yaml'}:7:7: YAML 语法错误：第 7 行缩进 6 个空格，而它下面的第 8 行缩进 4 个空格"
            "（同一层的键要对齐：第 7 行和第 8 行缩进同样多的空格）"] == lines
    code, lines = run("validate", str(tmp_path / "p.yaml"), lang="en")
    assert "line 7 is indented 6 spaces and line 8 below it 4" in lines[0]
    # below keys that agree with each other, the key out of line is the one named, where it is
    (tmp_path / "p.yaml").write_text("extends: national-framework\nid: p\nname: 省级方案\nversion: '1'\nchange:\n"
                                     "  output.quality:\n    weight: 10\n    rescale: true\n   note: 改\n", encoding="utf-8")
    code, lines = run("validate", str(tmp_path / "p.yaml"))
    assert [f"错误：{tmp_path / 'p.yaml'}:9:4: YAML 语法错误：第 9 行缩进 3 个空格，而它上面的键缩进 4 个空格（第 8 行）"
            "（同一层的键要对齐：第 8 行和第 9 行缩进同样多的空格）"] == lines
