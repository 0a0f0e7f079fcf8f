"""`scoring-engine lint`: each class of warning on a set that has it, with its fields and its line; the bundled sets clean."""

from __future__ import annotations

import re
import string
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT
from scoring_engine import IndicatorSetError
from scoring_engine._zh_lint import LINT
from scoring_engine.lint import LintWarning, lint_file

GRADES = "grades:\n  - {label: 合格, min: 0}\n"


def _set(indicators: str, facts: str = "", extra: str = "", total: int = 10) -> str:
    """A set with one grade, the given facts, top-level keys and indicators (indented as list items)."""
    head = f'id: lint-demo\nname: 示例\nversion: "1"\ntotal: {total}\n'
    return head + (f"facts:\n{facts}" if facts else "") + extra + GRADES + "indicators:\n" + indicators


def _lint(tmp_path: Path, text: str) -> tuple[LintWarning, ...]:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return lint_file(path)[1]


def _line(text: str, needle: str) -> int:
    """The 1-based line of `text` where `needle` first appears."""
    return text[: text.index(needle)].count("\n") + 1


def _only(warnings: tuple[LintWarning, ...], code: str) -> LintWarning:
    found = [w for w in warnings if w.code == code]
    assert 1 == len(found), [str(w) for w in warnings]
    return found[0]


# ---------------------------------------------------------------- unused facts


def test_an_unused_fact_is_named_at_its_declaration(tmp_path: Path) -> None:
    """A declared fact no rule, derived value, check or form reads is a warning on the line that declares it."""
    text = _set("  - {id: only, name: 唯一, weight: 10, rule: {kind: proportional, value: done}}\n",
                facts="  done: {type: number, min: 0}\n  leftover: {type: number, label: 剩余资金}\n")
    w = _only(_lint(tmp_path, text), "unused-fact")
    assert ("leftover", _line(text, "leftover"), 3) == (w.problem.fact, w.problem.line, w.problem.column)
    assert {"fact": "剩余资金 (leftover)"} == w.fields
    assert str(w).startswith(f"{tmp_path / 'set.yaml'}:{_line(text, 'leftover')}:3: warning: fact 剩余资金 (leftover) is declared")


# ---------------------------------------------------------------- bands and variants no project reaches


BANDS = """  - id: rate
    name: 完成率
    weight: 10
    rule:
      kind: bands
      value: done
      display: percent
      bands:
        - {min: 1.2, points: 10, label: 超额20%以上}
        - {min: 0.9, max: 1.2, points: 8}
        - {max: 0.9, points: 0}
"""


def test_a_band_beyond_the_declared_maximum_is_unreachable(tmp_path: Path) -> None:
    """A band from 120 % of a rate declared at most 1 is named, with the value and the range the bounds give it."""
    text = _set(BANDS, facts="  done: {type: number, min: 0, max: 1}\n")
    w = _only(_lint(tmp_path, text), "unreachable-band")
    assert {"band": "超额20%以上", "value": "done", "range": "[0.00%, 100.00%]"} == w.fields
    assert ("rate", _line(text, "{min: 1.2"), "$.indicators[0].rule.bands[0]") == (w.problem.indicator, w.problem.line, w.problem.path)


def test_a_band_the_maximum_reaches_at_its_edge_is_reachable(tmp_path: Path) -> None:
    """The top band [1.2, ∞) of a rate declared at most 1.2 holds 1.2: no warning (the bound is inclusive)."""
    assert () == _lint(tmp_path, _set(BANDS, facts="  done: {type: number, min: 0, max: 1.2}\n"))


def test_a_band_holding_no_whole_number_of_a_count_is_unreachable(tmp_path: Path) -> None:
    """A count (an integer fact) never falls in [1.2, 1.5): the band between whole numbers is named."""
    bands = """  - id: cases
    name: 案例数
    weight: 10
    rule:
      kind: bands
      value: count.cases
      bands:
        - {min: 1.5, points: 10}
        - {min: 1.2, max: 1.5, points: 5}
        - {max: 1.2, points: 0}
"""
    text = _set(bands, facts="  count.cases: {type: integer, min: 0}\n")
    w = _only(_lint(tmp_path, text), "unreachable-band")
    assert ("1.2 ≤ x < 1.5", _line(text, "{min: 1.2")) == (w.fields["band"], w.problem.line)


def test_a_switch_variant_the_fact_cannot_name_is_unreachable(tmp_path: Path) -> None:
    """A variant whose name is not among the values its text fact may take can never be chosen."""
    rule = """  - id: exec
    name: 预算执行率
    weight: 10
    rule:
      kind: switch
      by: method
      rules:
        ratio: {kind: proportional, value: rate}
        banded: {kind: formula, score: 10}
"""
    text = _set(rule, facts="  method: {type: string, values: [ratio, bands]}\n  rate: {type: number, min: 0}\n")
    w = _only(_lint(tmp_path, text), "unreachable-variant")
    assert {"variant": "banded", "fact": "method", "values": "ratio, bands"} == w.fields
    assert (_line(text, "banded:"), "method") == (w.problem.line, w.problem.fact)
    aliased = text.replace("values: [ratio, bands]}", "values: [ratio, bands], aliases: {banded: bands}}")
    w = _only(_lint(tmp_path, aliased), "unreachable-variant")  # QA267 F5: told to add it to values, which refuses it
    assert w.problem.hint == "banded is an alias of bands, read as that value before the switch chooses: key the rule bands"


# ---------------------------------------------------------------- checks


ONE = "  - {id: only, name: 唯一, weight: 10, rule: {kind: formula, score: 'min(paid / total * 10, 10)'}}\n"
FACTS = "  paid: {type: number, min: 0}\n  total: {type: number, min: 0}\n  free: {type: number}\n"


@pytest.mark.parametrize(("check", "fields"), [
    ("paid <= paid", {"number": "1", "side": "paid"}),
    ("paid >= 0", {"number": "1", "bounds": "paid ∈ [0, ∞)"}),
    ("1 == 1", {"number": "1"}),
    ("paid < 0 or total >= 0", {"number": "1", "bounds": "total ∈ [0, ∞)"}),  # only what decides it (QA139 F5)
])
def test_a_check_that_can_never_fail_is_named_with_why(tmp_path: Path, check: str, fields: dict[str, str]) -> None:
    """A check true for every project: itself against itself, guaranteed by the declared bounds, or with no facts."""
    text = _set(ONE, facts=FACTS, extra=f'checks:\n  - {{expr: "{check}", message: 请核对}}\n')
    w = _only(_lint(tmp_path, text), "check-never-fails")
    assert (fields, _line(text, check), check) == (w.fields, w.problem.line, w.problem.expression)


@pytest.mark.parametrize(("check", "reason"), [
    ("count(gaps) >= 0", "what it compares can only take values that make it true (count(gaps) ∈ [0, ∞))"),
    ("not late or count(gaps) >= 0", "what it compares can only take values that make it true (count(gaps) ∈ [0, ∞))"),
    ("late or paid >= 0", "the declared bounds already guarantee it (paid ∈ [0, ∞))"),
    ("always or late", "it is true for every project"),
])
def test_a_check_that_can_never_fail_names_only_what_guarantees_it(tmp_path: Path, check: str, reason: str) -> None:
    """QA139 F5: the reason is what makes the check true (a count is never negative), never empty parentheses or the
    range of a part that decides nothing (late ∈ [0, 1]); left out when nothing can be shown."""
    derived = 'derived:\n  late: {expr: "paid > total"}\n  always: {expr: "paid >= 0"}\n'
    text = _set(ONE, facts=FACTS + "  gaps: {type: list}\n",
                extra=derived + f'checks:\n  - {{expr: "{check}", message: 请核对}}\n')
    w = _only(_lint(tmp_path, text), "check-never-fails")
    assert f"check 1 can never fail: {reason} in `{check}`" in str(w)
    assert "()" not in str(w) and "late" not in str(w).split(" in `")[0]


def test_a_check_that_always_fails_is_named(tmp_path: Path) -> None:
    """A check no project can pass (a bound below the declared minimum) is named with its message."""
    text = _set(ONE, facts=FACTS, extra='checks:\n  - {expr: "paid < 0", message: 支出为负}\n')
    w = _only(_lint(tmp_path, text), "check-always-fails")
    assert ({"number": "1", "message": "支出为负"}, _line(text, "paid < 0")) == (w.fields, w.problem.line)


@pytest.mark.parametrize("check", [
    "paid <= total",  # depends on the project
    "free >= 0",  # no declared minimum
    "paid / total >= 0",  # fails (cannot be checked) when total is 0
    "paid >= 0 or paid / total > 1",  # true at its first operand, which needs nothing after it: never fails…
])
def test_a_check_that_can_fail_is_never_named(tmp_path: Path, check: str) -> None:
    """Conservative: a check some project can fail gives no warning (the last one cannot fail, and is named)."""
    text = _set(ONE, facts=FACTS, extra=f'checks:\n  - {{expr: "{check}", message: 请核对}}\n')
    codes = [w.code for w in _lint(tmp_path, text) if w.code.startswith("check")]
    assert (["check-never-fails"] if " or " in check else []) == codes


# ---------------------------------------------------------------- 评分标准 text against the rule


