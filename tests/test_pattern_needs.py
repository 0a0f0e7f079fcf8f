"""A pattern that says what every match of it needs (`compile_later(..., needs=...)`) is right: each such claim is proved
from the pattern's own parse, and a text without those characters is told "no match" as the compiled pattern tells it,
without compiling the pattern (what keeps `scoring-engine score` from compiling the long patterns of what a finding or
a note says, for findings that cannot be them)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes: only this proof reads them
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

import scoring_engine
from conftest import EXAMPLE_FACTS, ROOT
from scoring_engine._patterns import _CompiledLater, compile_later

_MOST = 64  # a class of more characters than this needs nothing useful


def needed(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters of which every match of `pattern` holds at least one, as far as its parse proves it; None where
    it proves nothing (a match may be empty, any character, or the pattern ignores case)."""
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    return _sequence(parsed)


def _sequence(items: Any) -> frozenset[str] | None:
    """Every element of a sequence is matched: the smallest set any one of them proves."""
    best = None
    for op, av in items:
        found = _element(op, av)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _element(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.IN:  # a class of characters and small ranges; never a negated one or a category (\d, \w)
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < _MOST:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return frozenset(chars) if len(chars) <= _MOST else None
    if op is sre.SUBPATTERN:
        _, added, _, inner = av
        return None if added & sre.SRE_FLAG_IGNORECASE else _sequence(inner)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, inner = av
        return _sequence(inner) if least >= 1 else None
    if op is sre.BRANCH:  # each alternative proves a set, or the branch proves none
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            union |= found
        return frozenset(union) if len(union) <= _MOST else None
    return None  # an anchor, a look-around, any character, a category, a group referred to: nothing a match must hold


def _declared() -> list[tuple[str, _CompiledLater]]:
    """Every pattern of the package's modules that says what its matches need."""
    found: dict[int, tuple[str, _CompiledLater]] = {}
    for module in pkgutil.walk_packages(scoring_engine.__path__, "scoring_engine."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, _CompiledLater) and value.needs:
                found.setdefault(id(value), (f"{module.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


DECLARED = _declared()


def test_the_package_says_what_its_longest_patterns_need() -> None:
    """The patterns of what a finding, a form's note or a share of the budget says carry their claim."""
    names = {name for name, _ in DECLARED}
    assert {"scoring_engine._no_finding._REMARK", "scoring_engine._no_finding._HEADS",
            "scoring_engine.forms.unit_notes._DONE"} <= names


@pytest.mark.parametrize("name, pattern", DECLARED, ids=[name for name, _ in DECLARED])
def test_what_a_pattern_says_its_matches_need_is_proved(name: str, pattern: _CompiledLater) -> None:
    """Every match holds one of the characters the pattern says it needs: proved from its parse (a set the parse proves,
    all of whose characters the pattern names), so that a text without them is no match."""
    proved = needed(str(pattern.pattern), pattern._flags)
    assert proved is not None, f"{name}: nothing a match must hold can be proved"
    assert proved <= set(pattern.needs), f"{name}: a match may hold none of {pattern.needs!r}; it needs one of {''.join(sorted(proved))!r}"


def test_the_proof_refuses_what_it_cannot_prove() -> None:
    """The proof is strict: an optional part, an alternative without the character, a negated class, a category, any
    character, a look-ahead or ignoring case prove nothing; a sequence proves its smallest set."""
    assert needed("a?b") == frozenset("b") and needed("(x|yz)w+") == frozenset("w")
    assert needed("(ab|c)") == frozenset("ac") and needed("[一二三]{1,2}、") == frozenset("、")
    assert needed("[a-c]x[a-z]") == frozenset("x")
    for pattern in ("a?", "(a|)b?", "[^a]", r"\d", ".", "(?=a)", "(?i)a", "(?i:a)", "a{0,3}", "[\u4e00-\u9fff]", r"(?<=a)b?"):
        assert needed(pattern) is None, pattern


#: Texts a finding, a note or a label may say, with and without what the patterns need
_TEXTS = ("", "无", "2笔支出未附发票", "1笔支出超范围列支", "以上问题已整改", "检查结果:无", "资料齐全", "经检查,未发现问题",
          "（1）未附发票", "1.未附发票", "扣2分", "预算执行率95%", "abc", "项目资金12万元", "一、存在的问题", "备注:已整改")


@pytest.mark.parametrize("name, pattern", DECLARED, ids=[name for name, _ in DECLARED])
def test_a_text_without_what_a_pattern_needs_is_answered_as_the_compiled_pattern_answers(name: str,
                                                                                       pattern: _CompiledLater) -> None:
    """Each method, called before the pattern is compiled, gives what re.compile's gives, text by text."""
    compiled = re.compile(pattern.pattern, pattern._flags)
    for text in _TEXTS:
        for method, args in (("match", (text,)), ("fullmatch", (text,)), ("search", (text,)), ("findall", (text,)),
                             ("split", (text,)), ("sub", ("-", text)), ("subn", ("-", text)), ("sub", (r"\g<0>", text))):
            later = compile_later(pattern.pattern, pattern._flags, pattern.needs)
            got, want = getattr(later, method)(*args), getattr(compiled, method)(*args)
            if method in ("match", "fullmatch", "search"):
                got, want = got and got.span(), want and want.span()
            assert got == want, (name, method, text)
        later = compile_later(pattern.pattern, pattern._flags, pattern.needs)
        assert [m.span() for m in later.finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_a_pattern_is_compiled_only_for_a_text_that_may_match() -> None:
    """A text without the characters is told without compiling; one with them, or a call with more arguments, compiles
    the pattern, which answers every call after."""
    later = compile_later("(以上|上述)问题已整改", needs="整")
    assert later.fullmatch("2笔支出未附发票") is None and later.sub("", "未附发票") == "未附发票"
    assert "_pattern" not in vars(later)
    assert later.search("未附发票", 0) is None and "_pattern" in vars(later)  # a position given: compiled
    assert later.fullmatch("以上问题已整改") is not None
    assert pickle_round_trip(later).needs == "整"
    assert type(compile_later("a", needs="a").finditer("b")) is type(re.compile("a").finditer("b"))  # QA304 F2
    with pytest.raises(TypeError):  # bytes hold no characters (QA304 F1: a str given to it was no match, not refused)
        compile_later(rb"a", needs="a")


def pickle_round_trip(value: Any) -> Any:
    import pickle

    return pickle.loads(pickle.dumps(value))


def test_scoring_the_example_compiles_none_of_the_patterns_its_findings_cannot_be() -> None:
    """scoring-engine score examples/small/facts.json leaves the remark and label patterns uncompiled: its findings
    (2笔支出未附发票, 1笔支出超范围列支) hold none of the characters they need."""
    code = ("import sys\nfrom scoring_engine.cli import main\nsys.argv = ['scoring-engine', 'score', sys.argv[-1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "from scoring_engine import _no_finding as n\n"
            "print([name for name in ('_REMARK', '_LABELLED', '_IN_ORDER', '_ALL_DONE') if '_pattern' in vars(getattr(n, name))])")
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLE_FACTS)], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    assert "总分" in done.stdout and done.stdout.strip().splitlines()[-1] == "[]"


def test_whether_a_checks_message_is_chinese_is_told_of_every_character_as_the_ranges_tell_it() -> None:
    """The message of a failed check is worded with Chinese punctuation when it holds a Chinese character or a full-width
    form: told from its UTF-8 bytes (a pattern that compiles at once), for every character as the ranges of text say."""
    from scoring_engine._check_failure import _has_cjk

    ranges = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
    characters = [*range(0x10000), 0x10000, 0x20000, 0x2A6D6, 0x10FFFF]
    assert [c for c in characters if _has_cjk(chr(c)) != (ranges.search(chr(c)) is not None)] == []
    assert _has_cjk("paid over total（a）") and not _has_cjk("paid over total (a)")
