"""Safe YAML reading that remembers where every value came from.

Built on PyYAML's composer (safe tags only): the node tree is turned into
plain data while recording the line and column of every value and key, so
later errors can point at them. Duplicate keys are errors naming both lines;
anchors and aliases, merge keys and non-standard tags are refused (they have
no use in an indicator set and are the usual way to blow up a YAML reader).
Decimal numbers are read as `Decimal`, exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._arith import LARGEST_MAGNITUDE, decimal_from_text, in_range
from ._text import bad_character
from .errors import Problem

#: Largest YAML file read, in bytes.
MAX_YAML_BYTES = 500_000
#: Deepest nesting of mappings and lists.
MAX_YAML_DEPTH = 40
#: Most values (keys, scalars, mappings and lists) in one file; the largest example set has under 1,000.
MAX_YAML_NODES = 10_000
#: Numbers must be below this in magnitude (and 0 or at least 1e-15), the same bound as facts.MAX_FACT_MAGNITUDE.
MAX_YAML_NUMBER = LARGEST_MAGNITUDE

_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, when PyYAML was built with it

Path = tuple[str | int, ...]

_SAFE_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Located:
    """Data read from YAML with the (line, column) of each value and key, 1-based, by path."""

    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Problems that leave the rest readable (duplicate keys, aliases, tags): the
    # caller reports them together with its own.
    problems: list[Problem] = field(default_factory=list)
    rejected: set[Path] = field(default_factory=set)  # values refused (and so read as None): already reported
    # Plain scalars YAML read as something other than text (no → false, 1.10, 2024-01-01), as written: for hints.
    written: dict[Path, str] = field(default_factory=dict)
    problem_paths: dict[int, Path] = field(default_factory=dict)  # index in `problems` → the path of the value refused

    def where(self, path: Path, key: bool = False) -> tuple[int, int] | None:
        """Line and column of the value at `path` (or of its key), else of the nearest enclosing value."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path)


class YamlError(Exception):
    """The YAML text cannot be read; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _mark_of(event: yaml.Event) -> tuple[int, int]:
    """Line and column (from 1) where a parser event starts; the parser always sets the mark."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


