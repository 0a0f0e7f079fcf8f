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
from decimal import Decimal
from functools import cache
from typing import Any

from ._resources import data_dir

__all__ = ["TYPES", "fits"]

Check = Callable[[Any], bool]

_NUMBERS: frozenset[type] = frozenset({int, float, Decimal})  # the usual numbers, told at once (a bool is an int, not a number)

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples", "$defs"})
#: JSON Schema's types as jsonschema checks them (a Decimal is a number but not an integer; true is neither).
TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: type(v) in _NUMBERS or (isinstance(v, numbers.Number) and not isinstance(v, bool)),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
}




class _Unsupported(Exception):
    """The schema uses something this module does not implement: leave the document to jsonschema."""


def fits(schema_name: str, document: Any) -> bool:
    """Whether `document` is valid against schema `schema_name` of schemas/ (False also when this cannot tell)."""
    check = _compiled(schema_name)
    return check is not None and check(document)


@cache
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
            return _anything
        if schema is False:
            return lambda v: False
        if not isinstance(schema, Mapping):
            raise _Unsupported
        checks: list[Check] = []
        if "type" in schema:
            checks.append(self._type(schema["type"]))
        if any(key in schema for key in _OBJECT_KEYWORDS):
            checks.append(self._object(schema))
        for key, value in schema.items():
            if key in _ANNOTATIONS or key in _OBJECT_KEYWORDS or key in ("type", "then", "else"):
                continue
            if key in _ONLY_FOR:
                kind, make = _ONLY_FOR[key]
                checks.append(_only_for(TYPES[kind], make(value)))
                continue
            method = getattr(self, "_" + key.lstrip("$"), None)
            if method is None:
                raise _Unsupported(key)
            checks.append(method(value, schema))
        return _every(checks)

    def _type(self, value: Any) -> Check:
        kinds = [TYPES[t] for t in ([value] if isinstance(value, str) else value)]
        if len(kinds) == 1:
            return kinds[0]

        def check(v: Any) -> bool:
            for is_kind in kinds:  # noqa: SIM110 - the loop is faster than any(); this is the quick check
                if is_kind(v):
                    return True
            return False

        return check

    def _object(self, schema: Mapping[str, Any]) -> Check:
        """properties, additionalProperties, propertyNames, required and minProperties in one pass over a dict."""
        if "patternProperties" in schema:
            raise _Unsupported("patternProperties")
        named = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        extra = self.compile(schema["additionalProperties"]) if "additionalProperties" in schema else _anything
        key_check = self.compile(schema["propertyNames"]) if "propertyNames" in schema else _anything
        required = tuple(schema.get("required", ()))
        fewest = schema.get("minProperties", 0)

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            if len(v) < fewest:
                return False
            for name in required:
                if name not in v:
                    return False
            find = named.get
            for name, item in v.items():
                if not find(name, extra)(item):
                    return False
            return key_check is _anything or all(key_check(name) for name in v)

        return check

    def _enum(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if not all(isinstance(v, str) for v in value):
            raise _Unsupported("enum")  # jsonschema's equality of numbers and booleans is not worth copying
        allowed = frozenset(value)
        return lambda v: isinstance(v, str) and v in allowed

    def _const(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if isinstance(value, bool):  # as jsonschema compares them: true equals true only, never 1
            return lambda v: v is value
        return self._enum([value], schema)

    def _items(self, value: Any, schema: Mapping[str, Any]) -> Check:
        if "prefixItems" in schema:
            raise _Unsupported("prefixItems")
        item = self.compile(value)

        def check(v: Any) -> bool:
            if isinstance(v, list):
                for x in v:
                    if not item(x):
                        return False
            return True

        return check

    def _allOf(self, value: list[Any], schema: Mapping[str, Any]) -> Check:
        return self._by_const(value) or _every([self.compile(sub) for sub in value])

    def _by_const(self, subs: list[Any]) -> Check | None:
        """allOf of ``if: {properties: {F: {const: text}}, required: [F]}, then: …`` (a rule's parameters by its kind) as
        one lookup of the instance's F; None for any other allOf.

        What the `if`s decide, exactly: an object without F, or whose F is no such text, passes them all; one whose F
        is one of the texts meets that `then`; anything else is no object, which every `if` lets through to its `then`.
        """
        field, thens = None, {}
        for sub in subs:
            test = sub.get("if") if isinstance(sub, Mapping) and set(sub) == {"if", "then"} else None
            if not isinstance(test, Mapping) or set(test) != {"properties", "required"} or len(test["properties"]) != 1:
                return None
            (name, const), = test["properties"].items()
            if (field not in (None, name) or test["required"] != [name] or not isinstance(const, Mapping)
                    or set(const) != {"const"} or not isinstance(const["const"], str) or const["const"] in thens):
                return None
            field, thens[const["const"]] = name, self.compile(sub["then"])
        if field is None:
            return None
        every = _every(list(thens.values()))

        def check(v: Any) -> bool:
            if not isinstance(v, dict):
                return every(v)
            kind = v.get(field)
            then = thens.get(kind) if isinstance(kind, str) else None
            return then is None or then(v)

        return check

    def _oneOf(self, value: list[Any], schema: Mapping[str, Any]) -> Check:
        parts = [self.compile(sub) for sub in value]
        return lambda v: sum(1 for part in parts if part(v)) == 1

    def _if(self, value: Any, schema: Mapping[str, Any]) -> Check:
        test = self.compile(value)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda v: then(v) if test(v) else otherwise(v)

    def _ref(self, value: str, schema: Mapping[str, Any]) -> Check:
        if not value.startswith("#/$defs/") or value.count("/") != 2:
            raise _Unsupported(value)
        name = value.rsplit("/", 1)[1]
        if name not in self.refs:
            self.refs[name] = lambda v: resolved(v)  # noqa: PLW0108 - `resolved` is bound below; a definition may refer to itself (an indicator's children)
            resolved = self.compile(self.root["$defs"][name])
            self.refs[name] = resolved
        return self.refs[name]


_OBJECT_KEYWORDS = frozenset({"properties", "additionalProperties", "propertyNames", "required", "minProperties",
                              "patternProperties"})


def _anything(v: Any) -> bool:
    return True


def _every(checks: list[Check]) -> Check:
    if not checks:
        return _anything
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def check(v: Any) -> bool:
        for part in checks:  # noqa: SIM110 - the loop is faster than all(); this is the quick check
            if not part(v):
                return False
        return True

    return check


def _only_for(is_kind: Check, check: Check) -> Check:
    return lambda v: not is_kind(v) or check(v)


def _searched(pattern: str) -> Check:
    search = re.compile(pattern).search  # once, with the schema: re.search looks it up in its cache for every name checked
    return lambda v: search(v) is not None


def _bound(test: Callable[[Any, Any], bool]) -> Callable[[Any], Check]:
    return lambda limit: lambda v: test(v, limit)


# Keywords that apply to one kind of value only, and pass any other: keyword → (kind, check of that kind).
_ONLY_FOR: dict[str, tuple[str, Callable[[Any], Check]]] = {
    "minimum": ("number", _bound(lambda v, limit: not v < limit)),
    "maximum": ("number", _bound(lambda v, limit: not v > limit)),
    "exclusiveMinimum": ("number", _bound(lambda v, limit: not v <= limit)),
    "exclusiveMaximum": ("number", _bound(lambda v, limit: not v >= limit)),
    "minLength": ("string", _bound(lambda v, limit: not len(v) < limit)),
    "pattern": ("string", _searched),
    "minItems": ("array", _bound(lambda v, limit: not len(v) < limit)),
    "minProperties": ("object", _bound(lambda v, limit: not len(v) < limit)),
}
