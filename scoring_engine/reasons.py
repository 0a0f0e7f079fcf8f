"""Reason sentences: one template per situation, which a set may override.

Templates use ``{name}`` placeholders only (no attribute access, indexing or
format specs), so a set's template can never reach anything but the fields
the engine hands it. Every template may also use the common fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["TEMPLATES", "COMMON_FIELDS", "render", "template_problems"]

#: Fields every template can use: the indicator's name, weight, score and points lost.
COMMON_FIELDS = ("name", "weight", "score", "lost")

#: key → (default template, fields the template may use besides COMMON_FIELDS)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "formula.score": ("按公式 {formula} 计算得{score}分", ("formula", "value")),
    "formula.rate": ("按公式 {formula} 得比率{rate}，得分 = {weight} × {rate} = {score}分", ("formula", "rate")),
    "proportional.full": ("完成率{actual_rate}，达到目标，得满分{score}分", ("rate", "actual_rate", "value", "target")),
    "proportional.partial": ("完成率{rate}，得分 = {weight} × {rate} = {score}分", ("rate", "actual_rate", "value", "target")),
    "proportional.lower_full": ("实际值{value}未超过目标值{target}，得满分{score}分", ("rate", "actual_rate", "value", "target")),
    "proportional.lower_partial": (
        "实际值{value}超过目标值{target}，得分 = {weight} × {target} ÷ {value} = {score}分",
        ("rate", "actual_rate", "value", "target"),
    ),
    "proportional.below_floor": ("完成率{rate}，低于{floor}，不得分", ("rate", "actual_rate", "value", "target", "floor")),
    "proportional.above_floor": (
        "完成率{rate}，得分 = {weight} × ({rate} − {floor}) ÷ (100% − {floor}) = {score}分",
        ("rate", "actual_rate", "value", "target", "floor"),
    ),
    "bands": ("{value_text}，处于{band}区间，得{score}分", ("value", "value_text", "band")),
    "linear.full": ("{value}达到目标{target}，得满分{score}分", ("value", "target")),
    "linear.partial": (
        "{value}与目标{target}相差{shortfall}，每{per}扣{each}分，计{units}个单位扣{deducted}分，得{score}分",
        ("value", "target", "shortfall", "units", "per", "each", "deducted"),
    ),
    "linear.zero": ("{value}达到零分线{zero_at}，不得分", ("value", "target", "zero_at")),
    "deduction.none": ("未发现问题，得满分{score}分", ("count",)),
    "deduction.some": ("发现{count}处问题，扣{deducted}分，得{score}分", ("count", "deducted")),
    "deduction.zero_at": ("发现{count}处问题，达到{zero_at}处，不得分", ("count", "zero_at")),
    "checklist.full": ("要点均已满足（共{count}项），得满分{score}分", ("count",)),
    "checklist.partial": ("{missed}；扣{lost}分，得{score}分", ("count", "missed")),
    "tiers": ("{tier}（{low}–{high}分），得{score}分：{reason}", ("tier", "low", "high", "reason")),
    "judgement": ("评价人判断得{score}分：{reason}", ("reason",)),
    "panel.mean": ("{count}位评审平均{combined}分（满分{scale}），折合{score}分", ("count", "combined", "scale")),
    "panel.trimmed_mean": (
        "{count}位评审去掉最高、最低各{trim}个后平均{combined}分（满分{scale}），折合{score}分",
        ("count", "trim", "combined", "scale"),
    ),
    "panel.weighted": ("{parts}，加权合计{combined}分（满分{scale}），折合{score}分", ("parts", "combined", "scale")),
    "not_applicable.full_credit": ("不适用（{reason}），按规定得满分{score}分", ("reason",)),
    "not_applicable.rescale": ("不适用（{reason}），分值按比例分配至其他指标", ("reason",)),
    "parent": ("{count}项下级指标得分合计{score}分", ("count",)),
    "clamped": ("计算值{raw}超出0–{weight}分，按{score}分计", ("raw",)),
    "rescaled": ("因其他指标不适用，分值由{declared}调整为{weight}，折算得{score}分", ("declared",)),
}

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def render(template: str, fields: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders from `fields`; ``{{`` and ``}}`` are literal braces."""
    text = template.replace("{{", "\0").replace("}}", "\1")
    text = _PLACEHOLDER.sub(lambda m: str(fields[m.group(1)]), text)
    return text.replace("\0", "{").replace("\1", "}")


def template_problems(key: str, template: str) -> list[str]:
    """What is wrong with a set's override of template `key` (empty when it is usable)."""
    if key not in TEMPLATES:
        return [f"unknown reason template {key}"]
    allowed = set(COMMON_FIELDS) | set(TEMPLATES[key][1])
    text = template.replace("{{", "").replace("}}", "")
    problems = []
    for name in _PLACEHOLDER.findall(text):
        if name not in allowed:
            problems.append(f"placeholder {{{name}}} is not available; use one of {', '.join('{' + f + '}' for f in sorted(allowed))}")
    if _PLACEHOLDER.sub("", text).count("{") or _PLACEHOLDER.sub("", text).count("}"):
        problems.append("unbalanced { or }; write {{ and }} for literal braces")
    return problems
