"""The command line as a user meets it: exit codes, one line per problem, no tracebacks, atomic output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine.cli import main

RESULT_SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_score_prints_the_breakdown_total_and_grade():
    """`score` on the example shows every indicator, the total and the grade, and exits 0."""
    code, out, _ = run("score", str(EXAMPLE_FACTS))
    assert 0 == code
    assert "预算执行率 (process.execution)" in out
    assert "总分 79.73 / 100    等级 中" in out
    assert "中央与地方资金之和不等于预算资金" in out  # the failed cross-check


def test_score_table_aligns_chinese_text():
    """Scores line up in one column whatever the width of the Chinese names before them."""
    import re

    from scoring_engine.render import display_width

    _, out, _ = run("score", str(EXAMPLE_FACTS))
    rows = [line for line in out.splitlines() if re.search(r"\((decision|process|output|benefit)", line)]
    ends = {display_width(line[: re.search(r" (\d+\.\d\d)  ", line).end(1)]) for line in rows}
    assert 18 == len(rows)
    assert 1 == len(ends), ends


def test_score_json_validates_against_the_result_schema():
    """`--format json` writes a document that the published result schema accepts."""
    code, out, _ = run("score", str(EXAMPLE_FACTS), "--format", "json")
    assert 0 == code
    document = json.loads(out)
    jsonschema.Draft202012Validator(RESULT_SCHEMA).validate(document)
    assert "79.73" == str(json.loads(out, parse_float=str)["total"])


def test_score_json_is_byte_identical_across_runs():
    """The same set and facts give the same bytes every time."""
    first = run("score", str(EXAMPLE_FACTS), "--format", "json")[1]
    second = run("score", str(EXAMPLE_FACTS), "--format", "json")[1]
    assert first == second


def test_explicit_set_overrides_the_one_named_in_the_facts(tmp_path: Path):
    """--set wins over the facts file's indicator_set."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "does-not-exist"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("score", str(path), "--set", str(EXAMPLE_SET))
    assert 0 == code
    assert "等级 中" in out


def test_unknown_set_named_in_facts_is_one_error_line(tmp_path: Path):
    """A facts file naming a set that does not exist gives one readable line and exit 1."""
    path = tmp_path / "facts.json"
    path.write_text('{"indicator_set": "nope", "facts": {}}', encoding="utf-8")
    code, out, err = run("score", str(path))
    assert 1 == code
    assert "no indicator set 'nope'" in err
    assert "Traceback" not in err + out


def test_no_set_at_all_is_a_usage_error(tmp_path: Path):
    """Without --set and without indicator_set in the facts, the command line is wrong: exit 2."""
    path = tmp_path / "facts.json"
    path.write_text('{"facts": {}}', encoding="utf-8")
    code, _, err = run("score", str(path))
    assert 2 == code
    assert "--set" in err


def test_bad_facts_give_one_line_per_problem_and_exit_1(tmp_path: Path):
    """Every problem in the facts is its own line naming the fact; nothing is scored."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    shutil.copy(EXAMPLE_SET, tmp_path / "set.yaml")  # the set the facts name, beside them
    facts["facts"]["budget"]["total"] = "1,182.33"
    facts["facts"]["output"]["quality_rate"] = 96.5
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("score", str(path))
    assert 1 == code
    lines = err.strip().splitlines()
    assert 2 == len(lines)
    assert "budget.total" in lines[0] and "'1,182.33'" in lines[0]
    assert "output.quality_rate" in lines[1] and "write 0.86, not 86" in lines[1]
    assert "" == out


def test_validate_reports_every_problem_with_file_and_line(tmp_path: Path):
    """`validate` lists all mistakes of a set, each as file:line:column, and exits 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: bad\nname: 坏\nversion: '1'\n"
        "facts:\n  a: {type: number}\n  a: {type: number}\n"
        "grades:\n  - {label: 优, min: 90}\n  - {label: 差, min: 90}\n"
        "indicators:\n"
        "  - {id: x, name: X, weight: 60, rule: {kind: formula, score: b + 1}}\n"
        "  - {id: y, name: Y, weight: 30, rule: {kind: formula, score: 'a.__class__'}}\n",
        encoding="utf-8",
    )
    code, _, err = run("validate", str(bad))
    assert 1 == code
    lines = err.strip().splitlines()
    assert any(f"{bad}:6:3:" in line and "duplicate key 'a'" in line for line in lines)
    assert any(f"{bad}:9:" in line and "starts at 90, as grade 优 does" in line for line in lines)
    assert any(f"{bad}:10:1:" in line and "add up to 90" in line for line in lines)
    assert any(f"{bad}:11:" in line and "unknown name b" in line for line in lines)
    assert any(f"{bad}:12:" in line and "attribute access" in line for line in lines)
    assert all(line.startswith("error: ") for line in lines)


