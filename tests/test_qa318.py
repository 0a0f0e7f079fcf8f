"""QA318: hand-written indicator sets and profiles (`extends:`), mutation fuzzing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scoring_engine.cli import main

HEAD = 'extends: national-framework\nid: q\nname: 某省方案\nversion: "2025"\n'


def run(folder: Path, name: str, text: str | bytes, *command: str) -> tuple[int, str]:
    """`command` (validate by default) of file `name`, written in `folder` with `text`, run from `folder`."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [*(command or ("validate",)), name])
    return result.exit_code, result.output


def test_a_profile_rescaling_points_or_a_total_far_out_of_range_is_the_range_error_at_its_line(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F1: a profile whose rescale scales a bands rule's points of 1.0e+30 (or 10**27 written as a whole number),
    or scales the top level to a total of 1.0e+30, was an internal error (InvalidOperation, exit 3) from every command.
    Now each is the range error the same number gets where nothing scales it, at the line that writes it, exit 1."""
    monkeypatch.chdir(tmp_path)
    bands = HEAD + ("change:\n  process: {weight: 30, rescale: true}\n  process.funds.execution:\n"
                    "    rule: {kind: bands, value: execution_rate, bands: [{min: 0, points: POINTS}]}\n")
    for points in ("1.0e+30", "1000000000000000000000000000"):
        for command in ("validate", "resolve", "lint"):
            code, output = run(tmp_path, "p.yaml", bands.replace("POINTS", points), command)
            assert 1 == code, output
            assert "p.yaml:8:" in output and f"{points} is out of range (MAX_YAML_NUMBER" in output, output
            assert "internal error" not in output, output
    code, output = run(tmp_path, "t.yaml", HEAD + "total: 1.0e+30\nchange:\n  process: {rescale: siblings}\n")
    assert 1 == code, output
    assert "t.yaml:5:8: 1.0e+30 is out of range (MAX_YAML_NUMBER" in output, output
    huge = HEAD + ("change:\n  process: {weight: 900000000000000, rescale: true}\n  process.funds.execution:\n"
                   "    rule: {kind: bands, value: execution_rate, bands: [{min: 0, points: 900000000000000}]}\n")
    code, output = run(tmp_path, "h.yaml", huge)  # each in range, scaled past it
    assert 1 == code and "internal error" not in output, output


def test_a_profiles_rule_kind_written_as_a_list_or_a_mapping_is_said_as_in_a_plain_set(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F2: `kind: [bands]` or `kind: {a: 1}` in a rule a profile's change: or add: writes (or nested in a switch)
    was an internal error (TypeError: unhashable type, exit 3) from every command. Now it is the line a set without
    extends: gets, at the kind, exit 1."""
    monkeypatch.chdir(tmp_path)
    head = HEAD.replace("national-framework", "self-evaluation")
    for rule, said in (("{kind: [bands], value: execution_rate}", "kind is a list; it must be one of"),
                       ("{kind: {a: 1}}", "kind is a mapping; it must be one of"),
                       ("{kind: switch, on: x, rules: {a: {kind: []}}}", "kind is a list; it must be one of")):
        for command in ("validate", "template"):
            code, output = run(tmp_path, "p.yaml", head + f"change:\n  budget:\n    rule: {rule}\n", command)
            assert 1 == code, output
            assert "p.yaml:7:" in output and said in output, output
    code, output = run(tmp_path, "a.yaml", head + "add:\n  - {id: z, name: z, weight: 1, rule: {kind: []}}\n")
    assert 1 == code and "a.yaml:6:" in output and "kind is a list; it must be one of" in output, output
