"""QA309: a reviewer writing a new indicator set with authoring mistakes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLE_FACTS
from scoring_engine.cli import main

ENGLISH = {"LANG": "C.UTF-8", "SCORING_ENGINE_LANG": ""}


def test_a_text_or_markdown_report_given_as_facts_is_named_in_its_language_and_a_facts_txt_is_still_read(
        tmp_path: Path) -> None:
    """QA309 1: a report score -o wrote as report.txt or out.markdown, given back as facts, was told 'JSON syntax:
    Expecting value' in English, where .md/.csv/.html are named for what they are in their language; a Chinese facts
    file with a typo saved as .markdown or facts.bak spoke English too. Now each is named in Chinese, and a facts file
    saved from Notepad as facts.txt is still scored."""
    for output in ("report.txt", "out.markdown"):
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(EXAMPLE_FACTS), "-o", str(tmp_path / output)])
        assert 0 == run.exit_code, run.output
    for name, kind in (("report.txt", "这是文本报告（score -o 写出的表格）"), ("out.markdown", "这是 Markdown 报告")):
        for command in (["score"], ["batch", "-o", str(tmp_path / "s.csv"), "-q"]):
            run = CliRunner().invoke(main, [command[0], str(tmp_path / name), *command[1:]], env=ENGLISH)
            assert f"错误：{tmp_path / name}: {kind}，不是事实文件" in run.stderr, run.output
            assert "JSON" not in run.stderr, run.output
    text = EXAMPLE_FACTS.read_text(encoding="utf-8")
    facts = json.loads(text)
    (tmp_path / "facts.txt").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(tmp_path / "facts.txt"), "--set", str(EXAMPLE_FACTS.parent / "set.yaml")],
                             env=ENGLISH)
    assert 0 == run.exit_code, run.output
    broken = json.dumps(facts, ensure_ascii=False, indent=1).replace(",", "", 1)
    (tmp_path / "facts.bak").write_text(broken, encoding="utf-8")
    run = CliRunner().invoke(main, ["score", str(tmp_path / "facts.bak")], env=ENGLISH)
    assert run.stderr.startswith("错误：") and "JSON 语法错误" in run.stderr, run.output
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 40)
    run = CliRunner().invoke(main, ["score", str(tmp_path / "noise.bin")], env=ENGLISH)
    assert run.stderr.startswith("error: "), run.output
