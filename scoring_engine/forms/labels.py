"""A label on a form compared with the label a layout gives it, as people write it (full-width, spaced, with its unit)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["same_label"]


def same_label(written: str, label: str) -> bool:
    """Whether a cell's text is the label: full-width forms, spaces and a trailing colon ignored."""
    return _normal(written) == _normal(label)


def _normal(text: str) -> str:
    # a label with its unit written after it ('年度资金总额（万元）', '分值(分)') is the label: the unit is the form's own
    return _UNIT_AFTER.sub("", "".join(unicodedata.normalize("NFKC", text).split()).rstrip(":"))


_UNIT_AFTER = re.compile(r"\((?:万元|满分)?(?:\d+(?:\.\d+)?)?分?\)$")  # (万元), (分), 总分(100分), (满分100分), (100)
