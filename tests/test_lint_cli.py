"""`scoring-engine lint` on the command line: one line per warning, exit codes, JSON for tools, and the pre-commit hooks."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

GOOD = """id: hooks-demo
name: 示例
version: "1"
total: 10
facts:
  rate: {type: number, min: 0, max: 1, label: 完成率}
grades: [{label: 合格, min: 0}]
indicators:
  - id: rate
    name: 完成率
    weight: 10
    standard: 得分 = 完成率 × 10分，最高10分。
    rule: {kind: proportional, value: rate}
"""
WARNED = GOOD.replace("× 10分，最高10分", "× 8分，最高8分")
BROKEN = GOOD.replace("weight: 10", "weight: 9")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_clean_set_exits_0_with_its_summary(tmp_path: Path) -> None:
    """A set with nothing to warn about: one summary line, exit 0."""
    path = _write(tmp_path, "good.yaml", GOOD)
    assert (0, f"{path}: hooks-demo 1, no warnings\n", "") == run("lint", path)


def test_warnings_are_one_line_each_and_exit_0_unless_strict(tmp_path: Path) -> None:
    """Each warning is one file:line:column line naming the indicator; exit 0, or 1 with --strict."""
    path = _write(tmp_path, "warned.yaml", WARNED)
    code, out, err = run("lint", path)
    line = (f'{path}:12:15: warning: indicator rate: the 评分标准 says "× 8分" (8 points at most), but the indicator weighs 10 '
            "(make the standard text and the rule say the same)")
    assert (0, [line, f"{path}: hooks-demo 1, 1 warning"], "") == (code, out.splitlines(), err)
    assert 1 == run("lint", "--strict", path)[0]
    assert 0 == run("lint", "--strict", _write(tmp_path, "good.yaml", GOOD))[0]


def test_an_invalid_set_gives_validates_errors_and_exit_1(tmp_path: Path) -> None:
    """A set that does not load: validate's error lines on standard error, exit 1; the other sets are still linted."""
    broken, good = _write(tmp_path, "broken.yaml", BROKEN), _write(tmp_path, "good.yaml", GOOD)
    code, out, err = run("lint", broken, good)
    assert 1 == code
    assert f"{good}: hooks-demo 1, no warnings\n" == out
    assert err.startswith(f"error: {broken}:") and "add up to 9" in err and "Traceback" not in err


def test_json_lists_every_set_with_its_errors_and_warnings(tmp_path: Path) -> None:
    """--format json: one document, each set with valid, errors and warnings with their structured fields."""
    warned, broken = _write(tmp_path, "warned.yaml", WARNED), _write(tmp_path, "broken.yaml", BROKEN)
    code, out, _ = run("lint", "--format", "json", warned, broken)
    document = json.loads(out)
    assert 1 == code
    assert [True, False] == [s["valid"] for s in document["sets"]]
    warning = document["sets"][0]["warnings"][0]
    assert ("standard-mismatch", 12, "rate", {"quote": "× 8分", "stated": "8", "weight": "10"}) \
        == (warning["code"], warning["line"], warning["indicator"], warning["fields"])
    assert document["sets"][1]["errors"][0]["file"] == broken


def test_json_gives_every_set_and_every_problem_the_same_keys(tmp_path: Path) -> None:
    """QA338 L6: a set that did not load had no id or version keys, and its errors no code: a tool reading the JSON had
    to test for each. Every set has set, valid, id, version (null when unknown), errors, warnings and
    warnings_not_shown; every error and warning has code (null for an error), its place, message, hint and fields."""
    warned, broken = _write(tmp_path, "warned.yaml", WARNED), _write(tmp_path, "broken.yaml", BROKEN)
    document = json.loads(run("lint", "--format", "json", warned, broken, str(tmp_path / "missing.yaml"))[1])
    keys = ["set", "valid", "id", "version", "errors", "warnings", "warnings_not_shown"]
    assert [keys] * 3 == [list(s) for s in document["sets"]]
    assert [None, None] == [s["id"] for s in document["sets"][1:]]
    problems = [p for s in document["sets"] for p in (*s["errors"], *s["warnings"])]
    assert 1 == len({tuple(p) for p in problems}) and "code" in problems[0], problems
    assert {None} == {p["code"] for s in document["sets"] for p in s["errors"]}


def test_a_bundled_set_is_linted_by_its_id() -> None:
    """`lint national-framework` lints the bundled set, clean."""
    assert (0, "national-framework: national-framework 2020.2, no warnings\n") == run("lint", "national-framework")[:2]


# ---------------------------------------------------------------- the pre-commit hooks


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


CASES = """indicator_set: county.yaml
cases:
  - name: 完成率80%得8分
    facts: {rate: 0.8}
    expect: {total: 8}
"""


