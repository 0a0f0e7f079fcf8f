"""What to do about a file or a folder the system does not let the command read (no permission): said beside its
"cannot read", as an output's error says what to do about a file it may not write (QA332 F6)."""

from __future__ import annotations

import errno

__all__ = ["FOLDER_RIGHT", "READ_RIGHT", "read_right"]

#: A file the user may not read: another user's, or one made unreadable.
#: (not "copy it to a folder you may read", which who may not read it cannot do: QA334 F10)
READ_RIGHT = "ask its owner for the right to read it, or to copy it for you"
#: A folder below a batch's input that may not be listed: none of its projects is scored.
FOLDER_RIGHT = "none of its projects is scored: ask its owner for the right to read the folder, or to copy it for you"


def read_right(err: OSError, advice: str = READ_RIGHT) -> str | None:
    """`advice` for an error of reading that a permission would mend; None for any other error."""
    return advice if err.errno in (errno.EACCES, errno.EPERM) else None
