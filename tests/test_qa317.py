"""QA317: the Python API as an embedding developer uses it."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from scoring_engine import (FactsError, ScoringEngineError, load_facts, load_indicator_set, parse_indicator_set, score,
                            score_many, scores_only, summarise)
from scoring_engine.batch import Document

SMALL = ROOT / "examples" / "small"


@pytest.fixture(scope="module")
def small():
    return load_indicator_set(SMALL / "set.yaml")


def test_a_documents_text_given_as_bytes_is_read_as_utf8_and_another_kind_is_the_callers_mistake(small) -> None:
    """QA317 1: Document(text=<bytes>) given to score_many (a JSONL line read in binary) came back as the engine's
    'internal error: TypeError …', and Document(text=5) too. Bytes are read as UTF-8, as parse_facts reads them; bytes
    that are not UTF-8 and a text of another kind are a plain problem of that document."""
    line = (SMALL / "facts.json").read_bytes().replace(b"\n", b" ")
    as_text = next(iter(score_many(small, [Document(source="p.jsonl:1", text=line.decode("utf-8"))])))
    as_bytes = next(iter(score_many(small, [Document(source="p.jsonl:1", text=line)])))
    assert as_bytes.ok and as_bytes.result is not None and as_text.result is not None
    assert as_bytes.result.to_json() == as_text.result.to_json()
    not_text, not_utf8 = score_many(small, [Document(source="a", text=5), Document(source="b", text=b"\xff{}")])  # type: ignore[arg-type]
    assert "not int" in not_text.problems[0].message and "internal error" not in str(not_text.problems[0])
    assert not_utf8.problems[0].message == "the facts text is not UTF-8 (byte 0 cannot be read)"
    assert "Document 的 text 应是" in not_text.problems[0].text("zh") and "先按其编码解码" in not_utf8.problems[0].text("zh")
    assert summarise([not_text, not_utf8]).internal == 0


def test_a_documents_bytes_with_a_byte_order_mark_first_are_read_as_parse_facts_reads_them() -> None:
    """QA321 F6: the first line of a JSONL file saved with a BOM, read in binary and given as a Document's text, was
    refused ('one byte order mark too many') while parse_facts of the same bytes scored it."""
    from scoring_engine import parse_facts

    small = load_indicator_set(SMALL / "set.yaml")
    line = json.dumps(json.loads((SMALL / "facts.json").read_text(encoding="utf-8")), ensure_ascii=False).encode()
    [outcome] = score_many(small, [Document(source="a.jsonl:1", text=b"\xef\xbb\xbf" + line)])
    assert outcome.result is not None and outcome.result.total == score(small, parse_facts(b"\xef\xbb\xbf" + line)).total


@pytest.mark.parametrize("sha256", [5, b"abc", "not-a-hash", "ab" * 31])
def test_a_sets_sha256_that_is_not_64_hex_digits_is_refused_at_the_call_naming_the_argument(sha256: object) -> None:
    """QA317 2: parse_indicator_set(text, sha256=5) loaded, wrote "sha256": 5 into the result's JSON and failed deep
    inside render ('int' object is not subscriptable); sha256=b"abc" failed in to_json, "not-a-hash" was printed as the
    set's sha256. Each is a TypeError at the call naming sha256, as folder= is; a right one is kept, in lower case."""
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    with pytest.raises(TypeError, match=r"^sha256 is the set's SHA-256 as 64 hexadecimal digits"):
        parse_indicator_set(text, sha256=sha256)  # type: ignore[arg-type]
    assert parse_indicator_set(text, sha256="AB" * 32).sha256 == "ab" * 32


def test_an_empty_sha256_means_the_hash_of_the_text_as_none_does() -> None:
    """QA321 F5: a caller passing sha256=recorded or "" had the text's hash before QA317 2's check, and a TypeError
    after it; "" is the default again, as None is."""
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    assert parse_indicator_set(text, sha256="").sha256 == parse_indicator_set(text).sha256


@pytest.fixture(scope="module")
def selfeval():
    return load_indicator_set("self-evaluation")


@pytest.fixture(scope="module")
def filled(selfeval, tmp_path_factory):
    from scoring_engine.reports.layouts import render_layout

    result = score(selfeval, load_facts(ROOT / "examples" / "resettlement-housing" / "facts.json"))
    form = tmp_path_factory.mktemp("form") / "form.xlsx"
    form.write_bytes(render_layout(result, selfeval, "xlsx", "selfeval"))
    return result, form


