"""Safe YAML reading that remembers where every value came from.

Built on PyYAML's composer (libyaml's, when PyYAML has it; safe tags only):
the node tree is turned into plain data, and kept, so that later errors can
point at the line and column of any value or key (`Located.where`). Duplicate
keys are errors naming both lines; anchors and aliases, merge keys and
non-standard tags are refused (they have no use in an indicator set and are the
usual way to blow up a YAML reader). Decimal numbers are read as `Decimal`,
exactly as written.
"""

from __future__ import annotations

import contextlib
import operator
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._arith import LARGEST_MAGNITUDE, decimal_from_text, in_range, too_many_digits
from ._located import CHINESE_QUOTES, Located, Path, mark as _mark
from ._pyyaml_words import in_pyyaml_words, offset, tabs_taken
from ._text import bad_character, has_bad_character as _has_bad_character
from .errors import Problem
from ._patterns import compile_later

#: Largest YAML file read, in bytes: a province-wide set of 1,000 indicators with their standards is about 570 KB (QA221 9).
MAX_YAML_BYTES = 1_000_000
#: Deepest nesting of mappings and lists.
MAX_YAML_DEPTH = 40
#: Most values (keys, scalars, mappings and lists) in one file: a 500-indicator set with its standards and facts has
#: about 19,000; the bundled sets have under 1,500.
MAX_YAML_NODES = 50_000
#: Numbers must be below this in magnitude (and 0 or at least 1e-15), the same bound as facts.MAX_FACT_MAGNITUDE.
MAX_YAML_NUMBER = LARGEST_MAGNITUDE

# More digits than any number in range needs: such a number is refused before it is converted.
_MOST_NUMBER_DIGITS = 40
_PLAIN_INT = compile_later(r"0|[1-9][0-9]{0,14}")  # a whole number in range (below 1e15) as written: read at once by scalar()

_INT, _FLOAT, _STR = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:str"
_MAP, _SEQ, _NULL = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:null"
_FLOAT_TEXT = compile_later(r"[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+")  # a number in exponent form, however large
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, when PyYAML was built with it


class _Composer(_FAST_LOADER):  # type: ignore[misc,valid-type]
    """libyaml's loader, each plain scalar's tag kept for the rest of the file: the resolver tries its patterns in Python,
    and a set writes the same keys and values hundreds of times. A tag depends on the text alone (no path resolvers);
    quoted text and collections get the resolver's default tags without a call into it (it is called for every node)."""
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        if not self.yaml_path_resolvers:  # the composer calls these around every node, to follow the path for path
            # resolvers; without any there is nothing to follow, and C callables that do nothing cost far less than the
            # resolver's methods, which return at once
            self.descend_resolver = operator.is_  # (parent, index)
            self.ascend_resolver = tuple  # ()
            self.resolve = _tags_kept(super().resolve)  # called for every node: a closure, no attribute looked up in it


