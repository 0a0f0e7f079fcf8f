"""Whether a form read with the bundled set its side sheet names was written from that set, or from another set that
keeps its id (a profile written without `id:` inherits its base's: its forms name the base, QA152 F1)."""

from __future__ import annotations

from functools import cache

from .._text import cut, one_line
from ..errors import FactsError, Problem
from ..model import IndicatorSet
from .labels import same_words
from .reading import SIDE_SHEET
from .workbook import Sheet

__all__ = ["ANOTHER_SET_NAMED", "written_from"]

ANOTHER_SET_NAMED = ("{cell}: the form names the set {id} {version}, but the set's name it records is {written}, not "
                     "{name}: it was written from another set that keeps the id {id}")
ANOTHER_SET_NAMED_HINT = ("read it with the file of the set {written} (--set PATH), and give that set its own id: so that its "
                          "forms name it; a form of {id} itself: write back its name")

_NAME_COLUMN = 5  # 指标体系 | id | version | | name: the side sheet's first row, as reports.form_xlsx writes it


def written_from(sheets: list[Sheet], indicator_set: IndicatorSet, source: str) -> None:
    """Refuse a form read without --set with `indicator_set`, the bundled set it names, when the set's name its side
    sheet records is another, and no bundled set's: a profile that keeps its base's id wrote it, and the base's weights
    would score it in silence. A name left blank (or a side sheet whose columns a clerk moved, read as A to C) is no other set's;
    a name retyped with spaces or full-width letters is the same name."""
    side = next((s for s in sheets if s.name == SIDE_SHEET), None)
    row = next((r for r in side.rows if side.text(r, 1) == "指标体系"), None) if side is not None else None
    if side is None or row is None:
        return
    written = side.text(row, _NAME_COLUMN)
    if not written or any(same_words(written, name) for name in (indicator_set.name, *_bundled_names())):
        return  # another bundled set's name: its form with the id edited, which reading it says (QA67 F4)
    fields = {"cell": side.ref(row, _NAME_COLUMN), "id": indicator_set.id, "version": indicator_set.version,
              "written": cut(one_line(written)), "name": indicator_set.name}
    raise FactsError(Problem(ANOTHER_SET_NAMED.format(**fields), file=source, hint=ANOTHER_SET_NAMED_HINT.format(**fields)))


@cache
def _bundled_names() -> tuple[str, ...]:
    """The names of the bundled sets, loaded once a process, and only for a form that records another name than its set's."""
    from ..loader import bundled_sets, load_indicator_set

    return tuple(load_indicator_set(path).name for path in bundled_sets().values())
