"""Slips of a set or facts file typed from a policy document (QA164): each refused or named at its line with the fix
that works where it stands, in Chinese under the default language."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_SET
from scoring_engine.cli import main

SET = EXAMPLE_SET.read_text(encoding="utf-8")
GRADES = "  - {label: 优, min: 90}\n  - {label: 良, min: 80}\n  - {label: 中, min: 60}\n  - {label: 差, min: 0}\n"


def run(*args: str, lang: str = "zh") -> tuple[int, list[str]]:
    done = CliRunner().invoke(main, ["--lang", lang, *args], prog_name="scoring-engine")
    assert done.exception is None or isinstance(done.exception, SystemExit), repr(done.exception)
    return done.exit_code, done.stdout.splitlines() + done.stderr.splitlines()


def _set(folder: Path, old: str, new: str, name: str = "set.yaml") -> Path:
    """The example set with `old` replaced by `new`, saved in `folder`."""
    assert old in SET, old
    path = folder / name
    path.write_text(SET.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, words: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in line)


# ---------------------------------------------------------------- F1: grades and weight rules are points


@pytest.mark.parametrize(("old", "new", "said"), [
    ("{label: 优, min: 90}", "{label: 优, min: 90%}", "（等级的 min 是占总分的分数，不是比率：总分 100 时，90% 写成 90）"),
    ("{label: 良, min: 80}", "{label: 良, min: 80, max: 90%}", "（等级的 max 是占总分的分数，不是比率：总分 100 时，90% 写成 90）"),
])
def test_a_grade_bound_written_as_a_percentage_is_told_to_write_the_points(old: str, new: str, said: str,
                                                                          tmp_path: Path) -> None:
    """A grade's `min: 90%` was told 'write 90% as 0.9', and 0.9 graded a total of 30.44 优: a grade's bounds are points."""
    code, lines = run("validate", str(_set(tmp_path, old, new)))
    assert 1 == code and any(said in line for line in lines), lines
    assert not any("写成 0.9" in line for line in lines), lines


def test_a_grade_bound_in_percent_on_a_ten_point_set_is_told_the_points_of_that_total(tmp_path: Path) -> None:
    """QA166 F6: `min: 90%` on a set of total 10 was told '总分 100 时，90% 写成 90', and 90 was then refused as above the
    total. The hint gives the points of the set's own total (9), and the set written so validates; a profile, whose
    total its base gives, is told to write that share of the total in points."""
    ten = ("id: ten\nname: 十分制\nversion: '1'\ntotal: 10\ngrades:\n  - {label: 优, min: 90%}\n  - {label: 差, min: 0}\n"
           "facts:\n  a: {type: number, min: 0, max: 1}\n"
           "indicators:\n  - {id: x, name: X, weight: 10, rule: {kind: proportional, value: a}}\n")
    path = tmp_path / "set.yaml"
    path.write_text(ten, encoding="utf-8")
    code, lines = run("validate", str(path))
    assert 1 == code and len(lines) == 1 and lines[0].endswith("（等级的 min 是占总分的分数，不是比率：总分 10 时，90% 写成 9）"), lines
    path.write_text(ten.replace("min: 90%", "min: 9"), encoding="utf-8")
    assert 0 == run("validate", str(path))[0]
    profile = tmp_path / "p.yaml"
    profile.write_text("extends: set.yaml\ngrades:\n  - {label: 优, min: 90%}\n  - {label: 差, min: 0}\n", encoding="utf-8")
    lines = run("validate", str(profile))[1]
    assert any(line.endswith("（等级的 min 是占总分的分数，不是比率：按总分的 90% 折算成分数来写）") for line in lines), lines


def test_grades_written_as_shares_of_the_total_are_refused_each_with_its_points(tmp_path: Path) -> None:
    """Grades 优 0.9, 良 0.8, 中 0.6 on a total of 100 validated, and a project of 30.44 was graded 优."""
    path = _set(tmp_path, GRADES, GRADES.replace("90", "0.9").replace("80", "0.8").replace("60", "0.6"))
    code, lines = run("validate", str(path))
    line = _line_of(path, "label: 优")
    assert 1 == code and lines[0] == (f"错误：{path}:{line}:21: $.grades[0].min：等级 优：min 0.9 是 0.9 分（总分 100），"
                                      "不是比率（等级的 min 和 max 是分数，不是占总分的比例：写成 90）"), lines
    assert 3 == len(lines) and "写成 80" in lines[1] and "写成 60" in lines[2], lines


def test_one_grade_written_as_a_share_among_points_is_refused(tmp_path: Path) -> None:
    """优 at 0.9 with 良 at 80: grades are ordered by min, so 优 took every total from 0.9 to 60 without a word."""
    code, lines = run("validate", str(_set(tmp_path, "min: 90}", "min: 0.9}")), lang="en")
    assert 1 == code and len(lines) == 1 and lines[0].endswith(
        "grade 优: min 0.9 is 0.9 points of the total 100 (a grade's min and max are points, not shares of the total: "
        "write 90)"), lines


def test_a_grade_in_percent_and_one_written_as_a_share_are_both_said_in_one_run(tmp_path: Path) -> None:
    """QA178 F3: grades 优 min: 90% and 良 min: 0.8 were told only of the 90%; the 0.8 (a share, not points) showed
    only once that was fixed, in a set as in a profile's grades read through a profile of it. Both are said at once."""
    path = _set(tmp_path, GRADES, GRADES.replace("min: 90}", "min: 90%}").replace("min: 80}", "min: 0.8}"))
    code, lines = run("validate", str(path))
    first, second = _line_of(path, "label: 优"), _line_of(path, "label: 良")
    assert 1 == code and [f"{path}:{first}:21: $.grades[0].min", f"{path}:{second}:21: $.grades[1].min"] == [
        line.removeprefix("错误：").split("：")[0] for line in lines], lines
    assert lines[1].endswith("等级 良：min 0.8 是 0.8 分（总分 100），不是比率（等级的 min 和 max 是分数，不是占总分的比例：写成 80）")
    (tmp_path / "mid.yaml").write_text("extends: set.yaml\nid: mid\ngrades:\n  - {label: 优, min: 90%}\n"
                                       "  - {label: 良, min: 0.8}\n  - {label: 差, min: 0}\n", encoding="utf-8")
    (tmp_path / "leaf.yaml").write_text("extends: mid.yaml\nid: leaf\n", encoding="utf-8")
    for name in ("mid.yaml", "leaf.yaml"):
        code, lines = run("validate", str(tmp_path / name), lang="en")
        mid = tmp_path / "mid.yaml"
        assert 1 == code and 2 == len(lines), lines
        assert lines[0].startswith(f"error: {mid}:4:21: $.grades[0].min: ") and lines[1].startswith(
            f"error: {mid}:5:21: $.grades[1].min: "), lines
        assert "grade 良: min 0.8 is 0.8 points of the total 100" in lines[1], lines


