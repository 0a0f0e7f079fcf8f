"""Tabs in a YAML file: one the reader takes is never the error said, and one it refuses is named as a tab, with its fix.

libyaml (which reads every set) takes a tab after a key's colon, at a line's
end or between a flow collection's entries; PyYAML's own scanner, which gives
a syntax error its words, stops at each. A file that held such tabs and a real
mistake lines below was told of the first tab, with the fix "put the value in
quotes", and a file aligned with tabs took a round per tab (QA164 F2).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLE_SET
from scoring_engine import _yaml
from scoring_engine.cli import main

SET = EXAMPLE_SET.read_text(encoding="utf-8")
_TAB_LINE = "这里是制表符（Tab），YAML 只能用空格缩进（换成空格；编辑器可以设置为按 Tab 键时输入空格）"


def _validate(folder: Path, text: str) -> tuple[int, list[str]]:
    (folder / "set.yaml").write_text(text, encoding="utf-8")
    done = CliRunner().invoke(main, ["--lang", "zh", "validate", str(folder / "set.yaml")], prog_name="scoring-engine")
    return done.exit_code, [line.replace(str(folder / "set.yaml"), "set.yaml") for line in done.output.splitlines()]


def _tab_aligned(text: str) -> str:
    """The set with its facts' values aligned by a tab after the key's colon, as an editor set to tabs writes them."""
    return re.sub(r"(?m)^(  [a-z_.]+:) +\{", "\\1\t{", text)


def _line_of(text: str, words: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if words in line)


def test_a_tab_the_reader_takes_does_not_hide_a_mistake_lines_below(tmp_path: Path) -> None:
    """A set aligned with tabs after its keys' colons validates; with a full-width colon typed lines below, that colon
    is the one error said, at its place, not the first tab (nor a round per tab)."""
    aligned = _tab_aligned(SET)
    assert aligned.count("\t") > 20
    assert 0 == _validate(tmp_path, aligned)[0]
    broken = aligned.replace("    name: 决策", "    name： 决策", 1)
    code, lines = _validate(tmp_path, broken)
    assert 1 == code
    line = _line_of(broken, "name： 决策")
    assert [f"错误：set.yaml:{line}:9: '：' 是全角冒号，YAML 在这里要的是半角的 ':'（改为半角的 ':'，输入时把输入法切换到英文标点）"] \
        == lines


def test_a_tab_the_reader_refuses_is_said_to_be_a_tab_to_replace_with_spaces(tmp_path: Path) -> None:
    """A tab in an indentation, after a taken one on a line above, is the error said: a 制表符, to replace with spaces
    (not the character '\\t' to put in quotes); so is a tab after a list item's dash."""
    text = SET.replace("precision: 2", "precision: 2\t", 1).replace("\n  budget.paid:", "\n \tbudget.paid:", 1)
    code, lines = _validate(tmp_path, text)
    assert (1, [f"错误：set.yaml:{_line_of(text, 'budget.paid')}:2: {_TAB_LINE}"]) == (code, lines)
    text = SET.replace("  - {label: 良, min: 80}", "  - \t{label: 良, min: 80}", 1)
    code, lines = _validate(tmp_path, text)
    assert (1, [f"错误：set.yaml:{_line_of(text, '良')}:5: {_TAB_LINE}"]) == (code, lines)


_SMALL = """id: x
facts:
  a.b: {type: number,
    min: 0}
  c: "q r"
indicators:
  - id: d
    rule: {kind: formula, score: "a.b"}
    standard: |
      文字 一
        二
    tags:
      - x
      - y
"""
_MISTAKES = ("k: [1, 2\n", "  - id: f\n   weight: 1\n", "x: *a\n", "y：1\n", "z: 'abc\n", "  -\tid: f\n", "\tq: 1\n")


def _said(text: str) -> tuple[int | None, int | None, str] | None:
    try:
        _yaml.load(text, "set.yaml")
    except _yaml.YamlError as err:
        return err.problems[0].line, err.problems[0].column, err.problems[0].message
    return None


@pytest.mark.parametrize("mistake", _MISTAKES)
def test_wherever_a_taken_tab_stands_the_mistake_said_is_the_same(mistake: str) -> None:
    """A tab typed anywhere the reader takes it (the file reads without the mistake) leaves the error said of a mistake
    below as it is without the tab: its line, column and words."""
    alone = _said(_SMALL + mistake)
    assert alone is not None
    assert "'\\t'" not in alone[2]
    for at in range(len(_SMALL) + 1):
        for tab in ("\t", " \t"):
            text = _SMALL[:at] + tab + _SMALL[at:]
            if _said(text) is None:
                assert alone == _said(text + mistake), repr(text[max(at - 12, 0):at + 8])


def test_without_libyaml_a_tab_pyyaml_refuses_is_said_to_be_a_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read by PyYAML alone, which takes no tab after a colon, the tab is the error, said as a tab with its fix."""
    monkeypatch.setattr(_yaml, "_FAST_LOADER", yaml.SafeLoader)
    assert (2, 8, "a tab where YAML expects spaces: YAML indents with spaces only") == _said("id: x\nweight:\t10\n")


_TEXTS = """a: "x y
  z w"
b: 'p q
  r'
c: plain one
  two three
d: >
  folded a
  b c

   more
e: |-
  lit a b
   c
f: [m n, "o p", {g: h i}]
h: 2024-01-01 10:00:00
"""


@pytest.mark.parametrize("small", [_SMALL, _TEXTS])
def test_wherever_a_taken_tab_stands_a_lone_surrogate_below_is_named_and_every_value_is_the_files(small: str) -> None:
    """QA166 F5: a tab inside a value (name: "甲<tab>乙") with a "\\uD800" escape below gave libyaml's raw English words,
    even under Chinese, where without the tab the lone surrogate was named. Wherever a tab the reader takes stands (in a
    quoted, plain, folded or literal text, at a line's edge or within it), the surrogate is named, and every other value
    is read as libyaml reads the file without the escape: the tab is the file's, a date and time apart by a tab a date."""
    surrogate = 'w: "\\uD800"\n'
    for at in range(len(small)):  # before the last line break: a tab after it would begin the escape's line
        for tab in ("\t", " \t", "\t "):
            text = small[:at] + tab + small[at:]
            if _said(text) is not None:
                continue  # a tab the reader refuses
            located = _yaml.load(text + surrogate, "set.yaml")
            assert ["text holds U+D800, a lone surrogate"] == [p.message for p in located.problems], \
                repr(text[max(at - 12, 0):at + 8])
            assert {**_yaml.load(text, "set.yaml").data, "w": None} == {**located.data, "w": None}, repr(text[at - 12:at + 8])
