"""The JSON Schema gate, in words a policy editor can act on.

jsonschema's messages speak of instances and validators; each keyword of
our schemas gets a small function here that says what is wrong with the value
as written in the file and, where it can, how to fix it. The table
`_WORDING` maps a keyword to its function, the way jsonschema's
``_keywords.py`` maps a keyword to its check; a keyword without an entry keeps
jsonschema's message.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ._arith import FRACTION_PATTERN, decimal_from_text, in_range, plain
from ._record import record
from ._resources import data_dir
from ._text import quoted
from .errors import did_you_mean
from ._patterns import compile_later

if TYPE_CHECKING:
    import jsonschema

__all__ = ["SchemaProblem", "schema_errors", "schema_problems", "validator"]

Path = tuple[str | int, ...]


@cache
def schema(name: str) -> Any:
    """Schema `name` of schemas/, read once."""
    return json.loads((data_dir("schemas") / name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """jsonschema's validator of schema `name`, built once per process (jsonschema is imported with it)."""
    import jsonschema

    return jsonschema.validators.validator_for(schema(name))(schema(name))


def schema_errors(name: str, document: Any) -> list[jsonschema.ValidationError]:
    """Every error of `document` against schema `name`, as jsonschema finds them, in path order (ties by keyword)."""
    return sorted(validator(name).iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), str(e.validator)))


class SchemaProblem(NamedTuple):
    """One schema error in words: where it is (at the key, or at the value), what is wrong, what to do."""

    path: Path
    at_key: bool
    message: str
    hint: str | None


@record
class _Failed:
    """What a keyword's wording reads from one jsonschema error."""

    path: Path
    field: str  # the key the value sits under, "value" in a list, "the document" for the whole of it
    expected: Any  # the keyword's value in the schema (the type, the enum, the minimum…)
    instance: Any  # the value as read
    schema: Mapping[str, Any]
    message: str  # jsonschema's own message
    written: str | None  # the value as the file spells it, when YAML read it as something else (no → false)
    quoted: bool = False  # the value was written in quotes
    key: bool = False  # the value is a key of the mapping at `path` (propertyNames), not a value in it
    in_flow: bool = False  # the value is an item of a list written in brackets, [a, b], not in '- ' lines
    total: Decimal | None = None  # the set's total, when known: a grade's min in % is that share of it in points


#: What a share or points key takes, besides a number (schemas' $defs/share and $defs/points).
_FRACTION_WORDS = "a number or a fraction such as 1/3"

_TYPE_NAMES = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "object": "a mapping (key: value)", "array": "a list", "null": "empty"}
_KEY = compile_later(r"[A-Za-z_][A-Za-z0-9_]*")
_COMMA_HINT = "a comma inside { … } ends the value there: put a formula that has commas in quotes"
#: The keys of a facts file and of a set as staff name them in Chinese: each word with the keys it may stand for, the
#: first the mapping it is written in has counting (名称 is an indicator's name, a fact's label: QA164 F9).
_CHINESE_KEYS = {"事实": ("facts",), "项目": ("project",), "指标体系": ("indicator_set",), "不适用": ("not_applicable",),
                 "指标": ("indicators",), "分值": ("weight",), "权重": ("weight",), "名称": ("name", "label"),
                 "规则": ("rule",), "等级": ("grades", "label"), "评分标准": ("standard",), "类型": ("type", "kind"),
                 "单位": ("unit",), "标签": ("label",), "最低分": ("min",), "下限": ("min",), "最小值": ("min",),
                 "最高分": ("max",), "上限": ("max",), "最大值": ("max",), "默认值": ("default",), "取值": ("values",),
                 "说明": ("description",), "别名": ("aliases",), "结果应用": ("consequence",), "修改": ("change",),
                 "基于": ("extends",), "继承": ("extends",), "删除": ("remove",), "新增": ("add",), "总分": ("total",),
                 "版本": ("version",), "编号": ("id",), "下级指标": ("children",), "得分": ("score", "points"),
                 "按比例调整": ("rescale",)}