def test_validate_refuses_text_ordered_with_less_than_naming_line_indicator_and_fix(tmp_path: Path):
    """`project.kind < '续建'` of a text fact passed validate and failed every project when scored; validate now refuses
    it in Chinese, on the rule's line, naming the indicator, the formula and the fix (QA191 F3)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: t\nname: t\nversion: '1'\nfacts:\n  project.kind: {type: string, values: [新建, 续建]}\n"
        "grades:\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}\n"
        "indicators:\n  - {id: x, name: X, weight: 100, rule: {kind: formula, score: \"100 if project.kind < '续建' else 0\"}}\n",
        encoding="utf-8")
    code, _, err = run("--lang", "zh", "validate", str(bad))
    assert (1, [f"错误：{bad}:10:64: 指标 x：文字（project.kind、'续建'）不能用 < 比较大小：文字只能用 == 和 != 比较（公式 "
                "`100 if project.kind < '续建' else 0`）（文字用 == 或 != 比较（project.kind == '续建'）；要比较大小，"
                "请读取数字类（type: number）事实）"]) == (code, err.strip().splitlines())


def test_validate_says_a_mistake_made_twice_in_a_formula_once(tmp_path: Path):
    """`10**10**10` and `s + s` of a text fact printed the same error line twice, one for each ** or operand; validate now
    prints each distinct problem once (QA191 F5)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: t\nname: t\nversion: '1'\nfacts:\n  s: {type: string}\n"
        "grades:\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}\nindicators:\n"
        "  - {id: x, name: X, weight: 50, rule: {kind: formula, score: 10**10**10}}\n"
        "  - {id: y, name: Y, weight: 50, rule: {kind: formula, score: s + s}}\n", encoding="utf-8")
    code, _, err = run("--lang", "en", "validate", str(bad))
    lines = err.strip().splitlines()
    assert (1, 2) == (code, len(lines)), lines
    assert f"{bad}:10:63: indicator x: operator ** is not allowed" in lines[0]
    assert f"{bad}:11:63: indicator y: cannot compute with text (s)" in lines[1]


def test_validate_ok_set_exits_0():
    """A valid set validates with a one-line summary."""
    code, out, _ = run("validate", str(EXAMPLE_SET))
    assert 0 == code
    assert "ok" in out and "example-small" in out


def test_output_file_is_written_whole(tmp_path: Path):
    """--output writes the full report and leaves no temporary file behind."""
    target = tmp_path / "report.json"
    code, _, err = run("score", str(EXAMPLE_FACTS), "--format", "json", "--output", str(target))
    assert 0 == code
    assert json.loads(target.read_text(encoding="utf-8"))["grade"] == "中"
    assert ["report.json"] == [p.name for p in tmp_path.iterdir()]
    assert "warning:" in err  # warnings still reach the user when the report goes to a file


