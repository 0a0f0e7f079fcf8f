"""The Chinese of the messages the Python API gives (a program embedding the engine), and of a failed check of the set."""

from __future__ import annotations

__all__ = ["API"]

API = (
    ("{given} is given: did you mean {name}?", "给出的是 {given}：是否想写 {name}？"),
    ("check the facts it read in {file}", "核对 {file} 中它读取的事实"),
    ("check the facts it read", "核对它读取的事实"),
)
