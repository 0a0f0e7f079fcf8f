"""The hostile corpora and how each case is tried, shared by the tests and benchmarks/hostile_corpus.py.

Three corpora live next to this file:

- ``formulas.yaml``: hostile formulas by class of attack;
- ``sets/``: hostile indicator-set files, each ``NAME.yaml`` with ``NAME.expect``;
- ``facts/``: hostile facts files scored against ``facts/set.yaml``, each with ``NAME.expect``.

Cases too big to keep as files (a file over the size limit, a hundred thousand
brackets) are built by `generated_set_cases` and `generated_facts_cases`. Each
``try_*`` function runs one case every way a user can meet it -- the Python API
and the command line -- and returns what happened as plain data, so that it can
run in a bounded child process (`bounded.run_bounded`) and be judged there or
in the parent.
"""

from __future__ import annotations

import datetime
import json
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from hostile.inputs import inside

from scoring_engine import ScoringEngineError, load_facts, load_indicator_set, parse_indicator_set, score
from scoring_engine._schema import validator
from scoring_engine._yaml import MAX_YAML_BYTES, MAX_YAML_NODES
from scoring_engine.cli import main
from scoring_engine.formulas import compile_formula, evaluate
from scoring_engine.loader import MAX_FACTS_BYTES

HERE = Path(__file__).parent
FORMULAS_FILE = HERE / "formulas.yaml"
SETS_DIR = HERE / "sets"
FACTS_DIR = HERE / "facts"

#: The classes of formula attack issue 4 lists; formulas.yaml has a section for each.
CLASSES = ("attributes", "format-strings", "builtins", "number-blowups", "amplification", "parser", "unicode", "values")

# ---------------------------------------------------------------- formulas

SCOPE = {"a": "number", "b": "number", "zero": "number", "big": "number", "s": "string", "flag": "boolean",
         "l": "list", "empty": "list", "d": "date"}
NAMES = {"a": Decimal(1), "b": Decimal(2), "zero": Decimal(0), "big": Decimal(999999999999999), "s": "x", "flag": True,
         "l": (Decimal(1), Decimal(2), Decimal(3)), "empty": (), "d": datetime.date(2024, 1, 1)}
FACTS = {"a": 1, "b": 2, "zero": 0, "big": 999999999999999, "s": "x", "flag": True, "l": [1, 2, 3], "empty": [],
         "d": "2024-01-01"}
SET_HEAD = """\
id: hostile
name: 恶意公式
version: "1"
facts:
  a: {type: number}
  b: {type: number}
  zero: {type: number}
  big: {type: number}
  s: {type: string}
  flag: {type: boolean}
  l: {type: list, items: number}
  empty: {type: list, items: number}
  d: {type: date}
grades: [{label: 合格, min: 0}]
indicators:
  - id: a
    name: 公式
    weight: 100
"""
#: The line of the set that holds the formula.
FORMULA_LINE = SET_HEAD.count("\n") + 1


@dataclass(frozen=True)
class FormulaCase:
    """One entry of formulas.yaml: its class, the formula, and what must happen."""

    cls: str
    number: int
    formula: str
    stage: str  # load | score | ok
    words: tuple[str, ...] = ()
    set_words: tuple[str, ...] = ()
    value: Any = None

    @property
    def id(self) -> str:
        return f"{self.cls}-{self.number}"


def _words(value: str | list[str] | None) -> tuple[str, ...]:
    return () if value is None else (value,) if isinstance(value, str) else tuple(value)


def formula_cases(path: Path = FORMULAS_FILE) -> list[FormulaCase]:
    """The cases of formulas.yaml, `expand` entries built (string operations only, no builtins)."""
    cases = []
    for cls, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for number, entry in enumerate(entries, 1):
            formula = entry["formula"] if "formula" in entry else eval(entry["expand"], {"__builtins__": {}})
            stage = "load" if "load" in entry else "score" if "score" in entry else "ok"
            words = _words(entry.get(stage)) if stage != "ok" else ()
            cases.append(FormulaCase(cls, number, formula, stage, words, _words(entry.get("set")) or words, entry.get("value")))
    return cases


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: letters and printable ASCII as they are, everything else escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~" or (ord(ch) > 127 and unicodedata.category(ch)[0] not in "CZ"):
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def formula_set(formula: str, true_or_false: bool = False) -> str:
    """An indicator set whose one indicator is scored by `formula`, written on line FORMULA_LINE: as its score, or, for a
    formula giving true or false (which no score is: refused when the set loads), as a checklist element's met."""
    if true_or_false:
        return SET_HEAD + f"    rule: {{kind: checklist, elements: [{{name: 甲, met: {yaml_quoted(formula)}}}]}}\n"
    return SET_HEAD + f"    rule: {{kind: formula, score: {yaml_quoted(formula)}}}\n"


