"""A formula Python does not read is said in the engine's own words, the same on every Python it runs on (3.11 and
later): these tests assert the one message, so they hold on each version they run on (QA215)."""

from __future__ import annotations


from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_SET
from test_formulas import _refused as refused

from scoring_engine import FormulaError
from scoring_engine.cli import main
from scoring_engine.errors import Problem
from scoring_engine.formulas import compile_formula

SCOPE = {"months_late": "number", "execution_rate": "number", "budget.paid": "number", "project.level": "string",
         "project.ok": "boolean"}


def _refused(text: str) -> Problem:
    """The first problem of `text` refused as a formula; nothing printed on the way."""
    return refused(text, SCOPE)


@pytest.mark.parametrize(("text", "message", "hint", "chinese"), [
    ("max(months_late - 03, 0)", "syntax error: the number 03 cannot start with 0", "write 3", "数字 03 不能以 0 开头"),
    ("1 if months_late <= 03else 0", "syntax error: the number 03 cannot start with 0", "write 3", "（写成 3）"),
    ("months_late 03", "syntax error: the number 03 cannot start with 0", "write 3", "（写成 3）"),
    ("0777", "syntax error: the number 0777 cannot start with 0", "write 777", "（写成 777）"),
    ("months_late > 0_3", "syntax error: the number 0_3 cannot start with 0", "write 3", "数字 0_3 不能以 0 开头"),
    ("execution_rate >= 090%", "syntax error: the number 090 cannot start with 0", "write the ratio: 0.9 for 090%",
     "写成比率：090% 写作 0.9"),
    ("months_late + 1__0", "write numbers in plain decimal notation, not 1__0", "write 10", "（写成 10）"),
    ("months_late + 5_", "write numbers in plain decimal notation, not 5_", "write 5", "不要写成 `5_`"),
    ("months_late + 1_.5", "write numbers in plain decimal notation, not 1_.5", "write 1.5", "（写成 1.5）"),
    ("1_if project.ok else 0", "write numbers in plain decimal notation, not 1_", "write 1", "（写成 1）"),
    ("months_late + 0b2", "write numbers in plain decimal notation, not 0b2", None, "数字用普通的十进制写法"),
    ("months_late + 0o8", "write numbers in plain decimal notation, not 0o8", None, "不要写成 `0o8`"),
    ("months_late + 0b12", "write numbers in plain decimal notation, not 0b12", None, "不要写成 `0b12`"),
    ("(0x", "write numbers in plain decimal notation, not 0x", None, "不要写成 `0x`"),
    ("months_late + 1e+", "write numbers in plain decimal notation, not 1e+", None, "不要写成 `1e+`"),
    ("months_late = \\", "syntax error: a backslash \\ outside a text", "delete it; in a text, write \\\\ for a backslash",
     "文字之外有反斜杠"),
    ("months_late <> \\ 1", "syntax error: a backslash \\ outside a text", "delete it; in a text, write \\\\ for a backslash",
     "删去它"),
])
def test_a_number_no_python_reads_is_said_once_with_a_fix_that_works(text: str, message: str, hint: str | None,
                                                                      chinese: str) -> None:
    """QA215 1: `03` was 'no operator between 0 and 3' on 3.11 (its tokenizer split it), Python's 'leading zeros in
    decimal integer literals are not permitted; use an 0o prefix for octal integers' on 3.12 (whose fix, 0o3, is
    refused), and `0b2`, `1__0`, `1e+`, a backslash outside a text were said otherwise again by each version. The number
    is found in the formula's text first, said once with a fix the language takes, in Chinese too."""
    problem = _refused(text)
    assert (message, hint) == (problem.message, problem.hint)
    zh = problem.text("zh")
    assert chinese in zh and "0o prefix" not in zh and "literal" not in zh


