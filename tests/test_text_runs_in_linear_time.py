"""Free text a clerk types is read in time that grows with its length, never by cutting a run every possible way.

QA298 and QA299 found patterns that tried every way of sharing a run of characters among their parts before failing:
- a finding's detail of amounts by place (其中：东村1万元 西村2万元 …，均未整改): each place a clerk added doubled the time,
  28 places took 10 s from a facts file and 64 s from a form, 40 would take hours;
- a 时效指标 row's unit with a run of spaces (天 + 3,200 spaces + （含节假日）): 44 s, three \\s* sharing the run;
- a target row's name with an open bracket (项目竣工年份( + 年 × 32,000): 7.6 s, each 年 tried as the one in the bracket;
- a target's value with spaces before a note (≥10 + 32,000 spaces + （2024年度）): 25 s from a facts file, 55 s from a form;
- a YAML file beside the projects starting with blank lines: each one doubled the time batch took to pass it over;
- a Sichuan form's 存在问题 cell of spaces (6.4 s), a date typed with spaces before a note (8.6 s), a standard's run of
  spaces to lint (21.6 s).

No test here is timed: each reads a text many times the size the old patterns took seconds on (hours or days for them),
and checks that it is read as the short text of the same shape is.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from click.testing import CliRunner

from scoring_engine import Facts, load_indicator_set, score
from scoring_engine._digit_groups import split_digits
from scoring_engine._no_finding import is_detail, says_none, says_nothing
from scoring_engine._time_units import DURATION, _year_name
from scoring_engine.cli import main
from scoring_engine.forms.layout import WEIGHT_IN_LABEL
from scoring_engine.forms.side import _typed_date
from scoring_engine.lint import lint_set
from scoring_engine.loader import parse_indicator_set
from scoring_engine.target_rows import parse_quantity

ROOT = Path(__file__).resolve().parent.parent
_VILLAGES = "东西南北上下前后中大小新老石河山林田"


def _places(count: int, tail: str = "") -> str:
    """A detail of `count` amounts by place, as a clerk lists them."""
    return "其中：" + " ".join(f"{_VILLAGES[i % 18]}村{i % 9 + 1}万元" for i in range(count)) + tail


@pytest.mark.parametrize("text", ["其中：1号楼8万元，2号楼4万元", "其中：A村8万元、B村4万元", "分别为：东村1.5万元，西村2万元",
                                  _places(30), "其中：" + "1元" * 90])
def test_a_detail_of_amounts_by_place_is_still_one(text: str) -> None:
    """A line of amounts by place, their names holding digits too (1号楼), is a finding's detail, however many places."""
    assert is_detail(text) or len(text) > 200
    assert says_nothing(text)


@pytest.mark.parametrize("text", [_places(40, "，均未整改"), "其中：" + "1元" * 60 + "：", _places(40, "，未附发票")])
def test_a_run_of_amounts_followed_by_more_is_no_detail_and_is_read_at_once(text: str) -> None:
    """A run of amounts followed by words of its own is no detail alone (QA298 F1: 40 places would take hours)."""
    assert not is_detail(text) and not says_nothing(text) and not says_none(text)


def test_a_finding_with_a_long_detail_of_places_costs_its_points_once() -> None:
    """A finding whose second line lists 40 places is one finding, as with 3 (QA298 F1: 28 places took 10 s)."""
    indicator_set = load_indicator_set(ROOT / "examples" / "small" / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))

    def compliance(detail: str) -> tuple[object, str]:
        facts = copy.deepcopy(document["facts"])
        facts["findings"]["compliance"] = ["资金拨付滞后，未及时拨付到村\n" + detail]
        result = score(indicator_set, Facts(values=facts, not_applicable=document.get("not_applicable", {})))
        found = next(i for i in result.walk() if i.id == "process.compliance")
        return found.score, found.reason

    assert compliance(_places(40, "，均未整改")) == compliance(_places(3, "，均未整改")) == compliance(_places(40))
    assert compliance(_places(3))[1].startswith("发现1处问题")


def test_a_unit_with_a_long_run_of_spaces_is_read_as_with_one() -> None:
    """A 时效指标 unit holding 50,000 spaces reads as with one (QA298 F2: 3,200 took 44 s), and 内 is still found."""
    assert DURATION.search("天" + " " * 50_000 + "(含节假日)") is None
    assert DURATION.search("天" + " " * 50_000) is not None
    found = DURATION.search("30天" + " " * 50_000 + "内" + " " * 50_000 + "完成" + " " * 50_000)
    assert found is not None and found.group(2) == "内"


def test_a_name_with_a_long_open_bracket_is_read_as_a_short_one() -> None:
    """A target row named with an open bracket of 100,000 年 is no year's name, as with three (QA298 F3: 32,000 took
    7.6 s); a closed bracket holding 年 still is one."""
    assert not _year_name("项目竣工年份(" + "年" * 100_000) and not _year_name("项目竣工年份(年年年")
    assert _year_name("竣工年份（年）") and _year_name("竣工年份（" + "年" * 100_000 + "）")
    assert not _year_name("竣工年份（" + "月" * 100_000 + "）")


@pytest.mark.parametrize("unit, name", [("天" + " " * 50_000 + "(含节假日)", "项目完成时间"),
                                        ("天", "项目竣工年份(" + "年" * 100_000)])
