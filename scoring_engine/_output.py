"""Where the command line puts what it renders: a report file, a pipe or device, the terminal.

- A report file (absent, or a regular file, also behind a symbolic link) is
  replaced whole or not at all: written to a temporary file beside it, flushed
  to disk, renamed over it (`write_atomically`). The link stays a link.
- A pipe or a character device (`mkfifo` pipe, /dev/null, /dev/stdout, a
  terminal) is written into: never replaced by a file.
- Anything else (a folder, a block device, a socket) is refused.
- An output written in pieces (a batch summary) follows the same rules
  through `AtomicOutput`: it appears whole on `commit()` or not at all.
- Standard output and standard error: `say` and `tell`, in `_terminal` (named here too).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ._reads import was_read
from ._terminal import drop_stdout, say, tell
from .errors import Problem, ScoringEngineError

__all__ = ["TEMPORARY_NAME_BYTES", "STOPS", "AtomicOutput", "advice", "done_stopping", "drop_stdout", "extension_of",
           "own_process", "say", "stopping_cleanly", "stops_deferred", "tell", "write_atomically"]

#: A temporary report's name takes the report's name cut to fit, plus this many bytes: ".", ".", mkstemp's 8 letters, ".tmp".
TEMPORARY_NAME_BYTES = 14
_NAME_MAX = 255  # bytes in a file name, where the file system does not say
_LINKS_FOLLOWED = 40  # links followed to the folder of an output not there, as the system follows them at most
#: Why an output is not written over a file the command read (its facts, its set, its form).
READ_BY_THIS_COMMAND = "it is a file this command read, and writing would replace what it holds (give another file name)"
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def extension_of(path: Path) -> str:
    """The extension of an output's name, in lower case, which says its format: `.json` is one too (a name that is all
    extension)."""
    name = path.name.lower()
    return path.suffix.lower() or (name if name.startswith(".") and name.count(".") == 1 else "")


def _cannot_write(path: Path | str, why: str | OSError) -> ScoringEngineError:
    folder = Path(path).parent
    if isinstance(why, OSError) and why.errno == errno.ENOENT and os.path.islink(path):  # the folder it points into
        pointed = os.path.dirname(os.path.realpath(path))
        if not os.path.isdir(pointed):  # (QA163 F6: said as no such file, the folder of the link there)
            return _link_into(path, pointed)
    if isinstance(why, OSError) and why.errno == errno.ENOENT and not os.path.isdir(folder):  # which folder, what to do
        return ScoringEngineError(Problem(f"cannot write the report: there is no folder {folder}", file=str(path),
                                          hint=MAKE_THE_FOLDER))
    hint = None
    if isinstance(why, OSError) and why.errno == errno.EROFS:
        why = READ_ONLY_DISK
    if isinstance(why, OSError):
        hint = advice(why)
        why = _system_reason(why)
    elif why == READ_ONLY_DISK:
        hint = ANOTHER_DISK
    elif why == READ_ONLY:
        hint = "make it writable first if it is to be replaced, or give another file"
    elif why == NOT_YOURS:  # in a folder one may write in, the file is what to ask for (QA216 5)
        hint = NOT_PERMITTED if not os.access(os.path.dirname(os.path.realpath(path)), os.W_OK) else \
            "write it under another file name, or ask its owner for the right to write it"
    return ScoringEngineError(Problem(f"cannot write the report: {why}", file=str(path), hint=hint))


def _system_reason(err: OSError) -> str:
    """The system's reason a file could not be written: its own words (os.strerror) where the catalog has them in Chinese,
    else with the error's code, so that a Chinese line says what happened in its own words (QA340 F2)."""
    if err.errno is None or err.errno in WORDED or not err.strerror:
        return err.strerror or str(err)
    return f"the system gave error {errno.errorcode.get(err.errno, err.errno)} ({err.strerror})"


