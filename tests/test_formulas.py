"""The formula language: what it computes, what it refuses, and its limits."""

from __future__ import annotations

import ast
import datetime
import decimal
import warnings
from decimal import Decimal
from typing import Any

import pytest

from scoring_engine import FormulaError, ScoringError
from scoring_engine.errors import Problem
from scoring_engine.formulas import (
    FUNCTIONS,
    MAX_FORMULA_LENGTH,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_TEXT_LENGTH,
    Finding,
    Formula,
    compile_formula,
    evaluate,
)

D = Decimal
DAY = datetime.date

#: Names the formulas below may read, with their declared types.
SCOPE = {
    "budget.total": "number",
    "budget.paid": "number",
    "output.done": "integer",
    "project.level": "string",
    "project.ok": "boolean",
    "dates.start": "date",
    "dates.end": "date",
    "scores": "list",
    "findings": "list",
    "rate": "derived",
    "decision.budget": "judgement",
    "benefit.social": "tier",
}


def run(text: str | int | Decimal | bool, **names: Any) -> Any:
    """Compile `text` against SCOPE and evaluate it; keyword names use '__' for '.'."""
    return evaluate(compile_formula(text, SCOPE), {k.replace("__", "."): v for k, v in names.items()})


def refusal(text: str, scope: dict[str, str] = SCOPE) -> FormulaError:
    with pytest.raises(FormulaError) as caught:
        compile_formula(text, scope)
    return caught.value


def failure(text: str, **names: Any) -> ScoringError:
    with pytest.raises(ScoringError) as caught:
        run(text, **names)
    return caught.value


# ---------------------------------------------------------------- what it computes


def test_decimal_addition_is_exact() -> None:
    """0.1 + 0.2 is exactly 0.3: every number literal is read as a Decimal, never a float."""
    assert Decimal("0.3") == run("0.1 + 0.2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 * 3 - 4", D("2")),
        ("1 / 4", D("0.25")),
        ("1 / 3", D("0.3333333333333333333333333333")),
        ("-budget.paid", D("-800")),
        ("+budget.paid", D("800")),
        ("(budget.total - budget.paid) / budget.total", D("0.2")),
        ("budget.paid / budget.total * 100", D("80.0")),
        ("1_000 + 0.5", D("1000.5")),
        ("project.ok + 1", D("2")),
    ],
)
def test_arithmetic_gives_exact_decimals(text: str, expected: Decimal) -> None:
    """+ - * / on numbers and facts give the exact Decimal result (booleans count as 1 and 0)."""
    value = run(text, budget__total=D(1000), budget__paid=D(800), project__ok=True)
    assert isinstance(value, Decimal)
    assert expected == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("budget.paid < budget.total", True),
        ("budget.paid >= budget.total", False),
        ("0 < budget.paid <= 800", True),
        ("budget.paid == 800", True),
        ("budget.paid != 800", False),
        ("project.level == '省级'", True),
        ("project.level != '省级'", False),
        ("dates.start < dates.end", True),
        ("project.ok and budget.paid > 0", True),
        ("not project.ok or budget.paid > 900", False),
    ],
)
def test_comparisons_and_logic(text: str, expected: bool) -> None:
    """Comparisons (chained too), text equality, date order and and/or/not give booleans."""
    value = run(text, budget__total=D(1000), budget__paid=D(800), project__level="省级", project__ok=True,
                dates__start=DAY(2020, 1, 1), dates__end=DAY(2020, 6, 30))
    assert expected is value


@pytest.mark.parametrize(("ok", "expected"), [(True, D("1")), (False, D("0.5"))])
def test_conditional_expression_picks_a_branch(ok: bool, expected: Decimal) -> None:
    """`a if condition else b` gives a when the condition holds and b otherwise."""
    assert expected == run("1 if project.ok else 0.5", project__ok=ok)


@pytest.mark.parametrize(("source", "expected"), [(5, D(5)), (D("0.5"), D("0.5")), (True, True), (False, False)])
def test_a_constant_is_a_formula(source: int | Decimal | bool, expected: Any) -> None:
    """A YAML number or boolean given where a formula belongs is a formula giving that constant."""
    assert expected == run(source)


def test_a_derived_value_is_read_by_name() -> None:
    """A derived value in scope is read like a fact."""
    assert D("0.9") == run("min(rate, 1)", rate=D("0.9"))


def test_result_does_not_depend_on_the_callers_decimal_context() -> None:
    """Evaluation uses its own 28-digit context, whatever precision the caller has set."""
    formula = compile_formula("1 / 3", SCOPE)
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        value = evaluate(formula, {})
    assert D("0.3333333333333333333333333333") == value


# ---------------------------------------------------------------- the functions

#: One row per use: (function, formula, names, expected value).
FUNCTION_CASES: list[tuple[str, str, dict[str, Any], Any]] = [
    ("min", "min(budget.paid / budget.total, 1)", {"budget.paid": D(1200), "budget.total": D(1000)}, D(1)),
    ("min", "min(scores)", {"scores": (D(88), D(79), D(92))}, D(79)),
    ("max", "max(budget.paid - budget.total, 0)", {"budget.paid": D(800), "budget.total": D(1000)}, D(0)),
    ("max", "max(scores)", {"scores": (D(88), D(79), D(92))}, D(92)),
    ("abs", "abs(budget.paid - budget.total)", {"budget.paid": D(800), "budget.total": D(1000)}, D(200)),
    ("clamp", "clamp(budget.paid, 0, 100)", {"budget.paid": D(130)}, D(100)),
    ("clamp", "clamp(budget.paid, 0, 100)", {"budget.paid": D(-5)}, D(0)),
    ("clamp", "clamp(budget.paid, 0, 100)", {"budget.paid": D("42.5")}, D("42.5")),
    ("round_half_up", "round_half_up(2.345, 2)", {}, D("2.35")),
    ("round_half_up", "round_half_up(2.5)", {}, D("3")),
    ("round_half_up", "round_half_up(3.5)", {}, D("4")),
    ("round_half_up", "round_half_up(-2.5)", {}, D("-3")),
    ("round_half_up", "round_half_up(2.344, 2)", {}, D("2.34")),
    ("ratio", "ratio(budget.paid, budget.total)", {"budget.paid": D(1), "budget.total": D(4)}, D("0.25")),
    ("ratio", "ratio(budget.paid, budget.total)", {"budget.paid": D(1), "budget.total": D(0)}, D(0)),
    ("ratio", "ratio(budget.paid, budget.total, 1)", {"budget.paid": D(1), "budget.total": D(0)}, D(1)),
    ("sum", "sum(scores)", {"scores": (D("0.1"), D("0.2"))}, D("0.3")),
    ("sum", "sum(scores)", {"scores": ()}, D(0)),
    ("count", "count(findings)", {"findings": (Finding("未附发票"), Finding("超范围列支"))}, D(2)),
    ("count", "count(findings)", {"findings": ()}, D(0)),
    ("mean", "mean(scores)", {"scores": (D(1), D(2))}, D("1.5")),
    ("days_between", "days_between(dates.start, dates.end)", {"dates.start": DAY(2020, 1, 1), "dates.end": DAY(2020, 3, 1)}, D(60)),
    ("days_between", "days_between(dates.start, dates.end)", {"dates.start": DAY(2020, 3, 1), "dates.end": DAY(2020, 1, 1)}, D(-60)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2018, 7, 1), "dates.end": DAY(2020, 11, 30)}, D(28)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2020, 1, 15), "dates.end": DAY(2020, 3, 14)}, D(1)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2020, 1, 15), "dates.end": DAY(2020, 3, 15)}, D(2)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2024, 10, 31), "dates.end": DAY(2024, 12, 20)}, D(1)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2020, 3, 15), "dates.end": DAY(2020, 1, 20)}, D(-1)),
    # a month ends on the month's last day when it has no corresponding day (民法典 第二百零二条; QA60 F2)
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2023, 3, 31), "dates.end": DAY(2023, 4, 30)}, D(1)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2024, 1, 31), "dates.end": DAY(2024, 2, 28)}, D(0)),
    ("months_between", "months_between(dates.start, dates.end)", {"dates.start": DAY(2023, 4, 30), "dates.end": DAY(2023, 3, 31)}, D(-1)),
]


@pytest.mark.parametrize(("function", "text", "names", "expected"), FUNCTION_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FUNCTION_CASES)])
def test_function_gives_the_documented_value(function: str, text: str, names: dict[str, Any], expected: Any) -> None:
    """Each function in FUNCTIONS computes its documented value, including at its edges."""
    assert expected == evaluate(compile_formula(text, SCOPE), names)