#: A fact's type as staff name it in Chinese (type: 数字).
_CHINESE_TYPES = {"数字": "number", "数值": "number", "金额": "number", "整数": "integer", "是否": "boolean",
                  "布尔": "boolean", "文字": "string", "文本": "string", "日期": "date", "列表": "list", "清单": "list"}


def _meant(key: Any, known: list[str]) -> str | None:
    """The key of `known` a Chinese or misspelt `key` stands for (名称 for name, knid for kind), if one."""
    import difflib  # loaded with the first mistake to name

    meant = next((k for k in _CHINESE_KEYS.get(str(key).strip(), ()) if k in known), None)
    return meant or next(iter(difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)), None)


def describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"text {value!r}" if len(value) <= 60 else f"text {value[:40]!r}… ({len(value)} characters)"
    if isinstance(value, Decimal):
        return f"the number {format(value, 'f')}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int):
        return f"the number {value}"
    if value is None:
        return "nothing (empty value)"
    return {"list": "a list", "dict": "a mapping"}.get(type(value).__name__, type(value).__name__)


def number_text_hint(text: str, quoted: bool = False, key: Any = None, total: Decimal | None = None) -> str:
    """Why a value meant as a number was read as text, and how to write it (quotes are mentioned only when written);
    `key` the value's own (a weight or points in % are no share); `total` the set's, when it is known (None: not)."""
    if re.fullmatch(r"[-+]?\d+(\.\d*)?[eE][-+]?\d+", text.strip()):
        number = decimal_from_text(text.strip())
        if number is None or abs(number.adjusted()) > 15:  # spelt out it would be a huge line (1e999999999: a billion zeros)
            return f"YAML reads {text[:40]} as text; write the number in plain digits (this one is far out of range)"
        if not in_range(number):  # 1e15 itself: spelt out, it is refused as out of range (QA52 F1)
            return f"YAML reads {text} as text, and {format(number, 'f')} is out of range: under 1e15 in size, 1e-15 at least"
        return f"YAML reads {text} as text; write the number in full, e.g. {format(number, 'f')}"
    if re.fullmatch(r"[-+]?\d+,\d+", text.strip()):
        return f"write a decimal point, not a comma: {text.replace(',', '.')}"
    if re.fullmatch(FRACTION_PATTERN, text):
        return "fractions such as 1/3 are for shares and points; write a decimal number here"
    narrow = unicodedata.normalize("NFKC", text).strip()
    if narrow != text.strip() and decimal_from_text(narrow) is not None and re.fullmatch(r"[-+]?\d+(\.\d+)?", narrow):
        return f"full-width characters: write {text.strip()} as {narrow}"  # １５ and 0．95 look like 15 and 0.95 to the eye
    percent = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*%", narrow)
    if percent is not None and key in _BOUNDS_IN_POINTS:  # grades: {min: 90%}: 0.9 would grade a total of 30 优 (QA164 F1)
        number, bound = Decimal(percent.group(1)), key[1]
        whose = "a grade's" if key[0] == "grades" else "a weight rule's"
        points = (f"for {text.strip()} of the total {plain(total)} write {plain(number * total / 100)}" if total is not None
                  else f"write {text.strip()} of the total in points")  # 90% of a 10-point set is 9 (QA166 F6)
        share = "" if key[0] == "grades" else f", or {bound}_share: {plain(number.scaleb(-2))}"
        return f"{whose} {bound} is points out of the set's total: {points}{share}"
    if percent is not None and key not in _POINTS_KEYS:  # a band's min: 95% (QA33 F11): 95 alone would be 9500%
        return f"a rate is written as a share here: write {text.strip()} as {plain(Decimal(percent.group(1)).scaleb(-2))}"
    return f"write a plain number, without {'quotes, ' if quoted else ''}thousands separators, units or %"


#: What a key holds, for a value out of its bounds or of another type.
_KEY_HINTS = {"precision": "the decimals scores are kept to: a whole number from 0 to 6, 2 for 0.01",
              "weight": "give it the points it counts for, above 0; an indicator that counts for nothing is left out"}
