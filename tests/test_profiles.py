"""Profiles (`extends:`): a set that says only what it changes in its base, resolved, explained and refused line by line."""

from __future__ import annotations

import json
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, add_side_row
from scoring_engine import (Facts, FactsError, IndicatorSetError, ScoringEngineError, load_facts, load_indicator_set,
                            parse_indicator_set, score)
from scoring_engine._files import bundled_sets
from scoring_engine._zh import translate
from scoring_engine.cli import main
from scoring_engine.diff import diff_sets
from scoring_engine.model import Indicator, IndicatorSet

NATIONAL_FACTS = ROOT / "indicator_sets" / "national-framework.facts.json"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _decision_rescaled(folder: Path, more: str = "") -> Path:
    """A profile of the national framework that moves 决策 15 → 10 (rescale: siblings), with `more` entries of change
    (written as they sit under change:, one level in). The profile's first line is its `extends:`."""
    head = "extends: national-framework\nchange:\n  decision: {weight: 10, rescale: siblings}\n"
    return _write(folder, "p.yaml", head + textwrap.indent(textwrap.dedent(more).lstrip("\n"), "  "))


def _output_rows_replaced(folder: Path, block: str, more: str = "") -> Path:
    """A profile of self-evaluation whose `change:` replaces the row group of 产出 with `block` (its children_from, on the
    profile's line 4), then the profile's other sections `more`."""
    head = "extends: self-evaluation\nchange:\n  output:\n    children_from:\n"
    return _write(folder, "p.yaml", head + textwrap.indent(textwrap.dedent(block).lstrip("\n"), "      ")
                  + textwrap.dedent(more).lstrip("\n"))


def _problems(path: Path) -> list[tuple[str | None, int | None, str, str | None]]:
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    return [(Path(p.file).name if p.file else None, p.line, p.message, p.hint) for p in caught.value.problems]


def _adds_up(node: Indicator) -> bool:
    return not node.children or (sum((c.weight for c in node.children), Decimal(0)) == node.weight
                                 and all(_adds_up(c) for c in node.children))


def _every_level_adds_up(indicator_set: IndicatorSet) -> bool:
    top = sum((i.weight for i in indicator_set.indicators), Decimal(0))
    return top == indicator_set.total and all(_adds_up(i) for i in indicator_set.indicators)


def test_a_profile_that_only_extends_scores_exactly_as_its_base(tmp_path: Path) -> None:
    """`extends: national-framework` and nothing else gives the national set's scores, reasons, total and grade."""
    profile = load_indicator_set(_write(tmp_path, "p.yaml", "extends: national-framework\n"))
    national = load_indicator_set("national-framework")
    facts = load_facts(NATIONAL_FACTS)
    mine, theirs = score(profile, facts), score(national, facts)
    assert [(r.id, r.score, r.reason) for r in theirs.walk()] == [(r.id, r.score, r.reason) for r in mine.walk()]
    assert (theirs.total, theirs.grade) == (mine.total, mine.grade)
    assert (national.id, national.version) == (profile.id, profile.version)
    assert ("national-framework",) == profile.extends


def test_the_hash_of_a_profile_covers_its_base(tmp_path: Path) -> None:
    """A result's sha256 changes when the base file changes, though the profile's own text did not."""
    base = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    profile = _write(tmp_path, "p.yaml", "extends: base.yaml\n")
    before = load_indicator_set(profile).sha256
    (tmp_path / "base.yaml").write_text(base.replace('version: "', 'version: "9'), encoding="utf-8")
    assert before != load_indicator_set(profile).sha256


def test_changing_one_top_level_weight_with_rescaling_keeps_every_level_adding_up(tmp_path: Path) -> None:
    """决策 15 → 10 with rescale: siblings: 决策's children follow it, 过程/产出/效益 take the 5 points, all in whole points."""
    path = _decision_rescaled(tmp_path, """
        decision.project.procedure:
          rule:
            kind: checklist
            elements:
              - {name: 程序, met: decision.procedure.followed}
              - {name: 文件, met: decision.procedure.documents}
        decision.goals.clear: {weight: 2}
        decision.goals.reasonable: {weight: 1}
        """)
    profile = load_indicator_set(path)
    weights = {i.id: i.weight for i in profile.walk()}
    assert {"decision": 10, "process": 26, "output": 32, "benefit": 32} == {i.id: i.weight for i in profile.indicators}
    assert _every_level_adds_up(profile)
    assert all(w == w.to_integral_value() for w in weights.values())
    assert score(profile, load_facts(NATIONAL_FACTS)).total <= 100


def test_rescaling_the_children_follows_the_new_weight_down_the_tree(tmp_path: Path) -> None:
    """rescale: true on 产出 30 → 40 scales its 二级 and 三级 indicators in proportion; 效益 gives up the 10 explicitly."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          output: {weight: 40, rescale: true}
          benefit: {weight: 20, rescale: true}
        """)
    profile = load_indicator_set(path)
    assert _every_level_adds_up(profile)
    output = next(i for i in profile.indicators if i.id == "output")
    assert [13, 11, 8, 8] == [c.weight for c in output.children]  # 10, 8, 6, 6 of 30 → 40, largest remainder


def test_diff_of_base_and_profile_names_the_changed_indicator_and_both_weights(tmp_path: Path) -> None:
    """`diff national-framework profile.yaml` of a profile that moves 决策 15 → 10 lists decision with 15 and 10."""
    path = _decision_rescaled(tmp_path)
    changes = diff_sets(load_indicator_set("national-framework"), load_indicator_set(path)).changes
    assert any(c.indicator == "decision" and (c.old, c.new) == ("15", "10") for c in changes)
    out = CliRunner().invoke(main, ["diff", "national-framework", str(path)])
    assert 0 == out.exit_code, out.output
    line = next(text for text in out.output.splitlines() if "决策" in text and "15" in text)
    assert "10" in line


def test_a_weight_that_no_longer_adds_up_points_at_the_profiles_line(tmp_path: Path) -> None:
    """Changing 决策 to 10 without rescaling: the top level adds up to 95, reported at the changed weight in the profile."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision:
            weight: 10
            rescale: true
        """)
    found = [p for p in _problems(path) if "add up to 95" in p[2]]
    assert [("p.yaml", 4)] == [(file, line) for file, line, _, _ in found]


def test_a_rescaled_indicators_rule_points_follow_its_weight(tmp_path: Path) -> None:
    """决策 15 → 10 with siblings: a checklist of three 1-point elements becomes 0.67 + 0.67 + 0.66 (still its weight 2), and
    服务对象满意度's bands 10/8/5/0 become 11/8.8/5.5/0 for its weight 11; validate says to restate their standards."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision:
            weight: 10
            rescale: siblings
        """)
    profile = load_indicator_set(path)
    procedure = next(i for i in profile.walk() if i.id == "decision.project.procedure")
    assert [Decimal("0.67"), Decimal("0.67"), Decimal("0.66")] == [e.amount.value for e in procedure.rule.params.elements]
    satisfaction = next(i for i in profile.walk() if i.id == "benefit.satisfaction.beneficiaries")
    assert Decimal(11) == satisfaction.weight
    out = CliRunner().invoke(main, ["validate", str(path)])
    assert "its rule's points scaled from 10 to 11: restate its standard (line 5)" in out.output


def test_a_base_rule_that_cannot_follow_a_rescaled_weight_is_reported_at_the_rescale(tmp_path: Path) -> None:
    """Points that cannot be scaled exactly (1 + 1 + half the weight, to 3 at one decimal): the error is at the profile's
    rescale line, naming the base's line and the fix."""
    _write(tmp_path, "base.yaml", """
        id: base
        name: 基础
        version: "1"
        precision: 1
        facts: {a: {type: boolean}, b: {type: boolean}, c: {type: boolean}}
        grades: [{label: 合格, min: 0}]
        indicators:
          - id: top
            name: 一级
            weight: 100
            children:
              - id: top.list
                name: 要点
                weight: 4
                rule:
                  kind: checklist
                  elements:
                    - {name: 甲, points: 1, met: a}
                    - {name: 乙, points: 1, met: b}
                    - {name: 丙, share: 0.5, met: c}
              - {id: top.rest, name: 其他, weight: 96, rule: {kind: formula, score: weight}}
        """)
    path = _write(tmp_path, "p.yaml", "extends: base.yaml\nchange:\n  top.list:\n    weight: 3\n    rescale: siblings\n")
    problems = [p for p in _problems(path) if p[2].startswith("element points add up")]
    assert [("p.yaml", 4)] == [(file, line) for file, line, _, _ in problems]  # the weight the profile wrote
    assert "base.yaml line 18" in (problems[0][3] or "") and "under change:" in (problems[0][3] or "")


def test_a_rescale_that_rounds_a_checklist_element_to_0_points_is_refused_at_the_rescale(tmp_path: Path) -> None:
    """决策 15 → 10 at precision 0 took ③事前论证评估 (1 of 3 points) to 0: five missing pre-appraisals cost nothing and
    the reason said every element was met. The element worth 0 is refused at the profile's line, with the fix."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nprecision: 0\nchange:\n"
                                      "  decision: {weight: 10, rescale: siblings}\n")
    problems = [p for p in _problems(path) if "is worth 0 points" in p[2]]
    assert {("p.yaml", 4)} == {(file, line) for file, line, _, _ in problems}
    assert any("element ③事前论证评估 is worth 0 points" in message for _, _, message, _ in problems), problems
    assert all("under change:" in (hint or "") for _, _, _, hint in problems)


@pytest.mark.parametrize("text, line, words", [
    ("change:\n  decison: {weight: 10}\n", 3, "no indicator decison in the base set"),
    ("remove: [benefit.effect]\n", 2, "no indicator benefit.effect in the base set"),
    ("add:\n  - {under: output.quantity.completion, id: x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n", 3,
     "has no children to add to"),
    ("add:\n  - {under: output, after: process.funds, id: x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n", 3,
     "process.funds is not under output"),
    ("add:\n  - {after: process.funds.arrival, id: x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n", 3,
     "process.funds.arrival is not a top-level indicator"),
    ("remove: [output.quantity.completion]\n", 2, "leaves its parent without indicators"),
    ("change:\n  decision: {weight: 120, rescale: siblings}\n", 3, "nothing is left to rescale the others to"),
    ("change:\n  decision: {weight: 97, rescale: siblings}\n", 3, "with 0 points"),
])
def test_a_change_the_base_cannot_take_is_refused_at_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    """Unknown ids, additions under a leaf or beside a stranger, rescales that leave nothing: each one line in the profile."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\n" + text)
    problems = _problems(path)
    assert any(file == "p.yaml" and at == line and words in message for file, at, message, _ in problems), problems


def test_adding_under_a_leaf_is_told_the_way_that_works_and_done_so_the_profile_validates(tmp_path: Path) -> None:
    """`add: - under: <a leaf>` was told to give the leaf children: [...] under change:, which is refused in turn (a
    profile cannot take a rule away) (QA164 F5). It is told to remove: the leaf and add: under its parent (or at the top
    level) an indicator with children in its place, its rule moved to one of them; the profile written so validates."""
    added = "  - {under: process.funds.arrival, id: process.funds.x, name: 新指标, weight: 2, rule: {kind: formula, score: 1}}\n"
    [(_, line, message, hint)] = _problems(_write(tmp_path, "p.yaml", "extends: national-framework\nadd:\n" + added))
    assert (3, "process.funds.arrival has no children to add to (it is scored by a rule)") == (line, message)
    assert ("remove: [process.funds.arrival], then add: under process.funds an indicator with children: [...] in its "
            "place, its rule moved to one of them") == hint
    assert ("请在 remove: 中删去 process.funds.arrival，再用 add:（under: process.funds）加一个带 children: [...] 的指标代替它，"
            "原来的 rule 写在其中一个下级指标里") == translate(hint or "")
    followed = _write(tmp_path, "q.yaml", """
        extends: national-framework
        remove: [process.funds.arrival]
        add:
          - under: process.funds
            id: process.funds.arrival
            name: 资金到位
            weight: 4
            children:
              - {id: process.funds.arrival.rate, name: 资金到位率, weight: 2, standard: 资金到位率,
                 rule: {kind: proportional, value: funding_rate}}
              - {id: process.funds.x, name: 新指标, weight: 2, standard: 新, rule: {kind: formula, score: 2}}
        """)
    assert 2 == load_indicator_set(followed).indicator("process.funds.x").weight
    _write(tmp_path, "base.yaml", """
        id: base
        name: 基础
        version: "1"
        grades: [{label: 合格, min: 0}]
        indicators:
          - {id: a, name: 甲, weight: 60, standard: 甲, rule: {kind: formula, score: 60}}
          - {id: b, name: 乙, weight: 40, standard: 乙, rule: {kind: formula, score: 40}}
        """)
    top = "extends: base.yaml\nadd:\n  - {under: a, id: a.x, name: 新, weight: 1, standard: 新, rule: {kind: formula, score: 1}}\n"
    assert [("remove: [a], then add: an indicator with children: [...] in its place, its rule moved to one of them",
             "请在 remove: 中删去 a，再用 add: 加一个带 children: [...] 的指标代替它，原来的 rule 写在其中一个下级指标里")] \
        == [(hint, translate(hint or "")) for *_, hint in _problems(_write(tmp_path, "t.yaml", top))]


@pytest.mark.parametrize("new_id", ["output.quality.rate", "output.quality.rate2"])
def test_a_parents_only_child_removed_and_replaced_by_add_under_that_parent_validates(tmp_path: Path, new_id: str) -> None:
    """QA166 F1: removing 质量达标率 (产出质量's only indicator) and adding under 产出质量 an indicator with children in its
    place, as the advice for `add: under: <leaf>` says, was refused: 'removing output.quality.rate leaves its parent
    without indicators' (the check ran before add:). The parent is looked at once add: is applied: the profile validates,
    with the same id or a new one; a removal that nothing replaces is still refused."""
    path = _write(tmp_path, "p.yaml", f"""
        extends: national-framework
        remove: [output.quality.rate]
        add:
          - under: output.quality
            id: {new_id}
            name: 质量达标率
            weight: 8
            children:
              - {{id: {new_id}.main, name: 质量达标率, weight: 6, standard: 达标率, rule: {{kind: proportional, value: quality_rate}}}}
              - {{id: {new_id}.extra, name: 额外, weight: 2, standard: 额外, rule: {{kind: formula, score: 2}}}}
        """)
    loaded = load_indicator_set(path)
    assert [new_id] == [child.id for child in loaded.indicator("output.quality").children]
    assert 6 == loaded.indicator(f"{new_id}.main").weight
    elsewhere = _write(tmp_path, "q.yaml", "extends: national-framework\nremove: [output.quality.rate]\nadd:\n"
                       "  - {under: output.quantity, id: output.quantity.x, name: 新, weight: 8, rule: {kind: formula, score: 8}}\n")
    assert [(2, "removing output.quality.rate leaves its parent without indicators")] == \
        [(line, message) for _, line, message, _ in _problems(elsewhere) if "leaves" in message]


@pytest.mark.parametrize("removed", ["[output.cost.saving, output.cost]", "[output.cost, output.cost.saving]"])
def test_removing_a_parent_with_its_only_child_listed_too_validates_in_either_order(tmp_path: Path, removed: str) -> None:
    """remove: [成本节约率, 产出成本] was refused: 'removing output.cost.saving leaves its parent without indicators', with
    the fix the same list makes (remove the parent); the other order was refused as removed already (QA260 F2). Both
    orders remove the two, as remove: [output.cost] does."""
    path = _write(tmp_path, "p.yaml", f"extends: national-framework\nremove: {removed}\n"
                                      "change:\n  output.quantity: {weight: 16, rescale: true}\n")
    loaded = load_indicator_set(path)
    assert ["output.quantity", "output.quality", "output.timeliness"] == [c.id for c in loaded.indicator("output").children]


