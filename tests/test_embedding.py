"""What a developer embedding the engine in a web back end or a nightly batch relies on, through the public Python API
only: each test says what went wrong before and what happens now."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import ROOT
from scoring_engine import Facts, FactsError, ScoringEngineError, ScoringError, load_facts, load_indicator_set, score, score_many
from scoring_engine.judgements import Judgement, TierJudgement

SMALL = ROOT / "examples" / "small"


@pytest.fixture(scope="module")
def small():
    return load_indicator_set(SMALL / "set.yaml")


@pytest.fixture(scope="module")
def first(small):
    return score(small, load_facts(SMALL / "facts.json"))


def _given_back(result) -> dict:
    """The facts section a Result carries, as a caller feeds it back to score a 'what if'."""
    return {f.name: f.value for f in result.facts}


def _as_written(value):
    """What a facts file writes for one of the engine's own values: a list for a tuple, an object for a judgement."""
    if isinstance(value, tuple):
        return [_as_written(item) for item in value]
    if isinstance(value, Judgement):
        return {"score": value.score, "reason": value.reason}
    if isinstance(value, TierJudgement):
        return {"tier": value.tier, "score": value.score, "reason": value.reason}
    if type(value).__name__ == "Finding":
        return value.text if value.points is None else {"text": value.text, "points": value.points}
    return value


def test_a_result_s_own_fact_values_score_again(small, first):
    """A Result gives list facts as tuples and judgements as Judgement/TierJudgement objects; given back to score() they
    were refused with five errors ('expected a list, got tuple', 'got Judgement'). Now they score as the file did."""
    again = score(small, _given_back(first))
    assert first.total == again.total
    assert [i.score for i in first.walk()] == [i.score for i in again.walk()]
    assert first.facts == again.facts


def test_own_values_hash_and_write_as_the_equivalent_lists_and_objects(small, first):
    """A tuple hashes as the list, a Judgement as its {score, reason}, a Finding as its text (or {text, points}): the
    facts hash and to_json are those of the same facts written as a file writes them."""
    given = _given_back(first)
    written = {name: _as_written(value) for name, value in given.items()}
    assert any(isinstance(v, (tuple, Judgement, TierJudgement)) for v in given.values())
    assert Facts(values=written).sha256 == Facts(values=given).sha256
    assert score(small, written).to_json() == score(small, given).to_json()


def test_an_own_value_given_as_an_undeclared_fact_is_written_as_the_file_would(small, first):
    """An undeclared fact holding a Judgement was refused as unwritable; it is now ignored with a warning and hashed as
    its {score, reason}."""
    values = {**_given_back(first), "extra.judged": Judgement(D("2"), "理由")}
    result = score(small, values)
    assert ["extra.judged"] == [w.fact for w in result.warnings if w.fact == "extra.judged"]
    written = {**_given_back(first), "extra.judged": {"score": D("2"), "reason": "理由"}}
    assert Facts(values=written).sha256 == result.facts_sha256


def test_a_judgement_object_is_checked_as_its_object_would_be(small, first):
    """A Judgement's reason with a control character, or a negative score, is refused as in a {score, reason} object:
    the object is no way round the checks."""
    values = _given_back(first)
    with pytest.raises(FactsError) as err:
        score(small, {**values, "decision.budget_judgement": Judgement(D("3"), "理由\x07")})
    assert "$.facts.decision.budget_judgement.reason" == err.value.path  # as in the object {score, reason}
    with pytest.raises(FactsError) as err:
        score(small, {**values, "decision.budget_judgement": Judgement(D("-1"), "理由")})
    assert "below the minimum" in str(err.value)
    with pytest.raises(FactsError) as err:  # a tier judgement where a judgement belongs: its tier is a key too many
        score(small, {**values, "decision.budget_judgement": TierJudgement("好", D("3"), "理由")})
    assert "unknown key 'tier'" in str(err.value)


