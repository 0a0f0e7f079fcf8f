"""The file `batch --reports DIR` leaves in DIR, naming the reports it wrote there, so that a later batch searching a
folder above DIR does not read them as projects (QA34 F4: forms a run wrote scored again, every figure doubled), and
reads everything else in DIR (QA35 F3, QA37 F3/F4: projects kept or later put there are never passed over).

Beside each name the mark records what the report is of (`report_source`), in a line an earlier version reads as a
comment: a later run refuses, before it writes anything, to replace a report of another project under the same name
(QA182 F1: 甲/自评.json's 000001-自评.html replaced by 乙/自评.json's), and says of each report it did not write
again why (QA182 F5). A JSONL line's report also records which project the line held (`line_project`): a line removed
above it moves another project onto its place, whose report is refused as another project's (QA185 F5).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .._text import without_surrogates
from ..errors import Problem, ScoringEngineError
from .duplicates import same_id
from .._patterns import compile_later

__all__ = ["REPORTS_MARK", "EarlierReport", "earlier_reports", "line_project", "listed_reports", "mark_reports",
           "note_report", "noted_reports", "remove_temporaries", "reports_held", "replaced", "report_projects", "report_source",
           "report_sources", "reports_written"]

#: The mark's file name (hidden: a folder search never reads a file whose name starts with a dot).
REPORTS_MARK = ".scoring-engine-reports"
_LISTED_FIRST = "# 每份报告写出之前先在此记下文件名。"  # a mark that says so lists every report (QA42 F1, F2)
_HEAD = ("# scoring-engine batch --reports 写出的报告，批量评分搜索文件夹时不作为项目读取。\n"
         "# 以下为这些报告的文件名；本文件夹中的其他文件照常读取。\n" + _LISTED_FIRST + "\n")
_MOST = 10_000_000  # bytes of a mark read: names of a province's reports fit many times over
_PIECE = 65_536  # bytes read at a time
_SOURCE = "# 来源\t"  # '# 来源<tab>000001-a.html<tab>/data/a.json': what a report is of (a comment to earlier versions)
_PROJECT = "# 项目\t"  # '# 项目<tab>000001-q-1.html<tab>["P1"]': the project a JSONL line's report is of (QA185 F5)
_BREAKS = compile_later("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # what would end a line of the mark, or its field


_LINE = compile_later(r"(.+):(\d+)")  # what a JSONL line's report is of: its file's real path, a colon, the line


#: How `batch.task.report_name` names a report: its place in the input, a dash, its source, a report format's extension.
_REPORT_NAME = compile_later(r"\d{6}-.+\.(?:html|md|txt|csv|json|xlsx)", re.IGNORECASE)


def reports_written(folder: str | Path) -> Callable[[str], bool]:
    """Whether a file of `folder`, which holds a mark, is a report a run wrote: one the mark lists. A mark of an earlier
    version, which listed a report only once the run had it back from its worker, or none at all (QA39 F1, F2), also
    covers the files named as reports are; a mark that lists each report before it is written covers no more than it
    lists, so that a project named so (510104-锦江区.json) is read (QA42 F1)."""
    text = _read(Path(folder) / REPORTS_MARK) or ""
    listed = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    if _LISTED_FIRST in text:
        return lambda name: name in listed
    return lambda name: name in listed or _REPORT_NAME.fullmatch(name) is not None


def listed_reports(folder: str | Path) -> frozenset[str]:
    """The reports the mark of `folder` lists that are there: what earlier runs wrote, before this one writes."""
    text = _read(Path(folder) / REPORTS_MARK)
    try:
        there = set(os.listdir(folder))
    except OSError:
        return frozenset()
    if text is None:
        return frozenset()
    return frozenset(name for line in text.splitlines() if (name := line.strip()) and not name.startswith("#")
                     and name in there)


def report_source(source: str, path: str | os.PathLike[str] | None, line: int | None) -> str:
    """What a report is of, as the mark records it: its document's real path (with the line of a JSONL file), the same
    from whatever folder a run starts; a document a program passes as parsed facts, its source."""
    where = source if path is None else os.path.realpath(path) + (f":{line}" if line is not None else "")
    # a name's byte that is not UTF-8 (a GBK name from a Windows zip) as its escape, as the outputs show it (QA224 1)
    return _BREAKS.sub(lambda found: f"\\u{ord(found.group()):04x}", without_surrogates(where))


def line_project(text: str | bytes | None) -> str | None:
    """Which project a JSONL line holds, as the mark records it: its id as ids are compared (["P1"]), else its name and
    unit (["", "项目A", "某市民政局"]); None for a line that is no JSON object (no report is written of it).

    >>> line_project('{"project": {"id": " Ｐ1 ", "name": "项目A"}}'), line_project('{"project": {"name": "项目A"}}')
    ('["P1"]', '["", "项目A", ""]')
    """
    try:
        document = json.loads(text) if text is not None else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    project = document.get("project")
    project = project if isinstance(project, dict) else {}
    project_id = project.get("id")
    key = same_id(project_id) if project_id is not None and not isinstance(project_id, (dict, list)) else ""
    parts = [key] if key.strip() else ["", *(str(project.get(field) or "").strip() for field in ("name", "unit"))]
    return _BREAKS.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(parts, ensure_ascii=False))


def _shown(project: str) -> str:
    """A project as line_project records it, for a message: its id, or its name and unit."""
    return " ".join(str(part) for part in json.loads(project) if part) or "?"


def _readable(project: str) -> bool:
    """Whether a project the mark records is as line_project writes it: a list of texts (a mark cut short or edited by
    hand may hold anything, which is never shown: QA187 F4)."""
    try:
        parts = json.loads(project)
    except (ValueError, RecursionError):
        return False
    return isinstance(parts, list) and len(parts) in (1, 3) and all(isinstance(part, str) for part in parts)


def replaced(report: Path, source: str, of: str, earlier: str | None, project: str | None = None,
             was: str | None = None) -> Problem | None:
    """Why this run must not write `report` (the report of `source`, what it is `of`), a file already there of which
    the mark records `earlier`: the report of another project (QA182 F1), of a document no longer there (the same
    project perhaps, its folder renamed: QA184 F5), or a file of which nothing is known (QA184 F4); None: the same
    project's. Of a JSONL line, `project` is the project it holds now and `was` the one the mark records: the same line
    holding another project (a line removed above it), or one the mark does not record, is refused too (QA185 F5)."""
    name = report.name
    if earlier == of and project is not None and was != project and _plain_file(report):
        return _line_replaced(name, source, project, was, report)
    if earlier is None:
        if not _plain_file(report):  # a link, a pipe: said as the report is written (it is never written through)
            return None
        return Problem(f"the report {name} of {source} would replace the file of that name in the reports folder, whose "
                       "project is not known (written by an earlier version, or not by batch)", file=str(report),
                       hint="write this batch's reports in another folder (--reports), or delete the earlier reports")
    if earlier == of:
        return None
    if _gone(earlier):  # the same project's perhaps, its folder renamed: its content is not known, so it is not assumed
        return Problem(f"the report {name} of {source} would replace the report of {earlier}, which an earlier run wrote "
                       "under the same name and is no longer there (its folder renamed or moved?)", file=str(report),
                       hint="if it is the same project, delete the earlier reports and run again; else write this "
                            "batch's reports in another folder (--reports)")
    return Problem(f"the report {name} of {source} would replace the report of {earlier}, which an earlier run wrote "
                   "under the same name", file=str(report),
                   hint="write this batch's reports in another folder (--reports), or delete the earlier report")


def _line_replaced(name: str, source: str, project: str, was: str | None, report: Path) -> Problem:
    if was is None or not _readable(was):  # not recorded (an earlier version's mark), or not readable (QA187 F4)
        why = "written by an earlier version, which knew a JSONL line by its place only" if was is None else \
            f"its record in the reports folder's {REPORTS_MARK} cannot be read"
        return Problem(f"the report {name} of {source} would replace the report an earlier run wrote of the same line, "
                       f"whose project is not known ({why})", file=str(report),
                       hint="write this batch's reports in another folder (--reports), or delete the earlier reports")
    # the project's name, unit or id edited is as another project: the line's place tells no more (QA187 F4)
    return Problem(f"the report {name} of {source} ({_shown(project)}) would replace the report an earlier run wrote of "
                   f"the same line, whose project is not the one it held then ({_shown(was)}): the project's name, unit "
                   "or id changed, or lines before it were added or removed", file=str(report),
                   hint="write this batch's reports in another folder (--reports), or delete the earlier reports")


def _gone(source: str) -> bool:
    """Whether a recorded source is a document's path (a JSONL file's with :N) that is no longer there."""
    path = re.sub(r":\d+$", "", source)
    return os.path.isabs(path) and not os.path.lexists(path) and not os.path.lexists(source)


def _plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def report_sources(folder: str | Path) -> dict[str, str]:
    """Name → what it is of, for the reports the mark of `folder` lists with their source (a mark of an earlier version
    records none)."""
    return _sources(_read(Path(folder) / REPORTS_MARK) or "")


def report_projects(folder: str | Path) -> dict[str, str]:
    """Name → the project its JSONL line held (line_project), for the reports of JSONL lines the mark of `folder` records
    so (a mark of an earlier version records none)."""
    return _sources(_read(Path(folder) / REPORTS_MARK) or "", _PROJECT)


def _read(mark: Path) -> str | None:
    """The mark's text (its first _MOST bytes), or None when it cannot be read. Read in pieces as long as the mark is:
    read(_MOST) set aside all _MOST bytes before reading any, and a run short of memory, its outputs in place, failed
    on it (QA193 F4)."""
    pieces: list[bytes] = []
    left = _MOST
    try:
        with open(mark, "rb") as handle:
            while left > 0 and (piece := handle.read(min(left, _PIECE))):
                pieces.append(piece)
                left -= len(piece)
    except OSError:
        return None
    return b"".join(pieces).decode("utf-8", "replace").lstrip("\ufeff")


def _sources(text: str, kind: str = _SOURCE) -> dict[str, str]:
    return dict(line[len(kind):].split("\t", 1) for line in text.split("\n")
                if line.startswith(kind) and "\t" in line[len(kind):])


class EarlierReport(str):
    """The name of a report an earlier run wrote that this one did not write again, with why: `why` failed (the
    project failed now), gone (it is no longer an input), renamed (written now as `now`: renumbered, or in another
    format), line_renamed or line_gone (a JSONL line renumbered, or no project now: its project perhaps on another line),
    or "" (its mark, an earlier version's, does not say what it is of)."""

    why: str
    now: str

    def __new__(cls, name: str, why: str = "", now: str = "") -> EarlierReport:
        made = super().__new__(cls, name)
        made.why, made.now = why, now
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return EarlierReport, (str(self), self.why, self.now)


def earlier_reports(stale: Iterable[str], sources: Mapping[str, str], planned: Mapping[str, str],
                    reported: Iterable[str]) -> list[EarlierReport]:
    """The reports of `stale` with why each was not written again: `sources` what each earlier report is of, `planned`
    what each report this run would write is of (its inputs), `reported` those it wrote. A JSONL line is known by its
    place only: a line of a file still read that is now renumbered, or no project, is said to be (line_renamed,
    line_gone), its project perhaps moved to another line (QA184 F6)."""
    written = {planned[name]: name for name in reported if name in planned}
    inputs = set(planned.values())
    files = {line.group(1) for of in inputs if (line := _LINE.fullmatch(of))}
    found = []
    for name in stale:
        source = sources.get(name)
        why = "" if source is None else "renamed" if source in written else "failed" if source in inputs else "gone"
        if why in ("renamed", "gone") and source is not None and (line := _LINE.fullmatch(source)) and line.group(1) in files:
            why = f"line_{why}"
        found.append(EarlierReport(name, why, written.get(source, "") if source is not None else ""))
    return found


def note_report(folder: Path, name: str, source: str | None = None, project: str | None = None) -> None:
    """List `name` in the mark of `folder` before the report is written (by the worker that writes it): a run stopped
    at any time leaves no report unlisted (QA42 F2). A line appended, as each worker does at once; nothing when the
    mark is not there (the run could not make it) or is a link."""
    try:
        handle = os.open(folder / REPORTS_MARK, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    with contextlib.suppress(OSError), os.fdopen(handle, "ab") as mark:  # one write: the name and what it is of
        mark.write((f"{name}\n" + (f"{_SOURCE}{name}\t{source}\n" if source is not None else "")
                    + (f"{_PROJECT}{name}\t{project}\n" if project is not None else "")).encode())


def mark_reports(folder: Path, names: Iterable[str]) -> None:
    """List `names` (the reports this run wrote in `folder`) in its mark, with those it listed before, written whole
    (a temporary file renamed); a mark that is a link is left as it is (QA39 F6), and one that cannot be written too:
    the reports themselves said so when they could not be."""
    mark = folder / REPORTS_MARK
    if mark.is_symlink():
        return
    before = _read(mark)  # None: no mark yet
    listed = {line.strip() for line in (before or "").splitlines() if line.strip() and not line.startswith("#")} | set(names)
    if before is not None and _LISTED_FIRST not in before:  # an earlier version's mark (an empty one too, QA45 F1) covered
        with contextlib.suppress(OSError):  # its reports by their names: listed now, or they would be projects (QA43 F1)
            listed |= {name for name in os.listdir(folder) if _REPORT_NAME.fullmatch(name)}
    temporary = folder / f"{REPORTS_MARK}.tmp"
    try:
        with contextlib.suppress(OSError):
            sources = _sources(before or "")  # kept for the reports listed: the next run checks them (QA182 F1)
            projects = _sources(before or "", _PROJECT)  # and a JSONL line's project, a line's report of one (QA185 F5)
            temporary.write_text(_HEAD + "".join(f"{name}\n" for name in sorted(listed))
                                 + "".join(f"{_SOURCE}{name}\t{sources[name]}\n" for name in sorted(listed) if name in sources)
                                 + "".join(f"{_PROJECT}{name}\t{projects[name]}\n" for name in sorted(listed)
                                           if name in projects and _LINE.fullmatch(sources.get(name, ""))),
                                 encoding="utf-8")
            os.replace(temporary, mark)
    finally:  # written or not (memory short, Ctrl-C as it is written: QA198 3), no temporary is left in the folder
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def noted_reports(folder: Path) -> frozenset[str]:
    """Every report the mark of `folder` lists, there or not: those a worker noted before writing them too."""
    text = _read(folder / REPORTS_MARK) or ""
    return frozenset(name for line in text.splitlines() if (name := line.strip()) and not name.startswith("#"))


_TEMPORARY = compile_later(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")  # what write_atomically writes a report as, till it is whole
_CUT = 200  # bytes of a name from which write_atomically may have cut it to fit the temporary's name


def remove_temporaries(folder: Path, names: Iterable[str]) -> None:
    """Remove the temporary files of the reports `names` left in `folder`: a worker killed as it wrote one (for want of
    memory) leaves it, full size (QA193 F3). Only regular files named as write_atomically names a temporary of one of
    them (`.NAME.XXXXXXXX.tmp`, NAME cut to fit where long): another's files are left alone."""
    wanted = set(names)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _TEMPORARY.fullmatch(entry.name)
        if found is None:
            continue
        stem = found.group(1)
        if stem not in wanted and not (len(os.fsencode(stem)) >= _CUT and any(n.startswith(stem) for n in wanted)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


@contextlib.contextmanager
def reports_held(folder: Path | None) -> Iterator[None]:
    """While the body runs, the reports folder is this run's: a second batch into it, while this one runs, is refused
    before it does anything. It took the first run's reports being written for a killed run's leftovers and removed
    them, and the first run failed on the report it was writing, its summary lost (QA216 2); the two would also write
    each other's reports and mark. The folder itself is locked (flock, no file is left in it), held by the run's
    workers too, and let go when the run ends, however it ends; where the system has no such lock (Windows, a share
    that takes none) the run goes on unheld, as before."""
    try:
        import fcntl
    except ImportError:  # Windows
        fcntl = None  # type: ignore[assignment]
    handle = None
    if folder is not None and fcntl is not None:
        with contextlib.suppress(OSError):  # a folder that cannot be opened: writing in it says why
            handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if handle is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as err:
                if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise ScoringEngineError(Problem(
                        "another batch is writing its reports into this folder now", file=str(folder),
                        hint="wait until it ends, or give this run another reports folder (--reports)")) from None
        yield
    finally:
        if handle is not None:
            os.close(handle)
