"""Where a value was written: the line and column a message names are the same whether the set builder looks each path
up from the top or from its parent's (`Located.unchanged`, which a set's build runs in)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ROOT
from scoring_engine import _yaml
from scoring_engine._located import Located, Path
from scoring_engine.loader import resolve_profile


def _paths(data: Any, path: Path = ()) -> list[Path]:
    """Every path into `data`, each followed by a path one step past it that is not there."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
        found.append((*path, "not-there", "below"))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*path, i))
        found.append((*path, len(data)))
    return found


def _answers(located: Located, paths: list[Path]) -> list[tuple[Any, ...]]:
    return [(located.where(p), located.where(p, key=True), located.file_at(p), located.file_at(p, key=True))
            for p in paths]


@pytest.mark.parametrize("name", ["national-framework", "hubei-self-evaluation"])
def test_every_value_and_key_is_placed_alike_when_looked_up_from_its_parent(name: str) -> None:
    """A set's problems name the same line, column and file (of the value, of its key, or of the nearest value written
    when the path is not there) with the lookups kept while the set is built as without them; asked in any order, twice.
    A profile resolved onto its base mixes the nodes of both files."""
    file = ROOT / "indicator_sets" / f"{name}.yaml"
    located = resolve_profile(file)[0].located if name != "national-framework" else \
        _yaml.load(file.read_text(encoding="utf-8"), str(file))
    paths = _paths(located.data)
    assert len(paths) > 300 and located.several_files == (name != "national-framework")
    expected = _answers(located, paths)
    with located.unchanged():
        assert _answers(located, list(reversed(paths)))[::-1] == expected  # children asked before their parents
        assert _answers(located, paths) == expected
    assert _answers(located, paths) == expected  # and after, looked up from the top again