def test_score_many_takes_a_result_s_own_values(small, first):
    """score_many, in worker processes too, scores the values a Result carries as score() does."""
    outcomes = list(score_many(small, [_given_back(first)] * 3, jobs=2))
    assert [first.total] * 3 == [o.result.total for o in outcomes]


def test_a_result_s_dicts_are_read_only(first):
    """Result is documented immutable and safe to share between threads, yet result.project, an indicator's inputs and
    details (and dicts inside details, as its band) were plain dicts: a caller's change showed in that Result's to_json,
    render and explain. Each refuses a change now, and prints and writes as before."""
    before = first.to_json()
    leaf = first.indicator("process.execution")
    changes = [lambda: first.project.__setitem__("name", "changed"), first.project.clear,
               lambda: leaf.inputs.__setitem__("execution_rate", 1), lambda: leaf.details.pop("band"),
               lambda: leaf.details["band"].__setitem__("points", 99), lambda: leaf.details.update(x=1)]
    for change in changes:
        with pytest.raises(TypeError, match="read-only"):
            change()
    lists = [v for node in first.walk() for v in node.details.values() if isinstance(v, list)]
    for found in lists:
        with pytest.raises(TypeError, match="read-only"):
            found.append(1)
    assert before == first.to_json()
    assert {"name", "unit"} <= set(dict(first.project))  # a copy is the caller's own


def test_a_result_with_read_only_dicts_pickles_and_copies_to_the_same_bytes(first):
    """A Result crosses to and from worker processes and may be deep-copied: its read-only dicts keep its bytes."""
    import copy
    import pickle

    for again in (pickle.loads(pickle.dumps(first)), copy.deepcopy(first)):
        assert first.to_json() == again.to_json()
        with pytest.raises(TypeError):
            again.indicator("process.execution").details["x"] = 1