def test_rescaling_an_indicator_scored_by_target_rows_is_refused(tmp_path: Path) -> None:
    """产出 of the self-evaluation set takes its rows from the facts: there is nothing below it to rescale."""
    path = _write(tmp_path, "p.yaml", "extends: self-evaluation\nchange:\n  output: {weight: 40, rescale: true}\n"
                                      "  budget: {weight: 20}\n")
    assert any(file == "p.yaml" and line == 3 and "has nothing below it to rescale" in m for file, line, m, _ in _problems(path))


def test_a_misspelt_id_gets_a_did_you_mean(tmp_path: Path) -> None:
    """change: {decison: …} suggests decision."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n  decison: {weight: 15}\n")
    assert [("did you mean decision?")] == [hint for _, _, _, hint in _problems(path)]


def test_an_id_a_profile_writes_that_its_base_has_names_the_base_file_with_its_line(tmp_path: Path) -> None:
    """QA125 F2: new children under change: with an id of the base ('decision.goals.clear') were told 'first on line
    201', a line the profile does not have: the base's file is named with it, and the id said to be the base's."""
    path = _write(tmp_path, "p.yaml", textwrap.dedent("""\
        extends: national-framework
        change:
          output.quality:
            children:
              - {id: output.quality.rate, name: 质量达标率, weight: 4, rule: {kind: proportional, value: quality_rate}}
              - {id: decision.goals.clear, name: 重复, weight: 4, rule: {kind: proportional, value: quality_rate}}
        """))
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    (problem,) = [p for p in caught.value.problems if "used twice" in p.message]
    base = ROOT / "indicator_sets" / "national-framework.yaml"
    line = next(n for n, text in enumerate(base.read_text(encoding="utf-8").splitlines(), 1)
                if "id: decision.goals.clear" in text)
    assert (Path(problem.file or "").name, problem.line) == ("p.yaml", 6)
    assert f"indicator id decision.goals.clear is used twice (also in {base}, line {line})" == problem.message
    assert f"另一处在 {base} 第 {line} 行" in problem.text("zh") and "base" not in problem.text("zh")
    # QA128 F2: an id of the base that comes later in the tree than the profile's is said at the profile's line too
    later = _write(tmp_path, "later.yaml", path.read_text(encoding="utf-8").replace("id: decision.goals.clear",
                                                                                   "id: benefit.satisfaction"))
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(later)
    (problem,) = [p for p in caught.value.problems if "used twice" in p.message]
    line = next(n for n, text in enumerate(base.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip() == "- id: benefit.satisfaction")
    assert (Path(problem.file or "").name, problem.line) == ("later.yaml", 6)
    assert f"indicator id benefit.satisfaction is used twice (also in {base}, line {line})" == problem.message


def test_a_profile_with_an_anchor_is_refused_with_its_other_mistakes_and_a_list_holding_itself_ends(tmp_path: Path) -> None:
    """QA128 F3: refusing a profile's anchor before the merge (QA125 F7: a list holding itself was merged for ever) hid
    its other mistakes, which a full set with an anchor still reports. The aliases are cut from the node tree as from
    the data: the anchor and an id the base has not are both said, and `remove: &r [*r]` only its anchor and alias."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nname: &n 省级\nchange:\n  nonexistent.id: {weight: 5}\n")
    assert [("p.yaml", 2, "anchor &n is not supported: anchors and aliases are refused"),
            ("p.yaml", 4, "no indicator nonexistent.id in the base set")] == [
        (file, line, message) for file, line, message, _ in _problems(path)]
    looped = _write(tmp_path, "loop.yaml", "extends: national-framework\nremove: &r [*r]\n")
    assert ["anchor &r is not supported: anchors and aliases are refused",
            "alias *r is not supported: anchors and aliases are refused"] == [m for _, _, m, _ in _problems(looped)]


def test_children_a_profile_writes_that_do_not_add_up_are_said_at_its_children_line(tmp_path: Path) -> None:
    """QA130 F2: new children under change: whose weights add up to 1 under the base's 30 were told at the bundled
    file's weight line, which the author does not edit; they are said at the profile's children:, as a changed weight
    that breaks a sum is said at the profile's line."""
    path = _write(tmp_path, "p.yaml", textwrap.dedent("""\
        extends: national-framework
        change:
          benefit:
            children:
              - {id: benefit.only, name: 唯一, weight: 1, rule: {kind: proportional, value: quality_rate}}
        """))
    assert [("p.yaml", 4, "weights of the children of benefit add up to 1 (1), not 30",
             "make the children's weights add up to 30, or give the weight they add up to")] == [
        p for p in _problems(path) if "add up" in p[2]]
    # QA132 F3: a profile of that profile is told at the base profile's children:, not at the bundled file either
    derived = _write(tmp_path, "d.yaml", "extends: p.yaml\nid: d\nchange:\n  decision: {name: 决策X}\n")
    assert [("p.yaml", 4)] == [p[:2] for p in _problems(derived) if "add up" in p[2]]


def test_a_weight_a_base_profile_changed_is_said_at_its_line_for_a_profile_of_it_too(tmp_path: Path) -> None:
    """QA133 F2: q changes decision's weight to 16 over the bundled children (15); r extends q. Validating r said the
    mismatch at national-framework.yaml's children: line, a file no author edits. It is said at q's weight line, where
    it was written, as it is when q itself is validated."""
    _write(tmp_path, "q.yaml", "extends: national-framework\nid: q\nchange:\n  decision: {weight: 16}\n"
                               "  process: {weight: 24}\n")
    derived = _write(tmp_path, "r.yaml", "extends: q.yaml\nid: r\n")
    assert [("q.yaml", 4), ("q.yaml", 5)] == [p[:2] for p in _problems(derived) if "add up" in p[2]]


def test_removing_a_fact_the_base_still_reads_is_reported_at_the_removal(tmp_path: Path) -> None:
    """facts: {budget.total: null} while the base's 资金到位率 reads it: the error is on the profile's line, naming the base's."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nfacts:\n  budget.total: null\n")
    problems = [p for p in _problems(path) if "budget.total" in p[2]]
    assert problems and {("p.yaml", 3)} == {(file, line) for file, line, _, _ in problems}
    assert all("national-framework.yaml line" in (hint or "") for _, _, _, hint in problems)


def test_a_removal_a_base_profile_made_said_again_is_no_slip(tmp_path: Path) -> None:
    """QA85 F2: a county profile repeating its province profile's `facts: {budget.method: null}` (cost-type removes it)
    was told the base has no such fact, with a did-you-mean of a fact still scored on; it loads, as it did."""
    path = _write(tmp_path, "p.yaml", "extends: cost-type-self-evaluation\nid: county\nfacts:\n  budget.method: null\n")
    assert "budget.method" not in load_indicator_set(path).facts


def test_a_fact_declared_anew_that_the_base_reads_otherwise_is_reported_at_the_profile_line(tmp_path: Path) -> None:
    """QA82 F2: `budget.total: {type: string}` in a profile's facts: gave errors only in the installed base's checks,
    with a fix about quotes; they are on the profile's line, naming the base's line and what to do. A fact declared
    anew that still fits (a label) is no problem, and validate lists no indicator as changed by it."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nfacts:\n  budget.total: {type: string, label: 预算}\n")
    problems = [p for p in _problems(path) if "budget.total" in p[2]]
    assert problems and {("p.yaml", 3)} == {(file, line) for file, line, _, _ in problems}
    assert all((hint or "").startswith("this profile declares budget.total anew, and ") and "national-framework.yaml line "
               in (hint or "") for _, _, _, hint in problems), problems
    fits = _write(tmp_path, "q.yaml", "extends: national-framework\nfacts:\n  budget.total: {type: number, min: 0, "
                                      "label: 年度预算总额}\n")
    assert "年度预算总额" == load_indicator_set(fits).facts["budget.total"].label
    run = CliRunner().invoke(main, ["--lang", "en", "validate", str(fits)])
    assert 0 == run.exit_code and "redeclared" not in run.output, run.output


def test_the_profiles_own_formula_reading_a_fact_it_removes_is_told_of_the_removal(tmp_path: Path) -> None:
    """QA82 F4: a profile that removes benefit.ecological (line 3) and reads it in its own derived value was offered
    benefit.economic, another fact; it is told of its removal, as a base that reads it is."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nfacts:\n  benefit.ecological: null\n"
                                      "derived:\n  eco: {expr: benefit.ecological}\n")
    [problem] = [p for p in _problems(path) if p[1] == 5]  # (the base's indicator reading it is said at line 3)
    assert ("p.yaml", 5, "unknown name benefit.ecological",
            "this profile removes benefit.ecological (line 3): keep it, or read another name") == problem


def test_a_profile_reading_a_fact_its_base_profile_removed_is_told_which_profile_removed_it(tmp_path: Path) -> None:
    """QA87 F6: a profile of cost-type-self-evaluation (which removes budget.method) reading budget.method was told
    'this profile removes budget.method (line 138)', a line of the base profile's file; it names that profile and file,
    and how to have the fact again."""
    path = _write(tmp_path, "p.yaml", "extends: cost-type-self-evaluation\nid: p\nderived:\n  m2: {expr: budget.method}\n")
    [problem] = [p for p in _problems(path) if p[2] == "unknown name budget.method"]
    assert (problem[3] or "").startswith("the profile cost-type-self-evaluation removes budget.method (")
    lines = (ROOT / "indicator_sets" / "cost-type-self-evaluation.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  budget.method: null") + 1  # the line of the base profile that removes it
    assert (problem[3] or "").endswith(f"cost-type-self-evaluation.yaml, line {line}): declare it again under facts:, or read "
                                       "another name")


def test_a_countys_own_change_to_a_fact_its_province_declared_anew_is_said_as_its_own(tmp_path: Path) -> None:
    """QA88 F2: once a base profile's declaration anew was inherited, a county declaring the fact again was told of the
    province's line, and one removing it was told the province declares it: each is said as the county's own."""
    _write(tmp_path, "p.yaml", "extends: self-evaluation\nid: p\nfacts:\n  budget.paid: {type: number, min: 0, label: 已付}\n")
    again = _write(tmp_path, "c.yaml", "extends: p.yaml\nid: c\nfacts:\n  budget.paid: {type: boolean, label: 付清}\n")
    assert any(file == "c.yaml" and (hint or "").startswith("this profile declares budget.paid anew")
               for file, _, _, hint in _problems(again)), _problems(again)
    gone = _write(tmp_path, "d.yaml", "extends: p.yaml\nid: d\nfacts:\n  budget.paid: null\n")
    hints = [hint or "" for file, _, _, hint in _problems(gone) if file == "d.yaml"]
    assert hints and all(h.startswith("this profile removes budget.paid") for h in hints), _problems(gone)


def test_profile_keys_without_extends_are_refused(tmp_path: Path) -> None:
    """A set with change: but no extends: is told what change: is for."""
    base = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    path = _write(tmp_path, "s.yaml", base + "\nremove: [x]\n")
    assert any("remove: is for a profile" in message for _, _, message, _ in _problems(path))


@pytest.mark.parametrize("key", ["extend", "Extends", "extands"])
def test_a_misspelt_extends_beside_change_is_named_at_its_line(tmp_path: Path, key: str) -> None:
    """QA284 F5: a profile writing extend: or Extends: with a change: section was told only to add extends:, at the
    line of change:; the author, who believes extends: is written on line 1, is told of the slip there."""
    path = _write(tmp_path, "p.yaml", f"{key}: self-evaluation\nid: p\nchange:\n  output: {{weight: 30}}\n")
    problems = _problems(path)
    assert ("p.yaml", 1, f"unknown key {key!r}", "did you mean extends?") == problems[0], problems
    assert any("change: is for a profile" in message for _, _, message, _ in problems), problems


def test_a_profile_that_extends_its_own_file_is_told_so_with_a_base_to_name_instead(tmp_path: Path) -> None:
    """QA214 13: lc.yaml saying extends: lc.yaml (read through ld.yaml) was told ld.yaml → lc.yaml → lc.yaml with the fix
    to extend the set the loop started from, lc.yaml itself. It is told it extends itself, at its extends: line, with
    the bundled ids to extend instead, or another set's file."""
    _write(tmp_path, "lc.yaml", 'extends: lc.yaml\nid: lc\nname: 丙\nversion: "1"\n')
    ld = _write(tmp_path, "ld.yaml", 'extends: lc.yaml\nid: ld\nname: 丁\nversion: "1"\n')
    for path in (tmp_path / "lc.yaml", ld):
        [(file, line, message, hint)] = _problems(path)
        assert ("lc.yaml", 1, "extends 'lc.yaml' names this set's own file: a set cannot extend itself") == (file, line, message)
        assert hint is not None and "a bundled set's id (" in hint and "self-evaluation" in hint, hint
        assert translate(hint).startswith("改为基于本体系所依据的指标体系：写内置指标体系的编号（cost-type-self-evaluation、")


def test_a_profile_loop_and_a_base_outside_the_folder_are_refused(tmp_path: Path) -> None:
    """a.yaml → b.yaml → a.yaml names the loop; ../x.yaml is outside the profile's folder."""
    (tmp_path / "in").mkdir()
    _write(tmp_path / "in", "a.yaml", "extends: b.yaml\n")
    _write(tmp_path / "in", "b.yaml", "extends: a.yaml\n")
    assert any("makes a loop" in m for _, _, m, _ in _problems(tmp_path / "in" / "a.yaml"))
    _write(tmp_path, "x.yaml", "extends: national-framework\n")
    _write(tmp_path / "in", "c.yaml", "extends: ../x.yaml\n")
    assert any("not inside the folder" in m for _, _, m, _ in _problems(tmp_path / "in" / "c.yaml"))


def test_a_profile_given_as_text_extends_only_bundled_sets() -> None:
    """parse_indicator_set without a folder resolves a bundled id, and refuses a file with a hint naming the bundled ids."""
    assert "national-framework" == parse_indicator_set("extends: national-framework\n").id
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set("extends: mine.yaml\n", "p.yaml")
    assert "national-framework" in (caught.value.problems[0].hint or "")


def test_facts_and_derived_merge_by_name_and_null_removes(tmp_path: Path) -> None:
    """A profile adds a fact, replaces a derived value and removes a fact nothing reads any more; other sections replace."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        remove: [benefit.effects.ecological]
        change:
          benefit.effects.social: {weight: 10}
        facts:
          benefit.ecological: null
          note.extra: {type: string, label: 备注}
        derived:
          quality_rate: {expr: "ratio(output.qualified, output.planned, 0)", label: 质量达标率（按计划数）}
        grades:
          - {label: 合格, min: 60}
          - {label: 不合格, min: 0}
        explain_when:
          - {when: "grade == '不合格'", message: 评价结果为不合格，需说明原因}
        """)
    profile = load_indicator_set(path)
    assert "benefit.ecological" not in profile.facts and "note.extra" in profile.facts and "budget.total" in profile.facts
    assert "output.planned" in next(d for d in profile.derived if d.name == "quality_rate").formula.text
    assert ["合格", "不合格"] == [g.label for g in profile.grades]


def test_a_null_entry_naming_nothing_of_the_base_is_said_at_its_line(tmp_path: Path) -> None:
    """QA82 F3: `facts: {benefit.ecologcal: null}` (misspelt) removed nothing, without a word, and every project then
    failed for want of benefit.ecological, which no indicator read any more; `derived: {jobs_rate: null}` likewise.
    Each is an error on its line, with the name meant."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        remove: [benefit.effects.ecological]
        facts:
          benefit.ecologcal: null
        derived:
          quality_rat: null
        """)
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    assert [("the base set has no fact benefit.ecologcal to remove", 4, "did you mean benefit.ecological?"),
            ("the base set has no derived value quality_rat to remove", 6, "did you mean quality_rate?")] == \
        [(p.message, p.line, p.hint) for p in caught.value.problems]
    assert "基础体系中没有事实 benefit.ecologcal，无从删除" in caught.value.problems[0].text("zh")


