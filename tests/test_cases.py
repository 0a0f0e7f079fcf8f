"""Test cases for indicator sets: the case format, `scoring-engine test`, and pytest collection."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine.cases import CaseFileError, load_cases, run_case
from scoring_engine.errors import IndicatorSetError
from scoring_engine.cli import main

pytest_plugins = ["pytester"]

EXAMPLE_CASES = ROOT / "examples" / "small" / "set.cases.yaml"


def _beside_the_example(folder: Path) -> None:
    """The example set and facts copied into `folder`: a case file names only files inside its own folder."""
    for example in (EXAMPLE_SET, EXAMPLE_FACTS):
        shutil.copy(example, folder / example.name)


def _case_file(tmp_path: Path, body: str) -> Path:
    _beside_the_example(tmp_path)
    path = tmp_path / "set.cases.yaml"
    path.write_text(f"indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n{body}", encoding="utf-8")
    return path


def test_example_cases_pass_from_the_command_line():
    """`scoring-engine test` on the example folder prints a PASS line per case and exits 0."""
    result = CliRunner().invoke(main, ["test", str(EXAMPLE_CASES.parent)])
    assert 0 == result.exit_code, result.output
    assert "15 passed, 0 failed" in result.output
    assert all(line.startswith("PASS ") for line in result.output.splitlines()[:-1])


def test_changing_an_expected_total_makes_the_run_fail(tmp_path: Path):
    """An expected value edited away from the truth gives a FAIL line with the difference, and exit 1."""
    text = EXAMPLE_CASES.read_text(encoding="utf-8").replace("total: 79.73", "total: 79.70", 1)
    _beside_the_example(tmp_path)
    edited = tmp_path / "edited.cases.yaml"
    edited.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["test", str(edited)])
    assert 1 == result.exit_code
    assert "FAIL " in result.output
    assert "total expected 79.7, got 79.73 (difference 0.03)" in result.output
    assert "14 passed, 1 failed" in result.output


def test_tolerance_accepts_a_small_difference(tmp_path: Path):
    """A case may allow a tolerance for its expected numbers."""
    path = _case_file(tmp_path, "  - name: 容差\n    expect: {total: 79.7, tolerance: 0.05}\n")
    [case] = load_cases(path)
    assert run_case(case).passed


def test_wrong_grade_and_score_are_each_reported(tmp_path: Path):
    """Every mismatch of a case is listed, not only the first; a grade with the total that gave it when the case says no
    total (QA293 F5: 等级预期 优，实际 良 alone, with 优 raised to 92, did not say the total was 90.00)."""
    path = _case_file(tmp_path, "  - name: 错\n    expect: {grade: 优, scores: {process.execution: 10, nope: 1}}\n")
    [case] = load_cases(path)
    outcome = run_case(case)
    assert ["grade expected 优, got 中 (total 79.73)", "process.execution expected 10, got 8.00 (difference -2.00)",
            "no indicator nope in the result"] == list(outcome.differences)
    from scoring_engine._zh import translate

    assert "等级预期 优，实际 中（总分 79.73）" == translate(outcome.differences[0])
    path = _case_file(tmp_path, "  - name: 错\n    expect: {grade: 优, total: 79.73}\n")
    assert ["grade expected 优, got 中"] == list(run_case(load_cases(path)[0]).differences)


def test_an_expected_error_that_does_not_happen_fails(tmp_path: Path):
    """A case expecting an error fails when the facts score cleanly."""
    path = _case_file(tmp_path, "  - name: 应当报错\n    expect: {error: 不会出现}\n")
    [case] = load_cases(path)
    assert "expected an error containing '不会出现'" in run_case(case).differences[0]


def test_null_override_removes_a_fact(tmp_path: Path):
    """An override of null removes the fact, so a case can test a missing required fact."""
    path = _case_file(tmp_path, "  - name: 缺预算\n    overrides: {budget.total: null}\n    expect: {error: required fact 预算资金 (budget.total) is missing}\n")
    [case] = load_cases(path)
    assert run_case(case).passed


def test_an_override_of_a_fact_the_set_does_not_declare_fails_the_case(tmp_path: Path):
    """`overrides: {budget.piad: 190}` (a typo) used to be ignored and the case passed without testing anything: it
    fails, naming the override's line (QA214 15: not the case's first) and the closest fact; a case that expects the
    'not declared' warning may do it."""
    path = _case_file(tmp_path, "  - name: 错拼\n    overrides: {budget.piad: 190}\n    expect: {total: 79.73}\n"
                                "  - name: 有意\n    overrides: {budget.extra: 1}\n"
                                "    expect: {total: 79.73, warnings: [fact budget.extra is not declared by the set]}\n")
    typo, meant = load_cases(path)
    failed = run_case(typo)
    assert not failed.passed
    assert f"{path}:5: override budget.piad is not a fact of the set (did you mean budget.paid?)" in failed.differences[0]
    assert run_case(meant).passed


def test_an_override_giving_a_fact_a_wrong_value_is_said_at_the_overrides_line(tmp_path: Path):
    """`overrides: {budget.paid: abc}` fails the case with the fact's problem at the override's line, to go to in an
    editor, as an override the set lacks is (QA209 5: it was named file::case, with no line; QA214 15: the case's)."""
    path = _case_file(tmp_path, "  - name: 好\n    expect: {total: 79.73}\n"
                                "  - name: 坏值\n    overrides: {budget.paid: abc}\n    expect: {total: 79.73}\n")
    _, wrong = load_cases(path)
    failed = run_case(wrong)
    assert not failed.passed
    assert failed.differences[0].startswith(f"scoring failed: {path}:7: $.facts.budget.paid"), failed.differences


def test_a_wrong_value_in_the_facts_file_is_said_of_that_file_when_the_case_overrides_another_fact(tmp_path: Path):
    """QA217 1: a case overriding budget.paid over a facts file whose budget.total is -5 was told the problem at its own
    line, which gives no budget.total; it is the facts file's, said of it as in a case without overrides."""
    path = _case_file(tmp_path, "  - name: 覆盖别的\n    overrides: {budget.paid: 1}\n    expect: {total: 79.73}\n")
    facts = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    facts["facts"]["budget"]["total"] = -5
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    failed = run_case(load_cases(path)[0])
    assert [p.file for p in failed.problems] == [str(tmp_path / "facts.json")], failed.problems


def test_a_misspelt_override_is_said_at_the_line_of_its_key_however_it_is_written(tmp_path: Path):
    """QA214 15: `budget.arived` on line 10 of a case starting on line 4 was said at line 4, with expect and another
    override between. Each misspelt override is said at its key's line, dotted or nested under its group, and so is a
    misspelt fact of the case's own facts written a line each; a wrong value of an override at the override's line."""
    path = _case_file(tmp_path, "  - name: 拼错\n    expect:\n      scores:\n        process.execution: 10\n"
                                "    overrides:\n      budget.paid: 190\n      budget.arived: 200\n"
                                "  - name: 嵌套\n    overrides:\n      budget:\n        paid: 190\n        arived: 200\n"
                                "    expect: {total: 79.73}\n"
                                "  - name: 坏值\n    expect: {total: 79.73}\n    overrides:\n      budget.paid: abc\n")
    dotted, nested, wrong = load_cases(path)
    assert f"{path}:10: override budget.arived is not a fact of the set" in run_case(dotted).differences[0]
    assert f"{path}:15: override budget.arived is not a fact of the set" in run_case(nested).differences[0]
    assert run_case(wrong).differences[0].startswith(f"scoring failed: {path}:20: $.facts.budget.paid")
    whole = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))["facts"]
    whole["budget"]["piad"] = whole["budget"].pop("paid")
    own = _case_file(tmp_path, "  - name: 自己的事实\n    expect: {total: 79.73}\n    facts:\n"
                               + "".join(f"      {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in whole.items()))
    line = 7 + list(whole).index("budget")
    assert f"{own}:{line}: fact budget.piad in the case's facts" in run_case(load_cases(own)[0]).differences[0]


def test_a_fact_the_set_does_not_declare_in_a_cases_own_facts_fails_the_case(tmp_path: Path):
    """QA181 F1: a misspelt fact in a case's own `facts:` (or its own facts_file) was ignored with a warning and the case
    passed, testing what it did not mean to, while the same slip in overrides failed the case. It fails the case the same
    way, naming the fact's line in its own facts (QA214 15), or the line of its facts_file, and the fact meant, in
    English and in Chinese; a case that expects the warning that the fact is ignored may give it."""
    whole = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))["facts"]
    facts = {**whole, "budget": {**whole["budget"], "extra": 1}}
    whole["budget"]["piad"] = whole["budget"].pop("paid")
    _beside_the_example(tmp_path)
    (tmp_path / "other.json").write_text(json.dumps({"facts": {**whole, "extra": 1}}), encoding="utf-8")
    path = _case_file(tmp_path, f"  - name: 自己的事实\n    facts: {json.dumps(whole)}\n    expect: {{total: 79.73}}\n"
                                "  - name: 自己的事实文件\n    facts_file: other.json\n    expect: {total: 79.73}\n"
                                f"  - name: 有意\n    facts: {json.dumps(facts)}\n"
                                "    expect: {total: 79.73, warnings: [fact budget.extra is not declared by the set]}\n")
    own, own_file, meant = load_cases(path)
    assert (f"scoring failed: {path}:5: fact budget.piad in the case's facts is not a fact of the set (did you mean "
            "budget.paid?)",) == run_case(own).differences
    failed = run_case(own_file).described("zh")
    assert "评分失败：" == failed[0]  # each problem a line of its own after it (QA326 F5)
    assert f"{path}:7: 用例 facts_file 中的事实 budget.piad 不是体系中的事实（是否想写 budget.paid？）" in failed[1]
    assert "用例 facts_file 中的事实 extra 不是体系中的事实" in failed[2], failed
    assert run_case(meant).passed