#: An item of a list, for a list written as a mapping.
_ITEMS = {"grades": "- {label: 优, min: 90}", "add": "- {under: ID, id: …, name: …, weight: …, rule: …}",
          "indicators": "- {id: …, name: …, weight: …, rule: …}", "children": "- {id: …, name: …, weight: …, rule: …}",
          "bands": "- {min: 0.95, points: 10}", "tiers": "- {label: 达成年度指标, min: 0.8}",
          "elements": "- {name: ①档案资料齐全, points: 2}", "parts": "- {name: 现场核查, share: 0.6, score: FACT}",
          "checks": "- {expr: FORMULA, message: TEXT}", "explain_when": "- {when: FORMULA, message: TEXT}",
          "caps": "- {when: FORMULA, message: TEXT, total_at_most: 59}", "weight_rules": "- {level: 1, min: 15}",
          "keyword_points": "- {keywords: [截留, 挪用], points: 5}"}
#: The schema's references to an item that is a mapping (an indicator), besides items of type object.
_MAPPING_REFS = frozenset({"#/$defs/indicator", "#/$defs/added_indicator"})
#: Keys whose numbers are points, not shares: a % there is no rate to write as a share.
_POINTS_KEYS = frozenset({"weight", "points", "points_each", "total", "total_at_most", "score", "min_score", "max_score"})
#: (section, key) of the bounds in points of the set's total named as a band's shares are (min, max).
_BOUNDS_IN_POINTS = frozenset({("grades", "min"), ("grades", "max"), ("weight_rules", "min"), ("weight_rules", "max")})


def _type_hint(expected: list[str], instance: Any, written: str | None, quoted: bool = False, key: Any = None,
               total: Decimal | None = None, items: str | None = None) -> str | None:
    """How to write a value of the expected type, from what YAML made of what was written (`total`: the set's; `items`:
    an item of a list whose items are mappings, which a value in brackets, [优], is not)."""
    if "string" in expected and isinstance(instance, (Decimal, int, bool, datetime.date)):
        shown = written or (format(instance, "f") if isinstance(instance, Decimal) else
                            str(instance).lower() if isinstance(instance, bool) else str(instance))
        hint = f'put it in quotes: "{shown}"'
        if isinstance(instance, bool) and written and written.lower() != str(instance).lower():  # not 'true as true'
            hint = f'YAML reads {written} as {str(instance).lower()}; {hint}'
        return hint
    if isinstance(instance, bool) and written and {"number", "integer"} & set(expected):  # not 'YAML reads true as true'
        return "write the number" if written.lower() == str(instance).lower() else \
            f"YAML reads {written} as {str(instance).lower()}; write the number"
    if isinstance(instance, bool):
        return "YAML reads yes/no/on/off as true/false; put text in quotes"
    if isinstance(instance, str) and {"number", "integer"} & set(expected):  # precision: 2位 (QA82 F10)
        return _KEY_HINTS.get(str(key)) if key == "precision" else number_text_hint(instance, quoted, key, total)
    if expected == ["array"] and isinstance(instance, (str, Decimal, int)) and items:  # grades: 优 (QA214 4)
        return f"write it as a list of mappings, each item on its own line starting with '- ', e.g. {items}"
    if expected == ["array"] and isinstance(instance, (str, Decimal, int)):  # remove: output.cost (QA51 F4)
        return f"write it as a list: [{written or instance}]"
    if expected == ["array"] and isinstance(instance, dict):  # grades: {优: 90}, add: without its dash (QA82 F10)
        return f"a list: start each item with '- ' on its own line, e.g. {_ITEMS.get(str(key), '- {...}')}"
    if key == "extends" and isinstance(instance, list) and len(instance) == 1 and isinstance(instance[0], str) \
            and instance[0].strip():
        return f"write it without the brackets: extends: {instance[0]}"  # [national-framework] (QA245 L1)
    if key == "extends" and expected == ["string"]:  # empty, or a list of sets (QA241 M2)
        return ("a profile extends one set: write a bundled set id or a set file in its folder; to build on two, extend one "
                "and write what the other changes under change:, add: or remove:")
    if expected == ["object"] and instance is None and key is None:  # a document that is null (a JSONL line: QA90 F6)
        return "the document is empty (null): write its keys and values in it"
    if expected == ["object"] and instance is None:  # `benefit:` with its fields not indented below it
        return "write what it holds below it, indented two spaces more"
    return None


