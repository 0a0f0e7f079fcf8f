"""Every broken indicator set in tests/bad_sets/ is refused with the words its .expect file lists.

Each ``NAME.yaml`` holds one class of mistake (``several_mistakes.yaml`` holds
several, all of which must be reported at once). ``NAME.expect`` lists, one a
line, text that must all appear in the error; a line such as ``NAME.yaml:14:``
pins the file and line the mistake is reported at. Blank lines and lines
starting with ``#`` are ignored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import scoring_engine
from scoring_engine import IndicatorSetError

BAD_SETS = Path(__file__).parent / "bad_sets"
CASES = sorted(p.stem for p in BAD_SETS.glob("*.yaml"))


def _expected(name: str) -> list[str]:
    lines = (BAD_SETS / f"{name}.expect").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _refusal(name: str, monkeypatch: pytest.MonkeyPatch) -> IndicatorSetError:
    # Load by bare file name from inside the folder, so errors print "NAME.yaml:LINE:".
    monkeypatch.chdir(BAD_SETS)
    with pytest.raises(IndicatorSetError) as caught:
        scoring_engine.load_indicator_set(f"{name}.yaml")
    return caught.value


def test_the_folder_holds_enough_cases() -> None:
    """The bad-set folder covers at least 25 mistake classes, each file paired with an .expect file."""
    expects = sorted(p.stem for p in BAD_SETS.glob("*.expect"))
    assert CASES == expects
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", CASES)
def test_bad_set_is_refused_with_the_expected_words(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the broken set raises IndicatorSetError whose text contains every line of its .expect file."""
    error = _refusal(name, monkeypatch)
    text = str(error)
    expected = _expected(name)
    assert expected, f"{name}.expect is empty"
    missing = [line for line in expected if line not in text]
    assert [] == missing, f"not in the error:\n{text}"


@pytest.mark.parametrize("name", CASES)
def test_every_problem_is_located(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each problem of the refusal names the file as it was passed and a line inside that file."""
    error = _refusal(name, monkeypatch)
    assert error.problems
    length = len((BAD_SETS / f"{name}.yaml").read_text(encoding="utf-8").splitlines())
    for problem in error.problems:
        assert f"{name}.yaml" == problem.file
        assert problem.line is not None, f"no line for: {problem}"
        assert 1 <= problem.line <= length


@pytest.mark.parametrize("name", CASES)
def test_error_text_is_one_line_per_problem(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error's text joins one line per problem, in the order of the problems."""
    error = _refusal(name, monkeypatch)
    assert [str(p) for p in error.problems] == str(error).split("\n")


def test_several_mistakes_are_all_reported_in_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A set with five unrelated mistakes reports each of them, walking down the file."""
    error = _refusal("several_mistakes", monkeypatch)
    lines = [p.line for p in error.problems]
    assert sorted(lines) == lines
    assert {8, 11, 16, 19, 25} <= set(lines)


def test_parse_indicator_set_reports_the_source_name_it_is_given() -> None:
    """parse_indicator_set prints the `source` it is given as the file of each problem."""
    text = (BAD_SETS / "weights_children.yaml").read_text(encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        scoring_engine.parse_indicator_set(text, source="policy/set.yaml")
    assert "policy/set.yaml" == caught.value.problems[0].file
    assert str(caught.value).startswith("policy/set.yaml:14:")


def test_a_band_with_min_and_max_swapped_is_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA67 F5: one band written max before min was four errors, two of them gaps at the bands beside it that go once
    it is put right. It is the one problem, at its line."""
    assert 1 == len(_refusal("bands_min_above_max", monkeypatch).problems)