def test_an_undeclared_judgement_overridden_whole_may_be_expected_ignored(tmp_path: Path):
    """QA277 F3: a case overriding a fact the set does not declare with a judgement ({tier, score, reason}: a fact a
    province's profile removed), and expecting the warning that it is ignored, failed as an override of no fact: its
    parts were looked for among the warnings expected, not the fact. It passes, as a value or the case's own facts do."""
    path = _case_file(tmp_path, "  - name: 删去的档次事实\n    overrides: {budget.eco: {tier: 达成, score: 4, reason: x}}\n"
                                "    expect: {total: 79.73, warnings: [budget.eco]}\n"
                                "  - name: 未预期\n    overrides: {budget.eco: {tier: 达成, score: 4, reason: x}}\n"
                                "    expect: {total: 79.73}\n")
    expected, unexpected = load_cases(path)
    assert run_case(expected).passed, run_case(expected).differences
    assert "override budget.eco is not a fact of the set" in run_case(unexpected).differences[0]


def test_a_difference_below_the_sets_precision_is_shown_exactly(tmp_path: Path):
    """A total of 79.73 against an expected 79.725 is 0.005 off: said so, not rounded to 'difference 0.01'."""
    path = _case_file(tmp_path, "  - name: 精度\n    expect: {total: 79.725}\n")
    [case] = load_cases(path)
    assert ("total expected 79.725, got 79.73 (difference 0.005); scores are printed to 2 decimals, so none is 79.725: "
            "write it to 2 decimals, or give a tolerance",) == run_case(case).differences  # (QA337 7)


