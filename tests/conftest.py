"""Shared paths for the tests."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SET = ROOT / "examples" / "small" / "set.yaml"
EXAMPLE_FACTS = ROOT / "examples" / "small" / "facts.json"


@pytest.fixture
def root() -> Path:
    return ROOT
