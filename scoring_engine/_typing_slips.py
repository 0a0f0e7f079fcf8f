"""The slips behind most reading errors of a file typed on a Chinese system, found in the text and named with their fix.

A Chinese input method types full-width punctuation (``：，“”【】``) and a full-width
space where YAML and JSON need ``: , " [ ]`` and a space; an editor may indent
with a tab; Notepad and WPS may save a file as GBK. The parsers then report
what they could not read ("could not find expected ':'", "Expecting ','
delimiter", "not UTF-8"), which says nothing of the real cause. These
functions look at the text where the parser stopped and, when one of these
slips is there, give the problem that names it: the character, its line and
column, and what to type instead.

>>> slip = yaml_syntax_problem("id: x\\nname：测试\\nversion: '1'\\n", "set.yaml", (2, 1), (3, 1), "could not find expected ':'")
>>> (slip.line, slip.column, slip.message)
(2, 5, "full-width colon '：' where YAML expects ':'")
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import NamedTuple

from ._encodings import UTF16_MARKS, UTF32_MARKS, utf16_unmarked, utf32_unmarked
from ._other_kinds import ODS_START, other_workbook
from .errors import Problem
from ._yaml_indents import between_levels
from ._patterns import compile_later

__all__ = ["FULL_WIDTH", "Slip", "encoding_problem", "line_slips", "parser_problem", "typed_mapping", "with_slips",
           "yaml_syntax_problem"]


class FullWidth(NamedTuple):
    """A full-width character that stands where YAML or JSON structure needs an ASCII one."""

    what: str  # its name in a message: "full-width colon"
    ascii: str  # what to type instead


FULL_WIDTH: dict[str, FullWidth] = {
    "：": FullWidth("full-width colon", ":"),
    "，": FullWidth("full-width comma", ","),
    "；": FullWidth("full-width semicolon", ","),  # between a {…}'s entries, where the input method typed ； for ,
    "“": FullWidth("Chinese quotation mark", '"'), "”": FullWidth("Chinese quotation mark", '"'),
    "‘": FullWidth("Chinese quotation mark", "'"), "’": FullWidth("Chinese quotation mark", "'"),
    "【": FullWidth("Chinese bracket", "["), "】": FullWidth("Chinese bracket", "]"),
    "［": FullWidth("full-width bracket", "["), "］": FullWidth("full-width bracket", "]"),
    "｛": FullWidth("full-width brace", "{"), "｝": FullWidth("full-width brace", "}"),
    "－": FullWidth("full-width hyphen", "-"),
    "—": FullWidth("Chinese dash", "-"),  # a list item typed with the input method's dash: only at the start of an item
    "–": FullWidth("en dash", "-"),
    "\u3000": FullWidth("full-width space", " "),
}
#: Characters that show as a space or as nothing, pasted with text from a web page, Word or WeChat: YAML takes none of
#: them for the space of an indentation, and said otherwise, the error stood lines below the line (QA110 F4).
INVISIBLE = {"\u00a0": "no-break space", "\ufeff": "byte order mark", "\u200b": "zero-width space",
             "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner", "\u2060": "word joiner",
             "\u202f": "narrow no-break space", "\u2009": "thin space"}
#: What YAML reads as a line break besides '\n' and '\r', where an editor shows none: pasted inside a value, the parser
#: went on at a line the file does not have, and said a colon was missing there (QA177 F3).
ODD_BREAKS = {"\u2028": "line separator", "\u2029": "paragraph separator", "\x85": "next-line character"}
_PASTED = "it came with text pasted from a web page, Word or another file"
_INVISIBLE_HINT = f"delete it and indent with spaces: {_PASTED}"
_TAB_HINT = "replace it with spaces; an editor can be set to type spaces for the Tab key"
#: How to save a file that Notepad saved as "Unicode" (UTF-16).
UTF16_HINT = "save it as UTF-8: in Notepad, File → Save As, Encoding: UTF-8"
_SAVE_AS_UTF8 = ("save it as UTF-8 — 记事本: 文件 → 另存为, 编码 UTF-8; WPS: 文件 → 另存为, 纯文本, 编码 UTF-8 — "
                 "or read it with --encoding gb18030")


class Slip(NamedTuple):
    """A slip found in a line: where (1-based), the character, and the problem it makes."""

    line: int
    column: int
    char: str
    spaced: bool = False  # where a space goes between a key's colon and its value, not in an indentation
    loose: bool = False  # after a colon's (a dash's) spaces: the cause of a syntax error on its own line only (QA187 F3)

    def problem(self, file: str | None, syntax: str) -> Problem:
        """The problem this slip makes, in a file of `syntax` ("YAML" or "JSON")."""
        if self.char == "\t":
            return Problem(f"a tab where {syntax} expects spaces: {syntax} indents with spaces only", file=file,
                           line=self.line, column=self.column, hint=_TAB_HINT)
        if self.char in ODD_BREAKS:
            return Problem(f"an invisible {ODD_BREAKS[self.char]} '\\u{ord(self.char):04X}' inside the line, which "
                           f"{syntax} reads as a line break", file=file, line=self.line, column=self.column,
                           hint=f"delete it: {_PASTED}")
        if self.char in INVISIBLE:
            return Problem(f"an invisible {INVISIBLE[self.char]} '\\u{ord(self.char):04X}' where {syntax} expects only "
                           "spaces", file=file, line=self.line, column=self.column,
                           hint=f"type a space in its place: {_PASTED}" if self.spaced else _INVISIBLE_HINT)
        shape = FULL_WIDTH[self.char]
        shown = "'\\u3000'" if self.char == "\u3000" else f"'{self.char}'"
        expected = "a space" if self.char == "\u3000" else f"'{shape.ascii}'"
        return Problem(f"{shape.what} {shown} where {syntax} expects {expected}", file=file, line=self.line,
                       column=self.column, hint=f"type {expected} instead, with the input method on English punctuation")


# ---------------------------------------------------------------- YAML


def line_slips(line: str, number: int) -> list[Slip]:
    """The full-width characters and tabs of one YAML line that stand where its structure is (outside quotes and comments).

    >>> [(s.column, s.char) for s in line_slips("  budget.paid：{type: number}", 1)]
    [(14, '：')]
    >>> line_slips("standard: 得分 = 执行率 × 分值，最高不超过分值。", 1)
    []
    >>> [(s.column, s.char) for s in line_slips("        weight:\u300015", 1)]
    [(16, '\u3000')]
    >>> [(s.column, s.char) for s in line_slips('version: "1.0”', 5)]
    [(14, '”')]
    >>> [(s.column, s.char, s.spaced) for s in line_slips("  -\u00a0{min: 0.95, points: 10}", 1)]
    [(4, '\xa0', True)]
    >>> [(s.column, s.char) for s in line_slips("  - \u00a0{min: 0.95}", 1) + line_slips("bands:  \u00a0[1]", 2)]
    [(5, '\xa0'), (9, '\xa0')]
    """
    found: list[Slip] = []
    indent = len(line) - len(line.lstrip(_INDENTED_WITH))
    found += [Slip(number, i + 1, ch) for i, ch in enumerate(line[:indent]) if ch != " "]
    rest = line[indent:]
    dashes = len(rest) - len(rest.lstrip("－—–"))
    if dashes and (rest[dashes:dashes + 1] in (" ", "{", "[") or _KEY_START.match(rest, dashes)):
        # '－ ', '— {min: 0.8…}', '—id: …', '——id': a list item's dash, typed in Chinese
        found.append(Slip(number, indent + 1, rest[0]))
    found += _structure_slips(line, indent, number)
    return found


_INDENTED_WITH = " \t\u3000" + "".join(INVISIBLE)  # what a line's indentation may be typed with, a space or a slip


def _structure_slips(line: str, start: int, number: int) -> list[Slip]:
    """Full-width characters where YAML structure is: a colon after a key, a comma between entries of a flow
    collection, a bracket or quote opening a value, a bracket closing a flow collection."""
    found: list[Slip] = []
    quote = ""
    depth = 0
    key_from: int | None = start  # where the current key began; None once its ':' is passed
    value_from = start  # where the current value (or list item) begins
    for i in range(start, len(line)):
        ch = line[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and not line[value_from:i].strip():
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif ch in "[{":
            depth += 1
            key_from, value_from = (i + 1 if ch == "{" else None), i + 1
        elif ch in "]}":
            depth = max(depth - 1, 0)
        elif ch == ":" and (slip := _space_slip(line, i + 1)) is not None and key_from is not None:  # 'weight:　15', an
            found.append(Slip(number, slip + 1, line[slip], True, slip > i + 1))  # input method's space, or a no-break one
            key_from, value_from = None, i + 1  # pasted, after any spaces (QA177 F3, QA185 F4)
        elif ch == ":" and line[i + 1:i + 2] in ("", " ", "\t"):
            key_from, value_from = None, i + 1
        elif ch == "," and depth:
            key_from, value_from = (i + 1 if line.rfind("[", 0, i) < line.rfind("{", 0, i) else None), i + 1
        elif ch == "-" and key_from == value_from and not depth and not line[value_from:i].strip() \
                and (slip := _space_slip(line, i + 1)) is not None:  # '-\u00a0{min…}', '- \u00a0{min…}': a list item's
            found.append(Slip(number, slip + 1, line[slip], True, slip > i + 1))  # dash, and a pasted space (QA183 F8,
            key_from, value_from = i + 1, i + 1  # QA185 F4)
        elif ch == "-" and not line[value_from:i].strip() and line[i + 1:i + 2] == " ":
            key_from, value_from = i + 1, i + 1  # a list item, which may be a mapping
        elif ch in FULL_WIDTH and _structural(line, i, key_from, value_from, depth):
            found.append(Slip(number, i + 1, ch))
    if quote:  # a value opened with an ASCII quote and closed with a Chinese one ("1.0”): YAML reads on to a later line
        opened = line.rfind(quote)
        closing = next((i for i in range(opened + 1, len(line)) if line[i] in "“”‘’"), None)
        if closing is not None and line[closing + 1:].strip() in ("", "}", "]", ","):
            found.append(Slip(number, closing + 1, line[closing]))
    return found


_SPACE_SLIPS = frozenset({"\u3000", *INVISIBLE})  # what may stand for the space after a key's colon


def _space_slip(line: str, at: int) -> int | None:
    """Where a full-width or invisible space stands after a colon or a dash, right at `at` or after a run of spaces
    before what structure begins with ('bands: \u00a0[…]'), or None: a text may begin with them ('reason: 　　工程…', a
    Chinese paragraph's indent: QA187 F3)."""
    after = len(line) - len(line[at:].lstrip(" "))
    if line[after:after + 1] not in _SPACE_SLIPS:
        return None
    return after if after == at or _STRUCTURE_NEXT.match(line[after:].lstrip(_SPACES)) else None


_SPACES = "".join(_SPACE_SLIPS)
_STRUCTURE_NEXT = compile_later(r"[{\[?]|-(?:[ \t]|$)|[A-Za-z_][\w.\-]*[ \t]*:(?:[ \t]|$)")  # a flow, an item, a key
_KEY = compile_later(r"[A-Za-z_][\w.\-]*")  # the keys of sets, facts and case files are ASCII
_KEY_START = compile_later(r"[A-Za-z_][\w.\-]*\s*[:：]")  # a key and its colon, right after a dash: '—id:
_NEXT_ENTRY = compile_later(r"\s*(?:[{\[]|[A-Za-z_][\w.\-]*\s*[:：])")


def _structural(line: str, i: int, key_from: int | None, value_from: int, depth: int) -> bool:
    """Whether the full-width character at `i` stands where YAML structure is, not inside Chinese text."""
    ch = line[i]
    if ch == "：":  # after a key (ASCII, as every key is): ``name：测试``, ``{type：number}``
        return key_from is not None and _KEY.fullmatch(line[key_from:i].strip()) is not None
    if ch in "，；":  # between entries: ``{…}，{…}``, ``{type: number，min: 0}``, ``{type: number；min: 0}``
        return depth > 0 and (line[:i].rstrip()[-1:] in ("}", "]") or _NEXT_ENTRY.match(line, i + 1) is not None)
    opening = not line[value_from:i].strip()
    if ch in "【［｛":
        return opening
    if ch in "“‘":  # a whole value in Chinese quotes: ``version: “1.0”``
        closing = "”" if ch == "“" else "’"
        return opening and re.match(f"{ch}[^{closing}]*{closing}\\s*(?:[,}}\\]#]|$)", line[i:]) is not None
    return depth > 0 and ch in "】］｝"


def _slips_on(lines: list[str], number: int) -> list[Slip]:
    if not 1 <= number <= len(lines):
        return []
    return line_slips(lines[number - 1], number)


def yaml_syntax_problem(text: str, file: str | None, context: tuple[int, int] | None, mark: tuple[int, int] | None,
                        parser_says: str) -> Problem:
    """The problem of a YAML syntax error, at its line and column in the file: a line separator (U+2028) or another
    break YAML reads where an editor shows none, on the lines the parser read last, is named there; any other problem
    is moved from the parser's lines to the file's (QA177 F3: a U+2028 inside a value was a missing colon a line on)."""
    if mark is None or not _ODD_BREAK.search(text):
        return _syntax_problem(text, file, context, mark, parser_says)
    starts = _parser_line_starts(text, mark[0])
    begin = starts[max(min(context[0] if context else mark[0], mark[0]) - 2, 0)]
    found = _ODD_BREAK.search(text, begin, starts[mark[0] - 1] + mark[1] if mark[0] <= len(starts) else len(text))
    if found is not None:
        return Slip(*_file_place(text, found.start()), found.group()).problem(file, "YAML")
    problem = _syntax_problem(text, file, context, mark, parser_says)
    if problem.line is None or problem.line > len(starts):
        return problem
    line, column = _file_place(text, starts[problem.line - 1] + (problem.column or 1) - 1)
    return dataclasses.replace(problem, line=line, column=column if problem.column is not None else None)


_ODD_BREAK = compile_later("[\x85\u2028\u2029]")
_PARSER_BREAK = compile_later("\r\n|[\r\n\x85\u2028\u2029]")


def _parser_line_starts(text: str, last: int) -> list[int]:
    """Where each of the parser's first `last` lines begins in the text (it counts a U+2028 a line break, as '\n')."""
    starts = [0]
    for found in _PARSER_BREAK.finditer(text):
        if len(starts) >= last:
            break
        starts.append(found.end())
    return starts


def _file_place(text: str, at: int) -> tuple[int, int]:
    """The line and column (from 1) in the file, as an editor counts them, of the character at `at`."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _syntax_problem(text: str, file: str | None, context: tuple[int, int] | None, mark: tuple[int, int] | None,
                    parser_says: str) -> Problem:
    """The problem of a YAML syntax error: the slip that caused it when one is there, else the parser's words.

    The slip is looked for on the lines from the one where the parser began
    the construct it could not finish (`context`) to the one where it stopped
    (`mark`), and on the line before that.
    """
    line, column = mark if mark else (None, None)
    if line is not None:
        lines = text.splitlines()
        first = min(context[0] if context else line, line - 1)
        for number in range(max(first, 1), line + 1):
            # a block text's line is text, whatever it begins with (a paragraph pasted from Word begins with '　　' or
            # no-break spaces, which YAML takes there: QA112 F2)
            slips = [] if number < line and _in_block_text(lines, number) else _slips_on(lines, number)
            # one after a colon's spaces, where a text may begin, only where the parser stopped or began (QA187 F3)
            slips = [s for s in slips if not s.loose or number in (line, context and context[0])]
            if slips:
                return slips[0].problem(file, "YAML")
    quote = _open_quote(text, context, mark, parser_says, file)
    if quote is not None:
        return quote
    if line is not None:
        found = (_dash_slip(lines, max(first, 1), line, file) or _colon_slip(lines, max(first, 1), line, parser_says, file)
                 or between_levels(lines, context, (line, column or 1), parser_says, file))  # QA305 3
        if found is not None:
            return found
    return parser_problem(parser_says, file, line, column)


_QUOTE_HINT = "close the quote where its text ends, or delete it"
_KEY_LINE = compile_later(r"[ \t]*(?:-[ \t]|[A-Za-z_][\w.\-]*[ \t]*:(?:[ \t]|$))")  # `  weight: 10`, `- id: x`, `- {…}`


def _open_quote(text: str, context: tuple[int, int] | None, mark: tuple[int, int] | None, parser_says: str,
                file: str | None) -> Problem | None:
    """A quote left open, said where it opened (QA110 F3: the parser stopped at the end of the file, or at the next
    quote, lines below, where it found the text had gone on): the quoted text the parser stopped in at the end, or one
    that ran on from an earlier line to the place where the parser stopped. None when there is no such text."""
    if context is not None and "while scanning a quoted scalar" in parser_says and "end of stream" in parser_says:
        return Problem("YAML syntax: the quote opened here is never closed", file=file, line=context[0], column=context[1],
                       hint=_QUOTE_HINT)
    if mark is None or mark[0] < 2:
        return None
    import yaml

    last = None
    cut = "\n".join(text.split("\n", mark[0])[:mark[0]])  # up to the end of the line where the parser stopped
    try:
        for token in yaml.scan(cut, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line + 1 == mark[0] \
                    and token.start_mark.line + 1 < mark[0]:  # a text begun on a line above, not one on the line itself
                last = token
    except yaml.YAMLError:
        pass
    if last is None:
        return None
    begun, ended = last.start_mark.line + 1, last.end_mark.line + 1
    # a quote left open runs on, over the keys or items below it, to a quote that was to open a later text, and what
    # follows is that text's words; a text closed where it ends is followed by what the file goes on with, or by the
    # mistake (a stray '}') (QA112 F1, QA113 F4, QA114 F2, F3, QA115 F1, F2)
    rows = text.split("\n", ended)
    after = rows[ended - 1][last.end_mark.column:].lstrip()
    if not after or after[0] in ",}]:#":
        return None
    before = rows[ended - 1][:last.end_mark.column - 1].rstrip()
    if not before.endswith((":", "-", "{", "[", ",")) and not any(_KEY_LINE.match(row) for row in rows[begun:ended]):
        return None
    return Problem(f"YAML syntax: the text in quotes begun here runs on to line {ended}, where the parser stopped",
                   file=file, line=begun, column=last.start_mark.column + 1, hint=_QUOTE_HINT)


#: What to do about a syntax error PyYAML words as these (the first found), in English as in Chinese (QA82 F6: the
#: English was the parser's words alone, where the Chinese said the fix).
_PARSER_FIXES = (
    ("mapping values are not allowed here", "check the colons and the indentation of this line and the line above"),
    ("while parsing a block collection", "the keys of one list item line up with its first key, and the dashes of one "
                                         "list with each other"),
    ("while parsing a block mapping", "the keys of one level line up"),
    ("sequence entries are not allowed here", "check this line's indentation; put a text that begins with - in quotes"),
    ("that cannot start any token", "put the value in quotes when its text holds this character"),
    ("could not find expected ':'", "write ': ' between a key and its value"),
)
# PyYAML names a key it did not expect by '?', its token of a complex key, which the file does not have
_KEY_TOKEN = "found '?'"


def parser_problem(parser_says: str, file: str | None, line: int | None = None, column: int | None = None) -> Problem:
    """A YAML syntax error in the parser's words, with the fix those words call for, and the key it found out of line
    named as one (not by its '?')."""
    said = parser_says.replace(_KEY_TOKEN, "found a key indented unlike the keys beside it")
    fix = next((fix for words, fix in _PARSER_FIXES if words in parser_says), None)
    return Problem(f"YAML syntax: {said}", file=file, line=line, column=column, hint=fix)


# (spaces are matched only where nothing else can take them, so that a long line is read once, never in quadratic time)
_NO_SPACE = compile_later(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.\-]*):(?![\s:/])(\S.*)$")  # weight:5
_COLON_IN_TEXT = compile_later(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w.\-]*):[ \t]+(?=[^\s\"'{\[|>&*!])([^:\n]*):\s")  # 得分: 执行率
#: Longest line these are looked for on: a set's line is a few hundred characters.
_LONGEST_SLIP_LINE = 2000


_BLOCK_TEXT = compile_later(r":\s*[|>][+-]?\d?\s*(?:#.*)?$")  # 'description: |' begins a text of the lines below it


def _in_block_text(lines: list[str], number: int) -> bool:
    """Whether line `number` is a line of a block text (under 'key: |' or 'key: >', more indented than the key)."""
    indent = len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))
    for above in range(number - 1, max(number - 200, 0), -1):
        line = lines[above - 1]
        if line.strip() and len(line) - len(line.lstrip(" ")) < indent:
            return _BLOCK_TEXT.search(line) is not None
    return False


_NO_SPACE_AFTER_DASH = compile_later(r"^([ \t]*)-(?=[^\s\d.\-+#])")  # -{min: 0.9}, -资料不全 for - {…}, - 资料不全


def _dash_slip(lines: list[str], first: int, last: int, file: str | None) -> Problem | None:
    """A list item written without the space after its '-' (`-{min: 0.9, …}`, read as a text beside the list): the line
    and what to type, not the parser's words about indentation and '?' (QA44 F6)."""
    for number in range(first, min(last, len(lines)) + 1):
        found = _NO_SPACE_AFTER_DASH.match(lines[number - 1])
        if found is not None and not _in_block_text(lines, number):
            return Problem("no space after the '-' of a list item: YAML reads the line as one text", file=file,
                           line=number, column=len(found.group(1)) + 1, hint="put a space after the dash: '- ', then the item")
    return None


def _colon_slip(lines: list[str], first: int, last: int, parser_says: str, file: str | None) -> Problem | None:
    """A key written without the space after its colon ('weight:5', read as one text), or a text value holding ': '
    (read as a key inside it): the line and what to type, not the parser's 'could not find expected ':''."""
    for number in range(first, min(last, len(lines)) + 1):
        found = _NO_SPACE.match(lines[number - 1]) if len(lines[number - 1]) <= _LONGEST_SLIP_LINE else None
        if found is not None and _in_block_text(lines, number):
            continue  # a line of a | or > text: 'key:value' is its words
        if found is not None:
            key, value = found.group(2), found.group(3)
            return Problem(f"no space after the ':' of {key}: YAML reads '{key}:{value}' as one text", file=file,
                           line=number, column=len(found.group(1)) + len(key) + 1,
                           hint=f"put a space after the colon: '{key}: {value}'")
    if "mapping values are not allowed" in parser_says and 1 <= last <= len(lines) and len(lines[last - 1]) <= _LONGEST_SLIP_LINE:
        found = _COLON_IN_TEXT.match(lines[last - 1])
        if found is not None:
            return Problem(f"YAML syntax: {parser_says}", file=file, line=last,
                           column=lines[last - 1].index(":", found.end(1) + 1) + 1,
                           hint=f"the text of {found.group(1)} holds ': ', which YAML reads as the start of another key: put "
                                "the whole text in quotes, or write the colon as '：'")
    return None


def with_slips(problems: Iterable[Problem], text: str) -> list[Problem]:
    """`problems`, the problems of a line that holds a slip replaced by the one that names the slip.

    A full-width colon in a key YAML reads without complaint (``a：{type: number}``
    is a key 'a：{type'); the schema then finds an unknown key there, and the
    slip is what to fix: the rest of that line is misread, so what else is said of it
    (a key 'type：boolean' unknown, the key 'type' missing) is left out.
    """
    lines = text.splitlines()
    out: list[Problem] = []
    problems = list(problems)
    # line → whether it holds a slip; a line whose slip a problem names already is not named again (QA164 F3)
    slipped: dict[int, bool] = {p.line: True for p in problems if p.line is not None and _about_a_slip(p)}
    for problem in problems:
        if problem.line is None or _about_a_slip(problem):
            out.append(problem)
            continue
        if problem.line not in slipped:
            slips = [s.problem(problem.file, "YAML") for s in _slips_on(lines, problem.line)[:1]]
            slipped[problem.line] = bool(slips)
            out += slips
        if not slipped[problem.line]:
            out.append(problem)
    return out


def _about_a_slip(problem: Problem) -> bool:
    return (problem.message.startswith(("a tab where", "an invisible ")) or
            any(shape.what in problem.message for shape in FULL_WIDTH.values()))


# ---------------------------------------------------------------- encodings


_OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .xls, .doc and WPS's .et
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def form_read() -> str:
    """Who reads a filled form given where a YAML or JSON file belongs: the commands, and for a program the Python calls
    (QA174 F2; not on the command line, QA180 F1)."""
    from ._command_line import in_python

    return in_python("a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its path",
                     "by score_many(indicator_set, [path]) or "
                     "scoring_engine.forms.reader.read_form(path, indicator_set).facts")


def old_workbook(file: str | None) -> Problem:
    """The problem of a workbook of old Excel or WPS (.xls, .et; or a table saved as HTML under that name)."""
    return Problem("this is an Excel 97-2003 workbook (.xls) or another old Office file, which is not read", file=file,
                   hint="open it in Excel or WPS and save it as Excel Workbook (.xlsx)")


def encoding_problem(data: bytes, file: str | None, start: int, line: int) -> Problem:
    """The problem of a file that is not UTF-8: named as GBK/GB18030 when it reads as Chinese text in that encoding, and
    as a workbook when it is one (a filled 自评表 given where a YAML or JSON file belongs)."""
    if data.startswith(b"PK\x03\x04") and ODS_START in data[:100]:  # renamed, or named .json
        return other_workbook(file, ".ods")
    if data.startswith(b"PK\x03\x04"):
        named = file is not None and file.lower().endswith(_WORKBOOK_SUFFIXES)
        return Problem("this is an Excel workbook (.xlsx) or another zip archive, not a YAML or JSON text file", file=file,
                       hint=form_read() if named else "give the form by its path in place of -: a form is not read from "
                       "standard input" if file == "<stdin>" else f"rename it to end in .xlsx: {form_read()}")
    if data.startswith(UTF32_MARKS) or utf32_unmarked(data):  # before UTF-16, whose mark begins UTF-32's LE one
        return Problem("not UTF-8 text (byte 0): the file is UTF-32", file=file, line=1, hint=UTF16_HINT)
    if data.startswith(_OLD_OFFICE):
        return old_workbook(file)
    if data.startswith(UTF16_MARKS) or utf16_unmarked(data):  # before GB18030, which reads these as Chinese of a sort;
        # without its mark too, never as GBK (QA318 F7)
        return Problem("not UTF-8 text (byte 0): the file is UTF-16, as Notepad saves 'Unicode'", file=file, line=1,
                       hint=UTF16_HINT)
    try:
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in data.decode("gb18030"))
    except UnicodeDecodeError:
        chinese = False
    if chinese:
        return Problem("the file is GBK/GB18030 text, not UTF-8", file=file, line=line, hint=_SAVE_AS_UTF8)
    return Problem(f"not UTF-8 text (byte {start})", file=file, line=line, hint="save the file as UTF-8")


def typed_mapping(value: object) -> str | None:
    """For a mapping of a case file typed with a full-width colon, which reads as one text (`budget.paid：190`), how to
    write it."""
    if not isinstance(value, str) or "：" not in value:
        return None
    pairs = ", ".join(pair.strip().replace("：", ": ", 1)  # a pair ends at a comma (， too) before an id and its colon
                      for pair in re.split(r"[,，](?=\s*[A-Za-z0-9_][A-Za-z0-9_.\-]*\s*[:：])", value))  # QA92 F8, QA96 F3
    return f"'：' is a full-width colon: write {{{pairs}}}"
