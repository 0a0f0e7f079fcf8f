"""The modules of scoring_engine import each other without a cycle, counting imports made only for type checking."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "scoring_engine"


def _modules() -> dict[str, Path]:
    """Dotted module name → file, for every module and package of scoring_engine."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The scoring_engine modules that module `name` imports anywhere in its text (inside TYPE_CHECKING or a function too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            source = ".".join(p for p in (base, node.module) if p)
            # `from . import bands` imports the module scoring_engine.rules.bands, not only the package
            found |= {f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source for alias in node.names}
    return {m for m in found if m in modules and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of `graph` (its modules in order, the first repeated at the end), or [] if there is none."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str]:
        if module in path:
            return [*path[path.index(module):], module]
        if module in done:
            return []
        path.append(module)
        for imported in sorted(graph[module]):
            if cycle := visit(imported):
                return cycle
        path.pop()
        done.add(module)
        return []

    for module in sorted(graph):
        if cycle := visit(module):
            return cycle
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check below can fail: a graph where a imports b and b imports a has the cycle a → b → a."""
    assert ["a", "b", "a"] == _cycle({"a": {"b"}, "b": {"a"}, "c": {"a"}})
    assert [] == _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}})


def test_the_import_graph_has_no_cycle() -> None:
    """No scoring_engine module imports, even lazily or for type checking only, a module that imports it back."""
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert "scoring_engine.explain" in graph["scoring_engine.result"]  # Result.explain stays
    assert [] == _cycle(graph)


# The pure core scores with no files, no YAML, no schema validation, no reports and no command line.
CORE = ("model", "judgements", "target_rows", "_time_units", "errors", "_arith", "_intervals", "_text", "_version",
        "formulas", "_formula_functions", "_formula_kinds", "_closures", "rules", "reasons",
        "plan", "engine", "facts", "_facts_pass", "result", "audit", "_later", "_json", "_result_json",
        "caps", "used_values", "row_flags")
# What the core must never import: the shell's modules, and the libraries only the shell needs.
SHELL_MODULES = ("loader", "_yaml", "_located", "_files", "_quick_schema", "_schema", "_build", "_resources", "reports", "render",
                 "_output", "cli", "cases", "pytest_plugin", "batch", "forms")
SHELL_LIBRARIES = ("click", "jsonschema", "openpyxl", "yaml")


def _libraries(path: Path) -> set[str]:
    """Top-level names of the libraries a module imports (anywhere in its text)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def _room(module: str) -> str:
    """The top-level room of a module: scoring_engine.rules.bands → rules."""
    return module.split(".")[1] if "." in module else ""


def test_the_core_never_imports_the_shell() -> None:
    """No core module (model, formulas, rules, engine, facts, result…) imports the loader, YAML, reports or CLI, or click, jsonschema, openpyxl or PyYAML."""
    modules = _modules()
    core = {name: path for name, path in modules.items() if _room(name) in CORE}
    assert len(core) > len(CORE)  # the rules package counts with its kind modules
    found = {name: sorted(({_room(m) for m in _imports(name, path, modules)} & set(SHELL_MODULES))
                          | (_libraries(path) & set(SHELL_LIBRARIES)))
             for name, path in core.items()}
    assert {} == {name: shell for name, shell in found.items() if shell}
