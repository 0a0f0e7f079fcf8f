"""The `scoring-engine` command's entry point: a Ctrl-C while Python is still importing the commands stops quietly.

The commands themselves stop cleanly on Ctrl-C (`_output.stopping_cleanly`); before they are loaded (the first few
tenths of a second: click, PyYAML and the package) an interrupt would print Python's traceback. This module loads
nothing but `_early_stop` before the commands, so that it can catch that too; the package's `__init__`, which Python
loads before this module, holds one that comes while it loads until then (`_early_stop`).
"""

from __future__ import annotations

from ._early_stop import interrupted, release

__all__ = ["main"]


def main() -> None:
    try:
        from ._output import own_process
        from .cli import main as run
    except KeyboardInterrupt:  # (where nothing was held: the package was loaded otherwise than by the command)
        interrupted()
    release()  # a Ctrl-C held while the package loaded stops the command now
    own_process()
    run()
