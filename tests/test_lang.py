"""The language of messages follows the input: a file or text holding Han characters is Chinese, one without is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring_engine._lang import _file_is_chinese, is_chinese

#: The Han blocks the detector knows: (first, last) code point of each.
HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def _han(code_point: int) -> bool:
    return any(first <= code_point <= last for first, last in HAN)


def test_every_han_block_is_chinese_to_its_edges() -> None:
    """Each block's first and last character counts, and the characters just outside do not (U+4DC0, a hexagram, sits
    between two blocks)."""
    for first, last in HAN:
        for code_point in (first - 1, first, first + 1, last - 1, last, last + 1):
            assert is_chinese(chr(code_point)) is _han(code_point), hex(code_point)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_text_is_chinese_when_it_holds_a_han_character(text: str) -> None:
    """Any text, lone surrogates too: Chinese exactly when one of its characters is in a Han block."""
    assert is_chinese(text) is any(_han(ord(c)) for c in text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=24) | st.lists(st.sampled_from([b"\xe3\x90\x80", b"\xe4\xb7\x80", b"\xe4\xb8\x80", b"\xef\xa4\x80",
                                                           b"\xe9", b"\xbf", b"\x80", b"a", b"\xf0\x9f\x98\x80",
                                                           b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4e", b"\xd8"]),
                                         max_size=6).map(b"".join))
def test_a_file_is_chinese_as_its_text_read_as_utf8_is(tmp_path_factory: object, data: bytes) -> None:
    """The file's bytes are searched without decoding them; the answer is that for the text decoded from UTF-8 (bad bytes
    left out), or else from GB18030; for a file beginning with a UTF-16 byte-order mark, that of its UTF-16 text, and so
    for one that is UTF-16 without the mark (QA318 F7: _encodings.utf16_unmarked)."""
    from scoring_engine._encodings import utf16_unmarked

    folder: Path = tmp_path_factory.mktemp("lang")  # type: ignore[attr-defined]
    path = folder / "facts.json"
    path.write_bytes(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        whole = data[2:len(data) // 2 * 2]
        utf16 = whole.decode("utf-16-le" if data[:1] == b"\xff" else "utf-16-be", "ignore")
        assert _file_is_chinese(path) is any(_han(ord(c)) for c in utf16)
        return
    unmarked = utf16_unmarked(data)
    if unmarked:
        assert _file_is_chinese(path) is any(_han(ord(c)) for c in data[:len(data) // 2 * 2].decode(unmarked, "ignore"))
        return
    decoded = data.decode("utf-8", "ignore")
    expected = any(_han(ord(c)) for c in decoded)
    if not expected:
        try:
            expected = any(_han(ord(c)) for c in data.decode("gb18030"))
        except UnicodeDecodeError:
            expected = False
    assert _file_is_chinese(path) is expected


def test_a_portfolio_folder_of_units_or_forms_named_in_chinese_speaks_chinese(tmp_path: Path) -> None:
    """The usual portfolio (a folder per 单位, 自评表 workbooks named in Chinese) is Chinese input even when no text file
    sits at its top, so its error lines are Chinese like its summary; a folder of English names and text is not."""
    from scoring_engine._lang import language

    empty: dict[str, str] = {}
    (tmp_path / "portfolio" / "第1实施单位").mkdir(parents=True)
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "自评表-紫霞安置小区.xlsx").write_bytes(b"PK")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "a.json").write_text('{"facts": {"x": 1}}', encoding="utf-8")
    assert "zh" == language(None, [tmp_path / "portfolio"], empty)
    assert "zh" == language(None, [tmp_path / "forms"], empty)
    assert "zh" == language(None, [tmp_path / "forms" / "自评表-紫霞安置小区.xlsx"], empty)
    assert "en" == language(None, [tmp_path / "plain"], empty)


def test_a_form_or_a_folder_of_project_folders_is_chinese_by_what_it_holds(tmp_path: Path) -> None:
    """A filled 自评表 with an ASCII name is Chinese input by its cells (shared strings, or inline strings in its first
    sheet) or its sheets' names (a form whose main sheet was emptied), and so is a folder of project folders (examples/) whose facts are Chinese; a workbook without Chinese, a
    broken one, and a zip bomb's claim of size are not read beyond their first 64 KB."""
    import zipfile

    from scoring_engine._lang import language

    empty: dict[str, str] = {}

    def workbook(name: str, parts: dict[str, str]) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, text in parts.items():
                archive.writestr(part, text)
        return path

    shared = workbook("shared.xlsx", {"xl/sharedStrings.xml": "<sst><si><t>项目支出绩效自评表</t></si></sst>"})
    inline = workbook("inline.xlsx", {"xl/worksheets/sheet1.xml": '<c t="inlineStr"><is><t>实际完成值</t></is></c>'})
    plain = workbook("plain.xlsx", {"xl/sharedStrings.xml": "<sst><si><t>" + "x" * 200_000 + "项目</t></si></sst>"})
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    named = workbook("named.xlsx", {"xl/workbook.xml": '<sheets><sheet name="项目支出绩效自评表"/><sheet name="表外事实"/></sheets>'})
    assert ["zh", "zh", "zh"] == [language(None, [path], empty) for path in (shared, inline, named)]  # QA27 F9: sheets
    assert ["en", "en"] == [language(None, [path], empty) for path in (plain, tmp_path / "broken.xlsx")]
    (tmp_path / "examples" / "small").mkdir(parents=True)
    (tmp_path / "examples" / "small" / "facts.json").write_text('{"project": {"name": "社区养老"}}', encoding="utf-8")
    assert "zh" == language(None, [tmp_path / "examples"], empty)


