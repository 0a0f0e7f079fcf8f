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


class _Bag:
    """A stand-in for dask.bag: read_text gives one partition per file, its lines as Dask gives them (each ending in its
    newline, a byte-order mark kept), with the file's path when include_path is asked."""

    def __init__(self, partitions):
        self.partitions = partitions

    @staticmethod
    def read_text(pattern, include_path=False):
        from glob import glob

        parts = []
        for path in sorted(glob(pattern)):
            with open(path, encoding="utf-8", newline="") as handle:
                lines = handle.readlines()
            parts.append([(line, path) for line in lines] if include_path else lines)
        return _Bag(parts)

    def map_partitions(self, function):
        return _Bag([function(part) for part in self.partitions])

    def compute(self):
        return [item for part in self.partitions for item in part]


def test_the_dask_recipe_scores_a_jsonl_file_as_batch_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The Dask recipe made a failed project of each blank line and a JSON error of a line starting with a byte-order
    mark, and named projects 'line 0' in every partition. Run with a stand-in for dask.bag on two JSONL files (a BOM,
    blank lines), it now gives the rows `batch` gives for the same files: the same sources (FILE:LINE) and totals."""
    import json
    import types

    from scoring_engine import score_many
    from scoring_engine.batch import find_documents

    document = json.dumps(json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8")),
                          ensure_ascii=False)
    (tmp_path / "a.jsonl").write_text("\ufeff" + document + "\n\n  \n" + document + "\r\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n" + document.replace('"facts"', '"fact"') + "\n" + document, encoding="utf-8")
    [recipe] = [b for b in BLOCKS if b.lang == "python" and b.info == "recipe" and "dask" in b.body]
    code = recipe.body.replace("s3://bucket/self-evaluations/*.jsonl", str(tmp_path / "*.jsonl"))
    dask = types.ModuleType("dask")
    dask.bag = types.SimpleNamespace(read_text=_Bag.read_text)
    monkeypatch.setitem(sys.modules, "dask", dask)
    monkeypatch.setitem(sys.modules, "dask.bag", dask.bag)
    scope: dict = {}
    exec(compile(code, "batch.md", "exec"), scope)  # the document's own recipe
    expected = [o.row for o in score_many("self-evaluation", find_documents([tmp_path / "a.jsonl", tmp_path / "b.jsonl"]))]
    assert [(r.source, r.total, bool(r.problems)) for r in expected] == \
        [(r.source, r.total, bool(r.problems)) for r in scope["rows"]]
    assert [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'a.jsonl'}:4", f"{tmp_path / 'b.jsonl'}:2",
            f"{tmp_path / 'b.jsonl'}:3"] == [r.source for r in scope["rows"]]


def test_the_outputs_the_document_says_give_each_indicators_comparison_are_those_that_do(tmp_path: Path):
    """QA307 3: docs/batch.md said the .xlsx, .csv and .jsonl give each indicator's comparison; the .csv is 汇总 alone,
    which has none. The outputs the sentence names are those whose file holds each indicator's difference."""
    import csv
    import json
    import re
    import shutil

    import openpyxl

    text = " ".join(DOC.read_text(encoding="utf-8").split())
    said = text[:text.index(" also give each indicator's weight and score there and the difference")]
    named = set(re.findall(r"\.(xlsx|csv|jsonl|html)\b", said[said.rindex(";"):]))
    for side in ("self", "re"):
        (tmp_path / side).mkdir()
        shutil.copy(ROOT / "examples" / "small" / "facts.json", tmp_path / side / "p.json")
    outputs = {ext: tmp_path / f"out.{ext}" for ext in ("xlsx", "csv", "jsonl", "html")}
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", "--set", str(ROOT / "examples" / "small" / "set.yaml"),
                                    str(tmp_path / "self"), "--compare-with", str(tmp_path / "re"),
                                    *[a for o in outputs.values() for a in ("-o", str(o))]])
    assert 0 == run.exit_code, run.output
    header = next(csv.reader(outputs["csv"].read_text(encoding="utf-8-sig").splitlines()))
    gives = {"xlsx": "差异" in next(openpyxl.load_workbook(outputs["xlsx"], read_only=True)["指标明细"].iter_rows(values_only=True)),
             "csv": "差异" in header or "decision" in header,
             "jsonl": bool(json.loads(outputs["jsonl"].read_text(encoding="utf-8"))["compare"]["indicators"]),
             "html": "差异" in outputs["html"].read_text(encoding="utf-8")}
    assert {ext for ext, yes in gives.items() if yes} == named
