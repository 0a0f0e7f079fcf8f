"""The authoring guide (docs/authoring.md) cannot drift from the engine: every example in it is loaded, scored or run here.

The guide is read top to bottom, as a policy editor follows it:

- a paragraph that says 保存为 `NAME` just before a block saves that block as the
  file NAME for the commands shown further on (a later block saved under the
  same name replaces it);
- a ```yaml block is a complete set (top-level ``id`` and ``indicators``: it must
  load as written), a fragment (only top-level set keys and no ``id``: it is
  completed with an id, a name, a version, one grade and ``total`` = the sum of
  its top-level weights, and must then load) or a case file (top-level
  ``cases``: a ``scoring-engine test`` command below runs it); a ```yaml block
  with a top-level ``extends`` is a profile (it must load, resolved onto its base:
  a bundled set, or a file saved before it); a ```yaml invalid block is a set or
  a profile that must be refused, followed by its validation output;
- a ```json block is a facts file, scored against the saved set it names in
  ``indicator_set``, else against the last set or fragment above it. The prose
  after it shows a ``结果：总分 **T**，等级 **G**。`` line with the ``提示：`` lines
  (the result's warnings, exactly and in order), a
  ``| 指标 | id | 分值 | 得分 | 说明 |`` table, and/or a ``| 派生值 | 值 |`` table;
  every one shown must match. A ```json invalid block is a facts file followed
  by the ``scoring-engine score`` output it produces;
- a ```text block that starts with ``$ scoring-engine`` shows commands: each is
  run in a folder holding the files saved so far, and the lines under it are
  exactly its output (stdout, then stderr); the exit code must be 1 when the
  output shows an ``error:`` or ``FAIL`` line, else 0;
- inline code in the prose that starts with ``error:`` or ``FAIL`` quotes a line
  of some shown output.

The "Test cases" section of docs/indicator-sets.md is checked here too: its
case file is a ```yml block (so that the yaml conventions of tests/test_docs.py
do not apply to it) and runs, with that document's first set and its facts
file, to the output shown after it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from scoring_engine import IndicatorSetError, load_indicator_set, parse_facts, parse_indicator_set, score
from scoring_engine.cases import _CASE_KEYS, _EXPECT_KEYS, _FILE_KEYS
from scoring_engine.formulas import FUNCTIONS
from scoring_engine.model import IndicatorSet
from scoring_engine.result import Result
from scoring_engine.rules import RULE_KINDS
from test_docs import FENCE, SCHEMA, Block, _blocks, _section

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "authoring.md"
SETS_DOC = ROOT / "docs" / "indicator-sets.md"
TOP_LEVEL = set(SCHEMA["properties"])

SAVE_AS = re.compile(r"保存为 ?`([^`]+)`")
RESULT = re.compile(r"^结果：总分 \*\*(?P<total>[0-9.]+)\*\*，等级 \*\*(?P<grade>[^*]+)\*\*。$", re.M)
WARNING = re.compile(r"^提示：(?P<text>.+)$", re.M)
TABLE_HEAD = "| 指标 | id | 分值 | 得分 | 说明 |"
DERIVED_HEAD = "| 派生值 | 值 |"


# ---------------------------------------------------------------- reading the guide


def _fragment_set(body: str) -> str:
    """A fragment of top-level keys completed into a set that loads alone."""
    data = yaml.safe_load(body)
    added = ["id: guide-fragment", "name: 指南片段", 'version: "1"']
    if "grades" not in data:
        added.append("grades: [{label: 无等级, min: 0}]")
    if "indicators" not in data:
        added.append("indicators: [{id: only, name: 唯一指标, weight: 100, rule: {kind: formula, score: 100}}]")
    elif "total" not in data:
        added.append(f"total: {sum(Decimal(str(i['weight'])) for i in data['indicators'])}")
    return "\n".join(added) + "\n" + body


def _kind(block: Block) -> str:
    if block.lang == "yaml":
        if block.info == "invalid":
            return "invalid set"
        data = yaml.safe_load(block.body)
        if isinstance(data, dict) and "cases" in data:
            return "cases"
        if isinstance(data, dict) and "extends" in data:
            return "profile"
        if isinstance(data, dict) and "id" in data and "indicators" in data:
            return "set"
        if isinstance(data, dict) and "id" not in data and set(data) <= TOP_LEVEL:
            return "fragment"
    if block.lang == "json":
        return "invalid facts" if block.info == "invalid" else "facts"
    if block.lang == "text" and block.body.startswith("$ scoring-engine"):
        return "commands"
    return "other"


@dataclass(frozen=True)
class Step:
    """One block of the guide with what it needs: the set it is scored against, the files saved up to it."""

    block: Block
    kind: str
    text: str  # what is loaded: the block, or a fragment completed into a set
    set_text: str | None = None  # facts blocks: the set they are scored against
    files: dict[str, str] = field(default_factory=dict)  # file name → text, saved up to and including this block


def _blocks_with_prose(path: Path) -> list[tuple[Block, str]]:
    """Each block of a document with the prose just before it (since the previous block)."""
    text = path.read_text(encoding="utf-8")
    matches = list(FENCE.finditer(text))
    ends = [0] + [m.end() for m in matches]
    return [(block, text[ends[i]:m.start()]) for i, (block, m) in enumerate(zip(_blocks(path), matches, strict=True))]


def _saved_as(before: str) -> str | None:
    """The file name that the last paragraph before a block gives it (…保存为 `NAME`…), if any."""
    found = SAVE_AS.findall(before.strip().split("\n\n")[-1])
    return found[-1] if found else None


def _steps(path: Path) -> list[Step]:
    steps: list[Step] = []
    files: dict[str, str] = {}
    current: str | None = None
    for block, before in _blocks_with_prose(path):
        kind = _kind(block)
        text = _fragment_set(block.body) if kind == "fragment" else block.body
        name = _saved_as(before)
        if name is not None:
            files[name] = block.body
        set_text = None
        if kind in ("set", "fragment", "profile"):
            current = text
        elif kind == "facts":
            named = json.loads(block.body).get("indicator_set")
            set_text = files.get(named, current)
            assert set_text is not None, f"{block.where}: a facts block needs a set above it"
        steps.append(Step(block, kind, text, set_text, dict(files)))
    return steps


STEPS = _steps(GUIDE)


def _load_set(text: str, files: dict[str, str] | None = None) -> IndicatorSet:
    """A set shown in the guide; a profile is resolved in a folder holding the files saved so far (its base may be one)."""
    if "extends" not in (yaml.safe_load(text) or {}):
        return parse_indicator_set(text)
    with tempfile.TemporaryDirectory() as folder:
        for name, body in {**(files or {}), "shown-profile.yaml": text}.items():
            (Path(folder) / name).write_text(body, encoding="utf-8")
        return load_indicator_set(Path(folder) / "shown-profile.yaml")


def _of(kind: str) -> list[Step]:
    return [s for s in STEPS if s.kind == kind]


def _ids(steps: list[Step]) -> list[str]:
    return [s.block.where for s in steps]


def _next(step: Step) -> Step | None:
    following = STEPS.index(step) + 1
    return STEPS[following] if following < len(STEPS) else None


def _table(prose: str, head: str) -> list[list[str]]:
    """The cells of each row of the table under `head` in `prose` (none if there is no such table)."""
    start = prose.find(head)
    if start < 0:
        return []
    rows = []
    for line in prose[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows


def _commands(block: Block) -> list[tuple[str, list[str]]]:
    """(command line, output lines) for each `$ ` line of a command block."""
    found: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return found


def _run(command: str, files: dict[str, str], folder: Path, english: bool = False) -> subprocess.CompletedProcess[str]:
    """Run a `scoring-engine …` command line in `folder` after writing `files` there, in the language a user gets
    (Chinese, for the guide's Chinese sets), or in English for the English reference (`english`)."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    program, *arguments = shlex.split(command)
    assert "scoring-engine" == program, command
    env = {name: value for name, value in os.environ.items() if english or name != "SCORING_ENGINE_LANG"}
    return subprocess.run([sys.executable, "-m", "scoring_engine", *arguments], cwd=folder,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, env=env, check=False)


def _check_output(command: str, shown: list[str], run: subprocess.CompletedProcess[str]) -> None:
    assert shown == run.stdout.splitlines() + run.stderr.splitlines(), command
    failed = any(line.startswith(("error:", "FAIL ", "错误：", "未通过 ")) for line in shown)
    assert (1 if failed else 0) == run.returncode, command


# ---------------------------------------------------------------- the blocks


def test_every_block_follows_a_convention() -> None:
    """Every yaml, json and text block of the guide is a set, fragment, case file, facts file or command output."""
    unknown = [s.block.where for s in STEPS if s.kind == "other" and s.block.lang in ("yaml", "json", "text")]
    assert [] == unknown, "blocks that follow no convention (see the docstring of tests/test_authoring.py)"


LOADED = _of("set") + _of("fragment") + _of("profile")


@pytest.mark.parametrize("step", LOADED, ids=_ids(LOADED))
def test_yaml_example_loads(step: Step) -> None:
    """A set, a fragment completed into a set, or a profile shown in the guide loads without any problem."""
    try:
        _load_set(step.text, step.files) if step.kind == "profile" else parse_indicator_set(step.text, step.block.where)
    except IndicatorSetError as err:
        pytest.fail(f"{step.kind} at {step.block.where} does not load:\n{err}\n--- loaded text ---\n{step.text}")


@pytest.mark.parametrize("step", _of("invalid set"), ids=_ids(_of("invalid set")))
def test_broken_set_is_refused_and_its_output_shown(step: Step) -> None:
    """A set the guide shows as broken is refused when it loads, and is followed by the `scoring-engine validate` of its saved copy."""
    with pytest.raises(IndicatorSetError):
        _load_set(step.block.body, step.files)
    shown = _next(step)
    assert shown is not None and "commands" == shown.kind, f"{step.block.where}: show the validation output after a broken set"
    assert any(f"validate {name}" in shown.block.body for name, body in shown.files.items() if body == step.block.body), \
        f"{step.block.where}: save the broken set under the name that the command validates"


@pytest.mark.parametrize("step", _of("invalid facts"), ids=_ids(_of("invalid facts")))
def test_bad_facts_are_followed_by_their_output(step: Step) -> None:
    """Facts the guide shows as failing are followed by the `scoring-engine score` of their saved copy."""
    shown = _next(step)
    assert shown is not None and "commands" == shown.kind, f"{step.block.where}: show the output after bad facts"
    assert any(f"score {name}" in shown.block.body for name, body in shown.files.items() if body == step.block.body), \
        f"{step.block.where}: save the facts under the name that the command scores"


@pytest.mark.parametrize("step", _of("cases"), ids=_ids(_of("cases")))
def test_case_file_is_run_by_a_command(step: Step) -> None:
    """Every case file in the guide is saved as NAME.cases.yaml and run by a `scoring-engine test` command below it."""
    name = next((n for n, body in step.files.items() if body == step.block.body), None)
    assert name is not None and name.endswith(".cases.yaml"), f"{step.block.where}: save a case file as NAME.cases.yaml"
    later = [s for s in _of("commands") if s.block.line > step.block.line and s.files.get(name) == step.block.body]
    assert any(f"$ scoring-engine test {name}" in s.block.body for s in later), step.block.where


@pytest.mark.parametrize("step", _of("facts"), ids=_ids(_of("facts")))
def test_facts_score_as_shown(step: Step) -> None:
    """A facts file in the guide scores against its set to the total, grade, warnings, indicator rows and derived values shown after it."""
    assert step.set_text is not None
    result: Result = score(_load_set(step.set_text, step.files), parse_facts(step.block.body, step.block.where))
    prose = step.block.after
    shown = RESULT.search(prose)
    rows = _table(prose, TABLE_HEAD)
    derived = _table(prose, DERIVED_HEAD)
    warnings = [m["text"] for m in WARNING.finditer(prose)]
    assert shown or rows or derived, f"{step.block.where}: show the result after a facts block"
    if shown:
        assert (shown["total"], shown["grade"]) == (format(result.total, "f"), result.grade)
    if shown or warnings:
        assert warnings == [w.text("zh") for w in result.warnings]  # as `score --lang zh` prints them
    for name, indicator_id, weight, points, reason in rows:
        node = result.indicator(indicator_id.strip("`"))
        assert [name, weight, points, reason] == [node.name, format(node.weight, "f"), format(node.score, "f"), node.reason], indicator_id
    values = {d.name: d.value for d in result.derived}
    for name, value in derived:
        assert value == format(values[name.strip("`")], "f"), name


# ---------------------------------------------------------------- the commands


@pytest.mark.parametrize("step", _of("commands"), ids=_ids(_of("commands")))
def test_command_output_is_reproduced(step: Step, tmp_path: Path) -> None:
    """A command shown in the guide, run on the files saved before it, prints exactly the lines shown and exits as they imply."""
    for command, shown in _commands(step.block):
        _check_output(command, shown, _run(command, step.files, tmp_path))


def test_quoted_output_lines_are_real() -> None:
    """Every output line quoted inline in the guide's prose (`error: …`, `FAIL …`) is a line of a shown command output."""
    outputs = {line for s in _of("commands") for _, lines in _commands(s.block) for line in lines}
    quoted = re.findall(r"`((?:error: |FAIL |错误：|未通过 )[^`]+)`", GUIDE.read_text(encoding="utf-8"))
    assert quoted, "the guide dissects at least one output line"
    assert [] == [q for q in quoted if q not in outputs]


def test_quick_reference_messages_are_real() -> None:
    """Each message in the first column of the guide's quick-reference table (… standing for any text) matches a shown output line."""
    outputs = [line for s in _of("commands") for _, lines in _commands(s.block) for line in lines]
    rows = [line.split("|")[1] for line in _section(GUIDE, "### 常见错误速查").splitlines() if line.startswith("| `")]
    patterns = [p for row in rows for p in re.findall(r"`([^`]+)`", row)]
    assert len(patterns) >= 10
    unmatched = [p for p in patterns if not any(re.search(".*?".join(map(re.escape, p.split("…"))), line) for line in outputs)]
    assert [] == unmatched


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", FENCE.sub("", path.read_text(encoding="utf-8")), re.M)}


def test_links_of_the_guide_reach_a_heading() -> None:
    """Every link of the guide to a heading (`](#anchor)`, `](other.md#anchor)`) names a heading of that document."""
    links = re.findall(r"\]\(([\w.-]*)#([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert links
    assert [] == [f"{doc}#{anchor}" for doc, anchor in links if anchor not in _anchors(GUIDE.parent / (doc or GUIDE.name))]


# ---------------------------------------------------------------- what the guide covers


def _scored_rules() -> list[dict[str, Any]]:
    """Every rule as written (switch variants and row-group rules included) in the sets that some facts block scores."""
    rules: list[dict[str, Any]] = []
    first_use = {s.set_text: s for s in reversed(_of("facts")) if s.set_text}  # each set once, with the files saved by then
    for text, step in first_use.items():
        for node in _load_set(text, step.files).walk():
            pending = [node.rule] if node.rule else list(node.rows.rules.values()) if node.rows else []
            specs = [r.spec for r in pending]
            while specs:
                spec = specs.pop()
                rules.append(spec)
                if "switch" == spec["kind"]:
                    specs.extend(spec["rules"].values())
    return rules


def test_every_rule_kind_is_explained_and_scored() -> None:
    """Each rule kind of the engine has a section of the guide naming it, and a facts example scores it."""
    text = GUIDE.read_text(encoding="utf-8")
    assert [] == [kind for kind in RULE_KINDS if not re.search(rf"^### .*`{kind}`$", text, re.M)]
    assert set(RULE_KINDS) == {r["kind"] for r in _scored_rules()}


def test_the_variants_policy_staff_meet_are_scored() -> None:
    """The scored examples cover every variant of a rule that real scoring standards use (floor, lower is better, band boundaries…)."""
    rules = _scored_rules()
    elements = [e for r in rules if "checklist" == r["kind"] for e in r["elements"]]
    covered = {
        "proportional floor": any(r["kind"] == "proportional" and "floor" in r for r in rules),
        "proportional lower_is_better": any(r["kind"] == "proportional" and r.get("direction") == "lower_is_better" for r in rules),
        "bands min_inclusive": any(r["kind"] == "bands" and r.get("boundary", "min_inclusive") == "min_inclusive" for r in rules),
        "bands max_inclusive": any(r["kind"] == "bands" and r.get("boundary") == "max_inclusive" for r in rules),
        "linear units started": any(r["kind"] == "linear" and r.get("units") == "started" for r in rules),
        "deduction zero_at_count": any(r["kind"] == "deduction" and "zero_at_count" in r for r in rules),
        "checklist partial credit": any("met" in e and not re.fullmatch(r"[\w.]+", str(e["met"])) for e in elements),
        "checklist element findings": any("findings" in e for e in elements),
        "checklist element judgement": any("judgement" in e for e in elements),
        "custom tiers": any(r["kind"] == "tiers" and "tiers" in r for r in rules),
        "panel trimmed_mean": any(r["kind"] == "panel" and r["method"] == "trimmed_mean" for r in rules),
        "panel weighted": any(r["kind"] == "panel" and r["method"] == "weighted" for r in rules),
        "tiers of a target row": any(r["kind"] == "tiers" and r["fact"] == "row" for r in rules),
    }
    assert [] == [name for name, ok in covered.items() if not ok]


def test_adapted_framework_keeps_the_local_weight_rules() -> None:
    """Each complete set of the guide with the framework's four 一级 has integer weights, 产出 + 效益 ≥ 60 and each 一级 ≥ 15."""
    adapted = [parse_indicator_set(s.text) for s in _of("set")]
    adapted = [s for s in adapted if ["决策", "过程", "产出", "效益"] == [i.name for i in s.indicators]]
    assert adapted, "the guide shows an adapted framework"
    for indicator_set in adapted:
        assert all(node.weight == node.weight.to_integral_value() for node in indicator_set.walk()), indicator_set.id
        weights = {i.name: i.weight for i in indicator_set.indicators}
        assert weights["产出"] + weights["效益"] >= 60, indicator_set.id
        assert min(weights.values()) >= 15, indicator_set.id


def test_function_table_lists_the_engine_functions() -> None:
    """The guide's function table names exactly the functions of the formula language."""
    table = GUIDE.read_text(encoding="utf-8").split("\n| 函数 |", 1)[1].split("\n\n", 1)[0]
    assert set(FUNCTIONS) == set(re.findall(r"^\| `(\w+)\(", table, re.M))


def _first_columns(section: str) -> list[set[str]]:
    """The backticked names in the first column of each Markdown table of a section, table by table."""
    tables: list[set[str]] = []
    in_table = False
    for line in section.splitlines():
        if line.startswith("|") and not in_table:
            tables.append(set())
        in_table = line.startswith("|")
        if line.startswith("| `"):
            tables[-1] |= set(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return tables


def test_case_keys_are_documented() -> None:
    """The guide and indicator-sets.md list exactly the keys the case-file reader accepts, at each level."""
    assert [_FILE_KEYS, _CASE_KEYS, _EXPECT_KEYS] == _first_columns(_section(SETS_DOC, "## Test cases"))
    guide = [t for t in _first_columns(_section(GUIDE, "## 10. 测试用例")) if t]
    assert [_FILE_KEYS | _CASE_KEYS, _EXPECT_KEYS] == guide


def test_the_bundled_framework_named_by_the_guide_validates() -> None:
    """The bundled set the guide tells editors to copy exists in indicator_sets/ and validates."""
    named = set(re.findall(r"indicator_sets/([\w.-]+\.yaml)", GUIDE.read_text(encoding="utf-8")))
    assert named
    for name in sorted(named):
        path = ROOT / "indicator_sets" / name
        assert path.is_file(), f"the guide names indicator_sets/{name}, which is not bundled"
        parse_indicator_set(path.read_text(encoding="utf-8"), str(path))


# ---------------------------------------------------------------- docs/indicator-sets.md: Test cases


def test_reference_case_file_runs_as_shown(tmp_path: Path) -> None:
    """The case file of indicator-sets.md's "Test cases" section, run on that document's first set and facts, prints the output shown."""
    blocks = _blocks(SETS_DOC)
    [cases] = [b for b in blocks if "yml" == b.lang]
    output = blocks[blocks.index(cases) + 1]
    assert "text" == output.lang and output.body.startswith("$ scoring-engine --lang en test ")  # as run (QA325 F5)
    first_set = next(b for b in blocks if "yaml" == b.lang and "indicators" in yaml.safe_load(b.body))
    set_id = yaml.safe_load(first_set.body)["id"]
    facts = next(b for b in blocks if "json" == b.lang and b.info != "invalid" and json.loads(b.body).get("indicator_set") == set_id)
    files = {"set.yaml": first_set.body, "facts.json": facts.body, "set.cases.yaml": cases.body}
    assert {"indicator_set": "set.yaml", "facts_file": "facts.json"} == {k: v for k, v in yaml.safe_load(cases.body).items() if k != "cases"}
    for command, shown in _commands(output):
        _check_output(command, shown, _run(command, files, tmp_path, english=True))


def test_the_form_filling_rules_name_the_blank_forms_sheets_and_rows(tmp_path: Path) -> None:
    """§12's 填表说明 (QA325 F2: the rules for filling the 自评表 were in English only, in reports.md) names the sheets
    the blank form has, the side sheet's columns and its 项目 | id row as `template` writes them."""
    import openpyxl
    from click.testing import CliRunner

    from scoring_engine.cli import main
    from scoring_engine.reports.form_xlsx import SIDE_COLUMNS

    rules = GUIDE.read_text(encoding="utf-8").split("**填表说明")[1].split("\n\n**")[0]
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "-o", str(tmp_path / "空白.xlsx")]).exit_code
    book = openpyxl.load_workbook(tmp_path / "空白.xlsx")
    assert all(f"“{name}”" in rules for name in book.sheetnames), book.sheetnames
    assert f"`{' | '.join(SIDE_COLUMNS)}`" in rules
    side = [tuple(row[:2]) for row in book["表外事实"].iter_rows(values_only=True)]
    assert ("项目", "id") in side and "`项目 | id`" in rules
    assert "Alt+Enter" in rules and "档次，得分，理由" in rules
