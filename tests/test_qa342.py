"""QA342: the 自评表 of a rescaled project (`not_applicable: rescale`) reads back to the scores it was written from."""

from __future__ import annotations

import copy
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import Facts, ScoringEngineError, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.forms.reader import read_form
from scoring_engine.reports.layouts import render_layout
from scoring_engine.result import Result

D = Decimal


def _self_evaluation(out: dict[str, Any], benefit: dict[str, Any], satisfaction: list[Any]) -> dict[str, Any]:
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    values = copy.deepcopy(document["facts"])
    values["targets"]["output"][2].update(out)
    values["targets"]["benefit"][1].update(benefit)
    values["targets"]["satisfaction"] = satisfaction
    return values


def _form_back(tmp_path: Path, document: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """The total line of the facts scored, of the 自评表 they write scored again, and the facts `import` reads from it."""
    (tmp_path / "f.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    first = CliRunner().invoke(main, ["score", str(tmp_path / "f.json")])
    written = CliRunner().invoke(main, ["score", str(tmp_path / "f.json"), "--layout", "selfeval", "--format", "xlsx",
                                        "-o", str(tmp_path / "form.xlsx")])
    again = CliRunner().invoke(main, ["score", str(tmp_path / "form.xlsx")])
    imported = CliRunner().invoke(main, ["import", str(tmp_path / "form.xlsx"), "-o", str(tmp_path / "back.json")])
    assert 0 == first.exit_code == written.exit_code == again.exit_code == imported.exit_code, again.output
    assert "no judgement" not in again.output and "评分取" not in again.output, again.output

    def total(text: str) -> str:
        return next(line for line in text.splitlines() if line.startswith("总分"))

    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    return total(first.stdout), total(again.stdout), back


def test_a_judged_row_of_a_rescaled_form_reads_back_by_the_sets_factor(tmp_path: Path) -> None:
    """QA342 F1: 满意度 不适用, 效益's qualitative row judged 10.72 of 15 prints 11.90 of 16.66 (4.28 lost × 100 ÷ 90 =
    4.76). Read back by the row's weights (16.66 ÷ 15) it was 10.71, and the form scored 89.99 良好 where it was written
    from 90.00 优秀. By the factor the engine converts with (100 ÷ 90) it is 10.72 again: the same total and grade."""
    values = _self_evaluation({}, {"tier": "部分达成并具有一定效果", "score": 10.72}, [])
    values["targets"]["output"][0]["actual"] = 7.64
    _reads_back(tmp_path, values, {"satisfaction": "项目未设置满意度指标"}, "总分 90.00 / 100    等级 优秀",
                ("targets.benefit", 1, "10.72"))


def test_a_judged_row_whose_loss_was_evened_reads_back_to_the_judgement_the_whole_form_scores_again(tmp_path: Path) -> None:
    """QA342 F1: 效益 不适用, 19.65 of 20 loses 0.35 × 100 ÷ 70 = 0.50 of 28.57, which the largest remainder evens to 0.51
    so that the scores add up to the total converted once (85.21): the row prints 28.06. 19.64 loses 0.5143, 0.51 as
    rounded, and gives 28.06 alone, but the whole form then scores 85.20. Of the judgements that could print 28.06, the
    one with which the whole form scores back to what it prints is read: 19.65, 85.21 again."""
    values = _self_evaluation({"tier": "达成年度指标", "score": 19.65}, {"tier": "未达成且效果较差", "score": 4.97},
                              [{"id": "r", "name": "受益群众满意度", "type": "quantitative", "weight": 10, "target": 0.9,
                                "actual": 0}])
    values["targets"]["output"][1]["actual"] = 63.3
    _reads_back(tmp_path, values, {"benefit": "本年度不适用"}, "总分 85.21 / 100    等级 良好", ("targets.output", 2, "19.65"))


def _reads_back(tmp_path: Path, values: dict[str, Any], marked: dict[str, str], line: str,
                judged: tuple[str, int, str]) -> None:
    """The self-evaluation facts `values` with `marked` 不适用 score `line`, and so does the 自评表 they write, read
    back; `import` of that form gives row `judged[1]` of `judged[0]` the judgement `judged[2]` again."""
    document = {"indicator_set": "self-evaluation", "project": {"name": "往返"}, "facts": values, "not_applicable": marked}
    first, again, back = _form_back(tmp_path, document)
    assert line == first == again
    fact, row, score = judged
    assert D(score) == D(str(back["facts"][fact][row]["score"]))


def _scores(result: Result) -> list[Decimal]:
    return sorted(n.score for n in result.walk())  # (a row read from a form is named by its place, not its id)


def _project(rng: random.Random, set_id: str) -> Facts:
    """The set's example facts with random amounts achieved, random tiers and judgements, and 1 or 2 一级 不适用."""
    document = json.loads((ROOT / "indicator_sets" / f"{set_id}.facts.json").read_text(encoding="utf-8"))
    values = copy.deepcopy(document["facts"])
    tiers = [("达成年度指标", 80, 100), ("部分达成并具有一定效果", 60, 79), ("未达成且效果较差", 0, 59)]
    for rows in values["targets"].values():
        for row in rows:
            if "tier" in row:
                row["tier"], low, high = rng.choice(tiers)
                row["score"] = D(row["weight"]) * rng.randint(low * 100, high * 100 + 99) / 10000 // D("0.01") * D("0.01")
            elif isinstance(row.get("target"), (int, float)) and row["target"]:
                row["actual"] = round(row["target"] * rng.choice([1, rng.uniform(0.3, 1.5)]), rng.choice([0, 1, 2]))
    values["budget"]["paid"] = round(values["budget"]["total"] * rng.choice([1, rng.uniform(0.4, 1)]), 2)
    tops = [i.id for i in load_indicator_set(set_id).indicators]
    return Facts(values=values, not_applicable={i: "本年度不适用" for i in rng.sample(tops, rng.choice([1, 1, 2]))})


def _written_and_read(indicator_set: Any, facts: Facts, form: Path) -> tuple[Result, Result, Any] | None:
    """`facts` scored, the 自评表 of the result written to `form`, read back and scored again: (first, again, what the
    reader read); None where the facts are refused."""
    try:
        first = score(indicator_set, facts)
    except ScoringEngineError:
        return None
    form.write_bytes(render_layout(first, indicator_set, "xlsx", "selfeval"))  # type: ignore[arg-type]
    imported = read_form(form, indicator_set)
    return first, score(indicator_set, imported.facts), imported


def test_rescaled_forms_written_and_read_back_score_the_same(tmp_path: Path) -> None:
    """QA342 F1: random projects of the bundled sets whose forms have target rows and rescale, random 一级 不适用 and
    random judgements: the 自评表 written and read back gives the same total, grade and every score (7 of 163 did not)."""
    rng = random.Random(342)
    compared = 0
    for k in range(60):
        set_id = rng.choice(["self-evaluation", "sichuan-self-evaluation", "cost-type-self-evaluation"])
        indicator_set = load_indicator_set(set_id)
        trip = _written_and_read(indicator_set, _project(rng, set_id), tmp_path / f"{k}.xlsx")
        if trip is None:
            continue
        first, again, _ = trip
        assert (first.total, first.grade, _scores(first)) == (again.total, again.grade, _scores(again)), (set_id, k)
        compared += 1
    assert compared > 40


_P0 = """id: p0
name: 整数精度折算
version: "1"
precision: {places}
not_applicable: rescale
grades: [{{label: 优, min: 90}}, {{label: 差, min: 0}}]
facts:
{facts}
indicators:
{indicators}
"""


def _small_set(weights: list[int], places: int) -> Any:
    from scoring_engine.loader import parse_indicator_set

    facts = "\n".join(f"  r{i}: {{type: number, min: 0, max: 1}}" for i in range(len(weights)))
    indicators = "\n".join(f"  - {{id: i{i}, name: 指标{i}, weight: {w}, rule: {{kind: proportional, value: r{i}}}}}"
                           for i, w in enumerate(weights))
    return parse_indicator_set(_P0.format(places=places, facts=facts, indicators=indicators))


def test_at_precision_0_a_leaf_that_lost_points_does_not_print_full_marks() -> None:
    """QA342 F2: weights 1, 32, 25, 22, 20 at precision 0, 指标一 不适用: 32 scoring 0 is 0 of 33 (its weight rounded up
    from 32.32), and 22 × 95% = 21 lost 1.01 of 22; the total 67 (66 × 100 ÷ 99 = 66.67) was reached by 指标四's loss
    taken back: 22 of 22, full marks with a deduction. The unit comes back at the zero leaf's own rounding (1 of 33, its
    loss 32 of an exact 32.32) and 指标四 prints 21."""
    indicator_set = _small_set([1, 32, 25, 22, 20], 0)
    result = score(indicator_set, Facts(values={"r0": 1, "r1": 0, "r2": 1, "r3": D("0.95"), "r4": 1},
                                        not_applicable={"i0": "本年度不涉及"}))
    assert (D(67), [D(0), D(1), D(25), D(21), D(20)]) == (result.total, [n.score for n in result.indicators])
    assert "得21分" in result.indicator("i3").reason and "计0分" not in result.indicator("i3").reason


def test_rescaled_shares_at_few_decimals_keep_their_properties() -> None:
    """QA342 F2: random small sets at precision 0 and 1, random rates and one to three indicators 不适用: the total is
    the scores converted at once, a leaf that lost points is below its weight, a leaf scoring 0 gets a unit only where
    the total cannot be reached otherwise, and each loss is within a unit of its exact loss (test_qa339's checks)."""
    from test_qa339 import _check

    rng = random.Random(3422)
    for _ in range(300):
        cuts = sorted(rng.sample(range(1, 100), rng.randint(2, 6)))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]  # adding up to 100
        indicator_set = _small_set(weights, rng.choice([0, 0, 1]))
        values = {f"r{i}": rng.choice([0, 1, D(rng.randint(0, 100)) / 100]) for i in range(len(weights))}
        marked = rng.sample(range(len(weights)), rng.randint(1, len(weights) - 2))
        facts = Facts(values=values, not_applicable={f"i{i}": "不涉及" for i in marked})
        _check(indicator_set, facts, score(indicator_set, facts))


def test_a_set_wording_the_removed_rescaled_raw_is_told_the_templates_now_used(tmp_path: Path) -> None:
    """QA342 F3: a set overriding rescaled.raw (its reason before QA339 F1) was told 未知的理由模板 rescaled.raw（是否想写
    rescaled？）, whose fix then failed ({raw} is not available). It is told the template is no longer used, and the ones
    used now with their placeholders; a set wording rescaled alone is warned that a leaf that lost points is not told by
    it."""
    set_file = tmp_path / "raw.yaml"
    set_file.write_text("extends: self-evaluation\nid: raw\nname: 旧模板\nversion: '1'\n"
                        "reasons:\n  rescaled.raw: 按计算值{raw}分折算得{score}分\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "lint", str(set_file)])
    assert 1 == run.exit_code and "是否想写" not in run.output, run.output
    assert "理由模板 rescaled.raw 已不再使用" in run.output and "rescaled.evened ({declared}, {deducted}, {factor}, {exact})" \
        in run.output, run.output
    set_file.write_text("extends: self-evaluation\nid: raw\nname: 旧模板\nversion: '1'\n"
                        "reasons:\n  rescaled: 按比例折算得{score}分\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "lint", str(set_file)])
    assert "warning: reasons: words rescaled but not rescaled.lost, rescaled.evened" in run.output, run.output
    set_file.write_text(set_file.read_text(encoding="utf-8") + "  rescaled.lost: 失分{deducted}分折算{lost}分\n"
                        "  rescaled.evened: 失分{deducted}分折算{exact}分，计{lost}分\n", encoding="utf-8")
    assert "rescaled-reason" not in CliRunner().invoke(main, ["--lang", "en", "lint", str(set_file)]).output


def test_a_rescaled_weight_that_rounds_back_to_its_declared_one_says_it_is_kept() -> None:
    """QA342 F6: at precision 0, 25 of 99 rescaled to 100 is 25.25, 25 again: the reason said 分值由25调整为25. It says
    分值仍为25（按100 ÷ 99折算后取整）; a weight that changed is said as before."""
    indicator_set = _small_set([1, 32, 25, 22, 20], 0)
    result = score(indicator_set, Facts(values={"r0": 1, "r1": D("0.5"), "r2": 1, "r3": D("0.95"), "r4": 1},
                                        not_applicable={"i0": "本年度不涉及"}))
    assert "分值仍为25（按100 ÷ 99折算后取整），折算得25分" in result.indicator("i2").reason, result.indicator("i2").reason
    assert "分值仍为22（按100 ÷ 99折算后取整），失分1分" in result.indicator("i3").reason
    assert "分值由32调整为33" in result.indicator("i1").reason
    assert "调整为25" not in result.indicator("i2").reason


def test_a_form_of_many_judged_rows_whose_losses_were_evened_reads_back_to_its_total(tmp_path: Path) -> None:
    """QA343 1: a form of some 30 judged rows, many of them evened by a unit, read back a unit or two lower than it was
    written, saying of every row that no judgement fits (64 combinations tried in order, the first rows never varied).
    Settled row by row, each such form scores back to its own total and every printed score, with no warning."""
    rng = random.Random(343)
    indicator_set = load_indicator_set("cost-type-self-evaluation")
    base = json.loads((ROOT / "indicator_sets" / "cost-type-self-evaluation.facts.json").read_text(encoding="utf-8"))
    tiers = [("达成年度指标", 80, 100), ("部分达成并具有一定效果", 60, 79), ("未达成且效果较差", 0, 59)]
    compared = 0
    for k in range(12):
        values = copy.deepcopy(base["facts"])
        for key in ("cost", "output", "benefit"):
            whole = sum(row["weight"] for row in values["targets"][key])
            cuts = sorted(rng.sample(range(1, whole), min(whole, 10) - 1))
            rows = []
            for j, weight in enumerate(b - a for a, b in zip([0, *cuts], [*cuts, whole], strict=True)):
                tier, low, high = rng.choice(tiers)
                judged = D(weight) * rng.randint(low * 100, high * 100 + 99) / 10000 // D("0.01") * D("0.01")
                rows.append({"name": f"{key}{j}", "type": "qualitative", "weight": weight, "tier": tier,
                             "score": judged, "reason": "自评"})
            values["targets"][key] = rows
        trip = _written_and_read(indicator_set, Facts(values=values, not_applicable={"budget": "本年度无财政资金"}),
                                 tmp_path / f"{k}.xlsx")
        if trip is None:
            continue
        first, again, imported = trip
        assert (first.total, _scores(first)) == (again.total, _scores(again)), k
        assert not [w for w in imported.warnings if "no judgement" in str(w)], k
        compared += 1
    assert compared >= 8
