"""What score() is given from Python: the Facts of a mapping, and problems said of facts that come from no file.

A program passes a mapping (or a Facts it made); the command line and the batch read files. A whole facts document
passed as the values, a file's name passed as the facts, facts that name another set, a missing fact with no file to add
it to: each is said of what the program passed.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any

from ._numpy_values import PANDAS_ROW_HINT, is_pandas_row
from .errors import ADD_THE_FACT, QUOTE_IT, FactsError, Problem, ScoringError
from .facts import Facts, named_set_problem
from .model import IndicatorSet
from .plan import ScoringPlan

__all__ = ["ADD_TO_THE_FACTS", "READ_FORM_HINT", "declares_facts_key", "given_facts", "naming_another_set", "of_no_file",
           "with_own_fix"]


def naming_another_set(err: FactsError | ScoringError, facts: Facts, indicator_set: IndicatorSet) -> FactsError | ScoringError:
    """`err` after a first problem saying the facts name another set by its id, when they do (a path is left to the
    command line, which reads files)."""
    named = facts.indicator_set
    if (not isinstance(named, str) or named_set_problem(named) or named in (indicator_set.id, *indicator_set.extends,
                                                                             *indicator_set.base_ids)
            or any(c in named for c in "/\\") or named.endswith((".yaml", ".yml"))):
        return err
    return type(err)([Problem(f"the facts name the set {named}, and are scored here with {indicator_set.id}",
                              file=facts.source, hint=_named_set_call(named)), *err.problems])


def _named_set_call(named: str) -> str:
    return f"score them with the set they name: load_indicator_set({named!r})"


def with_own_fix(problems: tuple[Problem, ...], facts: Facts, fix: str | None) -> list[Problem]:
    """The `problems` of score(`facts`) said by a command: the line saying the facts name another set with the command's
    `fix` instead of the Python call, or left out for None (diff scores them under another set on purpose: QA119 F3)."""
    call = _named_set_call(str(facts.indicator_set))
    return [dataclasses.replace(p, hint=fix) if p.hint == call else p for p in problems if fix is not None or p.hint != call]


def of_no_file(err: FactsError | ScoringError, facts: Facts) -> FactsError | ScoringError:
    """`err`, its hints to add a missing fact to the facts file, or to quote a project detail, said of the facts given
    when they come from no file (QA330 F10: Decimal("1e30") was told to write it in quotes)."""
    if facts.source is not None or all(p.hint not in _OF_NO_FILE for p in err.problems):
        return err
    return type(err)([dataclasses.replace(p, hint=_OF_NO_FILE[p.hint]) if p.hint in _OF_NO_FILE else p for p in err.problems])


#: The hint for a missing fact of facts given from Python (a mapping), which have no file to add it to.
ADD_TO_THE_FACTS = "add it to the facts given"
#: A file's fixes (a missing fact, a project detail out of range), said of facts a program passes.
_OF_NO_FILE: dict[str | None, str] = {ADD_THE_FACT: ADD_TO_THE_FACTS,
                                      QUOTE_IT: "give it as text (a str), as an id or a code is given"}

#: The fix for the form read_form gives, passed where facts are (score) or a document is (score_many): QA180 F2, QA184 F10.
READ_FORM_HINT = ("pass its facts, read_form(path, indicator_set).facts; or score the form with its warnings by "
                  "score_many(indicator_set, [path])")

#: The keys of a facts document (schemas/facts.schema.json).
_DOCUMENT_KEYS = frozenset({"indicator_set", "project", "facts", "provenance", "written_for", "about", "not_applicable"})


def given_facts(given: Facts | Mapping[str, Any], plan: ScoringPlan) -> Facts:
    """The Facts of a mapping of fact values (or the Facts given); a whole facts document given instead (json.load of a
    facts file, as the mapping or as a Facts' values) is said as such, not as every required fact missing."""
    values = given.values if isinstance(given, Facts) else given
    if isinstance(given, Facts) and given.source is not None and not isinstance(given.source, str):
        # refused here, not by the first problem that names it (QA127 F1); a Path is text already (Facts.__post_init__)
        raise TypeError(f"a Facts' source names its file as text or a Path, not {type(given.source).__name__}")
    if isinstance(getattr(given, "facts", None), Facts) and hasattr(given, "provenance"):  # read_form's ImportedFacts
        raise FactsError("facts must be an object of fact names and values, not the form read by read_form",
                         hint=READ_FORM_HINT)  # (QA180 F2)
    if isinstance(values, (str, bytes, os.PathLike)):  # a file's name or text given for its facts (QA41 F5)
        raise FactsError("facts must be an object of fact names and values, not a file's name or text",
                         hint="read the file with load_facts(path), or the text with parse_facts(text)")
    if is_pandas_row(values):  # a Series is no mapping: told how to make one of it, empty cells left out (QA317 8)
        raise FactsError("facts must be an object of fact names and values, not a pandas Series", hint=PANDAS_ROW_HINT)
    inner = values.get("facts") if isinstance(values, Mapping) else None
    if isinstance(given, Facts) and inner is not None and not set(values) <= _DOCUMENT_KEYS:
        inner = None  # a fact named facts among the project's others: undeclared, warned as such
    if isinstance(inner, Mapping) and not declares_facts_key(plan.set):
        raise FactsError("this mapping is a whole facts document (it has facts:), not the facts' values",
                         hint="pass Facts(values=document['facts'], project=document.get('project', {}), "
                              "not_applicable=document.get('not_applicable', {})), its text to parse_facts, or its file to "
                              "load_facts")  # every part the document gives: 不适用 left out scored those indicators (QA276 F1)
    return given if isinstance(given, Facts) else Facts(values=given)


def declares_facts_key(indicator_set: IndicatorSet) -> bool:
    """Whether the set declares a fact named facts (or facts.…): only then is a mapping with an object at `facts` the
    facts' values rather than a whole facts document."""
    return any(name == "facts" or name.startswith("facts.") for name in indicator_set.facts)
