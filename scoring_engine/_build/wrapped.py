"""Values typed in Chinese quotation marks where the text is compared: `version: “2025”`, `values: [“新建”, “续建”]`.

YAML takes “ ” ‘ ’ 「 」 for letters: a value typed in them keeps them, and
validates. Where the text is free (a name, a 评分标准, a reason) that is what was
meant, and a text may quote inside (“三公”经费); but an id, a version, a fact's
declared values, a grade's or a tier's label are compared with what a facts file,
a form or a formula writes, which never holds the quotes ('新建' is then not one of
“新建”, “续建”). A value of those wholly in Chinese quotation marks is refused at
its line, with the text in ASCII quotes to write; one the set already writes in
ASCII quotes ("“放管服”") is meant as written, quotes and all.
"""

from __future__ import annotations

from typing import Any

from .._located import CHINESE_QUOTES
from .._text import quoted
from .draft import Draft
from .problems import Path

__all__ = ["any_wrapped", "in_chinese_quotes", "wrapped_values"]

_OPENING = CHINESE_QUOTES  # a Chinese input method's quotes (a closing one typed first, too)
_CLOSING = "“”‘’」』\"'"  # and what may end the text: the pair, or an ASCII quote (“2025.1")
#: Keys whose text (or each text of whose list) is an id, a version or a value compared with what others write.
_COMPARED = frozenset({"id", "version", "extends", "under", "after", "remove", "indicators", "indicator", "values", "default",
                       "aliases", "grade_at_most", "categories", "fact", "by"})
#: Lists whose items' label is compared (a grade's with a case's and a form's, a tier's with the facts' tier).
_LABELLED = frozenset({"grades", "tiers"})


def wrapped_values(draft: Draft) -> None:
    """Refuse each compared value written wholly in Chinese quotation marks, at its line, with the text to write (a fact
    whose declared values are so written is left out of the formulas' choices: '新建' is not told to write '“新建”')."""
    if draft.log.located.no_chinese_quotes or not _any_wrapped(draft.data):
        return  # the usual set: the reader saw none in the text, else one quick walk (a 评分标准 quoting is no matter)
    stack: list[tuple[Path, Any, bool]] = [((), draft.data, False)]
    while stack:
        path, node, compared = stack.pop()
        if isinstance(node, str):
            if compared and _wrapped(draft, path, node) and draft.log.ok(path):
                key = path[-1] if isinstance(path[-1], str) else "value"
                draft.log.add(path, f"Chinese quotation marks around {quoted(node)} are read as part of the {key}",
                              f'type ASCII quotes: "{node[1:-1]}"')
        elif isinstance(node, dict):
            for key, value in node.items():
                label = key == "label" and len(path) > 1 and path[-2] in _LABELLED
                stack.append((path + (key,), value, key in _COMPARED or label or "synonyms" in path))
        elif isinstance(node, list):
            stack.extend((path + (i,), item, compared) for i, item in enumerate(node))


def in_chinese_quotes(text: str) -> bool:
    """Whether `text` is wholly in Chinese quotation marks (“新建”, ‘2025’, “2025.1")."""
    return len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING


def any_wrapped(draft: Draft, path: Path, values: tuple[str, ...]) -> bool:
    """Whether any of `values` (the list at `path`) is refused for its Chinese quotation marks."""
    return any(_wrapped(draft, path + (i,), value) for i, value in enumerate(values))


def _wrapped(draft: Draft, path: Path, text: str) -> bool:
    """Whether `text`, at `path`, is wholly in Chinese quotation marks not itself written in ASCII quotes (QA166 F4)."""
    return in_chinese_quotes(text) and not draft.log.located.quoted(path)


def _any_wrapped(data: Any) -> bool:
    """Whether any compared text in `data` is wholly in Chinese quotation marks, as `wrapped_values` walks it, without
    the paths: one quick walk, only a set with one walks again to place it (a 评分标准 in quotes costs nothing: QA166 F9).
    Each node goes with whether it is compared, whether synonyms: is on its path, and the last two parts of its path."""
    stack: list[tuple[Any, bool, bool, Any, Any]] = [(data, False, False, None, None)]
    while stack:
        node, compared, synonyms, own, above = stack.pop()
        if isinstance(node, dict):
            labelled = above in _LABELLED
            for key, value in node.items():
                if isinstance(value, str):
                    if value[:1] in _OPENING and (key in _COMPARED or synonyms or labelled and key == "label") \
                            and in_chinese_quotes(value):
                        return True
                elif isinstance(value, (dict, list)):
                    stack.append((value, key in _COMPARED or synonyms or labelled and key == "label",
                                  synonyms or key == "synonyms", key, own))
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, str):
                    if compared and item[:1] in _OPENING and in_chinese_quotes(item):
                        return True
                elif isinstance(item, (dict, list)):
                    stack.append((item, compared, synonyms, None, own))
    return False
