"""QA330: the Python API (render, parse_facts, load_facts, score, score_many) and the pytest plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, render, score
from scoring_engine.cli import main


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html", "xlsx", "table"])
def test_render_given_the_set_writes_what_score_writes_by_default_the_sets_own_selfeval_form(
        tmp_path: Path, fmt: str) -> None:
    """QA330 F1: render(result, fmt) gave the 评分表 where `score --format fmt` gives a self-evaluation set's own 自评表;
    from Python only the internal reports.layouts.render_layout drew it. render(result, fmt, indicator_set) now gives
    the bytes the command writes; layout= chooses one as --layout does; render(result, fmt) is the 评分表 as before."""
    facts_path = ROOT / "examples" / "resettlement-housing" / "facts.json"
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(str(facts.indicator_set))  # a bundled set, the self-evaluation
    result = score(indicator_set, facts)
    out = tmp_path / f"report.{fmt}"
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(facts_path), "--format", fmt, "--output", str(out)])
    assert 0 == run.exit_code, run.output
    given = render(result, fmt, indicator_set)
    assert out.read_bytes() == (given if isinstance(given, bytes) else given.encode("utf-8"))
    if fmt != "table":
        assert render(result, fmt, indicator_set, layout="scoresheet") == render(result, fmt)
        assert render(result, fmt, layout="selfeval", indicator_set=indicator_set) == given != render(result, fmt)
        with pytest.raises(TypeError, match="pass indicator_set"):
            render(result, fmt, layout="selfeval")
    else:
        with pytest.raises(ScoringEngineError) as caught:
            render(result, fmt, indicator_set, layout="selfeval")
        assert "layout= 只用于 markdown、csv、xlsx、html，不能用于 table" in caught.value.text("zh")
