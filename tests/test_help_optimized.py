"""`--help` is the same page under `python -OO` or PYTHONOPTIMIZE=2 (set by some container images), which strip
docstrings: the help of the group and of each command is given as click's help=, not read from a docstring (QA224 6)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

PAGES = {  # the command line, and the start of a line the page shows only when its help texts are there
    ("--lang", "en"): "  score     Score the project in FACTS",
    ("--lang", "en", "score"): "  Formats: table (the screen), json (the audit trail)",
    ("--lang", "zh"): "  score     为 FACTS 中的项目评分。",
    ("--lang", "zh", "score"): "  格式：table（屏幕显示）、json（审计记录）",
}


def _page(args: tuple[str, ...], flags: tuple[str, ...] = (), optimize: str | None = None) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of `python FLAGS -m scoring_engine ARGS --help`, run with
    PYTHONOPTIMIZE=`optimize` (or without it), writing no .pyc file (an optimized run would leave .opt-2.pyc files)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONOPTIMIZE"}
    env |= {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    if optimize is not None:
        env["PYTHONOPTIMIZE"] = optimize
    done = subprocess.run([sys.executable, *flags, "-m", "scoring_engine", *args, "--help"], capture_output=True,
                          env=env, cwd=ROOT, timeout=120, check=False)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


@pytest.mark.parametrize("args", sorted(PAGES))
def test_help_is_the_same_page_under_python_OO(args: tuple[str, ...]) -> None:
    """`python -OO -m scoring_engine [score] --help`, in English and in Chinese, prints the page of a plain run byte for
    byte: the commands listed with what each does and score's paragraphs (they were left out, silently)."""
    plain = _page(args)
    assert (0, "") == (plain[0], plain[2])
    assert any(line.startswith(PAGES[args]) for line in plain[1].splitlines())
    assert plain == _page(args, ("-OO",))


def test_help_is_the_same_page_with_PYTHONOPTIMIZE_set() -> None:
    """PYTHONOPTIMIZE=2 in the environment (as a container image may set it) is -OO: the same group page."""
    assert _page(("--lang", "en")) == _page(("--lang", "en"), optimize="2")