def _standard(standard: str, rule: str, facts: str = "  found: {type: list}\n  rate: {type: number, min: 0}\n",
              weight: int = 10) -> str:
    return _set(f"  - id: only\n    name: 唯一\n    weight: {weight}\n    standard: {standard}\n    rule: {rule}\n",
                facts=facts, total=weight)


@pytest.mark.parametrize(("standard", "rule", "fields"), [
    ("每发现一处问题扣1分，扣完为止。", "{kind: deduction, findings: found, points_each: 2}",
     {"quote": "每发现一处问题扣1分", "stated": "1", "param": "points_each", "actual": "2"}),
    ("每发现一处问题扣1分；发现3处及以上问题的，该项不得分。", "{kind: deduction, findings: found, points_each: 1, zero_at_count: 4}",
     {"quote": "3处及以上问题的，该项不得分", "stated": "3", "param": "zero_at_count", "actual": "4"}),
    ("每发现一处问题扣分值的10%。", "{kind: deduction, findings: found, share_each: 0.2}",
     {"quote": "每发现一处问题扣分值的10%", "stated": "10%", "param": "share_each", "actual": "20%"}),
    ("完成率低于60%不得分，其余按比例得分。", "{kind: proportional, value: rate}",
     {"quote": "低于60%不得分", "stated": "60%", "param": "floor", "actual": "not set"}),
    ("每延期1个月扣2分，扣完为止。", "{kind: linear, value: rate, target: 0, direction: lower_is_better, points_each: 1}",
     {"quote": "每延期1个月扣2分", "stated": "2", "param": "points_each", "actual": "1"}),
    ("每低1个百分点扣分值的5%；80%及以下不得分。", "{kind: linear, value: rate, target: 1, per: 0.01, share_each: 0.05, zero_at: 0.7}",
     {"quote": "80%及以下不得分", "stated": "80%", "param": "zero_at", "actual": "0.7"}),
    ("每缺一项扣分值的1/3，扣完为止。", "{kind: deduction, findings: found, share_each: 0.33}",  # 0.33 is not a third
     {"quote": "每缺一项扣分值的1/3", "stated": "1/3", "param": "share_each", "actual": "33%"}),
])
def test_a_number_of_the_standard_the_rule_does_not_use_is_named(tmp_path: Path, standard: str, rule: str,
                                                                  fields: dict[str, str]) -> None:
    """The text's number for a parameter the rule has, and the rule's, both in the warning, on the standard's line."""
    text = _standard(standard, rule)
    w = _only(_lint(tmp_path, text), "standard-mismatch")
    assert (fields, _line(text, "standard:"), "only") == (w.fields, w.problem.line, w.problem.indicator)


def test_a_third_the_standard_states_agrees_with_a_third_written_exactly(tmp_path: Path) -> None:
    """"扣分值的1/3" against share_each: 1/3 (the guide's way) is no mismatch; against 0.33 it is (above)."""
    text = _standard("每缺一项扣分值的1/3，扣完为止。", '{kind: deduction, findings: found, share_each: "1/3"}')
    assert not [w for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]


def test_full_marks_the_standard_states_are_the_weight(tmp_path: Path) -> None:
    """'得分 = 完成率 × 8分，最高8分' on an indicator weighing 10 is named once, with both numbers."""
    text = _standard("得分 = 完成率 × 8分，最高8分。", "{kind: proportional, value: rate}")
    w = _only(_lint(tmp_path, text), "standard-mismatch")
    assert {"quote": "× 8分", "stated": "8", "weight": "10"} == w.fields
    assert 'the 评分标准 says "× 8分" (8 points at most), but the indicator weighs 10' == w.problem.message


@pytest.mark.parametrize(("standard", "rule", "quote"), [
    ("实际成本不超过计划成本得8分；超支时得分 = 8 × 计划成本 ÷ 实际成本。",
     "{kind: proportional, value: rate, target: 1, direction: lower_is_better}", "得分 = 8 ×"),
    ("按期完成得8分；每超期1个月扣1分，扣完为止。",
     "{kind: linear, value: rate, target: 0, direction: lower_is_better, points_each: 1}", "得8分；每超期1个月扣"),
])
def test_full_marks_stated_as_a_multiplier_or_before_a_deduction_are_the_weight(tmp_path: Path, standard: str, rule: str,
                                                                                 quote: str) -> None:
    """A weight changed from 8 to 10 (a profile's rescale) left '得分 = 8 × …' and '按期完成得8分；每超期…扣' in the
    standard, and lint did not read them as full marks (QA55 F7)."""
    w = _only(_lint(tmp_path, _standard(standard, rule)), "standard-mismatch")
    assert {"quote": quote, "stated": "8", "weight": "10"} == w.fields


def test_the_points_of_parts_are_not_taken_for_full_marks(tmp_path: Path) -> None:
    """'2022、2023年度各2分，各年得分 = 当年资金到位率 × 2分' on a weight of 4 states the parts' points: no warning."""
    text = _standard("2022、2023年度各2分，各年得分 = 当年资金到位率 × 2分，两年相加。", "{kind: proportional, value: rate}",
                     facts="  rate: {type: number, min: 0}\n", weight=4)
    assert () == _lint(tmp_path, text)
    twice = _standard("得分 = 上半年完成率 × 2分 + 下半年完成率 × 2分。", "{kind: proportional, value: rate}",
                      facts="  rate: {type: number, min: 0}\n", weight=4)
    assert () == _lint(tmp_path, twice)


CHECKLIST = """{kind: checklist, elements: [{name: ①, points: 1, met: a}, {name: ②, points: 1, met: b},
                 {name: ③, points: 1, findings: found, points_each: 0.2}]}"""
FLAGS = "  a: {type: boolean}\n  b: {type: boolean}\n  found: {type: list}\n"


@pytest.mark.parametrize(("standard", "fields"), [
    ("①按程序申请（1分）；②审批文件齐全（2分）；③事前论证（1分，每缺一项扣0.2分）。",
     {"quote": "②审批文件齐全（2分）", "stated": "2", "param": "elements[1].points", "actual": "1"}),
    ("①按程序申请（1分）；②审批文件齐全（1分）；③事前论证（1分，每缺一项扣0.25分）。",
     {"quote": "每缺一项扣0.25分", "stated": "0.25", "param": "elements[2].points_each", "actual": "0.2"}),
    ("①按程序申请；②审批文件齐全；③事前论证；④集体决策。每项0.75分。",
     {"quote": "①…④", "stated": "4", "param": "elements", "actual": "3"}),
    ("①按程序申请；②审批文件齐全；③事前论证。每项0.5分。",
     {"quote": "每项0.5分", "stated": "0.5", "param": "elements[*].points", "actual": "1, 1, 1"}),
])
def test_a_checklist_standard_is_read_element_by_element(tmp_path: Path, standard: str, fields: dict[str, str]) -> None:
    """The elements ①②③ of the text against the rule's: their number, their points, their own deductions, '每项N分'."""
    text = _standard(standard, CHECKLIST, facts=FLAGS, weight=3)
    w = _only(_lint(tmp_path, text), "standard-mismatch")
    assert (fields, _line(text, "standard:")) == (w.fields, w.problem.line)



@pytest.mark.parametrize(("standard", "quote"), [
    ("①按程序申请；②审批文件齐全；③事前论证。每少1项扣2分。", "每少1项扣2分"),
    ("①按程序申请；②审批文件齐全；③事前论证。每缺一项扣0.5分。", "每缺一项扣0.5分"),
    ("①按程序申请；②审批文件齐全；③事前论证。每有一项不符合扣2分。", "每有一项不符合扣2分"),
    ("①按程序申请；②审批文件齐全；③事前论证。不符合一项扣3分。", "不符合一项扣3分"),
    ("①按程序申请；②审批文件齐全；③事前论证。每少1项扣1分。", None),
    ("①按程序申请；②审批文件齐全；③事前论证。每缺一项扣1分。", None),
])
def test_what_a_missing_element_costs_is_compared_with_each_elements_points(tmp_path: Path, standard: str,
                                                                            quote: str | None) -> None:
    """QA170 F4: '每项1分' was compared with each 要点's points, but '每少1项扣2分', '每缺一项扣1分', '每有一项不符合扣1分',
    which say the same, were not: a text at odds with the rule gave no warning. A missing 要点 costs its points."""
    rule = "{kind: checklist, elements: [{name: ①, met: a}, {name: ②, met: b}, {name: ③, met: c}]}"
    text = _standard(standard, rule, facts="  a: {type: boolean}\n  b: {type: boolean}\n  c: {type: boolean}\n", weight=3)
    found = [(w.fields["quote"], w.fields["param"]) for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]
    assert ([(quote, "elements[*].points")] if quote else []) == found
    # beside an element's own deductions, '每缺一项扣0.2分' is what each of its parts costs, not an element's points
    ladder = _standard("①按程序申请（1分）；②审批文件齐全（1分）；③事前论证（1分）。每缺一项扣0.2分。", CHECKLIST, facts=FLAGS, weight=3)
    assert [] == [w.fields for w in _lint(tmp_path, ladder) if w.fields.get("param") == "elements[*].points"]