@pytest.mark.parametrize(("text", "typed", "fix"), [
    ("1 if project.level == “03” else 0", "“", '"'), ("1 if project.level == ‘03’ else 0", "‘", "'"),
    ("project.level == ＂03＂", "＂", '"'), ("project.level == 「03」", "「", None), ("project.level == ＇0777＇", "＇", "'"),
    ("project.level == “1__0”", "“", '"'), ("project.level == ‘5_’", "‘", "'"), ("project.level == “0b2”", "“", '"'),
    ("project.level == “1e+”", "“", '"'), ("project.level == “a\\b”", "“", '"'), ("months_late＞03", "＞", ">"),
    ("months_late＞0b2", "＞", ">"), ("project.level == '县' and months_late ≥ 03", "≥", ">="),
])
def test_a_code_typed_in_curly_quotes_is_told_the_quote_not_to_drop_the_0(text: str, typed: str, fix: str | None) -> None:
    """QA220 3: `== “03”` was told 数字 03 不能以 0 开头（写成 3）, whose fix changes the code the author meant ("03" never
    matches again), and `“a\\b”` to delete the backslash: the number check ran before the check of characters an input
    method typed, and read into their quotes. A character typed so, outside a text and before the number, is said first
    with its fix, as before QA215 1 (`months_late＞03`: the ＞), the same on every Python."""
    problem = _refused(text)
    assert problem.message.startswith(f"character {typed!r} (U+{ord(typed):04X} ")
    assert problem.hint == (f"type {fix!r} instead" if fix else "names and operators must be ASCII")
    assert f"文字常量之外有字符 {typed!r}" in problem.text("zh") and "不能以 0 开头" not in problem.text("zh")


@pytest.mark.parametrize(("text", "number"), [
    ("months_late > 03 and project.level == “县”", "03"), ("project.level == '县' or months_late > 03", "03"),
    ("months_late + 1__0 > months_late＞1", "1__0"),
])
def test_a_number_before_a_typed_character_is_said_first(text: str, number: str) -> None:
    """A number no Python reads, written before any character an input method typed (a character past ASCII in a text
    is the text's), is said first, as it is alone: the first of the two in reading order."""
    assert number in _refused(text).message.split()


@pytest.mark.parametrize("text", ["months_late > 3", "months_late > 0", "months_late > 00", "months_late > 0.5",
                                  "months_late > 00.5", "months_late > 1_000", "months_late > .5",
                                  "1 if project.level == '03' else 0", "1 if project.level == 'a\\\\b' else 0",
                                  "g0_i0 > 1", "months_late \\\n  > 1"])
def test_numbers_python_reads_and_numbers_in_texts_are_taken_as_before(text: str) -> None:
    """A number written as the language takes it, and 03 inside a text or a name, are no number problem; a backslash
    ending a line (a formula over lines) is none either."""
    scope = {**SCOPE, "g0_i0": "number"}
    assert compile_formula(text, scope).text == text


def test_a_number_a_fix_of_its_own_is_followed_by_loads(tmp_path) -> None:
    """QA215 1: following the fix said of `- 03` (write 3) gives a set that loads; before, 3.12's fix (0o3) was refused."""
    original = EXAMPLE_SET.read_text(encoding="utf-8")
    formula = "max(months_between(output.planned_end, output.actual_end), 0)"
    assert formula in original
    written = tmp_path / "set.yaml"
    written.write_text(original.replace(formula, formula.replace("), 0)", ") - 03, 0)")), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(written)])
    assert 1 == run.exit_code
    assert "语法错误：数字 03 不能以 0 开头" in run.output and "（写成 3）" in run.output
    written.write_text(original.replace(formula, formula.replace("), 0)", ") - 3, 0)")), encoding="utf-8")
    assert 0 == CliRunner().invoke(main, ["validate", str(written)]).exit_code


@pytest.mark.parametrize(("text", "at"), [
    ("min(execution_rate, *)", 21), ("max(*)", 5), ("max(*, months_late)", 5), ("[*]", 2), ("(*)", 2), ("*", 1),
])
def test_a_star_alone_is_said_the_same_on_every_python(text: str, at: int) -> None:
    """QA215 2: `min(execution_rate, *)` was 'invalid syntax' on 3.11 and 3.12 and Python's English 'Invalid star
    expression' under 语法错误 on 3.13. A * with no value on either side is said as such, with its place and the fix."""
    problem = _refused(text)
    assert f"syntax error: * with nothing to multiply (at character {at})" == problem.message
    assert "* multiplies two values" in (problem.hint or "")
    assert f"语法错误：* 前后没有相乘的值（第 {at} 个字符处）" in problem.text("zh") and "Invalid" not in problem.text("zh")


