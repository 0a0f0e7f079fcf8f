"""The files policy staff really have: a copied bundled set, a folder of sets under pre-commit, examples that cite their source."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_indicator_set
from scoring_engine._resources import data_dir
from scoring_engine._set_copy import SCHEMA_COMMENT, with_schema_comment
from scoring_engine.cli import main

SCHEMA_ID = json.loads((ROOT / "schemas" / "indicator-set.schema.json").read_text(encoding="utf-8"))["$id"]


def run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, ["--lang", "en", *args])
    return done.exit_code, done.stdout, done.stderr


def _schema_of(copy: Path) -> Path:
    """The file the first-line `$schema` comment of `copy` names, read from the copy's folder as an editor does."""
    first = copy.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_COMMENT)
    return (copy.parent / first[len(SCHEMA_COMMENT):]).resolve()


# ---------------------------------------------------------------- sets ID --copy DIR


@pytest.mark.parametrize("where", [".", "sets/2025", "../elsewhere"])
def test_copied_set_names_a_schema_that_is_there(where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sets national-framework --copy DIR` writes DIR/national-framework.yaml whose $schema comment reaches the installed schema."""
    home = tmp_path / "home"
    (home / where).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(home)
    code, _, err = run("sets", "national-framework", "--copy", where)
    assert 0 == code, err
    copy = home / where / "national-framework.yaml"
    schema = _schema_of(copy)
    assert (data_dir("schemas") / "indicator-set.schema.json").resolve() == schema
    assert SCHEMA_ID == json.loads(schema.read_text(encoding="utf-8"))["$id"]
    assert f"{copy.relative_to(home).as_posix() if where != '../elsewhere' else '../elsewhere/national-framework.yaml'}" in err


def test_copied_set_keeps_working_once_moved_with_its_folder(tmp_path: Path) -> None:
    """The copy is the bundled set but for the comment: it loads, and scores the bundled facts to the same total."""
    run("sets", "national-framework", "--copy", str(tmp_path))
    copy = tmp_path / "national-framework.yaml"
    bundled = data_dir("indicator_sets") / "national-framework.yaml"
    assert bundled.read_text(encoding="utf-8").splitlines()[1:] == copy.read_text(encoding="utf-8").splitlines()[1:]
    assert load_indicator_set(bundled).total == load_indicator_set(copy).total


def test_copy_brings_the_sets_cases_and_their_facts_which_pass_under_the_copy(tmp_path: Path) -> None:
    """QA293 F4: a maintainer runs the set's own cases after each edit, and `--copy` wrote only the set: the cases and
    their base facts had to be found in the installed package. They are copied beside it, the facts naming the copy's
    file, and pass as they are; a cases file already there is kept, and nothing is written."""
    code, _, err = run("sets", "national-framework", "--copy", str(tmp_path / "a"))
    assert 0 == code, err
    assert ["national-framework.cases.yaml", "national-framework.facts.json", "national-framework.yaml"] == sorted(
        p.name for p in (tmp_path / "a").iterdir())
    assert "national-framework.yaml" == json.loads((tmp_path / "a" / "national-framework.facts.json").read_text(
        encoding="utf-8"))["indicator_set"]
    code, out, err = run("test", str(tmp_path / "a"))
    assert 0 == code and "0 failed" in out + err, out + err
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "national-framework.cases.yaml").write_text("# 我的用例\n", encoding="utf-8")
    code, _, err = run("sets", "national-framework", "--copy", str(tmp_path / "b"))
    assert 1 == code and "already exists" in err
    assert ["national-framework.cases.yaml"] == [p.name for p in (tmp_path / "b").iterdir()]


def test_copy_never_replaces_a_file(tmp_path: Path) -> None:
    """A set already at DIR/ID.yaml is kept as it was, and the copy is one error line with exit 1."""
    kept = tmp_path / "national-framework.yaml"
    kept.write_text("# 我改过的体系\n", encoding="utf-8")
    code, _, err = run("sets", "national-framework", "--copy", str(tmp_path))
    assert 1 == code
    assert "# 我改过的体系\n" == kept.read_text(encoding="utf-8")
    assert [f"error: {kept}: already exists: the copy would replace it (rename or remove it, or copy into another folder)"] \
        == err.splitlines()


@pytest.mark.parametrize(("args", "words"), [
    (["sets", "national-framwork", "--copy", "."], "no bundled set 'national-framwork' (did you mean national-framework?)"),
    (["sets", "national-framework", "--copy", "a-file/sets"], "a-file/sets: cannot create the folder: Not a directory"),
])
def test_copy_errors_name_the_mistake(args: list[str], words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt id, or a folder that cannot be made (below a file), is one error line naming it, and nothing is written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    code, _, err = run(*args)
    assert 1 == code
    assert words in err
    assert ["a-file"] == [p.name for p in tmp_path.iterdir()]


def test_copy_makes_a_folder_that_is_missing(tmp_path: Path) -> None:
    """`sets ID --copy 我的体系/2025` makes the folders, as batch --reports does, and the copy loads."""
    code, _, _ = run("sets", "national-framework", "--copy", str(tmp_path / "我的体系" / "2025"))
    assert 0 == code
    assert load_indicator_set(tmp_path / "我的体系" / "2025" / "national-framework.yaml").id == "national-framework"


def test_copy_without_an_id_is_a_usage_error() -> None:
    """`sets --copy DIR` without the id of a set is a wrong command line: exit 2."""
    assert 2 == run("sets", "--copy", ".")[0]


def test_schema_comment_is_added_when_the_set_has_none() -> None:
    """A set without the editor comment gets it as its first line; one with it has only the path replaced."""
    assert f"{SCHEMA_COMMENT}x.json\nid: a\n" == with_schema_comment("id: a\n", "x.json")
    assert f"{SCHEMA_COMMENT}x.json\nid: a\n" == with_schema_comment(f"{SCHEMA_COMMENT}../old.json\nid: a\n", "x.json")


# ---------------------------------------------------------------- test with no case files


def test_test_without_case_files_says_so(tmp_path: Path) -> None:
    """`scoring-engine test DIR` on a folder without *.cases.yaml says so in one error line and exits 1."""
    (tmp_path / "set.yaml").write_text("id: x\n", encoding="utf-8")
    code, out, err = run("test", str(tmp_path))
    assert 1 == code
    assert "" == out
    assert [f"error: no case files (*.cases.yaml) in {tmp_path} (write the cases of a set in a file NAME.cases.yaml beside it)"] \
        == err.splitlines()


# ---------------------------------------------------------------- examples cite their source


@pytest.mark.parametrize("facts", sorted(ROOT.glob("examples/*/facts.json")), ids=lambda p: p.parent.name)
def test_examples_cite_a_public_report_not_a_path(facts: Path) -> None:
    """An example's 资料来源 names the report (《title》), who published it and the year, never a file path."""
    project = json.loads(facts.read_text(encoding="utf-8"))["project"]
    source = project.get("source")
    if source is None:
        return
    assert re.search(r"《[^》]+》", source), source
    assert re.search(r"20\d\d年", source), source
    assert "/" not in source and not source.endswith(".txt"), source


def test_example_readmes_send_no_one_to_a_file_they_do_not_have() -> None:
    """No README or facts file of the examples names the seed files behind them."""
    found = [p.relative_to(ROOT).as_posix() for p in ROOT.glob("examples/**/*") if p.is_file() and "shared/seeds" in p.read_text("utf-8")]
    assert [] == found


# ---------------------------------------------------------------- pre-commit hooks


def _hooks() -> list[dict[str, object]]:
    import yaml

    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hooks_cover_validate_lint_and_test() -> None:
    """The repository offers pre-commit hooks that validate, lint and test a repository of sets."""
    hooks = {hook["id"]: hook for hook in _hooks()}
    assert ["scoring-engine-validate", "scoring-engine-lint", "scoring-engine-test"] == list(hooks)
    assert "scoring-engine validate" == hooks["scoring-engine-validate"]["entry"]
    assert "scoring-engine lint" == hooks["scoring-engine-lint"]["entry"]
    assert "scoring-engine test ." == hooks["scoring-engine-test"]["entry"]


@pytest.mark.parametrize(("name", "validated"), [
    ("national-framework.yaml", True), ("sets/hubei-2025.yml", True),
    ("national-framework.cases.yaml", False), ("project.facts.yaml", False), (".pre-commit-config.yaml", False),
    ("sets/.pre-commit-config.yaml", False), ("facts.json", False),
])
def test_validate_hook_takes_sets_only(name: str, validated: bool) -> None:
    """The validate hook runs on set files, and leaves case files, facts files and pre-commit's own file alone."""
    hook = next(h for h in _hooks() if h["id"] == "scoring-engine-validate")
    taken = re.search(str(hook["files"]), name) is not None and re.search(str(hook["exclude"]), name) is None
    assert validated == taken


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def _try_repo(folder: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
                          check=False, cwd=folder,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_runs_the_hooks_on_a_folder_of_sets(tmp_path: Path) -> None:
    """`pre-commit try-repo` on a repository of sets: validate fails on the broken set only, naming its line; test passes the cases."""
    pytest.importorskip("pre_commit")
    sets = tmp_path / "sets"
    sets.mkdir()
    _git(sets, "init", "-q")
    run("sets", "national-framework", "--copy", str(sets))
    shutil.copy(data_dir("indicator_sets") / "national-framework.facts.json", sets / "national-framework.facts.json")
    (sets / "national-framework.cases.yaml").write_text(
        "indicator_set: national-framework.yaml\nfacts_file: national-framework.facts.json\n"
        "cases:\n  - name: 满分\n    expect: {total: 100, grade: 优}\n", encoding="utf-8")
    broken = (sets / "national-framework.yaml").read_text(encoding="utf-8").replace("weight: 15", "weight: 10", 1)
    (sets / "broken.yaml").write_text(broken, encoding="utf-8")
    _git(sets, "add", ".")
    validated = _try_repo(sets, "scoring-engine-validate", tmp_path / "cache")
    assert 1 == validated.returncode, validated.stdout
    lines = validated.stdout.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert errors and all(line.startswith("error: broken.yaml:") for line in errors), validated.stdout
    assert "national-framework.yaml: ok — national-framework 2020.2, 20 scored indicators, total 100" in lines
    tested = _try_repo(sets, "scoring-engine-test", tmp_path / "cache")
    assert 0 == tested.returncode, tested.stdout
    assert "1 passed, 0 failed" in tested.stdout.splitlines()


def test_a_copy_renamed_is_offered_to_the_cases_that_name_its_old_file_not_the_bundled_set(tmp_path: Path) -> None:
    """QA295 F7: the copied cases name self-evaluation.yaml; renamed my-set.yaml, `test` offered the bundled id, whose
    cases then passed on the bundled set and not on the edited copy, in silence. The set beside them is offered."""
    run("sets", "self-evaluation", "--copy", str(tmp_path))
    (tmp_path / "self-evaluation.yaml").rename(tmp_path / "my-set.yaml")
    code, out, err = run("test", str(tmp_path))
    assert 1 == code and "(sets in that folder: my-set.yaml)" in out + err and "did you mean self-evaluation?" not in out + err, \
        out + err