def test_resolve_prints_a_whole_set_that_scores_as_the_profile(tmp_path: Path) -> None:
    """`scoring-engine resolve` writes YAML without extends that loads on its own and scores the same."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        id: county
        change:
          output: {weight: 40, rescale: true}
          process: {weight: 15, rescale: true}
        """)
    out = CliRunner().invoke(main, ["resolve", str(path), "--output", str(tmp_path / "flat.yaml")])
    assert 0 == out.exit_code, out.output
    flat_text = (tmp_path / "flat.yaml").read_text(encoding="utf-8")
    assert "extends:" not in flat_text and flat_text.startswith("# county")
    flat, profile = load_indicator_set(tmp_path / "flat.yaml"), load_indicator_set(path)
    facts = load_facts(NATIONAL_FACTS)
    assert [(r.id, r.score) for r in score(profile, facts).walk()] == [(r.id, r.score) for r in score(flat, facts).walk()]


def test_validate_explains_the_resolved_tree(tmp_path: Path) -> None:
    """validate on a profile prints each indicator's weight and, beside it, what the profile changed and on which line."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          output: {weight: 40, rescale: true}
          benefit: {weight: 20, rescale: true}
        remove: [benefit.effects.ecological]
        add:
          - {under: benefit.effects, id: benefit.effects.jobs, name: 带动就业, weight: 4, rule: {kind: formula, score: 4}}
        """)
    out = CliRunner().invoke(main, ["validate", str(path)])
    assert 0 == out.exit_code, out.output
    lines = out.stdout.splitlines()  # the unused-fact warning (生态效益 is no longer read) goes to stderr
    assert "extends national-framework" in lines[1]
    assert any(line.strip() == "output 产出 40  ← was 30 (line 3)" for line in lines)
    assert any(line.strip() == "output.quantity 产出数量 13  ← rescaled from 10 (line 3)" for line in lines)
    assert any(line.strip() == "benefit.effects.jobs 带动就业 4  ← added (line 7)" for line in lines)
    assert any(line.strip() == "removed benefit.effects.ecological (line 5)" for line in lines)


def test_profile_errors_speak_chinese(tmp_path: Path) -> None:
    """With --lang zh, a profile's errors and validate's tree notes are Chinese."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n  decison: {weight: 10}\n")
    out = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert "基础指标体系中没有指标 decison（是否想写 decision？）" in out.output
    good = _write(tmp_path, "q.yaml", "extends: national-framework\nchange:\n  output: {weight: 40, rescale: true}\n"
                                      "  benefit: {weight: 20, rescale: true}\n")
    out = CliRunner().invoke(main, ["--lang", "zh", "validate", str(good)])
    assert "output 产出 40  ← 原为 30（第 3 行）" in out.output
    whole = _write(tmp_path, "r.yaml", "extends: national-framework\nchange:\n  decision: {weight: 100, rescale: siblings}\n")
    out = CliRunner().invoke(main, ["--lang", "zh", "validate", str(whole)])
    assert "本方案在整个指标体系下写明的分值已达 100（共 100）" in out.output  # QA28 F6: read 在 the set 下


def test_a_result_of_a_profile_names_the_profile(tmp_path: Path) -> None:
    """The result's provenance is the profile's id and version, and its hash that of profile and base together."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nid: county\nversion: \"2025\"\n")
    result = json.loads(score(load_indicator_set(path), load_facts(NATIONAL_FACTS)).to_json())
    text = json.dumps(result, ensure_ascii=False)
    assert "county" in text and "2025" in text


def test_a_profile_can_add_a_row_group(tmp_path: Path) -> None:
    """add: takes children_from like any indicator: 成本指标 becomes a 一级 of its own, scored from the project's rows."""
    path = _write(tmp_path, "p.yaml", """
        extends: self-evaluation
        change:
          output: {weight: 40}
          benefit: {weight: 20}
        add:
          - after: budget
            id: cost
            name: 成本指标
            weight: 20
            children_from:
              fact: targets.cost
              rules:
                lower: {kind: proportional, value: row.actual, target: row.target, direction: lower_is_better}
        facts:
          targets.cost: {type: list, items: target, label: 成本指标（绩效目标表）}
        """)
    profile = load_indicator_set(path)
    assert ["budget", "cost", "output", "benefit", "satisfaction"] == [i.id for i in profile.indicators]
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["facts"]["targets"]["cost"] = [{"id": "build", "name": "建设成本", "type": "lower", "target": 100, "actual": 125}]
    facts["facts"]["targets"]["output"][0]["weight"] = 10  # the 产出 rows now add up to 40, the 效益 rows to 20
    facts["facts"]["targets"]["benefit"][0]["weight"] = 5
    result = score(profile, load_facts(_write(tmp_path, "f.json", json.dumps(facts, ensure_ascii=False))))
    assert Decimal(16) == result.indicator("cost.build").score


def test_a_scoring_error_in_an_inherited_row_group_names_the_facts_row_not_the_profile(tmp_path: Path) -> None:
    """A row the profile's inherited 产出 group cannot score (a score below its tier) is a problem of that row of the
    facts: it names the facts file and the row's place, not a line number in the profile (which the profile may not
    even have)."""
    path = _write(tmp_path, "p.yaml", "extends: self-evaluation\nid: short\n")
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["facts"]["targets"]["output"][2]["score"] = 15.99  # below the 达成年度指标 tier of a 20-point row
    with pytest.raises(ScoringEngineError) as caught:
        score(load_indicator_set(path), load_facts(_write(tmp_path, "f.json", json.dumps(facts, ensure_ascii=False))))
    [problem] = caught.value.problems
    assert ("f.json", None, "$.facts.targets.output[2]") == (Path(problem.file or "").name, problem.line, problem.path)
    assert problem.message.startswith("row 3 (")


def test_validate_tells_merged_sections_from_replaced_ones(tmp_path: Path) -> None:
    """facts and derived are merged by name, other sections replaced: validate says which is which, in Chinese too,
    and a changed children_from is named in Chinese."""
    path = _output_rows_replaced(tmp_path, """
        fact: targets.output
        rules:
          quantitative: {kind: proportional, value: row.actual, target: row.target}
        """, """
        facts:
          note.extra: {type: string, label: 备注, required: false}
        grades:
          - {label: 合格, min: 60}
          - {label: 不合格, min: 0}
        explain_when:
          - {when: "grade == '不合格'", message: 评价结果为不合格，需说明原因}
        """)
    out = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert 0 == out.exit_code, out.output
    lines = [line.strip() for line in out.output.splitlines()]
    assert "output 产出指标 50  ← children_from 已整段替换：基础指标体系中的 categories、comparisons、standards、" \
        "rules.quantitative_lower、rules.exact、rules.qualitative 已不再保留（第 4 行）" in lines
    assert ["整段替换的部分：grades、explain_when", "按名称合并的部分：facts"] == lines[-2:]


def test_the_resolved_file_says_where_it_comes_from_in_the_users_language(tmp_path: Path) -> None:
    """The comment `resolve` puts on top names the profile and its base, in Chinese with --lang zh."""
    path = _write(tmp_path, "p.yaml", "extends: self-evaluation\nid: mine\nversion: \"2\"\n")
    out = CliRunner().invoke(main, ["--lang", "zh", "resolve", str(path)])
    assert 0 == out.exit_code, out.output
    assert f"# mine 2，由 scoring-engine resolve 从 {path} 展开（基于 self-evaluation）" == out.output.splitlines()[0]


def test_lint_of_a_profile_places_a_warning_its_removal_caused_at_the_removal(tmp_path: Path) -> None:
    """A profile removing 生态效益 leaves its fact unread: lint warned at the fact's line in the national framework's
    file, which the editor cannot change; it warns at the profile's remove: line that left it unread (QA241 L1)."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nremove: [benefit.effects.ecological]\nchange:\n"
                                      "  benefit.effects.social: {weight: 10}\n")
    from scoring_engine.lint import lint_file

    _, warnings = lint_file(path)
    unused = [w.problem for w in warnings if w.code == "unused-fact"]
    assert [("p.yaml", 2, "benefit.ecological")] == [(Path(p.file or "").name, p.line, p.fact) for p in unused]


def test_lint_of_a_profile_places_an_unused_derived_value_its_removal_caused_at_the_removal(tmp_path: Path) -> None:
    """QA338 L2: a profile removing 产出成本 leaves the derived value cost_saving_rate unread: lint warned at its line in
    the installed national framework's file (national-framework.yaml:113), where the unused fact of the same cause is
    said at the profile's remove: line. It is said there too, with the profile's fix."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nid: p\nversion: \"1\"\n"
                                      "remove: [output.cost.saving, output.cost]\nchange:\n  output.quantity: {weight: 16}\n"
                                      "  output.quantity.completion: {weight: 16}\n")
    from scoring_engine.lint import lint_file

    _, warnings = lint_file(path)
    [unused] = [w.problem for w in warnings if w.code == "unused-derived"]
    assert ("p.yaml", 4) == (Path(unused.file or "").name, unused.line)
    assert (unused.hint or "").startswith("remove it in this profile with derived: {cost_saving_rate: null}"), unused.hint


def test_validate_asks_to_restate_a_standard_only_where_the_profile_did_not(tmp_path: Path) -> None:
    """Rescaled points ask for the 评分标准 to be restated, unless the profile wrote it anew; Chinese notes take '；'."""
    path = _decision_rescaled(tmp_path, """
        benefit.satisfaction.beneficiaries:
          standard: 满意度≥90%得满分11分，80%–90%得8.8分，60%–80%得5.5分，60%以下不得分。
        """)
    lines = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)]).stdout.splitlines()
    satisfaction = next(line for line in lines if "benefit.satisfaction.beneficiaries" in line)
    procedure = next(line for line in lines if "decision.project.procedure" in line)
    assert "请重写其评分标准" not in satisfaction and "评分标准已修改（第 5 行）；" in satisfaction
    assert "请重写其评分标准" in procedure


def test_a_profile_that_renames_the_grades_must_say_its_own_explain_when(tmp_path: Path) -> None:
    """Grades renamed 优秀/良好/合格/不合格 with the base's `grade == '中等' or grade == '差'` kept: no project would ever
    be listed 需说明, silently. The set is refused, naming each grade compared that is not one, the grades there are,
    and that the profile gives its own explain_when; with it, the profile loads."""
    grades = """
        extends: self-evaluation
        grades:
          - {label: 优秀, min: 90}
          - {label: 良好, min: 80}
          - {label: 合格, min: 60}
          - {label: 不合格, min: 0}
        """
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(_write(tmp_path, "p.yaml", grades))
    messages = [p.message for p in caught.value.problems]
    assert [f"'{g}' is not one of the values of grade: 优秀, 良好, 合格, 不合格" for g in ("中等", "差")] == messages
    assert "give the profile its own explain_when" in caught.value.problems[0].hint  # at the profile's grades: (QA44 F2)
    own = grades.rstrip(" ") + "        explain_when:\n          - {when: \"grade == '不合格'\", message: 不合格需说明原因}\n"
    assert ["不合格需说明原因"] == [r.message for r in load_indicator_set(_write(tmp_path, "q.yaml", own)).explain_when]