def _try_repo(sets: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit try-repo this repository's hooks (validate, lint, test) on every file of `sets` (a git repository).

    try-repo takes one hook id or all of them, so all three run; each run builds their environment afresh.
    """
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"]
    return subprocess.run(command, check=False, cwd=sets, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PRE_COMMIT_COLOR": "never"})


def _outcomes(output: str) -> dict[str, str]:
    """Hook → Passed or Failed, from pre-commit's lines '校验指标体系 (scoring-engine validate)......Passed'."""
    found = re.findall(r"\(scoring-engine (\w+)\)\.+(Passed|Failed)", output)
    return dict(found)


@pytest.mark.slow  # two try-repo runs, each building the hooks' virtualenv: 40 s on a busy two-core machine
@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_pre_commit_hooks_pass_good_sets_and_stop_a_broken_one(tmp_path: Path) -> None:
    """`pre-commit try-repo` runs the validate and lint hooks on a repository of sets: it passes on good ones, fails on a broken one."""
    sets = tmp_path / "sets"
    (sets / "profiles").mkdir(parents=True)
    _git(sets, "init", "-q")
    (sets / "profiles" / "county.yaml").write_text(GOOD, encoding="utf-8")
    (sets / "profiles" / "county.cases.yaml").write_text(CASES, encoding="utf-8")  # a case file: not a set, for the hooks
    _git(sets, "add", "-A")
    started = time.monotonic()
    passed = _try_repo(sets)
    print(f"pre-commit try-repo on good sets: {time.monotonic() - started:.1f} s")
    assert 0 == passed.returncode, passed.stdout + passed.stderr
    assert {"validate": "Passed", "lint": "Passed", "test": "Passed"} == _outcomes(passed.stdout)
    (sets / "profiles" / "county.yaml").write_text(BROKEN, encoding="utf-8")
    _git(sets, "add", "-A")
    failed = _try_repo(sets)
    assert 1 == failed.returncode
    assert "error: profiles/county.yaml:" in failed.stdout and "add up to 9" in failed.stdout
    assert {"validate": "Failed", "lint": "Failed", "test": "Failed"} == _outcomes(failed.stdout)


def test_lint_json_gives_its_messages_in_chinese_under_a_chinese_run_and_its_codes_as_they_are(tmp_path: Path) -> None:
    """QA44 F7: `lint --format json` under a Chinese locale gave English messages, while score's JSON gives Chinese ones;
    a bureau's review page showed its staff English. Messages and hints follow the language; codes and fields stay."""
    import json

    from click.testing import CliRunner

    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["--lang", "zh", "lint", "--format", "json", _write(tmp_path, "s.yaml", WARNED)])
    warnings = [w for s in json.loads(run.output)["sets"] for w in s["warnings"]]
    assert warnings and all(w["code"].isascii() for w in warnings)
    assert any(not w["message"].isascii() and "warning" not in w["message"] for w in warnings), warnings


def _unused_facts(folder: Path, count: int) -> str:
    """A clean set declaring `count` facts nothing reads: `count` warnings."""
    unused = "".join(f"  left{i}: {{type: number}}\n" for i in range(count))
    return _write(folder, f"unused{count}.yaml", GOOD.replace("grades:", unused.join(["", "grades:"]), 1))


def test_a_set_of_thousands_of_warnings_lists_its_first_100_and_how_many_more(tmp_path: Path) -> None:
    """QA221 10: 2000 unused derived values gave 2,001 lines (408 KB); a set's problems stop at 100 and say how many more.
    lint's warnings now do the same: the first 100 in file order, one line with the count of the rest, the summary
    counting all; in JSON the first 100 and warnings_not_shown; in Chinese too. 100 warnings are all listed."""
    path = _unused_facts(tmp_path, 150)
    code, out, _ = run("--lang", "en", "lint", path)
    lines = out.splitlines()
    assert (0, 102) == (code, len(lines))
    assert all(": warning: fact left" in line for line in lines[:100]) and ": warning: fact left99 " in lines[99]
    assert [f"{path}: 50 more warnings not shown", f"{path}: hooks-demo 1, 150 warnings"] == lines[100:]
    assert f"{path}：另有 50 条提示未列出" in run("--lang", "zh", "lint", path)[1].splitlines()
    document = json.loads(run("--lang", "en", "lint", "--format", "json", path)[1])["sets"][0]
    assert (100, 50, "left99") == (len(document["warnings"]), document["warnings_not_shown"], document["warnings"][-1]["fact"])
    exactly = _unused_facts(tmp_path, 100)
    assert 101 == len(run("--lang", "en", "lint", exactly)[1].splitlines())
    assert 0 == json.loads(run("lint", "--format", "json", exactly)[1])["sets"][0]["warnings_not_shown"]
