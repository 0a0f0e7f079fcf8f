"""The texts a test case expects (`cases`): words an error, a warning or a 需说明 flag must contain, matched as written in
English or as printed in Chinese, and the differences that list what the project got, in either language."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from ._command_line import in_python
from ._files import OUTSIDE_HINT
from .errors import Problem
from .model import IndicatorSet
from .result import Result

__all__ = ["contains", "facts_file_fixes", "flags_of", "kind_of", "missing_texts", "not_a_case_file", "set_fixes"]

#: A text the project got, in English, with what says it in Chinese (a problem's, a warning's `.text("zh")`); a flag has
#: none: it is the set's own words, translated where the engine added its own.
Got = tuple[str, Iterable[Any]]

_SLOT = "\0"  # where a difference's list goes, while its own words are translated


def flags_of(result: Result, indicator_set: IndicatorSet) -> list[Got]:
    """The project's 需说明 flags as `batch` lists them: the set's explain_when, or for a set without any the usual rule
    (a low grade, a 预算执行率 below 90%), which `flags: []` could not see (QA55 F8). A flag of the set's listed by the
    labels of the values it read is matched as written too, with its condition and `name = value` (a case written from
    `--lang en`, the JSON, or before the flags were listed so)."""
    from .batch.rows import SetShape, project_row

    listed = project_row(0, "", result, SetShape.of(indicator_set)).flags
    if not indicator_set.explain_when_written:
        return [(text, ()) for text in listed]
    return [(str(flag) + text[len(flag.text("zh")):], (dataclasses.replace(flag, zh=text),)) if flag.zh else (text, ())
            for flag, text in zip(result.flags, listed, strict=True)]


def contains(words: str, texts: list[Got]) -> bool:
    """Whether one of the texts contains `words`, as written in English or as printed in Chinese (each text's problems
    or warnings, translated only when the English does not contain them: an editor copies the line the tool printed)."""
    if any(words in text for text, _ in texts):
        return True
    return not words.isascii() and any(words in said.text("zh") for _, parts in texts for said in parts)


def missing_texts(kind: str, wanted: tuple[str, ...] | None, texts: list[Got]) -> list[tuple[str, str]]:
    """How the warnings (or flags) differ from the words expected: () means none at all. Each difference in English and
    in Chinese."""
    if wanted == () and texts:
        return [_listing(f"expected no {kind}s, got: {_SLOT}", texts)]
    return [_listing(f"no {kind} contains {words!r} ({kind}s: {_SLOT})", texts) for words in wanted or ()
            if not contains(words, texts)]


def _listing(shape: str, texts: list[Got]) -> tuple[str, str]:
    """A difference listing the texts the project got (`shape`, with a slot for them), in English and in Chinese. Its
    Chinese lists each warning as `score --lang zh` prints it; the whole English run through the catalog did not: the
    warnings stayed English, and one holding ', got' was taken for the difference's own words (QA125 F8)."""
    from ._zh import translate

    english = "; ".join(text for text, _ in texts) or "none"
    chinese = "；".join("；".join(p.text("zh") for p in parts) or translate(text) for text, parts in texts) or "无"
    return shape.replace(_SLOT, english), translate(shape).replace(_SLOT, chinese)


def not_a_case_file(data: Any, file: str, error: Callable[[Problem], Exception]) -> None:
    """Raises `error` saying what a file given to `test` is instead, in one line, when its keys tell (QA148 F1: an
    indicator set was told 15 keys to delete, and facts: to be renamed facts_file)."""
    other = _other_kind(data, file)
    if other is not None:
        raise error(other)


def _other_kind(data: Any, file: str) -> Problem | None:
    if not isinstance(data, dict) or ("cases" in data and "indicator_set" in data):  # a case file: not a set with cases:
        return None  # (QA149 F1), nor facts naming their set
    if "engine" in data and "total" in data:
        return Problem("this is a result written by scoring-engine score (it has engine: and total:), not a test cases "
                       "file", file=file, line=1, hint="a case file says what each case expects under expect:")
    if "indicators" in data or "extends" in data:
        return Problem("this is an indicator set (it has indicators: or extends:), not a test cases file", file=file,
                       line=1, hint="write its cases in a file of their own (NAME.cases.yaml, indicator_set: naming it); "
                                    "check the set itself with scoring-engine validate")
    if "facts" in data and not {"case", "facts_file"} & data.keys():  # not a case file with a slip in cases:
        return Problem("this is a facts file (it has facts:), not a test cases file", file=file, line=1,
                       hint=in_python("a case file names it with facts_file:; score it with scoring-engine score",
                                      "score it with score(indicator_set, load_facts(path))"))
    return None


#: The fix in a case file for a file its facts_file names that is no facts file (QA184 F11: a set was told to be given
#: with --set, which `test` has not): by what `load_facts` says the file is.
_IN_A_CASE_FILE = {
    "this is an indicator set (it has indicators: or extends:), not a facts file":
        "name the set with indicator_set: at the top of the case file, and the project's facts file with facts_file:",
    "this is a result written by scoring-engine score (it has engine: and total:), not a facts file":
        "name the facts file it was made from with facts_file:",
}


def facts_file_fixes(problems: Iterable[Problem]) -> list[Problem]:
    """The `problems` of loading the file a case file's facts_file names, each fix one a case file can follow."""
    return [dataclasses.replace(p, hint=_IN_A_CASE_FILE[p.message]) if p.message in _IN_A_CASE_FILE else p
            for p in problems]


#: The fix for a case file's indicator_set outside its folder: `test` has no --set, which score's fix names (QA326 F2)
_SET_OUTSIDE = "move the case file into the set's folder or the set into the case file's, or name a bundled set id"


def set_fixes(problems: Iterable[Problem]) -> list[Problem]:
    """The `problems` of finding the set a case file's indicator_set names, each fix one a case file can follow."""
    return [dataclasses.replace(p, hint=_SET_OUTSIDE) if p.hint == OUTSIDE_HINT else p for p in problems]


def kind_of(value: Any) -> str:
    """What a value of a case file is, for a message (never its repr: it may be long)."""
    if isinstance(value, str):
        return "text" if value.strip() else "empty text"
    return next((said for kind, said in _KINDS if isinstance(value, kind)), type(value).__name__)


#: What values are called, in order (a bool is an int; a YAML date may be a datetime).
_KINDS = ((bool, "true or false"), ((int, Decimal), "a number"), (type(None), "nothing"), (datetime.date, "a date"),
          (list, "a list"), (Mapping, "a mapping"))