def test_a_rescaled_rule_deducts_the_same_share_per_finding(tmp_path: Path) -> None:
    """立项程序规范性 3 → 2: element ③ (1 point, 0.2 per missing item of 5) becomes 0.66 points, and each missing item
    still takes a fifth of it (share_each 0.2), not 0.2 points: three gaps score 1.60, not 1.40, and five zero the
    element, as the standard says. The base set is left as it was."""
    profile = load_indicator_set(_decision_rescaled(tmp_path))
    facts = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))

    def procedure(indicator_set: IndicatorSet, gaps: int) -> Decimal:
        facts["facts"]["decision"]["procedure"]["review_gaps"] = [f"缺{i}" for i in range(gaps)]
        (tmp_path / "f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        return score(indicator_set, load_facts(tmp_path / "f.json")).indicator("decision.project.procedure").score

    assert (Decimal("1.60"), Decimal("1.34")) == (procedure(profile, 3), procedure(profile, 5))
    base = load_indicator_set("national-framework")
    assert (Decimal("2.40"), Decimal("2.00")) == (procedure(base, 3), procedure(base, 5))


def test_a_rescaled_deduction_takes_the_same_share_for_a_keyword_finding_as_for_any(tmp_path: Path) -> None:
    """QA241 H1: 资金使用合规性 5 → 10 (rescale: siblings) made its 1 point per finding a fifth of the weight (2 of 10),
    but left the 5 points of a 截留、挤占、挪用 finding: one 挪用 finding, which zeroed the base's 5, left 5.00 of 10. Each
    keyword_points entry is rewritten as the share of the weight it was (5 of 5: the whole)."""
    profile = load_indicator_set(_write(tmp_path, "p.yaml", """
        extends: national-framework
        id: prov-kw
        version: "2025"
        change:
          process.funds.compliance: {weight: 10, rescale: siblings}
        """))
    facts = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))

    def compliance(indicator_set: IndicatorSet, findings: list[str]) -> Decimal:
        facts["facts"]["process"]["compliance_findings"] = findings
        (tmp_path / "f.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        return score(indicator_set, load_facts(tmp_path / "f.json")).indicator("process.funds.compliance").score

    base = load_indicator_set("national-framework")
    assert (Decimal("0.00"), Decimal("4.00")) == (compliance(base, ["挪用项目资金10万元"]), compliance(base, ["票据不全"]))
    assert (Decimal("0.00"), Decimal("8.00")) == (compliance(profile, ["挪用项目资金10万元"]), compliance(profile, ["票据不全"]))


def _rescaled_scores(tmp_path: Path, facts: str, leaves: str, weights: dict[str, int], given: dict[str, object],
                     ids: tuple[str, ...]) -> tuple[list[str], list[str], Path]:
    """The scores of `ids` for the facts `given`, under a set of one group of 100 declaring `facts` with `leaves` under
    it, and under a profile of it giving each leaf of `weights` its weight with rescale: siblings; and the profile."""
    indented = textwrap.indent(textwrap.dedent(facts).strip("\n"), "  ")
    children = textwrap.indent(textwrap.dedent(leaves).strip("\n"), "      ")
    (tmp_path / "base.yaml").write_text(
        f"id: rescaled\nname: 调整分值\nversion: '1'\ngrades:\n  - {{label: 合格, min: 60}}\n  - {{label: 不合格, min: 0}}\n"
        f"facts:\n{indented}\nindicators:\n  - id: g\n    name: 组\n    weight: 100\n    children:\n{children}\n",
        encoding="utf-8")
    changes = "".join(f"  {leaf}: {{weight: {weight}, rescale: siblings}}\n" for leaf, weight in weights.items())
    profile = _write(tmp_path, "p.yaml", f"extends: base.yaml\nid: rescaled-p\nversion: '2'\nchange:\n{changes}")
    scored = [score(load_indicator_set(path), given) for path in (tmp_path / "base.yaml", profile)]
    return [str(scored[0].indicator(i).score) for i in ids], [str(scored[1].indicator(i).score) for i in ids], profile


def test_a_rescaled_panel_reads_the_reviewers_marks_out_of_the_base_weight(tmp_path: Path) -> None:
    """QA241 H2: a panel without scale: takes the weight as the reviewers' full mark; a profile raising the weight 20 → 40
    read the same marks (16, 18, 20, out of 20) as out of 40: 18.00 of 40, 45% where the base gave 90%. The rescale
    writes the base's weight as its scale: 36.00 of 40."""
    base, rescaled, _ = _rescaled_scores(tmp_path, """
        expert_scores: {type: list, items: number, min: 0, max: 20}
        findings: {type: list}
        """, """
        - {id: a, name: 专家评价, weight: 20, rule: {kind: panel, method: mean, scores: expert_scores}}
        - {id: b, name: 合规性, weight: 80, rule: {kind: deduction, findings: findings, points_each: 8}}
        """, {"a": 40}, {"expert_scores": [16, 18, 20], "findings": []}, ("a",))
    assert (["18.00"], ["36.00"]) == (base, rescaled)


def test_rules_inside_an_otherwise_and_the_ladders_of_elements_worth_shares_follow_a_rescaled_weight(tmp_path: Path) -> None:
    """QA243 H1, H2: under a profile raising each leaf 5 → 10, the rules under equal's otherwise: kept the base's points
    (bands 3 of 10, 1 point per finding and 3 for 挪用, reviewers' marks out of 10), and a checklist element worth a
    share (or an equal share) kept 1 point per finding: every one scored as if the weight had not doubled. Each now
    keeps the share of the weight it had; a formula reading the weight (max(0, weight - …)) is named by validate, for
    the editor to check (QA243 H3)."""
    ids = ("bands", "ded", "panel", "share", "equal")
    base, doubled, profile = _rescaled_scores(tmp_path, """
        fill: {type: number, min: 0}
        rate: {type: number}
        findings: {type: list}
        experts: {type: list, items: number, min: 0, max: 5}
        ok: {type: boolean}
        """, """
        - {id: bands, name: 否则分档, weight: 5, rule: {kind: equal, value: rate, target: 1, otherwise: {kind: bands,
           value: rate, bands: [{min: 0.95, points: 4}, {min: 0.8, max: 0.95, points: 3}, {min: 0, max: 0.8, points: 0}]}}}
        - {id: ded, name: 否则扣分, weight: 5, rule: {kind: equal, value: rate, target: 1, otherwise: {kind: deduction,
           findings: findings, points_each: 1, keyword_points: [{keywords: [挪用], points: 3}]}}}
        - {id: panel, name: 否则专家评分, weight: 5, rule: {kind: equal, value: rate, target: 1, otherwise: {kind: panel,
           method: mean, scores: experts}}}
        - {id: share, name: 要点按比例, weight: 5, rule: {kind: checklist, elements: [{name: ①事前论证, share: 0.6,
           findings: findings, points_each: 1}, {name: ②程序, share: 0.4, met: ok}]}}
        - {id: equal, name: 要点等分, weight: 5, rule: {kind: checklist, elements: [{name: ①事前论证, findings: findings,
           points_each: 1}, {name: ②程序, met: ok}]}}
        - {id: late, name: 按期报送, weight: 5, rule: {kind: formula, score: "max(0, weight - count(findings))"}}
        - {id: fill, name: 填充, weight: 70, rule: {kind: proportional, value: fill}}
        """, dict.fromkeys((*ids, "late"), 10),
        {"fill": 1, "rate": 0.9, "findings": ["票据不全", "挪用资金"], "experts": [4, 4.5], "ok": True}, ids)
    assert ["3.00", "1.00", "4.25", "3.00", "3.00"] == base
    assert ["6.00", "2.00", "8.50", "6.00", "6.00"] == doubled
    run = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    assert 0 == run.exit_code and "its formula reads the weight, now 10 (was 5): check that it gives" in run.output, \
        run.output


def test_a_formula_that_is_the_weight_times_a_rate_is_not_named_for_the_editor_to_check(tmp_path: Path) -> None:
    """QA245 L2: validate names a rescaled formula whose score: reads the weight, for its points may not follow it
    (max(0, weight - …)); weight * rate and rate * weight / 2 always do, and naming them too buried the one to check."""
    base, doubled, profile = _rescaled_scores(tmp_path, """
        rate: {type: number}
        findings: {type: list}
        """, """
        - {id: times, name: 比例, weight: 5, rule: {kind: formula, score: weight * rate}}
        - {id: halved, name: 比例减半, weight: 5, rule: {kind: formula, score: rate * weight / 2}}
        - {id: late, name: 按期报送, weight: 5, rule: {kind: formula, score: "max(0, weight - count(findings))"}}
        - {id: fill, name: 填充, weight: 85, rule: {kind: proportional, value: rate}}
        """, dict.fromkeys(("times", "halved", "late"), 10), {"rate": 0.9, "findings": ["迟报"]}, ("times", "halved"))
    assert (["4.50", "2.25"], ["9.00", "4.50"]) == (base, doubled)
    run = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    assert 0 == run.exit_code and 1 == run.output.count("its formula reads the weight"), run.output
    assert "按期报送" in next(line for line in run.output.splitlines() if "its formula reads the weight" in line)


def test_amounts_written_as_fractions_follow_a_rescaled_weight(tmp_path: Path) -> None:
    """QA245 1: a set may write an amount as a fraction (points_each: 1/2, points: 10/3, share: 2 / 3); a rescale 5 → 8
    left them as written, silently: 2 findings took 2 of 8 (should be 3.20), the band 10/3 of 8 (should be 16/3)."""
    base, rescaled, _ = _rescaled_scores(tmp_path, """
        fill: {type: number, min: 0}
        findings: {type: list}
        value: {type: number}
        """, """
        - {id: ded, name: 扣分, weight: 5, rule: {kind: deduction, findings: findings, points_each: "1/2",
           keyword_points: [{keywords: [挪用], points: "3/2"}]}}
        - {id: bands, name: 分档, weight: 5, rule: {kind: bands, value: value, bands: [{min: 0.9, points: 5},
           {min: 0.8, max: 0.9, points: "10/3"}, {max: 0.8, points: 0}]}}
        - {id: fill, name: 填充, weight: 90, rule: {kind: proportional, value: fill}}
        """, {"ded": 8, "bands": 8}, {"fill": 1, "findings": ["票据不全", "挪用资金"], "value": 0.85}, ("ded", "bands"))
    assert (["3.00", "3.33"], ["4.80", "5.33"]) == (base, rescaled)


def test_a_profile_that_removes_a_block_of_the_form_is_told_to_give_its_own_form(tmp_path: Path) -> None:
    """remove: [satisfaction] (湖北 folds 满意度 into 效益): the base's form still shows it. The error says the set no
    longer has it and to write the profile's own form:, not that satisfaction 'is not a row group'."""
    path = _write(tmp_path, "p.yaml", """
        extends: self-evaluation
        remove: [satisfaction]
        change:
          benefit: {weight: 40}
        """)
    problems = _problems(path)
    assert 1 == len(problems)
    assert "form targets name satisfaction, which the set does not have" == problems[0][2]
    assert ("p.yaml", 2) == problems[0][:2]  # at the profile's remove:, naming the base's line (QA71 F3)
    assert "this profile removes satisfaction, which" in (problems[0][3] or "")
    assert "give the profile its own form:" in (problems[0][3] or "")


def _with_targets(tmp_path: Path, targets: str) -> Path:
    """A profile of self-evaluation whose form gives these `targets` (line 10 of the file)."""
    return _write(tmp_path, "p.yaml", """
        extends: self-evaluation
        id: merged
        version: "1"
        form:
          layout: selfeval
          funds:
            indicator: budget
            rows:
              total: {initial: budget.initial, budget: budget.total, paid: budget.paid}
          targets: TARGETS
        """.replace("TARGETS", targets))


def test_two_row_groups_under_one_level1_label_are_refused_at_the_line(tmp_path: Path) -> None:
    """QA129 F4: targets {benefit: 效益指标, satisfaction: 效益指标} validated, and the form the engine then wrote did not
    read back ('表上没有“效益指标”一栏', though it was there). The set is refused at the second label, pointing at the
    way hubei-self-evaluation prints 满意度 under 效益: one fact list for the merged block."""
    path = _with_targets(tmp_path, "{output: 产出指标, benefit: 效益指标, satisfaction: 效益指标}")
    problems = _problems(path)
    assert 1 == len(problems)
    assert ("p.yaml", 10) == problems[0][:2]
    assert problems[0][2].startswith("form targets give satisfaction the 一级 label 效益指标, which benefit has too")
    assert "as hubei-self-evaluation does" in (problems[0][3] or "")
    assert "无法分回各自的行组" in translate(problems[0][2])
    assert "共用一个事实列表" in translate(problems[0][3] or "")


@pytest.mark.parametrize("word", ["合计", "总分", "自评总分"])
def test_a_row_group_under_the_total_rows_label_is_refused_at_the_line(tmp_path: Path, word: str) -> None:
    """QA131 F5: targets {satisfaction: 合计} validated, and the form the engine wrote read back with '合计的三级指标（表上
    没有“合计”一栏）未填写': the reader takes a row labelled as the 总分 row (or an also: wording of it) for the total."""
    path = _with_targets(tmp_path, f"{{output: 产出指标, benefit: 效益指标, satisfaction: {word}}}")
    problems = _problems(path)
    assert 1 == len(problems) and ("p.yaml", 10) == problems[0][:2], problems
    assert problems[0][2].endswith("which the form's total row is read by")
    assert "总分行" in translate(problems[0][2])


def test_an_indicator_removed_twice_is_said_so(tmp_path: Path) -> None:
    """remove: [decision.funds, decision.funds] said 'no indicator decision.funds in the base set', which it has: it now
    says the id is listed twice, at the second."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        remove: [decision.funds.allocation, decision.funds.allocation]
        """)
    problems = _problems(path)
    assert ("p.yaml", 2, "decision.funds.allocation is removed twice (remove[0])", "list it once") in problems
    assert not any("in the base set" in p[2] for p in problems)


def test_adding_an_indicator_the_set_already_has_is_one_error_at_its_id(tmp_path: Path) -> None:
    """add: [{under: decision, id: decision.project, …}] reported a missing rule and a sum of 16 before the duplicate
    id: it is now one error at the id, saying to change the indicator or give the new one its own id."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        add:
          - {under: decision, id: decision.project, name: x, weight: 1}
        """)
    problems = _problems(path)
    assert [("p.yaml", 3, "decision.project is already an indicator of the set")] == [p[:3] for p in problems]


def test_a_base_weight_rule_broken_by_the_profiles_rescale_points_at_the_profile(tmp_path: Path) -> None:
    """决策 15 → 20 with rescale: siblings takes 产出 + 效益 below the base's 60 (财预〔2020〕10号 第十四条). The error was
    placed in the installed national-framework.yaml, which the editor cannot change; it is placed at the profile's
    rescale: line, still naming the rule and its source."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n  decision: {weight: 20, rescale: siblings}\n")
    problems = _problems(path)
    assert 1 == len(problems), problems
    file, line, message, _ = problems[0]
    assert ("p.yaml", 3) == (file, line) and "weight rule 1 (财预〔2020〕10号 第十四条)" in message and "below 60" in message


def test_a_grade_compared_by_its_alias_is_told_the_label_to_write() -> None:
    """grade == '良好' where 良好 is an alias of 良: the grade a condition reads is the label, so the set says to compare
    with '良', and says nothing of profiles, which this set is not."""
    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    set_text = text + "explain_when:\n  - {when: \"grade == '良好'\", message: 良好需说明}\n"
    labels = [g.label for g in load_indicator_set(ROOT / "examples" / "small" / "set.yaml").grades]
    set_text = set_text.replace(f"label: {labels[1]}, ", f"label: {labels[1]}, aliases: [良好], ", 1)
    assert "aliases: [良好]" in set_text
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(set_text, "s.yaml")
    [problem] = caught.value.problems
    assert f"良好 is another name of the grade {labels[1]}; grade holds the label: compare with '{labels[1]}'" == problem.hint


def test_rescale_siblings_on_an_only_child_says_it_has_none(tmp_path: Path) -> None:
    """output.cost.saving is output.cost's only child: rescale: siblings had nothing to take up 8 of 6, and the line said
    only that the children add up to 8, not 6. It says the indicator has no free sibling, and what to change instead."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n"
                                      "  output.cost.saving: {weight: 8, rescale: siblings}\n")
    (problem, *_) = _problems(path)
    assert ("p.yaml", 3) == problem[:2]
    assert "output.cost.saving has no sibling under output.cost whose weight this profile leaves free" in problem[2]
    assert "change output.cost's weight instead, with rescale: true" == problem[3]


@pytest.mark.parametrize("written, hint", [("sibling", "did you mean siblings?"), ("ture", "did you mean true?"), ("1", None)])
def test_a_rescale_that_is_no_choice_names_the_choices(tmp_path: Path, written: str, hint: str | None) -> None:
    """rescale: sibling was told 'must be an expression, or a mapping with expr (and label)', the words of a derived value."""
    path = _write(tmp_path, "p.yaml", f"extends: national-framework\nchange:\n  decision: {{weight: 10, rescale: {written}}}\n")
    [(_, line, message, said)] = _problems(path)
    assert 3 == line and message.endswith("it must be one of: true, children, siblings") and hint == said, message


@pytest.mark.parametrize("text, line, words", [
    ("remove: [output.cost]\nchange:\n  output.cost.saving: {weight: 6}\n", 4,
     "output.cost.saving is removed by this profile with output.cost (remove:, line 2)"),
    ("remove: [output.cost]\nadd:\n  - {under: output.cost, id: output.cost.x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n",
     4, "output.cost is removed by this profile (remove:, line 2)"),
    ("add:\n  - {under: benefit, id: benefit.x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n"
     "  - {under: benefit, id: benefit.x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n", 4,
     "benefit.x is added twice (add[0])"),
])
def test_a_profile_at_odds_with_itself_is_told_so_not_blamed_on_the_base(tmp_path: Path, text: str, line: int, words: str) -> None:
    """Changing or adding under an indicator the profile removed read 'no indicator … in the base set' (it is there), with
    a did-you-mean of the profile's own new id; adding one id twice read 'is already an indicator of the set'."""
    problems = _problems(_write(tmp_path, "p.yaml", "extends: national-framework\n" + text))
    assert any(file == "p.yaml" and at == line and message == words for file, at, message, _ in problems), problems


def test_the_did_you_mean_of_add_after_names_a_sibling(tmp_path: Path) -> None:
    """after: output.quality.rat under output was offered output.quality.rate, which is not under output (a new error)."""
    text = "add:\n  - {under: output, after: output.quality.rat, id: output.x, name: 新, weight: 1, rule: {kind: formula, score: 1}}\n"
    problems = _problems(_write(tmp_path, "p.yaml", "extends: national-framework\n" + text))
    assert ("no indicator output.quality.rat in the base set", "did you mean output.quality?") in [(m, h) for _, _, m, h in problems]


def test_a_parents_weight_changed_without_its_children_is_told_to_rescale(tmp_path: Path) -> None:
    """'change the children's weights or this weight' cannot be done in a profile, whose base the editor does not edit:
    the hint names rescale: true (and following it loads)."""
    text = "change:\n  process: {weight: 20}\n  output: {weight: 35}\n"
    problems = _problems(_write(tmp_path, "p.yaml", "extends: national-framework\n" + text))
    assert [(3, "add rescale: true under change: process, so that its children follow the new weight, or set their "
                "weights under change:")] == [(line, hint) for _, line, message, hint in problems if "process" in message]
    fixed = _write(tmp_path, "p.yaml", "extends: national-framework\n" + text.replace("20}", "20, rescale: true}")
                   .replace("35}", "35, rescale: true}"))
    assert _every_level_adds_up(load_indicator_set(fixed))