def test_grades_in_points_of_a_small_total_are_not_taken_for_shares(tmp_path: Path) -> None:
    """A set whose total is 1 grades in points of 1: 0.9 is its 优, as written."""
    text = SET.replace(GRADES, GRADES.replace("90", "0.9").replace("80", "0.8").replace("60", "0.6"))
    path = tmp_path / "set.yaml"
    path.write_text(text.replace("\nindicators:", "\ntotal: 1\nindicators:", 1), encoding="utf-8")
    lines = run("validate", str(path))[1]
    assert not any("不是比率" in line for line in lines), lines


@pytest.mark.parametrize(("written", "said"), [
    ("{level: 1, min: 15%, source: 一级指标分值不低于15分}",
     "（分值规则的 min 是分数，不是比率：总分 100 时，15% 写成 15；按总分的比例写时，用 min_share: 0.15）"),
    ("{level: 1, min: 0.15, source: 一级指标分值不低于15分}",
     "分值规则 1（一级指标分值不低于15分）：min 0.15 是 0.15 分（总分 100），不是比率（分值规则的 min 和 max 是分数："
     "写成 min: 15；要写占总分的比例时，用 min_share: 0.15）"),
])
def test_a_weight_rules_bound_written_as_a_share_is_told_to_write_the_points(written: str, said: str,
                                                                              tmp_path: Path) -> None:
    """`{level: 1, min: 15%}` was told to write 0.15, and `min: 0.15` then validated a 一级 of 10 points: min is points."""
    path = _set(tmp_path, "\ngrades:\n", f"\nweight_rules:\n  - {written}\ngrades:\n")
    code, lines = run("validate", str(path))
    line = _line_of(path, "level: 1")
    assert 1 == code and any(f"{path}:{line}:" in x and said in x for x in lines), lines


