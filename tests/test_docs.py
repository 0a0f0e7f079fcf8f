"""The reference documents cannot drift from the engine: every example in them is loaded, compiled or scored here.

Conventions in ``docs/indicator-sets.md``:

- a ```yaml block that starts with ``id:`` or a ``# yaml-language-server`` line and
  has ``indicators`` is a complete set: it must load;
- a ```yaml block that is one indicator (``id``, ``name``, ``weight`` and ``rule``
  or ``children``) is wrapped into a set whose ``total`` is its weight and whose
  facts are the last ``facts:`` shown before it; it must load;
- any other ```yaml block is a fragment of top-level keys (no ``id``), merged
  into a minimal set; it must load;
- a ```yaml invalid block must be refused: the ```text block after it shows
  the exact output of ``scoring-engine --lang en validate broken.yaml``, its first line;
- a ```json block is a facts file for the complete set it names in
  ``indicator_set`` (by id) or else for the last complete set above it: it must
  score. A following ``Result: **TOTAL**, GRADE — REASON`` line (the reason only
  for one-leaf sets) and a ``| id | weight | score |`` table must match;
- a ```json invalid block must fail: the ```text block after it shows the exact
  output of ``scoring-engine --lang en score facts.json --set set.yaml``, its first line.

Conventions in ``docs/formulas.md``: the ```yaml block declares the names, the
```json block gives the facts; in ```formula blocks each unindented line must
compile and an indented ``= VALUE`` line under it is its value; in
```formula-refused blocks each line must raise FormulaError and in
```formula-fails blocks each line must compile and then raise ScoringError,
with the indented ``→ TEXT`` in the message.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from scoring_engine import FactsError, FormulaError, IndicatorSetError, ScoringError, parse_facts, parse_indicator_set, score
from scoring_engine import formulas
from scoring_engine.facts import check_facts
from scoring_engine.formulas import FUNCTIONS, compile_formula, evaluate
from scoring_engine.model import FACT_TYPES, IndicatorSet
from scoring_engine.reasons import COMMON_FIELDS, TEMPLATES
from scoring_engine.rules import RULE_KINDS

ROOT = Path(__file__).resolve().parent.parent
SETS_DOC = ROOT / "docs" / "indicator-sets.md"
FORMULAS_DOC = ROOT / "docs" / "formulas.md"
SCHEMA = json.loads((ROOT / "schemas" / "indicator-set.schema.json").read_text(encoding="utf-8"))

FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
RESULT = re.compile(r"^Result: \*\*(?P<total>[0-9.]+)\*\*, (?P<grade>\S+?)(?: — (?P<reason>.+))?$", re.M)
ROW = re.compile(r"^\| `?(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*)`? \| (?P<weight>[0-9.]+) \| (?P<score>[0-9.]+) \|$", re.M)


@dataclass(frozen=True)
class Block:
    """One fenced block of a document, with the prose that follows it up to the next block."""

    doc: str
    lang: str
    info: str
    body: str
    line: int
    after: str

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def _blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    matches = list(FENCE.finditer(text))
    found = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        lang, _, info = m.group(1).strip().partition(" ")
        found.append(Block(path.name, lang, info.strip(), m.group(2), text.count("\n", 0, m.start()) + 1, text[m.end():end]))
    return found


def _section(path: Path, heading: str) -> str:
    """The text of the section under `heading` (a Markdown heading line), up to the next heading of the same level."""
    text = path.read_text(encoding="utf-8")
    level = heading.split(" ", maxsplit=1)[0]
    start = text.index(f"\n{heading}\n")
    following = re.search(rf"^{re.escape(level)} ", text[start + len(heading) + 2:], re.M)
    return text[start: start + len(heading) + 2 + following.start()] if following else text[start:]


def _plain(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- indicator-sets.md: classifying the yaml blocks

TOP_LEVEL = set(SCHEMA["properties"])
FRAGMENT_BASE = {
    "id": "id: doc-fragment",
    "name": "name: 文档片段",
    "version": 'version: "1"',
    "grades": "grades:\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}",
    "indicators": "indicators:\n  - {id: only, name: 唯一指标, weight: 100, rule: {kind: formula, score: 100}}",
}


def _kind(block: Block) -> str:
    if block.info == "invalid":
        return "invalid"
    data = yaml.safe_load(block.body)
    if not isinstance(data, dict):
        return "unknown"
    if "extends" in data:
        return "profile"  # loaded onto its bundled base, as written
    if "indicators" in data:
        first = block.body.lstrip().splitlines()[0]
        return "set" if first.startswith(("id:", "# yaml-language-server:")) else "unknown"
    if {"id", "name", "weight"} <= set(data) and {"rule", "children", "children_from"} & set(data):
        return "indicator"
    if "id" not in data and set(data) <= TOP_LEVEL:
        return "fragment"
    return "unknown"


@dataclass(frozen=True)
class YamlCase:
    block: Block
    kind: str
    text: str  # what is loaded: the block itself, or the block inside a minimal set
    expected_output: str | None = None  # invalid blocks: the text block after them


def _yaml_cases() -> list[YamlCase]:
    blocks = _blocks(SETS_DOC)
    cases: list[YamlCase] = []
    last_facts: dict[str, Any] = {}
    for i, block in enumerate(blocks):
        if block.lang != "yaml":
            continue
        kind = _kind(block)
        text = block.body
        expected = None
        if kind == "fragment":
            data = yaml.safe_load(block.body)
            text = "\n".join(v for k, v in FRAGMENT_BASE.items() if k not in data) + "\n" + block.body
        elif kind == "indicator":
            data = yaml.safe_load(block.body)
            indented = "\n".join(("  - " if n == 0 else "    ") + line for n, line in enumerate(block.body.rstrip("\n").splitlines()))
            text = (f'id: doc-indicator\nname: 文档片段\nversion: "1"\ntotal: {data["weight"]}\n'
                    f"grades: [{{label: 无, min: 0}}]\n"
                    f"facts: {json.dumps(last_facts, ensure_ascii=False, default=str)}\n"
                    f"indicators:\n{indented}\n")
        elif kind == "invalid":
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            expected = following.body if following is not None and following.lang == "text" else None
        if kind in ("set", "fragment"):
            data = yaml.safe_load(block.body)
            if isinstance(data.get("facts"), dict):
                last_facts = data["facts"]
        cases.append(YamlCase(block, kind, text, expected))
    return cases


YAML_CASES = _yaml_cases()


def _ids(cases: list[Any]) -> list[str]:
    return [c.block.where for c in cases]


def test_every_yaml_block_follows_a_convention() -> None:
    """Every yaml block of indicator-sets.md is a complete set, one indicator, a fragment of top-level keys, or marked invalid."""
    unknown = [c.block.where for c in YAML_CASES if c.kind == "unknown"]
    assert not unknown, f"yaml blocks that follow no convention (see tests/test_docs.py): {unknown}"
    assert {c.kind for c in YAML_CASES} == {"set", "indicator", "fragment", "invalid", "profile"}


@pytest.mark.parametrize("case", [c for c in YAML_CASES if c.kind in ("set", "indicator", "fragment", "profile")],
                         ids=_ids([c for c in YAML_CASES if c.kind in ("set", "indicator", "fragment", "profile")]))
def test_yaml_example_loads(case: YamlCase) -> None:
    """A set, indicator, fragment or profile shown in indicator-sets.md loads without any problem."""
    try:
        parse_indicator_set(case.text, case.block.where)
    except IndicatorSetError as err:
        pytest.fail(f"{case.kind} block at {case.block.where} does not load:\n{err}\n--- loaded text ---\n{case.text}")


INVALID = [c for c in YAML_CASES if c.kind == "invalid"]


@pytest.mark.parametrize("case", INVALID, ids=_ids(INVALID))
def test_invalid_example_reports_the_errors_shown(case: YamlCase, tmp_path: Path) -> None:
    """A broken set shown in indicator-sets.md makes `scoring-engine validate` print exactly the error lines shown after it."""
    assert case.expected_output is not None, f"{case.block.where}: an invalid block must be followed by a text block with the output"
    (tmp_path / "broken.yaml").write_text(case.block.body, encoding="utf-8")
    # the command as shown: the sets are Chinese, so the output is English only with --lang en (QA325 F5)
    assert case.expected_output.splitlines()[0] == "$ scoring-engine --lang en validate broken.yaml"
    run = subprocess.run([sys.executable, "-m", "scoring_engine", "--lang", "en", "validate", "broken.yaml"], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert run.returncode == 1
    shown = [line for line in case.expected_output.splitlines() if line.startswith("error:")]
    assert shown, "the text block shows no error lines"
    assert run.stderr.splitlines() == shown


def test_there_are_broken_set_examples() -> None:
    """indicator-sets.md shows at least two broken sets with their real validation output."""
    assert len(INVALID) >= 2


# ---------------------------------------------------------------- indicator-sets.md: facts files and results


@dataclass(frozen=True)
class FactsCase:
    block: Block
    set_text: str
    set_where: str
    expected_output: str | None = None  # invalid facts: the text block after them


def _facts_cases() -> list[FactsCase]:
    cases = []
    current: Block | None = None
    by_id: dict[str, Block] = {}
    blocks = _blocks(SETS_DOC)
    for i, block in enumerate(blocks):
        if block.lang == "yaml" and _kind(block) == "set":
            current = by_id[yaml.safe_load(block.body)["id"]] = block
        elif block.lang == "json":
            named = json.loads(block.body).get("indicator_set")
            target = by_id.get(named, current)
            assert target is not None, f"{block.where}: a facts block needs a complete set above it"
            following = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].lang == "text" else None
            cases.append(FactsCase(block, target.body, target.where, following.body if following else None))
    return cases


ALL_FACTS_CASES = _facts_cases()
FACTS_CASES = [c for c in ALL_FACTS_CASES if c.block.info != "invalid"]
BAD_FACTS_CASES = [c for c in ALL_FACTS_CASES if c.block.info == "invalid"]


@pytest.mark.parametrize("case", FACTS_CASES, ids=_ids(FACTS_CASES))
def test_facts_example_scores_as_shown(case: FactsCase) -> None:
    """A facts file shown in indicator-sets.md scores against the set above it, to the total, grade, reason and table shown."""
    indicator_set = parse_indicator_set(case.set_text, case.set_where)
    try:
        result = score(indicator_set, parse_facts(case.block.body, case.block.where))
    except (FactsError, ScoringError) as err:
        pytest.fail(f"facts at {case.block.where} do not score against the set at {case.set_where}:\n{err}")
    shown = RESULT.search(case.block.after)
    if shown is None:
        return
    assert format(result.total, "f") == shown["total"]
    assert result.grade == shown["grade"]
    if shown["reason"]:
        leaves = [node for node in result.walk() if not node.children]
        assert len(leaves) == 1, "a reason is shown only for one-leaf sets"
        assert leaves[0].reason == shown["reason"]
    rest = case.block.after[shown.end():].lstrip("\n")
    if rest.startswith("| id | weight | score |"):
        rows = list(ROW.finditer(rest.split("\n\n")[0]))
        assert rows
        for row in rows:
            node = result.indicator(row["id"])
            assert (format(node.weight, "f"), format(node.score, "f")) == (row["weight"], row["score"]), row["id"]


@pytest.mark.parametrize("case", BAD_FACTS_CASES, ids=_ids(BAD_FACTS_CASES))
def test_invalid_facts_report_the_errors_shown(case: FactsCase, tmp_path: Path) -> None:
    """Bad facts shown in indicator-sets.md make `scoring-engine score` print exactly the error lines shown after them."""
    assert case.expected_output is not None, f"{case.block.where}: an invalid facts block must be followed by a text block"
    (tmp_path / "set.yaml").write_text(case.set_text, encoding="utf-8")
    (tmp_path / "facts.json").write_text(case.block.body, encoding="utf-8")
    assert case.expected_output.splitlines()[0] == "$ scoring-engine --lang en score facts.json --set set.yaml"  # QA325 F5
    run = subprocess.run([sys.executable, "-m", "scoring_engine", "--lang", "en", "score", "facts.json", "--set", "set.yaml"],
                         cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert run.returncode == 1
    shown = [line for line in case.expected_output.splitlines() if line.startswith("error:")]
    assert shown, "the text block shows no error lines"
    assert run.stderr.splitlines() == shown


def test_every_rule_kind_has_a_scored_example() -> None:
    """Each of the nine rule kinds has a complete example set in indicator-sets.md that is scored with facts."""
    scored_kinds = set()
    for case in FACTS_CASES:
        indicator_set = parse_indicator_set(case.set_text)
        scored_kinds |= {node.rule.kind for node in indicator_set.walk() if node.rule is not None}
    assert scored_kinds == set(RULE_KINDS)


# ---------------------------------------------------------------- indicator-sets.md: tables against the code


def _rule_schema_keys() -> dict[str, set[str]]:
    keys = {}
    for branch in SCHEMA["$defs"]["rule"]["allOf"]:
        kind = branch["if"]["properties"]["kind"]["const"]
        keys[kind] = set(branch["then"]["properties"]) - {"kind"}
        for nested in ("bands", "elements", "tiers", "parts"):
            items = branch["then"]["properties"].get(nested, {}).get("items", {})
            keys[kind] |= set(items.get("properties", {}))
    return keys


def test_every_rule_key_is_documented() -> None:
    """Each rule kind has its own section in indicator-sets.md naming every key the schema allows for it."""
    rule_keys = _rule_schema_keys()
    assert set(rule_keys) == set(RULE_KINDS)
    for kind, keys in rule_keys.items():
        section = _section(SETS_DOC, f"### {kind}")
        missing = sorted(k for k in keys if f"`{k}`" not in section)
        assert not missing, f"section {kind} does not name {missing}"


def _first_column(section: str) -> set[str]:
    """The backticked names in the first column of the Markdown tables of a section."""
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return names


def test_top_level_keys_are_documented() -> None:
    """The top-level key table of indicator-sets.md lists exactly the keys the schema allows."""
    assert _first_column(_section(SETS_DOC, "## Top-level keys")) == TOP_LEVEL


def test_fact_declarations_are_documented() -> None:
    """The facts section lists every declaration key of the schema and every fact type of the model."""
    documented = _first_column(_section(SETS_DOC, "## Facts declarations"))
    assert set(SCHEMA["$defs"]["fact"]["properties"]) <= documented
    assert set(FACT_TYPES) <= documented
    assert set(SCHEMA["$defs"]["fact"]["properties"]["type"]["enum"]) == set(FACT_TYPES)


def test_reason_table_matches_the_templates() -> None:
    """The reason-template table lists every key of reasons.TEMPLATES with its exact default text and fields, and the common fields."""
    section = _section(SETS_DOC, "## Reason templates")
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")] if line.startswith("| `") else []
        if len(cells) == 3:
            rows[cells[0].strip("`")] = (cells[1][1:-1], tuple(re.findall(r"`([^`]+)`", cells[2])))
    assert rows == {key: (template, fields) for key, (template, fields) in TEMPLATES.items()}
    common = section[section.index("Common fields"):].split("\n\n")[0]
    assert tuple(re.findall(r"`\{(\w+)\}`", common)) == COMMON_FIELDS


def test_editor_schema_lines_point_at_the_schema() -> None:
    """Every `$schema=` path in indicator-sets.md reaches schemas/indicator-set.schema.json from indicator_sets/ or examples/small/."""
    paths = re.findall(r"\$schema=([^\s`]+)", SETS_DOC.read_text(encoding="utf-8"))
    assert paths
    target = (ROOT / "schemas" / "indicator-set.schema.json").resolve()
    for path in paths:
        if path == "PATH":
            continue
        assert any((ROOT / folder / path).resolve() == target for folder in ("indicator_sets", "examples/small")), path


# ---------------------------------------------------------------- formulas.md


def _formula_set() -> IndicatorSet:
    blocks = [b for b in _blocks(FORMULAS_DOC) if b.lang == "yaml"]
    assert len(blocks) == 1, "formulas.md declares its names in exactly one yaml block"
    return parse_indicator_set(blocks[0].body, blocks[0].where)


def _formula_values(indicator_set: IndicatorSet) -> dict[str, Any]:
    blocks = [b for b in _blocks(FORMULAS_DOC) if b.lang == "json"]
    assert len(blocks) == 1, "formulas.md gives its facts in exactly one json block"
    values, warnings, _ = check_facts(indicator_set, parse_facts(blocks[0].body, blocks[0].where))
    assert not warnings
    for derived in indicator_set.derived:
        values[derived.name] = evaluate(derived.formula, values)
    return values


FORMULA_SET = _formula_set()
SCOPE = {**{name: spec.type for name, spec in FORMULA_SET.facts.items()}, **{d.name: "derived" for d in FORMULA_SET.derived},
         "weight": "weight"}


@dataclass(frozen=True)
class FormulaCase:
    block: Block
    formula: str
    expected: str | None  # the value (formula blocks) or part of the message (refused, fails)

    @property
    def where(self) -> str:
        return f"{self.block.where}: {self.formula}"


def _formula_cases(lang: str) -> list[FormulaCase]:
    cases: list[FormulaCase] = []
    for block in _blocks(FORMULAS_DOC):
        if block.lang != lang:
            continue
        for line in block.body.splitlines():
            if not line.strip():
                continue
            if line[0].isspace():
                marker, _, expected = line.strip().partition(" ")
                assert marker in ("=", "→") and cases and cases[-1].expected is None, f"{block.where}: stray line {line!r}"
                cases[-1] = FormulaCase(block, cases[-1].formula, expected)
            else:
                cases.append(FormulaCase(block, line, None))
    return cases


VALID = _formula_cases("formula")
REFUSED = _formula_cases("formula-refused")
FAILING = _formula_cases("formula-fails")


def test_formula_blocks_are_present() -> None:
    """formulas.md has valid, refused and failing formula examples, the refused and failing ones each with their message."""
    assert VALID and REFUSED and FAILING
    assert all(c.expected for c in REFUSED + FAILING)


@pytest.mark.parametrize("case", VALID, ids=[c.where for c in VALID])
def test_valid_formula_compiles_to_the_value_shown(case: FormulaCase) -> None:
    """A formula shown as valid in formulas.md compiles against the example declarations and, where shown, evaluates to the value given."""
    formula = compile_formula(case.formula, SCOPE)
    if case.expected is not None:
        assert _plain(evaluate(formula, _formula_values(FORMULA_SET))) == case.expected


@pytest.mark.parametrize("case", REFUSED, ids=[c.where for c in REFUSED])
def test_refused_formula_raises_formula_error(case: FormulaCase) -> None:
    """A formula shown as refused in formulas.md raises FormulaError with the message shown."""
    with pytest.raises(FormulaError) as caught:
        compile_formula(case.formula, SCOPE)
    assert case.expected in str(caught.value)


@pytest.mark.parametrize("case", FAILING, ids=[c.where for c in FAILING])
def test_failing_formula_raises_scoring_error(case: FormulaCase) -> None:
    """A formula shown as failing at run time in formulas.md compiles, then raises ScoringError with the message shown."""
    formula = compile_formula(case.formula, SCOPE)
    with pytest.raises(ScoringError) as caught:
        evaluate(formula, _formula_values(FORMULA_SET))
    assert case.expected in str(caught.value)


def test_every_function_is_documented_with_its_arity() -> None:
    """The function table of formulas.md lists exactly formulas.FUNCTIONS, each signature with the arity the code checks, and each is used in a checked example."""
    section = _section(FORMULAS_DOC, "## Functions")
    signatures = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            first = re.match(r"\| `(\w+)\(([^)]*)\)`", line)
            assert first, line
            signatures[first[1]] = [p.strip() for p in first[2].split(",") if p.strip()]
    assert set(signatures) == set(FUNCTIONS)
    for name, params in signatures.items():
        _, fewest, most, _ = FUNCTIONS[name]
        if "…" in params:
            assert (fewest, most) == (1, 50), name
        else:
            assert (fewest, most) == (sum("=" not in p for p in params), len(params)), name
        assert any(f"{name}(" in c.formula for c in VALID), f"no checked example uses {name}"


def test_limits_match_the_code() -> None:
    """The limits table of formulas.md gives the values of MAX_FORMULA_LENGTH, MAX_NESTING_DEPTH, MAX_NUMBER_DIGITS and MAX_TEXT_LENGTH."""
    rows = dict(re.findall(r"^\| `(MAX_\w+)` \| (\d+) \|", _section(FORMULAS_DOC, "## Limits"), re.M))
    limits = {name: getattr(formulas, name) for name in formulas.__all__ if name.startswith("MAX_")}
    assert {k: int(v) for k, v in rows.items()} == limits


def test_limits_hold_at_their_values() -> None:
    """Each documented limit is exact: a formula at the limit compiles and one just over it is refused."""
    scope = {"a": "number"}
    compile_formula("a" + " + a" * formulas.MAX_NESTING_DEPTH, scope)
    with pytest.raises(FormulaError, match="MAX_NESTING_DEPTH"):
        compile_formula("a" + " + a" * (formulas.MAX_NESTING_DEPTH + 1), scope)
    compile_formula("1" * formulas.MAX_NUMBER_DIGITS, scope)
    with pytest.raises(FormulaError, match="MAX_NUMBER_DIGITS"):
        compile_formula("1" * (formulas.MAX_NUMBER_DIGITS + 1), scope)
    compile_formula("'" + "x" * formulas.MAX_TEXT_LENGTH + "' == 'x'", scope)
    with pytest.raises(FormulaError, match="MAX_TEXT_LENGTH"):
        compile_formula("'" + "x" * (formulas.MAX_TEXT_LENGTH + 1) + "' == 'x'", scope)
    long = {"a" * formulas.MAX_FORMULA_LENGTH: "number", "a" * (formulas.MAX_FORMULA_LENGTH + 1): "number"}
    compile_formula("a" * formulas.MAX_FORMULA_LENGTH, long)
    with pytest.raises(FormulaError, match="MAX_FORMULA_LENGTH"):
        compile_formula("a" * (formulas.MAX_FORMULA_LENGTH + 1), long)


def test_refused_operators_are_all_shown() -> None:
    """Every operator the formula checker refuses appears in a refused example of formulas.md."""
    texts = [c.formula for c in REFUSED]
    missing = [op for op in formulas._OPERATOR_SYMBOLS.values()
               if not any(re.search(rf"(^|\s){re.escape(op)}(\s|\w|$)", text) for text in texts)]
    assert not missing


def test_weight_in_a_rule_formula_is_the_declared_weight() -> None:
    """`weight` in a rule formula evaluates to the indicator's declared weight when scoring, as formulas.md says."""
    text = ('id: w\nname: 权重\nversion: "1"\ngrades: [{label: 无, min: 0}]\nfacts:\n  r: {type: number}\n'
            'indicators:\n  - {id: x, name: X, weight: 100, rule: {kind: formula, score: "weight * r"}}\n')
    result = score(parse_indicator_set(text), {"r": Decimal("0.5")})
    assert result.total == Decimal("50.00")
