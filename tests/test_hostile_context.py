"""The caller's decimal context never reaches the engine: the whole pipeline under hostile contexts, byte for byte.

A program embedding the engine may have set any decimal context: six digits
rounding down, two digits, traps on every rounding, a tiny exponent range. Each
public function -- loading and parsing sets and facts, scoring (with or without
the audit trail), every renderer and form layout, explain, the result's JSON,
the test cases, a batch and its summary -- runs under the engine's own context,
so every output is the same bytes as under the default context.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from scoring_engine import (load_facts, load_indicator_set, parse_facts, parse_indicator_set, render, score, score_many,
                            scores_only, summarise)
from scoring_engine.cases import load_cases, run_case
from scoring_engine.render import RENDERERS
from scoring_engine.reports.layouts import blank_form, render_layout

EXAMPLES = [ROOT / "examples" / name for name in ("small", "channel-restoration", "resettlement-housing")]

HOSTILE = {
    "prec-6-round-down": decimal.Context(prec=6, rounding=decimal.ROUND_DOWN),
    "prec-2": decimal.Context(prec=2),
    "traps-inexact-rounded": decimal.Context(traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation]),
    "traps-everything": decimal.Context(traps=list(decimal.getcontext().flags)),
    "one-digit-no-traps": decimal.Context(prec=1, rounding=decimal.ROUND_CEILING, traps=[]),
    "tiny-exponents-clamped": decimal.Context(prec=4, Emin=-3, Emax=3, rounding=decimal.ROUND_05UP, clamp=1),
}


def _set_of(example: Path) -> Path:
    own = example / "set.yaml"
    return own if own.is_file() else ROOT / "indicator_sets" / "self-evaluation.yaml"


def _everything(example: Path) -> dict[str, Any]:
    """Every output the public functions give for an example: each format, each indicator explained, the cases' verdicts."""
    set_file, facts_file = _set_of(example), example / "facts.json"
    indicator_set = load_indicator_set(set_file)
    parsed = parse_indicator_set(set_file.read_text(encoding="utf-8"), str(set_file))
    facts = load_facts(facts_file)
    result = score(indicator_set, facts)
    seen: dict[str, Any] = {fmt: renderer(result) for fmt, renderer in RENDERERS.items()}
    seen["render"] = render(result, "markdown")
    seen["to_json"] = result.to_json()
    seen["parsed"] = score(parsed, parse_facts(facts_file.read_text(encoding="utf-8"), str(facts_file))).to_json()
    seen["explain"] = [str(result.explain(node.id)) for node in result.walk()]
    sets: dict[Path, Any] = {}
    seen["cases"] = [run_case(case, sets).differences for case in load_cases(example / "set.cases.yaml")]
    seen["grades"] = [indicator_set.grade_for(decimal.Decimal(t)) for t in ("0", "59.99", "60", "85.5", "100")]
    seen["scores_only"] = scores_only(indicator_set, facts)
    seen["selfeval"] = {fmt: render_layout(result, indicator_set, fmt, "selfeval") for fmt in ("markdown", "csv", "html", "xlsx")}
    seen["blank_form"] = blank_form(indicator_set, "csv")
    outcomes = list(score_many(indicator_set, [facts, facts]))
    seen["batch"] = ([o.row for o in outcomes], summarise(outcomes))
    return seen


@pytest.fixture(scope="module")
def expected() -> dict[Path, dict[str, Any]]:
    """What the default context gives, per example."""
    return {example: _everything(example) for example in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
@pytest.mark.parametrize("name", HOSTILE)
def test_the_whole_pipeline_ignores_the_callers_context(name: str, example: Path, expected: dict[Path, dict[str, Any]]) -> None:
    """Loading, scoring, rendering every format, explaining every indicator and running the cases give the same bytes."""
    with decimal.localcontext(HOSTILE[name]):
        seen = _everything(example)
    for key, value in expected[example].items():
        assert value == seen[key], key


def test_the_callers_context_is_left_as_it_was() -> None:
    """After the engine ran, the caller's context has the precision, rounding and traps it had, and no new flags."""
    mine = decimal.Context(prec=6, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact])
    with decimal.localcontext(mine) as inside:
        _everything(EXAMPLES[0])
        assert (6, decimal.ROUND_DOWN, True) == (inside.prec, inside.rounding, inside.traps[decimal.Inexact])
        assert not any(inside.flags.values())


def test_public_functions_run_under_the_engines_context() -> None:
    """Each public entry point is wrapped: inside it the context is the engine's, whatever the caller set."""
    import scoring_engine
    from scoring_engine import _arith

    inner: list[decimal.Context] = []
    probe: Callable[[], None] = _arith.in_engine_context(lambda: inner.append(decimal.getcontext()))
    with decimal.localcontext(decimal.Context(prec=2)):
        probe()
    assert (_arith.CONTEXT.prec, _arith.CONTEXT.Emax) == (inner[0].prec, inner[0].Emax)
    for name in ("load_indicator_set", "parse_indicator_set", "load_facts", "parse_facts", "score", "scores_only", "render"):
        assert hasattr(getattr(scoring_engine, name), "__wrapped__"), name


def test_importing_the_engine_neither_depends_on_nor_changes_the_callers_context() -> None:
    """QA127 F5: module constants were computed at import in the importing thread's context: under prec=12 the import
    set the caller's Rounded flag (with Rounded trapped, `import scoring_engine` failed), and under Emax=12
    LARGEST_MAGNITUDE became Infinity for the life of the process, so 1e40 was taken as a fact. Every module is imported
    here under a context that traps everything, with one digit and a tiny exponent range, in a fresh process."""
    import subprocess
    import sys

    program = """if True:
        import decimal, importlib, pkgutil
        context = decimal.Context(prec=1, Emin=-1, Emax=1, traps=list(decimal.getcontext().flags))
        decimal.setcontext(context)
        import scoring_engine
        for module in pkgutil.walk_packages(scoring_engine.__path__, "scoring_engine."):
            if module.name not in ("scoring_engine.__main__", "scoring_engine.pytest_plugin"):
                importlib.import_module(module.name)
        assert not any(context.flags.values()), context.flags
        decimal.setcontext(decimal.Context())
        from scoring_engine._arith import LARGEST_MAGNITUDE
        assert LARGEST_MAGNITUDE == 10**15, LARGEST_MAGNITUDE
        try:
            scoring_engine.parse_facts('{"facts": {"budget": {"total": 1e40}}}')
        except scoring_engine.FactsError as err:
            print(err.problems[0].message)
    """
    done = subprocess.run([sys.executable, "-c", program], check=False, capture_output=True, text=True, cwd=ROOT)
    assert 0 == done.returncode, done.stderr
    assert "1E+40 is out of range" in done.stdout
