"""What a form read with a profile of the set it names is compared with: that base's version, and its file; and the
blank form of a set every hint offers."""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .._arith import plain
from .._command_line import as_argument, run_as_command, set_given
from ..errors import FactsError, Problem
from ..model import IndicatorSet

if TYPE_CHECKING:
    from ..facts import Facts
    from .workbook import Sheet

__all__ = ["CHANGED_SINCE", "SIDE_SHEET", "base_file", "base_version", "blank_form", "changed_since",
           "file_of_version", "how_to_read_with", "imported_from", "named_of_another_version", "named_version",
           "other_version_named", "read_with_named", "set_files", "template_of", "version_fix", "written_for", "written_with"]

#: The side sheet every selfeval workbook has: the facts the form has no place for, and the set it was written for.
SIDE_SHEET = "表外事实"


def base_version(indicator_set: IndicatorSet, named: str | None) -> str:
    """The version a form of set `named` is compared with: the set's own, or, read with a profile of it, that base's
    (a 2024 form of the province's set read with a county's profile of its 2025 version: QA146 F3)."""
    if named != indicator_set.id and named in indicator_set.base_ids:  # a profile inheriting its base's id is the set
        return indicator_set.base_versions[indicator_set.base_ids.index(named)]  # itself (QA150 F1)
    return indicator_set.version


def base_file(indicator_set: IndicatorSet, named: str) -> str | None:
    """'pass --set PATH' of the file a profile extends when it is the set `named`, wherever it is (QA147 F1: a base in a
    folder beside the form's was 'the file of the set X'); None for another base, or one not a file."""
    if not indicator_set.base_ids or indicator_set.base_ids[0] != named or indicator_set.source is None:
        return None
    found = Path(indicator_set.source).parent / indicator_set.extends[0]
    return f"pass --set {_shown(found)}" if found.is_file() else None


def file_of_version(named: str, version: str, source: str, recorded: str | None = None) -> str | None:
    """What --set is given for the file of the set `named` at `version` near the form at `source` (`set_files`),
    offered to last year's form read with this year's set or a profile of it (QA155 F8: province-2024.yaml beside
    province-2025.yaml): its path (and the --encoding it needs), or 'with one of' the files that differ when the form
    does not record which (QA217 4); None when no such file is found. `recorded`: the sha256 facts imported from a form
    record of the set it was written with."""
    found = set_files(named, source, version, recorded=recorded)
    if len(found) > 1:
        return f"with one of {_listed(found)}, which differ"
    return _argument(*found[0]) if found else None


def read_with_named(named: str) -> str:
    """How to read a form with the bundled set `named` on its side sheet, when another was given: without --set on the
    command line; in Python, with that set's id, or None to score_many (QA317 5: a program was told to leave out --set)."""
    if run_as_command():
        return "leave out --set to read it with the set it names"
    return f"read it with the set it names: indicator_set=None for score_many, load_indicator_set({named!r}) for read_form"


def template_of(indicator_set: IndicatorSet) -> str:
    """How a hint offers the set's blank form: the command that writes it on the command line, the function that does
    in Python, of the set the program passed (QA317 5: a program was told to run scoring-engine template)."""
    if run_as_command():
        return f"scoring-engine template {blank_form(indicator_set)}"
    return 'scoring_engine.reports.layouts.blank_form(indicator_set, "xlsx")'


