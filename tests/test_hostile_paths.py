"""Paths named inside facts and case files (tests/hostile/paths.py), each case in a bounded child process.

A set named inside a facts file or a case file, and a case's facts file, is a
bundled set id or a path inside that file's folder tree (links followed).
Anything else is refused on one line that quotes nothing from the target and
reads the same whether or not the target exists; nothing falls back to the
working folder; --set on the command line may name any file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.bounded import Outcome
from hostile.inputs import Case, case_ids, clean_run_problems, error_lines, run_each
from hostile.paths import SECRET, masked, path_cases

CASES = path_cases()
RUNS = ("score", "test", "facts_file", "free")


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child."""
    return run_each(CASES)



def _of(verdict: str) -> list[Case]:
    return [c for c in CASES if c.expect["verdict"] == verdict]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_every_run_is_clean_and_quick(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Scoring, testing and the free --set run each exit 0 or 1 without a traceback, in under two seconds of CPU and 60 MB."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    for run in RUNS:
        assert [] == clean_run_problems(outcome.value[run]), run
    assert outcome.cpu_seconds < 2.0
    assert outcome.peak_mb < 60


OUTSIDE = _of("outside")


@pytest.mark.parametrize("case", OUTSIDE, ids=case_ids(OUTSIDE))
def test_a_path_leading_out_is_refused_quoting_nothing(case: Case, outcomes: dict[str, Outcome]) -> None:
    """As a facts file's set, a case file's set or a case's facts file, it is refused on one line, nothing of the target shown."""
    seen = outcomes[case.name].value
    for run in ("score", "test", "facts_file"):
        assert 1 == seen[run]["code"], seen[run]
        assert SECRET not in seen[run]["stderr"] + seen[run]["stdout"]
        assert "is not inside the folder of the file that names it" in seen[run]["stderr"] + seen[run]["stdout"]
    assert 1 == len(error_lines(seen["score"]))


def test_whether_the_target_exists_is_not_revealed(outcomes: dict[str, Outcome]) -> None:
    """Every name leading out gets the same words, the name aside: an existing set, a secret, a missing file, a link, a loop."""
    for run in ("score", "test", "facts_file"):
        seen = [outcomes[c.name].value for c in OUTSIDE]
        texts = {masked(s[run]["stderr"] + s[run]["stdout"], s["ref"], s["scratch"]) for s in seen}
        assert 1 == len(texts), texts


ODD = _of("odd")


@pytest.mark.parametrize("case", ODD, ids=case_ids(ODD))
def test_a_name_that_is_no_set_inside_is_refused_in_its_own_words(case: Case, outcomes: dict[str, Outcome]) -> None:
    """A folder, a missing file, a name too long for the system, a set only in the working folder: one line each, exit 1."""
    seen = outcomes[case.name].value
    assert 1 == seen["score"]["code"]
    [line] = error_lines(seen["score"])
    assert len(line) < 400
    assert "$.indicator_set" in line


def test_no_fallback_to_the_working_folder(outcomes: dict[str, Outcome]) -> None:
    """A set found only in the working folder, not beside the facts file, is not used: the docs say relative to the facts file."""
    [line] = error_lines(outcomes["odd/only-in-working-folder"].value["score"])
    assert "no indicator set 'cwd-only.yaml': neither a file in the folder of the file that names it nor a bundled set id" in line


INSIDE = _of("inside")


@pytest.mark.parametrize("case", INSIDE, ids=case_ids(INSIDE))
def test_a_path_inside_the_folder_scores(case: Case, outcomes: dict[str, Outcome]) -> None:
    """A set beside the facts, in a sub-folder, through ./ or sub/.., through a link staying inside, or absolute: it scores."""
    seen = outcomes[case.name].value
    assert (0, 0) == (seen["score"]["code"], seen["test"]["code"]), seen["score"]["stderr"] + seen["test"]["stdout"]


def test_a_bundled_set_id_is_found_wherever_the_facts_are(outcomes: dict[str, Outcome]) -> None:
    """A bundled id named by the facts is the bundled set: the facts are checked against it (and do not fit it)."""
    seen = outcomes["bundled/self-evaluation"].value["score"]
    assert 1 == seen["code"]
    assert "$.facts." in seen["stderr"] and "indicator_set" not in seen["stderr"]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_set_on_the_command_line_may_be_anywhere(case: Case, outcomes: dict[str, Outcome]) -> None:
    """--set naming the valid set in the folder outside scores: the user typed it."""
    assert 0 == outcomes[case.name].value["free"]["code"], outcomes[case.name].value["free"]["stderr"]


@pytest.mark.parametrize("args", [["validate", "LONG"], ["score", "LONG"], ["score", "LONG/facts.json"], ["test", "LONG"],
                                  ["sets", "LONG"], ["explain", "LONG", "-i", "a"], ["score", "-", "--set", "LONG"]],
                         ids=["validate", "score", "score-folders", "test", "sets", "explain", "set"])
def test_a_name_too_long_for_the_system_is_one_short_line(args: list[str]) -> None:
    """A 5,000-character name on the command line is one error line, the name cut short, exit 1 (not ENAMETOOLONG escaping)."""
    from hostile.inputs import cli

    run = cli([arg.replace("LONG", "x" * 5000) for arg in args], stdin=b'{"facts": {}}')
    assert [] == clean_run_problems(run, codes=(1,))
    [line] = error_lines(run)
    assert "(5000 characters)" in line or "(5011 characters)" in line
    assert len(line) < 300


@pytest.mark.parametrize("args, said", [
    (["batch", "-q", "in.jsonl", "--reports", "项" * 86], "无法创建报告文件夹：文件名太长"),
    (["batch", "-q", "in.jsonl", "--reports", "r" * 256], "无法创建报告文件夹：文件名太长"),
    (["batch", "-q", "in.jsonl", "--reports", "r" * 256 + "/sub"], "无法创建报告文件夹：文件名太长"),
    (["sets", "self-evaluation", "--copy", "r" * 256], "无法创建文件夹：文件名太长（换一个文件夹）"),
    (["sets", "self-evaluation", "--copy", "项" * 86 + "/sub"], "无法创建文件夹：文件名太长（换一个文件夹）"),
], ids=["reports-chinese", "reports", "reports-below", "copy", "copy-below"])
def test_a_folder_to_make_whose_name_is_too_long_is_one_line_saying_so_not_an_internal_error(
        args: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA163 F4: a --reports folder (or the folder of sets --copy) named longer than a name may be (86 Chinese
    characters are 258 bytes) was an internal error, exit 3: looking whether the folder is there raised. It is the
    folder that cannot be made, said as an output's name too long is, exit 1; nothing is made."""
    from click.testing import CliRunner
    from portfolio import write_jsonl

    from scoring_engine.cli import main

    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", 2)
    before = sorted(p.name for p in tmp_path.iterdir())
    run = CliRunner().invoke(main, ["--lang", "zh", *args])
    assert 1 == run.exit_code and said in run.output and "内部错误" not in run.output, run.output
    assert 1 == len(run.output.splitlines()) and before == sorted(p.name for p in tmp_path.iterdir())
