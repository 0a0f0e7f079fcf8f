"""The command line on a standard output narrower than Unicode: a GBK (cp936) one, as Chinese Windows writes a redirected
output in (QA179 F1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_FACTS, EXAMPLE_SET


def _run(*args: str, encoding: str = "gbk") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "SCORING_ENGINE_LANG": "zh"}
    return subprocess.run([sys.executable, "-m", "scoring_engine", *args], check=False, capture_output=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("args", [
    ("score", str(EXAMPLE_FACTS)),
    ("score", str(EXAMPLE_FACTS), "--format", "markdown"),
    ("explain", str(EXAMPLE_FACTS), "-i", "process.compliance"),
    ("explain", str(EXAMPLE_FACTS), "-i", "output.quantity"),
], ids=lambda args: " ".join(Path(a).name for a in args))
def test_a_gbk_standard_output_gets_the_report_with_a_plain_minus_for_the_engines_own(args):
    """The engine's reasons and explain lines hold the minus sign −, which GBK lacks: the whole output was refused (exit 1,
    nothing written). It is written, − as -, › as >, and nothing else changed. (A bundled set printed by `sets ID` is a
    file, written as its UTF-8 bytes: see the YAML test below, QA185 F3.)"""
    done = _run(*args)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    shown = done.stdout.decode("gbk")
    assert shown and "−" not in shown
    full = _run(*args, encoding="utf-8").stdout.decode("utf-8")
    assert full.replace("−", "-").replace("›", ">").replace("\r\n", "\n") == shown.replace("\r\n", "\n")
    if args[-1] != "json":
        assert " - " in shown  # the engine's own minus, plain


@pytest.mark.parametrize("args", [
    ("score", str(EXAMPLE_FACTS), "--format", "html"),
    ("score", str(EXAMPLE_FACTS), "--format", "json"),
    ("template", "national-framework", "--format", "html"),
    ("template", "national-framework", "--format", "json"),
], ids=lambda args: " ".join(Path(a).name for a in args))
def test_html_and_json_on_a_gbk_standard_output_are_the_utf8_bytes_the_output_file_holds(args, tmp_path: Path):
    """HTML says <meta charset="utf-8"> and JSON is UTF-8: redirected from a GBK standard output they were written as
    GBK bytes, a page whose title shows as mojibake (QA183 F3). They are the UTF-8 bytes --output writes, − kept."""
    done = _run(*args)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    written = tmp_path / f"out.{args[-1]}"
    assert 0 == _run(*args, "--output", str(written)).returncode
    assert written.read_bytes() == done.stdout
    done.stdout.decode("utf-8")
    assert args[0] == "template" or "−".encode() in done.stdout


@pytest.mark.parametrize("args", [
    ("score", str(EXAMPLE_FACTS), "--format", "csv"),
    ("score", str(EXAMPLE_FACTS), "--format", "csv", "--layout", "scoresheet"),
    ("template", "national-framework", "--format", "csv"),
], ids=lambda args: " ".join(Path(a).name for a in args))
def test_csv_on_a_gbk_standard_output_is_the_utf8_file_with_its_bom(args, tmp_path: Path):
    """The engine's CSV starts with a BOM (U+FEFF), which GBK lacks: every CSV to a GBK standard output was refused,
    naming the engine's own U+FEFF (QA183 F4). It is the UTF-8 file with its BOM --output writes, as Excel reads it."""
    done = _run(*args)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    written = tmp_path / "out.csv"
    assert 0 == _run(*args, "--output", str(written)).returncode
    assert written.read_bytes() == done.stdout and done.stdout.startswith(b"\xef\xbb\xbf")
    done.stdout.decode("utf-8")


