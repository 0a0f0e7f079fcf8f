"""Which re-check is a project's (--compare-with): by project id and year, else by how the paths end (`matching`);
and which re-check folders the batch's own search leaves out."""

from __future__ import annotations

import itertools
import os
from pathlib import PurePosixPath
from collections.abc import Iterable, Iterator

from .compare import RECHECK
from .duplicates import IdTally, same_year
from .kept import Rows
from .matching import Paths, shared
from .ranking import same_name
from .rows import ProjectRow
from .summary import Unmatched

__all__ = ["Recheck", "nested", "recheck_clash", "SHOWN_UNMATCHED"]


def nested(inputs: Iterable[str], compare_with: Iterable[str]) -> tuple[str, ...]:
    """The re-check folders inside a folder of the batch (`batch 绩效 --compare-with 绩效/复核`): the batch's search
    leaves them out, or each re-check would be a project compared with itself (one that is an input, or holds one, is
    refused first: `recheck_clash`)."""
    reals = [os.path.realpath(i) for i in inputs]
    nested = []
    for other in compare_with:
        real = os.path.realpath(other)
        if real not in reals and any(real.startswith(i + os.sep) for i in reals):
            nested.append(other)
    return tuple(nested)


def recheck_clash(inputs: Iterable[str], compare_with: Iterable[str]) -> str | None:
    """Why the re-check cannot be compared as given, or None: a --compare-with that is an input of the batch, or holds
    one (a file, a folder), whose projects would each be compared with itself, all 0 and nothing flagged (QA117 F1)."""
    given = [(i, os.path.realpath(i)) for i in inputs]
    for other in compare_with:
        real = os.path.realpath(other)
        for i, own in given:
            if own == real:
                return (f"--compare-with {other} is also an input of the batch: each of its projects would be compared "
                        "with itself as its own re-check")
            if own.startswith(real + os.sep):
                return (f"--compare-with {other} holds the input {i}: its projects would be compared with themselves as "
                        "their own re-check")
    return None


def _same_year(years: dict[str, int], year: str, paired: set[int]) -> int | None:
    """The re-check of a project's id: the one of the project's year, else one that gives no year (a re-check without
    a year is the project of that id whatever its year). A project that gives no year takes only one that gives none:
    which year it is cannot be told, and taking another year's would leave that year's project uncompared or compared
    twice, as the files' order fell (QA35 F2, QA37 F1). Each goes to the first scored project that takes it (`paired`):
    a second one of the same 项目编号 is not compared with it again (QA34 F3); one that failed does not take it away."""
    for key in (year, "") if year else ("",):
        if key in years:  # None: its re-check went to an earlier project of this id and year
            return years[key] if years[key] not in paired else None
    return None


#: Re-checks that matched nothing named in the outputs (the rest are counted).
SHOWN_UNMATCHED = 20