# -- one function per keyword


def _unknown_keys(failed: _Failed) -> list[SchemaProblem]:
    known = sorted(failed.schema.get("properties", {}))
    found = []
    for key in sorted(k for k in failed.instance if k not in known):
        meant = _meant(key, known)  # 事实: for facts:, as a clerk names it
        close = f"did you mean {meant}?" if meant else None
        hint = close or (f"allowed keys: {', '.join(k for k in known if k != 'kind')}" if known else None)
        if not close and not _KEY.fullmatch(key) and any(c in str(key) for c in ",() +-*/<>="):  # a formula cut at a comma
            hint = _COMMA_HINT
        found.append(SchemaProblem((*failed.path, key), True, f"unknown key {key!r}", hint))
    return found


def _missing_keys(failed: _Failed) -> list[SchemaProblem]:
    # a profile's children_from is not merged into the base's: one written to change a rule lacks the rest
    hint = (_WHOLE_BLOCK if failed.path[:1] == ("change",) and failed.path[-1:] == ("children_from",) else None)
    known = failed.schema.get("properties", {})
    written = [k for k in failed.instance if k not in known]  # 类型 or knid for kind: said with the key (QA164 F9)
    return [SchemaProblem(failed.path, False, f"missing key {k!r}", hint or next(
        (f"write {k} in place of {w}" for w in written if _meant(w, [k])), None))
        for k in failed.expected if k not in failed.instance]


_WHOLE_BLOCK = ("children_from under change: replaces the base's whole block: write it whole, with its fact, categories, "
                "comparisons, standards and rules (scoring-engine resolve prints the base's)")


def _wrong_type(failed: _Failed) -> list[SchemaProblem]:
    expected: list[str] = failed.expected if isinstance(failed.expected, list) else [failed.expected]
    words = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
    if failed.schema.get("pattern") == FRACTION_PATTERN:
        words, expected = _FRACTION_WORDS, ["number"]
    field, hint = failed.field, None
    if len(failed.path) > 1 and isinstance(failed.path[-1], int) and isinstance(failed.path[-2], str):
        field = f"item {failed.path[-1] + 1} of {failed.path[-2]}"  # not 'value', which the file does not say (QA82 F10)
        if failed.path[-2] in ("children", "indicators") and isinstance(failed.instance, str):  # - output.cost
            hint = f"an indicator is a mapping: - id: {failed.instance}, with its name, weight and rule below it"
        elif expected == ["object"] and failed.path[-2] in _ITEMS:  # grades: [优], as a list's hint put it (QA214 4)
            hint = f"each item is a mapping, e.g. {_ITEMS[failed.path[-2]]}"
    message = f"{field} must be {words}, got {describe_value(failed.instance)}"
    key: Any = failed.path[-1] if failed.path else None
    if len(failed.path) == 3 and (failed.path[0], key) in _BOUNDS_IN_POINTS:
        key = (failed.path[0], key)  # a grade's or a weight rule's min: points, where a band's min is a share
    items = failed.schema.get("items")
    mappings = isinstance(items, Mapping) and (items.get("type") == "object" or items.get("$ref") in _MAPPING_REFS)
    example = _ITEMS.get(str(key), "- {KEY: VALUE}") if mappings else None
    return [SchemaProblem(failed.path, False, message, hint or _type_hint(expected, failed.instance, failed.written,
                                                                         failed.quoted, key, failed.total, example))]


def _not_a_choice(failed: _Failed) -> list[SchemaProblem]:
    choices = [str(v) for v in failed.expected]
    message = f"{failed.field} is {describe_value(failed.instance)}; it must be one of: {', '.join(choices)}"
    said = str(failed.instance).strip()
    # a rule kind named as the guide names it in Chinese (按比例 for proportional): the word to write instead
    named = next((kind for words, kind in _KIND_NAMES if any(w in said for w in words)), None) if failed.field == "kind" else None
    # a comparison typed as a formula writes it (>=): the sign the choices have, never = (QA44 F3)
    named = named or _SIGNS.get(unicodedata.normalize("NFKC", said).replace(" ", ""))
    named = named or (_CHINESE_TYPES.get(said) if failed.field == "type" else None)  # a fact of 数字 (QA164 F9)
    hint = f"did you mean {named}?" if named in choices else did_you_mean(str(failed.instance), choices)
    return [SchemaProblem(failed.path, False, message, hint)]


