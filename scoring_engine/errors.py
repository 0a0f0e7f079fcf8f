"""Errors a user can cause, as objects with fields.

Every problem carries where it is (file, line, column, JSON path), what it is
about (indicator, fact, expression) and, where we know it, how to fix it. An
exception holds one or more problems so that a policy editor sees every mistake
in a file at once; the CLI prints one line per problem.

What is data raises these: a set's text, a facts file, and whatever is given to
score() as the facts (it may be a user's upload, so a text or None there is a
FactsError). An argument a program sets of the wrong kind (a set's id where a
loaded IndicatorSet goes, None for a path, a dict to load_facts) is a slip in
the program and raises TypeError, as Python's own functions do.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ._record import record
from ._patterns import compile_later
from ._text import path_shown

__all__ = [
    "Problem",
    "ScoringEngineError",
    "IndicatorSetError",
    "FactsError",
    "FormulaError",
    "ScoringError",
    "UnknownIndicatorError",
    "did_you_mean",
    "closest",
    "MAX_SUGGESTION_CANDIDATES",
    "MAX_SUGGESTION_LENGTH",
    "MAX_SUGGESTION_WORK",
    "json_path",
    "named_source",
    "ADD_THE_FACT",
    "ADD_TO_THE_ROW",
    "QUOTE_IT",
    "STDIN",
]

#: The hint of every problem about a fact the facts do not give (a filled form names the cell to fill instead).
ADD_THE_FACT = "add it to the facts file"
ADD_TO_THE_ROW = "write it in the row"  # a target row lacks a field its rule reads (its 实际完成值, its tier)
#: The fix for a project detail out of range (an id of 18 digits) in a file; from Python it is said otherwise (_given_facts).
QUOTE_IT = "write it in quotes, as text"
#: The file a problem of standard input names (`score -`), as tools read it; a Chinese line says 标准输入, as --help does.
STDIN = "<stdin>"


def wants_chinese(lang: str) -> bool:
    """Whether a `text(lang)` is asked in Chinese: "zh", and "zh-CN", "zh_CN", "ZH" as a program may pass it."""
    return isinstance(lang, str) and lang.lower().replace("_", "-").split("-")[0] == "zh"


@record
class Problem:
    """One mistake, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    indicator: str | None = None
    fact: str | None = None
    expression: str | None = None
    hint: str | None = None

    def located(self, **fields: object) -> Problem:
        """The same problem with the given fields filled in where still unknown."""
        missing: dict[str, Any] = {k: v for k, v in fields.items() if v is not None and getattr(self, k) is None}
        return replace(self, **missing) if missing else self

    def named_at(self, file: str | None, path: str) -> Problem:
        """The problem placed at `path` of `file`, the file naming what failed (a set named by a facts file), when it has
        no file of its own; one placed in another file (a line of the set) keeps its place whole: a data path of the
        naming file beside that file's line pointed nowhere."""
        return self if self.file is not None else self.located(file=file, path=path)

    def text(self, lang: str = "en") -> str:
        """The problem as one line in `lang`: "en" is str(problem); "zh" has the same place and fields, the words in Chinese.

        >>> Problem("missing key 'value'", file="set.yaml", line=25, column=15, indicator="process.execution").text("zh")
        "set.yaml:25:15: 指标 process.execution：缺少键 'value'"
        """
        if not wants_chinese(lang):
            return str(self)
        from ._zh import translate  # the catalog loads with the first message shown in Chinese

        # a fact's own place ($.facts.budget.paid), or an item of it ($.facts.findings[0]: 第 1 项, after its name), is not
        # said as a path before its label and name, which say it; nor $.facts before "facts …" (QA263 F5)
        item = _ITEM.fullmatch(self.path or "")
        own = (self.fact is not None and mentions(self.message, self.fact) and (
            self.path == f"$.facts.{self.fact}" or (item is not None and item[1] == self.fact))) or (
            self.path == "$.facts" and self.message.startswith("facts "))
        about = [f"指标 {self.indicator}"] if self.indicator else \
            [self.path] if self.path and self.path != "$" and not own else []
        if self.fact and not mentions(self.message, self.fact):
            about.append(f"事实 {self.fact}")
        said = translate(self.message)
        if own and item is not None:
            named = f"（{self.fact}）："
            said = said.replace(named, f"（{self.fact}）第 {int(item[2]) + 1} 项：", 1) if named in said else \
                f"第 {int(item[2]) + 1} 项：{said}"
        if self.file == STDIN and said.startswith("文件") and not said.startswith("文件夹"):
            said = "输入" + said[2:]  # 输入是空的: what was piped in is no file (QA214 10)
        text = self._where("标准输入") + (f"{'，'.join(about)}：" if about else "") + said
        if self._expression_shown():
            text += f"（公式 `{self._expression_shown()}`）"
        if self.hint:
            text += f"（{translate(self.hint)}）"
        return text

    def _where(self, stdin: str = STDIN) -> str:
        """'file:line:column: ', as far as they are known; standard input named `stdin`; 'line:column: ' in a text given
        without its file (parse_indicator_set(text): QA330 F6)."""
        if not self.file and self.line is None:
            return ""
        where = "" if not self.file else stdin if self.file == STDIN else path_shown(self.file)  # new\nline.json, as typed
        if self.line is not None:  # (QA320 F8)
            where += f":{self.line}" if where else str(self.line)
            if self.column is not None:
                where += f":{self.column}"
        return where + ": "

    def _expression_shown(self) -> str | None:
        """The expression, cut to 80 characters, when the message does not quote it already."""
        expression = self.expression
        if not expression or f"`{expression}`" in self.message or mentions(self.message, expression):
            return None
        return expression if len(expression) <= 80 else expression[:77] + "..."

    def __str__(self) -> str:
        where = self._where()
        about = []
        if self.indicator:
            about.append(f"indicator {self.indicator}")
        elif self.path and self.path != "$":
            about.append(self.path)
        if self.fact and not mentions(self.message, self.fact):
            about.append(f"fact {self.fact}")
        text = where + (f"{', '.join(about)}: " if about else "") + self.message
        shown = self._expression_shown()
        if shown:
            text += f" in `{shown}`"
        if self.hint:
            text += f" ({self.hint})"
        return text