@pytest.mark.parametrize(("text", "written"), [
    ("f'a", "f'a"), ("f'{months_late}", "f'{months_late}"), ("f'县{months_late}'", "f'县{months_late}'"),
    ("f'{1if project.ok else 0}'", "f'{1if project.ok else 0}'"), ("f'\\d'", "f'\\d'"), ("f'{months_late（}'", "f'{months_late（}'"),
    ("months_late + f'{months_late}' 'x'", "f'{months_late}'"),
])
def test_an_f_string_is_refused_as_one_before_anything_in_it_is_read(text: str, written: str) -> None:
    """QA215 2: an f-string left open (`f'a`) was refused as an f-string on 3.11 and said to be a text left open on 3.12
    and 3.13, whose tokenizer reads into f-strings: a character past ASCII, a number run into a word or an escape in one
    was said of it there and not on 3.11 (3.12 printed Python's warning for `f'\\d'`). Every f-string is refused as one,
    nothing printed, on every Python."""
    problem = _refused(text)
    assert f"f-strings not allowed in formulas: {written}" == problem.message
    assert "公式中不允许使用 f-string" in problem.text("zh")


def test_a_text_holding_f_and_a_quote_is_no_f_string() -> None:
    """A text `'if'` or `"x f'"` holds no f-string: the formula is taken."""
    assert compile_formula("1 if project.level == \"x f'\" else 0", SCOPE)
    assert compile_formula("1 if project.level == 'if' else 0", SCOPE)


@pytest.mark.parametrize(("text", "written"), [
    ("''''''f'[project.level", "f'[project.level"), ("project.level == ''f'{months_late}'", "f'{months_late}'"),
    ("project.level == 'a'F'x'", "F'x'"), ("project.level == \"a\"rf'{months_late}", "rf'{months_late}"),
])
def test_an_f_string_right_after_a_text_is_refused_as_one(text: str, written: str) -> None:
    """QA220 6: `''''''f'[budget.funding_method` was a text left open at character 8 on 3.11 and an f-string on 3.12 and
    3.13: an f-string written at once after a text's closing quote was not looked for before the tokenizer. Texts are
    read left to right, and an f-string outside them is refused as one, the same on every Python."""
    assert f"f-strings not allowed in formulas: {written}" == _refused(text).message


@pytest.mark.parametrize(("text", "at"), [
    ("\"a + f'", 1), ("project.level == \"a + f'x", 18), ("project.level == '县 + f\"x", 18), ("'a' + \"b f'{c}", 7),
])
def test_a_text_left_open_holding_f_and_a_quote_is_said_left_open(text: str, at: int) -> None:
    """QA220 6: `"a + f'` was refused as an f-string on every Python, though its f' is in a text never closed: said as
    the text left open, at its quote."""
    problem = _refused(text)
    assert problem.message.startswith(f"syntax error: the text opened with {text[at - 1]} at character {at} is ")
    assert "f-string" not in problem.text("zh")


#: Python's words on what these write, each of which reached the Chinese line in English (QA215 3).
_PYTHON_WORDS = ("expected", "unicode", "codec", "escape ", "unpacking", "bytes", "literal", "argument", "Invalid",
                 "comprehension", "invalid")


@pytest.mark.parametrize(("text", "what"), [
    ("min({execution_rate: 1, 2})", "dict literals"), ("{months_late:}", "dict literals"),
    ("max(**months_late, *months_late)", "* unpacking"), ("max(**months_late, execution_rate)", "keyword arguments"),
    ("b'中'", "bytes literals"), ("max(*months_late for months_late in execution_rate)", "comprehensions"),
    ("lambda *, : 1", "lambda"),
])
def test_a_construct_python_words_in_english_is_refused_in_the_languages_words(text: str, what: str) -> None:
    """QA215 3: `min({execution_rate: 1, 2})` said Python's "':' expected after dictionary key" under 语法错误, and
    `max(**a, *b)`, `b'中'` Python's words too. Each is refused as the construct it writes, with where the formula
    language is listed, in Chinese with none of Python's English."""
    problem = _refused(text)
    assert (f"{what} not allowed in formulas: {text}", "see 'What a formula may contain' in docs/formulas.md") == \
        (problem.message, (problem.hint or "")[-len("see 'What a formula may contain' in docs/formulas.md"):])
    zh = problem.text("zh").replace(text, "")
    assert "公式中不允许使用" in zh and "docs/formulas.md" in zh
    assert [] == [word for word in _PYTHON_WORDS if word in zh]