def test_every_function_has_a_case() -> None:
    """The table above exercises every function the language offers."""
    assert sorted(FUNCTIONS) == sorted({c[0] for c in FUNCTION_CASES})


@pytest.mark.parametrize(
    ("text", "names", "words"),
    [
        ("mean(scores)", {"scores": ()}, "mean of an empty list"),
        ("min(scores)", {"scores": ()}, "min of an empty list"),
        ("clamp(budget.paid, 1, 0)", {"budget.paid": D(3)}, "lower bound 1 is above upper bound 0"),
        ("round_half_up(budget.paid, 0.5)", {"budget.paid": D(3)}, "places must be a whole number"),
        ("sum(rate)", {"rate": D(3)}, "sum needs a list fact"),
        ("days_between(rate, dates.end)", {"rate": D(1), "dates.end": DAY(2020, 1, 1)}, "needs a date"),
        ("min(scores)", {"scores": ("未附发票",)}, "min needs a number"),
    ],
)
def test_function_misuse_is_a_scoring_error(text: str, names: dict[str, Any], words: str) -> None:
    """A function given values it cannot use raises ScoringError naming the formula, not a Python error (a derived
    value's kind is known only then: a declared fact of a kind the function never takes is refused when the set loads)."""
    with pytest.raises(ScoringError) as caught:
        evaluate(compile_formula(text, {**SCOPE, "rate": "derived"}), names)
    assert words in caught.value.problems[0].message
    assert text == caught.value.expression


# ---------------------------------------------------------------- run-time errors


def test_division_by_zero_is_a_scoring_error() -> None:
    """Dividing by a fact that is 0 raises ScoringError carrying the formula."""
    error = failure("budget.paid / budget.total", budget__paid=D(1), budget__total=D(0))
    assert "division by zero" in error.problems[0].message
    assert "budget.paid / budget.total" == error.expression


def test_missing_fact_is_a_scoring_error_naming_the_fact() -> None:
    """A fact absent from the names raises ScoringError with the fact and the formula as fields."""
    error = failure("budget.paid / budget.total", budget__paid=D(1))
    assert "budget.total" == error.fact
    assert "budget.paid / budget.total" == error.expression
    assert "missing" in error.problems[0].message


@pytest.mark.parametrize(("text", "words"), [
    ("project.level == 1", "cannot compare text (project.level) with a number (1)"),
    ("project.level != 1", "cannot compare text (project.level) with a number (1)"),
    ("1 == project.level", "cannot compare a number (1) with text (project.level)"),
    ("dates.end == 45000", "cannot compare a date (dates.end) with a number (45000)"),
    ("dates.end != '2024-01-01'", "cannot compare a date (dates.end) with text ('2024-01-01')"),
    ("dates.end < budget.paid + 1", "cannot compare a date (dates.end) with a number (budget.paid + 1)"),
    ("project.level > 1", "cannot compare text (project.level) with a number (1)"),
    ("1 < output.done <= project.level", "cannot compare a number (output.done) with text (project.level)"),
    ("(dates.start if project.ok else dates.end) == min(1, 2)", "cannot compare a date"),
    ("project.ok == '是'", "cannot compare a true/false value (project.ok) with text ('是')"),
    ("'否' != project.ok", "cannot compare text ('否') with a true/false value (project.ok)"),
    ("project.ok == dates.end", "cannot compare a true/false value (project.ok) with a date (dates.end)"),
])
def test_comparing_a_number_a_text_a_date_and_a_boolean_is_refused_when_the_set_loads(text: str, words: str) -> None:
    """A comparison that could never be true, its sides' kinds known from the declarations, is a FormulaError naming both sides."""
    error = refusal(text)
    assert words in error.problems[0].message
    assert text == error.expression


@pytest.mark.parametrize(("text", "words", "fix"), [
    ("50 if project.level < '续建' else 0", "cannot order text (project.level, '续建') with <", "project.level == '续建'"),
    ("'a' >= 'b'", "cannot order text ('a', 'b') with >=", "'a' == 'b'"),
    ("d > project.level", "cannot order text (project.level) with >", "d == project.level"),
    ("0 < d <= project.level", "cannot order text (project.level) with <=", "d == project.level"),
])
def test_ordering_text_is_refused_when_the_set_loads(text: str, words: str, fix: str) -> None:
    """Text ordered with < <= > >= (a text fact against a text in quotes) fails for every project when scored ('< needs a
    number, got text'); it is refused when the set loads, with the fix: == or !=, or a fact of type number (QA191 F3)."""
    error = refusal(text, {**SCOPE, "d": "derived"})
    assert [f"{words}: text is only compared with == and !="] == [p.message for p in error.problems]
    assert f"compare text with == or != ({fix}); to order values, read a fact of type number" == error.problems[0].hint
    assert text == error.expression


@pytest.mark.parametrize("text", [
    "(project.level or '') < 'x'",
    "10 if (project.level or '') < 'x' else 0",
    "(project.level if output.done else '乙') >= '甲'",
    "'a' > (project.level and '乙')",
    "project.level <= 'x'",
])
def test_the_fix_offered_for_ordered_text_pasted_back_validates_and_compares_the_same_sides(text: str) -> None:
    """QA195 G2: `(kind or '') < 'x'` was told to write `kind or '' == 'x'`, which compares '' with 'x' (and inside
    `10 if … else 0` means something else again): the hint dropped the parentheses around a side. A side that binds more
    loosely than == (an or / and, an if…else) keeps them, so the formula offered, pasted back, validates and compares the
    same two sides with ==."""
    error = refusal(text)
    fix = error.problems[0].hint.removeprefix("compare text with == or != (").rpartition("); to order values")[0]
    compile_formula(fix, SCOPE)  # validates
    offered = ast.parse(fix, mode="eval").body
    (ordered,) = [node for node in ast.walk(ast.parse(text, mode="eval")) if isinstance(node, ast.Compare)
                  and not isinstance(node.ops[0], ast.Eq) and "'" in ast.unparse(node)]
    assert isinstance(offered, ast.Compare) and [ast.Eq] == [type(op) for op in offered.ops]
    assert [ast.dump(side) for side in (ordered.left, *ordered.comparators)] == \
        [ast.dump(side) for side in (offered.left, *offered.comparators)]


@pytest.mark.parametrize(("text", "said"), [
    ("10**10**10", "operator ** is not allowed"),
    ("project.level + project.level", "cannot compute with text (project.level): + - * / take numbers"),
])
def test_a_mistake_made_twice_in_a_formula_is_said_once(text: str, said: str) -> None:
    """Each ** of `10**10**10`, each operand of `s + s` of a text fact, gave an identical problem: the set's author read
    the same line twice (QA191 F5). Each distinct problem is said once."""
    assert [said] == [p.message for p in refusal(text).problems]


@pytest.mark.parametrize(("text", "value"), [("d == 1", "省级"), ("d != 1", "省级"), ("d == 45000", datetime.date(2024, 1, 1)),
                                            ("d == '2024-01-01'", datetime.date(2024, 1, 1))])
def test_comparing_kinds_known_only_when_scoring_is_a_scoring_error(text: str, value: Any) -> None:
    """Through a derived value, whose kind is known only when computed, the same comparison is a ScoringError, not a silent False."""
    with pytest.raises(ScoringError) as caught:
        evaluate(compile_formula(text, {"d": "derived"}), {"d": value})
    assert "cannot compare" in caught.value.problems[0].message


def test_text_in_arithmetic_known_only_when_scoring_is_a_scoring_error() -> None:
    """Text used where a number belongs, through a derived value (whose kind is known only when computed), raises
    ScoringError naming the formula."""
    with pytest.raises(ScoringError) as caught:
        evaluate(compile_formula("budget.paid + d", {"budget.paid": "number", "d": "derived"}), {"budget.paid": D(1), "d": "省级"})
    assert "needs a number" in caught.value.problems[0].message
    assert "budget.paid + d" == caught.value.expression


