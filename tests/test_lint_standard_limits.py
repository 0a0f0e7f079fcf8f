"""lint: the 评分标准's band edges, zero points and caps against the rule (QA119 F1), and how a mismatch is quoted and
shown (QA119 F5). Each case is examples/small/set.yaml with one standard (or rule) rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from scoring_engine._zh import translate
from scoring_engine.lint import LintWarning, lint_file

SMALL = ROOT / "examples" / "small" / "set.yaml"
EXECUTION = "执行率≥95%得10分；90%（含）–95%得8分；80%（含）–90%得5分；低于80%不得分。"
SATISFACTION = "≥90%得6分；80%（含）–90%得4分；60%（含）–80%得2分；低于60%不得分。"
COMPLIANCE = "每发现一处违规扣2分，扣完为止；发现5处及以上不得分。"
TIMELINESS = "按期完成得满分；每超期1个月扣2分，扣完为止。"
QUALITY = "达标率100%得满分；每低1个百分点扣分值的5%；80%及以下不得分。"


def _mismatches(tmp_path: Path, *edits: tuple[str, str], base: Path = SMALL) -> list[LintWarning]:
    """The standard-mismatch warnings of `base` (the small example's set) with each (old, new) edit made once."""
    text = base.read_text(encoding="utf-8")
    for old, new in edits:
        assert 1 == text.count(old), old
        text = text.replace(old, new)
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    return [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "standard-mismatch"]


@pytest.mark.parametrize(("edit", "expected"), [
    ((EXECUTION, EXECUTION.replace("95%", "97%")),  # at 96% the text gives 8 points, the rule 10
     [("执行率≥97%得10分", "≥97%", "bands[0]", "≥95%"), ("90%（含）–97%得8分", "90%–97%", "bands[1]", "90%–95%")]),
    ((EXECUTION, "执行率≥95%得10分；85%（含）–95%得8分；80%（含）–85%得5分；低于80%不得分。"),
     [("85%（含）–95%得8分", "85%–95%", "bands[1]", "90%–95%"), ("80%（含）–85%得5分", "80%–85%", "bands[2]", "80%–90%")]),
    ((EXECUTION, "执行率≥90%得10分；80%（含）–90%得8分；70%（含）–80%得5分；低于70%不得分。"),  # every band moved down
     [("执行率≥90%得10分", "≥90%", "bands[0]", "≥95%"), ("80%（含）–90%得8分", "8", "bands[2].points", "5"),
      ("低于70%不得分", "<70%", "bands[3]", "<80%")]),
    ((SATISFACTION, "≥85%得6分；75%（含）–85%得4分；60%（含）–75%得2分；低于60%不得分。"),
     [("≥85%得6分", "≥85%", "bands[0]", "≥90%"), ("75%（含）–85%得4分", "75%–85%", "bands[1]", "80%–90%"),
      ("60%（含）–75%得2分", "60%–75%", "bands[2]", "60%–80%")]),
])
def test_band_edges_of_the_standard_that_the_rule_does_not_use_are_named(tmp_path: Path, edit: tuple[str, str],
                                                                        expected: list[tuple[str, ...]]) -> None:
    """QA119 F1: '≥97%得10分' against a band from 0.95 (and '85%（含）–95%得8分' against 0.9–0.95) gave no warning, while
    a project at 96% scores 8 by the text and 10 by the rule. The band with the same points is named with its range."""
    found = _mismatches(tmp_path, edit)
    assert expected == [(w.fields["quote"], w.fields["stated"], w.fields["param"], w.fields["actual"]) for w in found]
    assert "评分标准写的是“执行率≥97%得10分”（≥97%），而规则的 bands[0] 是 ≥95%" in [
        translate(w.problem.message) for w in _mismatches(tmp_path, (EXECUTION, EXECUTION.replace("95%", "97%")))]


def test_a_zero_point_the_standard_states_where_the_rule_has_none_is_named_with_where_it_reaches_0(tmp_path: Path) -> None:
    """QA119 F1: '超期3个月及以上不得分' against 2 points a month off 10 (0 only at 5 months) gave no warning: at 3 months
    the text gives 0 and the rule 4. The warning says where the rule reaches 0, and the zero_at that says the text."""
    [w] = _mismatches(tmp_path, (TIMELINESS, "按期完成得10分；每超期1个月扣2分，超期3个月及以上不得分。"))
    assert ("超期3个月及以上不得分", "3个月", "5个月") == (w.fields["quote"], w.fields["stated"], w.fields["actual"])
    assert ("评分标准写的是“超期3个月及以上不得分”（3个月），而规则没有设 zero_at：每 1个月 扣 2 分，要到 5个月 才扣完分值 10"
            == translate(w.problem.message))
    assert "在规则中写 zero_at: 3，或把评分标准改为 5个月" == translate(w.problem.hint or "")
    # a percentage of a ratio: '85%及以下' against 5% of the weight a point, which runs out at 80% ('70%及以下', past
    # that point, changes no score: QA121 F3)
    [w] = _mismatches(tmp_path, ("share_each: 0.05, zero_at: 0.8", "share_each: 0.05"),
                      (QUALITY, QUALITY.replace("80%及以下", "85%及以下")))
    assert ("85%", "80%", "0.85") == (w.fields["stated"], w.fields["actual"], w.fields["zero"])


@pytest.mark.parametrize(("rule", "expected"), [
    ("points_each: 2, zero_at_count: 5", "评分标准写的是“最多扣6分”（最多扣 6 分），而规则发现 5 处（zero_at_count）即扣完分值 10"),
    ("points_each: 2", "评分标准写的是“最多扣6分”（最多扣 6 分），而规则扣完为止，最多扣完分值 10"),
])
def test_a_cap_the_standard_states_that_a_deduction_does_not_have_is_named(tmp_path: Path, rule: str, expected: str) -> None:
    """QA119 F1: '最多扣6分' against a deduction of 2 a finding with zero_at_count 5 gave no warning: with 5 findings
    the text gives 4 and the rule 0. A deduction deducts until the weight is used up; the fix is named."""
    [w] = _mismatches(tmp_path, (COMPLIANCE, "每发现一处违规扣2分，最多扣6分。"),
                      ("points_each: 2, zero_at_count: 5", rule))
    assert expected == translate(w.problem.message)
    assert "若要最多扣 6 分，改用 kind: formula 计分" in translate(w.problem.hint or "")


@pytest.mark.parametrize("edits", [
    # QA119's correct rephrasings (N01–N08)
    [(EXECUTION, "执行率95%及以上得10分；90%–95%（不含）得8分；80%–90%（不含）得5分；80%以下不得分。")],
    [(COMPLIANCE, "每发现一处违规扣2分，最多扣10分；发现5处及以上的，本项不得分。")],
    [("①符合法律法规和发展政策；②与部门职责和年度计划相符；③未与其他项目重复。每项2分。",
      "①符合法律法规和发展政策（2分）；②与部门职责和年度计划相符（2分）；③未与其他项目重复（2分）。")],
    [(SATISFACTION, SATISFACTION.replace("≥90%", "有效样本不少于30份。≥90%"))],
    [("完成率低于60%不得分；高于60%的部分按比例得分：(完成率 − 60%) ÷ 40% × 分值。",
      "完成率低于60%的不得分；完成率60%（含）以上的，得分 = (完成率 − 60%) ÷ 40% × 10分。")],
    [(TIMELINESS, "按期完成得10分；每超期1个月扣2分，超期5个月及以上不得分。")],
    [(QUALITY, "达标率100%得10分；每低1个百分点扣0.5分；80%及以下不得分。")],
    [("每发现一处问题扣1分，扣完为止。", "对照2024年度绩效目标，每发现一处问题扣1分，扣完为止。")],
    # a zero point the deductions reach without zero_at; a cap that is the weight
    [("share_each: 0.05, zero_at: 0.8", "share_each: 0.05")],
    [(COMPLIANCE, "每发现一处违规扣2分，最多扣10分。")],
    # a band the text leaves open where the rule closes it, and points the rule gives in two bands
    [(EXECUTION, "执行率95%（含）–100%得10分；90%（含）–95%得8分；80%（含）–90%得5分；低于80%不得分。")],
])
def test_a_correct_rephrasing_of_a_standard_gives_no_warning(tmp_path: Path, edits: list[tuple[str, str]]) -> None:
    """No false alarm: a standard that says what the rule does in other words (QA119's eight rephrasings, a zero
    point where the deductions use up the weight, a cap at the weight, a band the text closes at 100%) is clean."""
    assert [] == [str(w) for w in _mismatches(tmp_path, *edits)]


def test_a_band_mismatch_quotes_the_clause_that_states_the_number(tmp_path: Path) -> None:
    """QA119 F5: '满意度（非常满意100%、…）≥90%得5分' was quoted from the start of the standard, cut before the 5 it
    meant; the quote is now the clause '≥90%得5分'."""
    [w] = _mismatches(tmp_path, (SATISFACTION, SATISFACTION.replace("得6分", "得5分")))
    assert ("≥90%得5分", "5", "6") == (w.fields["quote"], w.fields["stated"], w.fields["actual"])


def test_a_deduction_in_points_against_a_share_of_the_weight_is_shown_in_points(tmp_path: Path) -> None:
    """QA119 F5: '每低1个百分点扣1分' against share_each 5% of a weight of 10 was told 'share_each 是 5%': 1 point
    against a percentage. The rule's deduction is shown in the text's unit, 0.5 points (and a share against points)."""
    [w] = _mismatches(tmp_path, (QUALITY, "达标率100%得10分；每低1个百分点扣1分；80%及以下不得分。"))
    assert "评分标准写的是“每低1个百分点扣1分”（1），而规则扣 0.5 分：它的 share_each 是 10 分的 5%" == translate(
        w.problem.message)
    # 扣分值的10% of 绩效目标合理性's 5 points against points_each 1: 10% against 20%, not against 1
    [w] = _mismatches(tmp_path, ("每发现一处问题扣1分，扣完为止。", "每发现一处问题扣分值的10%，扣完为止。"))
    assert "评分标准写的是“每发现一处问题扣分值的10%”（10%），而规则扣 5 分的 20%：它的 points_each 是 1" == translate(
        w.problem.message)


GROWTH = ("执行率比上年提高5个百分点及以上得10分；提高3（含）–5个百分点得8分；提高1（含）–3个百分点得5分；"
          "提高不足1个百分点不得分。")
GROWTH_BANDS = (("{min: 0.95, points: 10}", "{min: 0.05, points: 10}"), ("{min: 0.9, max: 0.95, points: 8}",
                "{min: 0.03, max: 0.05, points: 8}"), ("{min: 0.8, max: 0.9, points: 5}", "{min: 0.01, max: 0.03, points: 5}"),
                ("{max: 0.8, points: 0}", "{max: 0.01, points: 0}"))


def test_bands_written_in_percentage_points_are_read_as_percentages(tmp_path: Path) -> None:
    """QA121 F1: '提高3（含）–5个百分点得3分' against a band of 0.03–0.05 was told the text says 3–5, a false alarm whose
    fix (write 0.03–0.05 in the text) was wrong. N个百分点 is read as N%: the correct text is clean, and a band edge
    the rule does not use is still named."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (EXECUTION, GROWTH), *GROWTH_BANDS)]
    [w] = _mismatches(tmp_path, (EXECUTION, GROWTH.replace("提高3（含）", "提高2（含）")), *GROWTH_BANDS)
    assert ("提高2（含）–5个百分点得8分", "2%–5%", "bands[1]", "3%–5%") == (
        w.fields["quote"], w.fields["stated"], w.fields["param"], w.fields["actual"])


TIMELINESS_RULE = "{kind: linear, value: months_late, target: 0, direction: lower_is_better, points_each: 2}"
IN_DAYS = "{kind: linear, value: days_late, target: 0, direction: lower_is_better, per: 30, units: started, points_each: 2}"
DAYS_LATE = ("  months_late: {", "  days_late: {expr: \"max(days_between(output.planned_end, output.actual_end), 0)\"}\n"
             "  months_late: {")


@pytest.mark.parametrize(("standard", "rule"), [
    ("按期完成得满分；每超期1个月扣2分，超期5个月及以上不得分。", IN_DAYS),  # 0 past 4 started months of 30 days
    ("按期完成得满分；每超期1个月扣2分，超期4个月以上不得分。", IN_DAYS),
    ("每超期1年扣5分，超期2年及以上不得分。", TIMELINESS_RULE.replace("points_each: 2", "per: 12, points_each: 5")),
    ("按期完成得10分，每超期1周扣1分，超期10周及以上不得分。", IN_DAYS.replace("per: 30, units: started, points_each: 2",
                                                               "per: 7, points_each: 1")),
    ("每超期1个月扣2分，扣完为止；成本超支10%及以上的不得分。", TIMELINESS_RULE),  # another quantity
    ("按期完成得满分；每超期1个月扣2分，超期5个月及以上不得分。", IN_DAYS.replace("units: started", "zero_at: 150")),
])
def test_a_zero_point_in_months_weeks_or_years_is_compared_in_the_units_the_rule_counts(tmp_path: Path, standard: str,
                                                                                        rule: str) -> None:
    """QA121 F2: '超期5个月及以上不得分' against a rule counting days (per: 30) was told it says 5 against 120, with the
    fix zero_at: 5 (every project 5 days late would score 0); years against months and weeks against days alike, and
    '成本超支10%' was taken for the months' zero point. A time is counted through the text's own step in its unit; a
    percentage beside steps in months is another quantity. These texts say what their rules do: no warning."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (TIMELINESS, standard), (TIMELINESS_RULE, rule), DAYS_LATE)]


def test_a_zero_point_in_months_against_a_rule_in_days_is_named_in_both_units(tmp_path: Path) -> None:
    """QA121 F2: '超期4个月及以上不得分' against 2 points per 30 days started: a project 120 days late scores 2 by the
    rule and 0 by the text. The warning keeps the text's unit and the rule's, and the zero_at it names is in days."""
    [w] = _mismatches(tmp_path, (TIMELINESS, "每超期1个月扣2分，超期4个月及以上不得分。"), (TIMELINESS_RULE, IN_DAYS), DAYS_LATE)
    assert ("评分标准写的是“超期4个月及以上不得分”（4个月），而规则没有设 zero_at：每 30（1个月） 扣 2 分，要到 >120（4个月） "
            "才扣完分值 10") == translate(w.problem.message)
    assert "在规则中写 zero_at: 120，或把评分标准改为 >120（4个月）" == translate(w.problem.hint or "")
    [w] = _mismatches(tmp_path, (TIMELINESS, "按期完成得10分，每超期1周扣1分，超期8周及以上不得分。"), DAYS_LATE, (
        TIMELINESS_RULE, IN_DAYS.replace("per: 30, units: started, points_each: 2", "per: 7, points_each: 1")))
    assert ("8周", "70（10周）", "56") == (w.fields["stated"], w.fields["actual"], w.fields["zero"])


@pytest.mark.parametrize("standard", ["按期完成得满分；每超期1个月扣2分，扣完为止；超期6个月及以上不得分。",
                                      "按期完成得满分；每超期1个月扣2分，超期5个月以上不得分。"])
def test_a_zero_line_beyond_where_the_deductions_use_up_the_weight_gives_no_warning(tmp_path: Path, standard: str) -> None:
    """QA121 F3: '…扣完为止；低于60%不得分' against 0.5 a point off 10 (used up at 80%) was told zero_at is not set, with
    a fix that changes no score: the deductions reach 0 before the line. Such a line is redundant, not a mismatch; a
    line before that point still is one."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (TIMELINESS, standard))]
    assert [] == [str(w) for w in _mismatches(tmp_path, ("share_each: 0.05, zero_at: 0.8", "points_each: 0.5"), (
        QUALITY, "达标率100%得满分；每低1个百分点扣0.5分，扣完为止；低于60%不得分。"))]
    [w] = _mismatches(tmp_path, ("share_each: 0.05, zero_at: 0.8", "points_each: 0.5"), (
        QUALITY, "达标率100%得满分；每低1个百分点扣0.5分，扣完为止；低于85%不得分。"))
    assert ("85%", "80%", "0.85") == (w.fields["stated"], w.fields["actual"], w.fields["zero"])


@pytest.mark.parametrize("standard", ["每发现一处违规扣2分，同类问题最多扣4分，扣完为止；发现5处及以上不得分。",
                                      "每发现一处违规扣2分，单项最多扣4分；发现5处及以上不得分。",
                                      "每发现一处违规扣2分，最多扣6分，扣完为止。"])
def test_a_cap_on_part_of_the_findings_is_not_read_as_a_cap_on_the_whole(tmp_path: Path, standard: str) -> None:
    """QA121 F4: '同类问题最多扣2分，扣完为止' was told it caps the whole deduction at 2, with a fix (a formula capping the
    total at 2) that would score against the text. A cap qualified by 同类/单项/每项…, or beside a 扣完为止 of the whole,
    is not compared with the rule; a cap on the whole (with its own '（扣完为止）') still is."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (COMPLIANCE, standard))]
    [w] = _mismatches(tmp_path, (COMPLIANCE, "每发现一处违规扣2分，最多扣6分（扣完为止）。"))
    assert ("最多扣6分", "6") == (w.fields["quote"], w.fields["stated"])


@pytest.mark.parametrize("standard", ["每发现一处违规扣2分；同一问题多次出现的，最多扣2分。", "对同类问题，最多扣4分；每发现一处违规扣2分。"])
def test_a_qualifier_leading_the_clause_of_a_cap_makes_it_a_cap_on_part_of_the_findings(tmp_path: Path, standard: str) -> None:
    """QA122 F3: '同一问题多次出现的，最多扣1分' and '对同类问题，最多扣2分' were told they cap the whole deduction, with a
    fix (a formula capping the total) that scores against the text: the qualifier was looked for only in the words just
    before 最多. It is looked for back to the sentence's start; '每项扣1分，最多扣6分' still caps the whole."""
    assert [] == [str(w) for w in _mismatches(tmp_path, (COMPLIANCE, standard), ("points_each: 2, zero_at_count: 5", "points_each: 2"))]
    [w] = _mismatches(tmp_path, (COMPLIANCE, "每项扣2分，最多扣6分。"), ("points_each: 2, zero_at_count: 5", "points_each: 2"))
    assert ("最多扣6分", "6") == (w.fields["quote"], w.fields["stated"])


def test_a_cap_the_standard_states_that_a_linear_rule_does_not_have_is_named(tmp_path: Path) -> None:
    """QA121 F5: '每超期1个月扣2分，最多扣6分' against a linear rule with no cap gave no warning: 8 months late scores 4
    by the text and 0 by the rule. A linear rule that can deduct the whole weight is told, as a deduction is; one whose
    facts' bounds keep its deductions within the cap (a rate of at most 100%, 0.05 a point) is not."""
    [w] = _mismatches(tmp_path, (TIMELINESS, "按期完成得满分；每超期1个月扣2分，最多扣6分。"))
    assert "评分标准写的是“最多扣6分”（最多扣 6 分），而按差距扣分规则可以扣完分值 10" == translate(w.problem.message)
    assert "若要最多扣 6 分，改用 kind: formula 计分" in translate(w.problem.hint or "")
    assert [] == [str(w) for w in _mismatches(tmp_path, (TIMELINESS, "按期完成得满分；每超期1个月扣2分，最多扣10分。"))]
    assert [] == [str(w) for w in _mismatches(tmp_path, ("share_each: 0.05, zero_at: 0.8", "points_each: 0.05"), (
        QUALITY, "达标率100%得满分；每低1个百分点扣0.05分，最多扣5分。"))]


@pytest.mark.parametrize("standard", ["每超期0个月扣1分，超期5个月及以上不得分。", "每超期0.0天扣1分，超期0天及以上不得分，最多扣0分。"])
def test_a_step_of_nothing_in_the_standard_is_no_crash(tmp_path: Path, standard: str) -> None:
    """QA122 F1: '每超期0个月扣1分' made lint divide by the step, 0: an internal error (exit 3), and a lint of several sets
    stopped there. A step that counts nothing gives no unit to compare a time in: nothing is compared by it."""
    assert [] == [w for w in _mismatches(tmp_path, (TIMELINESS, standard), (TIMELINESS_RULE, IN_DAYS), DAYS_LATE)
                  if "zero_at" in str(w.fields)]


def test_a_time_is_not_converted_through_a_step_whose_points_are_not_the_rules_per_step(tmp_path: Path) -> None:
    """QA122 F6: '每超期1个月扣1分，超期10个月及以上不得分' against 0.5 points per 15 days (the same rate) took 1个月 for 15
    days and named zero_at: 150, which scores 0 a project 150 days late that the text gives 5. A time is converted only
    through a step whose points are the rule's per `per`; otherwise it is not compared."""
    rule = IN_DAYS.replace("per: 30, units: started, points_each: 2", "per: 15, points_each: 0.5")
    found = _mismatches(tmp_path, (TIMELINESS, "每超期1个月扣1分，超期10个月及以上不得分。"), (TIMELINESS_RULE, rule), DAYS_LATE)
    assert [] == [str(w) for w in found if w.fields["param"] == "zero_at"]


@pytest.mark.parametrize("standard", ["每发现一处违规扣2分，以上各项累计最多扣6分。", "每发现一处违规扣2分；各类问题合计最多扣6分。",
                                      "每发现一处违规扣2分，各项共计最多扣6分。"])
def test_a_cap_on_all_the_parts_summed_is_a_cap_on_the_whole(tmp_path: Path, standard: str) -> None:
    """QA122 F2 (a regression of QA121 F4's fix): '以上各项累计最多扣6分' against a deduction with no cap gave no warning,
    while 8 findings score 4 by the text and 2 by the rule: 各项/各类 was read as a part of the findings. With
    累计/合计/共/总计 they sum all the parts: the cap is compared; '各项最多扣2分' is still a cap on each part."""
    [w] = _mismatches(tmp_path, (COMPLIANCE, standard), ("points_each: 2, zero_at_count: 5", "points_each: 2"))
    assert ("6", "weight") == (w.fields["stated"], w.fields["param"])
    assert [] == [str(w) for w in _mismatches(tmp_path, (COMPLIANCE, "每发现一处违规扣2分，各项最多扣2分。"),
                                              ("points_each: 2, zero_at_count: 5", "points_each: 2"))]


def test_a_profiles_own_standard_against_the_bases_weight_is_said_where_the_profile_writes_it(tmp_path: Path) -> None:
    """QA123 F1: cost-type-self-evaluation restates 预算执行率's 评分标准 without changing its weight; a slip in that text
    ('按0分计') was said at the base file's weight: line, with the hint that the profile changed the weight. It is said
    at the profile's own line, with the plain fix."""
    text = (ROOT / "indicator_sets" / "cost-type-self-evaluation.yaml").read_text(encoding="utf-8")
    assert 1 == text.count("按10分计")
    (tmp_path / "profile.yaml").write_text(text.replace("按10分计", "按0分计"), encoding="utf-8")
    [w] = [w for w in lint_file(tmp_path / "profile.yaml")[1] if w.code == "standard-mismatch"]
    line = 1 + next(i for i, written in enumerate(text.splitlines()) if "按10分计" in written)
    assert (str(tmp_path / "profile.yaml"), line) == (w.problem.file, w.problem.line)
    assert "请让评分标准的文字与规则一致" == translate(w.problem.hint or "")


def test_a_bases_standard_a_profiles_new_rule_no_longer_fits_is_said_at_the_profiles_rule(tmp_path: Path) -> None:
    """QA170 F1: a profile that changes 资金使用合规性's rule (2 points per finding) but not its 评分标准 ('每发现一处问题
    扣1分') was told in the bundled set's file, which no author edits, to make the text agree. It is said at the profile's
    rule: line, with the fix a changed weight gets: restate the 评分标准 under change:."""
    (tmp_path / "p.yaml").write_text(
        "extends: national-framework\nid: p\nname: 方案\nversion: '1'\nchange:\n  process.funds.compliance:\n    rule:\n"
        "      kind: deduction\n      findings: process.compliance_findings\n      points_each: 2\n"
        "      keyword_points: [{keywords: [截留, 挤占, 挪用, 虚列支出], points: 5}]\n      zero_at_count: 4\n", encoding="utf-8")
    [w] = [w for w in lint_file(tmp_path / "p.yaml")[1] if w.code == "standard-mismatch"]
    assert (str(tmp_path / "p.yaml"), 7, "points_each") == (w.problem.file, w.problem.line, w.fields["param"])
    assert "方案改了这个指标的计分规则：在 change: process.funds.compliance 下重写它的评分标准" == translate(w.problem.hint or "")


def test_a_weight_a_profile_set_is_said_at_that_weight_whoever_changed_the_rule(tmp_path: Path) -> None:
    """QA171 F1: a leaf profile setting 预算执行率's weight to 5 (its base profile changed the rule) was told at the base
    profile's rule: line that the rule changed, though '× 6分' is at odds with the weight; so was one file changing both.
    A mismatch with the weight is said at the weight: line that set it, with the fix for a changed weight."""
    rule = "    rule: {kind: proportional, value: execution_rate, floor: 0.5}\n"
    head = "id: {}\nname: 方案\nversion: '1'\nchange:\n"
    weights = "  process.funds.compliance:\n    weight: 6\n  process.funds.execution:\n    weight: 5\n"
    (tmp_path / "mid.yaml").write_text("extends: national-framework\n" + head.format("pmid")
                                       + "  process.funds.execution:\n" + rule, encoding="utf-8")
    (tmp_path / "leaf.yaml").write_text("extends: mid.yaml\n" + head.format("pleaf") + weights, encoding="utf-8")
    (tmp_path / "both.yaml").write_text("extends: national-framework\n" + head.format("pboth") + weights + rule,
                                        encoding="utf-8")
    for name in ("leaf.yaml", "both.yaml"):
        [w] = [w for w in lint_file(tmp_path / name)[1] if w.code == "standard-mismatch"
               and w.problem.indicator == "process.funds.execution" and "weight" in w.fields]
        assert (str(tmp_path / name), 9, "5") == (w.problem.file, w.problem.line, w.fields["weight"])
        assert "方案改了这个指标的分值：在 change: process.funds.execution 下重写它的评分标准" == translate(w.problem.hint or "")


def test_a_clause_the_standard_repeats_is_one_warning(tmp_path: Path) -> None:
    """QA123 F2: '…低于70%不得分。低于70%不得分。' gave the same warning twice (555 copies on 5 indicators: 2,775 warnings).
    A warning is said once, and the count says so."""
    wrong = EXECUTION.replace("低于80%不得分。", "低于70%不得分。")
    assert 1 == len(_mismatches(tmp_path, (EXECUTION, wrong + "低于70%不得分。")))


def test_a_tiers_weight_a_profile_lowers_is_said_as_a_raised_one_is_and_a_hundred_point_text_stays_silent(
        tmp_path: Path) -> None:
    """QA178 F1: a profile lowering 可持续影响's weight from 6 to 5 was told nothing, though its 评分标准 still says
    '达成年度指标得4.8–6分' against the tier's 4–5 points (raising 生态效益's from 4 to 5 was told): a range above the weight
    was taken as a 百分制 score. A range at the tier's share of an old weight is compared; one at 100 times its tier's
    share ('好得90–100分', '差得0–60分' alone) is still a 百分制 text, not compared (QA155 F11)."""
    (tmp_path / "p.yaml").write_text(
        "extends: national-framework\nid: p\nname: 方案\nversion: '1'\nchange:\n  benefit.effects.ecological:\n"
        "    weight: 5\n  benefit.effects.sustainable:\n    weight: 5\n", encoding="utf-8")
    found = [w for w in lint_file(tmp_path / "p.yaml")[1] if w.code == "standard-mismatch"]
    lowered = [(w.problem.line, w.fields["stated"], w.fields["actual"]) for w in found
               if w.problem.indicator == "benefit.effects.sustainable"]
    assert [(9, "4.8–6分", "4–5分"), (9, "3.6–4.8分", "3–4分"), (9, "0–3.6分", "0–3分")] == lowered
    assert {"方案改了这个指标的分值：在 change: benefit.effects.sustainable 下重写它的评分标准"} == {
        translate(w.problem.hint or "") for w in found if w.problem.indicator == "benefit.effects.sustainable"}
    assert 3 == len([w for w in found if w.problem.indicator == "benefit.effects.ecological"])
    for hundred in ("达成年度指标得80–100分；部分达成并具有一定效果得60–80分；未达成且效果较差得0–60分。", "未达成且效果较差得0–60分。"):
        (tmp_path / "h.yaml").write_text(
            "extends: national-framework\nid: h\nname: 方案\nversion: '1'\nchange:\n  benefit.effects.ecological:\n"
            f"    weight: 5\n    standard: 按5分计。\n  benefit.effects.sustainable:\n    weight: 5\n    standard: {hundred}\n",
            encoding="utf-8")
        assert [] == [str(w) for w in lint_file(tmp_path / "h.yaml")[1] if w.code == "standard-mismatch"]


@pytest.mark.parametrize("hundred", ["达成年度指标得80分及以上；部分达成并具有一定效果得60–79分；未达成且效果较差得60分以下。",
                                     "部分达成并具有一定效果得60–79分；未达成且效果较差得0–59分。", "未达成且效果较差得0–59分。"])
def test_a_hundred_point_tier_text_with_whole_number_tops_stays_silent(tmp_path: Path, hundred: str) -> None:
    """QA183 F5: a profile's 可持续影响 of weight 5 whose 评分标准 scores on a 百分制 with whole-number tops
    ('部分达成并具有一定效果得60–79分', '未达成且效果较差得0–59分') was told its tiers are 3–4分 and 0–3分: 79 and 59 fall just
    under 100 times the tiers' shares (80, 60). A whole top one under it is a 百分制 text too, and is not compared."""
    (tmp_path / "h.yaml").write_text(
        "extends: national-framework\nid: h\nname: 方案\nversion: '1'\nchange:\n  benefit.effects.ecological:\n"
        f"    weight: 5\n    standard: 按5分计。\n  benefit.effects.sustainable:\n    weight: 5\n    standard: {hundred}\n",
        encoding="utf-8")
    assert [] == [str(w) for w in lint_file(tmp_path / "h.yaml")[1] if w.code == "standard-mismatch"]