def _error(err: BaseException) -> dict[str, Any]:
    ours = isinstance(err, ScoringEngineError)
    return {"type": type(err).__name__, "ours": ours, "text": str(err)[:100_000],
            "problems": [dict(p.__dict__) for p in err.problems] if ours else []}  # type: ignore[attr-defined]


def _cli(args: list[str]) -> dict[str, Any]:
    done = CliRunner().invoke(main, args)
    crash = done.exception if done.exception and not isinstance(done.exception, SystemExit) else None
    return {"command": args[0], "code": done.exit_code, "stderr": done.stderr, "exception": repr(crash) if crash else None}


def try_formula(formula: str, value_expected: bool = False) -> dict[str, Any]:
    """Try `formula` compiled alone, inside a set (loaded, then scored) and through the CLI; report what each did."""
    seen: dict[str, Any] = {}
    clock = time.perf_counter()
    try:
        compiled = compile_formula(formula, SCOPE)
        seen["compiled"] = True
        seen["value"] = evaluate(compiled, NAMES)
        seen["same_again"] = seen["value"] == evaluate(compiled, dict(reversed(list(NAMES.items()))))
    except BaseException as err:
        seen["error"] = _error(err)
    seen["formula_seconds"], clock = time.perf_counter() - clock, time.perf_counter()
    text = formula_set(formula, isinstance(seen.get("value"), bool))
    try:
        indicator_set = parse_indicator_set(text, source="hostile.yaml")
        seen["set_loaded"] = True
        if not value_expected or isinstance(seen.get("value"), Decimal):
            seen["set_total"] = score(indicator_set, FACTS).total
    except BaseException as err:
        seen["set_error"] = _error(err)
    seen["set_seconds"] = time.perf_counter() - clock
    with tempfile.TemporaryDirectory() as folder:
        set_file, facts_file = Path(folder, "set.yaml"), Path(folder, "facts.json")
        set_file.write_text(text, encoding="utf-8")
        facts_file.write_text(json.dumps({"facts": FACTS}), encoding="utf-8")
        scorable = "set_loaded" in seen and not (value_expected and not isinstance(seen.get("value"), Decimal))
        seen["cli"] = _cli(["score", str(facts_file), "--set", str(set_file)] if scorable else ["validate", str(set_file)])
    return seen


# ---------------------------------------------------------------- files: sets and facts


@dataclass(frozen=True)
class FileCase:
    """A hostile indicator-set or facts file: kept in the corpus folder, or built by `make` in a scratch folder."""

    kind: str  # set | facts
    name: str
    words: tuple[str, ...]
    make: Callable[[Path], Path] | None = None  # generated cases: writes the input into the folder, returns its path

    def path(self, folder: Path) -> Path:
        """The input file (or folder) to read; generated ones are written into `folder` first."""
        if self.make is not None:
            return self.make(folder)
        return (SETS_DIR if self.kind == "set" else FACTS_DIR) / self.name


def _expected(path: Path) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


def set_cases() -> list[FileCase]:
    """The files of sets/, each with the words of its .expect file, and the generated ones."""
    kept = [FileCase("set", p.name, _expected(p.with_suffix(".expect"))) for p in sorted(SETS_DIR.glob("*.yaml"))]
    return kept + generated_set_cases()


def facts_cases() -> list[FileCase]:
    """The files of facts/ (but its set and its good example), each with its .expect file, and the generated ones."""
    files = sorted(p for p in FACTS_DIR.iterdir() if p.suffix in (".json", ".yaml") and p.name not in ("set.yaml", "good.json"))
    kept = [FileCase("facts", p.name, _expected(p.with_name(p.name + ".expect"))) for p in files]
    return kept + generated_facts_cases()


_VALID_SET = (SETS_DIR / "octal_weight.yaml").read_text(encoding="utf-8").replace("weight: 0100", "weight: 100")