def test_a_failed_error_check_names_the_set_s_line_and_the_facts_behind_it(small):
    """A failed check of severity error gave only the set's message and the derived value it read: no line of the set,
    no fact (a caller showing err.line and err.fact showed nothing). Now it names the check's line in the set, the
    first fact behind it, and every fact it read through derived values with its value."""
    values = {**load_facts(SMALL / "facts.json").values}
    values["survey"] = {**values["survey"], "very_satisfied": 5, "satisfied": 5}
    with pytest.raises(ScoringError) as err:
        score(small, values)
    problem = err.value.first
    line = next(i for i, text in enumerate((SMALL / "set.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "survey_total >= 30" in text)
    assert (small.source, line, "survey.very_satisfied") == (problem.file, problem.line, problem.fact)
    assert "survey_total = 23；survey.very_satisfied = 5, survey.satisfied = 5, survey.neutral = 9" in problem.message
    assert "check the facts it read" == problem.hint
    with pytest.raises(ScoringError) as err:
        score(small, Facts(values=values, source="p.json"))
    assert "check the facts it read in p.json" == err.value.first.hint
    assert "核对 p.json 中它读取的事实" in err.value.first.text("zh")


def test_a_required_fact_given_under_a_misspelt_name_is_named_in_the_hint(small):
    """Facts giving budget.piad (a slip for budget.paid) failed with 'required fact … is missing … add it to the facts
    file': the key the user did write was not named, so they looked for a missing value that was there. The hint now
    names it, nested or dotted, in English and Chinese."""
    values = load_facts(SMALL / "facts.json").values
    nested = {**values, "budget": {("piad" if k == "paid" else k): v for k, v in values["budget"].items()}}
    for given in (nested, {**nested, "budget": {k: v for k, v in nested["budget"].items() if k != "piad"},
                           "budget.piad": 186.4}):
        with pytest.raises(FactsError) as err:
            score(small, given)
        assert ("budget.paid", "budget.piad is given: did you mean budget.paid?") == (err.value.fact, err.value.hint)
    assert err.value.first.text("zh").endswith("（给出的是 budget.piad：是否想写 budget.paid？）")
    without = {**values, "budget": {k: v for k, v in values["budget"].items() if k != "paid"}}
    with pytest.raises(FactsError) as err:  # nothing close given: the hint says to add it
        score(small, Facts(values=without, source="p.json"))
    assert "add it to the facts file" == err.value.hint


def test_a_missing_fact_of_a_mapping_is_to_be_added_to_the_facts_given(small):
    """Facts given from Python as a mapping were told 'add it to the facts file', a file there is none of: a missing fact
    is to be added to the facts given, by score() and scores_only(), in Chinese too; facts from a file keep the file."""
    from scoring_engine import scores_only

    values = load_facts(SMALL / "facts.json").values
    without = {**values, "budget": {k: v for k, v in values["budget"].items() if k != "paid"}}
    for scoring in (score, scores_only):
        with pytest.raises(FactsError) as err:
            scoring(small, without)
        assert "add it to the facts given" == err.value.hint
        assert err.value.first.text("zh").endswith("（在给出的事实中补上它）")


def test_a_request_body_read_with_parse_facts_is_held_to_the_facts_file_size(small):
    """docs/limits.md advises reading a request body with parse_facts, but parse_facts applied no size bound: 9 MB of
    findings cost 2 GB and 45 s. A text over MAX_FACTS_BYTES (in UTF-8) is refused now, naming the limit, from
    parse_facts and from a Document(text=…) in score_many; a facts file's size still passes."""
    from scoring_engine import parse_facts
    from scoring_engine.batch import Document
    from scoring_engine.loader import MAX_FACTS_BYTES

    body = '{"facts": {"findings": {"compliance": [' + ",".join(['"问题"'] * (MAX_FACTS_BYTES // 8)) + "]}}}"
    assert len(body) < MAX_FACTS_BYTES < len(body.encode())
    with pytest.raises(FactsError) as err:
        parse_facts(body, "body.json")
    assert f"facts text is {len(body.encode())} bytes; the limit is {MAX_FACTS_BYTES} (MAX_FACTS_BYTES)" in str(err.value)
    [outcome] = score_many(small, [Document(source="body", text=body)])
    assert outcome.result is None and "MAX_FACTS_BYTES" in str(outcome.problems[0])
    fits = '{"facts": {"x": "' + "a" * (MAX_FACTS_BYTES - 20) + '"}}'
    assert MAX_FACTS_BYTES == len(fits.encode())
    assert "a" * (MAX_FACTS_BYTES - 20) == parse_facts(fits).values["x"]


def test_a_request_body_with_a_byte_order_mark_is_read_as_load_facts_reads_its_file(small, tmp_path):
    """QA127 F4: a body uploaded from a file Notepad saved as UTF-8 starts with a byte-order mark; load_facts read the
    file, but parse_facts of its bytes (or of their text) refused it in json's words ("Unexpected UTF-8 BOM (decode
    using utf-8-sig)"), English under .text("zh") too. The mark is dropped, as load_facts drops it."""
    from scoring_engine import parse_facts

    body = b"\xef\xbb\xbf" + (SMALL / "facts.json").read_bytes()
    (tmp_path / "facts.json").write_bytes(body)
    expected = load_facts(tmp_path / "facts.json")
    for given in (body, body.decode("utf-8")):
        facts = parse_facts(given, "body.json")
        assert (expected.values, expected.sha256) == (facts.values, facts.sha256)
        assert score(small, expected).total == score(small, facts).total
    assert {"x": 1} == parse_facts(b"\xef\xbb\xbffacts:\n  x: 1\n", yaml=True).values


def test_messages_only_python_gives_speak_of_python(small, first):
    """Messages a Python caller got spoke of the command line or of a file there is none of, or failed inside the
    package: each now speaks of what the caller passed, and in Chinese too."""
    from scoring_engine import parse_facts, score_many
    from scoring_engine.explain import UnknownIndicatorError

    facts = load_facts(SMALL / "facts.json")
    [no_set] = next(score_many(None, [dict(facts.values)])).problems
    assert "indicator_set to score_many" in no_set.message and "--set ID|PATH" not in no_set.message
    assert no_set.text("zh").startswith("#1: 没有指标体系：请指定一个")
    [named] = next(score_many(None, [{"indicator_set": "set.yaml", "facts": dict(facts.values)}])).problems
    assert "neither a file in the working folder (the facts have no file) nor a bundled set id" in named.message
    assert "不是工作文件夹内的文件（这些事实没有文件）" in named.text("zh")
    with pytest.raises(TypeError, match=r"load_indicator_set\(id\) for a bundled set\), not NoneType"):
        score(None, facts)
    with pytest.raises(FactsError) as err:
        parse_facts("facts:\n  budget.paid: 1\n", "facts.yaml")
    assert "the text is read as JSON: for YAML, pass yaml=True" == err.value.hint
    assert "文本按 JSON 读取：YAML 文本请传入 yaml=True" in err.value.first.text("zh")
    with pytest.raises(FactsError) as err:  # a whole document as a Facts' values: one line, not 28 'missing'
        score(small, Facts(values={"project": {"name": "x"}, "facts": dict(facts.values)}))
    assert 1 == len(err.value.problems) and "whole facts document" in str(err.value)
    assert err.value.first.text("zh").startswith("这个映射是整份事实文档（含有 facts:），不是事实的取值")
    assert first.indicator("process.execution") is first.indicator("预算执行率")  # by name, as explain takes it
    with pytest.raises(KeyError) as caught:  # a KeyError still, now with a did-you-mean
        first.indicator("process.executon")
    assert isinstance(caught.value, UnknownIndicatorError)
    assert "did you mean process.execution (预算执行率)?" == caught.value.hint
    with pytest.raises(TypeError, match="an indicator is given by its id or name"):
        first.explain(None)
    for given in (None, 1):  # the set says it as the result does (QA306 5: 'no indicator None in …', a KeyError)
        with pytest.raises(TypeError, match=r"^an indicator is given by its id or name \(text\), not "):
            small.indicator(given)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="path is the path of a facts file"):
        load_facts(5)
    assert 'fact "" is not declared by the set and is ignored' == str(score(small, {**facts.values, "": 1}).warnings[0])


def test_a_file_of_another_kind_given_to_a_loader_is_told_the_python_call_as_well_as_the_command(tmp_path):
    """QA174 F2: a facts file given to load_indicator_set, a set given to load_facts and a filled form given to
    load_facts were told only what to do on the command line (score it with scoring-engine score, give it with --set,
    the form is read by score, import and batch). Each hint still says the command, and now the Python call too."""
    import zipfile

    with pytest.raises(ScoringEngineError) as err:
        load_indicator_set(SMALL / "facts.json")
    assert err.value.hint.startswith("score it with scoring-engine score; in Python, read it with load_facts(path)")
    assert "在 Python 中请用 load_facts(path) 读取，再交给 score" in err.value.first.text("zh")
    with pytest.raises(FactsError) as err:
        load_facts(SMALL / "set.yaml")
    assert err.value.hint.startswith("give it with --set, and the project's facts file as the argument; in Python")
    assert "load_indicator_set(path)" in err.value.hint
    assert "在 Python 中请用 load_indicator_set(path) 读取" in err.value.first.text("zh")
    from scoring_engine.cases import load_cases

    with pytest.raises(ScoringEngineError) as err:  # given as test cases
        load_cases(SMALL / "facts.json")
    assert err.value.hint.endswith("score it with scoring-engine score; in Python, score it with score(indicator_set, "
                                   "load_facts(path))")
    assert err.value.first.text("zh").endswith("在 Python 中请用 score(indicator_set, load_facts(path)) 为它评分）")
    for name in ("form.xlsx", "form.json"):  # a form, or a form renamed
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
        with pytest.raises(FactsError) as err:
            load_facts(tmp_path / name)
        assert "a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its path; in Python, by " \
               "score_many(indicator_set, [path]) or scoring_engine.forms.reader.read_form(path, indicator_set).facts" in err.value.hint
        assert "在 Python 中由 score_many(indicator_set, [path]) 或 scoring_engine.forms.reader.read_form" in err.value.first.text("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_of_another_kind_given_on_the_command_line_is_told_the_command_and_no_python_call(tmp_path, lang):
    """QA180 F1: the hints of QA174 F2 named the Python call on the command line too (在 Python 中请用 load_facts(path)
    读取 to a user of `validate`): score, validate, test, explain and batch now say the command's fix only, in both
    languages, while the same error raised to a program (above) still names the call."""
    import zipfile

    from click.testing import CliRunner

    from scoring_engine.cli import main

    with zipfile.ZipFile(tmp_path / "form.yaml", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    form, sets, facts = str(tmp_path / "form.yaml"), str(SMALL / "set.yaml"), str(SMALL / "facts.json")
    runs = {("score", form): ("rename it to end in .xlsx", "把文件名改为以 .xlsx 结尾"),
            ("batch", form, "-j1", "-q"): ("a filled 自评表 is read by", "填好的自评表由"),
            ("score", sets): ("give it with --set", "用 --set 给出它"),
            ("explain", sets, "-i", "x"): ("give it with --set", "用 --set 给出它"),
            ("validate", facts): ("score it with scoring-engine score", "用 scoring-engine score 为它评分"),
            ("test", facts): ("score it with scoring-engine score", "为它评分请用 scoring-engine score")}
    for args, (english, chinese) in runs.items():
        run = CliRunner().invoke(main, ["--lang", lang, *args])
        assert run.exit_code == 1, (args, run.output)
        assert (english if lang == "en" else chinese) in run.output, (args, run.output)
        assert "Python" not in run.output and "load_" not in run.output and "read_form" not in run.output, run.output
    with pytest.raises(FactsError, match=r"; in Python, read it with load_indicator_set\(path\)"):
        load_facts(SMALL / "set.yaml")  # the command's mark is gone once it has run


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_reads_a_filled_form_and_says_so_and_diff_names_it_among_the_readers(tmp_path, lang):
    """QA228 6: explain reads a filled 自评表 as score does, but its help said FACTS is a facts file or -, and diff
    --facts given a form named score, import and batch as the commands that read one. Both name explain now; and diff
    --facts reads the form itself (QA268 F7), scoring it under both sets."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    form = tmp_path / "form.xlsx"
    facts = str(ROOT / "indicator_sets" / "self-evaluation.facts.json")
    assert 0 == CliRunner().invoke(main, ["score", facts, "--layout", "selfeval", "-o", str(form)]).exit_code
    told = CliRunner().invoke(main, ["--lang", lang, "explain", str(form), "-i", "output"])
    assert 0 == told.exit_code and "output" in told.output, told.output
    page = " ".join(CliRunner().invoke(main, ["--lang", lang, "explain", "--help"]).output.split())
    assert ("a facts file, a filled 自评表 .xlsx, or - for standard input" if lang == "en"
            else "FACTS 是事实文件、填好的自评表 .xlsx，或 -（标准输入）") in page, page
    run = CliRunner().invoke(main, ["--lang", lang, "diff", "self-evaluation", "hubei-self-evaluation", "--facts", str(form)])
    assert 1 == run.exit_code and "某县农村供水保障工程" in run.stdout, run.output  # scored under the first only
    assert "YAML" not in run.stderr, run.stderr


def test_a_form_read_by_read_form_given_to_score_is_told_to_pass_its_facts(small):
    """QA180 F2: the hint for a form sent programs to read_form(path, indicator_set), whose result score() refused as
    'facts must be an object of fact names and values'. The hint now says read_form(...).facts, and score() given the
    ImportedFacts itself says to pass its .facts, or score_many for the form with its warnings; .facts scores."""
    from scoring_engine.forms.reader import ImportedFacts

    read = ImportedFacts(facts=load_facts(SMALL / "facts.json"), provenance={"budget": "评分表!D5"})  # as read_form gives
    for lang, words in (("en", "pass its facts, read_form(path, indicator_set).facts"),
                        ("zh", "请传入它的事实 read_form(path, indicator_set).facts")):
        with pytest.raises(FactsError) as err:
            score(small, read)
        assert words in err.value.first.text(lang)
    assert "不是 read_form 读出的表格" in err.value.first.text("zh")
    assert score(small, read.facts).total == score(small, load_facts(SMALL / "facts.json")).total


def test_a_form_read_by_read_form_given_to_score_many_is_told_to_pass_its_facts_as_score_is(small):
    """QA184 F10: score_many(s, [read_form(...)]) was told the generic 'a document is a Document, … not ImportedFacts
    (pass the facts of the project, or leave the item out)', where score() says to pass read_form(path, indicator_set)
    .facts or to give score_many the form's path. score_many now says the same, in English and Chinese."""
    from scoring_engine import score_many
    from scoring_engine.forms.reader import ImportedFacts

    read = ImportedFacts(facts=load_facts(SMALL / "facts.json"), provenance={"budget": "评分表!D5"})  # as read_form gives
    [outcome] = score_many(small, [read])
    [problem] = outcome.problems
    assert "not the form read by read_form" in problem.message and "ImportedFacts" not in problem.text("en")
    assert "pass its facts, read_form(path, indicator_set).facts; or score the form with its warnings by " \
           "score_many(indicator_set, [path])" == problem.hint
    assert "而不是 read_form 读出的表格（请传入它的事实 read_form(path, indicator_set).facts" in problem.text("zh")
    [scored] = score_many(small, [read.facts])
    assert scored.ok


@pytest.mark.parametrize(("detail", "chinese"), [([1], "而不是列表（请写成文字，或删去）"),
                                                 (None, "而不是空值（null）（请写成文字，或删去）")])
def test_a_project_detail_of_the_wrong_kind_reads_in_chinese(small, detail, chinese):
    """Problem.text('zh') of a project detail given from Python as a list or None was half English ('请写成 text, or
    leave it out', 'empty (null)')."""
    with pytest.raises(FactsError) as err:
        score(small, Facts(values=load_facts(SMALL / "facts.json").values, project={"负责人": detail}))
    assert err.value.first.text("zh").endswith(chinese)


def test_render_is_typed_by_its_format():
    """render() was typed str | bytes for every format, so a caller had to narrow even for "html": its overloads give
    bytes for xlsx and str for the text formats, which are exactly the formats it writes as such."""
    import typing

    from scoring_engine.render import BINARY_FORMATS, RENDERERS, render

    returns = {}
    for overload in typing.get_overloads(render):
        hints = typing.get_type_hints(overload, globalns={**vars(typing), "Result": object, "IndicatorSet": object})
        for fmt in typing.get_args(hints["fmt"]):
            returns[fmt] = hints["return"]
    assert dict.fromkeys(BINARY_FORMATS, bytes) | dict.fromkeys(set(RENDERERS) - BINARY_FORMATS, str) == returns


def test_a_parsed_document_whose_facts_are_not_an_object_fails_as_its_jsonl_line_does():
    """QA77 F1: score_many given json.loads of a line whose facts are null (or a list, or text) took the whole mapping
    for fact values: 27 'missing fact' problems. It fails as that line read from a JSONL file does: one problem, at $.facts."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    for facts in (None, [], "x"):
        [outcome] = score_many(small, [{"project": {"name": "某项目"}, "facts": facts}])
        assert 1 == len(outcome.problems) and "$.facts" == outcome.problems[0].path, outcome.problems


def test_the_scores_of_scores_only_cross_a_process_and_deepcopy():
    """QA77 F2: scores_only's Scores could not be pickled (its weights a read-only view), so a ProcessPoolExecutor worker
    could not return it. They cross as equal Scores, the weights read-only still."""
    import copy
    import pickle

    from scoring_engine.engine import scores_only

    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    scores = scores_only(small, load_facts(ROOT / "examples" / "small" / "facts.json"))
    for crossed in (pickle.loads(pickle.dumps(scores)), copy.deepcopy(scores)):
        assert crossed == scores and dict(crossed.weights) == dict(scores.weights)
        with pytest.raises(TypeError):
            crossed.weights["budget"] = D(1)  # type: ignore[index]
