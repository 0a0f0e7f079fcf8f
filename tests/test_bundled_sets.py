"""The bundled indicator sets: valid, named by their file, listed, covered by their cases, usable from anywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import bundled_sets, load_indicator_set
from scoring_engine.cases import load_cases
from scoring_engine.cli import main

BUNDLED = bundled_sets()


def test_there_are_bundled_sets():
    """The package ships indicator sets (the self-evaluation set at least)."""
    assert "self-evaluation" in BUNDLED


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_bundled_set_is_valid_and_named_by_its_file(set_id: str):
    """Each bundled set loads without a problem, and its id is its file name (so --set ID finds it)."""
    assert set_id == load_indicator_set(BUNDLED[set_id]).id


def test_sets_lists_every_bundled_set():
    """`scoring-engine sets` prints one line per bundled set with its version and name."""
    result = CliRunner().invoke(main, ["sets"])
    assert 0 == result.exit_code
    listed = [line.split("\t")[0] for line in result.output.splitlines()]
    assert sorted(BUNDLED) == sorted(listed)


@pytest.mark.parametrize("set_id", sorted(BUNDLED))
def test_every_indicator_of_a_bundled_set_is_checked_by_a_case(set_id: str):
    """Each indicator the set declares has its score checked by at least one case in the set's case file."""
    cases_file = BUNDLED[set_id].with_name(f"{set_id}.cases.yaml")
    assert cases_file.is_file(), f"{cases_file.name} is missing"
    checked = {indicator for case in load_cases(cases_file) for indicator in case.expect.scores}
    declared = {node.id for node in load_indicator_set(BUNDLED[set_id]).walk()}
    assert set() == declared - checked


def test_a_bundled_set_is_found_by_id_from_any_folder(tmp_path: Path):
    """`score FACTS --set self-evaluation` works from a folder that holds no indicator sets."""
    facts = ROOT / "examples" / "resettlement-housing" / "facts.json"
    done = subprocess.run([sys.executable, "-m", "scoring_engine", "score", str(facts), "--set", "self-evaluation"],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert 0 == done.returncode, done.stderr
    assert "总分 91.00 / 100    等级 优秀" in done.stdout