def _writer(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return make


def _folder(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).mkdir()
        return folder / name

    return make


def generated_set_cases() -> list[FileCase]:
    """Hostile sets too big or too odd to keep as files."""
    aliases = "x: &x 1\nflood: [" + ", ".join(["*x"] * 3000) + "]\n"
    return [
        FileCase("set", "oversize.yaml", ("oversize.yaml:", f"the limit is {MAX_YAML_BYTES}"),
                 _writer("oversize.yaml", _VALID_SET + "# " + "x" * MAX_YAML_BYTES + "\n")),
        FileCase("set", "too_many_values.yaml", (f"more than {MAX_YAML_NODES} values (MAX_YAML_NODES)",),
                 _writer("too_many_values.yaml", _VALID_SET + "description:\n" + "- x\n" * MAX_YAML_NODES)),
        FileCase("set", "hundred_thousand_brackets.yaml", ("nested deeper than 40 levels (MAX_YAML_DEPTH)",),
                 _writer("hundred_thousand_brackets.yaml", _VALID_SET + "description: " + "[" * 100_000 + "\n")),
        FileCase("set", "alias_flood.yaml", ("alias *x is not supported", "more problems not shown"),
                 _writer("alias_flood.yaml", _VALID_SET + aliases)),
        FileCase("set", "nul_byte.yaml", ("nul_byte.yaml:2:", "YAML syntax: character U+0000 is not allowed in a YAML file"), _writer("nul_byte.yaml", _VALID_SET.replace("YAML 陷阱", "YAML\0陷阱"))),
        FileCase("set", "gbk.yaml", ("the file is GBK/GB18030 text, not UTF-8", "记事本", "--encoding gb18030"),
                 _writer("gbk.yaml", _VALID_SET.encode("gbk"))),
        FileCase("set", "utf16_unmarked.yaml", ("utf16_unmarked.yaml:1:", "the file is UTF-16, as Notepad saves 'Unicode'"),
                 _writer("utf16_unmarked.yaml", _VALID_SET.encode("utf-16-le"))),  # QA318 F7: was called GBK
        FileCase("set", "not_utf8.yaml", ("not UTF-8 text (byte 5)", "save the file as UTF-8"), _writer("not_utf8.yaml", b"id: x\xff\n")),
        FileCase("set", "folder.yaml", ("is a folder, not a file",), _folder("folder.yaml")),
        FileCase("set", "nowhere.yaml", ("no indicator set 'nowhere.yaml'",), lambda folder: folder / "nowhere.yaml"),
    ]


def generated_facts_cases() -> list[FileCase]:
    """Hostile facts files too big or too odd to keep as files."""
    good = (FACTS_DIR / "good.json").read_text(encoding="utf-8")
    padding = good.replace('"year": 2024', '"year": 2024, "note": "' + "x" * MAX_FACTS_BYTES + '"')
    return [
        FileCase("facts", "oversize.json", (f"the limit is {MAX_FACTS_BYTES}",), _writer("oversize.json", padding)),
        FileCase("facts", "folder.json", ("is a folder, not a file",), _folder("folder.json")),
        FileCase("facts", "nowhere.json", ("no such file",), lambda folder: folder / "nowhere.json"),
        FileCase("facts", "empty.json", ("JSON syntax",), _writer("empty.json", "")),
    ]


def try_set_file(case: FileCase) -> dict[str, Any]:
    """Load the set file by its bare name from its folder (so errors print NAME.yaml:LINE:), then `validate` it."""
    seen: dict[str, Any] = {}
    validator("indicator-set.schema.json")  # jsonschema imported and its validator built once per process: not timed
    with tempfile.TemporaryDirectory() as scratch:
        path = case.path(Path(scratch))
        with inside(path.parent):
            started = time.perf_counter()
            try:
                load_indicator_set(path.name)
                seen["loaded"] = True
            except BaseException as err:
                seen["error"] = _error(err)
            seen["load_seconds"] = time.perf_counter() - started
            seen["cli"] = _cli(["validate", path.name])
    return seen


def try_facts_file(case: FileCase) -> dict[str, Any]:
    """Load the facts file and score it against facts/set.yaml, then `score` it on the command line."""
    seen: dict[str, Any] = {}
    indicator_set = load_indicator_set(FACTS_DIR / "set.yaml")
    with tempfile.TemporaryDirectory() as scratch:
        path = case.path(Path(scratch))
        with inside(path.parent):
            started = time.perf_counter()
            try:
                seen["total"] = score(indicator_set, load_facts(path.name)).total
            except BaseException as err:
                seen["error"] = _error(err)
            seen["load_seconds"] = time.perf_counter() - started
            seen["cli"] = _cli(["score", path.name, "--set", str(FACTS_DIR / "set.yaml")])
    return seen


def assert_one_error_line_per_problem(seen: dict[str, Any]) -> None:
    """The CLI run of a refused file: no exception, exit 1, and exactly one `error:` line per problem of the error."""
    cli = seen["cli"]
    assert cli["exception"] is None
    assert 1 == cli["code"], cli["stderr"]
    lines = cli["stderr"].splitlines()
    assert len(seen["error"]["problems"]) == len(lines)
    assert all(line.startswith("error: ") for line in lines), cli["stderr"]
