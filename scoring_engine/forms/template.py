"""A facts skeleton for a set: every fact with its label, unit, type and bounds, for a unit to fill in.

YAML carries the description of each fact as a comment after it; JSON, which has
no comments, carries them in an ``about`` section that scoring ignores. Values are
empty (null): a fact left empty is a missing fact when the file is scored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import _json
from .._arith import in_engine_context, plain
from .._command_line import as_argument
from .._own_values import written_form
from .._text import one_line
from ..model import FactSpec, IndicatorSet
from ..target_rows import ROW_KEYS

__all__ = ["TYPE_WORDS", "default_words", "describe", "facts_skeleton", "names_no_set", "row_keys", "scoring_command",
           "tier_example", "type_words"]


#: A fact's type, as the person filling it in reads it.
TYPE_WORDS = {"number": "数字", "integer": "整数", "boolean": "true 或 false", "string": "文字", "date": "日期 YYYY-MM-DD",
              "list": "列表", "judgement": "评价组判断 {score, reason}", "tier": "档次 {tier, score, reason}"}
_ON_FORM = {"judgement": "评价组判断：得分，理由（如 3分，测算依据基本充分）",
            "tier": "档次：档次，得分，理由（如 达成年度指标，9分，效果明显）"}
_ITEM_WORDS = {"finding": "问题（文字，或 {text, points}）", "number": "数字", "target": "目标行"}


def tier_example(indicator_set: IndicatorSet, fact: str) -> tuple[str, str]:
    """A tier fact's example, the top tier and its points, as the indicator that reads it has them: (好, 3) for tiers
    好/较好/一般/差 of 3 points (QA271 F6: the example was always 达成年度指标，9分, which such a fact refuses)."""
    for indicator in indicator_set.walk():
        rule = indicator.rule
        if rule is not None and rule.kind == "tiers" and rule.params.fact == fact:
            top = next((label for label, iv in rule.params.tiers if iv.high is None), rule.params.tiers[0][0])
            return top, plain(indicator.weight)
    return "达成年度指标", "9"


def type_words(spec: FactSpec, on_form: bool = False) -> str:
    """'数字', '目标行列表', … — the fact's type in words; `on_form`: as a clerk types it on the form's side sheet, where a
    yes-or-no fact is 是 or 否 (a facts file's is true or false: QA35 F5)."""
    if on_form and spec.type == "boolean":
        return "是 或 否"
    if on_form and spec.type in _ON_FORM:  # its parts in words, as the side sheet reads them (QA263 F3)
        return _ON_FORM[spec.type]
    if on_form and spec.type == "list" and spec.items == "number":  # as the side sheet reads them (QA271 F6)
        return "数字列表，每行一个，或用、分隔"
    if on_form and spec.type == "list" and spec.items == "finding":  # one a line, as the side sheet reads them (QA284 F7)
        return "发现的问题，每行写一个（Alt+Enter 换行），没有时填 无"
    if spec.type == "list" and spec.items:  # and how to say there is none, where an item 无 is refused (QA260 F1)
        none = ("，没有时填 无" if on_form else "，没有时写 []") if spec.items == "finding" else ""
        return f"{_ITEM_WORDS.get(spec.items, spec.items)}列表{none}"
    return TYPE_WORDS.get(spec.type, spec.type)


def describe(spec: FactSpec) -> str:
    """'全年预算数；数字，万元，≥ 0；必填' — what a person filling the fact needs to know, in Chinese.

    >>> from decimal import Decimal
    >>> describe(FactSpec(name="budget.total", type="number", label="全年预算数", unit="万元", min=Decimal(0)))
    '全年预算数；数字，万元，≥ 0；必填'
    """
    parts = [spec.label or spec.name]
    bounds = [f"≥ {spec.min}" if spec.min is not None else "", f"≤ {spec.max}" if spec.max is not None else ""]
    parts.append("，".join(p for p in (type_words(spec), spec.unit or "", *bounds) if p))
    if spec.values:  # each with the words it may be written as (bands（分档）)
        parts.append("可选值：" + " / ".join(value + "".join(f"（{w}）" for w, meant in spec.aliases if meant == value)
                                          for value in spec.values))
    if spec.type == "list" and spec.items == "target":  # each key with what a clerk writes there (QA40 F12)
        parts.append(row_keys())
    parts.append("必填" if spec.required and spec.default is None else f"选填（默认 {default_words(spec.default)}）"
                 if spec.default is not None else "选填")
    return "；".join(parts)


#: What each key of a target row holds, for the skeleton's comment.
_ROW_KEY_WORDS = {"id": "行编号，可不写", "name": "三级指标名称，必填", "category": "二级指标",
                  "type": "行的类型，或写 comparison", "comparison": "≥、≤、= 或 定性", "target": "年度指标值",
                  "actual": "实际完成值", "unit": "单位",
                  "weight": "分值", "tier": "定性行的档次", "score": "定性行的得分", "reason": "偏差原因分析及改进措施"}


def row_keys() -> str:
    """'每行的键：id（行编号，可不写）, name（三级指标名称，必填）, …': the keys of a target row, as the skeleton's comment and
    the blank form's 说明 of a list of target rows typed as JSON give them (QA337 5)."""
    return "每行的键：" + ", ".join(f"{key}（{_ROW_KEY_WORDS[key]}）" if key in _ROW_KEY_WORDS else key for key in ROW_KEYS)


def default_words(value: Any) -> str:
    """A default as a facts file writes it: false, [], 0.9 (not Python's False or (): QA44 F8); text as it is."""
    if isinstance(value, str):
        return value
    shown = [written_form(item) for item in value] if isinstance(value, (list, tuple)) else written_form(value)
    text = _json.dumps(shown, indent=None)  # a list of findings item by item (QA45 F2: a Finding is no JSON)
    return text[1:-1] if text.startswith('"') else text  # a date as a facts file writes it: 2024-06-30


def _skeleton(indicator_set: IndicatorSet, named: str | None) -> dict[str, Any]:
    # project details blank as text: a detail left null is refused (it reached reports as Python's None)
    project = {"name": "", "id": "", "department": "", "unit": "", "year": ""}  # id: the 项目编号 a re-check is matched by
    facts = {name: None for name in indicator_set.facts}
    if names_no_set(named):  # a set outside the skeleton's folder, which a facts file cannot name: scored with --set
        return {"project": project, "facts": facts}
    return {"indicator_set": named or indicator_set.id, "project": project, "facts": facts}


def skeleton_names(path: Path, output: Path | None) -> str:
    """How a skeleton written to `output` (None: the screen, read from the working folder) names a set of one's own file
    at `path` (its id is no name score can find): its path from the skeleton's folder, as score looks for it; the whole
    path when the set lies outside that folder, which a facts file cannot name (QA75 F5), for its header's --set, to be
    run from any folder (QA76 F7)."""
    relative = Path(os.path.relpath(path.resolve(), os.path.realpath(output.parent if output else Path()))).as_posix()
    return str(path.resolve()) if relative == ".." or relative.startswith("../") else relative


def names_no_set(named: str | None) -> bool:
    """Whether the skeleton cannot name its set (it lies outside the skeleton's folder, or its path is not text a file
    can hold: a folder named in another encoding, QA76 F3): it is scored with --set then."""
    return named is not None and (os.path.isabs(named) or not _writable(named))


def scoring_command(named: str | None) -> str:
    """The command that scores a skeleton naming its set so (`named`, as `facts_skeleton` takes it): with --set when the
    skeleton cannot name it."""
    if not names_no_set(named):
        return "scoring-engine score 文件名"
    return f"scoring-engine score 文件名 --set {as_argument(named)}" if named and _writable(named) else \
        "scoring-engine score 文件名 --set 指标体系文件"


def _writable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@in_engine_context
def facts_skeleton(indicator_set: IndicatorSet, fmt: str, named: str | None = None, screen: bool = False) -> str:
    """The skeleton as JSON or YAML text; `named`: how it names the set (a file's path), if not by its bundled id;
    `screen`: written to the screen, its path to the set from the working folder."""
    doc = _skeleton(indicator_set, named)
    how = scoring_command(named)
    below = screen and named is not None and not names_no_set(named) and "/" in named
    moved = f"indicator_set 是从当前文件夹到指标体系的路径：保存在指标体系旁时，改写为 {Path(named or '').name}" if below else ""
    if fmt == "json":  # naming no set, it says how to score it, as the YAML's header does (QA260 F4)
        doc["about"] = {**({"用法": f"未写指标体系：评分时用 {how}"} if names_no_set(named) else {}),
                        **({"用法": moved} if moved else {}),  # saved beside a set in a folder below (QA337 6)
                        **{name: describe(spec) for name, spec in indicator_set.facts.items()}}
        return _json.dumps(doc) + "\n"
    naming = [] if names_no_set(named) else \
        [f"indicator_set: {json.dumps(named, ensure_ascii=False) if named else indicator_set.id}"]
    lines = [f"# {one_line(indicator_set.name)}（{indicator_set.id} {one_line(indicator_set.version)}）：事实模板",
             f"# 逐项填写；不知道的事实留空（null）。`{how}` 读取并评分。", *([f"# {moved}。"] if moved else []),
             *naming, "project:"]
    labels = {"name": "项目名称", "id": "项目编号（复核按它对应项目）", "department": "主管部门", "unit": "实施单位",
              "year": "年度"}
    lines += [f'  {key}: ""  # {label}' for key, label in labels.items()]
    lines.append("facts:")
    for name, spec in indicator_set.facts.items():
        lines.append(f"  {json.dumps(name)}:  # {one_line(describe(spec))}")  # a comment ends at a line break (QA46)
    return "\n".join(lines) + "\n"
