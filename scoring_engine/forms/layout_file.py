"""Reading a form layout file as a set is read: the engine's YAML reader (positions; duplicate keys and anchors refused),
the JSON Schema ``schemas/form-layout.schema.json`` (blocks, column keys, field names, no unknown keys), then the checks
a schema cannot say: the indicator columns a form needs to be written and read back, no key or label twice in a block,
no empty label, a subtitle with no placeholder but {year}, and the id the file's own name. Each problem is at its line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._build.schema_check import check_schema
from .._build.problems import Path as DataPath, ProblemLog
from .._files import read_yaml_text, shown_path
from .._yaml import YamlError, load
from ..errors import IndicatorSetError

__all__ = ["NEEDED_COLUMNS", "read_layout"]

SCHEMA = "form-layout.schema.json"
#: The indicator columns a form cannot be written or read back without: one of each group of keys. The reader finds the
#: indicator block by 一级指标 and 三级指标 and the form sheet by 三级指标 and 实际完成值; the total row is written under
#: the 分值 and 得分 columns; a row without its 年度指标值 cannot be scored.
NEEDED_COLUMNS = (("level1",), ("level3",), ("target", "target_value"), ("actual", "actual_value"), ("weight",), ("score",))
#: Two keys that fill one field of a row: a form with both would read the one into the other.
_ONE_FIELD = (("target", "target_value"), ("actual", "actual_value"))


def read_layout(path: Path) -> Mapping[str, Any]:
    """The layout file's data, checked; IndicatorSetError listing every problem at its line, in file order."""
    text, _ = read_yaml_text(path, IndicatorSetError)
    file = shown_path(path)
    try:
        located = load(text, file)
    except YamlError as err:
        raise IndicatorSetError(err.problems) from None
    log = ProblemLog(located, file)
    if not isinstance(located.data, Mapping):
        log.add((), "a form layout must be a mapping with id, name, title, subtitle, header, funds, goals, indicators and total",
                "see docs/reports.md (Form layouts)")
        raise IndicatorSetError(log.ranked())
    check_schema(log, SCHEMA)
    if not log.problems:  # the checks below rely on the shape the schema gives
        _check(log, located.data, path.stem)
    if log.problems:
        raise IndicatorSetError(log.ranked())
    return located.data


def _check(log: ProblemLog, data: Mapping[str, Any], stem: str) -> None:
    if data["id"] != stem:
        log.add(("id",), f"the layout's id {data['id']} is not its file's name {stem}",
                f"write id: {stem}, or name the file {data['id']}.yaml: a set names a layout by its file's name")
    columns = data["indicators"]["columns"]
    keys = [c["key"] for c in columns]
    for group in NEEDED_COLUMNS:
        if not set(group) & set(keys):
            log.add(("indicators", "columns"), f"the indicator block has no {' or '.join(group)} column", key=True,
                    hint=f"add the column {group[0]} with its label as the form prints it: a form is not written or read back "
                         "without it")
    for pair in _ONE_FIELD:
        if set(pair) <= set(keys):
            log.add(("indicators", "columns", keys.index(pair[1]), "key"), f"columns {pair[0]} and {pair[1]} both hold the row's "
                    f"{pair[0]}", f"keep one of them: {pair[1]} is the number alone, {pair[0]} the number with its sign and unit")
    if "target_value" in keys and "comparison" not in keys:  # the sign is only in its own column (QA131 F2)
        log.add(("indicators", "columns", keys.index("target_value"), "key"), "column target_value has no comparison column "
                "beside it: the form would print each target without its ≥ or ≤", "add the column comparison (指标性质), "
                "or write the targets in one column target (≥19栋)")
    alone = next((key for key in ("target_value", "actual_value") if key in keys), None)
    if alone is not None and "unit" not in keys:  # the unit is only in its own column (QA132 F4)
        log.add(("indicators", "columns", keys.index(alone), "key"), f"column {alone} has no unit column beside it: the "
                "form would print each number without its unit", "add the column unit (计量单位), or write the numbers "
                "with their units in the columns target and actual")
    lists: list[tuple[DataPath, list[Any], str]] = [
        (("funds", "columns"), data["funds"]["columns"], "key"), (("funds", "rows"), data["funds"]["rows"], "key"),
        (("indicators", "columns"), columns, "key")]
    fields = [((*at, i), item) for at, items in [(("header", n), line) for n, line in enumerate(data["header"])] +
              [(("goals", "columns"), data["goals"]["columns"]), (("closing",), data.get("closing") or [])]
              for i, item in enumerate(items)]
    _once(log, fields, "field", "the project field {word} is shown twice on the form")
    for at, items, key in lists:
        where, placed = ".".join(map(str, at)), [((*at, i), item) for i, item in enumerate(items)]
        _once(log, placed, key, f"key {{word}} is used twice in {where}")
        _labels_once(log, placed, where)
    _labels_once(log, fields, "header, goals, closing")
    for level1, level2 in data["indicators"]["skeleton"].items():
        _labels_once(log, [(("indicators", "skeleton", level1, i), {"label": word}) for i, word in enumerate(level2)],
                     f"indicators.skeleton.{level1}", at_label=False)
    _blank_labels(log, data)
    _fits(log, data, 1 + len(columns))
    _subtitle(log, data["subtitle"])