@pytest.mark.parametrize(("text", "escape"), [
    ("1 if project.level == '\\x4' else 0", "\\x4"), ("project.level == '\\u12'", "\\u12"),
    ("project.level == '\\N{foo}'", "\\N{foo}"), ("project.level == '\\U0011FFFF'", "\\U0011FFFF"),
    ("project.level == b'\\x4'", "\\x4"),
])
def test_a_character_code_python_cannot_read_in_a_text_is_said_with_its_fix(text: str, escape: str) -> None:
    """QA215 3: `'\\x4'` said Python's "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2：truncated
    \\xXX escape" under 语法错误. The escape is named, with the fix: write the character itself."""
    problem = _refused(text)
    assert problem.message.endswith(f"holds {escape}, which is not an escape")
    assert "write the character itself, not its code; a backslash is written \\\\" == problem.hint
    zh = problem.text("zh")
    assert f"中的 {escape} 不是有效的转义" in zh and "直接写出这个字符" in zh and "codec" not in zh


@pytest.mark.parametrize(("text", "message"), [
    ("1 if project.level == '\\x4' 'abc else 0", "syntax error: the text '\\x4' holds \\x4, which is not an escape"),
    ("1 if project.level == '\\d' 'abc else 0", "syntax error: the text '\\d' holds \\d, which is not an escape"),
    ("project.level == '\\d' + 'abc", "syntax error: the text '\\d' holds \\d, which is not an escape"),
    ("min('\\u12', 'abc", "syntax error: the text '\\u12' holds \\u12, which is not an escape"),
    ("project.level == \"abc '\\d'", "syntax error: the text opened with \" at character 18 is closed with '"),
    ("project.level == \"abc \\d", "syntax error: the text opened with \" at character 18 is never closed"),
    ("project.level == 'abc \\x4", "syntax error: the text opened with ' at character 18 is never closed"),
])
def test_a_bad_escape_and_a_text_left_open_are_said_in_reading_order(text: str, message: str) -> None:
    """QA220 5: `'\\x4' 'abc` was told the escape on 3.11 and the text left open on 3.12 and 3.13, whose tokenizer
    stops at the open text's line; `'\\d' 'abc` printed Python's `SyntaxWarning: invalid escape sequence '\\d'` there.
    The first in reading order is said, the same on every Python, nothing printed: an escape before the open text is the
    escape's, one inside it is the text's."""
    assert message == _refused(text).message


