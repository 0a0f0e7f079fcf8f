"""QA318: hand-written indicator sets and profiles (`extends:`), mutation fuzzing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scoring_engine.cli import main

SELF_EVALUATION = Path(__file__).resolve().parent.parent / "indicator_sets" / "self-evaluation.yaml"


def _line_of(text: str) -> int:
    """The line of the bundled self-evaluation set that is `text`, as the messages name it."""
    return SELF_EVALUATION.read_text(encoding="utf-8").splitlines().index(text) + 1


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


def _many_facts(folder: Path, count: int) -> None:
    """A set declaring `count` facts besides the one its rule reads, facts giving only that one, and two cases of them."""
    declared = "".join(f"  huge.f{i}: {{type: number, label: 事实{i}}}\n" for i in range(count))
    (folder / "many.yaml").write_text(
        f'id: many\nname: 大量事实\nversion: "1"\ntotal: 10\nfacts:\n  a: {{type: number, label: 甲}}\n{declared}'
        "grades:\n  - {label: 合格, min: 6}\n  - {label: 不合格, min: 0}\n"
        'indicators:\n  - {id: x, name: 指标, weight: 10, rule: {kind: formula, score: "a"}}\n', encoding="utf-8")
    (folder / "many.json").write_text('{"indicator_set": "many.yaml", "facts": {"a": 5}}', encoding="utf-8")
    (folder / "many.cases.yaml").write_text("indicator_set: many.yaml\nfacts_file: many.json\ncases:\n"
                                            "  - {name: 一, expect: {total: 5}}\n  - {name: 二, expect: {total: 5}}\n",
                                            encoding="utf-8")


def test_thousands_of_missing_facts_are_said_in_a_hundred_lines_and_validate_lists_a_hundred_unread(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F6: a set declaring thousands of facts that a facts file leaves out printed a line for each missing fact
    from score and explain (6,000 lines), test joined them all into each case's line (2.6 MB a case, minutes a run),
    and validate printed a warning for each declared fact nothing reads. Now the first 100 missing facts are named (a
    first cap of 20 cut a blank form's cells short: QA322 F1), then 'N more required facts are missing'; validate lists
    the first 100 unread facts, then 'N more warnings not shown', as lint does."""
    monkeypatch.chdir(tmp_path)
    _many_facts(tmp_path, 300)
    for command in (["score", "many.json"], ["explain", "many.json", "-i", "x"]):
        result = CliRunner().invoke(main, command)
        assert 1 == result.exit_code, result.output
        lines = result.output.splitlines()
        assert 101 == len(lines), result.output
        assert "required fact 事实99 (huge.f99) is missing" in lines[99], result.output
        assert lines[100] == ("error: many.json: $.facts: 200 more required facts are missing (add them to the facts file: "
                              "scoring-engine template SET --format json writes every fact the set declares)")
    result = CliRunner().invoke(main, ["test", "many.cases.yaml"])
    assert 1 == result.exit_code and "huge.f100)" not in result.output, result.output
    assert 2 == result.output.count("200 more required facts are missing"), result.output
    result = CliRunner().invoke(main, ["validate", "many.yaml"])
    lines = result.output.splitlines()
    assert 0 == result.exit_code and 102 == len(lines), result.output
    assert "huge.f99)" in lines[-2] and lines[-1] == "warning: many.yaml: 200 more warnings not shown", result.output
    result = CliRunner().invoke(main, ["--lang", "zh", "score", "many.json"])
    assert result.output.splitlines()[-1].startswith("错误：many.json: $.facts：还缺少 200 个必填的事实（在事实文件中补上它们"), \
        result.output