def test_a_timed_row_with_a_long_unit_or_name_scores_as_a_short_one(unit: str, name: str) -> None:
    """The self-evaluation set's 时效指标 row scores alike with a unit of 50,000 spaces or a name of 100,000 年 in an
    open bracket, and with short ones (QA298 F2, F3)."""
    indicator_set = load_indicator_set("self-evaluation")
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))

    def timed(unit: str, name: str) -> list[tuple[str, object, str]]:
        facts = copy.deepcopy(document["facts"])
        facts["targets"]["output"][1] = {"id": "time", "name": name, "category": "时效指标", "type": "quantitative_lower",
                                         "weight": 10, "target": 30, "actual": 25, "unit": unit}
        result = score(indicator_set, Facts(values=facts))
        return [(i.id, i.score, i.reason) for i in result.walk() if i.id.endswith(".time")]

    assert timed(unit, name) == timed("天 (含节假日)", "项目完成时间") != []


_RUN = " " * 200_000  # (the old patterns took minutes on it: 50,000 took 15 to 20 s)


def test_a_target_with_a_long_run_of_spaces_reads_as_with_one() -> None:
    """A target's value with 200,000 spaces before its unit or note reads as with one space (QA299 F1: 32,000 took 25 s
    from a facts file); digits split otherwise than into thousands are refused alike."""
    assert parse_quantity(f"≥10{_RUN}（2024年度）") is None is parse_quantity("≥10 （2024年度）")
    assert parse_quantity(f"≥10{_RUN}人") == parse_quantity("≥10 人") is not None
    grouped, split = f"≥123 456{_RUN}（2024年度）", f"≥5 00{_RUN}人"
    split_digits(grouped, grouped)
    with pytest.raises(ValueError, match="the digits of 5 00 are split by a space"):
        split_digits(split, split)


def test_a_label_or_a_problem_with_a_long_run_of_spaces_is_read_at_once() -> None:
    """A cell of the 一级指标 column with 200,000 spaces (a Sichuan form's 存在问题) keeps its text; a weight after a label is
    still found through them (QA299 F3: 32,000 took 6.4 s)."""
    problem = f"资金拨付滞后{_RUN}未及时拨付到村"
    assert WEIGHT_IN_LABEL.sub("", problem) == problem
    found = WEIGHT_IN_LABEL.search(f"产出指标{_RUN}（50分）")
    assert found is not None and found.group(1) == "50" and WEIGHT_IN_LABEL.sub("", f"产出指标{_RUN}（50分）") == "产出指标"


def test_a_date_typed_with_a_long_run_of_spaces_reads_as_with_one() -> None:
    """A date typed with 200,000 spaces before a note or a midnight reads as with one (QA299 F4: 32,000 took 8.6 s)."""
    assert _typed_date(f"2024年12月31{_RUN}（暂定）") is None is _typed_date("2024年12月31 （暂定）")
    assert _typed_date(f"2024/3/20{_RUN}0:00") == _typed_date("2024/3/20 0:00") is not None


@pytest.mark.parametrize("standard", ["执行率≥90%的，得{run}x。", "执行率≥90%的，{run}x。", "执行率90%{run}至{run}100%（含），得10分"])
def test_a_standard_with_a_long_run_of_spaces_lints_as_with_one(standard: str) -> None:
    """lint reads a standard holding 200,000 spaces as with one space (QA299 F5: 16,000 took 21.6 s)."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("standard: 预算执行率"))

    def warned(run: str) -> list[str]:
        written = line.split("standard:")[0] + 'standard: "' + standard.format(run=run) + '"'
        return [w.code for w in lint_set(parse_indicator_set(text.replace(line, written), "set.yaml"))]

    assert warned(_RUN) == warned(" ")


def test_a_batch_passes_over_a_notes_file_starting_with_many_blank_lines(tmp_path: Path) -> None:
    """A YAML file of notes beside the projects, starting with 60 blank lines, is passed over as with one (QA299 F2: each
    blank line doubled the time; 30 took minutes)."""
    (tmp_path / "p.json").write_text((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("\n" * 60 + "说明: 本文件夹为2024年度自评项目\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path), "-j1", "--quiet", "-o", str(tmp_path / "out.csv")])
    assert run.exit_code == 0, run.output
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "p.json" in rows[1]


def test_a_finding_naming_the_risk_of_a_long_run_of_misuses_is_read_as_a_short_one() -> None:
    """A finding naming the risk after 60,000 words of misuse (存在挪用、挪用、…风险) states none of them, as after two; the
    run was walked again for each word in it (QA299: 4,000 took 0.5 s, and time grew with the square)."""
    indicator_set = load_indicator_set("national-framework")
    document = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))

    def compliance(finding: str) -> tuple[object, str]:
        facts = copy.deepcopy(document["facts"])
        facts["process"]["compliance_findings"] = [finding]
        result = score(indicator_set, Facts(values=facts, not_applicable=document.get("not_applicable", {})))
        found = next(i for i in result.walk() if i.id == "process.funds.compliance")
        return found.score, found.reason

    assert compliance("存在挪用" + "、挪用" * 60_000 + "风险") == compliance("存在挪用、挪用风险")
    assert compliance("存在挪用" + "、挪用" * 60_000 + "资金") != compliance("存在挪用、挪用风险")