def test_the_facts_of_an_indicator_a_profile_removed_are_one_warning_without_a_harmful_did_you_mean(tmp_path: Path) -> None:
    """Scored with a profile that removes 生态效益 and its fact, the national facts' benefit.ecological ({tier, score,
    reason}) was three made-up facts, each offered benefit.economic: following that would overwrite 经济效益's own
    judgement. It is one warning, by its own name, and a fact the document gives is offered to no other: the profile
    removes it, and says so (QA71 F6)."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nremove: [benefit.effects.ecological]\n"
                                      "facts: {benefit.ecological: null}\nadd:\n  - {under: benefit.effects, id: benefit.effects.jobs, "
                                      "name: 带动就业, weight: 4, rule: {kind: formula, score: 4}}\n")
    result = score(load_indicator_set(path), load_facts(NATIONAL_FACTS))
    said = [w.text("zh") for w in result.warnings if "没有在体系中声明" in w.text("zh")]
    assert ["事实 benefit.ecological 没有在体系中声明，已忽略（方案 p.yaml 删除了这个事实（第 3 行））"] == said


def test_a_row_group_replaced_under_change_says_what_of_the_base_it_no_longer_has(tmp_path: Path) -> None:
    """A profile changing one rule of 效益's row group (children_from: {rules: {qualitative: …}}) was told only 'missing key
    fact'; once fact was added, validate passed while the group had lost its comparisons, standards and other rules, and
    every ordinary project failed. The missing key says the block is replaced whole, and validate's tree names what
    of the base's is gone."""
    rule = "{kind: tiers, fact: row, tiers: [{label: 优, min: 0.9}, {label: 良, min: 0.6}, {label: 差, min: 0}]}"
    text = f"extends: self-evaluation\nchange:\n  benefit:\n    children_from:\n      rules:\n        qualitative: {rule}\n"
    [(_, _, message, hint)] = _problems(_write(tmp_path, "p.yaml", text))
    assert "missing key 'fact'" == message and "replaces the base's whole block" in (hint or "")
    _write(tmp_path, "p.yaml", text.replace("      rules:\n", "      fact: targets.benefit\n      rules:\n"))
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(tmp_path / "p.yaml")])
    assert 0 == run.exit_code and "children_from 已整段替换：基础指标体系中的 categories、comparisons、standards、" \
        "rules.quantitative、rules.quantitative_lower、rules.exact、rules.qualitative.synonyms 已不再保留" in run.output, \
        run.output


def test_a_judged_score_written_for_the_bases_weight_is_refused_with_the_profiles_change_named(tmp_path: Path) -> None:
    """QA24 F4: re-scoring last year's facts under a profile that rescaled 社会效益 from 6 to 8 refuses the judged 6
    (达成年度指标 is now 6.4–8) — rightly, but the error did not say the range came from the profile, and its first line
    told the evaluator to drop --set, though the profile is of the very set the facts name. The hint names the change
    and its line; the --set line is left out for a profile of the set the facts name."""
    profile = _write(tmp_path, "l1.yaml", """\
        extends: national-framework
        id: l1
        change:
          benefit.effects:
            rescale: true
        remove: [benefit.effects.ecological]
        facts:
          benefit.ecological: null
        """)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(NATIONAL_FACTS), "--set", str(profile)])
    assert 1 == run.exit_code, run.output
    assert "去掉 --set" not in run.output
    assert "（在档次范围内打分，或改选档次；方案 l1 第 5 行把它的分值由 6 调整为 8）" in run.output  # line 5: rescale: true
    # QA241 M1: a profile without an id of its own was named by its base's, 方案 national-framework 第 4 行, sending the
    # clerk to the bundled file: it is named by its file
    unnamed = _write(tmp_path, "l2.yaml", (tmp_path / "l1.yaml").read_text(encoding="utf-8").replace("id: l1\n", ""))
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(NATIONAL_FACTS), "--set", str(unnamed)])
    assert 1 == run.exit_code and f"方案 {unnamed} 第 4 行把它的分值由 6 调整为 8" in run.output, run.output
    # QA245 L3: a county's profile of the province's, changing no weight, named no profile at all: the province's is
    # named, by its id, or by the name the county reads it by when it gives none
    for base, named in (("l1.yaml", "l1"), ("l2.yaml", "l2.yaml")):
        county = _write(tmp_path, "county.yaml", f"extends: {base}\nid: county\nname: 某县\n")
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(NATIONAL_FACTS), "--set", str(county)])
        assert 1 == run.exit_code and f"方案 {named} 第 {5 if named == 'l1' else 4} 行把它的分值由 6 调整为 8" in run.output, \
            run.output
    # QA251: a county restating the province's weight (8) names the province's change, not 由 8 调整为 8
    restated = _write(tmp_path, "restated.yaml", "extends: l1.yaml\nid: county\nchange:\n  benefit.effects.social: {weight: 8}\n")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(NATIONAL_FACTS), "--set", str(restated)])
    assert 1 == run.exit_code and "方案 l1 第 5 行把它的分值由 6 调整为 8" in run.output and "由 8 调整为 8" not in run.output, \
        run.output


def test_an_indicator_a_county_removes_and_adds_back_names_no_change_of_its_provinces(tmp_path: Path) -> None:
    """QA251: a county that removes 社会效益 and adds its own back at 12 was told, of a judged score out of its tier, that
    the province changed its weight from 10 to 12: the weight is the county's own indicator's, said by no profile."""
    shutil.copy(ROOT / "examples" / "small" / "set.yaml", tmp_path / "set.yaml")
    facts = shutil.copy(ROOT / "examples" / "small" / "facts.json", tmp_path / "facts.json")
    _write(tmp_path, "prov.yaml", """
        extends: set.yaml
        id: prov
        change:
          process: {weight: 30, rescale: siblings}
          output.quantity: {weight: 15}
          output.quality: {weight: 5}
          benefit.social: {weight: 12}
          benefit.sustain: {weight: 3}
        """)
    county = _write(tmp_path, "county.yaml", """
        extends: prov.yaml
        id: county
        remove: [benefit.social]
        add:
          - {under: benefit, after: benefit.sustain, id: benefit.social, name: 社会效益（县）, weight: 12,
             rule: {kind: tiers, fact: benefit.social}}
        """)
    for profile, said in ((tmp_path / "prov.yaml", True), (county, False)):
        run = CliRunner().invoke(main, ["--lang", "en", "score", str(facts), "--set", str(profile)])
        assert 1 == run.exit_code and "is outside tier" in run.output, run.output
        assert said == ("the profile prov changed its weight from 10 to 12" in run.output), run.output


@pytest.mark.parametrize(("extends", "fix"), [
    ("../other/prov-c.yaml", "把 prov-c.yaml 复制到本方案所在的文件夹，写 extends: prov-c.yaml；或基于内置指标体系的编号"),
    ("", "一个方案只基于一个指标体系：写内置指标体系的编号，或本文件夹内的指标体系文件"),
    ("[national-framework, self-evaluation]", "一个方案只基于一个指标体系：写内置指标体系的编号，或本文件夹内的指标体系文件"),
    ("[national-framework]", "去掉方括号，写作 extends: national-framework"),  # QA245 L1: a list of one
    ('[""]', "一个方案只基于一个指标体系：写内置指标体系的编号，或本文件夹内的指标体系文件"),  # an empty one (QA251)
    ("../", "写本方案所在文件夹内的指标体系 YAML 文件，或内置指标体系的编号"),  # a folder: nothing to copy
    ("../other", "写本方案所在文件夹内的指标体系 YAML 文件，或内置指标体系的编号"),  # (QA251)
    ("../other/national-framework.yaml", "写 extends: national-framework，即基于内置指标体系；或把 national-framework.yaml"),
])
def test_an_extends_that_cannot_be_followed_is_told_a_fix_that_fixes_the_profile(tmp_path: Path, extends: str,
                                                                                  fix: str) -> None:
    """QA241 M2: a base in another folder was told to give the set with --set, which chooses the set a project is scored
    with, never a profile's base; an empty extends: and a list of two sets were told no fix at all. QA245 L1: a list of
    one set, a folder and a copy of a bundled set's file were told to copy what needs no copy (or cannot be copied)."""
    (tmp_path / "other").mkdir()
    for name in ("prov-c.yaml", "national-framework.yaml"):
        shutil.copy(ROOT / "indicator_sets" / "national-framework.yaml", tmp_path / "other" / name)
    (tmp_path / "p").mkdir()
    profile = _write(tmp_path / "p", "p.yaml", f"extends: {extends}\nid: p\nversion: '1'\n")
    run = CliRunner().invoke(main, ["--lang", "zh", "validate", str(profile)])
    assert 0 != run.exit_code and fix in run.output and "--set" not in run.output, run.output


def test_validate_says_a_weight_written_to_hold_it_is_kept_not_changed(tmp_path: Path) -> None:
    """QA24 F10: a profile writing benefit: {weight: 30} to hold 效益 while 决策 rescales its siblings was shown
    '效益 30 ← 原为 30', a change that is none. It says the weight is kept."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n  decision: {weight: 10, rescale: siblings}\n"
                                      "  benefit: {weight: 30}\n")
    out = CliRunner().invoke(main, ["--lang", "zh", "validate", str(path)])
    assert "benefit 效益 30  ← 保持 30 不变（第 4 行）" in out.output, out.output


def test_a_schema_error_in_a_profile_does_not_hide_the_ids_it_names_that_the_base_has_not(tmp_path: Path) -> None:
    """README: every problem of a file in one run. A misspelt rescale: stopped the profile before its base was read, so
    three misspelt ids came one fix later (QA24 F3)."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decison.goals: {weight: 5}
          output.quality.rate: {rescale: sibling}
        remove: [benefit.effects.ecologcal]
        add:
          - {under: benefit.efects, id: benefit.effects.jobs, name: 就业, weight: 4, rule: {kind: formula, score: 4}}
        """)
    assert [(3, "no indicator decison.goals in the base set", "did you mean decision.goals?"),
            (4, "rescale is text 'sibling'; it must be one of: true, children, siblings", "did you mean siblings?"),
            (5, "no indicator benefit.effects.ecologcal in the base set", "did you mean benefit.effects.ecological?"),
            (7, "no indicator benefit.efects in the base set", "did you mean benefit.effects?")] == \
        [(line, message, hint) for _, line, message, hint in _problems(path)]


@pytest.mark.parametrize("broken", ["extends: [national-framework]\n", "extends: no-such-set\nchange: {decision: {weight: x}}\n",
                                    "extends: national-framework\nchange: [decision]\nremove: benefit\nadd: {under: 5}\n",
                                    "extends: national-framework\nchange:\n  decision: {weight: 10, rescale: 7, children: 5}\n"
                                    "add:\n  - {under: decision, after: 5, id: [x]}\n  - 7\n"])
def test_a_profile_of_any_wrong_shape_is_refused_with_its_problems_not_an_internal_error(tmp_path: Path, broken: str) -> None:
    """A profile with schema errors is still merged onto its base to find the ids it names: whatever its shape, that
    gives problems (exit 1), never an exception of the engine's own."""
    path = _write(tmp_path, "p.yaml", broken)
    assert _problems(path)
    assert 1 == CliRunner().invoke(main, ["validate", str(path)]).exit_code


def test_weights_a_rescale_makes_fractional_under_the_integer_rule_are_one_problem_at_the_rescale(tmp_path: Path) -> None:
    """决策 10.5 with rescale: siblings under a province's integer weight rule (Henan's note, which the national set no
    longer declares: QA339 F3) gave 35 lines, one per indicator of the tree (QA24 F6): now the one at 10.5 and one at the
    rescale, naming how many weights it made fractional."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nchange:\n  decision:\n    weight: 10.5\n    rescale: siblings\n"
                  "weight_rules:\n  - {indicators: [output, benefit], min_share: 0.6}\n  - {integer: true}\n")
    [(_, first_line, first, _), (_, line, message, hint)] = _problems(path)
    assert (4, 5) == (first_line, line)
    assert first.endswith("决策 (decision) weighs 10.5, not a whole number")
    assert "34 weights this line gives are not whole numbers: 项目立项 4.2, 立项依据充分性 2.1" in message and message.endswith("…")
    assert hint == "give a weight that leaves whole points to share out, or write the weights out under change:"


def test_facts_marking_an_indicator_the_profile_removes_not_applicable_are_told_so_not_offered_another(
        tmp_path: Path) -> None:
    """QA33 F5: facts scored under the national set and a province's profile mark an indicator 不适用 that the profile
    removes (below 成本指标 here). The refusal offered "did you mean" another indicator, which marks it and changes the
    total. It says the profile removes it, with the line, and to leave it out; a slip still gets its did-you-mean."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        id: yunnan
        remove: [output.cost]
        change:
          output: {rescale: true}
        """)
    profile = load_indicator_set(path)
    document = json.loads(NATIONAL_FACTS.read_text(encoding="utf-8"))
    removed = "the profile yunnan removes it (line 3): leave it out of not_applicable, since this set does not score it"
    for marked, hint in (("output.cost", removed), ("output.cots", f"did you mean output.cost? {removed}"),
                         ("output.cost.saving", f"did you mean output.cost? {removed}")):  # QA35 F7: a slip of it too
        with pytest.raises(FactsError) as caught:
            score(profile, Facts(values=document["facts"], not_applicable={marked: "不涉及成本"}))
        problem = caught.value.problems[0]
        assert (f"not_applicable names unknown indicator {marked}", hint) == (problem.message, problem.hint)
    assert "（是否想写 output.cost？方案 yunnan 删除了这个指标（第 3 行）：本体系不评它，从 not_applicable 中删去这一项）" in \
        problem.text("zh")
    slip = Facts(values=document["facts"], not_applicable={"output.quantity.completon": "不涉及"})
    with pytest.raises(FactsError) as caught:
        score(profile, slip)
    assert "did you mean output.quantity.completion?" == caught.value.problems[0].hint


def test_a_fact_the_profile_removes_that_a_base_rule_still_reads_is_said_at_the_profiles_line(tmp_path: Path) -> None:
    """QA33 F6: `benefit.ecological: null` while the base's 生态效益 rule still reads it was said in the installed base
    file with "did you mean benefit.economic?", which scores 生态效益 from another fact. As for derived values and checks,
    it is said at the profile's line, naming the base's line that reads it."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nfacts:\n  benefit.ecological: null\n")
    found = [p for p in _problems(path) if "benefit.ecological" in p[2]]
    assert 1 == len(found), found
    file, line, message, hint = found[0]
    assert ("p.yaml", 3, "unknown fact benefit.ecological") == (file, line, message)
    assert hint is not None and hint.startswith("this profile removes benefit.ecological, which ") and "economic" not in hint


def test_a_project_marking_an_indicator_the_profile_removes_compares_across_the_base_and_the_profile(tmp_path: Path) -> None:
    """QA37 F7: facts marking 成本指标 不适用 score under the national set; the profile removes it. `diff BASE PROFILE
    --facts` and `batch --set PROFILE --compare-set BASE` could not score them under the profile (the mark refused), so no
    such project could be compared. Comparing, the mark is for the set that has the indicator; plain score refuses it."""
    profile = _write(tmp_path, "p.yaml", "extends: national-framework\nid: yunnan\nremove: [output.cost]\n"
                                         "change:\n  output: {rescale: true}\n")
    document = json.loads(NATIONAL_FACTS.read_text(encoding="utf-8"))
    document["not_applicable"] = {"output.cost": "不涉及成本核算"}
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    facts = load_facts(tmp_path / "p.json")
    base, mine = score(load_indicator_set("national-framework"), facts), None
    with pytest.raises(FactsError):
        mine = score(load_indicator_set(profile), facts)
    assert mine is None
    run = CliRunner().invoke(main, ["diff", "national-framework", str(profile), "--facts", str(tmp_path / "p.json")])
    assert 0 == run.exit_code and "新评分失败" not in run.output and f"{base.total:.2f}" in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.json"), "-q", "--set", str(profile),
                                    "--compare-set", "national-framework"])
    assert 0 == run.exit_code and "对比1个" in run.output, run.output