def test_the_forms_entry_points_given_an_argument_of_the_wrong_kind_raise_a_type_error_naming_it(selfeval, filled) -> None:
    """QA317 3: read_form(form, "self-evaluation") and blank_form("self-evaluation", "xlsx") (a set's id where a loaded
    set goes) raised AttributeError from deep inside, read_form(None, S) pathlib's TypeError naming no argument, and
    render_layout(scores_only(…), …) AttributeError: 'Scores' object has no attribute 'project'. Each is a TypeError
    naming the argument, as score() and render() give."""
    from scoring_engine.forms.reader import read_form
    from scoring_engine.reports.layouts import blank_form, render_layout

    result, form = filled
    facts = load_facts(ROOT / "examples" / "resettlement-housing" / "facts.json")
    for call, said in [(lambda: read_form(form, "self-evaluation"), "indicator_set is a loaded IndicatorSet"),
                       (lambda: read_form(form, None), "indicator_set is a loaded IndicatorSet"),
                       (lambda: read_form(None, selfeval), "path is the filled form's file"),
                       (lambda: blank_form("self-evaluation", "xlsx"), "indicator_set is a loaded IndicatorSet"),
                       (lambda: render_layout(result, "self-evaluation", "xlsx"), "indicator_set is a loaded IndicatorSet"),
                       (lambda: render_layout(scores_only(selfeval, facts), selfeval, "xlsx", "selfeval"),
                        "render_layout() takes a Result (from score()), not Scores"),
                       (lambda: render_layout(result, selfeval, None), "fmt is a format's name"),
                       (lambda: render_layout(result, selfeval, "xlsx", 5), "layout is a layout's name")]:
        with pytest.raises(TypeError) as caught:
            call()  # type: ignore[no-untyped-call]
        assert str(caught.value).startswith(said), caught.value
    assert read_form(str(form), selfeval).facts.values == read_form(form, selfeval).facts.values


@pytest.mark.parametrize(("fmt", "hint"), [("XLSX", "did you mean xlsx?"), ("pdf", "one of: markdown, csv, xlsx, html"),
                                           ("json", "one of: markdown, csv, xlsx, html")])
def test_a_blank_form_in_an_unknown_format_is_refused_not_written_as_csv(selfeval, fmt: str, hint: str) -> None:
    """QA317 4: blank_form(S, "XLSX"), "pdf", "json" and None each returned the form as CSV text: a caller wanting a
    workbook wrote CSV into blank.xlsx. An unknown format is refused as render() refuses one, with its did-you-mean, and
    None is a TypeError; the four formats are drawn as before."""
    from scoring_engine.reports.layouts import blank_form

    with pytest.raises(ScoringEngineError) as caught:
        blank_form(selfeval, fmt)
    assert (caught.value.problems[0].message, caught.value.problems[0].hint) == (f"unknown format {fmt!r}", hint)
    with pytest.raises(TypeError, match=r"^fmt is a format's name"):
        blank_form(selfeval, None)  # type: ignore[arg-type]
    assert isinstance(blank_form(selfeval, "xlsx"), bytes) and blank_form(selfeval, "csv").startswith("\ufeff项目支出绩效自评表")
    assert blank_form(selfeval, "html").lstrip().startswith("<") and "|" in blank_form(selfeval, "markdown")


def test_a_form_read_from_python_with_another_set_is_told_the_python_fix_not_the_commands_options(filled) -> None:
    """QA317 5: read_form(form, load_indicator_set("hubei-self-evaluation")) and score_many with another set, called
    from Python, were told to 'leave out --set', to run 'scoring-engine template hubei-self-evaluation' and to score
    with '(--set)'. From Python the hint names the indicator_set argument (None to score_many, the set the form names
    to read_form) and the function writing the blank form; the command line is told its options as before."""
    from scoring_engine._command_line import on_the_command_line
    from scoring_engine.forms.reader import read_form

    _, form = filled
    hubei = load_indicator_set("hubei-self-evaluation")
    with pytest.raises(ScoringEngineError) as caught:
        read_form(form, hubei)
    hints = [p.hint or "" for p in caught.value.problems]
    assert hints[0] == ("read it with the set it names: indicator_set=None for score_many, "
                        "load_indicator_set('self-evaluation') for read_form")
    assert any('blank_form(indicator_set, "xlsx")' in hint and hint.endswith("(indicator_set)") for hint in hints)
    assert not any("--set" in hint or "scoring-engine" in hint for hint in hints), hints
    assert "score_many 传入 indicator_set=None" in caught.value.problems[0].text("zh")
    outcome = next(iter(score_many(load_indicator_set("national-framework"), [form])))
    assert outcome.problems[0].hint == hints[0]
    with on_the_command_line(), pytest.raises(ScoringEngineError) as caught:
        read_form(form, hubei)
    hints = [p.hint or "" for p in caught.value.problems]
    assert hints[0] == "leave out --set to read it with the set it names"
    assert any("(scoring-engine template hubei-self-evaluation)" in hint and hint.endswith("(--set)") for hint in hints)


