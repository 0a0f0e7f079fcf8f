"""Several outputs put in place together: every one of them, or none (as far as the system allows).

Each output is prepared first (written whole, on disk). Then each file still to
be renamed is checked again (a folder made under its name, its folder made
read-only while the run worked), and only then are they renamed into place,
one by one, each old file kept aside under a hidden temporary name in its
folder (a second name of the same file: the old file never leaves its own name
until the new one takes it). A rename that fails puts back the ones already
done; once all are in place the old files' second names are removed. A
temporary file that cannot be removed (its folder made read-only) is named in
the error, to remove by hand.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path

from ._messages import chosen_language
from ._output import AtomicOutput, _cannot_write, _temporary_prefix, stopping_cleanly, stops_deferred
from ._terminal import tell
from ._text import one_line
from .errors import Problem, ScoringEngineError

__all__ = ["commit_together", "left_behind", "write_together"]


def write_together(contents: dict[Path, str | bytes]) -> None:
    """Write each file of `contents` (text as UTF-8) as `write_atomically` writes one: all of them appear, or none does
    (`sets --copy` writes a set with its cases and facts: a full disk left the set alone, and the copy run again was
    refused, QA320 F3)."""
    with stopping_cleanly():
        outputs: list[AtomicOutput] = []
        try:
            for path, content in contents.items():
                outputs.append(AtomicOutput(path))
                outputs[-1].write(content.encode("utf-8") if isinstance(content, str) else content)
            with stops_deferred(deliver=False):  # as batch's: a stop between two renames left one file (QA323 F2)
                commit_together(outputs)
        except BaseException as err:  # a failure, Ctrl-C, or SIGTERM/SIGHUP through stopping_cleanly
            with stops_deferred(deliver=False):
                for output in outputs:
                    output.discard()
            if isinstance(err, ScoringEngineError) and (left := left_behind(outputs)):
                raise ScoringEngineError([*err.problems, *left]) from None
            raise


def commit_together(outputs: Sequence[AtomicOutput]) -> None:
    """Put every output in place, or none: a ScoringEngineError naming the output that could not be, the others as they
    were (a batch's a.xlsx was replaced, and then a.csv failed: QA320 F2). The caller discards them all after a failure."""
    for output in outputs:
        output.prepare()
    files = [output for output in outputs if output.temporary is not None]
    for output in files:
        _still_replaceable(output)
    done: list[tuple[AtomicOutput, str | None]] = []  # renamed, with the old file's second name (None: there was none)
    for output in files:
        aside, moved = None, False
        try:
            aside, moved = _keep_aside(output)
            assert output.temporary is not None
            os.replace(output.temporary, output.target)
        except OSError as err:
            unrestored = _put_back([(output, aside)]) if moved else []  # the only copy of the old file (QA323 F1)
            if aside is not None and not moved:
                _remove_or_note(output, aside)
            unrestored += _put_back(done)
            raise ScoringEngineError([_cannot_write(output.shown, err).first, *unrestored]) from None
        output.temporary = None
        done.append((output, aside))
    for output, aside in done:
        if aside is not None:
            _remove_or_note(output, aside)
    for output in outputs:
        output.commit()  # what is left: its descriptor closed (a pipe's or device's too)
    lang = chosen_language()
    for problem in left_behind(outputs):  # every output in place, an old file's copy left (its folder made read-only)
        tell(("提示：" if lang == "zh" else "warning: ") + one_line(problem.text(lang)))  # named (QA323 F3)


def _still_replaceable(output: AtomicOutput) -> None:
    """What would make the rename fail, checked before any output is put in place: a folder (or anything but a file)
    now under the output's name, its folder no longer writable, its temporary file gone."""
    target, temporary = output.target, output.temporary
    assert temporary is not None
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise _cannot_write(output.shown, err) from None
    if mode is not None and not stat.S_ISREG(mode):
        why = errno.EISDIR if stat.S_ISDIR(mode) else errno.EEXIST
        raise _cannot_write(output.shown, OSError(why, os.strerror(why)))
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise _cannot_write(output.shown, OSError(errno.EACCES, os.strerror(errno.EACCES)))
    if not os.path.isfile(temporary):  # removed by someone else while the run worked
        raise ScoringEngineError(Problem(f"cannot write the report: its temporary file {temporary} is gone",
                                         file=str(output.shown), hint="run it again"))


def _keep_aside(output: AtomicOutput) -> tuple[str | None, bool]:
    """A second name for the file the output replaces, hidden beside it (None when there is none): the rename then
    replaces only its name, and putting it back is one rename. Where the system makes no hard links (a FAT disk, some
    shares), the old file is renamed aside instead: then True, its only name is the hidden one."""
    target = output.target
    if not os.path.isfile(target):
        return None, False
    prefix = _temporary_prefix(target.name, target.parent)
    for _ in range(100):
        aside = str(target.parent / f"{prefix}{secrets.token_hex(4)}.tmp")
        try:
            os.link(target, aside)
            return aside, False
        except FileExistsError:
            continue
        except OSError as err:
            if err.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT):
                raise
            os.rename(target, aside)  # no hard links here: the old file leaves its name, to come back on failure
            return aside, True
    raise OSError(errno.EEXIST, "no free temporary name beside it")


def _put_back(done: list[tuple[AtomicOutput, str | None]]) -> list[Problem]:
    """The outputs already renamed put back as they were (the old file under its name, or no file where there was
    none); the problems of those that could not be."""
    problems = []
    for output, aside in reversed(done):
        try:
            if aside is not None:
                os.replace(aside, output.target)
            else:
                os.unlink(output.target)
        except OSError as err:
            why = err.strerror or err
            problems.append(Problem(f"already replaced, and could not be put back: {why}; the earlier file is kept as "
                                    f"{aside}" if aside is not None else  # (a file new from this run: QA323's wording)
                                    f"already written, and could not be removed: {why}", file=str(output.shown)))
    return problems


def _remove_or_note(output: AtomicOutput, name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
    except OSError:
        output.left.append(name)


def left_behind(outputs: Sequence[AtomicOutput]) -> list[Problem]:
    """A problem for each temporary file of `outputs` that could not be removed (its folder made read-only), to remove by
    hand: said after the error, which said nothing of it (QA320 F2)."""
    return [Problem("a temporary file could not be removed: remove it", file=name)
            for output in outputs for name in output.left]

