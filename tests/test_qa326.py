"""QA326: set-author commands on a provincial profile (`extends:`), `validate` and `test`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scoring_engine.cli import main

HEAD = 'extends: national-framework\nid: q\nname: 某省方案\nversion: "2025"\n'


def run(folder: Path, name: str, text: str | bytes | None, *command: str) -> tuple[int, str]:
    """`command` (validate by default) of file `name`, written in `folder` with `text` (None: as it is), run there."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [*(command or ("validate",)), name])
    return result.exit_code, result.output


def refused_in_both(folder: Path, text: str, en: str, zh: str) -> list[str]:
    """`validate` of p.yaml holding `text` in English and in Chinese: refused (exit 1), each output holding its line;
    the two outputs, English first."""
    outputs = []
    for lang, said in (("en", en), ("zh", zh)):
        code, output = run(folder, "p.yaml", text, "--lang", lang, "validate")
        assert 1 == code and said in output, output
        outputs.append(output)
    return outputs


def test_a_profiles_own_rule_scaled_by_a_rescale_is_told_so_with_the_weight_that_keeps_it_as_written(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F1: a profile's own checklist (1 + 1) under change:, without weight:, on an indicator its parent's rescale
    takes from 3 to 2, was read as written for 3 and scaled; validate said 'element points add up to 1.34, not the
    weight 2' with the generic fix (make them add up to the weight), which the file already did. Now the fix says the
    rescale scaled the rule from the base's weight, and that weight: 2 under change: keeps its points; following it
    passes. Likewise a bands rule written for 7, scaled to 8.17."""
    monkeypatch.chdir(tmp_path)
    rule = ("  decision.project.procedure:\n    rule:\n      kind: checklist\n      elements:\n"
            "        - {name: 申请, points: 1, met: decision.procedure.followed}\n"
            "        - {name: 审批, points: 1, met: decision.procedure.documents}\n")
    text = HEAD + "change:\n  decision:\n    weight: 10\n    rescale: true\n  output: {weight: 35, rescale: true}\n" + rule
    for output in refused_in_both(tmp_path, text,
                                  "the rescale (line 8) takes this rule as written for the base's weight 3 and scales it "
                                  "to the weight 2: if its points were written for 2, write weight: 2 under change: "
                                  "decision.project.procedure to keep them as written; else correct them for the weight 2",
                                  "第 8 行的按比例调整把这条规则视为按基础体系的分值 3 分写的，并随分值按比例调整到 2 分：如果规则"
                                  "中的分数本是按 2 分写的，在 change: decision.project.procedure 下写 weight: 2 即可保留原写的"
                                  "分数；否则请按 2 分改正这些分数"):
        assert "make the elements' points" not in output and "使要点分值合计" not in output, output
    code, output = run(tmp_path, "p.yaml", text.replace("    rule:\n", "    weight: 2\n    rule:\n"))
    assert 0 == code, output
    bands = HEAD + ("change:\n  decision: {weight: 10, rescale: true}\n  output:\n    weight: 35\n    rescale: true\n"
                    "  output.cost.saving:\n"
                    "    rule: {kind: bands, value: cost_saving_rate, bands: [{min: 0, points: 7}, {max: 0, points: 0}]}\n")
    code, output = run(tmp_path, "b.yaml", bands, "--lang", "en", "validate")
    assert 1 == code and "band worth 8.17 points" in output and "write weight: 7 under change: output.cost.saving" in output
    code, output = run(tmp_path, "b.yaml", bands.replace("    rule:", "    weight: 7\n    rule:"))
    assert 0 == code, output
    # QA328 F4: points wrong at either weight (10 of 6, scaled 11.67 of 7): the hint says to correct them if not written
    # for 7, and following weight: 7 leaves the plain range error
    wrong = bands.replace("points: 7}", "points: 10}")
    code, output = run(tmp_path, "w.yaml", wrong, "--lang", "en", "validate")
    assert 1 == code and "else correct them for the weight 7" in output, output
    code, output = run(tmp_path, "w.yaml", wrong.replace("    rule:", "    weight: 7\n    rule:"), "--lang", "en", "validate")
    assert 1 == code and "band worth 10 points" in output, output


def test_a_case_files_set_outside_its_folder_is_told_to_move_not_to_use_set_and_its_facts_file_in_the_same_run(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F2: a case file in cases/ with indicator_set: ../set.yaml was told a set elsewhere can be given with --set,
    which test has not (following it: no such option, exit 2); its facts_file: ../facts.json, outside too, was only said
    after that was fixed. Now both are said in one run, the set's fix being to move the case file beside the set; moved
    there, the case passes."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases").mkdir()
    (tmp_path / "set.yaml").write_text(
        'id: s\nname: 体系\nversion: "1"\ntotal: 10\nfacts:\n  a: {type: number, label: 甲}\n'
        "grades:\n  - {label: 合格, min: 6}\n  - {label: 不合格, min: 0}\n"
        'indicators:\n  - {id: x, name: 指标, weight: 10, rule: {kind: formula, score: "a"}}\n', encoding="utf-8")
    (tmp_path / "facts.json").write_text('{"facts": {"a": 5}}', encoding="utf-8")
    cases = "indicator_set: ../set.yaml\nfacts_file: ../facts.json\ncases:\n  - {name: 一, expect: {total: 5}}\n"
    for lang, fix in (("en", "move the case file into the set's folder or the set into the case file's, or name a "
                             "bundled set id"),
                      ("zh", "把测试用例文件移到指标体系所在的文件夹，或把指标体系移到测试用例文件所在的文件夹")):
        code, output = run(tmp_path, "cases/s.cases.yaml", cases, "--lang", lang, "test")
        assert 1 == code and fix in output and "--set" not in output, output
        assert "cases/s.cases.yaml:1:16: indicator_set '../set.yaml'" in output, output
        assert "cases/s.cases.yaml:2:13: facts_file '../facts.json'" in output, output
    code, output = run(tmp_path, "s.cases.yaml", cases.replace("../", ""), "test")
    assert 0 == code and "1 passed" in output, output


def test_a_profiles_rule_for_a_base_indicator_with_children_is_given_the_fixes_a_profile_can_make(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F3: change: output.quantity: {rule: …} on a base indicator with children was told 'move the rule to a
    child, or remove the children'; removing its only child then left output.quantity empty, another error. Now the
    fix is the profile's: write the rule under change: for a child, or remove: [output.quantity] and add: an indicator
    in its place; each, followed, passes."""
    monkeypatch.chdir(tmp_path)
    rule = "{kind: proportional, value: completion_rate}"
    for output in refused_in_both(tmp_path, HEAD + f"change:\n  output.quantity:\n    rule: {rule}\n",
                                  "a profile cannot take away the base's children of output.quantity: write the rule "
                                  "under change: for one of them, or remove: [output.quantity] and add: an indicator "
                                  "scored by the rule in its place",
                                  "方案不能删去基础体系中 output.quantity 的下级指标：请在 change: 下把规则写给其中一个下级"
                                  "指标，或在 remove: 中删去 output.quantity，再用 add: 加一个按该规则评分的指标代替它"):
        assert "p.yaml:7:5:" in output, output
        assert "remove the children" not in output and "删去下级指标）" not in output, output
    code, output = run(tmp_path, "a.yaml", HEAD + f"change:\n  output.quantity.completion:\n    rule: {rule}\n")
    assert 0 == code, output
    code, output = run(tmp_path, "b.yaml", HEAD + "remove: [output.quantity]\nadd:\n  - {under: output, id: output.quantity, "
                                                  f"name: 产出数量, weight: 10, rule: {rule}}}\n")
    assert 0 == code, output


def test_a_base_file_that_cannot_be_read_is_said_at_its_own_place_not_at_the_profiles_extends(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F4: a profile's base saved as GBK was said at 'base.yaml:1:10: $.extends', the column and path of the
    profile's extends: line beside the base's name; a full-width colon in the base, at the base's line and column with
    the profile's $.extends. Now each is said at the base's own place alone; a base that is not there is still said at
    the profile's extends:, and the --encoding gb18030 fix works."""
    monkeypatch.chdir(tmp_path)
    base = ('# 基础体系\nid: b\nname: 基础\nversion: "1"\ntotal: 10\nfacts:\n  a: {type: number, label: 甲}\n'
            "grades:\n  - {label: 合格, min: 6}\n  - {label: 不合格, min: 0}\n"
            'indicators:\n  - {id: x, name: 指标, weight: 10, rule: {kind: formula, score: "a"}}\n')
    (tmp_path / "base.yaml").write_bytes(base.encode("gb18030"))
    code, output = run(tmp_path, "p.yaml", 'extends: base.yaml\nid: p\nname: 方案\nversion: "1"\n', "--lang", "en",
                       "validate")
    assert 1 == code and output.startswith("error: base.yaml:1: the file is GBK/GB18030 text"), output
    assert "$.extends" not in output and ":1:10" not in output, output
    code, output = run(tmp_path, "p.yaml", None, "--lang", "zh", "validate", "--encoding", "gb18030")
    assert 0 == code, output
    (tmp_path / "base.yaml").write_text(base.replace("total: 10", "total：10"), encoding="utf-8")
    code, output = run(tmp_path, "p.yaml", None, "--lang", "en", "validate")
    assert 1 == code and "error: base.yaml:5:6: full-width colon" in output and "$.extends" not in output, output
    code, output = run(tmp_path, "q.yaml", 'extends: nothere.yaml\nid: p\nname: 方案\nversion: "1"\n', "--lang", "en",
                       "validate")
    assert 1 == code and "q.yaml:1:10: $.extends: no indicator set 'nothere.yaml'" in output, output


def test_a_case_that_fails_to_score_says_each_problem_on_a_line_of_its_own(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F5: a case whose own facts lacked many facts printed one FAIL line holding every problem joined by '；'
    (43 problems, 9,135 characters). Now the FAIL line ends at 'scoring failed:' and each problem follows on a line of
    its own, in English and in Chinese; a case expecting another error lists what it got likewise."""
    monkeypatch.chdir(tmp_path)
    facts = "".join(f"  f{i}: {{type: number, label: 事实{i}}}\n" for i in range(5))
    (tmp_path / "s.yaml").write_text(
        f'id: s\nname: 体系\nversion: "1"\ntotal: 10\nfacts:\n{facts}'
        "grades:\n  - {label: 合格, min: 6}\n  - {label: 不合格, min: 0}\n"
        'indicators:\n  - {id: x, name: 指标, weight: 10, rule: {kind: formula, score: "min(10, f0+f1+f2+f3+f4)"}}\n',
        encoding="utf-8")
    cases = ("indicator_set: s.yaml\ncases:\n  - {name: 缺事实, facts: {f0: 1}, expect: {total: 5}}\n"
             "  - {name: 预期别的错误, facts: {f0: 1}, expect: {error: 不会出现}}\n")
    for lang, lead, other, missing in (
            ("en", "FAIL s.cases.yaml::缺事实: scoring failed:", "FAIL s.cases.yaml::预期别的错误: expected an error "
             "containing '不会出现', got:", "required fact 事实{i} (f{i}) is missing"),
            ("zh", "未通过 s.cases.yaml::缺事实：评分失败：", "未通过 s.cases.yaml::预期别的错误：", "缺少必填的事实 事实{i}（f{i}）")):
        code, output = run(tmp_path, "s.cases.yaml", cases, "--lang", lang, "test")
        lines = output.splitlines()
        assert 1 == code and lead in lines and any(line.startswith(other) for line in lines), output
        for block in (lines.index(lead), next(n for n, line in enumerate(lines) if line.startswith(other))):
            below = lines[block + 1:block + 5]
            assert all(missing.format(i=i) in line for i, line in zip(range(1, 5), below, strict=True)), output
            assert all(line.startswith("  s.cases.yaml:3: ") or line.startswith("  s.cases.yaml:4: ") for line in below)


def test_a_field_not_indented_under_change_is_said_once_without_a_fix_about_its_type(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F6: `rescale: true` written at the level of the ids under change: was rightly said to be no indicator, a
    field to indent under the indicator's id; a second line said 'rescale must be a mapping, got true (… put text in
    quotes)', whose fix ('rescale: "true"') changes nothing. Now only the first is said (and likewise for `weight: 25`);
    indented as it says, the profile passes. QA328 F5: a misspelt id holding a number (`outptu: 5`) keeps its second
    line, so that both its fixes are said in one run."""
    monkeypatch.chdir(tmp_path)
    text = HEAD + "change:\n  decision:\n    weight: 10\n  rescale: true\n  output:\n    weight: 35\n    rescale: true\n"
    outputs = refused_in_both(tmp_path, text, "p.yaml:8:3: $.change.rescale: no indicator rescale in the base set "
                                              "(rescale is a field of an indicator: indent it under the id",
                              "p.yaml:8:3: $.change.rescale：基础指标体系中没有指标 rescale")
    for output, gone in zip(outputs, ("must be a mapping", "应为一组"), strict=True):
        assert gone not in output and 1 == len(output.splitlines()), output
    code, output = run(tmp_path, "w.yaml", HEAD + "change:\n  weight: 25\n  outptu: 5\n", "--lang", "en", "validate")
    assert 1 == code and 3 == len(output.splitlines()) and "weight must be a mapping" not in output, output
    assert "did you mean output?" in output and "outptu must be a mapping" in output, output
    code, output = run(tmp_path, "p.yaml", text.replace("\n  rescale: true", "\n    rescale: true"))
    assert 0 == code, output


def test_no_case_files_is_told_in_chinese_without_an_english_placeholder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F7: `--lang zh test` of a folder without case files said '…写在它旁边的 NAME.cases.yaml 文件中', an English
    placeholder in Chinese, where the other message on case files says 名称.cases.yaml. Now it says 名称.cases.yaml."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    code, output = run(tmp_path, "empty", None, "--lang", "zh", "test")
    assert 1 == code and "名称.cases.yaml" in output and "NAME" not in output, output
    code, output = run(tmp_path, "empty", None, "--lang", "en", "test")
    assert 1 == code and "a file NAME.cases.yaml beside it" in output, output


def test_a_sum_an_added_weight_breaks_is_said_at_the_add_entry_not_at_the_remove_beside_it(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA326 F8: a profile removing benefit.effects.ecological (4) and adding benefit.effects.jobs with weight 5 instead
    of 4 was told the children of benefit.effects add up to 21 at the remove: line; without the remove: the same error
    was at the add: entry, where the cause is. Now it is at the add: entry either way; a remove: alone still has it at
    its line, and weight 4, as it says, passes."""
    monkeypatch.chdir(tmp_path)
    add = ("add:\n  - under: benefit.effects\n    id: benefit.effects.jobs\n    name: 带动就业\n    weight: 5\n"
           "    rule: {kind: proportional, value: jobs_rate}\n"
           "facts:\n  jobs_rate: {type: number, min: 0, label: 带动就业完成率}\n")
    text = HEAD + "remove: [benefit.effects.ecological]\n" + add
    refused_in_both(tmp_path, text, "p.yaml:7:5: indicator benefit.effects: weights of the children of benefit.effects "
                                    "add up to 21 (6 + 4 + 6 + 5), not 20",
                    "p.yaml:7:5: 指标 benefit.effects：benefit.effects 的下级指标分值合计为 21")
    code, output = run(tmp_path, "r.yaml", HEAD + "remove: [benefit.effects.ecological]\n", "--lang", "en", "validate")
    assert 1 == code and "r.yaml:5:10: indicator benefit.effects: weights of the children" in output, output
    code, output = run(tmp_path, "p.yaml", text.replace("weight: 5", "weight: 4"))
    assert 0 == code, output
