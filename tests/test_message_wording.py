"""Messages a clerk reads: Chinese throughout, no Python reprs or type names, long texts cut, cells named (QA round 19)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main


def _run(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, list(args))
    assert run.exception is None or isinstance(run.exception, SystemExit), repr(run.exception)
    return run.exit_code, run.output


def _self_evaluation(tmp_path: Path, change) -> Path:
    document = json.loads((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_text(encoding="utf-8"))
    document["indicator_set"] = "self-evaluation"
    change(document["facts"])
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _small(tmp_path: Path, change) -> Path:
    shutil.copy(ROOT / "examples" / "small" / "set.yaml", tmp_path / "set.yaml")
    document = json.loads((ROOT / "examples" / "small" / "facts.json").read_text(encoding="utf-8"))
    change(document["facts"])
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_row_field_of_the_wrong_kind_is_named_in_words_not_as_a_python_type_or_repr(tmp_path: Path) -> None:
    """A row's name given as a mapping was shown as "第 1 行（{'人数': Decimal('0.9')}）", a weight given as a list as
    "实际是 list". The row is named by its number and the kind in Chinese words."""
    def name_mapping(facts: dict) -> None:
        facts["targets"]["benefit"][0]["name"] = {"人数": 0.9}

    def weight_list(facts: dict) -> None:
        facts["targets"]["benefit"][0]["weight"] = [15]

    code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, name_mapping)))
    assert code == 1 and "第 1 行：name 应为非空文字" in out and "Decimal" not in out and "{" not in out
    code, out = _run("--lang", "zh", "score", str(_self_evaluation(tmp_path, weight_list)))
    assert code == 1 and "weight 应为数字或非空文字，实际是 列表" in out
    code, out = _run("--lang", "en", "score", str(_self_evaluation(tmp_path, weight_list)))
    assert "got a list" in out


def test_a_judgement_or_findings_fact_of_the_wrong_kind_is_named_in_chinese_words(tmp_path: Path) -> None:
    """A judgement fact given as true said "应为对象 {score: …, reason: …}，实际是 bool"; findings given as a mapping
    "实际是 dict". The kinds are 是/否值 and 映射."""
    def judgement_bool(facts: dict) -> None:
        facts["decision"]["budget_judgement"] = True

    def findings_mapping(facts: dict) -> None:
        facts["findings"]["compliance"] = {"a": 1}

    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, judgement_bool)))
    assert code == 1 and "实际是是/否值" in out and "bool" not in out
    code, out = _run("--lang", "zh", "score", str(_small(tmp_path, findings_mapping)))
    assert code == 1 and "实际是映射" in out and "dict" not in out