@pytest.mark.parametrize(("standard", "quote"), [
    ("最高10分；每缺一项扣2分，扣完为止。", "最高10分"),
    ("按10分计；不符合一项扣3分，扣完为止。", "按10分计"),
    ("得分 = 执行率 × 10分，每少1项扣2分", "× 10分"),
])
def test_full_marks_beside_what_a_missing_item_costs_are_still_compared_with_the_weight(tmp_path: Path, standard: str,
                                                                                      quote: str) -> None:
    """QA171 F2 (a regression of QA170 F4): '最高10分；每缺一项扣2分' on an indicator weighing 8 gave no warning: what a
    missing item costs was taken for the points split into parts ('各2分'), which leaves no full marks. It is not."""
    text = _standard(standard, "{kind: deduction, findings: found, points_each: 2}", weight=8)
    found = [w.fields for w in _lint(tmp_path, text) if w.code == "standard-mismatch" and "weight" in w.fields]
    assert [{"quote": quote, "stated": "10", "weight": "8"}] == found


def test_an_elements_points_that_do_not_end_are_shown_to_four_decimals_not_the_engines_digits(tmp_path: Path) -> None:
    """QA51 F5: three elements sharing a weight of 2 (points not written) were named as 0.6666666666666666666666666667
    points each, in a line meant for policy staff: ≈0.6667."""
    rule = "{kind: checklist, elements: [{name: ①, met: a}, {name: ②, met: b}, {name: ③, met: a}]}"
    text = _standard("①按程序申请（1分）；②审批文件齐全（1分）；③事前论证（1分）。", rule, facts=FLAGS, weight=2)
    shown = {w.fields["actual"] for w in _lint(tmp_path, text) if w.code == "standard-mismatch"}
    assert {"≈0.6667"} == shown, shown

def test_elements_are_matched_to_the_text_by_their_marker(tmp_path: Path) -> None:
    """Elements written in another order than ①②③ are compared with the text of their own marker."""
    rule = CHECKLIST.replace("{name: ①, points: 1, met: a}, {name: ②, points: 1, met: b}", "{name: ②, points: 1, met: b}, {name: ①, points: 1, met: a}")
    text = _standard("①按程序申请（1分）；②审批文件齐全（1分）；③事前论证（1分，每缺一项扣0.2分）。", rule, facts=FLAGS, weight=3)
    assert () == _lint(tmp_path, text)
    w = _only(_lint(tmp_path, text.replace("②审批文件齐全（1分）", "②审批文件齐全（2分）")), "standard-mismatch")
    assert ("elements[0].points", "2") == (w.fields["param"], w.fields["stated"])


def test_a_band_of_the_standard_is_compared_with_the_band_of_the_same_range(tmp_path: Path) -> None:
    """'80%（含）–90%得7分' against the rule's band [0.8, 0.9) worth 8; the other bands of the text agree."""
    rule = ("{kind: bands, value: rate, display: percent, bands: [{min: 0.9, points: 10}, {min: 0.8, max: 0.9, points: 8},"
            " {max: 0.8, points: 0}]}")
    text = _standard("≥90%得满分；80%（含）–90%得7分；低于80%不得分。", rule)
    w = _only(_lint(tmp_path, text), "standard-mismatch")
    assert {"quote": "80%（含）–90%得7分", "stated": "7", "param": "bands[1].points", "actual": "8"} == w.fields
    assert (_line(text, "standard:"), "only") == (w.problem.line, w.problem.indicator)


def test_a_band_of_the_standard_whose_range_and_points_are_both_stale_is_named_with_the_rules_bands(tmp_path: Path) -> None:
    """QA268 F5: bands moved to 85% and 15/10/6 points under last year's sentence ('80%（含）–100% 7分') were named only
    where a range or the points still matched a band: a band of the text matching none by either is named, with the
    rule's bands to set it right."""
    rule = ("{kind: bands, value: rate, display: percent, bands: [{min: 0.85, points: 10}, {min: 0.6, max: 0.85, points: 6},"
            " {max: 0.6, points: 0}]}")
    text = _standard("80%（含）以上得7分；60%（含）–80%得5分；低于60%不得分。", rule)
    found = [w.fields for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]
    bands = "≥85% 10分；60%–85% 6分；<60% 0分"
    assert [{"quote": "80%（含）以上得7分", "stated": "≥80% 7分", "param": "bands", "actual": bands},
            {"quote": "60%（含）–80%得5分", "stated": "60%–80% 5分", "param": "bands", "actual": bands}] == found, found
    assert not [w for w in _lint(tmp_path, _standard("85%（含）以上得10分；60%（含）–85%得6分；低于60%不得分。", rule))
                if w.code == "standard-mismatch"]


def test_bands_whose_bound_belongs_to_the_band_below_are_named_so(tmp_path: Path) -> None:
    """QA271 F7: bands with boundary: max_inclusive were named '≥85% 10分；60%–85% 6分；<60% 0分', the other way round:
    the rule gives 10 only above 85% and 0 at 60%. They are named as the rule reads them."""
    rule = ("{kind: bands, value: rate, display: percent, boundary: max_inclusive, bands: [{min: 0.85, points: 10},"
            " {min: 0.6, max: 0.85, points: 6}, {max: 0.6, points: 0}]}")
    text = _standard("80%（含）以上得7分；60%（含）–80%得5分；低于60%不得分。", rule)
    found = {w.fields["actual"] for w in _lint(tmp_path, text) if w.code == "standard-mismatch"}
    assert {">85% 10分；60%–85%（含85%） 6分；≤60% 0分"} == found, found


def test_a_tier_range_of_the_standard_is_compared_with_the_tier(tmp_path: Path) -> None:
    """'达成年度指标得分值的70%–100%' against the default tiers (80 %–100 %): both ranges are named."""
    text = _standard("达成年度指标得分值的70%–100%；部分达成并具有一定效果得60%–80%；未达成且效果较差得0–60%。",
                     "{kind: tiers, fact: judged}", facts="  judged: {type: tier}\n")
    w = _only(_lint(tmp_path, text), "standard-mismatch")
    assert {"quote": "达成年度指标得分值的70%–100%", "stated": "70–100%", "param": "tiers[达成年度指标]",
            "actual": "80–100%"} == w.fields
    assert _line(text, "standard:") == w.problem.line


@pytest.mark.parametrize(("standard", "quotes"), [
    ("达成年度指标得分值的80%（含）–100%；部分达成并具有一定效果得50%（含）–80%（不含）；未达成且效果较差得0–50%（不含）。",
     ["部分达成并具有一定效果得50%（含）–80%（不含）", "未达成且效果较差得0–50%（不含）"]),
    ("达成年度指标得分值的85%（含）–100%；部分达成并具有一定效果得60%（含）–80%（不含）；未达成且效果较差得0–60%（不含）。",
     ["达成年度指标得分值的85%（含）–100%"]),
    ("达成年度指标得分值的80%（含）–100%；部分达成并具有一定效果得60%（含）–80%（不含）；未达成且效果较差得0–60%（不含）。", []),
    ("达成年度指标（80%（含）–100%）；部分达成并具有一定效果（60%（含）–85%（不含））；未达成且效果较差（0–60%（不含））。",
     ["部分达成并具有一定效果（60%（含）–85%（不含））"]),
])
def test_a_tier_range_whose_bounds_say_if_they_hold_their_number_is_compared(tmp_path: Path, standard: str,
                                                                             quotes: list[str]) -> None:
    """QA170 F3: the Hubei set writes its tiers '得分值的80%（含）–100%；…50%（含）–80%（不含）'; a range written so was never
    compared, and a text that disagreed with the tiers (50% against the default 60%) gave no warning. （含）and（不含）
    after a bound are read as the bands' ranges read them."""
    text = _standard(standard, "{kind: tiers, fact: judged}", facts="  judged: {type: tier}\n")
    assert quotes == [w.fields["quote"] for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]


CUSTOM_TIERS = "{kind: tiers, fact: judged, tiers: [{label: 好, min: 0.9}, {label: 较好, min: 0.7}, {label: 一般, min: 0.5}, {label: 差, min: 0}]}"


@pytest.mark.parametrize(("standard", "quotes"), [
    ("好（85%–100%）；较好（70%–85%）；一般（50%–70%）；差（0–50%）。", ["好（85%–100%）", "较好（70%–85%）"]),
    ("好（90%–100%）；较好（70%–90%）；一般（50%–70%）；差（0–50%）。", []),  # indicator-sets.md's own example
    ("好（90%–100%）；较好（70%–90%）；一般（50%–70%）；差（0–50%），预算偏差（0–5%）。", []),  # 偏差 is no tier 差
    ("好（90–100）；较好（70–90）；一般（50–70）；差（0–50）。", []),  # no unit: points or 百分制, not said (QA141 F5)
    ("好（0.9–1）；较好（0.7–0.9）；一般（0.5–0.7）；差（0–0.5）。", []),
])
def test_a_tier_range_written_in_brackets_is_compared_with_the_tier(tmp_path: Path, standard: str, quotes: list[str]) -> None:
    """QA139 F4: '好（85%–100%）', the form of the docs' custom tiers, is compared as '好得85%–100%' is: a mistyped bound is
    named, the docs' example is clean."""
    text = _standard(standard, CUSTOM_TIERS, facts="  judged: {type: tier}\n")
    found = [w for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]
    assert quotes == [w.fields["quote"] for w in found]
    assert [("tiers[好]", "90–100%"), ("tiers[较好]", "70–90%")][: len(found)] == [(w.fields["param"], w.fields["actual"])
                                                                                 for w in found]