#: Comparisons as a formula writes them, and the sign a row's comparison is written with.
_SIGNS = {">=": "≥", "=>": "≥", "<=": "≤", "=<": "≤", "==": "="}

#: The Chinese names the authoring guide gives the rule kinds, with the words that name each.
#: (定性分档 is tiers, not bands: the first that matches counts)
_KIND_NAMES = ((("定性",), "tiers"), (("按比例", "比例"), "proportional"), (("等于",), "equal"),
               (("分档给分", "区间", "分档"), "bands"), (("按差距", "差距", "线性"), "linear"), (("按问题", "扣分"), "deduction"),
               (("要点", "清单"), "checklist"), (("评价组", "判断"), "judgement"), (("专家",), "panel"), (("公式",), "formula"),
               (("可选", "算法"), "switch"))


def _id_pattern() -> Any:
    """The pattern of an indicator id (names of facts and derived values have another)."""
    return schema("indicator-set.schema.json")["$defs"]["id"]["pattern"]


def _sha256_pattern() -> Any:
    """The pattern of the set's sha256 a facts file's `written_for` records (as `import` writes it)."""
    return schema("facts.schema.json")["properties"]["written_for"]["properties"]["sha256"]["pattern"]


def _bad_name(failed: _Failed) -> list[SchemaProblem]:
    if failed.expected == _sha256_pattern():  # not a name: the set's hash, cut to the 16 digits a warning shows (QA206 5)
        return [SchemaProblem(failed.path, False, f"{failed.field} {quoted(str(failed.instance))} is not the set's sha256, "
                              "which has 64 hexadecimal digits", "write all 64, as the 表外事实 sheet of the form records them "
                              "(a warning shows only the first 16), or leave sha256 out")]
    if failed.expected == FRACTION_PATTERN:
        message = f"{failed.field} must be {_FRACTION_WORDS}, got {describe_value(failed.instance)}"
        percent = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*%", unicodedata.normalize("NFKC", str(failed.instance)).strip())
        hint = (f"a share is written as a number here: write {str(failed.instance).strip()} as "  # share: 100% (QA44 F10)
                f"{plain(Decimal(percent.group(1)).scaleb(-2))}" if percent else
                "write a number such as 0.25, or a fraction of whole numbers such as 1/3 (not over 0)")
        return [SchemaProblem(failed.path, False, message, hint)]
    if failed.expected == _id_pattern():
        return [SchemaProblem(failed.path, False, f"id {quoted(str(failed.instance))} may use only ASCII letters, digits, "
                              "'.', '_' and '-'", _ids_in_one(failed) or _full_width(str(failed.instance))
                              or "e.g. process.execution")]  # 英文字母: Chinese are letters too (QA338 L7)
    at = (*failed.path, failed.instance) if failed.key else failed.path  # a bad key is pointed at, not its mapping
    return [SchemaProblem(at, failed.key, f"name {quoted(str(failed.instance))} must be ASCII words joined by dots",
                          "e.g. budget.paid (labels carry the Chinese)")]


def _ids_in_one(failed: _Failed) -> str | None:
    """How to write a list item that holds two ids and a comma between them (a，b): in a list in brackets, a comma and a
    space; in a list of '- ' lines, a line each, where 'a,b' would still be one item (QA164 F8)."""
    ids = [part for part in re.split(r"\s*[,，、]\s*", str(failed.instance)) if part]
    if not failed.path or not isinstance(failed.path[-1], int) or len(ids) < 2:
        return None
    if failed.in_flow:
        return f"one id per item: write {', '.join(ids)}"
    return f"one id per item, each on a '- ' line of its own: {', '.join('- ' + i for i in ids[:-1])}, then - {ids[-1]}"


