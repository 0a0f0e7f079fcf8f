"""Test cases for indicator sets: facts in, expected total, grade and scores out.

Policy staff keep a ``*.cases.yaml`` file beside a set; `scoring-engine test`
and pytest run it, so an edited set is known to still score as intended::

    indicator_set: set.yaml        # a path relative to this file, or a bundled id
    facts_file: facts.json         # optional: the base facts of every case
    cases:
      - name: 示例项目原样评分
        expect: {total: 79.73, grade: 中, scores: {process.execution: 8}}
      - name: 执行率恰好95%得满分
        overrides: {budget.paid: 190}      # dotted fact names over the base facts; null removes one
        expect: {scores: {process.execution: 10}}
      - name: 缺少预算资金时报错
        overrides: {budget.total: null}
        expect: {error: budget.total}
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import _yaml
from ._arith import in_engine_context, plain
from ._case_scores import score_differences
from ._case_texts import contains, facts_file_fixes, flags_of, kind_of as _kind, missing_texts, not_a_case_file, set_fixes
from ._case_undeclared import facts_for as _facts_for, key_lines, placed_in_case
from ._given_facts import with_own_fix
from ._files import inside_folder, read_yaml_text, shown_path
from ._typing_slips import typed_mapping, with_slips
from ._record import record
from ._text import keeping_lists
from .engine import score
from .errors import FactsError, Problem, ScoringEngineError, did_you_mean
from .facts import Facts
from .loader import load_facts, load_indicator_set, resolve_set
from .model import IndicatorSet

__all__ = ["Case", "CaseFileError", "CaseOutcome", "find_case_files", "load_cases", "run_case"]

CASE_SUFFIX = ".cases.yaml"

_FILE_KEYS = {"indicator_set", "facts_file", "cases"}
_CASE_KEYS = {"name", "facts", "facts_file", "overrides", "not_applicable", "expect"}
_EXPECT_KEYS = {"total", "grade", "scores", "tolerance", "error", "warnings", "flags"}


class CaseFileError(ScoringEngineError):
    """A case file that cannot be read or does not follow the case format."""

    case_number: int | None = None  # of `read_cases`' errors: the case's (0 the first), None for the whole file's


@record
class Expectation:
    total: Decimal | None = None
    grade: str | None = None
    scores: Mapping[str, Decimal] = field(default_factory=dict)
    tolerance: Decimal = Decimal(0)
    error: str | None = None  # words the error must contain: the case expects scoring to fail
    warnings: tuple[str, ...] | None = None  # words that must each appear in some warning; () means no warnings
    flags: tuple[str, ...] | None = None  # the same for the 需说明 flags; () means none


@record
class Case:
    """One case: which set, which facts, what must come out."""

    name: str
    file: str
    line: int | None
    set_file: Path
    facts: Facts
    overrides: Mapping[str, Any]
    expect: Expectation
    own: str | None = None  # "facts" or "facts_file" when the case gives its own (a fact the set lacks fails it)
    keys: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False)  # `key_lines`: where facts are given

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


@record
class CaseOutcome:
    """A case's verdict and, when it failed, each difference in words."""

    case: Case
    differences: tuple[str, ...]
    failure: str = ""  # when scoring failed: the difference's lead ("scoring failed"), before the problems
    problems: tuple[Problem, ...] = ()  # and the problems it failed with
    chinese: Mapping[str, str] = field(default_factory=dict)  # the differences listing warnings or flags, in Chinese

    @property
    def passed(self) -> bool:
        return not self.differences

    def described(self, lang: str = "en") -> tuple[str, ...]:
        """The differences in `lang` ("en" as they are; "zh" in Chinese), to be shown: a failed scoring's lead, then each
        of its problems apart, as score says them (QA326 F5: a facts file's 43 joined were a line of 9,000 characters)."""
        if lang != "zh":
            return (f"{self.failure}:", *map(str, self.problems)) if self.problems else self.differences
        from ._zh import translate

        if self.problems:
            return (translate(self.failure) + "：", *(p.text("zh") for p in self.problems))
        return tuple(self.chinese.get(d) or translate(d) for d in self.differences)


