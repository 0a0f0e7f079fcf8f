"""QA330: the Python API (render, parse_facts, load_facts, score, score_many) and the pytest plugin."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, render, score
from scoring_engine.cli import main


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html", "xlsx", "table"])
def test_render_given_the_set_writes_what_score_writes_by_default_the_sets_own_selfeval_form(
        tmp_path: Path, fmt: str) -> None:
    """QA330 F1: render(result, fmt) gave the 评分表 where `score --format fmt` gives a self-evaluation set's own 自评表;
    from Python only the internal reports.layouts.render_layout drew it. render(result, fmt, indicator_set) now gives
    the bytes the command writes; layout= chooses one as --layout does; render(result, fmt) is the 评分表 as before."""
    facts_path = ROOT / "examples" / "resettlement-housing" / "facts.json"
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(str(facts.indicator_set))  # a bundled set, the self-evaluation
    result = score(indicator_set, facts)
    out = tmp_path / f"report.{fmt}"
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(facts_path), "--format", fmt, "--output", str(out)])
    assert 0 == run.exit_code, run.output
    given = render(result, fmt, indicator_set)
    assert out.read_bytes() == (given if isinstance(given, bytes) else given.encode("utf-8"))
    if fmt != "table":
        assert render(result, fmt, indicator_set, layout="scoresheet") == render(result, fmt)
        assert render(result, fmt, layout="selfeval", indicator_set=indicator_set) == given != render(result, fmt)
        with pytest.raises(TypeError, match="pass indicator_set"):
            render(result, fmt, layout="selfeval")
    else:
        with pytest.raises(ScoringEngineError) as caught:
            render(result, fmt, indicator_set, layout="selfeval")
        assert "layout= 只用于 markdown、csv、xlsx、html，不能用于 table" in caught.value.text("zh")


def test_a_path_given_to_parse_facts_and_a_text_given_to_load_facts_or_load_indicator_set_are_told_the_other_call(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA330 F2: parse_facts("mix/good.json") was told 'JSON syntax: Expecting value (…for YAML, pass yaml=True)', whose
    fix gave 'the document must be a mapping…, got text'; load_facts('{"facts": …}') 'no such file', and
    load_indicator_set(the YAML's text) 'neither a file nor a bundled set id', none naming the call that reads it. Each
    now names the other function, in English and Chinese; a path that is only missing is told as before."""
    from scoring_engine import FactsError, IndicatorSetError, load_indicator_set, parse_facts

    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts").write_text('{"facts": {}}', encoding="utf-8")
    for text, yaml in [("mix/good.json", False), ("mix/good.json", True), (" a.YML\n", False), ("facts", False)]:
        with pytest.raises(FactsError) as caught:
            parse_facts(text, yaml=yaml)
        assert caught.value.problems[0].hint == "read the file with load_facts(path)", caught.value
        assert "是文件路径，不是事实文档（请用 load_facts(path) 读取该文件）" in caught.value.text("zh")
    with pytest.raises(FactsError) as caught:
        load_facts('{"facts": {"a": 1}}')
    assert caught.value.problems[0].hint == "this is a facts document's text, not a path: read it with parse_facts(text)"
    assert "这是事实文档的文本，不是路径：请用 parse_facts(text) 读取" in caught.value.text("zh")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set((ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8"))
    assert caught.value.problems[0].hint == \
        "this is an indicator set's YAML text, not a path: read it with parse_indicator_set(text)"
    assert "这是指标体系的 YAML 文本，不是路径：请用 parse_indicator_set(text) 读取" in caught.value.text("zh")
    with pytest.raises(FactsError) as caught:
        load_facts("nope.json")
    assert caught.value.problems[0].hint is None


@pytest.mark.parametrize("value", [1e20, float("nan"), "Decimal('sNaN')", "Decimal('1.0000000000000000000000000001')"])
def test_a_fact_out_of_range_or_not_a_number_from_python_is_told_with_every_other_problem_of_the_facts(value) -> None:
    """QA330 F4: score(s, {"a": 1e20, "b": "x", "flag": "yes"}) said a's range alone, one line, where a=1 gave the four
    others (b's type, n missing, flag's value, items missing): fixing a showed four more. Each value no document may hold
    is told once, beside every other problem of the facts (README: every problem)."""
    from decimal import Decimal

    from scoring_engine import FactsError, parse_indicator_set

    indicator_set = parse_indicator_set(
        'id: t\nname: T\nversion: "1"\nfacts:\n  a: {type: number, min: 0}\n  b: {type: number, min: 0}\n'
        '  n: {type: integer, min: 0}\n  flag: {type: boolean}\n  items: {type: list}\n'
        'grades:\n  - {label: A, min: 0}\nindicators:\n  - {id: x, name: X, weight: 60, rule: {kind: formula, score: "a"}}\n'
        '  - {id: y, name: Y, weight: 40, rule: {kind: formula, score: "min(n, 40)"}}\n')
    given = eval(value, {"Decimal": Decimal}) if isinstance(value, str) else value
    with pytest.raises(FactsError) as caught:
        score(indicator_set, {"a": given, "b": "x", "flag": "yes"})
    assert ["a", "b", "n", "flag", "items"] == [p.fact for p in caught.value.problems], caught.value


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-16-le", "utf-16-be"])
def test_a_utf16_or_utf32_body_given_to_parse_facts_is_told_the_decode_that_reads_it(codec: str) -> None:
    """QA330 F3: parse_facts of UTF-16 bytes with a byte-order mark suggested body.decode("gb18030"), which raised on
    them. A UTF-16 or UTF-32 body, marked or (UTF-16) not, is named as such and told the decode that reads it, as the
    command line names such a file; a GBK body is told gb18030 as before, its byte said by its offset in Chinese."""
    from scoring_engine import FactsError, parse_facts

    body = '{"facts": {"名": 1}}'.encode(codec)
    with pytest.raises(FactsError) as caught:
        parse_facts(body)
    hint = str(caught.value.problems[0].hint)
    assert "not UTF-8" in caught.value.problems[0].message and "gb18030" not in hint
    assert {"名": 1} == parse_facts(eval(hint.split("e.g. ")[1], {"body": body})).values  # the hint's own call reads it
    with pytest.raises(FactsError) as caught:
        parse_facts('{"facts": {"名": 1}}'.encode("gbk"))
    assert "偏移 12 处的字节无法读取" in caught.value.text("zh") and "gb18030" in str(caught.value)


def test_render_takes_a_format_and_layout_in_any_letter_case_as_the_command_does() -> None:
    """QA330 F8: render(r, "JSON") was refused with no did-you-mean while `score --format JSON` writes JSON. A format
    and a layout are taken in any letter case, as the command takes them; a misspelt one in capitals is told the
    format it is close to."""
    facts_path = ROOT / "examples" / "resettlement-housing" / "facts.json"
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(str(facts.indicator_set))
    result = score(indicator_set, facts)
    assert render(result, "JSON") == render(result, "json") and render(result, "Table") == render(result, "table")
    assert render(result, "Markdown", indicator_set, layout="SelfEval") == render(result, "markdown", indicator_set)
    assert render(result, "XLSX", indicator_set, "ScoreSheet") == render(result, "xlsx")
    with pytest.raises(ScoringEngineError) as caught:
        render(result, "JSNO")
    assert caught.value.problems[0].hint == "did you mean json?", caught.value.problems[0]


def test_every_problem_of_score_many_names_its_document_however_the_program_passed_it() -> None:
    """QA330 F7: a document passed as values (Document(source="x.json", facts=Facts(...)), a plain mapping) had problems
    with no file and no prefix, unlike one passed as text ("y.json: …") or as a parsed document ("#9: …"); None got no
    "#N:" either. Each now names its document by its source, else its place in the documents."""
    from scoring_engine import Facts, score_many
    from scoring_engine.batch import Document

    indicator_set = load_indicator_set(str(ROOT / "examples" / "small" / "set.yaml"))
    values = {"budget": {"paid": "x"}}
    outcomes = list(score_many(indicator_set, [Document(source="x.json", facts=Facts(values=values)),
                                               Document(source="y.json", text='{"facts": {"budget": {"paid": "x"}}}'),
                                               values, None]))
    for outcome, name in zip(outcomes, ["x.json", "y.json", "#3", "#4"], strict=True):
        assert outcome.problems and all(p.file == name and str(p).startswith(name + ": ") for p in outcome.problems), \
            [str(p) for p in outcome.problems]
        assert all(line.startswith(name + ": ") for line in outcome.row.problems), outcome.row.problems


def test_a_problem_of_a_set_parsed_without_its_file_names_its_line_once_and_lint_names_it_once() -> None:
    """QA330 F6: str(e) of a set parsed without source= (parse_indicator_set(text)) dropped the line and column the
    problem holds: the place was printed only with a file. It now starts '16:1: ', in English and in Chinese; with
    a file as before; and a lint warning, which says the place before 'warning:', says it once."""
    from scoring_engine import parse_indicator_set
    from scoring_engine.errors import Problem
    from scoring_engine.lint.found import LintWarning

    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    with pytest.raises(ScoringEngineError) as caught:
        parse_indicator_set(text.replace("weight: 10", "weight: 11", 1))
    problem = caught.value.problems[0]
    assert problem.file is None and problem.line is not None, problem
    place = f"{problem.line}:{problem.column}: " if problem.column is not None else f"{problem.line}: "
    assert str(problem).startswith(place) and problem.text("zh").startswith(place), (str(problem), problem.text("zh"))
    assert str(Problem("m", line=3)) == "3: m" and str(Problem("m", file="a.yaml", line=3, column=2)) == "a.yaml:3:2: m"
    assert str(Problem("m", column=2)) == "m"
    for file, where in ((None, "98:12: "), ("set.yaml", "set.yaml:98:12: ")):
        warning = LintWarning("unused-fact", Problem("fact x is never read", file=file, line=98, column=12))
        assert (str(warning), warning.text("zh")) == (f"{where}warning: fact x is never read",
                                                      f"{where}提示：" + Problem("fact x is never read").text("zh"))


def test_a_required_fact_a_case_sets_to_null_is_told_to_give_its_value_at_that_line(tmp_path: Path) -> None:
    """QA330 F9: a case whose override set a required fact to null (overrides: {budget.paid: null}) was told
    '缺少必填的事实 …（在事实文件中补上它）', a fix that does not work: the override replaces the file's value. It is now
    told at the override's line that the override leaves it out; a null in the case's own facts likewise; a fact
    missing from the case's own facts is told as before."""
    for name in ("set.yaml", "facts.json"):
        (tmp_path / name).write_bytes((ROOT / "examples" / "small" / name).read_bytes())
    (tmp_path / "set.cases.yaml").write_text(
        "indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
        "  - name: dotted\n    overrides: {budget.paid: null}\n    expect: {total: 1}\n"
        "  - name: nested\n    overrides:\n      budget:\n        paid: null\n    expect: {total: 1}\n"
        "  - name: own\n    facts:\n      budget: {total: 200, paid: null}\n    expect: {total: 1}\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path)])
    said = [line.strip() for line in run.output.splitlines() if "budget.paid" in line]
    cases = str(tmp_path / "set.cases.yaml")
    assert said == [f"{cases}:5: $.facts.budget.paid: required fact 实际支出 (budget.paid) is missing (read by "
                    "process.execution) (the override on this line sets it to null, which leaves it out: give its value "
                    "there)", f"{cases}:10: " + said[1].split(": ", 1)[1], f"{cases}:14: " + said[2].split(": ", 1)[1]], said
    assert "the override on this line" in said[1] and "the case's facts set it to null on this line" in said[2], said
    # budget.arrived, missing from the case's own facts: told to add it there, at their line (the QA330 fixer's F)
    assert f"{cases}:13: $.facts.budget.arrived: required fact" in run.output, run.output
    assert "(add it to the facts file)" not in run.output, run.output
    zh = CliRunner().invoke(main, ["--lang", "zh", "test", str(tmp_path)]).output
    assert f"{cases}:5: 缺少必填的事实 实际支出（budget.paid）（读取它的指标：process.execution）（这一行的覆盖项把它设为 null，" \
           "等于没有给出它：请在这里写出它的值）" in zh, zh


def test_values_a_program_passes_are_told_in_its_terms_and_a_name_is_suggested_by_the_set_as_by_the_result() -> None:
    """QA330 F10: indicator_set.indicator("预算执行") had no did-you-mean where result.indicator has one; a project detail
    Decimal("1e30") was told to write it in quotes (a file's fix); a pandas Series as a list fact got no .tolist() hint
    as a NumPy array does; facts holding themselves gave 13 lines of "nested deeper than 20 levels", not one."""
    from decimal import Decimal

    from scoring_engine import Facts, UnknownIndicatorError

    indicator_set = load_indicator_set(str(ROOT / "examples" / "small" / "set.yaml"))
    facts = load_facts(ROOT / "examples" / "small" / "facts.json")
    result = score(indicator_set, facts)
    for find in (result.indicator, indicator_set.indicator):
        with pytest.raises(UnknownIndicatorError) as caught:
            find("预算执行")
        assert caught.value.problems[0].hint == "did you mean process.execution (预算执行率)?"
    with pytest.raises(UnknownIndicatorError, match=r"did you mean output\.timeliness\?\)"):
        indicator_set.indicator("output.timelines")  # a close id is said as before
    series = type("Series", (), {"__module__": "pandas.core.series"})()
    selfish = dict(facts.values)
    selfish["self"] = selfish
    looped: list[object] = [1]
    looped.append(looped)
    said = {}
    for name, given in (("detail", Facts(values=facts.values, project={"id": Decimal("1e30")})),
                        ("series", {**facts.values, "findings": {**facts.values["findings"], "compliance": series}}),
                        ("self", selfish), ("list", {**facts.values, "x": looped})):
        with pytest.raises(ScoringEngineError) as caught:
            score(indicator_set, given)
        said[name] = [str(p) for p in caught.value.problems]
    assert said["detail"] == ["$.project.id: 1E+30 is out of range (MAX_FACT_MAGNITUDE: under 1e15 in size, 1e-15 at "
                              "least) (give it as text (a str), as an id or a code is given)"]
    assert "got a pandas Series" in said["series"][0] and said["series"][0].endswith("(convert a pandas Series to Python "
                                                                                      "values first: series.tolist())")
    assert said["self"] == ["$.facts.self, fact self: holds itself: the value here is the object at $.facts again, so it "
                            "nests without end (give each fact its own value, not the object that holds it)"]
    assert said["list"] == ["$.facts.x[1], fact x: holds itself: the value here is the list at $.facts.x again, so it "
                            "nests without end (give each fact its own value, not the object that holds it)"]
    with pytest.raises(ScoringEngineError) as caught:  # nested deep without holding itself: said as before
        score(indicator_set, {**facts.values, "deep": functools.reduce(lambda inner, _: {"a": inner}, range(25), {})})
    assert "nested deeper than 20 levels (MAX_FACTS_DEPTH)" in str(caught.value)