@pytest.mark.parametrize(("text", "said"), [
    ("budget.paid + project.level", "cannot compute with text (project.level): + - * / take numbers"),
    ("-project.level", "cannot compute with text (project.level): + - * / take numbers"),
    ("dates.end - dates.start", "cannot compute with a date (dates.end): + - * / take numbers"),
])
def test_arithmetic_on_a_fact_declared_as_text_or_a_date_is_refused_when_the_set_loads(text: str, said: str) -> None:
    """QA82 F9: `a / b` with b declared as text passed validate and lint, then failed for every project when scored.
    Like a comparison of kinds that can never be equal, it is refused when the formula is checked, with the fix."""
    with pytest.raises(FormulaError) as caught:
        compile_formula(text, SCOPE)
    assert said == caught.value.problems[0].message


@pytest.mark.parametrize(("text", "said"), [
    ("budget.paid * '0.5'", "cannot compute with text ('0.5'): + - * / take numbers"),
    ("budget.paid + '新建'", "cannot compute with text ('新建'): + - * / take numbers"),
    ("'a' * 2", "cannot compute with text ('a'): + - * / take numbers"),
    ("-'a'", "cannot compute with text ('a'): + - * / take numbers"),
    ("True + 'a'", "cannot compute with text ('a'): + - * / take numbers"),
    ("budget.paid + '1' > 0", "cannot compute with text ('1'): + - * / take numbers"),
    ("min(budget.paid, '1')", "min takes numbers: '1' is text"),
    ("abs('x')", "abs takes numbers: 'x' is text"),
    ("ratio('a', 1)", "ratio takes numbers: 'a' is text"),
    ("round_half_up('a', 2)", "round_half_up takes numbers: 'a' is text"),
    ("clamp('a', 0, 1)", "clamp takes numbers: 'a' is text"),
    ("sum('a')", "sum takes a list fact: 'a' is text"),
    ("count('a')", "count takes a list fact: 'a' is text"),
    ("days_between('2020-01-01', dates.end)", "days_between takes dates: '2020-01-01' is text"),
])
def test_a_text_literal_computed_with_or_given_to_a_function_is_refused_when_the_set_loads(text: str, said: str) -> None:
    """QA125 F3: `weight * '0.5'`, `min(budget.paid, '1')`, `days_between('2020-01-01', d)` passed validate and lint,
    then failed for every project. A quoted literal is text, known when the set loads: refused then, with the fix."""
    error = refusal(text)
    assert said == error.problems[0].message
    assert text == error.expression
    assert ("no date literals" if "days_between" in text else "list" if "count" in text or "sum" in text
            else "without quotes") in (error.problems[0].hint or "")


@pytest.mark.parametrize(("text", "said"), [
    ("budget.paid * ('0.5' or 1)", "cannot compute with text ('0.5' or 1): + - * / take numbers"),
    ("budget.paid * (0 or 'a')", "cannot compute with text (0 or 'a'): + - * / take numbers"),
    ("budget.paid + ('' and 1)", "cannot compute with text ('' and 1): + - * / take numbers"),
    ("budget.paid + (project.level or 'a')", "cannot compute with text (project.level or 'a'): + - * / take numbers"),
])
def test_and_or_whose_every_possible_value_is_text_is_refused_when_the_set_loads(text: str, said: str) -> None:
    """`weight * ('0.5' or 1)` loaded, passed validate and lint, and failed every project: `or` gives its first true
    operand, and '0.5' is always true. What `and` and `or` can give is known when the set loads, as `'1' if c else '2'`
    is: text there is refused then."""
    assert said == refusal(text).problems[0].message


@pytest.mark.parametrize("text", ["budget.paid * (rate or 1)", "budget.paid * (project.ok and 2 or 1)",
                                  "budget.paid + (budget.total or 0)", "1 if (project.level or 'x') == 'a' else 0"])
def test_and_or_that_may_give_a_number_still_loads(text: str) -> None:
    """Only an `and`/`or` that can give nothing but text (or a date) is refused: one that may give a number loads."""
    compile_formula(text, SCOPE)


def test_a_run_time_type_failure_names_the_operand_at_fault_not_the_number_beside_it() -> None:
    """`budget.paid * d` where the derived d is text: the message named both facts, and `weight * (x or 'a')` named
    the indicator's weight as a fact at fault. It names the facts of the operand that is not a number only."""
    scope = {**SCOPE, "d": "derived"}
    with pytest.raises(ScoringError) as caught:
        evaluate(compile_formula("budget.paid * d", scope), {"budget.paid": D(1), "d": "省级"})
    assert "d" == caught.value.problems[0].fact
    with pytest.raises(ScoringError) as caught:
        evaluate(compile_formula("budget.paid * (rate or 'a')", scope), {"budget.paid": D(1), "rate": D(0)})
    assert ("rate", "* needs a number, got text 'a'") == (caught.value.problems[0].fact, caught.value.problems[0].message)
    with pytest.raises(ScoringError) as caught:  # a division by zero still names the divisor's facts
        evaluate(compile_formula("budget.paid / budget.total", scope), {"budget.paid": D(1), "budget.total": D(0)})
    assert "budget.total" == caught.value.problems[0].fact


@pytest.mark.parametrize(("text", "said", "fact", "hint"), [
    ("abs(project.level)", "abs takes numbers: project.level is text", "project.level", "declare the fact as a number"),
    ("min(budget.paid, project.level)", "min takes numbers: project.level is text", "project.level", "type: number"),
    ("clamp(budget.paid, 0, project.level)", "clamp takes numbers: project.level is text", "project.level", "type: number"),
    ("ratio(budget.paid, dates.end)", "ratio takes numbers: dates.end is a date", "dates.end", "days_between"),
    ("round_half_up(dates.end)", "round_half_up takes numbers: dates.end is a date", "dates.end", "days_between"),
    ("max(budget.paid, dates.start if project.ok else dates.end)",
     "max takes numbers: (dates.start if project.ok else dates.end) is a date", None, "days_between"),
    ("min(budget.paid, ('1' if project.ok else '2'))", "min takes numbers: ('1' if project.ok else '2') is text", None,
     "without quotes"),
    ("abs(scores)", "abs takes numbers: scores is a list", "scores", "alone to min or max"),
    ("min(scores, 1)", "min takes numbers: scores is a list", "scores", "alone to min or max"),
])
def test_a_text_date_or_list_given_to_a_number_function_is_refused_when_the_set_loads(
        text: str, said: str, fact: str | None, hint: str) -> None:
    """QA128 F1: `abs(project.kind)` of a text fact, `ratio(a, d)` of a date fact and `min(x, '1' if c else '2')` passed
    validate and lint, then failed every project (a check: 无法核对 for each). They are refused when the set loads, as the
    same operands are in + - * /, naming the fact, with the fix, in Chinese too."""
    error = refusal(text)
    assert (said, fact, text) == (error.problems[0].message, error.problems[0].fact, error.expression)
    assert hint in (error.problems[0].hint or "")
    assert "只接受数字" in error.problems[0].text("zh") and "takes" not in error.problems[0].text("zh")


def test_a_check_giving_a_text_fact_to_a_number_function_is_refused_at_its_line() -> None:
    """QA128 F1: a check `min(budget.paid, project.kind)` loaded and then said 无法核对 for every project; the set is
    refused when it loads, at the check's line."""
    from pathlib import Path

    from scoring_engine import IndicatorSetError
    from scoring_engine.loader import parse_indicator_set

    text = (Path(__file__).parent.parent / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    old = '"budget.paid <= budget.arrived"'
    assert old in text
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text.replace(old, '"min(budget.paid, budget.funding_method) <= budget.arrived"'), "set.yaml")
    problem = caught.value.problems[0]
    assert ("min takes numbers: budget.funding_method is text", "$.checks[1].expr", text[:text.index(old)].count("\n") + 1) \
        == (problem.message, problem.path, problem.line)


@pytest.mark.parametrize("text", ["min(scores)", "max(scores) + 1", "max(budget.paid, project.ok)",
                                  "days_between(dates.start, dates.end)", "min(budget.paid, 1 if project.level == 'a' else 2)",
                                  "min(('高' if budget.paid > 1 else '低') == '高', 1)", "abs(d)", "min(d, budget.paid)"])
def test_numbers_a_list_alone_and_values_known_only_when_scoring_given_to_functions_still_load(text: str) -> None:
    """QA128 F1: min/max of a list fact alone, a true/false value (1 or 0), days_between of date facts, a text label
    compared, and a derived value (its kind known only when computed) are not refused."""
    compile_formula(text, {**SCOPE, "d": "derived"})


