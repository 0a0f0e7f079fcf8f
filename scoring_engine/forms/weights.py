"""The weights a filled 自评表 prints but does not score: the funds block's 分值, the 总分 row's, a block label's (10分).

The 三级 rows' 分值 are read (refused when they do not add up to their group's) and a 一级 label's weight is compared
(forms.reader); the set scores the funds and the total on its own weights. A unit copying last year's national form
onto a Hubei project leaves 预算执行 at 10 where the set gives 20 (QA54 F3): it was scored on 20 without a word. Each
weight printed here that is neither the set's nor the one it gets when the form's 不适用 indicators are rescaled away
(what the form `score` writes prints) is a 提示 naming its cell; the score stands on the set's weights.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from .._arith import plain
from .._text import cut
from ..errors import Problem
from .layout import WEIGHT_IN_LABEL, same_label
from .reading import FormReading
from .rescaled import used_weights
from .._patterns import compile_later

__all__ = ["compare_weights"]

_NUMBER = compile_later(r"-?\d+(?:\.\d+)?")
_FIX = "correct it, or score the form with the set it was made for"


def compare_weights(reading: FormReading, not_applicable: Mapping[str, str]) -> None:
    """A 提示 for each weight the form prints outside its 三级 rows that the set does not give (`reading.weights_shown`:
    the funds 分值, the 总分 row's and those of the rows of the set's own tree, by the indicator id or "total"; the block
    labels, found here)."""
    s = reading.set
    funds = s.form.funds_indicator
    allowed: dict[str, tuple[Decimal, ...]] = {"total": (s.total,)}
    names = {"total": "总分"}
    rescaled = used_weights(reading, not_applicable, s.precision) if not_applicable else {}
    # the funds' row, and each row of the set's own tree the form prints (a national form's 立项依据充分性: QA331 F4)
    for key in ([funds] if funds is not None else []) + [k for k in reading.weights_shown if k not in ("total", funds)]:
        declared = s.indicator(key).weight
        allowed[key], names[key] = (declared, rescaled.get(key, declared)), s.indicator(key).name
    for key, (row, col) in reading.weights_shown.items():
        typed = _number(reading.sheet.get(row, col))
        if typed is not None and key in allowed and typed not in allowed[key]:
            reading.warnings.append(Problem(
                f"{reading.sheet.ref(row, col)}: the form gives {cut(plain(typed))} points, but {names[key]} weighs "
                f"{plain(allowed[key][0])} in the set {s.id}; it is scored on the set's weight", file=str(reading.path),
                hint=_FIX))
    shares = allowed[funds] if funds is not None else ()
    rest = tuple(dict.fromkeys(s.total - w for w in shares)) or (s.total,)  # 绩效指标（90分）: the total less the funds'
    for label, weights in ((reading.layout.funds.label, shares), (reading.layout.indicators.label, rest)):
        if weights and WEIGHT_IN_LABEL.search(label):
            _label(reading, label, weights)


def _label(reading: FormReading, label: str, weights: tuple[Decimal, ...]) -> None:
    """The block label as the form prints it (预算执行情况（20分）), its weight compared with the block's."""
    for (row, col), value in sorted(reading.sheet.cells.items()):
        if not isinstance(value, str) or not same_label(value, label):
            continue
        written = WEIGHT_IN_LABEL.search(unicodedata.normalize("NFKC", value))
        if written is not None and Decimal(written.group(1)) not in weights:
            reading.warnings.append(Problem(
                f"{reading.sheet.ref(row, col)}: the label gives {written.group(1)} points, but "
                f"{WEIGHT_IN_LABEL.sub('', label)} weighs {plain(weights[0])} in the set {reading.set.id}; it is scored "
                "on the set's weight", file=str(reading.path), hint=_FIX))
        return


def _number(value: object) -> Decimal | None:
    """A weight typed in a cell: a number, or text holding one ('20', '20分', '２０'); None for anything else."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("分").strip()
        return Decimal(text) if _NUMBER.fullmatch(text) else None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    return None
