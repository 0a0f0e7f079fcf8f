"""Chinese messages: every line a user can cause reads as Chinese, and the command line chooses its language as documented.

The corpora of bad input the repository keeps (tests/bad_sets/, the hostile
sets, facts files and formulas, the facts and case files the other tests
refuse, the wrong command lines) are run through the command line with
``--lang zh``; a line that still holds an English sentence fails. Names, ids,
paths, formulas, quoted values, numbers and constants may stay as written:
`english_sentences` takes them out before it looks for two English words in a row.
"""

from __future__ import annotations

import json
import re
from collections import Counter
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from hostile.corpus import FACTS, FACTS_DIR, facts_cases, formula_cases, formula_set, set_cases
from scoring_engine import Problem, ScoringEngineError, load_indicator_set, score
from scoring_engine._zh import _cached, translate
from scoring_engine._zh_catalog import CATALOG
from scoring_engine.cli import main
from test_facts import BAD_FILES, SET, with_fact
from test_forms import HOSTILE

BAD_SETS = ROOT / "tests" / "bad_sets"

# What may stay as written in a Chinese line: quoted text, formulas, paths, ids and names, constants, code points, options.
_AS_WRITTEN = [r"`[^`]*`", r"'[^']*'", r'"[^"]*"', r"“[^”]*”", r"\$\.[^\s：，（）]*", r"(?:[\w.~-]*/)+[\w.-]*",
               r"[\w.-]+\.(?:ya?ml|json|jsonl|xlsx|csv|md|html|txt)\b", r"\bU\+[0-9A-F]+\b", r"\b[A-Z][A-Z0-9_]+\b",
               r"\b\w+(?:\.\w+)+\b", r"\b\w*_\w*\b", r"\[[A-Z]+\]", r"--?[\w-]+", r"scoring-engine(?: \w+)?"]
_SENTENCE = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,})+")


def english_sentences(line: str) -> list[str]:
    """The runs of two or more English words in `line`, once everything that may stay as written is taken out."""
    for kept in _AS_WRITTEN:
        line = re.sub(kept, " ", line)
    return _SENTENCE.findall(line)