@pytest.mark.parametrize("text", ["1 if project.level == '省级' else 0", "project.level != 'a'", "max(scores)", "True + 1"])
def test_text_literals_compared_with_text_still_load(text: str) -> None:
    """Text in quotes compared with text, a list fact given to max and a boolean in arithmetic are not refused."""
    compile_formula(text, SCOPE)


def test_a_number_too_large_is_a_scoring_error() -> None:
    """A product beyond the decimal range raises ScoringError, not decimal.Overflow."""
    error = failure("budget.paid * budget.total", budget__paid=D("1E+900"), budget__total=D("1E+900"))
    assert "out of range" in error.problems[0].message
    assert "budget.paid * budget.total" == error.expression


# ---------------------------------------------------------------- refused at compile time


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("budget.paid.__class__", "attribute access is not allowed"),
        ("budget._secret", "attribute access is not allowed"),
        ("(1).real", "attribute access is not allowed"),
        ("scores[0]", "indexing"),
        ("scores[0:2]", "indexing"),
        ("max(lambda: 1, 2)", "lambda"),
        ("sum([x for x in scores])", "comprehensions"),
        ("sum(x for x in scores)", "comprehensions"),
        ("f'{budget.paid}' == '1'", "f-strings"),
        ("(x := budget.paid) / 2", "assignment (:=)"),
        ("budget.paid ** 2", "operator ** is not allowed"),
        ("budget.paid // 2", "operator // is not allowed"),
        ("budget.paid % 2", "operator % is not allowed"),
        ("budget.paid in scores", "operator in is not allowed"),
        ("budget.paid.as_integer_ratio()", "only the listed functions can be called"),
        ("project.level.upper() == 'A'", "only the listed functions can be called"),
        ("sqrt(budget.paid)", "unknown function sqrt"),
        ("__import__('os')", "unknown function __import__"),
        ("abs(budget.paid, 2)", "abs takes 1 argument(s), got 2"),
        ("clamp(budget.paid, 1)", "clamp takes 3 argument(s), got 2"),
        ("ratio(budget.paid)", "ratio takes 2 to 3 argument(s), got 1"),
        ("abs(x=budget.paid)", "keyword arguments are not allowed"),
        ("max(*scores)", "* unpacking"),
        ("[1, 2]", "list literals"),
        ("(1, 2)", "tuple literals"),
        ("{1: 2}", "dict literals"),
        ("None", "None is not a number"),
        ("1e3", "plain decimal notation"),
        ("0x10", "plain decimal notation"),
        ("min", "function min used without ( )"),
        ("budget.paid +", "syntax error"),
        ("min(budget.paid, 1", "syntax error"),
        ("", "empty formula"),
        ("   ", "empty formula"),
    ],
)
def test_construct_outside_the_language_is_refused(text: str, words: str) -> None:
    """Constructs outside the formula language raise FormulaError at compile time, saying what is wrong."""
    error = refusal(text)
    assert words in str(error)


@pytest.mark.parametrize(("text", "name", "hint", "chinese"), [
    ("_x", "_x", "write a fact's or derived value's name as declared", "按声明写事实或派生值的名称"),
    ("budget.paid + _scores", "_scores", "did you mean scores?", "是否想写 scores？"),
    ("__import__", "__import__", "write a fact's or derived value's name as declared", "按声明写事实或派生值的名称"),
    ("_budget.paid / budget.total", "_budget.paid", "did you mean budget.paid?", "是否想写 budget.paid？"),  # QA207 2
])
def test_a_name_starting_with_an_underscore_is_said_to_start_with_a_letter_not_to_be_attribute_access(
        text: str, name: str, hint: str, chinese: str) -> None:
    """A bare `_x` has no dot, so it was wrongly called attribute access (QA203 10): it is a name, and names start with
    a letter; the fix names the declared name without the _, in English and Chinese. A dotted one (_budget.paid, the
    shape of most facts' names) was still called attribute access (QA207 2)."""
    from scoring_engine._zh import translate

    problem = refusal(text).problems[0]
    assert f"name {name} does not start with a letter" == problem.message
    assert problem.hint is not None and hint in problem.hint
    assert f"名称 {name} 不是以字母开头" == translate(problem.message)
    assert chinese in translate(problem.hint)
    assert "访问属性" not in translate(problem.message)


def test_refused_formula_names_itself_in_each_problem() -> None:
    """Each problem of a refused formula carries the formula text as its expression."""
    error = refusal("budget.paid ** 2 + sqrt(1)")
    assert 2 == len(error.problems)
    assert {"budget.paid ** 2 + sqrt(1)"} == {p.expression for p in error.problems}


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("budget.piad / budget.total", "did you mean budget.paid?"),
        ("rount_half_up(budget.paid, 2)", "did you mean round_half_up?"),
        ("min（budget.paid, 1）", "type '(' instead"),
        ("budget.paid ＋ 1", "type '+' instead"),
    ],
)
def test_near_misses_get_a_hint(text: str, hint: str) -> None:
    """A misspelt name or function, or a full-width character, is refused with a hint to the right spelling."""
    error = refusal(text)
    assert hint == error.hint


def test_a_new_name_alike_another_only_in_the_part_both_begin_with_is_told_to_be_declared() -> None:
    """QA305 1: output.inspected, a fact the profile's author meant to add, was told "did you mean output.planned?" (alike
    in output. only), and the way to add it was lost. A slip in either part is still named."""
    scope = {"output.planned": "number", "output.actual": "number", "output.qualified": "number"}
    assert "declare it under facts: or derived:" == refusal("output.qualified / output.inspected", scope).hint
    assert "declare it under facts: or derived:" == refusal("output.qualified / output.checked_total", scope).hint
    assert "did you mean output.planned?" == refusal("output.planed / 2", scope).hint
    assert "did you mean output.planned?" == refusal("ouput.planned / 2", scope).hint


def test_a_name_a_formula_cannot_read_is_never_offered_for_a_slip() -> None:
    """QA338 M3: benefit.sustain_rate was told "did you mean benefit.sustainable?", a tier fact, which the formula then
    refused as one. Only a name a formula reads is offered; when the nearest is a tier or judgement fact, no worse name
    is offered in its place (execution_rate): the unknown name is to be declared."""
    scope = {"benefit.sustainable": "tier", "decision.basis": "judgement", "execution_rate": "derived", "weight": "weight"}
    assert "declare it under facts: or derived:" == refusal("weight * benefit.sustain_rate", scope).hint
    assert "declare it under facts: or derived:" == refusal("decision.basi * 2", scope).hint
    assert "did you mean execution_rate?" == refusal("executon_rate * 2", scope).hint


@pytest.mark.parametrize("text, operator", [("budget.paid / budget.total * 10 +", "+"), ("budget.paid ==", "=="),
                                             ("budget.paid / ", "/"), ("budget.paid > 0 and", "and")])
def test_a_formula_ending_with_an_operator_says_so_and_what_to_do(text: str, operator: str) -> None:
    """QA305 4: `… * 10 +` was "syntax error: invalid syntax", at the formula's start and with no fix; it says the
    formula ends with the operator, in English and in Chinese, and how to finish it."""
    error = refusal(text)
    assert f"syntax error: the formula ends with {operator}, with nothing after it" == error.message
    assert f"write what follows {operator}, or delete it" == error.hint
    assert f"公式以 {operator} 结尾，后面缺少值" in error.text("zh") and f"在 {operator} 后写上值" in error.text("zh")


def test_unknown_name_is_reported_as_the_fact_it_names() -> None:
    """An undeclared name is refused with the name in the problem's fact field."""
    error = refusal("budget.piad / budget.total")
    assert "budget.piad" == error.fact
    assert "unknown name budget.piad" in error.problems[0].message


def test_an_unknown_name_is_not_offered_a_name_no_formula_can_be_written_with() -> None:
    """QA67 F7: with a fact renamed survey.一般 (itself refused), a formula reading survey.neutral was offered it."""
    error = refusal("survey.neutral * 0.5", {**SCOPE, "survey.一般": "number", "survey.neutrals": "number"})
    assert "did you mean survey.neutrals?" == error.hint
    assert "did you mean" not in (refusal("survey.neutral", {**SCOPE, "survey.一般": "number"}).hint or "")


def test_full_width_bracket_is_refused_naming_the_character() -> None:
    """A full-width bracket typed with a Chinese input method is named by its code point."""
    error = refusal("min（budget.paid, 1）")
    assert "U+FF08" in error.problems[0].message
    assert "FULLWIDTH LEFT PARENTHESIS" in error.problems[0].message


