"""Hostile text reaches every report inert: tests/hostile/reports.py's corpus rendered in every format and read back.

Each case writes its hostile text into every text of a real Result (names,
ids, reasons, standards, findings, warnings, facts, derived values, the set's
name, the grade, project keys and values) and renders it in every format in a
bounded child process. The outputs are then parsed as their readers parse
them -- Markdown as CommonMark with GFM tables, the HTML page, the CSV, the
workbook reopened by openpyxl, the JSON -- and must show the text as written,
with hidden characters as escapes, and nothing else: no forged row, heading,
link, image, tag, formula, unreadable workbook or Python repr.
"""

from __future__ import annotations

import pytest
from hostile.bounded import Outcome, run_bounded
from hostile.reports import CLASSES, TextCase, example_result, poisoned, render_all, text_cases, violations

CPU_SECONDS = 2.0
PEAK_MB = 80
CASES = text_cases()
BASE = example_result()
ORDINARY = render_all(BASE)  # also imports every renderer's modules once, before the children fork


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case rendered once in every format, each in its own bounded child."""
    return {case.id: run_bounded(lambda case=case: render_all(poisoned(BASE, case)), cpu_limit=5, timeout=30) for case in CASES}


def test_the_corpus_covers_every_class() -> None:
    """Each class of hostile report text has cases of its own, 80 in all at least."""
    assert set(CLASSES) == {case.cls for case in CASES}
    assert all(sum(case.cls == cls for case in CASES) >= 8 for cls in CLASSES)
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_text_is_shown_inert_in_every_format(case: TextCase, outcomes: dict[str, Outcome]) -> None:
    """Every format renders the poisoned Result, and reading each output back finds the text as written and nothing live."""
    outcome = outcomes[case.id]
    assert "returned" == outcome.status, f"{outcome.status}: {outcome.error_type}: {outcome.message}"
    assert [] == violations(outcome.value, poisoned(BASE, case))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rendering_hostile_text_stays_small_and_fast(case: TextCase, outcomes: dict[str, Outcome]) -> None:
    """Rendering all six formats takes under CPU_SECONDS and PEAK_MB, and no output grows past a small multiple of the ordinary one."""
    outcome = outcomes[case.id]
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB
    for fmt, output in outcome.value.items():
        assert len(output) < 20 * len(ORDINARY[fmt]), fmt