def named_source(source: object) -> str | None:
    """A `source=` argument (the file a text came from, as every problem names it): text as given, a Path (any
    os.PathLike) as its text; any other kind is refused at the call, not when a problem is said (QA127 F1)."""
    if source is None or isinstance(source, str):
        return source
    if isinstance(source, os.PathLike):
        return os.fsdecode(source)
    raise TypeError(f"source names the file in messages, as text or a Path, not {type(source).__name__}")


#: a path to an item of a fact's list: $.facts.findings.compliance[0], or a field of it ($.facts.targets[2].actual)
_ITEM = compile_later(r"\$\.facts\.([^\[\]]+)\[(\d{1,9})\](?:\.\w+)?")


def mentions(message: str, name: str) -> bool:
    r"""Whether `message` mentions `name` as a whole word (not 't' inside 'the'): with no word character or dot either
    side, as the pattern (?<![\w.])NAME(?![\w.]) matches, found without compiling a pattern for each name (QA318 F6:
    6,000 missing facts made 30,000 patterns, most of a `test` run of 145 s).

    >>> mentions("fact budget.paid is missing", "budget.paid"), mentions("the total", "t"), mentions("a.b.c", "b")
    (True, False, False)
    """
    if not name:
        return re.search(r"(?<![\w.])(?![\w.])", message) is not None
    start = message.find(name)
    while start >= 0:
        end = start + len(name)
        if not (start and _word_part(message[start - 1])) and not (end < len(message) and _word_part(message[end])):
            return True
        start = message.find(name, start + 1)
    return False


def _word_part(character: str) -> bool:
    r"""Whether `character` is one \w matches (a letter or digit of any script, or _) or a dot."""
    return character.isalnum() or character in "_."