def test_a_weight_rules_bound_of_whole_points_still_binds(tmp_path: Path) -> None:
    """`{level: 1, min: 1}` on a total of 100 is a point, not taken for a share."""
    path = _set(tmp_path, "\ngrades:\n", "\nweight_rules:\n  - {level: 1, min: 1}\n  - {level: 2, max: 30}\ngrades:\n")
    assert run("validate", str(path))[0] == 0


@pytest.mark.parametrize("written", ["{level: 2, min: 0.5, source: 每个二级指标分值不低于0.5分}", "{level: 2, min: 0.5}",
                                     "{level: 1, min: 0.1, source: 一级指标分值不低于0.1分}"])
def test_a_weight_rules_bound_under_a_point_that_binds_as_points_is_points(written: str, tmp_path: Path) -> None:
    """QA166 F3: `{level: 2, min: 0.5}` (每个三级指标分值不低于0.5分) on a total of 100 was refused as a share, told to write
    min: 50 or min_share: 0.5, both wrong. A bound under a point is taken for a share only when the weights it binds
    keep it as a share and as points are far above a min (or above a max), and its source does not write it in 分."""
    path = _set(tmp_path, "\ngrades:\n", f"\nweight_rules:\n  - {written}\ngrades:\n")
    code, lines = run("validate", str(path))
    assert 0 == code, lines


@pytest.mark.parametrize(("written", "fixes"), [
    ("{level: 1, max: 0.4}", ("max: 40", "max_share: 0.4")),
    ("{indicators: [output, benefit], min: 0.6}", ("min: 60", "min_share: 0.6")),
])
def test_a_weight_rules_share_written_for_points_is_refused_with_fixes_that_validate(written: str, fixes: tuple[str, str],
                                                                                       tmp_path: Path) -> None:
    """QA166 F3: the bounds a set keeps only as shares (一级 of 15 to 35 under a max of 0.4; 产出 + 效益 60 under a min of
    0.6) are refused with the points and the share to write, and the set written either way validates."""
    path = _set(tmp_path, "\ngrades:\n", f"\nweight_rules:\n  - {written}\ngrades:\n")
    code, lines = run("validate", str(path), lang="en")
    assert 1 == code and len(lines) == 1 and lines[0].endswith(
        f"(a weight rule's min and max are points: write {fixes[0]}, or {fixes[1]} for a share of the total)"), lines
    bound = written.rsplit(", ", maxsplit=1)[-1].rstrip("}")  # max: 0.4
    for fix in fixes:
        followed = _set(tmp_path, "\ngrades:\n", f"\nweight_rules:\n  - {written.replace(bound, fix)}\ngrades:\n",
                        name="followed.yaml")
        assert 0 == run("validate", str(followed))[0], followed.read_text(encoding="utf-8")


