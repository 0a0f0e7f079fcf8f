"""What a batch reads: facts files, filled 自评表 workbooks, folders of them, and JSONL files of facts, in a stable order.

Folders are searched recursively in sorted order; hidden folders and files (``.git``, ``.venv``) are skipped, and so are
the lock files Excel and WPS leave beside an open workbook (``~$表.xlsx``), case files (``*.cases.yaml``) and indicator
sets (a YAML file whose top level has ``indicators:`` or ``extends:``, a profile, or no ``facts:``). A JSONL file gives one
document per non-blank line; a workbook (``.xlsx``, ``.xlsm``) is one filled form. Documents are produced lazily, so a batch
of 10⁵ projects never holds them all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .._archives import ARCHIVE_SUFFIXES, may_hold_projects
from .._encodings import UTF16_MARKS, UTF32_MARKS, decode, utf16_unmarked, utf32_unmarked
from .._typing_slips import UTF16_HINT, old_workbook
from .._command_line import as_argument
from .._files import not_a_regular_file
from .._permissions import FOLDER_RIGHT, read_right
from .._old_workbooks import xml_spreadsheet
from .._other_kinds import A_SUMMARY, OTHER_WORKBOOKS, SUMMARY_LINE, other_workbook
from .._text import without_surrogates
from ..errors import FactsError, Problem
from ..forms.reader import FORM_SUFFIXES
from .documents import Document, through_links
from ..loader import MAX_FACTS_BYTES
from .arguments import paths_given
from .file_kinds import A_SUMMARY_HINT, JSONL_SUFFIX, batch_summary, holds_facts, not_facts, regular
from .matching import Paths, parts
from .reports_mark import REPORTS_MARK, reports_written
from .._patterns import compile_later

__all__ = ["Document", "as_rechecks", "find_documents", "count_documents", "batch_paths", "not_facts", "searched_files",
           "searched_paths", "FACTS_SUFFIXES", "FORM_SUFFIXES", "JSONL_SUFFIX"]

#: Files a folder search takes as facts files (YAML ones only when they hold facts, not a set).
FACTS_SUFFIXES = (".json", ".yaml", ".yml")
_CASES_SUFFIX = ".cases.yaml"
_LOCK_PREFIX = "~$"  # Excel's and WPS's lock file beside a workbook that is open: not a form
_CHUNK = 1 << 20
NOTHING_FOUND = "nothing to score below this folder: no facts file, filled form or JSONL file"
ONLY_REPORTS = "this folder holds only the reports an earlier batch --reports wrote, which are not projects"
ONLY_REPORTS_HINT = "give the facts files or forms they were made from, or a report by its file name to score it again"
ONLY_SUMMARIES = ("nothing to score below this folder: no facts file, filled form or JSONL file, only the summaries "
                  "an earlier batch wrote, which are left out")
ONLY_SUMMARIES_HINT = "give the facts files or forms they summarised"
TAKEN_HINT = "give the folder of the projects to score as the input, and the re-check's with --compare-with"
#: A name that ends in spaces or dots after a suffix the search reads ('P2024003.xlsx ', unzipped from a Windows zip): the
#: search finds it, to say so, rather than leave the project out (QA186 F4); an old workbook ('e.xls ', 'g.et.') too, which
#: the search finds to say to save it as .xlsx (QA187 F6).
_OLD_KINDS = "|".join(re.escape(suffix[1:]) for suffix in (".xls", ".et", *OTHER_WORKBOOKS))
_MISNAMED = compile_later(rf".*(\.(?:json|jsonl|ya?ml|xlsx|xlsm|{_OLD_KINDS}))([ .]+)\Z", re.IGNORECASE | re.DOTALL)


def find_documents(inputs: Iterable[str | os.PathLike[str]], skip: Iterable[str | os.PathLike[str]] = (),
                   taken: Iterable[str | os.PathLike[str]] = (),
                   rechecks: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Document]:
    """The documents of each input in turn: a facts file or form, every one below a folder, each line of a JSONL file.

    A folder below which nothing is found (no facts file, form or JSONL file) gives a document that failed, saying so.
    A folder search leaves out the files and folders in `skip` (a batch's own outputs and reports folder, which a second
    run would otherwise read as projects) and in `taken` (the re-check's, inside a folder of the batch): a folder whose
    projects were all taken so is a document that failed too, saying so. A link to a folder is one too, unless it leads
    into an input folder, the folder of an output, a folder of `skip` or one of `rechecks` (--compare-with). Raises
    FactsError naming each input that is neither a file nor a folder, at once (before any document is read), and
    TypeError for an input that is not a path.
    """
    given, skipped, nested = paths_given("inputs", inputs), paths_given("skip", skip), paths_given("taken", taken)
    paths = [Path(p) for p in given]
    missing = [problem for problem in map(_unreachable, paths) if problem is not None]
    if missing:
        raise FactsError(missing)
    return _documents(paths, _Skipped((*skipped, *nested), paths_given("rechecks", rechecks)), _Skipped(nested))


class _Skipped:
    """The files and folders a folder search leaves out, by their real path."""

    def __init__(self, skip: Iterable[str | os.PathLike[str]], rechecks: Iterable[str | os.PathLike[str]] = ()):
        self.given = {os.path.realpath(p): str(p) for p in skip}
        self.paths = set(self.given)
        self.folders = tuple(p + os.sep for p in self.paths)
        # where a link to a folder leads without a word (QA334 F2): the folder an output is written in, a re-check folder
        self.outputs_in = {os.path.dirname(p) for p in self.paths if not os.path.isdir(p)}
        self.rechecks = tuple(os.path.join(os.path.realpath(p), "") for p in rechecks)

    def linked(self, real: str) -> bool:
        """Whether a link to the folder `real` leads into what the batch writes or compares with: no project to tell of."""
        return real in self or real in self.outputs_in or os.path.join(real, "").startswith(self.rechecks)

    def __contains__(self, real: str) -> bool:
        return bool(self.paths) and (real in self.paths or real.startswith(self.folders))

    def below(self, folder: Path) -> list[str]:
        """Those inside `folder`, as given."""
        real = os.path.realpath(folder) + os.sep
        return [given for path, given in self.given.items() if path.startswith(real)]


def _unreachable(path: Path) -> Problem | None:
    """Why an input cannot be read at all (it does not exist, or a folder on the way cannot be entered), or None."""
    try:
        os.stat(path)  # (not Path.exists, which takes links in a circle for nothing there: QA163 F8)
    except OSError as err:
        if err.errno not in (errno.ENOENT, errno.ENOTDIR):
            return Problem(f"cannot read: {err.strerror or err}", file=without_surrogates(str(path)))
    except UnicodeEncodeError:  # a name the locale cannot hold: said by the command (_path_encoding)
        raise
    except ValueError:  # a NUL in the name: no file has it
        pass
    else:
        return None
    return Problem("no such file or folder", file=without_surrogates(str(path)))


def _documents(paths: list[Path], skip: _Skipped, taken: _Skipped) -> Iterator[Document]:
    read: set[str] = set()  # each file once, however the inputs overlap (a folder and a folder inside it)
    wholes: dict[Path, Path] = {}  # each folder with its links followed, found once for all its files
    searched = _searched(paths)
    for path in paths:
        unread: list[_Unread] = []
        folder = path.is_dir()
        files = _facts_files(path, unread) if folder else [path]
        # a folder below that cannot be listed, or a link to a folder outside the inputs: its projects would be missing
        # without a word; each is said at its place among the files (QA332 F2, F6)
        said = [(entry.path.relative_to(path).parts, entry.document()) for entry in _told(unread, searched, skip, read)]
        if folder and not files and not said:  # an empty folder, or one of sets only: not a batch of nothing
            where = without_surrogates(str(path))
            yield Document(source=where, problem=Problem(NOTHING_FOUND, file=where) if not (path / REPORTS_MARK).exists()
                           else Problem(ONLY_REPORTS, file=where, hint=ONLY_REPORTS_HINT))
        # only an earlier batch's summaries below it (or this one's outputs), left out: nothing to score (QA163 F5)
        summaries_only = bool(folder and files and not said)
        if folder and files and (taken_here := taken.below(path)) and all(os.path.realpath(f) in skip for f in files):
            where = without_surrogates(str(path))  # its projects are the re-check's: not a batch of nothing (QA117 F2)
            taken_as = "nothing to score below this folder: its projects were taken as the re-check (--compare-with {})"
            yield Document(source=where, problem=Problem(taken_as.format(", ".join(taken_here)), file=where, hint=TAKEN_HINT))
            summaries_only = False
        for file in files:
            while said and folder and said[0][0] < file.relative_to(path).parts:
                yield said.pop(0)[1]
            whole = without_surrogates(through_links(file, wholes).as_posix())  # its matched_by, links followed
            real = _real(file, wholes)
            if real in read or (folder and real in skip):
                summaries_only = summaries_only and real not in read  # a project read through another input is read
                continue
            read.add(real)
            if folder and (misnamed := _misnamed(file)) is not None:
                summaries_only = False
                yield misnamed
                continue
            jsonl = file.suffix.lower() == JSONL_SUFFIX
            if (not folder or not jsonl) and batch_summary(file):  # an earlier run's output: given by name said so
                if not folder:
                    shown = without_surrogates(str(file))
                    yield Document(source=shown, problem=Problem(A_SUMMARY, file=shown, hint=A_SUMMARY_HINT))
                continue
            name = without_surrogates(file.relative_to(path).as_posix() if folder else file.name)
            if jsonl:  # below a folder, each line of an earlier run's results is left out, and every other line read
                for document in _lines(file, name, skip_results=folder):
                    summaries_only = False
                    yield document
            else:
                summaries_only = False
                yield Document(source=without_surrogates(str(file)), name=name, path=file, folder=file.parent, whole=whole)
        yield from (document for _, document in said)
        if summaries_only:
            where = without_surrogates(str(path))
            yield Document(source=where, problem=Problem(ONLY_SUMMARIES, file=where, hint=ONLY_SUMMARIES_HINT))


class _Unread(NamedTuple):
    """A folder below an input that its search does not read: one that cannot be listed (`why`), or a link to a folder,
    which is not followed (a link loop would never end)."""

    path: Path
    why: OSError | None = None

    def document(self) -> Document:
        where = without_surrogates(str(self.path))
        if self.why is not None:
            return Document(source=where, problem=Problem(f"cannot read this folder: {self.why.strerror or self.why}",
                                                          file=where, hint=read_right(self.why, FOLDER_RIGHT)))
        target = os.readlink(self.path)  # as the link names it, from the folder as given: a path to type
        shown = without_surrogates(os.path.normpath(self.path.parent / target) if not os.path.isabs(target) else target)
        return Document(source=where, problem=Problem(
            f"this is a link to the folder {shown}, which a folder search does not follow", file=where,
            hint=_AS_INPUT + as_argument(shown)))


_AS_INPUT = "give that folder itself as an input: "


def as_rechecks(documents: Iterator[Document]) -> Iterator[Document]:
    """The re-check's documents (--compare-with): a link to a folder in it is told to add that folder to the re-check,
    not to give it as an input of the batch (QA334 F6)."""
    for document in documents:
        problem = document.problem
        if problem is not None and problem.hint is not None and problem.hint.startswith(_AS_INPUT):
            added = f"add that folder to the re-check with --compare-with: {problem.hint.removeprefix(_AS_INPUT)}"
            yield replace(document, problem=replace(problem, hint=added))
        else:
            yield document


def _searched(paths: list[Path]) -> tuple[str, ...]:
    """The input folders, by their real path, each ending in a separator."""
    return tuple(os.path.join(os.path.realpath(path), "") for path in paths if path.is_dir())


def _told(unread: list[_Unread], searched: tuple[str, ...], skip: _Skipped, read: set[str]) -> list[_Unread]:
    """The folders not read that are said, each once (`read`, shared with the files): not a link into a folder the batch
    searches anyway, nor into its outputs, reports or re-check (`skip.linked`)."""
    told = []
    for entry in unread:
        real = os.path.realpath(entry.path)
        if entry.why is None and (os.path.join(real, "").startswith(searched) or skip.linked(real)):
            continue
        key = real if entry.why is not None else os.path.join(os.path.realpath(entry.path.parent), entry.path.name)
        if key not in read:
            read.add(key)
            told.append(entry)
    return sorted(told, key=lambda entry: entry.path.parts)


def batch_paths(inputs: Iterable[str | os.PathLike[str]], skip: Iterable[str | os.PathLike[str]] = ()) -> Paths:
    """The whole path of each file find_documents reads (a JSONL file once, for its lines): what tells which project a
    re-check without an id is of (`matching`)."""
    found = Paths(exact=True)
    read: set[str] = set()
    skipped = _Skipped(skip)
    for path in (Path(p) for p in inputs):
        folder = path.is_dir()
        for file in _facts_files(path, []) if folder else [path]:
            real = os.path.realpath(file)
            if real not in read and not (folder and real in skipped):
                read.add(real)
                path_name = without_surrogates(through_links(file).as_posix())
                found.add(parts(path_name), written=parts(path_name, exact=True))
    return found


def _real(file: Path, folders: dict[Path, Path]) -> str:
    """os.path.realpath(file), with its folder's links followed once for all the files of the folder (`folders`)."""
    return os.path.realpath(file) if os.path.islink(file) else os.fspath(through_links(file, folders))


def count_documents(inputs: Iterable[str | os.PathLike[str]], skip: Iterable[str | os.PathLike[str]] = (),
                    taken: Iterable[str | os.PathLike[str]] = (), rechecks: Iterable[str | os.PathLike[str]] = ()) -> int:
    """How many documents find_documents gives, reading JSONL files only to count their lines (for the progress line)."""
    total = 0
    read: set[str] = set()
    wholes: dict[Path, Path] = {}
    nested = _Skipped(taken)
    skipped = _Skipped((*skip, *nested.given.values()), rechecks)
    paths = [Path(p) for p in inputs]
    searched = _searched(paths)
    for path in paths:
        unread: list[_Unread] = []
        folder = path.is_dir()
        files = _facts_files(path, unread) if folder else [path]
        said = len(_told(unread, searched, skipped, read))
        total += said + (folder and not files and not said)
        taken_only = bool(folder and files and nested.below(path) and all(os.path.realpath(f) in skipped for f in files))
        total += taken_only
        summaries_only = bool(folder and files and not said and not taken_only)  # one error, as _documents says
        for file in files:
            real = _real(file, wholes)
            if real in read or (folder and real in skipped):
                summaries_only = summaries_only and real not in read
                continue
            read.add(real)
            count = _counted(file, folder)
            summaries_only = summaries_only and not count
            total += count
        total += summaries_only
    return total


def _counted(file: Path, folder: bool) -> int:
    """The documents of one file: a JSONL file's lines (none when, below a folder, every one is an earlier run's result);
    none for an earlier run's summary below a folder, one error for it given by name; one for any other file."""
    if folder and _misnamed(file) is not None:
        return 1
    if file.suffix.lower() == JSONL_SUFFIX:
        if not folder:
            return 1 if batch_summary(file) else _count_lines(file)
        return 0 if batch_summary(file) and not _holds_projects(file) else _count_lines(file)
    return 0 if folder and batch_summary(file) else 1


def _facts_files(folder: Path, unread: list[_Unread]) -> list[Path]:
    """The facts files, forms and JSONL files below `folder`, sorted by their path below it (a/1.json, a/b/2.xlsx, c.jsonl);
    each folder that cannot be listed, and each link to a folder (not followed), is added to `unread`."""
    found = []
    for top, dirs, files in os.walk(folder, onerror=lambda err: unread.append(_Unread(Path(err.filename), err))):
        # an earlier run's --reports folder, given itself too (QA39 F4): the reports it wrote are no projects (QA34 F4),
        # anything else is read
        written = reports_written(top) if REPORTS_MARK in files else None
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        unread.extend(_Unread(Path(top) / d) for d in dirs if os.path.islink(os.path.join(top, d)))
        for name in files:
            lower = name.lower()
            if name.startswith((".", _LOCK_PREFIX)) or lower.endswith(_CASES_SUFFIX) or (written and written(name)):
                continue
            path = Path(top) / name
            if _read_in_search(path, lower):
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def _read_in_search(path: Path, lower: str) -> bool:
    """Whether a folder search reads the file at `path` (its name in lower case `lower`), when it meets it: an old
    workbook (.xls, WPS's .et) or a spreadsheet of another kind (.ods, .xlsb, .xltx) too, which fails saying to save it
    as .xlsx, and a name ending in spaces or dots after a suffix it reads, which fails saying to rename it (a unit's
    form is never left out unsaid); an Excel 2003 XML spreadsheet (.xml) too, a form saved as one, which fails as score
    says it (QA220 4), while any other XML file (a tool's config) is no project; a compressed archive that may hold
    projects (a unit's files zipped), which fails saying to unpack it."""
    if (misnamed := _MISNAMED.match(lower)) is not None:
        lower = lower[:misnamed.end(1)]
    return lower.endswith((".json", JSONL_SUFFIX, *FORM_SUFFIXES, *OLD_FORM_SUFFIXES)) or (
        lower.endswith((".yaml", ".yml")) and not lower.endswith(_CASES_SUFFIX) and holds_facts(path)) or (
        lower.endswith(".xml") and regular(path) and xml_spreadsheet(path)) or (  # its head only, as score sniffs it
        lower.endswith(ARCHIVE_SUFFIXES) and regular(path) and may_hold_projects(path))  # unzip it (QA332 F1)


def _misnamed(file: Path) -> Document | None:
    """The failed project of a file a folder search found whose name ends in spaces or dots after the suffix it is
    read by ('P2024003.xlsx '), with the fix: rename it; None for any other file."""
    found = _MISNAMED.match(file.name)
    if found is None:
        return None
    shown, suffix = without_surrogates(str(file)), found.group(1)
    hint = f"rename it to end in {suffix}"
    if suffix.lower() in OLD_FORM_SUFFIXES:  # not read under its right name either: then saved as .xlsx (QA187 F6)
        kind = suffix.lower()
        hint += f", then {(other_workbook(None, kind) if kind in OTHER_WORKBOOKS else old_workbook(None)).hint}"
    return Document(source=shown, problem=Problem(f"the file name has {found.group(2)!r} after {suffix}, so it "
                                                  f"is not read as a {suffix} file", file=shown, hint=hint))


def searched_files(folders: Iterable[str | os.PathLike[str]],
                   skip: Iterable[str | os.PathLike[str]] = ()) -> set[tuple[int, int]]:
    """The files the search of `folders` reads as projects, by device and inode (a file reached through a link, or
    linked from elsewhere, is the same file): what no output of the batch may replace. An earlier run's summary is
    not among them, unless it holds project lines too (a .jsonl the search still reads)."""
    found = set()
    for file in searched_paths(folders, skip):
        with contextlib.suppress(OSError):
            info = os.stat(file)
            found.add((info.st_dev, info.st_ino))
    return found


def searched_paths(folders: Iterable[str | os.PathLike[str]], skip: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Path]:
    """The files the search of `folders` reads as projects, as found."""
    skipped = _Skipped(skip)
    for folder in (Path(p) for p in folders):
        for file in _facts_files(folder, []):
            if os.path.realpath(file) not in skipped and (_holds_projects(file) if file.suffix.lower() == JSONL_SUFFIX
                                                          else not batch_summary(file)):
                yield file


def _holds_projects(file: Path) -> bool:
    """Whether a .jsonl file has a line the search reads: one that is not blank nor an earlier run's result."""
    try:
        with file.open("rb") as handle:
            return any(line.strip() and not SUMMARY_LINE.match(line.lstrip()) for line in handle)
    except OSError:
        return True  # unread: as if it held projects, so that no output replaces it


#: A JSONL file saved as UTF-16 (Notepad's "Unicode"): its lines are not read one by one.
UTF16_JSONL = "this JSONL file is UTF-16 text (Notepad's 'Unicode'), not UTF-8"
UTF32_JSONL = "this JSONL file is UTF-32 text, not UTF-8"
#: Workbooks of old Excel and of WPS, and spreadsheets of other kinds (.ods, .xlsb, Excel's templates), which are not
#: read: a folder search finds them, to say so (QA165 F7).
OLD_FORM_SUFFIXES = (".xls", ".et", *OTHER_WORKBOOKS)

def _lines(file: Path, name: str, skip_results: bool = False) -> Iterator[Document]:
    """One document per non-blank line; a line over MAX_FACTS_BYTES or not UTF-8 is a document that failed.
    `skip_results` leaves out the lines of a batch's .jsonl output ({"index":…,"source":…), found in a folder."""
    shown = without_surrogates(str(file))
    if not regular(file):
        yield Document(source=shown, name=name, problem=not_a_regular_file(shown) if file.exists() else
                       Problem("no such file", file=shown))
        return
    try:
        handle = file.open("rb")
    except OSError as err:
        yield Document(source=shown, problem=Problem(f"cannot read: {err.strerror}", file=shown, hint=read_right(err)))
        return
    with handle:
        if (refused := _whole_file(handle, shown)) is not None:
            yield Document(source=shown, name=name, problem=refused)
            return
        number = 0
        whole = without_surrogates(through_links(file).as_posix())  # each line's matched_by: the links followed once
        folder = file.parent
        while True:
            raw = handle.readline(MAX_FACTS_BYTES + 1)
            if not raw:
                return
            number += 1
            source, line_name = f"{shown}:{number}", f"{name}:{number}"
            if len(raw) > MAX_FACTS_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                    raw = handle.readline(_CHUNK)
                yield Document(source=source, name=line_name,
                               problem=Problem(f"line is over {MAX_FACTS_BYTES} bytes (MAX_FACTS_BYTES)",
                                                              file=shown, line=number))
                continue
            try:  # UTF-8 (a byte-order mark dropped, as where files were joined), else the --encoding asked for
                text = decode(raw).rstrip("\r\n")  # the line alone: a place in it is on this line
            except UnicodeDecodeError as err:
                yield Document(source=source, name=line_name,
                               problem=Problem(f"not UTF-8 text (byte {err.start} of the line)", file=shown,
                                                              line=number, hint="save the file as UTF-8, or give "
                                                                                "--encoding gb18030 for one saved as GBK"))
                continue
            if text.strip() and not (skip_results and SUMMARY_LINE.match(raw.lstrip())):
                yield Document(source=source, name=line_name, path=file, line=number, text=text, folder=folder,
                               whole=whole)


def _whole_file(handle: BinaryIO, shown: str) -> Problem | None:
    """The one problem of a JSONL file that is not read line by line (the handle left at its start): UTF-16 or UTF-32
    text, whose lines are not split at the byte \n; one JSON document written over many lines (77 lines, 77 failed
    projects); no line at all (a unit's file left empty is a project not filed)."""
    head = handle.read(8192)  # as much as utf16_unmarked looks at
    handle.seek(0)
    if head.startswith(UTF32_MARKS + UTF16_MARKS) or utf32_unmarked(head):  # UTF-32 without its mark too (QA334 F3)
        return Problem(UTF16_JSONL if head.startswith(UTF16_MARKS) and not head.startswith(UTF32_MARKS) else UTF32_JSONL,
                       file=shown, hint=UTF16_HINT)
    if utf16_unmarked(head):  # saved without its mark: as with one, not a line of GBK at its byte 0 (QA322 F5)
        return Problem(UTF16_JSONL, file=shown, hint=UTF16_HINT)
    number, spaced = 0, False
    while raw := handle.readline(_CHUNK):
        number += 1
        spaced = spaced or bool(raw.strip(b"\r\n"))
        if raw.strip():
            handle.seek(0)
            if raw.strip().lstrip(b"\xef\xbb\xbf") not in (b"{", b"["):
                return None
            return Problem(f"this JSONL file holds a JSON document written over several lines (line {number} is only "
                           f"{raw.strip()[-1:].decode()})", file=shown, line=number,
                           hint="JSONL has one document a line: save one project as .json, or write each on one line")
    handle.seek(0)
    if number > 1 or spaced:  # blank lines, none holding a project: said as they are, not as an empty file (QA332 F11)
        return Problem("the file holds only blank lines, no project", file=shown,
                       hint="write one project's facts a line, or leave the file out")
    return Problem("the file is empty", file=shown)


def _count_lines(file: Path) -> int:
    """The documents of a JSONL file: its lines that are not blank (as `_lines` gives them)."""
    if not regular(file):
        return 1
    count, begun = 0, False  # begun: the line that runs on from the chunk before has more than blanks
    try:
        with file.open("rb") as handle:
            if _whole_file(handle, str(file)) is not None:
                return 1  # one problem, as _lines gives it
            while chunk := handle.read(_CHUNK):  # in chunks: a line may be as long as the file
                *ended, last = chunk.split(b"\n")
                for line in ended:
                    count += begun or not (line.isspace() or not line)
                    begun = False
                begun = begun or not (last.isspace() or not last)
    except OSError:
        return 1
    return count + begun
