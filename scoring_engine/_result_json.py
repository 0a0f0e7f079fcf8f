"""The result document as JSON text, written directly."""

from __future__ import annotations

from typing import Any

from . import _json


def result_json(result: Any) -> str:
    return _json.dumps(result.to_dict()) + "\n"
