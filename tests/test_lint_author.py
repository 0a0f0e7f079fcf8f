"""`lint` for a new set's author (QA19): advice that fits a set written out in full, and the slips a new author makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring_engine._zh import translate
from scoring_engine.lint import LintWarning, lint_file

GRADES = "grades:\n  - {label: 合格, min: 0}\n"


def _set(indicators: str, facts: str, extra: str = "") -> str:
    head = 'id: lint-author\nname: 示例\nversion: "1"\ntotal: 10\n'
    return head + f"facts:\n{facts}" + extra + GRADES + "indicators:\n" + indicators


def _lint(tmp_path: Path, text: str, name: str = "set.yaml") -> tuple[LintWarning, ...]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint_file(path)[1]


def _codes(warnings: tuple[LintWarning, ...], code: str) -> list[LintWarning]:
    return [w for w in warnings if w.code == code]


FUNDING = _set("  - {id: a, name: 资金到位率, weight: 10, rule: {kind: proportional, value: arrived, target: total}}\n",
               "  arrived: {type: number}\n  total: {type: number}\n",
               "derived:\n  funding_rate: {expr: arrived / total, label: 资金到位率}\n")


def test_an_unused_derived_value_in_a_full_set_is_deleted_and_its_facts_read_elsewhere_are_kept(tmp_path: Path) -> None:
    """In a set written out in full the hint said 'in a profile, derived: {funding_rate: null}, and its facts with null'
    (a set author wrote null and the set was refused; the Chinese dropped 'in a profile'), and that arrived and total
    'are still required' though the rule reads them. It now says to delete it, and names no fact another part reads."""
    [found] = _codes(_lint(tmp_path, FUNDING), "unused-derived")
    assert "derived value funding_rate is read by no rule" in found.problem.message
    assert "still required" not in found.problem.message
    assert "delete it from derived, or read it" == found.problem.hint
    assert "null" not in translate(str(found.problem.hint))
    assert "从 derived 中删去它，或读取它" == translate(str(found.problem.hint))


def test_an_unused_derived_value_names_only_the_facts_it_alone_makes_required(tmp_path: Path) -> None:
    """A derived value reading a fact nothing else reads: that fact is named, to be deleted with it."""
    text = FUNDING.replace("  total: {type: number}\n", "  total: {type: number}\n  paid: {type: number}\n")
    text = text.replace("arrived / total, label", "paid / total, label")
    [found] = _codes(_lint(tmp_path, text), "unused-derived")
    assert found.problem.message.endswith(", and of the facts only it reads, paid is still required"), found.problem.message
    assert "delete it from derived, and the facts only it reads (paid) from facts, or read it" == found.problem.hint


@pytest.mark.parametrize("declared", ["{type: number, required: false}", "{type: number, default: 0}"])
def test_an_unused_derived_values_optional_facts_are_not_called_required(tmp_path: Path, declared: str) -> None:
    """QA222 7: a fact declared required: false (or given a default), read by an unused derived value alone, was said to
    be 'still required' (仍是必填的); it is not. The value is said to be only shown, and the hint still deletes the
    fact with it."""
    text = FUNDING.replace("  total: {type: number}\n", f"  total: {{type: number}}\n  paid: {declared}\n")
    text = text.replace("arrived / total, label", "paid / total, label")
    [found] = _codes(_lint(tmp_path, text), "unused-derived")
    assert found.problem.message.endswith("condition: it is only shown"), found.problem.message
    assert "delete it from derived, and the facts only it reads (paid) from facts, or read it" == found.problem.hint


def test_an_unused_derived_value_reading_required_and_optional_facts_says_which_of_them_are_still_required(
        tmp_path: Path) -> None:
    """QA223 6: with p required and q optional, the message said "the facts it reads (p) are still required" and the hint
    named (p, q): it read as if the value read p alone. It now says which of the facts only it reads are still required;
    the Chinese lists them with 、, as every Chinese list, where it kept the ", " (事实（p, q）仍是必填的)."""
    text = FUNDING.replace("  total: {type: number}\n", "  total: {type: number}\n  p: {type: number}\n"
                           "  q: {type: number, required: false}\n  r: {type: number}\n")
    [found] = _codes(_lint(tmp_path, text.replace("arrived / total, label", "p if q else 0, label")), "unused-derived")
    assert found.problem.message.endswith("only shown, and of the facts only it reads, p is still required")
    assert "delete it from derived, and the facts only it reads (p, q) from facts, or read it" == found.problem.hint
    assert found.text("zh").endswith("只用于显示，而只有它读取的事实中，p 仍是必填的（从 derived 中删去它，并从 facts 中删去"
                                     "只有它读取的事实（p、q），或读取它）"), found.text("zh")
    [found] = _codes(_lint(tmp_path, text.replace("arrived / total, label", "p if q else r, label")), "unused-derived")
    assert found.problem.message.endswith("only shown, and of the facts only it reads, p, r are still required")
    assert "而只有它读取的事实中，p、r 仍是必填的（" in found.text("zh") and "只有它读取的事实（p、q、r）" in found.text("zh")


def test_an_unused_derived_value_of_a_base_is_removed_in_the_profile_with_null(tmp_path: Path) -> None:
    """A profile that removed 成本指标 leaves cost_saving_rate: the hint writes null for it and for its own facts, in 方案."""
    profile = ("extends: national-framework\nid: p\nname: p\nversion: '1'\nremove: [output.cost]\n"
               "change:\n  output: {weight: 40, rescale: true}\n  process: {weight: 30, rescale: siblings}\n")
    [found] = _codes(_lint(tmp_path, profile), "unused-derived")
    hint = str(found.problem.hint)
    assert ("remove it in this profile with derived: {cost_saving_rate: null} and facts: "
            "{output.cost_actual: null, output.cost_planned: null}, or read it") == hint
    assert translate(hint).startswith("在本方案中写 derived: {cost_saving_rate: null}")


def test_a_value_the_switch_fact_may_take_without_a_rule_is_named(tmp_path: Path) -> None:
    """A switch chosen by a fact declared with values [甲, 乙, 丙] and rules for 甲 and 乙 passed validate and lint; a
    project picking 丙 was refused only when scored. lint names 丙, at the switch's rules."""
    text = _set("  - id: t\n    name: 测试\n    weight: 10\n    rule:\n      kind: switch\n      by: m\n      rules:\n"
                "        甲: {kind: proportional, value: v}\n        乙: {kind: formula, rate: 1}\n",
                "  m: {type: string, values: [甲, 乙, 丙], label: 方法}\n  v: {type: number}\n")
    [found] = _codes(_lint(tmp_path, text), "missing-variant")
    assert {"fact": "m", "value": "丙", "names": "甲, 乙"} == found.fields
    assert "t" == found.problem.indicator and text.splitlines()[found.problem.line - 1].strip() == "rules:"
    assert "m 可能取 丙，而 switch 没有为它写规则（只有 甲, 乙）：这样的项目无法评分" == translate(found.problem.message)


