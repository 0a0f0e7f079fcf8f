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
from functools import cache
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


def batch_inputs() -> st.SearchStrategy[bytes]:
    """The bytes of a JSONL file of one to four facts documents, each a structured mutation (project details included)
    or the small example's facts on one line with bytes mutated (a mutation may split or join lines)."""
    original = json.loads(FACTS_BYTES)
    one_line = json.dumps(original, ensure_ascii=False).encode("utf-8")
    line = st.one_of(mutated_document(original).map(lambda d: as_json(*d)), mutated_bytes(one_line), st.just(one_line))
    return st.lists(line, min_size=1, max_size=4).map(lambda lines: b"\n".join(lines) + b"\n")


#: What a person (or a program) may type into a form's cell: numbers with units, signs and commas, formulas, dates,
#: errors Excel shows, hostile text; openpyxl writes each as its kind (a text starting with = as a formula).
CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from(("712.42万元", "１２３", "≥19栋", "95%", "-", "—", "无", "=1/0", "=SUM(A1:A9)", "=HYPERLINK(\"x\")",
                     "#DIV/0!", "#REF!", "1,182.33", "2024-06-30", "0e-999999999", "1e99999", "9" * 40)),
    st.sampled_from(TEXTS).filter(lambda text: "\ud800" not in text), st.dates(), st.text(max_size=30).filter(
        lambda text: not any(0xD800 <= ord(c) <= 0xDFFF for c in text)),
)


@cache
def form_bytes() -> bytes:
    """The resettlement-housing project's filled 自评表, as `score --format xlsx` writes it (the set named on its side
    sheet)."""
    from scoring_engine import load_facts, load_indicator_set, score
    from scoring_engine.loader import resolve_set
    from scoring_engine.reports.layouts import render_layout

    facts_path = SMALL.parent / "resettlement-housing" / "facts.json"
    facts = load_facts(facts_path)
    indicator_set = load_indicator_set(resolve_set(facts.indicator_set, relative_to=facts_path.parent))
    return render_layout(score(indicator_set, facts), indicator_set, "xlsx", "selfeval")


@st.composite
def form_inputs(draw: st.DrawFn) -> bytes:
    """A filled 自评表 with a few cells of either sheet retyped, emptied or filled, rows inserted or deleted."""
    import io

    from openpyxl import load_workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = load_workbook(io.BytesIO(form_bytes()))
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        sheet = book.worksheets[draw(st.integers(min_value=0, max_value=len(book.worksheets) - 1))]
        row = draw(st.integers(min_value=1, max_value=sheet.max_row + 1))
        action = draw(st.sampled_from(["cell", "cell", "cell", "insert row", "delete row"]))
        if action == "insert row":
            sheet.insert_rows(row)
        elif action == "delete row":
            sheet.delete_rows(row)
        else:
            cell = sheet.cell(row, draw(st.integers(min_value=1, max_value=sheet.max_column + 1)))
            value = draw(CELL_VALUES)
            if type(cell).__name__ != "MergedCell" and not (isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value)):
                cell.value = value  # (the inner cells of a merge hold nothing; no workbook holds a control character)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def set_inputs() -> st.SearchStrategy[bytes]:
    """The bytes of a set file: mutated bytes of the small set, or a structured mutation of it as YAML."""
    original = yaml.safe_load(SET_BYTES)
    return st.one_of(mutated_bytes(SET_BYTES), mutated_document(original).map(lambda d: as_yaml(*d)))


def case_inputs() -> st.SearchStrategy[bytes]:
    """The bytes of a case file: mutated bytes of the small example's, or a structured mutation of it as YAML."""
    original = yaml.safe_load(CASES_BYTES)
    return st.one_of(mutated_bytes(CASES_BYTES), mutated_document(original).map(lambda d: as_yaml(*d)))


RECHECK = "recheck.jsonl"  # a batch's copy, as its re-check
COMMANDS: dict[str, Callable[[str], list[list[str]]]] = {
    "facts": lambda name: [["score", name, "--set", "set.yaml", "--format", "json"], ["score", name]],
    "set": lambda name: [["validate", name], ["score", "facts.json", "--set", name, "--format", "markdown"]],
    "cases": lambda name: [["test", name]],
    "form": lambda name: [["score", name, "--format", "json"], ["import", name], ["batch", name, "-q", "-o", "out.csv"]],
    # every output and each project's report, then the same documents, copied, as their own re-check (matched by project
    # id) in two worker processes, whose rows come back pickled (the file itself as its own re-check is refused: exit 2)
    "batch": lambda name: [["batch", name, "--set", "set.yaml", "-j", "1", "-q", "-o", "out.xlsx", "-o", "out.csv",
                            "-o", "out.html", "-o", "out.jsonl", "--reports", "reports", "--report-format", "xlsx"],
                           ["batch", name, "--set", "set.yaml", "-j", "2", "-q", "--compare-with", RECHECK, "-o", "compared.xlsx",
                            "-o", "compared.html"]],
}


def run_input(kind: str, name: str, data: bytes) -> Callable[[Path], dict[str, Any]]:
    """The work of one fuzzed input: written as `name` beside the small example, then read by each command of its kind."""

    def work(scratch: Path) -> dict[str, Any]:
        for example in ("set.yaml", "facts.json"):
            shutil.copy(SMALL / example, scratch / example)
        (scratch / name).write_bytes(data)
        if kind == "batch":
            (scratch / RECHECK).write_bytes(data)
        runs = {" ".join(args): cli(args) for args in COMMANDS[kind](name)}
        if kind == "batch":  # what the batch left: its outputs, and whether each workbook opens with every sheet
            runs["written"] = {path.name: _sheets(path) if path.suffix == ".xlsx" else [] for path in scratch.glob("*.*")
                               if path.stem in ("out", "compared")}
        return runs

    return work


def _sheets(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()
