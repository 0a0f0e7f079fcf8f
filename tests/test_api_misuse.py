"""What a program embedding the engine gets for the ways it may call it wrong, or feed it what pandas or a row buffer
gives: the right totals or a clear exception, never another project's numbers or an error from deep inside."""

from __future__ import annotations

import copy
import datetime
import json
import os
import re
import threading
from decimal import Decimal as D

import pytest

from conftest import EXAMPLE_FACTS, ROOT
from scoring_engine import (Facts, FactsError, UnknownIndicatorError, load_facts, load_indicator_set, score, score_many, scores_only,
                            summarise)

SMALL = ROOT / "examples" / "small"


@pytest.fixture(scope="module")
def small():
    return load_indicator_set(SMALL / "set.yaml")


def _base() -> dict:
    return json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))["facts"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_score_many_scores_each_document_as_it_was_yielded_though_the_caller_refills_one_mapping(small, jobs):
    """score_many reads documents ahead in chunks; a generator that refills one row buffer for each project (a CSV
    reader, a database cursor) got each chunk scored with its last row's values: 30 of 40 totals wrong, no warning."""
    paid = [150 + i for i in range(40)]

    def rows():
        row = _base()
        for amount in paid:
            row["budget"]["paid"] = amount
            yield row

    def facts_objects():
        row = _base()
        for amount in paid:
            row["budget"]["paid"] = amount
            yield Facts(values=row)

    expected = []
    for amount in paid:
        values = _base()
        values["budget"]["paid"] = amount
        expected.append(score(small, values).total)
    assert expected == [o.result.total for o in score_many(small, rows(), jobs=jobs)]
    assert expected == [o.result.total for o in score_many(small, facts_objects(), jobs=jobs)]
    assert len(set(expected)) > 1


def test_a_float_subclass_such_as_numpy_float64_is_read_as_its_number(small):
    """numpy 2 writes np.float64(186.4) as its repr, and the engine read floats by their repr: decimal.InvalidOperation
    escaped score() for every row of a DataFrame. A float subclass is read as the float it is."""

    class Float64(float):
        def __repr__(self):
            return f"np.float64({float(self)!r})"

    values = _base()
    plain = score(small, values)
    values["budget"]["paid"] = Float64(values["budget"]["paid"])
    assert plain.to_json() == score(small, values).to_json()
    assert plain.total == scores_only(small, values).total


def test_a_document_that_cannot_cross_to_a_worker_is_one_failed_outcome_not_the_end_of_the_run(small):
    """A lock left in a mapping (a value the caller forgot to unwrap) cannot be pickled: with jobs=2 the TypeError ended
    the run after 96 of 200 outcomes; with jobs=1 it was one failed document. Now it is that with any jobs."""
    documents = [_base() for _ in range(200)]
    documents[100]["budget"]["paid"] = threading.Lock()
    outcomes = list(score_many(small, documents, jobs=2))
    assert 200 == len(outcomes) and [100] == [i for i, o in enumerate(outcomes) if not o.ok]
    assert [o.problems for o in outcomes] == [o.problems for o in score_many(small, documents, jobs=1)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_of_the_wrong_type_is_one_failed_outcome_and_the_others_are_scored(small, jobs):
    """A generator from a database yielded None for a NULL row at 50 of 100: a bare TypeError ended the run, and the
    good documents read ahead of it (32–49 with jobs=1, all 50 with jobs=2) were lost. None, bytes or a number is one
    outcome with its problem, named by its place; every other document is scored."""
    good = _base()
    documents = [None if i == 50 else b"/facts.json" if i == 60 else 7 if i == 70 else good for i in range(100)]
    outcomes = list(score_many(small, documents, jobs=jobs))
    assert 100 == len(outcomes) and [50, 60, 70] == [i for i, o in enumerate(outcomes) if not o.ok]
    assert "#51" == outcomes[50].source and "not NoneType" in outcomes[50].problems[0].message
    assert "not bytes" in outcomes[60].problems[0].message and "not int" in outcomes[70].problems[0].message


def test_wrong_arguments_are_said_as_such(small):
    """A bundled id given to score(), a Result given to summarise(), one mapping or a float given to score_many: a
    TypeError saying what to pass, not AttributeError: '_compiled' or each key of the mapping read as a path."""
    facts = load_facts(SMALL / "facts.json")
    with pytest.raises(TypeError, match="indicator_set is a loaded IndicatorSet"):
        score("national-framework", facts)  # type: ignore[arg-type]
    for wrong in ([score(small, facts)], None):
        with pytest.raises(TypeError, match="summarise takes score_many's outcomes"):
            summarise(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one: pass \\[facts\\]"):
        list(score_many(small, facts.values))  # type: ignore[arg-type]
    # jobs past four per core (QA248 F1): 2**62 was a ValueError from inside, 80 on two cores read 10,000 documents
    # ahead of the first outcome and started 80 processes
    for jobs in (2.5, "2", 0, 2**62, 4 * (os.cpu_count() or 1) + 1):
        with pytest.raises(TypeError, match="jobs is a whole number from 1"):
            list(score_many(small, [facts], jobs=jobs))  # type: ignore[arg-type]


def test_a_not_applicable_key_that_is_not_text_is_a_facts_error(small):
    """Facts(not_applicable={1: ...}) raised TypeError from deep inside (the did-you-mean of an unknown id)."""
    facts = load_facts(SMALL / "facts.json")
    with pytest.raises(FactsError, match="a key is int"):
        score(small, Facts(values=copy.deepcopy(facts.values), not_applicable={1: "不适用"}))  # type: ignore[dict-item]
    outcome = next(score_many(small, [Facts(values=facts.values, not_applicable={1: "不适用"})]))  # type: ignore[dict-item]
    assert not outcome.ok and "a key is int" in outcome.problems[0].message


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_number_with_more_digits_than_the_engine_computes_with_is_refused(tmp_path, suffix):
    """budget.paid 179.99999999999999999999999999 of 200 (29 significant digits, just under 90%) was shown as written but
    scored as 180 (90.00%, the band above); the file now says to round it. 28 digits are read."""
    from scoring_engine.errors import ScoringEngineError

    facts = tmp_path / f"facts{suffix}"
    for paid, refused in (("179.99999999999999999999999999", True), ("179.9999999999999999999999999", False),
                          ("186.400000000000000000000000000000", False)):  # a NUMERIC(38,30) export: exactly 186.4
        text = f'{{"indicator_set": "{(SMALL / "set.yaml").as_posix()}", "facts": {{"budget": {{"paid": {paid}}}}}}}'
        facts.write_text(text if suffix == ".json" else text.replace("{", "{ ").replace(":", ": "), encoding="utf-8")
        if refused:
            with pytest.raises(ScoringEngineError, match="a number of 29 significant digits: the engine computes with 28"):
                load_facts(facts)
        else:
            assert str(load_facts(facts).values["budget"]["paid"]) == paid


def test_a_decimal_a_program_passes_with_more_digits_than_the_engine_computes_with_is_refused(small):
    """A Decimal from a database driver (NUMERIC(38,26)) of 29 significant digits was scored rounded to 28, as a file's
    was before it was refused: 179.99999999999999999999999999 of 200 took the band of 90%. The fact and an undeclared
    detail are refused alike, in score, scores_only and score_many; trailing zeros and 28 digits are read."""
    from decimal import Decimal

    def facts(paid, detail=Decimal(1)):
        values = _base()
        values["budget"]["paid"] = paid
        values["budget"]["detail"] = {"note": detail}
        return Facts(values=values)

    too_many = Decimal("179.99999999999999999999999999")
    for refused in (facts(too_many), facts(Decimal(180), detail=Decimal("1.0000000000000000000000000001"))):
        with pytest.raises(FactsError, match="a number of 29 significant digits: the engine computes with 28"):
            score(small, refused)
        with pytest.raises(FactsError, match="29 significant digits"):
            scores_only(small, refused)
        assert not next(score_many(small, [refused])).ok
    assert score(small, facts(Decimal("179.9999999999999999999999999"))).total is not None  # 28 digits
    assert score(small, facts(Decimal("186.400000000000000000000000000000"))).total == score(small, facts(Decimal("186.4"))).total


def test_a_rule_as_a_result_hands_it_out_cannot_be_changed(small):
    """result.indicator(id).rule was the loaded set's own dict: a caller annotating it changed the rule as written in the
    audit trail (to_json, explain, diff) of every project scored after, while scoring went on with the original."""
    facts = load_facts(SMALL / "facts.json")
    first = score(small, facts)
    rule = first.indicator("process.execution").rule
    assert rule is not None
    with pytest.raises(TypeError):
        rule["bands"][0]["points"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        rule["kind"] = "formula"  # type: ignore[index]
    assert score(small, facts).to_json() == first.to_json()


def test_to_dict_holds_numbers_as_to_json_writes_them(small):
    """A quotient such as 0.1 ÷ 0.01 is Decimal('1E+1'): to_dict held it so, and a pipeline writing to_dict() with
    default=str wrote "1E+1" where to_json writes 10."""
    values = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))["facts"]
    values["output"]["quality_rate"] = 0.9
    result = score(small, values)
    assert "1E+" not in json.dumps(result.to_dict(), default=str)


def test_a_whole_facts_document_given_as_the_values_is_said_as_such(small):
    """json.load of a facts file passed to score() gave every required fact as missing (27 lines) and no word on what
    to pass."""
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    with pytest.raises(FactsError) as caught:
        score(small, document)
    assert 1 == len(caught.value.problems) and "whole facts document" in caught.value.problems[0].message
    with pytest.raises(FactsError, match="whole facts document"):
        scores_only(small, document)


def test_the_fix_for_a_whole_facts_document_keeps_its_not_applicable(small):
    """QA276 F1: the hint for a whole document named Facts(values=…, project=…) alone; a web service that followed it
    dropped the document's 不适用 marks and scored those indicators, 79.74 became 78.46 in silence. Followed as written,
    the hint now scores as the file does."""
    import re

    from scoring_engine import Facts, parse_facts

    text = (SMALL / "facts.json").read_text(encoding="utf-8")
    document = json.loads(text)
    document["not_applicable"] = {"output.cost": "本项目无成本核算要求"}
    with pytest.raises(FactsError) as caught:
        score(small, document)
    written = re.search(r"Facts\(values=.*?\)\)", caught.value.problems[0].hint)
    assert written is not None, caught.value.problems[0].hint
    followed = eval(written[0], {"Facts": Facts, "document": document})  # the hint's own expression, run as a caller would
    assert score(small, followed).total == score(small, parse_facts(json.dumps(document, ensure_ascii=False))).total


def test_a_not_applicable_key_of_a_str_subclass_is_text(small):
    """numpy.str_ (ids read with pandas) is text: it was refused as 'a key is Str' after the check for keys that are not."""

    class Str(str):
        pass

    facts = load_facts(SMALL / "facts.json")
    result = score(small, Facts(values=facts.values, not_applicable={Str("process.execution"): "不适用"}))
    assert result.indicator("process.execution").not_applicable == "不适用"


def test_a_set_given_as_bytes_is_a_type_error_saying_what_to_pass():
    """parse_indicator_set(b"...") raised AttributeError: 'bytes' object has no attribute 'encode'."""
    from scoring_engine import parse_indicator_set

    with pytest.raises(TypeError, match="decode it"):
        parse_indicator_set((SMALL / "set.yaml").read_bytes())  # type: ignore[arg-type]


def test_an_empty_set_name_is_said_as_such():
    """load_indicator_set("") said '.: is a folder, not a file' (Path('') is the current folder)."""
    from scoring_engine import IndicatorSetError

    with pytest.raises(IndicatorSetError, match="the name is empty"):
        load_indicator_set("")


def test_a_number_given_for_a_true_or_false_fact_is_shown_as_the_number(small):
    """0 typed for a true/false fact on a form's 表外事实 was told '实际是 Decimal('0')', a Python repr."""
    from decimal import Decimal

    values = _base()
    values["decision"]["policy_basis"] = Decimal(0)
    with pytest.raises(FactsError) as caught:
        score(small, Facts(values=values))
    assert "expected true or false, got 0 " in str(caught.value) and "Decimal(" not in str(caught.value)


def test_an_indicator_marked_not_applicable_by_its_printed_name_is_told_its_id():
    """不适用 | 生态效益 on a form's side sheet (the name as printed) was 'names unknown indicator 生态效益', no id offered."""
    indicator_set = load_indicator_set(ROOT / "indicator_sets" / "national-framework.yaml")
    facts = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    with pytest.raises(FactsError) as caught:
        score(indicator_set, Facts(values=facts.values, not_applicable={"生态效益": "不涉及生态环境"}))
    assert "write its id: benefit.effects.ecological" == caught.value.problems[0].hint


def test_an_undeclared_value_no_facts_file_holds_is_refused_when_scored_not_when_written(small):
    """An undeclared Fraction or set was accepted ("is ignored"), and then to_json, render and facts_sha256 raised a bare
    TypeError: a web back end answered 500 after scoring succeeded. It is a FactsError naming the fact at score()."""
    from fractions import Fraction

    for odd, kind in ((Fraction(1, 3), "Fraction"), ({"a", "b"}, "set"), ({"inner": [1, b"x"]}, "bytes")):
        with pytest.raises(FactsError, match=f"is not declared by the set and holds a {kind}, which no facts file can"):
            score(small, {**_base(), "note": odd})


def test_read_only_mappings_among_the_facts_are_written_as_dicts(small):
    """A judgement given as a MappingProxyType, or a group of facts as one or as a ChainMap, scored; the facts hash and
    to_json then raised TypeError. They hash and write as the same facts given as dicts."""
    import collections
    import types

    facts = _base()
    plain = score(small, facts)
    read_only = {**facts, "budget": types.MappingProxyType(dict(facts["budget"]))}
    for values in (read_only, collections.ChainMap(facts)):
        result = score(small, values)
        assert result.facts_sha256 == plain.facts_sha256 and result.to_json() == plain.to_json()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_path_like_giving_bytes_or_an_empty_path_is_one_failed_outcome(small, jobs, tmp_path):
    """A path-like whose __fspath__ gave bytes ended the run with a bare TypeError from Path(), the other outcomes lost;
    an empty path (a path column left blank) was read as the folder "." and reported as "is a folder". Now each is one
    failed outcome saying what is wrong with the path, and the documents around it are scored."""
    facts_file = tmp_path / "facts.json"
    facts_file.write_text(json.dumps({"facts": _base()}), encoding="utf-8")

    class BytesPath:
        def __fspath__(self):
            return bytes(facts_file)

    outcomes = list(score_many(small, [_base(), BytesPath(), "", facts_file], jobs=jobs))
    assert [True, False, False, True] == [o.ok for o in outcomes]
    assert ["#2", "#3"] == [outcomes[1].source, outcomes[2].source]
    assert "a document's path is text, but this BytesPath gives bytes" == outcomes[1].problems[0].message
    assert "a document's path is empty" == outcomes[2].problems[0].message


def test_parse_facts_reads_utf8_bytes_within_the_limit_and_says_what_else_is_wrong(small):
    """A request's body is bytes: over MAX_FACTS_BYTES it raised a bare AttributeError, a GB18030 body was 'a number
    cannot be read … (check the digits)', and None a bare TypeError from len(). UTF-8 bytes are read as the text, any
    other encoding is one FactsError saying so, and what is no text is a TypeError saying what to pass."""
    from scoring_engine import parse_facts
    from scoring_engine._files import MAX_FACTS_BYTES

    text = (SMALL / "facts.json").read_text(encoding="utf-8")
    assert score(small, parse_facts(text.encode("utf-8"))).facts_sha256 == score(small, parse_facts(text)).facts_sha256
    with pytest.raises(FactsError, match="MAX_FACTS_BYTES"):
        parse_facts(b" " * (MAX_FACTS_BYTES + 1) + b"{}")
    with pytest.raises(FactsError, match="the facts text is not UTF-8"):
        parse_facts('{"facts": {"x": "中文"}}'.encode("gb18030"))
    with pytest.raises(TypeError, match="parse_facts takes the text of a facts document"):
        parse_facts(None)  # type: ignore[arg-type]


def test_a_results_target_rows_given_back_score_the_project_again():
    """README: a project can be scored again with one fact changed from the values a Result carries. The rows of a
    self-evaluation set (TargetRow) were refused: 'row 1: expected an object …, got a value of another kind'. A row given
    back is read as the row a facts file writes, and scores as it did."""
    from scoring_engine import load_indicator_set

    indicator_set = load_indicator_set("self-evaluation")
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    rows = document["facts"]["targets"]
    rows["output"][0]["actual"] = 8  # 80% of the length
    rows["benefit"][1].update(tier="部分达成并具有一定效果", score=10)
    rows["satisfaction"][0]["actual"] = 0.85
    first = score(indicator_set, document["facts"])
    values = {fact.name: fact.value for fact in first.facts}
    again = score(indicator_set, values)
    assert [(i.id, i.score) for i in first.walk()] == [(i.id, i.score) for i in again.walk()]
    assert first.total < 100
    values["budget.paid"] -= 1
    assert score(indicator_set, values).total < first.total


def test_a_file_name_given_for_the_facts_or_a_wrong_argument_to_render_or_indicator_says_what_to_pass(small):
    """QA41 F5: score(set, "facts.json") said only that facts must be an object; render(result, None) failed inside the
    did-you-mean (TypeError from difflib) and render(a dict, "json") with an AttributeError; IndicatorSet.indicator("x")
    raised a bare KeyError('x'). Each now says what to pass."""
    from scoring_engine import render

    for given in ("examples/small/facts.json", (SMALL / "facts.json"), b"{}"):
        with pytest.raises(FactsError) as caught:
            score(small, given)
        assert "load_facts(path)" in (caught.value.problems[0].hint or "")
    result = score(small, load_facts(SMALL / "facts.json"))
    with pytest.raises(TypeError, match="fmt is a format's name"):
        render(result, None)
    with pytest.raises(TypeError, match=r"render\(\) takes a Result"):
        render({"total": 1}, "json")
    with pytest.raises(UnknownIndicatorError, match=re.escape("no indicator 'output.timelines' in example-small (did you mean "
                                                               "output.timeliness?)")):  # a KeyError too (QA77 F5)
        small.indicator("output.timelines")


@pytest.mark.parametrize("encoding", ["nope", "", "rot13", "hex"])
def test_an_encoding_the_loaders_cannot_read_files_in_is_a_scoring_engine_error_naming_the_file(encoding):
    """QA52 F3: load_facts and load_indicator_set with encoding='nope' (or a codec that is no text encoding: rot13,
    hex) raised a bare LookupError; the CLI takes only utf-8, gb18030 and gbk. Another name of one of them is taken."""
    from scoring_engine import IndicatorSetError

    with pytest.raises(FactsError) as caught:
        load_facts(ROOT / "examples" / "small" / "facts.json", encoding=encoding)
    assert caught.value.problems[0].file is not None and "utf-8, gb18030, gbk" in (caught.value.problems[0].hint or "")
    with pytest.raises(IndicatorSetError):
        load_indicator_set(ROOT / "examples" / "small" / "set.yaml", encoding=encoding)
    assert load_facts(ROOT / "examples" / "small" / "facts.json", encoding="cp936").values  # GBK's other name


def test_load_indicator_set_given_none_or_a_set_loaded_already_says_what_to_pass():
    """QA77 F4: load_indicator_set(None) looked for a set named "None" (a file of that name in the working folder gave a
    bare pathlib TypeError), and a set loaded already gave a 22,690-character 'no indicator set' message."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    for wrong, words in ((None, "not NoneType"), (small, "not IndicatorSet: this set is loaded already")):
        with pytest.raises(TypeError, match=re.escape(words)):
            load_indicator_set(wrong)  # type: ignore[arg-type]


def test_a_sets_declared_facts_refuse_changes_as_the_rest_of_the_frozen_set_does():
    """QA77 F3: IndicatorSet.facts was a plain dict: removing a fact after the set had scored gave results whose total
    still used it while their facts section dropped it. The declared facts refuse changes; a copy may be changed."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    with pytest.raises(TypeError, match="read-only"):
        del small.facts["budget.total"]
    copied = dict(small.facts)
    copied.pop("budget.total")
    assert "budget.total" in small.facts


def test_score_many_given_a_set_for_facts_naming_another_says_the_python_fix():
    """QA276 F9: score_many with a set, for facts naming another, told the program to leave out --set, an option of the
    command it never ran; it names the indicator_set argument, as score() names its own fix."""
    from scoring_engine import score_many

    [outcome] = score_many(str(SMALL / "set.yaml"), [str(ROOT / "indicator_sets" / "self-evaluation.facts.json")])
    first = outcome.problems[0]
    assert "(the set given)" in first.message and "give indicator_set=None" in (first.hint or "")
    assert "--set" not in first.text("zh") and "传入 indicator_set=None" in first.text("zh")


def test_score_many_given_none_for_the_documents_says_what_to_pass():
    """QA77 F5: score_many(S, None) said "'NoneType' object is not iterable", naming no argument."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    with pytest.raises(TypeError, match="documents is a list"):
        list(score_many(small, None))  # type: ignore[arg-type]


class _FakeFrame:
    """What score_many sees of a pandas DataFrame (pandas is not among the test extra's packages): iterating it gives its
    column names."""

    columns = ("budget.total", "budget.paid")

    def __iter__(self):
        return iter(self.columns)

    def to_dict(self, orient: str = "dict"):
        return [{"budget.total": 200, "budget.paid": 186.4}] if orient == "records" else {}

    def iterrows(self):
        return iter(())


def test_a_dataframe_given_as_the_documents_is_refused_saying_to_pass_its_records():
    """QA174 F4: a DataFrame passed to score_many was iterated as its column names, each read as a file path
    ('budget.total: no such file'). It is refused at once with a TypeError saying to pass df.to_dict("records")."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    with pytest.raises(TypeError, match=r'not a DataFrame .*pass df.to_dict\("records"\)'):
        score_many(small, _FakeFrame())  # type: ignore[arg-type]


class _FakePolars:
    """What score_many sees of a polars DataFrame: columns, to_dicts and iter_rows, and no iterrows nor to_dict."""

    columns = ("budget.total", "budget.paid")

    def __iter__(self):
        return iter(self.columns)

    def to_dicts(self):
        return [{"budget.total": 200, "budget.paid": 186.4}]

    def iter_rows(self, named: bool = False):
        return iter(())


def test_a_polars_dataframe_or_a_pandas_to_dict_of_columns_is_refused_saying_what_to_pass():
    """QA180 F5: a polars DataFrame passed to score_many was read as its column names, each a failed project (only
    pandas' iterrows was looked for); and pandas' df.to_dict() (column → {row number: value}) was told 'pass [facts]',
    which leads to a worse error. Any table is refused naming both libraries' calls, and the columns' mapping is told to
    pass df.to_dict("records")."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    with pytest.raises(TypeError, match=r'not a DataFrame .*df.to_dict\("records"\) for pandas, df.to_dicts\(\) for polars'):
        score_many(small, _FakePolars())  # type: ignore[arg-type]
    columns = {"budget.total": {0: 200, 1: 100}, "budget.paid": {0: 186.4, 1: 90}}
    with pytest.raises(TypeError, match=r"not a table's columns .*pass df.to_dict\(\"records\"\)"):
        score_many(small, columns)
    with pytest.raises(TypeError, match=r"not one: pass \[facts\]"):  # one project's facts, a nested one among them
        score_many(small, {"budget.total": 200, "rows": {0: "a"}})


def test_a_pandas_to_dict_of_columns_keyed_by_labels_or_of_no_rows_is_told_to_pass_records():
    """QA184 F9: df.set_index("项目编号").to_dict() (column → {project id: value}), and an empty table's {"a": {}},
    were told 'pass [facts]', which scores the columns as one project: only row numbers made a table's columns. Columns
    with the same rows, or none, are told to pass df.to_dict("records"); one project's nested facts are still [facts]."""
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    for columns in ({"a": {"p1": 1}, "b": {"p1": 2}}, {"budget.total": {"p1": 200, "p2": 100}, "budget.paid": {"p1": 186.4,
                                                                                                               "p2": 90}},
                    {"a": {}}, {"a": {}, "b": {}}):
        with pytest.raises(TypeError, match=r"not a table's columns .*pass df.to_dict\(\"records\"\)"):
            score_many(small, columns)
    for facts in ({"budget": {"total": 200, "paid": 186.4}}, {"budget": {"total": 200}, "output": {"done": 1}},
                  {"j1": {"score": 3, "reason": "x"}, "j2": {"score": 4, "reason": "y"}}):
        with pytest.raises(TypeError, match=r"not one: pass \[facts\]"):
            score_many(small, facts)


def test_a_pandas_dataframe_given_as_the_documents_is_refused_and_its_records_are_scored():
    """As above with pandas itself, when it is installed: the DataFrame is refused, its records are scored."""
    pd = pytest.importorskip("pandas")
    small = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    frame = pd.DataFrame([{"budget.total": 200, "budget.paid": 186.4}, {"budget.total": 100, "budget.paid": 90}])
    with pytest.raises(TypeError, match=r'pass df.to_dict\("records"\)'):
        score_many(small, frame)
    outcomes = list(score_many(small, frame.to_dict("records")))
    assert 2 == len(outcomes) and not any("no such file" in str(p) for o in outcomes for p in o.problems)


@pytest.mark.parametrize("wrong", [42, None, b"a.json"])
def test_find_documents_given_an_input_that_is_not_a_path_names_it(wrong: object) -> None:
    """QA77 F5: find_documents([42]) failed inside pathlib ("expected str, bytes or os.PathLike object, not int"),
    naming neither the argument nor the input."""
    from scoring_engine.batch import find_documents

    with pytest.raises(TypeError, match=rf"inputs is a list of paths \(str or Path\), not {re.escape(repr(wrong))}"):
        find_documents([EXAMPLE_FACTS, wrong])  # type: ignore[list-item]
    # QA83 F4: and skip, which took a folder's name one character at a time (so the folder was not skipped)
    with pytest.raises(TypeError, match=rf"skip is a list of paths \(str or Path\), not {re.escape(repr(wrong))}"):
        find_documents([EXAMPLE_FACTS], skip=[wrong])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"skip is a list of paths, not one: pass \[path\]"):
        find_documents([EXAMPLE_FACTS], skip="out")


@pytest.mark.parametrize(("wrong", "said"), [(None, "None"), (42, "int")])
def test_find_documents_given_no_list_at_all_says_it_takes_a_list_of_paths(wrong: object, said: str) -> None:
    """QA127 F6: find_documents(None) raised Python's own "'NoneType' object is not iterable", where a wrong path in
    the list, or one path alone, is told what to pass."""
    from scoring_engine.batch import find_documents

    with pytest.raises(TypeError, match=rf"^inputs is a list of paths \(str or Path\), not {said}$"):
        find_documents(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=rf"^skip is a list of paths \(str or Path\), not {said}$"):
        find_documents([EXAMPLE_FACTS], skip=wrong)  # type: ignore[arg-type]


@pytest.mark.parametrize("reads", [0, 20])
def test_a_results_facts_hash_and_json_are_of_the_facts_scored_though_the_caller_changes_them_after(reads):
    """A what-if loop that reuses one dict (QA98 F1): each Result was hashed when first read, from the dict as it was
    then, so every earlier result claimed the last facts' hash, and a value swapped for an object made to_json raise a
    bare TypeError. score keeps the facts as they were scored: copied as they are read once the set's reader is
    compiled (after 16 documents), by a walk of their own before."""
    small = load_indicator_set(SMALL / "set.yaml")
    for _ in range(reads):
        score(small, _base())
    facts = _base()
    first = score(small, facts)
    as_scored = Facts(values=copy.deepcopy(facts)).sha256
    facts["budget"]["paid"] = 150
    facts.setdefault("process", {})["compliance_findings"] = ["后来加上的问题"]
    second = score(small, facts)
    assert first.facts_sha256 == as_scored != second.facts_sha256
    facts["budget"]["paid"] = object()
    document = json.loads(first.to_json())
    assert as_scored == document["facts"]["sha256"]
    assert "186.4" in json.dumps(document["facts"], ensure_ascii=False)


def test_a_document_whose_path_is_text_is_read_and_a_wrong_one_fails_alone(small):
    """Document(path="a.json"), as anyone types it, ended the whole score_many run with a bare AttributeError from the
    batch's own error handler, no earlier outcome given (QA98 F2); a folder as text was an internal error, a Facts'
    source of 5 a bare TypeError. Text paths are read as paths; a path or source that is none fails that document."""
    from scoring_engine.batch import Document

    text = str(SMALL / "facts.json")
    documents = [Document(source="a", path=SMALL / "facts.json"), Document(source="b", path=text),
                 Document(source="c", text=(SMALL / "facts.json").read_text(encoding="utf-8"), folder=str(SMALL)),
                 Document(source="d", path=5), Facts(values=_base(), source=5), Document(source="f", path=text)]
    for jobs in (1, 2):
        outcomes = list(score_many(small, documents, jobs=jobs))
        assert [o.result.total if o.result else None for o in outcomes] == [D("79.73")] * 3 + [None, None, D("79.73")]
        assert ["a Document's path is a path, not int", "a Facts' source names its file as text, not int"] == [
            o.problems[0].message for o in outcomes[3:5]]
        assert not any(o.row.internal for o in outcomes)


def test_the_record_classes_show_their_fields_before_any_object_is_made():
    """In a fresh notebook, help(Facts) and Shift-Tab showed (*args, **kwargs) until 16 Facts existed (QA98 F6): the
    generic __init__ stands in until then. The signature is the fields', from the start."""
    import subprocess
    import sys

    code = ("import inspect\nfrom scoring_engine import Facts, Problem\nfrom scoring_engine.batch import Document\n"
            "for cls in (Facts, Problem, Document): print(list(inspect.signature(cls).parameters))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert shown[0] == "['values', 'not_applicable', 'project', 'indicator_set', 'source', 'written_for']"
    assert shown[1].startswith("['message', 'file', 'line'") and shown[2].startswith("['source', 'name', 'path'")
    assert "= <factory>" in str(__import__("inspect").signature(Facts))


def test_a_numpy_value_is_named_as_one_with_how_to_convert_it(small):
    """A pandas row's np.int64 and np.bool_ read 'expected a number, got int64' and 'expected true or false, got bool'
    (QA98 F7): they are named as NumPy values, with how to make Python values of them. (A stand-in class from the
    module numpy: the tests do not install NumPy.)"""
    int64 = type("int64", (), {"__module__": "numpy"})
    facts = _base()
    facts["budget"]["paid"] = int64()
    with pytest.raises(FactsError) as caught:
        score(small, facts)
    problem = next(p for p in caught.value.problems if p.fact == "budget.paid")
    assert "expected a number, got a NumPy int64" in problem.message
    assert problem.hint.startswith("convert NumPy values to Python ones first: value.item(), array.tolist()")


def test_facts_that_name_another_set_say_so_first(small):
    """A service that scores an upload with its default set got 14 missing facts and not the line that explains them
    (QA98 F4), which score_many and the command line give first."""
    facts = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    with pytest.raises(FactsError) as caught:
        score(small, facts)
    first = caught.value.problems[0]
    assert first.message == "the facts name the set national-framework, and are scored here with example-small"
    assert first.hint == "score them with the set they name: load_indicator_set('national-framework')"
    assert len(caught.value.problems) > 2


def test_a_parsed_document_with_one_unknown_key_is_told_of_the_key():
    """A JSONL export's line with an "id" beside indicator_set and facts was read as fact values and told to name an
    indicator_set, which it does (QA98 F5): it is read as a document, and the unknown key is said, as a file's is."""
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["id"] = "P-001"
    [outcome] = list(score_many(None, [document]))
    assert [("unknown key 'id'", "$.id")] == [(p.message, p.path) for p in outcome.problems]


@pytest.mark.parametrize("given_set", [True, False])
def test_a_parsed_document_with_only_a_misspelt_key_beside_its_facts_is_told_of_the_key(small, given_set):
    """json.load of a facts file without project and indicator_set, its not_applicable misspelt, was read by score_many
    as fact values: 27 lines of 'required fact … is missing (facts.budget.total is given…)' where the file, and score(),
    read it as a whole document (QA153 F4). It is told of the key in the one line the file gets."""
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    del document["project"], document["indicator_set"]
    document["not_aplicable"] = {"output.quality": "不涉及"}
    [outcome] = list(score_many(small if given_set else None, [document]))
    assert [("$.not_aplicable", "unknown key 'not_aplicable'", "did you mean not_applicable?")] == \
        [(p.path, p.message, p.hint) for p in outcome.problems]


def test_a_mapping_of_values_holding_a_fact_named_facts_is_values_when_the_set_declares_one(small):
    """An object at `facts` is a whole document's facts, unless the set scoring it declares a fact named facts: then the
    mapping is the facts' values, as score() reads it."""
    from scoring_engine import parse_indicator_set

    text = (SMALL / "set.yaml").read_text(encoding="utf-8").replace("facts:\n", "facts:\n  facts.note: {type: string, "
                                                                     "required: false, label: 备注}\n", 1)
    with_facts_fact = parse_indicator_set(text, folder=SMALL)
    values = {**_base(), "facts": {"note": "备注"}, "remark": "x"}
    [outcome] = list(score_many(with_facts_fact, [values]))
    assert outcome.ok and score(with_facts_fact, values).total == outcome.result.total


def test_facts_that_hold_themselves_are_refused_at_once_and_empty_details_of_the_wrong_kind_still_refused(small):
    """Copying the facts (QA98 F1) followed a list that holds itself thrice 3²² times: score hung where it had refused
    at once (QA99 F3); and a project of "" or not_applicable of None was copied into {} and scored (F4)."""
    import time

    looped: list = []
    looped.extend([looped, looped, looped])
    facts = _base()
    facts["extra"] = looped
    started = time.perf_counter()
    with pytest.raises(FactsError, match=r"hold more than 500000 values.*MAX_SHARED_VALUES"):  # each place it is held
        score(small, facts)
    assert time.perf_counter() - started < 5
    for field, value in (("project", ""), ("not_applicable", None)):
        with pytest.raises(FactsError):
            score(small, Facts(values=_base(), **{field: value}))


def test_a_subclass_with_more_fields_shows_its_own_signature_and_its_base_keeps_its_own():
    """One cached signature was shared by a record and its subclasses: Facts showed a subclass's extra field (QA99 F7)."""
    import dataclasses
    import inspect

    @dataclasses.dataclass
    class Tagged(Facts):
        batch_id: str = ""

    assert "batch_id" in inspect.signature(Tagged).parameters
    assert "batch_id" not in inspect.signature(Facts).parameters


def test_an_empty_path_or_folder_of_a_document_is_said_empty():
    """Document(path="") was told 'is a path, not str' though text paths are read (QA99 F8)."""
    from scoring_engine.batch import Document

    outcomes = list(score_many(load_indicator_set(SMALL / "set.yaml"),
                               [Document(source="a", path=""), Document(source="b", text="{}", folder="")]))
    assert ["a document's path is empty", "a document's folder is empty"] == [o.problems[0].message for o in outcomes]


def test_an_undeclared_numpy_column_is_named_as_one_with_how_to_convert_it(small):
    """A DataFrame row's extra column held 'a int64 … give it as text or a number' (QA99 F6)."""
    int64 = type("int64", (), {"__module__": "numpy"})
    facts = {**_base(), "row_id": int64()}
    with pytest.raises(FactsError) as caught:
        score(small, facts)
    [problem] = [p for p in caught.value.problems if p.fact == "row_id"]
    assert "holds a NumPy int64" in problem.message and problem.hint.startswith("convert NumPy values")


def test_documents_a_program_builds_are_kept_as_given_and_told_when_wrong(small):
    """score_many with Document(facts=Facts(values=d)) of one refilled dict scored every project with the last refill
    (QA100 F2); a Document's facts as a dict raised AttributeError (F4); a path-like giving bytes was 'a path, not PL'
    (F6)."""
    import os

    from scoring_engine.batch import Document

    def refilled():
        row = _base()
        for paid in (150, 160, 186.4):
            row["budget"]["paid"] = paid
            yield Document(source=f"p{paid}", facts=Facts(values=row))

    alone = [score(small, {**_base(), "budget": {**_base()["budget"], "paid": paid}}).total for paid in (150, 160, 186.4)]
    assert alone == [o.result.total for o in score_many(small, refilled())]
    [as_dict] = list(score_many(small, [Document(source="d", facts=_base())]))
    assert as_dict.result.total == D("79.73")

    class BytesPath:
        def __fspath__(self):
            return os.fsencode(str(SMALL / "facts.json"))

    [wrong] = list(score_many(small, [Document(source="b", path=BytesPath())]))
    assert wrong.problems[0].message == "a document's path is text, but this BytesPath gives bytes"


def test_a_numpy_value_in_a_target_row_is_named_with_how_to_convert_it():
    """A DataFrame's np.int64 in a 绩效目标表 row was 'a value of another kind', no hint (QA100 F3)."""
    int64 = type("int64", (), {"__module__": "numpy"})
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    row = next(r for r in document["facts"]["targets"]["output"] if isinstance(r.get("actual"), (int, float)))
    row["actual"] = int64()
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("self-evaluation"), Facts(values=document["facts"], project=document["project"]))
    problem = caught.value.problems[0]
    assert "actual must be a number or non-empty text, got a NumPy int64" in problem.message
    assert problem.hint.startswith("convert NumPy values")
    row["actual"], row["unit"] = 1, int64()  # a text field too (QA101 F3)
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set("self-evaluation"), Facts(values=document["facts"], project=document["project"]))
    assert caught.value.problems[0].hint.startswith("convert NumPy values")


def test_a_subclass_with_its_own_init_shows_that_init():
    """A record subclass writing its own __init__ was shown with the base's fields (QA100 F5)."""
    import inspect

    class FromPath(Facts):
        def __init__(self, path, extra=1):
            super().__init__(values={})

    assert list(inspect.signature(FromPath).parameters) == ["path", "extra"]


def test_a_document_with_a_project_of_text_or_a_path_giving_no_text_fails_alone(small):
    """Facts(project=[1]) in score_many raised AttributeError out of the batch's own 问题 row (QA101 F1), and a Document
    whose path-like gave None a TypeError (F2): each fails alone, the next project is scored."""
    from scoring_engine.batch import Document

    class NoPath:
        def __fspath__(self):
            return None

    documents = [Facts(values=_base(), project=[1]), Document(source="n", path=NoPath()), SMALL / "facts.json"]
    for jobs in (1, 2):
        outcomes = list(score_many(small, documents, jobs=jobs))
        assert [o.ok for o in outcomes] == [False, False, True]
        assert outcomes[1].problems[0].message == "a document's path is text, but this NoPath gives NoneType"


def test_a_subclass_of_a_subclass_with_its_own_init_shows_that_init():
    """class C(B), B(Facts) writing __init__(path, extra=1): C showed the record's fields (QA101 F5)."""
    import inspect

    class B(Facts):
        def __init__(self, path, extra=1):
            super().__init__(values={})

    class C(B):
        pass

    assert list(inspect.signature(C).parameters) == ["path", "extra"]


def test_a_path_given_as_a_source_or_a_folder_is_taken_as_its_text(small):
    """QA127 F1: a Path as source= (parse_facts, parse_indicator_set, Facts) was kept as a PosixPath, and every problem
    about that input then ended in a bare TypeError from errors.py ('PosixPath' + 'str'), the problems lost; a folder
    given as text to parse_indicator_set failed in _files.py ('str' / 'str'). A Path or a text is taken alike, and any
    other kind is refused at the call."""
    from pathlib import Path

    from scoring_engine import IndicatorSetError, parse_facts, parse_indicator_set

    upload = Path("uploads") / "p1.json"
    partial = parse_facts('{"facts": {"budget": {"total": 200}}}', source=upload)
    assert str(upload) == partial.source == Facts(values={}, source=upload).source
    for facts in (partial, Facts(values={"budget": {"total": 200}}, source=upload)):
        with pytest.raises(FactsError) as caught:
            score(small, facts)
        assert len(caught.value.problems) > 1 and {str(upload)} == {p.file for p in caught.value.problems}
        [outcome] = score_many(small, [facts])
        assert caught.value.problems == outcome.problems
    with pytest.raises(FactsError) as caught:
        parse_facts('{"facts": {"a": NaN}}', source=upload)
    assert str(caught.value).startswith(f"{upload}: $.facts.a: NaN is not a number")
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set("id: x\n", source=Path("set.yaml"))
    assert str(caught.value).startswith("set.yaml:1:1: missing key 'name'")
    profile = "id: p\nname: p\nversion: '1'\nextends: set.yaml\n"
    assert parse_indicator_set(profile, folder=str(SMALL)) == parse_indicator_set(profile, folder=SMALL)
    with pytest.raises(TypeError, match=r"^source names the file in messages, as text or a Path, not int$"):
        parse_facts("{}", source=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^source names the file in messages, as text or a Path, not int$"):
        parse_indicator_set(profile, source=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^folder is the profile's own folder, as text or a Path, not int$"):
        parse_indicator_set(profile, folder=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^a Facts' source names its file as text or a Path, not int$"):
        score(small, Facts(values=_base(), source=5))  # type: ignore[arg-type]


@pytest.mark.parametrize("named", [5, ["set.yaml"], b"set.yaml", True, {"set": "set.yaml"}])
def test_facts_naming_their_set_by_no_text_fail_as_a_facts_file_naming_it_so_does(named: object) -> None:
    """QA127 F2: Facts(indicator_set=5) (or a list, bytes, True…) given to score_many(None, …) was an 'internal error …
    please report it', counted by summarise as a bug of the engine. It fails as the same value in a whole document does,
    at $.indicator_set, saying it must be text; a Path names the set as its text does."""
    [as_facts] = score_many(None, [Facts(values=_base(), indicator_set=named)])  # type: ignore[arg-type]
    [as_document] = score_many(None, [{"indicator_set": named, "facts": _base()}])
    assert as_document.problems == as_facts.problems
    [problem] = as_facts.problems
    assert ("#1", "$.indicator_set") == (problem.file, problem.path)
    assert problem.message.startswith("indicator_set must be text, got ")
    assert 0 == summarise([as_facts]).internal
    [by_path] = score_many(None, [Facts(values=_base(), indicator_set=SMALL / "set.yaml")])  # type: ignore[arg-type]
    by_text = score(load_indicator_set(SMALL / "set.yaml"), Facts(values=_base(), indicator_set=str(SMALL / "set.yaml")))
    assert by_text.facts_sha256 == by_path.result.facts_sha256  # (a PosixPath cannot be a fact value, the hash said)


def test_a_whole_document_given_to_score_many_is_read_as_score_reads_the_same_values(small):
    """QA127 F3: a whole facts document given to score_many as a mapping was written to JSON and read back: a date
    became text (another facts hash than load_facts, the command line and score(Facts(...)) give), a datetime at
    midnight that score() takes for a date was refused as text the caller never gave, and NaN, an object or a set got
    'cannot read this facts document' in Python's json words, with no place. It is read as score() reads the same
    values, with jobs=1 and jobs=2 alike."""
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"), parse_float=D)
    document["facts"]["output"]["planned_end"] = datetime.date(2024, 10, 31)  # as yaml.safe_load gives an unquoted date

    def as_facts(whole: dict) -> Facts:
        return Facts(values=whole["facts"], project=whole["project"], indicator_set=whole["indicator_set"])

    scored = score(small, as_facts(document))
    for jobs in (1, 2):
        [outcome] = score_many(small, [document], jobs=jobs)
        assert (scored.total, scored.facts_sha256) == (outcome.result.total, outcome.result.facts_sha256)
    for path, value in [("output.planned_end", datetime.datetime(2024, 10, 31)), ("budget.paid", float("nan")),
                        ("budget.paid", object()), ("decision.goal_findings", {"a"})]:
        changed = copy.deepcopy(document)
        group, name = path.split(".")
        changed["facts"][group][name] = value
        try:
            expected = score(small, as_facts(changed)).total
        except FactsError as err:
            expected = [(p.path, p.message, p.hint) for p in err.problems]
        for jobs in (1, 2):
            [outcome] = score_many(small, [changed], jobs=jobs)
            seen = outcome.result.total if outcome.ok else [(p.path, p.message, p.hint) for p in outcome.problems]
            assert expected == seen, (path, jobs)
            assert all(p.file == "#1" for p in outcome.problems)
    from scoring_engine.batch import Document  # a Document holding one (as Document.of keeps it) is read so too

    outcomes = list(score_many(small, [Document(source="a", parsed=document), Document(source="b", parsed=5)]))
    assert scored.facts_sha256 == outcomes[0].result.facts_sha256
    assert "a Document's parsed is a whole facts document (a mapping), not int" == outcomes[1].problems[0].message


def test_a_document_json_or_yaml_read_hashes_as_the_file_the_batch_reads(small, tmp_path):
    """QA130 F1: json.loads of a JSONL line gave score_many floats (0.85 as 0.84999…), hashed otherwise than the
    batch reading the same line, and yaml.safe_load of a facts file otherwise than load_facts: an auditor rebuilding
    the facts sha256 from the file could not match it. A float is the number its text was."""
    import yaml

    text = (SMALL / "facts.json").read_text(encoding="utf-8")
    line = json.dumps(json.loads(text), ensure_ascii=False)
    (tmp_path / "p.jsonl").write_text(line + "\n", encoding="utf-8")
    from scoring_engine.batch import find_documents

    [by_batch] = score_many(small, find_documents([tmp_path / "p.jsonl"]))
    [by_loads] = score_many(small, [json.loads(line)])
    assert any(type(v) is float for group in json.loads(line)["facts"].values() if isinstance(group, dict)
               for v in group.values())  # the document holds floats, or this proves nothing
    assert by_batch.result.facts_sha256 == by_loads.result.facts_sha256
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(json.loads(text), allow_unicode=True), encoding="utf-8")
    [by_yaml] = score_many(small, [yaml.safe_load((tmp_path / "p.yaml").read_text(encoding="utf-8"))])
    assert score(small, load_facts(tmp_path / "p.yaml")).facts_sha256 == by_yaml.result.facts_sha256


def _refusals_of_shared_parts() -> list[tuple[str, str | None]]:
    """(where, the problem's path) for facts whose lists or mappings are held in many places, given every way."""
    import yaml

    small = load_indicator_set(SMALL / "set.yaml")
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    del document["indicator_set"]
    itself: dict = {}
    itself["a"] = itself["b"] = itself["c"] = itself
    chain = yaml.safe_load("x0: &a0 [1.5, 1.5, 1.5]\n" + "".join(f"x{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
                                                                  for i in range(1, 20)))
    found = []
    for name, extra in (("itself", itself), ("aliases", chain)):
        try:
            score(small, Facts(values={**document["facts"], "extra": extra}))
        except FactsError as err:
            found.append((f"score {name}", err.problems[0].path))
        [outcome] = score_many(small, [{**document, "facts": {**document["facts"], "extra": extra}}])
        found.append((f"score_many {name}", outcome.problems[0].path if outcome.problems else None))
    return found


def test_facts_whose_parts_are_held_in_many_places_are_refused_at_once() -> None:
    """QA132: a mapping holding itself three times (d['a'] = d['b'] = d['c'] = d), or yaml.safe_load of a chain of
    aliases (each part held three times), was walked branch by branch before the depth limit refused it: 19 levels
    did not end. Such facts are counted once per part and refused at $.facts, by score() and score_many() alike
    (a hang, here, is a child killed when its CPU seconds run out)."""
    from hostile.bounded import run_bounded

    outcome = run_bounded(_refusals_of_shared_parts, cpu_limit=20, timeout=60)
    assert "returned" == outcome.status, outcome
    assert [(f"{how} {name}", "$.facts") for name in ("itself", "aliases") for how in ("score", "score_many")] \
        == outcome.value


def test_large_facts_that_hold_each_part_once_score_and_tell_their_own_problems(small, monkeypatch):
    """QA133 F1: facts from Python holding more than MAX_SHARED_VALUES values were refused though nothing in them is
    held twice (a million distinct findings, a 600,000-item list of notes), where limits.md promises no size bound, and
    the refusal hid their own problems. Only values held over again count: a tree of any size scores, and tells a
    negative budget.paid or a list given as a project detail. (The bound is lowered here to keep the test small.)"""
    import scoring_engine.facts

    monkeypatch.setattr(scoring_engine.facts, "MAX_SHARED_VALUES", 1000)
    document = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    del document["indicator_set"]
    findings, notes = _base(), _base()
    findings["findings"]["compliance"] = [f"问题{i}" for i in range(3000)]
    notes["notes"] = list(range(3000))
    part = {"a": 1, "b": [1, 2, 3]}  # a small part held twice beside them counts only itself again
    notes["one"] = notes["two"] = part
    assert score(small, findings).total < score(small, _base()).total
    assert score(small, notes).total == scores_only(small, notes).total == score(small, _base()).total
    [outcome] = score_many(small, [{**document, "facts": notes}])
    assert outcome.result is not None and not outcome.problems
    notes["budget"]["paid"] = -1
    with pytest.raises(FactsError) as caught:
        score(small, notes)
    assert ["$.facts.budget.paid"] == [p.path for p in caught.value.problems]
    with pytest.raises(FactsError) as caught:
        score(small, Facts(values=_base(), project={"name": "x", "attachments": list(range(3000))}))
    assert ["$.project.attachments"] == [p.path for p in caught.value.problems]
    shared = list(range(600))  # held in 20 places: 11,400 values over again, past ten times the facts' own (QA136 F5)
    with pytest.raises(FactsError, match=r"hold more than \d+ values over again.*MAX_SHARED_VALUES") as caught:
        score(small, {**_base(), **{f"x{i}": shared for i in range(20)}})
    assert ["$.facts"] == [p.path for p in caught.value.problems]


def test_facts_holding_one_small_part_in_many_places_score_and_a_big_part_held_many_times_is_refused(small, monkeypatch):
    """QA136 F5: Python itself holds `()`, or a constant tuple in a comprehension, in every place, so
    [('a', 1) for _ in range(200_000)] or [() for _ in range(600_000)] was refused as lists or mappings "held in more
    than one place" that the caller never shared, while [[] for _ in range(600_000)] scored. Facts may hold values over
    again up to ten times their own values (or MAX_SHARED_VALUES): a list holding one small tuple or dict in each place
    scores, and [t] * 300 of a 300-item tuple is still refused at once. (The bound is lowered to keep the test small.)"""
    import scoring_engine.facts

    monkeypatch.setattr(scoring_engine.facts, "MAX_SHARED_VALUES", 1000)
    expected = score(small, _base()).total
    for extra in ([() for _ in range(3000)], [("a", 1) for _ in range(2000)], [{"text": "x", "points": 1}] * 2000):
        assert score(small, {**_base(), "extra": extra}).total == expected
    big = tuple(range(300))  # 90,000 values over again, against some 650 of the facts' own
    with pytest.raises(FactsError, match=r"hold more than \d+ values over again: lists, tuples or mappings held in more "
                                         r"than one place.*\(MAX_SHARED_VALUES, or ten times the facts' own \d+ values"):
        score(small, {**_base(), "extra": [big] * 300})


def test_a_big_tuple_held_many_times_is_refused_by_score_many_as_by_score(small, monkeypatch):
    """QA310 1: score_many copies what it is given, and copied [t] * 300 into 300 tuples of their own: the bound on parts
    held twice never saw them shared, and the facts were walked value by value (a million values took 6.5 s, ten million
    66 s). A tuple held in several places is copied once, so score_many refuses it at once as score does, given as a
    mapping, a whole document or a Facts."""
    import scoring_engine.facts

    monkeypatch.setattr(scoring_engine.facts, "MAX_SHARED_VALUES", 1000)
    facts = {**_base(), "extra": [tuple(range(300))] * 300}
    given = (facts, {"project": {"name": "x"}, "facts": facts}, Facts(values=facts))
    for outcome in score_many(small, given):
        assert outcome.result is None and ["$.facts"] == [p.path for p in outcome.problems], outcome
        assert "values over again" in outcome.problems[0].message


class _NaT(datetime.datetime):
    """pandas' NaT as a stand-in (the tests install no pandas): a datetime of no date, which refuses to tell its time."""

    def time(self):
        raise ValueError("NaTType does not support time")


_NaT.__name__, _NaT.__module__ = "NaTType", "pandas.api.typing"
_NA = type("NAType", (), {"__module__": "pandas.api.typing"})


def _with_empty_cells(nat, na) -> list:
    """(facts, path, message) for pandas' NaT and NA where a program may pass them: a date fact, a number fact, a project
    detail, an undeclared fact and inside one."""
    facts = _base()
    facts["output"]["actual_end"] = nat
    paid = _base()
    paid["budget"]["paid"] = na
    return [(facts, "$.facts.output.actual_end", "pandas NaT is not a date"),
            (paid, "$.facts.budget.paid", "pandas NA is not a value"),
            (Facts(values=_base(), project={"name": "x", "date": nat}), "$.project.date",
             "pandas NaT is not text, a number or a date"),
            ({**_base(), "remark_date": nat}, "$.facts.remark_date", "pandas NaT is not a date"),
            ({**_base(), "remark": {"dates": [na]}}, "$.facts.remark.dates[0]", "pandas NA is not a value")]


def _refused_with_the_pandas_hint(small, facts, path, message, jobs=1) -> None:
    from scoring_engine._zh import translate

    word = message.split()[1]
    for scoring in (score, scores_only):
        with pytest.raises(FactsError) as caught:
            scoring(small, facts)
        [problem] = caught.value.problems
        assert (problem.path, message) == (path, problem.message.split(": ")[-1].split(" (read by")[0])
        assert problem.hint == f"{word} is how pandas reads an empty cell: leave out the facts whose cells are empty (row.dropna().to_dict())"
        assert translate(problem.hint) == f"pandas 把空单元格读作 {word}：单元格为空的事实不要传入（row.dropna().to_dict()）"
        assert translate(message) in (f"pandas 的 {word} 不是日期", f"pandas 的 {word} 不是值", "pandas 的 NaT 不是文字、数字或日期")
    document = {"facts": facts.values, "project": facts.project} if isinstance(facts, Facts) else facts
    [outcome] = list(score_many(small, [document], jobs=jobs))
    assert not outcome.ok and [path] == [p.path for p in outcome.problems]


def test_pandas_nat_and_na_are_refused_where_they_are_with_how_to_leave_empty_cells_out(small):
    """pandas reads an empty date cell as NaT and a nullable column's as NA (QA153 F1). NaT as a date fact gave a bare
    ValueError from inside the engine; as a project detail or an undeclared fact it was scored, and to_json and
    facts_sha256 then raised, as did score_many's result, said ok. Each is refused where it is, with the hint a NaN
    gets (NA read 'expected a number, got NAType')."""
    for facts, path, message in _with_empty_cells(_NaT(2000, 1, 1), _NA()):
        _refused_with_the_pandas_hint(small, facts, path, message)


@pytest.mark.parametrize("jobs", [1, 2])
def test_pandas_own_nat_and_na_are_refused_where_they_are(small, jobs):
    """As above, with pandas itself when it is installed (CI's test extra holds no pandas), in worker processes too."""
    pd = pytest.importorskip("pandas")
    for facts, path, message in _with_empty_cells(pd.NaT, pd.NA):
        _refused_with_the_pandas_hint(small, facts, path, message, jobs)


def test_pandas_nat_for_a_fact_of_another_type_says_what_it_takes_and_na_as_a_detail_is_said_once(small):
    """QA155 F9: NaT given for a number fact was said to be 'not a date', and NA as a project detail was said twice at
    $.project.name ('pandas NA is not a value', then '…not NAType'). NaT is said to be no value of the fact's type (a
    blank cell, as the hint says); NA once."""
    from scoring_engine._zh import translate

    for fact, takes, zh in (("paid", "a number", "数字"), ("funding_method", "text", "文字")):
        facts = _base()
        facts["budget"][fact] = _NaT(2000, 1, 1)
        with pytest.raises(FactsError) as caught:
            score(small, facts)
        [problem] = caught.value.problems
        assert problem.message.split(": ")[-1].split(" (read by")[0] == f"pandas NaT is not {takes}"
        assert f"pandas 的 NaT 不是{zh}" in problem.text("zh") and "empty cell" in problem.hint
        assert translate(f"pandas NaT is not {takes}") == f"pandas 的 NaT 不是{zh}"
    with pytest.raises(FactsError) as caught:
        score(small, Facts(values=_base(), project={"name": _NA()}))
    assert [(p.path, p.message) for p in caught.value.problems] == [("$.project.name", "pandas NA is not a value")]


def test_pandas_nat_in_a_target_row_a_list_or_a_project_detail_says_what_that_field_takes():
    """QA156 F6: NaT in a target row's actual was said to be 'not a date' (the row's number field takes a number or
    text), and so was NaT as a project's name or year (a detail is text, a number or a date: NaT is none of them). Each
    place says what it takes, in either language, with the blank-cell hint; a date fact's NaT is still no date."""
    from scoring_engine._zh import translate

    self_evaluation = load_indicator_set("self-evaluation")
    base = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))["facts"]
    places = {"actual": ("a number or text", "数字或文字"), "weight": ("a number", "数字"), "unit": ("text", "文字")}
    for field, (takes, zh) in places.items():
        facts = copy.deepcopy(base)
        facts["targets"]["output"][0][field] = _NaT(2000, 1, 1)
        with pytest.raises(FactsError) as caught:
            score(self_evaluation, facts)
        [problem] = caught.value.problems
        assert problem.path == f"$.facts.targets.output[0].{field}" and "empty cell" in problem.hint
        assert problem.message.split(": ")[-1].split(" (read by")[0] == f"pandas NaT is not {takes}"
        assert f"pandas 的 NaT 不是{zh}（" in problem.text("zh") and "日期" not in problem.text("zh")
    for key in ("name", "year"):
        with pytest.raises(FactsError) as caught:
            score(self_evaluation, Facts(values=base, project={"name": "x", key: _NaT(2000, 1, 1)}))
        assert [(p.path, p.message) for p in caught.value.problems] == \
            [(f"$.project.{key}", "pandas NaT is not text, a number or a date")]
        assert translate(caught.value.problems[0].message) == "pandas 的 NaT 不是文字、数字或日期"
    from scoring_engine._numpy_values import nat_takes

    assert [nat_takes("list", "target", "[0]"), nat_takes("list", "number", "[3]"), nat_takes("date", "finding", "")] == \
        ["a target row", "a number", None]
    assert translate("pandas NaT is not a target row") == "pandas 的 NaT 不是绩效目标行"


def test_api_refusals_say_the_api_fix_not_the_command_line_one(small, tmp_path):
    """QA153 F5: a profile read from text that extends a file was told 'a file works for a set read from a file',
    never of parse_indicator_set's folder=; score_many given a set file was told to give INPUT and --set, and given a
    folder only 'is a folder, not a file'; a set named outside the facts' folder was told only of --set. Each says what
    to pass from Python, in either language."""
    from scoring_engine import IndicatorSetError, parse_indicator_set
    from scoring_engine._zh import translate

    profile = "id: p\nname: p\nversion: '1'\nextends: set.yaml\n"
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(profile, source="my-profile.yaml")
    hint = caught.value.problems[0].hint
    assert hint.startswith("extends: a file is read from the folder given as parse_indicator_set(text, folder=…); "
                           "without it use a bundled set id: ")
    assert translate(hint).startswith("extends 的文件从 parse_indicator_set(text, folder=…) 给出的文件夹读取")
    assert parse_indicator_set(profile, source="my-profile.yaml", folder=SMALL).id == "p"  # as the hint says
    (tmp_path / "a.json").write_text((SMALL / "facts.json").read_text(encoding="utf-8").replace('"set.yaml"',
                                     json.dumps(str(SMALL / "set.yaml"))), encoding="utf-8")
    outcomes = list(score_many(None, [str(SMALL / "set.yaml"), tmp_path]))
    said = [(p.message, p.hint) for o in outcomes for p in o.problems]
    assert said == [("this file is an indicator set, not a facts file", "give score_many facts files, forms or the "
                     "documents of find_documents([folder]), and the set as its indicator_set argument"),
                    ("is a folder, not a file", "give score_many find_documents([path]), which gives each facts file, "
                     "form and JSONL line below it as a document")]
    assert all(translate(hint) != hint and "--set" not in hint for _, hint in said)
    from scoring_engine.batch import find_documents

    assert [o.ok for o in score_many(small, find_documents([tmp_path]))] == [True]  # as the hint says
    [outcome] = list(score_many(None, find_documents([tmp_path])))  # the set the file names is outside its folder
    assert outcome.problems[0].hint == ("give a path inside that folder or a bundled set id; a set elsewhere is given as "
                                        "the indicator_set argument of score_many")  # not --set (QA155 F6)
    assert translate(outcome.problems[0].hint) == "请写该文件夹内的路径或内置指标体系的编号；其他位置的指标体系用 score_many 的 " \
                                                  "indicator_set 参数给出"


def test_a_set_finds_an_indicator_by_its_name_as_a_result_does_and_says_a_miss_in_chinese(small):
    """QA153 F5: Result.indicator("预算执行率") found the indicator, IndicatorSet.indicator refused the same name, and
    its refusal stayed English under Chinese ('指标 预算执行率：no indicator …')."""
    result = score(small, load_facts(SMALL / "facts.json"))
    assert small.indicator("预算执行率").id == result.indicator("预算执行率").id == "process.execution"
    with pytest.raises(UnknownIndicatorError) as caught:
        small.indicator("预算执行率率")
    assert caught.value.first.text("zh") == "指标 预算执行率率：指标体系 example-small 中没有指标 '预算执行率率'" \
        "（是否想写 process.execution（预算执行率）？）"  # a name nearly one suggested, as the Result does (QA330 F10)


class _AmbiguousNA:
    """pandas' NA as it compares: == gives NA, whose truth is refused (a stand-in: the tests install no pandas)."""

    __module__ = "pandas.api.typing"

    def __eq__(self, other: object) -> _AmbiguousNA:  # type: ignore[override]
        return self

    __hash__ = object.__hash__

    def __bool__(self) -> bool:
        raise TypeError("boolean value of NA is ambiguous")


_AmbiguousNA.__name__ = "NAType"


@pytest.mark.parametrize("jobs", [1, 2])
def test_pandas_na_as_a_project_detail_is_a_problem_of_its_project_in_score_many(small, jobs):
    """QA156 F5: score_many given NA as a project's name raised 'boolean value of NA is ambiguous' from the batch's row
    of the failed project, where score() says the detail is no value. Its outcome says so, and the next is scored."""
    documents = [Facts(values=_base(), project={"name": _AmbiguousNA()}), {"project": {"unit": _AmbiguousNA()}, "facts": _base()},
                 _base()]
    outcomes = list(score_many(small, documents, jobs=jobs))
    assert [False, False, True] == [o.ok for o in outcomes]
    assert [["$.project.name"], ["$.project.unit"]] == [[p.path for p in o.problems] for o in outcomes[:2]]


def test_an_error_gives_every_problem_in_chinese_as_the_command_prints_them(small):
    """QA248 F4: str(error) is English; a service showing policy staff the error had to walk error.problems for each
    problem's text("zh"). error.text("zh") gives every line, as the command prints them; "en" is str(error)."""
    from scoring_engine import FactsError

    with pytest.raises(FactsError) as caught:
        score(small, {"budget.paid": "八百", "budget.total": -1})
    error = caught.value
    assert str(error) == error.text("en") and len(error.problems) == len(error.text("zh").splitlines()) >= 2
    assert error.text("zh").splitlines() == [p.text("zh") for p in error.problems]
    assert error.text("zh") == error.text("zh-CN") == error.text("zh_CN") == error.text("ZH")  # as a program passes it
    assert all(re.search("[\u4e00-\u9fff]", line) for line in error.text("zh").splitlines())