GRADES_WRITTEN = ("grades:\n  - {label: 优, min: 90}\n  - {label: 良, min: 95}\n  - {label: 中, min: 60}\n"
                  "  - {label: 差, min: 0}\n")


def test_a_grade_whose_min_contradicts_the_written_order_is_named(tmp_path: Path) -> None:
    """良 written below 优 with min 95 (for 80) passed: a total of 95.5 was graded 良. lint names 良 at its min."""
    text = _set("  - {id: a, name: 甲, weight: 10, rule: {kind: proportional, value: v}}\n", "  v: {type: number}\n")
    text = text.replace(GRADES, GRADES_WRITTEN).replace("total: 10\n", "total: 100\n").replace("weight: 10,", "weight: 100,")
    [found] = _codes(_lint(tmp_path, text), "grade-order")
    assert ("良", "优", "95", "良") == (found.fields["grade"], found.fields["other"], found.fields["high"], found.fields["top"])
    assert "min: 95" in text.splitlines()[found.problem.line - 1]
    assert translate(found.problem.message).startswith("等级 良（min 95）写在 优（min 90）之后")


def test_grades_written_from_the_lowest_up_or_from_the_highest_down_are_in_order(tmp_path: Path) -> None:
    """Order in the file does not matter: grades written either way, consistently, give no warning."""
    text = _set("  - {id: a, name: 甲, weight: 100, rule: {kind: proportional, value: v}}\n", "  v: {type: number}\n")
    text = text.replace("total: 10\n", "total: 100\n")
    down = text.replace(GRADES, GRADES_WRITTEN.replace("min: 95", "min: 80"))
    up = text.replace(GRADES, "grades:\n  - {label: 差, min: 0}\n  - {label: 中, min: 60}\n  - {label: 良, min: 80}\n"
                              "  - {label: 优, min: 90}\n")
    assert [] == _codes(_lint(tmp_path, down), "grade-order") == _codes(_lint(tmp_path, up), "grade-order")


