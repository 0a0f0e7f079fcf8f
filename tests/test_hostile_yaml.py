"""Hostile indicator-set files (tests/hostile/sets/ and generated ones), each read in a bounded child process.

Alias bombs, self-referencing aliases, code-running tags, nesting and size
past the bounds, YAML 1.1 surprises (no, 010, 1e3, 12:30, .nan, 0,5) and typos:
each is refused with an IndicatorSetError holding the words of its .expect
file (``NAME.yaml:LINE:COL:`` pins the place), as one `error:` line per problem
from `validate` with exit code 1 -- quickly, and without building what it describes.
"""

from __future__ import annotations

import time

import pytest
import yaml

from hostile.bounded import Outcome, run_bounded
from hostile.corpus import SETS_DIR, FileCase, assert_one_error_line_per_problem, set_cases, try_set_file
from scoring_engine import IndicatorSetError, parse_indicator_set
from scoring_engine._yaml import MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES

CPU_SECONDS = 1.0
PEAK_MB = 50
CASES = set_cases()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every case run once, each in its own bounded child, forked once the commands' modules are loaded and their first
    call made here, so that each child's CPU time is the cost of its file alone."""
    try_set_file(next(case for case in CASES if case.name == "octal_weight.yaml"))
    return {case.name: run_bounded(lambda case=case: try_set_file(case), cpu_limit=5, timeout=30) for case in CASES}