def test_case_file_mistakes_are_errors_with_file_and_line(tmp_path: Path):
    """An unknown key in a case is a CaseFileError naming the file, the key's own line and the key meant."""
    path = _case_file(tmp_path, "  - name: 拼错\n    expekt: {total: 1}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert str(path) == err.value.file and 5 == err.value.line
    assert "unknown key 'expekt' in case 1 (did you mean expect?)" in str(err.value)


def test_every_cases_mistakes_come_in_one_run(tmp_path: Path):
    """Three cases with a mistake each (a misspelt key, a misspelt expectation, a missing name): all three are reported
    at once, each at its line, where the editor used to fix them one run at a time."""
    path = _case_file(tmp_path, "  - name: 一\n    overides: {budget.paid: 190}\n    expect: {total: 1}\n"
                                "  - name: 二\n    expect: {scroes: {process.execution: 8}}\n"
                                "  - nam: 三\n    expect: {total: 1}\n"
                                "  - name: 四\n    expect: {total: 79.73}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(5, "unknown key 'overides' in case 1"), (8, "unknown key 'scroes' in the expect of case 2"),
            (9, "unknown key 'nam' in case 3")] == [(p.line, p.message) for p in err.value.problems]


def test_pytest_collects_case_files(pytester: pytest.Pytester):
    """Plain pytest runs each case of a *.cases.yaml file as a test and reports a failing one."""
    _beside_the_example(pytester.path)
    pytester.makefile(
        ".cases.yaml",
        set="indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
            "  - name: 对\n    expect: {total: 79.73}\n  - name: 错\n    expect: {total: 80}\n",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")  # the plugin loads through its entry point
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*total expected 80, got 79.73*"])


def test_pytest_runs_a_files_good_cases_beside_a_case_with_a_slip(pytester: pytest.Pytester):
    """QA45 F7: one misspelt key in one case stopped pytest's whole collection (no case of any file ran). The case with
    the slip is a failing test; the others run."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", set="indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                      "  - {name: 对, expect: {total: 79.73}}\n  - {name: 错拼, expect: {totl: 79.73}}\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*unknown key 'totl'*"])


def test_pytest_gives_each_faulty_case_its_own_item_headed_by_its_line(pytester: pytest.Pytester):
    """QA181 F4: the YAML reader's slips of three cases (a key written twice, .inf, a key 1.1) were one failing item, so
    pytest counted fewer failures than `scoring-engine test`, and each faulty case's failure was headed "test session".
    Each faulty case is its own failing item named after its line, and its failure is headed by that line."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", set="indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                      "  - name: a\n    expect: {total: 1}\n    expect: {total: 2}\n"
                      "  - name: b\n    expect: {total: 1e2}\n"
                      "  - name: c\n    expect: {total: .inf}\n"
                      "  - name: d\n    expect: {scores: {1.1: 3}}\n"
                      "  - name: e\n    expect: {total: 79.73}\n")
    counted = CliRunner().invoke(main, ["test", str(pytester.path / "set.cases.yaml")])
    assert "1 passed, 4 failed" in counted.output, counted.output
    result = pytester.runpytest("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=4)
    result.stdout.fnmatch_lines(["*::line 6 FAILED*", "*::line 8 FAILED*", "*::line 10 FAILED*", "*::line 12 FAILED*"])
    result.stdout.fnmatch_lines(["*_ line 6 _*", "*_ line 8 _*", "*_ line 10 _*", "*_ line 12 _*"])
    assert "test session" not in result.stdout.str().split("FAILURES")[-1]


def test_pytest_names_two_faulty_cases_on_one_flow_style_line_apart(pytester: pytest.Pytester):
    """QA184 F11: two faulty cases written on one line (cases: [{…}, {…}]) were two pytest items both named `line 3`,
    which -k and --deselect cannot tell apart. The second is `line 3 (2)`; both fail, the good case passes."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", set="indicator_set: set.yaml\nfacts_file: facts.json\ncases: [{name: a, expect: "
                      "{totl: 1}}, {name: b, expec: {total: 1}}, {name: c, expect: {total: 79.73}}]\n")
    result = pytester.runpytest("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*::line 3 FAILED*", "*::line 3 (2) FAILED*", "*::c PASSED*"])


def test_pytests_short_summary_junit_and_tb_line_give_a_cases_first_difference_not_its_heading(
        pytester: pytest.Pytester):
    """QA330 F5: a failing case's -ra line, --tb=line and JUnit message were its heading cut at 50 characters, "case
    'wrong total' (/work/qa/qa3...", behind the whole path, before any difference; a refused case's "/work/qa/…". Each
    is now the first difference (a failed scoring's with its problem), its place named from pytest's root folder."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", set="indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                      "  - {name: 错, expect: {total: 80, grade: 优}}\n  - {name: 拼错, expect: {totl: 1}}\n"
                      "  - {name: 缺, overrides: {zzz: 1}, expect: {total: 1}}\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-ra", "--junitxml=j.xml", "-q")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["case '错' (set.cases.yaml:4):", "FAILED set.cases.yaml::line 5 - unknown key 'totl'*",
                                 "FAILED set.cases.yaml::错 - total expected 80, got 79.73*",
                                 "FAILED set.cases.yaml::缺 - scoring failed: override zzz is not a fact*"])
    assert str(pytester.path) not in result.stdout.str()
    junit = (pytester.path / "j.xml").read_text(encoding="utf-8")
    assert 'message="total expected 80, got 79.73 (difference -0.27)"' in junit, junit
    lines = pytester.runpytest("-p", "no:cacheprovider", "--tb=line").stdout
    lines.fnmatch_lines(["set.cases.yaml:5: unknown key 'totl'*",
                         "set.cases.yaml:4: total expected 80, got 79.73 (difference -0.27)"])
    assert "case '错'" not in lines.str()


def test_pytest_speaks_the_language_scoring_engine_test_speaks(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """QA181 F3: pytest reported a case in English whatever SCORING_ENGINE_LANG said, where `scoring-engine test` prints
    等级预期 良，实际 优. It follows the same rule: SCORING_ENGINE_LANG, else a Chinese locale or a Chinese case file."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", set="indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                      "  - name: 错\n    expect: {grade: 优}\n  - {name: 拼错, expect: {totl: 1}}\n")
    monkeypatch.setenv("SCORING_ENGINE_LANG", "zh")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*未知的键 'totl'*", "*用例 '错'（*set.cases.yaml:4）：*", "*等级预期 优，实际 中*"])
    monkeypatch.delenv("SCORING_ENGINE_LANG")
    monkeypatch.setenv("LC_ALL", "C")  # an English locale: the Chinese case file decides
    pytester.runpytest("-p", "no:cacheprovider").stdout.fnmatch_lines(["*等级预期 优，实际 中*"])
    monkeypatch.setenv("SCORING_ENGINE_LANG", "en")
    pytester.runpytest("-p", "no:cacheprovider").stdout.fnmatch_lines(["*grade expected 优, got 中*"])


def test_a_set_that_does_not_load_is_reported_once_not_once_per_case(tmp_path: Path):
    """A cases file whose set has an error: the set's error lines come once, then one line saying how many cases were
    not run (they were repeated for each of 118 cases, joined on one line each); exit 1."""
    path = _case_file(tmp_path, "".join(f"  - name: 用例{i}\n    expect: {{total: 79.73}}\n" for i in range(3)))
    (tmp_path / "set.yaml").write_text((tmp_path / "set.yaml").read_text(encoding="utf-8").replace("weight: 15", "weight: 16", 1),
                                       encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "test", str(path)])
    assert 1 == result.exit_code
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors and len(errors) == len(set(errors)) and f"{path}: 3 cases not run: the set does not load" in result.output
    assert "0 passed, 3 failed" in result.output


def test_a_set_or_facts_file_a_case_file_names_wrongly_is_said_at_its_line_with_the_closest_name(tmp_path: Path):
    """`indicator_set: sett.yaml` and `facts_file: fact.json` name files that are not there: each is one line at the
    case file's line and column, suggesting set.yaml and facts.json (it named neither the file nor the line)."""
    _beside_the_example(tmp_path)
    for first, second, words in (("indicator_set: sett.yaml", "facts_file: facts.json", "did you mean set.yaml?"),
                                 ("indicator_set: set.yaml", "facts_file: fact.json", "did you mean facts.json?")):
        path = tmp_path / "t.cases.yaml"
        path.write_text(f"{first}\n{second}\ncases:\n  - name: 一\n    expect: {{total: 79.73}}\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["--lang", "en", "test", str(path)])
        line = 1 if "sett" in first else 2
        assert 1 == result.exit_code and f"{path}:{line}:" in result.output and words in result.output, result.output


def test_a_profile_extending_a_set_that_does_not_exist_is_said_at_its_extends_line(tmp_path: Path):
    """`extends: self-evaluaton` names the profile's file, line and column, and the bundled id meant."""
    profile = tmp_path / "profile.yaml"
    profile.write_text("# 省级方案\nextends: self-evaluaton\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    assert 1 == result.exit_code
    assert f"{profile}:2:10: $.extends: no indicator set 'self-evaluaton'" in result.output
    assert "did you mean self-evaluation?" in result.output


def test_an_expected_error_or_warning_may_be_written_in_chinese_as_printed(tmp_path: Path):
    """An editor copies the words of the line the tool printed, in Chinese: `error: 除数为零` and `warnings:
    [没有在体系中声明]` hold as their English do; words that appear in neither language still fail the case."""
    path = _case_file(tmp_path, "  - name: 错误\n    overrides: {budget.total: 0, budget.arrived: 0}\n"
                                "    expect: {error: 除数为零}\n"
                                "  - name: 提示\n    overrides: {budget.extra: 1}\n"
                                "    expect: {total: 79.73, warnings: [事实 budget.extra 没有在体系中声明]}\n"
                                "  - name: 不含\n    overrides: {budget.extra: 1}\n"
                                "    expect: {total: 79.73, warnings: [budget.extra 不存在的字样]}\n")
    error, warning, absent = load_cases(path)
    assert run_case(error).passed, run_case(error).differences
    assert run_case(warning).passed, run_case(warning).differences
    assert not run_case(absent).passed


def test_a_negative_tolerance_is_refused_at_its_case(tmp_path: Path):
    """`tolerance: -1` made the case fail with 'difference 0.00': it is refused when the file loads, at its case."""
    path = _case_file(tmp_path, "  - name: 负容差\n    expect: {total: 79.73, tolerance: -1}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert "tolerance must not be negative, got -1" in str(err.value) and 5 == err.value.line


def test_a_value_the_reader_refuses_comes_with_the_other_mistakes(tmp_path: Path):
    """`tolerance: .nan` in one case and a misspelt key in another: both are said in one run, in file order (the .nan
    came alone, the rest only once it was fixed)."""
    path = _case_file(tmp_path, "  - name: 一\n    expect: {total: 79.73, tolerance: .nan}\n"
                                "  - name: 二\n    expekt: {total: 1}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [5, 7] == [p.line for p in err.value.problems]
    assert ".nan" in err.value.problems[0].message and "expekt" in err.value.problems[1].message


def test_a_refused_value_at_the_top_of_a_cases_file_is_said_as_the_reader_says_it(tmp_path: Path):
    """`facts_file: .nan` was reported as 'facts_file must be text …, got nothing' (the reader had read it as nothing):
    the reader's own words are said, at the line."""
    _beside_the_example(tmp_path)
    path = tmp_path / "set.cases.yaml"
    path.write_text("indicator_set: set.yaml\nfacts_file: .nan\ncases:\n  - name: 一\n    expect: {total: 1}\n",
                    encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(2, True)] == [(p.line, ".nan" in p.message) for p in err.value.problems]
    assert "got nothing" not in str(err.value)


def test_a_case_with_a_refused_value_shows_its_other_mistakes_too(tmp_path: Path):
    """A case with `tolerance: .nan` and a misspelt key: both are said in one run; the case is read without the
    refused value, so nothing says 'got nothing' of it."""
    path = _case_file(tmp_path, "  - name: 一\n    expect: {total: 79.73, tolerance: .nan}\n    extra_key: 1\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    messages = [p.message for p in err.value.problems]
    assert 2 == len(messages) and ".nan" in messages[0] and "unknown key 'extra_key'" in messages[1], messages
    assert "got nothing" not in str(err.value)


def test_an_expected_grade_the_set_does_not_have_is_reported_with_the_grade_given(tmp_path: Path):
    """QA36 F12: a case expecting 良好 of a set whose grades are 优/良/中/差 said only that 良好 is no grade (did you mean
    良?), hiding that the project got 中: a case writer following the hint wrote another wrong expectation."""
    path = _case_file(tmp_path, "  - name: 错\n    expect: {grade: 良好}\n")
    [case] = load_cases(path)
    [difference] = run_case(case).differences
    assert difference.startswith("grade 良好 is not a grade of the set (") and difference.endswith("); got 中")


def test_an_expected_score_of_an_indicator_the_profile_removes_says_so(tmp_path: Path):
    """QA38 F3: a case expecting the score of 经济效益, which its profile removes, was offered 生态效益 instead."""
    import json

    (tmp_path / "p.yaml").write_text("extends: national-framework\nid: p\nremove: [output.cost]\n"
                                     "change:\n  output: {rescale: true}\n", encoding="utf-8")
    facts = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
    (tmp_path / "f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "p.cases.yaml").write_text("indicator_set: p.yaml\nfacts_file: f.json\ncases:\n"
                                           "  - name: 成本\n    expect: {scores: {output.cost: 0}}\n", encoding="utf-8")
    [case] = load_cases(tmp_path / "p.cases.yaml")
    assert ["no indicator output.cost in the result (the profile removes it (line 3))"] == list(run_case(case).differences)


def test_a_case_with_a_slip_fails_alone_and_the_files_other_cases_run(tmp_path: Path) -> None:
    """QA44 F9: one misspelt key in one case (expect: {totl: …}) stopped the whole file, its good cases not run, and the
    count said 0 passed, 1 failed for a file of three. The case with the slip fails; the others are run and counted."""
    for name in ("set.yaml", "facts.json"):
        shutil.copy(ROOT / "examples" / "small" / name, tmp_path / name)
    (tmp_path / "s.cases.yaml").write_text(
        "indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
        "  - {name: a, expect: {total: 79.73}}\n  - {name: b, expect: {totl: 79.73}}\n  - {name: c, expect: {grade: 中}}\n",
        encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path / "s.cases.yaml")])
    assert 1 == run.exit_code and "2 passed, 1 failed" in run.output and "unknown key 'totl'" in run.output, run.output
    with pytest.raises(CaseFileError):  # load_cases (Python) refuses the file as a whole; pytest runs the good cases too
        load_cases(tmp_path / "s.cases.yaml")


def test_a_case_expecting_a_slip_of_an_indicator_the_profile_removes_is_told_it_is_removed(tmp_path: Path) -> None:
    """QA43 F6: a case expecting the score of output.cots (a slip of output.cost, which the profile removes) was offered
    another indicator's id; it is told the one it means is removed."""
    (tmp_path / "p.yaml").write_text("extends: national-framework\nid: p\nremove: [output.cost]\n"
                                     "change:\n  output: {rescale: true}\n", encoding="utf-8")
    shutil.copy(ROOT / "indicator_sets" / "national-framework.facts.json", tmp_path / "f.json")
    (tmp_path / "p.cases.yaml").write_text("indicator_set: p.yaml\nfacts_file: f.json\ncases:\n"
                                           "  - {name: a, expect: {scores: {output.cots: 6}}}\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path / "p.cases.yaml")])
    assert "no indicator output.cots in the result (did you mean output.cost? the profile removes it (line 3))" in run.output, \
        run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(tmp_path / "p.cases.yaml")])  # QA45 F10
    assert "（是否想写 output.cost？方案删除了这个指标（第 3 行））" in run.output, run.output


@pytest.mark.parametrize("body", [
    # a revised expectation written below the old one: the reader keeps the first, 10 was never checked
    "  - name: 一\n    expect: {scores: {output.quality: 8, output.quality: 10}}\n",
    # a key that is not text (numbered ids: 1.1) is dropped, leaving the case nothing to check
    "  - name: 一\n    expect: {total: 79.73, scores: {1.1: 99}}\n",
])
def test_a_case_holding_a_slip_the_reader_reads_past_fails_the_run(tmp_path: Path, body: str) -> None:
    """The slip was printed as an error, the case ran without it and passed, and the run exited 0 (QA55 F1): the case
    is not run, and the run fails."""
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(_case_file(tmp_path, body))])
    assert 1 == run.exit_code and "0 passed, 1 failed" in run.output, run.output
    assert "PASS" not in run.output


def test_a_second_cases_block_never_read_fails_the_run(tmp_path: Path) -> None:
    """A second `cases:` block appended at the end was never run, and the run passed on the first block's (QA55 F1)."""
    body = "  - name: 一\n    expect: {total: 79.73}\ncases:\n  - name: 二\n    expect: {total: 10}\n"
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(_case_file(tmp_path, body))])
    assert 1 == run.exit_code and "1 passed, 1 failed" in run.output, run.output


@pytest.mark.parametrize(("expect", "said"), [
    ("{tolerance: 0.5}", "expect holds only tolerance, which checks nothing by itself"),
    ("{scores: {}}", "scores is empty: it checks nothing"),
    ("{error: ''}", "error must be words the error contains; empty, it matches any error"),
    ("{error: budget.total, total: 99}", "a case expecting an error has no total to check"),
])
def test_an_expect_that_checks_nothing_is_refused(tmp_path: Path, expect: str, said: str) -> None:
    """Each of these passed whatever the set scored (QA55 F2): an empty error matches any error, and a total beside an
    expected error is never looked at. Each is refused at its case, as an empty expect is."""
    path = _case_file(tmp_path, f"  - name: 一\n    overrides: {{budget.total: null}}\n    expect: {expect}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [said] == [p.message for p in err.value.problems]


def test_a_slip_in_a_cases_own_not_applicable_is_said_of_the_case_not_the_facts_file(tmp_path: Path) -> None:
    """A misspelt id in a case's not_applicable was blamed on facts.json, which has no not_applicable (QA55 F6)."""
    path = _case_file(tmp_path, "  - name: 不适用拼错\n    not_applicable: {output.qualty: 未抽查}\n    expect: {total: 80}\n")
    outcome = run_case(load_cases(path)[0])
    # at the case's line, to go to in an editor (QA209 5: it was named file::case, with no line)
    assert outcome.problems and all((p.file, p.line) == (str(path), 4) for p in outcome.problems), outcome.problems


def test_expected_flags_are_the_ones_batch_lists_for_a_set_without_explain_when(tmp_path: Path) -> None:
    """For a set without explain_when, batch lists a project graded 中 as 需说明 by the usual rule, and `flags: []` still
    passed (QA55 F8): a case sees the 需说明 flags the bureau sees."""
    path = _case_file(tmp_path, "  - name: 中等项目\n    expect: {flags: []}\n  - name: 中等项目需说明\n"
                                "    expect: {flags: [评价结果为中]}\n")
    outcomes = [run_case(case) for case in load_cases(path)]
    assert not outcomes[0].passed and "评价结果为中，需说明原因" in outcomes[0].differences[0], outcomes[0].differences
    assert outcomes[1].passed, outcomes[1].differences


def test_a_name_that_is_a_number_is_told_to_be_text_and_a_missing_set_is_not_offered_a_case_file(tmp_path: Path) -> None:
    """name: 123 was told it needs a name of its own (as for a name given twice); a misspelt set was offered the case
    file itself as the set meant (QA55 F9)."""
    path = _case_file(tmp_path, "  - name: 123\n    expect: {total: 79.73}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert ["case 1: name must be text, got a number"] == [p.message for p in err.value.problems]
    path.write_text(path.read_text(encoding="utf-8").replace("indicator_set: set.yaml", "indicator_set: sett.cases.yaml"),
                    encoding="utf-8")
    with pytest.raises(Exception) as missing:
        load_cases(path)
    [problem] = missing.value.problems  # type: ignore[attr-defined]
    assert "(did you mean set.yaml?)" == f"({problem.hint})", problem


def test_a_missing_set_named_by_facts_is_offered_the_sets_beside_them_never_a_facts_file(tmp_path: Path) -> None:
    """QA67 F2: facts naming 体系.yaml, missing, were offered `p2.yaml` (a facts file: the very file naming it) where
    set.yaml is the set beside them. Only files that are sets are offered; with none close, the sets there are listed."""
    from scoring_engine import score_many

    shutil.copy(EXAMPLE_SET, tmp_path / "set.yaml")
    (tmp_path / "p2.yaml").write_text("indicator_set: 体系.yaml\nfacts: {}\n", encoding="utf-8")
    (tmp_path / "p3.yaml").write_text("indicator_set: zzzzzz.yaml\nfacts: {}\n", encoding="utf-8")
    hints = [outcome.problems[0].hint for outcome in score_many(None, [tmp_path / "p2.yaml", tmp_path / "p3.yaml"])]
    assert ["did you mean set.yaml?", "sets in that folder: set.yaml"] == hints


def test_a_misspelt_set_is_offered_the_copied_national_set_not_its_facts_nor_the_profile_naming_it(tmp_path: Path) -> None:
    """QA82 F1: beside a copy of national-framework (its `indicators:` past the first 8 KB) and its facts file (whose
    decision.indicators read as a set's key), a misspelt 'nf.yml' was offered the facts file, and a profile's
    `extends: nf.yml` the profile itself, a loop. The copy is offered, from a facts file, a case file and a profile."""
    from scoring_engine import score_many
    from scoring_engine.loader import load_indicator_set

    national = ROOT / "indicator_sets" / "national-framework"
    shutil.copy(national.with_suffix(".yaml"), tmp_path / "nf.yaml")
    shutil.copy(national.with_suffix(".facts.json"), tmp_path / "nf.facts.json")
    document = json.loads((tmp_path / "nf.facts.json").read_text(encoding="utf-8"))
    (tmp_path / "f.json").write_text(json.dumps({**document, "indicator_set": "nf.yml"}), encoding="utf-8")
    (tmp_path / "p.yaml").write_text("extends: nf.yml\nid: p\nname: 方案\nversion: '1'\n", encoding="utf-8")
    (tmp_path / "b.cases.yaml").write_text("indicator_set: nf.yml\nfacts_file: nf.facts.json\ncases:\n  - {name: 基准, expect: {total: 100}}\n", encoding="utf-8")
    [outcome] = score_many(None, [tmp_path / "f.json"])
    assert "did you mean nf.yaml?" == outcome.problems[0].hint
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(tmp_path / "p.yaml")
    assert "did you mean nf.yaml?" == caught.value.problems[0].hint
    with pytest.raises(Exception) as missing:
        load_cases(tmp_path / "b.cases.yaml")
    assert "did you mean nf.yaml?" == missing.value.problems[0].hint  # type: ignore[attr-defined]


def test_a_set_named_by_its_id_or_saved_with_a_byte_order_mark_is_offered(tmp_path: Path) -> None:
    """QA85 F1, F5: facts naming `my-set` (the set's id, its file my-set.yaml beside them) were no longer offered the
    file, which holds `id: my-set` (only a file naming it as its set or base is left out); nor was a set saved by
    Notepad with a byte-order mark before its `id:`."""
    from scoring_engine import score_many

    text = EXAMPLE_SET.read_text(encoding="utf-8")
    (tmp_path / "my-set.yaml").write_text(text.replace("id: example-small", "id: my-set", 1), encoding="utf-8")
    (tmp_path / "bom").mkdir()
    rest = text.replace("id: example-small\n", "", 1)  # its id first, then a header past what is read of each file
    (tmp_path / "bom" / "base-set.yaml").write_text(f"\ufeffid: example-small\n# {'说明' * 3000}\n{rest}", encoding="utf-8")
    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    for folder, named in ((tmp_path, "my-set"), (tmp_path / "bom", "base-sett.yaml")):
        (folder / "f.json").write_text(json.dumps({**document, "indicator_set": named}), encoding="utf-8")
    hints = [o.problems[0].hint for o in score_many(None, [tmp_path / "f.json", tmp_path / "bom" / "f.json"])]
    assert ["did you mean my-set.yaml?", "did you mean base-set.yaml?"] == hints
    # and a form naming the set by its id finds the file by its `id:` behind the mark (QA87 F3)
    from scoring_engine._beside import sets_with_id

    assert [tmp_path / "bom" / "base-set.yaml"] == [path for path, _ in sets_with_id(tmp_path / "bom", "example-small")]


def test_facts_naming_a_set_they_cannot_read_scored_with_it_by_set_are_not_told_to_leave_out_set(tmp_path: Path) -> None:
    """QA67 F7: facts naming ../s/set.yaml (outside their folder, so unreadable from there) scored with --set s/set.yaml
    were told first to leave out --set, which then fails. Only a set that could be read as named is worth that line."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    (tmp_path / "s").mkdir()
    (tmp_path / "f").mkdir()
    shutil.copy(EXAMPLE_SET, tmp_path / "s" / "set.yaml")
    document = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    document["indicator_set"] = "../s/set.yaml"
    document["facts"]["budget"]["paid"] = "186.4万"  # an error, after which the line would come
    (tmp_path / "f" / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "f" / "p.json"), "--set", str(tmp_path / "s" / "set.yaml")])
    assert 1 == run.exit_code and "budget.paid" in run.output and "leave out --set" not in run.output, run.output


def test_a_score_expected_as_a_percentage_is_told_to_be_written_in_points(tmp_path: Path) -> None:
    """QA116 F8: `scores: {decision: 100%}` was told 'write 100% as 1', a case that always fails: scores are points."""
    path = _case_file(tmp_path, "  - name: 得分写成百分数\n    expect: {scores: {decision: 100%}}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    said = [(p.message, p.hint) for p in err.value.problems]
    assert ("score of decision must be a number, got text '100%'",
            "write a plain number, without thousands separators, units or %") in said, said


def test_an_override_of_a_judgement_the_set_does_not_declare_is_said_once_by_its_name(tmp_path: Path):
    """QA116 F5: `overrides: {benefit.lasting: {tier: …, score: …, reason: …}}` (a judgement the set does not declare, or a
    profile removed) was said three times, as made-up facts benefit.lasting.tier, .score and .reason, each offered an
    unrelated fact. It is one fact, by its own name, as `score` says of the same judgement in a facts file."""
    path = _case_file(tmp_path, "  - name: 判断\n    overrides: {benefit.lasting: {tier: 达成, score: 6, reason: 好}}\n"
                                "    expect: {total: 79.73}\n")
    (case,) = load_cases(path)
    failed = run_case(case)
    assert not failed.passed and 1 == len(failed.differences), failed.differences
    assert "override benefit.lasting is not a fact of the set" in failed.differences[0]
    assert "benefit.lasting." not in failed.differences[0]


def test_a_total_written_with_its_unit_and_a_name_given_twice_are_said_with_the_value_and_the_clash(tmp_path: Path) -> None:
    """QA82 F10: `expect: {total: 100分}` said only 'got text', without the value or the fix a set's same slip gets; a
    case name given twice did not say which case already has it."""
    path = _case_file(tmp_path, "  - name: 总分写成文字\n    expect: {total: 100分}\n  - name: 原样\n    expect: {total: 79.73}\n"
                                "  - name: 原样\n    expect: {grade: 中}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    said = [(p.message, p.hint) for p in err.value.problems]
    assert ("total must be a number, got text '100分'",
            "write a plain number, without thousands separators, units or %") in said, said
    assert ("case 3 needs a name of its own: case 2 is named 原样", "give each case a different name") in said, said


def test_a_case_files_facts_that_name_another_set_are_told_a_fix_for_the_case_file_not_a_python_call(tmp_path: Path) -> None:
    """QA119 F3: a case file whose facts file names another set (self-evaluation) than the one it tests was told, under
    `scoring-engine test`, to score them with load_indicator_set('self-evaluation'), a Python call. It is told what to
    change in the case file, in English and in Chinese."""
    shutil.copy(EXAMPLE_SET, tmp_path / "set.yaml")
    shutil.copy(ROOT / "indicator_sets" / "self-evaluation.facts.json", tmp_path / "f.json")
    (tmp_path / "s.cases.yaml").write_text("indicator_set: set.yaml\nfacts_file: f.json\ncases:\n"
                                           "  - {name: a, expect: {total: 100}}\n", encoding="utf-8")
    for lang, fix in (("en", "(give the cases facts written for example-small, or test these facts in a case file of "
                             "self-evaluation)"), ("zh", "（改用为 example-small 写的事实，或在 self-evaluation 的测试用例文件中测试这些事实）")):
        run = CliRunner().invoke(main, ["--lang", lang, "test", str(tmp_path / "s.cases.yaml")])
        assert 1 == run.exit_code and "load_indicator_set" not in run.output, run.output
        assert fix in run.output, run.output


def test_a_name_given_twice_is_said_beside_the_cases_other_mistake_and_beside_a_case_refused_for_a_slip(tmp_path: Path) -> None:
    """QA119 F2: case 2 repeated the name of case 1 (itself refused for a misspelt key) and had an empty expect; only the
    empty expect was said, so the next run failed again on the name. Both are said, at the case's line; each faulty case
    counts as one failure and the good case runs."""
    path = _case_file(tmp_path, "  - {name: a, expekt: {total: 1}}\n  - {name: a, expect: {}}\n"
                                "  - {name: b, expect: {total: 79.73}}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(4, "unknown key 'expekt' in case 1"), (5, "case 2 needs a name of its own: case 1 is named a"),
            (5, "expect is empty: a case must expect something")] == [(p.line, p.message) for p in err.value.problems]
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(path)])
    assert "1 passed, 2 failed" in run.output and 3 == run.stderr.count("error: "), run.output


def test_a_case_expecting_no_warnings_lists_the_warnings_in_chinese_as_score_prints_them(tmp_path: Path) -> None:
    """QA125 F8: under `test --lang zh`, `warnings: []` listed the engine's own warnings in English ('fact budget.extra
    is not declared…'), and an explain_when warning holding ', got' was taken apart by the catalog ('应为no warnings,
    got：…'). Each warning is listed as `score --lang zh` prints it, in Chinese words around it."""
    path = _case_file(tmp_path, "  - name: 多余的事实\n    expect: {warnings: []}\n"
                                "  - name: 含有\n    expect: {warnings: [不存在的字样]}\n")
    facts = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    facts["facts"]["budget"]["extra"] = 1
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    with (tmp_path / "set.yaml").open("a", encoding="utf-8") as set_file:
        set_file.write("explain_when:\n  - {when: \"execution_rate if execution_rate else '否'\", message: 执行率需说明}\n")
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(path)])
    lines = [line for line in run.output.splitlines() if line.startswith("未通过")]
    warnings = "事实 budget.extra 没有在体系中声明，已忽略"
    assert 2 == len(lines) and "多余的事实：预期没有提示，实际有：" in lines[0], run.output
    assert "没有提示含有 '不存在的字样'（提示：" in lines[1], run.output
    for line in lines:
        assert warnings in line and "无法判断是否需说明" in line and "not declared" not in line, line
        assert "got" not in line and "cannot tell" not in line, line


@pytest.mark.parametrize(("expect", "said", "line"), [
    ("{grade: ''}", "grade is empty: it names no grade", 6),
    ("\n      grade: ' '", "grade is empty: it names no grade", 7),
    ("{flags: ['']}", "flags holds an empty text, which every flag contains", 6),
    ("\n      flags:\n        - 执行率\n        - '  '", "flags holds an empty text, which every flag contains", 9),
    ("{warnings: [资金, '']}", "warnings holds an empty text, which every warning contains", 6),
])
def test_an_empty_expected_grade_flag_or_warning_is_refused_at_its_line(tmp_path: Path, expect: str, said: str,
                                                                         line: int) -> None:
    """QA125 F4, F6: `flags: [""]` passed for any project with a flag and `grade: ""` failed with an English message
    under --lang zh, while `error: ""` is refused as matching anything. Each is refused as a faulty case at its line,
    in English and in Chinese."""
    path = _case_file(tmp_path, f"  - name: 空的\n    overrides: {{budget.paid: 100}}\n    expect: {expect}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(said, line)] == [(p.message, p.line) for p in err.value.problems]
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(path)])
    assert 1 == run.exit_code and f"{path}:{line}:" in run.output and " empty" not in run.output, run.output