def zh(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """Run the command line in Chinese: exit code and the lines it printed (standard output, then standard error)."""
    done = CliRunner().invoke(main, ["--lang", "zh", *args], env=env, prog_name="scoring-engine")
    assert done.exception is None or isinstance(done.exception, SystemExit), repr(done.exception)
    return done.exit_code, done.stdout.splitlines() + done.stderr.splitlines()


def _english_in(lines: list[str]) -> list[str]:
    return [line for line in lines if english_sentences(line)]


@pytest.fixture
def inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- the detector itself


@pytest.mark.parametrize(("line", "found"), [
    ("错误：set.yaml:3:10: $.version：version 应为文字，实际是数字 2024.10（加上引号：\"2024.10\"）", []),
    ("错误：set.yaml:8: 指标 process.execution：未知的名称 budget.piad（是否想写 budget.paid？）", []),
    ("错误：a.yaml:1: 公式中不允许使用 推导式：`[x for x in l]`", []),
    ("error: set.yaml:3: version must be text", ["version must be text"]),
    ("错误：set.yaml:3: 指标 x：weights of the children add up to 90", ["weights of the children add up to"]),
])
def test_the_detector_finds_english_sentences_only(line: str, found: list[str]) -> None:
    """The check below can fail: an English sentence is found, ids, paths, formulas and quoted values are not."""
    assert found == english_sentences(line)


# ---------------------------------------------------------------- the catalog


def test_every_template_fills_from_its_pattern() -> None:
    """Each Chinese template of the catalog uses only the placeholders of its English pattern, and formats."""
    wrong = []
    for english, chinese in CATALOG:
        named = {name for _, name, _, _ in string.Formatter().parse(english) if name}
        used = {name for _, name, _, _ in string.Formatter().parse(chinese) if name}
        if not used <= named:
            wrong.append(english)
    assert [] == wrong


def test_every_pattern_compiles_so_that_no_message_fails_to_translate() -> None:
    """A brace meant as text ({total: …}) reads as a placeholder of an unknown kind, and translating any message that
    reaches that pattern failed as an internal error: every pattern compiles."""
    from scoring_engine._zh import _KEY, _by_prefix, _entry

    broken = []
    filed = {index: key for key, indices in _by_prefix().items() for index in indices}
    assert sorted(filed) == list(range(len(CATALOG)))  # every pattern is filed once
    for index, key in filed.items():
        entry = _entry(index)
        try:
            _ = entry.pattern  # compiled on first use
        except (KeyError, ValueError, re.error):
            broken.append(entry.english)
        if key != entry.prefix[:_KEY]:  # the prefix read quickly for every pattern is the one its entry reads
            broken.append(f"{entry.english}: prefix {key!r}")
    assert [] == broken


_SAMPLES = {"": "budget.paid", "id": "budget.paid", "n": "12.5", "w": "the budget", "q": "'x'", "s": "a.b",
            "sheet": "自评表", "cell": "B7", "ids": "a.b, c.d", "v": "nan"}


def _first_match_trying_every_pattern(text: str) -> str:
    """translate as the catalog reads, pattern by pattern in order, without the index by prefix."""
    from scoring_engine._zh import _FILLER, _entry, _without_constants

    for index in range(len(CATALOG)):
        found = _entry(index).pattern.fullmatch(text)
        if found:
            return _without_constants(_FILLER.vformat(_entry(index).chinese, (), found.groupdict()))
    return text


def test_the_index_by_prefix_finds_the_pattern_trying_every_pattern_in_order_finds() -> None:
    """A message is tried only against the patterns its first characters could start (23 µs, not 180 µs, for a set's
    own warning in a batch of thousands): the Chinese it gets is the one the first matching pattern of the whole
    catalog gives, for a text made from every pattern, and texts no pattern starts."""
    texts = ["", "x", "实际支出超过到位资金（budget.paid <= budget.arrived）", "did you mean", "weights of the"]
    for english, _ in CATALOG:
        texts.append("".join(literal + (_SAMPLES[kind or ""] if name is not None else "")
                             for literal, name, kind, _ in string.Formatter().parse(english)))
    _cached.cache_clear()
    differing = [text for text in texts if translate(text) != _first_match_trying_every_pattern(text)]
    assert [] == differing
    assert translate("did you mean budget.paid?") == "是否想写 budget.paid？"


def test_every_message_template_of_lint_has_its_chinese() -> None:
    """QA84 F1: the no_bonus warning's template and its catalog entry differed by two words, and it was printed in
    English under --lang zh. Every upper-case text constant of scoring_engine.lint, filled, has its words translated."""
    import importlib
    import pkgutil

    from scoring_engine import lint

    untranslated = []
    for found in pkgutil.iter_modules(lint.__path__):
        module = importlib.import_module(f"scoring_engine.lint.{found.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and " " in value:
                parts = list(string.Formatter().parse(value))
                sample = "".join(literal + ("12" if field is not None else "") for literal, field, _, _ in parts)
                words = max((literal for literal, _, _, _ in parts), key=len).strip()
                if words in translate(sample):  # its longest words left as they are (a pattern may take only its colon)
                    untranslated.append(f"{found.name}.{name}")
    assert [] == untranslated


def test_no_pattern_is_given_twice() -> None:
    """The first pattern that matches is the one used: a second copy of a pattern is dead text, and one with other
    words misleads whoever edits it."""
    counted = Counter(english for english, _ in CATALOG)
    assert [] == [english for english, n in counted.items() if n > 1]


def test_a_forms_columns_listed_in_a_chinese_message_are_joined_with_the_chinese_list_comma() -> None:
    """A form row with values typed but no 三级指标 said "这一行填了年度指标值, 实际完成值" (an ASCII comma in Chinese
    text): its columns are listed with 、 now (`!l`)."""
    assert "三级指标未填写，但这一行填了年度指标值、实际完成值" == translate(
        "the 三级指标 is empty, but the row has 年度指标值, 实际完成值")


def test_a_text_no_pattern_matches_is_left_as_it_is() -> None:
    """Text the catalog does not know (a set's own Chinese message, a name) comes back unchanged."""
    assert "中央与地方资金之和不等于预算资金" == translate("中央与地方资金之和不等于预算资金")


@pytest.mark.parametrize(("english", "chinese"), [
    ("cannot write the report: No such file or directory", "无法写出文件：没有这个文件或文件夹"),
    ("cannot read: Permission denied", "无法读取：没有权限"),
    ("$.project.id: id must be text or a number, got a list", None),
])
def test_the_systems_reasons_with_or_in_them_are_translated_whole(english: str, chinese: str | None) -> None:
    """A reason such as "No such file or directory" reads as one Chinese phrase, not "No such file或directory"."""
    found = translate(english)
    if chinese is not None:
        assert chinese == found
    assert " or " not in found and "或directory" not in found


def test_english_text_of_a_problem_is_unchanged() -> None:
    """Problem.text("en") is str(problem), so tools and tests keep reading the English."""
    problem = Problem("missing key 'value'", file="a.yaml", line=3, column=5, indicator="x", hint="did you mean value?")
    assert str(problem) == problem.text("en")
    assert "a.yaml:3:5: 指标 x：缺少键 'value'（是否想写 value？）" == problem.text("zh")


# ---------------------------------------------------------------- the corpora, in Chinese


@pytest.mark.parametrize("name", sorted(p.name for p in BAD_SETS.glob("*.yaml")))
def test_bad_sets_speak_chinese(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate` of every broken set in tests/bad_sets/ prints Chinese lines only, one per problem."""
    monkeypatch.chdir(BAD_SETS)
    code, lines = zh("validate", name)
    assert 1 == code
    assert lines and all(line.startswith("错误：") for line in lines)
    assert [] == _english_in(lines)


@pytest.mark.parametrize("case", set_cases(), ids=lambda c: c.name)
def test_hostile_sets_speak_chinese(case, inside: Path) -> None:  # type: ignore[no-untyped-def]
    """`validate` of every hostile set (kept and generated) prints Chinese lines only."""
    path = case.path(inside)
    code, lines = zh("validate", path.name if path.parent == inside else str(path))
    assert 1 == code
    assert [] == _english_in(lines)


@pytest.mark.parametrize("case", facts_cases(), ids=lambda c: c.name)
def test_hostile_facts_speak_chinese(case, inside: Path) -> None:  # type: ignore[no-untyped-def]
    """`score` of every hostile facts file prints Chinese lines only."""
    path = case.path(inside)
    code, lines = zh("score", path.name if path.parent == inside else str(path), "--set", str(FACTS_DIR / "set.yaml"))
    assert 1 == code
    assert [] == _english_in(lines)


def test_hostile_formulas_speak_chinese(inside: Path) -> None:
    """Every hostile formula refused when its set loads, or when it scores, is refused in Chinese."""
    (inside / "facts.json").write_text(json.dumps({"facts": FACTS}), encoding="utf-8")
    found: dict[str, list[str]] = {}
    for case in formula_cases():
        if case.stage == "ok":
            continue
        (inside / "set.yaml").write_text(formula_set(case.formula), encoding="utf-8")
        command = ["validate", "set.yaml"] if case.stage == "load" else ["score", "facts.json", "--set", "set.yaml"]
        found[case.id] = _english_in(zh(*command)[1])
    assert {} == {case: lines for case, lines in found.items() if lines}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unreadable_facts_files_speak_chinese(name: str, inside: Path) -> None:
    """Every facts file tests/test_facts.py refuses is refused in Chinese."""
    (inside / name).write_bytes(BAD_FILES[name][0])
    code, lines = zh("score", name, "--set", str(EXAMPLE_SET))
    assert 1 == code
    assert [] == _english_in(lines)


BAD_VALUES = {
    "budget.paid": ["86%", "80", "1,200", "", "1200万元", True, -1, float("nan"), "1e400"],
    "quality.rate": [86, "86%", "0,86"],
    "output.done": [1.5, "3"],
    "project.level": ["省", "乡镇", False, ""],
    "project.on_time": ["是", 1],
    "dates.end": ["2020/11/30", "2020-13-01", 20201130],
    "decision.budget": [{"score": 8}, {"reason": "很好"}, {"score": 8, "reason": "很好", "tier": "达成"},
                        {"score": 8, "reason": "  "}, {"score": -1, "reason": "很好"}, {"score": "8", "reason": "很好"}, 8,
                        {"score": 30, "reason": "超出分值"}],
    "benefit.social": [{"tier": "达成年度指标", "score": 9}, {"score": 9, "reason": "好"}, "达成年度指标",
                       {"tier": "没有这档", "score": 9, "reason": "好"}, {"tier": "达成年度指标", "score": 1, "reason": "好"}],
    "findings": ["无", [""], [{"txt": "未附发票"}], [{"text": "未附发票", "points": -1}]],
    "budget.total": [..., 0],
}


def _facts_problems() -> Iterator[tuple[str, Problem]]:
    for name, values in BAD_VALUES.items():
        for value in values:
            try:
                score(SET, with_fact(name, value))
            except ScoringEngineError as err:
                yield from ((f"{name}={value!r}", problem) for problem in err.problems)


def test_refused_fact_values_speak_chinese() -> None:
    """Every value tests/test_facts.py shows refused (text for numbers, bad dates, judgements, tiers, findings…) is refused in Chinese."""
    found = [(what, problem.text("zh")) for what, problem in _facts_problems()]
    assert len(found) >= 30
    assert [] == [(what, line) for what, line in found if english_sentences(line)]


def test_undeclared_facts_warn_in_chinese() -> None:
    """A fact the set does not declare is a warning, and the warning is Chinese."""
    result = score(SET, {**with_fact("budget.paid", 80), "budget": {"total": 100, "paid": 80, "piad": 1}})
    assert result.warnings
    assert [] == [w.text("zh") for w in result.warnings if english_sentences(w.text("zh"))]


def test_many_undeclared_facts_are_counted_in_chinese(tmp_path: Path) -> None:
    """QA228 2: past the twenty named, the facts a set does not declare are counted in Chinese, hint and all, by the
    warning's text and by every Chinese output of the command line; they were counted in English."""
    facts = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    facts["facts"].update({f"zz{i}": 1 for i in range(30)})
    counted = "另有 10 个事实没有在体系中声明，已忽略（确认事实文件是为这个体系写的）"
    undeclared = [w for w in score(load_indicator_set(EXAMPLE_SET), facts["facts"]).warnings if w.kind == "undeclared_fact"]
    assert len(undeclared) == 21 and undeclared[-1].text("zh") == counted
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    for fmt in ("table", "csv", "markdown", "html", "json"):
        run = CliRunner().invoke(main, ["--lang", "zh", "score", str(path), "--set", str(EXAMPLE_SET), "--format", fmt])
        assert run.exit_code == 0 and counted in run.output and "more facts" not in run.output, (fmt, run.output)


CASE_FILES = {
    "unknown_key.cases.yaml": "  - name: 拼错\n    expekt: {total: 1}\n",
    "empty_expect.cases.yaml": "  - name: 空\n    expect: {}\n",
    "not_mapping.cases.yaml": "  - 只是文字\n",
    "no_name.cases.yaml": "  - expect: {total: 1}\n",
    "bad_total.cases.yaml": "  - name: 总分不是数\n    expect: {total: 很多}\n",
    "bad_overrides.cases.yaml": "  - name: 改动\n    overrides: [1, 2]\n    expect: {total: 1}\n",
    "bad_warnings.cases.yaml": "  - name: 提示\n    expect: {warnings: 有}\n",
    "failing.cases.yaml": "  - name: 总分\n    expect: {total: 80}\n  - name: 等级\n    expect: {grade: 优}\n"
                          "  - name: 未知等级\n    expect: {grade: 极好}\n  - name: 得分\n    expect: {scores: {process.execution: 9, nope: 1}}\n"
                          "  - name: 没有的提示\n    expect: {warnings: [没有这条]}\n  - name: 不应有提示\n    expect: {warnings: []}\n"
                          "  - name: 没有的需说明\n    expect: {flags: [没有这条]}\n"
                          "  - name: 应当报错\n    expect: {error: 不会出现}\n"
                          "  - name: 错误的报错\n    overrides: {budget.total: null}\n    expect: {error: 另一个错误}\n"
                          "  - name: 意外报错\n    overrides: {budget.total: '很多'}\n    expect: {total: 1}\n",
}


def test_case_files_speak_chinese(inside: Path) -> None:
    """`test` of case files with every kind of mistake, and of cases that fail every way, prints Chinese lines only."""
    shutil.copy(EXAMPLE_SET, inside / "set.yaml")
    shutil.copy(EXAMPLE_FACTS, inside / "facts.json")
    for name, cases in CASE_FILES.items():
        (inside / name).write_text(f"indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n{cases}", encoding="utf-8")
    (inside / "no_cases.cases.yaml").write_text("indicator_set: set.yaml\n", encoding="utf-8")
    code, lines = zh("test", ".")
    assert 1 == code
    assert len(lines) >= len(CASE_FILES) + 10
    assert [] == _english_in(lines)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_workbooks_speak_chinese(name: str, inside: Path) -> None:
    """A file that is no workbook the form reader can read is refused in Chinese."""
    (inside / "form.xlsx").write_bytes(HOSTILE[name][0])
    code, lines = zh("score", "form.xlsx", "--set", "self-evaluation")
    assert 1 == code
    assert [] == _english_in(lines)


USAGE = [
    ["score"], ["scor"], ["score", "{facts}", "--formt", "table"], ["score", "{facts}", "--format", "pdf"],
    ["score", "{facts}", "extra"], ["score", "{facts}", "--set"], ["score", "{facts}", "--format", "xlsx"],
    ["score", "{bare}"], ["score", "{facts}", "--layout", "selfeval"], ["explain", "{facts}"],
    ["batch", "{facts}", "--jobs", "0"], ["batch", "{facts}", "--threshold", "很多"], ["batch", "{facts}", "-o", "a.pdf"],
    ["batch", "{facts}", "--compare-with", "{facts}", "--compare-set", "national-framework"], ["sets", "--copy", "."],
    ["sets", "nope"], ["validate"], ["test", "nowhere"], ["template", "self-evaluation"], ["score", "{facts}", "--encoding", "big5"],
]


@pytest.mark.parametrize("args", USAGE, ids=" ".join)
def test_wrong_command_lines_speak_chinese(args: list[str], inside: Path) -> None:
    """Every wrong command line (click's own refusals and ours) is explained in Chinese: the usage line, the help hint and the error."""
    (inside / "bare.json").write_text('{"facts": {}}', encoding="utf-8")
    filled = [a.format(facts=EXAMPLE_FACTS, bare="bare.json") for a in args]
    code, lines = zh(*filled)
    assert code in (1, 2)
    assert any(line.startswith("错误：") for line in lines)
    assert [] == _english_in(lines)


def test_an_unknown_lang_is_refused_in_both_languages() -> None:
    """`--lang fr` is a wrong command line: exit 2 naming the choices."""
    done = CliRunner().invoke(main, ["--lang", "fr", "sets"])
    assert 2 == done.exit_code
    assert "'en', 'zh'" in done.stderr


# ---------------------------------------------------------------- which language


ENGLISH_SET = """id: plain
name: Plain set
version: "1"
grades: [{label: pass, min: 0}]
indicators:
  - {id: a, name: A, weight: 60, rule: {kind: formula, score: 60}}
"""


def _default(args: list[str], **env: str) -> list[str]:
    """The lines of a command run without --lang or SCORING_ENGINE_LANG, in the locale `env` gives."""
    unset = {name: None for name in ("SCORING_ENGINE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    done = CliRunner().invoke(main, args, env={**unset, **env}, prog_name="scoring-engine")  # type: ignore[dict-item]
    return done.stdout.splitlines() + done.stderr.splitlines()


@pytest.mark.parametrize(("env", "chinese"), [
    ({"LANG": "C.UTF-8"}, False), ({}, False), ({"LANG": "zh_CN.UTF-8"}, True), ({"LC_MESSAGES": "zh_TW.UTF-8"}, True),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, False), ({"SCORING_ENGINE_LANG": "zh"}, True),
])
def test_an_english_set_speaks_the_locale(env: dict[str, str], chinese: bool, inside: Path) -> None:
    """A set with no Chinese in it: Chinese when LC_ALL, else LC_MESSAGES, else LANG starts with zh (or SCORING_ENGINE_LANG=zh)."""
    (inside / "plain.yaml").write_text(ENGLISH_SET, encoding="utf-8")
    [line] = _default(["validate", "plain.yaml"], **env)
    assert line.startswith("错误：" if chinese else "error: "), line
    assert chinese == (not english_sentences(line))


@pytest.mark.parametrize("env", [{"LANG": "C.UTF-8"}, {"LC_ALL": "en_US.UTF-8"}])
def test_a_chinese_set_speaks_chinese_whatever_the_locale(env: dict[str, str], inside: Path) -> None:
    """A Chinese set's problems are told in Chinese even where the locale says nothing of Chinese (as on Windows)."""
    (inside / "set.yaml").write_text(EXAMPLE_SET.read_text(encoding="utf-8").replace("weight: 25", "weight: 27", 1), encoding="utf-8")
    lines = _default(["validate", "set.yaml"], **env)
    assert lines and all(line.startswith("错误：") for line in lines)
    (inside / "gbk.yaml").write_bytes(EXAMPLE_SET.read_text(encoding="utf-8").replace("−", "-").encode("gbk"))
    [line] = _default(["validate", "gbk.yaml"], **env)
    assert line.startswith("错误：gbk.yaml:"), line


def test_lang_en_overrides_a_chinese_set_and_locale(inside: Path) -> None:
    """--lang en gives English for a Chinese set in a Chinese locale; --lang zh Chinese for an English set."""
    (inside / "plain.yaml").write_text(ENGLISH_SET, encoding="utf-8")
    [line] = _default(["--lang", "en", "validate", str(EXAMPLE_SET), "plain.yaml"], LANG="zh_CN.UTF-8")[1:]
    assert line.startswith("error: plain.yaml:")
    assert _default(["--lang", "zh", "validate", "plain.yaml"])[0].startswith("错误：plain.yaml:")


def test_a_bundled_set_speaks_chinese(inside: Path) -> None:
    """A command on a bundled set (all of them Chinese) speaks Chinese."""
    (inside / "facts.json").write_text('{"facts": {"budget": {"total": "很多"}}}', encoding="utf-8")
    lines = _default(["score", "facts.json", "--set", "national-framework"], LANG="C")
    assert lines and all(line.startswith("错误：") for line in lines)
    assert [] == _english_in(lines)


@pytest.mark.parametrize(("env", "first"), [({"LANG": "zh_CN.UTF-8"}, "用法：scoring-engine score"), ({"LANG": "C"}, "Usage: ")])
def test_usage_errors_follow_the_locale(env: dict[str, str], first: str) -> None:
    """A wrong command line with no input to look at is told in the locale's language."""
    assert _default(["score"], **env)[0].startswith(first)


def test_a_folder_of_chinese_sets_without_cases_says_so_in_chinese(inside: Path) -> None:
    """`scoring-engine test .` in a folder of Chinese sets with no case file: one Chinese line saying so, exit 1."""
    shutil.copy(EXAMPLE_SET, inside / "set.yaml")
    done = CliRunner().invoke(main, ["test", "."], env={"SCORING_ENGINE_LANG": None, "LANG": "C"})  # type: ignore[dict-item]
    assert 1 == done.exit_code
    assert ["错误：. 中没有测试用例文件（*.cases.yaml）（把体系的测试用例写在它旁边的文件中，文件名为 名称.cases.yaml）"] \
        == done.stderr.splitlines()  # no English placeholder (QA326 F7)


def _input_side_failures(folder: Path) -> Iterator[tuple[str, list[str], str | None]]:
    """(name, command, standard input) for each kind of input the reading side refuses: paths, special files, stdin,
    a fact given twice, a project detail of the wrong shape, a huge number, a circle of derived values, an ambiguous name,
    and a batch whose projects fail on those."""
    shutil.copy(EXAMPLE_SET, folder / "set.yaml")
    base = json.loads(EXAMPLE_FACTS.read_text(encoding="utf-8"))
    base["indicator_set"] = "set.yaml"

    def facts(name: str, change: dict[str, object]) -> str:
        (folder / name).write_text(json.dumps({**base, **change}, ensure_ascii=False), encoding="utf-8")
        return name

    yield "set outside the folder", ["score", facts("outside.json", {"indicator_set": "../../etc/x.yaml"})], None
    yield "absolute set path", ["score", facts("absolute.json", {"indicator_set": "/etc/passwd"})], None
    yield "a device as facts", ["score", "/dev/zero", "--set", "set.yaml"], None
    yield "a folder as facts", ["score", str(folder), "--set", "set.yaml"], None
    yield "empty stdin", ["score", "-", "--set", "set.yaml"], ""
    yield "stdin not JSON", ["score", "-", "--set", "set.yaml"], "{nope"
    twice = {**base["facts"], "budget.paid": 100}
    yield "a fact given twice", ["score", facts("twice.json", {"facts": twice})], None
    yield "project of the wrong shape", ["score", facts("project.json", {"project": {"name": {"a": [1]}}})], None
    big = json.loads(json.dumps(base["facts"]))
    big["budget"]["total"] = "HUGE"
    (folder / "huge.json").write_text(json.dumps({**base, "facts": big}).replace('"HUGE"', "1e999999999"), encoding="utf-8")
    yield "a huge exponent", ["score", "huge.json"], None
    (folder / "circle.yaml").write_text((folder / "set.yaml").read_text(encoding="utf-8").replace(
        "derived:\n", "derived:\n  loop_a: loop_b + 1\n  loop_b: loop_a + 1\n", 1), encoding="utf-8")
    yield "a circle of derived values", ["validate", "circle.yaml"], None
    yield "a name no indicator has", ["explain", facts("plain.json", {}), "-i", "不存在的指标"], None
    yield "a batch of projects that cannot be scored", ["batch", "twice.json", "huge.json"], None


def test_input_side_refusals_speak_chinese(inside: Path) -> None:
    """Paths outside the facts file's folder, devices, standard input, a fact given twice, a project detail of the wrong
    shape, a huge exponent, a circle of derived values and an unknown name are each refused in Chinese lines only."""
    found = {}
    for name, command, stdin in _input_side_failures(inside):
        done = CliRunner().invoke(main, ["--lang", "zh", *command], input=stdin, prog_name="scoring-engine")
        assert done.exit_code in (1, 2), f"{name}: exit {done.exit_code}: {done.output}"
        assert done.exception is None or isinstance(done.exception, SystemExit), f"{name}: {done.exception!r}"
        found[name] = _english_in(done.stdout.splitlines() + done.stderr.splitlines())
    assert {} == {name: lines for name, lines in found.items() if lines}


def test_type_words_joined_by_or_and_a_findings_text_are_chinese_throughout() -> None:
    """QA91 F3, F4: 'rate 应为文字 or a number or true or false' and 'a finding's text 应为非空文字' kept English inside
    Chinese lines: each word is translated, and joined as Chinese joins them."""
    assert "rate 应为文字、数字、true或false，实际是列表" == translate(
        "rate must be text or a number or true or false, got a list")
    assert "问题描述的 text 应为非空文字" == translate("a finding's text must be non-empty text")


@pytest.mark.parametrize(("english", "chinese"), [
    ("row 1 (成本): actual must not be negative, got -10", "第 1 行（成本）：实际完成值不能为负数，实际是 -10"),
    ("row 1 (管网): target must be above 0, got 0", "第 1 行（管网）：指标值应大于 0，实际是 0"),
])
def test_a_rows_field_is_said_by_its_column_not_its_key(english: str, chinese: str) -> None:
    """Under --lang zh a row's actual and target are 实际完成值 and 指标值, as the form's columns say (QA97 F4)."""
    assert chinese == translate(english)


def test_no_space_is_left_between_two_chinese_words_where_a_value_is_translated() -> None:
    """'实际是 列表', '在 整个指标体系 下', '指标值 应大于 0': a template's space beside a translated value stood between two
    Chinese words (QA91 F7). It goes there, and stays beside an English or a number, and a value is never changed."""
    assert "应为数字，实际是列表" == translate("expected a number, got a list")
    assert "应为数字，实际是 NumPy 的 int64" == translate("expected a number, got a NumPy int64")
    assert "weight 应为数字，实际是文字 'ten'" == translate("weight must be a number, got text 'ten'")
    marked = translate("expected a number, got text '\ue000列表'")  # a value holding the mark itself: kept as it is
    assert marked.startswith("应为数字，实际是") and "'\ue000列表'" in marked


def test_a_limit_is_said_in_chinese_by_its_figure_without_the_constants_name() -> None:
    """QA263 F4: a clerk who typed 元 where 万元 was wanted read `（MAX_FACT_MAGNITUDE：绝对值须小于 1e15…）`, and a facts file
    nested too deep `（MAX_FACTS_DEPTH）（事实最多嵌套几层）`, a question. The Chinese gives the figure, not the name
    docs/limits.md and the English give; the hint says what to check."""
    from scoring_engine import FactsError, parse_facts

    with pytest.raises(FactsError) as caught:
        parse_facts('{"facts": {"budget": {"total": 1e308}}}', "f.json")
    assert "MAX_FACT_MAGNITUDE" in str(caught.value) and "MAX_" not in caught.value.text("zh")
    assert "须小于 1000 万亿（1e15）" in caught.value.text("zh"), caught.value.text("zh")
    with pytest.raises(FactsError) as caught:
        parse_facts('{"facts": {"a": ' + "[" * 30 + "]" * 30 + "}}", "f.json")
    assert "(MAX_FACTS_DEPTH)" in str(caught.value) and "MAX_" not in caught.value.text("zh")
    assert caught.value.text("zh").endswith("嵌套超过 20 层（事实一般只嵌套几层：检查括号是否多写）"), caught.value.text("zh")