def test_chinese_inside_a_text_literal_is_allowed() -> None:
    """Non-ASCII characters are fine inside quotes, for comparing text facts."""
    assert True is run("project.level == '省级'", project__level="省级")


def test_invisible_character_is_refused() -> None:
    """A zero-width space pasted into a formula is refused with its code point."""
    error = refusal("budget.paid\u200b / 2")
    assert "U+200B" in str(error)


@pytest.mark.parametrize(("name", "kind"), [("decision.budget", "judgement"), ("benefit.social", "tier")])
def test_evaluator_facts_cannot_be_read_by_formulas(name: str, kind: str) -> None:
    """Judgement and tier facts hold an evaluator's score and reason; formulas refuse to read them."""
    error = refusal(f"{name} + 1")
    assert f"holds an evaluator's {kind}" in str(error)
    assert name == error.fact


@pytest.mark.parametrize("source", [None, [1, 2], {"a": 1}, 1.5])
def test_a_formula_must_be_text_or_a_number(source: Any) -> None:
    """Anything but text, a whole or decimal number, or a boolean is refused as a formula."""
    with pytest.raises(FormulaError) as caught:
        compile_formula(source, SCOPE)
    assert "a formula must be text or a number" in str(caught.value)


# ---------------------------------------------------------------- limits


def test_formula_length_limit() -> None:
    """A formula of MAX_FORMULA_LENGTH characters compiles; one character more is refused naming the limit."""
    longest = "1" + " " * (MAX_FORMULA_LENGTH - 4) + "+ 1"
    assert MAX_FORMULA_LENGTH == len(longest)
    assert D(2) == run(longest)
    error = refusal(longest + "1")
    assert "MAX_FORMULA_LENGTH" in str(error)
    assert f"the limit is {MAX_FORMULA_LENGTH}" in str(error)


def test_nesting_depth_limit() -> None:
    """Nesting MAX_NESTING_DEPTH deep compiles; one level deeper is refused naming the limit."""
    assert D(1) == run("-" * MAX_NESTING_DEPTH + "1")
    with pytest.raises(FormulaError) as caught:
        compile_formula("-" * (MAX_NESTING_DEPTH + 1) + "1", SCOPE)
    assert "MAX_NESTING_DEPTH" in str(caught.value)


def test_long_sums_hit_the_depth_limit_not_a_recursion_error() -> None:
    """A sum of a thousand terms is refused with a FormulaError, never a RecursionError."""
    with pytest.raises(FormulaError) as caught:
        compile_formula("+".join(["1"] * 900), SCOPE)
    assert "MAX_NESTING_DEPTH" in str(caught.value)


def test_deeply_nested_parentheses_are_a_formula_error() -> None:
    """Hundreds of nested parentheses are refused as a FormulaError."""
    with pytest.raises(FormulaError):
        compile_formula("(" * 300 + "1" + ")" * 300, SCOPE)


def test_number_digits_limit() -> None:
    """A literal of MAX_NUMBER_DIGITS digits is read exactly; one digit more is refused naming the limit."""
    assert D("9" * MAX_NUMBER_DIGITS) == run("9" * MAX_NUMBER_DIGITS)
    error = refusal("9" * (MAX_NUMBER_DIGITS + 1))
    assert "MAX_NUMBER_DIGITS" in str(error)


def test_text_literal_length_limit() -> None:
    """A text literal of MAX_TEXT_LENGTH characters is allowed; a longer one is refused naming the limit."""
    assert False is run(f"project.level == '{'长' * MAX_TEXT_LENGTH}'", project__level="省级")
    error = refusal(f"project.level == '{'长' * (MAX_TEXT_LENGTH + 1)}'")
    assert "MAX_TEXT_LENGTH" in str(error)


# ---------------------------------------------------------------- parsed once


def test_compiled_formula_records_its_text_and_names() -> None:
    """A compiled formula keeps its text as written and the set of names it reads."""
    formula = compile_formula("  min(budget.paid / budget.total, 1)  ", SCOPE)
    assert isinstance(formula, Formula)
    assert "min(budget.paid / budget.total, 1)" == formula.text
    assert frozenset({"budget.paid", "budget.total"}) == formula.names


def test_compiled_tree_holds_decimal_constants() -> None:
    """Number literals are converted to Decimal once, in the stored tree."""
    formula = compile_formula("budget.paid * 0.1", SCOPE)
    constants = [n.value for n in ast.walk(formula.tree) if isinstance(n, ast.Constant)]
    assert [D("0.1")] == constants