def test_a_cases_own_facts_file_that_is_missing_or_outside_is_said_at_its_line_with_the_cases_name(tmp_path: Path) -> None:
    """QA125 F5: a case's own `facts_file: nope.json` (or `../x.json`) was reported with no file and no line, where the
    file-level one says `FILE:2:13: …`. It is said at the case's facts_file, with the case's name, and the file's
    other cases run."""
    path = _case_file(tmp_path, "  - name: 原样\n    expect: {total: 79.73}\n"
                                "  - name: 不存在\n    facts_file: nope.json\n    expect: {total: 79.73}\n"
                                "  - name: 在外面\n    facts_file: ../x.json\n    expect: {total: 79.73}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(str(path), 7, 17, "in case 不存在: facts_file 'nope.json': no such file in the folder of the file that names it"),
            (str(path), 10, 17, "in case 在外面: facts_file '../x.json' is not inside the folder of the file that names it")
            ] == [(p.file, p.line, p.column, p.message) for p in err.value.problems]
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(path)])
    assert f"{path}:7:17: 用例 不存在：facts_file 'nope.json'：写它的文件所在的文件夹内没有这个文件" in run.output, run.output
    assert f"{path}:10:17: 用例 在外面：facts_file '../x.json' 不在写它的文件所在的文件夹内" in run.output, run.output
    assert "1 个通过，2 个失败" in run.output, run.output