#: The system errors of writing, renaming or reading a file whose reason (os.strerror) the catalog words in Chinese
#: (_zh_commands' fragments, _zh_options): said in its own words; any other with its code beside them.
WORDED = frozenset(getattr(errno, name) for name in (
    "EPERM", "EACCES", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ENAMETOOLONG", "ELOOP", "EIO", "EEXIST",
    "EDQUOT", "EPIPE", "EXDEV", "EBUSY", "ETXTBSY", "EFBIG", "EMLINK", "ENXIO", "ENODEV", "EINVAL", "EAGAIN", "EINTR",
    "EMFILE", "ENFILE", "ESTALE", "ENOTEMPTY", "EOVERFLOW", "ENOTCONN", "EOPNOTSUPP", "ETIMEDOUT", "ECONNRESET",
    "EHOSTDOWN", "EHOSTUNREACH", "ENETDOWN", "ENETUNREACH", "ENOMEM", "ENOLCK", "ENOSYS", "ECANCELED", "EBADF", "EILSEQ",
    "ENOMEDIUM", "EREMOTEIO", "EUCLEAN", "ENOKEY") if hasattr(errno, name))


def _link_into(path: Path | str, pointed: str) -> ScoringEngineError:
    return ScoringEngineError(Problem(f"cannot write the report: it is a link into the folder {pointed}, which is not there",
                                      file=str(path), hint="make that folder first, or remove the link"))


#: A file the user made read-only (last year's archived summary): not replaced (QA34 F5), as cp and editors do not.
READ_ONLY = "the file is read-only"
NOT_YOURS = "no permission to write the file"  # it has write bits, for another user
NOT_PERMITTED = "write it into a folder you may write in, or ask for the right to write in this one"
MAKE_THE_FOLDER = "make the folder first, or give a file in a folder that exists"
#: A disk mounted read-only (a CD, a locked USB stick, a share mounted ro): no permission would let it be written.
READ_ONLY_DISK = "the disk it is on is read-only"
ANOTHER_DISK = "write it to a folder on another disk"
FREE_SPACE = "free some space on its disk, or write it to another disk"


def advice(err: OSError) -> str | None:
    """The advice that fits a system error of writing a file or making a folder: the right to write to ask for, another
    disk for a read-only or a full one, space to free (QA216 4: a full disk gave none); None for an error of no such
    kind."""
    return {errno.EACCES: NOT_PERMITTED, errno.EPERM: NOT_PERMITTED, errno.EROFS: ANOTHER_DISK, errno.ENOSPC: FREE_SPACE,
            errno.EDQUOT: FREE_SPACE}.get(err.errno or 0)


