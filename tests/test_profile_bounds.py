"""A profile read within the YAML reader's bounds whose resolved set is past them is refused as a set too big is.

QA203 2: a profile of 9,900 checks under MAX_YAML_NODES, resolved onto national-framework, went over it while the
resolved tree was read, and the reader's own error escaped: `validate` said 内部错误 (exit 3) and load_indicator_set
raised the reader's YamlError, which is no ScoringEngineError.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scoring_engine import IndicatorSetError, ScoringEngineError, load_indicator_set
from scoring_engine._files import bundled_sets
from scoring_engine._yaml import MAX_YAML_NODES
from scoring_engine.cli import main


def _values(text: str) -> int:
    return sum(isinstance(e, yaml.NodeEvent) for e in yaml.parse(text, Loader=yaml.SafeLoader))


def _profile_past_the_bound() -> str:
    """A profile of national-framework with checks that cannot fail (five values each): the profile alone under
    MAX_YAML_NODES, the set it makes with its base over it."""
    base = _values(Path(bundled_sets()["national-framework"]).read_text(encoding="utf-8"))
    head, check = "extends: national-framework\nid: big\nname: 大\nversion: '1'\nchecks:\n", "- {expr: '1 > 0', message: m}\n"
    text = head + check * ((MAX_YAML_NODES - _values(head + check)) // 5)
    assert _values(text) <= MAX_YAML_NODES < _values(text) + base - 10
    return text


def test_a_profile_whose_resolved_set_is_past_max_yaml_nodes_is_refused_naming_it(tmp_path: Path) -> None:
    """load_indicator_set raises IndicatorSetError naming the profile's file, its extends: and MAX_YAML_NODES."""
    path = tmp_path / "big.yaml"
    path.write_text(_profile_past_the_bound(), encoding="utf-8")
    with pytest.raises(IndicatorSetError) as err:
        load_indicator_set(path)
    assert isinstance(err.value, ScoringEngineError)
    [problem] = err.value.problems
    assert problem.file is not None and problem.file.endswith("big.yaml")
    assert problem.line is not None and problem.line >= 1
    assert "national-framework" in problem.message and f"more than {MAX_YAML_NODES} values (MAX_YAML_NODES)" in problem.message
    assert problem.hint and "write fewer in this profile" in problem.hint


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_refuses_a_profile_past_max_yaml_nodes_with_exit_1_in_either_language(tmp_path: Path, lang: str) -> None:
    """`validate` says the bound on one line in the run's language and exits 1, never 内部错误 with exit 3."""
    path = tmp_path / "big.yaml"
    path.write_text(_profile_past_the_bound(), encoding="utf-8")
    out = CliRunner().invoke(main, ["--lang", lang, "validate", str(path)])
    assert out.exit_code == 1, out.output
    assert ("MAX_YAML_NODES" if lang == "en" else "值超过 50000 个") in out.output  # in Chinese by its figure (QA263 F4)
    assert re.search(r"big\.yaml:\d+:\d+: ", out.output)  # at the value it stopped at
    assert "内部错误" not in out.output and "internal error" not in out.output and "YamlError" not in out.output
    if lang == "zh":
        assert "本方案与 national-framework 合成的指标体系：值超过 50000 个" in out.output
        assert "the set this profile makes" not in out.output and "count too" not in out.output