def _full_width(name: str) -> str | None:
    """How to write a name typed with a full-width letter or digit (ｄecision), which looks right to the eye."""
    wide = next((c for c in name if unicodedata.normalize("NFKC", c) != c and unicodedata.normalize("NFKC", c).isascii()), None)
    if wide is None:
        return None
    return f"full-width character {wide!r} (U+{ord(wide):04X}): write {unicodedata.normalize('NFKC', name)}"


def _bad_key(failed: _Failed) -> list[SchemaProblem]:
    path = (*failed.path, str(failed.instance)) if isinstance(failed.instance, str) else failed.path
    return [SchemaProblem(path, True, failed.message, None)]


def _outside(side: str) -> Callable[[_Failed], list[SchemaProblem]]:
    """The wording of a bound keyword: `side` is "at least" for minimum, "below" for exclusiveMaximum…"""

    def wording(failed: _Failed) -> list[SchemaProblem]:
        bound = plain(Decimal(failed.expected)) if not isinstance(failed.expected, bool) else failed.expected
        message = f"{failed.field} must be {side} {bound}, got {describe_value(failed.instance)}"
        hint = _percent_hint(failed.field, failed.instance, failed.expected, side) or _key_hint(failed)
        return [SchemaProblem(failed.path, False, message, hint)]

    return wording


def _key_hint(failed: _Failed) -> str | None:
    """What the key holds; a weight a profile's change: gives an indicator, how to leave it out: remove: [satisfaction],
    as a set or add: leaves out one that counts for nothing (QA341 6)."""
    path = failed.path
    if failed.field == "weight" and len(path) == 3 and path[0] == "change" and isinstance(path[1], str):
        return f"give it the points it counts for, above 0; to leave it out, write remove: [{path[1]}] in place of this change"
    return _KEY_HINTS.get(failed.field)


def _percent_hint(field: str, instance: Any, bound: Any, side: str) -> str | None:
    """For a rate or share that must stay within 1 written as a percentage (floor: 60, share_each: 10): the ratio; and,
    as 8 under share is as often 8 points as 8%, the points too (share: 8 → points: 8)."""
    if side not in ("below", "at most") or isinstance(instance, bool) or bound != 1:
        return None
    if not isinstance(instance, (int, Decimal)) or not 1 < instance <= 100:
        return None
    number, ratio = plain(Decimal(instance)), plain(Decimal(instance) / 100)
    if field in _POINTS_OF:
        key = _POINTS_OF[field]
        return f"a share is a part of the weight: write {ratio} for {number}%, or {key}: {number} for {number} points"
    return f"a rate is a ratio: write {ratio} for {number}%; if it is {number} points, write {number} ÷ the weight"


_POINTS_OF = {"share": "points", "share_each": "points_each"}  # a share's key, and the key of the same amount in points


def _not_the_constant(failed: _Failed) -> list[SchemaProblem]:
    shown = str(failed.expected).lower() if isinstance(failed.expected, bool) else repr(failed.expected)
    hint = "leave the key out when it does not apply" if failed.expected is True else None
    return [SchemaProblem(failed.path, False, f"{failed.field} must be {shown}, got {describe_value(failed.instance)}", hint)]


def _too_few_items(failed: _Failed) -> list[SchemaProblem]:
    return [SchemaProblem(failed.path, False, f"{failed.field} needs at least {failed.expected} item(s)", None)]


def _no_entries(failed: _Failed) -> list[SchemaProblem]:
    # change: {}, form: {targets: {}}: jsonschema's "{} should be non-empty" says neither what belongs there nor the fix
    required = failed.field in ("rules", "rows")  # a switch's or a group's rules, the funds block's rows (QA112 F4)
    return [SchemaProblem(failed.path, False, f"{failed.field} has no entries", "write its entries under it" if required
                          else f"write its entries under it, or delete {failed.field}")]


def _empty_text(failed: _Failed) -> list[SchemaProblem]:
    if len(failed.path) == 2 and failed.path[0] == "not_applicable":  # a facts file's: said as a reason of only spaces is
        return [SchemaProblem(failed.path, False, f"the reason {failed.field} does not apply is empty",  # (QA116 F6)
                              "give the reason the indicator does not apply")]
    return [SchemaProblem(failed.path, False, f"{failed.field} must not be empty", None)]