def test_the_typed_scores_call_reports_md_shows_runs_as_written(selfeval, filled) -> None:
    """QA317 6: reports.md said `typed_scores(imported, result, indicator_set)`, which raised TypeError: missing
    'score_of'. The call the page shows now runs as written, with the names it uses, and gives the typed scores."""
    import re

    from scoring_engine.forms import cells
    from scoring_engine.forms.reader import read_form

    result, form = filled
    page = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    [call] = re.findall(r"`(typed_scores\([^`]*\))`", page)
    scope = {"imported": read_form(form, selfeval), "indicator_set": selfeval, "result": result,
             "typed_scores": cells.typed_scores, "score_in": cells.score_in}
    assert [] == eval(call, scope)  # the form score wrote types the set's own scores


def test_facts_given_paths_as_documented_type_check_under_mypy_strict(tmp_path, monkeypatch) -> None:
    """QA317 7: the Facts docstring and the README say `source` and `indicator_set` may be given as a Path, and they are
    kept as text; mypy --strict refused Facts(source=Path(...), indicator_set=Path(...)) ('expected "str | None"'). A
    client doing so type-checks clean now, a Document's text may be bytes (QA317 1), and a value of a wrong kind is still
    reported."""
    mypy = pytest.importorskip("mypy.api")
    monkeypatch.setenv("MYPYPATH", str(ROOT))  # this checkout's package, not one installed elsewhere
    client = tmp_path / "client.py"
    client.write_text("from pathlib import Path\n"
                      "from scoring_engine import Facts\n"
                      "from scoring_engine.batch import Document\n"
                      "f = Facts(values={'budget': {'paid': 1}}, source=Path('facts.json'), indicator_set=Path('set.yaml'))\n"
                      "d = Document(source='p.jsonl:1', text=b'{}')\n"
                      "s: str | None = f.source\n"
                      "wrong = Facts(values={}, source=5)\n", encoding="utf-8")
    out, _, _ = mypy.run(["--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(client)])
    assert [line.split(": error: ")[0].rsplit(":", 1)[1] for line in out.splitlines()] == ["7"], out  # the int alone


def test_a_pandas_row_given_as_facts_is_told_to_pass_row_dropna_to_dict(small) -> None:
    """QA317 8: score(S, row.dropna()), the fix a NaN's hint gave, passes a pandas Series, and was refused with 'facts
    must be an object of fact names and values' and no hint. A Series given to score() or scores_only(), or as a
    document to score_many(), is told to pass row.dropna().to_dict(), and a NaN's hint ends in .to_dict() too."""
    series = type("Series", (), {"__module__": "pandas.core.series"})  # pandas' own, told by its module as NumPy's are
    for scoring in (score, scores_only):
        with pytest.raises(FactsError) as caught:
            scoring(small, series())
        [problem] = caught.value.problems
        assert (problem.message, problem.hint) == ("facts must be an object of fact names and values, not a pandas Series",
                                                   "pass a pandas row as row.dropna().to_dict()")
        assert problem.text("zh") == "facts 应为“事实名称: 值”的对象，而不是 pandas 的 Series（pandas 的一行请写成 row.dropna().to_dict() 传入）"
    [outcome] = score_many(small, [series()])
    assert outcome.problems[0].hint == "pass a pandas row as row.dropna().to_dict()"
    facts = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))["facts"]
    with pytest.raises(FactsError) as caught:
        score(small, {**facts, "budget": {**facts["budget"], "paid": float("nan")}})
    assert (caught.value.problems[0].hint or "").endswith("(row.dropna().to_dict())")


