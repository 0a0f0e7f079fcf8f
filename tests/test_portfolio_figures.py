"""The portfolio's figures as a bureau reads them (QA59): a rate under a limit shown as under it, means of 得分率 kept
exact, and no 平均分 made of points out of different totals."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine._arith import cut_rate, round_half_up
from scoring_engine._display import show_number
from scoring_engine.batch.categories import add_rate, mean_rate
from scoring_engine.batch.ranking import ranked
from scoring_engine.cli import main
from scoring_engine.reports.batch_tables import cell_text, ranking_cells


def _flags(tmp_path: Path, total: object, paid: object) -> list[str]:
    """The 需说明 flags `score --format json` gives the bundled self-evaluation project with this budget."""
    facts = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    facts["indicator_set"] = "self-evaluation"
    facts["facts"]["budget"] = {"total": total, "paid": paid}
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(path), "--format", "json"])
    return [str(flag) for flag in json.loads(run.output)["flags"]]


def test_a_rate_just_under_the_limit_is_not_shown_as_the_limit(tmp_path: Path) -> None:
    """26999.99 of a 30,000 budget is 0.89999966…: the 需说明 flag said 'execution_rate < 0.9；execution_rate ≈ 0.9'.
    The value is shown with the decimals that keep it under 0.9."""
    flags = _flags(tmp_path, 30000, 26999.99)
    assert any("execution_rate ≈ 0.8999997" in flag for flag in flags), flags


def test_a_rate_under_the_limit_by_less_than_every_decimal_shown_is_cut_not_rounded_onto_the_limit(tmp_path: Path) -> None:
    """QA135 F2: 899999.9999999 of 1,000,000 is 0.8999999999999: the flag said 'execution_rate < 0.9；execution_rate ≈
    0.9', as rounding at every place shown carries it to 0.9. It is shown whole instead: = 0.8999999999999."""
    flags = _flags(tmp_path, 1000000, 899999.9999999)
    assert any("execution_rate = 0.8999999999999）" in flag for flag in flags), flags
    assert not any("≈ 0.9）" in flag for flag in flags), flags


def test_a_mean_rate_is_exact_so_a_half_rounds_up() -> None:
    """Three thirds (of 3, 6 and 9 points) and 0.3334 average exactly 0.33335: summed as 28-digit quotients the mean was
    0.33334999…, which rounds to 0.3333 where 0.3334 is right."""
    rates: dict[Decimal, Decimal] = {}
    for score, weight in (("1", "3"), ("2", "6"), ("3", "9"), ("3334", "10000")):
        add_rate(rates, Decimal(score), Decimal(weight))
    assert Decimal("0.33335") == mean_rate(rates, 4)
    assert Decimal("0.3334") == round_half_up(mean_rate(rates, 4), 4)


def test_a_unit_scored_out_of_different_totals_shows_no_mean_total() -> None:
    """72/80, 78/80 and 90/100 were shown as a 平均分 of 80.00 beside a 平均得分率 of 92.50%: the mean of points out of
    different totals means nothing. The rate ranks it; the 平均分 is a dash."""
    table = {("乙局", "乙局"): [3, Decimal(240), 0, {Decimal(80): Decimal(150), Decimal(100): Decimal(90)}],
             ("甲局", "甲局"): [2, Decimal(170), 0, {Decimal(100): Decimal(170)}]}
    mixed, single = sorted(ranked(table, 2, Counter()), key=lambda r: r.name)
    assert (mixed.mean, single.mean, mixed.mean_rate) == (None, Decimal("85.00"), Decimal("0.925"))
    assert "—" == cell_text(ranking_cells(mixed, "主管部门")[4])


_TWO_LEAVES = """id: two-leaves
name: 两项
version: "1"
facts:
  s.a: {type: number, min: 0, max: 60}
  s.b: {type: number, min: 0, max: 40}
grades:
  - {label: 优, min: 90}
  - {label: 良, min: 80}
  - {label: 中, min: 60}
  - {label: 差, min: 0}
indicators:
  - {id: a, name: 甲, weight: 60, rule: {kind: formula, score: s.a}}
  - {id: b, name: 乙, weight: 40, rule: {kind: formula, score: s.b}}
"""


