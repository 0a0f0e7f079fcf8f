"""The command line on a machine whose locale does not match the names it is given: a UTF-8 name typed on a server whose
locale is zh_CN.GBK, a Chinese name in a file read under an ASCII C locale (QA224 2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET
from scoring_engine.cli import main

#: 汇总 typed in a UTF-8 terminal (e6 b1 87 e6 80 bb) as glibc reads it in a zh_CN.GBK locale: byte 0x80 as €, which
#: Python's gbk codec does not write back, the last byte alone as its surrogate.
HUIZONG_READ_AS_GBK = "姹囨\u20ac\udcbb"
NOT_IN_GBK = "汇总{}: 文件名无法用当前区域设置的编码（gbk）表示（改用 UTF-8 区域设置，如 LANG=zh_CN.UTF-8）"


@pytest.fixture
def gbk_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file system's encoding is gbk, and a path holding € cannot be looked up or opened, as on such a server."""
    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "gbk")

    def refusing(real):
        def call(path, *args, **kwargs):
            text = os.fspath(path) if not isinstance(path, int) else ""
            if isinstance(text, str) and "\u20ac" in text:
                raise UnicodeEncodeError("gbk", text, text.index("\u20ac"), text.index("\u20ac") + 1,
                                         "illegal multibyte sequence")
            return real(path, *args, **kwargs)
        return call

    for name in ("stat", "lstat", "open", "scandir", "listdir"):
        monkeypatch.setattr(os, name, refusing(getattr(os, name)))


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "zh", *args])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("args, extension", [
    (("score", str(EXAMPLE_FACTS), "--format", "csv", "--output", f"{HUIZONG_READ_AS_GBK}.csv"), ".csv"),
    (("score", f"{HUIZONG_READ_AS_GBK}.json"), ".json"),
    (("import", f"{HUIZONG_READ_AS_GBK}.xlsx"), ".xlsx"),
    (("template", "self-evaluation", "--format", "json", "--output", f"{HUIZONG_READ_AS_GBK}.json"), ".json"),
    (("sets", "self-evaluation", "--copy", HUIZONG_READ_AS_GBK), ""),
    (("batch", HUIZONG_READ_AS_GBK), ""),
    (("test", HUIZONG_READ_AS_GBK), ""),
    (("validate", f"{HUIZONG_READ_AS_GBK}.yaml"), ".yaml"),
    (("diff", f"{HUIZONG_READ_AS_GBK}.yaml", str(EXAMPLE_SET)), ".yaml"),
    (("score", str(EXAMPLE_FACTS), "--set", f"{HUIZONG_READ_AS_GBK}.yaml"), ".yaml"),
], ids=lambda value: " ".join(Path(a).name for a in value).replace(HUIZONG_READ_AS_GBK, "汇总")
    if isinstance(value, tuple) else None)
def test_a_utf8_name_typed_on_a_gbk_server_is_one_line_naming_it_as_typed(gbk_locale, args, extension, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch):
    """On a zh_CN.GBK server reached from a UTF-8 terminal, 汇总.csv given to a command was a Python traceback (click's
    Path type), exit 3 (batch) or "no such indicator set" (validate, diff: the file may well be there). It is one line
    naming the file as typed, why, and the fix, exit 1."""
    monkeypatch.chdir(tmp_path)
    code, err = _run(*args)
    assert (1, [f"错误：{NOT_IN_GBK.format(extension)}"]) == (code, err.splitlines()), err


def test_a_name_the_ascii_c_locale_cannot_hold_read_from_a_facts_file_is_said_as_such(tmp_path: Path):
    """Under an ASCII C locale (no UTF-8 mode), a facts file naming its set 汇总.yaml was told the name "holds a NUL
    character" by score, and batch failed the project as an internal error (exit 3). Both say the locale cannot hold
    the name, exit 1."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["indicator_set"] = "汇总.yaml"
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    shutil.copy(EXAMPLE_SET, tmp_path / "汇总.yaml")
    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "PYTHONIOENCODING": "utf-8", "SCORING_ENGINE_LANG": "zh"}
    probe = subprocess.run([sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"], env=env,
                           capture_output=True, text=True, check=True)
    if probe.stdout.strip() != "ascii":
        pytest.skip(f"the C locale's file system encoding is {probe.stdout.strip()} here, not ascii")
    said = "文件名无法用当前区域设置的编码（ascii）表示（改用 UTF-8 区域设置，如 LANG=zh_CN.UTF-8）"
    for command in ("score", "batch"):
        done = subprocess.run([sys.executable, "-m", "scoring_engine", command, "facts.json"], cwd=tmp_path, env=env,
                              capture_output=True, timeout=120, check=False)
        err = done.stderr.decode("utf-8")
        assert 1 == done.returncode, err
        assert f"汇总.yaml: {said}" in err and "Traceback" not in err and "内部错误" not in err


def test_another_encoding_error_is_still_a_bug_of_ours(monkeypatch: pytest.MonkeyPatch):
    """Only an error in the file system's encoding, of one path, is the locale's: any other UnicodeEncodeError while a
    command runs is an internal error (exit 3), as every bug is."""
    from scoring_engine import cli

    def failing(*_args, **_kwargs):
        raise UnicodeEncodeError("ascii", "汇总", 0, 1, "ordinal not in range(128)")

    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "utf-8")
    monkeypatch.setattr(cli, "load_indicator_set", failing)
    code, err = _run("validate", str(EXAMPLE_SET))
    assert 3 == code and "内部错误：UnicodeEncodeError" in err


@pytest.mark.parametrize("err", [
    UnicodeEncodeError("ascii", "汇总.csv", 0, 1, "ordinal not in range(128)"),  # another encoding
    UnicodeEncodeError("gbk", "第一行\n第二行\u20ac", 7, 8, "illegal multibyte sequence"),  # a text, not a path
    UnicodeEncodeError("gbk", "x" * 5000 + "\u20ac", 5000, 5001, "illegal multibyte sequence"),  # longer than a path
    ValueError("embedded null byte"),
])
def test_only_an_error_encoding_one_path_in_the_file_systems_encoding_is_the_locales(err, monkeypatch):
    from scoring_engine._path_encoding import unnamed

    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "gbk")
    assert unnamed(err) is None


def test_a_name_is_shown_as_typed_when_its_bytes_are_utf8():
    from scoring_engine._path_encoding import as_typed

    assert "汇总.csv" == as_typed(f"{HUIZONG_READ_AS_GBK}.csv", "gbk")
    assert "指标/汇总.yaml" == as_typed("指标/汇总.yaml", "ascii")  # a name read from a file: as it is
    assert "\\xe6\\xb1" == as_typed("\udce6\udcb1", "ascii")  # bytes that are no UTF-8: escaped


def test_a_program_loading_a_file_whose_name_the_locale_cannot_hold_gets_the_packages_own_error(gbk_locale):
    """The same name given to the Python API (load_facts, load_indicator_set): a FactsError or IndicatorSetError saying
    why, as any file that cannot be read, never Python's UnicodeEncodeError (nor 'the name holds a NUL character', which
    it said before the command line learnt this case)."""
    from scoring_engine import FactsError, IndicatorSetError, load_facts, load_indicator_set

    for load, error in ((load_facts, FactsError), (load_indicator_set, IndicatorSetError)):
        with pytest.raises(error) as raised:
            load(f"{HUIZONG_READ_AS_GBK}.yaml")
        said = raised.value.problems[0]
        assert said.message.startswith("the file name cannot be written in the encoding of the locale (gbk)"), said
        assert "汇总.yaml" == said.file, said