def how_to_read_with(named: str, source: str, sheets: list[Sheet] | None = None) -> str:
    """How to read a form with the set `named` on its side sheet: without --set for a bundled one; else with --set and
    that set's file, found near the form when it can be (`set_files`; `sheets`: the form's, when read already). Never
    another set whose id only contains a bundled one's (QA75 F1: a form of province-self-evaluation was offered
    self-evaluation, and then told to leave --set out)."""
    from ..errors import did_you_mean
    from ..loader import bundled_sets

    if named in bundled_sets():
        return read_with_named(named)
    found = set_files(named, source, sheets=sheets)
    if len(found) == 1:
        return f"pass --set {_argument(*found[0])}"  # to copy into a shell as it is (QA76 F8, QA214 11)
    if found:  # which one the form was filled from, it does not say (a blank form: QA217 4)
        return f"pass --set with the file the form was filled from, one of {_listed(found)}: files of the set {named} " \
               "near it that differ"
    import difflib  # loaded with the first mistake to name, as errors.did_you_mean loads it (every score imports this)

    # a bundled id mistyped (QA54 F7), not one the form's id extends or shortens (self-evaluation-v2: QA78 F1)
    slip = difflib.get_close_matches(named, sorted(s for s in bundled_sets() if s not in named and named not in s), 1, 0.9)
    return did_you_mean(named, slip) or f"pass --set with the file of the set {named}"


#: How many of the files a hint names when the form does not say which of them it was filled from (the first by name).
_NAMED_FILES = 3


def set_files(named: str, source: str, version: str | None = None, sheets: list[Sheet] | None = None,
              recorded: str | None = None) -> list[tuple[Path, str | None]]:
    """The file of the set `named` to read the form at `source` with, found near it (beside it, or up to three folders
    above, however its path is written: `_beside.sets_with_id`, QA76 F1, QA78 F2), with the --encoding it needs (None:
    a UTF-8 file): of `version` when given, else of the version the form names (last year's file and this year's share
    the id: QA152 F2), the nearest when none is; of files of one id and version, the one whose sha256 the form records
    (QA214 2: an edited draft beside the province's file was offered, the first by its name), and, when it records none
    (a blank form), each of them that differ, for the user to choose (QA217 4: the first was offered in silence). Never
    a file that does not load (QA214 2), and one in GBK only when none loads without --encoding (QA217 5: it was not
    offered at all). [] when none is found. `recorded`: the sha256 the facts imported from a form at `source` record
    (QA268 F2: the first file by name was offered, an edited draft beside the file the form was written with)."""
    from .._beside import sets_with_id

    found = sets_with_id(Path(os.path.abspath(Path(source).parent)), named)
    loads = [(path, written, loaded) for path, written in found if (version is None or written == version)
             and (loaded := _loaded(*_stamp(path))) is not None]
    if len(loads) < 2:
        return [(path, loaded[1]) for path, _, loaded in loads]
    if recorded is not None:  # facts imported from a form: no workbook to read it from
        path, _, (_, encoding) = min(loads, key=lambda item: item[2][0] != recorded)
        return [(path, encoding)]
    try:  # which the form was written with: read again, unless it is at hand
        from .workbook import open_workbook

        rank, recorded = _by_the_form(open_workbook(Path(source)) if sheets is None else sheets, version is None)
    except FactsError:  # read once already: if it cannot be now, the nearest file will do
        return [(loads[0][0], loads[0][2][1])]
    loads.sort(key=rank)
    first = [(path, loaded) for path, written, loaded in loads if rank((path, written, loaded)) == rank(loads[0])]
    of_its_version = version is not None or not rank(loads[0])[1]  # of the version the form names: not the nearest
    if recorded is not None or not of_its_version or len({sha for _, (sha, _) in first}) < 2:
        return [(first[0][0], first[0][1][1])]
    return [(path, encoding) for path, (_, encoding) in first]


_Found = tuple[Path, str | None, tuple[str, str | None]]  # a file, the version it declares, its sha256 and encoding


def _by_the_form(sheets: list[Sheet], by_version: bool) -> tuple[Callable[[_Found], tuple[bool, bool, bool]], str | None]:
    """The order of a set's files for the form of `sheets`: the file whose sha256 its side sheet records first, then
    (`by_version`) those of the version it names, then those that load without --encoding; else as they were found.
    With the sha256 the form records (None: none)."""
    recorded = written_for(next((s for s in sheets if s.name == SIDE_SHEET), None), "").get("sha256")
    names_one = by_version and named_version(sheets, "") is not None  # it names a version (any is another than none)

    def rank(item: _Found) -> tuple[bool, bool, bool]:
        _, version, (sha, encoding) = item
        return (recorded is None or sha != recorded,
                not names_one or not version or named_version(sheets, version) is not None, encoding is not None)
    return rank, recorded