def test_a_mean_or_median_just_under_a_grade_line_is_not_shown_on_it_beside_its_rate() -> None:
    """QA135 F3: one unit's totals 80.00 and 79.99 average 79.995. Its ranking row showed 平均分 80.00 (the line of 良)
    beside 平均得分率 79.99%, and the batch's mean and median were 80.00. Each is cut as the rate is: 79.99."""
    from scoring_engine import parse_indicator_set
    from scoring_engine.batch import score_many, summarise

    indicator_set = parse_indicator_set(_TWO_LEAVES)
    documents = [{"project": {"id": f"P{i}", "unit": "某单位", "department": "某局"}, "facts": {"s": {"a": a, "b": 40}}}
                 for i, a in enumerate((Decimal(40), Decimal("39.99")))]
    summary = summarise(score_many(indicator_set, documents))
    (totals,) = summary.sets
    assert ("79.99", "79.99") == (str(totals.mean), str(totals.median))
    (unit,) = summary.units
    cells = [cell_text(c) for c in ranking_cells(unit, "实施单位")]
    assert "79.99" in cells and "79.99%" in cells and "80.00" not in cells, cells


@pytest.mark.parametrize(("value", "shown"), [
    ("0.8999999999999", "0.8999999999999"),  # under 0.9: never ≈0.9 beside execution_rate < 0.9 (QA135 F2)
    ("-0.1000000000000001", "-0.1000000000000001"),  # under -0.1: never ≈-0.1 beside cost_saving_rate < -0.1 (QA136 F2)
    ("-0.0999999999999999", "-0.0999999999999999"),  # over -0.1
    ("-3E-13", "-0.0000000000003"),  # under 0: never ≈0 beside x < 0
    ("80.00000000000001", "80.00000000000001"),  # its own digits, never one it has not (QA137 F1)
    ("0.30000000000000004", "0.30000000000000004"),  # a float's, in a facts file
    ("1E-28", "≈0"),  # the 28-digit arithmetic's noise (2/3 − 1/3 − 1/3)
    ("0.8999999999999999999999999999", "≈0.899999999999"),  # 1/3 × 2.7, 28 digits: still under 0.9 (QA140 F1)
    ("0.9000000000000000000000000001", "≈0.900000000001"),
    ("0.89999966", "≈0.8999997"),  # QA59 F1: as many decimals as keep it under the line
    ("0.8385416666666666666666666667", "≈0.838542"),
])
def test_a_value_by_a_line_is_shown_on_its_own_side_of_it(value: str, shown: str) -> None:
    """A value with more decimals than are shown is rounded, but never onto a round figure it falls short of or passes:
    a 需说明 flag's value stays on the side of the line its condition says, for negative values too, and no value is
    shown with a digit it does not have (explain's equations hold on paper)."""
    assert shown == show_number(Decimal(value))


def test_an_indicators_mean_score_just_under_a_line_is_cut_as_its_mean_rate_is() -> None:
    """QA138 F1: the 统计 sheet showed an indicator's 平均得分 80.00 beside its 平均得分率 79.99% (scores 79.99 and 80 of
    100): the projects' own mean was cut to 79.99, the indicator's was rounded up. It is cut as well."""
    from scoring_engine import parse_indicator_set
    from scoring_engine.batch import score_many, summarise

    one = _TWO_LEAVES.replace("  - {id: a, name: 甲, weight: 60, rule: {kind: formula, score: s.a}}\n"
                              "  - {id: b, name: 乙, weight: 40, rule: {kind: formula, score: s.b}}\n",
                              "  - {id: a, name: 甲, weight: 100, rule: {kind: formula, score: s.a}}\n").replace("max: 60", "max: 100")
    documents = [{"project": {"id": f"P{i}"}, "facts": {"s": {"a": a, "b": 0}}} for i, a in enumerate((Decimal(80), Decimal("79.99")))]
    (totals,) = summarise(score_many(parse_indicator_set(one), documents)).sets
    (indicator,) = [i for i in totals.indicators if i.id == "a"]
    assert ("79.99", "0.7999") == (str(indicator.mean_score), str(cut_rate(indicator.mean_rate)))