@pytest.mark.parametrize(("standard", "quotes"), [
    ("好得90–100；较好得70–90；一般得50–70；差得0–50。", []),  # no unit: a 百分制 score, not 90 points of a weight of 10
    ("好（8分–10分）；较好（7分–9分）；一般（5分–7分）；差（0分–5分）。", [("好（8分–10分）", "8–10分", "9–10分")]),
    ("好（9分–10分）；较好（7分–9分）；一般（5分–7分）；差（0分–5分）。", []),
    # points above the weight of 10: a 百分制 score, not compared (QA155 F11), with 分 after both bounds or the high one
    ("好（90分–100分）；较好（70分–90分）；一般（50分–70分）；差（0分–50分）。", []),
    ("好得90–100分；较好得70–90分；一般得50–70分；差得0–50分。", []),
    ("好得90–100分；较好得70–90分；一般得50–70分；差得0–8分。", []),  # a 百分制 text's low tier too
])
def test_a_tier_range_is_compared_only_with_its_unit_said_after_either_bound(tmp_path: Path, standard: str,
                                                                              quotes: list[tuple[str, str, str]]) -> None:
    """QA143 F4, F5: '好得90–100' (no unit; 百分制) was read as 90–100 points of a weight of 10 and named a mismatch, and
    '好（8分–10分）' (分 after both bounds) was not compared at all. As for '好（90–100）', a range with no unit is not
    compared, written with 得 or in brackets; one saying 分 after each bound is compared as points. QA155 F11: a text
    whose points go above the weight (好（90分–100分） of a weight of 10) scores on a 百分制: not compared either."""
    text = _standard(standard, CUSTOM_TIERS, facts="  judged: {type: tier}\n")
    found = [w for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]
    assert quotes == [(w.fields["quote"], w.fields["stated"], w.fields["actual"]) for w in found]


def test_a_panel_standard_names_shares_trimming_and_scale(tmp_path: Path) -> None:
    """'现场核查占70%' against a part of 60 %, and '百分制' against a scale of 10."""
    rule = ("{kind: panel, method: weighted, scale: 10, parts: [{name: 现场核查, share: 0.6, score: site},"
            " {name: 材料审核, share: 0.4, score: files}]}")
    text = _standard("现场核查占70%，材料审核占30%，按百分制折算。", rule,
                     facts="  site: {type: number, min: 0, max: 10}\n  files: {type: number, min: 0, max: 10}\n")
    found = {w.fields["param"]: (w.fields["stated"], w.fields["actual"]) for w in _lint(tmp_path, text)}
    assert {"parts[现场核查].share": ("70%", "60%"), "parts[材料审核].share": ("30%", "40%"), "scale": ("100", "10")} == found


def _switch_of_ratio_and_bands(zero_below: Decimal) -> tuple[str, str]:
    """A switch by `method` of a proportional variant and a banded one (10 at 100%, 7 down to `zero_below`, 0 below it),
    and the facts it reads."""
    rule = f"""
      kind: switch
      by: method
      rules:
        ratio: {{kind: proportional, value: rate}}
        bands: {{kind: bands, value: rate, display: percent, bands: [{{min: 1, points: 10}}, {{min: {zero_below}, max: 1, points: 7}}, {{max: {zero_below}, points: 0}}]}}"""
    return rule, "  method: {type: string}\n  rate: {type: number, min: 0}\n"


def test_a_switch_standard_is_reported_only_when_no_variant_agrees(tmp_path: Path) -> None:
    """One text describes both variants: its bands agree with the banded variant, its '× 10分' with the weight."""
    rule, facts = _switch_of_ratio_and_bands(Decimal("0.8"))
    good = "按比例计分：得分 = 执行率 × 10分；或分档计分：80%（含）–100% 7分，80%以下0分。"
    assert () == _lint(tmp_path, _standard(good, rule, facts=facts))
    w = _only(_lint(tmp_path, _standard(good.replace("7分", "6分"), rule, facts=facts)), "standard-mismatch")
    assert ("6", "7") == (w.fields["stated"], w.fields["actual"])


def test_a_switch_standard_no_variant_matches_is_told_to_the_variant_that_has_the_number(tmp_path: Path) -> None:
    """QA170 F2: the banded variant's zero band moved from 90% to 85% under '…低于90%不得分'; the warning told the
    proportional variant to add floor: 0.9, which changes its scores. The variant whose parameter the text states (the
    banded one's zero band) is named, with its path: rules[bands].bands[2]."""
    rule, facts = _switch_of_ratio_and_bands(Decimal("0.85"))
    found = [w for w in _lint(tmp_path, _standard("按比例计分：得分 = 执行率 × 10分；或分档计分：85%（含）–100% 7分，低于90%不得分。",
                                                  rule, facts=facts)) if w.code == "standard-mismatch"]
    assert [("低于90%不得分", "rules[bands].bands[2]", "<85%")] == [(w.fields["quote"], w.fields["param"], w.fields["actual"])
                                                                    for w in found]
    assert "floor" not in (found[0].problem.hint or "")


def test_a_standard_stating_no_number_of_the_rule_gives_no_warning(tmp_path: Path) -> None:
    """Text that states nothing the rule has a parameter for ('由评价组判断', a formula in words) is not reported."""
    text = _standard("预算编制经过科学论证，由评价组判断；每发现一处问题扣1分。", "{kind: proportional, value: rate}",
                     facts="  rate: {type: number, min: 0}\n")
    assert () == _lint(tmp_path, text)


# ---------------------------------------------------------------- weights


def test_a_formula_above_its_weight_is_named_when_the_set_declares_no_bonus(tmp_path: Path) -> None:
    """With no_bonus, a formula that can pass its weight (a rate without a cap) is named with its bound."""
    text = _set("  - {id: only, name: 唯一, weight: 10, rule: {kind: formula, rate: done}}\n",
                facts="  done: {type: number, min: 0, max: 1.2}\n",
                extra="weight_rules:\n  - {no_bonus: true, source: 不设置加分项}\n")
    w = _only(_lint(tmp_path, text), "weight-bonus")
    assert ({"high": "12", "weight": "10", "rule": "1 (不设置加分项)"}, _line(text, "rule: {kind: formula")) \
        == (w.fields, w.problem.line)
    # a rate is a share of the weight: capped at 1, not at the weight, which would still let it pass (QA139 F1)
    assert "min(…, 1)" in (w.problem.hint or "") and "min(…, 10)" not in (w.problem.hint or "")
    capped = text.replace("rate: done", "rate: \"min(done, 1)\"")
    assert () == _lint(tmp_path, capped)


def test_a_level_rule_deeper_than_the_tree_is_named(tmp_path: Path) -> None:
    """A weight rule about level 3 of a one-level set checks nothing."""
    text = _set("  - {id: only, name: 唯一, weight: 10, rule: {kind: formula, score: 10}}\n",
                extra="weight_rules:\n  - {level: 3, min: 1}\n")
    w = _only(_lint(tmp_path, text), "weight-rule-empty")
    assert ({"rule": "1", "level": "3", "depth": "1"}, _line(text, "level: 3")) == (w.fields, w.problem.line)


def test_a_weight_in_an_indicator_name_is_its_weight(tmp_path: Path) -> None:
    """An indicator named '产出指标（50分）' that weighs 10 is named with both."""
    text = _set("  - {id: only, name: 产出指标（50分）, weight: 10, rule: {kind: formula, score: 10}}\n")
    w = _only(_lint(tmp_path, text), "weight-label")
    assert ({"name": "产出指标（50分）", "stated": "50", "weight": "10"}, _line(text, "name: 产出")) == (w.fields, w.problem.line)


def test_the_form_labels_print_the_sets_weights_so_lint_says_nothing_of_them(tmp_path: Path) -> None:
    """The Sichuan layout labels its blocks 预算执行情况（10分） and 绩效指标（90分）; lint used to tell a set giving the
    funds 20 to make the label agree, which no author can edit. The form prints the set's weights (（20分）, （80分）),
    so there is nothing to say."""
    from scoring_engine import load_indicator_set
    from scoring_engine.forms.content import blank_content
    from scoring_engine.forms.layout import form_layout
    from scoring_engine.forms.selfeval import form_grid

    text = (ROOT / "indicator_sets" / "sichuan-self-evaluation.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: budget\n    name: 预算执行率\n    weight: 10", "  - id: budget\n    name: 预算执行率\n    weight: 20")
    text = text.replace("  - id: output\n    name: 产出指标\n    weight: 50", "  - id: output\n    name: 产出指标\n    weight: 40")
    assert not [str(w) for w in _lint(tmp_path, text) if w.code == "weight-label"]
    indicator_set = load_indicator_set(tmp_path / "set.yaml")
    layout = form_layout(indicator_set.form.layout)
    grid = form_grid(layout, blank_content(indicator_set, layout))
    labels = {text for line in grid.lines() for text in line if text.endswith("分）")}
    assert {"预算执行情况（20分）", "绩效指标（80分）"} <= labels, labels


# ---------------------------------------------------------------- the bundled sets, and the messages' Chinese


BUNDLED = sorted((ROOT / "indicator_sets").glob("*.yaml"))
SETS = [p for p in BUNDLED if not p.name.endswith(".cases.yaml")] + sorted((ROOT / "examples").glob("*/set.yaml"))