def _on_read_only_disk(path: Path) -> bool:
    """Whether `path` is on a file system mounted read-only (QA90 F5: said as a permission to ask for)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): said as a permission
        return False


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8, or bytes) to `path`: a file through a temporary file and a rename, never half-written.

    A pipe or character device at `path` is written into instead, and anything
    else that is not a file is refused. A report that cannot be written (no such
    folder, no permission, disk full) is a ScoringEngineError naming the path; a
    file already there stays as it was.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with stopping_cleanly():
        output = AtomicOutput(path)
        try:
            output.write(data)
            output.commit()
        except BaseException:  # a failure, Ctrl-C, or SIGTERM/SIGHUP through stopping_cleanly
            with stops_deferred(deliver=False):  # a second Ctrl-C must not leave the temporary file
                output.discard()
            raise


class AtomicOutput:
    """An output at `path` written in pieces: a file appears whole on commit() (fsync, the mode it had, rename), or not at all.

    A pipe or character device is written into as the pieces come; anything else
    that is not a file is refused. Every failure is a ScoringEngineError naming
    the path, and discard() leaves no temporary file behind.
    """

    def __init__(self, path: Path):
        self.shown = path
        self.left: list[str] = []  # its temporary files that could not be removed (a folder made read-only)
        try:
            mode: int | None = os.stat(path).st_mode
        except OSError as err:
            if err.errno == errno.ELOOP:  # links in a circle name no file at all
                raise _cannot_write(path, err) from None
            if (unreachable := _unreachable(path)) is not None:
                raise unreachable from None
            mode = None  # absent, or out of reach: making the temporary file says why
        self.temporary: str | None = None
        if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            self.fd = _open_node(path)
        elif mode is None or stat.S_ISREG(mode):
            if mode is not None and was_read(path):
                raise _cannot_write(path, READ_BY_THIS_COMMAND)
            # the rename would replace it all the same; no write bit at all is read-only even to root (chmod 444)
            if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
                raise _cannot_write(path, READ_ONLY if not mode & 0o222 else READ_ONLY_DISK if _on_read_only_disk(path)
                                    else NOT_YOURS)
            self.target = Path(os.path.realpath(path))  # a link stays a link: the file it names is replaced
            folder = self.target.parent
            import tempfile  # only a command that writes a file needs it (4 ms to load): printing needs none

            try:
                with _signals_held():  # so the signal cannot fall between creating the file and knowing its name
                    self.fd, self.temporary = tempfile.mkstemp(prefix=_temporary_prefix(self.target.name, folder),
                                                               suffix=".tmp", dir=folder)
            except OSError as err:
                raise _cannot_write(path, err) from None
            except BaseException:  # a signal held during mkstemp arrives as the hold ends: the file is made, remove it
                if self.temporary is not None:
                    os.close(self.fd)
                    _remove(self.temporary)
                raise
        else:
            raise _cannot_write(path, f"it is {_node_kind(mode)}, not a file (give the path of a file)")
        # for writers that take a file (zipfile); a pipe or device as a stream, written in order (QA320 F1)
        self.file: IO[bytes] = os.fdopen(self.fd, "wb", closefd=False) if self.temporary is not None else \
            io.BufferedWriter(_Stream(self.fd))

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as err:
            raise _cannot_write(self.shown, err) from None

    def prepare(self) -> None:
        """Everything but the rename: the last bytes written and on disk, where a full disk says so. Several outputs
        that must appear together are each prepared, then each committed (nothing is left to fail in between)."""
        if self.file.closed:
            return
        try:
            self.file.flush()
            self.file.close()  # the descriptor stays open (closefd=False) for fsync and close below
            if self.temporary is not None:
                os.fsync(self.fd)  # on disk before the rename, or a crash could leave an empty report
                os.fchmod(self.fd, _report_mode(self.target))
        except OSError as err:
            self.discard()
            raise _cannot_write(self.shown, err) from None

    def commit(self) -> None:
        self.prepare()
        try:
            if self.fd >= 0:  # put in place by commit_together already, only this is left
                os.close(self.fd)
                self.fd = -1
            if self.temporary is not None:
                os.replace(self.temporary, self.target)
                self.temporary = None
        except OSError as err:
            self.discard()
            raise _cannot_write(self.shown, err) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()  # unflushed bytes go nowhere they could be read
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1
        if self.temporary is not None:
            if not _remove(self.temporary):
                self.left.append(self.temporary)
            self.temporary = None


class _Stream(io.RawIOBase):
    """A pipe or character device, written in order: it says it cannot seek, as a pipe does. /dev/null and /dev/zero
    say they can, and their tell() is always 0: a workbook zipped into one, told where its parts began, wrote offsets
    below 0 (struct.error, an internal error: QA320 F1). zipfile now streams into it as into a pipe."""

    def __init__(self, fd: int):
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: Any) -> int:
        return os.write(self.fd, data)


def _unreachable(path: Path) -> ScoringEngineError | None:
    """Why the system cannot reach the folder of `path`, which it says is not there: a part before the file's name that
    is not there, or is no folder (a file), as the shell says of it; a link followed as the system follows it. None when
    only the file is not there. realpath folds `nosuch/..` and `set.yaml/..` away: the rename replaced the file, one
    the command read or a read-only one, that the path as typed never reached (QA216 1)."""
    where = os.fspath(path)
    for _ in range(_LINKS_FOLLOWED):
        pieces = where.replace(os.altsep or "/", "/").split("/")
        for end in range(1, len(pieces)):
            folder = "/".join(pieces[:end]) or "/"
            try:
                if not stat.S_ISDIR(os.stat(folder).st_mode):
                    return ScoringEngineError(Problem(f"cannot write the report: {folder} is not a folder", file=str(path),
                                                      hint="give a path whose every part before the file's name is a folder"))
            except OSError as err:
                if err.errno != errno.ENOENT:
                    return _cannot_write(path, err)
                if where != os.fspath(path):  # a link's: the folder it points into, as written (QA163 F6)
                    return _link_into(path, os.path.dirname(where))
                return ScoringEngineError(Problem(f"cannot write the report: there is no folder {folder}", file=str(path),
                                                  hint=MAKE_THE_FOLDER))
        try:
            where = os.path.join(os.path.dirname(where), os.readlink(where))
        except OSError:  # not a link: only the file is not there
            return None
    return None


def _node_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _open_node(path: Path) -> int:
    """The pipe or character device at `path`, open for writing (waiting for a reader, as any writer to a pipe does)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)  # no O_CREAT, no O_TRUNC: the node stays what it is
    except OSError as err:
        raise _cannot_write(path, err) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as err:
        os.close(fd)
        raise _cannot_write(path, err) from None
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        os.close(fd)
        raise _cannot_write(path, "it was replaced while being opened")
    return fd