class Recheck:
    """The re-check batch's scored rows on disk, found by project id (and year, where both give one: another year is
    another project-year); a re-check that gives no id, by how its path ends (`matching`), for one project only."""

    def __init__(self, batch: Paths) -> None:
        self.kept = Rows()
        self.batch = batch  # the whole path of each document of the batch compared
        self.paths = Paths()  # those of the re-checks without an id, each with its offset
        self.years: dict[str, dict[str, int]] = {}  # id → year ("" for none) → the offset of the first with them
        self.spellings: dict[str, set[str]] = {}  # an id, case aside → the ids so written of the re-checks (QA334 F1)
        self.scored = 0
        self.matched: set[int] = set()  # the scored ones given to a project (compared, or its project failed)
        self.taken: set[int] = set()  # every one given to a project, a failed one too
        self.paired: set[int] = set()  # those given by project id to a scored project
        self.to_scored, self.to_failed = set[int](), set[int]()  # the scored ones given to a scored project, to a failed one
        self.scored_at: list[int] = []  # the offset of each scored one, to name those that match nothing
        self.ids = IdTally(RECHECK)  # an id given twice: only the first is compared
        self.batch_years: dict[str, set[str]] = {}  # id, case aside → the years its projects of the batch give
        self.refused: dict[int, tuple[str, str, str, str]] = {}  # met by a path, naming another: what, where, ours, theirs
        self.took: dict[int, str] = {}  # a re-check of an id → the year of the project that took it ("" for none)
        self.taker: dict[int, tuple[str, str]] = {}  # and that project's source and id
        self.tied: dict[int, tuple[str, str]] = {}  # as near a project as the re-check it took: that one, the project
        self.with_ids = Paths()  # those with an id, by path: a project without one its path meets is told so (QA307 4)
        self.by_id: dict[int, tuple[str, str]] = {}  # one without an id whose project its id's re-check took: both
        self.id_only: dict[int, str] = {}  # one with an id whose path meets a project without one: the project
        self.failed_at: list[int] = []  # the offset of each that failed: on 问题 with the project that took it, or after
        self.told: set[int] = set()  # those of them a project took
        self.to_tell: ProjectRow | None = None  # the failed one the last project matched took first

    def __enter__(self) -> Recheck:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kept.file.close()

    def add(self, row: ProjectRow) -> None:
        self.ids.add(row.project, row.source)
        offset = self.kept.add(row)  # one that failed too: its project is told the re-check failed, not that it had none
        self.scored += row.ok
        (self.scored_at if row.ok else self.failed_at).append(offset)
        if row.id_key:  # a re-check that names its project is that project's only
            self.years.setdefault(row.id_key, {}).setdefault(same_year(row.project.get("year")), offset)
            self.spellings.setdefault(row.id_key.casefold(), set()).add(row.id_key)
            self.with_ids.add(row.path_parts(), offset)
        else:
            self.paths.add(row.path_parts(), offset, row.path_parts(exact=True))

    def match(self, row: ProjectRow) -> ProjectRow | None:
        self.to_tell = None
        year = same_year(row.project.get("year"))
        if row.id_key:
            self.batch_years.setdefault(row.id_key.casefold(), set()).add(year)
        years = self._years(row)
        offset = _same_year(years, year, self.paired) if row.id_key else None
        by_path = offset is None
        if by_path:
            offset = self.paths.best(row.path_parts(), self.batch, self.taken)
        if by_path and offset is None:  # P1.json and p1.json in one folder: the re-check P1.json is P1.json's (QA332 F3)
            offset = self.paths.written_alike(row.path_parts(), row.path_parts(exact=True), self.batch, self.taken)
        if offset is None:
            self._missed(row)
            return None
        counterpart = self.kept.at(offset)
        if _document(row.source) == _document(counterpart.source):  # a link to the project's own document (QA120 F2)
            self.refused.setdefault(offset, ("self", row.source, "", ""))
            return None
        if by_path and (differs := _differs(row, counterpart)):  # a sample's line 2 is not the batch's line 2 (QA117 F3)
            self.refused.setdefault(offset, (differs[0], row.source, differs[1], differs[2]))
            return None
        self.taken.add(offset)
        if not by_path and (near := self.paths.best(row.path_parts(), self.batch, self.taken)) is not None:
            self.by_id.setdefault(near, (row.source, counterpart.source))  # its path meets this one (QA307 4)
        if by_path:  # the later of equals are told which one the project took (QA175 F2)
            path = row.path_parts()
            for tie in self.paths.equals(path, self.batch, offset, shared(path, counterpart.path_parts())):
                self.tied.setdefault(tie, (counterpart.source, row.source))
        if row.ok and offset in years.values():  # scored: no later project of the id takes it again
            self.paired.add(offset)
            self.took[offset] = year
            self.taker[offset] = row.source, row.id_key
        if counterpart.ok:
            self.matched.add(offset)
            (self.to_scored if row.ok else self.to_failed).add(offset)
        elif offset not in self.told:
            self.told.add(offset)
            self.to_tell = counterpart
        return counterpart

    def _years(self, row: ProjectRow) -> dict[str, int]:
        """The re-checks of a project's id by year: those giving it as written; else, where the re-checks write it in one
        way only in another letter case (p002 for P002), those; XM-a01 meets its own XM-a01, never XM-A01, which the
        batch's check of ids given twice tells from it (QA334 F1)."""
        if not row.id_key:
            return {}
        if row.id_key in self.years:
            return self.years[row.id_key]
        spellings = self.spellings.get(row.id_key.casefold(), ())
        return self.years[next(iter(spellings))] if len(spellings) == 1 else {}

    def _missed(self, row: ProjectRow) -> None:
        """For a project without an id that met no re-check: one with an id its path meets, of its name and year (QA307 4)."""
        if not row.id_key and (near := self.with_ids.best(row.path_parts(), self.batch, self.taken)) is not None and \
                _differs(row, self.kept.at(near)) is None:
            self.id_only.setdefault(near, row.source)

    def failed_unmatched(self) -> Iterator[ProjectRow]:
        """The re-checks that failed and that no project took, in the order read."""
        return (self.kept.at(offset) for offset in self.failed_at if offset not in self.told)

    def elsewhere(self, row: ProjectRow) -> str:
        """For a project its id's re-check without a year did not meet, the year of the project of another year that took
        it ('未填写' for none); '' for any other (QA117 F6: the 2024 project it was made for said only 未抽查复核)."""
        offset = self._years(row).get("")
        taken = self.took.get(offset) if offset is not None else None
        return (taken or "未填写") if taken is not None and taken != same_year(row.project.get("year")) else ""

    def taken_by(self, row: ProjectRow) -> str:
        """For a project its id's re-check did not meet, the project of that id read first that took it; '' for any other
        (QA307 7: the second document of one id and year said 未抽查复核, its re-check compared with the first)."""
        years, year = self._years(row), same_year(row.project.get("year"))
        key = next((key for key in ((year, "") if year else ("",)) if key in years), None)
        source, taker_id = self.taker.get(years[key], ("", "")) if key is not None else ("", "")
        return source if taker_id == row.id_key else ""  # P002 took the re-check p002 before p002 came: no id twice

    def unmatched(self) -> int:
        """Scored re-check projects that matched no project of the batch (one whose project failed is matched)."""
        return self.scored - len(self.matched)

    def unmatched_shown(self) -> tuple[Unmatched, ...]:
        """Source, id and year of the first SHOWN_UNMATCHED re-checks that matched nothing (a mistyped 项目编号 is found by
        its file), and the years the batch's projects of that id give: a re-check of 2024 finds no project of that id
        without a year (QA39 F12), and the clerk is told which year to write; and why one its path met was not compared."""
        offsets = itertools.islice((offset for offset in self.scored_at if offset not in self.matched), SHOWN_UNMATCHED)
        rows = [(offset, self.kept.at(offset)) for offset in offsets]
        return tuple(Unmatched(r.source, r.project.get("id", ""), r.project.get("year", ""),
                               "、".join(y or "未填写" for y in sorted(self.batch_years.get(r.id_key.casefold(), ()))),
                               *self._refused(offset, r)) for offset, r in rows)

    def _refused(self, offset: int, recheck: ProjectRow) -> tuple[str, ...]:
        """What the project its path met names otherwise, where, its own and the re-check's words; else the re-check
        read first that took its project: of the same id and year, or as near by path, and the project; for one giving no
        year, the re-check of the project's own year that took it, and that year; () if none."""
        if offset in self.refused:
            return self.refused[offset]
        first = self.years.get(recheck.id_key, {}).get(same_year(recheck.project.get("year"))) if recheck.id_key else None
        if first is not None and first != offset and first in self.taken:  # its id given twice (QA175 F2)
            return "duplicate", self.kept.at(first).source
        if recheck.id_key and not same_year(recheck.project.get("year")):  # the project took its year's (QA180 F8)
            batch_years = self.batch_years.get(recheck.id_key.casefold(), ())
            for year, taker in self.years.get(recheck.id_key, {}).items():
                if year in batch_years and year and taker in self.taken:
                    return "year", self.kept.at(taker).source, year
        if offset in self.tied:
            return "tied", *self.tied[offset]
        if offset in self.by_id:  # its id's re-check took the project its path meets (QA307 4)
            return "by_id", self.by_id[offset][0], "", self.by_id[offset][1]
        if offset in self.id_only:  # it gives an id the project its path meets does not
            return "id_only", self.id_only[offset], "", recheck.project.get("id", "")
        shared, alike = self.batch.alike(recheck.path_parts()) if not recheck.id_key else (0, 0)
        if alike > 1:  # as many documents of the batch end like it: the file name alone says neither (QA307 4)
            return "alike", "/".join(PurePosixPath(recheck.source).parts[-shared:]), str(alike)
        if not recheck.id_key and not shared:  # no document of the batch has its file name (QA332 F3)
            return ("no_path",)
        if recheck.id_key and not self.batch_years.get(recheck.id_key.casefold()):  # nor its id: mistyped, or not of this batch
            return "no_id", "", "", recheck.project.get("id", "")
        return ()


def _document(source: str) -> tuple[str, str]:
    """The file a document's source names, as the system finds it through links, and its JSONL line ('' for a file)."""
    path, colon, line = source.rpartition(":")
    if colon and line.isdigit() and os.path.isfile(path):
        return os.path.realpath(path), line
    return os.path.realpath(source), ""


def _differs(row: ProjectRow, recheck: ProjectRow) -> tuple[str, str, str] | None:
    """What a re-check matched by its path gives otherwise than the project (its project name, its unit, else its year:
    another year is another project-year, as by id, QA235 1), with the project's and its own; None when both give the
    same, or either leaves it out. A name spelt with spaces or full-width is the same, 2024 and 2024年度 too."""
    for key in ("name", "unit"):
        ours, theirs = row.project.get(key, ""), recheck.project.get(key, "")
        if ours and theirs and same_name(ours) != same_name(theirs):
            return key, ours, theirs
    ours, theirs = same_year(row.project.get("year")), same_year(recheck.project.get("year"))
    if ours and theirs and ours != theirs:
        return "other_year", ours, theirs
    return None
