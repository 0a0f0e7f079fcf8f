"""Chinese wording a user reads: one name for a set's checks (核对), the version in Chinese, full-width brackets and 、
between the items of a Chinese list, ranges written 0–5, standard input named 标准输入 (QA214)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

SMALL = ROOT / "examples" / "small"


def _run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args), input=stdin)
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _small_set(tmp_path: Path, old: str, new: str) -> Path:
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_lint_calls_a_sets_checks_he_dui_as_diff_and_scoring_do_never_the_word_for_validation(tmp_path: Path) -> None:
    """lint called a check 校验 (the word validate is called by): 第 3 条校验永远不会不通过, 派生值、校验、封顶规则; diff
    and scoring call it 核对. Every Chinese line of lint now says 核对."""
    check = '  - {expr: "survey_total >= 30"'
    set_file = _small_set(tmp_path, check, '  - {expr: "budget.total >= 0", message: 预算为负}\n' + check)
    shutil.copy(set_file, tmp_path / "used.yaml")
    text = set_file.read_text(encoding="utf-8").replace("facts:\n", "facts:\n  output.notes: {type: string, required: false}\n", 1)
    set_file.write_text(text, encoding="utf-8")
    _, out = _run("--lang", "zh", "lint", str(set_file))
    assert "第 3 条核对永远不会不通过" in out and "删去这条核对" in out, out
    assert "派生值、核对、封顶规则" in out and "校验" not in out
    _, out = _run("--lang", "zh", "lint", "--help")
    assert "不可能不通过的核对" in out and "校验" not in out
    _, out = _run("--lang", "en", "lint", str(tmp_path / "used.yaml"))
    assert "check 3 can never fail" in out


def test_the_version_is_said_in_chinese_under_zh_and_as_click_says_it_under_en() -> None:
    """`--lang zh --version` printed click's English `scoring-engine, version 0.1.0` beside its help line 显示版本号并退出;
    under zh it says `scoring-engine 版本 …`, under en as before (a tool may read it)."""
    from scoring_engine import __version__

    code, out = _run("--lang", "zh", "--version")
    assert (code, out) == (0, f"scoring-engine 版本 {__version__}\n")
    assert _run("--version", "--lang", "zh")[1] == out
    assert _run("--lang", "en", "--version") == (0, f"scoring-engine, version {__version__}\n")
