"""Special files and standard input (tests/hostile/special_files.py), each case in a bounded child process.

Anything that is not a regular file -- /dev/zero, /dev/urandom, /dev/null, a
pipe nobody writes to, a socket, a link to one of them, a folder -- is refused
on one line at once, in every role a file has. Standard input given as - is
read as a facts file, with the same size limit.
"""

from __future__ import annotations

import pytest
from hostile.bounded import Outcome
from hostile.inputs import Case, clean_run_problems, error_lines, run_each
from hostile.special_files import special_cases, stdin_cases

SPECIAL = special_cases()
STDIN = stdin_cases()
CASES = SPECIAL + STDIN


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child (a hang is killed after 30 seconds and fails)."""
    return run_each(CASES, timeout=30)


@pytest.mark.parametrize("case", SPECIAL, ids=[c.name for c in SPECIAL])
def test_a_special_file_is_refused_at_once_in_every_role(case: Case, outcomes: dict[str, Outcome]) -> None:
    """As facts, set (given, named by facts or by a case file), case file or case facts: exit 1, one line, at once."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    for role, run in outcome.value.items():
        assert [] == clean_run_problems(run, codes=(1,)), role
        if (case.name, role) == ("special/folder", "case-file"):
            continue  # `test FOLDER` runs the case files below it: here none, so 0 passed and exit 1
        lines = error_lines(run) + [line for line in run["stdout"].splitlines() if line.startswith("FAIL ")]
        if role == "facts-named-by-case-file" and lines and lines[0].endswith("cannot be read:"):
            lines = lines[1:]  # a file it opened and could not read: said first where the case file names it (QA128 F5)
        assert 1 == len(lines), (role, run["stderr"], run["stdout"])
        # at once: a read that waited on the device or pipe would take the run's 30 s timeout; a busy machine makes a
        # refusal take a second or more, which is no wait (a bound of 1 s failed under load)
        assert run["seconds"] < 10.0, role
    assert outcome.peak_mb < 60


@pytest.mark.parametrize("case", SPECIAL, ids=[c.name for c in SPECIAL])
def test_the_refusal_says_what_the_file_is(case: Case, outcomes: dict[str, Outcome]) -> None:
    """Given directly, a device, pipe or socket is 'not a regular file' and a folder 'a folder, not a file'; to `sets`,
    which prints bundled sets, no bundled set."""
    words = "is a folder, not a file" if case.name.endswith("folder") else "is not a regular file"
    roles = ("facts", "set", "validate") + (() if case.name.endswith("folder") else ("case-file",))
    for role in roles:
        assert words in outcomes[case.name].value[role]["stderr"] + outcomes[case.name].value[role]["stdout"], role
    # `sets` takes a bundled id only, and reads no path given in its place (QA119 F4)
    assert "no bundled set" in outcomes[case.name].value["sets"]["stderr"]


@pytest.mark.parametrize("case", STDIN, ids=[c.name for c in STDIN])
def test_facts_on_standard_input(case: Case, outcomes: dict[str, Outcome]) -> None:
    """`score -` reads JSON or YAML facts up to the size limit, scoring them as the same facts from a file; past it, one line."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    run = outcome.value["stdin"]
    assert [] == clean_run_problems(run, codes=(case.expect["code"],))
    if "words" in case.expect:
        assert case.expect["words"] in run["stderr"]
        assert 1 == len(error_lines(run))
    if case.expect.get("same_as_file"):
        assert outcome.value["file"]["stdout"] == run["stdout"]
    assert outcome.cpu_seconds < 2.0 and outcome.peak_mb < 80


def test_endless_standard_input_stops_at_the_limit(outcomes: dict[str, Outcome]) -> None:
    """/dev/zero on standard input is refused after the limit + 1 bytes, in seconds and under 100 MB."""
    seen = outcomes["stdin/dev-zero"].value
    assert seen["seconds"] < 10
    assert seen["process_peak_mb"] < 100