def find_case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Case files named directly, or found below the folders named, in sorted order, each once (a symbolic link to one
    named too is that file)."""
    found: list[Path] = []
    for path in map(Path, paths):
        try:
            kind = os.stat(path).st_mode
        except FileNotFoundError:
            raise CaseFileError(Problem("no such file or folder", file=shown_path(path))) from None
        except UnicodeEncodeError:  # a name the locale cannot hold: said by the command (_path_encoding)
            raise
        except (OSError, ValueError) as err:  # a name too long, a NUL
            raise CaseFileError(Problem(f"cannot read: {getattr(err, 'strerror', None) or err}", file=shown_path(path))) from None
        if stat.S_ISDIR(kind):
            found.extend(sorted(path.rglob(f"*{CASE_SUFFIX}")))
        else:
            found.append(path)  # a device or a pipe is refused when it is read
    # test prov/ prov/prov.cases.yaml runs it once (QA337 7), and a link named beside the file it points to (QA341 8)
    once = {os.path.realpath(p): p for p in reversed(found)}
    return [p for p in found if once.pop(os.path.realpath(p), None) is not None]


def _number(value: Any, what: str, file: str, line: int | None) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):  # total: 100分 as a set's slip is said (QA82 F10)
        from ._schema import describe_value, number_text_hint

        said, hint = _kind(value), None
        if isinstance(value, str):  # points, all (a total, a score, a tolerance): a % is no share to write (QA116 F8)
            said, hint = describe_value(value), number_text_hint(value, key="score")
        raise CaseFileError(Problem(f"{what} must be a number, got {said}", file=file, line=line, hint=hint))
    return Decimal(value)


def _check_keys(raw: Any, allowed: set[str], what: str, file: str, line: int | None,
                key_line: Callable[[str], int | None] = lambda key: None) -> Mapping[str, Any]:
    """`raw` as a mapping of allowed keys; else one problem per unknown key, at its line when `key_line` knows it."""
    if not isinstance(raw, Mapping):
        raise CaseFileError(Problem(f"{what} must be a mapping", file=file, line=line))
    unknown = sorted((k for k in raw if k not in allowed), key=str)
    if unknown:
        raise CaseFileError([Problem(f"unknown key {key!r} in {what}", file=file, line=key_line(key) or line,
                                     hint=did_you_mean(str(key), allowed) or "allowed: " + ", ".join(sorted(allowed)))
                             for key in unknown])
    return raw


def _expectation(raw: Any, what: str, file: str, line: int | None,
                 at: Callable[..., int | None] = lambda *inner: None) -> Expectation:
    """The expect written at `line`; `at(key, …)` is the line of a value inside it."""
    if not isinstance(raw, Mapping):  # left out too: a case must expect something
        raise CaseFileError(Problem("expect must be a mapping", file=file, line=line, hint=None if raw is not None else
                                    "the case has no expect: write expect: {total: …}, {scores: {…}} or {error: …}"))
    raw = _check_keys(raw, _EXPECT_KEYS, what, file, line)
    if not raw:
        raise CaseFileError(Problem("expect is empty: a case must expect something", file=file, line=line))
    scores = raw.get("scores", {})
    if not isinstance(scores, Mapping):
        raise CaseFileError(Problem(f"scores must map indicator ids to scores, got {_kind(scores)}", file=file, line=line))
    _checks_something(raw, scores, file, line)
    for key in ("warnings", "flags"):
        texts = raw.get(key, [])
        if not isinstance(texts, list) or not all(isinstance(w, str) for w in texts):
            raise CaseFileError(Problem(f"{key} must be a list of texts", file=file, line=line))
    _refuse_blank(raw, file, lambda *inner: at(*inner) or line)
    tolerance = _number(raw.get("tolerance", 0), "tolerance", file, line)
    if tolerance < 0:
        raise CaseFileError(Problem(f"tolerance must not be negative, got {plain(tolerance)}", file=file, line=line,
                                    hint="the largest difference allowed, 0 for exact"))
    return Expectation(
        total=_number(raw["total"], "total", file, line) if "total" in raw else None,
        grade=str(raw["grade"]) if "grade" in raw else None,
        scores={k: _number(v, f"score of {k}", file, line) for k, v in scores.items()},
        tolerance=tolerance, error=str(raw["error"]) if "error" in raw else None,
        warnings=tuple(raw["warnings"]) if "warnings" in raw else None, flags=tuple(raw["flags"]) if "flags" in raw else None)


def _refuse_blank(raw: Mapping[str, Any], file: str, at: Callable[..., int | None]) -> None:
    """An empty grade names no grade, and an empty flag or warning text is in every one: each is refused at its line, as
    an empty error is (QA125 F4, F6)."""
    if "grade" in raw and (raw["grade"] is None or not str(raw["grade"]).strip()):
        raise CaseFileError(Problem("grade is empty: it names no grade", file=file, line=at("grade"),
                                    hint="write the grade the case expects, such as 优, or leave grade out"))
    blanks = [Problem(f"{key} holds an empty text, which every {kind} contains", file=file, line=at(key, n),
                      hint=f"copy a part of the {kind} the case expects, or write {key}: [] for none")
              for key, kind in (("warnings", "warning"), ("flags", "flag"))
              for n, text in enumerate(raw.get(key, [])) if not text.strip()]
    if blanks:
        raise CaseFileError(sorted(blanks, key=lambda p: p.line or 0))


def _checks_something(raw: Mapping[str, Any], scores: Mapping[str, Any], file: str, line: int | None) -> None:
    """An expect whose every key checks nothing passed whatever the set did (QA55 F2): refused, as an empty one is."""
    if "scores" in raw and not scores:
        raise CaseFileError(Problem("scores is empty: it checks nothing", file=file, line=line,
                                    hint="name each indicator and its score (scores: {output.quality: 8}), or leave scores out"))
    if not raw.keys() - {"tolerance"}:
        raise CaseFileError(Problem("expect holds only tolerance, which checks nothing by itself", file=file, line=line,
                                    hint="add the total or the scores it applies to"))
    if "error" in raw and (not isinstance(raw["error"], str) or not raw["error"].strip()):
        raise CaseFileError(Problem("error must be words the error contains; empty, it matches any error", file=file,
                                    line=line, hint="copy a part of the message the case expects, such as budget.total"))
    beside = sorted(raw.keys() & {"total", "grade", "scores", "warnings", "flags"}) if "error" in raw else []
    if beside:  # a project that fails has none of them: they would never be looked at
        raise CaseFileError(Problem(f"a case expecting an error has no {', '.join(beside)} to check", file=file, line=line,
                                    hint="expect the error alone, and what it scores in a case of its own"))


@in_engine_context
def load_cases(path: str | Path) -> list[Case]:
    """The cases of one case file; CaseFileError (or the set's own error) when it cannot be used. The set and the facts
    files a case file names are bundled set ids or paths inside the case file's folder (`_files.inside_folder`)."""
    cases, failed, _ = read_cases(path)
    if len(failed) == 1:
        raise failed[0]
    if failed:  # in the file's line order; a facts file's own problems stay after the line naming it (QA128 F5)
        file, at = str(Path(path)), (0, 0)
        placed = [(at := (p.line or 0, p.column or 0) if p.file in (file, None) else at, p) for e in failed for p in e.problems]
        raise CaseFileError([problem for _, problem in sorted(placed, key=lambda pair: pair[0])])
    return cases


def read_cases(path: str | Path) -> tuple[list[Case], list[ScoringEngineError], int]:
    """The cases of one case file that can be run, the errors of the rest, and how many cases those are: `scoring-engine
    test` runs the good ones beside a case with a slip (QA44 F9). An error of the whole file (its set, its YAML) raises."""
    path = Path(path)
    file = str(path)
    text, _ = read_yaml_text(path, CaseFileError)
    try:  # values the reader refuses (.nan, a tag) are said with the cases' own mistakes, not one round before them
        located = _yaml.load(text, file)
    except _yaml.YamlError as err:
        raise CaseFileError(err.problems) from None
    try:
        doc, set_file, base = _head(located, path)
    except ScoringEngineError as err:  # a value the reader refused up there (.nan, a tag) is what to say, with the rest
        if any(len(at) == 1 for at in located.rejected):
            raise CaseFileError(located.problems) from None
        raise CaseFileError([*located.problems, *err.problems]) if located.problems else err from None
    cases: list[Case] = []
    names: dict[str, int] = {}  # each case's name, and its number
    failed: list[ScoringEngineError] = _reader_slips(located, len(doc["cases"]))
    # A value the reader refused is said by it. Deep in a case (expect's tolerance) the case is read without it, for
    # its other mistakes; as a case's own key (its expect, its name) the case is not checked further: it would be blamed
    # for lacking what it has.
    refused = {at[1] for at in located.rejected if at[:1] == ("cases",) and len(at) in (2, 3)}
    for at in located.rejected:
        holder = _holding(doc, at) if len(at) > 3 and at[0] == "cases" else None
        if isinstance(holder, dict):
            holder.pop(at[-1], None)
        if holder is not None and not (isinstance(holder, dict) and holder):  # an item of a list, the only key of expect
            refused.add(at[1])
    # a case holding a value the reader refused is checked for its other mistakes, and not run (it lacks the value)
    bad = {at[1] for at in located.rejected if at[:1] == ("cases",) and len(at) > 1}
    slipped = _slipped(located, len(doc["cases"])) - bad  # the cases of a refused value are checked for their other slips
    bad |= slipped
    refused |= slipped  # what is left of it may lack what the slip dropped (scores: {1.1: 99} is left empty)
    for i, given in enumerate(doc["cases"]):
        try:
            case = _case(i, given, names, path, located, set_file, base)
        except ScoringEngineError as err:  # every case's problems in one run, not one per run
            if i not in refused:  # a full-width colon in a key is named as the slip it is (QA82 F5)
                slipped_err = type(err)(with_slips(err.problems, text)) if isinstance(err, CaseFileError) else err
                failed.append(_numbered(slipped_err, i))
            bad.add(i)
            continue
        if i not in bad:
            cases.append(case)
    if any(at[:1] != ("cases",) or len(at) < 2 for at in located.rejected):  # a value of the whole file refused
        return [], failed, len(doc["cases"])
    top = any(p.column is not None and p.column <= 1 for p in located.problems)  # a file's key twice: one failure more
    return cases, failed, len(bad) + top


def _slipped(located: Any, count: int) -> set[int]:
    """The cases holding a slip the YAML reader reports and reads past (a key written twice keeps its first value, a key
    that is not text, 1.1, is dropped): run without it they could only pass (QA55 F1), so they are not run. A slip at
    the top level (a second `cases:` block, never read) is the file's: `read_cases` counts it as one more failure."""
    return {owner for owner in _owners(located, count) if owner is not None}


def _owners(located: Any, count: int) -> list[int | None]:
    """The case holding each problem the YAML reader reported (the last case that begins at or above it), or None for a
    slip of the file's own (at the top level)."""
    starts = [(located.where(("cases", i)) or (None, None))[0] for i in range(count)]
    return [None if problem.line is None or problem.column is None or problem.column <= 1 else
            max((i for i, start in enumerate(starts) if start is not None and start <= problem.line), default=None)
            for problem in located.problems]


def _reader_slips(located: Any, count: int) -> list[ScoringEngineError]:
    """The YAML reader's problems as one error per case holding them, in their order: pytest fails each case on its own
    (QA181 F4: three cases' slips were one item). A slip of the file's own goes with the first."""
    owners = _owners(located, count)
    held: list[int | None] = list(dict.fromkeys(owner for owner in owners if owner is not None)) or [None]
    return [_numbered(CaseFileError([p for p, owner in zip(located.problems, owners, strict=True)
                                     if (held[0] if owner is None else owner) == case]), case)
            for case in held] if located.problems else []


def _numbered(err: ScoringEngineError, case: int | None) -> ScoringEngineError:
    if isinstance(err, CaseFileError):
        err.case_number = case
    return err


def _holding(data: Any, at: tuple[str | int, ...]) -> Any:
    """What holds the value at path `at` in the read data (None when the path leads nowhere)."""
    for part in at[:-1]:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _head(located: Any, path: Path) -> tuple[Mapping[str, Any], Path, Facts | None]:
    """The case file's top level: its keys, the set it names and the facts file it names for every case, if any."""
    file = str(path)
    not_a_case_file(located.data, file, CaseFileError)
    doc = _check_keys(located.data, _FILE_KEYS, "the case file", file, 1)
    if "indicator_set" not in doc or not isinstance(doc.get("cases"), list) or not doc["cases"]:
        raise CaseFileError(Problem("a case file needs indicator_set and a non-empty list of cases", file=file, line=1))
    failed: list[Problem] = []  # the set's and the facts file's problems in one run (QA326 F2)
    try:
        with _at(file, where := located.where(("indicator_set",))):
            set_file = resolve_set(_text(doc["indicator_set"], "indicator_set", file, where), relative_to=path.parent)
    except CaseFileError as err:
        failed += set_fixes(err.problems)  # not score's --set, which test has not
    try:
        with _at(file, located.where(("facts_file",))):
            base = _facts_file(doc, path, located.where(("facts_file",))) if "facts_file" in doc else None
    except CaseFileError as err:
        failed += err.problems
    if failed:
        raise CaseFileError(failed)
    return doc, set_file, base


def _case(i: int, given: Any, names: dict[str, int], path: Path, located: Any, set_file: Path, base: Facts | None) -> Case:
    """Case number `i` of the file as written (`given`), its name not one of `names` (to which it is added)."""
    file = str(path)
    line = (located.where(("cases", i)) or (None, None))[0]
    name = given.get("name") if isinstance(given, Mapping) else None
    if isinstance(name, str) and name.strip() and name not in names:  # kept by a case refused for a slip too (QA119 F2)
        names[name] = i + 1
    raw = _check_keys(given, _CASE_KEYS, f"case {i + 1}", file, line,
                      lambda key: (located.where(("cases", i, key), key=True) or (None, None))[0])
    if name is not None and not isinstance(name, str):  # name: 123 is a number, not a name given twice (QA55 F9)
        raise CaseFileError(Problem(f"case {i + 1}: name must be text, got {_kind(name)}", file=file, line=line,
                                    hint=f"write it in quotes: name: '{name}'" if isinstance(name, (int, Decimal)) else None))
    if not isinstance(name, str) or not name.strip():
        raise CaseFileError(Problem(f"case {i + 1} needs a name of its own", file=file, line=line))
    twice = [Problem(f"case {i + 1} needs a name of its own: case {names[name]} is named {name}", file=file, line=line,
                     hint="give each case a different name")] if names[name] != i + 1 else []  # which has it (QA82 F10)
    try:  # the clash is said with the case's other mistake, not one run after it (QA119 F2)
        at = {key: (located.where(("cases", i, key)) or (line, None))[0] for key in ("overrides", "not_applicable")}
        facts = _case_facts(raw, base, path, name, (line, at["not_applicable"]), located.where(("cases", i, "facts_file")))
        overrides = raw.get("overrides", {})
        if not isinstance(overrides, Mapping):  # said on its value's line: `budget.paid：190` is a slip named there (QA85 F4)
            raise CaseFileError(Problem("overrides must map fact names to values", file=file, line=at["overrides"],
                                        hint=typed_mapping(overrides)))
        expect_line = (located.where(("cases", i, "expect")) or (line, None))[0]
        expectation = _expectation(raw.get("expect"), f"the expect of case {i + 1}", file, expect_line,
                                   lambda *inner: (located.where(("cases", i, "expect", *inner)) or (None, None))[0])
    except ScoringEngineError as err:
        raise type(err)([*twice, *err.problems]) if twice else err from None
    if twice:
        raise CaseFileError(twice)
    own = next((key for key in ("facts", "facts_file") if key in raw), None)
    return Case(name, file, line, set_file, facts, overrides, expectation, own, key_lines(located, i, raw))


@contextmanager
def _at(file: str, where: tuple[int, int] | None, case: str | None = None) -> Iterator[None]:
    """A problem of a file the case file names (a set, a facts file) placed where it names it, in the `case` naming it."""
    try:
        yield
    except ScoringEngineError as err:
        line, column = where if where else (None, None)
        placed = [p.located(file=file, line=line, column=column) if p.file is None else p for p in err.problems]
        raise CaseFileError([replace(p, message=keeping_lists(f"in case {case}: {p.message}", p.message))
                             if case is not None and p.file == file else p for p in placed]) from None


def _text(value: Any, what: str, file: str, where: tuple[int, int] | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CaseFileError(Problem(f"{what} must be text (a path or a bundled set id), got {_kind(value)}", file=file,
                                    line=where[0] if where else None, column=where[1] if where else None))
    return value


def _facts_file(raw: Mapping[str, Any], path: Path, where: tuple[int, int] | None) -> Facts:
    """The facts file a case file (or one case) names, inside the case file's folder."""
    ref = _text(raw["facts_file"], "facts_file", str(path), where)
    try:
        return load_facts(inside_folder(ref, path.parent, "facts_file", CaseFileError))
    except FactsError as err:  # its own problems say where in it to fix, after the line naming it (QA128 F5)
        raise CaseFileError([Problem(f"facts_file {ref!r} cannot be read:", str(path), *(where or ())),
                             *facts_file_fixes(err.problems)]) from None


def _case_facts(raw: Mapping[str, Any], base: Facts | None, path: Path, name: str, lines: tuple[int | None, int | None],
                where: tuple[int, int] | None) -> Facts:
    """A case's facts: its own, its facts file's (named at `where`) or the file's; its not_applicable (at `lines[1]`)."""
    file = str(path)
    line = lines[0]
    facts = base
    if "facts_file" in raw:
        with _at(file, where, name):  # at its line, as the file's own facts_file is, and in its case (QA125 F5)
            facts = _facts_file(raw, path, where)
    if "facts" in raw:
        if not isinstance(raw["facts"], Mapping):
            raise CaseFileError(Problem(f"case {name}: facts must map fact names to values, got {_kind(raw['facts'])}",
                                        file=file, line=line))
        facts = Facts(values=raw["facts"], source=f"{file}::{name}")
    if facts is None:
        raise CaseFileError(Problem(f"case {name} has no facts: give facts, facts_file, or a facts_file for the whole file",
                                    file=file, line=line))
    if "not_applicable" in raw:
        marked = raw["not_applicable"]
        if not isinstance(marked, Mapping) or not all(isinstance(v, str) for v in marked.values()):
            wrong = next((k for k, v in marked.items() if not isinstance(v, str)), None) if isinstance(marked, Mapping) else None
            said = f"its reason for {wrong} is {_kind(marked[wrong])}" if wrong is not None else f"got {_kind(marked)}"
            raise CaseFileError(Problem(f"case {name}: not_applicable must map indicator ids to reasons, {said}",  # (QA87 F7)
                                        file=file, line=lines[1], hint=typed_mapping(marked) or "write {indicator id: reason}"))
        # its slips are the case's own, not the facts file's it started from (QA55 F6)
        facts = Facts(values=facts.values, not_applicable=marked, project=facts.project, source=f"{file}::{name}")
    return facts


@in_engine_context
def run_case(case: Case, sets: dict[Path, IndicatorSet] | None = None) -> CaseOutcome:
    """Score the case's facts and compare with what it expects; `sets` caches loaded sets between cases."""
    sets = {} if sets is None else sets
    if case.set_file not in sets:
        sets[case.set_file] = load_indicator_set(case.set_file)
    indicator_set = sets[case.set_file]
    expect = case.expect
    try:
        result = score(indicator_set, _facts_for(case, indicator_set))
    except ScoringEngineError as err:  # facts naming another set: the case file's fix, not score()'s Python call (QA119 F3)
        err = type(err)(with_own_fix(placed_in_case(case, err.problems), case.facts, "give the cases facts written for "
                                     f"{indicator_set.id}, or test these facts in a case file of {case.facts.indicator_set}"))
        if expect.error is not None and contains(expect.error, [(str(err), err.problems)]):
            return CaseOutcome(case, ())
        failure = f"expected an error containing {expect.error!r}, got" if expect.error else "scoring failed"
        return CaseOutcome(case, (f"{failure}: " + "; ".join(str(p) for p in err.problems),), failure, err.problems)
    if expect.error is not None:
        return CaseOutcome(case, (f"expected an error containing {expect.error!r}, but it scored {result.total} {result.grade}",))
    differences = score_differences(expect, result, indicator_set)
    listed = missing_texts("warning", expect.warnings, [(str(w), (w,)) for w in result.warnings])
    if expect.flags is not None:
        listed += missing_texts("flag", expect.flags, flags_of(result, indicator_set))
    return CaseOutcome(case, (*differences, *(english for english, _ in listed)), chinese=dict(listed))