def test_failed_scoring_never_touches_an_existing_report(tmp_path: Path):
    """When scoring fails, a report already at the output path stays as it was."""
    target = tmp_path / "report.json"
    target.write_text("previous good report", encoding="utf-8")
    bad = tmp_path / "facts.json"
    bad.write_text('{"indicator_set": "self-evaluation", "facts": {}}', encoding="utf-8")
    code, _, _ = run("score", str(bad), "--output", str(target))
    assert 1 == code
    assert "previous good report" == target.read_text(encoding="utf-8")
    assert ["facts.json", "report.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_missing_facts_file_is_one_error_line():
    """A path that does not exist is an error line, not a traceback."""
    code, _, err = run("score", "no/such/facts.json")
    assert 1 == code
    assert "no/such/facts.json: no such file" in err


@pytest.mark.parametrize("module", ["scoring_engine", "scoring_engine.cli"])
def test_python_dash_m_runs_the_cli(module: str):
    """`python -m scoring_engine` is the same command, and so is the module a script may name, scoring_engine.cli, which
    printed nothing and exited 0 (QA260)."""
    done = subprocess.run([sys.executable, "-m", module, "score", str(EXAMPLE_FACTS)],
                          capture_output=True, text=True, encoding="utf-8", cwd="/", check=False)
    assert 0 == done.returncode, done.stderr
    assert "等级 中" in done.stdout


def test_sets_lists_bundled_sets():
    """`sets` lists the bundled indicator sets (or says there are none) and exits 0."""
    code, out, _ = run("sets")
    assert 0 == code
    assert out.strip()


def test_sets_prints_one_bundled_set_to_copy(tmp_path: Path):
    """`sets ID` prints the bundled set's YAML as installed, so it can be copied and adapted anywhere."""
    from scoring_engine import bundled_sets

    for set_id, path in bundled_sets().items():
        code, out, _ = run("sets", set_id)
        assert 0 == code
        assert path.read_text(encoding="utf-8") == out
    code, _, err = run("sets", "no-such-set")
    assert 1 == code and "no bundled set 'no-such-set'" in err


def test_sets_prints_only_bundled_sets_never_a_file_named_instead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """QA119 F4: `sets ID` printed any file given as ID (/etc/hostname, a facts file) as if it were a set, exit 0, where
    `sets ID --copy` refused it. `sets` is for the bundled sets: any other name is refused as --copy refuses it (exit 1,
    with the bundled ids), and a file in the working folder named as a bundled id does not stand in for that set."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "national-framework").write_text("not a set", encoding="utf-8")
    for name in (str(EXAMPLE_FACTS), str(EXAMPLE_SET), str(tmp_path)):
        for args in (("sets", name), ("sets", name, "--copy", str(tmp_path / "copy"))):
            code, out, err = run("--lang", "en", *args)
            assert (1, "") == (code, out) and f"error: no bundled set '{name}' (bundled sets: " in err, err
    code, out, _ = run("sets", "national-framework")
    assert 0 == code and out.startswith("# yaml-language-server") and "not a set" not in out


@pytest.mark.parametrize("args", [["batch", ""], ["score", ""], ["batch", "x.jsonl", "--compare-with", ""], ["score", "x", "-o", ""]])
def test_an_empty_argument_is_a_usage_error_not_the_working_folder(args: list[str], tmp_path, monkeypatch) -> None:
    """`batch "$DIR"` with DIR unset scored everything below the working folder and exited 0; an empty argument is now a
    usage error (exit 2) that says so, under the command's usage line (QA91 F12: it was the group's), and nothing is
    read or written."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", *args], prog_name="scoring-engine")
    option = args[-2] if args[-2].startswith("-") else None
    assert 2 == run.exit_code and (f"the value of {option} is empty" if option else "an argument is empty") in run.output
    assert run.output.startswith(f"Usage: scoring-engine {args[0]} [OPTIONS]"), run.output
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize(("command", "path", "words"), [
    ("score", ROOT / "examples" / "small" / "set.yaml", "this is an indicator set (it has indicators: or extends:), not a facts file"),
    ("score", ROOT / "examples" / "small" / "set.cases.yaml", "this is a test cases file (it has cases:), not a facts file"),
    ("validate", ROOT / "examples" / "small" / "set.cases.yaml", "this is a test cases file (it has cases:), not an indicator set"),
    ("validate", ROOT / "examples" / "small" / "facts.json", "this is a facts file (it has facts:), not an indicator set"),
])
def test_a_file_of_the_wrong_kind_is_named_as_what_it_is_in_one_line(command: str, path: Path, words: str) -> None:
    """A set given to score, or cases or facts to validate, is one line saying what the file is and which command takes
    it, where it was 7–8 lines of unknown keys with did-you-means such as 'cases → caps'."""
    run = CliRunner().invoke(main, ["--lang", "en", command, str(path)])
    lines = [line for line in run.output.splitlines() if line.startswith("error")]
    assert 1 == run.exit_code and 1 == len(lines) and words in lines[0], run.output


def test_a_result_is_never_offered_as_a_set_and_given_as_one_is_named_as_a_result(tmp_path: Path) -> None:
    """QA179 F3: a result written by `score --format json -o result.json` beside facts naming a missing set was offered
    as 'the indicator set in that folder', and `--set result.json` or `validate result.json` printed 101 lines of keys
    unknown to a set. It is offered as nothing, and given as a set it is one line saying it is a result."""
    (tmp_path / "facts.json").write_text(EXAMPLE_FACTS.read_text(encoding="utf-8"), encoding="utf-8")  # names set.yaml
    result = tmp_path / "result.json"
    assert 0 == CliRunner().invoke(main, ["score", str(EXAMPLE_FACTS), "--format", "json", "-o", str(result)]).exit_code
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "facts.json")])
    assert 1 == run.exit_code and "result.json" not in run.output, run.output
    said = ("this is a result written by scoring-engine score (it has engine: and total:), not an indicator set (give "
            "the set it was scored by, example-small)")
    for args in (["validate", str(result)], ["score", str(EXAMPLE_FACTS), "--set", str(result)]):
        run = CliRunner().invoke(main, ["--lang", "en", *args])
        lines = run.stderr.splitlines()
        assert 1 == run.exit_code and [f"error: {result}:1:1: {said}"] == lines, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(result)])
    assert "这是 scoring-engine score 写出的评分结果（有 engine: 和 total:），不是指标体系（请给出评出它的指标体系 " \
           "example-small）" in run.stderr