def test_a_profile_is_chinese_when_the_set_it_extends_is(tmp_path: Path) -> None:
    """A profile that writes no Chinese of its own (`extends: self-evaluation` and a weight) builds a Chinese set: its
    messages are Chinese, whether it extends a bundled set or a Chinese set beside it; a plain English file is not."""
    from scoring_engine._lang import language

    empty: dict[str, str] = {}
    (tmp_path / "bundled.yaml").write_text("extends: self-evaluation\nchange:\n  budget: {weight: 15}\n", encoding="utf-8")
    (tmp_path / "base.yaml").write_text("id: base\nname: 基础体系\n", encoding="utf-8")
    (tmp_path / "local.yaml").write_text("extends: 'base.yaml'\n", encoding="utf-8")
    (tmp_path / "plain.yaml").write_text("id: plain\nname: plain\n", encoding="utf-8")
    assert ["zh", "zh", "en"] == [language(None, [tmp_path / name], empty) for name in ("bundled.yaml", "local.yaml",
                                                                                        "plain.yaml")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_by_notepad_as_unicode_speaks_the_language_of_its_text(encoding: str, tmp_path: Path) -> None:
    """A set or facts file Notepad saved as "Unicode" (UTF-16 with a byte-order mark) is Chinese input when its text is,
    as a GBK copy is: on a console with no LANG its error was English (QA164 F4). A profile extending a bundled set is
    Chinese too; an English file is not."""
    from scoring_engine._lang import language

    mark = "\ufeff" if encoding != "utf-16" else ""  # Python's utf-16 writes the mark itself
    empty: dict[str, str] = {}
    for name, text in (("set.yaml", "id: s\nname: 中文体系\n"), ("facts.json", '{"facts": {"单位": "甲"}}'),
                       ("profile.yaml", "extends: self-evaluation\n"), ("plain.yaml", "id: p\nname: plain\n")):
        (tmp_path / name).write_bytes((mark + text).encode(encoding))
    assert ["zh", "zh", "zh", "en"] == [language(None, [tmp_path / name], empty)
                                        for name in ("set.yaml", "facts.json", "profile.yaml", "plain.yaml")]


def test_a_facts_file_is_chinese_when_the_set_it_names_is(tmp_path: Path) -> None:
    """A facts file with no Chinese text of its own got its problems in English ('required fact 实际支出 … is missing'),
    half Chinese, though the set it names is Chinese: its language is the set's, bundled or beside it."""
    from scoring_engine._lang import language

    empty: dict[str, str] = {}
    (tmp_path / "set.yaml").write_text("id: s\nname: 中文体系\n", encoding="utf-8")
    (tmp_path / "plain.yaml").write_text("id: p\nname: plain\n", encoding="utf-8")
    for name, named in (("a.json", "set.yaml"), ("b.json", "self-evaluation"), ("c.json", "plain.yaml")):
        (tmp_path / name).write_text(f'{{"indicator_set": "{named}", "facts": {{"x": 1}}}}', encoding="utf-8")
    (tmp_path / "d.yaml").write_text("indicator_set: set.yaml\nfacts: {x: 1}\n", encoding="utf-8")
    assert ["zh", "zh", "en", "zh"] == [language(None, [tmp_path / n], empty) for n in ("a.json", "b.json", "c.json", "d.yaml")]


def test_a_file_in_a_folder_named_in_chinese_is_chinese_input_for_every_command(tmp_path: Path) -> None:
    """QA40 F5: `score 单位甲/f.json` answered in English where `batch 单位甲` answered in Chinese (same file, English set).
    A file in a folder named in Chinese is Chinese input, as the README says of a folder of 单位."""
    from scoring_engine._lang import language

    folder = tmp_path / "单位甲"
    folder.mkdir()
    (folder / "f.json").write_text('{"facts": {}}', encoding="utf-8")
    (tmp_path / "f.json").write_text('{"facts": {}}', encoding="utf-8")
    assert "zh" == language(None, [str(folder / "f.json")], environ={"LANG": "C.UTF-8"})
    assert "en" == language(None, [str(tmp_path / "f.json")], environ={"LANG": "C.UTF-8"})


def test_a_missing_input_named_in_chinese_is_answered_in_chinese(tmp_path: Path) -> None:
    """QA67 F1: `score 单位C/不存在.json` (a mistyped name) said `error: …: no such file` in English under an English
    locale, though the name the clerk typed is Chinese; a missing file named in Latin letters stays English."""
    from scoring_engine._lang import language

    english = {"LANG": "C.UTF-8"}
    assert "zh" == language(None, [str(tmp_path / "单位C" / "不存在.json")], environ=english)
    assert "zh" == language(None, ["体系.yaml"], environ=english)
    assert "en" == language(None, [str(tmp_path / "nosuch.json")], environ=english)


@pytest.mark.parametrize("written", [["--lang", "en"], ["--lang=en"]])
def test_lang_written_after_the_command_is_read_as_before_it(written: list[str]) -> None:
    """QA148 F2: `score facts.json --lang en`, as people write it (and indicator-sets.md did), failed with 'No such
    option: --lang'. It is read as if written before the command; after `--` it is an argument."""
    from click.testing import CliRunner

    from conftest import EXAMPLE_FACTS
    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["validate", "/nonexistent/set.yaml", *written])
    assert 1 == run.exit_code and run.stderr.startswith("error:") and "No such option" not in run.stderr, run.output
    run = CliRunner().invoke(main, ["score", str(EXAMPLE_FACTS), *written, "--format", "json"])
    assert 0 == run.exit_code and "warning:" in run.stderr, run.output
    run = CliRunner().invoke(main, ["score", str(EXAMPLE_FACTS), "--lang"])  # no value: said so (QA149 F3)
    assert 2 == run.exit_code and ("requires an argument" in run.stderr or "后面要写一个值" in run.stderr), run.output


