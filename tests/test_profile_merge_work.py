"""A profile's facts: (and derived:) are merged onto its base's by name in time that grows with their number.

QA203 7: each entry was looked for by walking every entry merged so far (a list of names rebuilt, then `put` scanning
the mapping), so a profile adding 11,000 facts took 13 s to validate where the same set resolved took 0.85 s. No test
here is timed: the work is counted as the entries walked, which for four times the facts is about four times, not
sixteen; and what the merge gives is the same as before, in the same order, with the same messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from yaml.nodes import MappingNode, Node, ScalarNode

from scoring_engine import IndicatorSetError, _profile_nodes, _profiles
from scoring_engine.loader import parse_indicator_set, resolve_profile


def _profile(facts: int) -> str:
    lines = "".join(f"  z{i:05d}: {{type: number}}\n" for i in range(facts))
    return f"extends: national-framework\nid: many\nname: 多\nversion: '1'\nfacts:\n{lines}"


def _entries_walked(monkeypatch: pytest.MonkeyPatch, facts: int) -> int:
    walked = [0]
    real = _profile_nodes.entries

    def counted(node: MappingNode) -> Iterator[tuple[str, ScalarNode, Node]]:
        for entry in real(node):
            walked[0] += 1
            yield entry

    with monkeypatch.context() as patch:
        patch.setattr(_profile_nodes, "entries", counted)
        patch.setattr(_profiles, "entries", counted)
        parse_indicator_set(_profile(facts), "many.yaml")
    return walked[0]


def test_merging_four_times_the_facts_walks_about_four_times_the_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile adding 4,000 facts is merged with at most 4.5 times the entries walked for 1,000 (it was about 16 times:
    every fact put walked all those merged before it)."""
    few, many = _entries_walked(monkeypatch, 1_000), _entries_walked(monkeypatch, 4_000)
    assert many <= 4.5 * few, (few, many)
    assert many < 20 * 4_000  # a few walks of each entry, not one for each entry before it


def test_facts_merged_by_name_keep_their_order_and_messages(tmp_path: Path) -> None:
    """Removed, declared anew and added facts come out as before: the base's order, a removed fact gone, one declared anew
    in its place, a new one last; and a removal of a fact the base has not is said, its nearest name one the merge still
    has (not one removed just before)."""
    path = tmp_path / "p.yaml"
    path.write_text("extends: national-framework\nid: p\nname: 方案\nversion: '1'\nfacts:\n"
                    "  decision.basis.industry: null\n  decision.basis.duty: {type: boolean, label: 职责}\n"
                    "  new.one: {type: number}\n",
                    encoding="utf-8")
    resolved, _ = resolve_profile(path)
    names = list(resolved.located.data["facts"])
    assert names[:3] == ["decision.basis.policy", "decision.basis.duty", "decision.basis.public"]
    assert names[-1] == "new.one" and "decision.basis.industry" not in names
    assert resolved.located.data["facts"]["decision.basis.duty"]["label"] == "职责"
    changes = [(c.what, c.target) for c in resolved.changes if c.what.endswith("facts")]
    assert changes == [("removed facts", "decision.basis.industry"), ("redeclared facts", "decision.basis.duty")]
    path.write_text("extends: national-framework\nid: p\nname: 方案\nversion: '1'\nfacts:\n"
                    "  decision.basis.duty: null\n  decision.basis.dutty: null\n  new.two: null\n",
                    encoding="utf-8")
    with pytest.raises(IndicatorSetError) as err:
        resolve_profile(path)
    said = [(p.line, p.message, p.hint) for p in err.value.problems]
    assert [(line, message) for line, message, _ in said] == [(7, "the base set has no fact decision.basis.dutty to remove"),
                                                               (8, "the base set has no fact new.two to remove")]
    assert said[0][2] is not None and "decision.basis.duty" not in said[0][2]  # the one removed just before is no more