def written_with(named: str, source: str, sheets: list[Sheet]) -> str | None:
    """The file near the form at `source` (`set_files`) of the set `named` whose sha256 the form's side sheet records: the
    file the form was written with, which reads it as --set would (its path from the working folder when it lies below
    it); None when the form records no sha256 (a blank form, one made by hand) or no file near it has that sha256."""
    recorded = written_for(next((s for s in sheets if s.name == SIDE_SHEET), None), "").get("sha256")
    if recorded is None:
        return None
    for path, encoding in set_files(named, source, sheets=sheets):
        if encoding is None and (_loaded(*_stamp(path)) or ("", None))[0] == recorded:
            return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    return None


def _argument(path: Path, encoding: str | None) -> str:
    """A set's file as --set takes it, with the --encoding it needs to load (QA217 5: a file in GBK)."""
    return f"{_shown(path)} --encoding {encoding}" if encoding else _shown(path)


def _listed(found: list[tuple[Path, str | None]]) -> str:
    """The files a hint offers to choose from: the first `_NAMED_FILES`, and how many more."""
    shown = ", ".join(_argument(*item) for item in found[:_NAMED_FILES])
    return shown + (f", … (+{len(found) - _NAMED_FILES})" if len(found) > _NAMED_FILES else "")


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file as the caches below know it: its path, the time it was written and its size (0, 0 when it is gone)."""
    try:
        found = os.stat(path)
    except OSError:
        return str(path), 0, 0
    return str(path), found.st_mtime_ns, found.st_size


@functools.lru_cache(maxsize=64)
def _loaded(path: str, written: int, size: int) -> tuple[str, str | None] | None:
    """The sha256 of the set a file holds, loaded as --set reads it (a profile's covers its bases), as a form records it,
    and the --encoding it takes (None: none; gb18030 for a file in GBK, QA217 5); None when it does not load either way
    (a profile of a base not there). By the file's `_stamp`: a batch of a province's forms loads it once."""
    from ..errors import ScoringEngineError
    from ..loader import load_indicator_set

    for encoding in (None, "gb18030"):  # a file that fails for another reason than its encoding fails alike again
        with contextlib.suppress(ScoringEngineError):
            return load_indicator_set(path, encoding).sha256, encoding
    return None


def version_fix(indicator_set: IndicatorSet, named: str, version: str, source: str, recorded: str | None = None) -> str:
    """The fix for a form of version `version` of the set `named`, read with another version of it or with a profile of
    that: the file of its version when one is near the form (QA155 F8: it was told only of a profile of version 2024,
    which no file is), a profile of that version, or the blank form of the set it is read with."""
    file = file_of_version(named, version, source, recorded)
    blank = template_of(indicator_set)
    if named == indicator_set.id:
        return (f"read it with the file of version {version} ({f'pass --set {file}' if file else '--set PATH'}), or fill "
                f"the blank form of version {indicator_set.version} ({blank})")
    own = f", or with the file of version {version} (pass --set {file})" if file else ""
    return (f"read it with a profile of version {version}{own}, or fill the blank form of {indicator_set.id} "
            f"({blank})")


def _shown(found: Path) -> str:
    """A set's file as --set takes it: from the working folder when it lies below it, quoted to copy into a shell."""
    shown = os.path.relpath(found) if found.resolve().is_relative_to(Path.cwd()) else str(found)
    return as_argument(Path(shown).as_posix())


def blank_form(indicator_set: IndicatorSet) -> str:
    """What `scoring-engine template` is given for the set, in every hint that offers its blank form: the bundled set's
    id, else its file (QA150 F3, QA151 F1, QA152 F3: the id of a set read from a file is no set the command finds, or the
    bundled set of that id, another version)."""
    from ..loader import bundled_sets

    bundled = bundled_sets().get(indicator_set.id)
    if indicator_set.source is None or (bundled is not None and Path(indicator_set.source).resolve() == bundled.resolve()):
        return indicator_set.id
    shown = os.path.relpath(indicator_set.source) if Path(indicator_set.source).resolve().is_relative_to(Path.cwd()) \
        else indicator_set.source
    return as_argument(Path(shown).as_posix())


def named_version(sheets: list[Sheet], current: str) -> str | None:
    """The version of the set a workbook names on its side sheet (指标体系 | id | version) when it is not `current`,
    the version of the set it is read with; None when it is, or names none. Versions are text: 2024.1 is not 2024.10
    (QA92 F4); only a version Excel turned into a number (1 for 1.0) is compared as one; '1.0版' is 1.0."""
    side = next((s for s in sheets if s.name == SIDE_SHEET), None)
    row = next((r for r in side.rows if side.text(r, 1) == "指标体系"), None) if side else None
    value = side.cells.get((row, 3)) if side is not None and row is not None else None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        try:
            return None if Decimal(current) == value else plain(value)
        except ArithmeticError:  # a version of words (2024版) is no number
            return plain(value)
    written = value.strip().removesuffix("版").strip() if isinstance(value, str) else ""
    return written if written and written != current.strip().removesuffix("版").strip() else None  # 2024版 too (QA94 F1)



def written_for(side: Sheet | None, version: str) -> dict[str, str]:
    """The set the form's side sheet says it was written for: its id, its `version` (as the reader compared it) when the
    sheet gives one, and the sha256 its 来源 rows record when it was written by `score --layout selfeval`, kept only
    when those rows name the same id and version (a 指标体系 row edited by hand: the sha256 is another set's); {} when
    the sheet names no set. What `import` keeps as the facts' `written_for` (QA205 5)."""
    row = next((r for r in side.rows if side.text(r, 1) == "指标体系"), None) if side is not None else None
    if side is None or row is None or not side.text(row, 2):
        return {}
    found = {"id": side.text(row, 2)}
    written = side.get(row, 3)
    number = isinstance(written, (int, Decimal)) and not isinstance(written, bool)
    shown = plain(Decimal(written)) if number else side.text(row, 3)
    if shown:
        found["version"] = version
    source = {side.text(r, 2): side.text(r, 3) for r in side.rows if side.text(r, 1) == "来源"}
    sha = source.get("指标体系 sha256", "").lower()
    # the last bracket alone: a set's own name may hold one (项目支出绩效自评指标体系（单位自评）: QA208 1)
    said = re.search(r"（([^\s（）]+) ([^\s（）]+)）$", source.get("指标体系", ""))
    if re.fullmatch(r"[0-9a-f]{64}", sha) and said and said[1] == found["id"] and _bare(said[2]) == _bare(shown):
        found["sha256"] = sha
    return found


#: The start of the line saying the set read has changed since the form was written, its id and version the same.
CHANGED_SINCE = "the file of the set "


def changed_since(indicator_set: IndicatorSet, recorded: str | None, source: str, imported: bool = False) -> list[Problem]:
    """The line for a form (or the facts `imported` from one) whose side sheet records the sha256 of the set it was
    written with, when the set read here has its id and version but another sha256: the set's file was edited since,
    and a form right for the set it names would be blamed for what changed (QA205 3); none otherwise (no sha256
    recorded: a blank form, one made by hand)."""
    if not recorded or recorded == indicator_set.sha256:
        return []
    what = "the form these facts were imported from" if imported else "the form"
    return [Problem(f"{CHANGED_SINCE}{indicator_set.id} {indicator_set.version} has changed since {what} was written, "
                    f"keeping its id and version: the form records the set's sha256 {recorded[:16]}…, the set read here "
                    f"has {indicator_set.sha256[:16]}…", file=source,
                    hint="use the set's file as it was when the form was written (a copy differing only in its comments, as "
                         "sets --copy writes one, scores alike); if the set was changed on purpose, give it a new "
                         f"version and fill its blank form ({template_of(indicator_set)})")]


def imported_from(facts: Facts, indicator_set: IndicatorSet) -> list[Problem]:
    """The first line for facts `import` read from a form of another version of the set that scores them, or of its
    version when the set's file has changed since (their `written_for`), as the form itself is told (QA205 5); none
    for facts of another set (said by their `indicator_set`), or that name no form's set."""
    written: Mapping[str, str] = facts.written_for or {}
    if written.get("id") != indicator_set.id:
        return []
    version, source = written.get("version"), facts.source or ""
    recorded = written.get("sha256")  # written in upper case by hand: the same digits (QA206 5)
    recorded = recorded.lower() if isinstance(recorded, str) else None
    if version is not None and _bare(version) != _bare(indicator_set.version):
        return [Problem(f"the facts were imported from a form written for version {version} of the set "
                        f"{indicator_set.id}, and are scored here with its version {indicator_set.version}", file=source,
                        hint=version_fix(indicator_set, indicator_set.id, version, source, recorded))]
    return changed_since(indicator_set, recorded, source, imported=True)


def named_of_another_version(facts: Facts, indicator_set: IndicatorSet,
                             version_named: Callable[[str, str, IndicatorSet], str | None] | None = None) -> list[Problem]:
    """The first line for a facts file whose `indicator_set` names a file of another version of the set given by --set,
    as a form or facts imported from one are told (QA268 F1: last year's facts scored with this year's set went from
    89.11 良好 to 92.39 优秀 without a word); none for facts imported from a form (`imported_from` says it), naming the
    set's own file or a set of another id (said when they fail: `loader.named_elsewhere`), or one that does not load.

    `version_named` finds the version named in place of `other_version_named`: a batch's remembers it for each name and
    folder, as the files of a folder and the lines of a JSONL file name one set (found anew, it was 40% of scoring)."""
    named = facts.indicator_set
    if not named or facts.written_for or indicator_set.source is None:
        return []
    folder = os.path.dirname(facts.source) if facts.source and facts.source != "-" else ""
    version = (version_named or other_version_named)(named, folder, indicator_set)
    if version is None:
        return []
    given, fix = set_given()
    return [Problem(f"the facts file names {named}, version {version} of the set {indicator_set.id}, and is scored "
                    f"here with its version {indicator_set.version} ({given})", file=facts.source,
                    hint=f"{fix} to score it with the version it names")]


def other_version_named(named: str, folder: str, indicator_set: IndicatorSet) -> str | None:
    """The version of `indicator_set`'s set held by the file `named` in a facts file of `folder`, when it is another than
    the set's own; None for the set's own file, a set of another id, or a name that is found nowhere or does not load."""
    from ..errors import ScoringEngineError
    from ..loader import resolve_set

    assert indicator_set.source is not None
    try:
        path = resolve_set(named, Path(folder)).resolve()
        if path == Path(indicator_set.source).resolve():
            return None
    except (ScoringEngineError, OSError, RuntimeError, ValueError):  # not found, or not readable: said where it matters
        return None
    identity = _identity(*_stamp(path))
    if identity is None or identity[0] != indicator_set.id or _bare(identity[1]) == _bare(indicator_set.version):
        return None
    return identity[1]


@functools.lru_cache(maxsize=64)
def _identity(path: str, written: int, size: int) -> tuple[str, str] | None:
    """The id and version of the set a file holds, loaded as --set reads it; None when it does not load. By the file's
    `_stamp`: a batch of a unit's facts naming one file loads it once."""
    from ..errors import ScoringEngineError
    from ..loader import load_indicator_set

    for encoding in (None, "gb18030"):
        with contextlib.suppress(ScoringEngineError):
            loaded = load_indicator_set(path, encoding)
            return loaded.id, loaded.version
    return None


def _bare(version: str) -> str:
    """A version as compared: 2024版 is 2024 (`reading.named_version`)."""
    return version.strip().removesuffix("版").strip()