def test_every_file_has_its_expect_file() -> None:
    """Each hostile set in the folder is paired with a non-empty .expect file, and the folder covers at least 25 cases."""
    assert sorted(p.stem for p in SETS_DIR.glob("*.yaml")) == sorted(p.stem for p in SETS_DIR.glob("*.expect"))
    assert all(case.words for case in CASES)
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_set_is_refused_with_the_expected_words(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """Loading the file raises IndicatorSetError whose text holds every expected line; each problem names the file."""
    outcome = outcomes[case.name]
    assert "returned" == outcome.status, outcome.message
    error = outcome.value.get("error")
    assert error is not None, "the set loaded"
    assert "IndicatorSetError" == error["type"], error["text"]
    missing = [w for w in case.words if w not in error["text"]]
    assert [] == missing, error["text"]
    assert all(p["file"] or case.name in p["message"] for p in error["problems"])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_prints_one_error_line_per_problem_and_exits_1(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """`scoring-engine validate FILE` exits 1 and prints one `error:` line per problem, never a traceback."""
    assert_one_error_line_per_problem(outcomes[case.name].value)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_set_stays_within_time_and_memory(case: FileCase, outcomes: dict[str, Outcome]) -> None:
    """Reading and validating each hostile file takes under a second of CPU and 50 MB."""
    outcome = outcomes[case.name]
    assert outcome.cpu_seconds < CPU_SECONDS
    assert outcome.peak_mb < PEAK_MB


def test_billion_laughs_is_refused_in_milliseconds(outcomes: dict[str, Outcome]) -> None:
    """The 342-byte billion-laughs file is refused at once: its aliases are reported, never expanded. It takes a few
    milliseconds; the bound is half a second, so that a busy machine does not fail it, and a billion values expanded
    would still be far past it."""
    assert 342 == (SETS_DIR / "billion_laughs.yaml").stat().st_size
    assert outcomes["billion_laughs.yaml"].value["load_seconds"] < 0.5


def test_depth_and_size_bounds_are_exact() -> None:
    """Nesting of MAX_YAML_DEPTH and MAX_YAML_NODES values are read; one level or one value more is refused naming the bound."""
    head = (SETS_DIR / "octal_weight.yaml").read_text(encoding="utf-8").replace("weight: 0100", "weight: 100")

    def problems(text: str) -> list[str]:
        try:
            parse_indicator_set(text, "s.yaml")
        except IndicatorSetError as err:
            return [p.message for p in err.problems]
        return []

    # the file's mapping is the first level (as a facts file's object is: QA124 F1), so MAX_YAML_DEPTH - 1 lists
    # inside each other under description: reach the bound
    inside = MAX_YAML_DEPTH - 1
    at_depth = head + "description: " + "[" * inside + "]" * inside + "\n"
    assert not any("MAX_YAML_DEPTH" in m for m in problems(at_depth))
    assert any("MAX_YAML_DEPTH" in m for m in problems(at_depth.replace("[", "[[", 1).replace("]", "]]", 1)))
    room = MAX_YAML_NODES - _count_nodes(head) - 2  # the key description and its list are two values
    filled = head + "description: [" + ", ".join(["1"] * room) + "]\n"
    assert not any("MAX_YAML_NODES" in m for m in problems(filled))
    assert any("MAX_YAML_NODES" in m for m in problems(filled.replace("[1", "[1, 1", 1)))
    assert any("MAX_YAML_BYTES" in m for m in problems(head + "#" * MAX_YAML_BYTES))


def _count_nodes(text: str) -> int:
    return sum(isinstance(e, yaml.NodeEvent) for e in yaml.parse(text, Loader=yaml.SafeLoader))


def test_a_set_at_the_size_bound_still_loads_quickly() -> None:
    """A legitimate set padded with a long description to just under MAX_YAML_BYTES loads, in under five seconds."""
    head = (SETS_DIR / "octal_weight.yaml").read_text(encoding="utf-8").replace("weight: 0100", "weight: 100")
    text = head + "description: " + "说明" * ((MAX_YAML_BYTES - len(head.encode()) - 100) // 6) + "\n"
    assert len(text.encode()) <= MAX_YAML_BYTES
    started = time.perf_counter()
    parse_indicator_set(text, "big.yaml")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("name", ["billion_laughs.yaml", "self_alias.yaml", "deep_nesting.yaml", "tab_indentation.yaml", "no_as_name.yaml"])
def test_without_libyaml_the_same_problems_are_found(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first walk over the file uses libyaml when PyYAML has it; PyYAML's own parser finds exactly the same problems."""
    from scoring_engine import _yaml

    def refusal() -> list[str]:
        with pytest.raises(IndicatorSetError) as caught:
            parse_indicator_set((SETS_DIR / name).read_text(encoding="utf-8"), name)
        return [str(p) for p in caught.value.problems]

    fast = refusal()
    monkeypatch.setattr(_yaml, "_FAST_LOADER", yaml.SafeLoader)
    assert fast == refusal()


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("depth", [1_001, 100_000])
def test_brackets_past_libyamls_own_limit_are_refused_by_libyaml_at_the_bound(depth: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open brackets past libyaml's own limit of 1,000 are refused at the first one past MAX_YAML_DEPTH, as fewer are; the
    part before its limit is walked by libyaml again, never by PyYAML's scanner, whose look-ahead past every open bracket
    takes time growing with the square of their number (a second of CPU for a hundred thousand, on a busy machine)."""
    head = (SETS_DIR / "octal_weight.yaml").read_text(encoding="utf-8").replace("weight: 0100", "weight: 100")
    text = head + "description: " + "[" * depth + "\n"

    def scanned_in_python(*args: object) -> None:
        raise AssertionError("PyYAML's scanner walked the file")

    monkeypatch.setattr(yaml.scanner.Scanner, "fetch_more_tokens", scanned_in_python)
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(text, "deep.yaml")
    assert [f"deep.yaml:{head.count(chr(10)) + 1}:{len('description: ') + MAX_YAML_DEPTH}"] == [
        f"{p.file}:{p.line}:{p.column}" for p in caught.value.problems]
    assert "nested deeper than 40 levels (MAX_YAML_DEPTH)" in str(caught.value)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\ud800", "\ufffe"])
def test_text_holding_a_character_yaml_forbids_is_refused_at_its_place(character: str) -> None:
    """Text handed to parse_indicator_set with a NUL, a bell, a lone surrogate or a non-character is refused at its line and column."""
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(f"id: a\nname: x{character}y\n", "s.yaml")
    assert (2, 8) == (caught.value.line, caught.value.column)
    assert f"character U+{ord(character):04X} is not allowed in a YAML file" in str(caught.value)


@pytest.mark.parametrize("text", ["1", "7", "10", "100", "999999999999999", "1000000000000000", "99999999999999999999",
                                  "0", "00", "0100", "-5", "+5", "1_000", "0x1f", "0b11", "1:30", "１２", "٣", "1.5",
                                  "1e3", "yes", "2024-01-01"])
def test_plain_numbers_are_read_as_pyyaml_reads_them_or_refused_saying_why(text: str) -> None:
    """A plain whole number (a weight, points) is read at once as the int PyYAML makes of it; what PyYAML reads in another
    base, or out of range, is refused with a problem; text and other numbers are read as before."""
    from scoring_engine import _yaml

    located = _yaml.load(f"v: {text}\n", "s.yaml")
    expected = yaml.safe_load(f"v: {text}\n")["v"]
    value = located.data["v"]
    refused = text in ("00", "0100", "0x1f", "0b11", "1:30", "1000000000000000", "99999999999999999999")
    assert refused == bool(located.problems)
    if refused:
        assert value is None
    elif isinstance(expected, int) and not isinstance(expected, bool):
        assert (int, expected) == (type(value), value)
    else:
        assert str(expected) == str(value)


def test_scalar_tags_kept_for_the_file_are_the_tags_pyyaml_resolves() -> None:
    """The loader keeps each plain scalar's tag once resolved, gives quoted text and collections theirs at once, and
    follows no paths: every node of the bundled sets, of a 500-leaf set and of a file of odd scalars gets the same tag,
    value and position as PyYAML's own loader gives it."""
    import sys
    from pathlib import Path

    from scoring_engine import _yaml

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from generate import large_set

    def tags(node: yaml.Node) -> list[tuple[str, str, int, int]]:
        found, stack = [], [node]
        while stack:
            node = stack.pop()
            where = node.start_mark.line, node.start_mark.column
            if isinstance(node, yaml.ScalarNode):
                found.append((node.tag, node.value, *where))
            elif isinstance(node, yaml.MappingNode):
                found.append((node.tag, "{}", *where))
                stack.extend(part for pair in node.value for part in pair)
            else:
                found.append((node.tag, "[]", *where))
                stack.extend(node.value)
        return found

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "indicator_sets").glob("*.yaml"))]
    odd = "a:\nb: ''\nc: 'yes'\nd: \"1\"\ne: yes\nf: [1, '1', null, ~, 1.5, .inf, 2024-01-01, {}, [[]]]\n? [x]\n: |\n  text\n"
    for text in [*texts, large_set(500), odd]:
        assert tags(yaml.compose(text, Loader=yaml.SafeLoader)) == tags(yaml.compose(text, Loader=_yaml._Composer))


def test_names_are_looked_at_unless_the_reader_saw_every_text_printable() -> None:
    """The reader notes that every key and text it read is printable, and only then is the look for hidden characters
    in names skipped: a line break anywhere in the file, or data the reader did not make, and the names are looked at."""
    from pathlib import Path

    from scoring_engine import _yaml
    from scoring_engine._build import build_indicator_set
    from scoring_engine._located import Located

    text = (Path(__file__).resolve().parents[1] / "examples" / "small" / "set.yaml").read_text(encoding="utf-8")
    assert _yaml.load(text).printable
    assert not _yaml.load(text.replace("version:", "description: |\n  两行\n  说明\nversion:", 1)).printable
    assert not _yaml.load(text.replace("name: 示例指标体系", "name: 示例\u200b指标体系", 1)).printable
    data = _yaml.load(text).data
    data["indicators"][0]["name"] = "决策\u202e指标"
    with pytest.raises(IndicatorSetError) as caught:
        build_indicator_set(Located(data), "set.yaml", "0" * 64)
    assert "an invisible character that reorders" in str(caught.value)
    hidden = text.replace("version:", "description: |\n  两行\n  说明\nversion:", 1).replace("- id: decision\n    name: ", "- id: decision\n    name: 决策\u202e", 1)
    with pytest.raises(IndicatorSetError, match="an invisible character that reorders"):
        parse_indicator_set(hidden)


@pytest.mark.parametrize(("tagged", "said"), [
    ("!!int", "the value is empty, not a whole number"), ("!!int +", "'+' is not a whole number"),
    ('!!int ""', "the value is empty, not a whole number"), ("!!bool", "the value is empty, not true or false"),
    ("!!bool maybe", "'maybe' is not true or false"), ("!!timestamp", "the value is empty, not a date (2024-06-30)"),
    ("!!timestamp x", "'x' is not a date (2024-06-30)"), ("!!float", "the value is empty, not a number"),
    ("!!float 12abc", "'12abc' is not a number"), ("!!null 400", "'400' is not null")])  # QA43 F4: not "out of range", not dropped
def test_a_standard_tag_on_a_value_it_cannot_read_is_one_located_error_in_a_set_and_in_facts(tagged: str, said: str) -> None:
    """QA41 F2: `a: !!int` (nothing), `!!bool maybe` or `!!timestamp x` escaped from PyYAML's constructors as IndexError,
    KeyError or AttributeError: a bare exception from the API, exit 3 from validate. Each is said at its line, saying what
    the tag asks for."""
    from scoring_engine import FactsError, parse_facts

    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set(f"id: x\na: {tagged}\n", source="s.yaml")
    assert (2, said) in [(p.line, p.message) for p in caught.value.problems]
    with pytest.raises(FactsError) as refused:
        parse_facts(f"facts:\n  budget.paid: {tagged}\n", source="f.yaml", yaml=True)
    assert said in str(refused.value)


def test_an_empty_key_is_said_to_be_empty_not_to_be_quoted() -> None:
    """QA45 F12: `? ` alone on a line (an empty key) said "key  must be text (put the key in quotes)" in English."""
    with pytest.raises(IndicatorSetError) as caught:
        parse_indicator_set("id: x\nfacts:\n  a:\n    ? \n    b: 1\n", source="s.yaml")
    [problem] = [p for p in caught.value.problems if p.message == "a key is empty"]
    assert 4 == problem.line and "键是空的（在冒号前写出键，或删去这一行）" in problem.text("zh")