def test_formula_is_parsed_once_and_evaluated_many_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """One compiled formula evaluates correctly for many sets of names without parsing again."""
    formula = compile_formula("ratio(budget.paid, budget.total) * 100", SCOPE)

    def no_parsing(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("evaluate parsed the formula again")

    monkeypatch.setattr(ast, "parse", no_parsing)
    results = [evaluate(formula, {"budget.paid": D(paid), "budget.total": D(200)}) for paid in range(0, 201, 25)]
    assert [D(p) / 2 for p in range(0, 201, 25)] == results


@pytest.mark.parametrize("text", ["budget.paid", "rate", "project.ok", "dates.end", "scores", "budget.unknown", "_private",
                                  "budget._paid", "judged", "min", "budget.paid.more", "_hidden", "budget._kept"])
def test_a_formula_of_one_name_is_checked_as_the_same_name_parsed(text: str) -> None:
    """A formula that is one dotted name skips the parser: it reads, names and refuses exactly as the parsed formula
    `(name)` does (same names, tree and value; same problems)."""
    scope = {**SCOPE, "judged": "judgement", "_hidden": "number", "budget._kept": "number"}  # (a set cannot declare those)
    values = {"budget.paid": D("12.5"), "rate": D("0.9"), "project.ok": True, "dates.end": DAY(2024, 5, 1), "scores": [1]}
    try:
        parsed = compile_formula(f"({text})", scope)
    except FormulaError as err:
        with pytest.raises(FormulaError) as quick:
            compile_formula(text, scope)
        assert [(p.message, p.hint, p.fact) for p in quick.value.problems] == [(p.message, p.hint, p.fact) for p in err.problems]
        return
    quick_formula = compile_formula(text, scope)
    assert (quick_formula.names, ast.dump(quick_formula.tree), quick_formula.bare) == (parsed.names, ast.dump(parsed.tree), parsed.bare)
    assert quick_formula.evaluate(values) == parsed.evaluate(values)


def test_a_text_a_fact_with_declared_values_can_never_equal_is_refused_when_the_set_loads(tmp_path) -> None:
    """`budget.base == '调整后预算'` (for 调整后预算数) would be false for every project: the set does not load, and the
    line names the file and line, the values and the closest one."""
    from pathlib import Path

    from scoring_engine import IndicatorSetError, load_indicator_set

    source = Path(__file__).resolve().parent.parent / "indicator_sets" / "self-evaluation.yaml"
    text = source.read_text(encoding="utf-8").replace("budget.base == '调整后预算数'", "budget.base == '调整后预算'")
    (tmp_path / "self-evaluation.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(tmp_path / "self-evaluation.yaml")
    (problem,) = caught.value.problems
    assert "'调整后预算' is not one of the values of budget.base: 全年预算数, 调整后预算数" == problem.message
    line = 1 + next(i for i, written in enumerate(text.splitlines()) if "budget.base == '调整后预算'" in written)
    assert (line, "did you mean '调整后预算数'?") == (problem.line, problem.hint)


@pytest.mark.parametrize(("text", "words", "hint"), [
    ("1 if x = 2 else 0", "= sets a value; to compare, write ==", "e.g. budget.method == '按比例'"),
    ("x >= 90%", "90% is not a number in a formula", "write the ratio: 0.9 for 90%"),
    ("x <> 2", "<> is not an operator", "write != for 'not equal'"),
    ("x =< 2", "=< is not an operator", "write <= for 'not more than'"),  # QA44 F4: not == (equal only)
    ("x => 2", "=> is not an operator", "write >= for 'at least'"),
    ("x ≥ 0.9", "character '≥'", "type '>=' instead"),
    ("x ＞＝ 0.9", "character '＞'", "type '>=' for '＞＝'"),  # QA45 F4: not '>' then '==' (>==)
    ("x ＝＝ 2", "character '＝'", "type '==' for '＝＝'"),
    ("x ÷ 2", "character '÷'", "type '/' instead"),
    ("round(x, 2)", "unknown function round", "did you mean round_half_up?"),  # difflib's nearest was count
    ("AVERAGE(x)", "unknown function AVERAGE", "did you mean mean?"),
])
def test_the_slips_a_set_author_makes_in_a_formula_are_named_with_the_fix(text: str, words: str, hint: str) -> None:
    """= for ==, 90% for 0.9, <> for !=, ≥ and ÷ typed by an input method: each is said in words an author acts on,
    with what to write instead, not Python's 'Maybe you meant …' or 'invalid syntax'."""
    problem = _refused(text, {"x": "number"})
    assert words in problem.message and hint == problem.hint
    assert "Maybe" not in problem.text("zh") and "invalid syntax" not in problem.text("zh")


def _refused(text: str, scope: dict[str, str]) -> Problem:
    """The first problem of `text` refused as a formula; nothing printed on the way (Python's SyntaxWarning was)."""
    with warnings.catch_warnings(record=True) as printed:
        warnings.simplefilter("always")
        with pytest.raises(FormulaError) as caught:
            compile_formula(text, scope)
    assert [] == [str(w.message) for w in printed]
    return caught.value.problems[0]


def test_a_value_of_the_wrong_kind_is_named_in_words_not_as_a_python_repr() -> None:
    """A rate that gives True, or a boolean compared with text: 'boolean true', never Python's True or False."""
    from scoring_engine._formula_functions import describe_value

    assert ["boolean true", "boolean false", "text '是'", "number 3"] == [
        describe_value(v) for v in (True, False, "是", Decimal(3))]
    with pytest.raises(ScoringError) as caught:
        compile_formula("b == '是'", {"b": "derived"}).evaluate({"b": True})
    assert "cannot compare boolean true with text '是'" in str(caught.value)


@pytest.mark.parametrize(("written", "kind"), [("按比例", "proportional"), ("定性分档", "tiers"), ("分档给分", "bands"),
                                               ("按问题扣分", "deduction"), ("按差距扣分", "linear")])
def test_a_rule_kind_written_by_its_chinese_name_is_offered_the_kind(written: str, kind: str) -> None:
    """kind: 按比例 listed the English kinds without a word on which is 按比例 (the guide's table names them in Chinese)."""
    from scoring_engine import IndicatorSetError, parse_indicator_set

    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(f"""id: t
name: t
version: "1"
total: 10
facts:
  r: {{type: number}}
grades:
  - {{label: a, min: 0}}
indicators:
  - {{id: x, name: x, weight: 10, rule: {{kind: {written}, value: r, target: 1}}}}
""")
    assert f"did you mean {kind}?" == caught.value.problems[0].hint


def test_a_formula_with_a_bracket_left_open_says_how_to_fix_it():
    """QA33 F11: '(poverty.actual / poverty.planned' was '语法错误：括号不配对' with no fix."""
    from scoring_engine.formulas import compile_formula

    with pytest.raises(FormulaError) as caught:
        compile_formula("(a / b", {"a": "number", "b": "number"})
    problem = caught.value.problems[0]
    assert ("syntax error: unbalanced parentheses", "close each ( with a )") == (problem.message, problem.hint)
    assert problem.text("zh").endswith("（每个 ( 都要有对应的 )）")


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("budget.paid > 1 || budget.total > 2", "syntax error: || is not an operator", "write or"),
    ("budget.paid > 1 && budget.total > 2", "syntax error: && is not an operator", "write and"),
    ("budget.paid > 1 或 budget.total > 2", "character '或' (U+6216 CJK UNIFIED IDEOGRAPH-6216) outside a text literal",
     "type 'or' instead"),
    ("budget.paid > 1 且 budget.total > 2", "character '且' (U+4E14 CJK UNIFIED IDEOGRAPH-4E14) outside a text literal",
     "type 'and' instead"),
])
def test_or_and_written_as_other_languages_or_in_chinese_are_told_the_word(text: str, message: str, hint: str) -> None:
    """QA82 F10: `||` was 'invalid syntax' and `或` 'names and operators must be ASCII', neither saying to write or."""
    problem = _refused(text, SCOPE)
    assert (message, hint) == (problem.message, problem.hint)


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("1if budget.paid > 0 else 0", "syntax error: the number 1 runs into the word if", "put a space between them: 1 if"),
    ("budget.paid if 1else 0", "syntax error: the number 1 runs into the word else", "put a space between them: 1 else"),
    ("budget.paid > 0.5and True", "syntax error: the number 0.5 runs into the word and",
     "put a space between them: 0.5 and"),
    ("'优' if budget.paid > 0 else '\\d'", "syntax error: the text '\\d' holds \\d, which is not an escape",
     "write \\\\ for a backslash"),
    ("'\\400' == '优'", "syntax error: the text '\\400' holds \\400, which is not an escape", "write \\\\ for a backslash"),
    # QA120 F1: over lines indented unevenly (a YAML block), and before a bracket left open
    ("budget.paid > 0\n    and 1if True\n  else 0", "syntax error: the number 1 runs into the word if",
     "put a space between them: 1 if"),
    ("(1if budget.paid > 0", "syntax error: the number 1 runs into the word if", "put a space between them: 1 if"),
    ("budget.paid > .5and True", "syntax error: the number .5 runs into the word and", "put a space between them: .5 and"),
    # QA125 F1: a name Python reads as starting with one of those words (2 in-come) warned too, then 'forgot a comma?'
    ("budget.paid / 2income", "syntax error: the number 2 runs into the name income",
     "put an operator between them, such as 2 * income"),
    ("1isx", "syntax error: the number 1 runs into the name isx", "put an operator between them, such as 1 * isx"),
    ("budget.paid * 0.5ifx", "syntax error: the number 0.5 runs into the name ifx",
     "put an operator between them, such as 0.5 * ifx"),
])
def test_what_python_parses_with_a_warning_on_stderr_is_refused_with_the_fix(text: str, message: str, hint: str) -> None:
    """`1if` and an unknown escape `\\d` were taken, and Python printed '<unknown>:2: SyntaxWarning: invalid decimal
    literal' (in English, of no file) under the command's output; a later Python refuses them. They are refused on
    every Python alike, said in the author's words, and nothing is printed."""
    problem = _refused(text, SCOPE)
    assert (message, hint) == (problem.message, problem.hint)
    assert "语法错误" in problem.text("zh") and "space" not in problem.text("zh")


@pytest.mark.parametrize(("text", "written"), [
    ("weight * 0x10findings", "0x10findings"), ("0x10decision.procedure_review", "0x10decision"),
    ("budget.paid > 1e-5if True else 0", "1e-5if"), ("budget.paid * 0b1isx", "0b1isx"), ("0o7in", "0o7in"),
])
def test_a_number_not_in_plain_decimal_run_into_a_name_is_said_to_be_so_first(text: str, written: str) -> None:
    """QA128 F4: `0x10findings` was 'the number 0x10f runs into the name indings' (hex digits eat the f), with a fix,
    `0x10f * indings`, refused again. A number in hex, octal, binary or exponent notation run into a name is said as
    one alone is: write plain decimal, naming what was written, in Chinese too."""
    problem = _refused(text, {**SCOPE, "weight": "weight"})
    assert f"write numbers in plain decimal notation, not {written}" == problem.message
    assert f"数字用普通的十进制写法，不要写成 `{written}`" in problem.text("zh")


def test_escapes_python_knows_and_raw_text_are_taken_as_before() -> None:
    """'\\n', '\\\\', '\\x41', '\\u4e00', '\\377' and r'\\d' are escapes Python knows (or none, raw): still formulas."""
    for text in ("'\\n'", "'\\\\d'", "'\\x41'", "'\\u4e00'", "'\\377'", "r'\\d'", "'a\\'b'"):
        assert compile_formula(f"1 if {text} == '优' else 0", SCOPE).evaluate({}) == 0


@pytest.mark.parametrize(("text", "what"), [
    ("budget.paid := 3", "assignment (:=)"),
    ("(budget.paid := 3) > 0", "assignment (:=)"),
    ("f'{budget.paid'", "f-strings"),
    ("f'{budget.paid!z}'", "f-strings"),
    ("f'{}'", "f-strings"),
    ("f'{budget.paid\n}'", "f-strings"),
    ("max(x for x in scores, 1)", "comprehensions"),
    ("u'x' b'y'", "bytes literals"),
])
def test_a_refused_construct_that_does_not_parse_is_refused_as_the_one_that_parses_on_every_python(text: str, what: str) -> None:
    """QA134 F1, F2: `(budget.paid := 3)` said Python's 'cannot use assignment expressions with attribute' in English
    under zh, and an f-string slip said Python's words, which differ between 3.11 and 3.12 ('empty expression not
    allowed' against 'valid expression required'). Each is refused as `(x := 3)` and `f'{x}'` are, in Chinese too, the
    same on every Python."""
    problem = refusal(text).problems[0]
    assert f"{what} not allowed in formulas: {' '.join(text.split())}" == problem.message
    assert "公式中不允许使用" in problem.text("zh") and "cannot" not in problem.text("zh")