@pytest.mark.parametrize(("before", "after", "spoken"), [("zh", "en", "error:"), ("en", "zh", "错误：")])
def test_lang_given_before_and_after_the_command_speaks_the_last_one_written(before: str, after: str, spoken: str) -> None:
    """`--lang zh score x --lang en` spoke Chinese: the --lang after the command was moved in front of the one before
    it. Given twice, the last one written wins, as for any option given twice."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["--lang", before, "validate", "/nonexistent/set.yaml", "--lang", after])
    assert 1 == run.exit_code and run.stderr.startswith(spoken), run.output


def test_a_usage_error_and_help_speak_the_last_lang_written() -> None:
    """QA155 F4: with --lang given before and after the command, a usage error (an unknown option, a missing argument)
    and --help spoke the first one, while errors inside the command spoke the last."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    run = CliRunner().invoke(main, ["--lang", "zh", "score", "--bogus", "x", "--lang", "en"])
    assert 2 == run.exit_code and "No such option" in run.stderr, run.output
    run = CliRunner().invoke(main, ["--lang", "en", "score", "--bogus", "x", "--lang", "zh"])
    assert 2 == run.exit_code and "没有选项" in run.stderr, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "--lang", "en"])
    assert 2 == run.exit_code and "Missing argument" in run.stderr, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "score", "-h", "--lang", "en"])
    assert 0 == run.exit_code and run.output.startswith("Usage:"), run.output


_ENGLISH_LOCALE = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "SCORING_ENGINE_LANG": None}


@pytest.mark.parametrize(("piped", "spoken"), [
    ('{"indicator_set": "self-evaluation", "project": {"name": "某市项目"}, "facts": {"budget.total": "abc"}}'.encode(),
     "错误：标准输入: 全年预算数（budget.total）：应为数字"),
    (b'{"indicator_set": "self-evaluation", "facts": {"budget.total": "abc"}}', "错误：标准输入: 全年预算数（budget.total）："),
    ('{"indicator_set": "nosuch", "project": {"name": "某市项目"}, "facts": {}}'.encode(),
     "错误：标准输入: $.indicator_set：没有指标体系 'nosuch'"),
    ('{\n"indicator_set": "self-evaluation",\n"project": {"name": "某市项目"},\n"facts": {}}'.encode("gbk"),
     "错误：标准输入:3: 输入是 GBK/GB18030 编码"),
    (b'{"indicator_set": "nosuch", "facts": {}}', "error: <stdin>: $.indicator_set: no indicator set 'nosuch'"),
], ids=["chinese text", "a bundled set", "a missing set", "gbk", "english"])
def test_facts_piped_in_speak_the_language_of_their_text_as_a_file_does(piped: bytes, spoken: str, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA179 F2: `score - < bad.json` answered in English where `score bad.json` answered in Chinese (the same Chinese
    text, or naming a bundled set, on a console with no Chinese locale). Standard input counts as a file does."""
    from click.testing import CliRunner

    from scoring_engine.cli import main

    monkeypatch.chdir(tmp_path)
    for command in (["score", "-"], ["explain", "-", "-i", "decision"]):
        run = CliRunner().invoke(main, command, input=piped, env=_ENGLISH_LOCALE)
        assert 1 == run.exit_code and run.stderr.startswith(spoken), run.output
