"""The Chinese of the messages the Python API gives (a program embedding the engine), and of a failed check of the set."""

from __future__ import annotations

__all__ = ["API"]

API = (
    ("facts text is {size} bytes; the limit is {limit} ({name})", "事实文本有 {size} 字节，上限是 {limit}（{name}）"),
    ("a project's facts take a few kilobytes", "一个项目的事实只有几 KB"),
    ("{given} is given: did you mean {name}?", "给出的是 {given}：是否想写 {name}？"),
    ("check the facts it read in {file}", "核对 {file} 中它读取的事实"),
    ("check the facts it read", "核对它读取的事实"),
)
