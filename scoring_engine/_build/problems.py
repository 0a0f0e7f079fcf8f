"""Collecting a set's problems: each located at file:line:column and named by the indicator it lies in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._located import Located
from ..errors import FormulaError, Problem, json_path
from .._formula_kinds import choice_problems, condition_problem
from ..formulas import Formula, compile_formula

__all__ = ["SHOWN_PROBLEMS", "Path", "ProblemLog"]

Path = tuple[str | int, ...]

SHOWN_PROBLEMS = 100  # problems listed for one file; then how many more (and lint's and validate's warnings)


class ProblemLog:
    """Every problem found in one set file, in the order found; `ranked()` gives them in file order."""

    def __init__(self, located: Located, file: str | None) -> None:
        self.located = located
        self.file = file
        # The reader's problems (010, 12:30, tags…) carry a position; name the indicator there too.
        at = located.paths() if located.problems else {}
        self.problems: list[Problem] = [p.located(indicator=self.indicator_at(at.get((p.line or 0, p.column or 0), ())))
                                        for p in located.problems]
        self.broken: set[Path] = set(located.rejected)  # paths with schema errors or refused values: not built further
        # The declared values of each fact that has them (values:): a formula compares such a fact with one of them.
        self.choices: dict[str, tuple[str, ...]] = {}
        # Another file's problems this one's bring (a broken form layout's): listed after this file's, in their own order.
        self.after: list[Problem] = []

    def add(self, path: Path, message: str, hint: str | None = None, key: bool = False,
            indicator: str | None = None, expression: str | None = None, fact: str | None = None) -> None:
        """Record a problem at `path` (at its key when `key`); the indicator defaults to the one `path` lies in."""
        where = self.located.where(path, key=key)
        line, column = where if where else (None, None)
        file = self.located.file_at(path, key) or self.file  # a profile's change points into the profile, the rest into its base
        self.problems.append(Problem(message, file=file, line=line, column=column, path=json_path(path),
                                     indicator=indicator or self.indicator_at(path), hint=hint, expression=expression, fact=fact))

    def compile(self, source: Any, path: Path, scope: Mapping[str, str], indicator: str | None = None) -> Formula | None:
        """The formula written at `path`; None, with its problems recorded there, if it is not valid."""
        try:
            formula = compile_formula(source, scope)
        except FormulaError as err:
            # A formula refused for its values' kinds alone is still checked against the facts' declared values: both
            # its mistakes said at once (grade >= '良' with no 良 grade: QA195 G3)
            tree, text = err.checked_tree, err.first.expression or ""
            for p in (*err.problems, *(choice_problems(tree, self.choices, text) if tree and self.choices else ())):
                self.add(path, p.message, p.hint, indicator=indicator, expression=p.expression, fact=p.fact)
            return None
        # only a fact with declared values is compared with one of them: a formula reading none is not walked
        for p in choice_problems(formula.tree, self.choices, formula.text) \
                if self.choices and not self.choices.keys().isdisjoint(formula.names) else ():
            self.add(path, p.message, p.hint, indicator=indicator, expression=p.expression, fact=p.fact)
        return formula

    def condition(self, source: Any, path: Path, scope: Mapping[str, str], kinds: Mapping[str, str]) -> Formula | None:
        """The condition written at `path`, as `compile` gives it; None, with the problem, when it is known to give a
        number, text, a date or a list, never true or false (`kinds`: the types its kind is judged by)."""
        formula = self.compile(source, path, scope)
        problem = condition_problem(formula.tree, kinds, formula.text) if formula is not None else None
        if problem is not None:
            self.add(path, problem.message, problem.hint, expression=problem.expression, fact=problem.fact)
            return None
        return formula

    def indicator_at(self, path: Path) -> str | None:
        """Id of the innermost indicator that `path` lies in."""
        node: Any = self.located.data
        found = None
        for i, part in enumerate(path):
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(part, int) and i > 0 and path[i - 1] in ("indicators", "children") and isinstance(node, Mapping):
                found = node.get("id") if isinstance(node.get("id"), str) else found
        return found

    def ok(self, path: Path) -> bool:
        """No schema error at or inside `path`."""
        return not self.broken or not any(bad[: len(path)] == path for bad in self.broken)  # a valid set: no search

    def ranked(self, also: list[Problem] | tuple[Problem, ...] = ()) -> list[Problem]:
        """In file order, so the editor can walk down the file, each problem once (one found twice, in the same place
        and words, is one mistake: QA191 F5); a hostile file's ten thousand problems are not all listed. `also`: more
        of the file's, told with these."""
        ranked = sorted(dict.fromkeys((*self.problems, *also)), key=lambda p: (p.line or 0, p.column or 0))
        if len(ranked) > SHOWN_PROBLEMS:
            more = Problem(f"{len(ranked) - SHOWN_PROBLEMS} more problems not shown", file=self.file, hint="fix these first")
            ranked = ranked[:SHOWN_PROBLEMS] + [more]
        return ranked + self.after