def _remove(path: str) -> bool:
    """Whether `path` is gone."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return True


def _temporary_prefix(name: str, folder: Path) -> str:
    """".NAME." with NAME cut so that the temporary file's whole name fits the folder's limit on name length."""
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = _NAME_MAX
    room = max(limit - TEMPORARY_NAME_BYTES, 0)
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def _report_mode(path: Path) -> int:
    """The mode of the report being replaced, or what a newly created file would get (mkstemp's is 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived while a report was being written."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped(signum)


@contextmanager
def stopping_cleanly(said: Callable[[int], None] | None = None) -> Iterator[None]:
    """While the body runs, SIGTERM and SIGHUP (where they would end the process) raise _Stopped, so that the body
    cleans up; the signal is then raised again with its old handler, ending the process as it would have. `said`, given
    the signal, says so first (a batch stopped by a service manager said nothing: QA320 F6)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in _STOP_SIGNALS}
    ours = [signum for signum, handler in previous.items() if handler == signal.SIG_DFL]
    for signum in ours:
        signal.signal(signum, _raise_stopped)
    try:
        yield
    except _Stopped as stop:
        for signum in ours:
            signal.signal(signum, previous[signum])
        ours = []
        if said is not None:
            said(stop.signum)
        signal.raise_signal(stop.signum)
        raise
    finally:
        for signum in ours:
            signal.signal(signum, previous[signum])


#: What stops a run: Ctrl-C, and SIGTERM and SIGHUP where it cleans up after them (stopping_cleanly).
STOPS = (signal.SIGINT, *_STOP_SIGNALS)
_OWN_PROCESS = [False]  # whether the command line runs as a process of its own (the script), not called in-process


def own_process() -> None:
    """Say that the command line runs as a process of its own (`_entry`), which `done_stopping` may change for good."""
    _OWN_PROCESS[0] = True


def done_stopping() -> None:
    """From now to the end of the process, a stop (Ctrl-C, SIGTERM, SIGHUP) is ignored: the work is done and its outputs
    in place, and a stop that came while Python unwinds would end the process as interrupted (QA90 F4, QA92 F3). Only
    in a process of its own: a program that calls the commands in-process keeps its handlers."""
    if _OWN_PROCESS[0] and threading.current_thread() is threading.main_thread():
        for signum in STOPS:
            signal.signal(signum, signal.SIG_IGN)


@contextmanager
def stops_deferred(deliver: bool = True) -> Iterator[None]:
    """Ctrl-C (or a stop the run cleans up after) that comes while the body runs takes effect just after it.

    For work that must not be cut short: outputs being discarded, a batch's worker processes being started or shut
    down. Raised in the middle of a fork, the exception would be swallowed by the fork's own handlers (the batch would
    go on to the end and write its outputs); a shutdown or a discard cut short would leave workers that nothing stops,
    or temporary files. Only a handler written in Python is deferred; the others are left alone. The signals are also
    held (where they can be), so that a worker process started in the body starts with them held until it has its own
    handlers. `deliver` False drops those that came: the run is stopping already.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread runs signal handlers
        return
    held = [signum for signum in STOPS if callable(signal.getsignal(signum))]
    caught: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: caught.append(signum)) for signum in held}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, held) if held and hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(caught) if deliver else ():
            signal.raise_signal(signum)  # as it would have come, to the handler it would have met


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP wait until the body is done (where the platform can hold signals)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