def test_a_weight_rules_share_written_for_points_is_said_with_the_sets_other_problems(tmp_path: Path) -> None:
    """QA166 F7: a weight rule's `min: 0.15` was said only once everything else was fixed (grades written as shares
    first); it is said in the same run, at its line, with the grades'."""
    path = _set(tmp_path, GRADES, "weight_rules:\n  - {level: 1, min: 0.15}\n" + "grades:\n" +
                GRADES.replace("90", "0.9").replace("80", "0.8").replace("60", "0.6"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("grades:\nweight_rules:", "weight_rules:", 1), encoding="utf-8")
    code, lines = run("validate", str(path), lang="en")
    assert 1 == code and len(lines) == 4, lines
    assert f"{path}:{_line_of(path, 'min: 0.15')}:" in lines[0] and "min 0.15 is 0.15 points of the total 100" in lines[0]
    assert all("is 0.9 points" in line or "is 0.8 points" in line or "is 0.6 points" in line for line in lines[1:]), lines


# ---------------------------------------------------------------- F3: compared values typed in Chinese quotation marks


@pytest.mark.parametrize(("old", "new", "said"), [
    ('version: "1.0"', "version: “2025”", "$.version：'“2025”' 两边的中文引号会被当作 version 的一部分（改用半角引号：\"2025\"）"),
    ('version: "1.0"', "version: ‘2025.1’", "$.version：'‘2025.1’' 两边的中文引号会被当作 version 的一部分（改用半角引号：\"2025.1\"）"),
    ("{label: 优, min: 90}", "{label: “优”, min: 90}", "$.grades[0].label：'“优”' 两边的中文引号会被当作 label 的一部分"),
    ("values: [按比例, 分档, 全额到位]", "values: [“按比例”, 分档, 全额到位]",
     "$.facts.budget.funding_method.values[0]：'“按比例”' 两边的中文引号会被当作值的一部分（改用半角引号：\"按比例\"）"),
])
def test_a_compared_value_in_chinese_quotation_marks_is_refused_at_its_line(old: str, new: str, said: str,
                                                                            tmp_path: Path) -> None:
    """`version: “2025”` kept its quotes, and `values: [“新建”, “续建”]` validated, then told a facts file of 新建 to write
    '“新建”': a version, a declared value or a grade's label wholly in Chinese quotes is refused, with the ASCII quotes."""
    path = _set(tmp_path, old, new)
    code, lines = run("validate", str(path))
    assert 1 == code and any(f"{path}:{_line_of(path, new)}:" in line and said in line for line in lines), lines


@pytest.mark.parametrize("declared", [
    "{type: string, values: [“按比例”, “分档”, “全额到位”], default: 按比例, label: 资金到位率计分方法}",
    "\n    type: string\n    values: [“按比例”, “分档”, “全额到位”]\n    default: 按比例\n    label: 资金到位率计分方法",
])
def test_a_fact_whose_values_are_in_chinese_quotes_is_not_offered_them_as_the_fix(declared: str, tmp_path: Path) -> None:
    """A facts file, a formula or the default giving 新建 was told 'did you mean '“新建”'?': the quotes were offered as
    the fix. The values alone are refused, each with its ASCII quotes."""
    path = _set(tmp_path, "{type: string, values: [按比例, 分档, 全额到位], default: 按比例, label: 资金到位率计分方法}", declared)
    check = "checks:\n  - {expr: \"budget.funding_method == '分档'\", message: m}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("checks:\n", check, 1), encoding="utf-8")
    code, lines = run("validate", str(path))
    assert 1 == code and 3 == len(lines) and all("两边的中文引号会被当作值的一部分" in line for line in lines), lines


@pytest.mark.parametrize("written", ['"“全额到位”"', "'“全额到位”'"])
def test_a_compared_value_in_ascii_quotes_holding_chinese_quotes_is_meant_as_written(written: str, tmp_path: Path) -> None:
    """QA166 F4: `values: [按比例, 分档, "“全额到位”"]` was told to use ASCII quotes, which it does: a value written in
    ASCII quotes is taken as written, Chinese quotes and all; a formula comparing the fact with it validates, and one
    comparing it with a value the fact does not declare is still told so."""
    path = _set(tmp_path, "values: [按比例, 分档, 全额到位]", f"values: [按比例, 分档, {written}]")
    check = "checks:\n  - {expr: \"budget.funding_method != '“全额到位”'\", message: m}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("checks:\n", check, 1), encoding="utf-8")
    code, lines = run("validate", str(path))
    assert 0 == code, lines
    path.write_text(path.read_text(encoding="utf-8").replace("!= '“全额到位”'", "!= '全额'", 1), encoding="utf-8")
    code, lines = run("validate", str(path), lang="en")
    assert 1 == code and len(lines) == 1 and "'全额'" in lines[0] and "“全额到位”" in lines[0], lines


def test_free_text_in_chinese_quotation_marks_is_kept_as_written(tmp_path: Path) -> None:
    """A name, a 评分标准 or a reason may quote (“三公”经费), or be quoted whole: it is text for readers, not compared."""
    text = SET.replace("name: 示例指标体系", "name: “示例指标体系”", 1).replace("standard: ①符合法律法规", "standard: “①符合法律法规", 1)
    assert text != SET
    path = tmp_path / "set.yaml"
    path.write_text(text.replace("reason: 不符合相关政策}", "reason: “不符合相关政策”}", 1), encoding="utf-8")
    assert 0 == run("validate", str(path))[0]


def test_a_set_whose_free_text_alone_starts_with_chinese_quotes_is_looked_over_once(tmp_path: Path) -> None:
    """QA166 F9: a 评分标准 starting with “三公” (common in real sets) made the check walk the whole set again building a
    path for every value (5 ms of a 78 ms load of 500 leaves). The quick look tells compared values from free text: only
    a set with a compared value in Chinese quotes (a grade's label, a tier's synonym, an id) is walked again to place it."""
    from scoring_engine import _yaml
    from scoring_engine._build.wrapped import _any_wrapped

    free = SET.replace("standard: ①符合法律法规", "standard: “三公”经费①符合法律法规”", 1)
    assert free != SET and not _any_wrapped(_yaml.load(free).data)
    for old, new in (("{label: 优, min: 90}", "{label: “优”, min: 90}"), ('version: "1.0"', "version: “2025”"),
                     ("values: [按比例, 分档, 全额到位]", "values: [按比例, “分档”, 全额到位]")):
        assert old in free and _any_wrapped(_yaml.load(free.replace(old, new, 1)).data), new
    tiers = {"tiers": [{"label": "达成", "synonyms": {"达成": ["“达成预期”"]}}], "name": "“名”"}
    assert _any_wrapped(tiers) and not _any_wrapped({"grades": {"优": {"x": "“优”"}}, "name": "“名”"})


# ---------------------------------------------------------------- F6: minus signs and signs pasted from Word


@pytest.mark.parametrize(("sign", "fix"), [("−", "-"), ("–", "-"), ("‐", "-"), ("≧", ">="), ("≦", "<=")])
def test_a_minus_or_a_sign_pasted_from_word_is_told_its_ascii_twin(sign: str, fix: str) -> None:
    """`−` (U+2212) and `–` (U+2013) in a formula ended with 'names and operators must be ASCII', no replacement,
    where `—` and `－` were told to type '-'."""
    from scoring_engine import FormulaError
    from scoring_engine.formulas import compile_formula

    with pytest.raises(FormulaError) as caught:
        compile_formula(f"budget.paid {sign} 1", {"budget.paid": "number"})
    assert f"type {fix!r} instead" == caught.value.problems[0].hint
    assert f"（改为 {fix!r}）" in caught.value.problems[0].text("zh")


# ---------------------------------------------------------------- F7: a JSON number typed with full-width characters


@pytest.mark.parametrize(("new", "column", "said"), [
    ('"arrived": １９', 72, "JSON 语法错误：数字 １９ 中的 '１'（U+FF11）是全角字符（改为半角，写成 19）"),
    ('"arrived": 1000．5', 76, "JSON 语法错误：数字 1000．5 中的 '．'（U+FF0E）是全角字符（改为半角，写成 1000.5）"),
    # QA166 F8: after a minus sign the reader stops on the minus, and said 'JSON 语法错误：这里应有一个值'
    ('"arrived": -１', 73, "JSON 语法错误：数字 -１ 中的 '１'（U+FF11）是全角字符（改为半角，写成 -1）"),
    ('"arrived": -．5', 73, "JSON 语法错误：数字 -．5 中的 '．'（U+FF0E）是全角字符（改为半角，写成 -0.5）"),
])
def test_a_json_number_typed_with_a_full_width_digit_or_point_names_it(new: str, column: int, said: str,
                                                                      tmp_path: Path) -> None:
    """`"work.done": １９` and `1000．5` in a JSON facts file were 'JSON 语法错误：这里应有一个值' and '缺少逗号' without
    naming the full-width character, which the YAML reader names."""
    from conftest import EXAMPLE_FACTS

    text = EXAMPLE_FACTS.read_text(encoding="utf-8")
    assert '"arrived": 200' in text
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    path = tmp_path / "facts.json"
    path.write_text(text.replace('"arrived": 200', new, 1), encoding="utf-8")
    assert run("score", str(path)) == (1, [f"错误：{path}:5:{column}: {said}"])


# ---------------------------------------------------------------- F8: two ids or values in one list item


PROFILE = 'extends: national-framework\nid: sx-project-2025\nname: 某省方案\nversion: "2025"\n'


@pytest.mark.parametrize(("remove", "said"), [
    ("remove:\n  - benefit.effects.ecological，benefit.effects.economic\n",
     "（每项只写一个 id，各占一行 '- '：- benefit.effects.ecological，另起一行写 - benefit.effects.economic）"),
    ("remove:\n  - benefit.effects.ecological,benefit.effects.economic\n",
     "（每项只写一个 id，各占一行 '- '：- benefit.effects.ecological，另起一行写 - benefit.effects.economic）"),
    ("remove: [benefit.effects.ecological，benefit.effects.economic]\n",
     "（每项只写一个 id：写成 benefit.effects.ecological, benefit.effects.economic）"),
])
def test_two_ids_in_one_list_item_are_told_the_fix_that_works_where_they_stand(remove: str, said: str,
                                                                              tmp_path: Path) -> None:
    """A block item `- a，b` was told to write `a,b`, which is still one item, one id that fails again: in '- ' lines
    each id takes a line of its own; in brackets a comma and a space part them."""
    path = tmp_path / "p.yaml"
    path.write_text(PROFILE + remove, encoding="utf-8")
    code, lines = run("validate", str(path))
    assert 1 == code and lines[0].startswith(f"错误：{path}:") and lines[0].endswith(said), lines


def test_two_declared_values_in_one_dash_line_are_told_a_line_each(tmp_path: Path) -> None:
    """`values:` in '- ' lines with `- 按比例，分档` was told to write [按比例, 分档], a list inside the list there."""
    declared = "\n    type: string\n    values:\n      - 按比例，分档\n      - 全额到位\n    default: 按比例\n    label: 资金到位率计分方法"
    path = _set(tmp_path, "{type: string, values: [按比例, 分档, 全额到位], default: 按比例, label: 资金到位率计分方法}", declared)
    code, lines = run("validate", str(path))
    assert 1 == code and lines[0].endswith("（每项只写一个值，各占一行 '- '：- 按比例，另起一行写 - 分档）"), lines


# ---------------------------------------------------------------- F9: keys in Chinese or misspelt, wherever they stand


@pytest.mark.parametrize(("old", "new", "said"), [
    ("budget.total:      {type: number, min: 0, unit: 万元, label: 预算资金}",
     "budget.total:      {type: number, min: 0, 单位: 万元, 名称: 预算资金}", ["未知的键 '单位'（是否想写 unit？）",
                                                                    "未知的键 '名称'（是否想写 label？）"]),
    ("budget.total:      {type: number,", "budget.total:      {type: 数字,", ["应为以下之一：number、integer、boolean、string、date、"
                                                                            "list、judgement、tier（是否想写 number？）"]),
    ("{label: 优, min: 90}", "{等级: 优, 最低分: 90}", ["未知的键 '等级'（是否想写 label？）", "未知的键 '最低分'（是否想写 min？）"]),
    ("rule: {kind: judgement, fact:", "rule: {类型: judgement, fact:", ["缺少键 'kind'（把 类型 改为 kind）"]),
    ("rule: {kind: judgement, fact:", "rule: {knid: judgement, fact:", ["缺少键 'kind'（把 knid 改为 kind）"]),
])
def test_a_key_in_chinese_or_misspelt_is_told_the_key_it_stands_for(old: str, new: str, said: list[str],
                                                                     tmp_path: Path) -> None:
    """名称 was told 'did you mean name?' on an indicator only: a fact's 名称 and 单位, a grade's 等级 and 最低分 listed the
    allowed keys, `type: 数字` got no 'number?', and `rule: {类型: …}` or `{knid: …}` only '缺少键 'kind''."""
    path = _set(tmp_path, old, new)
    code, lines = run("validate", str(path))
    assert 1 == code and all(any(words in line for line in lines) for words in said), lines
