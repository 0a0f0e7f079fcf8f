"""Shared paths for the tests, and the language of the command line's messages in them.

The tests read the English texts of the messages (the structured fields and the
English stay what tools use), so the command line speaks English here unless a
test asks for Chinese (`--lang zh`, or the variable removed: tests/test_zh.py).
"""

import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from browser import Chromium, in_ci

os.environ["SCORING_ENGINE_LANG"] = "en"  # subprocesses inherit it; tests of the default language remove it

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SET = ROOT / "examples" / "small" / "set.yaml"
EXAMPLE_FACTS = ROOT / "examples" / "small" / "facts.json"
#: The grades of 财预〔2020〕10号 第十八条 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), as an inline test set's `grades:` section.
NATIONAL_GRADES = """\
grades:
  - {label: 优, min: 90}
  - {label: 良, min: 80}
  - {label: 中, min: 60}
  - {label: 差, min: 0}
"""


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    """A headless Chromium for the module that asks for it; skipped only outside CI when it is not installed."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if in_ci():
            pytest.fail("chromium is not installed, and CI must run the browser test: .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk); CI runs this test")
    home = tmp_path_factory.mktemp("chromium")
    browser = Chromium(executable, home / "profile", home / "chromium.log")
    yield browser
    browser.close()


def row_group_set(weight: int, name: str, children_from: str, head: str = "") -> str:
    """The text of a set whose one indicator `g` (`name`, `weight`) scores the target rows of fact `rows`;
    `children_from` is its children_from mapping as YAML (flow style, or a block indented for `    children_from:`),
    `head` top-level keys added before the grades."""
    block = children_from if children_from.startswith("\n") else " " + children_from
    return (f"id: t\nname: t\nversion: '1'\nfacts:\n  rows: {{type: list, items: target}}\n{head}"
            f"grades: [{{label: 合格, min: 0}}]\ntotal: {weight}\nindicators:\n  - id: g\n    name: {name}\n"
            f"    weight: {weight}\n    children_from:{block}\n")


def add_side_row(form: Path, *values: str) -> int:
    """A row (事实 | name | value, 不适用 | indicator | reason…) added at the end of the 表外事实 sheet of the workbook
    at `form`; its row number."""
    from openpyxl import load_workbook

    book = load_workbook(form)
    side = book["表外事实"]
    row = side.max_row + 1
    for col, value in enumerate(values, start=1):
        side.cell(row, col, value)
    book.save(form)
    return row


def written_form(facts: Path, form: Path, cells: Mapping[str, object] | None = None, sheet: str | None = None) -> Path:
    """The project of `facts` written as its set's 自评表 at `form` (`score --layout selfeval`), with `cells` typed over
    it: 'E6' on `sheet` (the form sheet, the workbook's first, by default), '表外事实!C3' on the sheet it names."""
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["score", str(facts), "--layout", "selfeval", "-o", str(form)])
    assert 0 == run.exit_code, run.output
    book = load_workbook(form)
    for cell, value in (cells or {}).items():
        named, _, ref = cell.rpartition("!")
        book[named or sheet or book.sheetnames[0]][ref] = value
    book.save(form)
    return form


def scored_form(form: Path, *options: str) -> tuple[int, str]:
    """`scoring-engine --lang en score FORM` with `options`: its exit code and what it printed."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form), *options])
    return run.exit_code, run.output



def refused_as_yuan_note(form: Path, at: str, note: str, tmp_path: Path) -> None:
    """The form is refused (exit 1) on the note's cell `at` as giving its amounts in 元, and `import` writes nothing of it:
    read in silence, 1000000 元 would be scored and imported as 1000000 万元. A line break in the note is shown as a
    space (the message is one line), a zero-width space as its escape."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    code, output = scored_form(form)
    shown = note.replace("\n", " ").replace("\u200b", "\\u200b")
    assert f"!{at}: the label {shown} gives the amounts in 元, and the form's amounts are read in 万元" in output, output
    assert 1 == code, output
    out = tmp_path / "refused-facts.json"
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(out)])
    assert 0 != run.exit_code and not out.exists(), run.output
