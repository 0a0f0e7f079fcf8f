"""Shared paths for the tests, and the language of the command line's messages in them.

The tests read the English texts of the messages (the structured fields and the
English stay what tools use), so the command line speaks English here unless a
test asks for Chinese (`--lang zh`, or the variable removed: tests/test_zh.py).
"""

import os
from pathlib import Path

import pytest

os.environ["SCORING_ENGINE_LANG"] = "en"  # subprocesses inherit it; tests of the default language remove it

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SET = ROOT / "examples" / "small" / "set.yaml"
EXAMPLE_FACTS = ROOT / "examples" / "small" / "facts.json"


@pytest.fixture
def root() -> Path:
    return ROOT