def test_past_the_cap_the_missing_facts_an_indicator_reads_are_named_first(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA322 F2: the facts named before the cap were the first declared, so the one fact a rule reads, declared after
    hundreds that nothing reads, was never named, not even by explain of the indicator reading it. Past the cap, the
    facts an indicator reads are among those named (in the order declared), before those nothing reads."""
    monkeypatch.chdir(tmp_path)
    _many_facts(tmp_path, 300)
    written = (tmp_path / "many.yaml").read_text(encoding="utf-8")
    a = "  a: {type: number, label: 甲}\n"  # declared last, after the 300 that nothing reads
    (tmp_path / "many.yaml").write_text(written.replace(a, "").replace("grades:", a + "grades:"), encoding="utf-8")
    (tmp_path / "many.json").write_text('{"indicator_set": "many.yaml", "facts": {}}', encoding="utf-8")
    for command in (["score", "many.json"], ["explain", "many.json", "-i", "x"]):
        result = CliRunner().invoke(main, command)
        assert "required fact 甲 (a) is missing (read by x)" in result.output, result.output
        assert "201 more required facts are missing" in result.output


def test_a_message_is_searched_for_a_facts_name_without_a_pattern_made_for_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F6: each problem of a missing fact compiled a regular expression of its name to see whether its message
    names it (30,000 patterns for 6,000 facts in one case of `test`: most of its 145 s). A name is now found without
    one, whole words alone as before."""
    from scoring_engine import errors

    monkeypatch.setattr(errors, "re", None)  # any pattern made would fail here
    assert errors.mentions("required fact 甲 (huge.f7) is missing", "huge.f7")
    assert not errors.mentions("required fact 甲 (huge.f70) is missing", "huge.f7")
    assert not errors.mentions("huge.f7.x", "huge.f7") and not errors.mentions("a_huge.f7", "huge.f7")
    assert errors.mentions("事实huge.f7：", "huge.f7") is False and errors.mentions("（huge.f7）", "huge.f7")


def test_a_file_saved_as_utf16_without_its_mark_is_named_utf16_in_the_language_of_its_text(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F7: a profile saved as UTF-16 without a byte-order mark was called GBK, with --encoding gb18030 as the fix
    (which then refused its NULs), or, a Chinese set so saved, 'not UTF-8 text (byte 143)' in English; ASCII alone so
    saved was read as UTF-8 and refused for U+0000. Each is now the line the file with its mark gets, at byte 0, in
    Chinese for a Chinese file, whatever --encoding says, little- or big-endian."""
    monkeypatch.chdir(tmp_path)
    said = "p.yaml:1: not UTF-8 text (byte 0): the file is UTF-16, as Notepad saves 'Unicode' (save it as UTF-8"
    chinese = "错误：p.yaml:1: 不是 UTF-8 文本（第 0 字节）：文件是 UTF-16 编码（记事本的“Unicode”）（请另存为 UTF-8"
    for codec in ("utf-16-le", "utf-16-be"):
        for text in (HEAD, 'id: q\nname: x\nversion: "1"\n'):
            for options in ((), ("--encoding", "gb18030")):
                code, output = run(tmp_path, "p.yaml", text.encode(codec), "validate", *options)
                assert 1 == code and said in output and "GBK" not in output, output
        code, output = run(tmp_path, "p.yaml", HEAD.encode(codec), "--lang", "zh", "validate")
        assert output.startswith(chinese), output
    own = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "SCORING_ENGINE_LANG": None}  # the file's language
    (tmp_path / "p.yaml").write_bytes(("# 某省方案\n" + HEAD * 40).encode("utf-16-le"))
    result = CliRunner().invoke(main, ["validate", "p.yaml"], env=own)
    assert result.output.startswith(chinese), result.output


def test_extends_naming_a_case_file_a_facts_file_or_a_result_is_said_at_the_profiles_extends(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F8: a profile whose extends: named a test cases file or a facts file was told in that file (cases.yaml:7:1),
    to run it with scoring-engine test or score; the line at fault, the profile's extends:, went unnamed. Now it is
    said there, with the fix to extend a set's file or a bundled id, as `extends:` of a folder or a text is."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.yaml").write_text("indicator_set: self-evaluation\nfacts_file: facts.json\ncases:\n"
                                         "  - {name: 一, expect: {total: 5}}\n", encoding="utf-8")
    (tmp_path / "facts.json").write_text('{"indicator_set": "self-evaluation", "facts": {"a": 1}}', encoding="utf-8")
    (tmp_path / "result.json").write_text('{"engine": "1", "total": 5, "indicators": []}', encoding="utf-8")
    for base, what in (("cases.yaml", "a test cases file (it has cases:)"), ("facts.json", "a facts file (it has facts:)"),
                       ("result.json", "a result written by scoring-engine score")):
        code, output = run(tmp_path, "p.yaml", HEAD.replace("national-framework", base))
        assert 1 == code and 1 == len(output.splitlines()), output
        assert output.startswith(f"error: p.yaml:1:10: $.extends: extends '{base}', which is not an indicator set: it is "
                                 f"{what}"), output
        assert output.endswith("(extend a bundled set id or a set's file)\n"), output
    code, output = run(tmp_path, "p.yaml", HEAD.replace("national-framework", "cases.yaml"), "--lang", "zh", "validate")
    assert output.startswith("错误：p.yaml:1:10: $.extends：extends 的 'cases.yaml' 不是指标体系：它是测试用例文件（有 cases:）"), output


def test_a_profile_with_its_own_indicators_is_told_at_that_line_to_write_its_own_form(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F4: a profile of self-evaluation writing its own indicators: was told of the base's form: at the bundled
    file's lines (its funds block with no fix at all), a file the author cannot edit. As for a form naming what a
    remove: took away, each is now said at the profile's indicators: line, naming the base's line, with the fix: give
    the profile its own form:."""
    monkeypatch.chdir(tmp_path)
    text = HEAD.replace("national-framework", "self-evaluation") + \
        "indicators:\n  - {id: x, name: 唯一指标, weight: 100, rule: {kind: formula, rate: '1'}}\n"
    code, output = run(tmp_path, "p.yaml", text)
    lines = [line for line in output.splitlines() if "$.form." in line]
    assert 1 == code and 4 == len(lines), output
    assert all(line.startswith("error: p.yaml:5: $.form.") and line.endswith("names in its form: give the profile its own "
                                                                            "form: too)") for line in lines), output
    assert "funds block shows indicator budget" in lines[0] and f"self-evaluation.yaml line {_line_of('    indicator: budget')}" in lines[0], output


def test_a_profile_changing_the_total_is_told_at_its_total_line_to_write_its_grades_and_rescale(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F3: a profile saying only total: 50 of self-evaluation was told at the bundled file's lines that its grades
    start above the total and its top-level weights add up to 100, each with the fix to edit that file. Each is now said
    at the profile's total: line, naming the base's line, with the profile's fixes: its own grades:, and rescale:
    siblings (or weights) under change:; following them gives a valid profile."""
    monkeypatch.chdir(tmp_path)
    head = HEAD.replace("national-framework", "self-evaluation")
    code, output = run(tmp_path, "p.yaml", head + "total: 50\n")
    lines = output.splitlines()
    assert 1 == code and 4 == len(lines), output
    assert all(line.startswith("error: p.yaml:5: $.") for line in lines), output
    assert lines[0].endswith(f"line {_line_of('  - {label: 优秀, min: 90, aliases: [优]}')} starts a grade above it: give the profile its own grades:, their min in points of "
                             "its total)"), output
    assert lines[3].endswith(f"line {_line_of('indicators:')} no longer add up to: write rescale: siblings under change: for one of them, or set "
                             "their weights under change:)"), output
    followed = head + ("total: 50\nchange:\n  budget: {rescale: siblings}\ngrades:\n  - {label: 合格, min: 30}\n"
                       "  - {label: 不合格, min: 0}\nexplain_when: []\n")
    code, output = run(tmp_path, "p.yaml", followed)
    assert 0 == code, output



def test_a_county_profile_of_a_province_changing_the_total_is_told_at_the_provinces_total_line(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA322 F8: a county's profile of a province's profile saying total: 50 was still told at the bundled file's lines
    to edit its grades and weights (the fix of QA318 F3 held for one level only). The errors are said at the
    province's total: line, naming that profile; with the county's own grades, the weights' error alone remains there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "province.yaml").write_text(HEAD.replace("national-framework", "self-evaluation") + "total: 50\n",
                                            encoding="utf-8")
    county = 'extends: province.yaml\nid: c\nname: 某县方案\nversion: "1"\n'
    code, output = run(tmp_path, "county.yaml", county)
    lines = output.splitlines()
    assert 1 == code and 4 == len(lines), output
    assert all(line.startswith("error: province.yaml:5: $.") and "(the profile q sets total:" in line for line in lines), output
    own_grades = county + "grades:\n  - {label: 合格, min: 30}\n  - {label: 不合格, min: 0}\nexplain_when: []\n"
    code, output = run(tmp_path, "county.yaml", own_grades)
    assert 1 == code and [output.splitlines()[0][:40]] == ["error: province.yaml:5: $.indicators: weights"[:40]], output
    zh = CliRunner().invoke(main, ["--lang", "zh", "validate", "county.yaml"]).output
    assert "（方案 q 改了 total:，而 " in zh and "the profile" not in zh, zh

def test_rescale_siblings_on_a_row_group_rescales_its_siblings(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA318 F5: `change: output: {weight: 40, rescale: siblings}` on self-evaluation's 产出指标, a group scored by target
    rows, was refused with the fix to leave rescale out, which left the top level adding up to 90. Its siblings now
    take up the 10 points in proportion (budget 12, benefit 36, satisfaction 12), as they do when the rescale is on a
    leaf; rescale: true on it, with nothing below to follow, is still refused."""
    monkeypatch.chdir(tmp_path)
    head = HEAD.replace("national-framework", "self-evaluation")
    code, output = run(tmp_path, "p.yaml", head + "change:\n  output: {weight: 40, rescale: siblings}\n")
    assert 0 == code, output
    weights = {line.split()[0]: line.split()[2] for line in output.splitlines() if "  ← " in line}
    assert {"budget": "12", "output": "40", "benefit": "36", "satisfaction": "12"} == weights, output
    code, output = run(tmp_path, "p.yaml", head + "change:\n  output: {weight: 40, rescale: true}\n")
    assert 1 == code and "output has nothing below it to rescale" in output, output


def test_a_rescale_that_scales_a_profiles_own_points_out_of_range_is_said_without_a_file_named_none(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA322 F4: points of 9e14 that a profile writes, scaled by its rescale past 1e15, were refused with the hint "its
    rule (None line 6) was written for 15": the scaled number is in no file. The hint says the rescale scales them out of
    range and to set the weight."""
    monkeypatch.chdir(tmp_path)
    code, output = run(tmp_path, "p.yaml", 'extends: national-framework\nid: q\nname: 某省方案\nversion: "2025"\nchange:\n'
                       "  process: {weight: 30, rescale: true}\n  process.funds.execution:\n"
                       "    rule: {kind: bands, value: execution_rate, bands: [{min: 0, points: 9.0e+14}]}\n",
                       "--lang", "en", "validate")
    assert 1 == code and "None" not in output, output
    assert "(the weight of process.funds is rescaled from 15 to 18 here, which scales its points out of range: set its " \
           "weight yourself)" in output, output


def test_a_jsonl_file_saved_as_utf16_with_or_without_its_mark_is_said_to_be_utf16(tmp_path: Path) -> None:
    """QA322 F5: a JSONL file saved as UTF-16 without a byte-order mark was told 'not UTF-8 text (byte 0 of the line)'
    with the fix --encoding gb18030, which changes nothing; it is told what one with the mark is: UTF-16, save as UTF-8."""
    import json

    line = json.dumps({"indicator_set": "national-framework", "project": {"name": "测试"}, "facts": {}}, ensure_ascii=False)
    for name, data in (("marked.jsonl", ("\ufeff" + line + "\n").encode("utf-16-le")),
                       ("unmarked.jsonl", (line + "\n" + line + "\n").encode("utf-16-le")),
                       ("big-endian.jsonl", (line + "\n").encode("utf-16-be"))):
        (tmp_path / name).write_bytes(data)
        result = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(tmp_path / name), "-o", str(tmp_path / "b.csv")])
        assert 1 == result.exit_code, result.output
        assert f"{name}: this JSONL file is UTF-16 text (Notepad's 'Unicode'), not UTF-8" in result.output, result.output
