"""Project ids that more than one document of a batch gives, in the same year.

A unit that sends its project twice (its form and its facts file, or two
exports), or two projects given one 项目编号, count twice in every figure of the
batch; in a re-check batch only the first is compared. Neither is an error a
document can be failed for (which one is right?), so the batch scores both and
says so: each id given more than once, how often and by which documents.
The same id in another year is another project-year, not a duplicate; ids and
years are compared as typed on a Chinese system may differ (spaces around,
full-width letters and digits; 2024年 and 2024年度 are 2024, as re-checks are matched).

>>> tally = IdTally()
>>> for source, project in [("a.json", {"id": "P1", "year": 2024}), ("b.json", {"id": "P1", "year": 2024}),
...                         ("c.json", {"id": "P1", "year": 2023}), ("d.json", {"id": "P2"}),
...                         ("e.json", {"id": " Ｐ1 ", "year": "2024年度"})]:
...     tally.add(project, source)
>>> [(d.id, d.year, d.count, d.sources) for d in tally.found()]
[('P1', '2024', 3, ('a.json', 'b.json', 'e.json'))]
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Mapping
from typing import Any

from .._record import record
from .._text import prints_as_nothing
from ..forms.labels import plain_year

__all__ = ["Duplicate", "IdTally", "same_id", "SHOWN_DUPLICATES", "SHOWN_SOURCES", "UNMATCHED_NOTES"]

#: Ids the summary lists (the count covers them all).
SHOWN_DUPLICATES = 20
#: Documents named for each id.
SHOWN_SOURCES = 5


@record
class Duplicate:
    """A project id given by more than one document, in one year (as compared: '2024' for 2024年; None or "" when they
    give none)."""

    id: str
    year: Any
    count: int
    sources: tuple[str, ...]  # the first SHOWN_SOURCES documents that give it, in input order
    batch: str = ""  # the compared batch's name (复核) for its own duplicates


def same_year(year: Any) -> str:
    """A year as projects are matched by it: 2024, '2024年', '2024年度', the full-width '２０２４', '二〇二四年' and 'FY2024'
    are '2024'; 2024.0 too (a spreadsheet's number)."""
    if year in (None, ""):
        return ""
    if type(year) in (str, int):  # a batch's projects give a few years, each many times: worked out once each
        return _year_of(year)
    return plain_year(year)


@functools.lru_cache(maxsize=256)
def _year_of(year: str | int) -> str:
    return plain_year(year)


def same_id(project_id: Any) -> str:
    """An id as it is compared: ' P00001 ' and the full-width 'Ｐ００００１' are 'P00001' (a clerk's typing, not
    another project), and so is one pasted with an invisible character (a zero-width space, a variation selector)."""
    if type(project_id) is str and project_id.isascii() and project_id.isprintable():  # as most are: nothing to narrow
        return project_id.strip()
    text = unicodedata.normalize("NFKC", str(project_id)).strip()  # spaces inside an id are kept: 'P 1' is no 'P1'
    return "".join(c for c in text if c == " " or not prints_as_nothing(c))


class IdTally:
    """The ids of a batch's projects as they come: the first document giving each, and those that repeat one."""

    def __init__(self, batch: str = "") -> None:
        self.batch = batch
        self.first: dict[tuple[str, str], str] = {}  # (id, year) → the first document giving it
        self.repeated: dict[tuple[str, str], tuple[Any, list[str], list[int]]] = {}  # → year, sources shown, [count]

    def add(self, project: Mapping[str, Any] | None, source: str) -> None:
        project_id = project.get("id") if project else None
        if project is None or project_id is None or project_id == "":
            return
        year = project.get("year")
        key = (same_id(project_id), same_year(year))  # 2024年 and ２０２４ are 2024 (QA34 F2), as re-checks are matched
        if not key[0].strip():  # an id of invisible characters or spaces only is no id (QA46 F6)
            return
        if key not in self.first:
            self.first[key] = source
            return
        _, sources, count = self.repeated.setdefault(key, (key[1] or year, [self.first[key]], [1]))
        count[0] += 1
        if len(sources) < SHOWN_SOURCES:
            sources.append(source)

    @property
    def count(self) -> int:
        """How many ids are given more than once."""
        return len(self.repeated)

    def found(self) -> tuple[Duplicate, ...]:
        """The first SHOWN_DUPLICATES ids given more than once, in the order their second document came."""
        shown = itertools.islice(self.repeated.items(), SHOWN_DUPLICATES)
        return tuple(Duplicate(key[0], year, count[0], tuple(sources), self.batch) for key, (year, sources, count) in shown)


#: Why a re-check its path or id met a project was not compared, by Unmatched.differs: 统计's 说明 (QA307 4).
UNMATCHED_NOTES = {"self": "是本批次{near}本身（经链接读到同一文件），未比较",
                   "duplicate": "复核中项目编号重复，该项目已对应先读到的{near}，本份未比较",
                   "year": "复核中项目编号重复，{ours}年度的该项目已对应同年度的{near}，本份未填写年度，未比较",
                   "tied": "与{near}同样按文件路径对应本批次{ours}，该项目已对应先读到的{near}，本份未比较",
                   "alike": "本批次有{ours}份文档的路径同样以{near}结尾（如同名文件），仅凭路径无法确定是哪一份的复核，未比较",
                   "by_id": "按文件路径对应本批次{near}，但该项目已按项目编号与复核{theirs}对比，本份未比较",
                   "id_only": "按文件路径对应本批次{near}（名称、年度相同），但本份填写了项目编号{theirs}，该项目未填写，未比较",
                   "no_path": "未填写项目编号，文件名与本批次的项目都不对应，未比较",
                   "no_id": "本批次没有项目编号为{theirs}的项目，未比较"}
