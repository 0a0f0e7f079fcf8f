"""The errors of a document against one of our JSON Schemas, as jsonschema finds them, without importing jsonschema.

`_schema` words each error for a policy editor; it reads the keyword, the
keyword's value in the schema, the value in the document, the schema holding
the keyword, the path into the document and, for a keyword it does not word
itself, the message. `schema_errors` walks the schema as jsonschema's draft
2020-12 validator does (keywords in the schema's order, ``properties`` in
theirs, ``$ref`` and the applicators descending without a path of their own)
and gives the same errors with the same messages, for the keywords our schemas
use. A schema using any other keyword is handed to jsonschema itself.
tests/test_schema_errors.py holds the two side by side.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ._quick_schema import TYPES
from ._resources import data_dir

if TYPE_CHECKING:
    import jsonschema

__all__ = ["SchemaError", "schema", "schema_errors", "validator"]

Path = tuple[str | int, ...]
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples", "$defs", "then", "else"})


@dataclass(frozen=True)
class SchemaError:
    """One error, with the fields of jsonschema's ValidationError that the wording reads."""

    message: str
    validator: str | None  # the keyword that failed
    validator_value: Any  # its value in the schema
    instance: Any  # the value in the document
    schema: Any  # the schema holding the keyword
    absolute_path: Path


@lru_cache(maxsize=None)
def schema(name: str) -> Any:
    """Schema `name` of schemas/, read once."""
    return json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))


def schema_errors(name: str, document: Any) -> Iterator[Any]:
    """Every error of `document` against schema `name`: ours when the schema keeps to the keywords below, else jsonschema's."""
    root = schema(name)
    if not _supported(name):
        yield from validator(name).iter_errors(document)
        return
    yield from _Walk(root).errors(root, document, ())


@lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    """jsonschema's validator of schema `name`, built once per process (jsonschema is imported then)."""
    import jsonschema

    return jsonschema.validators.validator_for(schema(name))(schema(name))


@lru_cache(maxsize=None)
def _supported(name: str) -> bool:
    """Whether schema `name` keeps to the keywords of `_KEYWORDS` (and its $refs to its own $defs)."""
    return _keeps_to(schema(name))