def test_a_text_equal_to_f_is_no_f_string() -> None:
    """A text literal 'f' is compared as any other text: only a prefix before a quote makes an f-string."""
    assert run("project.level == 'f'", project__level="f") is True


@pytest.mark.parametrize(("text", "said"), [
    ("(project.level == \"x f'\" and budget.paid > 1", "syntax error: unbalanced parentheses"),
    ("project.level == \"x f'\" and budget.paid >", "syntax error: the formula ends with >, with nothing after it"),
])
def test_a_text_holding_f_quote_in_a_formula_with_another_slip_is_told_that_slip(text: str, said: str) -> None:
    """QA137 F3: a text literal holding ` f'` made any syntax error of the formula 'f-strings not allowed'. The slip
    itself is told, the unclosed parenthesis or the missing operand."""
    assert said == refusal(text).problems[0].message


@pytest.mark.parametrize(("text", "said"), [
    ("budget.paid budget.total", "no operator between budget.paid and budget.total (at character 13)"),
    ("(budget.paid + 1) budget.total", "no operator between (budget.paid + 1) and budget.total (at character 19)"),
    ("min(budget.paid, 1) 2", "no operator between min(budget.paid, 1) and 2 (at character 21)"),
    ("targets.output[0] budget.paid", "no operator between targets.output[0] and budget.paid (at character 19)"),
    ("min(budget.paid, 1)[0] 2", "no operator between min(budget.paid, 1)[0] and 2 (at character 24)"),
    ("[1, 2] budget.paid", "no operator between [1, 2] and budget.paid (at character 8)"),
    ("'abc'[0] budget.paid", "no operator between 'abc'[0] and budget.paid (at character 10)"),
    ("{1: 2}[1] budget.paid", "no operator between {1: 2}[1] and budget.paid (at character 11)"),
    ("budget.paid[0].total budget.paid", "no operator between budget.paid[0].total and budget.paid (at character 22)"),
    (" + ".join(["budget.paid"] * 40) + " budget.total + " + " + ".join(["budget.paid"] * 40),
     "no operator between budget.paid and budget.total (at character 559)"),
])
def test_two_operands_with_nothing_between_them_are_named_with_where(text: str, said: str) -> None:
    """QA134 F3: a formula missing an operator said Python's 'invalid syntax. Perhaps you forgot a comma?' of the whole
    formula, shown cut to 80 characters: in a 1,130-character formula the slip was to be searched by eye. The two operands
    are named, with the character where the second starts, and the fix, in Chinese too; one ending in ] too (`xs[0] b`
    said Python's words)."""
    problem = refusal(text).problems[0]
    assert f"syntax error: {said}" == problem.message and "operator between them" in (problem.hint or "")
    assert "no operator" not in refusal("budget.2024 + 1").problems[0].message  # a name's part, not two operands
    assert "之间缺少运算符" in problem.text("zh") and "Perhaps" not in problem.text("zh")


@pytest.mark.parametrize(("text", "said", "zh"), [
    ("(budget.paid] 2", "closing parenthesis ']' does not match opening parenthesis '('", "右括号 ']' 与左括号 '(' 不配对"),
    ("[budget.paid) 2", "closing parenthesis ')' does not match opening parenthesis '['", "右括号 ')' 与左括号 '[' 不配对"),
])
def test_a_mismatched_bracket_before_a_second_operand_is_said_as_the_bracket(text: str, said: str, zh: str) -> None:
    """QA155 F5: `(budget.paid] 2` was told 'no operator between (budget.paid] and 2': the slip is the bracket, and its
    own message says it with the fix, as before operands ending in ] were named."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: {said}" and "no operator" not in problem.message
    assert zh in problem.text("zh") and "缺少运算符" not in problem.text("zh")


@pytest.mark.parametrize(("text", "said"), [
    ("(budget.paid 2", "no operator between budget.paid and 2 (at character 14)"),
    ("(budget.paid budget.total", "no operator between budget.paid and budget.total (at character 14)"),
    ("min(budget.paid, [budget.total 2", "no operator between budget.total and 2 (at character 32)"),
])
def test_a_missing_operator_in_a_formula_that_leaves_a_bracket_open_is_named_with_the_bracket(text: str, said: str) -> None:
    """QA156 F8: `(budget.paid 2` said Python's 'invalid syntax. Perhaps you forgot a comma?' (in Chinese, its words
    translated), where `(budget.paid 2)` named the two operands. Named as then, and the bracket left open is in the fix."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: {said}" and "close the" in (problem.hint or "")
    assert "之间缺少运算符" in problem.text("zh") and "闭合" in problem.text("zh")
    assert "comma" not in problem.text("en") and "逗号" not in problem.text("zh")


def test_two_texts_side_by_side_in_a_formula_are_refused_as_two_operands_not_joined() -> None:
    """QA156 F8: `project.level == '县' '级'` was taken, Python joining the two texts into '县级' (true for 县级), where
    any other two operands with nothing between them are refused. Refused the same way; one text, and texts with an
    operator between them, are taken as before."""
    for text, first, second in (("project.level == '县' '级'", "'县'", "'级'"), ('project.level == "a"  "b"', '"a"', '"b"'),
                                ("project.level == ('县'\n  '市')", "'县'", "'市'")):  # over lines of a YAML block
        problem = refusal(text).problems[0]
        assert problem.message.startswith(f"syntax error: no operator between {first} and {second} (at character ")
        assert f"{first} 与 {second} 之间缺少运算符" in problem.text("zh")
    assert run("project.level == '县级'", project__level="县级") is True
    assert run("project.level == '县' or project.level == ''", project__level="县") is True


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_two_texts_with_a_backslash_line_break_between_them_are_refused_not_joined(end: str) -> None:
    """QA157 F1: `1 if project.level == '县' \\` with `'级' else 0` on the next line (a YAML block scalar `rate: |`) was
    joined into '县级', the backslash ending the line hiding the two texts side by side. Refused as two operands."""
    problem = refusal(f"1 if project.level == '县' \\{end}     '级' else 0").problems[0]
    assert problem.message.startswith("syntax error: no operator between '县' and '级' (at character ")
    assert "'县' 与 '级' 之间缺少运算符" in problem.text("zh")


@pytest.mark.parametrize(("text", "closings"), [("min((budget.paid 2, 1", "))"), ("min([budget.paid 2, 1", "])")])
def test_a_missing_operator_with_several_brackets_left_open_names_them_all_in_the_fix(text: str, closings: str) -> None:
    """QA157 F4: `min((budget.paid 2, 1` was told to close only the inner ( with a ), and, followed, refused again as
    unbalanced. The fix names every bracket still open, as they are to be typed; each where what it holds ends, since
    both typed at the end made min((budget.paid * 2, 1)) a tuple (QA159 F3)."""
    problem = refusal(text).problems[0]
    assert problem.message.startswith("syntax error: no operator between budget.paid and 2 (at character 18)")
    assert (problem.hint or "").endswith(f"; then close the 2 brackets still open, each where what it holds ends ({closings})")
    assert problem.text("zh").endswith(f"；再把仍未闭合的 2 个括号各在其内容结束处闭合（{closings}））")


@pytest.mark.parametrize(("text", "one"), [("project.level == '按' '比例'", "'按比例'"),
                                           ('project.level == "县" "级"', '"县级"')])
def test_two_texts_side_by_side_are_told_to_be_written_as_one_text(text: str, one: str) -> None:
    """QA159 F1: two texts side by side were told to put an operator between them, and every operator then failed
    (+ adds numbers only, == and `and` compare the wrong values). The fix is the docs' own: write them as one text,
    in the quotes they were written in (a formula in a single-quoted YAML text: QA161 F3)."""
    problem = refusal(text).problems[0]
    assert f"write them as one text: {one}" == problem.hint and f"写成一段文字：{one}" in problem.text("zh")


