"""What the command line prints: the report on standard output (`say`), a line on standard error (`tell`).

Standard output takes the report all at once; a reader that went away is a
quiet exit, any other failure a ScoringEngineError, and a closed standard
output is an error too, not a silent success.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys

from ._command_line import stdout_fix
from ._stream_text import fit
from .errors import Problem, ScoringEngineError

__all__ = ["drop_stdout", "on_a_terminal", "say", "tell"]


def say(text: str, *, as_file: bool = False) -> None:
    """Print `text` on standard output, all of it, now.

    A reader that went away (a closed pipe) raises BrokenPipeError, for a quiet
    exit; a closed standard output, a full disk or an encoding that cannot hold
    the text is a ScoringEngineError. `as_file`: a format that declares or implies UTF-8 (HTML's charset, JSON, CSV's
    BOM) goes out as a file written with --output would, its UTF-8 bytes unchanged, whatever the output's encoding
    (QA183 F3); only the text a person reads in the terminal is fitted to it.
    """
    stream = sys.stdout
    if stream is None:
        raise ScoringEngineError(Problem("cannot print the output: standard output is closed",
                                         hint=stdout_fix(closed=True)))
    encoding = getattr(stream, "encoding", None) or "utf-8"
    raw = getattr(stream, "buffer", None)
    as_bytes = as_file and raw is not None and not _is_utf8(encoding)
    text, unheld = (text, None) if as_bytes else fit(text, encoding)  # − as -, › as >, on a GBK output (QA179 F1)
    if unheld is not None and (stream.errors or "strict") == "strict":  # a character of the user's own text
        drop_stdout()
        raise ScoringEngineError(Problem(f"cannot print the output: standard output takes {encoding} text only; the first "
                                         f"character it cannot hold is U+{ord(unheld[0]):04X} {unheld[0]!r}, on line "
                                         f"{unheld[1]}", hint=stdout_fix(closed=False)))
    try:
        if as_bytes or isinstance(raw, io.RawIOBase):  # python -u (PYTHONUNBUFFERED): a pipe may take only part of it
            stream.flush()
            data = text.encode("utf-8") if as_bytes else text.encode(encoding, stream.errors or "strict")
            if isinstance(raw, io.RawIOBase):
                _write_all(raw, data)
            else:  # the buffer under a text stream, which takes the whole of it
                assert raw is not None
                raw.write(data)
                raw.flush()
        else:
            stream.write(text)
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        drop_stdout()
        raise ScoringEngineError(Problem(f"cannot print the output: {err.strerror or err}")) from None
    except UnicodeEncodeError:
        drop_stdout()
        raise ScoringEngineError(Problem(f"cannot print the output: standard output takes {stream.encoding} text only",
                                         hint=stdout_fix(closed=False))) from None


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _write_all(raw: io.RawIOBase, data: bytes) -> None:
    """Every byte of `data` into a raw stream, which may take fewer than given in one write (a pipe's 64 KiB)."""
    view = memoryview(data)
    while view:
        written = raw.write(view)
        if not written:  # a stream that takes nothing more: as a full disk
            raise OSError(errno.EIO, "standard output took no more bytes")
        view = view[written:]


def tell(line: str) -> None:
    """Print one line on standard error; if standard error itself is gone there is no one left to tell."""
    stream = sys.stderr
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line, unheld = fit(line, encoding)  # − as -, on a GBK console; a character it has no way to hold as its escape
    if unheld is not None:
        line = line.encode(encoding, "backslashreplace").decode(encoding)
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, UnicodeEncodeError):
        pass


def drop_stdout() -> None:
    """Send what still waits for the process's standard output to /dev/null, so the exit, flushing it, does not fail again."""
    stream = sys.__stdout__
    if stream is None or sys.stdout is not stream:
        return  # none, or not the process's own (a test's capture): nothing is flushed at exit
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def on_a_terminal() -> bool:
    """Whether standard error is a terminal: where Ctrl-C shows ^C, or the progress line stands, so that the line that
    says the command was interrupted starts on a line of its own; in a log file it is not preceded by an empty line
    (QA320 F8)."""
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False