def test_a_facts_file_that_is_there_but_cannot_be_read_is_said_with_the_case_and_line_that_name_it(tmp_path: Path) -> None:
    """QA128 F5: a case's own facts_file holding bad JSON or an unknown key printed only the facts file's problems, once
    per case naming it, never which case (nor its line). A line at the case's facts_file, `in case NAME: facts_file
    '…' cannot be read:`, comes before the facts file's own problems, which keep their place; from Python too, in order.
    The file-level facts_file is said the same way, at its line."""
    (tmp_path / "bad.json").write_text('{"facts": {"budget": ', encoding="utf-8")
    (tmp_path / "odd.json").write_text('{"facts": {}, "zzz": 2}', encoding="utf-8")
    path = _case_file(tmp_path, "  - name: 原样\n    expect: {total: 79.73}\n"
                                "  - name: 坏\n    facts_file: bad.json\n    expect: {total: 79.73}\n"
                                "  - name: 也坏\n    facts_file: bad.json\n    expect: {total: 79.73}\n"
                                "  - name: 多键\n    facts_file: odd.json\n    expect: {total: 79.73}\n")
    bad, odd = str(tmp_path / "bad.json"), str(tmp_path / "odd.json")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(str(path), 7, "in case 坏: facts_file 'bad.json' cannot be read:"), (bad, 1, None),
            (str(path), 10, "in case 也坏: facts_file 'bad.json' cannot be read:"), (bad, 1, None),
            (str(path), 13, "in case 多键: facts_file 'odd.json' cannot be read:"), (odd, None, None),
            ] == [(p.file, p.line, p.message if p.file == str(path) else None) for p in err.value.problems]
    for lang, head, said in (("en", "error: ", "in case 也坏: facts_file 'bad.json' cannot be read:"),
                             ("zh", "错误：", "用例 也坏：facts_file 'bad.json' 无法读取：")):
        out = CliRunner().invoke(main, ["--lang", lang, "test", str(path)]).output.splitlines()
        assert out[out.index(f"{head}{path}:10:17: {said}") + 1].startswith(f"{head}{bad}:1:"), out
    path.write_text("indicator_set: set.yaml\nfacts_file: bad.json\ncases:\n  - name: 原样\n    expect: {total: 79.73}\n",
                    encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    assert [(str(path), 2, 13, "facts_file 'bad.json' cannot be read:"), (bad, 1, 22, None)] == [
        (p.file, p.line, p.column, p.message if p.file == str(path) else None) for p in err.value.problems]


def test_a_set_or_a_result_named_as_a_cases_facts_file_is_told_the_case_files_fix(tmp_path: Path) -> None:
    """QA184 F11: a case's facts_file naming the set was told 'give it with --set, and the project's facts file as the
    argument', which `test` has not. In a case file the fix is indicator_set: for the set and facts_file: for the facts;
    a result is told to name the facts file it was made from. In English, Chinese and from Python."""
    (tmp_path / "result.json").write_text('{"engine": {"version": "1"}, "total": 90, "indicators": []}', encoding="utf-8")
    path = _case_file(tmp_path, "  - name: d\n    facts_file: set.yaml\n    expect: {total: 1}\n"
                                "  - name: r\n    facts_file: result.json\n    expect: {total: 1}\n")
    with pytest.raises(CaseFileError) as err:
        load_cases(path)
    hints = [p.hint for p in err.value.problems if p.file != str(path)]
    assert ["name the set with indicator_set: at the top of the case file, and the project's facts file with facts_file:",
            "name the facts file it was made from with facts_file:"] == hints
    for lang, said in (("en", "not a facts file (name the set with indicator_set: at the top of the case file, and the "
                              "project's facts file with facts_file:)"),
                       ("zh", "不是事实文件（在测试用例文件开头用 indicator_set: 指明指标体系，用 facts_file: 指明项目的事实文件）")):
        run = CliRunner().invoke(main, ["--lang", lang, "test", str(path)])
        assert 1 == run.exit_code and said in run.output and "--set" not in run.output, run.output


@pytest.mark.parametrize(("given", "said"), [
    (EXAMPLE_SET, "this is an indicator set (it has indicators: or extends:), not a test cases file"),
    (EXAMPLE_FACTS, "this is a facts file (it has facts:), not a test cases file"),
])
def test_a_set_or_a_facts_file_given_to_test_is_named_as_what_it_is_in_one_line(given: Path, said: str, tmp_path: Path) -> None:
    """QA148 F1: `test set.yaml` listed 15 'unknown key … in the case file' lines and told to rename facts: to
    facts_file; a facts file was told the same. Each is one line naming the kind of file, with what to do, in Chinese
    too."""
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(given)])
    lines = [line for line in run.stderr.splitlines() if line.startswith("error")]
    assert 1 == run.exit_code and 1 == len(lines) and said in lines[0], run.output
    assert "facts_file?" not in run.output
    with pytest.raises(CaseFileError) as caught:
        load_cases(given)
    assert "不是测试用例文件" in caught.value.problems[0].text("zh")
    if given == EXAMPLE_SET:  # a set holding a cases: key of its own is a set all the same (QA149 F1)
        with_cases = tmp_path / "set.yaml"
        with_cases.write_text(given.read_text(encoding="utf-8") + "\ncases: []\n", encoding="utf-8")
        with pytest.raises(CaseFileError) as caught:
            load_cases(with_cases)
        assert said == caught.value.problems[0].message


