"""lint: how a mismatch between the 评分标准 and the rule is quoted and shown (QA119 F5). Each case is
examples/small/set.yaml with one standard (or rule) rewritten."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from scoring_engine._zh import translate
from scoring_engine.lint import LintWarning, lint_file

SMALL = ROOT / "examples" / "small" / "set.yaml"
SATISFACTION = "≥90%得6分；80%（含）–90%得4分；60%（含）–80%得2分；低于60%不得分。"
QUALITY = "达标率100%得满分；每低1个百分点扣分值的5%；80%及以下不得分。"


def _mismatches(tmp_path: Path, *edits: tuple[str, str]) -> list[LintWarning]:
    text = SMALL.read_text(encoding="utf-8")
    for old, new in edits:
        assert 1 == text.count(old), old
        text = text.replace(old, new)
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    return [w for w in lint_file(tmp_path / "set.yaml")[1] if w.code == "standard-mismatch"]


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