def test_python_warns_of_nothing_a_formula_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA220 5: what the parser would warn of (an escape that is none, `'\\d'`) is refused by the engine before it
    parses; were it to reach the parser all the same, the warning is no line of Python's on standard error, and the
    formula is refused, not taken."""
    import scoring_engine.formulas

    monkeypatch.setattr(scoring_engine.formulas, "glued_problem", lambda text: None)
    problem = _refused("project.level == '\\d'")
    assert problem.message.startswith("syntax error") and "SyntaxWarning" not in problem.text("zh")


def test_a_character_code_python_reads_is_taken() -> None:
    """`'\\x41'`, `'\\u4e00'`, `'\\N{DIGIT ONE}'` are escapes Python reads: the formula is taken, the text read as written."""
    assert compile_formula("1 if project.level == '\\N{DIGIT ONE}\\x41\\u4e00' else 0", SCOPE).evaluate(
        {"project.level": "1A一"}) == 1


def test_python_words_the_engine_does_not_know_are_said_where_and_never_in_english_under_zh() -> None:
    """QA215 3: a message of Python's parser with no Chinese of the engine's reached the Chinese line as it is. Words the
    engine does not know are said with the character where Python stopped; in Chinese, 公式写法有误 there, Python's
    English left out."""
    from scoring_engine._formula_python import syntax_problem

    err = SyntaxError("some words a later Python has", ("<unknown>", 2, 9, "min(execution_rate 2)", 2, 10))
    problem = syntax_problem(err, "min(execution_rate 2)")
    assert problem.message == "syntax error at character 9: some words a later Python has"
    assert problem.text("zh").startswith("语法错误：公式写法有误（第 9 个字符处）")
    assert "words" not in problem.text("zh")


@pytest.mark.parametrize("text", [
    "a +", "(a", "a)", "a]", "[a)", "a if b", "a if b else", "*a", "**a", "max(a=1, 2)", "xs[]", "min(a,, b)", "a**",
    "not", "a ==", "a if b else c if", "a < > b", "max(a", "max(,a)", "max(a)(b)", "budget.", "a; b", "a,", "...",
    "a\\\nb", "'x\\q'", "a[b", "a{", "{a", "@a", "not not", "a and or b", "-", "1 2", "'x' a", "max(**)", "[a, *]",
    "max(* *)", "a + *b", "(a := )", "a[1:2:3:4]", "lambda: 1", "'a' 'b' 'c", "1jx", "1e", "1.5e", "0x10findings", "a ? b",
    "a $ b", "`a`", "a!", "{**}", "{a: *b}", "f'{a!x}'",
])
def test_no_python_english_reaches_a_chinese_line(text: str) -> None:
    """QA215 3: a formula that does not parse is said in Chinese with none of Python's English words."""
    scope = {"a": "number", "b": "number", "c": "number", "xs": "list", "budget.paid": "number"}
    with pytest.raises(FormulaError) as caught:
        compile_formula(text, scope)
    for problem in caught.value.problems:
        zh = problem.text("zh").replace(f"`{text}`", "").replace("What a formula may contain", "")
        assert [] == [word for word in _PYTHON_WORDS if word in zh], zh


@pytest.mark.parametrize("text", [
    "months_late >= 1\r（",  # a typed bracket after the carriage return: 3.12 and 3.13 stopped on a UnicodeDecodeError
    "100\r：",
    "max(0.9, months_late\r…\n+ 1e5)",
    "months_late >= 'a\rb''open 'open",  # a text the carriage return cuts: an uncaught SyntaxError on every Python
    "months_late\r\n+ 1 1",
])
def test_a_carriage_return_in_a_formula_is_read_as_a_line_break_on_every_python(text: str) -> None:
    """QA223 4: a formula given with a carriage return (through the API, or a set's "\\r" escape) stopped the check with
    an internal error on some Pythons. It ends a line, as Python's parser reads it: the problem said is the one of the
    formula written with a line break there."""
    problem, with_line_breaks = _refused(text), _refused(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert (problem.message, problem.hint) == (with_line_breaks.message, with_line_breaks.hint)


def test_a_carriage_return_between_the_lines_of_a_formula_that_reads_is_a_line_break() -> None:
    """A formula whose lines a carriage return ends (as a file saved on Windows and pasted whole) is the formula."""
    formula = compile_formula("months_late\r\n+ 1\r* 2", SCOPE)
    assert formula.evaluate({"months_late": Decimal(1)}) == 3


@pytest.mark.parametrize(("text", "closing"), [
    ('} "县"<>', "}"), ("<]=budget.paid", "]"), ("months_late = )", ")"), ("100%1_000\n) 1.5", ")"),
    ("budget.paid >= 90%)", ")"), (",<>\n)1e5", ")"),
])
def test_a_closing_bracket_the_formula_never_opened_is_said_first_on_every_python(text: str, closing: str) -> None:
    """QA223 5: a formula with a stray closing bracket and another slip (=, <>, 90%) was said by its bracket on 3.11 and
    by the slip on 3.12 and 3.13, whose tokenizers read the stray bracket otherwise. The bracket, which Python's parser
    meets first on every version, is said first; the slip is said once it is deleted."""
    problem = _refused(text)
    assert (f"syntax error: unmatched '{closing}'", f"delete the {closing}, or open it with a "
            f"{ {')': '(', ']': '[', '}': '{'}[closing]}") == (problem.message, problem.hint)
