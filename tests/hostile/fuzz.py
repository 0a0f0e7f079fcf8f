"""Hypothesis strategies for fuzzing the command line with facts files, set files and case files.

Each input is either bytes (random, or the bundled small example with bytes
inserted, deleted and overwritten) or a structured mutation of the bundled
file: values anywhere replaced by hostile ones (numbers small to write and huge
to print, NaN, giant integers, text with control, bidi and zero-width
characters, paths leading out, nested objects, lists), keys deleted, added in
dotted spellings or renamed. `run_input` writes the input beside the small
example's set and facts and runs the commands that read it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hostile.inputs import SMALL, cli
from hypothesis import strategies as st

FACTS_BYTES = (SMALL / "facts.json").read_bytes()
SET_BYTES = (SMALL / "set.yaml").read_bytes()
CASES_BYTES = (SMALL / "set.cases.yaml").read_bytes()

#: Numbers written as JSON text (placed raw, unquoted): small to write, huge to print, out of range, odd.
RAW_NUMBERS = ("0e-999999999", "1e-999999", "123e+400", "1e99999999999999999999", "-0.0", "1e15", "9" * 60, "1e-16",
               "0.000000000000001", "999999999999999", "-1", "NaN", "Infinity", "-Infinity", "1" + "0" * 5000)
TEXTS = ("../../etc/passwd", "/dev/zero", "/etc/shadow", "-", "set.yaml", "self-evaluation", "", " ", "a\u202eb", "x\u200by",
         "\x1b[2J", "\ud800", "line\nerror: forged", "1,182.33", "86%", "2024-13-45", "2024-02-30", "yes", "null", "~",
         "output.planned_end == 45000", "budget.paid ** 99", "x" * 300, "分档", "按比例", "d" * 5000, "\ufeff", "\x00")

_KEYS = st.one_of(st.sampled_from(["budget.paid", "budget", "paid", "facts", "project", "not_applicable", "indicator_set",
                                   "decision.basis", "process", "score", "reason", "text", "points", "tier", "a.b.c", "",
                                   "budget.\u200bpaid", "id", "name", "weight", "rule", "kind", "children", "derived"]),
                  st.text(max_size=12))
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(TEXTS), st.text(max_size=40),
)
VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
                      max_leaves=12)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a document (the root too)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


@st.composite
def mutated_document(draw: st.DrawFn, original: Any) -> tuple[Any, dict[str, str]]:
    """`original` with a few values replaced, keys deleted, added or renamed; and raw number texts to put in place."""
    doc = json.loads(json.dumps(original, default=str))
    raw: dict[str, str] = {}
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(_paths(doc)))
        target = _at(doc, path)
        action = draw(st.sampled_from(["replace", "raw-number", "delete", "add", "rename"] if path else ["add"]))
        if action in ("replace", "raw-number") and path:
            marker = f"@@RAW{len(raw)}@@"
            if action == "raw-number":
                raw[json.dumps(marker)] = draw(st.sampled_from(RAW_NUMBERS))
            _at(doc, path[:-1])[path[-1]] = marker if action == "raw-number" else draw(VALUES)
        elif action == "delete" and path:
            parent = _at(doc, path[:-1])
            del parent[path[-1]]
        elif action == "add" and isinstance(target, dict):
            target[draw(_KEYS)] = draw(VALUES)
        elif action == "add" and isinstance(target, list):
            target.append(draw(VALUES))
        elif action == "rename" and isinstance(path[-1], str):
            parent = _at(doc, path[:-1])
            parent[draw(_KEYS)] = parent.pop(path[-1])
    return doc, raw


def as_json(doc: Any, raw: dict[str, str]) -> bytes:
    text = json.dumps(doc, ensure_ascii=False, allow_nan=True)
    for marker, number in raw.items():
        text = text.replace(marker, number)
    return text.encode("utf-8", "surrogatepass")


def as_yaml(doc: Any, raw: dict[str, str]) -> bytes:
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    for marker, number in raw.items():
        bare = json.loads(marker)
        text = text.replace(f"'{bare}'", number).replace(bare, number)
    return text.encode("utf-8", "surrogatepass")


_CHUNKS = [b"\x00", b"\xff", b"{", b"[", b"&a", b"*a", b"!!python/object:os.system", b"\t", b"e-999999999"]


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` with a few bytes inserted, deleted or overwritten."""
    data = bytearray(original)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        chunk = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(_CHUNKS)))
        op = draw(st.sampled_from(["insert", "delete", "overwrite"]))
        if op == "insert":
            data[at:at] = chunk
        elif op == "delete":
            del data[at:at + len(chunk)]
        else:
            data[at:at + len(chunk)] = chunk
    return bytes(data)


def facts_inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    """(file name, bytes) of a facts file: random bytes, mutated bytes, or a structured mutation as JSON or YAML."""
    original = json.loads(FACTS_BYTES)
    structured = mutated_document(original)
    return st.one_of(
        st.tuples(st.just("facts.json"), st.binary(max_size=400)),
        st.tuples(st.just("facts.json"), mutated_bytes(FACTS_BYTES)),
        st.tuples(st.just("facts.json"), structured.map(lambda d: as_json(*d))),
        st.tuples(st.just("facts.yaml"), structured.map(lambda d: as_yaml(*d))),
    )


def set_inputs() -> st.SearchStrategy[bytes]:
    """The bytes of a set file: mutated bytes of the small set, or a structured mutation of it as YAML."""
    original = yaml.safe_load(SET_BYTES)
    return st.one_of(mutated_bytes(SET_BYTES), mutated_document(original).map(lambda d: as_yaml(*d)))


def case_inputs() -> st.SearchStrategy[bytes]:
    """The bytes of a case file: mutated bytes of the small example's, or a structured mutation of it as YAML."""
    original = yaml.safe_load(CASES_BYTES)
    return st.one_of(mutated_bytes(CASES_BYTES), mutated_document(original).map(lambda d: as_yaml(*d)))


COMMANDS: dict[str, Callable[[str], list[list[str]]]] = {
    "facts": lambda name: [["score", name, "--set", "set.yaml", "--format", "json"], ["score", name]],
    "set": lambda name: [["validate", name], ["score", "facts.json", "--set", name, "--format", "markdown"]],
    "cases": lambda name: [["test", name]],
}


def run_input(kind: str, name: str, data: bytes) -> Callable[[Path], dict[str, Any]]:
    """The work of one fuzzed input: written as `name` beside the small example, then read by each command of its kind."""

    def work(scratch: Path) -> dict[str, Any]:
        for example in ("set.yaml", "facts.json"):
            shutil.copy(SMALL / example, scratch / example)
        (scratch / name).write_bytes(data)
        return {" ".join(args): cli(args) for args in COMMANDS[kind](name)}

    return work