def test_pytest_shows_a_case_file_it_cannot_use_by_its_problem_lines_not_the_plugins_traceback(pytester: pytest.Pytester):
    """QA317 12: a case file with no cases (or a set that does not load) was a collection error shown as the plugin's
    own traceback (pytest_plugin.py:38: in collect, raise CaseFailure(…), E   scoring_engine.pytest_plugin.CaseFailure:
    …). It shows the problem lines alone, as a failing case does; the session stops on it as on any collection error."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", broken="indicator_set: nope.yaml\ncases: []\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*broken.cases.yaml:1: a case file needs indicator_set and a non-empty list of cases*"])
    assert "pytest_plugin.py" not in result.stdout.str() and "CaseFailure" not in result.stdout.str()


def test_pytests_short_summary_gives_the_first_problem_of_a_case_file_it_cannot_use(pytester: pytest.Pytester):
    """QA321 F4: once the plugin showed a case file's problem lines instead of its traceback, the short summary that a
    CI log is read by said only 'ERROR broken.cases.yaml', without the reason; it gives the first problem line."""
    _beside_the_example(pytester.path)
    pytester.makefile(".cases.yaml", broken="indicator_set: nope.yaml\ncases: []\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-rE")  # (QA322 F6: within 80 columns, not behind the path)
    result.stdout.fnmatch_lines(["ERROR broken.cases.yaml - a case file needs indicator_set*"])


def test_two_undeclared_overrides_expecting_one_shared_text_are_told_to_expect_a_text_naming_each(tmp_path: Path) -> None:
    """QA341 7: overrides of two facts the set does not declare, expecting 没有在体系中声明，已忽略 twice, were told to
    write the warning among the expected ones, which the case had done; a text both warnings hold names neither. Each
    is told to expect a warning naming it; one such override alone passes with that text."""
    path = _case_file(tmp_path, "  - name: 两个\n    overrides: {stray_one: 1, stray_two: 2}\n"
                                "    expect: {warnings: [没有在体系中声明，已忽略, 没有在体系中声明，已忽略]}\n"
                                "  - name: 一个\n    overrides: {stray_one: 1}\n    expect: {warnings: [没有在体系中声明，已忽略]}\n")
    run = CliRunner().invoke(main, ["--lang", "zh", "test", str(path)])
    assert 1 == run.exit_code and "1 个通过，1 个失败" in run.output, run.output
    for name in ("stray_one", "stray_two"):
        assert (f"覆盖项 {name} 不是体系中的事实（期望的提示文字是几个事实共有的：请在 expect 的 warnings 中为每个这样的事实"
                f"各写一条点名它的提示，如“事实 {name} 没有在体系中声明，已忽略”）") in run.output, run.output
    assert "写出这条提示" not in run.output
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(path)])
    assert ("expect for each of them a warning naming it, fact stray_two is not declared by the set and is ignored"
            in run.output), run.output


def test_a_case_file_named_by_a_link_and_by_itself_runs_once(tmp_path: Path) -> None:
    """QA341 8: `test link.cases.yaml set.cases.yaml`, the link pointing at the file, ran its cases twice (2 passed for
    one case); the file is the same, by its real path, and runs once."""
    path = _case_file(tmp_path, "  - {name: a, expect: {total: 79.73}}\n")
    link = tmp_path / "link.cases.yaml"
    try:
        link.symlink_to(path.name)
    except OSError:
        pytest.skip("symbolic links are not available here")
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(link), str(path)])
    assert 0 == run.exit_code and "1 passed, 0 failed" in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path)])
    assert 0 == run.exit_code and "1 passed, 0 failed" in run.output, run.output
