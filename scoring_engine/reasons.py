"""Reason sentences: one template per situation, which a set may override.

Templates use ``{name}`` placeholders only (no attribute access, indexing or
format specs), so a set's template can never reach anything but the fields
the engine hands it. Every template may also use the common fields. Each rule
kind owns the templates of its outcomes (scoring_engine.rules); this module
holds the ones that belong to no kind and reads the rest from the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from ._arith import Rounding
from .rules import RULE_KINDS, Template
from ._patterns import compile_later

__all__ = ["COMMON_FIELDS", "GENERAL", "REMOVED", "TEMPLATES", "Sentence", "render", "staged_fields", "template_problems"]

#: Fields every template can use: the indicator's name, weight, score and points lost.
COMMON_FIELDS = ("name", "weight", "score", "lost")

#: The templates that belong to no rule kind: not-applicable indicators, parents, clamped, rescaled and staged-rounded scores.
GENERAL: dict[str, Template] = {
    "not_applicable.full_credit": Template("不适用（{reason}），按规定得满分{score}分", ("reason",)),
    "not_applicable.rescale": Template("不适用（{reason}），分值按比例分配至其他指标", ("reason",)),
    "not_applicable.moved": Template("不适用（{reason}），分值计入{target}", ("reason", "target")),
    "parent": Template("{count}项下级指标得分合计{score}分", ("count",)),
    "clamped": Template("计算值{raw}超出0–{weight}分，按{score}分计", ("raw",)),
    "rescaled": Template("因其他指标不适用，分值由{declared}调整为{weight}，折算得{score}分", ("declared",)),
    "rescaled.lost": Template("因其他指标不适用，分值由{declared}调整为{weight}，失分{deducted}分按{factor}折算为{lost}分，"
                              "得{score}分", ("declared", "deducted", "factor")),
    "rescaled.evened": Template("因其他指标不适用，分值由{declared}调整为{weight}，失分{deducted}分按{factor}折算为{exact}分，"
                                "为使各项得分合计等于折算后的总分，计{lost}分，得{score}分",
                                ("declared", "deducted", "factor", "exact")),
    "rounded.stages": Template("得分按{stages}逐级四舍五入", ("stages",)),
}


def staged_fields(rounding: Rounding) -> dict[str, object]:
    """The fields of the ``rounded.stages`` reason: '先保留3位小数、再保留2位小数'."""
    return {"stages": rounding.words()}


class _Templates(Mapping[str, Template]):
    """Every template by key: each registered kind's, in registry order, then the general ones.

    Read through to the registry, so a kind registered later (a test's, a
    plugin's) is in the table as soon as it is in RULE_KINDS.
    """

    def _table(self) -> dict[str, Template]:
        table = {key: template for kind in RULE_KINDS.values() for key, template in kind.templates.items()}
        return {**table, **GENERAL}

    def __getitem__(self, key: str) -> Template:
        for kind in RULE_KINDS.values():
            if key in kind.templates:
                return kind.templates[key]
        return GENERAL[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


#: key → Template(default text, fields the template may use besides COMMON_FIELDS)
TEMPLATES: Mapping[str, Template] = _Templates()

# read left to right as str.format reads a template: {{ and }} first, then a placeholder, else a brace standing alone
_TOKEN = compile_later(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _scan(template: str) -> tuple[tuple[tuple[str, str | None], ...], bool]:
    """The template's parts (literal text, then the placeholder's field or None), and whether a brace stands alone.

    The one reading of a template, the set's check and the sentence alike: '{{{name}}}' is '{' and {name} and '}'.
    A brace standing alone is kept as literal text, for a sentence of a set not checked as it loaded.
    """
    parts: list[tuple[str, str | None]] = []
    literal: list[str] = []
    start = 0
    alone = False
    for match in _TOKEN.finditer(template):
        literal.append(template[start:match.start()])
        start = match.end()
        token = match.group()
        if match.group(1) is not None:
            parts.append(("".join(literal), match.group(1)))
            literal = []
        elif len(token) == 2:
            literal.append(token[0])
        else:
            alone = True
            literal.append(token)
    literal.append(template[start:])
    parts.append(("".join(literal), None))
    return tuple(parts), alone


def render(template: str, fields: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders from `fields`; ``{{`` and ``}}`` are literal braces."""
    return Sentence.of(template).fill(fields.__getitem__)


class Sentence(NamedTuple):
    """A reason template split once into literal text and placeholders, to be filled many times.

    >>> Sentence.of("得{score}分{{注}}").fill({"score": "4.00"}.__getitem__)
    '得4.00分{注}'
    """

    parts: tuple[tuple[str, str | None], ...]  # (literal text, then the placeholder's field or None)
    names: frozenset[str]  # the fields it reads

    @classmethod
    def of(cls, template: str) -> Sentence:
        parts, _ = _scan(template)
        return cls(parts, frozenset(name for _, name in parts if name is not None))

    def fill(self, field: Callable[[str], object]) -> str:
        """The sentence with each placeholder replaced by ``str(field(name))``."""
        return "".join(text if name is None else text + str(field(name)) for text, name in self.parts)


#: Templates no longer used, and the ones used now with the fields they add (QA342 F3: rescaled.raw, the rescaled score as
#: its score on the declared weight converted, gave way to the points lost converted: QA339 F1).
REMOVED: dict[str, tuple[str, ...]] = {"rescaled.raw": ("rescaled.lost", "rescaled.evened")}


def template_problems(key: str, template: str) -> list[str]:
    """What is wrong with a set's override of template `key` (empty when it is usable)."""
    if key in REMOVED:
        used = "; ".join(f"{now} ({', '.join('{' + f + '}' for f in TEMPLATES[now].fields)})" for now in REMOVED[key])
        return [f"the reason template {key} is no longer used; word these instead: {used}"]
    if key not in TEMPLATES:
        return [f"unknown reason template {key}"]
    allowed = set(COMMON_FIELDS) | set(TEMPLATES[key].fields)
    parts, alone = _scan(template)
    problems = []
    for _, name in parts:
        if name is not None and name not in allowed:
            fields = ", ".join("{" + f + "}" for f in sorted(allowed))
            problems.append(f"placeholder {{{name}}} is not available; use one of {fields}")
    if alone:
        problems.append("unbalanced { or }; write {{ and }} for literal braces")
    return problems