RATE_FACTS = "  r: {type: number, min: 0, max: 1, label: 比率}\n  paid: {type: number, min: 0}\n  total: {type: number, min: 0}\n"


def test_a_target_written_as_a_percentage_for_a_ratio_is_named(tmp_path: Path) -> None:
    """proportional with target: 90 for a rate declared 0..1 passed: every project scored under 1.2% of the weight.
    lint names the target, with the ratio to write."""
    text = _set("  - {id: c, name: 完成率, weight: 10, rule: {kind: proportional, value: r, target: 90}}\n", RATE_FACTS)
    [found] = _codes(_lint(tmp_path, text), "percent-bound")
    assert ("target", "90", "0.9") == (found.fields["key"], found.fields["bound"], found.fields["ratio"])
    assert "target 90 is set for r, a ratio (it lies in [0, 1]): it reads as 9000%" == found.problem.message
    assert "target 90 用于比率 r（取值在 [0, 1] 之内）：相当于 9000%" == translate(found.problem.message)
    fine = text.replace("target: 90", "target: 0.9")
    assert [] == _codes(_lint(tmp_path, fine), "percent-bound")


def test_a_condition_comparing_a_rate_with_90_is_named(tmp_path: Path) -> None:
    """explain_when: execution_rate < 90, the rate a proportional rule reads as its completion rate, always held: every
    project was asked to explain itself. lint names the condition; < 0.9 gives no warning."""
    text = _set("  - {id: e, name: 预算执行率, weight: 10, rule: {kind: proportional, value: execution_rate}}\n", RATE_FACTS,
                "derived:\n  execution_rate: ratio(paid, total)\nexplain_when:\n"
                "  - {when: execution_rate < 90, message: 执行率低}\n")
    [found] = _codes(_lint(tmp_path, text), "percent-compare")
    assert "execution_rate is compared with 90, but it is a ratio (e reads it as a rate, 1 being 100%)" in found.problem.message
    assert "execution_rate < 90" == found.problem.expression and "90% 应写成 0.9" == translate(str(found.problem.hint))
    assert [] == _codes(_lint(tmp_path, text.replace("< 90", "< 0.9")), "percent-compare")


def test_a_count_compared_with_a_large_number_is_no_percentage(tmp_path: Path) -> None:
    """A value that may exceed 1 (an amount in 万元) compared with 90 is not a ratio: no warning."""
    text = _set("  - {id: e, name: 执行, weight: 10, rule: {kind: proportional, value: paid, target: total}}\n", RATE_FACTS,
                "checks:\n  - {expr: paid < 90, message: 支付过多}\n")
    assert [] == _codes(_lint(tmp_path, text), "percent-compare")


def test_a_floor_or_share_written_as_a_percentage_gets_the_ratio_to_write(tmp_path: Path) -> None:
    """floor: 60 was refused with 'floor must be below 1, got the number 60' and no hint (bands' bounds get '60% 应写成
    0.6'); the refusal now says which ratio to write, for a share_each: 10 too, and for a share also the key that gives
    the same number in points (share_each: 2 is as often 2 points a finding as 2%)."""
    from scoring_engine import IndicatorSetError, parse_indicator_set

    text = _set("  - {id: e, name: 执行, weight: 10, rule: {kind: proportional, value: r, floor: 60}}\n", RATE_FACTS)
    for written, hint in ((text, "a rate is a ratio: write 0.6 for 60%; if it is 60 points, write 60 ÷ the weight"),
                          (text.replace("{kind: proportional, value: r, floor: 60}",
                                        "{kind: deduction, findings: f, share_each: 10}").replace(RATE_FACTS, "  f: {type: list}\n"),
                           "a share is a part of the weight: write 0.1 for 10%, or points_each: 10 for 10 points")):
        try:
            parse_indicator_set(written, "set.yaml")
        except IndicatorSetError as refused:
            [problem] = refused.problems
            assert hint == problem.hint
            assert translate(hint).startswith(("比率按小数写：", "份额是分值的一部分："))
        else:
            raise AssertionError("not refused")


def _banded(standard: str, boundary: str = "") -> str:
    return _set(f"  - id: b\n    name: 执行率\n    weight: 10\n    standard: {standard}\n    rule:\n      kind: bands\n"
                f"      value: r\n      display: percent\n{boundary}      bands:\n        - {{min: 0.95, points: 10}}\n"
                "        - {min: 0.9, max: 0.95, points: 8}\n        - {max: 0.9, points: 0}\n", RATE_FACTS)


