"""Numbers small to write but huge to print, in facts JSON, facts YAML, indicator sets and case files.

``0e-999999999`` is zero, and spelt out it is a billion characters; ``1e-999999``
and ``123e+400`` are out of range; ``1e99999999999999999999`` has an exponent no
Decimal can hold. Each is written at several places of the small example (a
project detail, a declared number, a list of numbers, a judgement's score, a
finding's points, an undeclared fact; a fact's bound, a grade, a band's points;
a case's expectation and override) and scored, validated or tested on the
command line beside the same file with a plain ``0`` there:

- a zero, however written, gives byte for byte what ``0`` gives;
- any other number either scores, with output no bigger than the ``0`` run's
  plus a few times what was written, or is refused on one line naming the fact
  or the place, the number cut short.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hostile.inputs import SMALL, Case, cli

PLACEHOLDER = "@@NUMBER@@"

#: Zeros in JSON syntax (YAML reads a number with an exponent as a number only with a dot and a signed exponent).
JSON_ZEROS = ("0e-999999999", "0E+999999999", "-0.0e-999999999", "0.000e-99999999999999999999", "0e-2147483649", "-0E-0")
YAML_ZEROS = ("0.0e-999999999", "0.0e+999999999", "-0.0e-999999999", "0.000e-99999999999999999999", "-0.0", "0.0e-2147483649")
#: Numbers that are not zero and must not print large: out of range, an exponent no Decimal holds, many digits.
JSON_OTHERS = ("1e-999999", "123e+400", "1e99999999999999999999", "-1e-99999999999999999999", "1e-16", "1e15",
               "9" * 41, "0." + "0" * 20 + "1", "1" + "0" * 14 + "e-15", "1." + "0" * 400)
YAML_OTHERS = ("1.0e-999999", "123.0e+400", "1.0e+99999999999999999999", "-1.0e-99999999999999999999", "1.0e-16",
               "1.0e+15", "9" * 41, "0." + "0" * 20 + "1", "100000000000000.0e-15", "1." + "0" * 30)

#: Where a number goes in examples/small/facts.json, as a path of keys and list positions, and what its error must name.
FACTS_PLACES: dict[str, tuple[str | int, ...]] = {
    "project-detail": ("project", "zero"),
    "declared-number": ("facts", "budget", "paid"),
    "list-of-numbers": ("facts", "benefit", "expert_scores", 0),
    "judgement-score": ("facts", "decision", "budget_judgement", "score"),
    "finding-points": ("facts", "findings", "compliance", 0, "points"),
    "undeclared-fact": ("facts", "extra", "undeclared"),
}
NAMED = {"project-detail": "$.project.zero", "declared-number": "budget.paid", "list-of-numbers": "benefit.expert_scores",
         "judgement-score": "decision.budget_judgement", "finding-points": "findings.compliance",
         "undeclared-fact": "extra.undeclared"}
#: Where a number goes in examples/small/set.yaml: the line's text before and after, the 0 replaced.
SET_PLACES = {
    "fact-minimum": ("  budget.total:      {type: number, min: 0,", "  budget.total:      {type: number, min: {},"),
    "grade-minimum": ("  - {label: 差, min: 0}", "  - {label: 差, min: {}}"),
    "band-points": ("                - {max: 0.9, points: 0}", "                - {max: 0.9, points: {}}"),
}
#: Where a number goes in a case file for the small example.
CASE_PLACES = {
    "expected-total": "  - name: 数字\n    expect: {total: @@NUMBER@@}\n",
    "override": "  - name: 数字\n    overrides: {budget.paid: @@NUMBER@@}\n    expect: {scores: {process.execution: 0}}\n",
    "tolerance": "  - name: 数字\n    expect: {total: 79.73, tolerance: @@NUMBER@@}\n",
}


def facts_text(place: tuple[str | int, ...], written: str) -> str:
    """examples/small/facts.json with `written` (JSON or YAML number syntax) at `place`."""
    doc: Any = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    node = doc
    for key in place[:-1]:
        if isinstance(node, dict):
            node = node.setdefault(key, {})
        else:
            if not isinstance(node[key], dict):
                node[key] = {"text": node[key]}
            node = node[key]
    node[place[-1]] = PLACEHOLDER
    return json.dumps(doc, ensure_ascii=False, indent=1).replace(f'"{PLACEHOLDER}"', written)


def set_text(place: str, written: str) -> str:
    """examples/small/set.yaml with `written` in place of the 0 at `place`."""
    before, after = SET_PLACES[place]
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    assert before in text, place
    return text.replace(before, after.replace("{}", written), 1)


def case_text(place: str, written: str) -> str:
    """A case file for the small example with one case holding `written` at `place`."""
    return "indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n" + CASE_PLACES[place].replace(PLACEHOLDER, written)


def _work(name: str, text: str, args: list[str], validate: bool = False) -> Callable[[Path], dict[str, Any]]:
    """Write `text` as `name` beside the small example and run `args` (and `validate` the set)."""

    def work(folder: Path) -> dict[str, Any]:
        shutil.copy(SMALL / "set.yaml", folder / "set.yaml")
        shutil.copy(SMALL / "facts.json", folder / "facts.json")
        (folder / name).write_text(text, encoding="utf-8")
        runs = {"run": cli(args), "bytes": len(text.encode("utf-8"))}
        if validate:
            runs["validate"] = cli(["validate", "set.yaml"])
        return runs

    return work


def _cases(kind: str, place: str, written: str, zero: bool) -> list[Case]:
    """The case of `written` at `place` in a file of `kind` (facts-json, facts-yaml, set, case-file), and its 0 twin."""
    if kind.startswith("facts"):
        name = "facts.yaml" if kind == "facts-yaml" else "facts.json"
        text, args, names = (lambda n: facts_text(FACTS_PLACES[place], n)), ["score", name, "--format", "json"], NAMED[place]
    elif kind == "set":
        name, text, names = "set.yaml", (lambda n: set_text(place, n)), "set.yaml:"
        args = ["score", "facts.json", "--format", "json"]
    else:
        name, text, args, names = "n.cases.yaml", (lambda n: case_text(place, n)), ["test", "n.cases.yaml"], "n.cases.yaml"
    twin = f"{kind}/{place}/0"
    expect = {"zero": zero, "written": written, "names": names, "set": kind == "set", "twin": twin}
    return [Case(f"{kind}/{place}/{_label(written)}", _work(name, text(written), args, kind == "set"), expect),
            Case(twin, _work(name, text("0"), args, kind == "set"), {"twin": None})]


def _label(written: str) -> str:
    return written if len(written) <= 24 else f"{written[:10]}…{len(written)}chars"


def number_cases() -> list[Case]:
    """Every hostile number in every kind of file, each at two of its places in turn; and once per place, the file with 0."""
    cases: dict[str, Case] = {}
    for kind, zeros, others in (("facts-json", JSON_ZEROS, JSON_OTHERS), ("facts-yaml", YAML_ZEROS, YAML_OTHERS),
                                ("set", YAML_ZEROS, YAML_OTHERS), ("case-file", YAML_ZEROS, YAML_OTHERS)):
        places = list(FACTS_PLACES if kind.startswith("facts") else SET_PLACES if kind == "set" else CASE_PLACES)
        for i, written in enumerate(zeros + others):
            for k in (0, 3) if kind.startswith("facts") else (0, 1) if kind == "set" else (0,):
                cases.update((c.name, c) for c in _cases(kind, places[(i + k) % len(places)], written, written in zeros))
    return list(cases.values())


SHA = re.compile(r'"sha256": "[0-9a-f]{64}"')


def without_set_hash(text: str) -> str:
    """A JSON report with the indicator set's hash blanked (a set written differently hashes differently)."""
    return SHA.sub('"sha256": "…"', text)
