"""What a form read with a profile of the set it names is compared with: that base's version, and its file; and the
blank form of a set every hint offers."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from ..model import IndicatorSet

__all__ = ["base_file", "base_version", "blank_form", "file_of_version", "version_fix"]


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


def file_of_version(named: str, version: str, source: str) -> str | None:
    """The path, as --set takes it, of the file of the set `named` at `version` near the form at `source` (beside it, or
    up to three folders above: `_beside.sets_with_id`), offered to last year's form read with this year's set or a
    profile of it (QA155 F8: province-2024.yaml beside province-2025.yaml); None when no such file is found."""
    from .._beside import sets_with_id

    found = sets_with_id(Path(os.path.abspath(Path(source).parent)), named)
    return next((_shown(path) for path, written in found if written == version), None)


def version_fix(indicator_set: IndicatorSet, named: str, version: str, source: str) -> str:
    """The fix for a form of version `version` of the set `named`, read with another version of it or with a profile of
    that: the file of its version when one is near the form (QA155 F8: it was told only of a profile of version 2024,
    which no file is), a profile of that version, or the blank form of the set it is read with."""
    file = file_of_version(named, version, source)
    blank = blank_form(indicator_set)
    if named == indicator_set.id:
        return (f"read it with the file of version {version} ({f'pass --set {file}' if file else '--set PATH'}), or fill "
                f"the blank form of version {indicator_set.version} (scoring-engine template {blank})")
    own = f", or with the file of version {version} (pass --set {file})" if file else ""
    return (f"read it with a profile of version {version}{own}, or fill the blank form of {indicator_set.id} "
            f"(scoring-engine template {blank})")


def _shown(found: Path) -> str:
    """A set's file as --set takes it: from the working folder when it lies below it, quoted to copy into a shell."""
    shown = os.path.relpath(found) if found.resolve().is_relative_to(Path.cwd()) else str(found)
    return shlex.quote(Path(shown).as_posix())


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
    return shlex.quote(Path(shown).as_posix())
