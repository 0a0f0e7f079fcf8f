"""The data of a profile resolved onto its base, read from the merged node tree within the YAML reader's bounds.

Each file is read within MAX_YAML_NODES and MAX_YAML_DEPTH; the set a profile makes with its base may not be (a profile
of 9,900 checks on national-framework, QA203 2). Past a bound, it is refused at the profile, as a file too big is: at
the profile's value where the reading stopped, else at its extends:.
"""

from __future__ import annotations

from yaml.nodes import Node

from . import _yaml
from ._located import Located
from .errors import IndicatorSetError, Problem

__all__ = ["resolved_data"]


def resolved_data(root: Node, files: tuple[str | None, ...], profile: Located, ref: str) -> Located:
    """Data with positions of the resolved tree `root` (`files`: the profile's first); raises IndicatorSetError naming
    the profile's file and the bound when the set is past one."""
    try:
        return _yaml.from_nodes(root, files)
    except _yaml.YamlError as err:
        raise IndicatorSetError([_past_bound(p, profile, files[0], ref) for p in err.problems]) from None


def _past_bound(problem: Problem, profile: Located, file: str | None, ref: str) -> Problem:
    line, column = (problem.line, problem.column) if problem.file == file else profile.where(("extends",)) or (None, None)
    hint = f"{ref}'s values count too: write fewer in this profile" if "MAX_YAML_NODES" in problem.message else problem.hint
    return Problem(f"the set this profile makes with {ref}: {problem.message}", file=file, line=line, column=column,
                   hint=hint)