def test_compile_formula_and_evaluate_say_a_callers_mistake_as_one() -> None:
    """QA317 9: compile_formula("a", None) raised AttributeError from inside, compile_formula(10**5000, {}) Python's
    ValueError of 4,300 digits, and evaluate({"a": 1}) said '+ needs a number, got int', though 1 is a number. scope is
    a TypeError naming it, the giant number a FormulaError naming MAX_NUMBER_DIGITS, and the int's failure says to pass
    a Decimal; a Decimal still computes."""
    from decimal import Decimal

    from scoring_engine import FormulaError, ScoringError
    from scoring_engine.formulas import compile_formula

    with pytest.raises(TypeError, match=r"^scope is a mapping of each name the formula may read to its type, not NoneType"):
        compile_formula("a", None)  # type: ignore[arg-type]
    with pytest.raises(FormulaError) as caught:
        compile_formula(10**5000, {})
    assert caught.value.problems[0].message == "a number of at least 5000 digits; the limit is 30 (MAX_NUMBER_DIGITS)"
    assert caught.value.problems[0].text("zh") == "数字至少有 5000 位，上限是 30"
    formula = compile_formula("a+1", {"a": "number"})
    for given in (1, 1.5):
        with pytest.raises(ScoringError) as failed:
            formula.evaluate({"a": given})
        assert (failed.value.problems[0].hint or "").startswith('pass numbers as Decimal (Decimal("1.5"), not 1.5 or 1)')
    with pytest.raises(ScoringError) as failed:
        formula.evaluate({"a": "x"})
    assert failed.value.problems[0].hint is None  # text is no number whatever its kind: nothing of Decimal to say
    assert Decimal("2.5") == formula.evaluate({"a": Decimal("1.5")})
    assert "12" == compile_formula(12, {}).text


def test_a_formulas_tree_changed_by_a_program_does_not_change_what_a_pickled_set_scores(small) -> None:
    """QA317 10: a loaded set's Formula.tree is an ast node a program can change; in-process scores kept the closures
    compiled at load (79.73), but pickle, as score_many(jobs=2) and a ProcessPoolExecutor use it, recompiled from the
    changed tree and scored 81.73, the sets still equal. A pickled formula is compiled again from its checked text: the
    copy scores as the set was loaded, and every formula of the bundled and example sets comes back the same tree."""
    import ast
    import copy
    import pickle

    from scoring_engine import bundled_sets

    facts = load_facts(SMALL / "facts.json")
    tampered = copy.deepcopy(small)
    rate = next(d for d in tampered.derived if d.name == "execution_rate")
    rate.formula.tree.op = ast.Mult()
    assert score(pickle.loads(pickle.dumps(tampered)), facts).to_json() == score(small, facts).to_json()
    sets = [load_indicator_set(s) for s in bundled_sets()] + [load_indicator_set(p) for p in (ROOT / "examples").glob("*/set.yaml")]
    formulas = [f for indicator_set in sets for f in _formulas_in(indicator_set)]
    assert len(formulas) > 100
    for formula in formulas:
        again = pickle.loads(pickle.dumps(formula))
        assert (ast.dump(again.tree), again.names, again.bare) == (ast.dump(formula.tree), formula.names, formula.bare)


def _formulas_in(value: object, seen: set[int] | None = None) -> list:
    """Every Formula a set holds: its derived values', checks', caps' and rules' alike."""
    import dataclasses
    from collections.abc import Mapping

    from scoring_engine.formulas import Formula

    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int)):
        return []
    seen.add(id(value))
    if isinstance(value, Formula):
        return [value]
    if dataclasses.is_dataclass(value):
        parts = [getattr(value, f.name) for f in dataclasses.fields(value) if not f.name.startswith("_")]
    else:
        parts = list(value.values()) if isinstance(value, Mapping) else list(value) if isinstance(value, (tuple, list)) else []
    return [f for part in parts for f in _formulas_in(part, seen)]


def test_summarise_given_a_dict_says_dict_not_the_kind_of_its_keys() -> None:
    """QA317 11: summarise({"a": 1}) said 'summarise takes score_many's outcomes (or their rows), not str', from its
    first key. A mapping is refused before it is iterated, as score_many refuses one given as documents: 'not dict'."""
    with pytest.raises(TypeError, match=r"^summarise takes score_many's outcomes \(or their rows\), not dict$"):
        summarise({"a": 1})  # type: ignore[arg-type]
