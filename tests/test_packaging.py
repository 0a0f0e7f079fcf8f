"""The built wheel carries what users need at run time: the schemas and the bundled indicator sets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_installs_schemas_and_bundled_sets_inside_the_package(tmp_path: Path):
    """A wheel built from the checkout holds every schema and every bundled set under scoring_engine/."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
    [wheel] = tmp_path.glob("scoring_engine-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in (ROOT / "schemas").glob("*.json"):
        assert f"scoring_engine/schemas/{schema.name}" in names
    for indicator_set in (ROOT / "indicator_sets").glob("*.yaml"):
        assert f"scoring_engine/indicator_sets/{indicator_set.name}" in names
    assert "scoring_engine/cli.py" in names and "scoring_engine/pytest_plugin.py" in names