def _not_an_expression(failed: _Failed) -> list[SchemaProblem]:
    # the schemas' oneOf: a derived value is an expression, or {expr, label}; a profile's rescale is true or a word
    instance = failed.instance
    if failed.field == "rescale":
        choices = ["true", "children", "siblings"]
        said = f"rescale is {describe_value(instance)}; it must be one of: {', '.join(choices)}"
        return [SchemaProblem(failed.path, False, said, did_you_mean(str(instance).lower(), choices))]
    comma = isinstance(instance, Mapping) and any(not _KEY.fullmatch(str(k)) for k in instance)
    expr = instance.get("expr", "") if isinstance(instance, Mapping) and not comma else ""
    if not isinstance(expr, (str, int, Decimal)) or isinstance(expr, bool):  # {expr: [1, 2]}: its expr is what is wrong
        return [SchemaProblem((*failed.path, "expr"), False, f"expr must be a formula (text) or a number, got "
                              f"{describe_value(expr)}", "write the formula on one line, e.g. expr: budget.paid / budget.total")]
    unknown = sorted(k for k in instance if k not in _DERIVED_KEYS) if isinstance(instance, Mapping) and not comma else []
    # lable: 完成率, unit: 万元, exp: a + b: the key said, as every other mapping of a set says it (QA273 F9)
    if unknown and ("expr" in instance or any(_derived_key_meant(key) == "expr" for key in unknown)):
        return [SchemaProblem((*failed.path, key), True, f"unknown key {key!r}", _derived_key_hint(key)) for key in unknown]
    return [SchemaProblem(failed.path, False, f"{failed.field} must be an expression, or a mapping with expr (and label)",
                          _COMMA_HINT if comma else None)]


_DERIVED_KEYS = ("expr", "label", "used")


def _derived_key_meant(key: str) -> str | None:
    return _meant(key, list(_DERIVED_KEYS)) or ("expr" if key == "expression" else None)


def _derived_key_hint(key: str) -> str:
    if key == "unit":
        return _DERIVED_UNIT
    meant = _derived_key_meant(key)
    return f"did you mean {meant}?" if meant else f"allowed keys: {', '.join(_DERIVED_KEYS)}"
_DERIVED_UNIT = ("a derived value has no unit of its own (需说明 and 提示 show a sum of facts in their unit): give the "
                 "facts their unit, and leave unit out")


def _as_jsonschema_says(failed: _Failed) -> list[SchemaProblem]:
    return [SchemaProblem(failed.path, False, failed.message, None)]


_WORDING: dict[str, Callable[[_Failed], list[SchemaProblem]]] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _wrong_type,
    "enum": _not_a_choice,
    "pattern": _bad_name,
    "propertyNames": _bad_key,
    "minimum": _outside("at least"),
    "maximum": _outside("at most"),
    "exclusiveMinimum": _outside("above"),
    "exclusiveMaximum": _outside("below"),
    "const": _not_the_constant,
    "minItems": _too_few_items,
    "minProperties": _no_entries,
    "minLength": _empty_text,
    "oneOf": _not_an_expression,
}


def schema_problems(error: jsonschema.ValidationError, written: str | None = None, quoted: bool = False,
                    in_flow: bool = False, total: Decimal | None = None) -> list[SchemaProblem]:
    """One jsonschema error as the problems a policy editor reads (a missing or unknown key each on its own).

    `written` is the value as the YAML file spells it, when YAML read it as something else (no → false);
    `quoted` says it was written in quotes; `in_flow` that it is an item of a list in brackets ([a, b]);
    `total` the set's total, when it is known.
    """
    path = tuple(error.absolute_path)
    field = str(path[-1]) if path and isinstance(path[-1], str) else "value" if path else "the document"
    failed = _Failed(path=path, field=field,
                     expected=error.validator_value, instance=error.instance,
                     schema=error.schema if isinstance(error.schema, Mapping) else {},
                     message=error.message, written=written, quoted=quoted, in_flow=in_flow, total=total,
                     key="propertyNames" in error.schema_path and isinstance(error.instance, str))
    return _WORDING.get(str(error.validator), _as_jsonschema_says)(failed)