def test_a_jsonl_file_given_to_score_or_diff_says_to_use_batch(tmp_path: Path) -> None:
    """`score p.jsonl` and `diff A B --facts p.jsonl` said 'JSON syntax: Extra data' at line 2: one line now says a JSONL
    file holds a document a line, and that batch scores them."""
    lines = tmp_path / "p.jsonl"
    lines.write_text(EXAMPLE_FACTS.read_text(encoding="utf-8").replace("\n", " ") + "\n" * 2, encoding="utf-8")
    for args in (["score", str(lines)], ["diff", str(EXAMPLE_SET), str(EXAMPLE_SET), "--facts", str(lines)]):
        run = CliRunner().invoke(main, ["--lang", "en", *args])
        assert 1 == run.exit_code and "a JSONL file holds one facts document a line" in run.output, run.output
        assert "scoring-engine batch" in run.output and "Extra data" not in run.output


@pytest.mark.parametrize(("value", "said"), [("ZH", "通过"), ("zh_CN.UTF-8", "通过"), ("en_US.UTF-8", "ok")])
def test_the_language_variable_may_be_written_as_a_locale_is(value: str, said: str):
    """SCORING_ENGINE_LANG=zh_CN.UTF-8 (copied from LANG) or ZH speaks Chinese, en_US English; before, every command failed
    with a message about --lang, which the user never typed."""
    run = CliRunner().invoke(main, ["validate", "national-framework"], env={"SCORING_ENGINE_LANG": value})
    assert 0 == run.exit_code and said in run.output


def test_a_language_variable_that_names_no_language_is_named_as_the_variable():
    """The set named is Chinese, so the line is too."""
    run = CliRunner().invoke(main, ["validate", "national-framework"], env={"SCORING_ENGINE_LANG": "fr"})
    assert 2 == run.exit_code and "错误：SCORING_ENGINE_LANG='fr'：应为 en 或 zh（或删除这个环境变量）" == run.output.splitlines()[-1]


def test_a_result_given_as_facts_is_named_as_a_result(tmp_path: Path):
    """`score result.json` (the JSON a score wrote) was told it is an indicator set, to give with --set."""
    result = tmp_path / "result.json"
    assert 0 == CliRunner().invoke(main, ["score", str(EXAMPLE_FACTS), "-o", str(result)]).exit_code
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(result)])
    assert 1 == run.exit_code
    assert "this is a result written by scoring-engine score (it has engine: and total:), not a facts file (score the " \
           "facts file it was made from)" in run.output


def test_an_error_is_in_english_when_standard_error_cannot_hold_chinese(tmp_path: Path):
    """PYTHONIOENCODING=latin-1: a Chinese line would print as \\u9519\\u8bef…; without --lang the run speaks English."""
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LANG": "zh_CN.UTF-8"}
    env.pop("SCORING_ENGINE_LANG", None)
    done = subprocess.run([sys.executable, "-m", "scoring_engine", "score", str(EXAMPLE_FACTS), "--set", "没有"],
                          check=False, capture_output=True, env=env, timeout=60)
    assert 1 == done.returncode and done.stderr.startswith(b"error: no indicator set")