EXCLUSIVE = "执行率95%以上（不含95%）得10分；90%以上至95%（含95%）得8分；90%及以下得0分。"


def test_a_standard_that_puts_a_band_edge_in_the_lower_band_is_named_when_bands_are_min_inclusive(tmp_path: Path) -> None:
    """'95%以上（不含95%）…至95%（含95%）' with bands left min_inclusive scored exactly 95% as 10, the standard says 8:
    authoring.md warns of this trap at length, and lint said nothing. It names the bound and the boundary to write."""
    [found] = _codes(_lint(tmp_path, _banded(EXCLUSIVE)), "band-edge")
    assert ("95.00%", "min_inclusive", "max_inclusive") == (found.fields["bound"], found.fields["boundary"], found.fields["wanted"])
    assert "b" == found.problem.indicator
    assert translate(found.problem.message).startswith("评分标准把 95.00% 归入低于它的一档")


def test_a_band_edge_the_standard_and_the_boundary_agree_on_gives_no_warning(tmp_path: Path) -> None:
    """The same standard with boundary: max_inclusive, and '≥95%…90%（含）–95%' with the default: no warning; nor a
    standard that says nothing explicit of its edges (a bare 以上)."""
    assert [] == _codes(_lint(tmp_path, _banded(EXCLUSIVE, "      boundary: max_inclusive\n")), "band-edge")
    assert [] == _codes(_lint(tmp_path, _banded("≥95%得10分；90%（含）–95%得8分；低于90%不得分。")), "band-edge")
    assert [] == _codes(_lint(tmp_path, _banded("95%以上得10分；90%以上得8分；其余不得分。")), "band-edge")


@pytest.mark.parametrize("boundary", ["", "      boundary: max_inclusive\n"])
def test_a_standard_that_puts_two_band_edges_on_opposite_sides_is_told_to_use_a_formula(tmp_path: Path,
                                                                                     boundary: str) -> None:
    """'95%以上（不含95%）…90%（含）–95%（含）': 95% goes with the band below, 90% with the band above. lint named one bound
    and told to flip boundary, then named the other and told to flip it back (QA55 F3). It names both, and gives the
    formula that scores each bound as the standard says, whatever the boundary written."""
    [found] = _codes(_lint(tmp_path, _banded("95%以上（不含95%）得10分；90%（含）–95%（含）得8分；低于90%不得分。", boundary)),
                     "band-edge")
    assert ("90.00%", "95.00%") == (found.fields["above"], found.fields["below"])
    assert "10 if r > 0.95 else 8 if r >= 0.9 else 0" == found.fields["formula"]
    assert translate(found.problem.message).endswith("一个 boundary 无法同时表达")


def test_a_tolerance_or_deviation_threshold_written_as_a_percentage_is_named(tmp_path: Path) -> None:
    """equal's tolerance: 5 (500% of the target: 14 against 10 took full marks) and over_target's above: 20 (2000%: the
    reduction never applied) passed validate and lint. Both are shares of the target: lint names them, with the share to
    write; 0.05 and 0.2 give no warning."""
    text = _set("  - {id: q, name: 数量, weight: 5, rule: {kind: equal, value: paid, target: total, tolerance: 5}}\n"
                "  - {id: e, name: 执行, weight: 5, rule: {kind: proportional, value: paid, target: total,\n"
                "      over_target: {above: 20, per: 0.1, share_each: 0.1}}}\n", RATE_FACTS)
    found = _codes(_lint(tmp_path, text), "percent-share")
    assert [("tolerance", "5", "0.05"), ("over_target.above", "20", "0.2")] == \
        [(f.fields["key"], f.fields["bound"], f.fields["ratio"]) for f in found]
    assert "tolerance 5 是目标值的比例：相当于 500%" == translate(found[0].problem.message)
    fine = text.replace("tolerance: 5", "tolerance: 0.05").replace("above: 20", "above: 0.2")
    assert [] == _codes(_lint(tmp_path, fine), "percent-share")


def test_a_band_edge_of_a_ratio_is_named_whether_or_not_the_rule_displays_percentages(tmp_path: Path) -> None:
    """QA21 F8: the same bands of a ratio without `display: percent` (display only changes how reasons print) gave no
    warning: the standard's 95% was compared as 95 with the bound 0.95. A percentage the bands hold as a ratio is read
    as one."""
    text = _banded(EXCLUSIVE).replace("      display: percent\n", "")
    [found] = _codes(_lint(tmp_path, text), "band-edge")
    assert ("95.00%", "min_inclusive") == (found.fields["bound"], found.fields["boundary"])
    assert [] == _codes(_lint(tmp_path, _banded(EXCLUSIVE, "      boundary: max_inclusive\n").replace(
        "      display: percent\n", "")), "band-edge")


