"""The bundled provincial and programme profiles: each builds on a bundled set, has its source's weights, and cites it."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import bundled_sets, load_indicator_set
from scoring_engine.cli import main
from scoring_engine.model import IndicatorSet

BUNDLED = bundled_sets()

# The top-level weights each source gives (see each set's header comment), and the words its description cites it by.
SOURCES = {
    # 效益 + 满意度 40 is one group: the note gives one figure for both and leaves the split to the project's rows.
    "hubei-self-evaluation": ({"budget": 20, "output": 40, "benefit": 40}, "湖北省预算管理一体化系统"),
    "henan-special-bond": ({"budget": 10, "cost": 20, "output": 40, "benefit": 20, "satisfaction": 10}, "河南省政府专项债券"),
    # 运营期不涉及财政资金投入: 预算执行率 0 (removed), 成本 20 + 10.
    "henan-special-bond-operation": ({"cost": 30, "output": 40, "benefit": 20, "satisfaction": 10}, "河南省政府专项债券"),
    "cost-type-self-evaluation": ({"budget": 10, "cost": 20, "output": 40, "benefit": 20, "satisfaction": 10}, "财预〔2021〕101号"),
}


def _written(set_id: str) -> dict[str, object]:
    return yaml.safe_load(BUNDLED[set_id].read_text(encoding="utf-8"))


def _profile(set_id: str) -> IndicatorSet:
    return load_indicator_set(BUNDLED[set_id])


def test_the_bundled_profiles_are_the_ones_listed_here() -> None:
    """Every bundled set that says extends: is one of the profiles this file checks, and each of those is bundled."""
    assert set(SOURCES) == {set_id for set_id in BUNDLED if "extends" in _written(set_id)}


@pytest.mark.parametrize("set_id", sorted(SOURCES))
def test_a_bundled_profile_extends_a_bundled_set_by_id(set_id: str) -> None:
    """The base a bundled profile names is a bundled set's id (not a path), so it resolves wherever the package is installed."""
    base = _written(set_id)["extends"]
    assert base in BUNDLED
    assert (base, *load_indicator_set(BUNDLED[base]).extends) == _profile(set_id).extends


@pytest.mark.parametrize("set_id", sorted(SOURCES))
def test_a_bundled_profile_has_its_sources_weights(set_id: str) -> None:
    """The resolved profile's 一级 weights are those of its source, in the source's order, and add up to 100."""
    weights, _ = SOURCES[set_id]
    profile = _profile(set_id)
    assert {k: Decimal(v) for k, v in weights.items()} == {i.id: i.weight for i in profile.indicators}
    assert list(weights) == [i.id for i in profile.indicators]
    assert Decimal(100) == profile.total


@pytest.mark.parametrize("set_id", sorted(SOURCES))
def test_a_bundled_profile_cites_its_source(set_id: str) -> None:
    """Its description names the source after 来源：, and its header comment says where the source comes from."""
    _, cited = SOURCES[set_id]
    assert cited in str(_written(set_id)["description"]).split("来源：", 1)[1]
    header = BUNDLED[set_id].read_text(encoding="utf-8").split("\nextends:", 1)[0]
    assert re.search(r"^# Source: ", header, re.M), "the header comment has a Source: paragraph"


def test_hubei_scores_the_qualitative_rows_in_its_own_tiers() -> None:
    """Hubei's 定性 tiers are 100–80 %, 80–50 %, 50–0 % in both row groups, and 执行率 is proportional (no bands variant)."""
    profile = _profile("hubei-self-evaluation")
    for group in (i for i in profile.indicators if i.rows is not None):
        tiers = group.rows.rules["qualitative"].params.tiers
        assert [("达成年度指标", Decimal("0.8")), ("部分达成并具有一定效果", Decimal("0.5")), ("未达成且效果较差", Decimal(0))] \
            == [(label, interval.low) for label, interval in tiers]
    budget = next(i for i in profile.indicators if i.id == "budget")
    assert "proportional" == budget.rule.kind and "budget.method" not in profile.facts