def _tags_kept(resolve: Callable[[type, str, tuple[bool, bool]], str]) -> Callable[[type, str, tuple[bool, bool]], str]:
    """`resolve`, each plain scalar's tag kept for the rest of the file."""
    tags: dict[str, str] = {}

    def kept(kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode:
            return _MAP if kind is MappingNode else _SEQ
        if not implicit[0]:
            return _STR
        return tags.get(value) or tags.setdefault(value, resolve(kind, value, implicit))

    return kept


_SAFE_COLLECTION_TAGS = {_MAP, _SEQ}
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class YamlError(Exception):
    """The YAML text cannot be read; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _line_column(mark: yaml.Mark | None) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent})
_START_EVENTS = frozenset({yaml.SequenceStartEvent, yaml.MappingStartEvent})
_END_EVENTS = frozenset({yaml.SequenceEndEvent, yaml.MappingEndEvent})


def _mark_of(event: yaml.Event) -> tuple[int, int]:
    """Line and column (from 1) where a parser event starts; the parser always sets the mark."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _cut_at_nesting_limit(text: str, err: Exception) -> str | None:
    """The text up to where libyaml stopped at its own nesting limit (1,000 levels); None for any other error.

    Walked again whole, a hundred thousand open brackets would take PyYAML's
    scanner seconds (it looks ahead past every one, in time that grows with the
    square of their number), where the part before the limit is already deeper
    than MAX_YAML_DEPTH.
    """
    mark = getattr(err, "problem_mark", None)
    if mark is None or "nesting depth" not in str(getattr(err, "problem", "")):
        return None
    lines = text.split("\n", mark.line)
    return "\n".join([*lines[:mark.line], lines[mark.line][:mark.column]]) if mark.line < len(lines) else None


class _Reader:
    def __init__(self, file: str | None):
        self.file = file
        self.out = Located(None, printable=True)  # until a key or a text that is not printable is read
        self.problems: list[Problem] = []
        self.seen: set[int] | None = None  # ids of the nodes read, once the survey has seen anchors (an alias repeats a node)
        self.nodes = 0
        self.constructor = SafeConstructor()

    def problem(self, node: Node, message: str, hint: str | None = None) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(message, file=self.file, line=line, column=column, hint=hint))

    def survey(self, text: str) -> None:
        """Walk the parser's events before anything is built: refuse files too deep or too big, and every anchor and alias.

        Streaming, so a hostile file (a billion laughs, a hundred thousand open
        brackets) is stopped at the first event past a limit, in milliseconds.
        libyaml's parser does the walk when it is installed (PyYAML's own is
        fifty times slower); on a syntax error PyYAML's parser walks again, so
        that the message is the one the rest of the reader gives.
        """
        try:
            self.problems.extend(self._survey(text, _FAST_LOADER))
        except (yaml.YAMLError, UnicodeError) as err:
            # libyaml takes UTF-8: a lone surrogate stops it before PyYAML's reader can say why
            if _FAST_LOADER is yaml.SafeLoader:
                raise
            self.problems.extend(self._survey_again(text, err))
        self.out.aliased = bool(self.problems)  # the survey's problems are its anchors and aliases
        self.seen = set()

    def _survey_again(self, text: str, err: Exception) -> list[Problem]:
        cut = _cut_at_nesting_limit(text, err)
        if cut is not None:  # under libyaml's limit now, so it walks to MAX_YAML_DEPTH and stops there at once
            with contextlib.suppress(yaml.YAMLError, UnicodeError):
                return self._survey(cut, _FAST_LOADER)
        if cut:
            return self._survey(cut, yaml.SafeLoader)
        return in_pyyaml_words(text, err, lambda taken: self._survey(taken, yaml.SafeLoader))

    def _survey(self, text: str, loader: type) -> list[Problem]:
        problems = []
        depth = nodes = 0
        parser = loader(text)
        try:
            for event in iter(parser.get_event, None):  # the events straight from the parser: a file of 50,000 values
                kind = type(event)                        # is walked in half the time yaml.parse() takes
                if kind in _END_EVENTS:
                    depth -= 1
                    continue
                if kind not in _NODE_EVENTS:
                    continue
                nodes += 1
                if nodes > MAX_YAML_NODES:
                    self.refuse(_mark_of(event), deep=False)
                if kind in _START_EVENTS:
                    depth += 1  # the levels open, this one counted: the top mapping is the first (as a facts file's is)
                    if depth > MAX_YAML_DEPTH:
                        self.refuse(_mark_of(event), deep=True)
                if kind is yaml.AliasEvent or event.anchor:
                    line, column = _mark_of(event)
                    what = "alias *" if kind is yaml.AliasEvent else "anchor &"
                    problems.append(Problem(f"{what}{event.anchor} is not supported: anchors and aliases are refused",
                                            file=self.file, line=line, column=column, hint="write the value out in full"))
        finally:
            parser.dispose()
        return problems

    def refuse(self, where: tuple[int, int], deep: bool, node: Node | None = None) -> None:
        """The bounds kept while reading: one value too many, or one level too deep, stops the reading at its place (in
        the file its node's mark names, when the tree mixes files: a profile resolved)."""
        message, hint = ((f"nested deeper than {MAX_YAML_DEPTH} levels (MAX_YAML_DEPTH)", None) if deep
                         else (f"more than {MAX_YAML_NODES} values (MAX_YAML_NODES)",
                               "split the file, or check that it is the file you meant"))
        name = node.start_mark.name if node is not None and self.out.several_files else self.file
        raise YamlError([Problem(message, file=name if isinstance(name, str) else None, line=where[0], column=where[1],
                                 hint=hint)])

    def read(self, node: Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_YAML_NODES:
            self.refuse(_mark(node), False, node)
        if depth >= MAX_YAML_DEPTH and type(node) is not ScalarNode:  # `depth` levels around it: it would be one more
            self.refuse(_mark(node), True, node)
        if self.seen is not None:
            if id(node) in self.seen:  # an alias: already reported by survey(); never expand it
                self.out.rejected.add(path)
                return None
            self.seen.add(id(node))
        kind = type(node)
        if kind is ScalarNode and node.tag == _STR and (node.value.isprintable() or self.kept_unprintable(node.value)):
            return node.value  # most values: text, as written
        if kind is MappingNode and node.tag in _SAFE_COLLECTION_TAGS:
            return self.mapping(node, path, depth)  # type: ignore[arg-type]
        if kind is SequenceNode and node.tag in _SAFE_COLLECTION_TAGS:
            return [self.read(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if kind is not ScalarNode:
            self.problem(node, f"tag {node.tag} is not allowed", "remove the !tag")
            self.out.rejected.add(path)
            return None
        before = len(self.problems)
        value = self.scalar(node)  # type: ignore[arg-type]
        if value is None and len(self.problems) > before:
            self.out.rejected.add(path)
        return value

    def kept_unprintable(self, text: str) -> bool:
        """Whether text that is not printable is kept as written: it holds no control character or lone surrogate (a line
        break, a tab, an invisible character). Either way the data is no longer all printable (Located.printable)."""
        self.out.printable = False
        return not _has_bad_character(text)

    def mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, Node] = {}
        inside = depth + 1
        for key_node, value_node in node.value:
            self.nodes += 1
            if self.nodes > MAX_YAML_NODES:
                self.refuse(_mark(key_node), False, key_node)
            if type(key_node) is ScalarNode and key_node.tag == _STR and (key_node.value.isprintable()
                                                                         or self.kept_unprintable(key_node.value)):
                key = key_node.value
            elif key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, "merge keys (<<) are not supported", "write the keys out in full")
                continue
            else:
                key = self.scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                written = key_node.value if isinstance(key_node, ScalarNode) else "…"
                if not str(written).strip() or written == "~":  # `? ` alone, or `: value` with no key (QA45 F12)
                    self.problem(key_node, "a key is empty", "write the key before the colon, or delete the line")
                else:
                    self.problem(key_node, f"key {written!s} must be text", "put the key in quotes")
                continue
            if key in first:
                (line, column), (before, at) = _mark(key_node), _mark(first[key])
                self.problem(key_node, f"duplicate key {key!r} (first on line {before}, again on line {line})" if line != before
                             else f"duplicate key {key!r} (on line {line}, at columns {at} and {column})", "keep one of them")
                continue
            first[key] = key_node
            if type(value_node) is ScalarNode and value_node.tag == _STR and self.seen is None and value_node.value.isprintable():
                self.nodes += 1  # most values, text as written: what read() does with them, without the call
                if self.nodes > MAX_YAML_NODES:
                    self.refuse(_mark(value_node), False, value_node)
                result[key] = value_node.value
            else:
                result[key] = self.read(value_node, (*path, key), inside)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        text = node.value
        if node.tag == _INT and _PLAIN_INT.fullmatch(text):
            return int(text)  # the usual whole number (a weight, points): plain digits, no sign, base or leading zero
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.problem(node, f"tag {node.tag} is not allowed", "remove the !tag")
            return None
        if node.tag == _INT and not node.style:  # plain (libyaml marks it '', PyYAML None)
            surprise = _int_surprise(node.value)
            if surprise:
                self.problem(node, surprise,
                             f"write it in plain decimal digits, or in quotes ('{_shown(node.value)}') if it is text")
                return None
        if node.tag in (_INT, _FLOAT) and len(text) > _MOST_NUMBER_DIGITS and sum(map(str.isdigit, text)) > _MOST_NUMBER_DIGITS:
            return self.out_of_range(node)  # before int() or Decimal() spend time on a giant
        if node.tag == _FLOAT:
            text = node.value.replace("_", "")
            number = decimal_from_text(text)
            if number is None and _FLOAT_TEXT.fullmatch(text):  # an exponent no Decimal holds: 1.0e99999999999999999999
                return self.out_of_range(node)
            if number is None or not number.is_finite():  # .inf, .nan, 12abc, nothing (!!float with no value)
                self.problem(node, f"{_shown(node.value)} is not a finite number" if number is not None or
                             text.lower().lstrip("+-") in (".inf", ".nan") else f"{_shown(node.value)!r} is not a number"
                             if text.strip() else f"the value is empty, not {_UNREADABLE[_FLOAT]}")
                return None
            if not number:
                return 0  # 0.0e-999999999 is 0, as if written so: not a billion zeros when printed
            refused = too_many_digits(text, number)
            if refused is not None:
                self.problem(node, *refused)
                return None
            return number if in_range(number) else self.out_of_range(node)
        if node.tag == _NULL and node.value not in ("", "~", "null", "Null", "NULL"):  # !!null 400: not a value dropped
            self.problem(node, f"{_shown(node.value)!r} is not null", "remove the !!null, or the value")  # (QA43 F4)
            return None
        try:
            value = self.constructor.construct_object(node)
        except (ConstructorError, ValueError, LookupError, AttributeError, TypeError) as err:
            # PyYAML's constructors fail in their own ways on a tagged value they cannot read (!!int with none, !!bool
            # maybe, !!timestamp x: IndexError, KeyError, AttributeError: QA41 F2); said as what the tag asks for
            what = _UNREADABLE.get(node.tag)
            self.problem(node, f"cannot read {_shown(node.value)!r}: {err}" if what is None else
                         f"{_shown(node.value)!r} is not {what}" if node.value.strip() else f"the value is empty, not {what}")
            return None
        if isinstance(value, int) and not isinstance(value, bool) and not in_range(Decimal(value)):
            return self.out_of_range(node)
        bad = bad_character(value) if isinstance(value, str) else None
        if bad:
            self.problem(node, bad, "remove it; it may have come from an escape such as \\x1b")
            return None
        return value

    def out_of_range(self, node: ScalarNode) -> None:
        self.problem(node, f"{_shown(node.value)} is out of range (MAX_YAML_NUMBER: under 1e15 in size, 1e-15 at least)",
                     "check the unit and the digits")


#: What a standard tag asks of its value, said when the value is not that (or is nothing).
_UNREADABLE = {_INT: "a whole number", _FLOAT: "a number", "tag:yaml.org,2002:bool": "true or false",
               "tag:yaml.org,2002:timestamp": "a date (2024-06-30)"}


def _shown(text: str) -> str:
    """A value as written, cut short when it is long (a message stays one readable line)."""
    return text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"


def _int_surprise(text: str) -> str | None:
    """YAML 1.1 reads some innocent-looking numbers in another base: say so rather than use a wrong value."""
    digits = text.lstrip("+-").replace("_", "")
    if ":" in digits:
        return f"{_shown(text)} is read by YAML as a base-60 number (like a time), not as written"
    if re.fullmatch(r"0[0-7]+", digits):
        if len(digits) > 20:
            return f"{_shown(text)} is read by YAML as an octal number, not as written"
        return f"{text} is read by YAML as the octal number {int(digits, 8)}, not {int(digits)}"
    if digits[:2].lower() in ("0x", "0b"):
        return f"{_shown(text)} is read by YAML as a {'hexadecimal' if digits[1] in 'xX' else 'binary'} number"
    return None


def load(text: str, file: str | None = None) -> Located:
    """Read one YAML document into plain data with positions.

    Raises YamlError when the text cannot be read at all; problems that leave
    the rest readable are returned in `Located.problems`.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlError([Problem(f"file is larger than {MAX_YAML_BYTES} bytes (MAX_YAML_BYTES)", file=file)])
    reader = _Reader(file)
    reader.out.no_chinese_quotes = not any(mark in text for mark in CHINESE_QUOTES)  # one quick look (C speed)
    try:
        root = _compose(text, reader)
    except yaml.MarkedYAMLError as err:
        from ._typing_slips import Slip, yaml_syntax_problem  # a full-width colon or a tab is named, not the parser's words

        mark = err.problem_mark or err.context_mark
        if mark is not None and mark is err.problem_mark and text[offset(text, mark):][:1] == "\t":
            # stopped at a tab (after a list's dash: `- \tx`): it is the tab, not a character to put in quotes
            raise YamlError([Slip(mark.line + 1, mark.column + 1, "\t").problem(file, "YAML")]) from None
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        taken = text if mark is None else tabs_taken(text, offset(text, mark))  # a tab taken is not named as the slip
        raise YamlError([yaml_syntax_problem(taken, file, _line_column(err.context_mark), _line_column(mark), message)]) from None
    except yaml.reader.ReaderError as err:  # a character no YAML file may hold, such as NUL
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        raise YamlError([Problem(f"YAML syntax: character U+{err.character:04X} is not allowed in a YAML file", file=file,
                                 line=line, column=column, hint="remove it")]) from None
    except yaml.YAMLError as err:
        from ._typing_slips import parser_problem

        raise YamlError([parser_problem(" ".join(str(err).split()), file)]) from None
    except RecursionError:
        raise YamlError([Problem(f"nested deeper than {MAX_YAML_DEPTH} levels (MAX_YAML_DEPTH)", file=file)]) from None
    if root is None:
        raise YamlError([Problem("the file is empty", file=file, line=1, column=1)])
    reader.out.root = root
    reader.out.data = reader.read(root, (), 0)
    reader.out.problems = reader.problems
    if reader.out.aliased:
        _cut_repeats(root)
    return reader.out


def _cut_repeats(root: Node) -> None:
    """The node tree of a file with anchors made a tree: each place an alias repeats a node holds null instead, as the
    data does (the alias refused). A walk of it (a profile merged onto its base) then ends, in the time the file's size
    takes: a list holding itself (`remove: &r [*r]`) was walked for ever, an alias bomb for minutes (QA125 F7). In the
    file's order, as the reader reads, so the anchor is kept and its aliases cut; no deeper than the file is nested."""
    _visit(root, set())


def _visit(node: Node, seen: set[int]) -> Node:
    """`node`, the first time it is met, with what is below it cut; null where it is met again (an alias)."""
    if id(node) in seen:
        return ScalarNode("tag:yaml.org,2002:null", "", node.start_mark, node.end_mark)
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        node.value = [_visit(item, seen) for item in node.value]
    elif isinstance(node, MappingNode):
        node.value = [(_visit(key, seen), _visit(value, seen)) for key, value in node.value]
    return node


def from_nodes(root: Node, files: tuple[str | None, ...]) -> Located:
    """Data with positions from a node tree already read once (a profile resolved onto its base): marks name the files,
    which `files` gives in order, the profile's first. Raises YamlError past MAX_YAML_NODES or MAX_YAML_DEPTH (each
    file kept them, not the set they make), naming the file of the value where the reading stopped."""
    reader = _Reader(None)
    out = reader.out
    out.root, out.several_files, out.files = root, True, files
    out.data = reader.read(root, (), 0)
    out.problems = reader.problems
    return out


def _compose(text: str, reader: _Reader) -> Node | None:
    """The node tree of `text`, composed by libyaml; after the survey when the text may hold anchors or too many values.

    libyaml composes a file that could not be too big straight away (the
    reader then keeps the survey's bounds as it reads). When it cannot
    compose the text, the survey and PyYAML's own composer say why, in the
    words they always have (`_pyyaml_words`: where libyaml stopped, not at a
    tab before it that libyaml takes).
    """
    if _FAST_LOADER is not yaml.SafeLoader and "&" not in text and _most_values(text) <= 2 * MAX_YAML_NODES:
        try:
            return yaml.compose(text, Loader=_Composer)
        except (yaml.YAMLError, UnicodeError):
            pass
    reader.survey(text)
    if _FAST_LOADER is yaml.SafeLoader:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=_Composer)
    except (yaml.YAMLError, UnicodeError) as err:
        return in_pyyaml_words(text, err, lambda taken: yaml.compose(taken, Loader=yaml.SafeLoader))


def _most_values(text: str) -> int:
    """At most how many values `text` can hold.

    Each value is the document, or comes with one of , : - ? [ { (and one of those brings three at most).
    """
    return 1 + 3 * sum(text.count(indicator) for indicator in ",:-?[{")


def load_strict(text: str, file: str | None, error: type[Exception],
                locate: Callable[[Path], Mapping[str, Any]] | None = None) -> Located:
    """Read a YAML document where any problem at all is fatal (facts and case files), raised as `error`.

    `locate` gives the fields (path, fact…) that name a refused value by where it is in the document.
    """
    try:
        located = load(text, file)
    except YamlError as err:
        raise error(err.problems) from None
    if located.problems:
        at = located.paths() if locate is not None else {}
        problems = []
        for problem in located.problems:
            path = at.get((problem.line or 0, problem.column or 0))
            problems.append(problem if path is None or locate is None else problem.located(**locate(path)))
        raise error(problems)
    return located