@pytest.mark.parametrize("path", SETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_set_and_example_lints_clean(path: Path) -> None:
    """The sets shipped and the examples have no warning: their standards, bands, checks and weights agree."""
    assert [] == [str(w) for w in lint_file(path)[1]]


def test_an_invalid_set_gives_validates_errors(tmp_path: Path) -> None:
    """lint loads a set as validate does: one that does not load raises its errors, nothing is linted."""
    path = tmp_path / "broken.yaml"
    path.write_text(_set("  - {id: only, name: 唯一, weight: 9, rule: {kind: formula, score: 9}}\n"), encoding="utf-8")
    with pytest.raises(IndicatorSetError, match="add up to 9"):
        lint_file(path)


def _pattern(english: str) -> re.Pattern[str]:
    parts = [re.escape(literal) + (f"(?P<{name}>.+?)" if name else "") for literal, name, _, _ in string.Formatter().parse(english)]
    return re.compile("".join(parts), re.S)


def test_every_message_lint_gives_has_its_chinese(tmp_path: Path) -> None:
    """Each message and hint of the warnings above matches an English pattern of _zh_lint.LINT, whose Chinese has the same fields."""
    for english, chinese in LINT:
        names = {n for _, n, _, _ in string.Formatter().parse(english) if n}
        assert {n for _, n, _, _ in string.Formatter().parse(chinese) if n} <= names, english
    texts = set()
    for test_set in (_set(BANDS, facts="  done: {type: number, min: 0, max: 1}\n  x: {type: number}\n",
                          extra='checks:\n  - {expr: "1 == 1", message: m}\n  - {expr: "done < 0", message: m}\n'),
                     _standard("每发现一处问题扣1分；3处及以上不得分；最高5分。", "{kind: deduction, findings: found, points_each: 2}")):
        for w in _lint(tmp_path, test_set):
            texts |= {w.problem.message, w.problem.hint or ""}
    assert len(texts) >= 10
    patterns = [_pattern(english) for english, _ in LINT]
    assert [] == [t for t in sorted(texts) if t and not any(p.fullmatch(t) for p in patterns)]


def test_band_bounds_written_as_percentages_for_a_ratio_are_warned_once_each(tmp_path: Path) -> None:
    """`min: 95` in a bands rule with display: percent is 9500%: every project falls in the lowest band and scores 0,
    silently. Each such bound is warned of once, at its first place, with the ratio to write; 0.95 is not."""
    from scoring_engine.lint import lint_file

    source = ROOT / "examples" / "small" / "set.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("id: process.execution")
    end = text.index("- id:", start + 10)
    block = text[start:end]
    assert "display: percent" in block and "min: 0.95" in block, "the example's 预算执行率 bands show percentages"
    edited = text[:start] + block.replace("0.95", "95").replace("0.9", "90").replace("0.8", "80") + text[end:]
    (tmp_path / "set.yaml").write_text(edited, encoding="utf-8")
    _, warnings = lint_file(tmp_path / "set.yaml")
    found = [w for w in warnings if w.code == "percent-bound"]
    assert ["95", "90", "80"] == [w.fields["bound"] for w in found]
    assert "write 0.95 for 95%" == found[0].problem.hint
    _, clean = lint_file(source)
    assert not [w for w in clean if w.code == "percent-bound"]


def test_a_linear_rules_zero_line_or_step_written_as_a_percentage_is_warned_of(tmp_path: Path) -> None:
    """zero_at: 80 in a linear rule with display: percent gave every project 0 ('96.50%达到零分线8000.00%'), and per: 1
    deducted per 100 percentage points; validate and lint said nothing. Each is warned of with the ratio to write."""
    from scoring_engine.lint import lint_file

    rule = "{kind: linear, value: r, target: 1, per: %s, share_each: 0.05, zero_at: %s, display: percent}"
    for per, zero_at, expected in (("0.01", "80", ["zero_at"]), ("1", "0.8", ["per"]), ("0.01", "0.8", [])):
        # (the standard's '每低1%' says nothing of target: 1, which is 100%)
        (tmp_path / "set.yaml").write_text(f"""id: t
name: 测试
version: "1"
total: 10
facts:
  r: {{type: number, min: 0, max: 1}}
grades:
  - {{label: 合格, min: 0}}
indicators:
  - id: x
    name: 质量达标率
    weight: 10
    standard: 达标率100%得满分；每低1%扣分值的5%。
    rule: {rule % (per, zero_at)}
""", encoding="utf-8")
        _, warnings = lint_file(tmp_path / "set.yaml")
        found = [w for w in warnings if w.code == "percent-bound"]
        assert expected == [w.fields["key"] for w in found]
        if zero_at == "80":
            assert "write 0.8 for 80%" == found[0].problem.hint


@pytest.mark.parametrize("formula", ["1/0", "weight / 0", "1 / (weight - 5)"])
def test_a_formula_that_reads_nothing_and_cannot_be_computed_is_warned_of(formula: str, tmp_path: Path) -> None:
    """A rate of `1/0` reads no facts, so it fails for every project scored, while the set loads: lint says so, at the
    formula, with why. So does `weight / 0`, which reads only the indicator's declared weight (QA125 F3)."""
    from scoring_engine.lint import lint_file

    import json

    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    old = 'rule: {kind: formula, rate: "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual"}'
    assert old in text
    (tmp_path / "set.yaml").write_text(text.replace(old, f"rule: {{kind: formula, rate: {json.dumps(formula)}}}"),
                                       encoding="utf-8")
    _, warnings = lint_file(tmp_path / "set.yaml")
    found = [w for w in warnings if w.code == "formula-fails"]
    assert 1 == len(found) and "output.cost" == found[0].problem.indicator
    assert f"`{formula}` reads no facts and fails for every project" in found[0].problem.message


@pytest.mark.parametrize(("formula", "why"), [
    ("round_half_up(output.cost_planned / output.cost_actual, 2.5)", "places must be a whole number from 0 to 10"),
    ("clamp(output.cost_planned / output.cost_actual, 1, 0)", "lower bound 1 is above upper bound 0"),
    ("sum(3) + output.cost_planned", "sum needs a list fact"),
    ("round_half_up(output.cost_planned / output.cost_actual, -1)", "places must be a whole number from 0 to 10"),
    ("clamp(output.cost_planned / output.cost_actual, 0, -1)", "lower bound 0 is above upper bound -1"),
])
def test_a_function_given_a_constant_it_refuses_is_warned_of(formula: str, why: str, tmp_path: Path) -> None:
    """`round_half_up(x, 2.5)` reads facts, yet fails for every project: the places are refused whatever x is. lint
    says so at the formula, with the function's own words; a valid constant (places 2) is not warned of."""
    from scoring_engine.lint import lint_file

    import json

    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    old = 'rule: {kind: formula, rate: "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual"}'

    def failing(written: str) -> list:
        (tmp_path / "set.yaml").write_text(text.replace(old, f"rule: {{kind: formula, rate: {json.dumps(written)}}}"),
                                           encoding="utf-8")
        return [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "formula-fails"]

    found = failing(formula)
    assert 1 == len(found) and "output.cost" == found[0].problem.indicator
    assert f"`{formula}` fails for every project" in found[0].problem.message and why in found[0].problem.message
    assert [] == failing("round_half_up(output.cost_planned / output.cost_actual, 2)")


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ('rate: "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual"', "score: \"weight * '0.5'\"",
     146, "cannot compute with text ('0.5')"),
    ('rate: "1 if cost_saving_rate >= 0 else output.cost_planned / output.cost_actual"',
     "score: \"days_between('2020-01-01', output.actual_end)\"", 146, "days_between takes dates: '2020-01-01' is text"),
    ('"budget.paid <= budget.arrived"', "\"budget.paid + '1' > 0\"", 49, "cannot compute with text ('1')"),
    ('rate: "1 if', 'rate: "\\"abc\\" + 1 if', 146, 'cannot compute with text ("abc")'),  # lint warned of it before
])
def test_a_text_literal_where_a_number_or_a_date_belongs_is_refused_when_the_set_loads(
        old: str, new: str, line: int, said: str, tmp_path: Path) -> None:
    """QA125 F3: `weight * '0.5'` in a rule, `budget.paid + '1' > 0` in checks: passed validate and lint, then failed
    (or could not be checked) for every project. lint, as validate, refuses the set, at the formula's line."""
    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "set.yaml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(IndicatorSetError) as caught:
        lint_file(tmp_path / "set.yaml")
    assert said in caught.value.problems[0].message and line == caught.value.problems[0].line


def test_a_bands_rule_whose_lowest_band_has_a_min_is_warned_of_values_below_it(tmp_path: Path) -> None:
    """预算执行率 bands from 80% up only: a project at 50% falls in no band and cannot be scored. lint says so, with the
    band to add; the example's own rule (a lowest band without min) is not warned of."""
    from scoring_engine.lint import lint_file

    source = ROOT / "examples" / "small" / "set.yaml"
    text = source.read_text(encoding="utf-8")
    assert "            - {max: 0.8, points: 0}\n" in text
    (tmp_path / "set.yaml").write_text(text.replace("            - {max: 0.8, points: 0}\n", "", 1), encoding="utf-8")
    _, warnings = lint_file(tmp_path / "set.yaml")
    found = [w for w in warnings if w.code == "uncovered-value"]
    assert 1 == len(found) and "process.execution" == found[0].problem.indicator
    assert "execution_rate may lie below 80.00%, where no band is" in found[0].problem.message
    assert "{max: 0.8, points: 0}" in (found[0].problem.hint or "")
    _, clean = lint_file(source)
    assert not [w for w in clean if w.code == "uncovered-value"]


