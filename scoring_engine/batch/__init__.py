"""Scoring a portfolio: many projects in one run, in input order, with statistics over them.

`score_many` scores documents (facts files, JSONL lines, parsed facts) one by
one or in worker processes and yields one Outcome per document, in order: its
Result, or the problems that stopped it. A project that fails never stops the
others. `summarise` turns outcomes into the statistics the batch reports print.

>>> from scoring_engine import bundled_sets, score_many, summarise
>>> facts = bundled_sets()["self-evaluation"].with_name("self-evaluation.facts.json")
>>> outcomes = list(score_many("self-evaluation", [facts, facts.with_name("missing.json")]))
>>> [(o.ok, o.result.total if o.ok else str(o.problems[0]).split(": ")[-1]) for o in outcomes]
[(True, Decimal('100.00')), (False, 'no such file')]
>>> summary = summarise(outcomes)
>>> summary.scored, summary.failed, summary.sets[0].mean
(1, 1, Decimal('100.00'))

`scoring-engine batch` is the command line over the same functions; see
docs/batch.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from numbers import Integral
from typing import Any

from ..facts import Facts
from ..loader import load_indicator_set, resolve_set
from ..model import IndicatorSet
from .inputs import Document, find_documents
from .pool import MAX_JOBS, ordered_map, usable_cores
from .rows import ProjectRow
from .scoring import Outcome, ScoreDocuments
from .summary import Summary, summarise

__all__ = ["score_many", "summarise", "find_documents", "Outcome", "Document", "ProjectRow", "Summary"]


def score_many(indicator_set: IndicatorSet | str | os.PathLike[str] | None,
               documents: Iterable[Document | Facts | Mapping[str, Any] | str | os.PathLike[str]],
               jobs: int | None = 1) -> Iterator[Outcome]:
    """Score each document and yield its Outcome, in the order of `documents`, whatever `jobs` is.

    `indicator_set` is a loaded set, a set file or a bundled id, or None to
    score each document against the set its facts file names (a process
    keeps the last few dozen sets it loaded). A document is the path of a facts file or of a
    filled 自评表 (.xlsx), a Facts, a mapping of fact values (as score()
    takes), or a Document (see find_documents for folders and JSONL files); a pandas DataFrame's rows are
    df.to_dict("records"). `jobs` above 1 scores in that
    many worker processes (None: one per core); the outcomes are the same. Each
    Result crosses back whole, its audit trail made by the worker, which costs
    more than scoring it here (docs/batch.md): to use several cores, keep only
    what is needed in each worker (rows), or run the batch command. In a
    multiprocessing.Pool's worker, which may start no process, all are scored there.
    Documents are read only as fast as they are scored, so a generator of
    10⁵ documents is never held in memory; they are read a chunk ahead, and
    each mapping is copied as it is read, so a generator may refill one
    mapping for each project.
    """
    if isinstance(documents, (str, bytes, os.PathLike)):  # a string is iterable: each character would be a document
        raise TypeError("documents is a list of documents, not one path: to score a file, folder or JSONL file, pass "
                        "find_documents([path])")
    if _columns_of_rows(documents):  # pandas' df.to_dict(): column → {row number: value} (QA180 F5)
        raise TypeError("documents is a list of documents, not a table's columns (df.to_dict() gives column → {row: "
                        "value}): pass df.to_dict(\"records\"), one mapping of fact values for each row")
    if isinstance(documents, (Mapping, Facts)):  # a mapping is iterable: each of its keys would be a path
        raise TypeError("documents is a list of documents, not one: pass [facts]")
    if hasattr(documents, "columns") and any(hasattr(documents, name) for name in _TABLE_ROWS):  # pandas', polars'
        raise TypeError("documents is a list of documents, not a DataFrame (each of its column names would be read as a "
                        "path): pass df.to_dict(\"records\") for pandas, df.to_dicts() for polars: one mapping of fact "
                        "values for each row")
    if not isinstance(documents, Iterable):  # None: 'NoneType' object is not iterable, said of no argument (QA77 F5)
        raise TypeError(f"documents is a list (or any iterable) of documents, not {type(documents).__name__}")
    if jobs is not None and (type(jobs) is not int or not 1 <= jobs <= MAX_JOBS):  # (QA248 F1: 2**62 read ahead)
        raise TypeError(f"jobs is a whole number from 1 to {MAX_JOBS} (four per core), or None for one per core, "
                        f"not {jobs!r}")
    if isinstance(indicator_set, (str, os.PathLike)):
        indicator_set = load_indicator_set(resolve_set(str(indicator_set)))
    elif indicator_set is not None and not isinstance(indicator_set, IndicatorSet):
        raise TypeError(f"indicator_set is a loaded IndicatorSet, a set file or a bundled id, or None, "
                        f"not {type(indicator_set).__name__}")
    items = ((index, Document.of(item, index, indicator_set=indicator_set)) for index, item in enumerate(documents))
    return ordered_map(partial(ScoreDocuments, indicator_set), items, jobs=jobs or usable_cores())



#: What a table of rows has besides its columns (pandas' DataFrame, polars', and others alike), looked for without
#: importing either (QA180 F5: a polars DataFrame was read as its columns, each a failed project).
_TABLE_ROWS = ("to_dict", "to_dicts", "iterrows", "iter_rows")


#: The keys of a judgement fact, an object itself: facts of judgements alone are no table's columns.
_JUDGEMENT_KEYS = frozenset({"score", "reason", "tier"})


def _columns_of_rows(documents: object) -> bool:
    """Whether `documents` is one mapping of columns, each a mapping of rows: pandas' df.to_dict(), keyed by row numbers,
    or by the labels of df.set_index(...) (QA184 F9): two columns or more with the same rows, each cell a value, or
    columns of no rows at all (an empty table). One column of labels is not told apart from facts nested a level."""
    if not isinstance(documents, Mapping) or not documents or "facts" in documents:
        return False
    columns = list(documents.values())
    if not all(isinstance(column, Mapping) for column in columns):
        return False
    if all(column and all(isinstance(key, Integral) for key in column) for column in columns):
        return True
    rows = set(columns[0])
    return (not rows and all(not column for column in columns)) or (
        len(columns) > 1 and not rows <= _JUDGEMENT_KEYS and all(set(column) == rows for column in columns)
        and not any(isinstance(cell, (Mapping, list)) for column in columns for cell in column.values()))
