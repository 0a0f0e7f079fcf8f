"""Every module of the package fits on a few screens and every function on one: no module over 500 lines, no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "scoring_engine"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

# Known offenders, each waiting for its own split; these lists only shrink (today they are empty).
ALLOWED_LONG_MODULES: set[str] = set()  # "module.py"
ALLOWED_LONG_FUNCTIONS: set[str] = set()  # "module.py:function"


def _long_modules(package: Path = PACKAGE) -> dict[str, int]:
    """'module.py' → lines, for the modules of `package` over MAX_MODULE_LINES."""
    found = {}
    for module in sorted(package.rglob("*.py")):
        lines = len(module.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found[module.relative_to(package).as_posix()] = lines
    return found


def _long_functions(package: Path = PACKAGE) -> dict[str, int]:
    """'module.py:function' → lines from `def` to the last line of the body, for functions and methods over MAX_FUNCTION_LINES."""
    found = {}
    for module in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found[f"{module.relative_to(package).as_posix()}:{node.name}"] = lines
    return found


def test_no_module_is_over_500_lines() -> None:
    """A module longer than 500 lines does more than one job: split it (the message names it and its length)."""
    assert {} == {name: lines for name, lines in _long_modules().items() if name not in ALLOWED_LONG_MODULES}


def test_no_function_is_over_60_lines() -> None:
    """A function longer than 60 lines does more than one step: split it (the message names it and its length)."""
    assert {} == {name: lines for name, lines in _long_functions().items() if name not in ALLOWED_LONG_FUNCTIONS}


def test_the_allow_lists_name_only_current_offenders() -> None:
    """An allowed offender that has been split (or removed) leaves the allow-list, so the list cannot hide a new one."""
    assert set() == ALLOWED_LONG_MODULES - set(_long_modules())
    assert set() == ALLOWED_LONG_FUNCTIONS - set(_long_functions())


def test_the_measure_catches_one_line_too_many(tmp_path: Path) -> None:
    """A 61-line method and a 501-line module are caught, a 60-line function and a 500-line module are not."""
    (tmp_path / "sub").mkdir()

    def function(name: str, lines: int, indent: str = "") -> str:
        return f"{indent}def {name}():\n" + "".join(f"{indent}    x{i} = {i}\n" for i in range(lines - 1))

    (tmp_path / "fits.py").write_text(function("fits", 60) + "\n" * (500 - 60), encoding="utf-8")
    long_module = "class Kind:\n" + function("score", 61, "    ") + "\n" * (501 - 62)
    (tmp_path / "sub" / "long.py").write_text(long_module, encoding="utf-8")
    assert {"sub/long.py:score": 61} == _long_functions(tmp_path)
    assert {"sub/long.py": 501} == _long_modules(tmp_path)