def test_a_text_cut_by_a_yaml_comment_is_warned_of(tmp_path: Path) -> None:
    """`standard: 目标明确 #每发现一处问题扣1分` loads as the standard 目标明确: YAML took the rest for a comment. lint
    says so at that line, with the words cut off; the same text in quotes is not warned of, nor is any bundled set."""
    from scoring_engine.lint import lint_file

    text = (ROOT / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    old = "        standard: 目标明确、细化、量化。每发现一处问题扣1分，扣完为止。\n"
    assert old in text
    for written, expected in (("        standard: 目标明确 #每发现一处问题扣1分，扣完为止。\n", 1),
                              ("        standard: \"目标明确 #每发现一处问题扣1分，扣完为止。\"\n", 0)):
        (tmp_path / "set.yaml").write_text(text.replace(old, written), encoding="utf-8")
        found = [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "comment-cut"]
        assert expected == len(found), written
    (tmp_path / "set.yaml").write_text(text.replace(old, "        standard: 目标明确 #每发现一处问题扣1分\n"), encoding="utf-8")
    [warning] = [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "comment-cut"]
    assert "the text of standard stops before '#每发现一处问题扣1分'" in warning.problem.message
    assert text.splitlines().index(old.rstrip("\n")) + 1 == warning.problem.line
    over_two_lines = "        standard: 目标明确、细化、\n          量化 #每发现一处问题扣1分\n"  # cut on its last line
    (tmp_path / "set.yaml").write_text(text.replace(old, over_two_lines), encoding="utf-8")
    assert 1 == len([w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "comment-cut"])


def test_a_middle_profiles_standard_a_leaf_profiles_rescale_no_longer_fits_is_said_at_the_rescale(tmp_path: Path) -> None:
    """QA241 H3: a province's profile restated 社会效益's standard for its weight 10 (达成年度指标得8–10分); a county's
    profile of it rescaled 效益, giving 社会效益 8. lint said the mismatch at the bundled national-framework.yaml's
    rule: line, as if a profile had changed the rule: it is said at the county's rescale, as the weight it changed."""
    from scoring_engine.lint import lint_file

    (tmp_path / "prov.yaml").write_text(
        "extends: national-framework\nid: prov\nversion: '1'\nremove: [benefit.effects.ecological]\nchange:\n"
        "  benefit.effects.social:\n    weight: 10\n    standard: 项目实施产生的社会效益。达成年度指标得8–10分；部分达成并具有一定效果"
        "得6–8分（不含8分）；未达成且效果较差得0–6分（不含6分）。\nfacts:\n  benefit.ecological: null\n", encoding="utf-8")
    county = tmp_path / "county.yaml"
    county.write_text("extends: prov.yaml\nid: county\nversion: '1'\nchange:\n  benefit.effects:\n    weight: 16\n"
                      "    rescale: true\n  benefit.satisfaction:\n    weight: 14\n    rescale: true\n", encoding="utf-8")
    found = [w for w in lint_file(county)[1] if w.code == "standard-mismatch" and "benefit.effects.social" in str(w.problem)]
    assert found and all(w.problem.file == str(county) for w in found), [str(w.problem) for w in found]
    assert all("changed this indicator's weight" in (w.problem.hint or "") for w in found)


def test_a_base_standard_a_profiles_rescale_no_longer_fits_is_said_at_the_profile(tmp_path: Path) -> None:
    """决策 15 → 10 with rescale: siblings: 立项程序规范性's standard (①…（1分）) no longer fits its 0.67-point elements.
    lint said so at the installed national-framework.yaml; it now says it at the profile's line, with the fix there
    (restate the standard under change:)."""
    from scoring_engine.lint import lint_file

    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\nchange:\n  decision: {weight: 10, rescale: siblings}\n",
                       encoding="utf-8")
    found = [w for w in lint_file(profile)[1] if w.code == "standard-mismatch"]
    assert found and all(w.problem.file == str(profile) and 3 == w.problem.line for w in found)
    assert any("restate its 评分标准 under change: decision.project.procedure" in (w.problem.hint or "") for w in found)
    on_top = tmp_path / "q.yaml"  # a profile of that profile: still said where the weight was set
    on_top.write_text("extends: p.yaml\nid: q\n", encoding="utf-8")
    found = [w for w in lint_file(on_top)[1] if w.code == "standard-mismatch"]
    assert found and all(w.problem.file == str(profile) and 3 == w.problem.line for w in found)


def test_an_unused_fact_of_the_base_a_profile_extends_says_how_to_remove_it_in_the_profile(tmp_path: Path) -> None:
    """A profile removing 生态效益 left its fact unread: lint said to delete it from the bundled base file, which the
    editor cannot edit. It says to remove it in the profile with facts: {name: null}, which lint then finds clean."""
    from scoring_engine.lint import lint_file

    profile = tmp_path / "prof.yaml"
    text = ('extends: national-framework\nid: prof-test\nname: 测试配置\nversion: "1"\nremove: [benefit.effects.ecological]\n'
            "change:\n  benefit.effects.social: {weight: 10}\n")
    profile.write_text(text, encoding="utf-8")
    found = [w for w in lint_file(profile)[1] if w.code == "unused-fact"]
    assert 1 == len(found) and "facts: {benefit.ecological: null}" in (found[0].problem.hint or "")
    profile.write_text(text + "facts:\n  benefit.ecological: null\n", encoding="utf-8")
    assert not [w for w in lint_file(profile)[1] if w.code == "unused-fact"]


def test_a_base_reason_wording_a_profiles_own_reasons_drop_is_said(tmp_path: Path) -> None:
    """QA277 F6: a province's profile wrote reasons: for its new panel, which replaced the national set's whole section:
    完成及时性 lost 延期2个月，每延期1个月扣2分 for the default 2与目标0相差2，每1扣2分，计2个单位, and lint said nothing.
    Each wording dropped that a rule of its kind still reads is said at the profile's reasons:, with the fix."""
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\nreasons:\n  deduction.none: 未发现问题，得满分{score}分\n",
                       encoding="utf-8")
    found = [w for w in lint_file(profile)[1] if w.code == "dropped-reason"]
    assert {"linear.full", "linear.partial"} <= {w.problem.message.split("wording ")[1].split(" ")[0] for w in found}
    assert all((str(profile), 2) == (w.problem.file, w.problem.line) for w in found)
    assert "copy linear.partial into this profile's reasons:" in " ".join(w.problem.hint or "" for w in found)
    profile.write_text("extends: national-framework\n", encoding="utf-8")  # the base's section kept whole
    assert not [w for w in lint_file(profile)[1] if w.code == "dropped-reason"]


def test_a_findings_label_stating_points_the_rule_does_not_deduct_is_said(tmp_path: Path) -> None:
    """QA277 F2: a province's profile deducting 4 for 挪用 left the base's label 资金使用合规性问题（每处扣1分；写明截留、
    挤占、挪用或虚列支出的，每处扣5分）, which the blank 自评表 prints for every unit, and lint said nothing. It is said at the
    profile's change, with the fix there; a set's own label at the label; a label that agrees, or states no points, is
    clean (the bundled sets are)."""
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\nchange:\n  process.funds.compliance:\n    rule: {kind: deduction, "
                       "findings: process.compliance_findings, points_each: 1, keyword_points: [{keywords: [截留, 挤占, "
                       "挪用, 虚列支出], points: 4}], zero_at_count: 4}\n", encoding="utf-8")
    [found] = [w for w in lint_file(profile)[1] if w.code == "label-mismatch"]
    assert (str(profile), "process.compliance_findings") == (found.problem.file, found.problem.fact)
    assert '"每处扣5分" (5), but the rule of process.funds.compliance reading it has keyword_points[0].points 4' \
        in found.problem.message and "declare process.compliance_findings in this profile" in (found.problem.hint or "")
    own = _standard("每发现一处问题扣1分。", "{kind: deduction, findings: found, points_each: 1}",
                    facts="  found: {type: list, label: 发现的问题（每处扣2分）}\n")
    found = _only(_lint(tmp_path, own), "label-mismatch")
    assert (_line(own, "found: {type"), "points_each 1") == (found.problem.line, found.problem.message[-13:])
    assert not [w for w in _lint(tmp_path, own.replace("每处扣2分", "每处扣1分")) if w.code == "label-mismatch"]
    assert not [w for w in lint_file(ROOT / "indicator_sets" / "national-framework.yaml")[1] if w.code == "label-mismatch"]