def test_a_character_of_the_users_text_a_gbk_output_cannot_hold_is_refused_by_name(tmp_path: Path):
    """A project's name holding 𪚥 (no GBK character) is refused as before, naming the character and its line."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["project"]["name"] = "某𪚥项目"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    done = _run("score", str(path), "--set", str(EXAMPLE_SET))
    assert 1 == done.returncode and b"" == done.stdout
    said = done.stderr.decode("gbk").strip()
    assert said.startswith("错误：无法输出：标准输出只接受 gbk 编码的文字；第一个无法输出的字符是第 ") and "行的 U+2A6A5 " in said
    english = _run("--lang", "en", "score", str(path), "--set", str(EXAMPLE_SET)).stderr.decode("gbk")
    assert "the first character it cannot hold is U+2A6A5 " in english


def test_a_file_written_with_output_keeps_the_minus_sign(tmp_path: Path):
    """--output writes UTF-8, whatever standard output takes: the reasons keep −."""
    done = _run("score", str(EXAMPLE_FACTS), "--format", "markdown", "-o", str(tmp_path / "r.md"))
    assert 0 == done.returncode
    assert "(94.00% − 60.00%)" in (tmp_path / "r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ("template", "self-evaluation", "--format", "yaml"),
    ("template", "national-framework", "--format", "yaml"),
    ("resolve", "PROFILE"),
], ids=" ".join)
def test_yaml_on_a_gbk_standard_output_is_the_utf8_file_score_reads_back(args, tmp_path: Path):
    """`template SET --format yaml > sk.yaml` (and `resolve P > x.yaml`) on a GBK standard output wrote GBK bytes, which
    `score sk.yaml` then refused as a GBK file, and 节约率−5% became 节约率-5% (QA185 F3). A YAML the engine writes for a
    file is the UTF-8 bytes --output writes, whatever the output takes, and the engine reads it back."""
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: national-framework\n", encoding="utf-8")
    args = tuple(str(profile) if a == "PROFILE" else a for a in args)
    done = _run(*args)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    written = tmp_path / "out.yaml"
    assert 0 == _run(*args, "--output", str(written)).returncode
    assert written.read_bytes() == done.stdout
    redirected = tmp_path / "redirected.yaml"
    redirected.write_bytes(done.stdout)
    read_back = _run("validate" if args[0] == "resolve" else "score", str(redirected)).stderr.decode("gbk")
    assert "GBK" not in read_back and "UTF-8" not in read_back, read_back
    if args[0] == "resolve":  # the national framework's 节约率−5%, kept
        assert "−".encode() in done.stdout


@pytest.mark.parametrize("set_id", ["national-framework", "cost-type-self-evaluation"])
def test_a_bundled_set_printed_to_a_gbk_standard_output_is_its_file(set_id: str, tmp_path: Path):
    """`sets ID > copy.yaml` on a GBK standard output fitted the set's − to - and wrote GBK bytes, a copy the engine then
    refused as a GBK file (QA185 F3; this test expected the − fitted before). It is the bundled file's own UTF-8 bytes,
    − kept, and it validates."""
    from scoring_engine.loader import bundled_sets

    done = _run("sets", set_id)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    assert bundled_sets()[set_id].read_bytes() == done.stdout and "−".encode() in done.stdout
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(done.stdout)
    assert 0 == _run("validate", str(copy)).returncode


def test_lint_json_on_a_gbk_standard_output_is_utf8_as_score_json_is(tmp_path: Path):
    """`lint --format json` on a GBK standard output was GBK, the set's − fitted to - (QA185 F3): JSON is UTF-8, as
    `score --format json` writes it; the same bytes whatever the output takes."""
    path = tmp_path / "执行−率.yaml"
    path.write_text(EXAMPLE_SET.read_text(encoding="utf-8"), encoding="utf-8")
    done = _run("lint", str(path), "--format", "json")
    assert done.returncode in (0, 1), done.stderr.decode("gbk", "replace")
    assert done.stdout == _run("lint", str(path), "--format", "json", encoding="utf-8").stdout
    assert str(path) == json.loads(done.stdout.decode("utf-8"))["sets"][0]["set"]


def _help(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key not in ("SCORING_ENGINE_LANG", "LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING=encoding, LANG="en_US.UTF-8")
    return subprocess.run([sys.executable, "-m", "scoring_engine", *args], check=False, capture_output=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("args", [("--help",), ("score", "--help"), ("batch", "--help"), ("import", "--help"),
                                  ("template", "--help")], ids=" ".join)
def test_help_on_a_console_without_chinese_is_printed_with_question_marks_for_the_chinese(args, encoding):
    """The English help names 项目支出绩效评价 and 自评表: on a latin-1 (en_US.ISO-8859-1) or cp1252 (English Windows)
    console `--help` was a Python traceback (QA224 3). It is printed, what the console cannot show as ?, exit 0."""
    done = _help(encoding, *args)
    assert (0, b"") == (done.returncode, done.stderr), done.stderr.decode(encoding, "replace")
    page = done.stdout.decode(encoding)
    assert page.startswith("Usage: ") and "Options:" in page
    if args == ("--help",):
        assert "against YAML indicator sets (????????)." in page
    full = _help("utf-8", *args).stdout.decode("utf-8")
    assert "项目支出绩效评价" in full or "自评表" in full  # a console that holds Chinese keeps it
    assert page.count("?") > full.count("?")


@pytest.mark.parametrize("args, offered", [
    (("explain", str(EXAMPLE_FACTS), "--indicator", "output.cost"), False),
    (("test", str(EXAMPLE_SET.parent)), False),
    (("sets",), False),
    (("score", str(EXAMPLE_FACTS)), True),
    (("template", "national-framework", "--format", "markdown"), True),
], ids=lambda value: value[0] if isinstance(value, tuple) else None)
def test_a_console_without_chinese_offers_output_only_to_a_command_that_has_it(args, offered):
    """explain, test and sets on a cp1252 console were told "or give --output FILE", and following it was click's
    "No such option '--output'" (QA224 5). They are told to set PYTHONIOENCODING=utf-8 and redirect to a file; a
    command with --output still offers it."""
    done = _help("cp1252", *args)
    line = done.stderr.decode("cp1252")
    assert 1 == done.returncode and line.startswith("error: cannot print the output: standard output takes cp1252"), line
    fix = "set PYTHONIOENCODING=utf-8, or give --output FILE" if offered else \
        "set PYTHONIOENCODING=utf-8 and redirect it to a file: > FILE"
    assert line.rstrip().endswith(f"({fix})"), line


@pytest.mark.parametrize("offered", [False, True])
def test_a_closed_standard_output_offers_output_only_to_a_command_that_has_it(offered, monkeypatch: pytest.MonkeyPatch):
    """A closed standard output (`>&-`) is told to redirect it to a file, and --output FILE only where it is an option;
    the hints are said in Chinese too."""
    import contextlib

    from scoring_engine._command_line import offering_output
    from scoring_engine._output import say
    from scoring_engine.errors import ScoringEngineError

    monkeypatch.setattr(sys, "stdout", None)
    with offering_output() if offered else contextlib.nullcontext(), pytest.raises(ScoringEngineError) as caught:
        say("评分\n")
    hint = "redirect it to a file, or give --output FILE" if offered else "redirect it to a file"
    assert [hint] == [problem.hint for problem in caught.value.problems]
    from scoring_engine._zh import translate

    assert "重定向到文件" == translate("redirect it to a file")
    assert "设置 PYTHONIOENCODING=utf-8 并重定向到文件：> FILE" == \
        translate("set PYTHONIOENCODING=utf-8 and redirect it to a file: > FILE")
