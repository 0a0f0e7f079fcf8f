"""A comparison written in words (大于等于, 不少于, 不超过, 等于; 大于 and 小于, strict) is read alike in a 年度指标值 cell and
in the Sichuan form's 指标性质 column."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, scored_form, written_form
from scoring_engine.cli import main
from scoring_engine.target_rows import parse_comparison

SICHUAN = ROOT / "indicator_sets" / "sichuan-self-evaluation.facts.json"
SHEET = "部门预算项目支出绩效自评表"


@pytest.mark.parametrize(("words", "sign"), [("大于等于", "≥"), ("大于或等于", "≥"), ("不少于", "≥"), ("不低于", "≥"),
                                             ("小于等于", "≤"), ("不多于", "≤"), ("不高于", "≤"), ("不超过", "≤"),
                                             ("等于", "="), (" 不少于 ", "≥")])
def test_a_comparison_in_words_is_the_sign_it_says(words: str, sign: str) -> None:
    """QA217 8: 指标性质 大于等于 was refused as no sign (不是 ≥、≤、= 之一), while a 年度指标值 of 大于等于10公里 was read as ≥10."""
    assert sign == parse_comparison(words)


def test_the_sichuan_forms_nature_column_reads_words_as_the_target_cell_does(tmp_path: Path) -> None:
    """QA217 8: the Sichuan form's 指标性质 column refused 大于等于 and 不超过 ('指标性质 '大于' 不是 ≥、≤、= 之一'), and 大于
    as no sign, where a 年度指标值 cell reads 大于等于10公里 as ≥ and refuses 大于10公里 as strict, with the fix to write ≥.
    The column reads the words so: the form scores, and 大于 or 小于 is refused on its cell as strict, with its fix; 大于10
    in the 指标值 beside it is said on that cell (it was said on the 指标性质 cell, as the 指标性质's)."""
    form = written_form(SICHUAN, tmp_path / "form.xlsx", {"E14": "大于等于", "E15": "不超过", "E17": "等于"})
    code, output = scored_form(form)
    assert 0 == code and "100.00" in output, output
    for words, fix in (("大于", "≥"), ("小于", "≤")):
        form = written_form(SICHUAN, tmp_path / "form.xlsx", {"E14": words})
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
        assert 1 == run.exit_code and run.stderr == (f"错误：{form}: {SHEET}!E14：行 新建供水管网长度：指标性质不能用 "
                                                     f"'{words}'（指标性质只有 ≥、≤、=：改写为 {fix}）\n"), run.stderr
    for nature in ("", "≥"):  # the value cell's words are said on it, not on the 指标性质 beside it
        form = written_form(SICHUAN, tmp_path / "form.xlsx", {"E14": nature, "F14": "大于10"})
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
        assert 1 == run.exit_code and run.stderr == (f"错误：{form}: {SHEET}!F14：行 新建供水管网长度：指标值不能用 '大于'"
                                                     "（指标性质只有 ≥、≤、=：改写为 ≥）\n"), run.stderr


@pytest.mark.parametrize(("nature", "shown"), [("≤", "≤"), ("小于等于", "≤"), ("等于", "=")])
def test_a_nature_disagreeing_with_a_signed_target_is_said_on_the_nature_cell_as_the_nature(tmp_path: Path, nature: str,
                                                                                               shown: str) -> None:
    """QA219 2: 指标性质 ≤ beside a 指标值 ≥10 was said on F14 as '指标值 ≤ 与指标值 '≥10' 不一致', both cells called 指标值;
    it is said on the 指标性质's cell, as 指标性质 ≤, as before the words were read there."""
    form = written_form(SICHUAN, tmp_path / "form.xlsx", {"E14": nature, "F14": "≥10"})
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert 1 == run.exit_code and run.stderr.startswith(f"错误：{form}: {SHEET}!E14：行 新建供水管网长度：指标性质 {shown} "
                                                        "与指标值 '≥10' 不一致"), run.stderr