def _fits(log: ProblemLog, data: Mapping[str, Any], width: int) -> None:
    """Each block within the form's width, which its indicator block sets: the writers cut what lies past (QA131 F4)."""
    blocks: list[tuple[DataPath, int]] = [(("funds", "columns"), 2 + len(data["funds"]["columns"])),
                                          (("goals", "columns"), 1 + len(data["goals"]["columns"])),
                                          *((("header", n), 2 * len(line)) for n, line in enumerate(data["header"]))]
    for at, need in blocks:
        if need > width:
            log.add(at, f"block {'.'.join(map(str, at))} needs {need} columns, and the form is {width} wide",
                    key=at[0] != "header", hint="the form is as wide as its indicator columns and their label and cuts what "
                    "lies past: put fewer items in the block (split a header line in two), or add an indicator column")


def _subtitle(log: ProblemLog, subtitle: str) -> None:
    """Only the bare {year} ({year.real} failed, {year[0]} cut it: QA131 F3), printed as the form reader finds a year."""
    from .labels import YEAR, YEAR_PLAIN

    if "{" in subtitle.replace("{year}", "") or "}" in subtitle.replace("{year}", ""):
        log.add(("subtitle",), f"subtitle {subtitle} has a placeholder other than {{year}}",
                "write {year} where the project's year goes, and no other braces")
    elif not any((m := p.search(subtitle.format(year="2024"))) and m.group(1) == "2024" for p in (YEAR, YEAR_PLAIN)):
        log.add(("subtitle",), f"subtitle {subtitle} does not print the year as the form reader finds it",
                "write it as （{year}年度）, or begin it with {year}年度: a filled form's year is read from those")


def _once(log: ProblemLog, items: list[tuple[DataPath, Mapping[str, Any]]], key: str, message: str) -> None:
    """Each value of `key` given once among `items`; the second said at its place."""
    seen: set[Any] = set()
    for at, item in items:
        word = item.get(key)
        if word in seen:
            log.add((*at, key), message.format(word=word), "give each its own, or delete one")
        seen.add(word)


def _labels_once(log: ProblemLog, items: list[tuple[DataPath, Mapping[str, Any]]], where: str, at_label: bool = True) -> None:
    """No label (nor an also: wording) that another item of the block has: the form reader could not tell them apart."""
    from .labels import same_label

    seen: list[str] = []
    for at, item in items:
        words = [item["label"], *item.get("also", ())]
        clash = next((w for w in words if any(same_label(w, s) for s in seen)), None)
        if clash is not None:
            log.add((*at, "label") if at_label else at, f"label {clash} is used twice in {where}",
                    "give each column or row its own label: a filled form is read back by its labels")
        seen += words


def _blank_labels(log: ProblemLog, data: Any, at: DataPath = ()) -> None:
    """A label, also: wording or skeleton label of spaces only (the schema refuses an empty label) or with an invisible
    character (U+200B, a bidi mark): the form would print, and look for, what nobody sees or types (QA131 F5)."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            words = [((*at, key), value)] if key == "label" else []
            if key == "also" and isinstance(value, list):
                words = [((*at, key, i), word) for i, word in enumerate(value)]
            elif at == ("indicators", "skeleton") and isinstance(value, list):
                words = [((*at, key), key), *(((*at, key, i), word) for i, word in enumerate(value))]
            for place, word in words:
                _unseen(log, place, word, is_key=place == (*at, key) and key not in ("label", "also"))
            _blank_labels(log, value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _blank_labels(log, value, (*at, i))


#: Letters and marks that print as nothing (a Hangul filler, the grapheme joiner), beside the variation selectors
#: (QA132 F5): Unicode counts them default ignorable, though not as format characters.
_UNSEEN = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0")


def _unseen(log: ProblemLog, at: DataPath, word: Any, is_key: bool) -> None:
    if not isinstance(word, str):
        return
    hidden = next((c for c in word if (unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn") and c not in "\t\n")
                   or c in _UNSEEN or 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF), None)
    if not word.strip():
        log.add(at, "the label is only spaces", "write the label as the form prints it", key=is_key)
    elif hidden is not None:
        log.add(at, f"the label holds the invisible character U+{ord(hidden):04X}",
                "delete it and write the label as the form prints it", key=is_key)