def test_a_rate_read_only_by_bands_of_ratios_compared_with_90_is_named(tmp_path: Path) -> None:
    """QA21 F8: execution_rate = paid ÷ total read only by bands 0.9 and 0.95, and explain_when: execution_rate < 90,
    which every project meets: no warning, though the bands say it is a ratio. Bands of counts (0, 1, 2) say nothing."""
    bands = ("  - {id: e, name: 预算执行率, weight: 10, rule: {kind: bands, value: execution_rate, bands: [{min: 0.95, points: 10},"
             " {min: 0.9, max: 0.95, points: 8}, {max: 0.9, points: 0}]}}\n")
    text = _set(bands, RATE_FACTS, "derived:\n  execution_rate: paid / total\nexplain_when:\n"
                "  - {when: execution_rate < 90, message: 执行率低}\n")
    [found] = _codes(_lint(tmp_path, text), "percent-compare")
    assert "(the bands of e read it as a ratio: their bounds lie between 0.9 and 0.95)" in found.problem.message
    assert "e 的分档把它当作比率读取：分档界限在 0.9 与 0.95 之间" in translate(found.problem.message)
    counts = text.replace("0.95, points: 10}", "3, points: 10}").replace("min: 0.9, max: 0.95", "min: 1, max: 3").replace(
        "max: 0.9, points: 0", "max: 1, points: 0")
    assert [] == _codes(_lint(tmp_path, counts), "percent-compare")


# ---------------------------------------------------------------- unused derived values by the thousand (QA221 1)


ALONE = _set("  - {id: a, name: 甲, weight: 10, rule: {kind: proportional, value: done, target: 10}}\n",
             "".join(f"  {name}: {{type: number}}\n" for name in ("done", "f1", "f2", "f3", "f4", "f6", "f7", "u", "f8",
                                                                  "f9", "f10")),
             'checks:\n  - {expr: "f3 >= 0", message: 请核对}\n'
             "derived:\n  d2: f2 * 2\n  d1: d2 + f1\n  d3: f3 + 1\n  d4: f4 + 1\n  d5: f4 + 2\n  d6: f6 + done\n"
             "  d7: {expr: f7 + 1, used: {fact: u}}\n  d8: {expr: f10 * 1, used: {fact: f8}}\n  d9: f8 + f9\n")


def test_an_unused_derived_value_names_the_facts_no_other_reader_reads_the_chain_read_by_its_own_link(tmp_path: Path) -> None:
    """Each unused derived value names the facts its formula reads that nothing else reads: d1 (reading d2, which reads
    f2) names f1, not f2, which d2 itself reads; a fact a check, a rule or another value (its formula or its used
    fact) reads too is not named; a value whose every fact another reads is only shown."""
    said = {w.fields["name"]: w.fields["reads"] for w in _codes(_lint(tmp_path, ALONE), "unused-derived")}
    assert {"d1": "f1", "d3": "", "d4": "", "d5": "", "d6": "f6", "d7": "f7", "d8": "f10", "d9": "f9"} == said


def test_thousands_of_unused_derived_values_are_linted_in_time_linear_in_their_number(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """lint worked out the facts each unused derived value alone reads by building the set again without it, every
    other value's reach recomputed each time: 2000 values took 5 s, 4000 28 s, 8000 over 150 s (scoring them, 2 s).
    The reach of the set's derived values is now worked out once: a few calls per value, not one per pair."""
    from scoring_engine import model

    calls = 0
    counted = model._facts_read

    def counting(*args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        return counted(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(model, "_facts_read", counting)
    n = 300
    text = _set("  - {id: a, name: 甲, weight: 10, rule: {kind: proportional, value: done, target: 10}}\n",
                "  done: {type: number}\n" + "".join(f"  g{i}: {{type: number}}\n" for i in range(n)),
                "derived:\n" + "".join(f"  v{i}: g{i} + done\n" for i in range(n)))
    found = _codes(_lint(tmp_path, text), "unused-derived")
    assert [f"g{i}" for i in range(n)] == [w.fields["reads"] for w in found]
    assert calls < 3 * n
