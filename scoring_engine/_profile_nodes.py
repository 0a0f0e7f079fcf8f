"""The YAML node trees a profile is resolved on: reading, copying and writing the entries of mapping and list nodes.

Resolution (`_profiles`) works on nodes rather than plain data so that every
value keeps the file and line it was written on; these helpers never change a
node of the base set in place (`copy_node`, `own`), and what they write is marked
with the profile's line that made the change (`weight_node`, `moved`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._arith import apportion, exact, in_range, plain, round_half_up, to_decimal
from .rules import RULE_KINDS
from ._patterns import compile_later

__all__ = ["STR", "Pairs", "as_share", "blame", "copy_node", "dropped", "entries", "get", "ids_in", "key_of", "moved",
           "name_file", "names_in", "none_free", "number", "own", "places", "points_of_a_formula", "put", "resolved_yaml",
           "restated", "scale_points", "weight_node"]

STR, INT, FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


def entries(node: MappingNode) -> Iterator[tuple[str, ScalarNode, Node]]:
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.tag == STR:
            yield key.value, key, value


def get(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for name, _, value in entries(node):
            if name == key:
                return value
    return None


def put(node: MappingNode, key: ScalarNode, value: Node) -> None:
    """Set `key` in `node`: in place of the same key (keeping its position), or last."""
    for i, (name, _, _) in enumerate(entries(node)):
        if name == key.value:
            node.value[i] = (key, value)
            return
    node.value.append((key, value))


class Pairs:
    """The entries of a mapping node by the text of their keys, each found, set or removed at once, for a section merged
    by name (a profile's 11,000 facts were merged in time growing with their square, 13 s: QA203 7). `node()` gives a
    new node of them in order, as if each had been `put` into, or filtered out of, a copy of the mapping."""

    def __init__(self, node: MappingNode) -> None:
        self.like = node
        self.pairs: list[tuple[Node, Node] | None] = list(node.value)
        self.at: dict[str, list[int]] = {}  # a scalar key's text → its places among `pairs`, in order
        for i, (key, _) in enumerate(node.value):
            if isinstance(key, ScalarNode):
                self.at.setdefault(key.value, []).append(i)
        self.written: list[str] | None = None  # names(), until a change

    def __contains__(self, name: str) -> bool:
        return name in self.at

    def names(self) -> list[str]:
        """The text of every scalar key, in order."""
        if self.written is None:
            self.written = [pair[0].value for pair in self.pairs if pair is not None and isinstance(pair[0], ScalarNode)]
        return self.written

    def remove(self, name: str) -> None:
        for i in self.at.pop(name, ()):
            self.pairs[i] = None
        self.written = None

    def put(self, key: ScalarNode, value: Node) -> None:
        """As `put`: in place of the first text key of the same name, or last."""
        places = self.at.setdefault(key.value, [])
        i = next((i for i in places if (pair := self.pairs[i]) is not None and pair[0].tag == STR), None)
        if i is None:
            places.append(len(self.pairs))
            self.pairs.append((key, value))
            self.written = None
        else:
            self.pairs[i] = (key, value)

    def node(self) -> MappingNode:
        like = self.like
        return MappingNode(like.tag, [p for p in self.pairs if p is not None], like.start_mark, like.end_mark, like.flow_style)


def number(node: Node | None) -> Decimal | None:
    """The number `node` writes; None for anything else, and for a number out of range (1.0e+30), which the reader
    says so at its line: no rescale scales it first (QA318 F1: points of 1e30 scaled were an internal error)."""
    if isinstance(node, ScalarNode) and node.tag in (INT, FLOAT):
        try:
            found = Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            return None
        return found if found.is_finite() and in_range(found) else None
    return None


def amount(node: Node | None) -> Fraction | None:
    """A number or a fraction a rule writes (points_each: 1/2, share: 2 / 3), exactly, as the engine reads it; None for
    anything else (QA245 1: a fraction was never rescaled)."""
    found = number(node)
    if found is not None:
        return Fraction(found)
    if isinstance(node, ScalarNode) and node.tag == STR and "/" in str(node.value):
        try:
            return exact(str(node.value))
        except (ValueError, ZeroDivisionError):
            return None  # the schema says what is wrong with it
    return None


def places(*numbers: Decimal) -> int:
    """The decimals the finest of `numbers` is written with: rescaled weights keep the base's grain (whole points stay whole)."""
    return max((max(0, -n.normalize().as_tuple().exponent) for n in numbers), default=0)  # type: ignore[operator]


def copy_node(node: Node) -> Node:
    """A copy of a mapping or list node (its entries shared), so that the base's tree is never changed."""
    if isinstance(node, MappingNode):
        return MappingNode(node.tag, list(node.value), node.start_mark, node.end_mark, node.flow_style)
    if isinstance(node, SequenceNode):
        return SequenceNode(node.tag, list(node.value), node.start_mark, node.end_mark, node.flow_style)
    return node


def restated(old: Node | None, new: Node) -> bool:
    """Whether a profile's section or indicator field says again, as it is, what the base has: a scalar (`id:
    self-evaluation`, `version: "1.0"`, the base's own name, QA156 F7), or a list or mapping of such (the base's grades
    copied, QA157 F3), its mappings' keys in any order. No change of it. Walks without recursion.

    >>> from yaml import compose
    >>> restated(compose("[{min: 90, label: A}]"), compose("[{label: A, min: 90}]")), restated(compose("[1]"), compose("[1, 2]"))
    (True, False)
    """
    pairs: list[tuple[Node | None, Node | None]] = [(old, new)]
    while pairs:
        a, b = pairs.pop()
        if isinstance(a, ScalarNode) and isinstance(b, ScalarNode):
            if (a.tag, a.value) != (b.tag, b.value):
                return False
        elif isinstance(a, SequenceNode) and isinstance(b, SequenceNode) and len(a.value) == len(b.value):
            pairs.extend(zip(a.value, b.value, strict=True))
        elif isinstance(a, MappingNode) and isinstance(b, MappingNode) and len(a.value) == len(b.value):
            given = {getattr(k, "value", None): v for k, v in b.value}
            if len(given) != len(b.value) or any(getattr(k, "value", None) not in given for k, _ in a.value):
                return False
            pairs.extend((v, given[getattr(k, "value", None)]) for k, v in a.value)
        else:
            return False
    return True


def own(siblings: SequenceNode) -> SequenceNode:
    """A copy of an indicator list and of every indicator and list below it: the merge changes these, never the base."""
    copied = copy_node(siblings)
    assert isinstance(copied, SequenceNode)
    for i, original in enumerate(copied.value):
        if isinstance(original, MappingNode):
            item = copy_node(original)
            copied.value[i] = item
            children = get(item, "children")
            if isinstance(children, SequenceNode):
                put(item, key_of(item, "children"), own(children))  # type: ignore[arg-type]
    return copied


Told = tuple[tuple[str | int, ...], str, str]


def none_free(kids: dict[str, MappingNode], weights: dict[str, Decimal | None], total: Decimal, path: tuple[str | int, ...],
              owner: str, written: tuple[Set[str], Mapping[str, int]], where: Callable[[Any], Any]) -> Told:
    """The problem of a rescale (at `path`) that reaches `kids` under `owner` whose weights the profile all writes
    (`written`: the ids it sets, and those it adds by their place in add:), adding up to another `total`: said at the
    first weight written, under change: or add:, with a fix that makes them agree (QA338 M1)."""
    explicit, added = written
    fixed = sum((w or Decimal(0) for k, w in weights.items() if k in explicit), Decimal(0))
    if path[1] in kids:  # rescale: siblings, all of them set
        return (path, f"{path[1]} has no sibling under {owner} whose weight this profile leaves free to take up the "
                f"difference ({plain(fixed)} of {plain(total)})", f"change {owner}'s weight instead, with rescale: true"
                if owner != "the set" else "set the weights of the indicators beside it")
    spots = sorted((where(at) or (0, 0), k, at) for k, at in
                   ((k, ("add", added[k], "weight") if k in added else ("change", k, "weight")) for k in kids if k in explicit))
    sums = " + ".join(plain(weights[k] or Decimal(0)) for k in kids if k in explicit)
    sums = f" ({sums})" if "+" in sums else ""
    said = (f"{owner} is rescaled to {plain(total)} by {path[1]}'s rescale, but this profile sets all its children's "
            f"weights, which make {plain(fixed)}{sums}" if path[1] != owner else f"{owner}'s rescale cannot scale its "
            f"children to {plain(total)}: this profile sets all their weights, which make {plain(fixed)}{sums}")
    new = [(k, at) for _, k, at in spots if at[0] == "add"]
    if not new:
        return spots[0][2], said, f"set {owner}'s weight under change: to {plain(fixed)}, or leave one of its children's " \
            "weights to the rescale"
    kid, at = new[0]
    old = weights[kid] or Decimal(0)
    below = " and its children's to match" if isinstance(get(kids[kid], "children"), SequenceNode) else ""
    give = f"give {kid} (add[{at[1]}]) the weight {plain(old + total - fixed)} in place of {plain(old)}{below}, or "
    return spots[0][2], said, (give if old + total - fixed > 0 else "") + f"set {owner}'s weight under change: to {plain(fixed)}"


def key_of(node: MappingNode, key: str) -> ScalarNode:
    return next(k for name, k, _ in entries(node) if name == key)


def weight_node(value: Decimal, mark: Any) -> ScalarNode:
    """A number written by the profile's rescale (as the YAML reader reads numbers: whole ones as int)."""
    return ScalarNode(INT if value == value.to_integral_value() else FLOAT, plain(value), mark, mark)


def as_share(node: MappingNode, whole: Decimal | Fraction, mark: Any) -> bool:
    """`points_each` of `node` (points deducted per finding, out of `whole`) rewritten as the `share_each` of `whole` it
    is, in its place, and so each of its `keyword_points` (截留、挤占、挪用 5 points of 5: the whole): when a rescale changes
    `whole`, each finding still takes the same share of it (QA241 H1: a 挪用 finding zeroed 5 of 5 and took 5 of 10).
    True if any was rewritten."""
    if not whole:
        return False
    changed = _share_of(node, "points_each", "share_each", whole, mark)
    keyed = get(node, "keyword_points")
    for item in keyed.value if isinstance(keyed, SequenceNode) else ():
        changed |= isinstance(item, MappingNode) and _share_of(item, "points", "share", whole, mark)
    return changed


def _share_of(node: MappingNode, points_key: str, share_key: str, whole: Decimal | Fraction, mark: Any) -> bool:
    """`points_key` of `node` rewritten in its place as `share_key`, the share of `whole` it is (the whole at most: a
    finding of more points than the weight takes all of it, as before)."""
    each = amount(get(node, points_key))
    if each is None:
        return False
    share = min(each / Fraction(whole), Fraction(1))
    as_decimal = Decimal(share.numerator) / Decimal(share.denominator)
    exactly = Fraction(as_decimal) == share and -as_decimal.normalize().as_tuple().exponent <= 6  # type: ignore[operator]
    value = weight_node(as_decimal, mark) if exactly else ScalarNode(STR, f"{share.numerator}/{share.denominator}", mark, mark)
    for i, (name, _, _) in enumerate(entries(node)):
        if name == points_key:
            node.value[i] = (ScalarNode(STR, share_key, mark, mark), value)
    return True


def blame(root: MappingNode, parent: MappingNode | None, mark: Any, yielding: Sequence[Any] = ()) -> None:
    """The sum of `parent`'s children (the top level's: None) is now the profile's doing: a sum that no longer adds up
    points at `mark`, unless another line of the profile has it already; one at a mark of `yielding` (a remove: entry)
    gives way to an add: or a weight, which gives the sum its number (QA326 F8: a weight added wrong was said at the
    remove: line beside it)."""
    holder, name = (parent, "weight") if parent is not None else (root, "indicators")
    for i, (key, value) in enumerate(holder.value):
        if getattr(key, "value", None) != name:
            continue
        at = (value if parent is not None else key).start_mark
        if at.name != mark.name or (any(at is m for m in yielding) and not any(mark is m for m in yielding)):
            holder.value[i] = (key, moved(value, mark)) if parent is not None else (moved(key, mark), value)
        return


def moved(node: Node, mark: Any) -> Node:
    """`node` as if written at `mark`: where an error it causes is reported."""
    if isinstance(node, ScalarNode):
        return ScalarNode(node.tag, node.value, mark, mark, node.style)
    copied = copy_node(node)
    copied.start_mark = mark
    return copied


def name_file(root: Node, file: str | None) -> None:
    """Write `file` into the mark of every node of `root`, so that a tree mixing files still says where each part came from."""
    stack = [root]
    while stack:
        node = stack.pop()
        mark = node.start_mark  # libyaml's marks cannot be written to: each node gets a new one
        node.start_mark = yaml.Mark(file, mark.index, mark.line, mark.column, None, None)  # type: ignore[arg-type]
        if isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def ids_in(node: MappingNode) -> list[str]:
    """The ids of an indicator and of every indicator below it, as written."""
    found = get(node, "id")
    ids = [found.value] if isinstance(found, ScalarNode) else []
    children = get(node, "children")
    for child in children.value if isinstance(children, SequenceNode) else ():
        if isinstance(child, MappingNode):
            ids += ids_in(child)
    return ids


def names_in(node: Node) -> frozenset[str]:
    """The names a subtree's values write (a rule's facts, its formulas' names): what an indicator removed read."""
    if isinstance(node, ScalarNode):
        return frozenset(_NAME.findall(node.value)) if isinstance(node.value, str) and node.tag == STR else frozenset()
    parts = node.value if isinstance(node, SequenceNode) else [v for _, v in node.value] if isinstance(node, MappingNode) \
        else []
    return frozenset().union(*(names_in(part) for part in parts))


_NAME = compile_later(r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*")


def dropped(old: Node | None, new: Node) -> str:
    """What of the base's row group (`old` children_from) a profile's replacement `new` no longer has: its categories,
    comparisons, standards, a rule by row type, or a key of a rule it rewrites, such as a tier rule's synonyms (QA71 F7:
    forms wording tiers as the base allowed then failed): "comparisons, rules.exact, rules.qualitative.synonyms"; "" for
    nothing."""
    if not isinstance(old, MappingNode) or not isinstance(new, MappingNode):
        return ""
    parts = ("categories", "comparisons", "standards", "rules")
    gone = [key for key in parts if get(old, key) is not None and get(new, key) is None]
    rules, kept = get(old, "rules"), get(new, "rules")
    if isinstance(rules, MappingNode) and isinstance(kept, MappingNode):
        for name, _, rule in entries(rules):
            written = get(kept, name)
            if written is None:
                gone.append(f"rules.{name}")
            elif isinstance(rule, MappingNode) and isinstance(written, MappingNode):
                gone += [f"rules.{name}.{key}" for key, _, _ in entries(rule) if get(written, key) is None]
    return ", ".join(gone)


def scale_points(rule: MappingNode, old: Decimal, new: Decimal, mark: Any, precision: int) -> bool:
    """The points a rule writes out of its weight, scaled from `old` to `new` (those that add up to it by largest
    remainder, so that they still do); True when any changed. Its 评分标准 text is the profile's to restate."""
    kind = get(rule, "kind")
    spec = RULE_KINDS.get(kind.value) if isinstance(kind, ScalarNode) else None
    changed = as_share(rule, old, mark)  # a deduction ladder of the weight (deduction, linear)
    if isinstance(kind, ScalarNode) and kind.value == "panel" and get(rule, "scale") is None:
        # the reviewers mark out of the base's weight, whatever the weight now (QA241 H2: 18 of 20 was read as 18 of 40)
        put(rule, ScalarNode(STR, "scale", mark, mark), weight_node(old, mark))
        changed = True
    for inner in _nested_rules(rule, spec):  # a switch's rules, equal's otherwise (QA243 H1: never scaled)
        changed |= scale_points(inner, old, new, mark, precision)
    if isinstance(kind, ScalarNode) and kind.value == "checklist":
        changed |= _element_ladders(rule, old, mark)
    for holder_key, item_key in spec.points if spec else ():
        holder = get(rule, holder_key)
        if item_key == "*":  # rules of their own: scaled above
            continue
        items = [n for n in holder.value if isinstance(n, MappingNode)] if isinstance(holder, SequenceNode) else []
        written = {i: amount(get(n, item_key)) for i, n in enumerate(items) if get(n, item_key) is not None}
        points = {i: p for i, p in written.items() if p is not None}
        if not points or len(points) != len(written):
            continue
        if sum(points.values(), Fraction(0)) == old:  # parts of the weight: they must still add up to it
            scaled = apportion({i: to_decimal(p) for i, p in points.items()}, new, precision)
        else:  # alternatives (bands): each in proportion
            scaled = {i: _rounded(to_decimal(p * Fraction(new) / Fraction(old)), precision) for i, p in points.items()}
        for i, value in scaled.items():
            if value != points[i]:
                put(items[i], ScalarNode(STR, item_key, mark, mark), weight_node(value, mark))
                as_share(items[i], points[i], mark)  # a checklist element's ladder of its points
                changed = True
    return changed


def _rounded(value: Decimal, precision: int) -> Decimal:
    """`value` rounded to `precision` decimals; as it is when out of range, for the reader to say so at the rescale's line
    (QA318 F1: 9e14 points scaled by 1e14 could not be rounded: an internal error)."""
    return round_half_up(value, precision) if in_range(value) else value


def _nested_rules(rule: MappingNode, spec: Any) -> list[MappingNode]:
    """The rules of their own a rule holds (a switch's rules, a mapping of them; equal's otherwise, one)."""
    found: list[MappingNode] = []
    for key in sorted(spec.nests) if spec else ():
        holder = get(rule, key)
        if isinstance(holder, MappingNode) and get(holder, "kind") is not None:
            found.append(holder)
        elif isinstance(holder, MappingNode):
            found += [inner for _, _, inner in entries(holder) if isinstance(inner, MappingNode)]
    return found


def _element_ladders(rule: MappingNode, old: Decimal, mark: Any) -> bool:
    """A checklist's elements worth a share of the weight (or equal shares), their findings ladders rewritten as shares
    of the points each was worth: they follow the element as it follows the weight (QA243 H2: an element's 1 point per
    finding stayed 1 point of an element grown from 2.5 to 5). Elements worth points are rewritten where scaled."""
    elements = get(rule, "elements")
    items = [n for n in elements.value if isinstance(n, MappingNode)] if isinstance(elements, SequenceNode) else []
    changed = False
    for item in items:
        if get(item, "points") is not None:
            continue
        share = amount(get(item, "share")) if get(item, "share") is not None else Fraction(1, len(items))
        if share is not None:  # (one the schema refuses is said so)
            changed |= as_share(item, Fraction(old) * share, mark)
    return changed


def points_of_a_formula(rule: MappingNode, reading_weight: bool = False) -> bool:
    """Whether `rule` is a formula giving points (`score:`) that does not read the weight, or a rule of rules (a switch)
    with one among them: points written for one weight, which a rescale cannot follow (a `rate:` is a share of the
    weight, and follows it). `reading_weight`: one that reads it instead, whose points may or may not follow it
    (max(0, weight - late) still takes 1 point a report: QA243 H3), for the editor to check."""
    kind, formula = get(rule, "kind"), get(rule, "score")
    if isinstance(kind, ScalarNode) and kind.value == "formula":
        if not isinstance(formula, ScalarNode):
            return False
        reads = re.search(r"(?<![\w.])weight(?![\w.])", str(formula.value)) is not None
        if not reading_weight:
            return not reads
        return reads and not _times_weight(str(formula.value))
    spec = RULE_KINDS.get(kind.value) if isinstance(kind, ScalarNode) else None
    return any(points_of_a_formula(inner, reading_weight) for inner in _nested_rules(rule, spec))  # a switch's (QA73 F2)


def _times_weight(text: str) -> bool:
    """Whether formula `text` is the weight times what reads no weight (weight * rate, rate * weight / 2): points that
    follow the weight whatever it is, which the editor need not check (QA245 L2)."""
    try:
        tree = ast.parse(f"(\n{text}\n)", mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False  # the set's check says what is wrong with it
    while isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.Mult | ast.Div):
        weight_here = [isinstance(side, ast.Name) and side.id == "weight" for side in (tree.left, tree.right)]
        if weight_here[0] or (weight_here[1] and isinstance(tree.op, ast.Mult)):
            rest = tree.right if weight_here[0] else tree.left
            return not any(isinstance(node, ast.Name) and node.id == "weight" for node in ast.walk(rest))
        if any(isinstance(node, ast.Name) and node.id == "weight" for node in ast.walk(tree.right)):
            return False  # weight in a divisor, or in both factors
        tree = tree.left
    return False


def resolved_yaml(root: Node, header: str) -> str:
    """A resolved set's node tree as YAML text (the flattened set `scoring-engine resolve` prints), after a comment
    `header`."""
    body = yaml.serialize(root, Dumper=yaml.SafeDumper, allow_unicode=True, width=120)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + str(body)
