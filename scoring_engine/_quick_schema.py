"""A quick yes or no on whether a document fits one of our JSON Schemas, without importing jsonschema.

Almost every indicator set and facts file fits its schema: `fits` answers that
in one pass of closures compiled once from the schema, so loading neither
imports jsonschema (a tenth of a second) nor pays for its generality. When the
answer is no, `_schema` asks jsonschema for every error, worded.

The closures implement the keywords our schemas use, as jsonschema does for
draft 2020-12 (a Decimal is a number but not an integer, true is neither, an
object is a dict, an array a list). A schema with any other keyword is not
compiled at all: `fits` then says no, and jsonschema decides.
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from ._resources import data_dir

__all__ = ["fits"]

Check = Callable[[Any], bool]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples", "$defs"})
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, numbers.Number) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool) or isinstance(v, float) and v.is_integer(),
}


class _Unsupported(Exception):
    """The schema uses something this module does not implement: leave the document to jsonschema."""


def fits(schema_name: str, document: Any) -> bool:
    """Whether `document` is valid against schema `schema_name` of schemas/ (False also when this cannot tell)."""
    check = _compiled(schema_name)
    return check is not None and check(document)


@lru_cache(maxsize=None)
def _compiled(schema_name: str) -> Check | None:
    schema = json.loads((data_dir("schemas") / schema_name).read_text(encoding="utf-8"))
    try:
        return _Compiler(schema).compile(schema)
    except _Unsupported:
        return None


class _Compiler:
    """Turns one schema (and the $defs it refers to) into a check."""

    def __init__(self, root: Mapping[str, Any]):
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, Mapping):
            raise _Unsupported
        checks = [self.keyword(key, value, schema) for key, value in schema.items() if key not in _ANNOTATIONS]
        found = [c for c in checks if c is not None]
        if len(found) == 1:
            return found[0]
        return lambda v: all(check(v) for check in found)

    def keyword(self, key: str, value: Any, schema: Mapping[str, Any]) -> Check | None:
        if key in _ONLY_FOR:
            kind, make = _ONLY_FOR[key]
            is_kind, check = _TYPES[kind], make(value)
            return lambda v: not is_kind(v) or check(v)
        method = getattr(self, "_" + key.lstrip("$"), None)
        if method is None:
            raise _Unsupported(key)
        return method(value, schema)  # type: ignore[no-any-return]

    # -- keywords that look at the whole schema or at subschemas

    def _type(self, value: Any, schema: Mapping[str, Any]) -> Check:
        kinds = [_TYPES[t] for t in ([value] if isinstance(value, str) else value)]
        return lambda v: any(is_kind(v) for is_kind in kinds)

    def _enum(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if not all(isinstance(v, str) for v in value):
            raise _Unsupported("enum")  # jsonschema's equality of numbers and booleans is not worth copying
        allowed = frozenset(value)
        return lambda v: isinstance(v, str) and v in allowed

    def _const(self, value: Any, schema: Mapping[str, Any]) -> Check:
        return self._enum([value], schema)

    def _properties(self, value: Mapping[str, Any], schema: Mapping[str, Any]) -> Check:
        checks = {name: self.compile(sub) for name, sub in value.items()}

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for name, item in v.items():
                known = checks.get(name)
                if known is not None and not known(item):
                    return False
            return True

        return check

    def _additionalProperties(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if "patternProperties" in schema:
            raise _Unsupported("patternProperties")
        named = frozenset(schema.get("properties", ()))
        extra = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(extra(item) for name, item in v.items() if name not in named)

    def _propertyNames(self, value: Any, schema: Mapping[str, Any]) -> Check:
        name = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(name(key) for key in v)

    def _required(self, value: list[str], schema: Mapping[str, Any]) -> Check:
        return lambda v: not isinstance(v, dict) or all(name in v for name in value)

    def _items(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if "prefixItems" in schema:
            raise _Unsupported("prefixItems")
        item = self.compile(value)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)

    def _allOf(self, value: list[Any], schema: Mapping[str, Any]) -> Check:
        parts = [self.compile(sub) for sub in value]
        return lambda v: all(part(v) for part in parts)

    def _oneOf(self, value: list[Any], schema: Mapping[str, Any]) -> Check:
        parts = [self.compile(sub) for sub in value]
        return lambda v: sum(1 for part in parts if part(v)) == 1

    def _if(self, value: Any, schema: Mapping[str, Any]) -> Check:
        test = self.compile(value)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda v: then(v) if test(v) else otherwise(v)

    def _then(self, value: Any, schema: Mapping[str, Any]) -> None:
        return None  # part of if

    _else = _then

    def _ref(self, value: str, schema: Mapping[str, Any]) -> Check:
        if not value.startswith("#/$defs/") or value.count("/") != 2:
            raise _Unsupported(value)
        name = value.rsplit("/", 1)[1]
        if name not in self.refs:
            self.refs[name] = lambda v: resolved(v)  # a definition may refer to itself (an indicator's children)
            resolved = self.compile(self.root["$defs"][name])
            self.refs[name] = resolved
        known = self.refs[name]
        return lambda v: known(v)


def _bound(test: Callable[[Any, Any], bool]) -> Callable[[Any], Check]:
    return lambda limit: lambda v: test(v, limit)


# Keywords that apply to one kind of value only, and pass any other: keyword → (kind, check of that kind).
_ONLY_FOR: dict[str, tuple[str, Callable[[Any], Check]]] = {
    "minimum": ("number", _bound(lambda v, limit: not v < limit)),
    "maximum": ("number", _bound(lambda v, limit: not v > limit)),
    "exclusiveMinimum": ("number", _bound(lambda v, limit: not v <= limit)),
    "exclusiveMaximum": ("number", _bound(lambda v, limit: not v >= limit)),
    "minLength": ("string", _bound(lambda v, limit: not len(v) < limit)),
    "pattern": ("string", lambda pattern: lambda v: re.search(pattern, v) is not None),
    "minItems": ("array", _bound(lambda v, limit: not len(v) < limit)),
    "minProperties": ("object", _bound(lambda v, limit: not len(v) < limit)),
}
