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
    ("sets", "national-framework"),
    ("sets", "cost-type-self-evaluation"),
], ids=lambda args: " ".join(Path(a).name for a in args))
def test_a_gbk_standard_output_gets_the_report_with_a_plain_minus_for_the_engines_own(args):
    """The engine's reasons, explain lines and two bundled sets hold the minus sign −, which GBK lacks: the whole output
    was refused (exit 1, nothing written). It is written, − as -, › as >, and nothing else changed."""
    done = _run(*args)
    assert 0 == done.returncode, done.stderr.decode("gbk", "replace")
    shown = done.stdout.decode("gbk")
    assert shown and "−" not in shown
    full = _run(*args, encoding="utf-8").stdout.decode("utf-8")
    assert full.replace("−", "-").replace("›", ">").replace("\r\n", "\n") == shown.replace("\r\n", "\n")
    if args[0] != "sets" and args[-1] != "json":
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
