"""scoring-engine: score public-spending projects against configurable indicator sets.

>>> from scoring_engine import load_indicator_set, load_facts, score
>>> result = score(load_indicator_set("examples/small/set.yaml"), load_facts("examples/small/facts.json"))  # doctest: +SKIP
>>> result.total, result.grade  # doctest: +SKIP
(Decimal('79.73'), '中')
"""

from typing import TYPE_CHECKING, Any

from .engine import score
from .errors import FactsError, FormulaError, IndicatorSetError, Problem, ScoringEngineError, ScoringError
from .facts import Facts
from .loader import bundled_sets, load_facts, load_indicator_set, parse_facts, parse_indicator_set
from .model import IndicatorSet
from .render import render
from .batch import score_many, summarise
from .result import IndicatorResult, Result

from ._version import __version__

if TYPE_CHECKING:
    from .explain import Explanation, UnknownIndicatorError


def __getattr__(name: str) -> Any:
    # explain is loaded on first use: most callers score and render, and never explain.
    if name in ("Explanation", "UnknownIndicatorError"):
        from . import explain

        return getattr(explain, name)
    raise AttributeError(f"module 'scoring_engine' has no attribute {name!r}")

__all__ = [
    "__version__",
    "load_indicator_set",
    "parse_indicator_set",
    "load_facts",
    "parse_facts",
    "bundled_sets",
    "score",
    "score_many",
    "summarise",
    "render",
    "Facts",
    "IndicatorSet",
    "Result",
    "IndicatorResult",
    "Explanation",
    "Problem",
    "ScoringEngineError",
    "IndicatorSetError",
    "FactsError",
    "FormulaError",
    "ScoringError",
    "UnknownIndicatorError",
]
