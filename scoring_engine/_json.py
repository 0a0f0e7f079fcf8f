"""A small deterministic JSON writer that prints Decimals exactly.

The standard library cannot write a Decimal as a JSON number without going
through float; scores and amounts must come out exactly as computed, with the
same bytes on every run and Python version.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any


def dumps(value: Any, indent: int | None = 2, sort_keys: bool = False) -> str:
    """JSON text for dicts, lists, text, Decimals, ints, booleans, None, dates and finite floats."""
    parts: list[str] = []
    _write(value, parts, indent, sort_keys, 0)
    return "".join(parts)


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _write(value: Any, out: list[str], indent: int | None, sort_keys: bool, level: int) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))  # what json.dumps(value, ensure_ascii=False) gives, without its set-up per call
    elif value is None or isinstance(value, bool):
        out.append(_CONSTANTS[value])
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        text = format(value, "f")
        out.append("0" if text == "-0" else text)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(json.dumps(value, allow_nan=False))
    elif isinstance(value, (datetime.date, datetime.datetime)):
        out.append(json.dumps(value.isoformat()))
    elif isinstance(value, Mapping):
        items = sorted(value.items()) if sort_keys else list(value.items())
        if not items:
            out.append("{}")
            return
        out.append("{")
        for i, (key, item) in enumerate(items):
            if i:
                out.append(",")
            out.append(_newline(indent, level + 1))
            out.append(encode_basestring(str(key)))
            out.append(": " if indent is not None else ":")
            _write(item, out, indent, sort_keys, level + 1)
        out.append(_newline(indent, level) + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            out.append(_newline(indent, level + 1))
            _write(item, out, indent, sort_keys, level + 1)
        out.append(_newline(indent, level) + "]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _newline(indent: int | None, level: int) -> str:
    return "" if indent is None else "\n" + " " * (indent * level)