def test_a_findings_label_against_a_share_gives_the_points_the_rule_deducts(tmp_path: Path) -> None:
    """QA338 L3: a profile rescaling 资金使用合规性 to 6 left the base's label 每处扣1分; lint said the rule's "share_each 是
    20%" where its warning of the 评分标准 gave "扣 1.2 分". The label's warning gives the points too, in both languages."""
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\nid: p\nversion: \"1\"\ntotal: 120\n"
                       "change:\n  decision: {weight: 18, rescale: siblings}\n", encoding="utf-8")
    found = [w.problem for w in lint_file(profile)[1] if w.code == "label-mismatch"]
    assert [('the label of fact process.compliance_findings says "每处扣1分" (1), but the rule of process.funds.compliance '
             "reading it deducts 1.2 points: its share_each is 20% of 6"),
            ('the label of fact process.compliance_findings says "每处扣5分" (5), but the rule of process.funds.compliance '
             "reading it deducts 6 points: its keyword_points[0].share is 100% of 6")] == [p.message for p in found]
    assert "的说明写的是“每处扣1分”（1），而读取它的指标 process.funds.compliance 的规则扣 1.2 分：它的 share_each 是 6 分的 20%" \
        in found[0].text("zh")


@pytest.mark.parametrize("stated", ["每发现一处问题扣分值的" + "9" * 4400 + "/3", "每发现一处问题扣" + "9" * 1000 + "分",
                                    "1/" + "9" * 4400])
def test_a_standard_stating_a_number_of_thousands_of_digits_is_no_crash(tmp_path: Path, stated: str) -> None:
    """lint read the numbers of a 评分标准 whatever their length: a fraction of 4400 digits hit Python's limit on integer
    conversion and one of 1000 overflowed the decimal context (exit 3); such a number is no statement to compare."""
    text = _standard(stated + "，扣完为止。", "{kind: deduction, findings: found, points_each: 1}")
    assert not [w for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]


def test_a_derived_value_nothing_reads_is_named_with_the_facts_it_still_requires(tmp_path: Path) -> None:
    """A profile removed 成本指标 and left cost_saving_rate, which only it read: validate and lint passed, and a project
    without 成本 facts was refused for a missing 计划成本 no indicator reads. lint names the value and its facts."""
    profile = "extends: national-framework\nremove: [output.cost]\nchange:\n  output: {weight: 40, rescale: true}\n" \
              "  process: {weight: 30, rescale: siblings}\n"
    found = _only(_lint(tmp_path, profile), "unused-derived")
    assert "derived value cost_saving_rate is read by no rule" in found.problem.message
    assert "of the facts only it reads, output.cost_actual, output.cost_planned are still required" in found.problem.message
    text = _set("  - {id: a, name: 甲, weight: 10, rule: {kind: formula, score: 10}}\n", "  x: {type: number}\n",
                "derived:\n  shown: x * 2\n")
    assert "derived value shown is read by no rule" in _only(_lint(tmp_path, text), "unused-derived").problem.message


def test_a_profiles_rule_worded_by_its_bases_reason_templates_is_named(tmp_path: Path) -> None:
    """The national framework words every linear rule's reason '延期{shortfall}个月…' (written for its 完成及时性): a
    profile's linear 满意度 read '延期13.00%个月，每延期1个月扣0.25分', and nothing warned. lint names the rule and the
    wording, with the fix; the base's own linear rule is not named."""
    profile = ("extends: national-framework\nchange:\n  benefit.satisfaction.beneficiaries:\n"
               "    rule: {kind: linear, value: satisfaction_ratio, target: 1, per: 0.01, points_each: 0.25, zero_at: 0.6, "
               "display: percent}\n")
    found = [w for w in _lint(tmp_path, profile) if w.code == "inherited-reason"]
    assert {"linear.full", "linear.partial"} == {w.fields["key"] for w in found}
    assert {"benefit.satisfaction.beneficiaries"} == {w.problem.indicator for w in found}
    assert all(w.problem.file == str(tmp_path / "set.yaml") for w in found)


def test_a_profiles_rule_of_the_kind_its_base_scores_the_same_indicator_by_keeps_the_bases_wording_without_a_warning(
        tmp_path: Path) -> None:
    """QA24 F8: a profile that only doubles 完成及时性's points_each was told its linear rule takes wording the base wrote
    for its own indicators, though the base wrote '延期{shortfall}个月…' for this very indicator and it fits."""
    profile = ("extends: national-framework\nchange:\n  output.timeliness.ontime:\n"
               "    rule: {kind: linear, value: months_late, target: 0, direction: lower_is_better, points_each: 2}\n")
    assert not [w for w in _lint(tmp_path, profile) if w.code == "inherited-reason"]


def test_a_rule_a_profile_writes_whose_points_a_rescale_scaled_is_told_how_to_keep_them(tmp_path: Path) -> None:
    """QA24 F2: a profile wrote 满意度's bands (7 points) and its standard (得7分) together, and 决策's rescale of its
    siblings took the indicator from 10 to 11 and the 7 to 7.7; lint told the author to make the standard match the
    rule, though both say 7 as written. It names the rescale and how to keep the points: give the weight under change."""
    text = """\
extends: national-framework
id: r1
change:
  decision:
    weight: 10
    rescale: siblings
  benefit.satisfaction.beneficiaries:
    standard: 满意度≥95%得满分；85%（含）–95%得7分；低于85%不得分。
    rule:
      kind: bands
      value: satisfaction_ratio
      display: percent
      bands:
        - {min: 0.95, points: 10}
        - {min: 0.85, max: 0.95, points: 7}
        - {max: 0.85, points: 0}
"""
    found = [w for w in _lint(tmp_path, text) if w.problem.indicator == "benefit.satisfaction.beneficiaries"]
    assert ["the profile's rescale (line 6) scaled the points of the rule with the weight, 10 to 11: give "
            "benefit.satisfaction.beneficiaries its weight under change: to keep the rule as written, or restate its 评分标准"
            ] == [w.problem.hint for w in found]


def test_the_points_a_standard_states_in_brackets_after_a_tiers_share_are_checked_against_the_rule() -> None:
    """QA24 F7: 社会效益's standard says '达成年度指标得分值的80%–100%（4.8–6分）'. After a rescale to 8 the share still
    holds and the points do not (6.4–8); lint read only the share and said nothing."""
    from scoring_engine.lint.standard_text import Standard

    text = "达成年度指标得分值的80%–100%（4.8–6分）；部分达成并具有一定效果得60%–80%（3.6–4.8分，不含4.8分）；未达成且效果较差得0–60%（不含3.6分）"
    stated = [(t.label, t.low, t.high, t.percent, t.quote) for t in Standard(text).tiers(["达成年度指标", "部分达成并具有一定效果",
                                                                                          "未达成且效果较差"])]
    assert [("达成年度指标", 80, 100, True, "达成年度指标得分值的80%–100%（4.8–6分"), ("达成年度指标", Decimal("4.8"), 6, False, "4.8–6分"),
            ("部分达成并具有一定效果", 60, 80, True, "部分达成并具有一定效果得60%–80%（3.6–4.8分"),
            ("部分达成并具有一定效果", Decimal("3.6"), Decimal("4.8"), False, "3.6–4.8分"),
            ("未达成且效果较差", 0, 60, True, "未达成且效果较差得0–60%")] == stated


def test_a_rescale_that_leaves_the_bracketed_points_of_a_tier_stale_is_named(tmp_path: Path) -> None:
    """The profile rescales 效果指标 (社会效益 6 → 8): the standard's （4.8–6分） no longer matches the rule's 6.4–8."""
    profile = "extends: national-framework\nchange:\n  benefit.effects: {rescale: true}\nremove: [benefit.effects.ecological]\n" \
              "facts:\n  benefit.ecological: null\n"
    found = [w for w in _lint(tmp_path, profile) if w.problem.indicator == "benefit.effects.social"]
    assert any("4.8–6分" in w.problem.message and "6.4–8分" in w.problem.message for w in found), [str(w) for w in found]


# ---------------------------------------------------------------- the 自评表's 执行率


def test_a_form_printing_another_execution_rate_than_its_indicator_is_scored_from_is_warned_of(tmp_path: Path) -> None:
    """QA33 F4: a province's profile of the national framework with the 自评表: the form prints 执行数 ÷ 预算数 (86%)
    beside 预算执行率, scored from 实际支出 ÷ 实际到位 (95.56%, full marks under "≥95%"), and neither validate nor lint
    said so. lint does; the bundled sets, whose rate reads the form's amounts, are not warned of."""
    profile = ("extends: national-framework\nform:\n  layout: selfeval\n  funds:\n    indicator: process.funds.execution\n"
               "    rows:\n      total: {budget: budget.total, paid: budget.paid}\n")
    found = _only(_lint(tmp_path, profile), "funds-rate")
    assert ("process.funds.execution", 5) == (found.problem.indicator, found.problem.line)
    assert "as budget.paid ÷ budget.total, but its rule is scored from execution_rate, which reads budget.arrived, " \
           "budget.paid" in found.problem.message
    assert "自评表在 process.funds.execution 旁印出的执行率是 budget.paid ÷ budget.total" in found.text("zh")
    for bundled in ("self-evaluation", "sichuan-self-evaluation", "hubei-self-evaluation", "cost-type-self-evaluation"):
        assert not [w for w in lint_file(bundled)[1] if w.code == "funds-rate"], bundled


