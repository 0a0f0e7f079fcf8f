"""Invisible characters pasted into a set or a facts file (from a web page, Word, WeChat), named at their own line and
column with how to fix them, never the parser's words at another line (QA177 F3, F4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_SET
from scoring_engine.cli import main

AFTER_COLON = ["\u00a0", "\u200b", "\ufeff", "\u200d", "\u202f"]


def _validate(path: Path, lang: str = "zh") -> tuple[int, list[str]]:
    run = CliRunner().invoke(main, ["--lang", lang, "validate", str(path)])
    return run.exit_code, run.output.splitlines()


@pytest.mark.parametrize("char", AFTER_COLON, ids=[f"U+{ord(c):04X}" for c in AFTER_COLON])
def test_an_invisible_character_after_a_colon_is_named_on_its_line(char: str, tmp_path: Path) -> None:
    """'b:\\u00a02' was 't.yaml:3:1: YAML 语法错误：这一行缺少键后面的冒号', a line below, naming nothing; it is named at line 2
    with the fix, as a full-width space after a colon is (QA177 F3)."""
    path = tmp_path / "t.yaml"
    path.write_text(f"a: 1\nb:{char}2\nc: 3\n", encoding="utf-8")
    code, lines = _validate(path)
    assert 1 == code and len(lines) == 1, lines
    assert lines[0].startswith(f"错误：{path}:2:3: '\\u{ord(char):04X}' 是看不见的"), lines
    assert "YAML 在这里只能是空格（删去它，换成一个空格：" in lines[0] and "冒号" not in lines[0], lines
    code, lines = _validate(path, "en")
    assert lines == [f"error: {path}:2:3: an invisible {_NAMES[char]} '\\u{ord(char):04X}' where YAML expects only "
                     "spaces (type a space in its place: it came with text pasted from a web page, Word or another file)"]


_NAMES = {"\u00a0": "no-break space", "\u200b": "zero-width space", "\ufeff": "byte order mark",
          "\u200d": "zero-width joiner", "\u202f": "narrow no-break space"}


def test_a_no_break_space_after_a_colon_in_the_example_set_is_named_at_its_line(tmp_path: Path) -> None:
    """precision:\\u00a02 in a whole set was a missing colon a line below, in PyYAML's English words (QA177 F3)."""
    path = tmp_path / "set.yaml"
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    assert "\nprecision: 2\n" in text
    path.write_text(text.replace("\nprecision: 2\n", "\nprecision:\u00a02\n"), encoding="utf-8")
    line = text.split("\nprecision: 2\n")[0].count("\n") + 2
    code, lines = _validate(path)
    assert 1 == code and lines[0].startswith(f"错误：{path}:{line}:11: '\\u00A0' 是看不见的不换行空格"), lines