def test_a_project_marking_an_indicator_the_profile_adds_compares_across_the_base_and_the_profile(tmp_path: Path) -> None:
    """QA51 F2: the other way round from QA37 F7. Facts marking 带动就业, an indicator the profile adds, 不适用 could not be
    scored under the base (the mark refused, with a did-you-mean of the whole 项目效益), so `diff BASE PROFILE --facts`
    and `batch --compare-set BASE` lost the project. Comparing, the mark is for the set that has the indicator."""
    profile = _write(tmp_path, "p.yaml", "extends: national-framework\nid: yunnan\nremove: [benefit.effects.ecological]\n"
                                         "add:\n  - under: benefit.effects\n    id: benefit.effects.jobs\n    name: 带动就业\n"
                                         "    weight: 4\n    rule: {kind: proportional, value: execution_rate}\n")
    document = json.loads(NATIONAL_FACTS.read_text(encoding="utf-8"))
    document["not_applicable"] = {"benefit.effects.jobs": "本项目不涉及就业"}
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    facts = load_facts(tmp_path / "p.json")
    mine = score(load_indicator_set(profile), facts)
    with pytest.raises(FactsError):  # plain scoring under the base still refuses the mark
        score(load_indicator_set("national-framework"), facts)
    run = CliRunner().invoke(main, ["diff", "national-framework", str(profile), "--facts", str(tmp_path / "p.json")])
    assert 0 == run.exit_code and "评分失败" not in run.output and f"{mine.total:.2f}" in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "p.json"), "-q", "--set", str(profile),
                                    "--compare-set", "national-framework"])
    assert 0 == run.exit_code and "对比1个" in run.output and "评分失败1" not in run.output, run.output

def test_a_county_profile_of_a_province_profile_knows_the_indicators_the_province_removes(tmp_path: Path) -> None:
    """QA39 F8: a county's profile extends a province's, which removes 成本指标. The county's set did not know the
    removal it inherits: a 不适用 mark of it was offered another indicator's id, and `diff`/`--compare-set` with the
    national set failed on the mark. The removal is the province's, named with its line; the county lists only its own."""
    _write(tmp_path, "province.yaml", "extends: national-framework\nid: yunnan\nremove: [output.cost]\n"
                                      "change:\n  output: {rescale: true}\n")
    county = _write(tmp_path, "county.yaml", "extends: province.yaml\nid: county\nchange:\n  decision: {name: 决策（县）}\n")
    document = json.loads(NATIONAL_FACTS.read_text(encoding="utf-8"))
    document["not_applicable"] = {"output.cost.saving": "不涉及成本核算"}
    (tmp_path / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        score(load_indicator_set(county), load_facts(tmp_path / "p.json"))
    assert "did you mean output.cost? the profile yunnan removes it (line 3): leave it out of not_applicable, since this " \
           "set does not score it" == caught.value.problems[0].hint
    run = CliRunner().invoke(main, ["diff", "national-framework", str(county), "--facts", str(tmp_path / "p.json")])
    assert 0 == run.exit_code and "新评分失败" not in run.output, run.output
    run = CliRunner().invoke(main, ["validate", str(county)])
    assert 0 == run.exit_code and "removed output.cost" not in run.output and "已删除" not in run.output, run.output


def test_a_not_applicable_mark_naming_a_removed_indicator_by_its_name_is_said_removed_on_its_form_cell_too(
        tmp_path: Path) -> None:
    """QA39 F9: a 不适用 row naming 经济效益, which the profile removes, was told to write the id of the whole 效益 (all of
    效益 not applicable: a wrong score), and in a facts file was refused with no hint. It is said removed by the profile."""

    from scoring_engine.reports.layouts import render_layout

    profile = load_indicator_set(_write(tmp_path, "p.yaml", "extends: national-framework\nid: p1\n"
                                        "remove: [output.cost]\nchange:\n  output: {rescale: true}\n"))
    document = json.loads(NATIONAL_FACTS.read_text(encoding="utf-8"))
    removed = "the profile p1 removes it (line 3): leave it out of not_applicable, since this set does not score it"
    with pytest.raises(FactsError) as caught:
        score(profile, Facts(values=document["facts"], not_applicable={"产出成本": "不涉及"}))
    assert removed == caught.value.problems[0].hint
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(score(profile, Facts(values=document["facts"])), profile, "xlsx", "selfeval"))
    row = add_side_row(form, "不适用", "产出成本", "不涉及")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), "--set", str(tmp_path / "p.yaml")])
    on_form = removed.replace("leave it out of not_applicable", "delete this 不适用 row")  # as a clerk does (QA43 F11)
    assert 1 == run.exit_code and f"表外事实!B{row}: the 不适用 row names unknown indicator 产出成本 ({on_form})" in run.output, \
        run.output


def test_a_row_group_whose_children_from_fails_is_not_also_said_to_be_no_row_group_in_the_form(tmp_path: Path) -> None:
    """QA44 F1: any slip inside a row group's children_from (a rule written with points_each) also gave a first error
    "form targets name output, which is not a row group", sending the author to the form block, which is right."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    slipped = text.replace("quantitative: {kind: proportional, value: row.actual, target: row.target}",
                           "quantitative: {kind: proportional, value: row.actual, target: row.target, points_each: 2}", 1)
    assert slipped != text
    path = tmp_path / "s.yaml"
    path.write_text(slipped, encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    messages = [p.message for p in caught.value.problems]
    assert messages and not any("not a row group" in m for m in messages), messages


def test_a_profile_renaming_the_grades_is_told_at_its_grades_line_to_give_its_own_explain_when(tmp_path: Path) -> None:
    """QA44 F2: a profile that renames 优/良/中/差 (as 优秀/良好/合格/不合格) was refused at the installed base's
    explain_when line, with a hint to compare with '合格' there: a file the author must not edit. It is said at the
    profile's grades: line, once a name, with the fix in the profile."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        id: p
        grades:
          - {label: 优秀, min: 90, aliases: [优]}
          - {label: 良好, min: 80, aliases: [良]}
          - {label: 合格, min: 60, aliases: [中]}
          - {label: 不合格, min: 0, aliases: [差]}
        """)
    found = _problems(path)
    assert [("p.yaml", 3), ("p.yaml", 3)] == [(file, line) for file, line, _, _ in found], found
    assert all((hint or "").startswith("this profile renames the grades, and ") for _, _, _, hint in found)



def test_a_profile_renaming_the_grades_of_a_base_that_caps_a_grade_is_told_at_its_grades_line_to_give_its_own_caps(
        tmp_path: Path) -> None:
    """QA51 F1: a city profile renaming 中 as 合格, over a province profile whose cap says grade_at_most: 中, was refused in
    the province's file (which the city does not own), with no fix. As for explain_when (QA44 F2), it is said at the
    city's grades: line, naming the province's line, with the fix: the city's own caps."""
    _write(tmp_path, "province.yaml", """
        extends: national-framework
        id: province
        explain_when: []
        caps:
          - {when: safety.accident, grade_at_most: 中, message: 发生安全事故}
        facts:
          safety.accident: {type: boolean, default: false}
        """)
    city = _write(tmp_path, "city.yaml", """
        extends: province.yaml
        id: city
        grades:
          - {label: 优, min: 90}
          - {label: 良, min: 80}
          - {label: 合格, min: 60}
          - {label: 不合格, min: 0}
        """)
    found = _problems(city)
    assert [("city.yaml", 3)] == [(file, line) for file, line, _, _ in found], found
    hint = found[0][3] or ""
    assert hint.startswith("this profile renames the grades, and ") and hint.endswith(
        "province.yaml line 5 caps grade at a name they no longer have: give the profile its own caps, naming its grades")

def test_a_mark_of_an_indicator_added_back_below_a_removed_one_is_kept_when_comparing(tmp_path: Path) -> None:
    """QA43 F2: a profile removes 项目效益 and adds 社会效益 back below 效益 (as benefit.effects.social); facts mark it
    不适用. `diff`/`--compare-set` dropped the mark as one of a removed indicator, and scored it (93.00 for 97.87)."""
    from scoring_engine._not_applicable import for_comparison

    profile = load_indicator_set(_write(tmp_path, "p.yaml", """
        extends: national-framework
        id: p
        remove: [benefit.effects]
        add:
          - {under: benefit, id: benefit.effects.social, name: 社会效益, weight: 20, standard: 按社会效益评分。,
             rule: {kind: formula, score: "20"}}
        """))
    facts = Facts(values={}, not_applicable={"benefit.effects.social": "不涉及", "benefit.effects.economic": "不涉及"})
    assert {"benefit.effects.social": "不涉及"} == dict(for_comparison(profile, facts).not_applicable)


def test_explaining_an_indicator_the_profile_removes_says_so_not_another(tmp_path: Path) -> None:
    """QA43 F6: `explain -i benefit.effects.ecological` (or 生态效益) under a profile that removes it offered 经济效益 or
    the whole 效益, whose story then answers another question. It says the profile removes it, with the line."""
    profile = _write(tmp_path, "p.yaml", "extends: national-framework\nid: p\nremove: [output.cost]\n"
                                         "change:\n  output: {rescale: true}\n")
    for asked in ("output.cost", "产出成本", "output.cots"):  # a slip of the id too (QA45 F5)
        run = CliRunner().invoke(main, ["--lang", "en", "explain", str(NATIONAL_FACTS), "-i", asked, "--set", str(profile)])
        assert 1 == run.exit_code and "the profile p removes it (line 3))" in run.output, run.output


def test_a_profile_of_a_profile_that_renamed_the_grades_is_told_at_the_middle_profiles_grades_line(tmp_path: Path) -> None:
    """QA45 F6: a county's profile of a province's profile that renamed the grades was refused at the installed base's
    explain_when line again; it is said at the province profile's grades: line, naming that profile."""
    _write(tmp_path, "province.yaml", """
        extends: national-framework
        id: province
        grades:
          - {label: 优秀, min: 90}
          - {label: 良好, min: 80}
          - {label: 合格, min: 60}
          - {label: 不合格, min: 0}
        """)
    county = _write(tmp_path, "county.yaml", "extends: province.yaml\nid: county\nchange:\n  decision: {name: 决策（县）}\n")
    found = _problems(county)
    assert found and all(file is not None and file.endswith("province.yaml") and line == 3 for file, line, _, _ in found), found
    assert all((hint or "").startswith("the profile province renames the grades, and ") for _, _, _, hint in found)


def test_an_indicator_a_profile_removes_and_adds_back_is_explained_as_any_other(tmp_path: Path) -> None:
    """QA46 F7: a profile that removes output.cost and adds it back under the same id had `explain -i output.cost` refused
    as removed, though `score` scores it."""
    profile = _write(tmp_path, "p.yaml", """
        extends: national-framework
        id: p
        remove: [output.cost]
        add:
          - {under: output, id: output.cost, name: 成本, weight: 6, standard: 按公式。, rule: {kind: formula, score: "6"}}
        """)
    run = CliRunner().invoke(main, ["--lang", "en", "explain", str(NATIONAL_FACTS), "-i", "output.cost", "--set", str(profile)])
    assert 0 == run.exit_code and run.output.startswith("成本（output.cost）"), run.output


@pytest.mark.parametrize("entry", ["remove: [output.cost]", "change:\n  output.cost: {name: 成本}",
                                   "add:\n  - {under: output, after: output.cost, id: output.x, name: 新增, weight: 1, "
                                   "rule: {kind: proportional, value: execution_rate}}"])
def test_a_county_profile_naming_an_indicator_its_province_removed_is_told_so_not_offered_another(tmp_path: Path,
                                                                                                   entry: str) -> None:
    """QA51 F3: a county profile naming, in remove, change or add's after, an indicator its province profile removed was
    told "no indicator output.cost in the base set (did you mean output.quality?)": following it removes or changes
    another indicator. It is said removed by the province, with the province's file and line."""
    _write(tmp_path, "province.yaml", "extends: national-framework\nid: yunnan\nremove: [output.cost]\n"
                                      "change:\n  output: {rescale: true}\n")
    county = _write(tmp_path, "county.yaml", f"extends: province.yaml\nid: county\n{entry}\n")
    found = [p for p in _problems(county) if "output.cost" in p[2]]
    assert 1 == len(found), _problems(county)
    file, _, message, hint = found[0]
    assert file is not None and file.endswith("county.yaml")
    assert message.startswith("the base profile yunnan removes output.cost (") and message.endswith("province.yaml, line 3)")
    assert "did you mean" not in (hint or "") and hint == "leave this entry out, or name an indicator the base still has"


def test_a_missing_base_is_offered_no_profile_built_on_the_file_but_the_other_sets_and_the_bundled_ones(
        tmp_path: Path) -> None:
    """QA178 F4: city.yaml extending prov-2024.yaml (missing) was offered edu.yaml, a profile of city.yaml: following it
    makes a loop. A file built on the one being fixed, directly or through another (school.yaml on edu.yaml), is
    offered neither as the sets in that folder nor as a near name; the other sets there are, with the bundled set ids."""
    _write(tmp_path, "city.yaml", "extends: prov-2024.yaml\nid: city\n")
    _write(tmp_path, "edu.yaml", "extends: city.yaml\nid: edu\n")
    _write(tmp_path, "prov-2024x.yaml", "extends: ./edu.yaml\nid: school\n")
    [(_, line, _, hint)] = _problems(tmp_path / "city.yaml")
    assert 1 == line and hint == "bundled sets: " + ", ".join(bundled_sets())
    _write(tmp_path, "other.yaml", "extends: national-framework\nid: other\n")
    [(_, _, _, hint)] = _problems(tmp_path / "city.yaml")
    assert hint == "sets in that folder: other.yaml; bundled sets: " + ", ".join(bundled_sets())
    assert translate(hint or "").startswith("该文件夹内的指标体系：other.yaml；内置体系：cost-type-self-evaluation、")


def test_an_indicator_below_one_a_base_profile_removed_is_told_removed_with_it_where_and_how_to_fix(tmp_path: Path) -> None:
    """QA178 F2: a leaf profile naming output.cost.saving, whose parent output.cost its city profile removed (itself a
    profile of a province), was told only "no indicator output.cost.saving in the base set", three times, with no file,
    line or fix, though output.cost itself was told removed by the city at its line. A child is said removed with its
    parent, at the remove: line that removed it, with the same fix, in change:, remove: and add's after alike."""
    _write(tmp_path, "prov.yaml", "extends: national-framework\nid: prov\nchange:\n  decision: {name: 决策（省）}\n")
    _write(tmp_path, "city.yaml", "extends: prov.yaml\nid: city\nremove: [output.cost]\n"
                                  "change:\n  output: {rescale: true}\n")
    leaf = _write(tmp_path, "leaf.yaml", "extends: city.yaml\nid: leaf\nchange:\n  output.cost.saving: {name: 节约率}\n"
                                         "remove: [output.cost.saving]\nadd:\n  - {under: output, after: output.cost.saving,"
                                         " id: output.x, name: 新增, weight: 1, rule: {kind: proportional, value: execution_rate}}\n")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(leaf)
    found = caught.value.problems
    assert [(4, "$.change.output.cost.saving"), (5, "$.remove[0]"), (7, "$.add[0].after")] == [(p.line, p.path) for p in found]
    for p in found:
        assert (str(leaf), "leave this entry out, or name an indicator the base still has") == (p.file, p.hint)
        assert p.message == f"the base profile city removes output.cost.saving with output.cost ({tmp_path / 'city.yaml'}, line 3)"
    assert translate(found[0].message) == (f"基础方案 city 已删除 output.cost.saving（随 output.cost 一并删除，"
                                           f"{tmp_path / 'city.yaml'} 第 3 行）")


