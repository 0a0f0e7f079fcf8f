"""Ctrl-C before the commands are loaded (the first tenth of a second): one line saying so, the command's exit code.

Imported first by the package's `__init__`: when the package is being loaded by the command (its script, or
`python -m scoring_engine`), Ctrl-C is held from then until the entry point (`_entry`) has loaded the commands, and
said then (QA163 F7). An interrupt raised in the middle of an import printed Python's traceback, or was swallowed by
the import system's own clean-up ("Exception ignored"), and the batch went on. Loads nothing but `os`, `signal` and
`sys`; a program that imports the package keeps Python's own Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["interrupted", "release"]

#: The exit codes of a command stopped by Ctrl-C, as the commands give them (_cli_guard): batch's as the shells give it
#: (128 + SIGINT), the others' 1.
_INTERRUPTED_BATCH, _INTERRUPTED = 130, 1
#: The names of the command's script (pip's, and on Windows its launcher's).
_SCRIPTS = ("scoring-engine", "scoring-engine.exe", "scoring-engine-script.py")
_held: list[int] = []  # the Ctrl-Cs that came while the command loaded
_holding = [False]


def _the_command() -> bool:
    """Whether this process is the command: its script, or `python -m scoring_engine` (whose sys.argv[0] is "-m" while
    the package loads)."""
    if sys.argv and os.path.basename(sys.argv[0]) in _SCRIPTS:
        return True
    given = list(getattr(sys, "orig_argv", ()))
    return "-m" in given and given[given.index("-m") + 1:][:1] == ["scoring_engine"]


def _hold() -> None:
    """Hold Ctrl-C while the command loads (not where it is ignored, a job in the background)."""
    if _the_command() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        try:
            signal.signal(signal.SIGINT, lambda signum, frame: _held.append(signum))
        except ValueError:  # not the main thread: nothing is held
            return
        _holding[0] = True


def release() -> None:
    """Ctrl-C as usual from now on; one that came while the command loaded ends it now, on one line."""
    if _holding[0]:
        _holding[0] = False
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if _held:
            interrupted()


def interrupted() -> NoReturn:
    """Say the command was interrupted, in the language asked for (--lang, SCORING_ENGINE_LANG) or the locale's (what
    the input is in is not known yet), and exit (QA267 F7: a run given --lang zh said "interrupted")."""
    argv = sys.argv[1:]
    asked = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None) or next(
        (argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--lang"), None) or os.environ.get("SCORING_ENGINE_LANG")
    locale = asked or os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    try:  # noqa: SIM105 - loads no contextlib; standard error closed (2>&-): no one to tell, and it stops (QA193 F2)
        sys.stderr.write("\n已中断\n" if locale.lower().startswith("zh") else "\ninterrupted\n")
    except (AttributeError, OSError, ValueError):
        pass
    sys.exit(_INTERRUPTED_BATCH if "batch" in sys.argv[1:] else _INTERRUPTED)


_hold()
