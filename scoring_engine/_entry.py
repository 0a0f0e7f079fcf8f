"""The `scoring-engine` command's entry point: a Ctrl-C while Python is still importing the commands stops quietly.

The commands themselves stop cleanly on Ctrl-C (`_output.stopping_cleanly`); before they are loaded (the first few
tenths of a second: click, PyYAML and the package) an interrupt would print Python's traceback. This module loads
nothing but `sys` before the commands, so that it can catch that too.
"""

from __future__ import annotations

import os
import sys

__all__ = ["main"]

#: The exit codes of a command stopped by Ctrl-C, as the commands give them (_cli_guard): batch's as the shells give it
#: (128 + SIGINT), the others' 1.
_INTERRUPTED_BATCH, _INTERRUPTED = 130, 1


def main() -> None:
    try:
        from ._output import own_process
        from .cli import main as run
    except KeyboardInterrupt:  # said in the locale's language: what the input is in is not known yet
        locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
        sys.stderr.write("\n已中断\n" if locale.lower().startswith("zh") else "\ninterrupted\n")
        sys.exit(_INTERRUPTED_BATCH if "batch" in sys.argv[1:] else _INTERRUPTED)
    own_process()
    run()
