"""A formula Python does not read is said in the engine's own words, the same on every Python it runs on (3.11 and
later): these tests assert the one message, so they hold on each version they run on (QA215)."""

from __future__ import annotations

import warnings

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_SET

from scoring_engine import FormulaError
from scoring_engine.cli import main
from scoring_engine.errors import Problem
from scoring_engine.formulas import compile_formula

SCOPE = {"months_late": "number", "execution_rate": "number", "budget.paid": "number", "project.level": "string",
         "project.ok": "boolean"}


def _refused(text: str) -> Problem:
    """The first problem of `text` refused as a formula; nothing printed on the way."""
    with warnings.catch_warnings(record=True) as printed:
        warnings.simplefilter("always")
        with pytest.raises(FormulaError) as caught:
            compile_formula(text, SCOPE)
    assert [] == [str(w.message) for w in printed]
    return caught.value.problems[0]


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