#: Names a misspelt name is compared with, at most (the first so many): a slip is one name among a few, not one in a
#: million. A set's facts, ids and values are a few hundred at most.
MAX_SUGGESTION_CANDIDATES = 1_000
#: A name longer than this (in characters) is offered nothing, and none longer is offered: names are a few dozen.
MAX_SUGGESTION_LENGTH = 100
#: How much close comparing one suggestion may take, as the lengths of the two names multiplied, added up over the names
#: alike enough by their letters to be compared closely (the cost of a close comparison grows so): 2,000 names of 10
#: characters against one of 10; past it, the names left are not compared.
MAX_SUGGESTION_WORK = 200_000


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6, show: Callable[[str], str] = str) -> str | None:
    """The hint for a misspelt name: the closest of `choices`, shown with `show`; None when nothing is close.

    >>> did_you_mean("budget.piad", ["budget.paid", "budget.total"])
    'did you mean budget.paid?'
    >>> did_you_mean("已完成", ["已完工", "未开工"], show=repr)
    "did you mean '已完工'?"
    >>> did_you_mean("xyz", ["budget.paid"]) is None
    True
    """
    close = closest(word, choices, cutoff)
    return f"did you mean {show(close)}?" if close is not None else None


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like `word` (difflib's ratio at least `cutoff`; of two as alike, the one `word` is with a
    look-alike character typed for another, else the one sorting last, as difflib.get_close_matches picks), among the
    first MAX_SUGGESTION_CANDIDATES, within MAX_SUGGESTION_LENGTH and MAX_SUGGESTION_WORK; None when none is close.

    >>> closest("budget.piad", ["budget.paid", "budget.total"])
    'budget.paid'
    >>> closest("output.l", ["output.1", "output.2", "output.3"])
    'output.1'
    """
    import difflib  # loaded with the first mistake to name, not with the package
    import itertools

    if len(word) > MAX_SUGGESTION_LENGTH:
        return None
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounds = []  # (quick_ratio, choice): an upper bound of each choice's ratio, cheap to reach
    for choice in itertools.islice(choices, MAX_SUGGESTION_CANDIDATES):
        if len(choice) > MAX_SUGGESTION_LENGTH:
            continue
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= cutoff and (bound := matcher.quick_ratio()) >= cutoff:
            bounds.append((bound, choice))
    # the likeliest first; once no bound left can reach the best ratio found, it is the best. The work runs out before
    # that only among many alike names: then nothing is offered, never a worse name (QA207 1: item001 for tem002)
    bounds.sort(reverse=True)
    best: tuple[float, str] | None = None
    tied: list[str] = []
    work = 0
    for bound, choice in bounds:
        if best is not None and bound < best[0]:
            break
        work += len(word) * len(choice)
        if work > MAX_SUGGESTION_WORK:
            return None
        matcher.set_seq1(choice)
        score = matcher.ratio()
        if score >= cutoff and (best is None or score > best[0]):
            best, tied = (score, choice), [choice]
        elif best is not None and score == best[0]:
            tied.append(choice)
    if best is None:
        return None
    # of names as alike, the one a look-alike character was typed for (output.l → output.1, not output.3), else as
    # difflib picks: the one sorting last
    folded = word.translate(_LOOK_ALIKE)
    return max(tied, key=lambda choice: (choice.translate(_LOOK_ALIKE) == folded, choice))


#: Characters typed for one another: l, I and | for 1, O and o for 0 (an id's digit read off a printed form).
_LOOK_ALIKE = str.maketrans("lI|Oo", "11100")


def json_path(path: tuple[str | int, ...]) -> str:
    """A Problem's path: '$.facts.budget.paid' for ('facts', 'budget', 'paid'); list items as [0].

    >>> json_path(("indicators", 0, "rule"))
    '$.indicators[0].rule'
    """
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


class ScoringEngineError(Exception):
    """Base of every error a user can cause; holds one or more problems."""

    def __init__(self, problems: Problem | str | list[Problem] | tuple[Problem, ...], **fields: object):
        if isinstance(problems, str):
            problems = Problem(problems, **fields)  # type: ignore[arg-type]
        if isinstance(problems, Problem):
            problems = (problems,)
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("an error needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    def text(self, lang: str = "en") -> str:
        """Every problem, one a line, in `lang` ("zh": in Chinese, as the command prints them)."""
        return "\n".join(problem.text(lang) for problem in self.problems)

    # The fields of the first problem, for callers that handle one problem at a time.

    @property
    def first(self) -> Problem:
        """The first problem (every error holds at least one)."""
        return self.problems[0]

    @property
    def message(self) -> str:
        return self.first.message

    @property
    def file(self) -> str | None:
        return self.first.file

    @property
    def line(self) -> int | None:
        return self.first.line

    @property
    def column(self) -> int | None:
        return self.first.column

    @property
    def path(self) -> str | None:
        return self.first.path

    @property
    def indicator(self) -> str | None:
        return self.first.indicator

    @property
    def fact(self) -> str | None:
        return self.first.fact

    @property
    def expression(self) -> str | None:
        return self.first.expression

    @property
    def hint(self) -> str | None:
        return self.first.hint


class IndicatorSetError(ScoringEngineError):
    """An indicator set that cannot be read or is not valid."""


class FactsError(ScoringEngineError):
    """A facts file that cannot be read, or facts that do not fit the set."""


class FormulaError(ScoringEngineError):
    """A formula that is not part of the formula language."""

    #: The formula's checked tree (an ast expression) when it is refused only for the kinds of its values (a text
    #: ordered with <, a date compared with a number): its names and constructs are the language's, so a check that
    #: reads its names and texts still runs on it (a set's declared values: QA195 G3). None for any other refusal.
    checked_tree: Any = None


class ScoringError(ScoringEngineError):
    """Scoring failed on valid-looking input (division by zero, a failed check…)."""


class UnknownIndicatorError(ScoringEngineError, KeyError):
    """No indicator of the result (or set) has this id (or name): a KeyError too, as Result.indicator raises it."""

    __str__ = ScoringEngineError.__str__  # the problems, one a line, not KeyError's repr of them