def test_a_cut_off_the_proportional_rule_lacks_names_both_readings_not_floor_alone(tmp_path: Path) -> None:
    """QA44 F5: "低于50%不得分" beside a proportional rule without floor was told to set floor, whose 0.5 scores
    (rate − 0.5) ÷ 0.5: 80% would score 60% of the weight where the standard says 80%. The hint names both readings."""
    text = _standard("得分 = 分值 × 完成率；完成率低于50%不得分。", "{kind: proportional, value: rate}")
    [warning] = [w for w in _lint(tmp_path, text) if w.code == "standard-mismatch"]
    assert "floor: 0.5 scores (rate − floor) ÷ (1 − floor)" in (warning.problem.hint or "")
    assert "write a formula: 0 if rate < 0.5 else min(rate, 1) × the weight" in (warning.problem.hint or "")


# ---------------------------------------------------------------- ceilings (QA55 F4)

_CEILING_SET = """id: ceiling
name: 满分不可达
version: "1"
facts:
  r: {type: number, min: 0, max: 1.5, label: 完成率}
grades:
  - {label: 优, min: 90}
  - {label: 差, min: 0}
indicators:
  - id: a
    name: 完成率
    weight: 30
    rule:
      kind: bands
      value: r
      bands:
        - {min: 0.95, points: TOP}
        - {max: 0.95, points: 0}
  - id: b
    name: 达标率
    weight: 70
    rule: {kind: linear, value: r, target: 1, per: 0.01, share_each: 0.05, zero_at: ZERO}
"""


def test_a_rule_that_never_gives_its_weight_and_the_grade_it_puts_out_of_reach_are_named(tmp_path: Path) -> None:
    """The top band copied from an indicator with a smaller weight (15 of 30): no project reached 优, and lint said
    nothing. Both are named: the rule at its line, the grade at its min."""
    text = _CEILING_SET.replace("TOP", "15").replace("ZERO", "0.8")
    warnings = [w for w in _lint(tmp_path, text) if w.code == "weight-ceiling"]
    assert [w.fields.get("most") for w in warnings] == [None, "15"], [str(w) for w in warnings]
    grade, rule = warnings
    assert grade.fields["best"] == "85" and grade.fields["grade"] == "优" and grade.problem.line == _line(text, "min: 90")
    assert rule.problem.indicator == "a" and rule.fields["weight"] == "30"


def test_a_rule_that_gives_its_whole_weight_is_not_named(tmp_path: Path) -> None:
    """The same set with the top band at 30 and the zero line below the target says nothing of either."""
    text = _CEILING_SET.replace("TOP", "30").replace("ZERO", "0.8")
    assert not [str(w) for w in _lint(tmp_path, text) if w.code in ("weight-ceiling", "zero-past-target")]


def test_a_zero_line_past_the_target_is_named(tmp_path: Path) -> None:
    """zero_at 1.2 for a target of 1, higher being better: every project up to 120%, the one at 100% too, scored 0."""
    text = _CEILING_SET.replace("TOP", "30").replace("ZERO", "1.2")
    w = _only(_lint(tmp_path, text), "zero-past-target")
    assert w.fields == {"zero": "1.2", "side": "below", "target": "1"} and w.problem.indicator == "b"


def test_each_elements_full_marks_before_a_deduction_are_not_the_whole_weights(tmp_path: Path) -> None:
    """'①制度健全得2分，每缺一项扣0.5分；②制度执行有效得3分，每发现一处问题扣1分' of a checklist weighing 5 was told its
    full marks 2 and 3 were not the weight 5 (QA61 F4): in a text of 要点 they are each element's."""
    rule = ("{kind: checklist, elements: [{name: ①制度健全, points: 2, met: a}, {name: ②制度执行有效, points: 3, met: b}]}")
    text = _standard("①制度健全得2分，每缺一项扣0.5分；②制度执行有效得3分，每发现一处问题扣1分。", rule,
                     facts="  a: {type: boolean}\n  b: {type: boolean}\n", weight=5)
    assert not [str(w) for w in _lint(tmp_path, text) if w.code == "standard-mismatch" and "weight" in w.fields]


def test_a_zero_line_stated_as_a_percentage_beyond_the_target_agrees_with_it(tmp_path: Path) -> None:
    """'超过定额的，每超1%扣0.5分，超过20%不得分' of a ratio to the norm (target 1, zero_at 1.2) was told zero_at should be
    20%, which would score every project 0 (QA61 F6): 20% beyond a target of 1 is 1.2."""
    rule = "{kind: linear, value: rate, target: 1, per: 0.01, points_each: 0.5, zero_at: 1.2, direction: lower_is_better}"
    text = _standard("超过定额的，每超1%扣0.5分，超过20%不得分。", rule)
    assert not [str(w) for w in _lint(tmp_path, text) if w.code == "standard-mismatch" and w.fields.get("param") == "zero_at"]


def test_a_warning_a_profiles_new_declaration_causes_in_its_base_is_said_at_the_profile_line(tmp_path: Path) -> None:
    """QA85 F7: a profile widening budget.method's values was warned at the installed base's switch, told to edit the
    values there; the warning is at the profile's line that declares the fact anew, naming the base's line."""
    from scoring_engine.lint import lint_file

    (tmp_path / "p.yaml").write_text("extends: self-evaluation\nid: p\nname: 方案\nversion: '1'\nfacts:\n  budget.method:\n"
                                     "    {type: string, values: [proportional, bands, full], default: proportional}\n",
                                     encoding="utf-8")
    _, warnings = lint_file(tmp_path / "p.yaml")
    [found] = [w for w in warnings if "budget.method may be full" in w.problem.message]
    assert (str(tmp_path / "p.yaml"), 6) == (found.problem.file, found.problem.line)
    assert (found.problem.hint or "").startswith("this profile declares budget.method anew, and ")
    assert "self-evaluation.yaml line " in (found.problem.hint or "")
    # and linting a county's profile of it, at the province's line, naming it (QA87 F5)
    (tmp_path / "county.yaml").write_text("extends: p.yaml\nid: county\nname: 县\nversion: '1'\n", encoding="utf-8")
    _, warnings = lint_file(tmp_path / "county.yaml")
    [found] = [w for w in warnings if "budget.method may be full" in w.problem.message]
    assert (str(tmp_path / "p.yaml"), 6) == (found.problem.file, found.problem.line)
    assert (found.problem.hint or "").startswith("the profile p declares budget.method anew, and ")


def test_lint_never_tells_to_delete_the_budget_facts_a_batch_reads_for_its_funds_and_consequences(tmp_path: Path) -> None:
    """A set without a form that declares budget.total and budget.paid, read by no rule: batch reads them as each
    project's 预算数 and 执行数 (预算执行情况, 结果应用's amounts), so lint does not call them unused (QA182 F2); a
    leftover beside them still is."""
    text = _set("  - {id: only, name: 唯一, weight: 10, rule: {kind: proportional, value: done}}\n",
                facts="  done: {type: number, min: 0}\n  budget.total: {type: number, min: 0, unit: 万元, label: 预算资金}\n"
                      "  budget.paid: {type: number, min: 0, unit: 万元}\n  leftover: {type: number}\n",
                extra="", total=10).replace("{label: 合格, min: 0}", "{label: 合格, min: 0, consequence: 核减10%}")
    assert ["leftover"] == [w.problem.fact for w in _lint(tmp_path, text) if w.code == "unused-fact"]


def test_points_finer_than_the_precision_are_warned_of_at_their_rule(tmp_path: Path) -> None:
    """QA293 F3: with precision 2 → 1, a checklist of four elements of 3 points (0.75 each) said 扣0.7分 where its standard
    says 0.75, and lint said nothing. Such points, written (points_each: 0.25) or a checklist's shares of its weight, are
    warned of at their rule with the precision that prints them, in Chinese whole; at precision 2 nothing is said, nor
    of a third of 1 point, which no precision prints."""
    checklist = ("  - {id: goals, name: 绩效目标, weight: 3, rule: {kind: checklist, elements: [{name: 甲, met: a}, {name: 乙, "
                 "met: a}, {name: 丙, met: a}, {name: 丁, met: a}]}}\n"
                 "  - {id: found, name: 合规性, weight: 7, rule: {kind: deduction, findings: f, points_each: 0.25}}\n")
    facts = "  a: {type: boolean}\n  f: {type: list}\n"
    text = _set(checklist, facts=facts, extra="precision: 1\n")
    found = [w for w in _lint(tmp_path, text) if w.code == "precision-points"]
    assert [("goals", "0.75", "2"), ("found", "0.25", "2")] == [
        (w.problem.indicator, w.fields["points"], w.fields["needed"]) for w in found]
    assert found[0].problem.line == _line(text, "id: goals")
    assert ("其规则的分数 0.75 的小数位多于体系的精度（1 位小数）：得分和理由按精度四舍五入显示（0.75 → 0.8）"
            "（改为 precision: 2，或改用按精度能原样显示的分数）") in found[0].problem.text("zh"), found[0].problem.text("zh")
    assert not [w for w in _lint(tmp_path, _set(checklist, facts=facts, extra="precision: 2\n")) if w.code == "precision-points"]
    thirds = checklist.replace("{name: 丁, met: a}", "").replace(", {name: 丙, met: a}", "").replace("weight: 3", "weight: 1").replace(
        "weight: 7", "weight: 9").replace("points_each: 0.25", "points_each: 1")
    assert not [w for w in _lint(tmp_path, _set(thirds, facts=facts, extra="precision: 1\n")) if w.code == "precision-points"]