@pytest.mark.parametrize(("text", "path", "hint"), [
    ("remove: output.cost\n", "remove", "write it as a list: [output.cost]"),
    ("change:\n  output:\n  weight: 25\n", "change.output", "write what it holds below it, indented two spaces more"),
    ("change:\n  output:\n  weight: 25\n", "change.weight",
     "weight is a field of an indicator: indent it under the id of the indicator it changes (two spaces more)"),
    # QA82 F10: a list written as a mapping, and precision out of its bounds, were refused with no fix
    ("add:\n  under: output\n  id: output.x\n", "add",
     "a list: start each item with '- ' on its own line, e.g. - {under: ID, id: …, name: …, weight: …, rule: …}"),
    ("grades:\n  优: 90\n  差: 0\n", "grades", "a list: start each item with '- ' on its own line, e.g. - {label: 优, min: 90}"),
    ("precision: 7\n", "precision", "the decimals scores are kept to: a whole number from 0 to 6, 2 for 0.01"),
    ("precision: 2位\n", "precision", "the decimals scores are kept to: a whole number from 0 to 6, 2 for 0.01"),
])
def test_a_profile_written_with_a_slip_of_yaml_is_told_how_to_write_it(tmp_path: Path, text: str, path: str,
                                                                      hint: str) -> None:
    """QA51 F4: `remove: output.cost` (no brackets) and a field not indented under its indicator in change: were refused
    with no fix, and `weight` said to be no indicator of the base, as if it were an id."""
    from scoring_engine.loader import load_indicator_set as load

    profile = _write(tmp_path, "p.yaml", f"extends: national-framework\nid: p\n{text}")
    with pytest.raises(IndicatorSetError) as caught:
        load(profile)
    assert hint in [p.hint for p in caught.value.problems if p.path == f"$.{path}"], caught.value.problems


def test_a_chain_of_profiles_too_deep_is_said_with_the_chain_not_as_a_loop(tmp_path: Path) -> None:
    """QA52 F2: nine profiles on top of one another were refused at the bottom one's extends: (the one that extends the
    bundled set), told to "extend the set the loop started from": there is no loop. The chain is named, from the file
    given down to the bundled set, and the fix is to make one of them extend a set nearer it."""
    _write(tmp_path, "p1.yaml", "extends: national-framework\nid: p1\n")
    for n in range(2, 10):
        _write(tmp_path, f"p{n}.yaml", f"extends: p{n - 1}.yaml\nid: p{n}\n")
    load_indicator_set(tmp_path / "p8.yaml")  # eight deep: taken
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(tmp_path / "p9.yaml")
    problem = caught.value.problems[0]
    assert "loop" not in problem.message and problem.hint == "make one of these profiles extend a set nearer the bundled set"
    chain = problem.message.split(", in ", 1)[1].split(" → ")
    assert [f"p{n}.yaml" for n in range(9, 0, -1)] + ["national-framework"] == [Path(c).name for c in chain], chain


@pytest.mark.parametrize("base", ["just a string\n", "- a\n- b\n", "42\n"])
def test_a_profile_extending_a_file_that_is_no_mapping_is_refused_at_its_extends(tmp_path: Path, base: str) -> None:
    """A base file holding a string or a list ended every command in an internal error, exit 3 (QA58 F1): it is said
    at the profile's extends line, as the same file given directly is."""
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    (tmp_path / "prof.yaml").write_text("extends: base.yaml\nid: a\n", encoding="utf-8")
    with pytest.raises(IndicatorSetError) as err:
        load_indicator_set(tmp_path / "prof.yaml")
    [problem] = err.value.problems
    assert (problem.line, "an indicator set must be a mapping" in problem.message) == (1, True), problem


def test_a_rule_a_profile_wrote_that_fails_when_scoring_is_said_at_the_profiles_line(tmp_path: Path) -> None:
    """A profile's rule dividing by zero was said at the bundled base's line of the indicator, a file the author never
    wrote (QA58 F4): it is said at the profile's `rule:` line."""
    (tmp_path / "prof.yaml").write_text('extends: self-evaluation\nid: q\nchange:\n  budget:\n'
                                        '    rule: {kind: formula, score: "weight * budget.paid / (budget.total - budget.paid)"}\n',
                                        encoding="utf-8")
    with pytest.raises(ScoringEngineError) as err:
        score(load_indicator_set(tmp_path / "prof.yaml"), load_facts(ROOT / "indicator_sets" / "self-evaluation.facts.json"))
    [problem] = err.value.problems
    assert (Path(problem.file or "").name, problem.line) == ("prof.yaml", 5), problem


def test_a_base_problem_a_profile_made_by_change_or_remove_is_said_at_its_line_with_a_fix_it_can_make(tmp_path: Path) -> None:
    """QA67 F3: children given to a base's leaf were refused at the base's line, told to delete its rule (which a profile
    cannot); removing the indicator a base's not_applicable_to names was offered a did-you-mean that would move the
    weight elsewhere. Both are said at the profile's line, with what a profile can do."""
    parented = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.project.basis:
            children:
              - {id: decision.project.basis.a, name: 甲, weight: 3, rule: {kind: formula, score: 0}}
        """)
    found = [p for p in _problems(parented) if p[2].startswith("an indicator with children is scored by them")]
    assert [("p.yaml", 4)] == [(file, line) for file, line, _, _ in found], found
    assert "remove: decision.project.basis and add: an indicator with its children" in (found[0][3] or "")
    removed = _write(tmp_path, "q.yaml", "extends: cost-type-self-evaluation\nremove: [benefit]\n")
    found = [p for p in _problems(removed) if p[2].startswith("not_applicable_to names benefit")]
    assert [("q.yaml", 2)] == [(file, line) for file, line, _, _ in found], _problems(removed)
    assert (found[0][3] or "").startswith("this profile removes benefit, to which")


def test_a_rule_the_change_writes_with_its_new_weight_is_kept_as_written_under_rescale(tmp_path: Path) -> None:
    """QA71 F1: a change giving 绩效目标合理性 weight 4, its own checklist of four 1-point elements and rescale: siblings had
    the rule it wrote scaled as if it were the base's at weight 3 (1.33 each, refused as above the weight; a deduction's
    2 points each silently became a third of the weight). The rule is written for the new weight: it is kept, and only
    the sibling follows (绩效指标明确性 2 → 1)."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.goals.reasonable:
            weight: 4
            rescale: siblings
            rule:
              kind: checklist
              elements:
                - {name: a, points: 1, met: decision.goals.set}
                - {name: b, points: 1, met: decision.goals.related}
                - {name: c, points: 1, met: decision.goals.level}
                - {name: d, points: 1, met: decision.goals.matched}
        """)
    profile = load_indicator_set(path)
    reasonable = next(i for i in profile.walk() if i.id == "decision.goals.reasonable")
    assert [Decimal(1)] * 4 == [e.amount.value for e in reasonable.rule.params.elements]
    assert Decimal(1) == next(i for i in profile.walk() if i.id == "decision.goals.clear").weight
    facts = load_facts(NATIONAL_FACTS)
    facts.values["decision"]["goals"] = {"set": False, "related": True, "level": True, "matched": True}
    assert Decimal(3) == score(profile, Facts(values=facts.values)).indicator("decision.goals.reasonable").score


def test_a_base_weight_rule_or_form_naming_what_the_profile_removes_is_said_at_the_removal(tmp_path: Path) -> None:
    """QA71 F3: removing 效益 from self-evaluation was reported at the bundled file's weight_rules line (which the author
    must not edit), with no fix; a form cell reading a removed fact was offered a did-you-mean to another fact. Each is said
    at the profile's remove:/facts: line, naming the base's line and the fix: the profile's own weight_rules: or form:."""
    path = _write(tmp_path, "p.yaml", """
        extends: self-evaluation
        remove: [benefit]
        change:
          output: {weight: 80}
        facts:
          targets.benefit: null
        """)
    problems = _problems(path)
    rules = [p for p in problems if "weight rule" in p[2]]
    assert rules and all(("p.yaml", 2) == (file, line) for file, line, _, _ in rules)
    assert all("give the profile its own weight_rules:" in (hint or "") and "self-evaluation.yaml line" in (hint or "")
               for *_, hint in rules)
    forms = [p for p in problems if p[2].startswith("form ")]
    assert forms and all(("p.yaml", 2) == (file, line) and "its own form:" in (hint or "") for file, line, _, hint in forms)
    paid = _write(tmp_path, "q.yaml", "extends: self-evaluation\nfacts:\n  budget.paid: null\n")
    cells = [p for p in _problems(paid) if p[2].startswith("funds cell")]
    assert cells and all(("q.yaml", 3) == (file, line) and "did you mean" not in (hint or "") for file, line, _, hint in cells)


def test_a_profile_keeping_its_budgets_in_yuan_reads_and_writes_the_forms_amounts_in_wan_yuan(tmp_path: Path) -> None:
    """QA308 1: a profile redeclaring budget.total and budget.paid in 元 read its 自评表's 150 (typed in 万元, as the form
    asks) as 150 元, and printed a facts file's 1500000 元 under （万元）, all in silence. The form's amounts are 万元
    whatever the set's unit: written as 150, read back as 1500000 元, the same total; 万元 facts are untouched."""
    from openpyxl import load_workbook

    from scoring_engine.forms.reader import read_form
    from scoring_engine.reports.layouts import render_layout

    path = _write(tmp_path, "p.yaml", """
        extends: self-evaluation
        id: yuan
        name: 元的方案
        version: "1"
        facts:
          budget.total: {type: number, min: 0, unit: 元, label: 全年预算数（元）}
          budget.paid: {type: number, min: 0, unit: 元, label: 全年执行数（元）}
        """)
    profile = load_indicator_set(path)
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    budget = document["facts"]["budget"]
    budget["total"], budget["paid"], budget["initial"] = 1234567, 1000000, 120
    result = score(profile, Facts(values=document["facts"], project=document["project"]))
    form = tmp_path / "form.xlsx"
    form.write_bytes(render_layout(result, profile, "xlsx", "selfeval"))
    cells = {c.value: c for row in load_workbook(form).worksheets[0].iter_rows() for c in row}
    row = cells["年度资金总额"].row
    sheet = load_workbook(form).worksheets[0]
    amounts = [sheet.cell(row, cells[label].column).value for label in ("全年预算数", "全年执行数")]
    assert [123.4567, 100] == amounts
    read = read_form(form, profile)
    assert (Decimal(1234567), Decimal(1000000)) == (read.facts.values["budget.total"], read.facts.values["budget.paid"])
    assert Decimal(budget["initial"]) == read.facts.values["budget.initial"]  # 万元, as declared
    assert result.total == score(profile, read.facts).total


def test_an_amount_far_past_any_fact_converted_between_units_is_kept_to_be_refused_not_an_internal_error() -> None:
    """QA315 1: 1e24 万元 in a funds cell of a set in 元 (1e28 元) could not be quantized to a whole number: an internal
    error, exit 3, where a set in 万元 refuses the cell. Past any amount a fact may hold, it is kept as it is, and the
    facts check refuses it as out of range; amounts in range are converted exactly as before."""
    from scoring_engine.forms.labels import from_wan, to_wan

    assert Decimal("1E+28") == from_wan(Decimal("1e24"), "元") and Decimal("1E+29") == to_wan(Decimal("1e25"), "亿元")
    assert (Decimal(955000), Decimal("123.4567")) == (from_wan(Decimal("95.5"), "元"), to_wan(Decimal(1234567), "元"))


def test_a_subtree_moved_by_remove_and_add_is_said_moved_not_removed(tmp_path: Path) -> None:
    """QA71 F4: an indicator removed from its place and added at another was listed as "removed changed" and "removed"
    while it stands in the tree; validate says it moved, with both lines."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        remove: [decision.funds]
        add:
          - under: decision
            id: decision.funds
            name: 资金投入
            weight: 4
            children:
              - id: decision.funds.all
                name: 资金投入合计
                weight: 4
                rule: {kind: checklist, elements: [{name: a, met: decision.budget.reviewed}]}
        """)
    for lang, words, removed in (("en", "moved here: removed at line 2, added at line 4", "removed decision.funds"),
                                 ("zh", "移到此处：第 2 行删去原处，第 4 行在此新增", "已删除 decision.funds")):
        out = CliRunner().invoke(main, ["--lang", lang, "validate", str(path)])
        assert words in out.output and removed not in out.output, out.output


def test_a_rescaled_leaf_whose_formula_writes_points_is_named_by_validate(tmp_path: Path) -> None:
    """QA71 F2: a sibling rescaled 4 → 2 whose base formula gives 4 or 1 points kept them silently: 1 of 2 where the rule
    meant a quarter. No rescale can follow points a formula writes; validate names it with the fix (a rule for the new
    weight under change:, or a rate:). A formula that reads weight, or gives a rate, follows it and is not named."""
    _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.goals.reasonable:
            weight: 4
            rescale: siblings
            rule: {kind: formula, score: "4 if decision.goals.set else 1"}
        """)
    twice = _write(tmp_path, "q.yaml", """
        extends: p.yaml
        change:
          decision.goals.reasonable: {weight: 3, rescale: siblings}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(twice)])
    assert "its formula gives points written for 4, kept as they are: give it a rule for 3 under change:" in out.output
    rate = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.goals.reasonable:
            weight: 4
            rescale: siblings
            rule: {kind: formula, score: "weight if decision.goals.set else weight / 4"}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(twice)])
    assert 0 == out.exit_code and "its formula gives points" not in out.output and rate.exists(), out.output


def test_a_formula_the_profile_writes_itself_whose_parent_is_rescaled_is_told_to_add_its_weight(tmp_path: Path) -> None:
    """QA116 F1: the profile wrote 成本节约率's formula (6 points) under change:, and 产出's rescale took the indicator to 7.
    validate said to give it a rule for 7 under change:, where it already is: a circle. It says what to do there: write
    the points for 7, and weight: 7 beside the rule (which keeps it as written)."""
    profile = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          output: {weight: 35, rescale: true}
          process: {weight: 20, rescale: true}
          output.cost.saving:
            rule: {kind: formula, score: "6 if cost_saving_rate >= 0 else 0"}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    assert ("its formula gives points written for 6, kept as they are: write them for 7, and weight: 7 beside the rule "
            "under change:") in out.output, out.output
    assert "give it a rule for 7 under change:" not in out.output


