"""QA320: the command line under a failing environment (devices, failed renames, full disks, signals, narrow terminals),
and outputs staying safe."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

ENGLISH = {"LANG": "C.UTF-8", "SCORING_ENGINE_LANG": ""}


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env=ENGLISH)


@pytest.mark.skipif(not os.path.exists("/dev/null") or os.name != "posix", reason="character devices")
@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_batch_workbook_written_into_dev_null_through_a_link_is_written_as_into_a_pipe(tmp_path: Path,
                                                                                        device: str) -> None:
    """QA320 F1: `batch … -o null.xlsx`, null.xlsx a link to /dev/null or /dev/zero, was an internal error (exit 3):
    the workbook was zipped into the device, whose tell() is always 0, and zipfile's offsets came out below 0. The
    workbook is now written into it as `cat > FILE` would (docs/reports.md), as the other formats are: exit 0."""
    (tmp_path / "null.xlsx").symlink_to(device)
    run = _cli("batch", str(ROOT / "examples"), str(ROOT / "indicator_sets"), "-q", "-o", str(tmp_path / "null.xlsx"))
    assert 0 == run.exit_code, run.output
    assert "internal error" not in run.stderr and (tmp_path / "null.xlsx").is_symlink()