class _Reader:
    def __init__(self, file: str | None):
        self.file = file
        self.out = Located(None)
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
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
        except (yaml.YAMLError, UnicodeError):  # libyaml takes UTF-8: a lone surrogate stops it before PyYAML's reader can say why
            if _FAST_LOADER is yaml.SafeLoader:
                raise
            self.problems.extend(self._survey(text, yaml.SafeLoader))

    def _survey(self, text: str, loader: type) -> list[Problem]:
        problems = []
        depth = nodes = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            nodes += 1
            line, column = _mark_of(event)
            if depth > MAX_YAML_DEPTH:
                raise YamlError([Problem(f"nested deeper than {MAX_YAML_DEPTH} levels (MAX_YAML_DEPTH)",
                                         file=self.file, line=line, column=column)])
            if nodes > MAX_YAML_NODES:
                raise YamlError([Problem(f"more than {MAX_YAML_NODES} values (MAX_YAML_NODES)", file=self.file,
                                         line=line, column=column, hint="split the file, or check that it is the file you meant")])
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            if isinstance(event, yaml.AliasEvent) or event.anchor:
                kind = "alias *" if isinstance(event, yaml.AliasEvent) else "anchor &"
                problems.append(Problem(f"{kind}{event.anchor} is not supported: anchors and aliases are refused",
                                        file=self.file, line=line, column=column, hint="write the value out in full"))
        return problems

    def read(self, node: Node, path: Path, depth: int) -> Any:
        if id(node) in self.seen:  # an alias: already reported by survey(); never expand it
            self.out.rejected.add(path)
            return None
        self.seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            self.problem(node, f"nested deeper than {MAX_YAML_DEPTH} levels (MAX_YAML_DEPTH)")
            return None
        self.out.values[path] = _mark(node)
        before = len(self.problems)
        if not isinstance(node, ScalarNode) and node.tag not in _SAFE_COLLECTION_TAGS:
            self.problem(node, f"tag {node.tag} is not allowed", "remove the !tag")
            self.out.rejected.add(path)
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.read(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)  # the composer makes no other kind of node
        value = self.scalar(node)
        if value is None and len(self.problems) > before:
            self.out.rejected.add(path)
            self.out.problem_paths.update(dict.fromkeys(range(before, len(self.problems)), path))
        elif node.style is None and not isinstance(value, str):
            self.out.written[path] = node.value
        return value

    def mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, "merge keys (<<) are not supported", "write the keys out in full")
                continue
            key = self.scalar(key_node) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, f"key {key_node.value if isinstance(key_node, ScalarNode) else '…'!s} must be text",
                             "put the key in quotes")
                continue
            line, _ = _mark(key_node)
            if key in first_line:
                self.problem(key_node, f"duplicate key {key!r} (first on line {first_line[key]}, again on line {line})",
                             "keep one of them")
                continue
            first_line[key] = line
            self.out.keys[path + (key,)] = _mark(key_node)
            result[key] = self.read(value_node, path + (key,), depth + 1)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.problem(node, f"tag {node.tag} is not allowed", "remove the !tag")
            return None
        if node.tag == _INT and node.style is None:
            surprise = _int_surprise(node.value)
            if surprise:
                self.problem(node, surprise, f"write it in plain decimal digits, or in quotes ('{_shown(node.value)}') if it is text")
                return None
        if node.tag in (_INT, _FLOAT) and sum(ch.isdigit() for ch in node.value) > 40:
            return self.out_of_range(node)  # before int() or Decimal() spend time on a giant
        if node.tag == _FLOAT:
            text = node.value.replace("_", "")
            number = decimal_from_text(text)
            if number is None and any(ch.isdigit() for ch in text):  # an exponent no Decimal holds: 1.0e99999999999999999999
                return self.out_of_range(node)
            if number is None or not number.is_finite():  # .inf, .nan
                self.problem(node, f"{_shown(node.value)} is not a finite number")
                return None
            if not number:
                return 0  # 0.0e-999999999 is 0, as if written so: not a billion zeros when printed
            return number if in_range(number) else self.out_of_range(node)
        try:
            value = self.constructor.construct_object(node)
        except (ConstructorError, ValueError) as err:
            self.problem(node, f"cannot read {_shown(node.value)!r}: {err}")
            return None
        if isinstance(value, int) and not isinstance(value, bool) and not in_range(Decimal(value)):
            return self.out_of_range(node)
        bad = bad_character(value) if isinstance(value, str) else None
        if bad:
            self.problem(node, bad, "remove it; it may have come from an escape such as \\x1b")
            return None
        return value

    def out_of_range(self, node: ScalarNode) -> None:
        self.problem(node, f"{_shown(node.value)} is out of range (MAX_YAML_NUMBER is 1e15, smallest 1e-15)",
                     "check the unit and the digits")
        return None


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
    try:
        reader.survey(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        raise YamlError([Problem(f"YAML syntax: {message}", file=file, line=line, column=column)]) from None
    except yaml.reader.ReaderError as err:  # a character no YAML file may hold, such as NUL
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        raise YamlError([Problem(f"YAML syntax: character U+{err.character:04X} is not allowed in a YAML file", file=file,
                                 line=line, column=column, hint="remove it")]) from None
    except yaml.YAMLError as err:
        raise YamlError([Problem(f"YAML syntax: {' '.join(str(err).split())}", file=file)]) from None
    except RecursionError:
        raise YamlError([Problem(f"nested deeper than {MAX_YAML_DEPTH} levels (MAX_YAML_DEPTH)", file=file)]) from None
    if root is None:
        raise YamlError([Problem("the file is empty", file=file, line=1, column=1)])
    reader.out.data = reader.read(root, (), 0)
    reader.out.problems = reader.problems
    return reader.out


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
        paths = located.problem_paths
        raise error([p.located(**locate(paths[i])) if locate and i in paths else p for i, p in enumerate(located.problems)])
    return located
