"""scoring-engine: score public-spending projects against configurable indicator sets.

>>> from scoring_engine import load_indicator_set, load_facts, score
>>> result = score(load_indicator_set("examples/small/set.yaml"), load_facts("examples/small/facts.json"))  # doctest: +SKIP
>>> result.total, result.grade  # doctest: +SKIP
(Decimal('79.73'), '中')

The names below are loaded on first use (PEP 562), so that ``import
scoring_engine`` stays quick: a command that only validates never loads the
engine, and the reports, explain, jsonschema and openpyxl load only when used.
"""

from . import _early_stop  # noqa: F401 - first: Ctrl-C as the command starts waits until it has loaded (QA163 F7)
from typing import TYPE_CHECKING, Any

from . import _pyyaml_start  # noqa: F401 - before anything imports PyYAML
from ._version import __version__
from .errors import FactsError, FormulaError, IndicatorSetError, Problem, ScoringEngineError, ScoringError
from .render import render

if TYPE_CHECKING:
    from .batch import score_many, summarise
    from .engine import score, scores_only
    from .explain import Explanation, UnknownIndicatorError
    from .facts import Facts
    from .loader import bundled_sets, load_facts, load_indicator_set, parse_facts, parse_indicator_set
    from .model import IndicatorSet
    from .result import IndicatorResult, Result, Scores, ScoreWarning

# name → the module that defines it
_LAZY = {
    "score": "engine",
    "scores_only": "engine",
    "score_many": "batch",
    "summarise": "batch",
    "Facts": "facts",
    "load_indicator_set": "loader",
    "parse_indicator_set": "loader",
    "load_facts": "loader",
    "parse_facts": "loader",
    "bundled_sets": "loader",
    "IndicatorSet": "model",
    "Result": "result",
    "IndicatorResult": "result",
    "Scores": "result",
    "ScoreWarning": "result",
    "Explanation": "explain",
    "UnknownIndicatorError": "explain",
}


if not TYPE_CHECKING:  # a type checker sees the names imported above, and reports any other as missing

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            from importlib import import_module

            value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
            globals()[name] = value  # found once; from then on an ordinary attribute
            return value
        raise AttributeError(f"module 'scoring_engine' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "__version__",
    "load_indicator_set",
    "parse_indicator_set",
    "load_facts",
    "parse_facts",
    "bundled_sets",
    "score",
    "scores_only",
    "score_many",
    "summarise",
    "render",
    "Facts",
    "IndicatorSet",
    "Result",
    "IndicatorResult",
    "Scores",
    "ScoreWarning",
    "Explanation",
    "Problem",
    "ScoringEngineError",
    "IndicatorSetError",
    "FactsError",
    "FormulaError",
    "ScoringError",
    "UnknownIndicatorError",
]