@pytest.mark.parametrize(("text", "said"), [
    ("budget.paid > 0 not project.ok", "no operator between 0 and not project.ok (at character 17)"),
    ("25 if budget.paid > 0 not project.ok else 0", "no operator between 0 and not project.ok (at character 23)"),
    ("min(budget.paid, 1) not project.ok", "no operator between min(budget.paid, 1) and not project.ok (at character 21)"),
])
def test_a_missing_and_or_before_not_is_named_as_two_operands(text: str, said: str) -> None:
    """QA160 F1: `budget.paid > 0 not ok` said Python's 'invalid syntax. Perhaps you forgot a comma?', whose fix (a
    comma) was refused as a tuple; inside an if it said 'expected else' though the else was there. `not ok` is an
    operand, and the two with nothing between them are named as any other two are."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: {said}" and "operator between them" in (problem.hint or "")
    assert "之间缺少运算符" in problem.text("zh") and "逗号" not in problem.text("zh") and "else" not in problem.message
    assert "not in" in refusal("budget.paid not in scores").problems[0].message  # an operator, refused as one


def test_a_stray_comma_before_else_is_named_not_a_missing_else() -> None:
    """QA160 F1: `1 if project.ok, else 2` said 'expected else after if expression', though the else is there: the
    comma is the slip, and its fix is said, in Chinese too."""
    problem = refusal("1 if project.ok, else 2").problems[0]
    assert problem.message == "syntax error: a comma before else" and problem.hint == "delete the comma: x if condition else y"
    assert "else 前多了一个逗号" in problem.text("zh") and "缺少 else" not in problem.text("zh")


@pytest.mark.parametrize(("text", "closing", "opening"), [
    ("min(budget.paid / budget.total, 1)) * 20\n  + 5", ")", "("),  # a YAML block's next line, indented
    ("(budget.paid / 2))\n    + budget.total\n    + 1", ")", "("),
])
def test_a_stray_closing_bracket_before_an_indented_line_is_named_not_the_indent(text: str, closing: str,
                                                                                 opening: str) -> None:
    """QA160 F2: a stray ) with the formula's next line indented (a YAML `|` block) said 'unexpected indent' (多余的缩进),
    where the same formula unindented said the bracket and its fix. The bracket is said either way, in Chinese too."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: unmatched '{closing}'"
    assert problem.hint == f"delete the {closing}, or open it with a {opening}"
    assert f"多了一个 '{closing}'" in problem.text("zh") and "缩进" not in problem.text("zh")


@pytest.mark.parametrize(("text", "hint"), [
    ("budget.paid / budget.total,", "delete the comma at the end: a formula gives one value"),
    ("budget.paid, budget.total", "a formula gives one value: join the parts with an operator, or pass them to a function "
                                  "such as max( )"),
])
def test_a_formula_that_is_a_tuple_is_shown_as_written_with_the_fix(text: str, hint: str) -> None:
    """QA160 F3: a stray trailing comma (`budget.paid / budget.total,`) said `tuple literals not allowed in formulas:
    ( budget.paid / budget.total, )`, in brackets the author did not write (the parser's wrapping), with no fix. The
    formula is shown as written, with what to do, in Chinese too."""
    problem = refusal(text).problems[0]
    assert problem.message == f"tuple literals not allowed in formulas: {text}" and problem.hint == hint
    assert f"公式中不允许使用元组常量：`{text}`" in problem.text("zh") and "公式只得出一个值" in problem.text("zh")
    assert "formula gives" not in problem.text("zh")


@pytest.mark.parametrize(("typed", "fix"), [("<＝", "<="), (">＝", ">="), ("!＝", "!="), ("=＝", "==")])
def test_a_full_width_equals_after_an_ascii_sign_is_fixed_as_the_pair(typed: str, fix: str) -> None:
    """QA160 F4: `budget.paid <＝ 100` (ASCII <, full-width ＝) was told to type '==' for the ＝, which gave `<==`, refused
    again. The pair's fix is said, as for `＜＝`, in Chinese too."""
    problem = _refused(f"budget.paid {typed} 100", {"budget.paid": "number"})
    assert "character '＝'" in problem.message and problem.hint == f"type {fix!r} for {typed!r}"
    assert f"把 {typed!r} 改为 {fix!r}" in problem.text("zh")


@pytest.mark.parametrize("text", ["min（budget.paid, 1) if project.level == '县' else 0",
                                  "(project.level == '县级'） and project.ok"])
def test_a_full_width_bracket_in_a_formula_with_a_text_is_named_with_the_fix(text: str) -> None:
    """QA160 F5: `min（budget.paid, 1) if project.level == '县' else 0` said Python's `invalid character '（' (U+FF08)`
    with no fix, where the same formula without a text said the character and what to type instead. Said so with a text
    too, in Chinese without Python's words."""
    problem = refusal(text).problems[0]
    bracket = "（" if "（" in text else "）"
    assert problem.message.startswith(f"character {bracket!r}") and problem.hint == f"type {'(' if bracket == '（' else ')'!r} instead"
    assert "无效的字符" not in problem.text("zh") and "改为" in problem.text("zh")


@pytest.mark.parametrize(("text", "at"), [("project.level == '县 and budget.paid > 1", 18), ("project.level == '县", 18),
                                          ("project.level == 'abc", 18),
                                          ("project.level == '县' or project.level == '市", 42)])
def test_a_text_never_closed_is_said_with_its_fix_not_as_characters_outside_a_text(text: str, at: int) -> None:
    """QA161 F4: `project.level == '县 and budget.paid > 1` said `character '县' … outside a text literal` (names and
    operators must be ASCII), though 县 is the text's: the tokenizer split at the quote left open. The text left open is
    said, where it opens, with its fix, in Chinese too; an ASCII text left open said Python's words with no fix."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: the text opened with ' at character {at} is never closed"
    assert problem.hint == "close it with ' where the text ends"
    zh = problem.text("zh")
    assert f"第 {at} 个字符处以 ' 开始的文字没有结尾的引号" in zh and "在文字结束处用 ' 结尾" in zh
    assert "文字常量之外" not in zh and "ASCII" not in zh and "opened" not in zh


@pytest.mark.parametrize(("text", "closed", "fixed"), [('project.level == "县级\' or project.ok', "'", '"县级"'),
                                                       ("project.level == '县级\" or project.ok", '"', "'县级'"),
                                                       ("project.level == '县级” or project.ok", "”", "'县级'")])
def test_a_text_closed_with_another_quote_is_said_with_its_fix(text: str, closed: str, fixed: str) -> None:
    """QA161 F4: `project.level == "县级' or project.ok` said `character '县' … outside a text literal`: its quotes do not
    match. That is said, with the text in the quote it opens with, in Chinese too."""
    problem = refusal(text).problems[0]
    assert problem.message == f"syntax error: the text opened with {fixed[0]} at character 18 is closed with {closed}"
    assert problem.hint == f"open and close a text with the same quote: {fixed}"
    zh = problem.text("zh")
    assert f"开始的文字却以 {closed} 结尾" in zh and f"文字的开头和结尾用同一种引号：{fixed}" in zh and "文字常量之外" not in zh


@pytest.mark.parametrize(("typed", "fix"), [("==＝", "=="), ("< ＝", "<="), ("<=＝", "<="), ("= ＝", "==")])
def test_a_full_width_equals_after_an_ascii_operator_is_fixed_as_the_operator(typed: str, fix: str) -> None:
    """QA161 F5: `budget.paid ==＝ 100` was told to type '==' for '=＝', giving `===`; `budget.paid < ＝ 100` to type '=='
    instead, giving `< ==`, refused as a bare syntax error. The signs typed together are fixed as the one operator."""
    problem = _refused(f"budget.paid {typed} 100", {"budget.paid": "number"})
    assert "character '＝'" in problem.message and problem.hint == f"type {fix!r} for {typed!r}"
    assert f"把 {typed!r} 改为 {fix!r}" in problem.text("zh")


def test_a_formula_of_one_part_and_a_comma_in_brackets_is_told_to_delete_the_comma() -> None:
    """QA161 F5: `(budget.paid / budget.total,)` was told to join the parts with an operator or pass them to max( ),
    though there is one part: the fix is to delete the comma, in Chinese too."""
    problem = refusal("(budget.paid / budget.total,)").problems[0]
    assert problem.hint == "delete the comma: a formula gives one value"
    assert "删去逗号：公式只得出一个值" in problem.text("zh") and "formula gives" not in problem.text("zh")