def test_a_profile_writing_its_own_indicators_is_told_at_its_line_to_write_its_weight_rules_too(tmp_path: Path) -> None:
    """QA116 F2: a profile of national-framework whose `indicators:` hold only 决策 was told, at the bundled file's lines
    (which the author cannot edit), that its weight rule names unknown indicators, with no fix. Said at the profile's
    `indicators:` line, with the fix, as for a profile that removes them (QA71 F3)."""
    profile = _write(tmp_path, "p.yaml", """
        extends: national-framework
        id: p
        indicators:
          - {id: decision, name: 决策, weight: 100, rule: {kind: formula, rate: 1}}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(profile)])
    lines = [line for line in out.output.splitlines() if "names unknown indicator" in line]
    assert 1 == out.exit_code and len(lines) == 2, out.output  # at `indicators:`, the profile's line 3
    assert all(line.startswith(f"error: {profile}:3: ") and line.endswith("give the profile its own weight_rules: too)")
               for line in lines), out.output


def test_after_naming_an_indicator_added_further_down_says_to_reorder_not_did_you_mean(tmp_path: Path) -> None:
    """QA71 F5: add[0] placed after an indicator that add[1] adds was told the base has no such indicator, with a
    did-you-mean to another one. It is said to be added further down, and to put that add first."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.goals.reasonable: {weight: 1}
        add:
          - {under: decision.goals, after: decision.goals.x, id: decision.goals.y, name: y, weight: 1,
             rule: {kind: formula, score: 1}}
          - {under: decision.goals, id: decision.goals.x, name: x, weight: 1, rule: {kind: formula, score: 1}}
        """)
    problems = _problems(path)
    assert [("p.yaml", "decision.goals.x is added further down, at add[1]", "put add[1] before add[0]")] == \
        [(file, message, hint) for file, _, message, hint in problems if "further down" in message]


def test_a_fact_the_profile_removes_given_in_a_facts_file_or_case_is_said_removed_not_a_typo(tmp_path: Path) -> None:
    """QA71 F6: a facts file giving budget.method, which the profile removes, was warned with "did you mean
    budget.total?", as a typo is, and a case overriding it was refused the same way. Both say the profile removes it."""
    path = _write(tmp_path, "p.yaml", "extends: national-framework\nfacts:\n  output.cost_planned: null\n  output.cost_actual: null\n"
                  "derived:\n  cost_saving_rate: null\nremove: [output.cost]\nchange:\n  output: {weight: 30, rescale: true}\n")
    profile = load_indicator_set(path)
    facts = load_facts(NATIONAL_FACTS)
    warned = [w for w in score(profile, Facts(values=facts.values)).warnings if w.fact == "output.cost_planned"]
    assert warned and "the profile p.yaml removes this fact (line 3)" in warned[0].message, warned


def test_a_row_rule_rewritten_without_the_bases_synonyms_is_listed_as_not_kept(tmp_path: Path) -> None:
    """QA71 F7: rewriting the qualitative row rule of self-evaluation's 产出 without its synonyms dropped them unsaid, and
    forms wording a tier as the base allowed (达成预期指标) then failed. validate lists rules.qualitative.synonyms among what
    the replaced children_from no longer keeps."""
    path = _output_rows_replaced(tmp_path, """
        fact: targets.output
        categories: [数量指标, 质量指标, 时效指标, 成本指标]
        comparisons: {"≥": quantitative, "≤": quantitative_lower, "=": exact, 定性: qualitative}
        rules:
          quantitative: {kind: proportional, value: row.actual, target: row.target}
          quantitative_lower: {kind: proportional, value: row.actual, target: row.target, direction: lower_is_better}
          exact: {kind: equal, value: row.actual, target: row.target}
          qualitative:
            kind: tiers
            fact: row
            tiers:
              - {label: 达成年度指标, min: 0.8}
              - {label: 部分达成并具有一定效果, min: 0.5}
              - {label: 未达成且效果较差, min: 0}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(path)])
    assert "rules.qualitative.synonyms" in out.output, out.output


def test_what_a_base_profile_removes_stays_removed_and_said_so_in_a_profile_of_it(tmp_path: Path) -> None:
    """QA73 F1: a city's profile of the bundled Hubei profile, which removes budget.method, was told "did you mean
    budget.total?" for a facts file giving it (following it would overwrite 全年预算数): a fact a base profile removes is
    said removed by that profile, at its line."""
    path = _write(tmp_path, "city.yaml", "extends: hubei-self-evaluation\nid: city\n")
    facts = load_facts(ROOT / "indicator_sets" / "hubei-self-evaluation.facts.json")
    facts.values["budget"]["method"] = "bands"
    warned = [w.message for w in score(load_indicator_set(path), facts).warnings if w.fact == "budget.method"]
    assert len(warned) == 1 and "the profile hubei-self-evaluation removes this fact (line" in warned[0], warned
    assert "did you mean" not in warned[0]


def test_a_rescaled_switch_of_point_formulas_and_a_moved_child_are_said(tmp_path: Path) -> None:
    """QA73 F2, F3: a rescaled leaf whose rule is a switch of formulas giving points kept them unsaid (4 of 8 with all
    met), and an indicator re-added under an added parent showed "removed changed"."""
    base = _write(tmp_path, "base.yaml", """
        id: b
        name: b
        version: "1"
        total: 10
        grades:
          - {label: 合格, min: 6}
          - {label: 不合格, min: 0}
        facts:
          x: {type: boolean, label: 达标}
          m: {type: string, values: [甲, 乙], default: 甲, label: 方法}
        indicators:
          - id: a
            name: 甲项
            weight: 4
            rule: {kind: switch, by: m, rules: {甲: {kind: formula, score: "4 if x else 1"}, 乙: {kind: formula, score: "3 if x else 0"}}}
          - id: c
            name: 乙项
            weight: 6
            rule: {kind: formula, rate: "1 if x else 0"}
        """)
    assert base.exists()
    path = _write(tmp_path, "p.yaml", "extends: base.yaml\nchange:\n  a: {weight: 8, rescale: true}\n  c: {weight: 2}\n")
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(path)])
    assert "its formula gives points written for 4, kept as they are: give it a rule for 8" in out.output, out.output
    moved = _write(tmp_path, "m.yaml", """
        extends: national-framework
        remove: [decision.funds.allocation]
        add:
          - under: decision.funds
            id: decision.alloc
            name: 资金分配
            weight: 2
            children:
              - {id: decision.funds.allocation, name: 资金分配合理性, weight: 2, rule: {kind: formula, rate: "1"}}
        """)
    out = CliRunner().invoke(main, ["--lang", "en", "validate", str(moved)])
    assert "decision.funds.allocation 资金分配合理性 2  ← moved here: removed at line 2, added with the indicator above it" \
        in out.output, out.output


def test_a_rescaled_group_whose_children_the_profile_all_sets_is_said_at_their_weights(tmp_path: Path) -> None:
    """QA82 F7: 决策 10 with rescale: siblings, and both children of decision.goals set (5 + 1) where the rescale makes
    decision.goals 3, was said at decision's rescale: as 'decision has no sibling under decision.goals', which it is not
    under. It is said at the first child's weight the profile writes, with the sum and the two fixes."""
    path = _decision_rescaled(tmp_path, """
        decision.goals.clear: {weight: 5}
        decision.goals.reasonable: {weight: 1}
        """)
    [problem] = [p for p in _problems(path) if "decision.goals is rescaled" in p[2]]
    assert ("p.yaml", 4) == problem[:2]
    assert ("decision.goals is rescaled to 3 by decision's rescale, but this profile sets all its children's weights, which "
            "make 6 (1 + 5)") == problem[2]  # (in the order the children stand)
    assert "set decision.goals's weight under change: to 6, or leave one of its children's weights to the rescale" == problem[3]
    # QA87 F1: a child added under the group counts in the sum; the line is a weight written under change:, not the
    # nearest value of a path no one wrote (change: decision.goals.extra)
    added = _decision_rescaled(tmp_path, """
        decision.goals.clear: {weight: 5}
        decision.goals.reasonable: {weight: 1}
        """).read_text(encoding="utf-8") + ("add:\n  - {under: decision.goals, id: decision.goals.extra, name: 额外, weight: 2, "
                                           "rule: {kind: judgement, fact: decision.extra}}\n"
                                           "facts:\n  decision.extra: {type: judgement, label: 额外}\n")
    (tmp_path / "p.yaml").write_text(added, encoding="utf-8")
    [problem] = [p for p in _problems(tmp_path / "p.yaml") if "decision.goals is rescaled" in p[2]]
    assert ("p.yaml", 4) == problem[:2] and problem[2].endswith("which make 8 (1 + 5 + 2)"), problem


def test_a_rescale_reaching_an_indicator_the_profile_adds_names_that_indicator_and_a_fix_that_works(tmp_path: Path) -> None:
    """QA338 M1: output 30 → 35 with rescale, output.quality's only child an added group of 8 where the rescale makes
    output.quality 9, was told 'output has no sibling under output.quality …' (it is not under it), with the fix
    'change output.quality's weight instead, with rescale: true', which gave the same error again. It is told at the
    added indicator's weight, naming it, the weight it needs and the other fix; both fixes load."""
    text = """
        extends: national-framework
        change:
          output: {weight: 35, rescale: true}
          process: {weight: 20, rescale: true}
        remove: [output.quality.rate]
        add:
          - under: output.quality
            id: output.quality.group
            name: 质量
            weight: 8
            children:
              - {id: output.quality.a, name: 质量达标率, weight: 6, rule: {kind: proportional, value: quality_rate}}
              - {id: output.quality.b, name: 额外, weight: 2, rule: {kind: proportional, value: quality_rate}}
        """
    [problem] = _problems(_write(tmp_path, "p.yaml", text))
    assert ("p.yaml", 10, "output.quality is rescaled to 9 by output's rescale, but this profile sets all its children's "
            "weights, which make 8", "give output.quality.group (add[0]) the weight 9 in place of 8 and its children's to "
            "match, or set output.quality's weight under change: to 8") == problem
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(tmp_path / "p.yaml")
    assert ("output.quality 随 output 的 rescale 调整为 9，但本方案写明了它全部下级指标的分值，合计 8（把 output.quality.group"
            "（add[0]）的分值由 8 改为 9，其下级指标的分值随之改写，合计为 9；或在 change: 中把 output.quality 的分值写为 8）") \
        in caught.value.text("zh")
    nine = text.replace("weight: 8\n", "weight: 9\n").replace("weight: 6,", "weight: 7,")
    assert load_indicator_set(_write(tmp_path, "nine.yaml", nine)).indicator("output.quality").weight == 9
    eight = text.replace("  process:", "  output.quality: {weight: 8, rescale: true}\n          process:")
    assert load_indicator_set(_write(tmp_path, "eight.yaml", eight)).indicator("output.quality").weight == 8
    [said] = _problems(_write(tmp_path, "own.yaml", text.replace("  process:", "  output.quality: {weight: 9, rescale: true}"
                                                                 "\n          process:")))
    assert said[2].startswith("output.quality's rescale cannot scale its children to 9: this profile sets all their weights")
    siblings = _decision_rescaled(tmp_path, "process: {weight: 25}\noutput: {weight: 30}\nbenefit: {weight: 30}\n")
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(siblings)
    assert ("整个指标体系下与 decision 同级的指标，分值都由本方案写明，没有哪个能随之调整来补足差额（合计 95，应为 100）"
            "（自己设定它旁边各指标的分值）") in caught.value.text("zh")


def test_a_leaf_weight_its_rule_no_longer_fits_is_told_to_rescale_at_its_column_in_line_order(tmp_path: Path) -> None:
    """QA338 L8: decision.goals.clear 2 → 3 under change:, its checklist written for 2, was told "give it a rule for 3
    under change:, or set its weight yourself" (the weight is set: that makes no sense), without a column, and after
    the errors of later lines. The fix offered first is rescale: true on the leaf, which loads; the line has the
    weight's column, and the profile's errors come in the order of its lines."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          decision.goals.clear:
            weight: 3
          benefit.effects.social: {weight: 7}
        """)
    problems = [(p[1], p[2][:40], p[3]) for p in _problems(path)]
    assert [4, 4, 5] == [line for line, _, _ in problems], problems
    [clear] = [p for p in _problems(path) if p[2].startswith("element points add up to 2")]
    assert ("the weight of decision.goals.clear is changed from 2 to 3 here; its rule (" in (clear[3] or "")
            and (clear[3] or "").endswith("was written for 2: write rescale: true under change: decision.goals.clear, so "
                                          "that its points follow the new weight, or give it a rule for 3 under change:"))
    with pytest.raises(IndicatorSetError) as caught:
        load_indicator_set(path)
    assert f"{path}:4:13: 指标 decision.goals.clear：要点分值合计 2" in caught.value.text("zh")
    assert "请在 change: decision.goals.clear 下加 rescale: true" in caught.value.text("zh")
    fixed = path.read_text(encoding="utf-8").replace("weight: 3\n", "weight: 3\n    rescale: true\n").replace(
        "benefit.effects.social: {weight: 7}", "decision.goals.reasonable: {weight: 2, rescale: true}")
    decision = load_indicator_set(_write(tmp_path, "fixed.yaml", fixed)).indicator("decision.goals")
    assert [3] == [c.weight for c in decision.children if c.id == "decision.goals.clear"]


def test_a_profile_that_cannot_be_merged_has_its_own_formulas_and_grade_labels_told_in_the_same_run(tmp_path: Path) -> None:
    """QA241 M3: a misspelt id stops a profile being merged, and the slips in its own text (a × in a rule under
    otherwise:, a ＞ in a checklist element it adds, <> in a check, 60% in a 需说明 condition, ÷ in a derived value, a
    grade label used twice) were told only in the next run, once the id was fixed. They are told with the id."""
    path = _write(tmp_path, "p.yaml", """
        extends: national-framework
        change:
          benefit.effects.socail: {weight: 10}
          output.cost.saving:
            rule: {kind: equal, value: cost_saving_rate, target: 1, otherwise: {kind: formula, score: weight × 0.5}}
        add:
          - {id: output.cost.extra, under: output.cost, name: 额外, weight: 1,
             rule: {kind: checklist, elements: [{name: 甲, met: 1 ＞ 0}]}}
        derived:
          funding_rate: {expr: budget.arrived ÷ budget.total, label: 资金到位率}
        checks:
          - {expr: "budget.paid <> 0", message: 检查}
        explain_when:
          - {when: "total < 60%", message: 需说明}
        grades:
          - {label: 优, min: 90}
          - {label: 良, min: 80}
          - {label: 良, min: 60}
          - {label: 差, min: 0}
        caps:
          - {when: "budget.paid <> 1", grade_at_most: 差, message: 封顶}
        """)
    told = {(line, message.split(" (U+")[0].split(":")[0]) for _, line, message, _ in _problems(path)}
    assert {(3, "no indicator benefit.effects.socail in the base set"), (5, "character '×'"), (8, "character '＞'"),
            (10, "character '÷'"), (12, "syntax error"), (14, "syntax error"), (18, "grade label 良 is used twice"),
            (21, "syntax error")} == told
    fixed = _write(tmp_path, "fixed.yaml", path.read_text(encoding="utf-8").replace("socail", "social"))
    assert told - {(3, "no indicator benefit.effects.socail in the base set")} <= \
        {(line, message.split(" (U+")[0].split(":")[0]) for _, line, message, _ in _problems(fixed)}  # as the build says


def test_a_valid_profile_has_its_own_text_checked_once_by_the_build_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA251: the first-run check of a profile's own formulas compiled every formula of every profile a second time,
    thrown away when it merged (400 derived values: 340 → 540 ms). It runs only for a profile refused before its
    build; a valid one's formulas are compiled by the build alone."""
    from scoring_engine import _profile_keys

    def never(*_: object) -> None:
        raise AssertionError("own_text ran for a profile that merges")

    monkeypatch.setattr(_profile_keys, "own_text", never)
    for path in sorted((ROOT / "indicator_sets").glob("*.yaml")):
        if "cases" not in path.name:
            load_indicator_set(path)


def test_each_rule_kind_names_every_place_it_reads_a_formula_from(monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile's own formulas are found by the places each rule kind declares (RuleKind.formulas): a kind reading a
    formula from a place it does not declare would have that formula's slips told only a run later. Every formula the
    bundled sets and the examples compile is at a declared place, and every kind that reads formulas is among them."""
    from scoring_engine._build import rule_spec
    from scoring_engine.rules import RULE_KINDS

    seen: set[tuple[str, tuple[str, ...]]] = set()
    compile_at = rule_spec.RuleBuilder.formula

    def recorded(self: rule_spec.RuleBuilder, *path: str | int, **kwargs: object) -> object:
        seen.add((self.spec["kind"], tuple("*" if isinstance(part, int) else part for part in path)))
        return compile_at(self, *path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rule_spec.RuleBuilder, "formula", recorded)
    for path in sorted([*(ROOT / "indicator_sets").glob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")]):
        try:
            load_indicator_set(path)
        except ScoringEngineError:
            continue  # an example of a mistake
    assert {(kind, place) for kind, place in seen if place not in RULE_KINDS[kind].formulas} == set()
    assert {kind for kind, _ in seen} == {name for name, kind in RULE_KINDS.items() if kind.formulas}
