"""A printed form as a grid of cells with their spans: what every format draws (xlsx merges, HTML rowspan/colspan).

The grid is format-neutral: a cell holds text or a number (with how to show it),
spans rows and columns, and says what it is (title, label, value…). The xlsx, HTML,
Markdown and CSV writers in ``reports/form_*`` only draw it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from decimal import Decimal

from .._arith import fixed, plain, uncarried_places
from .._record import record

__all__ = ["Cell", "Grid", "GridBuilder", "percent_figure", "percent_places", "shown"]


@record
class Cell:
    """One cell of the form: where it starts, how far it spans, what it holds and how it looks.

    style is one of: title, subtitle, label (a printed label), head (a column heading), text,
    number (shown plain), score (shown with `places` decimals), percent (a ratio shown as %), dash ("—").
    key names what a value cell holds (``funds.total.budget``, ``row.output.buildings.score``), for readers and tests.
    """

    row: int
    col: int
    value: str | Decimal | None = None
    style: str = "text"
    rowspan: int = 1
    colspan: int = 1
    key: str = ""
    places: int | None = None
    unit: str | None = None  # shown after a number ("18栋")


def percent_places(rate: Decimal) -> int:
    """The decimals a rate is printed with as a percentage on the form: two, or as many more as keep 89.995% from
    reading 90.00% beside a 需说明 of a rate under 90%, and 99.9995% from reading the 100.00% a band starts at."""
    return uncarried_places(rate * 100, 2)


def percent_figure(rate: Decimal, places: int = 2) -> str:
    """A rate (a share) in percent as the form prints it, without its %: whole (84), else with `places` decimals or as
    many more as keep it off a line it falls short of (89.995, not 90.00, beside a 需说明 of a rate under 90%: QA63 F1)."""
    if rate * 100 == (rate * 100).to_integral_value():
        return plain(rate * 100)
    return fixed(rate * 100, uncarried_places(rate * 100, places))


def shown(cell: Cell) -> str:
    """The cell's value as printed: numbers in their format, units after them, empty cells empty."""
    value = cell.value
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        return value
    if cell.style == "percent":
        return percent_figure(value) + "%"
    text = fixed(value, cell.places) if cell.style == "score" and cell.places is not None else plain(value)
    return text + (cell.unit or "")


@record
class Grid:
    """The whole form: its width in columns, its cells, the rows to repeat on each printed page, notes below it."""

    title: str
    width: int
    cells: tuple[Cell, ...]
    height: int
    repeat: tuple[int, int] | None = None  # first and last row (0-based) printed again at the top of each page
    notes: tuple[str, ...] = ()  # lines under the form: the grade and its consequence, warnings
    widths: tuple[int, ...] = ()  # column widths in characters (a Chinese character counts two)

    def at(self) -> dict[tuple[int, int], Cell]:
        """(row, column) → the cell that starts there."""
        return {(c.row, c.col): c for c in self.cells}

    def covered(self) -> set[tuple[int, int]]:
        """(row, column) of every position a span covers, other than where the cell starts."""
        return {(r, c) for cell in self.cells for r in range(cell.row, cell.row + cell.rowspan)
                for c in range(cell.col, cell.col + cell.colspan) if (r, c) != (cell.row, cell.col)}

    def lines(self) -> Iterator[list[str]]:
        """Each row as printed text per column, a span's text in its first position and the rest empty."""
        starts = self.at()
        for r in range(self.height):
            yield [shown(starts[(r, c)]) if (r, c) in starts else "" for c in range(self.width)]

    def cell(self, key: str) -> Cell:
        """The cell holding `key` (KeyError when none does)."""
        for cell in self.cells:
            if cell.key == key:
                return cell
        raise KeyError(key)


@record(frozen=False)
class GridBuilder:
    """Lays cells out row by row on a grid `width` columns wide."""

    width: int
    cells: list[Cell] = field(default_factory=list)
    row: int = 0

    def put(self, col: int, value: str | Decimal | None, style: str = "text", colspan: int = 1, rowspan: int = 1,
            **extra: object) -> None:
        self.cells.append(Cell(self.row, col, value, style, rowspan, colspan, **extra))  # type: ignore[arg-type]

    def spread(self, start: int, count: int, flexible: tuple[int, ...] = (0,)) -> list[tuple[int, int]]:
        """(column, colspan) for `count` cells from column `start` to the edge; the cells at `flexible` take the extra room."""
        room = self.width - start
        spans = [1] * count
        extra = max(room - count, 0)
        for i in range(extra):
            spans[flexible[i % len(flexible)]] += 1
        out, col = [], start
        for span in spans:
            out.append((col, span))
            col += span
        return out

    def next_row(self) -> None:
        self.row += 1

    def grid(self, title: str, repeat: tuple[int, int] | None, notes: tuple[str, ...], widths: tuple[int, ...]) -> Grid:
        return Grid(title, self.width, tuple(self.cells), self.row, repeat, notes, widths)