def test_ctrl_c_while_the_commands_are_still_loading_stops_without_a_traceback(monkeypatch, capsys):
    """QA43 F11: Ctrl-C in the first few tenths of a second (Python importing click, PyYAML and the commands) printed
    Python's traceback. The entry point stops quietly, with the exit code the command gives for an interrupt."""
    import sys
    import types

    from scoring_engine import _entry

    class Loading(types.ModuleType):
        def __getattr__(self, name):
            raise KeyboardInterrupt  # as if Ctrl-C came while the module was being imported

    monkeypatch.setitem(sys.modules, "scoring_engine.cli", Loading("scoring_engine.cli"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    for argv, code in ((["scoring-engine", "score", "f.json"], 1), (["scoring-engine", "batch", "in"], 130)):
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as stopped:
            _entry.main()
        assert code == stopped.value.code and "interrupted" in capsys.readouterr().err


_INTERRUPTS_THE_PACKAGE = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal, even when the tests run in the background
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "scoring_engine.render":  # Ctrl-C as the package loads, before the entry point can catch it
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
"""


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_ctrl_c_while_the_package_itself_loads_stops_the_command_quietly_and_reaches_a_program(tmp_path: Path) -> None:
    """QA163 F7: Ctrl-C in the first tenth of a second, while Python loads the package before the entry point (its
    __init__ imports render), printed Python's traceback. The command (its script, or python -m scoring_engine) says
    'interrupted' on one line and exits as when stopped later (130 for batch, 1 for the others); a program that
    imports the package gets its KeyboardInterrupt, as from any import."""
    (tmp_path / "sitecustomize.py").write_text(_INTERRUPTS_THE_PACKAGE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]), "LANG": "C.UTF-8", "LC_ALL": ""}
    script = "import sys\nsys.argv = ['/usr/bin/scoring-engine', *sys.argv[1:]]\nfrom scoring_engine._entry import main\nmain()"
    for command, code in (([sys.executable, "-c", script, "batch", "in"], 130),
                          ([sys.executable, "-c", script, "score", "f"], 1),
                          ([sys.executable, "-m", "scoring_engine", "batch", "in"], 130)):
        run = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
        said = run.stderr.decode()
        assert (code, "\ninterrupted\n") == (run.returncode, said), said
    program = "try:\n    import scoring_engine\nexcept KeyboardInterrupt:\n    print('the program has it')\n"
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert (0, b"the program has it\n") == (run.returncode, run.stdout), run.stderr


def test_a_wrong_kind_of_file_is_told_a_fix_that_can_be_followed(tmp_path: Path) -> None:
    """QA148 F4: `import facts.json` was told to save the form as Excel, as if a damaged workbook, and a form piped into
    `score -` was told to rename standard input. A facts file given to import is named as text, scored with score; a
    form on standard input is to be given by its path."""
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(EXAMPLE_FACTS)])  # named a facts file (QA181 F2)
    assert 1 == run.exit_code and "this is a facts file (it has facts:), not a filled 自评表 workbook" in run.stderr, run.output
    assert "scoring-engine score" in run.stderr and "save the form as Excel" not in run.stderr
    form = tmp_path / "blank.xlsx"
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "-o", str(form)]).exit_code
    for command in (["score", "-"], ["explain", "-", "-i", "1"]):  # the fix fits every command, not score's alone
        run = CliRunner().invoke(main, ["--lang", "en", *command], input=form.read_bytes())
        assert 1 == run.exit_code and "give the form by its path in place of -" in run.stderr, run.output
        assert "rename it" not in run.stderr and "score FORM.xlsx" not in run.stderr, run.output


@pytest.mark.parametrize(("given", "said", "fix"), [
    ("indicator_sets/self-evaluation.yaml", "这是指标体系（有 indicators: 或 extends:），不是填好的自评表工作簿（.xlsx）", "用 --set 给出"),
    ("indicator_sets/hubei-self-evaluation.yaml", "这是指标体系（有 indicators: 或 extends:），不是填好的自评表工作簿（.xlsx）",
     "用 --set 给出"),
    ("indicator_sets/self-evaluation.cases.yaml", "这是测试用例文件（有 cases:），不是填好的自评表工作簿（.xlsx）",
     "用 scoring-engine test 运行它"),
    ("examples/small/facts.json", "这是事实文件（有 facts:），不是填好的自评表工作簿（.xlsx）", "事实文件无需导入"),
    ("result.json", "这是 scoring-engine score 写出的评分结果（有 engine: 和 total:），不是填好的自评表工作簿", "评分结果无需导入"),
    ("list.json", "这是文本文件（JSON 或 YAML），不是 .xlsx 工作簿", "scoring-engine score"),
])
def test_import_of_a_set_a_case_file_facts_or_a_result_says_what_it_is(tmp_path: Path, given: str, said: str, fix: str):
    """QA181 F2: `import` of a set, a profile or a case file (YAML text) said it was not a zip archive and to save it as
    an Excel workbook, a fix that cannot work for text; a set with its indicators far down was called a text file, and
    told what to do with a facts file. Each is named as `score` names it, with the fix that fits import."""
    (tmp_path / "result.json").write_text('{"engine": {"version": "1"}, "total": 90, "indicators": []}', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    path = tmp_path / given if given.endswith(("result.json", "list.json")) else ROOT / given
    run = CliRunner().invoke(main, ["--lang", "zh", "import", str(path)])
    assert 1 == run.exit_code and said in run.stderr and fix in run.stderr, run.output
    assert "zip" not in run.stderr and "把表格另存为" not in run.stderr, run.output


@pytest.mark.parametrize(("given", "fix"), [
    (EXAMPLE_FACTS, "把文件名改为以 .json（或 .yaml）结尾"),
    (EXAMPLE_SET, "用 --set 给出它"),
    (EXAMPLE_SET.with_name("set.cases.yaml"), "用 scoring-engine test 运行它"),
])
def test_a_facts_set_or_cases_file_named_xlsx_is_told_the_fix_of_the_command_that_read_it(
        tmp_path: Path, given: Path, fix: str) -> None:
    """QA189 F2: `score facts.xlsx` (a facts file named as a workbook) was told 'a facts file needs no import: score it
    with scoring-engine score', the command it ran, and a set or a case file 'import reads a filled 自评表'. score, batch
    and explain are told to rename a facts file to .json, a set to give it with --set, a case file to run it with test;
    import keeps its own fix."""
    named = tmp_path / "given.xlsx"
    named.write_bytes(given.read_bytes())
    for command in (["score"], ["batch", "--quiet"], ["explain", "-i", "1"]):
        run = CliRunner().invoke(main, ["--lang", "zh", *command, str(named), "--set", str(EXAMPLE_SET)])
        assert run.exit_code != 0 and fix in run.stderr, (command, run.output)
        assert "import" not in run.stderr and "无需导入" not in run.stderr, (command, run.output)
    run = CliRunner().invoke(main, ["--lang", "zh", "import", str(named), "--set", str(EXAMPLE_SET)])
    kept = "事实文件无需导入" if given == EXAMPLE_FACTS else "import 读取另存为 Excel 工作簿（.xlsx）的填好的自评表"
    assert 1 == run.exit_code and kept in run.stderr and "把文件名改为" not in run.stderr, run.output


@pytest.mark.parametrize("name", ["other.yaml", "other.yml", "other.txt", "other.xlsx"])
def test_import_of_any_text_file_says_it_is_text_not_a_damaged_workbook(tmp_path: Path, name: str) -> None:
    """QA184 F7: `import other.yaml` holding `foo: 1` (keys of no document of ours) was 'not an .xlsx workbook (it is
    not a zip archive)', to be saved as an Excel workbook, where the same content as JSON was named a text file. Any
    UTF-8 text is named a text file, whatever its keys; an empty file or a binary one is still not a zip archive."""
    (tmp_path / name).write_text("foo: 1\nbar: [1,2]\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "import", str(tmp_path / name), "--set", str(EXAMPLE_SET)])
    assert 1 == run.exit_code and "这是文本文件（JSON 或 YAML），不是 .xlsx 工作簿" in run.stderr, run.output
    assert "zip" not in run.stderr and "把表格另存为" not in run.stderr, run.output
    for data in (b"", b"PK\x00\x01\xff\xfe"):
        (tmp_path / "odd.xlsx").write_bytes(data)
        run = CliRunner().invoke(main, ["--lang", "zh", "import", str(tmp_path / "odd.xlsx"), "--set", str(EXAMPLE_SET)])
        assert 1 == run.exit_code and "不是 zip 压缩包" in run.stderr, run.output


@pytest.mark.parametrize("command", [["score"], ["import"], ["explain", "-i", "1"], ["score", "--set", "self-evaluation"]])
def test_a_batch_summary_workbook_given_for_one_project_is_named_a_summary(tmp_path: Path, command: list[str]) -> None:
    """QA148 F3: the 汇总 workbook batch wrote, given to score, import or explain, was read as a form and refused for
    having no 表外事实 sheet (with --set: twice 'no 绩效指标 header' of its 汇总 sheet). One line says what it is."""
    summary = tmp_path / "汇总.xlsx"
    run = CliRunner().invoke(main, ["batch", str(EXAMPLE_FACTS), "-o", str(summary), "--quiet"])
    assert 0 == run.exit_code, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", command[0], str(summary), *command[1:]])
    assert 1 == run.exit_code, run.output
    assert run.stderr.splitlines() == [f"错误：{summary}: 这是 scoring-engine batch 写出的汇总，不是事实文件（请给出一个项目的"
                                       "事实文件或填好的自评表：这个工作簿列出的是一批项目的评分结果）"]


def test_batch_of_facts_naming_no_set_tells_the_command_line_set_and_a_program_score_many(tmp_path: Path) -> None:
    """QA184 F8: `batch ns` of facts naming no indicator_set told the user of the command line to pass indicator_set to
    score_many, a Python call. The command line is told --set alone, in English and Chinese; a program calling
    score_many is told its indicator_set argument."""
    from scoring_engine import score_many

    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts.pop("indicator_set", None)
    (tmp_path / "a.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    for lang, said in (("en", 'no indicator set: give one with --set, or name one in the facts as "indicator_set"\n'),
                       ("zh", '没有指标体系：请指定一个（用 --set），或在事实中写 "indicator_set"\n')):
        run = CliRunner().invoke(main, ["--lang", lang, "batch", str(tmp_path), "--quiet"])
        assert 1 == run.exit_code and f"a.json: {said}" in run.stderr, run.output
        assert "score_many" not in run.output
    [outcome] = score_many(None, [tmp_path / "a.json"])
    assert "; in Python, pass indicator_set to score_many" in str(outcome.problems[0]), outcome.problems
    assert "在 Python 中用 score_many 的 indicator_set 参数给出" in outcome.problems[0].text("zh")


def test_a_set_named_outside_the_facts_folder_is_told_the_command_line_fix_only(tmp_path: Path) -> None:
    """QA155 F6: score, explain and batch of facts naming `../set.yaml` told the user of the command line what to pass
    score_many too (…score_many 用 indicator_set 参数). They are told --set alone, as before; score_many's callers are
    told its indicator_set argument (tests/test_api_misuse.py)."""
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLE_SET, tmp_path / "set.yaml")
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8")) | {"indicator_set": "../set.yaml"}
    (tmp_path / "sub" / "f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    hint = "（请写该文件夹内的路径或内置指标体系的编号；其他位置的指标体系可在命令行用 --set 指定）"
    for command in (["score", "f.json"], ["explain", "f.json", "-i", "1"], ["batch", "."]):
        run = CliRunner().invoke(main, ["--lang", "zh", command[0], str(tmp_path / "sub" / command[1]), *command[2:]])
        assert 1 == run.exit_code and "不在写它的文件所在的文件夹内" + hint in run.output, run.output
        assert "score_many" not in run.output


def test_a_batch_summary_in_jsonl_a_table_or_a_web_page_given_for_one_project_is_named_for_what_it_is(tmp_path: Path) -> None:
    """QA155 F7: batch's JSONL summary given to score or explain was told to be scored with batch, which refuses it as a
    summary, and import called it 'this workbook'; its CSV and HTML summaries (any .csv or .html) given to score,
    explain or batch were told 'JSON syntax: Expecting value'. Each is named for what it is in one line."""
    summary = tmp_path / "汇总"
    for extension in ("jsonl", "csv", "html"):
        run = CliRunner().invoke(main, ["batch", str(EXAMPLE_FACTS), "-o", f"{summary}.{extension}", "--quiet"])
        assert 0 == run.exit_code, run.output
    said = "这是 scoring-engine batch 写出的汇总，不是事实文件（请给出一个项目的事实文件或填好的自评表：这个文件列出的是一批项目的评分结果）"
    for command in (["score"], ["explain", "-i", "1"], ["import"]):
        run = CliRunner().invoke(main, ["--lang", "zh", command[0], f"{summary}.jsonl", *command[1:]])
        assert 1 == run.exit_code and run.stderr.splitlines() == [f"错误：{summary}.jsonl: {said}"], run.output
    hint = "scoring-engine 会写出这类文件（score -o、batch 的汇总），但不读取它们：请给出项目的事实文件（.json 或 .yaml）或填好的自评表"
    for extension, kind in (("csv", "这是 CSV 表格"), ("html", "这是网页（HTML）")):
        for command in (["score"], ["explain", "-i", "1"], ["batch"]):
            run = CliRunner().invoke(main, ["--lang", "zh", command[0], f"{summary}.{extension}", *command[1:]])
            assert 1 == run.exit_code and f"错误：{summary}.{extension}: {kind}，不是事实文件（{hint}）" in run.stderr, run.output
            assert "JSON 语法" not in run.stderr and len(run.stderr.splitlines()) == 1, run.output


def test_a_chinese_table_web_page_or_report_given_as_input_is_named_in_chinese_and_import_says_what_it_is(
        tmp_path: Path) -> None:
    """QA156 F9: a Chinese report (score -o r.csv, .html, .md) or batch summary given to score under a C locale was
    named in English, the language not looking into such files, though Chinese input chooses Chinese; and import
    told a CSV 'not an .xlsx workbook (it is not a zip archive)', to be saved as .xlsx. Such a file speaks the language
    it is written in (an English table stays English), and import names what it is."""
    for output in ("r.csv", "r.html", "r.md"):
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(EXAMPLE_FACTS), "-o", str(tmp_path / output)])
        assert 0 == run.exit_code, run.output
    run = CliRunner().invoke(main, ["batch", str(EXAMPLE_FACTS), "-o", str(tmp_path / "summary.csv"), "--quiet"])
    assert 0 == run.exit_code, run.output
    (tmp_path / "plain.csv").write_text("index,total\n1,90\n", encoding="utf-8")
    english = {"LANG": "C.UTF-8", "SCORING_ENGINE_LANG": ""}
    for name, kind in (("r.csv", "这是 CSV 表格"), ("r.html", "这是网页（HTML）"), ("r.md", "这是 Markdown 报告"),
                       ("summary.csv", "这是 CSV 表格")):
        run = CliRunner().invoke(main, ["score", str(tmp_path / name)], env=english)
        assert 1 == run.exit_code and run.stderr.startswith(f"错误：{tmp_path / name}: {kind}，不是事实文件"), run.output
    run = CliRunner().invoke(main, ["score", str(tmp_path / "plain.csv")], env=english)
    assert run.stderr.startswith("error: ") and "this is a CSV table, not a facts file" in run.stderr, run.output
    for name in ("summary.csv", "r.csv"):
        run = CliRunner().invoke(main, ["--lang", "zh", "import", str(tmp_path / name)])
        assert 1 == run.exit_code and f"{name}: 这是 CSV 表格，不是 .xlsx 工作簿（" in run.stderr, run.output
        assert "zip" not in run.stderr and "import 读取另存为 Excel 工作簿（.xlsx）的填好的自评表" in run.stderr
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(tmp_path / "r.html")])
    assert "this is a web page (HTML), not an .xlsx workbook" in run.stderr and "zip" not in run.stderr, run.output


@pytest.mark.parametrize("command", [["score"], ["explain", "-i", "decision"], ["batch", "-o", "out.csv", "-q"]])
def test_a_broken_set_named_by_the_facts_is_said_at_its_own_line_alone(tmp_path: Path, command: list[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """QA154 F1: a set the facts file names, with a duplicate key, was said at 'dup.yaml:62:5: $.indicator_set: …', the
    facts file's path beside the set's line, which names no key there. The set's line is said as `--set` says it."""
    text = EXAMPLE_SET.read_text(encoding="utf-8").replace("    weight: 15\n", "    weight: 15\n    weight: 15\n", 1)
    (tmp_path / "dup.yaml").write_text(text, encoding="utf-8")
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    (tmp_path / "facts.json").write_text(json.dumps({**facts, "indicator_set": "dup.yaml"}), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == "    weight: 15") + 1
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", command[0], "facts.json", *command[1:]])
    assert 1 == run.exit_code, run.output
    assert f"dup.yaml:{line}:5: duplicate key 'weight'" in run.output and "$.indicator_set" not in run.output, run.output


def test_facts_piped_in_naming_a_set_by_a_path_not_there_are_told_it_is_read_from_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA337: `cat sub/facts.json | score -`, the facts naming set.yaml beside them, was told set.yaml is no file in the
    folder of the file that names it, which standard input has not: it is told that the path is read from the current
    folder, and that --set gives the set; run in the facts' folder, they score."""
    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLE_SET, tmp_path / "sub" / "set.yaml")
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "set.yaml"
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, ["--lang", "en", "score", "-"], input=json.dumps(facts, ensure_ascii=False))
    assert 1 == run.exit_code and "folder of the file that names it" not in run.stderr, run.output
    assert ("no indicator set 'set.yaml': neither a file in the current folder nor a bundled set id (the facts come from "
            "standard input, which has no folder: a path they name is read from the current folder; --set gives the set "
            "wherever it is)") in run.stderr, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", "-"], input=json.dumps(facts, ensure_ascii=False))
    assert ("没有指标体系 'set.yaml'：既不是当前文件夹内的文件，也不是内置指标体系的编号（事实来自标准输入，没有所在文件夹："
            "其中写的路径从当前文件夹读取；也可用 --set 给出指标体系）") in run.stderr, run.output
    monkeypatch.chdir(tmp_path / "sub")
    assert 0 == CliRunner().invoke(main, ["score", "-"], input=json.dumps(facts, ensure_ascii=False)).exit_code