def test_the_operation_profile_moves_the_execution_weight_to_cost() -> None:
    """"预算执行率指标权重为0，成本指标权重调增10%": the operation profile is the construction one with 预算执行率's 10
    points on 成本 and nothing else changed."""
    construction = {i.id: i.weight for i in _profile("henan-special-bond").indicators}
    operation = {i.id: i.weight for i in _profile("henan-special-bond-operation").indicators}
    moved = construction.pop("budget")
    construction["cost"] += moved
    assert construction == operation
    assert not any(name.startswith("budget.") for name in _profile("henan-special-bond-operation").facts)


def test_the_101_profile_scores_quantitative_rows_with_the_pass_line() -> None:
    """101号: every ≥ and ≤ row rule of every group has the 60 % floor, and 执行率 is scored in 101号's bands."""
    profile = _profile("cost-type-self-evaluation")
    groups = [i for i in profile.indicators if i.rows is not None]
    assert 4 == len(groups)
    floors = {(g.id, kind): g.rows.rules[kind].params.floor for g in groups for kind in ("quantitative", "quantitative_lower")}
    assert {Decimal("0.6")} == set(floors.values())
    budget = next(i for i in profile.indicators if i.id == "budget")
    assert [(1, 10), (Decimal("0.8"), 7), (Decimal("0.6"), 5), (None, 0)] == [(b.get("min"), b["points"]) for b in budget.rule.spec["bands"]]


@pytest.mark.parametrize("set_id", sorted(SOURCES))
def test_validate_shows_what_a_bundled_profile_changes(set_id: str) -> None:
    """`validate ID` of a bundled profile says ok and prints its resolved 一级 with their weights, naming the base."""
    out = CliRunner().invoke(main, ["--lang", "en", "validate", set_id])
    assert 0 == out.exit_code, out.output
    lines = out.output.splitlines()
    assert f"extends {' → '.join(_profile(set_id).extends)}" in lines[1]
    weights, _ = SOURCES[set_id]
    top = [re.fullmatch(r"    ([\w.-]+) \S+ (\d+)(  ← .*)?", line) for line in lines[2:]]
    assert {k: str(v) for k, v in weights.items()} == {m[1]: m[2] for m in top if m}


def test_the_readme_lists_every_bundled_set() -> None:
    """indicator_sets/README.md has a row for each bundled set, and none for a set that is not bundled."""
    readme = (ROOT / "indicator_sets" / "README.md").read_text(encoding="utf-8")
    assert set(BUNDLED) == set(re.findall(r"^\| `([\w-]+)` \|", readme, re.M))


def test_bundled_profiles_need_no_path(tmp_path: Path) -> None:
    """A bundled profile resolves from a folder that holds no sets: its base is found by id."""
    out = CliRunner().invoke(main, ["resolve", "henan-special-bond-operation", "--output", str(tmp_path / "flat.yaml")])
    assert 0 == out.exit_code, out.output
    flat = load_indicator_set(tmp_path / "flat.yaml")
    assert ["cost", "output", "benefit", "satisfaction"] == [i.id for i in flat.indicators]


def test_the_form_of_a_profile_prints_the_categories_its_row_groups_declare() -> None:
    """The blank 自评表 of the 专项债 profile lists 经济/社会/生态环境成本指标 under 成本指标 and no 成本指标 line under
    产出指标; Hubei's lists 服务对象满意度指标 under 效益指标 (the layout's own 二级 are for the national groups)."""
    def blocks(set_id: str) -> dict[str, list[str]]:
        out = CliRunner().invoke(main, ["template", set_id, "--format", "markdown"])
        assert 0 == out.exit_code, out.output
        found: dict[str, list[str]] = {}
        current = ""
        for line in out.output.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > 2 and cells[0] == "" and cells[2]:
                current = cells[1] or current
                found.setdefault(current, []).append(cells[2])
        return found

    bond = blocks("henan-special-bond")
    assert ["经济成本指标", "社会成本指标", "生态环境成本指标"] == bond["成本指标"]
    assert ["数量指标", "质量指标", "时效指标"] == bond["产出指标"]
    assert "服务对象满意度指标" == blocks("hubei-self-evaluation")["效益指标"][-1]