def _keeps_to(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if not isinstance(value, Mapping):
        return False
    for key, sub in value.items():
        if key in ("properties", "$defs"):
            found = all(_keeps_to(each) for each in sub.values())
        elif key in ("items", "additionalProperties", "propertyNames", "if", "then", "else"):
            found = _keeps_to(sub)
        elif key in ("allOf", "oneOf"):
            found = all(_keeps_to(each) for each in sub)
        elif key == "$ref":
            found = isinstance(sub, str) and re.fullmatch(r"#/\$defs/[^/~%]+", sub) is not None
        else:
            found = key in _KEYWORDS or key in _ANNOTATIONS
        if not found:
            return False
    return True


class _Walk:
    """One walk of a document against a schema and the definitions its $refs name."""

    def __init__(self, root: Mapping[str, Any]):
        self.root = root

    def errors(self, schema: Any, instance: Any, path: Path) -> Iterator[SchemaError]:
        if schema is True:
            return
        if schema is False:
            yield SchemaError(f"False schema does not allow {instance!r}", None, None, instance, schema, path)
            return
        for key, value in schema.items():
            keyword = _KEYWORDS.get(key)
            if keyword is None:
                continue
            for found in keyword(self, value, instance, schema, path):
                yield SchemaError(found, key, value, instance, schema, path) if isinstance(found, str) else found

    def valid(self, schema: Any, instance: Any) -> bool:
        return next(self.errors(schema, instance, ()), None) is None


Found = Iterator["str | SchemaError"]  # a keyword's own error message, or an error found further down


def _type(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    kinds = [value] if isinstance(value, str) else value
    if not any(TYPES[kind](instance) for kind in kinds):
        yield f"{instance!r} is not of type {', '.join(repr(kind) for kind in kinds)}"


def _enum(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if all(not _equal(each, instance) for each in value):
        yield f"{instance!r} is not one of {value!r}"


def _const(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if not _equal(instance, value):
        yield f"{value!r} was expected"


def _properties(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if isinstance(instance, dict):
        for name, sub in value.items():
            if name in instance:
                yield from walk.errors(sub, instance[name], (*path, name))


def _additional(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if not isinstance(instance, dict):
        return
    extras = [name for name in instance if name not in schema.get("properties", {})]
    if isinstance(value, dict):
        for name in extras:  # jsonschema takes them in the order of a set; any order will do, the wording sorts them
            yield from walk.errors(value, instance[name], (*path, name))
    elif not value and extras:
        names = sorted(extras, key=str)
        yield (f"Additional properties are not allowed ({', '.join(repr(n) for n in names)} "
               f"{'was' if len(names) == 1 else 'were'} unexpected)")


def _property_names(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if isinstance(instance, dict):
        for name in instance:
            yield from walk.errors(value, name, path)


def _required(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if isinstance(instance, dict):
        yield from (f"{name!r} is a required property" for name in value if name not in instance)


def _items(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if isinstance(instance, list):
        for i, item in enumerate(instance):
            yield from walk.errors(value, item, (*path, i))


def _fewer(kind: str, other: str) -> Callable[[_Walk, Any, Any, Any, Path], Found]:
    """minItems, minLength, minProperties: too few items, characters or keys."""

    def keyword(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
        if TYPES[kind](instance) and len(instance) < value:
            yield f"{instance!r} {'should be non-empty' if value == 1 else other}"

    return keyword


def _bound(fails: Callable[[Any, Any], bool], words: str) -> Callable[[_Walk, Any, Any, Any, Path], Found]:
    """minimum, maximum and the exclusive ones."""

    def keyword(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
        if TYPES["number"](instance) and fails(instance, value):
            yield f"{instance!r} {words} {value!r}"

    return keyword


def _pattern(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if isinstance(instance, str) and not re.search(value, instance):
        yield f"{instance!r} does not match {value!r}"


def _all_of(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    for sub in value:
        yield from walk.errors(sub, instance, path)


def _one_of(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    first = next((i for i, sub in enumerate(value) if walk.valid(sub, instance)), None)
    if first is None:
        yield f"{instance!r} is not valid under any of the given schemas"
        return
    more = [sub for sub in value[first + 1:] if walk.valid(sub, instance)]
    if more:
        yield f"{instance!r} is valid under each of {', '.join(repr(sub) for sub in [*more, value[first]])}"


def _if(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    if walk.valid(value, instance):
        if "then" in schema:
            yield from walk.errors(schema["then"], instance, path)
    elif "else" in schema:
        yield from walk.errors(schema["else"], instance, path)


def _ref(walk: _Walk, value: Any, instance: Any, schema: Any, path: Path) -> Found:
    yield from walk.errors(walk.root["$defs"][value.rsplit("/", 1)[1]], instance, path)


def _equal(one: Any, two: Any) -> bool:
    """jsonschema's equality: true is not 1, false is not 0, within lists and mappings too."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    return bool(_unbool(one) == _unbool(two))


_TRUE, _FALSE = object(), object()


def _unbool(value: Any) -> Any:
    return _TRUE if value is True else _FALSE if value is False else value


_KEYWORDS: dict[str, Callable[[_Walk, Any, Any, Any, Path], Found]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "properties": _properties,
    "additionalProperties": _additional,
    "propertyNames": _property_names,
    "required": _required,
    "items": _items,
    "minItems": _fewer("array", "is too short"),
    "minLength": _fewer("string", "is too short"),
    "minProperties": _fewer("object", "does not have enough properties"),
    "minimum": _bound(lambda v, limit: v < limit, "is less than the minimum of"),
    "maximum": _bound(lambda v, limit: v > limit, "is greater than the maximum of"),
    "exclusiveMinimum": _bound(lambda v, limit: v <= limit, "is less than or equal to the minimum of"),
    "exclusiveMaximum": _bound(lambda v, limit: v >= limit, "is greater than or equal to the maximum of"),
    "pattern": _pattern,
    "allOf": _all_of,
    "oneOf": _one_of,
    "if": _if,
    "$ref": _ref,
}
