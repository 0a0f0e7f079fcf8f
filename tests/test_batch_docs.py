"""docs/batch.md cannot drift: its command shows the real output, and its Python snippets run and print what it shows.

A ```python block (not ```python recipe, which needs Dask or Spark) is saved as
a script and run from the repository's root; the ```text block after it is its
exact output. A ```text block starting with ``$ scoring-engine`` is a command
run from the root, followed by its exact stdout.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main
from scoring_engine._lang import LOCALE_VARIABLES
from scoring_engine._messages import LANG_VARIABLE
from test_docs import _blocks

DOC = ROOT / "docs" / "batch.md"
BLOCKS = _blocks(DOC)
SCRIPTS = [(b, BLOCKS[i + 1]) for i, b in enumerate(BLOCKS) if b.lang == "python" and not b.info]
COMMANDS = [b for b in BLOCKS if b.lang == "text" and b.body.startswith("$ scoring-engine")]


def test_the_document_has_its_examples():
    """Two Python snippets (score_many, and concurrent.futures), the Dask and Spark recipes, and one command."""
    assert 2 == len(SCRIPTS) and 1 == len(COMMANDS)
    assert 2 == sum(1 for b in BLOCKS if b.lang == "python" and b.info == "recipe")


@pytest.mark.parametrize("block,output", SCRIPTS, ids=[b.where for b, _ in SCRIPTS])
def test_each_python_snippet_runs_and_prints_what_the_document_shows(block, output, tmp_path: Path):
    """The snippet, saved as a script and run from the root (worker processes included), prints the text shown after it."""
    assert "text" == output.lang, f"{block.where}: a python block is followed by its output"
    script = tmp_path / "snippet.py"
    script.write_text(block.body, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert 0 == run.returncode, run.stderr
    assert output.body == run.stdout


@pytest.mark.parametrize("block", COMMANDS, ids=[b.where for b in COMMANDS])
def test_the_command_shown_prints_what_the_document_shows(block, monkeypatch: pytest.MonkeyPatch):
    """`scoring-engine batch …` run from the root prints exactly the lines shown, and exits 0."""
    command, *lines = block.body.splitlines()
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv(LANG_VARIABLE)  # the language a user gets: Chinese, for Chinese input whatever the locale
    for name in LOCALE_VARIABLES:
        monkeypatch.setenv(name, "C.UTF-8")
    run = CliRunner().invoke(main, shlex.split(command)[2:])  # after "$ scoring-engine"
    assert 0 == run.exit_code, run.stderr
    assert "\n".join(lines) + "\n" == run.stdout
