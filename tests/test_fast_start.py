"""Starting is quick: importing the package or running a command loads only what it needs (checked by module, not by clock)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLE_FACTS, ROOT

# Loaded only when used: the schema library, the spreadsheet library, the reports, explain and the test cases.
HEAVY = ("jsonschema", "openpyxl", "scoring_engine.reports", "scoring_engine.explain", "scoring_engine.cases", "simpleeval")


def _loaded_after(code: str) -> set[str]:
    """The modules loaded by a fresh interpreter that runs `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_importing_the_package_loads_neither_the_engine_nor_the_shell() -> None:
    """import scoring_engine loads no library and none of the engine, the loader, the reports or explain."""
    modules = _loaded_after("import scoring_engine")
    assert [] == _heavy(modules)
    assert not {"yaml", "click", "scoring_engine.engine", "scoring_engine.loader"} & modules


def test_a_name_of_the_package_loads_its_module_on_first_use() -> None:
    """scoring_engine.score is the engine's function, loaded when first asked for; explain only when asked for."""
    modules = _loaded_after("import scoring_engine\nscoring_engine.score")
    assert "scoring_engine.engine" in modules
    assert [] == _heavy(modules)
    assert "scoring_engine.explain" in _loaded_after("from scoring_engine import Explanation")


def test_scoring_a_project_from_the_command_line_loads_nothing_it_does_not_use() -> None:
    """scoring-engine score FACTS (a table) reads, checks and scores without the schema library, the reports or explain."""
    code = ("import sys\nfrom scoring_engine.cli import main\nsys.argv = ['scoring-engine', 'score', sys.argv[-1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    probe = f"{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe, str(EXAMPLE_FACTS)], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    modules = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "scoring_engine.engine" in modules and "总分" in done.stdout
    assert [] == _heavy(modules)
    assert "difflib" not in modules  # no mistake to name, no did-you-mean


def test_validating_a_set_does_not_load_the_engine() -> None:
    """scoring-engine validate loads and checks the set (its plan included) but never the engine, results or reports."""
    code = ("import sys\nfrom scoring_engine.cli import main\nsys.argv = ['scoring-engine', 'validate', 'national-framework']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    modules = _loaded_after(code)
    assert not {"scoring_engine.engine", "scoring_engine.result"} & modules
    assert [] == _heavy(modules)


def test_the_new_core_modules_stay_in_the_core() -> None:
    """The plan, the formula closures, the deferred values, the facts pass and the JSON writer import none of the shell."""
    import ast

    shell = ("loader", "_yaml", "_files", "_schema", "_quick_schema", "_build", "_resources", "reports",
             "render", "cli", "cases", "pytest_plugin", "yaml", "click", "jsonschema", "openpyxl")
    for module in ("plan", "_closures", "_later", "_facts_pass", "_result_json"):
        tree = ast.parse((ROOT / "scoring_engine" / f"{module}.py").read_text(encoding="utf-8"))
        imported = {(node.module or "").lstrip(".").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not imported & set(shell), module


def test_the_stand_in_for_pyyamls_printable_class_matches_exactly_the_characters_it_does():
    """_pyyaml_start gives PyYAML's reader the complement of its class of printable characters (compiled in a fiftieth
    of the time): every code point from U+0000 to U+10FFFF is matched by the one exactly when by the other, so a YAML
    file with a control character is refused as before."""
    import re

    import yaml

    import scoring_engine._pyyaml_start as start

    stand_in = yaml.reader.Reader.NON_PRINTABLE
    everything = "".join(map(chr, range(0x110000)))
    original = re.compile(start._PRINTABLE, re.UNICODE)  # the same pattern (str patterns are Unicode), not from the cache
    assert stand_in.findall(everything) == original.findall(everything)
    assert 29 + 32 + 2048 + 2 == len(stand_in.findall(everything))  # C0 but tab and line ends, DEL and C1 but NEL, …


def test_a_type_checker_sees_the_package_s_real_names_only() -> None:
    """The lazy loader (a module-level __getattr__) made mypy --strict type every misspelt name imported from the package
    as Any (from scoring_engine import scroe passed). It is hidden from type checkers now, and each lazily loaded name is
    imported for them instead, so a real name keeps its type and a misspelt one is reported."""
    import ast

    import scoring_engine

    tree = ast.parse((ROOT / "scoring_engine" / "__init__.py").read_text(encoding="utf-8"))
    assert "__getattr__" not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    hidden = [node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "not TYPE_CHECKING"]
    assert ["__getattr__"] == [n.name for node in hidden for n in node.body if isinstance(n, ast.FunctionDef)]
    for_checkers = {alias.asname or alias.name for node in tree.body if isinstance(node, ast.If)
                    and ast.unparse(node.test) == "TYPE_CHECKING" for imp in node.body if isinstance(imp, ast.ImportFrom)
                    for alias in imp.names}
    assert set(scoring_engine._LAZY) == for_checkers
    assert "scoring_engine.engine" in _loaded_after("from scoring_engine import score")  # still loaded lazily


def test_no_module_of_the_package_compiles_a_pattern_as_it_is_imported() -> None:
    """`re` compiles in Python, and compiling the engine's 300 patterns of typed text at import was a fifth of every
    command's start (70 ms of `scoring-engine score`): each is compiled when first used (_patterns.compile_later), and
    importing every module of the package compiles none."""
    probe = ("import importlib, pkgutil, re, sys\n"
             "asked = []\n"
             "real = re._compile\n"
             "def spy(pattern, flags):\n"
             "    caller = sys._getframe(2).f_globals.get('__name__', '')\n"
             "    if caller.startswith('scoring_engine'):\n"
             "        asked.append(f'{caller}: {str(pattern)[:40]}')\n"
             "    return real(pattern, flags)\n"
             "re._compile = spy\n"
             "import scoring_engine\n"
             "for module in pkgutil.walk_packages(scoring_engine.__path__, 'scoring_engine.'):\n"
             "    if module.name != 'scoring_engine.__main__':\n"
             "        importlib.import_module(module.name)\n"
             "print(len(sys.modules), asked)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    modules, asked = done.stdout.split(" ", 1)
    assert int(modules) > 200 and "[]" == asked.strip()


def test_a_pattern_compiled_later_is_the_pattern_compiled_at_once() -> None:
    """compile_later(p) answers each method as re.compile(p) does, gives its text before it is compiled (patterns are
    built from others' text), and pickles as the pattern it stands for."""
    import pickle
    import re

    from scoring_engine._patterns import compile_later

    later, now = compile_later(r"(?P<n>\d+)处", re.ASCII), re.compile(r"(?P<n>\d+)处", re.ASCII)
    assert r"(?P<n>\d+)处" == later.pattern and "search" not in vars(later)
    assert ({"n": 1}, 1, now.flags) == (later.groupindex, later.groups, later.flags)
    assert compile_later("(?i)yuan").flags == re.compile("(?i)yuan").flags  # its inline flags too
    text = "发现2处问题，另有１3处"
    assert later.search(text)["n"] == now.search(text)["n"] == "2" and "search" in vars(later)
    assert (later.findall(text), later.sub("#", text), later.split(text)) == (now.findall(text), now.sub("#", text),
                                                                             now.split(text))
    assert later.fullmatch("2处") and not later.match("共2处")
    assert [(2, 4), (10, 12)] == [m.span() for m in later.finditer(text)]  # its flags kept: １ is no ASCII digit
    again = pickle.loads(pickle.dumps(compile_later("无")))
    assert again.fullmatch("无") and not again.fullmatch("有")
