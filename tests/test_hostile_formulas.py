"""The hostile formula corpus (tests/hostile/formulas.yaml), each case run in a bounded child process.

Every hostile formula is tried three ways -- compiled alone, inside an
indicator set, and through the command line -- and must be refused when the set
loads or stopped by a ScoringError when it is scored: a scoring_engine error
whose text holds the case's words, one line per problem, within a CPU-time and
memory bound. The legitimate edges under ``ok`` must keep working.
"""

from __future__ import annotations

import collections
import os
from decimal import Decimal

import pytest

from hostile.bounded import Outcome, run_bounded
from hostile.corpus import CLASSES, FORMULA_LINE, FormulaCase, formula_cases, try_formula

#: Bounds every case keeps, compiling, loading, scoring and running the CLI together.
CPU_SECONDS = 0.5
PEAK_MB = 50

CASES = formula_cases()
HOSTILE = [c for c in CASES if c.stage != "ok"]
OK = [c for c in CASES if c.stage == "ok"]


def run_case(case: FormulaCase) -> Outcome:
    return run_bounded(lambda: try_formula(case.formula, case.stage == "ok"), cpu_limit=5, timeout=20)


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child; the tests below judge the same runs."""
    return {case.id: run_case(case) for case in CASES}


def test_corpus_covers_every_class_with_enough_cases() -> None:
    """The corpus holds at least 80 hostile formulas, at least five in each class of attack the issue lists."""
    assert len(HOSTILE) >= 80
    assert set(CLASSES) == {c.cls for c in HOSTILE}
    assert all(sum(c.cls == cls for c in HOSTILE) >= 5 for cls in CLASSES)
    assert all(c.words for c in HOSTILE), "every hostile case names the words its error must contain"


def test_cases_are_distinct() -> None:
    """No formula appears twice in the corpus."""
    formulas = [c.formula for c in CASES]
    assert len(formulas) == len(set(formulas))


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_formula_is_refused_or_stopped(case: FormulaCase, outcomes: dict[str, Outcome]) -> None:
    """Compiled alone, the formula raises FormulaError (load) or compiles and raises ScoringError (score), naming the problem."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status, outcome.message
    seen = outcome.value
    error = seen.get("error")
    assert error is not None, f"no error; value {seen.get('value')!r}"
    assert error["ours"], f"{error['type']} escaped: {error['text']}"
    assert ("FormulaError" if case.stage == "load" else "ScoringError") == error["type"]
    missing = [w for w in case.words if w not in error["text"]]
    assert [] == missing, error["text"]
    for problem in error["problems"]:
        assert problem["expression"] or not case.formula.strip(), "each problem carries the formula"
        assert "\n" not in problem["message"] and "\n" not in (problem["hint"] or "")


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_formula_in_a_set_is_refused_at_its_line_or_stops_scoring(case: FormulaCase, outcomes: dict[str, Outcome]) -> None:
    """In an indicator set, a load case raises IndicatorSetError at the formula's line; a score case a ScoringError for the indicator."""
    seen = outcomes[case.id].value
    error = seen.get("set_error")
    assert error is not None, f"the set loaded and scored: total {seen.get('set_total')}"
    assert error["ours"], f"{error['type']} escaped: {error['text']}"
    assert ("IndicatorSetError" if case.stage == "load" else "ScoringError") == error["type"]
    missing = [w for w in case.set_words if w not in error["text"]]
    assert [] == missing, error["text"]
    for problem in error["problems"]:
        assert "hostile.yaml" == problem["file"]
        if case.stage == "load":
            assert FORMULA_LINE == problem["line"]
        else:
            assert "a" == problem["indicator"]


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_formula_on_the_command_line_is_one_error_line_per_problem(case: FormulaCase, outcomes: dict[str, Outcome]) -> None:
    """`validate` (load cases) or `score` (score cases) exits 1 with one `error:` line per problem, and no traceback."""
    seen = outcomes[case.id].value
    cli = seen["cli"]
    assert ("validate" if case.stage == "load" else "score") == cli["command"]
    assert cli["exception"] is None
    assert 1 == cli["code"], cli["stderr"]
    lines = cli["stderr"].splitlines()
    assert len(seen["set_error"]["problems"]) == len(lines)
    assert all(line.startswith("error: ") for line in lines), cli["stderr"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_stays_within_time_and_memory(case: FormulaCase, outcomes: dict[str, Outcome]) -> None:
    """Each case -- compiled, loaded in a set, scored and run through the CLI -- takes under half a second of CPU and 50 MB."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status, outcome.message
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB


@pytest.mark.parametrize("case", OK, ids=[c.id for c in OK])
def test_legitimate_edge_keeps_working(case: FormulaCase, outcomes: dict[str, Outcome]) -> None:
    """Formulas at the limits (the longest sum, the deepest nesting, the longest formula) compile, give the same value twice, and load in a set."""
    seen = outcomes[case.id].value
    assert "error" not in seen, seen.get("error")
    expected = case.value if isinstance(case.value, bool) else Decimal(str(case.value))
    assert expected == seen["value"]
    assert seen["same_again"]
    assert "set_error" not in seen, seen.get("set_error")
    assert 0 == seen["cli"]["code"], seen["cli"]["stderr"]


def test_invisible_characters_are_shown_escaped_on_the_command_line(outcomes: dict[str, Outcome]) -> None:
    """A right-to-left override quoted from a formula is printed as \\u202e, so it cannot reorder the error line in a terminal."""
    case = next(c for c in HOSTILE if c.formula == "a\u202e + b")
    stderr = outcomes[case.id].value["cli"]["stderr"]
    assert "\u202e" not in stderr
    assert "\\u202e" in stderr


def test_the_bounded_runner_stops_a_runaway() -> None:
    """The child runner kills work that would run forever, and turns a memory bomb into a MemoryError, without harm to the suite."""
    spin = run_bounded(lambda: collections.deque(iter(int, 1), maxlen=0), cpu_limit=1, timeout=5)  # spins, allocating nothing
    assert spin.status in ("killed", "timeout")
    bomb = run_bounded(lambda: bytearray(1 << 40), memory_mb=64)
    assert ("raised", "MemoryError") == (bomb.status, bomb.error_type)


def test_a_refused_formula_reveals_nothing_outside_itself() -> None:
    """A formula reaching for files and the environment is refused with a message quoting only the formula: nothing read, nothing leaked."""
    case = FormulaCase("builtins", 0, "open('/etc/passwd').read() + __import__('os').getcwd()", "load")
    text = run_case(case).value["error"]["text"]
    assert "root:" not in text and os.getcwd() not in text and "object at 0x" not in text


def test_a_rule_reading_a_target_row_list_whole_writes_its_json_and_refuses_rows_as_findings(tmp_path) -> None:
    """count(targets.output) scored, but its JSON audit trail ended in an internal error (a target row could not be
    written), and findings: targets.output did so when scoring (QA58 F2, F3): the rows are written as a facts file
    writes them, and rows given as findings are a scoring error naming the formula."""
    import json as _json_module

    from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, score
    from conftest import ROOT

    for name, rule in (("count", '{kind: formula, score: "count(targets.output)"}'),
                       ("rows", "{kind: deduction, findings: targets.output, points_each: 1}")):
        (tmp_path / f"{name}.yaml").write_text(f"extends: self-evaluation\nid: {name}\nchange:\n  budget:\n    rule: {rule}\n",
                                               encoding="utf-8")
    facts = load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    result = score(load_indicator_set(tmp_path / "count.yaml"), facts)
    from decimal import Decimal

    written = _json_module.loads(result.to_json(), parse_float=Decimal, parse_int=Decimal)
    assert result.to_dict() == written
    budget = next(i for i in written["indicators"] if i["id"] == "budget")
    assert [row["name"] for row in budget["inputs"]["targets.output"]][:1] == ["新建供水管网长度"]
    try:
        score(load_indicator_set(tmp_path / "rows.yaml"), facts)
    except ScoringEngineError as err:
        assert "not a list of target rows" in str(err)
    else:
        raise AssertionError("rows scored as findings")