@pytest.mark.parametrize("char", AFTER_COLON, ids=[f"U+{ord(c):04X}" for c in AFTER_COLON])
def test_an_invisible_character_after_a_list_dash_is_named_on_its_line(char: str, tmp_path: Path) -> None:
    """QA183 F8: '-\u00a0{min: 0.95, points: 10}' in the example set's bands was 这里不能出现“键: 值”（检查这一行和上一行的
    冒号与缩进）, naming nothing; it is named at its line and column with the fix, as after a colon."""
    path = tmp_path / "set.yaml"
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    item = next(row for row in text.splitlines() if row.lstrip().startswith("- {min:"))
    path.write_text(text.replace(item, item.replace("- ", f"-{char}", 1), 1), encoding="utf-8")
    line, column = text.split(item)[0].count("\n") + 1, item.index("-") + 2
    code, lines = _validate(path)
    assert 1 == code and len(lines) == 1, lines
    assert lines[0].startswith(f"错误：{path}:{line}:{column}: '\\u{ord(char):04X}' 是看不见的"), lines
    assert "YAML 在这里只能是空格（删去它，换成一个空格：" in lines[0] and "键: 值" not in lines[0], lines
    (facts := tmp_path / "facts.yaml").write_text(f"facts:\n  rows:\n    -{char}{{a: 1}}\n    - {{a: 2}}\n",
                                                  encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", "--set", str(EXAMPLE_SET), str(facts)])
    assert f"{facts}:3:6: an invisible {_NAMES[char]} '\\u{ord(char):04X}' where YAML expects only spaces (type a " \
           "space in its place" in run.output, run.output


@pytest.mark.parametrize("spaces", [" ", "  "])
@pytest.mark.parametrize("char", AFTER_COLON, ids=[f"U+{ord(c):04X}" for c in AFTER_COLON])
def test_an_invisible_character_after_spaces_after_a_dash_or_colon_is_named_at_its_column(char: str, spaces: str,
                                                                                           tmp_path: Path) -> None:
    """QA185 F4: '- \u00a0{min: 0.95, points: 10}' (a space, then a no-break space, after a list dash) and
    'bands: \u00a0[…]' were 这里不能出现“键: 值”（检查这一行和上一行的冒号与缩进）, naming nothing; the invisible character is
    named at its own column with the fix, as it is right after the dash or colon (QA183 F8, QA177 F3)."""
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    item = next(row for row in text.splitlines() if row.lstrip().startswith("- {min:"))
    dashed = item.replace("- ", f"-{spaces}{char}", 1)
    line, column = text.split(item)[0].count("\n") + 1, item.index("-") + 2 + len(spaces)
    (path := tmp_path / "set.yaml").write_text(text.replace(item, dashed, 1), encoding="utf-8")
    code, lines = _validate(path)
    assert 1 == code and len(lines) == 1, lines
    assert lines[0].startswith(f"错误：{path}:{line}:{column}: '\\u{ord(char):04X}' 是看不见的"), lines
    assert "YAML 在这里只能是空格（删去它，换成一个空格：" in lines[0] and "键: 值" not in lines[0], lines
    flow = f"facts:\n  rows:{spaces}{char}[{{a: 1}}, {{a: 2}}]\n  other: 1\n"
    (facts := tmp_path / "facts.yaml").write_text(flow, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", "--set", str(EXAMPLE_SET), str(facts)])
    assert f"{facts}:2:{8 + len(spaces)}: an invisible {_NAMES[char]} '\\u{ord(char):04X}' where YAML expects only " \
           "spaces (type a space in its place" in run.output, run.output


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_inside_a_value_is_named_at_its_real_line(char: str, tmp_path: Path) -> None:
    """A U+2028 pasted inside a name is a line break to YAML: the line after it was said to miss its colon, a line the
    file does not have (the parser's count); it is named at its line and column in the file (QA177 F3)."""
    path = tmp_path / "set.yaml"
    text = EXAMPLE_SET.read_text(encoding="utf-8")
    name = next(row for row in text.splitlines() if row.startswith("name: "))
    path.write_text(text.replace(name, name[:8] + char + name[8:]), encoding="utf-8")
    line = text.split(name)[0].count("\n") + 1
    code, lines = _validate(path)
    assert 1 == code and len(lines) == 1, lines
    assert lines[0].startswith(f"错误：{path}:{line}:9: '\\u{ord(char):04X}' 是看不见的"), lines
    assert "YAML 会把它当作换行（删去它：" in lines[0], lines


def test_a_problem_after_a_line_separator_is_said_at_the_files_line(tmp_path: Path) -> None:
    """A mistake lines below a U+2028 held in quotes (which YAML reads) is said at the file's line, not one line on."""
    path = tmp_path / "t.yaml"
    path.write_text('a: "x\u2028y"\nb: 1\nc：2\nd: 3\n', encoding="utf-8")
    code, lines = _validate(path)
    assert 1 == code and lines[0].startswith(f"错误：{path}:3:2: '：' 是全角冒号"), lines


def test_an_invisible_character_after_a_colon_in_a_yaml_facts_file_is_named(tmp_path: Path) -> None:
    """A facts file in YAML is read as a set is: the no-break space after budget.total's colon is named at its line."""
    (tmp_path / "set.yaml").write_text(EXAMPLE_SET.read_text(encoding="utf-8"), encoding="utf-8")
    facts = tmp_path / "facts.yaml"
    facts.write_text("indicator_set: set.yaml\nfacts:\n  budget:\n    total:\u00a0200\n    paid: 186\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 1 == run.exit_code and f"{facts}:4:11: '\\u00A0' 是看不见的不换行空格" in run.output, run.output


@pytest.mark.parametrize("char", ["\u00a0", "\u200b", "\u202f"])
def test_an_invisible_character_in_a_json_facts_file_is_named_with_the_fix(char: str, tmp_path: Path) -> None:
    """A no-break or zero-width space before a key was 'JSON 语法错误：这里应为用双引号括起的键名' (the key is quoted),
    naming nothing, where a full-width space there is named (QA177 F4)."""
    facts = tmp_path / "facts.json"
    facts.write_text(f'{{"indicator_set": "{EXAMPLE_SET.as_posix()}",\n  "facts": {{\n  {char}"budget": {{}}}}}}\n',
                     encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(facts)])
    assert 1 == run.exit_code and run.output.startswith(f"错误：{facts}:3:3: '\\u{ord(char):04X}' 是看不见的"), run.output
    assert "JSON 在这里只能是空格（删去它" in run.output and "键名" not in run.output, run.output


def test_a_json_facts_file_with_its_byte_order_mark_twice_is_told_to_delete_one(tmp_path: Path) -> None:
    """Two byte order marks were Python's 'Unexpected UTF-8 BOM (decode using utf-8-sig)' (QA177 F4)."""
    facts = tmp_path / "facts.json"
    facts.write_text(f'\ufeff\ufeff{{"indicator_set": "{EXAMPLE_SET.as_posix()}", "facts": {{}}}}', encoding="utf-8")
    for lang, said in (("zh", "开头多了一个字节顺序标记（BOM）'\\uFEFF'，JSON 不接受（删去它：文件开头最多只能有一个"),
                       ("en", "one byte order mark '\\uFEFF' too many at the start of the text, which JSON does not take")):
        run = CliRunner().invoke(main, ["--lang", lang, "score", str(facts)])
        assert 1 == run.exit_code and f"{facts}:1:1: " in run.output and said in run.output, run.output
        assert "utf-8-sig" not in run.output


@pytest.mark.parametrize("indent", ["\u3000\u3000", "\u00a0", "\u00a0\u00a0"])
def test_a_text_value_beginning_with_a_full_width_indent_is_not_blamed_for_a_syntax_error_lines_below(
        indent: str, tmp_path: Path) -> None:
    """QA187 F3: 'reason: 　　工程一次性通过竣工验收' (a Chinese paragraph's indent, or no-break spaces pasted with it) is
    valid YAML; a real indentation error two lines below was said to be that '\\u3000' (全角空格…), at the text's line.
    The error is said where it is, as before QA185 F4; a list item's text beginning so is not blamed either. The slips
    that fix was for ('- \\u00a0{min: …}', 'bands: \\u00a0[…]') are still named: another test."""
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"facts:\n  budget.total: 100\n  reason: {indent}工程一次性通过竣工验收\n  rows:\n    -  {indent}文字\n"
                     "  other: 1\n bad: 1\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", "--set", str(EXAMPLE_SET), str(facts)])
    assert 1 == run.exit_code and run.output.startswith(f"error: {facts}:7:2: YAML syntax: "), run.output
    assert "invisible" not in run.output and "full-width" not in run.output, run.output
    facts.write_text(facts.read_text(encoding="utf-8").replace(" bad: 1\n", ""), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", "--set", str(EXAMPLE_SET), str(facts)])
    assert "YAML syntax" not in run.output and "invisible" not in run.output and "full-width" not in run.output, run.output
